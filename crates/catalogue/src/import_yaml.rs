//! The field's real catalogues → catalogue:
//!
//! - Istio's `features.yaml` (istio/enhancements): features with an `area`,
//!   a `level.maturity`, optional `link`, `maturityNotes` and `deprecation`.
//! - Kubernetes' `versioned_feature_list.yaml`: feature gates, each with its
//!   stage (`preRelease`), default and `lockToDefault` per release.
//!
//! Real files are messy. Every repair is deterministic and reported as a
//! [`Repair`] (the CLI prints each on stderr); nothing is dropped silently.

use std::collections::HashSet;

use yaml_rust2::{Yaml, YamlLoader};

use crate::import::ImportError;
use crate::model::{Catalogue, Category, Deprecation, Feature, Stage, StageChange, Tone};
use crate::validate::{is_valid_id, is_valid_release};

/// Which importer reads a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A Hugo markdown page in the seed's form.
    Markdown,
    /// Istio's `features.yaml`.
    IstioYaml,
    /// Kubernetes' `versioned_feature_list.yaml`.
    K8sVersioned,
}

/// One repair made to messy input, at the source's path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Repair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A catalogue read from YAML, with the repairs that made it valid.
#[derive(Clone, Debug)]
pub struct Imported {
    pub catalogue: Catalogue,
    pub repairs: Vec<Repair>,
}

/// Options the files do not say.
#[derive(Clone, Debug, Default)]
pub struct YamlOptions {
    /// Locale of the texts (default `en`).
    pub locale: Option<String>,
    /// Absolute URL that relative links resolve against.
    pub base_url: Option<String>,
    /// Page title (default: one per source).
    pub title: Option<String>,
}

/// The importer for `text`, when its shape says so unambiguously: a mapping
/// with a `features` list is Istio's, a list of entries with
/// `versionedSpecs` is Kubernetes'. `None` for anything else (a markdown
/// page, or YAML of another shape).
pub fn detect(text: &str) -> Option<Source> {
    let docs = YamlLoader::load_from_str(text).ok()?;
    let doc = docs.first()?;
    if doc["features"].as_vec().is_some() {
        return Some(Source::IstioYaml);
    }
    let list = doc.as_vec()?;
    (!list.is_empty() && list.iter().all(|g| g["versionedSpecs"].as_vec().is_some()))
        .then_some(Source::K8sVersioned)
}

fn parse(text: &str) -> Result<Yaml, ImportError> {
    let mut docs = YamlLoader::load_from_str(text).map_err(|e| ImportError::Yaml {
        message: e.to_string(),
    })?;
    if docs.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    Ok(docs.swap_remove(0))
}

/// Collects repairs and keeps ids unique.
#[derive(Default)]
struct Repairs {
    list: Vec<Repair>,
    used_ids: HashSet<String>,
}

impl Repairs {
    fn note(&mut self, path: &str, message: String) {
        self.list.push(Repair {
            path: path.to_string(),
            message,
        });
    }

    /// A scalar as text, trimmed (with a repair when it had spaces around it).
    fn text(&mut self, value: &Yaml, path: &str) -> Option<String> {
        let raw = match value {
            Yaml::String(s) => s.clone(),
            Yaml::Integer(n) => n.to_string(),
            Yaml::Real(r) => r.clone(),
            Yaml::Boolean(b) => b.to_string(),
            _ => return None,
        };
        let trimmed = raw.trim();
        if trimmed.len() != raw.len() {
            self.note(path, format!("spaces around {raw:?} trimmed"));
        }
        Some(trimmed.to_string())
    }

    /// A feature id: the source's, cleaned of stray characters and case, or
    /// one made from the name; suffixed when already used.
    fn id(&mut self, source: Option<String>, name: &str, path: &str) -> String {
        let id = match source.filter(|s| !s.is_empty()) {
            None => {
                let made = slug(name);
                self.note(path, format!("missing id; made {made:?} from the name"));
                made
            }
            Some(raw) => {
                let cleaned: String = raw
                    .trim_matches(|c: char| !c.is_ascii_alphanumeric())
                    .to_ascii_lowercase();
                if cleaned != raw {
                    self.note(path, format!("id {raw:?} cleaned to {cleaned:?}"));
                }
                if is_valid_id(&cleaned) {
                    cleaned
                } else {
                    // Drop the characters an id cannot have; from the name if nothing usable is left.
                    let kept: String = cleaned
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                        .collect();
                    let made = if is_valid_id(&kept) { kept } else { slug(name) };
                    self.note(
                        path,
                        format!("id {cleaned:?} has characters an id cannot have; using {made:?}"),
                    );
                    made
                }
            }
        };
        let candidate = crate::import::unique(id.clone(), &mut self.used_ids);
        if candidate != id {
            self.note(path, format!("duplicate id {id:?}; renamed {candidate:?}"));
        }
        candidate
    }
}

/// Known stage labels in maturity order, with their tone.
const MATURITY: [(&str, Tone); 7] = [
    ("experimental", Tone::Experimental),
    ("alpha", Tone::Experimental),
    ("beta", Tone::Preview),
    ("stable", Tone::Stable),
    ("ga", Tone::Stable),
    ("deprecated", Tone::Deprecated),
    ("removed", Tone::Neutral),
];

/// The stages seen, in maturity order (unknown labels last, as seen), keeping
/// the source's labels.
fn stages_in_order(labels: &[String]) -> Vec<Stage> {
    let mut stages: Vec<Stage> = Vec::new();
    for label in labels {
        let id = slug(label);
        if !stages.iter().any(|s| s.id == id) {
            let tone = MATURITY
                .iter()
                .find(|(known, _)| *known == id)
                .map_or(Tone::Neutral, |(_, tone)| *tone);
            stages.push(Stage {
                id,
                label: label.clone(),
                tone,
            });
        }
    }
    let rank = |s: &Stage| {
        MATURITY
            .iter()
            .position(|(known, _)| *known == s.id)
            .unwrap_or(MATURITY.len())
    };
    stages.sort_by_key(rank);
    stages
}

/// Reads Istio's `features.yaml`.
pub fn import_istio(text: &str, options: &YamlOptions) -> Result<Imported, ImportError> {
    let doc = parse(text)?;
    let entries = doc["features"].as_vec().ok_or(ImportError::NoFeatures)?;
    let mut r = Repairs::default();
    let mut categories: Vec<Category> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let mut features = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let path = format!("features[{i}]");
        let Some(name) = r.text(&entry["name"], &format!("{path}.name")) else {
            r.note(&path, "no name; entry skipped (it cannot be shown)".into());
            continue;
        };
        let id_source = r.text(&entry["id"], &format!("{path}.id"));
        let id = r.id(id_source, &name, &format!("{path}.id"));
        let maturity = r
            .text(
                &entry["level"]["maturity"],
                &format!("{path}.level.maturity"),
            )
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| {
                r.note(&path, "no level.maturity; using \"Unknown\"".into());
                "Unknown".into()
            });
        if !labels.iter().any(|l| slug(l) == slug(&maturity)) {
            labels.push(maturity.clone());
        }
        let area = r
            .text(&entry["area"], &format!("{path}.area"))
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| {
                r.note(&path, "no area; filed under \"Other\"".into());
                "Other".into()
            });
        let category = slug(&area);
        if !categories.iter().any(|c| c.id == category) {
            categories.push(Category {
                id: category.clone(),
                label: area,
            });
        }
        let link = r
            .text(&entry["link"], &format!("{path}.link"))
            .filter(|l| !l.is_empty());
        let note = r
            .text(&entry["maturityNotes"], &format!("{path}.maturityNotes"))
            .filter(|n| !n.is_empty());
        let deprecated = deprecation(
            &mut r,
            &entry["deprecation"],
            &format!("{path}.deprecation"),
        );
        features.push(Feature {
            id,
            name,
            category,
            stage: slug(&maturity),
            link,
            note,
            history: Vec::new(),
            deprecated,
        });
    }
    if features.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    Ok(finish(
        options,
        "Istio feature status",
        Vec::new(),
        stages_in_order(&labels),
        categories,
        features,
        r,
    ))
}

/// The imported parts as a catalogue (with the options' locale, title and
/// base URL), and the repairs that made them.
fn finish(
    options: &YamlOptions,
    default_title: &str,
    releases: Vec<String>,
    stages: Vec<Stage>,
    categories: Vec<Category>,
    features: Vec<Feature>,
    repairs: Repairs,
) -> Imported {
    let locale = options.locale.clone().unwrap_or_else(|| "en".into());
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| default_title.into());
    Imported {
        catalogue: Catalogue {
            releases,
            stages,
            categories,
            features,
            ..Catalogue::new(locale, title, options.base_url.clone())
        },
        repairs: repairs.list,
    }
}

/// Istio's `deprecation`: a mapping (`since`/`version`, `replacement`) or text.
fn deprecation(r: &mut Repairs, value: &Yaml, path: &str) -> Option<Deprecation> {
    match value {
        Yaml::BadValue | Yaml::Null => None,
        Yaml::Hash(_) => {
            let since = r
                .text(&value["since"], &format!("{path}.since"))
                .or_else(|| r.text(&value["version"], &format!("{path}.version")))
                .unwrap_or_else(|| {
                    r.note(path, "no since or version; recorded as \"unknown\"".into());
                    "unknown".into()
                });
            let replacement = r
                .text(&value["replacement"], &format!("{path}.replacement"))
                .filter(|s| !s.is_empty());
            Some(Deprecation { since, replacement })
        }
        other => {
            let text = r.text(other, path)?;
            (!text.is_empty()).then(|| Deprecation {
                since: "unknown".into(),
                replacement: Some(text),
            })
        }
    }
}

/// One release's entry of a gate: (release, stage label, default, locked to default).
type GateSpec = (String, String, bool, bool);
/// A gate as read: (id, name, its specs in release order).
type Gate = (String, String, Vec<GateSpec>);

/// Reads Kubernetes' `versioned_feature_list.yaml`.
pub fn import_k8s(text: &str, options: &YamlOptions) -> Result<Imported, ImportError> {
    let doc = parse(text)?;
    let gates = doc.as_vec().ok_or(ImportError::NoFeatures)?;
    let mut r = Repairs::default();
    let mut labels: Vec<String> = Vec::new();
    let mut releases: Vec<String> = Vec::new();
    let mut read: Vec<Gate> = Vec::new();
    for (i, gate) in gates.iter().enumerate() {
        let path = format!("[{i}]");
        let Some(name) = r
            .text(&gate["name"], &format!("{path}.name"))
            .filter(|n| !n.is_empty())
        else {
            r.note(&path, "no name; gate skipped (it cannot be shown)".into());
            continue;
        };
        let id = r.id(Some(kebab(&name)), &name, &format!("{path}.name"));
        let mut specs = Vec::new();
        for (j, spec) in gate["versionedSpecs"]
            .as_vec()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let spec_path = format!("{path}.versionedSpecs[{j}]");
            let (Some(version), Some(stage)) = (
                r.text(&spec["version"], &format!("{spec_path}.version")),
                r.text(&spec["preRelease"], &format!("{spec_path}.preRelease")),
            ) else {
                r.note(&spec_path, "no version or preRelease; entry skipped".into());
                continue;
            };
            if !is_valid_release(&version) {
                r.note(
                    &spec_path,
                    format!("version {version:?} is not a release id; entry skipped"),
                );
                continue;
            }
            if !labels.iter().any(|l| slug(l) == slug(&stage)) {
                labels.push(stage.clone());
            }
            if !releases.contains(&version) {
                releases.push(version.clone());
            }
            let default = spec["default"].as_bool().unwrap_or(false);
            let locked = spec["lockToDefault"].as_bool().unwrap_or(false);
            specs.push((version, stage, default, locked));
        }
        if specs.is_empty() {
            r.note(
                &path,
                format!("{name}: no usable versionedSpecs; gate skipped"),
            );
            r.used_ids.remove(&id);
            continue;
        }
        if !specs
            .windows(2)
            .all(|w| compare_versions(&w[0].0, &w[1].0).is_lt())
        {
            specs.sort_by(|a, b| compare_versions(&a.0, &b.0));
            specs.dedup_by(|b, a| a.0 == b.0);
            r.note(
                &path,
                format!("{name}: versionedSpecs out of release order; sorted"),
            );
        }
        read.push((id, name, specs));
    }
    if read.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    releases.sort_by(|a, b| compare_versions(a, b));
    let features = read
        .into_iter()
        .map(|(id, name, specs)| {
            let mut history: Vec<StageChange> = Vec::new();
            for (version, stage, ..) in &specs {
                // A repeated stage (the default flipped) is not a stage change.
                if history.last().is_none_or(|h| h.stage != slug(stage)) {
                    history.push(StageChange {
                        stage: slug(stage),
                        since: version.clone(),
                    });
                }
            }
            let (_, last_stage, default, locked) = &specs[specs.len() - 1];
            let stage = slug(last_stage);
            let deprecated = (stage == "deprecated").then(|| Deprecation {
                since: history[history.len() - 1].since.clone(),
                replacement: None,
            });
            let note = format!(
                "{}{}",
                if *default {
                    "On by default"
                } else {
                    "Off by default"
                },
                if *locked {
                    ", locked to its default"
                } else {
                    ""
                }
            );
            Feature {
                id,
                name,
                category: "feature-gates".into(),
                stage,
                link: None,
                note: Some(note),
                history,
                deprecated,
            }
        })
        .collect();
    let categories = vec![Category {
        id: "feature-gates".into(),
        label: "Feature gates".into(),
    }];
    Ok(finish(
        options,
        "Kubernetes feature gates",
        releases,
        stages_in_order(&labels),
        categories,
        features,
        r,
    ))
}

/// Orders release ids like `1.9` < `1.10` (numeric parts compared as numbers).
pub fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |s: &str| -> Vec<(u64, String)> {
        s.split(['.', '-'])
            .map(|p| (p.parse().unwrap_or(u64::MAX), p.to_string()))
            .collect()
    };
    parts(a).cmp(&parts(b))
}

/// `AnyVolumeDataSource` → `any-volume-data-source`; `CPUManager` → `cpu-manager`.
fn kebab(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1);
            let boundary = prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
                || (prev.is_some_and(|p| p.is_ascii_uppercase())
                    && next.is_some_and(|n| n.is_ascii_lowercase())
                    // `KMSv1`: a version suffix, not a new word.
                    && !chars.get(i + 2).is_some_and(char::is_ascii_digit));
            if boundary && !out.ends_with('-') {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Lowercase ASCII, other characters as single `-`: `Ambient mode` → `ambient-mode`.
fn slug(text: &str) -> String {
    crate::import::slug(text, "unnamed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gate_names_become_kebab_case_ids() {
        assert_eq!(kebab("AnyVolumeDataSource"), "any-volume-data-source");
        assert_eq!(
            kebab("CPUManagerPolicyOptions"),
            "cpu-manager-policy-options"
        );
        assert_eq!(kebab("KMSv1"), "kmsv1");
        assert_eq!(kebab("WinDSR"), "win-dsr");
        assert_eq!(kebab("APIResponseCompression"), "api-response-compression");
    }

    #[test]
    fn releases_sort_numerically() {
        let mut v = vec!["1.10", "1.9", "1.0", "1.34", "1.2"];
        v.sort_by(|a, b| compare_versions(a, b));
        assert_eq!(v, ["1.0", "1.2", "1.9", "1.10", "1.34"]);
    }

    #[test]
    fn messy_istio_entries_are_repaired_and_each_repair_is_listed() {
        let text = r#"
features:
  - name: "A"
    id: :"core.a"
    level: { maturity: "Stable " }
    area: "Core  "
  - name: "A again"
    id: "core.a"
    level: { maturity: Experimental }
    area: Core
  - name: "No id here"
    level: { maturity: Beta }
    area: Traffic
    maturityNotes: "needs a flag"
    deprecation: { since: "1.20", replacement: "use B" }
"#;
        let imported = import_istio(text, &YamlOptions::default()).unwrap();
        let c = &imported.catalogue;
        let ids: Vec<&str> = c.features.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["core.a", "core.a-2", "no-id-here"]);
        let stages: Vec<&str> = c.stages.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(stages, ["Experimental", "Beta", "Stable"]);
        assert_eq!(c.features[2].note.as_deref(), Some("needs a flag"));
        assert_eq!(
            c.features[2]
                .deprecated
                .as_ref()
                .unwrap()
                .replacement
                .as_deref(),
            Some("use B")
        );
        let repairs: Vec<String> = imported.repairs.iter().map(ToString::to_string).collect();
        for expected in [
            "features[0].id: id \":\\\"core.a\\\"\" cleaned to \"core.a\"",
            "features[1].id: duplicate id \"core.a\"",
            "features[2].id: missing id",
            "features[0].level.maturity: spaces",
            "features[0].area: spaces",
        ] {
            assert!(
                repairs.iter().any(|r| r.starts_with(expected)),
                "{expected} not in {repairs:?}"
            );
        }
        assert!(
            crate::validate::validate(c).is_empty(),
            "{:?}",
            crate::validate::validate(c)
        );
    }
}
