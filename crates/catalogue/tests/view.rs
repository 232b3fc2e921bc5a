//! Search, facets and ordering on the bundled catalogue.

use std::cmp::Ordering;

use feature_matrix_catalogue::view::{
    select, split_highlights, summary, Search, SearchIndex, Sort, SortDir, SortKey, ViewQuery,
};
use feature_matrix_catalogue::{load_str, Catalogue, BUNDLED_EN, BUNDLED_ZH};

fn zh() -> Catalogue {
    load_str(BUNDLED_ZH).unwrap()
}

fn bytewise(a: &str, b: &str) -> Ordering {
    a.cmp(b)
}

fn names(c: &Catalogue, view: &ViewQuery) -> Vec<String> {
    let index = SearchIndex::new(c);
    select(c, &index, view, &bytewise)
        .rows
        .into_iter()
        .map(|i| c.features[i].name.clone())
        .collect()
}

fn query(q: &str) -> ViewQuery {
    ViewQuery {
        q: q.into(),
        ..ViewQuery::default()
    }
}

#[test]
fn search_matches_cjk_substring() {
    assert_eq!(names(&zh(), &query("负载")), ["局部负载均衡"]);
}

#[test]
fn search_is_case_insensitive() {
    assert_eq!(names(&zh(), &query("helm")), ["基于 Helm 安装"]);
    assert_eq!(names(&zh(), &query("HELM")), ["基于 Helm 安装"]);
}

#[test]
fn search_covers_notes_and_category_labels() {
    assert_eq!(names(&zh(), &query("ipv4")), ["Kubernetes 支持 IPv6"]);
    assert_eq!(names(&zh(), &query("扩展性")), ["WebAssembly 扩展"]);
}

#[test]
fn search_terms_must_all_match() {
    assert_eq!(
        names(&zh(), &query("kubernetes 升级")),
        ["Kubernetes: Istio 控制平面升级"]
    );
    assert!(names(&zh(), &query("helm zipkin")).is_empty());
}

#[test]
fn highlights_map_back_to_the_original_text() {
    let search = Search::new("helm");
    let text = "基于 Helm 安装";
    let ranges = search.highlights(text);
    assert_eq!(
        split_highlights(text, &ranges),
        [(false, "基于 "), (true, "Helm"), (false, " 安装")]
    );
    // A character whose lowercase is longer than itself keeps the ranges on char boundaries.
    let text = "İstanbul İS";
    let ranges = Search::new("i̇s").highlights(text);
    assert_eq!(
        split_highlights(text, &ranges),
        [(true, "İs"), (false, "tanbul "), (true, "İS")]
    );
}

#[test]
fn facet_counts_reflect_the_other_filters() {
    let c = zh();
    let index = SearchIndex::new(&c);
    let all = select(&c, &index, &ViewQuery::default(), &bytewise).facets;
    assert_eq!(all.stages, [11, 15, 16]);
    assert_eq!(all.categories, [13, 8, 1, 8, 12]);
    let view = ViewQuery {
        stages: vec!["alpha".into()],
        categories: vec!["core".into()],
        ..ViewQuery::default()
    };
    let s = select(&c, &index, &view, &bytewise);
    assert_eq!(s.rows.len(), 5);
    // Stage counts ignore the stage filter but respect the category filter.
    assert_eq!(s.facets.stages, [5, 5, 2]);
    // Category counts ignore the category filter but respect the stage filter.
    assert_eq!(s.facets.categories, [4, 0, 1, 1, 5]);
    assert_eq!((s.facets.matching, s.facets.total), (5, 42));
}

#[test]
fn several_stages_combine_as_either() {
    let c = zh();
    let view = ViewQuery {
        stages: vec!["alpha".into(), "beta".into()],
        ..ViewQuery::default()
    };
    assert_eq!(names(&c, &view).len(), 26);
}

#[test]
fn default_order_is_catalogue_order_grouped_by_category() {
    let c = zh();
    let expected: Vec<String> = c.features.iter().map(|f| f.name.clone()).collect();
    assert_eq!(names(&c, &ViewQuery::default()), expected);
}

fn sorted(c: &Catalogue, key: SortKey, dir: SortDir) -> Vec<usize> {
    let view = ViewQuery {
        sort: Some(Sort { key, dir }),
        ..ViewQuery::default()
    };
    select(c, &SearchIndex::new(c), &view, &bytewise).rows
}

#[test]
fn sort_by_stage_orders_by_maturity_and_flips() {
    let c = zh();
    let stages = |rows: Vec<usize>| -> Vec<usize> {
        rows.iter()
            .map(|i| c.stage_rank(&c.features[*i].stage))
            .collect()
    };
    let asc = stages(sorted(&c, SortKey::Stage, SortDir::Asc));
    assert!(asc.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(asc[0], 0);
    let desc = stages(sorted(&c, SortKey::Stage, SortDir::Desc));
    assert!(desc.windows(2).all(|w| w[0] >= w[1]));
    // Ties keep catalogue order in both directions.
    let asc_rows = sorted(&c, SortKey::Stage, SortDir::Asc);
    let alpha: Vec<usize> = asc_rows[..11].to_vec();
    assert!(alpha.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn sort_by_name_uses_the_given_collation() {
    let c = load_str(BUNDLED_EN).unwrap();
    let view = ViewQuery {
        sort: Some(Sort {
            key: SortKey::Name,
            dir: SortDir::Asc,
        }),
        ..ViewQuery::default()
    };
    let caseless = |a: &str, b: &str| a.to_lowercase().cmp(&b.to_lowercase());
    let rows = select(&c, &SearchIndex::new(&c), &view, &caseless).rows;
    let got: Vec<&str> = rows.iter().map(|i| c.features[*i].name.as_str()).collect();
    assert_eq!(got[0], "Authorization");
    assert!(got
        .windows(2)
        .all(|w| caseless(w[0], w[1]) != Ordering::Greater));
}

#[test]
fn sort_by_category_follows_catalogue_category_order() {
    let c = zh();
    let rows = sorted(&c, SortKey::Category, SortDir::Desc);
    assert_eq!(c.features[rows[0]].category, "core");
    assert_eq!(c.features[rows[0]].id, "standalone-operator");
    assert_eq!(
        c.features[*rows.last().unwrap()].category,
        "traffic-management"
    );
}

#[test]
fn header_click_cycles_asc_desc_default() {
    let asc = Sort::cycle(None, SortKey::Name);
    assert_eq!(
        asc,
        Some(Sort {
            key: SortKey::Name,
            dir: SortDir::Asc
        })
    );
    let desc = Sort::cycle(asc, SortKey::Name);
    assert_eq!(
        desc,
        Some(Sort {
            key: SortKey::Name,
            dir: SortDir::Desc
        })
    );
    assert_eq!(Sort::cycle(desc.clone(), SortKey::Name), None);
    assert_eq!(
        Sort::cycle(desc, SortKey::Stage),
        Some(Sort {
            key: SortKey::Stage,
            dir: SortDir::Asc
        })
    );
}

#[test]
fn summary_grid_counts_categories_by_stage() {
    let c = zh();
    let grid = summary(&c, &SearchIndex::new(&c), None);
    assert_eq!(grid[0], [4, 2, 7]);
    assert_eq!(grid[4], [5, 5, 2]);
    assert_eq!(grid.iter().flatten().sum::<usize>(), 42);
}

#[test]
fn unknown_ids_in_a_view_are_dropped_with_warnings() {
    let c = zh();
    let mut view = ViewQuery {
        stages: vec!["stable".into(), "gamma".into(), "alpha".into()],
        categories: vec!["nope".into()],
        ..ViewQuery::default()
    };
    let warnings = view.sanitize(&c);
    assert_eq!(view.stages, ["alpha", "stable"]);
    assert!(view.categories.is_empty());
    assert_eq!(warnings.len(), 2);
}

#[test]
fn collation_runs_only_for_a_sort_by_name() {
    let c = zh();
    let index = SearchIndex::new(&c);
    let never =
        |_: &str, _: &str| -> Ordering { panic!("collation called without a sort by name") };
    let view = ViewQuery {
        q: "kubernetes".into(),
        sort: Some(Sort {
            key: SortKey::Stage,
            dir: SortDir::Asc,
        }),
        ..ViewQuery::default()
    };
    assert_eq!(select(&c, &index, &view, &never).rows.len(), 6);
    // The first sort by name ranks the names once; later sorts reuse the ranks.
    let by_name = ViewQuery {
        sort: Some(Sort {
            key: SortKey::Name,
            dir: SortDir::Asc,
        }),
        ..ViewQuery::default()
    };
    let first = select(&c, &index, &by_name, &bytewise).rows;
    assert_eq!(select(&c, &index, &by_name, &never).rows, first);
}
