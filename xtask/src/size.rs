//! The embed path's size budget: what a docs page downloads to run the
//! widget (`embed.js`, the JS glue, the wasm, the stylesheet), gzip -9.

use std::path::Path;
use std::process::Command;

use crate::wasm_flags::Build;

/// The files a page with the widget downloads.
pub const EMBED_PATH: [&str; 4] = [
    "embed.js",
    "feature-matrix.js",
    "feature-matrix_bg.wasm",
    "feature-matrix.css",
];

/// The budget of each release build (`wasm_flags.rs`): the measured size
/// when it was set plus 2 KB. Lower it when the bundle shrinks; raising it is
/// a decision to write down in the CHANGELOG (the history is in
/// `bench/REPORT.md`).
pub fn budget(build: Build) -> u64 {
    match build {
        Build::Smallest => SMALLEST_MEASURED + 2_048,
        Build::Stable => STABLE_MEASURED + 2_048,
    }
}

/// Each build's size when its budget was last set (raised for the release
/// matrix and its chart, then for typed attributes, their facets and
/// columns, and the release matrix's lighter cells; see the CHANGELOG and
/// `bench/REPORT.md`).
const SMALLEST_MEASURED: u64 = 173_742;
const STABLE_MEASURED: u64 = 178_083;

/// Gzip -9 size of one file.
pub fn gzip_size(file: &Path) -> Result<u64, String> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(file)
        .output()
        .map_err(|e| format!("gzip {}: {e}", file.display()))?;
    if !out.status.success() {
        return Err(format!("gzip {} failed", file.display()));
    }
    Ok(out.stdout.len() as u64)
}

/// Checks `dist/feature-matrix/`, made by `build`, against its budget; the
/// message lists each file.
pub fn check(bundle: &Path, build: Build) -> Result<String, String> {
    let budget = budget(build);
    let mut total = 0;
    let mut lines = Vec::new();
    for name in EMBED_PATH {
        let size = gzip_size(&bundle.join(name))?;
        total += size;
        lines.push(format!("  {name}: {size} B"));
    }
    let report = format!(
        "embed path {total} B gzip, {} (budget {budget} B)\n{}",
        build.describe(),
        lines.join("\n")
    );
    if total > budget {
        Err(format!("over the size budget: {report}"))
    } else {
        Ok(report)
    }
}
