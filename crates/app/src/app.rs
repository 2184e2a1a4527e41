//! The root component: the header, and the page for the current route.

use crate::i18n::{m, t};
use crate::pages::checklist::ChecklistPage;
use crate::pages::eligibility::EligibilityPage;
use crate::pages::home::HomePage;
use crate::pages::navigator::NavigatorPage;
use crate::pages::plan::PlanPage;
use crate::pages::rules::RulesPage;
use crate::pages::simulator::SimulatorPage;
use crate::route::{use_router, Link, Navigator, Route};
use crate::view::chrome::{Footer, Header};
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let nav = use_router();
    let page = match nav.route {
        Route::Home => html! { <><HomePage /><Footer as_of={None} /></> },
        Route::Simulator => html! { <SimulatorPage /> },
        Route::Rules => html! { <RulesPage /> },
        Route::Eligibility => html! { <EligibilityPage /> },
        Route::Navigator => html! { <NavigatorPage /> },
        Route::Checklist => html! { <ChecklistPage /> },
        Route::Plan => html! { <PlanPage /> },
        Route::NotFound => html! {
            <main class="page">
                <h1 class="page-title">{t(m::APP_NOT_FOUND)}</h1>
                <p><Link to={Route::Home}>{t(m::APP_BACK_HOME)}</Link></p>
            </main>
        },
    };
    html! {
        <ContextProvider<Navigator> context={nav}>
            <Header />
            {page}
        </ContextProvider<Navigator>>
    }
}
