//! The feature table: one row per feature, grouped by category or sorted,
//! the first screen of rows first when the rows change.

use std::rc::Rc;

use catalogue::history;
use catalogue::inline::resolve_link;
use catalogue::view::{Search, Sort, SortDir, SortKey};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::release_matrix::change_text;
use super::{highlighted, inline_text, stage_badge, stage_bar, StageBarProps};
use crate::i18n::UiText;
use crate::state::CatalogueRef;

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub catalogue: CatalogueRef,
    /// Feature indices in display order.
    pub rows: Rc<Vec<usize>>,
    /// How many rows to render (the rest behind a button).
    pub limit: usize,
    pub search: Search,
    pub sort: Option<Sort>,
    pub text: &'static UiText,
    pub onsort: Callback<SortKey>,
    pub onbadge: Callback<String>,
    pub onshowall: Callback<()>,
    /// Rank of the release the stages are shown as of (`None`: latest).
    #[prop_or_default]
    pub release: Option<usize>,
    /// The releases "changed" compares (`from`, `to`): each row says how its
    /// stage went from one to the other.
    #[prop_or_default]
    pub changed: Option<(Option<usize>, usize)>,
    /// The feature a link points at (highlighted).
    #[prop_or_default]
    pub pinned: Option<usize>,
    /// The instance's URL prefix, for the rows' anchors.
    #[prop_or_default]
    pub prefix: Option<AttrValue>,
    /// Copies the link to a feature (its id).
    pub oncopy: Callback<String>,
    /// Whether the widget has taken over: the sort headers, badges and
    /// permalinks are buttons only then (see [`stage_badge`]).
    pub live: bool,
}

/// Rows rendered in the same frame as a change of the rows (a screenful).
const FIRST_SCREEN_ROWS: usize = 40;

/// The pause after which the rows past the first screen render.
const CATCH_UP_MS: u32 = 120;

/// The feature table: grouped by category in catalogue order by default,
/// one flat list when a sort is active.
#[component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let c = &props.catalogue;
    let text = props.text;
    let header = |key: SortKey, label: &'static str| {
        let active = props.sort.filter(|s| s.key == key);
        let aria_sort = active.map(|s| match s.dir {
            SortDir::Asc => "ascending",
            SortDir::Desc => "descending",
        });
        let onclick = {
            let onsort = props.onsort.clone();
            Callback::from(move |_: MouseEvent| onsort.emit(key))
        };
        html! {
            <th scope="col" class={format!("fm-col-{}", key.as_str())} aria-sort={aria_sort}>
                if props.live {
                    <button type="button" class="fm-sort" {onclick} title={(text.sort_by)(label)}>
                        {label}
                    </button>
                } else {
                    <span class="fm-sort">{label}</span>
                }
            </th>
        }
    };
    // When the rows change, the first screen's worth renders at once, with
    // the later rows that are on the page already (a narrowing search keeps
    // its rows: nothing is removed to be added again) and the pinned row; the
    // rest, out of sight, once the reader has paused for `CATCH_UP_MS` (while
    // typing, each keystroke postpones it). The reader sees the new first
    // rows within one frame however long the list. The kept later rows keep
    // the search highlight they have until then, so typing does not redraw
    // them either. Group headings count every row from the start. The first
    // render starts with the first screen as well, unless it takes over
    // prerendered rows (before the widget is live), which it renders all.
    let pacing = use_mut_ref(|| Pacing {
        on_page: None,
        settled: props.search.clone(),
        catch_up: false,
        later: None,
    });
    let update = use_force_update();
    let all = &props.rows[..props.rows.len().min(props.limit)];
    let mut guard = pacing.borrow_mut();
    let p = &mut *guard;
    let first = match &p.on_page {
        Some(rendered) if !std::mem::take(&mut p.catch_up) => {
            Some(first_screen(all, rendered, props.pinned))
        }
        // A first render with no prerendered rows to take over (the widget
        // is live already) starts with the first screen too.
        None if props.live => Some(first_screen(all, &[], props.pinned)),
        _ => None,
    };
    let full = first.is_none();
    let shown = first.unwrap_or_else(|| all.to_vec());
    if full {
        p.settled = props.search.clone();
    }
    // `behind`: the rows past the first screen wait for the catch-up, as some
    // are missing or they show an older search's highlight (a narrowing
    // search keeps every row on the page).
    let behind = !full && (shown.len() < all.len() || p.settled != props.search);
    p.on_page = Some(shown.clone());
    let settled = p.settled.clone();
    drop(guard);
    use_effect_with(
        (props.rows.clone(), props.search.clone(), behind),
        move |&(_, _, behind)| {
            if behind {
                let catch_up = pacing.clone();
                // Replacing the pending catch-up cancels it.
                pacing.borrow_mut().later = Some(Timeout::new(CATCH_UP_MS, move || {
                    catch_up.borrow_mut().catch_up = true;
                    update.force_update();
                }));
            }
        },
    );
    // Each shown row with the search it is drawn with.
    let fresh = all.len().min(FIRST_SCREEN_ROWS);
    let shown: Vec<(usize, &Search)> = shown
        .iter()
        .enumerate()
        .map(|(at, &i)| {
            let current = !behind || at < fresh || props.pinned == Some(i);
            (i, if current { &props.search } else { &settled })
        })
        .collect();
    let body = if props.sort.is_some() {
        let rows: Html = shown
            .iter()
            .map(|&(i, search)| row(props, i, search))
            .collect();
        html! { <tbody>{rows}</tbody> }
    } else {
        grouped(props, all, &shown)
    };
    // Clicks on the rows' buttons: a badge (`data-stage`) opens the
    // definitions, a `#` (`data-feature`) copies the feature's link.
    let on_row_button = {
        let (onbadge, oncopy) = (props.onbadge.clone(), props.oncopy.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(button) = e.target_dyn_into::<web_sys::Element>().and_then(|t| {
                t.closest("button[data-stage], button[data-feature]")
                    .ok()
                    .flatten()
            }) else {
                return;
            };
            if let Some(stage) = button.get_attribute("data-stage") {
                onbadge.emit(stage);
            } else if let Some(feature) = button.get_attribute("data-feature") {
                oncopy.emit(feature);
            }
        })
    };
    let hidden = props.rows.len() - props.rows.len().min(props.limit);
    let show_all = {
        let onshowall = props.onshowall.clone();
        Callback::from(move |_: MouseEvent| onshowall.emit(()))
    };
    html! {
        <>
            // Not a scroll box (the table fits its width): the column heads
            // then stick to the top of the window.
            <div class="fm-matrix-box">
                // Busy while rows past the first screen wait for the catch-up.
                <table class="fm-matrix" onclick={on_row_button} aria-busy={behind.then_some("true")}>
                    <caption class="fm-visually-hidden">{c.features_heading.clone()}</caption>
                    <thead>
                        <tr>
                            {header(SortKey::Name, text.feature)}
                            {header(SortKey::Stage, text.stage)}
                            {header(SortKey::Category, text.category)}
                            <th scope="col" class="fm-col-note">{text.note}</th>
                        </tr>
                    </thead>
                    {body}
                </table>
            </div>
            if hidden > 0 {
                <button type="button" class="fm-button fm-show-all fm-js" onclick={show_all}>{(text.show_all)(hidden)}</button>
            }
        </>
    }
}

/// What the matrix remembers between renders to pace them.
struct Pacing {
    /// The rows the last render put on the page (`None` before the first).
    on_page: Option<Vec<usize>>,
    /// The search of the last complete render.
    settled: Search,
    /// Whether the next render renders every row.
    catch_up: bool,
    /// The catch-up, after the reader pauses (dropped: cancelled).
    later: Option<Timeout>,
}

/// The rows to render in the frame of a change: the first screen of `rows`,
/// then those of the rest that `rendered` (the rows on the page) has, and
/// `pinned`, in `rows`' order.
fn first_screen(rows: &[usize], rendered: &[usize], pinned: Option<usize>) -> Vec<usize> {
    let split = rows.len().min(FIRST_SCREEN_ROWS);
    let mut keep = vec![false; rows.iter().chain(rendered).max().map_or(0, |m| m + 1)];
    for &i in rendered.iter().chain(&pinned) {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
    }
    let later = rows[split..].iter().filter(|&&i| keep[i]);
    rows[..split].iter().chain(later).copied().collect()
}

/// One `<tbody>` per category with a header row: label, count, stage mix.
fn grouped(props: &MatrixProps, all: &[usize], shown: &[(usize, &Search)]) -> Html {
    let c = &props.catalogue;
    let group_of = |i: usize| c.category_rank(&c.features[i].category);
    let mut counted: Vec<Vec<usize>> = vec![Vec::new(); c.categories.len()];
    for &i in all {
        if let Some(group) = counted.get_mut(group_of(i)) {
            group.push(i);
        }
    }
    let mut drawn: Vec<Vec<(usize, &Search)>> = vec![Vec::new(); c.categories.len()];
    for &(i, search) in shown {
        if let Some(group) = drawn.get_mut(group_of(i)) {
            group.push((i, search));
        }
    }
    c.categories
        .iter()
        .zip(counted.into_iter().zip(drawn))
        .filter(|(_, (rows, _))| !rows.is_empty())
        .map(|(category, (rows, drawn))| {
            let parts: Vec<_> = c
                .stages
                .iter()
                .map(|s| {
                    let n = rows
                        .iter()
                        .filter(|&&i| {
                            history::stage_as_of(c, &c.features[i], props.release)
                                == Some(s.id.as_str())
                        })
                        .count();
                    (s.tone, AttrValue::from(s.label.clone()), n)
                })
                .collect();
            let body: Html = drawn
                .iter()
                .map(|&(i, search)| row(props, i, search))
                .collect();
            html! {
                // data-rows: for the group's height before it is laid out (styles/matrix.css).
                <tbody key={category.id.clone()} class="fm-group" data-rows={drawn.len().to_string()}>
                    <tr class="fm-group-head">
                        <th scope="colgroup" colspan="4" id={format!("fm-cat-{}", category.id)}>
                            <span class="fm-group-label">{category.label.clone()}</span>
                            <span class="fm-group-count">{rows.len()}</span>
                            { stage_bar(&StageBarProps { parts, label: (props.text.stage_mix)(&category.label).into() }) }
                        </th>
                    </tr>
                    {body}
                </tbody>
            }
        })
        .collect()
}

fn row(props: &MatrixProps, index: usize, search: &Search) -> Html {
    let id = &props.catalogue.features[index].id;
    let anchor = crate::url::feature_anchor(props.prefix.as_deref(), id);
    html! {
        <FeatureRow key={id.clone()} catalogue={props.catalogue.clone()} {index}
            search={search.clone()} text={props.text}
            release={props.release} changed={props.changed} pinned={props.pinned == Some(index)} {anchor} live={props.live} />
    }
}

#[derive(Properties, PartialEq)]
pub struct FeatureRowProps {
    pub catalogue: CatalogueRef,
    /// The feature's index in the catalogue.
    pub index: usize,
    pub search: Search,
    pub text: &'static UiText,
    pub release: Option<usize>,
    pub changed: Option<(Option<usize>, usize)>,
    pub pinned: bool,
    /// The row's `id`, for links to the feature.
    pub anchor: AttrValue,
    /// Whether the widget has taken over (see [`MatrixProps::live`]).
    pub live: bool,
}

/// One feature's row. A component so that a row whose props did not change
/// (a stage filter, a sort) is not rendered again. Its buttons carry data
/// attributes; the table handles their clicks (one listener, not two a row).
#[component]
pub fn FeatureRow(props: &FeatureRowProps) -> Html {
    let c = &props.catalogue;
    let feature = &c.features[props.index];
    let base_url = c.base_url.as_deref();
    let name = highlighted(&feature.name, &props.search);
    let name = match feature
        .link
        .as_deref()
        .and_then(|l| resolve_link(base_url, l))
    {
        Some(href) => html! { <a class="fm-link fm-feature-link" {href}>{name}</a> },
        None => name,
    };
    let stage = history::stage_as_of(c, feature, props.release)
        .and_then(|id| c.stage(id))
        .map(|stage| {
            let since = history::since(c, feature, props.release).map(
                |release| html! { <span class="fm-since">{(props.text.since)(release)}</span> },
            );
            html! { <>{stage_badge(stage, props.text.badge_hint, props.live)}{since}</> }
        });
    let change = props.changed.and_then(|(from, to)| {
        let (before, after) = history::change_between(c, feature, from, to)?;
        Some(html! { <span class="fm-change">{change_text(c, before, after)}</span> })
    });
    let category = c
        .category(&feature.category)
        .map(|cat| highlighted(&cat.label, &props.search));
    let note = feature
        .note
        .as_deref()
        .map(|note| inline_text(note, base_url));
    let deprecated = history::deprecation_as_of(c, feature, props.release).map(|d| {
        html! {
            <p class="fm-deprecated">
                <span class="fm-deprecated-mark">{(props.text.deprecated_since)(&d.since)}</span>
                if let Some(replacement) = &d.replacement {
                    {" "}{props.text.replacement}{inline_text(replacement, base_url)}
                }
            </p>
        }
    });
    let steps: Vec<_> = history::history_as_of(c, feature, props.release).collect();
    let timeline = (steps.len() > 1).then(|| {
        let steps: Html = steps
            .into_iter()
            .map(|step| {
                let label = c.stage(&step.stage).map_or(step.stage.as_str(), |s| s.label.as_str());
                html! { <li>{label.to_string()}{" "}<span class="fm-timeline-release">{step.since.clone()}</span></li> }
            })
            .collect();
        html! { <ol class="fm-timeline" aria-label={props.text.history}>{steps}</ol> }
    });
    let class = if props.pinned {
        "fm-row fm-pinned"
    } else {
        "fm-row"
    };
    html! {
        <tr {class} id={props.anchor.clone()}>
            <th scope="row" class="fm-name">
                {name}
                // Until the takeover, an empty box keeps the button's place.
                if props.live {
                    <button type="button" class="fm-permalink fm-js" data-feature={feature.id.clone()}
                        aria-label={(props.text.copy_feature_link)(&feature.name)}></button>
                } else {
                    <span class="fm-permalink fm-js"></span>
                }
            </th>
            <td class="fm-stage" data-label={props.text.stage}>{change}{stage}{timeline}</td>
            <td class="fm-category" data-label={props.text.category}>{category}</td>
            <td class="fm-note" data-label={props.text.note}>{note}{deprecated}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::{first_screen, FIRST_SCREEN_ROWS};

    #[test]
    fn a_change_renders_the_first_screen_and_the_later_rows_already_on_the_page() {
        let old: Vec<usize> = (0..200).collect();
        // A narrowing search: every row is on the page, all render at once.
        let narrowed: Vec<usize> = (0..200).step_by(2).collect();
        assert_eq!(first_screen(&narrowed, &old, None), narrowed);
        // New rows past the first screen wait for the catch-up; the order is kept.
        let new: Vec<usize> = (150..350).collect();
        let shown = first_screen(&new, &old, None);
        let mut expected: Vec<usize> = (150..150 + FIRST_SCREEN_ROWS).collect();
        expected.extend(150 + FIRST_SCREEN_ROWS..200);
        assert_eq!(shown, expected);
        // The pinned row renders at once, wherever it is.
        let with_pin = first_screen(&new, &old, Some(300));
        assert_eq!(with_pin.last(), Some(&300));
        assert_eq!(with_pin.len(), expected.len() + 1);
        // Short lists render whole.
        assert_eq!(first_screen(&[7, 3], &[], None), vec![7, 3]);
    }
}
