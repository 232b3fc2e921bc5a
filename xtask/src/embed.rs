//! The embed bundle under `dist/feature-matrix/`, with fixed file names: the
//! wasm module built, bound and optimised (as `bench/floor/` is), its JS
//! glue, `embed.js`, the stylesheet and the bundled catalogues.

use std::fs;
use std::path::Path;

use crate::tools::Env;

/// Stylesheets of the widget, in cascade order (the page's own CSS is not included).
const STYLES: [&str; 5] = [
    "styles/reset.css",
    "styles/theme.css",
    "styles/controls.css",
    "styles/matrix.css",
    "styles/releases.css",
];

/// The wasm-opt level and passes for the bundle (and the floor): -Oz to a
/// fixed point (`--converge`); `--low-memory-unused` holds because Rust's
/// wasm32 linker puts the stack first, so data starts at 1 MiB and only a
/// stack overflow could reach the lowest kilobyte. The features are those
/// rustc's wasm32 target enables, which binaryen must be told.
const WASM_OPT_ARGS: [&str; 11] = [
    "-Oz",
    "--converge",
    "--low-memory-unused",
    "--strip-producers",
    "--strip-target-features",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn wasm_opt_args() -> Vec<String> {
    WASM_OPT_ARGS.iter().map(|a| a.to_string()).collect()
}

/// The widget's wasm module and its JS glue as `dist/feature-matrix/
/// feature-matrix_bg.wasm` and `feature-matrix.js`: the `feature-matrix-web`
/// bin built for wasm32 (release), bound by wasm-bindgen for the web, and
/// optimised by wasm-opt. `dist/` starts empty.
pub fn compile(env: &Env) -> Result<(), String> {
    let dist = env.root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    }
    let out = dist.join("feature-matrix");
    let mut cargo = env.command("cargo");
    cargo.args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "feature-matrix",
        "--bin",
        "feature-matrix-web",
        "--features",
        "web",
    ]);
    crate::tools::run(crate::wasm_flags::apply(&mut cargo))?;
    crate::tools::run(
        env.command("wasm-bindgen")
            .arg(
                env.root
                    .join("target/wasm32-unknown-unknown/release/feature-matrix-web.wasm"),
            )
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "feature-matrix",
                "--out-dir",
            ])
            .arg(&out),
    )?;
    let wasm = out.join("feature-matrix_bg.wasm");
    crate::tools::run(
        env.command("wasm-opt")
            .arg(&wasm)
            .args(wasm_opt_args())
            .arg("-o")
            .arg(&wasm),
    )
}

/// The rest of the embed bundle around the compiled module (see [`compile`]).
pub fn assemble(env: &Env) -> Result<(), String> {
    let dist = env.root.join("dist");
    let out = dist.join("feature-matrix");
    crate::minify::names(
        env,
        &out.join("feature-matrix_bg.wasm"),
        &out.join("feature-matrix.js"),
    )?;
    copy(&env.root.join("embed/embed.js"), &out.join("embed.js"))?;
    // The bundled catalogues, fetched next to embed.js when a mount point has
    // no src and no prerendered catalogue.
    for locale in ["zh", "en"] {
        let name = format!("features.{locale}.json");
        copy(&env.root.join("data").join(&name), &out.join(&name))?;
    }
    let mut css = String::new();
    for style in STYLES {
        css.push_str(
            &fs::read_to_string(env.root.join(style)).map_err(|e| format!("{style}: {e}"))?,
        );
        css.push('\n');
    }
    write(&out.join("feature-matrix.css"), &shield(&css))?;
    // What every reader downloads, minified (the sources stay readable in
    // embed/ and styles/; wasm-bindgen's glue is generated).
    for name in ["feature-matrix.js", "embed.js", "feature-matrix.css"] {
        minify(env, &out.join(name))?;
    }
    copy(
        &env.root.join("styles/favicon.svg"),
        &dist.join("favicon.svg"),
    )?;
    copy(&env.root.join("styles/page.css"), &dist.join("page.css"))?;
    copy_dir(&env.root.join("data"), &dist.join("data"))?;
    copy_dir(&env.root.join("examples"), &dist.join("examples"))?;
    println!("xtask: embed bundle written to dist/feature-matrix/");
    Ok(())
}

/// The id in [`shield`]'s selectors. No element needs to have it: `:is()`
/// counts the specificity of its most specific argument, matched or not.
const SHIELD: &str = ":is(.fm-root,#fm-host-shield)";

/// Lifts every rule inside the widget above any host rule: each selector
/// that goes on from `.fm-root` (`.fm-root .fm-title`, `.fm-root:not(…) …`)
/// starts with [`SHIELD`] instead, which weighs as an id. Docs themes style
/// their content with class selectors (`.vp-doc h2`, `.markdown table`,
/// `.sl-markdown-content :is(th, td)`), so `styles/reset.css` undoes what they
/// set on the widget's elements and the widget's own rules then apply as on
/// a bare page. Rules for the root alone (`.fm-root { --fm-accent: … }`)
/// keep their weight, so a site still themes the widget by overriding them.
fn shield(css: &str) -> String {
    const ROOT: &str = ".fm-root";
    let mut out = String::with_capacity(css.len() + css.len() / 4);
    let mut rest = css;
    while let Some(at) = rest.find(ROOT) {
        out.push_str(&rest[..at]);
        let after = &rest[at + ROOT.len()..];
        let continues = after
            .chars()
            .next()
            .is_some_and(|c| !(c.is_alphanumeric() || c == '-' || c == '_'))
            && !matches!(after.trim_start().chars().next(), Some('{' | ',') | None);
        out.push_str(if continues { SHIELD } else { ROOT });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Minifies a JS or CSS file in place with esbuild.
pub fn minify(env: &Env, file: &Path) -> Result<(), String> {
    crate::tools::run(
        env.command("esbuild")
            .arg(file)
            .args([
                "--minify",
                "--charset=utf8",
                "--log-level=warning",
                "--allow-overwrite",
            ])
            .arg(format!("--outfile={}", file.display())),
    )
}

/// Copies one file, making the folder it goes into.
pub fn copy(from: &Path, to: &Path) -> Result<(), String> {
    if let Some(dir) = to.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))
}

fn write(to: &Path, text: &str) -> Result<(), String> {
    fs::write(to, text).map_err(|e| format!("{}: {e}", to.display()))
}

/// Copies the files directly in `from` (not sub-folders) into `to`.
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from)
        .map_err(|e| format!("{}: {e}", from.display()))?
        .flatten()
    {
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            copy(&entry.path(), &to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::shield;

    #[test]
    fn rules_inside_the_widget_are_lifted_and_the_root_s_own_rules_are_not() {
        let css = ".fm-root { --fm-accent: red; }\n\
                   .fm-root[data-theme=\"dark\"] { color-scheme: dark; }\n\
                   .fm-root .fm-title, .fm-root:not([lang=\"zh\"]) td::before { margin: 0; }\n\
                   html.dark .fm-root:not([data-theme]) { color-scheme: dark; }\n\
                   .fm-root-like .x, .fm-root,\n.fm-root { }";
        assert_eq!(
            shield(css),
            ".fm-root { --fm-accent: red; }\n\
             :is(.fm-root,#fm-host-shield)[data-theme=\"dark\"] { color-scheme: dark; }\n\
             :is(.fm-root,#fm-host-shield) .fm-title, :is(.fm-root,#fm-host-shield):not([lang=\"zh\"]) td::before { margin: 0; }\n\
             html.dark :is(.fm-root,#fm-host-shield):not([data-theme]) { color-scheme: dark; }\n\
             .fm-root-like .x, .fm-root,\n.fm-root { }"
        );
    }
}
