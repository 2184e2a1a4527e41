//! What would qualify: the smallest changes that would turn a "no" into a "yes" (an SME), or
//! an SME into a small business too.

use super::{DeemedLarge, Exclusion, SizeTest, SmallBusinessTest};
#[allow(unused_imports)]
use crate::prelude::*;
use crate::rule_ids::RuleId;
use rust_decimal::Decimal;

/// One change that would qualify, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// SME-1/2 (`rule`, row `row`): at most `employee_cap` regular employees or, for a
    /// company, capital of at most `capital_cap`.
    Size {
        rule: RuleId,
        row: u8,
        employee_cap: u32,
        capital_cap: Option<Decimal>,
    },
    /// SME-6: this test no longer applying.
    NotDeemedLarge(Exclusion),
    /// SME-5: an SME with at most `cap` regular employees is a small business too.
    SmallBusiness { cap: u32 },
}

impl Fix {
    /// The rule the change satisfies.
    pub fn rule(&self) -> RuleId {
        match self {
            Fix::Size { rule, .. } => *rule,
            Fix::NotDeemedLarge(_) => RuleId::Sme6,
            Fix::SmallBusiness { .. } => RuleId::Sme5,
        }
    }
}

/// What would qualify, as data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ToQualify {
    /// The changes, in the order of the rules (size, SME-6, SME-5); empty for a small
    /// business, or an SME of SME-2.
    pub fixes: Vec<Fix>,
    /// More than one thing stands in the way of being an SME: every fix is then a condition,
    /// and all are needed. Otherwise each way to satisfy the one fix qualifies on its own.
    pub all_needed: bool,
}

/// The size test if it fails, each SME-6 test that applies, and SME-5 for an SME above the
/// small-business limit.
pub fn to_qualify(
    size: &SizeTest,
    deemed_large: &DeemedLarge,
    small_business: Option<&SmallBusinessTest>,
) -> ToQualify {
    let mut fixes = Vec::new();
    if !size.met() {
        fixes.push(Fix::Size {
            rule: size.rule,
            row: size.row,
            employee_cap: size.employee_cap,
            capital_cap: size.capital_cap,
        });
    }
    fixes.extend(
        deemed_large
            .exclusions
            .iter()
            .map(|x| Fix::NotDeemedLarge(*x)),
    );
    let all_needed = fixes.len() > 1;
    if let Some(s) = small_business.filter(|s| s.sme && !s.small()) {
        fixes.push(Fix::SmallBusiness { cap: s.cap });
    }
    ToQualify { fixes, all_needed }
}
