//! How much of each cap the plan uses (NAT-3, NAT-4, NGN-3), and the hours as a timeline of
//! segments. Figures from `ouen_rules::whatif::usage` and the simulation's segments.

use crate::chart::{f, stack};
use crate::i18n::locale;
use ouen_rules::format::{hours, yen};
use ouen_rules::whatif::{Meter, Usage};
use ouen_rules::Simulation;
use rust_decimal::Decimal;
use yew::prelude::*;

const W: f64 = 300.0;

fn meter(id: &str, title: &str, m: &Meter, fmt: fn(Decimal) -> String) -> Html {
    let parts = stack(&[f(m.before), f(m.this_plan)], f(m.cap), W);
    let text = format!(
        "上限 {}：これまでに {}、この計画で {}、残り {}",
        fmt(m.cap),
        fmt(m.before),
        fmt(m.this_plan),
        fmt(m.remaining)
    );
    html! {
        <li class="meter" id={id.to_string()}>
            <p class="meter-title">
                {title.to_string()}{" "}<span class="rule-tag">{m.rule}</span>
            </p>
            <svg class="meter-bar" viewBox="0 0 300 18" preserveAspectRatio="none" role="img" aria-label={text.clone()}>
                <rect x="0" y="0" width="300" height="18" class="meter-track" />
                <rect x={format!("{:.1}", parts[0].0)} y="0" width={format!("{:.1}", parts[0].1)} height="18" class="fill-before" />
                <rect x={format!("{:.1}", parts[1].0)} y="0" width={format!("{:.1}", parts[1].1)} height="18" class="fill-plan" />
            </svg>
            <p class="meter-text">
                <span class="key key-before" aria-hidden="true"></span>{format!("これまで {}", fmt(m.before))}
                {"　"}<span class="key key-plan" aria-hidden="true"></span>{format!("この計画 {}", fmt(m.this_plan))}
                {"　"}<strong>{format!("残り {}", fmt(m.remaining))}</strong>
                {format!("（上限 {}）", fmt(m.cap))}
            </p>
        </li>
    }
}

fn money(d: Decimal) -> String {
    yen(d, locale())
}

fn hrs(d: Decimal) -> String {
    hours(d, locale())
}

#[derive(Properties, PartialEq)]
pub struct MetersProps {
    pub usage: Usage,
}

#[component]
pub fn Meters(props: &MetersProps) -> Html {
    let u = &props.usage;
    if u.sme.is_none() && u.nagano_hours.is_none() {
        return Html::default();
    }
    html! {
        <section class="meters-section" aria-labelledby="meters-title">
            <h3 id="meters-title">{"上限のうち、どれだけ使うか"}</h3>
            <ul class="meters">
                if let Some(m) = &u.sme {
                    {meter("meter-sme", "国の謝金（中小企業1社あたり）", m, money)}
                }
                if let Some(m) = &u.expert {
                    {meter("meter-expert", "国の謝金（IT専門家1人あたり）", m, money)}
                }
                if let Some(m) = &u.nagano_hours {
                    {meter("meter-nagano", "長野県の補助の対象時間", m, hrs)}
                }
            </ul>
        </section>
    }
}

/// What each stretch of hours is, in words (for the timeline's labels and text).
fn segment_kind(national: bool, nagano: bool) -> (&'static str, &'static str) {
    match (national, nagano) {
        (true, true) => ("国＋長野県", "fill-both"),
        (true, false) => ("国", "fill-national"),
        (false, true) => ("長野県", "fill-nagano"),
        (false, false) => ("補助なし", "fill-self"),
    }
}

/// The plan's hours from 0 to the end, cut where a cap runs out or Nagano's hours end.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let sim = &props.sim;
    let Some(last) = sim.segments.last() else {
        return Html::default();
    };
    let total = f(last.to);
    let lens: Vec<f64> = sim.segments.iter().map(|s| f(s.to - s.from)).collect();
    let parts = stack(&lens, total, 400.0);
    let description = sim
        .segments
        .iter()
        .map(|s| {
            let (kind, _) =
                segment_kind(!s.national_per_hour.is_zero(), !s.nagano_per_hour.is_zero());
            format!("{}〜{}：{}", hrs(s.from), hrs(s.to), kind)
        })
        .collect::<Vec<_>>()
        .join("、");
    html! {
        <figure class="timeline" id="timeline">
            <svg viewBox="0 0 400 56" role="img" aria-label={format!("時間の流れ：{description}")}>
                for (i, s) in sim.segments.iter().enumerate() {
                    {{
                        let (kind, class) =
                            segment_kind(!s.national_per_hour.is_zero(), !s.nagano_per_hour.is_zero());
                        let (x, w) = parts[i];
                        html! {
                            <g>
                                <rect x={format!("{x:.1}")} y="0" width={format!("{w:.1}")} height="30" class={class} />
                                if w > 70.0 {
                                    <text x={format!("{:.1}", x + 4.0)} y="20" class="bar-label">{kind}</text>
                                }
                                <text x={format!("{x:.1}")} y="50" class="axis-label">{hrs(s.from)}</text>
                            </g>
                        }
                    }}
                }
                <text x="400" y="50" text-anchor="end" class="axis-label">{hrs(last.to)}</text>
            </svg>
            <figcaption>{format!("時間の流れ：{description}")}</figcaption>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub sim: Simulation,
}
