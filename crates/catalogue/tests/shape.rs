//! A value of the wrong shape: the path, position and message a catalogue's
//! author reads, in the catalogue's terms rather than serde's.

use feature_matrix_catalogue::{load_str, LoadError};
use serde_json::{json, Value};

fn minimal() -> Value {
    json!({
        "version": 1, "locale": "en", "title": "Features",
        "releases": ["1.0", "1.1"],
        "stages": [
            {"id": "alpha", "label": "Alpha", "tone": "experimental"},
            {"id": "beta", "label": "Beta", "tone": "preview"}
        ],
        "aspects": [{"id": "api", "label": "API",
            "definitions": {"alpha": "None", "beta": "Versioned"}}],
        "categories": [{"id": "core", "label": "Core"}],
        "features": [
            {"id": "a", "name": "A", "category": "core", "stage": "beta",
             "history": [{"stage": "alpha", "since": "1.0"}, {"stage": "beta", "since": "1.1"}],
             "deprecated": {"since": "1.1"}},
            {"id": "b", "name": "B", "category": "core", "stage": "alpha"}
        ]
    })
}

/// The shape error's path and message after `edit`.
fn shape_error(edit: impl FnOnce(&mut Value)) -> (String, String) {
    let mut value = minimal();
    edit(&mut value);
    match load_str(&value.to_string()) {
        Err(LoadError::Shape { path, message, .. }) => (path, message),
        other => panic!("expected a shape error, got {other:?}"),
    }
}

fn assert_shape_error(edit: impl FnOnce(&mut Value), path: &str, message: &str) {
    assert_eq!(shape_error(edit), (path.to_string(), message.to_string()));
}

#[test]
fn minimal_catalogue_loads() {
    assert!(load_str(&minimal().to_string()).is_ok());
}

#[test]
fn a_number_where_text_belongs_is_named_with_its_path_and_position() {
    let mut value = minimal();
    value["features"][1]["stage"] = json!(3);
    let err = load_str(&serde_json::to_string_pretty(&value).unwrap()).unwrap_err();
    let LoadError::Shape {
        path,
        message,
        line,
        column,
    } = &err
    else {
        panic!("unexpected {err:?}");
    };
    assert_eq!(path, "features[1].stage");
    assert_eq!(message, "expected text, found the number 3");
    assert!(*line > 1);
    assert_eq!(
        err.to_string(),
        format!(
            "features[1].stage: expected text, found the number 3 (line {line}, column {column})"
        )
    );
}

#[test]
fn other_values_where_text_belongs_are_named_as_the_author_wrote_them() {
    for (value, found) in [
        (json!(true), "true"),
        (json!(null), "null"),
        (json!(2.5), "the number 2.5"),
        (json!(["A"]), "a list"),
        (json!({"en": "A"}), "an object"),
    ] {
        assert_shape_error(
            |v| v["features"][0]["name"] = value,
            "features[0].name",
            &format!("expected text, found {found}"),
        );
    }
}

#[test]
fn a_list_where_an_object_belongs_names_the_fields_it_needs() {
    assert_shape_error(
        |v| v["stages"][1] = json!(["beta"]),
        "stages[1]",
        "expected an object with id, label and tone, found a list",
    );
    assert_shape_error(
        |v| v["features"][0]["deprecated"] = json!(["1.1", "b", "c"]),
        "features[0].deprecated",
        "expected an object with since, found a list",
    );
    assert_shape_error(
        |v| v["features"][0]["history"][0] = json!([]),
        "features[0].history[0]",
        "expected an object with stage and since, found a list",
    );
}

#[test]
fn text_where_an_object_belongs_names_the_fields_it_needs() {
    assert_shape_error(
        |v| v["categories"][0] = json!("core"),
        "categories[0]",
        "expected an object with id and label, found the text \"core\"",
    );
    assert_shape_error(
        |v| v["features"][1] = json!(7),
        "features[1]",
        "expected an object with id, name, category and stage, found the number 7",
    );
}

#[test]
fn an_object_where_a_list_belongs_is_named_as_such() {
    assert_shape_error(
        |v| v["features"] = json!({}),
        "features",
        "expected a list, found an object",
    );
    assert_shape_error(
        |v| v["releases"] = json!("1.0"),
        "releases",
        "expected a list, found the text \"1.0\"",
    );
}

#[test]
fn definitions_that_are_not_an_object_say_what_belongs() {
    assert_shape_error(
        |v| v["aspects"][0]["definitions"] = json!(["None", "Versioned"]),
        "aspects[0].definitions",
        "expected an object with a definition per stage id, found a list",
    );
}

#[test]
fn a_missing_field_names_what_the_object_needs() {
    assert_shape_error(
        |v| {
            v["features"][0].as_object_mut().unwrap().remove("stage");
        },
        "features[0]",
        "missing field `stage`; a feature needs id, name, category and stage",
    );
    assert_shape_error(
        |v| {
            v["stages"][0].as_object_mut().unwrap().remove("tone");
        },
        "stages[0]",
        "missing field `tone`; a stage needs id, label and tone",
    );
    assert_shape_error(
        |v| {
            v.as_object_mut().unwrap().remove("categories");
        },
        "$",
        "missing field `categories`; a catalogue needs version, locale, title, stages, categories and features",
    );
}

#[test]
fn a_missing_only_field_is_named_alone() {
    assert_shape_error(
        |v| v["features"][0]["deprecated"] = json!({"replacement": "b"}),
        "features[0].deprecated",
        "missing field `since`",
    );
}

#[test]
fn an_unknown_tone_lists_the_known_tones() {
    assert_shape_error(
        |v| v["stages"][0]["tone"] = json!("bright"),
        "stages[0].tone",
        "unknown tone \"bright\"; known: experimental, preview, stable, deprecated, neutral",
    );
}

#[test]
fn a_version_that_is_not_a_whole_number_is_named_as_such() {
    assert_shape_error(
        |v| v["version"] = json!("1"),
        "version",
        "expected a whole number, found the text \"1\"",
    );
    assert_shape_error(
        |v| v["version"] = json!(1.5),
        "version",
        "expected a whole number, found the number 1.5",
    );
    assert_shape_error(
        |v| v["version"] = json!(-1),
        "version",
        "expected a whole number from 0 to 4294967295, found the number -1",
    );
}

#[test]
fn long_text_in_a_shape_error_is_shortened() {
    let (_, message) = shape_error(|v| v["version"] = json!("x".repeat(100_000)));
    assert!(message.len() < 200, "{message}");
    assert!(message.ends_with("…\""), "{message}");
    let (_, message) = shape_error(|v| v["stages"][0]["tone"] = json!("y".repeat(100_000)));
    assert!(message.len() < 200, "{message}");
}

#[test]
fn shape_error_paths_survive_escapes_brackets_in_strings_and_nesting() {
    let mut value = minimal();
    value["features"][0]["name"] = json!("a \"quoted\" [name] {with} , commas");
    value["aspects"] =
        json!([{"id": "api", "label": "API", "definitions": {"alpha": "x", "beta": 7}}]);
    let err = load_str(&serde_json::to_string(&value).unwrap()).unwrap_err();
    match err {
        LoadError::Shape { path, .. } => assert_eq!(path, "aspects[0].definitions.beta"),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn shape_error_at_the_top_level_has_the_document_path() {
    let err = load_str("\"text\"").unwrap_err();
    match err {
        LoadError::Shape { path, message, .. } => {
            assert_eq!(path, "$");
            assert_eq!(
                message,
                "expected an object with version, locale, title, stages, categories and features, found the text \"text\""
            );
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// Every place a value sits in `v`, as a JSON pointer.
fn pointers(v: &Value, at: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match v {
        Value::Object(m) => m.iter().map(|(k, x)| (k.clone(), x)).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| (i.to_string(), x))
            .collect(),
        _ => return,
    };
    for (key, x) in children {
        let p = format!("{at}/{key}");
        out.push(p.clone());
        pointers(x, &p, out);
    }
}

#[test]
fn no_shape_error_speaks_serde() {
    let serde_words = [
        "invalid type",
        "invalid value",
        "invalid length",
        "struct ",
        "sequence",
        " map",
        "u32",
        "variant",
        "integer",
        "floating",
        "a string",
    ];
    let mut places = Vec::new();
    pointers(&minimal(), "", &mut places);
    let mut seen = 0;
    for place in &places {
        for value in [
            json!(3),
            json!(1.5),
            json!(-1),
            json!("x"),
            json!(true),
            json!(null),
            json!([]),
            json!(["a"]),
            json!({}),
        ] {
            let mut v = minimal();
            *v.pointer_mut(place).unwrap() = value;
            if let Err(LoadError::Shape { message, .. }) = load_str(&v.to_string()) {
                seen += 1;
                for word in serde_words {
                    assert!(!message.contains(word), "{place}: {message}");
                }
            }
        }
    }
    assert!(seen > 100, "only {seen} shape errors");
}
