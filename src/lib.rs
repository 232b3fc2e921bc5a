//! The feature-matrix widget: finds mount points, reads their `data-*`
//! attributes and renders one independent [`components::App`] into each.

mod browser;
pub mod components;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod state;
pub mod url;

use catalogue::view::ViewMode;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// How one mount point asked to be set up (its `data-*` attributes).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MountConfig {
    /// `data-lang`: locale of the catalogue and UI when the URL does not say.
    pub lang: String,
    /// `data-src`: a catalogue URL to fetch instead of the bundled one.
    pub src: Option<String>,
    /// `data-url-state`: present to sync the view with the URL; its value is
    /// the parameter prefix (empty for none).
    pub url_state: Option<String>,
    /// `data-theme`: `light` or `dark` to override the system preference.
    pub theme: Option<String>,
    /// `data-heading-level`: level of the title heading, 1 to 4 (default 2).
    pub heading_level: u8,
    /// `data-view`: the view a page opens in (`releases`: the release
    /// matrix, for catalogues with releases); the URL's `view` wins.
    pub view: ViewMode,
}

/// Attribute that marks a mount point.
pub const MOUNT_SELECTOR: &str = "[data-feature-matrix]";
/// The custom element `embed.js` defines, configured by plain attributes.
pub const CUSTOM_ELEMENT: &str = "feature-matrix";
const MOUNTED_ATTR: &str = "data-feature-matrix-mounted";

impl MountConfig {
    /// Reads the configuration from a mount point's attributes: `data-lang`,
    /// `data-src`, … on a `[data-feature-matrix]` element, and `lang`, `src`,
    /// … on a `<feature-matrix>` element.
    pub fn from_element(element: &Element) -> Self {
        let custom = element.tag_name().eq_ignore_ascii_case(CUSTOM_ELEMENT);
        let attr = |name: &str| {
            let name = if custom {
                name.to_string()
            } else {
                format!("data-{name}")
            };
            element.get_attribute(&name).map(|v| v.trim().to_string())
        };
        MountConfig {
            lang: attr("lang")
                .filter(|l| catalogue::codec::is_valid_lang(l))
                .unwrap_or_else(|| "en".into()),
            src: attr("src").filter(|s| !s.is_empty()),
            url_state: attr("url-state"),
            theme: attr("theme").filter(|t| t == "light" || t == "dark"),
            heading_level: attr("heading-level")
                .and_then(|l| l.parse().ok())
                .filter(|l| (1..=4).contains(l))
                .unwrap_or(2),
            view: attr("view")
                .and_then(|v| ViewMode::parse(&v))
                .unwrap_or_default(),
        }
    }
}

/// Once per page, when the module starts (before `embed.js` mounts anything):
/// a panic says which widget code stopped, in the console, and leaves the
/// widget's content (prerendered or rendered) as it was.
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(
            &format!("feature-matrix: internal error, the widget stopped responding: {info}")
                .into(),
        );
    }));
}

/// Mounts the widget into every `[data-feature-matrix]` element not yet
/// mounted; returns how many were mounted.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all() -> usize {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(nodes) = document.query_selector_all(MOUNT_SELECTOR) else {
        return 0;
    };
    let mut mounted = 0;
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if element.has_attribute(MOUNTED_ATTR) {
            continue;
        }
        let config = MountConfig::from_element(&element);
        mount(element, config);
        mounted += 1;
    }
    mounted
}

/// Renders the widget into `element` with `config`. When the element holds
/// prerendered markup with its catalogue (see [`PRERENDERED_DATA`]), the
/// widget takes that markup over in place (hydration) instead; a catalogue
/// block alone is rendered on the client without a fetch.
pub fn mount(element: Element, config: MountConfig) {
    // Setting an attribute on our own mount point cannot fail in practice;
    // if it did, the worst case is a second mount on a repeated call.
    let _ = element.set_attribute(MOUNTED_ATTR, "");
    if !crate::i18n::is_supported(&config.lang) {
        web_sys::console::warn_1(
            &format!(
                "feature-matrix: unknown language {:?}; showing English",
                config.lang
            )
            .into(),
        );
    }
    let mut props = components::AppProps {
        config,
        preloaded: None,
        typed: None,
        markup: false,
    };
    let host = element.clone();
    let handle = match take_prerendered(&element) {
        Some(Ok((catalogue, typed))) => {
            props.preloaded = Some(state::CatalogueRef(std::rc::Rc::new(catalogue)));
            props.typed = typed;
            // A catalogue block alone (no markup) is data for a client render.
            props.markup = host.child_element_count() > 0;
            let markup = props.markup;
            let renderer = yew::Renderer::<components::App>::with_root_and_props(element, props);
            if markup {
                renderer.hydrate()
            } else {
                renderer.render()
            }
        }
        Some(Err(e)) => {
            web_sys::console::warn_1(
                &format!(
                    "feature-matrix: the prerendered catalogue is unusable ({e}); rendering again"
                )
                .into(),
            );
            element.set_text_content(None);
            yew::Renderer::<components::App>::with_root_and_props(element, props).render()
        }
        None => yew::Renderer::<components::App>::with_root_and_props(element, props).render(),
    };
    MOUNTED.with(|mounted| mounted.borrow_mut().push((host, handle)));
}

/// Attribute of the `<script type="application/json">` block that carries a
/// prerendered widget's catalogue (data, not script: allowed by a strict CSP).
pub const PRERENDERED_DATA: &str = "data-feature-matrix-catalogue";

/// Takes the catalogue block out of a mount point that holds prerendered
/// markup, leaving exactly the markup to hydrate; also returns what the
/// reader already typed into the prerendered search box.
fn take_prerendered(
    element: &Element,
) -> Option<Result<(catalogue::Catalogue, Option<String>), catalogue::LoadError>> {
    let selector = format!(":scope > script[{PRERENDERED_DATA}]");
    let script = element.query_selector(&selector).ok().flatten()?;
    let text = script.text_content().unwrap_or_default();
    script.remove();
    // Whitespace between the blocks (template indentation) is not markup.
    let children = element.child_nodes();
    for i in (0..children.length()).rev() {
        if let Some(node) = children.item(i) {
            let blank = node.node_type() == web_sys::Node::TEXT_NODE
                && node.text_content().is_none_or(|t| t.trim().is_empty());
            if blank {
                let _ = element.remove_child(&node);
            }
        }
    }
    let typed = element
        .query_selector(".fm-search-input")
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value());
    Some(catalogue::load_str(&text).map(|c| (c, typed)))
}

thread_local! {
    /// Every mounted widget, so that one can be unmounted when its element leaves.
    static MOUNTED: std::cell::RefCell<Vec<(Element, yew::AppHandle<components::App>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Mounts the widget into one element (`[data-feature-matrix]` or
/// `<feature-matrix>`), configured by its attributes; false when it is
/// mounted already.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(element: Element) -> bool {
    if element.has_attribute(MOUNTED_ATTR) {
        return false;
    }
    let config = MountConfig::from_element(&element);
    mount(element, config);
    true
}

/// Unmounts the widget in `element` (docs sites that navigate on the client
/// remove mount points): its listeners go, the element is emptied and can be
/// mounted again. False when nothing was mounted there.
#[wasm_bindgen(js_name = unmountElement)]
pub fn unmount_element(element: &Element) -> bool {
    let handle = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let i = mounted.iter().position(|(e, _)| e == element)?;
        Some(mounted.swap_remove(i).1)
    });
    let _ = element.remove_attribute(MOUNTED_ATTR);
    handle.map(|h| h.destroy()).is_some()
}

/// Bytes of WebAssembly memory the widget holds (read by the benchmark).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()))
}
