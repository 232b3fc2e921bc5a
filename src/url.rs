//! The one place that touches `location` and `history`.

use catalogue::codec::{parse_query, serialize_query, Parsed};
use catalogue::view::ViewQuery;
use wasm_bindgen::JsValue;

/// The page's current query string (with its `?`), or empty.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The view the page URL asks for, under `prefix`. A language the widget has
/// no catalogue and UI text for is ignored with a warning.
pub fn read_view(prefix: &str) -> Parsed {
    let mut parsed = parse_query(&current_query(), prefix);
    if let Some(lang) = parsed.view.lang.take() {
        if crate::i18n::is_supported(&lang) {
            parsed.view.lang = Some(lang);
        } else {
            let known: Vec<&str> = crate::i18n::LANGUAGES.iter().map(|(c, _)| *c).collect();
            parsed.warnings.push(format!(
                "{}: unknown language {lang:?}; known: {}; ignored",
                catalogue::codec::param_name(prefix, "lang"),
                known.join(", ")
            ));
        }
    }
    parsed
}

/// The page URL with `view` written into its query, keeping other parameters.
pub fn url_for(view: &ViewQuery, prefix: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let query = serialize_query(view, prefix, &location.search().ok()?);
    let mut url = location.pathname().ok()?;
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query);
    }
    url.push_str(&location.hash().ok()?);
    Some(url)
}

/// The absolute page URL for `view`, for "Copy link".
pub fn absolute_url_for(view: &ViewQuery, prefix: &str) -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    Some(format!("{origin}{}", url_for(view, prefix)?))
}

/// Writes `view` into the page URL as a new history entry (a discrete
/// change: Back undoes it). Does nothing when the URL already says the same.
pub fn push_view(view: &ViewQuery, prefix: &str) {
    write_view(view, prefix, true);
}

/// Writes `view` into the page URL in place of the current history entry
/// (another keystroke of a typing run). Does nothing when the URL already
/// says the same.
pub fn replace_view(view: &ViewQuery, prefix: &str) {
    write_view(view, prefix, false);
}

/// [`push_view`] (`push`) or [`replace_view`]: one body, so that the bundle
/// holds the comparison with the current URL once.
fn write_view(view: &ViewQuery, prefix: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(url) = url_for(view, prefix) else {
        return;
    };
    let location = window.location();
    let current = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    if current == url {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let result = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    if let Err(e) = result {
        web_sys::console::warn_2(&"feature-matrix: could not update the URL".into(), &e);
    }
}

thread_local! {
    static ASSET_BASE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Where the bundle's files are (the bundled catalogues), as `embed.js`
/// finds it from its own URL; relative to the page until set.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = setAssetBase)]
pub fn set_asset_base(base: String) {
    ASSET_BASE.with(|b| *b.borrow_mut() = base);
}

/// The URL of one of the bundle's files.
pub fn asset(file: &str) -> String {
    ASSET_BASE.with(|b| format!("{}{file}", b.borrow()))
}

/// The `id` of a feature's row: `feature-<id>`, after the instance's URL
/// prefix when it has one (`b-feature-<id>`).
pub fn feature_anchor(prefix: Option<&str>, id: &str) -> String {
    match prefix {
        Some(p) if !p.is_empty() => format!("{p}-feature-{id}"),
        _ => format!("feature-{id}"),
    }
}

/// The feature id the page's `#…-feature-<id>` fragment names for this instance.
pub fn pinned_from_hash(prefix: Option<&str>) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = catalogue::codec::percent_decode(hash.strip_prefix('#')?)?;
    let anchor = feature_anchor(prefix, "");
    fragment
        .strip_prefix(&anchor)
        .filter(|id| !id.is_empty())
        .map(str::to_string)
}

/// The page's URL as it is now, with a feature's anchor as its fragment.
pub fn feature_url(anchor: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}{}#{anchor}",
        location.origin().ok()?,
        location.pathname().ok()?,
        location.search().ok()?
    ))
}

/// Logs each warning to the console, prefixed so a reader knows the source.
pub fn warn_all(warnings: &[String]) {
    for w in warnings {
        web_sys::console::warn_1(&format!("feature-matrix: {w}").into());
    }
}
