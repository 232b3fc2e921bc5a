//! The search region: the search box, the stage and category chips, the
//! buttons (reset, definitions, copy link, languages), the release pickers
//! and the copy status.

use catalogue::view::{filter_values, Facets, ViewMode};
use catalogue::{Attribute, AttributeKind, Tone};
use yew::prelude::*;

use super::app::Senders;
use super::{chip_group, search_box, Chip, ChipGroupProps, SearchBoxProps};
use crate::i18n::{UiText, LANGUAGES};
use crate::state::{changed_since, changed_to, CatalogueRef, State};
use crate::MountConfig;

/// The search region: the search box, the stage and category chips, the
/// buttons (reset, definitions, copy link, languages), the release pickers
/// and the copy status.
pub fn controls(
    c: &CatalogueRef,
    state: &State,
    facets: &Facets,
    text: &'static UiText,
    config: &MountConfig,
    input: &NodeRef,
    send: &Senders,
) -> Html {
    let view = &state.view;
    let stage_chips = chips(
        c.stages.iter().map(|s| (&s.id, &s.label, Some(s.tone))),
        &facets.stages,
        &view.stages,
    );
    let category_chips = chips(
        c.categories.iter().map(|cat| (&cat.id, &cat.label, None)),
        &facets.categories,
        &view.categories,
    );
    let attribute_groups: Html = c
        .attributes
        .iter()
        .zip(&facets.attributes)
        .filter(|(a, _)| a.kind.is_facet())
        .map(|(a, counts)| {
            let active = view
                .attribute_filter(&a.id)
                .map_or(&[][..], |f| &f.values[..]);
            let chips = filter_values(a)
                .into_iter()
                .zip(counts)
                .map(|(id, &count)| Chip {
                    id: id.to_string(),
                    label: value_label(a, id, text).into(),
                    count,
                    pressed: active.iter().any(|v| v == id),
                    tone: None,
                })
                .collect();
            let id = a.id.clone();
            let ontoggle = send.attribute.reform(move |value| (id.clone(), value));
            chip_group(&ChipGroupProps {
                legend: a.label.clone().into(),
                chips,
                ontoggle,
            })
        })
        .collect();
    let lang = state.lang(&config.lang);
    html! {
        <div class="fm-controls" role="search" aria-label={text.filters}>
            { search_box(&SearchBoxProps { value: view.q.clone().into(), label: text.search_label.into(), placeholder: text.search_placeholder.into(), oninput: send.search.clone(), input: input.clone() }) }
            { chip_group(&ChipGroupProps { legend: text.stages.into(), chips: stage_chips, ontoggle: send.stage.clone() }) }
            { chip_group(&ChipGroupProps { legend: text.categories.into(), chips: category_chips, ontoggle: send.category.clone() }) }
            {attribute_groups}
            <div class="fm-actions">
                if view.is_filtered() {
                    <button type="button" class="fm-button" onclick={send.reset.clone()}>{text.reset}</button>
                }
                if !c.aspects.is_empty() {
                    <button type="button" class="fm-button" onclick={send.defs.clone()} aria-haspopup="dialog">{text.what_stages_mean}</button>
                }
                <button type="button" class="fm-button" onclick={send.copy.clone()}>{text.copy_link}</button>
                if config.src.is_none() {
                    <span class="fm-langs" role="group" aria-label={text.language}>
                        { for LANGUAGES.iter().map(|(code, name)| {
                            let on_lang = send.lang.clone();
                            let code = *code;
                            html! {
                                <button type="button" class="fm-button fm-lang" lang={code}
                                    aria-pressed={if lang == code { "true" } else { "false" }}
                                    onclick={Callback::from(move |_: MouseEvent| on_lang.emit(code.to_string()))}>{*name}</button>
                            }
                        }) }
                    </span>
                }
            </div>
            if !c.releases.is_empty() {
                <div class="fm-releases">
                    {view_switch(state.mode(config.view), text, &send.view)}
                    {release_select(text.as_of_release, text.latest, &c.releases, view.release.as_deref(), &send.release)}
                    {release_select(text.changed_in, text.any_release, &c.releases, changed_to(view.changed.as_deref()), &send.changed)}
                    if let Some(to) = changed_to(view.changed.as_deref()).and_then(|to| c.release_rank(to)).filter(|&to| to > 0) {
                        {release_select(text.changed_since, text.release_before, &c.releases[..to], changed_since(view.changed.as_deref()), &send.changed_since)}
                    }
                </div>
            }
            <p class="fm-copy-status" aria-live="polite">{state.copy_status.message(text.link_copied)}</p>
        </div>
    }
}

/// What a value id of a facet attribute reads as: an `enum` value's label,
/// yes or no for a `bool`.
pub fn value_label(attribute: &Attribute, id: &str, text: &'static UiText) -> String {
    match id {
        "true" if attribute.kind == AttributeKind::Bool => text.yes.into(),
        "false" if attribute.kind == AttributeKind::Bool => text.no.into(),
        _ => attribute
            .values
            .iter()
            .find(|v| v.id == id)
            .map_or_else(|| id.to_string(), |v| v.label.clone()),
    }
}

/// The two views, as toggle buttons: the table and the release matrix.
fn view_switch(mode: ViewMode, text: &'static UiText, onpick: &Callback<ViewMode>) -> Html {
    let button = |this: ViewMode, label: &'static str| {
        let onpick = onpick.clone();
        html! {
            <button type="button" class="fm-button fm-view fm-js" aria-pressed={if mode == this { "true" } else { "false" }}
                onclick={Callback::from(move |_: MouseEvent| onpick.emit(this))}>{label}</button>
        }
    };
    html! {
        <span class="fm-views" role="group" aria-label={text.views}>
            {button(ViewMode::Table, text.view_table)}
            {button(ViewMode::Releases, text.view_releases)}
        </span>
    }
}

/// Toggle chips for (id, label, tone) items with their live counts; pressed when active.
fn chips<'a>(
    items: impl Iterator<Item = (&'a String, &'a String, Option<Tone>)>,
    counts: &[usize],
    active: &[String],
) -> Vec<Chip> {
    items
        .zip(counts)
        .map(|((id, label, tone), &count)| Chip {
            id: id.clone(),
            label: label.clone().into(),
            count,
            pressed: active.contains(id),
            tone,
        })
        .collect()
}

/// A labelled `<select>` of releases (newest first) with a first option for
/// none; `onpick` gets the chosen release.
fn release_select(
    label: &'static str,
    none: &'static str,
    releases: &[String],
    current: Option<&str>,
    onpick: &Callback<Option<String>>,
) -> Html {
    let onchange = {
        let onpick = onpick.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let value = select.value();
                onpick.emit((!value.is_empty()).then_some(value));
            }
        })
    };
    let options: Html = releases
        .iter()
        .rev()
        .map(|r| {
            html! { <option value={r.clone()} selected={current == Some(r.as_str())}>{r.clone()}</option> }
        })
        .collect();
    html! {
        <label class="fm-release">
            <span class="fm-release-label">{label}</span>
            <select class="fm-select" {onchange}>
                <option value="" selected={current.is_none()}>{none}</option>
                {options}
            </select>
        </label>
    }
}
