//! What-if: the three modes side by side for the same inputs (a stacked bar chart), and
//! self-pay per hour across hourly rates with the bends marked. Both are SVG drawn here, each
//! with a table beside it; every figure comes from `ouen_rules`.

use crate::chart::{f, nice_step, polyline, short_yen, stack, ticks, Scale};
use crate::form::Mode;
use crate::i18n::locale;
use crate::state::Outcome;
use ouen_rules::format::yen;
use ouen_rules::whatif::{kinks, rate_curve, Kink};
use ouen_rules::Date;
use rust_decimal::Decimal;
use yew::prelude::*;

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
        .map(|(m, s)| format!("{}：自己負担 {}", m.label(), money(s.self_pay)))
        .collect::<Vec<_>>()
        .join("、");
    html! {
        <section class="panel whatif" id="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{"制度の使い方で比べる"}</h2>
            <p class="hint">{"同じ時間単価・時間で、3つの使い方を並べました。自己負担（いちばん右）が短いほど、負担が軽くなります。"}</p>
            <figure class="chart">
                <svg viewBox={format!("0 0 400 {height}")} role="img" aria-label={format!("使い方ごとの内訳の棒グラフ。{description}")}>
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
                            let names = ["国", "長野県", "自己負担"];
                            html! {
                                <g class={classes!((*mode == props.current).then_some("current"))}>
                                    <text x="0" y={format!("{:.1}", y - 6.0)} class="row-label">
                                        {format!(
                                            "{}{}　自己負担 {}",
                                            mode.label(),
                                            if *mode == props.current { "（選択中）" } else { "" },
                                            money(sim.self_pay)
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
                    <span class="key fill-national-key" aria-hidden="true"></span>{"国の謝金　"}
                    <span class="key fill-nagano-key" aria-hidden="true"></span>{"長野県の補助　"}
                    <span class="key fill-self-key" aria-hidden="true"></span>{"自己負担"}
                </figcaption>
            </figure>
            <div class="table-wrap">
                <table class="data" id="compare-table">
                    <caption>{"使い方ごとの内訳（同じ入力）"}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{"使い方"}</th>
                            <th scope="col">{"国"}</th>
                            <th scope="col">{"長野県"}</th>
                            <th scope="col">{"自己負担"}</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (mode, sim) in &sims {
                            <tr id={format!("compare-{}", mode.value())} class={classes!((*mode == props.current).then_some("current"))}>
                                <th scope="row">
                                    {mode.label()}
                                    if *mode == props.current {
                                        <span class="tag">{"選択中"}</span>
                                    }
                                </th>
                                <td>{sim.subsidies.national.map(money).unwrap_or_else(|| "—".into())}</td>
                                <td>{sim.subsidies.nagano.map(money).unwrap_or_else(|| "—".into())}</td>
                                <td class="self-pay-cell">
                                    {money(sim.self_pay)}
                                    if Some(sim.self_pay) == best {
                                        <span class="tag">{"最も軽い"}</span>
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

/// Self-pay per hour across hourly rates, one line per mode, bends marked.
#[component]
pub fn RateChart(props: &RateChartProps) -> Html {
    let as_of = props.as_of;
    let curves: Vec<Curve> = Mode::ALL
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
        .collect();
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
            format!(
                "{}は時間単価{}まで1時間{}、それを超えると単価とともに増えます",
                m.label(),
                money(ks[1].rate),
                money(ks[1].self_pay_per_hour)
            )
        })
        .collect::<Vec<_>>()
        .join("。");
    html! {
        <section class="panel whatif" id="rate-chart" aria-labelledby="rate-title">
            <h2 id="rate-title">{"時間単価が変わると、1時間あたりの自己負担は？"}</h2>
            <p class="hint">
                {"補助には1時間あたりの上限があるため、ある単価を超えると自己負担が増え始めます。折れ曲がる点に印をつけました。"}
            </p>
            <figure class="chart">
                <svg viewBox="0 0 480 296" role="img" aria-label={format!("1時間あたりの自己負担の折れ線グラフ。{description}。")}>
                    for t in y_ticks.iter() {
                        <line x1={format!("{left}")} x2={format!("{right}")} y1={format!("{:.1}", y.at(*t))} y2={format!("{:.1}", y.at(*t))} class="grid" />
                        <text x={format!("{}", left - 6.0)} y={format!("{:.1}", y.at(*t) + 5.0)} text-anchor="end" class="axis-label">{short_yen(*t)}</text>
                    }
                    for t in x_ticks.iter().filter(|t| **t >= RATE_MIN as f64) {
                        <text x={format!("{:.1}", x.at(*t))} y={format!("{}", bottom + 20.0)} text-anchor="middle" class="axis-label">{short_yen(*t)}</text>
                    }
                    <text x={format!("{right}")} y="292" text-anchor="end" class="axis-label">{"時間単価（円）"}</text>
                    if let Some(r) = props.rate.map(f).filter(|r| (RATE_MIN as f64..=RATE_MAX as f64).contains(r)) {
                        <line x1={format!("{:.1}", x.at(r))} x2={format!("{:.1}", x.at(r))} y1={format!("{top}")} y2={format!("{bottom}")} class="current-rate" />
                        <text x={format!("{:.1}", x.at(r) + 4.0)} y={format!("{}", top + 12.0)} class="axis-label">{"いまの単価"}</text>
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
                    <span class="key line-national-key" aria-hidden="true"></span>{"国の制度のみ（実線）　"}
                    <span class="key line-combined-key" aria-hidden="true"></span>{"国＋長野県（破線）　"}
                    <span class="key line-nagano-key" aria-hidden="true"></span>{"長野県のみ（点線）"}
                </figcaption>
            </figure>
            <ul class="kinks" id="kinks">
                for (m, _, ks) in curves.iter() {
                    <li>
                        <strong>{m.label()}</strong>{"："}
                        {format!(
                            "時間単価{}までは1時間{}の負担。それを超えた分は全額自己負担になります。",
                            money(ks[1].rate),
                            money(ks[1].self_pay_per_hour)
                        )}
                        for r in ks[1].rules.iter() {
                            {" "}<span class="rule-tag">{*r}</span>
                        }
                    </li>
                }
            </ul>
            <div class="table-wrap">
                <table class="data" id="rate-table">
                    <caption>{"時間単価ごとの1時間あたりの自己負担（補助の対象になる時間）"}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{"時間単価"}</th>
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
