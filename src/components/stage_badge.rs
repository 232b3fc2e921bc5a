use catalogue::Stage;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StageBadgeProps {
    pub stage: Stage,
    /// What a click does, e.g. "what this stage means": part of the
    /// button's accessible name, after the label.
    pub hint: AttrValue,
    pub onopen: Callback<String>,
}

/// A stage label in its tone colour; a click opens the definitions at that
/// stage. Without JavaScript it is the plain label (the button is hidden).
#[component]
pub fn StageBadge(props: &StageBadgeProps) -> Html {
    let onclick = {
        let (onopen, id) = (props.onopen.clone(), props.stage.id.clone());
        Callback::from(move |_: MouseEvent| onopen.emit(id.clone()))
    };
    let class = classes!("fm-badge", format!("fm-tone-{}", props.stage.tone.as_str()));
    html! {
        <>
            <span class={classes!(class.clone(), "fm-badge-static", "fm-nojs")}>{ props.stage.label.clone() }</span>
            <button type="button" class={classes!(class, "fm-js")} {onclick} aria-haspopup="dialog">
                { props.stage.label.clone() }
                <span class="fm-visually-hidden">{ props.hint.clone() }</span>
            </button>
        </>
    }
}
