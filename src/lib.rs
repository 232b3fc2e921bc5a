//! The feature-matrix widget: finds mount points, reads their `data-*`
//! attributes and renders one independent [`components::App`] into each.

pub mod components;
pub mod i18n;
pub mod state;
pub mod url;

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
}

/// Attribute that marks a mount point.
pub const MOUNT_SELECTOR: &str = "[data-feature-matrix]";
const MOUNTED_ATTR: &str = "data-feature-matrix-mounted";

impl MountConfig {
    /// Reads the configuration from a mount point's attributes.
    pub fn from_element(element: &Element) -> Self {
        let attr = |name: &str| element.get_attribute(name).map(|v| v.trim().to_string());
        MountConfig {
            lang: attr("data-lang")
                .filter(|l| catalogue::codec::is_valid_lang(l))
                .unwrap_or_else(|| "en".into()),
            src: attr("data-src").filter(|s| !s.is_empty()),
            url_state: attr("data-url-state"),
            theme: attr("data-theme").filter(|t| t == "light" || t == "dark"),
            heading_level: attr("data-heading-level")
                .and_then(|l| l.parse().ok())
                .filter(|l| (1..=4).contains(l))
                .unwrap_or(2),
        }
    }
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

/// Renders the widget into `element` with `config`.
pub fn mount(element: Element, config: MountConfig) {
    // Setting an attribute on our own mount point cannot fail in practice;
    // if it did, the worst case is a second mount on a repeated call.
    let _ = element.set_attribute(MOUNTED_ATTR, "");
    yew::Renderer::<components::App>::with_root_and_props(element, components::AppProps { config })
        .render();
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
