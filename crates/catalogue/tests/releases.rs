//! Reading a catalogue across releases: what changed between two releases,
//! what was true as of one, and how the project matured (the release
//! matrix and its chart), on a small catalogue and on the Kubernetes example.

use std::cmp::Ordering;

use feature_matrix_catalogue::codec::{parse_query, serialize_query};
use feature_matrix_catalogue::history::{change_between, deprecation_as_of, history_as_of};
use feature_matrix_catalogue::view::{
    select, stages_per_release, SearchIndex, ViewMode, ViewQuery,
};
use feature_matrix_catalogue::{load_str, Catalogue};

/// Three releases; `old` is Alpha in 1.0 and Beta in 2.0; `new` appears in
/// 2.0 at Alpha; `gone` is Beta from 1.0, deprecated in 3.0; `plain` has no
/// history (Beta in every release).
fn small() -> Catalogue {
    load_str(
        r#"{
  "version": 1, "locale": "en", "title": "T",
  "stages": [
    {"id": "alpha", "label": "Alpha", "tone": "experimental"},
    {"id": "beta", "label": "Beta", "tone": "preview"},
    {"id": "deprecated", "label": "Deprecated", "tone": "deprecated"}
  ],
  "categories": [{"id": "core", "label": "Core"}],
  "releases": ["1.0", "2.0", "3.0"],
  "features": [
    {"id": "old", "name": "Old", "category": "core", "stage": "beta",
     "history": [{"stage": "alpha", "since": "1.0"}, {"stage": "beta", "since": "2.0"}]},
    {"id": "new", "name": "New", "category": "core", "stage": "alpha",
     "history": [{"stage": "alpha", "since": "2.0"}]},
    {"id": "gone", "name": "Gone", "category": "core", "stage": "deprecated",
     "history": [{"stage": "beta", "since": "1.0"}, {"stage": "deprecated", "since": "3.0"}],
     "deprecated": {"since": "3.0"}},
    {"id": "plain", "name": "Plain", "category": "core", "stage": "beta"}
  ]
}"#,
    )
    .unwrap()
}

fn bytewise(a: &str, b: &str) -> Ordering {
    a.cmp(b)
}

fn ids(c: &Catalogue, view: &ViewQuery) -> Vec<String> {
    let index = SearchIndex::new(c);
    select(c, &index, view, &bytewise)
        .rows
        .into_iter()
        .map(|i| c.features[i].id.clone())
        .collect()
}

fn changed(value: &str) -> ViewQuery {
    ViewQuery {
        changed: Some(value.into()),
        ..ViewQuery::default()
    }
}

#[test]
fn changed_in_one_release_compares_it_with_the_release_before() {
    let c = small();
    assert_eq!(ids(&c, &changed("2.0")), ["old", "new"]);
    assert_eq!(ids(&c, &changed("3.0")), ["gone"]);
    // In the first release every feature with a history is new.
    assert_eq!(ids(&c, &changed("1.0")), ["old", "gone"]);
}

#[test]
fn changed_between_two_releases_compares_their_ends_in_either_order() {
    let c = small();
    assert_eq!(ids(&c, &changed("1.0..3.0")), ["old", "new", "gone"]);
    assert_eq!(ids(&c, &changed("3.0..1.0")), ["old", "new", "gone"]);
    assert_eq!(ids(&c, &changed("2.0..3.0")), ["gone"]);
    assert!(ids(&c, &changed("2.0..2.0")).is_empty());
}

#[test]
fn each_change_reads_before_and_after_with_new_features_from_nothing() {
    let c = small();
    let f = |id: &str| c.features.iter().find(|f| f.id == id).unwrap();
    assert_eq!(
        change_between(&c, f("old"), Some(0), 2),
        Some((Some("alpha"), Some("beta")))
    );
    assert_eq!(
        change_between(&c, f("new"), Some(0), 2),
        Some((None, Some("alpha")))
    );
    assert_eq!(change_between(&c, f("new"), Some(1), 2), None);
    assert_eq!(change_between(&c, f("plain"), Some(0), 2), None);
}

#[test]
fn a_range_in_the_url_round_trips_and_a_bad_one_is_warned_and_ignored() {
    let parsed = parse_query("changed=1.20..1.30&view=releases", "");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(parsed.view.changed.as_deref(), Some("1.20..1.30"));
    assert_eq!(parsed.view.view, Some(ViewMode::Releases));
    assert_eq!(
        serialize_query(&parsed.view, "", "x=1"),
        "x=1&changed=1.20..1.30&view=releases"
    );
    let bad = parse_query("b.changed=1.20..%3Cscript%3E&b.view=grid", "b");
    assert_eq!(bad.view.changed, None);
    assert_eq!(bad.view.view, None);
    assert_eq!(bad.warnings.len(), 2, "{:?}", bad.warnings);
    assert!(bad.warnings[1].starts_with("b.view: \"grid\" is not table or releases"));
}

#[test]
fn unknown_releases_in_a_range_and_the_release_view_without_releases_are_dropped() {
    let c = small();
    let mut view = ViewQuery {
        changed: Some("1.0..9.9".into()),
        view: Some(ViewMode::Releases),
        ..ViewQuery::default()
    };
    let warnings = view.sanitize(&c);
    assert_eq!(view.changed, None);
    assert_eq!(
        warnings,
        ["changed: unknown release \"9.9\"; \"1.0..9.9\" ignored"]
    );
    assert_eq!(view.view, Some(ViewMode::Releases));
    let bundled = load_str(feature_matrix_catalogue::BUNDLED_EN).unwrap();
    let mut view = ViewQuery {
        view: Some(ViewMode::Releases),
        ..ViewQuery::default()
    };
    assert_eq!(
        view.sanitize(&bundled),
        ["view: this catalogue has no releases; showing the table"]
    );
    assert_eq!(view.view, None);
}

#[test]
fn as_of_an_older_release_nothing_from_later_releases_shows() {
    let c = small();
    let gone = &c.features[2];
    assert!(deprecation_as_of(&c, gone, Some(1)).is_none());
    assert!(deprecation_as_of(&c, gone, Some(2)).is_some());
    assert!(deprecation_as_of(&c, gone, None).is_some());
    let steps = |rank| {
        history_as_of(&c, &c.features[0], rank)
            .map(|s| s.stage.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(steps(Some(0)), ["alpha"]);
    assert_eq!(steps(None), ["alpha", "beta"]);
}

#[test]
fn the_maturity_chart_counts_features_per_stage_in_each_release() {
    let c = small();
    let index = SearchIndex::new(&c);
    let all: Vec<usize> = (0..c.features.len()).collect();
    // [release][alpha, beta, deprecated]
    assert_eq!(
        stages_per_release(&c, &index, &all),
        [vec![1, 2, 0], vec![1, 3, 0], vec![1, 2, 1]]
    );
}

#[test]
fn the_kubernetes_chart_adds_up_to_the_gates_present_in_each_release() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/kubernetes.json"),
    )
    .unwrap();
    let c = load_str(&text).unwrap();
    let index = SearchIndex::new(&c);
    let all: Vec<usize> = (0..c.features.len()).collect();
    let chart = stages_per_release(&c, &index, &all);
    assert_eq!(chart.len(), c.releases.len());
    for (rank, counts) in chart.iter().enumerate() {
        let present = c
            .features
            .iter()
            .filter(|f| feature_matrix_catalogue::history::stage_at(&c, f, rank).is_some())
            .count();
        assert_eq!(
            counts.iter().sum::<usize>(),
            present,
            "release {}",
            c.releases[rank]
        );
    }
    assert_eq!(
        chart.last().unwrap().iter().sum::<usize>(),
        c.features.len()
    );
}

#[test]
fn stages_by_release_is_stage_at_in_every_release() {
    use feature_matrix_catalogue::history::{stage_at, stages_by_release};
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/kubernetes.json");
    let mut c =
        feature_matrix_catalogue::load_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // Removals, with history and without.
    c.features[0].removed = Some(feature_matrix_catalogue::Removal {
        since: c.releases[c.releases.len() - 2].clone(),
    });
    c.features[1].history.clear();
    c.features[1].removed = Some(feature_matrix_catalogue::Removal {
        since: c.releases[3].clone(),
    });
    for f in &c.features {
        let each: Vec<Option<&str>> = (0..c.releases.len()).map(|r| stage_at(&c, f, r)).collect();
        assert_eq!(stages_by_release(&c, f), each, "{}", f.id);
    }
}
