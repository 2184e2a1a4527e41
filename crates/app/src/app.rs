//! The root component: the seminar bar, the header and one page.
//!
//! Every route is a page of its own (see `route`): `App` gets the route and the function that
//! draws its page, so a route's wasm links only that page. In the browser `App` draws the page
//! once, with what this device holds, in place of the prerendered HTML (see `crate::start`).

use crate::i18n::{m, t};
use crate::route::{Link, Route};
use crate::view::chrome::{Footer, Header};
use crate::view::seminar_bar::SeminarSlot;
use yew::prelude::*;

/// A route's page, as a function its wasm links: what draws it. A lower layer never matches
/// on the route to reach a page's code, so a page's wasm holds no other page's. (What a
/// hand-off link carries is unpacked and kept by the `handoff_import` island, fetched only
/// when such a link is opened: `crate::island::handoff_import`.)
#[derive(Clone, Copy)]
pub struct Page {
    pub view: fn() -> Html,
}

/// One wasm has one page: pages are never compared (function pointers have no meaningful
/// equality), so a `Page` never changes what is drawn.
impl PartialEq for Page {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub route: Route,
    pub page: Page,
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    route: Route,
    page: Page,
    /// Mounted with this device's data: the page can be used.
    ready: bool,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // The prerenderer draws the page as it is before this device's data is read, its controls
    // disabled; in the browser the page is drawn once, with the device's data (see
    // `crate::start`), and can be used at once.
    let ready = cfg!(target_arch = "wasm32");
    html! {
        <ContextProvider<Route> context={props.route}>
            <ContextProvider<Page> context={props.page}>
                <Body route={props.route} page={props.page} {ready} />
            </ContextProvider<Page>>
        </ContextProvider<Route>>
    }
}

/// The page in a `<fieldset>` that is disabled in the prerendered HTML, so nothing typed or
/// pressed before the page's wasm runs is silently lost; links work all along, as plain
/// links. Once the page is drawn in the browser, `<html data-ready>` says so.
#[component]
fn Body(props: &BodyProps) -> Html {
    {
        let ready = props.ready;
        use_effect_with((), move |_| {
            // Once every part drawn a moment later (`defer::Later`) is live too.
            #[cfg(target_arch = "wasm32")]
            if ready {
                crate::defer::when_drawn(|| {
                    if let Some(html) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.document_element())
                    {
                        let _ = html.set_attribute("data-ready", "");
                    }
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = ready;
        });
    }
    let import = use_handoff_import();
    let (notice, page_ready) = match &*import {
        Import::None => (html! {}, true),
        Import::Pending => (html! {}, false),
        Import::Done => (
            html! { <p class="handoff-notice" id="handoff-notice" role="status">{t(m::HANDOFF_RESTORED)}</p> },
            true,
        ),
        Import::Failed(msg) => (
            html! { <p class="handoff-error" id="handoff-error" role="alert">{msg.clone()}</p> },
            true,
        ),
    };
    let page = match props.route {
        Route::NotFound => not_found(),
        Route::Home | Route::Settings => {
            html! { <>{(props.page.view)()}<Footer as_of={None} /></> }
        }
        _ => (props.page.view)(),
    };
    html! {
        <fieldset class="app-frame" disabled={!props.ready}>
            <SeminarSlot ready={props.ready} />
            <Header />
            {notice}
            if page_ready {
                {page}
            } else {
                <main class="page"><p class="loading">{t(m::HANDOFF_PREPARING)}</p></main>
            }
        </fieldset>
    }
}

fn not_found() -> Html {
    html! {
        <main class="page">
            <h1 class="page-title">{t(m::APP_NOT_FOUND)}</h1>
            <p><Link to={Route::Home}>{t(m::APP_BACK_HOME)}</Link></p>
        </main>
    }
}

/// A hand-off link (`#h=…`, see `crate::handoff`) being opened.
#[derive(Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Import {
    None,
    /// Decoding; the page waits, so it reads the handed-over document from storage.
    Pending,
    Done,
    Failed(String),
}

/// A hand-off link (`#h=…`) opened on this page: the `handoff_import` island unpacks and
/// keeps its document (`crate::island::handoff_import`), then says how it went with an
/// [`crate::island::HANDOFF_EVENT`]; the page is drawn after that, from what is then stored.
#[hook]
fn use_handoff_import() -> UseStateHandle<Import> {
    #[cfg(target_arch = "wasm32")]
    let start = if crate::handoff::web::current_fragment().starts_with("h=") {
        Import::Pending
    } else {
        Import::None
    };
    #[cfg(not(target_arch = "wasm32"))]
    let start = Import::None;
    let state = use_state(move || start);
    #[cfg(target_arch = "wasm32")]
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = (*state == Import::Pending)
                .then(web_sys::window)
                .flatten()
                .map(|w| {
                    let listener = gloo_events::EventListener::once(
                        &w,
                        crate::island::HANDOFF_EVENT,
                        move |_| {
                            state.set(match crate::island::handoff_outcome() {
                                None => Import::Done,
                                Some(msg) => Import::Failed(msg),
                            })
                        },
                    );
                    crate::island::open(crate::island::HANDOFF_IMPORT);
                    listener
                });
            move || drop(listener)
        });
    }
    state
}
