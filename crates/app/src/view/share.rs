//! "Copy link" and "print": the link carries the whole input in its fragment (nothing is
//! sent anywhere); when the clipboard is not available the link is selected for copying.

use crate::i18n::{m, t};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The full link to this result.
    pub url: AttrValue,
}

/// What happened to the last "copy".
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    Failed,
}

#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let copied = use_state_eq(|| Copied::Not);
    let field = use_node_ref();
    {
        // A new link: the old "copied" note no longer applies.
        let copied = copied.setter();
        use_effect_with(props.url.clone(), move |_| copied.set(Copied::Not));
    }
    let oncopy = {
        let url = props.url.to_string();
        let copied = copied.setter();
        let field = field.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let field = field.clone();
            let done = Callback::from(move |ok: bool| {
                if !ok {
                    // Fallback: select the link so that it can be copied by hand.
                    if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                }
                copied.set(if ok { Copied::Yes } else { Copied::Failed });
            });
            copy(url.clone(), done);
        })
    };
    let onprint = Callback::from(|_: MouseEvent| print());
    let onfocus = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .select();
    });

    html! {
        <section class="panel share no-print" id="share" aria-labelledby="share-title">
            <h2 id="share-title">{t(m::SIM_SHARE_TITLE)}</h2>
            <p class="hint">{t(m::SIM_SHARE_HINT)}</p>
            <label for="share-url">{t(m::SIM_SHARE_LABEL)}</label>
            <input
                id="share-url"
                type="text"
                readonly=true
                value={props.url.clone()}
                ref={field}
                {onfocus}
            />
            <div class="button-row">
                <button type="button" class="primary" id="copy-link" onclick={oncopy}>
                    {t(m::SIM_COPY_LINK)}
                </button>
                <button type="button" class="secondary" id="print" onclick={onprint}>
                    {t(m::SIM_PRINT)}
                </button>
            </div>
            <p class="copy-status" id="copy-status" aria-live="polite">
                {match *copied {
                    Copied::Not => "",
                    Copied::Yes => t(m::SIM_COPIED),
                    Copied::Failed => t(m::SIM_COPY_FAILED),
                }}
            </p>
        </section>
    }
}

#[cfg(target_arch = "wasm32")]
fn copy(text: String, done: Callback<bool>) {
    crate::share::web::copy(text, done);
}

#[cfg(not(target_arch = "wasm32"))]
fn copy(_: String, done: Callback<bool>) {
    done.emit(false);
}

#[cfg(target_arch = "wasm32")]
fn print() {
    crate::share::web::print();
}

#[cfg(not(target_arch = "wasm32"))]
fn print() {}
