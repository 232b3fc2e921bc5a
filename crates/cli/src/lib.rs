//! The `feature-matrix` command: `validate`, `import`, `diff`, `schema` and
//! `render`. One implementation for the native binary (`main.rs`) and the
//! npm package's `npx feature-matrix` (`crates/node`, wasm in Node): the
//! command sees the outside world only through [`Host`], so both give the
//! same messages, paths and exit codes.

use catalogue::diff::diff;
use catalogue::import::yaml::{self, YamlOptions};
use catalogue::import::{detect, limits, ImportError, Imported, Source};
use catalogue::import::{import_markdown, ImportOptions};
use catalogue::view::ViewMode;
use catalogue::{load, Catalogue, LoadError};
use clap::{Parser, Subcommand, ValueEnum};
use feature_matrix::MountConfig;

/// What the command reads and writes: files, standard input and output.
pub trait Host {
    /// The size of a file in bytes, read before the file itself so that an
    /// oversized catalogue is refused unread.
    fn file_size(&mut self, path: &str) -> Result<u64, ReadError>;
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, ReadError>;
    /// The entries of a directory, sorted, each directory's name ending in
    /// `/`; `None` when `path` is not a directory.
    fn list_dir(&mut self, path: &str) -> Result<Option<Vec<String>>, ReadError>;
    fn read_stdin(&mut self) -> Result<Vec<u8>, ReadError>;
    fn out(&mut self, text: &str);
    fn err(&mut self, text: &str);
}

/// Why a file could not be read, in words that do not depend on the
/// platform (native `std::io` and Node's `fs` name the same errors
/// differently).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    PermissionDenied,
    IsADirectory,
    NotText,
    Other(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ReadError::NotFound => "no such file or directory",
            ReadError::PermissionDenied => "permission denied",
            ReadError::IsADirectory => "is a directory",
            ReadError::NotText => "not UTF-8 text",
            ReadError::Other(reason) => reason,
        })
    }
}

/// Exit codes: 0 when everything is fine, 1 when a catalogue is invalid or
/// two drift, 2 on usage or I/O errors.
const INVALID: u8 = 1;
const USAGE_OR_IO: u8 = 2;

#[derive(Parser)]
#[command(
    name = "feature-matrix",
    version,
    about = "Validate, import, compare and prerender feature-matrix catalogues"
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
        files: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Convert a catalogue source into catalogue JSON on stdout: a Hugo markdown page (like
    /// Istio's feature-stages page), Istio's features.yaml or Kubernetes'
    /// versioned_feature_list.yaml. Each repair of messy input, and each part of the source
    /// the catalogue has no place for, is listed on stderr, then their counts.
    Import {
        page: String,
        /// The source's kind (default: detected from the file's shape).
        #[arg(long, value_enum)]
        from: Option<SourceKind>,
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
        ids_from: Option<String>,
        /// A mapping file (YAML or JSON) naming which field of the source's entries is the
        /// name, stage, category, link, note, description and which are attributes: any list
        /// or map of entries then imports (see docs/importing.md).
        #[arg(long)]
        mapping: Option<String>,
        /// Exit 1, printing no catalogue, when anything was dropped or repaired, or the result
        /// does not validate (for CI).
        #[arg(long)]
        strict: bool,
    },
    /// Print the catalogue's JSON Schema.
    Schema,
    /// Compare two locales of a catalogue; exit 1 when they drift.
    Diff { a: String, b: String },
    /// Print the widget's default view of a catalogue as HTML (with the catalogue as a JSON data
    /// block) for one mount point; "-" reads stdin. Give the same options as the mount point's
    /// attributes, so that the markup matches what the browser renders.
    Render {
        catalogue: String,
        /// lang (default: the catalogue's locale).
        #[arg(long)]
        lang: Option<String>,
        /// heading-level, 1 to 4.
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=4))]
        heading_level: u8,
        /// url-state: the URL parameter prefix ("" for none).
        #[arg(long)]
        url_state: Option<String>,
        /// src: a catalogue URL (hides the language switch, as in the browser).
        #[arg(long)]
        src: Option<String>,
        /// theme: light or dark.
        #[arg(long, value_enum)]
        theme: Option<Theme>,
        /// view: the table, or the release matrix (catalogues with releases).
        #[arg(long, value_enum)]
        view: Option<View>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SourceKind {
    /// A Hugo markdown page in the seed's form.
    Markdown,
    /// istio/enhancements features.yaml.
    IstioYaml,
    /// kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml.
    K8sVersioned,
    /// envoyproxy/envoy source/extensions/extensions_metadata.yaml.
    EnvoyExtensions,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum View {
    Table,
    Releases,
}

#[derive(Clone, Copy, ValueEnum)]
enum Theme {
    Light,
    Dark,
}

/// Runs the command line `args` (without the program name); returns the
/// exit code. Async only for `render` (Yew's renderer).
pub async fn run(args: Vec<String>, host: &mut dyn Host) -> u8 {
    let cli = match Cli::try_parse_from(std::iter::once("feature-matrix".to_string()).chain(args)) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            if e.use_stderr() {
                host.err(&text);
                return USAGE_OR_IO;
            }
            host.out(&text);
            return 0;
        }
    };
    match cli.command {
        Command::Validate { files, format } => validate(host, &files, format),
        Command::Import {
            page,
            from,
            title,
            locale,
            base_url,
            ids_from,
            mapping,
            strict,
        } => {
            let options = YamlOptions {
                locale: locale.clone(),
                base_url: base_url.clone(),
                title: title.clone(),
                file_name: (page != "-").then(|| page.clone()),
            };
            if page != "-" {
                match host.list_dir(&page) {
                    Ok(Some(_)) => {
                        let files = match read_tree(host, &page) {
                            Ok(files) => files,
                            Err(DirError::Unreadable(e)) => return io_error(host, &e),
                            Err(DirError::Invalid(e)) => {
                                host.err(&format!(
                                    "error: {page}: {e}
"
                                ));
                                return INVALID;
                            }
                        };
                        // Pages (kubernetes/website's per-gate pages), else YAML tables (Dapr's).
                        let imported = if files.iter().any(|(name, _)| name.ends_with(".md")) {
                            let pages: Vec<(String, String)> = files
                                .into_iter()
                                .filter(|(name, _)| !name.contains('/'))
                                .collect();
                            yaml::import_k8s_gates(&pages, &options)
                        } else {
                            yaml::import_dapr(&files, &options)
                        };
                        return print_imported(host, &page, imported, strict);
                    }
                    Ok(None) => {}
                    Err(e) => return io_error(host, &format!("{page}: {e}")),
                }
            }
            // A source over the size limit is refused unread.
            if page != "-" {
                match host.file_size(&page) {
                    Ok(bytes) if bytes > limits::MAX_BYTES as u64 => {
                        let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
                        host.err(&format!(
                            "error: {page}: {}\n",
                            ImportError::TooLarge { bytes }
                        ));
                        return INVALID;
                    }
                    Ok(_) => {}
                    Err(e) => return io_error(host, &format!("{page}: {e}")),
                }
            }
            let text = match read_text(host, &page) {
                Ok(text) => text,
                Err(e) => return io_error(host, &e),
            };
            if let Some(mapping) = mapping {
                let mapping = match read_text(host, &mapping) {
                    Ok(text) => text,
                    Err(e) => return io_error(host, &e),
                };
                let imported = yaml::Mapping::read(&mapping)
                    .and_then(|m| yaml::import_mapped(&text, &m, &options));
                return print_imported(host, &page, imported, strict);
            }
            let source = match from {
                Some(SourceKind::Markdown) => Source::Markdown,
                Some(SourceKind::IstioYaml) => Source::IstioYaml,
                Some(SourceKind::K8sVersioned) => Source::K8sVersioned,
                Some(SourceKind::EnvoyExtensions) => Source::EnvoyExtensions,
                None if page.ends_with(".md") => Source::Markdown,
                None => match detect(&text) {
                    Ok(source) => source.unwrap_or(Source::Markdown),
                    Err(e) => {
                        host.err(&format!("error: {page}: {e}\n"));
                        return INVALID;
                    }
                },
            };
            match source {
                Source::Markdown => {
                    let ids_from = match ids_from.map(|path| load_file(host, &path)) {
                        None => None,
                        Some(Ok(c)) => Some(c),
                        Some(Err(FileError::Invalid(e))) => {
                            host.err(&format!("error: --ids-from: {e}\n"));
                            return USAGE_OR_IO;
                        }
                        Some(Err(FileError::Unreadable(e))) => return io_error(host, &e),
                    };
                    let options = ImportOptions {
                        locale,
                        base_url,
                        ids_from,
                    };
                    // kubernetes/website's feature-gates page has tables of its own.
                    let imported = if yaml::is_gate_table(&text) {
                        let options = YamlOptions {
                            locale: options.locale,
                            base_url: options.base_url,
                            title: title.clone(),
                            file_name: None,
                        };
                        yaml::import_k8s_gate_table(&text, &options)
                    } else {
                        import_markdown(&text, &options)
                    };
                    print_imported(host, &page, imported, strict)
                }
                yaml => {
                    let imported = match yaml {
                        Source::K8sVersioned => yaml::import_k8s(&text, &options),
                        Source::EnvoyExtensions => yaml::import_envoy(&text, &options),
                        _ => yaml::import_istio(&text, &options),
                    };
                    print_imported(host, &page, imported, strict)
                }
            }
        }
        Command::Schema => {
            host.out(&catalogue::schema::catalogue_schema_json());
            0
        }
        Command::Diff { a, b } => compare(host, &a, &b),
        Command::Render {
            catalogue,
            lang,
            heading_level,
            url_state,
            src,
            theme,
            view,
        } => {
            let config = MountConfig {
                lang: lang.unwrap_or_default(),
                src,
                url_state,
                theme: theme.map(|t| match t {
                    Theme::Light => "light".to_string(),
                    Theme::Dark => "dark".to_string(),
                }),
                heading_level,
                view: match view {
                    Some(View::Releases) => ViewMode::Releases,
                    _ => ViewMode::Table,
                },
            };
            render(host, &catalogue, config).await
        }
    }
}

/// A file that could not be read: `path: reason` on stderr, exit code 2.
fn io_error(host: &mut dyn Host, message: &str) -> u8 {
    host.err(&format!("error: {message}\n"));
    USAGE_OR_IO
}

/// The bytes of `path`, or of standard input for `-`; `Err` says which file
/// and why.
fn read_bytes(host: &mut dyn Host, path: &str) -> Result<Vec<u8>, String> {
    let read = if path == "-" {
        host.read_stdin()
    } else {
        host.read_file(path)
    };
    read.map_err(|e| format!("{path}: {e}"))
}

fn read_text(host: &mut dyn Host, path: &str) -> Result<String, String> {
    let bytes = read_bytes(host, path)?;
    String::from_utf8(bytes).map_err(|_| format!("{path}: {}", ReadError::NotText))
}

/// Why a directory source was not read.
enum DirError {
    /// A file or directory could not be read: exit code 2.
    Unreadable(String),
    /// The directory breaks a limit: exit code 1.
    Invalid(String),
}

/// Most files read from a directory source.
const MAX_DIR_FILES: usize = 2_000;

/// The files of a directory source and of its subdirectories (one level
/// down, as Dapr's component tables are laid out), as (path under `root`,
/// text), in name order; all of them together within the import size limit.
fn read_tree(host: &mut dyn Host, root: &str) -> Result<Vec<(String, String)>, DirError> {
    let unreadable = |path: &str, e: ReadError| DirError::Unreadable(format!("{path}: {e}"));
    let join = |dir: &str, name: &str| format!("{}/{name}", dir.trim_end_matches('/'));
    let mut names: Vec<String> = Vec::new();
    let top = host.list_dir(root).map_err(|e| unreadable(root, e))?;
    for entry in top.unwrap_or_default() {
        match entry.strip_suffix('/') {
            Some(dir) => {
                let path = join(root, dir);
                let inner = host.list_dir(&path).map_err(|e| unreadable(&path, e))?;
                names.extend(
                    inner
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|n| !n.ends_with('/'))
                        .map(|n| format!("{dir}/{n}")),
                );
            }
            None => names.push(entry),
        }
        if names.len() > MAX_DIR_FILES {
            return Err(DirError::Invalid(format!(
                "more than {MAX_DIR_FILES} files; the limit is {MAX_DIR_FILES}"
            )));
        }
    }
    let mut total = 0u64;
    let mut files = Vec::new();
    for name in names {
        let path = join(root, &name);
        total += host.file_size(&path).map_err(|e| unreadable(&path, e))?;
        if total > limits::MAX_BYTES as u64 {
            let bytes = usize::try_from(total).unwrap_or(usize::MAX);
            return Err(DirError::Invalid(format!(
                "{}, counting every file",
                ImportError::TooLarge { bytes }
            )));
        }
        let text = read_text(host, &path).map_err(DirError::Unreadable)?;
        files.push((name, text));
    }
    Ok(files)
}

/// Why a catalogue file gave no catalogue.
enum FileError {
    /// It could not be read (`path: reason`): exit code 2.
    Unreadable(String),
    /// It was read and is not a valid catalogue: exit code 1.
    Invalid(LoadError),
}

/// Reads and loads a catalogue file; a file over the size limit is refused
/// without being read.
fn load_file(host: &mut dyn Host, path: &str) -> Result<Catalogue, FileError> {
    if path != "-" {
        let size = host
            .file_size(path)
            .map_err(|e| FileError::Unreadable(format!("{path}: {e}")))?;
        catalogue::validate::check_size(size).map_err(FileError::Invalid)?;
    }
    let bytes = read_bytes(host, path).map_err(FileError::Unreadable)?;
    load(&bytes).map_err(FileError::Invalid)
}

fn validate(host: &mut dyn Host, files: &[String], format: Format) -> u8 {
    let mut any_invalid = false;
    let mut any_unreadable = false;
    let mut reports = Vec::new();
    for file in files {
        match load_file(host, file) {
            Err(FileError::Unreadable(e)) => {
                host.err(&format!("error: {e}\n"));
                any_unreadable = true;
            }
            Ok(c) => {
                if let Format::Text = format {
                    host.out(&format!(
                        "{file}: ok ({} features, {} stages, {} categories)\n",
                        c.features.len(),
                        c.stages.len(),
                        c.categories.len()
                    ));
                }
                reports.push(serde_json::json!({ "file": file, "valid": true, "problems": [] }));
            }
            Err(FileError::Invalid(e)) => {
                any_invalid = true;
                let problems = e.problems();
                if let Format::Text = format {
                    let mut text = format!("{file}: {} problem(s)\n", problems.len());
                    for p in &problems {
                        text.push_str(&format!("  {p}\n"));
                    }
                    host.out(&text);
                }
                let problems: Vec<_> = problems
                    .iter()
                    .map(|p| serde_json::json!({ "path": p.path, "message": p.message }))
                    .collect();
                reports.push(
                    serde_json::json!({ "file": file, "valid": false, "problems": problems }),
                );
            }
        }
    }
    if let Format::Json = format {
        let json = serde_json::to_string_pretty(&reports).unwrap_or_default();
        host.out(&format!("{json}\n"));
    }
    if any_unreadable {
        USAGE_OR_IO
    } else if any_invalid {
        INVALID
    } else {
        0
    }
}

/// Prints an imported catalogue on stdout; on stderr each repair of messy
/// input, each part of the source that has no place in the catalogue, every
/// problem validation finds in the result (as a warning: the author fixes
/// the source), then the counts. Exit 0; with `strict`, 1 and no catalogue
/// when there is any of those.
fn print_imported(
    host: &mut dyn Host,
    page: &str,
    imported: Result<Imported, ImportError>,
    strict: bool,
) -> u8 {
    let imported = match imported {
        Ok(imported) => imported,
        Err(e) => {
            host.err(&format!("error: {page}: {e}\n"));
            return INVALID;
        }
    };
    let problems = catalogue::validate::validate(&imported.catalogue);
    let refused = strict
        && !(imported.repairs.is_empty() && imported.dropped.is_empty() && problems.is_empty());
    if !refused {
        let json = serde_json::to_string_pretty(&imported.catalogue).unwrap_or_default();
        host.out(&format!("{json}\n"));
    }
    let mut report = String::new();
    for repair in &imported.repairs {
        report.push_str(&format!("repair: {repair}\n"));
    }
    for dropped in &imported.dropped {
        report.push_str(&format!("dropped: {dropped}\n"));
    }
    for p in &problems {
        report.push_str(&format!("warning: imported catalogue: {p}\n"));
    }
    report.push_str(&format!("{}\n", imported.summary()));
    if refused {
        report.push_str(&format!(
            "error: {page}: --strict refuses an import that drops or repairs anything, or does not validate\n"
        ));
    }
    host.err(&report);
    if refused {
        INVALID
    } else {
        0
    }
}

fn compare(host: &mut dyn Host, a: &str, b: &str) -> u8 {
    let mut load_one = |path: &str| match load_file(host, path) {
        Ok(c) => Some(c),
        Err(FileError::Invalid(e)) => {
            host.err(&format!("error: {path}: {e}\n"));
            None
        }
        Err(FileError::Unreadable(e)) => {
            host.err(&format!("error: {e}\n"));
            None
        }
    };
    let (Some(ca), Some(cb)) = (load_one(a), load_one(b)) else {
        return USAGE_OR_IO;
    };
    let drift = diff(&ca, &cb);
    if drift.is_empty() {
        host.out(&format!(
            "{a} ({}) and {b} ({}) agree on all {} features\n",
            ca.locale,
            cb.locale,
            ca.features.len()
        ));
        return 0;
    }
    let mut text = format!(
        "A = {a} ({}), B = {b} ({}): {} difference(s)\n",
        ca.locale,
        cb.locale,
        drift.len()
    );
    for d in &drift {
        text.push_str(&format!("  {d}\n"));
    }
    host.out(&text);
    INVALID
}

async fn render(host: &mut dyn Host, path: &str, mut config: MountConfig) -> u8 {
    let catalogue = match load_file(host, path) {
        Ok(c) => c,
        Err(FileError::Invalid(e)) => {
            host.err(&format!("error: {path}: {e}\n"));
            return INVALID;
        }
        Err(FileError::Unreadable(e)) => return io_error(host, &e),
    };
    if config.lang.is_empty() {
        config.lang = catalogue.locale.clone();
    }
    let html = feature_matrix::prerender::render_fragment(catalogue, config).await;
    host.out(&format!("{html}\n"));
    0
}
