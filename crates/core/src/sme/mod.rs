//! Who is an SME (中小企業者) and a small business (小規模事業者): SME-1..7.
//!
//! [`RawSmeInput::validate`] reads the loose input (every problem at once, each naming its
//! field); [`classify`] is a pure function of the validated [`SmeInput`] that says whether the
//! business is an SME, whether it is also a small business, which rules decided it, why, and —
//! when it does not qualify — the smallest change that would make it qualify.
//!
//! Computed, then explained, one concern per file: [`compute`] runs the tests and writes no
//! sentence — the size test (SME-1..4, `size.rs`), the deemed-large test (SME-6, SME-7,
//! `deemed_large.rs`), the small-business test (SME-5, `small_business.rs`) and what would
//! qualify (`to_qualify.rs`) — and returns an [`Assessment`]: the rows and limits, the figures
//! compared, the exclusions that apply, the rule ids, the fixes and the steps of the
//! explanation, as data. [`explain`] (`explain.rs`) is the one place they become sentences,
//! per locale. `classify` = `explain(compute(..))`. The kinds of applicant and industries are
//! in `kinds.rs`, exact shares in `share.rs`, the loose input and its validation in
//! `validate.rs`.
//!
//! Decisions where the rules leave room, stated once here:
//!
//! - **Fields that do not apply are ignored, not checked.** A capital given for a sole
//!   proprietor or an organisation of SME-2 (they have no capital test), or an industry given
//!   for a medical, social-welfare or school corporation or a chamber of commerce (fixed
//!   employee limits), is ignored, so a value left over from an earlier answer in the wizard
//!   never blocks the result.
//! - **SME-6 applies to every kind of applicant**, not only companies: the source excludes any
//!   「中小企業・小規模事業者等」 that meets one of its six tests. The wizard only asks the
//!   questions that make sense (a sole proprietor has no shares), and an unanswered question
//!   counts as "no"; the result lists the unanswered ones (`unanswered`).
//! - **Shares are exact fractions.** They may be given as a decimal (`0.5`), a fraction
//!   (`"2/3"`, `"２／３"`), a Japanese fraction (`"3分の2"`) or a percentage (`"50%"`).
//!   Decimals are taken literally: `0.6666666666666666` is just below two thirds and does not
//!   trigger SME-6 (2); send `"2/3"` (or `"200/300"`, counts of shares) for exactly two thirds.
//! - Amounts of money may be typed with 億・万・千 (`"5千万円"`, `"1億5000万"`), as the
//!   source itself writes them.

mod deemed_large;
mod explain;
mod kinds;
#[cfg(test)]
mod reference;
mod share;
mod size;
mod small_business;
mod to_qualify;
mod validate;

pub use deemed_large::{deemed_large, DeemedLarge, Exclusion};
pub use explain::{explain, summary_fix, Reason, SmeCategory, SmeClassification};
pub use kinds::{row_mark, Industry, OrgType, SmallGroup};
pub use share::Share;
pub use size::{size_test, SizeTest};
pub use small_business::{small_business_test, SmallBusinessTest};
pub use to_qualify::{to_qualify, Fix, ToQualify};
pub use validate::{Exclusions, RawExclusions, RawSmeInput, SmeInput};

#[allow(unused_imports)]
use crate::prelude::*;
use crate::rule_ids::RuleId;
use crate::Locale;

/// The largest capital accepted (10^15 yen); above it the input is surely a typo.
pub const MAX_CAPITAL: i64 = 1_000_000_000_000_000;
/// The largest number of regular employees accepted.
pub const MAX_EMPLOYEES: u32 = 10_000_000;
/// The largest average taxable income accepted (10^15 yen).
pub const MAX_TAXABLE_INCOME: i64 = 1_000_000_000_000_000;
/// SME-6 (6): an average taxable income **above** this excludes (from `parameters.json`).
pub use crate::params::TAXABLE_INCOME_LIMIT;

/// One sentence of the explanation, as data: which part of the assessment it puts into
/// words, in the order they are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// SME-1/2 (`rule`): the row that applies and its limits.
    Category { rule: RuleId },
    /// SME-1/2 (`rule`): the figures compared with those limits.
    Size { rule: RuleId },
    /// SME-6: one test that applies.
    Excluded(Exclusion),
    /// SME-6: none applies (unanswered questions taken as "no").
    NotDeemedLarge,
    /// SME-5: a small business, or not, or not applicable.
    SmallBusiness,
    /// SME-4: who counts as a regular employee.
    CountingEmployees,
    /// SME-3: organisations other than companies carry on productive business.
    ProductiveBusiness,
    /// SME-7: investment companies do not count as large enterprises.
    InvestmentCompanies,
}

impl Step {
    /// The rule the step cites.
    pub fn rule(self) -> RuleId {
        match self {
            Step::Category { rule } | Step::Size { rule } => rule,
            Step::Excluded(_) | Step::NotDeemedLarge => RuleId::Sme6,
            Step::SmallBusiness => RuleId::Sme5,
            Step::CountingEmployees => RuleId::Sme4,
            Step::ProductiveBusiness => RuleId::Sme3,
            Step::InvestmentCompanies => RuleId::Sme7,
        }
    }
}

/// A classification as data, before any sentence: what each test found, the verdict, the
/// rules that decided it, what would qualify and the steps of the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub org_type: OrgType,
    /// The industry whose limits apply ("other industries" ⑧ when none was given).
    pub industry: Industry,
    /// SME-1..4.
    pub size: SizeTest,
    /// SME-6, SME-7.
    pub deemed_large: DeemedLarge,
    /// SME-5; `None` for organisations of SME-2, where the category does not apply.
    pub small_business: Option<SmallBusinessTest>,
    /// An SME (中小企業者): the size test met and no test of SME-6 applies.
    pub sme: bool,
    /// The rules that decided the verdict: the size test's, then SME-5 for an SME it applies
    /// to, then SME-6 when an exclusion applies.
    pub reasons: Vec<RuleId>,
    pub to_qualify: ToQualify,
    /// The explanation, step by step.
    pub steps: Vec<Step>,
}

/// Runs the tests: no sentence is made here.
pub fn compute(input: &SmeInput) -> Assessment {
    let org = input.org_type;
    let industry = input.industry.unwrap_or(Industry::Other);
    let size = size_test(input);
    let deemed_large = deemed_large(&input.exclusions);
    let sme = size.met() && !deemed_large.applies();
    let small_business = small_business_test(org, industry, input.employees, sme);
    let to_qualify = to_qualify(&size, &deemed_large, small_business.as_ref());

    let mut reasons = vec![size.rule];
    if sme && small_business.is_some() {
        reasons.push(RuleId::Sme5);
    }
    if deemed_large.applies() {
        reasons.push(RuleId::Sme6);
    }

    let mut steps = vec![
        Step::Category { rule: size.rule },
        Step::Size { rule: size.rule },
    ];
    if deemed_large.applies() {
        for x in &deemed_large.exclusions {
            steps.push(Step::Excluded(*x));
        }
    } else {
        steps.push(Step::NotDeemedLarge);
    }
    steps.push(Step::SmallBusiness);
    steps.push(Step::CountingEmployees);
    if !org.is_business() {
        steps.push(Step::ProductiveBusiness);
    }
    if deemed_large.holdings_answered {
        steps.push(Step::InvestmentCompanies);
    }

    Assessment {
        org_type: org,
        industry,
        size,
        deemed_large,
        small_business,
        sme,
        reasons,
        to_qualify,
        steps,
    }
}

/// Classifies a business: SME (SME-1/2, SME-6), small business (SME-5), with the reasons
/// and what would change the answer, in `locale`.
pub fn classify(input: &SmeInput, locale: Locale) -> SmeClassification {
    explain(&compute(input), locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    /// A manufacturer over both size limits and held half by one large enterprise: the tests'
    /// results as data, and one sentence per step.
    #[test]
    fn computed_as_data_then_explained_step_by_step() {
        let mut input = SmeInput::new(
            OrgType::Company,
            Some(Industry::Manufacturing),
            Some(Decimal::from(500_000_000)),
            400,
        );
        input.exclusions.single_large_share = Share::new(1, 2);
        let a = compute(&input);
        let cap = Industry::Manufacturing.capital_cap();
        assert_eq!(
            a.size,
            SizeTest {
                rule: RuleId::Sme1,
                row: 1,
                industry_row: None,
                employee_cap: Industry::Manufacturing.employee_cap(),
                employees: 400,
                capital_cap: Some(cap),
                capital: Some(Decimal::from(500_000_000)),
                employees_ok: false,
                capital_ok: false,
            }
        );
        assert_eq!(a.deemed_large.exclusions, [Exclusion::SingleLargeShare]);
        assert_eq!(a.deemed_large.unanswered.len(), 5);
        assert!(a.deemed_large.holdings_answered);
        assert!(!a.sme);
        assert_eq!(a.reasons, [RuleId::Sme1, RuleId::Sme6]);
        assert_eq!(
            a.to_qualify,
            ToQualify {
                fixes: vec![Fix::Size, Fix::NotDeemedLarge(Exclusion::SingleLargeShare)],
                all_needed: true,
            }
        );
        assert_eq!(
            a.steps,
            [
                Step::Category { rule: RuleId::Sme1 },
                Step::Size { rule: RuleId::Sme1 },
                Step::Excluded(Exclusion::SingleLargeShare),
                Step::SmallBusiness,
                Step::CountingEmployees,
                Step::InvestmentCompanies,
            ]
        );
        for locale in [Locale::Ja, Locale::En] {
            let c = explain(&a, locale);
            assert_eq!(c, classify(&input, locale));
            assert_eq!(c.explanation.len(), a.steps.len());
            for (r, s) in c.explanation.iter().zip(&a.steps) {
                assert_eq!(r.rules, [s.rule().as_str()], "{}", r.text);
            }
            assert_eq!(c.deemed_large, [1]);
            assert_eq!(c.to_qualify.len(), 2);
            // The headline's fix is the summary after its opening.
            assert!(c.summary.ends_with(&summary_fix(&a, locale)));
        }
    }
}
