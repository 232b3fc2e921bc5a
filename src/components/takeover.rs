//! The takeover: once the widget is live in the browser, it applies what the
//! first render could not know (the URL's view, the text typed into the
//! prerendered search box, the `#feature-<id>` link), lays out what the
//! prerendered page left for later, and from then on follows the fragment
//! and Back and Forward, scrolling to a linked feature's row.
//!
//! Until the widget is live, a phone lays out only the row groups near the
//! screen (`content-visibility` in `styles/matrix.css`, for as long as the
//! root lacks `data-fm-laid-out`). Laying out the rest makes the groups above
//! the screen grow from their estimated heights, and browsers do not anchor
//! the scroll position across that change: a reader who jumped down the page
//! before the takeover would see the rows move. So the first row on screen is
//! noted, everything is laid out and the row is scrolled back to where it
//! was, in one go, so that no frame shows it moved.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::state::{Action, CatalogueRef, State};
use crate::url;

/// Takes the widget over once it is live, in one effect (each effect is its
/// own code): applies the URL's view (when `hydrating`: a client render read
/// it at once) and the `typed` text, lays out `root`, pins the feature the
/// fragment links to, and follows the fragment and Back and Forward.
#[hook]
pub fn use_takeover(
    root: NodeRef,
    prefix: Option<String>,
    typed: Option<String>,
    hydrating: bool,
    dispatcher: UseReducerDispatcher<State>,
) {
    use_effect_with((), move |_| {
        if let (true, Some(prefix)) = (hydrating, &prefix) {
            let parsed = url::read_view(prefix);
            dispatcher.dispatch(Action::FromUrl(parsed.view, parsed.warnings));
        }
        if let Some(typed) = typed.filter(|t| !t.is_empty()) {
            dispatcher.dispatch(Action::Search(typed));
        }
        // Lay out what a phone skipped so far, keeping the row on screen in
        // place, unless a feature link is about to scroll anyway.
        let pinned = url::pinned_from_hash(prefix.as_deref());
        if let Some(root) = root.cast() {
            lay_out_all(&root, hydrating && pinned.is_none());
        }
        dispatcher.dispatch(Action::Live);
        dispatcher.dispatch(Action::Pin(pinned));
        let window = web_sys::window();
        let on_hash = window.as_ref().map(|window| {
            let (prefix, dispatcher) = (prefix.clone(), dispatcher.clone());
            EventListener::new(window, "hashchange", move |_| {
                dispatcher.dispatch(Action::Pin(url::pinned_from_hash(prefix.as_deref())))
            })
        });
        let on_pop = prefix.zip(window).map(|(prefix, window)| {
            EventListener::new(&window, "popstate", move |_| {
                let parsed = url::read_view(&prefix);
                dispatcher.dispatch(Action::FromUrl(parsed.view, parsed.warnings));
            })
        });
        move || drop((on_hash, on_pop))
    });
}

/// Scrolls to the linked feature's row (`pinned`, an index into
/// `catalogue`) once it is rendered, and again when the link changes.
#[hook]
pub fn use_scroll_to_pinned(
    pinned: Option<usize>,
    prefix: Option<String>,
    catalogue: Option<CatalogueRef>,
) {
    use_effect_with((pinned, prefix, catalogue), |(pinned, prefix, c)| {
        if let (Some(i), Some(c)) = (pinned, c) {
            let anchor = url::feature_anchor(prefix.as_deref(), &c.features[*i].id);
            // The matrix renders the pinned row in the first frame, wherever it is.
            let row = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&anchor));
            if let Some(row) = row {
                row.scroll_into_view();
            }
        }
    });
}

/// Lays out all of `root`; with `keep_in_place`, the row on screen stays
/// where it is.
fn lay_out_all(root: &Element, keep_in_place: bool) {
    let anchor = keep_in_place.then(|| ScrollAnchor::find(root)).flatten();
    let _ = root.set_attribute("data-fm-laid-out", "");
    if let Some(anchor) = anchor {
        anchor.restore();
    }
}

/// A row on screen and its distance from the top of the viewport.
struct ScrollAnchor {
    element: Element,
    top: f64,
}

impl ScrollAnchor {
    /// The first row (or the footer) of `root` that is on screen, if any is.
    fn find(root: &Element) -> Option<Self> {
        let height = web_sys::window()?.inner_height().ok()?.as_f64()?;
        let candidates = root.query_selector_all(".fm-row, .fm-footer").ok()?;
        (0..candidates.length())
            .filter_map(|i| candidates.item(i)?.dyn_into::<Element>().ok())
            .find_map(|element| {
                let rect = element.get_bounding_client_rect();
                (rect.bottom() > 0.0 && rect.top() < height).then(|| Self {
                    top: rect.top(),
                    element,
                })
            })
    }

    /// Scrolls the anchor's scroll containers, innermost first, until the
    /// anchor is back at its distance from the top of the viewport.
    fn restore(self) {
        let mut scroller = self.element.parent_element();
        while let Some(element) = scroller {
            let shift = self.element.get_bounding_client_rect().top() - self.top;
            if shift.abs() < 1.0 {
                return;
            }
            element.set_scroll_top(element.scroll_top() + shift.round() as i32);
            scroller = element.parent_element();
        }
    }
}
