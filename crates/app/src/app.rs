//! The root component: the header, and the page for the current route.

use crate::i18n::{m, t};
use crate::pages::checklist::ChecklistPage;
use crate::pages::eligibility::EligibilityPage;
use crate::pages::home::HomePage;
use crate::pages::navigator::NavigatorPage;
use crate::pages::plan::PlanPage;
use crate::pages::rules::RulesPage;
use crate::pages::settings::SettingsPage;
use crate::pages::simulator::SimulatorPage;
use crate::route::{use_router, Link, Navigator, Route};
use crate::view::chrome::{Footer, Header};
use crate::view::seminar_bar::SeminarBar;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let nav = use_router();
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
    let page = match nav.route {
        Route::Home => html! { <><HomePage /><Footer as_of={None} /></> },
        Route::Simulator => html! { <SimulatorPage /> },
        Route::Rules => html! { <RulesPage /> },
        Route::Eligibility => html! { <EligibilityPage /> },
        Route::Navigator => html! { <NavigatorPage /> },
        Route::Checklist => html! { <ChecklistPage /> },
        Route::Plan => html! { <PlanPage /> },
        Route::Settings => html! { <><SettingsPage /><Footer as_of={None} /></> },
        Route::NotFound => html! {
            <main class="page">
                <h1 class="page-title">{t(m::APP_NOT_FOUND)}</h1>
                <p><Link to={Route::Home}>{t(m::APP_BACK_HOME)}</Link></p>
            </main>
        },
    };
    html! {
        <ContextProvider<Navigator> context={nav}>
            <SeminarBar />
            <Header />
            {notice}
            if page_ready {
                {page}
            } else {
                <main class="page"><p class="loading">{t(m::HANDOFF_PREPARING)}</p></main>
            }
        </ContextProvider<Navigator>>
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

#[hook]
fn use_handoff_import() -> UseStateHandle<Import> {
    #[cfg(target_arch = "wasm32")]
    let fragment = use_memo((), |_| crate::handoff::web::current_fragment());
    #[cfg(target_arch = "wasm32")]
    let start = if fragment.starts_with("h=") {
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
            if *state == Import::Pending {
                let fragment = (*fragment).clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let r = crate::handoff::web::import(&fragment).await;
                    crate::handoff::web::clear_fragment();
                    state.set(match r {
                        Ok(_) => Import::Done,
                        Err(msg) => Import::Failed(msg),
                    });
                });
            }
        });
    }
    state
}
