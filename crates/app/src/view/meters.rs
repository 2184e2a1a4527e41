//! How much of each cap the plan uses (NAT-3, NAT-4, NGN-3), and the hours as a timeline of
//! segments. Figures from `ouen_rules::whatif::usage` and the simulation's segments.

use crate::chart::{f, list_sep, n1, stack};
use crate::i18n::{locale, m, t};
use crate::tf;
use ouen_rules::format::{hours, yen};
use ouen_rules::whatif::{Meter, Usage};
use ouen_rules::Simulation;
use rust_decimal::Decimal;
use yew::prelude::*;

const W: f64 = 300.0;

fn meter(id: &str, title: &str, m: &Meter, fmt: fn(Decimal) -> String) -> Html {
    let parts = stack(&[f(m.before), f(m.this_plan)], f(m.cap), W);
    let text = tf!(
        m::SIM_METER_ARIA,
        cap = fmt(m.cap),
        before = fmt(m.before),
        plan = fmt(m.this_plan),
        left = fmt(m.remaining)
    );
    html! {
        <li class="meter" id={id.to_string()}>
            <p class="meter-title">
                {title.to_string()}{" "}<span class="rule-tag">{m.rule}</span>
            </p>
            <svg class="meter-bar" viewBox="0 0 300 18" preserveAspectRatio="none" role="img" aria-label={text.clone()}>
                <rect x="0" y="0" width="300" height="18" class="meter-track" />
                <rect x={n1(parts[0].0)} y="0" width={n1(parts[0].1)} height="18" class="fill-before" />
                <rect x={n1(parts[1].0)} y="0" width={n1(parts[1].1)} height="18" class="fill-plan" />
            </svg>
            <p class="meter-text">
                <span class="key key-before" aria-hidden="true"></span>{tf!(m::SIM_METER_BEFORE, v = fmt(m.before))}
                {"\u{3000}"}<span class="key key-plan" aria-hidden="true"></span>{tf!(m::SIM_METER_PLAN, v = fmt(m.this_plan))}
                {"\u{3000}"}<strong>{tf!(m::SIM_METER_LEFT, v = fmt(m.remaining))}</strong>
                {tf!(m::SIM_METER_CAP, v = fmt(m.cap))}
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
            <h3 id="meters-title">{t(m::SIM_METERS_TITLE)}</h3>
            <ul class="meters">
                if let Some(m) = &u.sme {
                    {meter("meter-sme", t(m::SIM_METER_SME), m, money)}
                }
                if let Some(m) = &u.expert {
                    {meter("meter-expert", t(m::SIM_METER_EXPERT), m, money)}
                }
                if let Some(m) = &u.nagano_hours {
                    {meter("meter-nagano", t(m::SIM_METER_NAGANO), m, hrs)}
                }
            </ul>
        </section>
    }
}

/// What each stretch of hours is, in words (for the timeline's labels and text).
fn segment_kind(national: bool, nagano: bool) -> (&'static str, &'static str) {
    match (national, nagano) {
        (true, true) => (t(m::SIM_SEGMENT_BOTH), "fill-both"),
        (true, false) => (t(m::SIM_NATIONAL), "fill-national"),
        (false, true) => (t(m::SIM_NAGANO), "fill-nagano"),
        (false, false) => (t(m::SIM_SEGMENT_NONE), "fill-self"),
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
            tf!(
                m::SIM_TIMELINE_PART,
                from = hrs(s.from),
                to = hrs(s.to),
                kind = kind
            )
        })
        .collect::<Vec<_>>()
        .join(list_sep());
    let description = tf!(m::SIM_TIMELINE, description = description);
    html! {
        <figure class="timeline" id="timeline">
            <svg viewBox="0 0 400 56" role="img" aria-label={description.clone()}>
                for (i, s) in sim.segments.iter().enumerate() {
                    {{
                        let (kind, class) =
                            segment_kind(!s.national_per_hour.is_zero(), !s.nagano_per_hour.is_zero());
                        let (x, w) = parts[i];
                        html! {
                            <g>
                                <rect x={n1(x)} y="0" width={n1(w)} height="30" class={class} />
                                if w > 70.0 {
                                    <text x={n1(x + 4.0)} y="20" class="bar-label">{kind}</text>
                                }
                                <text x={n1(x)} y="50" class="axis-label">{hrs(s.from)}</text>
                            </g>
                        }
                    }}
                }
                <text x="400" y="50" text-anchor="end" class="axis-label">{hrs(last.to)}</text>
            </svg>
            <figcaption>{description}</figcaption>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub sim: Simulation,
}
