//! The query-string codec: a view to and from URL parameters (the
//! parameters are described in `docs/url-parameters.md`).
//!
//! Parsing never fails: values that do not fit are dropped or clamped and a
//! warning says so. Serialising keeps every parameter that is not ours.

use crate::validate::{is_valid_id, is_valid_release};
use crate::view::{
    AttributeFilter, Definitions, Sort, SortDir, SortKey, ViewMode, ViewQuery, ATTRIBUTE_PARAM,
    MAX_QUERY_CHARS, SORT_KEYS,
};

/// Our parameter names, in the order they are written.
pub const PARAMS: [&str; 10] = [
    "q", "stage", "category", "sort", "dir", "lang", "defs", "release", "changed", "view",
];

/// Most ids kept from one comma-separated list.
const MAX_LIST_IDS: usize = 200;

/// A view read from a query string, with a warning per ignored value.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Parsed {
    pub view: ViewQuery,
    pub warnings: Vec<String>,
}

/// A parameter's name under an instance's prefix: `q`, or `b.q` for prefix `b`.
pub fn param_name(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

/// Reads a view from a query string (with or without the leading `?`).
/// With a `prefix`, parameters are named `prefix.q`, `prefix.stage`, ….
pub fn parse_query(query: &str, prefix: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut values: [Option<String>; PARAMS.len()] = Default::default();
    for pair in query.strip_prefix('?').unwrap_or(query).split('&') {
        if pair.is_empty() {
            continue;
        }
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(name) = percent_decode(raw_name) else {
            continue;
        };
        let slot = PARAMS.iter().position(|p| param_name(prefix, p) == name);
        let attribute = attribute_param(prefix, &name);
        if slot.is_none() && attribute.is_none() {
            continue;
        }
        let Some(value) = percent_decode(raw_value) else {
            parsed
                .warnings
                .push(format!("{name}: malformed percent-encoding; value ignored"));
            continue;
        };
        let Some(slot) = slot else {
            let id = attribute.unwrap_or_default();
            attribute_filter(&mut parsed, &name, id, &value);
            continue;
        };
        if values[slot].is_some() {
            parsed.warnings.push(format!(
                "{name}: given more than once; the first value is used"
            ));
            continue;
        }
        values[slot] = Some(value);
    }
    let [q, stage, category, sort, dir, lang, defs, release, changed, view_mode] = values;
    let warn = |w: &mut Vec<String>, name: &str, msg: String| {
        w.push(format!("{}: {msg}", param_name(prefix, name)))
    };
    let w = &mut parsed.warnings;
    let view = &mut parsed.view;

    if let Some(q) = q {
        if q.chars().count() > MAX_QUERY_CHARS {
            warn(
                w,
                "q",
                format!("longer than {MAX_QUERY_CHARS} characters; shortened"),
            );
            view.q = q.chars().take(MAX_QUERY_CHARS).collect();
        } else {
            view.q = q;
        }
    }
    view.stages = id_list(stage.as_deref(), &mut |m| warn(w, "stage", m));
    view.categories = id_list(category.as_deref(), &mut |m| warn(w, "category", m));
    let dir = match dir.as_deref() {
        None => SortDir::Asc,
        Some(d) => SortDir::parse(d).unwrap_or_else(|| {
            warn(
                w,
                "dir",
                format!("{:?} is not asc or desc; using asc", short(d)),
            );
            SortDir::Asc
        }),
    };
    view.sort = match sort.as_deref() {
        None => None,
        Some(s) => match SortKey::parse(s) {
            Some(key) => Some(Sort { key, dir }),
            None => {
                warn(
                    w,
                    "sort",
                    format!("{:?} is not {SORT_KEYS}; ignored", short(s)),
                );
                None
            }
        },
    };
    view.lang = match lang {
        Some(l) if is_valid_lang(&l) => Some(l),
        Some(l) => {
            warn(
                w,
                "lang",
                format!("{:?} is not a language tag; ignored", short(&l)),
            );
            None
        }
        None => None,
    };
    view.defs = match defs.as_deref() {
        None | Some("0") => Definitions::Closed,
        Some("1") => Definitions::Open,
        Some(id) if is_valid_id(id) => Definitions::AtStage(id.to_string()),
        Some(other) => {
            warn(
                w,
                "defs",
                format!("{:?} is not 1 or a stage id; ignored", short(other)),
            );
            Definitions::Closed
        }
    };
    for (name, value, slot) in [
        ("release", release, &mut view.release),
        ("changed", changed, &mut view.changed),
    ] {
        let valid = |r: &str| match r.split_once("..") {
            Some((from, to)) if name == "changed" => is_valid_release(from) && is_valid_release(to),
            _ => is_valid_release(r),
        };
        *slot = match value {
            Some(r) if valid(&r) => Some(r),
            Some(r) => {
                warn(
                    w,
                    name,
                    format!("{:?} is not a release id; ignored", short(&r)),
                );
                None
            }
            None => None,
        };
    }
    view.view = view_mode.and_then(|v| {
        let mode = ViewMode::parse(&v);
        if mode.is_none() {
            warn(
                w,
                "view",
                format!("{:?} is not table or releases; ignored", short(&v)),
            );
        }
        mode
    });
    parsed
}

/// The attribute id in a parameter name `attr.<id>` (under the prefix), if
/// the name is one.
fn attribute_param<'a>(prefix: &str, name: &'a str) -> Option<&'a str> {
    let rest = if prefix.is_empty() {
        name
    } else {
        name.strip_prefix(prefix)?.strip_prefix('.')?
    };
    rest.strip_prefix(ATTRIBUTE_PARAM)
}

/// Reads one `attr.<id>=a,b` parameter into the view.
fn attribute_filter(parsed: &mut Parsed, name: &str, id: &str, value: &str) {
    let w = &mut parsed.warnings;
    if !is_valid_id(id) {
        w.push(format!(
            "{name}: {:?} is not an attribute id; ignored",
            short(id)
        ));
    } else if parsed.view.attributes.iter().any(|f| f.id == id) {
        w.push(format!(
            "{name}: given more than once; the first value is used"
        ));
    } else if parsed.view.attributes.len() >= MAX_LIST_IDS {
        w.push(format!(
            "{name}: more than {MAX_LIST_IDS} attribute filters; ignored"
        ));
    } else {
        let values = id_list(Some(value), &mut |m| w.push(format!("{name}: {m}")));
        if !values.is_empty() {
            parsed.view.attributes.push(AttributeFilter {
                id: id.to_string(),
                values,
            });
        }
    }
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

/// A language tag as we accept it: `en`, `zh`, `zh-hans`, `pt-br`.
pub fn is_valid_lang(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn id_list(value: Option<&str>, warn: &mut dyn FnMut(String)) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for id in value.unwrap_or("").split(',').filter(|s| !s.is_empty()) {
        if !is_valid_id(id) {
            warn(format!("{:?} is not an id; ignored", short(id)));
        } else if ids.len() >= MAX_LIST_IDS {
            warn(format!(
                "more than {MAX_LIST_IDS} ids; the rest are ignored"
            ));
            break;
        } else if !ids.iter().any(|s| s == id) {
            ids.push(id.to_string());
        }
    }
    ids
}

/// Writes `view` into `existing` (a query string): our parameters are
/// replaced, every other parameter is kept as it was, in place.
/// Returns the query without a leading `?`; empty when nothing is left.
pub fn serialize_query(view: &ViewQuery, prefix: &str, existing: &str) -> String {
    let ours: Vec<String> = PARAMS.iter().map(|p| param_name(prefix, p)).collect();
    let mut out: Vec<String> = existing
        .strip_prefix('?')
        .unwrap_or(existing)
        .split('&')
        .filter(|pair| {
            let name = pair.split_once('=').map_or(*pair, |(n, _)| n);
            !pair.is_empty()
                && !percent_decode(name)
                    .is_some_and(|n| ours.contains(&n) || attribute_param(prefix, &n).is_some())
        })
        .map(str::to_string)
        .collect();
    let mut push = |name: &str, value: &str| {
        out.push(format!(
            "{}={}",
            percent_encode(&param_name(prefix, name)),
            percent_encode(value)
        ));
    };
    if !view.q.is_empty() {
        push("q", &view.q);
    }
    if !view.stages.is_empty() {
        push("stage", &view.stages.join(","));
    }
    if !view.categories.is_empty() {
        push("category", &view.categories.join(","));
    }
    for filter in &view.attributes {
        push(&filter.param(), &filter.values.join(","));
    }
    if let Some(sort) = &view.sort {
        push("sort", sort.key.as_str());
        if sort.dir == SortDir::Desc {
            push("dir", sort.dir.as_str());
        }
    }
    if let Some(lang) = &view.lang {
        push("lang", lang);
    }
    match &view.defs {
        Definitions::Closed => {}
        Definitions::Open => push("defs", "1"),
        Definitions::AtStage(id) => push("defs", id),
    }
    if let Some(release) = &view.release {
        push("release", release);
    }
    if let Some(changed) = &view.changed {
        push("changed", changed);
    }
    if let Some(mode) = view.view {
        push("view", mode.as_str());
    }
    out.join("&")
}

/// Decodes `%XX` escapes and `+` (space). `None` for malformed escapes or
/// bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes everything but unreserved characters and `,`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
