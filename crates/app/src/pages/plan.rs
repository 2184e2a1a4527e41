//! 計画書をつくる: the support plan (支援計画書) and the Nagano business plan (事業計画書).
//!
//! A form for the whole plan, the steps table (the case study's template: add, edit, remove,
//! move), the live cost split and validation from the core (errors block every export,
//! warnings are printed on the documents), a preview of the two documents, and exports:
//! print (www/plan.css), Markdown, JSON (re-importable) and Word (.docx, made in the core).
//! Named drafts are autosaved on every change (`plan_book`, `storage::Doc::PlanDrafts`).

use crate::clock;
use crate::plan_book::{Book, Stored};
use crate::storage::{self, Doc};
use ouen_rules::format::{hours as fmt_hours, yen};
use ouen_rules::plan::{
    check, example, generate, Format, Output, PlanDraft, PlanStep, RenderOptions, TEMPLATE_STEPS,
};
use ouen_rules::{Date, Locale};
use yew::prelude::*;

type Setter = fn(&mut PlanDraft, String);

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
        "計画書".into()
    } else {
        format!("計画書_{name}")
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
    let save_error = use_state(|| None::<&'static str>);
    let notice = use_state(|| None::<String>);

    // Autosave on every change.
    {
        let save_error = save_error.clone();
        use_effect_with((*book).clone(), move |b| {
            let r = storage::save_doc(Doc::PlanDrafts, &b.to_stored());
            save_error.set(r.err().map(|e| e.message()));
        });
    }

    let draft = book.current().draft.clone();
    let checked = check(&draft);
    let made_on = today();
    let opts = RenderOptions { made_on };
    let ok = checked.ok();

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

    let text = |id: &'static str,
                label: &'static str,
                value: &str,
                set: Setter,
                hint: Option<&'static str>| {
        let update = update.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            update.emit(Box::new(move |d: &mut PlanDraft| set(d, v.clone())));
        });
        let invalid = checked.errors.iter().any(|e| e.field == id);
        html! {
            <div class={classes!("field", invalid.then_some("field-invalid"))}>
                <label for={format!("plan-{id}")}>{label}</label>
                { for hint.map(|h| html! { <p class="hint">{h}</p> }) }
                <input type="text" id={format!("plan-{id}")} value={value.to_string()} {oninput}
                    aria-invalid={invalid.to_string()} />
            </div>
        }
    };
    let date =
        |id: &'static str, label: &'static str, value: &str, set: Setter, hint: &'static str| {
            let update = update.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let v = e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value();
                update.emit(Box::new(move |d: &mut PlanDraft| set(d, v.clone())));
            });
            let invalid = checked.errors.iter().any(|e| e.field == id);
            html! {
                <div class={classes!("field", invalid.then_some("field-invalid"))}>
                    <label for={format!("plan-{id}")}>{label}</label>
                    <p class="hint">{hint}</p>
                    <input type="date" id={format!("plan-{id}")} value={value.to_string()} {oninput}
                        aria-invalid={invalid.to_string()} />
                </div>
            }
        };
    let area =
        |id: &'static str, label: &'static str, value: &str, set: Setter, hint: &'static str| {
            let update = update.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let v = e
                    .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value();
                update.emit(Box::new(move |d: &mut PlanDraft| set(d, v.clone())));
            });
            let invalid = checked.errors.iter().any(|e| e.field == id);
            html! {
                <div class={classes!("field", invalid.then_some("field-invalid"))}>
                    <label for={format!("plan-{id}")}>{label}</label>
                    <p class="hint">{hint}</p>
                    <textarea id={format!("plan-{id}")} rows="3" value={value.to_string()} {oninput}
                        aria-invalid={invalid.to_string()} />
                </div>
            }
        };
    let radio = |name: &'static str,
                 current: &str,
                 value: &'static str,
                 label: &'static str,
                 set: Setter| {
        let update = update.clone();
        let onchange = Callback::from(move |_: Event| {
            update.emit(Box::new(move |d: &mut PlanDraft| set(d, value.to_string())));
        });
        let id = format!("plan-{name}-{value}");
        html! {
            <label class="plan-choice" for={id.clone()}>
                <input type="radio" id={id} name={name} value={value} checked={current == value} {onchange} />
                {label}
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
                <h2 id="plan-drafts-title">{"下書き"}</h2>
                <p class="hint">{"入力はこの端末に自動で保存されます（外部には送信されません）。"}</p>
                <div class="plan-drafts-row">
                    <div class="field">
                        <label for="plan-draft-select">{"開いている下書き"}</label>
                        <select id="plan-draft-select" onchange={on_select}>
                            { for b.drafts.iter().enumerate().map(|(i, n)| html! {
                                <option value={i.to_string()} selected={i == b.current}>{n.name.clone()}</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="plan-draft-name">{"下書きの名前"}</label>
                        <input type="text" id="plan-draft-name" value={b.current().name.clone()} oninput={on_rename} />
                    </div>
                </div>
                <div class="plan-buttons">
                    <button type="button" class="plan-button secondary" id="plan-new"
                        onclick={action(|b| b.add(PlanDraft::default()))}>{"新しい下書き"}</button>
                    <button type="button" class="plan-button secondary" id="plan-duplicate"
                        onclick={action(|b| b.duplicate())}>{"この下書きを複製"}</button>
                    <button type="button" class="plan-button secondary" id="plan-delete"
                        onclick={action(|b| b.delete())}>{"この下書きを削除"}</button>
                    <button type="button" class="plan-button secondary" id="plan-example"
                        onclick={on_example}>{"記入例を入れる"}</button>
                </div>
                { for b.deleted.as_ref().map(|(_, n)| html! {
                    <p class="plan-undo" role="status">
                        {format!("「{}」を削除しました。", n.name)}
                        <button type="button" class="plan-button" id="plan-undo"
                            onclick={action(|b| b.undo_delete())}>{"元に戻す"}</button>
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
                        <label class="visually-hidden" for={format!("plan-step-{i}-title")}>{format!("手順{}の名前", i + 1)}</label>
                        <input type="text" id={format!("plan-step-{i}-title")} value={s.title.clone()}
                            oninput={set(|s, v| s.title = v)} aria-invalid={title_invalid.to_string()} />
                    </td>
                    <td>
                        <label class="visually-hidden" for={format!("plan-step-{i}-detail")}>{format!("手順{}の内容", i + 1)}</label>
                        <input type="text" id={format!("plan-step-{i}-detail")} value={s.detail.clone()}
                            oninput={set(|s, v| s.detail = v)} />
                    </td>
                    <td class={classes!("plan-step-hours", hours_invalid.then_some("field-invalid"))}>
                        <label class="visually-hidden" for={format!("plan-step-{i}-hours")}>{format!("手順{}の時間", i + 1)}</label>
                        <input type="text" inputmode="decimal" id={format!("plan-step-{i}-hours")} value={s.hours.clone()}
                            oninput={set(|s, v| s.hours = v)} aria-invalid={hours_invalid.to_string()} />
                    </td>
                    <td class="plan-step-actions">
                        <button type="button" class="plan-icon" aria-label={format!("手順{}を上へ", i + 1)}
                            disabled={i == 0} onclick={mv(Some(i.wrapping_sub(1)))}>{"↑"}</button>
                        <button type="button" class="plan-icon" aria-label={format!("手順{}を下へ", i + 1)}
                            disabled={i + 1 == n} onclick={mv(Some(i + 1))}>{"↓"}</button>
                        <button type="button" class="plan-icon" aria-label={format!("手順{}を削除", i + 1)}
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
            .map(|h| fmt_hours(h, Locale::Ja))
            .unwrap_or_else(|| "—（時間を数字で入れてください）".into());
        html! {
            <fieldset class="plan-section" id="plan-steps">
                <legend>{"支援の手順と時間"}</legend>
                <p class="hint">{"事例の流れ（現状把握・業務分析 → 課題特定 → ツール選定 → 導入支援 → 運用支援 → 効果測定 → 改善策提案）を元に、名前・内容・時間を直してください。時間は 1.5 のように小数も使えます。"}</p>
                <div class="table-wrap">
                    <table class="plan-steps-table">
                        <thead><tr>
                            <th scope="col">{"No."}</th><th scope="col">{"手順"}</th><th scope="col">{"内容"}</th>
                            <th scope="col">{"時間"}</th><th scope="col">{"並べ替え・削除"}</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                        <tfoot><tr>
                            <th scope="row" colspan="3">{"合計（支援時間）"}</th>
                            <td id="plan-total-hours" colspan="2">{total}</td>
                        </tr></tfoot>
                    </table>
                </div>
                <div class="plan-buttons">
                    <button type="button" class="plan-button secondary" id="plan-add-step" onclick={add}>{"手順を追加"}</button>
                    <button type="button" class="plan-button secondary" id="plan-template" onclick={template}>{"事例の7手順に戻す"}</button>
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
                notice.set(Some(
                    "ファイルを書き出せませんでした。印刷するか、画面を控えてください。".into(),
                ));
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
            crate::download::read_file(input, move |text| {
                match text.as_deref().map(PlanDraft::from_json) {
                    Some(Ok(d)) => {
                        update.emit(Box::new(move |x: &mut PlanDraft| *x = d.clone()));
                        notice.set(Some("JSONファイルを読み込みました。".into()));
                    }
                    Some(Err(e)) => notice.set(Some(e.message(Locale::Ja))),
                    None => notice.set(Some("ファイルを読み込めませんでした。".into())),
                }
            });
        })
    };

    let preview = match ouen_rules::plan::documents(&draft, opts) {
        Ok(docs) => {
            // The core's renderer escapes every user string (tested with hostile input).
            Html::from_html_unchecked(AttrValue::from(ouen_rules::plan::render_html(&docs)))
        }
        Err(_) => html! {
            <p class="hint" id="plan-preview-blocked">{"上の「直すところ」をすべて直すと、ここに計画書が表示されます。"}</p>
        },
    };

    let cost = checked.simulation.as_ref().map(|s| {
        html! {
            <div class="headline plan-cost" id="plan-cost">
                <span class="headline-label">{"事業者の自己負担"}</span>
                <span class="headline-amount" id="plan-self-pay">{yen(s.self_pay, Locale::Ja)}</span>
                <span class="plan-cost-detail">{format!(
                    "費用の総額 {}・国の謝金 {}・長野県の補助 {}",
                    yen(s.total_fee, Locale::Ja),
                    s.subsidies.national.map(|v| yen(v, Locale::Ja)).unwrap_or_else(|| "なし".into()),
                    s.subsidies.nagano.map(|v| yen(v, Locale::Ja)).unwrap_or_else(|| "なし".into()),
                )}</span>
            </div>
        }
    });

    let d = &draft;
    html! {
        <main class="page plan-page">
            <h1 class="page-title no-print">{"計画書をつくる"}</h1>
            <p class="lead no-print">{"国の「支援計画書」と、長野県の申請に付ける「事業計画書」を作ります。入力はこの端末の中だけで使われます。"}</p>
            { drafts_bar }
            { for save_error.map(|m| html! { <p class="error no-print" role="alert">{m}</p> }) }
            <form class="plan-form no-print" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset class="plan-section">
                    <legend>{"利用する制度"}</legend>
                    { radio("mode", &d.mode, "combined", "国・県制度利用（国の謝金＋長野県の補助）", |d, v| d.mode = v) }
                    { radio("mode", &d.mode, "national", "国の制度のみ", |d, v| d.mode = v) }
                    { radio("mode", &d.mode, "naganoOnly", "県補助のみ（長野県IT・デジタル化補助金）", |d, v| d.mode = v) }
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{"支援を受ける事業者"}</legend>
                    { text("sme.name", "事業者名", &d.sme.name, |d, v| d.sme.name = v, None) }
                    <fieldset class="field">
                        <legend>{"所在地の都道府県"}</legend>
                        { radio("location", &d.sme.location, "nagano", "長野県内", |d, v| d.sme.location = v) }
                        { radio("location", &d.sme.location, "other", "長野県外", |d, v| d.sme.location = v) }
                    </fieldset>
                    { text("sme.address", "所在地", &d.sme.address, |d, v| d.sme.address = v, None) }
                    { text("sme.industry", "業種", &d.sme.industry, |d, v| d.sme.industry = v, None) }
                    { text("sme.capital", "資本金（円）", &d.sme.capital, |d, v| d.sme.capital = v, Some("個人事業主は空欄で構いません。")) }
                    { text("sme.employees", "常時使用する従業員数（人）", &d.sme.employees, |d, v| d.sme.employees = v, None) }
                    { text("sme.contactName", "担当者名", &d.sme.contact_name, |d, v| d.sme.contact_name = v, None) }
                    { text("sme.phone", "電話番号", &d.sme.phone, |d, v| d.sme.phone = v, None) }
                    { text("sme.email", "メールアドレス", &d.sme.email, |d, v| d.sme.email = v, None) }
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{"IT専門家"}</legend>
                    { text("expert.name", "氏名", &d.expert.name, |d, v| d.expert.name = v, None) }
                    <fieldset class="field">
                        <legend>{"専門家の種類（EXP-1）"}</legend>
                        { radio("expertKind", &d.expert.kind, "freelancer", "フリーランスの個人", |d, v| d.expert.kind = v) }
                        { radio("expertKind", &d.expert.kind, "sideJob", "副業・兼業（勤務先の許可あり）", |d, v| d.expert.kind = v) }
                        { radio("expertKind", &d.expert.kind, "smeSupporter", "認定情報処理支援機関（SMEサポーター）に所属", |d, v| d.expert.kind = v) }
                        { radio("expertKind", &d.expert.kind, "other", "そのほか", |d, v| d.expert.kind = v) }
                    </fieldset>
                    { text("expert.affiliation", "所属（会社・団体名）", &d.expert.affiliation, |d, v| d.expert.affiliation = v, None) }
                    { text("expert.contact", "専門家の連絡先", &d.expert.contact, |d, v| d.expert.contact = v, None) }
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{"契約"}</legend>
                    <p id="plan-contract">{"契約の種類：準委任契約（固定）"}</p>
                    <p class="hint">{"この制度で対象になるのは、専門家が作業や助言を提供する「準委任契約」だけです。ホームページの制作など、成果物の納品を約束する「請負契約」は対象外です（NAT-6）。"}</p>
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{"課題・目標"}</legend>
                    { area("issue", "いま困っていること（課題）", &d.issue, |d, v| d.issue = v, "例：問い合わせを紙とメールで管理していて、対応漏れがある。") }
                    { area("background", "背景", &d.background, |d, v| d.background = v, "なぜその課題が起きているか、分かる範囲で。") }
                    { area("goals", "目標", &d.goals, |d, v| d.goals = v, "支援が終わったとき、どうなっていたいか。") }
                    { area("measurement", "効果の測り方", &d.measurement, |d, v| d.measurement = v, "例：月あたりの対応件数と見積作成の時間を、導入前と比べる。") }
                </fieldset>
                { steps }
                <fieldset class="plan-section">
                    <legend>{"日程"}</legend>
                    { date("contractDate", "契約日", &d.contract_date, |d, v| d.contract_date = v, "国の制度を使うとき。第Ⅰ期・第Ⅱ期の期限と照らし合わせます。") }
                    { date("applicationDate", "長野県への申請日", &d.application_date, |d, v| d.application_date = v, "長野県の補助を使うとき（NGN-5・NGN-6）。") }
                    { date("start", "支援の開始日", &d.start, |d, v| d.start = v, "契約日以降にしてください。") }
                    { date("end", "支援の終了日", &d.end, |d, v| d.end = v, "制度の支援期限までに終えます。") }
                </fieldset>
                <fieldset class="plan-section">
                    <legend>{"単価と旅費"}</legend>
                    { text("rate", "時間単価（円・税込）", &d.rate, |d, v| d.rate = v, Some("専門家と合意した1時間あたりの金額。500円より高くしてください（NAT-2）。")) }
                    { text("smePriorHonorarium", "これまでに受けた謝金（円）", &d.sme_prior_honorarium, |d, v| d.sme_prior_honorarium = v, Some("はじめてなら空欄で構いません。")) }
                    { text("naganoPriorHours", "長野県の補助を受けた時間（これまで）", &d.nagano_prior_hours, |d, v| d.nagano_prior_hours = v, Some("はじめてなら空欄で構いません。")) }
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
                            {"専門家が片道100km以上移動する（旅費は事務局の規程で1回分支払われます。NAT-8）"}
                        </label>
                    </div>
                    { text("travel.note", "旅費の備考", &d.travel.note, |d, v| d.travel.note = v, None) }
                </fieldset>
            </form>

            <section class="plan-check no-print" aria-labelledby="plan-check-title">
                <h2 id="plan-check-title">{"確認"}</h2>
                { for cost }
                if !checked.errors.is_empty() {
                    <div class="plan-errors" id="plan-errors" role="alert">
                        <p class="plan-errors-title">{format!("直すところが{}件あります。直すまで書き出せません。", checked.errors.len())}</p>
                        <ul>{ for checked.errors.iter().map(|e| html! {
                            <li><a href={format!("#plan-{}", e.field.replace('.', "-").replace("steps-", "step-").replace("sme-", "sme.").replace("expert-", "expert.").replace("travel-", "travel."))}>{e.message.clone()}</a>
                                { for (!e.rules.is_empty()).then(|| html! { <span class="plan-rule">{format!("（{}）", e.rules.join(", "))}</span> }) }</li>
                        }) }</ul>
                    </div>
                } else {
                    <p class="plan-ok" id="plan-ok">{"✓ 必要なことはすべて入っています。書き出せます。"}</p>
                }
                if !checked.warnings.is_empty() {
                    <div class="plan-warnings" id="plan-warnings">
                        <p>{"注意（計画書にも印刷されます）"}</p>
                        <ul>{ for checked.warnings.iter().map(|w| html! { <li>{w.message.clone()}</li> }) }</ul>
                    </div>
                }
                <div class="plan-buttons" id="plan-exports">
                    <button type="button" class="plan-button" id="plan-print" disabled={!ok}
                        onclick={Callback::from(|_: MouseEvent| crate::download::print())}>{"印刷"}</button>
                    <button type="button" class="plan-button" id="plan-md" disabled={!ok}
                        onclick={download(Format::Markdown, "md", "text/markdown;charset=utf-8")}>{"Markdown"}</button>
                    <button type="button" class="plan-button" id="plan-json" disabled={!ok}
                        onclick={download(Format::Json, "json", "application/json")}>{"JSON"}</button>
                    <button type="button" class="plan-button" id="plan-docx" disabled={!ok}
                        onclick={download(Format::Docx, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")}>{"Word (.docx)"}</button>
                    <label for="plan-import" class="plan-button secondary">{"JSONを読み込む"}</label>
                    <input type="file" id="plan-import" class="visually-hidden" accept="application/json,.json" onchange={on_import} />
                </div>
                { for (*notice).clone().map(|m| html! { <p class="plan-notice" role="status" id="plan-notice">{m}</p> }) }
            </section>

            <section class="plan-preview" id="plan-preview" aria-label="計画書のプレビュー">
                <h2 class="no-print">{"プレビュー"}</h2>
                { preview }
            </section>
        </main>
    }
}

fn load_answers() -> Option<crate::wizard::Answers> {
    storage::load_doc::<crate::wizard::Answers>(Doc::Eligibility)
}

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
