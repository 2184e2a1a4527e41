//! The settings page (`/settings`): larger text, language, deleting this device's data, and
//! seminar mode (PIN, idle reset, the organiser's view of the host tally).

use crate::i18n::{self, locale, m, t};
use crate::seminar::{self, PinError, Tally, Verdict, Verified, IDLE_CHOICES, TOOLS};
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
        storage::write_raw(storage::key::TEXT_SIZE, "large");
    } else {
        storage::remove_raw(storage::key::TEXT_SIZE);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn set_large(_: bool) {}

#[component]
pub fn SettingsPage() -> Html {
    let large =
        use_state(|| storage::read_raw(storage::key::TEXT_SIZE).as_deref() == Some("large"));
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
            <MoveSection />
            <SeminarSection />
            <DeleteSection />
        </main>
    }
}

/// Whether the browser keeps this device's data (`navigator.storage.persisted()`).
#[derive(Clone, Copy, PartialEq)]
enum Kept {
    Checking,
    Yes,
    No,
    /// Asked with `persist()`, and refused.
    Denied,
    Unsupported,
}

/// `navigator.storage.persist()` (`ask`) or `persisted()`; `None` where there is neither.
#[cfg(target_arch = "wasm32")]
async fn storage_kept(ask: bool) -> Option<bool> {
    use wasm_bindgen::JsCast;
    let nav = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&nav, &"storage".into()).ok()?;
    let has =
        |name: &str| js_sys::Reflect::get(&manager, &name.into()).is_ok_and(|f| f.is_function());
    if !has("persist") || !has("persisted") {
        return None;
    }
    let manager: web_sys::StorageManager = manager.unchecked_into();
    let promise = if ask {
        manager.persist()
    } else {
        manager.persisted()
    }
    .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

#[cfg(not(target_arch = "wasm32"))]
async fn storage_kept(_: bool) -> Option<bool> {
    None
}

/// Export everything / import everything, and whether the browser keeps the data.
#[component]
fn MoveSection() -> Html {
    let message = use_state(|| None::<(bool, String)>);
    let kept = use_state(|| Kept::Checking);
    {
        let kept = kept.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                kept.set(match storage_kept(false).await {
                    Some(true) => Kept::Yes,
                    Some(false) => Kept::No,
                    None => Kept::Unsupported,
                });
            });
        });
    }
    let ask = {
        let kept = kept.clone();
        Callback::from(move |_: MouseEvent| {
            let kept = kept.clone();
            wasm_bindgen_futures::spawn_local(async move {
                kept.set(match storage_kept(true).await {
                    Some(true) => Kept::Yes,
                    Some(false) => Kept::Denied,
                    None => Kept::Unsupported,
                });
            });
        })
    };
    let export = {
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let text = crate::everything::collect().to_json();
            if crate::download::save_file(text.as_bytes(), "ouen-all.json", "application/json") {
                message.set(None);
            } else {
                message.set(Some((false, t(m::SETTINGS_MOVE_EXPORT_FAILED).into())));
            }
        })
    };
    let import = {
        let message = message.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let message = message.clone();
            crate::download::read_file(input, move |picked| {
                use crate::everything;
                let parsed = picked.and_then(|f| {
                    everything::parse(&f.text).map_err(|e| e.in_file(&f.name).message())
                });
                let done = parsed.and_then(|file| {
                    let next = everything::merge(&everything::collect(), &file);
                    everything::apply(&next).map_err(|e| e.message().to_string())?;
                    Ok(file.count())
                });
                match done {
                    Ok(count) => {
                        set_large(
                            storage::read_raw(storage::key::TEXT_SIZE).as_deref() == Some("large"),
                        );
                        message.set(Some((true, tf!(m::SETTINGS_MOVE_IMPORTED, count = count))));
                    }
                    Err(msg) => message.set(Some((false, msg))),
                }
            });
        })
    };
    let kept_text = match *kept {
        Kept::Checking => m::SETTINGS_PERSIST_CHECKING,
        Kept::Yes => m::SETTINGS_PERSIST_YES,
        Kept::No => m::SETTINGS_PERSIST_NO,
        Kept::Denied => m::SETTINGS_PERSIST_DENIED,
        Kept::Unsupported => m::SETTINGS_PERSIST_UNSUPPORTED,
    };
    let state = match *kept {
        Kept::Checking => "checking",
        Kept::Yes => "yes",
        Kept::No => "no",
        Kept::Denied => "denied",
        Kept::Unsupported => "unsupported",
    };
    html! {
        <section class="panel settings-section" aria-labelledby="settings-move-h">
            <h2 id="settings-move-h">{t(m::SETTINGS_MOVE_HEADING)}</h2>
            <p>{t(m::SETTINGS_MOVE_INTRO)}</p>
            <div class="button-row">
                <button type="button" class="primary" id="settings-export" onclick={export}>
                    {t(m::SETTINGS_MOVE_EXPORT)}
                </button>
                <label for="settings-import" class="button secondary">{t(m::SETTINGS_MOVE_IMPORT)}</label>
                <input type="file" id="settings-import" class="visually-hidden" accept=".json,application/json" onchange={import} />
            </div>
            if let Some((ok, text)) = &*message {
                <p class={if *ok { "settings-result" } else { "settings-error" }} id="settings-move-message"
                    role={if *ok { "status" } else { "alert" }}>{text.clone()}</p>
            }
            <p id="settings-persist" data-state={state} role="status">{t(kept_text)}</p>
            if *kept == Kept::No {
                <button type="button" class="secondary" id="settings-persist-ask" onclick={ask}>
                    {t(m::SETTINGS_PERSIST_ASK)}
                </button>
            }
        </section>
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

/// What a correct PIN is for.
#[derive(Clone, Copy)]
enum PinFor {
    Unlock,
    Stop,
}

#[component]
fn SeminarSection() -> Html {
    let config = use_state(seminar::load_config);
    let unlocked = use_state(|| false);
    let message = use_state(|| None::<(bool, String)>);
    // Seconds before the next PIN try (after wrong ones), and whether a PIN is being hashed.
    let wait = use_state(|| seminar::load_attempts().seconds_left(seminar::now_ms()));
    let busy = use_state(|| false);
    let pin1 = use_node_ref();
    let pin2 = use_node_ref();
    let idle = use_node_ref();
    let pin = use_node_ref();

    // The wait counts down once a second.
    {
        let wait = wait.clone();
        use_effect_with(*wait, move |&left| {
            let timer = (left > 0).then(|| {
                gloo_timers::callback::Timeout::new(1_000, move || {
                    let now = seminar::load_attempts().seconds_left(seminar::now_ms());
                    wait.set(now.min(left - 1));
                })
            });
            move || drop(timer)
        });
    }

    let start = {
        let (config, message, busy) = (config.clone(), message.clone(), busy.clone());
        let (pin1, pin2, idle) = (pin1.clone(), pin2.clone(), idle.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            match seminar::new_pin(&input_value(&pin1), &input_value(&pin2)) {
                Ok(p) => {
                    let minutes = idle
                        .cast::<HtmlSelectElement>()
                        .and_then(|s| s.value().parse().ok())
                        .unwrap_or(0);
                    let (config, message, busy) = (config.clone(), message.clone(), busy.clone());
                    let (pin1, pin2) = (pin1.clone(), pin2.clone());
                    busy.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        let made = seminar::create(&p, minutes).await;
                        busy.set(false);
                        let Some(c) = made else {
                            message.set(Some((false, t(m::SETTINGS_PIN_NO_CRYPTO).into())));
                            return;
                        };
                        match storage::save_doc(Doc::SeminarConfig, &c) {
                            Ok(()) => {
                                clear_input(&pin1);
                                clear_input(&pin2);
                                seminar::save_attempts(&seminar::Attempts::default());
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
                    });
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
    // Checks the typed PIN (after any wait), then does what it was for. Wrong tries make the
    // next wait longer; a right one on an old config replaces its hash (PBKDF2).
    let with_pin = {
        let (config, message, pin) = (config.clone(), message.clone(), pin.clone());
        let (wait, busy, unlocked) = (wait.clone(), busy.clone(), unlocked.clone());
        move |what: PinFor| {
            if *busy {
                return;
            }
            let left = seminar::load_attempts().seconds_left(seminar::now_ms());
            if left > 0 {
                wait.set(left);
                message.set(Some((false, t(m::SETTINGS_PIN_WAIT).into())));
                return;
            }
            let typed = input_value(&pin);
            clear_input(&pin);
            let Some(c) = (*config).clone() else {
                return;
            };
            let (config, message) = (config.clone(), message.clone());
            let (wait, busy, unlocked) = (wait.clone(), busy.clone(), unlocked.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = seminar::verify(&c, &typed).await;
                busy.set(false);
                match outcome {
                    Verified::Right(replaced) => {
                        seminar::save_attempts(&seminar::Attempts::default());
                        wait.set(0);
                        if let Some(new) = replaced {
                            if storage::save_doc(Doc::SeminarConfig, &new).is_ok() {
                                config.set(Some(new));
                            }
                        }
                        match what {
                            PinFor::Unlock => {
                                message.set(None);
                                unlocked.set(true);
                            }
                            PinFor::Stop => {
                                storage::remove_raw(Doc::SeminarConfig.key());
                                config.set(None);
                                unlocked.set(false);
                                message.set(Some((true, t(m::SETTINGS_SEMINAR_STOPPED).into())));
                                #[cfg(target_arch = "wasm32")]
                                if let Some(w) = web_sys::window() {
                                    let _ = w.location().replace("/settings");
                                }
                            }
                        }
                    }
                    Verified::Wrong => {
                        let now = seminar::now_ms();
                        let a = seminar::load_attempts().failed(now);
                        seminar::save_attempts(&a);
                        wait.set(a.seconds_left(now));
                        message.set(Some((false, t(m::SETTINGS_PIN_WRONG).into())));
                    }
                    Verified::NoCrypto => {
                        message.set(Some((false, t(m::SETTINGS_PIN_NO_CRYPTO).into())))
                    }
                }
            });
        }
    };
    let unlock = {
        let with_pin = with_pin.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            with_pin(PinFor::Unlock);
        })
    };
    let stop = Callback::from(move |_: MouseEvent| with_pin(PinFor::Stop));
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
    let locked = *busy || *wait > 0;
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
                    <button type="submit" class="primary" id="seminar-start" disabled={*busy}>{t(m::SETTINGS_SEMINAR_START)}</button>
                </form>
                {for note}
                if !seminar::load_tally().entries.is_empty() {
                    <OrganiserSlot />
                }
            </>
        },
        Some(c) => html! {
            <>
                <p class="seminar-on" id="seminar-on"><strong>{t(m::SETTINGS_SEMINAR_ON)}</strong></p>
                if *unlocked {
                    <label for="seminar-idle">{t(m::SETTINGS_IDLE_LABEL)}</label>
                    <select id="seminar-idle" onchange={set_idle}>{idle_options(c.idle_minutes)}</select>
                    <OrganiserSlot />
                    <button type="button" class="secondary" id="seminar-lock" onclick={lock}>{t(m::SETTINGS_LOCK)}</button>
                } else {
                    <form class="settings-form" onsubmit={unlock}>
                        <label for="seminar-pin">{t(m::SETTINGS_PIN)}</label>
                        <input id="seminar-pin" type="password" inputmode="numeric" autocomplete="off" ref={pin} />
                        <button type="submit" class="primary" id="seminar-unlock" disabled={locked}>{t(m::SETTINGS_UNLOCK)}</button>
                        <button type="button" class="secondary" id="seminar-stop" onclick={stop} disabled={locked}>{t(m::SETTINGS_SEMINAR_STOP)}</button>
                    </form>
                }
                {for note}
                if *wait > 0 {
                    <p class="settings-wait" id="seminar-wait" role="timer">{tf!(m::SETTINGS_PIN_WAIT_SECONDS, seconds = *wait)}</p>
                }
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

/// The island of the organiser's view (`src/bin/organiser.rs`, see `crate::island`): shown
/// only once a tally exists or seminar mode is unlocked, never on a first visit.
pub const ORGANISER: &str = "organiser";

/// The host of [`Organiser`].
#[component]
fn OrganiserSlot() -> Html {
    use_effect_with((), |_| crate::island::open(ORGANISER));
    html! { <div id={crate::island::slot_id(ORGANISER)}></div> }
}

/// The organiser's view of the host tally.
#[component]
pub fn Organiser() -> Html {
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
};
