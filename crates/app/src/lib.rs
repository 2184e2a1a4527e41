//! # ouen-app
//!
//! ouen's web app (Yew). Every route is a page of its own: prerendered at build time in
//! Japanese and English (`src/bin/prerender.rs`, feature `ssr`) and made interactive in the
//! browser by that route's own wasm (`src/bin/<route>.rs` → [`hydrate`]). Every number comes
//! from `ouen_rules`; the app gathers the input, shows the result, and keeps drafts on this
//! device.
//!
//! - `app`: the root (`App`, a route's `Page`), adopting the prerendered page, then the
//!   device's data (`hydration`).
//! - `route`: routes as real URLs (`/en/…` for English), links between pages.
//! - `form`, `state`: the simulator's form as typed and its pure reducer.
//! - `storage`: `localStorage`, at the edge.
//! - `i18n`: the message catalogue (ja/en) and the interface language.
//! - `pages`, `view`: the components.
//! - `island`: parts of a page in a wasm of their own, fetched when first wanted (the
//!   hand-off dialog, the seminar bar).

mod app;
mod chart;
mod clock;
mod defer;
mod download;
pub mod everything;
mod form;
pub mod handoff;
mod hydration;
pub mod i18n;
pub mod import;
pub mod island;
pub mod pages;
mod plan_book;
mod qr;
pub mod route;
mod seminar;
mod share;
mod state;
mod storage;
mod sync;
mod tabs;
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
