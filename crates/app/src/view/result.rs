//! The result: the self-pay in one large line, then the breakdown, warnings, the hour
//! segments, and "なぜ？" with the rule ids. All figures and sentences come from the rules core.

use crate::form::Mode;
use crate::i18n::locale;
use crate::route::{Link, Route};
use crate::state::Outcome;
use crate::view::meters::{Meters, Timeline};
use ouen_rules::cost::{Segment, Step};
use ouen_rules::format::{hours, yen};
use ouen_rules::whatif::Usage;
use ouen_rules::{InputError, Simulation};
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

fn money(d: Decimal) -> String {
    yen(d, locale())
}

#[derive(Properties, PartialEq)]
pub struct ResultPanelProps {
    pub outcome: Rc<Outcome>,
    pub mode: Mode,
    /// How much of each cap the plan uses (when the input is valid).
    pub usage: Option<Usage>,
}

#[component]
pub fn ResultPanel(props: &ResultPanelProps) -> Html {
    html! {
        <section class="panel result" aria-labelledby="result-title">
            <h2 id="result-title">
                {"計算結果"}
                <span class="mode-tag">{props.mode.label()}</span>
            </h2>
            {
                match &*props.outcome {
                    Ok(sim) => simulation(sim, props.usage.as_ref()),
                    Err(errors) => check_input(errors),
                }
            }
        </section>
    }
}

/// Instead of numbers that would be wrong: what to fix.
fn check_input(errors: &[InputError]) -> Html {
    html! {
        <>
            <div class="headline-slot" aria-live="polite">
                <p class="headline notice" id="result-notice">{"入力を確認してください"}</p>
            </div>
            <ul class="notice-list">
                for error in errors {
                    <li>{error.message(locale())}</li>
                }
            </ul>
        </>
    }
}

fn simulation(sim: &Simulation, usage: Option<&Usage>) -> Html {
    let estimate = !sim.interpretations.is_empty();
    html! {
        <>
            <div class="headline-slot" aria-live="polite">
                <p class="headline">
                    <span class="headline-label">{"自己負担"}</span>
                    <span id="self-pay" class="money headline-amount">{money(sim.self_pay)}</span>
                    if estimate {
                        <span class="estimate-badge">{"見込み"}</span>
                    }
                </p>
            </div>
            if let Some(d) = sim.as_of {
                <p class="as-of-line" id="result-as-of">
                    {format!("{}時点で有効なルールで計算しています。", d.format(locale()))}
                </p>
            }
            if estimate {
                <p class="estimate-note">
                    {"見込みの額です。資料に書かれていない点は、このツールの解釈で補って計算しています。"}
                    {rule_tags(&sim.interpretations)}
                </p>
            }
            {breakdown(sim)}
            {figure_steps(sim)}
            {warnings(sim)}
            if let Some(u) = usage {
                <Meters usage={*u} />
            }
            {segments(sim)}
            {explanation(sim)}
            <p class="result-stamp" id="result-stamp">
                {format!(
                    "ルール版 {}（データ {}）・基準日 {}",
                    sim.ruleset.version,
                    sim.ruleset.hash,
                    sim.as_of.map(|d| d.format(locale())).unwrap_or_else(|| "指定なし".into())
                )}
            </p>
        </>
    }
}

fn breakdown(sim: &Simulation) -> Html {
    let subsidy = |label: &str, id: &str, amount: Decimal| {
        html! {
            <div class="breakdown-row subtract">
                <dt>{label.to_string()}</dt>
                <dd>
                    <span class="sign">{"−"}</span>
                    <span id={id.to_string()} class="money">{money(amount)}</span>
                </dd>
            </div>
        }
    };
    html! {
        <dl class="breakdown">
            <div class="breakdown-row">
                <dt>{"費用の総額"}</dt>
                <dd><span id="total-fee" class="money">{money(sim.total_fee)}</span></dd>
            </div>
            if let Some(amount) = sim.subsidies.national {
                {subsidy("国の謝金", "subsidy-national", amount)}
            }
            if let Some(amount) = sim.subsidies.nagano {
                {subsidy("長野県の補助", "subsidy-nagano", amount)}
            }
            <div class="breakdown-row total">
                <dt>{"自己負担"}</dt>
                <dd><span class="money">{money(sim.self_pay)}</span></dd>
            </div>
        </dl>
    }
}

/// Which steps of the explanation produced a figure (by the rules they cite).
fn steps_for(sim: &Simulation, figure: Figure) -> Vec<&Step> {
    let last = sim.explanation.len().saturating_sub(1);
    sim.explanation
        .iter()
        .enumerate()
        .filter(|(i, step)| {
            let cites = |prefix: &str| step.rules.iter().any(|r| r.starts_with(prefix));
            match figure {
                Figure::Total => *i == 0,
                Figure::National => *i != last && *i != 0 && cites("NAT-") && !cites("NGN-"),
                Figure::Nagano => cites("NGN-"),
                Figure::SelfPay => *i == last,
            }
        })
        .map(|(_, step)| step)
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Figure {
    Total,
    National,
    Nagano,
    SelfPay,
}

/// Every figure, expandable into the steps that produced it.
fn figure_steps(sim: &Simulation) -> Html {
    let mut figures = vec![(Figure::Total, "費用の総額", sim.total_fee, "why-total")];
    if let Some(n) = sim.subsidies.national {
        figures.push((Figure::National, "国の謝金", n, "why-national"));
    }
    if let Some(n) = sim.subsidies.nagano {
        figures.push((Figure::Nagano, "長野県の補助", n, "why-nagano"));
    }
    figures.push((Figure::SelfPay, "自己負担", sim.self_pay, "why-self-pay"));
    html! {
        <div class="figure-steps">
            for (figure, label, amount, id) in figures {
                <details class="why" id={id}>
                    <summary>{format!("{label} {} の求め方", money(amount))}</summary>
                    <ol class="steps">
                        for step in steps_for(sim, figure) {
                            <li>
                                <span class="step-text">{step.text.clone()}</span>
                                {rule_tags(&step.rules)}
                            </li>
                        }
                    </ol>
                </details>
            }
        </div>
    }
}

fn warnings(sim: &Simulation) -> Html {
    if sim.warnings.is_empty() {
        return Html::default();
    }
    html! {
        <section class="warnings" id="warnings" aria-labelledby="warnings-title">
            <h3 id="warnings-title">{"ご確認ください"}</h3>
            <ul>
                for warning in &sim.warnings {
                    <li>{warning.message.clone()}</li>
                }
            </ul>
        </section>
    }
}

fn segments(sim: &Simulation) -> Html {
    let national = sim.subsidies.national.is_some();
    let nagano = sim.subsidies.nagano.is_some();
    let row = |seg: &Segment| {
        html! {
            <tr>
                <th scope="row">{format!("{}〜{}", hours(seg.from, locale()), hours(seg.to, locale()))}</th>
                if national {
                    <td class="money">{money(seg.national_per_hour)}</td>
                }
                if nagano {
                    <td class="money">{money(seg.nagano_per_hour)}</td>
                }
                <td class="money">{money(seg.self_pay_per_hour)}</td>
            </tr>
        }
    };
    html! {
        <section class="segments-section" aria-labelledby="segments-title">
            <h3 id="segments-title">{"時間ごとの内訳"}</h3>
            <div class="table-wrap">
                <table id="segments" class="segments">
                    <caption>
                        {"1時間あたりの金額を、時間の範囲ごとに示します。補助の上限や対象の時間に達すると、その時間から金額が変わります。"}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{"時間の範囲"}</th>
                            if national {
                                <th scope="col">{"国"}</th>
                            }
                            if nagano {
                                <th scope="col">{"長野県"}</th>
                            }
                            <th scope="col">{"自己負担"}</th>
                        </tr>
                    </thead>
                    <tbody>
                        for seg in &sim.segments {
                            {row(seg)}
                        }
                    </tbody>
                </table>
            </div>
            <Timeline sim={sim.clone()} />
        </section>
    }
}

fn explanation(sim: &Simulation) -> Html {
    html! {
        <section id="explanation" class="explanation" aria-labelledby="explanation-title">
            <h3 id="explanation-title">{"なぜ？"}</h3>
            <ol class="steps">
                for step in &sim.explanation {
                    <li>
                        <span class="step-text">{step.text.clone()}</span>
                        {rule_tags(&step.rules)}
                    </li>
                }
            </ol>
            <p class="rules-link no-print">
                <Link to={Route::Rules} id="rules-link">
                    {"すべてのルール（番号・内容・出典）と金額・日付の改定履歴を見る"}
                </Link>
            </p>
            <p class="rules-link no-print">
                <Link to={Route::Plan} id="plan-link">
                    {"この条件で計画書（支援計画書・事業計画書）をつくる"}
                </Link>
            </p>
        </section>
    }
}

/// Rule ids (`NAT-1`, `NGN-3`, …) as small tags.
fn rule_tags(rules: &[&'static str]) -> Html {
    html! {
        <span class="rule-tags">
            <span class="visually-hidden">{"根拠のルール："}</span>
            for rule in rules {
                <span class="rule-tag">{*rule}</span>
            }
        </span>
    }
}
