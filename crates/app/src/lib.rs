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
mod defer;
mod download;
mod form;
pub mod handoff;
mod hydration;
pub mod i18n;
pub mod pages;
mod plan_book;
mod qr;
pub mod route;
mod seminar;
mod share;
mod state;
mod storage;
mod view;
mod wizard;

pub use app::{App, AppProps, Page};
pub use route::Route;

/// Starts a route's page in the browser (called by `src/bin/<route>.rs`): adopts the
/// prerendered HTML in `<div id="app">` (`Renderer::hydrate`), then reads this device's data
/// (see `hydration`). The route comes from the address, so the not-found page (served for
/// any unknown path) hydrates too.
#[cfg(target_arch = "wasm32")]
pub fn hydrate(page: Page) {
    i18n::init();
    let Some(window) = web_sys::window() else {
        return;
    };
    let route = Route::from_path(&window.location().pathname().unwrap_or_default());
    let Some(root) = window.document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    hydration::set_pristine(true);
    yew::Renderer::<App>::with_root_and_props(root, AppProps { route, page }).hydrate();
}

/// Natively there is no page to hydrate (the prerenderer renders `App` itself).
#[cfg(not(target_arch = "wasm32"))]
pub fn hydrate(_: Page) {}
