//! From a JSON tree to the catalogue's types, naming the path of any value
//! of the wrong shape (`features[1].stage`). Follows the serde attributes of
//! [`crate::model`]: optional fields may be missing, `Option`s may be null,
//! unknown fields are ignored, a repeated field is refused. One deliberate
//! difference: a key repeated in `definitions` is refused too (serde's maps
//! keep the last value silently).

use std::cell::Cell;
use std::collections::BTreeMap;

use crate::json::{Node, Value};
use crate::model::{Aspect, Catalogue, Category, Deprecation, Feature, Stage, StageChange, Tone};

/// A value of the wrong shape: where (its path, and its byte offset in the
/// text), and what was wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct ShapeError {
    pub path: String,
    pub message: String,
    pub offset: usize,
}

type Result<T> = std::result::Result<T, ShapeError>;

/// The catalogue in `root`.
pub fn catalogue(root: &Node) -> Result<Catalogue> {
    Fields::read(root, Path::Root, "struct Catalogue", |f| {
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
        })
    })
}

fn stage(node: &Node, path: Path) -> Result<Stage> {
    Fields::read(node, path, "struct Stage", |f| {
        Ok(Stage {
            id: f.required("id", string)?,
            label: f.required("label", string)?,
            tone: f.required("tone", tone)?,
        })
    })
}

fn aspect(node: &Node, path: Path) -> Result<Aspect> {
    Fields::read(node, path, "struct Aspect", |f| {
        Ok(Aspect {
            id: f.required("id", string)?,
            label: f.required("label", string)?,
            definitions: f.required("definitions", |n, p| {
                let mut out = BTreeMap::new();
                for (key, value) in Fields::map(n, p)? {
                    let at = Path::Key(&p, key);
                    if out.insert(key.clone(), string(value, at)?).is_some() {
                        return Err(error(value, at, format!("duplicate key `{key}`")));
                    }
                }
                Ok(out)
            })?,
        })
    })
}

fn category(node: &Node, path: Path) -> Result<Category> {
    Fields::read(node, path, "struct Category", |f| {
        Ok(Category {
            id: f.required("id", string)?,
            label: f.required("label", string)?,
        })
    })
}

fn feature(node: &Node, path: Path) -> Result<Feature> {
    Fields::read(node, path, "struct Feature", |f| {
        Ok(Feature {
            id: f.required("id", string)?,
            name: f.required("name", string)?,
            category: f.required("category", string)?,
            stage: f.required("stage", string)?,
            link: f.optional("link", string)?,
            note: f.optional("note", string)?,
            history: f.or_default("history", |n, p| list(n, p, &stage_change))?,
            deprecated: f.optional("deprecated", deprecation)?,
        })
    })
}

fn stage_change(node: &Node, path: Path) -> Result<StageChange> {
    Fields::read(node, path, "struct StageChange", |f| {
        Ok(StageChange {
            stage: f.required("stage", string)?,
            since: f.required("since", string)?,
        })
    })
}

fn deprecation(node: &Node, path: Path) -> Result<Deprecation> {
    Fields::read(node, path, "struct Deprecation", |f| {
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
    let name = string(node, path)?;
    TONES
        .into_iter()
        .find(|t| t.as_str() == name)
        .ok_or_else(|| {
            let known: Vec<String> = TONES.iter().map(|t| format!("`{}`", t.as_str())).collect();
            error(
                node,
                path,
                format!(
                    "unknown variant `{name}`, expected one of {}",
                    known.join(", ")
                ),
            )
        })
}

fn version(node: &Node, path: Path) -> Result<u32> {
    match &node.value {
        Value::Number(text) if is_integer(text) => text.parse().map_err(|_| {
            error(
                node,
                path,
                format!("invalid value: integer `{text}`, expected u32"),
            )
        }),
        _ => Err(wrong_type(node, path, "u32")),
    }
}

fn string(node: &Node, path: Path) -> Result<String> {
    match &node.value {
        Value::String(s) => Ok(s.clone()),
        _ => Err(wrong_type(node, path, "a string")),
    }
}

/// The items of a list, each decoded by `item` (a `dyn`: one loop per item
/// type in the wasm, not one per decoder inlined into it).
fn list<T>(node: &Node, path: Path, item: &dyn Fn(&Node, Path) -> Result<T>) -> Result<Vec<T>> {
    let Value::Array(items) = &node.value else {
        return Err(wrong_type(node, path, "a sequence"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, n) in items.iter().enumerate() {
        out.push(item(n, Path::Index(&path, i))?);
    }
    Ok(out)
}

/// A struct's fields: an object's members, read by name, or, as serde reads
/// a struct written as an array, its elements in the fields' declaration
/// order (the decoders ask for the fields in that order).
struct Fields<'a> {
    node: &'a Node,
    path: Path<'a>,
    what: &'a str,
    source: Source<'a>,
}

enum Source<'a> {
    Members(&'a [(String, Node)]),
    /// The elements and how many fields have been read.
    Elements(&'a [Node], Cell<usize>),
}

impl<'a> Fields<'a> {
    /// A struct `what` ("struct Stage"): an object, or an array.
    fn new(node: &'a Node, path: Path<'a>, what: &'a str) -> Result<Self> {
        let source = match &node.value {
            Value::Object(members) => Source::Members(members),
            Value::Array(items) => Source::Elements(items, Cell::new(0)),
            _ => return Err(wrong_type(node, path, what)),
        };
        Ok(Fields {
            node,
            path,
            what,
            source,
        })
    }

    /// The members of a map (an object only).
    fn map(node: &'a Node, path: Path<'a>) -> Result<&'a [(String, Node)]> {
        match &node.value {
            Value::Object(members) => Ok(members),
            _ => Err(wrong_type(node, path, "a map")),
        }
    }

    /// Decodes the struct with `build`; an array must have no element left.
    fn read<T>(
        node: &'a Node,
        path: Path<'a>,
        what: &'a str,
        build: impl FnOnce(&Fields) -> Result<T>,
    ) -> Result<T> {
        let f = Fields::new(node, path, what)?;
        let value = build(&f)?;
        f.finish()?;
        Ok(value)
    }

    /// No element of an array is left over.
    fn finish(&self) -> Result<()> {
        match &self.source {
            Source::Elements(items, read) if items.len() > read.get() => Err(error(
                &items[read.get()],
                self.path,
                format!("invalid length {}, expected {}", items.len(), self.what),
            )),
            _ => Ok(()),
        }
    }

    /// The node of the field `name`; `None` when it is missing. (Not
    /// generic: one copy, whatever the fields' types.)
    fn find(&self, name: &str) -> Result<Option<&'a Node>> {
        match &self.source {
            Source::Members(members) => {
                let mut found = members.iter().filter(|(key, _)| key == name);
                let Some((_, node)) = found.next() else {
                    return Ok(None);
                };
                if let Some((_, again)) = found.next() {
                    return Err(error(
                        again,
                        Path::Key(&self.path, name),
                        format!("duplicate field `{name}`"),
                    ));
                }
                Ok(Some(node))
            }
            Source::Elements(items, read) => {
                let node = items.get(read.get());
                read.set(read.get() + usize::from(node.is_some()));
                Ok(node)
            }
        }
    }

    /// The error for a missing required field `name`.
    fn missing(&self, name: &str) -> ShapeError {
        let message = match &self.source {
            Source::Members(_) => format!("missing field `{name}`"),
            Source::Elements(items, _) => {
                format!("invalid length {}, expected {}", items.len(), self.what)
            }
        };
        error(self.node, self.path, message)
    }

    /// The field `name`, decoded; `None` when it is missing.
    fn get<T>(&self, name: &str, decode: impl Fn(&Node, Path) -> Result<T>) -> Result<Option<T>> {
        match self.find(name)? {
            Some(node) => decode(node, Path::Key(&self.path, name)).map(Some),
            None => Ok(None),
        }
    }

    fn required<T>(&self, name: &str, decode: impl Fn(&Node, Path) -> Result<T>) -> Result<T> {
        self.get(name, decode)?.ok_or_else(|| self.missing(name))
    }

    /// A field that may be missing (`#[serde(default)]`).
    fn or_default<T: Default>(
        &self,
        name: &str,
        decode: impl Fn(&Node, Path) -> Result<T>,
    ) -> Result<T> {
        Ok(self.get(name, decode)?.unwrap_or_default())
    }

    /// An `Option` field: missing or null is `None`.
    fn optional<T>(
        &self,
        name: &str,
        decode: impl Fn(&Node, Path) -> Result<T>,
    ) -> Result<Option<T>> {
        self.get(name, |n, p| match n.value {
            Value::Null => Ok(None),
            _ => decode(n, p).map(Some),
        })
        .map(Option::flatten)
    }
}

/// Where a value is, rendered only for a message: `features[1].stage`.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn render(self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.render(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.render(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

fn is_integer(number: &str) -> bool {
    !number.contains(['.', 'e', 'E'])
}

fn error(node: &Node, path: Path, message: String) -> ShapeError {
    let mut rendered = String::new();
    path.render(&mut rendered);
    if rendered.is_empty() {
        rendered.push('$');
    }
    ShapeError {
        path: rendered,
        message,
        offset: node.offset,
    }
}

/// serde's wording: "invalid type: integer `3`, expected a string".
fn wrong_type(node: &Node, path: Path, expected: &str) -> ShapeError {
    let found = match &node.value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if is_integer(n) => format!("integer `{n}`"),
        Value::Number(n) => format!("floating point `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    };
    error(
        node,
        path,
        format!("invalid type: {found}, expected {expected}"),
    )
}
