//! Stage labels and badges in their tone colours.

use catalogue::Stage;
use yew::prelude::*;

/// A stage label in its tone colour, as text (the definitions' column
/// heads; a badge before the widget is live).
pub fn stage_label(stage: &Stage) -> Html {
    let class = format!("fm-badge fm-tone-{}", stage.tone.as_str());
    html! { <span {class}>{ stage.label.clone() }</span> }
}

/// A stage label in its tone colour. Once the widget is `live` it is a
/// button, and a click opens the definitions at that stage (the table handles
/// it, by the button's `data-stage`); until then (prerendered, before the
/// takeover, or without JavaScript) the same box as plain text
/// ([`stage_label`]), so no control shows that does nothing yet. `hint` says
/// what pressing it does and ends its accessible name. A plain function (see
/// [`super::highlighted`]).
pub fn stage_badge(stage: &Stage, hint: &'static str, live: bool) -> Html {
    if !live {
        return stage_label(stage);
    }
    let class = format!("fm-badge fm-tone-{}", stage.tone.as_str());
    html! {
        <button type="button" {class} data-stage={stage.id.clone()} aria-haspopup="dialog"
            aria-label={format!("{}{hint}", stage.label)}>
            { stage.label.clone() }
        </button>
    }
}
