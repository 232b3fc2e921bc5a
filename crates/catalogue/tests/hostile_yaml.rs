//! The hostile YAML corpus (`tests/hostile-yaml/`, its expected messages in
//! `expected.json`): every case is refused by detection and by both YAML
//! importers with the message naming the limit it breaks, and quickly.
#![cfg(feature = "yaml")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use feature_matrix_catalogue::import::yaml::{import_istio, import_k8s, YamlOptions};
use feature_matrix_catalogue::import::{detect, ImportError};

#[path = "../../../tests/hostile-yaml/generated.rs"]
mod generated;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/hostile-yaml")
}

/// Each case's name, text and expected message.
fn cases() -> Vec<(String, String, String)> {
    let expected: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("expected.json")).unwrap())
            .unwrap();
    expected
        .into_iter()
        .map(|(name, message)| {
            let text = generated::generated(&name)
                .unwrap_or_else(|| std::fs::read_to_string(corpus().join(&name)).unwrap());
            (name, text, message.as_str().unwrap().to_string())
        })
        .collect()
}

/// Machines are noisy: the bound is loose, the real figure is far below it.
const BOUND: Duration = Duration::from_secs(5);

#[test]
fn every_hostile_yaml_case_is_refused_quickly_with_the_limit_it_breaks() {
    let cases = cases();
    assert!(cases.len() >= 10, "{} cases", cases.len());
    for (name, text, want) in cases {
        let start = Instant::now();
        let detected = detect(&text);
        let istio = import_istio(&text, &YamlOptions::default()).map(|_| ());
        let k8s = import_k8s(&text, &YamlOptions::default()).map(|_| ());
        let elapsed = start.elapsed();
        for (reader, result) in [
            ("detect", detected.map(|_| ())),
            ("istio", istio),
            ("k8s", k8s),
        ] {
            let message = result.err().map(|e: ImportError| e.to_string());
            assert_eq!(message.as_deref(), Some(want.as_str()), "{name}, {reader}");
        }
        assert!(elapsed < BOUND * 3, "{name} took {elapsed:?}");
    }
}

#[test]
fn long_values_are_quoted_short_and_ids_made_from_them_fit() {
    let name = "Lol ".repeat(15_000);
    let text = format!(
        "features:\n  - name: \" {name}\"\n    area: Core\n    level: {{maturity: Beta}}\n"
    );
    let imported = import_istio(&text, &YamlOptions::default()).unwrap();
    let feature = &imported.catalogue.features[0];
    assert!((90..=100).contains(&feature.id.len()), "{}", feature.id);
    assert!(feature.id.starts_with("lol-lol-"));
    assert_eq!(imported.repairs.len(), 2, "{:?}", imported.repairs);
    for repair in &imported.repairs {
        assert!(repair.to_string().len() < 300, "{repair}");
    }
}
