//! Loading a catalogue: the size and nesting limits, UTF-8, the JSON
//! syntax, the shape of each value, then validation; each failure as a
//! [`LoadError`].

use std::fmt;

use thiserror::Error;

use crate::model::Catalogue;
use crate::validate::{validate, Problem};
use crate::{decode, json};

/// Limits enforced before anything renders, as documented in
/// `docs/catalogue-format.md`.
pub mod limits {
    /// Largest catalogue file, in bytes (10 MiB).
    pub const MAX_BYTES: usize = 10 * 1024 * 1024;
    /// Deepest nesting of arrays and objects (the format itself needs 4).
    pub const MAX_DEPTH: usize = 16;
    /// Most features in one catalogue.
    pub const MAX_FEATURES: usize = 100_000;
    /// Most stages, aspects or categories.
    pub const MAX_GROUPS: usize = 200;
    /// Most attributes (typed columns), and most values of an `enum` one.
    pub const MAX_ATTRIBUTES: usize = 30;
    /// Longest id, in characters.
    pub const MAX_ID_CHARS: usize = 100;
    /// Longest name, label or title, in characters.
    pub const MAX_NAME_CHARS: usize = 500;
    /// Longest inline text (intro, footer, note, definition), in characters.
    pub const MAX_TEXT_CHARS: usize = 10_000;
    /// Longest link, in characters.
    pub const MAX_LINK_CHARS: usize = 2_048;
}

/// Why a catalogue could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("catalogue is {bytes} bytes; the limit is {} bytes", limits::MAX_BYTES)]
    TooLarge { bytes: usize },
    #[error("catalogue is not valid UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error(
        "catalogue nests deeper than {} levels (line {line}, column {column})",
        limits::MAX_DEPTH
    )]
    TooDeep { line: usize, column: usize },
    #[error("JSON syntax error at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {message} (line {line}, column {column})")]
    Shape {
        path: String,
        message: String,
        line: usize,
        column: usize,
    },
    #[error("{} problem(s) in the catalogue:\n{}", .0.len(), ProblemList(.0))]
    Invalid(Vec<Problem>),
}

struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  {p}")?;
        }
        Ok(())
    }
}

impl LoadError {
    /// Every problem as a list of (path, message); a single entry for errors
    /// that stop parsing.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadError::Invalid(problems) => problems.clone(),
            LoadError::Shape {
                path,
                message,
                line,
                column,
            } => vec![Problem {
                path: path.clone(),
                message: format!("{message} (line {line}, column {column})"),
            }],
            other => vec![Problem {
                path: "$".into(),
                message: other.to_string(),
            }],
        }
    }
}

/// Refuses a catalogue of `bytes` bytes over the size limit. Callers that
/// know the size before reading (a file's metadata, a Content-Length) check
/// it first, so a huge file is never read.
pub fn check_size(bytes: u64) -> Result<(), LoadError> {
    if bytes > limits::MAX_BYTES as u64 {
        return Err(LoadError::TooLarge {
            bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
        });
    }
    Ok(())
}

/// Parses and validates a catalogue from raw bytes.
pub fn load(bytes: &[u8]) -> Result<Catalogue, LoadError> {
    check_size(bytes.len() as u64)?;
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    load_str(text)
}

/// Parses and validates a catalogue from text.
pub fn load_str(text: &str) -> Result<Catalogue, LoadError> {
    check_size(text.len() as u64)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let root = json::parse(text, limits::MAX_DEPTH).map_err(|e| {
        if e.too_deep {
            LoadError::TooDeep {
                line: e.line,
                column: e.column,
            }
        } else {
            LoadError::Syntax {
                line: e.line,
                column: e.column,
                message: e.message.to_string(),
            }
        }
    })?;
    let catalogue = decode::catalogue(&root).map_err(|e| {
        let (line, column) = json::position(text, e.offset);
        LoadError::Shape {
            path: e.path,
            message: e.message,
            line,
            column,
        }
    })?;
    let problems = validate(&catalogue);
    if problems.is_empty() {
        Ok(catalogue)
    } else {
        Err(LoadError::Invalid(problems))
    }
}
