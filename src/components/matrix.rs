//! The feature table: one row per feature, grouped by category or sorted,
//! the first screen of rows first when the rows change.

use std::rc::Rc;

use catalogue::history;
use catalogue::inline::resolve_link;
use catalogue::view::{Search, Sort, SortDir, SortKey};
use catalogue::{Attribute, AttributeKind, Value};
use yew::prelude::*;

use super::controls::value_label;
use super::pacing::{use_pacing, TABLE_SCREEN};
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

/// The feature table: grouped by category in catalogue order by default,
/// one flat list when a sort is active.
#[component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let c = &props.catalogue;
    let text = props.text;
    let header = |key: SortKey, label: &str, class: String| {
        let active = props.sort.as_ref().filter(|s| s.key == key);
        let aria_sort = active.map(|s| match s.dir {
            SortDir::Asc => "ascending",
            SortDir::Desc => "descending",
        });
        let onclick = {
            let onsort = props.onsort.clone();
            Callback::from(move |_: MouseEvent| onsort.emit(key.clone()))
        };
        html! {
            <th scope="col" {class} aria-sort={aria_sort}>
                if props.live {
                    <button type="button" class="fm-sort" {onclick} title={(text.sort_by)(label)}>
                        {label.to_string()}
                    </button>
                } else {
                    <span class="fm-sort">{label.to_string()}</span>
                }
            </th>
        }
    };
    let attribute_headers: Html = c
        .attributes
        .iter()
        .map(|a| {
            header(
                SortKey::Attribute(a.id.clone()),
                &a.label,
                format!("fm-col-attr fm-attr-{}", a.kind.as_str()),
            )
        })
        .collect();
    let all = &props.rows[..props.rows.len().min(props.limit)];
    let paced = use_pacing(
        props.rows.clone(),
        props.limit,
        TABLE_SCREEN,
        &props.search,
        props.pinned,
        props.live,
    );
    let behind = paced.behind;
    // Each shown row with the search it is drawn with.
    let shown: Vec<(usize, &Search)> = paced
        .shown
        .iter()
        .map(|&(i, current)| (i, paced.search(&props.search, current)))
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
    let region_label = if c.features_heading.is_empty() {
        c.title.clone()
    } else {
        c.features_heading.clone()
    };
    let table = html! {
        // Busy while rows past the first screen wait for the catch-up.
        <table class="fm-matrix" onclick={on_row_button} aria-busy={behind.then_some("true")}>
            <caption class="fm-visually-hidden">{c.features_heading.clone()}</caption>
            <thead>
                <tr>
                    {header(SortKey::Name, text.feature, "fm-col-name".into())}
                    {header(SortKey::Stage, text.stage, "fm-col-stage".into())}
                    {header(SortKey::Category, text.category, "fm-col-category".into())}
                    {attribute_headers}
                    <th scope="col" class="fm-col-note">{text.note}</th>
                </tr>
            </thead>
            {body}
        </table>
    };
    html! {
        <>
            // Not a scroll box when the table fits its width: the column
            // heads then stick to the top of the window. With attribute
            // columns it may not fit: a box that scrolls sideways,
            // reachable by keyboard.
            if c.attributes.is_empty() {
                <div class="fm-matrix-box">{table}</div>
            } else {
                <div class="fm-matrix-box fm-wide" tabindex="0" role="region" aria-label={region_label}>{table}</div>
            }

            if hidden > 0 {
                <button type="button" class="fm-button fm-show-all fm-js" onclick={show_all}>{(text.show_all)(hidden)}</button>
            }
        </>
    }
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
                        <th scope="colgroup" colspan={(4 + c.attributes.len()).to_string()} id={format!("fm-cat-{}", category.id)}>
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
        let change = history::change_between(c, feature, from, to)?;
        Some(html! { <span class="fm-change">{change_text(c, change, props.text)}</span> })
    });
    let category: Html = std::iter::once(&feature.category)
        .chain(&feature.also_in)
        .filter_map(|id| c.category(id))
        .enumerate()
        .map(|(n, cat)| {
            html! { <>{(n > 0).then_some(", ")}{highlighted(&cat.label, &props.search)}</> }
        })
        .collect();
    let description = feature.description.as_deref().map(|d| {
        html! { <p class="fm-description">{inline_text(d, base_url)}</p> }
    });
    // As of a release the feature is listed only before its removal.
    let removed = feature
        .removed
        .as_ref()
        .filter(|_| props.release.is_none())
        .map(|r| html! { <p class="fm-removed"><span class="fm-removed-mark">{(props.text.removed_in)(&r.since)}</span></p> });
    let attributes: Html = c
        .attributes
        .iter()
        .map(|a| {
            attribute_cell(
                a,
                feature.attributes.get(&a.id),
                base_url,
                &props.search,
                props.text,
            )
        })
        .collect();
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
                {description}
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
            {attributes}
            <td class="fm-note" data-label={props.text.note}>{note}{deprecated}{removed}</td>
        </tr>
    }
}

/// One attribute's cell: a bool as ✓ or ✗ with the word for screen
/// readers, an enum value by its label, a text with its links, a release;
/// a dash (and "not given") when the feature has no value.
fn attribute_cell(
    attribute: &Attribute,
    value: Option<&Value>,
    base_url: Option<&str>,
    search: &Search,
    text: &'static UiText,
) -> Html {
    let mark = |symbol: &'static str, words: &'static str| {
        html! { <><span class="fm-attr-mark" aria-hidden="true">{symbol}</span><span class="fm-visually-hidden">{words}</span></> }
    };
    let (class, content) = match (attribute.kind, value) {
        (AttributeKind::Bool, Some(Value::Bool(true))) => {
            ("fm-attr fm-attr-yes", mark("✓", text.yes))
        }
        (AttributeKind::Bool, Some(Value::Bool(false))) => {
            ("fm-attr fm-attr-no", mark("✗", text.no))
        }
        (AttributeKind::Enum, Some(Value::Text(id))) => (
            "fm-attr fm-attr-enum",
            highlighted(&value_label(attribute, id, text), search),
        ),
        (AttributeKind::Text, Some(Value::Text(t))) => {
            ("fm-attr fm-attr-text", inline_text(t, base_url))
        }
        (AttributeKind::Release, Some(Value::Text(t))) => {
            ("fm-attr fm-attr-release", highlighted(t, search))
        }
        _ => ("fm-attr fm-attr-none", mark("–", text.not_given)),
    };
    html! { <td {class} data-label={attribute.label.clone()}>{content}</td> }
}
