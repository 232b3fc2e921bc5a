//! `catalogue`: validate, import, diff and describe feature-matrix catalogues.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalogue::diff::diff;
use catalogue::import::yaml::{self as import_yaml, YamlOptions};
use catalogue::import::{detect, import_markdown, ImportOptions, Source};
use catalogue::{load, Catalogue, LoadError};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "catalogue",
    version,
    about = "Validate, import and compare feature-matrix catalogues"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check catalogues; exit 0 when all are valid, 1 when any is not, 2 on usage or I/O errors.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Convert a catalogue source into catalogue JSON on stdout: a Hugo markdown page (like
    /// Istio's feature-stages page), Istio's features.yaml or Kubernetes'
    /// versioned_feature_list.yaml. Each repair of messy input is listed on stderr.
    Import {
        page: PathBuf,
        /// The source's kind (default: detected from the file's shape).
        #[arg(long, value_enum)]
        from: Option<From>,
        /// Page title (YAML sources; a markdown page has its own).
        #[arg(long)]
        title: Option<String>,
        /// Locale of the page (default: from the front matter's aliases, else en).
        #[arg(long)]
        locale: Option<String>,
        /// Absolute URL that relative links resolve against.
        #[arg(long)]
        base_url: Option<String>,
        /// Reuse the ids of an existing catalogue, matched by position.
        #[arg(long)]
        ids_from: Option<PathBuf>,
    },
    /// Print the catalogue's JSON Schema.
    Schema,
    /// Compare two locales of a catalogue; exit 1 when they drift.
    Diff { a: PathBuf, b: PathBuf },
}

#[derive(Clone, Copy, ValueEnum)]
enum From {
    /// A Hugo markdown page in the seed's form.
    Markdown,
    /// istio/enhancements features.yaml.
    IstioYaml,
    /// kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml.
    K8sVersioned,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate { files, format } => validate(&files, format),
        Command::Import {
            page,
            from,
            title,
            locale,
            base_url,
            ids_from,
        } => {
            let text = match std::fs::read_to_string(&page) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: {}: {e}", page.display());
                    return ExitCode::from(2);
                }
            };
            let source = match from {
                Some(From::Markdown) => Source::Markdown,
                Some(From::IstioYaml) => Source::IstioYaml,
                Some(From::K8sVersioned) => Source::K8sVersioned,
                None if page.extension().is_some_and(|e| e == "md") => Source::Markdown,
                None => detect(&text).unwrap_or(Source::Markdown),
            };
            match source {
                Source::Markdown => import(&page, &text, locale, base_url, ids_from.as_deref()),
                yaml => {
                    let options = YamlOptions {
                        locale,
                        base_url,
                        title,
                    };
                    import_from_yaml(&page, &text, yaml, &options)
                }
            }
        }
        Command::Schema => {
            print!("{}", catalogue::schema::catalogue_schema_json());
            ExitCode::SUCCESS
        }
        Command::Diff { a, b } => compare(&a, &b),
    }
}

/// Reads and loads a catalogue file; a file over the size limit is refused
/// without being read. `Err` is an I/O error.
fn load_file(path: &Path) -> Result<Result<Catalogue, LoadError>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Err(too_large) = catalogue::validate::check_size(meta.len()) {
        return Ok(Err(too_large));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(load(&bytes))
}

fn validate(files: &[PathBuf], format: Format) -> ExitCode {
    let mut any_invalid = false;
    let mut io_error = false;
    let mut reports = Vec::new();
    for file in files {
        match load_file(file) {
            Err(e) => {
                eprintln!("error: {e}");
                io_error = true;
            }
            Ok(Ok(c)) => {
                if let Format::Text = format {
                    println!(
                        "{}: ok ({} features, {} stages, {} categories)",
                        file.display(),
                        c.features.len(),
                        c.stages.len(),
                        c.categories.len()
                    );
                }
                reports.push(serde_json::json!({ "file": file.display().to_string(), "valid": true, "problems": [] }));
            }
            Ok(Err(e)) => {
                any_invalid = true;
                let problems = e.problems();
                if let Format::Text = format {
                    println!("{}: {} problem(s)", file.display(), problems.len());
                    for p in &problems {
                        println!("  {p}");
                    }
                }
                let problems: Vec<_> = problems
                    .iter()
                    .map(|p| serde_json::json!({ "path": p.path, "message": p.message }))
                    .collect();
                reports.push(serde_json::json!({ "file": file.display().to_string(), "valid": false, "problems": problems }));
            }
        }
    }
    if let Format::Json = format {
        println!(
            "{}",
            serde_json::to_string_pretty(&reports).unwrap_or_default()
        );
    }
    if io_error {
        ExitCode::from(2)
    } else if any_invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn import_from_yaml(page: &Path, text: &str, source: Source, options: &YamlOptions) -> ExitCode {
    let imported = match source {
        Source::K8sVersioned => import_yaml::import_k8s(text, options),
        _ => import_yaml::import_istio(text, options),
    };
    match imported {
        Ok(imported) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&imported.catalogue).unwrap_or_default()
            );
            for repair in &imported.repairs {
                eprintln!("repair: {repair}");
            }
            for p in &catalogue::validate::validate(&imported.catalogue) {
                eprintln!("warning: imported catalogue: {p}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", page.display());
            ExitCode::from(1)
        }
    }
}

fn import(
    page: &Path,
    text: &str,
    locale: Option<String>,
    base_url: Option<String>,
    ids_from: Option<&Path>,
) -> ExitCode {
    let ids_from = match ids_from.map(load_file) {
        None => None,
        Some(Ok(Ok(c))) => Some(c),
        Some(Ok(Err(e))) => {
            eprintln!("error: --ids-from: {e}");
            return ExitCode::from(2);
        }
        Some(Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let options = ImportOptions {
        locale,
        base_url,
        ids_from,
    };
    match import_markdown(text, &options) {
        Ok(c) => {
            println!("{}", serde_json::to_string_pretty(&c).unwrap_or_default());
            let problems = catalogue::validate::validate(&c);
            for p in &problems {
                eprintln!("warning: imported catalogue: {p}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", page.display());
            ExitCode::from(1)
        }
    }
}

fn compare(a: &Path, b: &Path) -> ExitCode {
    let load_one = |path: &Path| match load_file(path) {
        Ok(Ok(c)) => Some(c),
        Ok(Err(e)) => {
            eprintln!("error: {}: {e}", path.display());
            None
        }
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    };
    let (Some(ca), Some(cb)) = (load_one(a), load_one(b)) else {
        return ExitCode::from(2);
    };
    let drift = diff(&ca, &cb);
    if drift.is_empty() {
        println!(
            "{} ({}) and {} ({}) agree on all {} features",
            a.display(),
            ca.locale,
            b.display(),
            cb.locale,
            ca.features.len()
        );
        return ExitCode::SUCCESS;
    }
    println!(
        "A = {} ({}), B = {} ({}): {} difference(s)",
        a.display(),
        ca.locale,
        b.display(),
        cb.locale,
        drift.len()
    );
    for d in &drift {
        println!("  {d}");
    }
    ExitCode::from(1)
}
