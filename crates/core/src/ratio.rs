//! Exact non-negative rationals for hour boundaries (AR-3b).
//!
//! A cap can end part-way through an hour: 10,000 yen left at 3,500 yen/h ends after 20/7 h,
//! which no decimal represents. Boundaries are kept as fractions and amounts are floored once,
//! at the end, so a total that is exactly an integer is never a yen short.
//!
//! Inputs are bounded by validation (rate ≤ 10^7 yen, hours ≤ 10^5 with ≤ 4 decimals), so
//! every numerator and denominator here stays far below `i128::MAX`.

#[allow(unused_imports)]
use crate::prelude::*;
use core::cmp::Ordering;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy)]
/// Its arithmetic is `#[inline(never)]`: inlined, each `i128` product is a call sequence,
/// and the wasm would carry one copy per use.
pub struct Ratio {
    num: i128,
    den: i128,
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        // Most values fit 64 bits, where wasm divides in one instruction (an `i128` `%` is a
        // library call, the cost split's hottest).
        if let (Ok(x), Ok(y)) = (u64::try_from(a), u64::try_from(b)) {
            let (mut x, mut y) = (x, y);
            while y != 0 {
                (x, y) = (y, x % y);
            }
            return x.into();
        }
        (a, b) = (b, a % b);
    }
    a as i128
}

/// `x / g` for a divisor `g > 0` of `x`, in 64 bits when both fit.
fn div_exact(x: i128, g: i128) -> i128 {
    match (i64::try_from(x), i64::try_from(g)) {
        (Ok(x), Ok(g)) => (x / g).into(),
        _ => x / g,
    }
}

impl Ratio {
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    #[inline(never)]
    pub fn new(num: i128, den: i128) -> Ratio {
        debug_assert!(den != 0);
        if den == 1 {
            // A whole number (every decimal without decimals): nothing to reduce.
            return Ratio { num, den };
        }
        let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
        let g = gcd(num, den).max(1);
        Ratio {
            num: div_exact(num, g),
            den: div_exact(den, g),
        }
    }

    pub fn from_decimal(d: Decimal) -> Ratio {
        Ratio::new(d.mantissa(), 10i128.pow(d.scale()))
    }

    /// `a / b` for decimals (b ≠ 0).
    #[inline(never)]
    pub fn div(a: Decimal, b: Decimal) -> Ratio {
        let (ra, rb) = (Ratio::from_decimal(a), Ratio::from_decimal(b));
        Ratio::new(ra.num * rb.den, ra.den * rb.num)
    }

    // A method, not the operator: the type's arithmetic is spelt out where it is used.
    #[allow(clippy::should_implement_trait)]
    #[inline(never)]
    pub fn sub(self, o: Ratio) -> Ratio {
        if self.den == o.den {
            return Ratio::new(self.num - o.num, self.den);
        }
        Ratio::new(self.num * o.den - o.num * self.den, self.den * o.den)
    }

    // A method, not the operator: the type's arithmetic is spelt out where it is used.
    #[allow(clippy::should_implement_trait)]
    #[inline(never)]
    pub fn add(self, o: Ratio) -> Ratio {
        if self.den == o.den {
            return Ratio::new(self.num + o.num, self.den);
        }
        Ratio::new(self.num * o.den + o.num * self.den, self.den * o.den)
    }

    #[inline(never)]
    pub fn mul_decimal(self, d: Decimal) -> Ratio {
        let rd = Ratio::from_decimal(d);
        Ratio::new(self.num * rd.num, self.den * rd.den)
    }

    #[inline(never)]
    pub fn min(self, o: Ratio) -> Ratio {
        if self <= o {
            self
        } else {
            o
        }
    }

    pub fn is_integer(self) -> bool {
        self.den == 1
    }

    /// The largest integer ≤ self (円未満切り捨て).
    #[inline(never)]
    pub fn floor(self) -> Decimal {
        // In 64 bits when both fit (an `i128` division is a library call).
        let q = match (i64::try_from(self.num), i64::try_from(self.den)) {
            (Ok(n), Ok(d)) => n.div_euclid(d).into(),
            _ => self.num.div_euclid(self.den),
        };
        Decimal::from_i128_with_scale(q, 0)
    }

    /// Rounded half up to an integer.
    #[inline(never)]
    pub fn round_half_up(self) -> Decimal {
        Ratio::new(2 * self.num + self.den, 2 * self.den).floor()
    }

    /// A decimal approximation for display, rounded half up to `dp` places, and whether it
    /// is exact.
    #[inline(never)]
    pub fn to_decimal(self, dp: u32) -> (Decimal, bool) {
        if self.den == 1 {
            return (Decimal::from_i128_with_scale(self.num, 0), true);
        }
        let scale = 10i128.pow(dp);
        let scaled = Ratio::new(self.num * scale, self.den);
        let exact = scaled.den == 1;
        let n = scaled.round_half_up().mantissa();
        (Decimal::from_i128_with_scale(n, dp).normalize(), exact)
    }

    /// The numerator and the denominator, reduced (the denominator is positive).
    pub fn parts(self) -> (i128, i128) {
        (self.num, self.den)
    }

    /// `20/7`, or `12` when whole.
    pub fn fraction_text(self) -> String {
        use crate::format::integer;
        let mut text = integer(self.num);
        if self.den != 1 {
            text.push('/');
            text.push_str(&integer(self.den));
        }
        text
    }
}

/// Serializes a ratio as its [`Ratio::fraction_text`].
pub mod as_text {
    pub fn serialize<S: serde::Serializer>(r: &super::Ratio, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&r.fraction_text())
    }
}

impl PartialEq for Ratio {
    fn eq(&self, o: &Ratio) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Ratio {}
impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Ratio) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Ratio {
    #[inline(never)]
    fn cmp(&self, o: &Ratio) -> Ordering {
        if self.den == o.den {
            return self.num.cmp(&o.num);
        }
        (self.num * o.den).cmp(&(o.num * self.den))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// The 64-bit ways of `gcd` and `div_exact` give what `i128` Euclid and division give.
    #[test]
    fn gcd_is_euclid_in_i128() {
        use proptest::prelude::*;
        fn euclid(mut a: i128, mut b: i128) -> i128 {
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a.abs()
        }
        let mut runner = proptest::test_runner::TestRunner::default();
        let wide = -(1i128 << 100)..(1i128 << 100);
        let narrow = -(1i128 << 40)..(1i128 << 40);
        let strategy = prop_oneof![
            (narrow.clone(), narrow.clone()),
            (wide.clone(), narrow),
            (wide.clone(), wide),
            (Just(0i128), -5i128..5)
        ];
        runner
            .run(&strategy, |(a, b)| {
                let g = gcd(a, b);
                prop_assert_eq!(g, euclid(a, b));
                if g != 0 {
                    prop_assert_eq!(div_exact(a, g), a / g);
                    prop_assert_eq!(div_exact(b, g), b / g);
                }
                Ok(())
            })
            .unwrap();
        assert_eq!(gcd(i64::MIN.into(), 0), 1i128 << 63);
        assert_eq!(gcd(-12, 18), 6);
    }

    /// The shortcuts for whole numbers and equal denominators (`new`, `add`, `sub`, `cmp`)
    /// give what cross-multiplying and reducing gives.
    #[test]
    fn shortcuts_agree_with_cross_multiplying() {
        use proptest::prelude::*;
        fn reduced(n: i128, d: i128) -> (i128, i128) {
            let g = gcd(n, d).max(1);
            let (n, d) = (n / g, d / g);
            if d < 0 {
                (-n, -d)
            } else {
                (n, d)
            }
        }
        let parts = |r: Ratio| (r.num, r.den);
        let mut runner = proptest::test_runner::TestRunner::default();
        let den = prop_oneof![Just(1i128), Just(7), 1i128..10_000];
        let strategy = (
            -(1i128 << 40)..(1i128 << 40),
            den.clone(),
            -(1i128 << 40)..(1i128 << 40),
            den,
        );
        runner
            .run(&strategy, |(a, b, c, d)| {
                let (x, y) = (Ratio::new(a, b), Ratio::new(c, d));
                prop_assert_eq!(parts(x), reduced(a, b));
                let (p, q) = (parts(x), parts(y));
                prop_assert_eq!(parts(x.add(y)), reduced(p.0 * q.1 + q.0 * p.1, p.1 * q.1));
                prop_assert_eq!(parts(x.sub(y)), reduced(p.0 * q.1 - q.0 * p.1, p.1 * q.1));
                prop_assert_eq!(x.cmp(&y), (p.0 * q.1).cmp(&(q.0 * p.1)));
                prop_assert_eq!(x.floor().mantissa(), p.0.div_euclid(p.1));
                let scaled = Ratio {
                    num: p.0 * 10_000,
                    den: p.1,
                };
                let rounded = (2 * scaled.num + scaled.den).div_euclid(2 * scaled.den);
                let (shown, exact) = x.to_decimal(4);
                prop_assert_eq!(shown, Decimal::from_i128_with_scale(rounded, 4).normalize());
                prop_assert_eq!(exact, (p.0 * 10_000) % p.1 == 0);
                // The same denominator, written twice.
                let z = Ratio::new(c, b);
                let r = parts(z);
                prop_assert_eq!(x.cmp(&z), (p.0 * r.1).cmp(&(r.0 * p.1)));
                prop_assert_eq!(parts(x.add(z)), reduced(p.0 * r.1 + r.0 * p.1, p.1 * r.1));
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn exact_cap_boundary_is_not_a_yen_short() {
        // 10,000 yen left at 3,500 yen/h: 20/7 h, and 20/7 h × 3,500 = 10,000 exactly.
        let h = Ratio::div(dec!(10000), dec!(3500));
        assert_eq!(h.fraction_text(), "20/7");
        assert_eq!(h.mul_decimal(dec!(3500)).floor(), dec!(10000));
        // Whereas decimal division then multiplication can lose it (4 ÷ 3,500 × 3,500):
        assert_eq!(((dec!(4) / dec!(3500)) * dec!(3500)).floor(), dec!(3));
        assert_eq!(
            Ratio::div(dec!(4), dec!(3500))
                .mul_decimal(dec!(3500))
                .floor(),
            dec!(4)
        );
        assert_eq!(h.to_decimal(4), (dec!(2.8571), false));
    }

    #[test]
    fn rounding() {
        assert_eq!(Ratio::new(5, 2).round_half_up(), dec!(3));
        assert_eq!(Ratio::new(7, 3).round_half_up(), dec!(2));
        assert_eq!(Ratio::new(7, 3).floor(), dec!(2));
        assert_eq!(Ratio::new(-7, 3).floor(), dec!(-3));
        // Past 64 bits, in `i128`.
        let big = (1i128 << 80) + 2;
        assert_eq!(Ratio::new(big, 3).floor().mantissa(), big / 3);
        assert_eq!(Ratio::new(-big, 3).floor().mantissa(), (-big).div_euclid(3));
        assert_eq!(
            Ratio::from_decimal(dec!(1.25)).to_decimal(2),
            (dec!(1.25), true)
        );
        assert!(Ratio::new(1, 3) < Ratio::new(1, 2));
        assert_eq!(Ratio::new(2, 4), Ratio::new(1, 2));
    }
}
