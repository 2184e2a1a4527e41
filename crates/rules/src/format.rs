//! Formatting of money, hours and plain numbers for people (`72,000円`, `¥72,000`, `12時間`).

use crate::Locale;
use rust_decimal::Decimal;

/// `1234567.5` → `1,234,567.5` (no rounding: the caller decides the precision).
pub fn number(d: Decimal) -> String {
    let d = d.normalize();
    let s = d.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// `72,000円` (ja) or `¥72,000` (en).
pub fn yen(d: Decimal, locale: Locale) -> String {
    match locale {
        Locale::Ja => format!("{}円", number(d)),
        Locale::En => {
            if d.is_sign_negative() && !d.is_zero() {
                format!("-¥{}", number(d.abs()))
            } else {
                format!("¥{}", number(d))
            }
        }
    }
}

/// `12時間` / `12 h`; fractional hours are shown to at most two decimals (`85.71時間`).
pub fn hours(d: Decimal, locale: Locale) -> String {
    let shown = number(d.round_dp(2));
    match locale {
        Locale::Ja => format!("{shown}時間"),
        Locale::En => format!("{shown} h"),
    }
}

/// Serializes a decimal as a plain JS/JSON number (money here is whole yen, exact in f64).
pub mod as_number {
    use rust_decimal::prelude::ToPrimitive;
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        if d.fract().is_zero() {
            if let Some(i) = d.to_i64() {
                return s.serialize_i64(i);
            }
        }
        s.serialize_f64(d.to_f64().unwrap_or(f64::NAN))
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
    use rust_decimal_macros::dec;

    #[test]
    fn formats() {
        assert_eq!(yen(dec!(72000), Locale::Ja), "72,000円");
        assert_eq!(yen(dec!(72000), Locale::En), "¥72,000");
        assert_eq!(yen(dec!(0), Locale::Ja), "0円");
        assert_eq!(yen(dec!(999), Locale::Ja), "999円");
        assert_eq!(yen(dec!(1000), Locale::Ja), "1,000円");
        assert_eq!(yen(dec!(1500000), Locale::Ja), "1,500,000円");
        assert_eq!(yen(dec!(-1500), Locale::En), "-¥1,500");
        assert_eq!(number(dec!(1234.50)), "1,234.5");
        assert_eq!(hours(dec!(12), Locale::Ja), "12時間");
        assert_eq!(hours(dec!(85.714285), Locale::Ja), "85.71時間");
        assert_eq!(hours(dec!(1.5), Locale::En), "1.5 h");
    }
}
