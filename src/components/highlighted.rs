//! Text with the search's matches marked.

use catalogue::view::{split_highlights, Search};
use yew::prelude::*;

/// Text with the search matches wrapped in `<mark>`. A plain function, not a
/// component: it runs for every row, and a component per call would add its
/// bookkeeping (and, prerendered, its hydration markers) to each.
pub fn highlighted(text: &str, search: &Search) -> Html {
    let ranges = search.highlights(text);
    if ranges.is_empty() {
        return html! { {text.to_string()} };
    }
    split_highlights(text, &ranges)
        .into_iter()
        .map(|(marked, piece)| {
            if marked {
                html! { <mark class="fm-mark">{piece.to_string()}</mark> }
            } else {
                html! { {piece.to_string()} }
            }
        })
        .collect()
}
