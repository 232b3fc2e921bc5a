//! A Hugo markdown page (in the seed's form) → catalogue.
//!
//! Line-based on purpose: real pages split tables with blank lines (the
//! seed's 安全性 row), which a CommonMark parser reads as a paragraph. The
//! reader understands front matter, `## heading {#anchor}` sections,
//! `### category {#anchor}` headings, pipe tables with links in cells, notes
//! after the stage, and `{{< shortcode >}}` blocks (whose text becomes the footer).

use std::collections::HashSet;

use super::{quoted, slug, unique, Dropped, ImportError, Imported, Repair};
use crate::model::{Aspect, Catalogue, Category, Feature, Stage, Tone};

/// Options that the page itself does not say.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Locale; when `None`, taken from the front matter's first alias (`/zh/…`), else `en`.
    pub locale: Option<String>,
    pub base_url: Option<String>,
    /// An existing catalogue whose ids are reused, matched by position
    /// (aspects in order, categories in order, features within their category).
    pub ids_from: Option<Catalogue>,
}

/// Which part of the page the reader is in.
#[derive(PartialEq)]
enum Section {
    Intro,
    Definitions,
    Features,
}

/// Reads a catalogue from a Hugo markdown page, with the repairs it made
/// and the parts of the page it has no place for (table cells in columns
/// it does not read, a second features heading). The front matter's other
/// keys (`weight`, `icon`, …) are the page's, not the catalogue's, and are
/// not reported.
pub fn import_markdown(page: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    if page.len() > super::limits::MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: page.len() });
    }
    let (front, body) = split_front_matter(page);
    let mut reader = PageReader::new(front, options);
    // The body's first line number in the page: after the front matter and its two `---`.
    let first_line = 1 + front.lines().count() + usize::from(!front.is_empty()) * 2;
    let lines: Vec<&str> = body.lines().collect();
    for (n, raw) in lines.iter().enumerate() {
        // A table's header row is the one followed by a `|---|` row.
        let is_header = lines
            .get(n + 1)
            .is_some_and(|next| is_delimiter_row(next.trim()));
        reader.line(raw.trim(), first_line + n, is_header)?;
    }
    reader.finish()
}

/// The catalogue read so far, and where in the page the reader is.
struct PageReader<'a> {
    c: Catalogue,
    options: &'a ImportOptions,
    section: Section,
    /// Inside a `{{< shortcode >}}` block, whose text goes to the footer.
    in_shortcode: bool,
    used_ids: HashSet<String>,
    aspect_ids: HashSet<String>,
    /// The current features table's header cells, to name a dropped column.
    columns: Vec<String>,
    repairs: Vec<Repair>,
    dropped: Vec<Dropped>,
}

impl<'a> PageReader<'a> {
    /// A reader with the catalogue's title, description and locale from the
    /// front matter (the options' locale first).
    fn new(front: &str, options: &'a ImportOptions) -> Self {
        let locale = options
            .locale
            .clone()
            .or_else(|| locale_from_aliases(front))
            .unwrap_or_else(|| "en".into());
        let title = front_value(front, "title").unwrap_or_default();
        PageReader {
            c: Catalogue {
                description: front_value(front, "description").unwrap_or_default(),
                ..Catalogue::new(locale, title, options.base_url.clone())
            },
            options,
            section: Section::Intro,
            in_shortcode: false,
            used_ids: HashSet::new(),
            aspect_ids: HashSet::new(),
            columns: Vec::new(),
            repairs: Vec::new(),
            dropped: Vec::new(),
        }
    }

    /// Reads one trimmed line, number `line_no` of the page.
    fn line(&mut self, line: &str, line_no: usize, is_header: bool) -> Result<(), ImportError> {
        if line.starts_with("{{<") || line.starts_with("{{%") {
            self.in_shortcode = !line.contains("{{< /") && !line.contains("{{% /");
        } else if self.in_shortcode {
            append_text(&mut self.c.footer, line);
        } else if let Some(heading) = line.strip_prefix("### ") {
            self.category_heading(heading);
        } else if let Some(heading) = line.strip_prefix("## ") {
            self.section_heading(heading, line_no);
        } else if !line.starts_with('|') {
            self.prose(line);
        } else if !is_delimiter_row(line) {
            self.table_row(line, line_no, is_header)?;
        }
        Ok(())
    }

    /// A table row: a stage definition, or a feature once in the features
    /// (whose header rows carry nothing).
    fn table_row(
        &mut self,
        line: &str,
        line_no: usize,
        is_header: bool,
    ) -> Result<(), ImportError> {
        let cells = split_row(line);
        match self.section {
            Section::Definitions | Section::Intro => {
                self.definitions_row(&cells, is_header, line_no)
            }
            Section::Features if is_header => self.columns = cells,
            Section::Features => {
                self.feature_row(&cells, line_no)?;
                // Name, then stage: the catalogue has no place for more.
                self.drop_cells(&cells, 2, line_no);
            }
        }
        Ok(())
    }

    /// Reports the cells of a row from `first` (0-based) on that hold
    /// text, naming their column when the header did.
    fn drop_cells(&mut self, cells: &[String], first: usize, line_no: usize) {
        for (i, cell) in cells.iter().enumerate().skip(first) {
            if cell.is_empty() {
                continue;
            }
            let reason = match self.columns.get(i).filter(|c| !c.is_empty()) {
                Some(column) => {
                    format!(
                        "column {}, which the importer does not read",
                        quoted(column)
                    )
                }
                None => "a column the importer does not read".to_string(),
            };
            self.dropped.push(Dropped {
                path: format!("line {line_no}, cell {}", i + 1),
                reason: Some(reason),
            });
        }
    }

    /// `### Category {#anchor}`: a new category, whose rows follow.
    fn category_heading(&mut self, heading: &str) {
        let c = &mut self.c;
        let (label, anchor) = heading_anchor(heading);
        let index = c.categories.len();
        let id = self
            .options
            .ids_from
            .as_ref()
            .and_then(|o| o.categories.get(index))
            .map(|cat| cat.id.clone())
            .or(anchor)
            .unwrap_or_else(|| slug(&label, &format!("category-{}", index + 1)));
        c.categories.push(Category { id, label });
        self.section = Section::Features;
    }

    /// `## Heading`: the definitions' heading when it is the first, else the
    /// features' (a second one has no place, and is reported).
    fn section_heading(&mut self, heading: &str, line_no: usize) {
        let (label, _) = heading_anchor(heading);
        if self.c.stages.is_empty() && self.section == Section::Intro {
            self.section = Section::Definitions;
            self.c.definitions_heading = label;
        } else {
            self.section = Section::Features;
            if !self.c.features_heading.is_empty() {
                self.dropped.push(Dropped {
                    path: format!("line {line_no}"),
                    reason: Some(format!(
                        "heading {}: the catalogue has one features heading, {}",
                        quoted(&label),
                        quoted(&self.c.features_heading)
                    )),
                });
                return;
            }
            self.c.features_heading = label;
        }
    }

    /// A line of text (a blank one adds nothing): the intro before the
    /// definitions table, the features' intro before the first category, the
    /// footer after.
    fn prose(&mut self, line: &str) {
        let c = &mut self.c;
        let target = match self.section {
            Section::Intro => &mut c.intro,
            Section::Definitions if c.stages.is_empty() => &mut c.intro,
            _ if c.categories.is_empty() => &mut c.features_intro,
            _ => &mut c.footer,
        };
        append_text(target, line);
    }

    /// A row of the definitions table: the header names the stages, each
    /// other row is an aspect with a definition per stage.
    fn definitions_row(&mut self, cells: &[String], is_header: bool, line_no: usize) {
        if !is_header && self.c.stages.is_empty() {
            self.dropped.push(Dropped {
                path: format!("line {line_no}"),
                reason: Some("a table row before the stage-definitions table's header".into()),
            });
            return;
        }
        if !is_header {
            // A label, then one definition per stage.
            self.columns.clear();
            let stages = self.c.stages.len();
            self.drop_cells(cells, stages + 1, line_no);
        }
        let c = &mut self.c;
        if is_header && c.stages.is_empty() {
            c.stages = cells
                .iter()
                .skip(1)
                .filter(|s| !s.is_empty())
                .map(|s| stage_for(s))
                .collect();
        } else if !is_header && !c.stages.is_empty() {
            let index = c.aspects.len();
            let label = strip_emphasis(cells.first().map_or("", String::as_str));
            let id = self
                .options
                .ids_from
                .as_ref()
                .and_then(|o| o.aspects.get(index))
                .map(|a| a.id.clone())
                .unwrap_or_else(|| slug(&label, &format!("aspect-{}", index + 1)));
            let unique_id = unique(id.clone(), &mut self.aspect_ids);
            if unique_id != id {
                self.repairs.push(Repair {
                    path: format!("line {line_no}"),
                    message: format!(
                        "aspect {}: id {} is an earlier row's; renamed {}",
                        quoted(&label),
                        quoted(&id),
                        quoted(&unique_id)
                    ),
                });
            }
            let id = unique_id;
            let definitions = c
                .stages
                .iter()
                .zip(cells.iter().skip(1))
                .map(|(s, text)| (s.id.clone(), text.clone()))
                .collect();
            c.aspects.push(Aspect {
                id,
                label,
                definitions,
            });
        } else if is_header {
            self.dropped.push(Dropped {
                path: format!("line {line_no}"),
                reason: Some("a second header row for the stage definitions".into()),
            });
        }
    }

    /// A feature row of the current category: its name (and link), and its
    /// stage (and note).
    fn feature_row(&mut self, cells: &[String], line_no: usize) -> Result<(), ImportError> {
        let c = &mut self.c;
        let category = c
            .categories
            .last()
            .ok_or(ImportError::FeatureOutsideCategory { line: line_no })?
            .id
            .clone();
        let (name, link) = name_and_link(cells.first().map_or("", String::as_str));
        let stage_cell = cells.get(1).map_or("", String::as_str);
        let (stage, note) =
            stage_and_note(&c.stages, stage_cell).ok_or_else(|| ImportError::UnknownStage {
                line: line_no,
                stage: stage_cell.to_string(),
                known: c
                    .stages
                    .iter()
                    .map(|s| s.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        let position = c.features.iter().filter(|f| f.category == category).count();
        let category_index = c.categories.len() - 1;
        let id = self
            .options
            .ids_from
            .as_ref()
            .and_then(|o| {
                let old_category = &o.categories.get(category_index)?.id;
                o.features
                    .iter()
                    .filter(|f| &f.category == old_category)
                    .nth(position)
            })
            .map(|f| f.id.clone())
            .unwrap_or_else(|| slug(&name, &format!("{category}-{}", position + 1)));
        let id = unique(id, &mut self.used_ids);
        c.features.push(Feature {
            id,
            name,
            category,
            stage,
            link,
            note,
            ..Feature::default()
        });
        Ok(())
    }

    /// The catalogue, once it has stages and features.
    fn finish(self) -> Result<Imported, ImportError> {
        if self.c.stages.is_empty() {
            return Err(ImportError::NoStages);
        }
        if self.c.features.is_empty() {
            return Err(ImportError::NoFeatures);
        }
        Ok(Imported {
            catalogue: self.c,
            repairs: self.repairs,
            dropped: self.dropped,
        })
    }
}

fn split_front_matter(page: &str) -> (&str, &str) {
    let page = page.strip_prefix('\u{FEFF}').unwrap_or(page);
    if let Some(rest) = page
        .strip_prefix("---\n")
        .or_else(|| page.strip_prefix("---\r\n"))
    {
        if let Some(end) = rest.find("\n---") {
            let after = &rest[end + 4..];
            return (
                &rest[..end],
                after.split_once('\n').map_or("", |(_, body)| body),
            );
        }
    }
    ("", page)
}

fn front_value(front: &str, key: &str) -> Option<String> {
    front.lines().find_map(|l| {
        let value = l.strip_prefix(key)?.strip_prefix(':')?.trim();
        Some(value.trim_matches(|c| c == '"' || c == '\'').to_string())
    })
}

fn locale_from_aliases(front: &str) -> Option<String> {
    let alias = front
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("- /"))?;
    let first = alias.split('/').next()?;
    (first.len() == 2 && first.chars().all(|c| c.is_ascii_lowercase())).then(|| first.to_string())
}

/// `Label{#anchor}` → (label, anchor).
fn heading_anchor(heading: &str) -> (String, Option<String>) {
    match heading.rfind("{#") {
        Some(i) if heading.ends_with('}') => (
            heading[..i].trim().to_string(),
            Some(heading[i + 2..heading.len() - 1].to_string()),
        ),
        _ => (heading.trim().to_string(), None),
    }
}

fn is_delimiter_row(line: &str) -> bool {
    line.starts_with('|')
        && line.contains('-')
        && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn split_row(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

fn strip_emphasis(text: &str) -> String {
    text.trim()
        .trim_matches('*')
        .trim_matches('_')
        .trim()
        .to_string()
}

fn stage_for(label: &str) -> Stage {
    let label = strip_emphasis(label);
    let id = slug(&label, "stage");
    let tone = match id.as_str() {
        "alpha" | "experimental" => Tone::Experimental,
        "beta" | "preview" => Tone::Preview,
        "stable" | "ga" => Tone::Stable,
        "deprecated" => Tone::Deprecated,
        _ => Tone::Neutral,
    };
    Stage { id, label, tone }
}

/// A cell that is exactly `[text](url)` gives a linked name; otherwise the text.
fn name_and_link(cell: &str) -> (String, Option<String>) {
    if let [crate::inline::Segment::Link { text, url }] =
        crate::inline::parse_inline(cell).as_slice()
    {
        return (text.trim().to_string(), Some(url.clone()));
    }
    (cell.trim().to_string(), None)
}

/// `Alpha 不能同时启用 IPv4 和 IPv6` → (alpha, Some(note)); likewise
/// `Alpha. Dual-stack IPv4 and IPv6 is not supported.`: the cell starts
/// with a stage's label (the longest that fits), followed by nothing, a
/// space or punctuation; the rest, punctuation trimmed, is the note.
fn stage_and_note(stages: &[Stage], cell: &str) -> Option<(String, Option<String>)> {
    let cell = cell.trim();
    let (stage, rest) = stages
        .iter()
        .filter_map(|s| {
            let head = cell.get(..s.label.len())?;
            let rest = &cell[s.label.len()..];
            let ends_word = rest
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || ".,;:".contains(c));
            (head.eq_ignore_ascii_case(&s.label) && ends_word).then_some((s, rest))
        })
        .max_by_key(|(s, _)| s.label.len())?;
    let note = rest
        .trim_start_matches(|c: char| c.is_whitespace() || ".,;:".contains(c))
        .trim();
    Some((
        stage.id.clone(),
        (!note.is_empty()).then(|| note.to_string()),
    ))
}

fn append_text(target: &mut String, line: &str) {
    if line.is_empty() {
        return;
    }
    if !target.is_empty() {
        target.push(' ');
    }
    target.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stage_cell_is_the_stage_then_any_note() {
        let stages: Vec<Stage> = ["Alpha", "Beta", "General Availability"]
            .into_iter()
            .map(stage_for)
            .collect();
        let read = |cell| stage_and_note(&stages, cell);
        assert_eq!(read("Alpha"), Some(("alpha".into(), None)));
        assert_eq!(
            read("Alpha. Dual-stack IPv4 and IPv6 is not supported."),
            Some((
                "alpha".into(),
                Some("Dual-stack IPv4 and IPv6 is not supported.".into())
            ))
        );
        assert_eq!(
            read("Alpha 不能同时启用 IPv4 和 IPv6"),
            Some(("alpha".into(), Some("不能同时启用 IPv4 和 IPv6".into())))
        );
        assert_eq!(
            read("general availability, since 1.2"),
            Some(("general-availability".into(), Some("since 1.2".into())))
        );
        assert_eq!(read("Alphabet"), None);
        assert_eq!(read("Gamma"), None);
    }
}
