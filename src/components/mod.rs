//! One component per file. Components render state and send actions; the
//! small per-row pieces (highlighted text, inline text, stage badges) are
//! plain functions that return `Html`.

mod app;
mod chip_group;
mod definitions;
mod error_panel;
mod highlighted;
mod inline_text;
mod matrix;
mod search_box;
mod stage_badge;
mod stage_bar;
mod summary_grid;

pub use app::{App, AppProps};
pub use chip_group::{Chip, ChipGroup, ChipGroupProps};
pub use definitions::{
    DefinitionsDialog, DefinitionsDialogProps, DefinitionsTable, DefinitionsTableProps,
};
pub use error_panel::{ErrorPanel, ErrorPanelProps};
pub use highlighted::highlighted;
pub use inline_text::inline_text;
pub use matrix::{FeatureRow, FeatureRowProps, Matrix, MatrixProps};
pub use search_box::{SearchBox, SearchBoxProps};
pub use stage_badge::stage_badge;
pub use stage_bar::{StageBar, StageBarProps};
pub use summary_grid::{SummaryGrid, SummaryGridProps};
