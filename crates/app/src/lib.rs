//! # ouen-app
//!
//! ouen's web app (Yew). Every route is a page of its own: prerendered at build time in
//! Japanese and English (`src/bin/prerender.rs`, feature `ssr`) and made interactive in the
//! browser by that route's own wasm (`src/bin/<route>.rs` → [`start`]). Every number comes
//! from `ouen_rules`; the app gathers the input, shows the result, and keeps drafts on this
//! device.
//!
//! - `app`: the root (`App`, a route's `Page`), drawn once in the browser, with the device's
//!   data, in place of the prerendered page.
//! - `route`: routes as real URLs (`/en/…` for English), links between pages.
//! - `form`, `state`: the simulator's form as typed and its pure reducer.
//! - `storage`: `localStorage`, at the edge: every key, the envelope and migrations; no
//!   document type (each is decoded in its own module: `form`, `wizard`, `checklist_doc`,
//!   `plan_book`, `seminar`).
//! - `i18n`: the message catalogue (ja/en) and the interface language.
//! - `pages`, `view`: the components.
//! - `island`: parts of a page in a wasm of their own, fetched when first wanted (the
//!   hand-off dialog, the seminar bar).

/// Every page's and island's allocator: `ouen-heap`'s, about 7 KB (raw) smaller than std's.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: ouen_heap::Wasm = ouen_heap::Wasm::new();

/// Tests write documents with serde_json's `json!` (a dev-dependency only), as ouen's own
/// `Json`: the browser build has no serde_json.
#[cfg(test)]
macro_rules! json {
    ($($t:tt)+) => {
        ouen_rules::json::Json::parse(&::serde_json::json!($($t)+).to_string()).unwrap()
    };
}

/// Test support: the hand-written JSON of a document is what serde's derive (kept in tests as
/// the reference) writes and reads.
#[cfg(test)]
mod json_reference {
    use ouen_rules::json::{FromJson, Json, ToJson};
    use std::fmt::Debug;

    /// `x` is written byte for byte as serde_json writes it, and reads back.
    pub fn writes_as_serde<T>(x: &T)
    where
        T: ToJson + FromJson + serde::Serialize + PartialEq + Debug,
    {
        let theirs = serde_json::to_string(x).unwrap();
        assert_eq!(x.to_json().to_text(), theirs);
        assert_eq!(
            T::from_json(&Json::parse(&theirs).unwrap()).as_ref(),
            Some(x)
        );
    }

    /// `x` is written as the value serde_json writes (members in any order: for documents
    /// holding a `Json` that serde's reference sees through serde_json's sorted maps), and
    /// reads back.
    pub fn same_value_as_serde<T>(x: &T)
    where
        T: ToJson + FromJson + serde::Serialize + PartialEq + Debug,
    {
        let theirs = serde_json::to_string(x).unwrap();
        assert_eq!(x.to_json(), Json::parse(&theirs).unwrap());
        assert_eq!(T::from_json(&x.to_json()).as_ref(), Some(x));
    }

    /// `text` reads as serde reads it (both refuse it, or both read the same value).
    pub fn reads_as_serde<T>(text: &str)
    where
        T: FromJson + serde::de::DeserializeOwned + PartialEq + Debug,
    {
        let theirs = serde_json::from_str::<T>(text).ok();
        let mine = Json::parse(text).ok().and_then(|v| T::from_json(&v));
        assert_eq!(mine, theirs, "{text}");
    }

    /// serde's view of a `Json` member (`#[serde(with = …)]`), through serde_json's value.
    pub mod as_value {
        use ouen_rules::json::Json;

        pub fn serialize<S: serde::Serializer>(v: &Json, s: S) -> Result<S::Ok, S::Error> {
            let v: serde_json::Value = serde_json::from_str(&v.to_text()).unwrap();
            serde::Serialize::serialize(&v, s)
        }

        pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
            let v: serde_json::Value = serde::Deserialize::deserialize(d)?;
            Ok(Json::parse(&v.to_string()).unwrap())
        }
    }
}

mod app;
mod chart;
mod checklist_doc;
mod clock;
mod defer;
mod download;
pub mod everything;
mod form;
pub mod handoff;
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

/// Starts a route's page in the browser (called by `src/bin/<route>.rs`): draws the page
/// once, with what this device holds, in place of the prerendered HTML in `<div id="app">`.
///
/// The prerendered page is emptied and the app mounted in the same task; Yew renders in a
/// microtask right after, before the browser paints again, so the page never shows empty.
/// One render, not an adopting one (`Renderer::hydrate`) followed by a second with the
/// device's data: half the work on the main thread, and no hydration to mismatch. The route
/// comes from the address, so the not-found page (served for any unknown path) starts too.
#[cfg(target_arch = "wasm32")]
pub fn start(page: Page) {
    i18n::init();
    let Some(window) = web_sys::window() else {
        return;
    };
    let route = Route::from_path(&window.location().pathname().unwrap_or_default());
    let Some(root) = window.document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    // The parts drawn a moment later (`defer::Later`) keep showing what was prerendered.
    defer::keep_prerendered(&root);
    root.set_text_content(None);
    yew::Renderer::<App>::with_root_and_props(root, AppProps { route, page }).render();
}

/// Natively there is no page to draw (the prerenderer renders `App` itself).
#[cfg(not(target_arch = "wasm32"))]
pub fn start(_: Page) {}
