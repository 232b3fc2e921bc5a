//! Envoy's `source/extensions/extensions_metadata.yaml` → catalogue: one
//! feature per extension (the mapping's keys), its `status` as the stage
//! (`wip`, `alpha`, `stable`), its first category as its group and the
//! others as further categories, and as attributes its `security_posture`,
//! `status_upstream` (upstream HTTP filters, since 2023), `type_urls` (since
//! 2022) and whether it is documented (`undocumented: true`). The file's
//! shape has only grown fields since its first version (2021).

use yaml_rust2::Yaml;

use super::{finish, parse, Imported, Parts, Repairs, YamlOptions};
use crate::import::{quoted, ImportError};
use crate::model::{Attribute, AttributeChoice, AttributeKind, Category, Feature, Value};
use crate::validate::is_valid_id;

/// Envoy's security postures, with the words its docs use for them.
const POSTURES: [(&str, &str); 5] = [
    (
        "robust_to_untrusted_downstream_and_upstream",
        "Robust to untrusted downstream and upstream",
    ),
    (
        "robust_to_untrusted_downstream",
        "Robust to untrusted downstream",
    ),
    ("data_plane_agnostic", "Data plane agnostic"),
    (
        "requires_trusted_downstream_and_upstream",
        "Requires trusted downstream and upstream",
    ),
    ("unknown", "Unknown"),
];

/// Envoy's statuses as stage labels (the importers' ids come from them).
const STATUSES: [(&str, &str); 3] = [("wip", "WIP"), ("alpha", "Alpha"), ("stable", "Stable")];

/// Reads Envoy's extensions metadata.
pub fn import_envoy(text: &str, options: &YamlOptions) -> Result<Imported, ImportError> {
    let (doc, later_documents) = parse(text)?;
    let entries = doc.as_hash().ok_or(ImportError::NoFeatures)?;
    let mut r = Repairs::default();
    let mut attributes = vec![
        choice_attribute("security_posture", "Security posture", &POSTURES),
        choice_attribute("status_upstream", "Upstream status", &STATUSES),
        Attribute {
            id: "type_urls".into(),
            label: "Type URLs".into(),
            kind: AttributeKind::Text,
            values: Vec::new(),
        },
        Attribute {
            id: "documented".into(),
            label: "Documented".into(),
            kind: AttributeKind::Bool,
            values: Vec::new(),
        },
    ];
    let mut labels: Vec<String> = Vec::new();
    let mut categories: Vec<Category> = Vec::new();
    let mut features = Vec::new();
    for (key, entry) in entries {
        let Some(name) = key.as_str().map(str::trim).filter(|n| !n.is_empty()) else {
            r.skip(entry, "an extension without a name cannot be shown");
            continue;
        };
        let path = super::child_path("", key);
        let id = r.id(Some(name.to_string()), name, &path);
        let status = r.text(&entry["status"], &format!("{path}.status"));
        let Some(status) = status.filter(|s| !s.is_empty()) else {
            r.skip(entry, "no status, so no stage");
            continue;
        };
        let label = STATUSES
            .iter()
            .find(|(id, _)| id.eq_ignore_ascii_case(&status))
            .map_or(status.clone(), |(_, label)| label.to_string());
        if !labels.contains(&label) {
            labels.push(label.clone());
        }
        let mut in_categories = Vec::new();
        for (j, category) in entry["categories"]
            .as_vec()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let Some(text) = r.text(category, &format!("{path}.categories[{j}]")) else {
                continue;
            };
            let category_id = if is_valid_id(&text) {
                text.clone()
            } else {
                super::slug(&text)
            };
            if !categories.iter().any(|c| c.id == category_id) {
                categories.push(Category {
                    id: category_id.clone(),
                    label: text,
                });
            }
            if !in_categories.contains(&category_id) {
                in_categories.push(category_id);
            }
        }
        if in_categories.is_empty() {
            r.note(
                &format!("{path}.categories"),
                "none given; listed under \"Other\"".into(),
            );
            if !categories.iter().any(|c| c.id == "other") {
                categories.push(Category {
                    id: "other".into(),
                    label: "Other".into(),
                });
            }
            in_categories.push("other".into());
        }
        let mut values = std::collections::BTreeMap::new();
        for (k, field) in ["security_posture", "status_upstream"]
            .into_iter()
            .enumerate()
        {
            if let Some(value) = r.text(&entry[field], &format!("{path}.{field}")) {
                values.insert(
                    field.to_string(),
                    Value::Text(choice(
                        &mut attributes[k],
                        &value,
                        &mut r,
                        &format!("{path}.{field}"),
                    )),
                );
            }
        }
        let urls: Vec<String> = entry["type_urls"]
            .as_vec()
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(j, u)| r.text(u, &format!("{path}.type_urls[{j}]")))
            .collect();
        if !urls.is_empty() {
            values.insert("type_urls".into(), Value::Text(urls.join(", ")));
        }
        let undocumented = &entry["undocumented"];
        let documented = match undocumented {
            Yaml::BadValue => true,
            Yaml::Boolean(b) => {
                r.read(undocumented);
                !b
            }
            other => {
                r.read(other);
                r.note(
                    &format!("{path}.undocumented"),
                    "not true or false; read as false".into(),
                );
                true
            }
        };
        values.insert("documented".into(), Value::Bool(documented));
        let category = in_categories.remove(0);
        features.push(Feature {
            id,
            name: name.to_string(),
            category,
            also_in: in_categories,
            stage: super::slug(&label),
            attributes: values,
            ..Feature::default()
        });
    }
    if features.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    let parts = Parts {
        default_title: Some("Envoy extensions".into()),
        releases: Vec::new(),
        labels,
        categories,
        attributes,
        features,
        stage_field: "each extension's status".into(),
        declared_stages: 0,
    };
    finish(options, parts, &doc, later_documents, r)
}

/// An `enum` attribute with these (id, label) values.
fn choice_attribute(id: &str, label: &str, values: &[(&str, &str)]) -> Attribute {
    Attribute {
        id: id.into(),
        label: label.into(),
        kind: AttributeKind::Enum,
        values: values
            .iter()
            .map(|(id, label)| AttributeChoice {
                id: (*id).into(),
                label: (*label).into(),
            })
            .collect(),
    }
}

/// The id of `value` among the attribute's values; a value the importer
/// does not know is added with its own text as the label, and reported.
fn choice(attribute: &mut Attribute, value: &str, r: &mut Repairs, path: &str) -> String {
    let id = value.to_ascii_lowercase();
    if let Some(known) = attribute.values.iter().find(|v| v.id == id) {
        return known.id.clone();
    }
    let id = if is_valid_id(&id) {
        id
    } else {
        super::slug(value)
    };
    if !attribute.values.iter().any(|v| v.id == id) {
        r.note(
            path,
            format!(
                "value {} is not one Envoy documents; kept as it is",
                quoted(value)
            ),
        );
        attribute.values.push(AttributeChoice {
            id: id.clone(),
            label: value.to_string(),
        });
    }
    id
}
