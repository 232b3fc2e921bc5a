use catalogue::inline::{parse_inline, resolve_link, Segment};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InlineTextProps {
    pub text: AttrValue,
    #[prop_or_default]
    pub base_url: Option<AttrValue>,
}

/// Catalogue text with `[links](url)`, rendered as text nodes and `<a>`
/// elements. A link whose url is not safe renders as its text alone.
#[component]
pub fn InlineText(props: &InlineTextProps) -> Html {
    parse_inline(&props.text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => html! { {text} },
            Segment::Link { text, url } => match resolve_link(props.base_url.as_deref(), &url) {
                Some(href) => html! { <a class="fm-link" {href}>{text}</a> },
                None => html! { {text} },
            },
        })
        .collect()
}
