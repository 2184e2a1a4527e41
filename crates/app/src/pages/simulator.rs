//! The cost simulator page: state, persistence (device and URL fragment), and the layout.
//!
//! On load a link's fragment wins over the form saved on this device; a fragment that cannot
//! be read is reported and the saved form is used. Every change is saved on the device and
//! written back into the fragment, so the address bar always reproduces the result.

use crate::clock;
use crate::defer::Later;
use crate::form::{Field, Form};
use crate::i18n::{locale, m, t};
use crate::share::{self, ShareError};
use crate::state::State;
use crate::storage::Doc;
use crate::view::chrome::Footer;
use crate::view::form::{error_for, SimulatorForm};
use crate::view::presets::Presets;
use crate::view::result::ResultPanel;
use crate::view::share::SharePanel;
use crate::view::status::StatusPanel;
use crate::view::whatif::WhatIfSlot;
use ouen_rules::json::{Json, ToJson};
use ouen_rules::whatif::usage;
use std::rc::Rc;
use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
fn fragment() -> String {
    share::web::fragment()
}

#[cfg(not(target_arch = "wasm32"))]
fn fragment() -> String {
    String::new()
}

/// How long the form must stay unchanged before the address follows it (ms).
#[cfg(target_arch = "wasm32")]
const ADDRESS_QUIET_MS: u32 = 500;

/// Puts the form in the address once typing pauses: `history.replaceState` is by far the
/// dearest call of a keystroke (about 25 ms at 4× CPU in Chromium, several times the
/// keystroke's own script), so it is made once the form has stayed the same for
/// [`ADDRESS_QUIET_MS`], long after the change is painted, instead of once per keystroke
/// right after its paint, where it held up the next one. A newer change cancels an older
/// write (what this returns). A reload, or a way back, before it keeps the change all the
/// same (`share::start_fragment`), and the share panel's link is always the current one.
#[cfg(target_arch = "wasm32")]
fn write_fragment(fragment: &Rc<String>) -> impl FnOnce() {
    share::web::note_due(fragment);
    let fragment = fragment.clone();
    let write = gloo_timers::callback::Timeout::new(ADDRESS_QUIET_MS, move || {
        share::web::replace_fragment(&fragment)
    });
    move || drop(write)
}

#[cfg(not(target_arch = "wasm32"))]
fn write_fragment(_: &Rc<String>) -> impl FnOnce() {
    || {}
}

#[cfg(target_arch = "wasm32")]
fn link_to(form: &Form) -> String {
    share::web::url_with(&share::encode(form))
}

#[cfg(not(target_arch = "wasm32"))]
fn link_to(form: &Form) -> String {
    format!("#{}", share::encode(form))
}

/// The form to start from, and a note when a link could not be read.
fn initial() -> (Form, Option<ShareError>) {
    #[cfg(target_arch = "wasm32")]
    let start = share::web::start_fragment();
    #[cfg(not(target_arch = "wasm32"))]
    let start = fragment();
    match share::decode(&start) {
        Ok(Some(form)) => (form, None),
        Ok(None) => (Form::load().unwrap_or_default(), None),
        Err(e) => (Form::load().unwrap_or_default(), Some(e)),
    }
}

/// The simulator's name in the seminar tally.
const TOOL: &str = crate::seminar::TOOLS[0];

#[component]
pub fn SimulatorPage() -> Html {
    let start = use_memo((), |_| initial());
    let state = use_reducer(|| State::on(start.0.clone(), clock::today()));
    let link_note = use_state_eq(|| start.1.clone());
    // A link opened in this same tab only changes the fragment: follow it.
    #[cfg(target_arch = "wasm32")]
    {
        let dispatch = state.dispatcher();
        let note = link_note.setter();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    match share::decode(&fragment()) {
                        Ok(Some(form)) => {
                            note.set(None);
                            dispatch.dispatch(crate::state::Action::Load(form));
                        }
                        Ok(None) => {}
                        Err(e) => note.set(Some(e)),
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Every change is saved, merged with what other tabs saved (`crate::tabs`).
    let sync = crate::tabs::use_doc_sync(
        Doc::Simulator,
        state.form.to_json(),
        |v| Form::from_value(v).is_some(),
        crate::sync::merge,
        {
            let dispatch = state.dispatcher();
            Callback::from(move |v: Json| {
                if let Some(form) = Form::from_value(&v) {
                    dispatch.dispatch(crate::state::Action::Load(form));
                }
            })
        },
    );
    // A field another tab changed to something else meanwhile: this tab's value stays, the
    // other is kept as a copy, and the notice above the form offers it (`tabs::conflict_notice`).
    let save_note = sync
        .error
        .as_ref()
        .map(|e| AttrValue::from(e.about(Doc::Simulator)));
    // The form as its address carries it: written there once the change is painted, and read
    // by the what-if charts, an island (`view::whatif::WhatIf`) that follows the form a moment
    // later through its host's attribute.
    let encoded = use_memo(state.form.clone(), share::encode);
    use_effect_with(encoded.clone(), write_fragment);
    use_effect_with(state.form != Form::default(), |&used| {
        crate::seminar::note_used(TOOL, used)
    });
    // One callback for the page's life: the panels compare their props, and a new callback on
    // every render would make each of them render again at every keystroke.
    let on_action = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| dispatcher.to_callback())).clone()
    };
    // Which leaflet example the form is now, if any (what the presets mark).
    let current_preset = ouen_rules::presets::PRESETS
        .iter()
        .find(|p| state.form == Form::from_preset(p, &state.form.as_of))
        .map(|p| p.id);
    let today = state.today;
    let as_of = state.as_of();
    let input = state.form.to_raw_on(today).validate().ok();
    let plan_usage = match (&input, &*state.outcome) {
        (Some(i), Ok(sim)) => Some(usage(i, sim)),
        _ => None,
    };
    let url = link_to(&state.pinned_form());
    // A result with many warnings leaves no room on one A4 page for the comparison.
    let long = state
        .outcome
        .as_ref()
        .as_ref()
        .is_ok_and(|sim| sim.warnings.len() >= 3);

    html! {
        <>
            <main class={classes!("page", "simulator", long.then_some("print-long"))}>
                <h1 class="page-title">{t(m::SIM_TITLE)}</h1>
                <p class="lead">{t(m::SIM_LEAD)}</p>
                <p class="sim-scope" id="sim-scope">{t(m::SIM_SCOPE)}</p>
                if let Some(note) = &*link_note {
                    <p class="link-note" id="link-note" role="status">{note.message()}</p>
                }
                <Later name="print">{print_summary(&state.form, as_of)}</Later>
                {crate::tabs::conflict_notice(&sync, "simulator-conflict")}
                // The fields and the result first; the leaflets' examples and the programme
                // calendar below them.
                <div class="columns">
                    <SimulatorForm
                        form={state.form.clone()}
                        errors={state.errors().to_vec()}
                        save_note={save_note}
                        on_action={on_action.clone()}
                    />
                    <ResultPanel
                        outcome={state.outcome.clone()}
                        mode={state.form.mode}
                        usage={plan_usage}
                    />
                </div>
                // Below the fold, each drawn in a task of its own after the fields and the
                // result (`defer::Later`).
                <Later name="presets">
                    <Presets
                        current={current_preset}
                        as_of={AttrValue::from(state.form.as_of.clone())}
                        on_action={on_action.clone()}
                    />
                </Later>
                <Later name="status">
                    <StatusPanel
                        as_of={AttrValue::from(state.form.as_of.clone())}
                        {today}
                        error={error_for(state.errors(), Field::AsOf.api_name())}
                        on_action={on_action.clone()}
                    />
                </Later>
                <Later name="more">
                    <WhatIfSlot input={AttrValue::from((*encoded).clone())} />
                    <SharePanel url={AttrValue::from(url)} />
                </Later>
                // On a phone the result sits under the fields: its self-pay stays in view at
                // the bottom of the screen while the fields are edited (a copy for the eye;
                // screen readers hear the result panel's own live line).
                if let Ok(sim) = &*state.outcome {
                    <p class="sticky-result" aria-hidden="true">
                        {t(m::SIM_SELF_PAY)}{" "}
                        <span class="money">{ouen_rules::format::yen(sim.self_pay, locale())}</span>
                    </p>
                }
            </main>
            <Later name="footer"><Footer {as_of} /></Later>
        </>
    }
}

/// The inputs in one block, shown on paper only (the form itself is not printed).
fn print_summary(form: &Form, as_of: Option<ouen_rules::Date>) -> Html {
    // An empty optional field counts as 0.
    let or_zero = |s: &str| {
        if s.trim().is_empty() {
            "0".to_string()
        } else {
            s.to_string()
        }
    };
    let money = |s: &str| crate::tf!(m::SIM_YEN_VALUE, n = or_zero(s));
    html! {
        <section class="print-only print-summary" aria-hidden="true">
            <h2>{t(m::SIM_PRINT_TITLE)}</h2>
            <dl>
                <div><dt>{t(m::SIM_RATE)}</dt><dd>{crate::tf!(m::SIM_RATE_VALUE, rate = form.rate)}</dd></div>
                <div><dt>{t(m::SIM_HOURS)}</dt><dd>{crate::tf!(m::SIM_HOURS_VALUE, n = form.hours)}</dd></div>
                <div><dt>{t(m::SIM_MODES)}</dt><dd>{form.mode.label()}</dd></div>
                <div><dt>{t(m::SIM_AS_OF)}</dt><dd>{as_of.map(|d| d.format(locale())).unwrap_or_default()}</dd></div>
                <div><dt>{t(m::SIM_PRINT_PRIOR)}</dt><dd>{crate::tf!(m::SIM_PRINT_PRIOR_VALUE, sme = money(&form.sme_prior_honorarium), expert = money(&form.expert_prior_honorarium))}</dd></div>
                <div><dt>{t(m::SIM_PRINT_NAGANO_PRIOR)}</dt><dd>{crate::tf!(m::SIM_HOURS_VALUE, n = or_zero(&form.nagano_prior_hours))}</dd></div>
            </dl>
        </section>
    }
}

/// The page, for its wasm (`src/bin/simulator.rs`) and the prerenderer.
pub const PAGE: crate::Page = crate::Page {
    view: || yew::html! { <SimulatorPage /> },
};
