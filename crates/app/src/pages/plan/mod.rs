//! 計画書をつくる: the support plan (支援計画書) and the Nagano business plan (事業計画書).
//!
//! A form for the whole plan, the steps table (the case study's template: add, edit, remove,
//! move), the live cost split and validation from the core (errors block every export,
//! warnings are printed on the documents), a preview of the two documents, and exports:
//! print (www/plan.css), Markdown, JSON (re-importable) and Word (.docx, made in the core).
//! The preview and the Markdown and Word exports are an island (`view::plan_docs`): the page
//! hands it the draft and the export asked for; JSON is written here.
//! Named drafts are autosaved on every change (`plan_book`, `storage::Doc::PlanDrafts`).
//!
//! What the page holds is a pure reducer (`state`): every control dispatches an [`Action`];
//! saving, files and the clock stay here, and what came of them is passed in as an action.

use crate::defer::Later;
use crate::i18n::{locale, m, t, Msg};
use crate::plan_book::{Book, Stored};
use crate::seminar;
use crate::storage::{self, Doc};
use crate::tf;
use crate::view::plan_docs::{file_stem, PlanDocsSlot, ISLAND};
use ouen_rules::format::{hours as fmt_hours, yen};
use ouen_rules::json::{FromJson, Json, ToJson};
use ouen_rules::plan::PlanField;
use ouen_rules::plan::{check_in, PlanCheck, PlanDraft};
use ouen_rules::Locale;
use state::{Action, Notice, State};
use yew::prelude::*;

pub mod state;

/// The kind of control a draft field is typed into.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Widget {
    Text,
    Date,
    Area,
}

/// One labelled field of the draft: its hint, the control, and the error state. A function of
/// its own, not a closure in the page: drawn 23 times, it is one copy in the wasm.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn draft_field(
    act: &Callback<Action>,
    checked: &PlanCheck,
    autofill: Option<&'static str>,
    widget: Widget,
    field: PlanField,
    label: Msg,
    value: &str,
    hint: Option<Msg>,
) -> Html {
    let oninput = act.reform(move |e: InputEvent| Action::Set(field, event_value(&e)));
    let id = field.path();
    let invalid = checked.errors.iter().any(|e| e.field == id);
    let control_id = format!("plan-{id}");
    let control = match widget {
        Widget::Area => html! {
            <textarea id={control_id.clone()} rows="3" value={value.to_string()} {oninput}
                autocomplete={autofill} aria-invalid={invalid.to_string()} />
        },
        Widget::Text | Widget::Date => html! {
            <input type={if widget == Widget::Date { "date" } else { "text" }}
                id={control_id.clone()} value={value.to_string()} {oninput}
                autocomplete={autofill} aria-invalid={invalid.to_string()} />
        },
    };
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={control_id}>{t(label)}</label>
            { for hint.map(|h| html! { <p class="hint">{t(h)}</p> }) }
            { control }
        </div>
    }
}

/// The value of the input or textarea an `input` event came from.
fn event_value(e: &InputEvent) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = e.target() else {
        return String::new();
    };
    match target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        Some(area) => area.value(),
        None => target.unchecked_into::<web_sys::HtmlInputElement>().value(),
    }
}

fn load_book() -> Book {
    storage::load_doc::<Stored>(Doc::PlanDrafts)
        .map(Book::from_stored)
        .unwrap_or_default()
}

#[component]
pub fn PlanPage() -> Html {
    let state = use_reducer(|| {
        let mut s = State::new(load_book());
        // A draft nothing has been typed into yet takes what the simulator and the wizard
        // already know (read only then).
        if *s.draft() == PlanDraft::default() {
            s.apply(Action::Prefill(
                crate::form::Form::load(),
                storage::load_doc::<crate::wizard::Answers>(Doc::Eligibility),
            ));
        }
        s
    });
    let dispatch = state.dispatcher();
    let act = dispatch.to_callback();
    let book = &state.book;

    // Autosave on every change, merged with what other tabs saved (`crate::tabs`).
    let sync = crate::tabs::use_doc_sync(
        Doc::PlanDrafts,
        book.to_stored().to_json(),
        crate::plan_book::readable,
        crate::plan_book::merge,
        Callback::from(move |v: Json| {
            if let Some(s) = Stored::from_json(&v) {
                dispatch.dispatch(Action::Synced(Book::from_stored(s)));
            }
        }),
    );
    let save_error = sync.error.as_ref().map(|e| e.about(Doc::PlanDrafts));
    let conflict = (!sync.conflicts.is_empty()).then(|| {
        tf!(
            m::PLAN_CONFLICT_NOTICE,
            name = sync.conflicts.join(crate::chart::list_sep())
        )
    });
    let used = book.drafts.iter().any(|d| d.draft != PlanDraft::default());
    use_effect_with(used, |&used| {
        crate::seminar::note_used(crate::seminar::TOOLS[3], used)
    });

    let draft = book.current().draft.clone();
    let checked = check_in(&draft, locale());
    let ok = checked.ok();
    // At a seminar the browser must not remember one attendee's company, name or address
    // and offer it to the next as a suggestion.
    let autofill = seminar::active().then_some("off");

    // The page's own arguments to `draft_field`, given once.
    let field = |widget, f: PlanField, label, hint| {
        draft_field(
            &act,
            &checked,
            autofill,
            widget,
            f,
            label,
            f.text(&draft).unwrap_or_default(),
            hint,
        )
    };
    let text = |f, label, hint| field(Widget::Text, f, label, hint);
    let date = |f, label, hint| field(Widget::Date, f, label, Some(hint));
    let area = |f, label, hint| field(Widget::Area, f, label, Some(hint));
    let radio = |name: &'static str, f: PlanField, value: &'static str, label: Msg| {
        let onchange = act.reform(move |_: Event| Action::Set(f, value.to_string()));
        let id = format!("plan-{name}-{value}");
        html! {
            <label class="plan-choice" for={id.clone()}>
                <input type="radio" id={id} name={name} value={value} checked={f.text(&draft) == Some(value)} {onchange} />
                {t(label)}
            </label>
        }
    };
    let on = |action: Action| act.reform(move |_: MouseEvent| action.clone());

    // --- drafts bar ---
    let drafts_bar = {
        let b = book;
        let on_select = {
            let dispatch = state.dispatcher();
            Callback::from(move |e: Event| {
                let v = e
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value();
                if let Ok(i) = v.parse::<usize>() {
                    dispatch.dispatch(Action::Select(i));
                }
            })
        };
        let on_rename = act.reform(|e: InputEvent| {
            Action::Rename(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        });
        html! {
            <section class="plan-drafts no-print" aria-labelledby="plan-drafts-title">
                <h2 id="plan-drafts-title">{t(m::PLAN_DRAFTS_TITLE)}</h2>
                <p class="hint">{t(m::PLAN_DRAFTS_HINT)}</p>
                <div class="plan-drafts-row">
                    <div class="field">
                        <label for="plan-draft-select">{t(m::PLAN_DRAFT_SELECT)}</label>
                        <select id="plan-draft-select" onchange={on_select}>
                            { for b.drafts.iter().enumerate().map(|(i, n)| html! {
                                <option value={i.to_string()} selected={i == b.current}>{n.name.clone()}</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="plan-draft-name">{t(m::PLAN_DRAFT_RENAME)}</label>
                        <input type="text" id="plan-draft-name" value={b.current().name.clone()} oninput={on_rename} autocomplete={autofill} />
                    </div>
                </div>
                <div class="plan-buttons">
                    <button type="button" class="plan-button secondary" id="plan-new"
                        onclick={on(Action::New)}>{t(m::PLAN_DRAFT_NEW)}</button>
                    <button type="button" class="plan-button secondary" id="plan-duplicate"
                        onclick={on(Action::Duplicate)}>{t(m::PLAN_DRAFT_DUPLICATE)}</button>
                    <button type="button" class="plan-button secondary" id="plan-delete"
                        onclick={on(Action::Delete)}>{t(m::PLAN_DRAFT_DELETE)}</button>
                    <button type="button" class="plan-button secondary" id="plan-example"
                        onclick={on(Action::Example)}>{t(m::PLAN_DRAFT_EXAMPLE)}</button>
                </div>
                { for b.deleted.as_ref().map(|(_, n)| html! {
                    <p class="plan-undo" role="status">
                        {tf!(m::PLAN_DRAFT_DELETED, name = n.name)}
                        <button type="button" class="plan-button" id="plan-undo"
                            onclick={on(Action::Undo)}>{t(m::PLAN_UNDO)}</button>
                    </p>
                }) }
            </section>
        }
    };

    // --- steps table ---
    let steps = {
        let rows = draft.steps.iter().enumerate().map(|(i, s)| {
            let n = draft.steps.len();
            let set = |f: PlanField| {
                act.reform(move |e: InputEvent| {
                    let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                    Action::Set(f, v)
                })
            };
            let invalid = |f: PlanField| checked.errors.iter().any(|e| e.field == f.path());
            let hours_invalid = invalid(PlanField::StepHours(i));
            let title_invalid = invalid(PlanField::StepTitle(i));
            html! {
                <tr class="plan-step" key={i}>
                    <td class="plan-step-no">{i + 1}</td>
                    <td class={classes!(title_invalid.then_some("field-invalid"))}>
                        <label class="visually-hidden" for={format!("plan-step-{i}-title")}>{tf!(m::PLAN_STEP_TITLE_LABEL, n = i + 1)}</label>
                        <input type="text" id={format!("plan-step-{i}-title")} autocomplete={autofill} value={s.title.clone()}
                            oninput={set(PlanField::StepTitle(i))} aria-invalid={title_invalid.to_string()} />
                    </td>
                    <td>
                        <label class="visually-hidden" for={format!("plan-step-{i}-detail")}>{tf!(m::PLAN_STEP_DETAIL_LABEL, n = i + 1)}</label>
                        <input type="text" id={format!("plan-step-{i}-detail")} autocomplete={autofill} value={s.detail.clone()}
                            oninput={set(PlanField::StepDetail(i))} />
                    </td>
                    <td class={classes!("plan-step-hours", hours_invalid.then_some("field-invalid"))}>
                        <label class="visually-hidden" for={format!("plan-step-{i}-hours")}>{tf!(m::PLAN_STEP_HOURS_LABEL, n = i + 1)}</label>
                        <input type="text" inputmode="decimal" id={format!("plan-step-{i}-hours")} autocomplete={autofill} value={s.hours.clone()}
                            oninput={set(PlanField::StepHours(i))} aria-invalid={hours_invalid.to_string()} />
                    </td>
                    <td class="plan-step-actions">
                        <button type="button" class="plan-icon" aria-label={tf!(m::PLAN_STEP_UP, n = i + 1)}
                            disabled={i == 0} onclick={on(Action::MoveStep { from: i, to: i.wrapping_sub(1) })}>{"↑"}</button>
                        <button type="button" class="plan-icon" aria-label={tf!(m::PLAN_STEP_DOWN, n = i + 1)}
                            disabled={i + 1 == n} onclick={on(Action::MoveStep { from: i, to: i + 1 })}>{"↓"}</button>
                        <button type="button" class="plan-icon" aria-label={tf!(m::PLAN_STEP_REMOVE, n = i + 1)}
                            onclick={on(Action::RemoveStep(i))}>{"✕"}</button>
                    </td>
                </tr>
            }
        });
        let add = on(Action::AddStep);
        let template = on(Action::TemplateSteps);
        let total = checked
            .total_hours
            .map(|h| fmt_hours(h, locale()))
            .unwrap_or_else(|| t(m::PLAN_TOTAL_MISSING).into());
        html! {
            <fieldset class="plan-section" id="plan-steps">
                <legend>{t(m::PLAN_STEPS_LEGEND)}</legend>
                <p class="hint">{t(m::PLAN_STEPS_HINT)}</p>
                <div class="table-wrap">
                    <table class="plan-steps-table">
                        <thead><tr>
                            <th scope="col">{t(m::PLAN_COL_NO)}</th><th scope="col">{t(m::PLAN_COL_STEP)}</th><th scope="col">{t(m::PLAN_COL_DETAIL)}</th>
                            <th scope="col">{t(m::PLAN_COL_HOURS)}</th><th scope="col">{t(m::PLAN_COL_ACTIONS)}</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                        <tfoot><tr>
                            <th scope="row" colspan="3">{t(m::PLAN_TOTAL_LABEL)}</th>
                            <td id="plan-total-hours" colspan="2">{total}</td>
                        </tr></tfoot>
                    </table>
                </div>
                <div class="plan-buttons">
                    <button type="button" class="plan-button secondary" id="plan-add-step" onclick={add}>{t(m::PLAN_ADD_STEP)}</button>
                    <button type="button" class="plan-button secondary" id="plan-template" onclick={template}>{t(m::PLAN_TEMPLATE)}</button>
                </div>
            </fieldset>
        }
    };

    // --- exports ---
    // JSON here. Markdown, Word and printing by the documents' island (`view::plan_docs`):
    // each press is a new request in its host's attribute, and fetches the island if needed.
    let export_request = use_state(String::new);
    let presses = use_mut_ref(|| 0u32);
    let ask = |what: &'static str| {
        let export_request = export_request.setter();
        let presses = presses.clone();
        Callback::from(move |_: MouseEvent| {
            *presses.borrow_mut() += 1;
            export_request.set(format!("{what}:{}", presses.borrow()));
            crate::island::open(ISLAND);
        })
    };
    let download_json = {
        let draft = draft.clone();
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}.json", file_stem(&draft));
            let json = draft.to_text();
            if !crate::download::save_file(json.as_bytes(), &name, "application/json") {
                dispatch.dispatch(Action::ExportFailed);
            }
        })
    };
    // The island is also fetched when the draft first changes: it is in place long before
    // anyone prints or exports. It reports a refused export; printing from the browser's
    // menu fetches it too.
    let draft_json = use_memo(draft.clone(), |d| AttrValue::from(d.to_json().to_text()));
    {
        let first = use_mut_ref(|| true);
        use_effect_with(draft_json.clone(), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                crate::island::open(ISLAND);
            }
        });
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| listen_to_documents(dispatch));
    }
    // The file is read later: what it brings goes into the book as it is then.
    let on_import = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let dispatch = dispatch.clone();
            crate::download::read_file(input, move |picked| {
                dispatch.dispatch(
                    match picked.and_then(|f| crate::import::parse_plan(&f.name, &f.text)) {
                        Ok(d) => Action::Imported(d),
                        Err(why) => Action::NotImported(why),
                    },
                );
            });
        })
    };
    let notice = state.notice.as_ref().map(|n| match n {
        Notice::Imported => t(m::PLAN_IMPORTED).to_string(),
        Notice::NotImported(why) => why.clone(),
        Notice::ExportFailed => t(m::PLAN_EXPORT_FAILED).to_string(),
    });

    let cost = checked.simulation.as_ref().map(|s| {
        html! {
            <div class="headline plan-cost" id="plan-cost">
                <span class="headline-label">{t(m::PLAN_SELF_PAY_LABEL)}</span>
                <span class="headline-amount" id="plan-self-pay">{yen(s.self_pay, locale())}</span>
                <span class="plan-cost-detail">{tf!(
                    m::PLAN_COST_DETAIL,
                    total = yen(s.total_fee, locale()),
                    national = s.subsidies.national.map(|v| yen(v, locale())).unwrap_or_else(|| t(m::PLAN_NONE).into()),
                    nagano = s.subsidies.nagano.map(|v| yen(v, locale())).unwrap_or_else(|| t(m::PLAN_NONE).into()),
                )}</span>
            </div>
        }
    });

    let d = &draft;
    html! {
        <main class="page plan-page">
            <h1 class="page-title no-print">{t(m::PLAN_TITLE)}</h1>
            <p class="lead no-print">{t(m::PLAN_LEAD)}</p>
            if locale() == Locale::En {
                <p class="lead no-print" id="plan-documents-language">{t(m::PLAN_DOCUMENTS_LANGUAGE)}</p>
            }
            { drafts_bar }
            { for save_error.map(|m| html! { <p class="error no-print" role="alert" id="plan-save-error">{m}</p> }) }
            { for conflict.map(|m| html! { <p class="plan-notice no-print" role="status" id="plan-conflict">{m}</p> }) }
            <form class="plan-form no-print" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset class="plan-section">
                    <legend>{t(m::PLAN_MODE_LEGEND)}</legend>
                    { radio("mode", PlanField::Mode, "combined", m::PLAN_MODE_COMBINED) }
                    { radio("mode", PlanField::Mode, "national", m::PLAN_MODE_NATIONAL) }
                    { radio("mode", PlanField::Mode, "naganoOnly", m::PLAN_MODE_NAGANO) }
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{t(m::PLAN_SME_LEGEND)}</legend>
                    { text(PlanField::SmeName, m::PLAN_SME_NAME, None) }
                    <fieldset class="field">
                        <legend>{t(m::PLAN_LOCATION_LEGEND)}</legend>
                        { radio("location", PlanField::SmeLocation, "nagano", m::PLAN_LOCATION_NAGANO) }
                        { radio("location", PlanField::SmeLocation, "other", m::PLAN_LOCATION_OTHER) }
                    </fieldset>
                    { text(PlanField::SmeAddress, m::PLAN_SME_ADDRESS, None) }
                    { text(PlanField::SmeIndustry, m::PLAN_SME_INDUSTRY, None) }
                    { text(PlanField::SmeCapital, m::PLAN_SME_CAPITAL, Some(m::PLAN_SME_CAPITAL_HINT)) }
                    { text(PlanField::SmeEmployees, m::PLAN_SME_EMPLOYEES, None) }
                    { text(PlanField::SmeContactName, m::PLAN_SME_CONTACT, None) }
                    { text(PlanField::SmePhone, m::PLAN_SME_PHONE, None) }
                    { text(PlanField::SmeEmail, m::PLAN_SME_EMAIL, None) }
                </fieldset>
                // The sections below the first screen, the check and the preview are each drawn in
                // a task of their own after the rest (`defer::Later`).
                <Later name="expert">
                    <fieldset class="plan-section">
                        <legend>{t(m::PLAN_EXPERT_LEGEND)}</legend>
                        { text(PlanField::ExpertName, m::PLAN_EXPERT_NAME, None) }
                        <fieldset class="field">
                            <legend>{t(m::PLAN_EXPERT_KIND_LEGEND)}</legend>
                            { radio("expertKind", PlanField::ExpertKind, "freelancer", m::PLAN_EXPERT_FREELANCER) }
                            { radio("expertKind", PlanField::ExpertKind, "sideJob", m::PLAN_EXPERT_SIDE_JOB) }
                            { radio("expertKind", PlanField::ExpertKind, "smeSupporter", m::PLAN_EXPERT_SME_SUPPORTER) }
                            { radio("expertKind", PlanField::ExpertKind, "other", m::PLAN_EXPERT_OTHER) }
                        </fieldset>
                        { text(PlanField::ExpertAffiliation, m::PLAN_EXPERT_AFFILIATION, None) }
                        { text(PlanField::ExpertContact, m::PLAN_EXPERT_CONTACT, None) }
                    </fieldset>
                    <fieldset class="plan-section">
                        <legend>{t(m::PLAN_CONTRACT_LEGEND)}</legend>
                        <p id="plan-contract">{t(m::PLAN_CONTRACT_KIND)}</p>
                        <p class="hint">{t(m::PLAN_CONTRACT_HINT)}</p>
                    </fieldset>
                </Later>
                <Later name="goals">
                    <fieldset class="plan-section">
                        <legend>{t(m::PLAN_GOALS_LEGEND)}</legend>
                        { area(PlanField::Issue, m::PLAN_ISSUE, m::PLAN_ISSUE_HINT) }
                        { area(PlanField::Background, m::PLAN_BACKGROUND, m::PLAN_BACKGROUND_HINT) }
                        { area(PlanField::Goals, m::PLAN_GOALS, m::PLAN_GOALS_HINT) }
                        { area(PlanField::Measurement, m::PLAN_MEASUREMENT, m::PLAN_MEASUREMENT_HINT) }
                    </fieldset>
                    { steps }
                    <fieldset class="plan-section">
                        <legend>{t(m::PLAN_DATES_LEGEND)}</legend>
                        { date(PlanField::ContractDate, m::PLAN_CONTRACT_DATE, m::PLAN_CONTRACT_DATE_HINT) }
                        { date(PlanField::ApplicationDate, m::PLAN_APPLICATION_DATE, m::PLAN_APPLICATION_DATE_HINT) }
                        { date(PlanField::Start, m::PLAN_START, m::PLAN_START_HINT) }
                        { date(PlanField::End, m::PLAN_END, m::PLAN_END_HINT) }
                    </fieldset>
                </Later>
                <Later name="rate">
                    <fieldset class="plan-section">
                        <legend>{t(m::PLAN_RATE_LEGEND)}</legend>
                        { text(PlanField::Rate, m::PLAN_RATE, Some(m::PLAN_RATE_HINT)) }
                        { text(PlanField::SmePriorHonorarium, m::PLAN_PRIOR_HONORARIUM, Some(m::PLAN_PRIOR_HINT)) }
                        { text(PlanField::NaganoPriorHours, m::PLAN_PRIOR_HOURS, Some(m::PLAN_PRIOR_HINT)) }
                        <div class="field">
                            <label class="plan-choice" for="plan-travel">
                                <input type="checkbox" id="plan-travel" checked={d.travel.over100km}
                                    onchange={act.reform(|e: Event| Action::SetTravel(
                                        e.target_unchecked_into::<web_sys::HtmlInputElement>().checked(),
                                    ))} />
                                {t(m::PLAN_TRAVEL)}
                            </label>
                        </div>
                        { text(PlanField::TravelNote, m::PLAN_TRAVEL_NOTE, None) }
                    </fieldset>
                </Later>
            </form>

            <Later name="check">
                <section class="plan-check no-print" aria-labelledby="plan-check-title">
                    <h2 id="plan-check-title">{t(m::PLAN_CHECK_TITLE)}</h2>
                    { for cost }
                    if !checked.errors.is_empty() {
                        <div class="plan-errors" id="plan-errors" role="alert">
                            <p class="plan-errors-title">{tf!(m::PLAN_ERRORS_TITLE, n = checked.errors.len())}</p>
                            <ul>{ for checked.errors.iter().map(|e| html! {
                                <li><a href={format!("#plan-{}", e.field.replace('.', "-").replace("steps-", "step-").replace("sme-", "sme.").replace("expert-", "expert.").replace("travel-", "travel."))}>{e.message.clone()}</a>
                                    { for (!e.rules.is_empty()).then(|| html! { <span class="plan-rule">{tf!(m::PLAN_RULES, rules = e.rules.join(", "))}</span> }) }</li>
                            }) }</ul>
                        </div>
                    } else {
                        <p class="plan-ok" id="plan-ok">{t(m::PLAN_OK)}</p>
                    }
                    if !checked.warnings.is_empty() {
                        <div class="plan-warnings" id="plan-warnings">
                            <p>{t(m::PLAN_WARNINGS_TITLE)}</p>
                            <ul>{ for checked.warnings.iter().map(|w| html! { <li>{w.message.clone()}</li> }) }</ul>
                        </div>
                    }
                    <div class="plan-buttons" id="plan-exports">
                        <button type="button" class="plan-button" id="plan-print" disabled={!ok}
                            onclick={ask("print")}>{t(m::PLAN_PRINT)}</button>
                        <button type="button" class="plan-button" id="plan-md" disabled={!ok}
                            onclick={ask("md")}>{"Markdown"}</button>
                        <button type="button" class="plan-button" id="plan-json" disabled={!ok}
                            onclick={download_json}>{"JSON"}</button>
                        <button type="button" class="plan-button" id="plan-docx" disabled={!ok}
                            onclick={ask("docx")}>{"Word (.docx)"}</button>
                        <label for="plan-import" class="plan-button secondary">{t(m::PLAN_IMPORT)}</label>
                        <input type="file" id="plan-import" class="visually-hidden" accept="application/json,.json" onchange={on_import} />
                    </div>
                    { for notice.map(|m| html! { <p class="plan-notice" role="status" id="plan-notice">{m}</p> }) }
                </section>
            </Later>

            <Later name="preview">
                <section class="plan-preview" id="plan-preview" aria-label={t(m::PLAN_PREVIEW_LABEL)}>
                    <h2 class="no-print">{t(m::PLAN_PREVIEW_TITLE)}</h2>
                    <PlanDocsSlot input={(*draft_json).clone()} export={AttrValue::from((*export_request).clone())} />
                </section>
            </Later>
        </main>
    }
}

/// Shows an export the documents' island could not save, and fetches the island before the
/// browser prints (from its menu), until the returned guard is dropped.
fn listen_to_documents(dispatch: UseReducerDispatcher<State>) -> impl FnOnce() {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::view::plan_docs::EXPORT_FAILED_EVENT;
        let window = web_sys::window();
        let document = window.as_ref().and_then(|w| w.document());
        let failed = document.map(|d| {
            gloo_events::EventListener::new(&d, EXPORT_FAILED_EVENT, move |_| {
                dispatch.dispatch(Action::ExportFailed)
            })
        });
        let print = window.map(|w| {
            gloo_events::EventListener::new(&w, "beforeprint", |_| crate::island::open(ISLAND))
        });
        move || drop((failed, print))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = dispatch;
        || {}
    }
}

/// The page, for its wasm (`src/bin/plan.rs`) and the prerenderer.
pub const PAGE: crate::Page = crate::Page {
    view: || yew::html! { <PlanPage /> },
};
