//! The browser's services the widget uses besides the URL (`url.rs`):
//! fetching a catalogue, writing a link to the clipboard, and the locale's
//! collation. Each reports back by dispatching an action; nothing here runs
//! during prerendering, which never fetches, copies or sorts by name.

use std::rc::Rc;

use catalogue::Catalogue;
use js_sys::{Array, Intl, Object};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::UseReducerDispatcher;

use crate::state::{Action, CopyStatus, Failure, State};

/// Fetches the catalogue for `lang` (from `src`, or the bundled one shipped
/// next to the bundle) and dispatches it, or why it cannot be shown.
pub fn load_catalogue(lang: &str, src: Option<String>, dispatcher: UseReducerDispatcher<State>) {
    let src = src.unwrap_or_else(|| crate::url::asset(&bundled_file(lang)));
    spawn_local(async move { dispatcher.dispatch(Action::Loaded(fetch_catalogue(&src).await)) });
}

/// File name of the bundled catalogue for `lang` (English when there is none).
fn bundled_file(lang: &str) -> String {
    let lang = if crate::i18n::is_supported(lang) {
        lang
    } else {
        "en"
    };
    format!("features.{lang}.json")
}

/// Fetches and validates a catalogue from `src`.
async fn fetch_catalogue(src: &str) -> Result<Rc<Catalogue>, Failure> {
    let fail = |reason: String| Failure::Fetch {
        url: src.to_string(),
        reason,
    };
    let window = web_sys::window().ok_or_else(|| fail("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(src))
        .await
        .map_err(|e| fail(js_error_text(&e, "network error")))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| fail("not a response".into()))?;
    if !response.ok() {
        return Err(fail(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    // Refuse an oversized catalogue before reading its body.
    let declared = response.headers().get("content-length").ok().flatten();
    if let Some(bytes) = declared.and_then(|n| n.parse::<u64>().ok()) {
        catalogue::validate::check_size(bytes)?;
    }
    let buffer = response
        .array_buffer()
        .map_err(|e| fail(js_error_text(&e, "unreadable body")))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|e| fail(js_error_text(&e, "unreadable body")))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    catalogue::load(&bytes).map(Rc::new).map_err(Failure::from)
}

fn js_error_text(e: &JsValue, fallback: &str) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| fallback.to_string())
}

/// Writes `link` to the clipboard and dispatches how that went: copied, or
/// refused (the reader gets the link to copy by hand).
pub fn copy_to_clipboard(link: String, dispatcher: UseReducerDispatcher<State>) {
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    spawn_local(async move {
        let ok = match clipboard {
            Some(clipboard) => JsFuture::from(clipboard.write_text(&link)).await.is_ok(),
            None => false,
        };
        let status = if ok {
            CopyStatus::Copied
        } else {
            CopyStatus::CopyByHand(link)
        };
        dispatcher.dispatch(Action::CopyFinished(status));
    });
}

/// The browser's collation for `locale` (pinyin order for zh), made on the
/// first comparison: prerendering and unsorted views never ask for it.
pub fn collator(locale: &str) -> impl Fn(&str, &str) -> std::cmp::Ordering {
    let locale = locale.to_string();
    let compare = std::cell::OnceCell::new();
    move |a, b| {
        compare
            .get_or_init(|| {
                let locales = Array::of1(&JsValue::from_str(&locale));
                Intl::Collator::new(&locales, &Object::new()).compare()
            })
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|v| v.as_f64())
            .map_or(std::cmp::Ordering::Equal, |n| {
                n.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
            })
    }
}
