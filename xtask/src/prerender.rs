//! The standalone pages: `embed/standalone.html` with the default view of
//! each bundled catalogue prerendered into its mount point, rendered natively
//! from the widget's own components. The page loads the embed bundle, which
//! takes the markup over in place.

use std::fs;
use std::process::Stdio;

use crate::tools::Env;

/// Locales with a standalone page: (locale, path under `dist/`, way back to `dist/`).
const PAGES: [(&str, &str, &str); 2] = [("zh", "index.html", ""), ("en", "en/index.html", "../")];

pub fn pages(env: &Env) -> Result<(), String> {
    let dist = env.root.join("dist");
    let template = fs::read_to_string(env.root.join("embed/standalone.html"))
        .map_err(|e| format!("embed/standalone.html: {e}"))?;
    for (locale, page, root) in PAGES {
        let file = format!("data/features.{locale}.json");
        let fragment = render(env, &[&file, "--url-state", "", "--heading-level", "1"])?;
        let html = template
            .replace("{locale}", locale)
            .replace("{root}", root)
            .replace("{title}", title_of(&fragment)?)
            .replace("{prerendered}", &fragment);
        let out = dist.join(page);
        if let Some(dir) = out.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&out, html).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    println!("xtask: prerendered dist/index.html (zh) and dist/en/index.html (en)");
    examples(env)
}

/// The examples whose pages are prerendered: (page under `examples/`, its
/// catalogue, the view it opens in). The Kubernetes example opens in the
/// release matrix; Dapr's and Envoy's in the table with their attribute
/// columns.
const EXAMPLES: [(&str, &str, Option<&str>); 3] = [
    ("kubernetes.html", "kubernetes.json", Some("releases")),
    ("dapr.html", "dapr.json", None),
    ("envoy.html", "envoy.json", None),
];

/// Each example's element gets the fragment rendered with the same
/// options as its attributes.
fn examples(env: &Env) -> Result<(), String> {
    for (name, src, view) in EXAMPLES {
        let view_attribute = view.map(|v| format!(" view=\"{v}\"")).unwrap_or_default();
        let element = format!(
            r#"<feature-matrix lang="en" src="{src}" url-state="" heading-level="2"{view_attribute}>"#
        );
        let page = env.root.join("dist/examples").join(name);
        let html = fs::read_to_string(&page).map_err(|e| format!("{}: {e}", page.display()))?;
        let at = html
            .find(&element)
            .map(|i| i + element.len())
            .ok_or(format!(
                "examples/{name} has no element with the options it is prerendered with"
            ))?;
        let catalogue = format!("examples/{src}");
        let mut args = vec![
            catalogue.as_str(),
            "--src",
            src,
            "--url-state",
            "",
            "--heading-level",
            "2",
        ];
        if let Some(view) = view {
            args.extend(["--view", view]);
        }
        let fragment = render(env, &args)?;
        let html = format!("{}{fragment}{}", &html[..at], &html[at..]);
        fs::write(&page, html).map_err(|e| format!("{}: {e}", page.display()))?;
    }
    println!("xtask: prerendered the examples (Kubernetes in the release matrix, Dapr, Envoy)");
    Ok(())
}

/// The widget's title heading in prerendered markup (already HTML-escaped).
fn title_of(fragment: &str) -> Result<&str, String> {
    let start = fragment
        .find("class=\"fm-title\">")
        .map(|i| i + "class=\"fm-title\">".len())
        .ok_or("the prerendered markup has no title heading")?;
    let end = fragment[start..]
        .find("</h")
        .ok_or("the prerendered title heading is not closed")?;
    Ok(&fragment[start..start + end])
}

/// Runs `feature-matrix render` (the native command, `crates/cli`, in the
/// dev profile that the tests build too; its Yew renders the release
/// markup, see `Cargo.toml`).
pub fn render(env: &Env, args: &[&str]) -> Result<String, String> {
    let out = env
        .command("cargo")
        .args(["run", "--quiet", "-p", "feature-matrix-cli", "--", "render"])
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cargo run feature-matrix render: {e}"))?;
    if !out.status.success() {
        return Err(format!("feature-matrix render {} failed", args.join(" ")));
    }
    String::from_utf8(out.stdout)
        .map(|s| s.trim_end().to_string())
        .map_err(|e| format!("feature-matrix render output: {e}"))
}
