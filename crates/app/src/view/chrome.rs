//! The page header (with the language switch) and footer.

use crate::i18n::{self, locale, m, t};
use crate::route::{use_route, Link, Route};
use crate::tf;
use ouen_rules::{Date, STAMP};
use yew::prelude::*;

#[component]
pub fn Header() -> Html {
    html! {
        <header class="site-header">
            <p class="brand"><Link to={Route::Home}>{t(m::APP_BRAND)}</Link></p>
            <p class="privacy-badge">{t(m::APP_PRIVACY)}</p>
            <crate::view::handoff::HeaderTools />
            <LangSwitch />
            <ToolNav />
        </header>
    }
}

/// The tools, as one row of links on every page (scrolls sideways on a narrow screen).
#[component]
fn ToolNav() -> Html {
    let here = use_route();
    let items = [
        (Route::Home, m::APP_NAV_HOME),
        (Route::Eligibility, m::APP_NAV_ELIGIBILITY),
        (Route::Simulator, m::APP_NAV_SIMULATOR),
        (Route::Plan, m::APP_NAV_PLAN),
        (Route::Checklist, m::APP_NAV_CHECKLIST),
        (Route::Navigator, m::APP_NAV_NAVIGATOR),
        (Route::Rules, m::APP_NAV_RULES),
        (Route::Settings, m::SETTINGS_LINK),
    ];
    html! {
        <nav class="tool-nav" aria-label={t(m::APP_NAV_LABEL)}>
            <ul>
                {for items.into_iter().map(|(route, label)| html! {
                    <li>
                        <Link to={route} current={route == here} id={format!("nav-{}", route.slug())}>
                            {t(label)}
                        </Link>
                    </li>
                })}
            </ul>
        </nav>
    }
}

/// 日本語 / English: real links to this page in the other language (`/en/…`), so the switch
/// works from the keyboard and in a new tab; `main.js` remembers the choice.
#[component]
fn LangSwitch() -> Html {
    let current = locale();
    let route = use_route();
    html! {
        <nav class="lang-switch" aria-label={t(m::APP_LANG_SWITCH)}>
            <ul>
                {for i18n::LANGS.iter().map(|(l, code, name)| html! {
                    <li>
                        <a href={route.href(*l)} lang={*code} hreflang={*code} id={format!("lang-{code}")}
                            aria-current={(*l == current).then_some("true")}>{*name}</a>
                    </li>
                })}
            </ul>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The as-of date of the result shown, if one was given.
    pub as_of: Option<Date>,
}

/// The ruleset stamp and the as-of date, on screen and on every printout.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    // Only results computed for a date carry one; other pages show just the stamp.
    let as_of = props.as_of.map(
        |d| html! { <p class="as-of-note">{tf!(m::APP_AS_OF, date = d.format(locale()))}</p> },
    );
    html! {
        <footer class="site-footer">
            <p class="stamp" id="ruleset-stamp">
                {tf!(m::APP_STAMP, version = STAMP.version, hash = STAMP.hash)}
            </p>
            {for as_of}
            <p>{t(m::APP_FOOTER_LOCAL)}</p>
        </footer>
    }
}
