//! The cost split: who pays what for an IT expert's support (NAT-1..5, NGN-2..4, AR-1..5).
//!
//! The result is piecewise in time (AR-3): hours are consumed in order, and at most two
//! boundaries change the per-hour amounts — where the national honorarium's remaining cap runs
//! out (NAT-3/4/5) and where the prefecture's 24 hours end (NGN-3). Boundaries are exact
//! fractions ([`Ratio`]); each subsidy total is floored once at the end (AR-2, AR-3b).

use crate::dec::{add, sub};
use crate::format::{hours as fmt_hours, yen};
use crate::input::{date_field, keep, number_field, ErrorKind, InputError, NumberRule, Value};
use crate::params::{
    programme_name, programme_state, DateParam, Params, Phase, ProgrammeId, ProgrammeState, Stamp,
    STAMP,
};
#[allow(unused_imports)]
use crate::prelude::*;
use crate::ratio::Ratio;
use crate::{Date, Locale};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The highest hourly rate accepted (yen/h); above it the input is surely a typo.
pub const MAX_RATE: i64 = 1_000_000;
/// The most hours one plan may have.
pub const MAX_HOURS: i64 = 10_000;
/// Decimal places accepted in hours (1.5 h, 0.25 h, 1.3333 h).
pub const HOURS_DECIMALS: u32 = 4;

/// How a number of hours is read, in a simulation as in a plan's steps: positive, at most
/// [`MAX_HOURS`], at most [`HOURS_DECIMALS`] places.
pub fn hours_rule() -> NumberRule {
    NumberRule {
        whole: None,
        max_decimals: HOURS_DECIMALS,
        positive: true,
        max: Decimal::from(MAX_HOURS),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Scheme {
    /// 中小企業デジタル化応援隊事業
    National,
    /// 長野県IT・デジタル化補助金
    Nagano,
}

/// Which schemes a plan uses (NGN-4: national only, combined, or prefecture only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Schemes {
    pub national: bool,
    pub nagano: bool,
}

impl Schemes {
    pub const NATIONAL: Schemes = Schemes {
        national: true,
        nagano: false,
    };
    pub const COMBINED: Schemes = Schemes {
        national: true,
        nagano: true,
    };
    pub const NAGANO_ONLY: Schemes = Schemes {
        national: false,
        nagano: true,
    };

    pub fn list(self) -> Vec<Scheme> {
        let mut v = Vec::new();
        if self.national {
            v.push(Scheme::National);
        }
        if self.nagano {
            v.push(Scheme::Nagano);
        }
        v
    }
}

/// A validated simulation input.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationInput {
    /// The expert's agreed hourly fee, whole yen, tax included.
    pub rate: Decimal,
    pub hours: Decimal,
    pub schemes: Schemes,
    pub sme_prior_honorarium: Decimal,
    pub expert_prior_honorarium: Decimal,
    pub nagano_prior_hours: Decimal,
    pub as_of: Option<Date>,
}

impl SimulationInput {
    /// A plan with no prior use and no as-of date.
    pub fn new(rate: Decimal, hours: Decimal, schemes: Schemes) -> SimulationInput {
        SimulationInput {
            rate,
            hours,
            schemes,
            sme_prior_honorarium: Decimal::ZERO,
            expert_prior_honorarium: Decimal::ZERO,
            nagano_prior_hours: Decimal::ZERO,
            as_of: None,
        }
    }
}

/// The input as received from JS or a form: every field loose, validated by
/// [`RawSimulationInput::validate`].
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SimulationInput"))]
pub struct RawSimulationInput {
    /// The expert's hourly fee in yen (tax included). Numbers or strings like "６，０００".
    #[cfg_attr(feature = "ts", ts(type = "number | string"))]
    pub rate: Option<Value>,
    /// Support hours; may be fractional (1.5).
    #[cfg_attr(feature = "ts", ts(type = "number | string"))]
    pub hours: Option<Value>,
    /// `["national"]`, `["national", "nagano"]` (combined) or `["nagano"]` (prefecture only).
    #[cfg_attr(feature = "ts", ts(type = "Scheme[]"))]
    pub schemes: Option<Value>,
    /// Honorarium the SME has already received (Phase I and II together). Default 0.
    #[cfg_attr(feature = "ts", ts(optional, type = "number | string"))]
    pub sme_prior_honorarium: Option<Value>,
    /// Honorarium the expert has already received. Default 0.
    #[cfg_attr(feature = "ts", ts(optional, type = "number | string"))]
    pub expert_prior_honorarium: Option<Value>,
    /// Hours already subsidised by Nagano in earlier plans. Default 0.
    #[cfg_attr(feature = "ts", ts(optional, type = "number | string"))]
    pub nagano_prior_hours: Option<Value>,
    /// `YYYY-MM-DD`: evaluate under the rules in force on this date, and report whether each
    /// programme is open then.
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub as_of: Option<Value>,
}

impl RawSimulationInput {
    /// Checks every field; all problems are returned, in field order.
    pub fn validate(&self) -> Result<SimulationInput, Vec<InputError>> {
        let mut errors = Vec::new();
        let rate = keep(
            &mut errors,
            number_field(
                "rate",
                self.rate.as_ref(),
                None,
                NumberRule {
                    whole: Some(ErrorKind::NotWholeYen),
                    max_decimals: 0,
                    positive: false,
                    max: Decimal::from(MAX_RATE),
                },
            ),
        );
        let hours = keep(
            &mut errors,
            number_field("hours", self.hours.as_ref(), None, hours_rule()),
        );
        let schemes = keep(&mut errors, parse_schemes(self.schemes.as_ref()));
        // The date decides the caps below; its error is reported last, in field order.
        let as_of_read = date_field("asOf", self.as_of.as_ref());
        let p = Params::in_force(as_of_read.as_ref().ok().copied().flatten());
        let yen_rule = |max: Decimal| NumberRule {
            whole: Some(ErrorKind::NotWholeYen),
            max_decimals: 0,
            positive: false,
            max,
        };
        let capped = |field, v: Option<&Value>, cap: Decimal| {
            number_field(field, v, Some(Decimal::ZERO), yen_rule(Decimal::MAX)).and_then(|d| {
                if d > cap {
                    Err(InputError::new(field, ErrorKind::AboveCap { cap }))
                } else {
                    Ok(d)
                }
            })
        };
        let sme_prior = keep(
            &mut errors,
            capped(
                "smePriorHonorarium",
                self.sme_prior_honorarium.as_ref(),
                p.sme_cap.value,
            ),
        );
        let expert_prior = keep(
            &mut errors,
            capped(
                "expertPriorHonorarium",
                self.expert_prior_honorarium.as_ref(),
                p.expert_cap.value,
            ),
        );
        let nagano_prior_hours = keep(
            &mut errors,
            number_field(
                "naganoPriorHours",
                self.nagano_prior_hours.as_ref(),
                Some(Decimal::ZERO),
                NumberRule {
                    whole: None,
                    max_decimals: HOURS_DECIMALS,
                    positive: false,
                    max: p.nagano_max_hours.value,
                },
            ),
        );
        // Field order as in the API: rate, hours, schemes, priors, asOf.
        let as_of = keep(&mut errors, as_of_read);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SimulationInput {
            rate,
            hours,
            schemes,
            sme_prior_honorarium: sme_prior,
            expert_prior_honorarium: expert_prior,
            nagano_prior_hours,
            as_of,
        })
    }
}

fn parse_schemes(v: Option<&Value>) -> Result<Schemes, InputError> {
    let err = |k| InputError::new("schemes", k);
    let items = match v {
        None => return Err(err(ErrorKind::NoScheme)),
        Some(Value::List(items)) => items,
        Some(_) => return Err(err(ErrorKind::NotAList)),
    };
    let mut s = Schemes::default();
    for item in items {
        match item {
            Value::Text(t) if t == "national" => s.national = true,
            Value::Text(t) if t == "nagano" => s.nagano = true,
            Value::Text(t) => return Err(err(ErrorKind::UnknownChoice { got: t.clone() })),
            _ => {
                return Err(err(ErrorKind::UnknownChoice {
                    got: "?".to_string(),
                }))
            }
        }
    }
    if !s.national && !s.nagano {
        return Err(err(ErrorKind::NoScheme));
    }
    Ok(s)
}

/// Amounts by scheme; a scheme not asked for is absent (not zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Subsidies {
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "crate::format::as_number_opt",
        default
    )]
    #[cfg_attr(feature = "ts", ts(optional, type = "number"))]
    pub national: Option<Decimal>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "crate::format::as_number_opt",
        default
    )]
    #[cfg_attr(feature = "ts", ts(optional, type = "number"))]
    pub nagano: Option<Decimal>,
}

/// A stretch of hours with constant per-hour amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Segment {
    /// Start hour (rounded to 4 decimals for display; `fromExact` is exact).
    #[serde(with = "crate::format::as_number")]
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub from: Decimal,
    #[serde(with = "crate::format::as_number")]
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub to: Decimal,
    /// Exact boundaries as fractions (`"20/7"`, or `"12"` when whole), since a cap may end
    /// mid-hour.
    // Kept as the ratio and serialized as its text ([`Ratio::fraction_text`]): the wire of
    // the JS API sends it as numbers, and no text is made unless it is asked for.
    #[serde(with = "crate::ratio::as_text")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub from_exact: Ratio,
    #[serde(with = "crate::ratio::as_text")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub to_exact: Ratio,
    #[serde(with = "crate::format::as_number")]
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub national_per_hour: Decimal,
    #[serde(with = "crate::format::as_number")]
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub nagano_per_hour: Decimal,
    #[serde(with = "crate::format::as_number")]
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub self_pay_per_hour: Decimal,
    /// Rule ids deciding this segment's amounts.
    pub rules: Vec<&'static str>,
}

/// One step of the explanation, citing the rules it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Step {
    pub rules: Vec<&'static str>,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum WarningCode {
    /// Rate ≤ 500 yen/h: no subsidy at all (NAT-2).
    NoBenefit,
    /// The SME's cumulative national cap ends within this plan (NAT-3, NAT-5).
    SmeCapReached,
    /// The expert's cumulative national cap ends within this plan (NAT-4, NAT-5).
    ExpertCapReached,
    /// The national cap was already used up before this plan.
    NationalCapExhausted,
    /// Hours beyond Nagano's 24 are not subsidised by the prefecture (NGN-3).
    NaganoHoursCapped,
    /// Nagano's 24 hours were already used before this plan.
    NaganoHoursExhausted,
    /// The programme accepts no one on the as-of date.
    ProgrammeClosed,
    /// Intake has closed on the as-of date; only those already in can finish.
    IntakeClosed,
    /// The programme has not opened yet on the as-of date.
    ProgrammeNotYetOpen,
    /// The as-of date lies outside a figure's validity; the rules last in force were used.
    RulesNotInForce,
    /// Phase II dates apply: registration and contracts may close early if the budget is
    /// expected to run out (NAT-P5).
    BudgetMayCloseEarly,
}

impl WarningCode {
    /// Whether the warning's sentence names its rules itself (`…（NAT-2）。`), as every one
    /// does but [`WarningCode::RulesNotInForce`]'s: the plan's notes cite the rules of the
    /// others after them.
    pub fn names_its_rules(self) -> bool {
        self != WarningCode::RulesNotInForce
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Warning {
    pub code: WarningCode,
    pub rules: Vec<&'static str>,
    pub message: String,
}

/// The cost split of one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Simulation {
    /// rate × hours, rounded half up to the yen (AR-2).
    #[serde(with = "crate::format::as_number")]
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total_fee: Decimal,
    pub subsidies: Subsidies,
    /// total fee − subsidies: what the SME pays.
    #[serde(with = "crate::format::as_number")]
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub self_pay: Decimal,
    pub schemes: Vec<Scheme>,
    pub segments: Vec<Segment>,
    pub explanation: Vec<Step>,
    pub warnings: Vec<Warning>,
    /// Interpretation rules the result depends on: show it as an estimate (見込み).
    pub interpretations: Vec<&'static str>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub as_of: Option<Date>,
    pub ruleset: Stamp,
}

struct Texts {
    locale: Locale,
}

impl Texts {
    fn yen(&self, d: Decimal) -> String {
        yen(d, self.locale)
    }
    fn h(&self, d: Decimal) -> String {
        fmt_hours(d, self.locale)
    }
    /// The chosen language's template, filled (see [`crate::format::fill_in`]).
    fn text(&self, texts: [&str; 2], args: &[&str]) -> String {
        crate::format::fill_in(self.locale, texts, args)
    }
}

/// A step of the working, as data: the figures one sentence of the explanation shows. The
/// arithmetic ([`compute`]) records them; [`explain`] turns them into sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Working {
    /// AR-1/2: rate × hours.
    TotalFee {
        rate: Decimal,
        hours: Decimal,
        total: Decimal,
    },
    /// NAT-1/2: the national honorarium per hour.
    NationalPerHour {
        max: Decimal,
        rate: Decimal,
        min_self: Decimal,
        per_hour: Decimal,
    },
    /// NAT-3/4: what is left of the cumulative caps.
    NationalLeft {
        sme_cap: Decimal,
        sme_prior: Decimal,
        expert_cap: Decimal,
        expert_prior: Decimal,
        left: Decimal,
    },
    /// NAT-3 (`sme`: the SME's cap) or NAT-4, NAT-5, AR-3b: the hour at which the cap is
    /// reached.
    CapReached {
        sme: bool,
        left: Decimal,
        per_hour: Decimal,
        at: Ratio,
    },
    /// NGN-2/4: Nagano's top-up on the hours with a national honorarium.
    NaganoWithNational {
        max: Decimal,
        rate: Decimal,
        min_self: Decimal,
        national: Decimal,
        per_hour: Decimal,
    },
    /// NGN-2/4: Nagano's top-up on hours without a national honorarium; `after` is the hour
    /// the national cap was reached (none: it was used up before the plan), `estimate` that
    /// the leaflet does not show this case.
    NaganoWithoutNational {
        max: Decimal,
        rate: Decimal,
        min_self: Decimal,
        per_hour: Decimal,
        after: Option<Ratio>,
        estimate: bool,
    },
    /// NGN-4: the prefecture alone.
    NaganoOnly {
        max: Decimal,
        rate: Decimal,
        min_self: Decimal,
        per_hour: Decimal,
    },
    /// NGN-3: the hours Nagano subsidises; `estimate` when not all hours get it.
    NaganoHours {
        max_hours: Decimal,
        prior: Decimal,
        hours: Decimal,
        end: Ratio,
        estimate: bool,
    },
    /// NAT-9, AR-2.
    NationalTotal { total: Decimal },
    /// NGN-2 (or NGN-4 alone), AR-2.
    NaganoTotal { total: Decimal, with_national: bool },
    /// AR-2, NAT-2.
    SelfPay {
        total: Decimal,
        subsidies: Decimal,
        self_pay: Decimal,
    },
}

/// A warning, as data: what [`explain`] turns into a [`Warning`] with its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// NAT-2: the rate leaves nothing above the SME's minimum.
    NoBenefit { min_self: Decimal },
    /// NAT-3/4: the cap was used up before this plan.
    NationalCapExhausted,
    /// NAT-3 (`sme`) or NAT-4, NAT-5: the cap ends at `at` hours.
    CapReached { sme: bool, at: Ratio },
    /// NGN-3: Nagano's hours were used up before this plan.
    NaganoHoursExhausted { max_hours: Decimal },
    /// NGN-3: Nagano subsidises only the first `left` hours.
    NaganoHoursCapped { left: Decimal },
    /// A programme is closing, closed or not yet open on `on` (`code` says which).
    Programme {
        code: WarningCode,
        on: Date,
        programme: ProgrammeId,
        phase: Option<Phase>,
        next: Option<&'static DateParam>,
    },
    /// NAT-P5: Phase II may close early.
    BudgetMayCloseEarly,
    /// No figure was in force on `on`: before every figure, the first ones (in force from
    /// `from`) were used; after them, those last in force (until `until`).
    RulesNotInForce {
        on: Date,
        from: Date,
        until: Option<Date>,
        rule: &'static str,
    },
}

impl Notice {
    pub fn code(&self) -> WarningCode {
        match self {
            Notice::NoBenefit { .. } => WarningCode::NoBenefit,
            Notice::NationalCapExhausted => WarningCode::NationalCapExhausted,
            Notice::CapReached { sme: true, .. } => WarningCode::SmeCapReached,
            Notice::CapReached { sme: false, .. } => WarningCode::ExpertCapReached,
            Notice::NaganoHoursExhausted { .. } => WarningCode::NaganoHoursExhausted,
            Notice::NaganoHoursCapped { .. } => WarningCode::NaganoHoursCapped,
            Notice::Programme { code, .. } => *code,
            Notice::BudgetMayCloseEarly => WarningCode::BudgetMayCloseEarly,
            Notice::RulesNotInForce { .. } => WarningCode::RulesNotInForce,
        }
    }
}

/// The cost split as numbers and data, before any sentence: amounts, segments, the working
/// and the warnings as data, and the interpretations relied on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computation {
    pub total_fee: Decimal,
    pub subsidies: Subsidies,
    pub self_pay: Decimal,
    pub schemes: Schemes,
    pub segments: Vec<Segment>,
    pub working: Vec<Working>,
    pub notices: Vec<Notice>,
    pub interpretations: Vec<&'static str>,
    pub as_of: Option<Date>,
}

/// How much of the explanation to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Explain {
    /// Every step of the working, in the locale (the default).
    #[default]
    Steps,
    /// No steps: the amounts, segments and warnings only (for many calls, e.g. a chart).
    Off,
}

/// Splits the cost of a plan between the national programme, Nagano and the SME, explained
/// step by step in `locale`.
pub fn simulate(input: &SimulationInput, locale: Locale) -> Simulation {
    explain(compute(input), locale, Explain::Steps)
}

/// The arithmetic of the cost split (NAT-1..5, NGN-2..4, AR-1..5): no sentence is made here.
pub fn compute(input: &SimulationInput) -> Computation {
    let p = Params::in_force(input.as_of);
    let rate = input.rate;
    let hours = Ratio::from_decimal(input.hours);
    let min_self = p.min_self_pay_per_hour.value;
    let zero = Decimal::ZERO;
    // Room for every step and the usual warnings: no regrowth on the JS API's hot path.
    let mut working = Vec::with_capacity(8);
    let mut notices = Vec::with_capacity(4);
    // Which interpretation rules the result relies on (listed AR-2, NAT-5, NGN-2, NGN-3).
    let (mut uses_nat5, mut uses_ngn2_alone, mut uses_ngn3) = (false, false, false);

    // AR-2: the total fee.
    let total_fee = hours.mul_decimal(rate).round_half_up();
    working.push(Working::TotalFee {
        rate,
        hours: input.hours,
        total: total_fee,
    });

    // NAT-1/2: what subsidies may cover per hour.
    let margin = sub(rate, min_self).max(zero);
    if margin.is_zero() {
        notices.push(Notice::NoBenefit { min_self });
    }

    // National honorarium per hour, and the hours it lasts (NAT-1, NAT-3/4/5).
    let nat_per_hour = if input.schemes.national {
        p.national_max_per_hour.value.min(margin)
    } else {
        zero
    };
    let mut nat_end = Ratio::ZERO;
    if input.schemes.national {
        working.push(Working::NationalPerHour {
            max: p.national_max_per_hour.value,
            rate,
            min_self,
            per_hour: nat_per_hour,
        });
        let sme_left = sub(p.sme_cap.value, input.sme_prior_honorarium);
        let expert_left = sub(p.expert_cap.value, input.expert_prior_honorarium);
        let cap_left = sme_left.min(expert_left).max(zero);
        working.push(Working::NationalLeft {
            sme_cap: p.sme_cap.value,
            sme_prior: input.sme_prior_honorarium,
            expert_cap: p.expert_cap.value,
            expert_prior: input.expert_prior_honorarium,
            left: cap_left,
        });
        if !nat_per_hour.is_zero() {
            let cap_hours = Ratio::div(cap_left, nat_per_hour);
            nat_end = hours.min(cap_hours);
            if cap_left.is_zero() {
                notices.push(Notice::NationalCapExhausted);
            } else if cap_hours < hours {
                uses_nat5 = true;
                let sme = sme_left <= expert_left;
                notices.push(Notice::CapReached { sme, at: cap_hours });
                working.push(Working::CapReached {
                    sme,
                    left: cap_left,
                    per_hour: nat_per_hour,
                    at: cap_hours,
                });
            }
        }
    }

    // Nagano top-up (NGN-2/3/4).
    let mut ngn_end = Ratio::ZERO;
    let ngn_max = p.nagano_max_per_hour.value;
    let ngn_with_nat = ngn_max.min(sub(margin, nat_per_hour).max(zero));
    let ngn_without_nat = ngn_max.min(margin);
    if input.schemes.nagano {
        let hours_left = sub(p.nagano_max_hours.value, input.nagano_prior_hours).max(zero);
        ngn_end = hours.min(Ratio::from_decimal(hours_left));
        // Which hours get the top-up only matters when not all of them do.
        let allocation_matters = ngn_end < hours;
        if allocation_matters {
            uses_ngn3 = true;
        }
        if input.schemes.national {
            // Hours of Nagano's with no national honorarium because the national cap is
            // used up (before this plan, or part-way): NGN-2 with a national honorarium of
            // 0 for those hours. The leaflet does not show this case: an estimate.
            let without_nat = !nat_per_hour.is_zero() && nat_end < ngn_end;
            if nat_end != Ratio::ZERO {
                working.push(Working::NaganoWithNational {
                    max: ngn_max,
                    rate,
                    min_self,
                    national: nat_per_hour,
                    per_hour: ngn_with_nat,
                });
            }
            if without_nat || nat_end == Ratio::ZERO {
                if without_nat {
                    uses_ngn2_alone = true;
                }
                working.push(Working::NaganoWithoutNational {
                    max: ngn_max,
                    rate,
                    min_self,
                    per_hour: ngn_without_nat,
                    after: (nat_end != Ratio::ZERO).then_some(nat_end),
                    estimate: without_nat,
                });
            }
        } else {
            working.push(Working::NaganoOnly {
                max: ngn_max,
                rate,
                min_self,
                per_hour: ngn_without_nat,
            });
        }
        working.push(Working::NaganoHours {
            max_hours: p.nagano_max_hours.value,
            prior: input.nagano_prior_hours,
            hours: input.hours,
            end: ngn_end,
            estimate: allocation_matters,
        });
        if hours_left.is_zero() {
            notices.push(Notice::NaganoHoursExhausted {
                max_hours: p.nagano_max_hours.value,
            });
        } else if ngn_end < hours && !ngn_without_nat.is_zero() {
            notices.push(Notice::NaganoHoursCapped { left: hours_left });
        }
    }

    // Segments between the boundaries (AR-3).
    // 0, the boundaries inside (0, hours) in order and once each, then `hours`.
    let mut cuts = vec![Ratio::ZERO];
    for b in [nat_end.min(ngn_end), core::cmp::max(nat_end, ngn_end)] {
        if Ratio::ZERO < b && b < hours && cuts.last() != Some(&b) {
            cuts.push(b);
        }
    }
    cuts.push(hours);
    let mut segments = Vec::with_capacity(cuts.len() - 1);
    let mut nat_total = Ratio::ZERO;
    let mut ngn_total = Ratio::ZERO;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let nat = if a < nat_end { nat_per_hour } else { zero };
        let ngn = if a < ngn_end {
            if nat.is_zero() {
                ngn_without_nat
            } else {
                ngn_with_nat
            }
        } else {
            zero
        };
        let len = b.sub(a);
        nat_total = nat_total.add(len.mul_decimal(nat));
        ngn_total = ngn_total.add(len.mul_decimal(ngn));
        // Why each amount is what it is: no honorarium because the rate leaves nothing above
        // the SME's 500 yen (NAT-2) or because a cap ended (NAT-5); the top-up on the
        // national honorarium (NGN-2) or alone, without the national programme (NGN-4).
        let mut rules = Vec::with_capacity(2);
        if input.schemes.national {
            rules.push(match (nat.is_zero(), nat_per_hour.is_zero()) {
                (false, _) => "NAT-1",
                (true, true) => "NAT-2",
                (true, false) => "NAT-5",
            });
        }
        if input.schemes.nagano {
            rules.push(match (a < ngn_end, input.schemes.national) {
                (true, true) => "NGN-2",
                (true, false) => "NGN-4",
                (false, _) => "NGN-3",
            });
        }
        segments.push(Segment {
            from: a.to_decimal(4).0,
            to: b.to_decimal(4).0,
            from_exact: a,
            to_exact: b,
            national_per_hour: nat,
            nagano_per_hour: ngn,
            self_pay_per_hour: sub(sub(rate, nat), ngn),
            rules,
        });
    }

    // AR-2: each subsidy total floored to the yen; the SME pays the rest.
    let national = nat_total.floor();
    let nagano = ngn_total.floor();
    let exact_fee = hours.mul_decimal(rate);
    let uses_ar2 = [exact_fee, nat_total, ngn_total]
        .iter()
        .any(|x| !x.is_integer());
    let mut interpretations = Vec::new();
    for (used, rule) in [
        (uses_ar2, "AR-2"),
        (uses_nat5, "NAT-5"),
        (uses_ngn2_alone, "NGN-2"),
        (uses_ngn3, "NGN-3"),
    ] {
        if used {
            interpretations.push(rule);
        }
    }
    let subsidies = Subsidies {
        national: input.schemes.national.then_some(national),
        nagano: input.schemes.nagano.then_some(nagano),
    };
    if input.schemes.national {
        working.push(Working::NationalTotal { total: national });
    }
    if input.schemes.nagano {
        working.push(Working::NaganoTotal {
            total: nagano,
            with_national: input.schemes.national,
        });
    }
    let self_pay = sub(sub(total_fee, national), nagano);
    working.push(Working::SelfPay {
        total: total_fee,
        subsidies: add(national, nagano),
        self_pay,
    });

    if let Some(d) = input.as_of {
        date_notices(input.schemes, d, &p, &mut notices);
    }

    Computation {
        total_fee,
        subsidies,
        self_pay,
        schemes: input.schemes,
        segments,
        working,
        notices,
        interpretations,
        as_of: input.as_of,
    }
}

/// Whether each scheme used is open on `d`, and whether its figures were in force then.
fn date_notices(schemes: Schemes, d: Date, p: &Params, out: &mut Vec<Notice>) {
    let nagano = if schemes.national {
        ProgrammeId::NaganoCombined
    } else {
        ProgrammeId::NaganoOnly
    };
    let entries: [(bool, ProgrammeId, &[Option<Phase>]); 2] = [
        (
            schemes.national,
            ProgrammeId::National,
            &[Some(Phase::One), Some(Phase::Two)],
        ),
        (schemes.nagano, nagano, &[None]),
    ];
    'programmes: for (used, id, phases) in entries {
        if !used {
            continue;
        }
        // No warning while a phase is open. Otherwise the most relevant phase: the first
        // still finishing, else the first yet to open, else the last (closed).
        let mut best: Option<(u8, WarningCode, Option<Phase>, Option<&'static DateParam>)> = None;
        for ph in phases {
            let (state, next) = programme_state(id, *ph, d);
            let (rank, code) = match state {
                ProgrammeState::Open => {
                    if *ph == Some(Phase::Two) {
                        out.push(Notice::BudgetMayCloseEarly);
                    }
                    continue 'programmes;
                }
                ProgrammeState::Closing => (0, WarningCode::IntakeClosed),
                ProgrammeState::NotYetOpen => (1, WarningCode::ProgrammeNotYetOpen),
                ProgrammeState::Closed => (2, WarningCode::ProgrammeClosed),
            };
            if best.is_none_or(|b| rank < b.0 || rank == 2 && b.0 == 2) {
                best = Some((rank, code, *ph, next));
            }
        }
        let Some((_, code, phase, next)) = best else {
            continue;
        };
        out.push(Notice::Programme {
            code,
            on: d,
            programme: id,
            phase,
            next,
        });
        // Phase II dates shown: they may end sooner if the budget runs out (NAT-P5).
        if phase == Some(Phase::Two) && code != WarningCode::ProgrammeClosed {
            out.push(Notice::BudgetMayCloseEarly);
        }
    }
    let used = [
        (schemes.national, &p.national_max_per_hour),
        (schemes.national, &p.sme_cap),
        (schemes.nagano, &p.nagano_max_per_hour),
        (true, &p.min_self_pay_per_hour),
    ];
    if let Some((_, f)) = used.iter().find(|(on, f)| *on && !f.valid_on_date) {
        out.push(Notice::RulesNotInForce {
            on: d,
            from: f.entry.from,
            until: f.entry.until,
            rule: f.param.rule,
        });
    }
}

/// The sentences of a computation, in `locale`: every step of the working (unless `detail`
/// is [`Explain::Off`]) and every warning. The one place the cost split is put into words.
///
/// It takes the computation: its segments and interpretations move into the result, uncopied.
pub fn explain(c: Computation, locale: Locale, detail: Explain) -> Simulation {
    let t = Texts { locale };
    let explanation = match detail {
        Explain::Steps => c.working.iter().map(|w| step(w, &t)).collect(),
        Explain::Off => Vec::new(),
    };
    Simulation {
        total_fee: c.total_fee,
        subsidies: c.subsidies,
        self_pay: c.self_pay,
        schemes: c.schemes.list(),
        segments: c.segments,
        explanation,
        warnings: c.notices.iter().map(|n| warning(n, &t)).collect(),
        interpretations: c.interpretations,
        as_of: c.as_of,
        ruleset: STAMP,
    }
}

/// Hours as people read them (`2.86`).
fn hours_plain(r: Ratio) -> String {
    crate::format::plain(r.to_decimal(2).0)
}

fn step(w: &Working, t: &Texts) -> Step {
    let (rules, text): (&[&'static str], String) = match *w {
        Working::TotalFee { rate, hours, total } => (
            &["AR-1", "AR-2"],
            t.text(
                [
                    "費用の総額 = 時間単価 {0} × {1} = {2}",
                    "Total fee = hourly rate {0} × {1} = {2}",
                ],
                &[&t.yen(rate), &t.h(hours), &t.yen(total)],
            ),
        ),
        Working::NationalPerHour {
            max,
            rate,
            min_self,
            per_hour,
        } => (
            &["NAT-1", "NAT-2"],
            t.text(
                [
                    "国の謝金（1時間あたり）= 上限 {0} と（時間単価 {1} − 自己負担 {2}）の小さい方 = {3}",
                    "National honorarium per hour = the lesser of {0} and (rate {1} − minimum self-pay {2}) = {3}",
                ],
                &[&t.yen(max), &t.yen(rate), &t.yen(min_self), &t.yen(per_hour)],
            ),
        ),
        Working::NationalLeft {
            sme_cap,
            sme_prior,
            expert_cap,
            expert_prior,
            left,
        } => (
            &["NAT-3", "NAT-4"],
            t.text(
                [
                    "国の謝金の残り枠 = 中小企業の枠 {0} − 受給済み {1} と、IT専門家の枠 {2} − 受給済み {3} の小さい方 = {4}",
                    "National honorarium left = the lesser of the SME cap {0} − {1} received and the expert cap {2} − {3} received = {4}",
                ],
                &[&t.yen(sme_cap), &t.yen(sme_prior), &t.yen(expert_cap), &t.yen(expert_prior), &t.yen(left)],
            ),
        ),
        Working::CapReached {
            sme,
            left,
            per_hour,
            at,
        } => (
            if sme {
                &["NAT-3", "NAT-5", "AR-3b"]
            } else {
                &["NAT-4", "NAT-5", "AR-3b"]
            },
            t.text(
                [
                    "残り枠 {0} ÷ {1} = {2}時間（{3}）で上限に達します（見込み：時間は順に消化）",
                    "The cap is reached after {0} ÷ {1} = {2} h ({3}) (estimate: hours are used in order)",
                ],
                &[&t.yen(left), &t.yen(per_hour), &hours_plain(at), &at.fraction_text()],
            ),
        ),
        Working::NaganoWithNational {
            max,
            rate,
            min_self,
            national,
            per_hour,
        } => (
            &["NGN-2", "NGN-4"],
            t.text(
                [
                    "長野県の上乗せ（1時間あたり）= 上限 {0} と（{1} − {2} − 国の謝金 {3}）の小さい方 = {4}",
                    "Nagano top-up per hour = the lesser of {0} and ({1} − {2} − national {3}) = {4}",
                ],
                &[&t.yen(max), &t.yen(rate), &t.yen(min_self), &t.yen(national), &t.yen(per_hour)],
            ),
        ),
        Working::NaganoWithoutNational {
            max,
            rate,
            min_self,
            per_hour,
            after,
            estimate,
        } => {
            let from = match after {
                None => String::new(),
                Some(at) => t.text(
                    [
                        "国の謝金が上限に達した{0}時間目以降の",
                        " after {0} h, once the national cap is reached",
                    ],
                    &[&hours_plain(at)],
                ),
            };
            let note = if estimate {
                t.text(
                    [
                        "（見込み：国の謝金がない時間も、県が同じ式で上乗せするものとして計算）",
                        " (estimate: the prefecture is taken to top up hours without a national honorarium by the same formula)",
                    ],
                    &[],
                )
            } else {
                String::new()
            };
            (
                &["NGN-2", "NGN-4"],
                t.text(
                    [
                        "{5}長野県の上乗せ（1時間あたり）= 上限 {0} と（{1} − {2} − 国の謝金 {3}）の小さい方 = {4}{6}",
                        "Nagano top-up per hour{5} = the lesser of {0} and ({1} − {2} − national {3}) = {4}{6}",
                    ],
                    &[
                        &t.yen(max),
                        &t.yen(rate),
                        &t.yen(min_self),
                        &t.yen(Decimal::ZERO),
                        &t.yen(per_hour),
                        &from,
                        &note,
                    ],
                ),
            )
        }
        Working::NaganoOnly {
            max,
            rate,
            min_self,
            per_hour,
        } => (
            &["NGN-4"],
            t.text(
                [
                    "県補助のみ：長野県の補助（1時間あたり）= 上限 {0} と（{1} − {2}）の小さい方 = {3}",
                    "Prefecture only: Nagano subsidy per hour = the lesser of {0} and ({1} − {2}) = {3}",
                ],
                &[&t.yen(max), &t.yen(rate), &t.yen(min_self), &t.yen(per_hour)],
            ),
        ),
        Working::NaganoHours {
            max_hours,
            prior,
            hours,
            end,
            estimate,
        } => (
            &["NGN-3"],
            t.text(
                [
                    "長野県の補助の対象時間 = {0} − 利用済み {1} と {2} の小さい方 = {3}{4}",
                    "Hours Nagano subsidises = the lesser of {0} − {1} already used and {2} = {3}{5}",
                ],
                &[
                    &t.h(max_hours),
                    &t.h(prior),
                    &t.h(hours),
                    &t.h(end.to_decimal(4).0),
                    if estimate {
                        "（見込み：最初の時間から順に充当）"
                    } else {
                        ""
                    },
                    if estimate {
                        " (estimate: the first hours in order)"
                    } else {
                        ""
                    },
                ],
            ),
        ),
        Working::NationalTotal { total } => (
            &["NAT-9", "AR-2"],
            t.text(
                [
                    "国の謝金の合計 = {0}（1円未満切り捨て）",
                    "National honorarium in total = {0} (rounded down to the yen)",
                ],
                &[&t.yen(total)],
            ),
        ),
        Working::NaganoTotal {
            total,
            with_national,
        } => (
            if with_national {
                &["NGN-2", "AR-2"]
            } else {
                &["NGN-4", "AR-2"]
            },
            t.text(
                [
                    "長野県の補助の合計 = {0}（1円未満切り捨て）",
                    "Nagano subsidy in total = {0} (rounded down to the yen)",
                ],
                &[&t.yen(total)],
            ),
        ),
        Working::SelfPay {
            total,
            subsidies,
            self_pay,
        } => (
            &["AR-2", "NAT-2"],
            t.text(
                [
                    "自己負担 = {0} − 補助 {1} = {2}",
                    "Self-pay = {0} − subsidies {1} = {2}",
                ],
                &[&t.yen(total), &t.yen(subsidies), &t.yen(self_pay)],
            ),
        ),
    };
    Step {
        rules: crate::ids(rules),
        text,
    }
}

fn warning(n: &Notice, t: &Texts) -> Warning {
    let (rules, message): (&[&'static str], String) = match *n {
        Notice::NoBenefit { min_self } => (
            &["NAT-2"],
            t.text(
                [
                    "時間単価が{0}以下のため、補助はありません。中小企業は1時間あたり{0}以上を負担する決まりです（NAT-2）。時間単価が{0}を超えると補助の対象になります。",
                    "At {0} an hour or less there is no subsidy: the SME must pay at least {0} per hour (NAT-2). Above {0} an hour the plan is subsidised.",
                ],
                &[&t.yen(min_self)],
            ),
        ),
        Notice::NationalCapExhausted => (
            &["NAT-3", "NAT-4"],
            t.text(
                [
                    "国の謝金の累積上限をすでに使い切っているため、国の謝金はありません（NAT-3, NAT-4）。",
                    "The national honorarium cap is already used up, so there is no national honorarium (NAT-3, NAT-4).",
                ],
                &[],
            ),
        ),
        Notice::CapReached { sme, at } => {
            let (rules, rule, who_ja, who_en): (&[&'static str], _, _, _) = if sme {
                (&["NAT-3", "NAT-5"], "NAT-3", "中小企業1社あたり", "per SME")
            } else {
                (&["NAT-4", "NAT-5"], "NAT-4", "IT専門家1人あたり", "per expert")
            };
            (
                rules,
                t.text(
                    [
                        "{0}時間目で国の謝金が{1}の累積上限に達します。それ以降の時間は、国の謝金なしで計算しています（{2}, NAT-5）。",
                        "The national honorarium reaches its cumulative cap {3} after {0} h; later hours get no national honorarium ({2}, NAT-5).",
                    ],
                    &[&hours_plain(at), who_ja, rule, who_en],
                ),
            )
        }
        Notice::NaganoHoursExhausted { max_hours } => (
            &["NGN-3"],
            t.text(
                [
                    "長野県の補助の対象{0}をすでに使い切っているため、県の補助はありません（NGN-3）。",
                    "Nagano's {0} are already used up, so there is no prefecture subsidy (NGN-3).",
                ],
                &[&t.h(max_hours)],
            ),
        ),
        Notice::NaganoHoursCapped { left } => (
            &["NGN-3"],
            t.text(
                [
                    "長野県の補助は{0}までです。それを超える時間は県の補助なしで計算しています（NGN-3）。",
                    "Nagano subsidises at most {0}; later hours get no prefecture subsidy (NGN-3).",
                ],
                &[&t.h(left)],
            ),
        ),
        Notice::Programme {
            code,
            on,
            programme,
            phase,
            next,
        } => {
            let (rule, rules): (&str, &[&'static str]) = match programme {
                ProgrammeId::National => ("NAT-P1, NAT-P4", &["NAT-P1", "NAT-P4"]),
                ProgrammeId::NaganoCombined => ("NGN-5", &["NGN-5"]),
                ProgrammeId::NaganoOnly => ("NGN-6", &["NGN-6"]),
            };
            // The next deadline: its label and date, as `programme_status` shows them.
            let until = next
                .map(|n| {
                    let date = n.on(Some(on)).value.format(t.locale);
                    t.text(["「{0}」の{1}", "{1} ({0})"], &[n.label(t.locale), &date])
                })
                .unwrap_or_default();
            let templates = match code {
                WarningCode::IntakeClosed => [
                    "{0}時点で{1}の新規の登録・申請は締め切られています。登録済みの方は{2}まで利用できます（{3}）。",
                    "On {0} {1} no longer accepts new registrations or applications; those already in can continue until {2} ({3}).",
                ],
                WarningCode::ProgrammeNotYetOpen => [
                    "{0}時点で{1}はまだ始まっていません（{3}）。",
                    "On {0} {1} has not opened yet ({3}).",
                ],
                _ => [
                    "{0}時点で{1}は終了しています。ここでは当時のルールで計算しています（{3}）。",
                    "On {0} {1} has ended. This result applies the rules as they were when it ran ({3}).",
                ],
            };
            let name = programme_name(programme, phase, t.locale);
            (
                rules,
                t.text(templates, &[&on.format(t.locale), name, &until, rule]),
            )
        }
        Notice::BudgetMayCloseEarly => (
            &["NAT-P5"],
            t.text(
                [
                    "第Ⅱ期は、予算がなくなる見込みになると、期限より前に登録・契約の受付が終わることがあります。早めの登録・契約をおすすめします（NAT-P5）。",
                    "In Phase II, registration and contracts may close before these dates if the budget is expected to run out; registering and contracting early is safer (NAT-P5).",
                ],
                &[],
            ),
        ),
        Notice::RulesNotInForce {
            on,
            from,
            until,
            rule,
        } => {
            let message = if on < from {
                t.text(
                    [
                        "{0}にはまだ金額の定めがないため、最初に定められたルール（{1}から）で計算しています。",
                        "No figures were in force yet on {0}; the first rules in force (from {1}) were used.",
                    ],
                    &[&on.format(t.locale), &from.format(t.locale)],
                )
            } else {
                let until = until.map(|u| u.format(t.locale)).unwrap_or_default();
                t.text(
                    [
                        "{0}には有効な金額の定めがないため、最後に有効だったルール（{1}まで）で計算しています。",
                        "No figures were in force on {0}; the rules last in force (until {1}) were used.",
                    ],
                    &[&on.format(t.locale), &until],
                )
            };
            return Warning {
                code: WarningCode::RulesNotInForce,
                rules: crate::ids(&[rule]),
                message,
            };
        }
    };
    Warning {
        code: n.code(),
        rules: crate::ids(rules),
        message,
    }
}
