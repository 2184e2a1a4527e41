//! One copy of rust_decimal's addition/subtraction routine for the whole crate.
//!
//! rust_decimal inlines its whole add/sub routine (some 1.7 KB of wasm) into each operator
//! and `checked_*` method, so every kind used (`-`, `+`, `checked_add`) carried its own copy
//! in the small cost wasm. These helpers all go through one non-inlined [`checked_sub`], with
//! results identical to the operators' (value, scale and sign, zeros included; tested below).

use rust_decimal::Decimal;

/// `a - b`, or `None` on overflow: [`Decimal::checked_sub`].
#[inline(never)]
pub fn checked_sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

/// `a + b`, or `None` on overflow: [`Decimal::checked_add`], as `a - (-b)`.
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Everything that tells two decimals apart: value, scale and sign (also of zero).
    fn parts(d: Option<Decimal>) -> Option<(i128, u32, bool)> {
        d.map(|d| (d.mantissa(), d.scale(), d.is_sign_negative()))
    }

    fn same_as_rust_decimal(a: Decimal, b: Decimal) {
        assert_eq!(
            parts(checked_add(a, b)),
            parts(a.checked_add(b)),
            "{a} + {b}"
        );
        assert_eq!(
            parts(checked_sub(a, b)),
            parts(a.checked_sub(b)),
            "{a} - {b}"
        );
        if let Some(s) = a.checked_add(b) {
            assert_eq!(parts(Some(add(a, b))), parts(Some(s)));
        }
        if let Some(s) = a.checked_sub(b) {
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

    #[test]
    fn zeros_and_edges_match_the_operators() {
        let mut all = zeros();
        all.extend([
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::new(15, 1),
            Decimal::new(-25, 3),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::from(u64::MAX),
            Decimal::from_i128_with_scale(i128::from(u64::MAX) << 20, 5),
        ]);
        for &a in &all {
            for &b in &all {
                same_as_rust_decimal(a, b);
            }
        }
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
    }
}
