use catalogue::Stage;
use yew::prelude::*;

/// A stage label in its tone colour; a click opens the definitions at that
/// stage (the table handles it, by the button's `data-stage`). Without
/// JavaScript it is the plain label (the button is hidden). `hint` says what
/// pressing it does and ends its accessible name. A plain function (see
/// [`super::highlighted`]).
pub fn stage_badge(stage: &Stage, hint: &'static str) -> Html {
    let class = classes!("fm-badge", format!("fm-tone-{}", stage.tone.as_str()));
    html! {
        <>
            <span class={classes!(class.clone(), "fm-badge-static", "fm-nojs")}>{ stage.label.clone() }</span>
            <button type="button" class={classes!(class, "fm-js")} data-stage={stage.id.clone()} aria-haspopup="dialog"
                aria-label={format!("{}{hint}", stage.label)}>
                { stage.label.clone() }
            </button>
        </>
    }
}
