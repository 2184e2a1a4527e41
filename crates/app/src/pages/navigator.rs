//! 支援策ナビ: from "what I want to do" to every support named in the sources. The catalogue
//! and the "ended" marks are the rules core's (`ouen_rules::navigator`); the as-of date is
//! today on this device. Contacts are shown as text: the app never calls out.

use crate::defer::Later;
use crate::i18n::{locale, m, t};
use crate::route::{Link, Route};
use crate::view::chrome::Footer;
use crate::view::cite;
use ouen_rules::navigator::{navigator, AppLink, NeedId, SupportView, NEEDS};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[component]
pub fn NavigatorPage() -> Html {
    let selected = use_state(Vec::<NeedId>::new);
    let today = crate::clock::today();
    let nav = navigator(&selected, today, locale());
    let on_toggle = {
        let selected = selected.clone();
        Callback::from(move |(id, on): (NeedId, bool)| {
            let mut v: Vec<NeedId> = (*selected).clone();
            v.retain(|n| *n != id);
            if on {
                v.push(id);
            }
            // Keep the catalogue's order.
            ouen_rules::order::sort_by_key(&mut v, |n| NEEDS.iter().position(|x| x.id == *n));
            selected.set(v);
        })
    };
    let clear = {
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| selected.set(Vec::new()))
    };
    let count = nav.supports.len();
    let ended = nav.supports.iter().filter(|s| s.ended).count();
    html! {
        <>
            <main class="page navigator">
                <h1 class="page-title">{t(m::NAV_TITLE)}</h1>
                <p class="lead">{t(m::NAV_LEAD)}</p>
                <fieldset class="nav-needs">
                    <legend>{t(m::NAV_NEEDS)}</legend>
                    <div class="nav-need-grid">
                        { for nav.needs.iter().map(|n| {
                            let id = n.id;
                            let onchange = on_toggle.reform(move |e: Event| {
                                (id, e.target_unchecked_into::<HtmlInputElement>().checked())
                            });
                            let input_id = format!("need-{}", id.id());
                            html! {
                                <label class={classes!("nav-need", n.selected.then_some("selected"))} for={input_id.clone()}>
                                    <input type="checkbox" id={input_id} value={id.id()} checked={n.selected} {onchange} />
                                    <span>{n.label}</span>
                                </label>
                            }
                        }) }
                    </div>
                    if !selected.is_empty() {
                        <button type="button" class="nav-clear" onclick={clear}>{t(m::NAV_CLEAR)}</button>
                    }
                </fieldset>
                <p class="nav-count" id="nav-count" aria-live="polite">
                    { if selected.is_empty() {
                        crate::tf!(m::NAV_COUNT_ALL, count = count)
                    } else {
                        crate::tf!(m::NAV_COUNT_SOME, count = count, ended = ended)
                    } }
                </p>
                // Each card, and the footer, drawn in a task of its own after the needs
                // (`defer::Later`).
                <ul class="nav-supports" id="nav-supports">
                    for s in nav.supports.iter() {
                        {later_card(s)}
                    }
                </ul>
            </main>
            <Later name="footer"><Footer as_of={today} /></Later>
        </>
    }
}

/// A card as a part of its own (`defer::Later`): its `<li>` carries the part's name, which is
/// also its id.
fn later_card(s: &SupportView) -> Html {
    let name = AttrValue::from(format!("support-{}", s.id));
    html! { <Later name={name.clone()} bare=true>{support_card(s, name)}</Later> }
}

fn support_card(s: &SupportView, name: AttrValue) -> Html {
    html! {
        <li class={classes!("nav-support", s.ended.then_some("ended"))} id={name.clone()} data-later={name}>
            <h2 class="nav-support-name">
                {s.name}
                if s.ended {
                    <span class="nav-ended">{t(m::NAV_ENDED)}</span>
                }
            </h2>
            if let Some(t) = &s.status_text {
                <p class="nav-status">{t}</p>
            }
            <p class="nav-offer">{s.offer}</p>
            if !s.figures.is_empty() {
                <ul class="nav-figures">
                    { for s.figures.iter().map(|f| html! {
                        <li>
                            <span>{&f.text}</span>
                            <span class="elig-cite">{crate::tf!(m::NAV_FIGURE_CITE, as_of = f.as_of, source = cite(f.source))}</span>
                        </li>
                    }) }
                </ul>
            }
            if !s.conditions.is_empty() {
                <h3>{t(m::NAV_CONDITIONS)}</h3>
                <ul class="nav-conditions">{ for s.conditions.iter().map(|c| html! { <li>{*c}</li> }) }</ul>
            }
            <h3>{t(m::NAV_CONTACTS)}</h3>
            <ul class="nav-contacts">
                { for s.contacts.iter().map(|c| html! {
                    <li>
                        <span class="nav-contact-name">{c.name}</span>
                        if let Some(p) = c.phone {
                            <span class="nav-contact-item">{crate::tf!(m::NAV_PHONE, phone = p)}</span>
                        }
                        if let Some(h) = c.hours {
                            <span class="nav-contact-item">{crate::tf!(m::NAV_HOURS, hours = h)}</span>
                        }
                        if let Some(u) = c.url {
                            <span class="nav-contact-item nav-url">{u}</span>
                        }
                        if let Some(m) = c.email {
                            <span class="nav-contact-item nav-url">{m}</span>
                        }
                    </li>
                }) }
            </ul>
            <p class="nav-source">{crate::tf!(m::NAV_SOURCE, source = cite(s.source))}</p>
            if s.link == Some(AppLink::Simulator) {
                <p class="nav-links">
                    <Link to={Route::Eligibility} class="nav-link">{t(m::NAV_CHECK_ELIGIBILITY)}</Link>
                    <Link to={Route::Simulator} class="nav-link">{t(m::NAV_SIMULATE)}</Link>
                </p>
            }
        </li>
    }
}

/// The page, for its wasm (`src/bin/navigator.rs`) and the prerenderer.
pub const PAGE: crate::Page = crate::Page {
    view: || yew::html! { <NavigatorPage /> },
};
