//! Typed attributes, further categories, descriptions and removals: their
//! validation, and how the view filters, counts, sorts and searches them.

use feature_matrix_catalogue::codec::{parse_query, serialize_query};
use feature_matrix_catalogue::history::{change_between, stage_at};
use feature_matrix_catalogue::view::{
    select, SearchIndex, Selection, Sort, SortDir, SortKey, ViewQuery,
};
use feature_matrix_catalogue::{load_str, Catalogue};

const CATALOGUE: &str = r#"{
  "version": 1, "locale": "en", "title": "Components",
  "releases": ["1.0", "1.1", "1.2"],
  "stages": [
    {"id": "alpha", "label": "Alpha", "tone": "experimental"},
    {"id": "stable", "label": "Stable", "tone": "stable"}
  ],
  "categories": [{"id": "state", "label": "State stores"}, {"id": "pubsub", "label": "Pub/sub"}],
  "attributes": [
    {"id": "ttl", "label": "TTL", "kind": "bool"},
    {"id": "posture", "label": "Security posture", "kind": "enum",
     "values": [{"id": "robust", "label": "Robust to untrusted"}, {"id": "unknown", "label": "Unknown"}]},
    {"id": "version", "label": "Version", "kind": "text"},
    {"id": "since", "label": "Since", "kind": "release"}
  ],
  "features": [
    {"id": "redis", "name": "Redis", "category": "state", "stage": "stable", "also_in": ["pubsub"],
     "description": "An in-memory store.",
     "attributes": {"ttl": true, "posture": "robust", "version": "v2", "since": "1.0"}},
    {"id": "mongo", "name": "MongoDB", "category": "state", "stage": "alpha",
     "attributes": {"ttl": false, "posture": "unknown", "version": "v1", "since": "1.1"}},
    {"id": "kafka", "name": "Kafka", "category": "pubsub", "stage": "stable",
     "attributes": {"ttl": true}},
    {"id": "old", "name": "Old store", "category": "state", "stage": "alpha",
     "removed": {"since": "1.2"}}
  ]
}"#;

fn catalogue() -> Catalogue {
    load_str(CATALOGUE).expect("the test catalogue is valid")
}

fn run<'a>(c: &'a Catalogue, query: &str) -> (Vec<&'a str>, Selection) {
    let mut view = parse_query(query, "").view;
    assert!(view.sanitize(c).is_empty(), "{query}");
    let selection = select(c, &SearchIndex::new(c), &view, &|a: &str, b: &str| a.cmp(b));
    let ids = selection
        .rows
        .iter()
        .map(|&i| c.features[i].id.as_str())
        .collect();
    (ids, selection)
}

#[test]
fn bool_and_enum_filters_narrow_the_rows_and_count_the_other_filters() {
    let c = catalogue();
    let (ids, s) = run(&c, "attr.ttl=true");
    assert_eq!(ids, ["redis", "kafka"]);
    // TTL's own counts ignore its filter; the others reflect it.
    assert_eq!(s.facets.attributes[0], [2, 1]);
    assert_eq!(s.facets.attributes[1], [1, 0]);
    assert_eq!(s.facets.stages, [0, 2]);
    assert!(s.facets.attributes[2].is_empty(), "text is no facet");

    let (ids, s) = run(&c, "attr.ttl=true&attr.posture=robust");
    assert_eq!(ids, ["redis"]);
    assert_eq!(s.facets.attributes[0], [1, 0]);
    assert_eq!(s.facets.attributes[1], [1, 0]);

    let (ids, _) = run(&c, "attr.posture=robust,unknown");
    assert_eq!(
        ids,
        ["redis", "mongo"],
        "a feature without a value matches no value"
    );
}

#[test]
fn a_feature_counts_and_matches_under_each_of_its_categories() {
    let c = catalogue();
    let (ids, s) = run(&c, "category=pubsub");
    assert_eq!(ids, ["redis", "kafka"]);
    assert_eq!(s.facets.categories, [3, 2]);
}

#[test]
fn every_attribute_column_sorts_with_features_without_a_value_last() {
    let c = catalogue();
    for (query, expected) in [
        ("sort=ttl", ["redis", "kafka", "mongo", "old"]),
        ("sort=ttl&dir=desc", ["mongo", "redis", "kafka", "old"]),
        ("sort=posture&dir=desc", ["mongo", "redis", "kafka", "old"]),
        ("sort=version", ["mongo", "redis", "kafka", "old"]),
        ("sort=version&dir=desc", ["redis", "mongo", "kafka", "old"]),
        ("sort=since&dir=desc", ["mongo", "redis", "kafka", "old"]),
    ] {
        assert_eq!(run(&c, query).0, expected, "{query}");
    }
}

#[test]
fn search_finds_descriptions_enum_labels_texts_and_further_categories() {
    let c = catalogue();
    assert_eq!(run(&c, "q=in-memory").0, ["redis"]);
    assert_eq!(run(&c, "q=untrusted").0, ["redis"]);
    assert_eq!(run(&c, "q=v1").0, ["mongo"]);
    assert_eq!(run(&c, "q=pub%2Fsub").0, ["redis", "kafka"]);
}

#[test]
fn a_removed_feature_is_listed_until_its_removal_and_then_hidden() {
    let c = catalogue();
    assert!(run(&c, "").0.contains(&"old"));
    assert!(run(&c, "release=1.1").0.contains(&"old"));
    assert!(!run(&c, "release=1.2").0.contains(&"old"));
    let old = &c.features[3];
    assert_eq!(stage_at(&c, old, 1), Some("alpha"));
    assert_eq!(stage_at(&c, old, 2), None);
    assert_eq!(
        change_between(&c, old, Some(1), 2),
        Some((Some("alpha"), None))
    );
    assert_eq!(run(&c, "changed=1.2").0, ["old"]);
}

#[test]
fn attribute_filters_and_sorts_round_trip_through_the_url() {
    let c = catalogue();
    let mut view = parse_query(
        "attr.posture=unknown,robust&attr.ttl=false&sort=version&dir=desc",
        "b",
    )
    .view;
    assert!(view.attributes.is_empty(), "another instance's parameters");
    view = parse_query(
        "b.attr.posture=unknown,robust&b.attr.ttl=false&b.sort=version&b.dir=desc&attr.ttl=true",
        "b",
    )
    .view;
    assert!(view.sanitize(&c).is_empty());
    // Kept in the catalogue's order: ttl before posture, robust before unknown.
    let written = serialize_query(&view, "b", "attr.ttl=true");
    assert_eq!(
        written,
        "attr.ttl=true&b.attr.ttl=false&b.attr.posture=robust,unknown&b.sort=version&b.dir=desc"
    );
    assert_eq!(
        view.sort,
        Some(Sort {
            key: SortKey::Attribute("version".into()),
            dir: SortDir::Desc
        })
    );
}

#[test]
fn unknown_attributes_values_and_text_filters_are_warned_and_ignored() {
    let c = catalogue();
    let mut view = parse_query(
        "attr.colour=red&attr.ttl=maybe,true&attr.version=v1&sort=colour",
        "",
    )
    .view;
    let warnings = view.sanitize(&c);
    assert_eq!(
        warnings,
        [
            "attr.colour: unknown attribute ignored",
            "attr.ttl: unknown value \"maybe\" ignored",
            "attr.version: a text attribute is not a filter; ignored",
            "sort: \"colour\" is not name, stage, category or an attribute; ignored",
        ]
    );
    assert_eq!(view.attributes.len(), 1);
    assert_eq!(view.sort, None);
}

#[test]
fn toggling_a_value_adds_and_removes_the_filter() {
    let c = catalogue();
    let mut view = ViewQuery::default();
    view.toggle_attribute(&c, "posture", "unknown");
    view.toggle_attribute(&c, "ttl", "true");
    view.toggle_attribute(&c, "posture", "robust");
    assert_eq!(
        serialize_query(&view, "", ""),
        "attr.ttl=true&attr.posture=robust,unknown"
    );
    view.toggle_attribute(&c, "ttl", "true");
    assert_eq!(
        serialize_query(&view, "", ""),
        "attr.posture=robust,unknown"
    );
}

fn problems(edit: impl Fn(&mut serde_json::Value)) -> Vec<String> {
    let mut v: serde_json::Value = serde_json::from_str(CATALOGUE).unwrap();
    edit(&mut v);
    match load_str(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(e) => e.to_string().lines().map(str::to_string).collect(),
    }
}

#[test]
fn attribute_values_are_checked_against_their_kind_with_paths() {
    let cases: [(&str, serde_json::Value, &str); 7] = [
        (
            "/features/0/attributes/ttl",
            "yes".into(),
            "features[0].attributes.ttl: expected true or false, found text",
        ),
        (
            "/features/0/attributes/posture",
            "weak".into(),
            "features[0].attributes.posture: unknown value \"weak\"; known: robust, unknown",
        ),
        (
            "/features/0/attributes/since",
            "2.0".into(),
            "features[0].attributes.since: unknown release \"2.0\"; known: 1.0, 1.1, 1.2",
        ),
        (
            "/features/0/attributes/version",
            true.into(),
            "features[0].attributes.version: expected text, found true or false (text attribute)",
        ),
        (
            "/features/0/also_in/0",
            "state".into(),
            "features[0].also_in[0]: category \"state\" is already listed",
        ),
        (
            "/features/3/removed/since",
            "9".into(),
            "features[3].removed.since: unknown release \"9\"; known: 1.0, 1.1, 1.2",
        ),
        (
            "/attributes/0/id",
            "stage".into(),
            "attributes[0].id: \"stage\" names a fixed column; pick another id",
        ),
    ];
    for (place, value, expected) in cases {
        let found = problems(|v| *v.pointer_mut(place).unwrap() = value.clone());
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{place}: {found:?}"
        );
    }
    let found = problems(|v| v["features"][1]["attributes"]["colour"] = "red".into());
    assert!(
        found.iter().any(|p| p.contains("features[1].attributes.colour: unknown attribute \"colour\"; known: ttl, posture, version, since")),
        "{found:?}"
    );
    let found = problems(|v| v["attributes"][1]["values"] = serde_json::json!([]));
    assert!(
        found
            .iter()
            .any(|p| p.contains("attributes[1].values: needs at least 1 entry")),
        "{found:?}"
    );
    let found =
        problems(|v| v["attributes"][0]["values"] = serde_json::json!([{"id": "a", "label": "A"}]));
    assert!(
        found.iter().any(|p| p.contains(
            "attributes[0].values: only an enum attribute lists values; this one is bool"
        )),
        "{found:?}"
    );
    let found = problems(|v| v["attributes"][0]["kind"] = "number".into());
    assert!(
        found.iter().any(|p| p.contains(
            "attributes[0].kind: unknown kind \"number\"; known: bool, enum, text, release"
        )),
        "{found:?}"
    );
}
