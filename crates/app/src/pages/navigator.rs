//! 支援策ナビ: from "what I want to do" to every support named in the sources. The catalogue
//! and the "ended" marks are the rules core's (`ouen_rules::navigator`); the as-of date is
//! today on this device. Contacts are shown as text: the app never calls out.

use crate::route::{Link, Route};
use crate::view::chrome::Footer;
use ouen_rules::navigator::{navigator, AppLink, NeedId, SupportView, NEEDS};
use ouen_rules::Locale;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[component]
pub fn NavigatorPage() -> Html {
    let selected = use_state(Vec::<NeedId>::new);
    let today = crate::clock::today();
    let nav = navigator(&selected, today, Locale::Ja);
    let on_toggle = {
        let selected = selected.clone();
        Callback::from(move |(id, on): (NeedId, bool)| {
            let mut v: Vec<NeedId> = (*selected).clone();
            v.retain(|n| *n != id);
            if on {
                v.push(id);
            }
            // Keep the catalogue's order.
            v.sort_by_key(|n| NEEDS.iter().position(|x| x.id == *n));
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
                <h1 class="page-title">{"支援策ナビ"}</h1>
                <p class="lead">
                    {"やりたいことを選ぶと、合う支援策が出てきます（いくつでも選べます）。金額や件数は出典資料の時点のもので、日付を添えています。終了した制度も「終了」と示して残しています。"}
                </p>
                <fieldset class="nav-needs">
                    <legend>{"やりたいこと"}</legend>
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
                        <button type="button" class="nav-clear" onclick={clear}>{"選択をすべて外す"}</button>
                    }
                </fieldset>
                <p class="nav-count" id="nav-count" aria-live="polite">
                    { if selected.is_empty() {
                        format!("すべての支援策（{count}件）を表示しています。")
                    } else {
                        format!("{count}件の支援策が合います（うち終了 {ended}件）。")
                    } }
                </p>
                <ul class="nav-supports" id="nav-supports">
                    { for nav.supports.iter().map(support_card) }
                </ul>
            </main>
            <Footer as_of={today} />
        </>
    }
}

fn support_card(s: &SupportView) -> Html {
    html! {
        <li class={classes!("nav-support", s.ended.then_some("ended"))} id={format!("support-{}", s.id)}>
            <h2 class="nav-support-name">
                {s.name}
                if s.ended {
                    <span class="nav-ended">{"終了"}</span>
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
                            <span class="elig-cite">{format!("（{}／出典 {}）", f.as_of, f.source)}</span>
                        </li>
                    }) }
                </ul>
            }
            if !s.conditions.is_empty() {
                <h3>{"条件など"}</h3>
                <ul class="nav-conditions">{ for s.conditions.iter().map(|c| html! { <li>{*c}</li> }) }</ul>
            }
            <h3>{"問い合わせ先"}</h3>
            <ul class="nav-contacts">
                { for s.contacts.iter().map(|c| html! {
                    <li>
                        <span class="nav-contact-name">{c.name}</span>
                        if let Some(p) = c.phone {
                            <span class="nav-contact-item">{format!("電話 {p}")}</span>
                        }
                        if let Some(h) = c.hours {
                            <span class="nav-contact-item">{format!("受付 {h}")}</span>
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
            <p class="nav-source">{format!("出典：資料 {}", s.source)}</p>
            if s.link == Some(AppLink::Simulator) {
                <p class="nav-links">
                    <Link to={Route::Eligibility} class="nav-link">{"対象になるか確かめる"}</Link>
                    <Link to={Route::Simulator} class="nav-link">{"費用を計算する"}</Link>
                </p>
            }
        </li>
    }
}
