//! URL query codec: round trips, hostile input, other parameters preserved.

use feature_matrix_catalogue::codec::{parse_query, serialize_query};
use feature_matrix_catalogue::view::{
    AttributeFilter, Definitions, Sort, SortDir, SortKey, ViewMode, ViewQuery,
};
use proptest::prelude::*;

#[test]
fn parses_every_parameter() {
    let p = parse_query(
        "?q=helm&stage=beta,stable&category=core&attr.default=true&attr.posture=robust,unknown&sort=stage&dir=desc&lang=en&defs=beta&release=1.24&changed=1.33&view=releases",
        "",
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(
        p.view,
        ViewQuery {
            q: "helm".into(),
            stages: vec!["beta".into(), "stable".into()],
            categories: vec!["core".into()],
            attributes: vec![
                AttributeFilter {
                    id: "default".into(),
                    values: vec!["true".into()]
                },
                AttributeFilter {
                    id: "posture".into(),
                    values: vec!["robust".into(), "unknown".into()]
                },
            ],
            sort: Some(Sort {
                key: SortKey::Stage,
                dir: SortDir::Desc
            }),
            lang: Some("en".into()),
            defs: Definitions::AtStage("beta".into()),
            release: Some("1.24".into()),
            changed: Some("1.33".into()),
            view: Some(ViewMode::Releases),
        }
    );
}

#[test]
fn prefixed_parameters_belong_to_one_instance() {
    let p = parse_query("a.q=x&b.q=y&q=z&b.stage=alpha", "b");
    assert_eq!(p.view.q, "y");
    assert_eq!(p.view.stages, ["alpha"]);
    let written = serialize_query(&p.view, "b", "a.q=x&b.q=y&q=z&b.stage=alpha");
    assert_eq!(written, "a.q=x&q=z&b.q=y&b.stage=alpha");
}

#[test]
fn invalid_values_are_ignored_with_warnings() {
    let cases = [
        ("dir=sideways&sort=name", 1),
        ("sort=Colour%3C", 1),
        ("attr.Default=true", 1),
        ("attr.default=yes,%3Cb%3E&attr.default=false", 2),
        ("q=%E4%B8%AD%ZZ", 1),
        ("q=%FF", 1),
        ("stage=Beta,<script>", 2),
        ("q=a&q=b", 1),
        ("lang=../../etc", 1),
        ("defs=<img>", 1),
    ];
    for (query, warnings) in cases {
        let p = parse_query(query, "");
        assert_eq!(p.warnings.len(), warnings, "{query}: {:?}", p.warnings);
    }
    let p = parse_query("dir=sideways&sort=name", "");
    assert_eq!(
        p.view.sort,
        Some(Sort {
            key: SortKey::Name,
            dir: SortDir::Asc
        })
    );
    assert_eq!(parse_query("q=a&q=b", "").view.q, "a");
}

#[test]
fn long_query_is_clamped() {
    let p = parse_query(&format!("q={}", "x".repeat(10_000)), "");
    assert_eq!(p.view.q.chars().count(), 200);
    assert_eq!(p.warnings.len(), 1);
}

#[test]
fn other_parameters_are_preserved_untouched() {
    let view = ViewQuery {
        q: "负载 均衡".into(),
        ..ViewQuery::default()
    };
    let written = serialize_query(&view, "", "?utm_source=x%20y&q=old&flag");
    assert_eq!(
        written,
        "utm_source=x%20y&flag&q=%E8%B4%9F%E8%BD%BD%20%E5%9D%87%E8%A1%A1"
    );
    assert_eq!(serialize_query(&ViewQuery::default(), "", "q=old"), "");
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9_-]{0,10}"
}

fn ids() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::btree_set(id(), 0..4).prop_map(|s| s.into_iter().collect())
}

fn view() -> impl Strategy<Value = ViewQuery> {
    let key = prop_oneof![
        (0..3usize).prop_map(|k| SortKey::FIXED[k].clone()),
        id().prop_filter("not a fixed column", |s| SortKey::FIXED
            .iter()
            .all(|k| k.as_str() != s))
            .prop_map(SortKey::Attribute),
    ];
    let sort = proptest::option::of((key, any::<bool>()).prop_map(|(key, desc)| Sort {
        key,
        dir: if desc { SortDir::Desc } else { SortDir::Asc },
    }));
    let attributes =
        proptest::collection::btree_map(id(), ids().prop_filter("some", |v| !v.is_empty()), 0..4)
            .prop_map(|m| {
                m.into_iter()
                    .map(|(id, values)| AttributeFilter { id, values })
                    .collect::<Vec<_>>()
            });
    let defs = prop_oneof![
        Just(Definitions::Closed),
        Just(Definitions::Open),
        id().prop_filter("not 0 or 1", |s| s != "0" && s != "1")
            .prop_map(Definitions::AtStage),
    ];
    let lang = proptest::option::of("[a-z]{2,3}(-[a-z0-9]{1,8})?");
    let release = || "[A-Za-z0-9_-]{1,6}(\\.[A-Za-z0-9_-]{1,5})?";
    // One release, or a range of two.
    let changed = proptest::option::of(prop_oneof![
        release(),
        (release(), release()).prop_map(|(a, b)| format!("{a}..{b}")),
    ]);
    let mode = proptest::option::of(prop_oneof![Just(ViewMode::Table), Just(ViewMode::Releases)]);
    (
        ("\\PC{0,40}", ids(), ids(), sort, lang, defs),
        (proptest::option::of(release()), changed, mode, attributes),
    )
        .prop_map(
            |((q, stages, categories, sort, lang, defs), (release, changed, view, attributes))| {
                ViewQuery {
                    q,
                    stages,
                    categories,
                    attributes,
                    sort,
                    lang,
                    defs,
                    release,
                    changed,
                    view,
                }
            },
        )
}

proptest! {
    #[test]
    fn parse_of_serialize_is_identity(view in view(), prefix in prop_oneof![Just(String::new()), id()]) {
        let query = serialize_query(&view, &prefix, "keep=1");
        let parsed = parse_query(&query, &prefix);
        prop_assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        prop_assert_eq!(parsed.view, view);
        prop_assert!(query.starts_with("keep=1"));
    }

    #[test]
    fn parse_never_panics(query in "\\PC{0,200}", prefix in "[a-z]{0,2}") {
        let _ = parse_query(&query, &prefix);
    }
}

#[test]
fn bad_release_values_are_ignored_with_a_warning() {
    let p = parse_query(
        "?release=1.24%20drop&changed=%3Cscript%3E&b.release=1.2",
        "",
    );
    assert_eq!(p.view.release, None);
    assert_eq!(p.view.changed, None);
    assert_eq!(p.warnings.len(), 2, "{:?}", p.warnings);
    assert!(p.warnings[0].starts_with("release: "), "{:?}", p.warnings);
    let prefixed = parse_query("?b.release=1.2&b.changed=1.3", "b");
    assert_eq!(prefixed.view.release.as_deref(), Some("1.2"));
    assert_eq!(prefixed.view.changed.as_deref(), Some("1.3"));
}
