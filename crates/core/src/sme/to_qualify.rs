//! What would qualify: the smallest changes that would turn a "no" into a "yes" (an SME), or
//! an SME into a small business too.

use super::{DeemedLarge, Exclusion, SizeTest, SmallBusinessTest};
#[allow(unused_imports)]
use crate::prelude::*;

/// One change that would qualify, as data: what to change; the figures are the tests'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// SME-1/2: meeting the size test, with at most [`SizeTest::employee_cap`] regular
    /// employees or, for a company, capital of at most [`SizeTest::capital_cap`].
    Size,
    /// SME-6: this test no longer applying.
    NotDeemedLarge(Exclusion),
    /// SME-5: an SME with at most [`SmallBusinessTest::cap`] regular employees is a small
    /// business too.
    SmallBusiness,
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
        fixes.push(Fix::Size);
    }
    for x in &deemed_large.exclusions {
        fixes.push(Fix::NotDeemedLarge(*x));
    }
    let all_needed = fixes.len() > 1;
    if small_business.is_some_and(|s| s.sme && !s.small()) {
        fixes.push(Fix::SmallBusiness);
    }
    ToQualify { fixes, all_needed }
}
