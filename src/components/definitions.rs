//! What each stage promises: the aspects × stages table, inline under the
//! intro and in a modal dialog opened from a stage badge or a button.

use catalogue::view::Definitions;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlElement};
use yew::prelude::*;

use super::{inline_text, stage_label};
use crate::i18n::UiText;
use crate::state::CatalogueRef;

#[derive(PartialEq)]
pub struct DefinitionsTableProps {
    pub catalogue: CatalogueRef,
    pub text: &'static UiText,
    /// Stage column to emphasise.
    pub at_stage: Option<String>,
}

/// The aspects × stages table of what each stage promises.
pub fn definitions_table(props: &DefinitionsTableProps) -> Html {
    let c = &props.catalogue;
    let current = |id: &str| props.at_stage.as_deref() == Some(id);
    let head: Html = c
        .stages
        .iter()
        .map(|s| {
            let class = if current(&s.id) {
                "fm-defs-stage fm-current"
            } else {
                "fm-defs-stage"
            };
            html! {
                <th scope="col" {class}>
                    { stage_label(s) }
                </th>
            }
        })
        .collect();
    let rows: Html = c
        .aspects
        .iter()
        .map(|a| {
            let cells: Html = c
                .stages
                .iter()
                .map(|s| {
                    let text = a.definitions.get(&s.id).cloned().unwrap_or_default();
                    let class = current(&s.id).then_some("fm-current");
                    html! {
                        <td {class} data-label={s.label.clone()}>
                            {inline_text(&text, c.base_url.as_deref())}
                        </td>
                    }
                })
                .collect();
            html! { <tr key={a.id.clone()}><th scope="row">{a.label.clone()}</th>{cells}</tr> }
        })
        .collect();
    html! {
        <div class="fm-table-scroll">
            <table class="fm-defs-table">
                <thead><tr><th scope="col">{props.text.aspect}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The definitions dialog's `<dialog>` and the element that opened it, which
/// gets focus back on close.
#[derive(Clone)]
pub struct DialogRefs {
    dialog: NodeRef,
    opener: std::rc::Rc<std::cell::RefCell<Option<HtmlElement>>>,
}

/// Opens the dialog as a native modal when `open` turns true (or when it is
/// `rendered` while open), and closes it when `open` turns false.
#[hook]
pub fn use_definitions_dialog(open: bool, rendered: bool) -> DialogRefs {
    let refs = DialogRefs {
        dialog: use_node_ref(),
        opener: use_mut_ref(|| None::<HtmlElement>),
    };
    {
        let refs = refs.clone();
        use_effect_with((open, rendered), move |&(open, _)| {
            let Some(dialog) = refs.dialog.cast::<HtmlDialogElement>() else {
                return;
            };
            if open && !dialog.open() {
                *refs.opener.borrow_mut() = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element())
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                if let Err(e) = dialog.show_modal() {
                    web_sys::console::warn_2(&"feature-matrix: cannot open the dialog".into(), &e);
                }
            } else if !open && dialog.open() {
                dialog.close();
            }
        });
    }
    refs
}

pub struct DefinitionsDialogProps {
    pub catalogue: CatalogueRef,
    pub text: &'static UiText,
    pub defs: Definitions,
    pub onclose: Callback<()>,
    /// From [`use_definitions_dialog`].
    pub refs: DialogRefs,
}

/// The definitions table in a native modal `<dialog>`: Esc closes it, the
/// page behind is inert, and focus returns to what opened it. A plain
/// function; its state is [`use_definitions_dialog`]'s.
pub fn definitions_dialog(props: &DefinitionsDialogProps) -> Html {
    let (dialog, opener) = (&props.refs.dialog, &props.refs.opener);
    let open = props.defs != Definitions::Closed;
    let onclose = {
        let (onclose, opener) = (props.onclose.clone(), opener.clone());
        Callback::from(move |_: Event| {
            if let Some(element) = opener.borrow_mut().take() {
                let _ = element.focus();
            }
            onclose.emit(());
        })
    };
    let close_click = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let at_stage = match &props.defs {
        Definitions::AtStage(id) => Some(id.clone()),
        _ => None,
    };
    let heading = if props.catalogue.definitions_heading.is_empty() {
        props.text.what_stages_mean.to_string()
    } else {
        props.catalogue.definitions_heading.clone()
    };
    html! {
        <dialog ref={dialog.clone()} class="fm-dialog" aria-label={heading.clone()} {onclose}>
            <div class="fm-dialog-head">
                <h2 class="fm-dialog-title">{heading}</h2>
                <button type="button" class="fm-button fm-dialog-close" onclick={close_click}>{props.text.close}</button>
            </div>
            if open {
                { definitions_table(&DefinitionsTableProps { catalogue: props.catalogue.clone(), text: props.text, at_stage }) }
            }
        </dialog>
    }
}
