//! One module per page.

pub mod checklist;
pub mod eligibility;
pub mod home;
pub mod navigator;
pub mod plan;
pub mod rules;
pub mod settings;
pub mod simulator;

use crate::i18n::{m, Msg};
use crate::{Page, Route};

/// The page of a route, for the prerenderer (a route's wasm names only its own page; the
/// not-found page is drawn by `App` around the home page's wasm).
pub fn page(route: Route) -> Page {
    match route {
        Route::Home | Route::NotFound => home::PAGE,
        Route::Simulator => simulator::PAGE,
        Route::Rules => rules::PAGE,
        Route::Eligibility => eligibility::PAGE,
        Route::Navigator => navigator::PAGE,
        Route::Checklist => checklist::PAGE,
        Route::Plan => plan::PAGE,
        Route::Settings => settings::PAGE,
    }
}

/// The route's name in the document title (the home page has the app's own title).
pub fn title(route: Route) -> Option<Msg> {
    match route {
        Route::Home => None,
        Route::Simulator => Some(m::HOME_SIMULATOR_TITLE),
        Route::Rules => Some(m::HOME_RULES_TITLE),
        Route::Eligibility => Some(m::HOME_ELIGIBILITY_TITLE),
        Route::Navigator => Some(m::HOME_NAVIGATOR_TITLE),
        Route::Checklist => Some(m::HOME_CHECKLIST_TITLE),
        Route::Plan => Some(m::HOME_PLAN_TITLE),
        Route::Settings => Some(m::SETTINGS_TITLE),
        Route::NotFound => Some(m::APP_NOT_FOUND),
    }
}
