//! The summary grid: categories × stages with counts, a filter per cell.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::UiText;
use crate::state::CatalogueRef;

#[derive(PartialEq)]
pub struct SummaryGridProps {
    pub catalogue: CatalogueRef,
    /// Counts `[category][stage]`.
    pub grid: Rc<Vec<Vec<usize>>>,
    /// The (category, stage) the view is filtered to exactly, if any.
    pub active: Option<(String, String)>,
    pub text: &'static UiText,
    /// Called with (category id, stage id).
    pub oncell: Callback<(String, String)>,
    /// Whether the widget has taken over: the counts are buttons only then
    /// (the same box as text before; see [`super::stage_badge`]).
    pub live: bool,
}

/// Categories × stages with counts; a click on a count filters to that cell.
pub fn summary_grid(props: &SummaryGridProps) -> Html {
    let c = &props.catalogue;
    let head: Html = c
        .stages
        .iter()
        .map(|s| html! { <th scope="col" class={format!("fm-sum-stage fm-tone-text-{}", s.tone.as_str())}>{s.label.clone()}</th> })
        .collect();
    let rows: Html = c
        .categories
        .iter()
        .zip(props.grid.iter())
        .map(|(category, counts)| {
            let cells: Html = c
                .stages
                .iter()
                .zip(counts)
                .map(|(stage, &n)| {
                    let label = (props.text.summary_cell)(n, &category.label, &stage.label);
                    let pressed = props.active.as_ref() == Some(&(category.id.clone(), stage.id.clone()));
                    let onclick = {
                        let (oncell, ids) = (props.oncell.clone(), (category.id.clone(), stage.id.clone()));
                        Callback::from(move |_: MouseEvent| oncell.emit(ids.clone()))
                    };
                    html! {
                        <td>
                            if n > 0 && props.live {
                                <button type="button" class="fm-sum-cell" {onclick} aria-label={label}
                                    aria-pressed={if pressed { "true" } else { "false" }}>{n}</button>
                            } else if n > 0 {
                                <span class="fm-sum-cell" aria-label={label}>{n}</span>
                            } else {
                                <span class="fm-sum-zero" aria-label={label}>{"–"}</span>
                            }
                        </td>
                    }
                })
                .collect();
            let total: usize = counts.iter().sum();
            html! {
                <tr key={category.id.clone()}>
                    <th scope="row">{category.label.clone()}</th>
                    {cells}
                    <td class="fm-sum-total">{total}</td>
                </tr>
            }
        })
        .collect();
    html! {
        <div class="fm-table-scroll">
            <table class="fm-summary">
                <caption class="fm-summary-caption">{props.text.summary}</caption>
                <thead><tr><td></td>{head}<th scope="col" class="fm-sum-total">{"Σ"}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
