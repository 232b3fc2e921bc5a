//! Validating a parsed catalogue: every problem at once, each with its JSON
//! path. The rules are those of `docs/catalogue-format.md`.

mod checks;

use std::fmt;

use crate::inline::{check_link, LinkKind};
use crate::load::limits;
use crate::model::{AttributeKind, Catalogue, Feature, Value, SUPPORTED_VERSION};
use crate::view::SortKey;

pub(crate) use checks::truncate;
pub use checks::{is_valid_id, is_valid_release};
use checks::{join_ids, IdSet, Validator};

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

/// Every semantic problem of a parsed catalogue, in the order of its parts.
pub fn validate(c: &Catalogue) -> Vec<Problem> {
    let mut v = Validator::default();
    top_level(&mut v, c);
    releases(&mut v, c);
    v.count("stages", c.stages.len(), 1, limits::MAX_GROUPS);
    v.count("aspects", c.aspects.len(), 0, limits::MAX_GROUPS);
    v.count("categories", c.categories.len(), 1, limits::MAX_GROUPS);
    v.count("attributes", c.attributes.len(), 0, limits::MAX_ATTRIBUTES);
    v.count("features", c.features.len(), 0, limits::MAX_FEATURES);
    let known = ids(&mut v, c);
    stages(&mut v, c);
    categories(&mut v, c);
    attributes(&mut v, c);
    aspects(&mut v, c, &known);
    features(&mut v, c, &known);
    v.problems
}

/// The stage and category ids that definitions and features refer to.
struct Known<'a> {
    stages: IdSet<'a>,
    categories: IdSet<'a>,
    /// The stage ids, listed for a message.
    stage_list: String,
    /// The category ids, listed for a message.
    category_list: String,
}

/// The version, and the page's own texts and base URL.
fn top_level(v: &mut Validator, c: &Catalogue) {
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
}

/// The release ids: how many, their form, no repeats.
fn releases(v: &mut Validator, c: &Catalogue) {
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
}

/// The ids of every list, checked for form and uniqueness; the stage and
/// category ids kept for lookups.
fn ids<'a>(v: &mut Validator, c: &'a Catalogue) -> Known<'a> {
    let stages = v.ids("stages", c.stages.iter().map(|s| s.id.as_str()).collect());
    let categories = v.ids(
        "categories",
        c.categories.iter().map(|s| s.id.as_str()).collect(),
    );
    v.ids("aspects", c.aspects.iter().map(|s| s.id.as_str()).collect());
    v.ids(
        "attributes",
        c.attributes.iter().map(|s| s.id.as_str()).collect(),
    );
    v.ids(
        "features",
        c.features.iter().map(|s| s.id.as_str()).collect(),
    );
    Known {
        stages,
        categories,
        stage_list: join_ids(c.stages.iter().map(|s| s.id.as_str())),
        category_list: join_ids(c.categories.iter().map(|s| s.id.as_str())),
    }
}

fn stages(v: &mut Validator, c: &Catalogue) {
    for (i, stage) in c.stages.iter().enumerate() {
        v.name(
            &format!("stages[{i}].label"),
            &stage.label,
            limits::MAX_NAME_CHARS,
        );
    }
}

fn categories(v: &mut Validator, c: &Catalogue) {
    for (i, category) in c.categories.iter().enumerate() {
        v.name(
            &format!("categories[{i}].label"),
            &category.label,
            limits::MAX_NAME_CHARS,
        );
    }
}

/// Each attribute's label, and values for an `enum` and only for one.
fn attributes(v: &mut Validator, c: &Catalogue) {
    for (i, attribute) in c.attributes.iter().enumerate() {
        let path = format!("attributes[{i}]");
        v.name(
            &format!("{path}.label"),
            &attribute.label,
            limits::MAX_NAME_CHARS,
        );
        if SortKey::FIXED.iter().any(|k| k.as_str() == attribute.id) {
            v.problem(
                &format!("{path}.id"),
                format!("{:?} names a fixed column; pick another id", attribute.id),
            );
        }
        let values = format!("{path}.values");
        if attribute.kind == AttributeKind::Enum {
            v.count(&values, attribute.values.len(), 1, limits::MAX_ATTRIBUTES);
            v.ids(
                &values,
                attribute.values.iter().map(|s| s.id.as_str()).collect(),
            );
            for (j, value) in attribute.values.iter().enumerate() {
                v.name(
                    &format!("{values}[{j}].label"),
                    &value.label,
                    limits::MAX_NAME_CHARS,
                );
            }
        } else if !attribute.values.is_empty() {
            v.problem(
                &values,
                format!(
                    "only an enum attribute lists values; this one is {}",
                    attribute.kind.as_str()
                ),
            );
        }
    }
}

/// Each aspect's label, and a definition for every stage and only for known stages.
fn aspects(v: &mut Validator, c: &Catalogue, known: &Known) {
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
            if !known.stages.contains(stage.as_str()) {
                v.problem(&def_path, unknown("stage", stage, &known.stage_list));
            }
            v.inline(&def_path, text);
        }
    }
}

fn features(v: &mut Validator, c: &Catalogue, known: &Known) {
    for (i, f) in c.features.iter().enumerate() {
        feature(v, c, &format!("features[{i}]"), f, known);
    }
}

/// A feature at `path`: its name, stage and categories, link, texts,
/// attributes, history, deprecation and removal.
fn feature(v: &mut Validator, c: &Catalogue, path: &str, feature: &Feature, known: &Known) {
    v.name(
        &format!("{path}.name"),
        &feature.name,
        limits::MAX_NAME_CHARS,
    );
    if !known.stages.contains(feature.stage.as_str()) {
        v.problem(
            &format!("{path}.stage"),
            unknown("stage", &feature.stage, &known.stage_list),
        );
    }
    if !known.categories.contains(feature.category.as_str()) {
        v.problem(
            &format!("{path}.category"),
            unknown("category", &feature.category, &known.category_list),
        );
    }
    for (j, also) in feature.also_in.iter().enumerate() {
        let at = format!("{path}.also_in[{j}]");
        if !known.categories.contains(also) {
            v.problem(&at, unknown("category", also, &known.category_list));
        } else if *also == feature.category || feature.also_in[..j].contains(also) {
            v.problem(&at, format!("category {also:?} is already listed"));
        }
    }
    if let Some(link) = &feature.link {
        v.link(&format!("{path}.link"), link);
    }
    if let Some(description) = &feature.description {
        v.inline(&format!("{path}.description"), description);
    }
    if let Some(note) = &feature.note {
        v.inline(&format!("{path}.note"), note);
    }
    for (id, value) in &feature.attributes {
        attribute_value(v, c, &format!("{path}.attributes.{id}"), id, value);
    }
    history(v, c, path, feature, &known.stage_list);
    if let Some(deprecated) = &feature.deprecated {
        let at = format!("{path}.deprecated");
        release(v, c, &format!("{at}.since"), &deprecated.since);
        if let Some(replacement) = &deprecated.replacement {
            v.inline(&format!("{at}.replacement"), replacement);
        }
    }
    if let Some(removed) = &feature.removed {
        let at = format!("{path}.removed.since");
        release(v, c, &at, &removed.since);
        let removed_at = c.release_rank(&removed.since);
        let entered = feature
            .history
            .first()
            .and_then(|h| c.release_rank(&h.since));
        if let (Some(removed_at), Some(entered)) = (removed_at, entered) {
            if removed_at <= entered {
                v.problem(&at, "is not after the first entry of the history".into());
            }
        }
    }
}

/// A release at `path` (a deprecation's or removal's): a known release, or
/// any short text when the catalogue lists none.
fn release(v: &mut Validator, c: &Catalogue, path: &str, id: &str) {
    if c.releases.is_empty() {
        v.name(path, id, limits::MAX_ID_CHARS);
    } else if c.release_rank(id).is_none() {
        v.problem(path, unknown_release(c, id));
    }
}

/// A feature's value of the attribute `id`, of the attribute's kind.
fn attribute_value(v: &mut Validator, c: &Catalogue, path: &str, id: &str, value: &Value) {
    let Some(attribute) = c.attribute(id) else {
        let known = join_ids(c.attributes.iter().map(|a| a.id.as_str()));
        let known = if known.is_empty() {
            "none".into()
        } else {
            known
        };
        v.problem(path, unknown("attribute", id, &known));
        return;
    };
    match (attribute.kind, value) {
        (AttributeKind::Bool, Value::Bool(_)) => {}
        (AttributeKind::Bool, Value::Text(_)) => {
            v.problem(path, "expected true or false, found text".into())
        }
        (_, Value::Bool(_)) => v.problem(
            path,
            format!(
                "expected text, found true or false ({} attribute)",
                attribute.kind.as_str()
            ),
        ),
        (AttributeKind::Enum, Value::Text(t)) => {
            if !attribute.values.iter().any(|choice| &choice.id == t) {
                let known = join_ids(attribute.values.iter().map(|c| c.id.as_str()));
                v.problem(path, unknown("value", t, &known));
            }
        }
        (AttributeKind::Text, Value::Text(t)) => v.inline(path, t),
        (AttributeKind::Release, Value::Text(t)) => release(v, c, path, t),
    }
}

/// "unknown stage "Bta"; known: alpha, beta".
fn unknown(what: &str, id: &str, known: &str) -> String {
    format!("unknown {what} {:?}; known: {known}", truncate(id, 60))
}

fn unknown_release(c: &Catalogue, id: &str) -> String {
    let known = join_ids(c.releases.iter().map(String::as_str));
    unknown("release", id, &known)
}

/// A feature's history: known stages and releases, releases in order,
/// and a last entry at the feature's current stage.
fn history(v: &mut Validator, c: &Catalogue, path: &str, feature: &Feature, stage_list: &str) {
    if feature.history.is_empty() {
        return;
    }
    if c.releases.is_empty() {
        v.problem(
            &format!("{path}.history"),
            "needs the catalogue's top-level `releases`".into(),
        );
        return;
    }
    let mut previous: Option<usize> = None;
    for (j, change) in feature.history.iter().enumerate() {
        let entry = format!("{path}.history[{j}]");
        if c.stage(&change.stage).is_none() {
            v.problem(
                &format!("{entry}.stage"),
                unknown("stage", &change.stage, stage_list),
            );
        }
        match c.release_rank(&change.since) {
            None => v.problem(&format!("{entry}.since"), unknown_release(c, &change.since)),
            Some(rank) => {
                if previous.is_some_and(|p| rank <= p) {
                    v.problem(
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
            v.problem(
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
