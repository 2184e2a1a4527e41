//! The checks of a draft against the rules and the dates in force, as data. Each concern is a
//! function that records what it finds ([`Finding`]s: no text): the texts, the business and
//! its location, the expert, the contract, the steps and hours, the dates, the programmes'
//! deadlines, the rate and the cost split, travel. [`compute`] runs them in document order;
//! [`super::finding::explain`] puts the findings into words ([`check_in`]).

use super::draft::{PlanDraft, PlanMode, DRAFT_VERSION};
use super::field::PlanField as Field;
use super::finding::{explain, Finding};
use crate::cost::{
    compute as compute_cost, Computation, RawSimulationInput, Simulation, MAX_HOURS, MAX_RATE,
};
use crate::eligibility::ExpertKind;
use crate::input::{number_field, parse_date_field, ErrorKind, InputError, NumberRule, Value};
use crate::params::{Params, DATES};
use crate::{Date, Locale, Scheme};
use rust_decimal::Decimal;
use serde::Serialize;

/// The longest text accepted in one field (characters).
pub const MAX_TEXT: usize = 10_000;
/// The most steps a plan may have.
pub const MAX_STEPS: usize = 100;

/// One problem found in a draft. `field` is a path in the draft (`sme.name`,
/// `steps.2.hours`, `end`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanIssue {
    pub field: String,
    pub rules: Vec<&'static str>,
    pub message: String,
}

/// A checked plan: errors block every output; warnings are printed on the documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanCheck {
    pub errors: Vec<PlanIssue>,
    pub warnings: Vec<PlanIssue>,
    /// Sum of the steps' hours, when they all parse.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    #[serde(with = "crate::format::as_number_opt")]
    pub total_hours: Option<Decimal>,
    /// The cost split from the rules core, when rate, hours and mode are valid.
    pub simulation: Option<Simulation>,
}

impl PlanCheck {
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// The draft's dates that parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Dates {
    pub contract: Option<Date>,
    pub application: Option<Date>,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

/// The validated facts the documents need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Facts {
    pub mode: PlanMode,
    pub expert_kind: Option<ExpertKind>,
    pub dates: Dates,
    /// A national contract of Phase II.
    pub phase_two: bool,
}

/// A draft checked, before any sentence: what was found (in document order), the facts, the
/// steps' total hours and the cost split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Checked {
    pub findings: Vec<Finding>,
    pub facts: Facts,
    pub total_hours: Option<Decimal>,
    pub cost: Option<Computation>,
}

/// Checks a draft against the rules and the dates in force. Every problem is reported,
/// in Japanese (the documents' language); see [`check_in`] for the interface's language.
pub fn check(d: &PlanDraft) -> PlanCheck {
    check_in(d, Locale::Ja)
}

/// [`check`] with the messages in `locale` (the documents themselves stay Japanese).
pub fn check_in(d: &PlanDraft, locale: Locale) -> PlanCheck {
    explain(&compute(d), locale)
}

impl PlanDraft {
    /// Sum of the steps' hours, when every step's hours parse.
    pub fn total_hours(&self) -> Option<Decimal> {
        let mut sum = Decimal::ZERO;
        for s in &self.steps {
            let d = parse_hours(&s.hours).ok()?;
            sum += d;
        }
        Some(sum)
    }
}

/// Every check of a draft, in document order; no sentence is written here.
pub(crate) fn compute(d: &PlanDraft) -> Checked {
    let mut found = Vec::new();
    if d.version > DRAFT_VERSION {
        found.push(Finding::TooNew(d.version));
    }
    let mode = PlanMode::parse(&d.mode).unwrap_or_else(|| {
        found.push(Finding::UnknownMode);
        PlanMode::National
    });
    texts(d, &mut found);
    business(d, mode, &mut found);
    let expert_kind = expert(d, mode, &mut found);
    contract(d, &mut found);
    let total_hours = steps(d, &mut found);
    let dates = dates(d, mode, &mut found);
    // The plan's date: the figures and the programme dates are those in force on it.
    let as_of = dates.contract.or(dates.application).or(dates.start);
    let phase_two = mode.national() && national_deadlines(&dates, as_of, &mut found);
    match mode {
        PlanMode::Combined => combined_deadlines(&dates, phase_two, as_of, &mut found),
        PlanMode::NaganoOnly => prefecture_deadlines(&dates, as_of, &mut found),
        PlanMode::National => {}
    }
    let cost = cost(d, mode, total_hours, as_of, &mut found);
    if d.travel.over100km {
        found.push(Finding::Travel);
    }
    Checked {
        findings: found,
        facts: Facts {
            mode,
            expert_kind,
            dates,
            phase_two,
        },
        total_hours,
        cost,
    }
}

fn too_long(v: &str) -> bool {
    v.chars().count() > MAX_TEXT
}

/// Required and over-long text fields, in document order.
fn texts(d: &PlanDraft, found: &mut Vec<Finding>) {
    let texts: [(Field, bool); 16] = [
        (Field::SmeName, true),
        (Field::SmeAddress, true),
        (Field::SmeIndustry, true),
        (Field::SmeCapital, false),
        (Field::SmeEmployees, true),
        (Field::SmeContactName, true),
        (Field::SmePhone, true),
        (Field::SmeEmail, false),
        (Field::ExpertName, true),
        (Field::ExpertAffiliation, false),
        (Field::ExpertContact, false),
        (Field::Issue, true),
        (Field::Background, false),
        (Field::Goals, true),
        (Field::Measurement, true),
        (Field::TravelNote, false),
    ];
    for (field, required) in texts {
        let v = field.text(d).unwrap_or_default();
        if required && v.trim().is_empty() {
            found.push(Finding::Missing(field));
        }
        if too_long(v) {
            found.push(Finding::TooLong(field));
        }
    }
}

/// The business: its capital and employees as numbers, and a Nagano mode only for a
/// business in Nagano (NGN-1).
fn business(d: &PlanDraft, mode: PlanMode, found: &mut Vec<Finding>) {
    for (field, name, v) in [
        (Field::SmeCapital, "capital", &d.sme.capital),
        (Field::SmeEmployees, "employees", &d.sme.employees),
    ] {
        if v.trim().is_empty() {
            continue;
        }
        let rule = NumberRule {
            whole: Some(ErrorKind::NotWholeNumber),
            max_decimals: 0,
            positive: false,
            max: Decimal::from(1_000_000_000_000_000i64),
        };
        if let Err(e) = number_field(name, Some(&Value::Text(v.clone())), None, rule) {
            found.push(Finding::Number(field, e));
        }
    }
    if mode.nagano() && d.sme.location.trim() != "nagano" {
        found.push(Finding::OutsideNagano);
    }
}

/// The expert (EXP-1): a kind the mode accepts, and an SME Supporter's organisation named.
fn expert(d: &PlanDraft, mode: PlanMode, found: &mut Vec<Finding>) -> Option<ExpertKind> {
    let kind = ExpertKind::parse(&d.expert.kind);
    match kind {
        None => found.push(Finding::NoExpertKind),
        Some(ExpertKind::Undecided) => found.push(Finding::ExpertUndecided),
        Some(ExpertKind::Other) if mode.national() => found.push(Finding::OtherExpertNational),
        Some(ExpertKind::Other) => found.push(Finding::OtherExpertPrefecture),
        _ => {}
    }
    if kind == Some(ExpertKind::SmeSupporter) && d.expert.affiliation.trim().is_empty() {
        found.push(Finding::SupporterUnnamed);
    }
    kind
}

/// The contract type (NAT-6).
fn contract(d: &PlanDraft, found: &mut Vec<Finding>) {
    if d.contract.trim() != "quasiMandate" {
        found.push(Finding::NotQuasiMandate);
    }
}

/// Hours as a step holds them, read as a simulation reads hours ([`crate::cost::hours_rule`]).
pub(crate) fn parse_hours(s: &str) -> Result<Decimal, InputError> {
    number_field(
        "hours",
        Some(&Value::Text(s.to_string())),
        None,
        crate::cost::hours_rule(),
    )
}

/// The steps, each named, with texts of a sane length and hours; their total, when every
/// step's hours read and add up to at most [`MAX_HOURS`].
fn steps(d: &PlanDraft, found: &mut Vec<Finding>) -> Option<Decimal> {
    if d.steps.is_empty() {
        found.push(Finding::NoSteps);
    }
    if d.steps.len() > MAX_STEPS {
        found.push(Finding::TooManySteps);
    }
    let mut total = Some(Decimal::ZERO);
    for (i, s) in d.steps.iter().enumerate() {
        if s.title.trim().is_empty() {
            found.push(Finding::Missing(Field::StepTitle(i)));
        }
        if too_long(&s.title) {
            found.push(Finding::TooLong(Field::StepTitle(i)));
        }
        if too_long(&s.detail) {
            found.push(Finding::TooLong(Field::StepDetail(i)));
        }
        match parse_hours(&s.hours) {
            Ok(h) => total = total.map(|t| t + h),
            Err(e) => {
                total = None;
                found.push(Finding::Hours(i, e));
            }
        }
    }
    match total {
        Some(t) if t > Decimal::from(MAX_HOURS) => {
            found.push(Finding::TooManyHours);
            None
        }
        t => t,
    }
}

/// A date field: `None` when empty (missing if `needed`) or not a date.
fn date(field: Field, v: &str, needed: bool, found: &mut Vec<Finding>) -> Option<Date> {
    if v.trim().is_empty() {
        if needed {
            found.push(Finding::Missing(field));
        }
        return None;
    }
    parse_date_field("date", v)
        .map_err(|e| found.push(Finding::Date(field, e)))
        .ok()
}

/// The dates: the contract's for the national programme, the application's for Nagano, the
/// support's start and end, in order, the start after the contract (NAT-11).
fn dates(d: &PlanDraft, mode: PlanMode, found: &mut Vec<Finding>) -> Dates {
    let dates = Dates {
        contract: date(
            Field::ContractDate,
            &d.contract_date,
            mode.national(),
            found,
        ),
        application: date(
            Field::ApplicationDate,
            &d.application_date,
            mode.nagano(),
            found,
        ),
        start: date(Field::Start, &d.start, true, found),
        end: date(Field::End, &d.end, true, found),
    };
    if let (Some(s), Some(e)) = (dates.start, dates.end) {
        if e < s {
            found.push(Finding::EndBeforeStart);
        }
    }
    if let (Some(c), Some(s)) = (dates.contract, dates.start) {
        if s < c {
            found.push(Finding::StartBeforeContract);
        }
    }
    dates
}

/// A programme date as in force on the plan's date (`as_of`: its contract date, else its
/// application date, else its start), as the figures are; the latest with none.
fn date_param(id: &str, as_of: Option<Date>) -> Date {
    DATES
        .iter()
        .find(|d| d.id() == id)
        .map(|d| d.on(as_of).value)
        // build.rs guarantees these ids; a missing one is a programming error caught by tests.
        .unwrap_or_else(|| panic!("date parameter {id} missing"))
}

/// The national programme's phases (NAT-P1, NAT-P2, NAT-P4, NAT-P5): whether the contract
/// is of Phase II.
fn national_deadlines(dates: &Dates, as_of: Option<Date>, found: &mut Vec<Finding>) -> bool {
    let Some(c) = dates.contract else {
        return false;
    };
    let p1_start = date_param("nationalP1RegistrationStart", as_of);
    let p1_support_end = date_param("nationalP1SupportEnd", as_of);
    let p2_start = date_param("nationalP2Start", as_of);
    if c < p1_start {
        found.push(Finding::BeforePhaseOne { opens: p1_start });
        return false;
    }
    if c <= p1_support_end {
        if dates.end.is_some_and(|e| e > p1_support_end) {
            found.push(Finding::PhaseOneEndsLate {
                by: p1_support_end,
                phase_two: p2_start,
            });
        }
        return false;
    }
    if c < p2_start {
        found.push(Finding::BetweenPhases {
            phase_one_until: p1_support_end,
            phase_two: p2_start,
        });
        return false;
    }
    let p2_contract_end = date_param("nationalP2ContractEnd", as_of);
    let p2_support_end = date_param("nationalP2SupportEnd", as_of);
    if c > p2_contract_end {
        found.push(Finding::PhaseTwoContractLate {
            by: p2_contract_end,
        });
    }
    if dates.end.is_some_and(|e| e > p2_support_end) {
        found.push(Finding::PhaseTwoEndsLate { by: p2_support_end });
    }
    found.push(Finding::BudgetMayCloseEarly);
    true
}

/// The combined programmes' deadlines (NGN-5).
fn combined_deadlines(
    dates: &Dates,
    phase_two: bool,
    as_of: Option<Date>,
    found: &mut Vec<Finding>,
) {
    let app_end = date_param("naganoCombinedApplicationEnd", as_of);
    let support_end = date_param("naganoCombinedSupportEnd", as_of);
    let report_end = date_param("naganoCombinedReportEnd", as_of);
    if dates.application.is_some_and(|a| a > app_end) {
        found.push(Finding::CombinedApplicationLate { by: app_end });
    }
    if dates.end.is_some_and(|e| e > support_end) {
        found.push(Finding::CombinedEndsLate { by: support_end });
    }
    if phase_two {
        found.push(Finding::CombinedPhaseTwo);
    }
    found.push(Finding::CombinedDeadlines {
        apply_by: app_end,
        report_by: report_end,
    });
}

/// The prefecture-only subsidy's application period and deadline (NGN-6).
fn prefecture_deadlines(dates: &Dates, as_of: Option<Date>, found: &mut Vec<Finding>) {
    let app_start = date_param("naganoOnlyApplicationStart", as_of);
    let app_end = date_param("naganoOnlyApplicationEnd", as_of);
    let support_end = date_param("naganoOnlySupportEnd", as_of);
    if dates
        .application
        .is_some_and(|a| a < app_start || a > app_end)
    {
        found.push(Finding::PrefectureApplicationPeriod {
            from: app_start,
            until: app_end,
        });
    }
    if dates.end.is_some_and(|e| e > support_end) {
        found.push(Finding::PrefectureEndsLate { by: support_end });
    }
    if let (Some(a), Some(s)) = (dates.application, dates.start) {
        if s < a {
            found.push(Finding::StartBeforeApplication);
        }
    }
}

/// The rate (NAT-2) and the amounts already received (NAT-3, NAT-4, NGN-3); the cost split
/// from the rules core when they and the hours are valid (its warnings are the cost split's
/// own, [`Finding::CostWarnings`]).
fn cost(
    d: &PlanDraft,
    mode: PlanMode,
    total_hours: Option<Decimal>,
    as_of: Option<Date>,
    found: &mut Vec<Finding>,
) -> Option<Computation> {
    let min_self = Params::in_force(as_of).min_self_pay_per_hour.value;
    let rate = number_field(
        "rate",
        Some(&Value::Text(d.rate.clone())),
        None,
        NumberRule {
            whole: Some(ErrorKind::NotWholeYen),
            max_decimals: 0,
            positive: true,
            max: Decimal::from(MAX_RATE),
        },
    );
    let rate_ok = match rate {
        Ok(r) if r <= min_self => {
            found.push(Finding::NoBenefit { min_self });
            false
        }
        Ok(_) => true,
        Err(e) => {
            found.push(Finding::Number(Field::Rate, e));
            false
        }
    };
    let raw = RawSimulationInput {
        rate: Some(Value::Text(d.rate.clone())),
        hours: total_hours.map(|t| Value::Text(t.to_string())),
        schemes: Some(Value::List(
            mode.schemes()
                .list()
                .iter()
                .map(|s| {
                    Value::Text(
                        match s {
                            Scheme::National => "national",
                            Scheme::Nagano => "nagano",
                        }
                        .into(),
                    )
                })
                .collect(),
        )),
        sme_prior_honorarium: Some(Value::Text(d.sme_prior_honorarium.clone())),
        expert_prior_honorarium: Some(Value::Text(d.expert_prior_honorarium.clone())),
        nagano_prior_hours: Some(Value::Text(d.nagano_prior_hours.clone())),
        as_of: as_of.map(|a| Value::Text(a.to_string())),
    };
    match raw.validate() {
        Ok(input) if rate_ok => {
            found.push(Finding::CostWarnings);
            Some(compute_cost(&input))
        }
        Ok(_) => None,
        Err(errors) => {
            for e in errors {
                let field = match e.field {
                    "smePriorHonorarium" => Field::SmePriorHonorarium,
                    "expertPriorHonorarium" => Field::ExpertPriorHonorarium,
                    "naganoPriorHours" => Field::NaganoPriorHours,
                    _ => continue, // rate, hours and dates are reported above
                };
                found.push(Finding::Number(field, e));
            }
            None
        }
    }
}
