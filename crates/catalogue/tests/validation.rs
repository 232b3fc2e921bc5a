//! Every validation rule, triggered once, with the path and message a maintainer sees.

use feature_matrix_catalogue::{load_str, LoadError, Problem};
use serde_json::{json, Value};

fn minimal() -> Value {
    json!({
        "version": 1, "locale": "en", "title": "Features",
        "intro": "See [docs](/docs/).",
        "stages": [
            {"id": "alpha", "label": "Alpha", "tone": "experimental"},
            {"id": "beta", "label": "Beta", "tone": "preview"},
            {"id": "stable", "label": "Stable", "tone": "stable"}
        ],
        "aspects": [{"id": "api", "label": "API",
            "definitions": {"alpha": "None", "beta": "Versioned", "stable": "Firm"}}],
        "categories": [{"id": "core", "label": "Core"}, {"id": "net", "label": "Network"}],
        "features": [
            {"id": "a", "name": "A", "category": "core", "stage": "alpha", "link": "/docs/a/"},
            {"id": "b", "name": "B", "category": "net", "stage": "beta", "note": "see [x](https://x.example/)"}
        ]
    })
}

fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut value = minimal();
    edit(&mut value);
    match load_str(&value.to_string()) {
        Ok(_) => vec![],
        Err(e) => e.problems().iter().map(Problem::to_string).collect(),
    }
}

fn assert_problem(edit: impl FnOnce(&mut Value), expected: &str) {
    let problems = problems_after(edit);
    assert!(
        problems.iter().any(|p| p == expected),
        "expected {expected:?} among {problems:#?}"
    );
}

#[test]
fn minimal_catalogue_is_valid() {
    assert_eq!(problems_after(|_| {}), Vec::<String>::new());
}

#[test]
fn unsupported_version_is_reported() {
    assert_problem(
        |v| v["version"] = json!(2),
        "version: unsupported version 2; this widget reads version 1",
    );
}

#[test]
fn unknown_stage_reference_lists_known_stages() {
    assert_problem(
        |v| v["features"][1]["stage"] = json!("gamma"),
        "features[1].stage: unknown stage \"gamma\"; known: alpha, beta, stable",
    );
}

#[test]
fn unknown_category_reference_lists_known_categories() {
    assert_problem(
        |v| v["features"][0]["category"] = json!("storage"),
        "features[0].category: unknown category \"storage\"; known: core, net",
    );
}

#[test]
fn duplicate_ids_point_at_the_first() {
    assert_problem(
        |v| v["features"][1]["id"] = json!("a"),
        "features[1].id: duplicate id \"a\" (first at features[0])",
    );
    assert_problem(
        |v| v["stages"][2]["id"] = json!("beta"),
        "stages[2].id: duplicate id \"beta\" (first at stages[1])",
    );
    assert_problem(
        |v| v["categories"][1]["id"] = json!("core"),
        "categories[1].id: duplicate id \"core\" (first at categories[0])",
    );
}

#[test]
fn an_id_used_three_times_reports_each_repeat_in_list_order_at_the_first() {
    let problems = problems_after(|v| {
        let c = json!({"id": "net", "label": "Again"});
        v["categories"] =
            json!([c, {"id": "core", "label": "Core"}, c, {"id": "net", "label": "Network"}]);
    });
    assert_eq!(
        problems,
        [
            "categories[2].id: duplicate id \"net\" (first at categories[0])",
            "categories[3].id: duplicate id \"net\" (first at categories[0])",
        ]
    );
}

#[test]
fn malformed_ids_are_reported() {
    assert_problem(
        |v| v["categories"][0]["id"] = json!("Core Stuff"),
        "categories[0].id: invalid id \"Core Stuff\"; use lowercase ASCII letters, digits, '-', '_' and '.'",
    );
}

#[test]
fn empty_names_and_labels_are_reported() {
    assert_problem(
        |v| v["features"][0]["name"] = json!("  "),
        "features[0].name: must not be empty",
    );
    assert_problem(
        |v| v["stages"][0]["label"] = json!(""),
        "stages[0].label: must not be empty",
    );
    assert_problem(|v| v["title"] = json!(""), "title: must not be empty");
}

#[test]
fn missing_definition_names_the_stage() {
    assert_problem(
        |v| {
            v["aspects"][0]["definitions"]
                .as_object_mut()
                .unwrap()
                .remove("beta");
        },
        "aspects[0].definitions: missing definition for stage \"beta\"",
    );
}

#[test]
fn definition_for_unknown_stage_is_reported() {
    assert_problem(
        |v| v["aspects"][0]["definitions"]["gamma"] = json!("?"),
        "aspects[0].definitions.gamma: unknown stage \"gamma\"; known: alpha, beta, stable",
    );
}

#[test]
fn script_links_are_refused_everywhere() {
    let scheme = "link scheme \"javascript:\" is not allowed; use a relative path, a #fragment, http: or https:";
    assert_problem(
        |v| v["features"][0]["link"] = json!("JavaScript:alert(1)"),
        &format!("features[0].link: {scheme} (got \"JavaScript:alert(1)\")"),
    );
    assert_problem(
        |v| v["features"][1]["note"] = json!("[x](javascript:alert(1))"),
        &format!("features[1].note: {scheme} (got \"javascript:alert(1\")"),
    );
    assert_problem(
        |v| v["intro"] = json!("[x](data:text/html,hi)"),
        "intro: link scheme \"data:\" is not allowed; use a relative path, a #fragment, http: or https: (got \"data:text/html,hi\")",
    );
    assert_problem(
        |v| v["aspects"][0]["definitions"]["beta"] = json!("[x](vbscript:x)"),
        "aspects[0].definitions.beta: link scheme \"vbscript:\" is not allowed; use a relative path, a #fragment, http: or https: (got \"vbscript:x\")",
    );
}

#[test]
fn base_url_must_be_absolute_http() {
    assert_problem(
        |v| v["base_url"] = json!("/docs"),
        "base_url: must be an absolute http: or https: URL",
    );
}

#[test]
fn size_limits_are_reported() {
    assert_problem(
        |v| v["features"][0]["name"] = json!("x".repeat(501)),
        "features[0].name: is 501 characters long; the limit is 500",
    );
    assert_problem(
        |v| v["footer"] = json!("y".repeat(10_001)),
        "footer: is 10001 characters long; the limit is 10000",
    );
    assert_problem(
        |v| v["stages"] = json!([]),
        "stages: needs at least 1 entry",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let problems = problems_after(|v| {
        v["features"][0]["stage"] = json!("gamma");
        v["features"][1]["name"] = json!("");
        v["version"] = json!(3);
    });
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn syntax_errors_report_line_and_column() {
    let err = load_str("{\n  \"version\": 1,\n  oops\n}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "JSON syntax error at line 3, column 3: key must be a string"
    );
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(matches!(
        load_str(&deep),
        Err(LoadError::TooDeep {
            line: 1,
            column: 17
        })
    ));
}

#[test]
fn oversized_and_non_utf8_files_are_refused() {
    let big = vec![b' '; feature_matrix_catalogue::load::limits::MAX_BYTES + 1];
    assert!(matches!(
        feature_matrix_catalogue::load(&big),
        Err(LoadError::TooLarge { .. })
    ));
    assert_eq!(
        feature_matrix_catalogue::load(b"{\"a\": \"\xff\"}").unwrap_err(),
        LoadError::NotUtf8 { offset: 7 }
    );
}

#[test]
fn byte_order_mark_is_accepted() {
    let text = format!("\u{FEFF}{}", minimal());
    assert!(load_str(&text).is_ok());
}

#[test]
fn history_is_checked_against_releases_stages_and_order() {
    let problems = problems_after(|v| {
        v["releases"] = json!(["1.1", "1.2", "1.3", "1.2", "bad id"]);
        v["features"][0]["history"] = json!([
            {"stage": "alpha", "since": "1.2"},
            {"stage": "gamma", "since": "1.1"},
            {"stage": "beta", "since": "9.9"}
        ]);
        v["features"][1]["deprecated"] =
            json!({"since": "2.0", "replacement": "see [x](javascript:alert(1))"});
    });
    let expected = [
        "releases[3]: duplicate release \"1.2\"",
        "releases[4]: invalid release id \"bad id\"",
        "features[0].history[1].stage: unknown stage \"gamma\"",
        "features[0].history[1].since: release \"1.1\" is not after the previous entry's",
        "features[0].history[2].since: unknown release \"9.9\"",
        "features[0].history: the last entry's stage \"beta\" is not the feature's stage \"alpha\"",
        "features[1].deprecated.since: unknown release \"2.0\"",
        "features[1].deprecated.replacement: link scheme \"javascript:\" is not allowed",
    ];
    for e in expected {
        assert!(
            problems.iter().any(|p| p.starts_with(e)),
            "{e} not in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
}

#[test]
fn history_needs_releases_and_a_valid_history_loads() {
    let problems = problems_after(|v| {
        v["features"][0]["history"] = json!([{"stage": "alpha", "since": "1.0"}]);
    });
    assert_eq!(
        problems,
        ["features[0].history: needs the catalogue's top-level `releases`"]
    );
    let ok = problems_after(|v| {
        v["releases"] = json!(["1.0", "1.1"]);
        v["features"][1]["history"] =
            json!([{"stage": "alpha", "since": "1.0"}, {"stage": "beta", "since": "1.1"}]);
        v["features"][1]["deprecated"] = json!({"since": "1.1"});
    });
    assert_eq!(ok, Vec::<String>::new());
}
