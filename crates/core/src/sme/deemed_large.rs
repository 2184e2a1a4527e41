//! The deemed-large test (みなし大企業, SME-6, with SME-7 saying who is not "large"): which of
//! the six tests exclude the business, with the figure that made each one apply, and which
//! questions were left unanswered (each taken as "no").

use super::Exclusions;
use crate::params::TAXABLE_INCOME_LIMIT;
#[allow(unused_imports)]
use crate::prelude::*;
use rust_decimal::Decimal;

/// A test of SME-6, numbered as its sub-item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// (1) One large enterprise holds half or more of the shares or investment.
    SingleLargeShare = 1,
    /// (2) Large enterprises together hold two thirds or more.
    TotalLargeShare = 2,
    /// (3) Half or more of the officers are officers or staff of a large enterprise.
    LargeOfficerShare = 3,
    /// (4) All shares or investment are held by deemed large enterprises.
    OwnedByDeemedLarge = 4,
    /// (5) All officers are officers or staff of deemed large enterprises.
    OfficersAllFromDeemedLarge = 5,
    /// (6) The average taxable income of the last three filed years is above the limit.
    TaxableIncome = 6,
}

impl Exclusion {
    /// The sub-item of SME-6, 1–6.
    pub fn item(self) -> u8 {
        self as u8
    }
}

/// The deemed-large test, as data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeemedLarge {
    /// The answers the tests were run on: the figures that made a test apply are here.
    pub answers: Exclusions,
    /// (6): the average taxable income above which the test applies, yen.
    pub income_limit: Decimal,
    /// The tests that apply, in the order of SME-6; empty when none does.
    pub exclusions: Vec<Exclusion>,
    /// The questions left unanswered (field names such as `"exclusions.singleLargeShare"`),
    /// each taken as "no".
    pub unanswered: Vec<&'static str>,
    /// A question about large enterprises' holdings or officers ((1)–(5)) was answered: SME-7
    /// (investment companies are not "large") is worth saying.
    pub holdings_answered: bool,
}

impl DeemedLarge {
    /// Whether the business is excluded.
    pub fn applies(&self) -> bool {
        !self.exclusions.is_empty()
    }

    /// The sub-items (1–6) that apply.
    pub fn items(&self) -> Vec<u8> {
        let mut items = Vec::new();
        for x in &self.exclusions {
            items.push(x.item());
        }
        items
    }
}

/// The six sub-items of SME-6 with their field names.
const EXCLUSION_FIELDS: [&str; 6] = [
    "exclusions.singleLargeShare",
    "exclusions.totalLargeShare",
    "exclusions.largeOfficerShare",
    "exclusions.ownedByDeemedLarge",
    "exclusions.officersAllFromDeemedLarge",
    "exclusions.avgTaxableIncome",
];

/// SME-6 on the answers: a share at or above its threshold, a "yes", an income above the
/// limit. The same for every kind of applicant (see the module's notes).
pub fn deemed_large(x: &Exclusions) -> DeemedLarge {
    let income_limit = Decimal::from(TAXABLE_INCOME_LIMIT);
    let tests = [
        x.single_large_share.is_some_and(|s| s.at_least(1, 2)),
        x.total_large_share.is_some_and(|s| s.at_least(2, 3)),
        x.large_officer_share.is_some_and(|s| s.at_least(1, 2)),
        x.owned_by_deemed_large == Some(true),
        x.officers_all_from_deemed_large == Some(true),
        x.avg_taxable_income.is_some_and(|i| i > income_limit),
    ];
    const ALL: [Exclusion; 6] = [
        Exclusion::SingleLargeShare,
        Exclusion::TotalLargeShare,
        Exclusion::LargeOfficerShare,
        Exclusion::OwnedByDeemedLarge,
        Exclusion::OfficersAllFromDeemedLarge,
        Exclusion::TaxableIncome,
    ];
    let answers = [
        x.single_large_share.is_some(),
        x.total_large_share.is_some(),
        x.large_officer_share.is_some(),
        x.owned_by_deemed_large.is_some(),
        x.officers_all_from_deemed_large.is_some(),
        x.avg_taxable_income.is_some(),
    ];
    let mut exclusions = Vec::new();
    let mut unanswered = Vec::new();
    for i in 0..6 {
        if tests[i] {
            exclusions.push(ALL[i]);
        }
        if !answers[i] {
            unanswered.push(EXCLUSION_FIELDS[i]);
        }
    }
    DeemedLarge {
        answers: *x,
        income_limit,
        exclusions,
        unanswered,
        holdings_answered: answers[..5].contains(&true),
    }
}
