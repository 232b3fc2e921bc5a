//! The takeover lays out what the prerendered page left for later, keeping
//! what the reader is looking at in place.
//!
//! Until the widget is live, a phone lays out only the row groups near the
//! screen (`content-visibility` in `styles/matrix.css`, for as long as the
//! root lacks `data-fm-laid-out`). Laying out the rest makes the groups above
//! the screen grow from their estimated heights, and browsers do not anchor
//! the scroll position across that change: a reader who jumped down the page
//! before the takeover would see the rows move. So the first row on screen is
//! noted, everything is laid out and the row is scrolled back to where it
//! was, in one go, so that no frame shows it moved.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Lays out all of `root`; with `keep_in_place`, the row on screen stays
/// where it is.
pub fn lay_out_all(root: &Element, keep_in_place: bool) {
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
