//! Formatting of money, hours and plain numbers for people (`72,000円`, `¥72,000`, `12時間`).

#[allow(unused_imports)]
use crate::prelude::*;
use crate::Locale;
use rust_decimal::Decimal;

/// `template` with each `{0}`…`{9}` replaced by that argument. The explanation texts are
/// such templates, one per language: only the chosen one is filled, and each argument is
/// formatted once for it (smaller and cheaper than formatting both languages with `format!`).
///
/// A template may also name its arguments by letter, `{a}`…`{z}` and `{A}`…`{Z}`: a letter
/// stands for the argument at [`named`]`(letter)`, so that many sentences can share one list
/// of [`NAMED`] words (the SME classification's). A missing argument is left out.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    // (`get`, not indexing: no panic path, whose message formatting would weigh in the wasm.)
    while let Some((before, after)) = rest
        .bytes()
        .position(|b| b == b'{')
        .and_then(|i| rest.split_at_checked(i))
    {
        out.push_str(before);
        let arg = after.as_bytes().get(1).map(|d| named(*d));
        out.push_str(arg.and_then(|n| args.get(n)).copied().unwrap_or_default());
        rest = after.get(3..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The length of a list of arguments that every letter of a template can name.
pub const NAMED: usize = (b'z' - b'0' + 1) as usize;

/// The index of the argument a template names by `letter` (`{e}` is `args[named(b'e')]`):
/// placeholders are read as their byte's distance from `0`.
pub const fn named(letter: u8) -> usize {
    letter.wrapping_sub(b'0') as usize
}

/// The template for `locale` (`[japanese, english]`), filled with `args` by [`fill`].
pub fn fill_in(locale: Locale, [ja, en]: [&str; 2], args: &[&str]) -> String {
    fill(
        match locale {
            Locale::Ja => ja,
            Locale::En => en,
        },
        args,
    )
}

/// Whether `d` is a whole number: `d.fract().is_zero()`, without a decimal subtraction.
pub fn is_whole(d: Decimal) -> bool {
    d.normalize().scale() == 0
}

/// An integer as text (`-20`), as its `Display` prints it.
pub fn integer(n: i128) -> String {
    plain_digits(n < 0, n.unsigned_abs(), 0)
}

/// A decimal as plain text, exactly as its `Display` prints it (`-1.50`, `0.05`, `-0`),
/// without pulling `core::fmt` into the small wasm.
pub fn plain(d: Decimal) -> String {
    plain_digits(
        d.is_sign_negative(),
        d.mantissa().unsigned_abs(),
        d.scale() as usize,
    )
}

/// `m` × 10^-scale with its sign, every digit of the scale shown.
fn plain_digits(negative: bool, m: u128, scale: usize) -> String {
    // Digits, least significant first, padded with zeros to cover the scale: at most 39 of a
    // u128 and 28 of a decimal's scale, on the stack. Below 2^64 the digits come from u64
    // division, which wasm does natively (u128 division is a call per digit).
    let mut digits = [b'0'; 40];
    let mut n = 0;
    let mut m = m;
    while m > u128::from(u64::MAX) {
        digits[n] = b'0' + (m % 10) as u8;
        m /= 10;
        n += 1;
    }
    let mut small = m as u64;
    while small != 0 {
        digits[n] = b'0' + (small % 10) as u8;
        small /= 10;
        n += 1;
    }
    let len = n.max(scale.min(digits.len()));
    let mut s = String::with_capacity(len + 3);
    if negative {
        s.push('-');
    }
    let whole = len - scale.min(len);
    if whole == 0 {
        s.push('0');
    }
    for (i, c) in digits[..len].iter().rev().enumerate() {
        if i == whole {
            s.push('.');
        }
        s.push(char::from(*c));
    }
    s
}

/// The shortest text that reads back as the double `n` (finite), exactly what
/// `format!("{n}")` prints (`1.1`, `6000`, `-0`, `0.000001`, `100000000000000000000000`),
/// without `core::fmt`'s float machinery.
///
/// Exact: `n`, and the ends of the interval of reals that round to it, are expanded into
/// decimal digits with a small bignum; the digits are those of the first (most significant)
/// position at which `n` truncated, or truncated and rounded up, lies in that interval (the
/// ends included when `n`'s mantissa is even), the closer of the two, up on a tie — the
/// same rules as core's Grisu/Dragon shortest mode.
pub fn shortest(n: f64) -> String {
    let bits = n.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let mut out = String::new();
    if bits >> 63 == 1 {
        out.push('-');
    }
    if biased == 0 && frac == 0 {
        out.push('0');
        return out;
    }
    let (mant, exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, biased - 1075)
    };
    let inclusive = mant & 1 == 0;
    // n and its interval's ends as integers times 2^(exp - 2); below the smallest mantissa
    // of an exponent the neighbour is half as far.
    let (lo, hi) = if biased > 0 && frac == 0 {
        (4 * mant - 1, 4 * mant + 2)
    } else {
        (4 * mant - 2, 4 * mant + 2)
    };
    // Decimal digits, least significant first, of x · 2^e2 (times 10^-e2 when e2 < 0).
    let e2 = exp - 2;
    let expand = |x: u64| {
        let mut d: Vec<u8> = Vec::new();
        let mut x = x;
        while x != 0 {
            d.push((x % 10) as u8);
            x /= 10;
        }
        // Times 5 or 2, |e2| times, in steps of at most 5^13 or 2^30.
        let (by, step) = if e2 < 0 { (5u64, 13) } else { (2, 30) };
        let mut left = e2.unsigned_abs();
        while left > 0 {
            let k = left.min(step);
            left -= k;
            let mut carry = 0;
            for digit in d.iter_mut() {
                let t = u64::from(*digit) * by.pow(k) + carry;
                *digit = (t % 10) as u8;
                carry = t / 10;
            }
            while carry > 0 {
                d.push((carry % 10) as u8);
                carry /= 10;
            }
        }
        d
    };
    let (mut v, mut l, h) = (expand(4 * mant), expand(lo), expand(hi));
    // Most significant first, all as long as the upper end.
    let len = h.len();
    v.resize(len, 0);
    l.resize(len, 0);
    let (v, l, h): (Vec<u8>, Vec<u8>, Vec<u8>) = (
        v.into_iter().rev().collect(),
        l.into_iter().rev().collect(),
        h.into_iter().rev().collect(),
    );
    let zeros = |d: &[u8]| d.iter().all(|x| *x == 0);
    for i in 0..len {
        // Truncated: at least the lower end?
        let down = match v[..=i].cmp(&l[..=i]) {
            core::cmp::Ordering::Greater => true,
            core::cmp::Ordering::Equal => zeros(&l[i + 1..]) && inclusive,
            core::cmp::Ordering::Less => false,
        };
        // Rounded up: at most the upper end? (No carry out: it would exceed the upper end.)
        let mut up_digits = v[..=i].to_vec();
        let mut j = i + 1;
        let carried_out = loop {
            if j == 0 {
                break true;
            }
            j -= 1;
            if up_digits[j] == 9 {
                up_digits[j] = 0;
            } else {
                up_digits[j] += 1;
                break false;
            }
        };
        let up = !carried_out
            && match up_digits[..].cmp(&h[..=i]) {
                core::cmp::Ordering::Less => true,
                core::cmp::Ordering::Equal => !zeros(&h[i + 1..]) || inclusive,
                core::cmp::Ordering::Greater => false,
            };
        if down || up {
            // Both fit: the closer; a tie (the rest of n's digits exactly 5000…) goes up.
            let below_half = v.get(i + 1).is_none_or(|d| *d < 5);
            let use_up = up && (!down || !below_half);
            let digits = if use_up { up_digits } else { v[..=i].to_vec() };
            // Integer digits: positions before the point (e2 < 0 puts -e2 digits after it).
            let point = len as i64 - i64::from(e2.min(0).unsigned_abs());
            let first = digits.iter().position(|d| *d != 0).unwrap_or(digits.len());
            let whole = point - first as i64;
            let digits = &digits[first..];
            let n_digits = digits.len() as i64;
            let push = |out: &mut String, d: &[u8]| {
                for x in d {
                    out.push(char::from(b'0' + x));
                }
            };
            if whole <= 0 {
                out.push_str("0.");
                for _ in 0..-whole {
                    out.push('0');
                }
                push(&mut out, digits);
            } else if whole >= n_digits {
                push(&mut out, digits);
                for _ in 0..whole - n_digits {
                    out.push('0');
                }
            } else {
                push(&mut out, &digits[..whole as usize]);
                out.push('.');
                push(&mut out, &digits[whole as usize..]);
            }
            return out;
        }
    }
    // Unreachable: at the last position the upper end itself is a candidate.
    out
}

/// `1234567.5` → `1,234,567.5` (no rounding: the caller decides the precision).
pub fn number(d: Decimal) -> String {
    let d = d.normalize();
    let digits = plain(d.abs());
    let (int, frac) = crate::text::split_once_str(&digits, ".").unwrap_or((&digits, ""));
    let mut out = String::with_capacity(digits.len() + int.len() / 3 + 1);
    if d.is_sign_negative() && !d.is_zero() {
        out.push('-');
    }
    for (i, b) in int.bytes().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(char::from(b));
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `72,000円` (ja) or `¥72,000` (en).
pub fn yen(d: Decimal, locale: Locale) -> String {
    match locale {
        Locale::Ja => fill("{0}円", &[&number(d)]),
        Locale::En => {
            if d.is_sign_negative() && !d.is_zero() {
                fill("-¥{0}", &[&number(d.abs())])
            } else {
                fill("¥{0}", &[&number(d)])
            }
        }
    }
}

/// `12時間` / `12 h`; fractional hours are shown to at most four decimals, as many as the
/// rules accept in an input (`1.3333時間`; `85.7143時間` for a longer fraction).
pub fn hours(d: Decimal, locale: Locale) -> String {
    // Four places: every number of hours the rules accept (and their sums and differences)
    // is shown exactly, so `¥3,333 × 1.3333 h = ¥4,444` adds up on the page.
    let shown = number(crate::dec::round_dp(d, 4));
    match locale {
        Locale::Ja => fill("{0}時間", &[&shown]),
        Locale::En => fill("{0} h", &[&shown]),
    }
}

/// A decimal as the nearest double, for JS: `mantissa / 10^scale`, one correctly rounded
/// division (both operands are exact doubles while `|mantissa| < 2^53` and `scale ≤ 22`,
/// which covers every figure here: whole yen, hours with at most four decimals). There it
/// is also exactly what [`Decimal::to_f64`] gives when `|mantissa| < 2^50` (tested below),
/// without its code in the small wasm.
pub fn to_f64(d: Decimal) -> f64 {
    let n = d.normalize();
    n.mantissa() as f64 / 10i128.pow(n.scale()) as f64
}

/// Serializes a decimal as a plain JS/JSON number (money here is whole yen, exact in f64).
pub mod as_number {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        let n = d.normalize();
        if n.scale() == 0 {
            if let Ok(i) = i64::try_from(n.mantissa()) {
                return s.serialize_i64(i);
            }
        }
        s.serialize_f64(super::to_f64(*d))
    }
}

/// [`as_number`] for optional values (`None` is skipped by the caller or becomes `null`).
pub mod as_number_opt {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => super::as_number::serialize(d, s),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::prelude::ToPrimitive;
    use rust_decimal_macros::dec;

    /// `to_f64` is rust_decimal's `to_f64`, bit for bit, for mantissas below 2^50 and up
    /// to 22 decimals (far more than any figure here), and exact for whole numbers.
    #[test]
    fn to_f64_is_what_rust_decimal_gives() {
        use proptest::prelude::*;
        let mut runner = proptest::test_runner::TestRunner::default();
        let strategy = (-(1i128 << 50)..(1i128 << 50), 0u32..=22);
        runner
            .run(&strategy, |(m, s)| {
                let d = Decimal::from_i128_with_scale(m, s);
                prop_assert_eq!(to_f64(d).to_bits(), d.to_f64().unwrap().to_bits(), "{}", d);
                Ok(())
            })
            .unwrap();
        for (d, want) in [
            (dec!(2.8571), 2.8571),
            (dec!(0.1), 0.1),
            (dec!(-1.25), -1.25),
            (dec!(85.7143), 85.7143),
            (dec!(72000), 72000.0),
            (dec!(1.50), 1.5),
            (Decimal::MAX, 79228162514264337593543950335.0),
        ] {
            assert_eq!(to_f64(d), want, "{d}");
        }
    }

    /// `shortest` is `format!("{n}")`, on edge cases and on many doubles of every kind.
    #[test]
    #[allow(clippy::excessive_precision)] // Literals beyond a double's digits, on purpose.
    fn shortest_is_what_display_prints() {
        let check = |n: f64| {
            if n.is_finite() {
                assert_eq!(shortest(n), format!("{n}"), "{:#018x}", n.to_bits());
            }
        };
        let specials = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            1.1,
            0.3,
            1.5,
            6000.0,
            12.34,
            1e21,
            1e22,
            1e23,
            9.999999999999999e22,
            5e-324,
            -5e-324,
            2.2250738585072014e-308,
            2.225073858507201e-308,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            9007199254740992.0,
            9007199254740993.0,
            79228162514264337593543950335.0,
            1e-7,
            123456789.123456789,
            0.000001,
        ];
        for n in specials {
            check(n);
        }
        // Powers of two (the asymmetric intervals) and their neighbours.
        for e in -1074..=1023 {
            let p = 2f64.powi(e);
            check(p);
            check(f64::from_bits(p.to_bits() + 1));
            check(f64::from_bits(p.to_bits().saturating_sub(1)));
        }
        // Powers of ten and their neighbours.
        for e in -320..=308 {
            let p: f64 = format!("1e{e}").parse().unwrap();
            for d in [-2i64, -1, 0, 1, 2] {
                check(f64::from_bits((p.to_bits() as i64 + d) as u64));
            }
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        // Any bit pattern (slow at the ends of the range, so fewer of them).
        for _ in 0..3_000 {
            check(f64::from_bits(next()));
        }
        // Magnitudes people type: exponents near zero, and short decimals.
        for _ in 0..100_000 {
            let r = next();
            let exp = 1023 - 80 + (r >> 52) % 160;
            check(f64::from_bits(
                (r & ((1 << 63) | ((1 << 52) - 1))) | (exp << 52),
            ));
            let digits = (next() % 10_000_000_000) as f64;
            check(digits / 10f64.powi((next() % 12) as i32));
        }
    }

    #[test]
    fn plain_is_what_display_prints() {
        for d in [
            dec!(0),
            dec!(-0),
            dec!(0.00),
            dec!(-1.50),
            dec!(0.05),
            dec!(1234567.891),
            Decimal::MAX,
            Decimal::MIN,
            dec!(0.0000000000000000000000000001),
            Decimal::new(-5, 3),
            Decimal::from_i128_with_scale(-0, 4),
        ] {
            assert_eq!(plain(d), d.to_string());
            assert_eq!(plain(-d), (-d).to_string());
        }
        // Either side of 2^64, where the digits switch from u128 to u64 division.
        let edge = i128::from(u64::MAX);
        for n in [
            0,
            7,
            -20,
            1234567,
            edge,
            edge + 1,
            -edge - 1,
            edge * 10,
            i128::MAX,
            i128::MIN,
        ] {
            assert_eq!(integer(n), n.to_string());
        }
    }

    #[test]
    fn formats() {
        for d in [
            dec!(0),
            dec!(-0.00),
            dec!(12.000),
            dec!(-3),
            dec!(0.5),
            dec!(1.0001),
        ] {
            assert_eq!(is_whole(d), d.fract().is_zero(), "{d}");
        }
        let mut args = [""; NAMED];
        args[named(b'e')] = "300人";
        args[named(b'E')] = "An NPO";
        args[named(b'z')] = "z";
        args[1] = "one";
        assert_eq!(
            fill("{e}以下、{E}: {z}{1}{q}.", &args),
            "300人以下、An NPO: zone."
        );
        assert_eq!(fill("{0}-{1}", &["a"]), "a-");
        assert_eq!(yen(dec!(72000), Locale::Ja), "72,000円");
        assert_eq!(yen(dec!(72000), Locale::En), "¥72,000");
        assert_eq!(yen(dec!(0), Locale::Ja), "0円");
        assert_eq!(yen(dec!(999), Locale::Ja), "999円");
        assert_eq!(yen(dec!(1000), Locale::Ja), "1,000円");
        assert_eq!(yen(dec!(1500000), Locale::Ja), "1,500,000円");
        assert_eq!(yen(dec!(-1500), Locale::En), "-¥1,500");
        assert_eq!(number(dec!(1234.50)), "1,234.5");
        assert_eq!(hours(dec!(12), Locale::Ja), "12時間");
        assert_eq!(hours(dec!(85.714285), Locale::Ja), "85.7143時間");
        assert_eq!(hours(dec!(1.3333), Locale::En), "1.3333 h");
        assert_eq!(hours(dec!(0.25), Locale::Ja), "0.25時間");
        assert_eq!(hours(dec!(1.5), Locale::En), "1.5 h");
    }
}
