//! Reading a struct's fields from an object (or, as serde allows, an
//! array), the path of each value, and the errors that name it.

use std::cell::Cell;

use super::{is_integer, Result, ShapeError};
use crate::json::{Node, Value};

/// A struct's fields: an object's members, read by name, or, as serde reads
/// a struct written as an array, its elements in the fields' declaration
/// order (the decoders ask for the fields in that order).
pub(super) struct Fields<'a> {
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
    pub(super) fn map(node: &'a Node, path: Path<'a>) -> Result<&'a [(String, Node)]> {
        match &node.value {
            Value::Object(members) => Ok(members),
            _ => Err(wrong_type(node, path, "a map")),
        }
    }

    /// Decodes the struct with `build`; an array must have no element left.
    pub(super) fn read<T>(
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

    pub(super) fn required<T>(
        &self,
        name: &str,
        decode: impl Fn(&Node, Path) -> Result<T>,
    ) -> Result<T> {
        self.get(name, decode)?.ok_or_else(|| self.missing(name))
    }

    /// A field that may be missing (`#[serde(default)]`).
    pub(super) fn or_default<T: Default>(
        &self,
        name: &str,
        decode: impl Fn(&Node, Path) -> Result<T>,
    ) -> Result<T> {
        Ok(self.get(name, decode)?.unwrap_or_default())
    }

    /// An `Option` field: missing or null is `None`.
    pub(super) fn optional<T>(
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
pub(super) enum Path<'a> {
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

pub(super) fn error(node: &Node, path: Path, message: String) -> ShapeError {
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
pub(super) fn wrong_type(node: &Node, path: Path, expected: &str) -> ShapeError {
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
