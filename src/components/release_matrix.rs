//! The release matrix (`view=releases`): every shown feature's stage in
//! every release, one column per release, oldest first; and above it how the
//! project matured, features per stage in each release as stacked bars with
//! the same numbers as a table.

use std::rc::Rc;

use catalogue::history;
use catalogue::view::Search;
use catalogue::{Catalogue, Stage};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::highlighted;
use super::pacing::{use_pacing, FirstScreen};
use crate::i18n::UiText;
use crate::state::CatalogueRef;

#[derive(Properties, PartialEq)]
pub struct ReleaseMatrixProps {
    pub catalogue: CatalogueRef,
    /// Feature indices in display order.
    pub rows: Rc<Vec<usize>>,
    /// How many rows to render (the rest behind the "show all" button).
    pub limit: usize,
    /// Group the rows by category (no sort is active).
    pub grouped: bool,
    pub search: Search,
    pub text: &'static UiText,
    /// The selected release's rank (its column stands out).
    pub release: Option<usize>,
    /// The releases "changed" compares (`from`, `to`), for before → after.
    pub changed: Option<(Option<usize>, usize)>,
    /// A release header's click: that release, or the latest again.
    pub onrelease: Callback<Option<String>>,
    pub onshowall: Callback<()>,
    pub live: bool,
}

/// The release matrix's first screen: the rows its box shows (80% of a
/// 900 px window is 720 px; less its headers, rows of two lines, about 40 px
/// each, fill it with 16), each a cell per release, so fewer than the
/// table's; and none of the later rows, which would all be painted again
/// (200 rows are 6,000 cells at 30 releases); and no row at all while the
/// box is out of view. The rest follow once the reader pauses.
const SCREEN: FirstScreen = FirstScreen {
    rows: 16,
    keep_later: false,
    only_in_view: true,
};

/// Most rows the release matrix renders, "show all" or not: a row is a
/// cell per release, and the page stays quick with tens of thousands of
/// cells, not with hundreds of thousands.
pub const MAX_ROWS: usize = 1000;

/// The stage's label shortened for a cell: whole up to three characters
/// (`GA`), else its first character in ASCII upper case (`alpha` → `A`;
/// Unicode's case tables would outweigh the release matrix). The cell's
/// accessible name carries the whole label.
fn short_label(stage: &Stage) -> String {
    if stage.label.chars().count() <= 3 {
        stage.label.clone()
    } else {
        stage
            .label
            .chars()
            .take(1)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    }
}

/// What each stage's cells say, made once per catalogue and shared by every
/// row (cloning an `AttrValue` copies no text): a matrix of 10k features
/// over 30 releases then builds no string per cell.
pub struct CellTexts {
    /// Per stage, in the catalogue's order.
    stages: Vec<StageCell>,
    removed: StageCell,
    not_yet: AttrValue,
    not_yet_class: AttrValue,
}

/// One stage's cell: its short label, its name (and with "changed"), its
/// classes (and when it changed).
struct StageCell {
    short: AttrValue,
    name: AttrValue,
    changed_name: AttrValue,
    class: AttrValue,
    changed_class: AttrValue,
}

impl StageCell {
    fn new(tone: &str, short: String, name: String, text: &UiText) -> Self {
        StageCell {
            short: short.into(),
            changed_name: format!("{name}, {}", text.stage_changed).into(),
            name: name.into(),
            class: format!("fm-rm-cell fm-tone-{tone}").into(),
            changed_class: format!("fm-rm-cell fm-tone-{tone} fm-rm-changed").into(),
        }
    }
}

impl CellTexts {
    pub fn new(c: &Catalogue, text: &'static UiText) -> Self {
        CellTexts {
            stages: c
                .stages
                .iter()
                .map(|s| StageCell::new(s.tone.as_str(), short_label(s), s.label.clone(), text))
                .collect(),
            removed: StageCell::new("removed", "×".into(), text.removed.into(), text),
            not_yet: text.not_yet.into(),
            not_yet_class: "fm-rm-cell fm-tone-none".into(),
        }
    }
}

impl PartialEq for CellTexts {
    /// Made once per catalogue and language: the same texts are the same value.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The release matrix: paced like the table (`pacing.rs`), each row a
/// memoised [`ReleaseRow`].
#[component]
pub fn ReleaseMatrix(props: &ReleaseMatrixProps) -> Html {
    let c = &props.catalogue;
    let text = props.text;
    let limit = props.limit.min(MAX_ROWS);
    let paced = use_pacing(
        props.rows.clone(),
        limit,
        SCREEN,
        &props.search,
        None,
        props.live,
    );
    let cells = use_memo((c.clone(), text.locale), |(c, _)| CellTexts::new(c, text));
    let headers: Html = c
        .releases
        .iter()
        .enumerate()
        .map(|(rank, release)| {
            let selected = props.release == Some(rank);
            let onclick = {
                let (onrelease, release) = (props.onrelease.clone(), release.clone());
                Callback::from(move |_: MouseEvent| {
                    onrelease.emit((!selected).then(|| release.clone()))
                })
            };
            // Until the takeover, text in the button's box (no dead control).
            html! {
                <th scope="col" class={if selected { "fm-rm-release fm-rm-selected" } else { "fm-rm-release" }}>
                    <button type="button" class="fm-rm-pick" {onclick} disabled={!props.live}
                        aria-pressed={if selected { "true" } else { "false" }}
                        title={(text.show_release)(release)}>{release.clone()}</button>
                </th>
            }
        })
        .collect();
    let row = |&(i, current): &(usize, bool)| {
        html! {
            <ReleaseRow key={c.features[i].id.clone()} catalogue={c.clone()} index={i}
                search={paced.search(&props.search, current).clone()} {text}
                release={props.release} changed={props.changed} cells={cells.clone()} />
        }
    };
    // One group per category in catalogue order, or one unnamed group when
    // a sort is active.
    let span = (c.releases.len() + 1).to_string();
    let body: Html = if props.grouped {
        // Each shown row into its category's group, in one pass.
        let mut groups: Vec<Vec<&(usize, bool)>> = vec![Vec::new(); c.categories.len()];
        for shown in &paced.shown {
            if let Some(group) = groups.get_mut(c.category_rank(&c.features[shown.0].category)) {
                group.push(shown);
            }
        }
        c.categories
            .iter()
            .zip(groups)
            .filter_map(|(category, rows)| {
                (!rows.is_empty()).then(|| {
                    let rows: Html = rows.into_iter().map(row).collect();
                    html! {
                        <tbody key={category.id.clone()}>
                            <tr class="fm-rm-group"><th scope="colgroup" colspan={span.clone()}>{category.label.clone()}</th></tr>
                            {rows}
                        </tbody>
                    }
                })
            })
            .collect()
    } else {
        let rows: Html = paced.shown.iter().map(row).collect();
        html! { <tbody>{rows}</tbody> }
    };
    let hidden = props.rows.len().min(MAX_ROWS) - props.rows.len().min(limit);
    let show_all = {
        let onshowall = props.onshowall.clone();
        Callback::from(move |_: MouseEvent| onshowall.emit(()))
    };
    html! {
        <>
            <div class="fm-rm-scroll" ref={paced.view_box.clone()}>
                <table class="fm-release-matrix" aria-busy={paced.behind.then_some("true")}>
                    <caption class="fm-visually-hidden">{text.release_matrix}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="fm-rm-corner">{text.feature}</th>
                            {headers}
                        </tr>
                    </thead>
                    {body}
                </table>
            </div>
            if hidden > 0 {
                <button type="button" class="fm-button fm-show-all fm-js" onclick={show_all}>{(text.show_all)(hidden)}</button>
            }
            if props.rows.len() > MAX_ROWS && limit == MAX_ROWS {
                <p class="fm-status">{(text.narrow_to_see)(MAX_ROWS, props.rows.len())}</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReleaseRowProps {
    pub catalogue: CatalogueRef,
    /// The feature's index in the catalogue.
    pub index: usize,
    pub search: Search,
    pub text: &'static UiText,
    pub release: Option<usize>,
    pub changed: Option<(Option<usize>, usize)>,
    /// What each stage's cells say ([`CellTexts`]).
    pub cells: Rc<CellTexts>,
}

/// One feature: its name (and how its stage changed, with "changed" on),
/// then its stage in each release. A component so that a row whose props
/// did not change is not rendered again.
#[component]
pub fn ReleaseRow(props: &ReleaseRowProps) -> Html {
    let c = &props.catalogue;
    let feature = &c.features[props.index];
    let change = props
        .changed
        .and_then(|(from, to)| history::change_between(c, feature, from, to))
        .map(|change| change_text(c, change, props.text));
    // The feature's stage in each release, read once; a cell is "changed"
    // by `history::changed_in`'s rule over them.
    let ids = history::stages_by_release(c, feature);
    let removed = history::removed_rank(c, feature);
    let texts = &props.cells;
    let cells: Html = (0..c.releases.len())
        .map(|rank| {
            let stage = ids[rank].map(|id| c.stage_rank(id));
            let cell = match stage {
                Some(s) => texts.stages.get(s),
                None if removed.is_some_and(|r| r <= rank) => Some(&texts.removed),
                None => None,
            };
            let selected = |class: &AttrValue| {
                if props.release == Some(rank) {
                    AttrValue::from(format!("{class} fm-rm-selected"))
                } else {
                    class.clone()
                }
            };
            let Some(cell) = cell else {
                let class = selected(&texts.not_yet_class);
                return html! { <td {class}>{texts.not_yet.clone()}</td> };
            };
            let changed =
                history::has_timeline(feature) && history::differs_from_before(|r| ids[r], rank);
            let (class, name) = if changed {
                (&cell.changed_class, &cell.changed_name)
            } else {
                (&cell.class, &cell.name)
            };
            let class = selected(class);
            // One element a cell: the full name is its text (read out, and
            // copied), the short label shows from `data-short` (the CSS).
            html! { <td {class} data-short={cell.short.clone()}>{name.clone()}</td> }
        })
        .collect();
    html! {
        <tr class="fm-rm-row">
            <th scope="row" class="fm-rm-name">
                {highlighted(&feature.name, &props.search)}
                <span class="fm-change">{change}</span>
            </th>
            {cells}
        </tr>
    }
}

/// "Alpha → Beta", "→ Alpha" for a feature new since the first release
/// compared, "Beta → removed" for one removed since.
pub fn change_text(
    c: &Catalogue,
    (before, after): history::Change,
    text: &'static UiText,
) -> String {
    let label = |id: Option<&str>| match id {
        Some(id) => c.stage(id).map_or(id.to_string(), |s| s.label.clone()),
        None => text.removed.to_string(),
    };
    match before {
        Some(_) => format!("{} → {}", label(before), label(after)),
        None => format!("→ {}", label(after)),
    }
}

#[derive(Properties, PartialEq)]
pub struct MaturityChartProps {
    pub catalogue: CatalogueRef,
    /// Features per stage in each release, `[release][stage]`.
    pub counts: Rc<Vec<Vec<usize>>>,
    pub text: &'static UiText,
    /// The selected release's rank (its bar stands out).
    pub selected: Option<usize>,
    /// A bar's click: that release, or the latest again.
    pub onrelease: Callback<Option<String>>,
}

/// Features per stage in each release as stacked bars (a click on a bar
/// selects its release), and the same numbers as a table for screen readers
/// and without the picture. One path per stage and one click handler for
/// the picture: each element is code. A component, so that a keystroke,
/// which changes the rows but not the counts, does not draw it again.
#[component]
pub fn MaturityChart(props: &MaturityChartProps) -> Html {
    let (c, counts, text) = (&props.catalogue, &props.counts[..], props.text);
    let (selected, onrelease) = (props.selected, &props.onrelease);
    const BAR: usize = 32;
    const HEIGHT: usize = 120;
    let most = counts
        .iter()
        .map(|r| r.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    // Each stage's bars as one path, stacked from the bottom up.
    let mut base = vec![HEIGHT; counts.len()];
    let paths: Html = c
        .stages
        .iter()
        .enumerate()
        .map(|(stage, s)| {
            let mut d = String::new();
            for (rank, per_stage) in counts.iter().enumerate() {
                let h = (per_stage[stage] * HEIGHT).div_ceil(most);
                if h > 0 {
                    base[rank] -= h.min(base[rank]);
                    d.push_str(&format!(
                        "M{} {}h{}v{h}h-{}z",
                        rank * BAR + 4,
                        base[rank],
                        BAR - 8,
                        BAR - 8
                    ));
                }
            }
            html! { <path class={format!("fm-chart-part fm-tone-{}", s.tone.as_str())} {d} /> }
        })
        .collect();
    let labels: Html = c
        .releases
        .iter()
        .enumerate()
        .map(|(rank, r)| html! { <text class="fm-chart-label" x={(rank * BAR + BAR / 2).to_string()} y={(HEIGHT + 14).to_string()}>{r.clone()}</text> })
        .collect();
    let highlight = selected.map(|rank| html! {
        <rect class="fm-chart-selected" x={(rank * BAR).to_string()} y="0" width={BAR.to_string()} height={(HEIGHT + 18).to_string()} />
    });
    let width = counts.len() * BAR;
    let onclick = {
        let (onrelease, releases) = (onrelease.clone(), c.releases.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(svg) = e
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let rect = svg.get_bounding_client_rect();
            let x = f64::from(e.client_x()) - rect.left();
            let at = (x / rect.width().max(1.0) * releases.len() as f64) as usize;
            if let Some(release) = releases.get(at) {
                onrelease.emit((selected != Some(at)).then(|| release.clone()));
            }
        })
    };
    let head: Html = c
        .stages
        .iter()
        .map(|s| html! { <th scope="col">{s.label.clone()}</th> })
        .collect();
    let rows: Html = counts
        .iter()
        .zip(&c.releases)
        .map(|(per_stage, release)| {
            let cells: Html = per_stage.iter().map(|n| html! { <td>{*n}</td> }).collect();
            html! { <tr><th scope="row">{release.clone()}</th>{cells}</tr> }
        })
        .collect();
    html! {
        <figure class="fm-chart">
            <figcaption class="fm-chart-title">{text.maturity}</figcaption>
            <svg class="fm-chart-svg" viewBox={format!("0 0 {width} {}", HEIGHT + 20)} aria-hidden="true" focusable="false" {onclick}>
                {highlight}{paths}{labels}
            </svg>
            <table class="fm-visually-hidden">
                <caption>{text.maturity}</caption>
                <thead><tr><th scope="col">{text.release}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}
