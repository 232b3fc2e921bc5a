//! Envoy's extensions metadata, six real versions from 2021 to 2026
//! (`tests/fixtures/envoy/`): every extension imported with its status,
//! categories, posture, upstream status, type URLs and documentation flag,
//! nothing dropped or repaired, checked against a line-by-line reading of
//! the raw file.
#![cfg(feature = "yaml")]

use std::collections::BTreeMap;
use std::path::PathBuf;

use feature_matrix_catalogue::import::detect;
use feature_matrix_catalogue::import::yaml::{import_envoy, YamlOptions};
use feature_matrix_catalogue::import::Source;
use feature_matrix_catalogue::{validate::validate, Value};

fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/envoy");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("extensions_metadata-")
        })
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// The raw file read line by line: per extension, its fields as written
/// (`key: value` lines, and `- item` lines under the key before them).
fn by_lines(text: &str) -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    let mut out: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    let (mut entry, mut key) = (String::new(), String::new());
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let value = trimmed.split(" #").next().unwrap().trim();
        if !line.starts_with(' ') {
            entry = value.trim_end_matches(':').to_string();
            out.insert(entry.clone(), BTreeMap::new());
        } else if let Some(item) = value.strip_prefix("- ") {
            out.get_mut(&entry)
                .unwrap()
                .get_mut(&key)
                .unwrap()
                .push(item.to_string());
        } else {
            let (k, v) = value.split_once(':').unwrap();
            key = k.to_string();
            let values = if v.trim().is_empty() {
                Vec::new()
            } else {
                vec![v.trim().to_string()]
            };
            out.get_mut(&entry).unwrap().insert(key.clone(), values);
        }
    }
    out
}

#[test]
fn six_versions_import_every_extension_as_the_raw_file_says() {
    let files = fixtures();
    assert!(files.len() >= 3, "{} versions", files.len());
    for (name, text) in &files {
        assert_eq!(
            detect(text).unwrap(),
            Some(Source::EnvoyExtensions),
            "{name}"
        );
        let imported = import_envoy(text, &YamlOptions::default()).unwrap();
        assert!(
            imported.repairs.is_empty(),
            "{name}: {:?}",
            imported.repairs
        );
        assert!(
            imported.dropped.is_empty(),
            "{name}: {:?}",
            imported.dropped
        );
        let c = &imported.catalogue;
        assert_eq!(validate(c), [], "{name}");
        let raw = by_lines(text);
        assert_eq!(c.features.len(), raw.len(), "{name}");
        for feature in &c.features {
            let id = &feature.name;
            let fields = &raw[id];
            let text_of = |key: &str| fields.get(key).and_then(|v| v.first()).cloned();
            assert_eq!(
                Some(feature.stage.clone()),
                text_of("status"),
                "{name} {id}"
            );
            let categories: Vec<String> = std::iter::once(feature.category.clone())
                .chain(feature.also_in.iter().cloned())
                .collect();
            assert_eq!(Some(&categories), fields.get("categories"), "{name} {id}");
            for key in ["security_posture", "status_upstream"] {
                let value = feature.attributes.get(key).map(|v| match v {
                    Value::Text(t) => t.clone(),
                    Value::Bool(b) => b.to_string(),
                });
                assert_eq!(value, text_of(key), "{name} {id} {key}");
            }
            let urls = fields.get("type_urls").map(|u| Value::Text(u.join(", ")));
            assert_eq!(
                feature.attributes.get("type_urls"),
                urls.as_ref(),
                "{name} {id}"
            );
            let documented = text_of("undocumented").as_deref() != Some("true");
            assert_eq!(
                feature.attributes.get("documented"),
                Some(&Value::Bool(documented))
            );
        }
    }
}

#[test]
fn the_columns_follow_the_fields_each_version_has() {
    let files = fixtures();
    let ids = |text: &str| -> Vec<String> {
        let c = import_envoy(text, &YamlOptions::default())
            .unwrap()
            .catalogue;
        c.attributes.into_iter().map(|a| a.id).collect()
    };
    // 2021: no type URLs, no upstream status; 2023 on: both.
    assert_eq!(ids(&files[0].1), ["security_posture", "documented"]);
    assert_eq!(
        ids(&files[1].1),
        ["security_posture", "type_urls", "documented"]
    );
    assert_eq!(
        ids(&files.last().unwrap().1),
        [
            "security_posture",
            "status_upstream",
            "type_urls",
            "documented"
        ]
    );
    // The newest file: 349 extensions, 184 stable, 126 alpha, 39 wip, 35 in two categories.
    let c = import_envoy(&files.last().unwrap().1, &YamlOptions::default())
        .unwrap()
        .catalogue;
    let per_stage = |s: &str| c.features.iter().filter(|f| f.stage == s).count();
    assert_eq!(
        (
            c.features.len(),
            per_stage("stable"),
            per_stage("alpha"),
            per_stage("wip")
        ),
        (349, 184, 126, 39)
    );
    assert_eq!(
        c.features.iter().filter(|f| !f.also_in.is_empty()).count(),
        35
    );
    assert_eq!(c.categories.len(), 87);
    assert_eq!(c.title, "Envoy extensions");
}
