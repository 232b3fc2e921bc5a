//! The catalogue's own JSON reader (`feature_matrix_catalogue::json` and the decoder) reads
//! what serde_json and the model's derived `Deserialize` read, and refuses
//! what they refuse: serde_json is the oracle. The one deliberate difference,
//! a key repeated in a map, has its own test.

use std::path::{Path, PathBuf};

use feature_matrix_catalogue::{load_str, validate::validate, Catalogue, LoadError};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The oracle: serde_json and the derived deserializers, then validation.
fn oracle(text: &str) -> Result<Catalogue, ()> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let c: Catalogue = serde_json::from_str(text).map_err(|_| ())?;
    if validate(&c).is_empty() {
        Ok(c)
    } else {
        Err(())
    }
}

fn assert_agrees(text: &str, what: &str) {
    let ours = load_str(text);
    match (&ours, oracle(text)) {
        (Ok(a), Ok(b)) => assert_eq!(a, &b, "{what}"),
        (Err(_), Err(())) => {}
        (ours, theirs) => panic!("{what}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_catalogue_in_the_repository_reads_as_serde_json_reads_it() {
    let mut files = Vec::new();
    for dir in ["data", "examples", "tests/hostile", "tests/e2e/fixtures"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json")
                && !path.ends_with("catalogue.schema.json")
            {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 20, "{files:?}");
    let mut read = 0;
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue; // not UTF-8: refused before either reader runs
        };
        assert_agrees(&text, &file.display().to_string());
        read += usize::from(load_str(&text).is_ok());
    }
    assert!(read >= 4, "only {read} valid catalogues");
}

fn minimal() -> Value {
    json!({
        "version": 1, "locale": "en", "title": "Features", "base_url": null,
        "releases": ["1.0", "1.1"],
        "stages": [
            {"id": "alpha", "label": "Alpha", "tone": "experimental"},
            {"id": "stable", "label": "Stable", "tone": "stable"}
        ],
        "aspects": [{"id": "api", "label": "API", "definitions": {"alpha": "None", "stable": "Firm"}}],
        "categories": [{"id": "core", "label": "Core"}],
        "features": [
            {"id": "a", "name": "A", "category": "core", "stage": "stable", "note": null,
             "history": [{"stage": "alpha", "since": "1.0"}, {"stage": "stable", "since": "1.1"}],
             "deprecated": {"since": "1.1", "replacement": "b"}},
            {"id": "b", "name": "B", "category": "core", "stage": "alpha", "link": "/b/"}
        ]
    })
}

/// Every place a value sits in `v`, as a JSON pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        _ => {}
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::from),
        Just(json!("experimental")),
        Just(json!("1.1")),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,3}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Any value replaced, added or removed anywhere: both readers accept
    /// the same catalogue or both refuse.
    #[test]
    fn edits_anywhere_are_read_as_serde_json_reads_them(
        pick in any::<prop::sample::Index>(),
        value in any_json(),
        remove in any::<bool>(),
        pretty in any::<bool>(),
    ) {
        let mut v = minimal();
        let mut places = Vec::new();
        pointers(&v, String::new(), &mut places);
        let place = pick.get(&places).clone();
        let (parent, key) = place.rsplit_once('/').unwrap();
        match v.pointer_mut(if parent.is_empty() { "" } else { parent }) {
            Some(Value::Object(m)) if remove => { m.remove(key); }
            Some(Value::Array(a)) if remove => { a.remove(key.parse::<usize>().unwrap()); }
            _ => { *v.pointer_mut(&place).unwrap() = value; }
        }
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        assert_agrees(&text, &text);
    }

    /// Any text as a name, written with serde_json's escapes, reads back the same.
    #[test]
    fn strings_read_back_exactly(name in "\\PC{1,20}|[\\u{0}-\\u{7f}]{1,20}|.{1,5}") {
        let mut v = minimal();
        v["features"][0]["name"] = json!(name);
        let text = serde_json::to_string(&v).unwrap();
        assert_agrees(&text, &text);
        // The same with every character \u-escaped (surrogate pairs included).
        let escaped: String = name.encode_utf16().map(|u| format!("\\u{u:04x}")).collect();
        let text = text.replacen(&serde_json::to_string(&name).unwrap(), &format!("\"{escaped}\""), 1);
        assert_agrees(&text, &text);
    }

    /// Any text at all: neither reader panics, and they agree on it.
    #[test]
    fn arbitrary_text_is_refused_or_read_alike(text in "[\\[\\]{}\",:0-9a-z \\n\\\\.eE+-]{0,40}") {
        assert_agrees(&text, &text);
    }
}

/// Every one-character edit of a valid catalogue (each character deleted,
/// and each JSON punctuation mark or a letter inserted before it or put in
/// its place: a trailing comma, a lost quote, a stray bracket...): both
/// readers accept the result or both refuse it.
#[test]
fn every_one_character_edit_is_read_as_serde_json_reads_it() {
    let chars: Vec<char> = minimal().to_string().chars().collect();
    let marks = [
        ',', ':', '"', '[', ']', '{', '}', ' ', '\\', '0', '-', 'e', '.', 'n', 'x',
    ];
    for i in 0..=chars.len() {
        let mut edits = Vec::new();
        if i < chars.len() {
            let mut deleted = chars.clone();
            deleted.remove(i);
            edits.push(deleted);
        }
        for &c in &marks {
            let mut inserted = chars.clone();
            inserted.insert(i, c);
            edits.push(inserted);
            if i < chars.len() {
                let mut replaced = chars.clone();
                replaced[i] = c;
                edits.push(replaced);
            }
        }
        for edit in edits {
            let text: String = edit.into_iter().collect();
            assert_agrees(&text, &text);
        }
    }
}

#[test]
fn a_duplicate_field_is_refused_at_its_path() {
    let text = minimal()
        .to_string()
        .replacen("\"name\":\"A\"", "\"name\":\"A\",\"name\":\"C\"", 1);
    match load_str(&text) {
        Err(LoadError::Shape { path, message, .. }) => {
            assert_eq!(path, "features[0].name");
            assert_eq!(message, "duplicate field `name`");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(oracle(&text).is_err());
}

#[test]
fn a_key_repeated_in_definitions_is_refused_where_serde_keeps_the_last() {
    let text = minimal().to_string().replacen(
        "\"alpha\":\"None\"",
        "\"alpha\":\"None\",\"alpha\":\"Some\"",
        1,
    );
    match load_str(&text) {
        Err(LoadError::Shape { path, message, .. }) => {
            assert_eq!(path, "aspects[0].definitions.alpha");
            assert_eq!(message, "duplicate key `alpha`");
        }
        other => panic!("unexpected {other:?}"),
    }
    let kept = oracle(&text).expect("serde_json reads it");
    assert_eq!(kept.aspects[0].definitions["alpha"], "Some");
}

/// A struct written as an array is read as serde reads it: its elements are
/// the fields in declaration order, missing trailing ones take their default
/// where the model has one, and no element may be left over. A map (the
/// definitions) is never an array. Found by the edits test above.
#[test]
fn a_struct_written_as_an_array_is_read_as_serde_json_reads_it() {
    let cases: [(&str, Value, bool); 8] = [
        ("/features/0/deprecated", json!(["1.1"]), true),
        ("/features/0/deprecated", json!(["1.1", null]), true),
        ("/features/0/deprecated", json!(["1.1", "b"]), true),
        ("/features/0/deprecated", json!([]), false),
        ("/features/0/deprecated", json!(["1.1", "b", "c"]), false),
        ("/features/0/history/0", json!(["alpha", "1.0"]), true),
        ("/features/1", json!(["b", "B", "core", "alpha"]), true),
        ("/aspects/0/definitions", json!(["None", "Firm"]), false),
    ];
    for (place, value, accepted) in cases {
        let mut v = minimal();
        *v.pointer_mut(place).unwrap() = value.clone();
        let text = v.to_string();
        assert_agrees(&text, &format!("{place} = {value}"));
        assert_eq!(load_str(&text).is_ok(), accepted, "{place} = {value}");
    }
    // The array form reads the same catalogue as the object form.
    let mut v = minimal();
    v["features"][0]["deprecated"] = json!(["1.1", "b"]);
    assert_eq!(
        load_str(&v.to_string()).unwrap(),
        load_str(&minimal().to_string()).unwrap()
    );
}
