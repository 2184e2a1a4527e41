//! What-if views of the cost split: how self-pay per hour moves with the hourly rate, where
//! that curve bends, and how much of each cap a plan uses (NAT-1..4, NGN-2..4).
//!
//! Everything here is computed from [`Params`] and [`simulate`], so a UI can draw it without
//! knowing a single rule.

#[cfg(test)]
use crate::cost::simulate;
use crate::cost::{compute, Schemes, Simulation, SimulationInput};
use crate::params::Params;
#[allow(unused_imports)]
use crate::prelude::*;
use crate::Date;
use rust_decimal::Decimal;

/// One point of the rate curve: at `rate` yen/h, the SME pays `self_pay_per_hour` for each
/// subsidised hour (no prior use, the first hour of a plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatePoint {
    pub rate: Decimal,
    pub self_pay_per_hour: Decimal,
}

/// Self-pay per hour at each rate of `rates` for a plan using `schemes`, under the rules in
/// force on `as_of`.
pub fn rate_curve(schemes: Schemes, as_of: Option<Date>, rates: &[Decimal]) -> Vec<RatePoint> {
    rates
        .iter()
        .map(|&rate| {
            let mut input = SimulationInput::new(rate, Decimal::ONE, schemes);
            input.as_of = as_of;
            // Numbers only: no sentence is written for a point of a chart.
            let sim = compute(&input);
            RatePoint {
                rate,
                // One hour, no prior use: the subsidised first hour (self-pay = the segment).
                self_pay_per_hour: sim.segments.first().map_or(rate, |s| s.self_pay_per_hour),
            }
        })
        .collect()
}

/// A rate where the self-pay curve bends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kink {
    pub rate: Decimal,
    /// Self-pay per hour at that rate.
    pub self_pay_per_hour: Decimal,
    /// The rules that put the bend there.
    pub rules: &'static [&'static str],
}

/// Where the self-pay curve of `schemes` bends: below the minimum self-pay nothing is
/// subsidised (NAT-2); above the per-hour caps every extra yen is the SME's again
/// (national: 500 + 3,500 = 4,000 yen/h; combined: + 4,250 = 8,250 yen/h; Nagano only:
/// 500 + 4,250 = 4,750 yen/h).
pub fn kinks(schemes: Schemes, as_of: Option<Date>) -> Vec<Kink> {
    let p = Params::in_force(as_of);
    let min_self = p.min_self_pay_per_hour.value;
    let mut cover = Decimal::ZERO;
    let mut rules: &'static [&'static str] = &["NAT-2"];
    if schemes.national {
        cover += p.national_max_per_hour.value;
        rules = &["NAT-1", "NAT-2"];
    }
    if schemes.nagano {
        cover += p.nagano_max_per_hour.value;
        rules = if schemes.national {
            &["NAT-1", "NGN-2"]
        } else {
            &["NGN-4"]
        };
    }
    vec![
        Kink {
            rate: min_self,
            self_pay_per_hour: min_self,
            rules: &["NAT-2"],
        },
        Kink {
            rate: min_self + cover,
            self_pay_per_hour: min_self,
            rules,
        },
    ]
}

/// How much of one cap a plan uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meter {
    /// The rule that sets the cap.
    pub rule: &'static str,
    pub cap: Decimal,
    /// Used before this plan (the prior-use input).
    pub before: Decimal,
    /// Used by this plan.
    pub this_plan: Decimal,
    /// Left after this plan (never negative).
    pub remaining: Decimal,
}

impl Meter {
    fn new(rule: &'static str, cap: Decimal, before: Decimal, this_plan: Decimal) -> Meter {
        Meter {
            rule,
            cap,
            before,
            this_plan,
            remaining: (cap - before - this_plan).max(Decimal::ZERO),
        }
    }
}

/// The caps a plan draws on: the SME's and the expert's national honorarium (yen, NAT-3/4)
/// and Nagano's subsidised hours (NGN-3). A cap of a scheme the plan does not use is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    pub sme: Option<Meter>,
    pub expert: Option<Meter>,
    pub nagano_hours: Option<Meter>,
}

/// How much of each cap `sim` (the result of `input`) uses.
pub fn usage(input: &SimulationInput, sim: &Simulation) -> Usage {
    let p = Params::in_force(input.as_of);
    let national = sim.subsidies.national;
    let nagano_hours: Decimal = sim
        .segments
        .iter()
        .filter(|s| !s.nagano_per_hour.is_zero())
        .map(|s| s.to - s.from)
        .sum();
    Usage {
        sme: national.map(|n| Meter::new("NAT-3", p.sme_cap.value, input.sme_prior_honorarium, n)),
        expert: national.map(|n| {
            Meter::new(
                "NAT-4",
                p.expert_cap.value,
                input.expert_prior_honorarium,
                n,
            )
        }),
        nagano_hours: sim.subsidies.nagano.map(|_| {
            Meter::new(
                "NGN-3",
                p.nagano_max_hours.value,
                input.nagano_prior_hours,
                nagano_hours,
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn the_curves_bend_where_the_leaflets_say() {
        let k = |s| kinks(s, None).iter().map(|k| k.rate).collect::<Vec<_>>();
        assert_eq!(k(Schemes::NATIONAL), [d(500), d(4000)]);
        assert_eq!(k(Schemes::COMBINED), [d(500), d(8250)]);
        assert_eq!(k(Schemes::NAGANO_ONLY), [d(500), d(4750)]);
    }

    #[test]
    fn self_pay_per_hour_is_flat_between_the_kinks() {
        let rates: Vec<Decimal> = [400, 500, 3000, 4000, 5000, 8250, 9000]
            .into_iter()
            .map(d)
            .collect();
        let pay = |s| {
            rate_curve(s, None, &rates)
                .iter()
                .map(|p| p.self_pay_per_hour)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pay(Schemes::NATIONAL),
            [400, 500, 500, 500, 1500, 4750, 5500].map(d)
        );
        assert_eq!(
            pay(Schemes::COMBINED),
            [400, 500, 500, 500, 500, 500, 1250].map(d)
        );
        assert_eq!(
            pay(Schemes::NAGANO_ONLY),
            [400, 500, 500, 500, 750, 4000, 4750].map(d)
        );
        // Every kink lies on its curve.
        for s in [Schemes::NATIONAL, Schemes::COMBINED, Schemes::NAGANO_ONLY] {
            for k in kinks(s, None) {
                let at = rate_curve(s, None, &[k.rate]);
                assert_eq!(at[0].self_pay_per_hour, k.self_pay_per_hour);
            }
        }
    }

    #[test]
    fn usage_counts_prior_use_and_this_plan() {
        // 8,250 yen/h × 30 h combined, with 10,000 yen and 2 h used before.
        let mut input = SimulationInput::new(d(8250), d(30), Schemes::COMBINED);
        input.sme_prior_honorarium = d(10_000);
        input.nagano_prior_hours = d(2);
        let sim = simulate(&input, crate::Locale::Ja);
        let u = usage(&input, &sim);
        let sme = u.sme.unwrap();
        assert_eq!(
            (sme.cap, sme.before, sme.this_plan),
            (d(300_000), d(10_000), d(105_000))
        );
        assert_eq!(sme.remaining, d(185_000));
        let expert = u.expert.unwrap();
        assert_eq!(expert.remaining, d(1_500_000 - 105_000));
        let h = u.nagano_hours.unwrap();
        assert_eq!(
            (h.cap, h.before, h.this_plan, h.remaining),
            (d(24), d(2), d(22), d(0))
        );

        // National only: no Nagano meter; the SME cap used up part-way leaves nothing.
        let input = SimulationInput::new(d(4000), d(100), Schemes::NATIONAL);
        let sim = simulate(&input, crate::Locale::Ja);
        let u = usage(&input, &sim);
        assert_eq!(u.nagano_hours, None);
        assert_eq!(u.sme.unwrap().this_plan, d(300_000));
        assert_eq!(u.sme.unwrap().remaining, d(0));
    }
}
