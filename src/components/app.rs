//! The widget's root component: one instance's state, the effects that keep
//! it in step with the catalogue and the URL, and the layout of its parts.

use std::rc::Rc;

use catalogue::view::{
    select, stages_per_release, summary, Definitions, Search, SearchIndex, Selection, SortKey,
    ViewMode, ViewQuery,
};
use yew::prelude::*;

use super::controls::controls;
use super::intro::intro;
use super::release_matrix::{MaturityChart, ReleaseMatrix};
use super::takeover::{use_scroll_to_pinned, use_takeover};
use super::{
    definitions_dialog, error_panel, inline_text, summary_grid, use_definitions_dialog,
    use_search_shortcut, DefinitionsDialogProps, ErrorPanelProps, Matrix, SummaryGridProps,
};
use crate::i18n::{ui_text, UiText};
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
    /// Whether the first render makes (prerendering) or takes over
    /// (hydrating) markup with the catalogue's rows: all of them, then, so
    /// that the page reads whole without JavaScript. A catalogue block
    /// alone is data for a client render, paced and limited like a fetch.
    #[prop_or_default]
    pub markup: bool,
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
        (Some(catalogue), _) => State::ready(catalogue.clone(), props.markup),
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
        use_effect_with((lang.to_string(), config.src.clone()), move |wanted| {
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

    let text = ui_text(lang);
    let catalogue = state.catalogue().cloned();
    let rows = use_view_rows(catalogue.clone(), &state.view);
    let search_input = use_node_ref();
    use_search_shortcut(search_input.clone());
    let dialog =
        use_definitions_dialog(state.view.defs != Definitions::Closed, catalogue.is_some());
    let send = use_senders(state.dispatcher(), &state.view, &prefix);
    use_scroll_to_pinned(state.pinned_index(), prefix.clone(), catalogue);
    let body = match (&state.load, rows.selection.as_ref()) {
        (Load::Failed(failure), _) => error_panel(&ErrorPanelProps {
            failure: failure.clone(),
            text,
        }),
        (Load::Ready(c), Some(selection)) => {
            let (view, facets) = (&state.view, &selection.facets);
            html! {
                <>
                    { intro(c, text, config.heading_level) }
                    { summary_grid(&SummaryGridProps { catalogue: c.clone(), grid: rows.grid.clone(), active: state.active_cell(), text, oncell: send.cell.clone(), live: state.live }) }
                    { controls(c, &state, facets, text, config, &search_input, &send) }
                    { features(c, &state, selection, &rows, text, config, &send) }
                    if !c.footer.is_empty() {
                        <p class="fm-footer">{inline_text(&c.footer, c.base_url.as_deref())}</p>
                    }
                    { definitions_dialog(&DefinitionsDialogProps { catalogue: c.clone(), text, defs: view.defs.clone(), onclose: send.close.clone(), refs: dialog }) }
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

/// The features as the view shows them: the count, the notes about what is
/// shown (a linked feature the filters hide, an older release), then the
/// table or the release matrix with its chart, or the empty state.
fn features(
    c: &CatalogueRef,
    state: &State,
    selection: &Selection,
    rows: &ViewRows,
    text: &'static UiText,
    config: &MountConfig,
    send: &Senders,
) -> Html {
    let (view, facets) = (&state.view, &selection.facets);
    let pinned = state.pinned_index();
    let (shown, forced) = rows_with_pinned(selection.rows.clone(), pinned);
    let release = view.release.as_deref().and_then(|r| c.release_rank(r));
    let prefix = config.url_state.clone().map(AttrValue::from);
    let older = state.older_release().map(|(release, latest)| {
        let latest_again = {
            let onrelease = send.release.clone();
            Callback::from(move |_: MouseEvent| onrelease.emit(None))
        };
        html! {
            <p class="fm-older">{(text.older_release)(release, latest)}{" "}
                <button type="button" class="fm-button fm-js" onclick={latest_again}>{text.show_latest}</button>
            </p>
        }
    });
    let list = if shown.is_empty() {
        html! {
            <div class="fm-empty">
                <p>{text.no_match}</p>
                <button type="button" class="fm-button" onclick={send.reset.clone()}>{text.reset}</button>
            </div>
        }
    } else if state.mode(config.view) == ViewMode::Releases {
        html! {
            <>
                <MaturityChart catalogue={c.clone()} counts={rows.maturity.clone()} {text} selected={release} onrelease={send.release.clone()} />
                <ReleaseMatrix catalogue={c.clone()} rows={Rc::new(shown)} limit={state.row_limit()} grouped={view.sort.is_none()} search={(*rows.search).clone()} {text}
                    {release} changed={state.changed_span()} onrelease={send.release.clone()} onshowall={send.show_all.clone()} live={state.live} />
            </>
        }
    } else {
        html! {
            <Matrix catalogue={c.clone()} rows={Rc::new(shown)} limit={state.row_limit()} search={(*rows.search).clone()} sort={view.sort.clone()} {text}
                onsort={send.sort.clone()} onbadge={send.badge.clone()} onshowall={send.show_all.clone()}
                {release} changed={state.changed_span()} {pinned} {prefix} oncopy={send.copy_feature.clone()} live={state.live} />
        }
    };
    html! {
        <>
            <p class="fm-status" role="status" aria-live="polite">{(text.count_of)(facets.matching, facets.total)}</p>
            {older}
            if forced {
                <p class="fm-pinned-note">{text.shown_for_link}</p>
            }
            {list}
        </>
    }
}

/// The view worked out from the state, each part again only when what it
/// depends on changes.
struct ViewRows {
    /// The rows and the facet counts (`None` until there is a catalogue).
    selection: Rc<Option<Selection>>,
    /// The summary grid's counts.
    grid: Rc<Vec<Vec<usize>>>,
    /// The search, for the rows' highlights.
    search: Rc<Search>,
    /// Features per stage in each release, for the release view's chart.
    maturity: Rc<Vec<Vec<usize>>>,
}

/// The view's rows, facets, summary counts and search for `catalogue`.
#[hook]
fn use_view_rows(catalogue: Option<CatalogueRef>, view: &ViewQuery) -> ViewRows {
    let index = use_memo(catalogue.clone(), |c| {
        c.as_ref().map(|c| Rc::new(SearchIndex::new(c)))
    });
    let selection = use_memo(
        (
            catalogue.clone(),
            view.q.clone(),
            view.stages.clone(),
            view.categories.clone(),
            view.attributes.clone(),
            view.sort.clone(),
            view.release.clone(),
            view.changed.clone(),
        ),
        |(c, ..)| match (c, index.as_ref()) {
            (Some(c), Some(index)) => Some(select(c, index, view, &browser::collator(&c.locale))),
            _ => None,
        },
    );
    let maturity = use_memo(catalogue.clone(), |c| match (c, index.as_ref()) {
        (Some(c), Some(index)) if !c.releases.is_empty() => {
            let all: Vec<usize> = (0..c.features.len()).collect();
            stages_per_release(c, index, &all)
        }
        _ => Vec::new(),
    });
    let grid = use_memo((catalogue, view.release.clone()), |(c, release)| {
        match (c, index.as_ref()) {
            (Some(c), Some(index)) => Rc::new(summary(c, index, release.as_deref())),
            _ => Rc::new(Vec::new()),
        }
    });
    let search = use_memo(view.q.clone(), |q| Search::new(q));
    ViewRows {
        selection,
        grid: (*grid).clone(),
        search,
        maturity,
    }
}

/// One callback per control, each sending its action; the same callback on
/// every render (but "copy link", which copies the view it was made with),
/// so that memoised children stay unchanged.
pub(super) struct Senders {
    pub(super) search: Callback<String>,
    pub(super) stage: Callback<String>,
    pub(super) category: Callback<String>,
    /// An attribute chip: (attribute id, value id).
    pub(super) attribute: Callback<(String, String)>,
    pub(super) lang: Callback<String>,
    pub(super) badge: Callback<String>,
    pub(super) cell: Callback<(String, String)>,
    pub(super) sort: Callback<SortKey>,
    pub(super) reset: Callback<MouseEvent>,
    pub(super) defs: Callback<MouseEvent>,
    pub(super) close: Callback<()>,
    pub(super) show_all: Callback<()>,
    pub(super) release: Callback<Option<String>>,
    pub(super) changed: Callback<Option<String>>,
    pub(super) changed_since: Callback<Option<String>>,
    pub(super) view: Callback<ViewMode>,
    /// Copies the link to the view as it is at this render.
    pub(super) copy: Callback<MouseEvent>,
    /// Copies the link to a feature (its id).
    pub(super) copy_feature: Callback<String>,
}

/// The controls' callbacks for this render; "copy link" copies `view`.
#[hook]
fn use_senders(
    dispatcher: UseReducerDispatcher<State>,
    view: &ViewQuery,
    prefix: &Option<String>,
) -> Senders {
    Senders {
        search: use_sender(dispatcher.clone(), Action::Search),
        stage: use_sender(dispatcher.clone(), Action::ToggleStage),
        category: use_sender(dispatcher.clone(), Action::ToggleCategory),
        attribute: use_sender(dispatcher.clone(), |(id, value)| {
            Action::ToggleAttribute(id, value)
        }),
        lang: use_sender(dispatcher.clone(), Action::SetLang),
        badge: use_sender(dispatcher.clone(), |id| Action::OpenDefinitions(Some(id))),
        cell: use_sender(dispatcher.clone(), |(category, stage)| Action::FilterCell {
            category,
            stage,
        }),
        sort: use_sender(dispatcher.clone(), Action::SortBy),
        reset: use_sender(dispatcher.clone(), |_| Action::Reset),
        defs: use_sender(dispatcher.clone(), |_| Action::OpenDefinitions(None)),
        close: use_sender(dispatcher.clone(), |()| Action::CloseDefinitions),
        show_all: use_sender(dispatcher.clone(), |()| Action::ShowAllRows),
        release: use_sender(dispatcher.clone(), Action::SetRelease),
        changed: use_sender(dispatcher.clone(), Action::SetChanged),
        changed_since: use_sender(dispatcher.clone(), Action::SetChangedSince),
        view: use_sender(dispatcher.clone(), Action::SetView),
        copy: {
            let (view, prefix, dispatcher) = (
                view.clone(),
                prefix.clone().unwrap_or_default(),
                dispatcher.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                if let Some(link) = url::absolute_url_for(&view, &prefix) {
                    browser::copy_to_clipboard(link, dispatcher.clone());
                }
            })
        },
        // The link is the page's URL as it is when clicked, with the feature's anchor.
        copy_feature: use_callback(prefix.clone(), move |id: String, prefix| {
            let anchor = url::feature_anchor(prefix.as_deref(), &id);
            if let Some(link) = url::feature_url(&anchor) {
                browser::copy_to_clipboard(link, dispatcher.clone());
            }
        }),
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
