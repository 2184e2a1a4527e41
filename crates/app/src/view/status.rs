//! The as-of date and where each programme stands on it (NAT-P1..P5, NGN-5/6): open or
//! not, the next deadline (with 和暦), revised dates beside their first announcement, and the
//! early-closing caveat. Everything comes from `ouen_rules::programmes_on`.

use crate::form::Field;
use crate::i18n::locale;
use crate::state::Action;
use ouen_rules::params::{Deadline, ProgrammeState};
use ouen_rules::{programmes_on, Date, ProgrammeStatus};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How a state reads, with a symbol so that colour is never the only signal.
fn state_text(state: ProgrammeState) -> (&'static str, &'static str) {
    match state {
        ProgrammeState::Open => ("● 受付中", "state-open"),
        ProgrammeState::Closing => (
            "▲ 新規の受付は終了（登録済みの方は期限まで利用できます）",
            "state-closing",
        ),
        ProgrammeState::NotYetOpen => ("○ まだ始まっていません", "state-not-yet"),
        ProgrammeState::Closed => ("× 終了しました", "state-closed"),
    }
}

/// The plain-words summary above the cards.
pub fn summary(on: Date, statuses: &[ProgrammeStatus]) -> String {
    let date = on.format(locale());
    let open: Vec<&str> = statuses
        .iter()
        .filter(|s| s.state == ProgrammeState::Open)
        .map(|s| s.name)
        .collect();
    if open.is_empty() {
        format!(
            "{date}の時点で、新しく申し込める制度はありません。下の計算は「{date}時点で有効なルール（終了した制度は最後に有効だったルール）」による参考の額です。"
        )
    } else {
        format!("{date}の時点で受付中：{}。", open.join("、"))
    }
}

fn revisions(d: &Deadline) -> Html {
    if d.superseded.is_empty() {
        return html! {
            <span class="deadline-source">{format!("（出典 {}）", d.source)}</span>
        };
    }
    html! {
        <span class="revised">
            {"改定後の日付です（出典 "}{d.source}{"）。最初の告知では "}
            for r in &d.superseded {
                <s class="superseded">{r.value.format(locale())}</s>
                {format!("（出典 {}）", r.source)}
            }
            {"でした。"}
        </span>
    }
}

fn card(s: &ProgrammeStatus) -> Html {
    let (text, class) = state_text(s.state);
    html! {
        <li class={classes!("programme", class)}>
            <h3 class="programme-name">{s.name}</h3>
            <p class="programme-state">{text}</p>
            if let Some(n) = &s.next_deadline {
                <p class="next-deadline">
                    <span class="next-label">{"次の期限："}</span>
                    {n.label}{" — "}
                    <strong>{n.date_text.clone()}</strong>
                    <span class="rule-tag">{n.rule}</span>
                    <br />
                    {revisions(n)}
                </p>
            } else {
                <p class="next-deadline">{"残っている期限はありません。"}</p>
            }
            for c in &s.caveats {
                <p class="caveat">{c.clone()}</p>
            }
            <details class="all-dates">
                <summary>{"すべての日付"}</summary>
                <ul>
                    for d in &s.deadlines {
                        <li>
                            {d.label}{"："}<strong>{d.date_text.clone()}</strong>
                            {" "}<span class="rule-tag">{d.rule}</span>{" "}
                            {revisions(d)}
                        </li>
                    }
                </ul>
            </details>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct StatusPanelProps {
    /// The as-of date as typed (empty: today).
    pub as_of: AttrValue,
    pub today: Option<Date>,
    pub error: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn StatusPanel(props: &StatusPanelProps) -> Html {
    let chosen = Date::parse(&props.as_of).ok();
    let on = chosen.or(props.today);
    let value = match (props.as_of.is_empty(), props.today) {
        (true, Some(t)) => t.to_string(),
        _ => props.as_of.to_string(),
    };
    let oninput = props.on_action.reform(|e: InputEvent| {
        Action::SetField(
            Field::AsOf,
            e.target_unchecked_into::<HtmlInputElement>().value(),
        )
    });
    let today = props
        .on_action
        .reform(|_: MouseEvent| Action::SetField(Field::AsOf, String::new()));
    let invalid = props.error.is_some();
    let statuses = on.map(|d| programmes_on(d, locale())).unwrap_or_default();

    html! {
        <section class="panel status" id="status" aria-labelledby="status-title">
            <h2 id="status-title">{"基準日と受付の状況"}</h2>
            <div class={classes!("field", "as-of-field", invalid.then_some("field-invalid"))}>
                <label for="as-of">{"基準日"}</label>
                <p class="hint" id="as-of-hint">
                    {"この日に有効なルールで計算し、各制度の受付状況をお知らせします。はじめは今日の日付です。"}
                </p>
                <div class="input-row">
                    <input
                        id="as-of"
                        name="as-of"
                        type="date"
                        value={value}
                        {oninput}
                        aria-invalid={invalid.then_some("true")}
                        aria-describedby={if invalid { "as-of-error" } else { "as-of-hint" }}
                    />
                    if !props.as_of.is_empty() {
                        <button type="button" class="secondary" id="as-of-today" onclick={today}>
                            {"今日にする"}
                        </button>
                    }
                </div>
                if let Some(error) = &props.error {
                    <p class="error" id="as-of-error">{error.clone()}</p>
                }
            </div>
            if let Some(d) = on {
                <p class="status-summary" id="status-summary">{summary(d, &statuses)}</p>
                <ul class="programmes" id="programmes">
                    for s in &statuses {
                        {card(s)}
                    }
                </ul>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_says_when_nothing_is_open() {
        let d = Date::parse("2026-11-22").unwrap();
        let s = summary(d, &programmes_on(d, locale()));
        assert!(s.contains("新しく申し込める制度はありません"), "{s}");
        assert!(s.contains("令和8年11月22日"), "{s}");
        let d = Date::parse("2021-01-15").unwrap();
        let s = summary(d, &programmes_on(d, locale()));
        assert!(s.contains("受付中"), "{s}");
        assert!(s.contains("第Ⅰ期"), "{s}");
    }
}
