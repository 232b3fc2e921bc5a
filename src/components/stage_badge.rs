use catalogue::Stage;
use yew::prelude::*;

/// A stage label in its tone colour; a click opens the definitions at that
/// stage. Without JavaScript it is the plain label (the button is hidden).
/// `hint` says what pressing it does and ends its accessible name. A plain
/// function (see [`super::highlighted`]).
pub fn stage_badge(stage: &Stage, hint: &'static str, onopen: &Callback<String>) -> Html {
    let onclick = {
        let (onopen, id) = (onopen.clone(), stage.id.clone());
        Callback::from(move |_: MouseEvent| onopen.emit(id.clone()))
    };
    let class = classes!("fm-badge", format!("fm-tone-{}", stage.tone.as_str()));
    html! {
        <>
            <span class={classes!(class.clone(), "fm-badge-static", "fm-nojs")}>{ stage.label.clone() }</span>
            <button type="button" class={classes!(class, "fm-js")} {onclick} aria-haspopup="dialog">
                { stage.label.clone() }
                <span class="fm-visually-hidden">{ hint }</span>
            </button>
        </>
    }
}
