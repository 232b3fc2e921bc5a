//! Keeps what the reader is looking at in place across the takeover.
//!
//! Until the widget is live, a phone lays out only the row groups near the
//! screen (`content-visibility` in `styles/matrix.css`); the takeover lays
//! out the rest. A reader who jumped down the page before it would see the
//! rows move by as much as the groups above them grew, since browsers do not
//! anchor the scroll position across that change. So the takeover notes the
//! first row on screen and, once live, scrolls it back to where it was.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// A row on screen and its distance from the top of the viewport.
pub struct ScrollAnchor {
    element: Element,
    top: f64,
}

impl ScrollAnchor {
    /// The first row (or the footer) of `root` that is on screen, if any is.
    pub fn find(root: &Element) -> Option<Self> {
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
    pub fn restore(self) {
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
