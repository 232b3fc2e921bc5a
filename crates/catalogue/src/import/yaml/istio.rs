//! Istio's `features.yaml` (istio/enhancements) → catalogue, in each shape
//! the file has had since 2021:
//!
//! - January 2021: `level` a list of one mapping with `current` (the stage);
//!   `state`, a list of blocks (`state: active`, `begin`, `details`).
//! - March 2021: `level` a list with `maturity` and the `area` inside it;
//!   `deprecation`, blocks like `state`'s (`state`, `next`, `details`).
//! - Since April 2021: `level` a mapping (`maturity`, from mid-2021
//!   `maturityNotes`, from late 2023 sometimes `link`), `area` and `link`
//!   beside it.
//!
//! A maturity may carry text after its stage (`Alpha. Dual-stack IPv4 and
//! IPv6 is not supported.`): the stage is the first word, the rest a note.

use yaml_rust2::Yaml;

use super::{finish, parse, slug, split_maturity, Imported, Parts, Repairs, YamlOptions};
use crate::import::{quoted, ImportError};
use crate::model::{Category, Deprecation, Feature};

/// Reads Istio's `features.yaml`.
pub fn import_istio(text: &str, options: &YamlOptions) -> Result<Imported, ImportError> {
    let (doc, later_documents) = parse(text)?;
    let entries = doc["features"].as_vec().ok_or(ImportError::NoFeatures)?;
    let mut reader = Reader::default();
    for (i, entry) in entries.iter().enumerate() {
        reader.entry(entry, &format!("features[{i}]"));
    }
    let Reader {
        r,
        categories,
        labels,
        features,
    } = reader;
    if features.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    let parts = Parts {
        default_title: Some("Istio feature status".into()),
        releases: Vec::new(),
        labels,
        categories,
        attributes: Vec::new(),
        features,
        stage_field: "each feature's level.maturity".into(),
        declared_stages: 0,
    };
    finish(options, parts, &doc, later_documents, r)
}

/// The catalogue's parts read so far.
#[derive(Default)]
struct Reader {
    r: Repairs,
    categories: Vec<Category>,
    /// Stage labels, as first seen.
    labels: Vec<String>,
    features: Vec<Feature>,
}

/// A value and its source path.
#[derive(Clone, Copy)]
struct At<'a> {
    value: &'a Yaml,
    path: &'a str,
}

impl Reader {
    /// One entry of `features`: a feature, unless it has no name.
    fn entry(&mut self, entry: &Yaml, path: &str) {
        let r = &mut self.r;
        let Some(name) = r
            .text(&entry["name"], &format!("{path}.name"))
            .filter(|n| !n.is_empty())
        else {
            r.skip(entry, "no name, so it cannot be shown");
            return;
        };
        let id_source = r.text(&entry["id"], &format!("{path}.id"));
        let id = r.id(id_source, &name, &format!("{path}.id"));
        // `level`: a mapping, or (2021) a list of one.
        let (level, level_path) = match &entry["level"] {
            Yaml::Array(items) => (
                items.first().unwrap_or(&Yaml::BadValue),
                format!("{path}.level[0]"),
            ),
            other => (other, format!("{path}.level")),
        };
        let level = At {
            value: level,
            path: &level_path,
        };
        let here = At { value: entry, path };

        let maturity = [(level, "maturity"), (level, "current"), (here, "maturity")]
            .into_iter()
            .find_map(|(at, key)| {
                r.text(&at.value[key], &format!("{}.{key}", at.path))
                    .filter(|m| !m.is_empty())
                    .map(|m| (m, format!("{}.{key}", at.path)))
            });
        let (stage_label, maturity_note) = match maturity {
            None => {
                r.note(path, "no level.maturity; using \"Unknown\"".into());
                ("Unknown".to_string(), None)
            }
            Some((maturity, maturity_path)) => {
                let (stage, rest) = split_maturity(&maturity);
                if stage != maturity {
                    r.note(
                        &maturity_path,
                        match &rest {
                            Some(rest) => {
                                format!(
                                    "stage {}, and {} as the note",
                                    quoted(&stage),
                                    quoted(rest)
                                )
                            }
                            None => {
                                format!("{} read as stage {}", quoted(&maturity), quoted(&stage))
                            }
                        },
                    );
                }
                (stage, rest)
            }
        };
        if !self.labels.iter().any(|l| slug(l) == slug(&stage_label)) {
            self.labels.push(stage_label.clone());
        }

        let area = first_text(r, &[(here, "area"), (level, "area")]).unwrap_or_else(|| {
            r.note(path, "no area; filed under \"Other\"".into());
            "Other".into()
        });
        let category = slug(&area);
        if !self.categories.iter().any(|c| c.id == category) {
            self.categories.push(Category {
                id: category.clone(),
                label: area,
            });
        }
        let link = first_text(r, &[(here, "link"), (level, "link")]);
        let notes = first_text(r, &[(level, "maturityNotes"), (here, "maturityNotes")]);
        let note = match (maturity_note, notes) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            (a, b) => a.or(b),
        };
        let deprecated = [(here, "deprecation"), (here, "state")]
            .into_iter()
            .find_map(|(at, key)| {
                let value = &at.value[key];
                (!value.is_badvalue()).then(|| deprecation(r, value, &format!("{}.{key}", at.path)))
            })
            .flatten();
        self.features.push(Feature {
            id,
            name,
            category,
            stage: slug(&stage_label),
            link,
            note,
            deprecated,
            ..Feature::default()
        });
    }
}

/// The first of `fields` with text that is not empty.
fn first_text(r: &mut Repairs, fields: &[(At, &str)]) -> Option<String> {
    fields.iter().find_map(|(at, key)| {
        r.text(&at.value[*key], &format!("{}.{key}", at.path))
            .filter(|t| !t.is_empty())
    })
}

/// Istio's deprecation: a block (`state`, `since`/`version`/`begin`,
/// `replacement`/`details`), a list of blocks (the last is the current
/// one), or text. A block whose `state` is `active` says the feature is not
/// deprecated.
fn deprecation(r: &mut Repairs, value: &Yaml, path: &str) -> Option<Deprecation> {
    match value {
        Yaml::BadValue | Yaml::Null => None,
        Yaml::Array(blocks) => {
            let last = blocks.len().checked_sub(1)?;
            deprecation(r, &blocks[last], &format!("{path}[{last}]"))
        }
        Yaml::Hash(_) => {
            let state = r.text(&value["state"], &format!("{path}.state"));
            if state.is_some_and(|s| s.eq_ignore_ascii_case("active")) {
                return None;
            }
            let since = ["since", "version", "begin"]
                .into_iter()
                .find_map(|key| {
                    r.text(&value[key], &format!("{path}.{key}"))
                        .filter(|s| !s.is_empty())
                })
                .unwrap_or_else(|| {
                    r.note(path, "no since or version; recorded as \"unknown\"".into());
                    "unknown".into()
                });
            let replacement = ["replacement", "details"].into_iter().find_map(|key| {
                r.text(&value[key], &format!("{path}.{key}"))
                    .filter(|s| !s.is_empty())
            });
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn each_shape_of_level_and_deprecation_is_read() {
        let text = r#"
features:
  - name: "January 2021"
    level:
     - checklist:
       current: Beta
    state:
     - state: active
       begin:
  - name: "March 2021"
    level:
     - checklist:
       maturity: Alpha. Dual-stack IPv4 and IPv6 is not supported.
       area: Core
    deprecation:
     - state: deprecated
       begin: "1.9"
       details: Use the other one.
  - name: "Since 2021"
    level:
      maturity: Stable
      maturityNotes: Needs a flag.
      link: "/docs/stable/"
    area: Core
  - name: "2024"
    level:
      maturity: Deprecated
    area: Core
"#;
        let imported = import_istio(text, &YamlOptions::default()).unwrap();
        let c = &imported.catalogue;
        let stages: Vec<&str> = c.stages.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(stages, ["Alpha", "Beta", "Stable", "Deprecated"]);
        let f = &c.features;
        assert_eq!(
            (
                f[0].stage.as_str(),
                f[0].category.as_str(),
                &f[0].deprecated
            ),
            ("beta", "other", &None)
        );
        assert_eq!(f[1].stage, "alpha");
        assert_eq!(f[1].category, "core");
        assert_eq!(
            f[1].note.as_deref(),
            Some("Dual-stack IPv4 and IPv6 is not supported.")
        );
        assert_eq!(
            f[1].deprecated,
            Some(Deprecation {
                since: "1.9".into(),
                replacement: Some("Use the other one.".into())
            })
        );
        assert_eq!(f[2].note.as_deref(), Some("Needs a flag."));
        assert_eq!(f[2].link.as_deref(), Some("/docs/stable/"));
        assert_eq!(f[3].stage, "deprecated");
        let repairs: Vec<String> = imported.repairs.iter().map(ToString::to_string).collect();
        assert!(repairs.contains(&"features[1].level[0].maturity: stage \"Alpha\", and \"Dual-stack IPv4 and IPv6 is not supported.\" as the note".to_string()), "{repairs:?}");
        assert!(crate::validate::validate(c).is_empty());
    }
}
