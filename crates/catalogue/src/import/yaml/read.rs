//! YAML text → `Yaml` trees, within [`limits`](crate::import::limits).
//!
//! `yaml_rust2::YamlLoader` copies the node an alias names every time the
//! alias appears, and it nests as deep as the text does: 342 bytes of nested
//! aliases ("billion laughs") grow into billions of nodes. This reader builds
//! the same trees from the parser's events, one event at a time, and counts
//! as it goes: nodes (an alias counts as a copy of its anchor's node), the
//! text in scalars (likewise), the nesting depth (an alias adds its anchor's)
//! and the length of each scalar. It stops at the first limit, before the
//! copy that would break it is made.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};
use yaml_rust2::yaml::Hash;
use yaml_rust2::Yaml;

use crate::import::limits::{MAX_BYTES, MAX_DEPTH, MAX_NODES, MAX_SCALAR_BYTES};
use crate::import::ImportError;

/// Every document of `text`, or the first limit it breaks, or its first
/// syntax error.
pub(crate) fn documents(text: &str) -> Result<Vec<Yaml>, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let mut parser = Parser::new_from_str(text);
    let mut reader = Reader::default();
    loop {
        let (event, mark) = parser.next_token().map_err(|e| ImportError::Yaml {
            message: e.to_string(),
        })?;
        if event == Event::StreamEnd {
            return Ok(reader.documents);
        }
        reader.event(event, mark)?;
    }
}

/// A collection whose end has not been read yet.
struct Open {
    node: Yaml,
    anchor: usize,
    /// In a mapping: the key read, whose value comes next.
    key: Option<Yaml>,
    /// The reader's counts before this collection, to tell its own.
    nodes_before: usize,
    text_before: usize,
    /// The deepest nesting among the children read so far.
    child_height: usize,
}

/// A node with an anchor, and what a copy of it costs.
struct Anchored {
    node: Yaml,
    nodes: usize,
    text: usize,
    /// Nesting levels of collections, itself included (0 for a scalar).
    height: usize,
}

/// What a finished node costs, to record with its anchor.
struct Cost {
    nodes: usize,
    text: usize,
    height: usize,
}

#[derive(Default)]
struct Reader {
    documents: Vec<Yaml>,
    root: Option<Yaml>,
    open: Vec<Open>,
    anchors: HashMap<usize, Anchored>,
    /// Nodes so far, aliases counted as copies.
    nodes: usize,
    /// Scalar bytes so far, aliases counted as copies.
    text: usize,
}

impl Reader {
    fn event(&mut self, event: Event, mark: Marker) -> Result<(), ImportError> {
        match event {
            Event::Nothing | Event::StreamStart | Event::StreamEnd => {}
            Event::DocumentStart => self.anchors.clear(),
            Event::DocumentEnd => {
                let root = self.root.take().unwrap_or(Yaml::BadValue);
                self.documents.push(root);
            }
            Event::Scalar(value, style, anchor, tag) => {
                if value.len() > MAX_SCALAR_BYTES {
                    return Err(ImportError::YamlScalarTooLong {
                        bytes: value.len(),
                        line: mark.line(),
                        column: mark.col() + 1,
                    });
                }
                self.count(1, value.len(), 0, mark)?;
                let cost = Cost {
                    nodes: 1,
                    text: value.len(),
                    height: 0,
                };
                self.finish(scalar(value, style, tag), anchor, cost, mark)?;
            }
            Event::SequenceStart(anchor, _) => self.start(Yaml::Array(Vec::new()), anchor, mark)?,
            Event::MappingStart(anchor, _) => self.start(Yaml::Hash(Hash::new()), anchor, mark)?,
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = self.open.pop() else {
                    return Err(unbalanced(mark));
                };
                let cost = Cost {
                    nodes: self.nodes - open.nodes_before,
                    text: self.text - open.text_before,
                    height: open.child_height + 1,
                };
                self.finish(open.node, open.anchor, cost, mark)?;
            }
            Event::Alias(anchor) => {
                let Some(named) = self.anchors.get(&anchor) else {
                    return Err(ImportError::YamlAliasLoop {
                        line: mark.line(),
                        column: mark.col() + 1,
                    });
                };
                let cost = Cost {
                    nodes: named.nodes,
                    text: named.text,
                    height: named.height,
                };
                self.count(cost.nodes, cost.text, cost.height, mark)?;
                // Only now, within the limits, is the copy made.
                let copy = self.anchors[&anchor].node.clone();
                self.finish(copy, 0, cost, mark)?;
            }
        }
        Ok(())
    }

    /// Counts `nodes` more nodes and `text` more bytes of scalars, placed
    /// at the current depth with `height` levels of their own; refuses them
    /// past a limit.
    fn count(
        &mut self,
        nodes: usize,
        text: usize,
        height: usize,
        mark: Marker,
    ) -> Result<(), ImportError> {
        let (line, column) = (mark.line(), mark.col() + 1);
        if self.open.len() + height > MAX_DEPTH {
            return Err(ImportError::YamlTooDeep { line, column });
        }
        self.nodes = self.nodes.saturating_add(nodes);
        if self.nodes > MAX_NODES {
            return Err(ImportError::YamlTooManyNodes { line, column });
        }
        self.text = self.text.saturating_add(text);
        if self.text > MAX_BYTES {
            return Err(ImportError::YamlTextTooLong { line, column });
        }
        Ok(())
    }

    fn start(&mut self, node: Yaml, anchor: usize, mark: Marker) -> Result<(), ImportError> {
        let nodes_before = self.nodes;
        let text_before = self.text;
        // The collection itself, one level deeper than where it starts.
        self.count(1, 0, 1, mark)?;
        self.open.push(Open {
            node,
            anchor,
            key: None,
            nodes_before,
            text_before,
            child_height: 0,
        });
        Ok(())
    }

    /// Places a finished node in the collection it belongs to (or as the
    /// document's root), and records it when it has an anchor.
    fn finish(
        &mut self,
        node: Yaml,
        anchor: usize,
        cost: Cost,
        mark: Marker,
    ) -> Result<(), ImportError> {
        if anchor > 0 {
            self.anchors.insert(
                anchor,
                Anchored {
                    node: node.clone(),
                    nodes: cost.nodes,
                    text: cost.text,
                    height: cost.height,
                },
            );
        }
        let Some(parent) = self.open.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        parent.child_height = parent.child_height.max(cost.height);
        match &mut parent.node {
            Yaml::Array(items) => items.push(node),
            Yaml::Hash(map) => match parent.key.take() {
                None => parent.key = Some(node),
                Some(key) => {
                    if map.contains_key(&key) {
                        return Err(ImportError::Yaml {
                            message: format!(
                                "duplicate key {} in a mapping (line {}, column {})",
                                key_text(&key),
                                mark.line(),
                                mark.col() + 1
                            ),
                        });
                    }
                    map.insert(key, node);
                }
            },
            _ => return Err(unbalanced(mark)),
        }
        Ok(())
    }
}

/// The parser never sends these; an error rather than a panic all the same.
fn unbalanced(mark: Marker) -> ImportError {
    ImportError::Yaml {
        message: format!(
            "unbalanced collection (line {}, column {})",
            mark.line(),
            mark.col() + 1
        ),
    }
}

/// A key as the message quotes it.
fn key_text(key: &Yaml) -> String {
    match key {
        Yaml::String(s) | Yaml::Real(s) => crate::import::quoted(s),
        Yaml::Integer(n) => n.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        Yaml::Null => "null".into(),
        _ => "(a collection)".into(),
    }
}

/// A scalar's value, typed as `YamlLoader` types it: quoted and block
/// scalars are strings; plain ones are typed by their `!!` tag, else by
/// their text (`true`, `12`, `1.5`, `~`).
fn scalar(value: String, style: TScalarStyle, tag: Option<Tag>) -> Yaml {
    if style != TScalarStyle::Plain {
        return Yaml::String(value);
    }
    match tag {
        Some(Tag { handle, suffix }) if handle == "tag:yaml.org,2002:" => match suffix.as_str() {
            "bool" => match value.as_str() {
                "true" | "True" | "TRUE" => Yaml::Boolean(true),
                "false" | "False" | "FALSE" => Yaml::Boolean(false),
                _ => Yaml::BadValue,
            },
            "int" => value.parse().map_or(Yaml::BadValue, Yaml::Integer),
            "float" => match Yaml::from_str(&value) {
                real @ (Yaml::Real(_) | Yaml::Integer(_)) => real,
                _ => Yaml::BadValue,
            },
            "null" => match value.as_str() {
                "~" | "null" => Yaml::Null,
                _ => Yaml::BadValue,
            },
            _ => Yaml::String(value),
        },
        Some(_) => Yaml::String(value),
        None => Yaml::from_str(&value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Yaml {
        documents(text).unwrap().swap_remove(0)
    }

    #[test]
    fn reads_what_the_loader_reads() {
        let text = "a: &x [1, 'two', 3.5, true, ~]\nb: *x\nc: !!str 12\nd: |\n  block\n";
        let ours = one(text);
        let theirs = yaml_rust2::YamlLoader::load_from_str(text)
            .unwrap()
            .swap_remove(0);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn aliases_count_as_copies_of_their_anchor() {
        // 1 mapping + key + list of 10 = 12 nodes; each alias adds 11.
        let list = format!("[{}]", ["x"; 10].join(","));
        let mut text = format!("a: &a {list}\nb: [");
        let aliases = MAX_NODES / 11;
        text.push_str(&vec!["*a"; aliases].join(","));
        text.push(']');
        assert!(matches!(
            documents(&text),
            Err(ImportError::YamlTooManyNodes { line: 2, .. })
        ));
        let fewer = text.replacen("*a,", "", 2);
        assert!(documents(&fewer).is_ok());
    }

    #[test]
    fn an_alias_adds_its_anchors_depth() {
        let deep = format!("{}x{}", "[".repeat(10), "]".repeat(10));
        let ok = format!("a: &a {deep}\nb: {}*a{}", "[".repeat(5), "]".repeat(5));
        assert!(documents(&ok).is_ok());
        let too_deep = format!("a: &a {deep}\nb: {}*a{}", "[".repeat(6), "]".repeat(6));
        assert!(matches!(
            documents(&too_deep),
            Err(ImportError::YamlTooDeep { line: 2, .. })
        ));
    }

    #[test]
    fn an_alias_inside_its_own_anchor_is_refused() {
        assert_eq!(
            documents("a: &a [1, *a]"),
            Err(ImportError::YamlAliasLoop {
                line: 1,
                column: 11
            })
        );
    }
}
