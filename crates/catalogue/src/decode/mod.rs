//! From a JSON tree to the catalogue's types, naming the path of any value
//! of the wrong shape (`features[1].stage`). Follows the serde attributes of
//! [`crate::model`]: optional fields may be missing, `Option`s may be null,
//! unknown fields are ignored, a repeated field is refused. One deliberate
//! difference: a key repeated in `definitions` is refused too (serde's maps
//! keep the last value silently).
//!
//! Messages are written for a catalogue's author, in the catalogue's terms
//! (`expected text, found the number 3`), not in serde's (`invalid type:
//! integer `3`, expected a string`).

mod fields;

use std::collections::BTreeMap;

use crate::json::{Node, Value};
use crate::model::{
    Aspect, Attribute, AttributeChoice, AttributeKind, Catalogue, Category, Deprecation, Feature,
    Removal, Stage, StageChange, Tone, Value as AttributeValue,
};
use crate::validate::truncate;
use fields::{error, wrong_type, Fields, Path};

/// A value of the wrong shape: where (its path, and its byte offset in the
/// text), and what was wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct ShapeError {
    pub path: String,
    pub message: String,
    pub offset: usize,
}

type Result<T> = std::result::Result<T, ShapeError>;

/// What a message calls one of the model's structs, and the fields it needs.
struct Shape {
    /// "a stage"
    noun: &'static str,
    /// The required fields: "id, label and tone".
    fields: &'static str,
}

const CATALOGUE: Shape = Shape {
    noun: "a catalogue",
    fields: "version, locale, title, stages, categories and features",
};
const STAGE: Shape = Shape {
    noun: "a stage",
    fields: "id, label and tone",
};
const ASPECT: Shape = Shape {
    noun: "an aspect",
    fields: "id, label and definitions",
};
const CATEGORY: Shape = Shape {
    noun: "a category",
    fields: "id and label",
};
const FEATURE: Shape = Shape {
    noun: "a feature",
    fields: "id, name, category and stage",
};
const ATTRIBUTE: Shape = Shape {
    noun: "an attribute",
    fields: "id, label and kind",
};
const CHOICE: Shape = Shape {
    noun: "an attribute value",
    fields: "id and label",
};
const REMOVAL: Shape = Shape {
    noun: "a removal",
    fields: "since",
};
const STAGE_CHANGE: Shape = Shape {
    noun: "a history entry",
    fields: "stage and since",
};
const DEPRECATION: Shape = Shape {
    noun: "a deprecation",
    fields: "since",
};

/// The catalogue in `root`.
pub fn catalogue(root: &Node) -> Result<Catalogue> {
    Fields::read(root, Path::Root, &CATALOGUE, |f| {
        Ok(Catalogue {
            version: f.required("version", version)?,
            locale: f.required("locale", string)?,
            title: f.required("title", string)?,
            description: f.or_default("description", string)?,
            intro: f.or_default("intro", string)?,
            definitions_heading: f.or_default("definitions_heading", string)?,
            features_heading: f.or_default("features_heading", string)?,
            features_intro: f.or_default("features_intro", string)?,
            footer: f.or_default("footer", string)?,
            base_url: f.optional("base_url", string)?,
            releases: f.or_default("releases", |n, p| list(n, p, &string))?,
            stages: f.required("stages", |n, p| list(n, p, &stage))?,
            aspects: f.or_default("aspects", |n, p| list(n, p, &aspect))?,
            categories: f.required("categories", |n, p| list(n, p, &category))?,
            features: f.required("features", |n, p| list(n, p, &feature))?,
            attributes: f.or_default("attributes", |n, p| list(n, p, &attribute))?,
        })
    })
}

fn stage(node: &Node, path: Path) -> Result<Stage> {
    Fields::read(node, path, &STAGE, |f| {
        Ok(Stage {
            id: f.required("id", string)?,
            label: f.required("label", string)?,
            tone: f.required("tone", tone)?,
        })
    })
}

fn aspect(node: &Node, path: Path) -> Result<Aspect> {
    Fields::read(node, path, &ASPECT, |f| {
        Ok(Aspect {
            id: f.required("id", string)?,
            label: f.required("label", string)?,
            definitions: f.required("definitions", |n, p| map(n, p, &string))?,
        })
    })
}

fn category(node: &Node, path: Path) -> Result<Category> {
    Fields::read(node, path, &CATEGORY, |f| {
        Ok(Category {
            id: f.required("id", string)?,
            label: f.required("label", string)?,
        })
    })
}

fn feature(node: &Node, path: Path) -> Result<Feature> {
    Fields::read(node, path, &FEATURE, |f| {
        Ok(Feature {
            id: f.required("id", string)?,
            name: f.required("name", string)?,
            category: f.required("category", string)?,
            stage: f.required("stage", string)?,
            link: f.optional("link", string)?,
            note: f.optional("note", string)?,
            history: f.or_default("history", |n, p| list(n, p, &stage_change))?,
            deprecated: f.optional("deprecated", deprecation)?,
            also_in: f.or_default("also_in", |n, p| list(n, p, &string))?,
            description: f.optional("description", string)?,
            attributes: f.or_default("attributes", |n, p| map(n, p, &attribute_value))?,
            removed: f.optional("removed", |n, p| {
                Fields::read(n, p, &REMOVAL, |f| {
                    Ok(Removal {
                        since: f.required("since", string)?,
                    })
                })
            })?,
        })
    })
}

fn attribute(node: &Node, path: Path) -> Result<Attribute> {
    Fields::read(node, path, &ATTRIBUTE, |f| {
        Ok(Attribute {
            id: f.required("id", string)?,
            label: f.required("label", string)?,
            kind: f.required("kind", attribute_kind)?,
            values: f.or_default("values", |n, p| {
                list(n, p, &|n, p| {
                    Fields::read(n, p, &CHOICE, |f| {
                        Ok(AttributeChoice {
                            id: f.required("id", string)?,
                            label: f.required("label", string)?,
                        })
                    })
                })
            })?,
        })
    })
}

fn attribute_kind(node: &Node, path: Path) -> Result<AttributeKind> {
    const KINDS: [AttributeKind; 4] = [
        AttributeKind::Bool,
        AttributeKind::Enum,
        AttributeKind::Text,
        AttributeKind::Release,
    ];
    named(node, path, "kind", &KINDS, AttributeKind::as_str)
}

fn attribute_value(node: &Node, path: Path) -> Result<AttributeValue> {
    match &node.value {
        Value::Bool(b) => Ok(AttributeValue::Bool(*b)),
        Value::String(s) => Ok(AttributeValue::Text(s.clone())),
        _ => Err(wrong_type(node, path, "true, false or text")),
    }
}

fn stage_change(node: &Node, path: Path) -> Result<StageChange> {
    Fields::read(node, path, &STAGE_CHANGE, |f| {
        Ok(StageChange {
            stage: f.required("stage", string)?,
            since: f.required("since", string)?,
        })
    })
}

fn deprecation(node: &Node, path: Path) -> Result<Deprecation> {
    Fields::read(node, path, &DEPRECATION, |f| {
        Ok(Deprecation {
            since: f.required("since", string)?,
            replacement: f.optional("replacement", string)?,
        })
    })
}

fn tone(node: &Node, path: Path) -> Result<Tone> {
    const TONES: [Tone; 5] = [
        Tone::Experimental,
        Tone::Preview,
        Tone::Stable,
        Tone::Deprecated,
        Tone::Neutral,
    ];
    named(node, path, "tone", &TONES, Tone::as_str)
}

/// One of a fixed set of names (a tone, a kind).
fn named<T: Copy>(
    node: &Node,
    path: Path,
    what: &str,
    all: &[T],
    name_of: fn(T) -> &'static str,
) -> Result<T> {
    let name = string(node, path)?;
    all.iter()
        .copied()
        .find(|t| name_of(*t) == name)
        .ok_or_else(|| {
            let known: Vec<&str> = all.iter().map(|t| name_of(*t)).collect();
            error(
                node,
                path,
                format!(
                    "unknown {what} {:?}; known: {}",
                    truncate(&name, 60),
                    known.join(", ")
                ),
            )
        })
}

fn version(node: &Node, path: Path) -> Result<u32> {
    match &node.value {
        Value::Number(text) if is_integer(text) => text
            .parse()
            .map_err(|_| wrong_type(node, path, "a whole number from 0 to 4294967295")),
        _ => Err(wrong_type(node, path, "a whole number")),
    }
}

fn string(node: &Node, path: Path) -> Result<String> {
    match &node.value {
        Value::String(s) => Ok(s.clone()),
        _ => Err(wrong_type(node, path, "text")),
    }
}

/// The items of a list, each decoded by `item` (a `dyn`: one loop per item
/// type in the wasm, not one per decoder inlined into it).
fn list<T>(node: &Node, path: Path, item: &dyn Fn(&Node, Path) -> Result<T>) -> Result<Vec<T>> {
    let Value::Array(items) = &node.value else {
        return Err(wrong_type(node, path, "a list"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, n) in items.iter().enumerate() {
        out.push(item(n, Path::Index(&path, i))?);
    }
    Ok(out)
}

/// The members of an object, each decoded by `item`; a repeated key is
/// refused (serde's maps would keep the last value silently).
fn map<T>(
    node: &Node,
    path: Path,
    item: &dyn Fn(&Node, Path) -> Result<T>,
) -> Result<BTreeMap<String, T>> {
    let mut out = BTreeMap::new();
    for (key, value) in Fields::map(node, path)? {
        let at = Path::Key(&path, key);
        if out.insert(key.clone(), item(value, at)?).is_some() {
            return Err(error(value, at, format!("duplicate key `{key}`")));
        }
    }
    Ok(out)
}

fn is_integer(number: &str) -> bool {
    !number.contains(['.', 'e', 'E'])
}
