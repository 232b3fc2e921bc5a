//! Any YAML or JSON list or map of entries → catalogue, with a small
//! mapping file that says which field is which, so that a project whose
//! format has no importer of its own needs no code:
//!
//! ```yaml
//! title: Envoy extensions        # optional (else from the file name)
//! entries: ""                    # where the entries are: a dotted path; "" is the top
//! id: key                        # "key": a map's keys; else a field (optional)
//! name: key                      # required
//! stage: status                  # required; dotted paths reach in: level.maturity
//! stages: [wip, alpha, stable]   # optional: the stages in maturity order
//! category: categories           # optional; a list: the first, then also_in
//! link: docs                     # optional, like note and description
//! attributes:                    # optional
//!   - {field: security_posture, label: Security posture, kind: enum}
//!   - {field: undocumented, label: Undocumented, kind: bool}
//! ```
//!
//! An `enum` attribute's values are the ones found, in order of first use
//! (or as listed: `values: [a, b]`). Every field of an entry that the
//! mapping does not name is reported as dropped.

use std::collections::BTreeMap;

use yaml_rust2::Yaml;

use super::{documents, finish, parse, slug, Imported, Parts, Repairs, YamlOptions};
use crate::import::{quoted, ImportError};
use crate::model::{Attribute, AttributeChoice, AttributeKind, Category, Feature, Value};
use crate::validate::is_valid_id;

/// A mapping file, as read.
#[derive(Debug)]
pub struct Mapping {
    title: Option<String>,
    entries: String,
    id: Option<String>,
    name: String,
    stage: String,
    stages: Vec<String>,
    category: Option<String>,
    link: Option<String>,
    note: Option<String>,
    description: Option<String>,
    attributes: Vec<MappedAttribute>,
}

/// One attribute of a mapping: the source field and the column it fills.
#[derive(Debug)]
struct MappedAttribute {
    field: String,
    attribute: Attribute,
}

/// What a mapping file's field `key` is for, as its error message says.
fn mapping_error(message: String) -> ImportError {
    ImportError::Mapping { message }
}

impl Mapping {
    /// Reads a mapping file (YAML or JSON).
    pub fn read(text: &str) -> Result<Mapping, ImportError> {
        let doc = documents(text)?.into_iter().next().unwrap_or(Yaml::Null);
        if doc.as_hash().is_none() {
            return Err(mapping_error(
                "expected a mapping of fields (name, stage, …)".into(),
            ));
        }
        let text = |key: &str| -> Result<Option<String>, ImportError> {
            match &doc[key] {
                Yaml::BadValue | Yaml::Null => Ok(None),
                Yaml::String(s) => Ok(Some(s.clone())),
                _ => Err(mapping_error(format!("`{key}` must be text"))),
            }
        };
        let required = |key: &str, what: &str| -> Result<String, ImportError> {
            text(key)?
                .filter(|s| !s.is_empty())
                .ok_or_else(|| mapping_error(format!("`{key}` is required: {what}")))
        };
        let list = |key: &str| -> Result<Vec<Yaml>, ImportError> {
            match &doc[key] {
                Yaml::BadValue | Yaml::Null => Ok(Vec::new()),
                Yaml::Array(items) => Ok(items.clone()),
                _ => Err(mapping_error(format!("`{key}` must be a list"))),
            }
        };
        let stages = list("stages")?
            .iter()
            .map(|s| scalar(s).ok_or_else(|| mapping_error("`stages` lists text".into())))
            .collect::<Result<_, _>>()?;
        let mut attributes = Vec::new();
        for (i, item) in list("attributes")?.iter().enumerate() {
            let field = item["field"]
                .as_str()
                .filter(|f| !f.is_empty())
                .ok_or_else(|| {
                    mapping_error(format!(
                        "attributes[{i}]: `field` is required: the source field"
                    ))
                })?;
            let kind = match item["kind"].as_str().unwrap_or("text") {
                "bool" => AttributeKind::Bool,
                "enum" => AttributeKind::Enum,
                "text" => AttributeKind::Text,
                "release" => AttributeKind::Release,
                other => {
                    return Err(mapping_error(format!(
                        "attributes[{i}]: unknown kind {}; known: bool, enum, text, release",
                        quoted(other)
                    )))
                }
            };
            let id = value_id(field);
            let label = item["label"].as_str().unwrap_or(field).to_string();
            let values = item["values"]
                .as_vec()
                .into_iter()
                .flatten()
                .filter_map(scalar)
                .map(|v| AttributeChoice {
                    id: value_id(&v),
                    label: v,
                })
                .collect();
            attributes.push(MappedAttribute {
                field: field.to_string(),
                attribute: Attribute {
                    id,
                    label,
                    kind,
                    values,
                },
            });
        }
        for key in doc.as_hash().into_iter().flat_map(|map| map.keys()) {
            let known = [
                "title",
                "entries",
                "id",
                "name",
                "stage",
                "stages",
                "category",
                "link",
                "note",
                "description",
                "attributes",
            ];
            if !key.as_str().is_some_and(|k| known.contains(&k)) {
                return Err(mapping_error(format!(
                    "unknown field {}; known: {}",
                    quoted(key.as_str().unwrap_or("?")),
                    known.join(", ")
                )));
            }
        }
        Ok(Mapping {
            title: text("title")?,
            entries: text("entries")?.unwrap_or_default(),
            id: text("id")?,
            name: required(
                "name",
                "the field with each feature's name (\"key\" for a map's keys)",
            )?,
            stage: required("stage", "the field with each feature's stage")?,
            stages,
            category: text("category")?,
            link: text("link")?,
            note: text("note")?,
            description: text("description")?,
            attributes,
        })
    }
}

/// A scalar as text.
fn scalar(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(n) => Some(n.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// An enum value's id: the value when it is an id already, else its slug.
fn value_id(value: &str) -> String {
    let lower = value.to_ascii_lowercase();
    if is_valid_id(&lower) {
        lower
    } else {
        slug(value)
    }
}

/// The node at a dotted `path` under `node` (`level.maturity`).
fn at<'a>(node: &'a Yaml, path: &str) -> &'a Yaml {
    path.split('.')
        .filter(|p| !p.is_empty())
        .fold(node, |n, key| &n[key])
}

/// Reads `text` as the mapping says.
pub fn import_mapped(
    text: &str,
    mapping: &Mapping,
    options: &YamlOptions,
) -> Result<Imported, ImportError> {
    let (doc, later_documents) = parse(text)?;
    let container = at(&doc, &mapping.entries);
    // (key, entry, path): a map's keys name its entries.
    let entries: Vec<(Option<String>, &Yaml, String)> = match container {
        Yaml::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, e)| (None, e, format!("{}[{i}]", mapping.entries)))
            .collect(),
        Yaml::Hash(map) => map
            .iter()
            .map(|(k, e)| {
                let path = super::child_path(&mapping.entries, k);
                (scalar(k), e, path)
            })
            .collect(),
        _ => {
            return Err(mapping_error(format!(
                "entries: {} is not a list or a map of entries in the source",
                quoted(if mapping.entries.is_empty() {
                    "(the top)"
                } else {
                    &mapping.entries
                })
            )))
        }
    };
    let mut r = Repairs::default();
    let mut labels: Vec<String> = mapping.stages.clone();
    let mut categories: Vec<Category> = Vec::new();
    let mut attributes: Vec<Attribute> = mapping
        .attributes
        .iter()
        .map(|m| m.attribute.clone())
        .collect();
    let mut features = Vec::new();
    for (key, entry, path) in entries {
        let field = |r: &mut Repairs, name: &str| -> Option<String> {
            if name == "key" {
                return key.clone();
            }
            r.text(at(entry, name), &format!("{path}.{name}"))
                .filter(|t| !t.is_empty())
        };
        let Some(name) = field(&mut r, &mapping.name) else {
            r.skip(entry, "no name, so it cannot be shown");
            continue;
        };
        let Some(stage) = field(&mut r, &mapping.stage) else {
            r.skip(entry, "no stage");
            continue;
        };
        if !labels.iter().any(|l| slug(l) == slug(&stage)) {
            labels.push(stage.clone());
        }
        // Without an id field or map keys, ids come from the names, as
        // the mapping asked: no repair.
        let id_source = match mapping.id.as_deref() {
            Some(id) => field(&mut r, id),
            None => key.clone().or_else(|| Some(slug(&name))),
        };
        let id = r.id(id_source, &name, &path);
        // The category: text, or a list whose first item is the group.
        let mut in_categories: Vec<String> = Vec::new();
        if let Some(category) = mapping.category.as_deref() {
            let node = at(entry, category);
            let texts: Vec<String> = match node {
                Yaml::Array(items) => items
                    .iter()
                    .enumerate()
                    .filter_map(|(j, item)| r.text(item, &format!("{path}.{category}[{j}]")))
                    .collect(),
                _ => r
                    .text(node, &format!("{path}.{category}"))
                    .into_iter()
                    .collect(),
            };
            for label in texts.into_iter().filter(|t| !t.is_empty()) {
                let id = value_id(&label);
                if !categories.iter().any(|c| c.id == id) {
                    categories.push(Category {
                        id: id.clone(),
                        label,
                    });
                }
                if !in_categories.contains(&id) {
                    in_categories.push(id);
                }
            }
        }
        if in_categories.is_empty() {
            let (id, label) = if mapping.category.is_some() {
                r.note(&path, "no category; listed under \"Other\"".into());
                ("other", "Other")
            } else {
                ("features", "Features")
            };
            if !categories.iter().any(|c| c.id == id) {
                categories.push(Category {
                    id: id.into(),
                    label: label.into(),
                });
            }
            in_categories.push(id.into());
        }
        let mut values = BTreeMap::new();
        for (mapped, attribute) in mapping.attributes.iter().zip(attributes.iter_mut()) {
            let node = at(entry, &mapped.field);
            let value_path = format!("{path}.{}", mapped.field);
            let value = match (attribute.kind, node) {
                (_, Yaml::BadValue | Yaml::Null) => continue,
                (AttributeKind::Bool, Yaml::Boolean(b)) => {
                    r.read(node);
                    Value::Bool(*b)
                }
                (AttributeKind::Bool, _) => {
                    r.skip(node, "not true or false, for a bool attribute");
                    continue;
                }
                (AttributeKind::Enum, _) => {
                    let Some(text) = r.text(node, &value_path) else {
                        r.skip(node, "not text, for an enum attribute");
                        continue;
                    };
                    let id = value_id(&text);
                    if !attribute.values.iter().any(|v| v.id == id) {
                        attribute.values.push(AttributeChoice {
                            id: id.clone(),
                            label: text,
                        });
                    }
                    Value::Text(id)
                }
                (_, Yaml::Array(items)) => {
                    let texts: Vec<String> = items
                        .iter()
                        .enumerate()
                        .filter_map(|(j, item)| r.text(item, &format!("{value_path}[{j}]")))
                        .collect();
                    Value::Text(texts.join(", "))
                }
                (_, _) => {
                    let Some(text) = r.text(node, &value_path) else {
                        r.skip(node, "not text");
                        continue;
                    };
                    Value::Text(text)
                }
            };
            values.insert(attribute.id.clone(), value);
        }
        let category = in_categories.remove(0);
        features.push(Feature {
            id,
            name,
            category,
            also_in: in_categories,
            stage: slug(&stage),
            link: mapping.link.as_deref().and_then(|f| field(&mut r, f)),
            note: mapping.note.as_deref().and_then(|f| field(&mut r, f)),
            description: mapping
                .description
                .as_deref()
                .and_then(|f| field(&mut r, f)),
            attributes: values,
            ..Feature::default()
        });
    }
    if features.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    let parts = Parts {
        default_title: mapping.title.clone(),
        releases: Vec::new(),
        labels,
        categories,
        attributes,
        features,
        declared_stages: mapping.stages.len(),
        stage_field: format!("each entry's {}", mapping.stage),
    };
    finish(options, parts, &doc, later_documents, r)
}
