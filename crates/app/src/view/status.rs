//! The as-of date and where each programme stands on it (NAT-P1..P5, NGN-5/6): open or
//! not, the next deadline (with 和暦), revised dates beside their first announcement, and the
//! early-closing caveat. Everything comes from `ouen_rules::programmes_on`.

use crate::chart::{list_sep, space};
use crate::form::Field;
use crate::i18n::{locale, m, t};
use crate::state::Action;
use crate::tf;
use crate::view::cite;
use ouen_rules::params::{Deadline, ProgrammeState};
use ouen_rules::{programmes_on, Date, ProgrammeStatus};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How a state reads, with a symbol so that colour is never the only signal.
fn state_text(state: ProgrammeState) -> (&'static str, &'static str) {
    match state {
        ProgrammeState::Open => (t(m::SIM_STATE_OPEN), "state-open"),
        ProgrammeState::Closing => (t(m::SIM_STATE_CLOSING), "state-closing"),
        ProgrammeState::NotYetOpen => (t(m::SIM_STATE_NOT_YET), "state-not-yet"),
        ProgrammeState::Closed => (t(m::SIM_STATE_CLOSED), "state-closed"),
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
        tf!(m::SIM_STATUS_NONE_OPEN, date = date)
    } else {
        tf!(
            m::SIM_STATUS_OPEN,
            date = date,
            names = open.join(list_sep())
        )
    }
}

fn revisions(d: &Deadline) -> Html {
    if d.superseded.is_empty() {
        return html! {
            <span class="deadline-source">{tf!(m::SIM_SOURCE_PAREN, source = cite(d.source))}</span>
        };
    }
    html! {
        <span class="revised">
            {tf!(m::SIM_REVISED, source = cite(d.source))}{" "}
            for r in &d.superseded {
                <s class="superseded">{r.value.format(locale())}</s>
                {tf!(m::SIM_SOURCE_PAREN, source = cite(r.source))}
            }
            {t(m::SIM_REVISED_END)}
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
                    <span class="next-label">{t(m::SIM_NEXT_DEADLINE)}</span>{space()}
                    {n.label}{" — "}
                    <strong>{n.date_text.clone()}</strong>
                    <span class="rule-tag">{n.rule}</span>
                    <br />
                    {revisions(n)}
                </p>
            } else {
                <p class="next-deadline">{t(m::SIM_NO_DEADLINE)}</p>
            }
            for c in &s.caveats {
                <p class="caveat">{c.clone()}</p>
            }
            <details class="all-dates">
                <summary>{t(m::SIM_ALL_DATES)}</summary>
                <ul>
                    for d in &s.deadlines {
                        <li>
                            {d.label}{t(m::SIM_COLON)}{space()}<strong>{d.date_text.clone()}</strong>
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
            <h2 id="status-title">{t(m::SIM_STATUS_TITLE)}</h2>
            <div class={classes!("field", "as-of-field", invalid.then_some("field-invalid"))}>
                <label for="as-of">{t(m::SIM_AS_OF)}</label>
                <p class="hint" id="as-of-hint">{t(m::SIM_STATUS_HINT)}</p>
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
                            {t(m::SIM_TODAY)}
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
