//! The tidy check of `cargo xtask test`, after rust-analyzer's own: rules a
//! reviewer should not have to check by eye, over every tracked `.rs` file.
//!
//! - Every file starts with a `//!` module doc (blank lines before it are
//!   fine, anything else is not), so a reader of any file learns first what
//!   it is for.
//! - No comment points at something that is not there: a repository path
//!   with a known extension must exist (from the repository root or from the
//!   file's own directory), a markdown anchor must name a heading of its file,
//!   a `§N` must name a numbered section, and the product's design document,
//!   which lives outside the repository, must not be cited at all. A reader
//!   who follows a reference should find what it promises.
//!
//! The rules are pure functions over a file's path, its text and a [`Tree`]
//! that answers whether a path exists, so the tests need no file system.
//! Each offence prints as `path:line: message`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Extensions of the files a comment may name as a path.
const EXTENSIONS: [&str; 8] = [
    ".rs", ".md", ".css", ".js", ".mjs", ".html", ".json", ".toml",
];

/// First components of paths that are build outputs or installed packages,
/// not files of the repository: a comment may name them without them existing.
const OUTPUTS: [&str; 3] = ["target", "dist", "node_modules"];

/// Characters that make a path a pattern or a placeholder (`tests/e2e/*.mjs`,
/// `features.<lang>.json`, `src/…`) rather than the name of one file.
const PATTERN_CHARS: &[char] = &['*', '?', '[', ']', '{', '}', '<', '>', '…', '$', '~', '%'];

/// The product's design document: cited by name (and by section) in early
/// comments, but not part of the repository, so a reader cannot follow it.
const DESIGN: &str = "DESIGN";

/// One broken rule, at a line of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offence {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Offence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

/// The files a comment may refer to, by repository-relative path with `/`.
pub trait Tree {
    /// Whether the file exists.
    fn exists(&self, path: &str) -> bool;
    /// The file's text, for the headings of a markdown file.
    fn read(&self, path: &str) -> Option<String>;
}

/// The working tree on disk.
struct Disk(PathBuf);

impl Tree for Disk {
    fn exists(&self, path: &str) -> bool {
        self.0.join(path).exists()
    }

    fn read(&self, path: &str) -> Option<String> {
        std::fs::read_to_string(self.0.join(path)).ok()
    }
}

/// Runs every rule over the tracked `.rs` files under `root`, printing each
/// offence; fails with their count.
pub fn run(root: &Path) -> Result<(), String> {
    println!("xtask: == tidy");
    let files = tracked_rust_files(root)?;
    let tree = Disk(root.to_path_buf());
    let mut offences = Vec::new();
    for path in &files {
        match std::fs::read_to_string(root.join(path)) {
            Ok(text) => offences.extend(check_file(path, &text, &tree)),
            Err(e) => offences.push(Offence {
                path: path.clone(),
                line: 1,
                message: format!("cannot be read: {e}"),
            }),
        }
    }
    for offence in &offences {
        println!("{offence}");
    }
    if offences.is_empty() {
        println!("xtask: tidy: {} files, no offence", files.len());
        Ok(())
    } else {
        Err(format!(
            "tidy: {} offence(s) in {} files",
            offences.len(),
            files.len()
        ))
    }
}

/// `git ls-files '*.rs'`: the files a clone has, not build outputs.
fn tracked_rust_files(root: &Path) -> Result<Vec<String>, String> {
    let out = Command::new("git")
        .args(["ls-files", "-z", "--", "*.rs"])
        .current_dir(root)
        .output()
        .map_err(|e| format!("git ls-files: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git ls-files failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect())
}

/// Every rule, over one file.
pub fn check_file(path: &str, text: &str, tree: &dyn Tree) -> Vec<Offence> {
    let mut offences: Vec<Offence> = module_doc(path, text).into_iter().collect();
    offences.extend(references(path, text, tree));
    offences
}

/// The file starts with a `//!` module doc, after blank lines at most.
pub fn module_doc(path: &str, text: &str) -> Option<Offence> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let (line, first) = text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .map_or((1, ""), |(i, l)| (i + 1, l));
    (!first.starts_with("//!")).then(|| Offence {
        path: path.to_string(),
        line,
        message: "the file does not start with a `//!` module doc saying what it is for"
            .to_string(),
    })
}

/// Every reference in the file's comments to a file, an anchor or a section
/// that does not exist.
pub fn references(path: &str, text: &str, tree: &dyn Tree) -> Vec<Offence> {
    let dir = path.rfind('/').map_or("", |i| &path[..i]);
    let mut offences = Vec::new();
    for (line, comment) in comments(text) {
        for reference in mentions(&comment) {
            if let Some(message) = broken(&reference, dir, tree) {
                offences.push(Offence {
                    path: path.to_string(),
                    line,
                    message,
                });
            }
        }
    }
    offences
}

/// A mention in a comment of a file, or of a document by its bare name.
#[derive(Debug, PartialEq, Eq)]
struct Mention {
    /// As written, without anchor, line number or trailing punctuation.
    path: String,
    anchor: Option<String>,
    /// `N` of a `§N` after it.
    section: Option<String>,
}

/// What is wrong with a mention, if anything.
fn broken(mention: &Mention, dir: &str, tree: &dyn Tree) -> Option<String> {
    let written = match (&mention.anchor, &mention.section) {
        (Some(anchor), _) => format!("`{}#{anchor}`", mention.path),
        (None, Some(n)) => format!("`{} §{n}`", mention.path),
        (None, None) => format!("`{}`", mention.path),
    };
    if mention.path == DESIGN || mention.path == format!("{DESIGN}.md") {
        let found = resolve(&format!("{DESIGN}.md"), dir, tree);
        if found.is_none() {
            return Some(format!(
                "{written} cites the design document, which is not in the repository; \
                 cite a file that is, or say what it says"
            ));
        }
    }
    let file = if mention.path.contains('.') {
        mention.path.clone()
    } else {
        // A document named without its extension: add the markdown one.
        format!("{}.md", mention.path)
    };
    let Some(found) = resolve(&file, dir, tree) else {
        let from_dir = if dir.is_empty() {
            String::new()
        } else {
            format!(" or from {dir}/")
        };
        return Some(format!(
            "{written}: no such file (looked from the repository root{from_dir})"
        ));
    };
    if !found.ends_with(".md") {
        return None;
    }
    let headings = tree.read(&found).map(|t| headings(&t)).unwrap_or_default();
    if let Some(anchor) = &mention.anchor {
        if !headings.iter().any(|h| &h.slug == anchor) {
            return Some(format!(
                "{written}: {found} has no heading with that anchor"
            ));
        }
    }
    if let Some(n) = &mention.section {
        if !headings.iter().any(|h| h.number.as_deref() == Some(n)) {
            return Some(format!("{written}: {found} has no section numbered {n}"));
        }
    }
    None
}

/// The repository path `file` names, from the root or from `dir`, if it exists.
fn resolve(file: &str, dir: &str, tree: &dyn Tree) -> Option<String> {
    [normalise("", file), normalise(dir, file)]
        .into_iter()
        .flatten()
        .find(|p| tree.exists(p))
}

/// `base/path` with `.` and `..` applied; `None` when it leaves the repository.
fn normalise(base: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            _ => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// The files and documents a comment mentions, in order. A word counts as a
/// file when it ends in a known extension and has a `/`, an anchor or a
/// following `§N`, or is a document named in capitals (`README.md`); the
/// design document counts by its bare name too. URLs, patterns, absolute
/// paths and build outputs are not mentions of repository files.
fn mentions(comment: &str) -> Vec<Mention> {
    let mut found = Vec::new();
    let chars: Vec<char> = comment.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i], 0) {
            i += 1;
            continue;
        }
        let start = i;
        let mut braces = 0;
        while i < chars.len() && is_word_char(chars[i], braces) {
            match chars[i] {
                '{' => braces += 1,
                '}' => braces = braces.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let section = section_after(&chars[i..]);
        if let Some(mention) = mention(&word, section) {
            found.push(mention);
        }
    }
    found
}

/// Characters of a word that may be a path; a `,` only inside `{…}`.
fn is_word_char(c: char, braces: usize) -> bool {
    c.is_ascii_alphanumeric()
        || "_-./#:".contains(c)
        || PATTERN_CHARS.contains(&c)
        || (c == ',' && braces > 0)
}

/// `N` when the text goes on with ` §N` (spaces and a closing backtick allowed).
fn section_after(rest: &[char]) -> Option<String> {
    let mut rest = rest.iter().skip_while(|c| **c == ' ' || **c == '`');
    if rest.next() != Some(&'§') {
        return None;
    }
    let digits: String = rest
        .skip_while(|c| **c == ' ')
        .take_while(|c| c.is_ascii_digit())
        .collect();
    (!digits.is_empty()).then_some(digits)
}

fn mention(word: &str, section: Option<String>) -> Option<Mention> {
    if word.contains("://") || word.starts_with("//") {
        return None;
    }
    let word = word.trim_end_matches(['.', ',', ':', ';', '?', '!']);
    let (path, anchor) = match word.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor.to_string()).filter(|a| !a.is_empty())),
        None => (word, None),
    };
    let path = without_line_number(path);
    let capitals = path.len() > 1
        && path
            .trim_end_matches(".md")
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_');
    let bare_document = capitals && !path.contains('.') && (path == DESIGN || section.is_some());
    let has_extension = EXTENSIONS
        .iter()
        .any(|e| path.ends_with(e) && path.len() > e.len());
    if !bare_document && !has_extension {
        return None;
    }
    if path.contains(PATTERN_CHARS) || path.contains(':') || path.starts_with('/') {
        return None;
    }
    if path.split('/').any(|part| OUTPUTS.contains(&part)) {
        return None;
    }
    let named_document = capitals && path.ends_with(".md");
    let checked = bare_document
        || named_document
        || path.contains('/')
        || anchor.is_some()
        || section.is_some();
    checked.then(|| Mention {
        path: path.to_string(),
        anchor,
        section,
    })
}

/// `file.rs` of `file.rs:12` or `file.rs:12:5`, which name a line of it.
fn without_line_number(path: &str) -> &str {
    let mut path = path;
    loop {
        let digits = path.trim_end_matches(|c: char| c.is_ascii_digit());
        match digits.strip_suffix(':') {
            Some(rest) if digits.len() < path.len() => path = rest,
            _ => return path,
        }
    }
}

/// A markdown heading: its anchor and, when its text starts with one, its
/// section number (`## 3. URL query parameters`).
struct Heading {
    slug: String,
    number: Option<String>,
}

/// The headings of a markdown text, outside code blocks, with anchors as
/// GitHub makes them (and `{#id}` ids as Hugo takes them).
fn headings(markdown: &str) -> Vec<Heading> {
    let mut found = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut in_fence = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if in_fence || !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let mut text = line[hashes..].trim().trim_end_matches('#').trim();
        let mut custom = None;
        if let (Some(open), true) = (text.rfind("{#"), text.ends_with('}')) {
            custom = Some(text[open + 2..text.len() - 1].to_string());
            text = text[..open].trim();
        }
        let unmarked = text.trim_start_matches('§');
        let digits = unmarked.len()
            - unmarked
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        let number = (digits > 0
            && matches!(
                unmarked[digits..].chars().next(),
                None | Some('.' | ' ' | ')')
            ))
        .then(|| unmarked[..digits].to_string());
        let base = custom.unwrap_or_else(|| slug(text));
        let repeats = seen.entry(base.clone()).or_insert(0);
        let slug = if *repeats == 0 {
            base
        } else {
            format!("{base}-{repeats}")
        };
        *repeats += 1;
        found.push(Heading { slug, number });
    }
    found
}

/// GitHub's anchor for a heading: lowercase, spaces to `-`, punctuation dropped.
fn slug(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The comments of a Rust source, one entry per line: (line number, text
/// after the `//`, `///` or `//!`). Strings, raw strings and char literals
/// are skipped, so `"https://…"` in code is not a comment.
fn comments(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        match (chars[i], at(i + 1)) {
            ('\n', _) => {
                line += 1;
                i += 1;
            }
            ('/', Some('/')) => {
                let start = i + 2;
                let end = (start..chars.len())
                    .find(|&j| chars[j] == '\n')
                    .unwrap_or(chars.len());
                let text: String = chars[start..end].iter().collect();
                let text = text
                    .strip_prefix('/')
                    .or_else(|| text.strip_prefix('!'))
                    .unwrap_or(&text)
                    .to_string();
                out.push((line, text));
                i = end;
            }
            ('/', Some('*')) => {
                let mut depth = 1;
                let mut text = String::new();
                i += 2;
                while i < chars.len() && depth > 0 {
                    match (chars[i], at(i + 1)) {
                        ('*', Some('/')) => {
                            depth -= 1;
                            i += 2;
                        }
                        ('/', Some('*')) => {
                            depth += 1;
                            i += 2;
                        }
                        ('\n', _) => {
                            out.push((line, std::mem::take(&mut text)));
                            line += 1;
                            i += 1;
                        }
                        (c, _) => {
                            text.push(c);
                            i += 1;
                        }
                    }
                }
                out.push((line, text));
            }
            ('"', _) => i = skip_string(&chars, i + 1, None, &mut line),
            ('\'', Some('\\')) => {
                // An escaped char literal: `'\n'`, `'\''`, `'\u{1F}'`.
                i = (i + 3..chars.len())
                    .find(|&j| chars[j] == '\'')
                    .map_or(chars.len(), |j| j + 1);
            }
            ('\'', Some(_)) if at(i + 2) == Some('\'') => i += 3,
            (c, _) if c.is_alphanumeric() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                if matches!(word.as_str(), "r" | "br" | "cr") {
                    let hashes = (i..chars.len()).take_while(|&j| chars[j] == '#').count();
                    if at(i + hashes) == Some('"') {
                        i = skip_string(&chars, i + hashes + 1, Some(hashes), &mut line);
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// The index after a string's closing quote. `raw` is the number of `#` of
/// a raw string (which has no escapes), `None` for a plain string. Counts the
/// lines it spans.
fn skip_string(chars: &[char], mut i: usize, raw: Option<usize>, line: &mut usize) -> usize {
    let hashes = raw.unwrap_or(0);
    while i < chars.len() {
        match chars[i] {
            '\n' => *line += 1,
            '\\' if raw.is_none() => {
                if chars.get(i + 1) == Some(&'\n') {
                    *line += 1;
                }
                i += 1;
            }
            '"' if (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) => {
                return i + 1 + hashes;
            }
            _ => {}
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree of a few files, in memory.
    struct Files(BTreeMap<&'static str, &'static str>);

    impl Tree for Files {
        fn exists(&self, path: &str) -> bool {
            self.0.contains_key(path)
        }
        fn read(&self, path: &str) -> Option<String> {
            self.0.get(path).map(|t| t.to_string())
        }
    }

    fn tree() -> Files {
        Files(BTreeMap::from([
            (
                "README.md",
                "# feature-matrix\n## Two commands\n## URL parameters\n",
            ),
            (
                "docs/catalogue-format.md",
                "# Catalogue format\n## 1. Fields\n```\n## Not a heading\n```\n## Size limits\n",
            ),
            (
                "data/README.md",
                "# Bundled catalogues\n## Limits {#limits-table}\n",
            ),
            ("crates/catalogue/src/model.rs", ""),
            ("crates/catalogue/src/view.rs", ""),
            ("styles/matrix.css", ""),
        ]))
    }

    fn messages(path: &str, text: &str) -> Vec<String> {
        check_file(path, text, &tree())
            .into_iter()
            .map(|o| o.to_string())
            .collect()
    }

    #[test]
    fn a_file_with_a_module_doc_after_blank_lines_passes() {
        assert_eq!(
            module_doc("src/a.rs", "\n\n//! What it is.\nfn a() {}\n"),
            None
        );
    }

    #[test]
    fn a_file_without_a_module_doc_is_an_offence_at_its_first_line() {
        let offence = module_doc("src/components/app.rs", "\nuse std::rc::Rc;\n").unwrap();
        assert_eq!(offence.line, 2);
        assert!(offence.to_string().starts_with("src/components/app.rs:2: "));
        // An ordinary comment or an attribute first is not a module doc either.
        assert!(module_doc("a.rs", "// What it is.\n").is_some());
        assert!(module_doc("a.rs", "#![allow(dead_code)]\n//! What it is.\n").is_some());
        assert!(module_doc("a.rs", "").is_some());
    }

    #[test]
    fn existing_paths_in_comments_pass() {
        let text = "//! Reads `crates/catalogue/src/model.rs` (see data/README.md).\n\
                    /// Styled by styles/matrix.css, and `view.rs` next to it.\n\
                    fn a() {}\n";
        assert_eq!(
            messages("crates/catalogue/src/lib.rs", text),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_missing_path_in_a_comment_is_an_offence() {
        let text = "//! Doc.\n\n// The rows are styled in styles/rows.css.\n";
        assert_eq!(
            messages("src/a.rs", text),
            ["src/a.rs:3: `styles/rows.css`: no such file (looked from the repository root or from src/)"]
        );
    }

    #[test]
    fn a_path_relative_to_the_file_passes() {
        assert!(messages(
            "crates/catalogue/tests/x.rs",
            "//! Next to `../src/view.rs`.\n"
        )
        .is_empty());
        assert!(messages("crates/catalogue/src/lib.rs", "//! Next to ./model.rs.\n").is_empty());
        // Relative to neither the root nor the file: not found.
        assert_eq!(
            messages("crates/catalogue/src/x.rs", "//! See src/model.rs.\n").len(),
            1
        );
    }

    #[test]
    fn urls_patterns_and_build_outputs_are_not_repository_paths() {
        let text = "//! Doc.\n\
                    // https://github.com/rust-lang/rust-analyzer/blob/master/xtask/src/tidy.rs\n\
                    // Writes dist/feature-matrix/embed.js and target/bench/REPORT.smoke.md,\n\
                    // loads node_modules/axe-core/axe.min.js, serves /feature-matrix/embed.js,\n\
                    // reads tests/hostile/*.json, data/features.<lang>.json, src/…/x.rs,\n\
                    // data/features.{zh,en}.json, ~/.cache/x/y.json; fetches embed.js.\n";
        assert!(messages("xtask/src/a.rs", text).is_empty());
    }

    #[test]
    fn code_and_strings_are_not_comments() {
        let text = "//! Doc.\n\
                    const A: &str = \"missing/file.rs // not/a/comment.rs\";\n\
                    const B: &str = r#\"raw \"quoted\" gone/file.md\"#;\n\
                    const C: char = '\"'; const D: char = '\\''; fn e<'a>(x: &'a str) {}\n\
                    // after/them.rs\n";
        assert_eq!(
            messages("src/a.rs", text),
            ["src/a.rs:5: `after/them.rs`: no such file (looked from the repository root or from src/)"]
        );
    }

    #[test]
    fn block_comments_count_with_their_lines() {
        let text = "//! Doc.\n/* one\n   two gone/away.rs */\nfn a() {}\n";
        assert_eq!(messages("a.rs", text).len(), 1);
        assert!(messages("a.rs", text)[0].starts_with("a.rs:3: `gone/away.rs`"));
    }

    #[test]
    fn a_line_number_after_a_path_is_not_part_of_it() {
        let text = "//! See crates/catalogue/src/view.rs:42, crates/catalogue/src/nope.rs:7:1.\n";
        assert_eq!(messages("a.rs", text).len(), 1);
        assert!(messages("a.rs", text)[0].contains("`crates/catalogue/src/nope.rs`"));
    }

    #[test]
    fn an_anchor_must_name_a_heading_of_its_file() {
        let ok = "//! See README.md#url-parameters, data/README.md#limits-table and\n\
                  //! docs/catalogue-format.md#size-limits.\n";
        assert!(messages("a.rs", ok).is_empty());
        let bad = "//! See README.md#url-params and docs/catalogue-format.md#not-a-heading.\n";
        assert_eq!(
            messages("src/a.rs", bad),
            [
                "src/a.rs:1: `README.md#url-params`: README.md has no heading with that anchor",
                "src/a.rs:1: `docs/catalogue-format.md#not-a-heading`: docs/catalogue-format.md has no heading with that anchor",
            ]
        );
        assert_eq!(
            messages("a.rs", "//! See NOTES.md#intro.\n"),
            ["a.rs:1: `NOTES.md#intro`: no such file (looked from the repository root)"]
        );
    }

    #[test]
    fn a_section_must_exist_in_its_file() {
        assert!(messages("a.rs", "//! As docs/catalogue-format.md §1 says.\n").is_empty());
        assert_eq!(
            messages("a.rs", "//! As docs/catalogue-format.md §4 and README §2 say.\n"),
            [
                "a.rs:1: `docs/catalogue-format.md §4`: docs/catalogue-format.md has no section numbered 4",
                "a.rs:1: `README §2`: README.md has no section numbered 2",
            ]
        );
    }

    #[test]
    fn citing_the_design_document_is_an_offence() {
        let text = "//! The catalogue: the data contract of DESIGN §1, as Rust types.\n\
                    // See DESIGN.md for the rest; DESIGN_NOTES is a name, not a citation.\n";
        let found = messages("crates/catalogue/src/model.rs", text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0]
            .starts_with("crates/catalogue/src/model.rs:1: `DESIGN §1` cites the design document"));
        assert!(found[1].starts_with("crates/catalogue/src/model.rs:2: `DESIGN.md` cites"));
    }

    /// The check alone, on the working tree, without the bootstrap and the
    /// rest of `cargo xtask test`: `cargo test -p xtask tidy -- --ignored`.
    #[test]
    #[ignore = "reads the working tree; cargo xtask test runs the same check"]
    fn the_working_tree_is_tidy() {
        if let Err(e) = run(&crate::tools::workspace_root()) {
            panic!("{e}");
        }
    }

    #[test]
    fn headings_get_github_anchors() {
        let slugs: Vec<String> = headings(
            "# Catalogue format\n## `#feature-<id>` anchors\n## 3. URL query parameters\n## Limits\n## Limits\n",
        )
        .into_iter()
        .map(|h| h.slug)
        .collect();
        assert_eq!(
            slugs,
            [
                "catalogue-format",
                "feature-id-anchors",
                "3-url-query-parameters",
                "limits",
                "limits-1"
            ]
        );
    }
}
