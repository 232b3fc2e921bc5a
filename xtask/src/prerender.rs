//! Prerendered standalone pages: the default view of each bundled catalogue,
//! rendered natively from the widget's own components, written into the
//! mount point of the page Trunk built. The browser takes it over in place.

use std::fs;
use std::process::Stdio;

use crate::tools::Env;

/// The mount point of `index.html`, as Trunk copies it.
const MOUNT: &str =
    r#"<div data-feature-matrix data-lang="zh" data-url-state data-heading-level="1"></div>"#;

/// Locales with a standalone page: (locale, path under `dist/`).
const PAGES: [(&str, &str); 2] = [("zh", "index.html"), ("en", "en/index.html")];

pub fn pages(env: &Env) -> Result<(), String> {
    let dist = env.root.join("dist");
    let template =
        fs::read_to_string(dist.join("index.html")).map_err(|e| format!("dist/index.html: {e}"))?;
    if !template.contains(MOUNT) {
        return Err(format!("dist/index.html has no mount point {MOUNT}"));
    }
    for (locale, page) in PAGES {
        let catalogue = format!("data/features.{locale}.json");
        let fragment = render(
            env,
            &[&catalogue, "--url-state", "", "--heading-level", "1"],
        )?;
        let mount = MOUNT.replace(r#"data-lang="zh""#, &format!(r#"data-lang="{locale}""#));
        let html = template
            .replacen(
                "<html lang=\"zh\">",
                &format!("<html lang=\"{locale}\">"),
                1,
            )
            .replacen(
                MOUNT,
                &mount.replace("></div>", &format!(">{fragment}</div>")),
                1,
            );
        let out = dist.join(page);
        if let Some(dir) = out.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&out, html).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    println!("xtask: prerendered dist/index.html (zh) and dist/en/index.html (en)");
    Ok(())
}

/// Runs `feature-matrix-render` (built natively with the `ssr` feature).
pub fn render(env: &Env, args: &[&str]) -> Result<String, String> {
    let out = env
        .command("cargo")
        .args([
            "run",
            "--quiet",
            "-p",
            "feature-matrix",
            "--features",
            "ssr",
            "--bin",
            "feature-matrix-render",
            "--",
        ])
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cargo run feature-matrix-render: {e}"))?;
    if !out.status.success() {
        return Err(format!("feature-matrix-render {} failed", args.join(" ")));
    }
    String::from_utf8(out.stdout)
        .map(|s| s.trim_end().to_string())
        .map_err(|e| format!("feature-matrix-render output: {e}"))
}
