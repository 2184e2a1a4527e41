//! Exact shares (of shares, investment or officers) for the tests of SME-6.

use crate::format::{fill, number};
#[allow(unused_imports)]
use crate::prelude::*;
use crate::Locale;
use rust_decimal::Decimal;

/// An exact share between 0 and 1 (of shares, investment or officers), kept as a reduced
/// fraction so that two thirds is exactly two thirds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    num: u128,
    den: u128,
}

/// The largest denominator kept; finer shares are refused (far beyond any real input).
const MAX_SHARE_DEN: u128 = 1_000_000_000_000_000_000_000_000_000_000_000_000; // 10^36

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Share {
    pub const ZERO: Share = Share { num: 0, den: 1 };
    pub const ONE: Share = Share { num: 1, den: 1 };

    /// `num / den`, or `None` unless `0 < den` and `num ≤ den`.
    pub fn new(num: u128, den: u128) -> Option<Share> {
        if den == 0 || num > den {
            return None;
        }
        let g = gcd(num, den).max(1);
        let (num, den) = (num / g, den / g);
        (den <= MAX_SHARE_DEN).then_some(Share { num, den })
    }

    /// A decimal between 0 and 1, exactly.
    pub fn from_decimal(d: Decimal) -> Option<Share> {
        Share::quotient(d, Decimal::ONE)
    }

    /// `a / b` for decimals, exactly; `None` unless `0 ≤ a ≤ b` and `b > 0`.
    pub fn quotient(a: Decimal, b: Decimal) -> Option<Share> {
        if a.is_sign_negative() && !a.is_zero() || b <= Decimal::ZERO {
            return None;
        }
        let (a, b) = (a.normalize(), b.normalize());
        let scale = a.scale().max(b.scale());
        // Scales are at most 28, and 10^28 fits a u128.
        let widen = |d: Decimal| -> Option<u128> {
            let m = d.mantissa().unsigned_abs();
            m.checked_mul(10u128.pow(scale - d.scale()))
        };
        Share::new(widen(a)?, widen(b)?)
    }

    pub fn numerator(self) -> u128 {
        self.num
    }

    pub fn denominator(self) -> u128 {
        self.den
    }

    /// `self ≥ p/q` for a small threshold (p, q ≤ 3 here, so nothing overflows).
    pub(super) fn at_least(self, p: u128, q: u128) -> bool {
        self.num.saturating_mul(q) >= p.saturating_mul(self.den)
    }

    /// As a percentage with at most two decimals: `50%`, `約66.67%` / `about 66.67%`.
    pub(super) fn percent_text(self, locale: Locale) -> String {
        if self.num >= self.den {
            return "100%".to_string();
        }
        // Long division: four decimal digits of the share (= two of the percentage), then
        // one more to round half up. `r < den ≤ 10^36`, so `r * 10` never overflows.
        let mut r = self.num;
        let mut hundredths: i64 = 0;
        for _ in 0..4 {
            r *= 10;
            hundredths = hundredths * 10 + (r / self.den) as i64;
            r %= self.den;
        }
        let exact = r == 0;
        if (r * 10) / self.den >= 5 {
            hundredths += 1;
        }
        let pct = number(Decimal::new(hundredths, 2));
        let template = match (exact, locale) {
            (true, _) => "{0}%",
            (false, Locale::Ja) => "約{0}%",
            (false, Locale::En) => "about {0}%",
        };
        fill(template, &[&pct])
    }
}
