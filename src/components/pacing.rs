//! Row pacing, shared by the table and the release matrix: when the rows
//! change, the first screen's worth renders at once, with the pinned row
//! and, in the table, the later rows that are on the page already (a
//! narrowing search keeps its rows: nothing is removed to be added again);
//! the rest, out of sight, once the reader has paused for [`CATCH_UP_MS`]
//! (while typing, each keystroke postpones it). The reader sees the new first rows within one
//! frame however long the list. The kept later rows keep the search
//! highlight they have until then, so typing does not redraw them either.
//! The first render starts with the first screen as well, unless it takes
//! over prerendered rows (before the widget is live), which it renders all.
//! A list that watches its box (the release matrix, whose rows are many
//! cells) renders no first screen while the box is out of the viewport: the
//! reader sees none of it, and it catches up at once when it comes into view.

use std::rc::Rc;

use catalogue::view::Search;
use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// What a list renders in the frame of a change of its rows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FirstScreen {
    /// The rows at the top: a screenful.
    pub rows: usize,
    /// Whether the later rows already on the page stay. A frame paints every
    /// row on the page again, so a list of many cells a row (the release
    /// matrix) keeps none; one of few (the table) keeps them, and a
    /// narrowing search then removes nothing to add it again.
    pub keep_later: bool,
    /// Whether no row is drawn while the list's box ([`Paced::view_box`])
    /// is out of the viewport: for a list whose rows are costly to draw.
    pub only_in_view: bool,
}

/// The table's first screen.
pub const TABLE_SCREEN: FirstScreen = FirstScreen {
    rows: 40,
    keep_later: true,
    only_in_view: false,
};

/// The pause after which the rows past the first screen render.
pub const CATCH_UP_MS: u32 = 120;

/// What a paced list renders now.
pub struct Paced {
    /// The rows to render, in order, each with whether it is drawn with the
    /// current search (else with [`Paced::settled`]: a kept later row).
    pub shown: Vec<(usize, bool)>,
    /// The search of the last complete render.
    pub settled: Search,
    /// Whether rows past the first screen wait for the catch-up (the list
    /// is `aria-busy` meanwhile).
    pub behind: bool,
    /// The list's box, watched with [`FirstScreen::only_in_view`].
    pub view_box: NodeRef,
}

impl Paced {
    /// The search row `current` (from [`Paced::shown`]) is drawn with.
    pub fn search<'a>(&'a self, search: &'a Search, current: bool) -> &'a Search {
        if current {
            search
        } else {
            &self.settled
        }
    }
}

/// What a list remembers between renders to pace them.
struct Pacing {
    /// The rows the last render put on the page (`None` before the first).
    on_page: Option<Vec<usize>>,
    /// The search of the last complete render.
    settled: Search,
    /// Whether the next render renders every row.
    catch_up: bool,
    /// The catch-up, after the reader pauses (dropped: cancelled).
    later: Option<Timeout>,
    /// Whether the last render left rows to the catch-up.
    behind: bool,
    /// Whether the watched box is in the viewport (true until the observer
    /// says; always, for a list that watches none).
    in_view: bool,
    /// The observer of the box, with [`FirstScreen::only_in_view`]; it holds
    /// this state weakly, and goes with it.
    observer: Option<ViewObserver>,
}

/// Paces `rows` (the first `limit` of them) for a list drawn with
/// `search`, with `screen` as its first screen.
#[hook]
pub fn use_pacing(
    rows: Rc<Vec<usize>>,
    limit: usize,
    screen: FirstScreen,
    search: &Search,
    pinned: Option<usize>,
    live: bool,
) -> Paced {
    let pacing = use_mut_ref(|| Pacing {
        on_page: None,
        settled: search.clone(),
        catch_up: false,
        later: None,
        behind: false,
        in_view: true,
        observer: None,
    });
    let update = use_force_update();
    let view_box = use_node_ref();
    let all = &rows[..rows.len().min(limit)];
    let mut guard = pacing.borrow_mut();
    let p = &mut *guard;
    let screen = FirstScreen {
        rows: if p.in_view { screen.rows } else { 0 },
        ..screen
    };
    let first = match &p.on_page {
        Some(rendered) if !std::mem::take(&mut p.catch_up) => {
            Some(first_screen(all, rendered, pinned, screen))
        }
        // A first render with no prerendered rows to take over (the widget
        // is live already) starts with the first screen too.
        None if live => Some(first_screen(all, &[], pinned, screen)),
        _ => None,
    };
    let full = first.is_none();
    let shown = first.unwrap_or_else(|| all.to_vec());
    if full {
        p.settled = search.clone();
    }
    // The rows past the first screen wait for the catch-up, as some are
    // missing or they show an older search's highlight.
    let behind = !full && (shown.len() < all.len() || &p.settled != search);
    p.on_page = Some(shown.clone());
    p.behind = behind;
    let settled = p.settled.clone();
    drop(guard);
    let watch = screen.only_in_view.then(|| view_box.clone());
    use_effect_with(
        (rows.clone(), search.clone(), behind),
        move |&(_, _, behind)| {
            let mut p = pacing.borrow_mut();
            // The box is on the page from the first render on.
            if let (Some(node), None) = (watch, &p.observer) {
                let (weak, update) = (Rc::downgrade(&pacing), update.clone());
                p.observer = node.cast::<web_sys::Element>().and_then(|element| {
                    observe_view(&element, move |in_view| {
                        let Some(pacing) = weak.upgrade() else {
                            return;
                        };
                        let mut p = pacing.borrow_mut();
                        let entered = in_view && !p.in_view;
                        p.in_view = in_view;
                        // Into view with rows still to come: they come now.
                        if entered && p.behind {
                            p.catch_up = true;
                            p.later = None;
                            drop(p);
                            update.force_update();
                        }
                    })
                });
            }
            if behind {
                let catch_up = pacing.clone();
                // Replacing the pending catch-up cancels it.
                p.later = Some(Timeout::new(CATCH_UP_MS, move || {
                    catch_up.borrow_mut().catch_up = true;
                    update.force_update();
                }));
            }
        },
    );
    let fresh = all.len().min(screen.rows);
    let shown = shown
        .into_iter()
        .enumerate()
        .map(|(at, i)| (i, !behind || at < fresh || pinned == Some(i)))
        .collect();
    Paced {
        shown,
        settled,
        behind,
        view_box,
    }
}

/// An `IntersectionObserver` on one element, calling back with whether it
/// is in the viewport; disconnected when dropped.
struct ViewObserver {
    observer: web_sys::IntersectionObserver,
    _report: Closure<dyn FnMut(JsValue)>,
}

impl Drop for ViewObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Observes `element` (`None` where the browser has no observer).
fn observe_view(
    element: &web_sys::Element,
    mut report: impl FnMut(bool) + 'static,
) -> Option<ViewObserver> {
    // `JsValue`, not `Array`: the closure type wasm-bindgen-futures has
    // already, so no new glue.
    let report = Closure::<dyn FnMut(JsValue)>::new(move |entries: JsValue| {
        let entries: js_sys::Array = entries.unchecked_into();
        // The newest entry tells the state now.
        if let Some(last) = entries.length().checked_sub(1) {
            let entry: web_sys::IntersectionObserverEntry = entries.get(last).unchecked_into();
            report(entry.is_intersecting());
        }
    });
    let observer = web_sys::IntersectionObserver::new(report.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(ViewObserver {
        observer,
        _report: report,
    })
}

/// The rows to render in the frame of a change: the first `screen.rows` of
/// `rows`, then (with `screen.keep_later`) those of the rest that `rendered`
/// (the rows on the page) has, and `pinned`, in `rows`' order.
fn first_screen(
    rows: &[usize],
    rendered: &[usize],
    pinned: Option<usize>,
    screen: FirstScreen,
) -> Vec<usize> {
    let split = rows.len().min(screen.rows);
    let kept = if screen.keep_later { rendered } else { &[] };
    let mut keep = vec![false; rows.iter().chain(kept).max().map_or(0, |m| m + 1)];
    for &i in kept.iter().chain(&pinned) {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
    }
    let later = rows[split..].iter().filter(|&&i| keep[i]);
    rows[..split].iter().chain(later).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::{first_screen, FirstScreen, TABLE_SCREEN};

    const FIRST_SCREEN_ROWS: usize = TABLE_SCREEN.rows;

    #[test]
    fn a_change_renders_the_first_screen_and_the_later_rows_already_on_the_page() {
        let old: Vec<usize> = (0..200).collect();
        // A narrowing search: every row is on the page, all render at once.
        let narrowed: Vec<usize> = (0..200).step_by(2).collect();
        assert_eq!(first_screen(&narrowed, &old, None, TABLE_SCREEN), narrowed);
        // New rows past the first screen wait for the catch-up; the order is kept.
        let new: Vec<usize> = (150..350).collect();
        let shown = first_screen(&new, &old, None, TABLE_SCREEN);
        let mut expected: Vec<usize> = (150..150 + FIRST_SCREEN_ROWS).collect();
        expected.extend(150 + FIRST_SCREEN_ROWS..200);
        assert_eq!(shown, expected);
        // The pinned row renders at once, wherever it is.
        let with_pin = first_screen(&new, &old, Some(300), TABLE_SCREEN);
        assert_eq!(with_pin.last(), Some(&300));
        assert_eq!(with_pin.len(), expected.len() + 1);
        // Short lists render whole.
        assert_eq!(first_screen(&[7, 3], &[], None, TABLE_SCREEN), vec![7, 3]);
    }

    #[test]
    fn a_list_that_keeps_no_later_rows_renders_the_first_screen_and_the_pinned_row() {
        let screen = FirstScreen {
            rows: 16,
            keep_later: false,
            only_in_view: false,
        };
        let old: Vec<usize> = (0..200).collect();
        let narrowed: Vec<usize> = (0..200).step_by(2).collect();
        assert_eq!(
            first_screen(&narrowed, &old, None, screen),
            (0..32).step_by(2).collect::<Vec<_>>()
        );
        let mut with_pin: Vec<usize> = (0..32).step_by(2).collect();
        with_pin.push(150);
        assert_eq!(first_screen(&narrowed, &old, Some(150), screen), with_pin);
    }
}
