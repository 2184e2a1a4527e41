//! Routes are real URLs (history API), so the browser's back button works and a reload lands
//! on the same page. `Route` is pure; `Navigator` is the edge that talks to `window.history`.

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
    /// Every route with a page.
    #[cfg(test)]
    pub const ALL: [Route; 8] = [
        Route::Home,
        Route::Simulator,
        Route::Rules,
        Route::Eligibility,
        Route::Navigator,
        Route::Checklist,
        Route::Plan,
        Route::Settings,
    ];

    pub fn from_path(path: &str) -> Route {
        match path.trim_end_matches('/') {
            "" | "/index.html" => Route::Home,
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

    pub fn path(self) -> &'static str {
        match self {
            Route::Home | Route::NotFound => "/",
            Route::Simulator => "/simulator",
            Route::Rules => "/rules",
            Route::Eligibility => "/eligibility",
            Route::Navigator => "/navigator",
            Route::Checklist => "/checklist",
            Route::Plan => "/plan",
            Route::Settings => "/settings",
        }
    }
}

/// The current route and a way to change it, shared through a context.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    pub route: Route,
    go: Callback<Route>,
}

impl Navigator {
    pub fn go(&self, route: Route) {
        self.go.emit(route);
    }
}

#[cfg(target_arch = "wasm32")]
fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn current_path() -> String {
    String::new()
}

#[cfg(target_arch = "wasm32")]
fn push(route: Route) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        // In seminar mode the tab keeps no trail of pages for the next attendee's back button.
        let _ = if crate::seminar::url_writes_allowed() {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(route.path()))
        } else {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(route.path()))
        };
    }
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn push(_: Route) {}

/// Provides the [`Navigator`] and follows the back/forward buttons.
#[hook]
pub fn use_router() -> Navigator {
    let route = use_state_eq(|| Route::from_path(&current_path()));
    #[cfg(target_arch = "wasm32")]
    {
        let route = route.setter();
        use_effect_with((), move |_| {
            use wasm_bindgen::closure::Closure;
            use wasm_bindgen::JsCast;
            let listener = Closure::<dyn Fn()>::new(move || {
                route.set(Route::from_path(&current_path()));
            });
            if let Some(w) = web_sys::window() {
                let _ = w.add_event_listener_with_callback(
                    "popstate",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = web_sys::window() {
                    let _ = w.remove_event_listener_with_callback(
                        "popstate",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    let setter = route.setter();
    let go = Callback::from(move |r: Route| {
        push(r);
        setter.set(r);
    });
    Navigator { route: *route, go }
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    pub children: Html,
}

/// An `<a href>` that navigates without reloading (and still works as a plain link).
#[component]
pub fn Link(props: &LinkProps) -> Html {
    let nav = use_context::<Navigator>();
    let to = props.to;
    let onclick = Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return; // let the browser open a new tab
        }
        if let Some(nav) = &nav {
            e.prevent_default();
            nav.go(to);
        }
    });
    html! {
        <a href={to.path()} class={props.class.clone()} id={props.id.clone()} {onclick}>
            {props.children.clone()}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip() {
        for r in Route::ALL {
            assert_eq!(Route::from_path(r.path()), r);
        }
        assert_eq!(Route::from_path("/simulator/"), Route::Simulator);
        assert_eq!(Route::from_path("/nope"), Route::NotFound);
        assert_eq!(Route::from_path(""), Route::Home);
    }
}
