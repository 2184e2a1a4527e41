//! The deemed-large test (みなし大企業, SME-6, with SME-7 saying who is not "large"): which of
//! the six tests exclude the business, with the figure that made each one apply, and which
//! questions were left unanswered (each taken as "no").

use super::{Exclusions, Share};
use crate::params::TAXABLE_INCOME_LIMIT;
#[allow(unused_imports)]
use crate::prelude::*;
use rust_decimal::Decimal;

/// One test of SME-6 that applies, with what made it apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// (1) One large enterprise holds this share (half or more) of the shares or investment.
    SingleLargeShare(Share),
    /// (2) Large enterprises together hold this share (two thirds or more).
    TotalLargeShare(Share),
    /// (3) This share (half or more) of the officers are officers or staff of a large
    /// enterprise.
    LargeOfficerShare(Share),
    /// (4) All shares or investment are held by deemed large enterprises.
    OwnedByDeemedLarge,
    /// (5) All officers are officers or staff of deemed large enterprises.
    OfficersAllFromDeemedLarge,
    /// (6) The average taxable income of the last three filed years is above `limit`.
    TaxableIncome { income: Decimal, limit: Decimal },
}

impl Exclusion {
    /// The sub-item of SME-6, 1–6.
    pub fn item(self) -> u8 {
        match self {
            Exclusion::SingleLargeShare(_) => 1,
            Exclusion::TotalLargeShare(_) => 2,
            Exclusion::LargeOfficerShare(_) => 3,
            Exclusion::OwnedByDeemedLarge => 4,
            Exclusion::OfficersAllFromDeemedLarge => 5,
            Exclusion::TaxableIncome { .. } => 6,
        }
    }
}

/// The deemed-large test, as data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeemedLarge {
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
        self.exclusions.iter().map(|x| x.item()).collect()
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
    let mut exclusions = Vec::new();
    if let Some(s) = x.single_large_share.filter(|s| s.at_least(1, 2)) {
        exclusions.push(Exclusion::SingleLargeShare(s));
    }
    if let Some(s) = x.total_large_share.filter(|s| s.at_least(2, 3)) {
        exclusions.push(Exclusion::TotalLargeShare(s));
    }
    if let Some(s) = x.large_officer_share.filter(|s| s.at_least(1, 2)) {
        exclusions.push(Exclusion::LargeOfficerShare(s));
    }
    if x.owned_by_deemed_large == Some(true) {
        exclusions.push(Exclusion::OwnedByDeemedLarge);
    }
    if x.officers_all_from_deemed_large == Some(true) {
        exclusions.push(Exclusion::OfficersAllFromDeemedLarge);
    }
    let limit = Decimal::from(TAXABLE_INCOME_LIMIT);
    if let Some(income) = x.avg_taxable_income.filter(|i| *i > limit) {
        exclusions.push(Exclusion::TaxableIncome { income, limit });
    }
    let answers = [
        x.single_large_share.is_some(),
        x.total_large_share.is_some(),
        x.large_officer_share.is_some(),
        x.owned_by_deemed_large.is_some(),
        x.officers_all_from_deemed_large.is_some(),
        x.avg_taxable_income.is_some(),
    ];
    let unanswered = EXCLUSION_FIELDS
        .iter()
        .zip(answers)
        .filter(|(_, answered)| !answered)
        .map(|(f, _)| *f)
        .collect();
    DeemedLarge {
        exclusions,
        unanswered,
        holdings_answered: answers[..5].iter().any(|a| *a),
    }
}
