//! kubernetes/website's per-gate pages at three points in time
//! (`tests/fixtures/k8s-gates/{2024,2025,current}/`): every page a gate,
//! with its stage history, default, lock, removal and text, checked
//! against a line-by-line reading of the raw pages.
#![cfg(feature = "yaml")]

use std::path::PathBuf;

use feature_matrix_catalogue::import::yaml::{import_k8s_gates, YamlOptions};
use feature_matrix_catalogue::{validate::validate, Value};

fn pages(version: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/k8s-gates")
        .join(version);
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// From a page's lines: its title, the last `stage:`, the last
/// `defaultValue:`, whether `removed: true` and whether text follows the
/// front matter.
fn by_lines(text: &str) -> (String, String, Option<bool>, bool, bool) {
    let value = |line: &str, key: &str| {
        line.trim()
            .trim_start_matches("- ")
            .strip_prefix(key)
            .map(|v| v.trim().trim_matches('"').to_string())
    };
    let (mut title, mut stage, mut default, mut removed) =
        (String::new(), String::new(), None, false);
    let mut parts = text.splitn(3, "\n---");
    let front = parts.next().unwrap();
    let body = parts.next().unwrap_or("");
    for line in front.lines() {
        if let Some(v) = value(line, "title:") {
            title = v;
        }
        if let Some(v) = value(line, "stage:") {
            stage = v;
        }
        if let Some(v) = value(line, "defaultValue:") {
            default = Some(v == "true");
        }
        removed |= value(line, "removed:").is_some_and(|v| v == "true");
    }
    (title, stage, default, removed, !body.trim().is_empty())
}

#[test]
fn three_versions_of_the_gate_pages_import_every_gate_as_its_page_says() {
    for version in ["2024", "2025", "current"] {
        let pages = pages(version);
        assert!(pages.len() >= 15, "{version}: {} pages", pages.len());
        let imported = import_k8s_gates(&pages, &YamlOptions::default()).unwrap();
        assert!(
            imported.dropped.is_empty(),
            "{version}: {:?}",
            imported.dropped
        );
        // The only repairs: stage names written with a trailing space.
        assert!(
            imported
                .repairs
                .iter()
                .all(|r| r.message.starts_with("spaces around")),
            "{version}: {:?}",
            imported.repairs
        );
        let c = &imported.catalogue;
        assert_eq!(validate(c), [], "{version}");
        assert_eq!(c.features.len(), pages.len(), "{version}");
        for (feature, (file, text)) in c.features.iter().zip(&pages) {
            let (title, stage, default, removed, has_text) = by_lines(text);
            assert_eq!(feature.name, title, "{version} {file}");
            assert_eq!(feature.stage, stage, "{version} {file}");
            assert_eq!(
                feature.attributes.get("default"),
                default.map(Value::Bool).as_ref(),
                "{version} {file}"
            );
            assert_eq!(feature.removed.is_some(), removed, "{version} {file}");
            assert_eq!(feature.description.is_some(), has_text, "{version} {file}");
            if let Some(removal) = &feature.removed {
                // Listed until its removal, hidden from then on.
                let rank = c.release_rank(&removal.since).unwrap();
                assert!(feature_matrix_catalogue::history::stage_at(c, feature, rank).is_none());
                assert!(
                    feature_matrix_catalogue::history::stage_at(c, feature, rank - 1).is_some()
                );
            }
            let description = feature.description.as_deref().unwrap_or("");
            assert!(
                !description.contains("{{<"),
                "{version} {file}: {description}"
            );
        }
        assert!(c.features.iter().any(|f| f.removed.is_some()), "{version}");
    }
}
