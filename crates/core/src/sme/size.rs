//! The size test (SME-1, SME-2; SME-4 says who counts): the row of the SME tables that applies
//! to the kind of organisation and its industry, its limits, and the figures compared with
//! them. Capital OR employees for companies, employees for everyone else.

use super::{Industry, SmeInput};
use crate::params::SME2_EMPLOYEES;
use crate::rule_ids::RuleId;
use rust_decimal::Decimal;

/// The size test, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeTest {
    /// [`RuleId::Sme1`] (companies, sole proprietors) or [`RuleId::Sme2`] (other
    /// organisations).
    pub rule: RuleId,
    /// 1–15: ①–⑧ of SME-1, ⑨–⑮ of SME-2.
    pub row: u8,
    /// For SME-2 ⑫–⑮: the SME-1 row (1–8) of the main industry whose employee limit applies.
    pub industry_row: Option<u8>,
    /// The employee limit (inclusive).
    pub employee_cap: u32,
    /// The regular employees compared with it (SME-4).
    pub employees: u32,
    /// The capital limit (inclusive), yen: companies only.
    pub capital_cap: Option<Decimal>,
    /// The capital compared with it: a company's, when given.
    pub capital: Option<Decimal>,
    /// Within the employee limit.
    pub employees_ok: bool,
    /// Within the capital limit (false where there is no capital test, or no capital).
    pub capital_ok: bool,
}

impl SizeTest {
    /// Met: one of the two is enough.
    pub fn met(&self) -> bool {
        self.employees_ok || self.capital_ok
    }
}

/// SME-1 for companies and sole proprietors (the row of their industry), SME-2 for other
/// organisations (their own row; ⑫–⑮ take the employee limit of their main industry).
pub fn size_test(input: &SmeInput) -> SizeTest {
    let org = input.org_type;
    let industry = input.industry.unwrap_or(Industry::Other);
    let (rule, row, industry_row) = match org.sme2_row() {
        None => (RuleId::Sme1, industry.sme1_row(), None),
        Some(r) => (
            RuleId::Sme2,
            r,
            org.needs_industry().then_some(industry.sme1_row()),
        ),
    };
    let employee_cap = match row {
        9..=11 => SME2_EMPLOYEES[usize::from(row) - 9],
        _ => industry.employee_cap(),
    };
    let capital_cap = org.has_capital().then(|| industry.capital_cap());
    let capital = capital_cap.and(input.capital);
    SizeTest {
        rule,
        row,
        industry_row,
        employee_cap,
        employees: input.employees,
        capital_cap,
        capital,
        employees_ok: input.employees <= employee_cap,
        capital_ok: match (capital, capital_cap) {
            (Some(c), Some(cap)) => c <= cap,
            _ => false,
        },
    }
}
