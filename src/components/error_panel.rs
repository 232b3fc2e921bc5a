//! The error panel: why no catalogue can be shown, inside the widget.

use yew::prelude::*;

use crate::i18n::UiText;
use crate::state::Failure;

#[derive(PartialEq)]
pub struct ErrorPanelProps {
    pub failure: Failure,
    pub text: &'static UiText,
}

/// Why the catalogue cannot be shown, every problem listed, inside the widget.
pub fn error_panel(props: &ErrorPanelProps) -> Html {
    let title = match props.failure {
        Failure::Fetch { .. } => props.text.error_fetch,
        Failure::Invalid(_) => props.text.error_title,
    };
    let problems: Html = props
        .failure
        .problems()
        .into_iter()
        .take(50)
        .map(|p| html! { <li><code class="fm-error-path">{p.path}</code>{": "}{p.message}</li> })
        .collect();
    html! {
        <div class="fm-error" role="alert">
            <p class="fm-error-title">{title}</p>
            <ul class="fm-error-list">{problems}</ul>
        </div>
    }
}
