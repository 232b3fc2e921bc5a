//! The search box and its `/` shortcut.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
    pub label: AttrValue,
    pub placeholder: AttrValue,
    pub oninput: Callback<String>,
    /// The `<input>`, for [`use_search_shortcut`].
    pub input: NodeRef,
}

/// `/` anywhere on the page (outside a text field, without a modifier)
/// focuses the search box `input`.
#[hook]
pub fn use_search_shortcut(input: NodeRef) {
    use_effect_with((), move |_| {
        let document = web_sys::window().and_then(|w| w.document());
        let options = EventListenerOptions::enable_prevent_default();
        let listener = document.map(|document| {
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if event.key() != "/"
                    || event.default_prevented()
                    || event.ctrl_key()
                    || event.meta_key()
                    || event.alt_key()
                {
                    return;
                }
                if event
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                    .is_some_and(is_editable)
                {
                    return;
                }
                if let Some(input) = input.cast::<HtmlInputElement>() {
                    event.prevent_default();
                    let _ = input.focus();
                }
            })
        });
        move || drop(listener)
    });
}

/// The search box: Esc clears it (and `/` focuses it, with
/// [`use_search_shortcut`]). A plain function (see [`super::highlighted`]).
pub fn search_box(props: &SearchBoxProps) -> Html {
    let oninput = {
        let oninput = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                oninput.emit(input.value());
            }
        })
    };
    let onkeydown = {
        let oninput = props.oninput.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                    if !input.value().is_empty() {
                        e.prevent_default();
                        input.set_value("");
                        oninput.emit(String::new());
                    }
                }
            }
        })
    };
    html! {
        <div class="fm-search">
            <label class="fm-search-label">
                <span class="fm-visually-hidden">{props.label.clone()}</span>
                <input ref={props.input.clone()} class="fm-search-input" type="search" value={props.value.clone()}
                    placeholder={props.placeholder.clone()} {oninput} {onkeydown}
                    autocomplete="off" spellcheck="false" aria-keyshortcuts="/" />
            </label>
        </div>
    }
}

fn is_editable(element: HtmlElement) -> bool {
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
}
