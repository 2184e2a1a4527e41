//! Routes are real URLs. Each route is its own prerendered page with its own wasm
//! (`src/bin/<route>.rs`), so going to another route is an ordinary page load: the browser's
//! back button, a new tab and a reload all work, and a page never downloads another's code.
//! English pages live under `/en/` (`/en/simulator`), so each language's HTML is served
//! ready to read.
//!
//! `Route` is pure; the current route reaches components through a context (`use_route`).

use crate::i18n::locale;
use ouen_rules::Locale;
use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Home,
    Simulator,
    Rules,
    Eligibility,
    Navigator,
    Checklist,
    Plan,
    Settings,
    NotFound,
}

impl Route {
    /// Every route with a page, in the order of the header's navigation.
    pub const ALL: [Route; 8] = [
        Route::Home,
        Route::Eligibility,
        Route::Simulator,
        Route::Plan,
        Route::Checklist,
        Route::Navigator,
        Route::Rules,
        Route::Settings,
    ];

    /// The route of a path (`/simulator`, `/en/simulator/`, `/simulator/index.html`), ignoring
    /// the language prefix.
    pub fn from_path(path: &str) -> Route {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let path = path.trim_end_matches('/');
        let path = path.strip_prefix("/en").unwrap_or(path);
        match path {
            "" => Route::Home,
            "/simulator" => Route::Simulator,
            "/rules" => Route::Rules,
            "/eligibility" => Route::Eligibility,
            "/navigator" => Route::Navigator,
            "/checklist" => Route::Checklist,
            "/plan" => Route::Plan,
            "/settings" => Route::Settings,
            _ => Route::NotFound,
        }
    }

    /// The route's name: its path segment, and the name of its wasm (`simulator`).
    pub fn slug(self) -> &'static str {
        match self {
            Route::Home => "home",
            Route::Simulator => "simulator",
            Route::Rules => "rules",
            Route::Eligibility => "eligibility",
            Route::Navigator => "navigator",
            Route::Checklist => "checklist",
            Route::Plan => "plan",
            Route::Settings => "settings",
            Route::NotFound => "404",
        }
    }

    /// The route's address in a language: `/simulator`, `/en/simulator`, `/`, `/en/`.
    pub fn href(self, l: Locale) -> String {
        let prefix = match l {
            Locale::Ja => "",
            Locale::En => "/en",
        };
        match self {
            Route::Home | Route::NotFound => format!("{prefix}/"),
            r => format!("{prefix}/{}", r.slug()),
        }
    }
}

/// The language a path is in: `/en/…` is English, everything else Japanese.
pub fn locale_of_path(path: &str) -> Locale {
    if path == "/en" || path.starts_with("/en/") {
        Locale::En
    } else {
        Locale::Ja
    }
}

/// The route of the page being shown (provided by `App`).
#[hook]
pub fn use_route() -> Route {
    use_context::<Route>().unwrap_or(Route::Home)
}

/// Goes to another route: an ordinary page load, which in seminar mode replaces the history
/// entry so the next attendee's back button brings nothing back.
#[cfg(target_arch = "wasm32")]
pub fn go(route: Route) {
    if let Some(w) = web_sys::window() {
        let href = route.href(locale());
        let _ = if crate::seminar::url_writes_allowed() {
            w.location().assign(&href)
        } else {
            w.location().replace(&href)
        };
    }
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Marks the link to the page being shown (`aria-current="page"`).
    #[prop_or_default]
    pub current: bool,
    pub children: Html,
}

/// A plain `<a href>` to a route in the interface's language. In seminar mode a click
/// replaces the history entry instead of adding one.
#[component]
pub fn Link(props: &LinkProps) -> Html {
    let to = props.to;
    let onclick = Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return; // a new tab or window: the browser's own way
        }
        #[cfg(target_arch = "wasm32")]
        if !crate::seminar::url_writes_allowed() {
            e.prevent_default();
            go(to);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (e, to);
    });
    html! {
        <a href={to.href(locale())} class={props.class.clone()} id={props.id.clone()}
            aria-current={props.current.then_some("page")} {onclick}>
            {props.children.clone()}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_in_both_languages() {
        for r in Route::ALL {
            for l in [Locale::Ja, Locale::En] {
                let href = r.href(l);
                assert_eq!(Route::from_path(&href), r, "{href}");
                assert_eq!(locale_of_path(&href), l, "{href}");
            }
        }
        assert_eq!(Route::from_path("/simulator/"), Route::Simulator);
        assert_eq!(Route::from_path("/simulator/index.html"), Route::Simulator);
        assert_eq!(Route::from_path("/en"), Route::Home);
        assert_eq!(Route::from_path("/index.html"), Route::Home);
        assert_eq!(Route::from_path("/nope"), Route::NotFound);
        assert_eq!(Route::from_path("/english"), Route::NotFound);
        assert_eq!(Route::from_path(""), Route::Home);
        assert_eq!(locale_of_path("/english"), Locale::Ja);
    }

    #[test]
    fn every_route_has_its_own_name() {
        let mut slugs: Vec<_> = Route::ALL.iter().map(|r| r.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Route::ALL.len());
    }
}
