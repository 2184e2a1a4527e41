//! Islands: parts of a page that are not needed to read or use it at first, each in a wasm of
//! its own that is fetched only when it is wanted, so that no route's first load pays for it.
//!
//! - `seminar_bar` (`src/bin/seminar_bar.rs`): the seminar bar, its consent dialog and the
//!   idle reset, loaded only on a device in seminar mode.
//! - `handoff_dialog` (`src/bin/handoff_dialog.rs`): the "スマホに持ち帰る" dialog, the QR code
//!   and the packing of the page's document, loaded at the first press of the header button.
//! - `handoff_import` (`src/bin/handoff_import.rs`): unpacking and keeping the document a
//!   hand-off link carries (inflating it with the browser's DecompressionStream, its checks),
//!   loaded only when a page is opened from such a link ([`handoff_import`]). It draws
//!   nothing: it reports back with [`HANDOFF_EVENT`].
//! - `organiser` (`src/bin/organiser.rs`): the settings page's view of the seminar tally
//!   (totals, CSV, clearing), shown only once a tally exists or seminar mode is unlocked.
//! - `plan_docs` (`src/bin/plan_docs.rs`): the plan page's preview of the two documents and
//!   its Markdown and Word exports (`crate::view::plan_docs`), loaded when the preview comes
//!   near the screen, when the draft first changes, or at the first export or print.
//! - `whatif` (`src/bin/whatif.rs`): the simulator's what-if charts (every mode side by side,
//!   self-pay across rates), loaded when their place comes near the screen; they follow the
//!   form through their host's `data-input` attribute.
//!
//! The page renders an empty host element, `<div id="<name>-slot">`, and calls [`open`].
//! `main.js` (`window.ouenIsland`) imports `/app/<name>.js` once; its `main` mounts a Yew
//! component of its own into the host ([`mount`]). Opened again, the island is not loaded
//! again: the host gets an `ouen-open` event, which the island's component answers (the
//! hand-off dialog opens again); a new, empty host (the page redrew that part) gets a new
//! mount of the island's component. The service worker keeps every island for offline use, like
//! the pages.
//!
//! The page's own Yew tree never renders children into a host, so the two never touch the
//! same nodes.

/// What the prerenderer drew for an island with the page's starting state (raw HTML, put into
/// the host by the page so that the island's content reads without JavaScript). Empty in the
/// browser, where the island itself draws into the host.
pub fn prerendered(name: &str) -> yew::AttrValue {
    #[cfg(not(target_arch = "wasm32"))]
    {
        PRERENDERED.with(|p| {
            p.borrow()
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, html)| yew::AttrValue::from(html.clone()))
                .unwrap_or_default()
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = name;
        yew::AttrValue::default()
    }
}

/// For the prerenderer: the island `name`'s HTML for the page about to be rendered.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_prerendered(name: &str, html: String) {
    PRERENDERED.with(|p| {
        let mut p = p.borrow_mut();
        p.retain(|(n, _)| n != name);
        p.push((name.to_string(), html));
    });
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static PRERENDERED: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The what-if charts' island.
pub const WHATIF: &str = crate::view::whatif::ISLAND;
/// The plan documents' island.
pub const PLAN_DOCS: &str = crate::view::plan_docs::ISLAND;

/// The event a host gets when its island, already loaded, is opened again.
pub const OPEN_EVENT: &str = "ouen-open";

/// The host element's id for an island.
pub fn slot_id(name: &str) -> String {
    format!("{name}-slot")
}

/// Loads the island `name` (once) and opens it. A failed load is reported by `main.js` in
/// the page's language; the page itself keeps working.
#[cfg(target_arch = "wasm32")]
pub fn open(name: &str) {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return;
    };
    let loader = js_sys::Reflect::get(&window, &JsValue::from_str("ouenIsland"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(loader) = loader {
        let _ = loader.call1(&JsValue::NULL, &JsValue::from_str(name));
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn open(_: &str) {}

/// Loads the island `name` once its host comes near the screen (content below the fold: it
/// is not part of the first load unless it is in view).
#[cfg(target_arch = "wasm32")]
pub fn open_when_visible(name: &str) {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return;
    };
    let loader = js_sys::Reflect::get(&window, &JsValue::from_str("ouenIsland"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(loader) = loader {
        let _ = loader.call2(&JsValue::NULL, &JsValue::from_str(name), &JsValue::TRUE);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn open_when_visible(_: &str) {}

/// An island's entry (its `main`): mounts `C` into the host of `name`, in the page's
/// language. Nothing happens without a host (the page was left meanwhile).
///
/// Later `ouen-open` events that reach the document from an empty host of `name` (the page
/// drew a new one) mount the component there too.
#[cfg(target_arch = "wasm32")]
pub fn mount<C>(name: &str, props: C::Properties)
where
    C: yew::BaseComponent,
    C::Properties: Clone,
{
    use wasm_bindgen::JsCast;
    crate::i18n::init();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // Yew numbers its roots from 1 in every wasm and brands the elements it draws with that
    // number. The page's root is 1 in the page's wasm; were the island's root 1 in its own,
    // the page would take events inside the island for its own and call its own handlers on
    // them (a focus in the hand-off dialog ran the simulator's "select the link"). A root made
    // and dropped first makes the island's root 2.
    if let Ok(spare) = document.create_element("div") {
        yew::Renderer::<Spare>::with_root(spare).render().destroy();
    }
    if let Some(host) = document.get_element_by_id(&slot_id(name)) {
        yew::Renderer::<C>::with_root_and_props(host, props.clone()).render();
    }
    let id = slot_id(name);
    let remount = gloo_events::EventListener::new(&document, OPEN_EVENT, move |e| {
        let host = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let Some(host) = host.filter(|h| h.id() == id && h.child_element_count() == 0) {
            yew::Renderer::<C>::with_root_and_props(host, props.clone()).render();
        }
    });
    // For the page's lifetime, as the island is.
    remount.forget();
}

/// Draws nothing: see [`mount`].
#[cfg(target_arch = "wasm32")]
#[yew::component]
fn Spare() -> yew::Html {
    yew::Html::default()
}

/// The attribute `attr` of the island `name`'s host, as the page wrote it last (empty when
/// there is none, and off the web).
pub fn host_attr(name: &str, attr: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&slot_id(name)))
            .and_then(|h| h.get_attribute(attr))
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, attr);
        String::new()
    }
}

/// Calls `f` each time the page rewrites one of `attrs` on the island `name`'s host (how a
/// page hands an island what it shows), until the returned guard is dropped.
#[cfg(target_arch = "wasm32")]
pub fn watch_host(name: &str, attrs: &[&str], f: impl Fn() + 'static) -> impl FnOnce() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let callback = Closure::<dyn Fn()>::new(f);
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok();
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&slot_id(name)));
    if let (Some(o), Some(h)) = (&observer, host) {
        let options = web_sys::MutationObserverInit::new();
        let filter: js_sys::Array = attrs
            .iter()
            .map(|a| wasm_bindgen::JsValue::from_str(a))
            .collect();
        options.set_attribute_filter(&filter);
        let _ = o.observe_with_options(&h, &options);
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        drop(callback);
    }
}

/// Calls `f` each time the island's host gets [`OPEN_EVENT`] (the island opened again), until
/// the returned guard is dropped.
#[cfg(target_arch = "wasm32")]
pub fn on_open(name: &str, f: impl Fn() + 'static) -> impl FnOnce() {
    let listener = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&slot_id(name)))
        .map(|host| gloo_events::EventListener::new(&host, OPEN_EVENT, move |_| f()));
    move || drop(listener)
}

/// The hand-off dialog's entry (`src/bin/handoff_dialog.rs`). It serves every page, so here,
/// in the island only, the route picks what travels.
#[cfg(target_arch = "wasm32")]
pub fn handoff_dialog() {
    use crate::handoff::Carrier;
    use crate::route::Route;
    use crate::view::handoff::{DialogProps, HandoffDialog, ISLAND};
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let route = Route::from_path(&path);
    let carrier = match route {
        Route::Simulator => Carrier::SIMULATOR,
        Route::Eligibility => Carrier::ELIGIBILITY,
        Route::Checklist => Carrier::CHECKLIST,
        Route::Plan => Carrier::PLAN,
        Route::Home | Route::Rules | Route::Navigator | Route::Settings | Route::NotFound => {
            Carrier::NONE
        }
    };
    mount::<HandoffDialog>(ISLAND, DialogProps { route, carrier });
}

/// The hand-off import island's name.
pub const HANDOFF_IMPORT: &str = "handoff_import";
/// Sent to `window` when the hand-off import island is done; [`handoff_outcome`] tells how.
pub const HANDOFF_EVENT: &str = "ouen-handoff";
/// Where the island leaves its outcome for the page: `""` kept, else the message to show.
#[cfg(target_arch = "wasm32")]
const HANDOFF_OUTCOME: &str = "ouenHandoff";

/// How the hand-off import went: `None` kept, `Some(message)` not.
#[cfg(target_arch = "wasm32")]
pub fn handoff_outcome() -> Option<String> {
    let window = web_sys::window()?;
    let v = js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str(HANDOFF_OUTCOME))
        .ok()?
        .as_string()?;
    (!v.is_empty()).then_some(v)
}

/// The hand-off import island's entry (`src/bin/handoff_import.rs`): keeps the document of
/// the `#h=…` link this page was opened with, as the route's page would keep it, removes the
/// fragment from the address, and reports with [`HANDOFF_EVENT`].
#[cfg(target_arch = "wasm32")]
pub fn handoff_import() {
    use crate::handoff::{web, Handoff};
    use crate::route::Route;
    use wasm_bindgen::JsValue;
    crate::i18n::init();
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let handoff = match Route::from_path(&path) {
        Route::Eligibility => Handoff::ELIGIBILITY,
        Route::Checklist => Handoff::CHECKLIST,
        Route::Plan => Handoff::PLAN,
        Route::Simulator
        | Route::Home
        | Route::Rules
        | Route::Navigator
        | Route::Settings
        | Route::NotFound => Handoff::NONE,
    };
    let fragment = web::current_fragment();
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = match web::import(&fragment, handoff).await {
            Ok(_) => String::new(),
            Err(msg) => msg,
        };
        web::clear_fragment();
        let Some(window) = web_sys::window() else {
            return;
        };
        let _ = js_sys::Reflect::set(
            &window,
            &JsValue::from_str(HANDOFF_OUTCOME),
            &JsValue::from_str(&outcome),
        );
        if let Ok(e) = web_sys::Event::new(HANDOFF_EVENT) {
            let _ = window.dispatch_event(&e);
        }
    });
}

/// The seminar bar's entry (`src/bin/seminar_bar.rs`).
#[cfg(target_arch = "wasm32")]
pub fn seminar_bar() {
    use crate::view::seminar_bar::{SeminarBar, ISLAND};
    mount::<SeminarBar>(ISLAND, ());
}

/// The what-if charts' entry (`src/bin/whatif.rs`).
#[cfg(target_arch = "wasm32")]
pub fn whatif() {
    use crate::view::whatif::{WhatIf, ISLAND};
    mount::<WhatIf>(ISLAND, ());
}

/// The what-if charts as the prerenderer draws them (the simulator's starting form), for
/// [`set_prerendered`].
#[cfg(feature = "ssr")]
pub async fn render_whatif() -> String {
    yew::LocalServerRenderer::<crate::view::whatif::WhatIf>::new()
        .hydratable(false)
        .render()
        .await
}

/// The plan documents' entry (`src/bin/plan_docs.rs`).
#[cfg(target_arch = "wasm32")]
pub fn plan_docs() {
    use crate::view::plan_docs::{PlanDocs, ISLAND};
    mount::<PlanDocs>(ISLAND, ());
}

/// The plan documents as the prerenderer draws them (an empty draft), for [`set_prerendered`].
#[cfg(feature = "ssr")]
pub async fn render_plan_docs() -> String {
    yew::LocalServerRenderer::<crate::view::plan_docs::PlanDocs>::new()
        .hydratable(false)
        .render()
        .await
}

/// The organiser's view's entry (`src/bin/organiser.rs`).
#[cfg(target_arch = "wasm32")]
pub fn organiser() {
    use crate::pages::settings::{Organiser, ORGANISER};
    mount::<Organiser>(ORGANISER, ());
}
