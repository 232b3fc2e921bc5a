//! The importers on the field's real catalogues (snapshots under
//! `tests/fixtures/`), and release history checked over every feature against
//! counts that a second, deliberately simple reader takes from the raw YAML.
#![cfg(feature = "yaml")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use feature_matrix_catalogue::history::{changed_in, stage_at};
use feature_matrix_catalogue::import::yaml::{import_istio, import_k8s, YamlOptions};
use feature_matrix_catalogue::import::{detect, Source};
use feature_matrix_catalogue::validate::validate;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

/// `1.9` < `1.10`, by the test's own reckoning.
fn version_key(v: &str) -> Vec<u32> {
    v.split('.').map(|p| p.parse().unwrap()).collect()
}

/// Kubernetes' list, read line by line: gate name → [(version, preRelease)].
fn k8s_by_lines(text: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let mut gates: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let (mut gate, mut stage) = (String::new(), String::new());
    for line in text.lines() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix("- name: ") {
            gate = name.to_string();
            gates.insert(gate.clone(), Vec::new());
        } else if let Some(p) = line.strip_prefix("preRelease: ") {
            stage = p.to_string();
        } else if let Some(v) = line.strip_prefix("version: ") {
            let version = v.trim_matches('"').to_string();
            gates.get_mut(&gate).unwrap().push((version, stage.clone()));
        }
    }
    gates
}

/// The raw stage label of a gate at `release` (last spec at or before it).
fn raw_stage_at<'a>(specs: &'a [(String, String)], release: &str) -> Option<&'a str> {
    specs
        .iter()
        .filter(|(v, _)| version_key(v) <= version_key(release))
        .max_by_key(|(v, _)| version_key(v))
        .map(|(_, s)| s.as_str())
}

#[test]
fn kubernetes_stage_at_every_release_matches_a_line_by_line_reading() {
    let text = read("k8s-versioned_feature_list.yaml");
    assert_eq!(detect(&text), Ok(Some(Source::K8sVersioned)));
    let imported = import_k8s(
        &text,
        &YamlOptions {
            file_name: Some("k8s-versioned_feature_list.yaml".into()),
            ..YamlOptions::default()
        },
    )
    .unwrap();
    let c = &imported.catalogue;
    assert_eq!(validate(c), vec![]);
    let raw = k8s_by_lines(&text);
    assert_eq!(c.features.len(), raw.len());
    assert!(raw.len() > 150, "the snapshot has {} gates", raw.len());

    let mut releases: Vec<String> = raw.values().flatten().map(|(v, _)| v.clone()).collect();
    releases.sort_by_key(|v| version_key(v));
    releases.dedup();
    assert_eq!(c.releases, releases);

    let label_of = |id: &str| c.stage(id).unwrap().label.clone();
    let mut changes_seen = 0;
    for (rank, release) in releases.iter().enumerate() {
        let previous = rank.checked_sub(1).map(|r| releases[r].as_str());
        let (mut expected, mut actual) = (BTreeMap::new(), BTreeMap::new());
        let (mut expected_changed, mut actual_changed) = (0, 0);
        for feature in &c.features {
            let specs = &raw[&feature.name];
            let now = raw_stage_at(specs, release);
            if let Some(stage) = now {
                *expected.entry(stage.to_string()).or_insert(0) += 1;
            }
            let before = previous.and_then(|p| raw_stage_at(specs, p));
            if now.is_some() && now != before {
                expected_changed += 1;
            }
            if let Some(stage) = stage_at(c, feature, rank) {
                *actual.entry(label_of(stage)).or_insert(0) += 1;
            }
            if changed_in(c, feature, rank) {
                actual_changed += 1;
            }
        }
        assert_eq!(actual, expected, "stages at {release}");
        assert_eq!(actual_changed, expected_changed, "changed in {release}");
        changes_seen += actual_changed;
    }
    assert!(
        changes_seen > raw.len(),
        "history has {changes_seen} changes"
    );
    // Only the last entry's default lands (as the note): the others' are dropped.
    let specs: usize = raw.values().map(Vec::len).sum();
    assert_eq!(imported.dropped.len(), 2 * (specs - raw.len()));
    assert!(imported.repairs.is_empty());
}

#[test]
fn istio_features_keep_their_stage_in_every_release_and_match_a_line_count() {
    let text = read("istio-features.yaml");
    assert_eq!(detect(&text), Ok(Some(Source::IstioYaml)));
    let imported = import_istio(&text, &YamlOptions::default()).unwrap();
    let c = &imported.catalogue;
    assert_eq!(validate(c), vec![]);
    // The second reader: `- name:` lines, `maturity:` and `area:` values.
    let names = text
        .lines()
        .filter(|l| l.trim_start().starts_with("- name:"))
        .count();
    let mut maturities: BTreeMap<String, usize> = BTreeMap::new();
    let mut areas: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(m) = line.strip_prefix("maturity:") {
            *maturities.entry(m.trim().to_string()).or_insert(0) += 1;
        } else if let Some(a) = line.strip_prefix("area:") {
            let a = a.trim().to_string();
            if !areas.contains(&a) {
                areas.push(a);
            }
        }
    }
    assert_eq!(c.features.len(), names);
    assert_eq!(c.categories.len(), areas.len());
    let mut stages: BTreeMap<String, usize> = BTreeMap::new();
    for f in &c.features {
        *stages
            .entry(c.stage(&f.stage).unwrap().label.clone())
            .or_insert(0) += 1;
        // No history: the same stage in any release.
        assert_eq!(stage_at(c, f, 0), Some(f.stage.as_str()));
        assert!(!changed_in(c, f, 0));
    }
    assert_eq!(stages, maturities);
    let labels: Vec<&str> = c.stages.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Experimental", "Alpha", "Beta", "Stable"]);
}

/// What a deliberately simple line reader sees in an Istio `features.yaml`:
/// per feature (a `- name:` line), the stage (the first word of `maturity:`
/// or `current:`), the `area:`, and whether a note (`maturityNotes:`, or
/// text after the stage) or a `link:` is there.
#[derive(Default)]
struct IstioLines {
    features: usize,
    stages: BTreeMap<String, usize>,
    areas: BTreeMap<String, usize>,
    notes: usize,
    links: usize,
    /// Lines with a value under a key the catalogue has no field for.
    unplaced: usize,
}

fn istio_by_lines(text: &str) -> IstioLines {
    #[derive(Default)]
    struct Entry {
        stage: String,
        area: String,
        note: bool,
        link: bool,
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut lines_unplaced = 0;
    for line in text.lines() {
        let line = line.trim().trim_start_matches("- ").trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches('"').trim();
        if key == "name" && !line.starts_with("name: *") {
            entries.push(Entry::default());
            continue;
        }
        let Some(entry) = entries.last_mut() else {
            continue;
        };
        match key {
            "maturity" | "current" => {
                let word: String = value.chars().take_while(|c| c.is_alphanumeric()).collect();
                entry.note |= !value[word.len()..].trim_matches(['.', ' ']).is_empty();
                entry.stage = word;
            }
            "area" => entry.area = value.to_string(),
            "maturityNotes" => entry.note |= !value.is_empty(),
            "link" => entry.link |= !value.is_empty(),
            "id" | "level" | "deprecation" | "state" => {}
            _ => lines_unplaced += usize::from(!value.is_empty()),
        }
    }
    let mut lines = IstioLines {
        features: entries.len(),
        unplaced: lines_unplaced,
        ..IstioLines::default()
    };
    for e in &entries {
        *lines.stages.entry(e.stage.clone()).or_insert(0) += 1;
        let area = if e.area.is_empty() { "Other" } else { &e.area };
        *lines.areas.entry(area.to_string()).or_insert(0) += 1;
        lines.notes += usize::from(e.note);
        lines.links += usize::from(e.link);
    }
    lines
}

#[test]
fn every_shape_of_istio_features_yaml_since_2021_imports_all_its_features() {
    // file, features, stages in order, notes, links
    for (file, features, stages, notes, links) in [
        (
            "istio-features-2021-01-26.yaml",
            6,
            &["Beta", "Stable"][..],
            0,
            0,
        ),
        (
            "istio-features-2021-03-19.yaml",
            6,
            &["Beta", "Stable"][..],
            0,
            0,
        ),
        (
            "istio-features-2021-03-31.yaml",
            43,
            &["Alpha", "Beta", "Stable"][..],
            1,
            0,
        ),
        (
            "istio-features-2022-11-18.yaml",
            50,
            &["Experimental", "Alpha", "Beta", "Stable"][..],
            1,
            36,
        ),
        (
            "istio-features-2023-11-29.yaml",
            52,
            &["Experimental", "Alpha", "Beta", "Stable"][..],
            2,
            40,
        ),
        (
            "istio-features-2024-09-13.yaml",
            61,
            &["Experimental", "Alpha", "Beta", "Stable", "Deprecated"][..],
            0,
            40,
        ),
        (
            "istio-features.yaml",
            64,
            &["Experimental", "Alpha", "Beta", "Stable"][..],
            0,
            40,
        ),
    ] {
        let text = read(file);
        assert_eq!(detect(&text), Ok(Some(Source::IstioYaml)), "{file}");
        let imported = import_istio(&text, &YamlOptions::default()).unwrap();
        let c = &imported.catalogue;
        assert_eq!(validate(c), vec![], "{file}");
        let lines = istio_by_lines(&text);
        let mut by_stage: BTreeMap<String, usize> = BTreeMap::new();
        let mut by_area: BTreeMap<String, usize> = BTreeMap::new();
        for f in &c.features {
            *by_stage
                .entry(c.stage(&f.stage).unwrap().label.clone())
                .or_insert(0) += 1;
            let category = c.categories.iter().find(|k| k.id == f.category).unwrap();
            *by_area.entry(category.label.clone()).or_insert(0) += 1;
        }
        let with_note = c.features.iter().filter(|f| f.note.is_some()).count();
        let with_link = c.features.iter().filter(|f| f.link.is_some()).count();
        assert_eq!(c.features.len(), lines.features, "{file}: features");
        assert_eq!(by_stage, lines.stages, "{file}: per stage");
        assert_eq!(by_area, lines.areas, "{file}: per category");
        assert_eq!(with_note, lines.notes, "{file}: notes");
        assert_eq!(with_link, lines.links, "{file}: links");
        assert_eq!(imported.dropped.len(), lines.unplaced, "{file}: dropped");
        // And the figures the fixtures' README quotes.
        let labels: Vec<&str> = c.stages.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            (c.features.len(), labels.as_slice(), with_note, with_link),
            (features, stages, notes, links),
            "{file}"
        );
    }
}
