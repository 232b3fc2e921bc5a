//! Kubernetes' `versioned_feature_list.yaml` → catalogue.

use yaml_rust2::Yaml;

use super::{finish, parse, slug, Imported, Parts, Repairs, YamlOptions};
use crate::import::{quoted, ImportError};
use crate::model::{Attribute, AttributeKind, Category, Deprecation, Feature, StageChange, Value};
use crate::validate::is_valid_release;

/// One release's entry of a gate.
struct GateSpec<'a> {
    /// The entry itself, whose `default` and `lockToDefault` become the
    /// `default` and `locked` attributes when it is the gate's last.
    node: &'a Yaml,
    path: String,
    release: String,
    /// The stage's label as the file spells it (`preRelease`).
    stage: String,
}

/// A gate as read, before it becomes a feature.
struct Gate<'a> {
    id: String,
    name: String,
    /// Never empty; in release order.
    specs: Vec<GateSpec<'a>>,
}

/// Reads Kubernetes' `versioned_feature_list.yaml`.
pub fn import_k8s(text: &str, options: &YamlOptions) -> Result<Imported, ImportError> {
    let (doc, later_documents) = parse(text)?;
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
            r.skip(gate, "no name, so it cannot be shown");
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
                r.skip(spec, "no version or preRelease");
                continue;
            };
            if !is_valid_release(&version) {
                r.skip(
                    spec,
                    &format!("version {} is not a release id", quoted(&version)),
                );
                continue;
            }
            specs.push(GateSpec {
                node: spec,
                path: spec_path,
                release: version,
                stage,
            });
        }
        if specs.is_empty() {
            r.skip(gate, &format!("{name}: no usable versionedSpecs"));
            r.used_ids.remove(&id);
            continue;
        }
        if !specs
            .windows(2)
            .all(|w| compare_versions(&w[0].release, &w[1].release).is_lt())
        {
            specs.sort_by(|a, b| compare_versions(&a.release, &b.release));
            r.note(
                &path,
                format!("{name}: versionedSpecs out of release order; sorted"),
            );
            // A second entry for a release says something the first does not hold.
            let mut kept: Vec<GateSpec> = Vec::new();
            for spec in specs {
                if kept.last().is_some_and(|k| k.release == spec.release) {
                    r.skip(
                        spec.node,
                        &format!("a second entry for release {}", spec.release),
                    );
                } else {
                    kept.push(spec);
                }
            }
            specs = kept;
        }
        for spec in &specs {
            if !labels.iter().any(|l| slug(l) == slug(&spec.stage)) {
                labels.push(spec.stage.clone());
            }
            if !releases.contains(&spec.release) {
                releases.push(spec.release.clone());
            }
        }
        read.push(Gate { id, name, specs });
    }
    if read.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    releases.sort_by(|a, b| compare_versions(a, b));
    let features = read.into_iter().map(|g| g.into_feature(&mut r)).collect();
    let categories = vec![Category {
        id: "feature-gates".into(),
        label: "Feature gates".into(),
    }];
    let parts = Parts {
        // The format is Kubernetes', and other projects': no title of its own.
        default_title: None,
        releases,
        labels,
        categories,
        attributes: gate_attributes(),
        features,
        stage_field: "versionedSpecs[].preRelease".into(),
        declared_stages: 0,
    };
    finish(options, parts, &doc, later_documents, r)
}

impl Gate<'_> {
    /// The feature: its stage history (a change only where the stage
    /// changes), its current stage, and its last entry's default and lock
    /// as attributes (earlier entries' defaults have no place in the
    /// catalogue).
    fn into_feature(self, r: &mut Repairs) -> Feature {
        let mut history: Vec<StageChange> = Vec::new();
        for spec in &self.specs {
            // A repeated stage (the default flipped) is not a stage change.
            if history.last().is_none_or(|h| h.stage != slug(&spec.stage)) {
                history.push(StageChange {
                    stage: slug(&spec.stage),
                    since: spec.release.clone(),
                });
            }
        }
        let last = &self.specs[self.specs.len() - 1];
        let flag = |r: &mut Repairs, key: &str| {
            let value = &last.node[key];
            let flag = value.as_bool();
            if !value.is_badvalue() {
                r.read(value);
                if flag.is_none() {
                    let path = format!("{}.{key}", last.path);
                    r.note(&path, "not true or false; read as false".into());
                }
            }
            flag.unwrap_or(false)
        };
        let default = flag(r, "default");
        let locked = flag(r, "lockToDefault");
        let attributes = [
            ("default".to_string(), Value::Bool(default)),
            ("locked".to_string(), Value::Bool(locked)),
        ];
        Feature {
            attributes: attributes.into_iter().collect(),
            ..gate_feature(self.id, self.name, history)
        }
    }
}

/// A feature gate of one of the Kubernetes importers: in the one category,
/// at the last stage of its `history` (never empty), deprecated since that
/// entry when it is Deprecated.
pub(super) fn gate_feature(id: String, name: String, history: Vec<StageChange>) -> Feature {
    let last = history.last().cloned().unwrap_or(StageChange {
        stage: String::new(),
        since: String::new(),
    });
    Feature {
        id,
        name,
        category: "feature-gates".into(),
        deprecated: (last.stage == "deprecated").then_some(Deprecation {
            since: last.since,
            replacement: None,
        }),
        stage: last.stage,
        history,
        ..Feature::default()
    }
}

/// A gate's default and whether it is locked to it, as the Kubernetes
/// reference's "Default" and "Locked" columns.
pub(crate) fn gate_attributes() -> Vec<Attribute> {
    let bool_column = |id: &str, label: &str| Attribute {
        id: id.into(),
        label: label.into(),
        kind: AttributeKind::Bool,
        values: Vec::new(),
    };
    vec![
        bool_column("default", "On by default"),
        bool_column("locked", "Locked to default"),
    ]
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
pub(super) fn kebab(name: &str) -> String {
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
}
