//! What-if: the three modes side by side for the same inputs (a stacked bar chart), and
//! self-pay per hour across hourly rates with the bends marked. Both are SVG drawn here, each
//! with a table beside it; every figure comes from `ouen_rules`.

// Drawn in the browser only, by the `whatif` island (`crate::island`).
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::chart::{f, list_sep, nice_step, polyline, short_yen, space, stack, ticks, Scale};
use crate::form::Mode;
use crate::i18n::{locale, m, t};
use crate::state::Outcome;
use crate::tf;
use ouen_rules::format::yen;
use ouen_rules::whatif::{kinks, rate_curve, Kink};
use ouen_rules::Date;
use rust_decimal::Decimal;
use yew::prelude::*;

/// Between the entries of a legend (an ideographic space, as wide as a character).
const GAP: &str = "\u{3000}";

fn money(d: Decimal) -> String {
    yen(d, locale())
}

fn line_class(mode: Mode) -> &'static str {
    match mode {
        Mode::National => "line-national",
        Mode::Combined => "line-combined",
        Mode::Nagano => "line-nagano",
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The same inputs under each mode.
    pub rows: Vec<(Mode, Outcome)>,
    pub current: Mode,
}

/// The three modes as stacked bars: national / Nagano / self-pay.
#[component]
pub fn CompareChart(props: &CompareProps) -> Html {
    let sims: Vec<_> = props
        .rows
        .iter()
        .filter_map(|(m, o)| o.as_ref().ok().map(|s| (*m, s)))
        .collect();
    if sims.is_empty() {
        return Html::default();
    }
    let total = sims.iter().map(|(_, s)| f(s.total_fee)).fold(0.0, f64::max);
    let (width, row) = (400.0, 64.0);
    let height = row * sims.len() as f64 + 4.0;
    let best = sims.iter().map(|(_, s)| s.self_pay).min();
    let description = sims
        .iter()
        .map(|(m, s)| {
            tf!(
                m::SIM_COMPARE_PART,
                mode = m.label(),
                amount = money(s.self_pay)
            )
        })
        .collect::<Vec<_>>()
        .join(list_sep());
    html! {
        <section class="panel whatif" id="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{t(m::SIM_COMPARE_TITLE)}</h2>
            <p class="hint">{t(m::SIM_COMPARE_HINT)}</p>
            <figure class="chart">
                <svg viewBox={format!("0 0 400 {height}")} role="img" aria-label={tf!(m::SIM_COMPARE_ARIA, description = description)}>
                    for (i, (mode, sim)) in sims.iter().enumerate() {
                        {{
                            let y = 26.0 + i as f64 * row;
                            let parts = stack(
                                &[
                                    f(sim.subsidies.national.unwrap_or_default()),
                                    f(sim.subsidies.nagano.unwrap_or_default()),
                                    f(sim.self_pay),
                                ],
                                total,
                                width,
                            );
                            let classes = ["fill-national", "fill-nagano", "fill-self"];
                            let names = [t(m::SIM_NATIONAL), t(m::SIM_NAGANO), t(m::SIM_SELF_PAY)];
                            html! {
                                <g class={classes!((*mode == props.current).then_some("current"))}>
                                    <text x="0" y={format!("{:.1}", y - 6.0)} class="row-label">
                                        {tf!(
                                            m::SIM_COMPARE_ROW,
                                            mode = mode.label(),
                                            current = if *mode == props.current { t(m::SIM_CURRENT_PAREN) } else { "" },
                                            amount = money(sim.self_pay)
                                        )}
                                    </text>
                                    for (j, (x, w)) in parts.iter().enumerate() {
                                        <rect x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{w:.1}")} height="30" class={classes[j]} />
                                        if *w > 70.0 {
                                            <text x={format!("{:.1}", x + 6.0)} y={format!("{:.1}", y + 20.0)} class="bar-label">{names[j]}</text>
                                        }
                                    }
                                </g>
                            }
                        }}
                    }
                </svg>
                <figcaption class="legend">
                    <span class="key fill-national-key" aria-hidden="true"></span>{t(m::SIM_NATIONAL_HONORARIUM)}{GAP}
                    <span class="key fill-nagano-key" aria-hidden="true"></span>{t(m::SIM_NAGANO_SUBSIDY)}{GAP}
                    <span class="key fill-self-key" aria-hidden="true"></span>{t(m::SIM_SELF_PAY)}
                </figcaption>
            </figure>
            <div class="table-wrap">
                <table class="data" id="compare-table">
                    <caption>{t(m::SIM_COMPARE_CAPTION)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(m::SIM_OPTION)}</th>
                            <th scope="col">{t(m::SIM_NATIONAL)}</th>
                            <th scope="col">{t(m::SIM_NAGANO)}</th>
                            <th scope="col">{t(m::SIM_SELF_PAY)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (mode, sim) in &sims {
                            <tr id={format!("compare-{}", mode.value())} class={classes!((*mode == props.current).then_some("current"))}>
                                <th scope="row">
                                    {mode.label()}
                                    if *mode == props.current {
                                        <span class="tag">{t(m::SIM_SELECTED)}</span>
                                    }
                                </th>
                                <td>{sim.subsidies.national.map(money).unwrap_or_else(|| "—".into())}</td>
                                <td>{sim.subsidies.nagano.map(money).unwrap_or_else(|| "—".into())}</td>
                                <td class="self-pay-cell">
                                    {money(sim.self_pay)}
                                    if Some(sim.self_pay) == best {
                                        <span class="tag">{t(m::SIM_LOWEST)}</span>
                                    }
                                </td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RateChartProps {
    pub as_of: Option<Date>,
    /// The hourly rate of the plan, if it is a valid number.
    pub rate: Option<Decimal>,
    pub current: Mode,
}

/// One mode's line: its points (rate, self-pay per hour) and its bends.
type Curve = (Mode, Vec<(f64, f64)>, Vec<Kink>);

const RATE_MIN: i64 = 500;
const RATE_MAX: i64 = 12_000;
/// Rates in the table beside the chart.
const TABLE_RATES: [i64; 7] = [3_000, 4_000, 5_000, 6_000, 8_250, 10_000, 12_000];

/// Every mode's curve of self-pay per hour across rates, on a date.
fn curves_on(as_of: Option<Date>) -> Vec<Curve> {
    Mode::ALL
        .iter()
        .map(|&m| {
            let s = m.schemes_flags();
            let mut rates: Vec<Decimal> = (RATE_MIN..=RATE_MAX)
                .step_by(250)
                .map(Decimal::from)
                .collect();
            let ks = kinks(s, as_of);
            rates.extend(ks.iter().map(|k| k.rate));
            rates.sort();
            rates.dedup();
            let pts = rate_curve(s, as_of, &rates)
                .iter()
                .map(|p| (f(p.rate), f(p.self_pay_per_hour)))
                .collect();
            (m, pts, ks)
        })
        .collect()
}

/// Self-pay per hour across hourly rates, one line per mode, bends marked.
#[component]
pub fn RateChart(props: &RateChartProps) -> Html {
    let as_of = props.as_of;
    // The curves depend on the date only: the plan's rate just moves its marker.
    let curves = use_memo(as_of, |&as_of| curves_on(as_of));
    let curves: &Vec<Curve> = &curves;
    let y_max = curves
        .iter()
        .flat_map(|(_, pts, _)| pts.iter().map(|p| p.1))
        .fold(0.0, f64::max);
    let (left, right, top, bottom) = (56.0, 450.0, 24.0, 250.0);
    let x = Scale::new((RATE_MIN as f64, RATE_MAX as f64), (left, right));
    let y = Scale::new((0.0, y_max), (bottom, top));
    let y_ticks = ticks(y_max, nice_step(y_max, 5));
    let x_ticks = ticks(RATE_MAX as f64, 2_000.0);
    let table: Vec<(i64, Vec<Decimal>)> = TABLE_RATES
        .iter()
        .map(|&r| {
            let per_mode = Mode::ALL
                .iter()
                .map(|m| {
                    rate_curve(m.schemes_flags(), as_of, &[Decimal::from(r)])[0].self_pay_per_hour
                })
                .collect();
            (r, per_mode)
        })
        .collect();
    let description = curves
        .iter()
        .map(|(m, _, ks)| {
            tf!(
                m::SIM_RATE_PART,
                mode = m.label(),
                rate = money(ks[1].rate),
                pay = money(ks[1].self_pay_per_hour)
            )
        })
        .collect::<Vec<_>>()
        .join(space());
    html! {
        <section class="panel whatif" id="rate-chart" aria-labelledby="rate-title">
            <h2 id="rate-title">{t(m::SIM_RATE_TITLE)}</h2>
            <p class="hint">{t(m::SIM_RATE_CHART_HINT)}</p>
            <figure class="chart">
                <svg viewBox="0 0 480 296" role="img" aria-label={tf!(m::SIM_RATE_ARIA, description = description)}>
                    for t in y_ticks.iter() {
                        <line x1={format!("{left}")} x2={format!("{right}")} y1={format!("{:.1}", y.at(*t))} y2={format!("{:.1}", y.at(*t))} class="grid" />
                        <text x={format!("{}", left - 6.0)} y={format!("{:.1}", y.at(*t) + 5.0)} text-anchor="end" class="axis-label">{short_yen(*t)}</text>
                    }
                    for t in x_ticks.iter().filter(|t| **t >= RATE_MIN as f64) {
                        <text x={format!("{:.1}", x.at(*t))} y={format!("{}", bottom + 20.0)} text-anchor="middle" class="axis-label">{short_yen(*t)}</text>
                    }
                    <text x={format!("{right}")} y="292" text-anchor="end" class="axis-label">{t(m::SIM_AXIS_RATE)}</text>
                    if let Some(r) = props.rate.map(f).filter(|r| (RATE_MIN as f64..=RATE_MAX as f64).contains(r)) {
                        <line x1={format!("{:.1}", x.at(r))} x2={format!("{:.1}", x.at(r))} y1={format!("{top}")} y2={format!("{bottom}")} class="current-rate" />
                        <text x={format!("{:.1}", x.at(r) + 4.0)} y={format!("{}", top + 12.0)} class="axis-label">{t(m::SIM_CURRENT_RATE)}</text>
                    }
                    for (m, pts, ks) in curves.iter() {
                        <polyline points={polyline(pts, &x, &y)} class={classes!("line", line_class(*m), (*m == props.current).then_some("current"))} />
                        {{
                            let k = ks[1];
                            let (kx, ky) = (x.at(f(k.rate)), y.at(f(k.self_pay_per_hour)));
                            // Nagano-only bends close to the national one: label it below.
                            let dy = if *m == Mode::Nagano { 24.0 } else { -10.0 };
                            html! {
                                <g class="kink">
                                    <circle cx={format!("{kx:.1}")} cy={format!("{ky:.1}")} r="5" class={line_class(*m)} />
                                    <text x={format!("{kx:.1}")} y={format!("{:.1}", ky + dy)} text-anchor="middle" class="kink-label">{short_yen(f(k.rate))}</text>
                                </g>
                            }
                        }}
                    }
                </svg>
                <figcaption class="legend">
                    <span class="key line-national-key" aria-hidden="true"></span>{t(m::SIM_LEGEND_NATIONAL)}{GAP}
                    <span class="key line-combined-key" aria-hidden="true"></span>{t(m::SIM_LEGEND_COMBINED)}{GAP}
                    <span class="key line-nagano-key" aria-hidden="true"></span>{t(m::SIM_LEGEND_NAGANO)}
                </figcaption>
            </figure>
            <ul class="kinks" id="kinks">
                for (m, _, ks) in curves.iter() {
                    <li>
                        <strong>{m.label()}</strong>{t(m::SIM_COLON)}{space()}
                        {tf!(
                            m::SIM_KINK,
                            rate = money(ks[1].rate),
                            pay = money(ks[1].self_pay_per_hour)
                        )}
                        for r in ks[1].rules.iter() {
                            {" "}<span class="rule-tag">{*r}</span>
                        }
                    </li>
                }
            </ul>
            <div class="table-wrap">
                <table class="data" id="rate-table">
                    <caption>{t(m::SIM_RATE_CAPTION)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(m::SIM_RATE)}</th>
                            for m in Mode::ALL {
                                <th scope="col">{m.label()}</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        for (r, per_mode) in &table {
                            <tr>
                                <th scope="row">{money(Decimal::from(*r))}</th>
                                for v in per_mode {
                                    <td>{money(*v)}</td>
                                }
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The island's name (`src/bin/whatif.rs`, see `crate::island`).
pub const ISLAND: &str = "whatif";
/// The host's attribute that carries the simulator's form (as its link fragment,
/// `crate::share`); the page rewrites it at every change.
pub const INPUT_ATTR: &str = "data-input";

/// The host the simulator page renders for the charts: empty (the charts are an island,
/// fetched when the host comes near the screen), with the form in [`INPUT_ATTR`].
#[derive(Properties, PartialEq)]
pub struct SlotProps {
    /// The form, as `share::encode` writes it.
    pub input: AttrValue,
}

///
/// The prerendered page holds the charts of the form it starts with (see
/// `crate::island::prerendered`), so they read without JavaScript; the page drawn in the
/// browser leaves the host empty for the island.
#[component]
pub fn WhatIfSlot(props: &SlotProps) -> Html {
    use_effect_with((), |_| crate::island::open_when_visible(ISLAND));
    let prerendered = crate::island::prerendered(ISLAND);
    html! {
        <div id={crate::island::slot_id(ISLAND)} class="whatif-slot" data-input={props.input.clone()}>
            // Raw HTML only in the prerendered page: in the browser the host is empty, and
            // nothing is set through `innerHTML` (the CSP requires Trusted Types).
            if !prerendered.is_empty() {
                {Html::from_html_unchecked(prerendered)}
            }
        </div>
    }
}

/// The charts (the island's root): they follow the host's [`INPUT_ATTR`] a moment after it
/// changes, so a keystroke paints its result before the charts redraw.
#[component]
pub fn WhatIf() -> Html {
    let input = use_state_eq(host_input);
    #[cfg(target_arch = "wasm32")]
    {
        let input = input.setter();
        use_effect_with((), move |_| {
            crate::island::watch_host(ISLAND, &[INPUT_ATTR], move || input.set(host_input()))
        });
    }
    let today = crate::clock::today();
    let later = crate::defer::use_deferred(((*input).clone(), today));
    let form = use_memo(later.clone(), |(s, _)| {
        crate::share::decode(s).ok().flatten().unwrap_or_default()
    });
    let compare = use_memo(later.clone(), |(_, today)| {
        Mode::ALL
            .iter()
            .map(|&m| {
                (
                    m,
                    ouen_rules::simulate_raw(&form.with_mode(m).to_raw_on(*today), locale()),
                )
            })
            .collect::<Vec<_>>()
    });
    let input = form.to_raw_on(later.1).validate().ok();
    let valid = compare.iter().any(|(m, o)| *m == form.mode && o.is_ok());
    match input {
        Some(i) if valid => html! {
            <>
                <CompareChart rows={(*compare).clone()} current={form.mode} />
                <RateChart as_of={i.as_of} rate={Some(i.rate)} current={form.mode} />
            </>
        },
        _ => Html::default(),
    }
}

/// The host's form as it is now.
fn host_input() -> String {
    crate::island::host_attr(ISLAND, INPUT_ATTR)
}
