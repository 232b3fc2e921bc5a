//! kubernetes/website's feature-gates page in its single-page form, three
//! real versions (`tests/fixtures/k8s-gates/feature-gates-*.md`: 2021, 2023
//! and the 2023 removed-gates page): every gate of the tables with its
//! stages, default, removal and description, checked against a reading of
//! the raw rows; typos repaired and reported, unusable rows reported.
#![cfg(feature = "yaml")]

use std::collections::BTreeMap;
use std::path::PathBuf;

use feature_matrix_catalogue::import::yaml::{import_k8s_gate_table, is_gate_table, YamlOptions};
use feature_matrix_catalogue::{validate::validate, Value};

fn read(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/k8s-gates")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// Per gate, its rows as written: (stage, default, since, until), lowercased.
fn rows(text: &str) -> BTreeMap<String, Vec<[String; 4]>> {
    let mut out: BTreeMap<String, Vec<[String; 4]>> = BTreeMap::new();
    for line in text.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<String> = line
            .split('|')
            .map(|c| c.trim().trim_matches('`').to_ascii_lowercase())
            .collect();
        let [_, name, default, stage, since, until, ..] = &cells[..] else {
            continue;
        };
        out.entry(name.clone()).or_default().push([
            stage.clone(),
            default.clone(),
            since.replace(',', "."),
            until.clone(),
        ]);
    }
    out
}

#[test]
fn three_versions_of_the_single_page_import_every_gate_of_their_tables() {
    for (file, removed_page) in [
        ("feature-gates-2021.md", false),
        ("feature-gates-2023.md", false),
        ("feature-gates-removed-2023.md", true),
    ] {
        let text = read(file);
        assert!(is_gate_table(&text), "{file}");
        let imported = import_k8s_gate_table(&text, &YamlOptions::default()).unwrap();
        let c = &imported.catalogue;
        assert_eq!(validate(c), [], "{file}");
        let raw = rows(&text);
        // A gate whose every row has a stage that is not one is reported, not imported.
        let usable: Vec<&String> = raw
            .iter()
            .filter(|(_, rows)| {
                rows.iter()
                    .any(|r| ["alpha", "beta", "ga", "deprecated"].contains(&r[0].as_str()))
            })
            .map(|(name, _)| name)
            .collect();
        assert_eq!(c.features.len(), usable.len(), "{file}");
        for feature in &c.features {
            let rows = &raw[&feature.name.to_ascii_lowercase()];
            let version =
                |v: &str| -> Vec<u32> { v.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
            let last = rows
                .iter()
                .filter(|r| r[0] != "true")
                .max_by(|a, b| version(&a[2]).cmp(&version(&b[2])))
                .unwrap();
            assert_eq!(feature.stage, last[0], "{file} {}", feature.name);
            let default = match last[1].as_str() {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            };
            if default.is_some() {
                assert_eq!(
                    feature.attributes.get("default"),
                    default.as_ref(),
                    "{file} {}",
                    feature.name
                );
            }
            let has_to = !last[3].is_empty() && last[3] != "-";
            assert_eq!(
                feature.removed.is_some(),
                removed_page && has_to,
                "{file} {}",
                feature.name
            );
            let first = rows.iter().map(|r| version(&r[2])).min().unwrap();
            let entered = version(&feature.history[0].since);
            assert_eq!(entered, first, "{file} {}", feature.name);
        }
        // Every row the importer left out, and every repair, is on stderr.
        let left_out = raw.values().flatten().filter(|r| r[0] == "true").count();
        assert_eq!(
            imported
                .dropped
                .iter()
                .filter(|d| d.path.starts_with("line "))
                .count(),
            left_out,
            "{file}"
        );
        if !removed_page {
            // The "List of feature gates" gives most gates their text.
            let described = c
                .features
                .iter()
                .filter(|f| f.description.is_some())
                .count();
            assert!(
                described * 10 >= c.features.len() * 9,
                "{file}: {described}"
            );
        }
    }
}
