//! Prerendering: the same [`App`] component rendered to HTML natively (Yew's
//! server renderer), for pages that show the matrix before, or without, any
//! JavaScript. The browser then takes the markup over in place ([`crate::mount`]).

use std::rc::Rc;

use catalogue::{Catalogue, LoadError};
use yew::LocalServerRenderer;

use crate::components::{App, AppProps};
use crate::state::CatalogueRef;
use crate::{MountConfig, PRERENDERED_DATA};

/// The HTML to put inside one mount point: the widget's default view for
/// `config`, then the catalogue as a JSON data block (after the markup, so
/// that the first rows arrive before it).
pub fn fragment(catalogue: Catalogue, config: MountConfig) -> String {
    let data = serde_json::to_string(&catalogue).unwrap_or_default();
    let props = AppProps {
        config,
        preloaded: Some(CatalogueRef(Rc::new(catalogue))),
        typed: None,
    };
    let html = render(props);
    format!(
        "{html}<script type=\"application/json\" {PRERENDERED_DATA}>{}</script>",
        escape_script_data(&data)
    )
}

/// Loads and validates catalogue JSON, then prerenders it for `config`.
pub fn fragment_from_json(json: &str, config: MountConfig) -> Result<String, LoadError> {
    Ok(fragment(catalogue::load_str(json)?, config))
}

fn render(props: AppProps) -> String {
    // Yew's local renderer runs on the current thread inside a tokio LocalSet.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread tokio runtime needs no resources that can be missing");
    tokio::task::LocalSet::new().block_on(
        &runtime,
        LocalServerRenderer::<App>::with_props(props).render(),
    )
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
