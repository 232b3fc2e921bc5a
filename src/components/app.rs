use std::rc::Rc;

use catalogue::view::{select, summary, Definitions, Search, SearchIndex};
use catalogue::Tone;
use yew::prelude::*;

use super::takeover::{use_scroll_to_pinned, use_takeover};
use super::{
    chip_group, definitions_dialog, definitions_table, error_panel, inline_text, search_box,
    summary_grid, use_definitions_dialog, use_search_shortcut, Chip, ChipGroupProps,
    DefinitionsDialogProps, DefinitionsTableProps, ErrorPanelProps, Matrix, SearchBoxProps,
    SummaryGridProps,
};
use crate::i18n::{ui_text, LANGUAGES};
use crate::state::{rows_with_pinned, Action, CatalogueRef, Change, Load, State};
use crate::{browser, url, MountConfig};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: MountConfig,
    /// A catalogue that came with the page (prerendered HTML): shown from the
    /// first render, which then matches the prerendered markup exactly.
    #[prop_or_default]
    pub preloaded: Option<CatalogueRef>,
    /// Text the reader typed into the prerendered search box before the
    /// widget took over; applied as a search once it is live.
    #[prop_or_default]
    pub typed: Option<String>,
}

/// One widget instance: loads its catalogue, keeps its view in sync with the
/// URL when asked to, and lays out the parts.
///
/// The first render uses no browser API, so the same component prerenders
/// natively and hydrates in the browser; the URL's view, typed text and the
/// like are applied as actions once the widget is live.
#[component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let prefix = config.url_state.clone();
    let hydrating = props.preloaded.is_some();
    let state = use_reducer(|| match (&props.preloaded, &prefix) {
        (Some(catalogue), _) => State::ready(catalogue.clone()),
        // A client-only render has no markup to match: read the URL at once.
        (None, Some(prefix)) => {
            let parsed = url::read_view(prefix);
            State::new(parsed.view, parsed.warnings)
        }
        (None, None) => State::new(Default::default(), Vec::new()),
    });
    let lang = state.lang(&config.lang);
    let root = use_node_ref();
    use_takeover(
        root.clone(),
        prefix.clone(),
        props.typed.clone(),
        hydrating,
        state.dispatcher(),
    );
    // Load the catalogue whenever the language or source changes (not for
    // the one that came with the page).
    {
        let dispatcher = state.dispatcher();
        let loaded_for =
            use_mut_ref(|| hydrating.then(|| (config.lang.clone(), config.src.clone())));
        use_effect_with((lang.clone(), config.src.clone()), move |wanted| {
            if loaded_for.borrow().as_ref() == Some(wanted) {
                return;
            }
            *loaded_for.borrow_mut() = Some(wanted.clone());
            let (lang, src) = wanted.clone();
            browser::load_catalogue(&lang, src, dispatcher);
        });
    }
    // Log warnings about the view (bad URL values, unknown ids).
    use_effect_with(state.warnings.clone(), |warnings| url::warn_all(warnings));
    // Write the view into the URL.
    {
        let prefix = prefix.clone();
        use_effect_with((state.view.clone(), state.change), move |(view, change)| {
            if let Some(prefix) = prefix {
                match change {
                    Change::LeaveUrl => {}
                    Change::Replace => url::replace_view(view, &prefix),
                    Change::Push => url::push_view(view, &prefix),
                }
            }
        });
    }

    let text = ui_text(&lang);
    let catalogue = state.catalogue().cloned();
    let index = use_memo(catalogue.clone(), |c| {
        c.as_ref().map(|c| Rc::new(SearchIndex::new(c)))
    });
    let selection = use_memo(
        (
            catalogue.clone(),
            state.view.q.clone(),
            state.view.stages.clone(),
            state.view.categories.clone(),
            state.view.sort,
            state.view.release.clone(),
            state.view.changed.clone(),
        ),
        |(c, ..)| match (c, index.as_ref()) {
            (Some(c), Some(index)) => {
                Some(select(c, index, &state.view, &browser::collator(&c.locale)))
            }
            _ => None,
        },
    );
    let grid = use_memo(
        (catalogue.clone(), state.view.release.clone()),
        |(c, release)| match (c, index.as_ref()) {
            (Some(c), Some(index)) => Rc::new(summary(c, index, release.as_deref())),
            _ => Rc::new(Vec::new()),
        },
    );
    let search = use_memo(state.view.q.clone(), |q| Search::new(q));
    let search_input = use_node_ref();
    use_search_shortcut(search_input.clone());
    let dialog =
        use_definitions_dialog(state.view.defs != Definitions::Closed, catalogue.is_some());

    let on_search = use_sender(state.dispatcher(), Action::Search);
    let on_stage = use_sender(state.dispatcher(), Action::ToggleStage);
    let on_category = use_sender(state.dispatcher(), Action::ToggleCategory);
    let on_lang = use_sender(state.dispatcher(), Action::SetLang);
    let on_badge = use_sender(state.dispatcher(), |id| Action::OpenDefinitions(Some(id)));
    let on_cell = use_sender(state.dispatcher(), |(category, stage)| Action::FilterCell {
        category,
        stage,
    });
    let on_sort = use_sender(state.dispatcher(), Action::SortBy);
    let on_reset = use_sender(state.dispatcher(), |_: MouseEvent| Action::Reset);
    let on_defs = use_sender(state.dispatcher(), |_: MouseEvent| {
        Action::OpenDefinitions(None)
    });
    let on_close = use_sender(state.dispatcher(), |()| Action::CloseDefinitions);
    let on_show_all = use_sender(state.dispatcher(), |()| Action::ShowAllRows);
    let on_release = use_sender(state.dispatcher(), Action::SetRelease);
    let on_changed = use_sender(state.dispatcher(), Action::SetChanged);
    let pinned = state.pinned_index();
    use_scroll_to_pinned(pinned, prefix.clone(), catalogue.clone());
    let on_copy = {
        let (view, prefix, dispatcher) = (
            state.view.clone(),
            prefix.clone().unwrap_or_default(),
            state.dispatcher(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(link) = url::absolute_url_for(&view, &prefix) {
                browser::copy_to_clipboard(link, dispatcher.clone());
            }
        })
    };
    // The same callback on every render (the rows are memoised): the link is
    // the page's URL as it is when clicked, with the feature's anchor.
    let on_copy_feature = {
        let dispatcher = state.dispatcher();
        use_callback(prefix.clone(), move |id: String, prefix| {
            let anchor = url::feature_anchor(prefix.as_deref(), &id);
            if let Some(link) = url::feature_url(&anchor) {
                browser::copy_to_clipboard(link, dispatcher.clone());
            }
        })
    };
    let heading_level = config.heading_level.clamp(1, 4);
    let body = match (&state.load, selection.as_ref()) {
        (Load::Failed(failure), _) => error_panel(&ErrorPanelProps {
            failure: failure.clone(),
            text,
        }),
        (Load::Ready(c), Some(selection)) => {
            let view = &state.view;
            let facets = &selection.facets;
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
            let (rows, forced) = rows_with_pinned(&selection.rows, pinned);
            let rows = Rc::new(rows);
            let release_rank = view.release.as_deref().and_then(|r| c.release_rank(r));
            let limit = state.row_limit();
            let status = (text.count_of)(facets.matching, facets.total);
            let copy_status = state.copy_status.message(text.link_copied);
            html! {
                <>
                    { heading(heading_level, "fm-title", &c.title) }
                    if !c.intro.is_empty() {
                        <p class="fm-intro">{inline_text(&c.intro, c.base_url.as_deref())}</p>
                    }
                    if !c.aspects.is_empty() {
                        <details class="fm-defs-inline" open=true>
                            <summary>{ if c.definitions_heading.is_empty() { text.what_stages_mean.to_string() } else { c.definitions_heading.clone() } }</summary>
                            { definitions_table(&DefinitionsTableProps { catalogue: c.clone(), text, at_stage: None }) }
                        </details>
                    }
                    if !c.features_heading.is_empty() {
                        { heading(heading_level + 1, "fm-subtitle", &c.features_heading) }
                    }
                    if !c.features_intro.is_empty() {
                        <p class="fm-intro">{inline_text(&c.features_intro, c.base_url.as_deref())}</p>
                    }
                    { summary_grid(&SummaryGridProps { catalogue: c.clone(), grid: (*grid).clone(), active: state.active_cell(), text, oncell: on_cell, live: state.live }) }
                    <div class="fm-controls" role="search" aria-label={text.filters}>
                        { search_box(&SearchBoxProps { value: view.q.clone().into(), label: text.search_label.into(), placeholder: text.search_placeholder.into(), oninput: on_search, input: search_input.clone() }) }
                        { chip_group(&ChipGroupProps { legend: text.stages.into(), chips: stage_chips, ontoggle: on_stage }) }
                        { chip_group(&ChipGroupProps { legend: text.categories.into(), chips: category_chips, ontoggle: on_category }) }
                        <div class="fm-actions">
                            if view.is_filtered() {
                                <button type="button" class="fm-button" onclick={on_reset.clone()}>{text.reset}</button>
                            }
                            if !c.aspects.is_empty() {
                                <button type="button" class="fm-button" onclick={on_defs} aria-haspopup="dialog">{text.what_stages_mean}</button>
                            }
                            <button type="button" class="fm-button" onclick={on_copy}>{text.copy_link}</button>
                            if config.src.is_none() {
                                <span class="fm-langs" role="group" aria-label={text.language}>
                                    { for LANGUAGES.iter().map(|(code, name)| {
                                        let on_lang = on_lang.clone();
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
                                {release_select(text.as_of_release, text.latest, &c.releases, view.release.as_deref(), &on_release)}
                                {release_select(text.changed_in, text.any_release, &c.releases, view.changed.as_deref(), &on_changed)}
                            </div>
                        }
                        <p class="fm-copy-status" aria-live="polite">{copy_status}</p>
                    </div>
                    <p class="fm-status" role="status" aria-live="polite">{status}</p>
                    if forced {
                        <p class="fm-pinned-note">{text.shown_for_link}</p>
                    }
                    if rows.is_empty() {
                        <div class="fm-empty">
                            <p>{text.no_match}</p>
                            <button type="button" class="fm-button" onclick={on_reset}>{text.reset}</button>
                        </div>
                    } else {
                        <Matrix catalogue={c.clone()} {rows} {limit} search={(*search).clone()} sort={view.sort} {text}
                            onsort={on_sort} onbadge={on_badge} onshowall={on_show_all}
                            release={release_rank} {pinned} prefix={prefix.clone().map(AttrValue::from)} oncopy={on_copy_feature} live={state.live} />
                    }
                    if !c.footer.is_empty() {
                        <p class="fm-footer">{inline_text(&c.footer, c.base_url.as_deref())}</p>
                    }
                    { definitions_dialog(&DefinitionsDialogProps { catalogue: c.clone(), text, defs: view.defs.clone(), onclose: on_close, refs: dialog.clone() }) }
                </>
            }
        }
        _ => html! { <p class="fm-loading" role="status">{text.loading}</p> },
    };
    html! {
        <div ref={root} class={if state.live { "fm-root fm-live" } else { "fm-root" }} lang={text.locale} data-theme={config.theme.clone()}>
            {body}
        </div>
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

/// A callback that turns its argument into an action and dispatches it; the
/// same callback on every render, so that memoised children stay unchanged.
#[hook]
fn use_sender<T: 'static>(
    dispatcher: UseReducerDispatcher<State>,
    make: fn(T) -> Action,
) -> Callback<T> {
    use_callback((), move |value: T, _| dispatcher.dispatch(make(value)))
}

fn heading(level: u8, class: &'static str, text: &str) -> Html {
    let text = text.to_string();
    match level {
        1 => html! { <h1 {class}>{text}</h1> },
        2 => html! { <h2 {class}>{text}</h2> },
        3 => html! { <h3 {class}>{text}</h3> },
        4 => html! { <h4 {class}>{text}</h4> },
        _ => html! { <h5 {class}>{text}</h5> },
    }
}
