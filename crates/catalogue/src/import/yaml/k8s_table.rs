//! kubernetes/website's feature-gates page before the per-gate pages
//! (`feature-gates.md`, and `feature-gates-removed.md`, until 2023): Markdown
//! tables `| Feature | Default | Stage | Since | Until |` (the removed page:
//! `From | To`) with one row per stage of a gate, the gate's name repeated
//! on each, and a "List of feature gates" of `` - `Gate`: text `` items →
//! catalogue: each gate's stage history, its last default, a removal for
//! the removed page's gates (the release after the last `To`), and the
//! list's text as the description. The rows' typos are repaired and
//! reported (`Beta``, `beta`, `1,24`); a row whose stage is not one is
//! left out and reported.

use std::collections::BTreeMap;

use super::k8s::{compare_versions, gate_attributes, gate_feature, kebab};
use super::k8s_gates::{description_of, next_minor};
use super::stages_in_order;
use crate::import::{quoted, Dropped, ImportError, Imported, Repair};
use crate::model::{Catalogue, Category, Feature, Removal, StageChange, Value};
use crate::validate::is_valid_release;

/// The stages the tables use, with the labels the catalogue gives them.
const STAGES: [(&str, &str); 5] = [
    ("alpha", "Alpha"),
    ("beta", "Beta"),
    ("ga", "GA"),
    ("stable", "Stable"),
    ("deprecated", "Deprecated"),
];

/// Whether `text` has a feature-gate table (its header row).
pub fn is_gate_table(text: &str) -> bool {
    text.lines().any(|line| header(line).is_some())
}

/// `Some(true)` for a `Since | Until` header row, `Some(false)` for the
/// removed page's `From | To`.
fn header(line: &str) -> Option<bool> {
    let cells = cells(line)?;
    match cells
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect::<Vec<_>>()[..]
    {
        [ref f, ref d, ref s, ref a, ref b] if f == "feature" && d == "default" && s == "stage" => {
            match (a.as_str(), b.as_str()) {
                ("since", "until") => Some(true),
                ("from", "to") => Some(false),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A table row's cells, trimmed; `None` for a line that is not one.
fn cells(line: &str) -> Option<Vec<String>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(|c| c.trim().to_string()).collect())
}

/// One row, read.
struct Row {
    line: usize,
    stage: String,
    default: Option<bool>,
    since: String,
    until: Option<String>,
    /// From the removed page.
    removed: bool,
}

/// Reads the page (`file_name` for messages).
pub fn import_k8s_gate_table(
    text: &str,
    options: &super::YamlOptions,
) -> Result<Imported, ImportError> {
    let mut repairs: Vec<Repair> = Vec::new();
    let mut dropped: Vec<Dropped> = Vec::new();
    let mut gates: Vec<(String, Vec<Row>)> = Vec::new();
    let mut descriptions: BTreeMap<String, String> = BTreeMap::new();
    let mut table: Option<bool> = None;
    let mut in_list = false;
    let mut current: Option<String> = None;
    let mut title = None;
    let mut lines = text.lines().enumerate().peekable();
    // The front matter's title, the rest of it is how Hugo builds the page.
    if text.starts_with("---") {
        lines.next();
        for (_, line) in lines.by_ref() {
            if line.trim() == "---" {
                break;
            }
            if let Some(t) = line.strip_prefix("title:") {
                title = Some(t.trim().trim_matches('"').to_string());
            }
        }
    }
    for (i, line) in lines {
        let number = i + 1;
        let trimmed = line.trim();
        if let Some(heading) = trimmed.strip_prefix('#') {
            let heading = heading.trim_start_matches('#').trim().to_ascii_lowercase();
            in_list = heading.starts_with("list of feature gates");
            current = None;
            table = None;
            continue;
        }
        if let Some(kind) = header(line) {
            table = Some(kind);
            continue;
        }
        if let (Some(since_until), Some(row)) = (table, cells(line)) {
            if row
                .iter()
                .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
            {
                continue; // the separator row
            }
            read_row(
                number,
                &row,
                !since_until,
                &mut gates,
                &mut repairs,
                &mut dropped,
            );
            continue;
        }
        table = None;
        if in_list {
            if let Some(item) = trimmed.strip_prefix("- `") {
                if let Some((name, rest)) = item.split_once('`') {
                    let rest = rest.trim_start_matches(':').trim();
                    descriptions.insert(name.to_string(), rest.to_string());
                    current = Some(name.to_string());
                    continue;
                }
            }
            match &current {
                Some(name) if line.starts_with(' ') && !trimmed.is_empty() => {
                    let text = descriptions.entry(name.clone()).or_default();
                    text.push(' ');
                    text.push_str(trimmed);
                }
                _ => current = None,
            }
        }
    }
    if gates.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    let mut labels: Vec<String> = Vec::new();
    let mut releases: Vec<String> = Vec::new();
    let mut features = Vec::new();
    let mut used = std::collections::HashSet::new();
    for (name, mut rows) in gates {
        rows.sort_by(|a, b| compare_versions(&a.since, &b.since));
        let mut history: Vec<StageChange> = Vec::new();
        for row in &rows {
            for release in std::iter::once(&row.since).chain(&row.until) {
                if !releases.contains(release) {
                    releases.push(release.clone());
                }
            }
            let label = STAGES
                .iter()
                .find(|(id, _)| *id == row.stage)
                .map_or("", |(_, l)| l);
            if !labels.iter().any(|l| l == label) {
                labels.push(label.to_string());
            }
            match history.last() {
                Some(last) if last.stage == row.stage => {}
                Some(last) if last.since == row.since => {
                    repairs.push(Repair {
                        path: format!("line {}", row.line),
                        message: format!(
                            "{name} has two stages in {}; the later row's is used",
                            row.since
                        ),
                    });
                    history.pop();
                    history.push(StageChange {
                        stage: row.stage.clone(),
                        since: row.since.clone(),
                    });
                }
                _ => history.push(StageChange {
                    stage: row.stage.clone(),
                    since: row.since.clone(),
                }),
            }
        }
        let last = rows.last().expect("a gate has a row");
        // Removed in the release after the removed page's last `To`; a row
        // without one dates no removal.
        let removed = match (rows.iter().any(|r| r.removed), last.until.as_deref()) {
            (false, _) => None,
            (true, Some(to)) => next_minor(to).map(|since| {
                if !releases.contains(&since) {
                    releases.push(since.clone());
                }
                Removal { since }
            }),
            (true, None) => {
                repairs.push(Repair {
                    path: format!("line {}", last.line),
                    message: format!("{name} is on the removed page without a last release (To); not marked removed"),
                });
                None
            }
        };
        let mut attributes = BTreeMap::new();
        if let Some(default) = rows.iter().rev().find_map(|r| r.default) {
            attributes.insert("default".to_string(), Value::Bool(default));
        }
        let mut notes = Vec::new();
        let description = descriptions
            .remove(&name)
            .and_then(|d| description_of(&d, &mut notes));
        for note in notes {
            repairs.push(Repair {
                path: format!("{name}: description"),
                message: note,
            });
        }
        let id = crate::import::unique(kebab(&name), &mut used);
        features.push(Feature {
            removed,
            description,
            attributes,
            ..gate_feature(id, name, history)
        });
    }
    for name in descriptions.into_keys() {
        dropped.push(Dropped {
            path: format!("List of feature gates: {name}"),
            reason: Some("a gate that no table lists".into()),
        });
    }
    releases.sort_by(|a, b| compare_versions(a, b));
    let mut attributes = gate_attributes();
    // The tables give no lock.
    attributes.retain(|a| a.id == "default");
    let title = options
        .title
        .clone()
        .or(title)
        .unwrap_or_else(|| "Kubernetes feature gates".into());
    let base_url = options
        .base_url
        .clone()
        .or_else(|| Some("https://kubernetes.io/".into()));
    let mut catalogue = Catalogue::new(
        options.locale.clone().unwrap_or_else(|| "en".into()),
        title,
        base_url,
    );
    catalogue.releases = releases;
    catalogue.stages = stages_in_order(&labels);
    catalogue.categories = vec![Category {
        id: "feature-gates".into(),
        label: "Feature gates".into(),
    }];
    catalogue.attributes = attributes;
    catalogue.features = features;
    Ok(Imported {
        catalogue,
        repairs,
        dropped,
    })
}

/// Reads one table row into its gate's rows, repairing the tables' typos.
fn read_row(
    line: usize,
    row: &[String],
    removed: bool,
    gates: &mut Vec<(String, Vec<Row>)>,
    repairs: &mut Vec<Repair>,
    dropped: &mut Vec<Dropped>,
) {
    let at = format!("line {line}");
    let [name, default, stage, since, until] = row else {
        dropped.push(Dropped {
            path: at,
            reason: Some(format!("a row of {} cells, not 5", row.len())),
        });
        return;
    };
    let name = name.trim_matches('`').trim().to_string();
    let clean = |text: &str| text.trim_matches('`').trim().to_string();
    let stage_text = clean(stage);
    let stage_id = stage_text.to_ascii_lowercase();
    if !STAGES.iter().any(|(id, _)| *id == stage_id) {
        dropped.push(Dropped {
            path: at,
            reason: Some(format!("{name}: stage {} is not a stage", quoted(stage))),
        });
        return;
    }
    let label = STAGES
        .iter()
        .find(|(id, _)| *id == stage_id)
        .map_or("", |(_, label)| label);
    if stage != label {
        repairs.push(Repair {
            path: at.clone(),
            message: format!("stage {} read as {}", quoted(stage), quoted(label)),
        });
    }
    let default = match clean(default).as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    };
    let release = |text: &str, repairs: &mut Vec<Repair>| -> Option<String> {
        let cleaned = clean(text).replace(',', ".");
        if cleaned != clean(text) {
            repairs.push(Repair {
                path: at.clone(),
                message: format!("release {} read as {}", quoted(text), quoted(&cleaned)),
            });
        }
        is_valid_release(&cleaned)
            .then_some(cleaned)
            .filter(|r| r.chars().any(|c| c.is_ascii_digit()))
    };
    let Some(since) = release(since, repairs) else {
        dropped.push(Dropped {
            path: at,
            reason: Some(format!("{name}: no release in the Since column")),
        });
        return;
    };
    let until = release(until, repairs);
    let row = Row {
        line,
        stage: stage_id,
        default,
        since,
        until,
        removed,
    };
    match gates.iter_mut().find(|(n, _)| *n == name) {
        Some((_, rows)) => rows.push(row),
        None => gates.push((name, vec![row])),
    }
}
