//! 「対象になる？」: the eligibility wizard. One question per step, large choices, back and
//! forward, a provisional verdict as soon as one is certain, the final verdict with reasons,
//! and next steps. The logic (which question, which verdict) is the rules core's; this page
//! only asks, shows, and keeps the answers on this device.

use crate::i18n::{locale, m, t, Msg};
use crate::route::{Link, Route};
use crate::storage::{self, Doc};
use crate::view::chrome::Footer;
use crate::view::cite;
use crate::wizard::{is_yes_no, Action, Answers, Wizard};
use ouen_rules::eligibility::{
    Eligibility, EligibilityStatus, ExpertKind, Location, QuestionId, QuestionStatus,
    SchemeVerdict, SupportKind,
};
use ouen_rules::json::{FromJson, Json, ToJson};
use ouen_rules::sme::{Industry, OrgType};
use ouen_rules::Locale;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Reads the stored answers (also from the first format, `ouen.eligibility.v1`).
fn load() -> Result<Option<Answers>, ()> {
    Ok(storage::load_doc::<Answers>(Doc::Eligibility))
}

/// Notes the answers' part of a seminar attendee's summary.
fn note(answers: &Answers) {
    let tool = crate::seminar::TOOLS[1];
    crate::seminar::note(tool, &crate::seminar::eligibility_part(Some(answers)));
}

struct State(Wizard);

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State(self.0.apply(action)))
    }
}

#[component]
pub fn EligibilityPage() -> Html {
    let loaded = use_memo((), |_| load());
    let state = use_reducer(|| {
        let answers = loaded.as_ref().clone().ok().flatten().unwrap_or_default();
        State(Wizard::new(answers))
    });
    // Every answer is saved, merged with what other tabs saved (`crate::tabs`).
    let sync = crate::tabs::use_doc_sync(
        Doc::Eligibility,
        state.0.answers.to_json(),
        |v| Answers::from_json(v).is_some(),
        crate::sync::merge,
        {
            let dispatch = state.dispatcher();
            Callback::from(move |v: Json| {
                if let Some(a) = Answers::from_json(&v) {
                    dispatch.dispatch(Action::Replace(a));
                }
            })
        },
    );
    use_effect_with(state.0.answers.clone(), note);
    let w = &state.0;
    let dispatch = state.dispatcher();
    let as_of = w.outcome.as_ref().ok().and_then(|e| e.as_of);

    let body = match (&w.outcome, w.shown()) {
        (_, Some(q)) => html! {
            <QuestionStep
                question={q}
                answer={w.answers.get(q).map(AttrValue::from)}
                error={w.outcome.as_ref().err().and_then(|es| es.iter().find(|e| e.field == q.field())).map(|e| AttrValue::from(e.message(locale())))}
                progress={w.progress()}
                can_back={w.can_go_back()}
                can_forward={w.can_go_forward()}
                dispatch={dispatch.clone()}
            />
        },
        _ => html! {},
    };
    let verdict = match &w.outcome {
        Ok(e) => html! {
            <VerdictPanel
                eligibility={Rc::new(e.clone())}
                final_view={w.shown().is_none()}
                simulator_href={AttrValue::from(w.simulator_href())}
                dispatch={dispatch.clone()}
            />
        },
        Err(_) => html! {},
    };
    let on_reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Reset(None)))
    };
    let summary = answered_list(w, &dispatch);

    html! {
        <>
            <main class="page eligibility">
                <h1 class="page-title">{t(m::ELIG_TITLE)}</h1>
                <p class="lead">{t(m::ELIG_LEAD)}</p>
                if let Some(e) = &sync.error {
                    <p class="elig-storage-note" role="status" id="elig-storage-note">
                        {e.about(Doc::Eligibility)}
                    </p>
                }
                {crate::tabs::conflict_notice(&sync, "elig-conflict")}
                <div class="elig-layout">
                    <div class="elig-main">
                        {body}
                        {verdict}
                    </div>
                    <aside class="elig-side" aria-label={t(m::ELIG_ANSWERS_TITLE)}>
                        {summary}
                        <button type="button" class="elig-reset" id="elig-reset" onclick={on_reset}>
                            {t(m::ELIG_RESET)}
                        </button>
                    </aside>
                </div>
            </main>
            <Footer {as_of} />
        </>
    }
}

/// The answers that count, each with a button to change it.
fn answered_list(w: &Wizard, dispatch: &UseReducerDispatcher<State>) -> Html {
    let Ok(e) = &w.outcome else {
        return html! {};
    };
    let items: Vec<Html> = e
        .questions
        .iter()
        .filter(|q| q.status == QuestionStatus::Answered)
        .map(|q| {
            let id = q.id;
            let onclick = {
                let dispatch = dispatch.clone();
                Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Edit(id)))
            };
            let value = w
                .answers
                .get(id)
                .map(|v| answer_text(id, v))
                .unwrap_or_default();
            html! {
                <li>
                    <span class="elig-answer-label">{q.label}</span>
                    <span class="elig-answer-value">{value}</span>
                    <button type="button" class="elig-edit" {onclick}
                        aria-label={crate::tf!(m::ELIG_CHANGE_LABEL, question = q.label)}>{t(m::ELIG_CHANGE)}</button>
                </li>
            }
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="elig-answers">
            <h2>{t(m::ELIG_ANSWERS_TITLE)}</h2>
            <ul id="elig-answers">{for items}</ul>
        </section>
    }
}

/// A choice: value sent to the core, label, and an optional line of explanation.
struct Choice {
    value: &'static str,
    label: String,
    note: Option<&'static str>,
}

enum Kind {
    Choices(Vec<Choice>),
    Text {
        placeholder: &'static str,
        inputmode: &'static str,
        unit: Option<&'static str>,
    },
    Date,
}

struct Prompt {
    title: &'static str,
    help: Vec<&'static str>,
    kind: Kind,
}

fn choice(value: &'static str, label: impl Into<String>, note: Option<Msg>) -> Choice {
    Choice {
        value,
        label: label.into(),
        note: note.map(t),
    }
}

fn yes_no(yes: Msg, no: Msg) -> Kind {
    Kind::Choices(vec![choice("yes", t(yes), None), choice("no", t(no), None)])
}

/// A label of the rules core as a choice: the core's English labels run inside sentences
/// ("a sole proprietor"), a button starts with a capital and no article.
fn core_label(label: &str) -> String {
    if locale() == Locale::Ja {
        return label.to_string();
    }
    let bare = label
        .strip_prefix("a ")
        .or_else(|| label.strip_prefix("an "))
        .unwrap_or(label);
    let mut chars = bare.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A list separator from the catalogue; a comma is followed by a space, which the catalogue
/// cannot end a text with.
fn sep(msg: Msg) -> String {
    let s = t(msg);
    if s.ends_with([',', ';']) {
        format!("{s} ")
    } else {
        s.to_string()
    }
}

fn prompt(q: QuestionId) -> Prompt {
    use QuestionId as Q;
    match q {
        Q::Location => Prompt {
            title: t(m::ELIG_LOCATION_TITLE),
            help: vec![t(m::ELIG_LOCATION_HELP)],
            kind: Kind::Choices(vec![
                choice(Location::Nagano.id(), t(m::ELIG_LOCATION_NAGANO), None),
                choice(Location::Other.id(), t(m::ELIG_LOCATION_OTHER), None),
            ]),
        },
        Q::OrgType => Prompt {
            title: t(m::ELIG_ORG_TYPE_TITLE),
            help: vec![t(m::ELIG_ORG_TYPE_HELP)],
            kind: Kind::Choices(
                OrgType::ALL
                    .iter()
                    .map(|o| choice(o.id(), core_label(o.label(locale())), None))
                    .collect(),
            ),
        },
        Q::Industry => Prompt {
            title: t(m::ELIG_INDUSTRY_TITLE),
            help: vec![t(m::ELIG_INDUSTRY_HELP)],
            kind: Kind::Choices(
                Industry::ALL
                    .iter()
                    .map(|i| {
                        let note = match i {
                            Industry::Services => Some(m::ELIG_INDUSTRY_SERVICES_NOTE),
                            Industry::Rubber => Some(m::ELIG_INDUSTRY_RUBBER_NOTE),
                            _ => None,
                        };
                        choice(i.id(), core_label(i.label(locale())), note)
                    })
                    .collect(),
            ),
        },
        Q::Employees => Prompt {
            title: t(m::ELIG_EMPLOYEES_TITLE),
            help: vec![t(m::ELIG_EMPLOYEES_HELP1), t(m::ELIG_EMPLOYEES_HELP2)],
            kind: Kind::Text {
                placeholder: t(m::ELIG_EMPLOYEES_PLACEHOLDER),
                inputmode: "numeric",
                unit: Some(t(m::ELIG_EMPLOYEES_UNIT)),
            },
        },
        Q::Capital => Prompt {
            title: t(m::ELIG_CAPITAL_TITLE),
            help: vec![t(m::ELIG_CAPITAL_HELP1), t(m::ELIG_CAPITAL_HELP2)],
            kind: Kind::Text {
                placeholder: t(m::ELIG_CAPITAL_PLACEHOLDER),
                inputmode: "text",
                unit: None,
            },
        },
        Q::SingleLargeShare => Prompt {
            title: t(m::ELIG_SINGLE_LARGE_SHARE_TITLE),
            help: vec![
                t(m::ELIG_SINGLE_LARGE_SHARE_HELP1),
                t(m::ELIG_SINGLE_LARGE_SHARE_HELP2),
            ],
            kind: yes_no(
                m::ELIG_SINGLE_LARGE_SHARE_YES,
                m::ELIG_SINGLE_LARGE_SHARE_NO,
            ),
        },
        Q::TotalLargeShare => Prompt {
            title: t(m::ELIG_TOTAL_LARGE_SHARE_TITLE),
            help: vec![t(m::ELIG_TOTAL_LARGE_SHARE_HELP)],
            kind: yes_no(m::ELIG_TOTAL_LARGE_SHARE_YES, m::ELIG_NO),
        },
        Q::LargeOfficerShare => Prompt {
            title: t(m::ELIG_LARGE_OFFICER_SHARE_TITLE),
            help: vec![t(m::ELIG_LARGE_OFFICER_SHARE_HELP)],
            kind: yes_no(m::ELIG_LARGE_OFFICER_SHARE_YES, m::ELIG_NO),
        },
        Q::OwnedByDeemedLarge => Prompt {
            title: t(m::ELIG_OWNED_BY_DEEMED_LARGE_TITLE),
            help: vec![t(m::ELIG_OWNED_BY_DEEMED_LARGE_HELP)],
            kind: yes_no(m::ELIG_OWNED_BY_DEEMED_LARGE_YES, m::ELIG_NO),
        },
        Q::OfficersAllFromDeemedLarge => Prompt {
            title: t(m::ELIG_OFFICERS_ALL_TITLE),
            help: vec![t(m::ELIG_OFFICERS_ALL_HELP)],
            kind: yes_no(m::ELIG_OFFICERS_ALL_YES, m::ELIG_NO),
        },
        Q::AvgTaxableIncome => Prompt {
            title: t(m::ELIG_TAXABLE_INCOME_TITLE),
            help: vec![t(m::ELIG_TAXABLE_INCOME_HELP)],
            kind: yes_no(m::ELIG_TAXABLE_INCOME_YES, m::ELIG_NO),
        },
        Q::ExpertKind => Prompt {
            title: t(m::ELIG_EXPERT_TITLE),
            help: vec![t(m::ELIG_EXPERT_HELP)],
            kind: Kind::Choices(vec![
                choice(
                    ExpertKind::Freelancer.id(),
                    t(m::ELIG_EXPERT_FREELANCER),
                    None,
                ),
                choice(
                    ExpertKind::SideJob.id(),
                    t(m::ELIG_EXPERT_SIDE_JOB),
                    Some(m::ELIG_EXPERT_SIDE_JOB_NOTE),
                ),
                choice(
                    ExpertKind::SmeSupporter.id(),
                    t(m::ELIG_EXPERT_SME_SUPPORTER),
                    Some(m::ELIG_EXPERT_SME_SUPPORTER_NOTE),
                ),
                choice(
                    ExpertKind::Other.id(),
                    t(m::ELIG_EXPERT_OTHER),
                    Some(m::ELIG_EXPERT_OTHER_NOTE),
                ),
                choice(
                    ExpertKind::Undecided.id(),
                    t(m::ELIG_EXPERT_UNDECIDED),
                    Some(m::ELIG_EXPERT_UNDECIDED_NOTE),
                ),
            ]),
        },
        Q::Support => Prompt {
            title: t(m::ELIG_SUPPORT_TITLE),
            help: vec![t(m::ELIG_SUPPORT_HELP)],
            kind: Kind::Choices(
                SupportKind::ALL
                    .iter()
                    .map(|s| choice(s.id(), core_label(s.label(locale())), None))
                    .collect(),
            ),
        },
        Q::AsOf => Prompt {
            title: t(m::ELIG_AS_OF_TITLE),
            help: vec![t(m::ELIG_AS_OF_HELP)],
            kind: Kind::Date,
        },
    }
}

/// The answer as shown in the list of answers.
fn answer_text(q: QuestionId, v: &str) -> String {
    if is_yes_no(q) {
        return match v {
            "yes" => t(m::ELIG_YES).into(),
            "no" => t(m::ELIG_NO).into(),
            other => other.into(),
        };
    }
    match prompt(q).kind {
        Kind::Choices(cs) => cs
            .into_iter()
            .find(|c| c.value == v)
            .map(|c| c.label)
            .unwrap_or_else(|| v.to_string()),
        Kind::Text { unit: Some(_), .. } => {
            // The counters a person may have typed after the number (人, 名).
            let count = v.trim().trim_end_matches(['\u{4eba}', '\u{540d}']).trim();
            crate::tf!(m::ELIG_EMPLOYEES_ANSWER, count = count)
        }
        _ => v.to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct QuestionProps {
    question: QuestionId,
    answer: Option<AttrValue>,
    error: Option<AttrValue>,
    progress: (usize, usize),
    can_back: bool,
    can_forward: bool,
    dispatch: UseReducerDispatcher<State>,
}

#[component]
fn QuestionStep(props: &QuestionProps) -> Html {
    let q = props.question;
    let p = prompt(q);
    let draft = use_state(|| props.answer.as_ref().map(|a| a.to_string()));
    {
        let draft = draft.setter();
        use_effect_with((q, props.answer.clone()), move |(_, a)| {
            draft.set(a.as_ref().map(|a| a.to_string()));
        });
    }
    let (pos, total) = props.progress;
    let title_id = "elig-question-title";
    let help_id = "elig-question-help";
    let answer = |v: String| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Answer(q, v.clone())))
    };
    let body = match &p.kind {
        Kind::Choices(cs) => html! {
            <div class="elig-choices" role="group" aria-labelledby={title_id}>
                { for cs.iter().map(|c| {
                    let selected = props.answer.as_deref() == Some(c.value);
                    html! {
                        <button type="button"
                            class={classes!("elig-choice", selected.then_some("selected"))}
                            aria-pressed={if selected { "true" } else { "false" }}
                            data-value={c.value}
                            onclick={answer(c.value.to_string())}>
                            <span class="elig-choice-label">{&c.label}</span>
                            if let Some(n) = c.note {
                                <span class="elig-choice-note">{n}</span>
                            }
                        </button>
                    }
                }) }
            </div>
        },
        Kind::Text { .. } | Kind::Date => {
            let (input_type, placeholder, inputmode, unit) = match &p.kind {
                Kind::Text {
                    placeholder,
                    inputmode,
                    unit,
                } => ("text", *placeholder, *inputmode, *unit),
                _ => ("date", "", "", None),
            };
            let default_value = match (&p.kind, draft.as_ref()) {
                (_, Some(v)) => v.clone(),
                (Kind::Date, None) => crate::clock::today()
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let oninput = {
                let draft = draft.setter();
                Callback::from(move |e: InputEvent| {
                    draft.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()));
                })
            };
            let onsubmit = {
                let dispatch = props.dispatch.clone();
                let value = default_value.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    dispatch.dispatch(Action::Answer(q, value.clone()));
                })
            };
            let invalid = props.error.is_some();
            html! {
                <form class="elig-text" {onsubmit} novalidate=true>
                    <label for="elig-input" class="visually-hidden">{p.title}</label>
                    <div class="elig-input-row">
                        <input id="elig-input" type={input_type}
                            value={default_value.clone()}
                            placeholder={placeholder}
                            inputmode={(!inputmode.is_empty()).then_some(inputmode)}
                            autocomplete="off"
                            aria-invalid={invalid.then_some("true")}
                            aria-describedby={if invalid { "elig-input-error" } else { help_id }}
                            {oninput} />
                        if let Some(u) = unit {
                            <span class="unit" aria-hidden="true">{u}</span>
                        }
                    </div>
                    if let Some(err) = &props.error {
                        <p class="error" id="elig-input-error" role="alert">{err.clone()}</p>
                    }
                    <button type="submit" class="elig-next" id="elig-next">{t(m::ELIG_NEXT)}</button>
                </form>
            }
        }
    };
    let back = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Back))
    };
    let forward = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Forward))
    };
    let choice_error = match (&p.kind, &props.error) {
        (Kind::Choices(_), Some(err)) => html! { <p class="error" role="alert">{err.clone()}</p> },
        _ => html! {},
    };
    html! {
        <section class="panel elig-question" aria-labelledby={title_id} data-question={q.field()}>
            <p class="elig-progress-text" id="elig-progress">{crate::tf!(m::ELIG_PROGRESS, pos = pos, total = total)}</p>
            <progress class="elig-progress" max={total.to_string()} value={pos.to_string()}
                aria-labelledby="elig-progress"></progress>
            <h2 id={title_id} class="elig-question-title">{p.title}</h2>
            <div id={help_id} class="elig-help">
                { for p.help.iter().map(|h| html! { <p>{*h}</p> }) }
            </div>
            {choice_error}
            {body}
            <div class="elig-nav">
                <button type="button" class="elig-back" id="elig-back" onclick={back} disabled={!props.can_back}>
                    {t(m::ELIG_BACK)}
                </button>
                if props.can_forward {
                    <button type="button" class="elig-forward" id="elig-forward" onclick={forward}>
                        {t(m::ELIG_FORWARD)}
                    </button>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct VerdictProps {
    eligibility: Rc<Eligibility>,
    /// True when the wizard has nothing more to ask: the final verdict.
    final_view: bool,
    simulator_href: AttrValue,
    dispatch: UseReducerDispatcher<State>,
}

fn status_mark(s: EligibilityStatus) -> (&'static str, &'static str, &'static str) {
    match s {
        EligibilityStatus::Eligible => ("○", t(m::ELIG_STATUS_ELIGIBLE), "ok"),
        EligibilityStatus::NotEligible => ("×", t(m::ELIG_STATUS_NOT_ELIGIBLE), "no"),
        EligibilityStatus::NeedsChecking => ("？", t(m::ELIG_STATUS_NEEDS_CHECKING), "check"),
    }
}

fn scheme_card(v: &SchemeVerdict, show_pending: bool) -> Html {
    let (mark, word, class) = status_mark(v.status);
    let id = match v.scheme {
        ouen_rules::Scheme::National => "verdict-national",
        ouen_rules::Scheme::Nagano => "verdict-nagano",
    };
    let estimate = !v.interpretations.is_empty() && v.status != EligibilityStatus::NotEligible;
    html! {
        <article class={classes!("elig-scheme", format!("status-{class}"))} id={id} data-status={match v.status {
            EligibilityStatus::Eligible => "eligible",
            EligibilityStatus::NotEligible => "notEligible",
            EligibilityStatus::NeedsChecking => "needsChecking",
        }}>
            <h3 class="elig-scheme-name">
                <span class="elig-mark" aria-hidden="true">{mark}</span>
                <span class="elig-status-word">{word}</span>
                <span class="elig-scheme-title">{v.name}</span>
                if estimate {
                    <span class="estimate-badge" title={t(m::ELIG_ESTIMATE_TITLE)}>{t(m::ELIG_ESTIMATE)}</span>
                }
            </h3>
            <p class="elig-headline">{&v.headline}</p>
            if !v.to_qualify.is_empty() {
                <div class="elig-to-qualify">
                    <h4>{t(m::ELIG_TO_QUALIFY)}</h4>
                    <ul>{ for v.to_qualify.iter().map(|t| html! { <li>{t}</li> }) }</ul>
                </div>
            }
            if !v.deadlines.is_empty() {
                <div class="elig-deadlines">
                    <h4>{t(m::ELIG_DEADLINES)}</h4>
                    <ul>
                        { for v.deadlines.iter().map(|d| html! {
                            <li>
                                <span class="elig-deadline-date">{&d.date_text}</span>
                                <span class="elig-deadline-label">{d.label}</span>
                                <span class="elig-cite">{crate::tf!(m::ELIG_DEADLINE_CITE, rule = d.rule, source = cite(d.source))}</span>
                            </li>
                        }) }
                    </ul>
                    { for v.caveats.iter().map(|c| html! { <p class="elig-caveat">{c}</p> }) }
                </div>
            }
            <details class="elig-why" open={v.status == EligibilityStatus::NotEligible}>
                <summary>{t(m::ELIG_WHY)}</summary>
                <ul>
                    { for v.reasons.iter().map(|r| html! {
                        <li>
                            <span>{&r.text}</span>
                            <span class="elig-cite">{format!(" {}", crate::tf!(
                                m::ELIG_REASON_CITE,
                                rules = r.rules.join(", "),
                                sources = r.sources.iter().map(|s| cite(s)).collect::<Vec<_>>().join(&sep(m::ELIG_SOURCE_SEP)),
                            ))}</span>
                        </li>
                    }) }
                </ul>
                if estimate {
                    <p class="estimate-note">{t(m::ELIG_ESTIMATE_NOTE)}</p>
                }
            </details>
            if show_pending && !v.pending.is_empty() {
                <p class="elig-pending">{crate::tf!(
                    m::ELIG_PENDING,
                    questions = v.pending.iter().map(|q| q.label(locale())).collect::<Vec<_>>().join(&sep(m::ELIG_LIST_SEP)),
                )}</p>
            }
        </article>
    }
}

#[component]
fn VerdictPanel(props: &VerdictProps) -> Html {
    let e = &props.eligibility;
    let any_certain = e.schemes.iter().any(|s| s.certain);
    let answered = e
        .questions
        .iter()
        .any(|q| q.status == QuestionStatus::Answered);
    if !props.final_view && !any_certain && !answered {
        return html! {};
    }
    let title = if props.final_view {
        t(m::ELIG_VERDICT_FINAL)
    } else {
        t(m::ELIG_VERDICT_PROVISIONAL)
    };
    // The core's choice of schemes: empty when neither can be used.
    let national_ok = !e.simulate_with.is_empty();
    let on_restart = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Reset(None)))
    };
    html! {
        <section class={classes!("panel", "elig-verdict", (!props.final_view).then_some("provisional"))}
            id="elig-verdict" aria-live="polite" aria-labelledby="elig-verdict-title">
            <h2 id="elig-verdict-title">{title}</h2>
            if !props.final_view {
                <p class="elig-provisional-note">{t(m::ELIG_PROVISIONAL_NOTE)}</p>
            }
            <p class="elig-summary" id="elig-summary">{&e.summary}</p>
            { for e.schemes.iter().map(|s| scheme_card(s, !props.final_view)) }
            if props.final_view {
                if !e.next_steps.is_empty() {
                    <div class="elig-how" id="elig-how-to-apply">
                        <h3>{t(m::ELIG_HOW_TO_APPLY)}</h3>
                        <ol class="elig-how-steps">
                            { for e.next_steps.iter().map(|r| html! {
                                <li>
                                    <span>{&r.text}</span>
                                    <span class="elig-cite">{format!(" {}", crate::tf!(
                                        m::ELIG_REASON_CITE,
                                        rules = r.rules.join(", "),
                                        sources = r.sources.iter().map(|s| cite(s)).collect::<Vec<_>>().join(&sep(m::ELIG_SOURCE_SEP)),
                                    ))}</span>
                                </li>
                            }) }
                        </ol>
                    </div>
                }
                <div class="elig-next-steps" id="elig-next-steps">
                    <h3>{t(m::ELIG_NEXT_STEPS)}</h3>
                    <ul class="elig-steps">
                        if national_ok {
                            <li>
                                <a class="elig-step" id="elig-to-simulator" href={props.simulator_href.clone()}>
                                    <span class="elig-step-title">{t(m::ELIG_STEP_SIMULATOR_TITLE)}</span>
                                    <span class="elig-step-text">{t(m::ELIG_STEP_SIMULATOR_TEXT)}</span>
                                </a>
                            </li>
                        }
                        if national_ok {
                            <li>
                                <Link to={Route::Plan} class="elig-step" id="elig-to-plan">
                                    <span class="elig-step-title">{t(m::ELIG_STEP_PLAN_TITLE)}</span>
                                    <span class="elig-step-text">{t(m::ELIG_STEP_PLAN_TEXT)}</span>
                                </Link>
                            </li>
                        }
                        <li>
                            <Link to={Route::Navigator} class="elig-step" id="elig-to-navigator">
                                <span class="elig-step-title">{t(m::ELIG_STEP_NAVIGATOR_TITLE)}</span>
                                <span class="elig-step-text">{t(m::ELIG_STEP_NAVIGATOR_TEXT)}</span>
                            </Link>
                        </li>
                        <li>
                            <button type="button" class="elig-step elig-restart" onclick={on_restart}>
                                <span class="elig-step-title">{t(m::ELIG_STEP_RESTART_TITLE)}</span>
                                <span class="elig-step-text">{t(m::ELIG_STEP_RESTART_TEXT)}</span>
                            </button>
                        </li>
                    </ul>
                    <p class="elig-ask">{t(m::ELIG_ASK)}</p>
                </div>
            }
        </section>
    }
}

/// The page, for its wasm (`src/bin/eligibility.rs`) and the prerenderer.
pub const PAGE: crate::Page = crate::Page {
    view: || yew::html! { <EligibilityPage /> },
};
