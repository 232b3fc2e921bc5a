//! Validating a parsed catalogue: every problem at once, each with its JSON path.

mod checks;

use std::fmt;

use crate::inline::{check_link, LinkKind};
use crate::load::limits;
use crate::model::{Catalogue, SUPPORTED_VERSION};

pub use checks::{is_valid_id, is_valid_release};
use checks::{join_ids, truncate, Validator};

// The widget and the CLI check a file's size before reading it through this path.
pub use crate::load::check_size;

/// One validation problem, at a JSON path such as `features[12].stage`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every semantic problem of a parsed catalogue.
pub fn validate(c: &Catalogue) -> Vec<Problem> {
    let mut v = Validator::default();
    if c.version != SUPPORTED_VERSION {
        v.problem(
            "version",
            format!(
                "unsupported version {}; this widget reads version {SUPPORTED_VERSION}",
                c.version
            ),
        );
    }
    v.name("locale", &c.locale, limits::MAX_ID_CHARS);
    v.name("title", &c.title, limits::MAX_NAME_CHARS);
    v.optional_name("description", &c.description, limits::MAX_NAME_CHARS);
    v.optional_name(
        "definitions_heading",
        &c.definitions_heading,
        limits::MAX_NAME_CHARS,
    );
    v.optional_name(
        "features_heading",
        &c.features_heading,
        limits::MAX_NAME_CHARS,
    );
    v.inline("intro", &c.intro);
    v.inline("features_intro", &c.features_intro);
    v.inline("footer", &c.footer);
    if let Some(base) = &c.base_url {
        match check_link(base) {
            Ok(LinkKind::Absolute) => {}
            Ok(_) => v.problem("base_url", "must be an absolute http: or https: URL".into()),
            Err(e) => v.problem("base_url", e.to_string()),
        }
    }

    v.count("releases", c.releases.len(), 0, limits::MAX_GROUPS);
    let mut release_seen: Vec<&str> = Vec::new();
    for (i, release) in c.releases.iter().enumerate() {
        let path = format!("releases[{i}]");
        if !is_valid_release(release) {
            v.problem(
                &path,
                format!(
                    "invalid release id {:?}; use letters, digits, '.', '-' and '_'",
                    truncate(release, 60)
                ),
            );
        } else if release_seen.contains(&release.as_str()) {
            v.problem(&path, format!("duplicate release {release:?}"));
        }
        release_seen.push(release);
    }
    v.count("stages", c.stages.len(), 1, limits::MAX_GROUPS);
    v.count("aspects", c.aspects.len(), 0, limits::MAX_GROUPS);
    v.count("categories", c.categories.len(), 1, limits::MAX_GROUPS);
    v.count("features", c.features.len(), 0, limits::MAX_FEATURES);

    let stage_ids = v.ids("stages", c.stages.iter().map(|s| s.id.as_str()).collect());
    let category_ids = v.ids(
        "categories",
        c.categories.iter().map(|s| s.id.as_str()).collect(),
    );
    v.ids("aspects", c.aspects.iter().map(|s| s.id.as_str()).collect());
    v.ids(
        "features",
        c.features.iter().map(|s| s.id.as_str()).collect(),
    );
    let stage_list = join_ids(c.stages.iter().map(|s| s.id.as_str()));
    let category_list = join_ids(c.categories.iter().map(|s| s.id.as_str()));

    for (i, stage) in c.stages.iter().enumerate() {
        v.name(
            &format!("stages[{i}].label"),
            &stage.label,
            limits::MAX_NAME_CHARS,
        );
    }
    for (i, category) in c.categories.iter().enumerate() {
        v.name(
            &format!("categories[{i}].label"),
            &category.label,
            limits::MAX_NAME_CHARS,
        );
    }
    for (i, aspect) in c.aspects.iter().enumerate() {
        let path = format!("aspects[{i}]");
        v.name(
            &format!("{path}.label"),
            &aspect.label,
            limits::MAX_NAME_CHARS,
        );
        for stage in &c.stages {
            if !aspect.definitions.contains_key(&stage.id) {
                v.problem(
                    &format!("{path}.definitions"),
                    format!("missing definition for stage \"{}\"", stage.id),
                );
            }
        }
        for (stage, text) in &aspect.definitions {
            let def_path = format!("{path}.definitions.{stage}");
            if !stage_ids.contains(stage.as_str()) {
                v.problem(
                    &def_path,
                    format!(
                        "unknown stage {:?}; known: {stage_list}",
                        truncate(stage, 60)
                    ),
                );
            }
            v.inline(&def_path, text);
        }
    }
    for (i, feature) in c.features.iter().enumerate() {
        let path = format!("features[{i}]");
        v.name(
            &format!("{path}.name"),
            &feature.name,
            limits::MAX_NAME_CHARS,
        );
        if !stage_ids.contains(feature.stage.as_str()) {
            v.problem(
                &format!("{path}.stage"),
                format!(
                    "unknown stage {:?}; known: {stage_list}",
                    truncate(&feature.stage, 60)
                ),
            );
        }
        if !category_ids.contains(feature.category.as_str()) {
            v.problem(
                &format!("{path}.category"),
                format!(
                    "unknown category {:?}; known: {category_list}",
                    truncate(&feature.category, 60)
                ),
            );
        }
        if let Some(link) = &feature.link {
            v.link(&format!("{path}.link"), link);
        }
        if let Some(note) = &feature.note {
            v.inline(&format!("{path}.note"), note);
        }
        v.history(c, &path, feature, &stage_list);
        if let Some(deprecated) = &feature.deprecated {
            let since_path = format!("{path}.deprecated.since");
            if c.releases.is_empty() {
                v.name(&since_path, &deprecated.since, limits::MAX_ID_CHARS);
            } else if c.release_rank(&deprecated.since).is_none() {
                v.problem(&since_path, unknown_release(c, &deprecated.since));
            }
            if let Some(replacement) = &deprecated.replacement {
                v.inline(&format!("{path}.deprecated.replacement"), replacement);
            }
        }
    }
    v.problems
}

fn unknown_release(c: &Catalogue, id: &str) -> String {
    let known = join_ids(c.releases.iter().map(String::as_str));
    format!("unknown release {:?}; known: {known}", truncate(id, 60))
}

impl Validator {
    /// A feature's history: known stages and releases, releases in order,
    /// and a last entry at the feature's current stage.
    fn history(&mut self, c: &Catalogue, path: &str, feature: &crate::Feature, stage_list: &str) {
        if feature.history.is_empty() {
            return;
        }
        if c.releases.is_empty() {
            self.problem(
                &format!("{path}.history"),
                "needs the catalogue's top-level `releases`".into(),
            );
            return;
        }
        let mut previous: Option<usize> = None;
        for (j, change) in feature.history.iter().enumerate() {
            let entry = format!("{path}.history[{j}]");
            if c.stage(&change.stage).is_none() {
                self.problem(
                    &format!("{entry}.stage"),
                    format!(
                        "unknown stage {:?}; known: {stage_list}",
                        truncate(&change.stage, 60)
                    ),
                );
            }
            match c.release_rank(&change.since) {
                None => self.problem(&format!("{entry}.since"), unknown_release(c, &change.since)),
                Some(rank) => {
                    if previous.is_some_and(|p| rank <= p) {
                        self.problem(
                            &format!("{entry}.since"),
                            format!(
                                "release {:?} is not after the previous entry's; list the history oldest first",
                                change.since
                            ),
                        );
                    }
                    previous = Some(rank);
                }
            }
        }
        if let Some(last) = feature.history.last() {
            if last.stage != feature.stage {
                self.problem(
                    &format!("{path}.history"),
                    format!(
                        "the last entry's stage {:?} is not the feature's stage {:?}",
                        truncate(&last.stage, 60),
                        truncate(&feature.stage, 60)
                    ),
                );
            }
        }
    }
}
