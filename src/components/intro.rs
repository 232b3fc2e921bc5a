//! The top of the widget: the catalogue's title and introduction, the
//! definitions table, and the heading and introduction of the features.

use yew::prelude::*;

use super::{definitions_table, inline_text, DefinitionsTableProps};
use crate::i18n::UiText;
use crate::state::CatalogueRef;

/// The catalogue's title and introduction, the definitions table and the
/// heading and introduction of the features.
pub fn intro(c: &CatalogueRef, text: &'static UiText, heading_level: u8) -> Html {
    let level = heading_level.clamp(1, 4);
    html! {
        <>
            { heading(level, "fm-title", &c.title) }
            if !c.intro.is_empty() {
                <p class="fm-intro">{inline_text(&c.intro, c.base_url.as_deref())}</p>
            }
            if !c.aspects.is_empty() {
                <details class="fm-defs-inline" open=true>
                    <summary>{ if c.definitions_heading.is_empty() { text.what_stages_mean.to_string() } else { c.definitions_heading.clone() } }</summary>
                    { definitions_table(&DefinitionsTableProps { catalogue: c.clone(), text, at_stage: None }) }
                </details>
            }
            if !c.features_heading.is_empty() {
                { heading(level + 1, "fm-subtitle", &c.features_heading) }
            }
            if !c.features_intro.is_empty() {
                <p class="fm-intro">{inline_text(&c.features_intro, c.base_url.as_deref())}</p>
            }
        </>
    }
}

/// A heading at `level` (1 to 4; deeper levels are `h5`).
fn heading(level: u8, class: &'static str, text: &str) -> Html {
    let text = text.to_string();
    match level {
        1 => html! { <h1 {class}>{text}</h1> },
        2 => html! { <h2 {class}>{text}</h2> },
        3 => html! { <h3 {class}>{text}</h3> },
        4 => html! { <h4 {class}>{text}</h4> },
        _ => html! { <h5 {class}>{text}</h5> },
    }
}
