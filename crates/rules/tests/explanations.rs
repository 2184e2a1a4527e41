//! Every sentence the core renders for people, in Japanese and in English, as snapshot files
//! (`tests/snapshots/explanations/<area>.<ja|en>.txt`): a changed word anywhere is a reviewable
//! diff. Each case has a stable header (`## …`) and every sentence is printed with the rule
//! ids it cites. Where the core has a list of variants (warning codes, error kinds, kinds of
//! organisation, industries, questions, areas), the cases iterate over it and the test asserts
//! that every variant was rendered, so a new variant without a snapshot fails here. Where there
//! is no such list, the test reads the module's source: every rule id it writes and every
//! piece of message text in its renderers (`cost::explain`, `sme::classify`, the eligibility
//! verdicts, the plan's checks, the checklist's stage and next steps) must appear in the
//! snapshot, so a new sentence without a case fails too.
//!
//! Regenerate after an intended change: `UPDATE_EXPECT=1 cargo test -p ouen-rules --test
//! explanations`, then read the diff.

mod common;
use common::{nagano_maker, with as patch};
use expect_test::{expect_file, ExpectFile};
use ouen_rules::cost::{
    compute, simulate, Schemes, Simulation, SimulationInput, WarningCode, Working,
};
use ouen_rules::{simulate_raw, Date, ErrorKind, InputError, Locale, RawSimulationInput};
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};
use std::collections::BTreeSet;

const GOLDEN: &str = include_str!("../../../tests/data/golden.json");
const LOCALES: [Locale; 2] = [Locale::Ja, Locale::En];

/// One snapshot per language: cases appended in order, each under its header.
#[derive(Default)]
struct Snap {
    ja: String,
    en: String,
    headers: BTreeSet<String>,
}

impl Snap {
    /// Renders one case in both languages under `header` (unique within the snapshot).
    fn case(&mut self, header: impl Into<String>, render: impl Fn(Locale) -> String) {
        let header = header.into();
        assert!(
            self.headers.insert(header.clone()),
            "duplicate case header {header:?}"
        );
        for l in LOCALES {
            let out = match l {
                Locale::Ja => &mut self.ja,
                Locale::En => &mut self.en,
            };
            let body = render(l);
            assert!(!body.trim().is_empty(), "{header}: nothing rendered");
            *out += &format!("## {header}\n{body}\n");
        }
    }

    fn check(&self, ja: ExpectFile, en: ExpectFile) {
        ja.assert_eq(&self.ja);
        en.assert_eq(&self.en);
    }
}

/// `[NAT-1, NAT-2] text`.
fn line(rules: &[&str], text: &str) -> String {
    format!("[{}] {text}\n", rules.join(", "))
}

/// The rule-id literals (`"NAT-3"`, `"AR-3b"`) a source file of the core writes, so that a
/// test can check each of them shows up in a snapshot.
fn cited_in(source: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for part in source.split('"').skip(1).step_by(2) {
        let id = part.trim();
        let ok = id.split_once('-').is_some_and(|(prefix, rest)| {
            !prefix.is_empty()
                && prefix.chars().all(|c| c.is_ascii_uppercase())
                && rest.starts_with(|c: char| c.is_ascii_alphanumeric())
                && rest.chars().all(|c| c.is_ascii_alphanumeric())
        });
        if ok {
            out.insert(id.to_string());
        }
    }
    // Typed ids too: `RuleId::Sme5` cites `SME-5`.
    let tokens: BTreeSet<&str> = source
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == ':' || c == '_'))
        .collect();
    for id in ouen_rules::rule_ids::RuleId::ALL {
        if tokens.contains(format!("RuleId::{id:?}").as_str()) {
            out.insert(id.as_str().to_string());
        }
    }
    out
}

/// The rules a source file of the core cites as typed ids (`RuleId::NatP1`), by their ids
/// (`NAT-P1`).
fn cited_as_variants(source: &str) -> BTreeSet<String> {
    ouen_rules::rule_ids::RuleId::ALL
        .iter()
        .filter(|id| {
            let token = format!("RuleId::{id:?}");
            // Whole names only: `RuleId::Nat1` must not match `RuleId::Nat11`.
            source.match_indices(&token).any(|(i, _)| {
                !source[i + token.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            })
        })
        .map(|id| id.as_str().to_string())
        .collect()
}

/// Fails naming every rule id in `cited` that no case of `snap` cites, in a `[…]` list of
/// rule ids or in a sentence's own words (a caveat carries its rule in its text).
fn assert_every_rule_rendered(cited: &BTreeSet<String>, snap: &Snap, what: &str) {
    // Whole ids only: `NAT-1` must not match `NAT-10`.
    let rendered: BTreeSet<&str> = snap
        .ja
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .collect();
    let missing: Vec<&String> = cited
        .iter()
        .filter(|id| !rendered.contains(id.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "{what}: no case renders a sentence citing {missing:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Cost split

fn plan(rate: i64, hours: &str, schemes: Schemes) -> SimulationInput {
    SimulationInput::new(Decimal::from(rate), hours.parse().unwrap(), schemes)
}

fn on(mut i: SimulationInput, date: &str) -> SimulationInput {
    i.as_of = Some(Date::parse(date).unwrap());
    i
}

fn render_simulation(s: &Simulation) -> String {
    let mut out = format!(
        "total {} = national {:?} + nagano {:?} + self {}\n",
        s.total_fee, s.subsidies.national, s.subsidies.nagano, s.self_pay
    );
    for step in &s.explanation {
        out += &line(&step.rules, &step.text);
    }
    for w in &s.warnings {
        out += &format!("! {:?} ", w.code);
        out += &line(&w.rules, &w.message);
    }
    if !s.interpretations.is_empty() {
        out += &format!("estimate: {}\n", s.interpretations.join(", "));
    }
    out
}

/// Every warning code, checked exhaustively: adding a code breaks this match (and the test
/// will then ask for a case that produces it).
fn code_name(c: WarningCode) -> &'static str {
    match c {
        WarningCode::NoBenefit => "NoBenefit",
        WarningCode::SmeCapReached => "SmeCapReached",
        WarningCode::ExpertCapReached => "ExpertCapReached",
        WarningCode::NationalCapExhausted => "NationalCapExhausted",
        WarningCode::NaganoHoursCapped => "NaganoHoursCapped",
        WarningCode::NaganoHoursExhausted => "NaganoHoursExhausted",
        WarningCode::ProgrammeClosed => "ProgrammeClosed",
        WarningCode::IntakeClosed => "IntakeClosed",
        WarningCode::ProgrammeNotYetOpen => "ProgrammeNotYetOpen",
        WarningCode::RulesNotInForce => "RulesNotInForce",
        WarningCode::BudgetMayCloseEarly => "BudgetMayCloseEarly",
    }
}

const ALL_CODES: [WarningCode; 11] = [
    WarningCode::NoBenefit,
    WarningCode::SmeCapReached,
    WarningCode::ExpertCapReached,
    WarningCode::NationalCapExhausted,
    WarningCode::NaganoHoursCapped,
    WarningCode::NaganoHoursExhausted,
    WarningCode::ProgrammeClosed,
    WarningCode::IntakeClosed,
    WarningCode::ProgrammeNotYetOpen,
    WarningCode::RulesNotInForce,
    WarningCode::BudgetMayCloseEarly,
];

/// Every step of the working, checked exhaustively: adding a step breaks this match.
fn step_name(w: &Working) -> &'static str {
    match w {
        Working::TotalFee { .. } => "TotalFee",
        Working::NationalPerHour { .. } => "NationalPerHour",
        Working::NationalLeft { .. } => "NationalLeft",
        Working::CapReached { .. } => "CapReached",
        Working::NaganoWithNational { .. } => "NaganoWithNational",
        Working::NaganoWithoutNational { after: None, .. } => "NaganoWithoutNational",
        Working::NaganoWithoutNational { after: Some(_), .. } => "NaganoWithoutNational after",
        Working::NaganoOnly { .. } => "NaganoOnly",
        Working::NaganoHours { .. } => "NaganoHours",
        Working::NationalTotal { .. } => "NationalTotal",
        Working::NaganoTotal { .. } => "NaganoTotal",
        Working::SelfPay { .. } => "SelfPay",
    }
}

const ALL_STEPS: [&str; 12] = [
    "TotalFee",
    "NationalPerHour",
    "NationalLeft",
    "CapReached",
    "NaganoWithNational",
    "NaganoWithoutNational",
    "NaganoWithoutNational after",
    "NaganoOnly",
    "NaganoHours",
    "NationalTotal",
    "NaganoTotal",
    "SelfPay",
];

/// Plans that bring out each warning, each step of the working and each programme date state.
fn cost_cases() -> Vec<(&'static str, SimulationInput)> {
    let mut sme_cap = plan(4000, "10", Schemes::NATIONAL);
    sme_cap.sme_prior_honorarium = Decimal::from(290_000);
    let mut expert_cap = plan(4000, "10", Schemes::NATIONAL);
    expert_cap.expert_prior_honorarium = Decimal::from(1_493_000);
    let mut exhausted = plan(6000, "12", Schemes::NATIONAL);
    exhausted.sme_prior_honorarium = Decimal::from(300_000);
    let mut combined_exhausted = plan(6000, "12", Schemes::COMBINED);
    combined_exhausted.sme_prior_honorarium = Decimal::from(300_000);
    let mut combined_cap_mid = plan(8250, "30", Schemes::COMBINED);
    combined_cap_mid.sme_prior_honorarium = Decimal::from(290_000);
    let mut nagano_prior = plan(4000, "12", Schemes::NAGANO_ONLY);
    nagano_prior.nagano_prior_hours = Decimal::from(20);
    let mut nagano_used_up = plan(4000, "12", Schemes::NAGANO_ONLY);
    nagano_used_up.nagano_prior_hours = Decimal::from(24);
    vec![
        (
            "rate 500 yen/h: no benefit (national)",
            plan(500, "10", Schemes::NATIONAL),
        ),
        (
            "rate 400 yen/h: no benefit (combined)",
            plan(400, "10", Schemes::COMBINED),
        ),
        (
            "rate 600 yen/h, fractional hours",
            plan(600, "1.5", Schemes::COMBINED),
        ),
        ("SME cap ends mid-plan", sme_cap),
        ("expert cap ends mid-plan", expert_cap),
        ("national cap used up before the plan", exhausted),
        (
            "combined, national cap used up before the plan",
            combined_exhausted,
        ),
        (
            "combined, national cap ends inside Nagano's 24 hours",
            combined_cap_mid,
        ),
        (
            "combined beyond Nagano's 24 hours",
            plan(8250, "30", Schemes::COMBINED),
        ),
        ("Nagano only, 20 of 24 hours used before", nagano_prior),
        ("Nagano only, 24 hours used up before", nagano_used_up),
        (
            "fractional hours rounding",
            plan(3333, "1.3333", Schemes::COMBINED),
        ),
        (
            "as of 2019-06-01: before every programme and figure",
            on(plan(6000, "12", Schemes::COMBINED), "2019-06-01"),
        ),
        (
            "as of 2021-01-15: Phase I and Nagano open",
            on(plan(6000, "12", Schemes::COMBINED), "2021-01-15"),
        ),
        (
            "as of 2021-02-10: Phase I intake closed",
            on(plan(6000, "12", Schemes::COMBINED), "2021-02-10"),
        ),
        (
            "as of 2021-04-01: between the phases (national)",
            on(plan(6000, "12", Schemes::NATIONAL), "2021-04-01"),
        ),
        (
            "as of 2021-06-01: Phase II open (national)",
            on(plan(6000, "12", Schemes::NATIONAL), "2021-06-01"),
        ),
        (
            "as of 2021-06-01: Nagano only",
            on(plan(6000, "12", Schemes::NAGANO_ONLY), "2021-06-01"),
        ),
        (
            "as of 2021-11-15: Phase II intake closed (combined)",
            on(plan(6000, "12", Schemes::COMBINED), "2021-11-15"),
        ),
        (
            "as of 2026-11-22: every programme over",
            on(plan(6000, "12", Schemes::COMBINED), "2026-11-22"),
        ),
    ]
}

/// `WarningCode::names_its_rules` says of every warning, in both languages, whether its
/// sentence names all its rules (the plan's notes cite the rules of the others after them).
#[test]
fn every_cost_warning_says_whether_it_names_its_rules() {
    let mut seen = BTreeSet::new();
    for (name, input) in cost_cases() {
        for l in LOCALES {
            for w in simulate(&input, l).warnings {
                let named = w.rules.iter().all(|r| w.message.contains(r));
                assert_eq!(w.code.names_its_rules(), named, "{name}: {}", w.message);
                seen.insert(code_name(w.code));
            }
        }
    }
    assert_eq!(seen.len(), ALL_CODES.len());
}

#[test]
fn cost_explanations_and_warnings() {
    let golden: Json = serde_json::from_str(GOLDEN).unwrap();
    let mut snap = Snap::default();
    for case in golden["cases"].as_array().unwrap() {
        let raw: RawSimulationInput = serde_json::from_value(case["input"].clone()).unwrap();
        snap.case(
            format!(
                "golden: {} ({})",
                case["name"].as_str().unwrap(),
                case["source"].as_str().unwrap()
            ),
            |l| render_simulation(&simulate_raw(&raw, l).expect("a golden case is valid")),
        );
    }
    for case in golden["errors"].as_array().unwrap() {
        let raw: RawSimulationInput = serde_json::from_value(case["input"].clone()).unwrap();
        snap.case(
            format!("golden error: {}", case["name"].as_str().unwrap()),
            |l| {
                let errors = simulate_raw(&raw, l).expect_err("a golden error is refused");
                errors
                    .iter()
                    .map(|e| format!("{}: {}\n", e.field, e.message(l)))
                    .collect()
            },
        );
    }
    let mut codes = BTreeSet::new();
    let mut steps = BTreeSet::new();
    for (name, input) in cost_cases() {
        steps.extend(compute(&input).working.iter().map(step_name));
        for w in simulate(&input, Locale::Ja).warnings {
            codes.insert(code_name(w.code));
        }
        snap.case(format!("plan: {name}"), |l| {
            render_simulation(&simulate(&input, l))
        });
    }
    let missing: Vec<_> = ALL_CODES
        .iter()
        .map(|c| code_name(*c))
        .filter(|c| !codes.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "no case produces the warnings {missing:?}"
    );
    let missing: Vec<_> = ALL_STEPS.iter().filter(|w| !steps.contains(*w)).collect();
    assert!(missing.is_empty(), "no case explains the steps {missing:?}");
    assert_every_rule_rendered(
        &cited_in(include_str!("../../core/src/cost.rs")),
        &snap,
        "cost.rs",
    );
    assert_every_message_rendered(
        include_str!("../../core/src/cost.rs"),
        "pub fn explain(",
        "",
        &snap,
    );
    snap.check(
        expect_file!["snapshots/explanations/cost.ja.txt"],
        expect_file!["snapshots/explanations/cost.en.txt"],
    );
}

// ---------------------------------------------------------------------------------------
// Input errors

/// Every error kind, checked exhaustively: adding a kind breaks this match.
fn kind_name(k: &ErrorKind) -> &'static str {
    match k {
        ErrorKind::Missing => "Missing",
        ErrorKind::NotANumber => "NotANumber",
        ErrorKind::Negative => "Negative",
        ErrorKind::NotPositive => "NotPositive",
        ErrorKind::NotWholeYen => "NotWholeYen",
        ErrorKind::NotWholeNumber => "NotWholeNumber",
        ErrorKind::TooManyDecimals { .. } => "TooManyDecimals",
        ErrorKind::TooLarge { .. } => "TooLarge",
        ErrorKind::AboveCap { .. } => "AboveCap",
        ErrorKind::NoScheme => "NoScheme",
        ErrorKind::UnknownChoice { .. } => "UnknownChoice",
        ErrorKind::NotADate => "NotADate",
        ErrorKind::NoSuchDate => "NoSuchDate",
        ErrorKind::NotABoolean => "NotABoolean",
        ErrorKind::NotAFraction => "NotAFraction",
        ErrorKind::NotAList => "NotAList",
        ErrorKind::NotAnObject => "NotAnObject",
    }
}

const ALL_KINDS: [&str; 17] = [
    "Missing",
    "NotANumber",
    "Negative",
    "NotPositive",
    "NotWholeYen",
    "NotWholeNumber",
    "TooManyDecimals",
    "TooLarge",
    "AboveCap",
    "NoScheme",
    "UnknownChoice",
    "NotADate",
    "NoSuchDate",
    "NotABoolean",
    "NotAFraction",
    "NotAList",
    "NotAnObject",
];

/// Loose values a person or a program may send for any field (`null` is a missing value).
fn bad_values() -> Vec<Json> {
    vec![
        Json::Null,
        json!(""),
        json!("abc"),
        json!(-1),
        json!(0),
        json!(1.5),
        json!("0.12345"),
        json!(1e13),
        json!(1e30),
        json!(300_001),
        json!(1_500_001),
        json!(25),
        json!(true),
        json!("maybe"),
        json!(["tokyo"]),
        json!([]),
        json!("national"),
        json!({"a": 1}),
        json!("2021-02-30"),
        json!("5 Feb"),
    ]
}

/// `base` with `field` (a dotted path) set to `v`, or removed when `v` is null.
fn with(base: &Json, field: &str, v: &Json) -> Json {
    let mut out = base.clone();
    let mut target = &mut out;
    let parts: Vec<&str> = field.split('.').collect();
    for p in &parts[..parts.len() - 1] {
        target = &mut target[*p];
    }
    let last = parts[parts.len() - 1];
    if v.is_null() {
        if let Some(o) = target.as_object_mut() {
            o.remove(last);
        }
    } else {
        target[last] = v.clone();
    }
    out
}

/// Each distinct error a field gives for the bad values, in both languages.
fn field_errors(
    snap: &mut Snap,
    kinds: &mut BTreeSet<&'static str>,
    area: &str,
    base: &Json,
    fields: &[&str],
    validate: impl Fn(&Json) -> Result<(), Vec<InputError>>,
) {
    assert_eq!(validate(base), Ok(()), "{area}: the base input is valid");
    for field in fields {
        let mut seen: Vec<InputError> = Vec::new();
        let mut first_value: Vec<Json> = Vec::new();
        // One line per distinct message: an unknown choice once, whatever was typed.
        let key = |e: &InputError| match e.kind {
            ErrorKind::UnknownChoice { .. } => "UnknownChoice".to_string(),
            ref k => format!("{k:?}"),
        };
        for v in bad_values() {
            let Err(errors) = validate(&with(base, field, &v)) else {
                continue;
            };
            for e in errors {
                assert_eq!(
                    e.field, *field,
                    "{area}: {field} = {v}: another field blamed"
                );
                if !seen.iter().any(|s| key(s) == key(&e)) {
                    kinds.insert(kind_name(&e.kind));
                    seen.push(e);
                    first_value.push(v.clone());
                }
            }
        }
        assert!(!seen.is_empty(), "{area}: {field}: nothing refused");
        snap.case(format!("{area}: {field}"), |l| {
            seen.iter()
                .zip(&first_value)
                .map(|(e, v)| format!("{v} → {}: {}\n", kind_name(&e.kind), e.message(l)))
                .collect()
        });
    }
}

#[test]
fn input_error_messages() {
    let mut snap = Snap::default();
    let mut kinds = BTreeSet::new();
    let sim = json!({"rate": 4000, "hours": 10, "schemes": ["national", "nagano"],
        "smePriorHonorarium": 0, "expertPriorHonorarium": 0, "naganoPriorHours": 0,
        "asOf": "2021-01-15"});
    field_errors(
        &mut snap,
        &mut kinds,
        "simulate",
        &sim,
        &[
            "rate",
            "hours",
            "schemes",
            "smePriorHonorarium",
            "expertPriorHonorarium",
            "naganoPriorHours",
            "asOf",
        ],
        |v| {
            let raw: RawSimulationInput = serde_json::from_value(v.clone()).unwrap();
            raw.validate().map(|_| ())
        },
    );
    let sme = json!({"orgType": "company", "industry": "manufacturing", "capital": 100_000_000,
        "employees": 50, "exclusions": {"singleLargeShare": 0, "totalLargeShare": 0,
        "largeOfficerShare": 0, "ownedByDeemedLarge": false,
        "officersAllFromDeemedLarge": false, "avgTaxableIncome": 0}});
    field_errors(
        &mut snap,
        &mut kinds,
        "classifySme",
        &sme,
        &[
            "orgType",
            "industry",
            "capital",
            "employees",
            "exclusions",
            "exclusions.singleLargeShare",
            "exclusions.totalLargeShare",
            "exclusions.largeOfficerShare",
            "exclusions.ownedByDeemedLarge",
            "exclusions.officersAllFromDeemedLarge",
            "exclusions.avgTaxableIncome",
        ],
        |v| {
            let raw: ouen_rules::sme::RawSmeInput = serde_json::from_value(v.clone()).unwrap();
            raw.validate().map(|_| ())
        },
    );
    let wizard = json!({"location": "nagano", "orgType": "company", "industry": "manufacturing",
        "capital": 100_000_000, "employees": 50, "exclusions": {"singleLargeShare": false,
        "totalLargeShare": "1/3", "largeOfficerShare": 0, "ownedByDeemedLarge": false,
        "officersAllFromDeemedLarge": false, "avgTaxableIncome": false},
        "expertKind": "freelancer", "support": "telework", "asOf": "2021-01-15"});
    field_errors(
        &mut snap,
        &mut kinds,
        "checkEligibility",
        &wizard,
        &[
            "location",
            "orgType",
            "industry",
            "capital",
            "employees",
            "exclusions",
            "exclusions.singleLargeShare",
            "exclusions.totalLargeShare",
            "exclusions.largeOfficerShare",
            "exclusions.ownedByDeemedLarge",
            "exclusions.officersAllFromDeemedLarge",
            "exclusions.avgTaxableIncome",
            "expertKind",
            "support",
            "asOf",
        ],
        |v| {
            let raw: ouen_rules::eligibility::RawEligibilityInput =
                serde_json::from_value(v.clone()).unwrap();
            raw.validate().map(|_| ())
        },
    );
    let missing: Vec<_> = ALL_KINDS.iter().filter(|k| !kinds.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "no field gives the error kinds {missing:?}"
    );
    snap.check(
        expect_file!["snapshots/explanations/errors.ja.txt"],
        expect_file!["snapshots/explanations/errors.en.txt"],
    );
}

// ---------------------------------------------------------------------------------------
// SME classification

use ouen_rules::sme::{classify, Industry, OrgType, RawSmeInput, SmeClassification};

fn render_sme(c: &SmeClassification) -> String {
    let cat = &c.category;
    let mut out = format!(
        "sme {} small {:?} reasons [{}] row {} {}{} caps: capital {:?} employees {} small {:?}\n",
        c.sme,
        c.small_business,
        c.reasons.join(", "),
        cat.rule,
        cat.mark,
        cat.industry_row
            .map(|r| format!(" (industry row {r})"))
            .unwrap_or_default(),
        c.capital_cap,
        c.employee_cap,
        c.small_business_cap,
    );
    if !c.deemed_large.is_empty() {
        out += &format!("deemed large: {:?}\n", c.deemed_large);
    }
    if !c.unanswered.is_empty() {
        out += &format!("unanswered: {}\n", c.unanswered.join(", "));
    }
    out += &format!("summary: {}\n", c.summary);
    for r in &c.explanation {
        out += &line(&r.rules, &r.text);
    }
    for q in &c.to_qualify {
        out += &format!("→ {q}\n");
    }
    out
}

fn no_exclusions() -> Json {
    json!({"singleLargeShare": 0, "totalLargeShare": 0, "largeOfficerShare": 0,
        "ownedByDeemedLarge": false, "officersAllFromDeemedLarge": false, "avgTaxableIncome": 0})
}

/// An SME input for `org`: its industry and capital where it has them.
fn sme_input(org: OrgType, industry: Industry, capital: i64, employees: i64) -> Json {
    let mut v = json!({"orgType": org.id(), "employees": employees, "exclusions": no_exclusions()});
    if org.needs_industry() {
        v["industry"] = json!(industry.id());
    }
    if org.has_capital() {
        v["capital"] = json!(capital);
    }
    v
}

#[test]
fn sme_classification() {
    let mut snap = Snap::default();
    let mut deemed = BTreeSet::new();
    let mut case = |snap: &mut Snap, header: String, v: Json| {
        let raw: RawSmeInput = serde_json::from_value(v.clone()).unwrap();
        let input = raw
            .validate()
            .unwrap_or_else(|e| panic!("{header}: {v} is valid, got {e:?}"));
        deemed.extend(classify(&input, Locale::Ja).deemed_large);
        snap.case(header, |l| render_sme(&classify(&input, l)));
    };
    // Every kind of organisation: a small one, one above the small-business limit, one
    // above every limit.
    for org in OrgType::ALL {
        for (what, capital, employees) in [
            ("5 employees", 10_000_000, 5),
            ("30 employees", 10_000_000, 30),
            ("over every limit", 10_000_000_000, 5_000),
        ] {
            case(
                &mut snap,
                format!("{} ({}): {what}", org.id(), org.label(Locale::En)),
                sme_input(org, Industry::Manufacturing, capital, employees),
            );
        }
    }
    // Every industry of SME-1, for a company: at both limits, one employee over, over both
    // (two things to change).
    for ind in Industry::ALL {
        let cap = i64::try_from(ind.capital_cap().normalize().mantissa()).unwrap();
        assert_eq!(ind.capital_cap().normalize().scale(), 0);
        let staff = i64::from(ind.employee_cap());
        for (what, capital, employees) in [
            ("at both limits", cap, staff),
            ("one employee over", cap, staff + 1),
            ("capital over, employees at the limit", cap + 1, staff),
            ("over both limits", cap + 1, staff + 1),
        ] {
            case(
                &mut snap,
                format!("company, {}: {what}", ind.id()),
                sme_input(OrgType::Company, ind, capital, employees),
            );
        }
    }
    // SME-6: each deemed-large test on its own, then none answered, then just under.
    let small = || sme_input(OrgType::Company, Industry::Manufacturing, 10_000_000, 10);
    for (field, value) in [
        ("singleLargeShare", json!("1/2")),
        ("totalLargeShare", json!("2/3")),
        ("largeOfficerShare", json!(0.5)),
        ("ownedByDeemedLarge", json!(true)),
        ("officersAllFromDeemedLarge", json!(true)),
        ("avgTaxableIncome", json!(1_500_000_001_i64)),
    ] {
        let mut v = small();
        v["exclusions"][field] = value.clone();
        case(&mut snap, format!("deemed large: {field} = {value}"), v);
    }
    // Several things to change at once: every condition listed, all needed.
    let all_six = json!({"singleLargeShare": 1, "totalLargeShare": 1, "largeOfficerShare": 1,
        "ownedByDeemedLarge": true, "officersAllFromDeemedLarge": true,
        "avgTaxableIncome": 2_000_000_000_i64});
    for org in [OrgType::Company, OrgType::SoleProprietor] {
        let mut v = sme_input(org, Industry::Retail, 10_000_000_000, 5_000);
        v["exclusions"] = all_six.clone();
        case(
            &mut snap,
            format!("{}: over every limit and deemed large on all six", org.id()),
            v,
        );
    }
    let mut v = small();
    v.as_object_mut().unwrap().remove("exclusions");
    case(&mut snap, "exclusions not answered".into(), v);
    let mut v = small();
    v["exclusions"]["singleLargeShare"] = json!("49.9%");
    v["exclusions"]["avgTaxableIncome"] = json!(1_500_000_000_i64);
    case(&mut snap, "deemed large: just under the limits".into(), v);

    assert_eq!(
        deemed,
        (1..=6).collect(),
        "every sub-item of SME-6 excludes once"
    );
    let sme_sources = [
        include_str!("../../core/src/sme/mod.rs"),
        include_str!("../../core/src/sme/size.rs"),
        include_str!("../../core/src/sme/deemed_large.rs"),
        include_str!("../../core/src/sme/small_business.rs"),
        include_str!("../../core/src/sme/to_qualify.rs"),
        include_str!("../../core/src/sme/explain.rs"),
    ];
    let cited = cited_in(&sme_sources.concat());
    assert!(
        cited.len() == 7,
        "the SME tests cite SME-1..7, saw {cited:?}"
    );
    assert_every_rule_rendered(&cited, &snap, "sme/");
    assert_every_message_rendered(
        include_str!("../../core/src/sme/explain.rs"),
        "pub fn explain(",
        "",
        &snap,
    );
    snap.check(
        expect_file!["snapshots/explanations/sme.ja.txt"],
        expect_file!["snapshots/explanations/sme.en.txt"],
    );
}

// ---------------------------------------------------------------------------------------
// Eligibility

use ouen_rules::eligibility::{
    check_eligibility_raw, Eligibility, ExpertKind, QuestionId, RawEligibilityInput, SupportKind,
};

fn render_eligibility(e: &Eligibility) -> String {
    let mut out = format!(
        "summary: {}\ncomplete {} next {:?} simulate with {:?}\n",
        e.summary, e.complete, e.next_question, e.simulate_with
    );
    for v in &e.schemes {
        out += &format!(
            "# {:?} {}: {:?} certain {} state {:?}\n{}\n",
            v.scheme, v.name, v.status, v.certain, v.state, v.headline
        );
        for r in &v.reasons {
            out += &line(&r.rules, &format!("{} ({})", r.text, r.sources.join("; ")));
        }
        for q in &v.to_qualify {
            out += &format!("→ {q}\n");
        }
        if !v.pending.is_empty() {
            out += &format!("pending: {:?}\n", v.pending);
        }
        for d in &v.deadlines {
            let mut text = format!("{}: {} ({})", d.label, d.date_text, d.source);
            for s in &d.superseded {
                text += &format!("; superseded {} ({})", s.value, s.source);
            }
            out += "deadline ";
            out += &line(&[d.rule], &text);
        }
        for c in &v.caveats {
            out += &format!("caveat: {c}\n");
        }
        if !v.interpretations.is_empty() {
            out += &format!("estimate: {}\n", v.interpretations.join(", "));
        }
    }
    for q in &e.questions {
        if let Some(note) = &q.note {
            out += &format!("question {} ({:?}): {note}\n", q.label, q.status);
        }
    }
    for s in &e.next_steps {
        out += "step ";
        out += &line(&s.rules, &format!("{} ({})", s.text, s.sources.join("; ")));
    }
    out
}

#[test]
fn eligibility_verdicts() {
    let mut snap = Snap::default();
    let mut asked = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut case = |snap: &mut Snap, header: String, v: Json| {
        let raw: RawEligibilityInput = serde_json::from_value(v.clone()).unwrap();
        let first = check_eligibility_raw(&raw, Locale::Ja)
            .unwrap_or_else(|e| panic!("{header}: {v} is valid, got {e:?}"));
        asked.extend(first.next_question.map(|q| q.field()));
        for v in &first.schemes {
            seen.insert(format!("{:?} {:?}", v.scheme, v.status));
            seen.insert(format!("{:?} {:?}", v.scheme, v.state));
        }
        snap.case(header, |l| {
            render_eligibility(&check_eligibility_raw(&raw, l).unwrap())
        });
    };
    case(&mut snap, "no answers yet".into(), json!({}));
    // The wizard one answer at a time, in the order of its questions.
    let full = nagano_maker();
    let mut so_far = json!({});
    for q in QuestionId::ALL {
        let field = q.field();
        let value = match field.split_once('.') {
            Some((group, item)) => full[group][item].clone(),
            None => full[field].clone(),
        };
        if value.is_null() {
            continue;
        }
        so_far = with(&so_far, field, &value);
        case(&mut snap, format!("answered up to {field}"), so_far.clone());
    }
    for on in [
        "2020-06-01",
        "2020-10-01",
        "2021-01-15",
        "2021-02-10",
        "2021-03-01",
        "2021-04-01",
        "2021-06-01",
        "2021-11-15",
        "2026-11-22",
    ] {
        case(
            &mut snap,
            format!("Nagano maker as of {on}"),
            patch(nagano_maker(), json!({ "asOf": on })),
        );
    }
    case(
        &mut snap,
        "Nagano maker, no as-of date".into(),
        patch(nagano_maker(), json!({"asOf": null})),
    );
    case(
        &mut snap,
        "outside Nagano".into(),
        patch(nagano_maker(), json!({"location": "other"})),
    );
    case(
        &mut snap,
        "not an SME: 500 employees, capital 400 million".into(),
        patch(
            nagano_maker(),
            json!({"employees": 500, "capital": 400_000_000}),
        ),
    );
    case(
        &mut snap,
        "500 employees, capital not given yet".into(),
        patch(nagano_maker(), json!({"employees": 500})),
    );
    case(
        &mut snap,
        "deemed large: a large enterprise holds half".into(),
        patch(
            nagano_maker(),
            json!({"exclusions": {"singleLargeShare": true}}),
        ),
    );
    case(
        &mut snap,
        "a medical corporation, 400 employees".into(),
        patch(
            nagano_maker(),
            json!({"orgType": "medical", "industry": null, "employees": 400}),
        ),
    );
    for (field, what) in [
        (
            "totalLargeShare",
            "large enterprises hold two thirds together",
        ),
        (
            "largeOfficerShare",
            "half the officers from large enterprises",
        ),
        ("ownedByDeemedLarge", "owned by deemed large enterprises"),
        (
            "officersAllFromDeemedLarge",
            "every officer from a deemed large enterprise",
        ),
        ("avgTaxableIncome", "taxable income above 1.5 billion"),
    ] {
        let mut v = nagano_maker();
        v["exclusions"][field] = json!(true);
        case(&mut snap, format!("deemed large: {what}"), v);
    }
    case(
        &mut snap,
        "a sole proprietor, exclusions not answered yet".into(),
        patch(
            nagano_maker(),
            json!({"orgType": "soleProprietor", "exclusions": null}),
        ),
    );
    case(
        &mut snap,
        "a large company outside Nagano: decided before every question".into(),
        json!({"location": "other", "orgType": "company", "industry": "retail",
            "employees": 5000, "capital": 10_000_000_000_i64}),
    );
    case(
        &mut snap,
        "not an SME and an expert of another kind".into(),
        patch(
            nagano_maker(),
            json!({"employees": 5000, "capital": 10_000_000_000_i64, "expertKind": "other"}),
        ),
    );
    for k in ExpertKind::ALL {
        case(
            &mut snap,
            format!("expert: {}", k.id()),
            patch(nagano_maker(), json!({ "expertKind": k.id() })),
        );
    }
    for k in SupportKind::ALL {
        case(
            &mut snap,
            format!("support: {}", k.id()),
            patch(nagano_maker(), json!({ "support": k.id() })),
        );
    }
    assert_every_rule_rendered(
        &cited_in(include_str!("../../core/src/eligibility.rs")),
        &snap,
        "eligibility.rs",
    );
    // Each scheme in each status, and on dates in each state of its programme.
    for scheme in ["National", "Nagano"] {
        for what in [
            "Eligible",
            "NotEligible",
            "NeedsChecking",
            "Some(NotYetOpen)",
            "Some(Open)",
            "Some(Closing)",
            "Some(Closed)",
        ] {
            let key = format!("{scheme} {what}");
            assert!(seen.contains(&key), "no case gives {key}: {seen:?}");
        }
    }
    // Every question is the next one to ask in some case.
    let never: Vec<&str> = QuestionId::ALL
        .iter()
        .map(|q| q.field())
        .filter(|f| !asked.contains(f))
        .collect();
    assert!(never.is_empty(), "no case asks {never:?} next");
    assert_every_message_rendered(
        include_str!("../../core/src/eligibility.rs"),
        "fn check_eligibility_raw(",
        "#[cfg(test)]",
        &snap,
    );
    snap.check(
        expect_file!["snapshots/explanations/eligibility.ja.txt"],
        expect_file!["snapshots/explanations/eligibility.en.txt"],
    );
}

// ---------------------------------------------------------------------------------------
// The plan's checks

use ouen_rules::plan::{check_in, example, ImportError, PlanCheck, PlanDraft, PlanStep};

fn render_check(c: &PlanCheck) -> String {
    let mut out = String::new();
    for e in &c.errors {
        out += &format!("error {}: ", e.field);
        out += &line(&e.rules, &e.message);
    }
    for w in &c.warnings {
        out += &format!("warning {}: ", w.field);
        out += &line(&w.rules, &w.message);
    }
    if c.errors.is_empty() && c.warnings.is_empty() {
        out += "no issue\n";
    }
    out
}

/// The string literals of a piece of Rust source (escapes `\"`, `\\`, `\n` undone).
fn literals(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        // Comments are not messages.
        if c == '/' && chars.peek() == Some(&'/') {
            for c in chars.by_ref() {
                if c == '\n' {
                    break;
                }
            }
            prev = '\n';
            continue;
        }
        // A `'"'` char literal is not the start of a string.
        if c == '"' && prev != '\'' {
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some('n') => s.push('\n'),
                        Some(e) => s.push(e),
                        None => {}
                    },
                    '"' => break,
                    c => s.push(c),
                }
            }
            out.push(s);
            prev = '"';
        } else {
            prev = c;
        }
    }
    out
}

/// Every piece of text of the messages written between `from` and `to` in `source` (the
/// parts of each literal around its `{…}` placeholders; literals without a space or a
/// non-ASCII character are ids, not text) must appear in the snapshot of its language.
fn assert_every_message_rendered(source: &str, from: &str, to: &str, snap: &Snap) {
    let start = source.find(from).expect("start marker");
    // An empty `to`: up to the end of the file.
    let end = match to {
        "" => source.len(),
        to => start + source[start..].find(to).expect("end marker"),
    };
    let mut missing = Vec::new();
    for lit in literals(&source[start..end]) {
        // Japanese if it has kana, kanji or full-width forms (a dash or ¥ is not enough).
        let ja = lit.chars().any(|c| {
            ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        });
        if !ja && !lit.contains(' ') {
            continue;
        }
        let rendered = if ja { &snap.ja } else { &snap.en };
        let mut rest = lit.as_str();
        while !rest.is_empty() {
            let (piece, after) = match rest.split_once('{') {
                Some((p, a)) => (p, a.split_once('}').map_or("", |x| x.1)),
                None => (rest, ""),
            };
            if !piece.trim().is_empty() && !rendered.contains(piece) {
                missing.push(format!("{piece:?} (of {lit:?})"));
            }
            rest = after;
        }
    }
    assert!(
        missing.is_empty(),
        "no case renders these message texts:\n{}",
        missing.join("\n")
    );
}

fn plan_cases() -> Vec<(&'static str, PlanDraft)> {
    let ex = example;
    let edit = |f: &dyn Fn(&mut PlanDraft)| {
        let mut d = example();
        f(&mut d);
        d
    };
    let long = "字".repeat(10_001);
    vec![
        ("the example", ex()),
        ("an empty draft", PlanDraft::default()),
        ("a newer draft version", edit(&|d| d.version = 99)),
        ("unknown mode", edit(&|d| d.mode = "tokyo".into())),
        (
            "every text too long",
            edit(&|d| {
                for s in [
                    &mut d.sme.name,
                    &mut d.sme.address,
                    &mut d.sme.industry,
                    &mut d.sme.contact_name,
                    &mut d.sme.phone,
                    &mut d.sme.email,
                    &mut d.expert.name,
                    &mut d.expert.affiliation,
                    &mut d.expert.contact,
                    &mut d.issue,
                    &mut d.background,
                    &mut d.goals,
                    &mut d.measurement,
                    &mut d.travel.note,
                ] {
                    *s = long.clone();
                }
                d.steps[0].title = long.clone();
                d.steps[0].detail = long.clone();
                d.sme.capital = "1".repeat(10_001);
                d.sme.employees = "1".repeat(10_001);
            }),
        ),
        (
            "capital and employees not numbers",
            edit(&|d| {
                d.sme.capital = "abc".into();
                d.sme.employees = "1.5".into();
            }),
        ),
        (
            "combined outside Nagano",
            edit(&|d| d.sme.location = "other".into()),
        ),
        ("expert kind missing", edit(&|d| d.expert.kind = "".into())),
        (
            "expert undecided",
            edit(&|d| d.expert.kind = "undecided".into()),
        ),
        (
            "other expert, national",
            edit(&|d| d.expert.kind = "other".into()),
        ),
        (
            "other expert, prefecture only",
            edit(&|d| {
                d.mode = "naganoOnly".into();
                d.expert.kind = "other".into();
                d.application_date = "2021-02-01".into();
                d.start = "2021-02-01".into();
                d.end = "2021-03-10".into();
            }),
        ),
        (
            "SME Supporter without its name",
            edit(&|d| d.expert.kind = "smeSupporter".into()),
        ),
        (
            "a contract for work",
            edit(&|d| d.contract = "contractForWork".into()),
        ),
        ("no steps", edit(&|d| d.steps.clear())),
        (
            "101 steps",
            edit(&|d| {
                d.steps = vec![
                    PlanStep {
                        title: "支援".into(),
                        detail: String::new(),
                        hours: "0.25".into(),
                    };
                    101
                ]
            }),
        ),
        (
            "a step without name or hours",
            edit(&|d| {
                d.steps[1].title = " ".into();
                d.steps[1].hours = "abc".into();
                d.steps[2].hours = "0".into();
            }),
        ),
        (
            "more than 10,000 hours",
            edit(&|d| {
                d.steps[0].hours = "6000".into();
                d.steps[1].hours = "6000".into();
            }),
        ),
        (
            "dates that do not exist or are not dates",
            edit(&|d| {
                d.contract_date = "2020-11-31".into();
                d.application_date = "x".into();
                d.start = "2020/11/09".into();
                d.end = "2021-02-29".into();
            }),
        ),
        (
            "end before start, start before the contract",
            edit(&|d| {
                d.start = "2020-11-01".into();
                d.end = "2020-10-30".into();
            }),
        ),
        (
            "contract before Phase I",
            edit(&|d| {
                d.contract_date = "2020-08-01".into();
                d.application_date = "2020-08-01".into();
                d.start = "2020-08-03".into();
            }),
        ),
        (
            "Phase I contract, support past its end",
            edit(&|d| d.end = "2021-03-15".into()),
        ),
        (
            "contract between the phases",
            edit(&|d| {
                d.mode = "national".into();
                d.contract_date = "2021-03-10".into();
                d.start = "2021-03-15".into();
                d.end = "2021-05-01".into();
            }),
        ),
        (
            "Phase II national, contract and support too late",
            edit(&|d| {
                d.mode = "national".into();
                d.contract_date = "2021-12-20".into();
                d.start = "2021-12-21".into();
                d.end = "2022-02-01".into();
            }),
        ),
        (
            "Phase II contract with the combined programmes",
            edit(&|d| {
                d.contract_date = "2021-05-10".into();
                d.application_date = "2021-05-10".into();
                d.start = "2021-05-11".into();
                d.end = "2021-06-30".into();
            }),
        ),
        (
            "combined, applied to Nagano and ended too late",
            edit(&|d| {
                d.application_date = "2021-02-10".into();
                d.end = "2021-02-27".into();
            }),
        ),
        (
            "prefecture only, outside the application period and support too late",
            edit(&|d| {
                d.mode = "naganoOnly".into();
                d.contract_date = String::new();
                d.application_date = "2021-03-01".into();
                d.start = "2021-02-15".into();
                d.end = "2021-03-20".into();
            }),
        ),
        ("rate of 500 yen", edit(&|d| d.rate = "500".into())),
        ("rate not a number", edit(&|d| d.rate = "abc".into())),
        (
            "priors above the caps",
            edit(&|d| {
                d.sme_prior_honorarium = "300001".into();
                d.expert_prior_honorarium = "1500001".into();
                d.nagano_prior_hours = "25".into();
            }),
        ),
        (
            "cost warnings: national cap nearly used, Nagano hours nearly used",
            edit(&|d| {
                d.sme_prior_honorarium = "290000".into();
                d.nagano_prior_hours = "20".into();
            }),
        ),
        (
            "travel of 100 km or more",
            edit(&|d| d.travel.over100km = true),
        ),
    ]
}

#[test]
fn plan_check_messages() {
    let mut snap = Snap::default();
    for (name, draft) in plan_cases() {
        snap.case(format!("plan: {name}"), |l| {
            render_check(&check_in(&draft, l))
        });
    }
    snap.case("import: not a plan", |l| {
        ImportError::Malformed("x".into()).message(l) + "\n"
    });
    snap.case("import: a newer format", |l| {
        ImportError::TooNew(2).message(l) + "\n"
    });
    // The checks' sentences and the names of the fields in them are all in `plan/finding.rs`,
    // which cites the rules as `RuleId`s.
    let source = include_str!("../src/plan/finding.rs");
    let cited = cited_as_variants(source);
    assert!(
        cited.contains("NAT-P1") && cited.contains("NGN-4"),
        "{cited:?}"
    );
    assert_every_rule_rendered(&cited, &snap, "plan/finding.rs");
    assert_every_message_rendered(source, "fn name(f: Field)", "", &snap);
    let draft = include_str!("../src/plan/draft.rs");
    assert_every_message_rendered(draft, "impl ImportError", "pub fn migrate", &snap);
    snap.check(
        expect_file!["snapshots/explanations/plan.ja.txt"],
        expect_file!["snapshots/explanations/plan.en.txt"],
    );
}

/// The completeness checks above do fail: on a snapshot that lacks a sentence.
#[test]
fn the_completeness_checks_fail_on_a_missing_sentence() {
    let source = include_str!("../src/plan/finding.rs");
    let texts = literals(&source[source.find("fn name(f: Field)").unwrap()..]);
    assert!(
        texts
            .iter()
            .any(|t| t == "Please enter at least one support step."),
        "{texts:?}"
    );
    assert!(texts
        .iter()
        .any(|t| t.contains("\"National programme only\"")));
    // Comments are skipped; templates are read whole; escapes are undone.
    let cost = include_str!("../../core/src/cost.rs");
    let cost = literals(&cost[cost.find("pub fn explain(").unwrap()..]);
    assert!(cost.contains(&"Total fee = hourly rate {0} × {1} = {2}".to_string()));
    let elig = literals(include_str!("../../core/src/eligibility.rs"));
    assert!(
        !elig.iter().any(|t| t == "as things stand"),
        "a comment's quote"
    );
    assert_eq!(
        literals("// \"no\"\nlet a = \"x \\\"y\\\"\"; // \"no\"\nf('\"');"),
        vec!["x \"y\"".to_string()]
    );
    let mut snap = Snap::default();
    snap.case("one sentence", |_| "[NAT-2] 自己負担\n".into());
    let fails = |f: &dyn Fn()| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).is_err();
    assert!(fails(&|| assert_every_message_rendered(
        source,
        "fn check_facts",
        "pub struct RenderOptions",
        &snap
    )));
    let cited: BTreeSet<String> = ["NAT-2".to_string()].into();
    assert_every_rule_rendered(&cited, &snap, "one");
    let cited: BTreeSet<String> = ["NAT-2".to_string(), "NAT-20".to_string()].into();
    assert!(fails(&|| assert_every_rule_rendered(&cited, &snap, "two")));
    assert_eq!(
        cited_in(r#"x("NAT-1", "AR-3b"), "Not-1", "NAT 1", "sme.name""#),
        ["AR-3b".to_string(), "NAT-1".to_string()].into()
    );
}

// ---------------------------------------------------------------------------------------
// The checklist's stage and next steps

use ouen_rules::checklist::{self, Answer, Area, BusinessKind, ChecklistResult, RawAnswers, ITEMS};

fn render_checklist(r: &ChecklistResult) -> String {
    let pct = |p: Option<u32>| p.map_or("-".to_string(), |p| format!("{p}%"));
    let mut out = format!(
        "overall {} operations {}\n",
        pct(r.overall.percent),
        pct(r.operations.percent)
    );
    for a in &r.areas {
        out += &format!(
            "area {}: {} ({} apply, {} unknown)\n",
            a.label,
            pct(a.score.percent),
            a.applicable,
            a.unknown
        );
    }
    if !r.unknown.is_empty() {
        out += &format!("unknown: {}\n", r.unknown.join(", "));
    }
    if !r.not_applicable.is_empty() {
        out += &format!("not applicable: {}\n", r.not_applicable.join(", "));
    }
    let s = &r.stage;
    out += &format!(
        "stage {} {}: {}\ncited: {}\n",
        s.mark,
        s.title,
        s.reason,
        s.cited.join(", ")
    );
    for n in &r.next_steps {
        out += &format!("next {} {}%\n", n.label, n.percent);
        for a in &n.actions {
            out += &format!("  - {a}\n");
        }
        let names: Vec<&str> = n.supports.iter().map(|s| s.name.as_str()).collect();
        out += &format!("  supports: {}\n", names.join(", "));
    }
    out
}

/// Every item answered by `pick` (its answer if the item offers it, else 未着手).
fn answers(kind: BusinessKind, pick: impl Fn(&checklist::Item) -> Answer) -> RawAnswers {
    ITEMS
        .iter()
        .map(|it| {
            let a = pick(it);
            let a = if it.choices(kind).contains(&a) {
                a
            } else {
                Answer::NotStarted
            };
            (it.id.to_string(), ouen_rules::Value::from(a.id()))
        })
        .collect()
}

#[test]
fn checklist_stage_and_next_steps() {
    let mut snap = Snap::default();
    let mut stages = BTreeSet::new();
    let mut first_areas = BTreeSet::new();
    let mut case = |snap: &mut Snap, header: String, kind: BusinessKind, raw: RawAnswers| {
        let a = checklist::validate(kind, &raw)
            .unwrap_or_else(|e| panic!("{header}: valid answers, got {e:?}"));
        let r = checklist::score(&a, Locale::Ja);
        stages.insert(r.stage.stage);
        first_areas.extend(r.next_steps.first().map(|n| n.area.id()));
        snap.case(header, |l| render_checklist(&checklist::score(&a, l)));
    };
    let other = BusinessKind::Other;
    for level in Answer::ALL {
        if level != Answer::NotApplicable {
            case(
                &mut snap,
                format!("every item {}", level.id()),
                other,
                answers(other, |_| level),
            );
        }
    }
    for kind in BusinessKind::ALL {
        case(
            &mut snap,
            format!(
                "{}: not applicable where offered, else not started",
                kind.id()
            ),
            kind,
            answers(kind, |_| Answer::NotApplicable),
        );
    }
    // Stage ② for each reason it stops short of ③.
    let ops = |it: &checklist::Item| it.area.is_operations();
    case(
        &mut snap,
        "stage 2: some operations items done, strategy done".into(),
        other,
        answers(other, |it| {
            if ops(it) && it.id.len() % 2 == 0 {
                Answer::Done
            } else if ops(it) {
                Answer::NotStarted
            } else {
                Answer::Done
            }
        }),
    );
    case(
        &mut snap,
        "stage 2: operations done, strategy not started".into(),
        other,
        answers(other, |it| {
            if ops(it) {
                Answer::Done
            } else {
                Answer::NotStarted
            }
        }),
    );
    case(
        &mut snap,
        "stage 2: everything done but the value item".into(),
        other,
        answers(other, |it| {
            if it.id == "st-value" {
                Answer::Considering
            } else {
                Answer::Done
            }
        }),
    );
    case(
        &mut snap,
        "stage 3: everything done but the owner's vision".into(),
        other,
        answers(other, |it| {
            if it.id == "st-owner-vision" {
                Answer::Partial
            } else {
                Answer::Done
            }
        }),
    );
    // Each area the weakest in turn: its actions and supports come first.
    for area in Area::ALL {
        case(
            &mut snap,
            format!("weakest area: {}", area.id()),
            other,
            answers(other, |it| {
                if it.area == area {
                    Answer::NotStarted
                } else {
                    Answer::Done
                }
            }),
        );
    }
    // Answers that are refused, each naming its item.
    let mut bad = answers(other, |_| Answer::Done);
    let first = ITEMS[0].id.to_string();
    let second = ITEMS[1].id.to_string();
    bad.remove(&first);
    bad.insert(second, ouen_rules::Value::from("sometimes"));
    bad.insert("no-such-item".into(), ouen_rules::Value::from("done"));
    let errors = checklist::validate(other, &bad).expect_err("refused");
    snap.case("refused answers", |l| {
        errors
            .iter()
            .map(|e| format!("{}: {}\n", e.field, e.message(l)))
            .collect()
    });
    snap.case("the stage's basis", |l| {
        let a = checklist::validate(other, &answers(other, |_| Answer::Done)).unwrap();
        checklist::score(&a, l).stage.basis + "\n"
    });

    assert_eq!(stages, (1..=4).collect(), "every stage is reached");
    let source = include_str!("../src/checklist.rs");
    assert_every_message_rendered(source, "fn area_action", "pub struct Assessment", &snap);
    assert_every_message_rendered(source, "fn stage(", "pub struct Comparison", &snap);
    let all: BTreeSet<&str> = Area::ALL.iter().map(|a| a.id()).collect();
    assert_eq!(first_areas, all, "every area is the first next step once");
    snap.check(
        expect_file!["snapshots/explanations/checklist.ja.txt"],
        expect_file!["snapshots/explanations/checklist.en.txt"],
    );
}
