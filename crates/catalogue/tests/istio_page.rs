//! The English original of the seed page (a snapshot under
//! `tests/fixtures/`): it imports, with the counts a second, deliberately
//! simple reading of its table rows gives.

use std::collections::BTreeMap;
use std::path::Path;

use feature_matrix_catalogue::import::{import_markdown, ImportOptions};
use feature_matrix_catalogue::validate::validate;

fn page() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/istio-feature-stages.en.md"),
    )
    .unwrap()
}

/// The page's rows as `|`-split lines: per `###` heading, each row's stage
/// (the first word of its second cell) and whether it links or has text
/// after the stage; and the first table's row labels.
#[derive(Default)]
struct Rows {
    stages: BTreeMap<String, usize>,
    categories: BTreeMap<String, usize>,
    links: usize,
    notes: usize,
    aspects: Vec<String>,
}

fn rows(page: &str) -> Rows {
    let mut rows = Rows::default();
    let mut category: Option<String> = None;
    for line in page.lines() {
        if let Some(heading) = line.strip_prefix("### ") {
            category = Some(heading.trim().to_string());
            continue;
        }
        if !line.starts_with('|') || line.starts_with("|-") || line.starts_with("| Feature ") {
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        match &category {
            None if !cells[1].is_empty() => rows.aspects.push(cells[1].to_string()),
            None => {}
            Some(category) => {
                let stage: String = cells[2]
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .collect();
                rows.notes += usize::from(cells[2].len() > stage.len());
                *rows.stages.entry(stage.to_lowercase()).or_insert(0) += 1;
                *rows.categories.entry(category.clone()).or_insert(0) += 1;
                rows.links += usize::from(cells[1].starts_with('['));
            }
        }
    }
    rows
}

#[test]
fn the_english_istio_page_imports_with_its_note_and_both_support_rows() {
    let page = page();
    let imported = import_markdown(&page, &ImportOptions::default()).unwrap();
    let c = &imported.catalogue;
    assert_eq!(validate(c), vec![]);
    let raw = rows(&page);

    let mut stages: BTreeMap<String, usize> = BTreeMap::new();
    let mut categories: BTreeMap<String, usize> = BTreeMap::new();
    for f in &c.features {
        *stages.entry(f.stage.clone()).or_insert(0) += 1;
        let label = &c
            .categories
            .iter()
            .find(|k| k.id == f.category)
            .unwrap()
            .label;
        *categories.entry(label.clone()).or_insert(0) += 1;
    }
    assert_eq!(stages, raw.stages);
    assert_eq!(categories, raw.categories);
    assert_eq!(
        c.features.iter().filter(|f| f.link.is_some()).count(),
        raw.links
    );
    assert_eq!(
        c.features.iter().filter(|f| f.note.is_some()).count(),
        raw.notes
    );
    let labels: Vec<&str> = c.aspects.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, raw.aspects);

    // What a reader sees: four stages, 43 features, the IPv6 row's note.
    let stage_labels: Vec<&str> = c.stages.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(stage_labels, ["Experimental", "Alpha", "Beta", "Stable"]);
    assert_eq!(c.features.len(), 43);
    let ipv6 = c
        .features
        .iter()
        .find(|f| f.name == "IPv6 Support for Kubernetes")
        .unwrap();
    assert_eq!(ipv6.stage, "alpha");
    assert_eq!(
        ipv6.note.as_deref(),
        Some("Dual-stack IPv4 and IPv6 is not supported.")
    );
    // The two "Support" rows: distinct ids, the second listed as a repair.
    let support: Vec<&str> = c
        .aspects
        .iter()
        .filter(|a| a.label == "Support")
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(support, ["support", "support-2"]);
    let repairs: Vec<String> = imported.repairs.iter().map(ToString::to_string).collect();
    assert_eq!(
        repairs,
        ["line 39: aspect \"Support\": id \"support\" is an earlier row's; renamed \"support-2\""]
    );
    assert!(imported.dropped.is_empty());
}
