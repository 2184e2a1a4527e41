//! 「対象になる？」: the eligibility wizard. One question per step, large choices, back and
//! forward, a provisional verdict as soon as one is certain, the final verdict with reasons,
//! and next steps. The logic (which question, which verdict) is the rules core's; this page
//! only asks, shows, and keeps the answers on this device.

use crate::route::{Link, Route};
use crate::storage::{self, Doc};
use crate::view::chrome::Footer;
use crate::wizard::{is_yes_no, Action, Answers, Wizard};
use ouen_rules::eligibility::{
    Eligibility, EligibilityStatus, ExpertKind, Location, QuestionId, QuestionStatus,
    SchemeVerdict, SupportKind,
};
use ouen_rules::sme::{Industry, OrgType};
use ouen_rules::Locale;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const JA: Locale = Locale::Ja;

/// Reads the stored answers (also from the first format, `ouen.eligibility.v1`).
fn load() -> Result<Option<Answers>, ()> {
    Ok(storage::load_doc::<Answers>(Doc::Eligibility))
}

/// Saves the answers; `false` when this device would not keep them.
fn save(answers: &Answers) -> bool {
    storage::save_doc(Doc::Eligibility, answers).is_ok()
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
    let saved = use_state_eq(|| loaded.is_ok());
    {
        let saved = saved.setter();
        use_effect_with(state.0.answers.clone(), move |a: &Answers| {
            saved.set(save(a));
        });
    }
    let w = &state.0;
    let dispatch = state.dispatcher();
    let as_of = w.outcome.as_ref().ok().and_then(|e| e.as_of);

    let body = match (&w.outcome, w.shown()) {
        (_, Some(q)) => html! {
            <QuestionStep
                question={q}
                answer={w.answers.get(q).map(AttrValue::from)}
                error={w.outcome.as_ref().err().and_then(|es| es.iter().find(|e| e.field == q.field())).map(|e| AttrValue::from(e.message(JA)))}
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
                <h1 class="page-title">{"対象になる？"}</h1>
                <p class="lead">
                    {"いくつかの質問に答えると、国の「中小企業デジタル化応援隊事業」と「長野県IT・デジタル化補助金」を使えるかどうか、その理由と次にすることがわかります。結果に関係しない質問は飛ばします。"}
                </p>
                if !*saved {
                    <p class="elig-storage-note" role="status" id="elig-storage-note">
                        {"この端末には回答を保存できませんでした（プライベートブラウズなど）。このページを閉じると回答は消えますが、判定はそのまま使えます。"}
                    </p>
                }
                <div class="elig-layout">
                    <div class="elig-main">
                        {body}
                        {verdict}
                    </div>
                    <aside class="elig-side" aria-label="これまでの回答">
                        {summary}
                        <button type="button" class="elig-reset" id="elig-reset" onclick={on_reset}>
                            {"最初からやり直す"}
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
                        aria-label={format!("{}を変更", q.label)}>{"変更"}</button>
                </li>
            }
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="elig-answers">
            <h2>{"これまでの回答"}</h2>
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

fn choice(value: &'static str, label: impl Into<String>, note: Option<&'static str>) -> Choice {
    Choice {
        value,
        label: label.into(),
        note,
    }
}

fn yes_no(yes: &'static str, no: &'static str) -> Kind {
    Kind::Choices(vec![choice("yes", yes, None), choice("no", no, None)])
}

fn prompt(q: QuestionId) -> Prompt {
    use QuestionId as Q;
    match q {
        Q::Location => Prompt {
            title: "事業所はどこにありますか？",
            help: vec!["長野県の補助は、長野県内の事業者が対象です。国の制度は全国で使えます（NGN-1）。"],
            kind: Kind::Choices(vec![
                choice(Location::Nagano.id(), "長野県内", None),
                choice(Location::Other.id(), "長野県の外", None),
            ]),
        },
        Q::OrgType => Prompt {
            title: "どんな形の事業者ですか？",
            help: vec!["会社と個人事業主は資本金か従業員数で、それ以外の法人は従業員数で判定します（SME-1, SME-2）。"],
            kind: Kind::Choices(
                OrgType::ALL
                    .iter()
                    .map(|o| choice(o.id(), o.label(JA), None))
                    .collect(),
            ),
        },
        Q::Industry => Prompt {
            title: "主な業種はどれですか？",
            help: vec!["業種によって、中小企業者にあたる資本金・従業員数の上限が変わります（SME-1）。"],
            kind: Kind::Choices(
                Industry::ALL
                    .iter()
                    .map(|i| {
                        let note = match i {
                            Industry::Services => Some("ソフトウェア業・旅館業を除く"),
                            Industry::Rubber => Some("自動車・航空機用タイヤ・チューブ、工業用ベルトの製造を除く"),
                            _ => None,
                        };
                        choice(i.id(), i.label(JA), note)
                    })
                    .collect(),
            ),
        },
        Q::Employees => Prompt {
            title: "常時使用する従業員は何人ですか？",
            help: vec![
                "「常時使用する従業員」とは、解雇するときに30日前の予告が必要な人のことです（労働基準法第20条）。",
                "会社の役員や、個人事業主ご本人は数えません。日雇いや短い期間だけの人も通常は含みません（SME-4）。",
            ],
            kind: Kind::Text {
                placeholder: "例：12",
                inputmode: "numeric",
                unit: Some("人"),
            },
        },
        Q::Capital => Prompt {
            title: "資本金（出資の総額）はいくらですか？",
            help: vec![
                "従業員数が上限を超えていても、資本金が上限以下なら中小企業者にあたります（SME-1）。",
                "「3億円」「5000万円」のように書けます。",
            ],
            kind: Kind::Text {
                placeholder: "例：3000万円",
                inputmode: "text",
                unit: None,
            },
        },
        Q::SingleLargeShare => Prompt {
            title: "大企業1社が、株式（出資）の半分以上を持っていますか？",
            help: vec![
                "例：大手メーカーの子会社で、親会社が株の60％を持っている → はい。",
                "中小企業投資育成株式会社や投資事業有限責任組合は、大企業に数えません（SME-7）。",
            ],
            kind: yes_no("はい、半分以上を持っている", "いいえ（大企業の株主はいない・半分未満）"),
        },
        Q::TotalLargeShare => Prompt {
            title: "大企業が何社か合わせて、株式（出資）の3分の2以上を持っていますか？",
            help: vec!["例：大企業A社が40％、B社が30％を持っている（合わせて70％）→ はい。"],
            kind: yes_no("はい、合わせて3分の2以上", "いいえ"),
        },
        Q::LargeOfficerShare => Prompt {
            title: "役員の半分以上が、大企業の役員や社員を兼ねていますか？",
            help: vec!["例：役員4人のうち2人が親会社の社員 → はい。"],
            kind: yes_no("はい、半分以上", "いいえ"),
        },
        Q::OwnedByDeemedLarge => Prompt {
            title: "株式（出資）のすべてを、「みなし大企業」の会社が持っていますか？",
            help: vec!["「みなし大企業」とは、上の質問のように大企業に株や役員の多くを握られている会社のことです。例：親会社（大企業の子会社）が株を100％持っている → はい。"],
            kind: yes_no("はい、すべて", "いいえ"),
        },
        Q::OfficersAllFromDeemedLarge => Prompt {
            title: "役員の全員が、「みなし大企業」の役員や社員を兼ねていますか？",
            help: vec!["1人でも兼ねていない役員がいれば「いいえ」です。"],
            kind: yes_no("はい、全員", "いいえ"),
        },
        Q::AvgTaxableIncome => Prompt {
            title: "直近3年の課税所得の平均が、年15億円を超えていますか？",
            help: vec!["ほとんどの中小企業はあてはまりません。確定申告済みの直近3年で考えます（SME-6 (6)）。"],
            kind: yes_no("はい、15億円を超えている", "いいえ"),
        },
        Q::ExpertKind => Prompt {
            title: "支援してくれるIT専門家は、どんな人ですか？",
            help: vec!["特別な資格はいりません（EXP-1）。現地でもオンラインでも支援を受けられます（EXP-2）。"],
            kind: Kind::Choices(vec![
                choice(ExpertKind::Freelancer.id(), "フリーランスの個人", None),
                choice(ExpertKind::SideJob.id(), "副業・兼業の人", Some("勤務先の許可が必要です")),
                choice(ExpertKind::SmeSupporter.id(), "スマートSMEサポーターに所属する人", Some("国が認定した情報処理支援機関")),
                choice(ExpertKind::Other.id(), "上のどれでもない", Some("認定を受けていない会社の社員として、など")),
                choice(ExpertKind::Undecided.id(), "まだ決まっていない", Some("事務局に紹介してもらえます")),
            ]),
        },
        Q::Support => Prompt {
            title: "どんな支援を受けたいですか？",
            help: vec!["対象は、準委任契約で受ける相談や導入の手伝いです。ホームページやデザインなどを作って納品してもらう請負契約は対象外です（NAT-6）。"],
            kind: Kind::Choices(
                SupportKind::ALL
                    .iter()
                    .map(|s| choice(s.id(), s.label(JA), None))
                    .collect(),
            ),
        },
        Q::AsOf => Prompt {
            title: "いつ支援を受けますか？",
            help: vec!["その日に受付中かどうかと、守るべき期限を調べます。過去の日付を入れると、当時のルールで確かめられます。"],
            kind: Kind::Date,
        },
    }
}

/// The answer as shown in the list of answers.
fn answer_text(q: QuestionId, v: &str) -> String {
    if is_yes_no(q) {
        return match v {
            "yes" => "はい".into(),
            "no" => "いいえ".into(),
            other => other.into(),
        };
    }
    match prompt(q).kind {
        Kind::Choices(cs) => cs
            .into_iter()
            .find(|c| c.value == v)
            .map(|c| c.label)
            .unwrap_or_else(|| v.to_string()),
        Kind::Text { unit: Some(u), .. } => {
            format!("{}{u}", v.trim().trim_end_matches(['人', '名']))
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
                    <button type="submit" class="elig-next" id="elig-next">{"次へ"}</button>
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
            <p class="elig-progress-text" id="elig-progress">{format!("質問 {pos} / {total}（結果に関係しない質問は飛ばします）")}</p>
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
                    {"← 戻る"}
                </button>
                if props.can_forward {
                    <button type="button" class="elig-forward" id="elig-forward" onclick={forward}>
                        {"進む →"}
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
        EligibilityStatus::Eligible => ("○", "対象", "ok"),
        EligibilityStatus::NotEligible => ("×", "このままでは対象外", "no"),
        EligibilityStatus::NeedsChecking => ("？", "確認中", "check"),
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
                    <span class="estimate-badge" title="解釈にもとづく見込み">{"見込み"}</span>
                }
            </h3>
            <p class="elig-headline">{&v.headline}</p>
            if !v.to_qualify.is_empty() {
                <div class="elig-to-qualify">
                    <h4>{"こうすれば対象になります"}</h4>
                    <ul>{ for v.to_qualify.iter().map(|t| html! { <li>{t}</li> }) }</ul>
                </div>
            }
            if !v.deadlines.is_empty() {
                <div class="elig-deadlines">
                    <h4>{"基準日から先の期限"}</h4>
                    <ul>
                        { for v.deadlines.iter().map(|d| html! {
                            <li>
                                <span class="elig-deadline-date">{&d.date_text}</span>
                                <span class="elig-deadline-label">{d.label}</span>
                                <span class="elig-cite">{format!("（{}／出典 {}）", d.rule, d.source)}</span>
                            </li>
                        }) }
                    </ul>
                    { for v.caveats.iter().map(|c| html! { <p class="elig-caveat">{c}</p> }) }
                </div>
            }
            <details class="elig-why" open={v.status == EligibilityStatus::NotEligible}>
                <summary>{"なぜ？（ルールと出典）"}</summary>
                <ul>
                    { for v.reasons.iter().map(|r| html! {
                        <li>
                            <span>{&r.text}</span>
                            <span class="elig-cite">{format!(" ［{}／出典 {}］", r.rules.join(", "), r.sources.join("・"))}</span>
                        </li>
                    }) }
                </ul>
                if estimate {
                    <p class="estimate-note">{"長野県の補助は、国の制度の中小企業の条件と専門家・支援内容の条件を満たすものとして判定しています（解釈 NGN-1）。"}</p>
                }
            </details>
            if show_pending && !v.pending.is_empty() {
                <p class="elig-pending">{format!("まだ答えていない質問：{}", v.pending.iter().map(|q| q.label(JA)).collect::<Vec<_>>().join("、"))}</p>
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
        "判定結果"
    } else {
        "途中の判定"
    };
    let national_ok = e
        .schemes
        .iter()
        .any(|s| s.status != EligibilityStatus::NotEligible);
    let on_restart = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Reset(None)))
    };
    html! {
        <section class={classes!("panel", "elig-verdict", (!props.final_view).then_some("provisional"))}
            id="elig-verdict" aria-live="polite" aria-labelledby="elig-verdict-title">
            <h2 id="elig-verdict-title">{title}</h2>
            if !props.final_view {
                <p class="elig-provisional-note">{"ここまでの回答での判定です。決まったものから表示しています。"}</p>
            }
            <p class="elig-summary" id="elig-summary">{&e.summary}</p>
            { for e.schemes.iter().map(|s| scheme_card(s, !props.final_view)) }
            if props.final_view {
                <div class="elig-next-steps" id="elig-next-steps">
                    <h3>{"次にすること"}</h3>
                    <ul class="elig-steps">
                        if national_ok {
                            <li>
                                <a class="elig-step" id="elig-to-simulator" href={props.simulator_href.clone()}>
                                    <span class="elig-step-title">{"費用を計算する"}</span>
                                    <span class="elig-step-text">{"補助のしくみ（国・県）を選んだ状態で、費用シミュレーターを開きます。時間単価と時間を入れてください。"}</span>
                                </a>
                            </li>
                        }
                        if national_ok {
                            <li>
                                <Link to={Route::Plan} class="elig-step" id="elig-to-plan">
                                    <span class="elig-step-title">{"計画書をつくる"}</span>
                                    <span class="elig-step-text">{"ここで答えた会社の情報を入れた状態で、支援計画書・事業計画書の下書きを始めます。"}</span>
                                </Link>
                            </li>
                        }
                        <li>
                            <Link to={Route::Navigator} class="elig-step" id="elig-to-navigator">
                                <span class="elig-step-title">{"ほかの支援策を探す"}</span>
                                <span class="elig-step-text">{"やりたいことから、相談窓口・補助金・無料サービスを探せます。"}</span>
                            </Link>
                        </li>
                        <li>
                            <button type="button" class="elig-step elig-restart" onclick={on_restart}>
                                <span class="elig-step-title">{"別の事業者で確かめる"}</span>
                                <span class="elig-step-text">{"回答を消して、最初の質問に戻ります。"}</span>
                            </button>
                        </li>
                    </ul>
                    <p class="elig-ask">{"わからないときは：中小企業デジタル化応援隊事業 コールセンター 050-2000-7227（平日9〜17時）、長野県 AI・IoT等先端技術利活用支援拠点 026-227-5028（平日8:30〜17:15）"}</p>
                </div>
            }
        </section>
    }
}
