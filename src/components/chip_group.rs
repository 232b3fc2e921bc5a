//! Toggle chips: the stage and category filters, each chip with its live count.

use catalogue::Tone;
use yew::prelude::*;

/// One toggle chip: a stage or a category with its live count.
#[derive(Clone, PartialEq)]
pub struct Chip {
    pub id: String,
    pub label: AttrValue,
    pub count: usize,
    pub pressed: bool,
    pub tone: Option<Tone>,
}

#[derive(PartialEq)]
pub struct ChipGroupProps {
    pub legend: AttrValue,
    pub chips: Vec<Chip>,
    pub ontoggle: Callback<String>,
}

/// A labelled group of toggle buttons (`aria-pressed`) with live counts.
pub fn chip_group(props: &ChipGroupProps) -> Html {
    let chips: Html = props
        .chips
        .iter()
        .map(|chip| {
            let onclick = {
                let (ontoggle, id) = (props.ontoggle.clone(), chip.id.clone());
                Callback::from(move |_: MouseEvent| ontoggle.emit(id.clone()))
            };
            let mut class = String::from("fm-chip");
            if let Some(tone) = chip.tone {
                class.push_str(" fm-chip-");
                class.push_str(tone.as_str());
            }
            if chip.count == 0 && !chip.pressed {
                class.push_str(" fm-chip-empty");
            }
            html! {
                <button key={chip.id.clone()} type="button" {class} {onclick}
                    aria-pressed={if chip.pressed { "true" } else { "false" }}>
                    <span class="fm-chip-label">{chip.label.clone()}</span>
                    <span class="fm-chip-count">{chip.count}</span>
                </button>
            }
        })
        .collect();
    html! {
        <div class="fm-chip-group" role="group" aria-label={props.legend.clone()}>
            <span class="fm-chip-legend" aria-hidden="true">{props.legend.clone()}</span>
            {chips}
        </div>
    }
}
