//! The home screen: the jobs as large tiles.

use crate::i18n::{m, t};
use crate::route::{Link, Route};
use yew::prelude::*;

#[component]
pub fn HomePage() -> Html {
    html! {
        <main class="page home">
            <h1 class="page-title">{t(m::HOME_TITLE)}</h1>
            <p class="lead">
                {t(m::HOME_LEAD)}
            </p>
            <nav class="tiles" aria-label={t(m::HOME_TILES_LABEL)}>
                <Link to={Route::Eligibility} class="tile" id="tile-eligibility">
                    <span class="tile-title">{t(m::HOME_ELIGIBILITY_TITLE)}</span>
                    <span class="tile-text">{t(m::HOME_ELIGIBILITY_TEXT)}</span>
                </Link>
                <Link to={Route::Simulator} class="tile" id="tile-simulator">
                    <span class="tile-title">{t(m::HOME_SIMULATOR_TITLE)}</span>
                    <span class="tile-text">{t(m::HOME_SIMULATOR_TEXT)}</span>
                </Link>
                <Link to={Route::Plan} class="tile" id="tile-plan">
                    <span class="tile-title">{t(m::HOME_PLAN_TITLE)}</span>
                    <span class="tile-text">{t(m::HOME_PLAN_TEXT)}</span>
                </Link>
                <Link to={Route::Checklist} class="tile" id="tile-checklist">
                    <span class="tile-title">{t(m::HOME_CHECKLIST_TITLE)}</span>
                    <span class="tile-text">{t(m::HOME_CHECKLIST_TEXT)}</span>
                </Link>
                <Link to={Route::Rules} class="tile" id="tile-rules">
                    <span class="tile-title">{t(m::HOME_RULES_TITLE)}</span>
                    <span class="tile-text">{t(m::HOME_RULES_TEXT)}</span>
                </Link>
                <Link to={Route::Navigator} class="tile" id="tile-navigator">
                    <span class="tile-title">{t(m::HOME_NAVIGATOR_TITLE)}</span>
                    <span class="tile-text">{t(m::HOME_NAVIGATOR_TEXT)}</span>
                </Link>
            </nav>
        </main>
    }
}

/// The page, for its wasm (`src/bin/home.rs`) and the prerenderer.
pub const PAGE: crate::Page = crate::Page {
    view: || yew::html! { <HomePage /> },
};
