//! Catalogue text with its inline links, as text and `<a>` elements.

use catalogue::inline::{parse_inline, resolve_link, Segment};
use yew::prelude::*;

/// Catalogue text with `[links](url)`, rendered as text nodes and `<a>`
/// elements. A link whose url is not safe renders as its text alone. A plain
/// function (see [`super::highlighted`]).
pub fn inline_text(text: &str, base_url: Option<&str>) -> Html {
    parse_inline(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => html! { {text} },
            Segment::Link { text, url } => match resolve_link(base_url, &url) {
                Some(href) => html! { <a class="fm-link" {href}>{text}</a> },
                None => html! { {text} },
            },
        })
        .collect()
}
