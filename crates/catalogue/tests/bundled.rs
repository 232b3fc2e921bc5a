//! The bundled catalogues reproduce the seed page.

use std::collections::BTreeMap;

use feature_matrix_catalogue::{load_str, Catalogue, BUNDLED_EN, BUNDLED_ZH};

fn zh() -> Catalogue {
    load_str(BUNDLED_ZH).expect("bundled zh catalogue validates")
}

fn en() -> Catalogue {
    load_str(BUNDLED_EN).expect("bundled en catalogue validates")
}

fn stage_counts(c: &Catalogue) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for f in &c.features {
        *counts.entry(f.stage.clone()).or_default() += 1;
    }
    counts
}

#[test]
fn zh_catalogue_has_the_seed_features_by_stage() {
    let c = zh();
    assert_eq!(c.features.len(), 42);
    let counts = stage_counts(&c);
    assert_eq!(counts["stable"], 16);
    assert_eq!(counts["beta"], 15);
    assert_eq!(counts["alpha"], 11);
}

#[test]
fn zh_catalogue_has_the_seed_categories_in_order() {
    let c = zh();
    let per_category: Vec<(String, usize)> = c
        .categories
        .iter()
        .map(|cat| {
            (
                cat.id.clone(),
                c.features.iter().filter(|f| f.category == cat.id).count(),
            )
        })
        .collect();
    assert_eq!(
        per_category,
        vec![
            ("traffic-management".to_string(), 13),
            ("observability".to_string(), 8),
            ("extensibility".to_string(), 1),
            ("security-and-policy-enforcement".to_string(), 8),
            ("core".to_string(), 12),
        ]
    );
    let labels: Vec<&str> = c.categories.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        ["流量管理", "可观察性", "扩展性", "安全和策略执行", "核心"]
    );
}

#[test]
fn zh_catalogue_keeps_the_seed_texts() {
    let c = zh();
    assert_eq!(c.title, "功能状态");
    assert!(c
        .intro
        .starts_with("此页面列出了每个功能的相对成熟度和支持等级。"));
    assert_eq!(c.footer, "如果您希望在将来的版本中看到某些功能，请加入我们的[社区](/zh/about/community/)并联系我们。");
    let aspects: Vec<&str> = c.aspects.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(aspects, ["目的", "API", "行为", "弃用策略", "安全性"]);
    let security = &c.aspects[4].definitions;
    assert_eq!(
        security["alpha"],
        "安全漏洞将按照简单地错误修复程序公开处理"
    );
    assert_eq!(
        security["beta"],
        "安全漏洞将根据我们的[安全漏洞处理规范](/zh/about/security-vulnerabilities/)进行处理"
    );
    let ipv6 = c.features.iter().find(|f| f.id == "ipv6").unwrap();
    assert_eq!(ipv6.name, "Kubernetes 支持 IPv6");
    assert_eq!(ipv6.note.as_deref(), Some("不能同时启用 IPv4 和 IPv6"));
    assert_eq!(ipv6.link, None);
    // Links are kept as the seed writes them, /docs/ and /zh/docs/ alike.
    let vm = c
        .features
        .iter()
        .find(|f| f.id == "vm-integration")
        .unwrap();
    assert_eq!(
        vm.link.as_deref(),
        Some("/docs/setup/install/virtual-machine/")
    );
    let helm = c
        .features
        .iter()
        .find(|f| f.name == "基于 Helm 安装")
        .unwrap();
    assert_eq!(helm.link.as_deref(), Some("/zh/docs/setup/install/helm/"));
    assert_eq!(c.features.iter().filter(|f| f.link.is_some()).count(), 30);
}

#[test]
fn zh_and_en_share_ids_and_stages() {
    let (zh, en) = (zh(), en());
    let key = |c: &Catalogue| -> Vec<(String, String, String)> {
        c.features
            .iter()
            .map(|f| (f.id.clone(), f.category.clone(), f.stage.clone()))
            .collect()
    };
    assert_eq!(key(&zh), key(&en));
    let ids = |c: &Catalogue| -> Vec<String> {
        c.stages
            .iter()
            .map(|s| s.id.clone())
            .chain(c.categories.iter().map(|s| s.id.clone()))
            .chain(c.aspects.iter().map(|s| s.id.clone()))
            .collect()
    };
    assert_eq!(ids(&zh), ids(&en));
    assert_eq!(en.locale, "en");
}
