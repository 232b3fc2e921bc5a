//! What an import changed and what it left out: each repair of messy input
//! and each dropped part of the source, at its place in the source. The CLI
//! prints every one on stderr; `--strict` refuses an import with any.

use crate::model::Catalogue;

/// One repair made to messy input, at the source's path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Repair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A part of the source that has no place in the catalogue: a field of a
/// YAML file (`features[3].level.checklist`), a whole entry that could not
/// be read (with the reason), a table cell of a page (`line 40, cell 3`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub path: String,
    pub reason: Option<String>,
}

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.reason {
            None => f.write_str(&self.path),
            Some(reason) => write!(f, "{} ({reason})", self.path),
        }
    }
}

/// An imported catalogue, with the repairs that made it valid and what of
/// the source it does not hold.
#[derive(Clone, Debug)]
pub struct Imported {
    pub catalogue: Catalogue,
    pub repairs: Vec<Repair>,
    pub dropped: Vec<Dropped>,
}

impl Imported {
    /// `dropped 3 fields, repaired 6`.
    pub fn summary(&self) -> String {
        let fields = if self.dropped.len() == 1 {
            "field"
        } else {
            "fields"
        };
        format!(
            "dropped {} {fields}, repaired {}",
            self.dropped.len(),
            self.repairs.len()
        )
    }
}
