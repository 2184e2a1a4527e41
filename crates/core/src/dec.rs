//! Exact decimal arithmetic on rust_decimal's `Decimal`, by integer arithmetic on the
//! mantissas, for the whole crate.
//!
//! rust_decimal inlines its whole add/sub routine (some 1.7 KB of wasm) into each operator
//! and `checked_*` method, and its multiplication and rounding bring their own; the small
//! cost wasm carried them all. Every figure here is exact: these helpers give rust_decimal's
//! result (value, scale and sign, zeros included) whenever that result is exact, and refuse
//! (`None`) a result that no `Decimal` holds exactly, where rust_decimal would round it to
//! fit 96 bits. Validated inputs never come near that (tested below).

use rust_decimal::Decimal;

/// `m × 10^-scale` as a `Decimal`, dropping only trailing zeros if it does not fit at
/// `scale` (as rust_decimal does before it would round); `None` if it still does not fit.
fn fit(mut m: i128, mut scale: u32) -> Option<Decimal> {
    const LIMIT: u128 = 1 << 96;
    while m.unsigned_abs() >= LIMIT && scale > 0 && m % 10 == 0 {
        m /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(m, scale).ok()
}

/// `a - b`, exactly, or `None` if no decimal holds it: [`Decimal::checked_sub`].
///
/// As rust_decimal: `0 - b` is `-b` (`b` itself when zero) and `a - 0` is `a`, each with its
/// own scale; otherwise the scale is the larger of the two, and a zero result is positive.
#[inline(never)]
pub fn checked_sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    if a.is_zero() {
        return Some(if b.is_zero() { b } else { -b });
    }
    if b.is_zero() {
        return Some(a);
    }
    let s = a.scale().max(b.scale());
    // Same scale (yen and yen): no widening, whose `i128` checked products are library calls.
    if a.scale() == b.scale() {
        return fit(a.mantissa().checked_sub(b.mantissa())?, s);
    }
    let wide = |d: Decimal| d.mantissa().checked_mul(10i128.checked_pow(s - d.scale())?);
    let m = wide(a)?.checked_sub(wide(b)?)?;
    fit(m, s)
}

/// `a + b`, exactly, or `None` if no decimal holds it: [`Decimal::checked_add`], as
/// `a - (-b)`.
///
/// rust_decimal's addition and subtraction differ only in whether `b`'s sign is flipped, so
/// for a non-zero `a` both give the same decimal. With `a` zero, `a + b` is `b` itself (a
/// zero `b` keeps its own sign and scale, where `a - (-b)` would give `-b`).
pub fn checked_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    if a.is_zero() {
        Some(b)
    } else {
        checked_sub(a, -b)
    }
}

/// `a - b`; panics on overflow, like the `-` operator (inputs are bounded by validation).
pub fn sub(a: Decimal, b: Decimal) -> Decimal {
    checked_sub(a, b).expect("Subtraction overflowed")
}

/// `a + b`; panics on overflow, like the `+` operator.
pub fn add(a: Decimal, b: Decimal) -> Decimal {
    checked_add(a, b).expect("Addition overflowed")
}

/// `a × n`, exactly, or `None` if no decimal holds it: [`Decimal::checked_mul`] by an
/// integer (`a`'s scale, fewer only where trailing zeros allow).
#[inline(never)]
pub fn checked_mul_int(a: Decimal, n: i64) -> Option<Decimal> {
    fit(a.mantissa().checked_mul(n.into())?, a.scale())
}

/// `d` rounded to `dp` decimals, halves to even: the value of [`Decimal::round_dp`].
#[inline(never)]
pub fn round_dp(d: Decimal, dp: u32) -> Decimal {
    let s = d.scale();
    if s <= dp {
        return d;
    }
    let p = 10i128.pow(s - dp);
    let m = d.mantissa();
    let (q, r) = (m / p, (m % p).abs() * 2);
    let up = r > p || r == p && q % 2 != 0;
    Decimal::from_i128_with_scale(if up { q + m.signum() } else { q }, dp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Everything that tells two decimals apart: value, scale and sign (also of zero).
    fn parts(d: Option<Decimal>) -> Option<(i128, u32, bool)> {
        d.map(|d| (d.mantissa(), d.scale(), d.is_sign_negative()))
    }

    /// Ours is `theirs` (value, scale and sign, zeros included), or `None` where rust_decimal
    /// had to drop digits below `scale` to make the result fit (or overflowed). Where it
    /// dropped only zeros, `fit` does the same, so there the results are equal too.
    fn agrees(ours: Option<Decimal>, theirs: Option<Decimal>, scale: u32, what: &str) {
        match ours {
            Some(_) => assert_eq!(parts(ours), parts(theirs), "{what}"),
            None => assert!(
                theirs.is_none_or(|t| t.scale() < scale),
                "{what}: {theirs:?}"
            ),
        }
    }

    fn same_as_rust_decimal(a: Decimal, b: Decimal) {
        let s = a.scale().max(b.scale());
        agrees(
            checked_add(a, b),
            a.checked_add(b),
            s,
            &format!("{a} + {b}"),
        );
        agrees(
            checked_sub(a, b),
            a.checked_sub(b),
            s,
            &format!("{a} - {b}"),
        );
        if let Some(s) = checked_add(a, b) {
            assert_eq!(parts(Some(add(a, b))), parts(Some(s)));
        }
        if let Some(s) = checked_sub(a, b) {
            assert_eq!(parts(Some(sub(a, b))), parts(Some(s)));
        }
    }

    fn zeros() -> Vec<Decimal> {
        [0u32, 1, 2, 28]
            .into_iter()
            .flat_map(|scale| {
                let z = Decimal::new(0, scale);
                [z, -z]
            })
            .collect()
    }

    fn edges() -> Vec<Decimal> {
        let mut all = zeros();
        all.extend([
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::new(15, 1),
            Decimal::new(-25, 3),
            Decimal::new(125, 2),
            Decimal::new(-135, 2),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::from(u64::MAX),
            Decimal::from_i128_with_scale(i128::from(u64::MAX) << 20, 5),
        ]);
        all
    }

    #[test]
    fn zeros_and_edges_match_the_operators() {
        let all = edges();
        for &a in &all {
            for &b in &all {
                same_as_rust_decimal(a, b);
            }
        }
    }

    #[test]
    fn an_inexact_result_is_refused_not_rounded() {
        // The largest mantissa plus a hundredth needs 31 digits: rust_decimal rounds it back
        // to MAX; here it is `None`, and the callers report "too large".
        let tiny = Decimal::new(1, 2);
        assert_eq!(Decimal::MAX.checked_add(tiny), Some(Decimal::MAX));
        assert_eq!(checked_add(Decimal::MAX, tiny), None);
        assert_eq!(checked_sub(Decimal::MIN, tiny), None);
        let long = Decimal::from_i128_with_scale(10i128.pow(27) + 1, 28);
        assert_eq!(
            checked_mul_int(long, 7),
            Some(Decimal::from_i128_with_scale(7 * (10i128.pow(27) + 1), 28))
        );
        // 0.1000000000000000000000000001 × 10^9 is exact with 20 decimals, not 28.
        let big = checked_mul_int(long, 1_000_000_000).unwrap();
        assert_eq!(
            parts(Some(big)),
            parts(long.checked_mul(Decimal::from(1_000_000_000)))
        );
        assert_eq!(big.to_string(), "100000000.00000000000000000010");
        assert_eq!(checked_mul_int(Decimal::MAX, 3), None);
        assert_eq!(
            checked_mul_int(Decimal::new(15, 1), 100_000_000),
            Some(Decimal::new(1_500_000_000, 1))
        );
    }

    fn decimal() -> impl Strategy<Value = Decimal> {
        (
            prop_oneof![
                (-1_000_000i128..1_000_000),
                (i128::from(i64::MIN)..=i128::from(i64::MAX)),
                (-(1i128 << 95)..(1i128 << 95)),
            ],
            0u32..=28,
            any::<bool>(),
        )
            .prop_map(|(m, scale, neg_zero)| {
                let d = Decimal::from_i128_with_scale(m, scale);
                if m == 0 && neg_zero {
                    -d
                } else {
                    d
                }
            })
    }

    proptest! {
        #[test]
        fn add_and_sub_match_the_operators(a in decimal(), b in decimal()) {
            same_as_rust_decimal(a, b);
            for z in zeros() {
                same_as_rust_decimal(a, z);
                same_as_rust_decimal(z, a);
            }
        }

        /// Same scales (the fast way of `checked_sub`): yen from yen, hours from hours.
        #[test]
        fn add_and_sub_at_one_scale_match_the_operators(a in decimal(), b in decimal()) {
            let b = Decimal::from_i128_with_scale(b.mantissa(), a.scale());
            same_as_rust_decimal(a, b);
            same_as_rust_decimal(b, a);
        }

        #[test]
        fn mul_int_matches_checked_mul(a in decimal(), n in prop_oneof![any::<i64>(), 0i64..=100_000_000]) {
            agrees(checked_mul_int(a, n), a.checked_mul(Decimal::from(n)), a.scale(), &format!("{a} × {n}"));
        }

        #[test]
        fn small_figures_are_always_exact(
            a in -(1i128 << 64)..(1i128 << 64), sa in 0u32..=9,
            b in -(1i128 << 64)..(1i128 << 64), sb in 0u32..=9,
        ) {
            // Yen and hours as validation leaves them are far inside this range.
            let (a, b) = (Decimal::from_i128_with_scale(a, sa), Decimal::from_i128_with_scale(b, sb));
            prop_assert!(checked_add(a, b).is_some() && checked_sub(a, b).is_some());
            prop_assert!(checked_mul_int(a, 100_000_000).is_some());
        }

        #[test]
        fn round_dp_matches(a in decimal(), dp in 0u32..=28) {
            let (ours, theirs) = (round_dp(a, dp), a.round_dp(dp));
            // The same value and scale; a result that rounds to zero may differ in the
            // sign of that zero, which nothing shows (`format::number` prints no "-0").
            prop_assert_eq!((ours.mantissa(), ours.scale()), (theirs.mantissa(), theirs.scale()), "{}", a);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn round_dp_halves_go_to_even() {
        for (m, s, dp, want) in [
            (125i64, 2u32, 1u32, 12i64),
            (135, 2, 1, 14),
            (-125, 2, 1, -12),
            (-135, 2, 1, -14),
            (857142, 4, 2, 8571),
            (1, 3, 2, 0),
            (5, 3, 2, 0),
            (15, 3, 2, 2),
        ] {
            let got = round_dp(Decimal::new(m, s), dp);
            assert_eq!(got, Decimal::new(want, dp), "{m}e-{s} to {dp}");
            assert_eq!(got, Decimal::new(m, s).round_dp(dp));
        }
    }
}
