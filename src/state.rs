//! The widget's state, the actions a reader can take, and the reducer.

use std::rc::Rc;

use catalogue::view::{Definitions, Sort, SortKey, ViewMode, ViewQuery, MAX_QUERY_CHARS};
use catalogue::{Catalogue, LoadError, Problem};
use thiserror::Error;
use yew::Reducible;

/// Rows rendered before a "show the rest" button; keeps huge catalogues responsive.
pub const ROW_LIMIT: usize = 200;

/// A loaded catalogue, compared by identity so hooks never deep-compare it.
#[derive(Clone, Debug)]
pub struct CatalogueRef(pub Rc<Catalogue>);

impl PartialEq for CatalogueRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for CatalogueRef {
    type Target = Catalogue;
    fn deref(&self) -> &Catalogue {
        &self.0
    }
}

/// Why no catalogue can be shown.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Failure {
    #[error("{url}: {reason}")]
    Fetch { url: String, reason: String },
    #[error(transparent)]
    Invalid(#[from] LoadError),
}

impl Failure {
    /// Each problem, for the error panel's list.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Failure::Fetch { url, reason } => vec![Problem {
                path: url.clone(),
                message: reason.clone(),
            }],
            Failure::Invalid(e) => e.problems(),
        }
    }
}

/// Where the catalogue is.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Ready(CatalogueRef),
    Failed(Failure),
}

/// How the last change should reach the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Leave the URL as it is: the first render, a view that came from the
    /// URL, and whatever is not the reader changing the view.
    LeaveUrl,
    /// Another keystroke of the same typing run: replace the history entry.
    Replace,
    /// A discrete change, or the first keystroke of a typing run: push an entry.
    Push,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub view: ViewQuery,
    pub load: Load,
    pub change: Change,
    /// Warnings about the view (bad URL values) not yet logged.
    pub warnings: Rc<Vec<String>>,
    /// Whether every row is shown, past [`ROW_LIMIT`].
    pub show_all_rows: bool,
    /// Whether this is still the prerendered view, whose markup holds every
    /// row (so that a page reads whole without JavaScript): its rows all
    /// stay until the view changes.
    pub prerendered_rows: bool,
    /// Whether the last action was a keystroke in the search box.
    pub typing: bool,
    /// The feature a `#feature-<id>` link points at: scrolled to, highlighted,
    /// and shown even when the filters would hide it.
    pub pinned: Option<String>,
    /// Whether the widget has taken over: controls are inert until then.
    pub live: bool,
    /// How the last "copy link" went.
    pub copy_status: CopyStatus,
}

/// How the last "copy link" went, for the status line under the controls.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CopyStatus {
    /// No link copied yet: the line is empty.
    #[default]
    Idle,
    /// The link is on the clipboard.
    Copied,
    /// The clipboard refused the link: shown, to copy by hand.
    CopyByHand(String),
}

impl CopyStatus {
    /// The status line's text: `copied` once copied, the refused link to copy
    /// by hand, nothing before.
    pub fn message(&self, copied: &str) -> String {
        match self {
            CopyStatus::Idle => String::new(),
            CopyStatus::Copied => copied.to_string(),
            CopyStatus::CopyByHand(link) => link.clone(),
        }
    }
}

impl State {
    pub fn new(view: ViewQuery, warnings: Vec<String>) -> Self {
        State {
            view,
            load: Load::Loading,
            change: Change::LeaveUrl,
            warnings: Rc::new(warnings),
            show_all_rows: false,
            prerendered_rows: false,
            typing: false,
            pinned: None,
            live: false,
            copy_status: CopyStatus::Idle,
        }
    }

    /// A view of a catalogue that came with the page: the default view, as
    /// prerendered, every row of it when the page has (or gets) its markup.
    pub fn ready(catalogue: CatalogueRef, markup: bool) -> Self {
        State {
            load: Load::Ready(catalogue),
            prerendered_rows: markup,
            ..State::new(ViewQuery::default(), Vec::new())
        }
    }

    pub fn catalogue(&self) -> Option<&CatalogueRef> {
        match &self.load {
            Load::Ready(c) => Some(c),
            _ => None,
        }
    }

    /// The language shown: the view's (the URL's or the picker's), else the
    /// mount point's.
    pub fn lang<'a>(&'a self, mount: &'a str) -> &'a str {
        self.view.lang.as_deref().unwrap_or(mount)
    }

    /// The view shown: the reader's choice (the switch or the URL), else the
    /// page's; the table for a catalogue without releases.
    pub fn mode(&self, page: ViewMode) -> ViewMode {
        match self.catalogue() {
            Some(c) if c.releases.is_empty() => ViewMode::Table,
            _ => self.view.view.unwrap_or(page),
        }
    }

    /// The releases "changed" compares, as (from, to) ranks.
    pub fn changed_span(&self) -> Option<(Option<usize>, usize)> {
        self.view.changed_span(self.catalogue()?)
    }

    /// The release the view is as of, when it is not the latest: (that
    /// release, the latest).
    pub fn older_release(&self) -> Option<(&str, &str)> {
        let c = self.catalogue()?;
        let release = self.view.release.as_deref()?;
        let latest = c.releases.last()?;
        (release != latest).then_some((release, latest.as_str()))
    }

    /// Where the feature a link points at is in the catalogue, once both are known.
    pub fn pinned_index(&self) -> Option<usize> {
        let (id, c) = self.pinned.as_ref().zip(self.catalogue())?;
        c.features.iter().position(|f| &f.id == id)
    }

    /// The summary-grid cell the view is filtered to exactly (one category
    /// and one stage), as (category id, stage id).
    pub fn active_cell(&self) -> Option<(String, String)> {
        match (self.view.categories.as_slice(), self.view.stages.as_slice()) {
            ([category], [stage]) => Some((category.clone(), stage.clone())),
            _ => None,
        }
    }

    /// How many rows the matrix renders before its "show all" button.
    pub fn row_limit(&self) -> usize {
        if self.show_all_rows || self.prerendered_rows {
            usize::MAX
        } else {
            ROW_LIMIT
        }
    }
}

/// The rows to show: the selected `rows`, and first the linked feature
/// (`pinned`) when the filters hide it; the flag says it was added, so that
/// the reader is told.
pub fn rows_with_pinned(mut rows: Vec<usize>, pinned: Option<usize>) -> (Vec<usize>, bool) {
    let forced = pinned.filter(|i| !rows.contains(i));
    if let Some(i) = forced {
        rows.insert(0, i);
    }
    (rows, forced.is_some())
}

/// The release a "changed" value ends at: `1.30` of `1.20..1.30` or `1.30`.
pub fn changed_to(changed: Option<&str>) -> Option<&str> {
    changed.map(|c| c.split_once("..").map_or(c, |(_, to)| to))
}

/// The release a "changed" range starts at (`None` for one release).
pub fn changed_since(changed: Option<&str>) -> Option<&str> {
    changed
        .and_then(|c| c.split_once(".."))
        .map(|(since, _)| since)
}

pub enum Action {
    Search(String),
    ToggleStage(String),
    ToggleCategory(String),
    /// A chip of an attribute's facet: (attribute id, value id).
    ToggleAttribute(String, String),
    /// A summary-grid cell: exactly this category and stage.
    FilterCell {
        category: String,
        stage: String,
    },
    Reset,
    SortBy(SortKey),
    OpenDefinitions(Option<String>),
    CloseDefinitions,
    SetLang(String),
    /// The URL changed (Back/Forward).
    FromUrl(ViewQuery, Vec<String>),
    Loaded(Result<Rc<Catalogue>, Failure>),
    ShowAllRows,
    /// The release picker: every stage as of this release (`None`: latest).
    SetRelease(Option<String>),
    /// The "changed in" filter: one release, keeping the release it is
    /// compared with.
    SetChanged(Option<String>),
    /// The release the "changed in" release is compared with (`None`: the
    /// release before).
    SetChangedSince(Option<String>),
    /// The view switch: the table or the release matrix.
    SetView(ViewMode),
    /// The page's `#feature-<id>` anchor changed.
    Pin(Option<String>),
    /// The widget took over: its controls work from now on.
    Live,
    /// A "copy link" finished.
    CopyFinished(CopyStatus),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.change = Change::Push;
        next.warnings = Rc::new(Vec::new());
        next.typing = matches!(action, Action::Search(_));
        // Not view changes: nothing to write to the URL, and the warnings not
        // yet logged and a typing run go on.
        let quiet = matches!(
            action,
            Action::Pin(_) | Action::Live | Action::CopyFinished(_)
        );
        let view = &mut next.view;
        match action {
            Action::Search(q) => {
                view.q = q.chars().take(MAX_QUERY_CHARS).collect();
                if self.typing {
                    next.change = Change::Replace;
                }
            }
            Action::ToggleStage(id) => {
                let order = self.catalogue().map(|c| c.0.clone());
                ViewQuery::toggle(&mut view.stages, &id, |s| {
                    order.as_ref().map_or(0, |c| c.stage_rank(s))
                });
            }
            Action::ToggleCategory(id) => {
                let order = self.catalogue().map(|c| c.0.clone());
                ViewQuery::toggle(&mut view.categories, &id, |s| {
                    order.as_ref().map_or(0, |c| c.category_rank(s))
                });
            }
            Action::ToggleAttribute(id, value) => {
                if let Some(c) = self.catalogue() {
                    view.toggle_attribute(c, &id, &value);
                }
            }
            Action::FilterCell { category, stage } => {
                view.categories = vec![category];
                view.stages = vec![stage];
            }
            Action::Reset => {
                view.q.clear();
                view.stages.clear();
                view.categories.clear();
                view.attributes.clear();
                view.changed = None;
            }
            Action::SetRelease(release) => view.release = release,
            Action::SetChanged(to) => {
                let since = changed_since(view.changed.as_deref()).map(str::to_string);
                view.changed = to.map(|to| match since {
                    Some(since) if since != to => format!("{since}..{to}"),
                    _ => to,
                });
            }
            Action::SetChangedSince(since) => {
                let to = changed_to(view.changed.as_deref()).map(str::to_string);
                view.changed = to.map(|to| match since {
                    Some(since) => format!("{since}..{to}"),
                    None => to,
                });
            }
            Action::SetView(mode) => view.view = Some(mode),
            Action::Pin(id) => next.pinned = id,
            Action::Live => next.live = true,
            Action::CopyFinished(status) => next.copy_status = status,
            Action::SortBy(key) => view.sort = Sort::cycle(view.sort.take(), key),
            Action::OpenDefinitions(stage) => {
                view.defs = stage.map_or(Definitions::Open, Definitions::AtStage);
            }
            Action::CloseDefinitions => {
                if view.defs == Definitions::Closed {
                    return self;
                }
                view.defs = Definitions::Closed;
            }
            // The load effect swaps the catalogue when the language really
            // changes; until then the current one stays on screen.
            Action::SetLang(lang) => view.lang = Some(lang),
            Action::FromUrl(mut from_url, warnings) => {
                let mut warnings = warnings;
                if let Some(c) = self.catalogue() {
                    warnings.extend(from_url.sanitize(c));
                }
                *view = from_url;
                next.change = Change::LeaveUrl;
                next.warnings = Rc::new(warnings);
            }
            Action::Loaded(Ok(catalogue)) => {
                next.warnings = Rc::new(view.sanitize(&catalogue));
                next.load = Load::Ready(CatalogueRef(catalogue));
                next.change = Change::LeaveUrl;
                next.show_all_rows = false;
            }
            Action::Loaded(Err(failure)) => {
                next.load = Load::Failed(failure);
                next.change = Change::LeaveUrl;
            }
            Action::ShowAllRows => {
                next.show_all_rows = true;
                next.change = Change::LeaveUrl;
            }
        }
        if next.view != self.view {
            next.prerendered_rows = false;
        }
        if quiet {
            next.change = Change::LeaveUrl;
            next.warnings = self.warnings.clone();
            next.typing = self.typing;
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: Rc<State>, action: Action) -> Rc<State> {
        state.reduce(action)
    }

    #[test]
    fn taking_over_or_copying_a_link_goes_on_with_the_typing_run_and_keeps_warnings() {
        let start = Rc::new(State::new(ViewQuery::default(), vec!["bad".into()]));
        let typed = reduce(start, Action::Search("he".into()));
        assert_eq!(typed.change, Change::Push);
        let typed = Rc::new(State {
            warnings: Rc::new(vec!["bad".into()]),
            ..(*typed).clone()
        });
        for quiet in [
            Action::Live,
            Action::CopyFinished(CopyStatus::Copied),
            Action::Pin(None),
        ] {
            let after = reduce(typed.clone(), quiet);
            assert_eq!(after.change, Change::LeaveUrl);
            assert_eq!(*after.warnings, ["bad"]);
            // The next keystroke replaces the history entry of the run.
            assert_eq!(
                reduce(after, Action::Search("hel".into())).change,
                Change::Replace
            );
        }
    }

    fn loaded() -> State {
        let c = catalogue::load_str(catalogue::BUNDLED_EN).unwrap();
        State::ready(CatalogueRef(Rc::new(c)), true)
    }

    #[test]
    fn a_linked_feature_is_found_once_the_catalogue_is_there() {
        let id = loaded().catalogue().unwrap().features[3].id.clone();
        let loading = State {
            pinned: Some(id.clone()),
            ..State::new(ViewQuery::default(), Vec::new())
        };
        assert_eq!(loading.pinned_index(), None);
        let ready = State {
            pinned: Some(id),
            ..loaded()
        };
        assert_eq!(ready.pinned_index(), Some(3));
        let unknown = State {
            pinned: Some("no-such-feature".into()),
            ..loaded()
        };
        assert_eq!(unknown.pinned_index(), None);
    }

    #[test]
    fn a_summary_cell_is_active_for_exactly_one_category_and_one_stage() {
        let mut state = State::new(ViewQuery::default(), Vec::new());
        assert_eq!(state.active_cell(), None);
        state.view.categories = vec!["net".into()];
        state.view.stages = vec!["beta".into()];
        assert_eq!(state.active_cell(), Some(("net".into(), "beta".into())));
        state.view.stages.push("stable".into());
        assert_eq!(state.active_cell(), None);
    }

    #[test]
    fn a_linked_feature_the_filters_hide_is_shown_first() {
        assert_eq!(rows_with_pinned(vec![4, 7], Some(2)), (vec![2, 4, 7], true));
        assert_eq!(rows_with_pinned(vec![4, 7], Some(7)), (vec![4, 7], false));
        assert_eq!(rows_with_pinned(vec![4, 7], None), (vec![4, 7], false));
        assert_eq!(rows_with_pinned(vec![], Some(0)), (vec![0], true));
    }

    #[test]
    fn rows_past_the_limit_render_only_after_show_all() {
        let start = Rc::new(State::new(ViewQuery::default(), Vec::new()));
        assert_eq!(start.row_limit(), ROW_LIMIT);
        assert_eq!(reduce(start, Action::ShowAllRows).row_limit(), usize::MAX);
    }

    #[test]
    fn a_prerendered_view_keeps_all_its_rows_until_the_view_changes() {
        let start = Rc::new(loaded());
        assert_eq!(start.row_limit(), usize::MAX, "the markup has every row");
        let live = reduce(start.clone(), Action::Live);
        assert_eq!(live.row_limit(), usize::MAX);
        let same = reduce(
            live.clone(),
            Action::FromUrl(ViewQuery::default(), Vec::new()),
        );
        assert_eq!(
            same.row_limit(),
            usize::MAX,
            "the URL asked for the same view"
        );
        let searched = reduce(live, Action::Search("a".into()));
        assert_eq!(searched.row_limit(), ROW_LIMIT);
        let back = reduce(searched, Action::Search(String::new()));
        assert_eq!(back.row_limit(), ROW_LIMIT, "a new view: the limit again");
    }

    #[test]
    fn the_copy_status_says_copied_or_shows_the_link_to_copy_by_hand() {
        assert_eq!(CopyStatus::Idle.message("Link copied"), "");
        assert_eq!(CopyStatus::Copied.message("Link copied"), "Link copied");
        let refused = CopyStatus::CopyByHand("https://x.example/#feature-a".into());
        assert_eq!(
            refused.message("Link copied"),
            "https://x.example/#feature-a"
        );
    }

    #[test]
    fn the_view_language_wins_over_the_mount_points() {
        let mut state = State::new(ViewQuery::default(), Vec::new());
        assert_eq!(state.lang("zh"), "zh");
        state.view.lang = Some("en".into());
        assert_eq!(state.lang("zh"), "en");
    }

    #[test]
    fn live_and_copied_are_set_by_their_actions() {
        let start = Rc::new(State::new(ViewQuery::default(), Vec::new()));
        assert!(!start.live && start.copy_status == CopyStatus::Idle);
        assert!(reduce(start.clone(), Action::Live).live);
        let refused = CopyStatus::CopyByHand("https://x.example/".into());
        let copied = reduce(start, Action::CopyFinished(refused.clone()));
        assert_eq!(copied.copy_status, refused);
    }
}
