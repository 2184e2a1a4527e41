//! The self-assessment checklist (route `/checklist`): area by area with large answer buttons,
//! then the result (scores, radar chart with a text table, stage ① to ④, next steps), print and
//! export, and the history of completed assessments on this device (compare, export, import).
//!
//! Every score, stage and next step comes from `ouen_rules::checklist`; this page gathers the
//! answers, keeps them on the device (`storage`) and shows the result.

use crate::chart::n1;
use crate::checklist_doc::{self, Draft, History, Record};
use crate::defer::Later;
use crate::i18n::{locale, m, t};
use crate::route::Route;
use crate::storage::{self, Doc};
use crate::tf;
use crate::view::chrome::Footer;
use ouen_rules::checklist::{
    self as cl, items_in, score, Answer, Area, BusinessKind, ChecklistResult,
};
use ouen_rules::json::{FromJson, Json, ToJson};
use ouen_rules::{Date, Locale};
use state::{assessment, Action, Notice, State};
use yew::prelude::*;

pub mod state;

/// `2025-11-22T10:30` → `2025年11月22日 10:30` (`22 November 2025 10:30` in English).
pub fn show_date(date: &str) -> String {
    let (d, time) = date.split_once('T').unwrap_or((date, ""));
    match Date::parse(d) {
        Ok(d) => {
            let day = match locale() {
                Locale::Ja => d.format_ja(),
                Locale::En => d.format_en(),
            };
            format!("{day} {time}").trim_end().to_string()
        }
        Err(_) => date.to_string(),
    }
}

/// The separator of a list inside a sentence.
fn list_sep() -> &'static str {
    match locale() {
        Locale::Ja => "、",
        Locale::En => ", ",
    }
}

/// The radar's axis points: `(x, y)` for `percent` on axis `i` of `n`, centred at `(cx, cy)`.
pub fn radar_point(i: usize, n: usize, percent: u32, r: f64, (cx, cy): (f64, f64)) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n.max(1) as f64;
    let len = r * f64::from(percent.min(100)) / 100.0;
    let (cos, sin) = cos_sin(angle);
    (cx + len * cos, cy + len * sin)
}

/// In the browser, its own `Math.cos` and `Math.sin`: Rust's are several KB of wasm.
fn cos_sin(angle: f64) -> (f64, f64) {
    #[cfg(target_arch = "wasm32")]
    {
        (js_sys::Math::cos(angle), js_sys::Math::sin(angle))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (angle.cos(), angle.sin())
    }
}

fn polygon(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", n1(*x), n1(*y)))
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
        .join(list_sep());
    html! {
        <svg class="cl-radar-svg" viewBox="-150 0 700 340" role="img"
             aria-label={tf!(m::CHECK_RADAR_LABEL, summary = summary)}>
            { for [25, 50, 75, 100].into_iter().map(|p| html! {
                <polygon points={ring(p)} fill="none" stroke="#c9d1d9" stroke-width="1" />
            }) }
            { for (0..n).map(|i| {
                let (x, y) = radar_point(i, n, 100, r, c);
                html! { <line x1="200" y1="170" x2={n1(x)} y2={n1(y)} stroke="#c9d1d9" stroke-width="1" /> }
            }) }
            <polygon points={data} fill="#1f5f8b" fill-opacity="0.25" stroke="#1f5f8b" stroke-width="3" />
            { for axes.iter().enumerate().map(|(i, (label, p))| {
                let (x, y) = radar_point(i, n, 100, r + 18.0, c);
                let anchor = if (x - 200.0).abs() < 1.0 { "middle" } else if x > 200.0 { "start" } else { "end" };
                let (dx, dy) = radar_point(i, n, *p, r, c);
                html! { <>
                    <circle cx={n1(dx)} cy={n1(dy)} r="5" fill="#1f5f8b" />
                    <text x={n1(x)} y={n1(y + 5.0)} text-anchor={anchor} font-size="16" fill="#1a1a1a">
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
        std::cmp::Ordering::Greater => tf!(m::CHECK_DELTA_UP, n = d),
        std::cmp::Ordering::Less => tf!(m::CHECK_DELTA_DOWN, n = d),
        std::cmp::Ordering::Equal => t(m::CHECK_DELTA_NONE).to_string(),
    }
}

/// The result of one completed assessment, compared with the one before it if any.
fn result_view(record: &Record, previous: Option<&Record>) -> Html {
    let Some(a) = assessment(&record.kind, &record.answers) else {
        return html! { <p class="error" role="alert">{t(m::CHECK_UNREADABLE)}</p> };
    };
    let result = score(&a, locale());
    let overall = result.overall.percent.unwrap_or(0);
    let comparison = previous
        .and_then(|p| Some((p, assessment(&p.kind, &p.answers)?)))
        .map(|(p, before)| (p, cl::compare(&before, &a)));
    html! {
        <section class="cl-result" id="cl-result" aria-labelledby="cl-result-title">
            <h2 id="cl-result-title">{tf!(m::CHECK_RESULT_TITLE, date = show_date(&record.date))}</h2>
            <p class="cl-kind">{tf!(m::CHECK_KIND, kind = a.kind.label(locale()))}</p>
            <div class="headline cl-headline">
                <span class="headline-label">{t(m::CHECK_OVERALL_LABEL)}</span>
                <span class="headline-amount" id="cl-overall">{format!("{overall}%")}</span>
                <span class="cl-points">{tf!(m::CHECK_POINTS, points = result.overall.points, max = result.overall.max)}</span>
            </div>
            <div class="cl-stage" id="cl-stage">
                <h3>{tf!(m::CHECK_STAGE, mark = result.stage.mark, title = result.stage.title)}</h3>
                <p>{&result.stage.reason}</p>
                <p class="hint cl-stage-basis" id="cl-stage-basis">{&result.stage.basis}</p>
                <p class="hint">{t(m::CHECK_STAGES_HINT)}</p>
            </div>
            <div class="cl-chart">
                <figure class="cl-radar" id="cl-radar">
                    {radar(&result)}
                    <figcaption>{t(m::CHECK_RADAR_CAPTION)}</figcaption>
                </figure>
                <div class="table-wrap">
                    <table class="segments cl-table" id="cl-score-table">
                        <caption>{t(m::CHECK_TABLE_CAPTION)}</caption>
                        <thead><tr><th scope="col">{t(m::CHECK_COL_AREA)}</th><th scope="col">{t(m::CHECK_COL_PROGRESS)}</th><th scope="col">{t(m::CHECK_COL_POINTS)}</th><th scope="col">{Answer::Unknown.label(locale())}</th></tr></thead>
                        <tbody>
                            { for result.areas.iter().map(|s| html! {
                                <tr>
                                    <th scope="row">{&s.label}</th>
                                    <td>{s.score.percent.map(|p| format!("{p}%")).unwrap_or_else(|| Answer::NotApplicable.label(locale()).into())}</td>
                                    <td>{format!("{} / {}", s.score.points, s.score.max)}</td>
                                    <td>{tf!(m::CHECK_COUNT, n = s.unknown)}</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </div>
            if !result.unknown.is_empty() {
                <div class="cl-unknown">
                    <h3>{t(m::CHECK_UNKNOWN_TITLE)}</h3>
                    <p class="hint">{t(m::CHECK_UNKNOWN_HINT)}</p>
                    <ul>{ for result.unknown.iter().map(|id| html! { <li>{item_text(id)}</li> }) }</ul>
                </div>
            }
            <div class="cl-next" id="cl-next-steps">
                <h3>{t(m::CHECK_NEXT_TITLE)}</h3>
                <ol>
                    { for result.next_steps.iter().map(|s| html! {
                        <li class="cl-step">
                            <h4>{tf!(m::CHECK_STEP_TITLE, label = s.label, percent = s.percent)}</h4>
                            <ul class="cl-actions">{ for s.actions.iter().map(|a| html! { <li>{a}</li> }) }</ul>
                            <p class="cl-supports-label">{t(m::CHECK_SUPPORTS_LABEL)}</p>
                            <ul class="cl-supports">
                                // Each one's card in the navigator (one catalogue: the card is always there).
                                { for s.supports.iter().map(|sp| html! {
                                    <li data-support={sp.id.id()}>
                                        <a href={format!("{}#support-{}", Route::Navigator.href(locale()), sp.id)}>{&sp.name}</a>
                                    </li>
                                }) }
                            </ul>
                        </li>
                    }) }
                </ol>
            </div>
            if let Some((p, c)) = comparison {
                <div class="cl-compare" id="cl-compare">
                    <h3>{tf!(m::CHECK_COMPARE_TITLE, date = show_date(&p.date))}</h3>
                    <p>{tf!(m::CHECK_COMPARE_OVERALL, delta = c.overall_delta.map(signed).unwrap_or_else(|| t(m::CHECK_CANNOT_COMPARE).into()))}</p>
                    <ul>
                        { for c.area_deltas.iter().filter_map(|(area, d)| Some((area, (*d)?))).map(|(area, d)| html! {
                            <li>{tf!(m::CHECK_AREA_DELTA, area = area.label(locale()), delta = signed(d))}</li>
                        }) }
                    </ul>
                    if c.improved.is_empty() {
                        <p>{t(m::CHECK_IMPROVED_NONE)}</p>
                    } else {
                        <p>{t(m::CHECK_IMPROVED)}</p>
                        <ul class="cl-improved">{ for c.improved.iter().map(|id| html! { <li>{item_text(id)}</li> }) }</ul>
                    }
                </div>
            }
        </section>
    }
}

/// The draft's merge across tabs (`crate::sync::merge`), but which area a tab shows is its own
/// business: never a conflict, and each tab keeps its own.
fn merge_draft(base: Option<&Json>, mine: &Json, theirs: &Json) -> crate::sync::Merged {
    let step = mine.get("step").cloned().unwrap_or_default();
    let on_my_step = |v: &Json| {
        let mut v = v.clone();
        if let Some(o) = v.as_object_mut() {
            o.insert("step", step.clone());
        }
        v
    };
    crate::sync::merge(base.map(on_my_step).as_ref(), mine, &on_my_step(theirs))
}

#[component]
pub fn ChecklistPage() -> Html {
    let state = use_reducer(|| {
        State::new(
            storage::load_doc::<Draft>(Doc::ChecklistDraft).unwrap_or_default(),
            storage::load_doc::<History>(Doc::ChecklistHistory).unwrap_or_default(),
        )
    });
    let save_error = use_state(|| None::<&'static str>);
    let dispatch = state.dispatcher();

    // Every change to the draft and the history is kept, merged with what other tabs saved
    // (`crate::tabs`); a refused write is shown, never silent.
    let draft_sync = crate::tabs::use_doc_sync(
        Doc::ChecklistDraft,
        state.draft.to_json(),
        |v| Draft::from_json(v).is_some(),
        merge_draft,
        {
            let dispatch = dispatch.clone();
            Callback::from(move |v| {
                if let Some(d) = Draft::from_json(&v) {
                    dispatch.dispatch(Action::Synced(d));
                }
            })
        },
    );
    let history_sync = crate::tabs::use_doc_sync(
        Doc::ChecklistHistory,
        state.history.to_json(),
        |v| History::from_json(v).is_some(),
        checklist_doc::merge_history,
        {
            let dispatch = dispatch.clone();
            Callback::from(move |v| {
                if let Some(h) = History::from_json(&v) {
                    dispatch.dispatch(Action::SetHistory(h));
                }
            })
        },
    );
    use_effect_with(state.draft.clone(), |_| crate::seminar::note_checklist());
    use_effect_with(state.history.clone(), |_| crate::seminar::note_checklist());
    let storage_notes: Vec<String> = [
        draft_sync
            .error
            .as_ref()
            .map(|e| e.about(Doc::ChecklistDraft)),
        history_sync
            .error
            .as_ref()
            .map(|e| e.about(Doc::ChecklistHistory)),
    ]
    .into_iter()
    .flatten()
    .collect();

    let draft = &state.draft;
    let history = &state.history;
    // The page as the prerenderer drew it (nothing kept on this device yet): only then do the
    // parts below the first screen wait for a task of their own (`defer::Later`); a page
    // opened on saved answers draws them at once rather than show the empty ones a moment.
    let stored = *draft != Draft::default() || !history.records.is_empty();
    let kind = BusinessKind::parse(&draft.kind);
    let step = state.step();
    let area = Area::ALL[step];
    let (answered, total) = cl::progress(kind.unwrap_or_default(), &draft.answers);

    // An action, and to the top of the page when it brings another screen.
    let on = |action: fn() -> Action, scroll: bool| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(action());
            if scroll {
                scroll_to_top();
            }
        })
    };
    let act = dispatch.to_callback();
    let set_kind = |k: BusinessKind| act.reform(move |_: Event| Action::SetKind(k));
    let go = |to: usize| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Go(to));
            scroll_to_top();
        })
    };
    // The time is read at the click.
    let finish = on(|| Action::Finish { date: now() }, true);
    let restart = on(|| Action::Restart, true);
    let clear = on(|| Action::Clear, false);
    let notice = state.notice.as_ref().map(|n| match n {
        Notice::NeedKind => t(m::CHECK_NEED_KIND).to_string(),
        Notice::Missing(areas) => {
            let names: Vec<&str> = areas.iter().map(|a| a.label(locale())).collect();
            tf!(m::CHECK_MISSING, areas = names.join(list_sep()))
        }
    });

    let body = match state.shown() {
        Some(i) => {
            let record = &history.records[i];
            let previous = i.checked_sub(1).map(|p| &history.records[p]);
            let csv =
                assessment(&record.kind, &record.answers).map(|a| cl::answers_csv(&a, locale()));
            let json = History {
                records: vec![record.clone()],
            }
            .export_json();
            let stem = format!("ouen-checklist-{}", record.date.replace([':', 'T'], "-"));
            html! {
                <>
                    {result_view(record, previous)}
                    <div class="cl-actions-bar no-print">
                        <button type="button" class="cl-button" id="cl-print" onclick={Callback::from(|_: MouseEvent| crate::download::print())}>{t(m::CHECK_PRINT)}</button>
                        <button type="button" class="cl-button" id="cl-export-json"
                            onclick={download_cb(Some(json), format!("{stem}.json"), "application/json", save_error.clone())}>{t(m::CHECK_EXPORT_JSON)}</button>
                        <button type="button" class="cl-button" id="cl-export-csv"
                            onclick={download_cb(csv, format!("{stem}.csv"), "text/csv;charset=utf-8", save_error.clone())}>{t(m::CHECK_EXPORT_CSV)}</button>
                        <button type="button" class="cl-button secondary" id="cl-restart" onclick={restart}>{t(m::CHECK_RESTART)}</button>
                    </div>
                </>
            }
        }
        _ => html! {
            <>
                <fieldset class="cl-kind" id="checklist-kind">
                    <legend>{t(m::CHECK_KIND_LEGEND)}</legend>
                    <p class="hint">{t(m::CHECK_KIND_HINT)}</p>
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
                    <label for="cl-progress">{tf!(m::CHECK_PROGRESS, answered = answered, total = total)}</label>
                    <progress id="cl-progress" max={total.to_string()} value={answered.to_string()}>{format!("{answered} / {total}")}</progress>
                </div>
                <Later name="cl-steps" now={stored}>
                <nav class="cl-steps" aria-label={t(m::CHECK_AREAS_NAV)}>
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
                    <h2 id="cl-area-title">{tf!(m::CHECK_AREA_TITLE, area = area.label(locale()), n = step + 1, total = Area::ALL.len())}</h2>
                    <p class="lead">{area.intro(locale())}</p>
                    { for items_in(area).map(|it| {
                        let current = draft.answers.get(it.id).cloned();
                        html! {
                            <fieldset class="cl-item" id={format!("item-{}", it.id)}>
                                <legend>{it.text(locale())}</legend>
                                <p class="hint">{tf!(m::CHECK_DONE_LOOKS_LIKE, text = it.done_looks_like(locale()))}</p>
                                <div class="cl-choices">
                                    { for it.choices(kind.unwrap_or_default()).into_iter().map(|ans| {
                                        let id = it.id;
                                        let onchange = act.reform(move |_: Event| Action::Answer(id, ans));
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
                if let Some(n) = &notice {
                    <p class="error" role="alert" id="cl-notice">{n}</p>
                }
                <div class="cl-actions-bar">
                    if step > 0 {
                        <button type="button" class="cl-button secondary" id="cl-prev" onclick={go(step - 1)}>{t(m::CHECK_PREV)}</button>
                    }
                    if step + 1 < Area::ALL.len() {
                        <button type="button" class="cl-button" id="cl-next" onclick={go(step + 1)}>{t(m::CHECK_NEXT)}</button>
                    } else {
                        <button type="button" class="cl-button" id="cl-finish" onclick={finish}>{t(m::CHECK_SEE_RESULT)}</button>
                    }
                    <button type="button" class="cl-button secondary" id="cl-clear" onclick={clear}>{t(m::CHECK_CLEAR)}</button>
                </div>
                </Later>
            </>
        },
    };

    html! {
        <>
            <main class="page checklist" id="checklist">
                <h1 class="page-title">{t(m::CHECK_TITLE)}</h1>
                <p class="lead no-print">
                    {t(m::CHECK_LEAD)}
                </p>
                if let Some(msg) = *save_error {
                    <p class="error cl-save-error" role="alert" id="cl-save-error">{msg}</p>
                }
                { for storage_notes.into_iter().map(|msg| html! {
                    <p class="error cl-save-error cl-storage-note" role="status">{msg}</p>
                }) }
                {crate::tabs::conflict_notice(&draft_sync, "checklist-conflict")}
                {body}
                <Later name="cl-history" now={stored}>
                    <HistoryPanel history={history.clone()} on_action={act.clone()} />
                </Later>
            </main>
            <Later name="footer"><Footer as_of={None} /></Later>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct HistoryProps {
    history: History,
    on_action: Callback<Action>,
}

/// Completed assessments on this device; export all, import from another device.
#[component]
fn HistoryPanel(props: &HistoryProps) -> Html {
    let message = use_state(|| None::<(bool, String)>);
    let records = &props.history.records;
    let export = download_cb(
        Some(props.history.export_json()),
        "ouen-checklist-history.json".to_string(),
        "application/json",
        use_state(|| None::<&'static str>),
    );
    let onimport = {
        let history = props.history.clone();
        let on_action = props.on_action.clone();
        let message = message.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let history = history.clone();
            let on_action = on_action.clone();
            let message = message.clone();
            crate::download::read_file(input, move |picked| {
                let parsed = picked.and_then(|f| {
                    crate::import::parse_history(&f.text).map_err(|e| e.in_file(&f.name).message())
                });
                match parsed {
                    Ok(imported) => {
                        // What it adds to the history shown (the page merges it into the
                        // history of now, in case another tab has added to it meanwhile).
                        let added = history.clone().merge(imported.clone());
                        message.set(Some((true, tf!(m::CHECK_IMPORTED, n = added))));
                        on_action.emit(Action::Import(imported));
                    }
                    Err(msg) => message.set(Some((false, msg))),
                }
            });
        })
    };
    html! {
        <section class="cl-history no-print" id="cl-history" aria-labelledby="cl-history-title">
            <h2 id="cl-history-title">{t(m::CHECK_HISTORY_TITLE)}</h2>
            if records.is_empty() {
                <p>{t(m::CHECK_HISTORY_EMPTY)}</p>
            } else {
                <ul class="cl-history-list">
                    { for records.iter().enumerate().rev().map(|(i, r)| {
                        let summary = assessment(&r.kind, &r.answers).map(|a| {
                            let s = score(&a, locale());
                            tf!(m::CHECK_HISTORY_SUMMARY, percent = s.overall.percent.unwrap_or(0), mark = s.stage.mark)
                        }).unwrap_or_else(|| t(m::CHECK_HISTORY_UNREADABLE).into());
                        let on_action = props.on_action.clone();
                        html! {
                            <li>
                                <span>{format!("{} — {summary}", show_date(&r.date))}</span>
                                <button type="button" class="cl-button secondary" onclick={Callback::from(move |_: MouseEvent| { on_action.emit(Action::Show(i)); scroll_to_top(); })}>
                                    {t(m::CHECK_SEE_RESULT)}
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                <button type="button" class="cl-button secondary" id="cl-history-export" onclick={export}>{t(m::CHECK_HISTORY_EXPORT)}</button>
            }
            <div class="cl-import">
                <label for="cl-import" class="cl-button secondary">{t(m::CHECK_IMPORT_LABEL)}</label>
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
            error.set(Some(t(m::CHECK_EXPORT_FAILED)));
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

/// The page, for its wasm (`src/bin/checklist.rs`) and the prerenderer.
pub const PAGE: crate::Page = crate::Page {
    view: || yew::html! { <ChecklistPage /> },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_area_a_tab_shows_is_never_a_conflict_but_answers_are() {
        let base = json!({"kind": "retail", "answers": {}, "step": 0});
        let mine = json!({"kind": "retail", "answers": {"a1": "considering"}, "step": 2});
        let theirs = json!({"kind": "retail", "answers": {"a1": "done"}, "step": 1});
        let m = merge_draft(Some(&base), &mine, &theirs);
        assert_eq!(m.conflicts, ["answers.a1"]);
        assert_eq!(m.value["step"], json!(2));
        // The copy holds the other tab's answer, on this tab's area.
        let other = m.other.unwrap();
        assert_eq!(
            (&other["answers"]["a1"], &other["step"]),
            (&json!("done"), &json!(2))
        );
        // Only the areas differ: nothing to report, no copy.
        let theirs = json!({"kind": "retail", "answers": {"a1": "considering"}, "step": 3});
        let m = merge_draft(Some(&base), &mine, &theirs);
        assert_eq!(
            (m.conflicts.len(), m.other, &m.value["step"]),
            (0, None, &json!(2))
        );
    }

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
}
