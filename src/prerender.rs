//! Prerendering: the same [`App`] component rendered to HTML by Yew's server
//! renderer, natively or in Node (wasm), for pages that show the matrix
//! before, or without, any JavaScript. The browser then takes the markup over
//! in place ([`crate::mount`]).

use std::rc::Rc;

use catalogue::Catalogue;
#[cfg(not(target_arch = "wasm32"))]
use catalogue::LoadError;
use yew::LocalServerRenderer;

use crate::components::{App, AppProps};
use crate::state::CatalogueRef;
use crate::{MountConfig, PRERENDERED_DATA};

/// The HTML to put inside one mount point: the widget's default view for
/// `config`, then the catalogue as a JSON data block (after the markup, so
/// that the first rows arrive before it). Natively, it runs inside a tokio
/// `LocalSet` (Yew's renderer spawns local tasks); in wasm, on the event loop.
pub async fn render_fragment(catalogue: Catalogue, config: MountConfig) -> String {
    let data = serde_json::to_string(&catalogue).unwrap_or_default();
    let props = AppProps {
        config,
        preloaded: Some(CatalogueRef(Rc::new(catalogue))),
        typed: None,
        markup: true,
    };
    let html = LocalServerRenderer::<App>::with_props(props).render().await;
    format!(
        "{html}<script type=\"application/json\" {PRERENDERED_DATA}>{}</script>",
        escape_script_data(&data)
    )
}

/// Loads and validates catalogue JSON, then prerenders it for `config`, on
/// a tokio runtime of its own (native callers outside any runtime).
#[cfg(not(target_arch = "wasm32"))]
pub fn fragment_from_json(json: &str, config: MountConfig) -> Result<String, LoadError> {
    let catalogue = catalogue::load_str(json)?;
    Ok(block_on(render_fragment(catalogue, config)))
}

/// Runs a future that spawns local tasks (Yew's renderer) to completion on
/// the current thread.
#[cfg(not(target_arch = "wasm32"))]
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread tokio runtime needs no resources that can be missing");
    tokio::task::LocalSet::new().block_on(&runtime, future)
}

/// JSON is safe inside `<script type="application/json">` once no `<` can
/// start `</script>` or `<!--`; `\u003c` reads back as the same string.
fn escape_script_data(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_data_cannot_close_its_block() {
        let escaped = escape_script_data(r#"{"note":"</script><script>alert(1)</script>"}"#);
        assert!(!escaped.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["note"], "</script><script>alert(1)</script>");
    }
}
