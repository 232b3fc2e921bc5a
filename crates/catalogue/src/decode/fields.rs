//! Reading a struct's fields from an object (or, as serde allows, an
//! array), the path of each value, and the errors that name it.

use std::cell::Cell;

use super::{Result, Shape, ShapeError};
use crate::json::{Node, Value};
use crate::validate::truncate;

/// A struct's fields: an object's members, read by name, or, as serde reads
/// a struct written as an array, its elements in the fields' declaration
/// order (the decoders ask for the fields in that order).
pub(super) struct Fields<'a> {
    node: &'a Node,
    path: Path<'a>,
    shape: &'a Shape,
    source: Source<'a>,
}

enum Source<'a> {
    Members(&'a [(String, Node)]),
    /// The elements and how many fields have been read.
    Elements(&'a [Node], Cell<usize>),
}

impl<'a> Fields<'a> {
    /// A struct of `shape`: an object, or an array.
    fn new(node: &'a Node, path: Path<'a>, shape: &'a Shape) -> Result<Self> {
        let source = match &node.value {
            Value::Object(members) => Source::Members(members),
            Value::Array(items) => Source::Elements(items, Cell::new(0)),
            _ => return Err(not_an_object(node, path, shape)),
        };
        Ok(Fields {
            node,
            path,
            shape,
            source,
        })
    }

    /// The members of a map (an object only).
    pub(super) fn map(node: &'a Node, path: Path<'a>) -> Result<&'a [(String, Node)]> {
        match &node.value {
            Value::Object(members) => Ok(members),
            _ => Err(wrong_type(
                node,
                path,
                "an object with a definition per stage id",
            )),
        }
    }

    /// Decodes the struct with `build`; an array must have no element left.
    pub(super) fn read<T>(
        node: &'a Node,
        path: Path<'a>,
        shape: &'a Shape,
        build: impl FnOnce(&Fields) -> Result<T>,
    ) -> Result<T> {
        let f = Fields::new(node, path, shape)?;
        let value = build(&f)?;
        f.finish()?;
        Ok(value)
    }

    /// No element of an array is left over.
    fn finish(&self) -> Result<()> {
        match &self.source {
            // A struct written as a list, too long: the list is the mistake.
            Source::Elements(items, read) if items.len() > read.get() => Err(ShapeError {
                offset: items[read.get()].offset,
                ..not_an_object(self.node, self.path, self.shape)
            }),
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
        match &self.source {
            Source::Members(_) if self.shape.fields == name => {
                error(self.node, self.path, format!("missing field `{name}`"))
            }
            Source::Members(_) => error(
                self.node,
                self.path,
                format!(
                    "missing field `{name}`; {} needs {}",
                    self.shape.noun, self.shape.fields
                ),
            ),
            // A struct written as a list, too short: the list is the mistake.
            Source::Elements(..) => not_an_object(self.node, self.path, self.shape),
        }
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

/// A value that is not what belongs at `path`: "expected text, found the number 3".
pub(super) fn wrong_type(node: &Node, path: Path, expected: &str) -> ShapeError {
    let found = match &node.value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text {:?}", truncate(s, 60)),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    };
    error(node, path, format!("expected {expected}, found {found}"))
}

/// "expected an object with id, label and tone, found a list".
fn not_an_object(node: &Node, path: Path, shape: &Shape) -> ShapeError {
    wrong_type(node, path, &format!("an object with {}", shape.fields))
}
