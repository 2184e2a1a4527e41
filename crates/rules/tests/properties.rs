//! AR-4 invariants over wide random inputs (proptest), plus independent reference formulas
//! for the cases that have a closed form.

use ouen_rules::cost::{simulate, Schemes, SimulationInput};
use ouen_rules::Locale;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

/// Rates around the interesting kinks (500, 4,000, 8,250 yen/h) and far beyond.
fn rate() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0i64..=12_000).prop_map(d),
        (0i64..=1_000_000).prop_map(d),
        Just(d(500)),
        Just(d(501)),
        Just(d(4000)),
        Just(d(8250)),
    ]
}

/// Hours with up to four decimals, from 0.0001 h to 10,000 h.
fn hours() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (1i64..=2_000).prop_map(|n| Decimal::new(n, 1)),
        (1i64..=100_000_000).prop_map(|n| Decimal::new(n, 4)),
        (1i64..=120).prop_map(d),
    ]
}

fn schemes() -> impl Strategy<Value = Schemes> {
    prop_oneof![
        Just(Schemes::NATIONAL),
        Just(Schemes::COMBINED),
        Just(Schemes::NAGANO_ONLY)
    ]
}

fn input() -> impl Strategy<Value = SimulationInput> {
    (
        rate(),
        hours(),
        schemes(),
        prop_oneof![Just(0i64), 0i64..=300_000],
        prop_oneof![Just(0i64), 0i64..=1_500_000],
        prop_oneof![Just(0i64), 0i64..=2400],
    )
        .prop_map(|(rate, hours, schemes, sme, expert, ngn)| SimulationInput {
            rate,
            hours,
            schemes,
            sme_prior_honorarium: d(sme),
            expert_prior_honorarium: d(expert),
            nagano_prior_hours: Decimal::new(ngn, 2),
            as_of: None,
        })
}

fn parse(s: &str) -> Decimal {
    s.split_once('/')
        .map(|(n, den)| n.parse::<Decimal>().unwrap() / den.parse::<Decimal>().unwrap())
        .unwrap_or_else(|| s.parse().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn ar4_invariants(i in input()) {
        let s = simulate(&i, Locale::Ja);
        let national = s.subsidies.national.unwrap_or_default();
        let nagano = s.subsidies.nagano.unwrap_or_default();
        // Each part ≥ 0, and the parts add up to the total fee exactly.
        prop_assert!(national >= Decimal::ZERO && nagano >= Decimal::ZERO && s.self_pay >= Decimal::ZERO);
        prop_assert_eq!(national + nagano + s.self_pay, s.total_fee);
        // The total fee is rate × hours, rounded half up.
        prop_assert_eq!(s.total_fee, (i.rate * i.hours).round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero));
        // Subsidies only for the schemes asked for.
        prop_assert_eq!(s.subsidies.national.is_some(), i.schemes.national);
        prop_assert_eq!(s.subsidies.nagano.is_some(), i.schemes.nagano);
        // National stays within both remaining caps.
        prop_assert!(national <= d(300_000) - i.sme_prior_honorarium);
        prop_assert!(national <= d(1_500_000) - i.expert_prior_honorarium);
        // Segments tile [0, hours]; the SME pays ≥ 500 yen in every subsidised hour; per-hour
        // amounts respect their caps; Nagano covers at most 24 h minus prior hours.
        let mut at = "0".to_string();
        let mut subsidised = Decimal::ZERO;
        let mut nagano_hours = Decimal::ZERO;
        for seg in &s.segments {
            prop_assert_eq!(&seg.from_exact.fraction_text(), &at);
            at = seg.to_exact.fraction_text();
            let len = parse(&seg.to_exact.fraction_text()) - parse(&seg.from_exact.fraction_text());
            prop_assert!(len > Decimal::ZERO);
            prop_assert_eq!(seg.national_per_hour + seg.nagano_per_hour + seg.self_pay_per_hour, i.rate);
            prop_assert!(seg.national_per_hour <= d(3500) && seg.nagano_per_hour <= d(4250));
            if seg.national_per_hour + seg.nagano_per_hour > Decimal::ZERO {
                prop_assert!(seg.self_pay_per_hour >= d(500));
                subsidised += len;
            }
            if seg.nagano_per_hour > Decimal::ZERO {
                nagano_hours += len;
            }
        }
        prop_assert_eq!(parse(&at), i.hours);
        prop_assert!(nagano_hours <= d(24) - i.nagano_prior_hours + Decimal::new(1, 20));
        // Totals: the SME's share is at least 500 yen for each subsidised hour (± rounding).
        prop_assert!(s.self_pay + Decimal::new(5, 1) + Decimal::new(1, 20) >= d(500) * subsidised);
        // Explanations cite rules; warnings too.
        prop_assert!(s.explanation.iter().all(|st| !st.rules.is_empty() && !st.text.is_empty()));
        prop_assert!(s.warnings.iter().all(|w| !w.rules.is_empty() && !w.message.is_empty()));
    }

    /// National only has a closed form: floor(min(per-hour × hours, cap left)).
    #[test]
    fn national_matches_reference(i in input()) {
        let i = SimulationInput { schemes: Schemes::NATIONAL, ..i };
        let s = simulate(&i, Locale::Ja);
        let per_hour = (i.rate - d(500)).clamp(Decimal::ZERO, d(3500));
        let cap_left = (d(300_000) - i.sme_prior_honorarium).min(d(1_500_000) - i.expert_prior_honorarium);
        let expect = (per_hour * i.hours).min(cap_left).floor();
        prop_assert_eq!(s.subsidies.national, Some(expect));
    }

    /// Prefecture only: floor(min(4,250, rate − 500)⁺ × min(hours, 24 − prior)).
    #[test]
    fn nagano_only_matches_reference(i in input()) {
        let i = SimulationInput { schemes: Schemes::NAGANO_ONLY, ..i };
        let s = simulate(&i, Locale::Ja);
        let per_hour = (i.rate - d(500)).clamp(Decimal::ZERO, d(4250));
        let h = i.hours.min(d(24) - i.nagano_prior_hours);
        prop_assert_eq!(s.subsidies.nagano, Some((per_hour * h).floor()));
    }

    /// More hours never make the plan cheaper for the SME.
    #[test]
    fn self_pay_grows_with_hours(i in input(), extra in 1i64..=1000) {
        let more = SimulationInput { hours: i.hours + Decimal::new(extra, 1), ..i.clone() };
        prop_assume!(more.hours <= d(10_000));
        prop_assert!(simulate(&more, Locale::Ja).self_pay >= simulate(&i, Locale::Ja).self_pay);
    }
}
