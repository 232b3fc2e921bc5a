//! One part of the widget per file. Components render state and send actions; the
//! parts without state of their own (highlighted text, inline text, stage
//! badges and bars, chips, the summary grid, the definitions table, the
//! error panel, the search box, the definitions dialog, the parts of the
//! app's layout) are plain functions that return `Html`: each component
//! adds its own copy of Yew's lifecycle code to the wasm.

mod app;
mod chip_group;
mod controls;
mod definitions;
mod error_panel;
mod highlighted;
mod inline_text;
mod intro;
mod matrix;
mod pacing;
mod release_matrix;
mod search_box;
mod stage_badge;
mod stage_bar;
mod summary_grid;
mod takeover;

pub use app::{App, AppProps};
pub use chip_group::{chip_group, Chip, ChipGroupProps};
pub use definitions::{
    definitions_dialog, definitions_table, use_definitions_dialog, DefinitionsDialogProps,
    DefinitionsTableProps,
};
pub use error_panel::{error_panel, ErrorPanelProps};
pub use highlighted::highlighted;
pub use inline_text::inline_text;
pub use matrix::{FeatureRow, FeatureRowProps, Matrix, MatrixProps};
pub use search_box::{search_box, use_search_shortcut, SearchBoxProps};
pub use stage_badge::{stage_badge, stage_label};
pub use stage_bar::{stage_bar, StageBarProps};
pub use summary_grid::{summary_grid, SummaryGridProps};
