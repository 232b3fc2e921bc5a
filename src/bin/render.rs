//! `feature-matrix-render`: prints the prerendered HTML for one mount point,
//! to put inside the `[data-feature-matrix]` element (or `<feature-matrix>`)
//! of a static page. The widget then takes it over in place.

use std::io::Read;
use std::process::ExitCode;

use feature_matrix::prerender::fragment_from_json;
use feature_matrix::MountConfig;

const USAGE: &str = "usage: feature-matrix-render CATALOGUE.json [options]   (- reads stdin)

Prints the widget's default view of the catalogue as HTML, with the catalogue
as a JSON data block, for one mount point. Give the same options as the mount
point's attributes, so that the markup matches what the browser renders:

  --lang L            data-lang (default: the catalogue's locale)
  --heading-level N   data-heading-level, 1-4 (default 2)
  --url-state PREFIX  data-url-state (use \"\" for no prefix)
  --src URL           data-src (hides the language switch, as in the browser)
  --theme T           data-theme: light or dark";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(html) => {
            println!("{html}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("feature-matrix-render: {e}");
            ExitCode::from(if e.starts_with("usage") { 2 } else { 1 })
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut file = None;
    let mut config = MountConfig {
        heading_level: 2,
        ..MountConfig::default()
    };
    let mut lang = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{USAGE}\n\n{arg} needs a value"))
        };
        match arg.as_str() {
            "-h" | "--help" => return Err(USAGE.to_string()),
            "--lang" => lang = Some(value()?),
            "--heading-level" => {
                config.heading_level = value()?
                    .parse()
                    .ok()
                    .filter(|l| (1..=4).contains(l))
                    .ok_or("--heading-level takes 1 to 4")?;
            }
            "--url-state" => config.url_state = Some(value()?),
            "--src" => config.src = Some(value()?),
            "--theme" => {
                let theme = value()?;
                if theme != "light" && theme != "dark" {
                    return Err("--theme takes light or dark".into());
                }
                config.theme = Some(theme);
            }
            _ if file.is_none() && (arg == "-" || !arg.starts_with('-')) => file = Some(arg),
            _ => return Err(format!("{USAGE}\n\nunexpected argument {arg}")),
        }
    }
    let file = file.ok_or_else(|| USAGE.to_string())?;
    let mut json = String::new();
    if file == "-" {
        std::io::stdin()
            .read_to_string(&mut json)
            .map_err(|e| format!("stdin: {e}"))?;
    } else {
        json = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
    }
    let locale = catalogue::load_str(&json)
        .map(|c| c.locale)
        .map_err(|e| format!("{file}: {e}"))?;
    config.lang = lang.unwrap_or(locale);
    fragment_from_json(&json, config).map_err(|e| format!("{file}: {e}"))
}
