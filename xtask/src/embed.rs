//! The embed bundle: fixed file names under `dist/feature-matrix/`, so a docs
//! page can reference them without knowing Trunk's hashes.

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

pub fn assemble(env: &Env) -> Result<(), String> {
    let dist = env.root.join("dist");
    let out = dist.join("feature-matrix");
    fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut built = fs::read_dir(&dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect::<Vec<_>>();
    built.sort();
    let find = |suffix: &str| {
        built
            .iter()
            .find(|n| n.starts_with("feature-matrix-") && n.ends_with(suffix))
            .cloned()
            .ok_or_else(|| format!("dist/ has no feature-matrix-*{suffix}; did trunk build run?"))
    };
    copy(
        &dist.join(find("_bg.wasm")?),
        &out.join("feature-matrix_bg.wasm"),
    )?;
    copy(&dist.join(find(".js")?), &out.join("feature-matrix.js"))?;
    crate::minify::names(
        env,
        &out.join("feature-matrix_bg.wasm"),
        &out.join("feature-matrix.js"),
    )?;
    // Trunk's own page and hashed copies are not served: the pages load the
    // bundle by these fixed names (see prerender.rs).
    for name in &built {
        let path = dist.join(name);
        if path.is_file() {
            fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
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

/// The wasm-opt level and passes Trunk runs on the bundle (its features
/// among them), from `index.html`'s Trunk link: the one place they are set.
pub fn wasm_opt_args(env: &Env) -> Result<Vec<String>, String> {
    let index = env.root.join("index.html");
    let index = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    wasm_opt_args_in(&index)
}

fn wasm_opt_args_in(index: &str) -> Result<Vec<String>, String> {
    let attribute = |name: &str| {
        index
            .split(&format!("{name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
    };
    let level = attribute("data-wasm-opt").ok_or("index.html has no data-wasm-opt")?;
    let params = attribute("data-wasm-opt-params").unwrap_or_default();
    Ok(std::iter::once(format!("-O{level}"))
        .chain(params.split_whitespace().map(String::from))
        .collect())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
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
    use super::{shield, wasm_opt_args_in};

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

    #[test]
    fn the_wasm_opt_level_and_passes_are_read_from_the_trunk_link() {
        let index = r#"<link data-trunk rel="rust" data-wasm-opt="z" data-integrity="none"
            data-wasm-opt-params="--converge --strip-producers">"#;
        assert_eq!(
            wasm_opt_args_in(index).unwrap(),
            ["-Oz", "--converge", "--strip-producers"]
        );
        assert!(wasm_opt_args_in("<link data-trunk>").is_err());
    }

    #[test]
    fn the_real_index_has_both() {
        let index = include_str!("../../index.html");
        let args = wasm_opt_args_in(index).unwrap();
        assert_eq!(args[0], "-Oz");
        assert!(args.contains(&"--converge".to_string()), "{args:?}");
        // The renaming step reads the features from here too.
        assert!(
            args.contains(&"--enable-reference-types".to_string()),
            "{args:?}"
        );
    }
}
