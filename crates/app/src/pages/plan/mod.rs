//! 計画書をつくる: the support plan (支援計画書) and the Nagano business plan (事業計画書).
//!
//! A form for the whole plan, the steps table (the case study's template: add, edit, remove,
//! move), the live cost split and validation from the core (errors block every export,
//! warnings are printed on the documents), a preview of the two documents, and exports:
//! print (www/plan.css), Markdown, JSON (re-importable) and Word (.docx, made in the core).
//! Named drafts are autosaved on every change (`plan_book`, `storage::Doc::PlanDrafts`).

use crate::clock;
use crate::i18n::{locale, m, t, Msg};
use crate::plan_book::{Book, Stored};
use crate::seminar;
use crate::storage::{self, Doc};
use crate::tf;
use ouen_rules::format::{hours as fmt_hours, yen};
use ouen_rules::plan::{
    check_in, example, generate, Format, Output, PlanCheck, PlanDraft, PlanStep, RenderOptions,
    TEMPLATE_STEPS,
};
use ouen_rules::{Date, Locale};
use yew::prelude::*;

type Setter = fn(&mut PlanDraft, String);
/// What a control sends to change the draft.
type Update = Callback<Box<dyn Fn(&mut PlanDraft)>>;

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
    update: &Update,
    checked: &PlanCheck,
    autofill: Option<&'static str>,
    widget: Widget,
    id: &'static str,
    label: Msg,
    value: &str,
    set: Setter,
    hint: Option<Msg>,
) -> Html {
    let update = update.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let v = event_value(&e);
        update.emit(Box::new(move |d: &mut PlanDraft| set(d, v.clone())));
    });
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

/// Fills what the user already told the simulator and the eligibility wizard into the empty
/// fields of a draft. Pure: the page passes what it read from storage.
pub fn prefill(
    d: &mut PlanDraft,
    form: Option<&crate::form::Form>,
    answers: Option<&crate::wizard::Answers>,
) {
    fn fill(slot: &mut String, v: Option<&str>) {
        if let Some(v) = v {
            if slot.trim().is_empty() && !v.trim().is_empty() {
                *slot = v.trim().to_string();
            }
        }
    }
    if let Some(f) = form {
        fill(&mut d.rate, Some(&f.rate));
        fill(&mut d.sme_prior_honorarium, Some(&f.sme_prior_honorarium));
        fill(
            &mut d.expert_prior_honorarium,
            Some(&f.expert_prior_honorarium),
        );
        fill(&mut d.nagano_prior_hours, Some(&f.nagano_prior_hours));
        d.mode = match f.mode {
            crate::form::Mode::National => "national",
            crate::form::Mode::Combined => "combined",
            crate::form::Mode::Nagano => "naganoOnly",
        }
        .into();
        // The simulator's hours go to the first step without hours, when none has any.
        if d.steps.iter().all(|s| s.hours.trim().is_empty()) && !f.hours.trim().is_empty() {
            if let Some(s) = d.steps.first_mut() {
                s.hours = f.hours.trim().to_string();
            }
        }
    }
    if let Some(a) = answers {
        let get = |k: &str| a.values.get(k).map(String::as_str);
        fill(&mut d.sme.location, get("location"));
        fill(&mut d.sme.capital, get("capital"));
        fill(&mut d.sme.employees, get("employees"));
        fill(&mut d.expert.kind, get("expertKind"));
        // The industry goes into the documents, which are Japanese.
        let industry = get("industry").map(|i| {
            ouen_rules::sme::Industry::parse(i)
                .map(|x| x.label(Locale::Ja).to_string())
                .unwrap_or_else(|| i.to_string())
        });
        fill(&mut d.sme.industry, industry.as_deref());
    }
}

fn load_book() -> Book {
    storage::load_doc::<Stored>(Doc::PlanDrafts)
        .map(Book::from_stored)
        .unwrap_or_default()
}

fn today() -> Date {
    clock::today().unwrap_or_else(|| Date::from_ymd(2021, 1, 1).expect("a real date"))
}

fn file_stem(d: &PlanDraft) -> String {
    let name: String = d
        .sme
        .name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(30)
        .collect();
    if name.is_empty() {
        t(m::PLAN_FILE_STEM).into()
    } else {
        tf!(m::PLAN_FILE_STEM_NAMED, name = name)
    }
}

#[component]
pub fn PlanPage() -> Html {
    let book = use_state(|| {
        let mut b = load_book();
        // A draft nothing has been typed into yet takes what the simulator and the wizard
        // already know (the user never types the same fact twice).
        if b.current().draft == PlanDraft::default() {
            let mut d = b.current().draft.clone();
            prefill(&mut d, storage::load().as_ref(), load_answers().as_ref());
            b.set_current_draft(d);
        }
        b
    });
    let notice = use_state(|| None::<String>);

    // Autosave on every change, merged with what other tabs saved (`crate::tabs`).
    let sync = crate::tabs::use_doc_sync(
        Doc::PlanDrafts,
        serde_json::to_value(book.to_stored()).unwrap_or_default(),
        crate::plan_book::readable,
        crate::plan_book::merge,
        {
            let book = book.clone();
            Callback::from(move |v: serde_json::Value| {
                if let Ok(s) = serde_json::from_value::<Stored>(v) {
                    let mut b = Book::from_stored(s);
                    b.deleted = book.deleted.clone();
                    // This tab stays on the draft it shows.
                    let open = &book.current().id;
                    if let Some(i) = b.drafts.iter().position(|d| &d.id == open) {
                        b.current = i;
                    }
                    book.set(b);
                }
            })
        },
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
    let made_on = today();
    let opts = RenderOptions { made_on };
    let ok = checked.ok();
    // At a seminar the browser must not remember one attendee's company, name or address
    // and offer it to the next as a suggestion.
    let autofill = seminar::active().then_some("off");

    let update = {
        let book = book.clone();
        Callback::from(move |f: Box<dyn Fn(&mut PlanDraft)>| {
            let mut b = (*book).clone();
            let mut d = b.current().draft.clone();
            f(&mut d);
            b.set_current_draft(d);
            book.set(b);
        })
    };
    let edit_book = {
        let book = book.clone();
        Callback::from(move |f: Box<dyn Fn(&mut Book)>| {
            let mut b = (*book).clone();
            f(&mut b);
            book.set(b);
        })
    };

    // The page's own arguments to `draft_field`, given once.
    let field = |widget, id, label, value: &str, set, hint| {
        draft_field(
            &update, &checked, autofill, widget, id, label, value, set, hint,
        )
    };
    let text = |id, label, value: &str, set, hint| field(Widget::Text, id, label, value, set, hint);
    let date =
        |id, label, value: &str, set, hint| field(Widget::Date, id, label, value, set, Some(hint));
    let area =
        |id, label, value: &str, set, hint| field(Widget::Area, id, label, value, set, Some(hint));
    let radio = |name: &'static str,
                 current: &str,
                 value: &'static str,
                 label: Msg,
                 set: Setter| {
        let update = update.clone();
        let onchange = Callback::from(move |_: Event| {
            update.emit(Box::new(move |d: &mut PlanDraft| set(d, value.to_string())));
        });
        let id = format!("plan-{name}-{value}");
        html! {
            <label class="plan-choice" for={id.clone()}>
                <input type="radio" id={id} name={name} value={value} checked={current == value} {onchange} />
                {t(label)}
            </label>
        }
    };

    // --- drafts bar ---
    let drafts_bar = {
        let b = (*book).clone();
        let on_select = {
            let edit_book = edit_book.clone();
            Callback::from(move |e: Event| {
                let v = e
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value();
                if let Ok(i) = v.parse::<usize>() {
                    edit_book.emit(Box::new(move |b: &mut Book| b.select(i)));
                }
            })
        };
        let on_rename = {
            let edit_book = edit_book.clone();
            Callback::from(move |e: InputEvent| {
                let v = e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value();
                edit_book.emit(Box::new(move |b: &mut Book| b.rename(v.clone())));
            })
        };
        let action = |f: fn(&mut Book)| {
            let edit_book = edit_book.clone();
            Callback::from(move |_: MouseEvent| edit_book.emit(Box::new(f)))
        };
        let on_example = {
            let update = update.clone();
            Callback::from(move |_: MouseEvent| {
                update.emit(Box::new(|d: &mut PlanDraft| *d = example()))
            })
        };
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
                        onclick={action(|b| b.add(PlanDraft::default()))}>{t(m::PLAN_DRAFT_NEW)}</button>
                    <button type="button" class="plan-button secondary" id="plan-duplicate"
                        onclick={action(|b| b.duplicate())}>{t(m::PLAN_DRAFT_DUPLICATE)}</button>
                    <button type="button" class="plan-button secondary" id="plan-delete"
                        onclick={action(|b| b.delete())}>{t(m::PLAN_DRAFT_DELETE)}</button>
                    <button type="button" class="plan-button secondary" id="plan-example"
                        onclick={on_example}>{t(m::PLAN_DRAFT_EXAMPLE)}</button>
                </div>
                { for b.deleted.as_ref().map(|(_, n)| html! {
                    <p class="plan-undo" role="status">
                        {tf!(m::PLAN_DRAFT_DELETED, name = n.name)}
                        <button type="button" class="plan-button" id="plan-undo"
                            onclick={action(|b| b.undo_delete())}>{t(m::PLAN_UNDO)}</button>
                    </p>
                }) }
            </section>
        }
    };

    // --- steps table ---
    let steps = {
        let rows = draft.steps.iter().enumerate().map(|(i, s)| {
            let n = draft.steps.len();
            let set = |f: fn(&mut PlanStep, String)| {
                let update = update.clone();
                Callback::from(move |e: InputEvent| {
                    let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                    update.emit(Box::new(move |d: &mut PlanDraft| {
                        if let Some(s) = d.steps.get_mut(i) {
                            f(s, v.clone());
                        }
                    }));
                })
            };
            let mv = |to: Option<usize>| {
                let update = update.clone();
                Callback::from(move |_: MouseEvent| {
                    update.emit(Box::new(move |d: &mut PlanDraft| match to {
                        Some(j) if j < d.steps.len() => d.steps.swap(i, j),
                        Some(_) => {}
                        None => {
                            if i < d.steps.len() {
                                d.steps.remove(i);
                            }
                        }
                    }))
                })
            };
            let hours_invalid = checked.errors.iter().any(|e| e.field == format!("steps.{i}.hours"));
            let title_invalid = checked.errors.iter().any(|e| e.field == format!("steps.{i}.title"));
            html! {
                <tr class="plan-step" key={i}>
                    <td class="plan-step-no">{i + 1}</td>
                    <td class={classes!(title_invalid.then_some("field-invalid"))}>
                        <label class="visually-hidden" for={format!("plan-step-{i}-title")}>{tf!(m::PLAN_STEP_TITLE_LABEL, n = i + 1)}</label>
                        <input type="text" id={format!("plan-step-{i}-title")} autocomplete={autofill} value={s.title.clone()}
                            oninput={set(|s, v| s.title = v)} aria-invalid={title_invalid.to_string()} />
                    </td>
                    <td>
                        <label class="visually-hidden" for={format!("plan-step-{i}-detail")}>{tf!(m::PLAN_STEP_DETAIL_LABEL, n = i + 1)}</label>
                        <input type="text" id={format!("plan-step-{i}-detail")} autocomplete={autofill} value={s.detail.clone()}
                            oninput={set(|s, v| s.detail = v)} />
                    </td>
                    <td class={classes!("plan-step-hours", hours_invalid.then_some("field-invalid"))}>
                        <label class="visually-hidden" for={format!("plan-step-{i}-hours")}>{tf!(m::PLAN_STEP_HOURS_LABEL, n = i + 1)}</label>
                        <input type="text" inputmode="decimal" id={format!("plan-step-{i}-hours")} autocomplete={autofill} value={s.hours.clone()}
                            oninput={set(|s, v| s.hours = v)} aria-invalid={hours_invalid.to_string()} />
                    </td>
                    <td class="plan-step-actions">
                        <button type="button" class="plan-icon" aria-label={tf!(m::PLAN_STEP_UP, n = i + 1)}
                            disabled={i == 0} onclick={mv(Some(i.wrapping_sub(1)))}>{"↑"}</button>
                        <button type="button" class="plan-icon" aria-label={tf!(m::PLAN_STEP_DOWN, n = i + 1)}
                            disabled={i + 1 == n} onclick={mv(Some(i + 1))}>{"↓"}</button>
                        <button type="button" class="plan-icon" aria-label={tf!(m::PLAN_STEP_REMOVE, n = i + 1)}
                            onclick={mv(None)}>{"✕"}</button>
                    </td>
                </tr>
            }
        });
        let add = {
            let update = update.clone();
            Callback::from(move |_: MouseEvent| {
                update.emit(Box::new(|d: &mut PlanDraft| {
                    d.steps.push(PlanStep::default())
                }))
            })
        };
        let template = {
            let update = update.clone();
            Callback::from(move |_: MouseEvent| {
                update.emit(Box::new(|d: &mut PlanDraft| {
                    d.steps = TEMPLATE_STEPS
                        .iter()
                        .map(|t| PlanStep {
                            title: (*t).into(),
                            ..PlanStep::default()
                        })
                        .collect()
                }))
            })
        };
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
    let download = |format: Format, ext: &'static str, mime: &'static str| {
        let draft = draft.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            let ok = match generate(&draft, format, opts) {
                Ok(Output::Text(t)) => crate::download::save_file(
                    t.as_bytes(),
                    &format!("{}.{ext}", file_stem(&draft)),
                    mime,
                ),
                Ok(Output::Bytes(b)) => {
                    crate::download::save_file(&b, &format!("{}.{ext}", file_stem(&draft)), mime)
                }
                Err(_) => false,
            };
            if !ok {
                notice.set(Some(t(m::PLAN_EXPORT_FAILED).into()));
            }
        })
    };
    let on_import = {
        let update = update.clone();
        let notice = notice.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let update = update.clone();
            let notice = notice.clone();
            crate::download::read_file(input, move |picked| {
                match picked.map(|f| crate::import::parse_plan(&f.name, &f.text)) {
                    Ok(Ok(d)) => {
                        update.emit(Box::new(move |x: &mut PlanDraft| *x = d.clone()));
                        notice.set(Some(t(m::PLAN_IMPORTED).into()));
                    }
                    Ok(Err(msg)) | Err(msg) => notice.set(Some(msg)),
                }
            });
        })
    };

    let preview = match ouen_rules::plan::documents(&draft, opts) {
        // Text nodes only: nothing typed is parsed as HTML, and no `innerHTML` (Trusted Types).
        Ok(docs) => crate::view::document::documents(&docs),
        Err(_) => html! {
            <p class="hint" id="plan-preview-blocked">{t(m::PLAN_PREVIEW_BLOCKED)}</p>
        },
    };

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
                    { radio("mode", &d.mode, "combined", m::PLAN_MODE_COMBINED, |d, v| d.mode = v) }
                    { radio("mode", &d.mode, "national", m::PLAN_MODE_NATIONAL, |d, v| d.mode = v) }
                    { radio("mode", &d.mode, "naganoOnly", m::PLAN_MODE_NAGANO, |d, v| d.mode = v) }
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{t(m::PLAN_SME_LEGEND)}</legend>
                    { text("sme.name", m::PLAN_SME_NAME, &d.sme.name, |d, v| d.sme.name = v, None) }
                    <fieldset class="field">
                        <legend>{t(m::PLAN_LOCATION_LEGEND)}</legend>
                        { radio("location", &d.sme.location, "nagano", m::PLAN_LOCATION_NAGANO, |d, v| d.sme.location = v) }
                        { radio("location", &d.sme.location, "other", m::PLAN_LOCATION_OTHER, |d, v| d.sme.location = v) }
                    </fieldset>
                    { text("sme.address", m::PLAN_SME_ADDRESS, &d.sme.address, |d, v| d.sme.address = v, None) }
                    { text("sme.industry", m::PLAN_SME_INDUSTRY, &d.sme.industry, |d, v| d.sme.industry = v, None) }
                    { text("sme.capital", m::PLAN_SME_CAPITAL, &d.sme.capital, |d, v| d.sme.capital = v, Some(m::PLAN_SME_CAPITAL_HINT)) }
                    { text("sme.employees", m::PLAN_SME_EMPLOYEES, &d.sme.employees, |d, v| d.sme.employees = v, None) }
                    { text("sme.contactName", m::PLAN_SME_CONTACT, &d.sme.contact_name, |d, v| d.sme.contact_name = v, None) }
                    { text("sme.phone", m::PLAN_SME_PHONE, &d.sme.phone, |d, v| d.sme.phone = v, None) }
                    { text("sme.email", m::PLAN_SME_EMAIL, &d.sme.email, |d, v| d.sme.email = v, None) }
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{t(m::PLAN_EXPERT_LEGEND)}</legend>
                    { text("expert.name", m::PLAN_EXPERT_NAME, &d.expert.name, |d, v| d.expert.name = v, None) }
                    <fieldset class="field">
                        <legend>{t(m::PLAN_EXPERT_KIND_LEGEND)}</legend>
                        { radio("expertKind", &d.expert.kind, "freelancer", m::PLAN_EXPERT_FREELANCER, |d, v| d.expert.kind = v) }
                        { radio("expertKind", &d.expert.kind, "sideJob", m::PLAN_EXPERT_SIDE_JOB, |d, v| d.expert.kind = v) }
                        { radio("expertKind", &d.expert.kind, "smeSupporter", m::PLAN_EXPERT_SME_SUPPORTER, |d, v| d.expert.kind = v) }
                        { radio("expertKind", &d.expert.kind, "other", m::PLAN_EXPERT_OTHER, |d, v| d.expert.kind = v) }
                    </fieldset>
                    { text("expert.affiliation", m::PLAN_EXPERT_AFFILIATION, &d.expert.affiliation, |d, v| d.expert.affiliation = v, None) }
                    { text("expert.contact", m::PLAN_EXPERT_CONTACT, &d.expert.contact, |d, v| d.expert.contact = v, None) }
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{t(m::PLAN_CONTRACT_LEGEND)}</legend>
                    <p id="plan-contract">{t(m::PLAN_CONTRACT_KIND)}</p>
                    <p class="hint">{t(m::PLAN_CONTRACT_HINT)}</p>
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{t(m::PLAN_GOALS_LEGEND)}</legend>
                    { area("issue", m::PLAN_ISSUE, &d.issue, |d, v| d.issue = v, m::PLAN_ISSUE_HINT) }
                    { area("background", m::PLAN_BACKGROUND, &d.background, |d, v| d.background = v, m::PLAN_BACKGROUND_HINT) }
                    { area("goals", m::PLAN_GOALS, &d.goals, |d, v| d.goals = v, m::PLAN_GOALS_HINT) }
                    { area("measurement", m::PLAN_MEASUREMENT, &d.measurement, |d, v| d.measurement = v, m::PLAN_MEASUREMENT_HINT) }
                </fieldset>
                { steps }
                <fieldset class="plan-section">
                    <legend>{t(m::PLAN_DATES_LEGEND)}</legend>
                    { date("contractDate", m::PLAN_CONTRACT_DATE, &d.contract_date, |d, v| d.contract_date = v, m::PLAN_CONTRACT_DATE_HINT) }
                    { date("applicationDate", m::PLAN_APPLICATION_DATE, &d.application_date, |d, v| d.application_date = v, m::PLAN_APPLICATION_DATE_HINT) }
                    { date("start", m::PLAN_START, &d.start, |d, v| d.start = v, m::PLAN_START_HINT) }
                    { date("end", m::PLAN_END, &d.end, |d, v| d.end = v, m::PLAN_END_HINT) }
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{t(m::PLAN_RATE_LEGEND)}</legend>
                    { text("rate", m::PLAN_RATE, &d.rate, |d, v| d.rate = v, Some(m::PLAN_RATE_HINT)) }
                    { text("smePriorHonorarium", m::PLAN_PRIOR_HONORARIUM, &d.sme_prior_honorarium, |d, v| d.sme_prior_honorarium = v, Some(m::PLAN_PRIOR_HINT)) }
                    { text("naganoPriorHours", m::PLAN_PRIOR_HOURS, &d.nagano_prior_hours, |d, v| d.nagano_prior_hours = v, Some(m::PLAN_PRIOR_HINT)) }
                    <div class="field">
                        <label class="plan-choice" for="plan-travel">
                            <input type="checkbox" id="plan-travel" checked={d.travel.over100km}
                                onchange={{
                                    let update = update.clone();
                                    Callback::from(move |e: Event| {
                                        let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                                        update.emit(Box::new(move |d: &mut PlanDraft| d.travel.over100km = on));
                                    })
                                }} />
                            {t(m::PLAN_TRAVEL)}
                        </label>
                    </div>
                    { text("travel.note", m::PLAN_TRAVEL_NOTE, &d.travel.note, |d, v| d.travel.note = v, None) }
                </fieldset>
            </form>

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
                        onclick={Callback::from(|_: MouseEvent| crate::download::print())}>{t(m::PLAN_PRINT)}</button>
                    <button type="button" class="plan-button" id="plan-md" disabled={!ok}
                        onclick={download(Format::Markdown, "md", "text/markdown;charset=utf-8")}>{"Markdown"}</button>
                    <button type="button" class="plan-button" id="plan-json" disabled={!ok}
                        onclick={download(Format::Json, "json", "application/json")}>{"JSON"}</button>
                    <button type="button" class="plan-button" id="plan-docx" disabled={!ok}
                        onclick={download(Format::Docx, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")}>{"Word (.docx)"}</button>
                    <label for="plan-import" class="plan-button secondary">{t(m::PLAN_IMPORT)}</label>
                    <input type="file" id="plan-import" class="visually-hidden" accept="application/json,.json" onchange={on_import} />
                </div>
                { for (*notice).clone().map(|m| html! { <p class="plan-notice" role="status" id="plan-notice">{m}</p> }) }
            </section>

            <section class="plan-preview" id="plan-preview" aria-label={t(m::PLAN_PREVIEW_LABEL)}>
                <h2 class="no-print">{t(m::PLAN_PREVIEW_TITLE)}</h2>
                { preview }
            </section>
        </main>
    }
}

fn load_answers() -> Option<crate::wizard::Answers> {
    storage::load_doc::<crate::wizard::Answers>(Doc::Eligibility)
}

/// The page, for its wasm (`src/bin/plan.rs`) and the prerenderer.
pub const PAGE: crate::Page = crate::Page {
    view: || yew::html! { <PlanPage /> },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefill_fills_only_empty_fields_from_the_simulator_and_the_wizard() {
        let form = crate::form::Form {
            rate: "5000".into(),
            hours: "20".into(),
            mode: crate::form::Mode::Nagano,
            ..crate::form::Form::default()
        };
        let mut answers = crate::wizard::Answers::default();
        for (k, v) in [
            ("location", "nagano"),
            ("industry", "manufacturing"),
            ("employees", "25"),
            ("capital", "10000000"),
            ("expertKind", "sideJob"),
        ] {
            answers.values.insert(k.into(), v.into());
        }
        let mut d = PlanDraft::default();
        d.sme.employees = "30".into();
        prefill(&mut d, Some(&form), Some(&answers));
        assert_eq!(d.rate, "5000");
        assert_eq!(d.mode, "naganoOnly");
        assert_eq!(d.steps[0].hours, "20");
        assert_eq!(d.sme.location, "nagano");
        assert_eq!(d.sme.industry, "製造業");
        assert_eq!(d.sme.employees, "30", "typed values are kept");
        assert_eq!(d.sme.capital, "10000000");
        assert_eq!(d.expert.kind, "sideJob");
    }
}
