//! The self-assessment checklist (route `/checklist`): area by area with large answer buttons,
//! then the result (scores, radar chart with a text table, stage ① to ④, next steps), print and
//! export, and the history of completed assessments on this device (compare, export, import).
//!
//! Every score, stage and next step comes from `ouen_rules::checklist`; this page gathers the
//! answers, keeps them on the device (`storage`) and shows the result.

use crate::i18n::locale;
use crate::storage::{self, Doc, Draft, History, Record, SaveError};
use crate::view::chrome::Footer;
use ouen_rules::checklist::{
    self as cl, items_in, score, validate, Area, Assessment, BusinessKind, ChecklistResult,
    RawAnswers,
};
use ouen_rules::Value;
use yew::prelude::*;

/// Validates a stored set of answers.
fn assessment(
    kind: &str,
    answers: &std::collections::BTreeMap<String, String>,
) -> Option<Assessment> {
    let kind = BusinessKind::parse(kind)?;
    let raw: RawAnswers = answers
        .iter()
        .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
        .collect();
    validate(kind, &raw).ok()
}

/// `2025-11-22T10:30` → `2025年11月22日 10:30`.
pub fn show_date(date: &str) -> String {
    let (d, t) = date.split_once('T').unwrap_or((date, ""));
    let mut p = d.split('-').map(|x| x.trim_start_matches('0'));
    match (p.next(), p.next(), p.next()) {
        (Some(y), Some(m), Some(dd)) => format!("{y}年{m}月{dd}日 {t}").trim_end().to_string(),
        _ => date.to_string(),
    }
}

/// The radar's axis points: `(x, y)` for `percent` on axis `i` of `n`, centred at `(cx, cy)`.
pub fn radar_point(i: usize, n: usize, percent: u32, r: f64, (cx, cy): (f64, f64)) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n.max(1) as f64;
    let len = r * f64::from(percent.min(100)) / 100.0;
    (cx + len * angle.cos(), cy + len * angle.sin())
}

fn polygon(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The radar chart of the areas that apply (an SVG drawn here; the table beside it says the same).
fn radar(result: &ChecklistResult) -> Html {
    let axes: Vec<(&str, u32)> = result
        .areas
        .iter()
        .filter_map(|a| Some((a.label.as_str(), a.score.percent?)))
        .collect();
    let n = axes.len();
    let (c, r) = ((200.0, 170.0), 110.0);
    let ring = |p: u32| {
        polygon(
            &(0..n)
                .map(|i| radar_point(i, n, p, r, c))
                .collect::<Vec<_>>(),
        )
    };
    let data = polygon(
        &axes
            .iter()
            .enumerate()
            .map(|(i, (_, p))| radar_point(i, n, *p, r, c))
            .collect::<Vec<_>>(),
    );
    let summary = axes
        .iter()
        .map(|(l, p)| format!("{l} {p}%"))
        .collect::<Vec<_>>()
        .join("、");
    html! {
        <svg class="cl-radar-svg" viewBox="-150 0 700 340" role="img"
             aria-label={format!("分野ごとの達成度のレーダーチャート：{summary}")}>
            { for [25, 50, 75, 100].into_iter().map(|p| html! {
                <polygon points={ring(p)} fill="none" stroke="#c9d1d9" stroke-width="1" />
            }) }
            { for (0..n).map(|i| {
                let (x, y) = radar_point(i, n, 100, r, c);
                html! { <line x1="200" y1="170" x2={format!("{x:.1}")} y2={format!("{y:.1}")} stroke="#c9d1d9" stroke-width="1" /> }
            }) }
            <polygon points={data} fill="#1f5f8b" fill-opacity="0.25" stroke="#1f5f8b" stroke-width="3" />
            { for axes.iter().enumerate().map(|(i, (label, p))| {
                let (x, y) = radar_point(i, n, 100, r + 18.0, c);
                let anchor = if (x - 200.0).abs() < 1.0 { "middle" } else if x > 200.0 { "start" } else { "end" };
                let (dx, dy) = radar_point(i, n, *p, r, c);
                html! { <>
                    <circle cx={format!("{dx:.1}")} cy={format!("{dy:.1}")} r="5" fill="#1f5f8b" />
                    <text x={format!("{x:.1}")} y={format!("{:.1}", y + 5.0)} text-anchor={anchor} font-size="16" fill="#1a1a1a">
                        {format!("{label} {p}%")}
                    </text>
                </> }
            }) }
        </svg>
    }
}

fn item_text(id: &str) -> String {
    cl::item(id)
        .map(|i| i.text(locale()).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn signed(d: i32) -> String {
    match d.cmp(&0) {
        std::cmp::Ordering::Greater => format!("+{d}ポイント"),
        std::cmp::Ordering::Less => format!("{d}ポイント"),
        std::cmp::Ordering::Equal => "変化なし".to_string(),
    }
}

/// The result of one completed assessment, compared with the one before it if any.
fn result_view(record: &Record, previous: Option<&Record>) -> Html {
    let Some(a) = assessment(&record.kind, &record.answers) else {
        return html! { <p class="error" role="alert">{"この記録は読み込めませんでした。"}</p> };
    };
    let result = score(&a, locale());
    let overall = result.overall.percent.unwrap_or(0);
    let comparison = previous
        .and_then(|p| Some((p, assessment(&p.kind, &p.answers)?)))
        .map(|(p, before)| (p, cl::compare(&before, &a)));
    html! {
        <section class="cl-result" id="cl-result" aria-labelledby="cl-result-title">
            <h2 id="cl-result-title">{format!("結果（{}）", show_date(&record.date))}</h2>
            <p class="cl-kind">{format!("業種：{}", a.kind.label(locale()))}</p>
            <div class="headline cl-headline">
                <span class="headline-label">{"総合の達成度"}</span>
                <span class="headline-amount" id="cl-overall">{format!("{overall}%")}</span>
                <span class="cl-points">{format!("（{} / {} 点）", result.overall.points, result.overall.max)}</span>
            </div>
            <div class="cl-stage" id="cl-stage">
                <h3>{format!("いまの段階：{} {}", result.stage.mark, result.stage.title)}</h3>
                <p>{&result.stage.reason}</p>
                <p class="hint">{"段階は ① デジタル技術を取り入れる → ② 今の事業の利益率を高める → ③ 新しいビジネスを生み出す → ④ DXで地域・社会の課題を解く、の4つです。"}</p>
            </div>
            <div class="cl-chart">
                <figure class="cl-radar" id="cl-radar">
                    {radar(&result)}
                    <figcaption>{"分野ごとの達成度（外側ほど進んでいます）。同じ内容を右の表にも示します。"}</figcaption>
                </figure>
                <div class="table-wrap">
                    <table class="segments cl-table" id="cl-score-table">
                        <caption>{"分野ごとの点数"}</caption>
                        <thead><tr><th scope="col">{"分野"}</th><th scope="col">{"達成度"}</th><th scope="col">{"点数"}</th><th scope="col">{"わからない"}</th></tr></thead>
                        <tbody>
                            { for result.areas.iter().map(|s| html! {
                                <tr>
                                    <th scope="row">{&s.label}</th>
                                    <td>{s.score.percent.map(|p| format!("{p}%")).unwrap_or_else(|| "対象外".into())}</td>
                                    <td>{format!("{} / {}", s.score.points, s.score.max)}</td>
                                    <td>{format!("{}件", s.unknown)}</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </div>
            if !result.unknown.is_empty() {
                <div class="cl-unknown">
                    <h3>{"「わからない」と答えた項目"}</h3>
                    <p class="hint">{"まだ点数には入っていません。社内で確かめると、点数が上がるかもしれません。"}</p>
                    <ul>{ for result.unknown.iter().map(|id| html! { <li>{item_text(id)}</li> }) }</ul>
                </div>
            }
            <div class="cl-next" id="cl-next-steps">
                <h3>{"次の一歩：伸びしろの大きい3分野"}</h3>
                <ol>
                    { for result.next_steps.iter().map(|s| html! {
                        <li class="cl-step">
                            <h4>{format!("{}（{}%）", s.label, s.percent)}</h4>
                            <ul class="cl-actions">{ for s.actions.iter().map(|a| html! { <li>{a}</li> }) }</ul>
                            <p class="cl-supports-label">{"使える支援："}</p>
                            <ul class="cl-supports">
                                { for s.supports.iter().map(|sp| html! { <li data-support={sp.id.clone()}>{&sp.name}</li> }) }
                            </ul>
                        </li>
                    }) }
                </ol>
            </div>
            if let Some((p, c)) = comparison {
                <div class="cl-compare" id="cl-compare">
                    <h3>{format!("前回（{}）からの変化", show_date(&p.date))}</h3>
                    <p>{format!("総合：{}", c.overall_delta.map(signed).unwrap_or_else(|| "比べられません".into()))}</p>
                    <ul>
                        { for c.area_deltas.iter().filter_map(|(area, d)| Some((area, (*d)?))).map(|(area, d)| html! {
                            <li>{format!("{}：{}", area.label(locale()), signed(d))}</li>
                        }) }
                    </ul>
                    if c.improved.is_empty() {
                        <p>{"前回より進んだ項目はまだありません。"}</p>
                    } else {
                        <p>{"前回より進んだ項目："}</p>
                        <ul class="cl-improved">{ for c.improved.iter().map(|id| html! { <li>{item_text(id)}</li> }) }</ul>
                    }
                </div>
            }
        </section>
    }
}

#[derive(Clone, PartialEq)]
enum View {
    Filling,
    /// Showing the record at this index of the history.
    Result(usize),
}

#[component]
pub fn ChecklistPage() -> Html {
    let draft = use_state(|| storage::load_doc::<Draft>(Doc::ChecklistDraft).unwrap_or_default());
    let history =
        use_state(|| storage::load_doc::<History>(Doc::ChecklistHistory).unwrap_or_default());
    let view = use_state(|| View::Filling);
    let save_error = use_state(|| None::<&'static str>);
    let notice = use_state(|| None::<String>);

    // Every change to the draft is kept; a refused write is shown, never silent.
    {
        let save_error = save_error.clone();
        use_effect_with((*draft).clone(), move |d: &Draft| {
            save_error.set(
                storage::save_doc(Doc::ChecklistDraft, d)
                    .err()
                    .map(|e| e.message()),
            );
        });
    }

    let kind = BusinessKind::parse(&draft.kind);
    let step = draft.step.min(Area::ALL.len() - 1);
    let area = Area::ALL[step];
    let (answered, total) = cl::progress(kind.unwrap_or_default(), &draft.answers);

    let update = {
        let draft = draft.clone();
        move |f: &dyn Fn(&mut Draft)| {
            let mut d = (*draft).clone();
            f(&mut d);
            draft.set(d);
        }
    };

    let set_kind = |k: BusinessKind| {
        let update = update.clone();
        Callback::from(move |_: Event| {
            update(&|d: &mut Draft| {
                d.kind = k.id().to_string();
                // 対象外 may no longer be a choice for the new kind.
                d.answers
                    .retain(|id, a| a != "na" || cl::item(id).is_some_and(|it| it.may_skip(k)));
            })
        })
    };
    let go = |to: usize| {
        let update = update.clone();
        Callback::from(move |_: MouseEvent| {
            update(&|d: &mut Draft| d.step = to);
            scroll_to_top();
        })
    };

    let finish = {
        let draft = draft.clone();
        let history = history.clone();
        let view = view.clone();
        let save_error = save_error.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(a) = assessment(&draft.kind, &draft.answers) else {
                let missing: Vec<&str> = Area::ALL
                    .into_iter()
                    .filter(|area| items_in(*area).any(|it| !draft.answers.contains_key(it.id)))
                    .map(|area| area.label(locale()))
                    .collect();
                notice.set(Some(if BusinessKind::parse(&draft.kind).is_none() {
                    "はじめに業種を選んでください。".to_string()
                } else {
                    format!(
                        "まだ答えていない項目があります（{}）。すべて答えると結果が出ます。",
                        missing.join("、")
                    )
                }));
                return;
            };
            notice.set(None);
            let mut h = (*history).clone();
            h.records.push(Record {
                date: now(),
                kind: a.kind.id().to_string(),
                answers: draft.answers.clone(),
            });
            save_error.set(
                storage::save_doc(Doc::ChecklistHistory, &h)
                    .err()
                    .map(|e: SaveError| e.message()),
            );
            view.set(View::Result(h.records.len() - 1));
            history.set(h);
            scroll_to_top();
        })
    };

    let restart = {
        let update = update.clone();
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            // Start the next assessment from these answers: change only what has moved.
            update(&|d: &mut Draft| d.step = 0);
            view.set(View::Filling);
            scroll_to_top();
        })
    };
    let clear = {
        let draft = draft.clone();
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            draft.set(Draft::default());
            view.set(View::Filling);
        })
    };

    let body = match &*view {
        View::Result(i) if *i < history.records.len() => {
            let record = &history.records[*i];
            let previous = i.checked_sub(1).map(|p| &history.records[p]);
            let csv =
                assessment(&record.kind, &record.answers).map(|a| cl::answers_csv(&a, locale()));
            let json = History {
                records: vec![record.clone()],
            }
            .export_json()
            .ok();
            let stem = format!("ouen-checklist-{}", record.date.replace([':', 'T'], "-"));
            html! {
                <>
                    {result_view(record, previous)}
                    <div class="cl-actions-bar no-print">
                        <button type="button" class="cl-button" id="cl-print" onclick={Callback::from(|_: MouseEvent| crate::download::print())}>{"印刷する"}</button>
                        <button type="button" class="cl-button" id="cl-export-json"
                            onclick={download_cb(json, format!("{stem}.json"), "application/json", save_error.clone())}>{"JSONで書き出す"}</button>
                        <button type="button" class="cl-button" id="cl-export-csv"
                            onclick={download_cb(csv, format!("{stem}.csv"), "text/csv;charset=utf-8", save_error.clone())}>{"回答をCSVで書き出す"}</button>
                        <button type="button" class="cl-button secondary" id="cl-restart" onclick={restart}>{"答えを見直して、もう一度チェックする"}</button>
                    </div>
                </>
            }
        }
        _ => html! {
            <>
                <fieldset class="cl-kind" id="checklist-kind">
                    <legend>{"あなたの事業の業種"}</legend>
                    <p class="hint">{"業種によって、あてはまらない項目（例：小売業の生産管理）を「対象外」にできます。"}</p>
                    <div class="cl-choices">
                        { for BusinessKind::ALL.into_iter().map(|k| html! {
                            <label class="cl-choice">
                                <input type="radio" name="kind" value={k.id()} checked={kind == Some(k)} onchange={set_kind(k)} />
                                <span>{k.label(locale())}</span>
                            </label>
                        }) }
                    </div>
                </fieldset>
                <div class="cl-progress">
                    <label for="cl-progress">{format!("回答 {answered} / {total} 項目")}</label>
                    <progress id="cl-progress" max={total.to_string()} value={answered.to_string()}>{format!("{answered} / {total}")}</progress>
                </div>
                <nav class="cl-steps" aria-label="分野">
                    <ol>
                        { for Area::ALL.into_iter().enumerate().map(|(i, a)| {
                            let (done, all) = (items_in(a).filter(|it| draft.answers.contains_key(it.id)).count(), items_in(a).count());
                            html! {
                                <li>
                                    <button type="button" class={classes!("cl-step-button", (i == step).then_some("current"))}
                                        aria-current={(i == step).then_some("step")} onclick={go(i)}>
                                        {format!("{} {}/{}", a.label(locale()), done, all)}
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                </nav>
                <section class="cl-area" aria-labelledby="cl-area-title">
                    <h2 id="cl-area-title">{format!("{}（{} / {}）", area.label(locale()), step + 1, Area::ALL.len())}</h2>
                    <p class="lead">{area.intro(locale())}</p>
                    { for items_in(area).map(|it| {
                        let current = draft.answers.get(it.id).cloned();
                        html! {
                            <fieldset class="cl-item" id={format!("item-{}", it.id)}>
                                <legend>{it.text(locale())}</legend>
                                <p class="hint">{format!("実施済の目安：{}", it.done_looks_like(locale()))}</p>
                                <div class="cl-choices">
                                    { for it.choices(kind.unwrap_or_default()).into_iter().map(|ans| {
                                        let update = update.clone();
                                        let id = it.id;
                                        let onchange = Callback::from(move |_: Event| update(&|d: &mut Draft| {
                                            d.answers.insert(id.to_string(), ans.id().to_string());
                                        }));
                                        html! {
                                            <label class={classes!("cl-choice", format!("ans-{}", ans.id()))}>
                                                <input type="radio" name={it.id} value={ans.id()}
                                                    checked={current.as_deref() == Some(ans.id())} {onchange} />
                                                <span>{ans.label(locale())}</span>
                                            </label>
                                        }
                                    }) }
                                </div>
                            </fieldset>
                        }
                    }) }
                </section>
                if let Some(n) = &*notice {
                    <p class="error" role="alert" id="cl-notice">{n}</p>
                }
                <div class="cl-actions-bar">
                    if step > 0 {
                        <button type="button" class="cl-button secondary" id="cl-prev" onclick={go(step - 1)}>{"前の分野へ"}</button>
                    }
                    if step + 1 < Area::ALL.len() {
                        <button type="button" class="cl-button" id="cl-next" onclick={go(step + 1)}>{"次の分野へ"}</button>
                    } else {
                        <button type="button" class="cl-button" id="cl-finish" onclick={finish}>{"結果を見る"}</button>
                    }
                    <button type="button" class="cl-button secondary" id="cl-clear" onclick={clear}>{"答えをすべて消す"}</button>
                </div>
            </>
        },
    };

    html! {
        <>
            <main class="page checklist" id="checklist">
                <h1 class="page-title">{"デジタル化チェック"}</h1>
                <p class="lead no-print">
                    {"「稼ぐ力」チェックリストをもとにした自己診断です。分野ごとに、いまの様子にいちばん近いものを選んでください。答えはこの端末の中だけに保存されます。"}
                </p>
                if let Some(msg) = *save_error {
                    <p class="error cl-save-error" role="alert" id="cl-save-error">{msg}</p>
                }
                {body}
                <HistoryPanel history={(*history).clone()} view={view.clone()} on_history={{
                    let history = history.clone();
                    let save_error = save_error.clone();
                    Callback::from(move |h: History| {
                        save_error.set(storage::save_doc(Doc::ChecklistHistory, &h).err().map(|e| e.message()));
                        history.set(h);
                    })
                }} />
            </main>
            <Footer as_of={None} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct HistoryProps {
    history: History,
    view: UseStateHandle<View>,
    on_history: Callback<History>,
}

/// Completed assessments on this device; export all, import from another device.
#[component]
fn HistoryPanel(props: &HistoryProps) -> Html {
    let message = use_state(|| None::<(bool, String)>);
    let records = &props.history.records;
    let export = download_cb(
        props.history.export_json().ok(),
        "ouen-checklist-history.json".to_string(),
        "application/json",
        use_state(|| None::<&'static str>),
    );
    let onimport = {
        let history = props.history.clone();
        let on_history = props.on_history.clone();
        let message = message.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let history = history.clone();
            let on_history = on_history.clone();
            let message = message.clone();
            crate::download::read_file(input, move |text| {
                match text.as_deref().and_then(History::parse_export) {
                Some(imported) => {
                    let mut h = history.clone();
                    let added = h.merge(imported);
                    message.set(Some((true, format!("{added}件の記録を読み込みました。"))));
                    on_history.emit(h);
                }
                None => message.set(Some((false, "このファイルは読み込めませんでした。ouen で書き出した履歴のファイル（.json）を選んでください。".into()))),
            }
            });
        })
    };
    html! {
        <section class="cl-history no-print" id="cl-history" aria-labelledby="cl-history-title">
            <h2 id="cl-history-title">{"これまでのチェック（この端末）"}</h2>
            if records.is_empty() {
                <p>{"まだ記録はありません。すべての項目に答えて「結果を見る」を押すと、日付つきで残ります。"}</p>
            } else {
                <ul class="cl-history-list">
                    { for records.iter().enumerate().rev().map(|(i, r)| {
                        let summary = assessment(&r.kind, &r.answers).map(|a| {
                            let s = score(&a, locale());
                            format!("総合 {}% ・ 段階 {}", s.overall.percent.unwrap_or(0), s.stage.mark)
                        }).unwrap_or_else(|| "読み込めない記録".into());
                        let view = props.view.clone();
                        html! {
                            <li>
                                <span>{format!("{} — {summary}", show_date(&r.date))}</span>
                                <button type="button" class="cl-button secondary" onclick={Callback::from(move |_: MouseEvent| { view.set(View::Result(i)); scroll_to_top(); })}>
                                    {"結果を見る"}
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                <button type="button" class="cl-button secondary" id="cl-history-export" onclick={export}>{"履歴をファイルに書き出す"}</button>
            }
            <div class="cl-import">
                <label for="cl-import" class="cl-button secondary">{"別の端末の履歴を読み込む"}</label>
                <input type="file" id="cl-import" class="visually-hidden" accept=".json,application/json" onchange={onimport} />
            </div>
            if let Some((ok, text)) = &*message {
                <p class={if *ok { "save-note" } else { "error" }} role="status" id="cl-import-message">{text}</p>
            }
        </section>
    }
}

// --- the browser's edge ------------------------------------------------------------------

fn download_cb(
    text: Option<String>,
    name: String,
    mime: &'static str,
    error: UseStateHandle<Option<&'static str>>,
) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let ok = text
            .as_deref()
            .is_some_and(|t| crate::download::save_file(t.as_bytes(), &name, mime));
        if !ok {
            error.set(Some(
                "ファイルを書き出せませんでした。印刷するか、画面を控えてください。",
            ));
        }
    })
}

#[cfg(target_arch = "wasm32")]
fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn scroll_to_top() {}

/// Now, in the device's local time: `YYYY-MM-DDTHH:MM`.
#[cfg(target_arch = "wasm32")]
fn now() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[cfg(not(target_arch = "wasm32"))]
fn now() -> String {
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_japanese() {
        assert_eq!(show_date("2025-01-05T09:30"), "2025年1月5日 09:30");
        assert_eq!(show_date("2025-11-22"), "2025年11月22日");
        assert_eq!(show_date("garbage"), "garbage");
    }

    #[test]
    fn radar_points_start_at_the_top_and_scale_with_the_score() {
        let c = (200.0, 170.0);
        let (x, y) = radar_point(0, 6, 100, 110.0, c);
        assert!((x - 200.0).abs() < 1e-9 && (y - 60.0).abs() < 1e-9);
        let (x, y) = radar_point(0, 6, 50, 110.0, c);
        assert!((x - 200.0).abs() < 1e-9 && (y - 115.0).abs() < 1e-9);
        // A quarter of the way round four axes is straight right; 0% is the centre.
        let (x, y) = radar_point(1, 4, 100, 100.0, c);
        assert!((x - 300.0).abs() < 1e-9 && (y - 170.0).abs() < 1e-9);
        assert_eq!(radar_point(3, 6, 0, 110.0, c), c);
        assert_eq!(
            radar_point(0, 6, 250, 110.0, c),
            radar_point(0, 6, 100, 110.0, c),
            "capped"
        );
    }

    #[test]
    fn stored_answers_validate_into_an_assessment() {
        let mut answers: std::collections::BTreeMap<String, String> = cl::ITEMS
            .iter()
            .map(|it| (it.id.to_string(), "done".to_string()))
            .collect();
        assert!(assessment("retail", &answers).is_some());
        assert!(assessment("bakery", &answers).is_none());
        answers.remove("se-backup");
        assert!(assessment("retail", &answers).is_none());
    }
}
