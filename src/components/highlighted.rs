use catalogue::view::{split_highlights, Search};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    pub search: Search,
}

/// Text with the search matches wrapped in `<mark>`.
#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let ranges = props.search.highlights(&props.text);
    if ranges.is_empty() {
        return html! { {props.text.clone()} };
    }
    split_highlights(&props.text, &ranges)
        .into_iter()
        .map(|(marked, piece)| {
            if marked {
                html! { <mark class="fm-mark">{piece}</mark> }
            } else {
                html! { {piece} }
            }
        })
        .collect()
}
