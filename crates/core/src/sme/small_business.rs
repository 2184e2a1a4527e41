//! The small-business test (小規模事業者, SME-5): companies and sole proprietors only, by the
//! employee limit of their industry's group; a business that is not an SME is not a small
//! business either.

use super::{Industry, OrgType, SmallGroup};

/// The small-business test, as data (for companies and sole proprietors; organisations of
/// SME-2 have none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SmallBusinessTest {
    /// The group of SME-5 the industry belongs to.
    pub group: SmallGroup,
    /// Its employee limit (inclusive).
    pub cap: u32,
    /// The regular employees compared with it.
    pub employees: u32,
    /// Whether the business is an SME at all (SME-1, SME-6).
    pub sme: bool,
}

impl SmallBusinessTest {
    /// An SME within the limit.
    pub fn small(&self) -> bool {
        self.sme && self.employees <= self.cap
    }
}

/// SME-5 for companies and sole proprietors; `None` for other organisations, where the
/// category does not apply.
pub fn small_business_test(
    org: OrgType,
    industry: Industry,
    employees: u32,
    sme: bool,
) -> Option<SmallBusinessTest> {
    let group = industry.small_group();
    org.is_business().then_some(SmallBusinessTest {
        group,
        cap: group.cap(),
        employees,
        sme,
    })
}
