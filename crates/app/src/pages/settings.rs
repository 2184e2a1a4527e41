//! The settings page (`/settings`): larger text, language, deleting this device's data, and
//! seminar mode (PIN, idle reset, the organiser's view of the host tally).

use crate::i18n::{self, locale, m, t};
use crate::seminar::{self, Config, PinError, Tally, Verdict, IDLE_CHOICES, TOOLS};
use crate::storage::{self, Doc};
use crate::tf;
use ouen_rules::checklist::Area;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn input_value(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn clear_input(r: &NodeRef) {
    if let Some(i) = r.cast::<HtmlInputElement>() {
        i.set_value("");
    }
}

#[cfg(target_arch = "wasm32")]
fn set_large(on: bool) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.class_list().toggle_with_force("text-large", on);
    }
    if on {
        storage::write_raw(seminar::TEXT_SIZE_KEY, "large");
    } else {
        storage::remove_raw(seminar::TEXT_SIZE_KEY);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn set_large(_: bool) {}

#[component]
pub fn SettingsPage() -> Html {
    let large = use_state(|| storage::read_raw(seminar::TEXT_SIZE_KEY).as_deref() == Some("large"));
    let on_large = {
        let large = large.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<HtmlInputElement>()
                .is_some_and(|i| i.checked());
            set_large(on);
            large.set(on);
        })
    };
    html! {
        <main class="page settings-page">
            <h1 class="page-title">{t(m::SETTINGS_TITLE)}</h1>
            <section class="panel settings-section" aria-labelledby="settings-text-h">
                <h2 id="settings-text-h">{t(m::SETTINGS_TEXT_HEADING)}</h2>
                <label class="settings-check">
                    <input type="checkbox" id="settings-text-large" checked={*large} onchange={on_large} />
                    {t(m::SETTINGS_TEXT_LARGE)}
                </label>
            </section>
            <section class="panel settings-section" aria-labelledby="settings-lang-h">
                <h2 id="settings-lang-h">{t(m::SETTINGS_LANG_HEADING)}</h2>
                <ul class="settings-langs">
                    {for i18n::LANGS.iter().map(|(l, code, name)| html! {
                        <li><a href={crate::route::Route::Settings.href(*l)} lang={*code} hreflang={*code}
                            aria-current={(*l == locale()).then_some("true")}>{*name}</a></li>
                    })}
                </ul>
            </section>
            <SeminarSection />
            <DeleteSection />
        </main>
    }
}

#[component]
fn DeleteSection() -> Html {
    let confirming = use_state(|| false);
    let result = use_state(|| None::<String>);
    let ask = {
        let (confirming, result) = (confirming.clone(), result.clone());
        Callback::from(move |_: MouseEvent| {
            result.set(None);
            confirming.set(true);
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let delete = {
        let (confirming, result) = (confirming.clone(), result.clone());
        Callback::from(move |_: MouseEvent| {
            let seminar_on = seminar::active();
            let n = storage::wipe(seminar_on);
            set_large(false);
            confirming.set(false);
            let mut msg = tf!(m::SETTINGS_DELETE_DONE, count = n);
            if seminar_on {
                msg.push(' ');
                msg.push_str(t(m::SETTINGS_DELETE_KEPT_SEMINAR));
            }
            result.set(Some(msg));
        })
    };
    html! {
        <section class="panel settings-section" aria-labelledby="settings-delete-h">
            <h2 id="settings-delete-h">{t(m::SETTINGS_DELETE_HEADING)}</h2>
            <p>{t(m::SETTINGS_DELETE_INTRO)}</p>
            if *confirming {
                <div class="settings-confirm" role="alertdialog" aria-labelledby="settings-delete-q">
                    <p id="settings-delete-q"><strong>{t(m::SETTINGS_DELETE_CONFIRM)}</strong></p>
                    <button type="button" class="danger" id="settings-delete-yes" onclick={delete}>
                        {t(m::SETTINGS_DELETE_YES)}
                    </button>
                    <button type="button" class="secondary" id="settings-delete-no" onclick={cancel}>
                        {t(m::SETTINGS_CANCEL)}
                    </button>
                </div>
            } else {
                <button type="button" class="danger" id="settings-delete" onclick={ask}>
                    {t(m::SETTINGS_DELETE_BUTTON)}
                </button>
            }
            if let Some(msg) = &*result {
                <p class="settings-result" id="settings-delete-result" role="status">{msg.clone()}</p>
            }
        </section>
    }
}

#[component]
fn SeminarSection() -> Html {
    let config = use_state(seminar::load_config);
    let unlocked = use_state(|| false);
    let message = use_state(|| None::<(bool, String)>);
    let pin1 = use_node_ref();
    let pin2 = use_node_ref();
    let idle = use_node_ref();
    let pin = use_node_ref();

    let start = {
        let (config, message) = (config.clone(), message.clone());
        let (pin1, pin2, idle) = (pin1.clone(), pin2.clone(), idle.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match seminar::new_pin(&input_value(&pin1), &input_value(&pin2)) {
                Ok(p) => {
                    let minutes = idle
                        .cast::<HtmlSelectElement>()
                        .and_then(|s| s.value().parse().ok())
                        .unwrap_or(0);
                    let c = Config::new(&p, seminar::new_salt(), minutes);
                    match storage::save_doc(Doc::SeminarConfig, &c) {
                        Ok(()) => {
                            clear_input(&pin1);
                            clear_input(&pin2);
                            message.set(Some((true, t(m::SETTINGS_SEMINAR_STARTED).into())));
                            config.set(Some(c));
                            // The bar appears on every page from the next load on.
                            #[cfg(target_arch = "wasm32")]
                            if let Some(w) = web_sys::window() {
                                let _ = w.location().replace("/settings");
                            }
                        }
                        Err(e) => message.set(Some((false, e.message().into()))),
                    }
                }
                Err(PinError::Format) => {
                    message.set(Some((false, t(m::SETTINGS_PIN_FORMAT).into())))
                }
                Err(PinError::Mismatch) => {
                    message.set(Some((false, t(m::SETTINGS_PIN_MISMATCH).into())))
                }
            }
        })
    };
    let check_pin = {
        let (config, message, pin) = (config.clone(), message.clone(), pin.clone());
        move || -> bool {
            let ok = config.as_ref().is_some_and(|c| c.check(&input_value(&pin)));
            clear_input(&pin);
            if !ok {
                message.set(Some((false, t(m::SETTINGS_PIN_WRONG).into())));
            }
            ok
        }
    };
    let unlock = {
        let (check_pin, unlocked, message) = (check_pin.clone(), unlocked.clone(), message.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if check_pin() {
                message.set(None);
                unlocked.set(true);
            }
        })
    };
    let stop = {
        let (check_pin, config, message, unlocked) = (
            check_pin.clone(),
            config.clone(),
            message.clone(),
            unlocked.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if check_pin() {
                storage::remove_raw(Doc::SeminarConfig.key());
                config.set(None);
                unlocked.set(false);
                message.set(Some((true, t(m::SETTINGS_SEMINAR_STOPPED).into())));
                #[cfg(target_arch = "wasm32")]
                if let Some(w) = web_sys::window() {
                    let _ = w.location().replace("/settings");
                }
            }
        })
    };
    let set_idle = {
        let config = config.clone();
        Callback::from(move |e: Event| {
            let minutes = e
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|s| s.value().parse().ok())
                .unwrap_or(0);
            if let Some(mut c) = (*config).clone() {
                c.idle_minutes = minutes;
                let _ = storage::save_doc(Doc::SeminarConfig, &c);
                config.set(Some(c));
            }
        })
    };
    let lock = {
        let unlocked = unlocked.clone();
        Callback::from(move |_: MouseEvent| unlocked.set(false))
    };
    let idle_options = |selected: u32| {
        html! {
            {for IDLE_CHOICES.iter().map(|&n| html! {
                <option value={n.to_string()} selected={n == selected}>
                    {if n == 0 { t(m::SETTINGS_IDLE_OFF).to_string() } else { tf!(m::SETTINGS_IDLE_MINUTES, minutes = n) }}
                </option>
            })}
        }
    };
    let note = message.as_ref().map(|(ok, text)| {
        html! {
            <p class={if *ok { "settings-result" } else { "settings-error" }} id="seminar-message"
                role={if *ok { "status" } else { "alert" }}>{text.clone()}</p>
        }
    });
    let body = match &*config {
        None => html! {
            <>
                <p>{t(m::SETTINGS_SEMINAR_INTRO)}</p>
                <form class="settings-form" onsubmit={start}>
                    <label for="seminar-pin1">{t(m::SETTINGS_PIN_NEW)}</label>
                    <input id="seminar-pin1" type="password" inputmode="numeric" autocomplete="off" ref={pin1} />
                    <label for="seminar-pin2">{t(m::SETTINGS_PIN_AGAIN)}</label>
                    <input id="seminar-pin2" type="password" inputmode="numeric" autocomplete="off" ref={pin2} />
                    <label for="seminar-idle-new">{t(m::SETTINGS_IDLE_LABEL)}</label>
                    <select id="seminar-idle-new" ref={idle}>{idle_options(0)}</select>
                    <button type="submit" class="primary" id="seminar-start">{t(m::SETTINGS_SEMINAR_START)}</button>
                </form>
                {for note}
                if !seminar::load_tally().entries.is_empty() {
                    <Organiser />
                }
            </>
        },
        Some(c) => html! {
            <>
                <p class="seminar-on" id="seminar-on"><strong>{t(m::SETTINGS_SEMINAR_ON)}</strong></p>
                if *unlocked {
                    <label for="seminar-idle">{t(m::SETTINGS_IDLE_LABEL)}</label>
                    <select id="seminar-idle" onchange={set_idle}>{idle_options(c.idle_minutes)}</select>
                    <Organiser />
                    <button type="button" class="secondary" id="seminar-lock" onclick={lock}>{t(m::SETTINGS_LOCK)}</button>
                } else {
                    <form class="settings-form" onsubmit={unlock}>
                        <label for="seminar-pin">{t(m::SETTINGS_PIN)}</label>
                        <input id="seminar-pin" type="password" inputmode="numeric" autocomplete="off" ref={pin} />
                        <button type="submit" class="primary" id="seminar-unlock">{t(m::SETTINGS_UNLOCK)}</button>
                        <button type="button" class="secondary" id="seminar-stop" onclick={stop}>{t(m::SETTINGS_SEMINAR_STOP)}</button>
                    </form>
                }
                {for note}
            </>
        },
    };
    html! {
        <section class="panel settings-section" aria-labelledby="settings-seminar-h">
            <h2 id="settings-seminar-h">{t(m::SETTINGS_SEMINAR_HEADING)}</h2>
            {body}
        </section>
    }
}

/// The organiser's view of the host tally.
#[component]
fn Organiser() -> Html {
    let tally = use_state(seminar::load_tally);
    let confirming = use_state(|| false);
    let totals = seminar::totals(&tally);
    let l = locale();
    let download = {
        let tally = tally.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = seminar::csv(&tally, locale());
            crate::download::save_file(
                csv.as_bytes(),
                "seminar-tally.csv",
                "text/csv;charset=utf-8",
            );
        })
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let clear = {
        let (tally, confirming) = (tally.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            storage::remove_raw(Doc::SeminarTally.key());
            tally.set(Tally::default());
            confirming.set(false);
        })
    };
    let verdict_row = |label: &'static str, counts: [usize; 3]| {
        html! {
            <tr><th scope="row">{label}</th>
                {for counts.iter().map(|c| html! { <td>{c}</td> })}</tr>
        }
    };
    html! {
        <div class="organiser" id="organiser">
            <h3>{t(m::SETTINGS_TALLY_HEADING)}</h3>
            <p id="tally-count">{tf!(m::SETTINGS_TALLY_COUNT, count = totals.count)}</p>
            <table class="tally-table" id="tally-stages">
                <caption>{t(m::SETTINGS_TALLY_STAGES)}</caption>
                <thead><tr>
                    <th scope="col">{t(m::SEMINAR_CSV_STAGE)}</th>
                    <th scope="col">{t(m::SETTINGS_TALLY_PEOPLE)}</th>
                </tr></thead>
                <tbody>
                    {for (1..5).map(|s| html! {
                        <tr><th scope="row">{tf!(m::SETTINGS_TALLY_STAGE_N, stage = s)}</th><td>{totals.stages[s]}</td></tr>
                    })}
                    <tr><th scope="row">{t(m::SETTINGS_TALLY_NO_STAGE)}</th><td>{totals.stages[0]}</td></tr>
                </tbody>
            </table>
            <table class="tally-table" id="tally-schemes">
                <caption>{t(m::SETTINGS_TALLY_SCHEMES)}</caption>
                <thead><tr><td></td>
                    {for Verdict::ALL.iter().map(|v| html! { <th scope="col">{v.label(l)}</th> })}
                </tr></thead>
                <tbody>
                    {verdict_row(t(m::SEMINAR_CSV_NATIONAL), totals.national)}
                    {verdict_row(t(m::SEMINAR_CSV_NAGANO), totals.nagano)}
                </tbody>
            </table>
            <table class="tally-table" id="tally-areas">
                <caption>{t(m::SETTINGS_TALLY_AREAS)}</caption>
                <tbody>
                    {for totals.area_average.iter().map(|(a, avg): &(Area, Option<u32>)| html! {
                        <tr><th scope="row">{a.label(l)}</th>
                            <td>{avg.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())}</td></tr>
                    })}
                </tbody>
            </table>
            <table class="tally-table" id="tally-tools">
                <caption>{t(m::SETTINGS_TALLY_TOOLS)}</caption>
                <tbody>
                    {for TOOLS.iter().zip(totals.tools).map(|(tool, n)| html! {
                        <tr><th scope="row">{seminar::tool_label(tool, l)}</th><td>{n}</td></tr>
                    })}
                </tbody>
            </table>
            <div class="button-row">
                <button type="button" class="primary" id="tally-csv" onclick={download} disabled={totals.count == 0}>
                    {t(m::SETTINGS_TALLY_CSV)}
                </button>
                if *confirming {
                    <span role="alertdialog" aria-labelledby="tally-clear-q" class="settings-confirm">
                        <strong id="tally-clear-q">{t(m::SETTINGS_TALLY_CLEAR_CONFIRM)}</strong>
                        <button type="button" class="danger" id="tally-clear-yes" onclick={clear}>{t(m::SETTINGS_TALLY_CLEAR_YES)}</button>
                        <button type="button" class="secondary" id="tally-clear-no" onclick={cancel}>{t(m::SETTINGS_CANCEL)}</button>
                    </span>
                } else {
                    <button type="button" class="danger" id="tally-clear" onclick={ask} disabled={totals.count == 0}>
                        {t(m::SETTINGS_TALLY_CLEAR)}
                    </button>
                }
            </div>
        </div>
    }
}

/// The page, for its wasm (`src/bin/settings.rs`) and the prerenderer.
pub const PAGE: crate::Page = crate::Page {
    view: || yew::html! { <SettingsPage /> },
    handoff: crate::handoff::Handoff::NONE,
};
