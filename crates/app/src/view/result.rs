//! The result: the self-pay in one large line, then the breakdown, warnings, the hour
//! segments, and "なぜ？" with the rule ids. All figures and sentences come from the rules core.

use crate::defer::Later;
use crate::form::Mode;
use crate::i18n::{locale, m, t};
use crate::route::{Link, Route};
use crate::state::Outcome;
use crate::tf;
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
                {t(m::SIM_RESULT_TITLE)}
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
                <p class="headline notice" id="result-notice">{t(m::SIM_CHECK_INPUT)}</p>
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
                    <span class="headline-label">{t(m::SIM_SELF_PAY)}</span>
                    <span id="self-pay" class="money headline-amount">{money(sim.self_pay)}</span>
                    if estimate {
                        <span class="estimate-badge">{t(m::SIM_ESTIMATE)}</span>
                    }
                </p>
            </div>
            if let Some(d) = sim.as_of {
                <p class="as-of-line" id="result-as-of">
                    {tf!(m::SIM_AS_OF_LINE, date = d.format(locale()))}
                </p>
            }
            if estimate {
                <p class="estimate-note">
                    {t(m::SIM_ESTIMATE_NOTE)}
                    {rule_tags(&sim.interpretations)}
                </p>
            }
            {breakdown(sim)}
            // The figures' steps (folded) and what follows the warnings are drawn a task after
            // the figures on the first visit (`defer::Later`).
            <Later name="why">{figure_steps(sim)}</Later>
            {warnings(sim)}
            <Later name="working">
                if let Some(u) = usage {
                    <Meters usage={*u} />
                }
                {segments(sim)}
                {explanation(sim)}
                <p class="result-stamp" id="result-stamp">
                    {tf!(
                        m::SIM_RESULT_STAMP,
                        version = sim.ruleset.version,
                        hash = sim.ruleset.hash,
                        date = sim.as_of.map(|d| d.format(locale())).unwrap_or_else(|| t(m::SIM_NO_DATE).into())
                    )}
                </p>
            </Later>
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
                <dt>{t(m::SIM_TOTAL_FEE)}</dt>
                <dd><span id="total-fee" class="money">{money(sim.total_fee)}</span></dd>
            </div>
            if let Some(amount) = sim.subsidies.national {
                {subsidy(t(m::SIM_NATIONAL_HONORARIUM), "subsidy-national", amount)}
            }
            if let Some(amount) = sim.subsidies.nagano {
                {subsidy(t(m::SIM_NAGANO_SUBSIDY), "subsidy-nagano", amount)}
            }
            <div class="breakdown-row total">
                <dt>{t(m::SIM_SELF_PAY)}</dt>
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
    let mut figures = vec![(
        Figure::Total,
        t(m::SIM_TOTAL_FEE),
        sim.total_fee,
        "why-total",
    )];
    if let Some(n) = sim.subsidies.national {
        figures.push((
            Figure::National,
            t(m::SIM_NATIONAL_HONORARIUM),
            n,
            "why-national",
        ));
    }
    if let Some(n) = sim.subsidies.nagano {
        figures.push((Figure::Nagano, t(m::SIM_NAGANO_SUBSIDY), n, "why-nagano"));
    }
    figures.push((
        Figure::SelfPay,
        t(m::SIM_SELF_PAY),
        sim.self_pay,
        "why-self-pay",
    ));
    html! {
        <div class="figure-steps">
            for (figure, label, amount, id) in figures {
                <details class="why" id={id}>
                    <summary>{tf!(m::SIM_HOW_FIGURE, label = label, amount = money(amount))}</summary>
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
            <h3 id="warnings-title">{t(m::SIM_WARNINGS_TITLE)}</h3>
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
                <th scope="row">{tf!(m::SIM_RANGE, from = hours(seg.from, locale()), to = hours(seg.to, locale()))}</th>
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
            <h3 id="segments-title">{t(m::SIM_SEGMENTS_TITLE)}</h3>
            <div class="table-wrap">
                <table id="segments" class="segments">
                    <caption>{t(m::SIM_SEGMENTS_CAPTION)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(m::SIM_HOUR_RANGE)}</th>
                            if national {
                                <th scope="col">{t(m::SIM_NATIONAL)}</th>
                            }
                            if nagano {
                                <th scope="col">{t(m::SIM_NAGANO)}</th>
                            }
                            <th scope="col">{t(m::SIM_SELF_PAY)}</th>
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
            <h3 id="explanation-title">{t(m::SIM_WHY)}</h3>
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
                    {t(m::SIM_RULES_LINK)}
                </Link>
            </p>
            <p class="rules-link no-print">
                <Link to={Route::Plan} id="plan-link">
                    {t(m::SIM_PLAN_LINK)}
                </Link>
            </p>
        </section>
    }
}

/// Rule ids (`NAT-1`, `NGN-3`, …) as small tags.
fn rule_tags(rules: &[&'static str]) -> Html {
    html! {
        <span class="rule-tags">
            <span class="visually-hidden">{t(m::SIM_RULE_TAGS)}</span>
            for rule in rules {
                <span class="rule-tag">{*rule}</span>
            }
        </span>
    }
}
