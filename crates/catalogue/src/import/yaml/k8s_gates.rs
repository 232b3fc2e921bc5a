//! The kubernetes/website per-gate pages
//! (`content/en/docs/reference/command-line-tools-reference/feature-gates/`,
//! a directory of `<Gate>.md`, since 2023) → catalogue: each page's front
//! matter (`title`, `stages: [{stage, defaultValue, fromVersion, toVersion,
//! locked}]`, `removed`) gives a gate's stage history, its current default
//! and lock as attributes, and its removal (the release after the last
//! stage's `toVersion`); the page's text is the gate's description, with
//! Hugo's `glossary_tooltip` shortcodes read as their text.

use std::collections::BTreeMap;

use yaml_rust2::Yaml;

use super::k8s::{compare_versions, gate_attributes, gate_feature};
use super::{finish_files, parse_file, slug, Imported, Parts, Repairs, YamlOptions};
use crate::import::{quoted, Dropped, ImportError};
use crate::model::{Category, Feature, Removal, StageChange, Value};
use crate::validate::is_valid_release;

/// Reads the per-gate pages: `files` are (file name, text) pairs; pages
/// whose front matter is not a feature gate's are reported as dropped.
pub fn import_k8s_gates(
    files: &[(String, String)],
    options: &YamlOptions,
) -> Result<Imported, ImportError> {
    let mut r = Repairs::default();
    let mut dropped = Vec::new();
    let mut pages: Vec<(String, Yaml, String)> = Vec::new();
    for (path, text) in files {
        let Some((front, body)) = front_matter(text) else {
            dropped.push(Dropped {
                path: path.clone(),
                reason: Some("no front matter".into()),
            });
            continue;
        };
        let doc = parse_file(path, front, &mut dropped)?;
        if doc["content_type"].as_str() != Some("feature_gate") {
            dropped.push(Dropped {
                path: path.clone(),
                reason: Some("not a feature gate's page (content_type)".into()),
            });
            continue;
        }
        pages.push((path.clone(), doc, body.to_string()));
    }
    let mut labels: Vec<String> = Vec::new();
    let mut releases: Vec<String> = Vec::new();
    let mut features = Vec::new();
    for (path, doc, body) in &pages {
        r.read(&doc["content_type"]);
        // How Hugo builds the page, not what it says (some pages spell it
        // `build`, which Hugo ignores).
        r.read(&doc["_build"]);
        r.read(&doc["build"]);
        let Some(name) = r
            .text(&doc["title"], &format!("{path}.title"))
            .filter(|n| !n.is_empty())
        else {
            dropped.push(Dropped {
                path: path.clone(),
                reason: Some("no title, so it cannot be shown".into()),
            });
            continue;
        };
        let mut history: Vec<StageChange> = Vec::new();
        let (mut default, mut locked, mut last_to) = (None, false, None);
        for (j, entry) in doc["stages"].as_vec().into_iter().flatten().enumerate() {
            let at = format!("{path}.stages[{j}]");
            let (Some(stage), Some(from)) = (
                r.text(&entry["stage"], &format!("{at}.stage")),
                r.text(&entry["fromVersion"], &format!("{at}.fromVersion")),
            ) else {
                r.skip(entry, "no stage or fromVersion");
                continue;
            };
            if !is_valid_release(&from) {
                r.skip(entry, "fromVersion is not a release");
                continue;
            }
            if !labels.iter().any(|l| slug(l) == slug(&stage)) {
                labels.push(capitalised(&stage));
            }
            let to = r.text(&entry["toVersion"], &format!("{at}.toVersion"));
            for release in [Some(&from), to.as_ref()].into_iter().flatten() {
                if is_valid_release(release) && !releases.contains(release) {
                    releases.push(release.clone());
                }
            }
            last_to = to;
            // A stage that does not say keeps the default before it.
            default = entry["defaultValue"].as_bool().or(default);
            r.read(&entry["defaultValue"]);
            locked = entry["locked"].as_bool().unwrap_or(false);
            r.read(&entry["locked"]);
            if history.last().is_none_or(|h| h.stage != slug(&stage)) {
                history.push(StageChange {
                    stage: slug(&stage),
                    since: from,
                });
            }
        }
        let Some(last) = history.last() else {
            dropped.push(Dropped {
                path: path.clone(),
                reason: Some("no stages, so no stage".into()),
            });
            continue;
        };
        let removed = match &doc["removed"] {
            Yaml::Boolean(true) => {
                r.read(&doc["removed"]);
                // Removed in the release after its last stage ended.
                let since = last_to.as_deref().and_then(next_minor).unwrap_or_else(|| {
                    r.note(
                        &format!("{path}.removed"),
                        "no toVersion to date the removal; dated at its last stage".into(),
                    );
                    last.since.clone()
                });
                if !releases.contains(&since) {
                    releases.push(since.clone());
                }
                Some(Removal { since })
            }
            other => {
                r.read(other);
                None
            }
        };
        let mut attributes = BTreeMap::new();
        if let Some(default) = default {
            attributes.insert("default".to_string(), Value::Bool(default));
        }
        attributes.insert("locked".to_string(), Value::Bool(locked));
        let description = description(body, &mut r, path);
        let id = r.id(
            Some(super::k8s::kebab(&name)),
            &name,
            &format!("{path}.title"),
        );
        features.push(Feature {
            removed,
            description,
            attributes,
            ..gate_feature(id, name, history)
        });
    }
    if features.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    releases.sort_by(|a, b| compare_versions(a, b));
    let parts = Parts {
        default_title: Some("Kubernetes feature gates".into()),
        releases,
        labels,
        categories: vec![Category {
            id: "feature-gates".into(),
            label: "Feature gates".into(),
        }],
        attributes: gate_attributes(),
        features,
        stage_field: "each page's stages[].stage".into(),
        declared_stages: 0,
    };
    let options = YamlOptions {
        base_url: options
            .base_url
            .clone()
            .or_else(|| Some("https://kubernetes.io/".into())),
        ..options.clone()
    };
    let trees = pages.into_iter().map(|(path, doc, _)| (path, doc));
    finish_files(&options, parts, trees, dropped, r)
}

/// The front matter between the first two `---` lines, and the rest.
fn front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---")?.trim_start_matches([' ', '\t']);
    let rest = rest
        .strip_prefix('\n')
        .or_else(|| rest.strip_prefix("\r\n"))?;
    let end = rest.find("\n---")?;
    let body = rest[end + 4..].trim_start_matches(['-', ' ', '\t']);
    Some((&rest[..end], body))
}

/// `alpha` → `Alpha`.
fn capitalised(stage: &str) -> String {
    let mut chars = stage.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// `1.23` → `1.24`.
pub(super) fn next_minor(release: &str) -> Option<String> {
    let (major, minor) = release.split_once('.')?;
    Some(format!("{major}.{}", minor.parse::<u32>().ok()? + 1))
}

/// The page's text as one paragraph of inline text, with a repair for
/// each shortcode left out.
fn description(body: &str, r: &mut Repairs, path: &str) -> Option<String> {
    let mut notes = Vec::new();
    let text = description_of(body, &mut notes);
    for note in notes {
        r.note(path, note);
    }
    text
}

/// A gate's text as one paragraph of inline text: Hugo's
/// `{{< glossary_tooltip text="…" … >}}` read as its text; any other
/// shortcode left out, said in `notes`.
pub(super) fn description_of(body: &str, notes: &mut Vec<String>) -> Option<String> {
    let mut out = String::new();
    let mut rest = body;
    while let Some(start) = rest.find("{{<") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find(">}}") else {
            break;
        };
        let shortcode = &rest[start + 3..start + len];
        match attribute(shortcode, "text") {
            Some(text) if shortcode.trim_start().starts_with("glossary_tooltip") => {
                out.push_str(text)
            }
            _ => notes.push(format!("shortcode {} left out", quoted(shortcode.trim()))),
        }
        rest = &rest[start + len + 3..];
    }
    out.push_str(rest);
    let text = out.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The value of `name="…"` in a shortcode.
fn attribute<'a>(shortcode: &'a str, name: &str) -> Option<&'a str> {
    let start = shortcode.find(&format!("{name}=\""))? + name.len() + 2;
    let len = shortcode[start..].find('"')?;
    Some(&shortcode[start..start + len])
}
