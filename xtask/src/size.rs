//! The embed path's size budget: what a docs page downloads to run the
//! widget (`embed.js`, the JS glue, the wasm, the stylesheet), gzip -9.

use std::path::Path;
use std::process::Command;

/// The files a page with the widget downloads.
pub const EMBED_PATH: [&str; 4] = [
    "embed.js",
    "feature-matrix.js",
    "feature-matrix_bg.wasm",
    "feature-matrix.css",
];

/// The budget: the measured size when it was set plus 2 KB. Lower it when
/// the bundle shrinks; raising it is a decision to write down in the CHANGELOG
/// (raised once: 184,209 → 186,614 B for rendering the first screen of rows
/// first, which took filters at 10k features from ~50 to ~15 ms; lowered to
/// 175,167 B when the catalogue's own JSON reader replaced serde_json, to
/// 171,701 B when esbuild minified the JS and CSS, to 164,693 B with one
/// sort and five components turned into plain functions, to 164,139 B
/// when the reader took over the nesting check, to 162,729 B with
/// wasm-opt to a fixed point and no twin markup, to 161,684 B with the
/// search box and the definitions dialog as plain functions, and to
/// 146,735 B with panics without source locations, talc as the allocator,
/// fewer hooks and generic copies, and short import and export names).
pub const BUDGET_BYTES: u64 = 146_735 + 2_048;

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

/// Checks `dist/feature-matrix/` against the budget; the message lists each file.
pub fn check(bundle: &Path) -> Result<String, String> {
    let mut total = 0;
    let mut lines = Vec::new();
    for name in EMBED_PATH {
        let size = gzip_size(&bundle.join(name))?;
        total += size;
        lines.push(format!("  {name}: {size} B"));
    }
    let report = format!(
        "embed path {total} B gzip (budget {BUDGET_BYTES} B)\n{}",
        lines.join("\n")
    );
    if total > BUDGET_BYTES {
        Err(format!("over the size budget: {report}"))
    } else {
        Ok(report)
    }
}
