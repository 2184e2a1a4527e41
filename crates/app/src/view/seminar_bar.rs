//! The seminar bar (seminar mode only): "次の方へ" with the consent dialog, and the idle
//! reset with its countdown banner. See `crate::seminar`.
//!
//! The bar is an island (`crate::island`): a page renders only [`SeminarSlot`], which on a
//! device in seminar mode fetches the bar's own wasm and mounts [`SeminarBar`] into it. A
//! first visit (never in seminar mode) does not load it.

use crate::i18n::{m, t};
use crate::island;
use crate::seminar;
use yew::prelude::*;

/// The island's name (`src/bin/seminar_bar.rs`).
pub const ISLAND: &str = "seminar_bar";

#[derive(Properties, PartialEq)]
pub struct SlotProps {
    /// The page is drawn in the browser with this device's data (see `crate::start`); the
    /// prerendered page has no bar.
    pub ready: bool,
}

/// The bar's host, on a device in seminar mode.
#[component]
pub fn SeminarSlot(props: &SlotProps) -> Html {
    let on = *use_memo(props.ready, |&ready| ready && seminar::active());
    use_effect_with(on, |&on| {
        if on {
            island::open(ISLAND);
        }
    });
    if on {
        html! { <div id={island::slot_id(ISLAND)}></div> }
    } else {
        html! {}
    }
}

#[component]
pub fn SeminarBar() -> Html {
    let config = use_memo((), |_| seminar::load_config());
    let dialog = use_node_ref();
    let remaining = use_state_eq(|| None::<u32>);
    #[cfg(target_arch = "wasm32")]
    {
        let config = (*config).clone();
        let remaining = remaining.setter();
        use_effect_with((), move |_| idle::watch(config, remaining));
    }
    let Some(_) = &*config else {
        return html! {};
    };
    let downloads = use_state_eq(|| 0u32);
    let open = {
        let dialog = dialog.clone();
        let downloads = downloads.setter();
        Callback::from(move |_: MouseEvent| {
            downloads.set(seminar::downloads());
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let next = |consent: bool| {
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            seminar::next_person(consent);
            #[cfg(not(target_arch = "wasm32"))]
            let _ = consent;
        })
    };
    let keep_going = {
        let remaining = remaining.setter();
        Callback::from(move |_: MouseEvent| remaining.set(None))
    };
    html! {
        <>
            <div class="seminar-bar" id="seminar-bar">
                <p class="seminar-bar-label">{t(m::SEMINAR_BAR_LABEL)}</p>
                <button type="button" class="primary seminar-next" id="seminar-next" onclick={open}>
                    {t(m::SEMINAR_NEXT)}
                </button>
            </div>
            if let Some(n) = *remaining {
                <div class="seminar-idle" id="seminar-idle" role="alert">
                    <p>{crate::tf!(m::SEMINAR_IDLE_COUNTDOWN, seconds = n)}</p>
                    <button type="button" class="primary" id="seminar-idle-continue" onclick={keep_going}>
                        {t(m::SEMINAR_IDLE_CONTINUE)}
                    </button>
                </div>
            }
            <dialog class="seminar-dialog" id="seminar-dialog" ref={dialog}
                aria-labelledby="seminar-dialog-title">
                <h2 id="seminar-dialog-title">{t(m::SEMINAR_CONSENT_TITLE)}</h2>
                <p>{t(m::SEMINAR_CONSENT_TEXT)}</p>
                <p class="seminar-consent-note">{t(m::SEMINAR_CONSENT_NOTE)}</p>
                if *downloads > 0 {
                    <p class="seminar-downloads" id="seminar-downloads">
                        {crate::tf!(m::SEMINAR_DOWNLOADS, count = *downloads)}
                    </p>
                }
                <div class="seminar-dialog-buttons">
                    <button type="button" class="primary" id="seminar-consent-yes" onclick={next(true)}>
                        {t(m::SEMINAR_CONSENT_YES)}
                    </button>
                    <button type="button" class="primary" id="seminar-consent-no" onclick={next(false)}>
                        {t(m::SEMINAR_CONSENT_NO)}
                    </button>
                    <button type="button" class="secondary" id="seminar-cancel" onclick={close}>
                        {t(m::SEMINAR_CONSENT_CANCEL)}
                    </button>
                </div>
            </dialog>
        </>
    }
}

/// The idle timer: armed by the first interaction after a (re)load; any interaction restarts
/// it; the last 60 s show the banner; at zero the device resets without adding to the tally.
/// Also: a page restored from the back-forward cache after a reset reloads `/`.
#[cfg(target_arch = "wasm32")]
mod idle {
    use crate::seminar::{self, Config};
    use gloo_events::{EventListener, EventListenerOptions};
    use gloo_timers::callback::Interval;
    use std::cell::Cell;
    use std::rc::Rc;

    // `click` too: a button activated without a pointer or key (by assistive technology)
    // is activity as well, so "続ける" always restarts the timer.
    const EVENTS: [&str; 6] = [
        "pointerdown",
        "keydown",
        "input",
        "wheel",
        "touchstart",
        "click",
    ];

    pub fn watch(
        config: Option<Config>,
        remaining: yew::UseStateSetter<Option<u32>>,
    ) -> impl FnOnce() {
        let Some(window) = web_sys::window() else {
            return Box::new(|| ()) as Box<dyn FnOnce()>;
        };
        let epoch = seminar::current_epoch();
        let on_show = EventListener::new(&window, "pageshow", move |_| {
            if seminar::current_epoch() != epoch {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().replace("/");
                }
            }
        });
        let limit = config.as_ref().and_then(|c| {
            let test = crate::storage::read_raw(crate::storage::key::SEMINAR_IDLE_TEST);
            seminar::idle_seconds(c, test.as_deref())
        });
        let last = Rc::new(Cell::new(js_sys::Date::now()));
        let armed = Rc::new(Cell::new(false));
        let on_activity: Vec<EventListener> = EVENTS
            .iter()
            .map(|&e| {
                let (last, armed, remaining) = (last.clone(), armed.clone(), remaining.clone());
                // In the capture phase: a control that stops the event still counts.
                EventListener::new_with_options(
                    &window,
                    e,
                    EventListenerOptions::run_in_capture_phase(),
                    move |_| {
                        last.set(js_sys::Date::now());
                        armed.set(true);
                        remaining.set(None);
                    },
                )
            })
            .collect();
        let tick = limit.map(|limit| {
            Interval::new(1_000, move || {
                if !armed.get() {
                    return;
                }
                let idle = ((js_sys::Date::now() - last.get()) / 1000.0) as u32;
                let left = limit.saturating_sub(idle);
                if left == 0 {
                    armed.set(false);
                    seminar::reset();
                } else if left <= seminar::COUNTDOWN_SECONDS {
                    remaining.set(Some(left));
                } else {
                    remaining.set(None);
                }
            })
        });
        // Dropping the listeners and the interval removes and cancels them.
        Box::new(move || drop((on_show, on_activity, tick)))
    }
}
