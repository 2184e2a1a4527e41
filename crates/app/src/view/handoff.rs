//! The header's tool: "スマホに持ち帰る" (a QR code of the page's state, see
//! `crate::handoff`).
//!
//! The page itself renders only the button ([`HeaderTools`]); the dialog, the QR code and the
//! packing of the document ([`HandoffDialog`]) are an island (`crate::island`), fetched at
//! the first press.

#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::handoff::{self, Carrier};
use crate::i18n::{m, t};
use crate::island;
use crate::qr;
use crate::route::Route;
use yew::prelude::*;

/// The island's name (`src/bin/handoff_dialog.rs`).
pub const ISLAND: &str = "handoff_dialog";

/// The button, and the empty host its dialog is mounted into.
#[component]
pub fn HeaderTools() -> Html {
    let open = Callback::from(|_: MouseEvent| island::open(ISLAND));
    html! {
        <div class="header-tools">
            <button type="button" class="header-tool" id="handoff-open" aria-haspopup="dialog" onclick={open}>
                {t(m::HANDOFF_OPEN)}
            </button>
            <div id={island::slot_id(ISLAND)}></div>
        </div>
    }
}

/// What the dialog shows.
#[derive(Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Shown {
    Preparing,
    /// The link, and whether it carries the page's state.
    Ready(String, bool),
}

#[derive(Properties, Clone)]
pub struct DialogProps {
    pub route: Route,
    /// What the page hands over.
    pub carrier: Carrier,
}

/// Mounted once per page: the props never change.
impl PartialEq for DialogProps {
    fn eq(&self, other: &Self) -> bool {
        self.route == other.route
    }
}

/// The dialog, opened as soon as it is mounted and again at each press of the button.
#[component]
pub fn HandoffDialog(props: &DialogProps) -> Html {
    let dialog = use_node_ref();
    let shown = use_state(|| Shown::Preparing);
    let open = {
        let dialog = dialog.clone();
        let shown = shown.clone();
        let (route, carrier) = (props.route, props.carrier);
        move || {
            shown.set(Shown::Preparing);
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = d.show_modal();
            }
            #[cfg(target_arch = "wasm32")]
            {
                let shown = shown.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let (url, carried) = handoff::web::link_for(route, carrier).await;
                    shown.set(Shown::Ready(url, carried));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (route, carrier);
        }
    };
    use_effect_with((), move |_| {
        open();
        #[cfg(target_arch = "wasm32")]
        let stop = island::on_open(ISLAND, open);
        #[cfg(not(target_arch = "wasm32"))]
        let stop = || ();
        stop
    });
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let body = match &*shown {
        Shown::Preparing => html! { <p>{t(m::HANDOFF_PREPARING)}</p> },
        Shown::Ready(url, carried) => {
            let drawing = handoff::fits(url).then(|| qr::draw(url)).flatten();
            match drawing {
                Some(d) => html! {
                    <>
                        <div class="handoff-qr" id="handoff-qr">
                            <svg viewBox={format!("0 0 {0} {0}", d.side)} role="img"
                                aria-labelledby="handoff-qr-title" shape-rendering="crispEdges">
                                <title id="handoff-qr-title">{t(m::HANDOFF_QR_ALT)}</title>
                                <rect width="100%" height="100%" fill="#fff" />
                                <path d={d.path} fill="#000" />
                            </svg>
                        </div>
                        <p>{t(if *carried { m::HANDOFF_EXPLAIN } else { m::HANDOFF_NOTHING })}</p>
                        <p class="handoff-url-label">{t(m::HANDOFF_URL_LABEL)}</p>
                        <p class="handoff-url" id="handoff-url">{url.clone()}</p>
                    </>
                },
                None => html! {
                    <div class="handoff-too-long" id="handoff-too-long" role="alert">
                        <p>{crate::tf!(m::HANDOFF_TOO_LONG, bytes = url.len(), limit = handoff::MAX_URL_BYTES)}</p>
                        <p>{t(m::HANDOFF_USE_FILE)}</p>
                        if let Some(download) = props.carrier.download {
                            <button type="button" class="primary" id="handoff-download" onclick={Callback::from(move |_: MouseEvent| download())}>
                                {t(m::HANDOFF_DOWNLOAD)}
                            </button>
                        }
                    </div>
                },
            }
        }
    };
    html! {
        <dialog class="handoff-dialog" id="handoff-dialog" ref={dialog}
            aria-labelledby="handoff-title">
            <h2 id="handoff-title">{t(m::HANDOFF_TITLE)}</h2>
            {body}
            <button type="button" class="secondary" id="handoff-close" onclick={close}>
                {t(m::HANDOFF_CLOSE)}
            </button>
        </dialog>
    }
}
