//! # ouen-app
//!
//! ouen's single-page app (Yew, client-side rendering). Its first page is the cost simulator:
//! what an IT expert's support costs a small business once the national programme and the
//! Nagano top-up have paid their part. Every number comes from `ouen_rules`; the app only
//! gathers the input, shows the result, and keeps the form on this device.
//!
//! - `form`: the form as typed, and its pure mapping to the rules core's input.
//! - `state`: the reducer (form + verdict), free of web APIs.
//! - `storage`: `localStorage`, at the edge.
//! - `i18n`: the message catalogue (ja/en) and the interface language.
//! - `view`: the components.

mod app;
mod chart;
mod clock;
mod download;
mod form;
mod handoff;
pub mod i18n;
mod pages;
mod plan_book;
mod qr;
mod route;
mod seminar;
mod share;
mod state;
mod storage;
mod view;
mod wizard;

pub use app::App;

/// Renders the app into `<div id="app">` (replacing its loading message) as soon as the
/// module is instantiated by `main.js`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    i18n::init();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

/// The texts `main.js` shows outside the Yew root (offline indicator, update banner), in the
/// interface language; `uiText("app.offline")`. Unknown keys give an empty string.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = uiText)]
pub fn ui_text(key: &str) -> String {
    use i18n::m;
    [
        m::APP_OFFLINE,
        m::APP_UPDATE_AVAILABLE,
        m::APP_UPDATE_RELOAD,
        m::APP_UPDATE_LOADING,
    ]
    .into_iter()
    .find(|msg| i18n::key(*msg) == key)
    .map(|msg| i18n::t(msg).to_string())
    .unwrap_or_default()
}
