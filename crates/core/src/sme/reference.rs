//! The SME field parsing as it was before its rewrite for size (session 3), kept only as the
//! reference of a differential test: the rewritten fields must read every input exactly as
//! these did (same value, same error and field). Not compiled outside tests.

use super::{Share, MAX_CAPITAL, MAX_EMPLOYEES};
use crate::input::{decimal, ErrorKind, InputError, NumberRule, Value};
#[allow(unused_imports)]
use crate::prelude::*;
use rust_decimal::Decimal;

pub(super) fn from_decimal(d: Decimal) -> Option<Share> {
    quotient(d, Decimal::ONE)
}

fn quotient(a: Decimal, b: Decimal) -> Option<Share> {
    if a.is_sign_negative() && !a.is_zero() || b <= Decimal::ZERO {
        return None;
    }
    let (a, b) = (a.normalize(), b.normalize());
    let scale = a.scale().max(b.scale());
    let widen = |d: Decimal| -> Option<u128> {
        let m = d.mantissa().unsigned_abs();
        m.checked_mul(10u128.checked_pow(scale - d.scale())?)
    };
    Share::new(widen(a)?, widen(b)?)
}

pub(super) fn normalize_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '，' | '、' => ',',
            '．' | '。' => '.',
            '－' | '−' | '‐' | 'ー' => '-',
            '／' => '/',
            '＋' => '+',
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

pub(super) fn parse_decimal(field: &'static str, v: &Value) -> Result<Decimal, InputError> {
    let err = |k| InputError::new(field, k);
    match v {
        Value::Number(n) => {
            if !n.is_finite() {
                return Err(err(ErrorKind::NotANumber));
            }
            // Shortest round-trip text of the double: 1.1 stays 1.1, not 1.1000000000000000888.
            let text = crate::format::shortest(*n);
            decimal(&text).map_err(|_| err(ErrorKind::TooLarge { max: Decimal::MAX }))
        }
        Value::Text(s) => {
            let norm = normalize_digits(s);
            // As `trim_end_matches("時間")`, without the substring searcher.
            let mut trimmed = norm.trim().trim_end_matches('円');
            while let Some(rest) = trimmed.strip_suffix("時間") {
                trimmed = rest;
            }
            let mut t: String = trimmed
                .trim_end_matches(['h', 'H'])
                .trim()
                .chars()
                .filter(|c| *c != ',' && *c != ' ' && *c != '_')
                .collect();
            if t.is_empty() {
                return Err(err(ErrorKind::Missing));
            }
            if let Some(rest) = t.strip_prefix('+') {
                t = rest.to_string();
            }
            let body = t.strip_prefix('-').unwrap_or(&t);
            let dots = body.chars().filter(|c| *c == '.').count();
            if body.is_empty()
                || dots > 1
                || !body.chars().all(|c| c.is_ascii_digit() || c == '.')
                || body.starts_with('.')
                || body.ends_with('.')
            {
                return Err(err(ErrorKind::NotANumber));
            }
            decimal(&t).map_err(|_| err(ErrorKind::TooLarge { max: Decimal::MAX }))
        }
        _ => Err(err(ErrorKind::NotANumber)),
    }
}

pub(super) fn number_field(
    field: &'static str,
    v: Option<&Value>,
    default: Option<Decimal>,
    rule: NumberRule,
) -> Result<Decimal, InputError> {
    let err = |k| InputError::new(field, k);
    let d = match (v, default) {
        (None, Some(d)) => return Ok(d),
        (None, None) => return Err(err(ErrorKind::Missing)),
        (Some(Value::Text(s)), Some(d)) if s.trim().is_empty() => return Ok(d),
        (Some(v), _) => parse_decimal(field, v)?,
    };
    if d.is_sign_negative() && !d.is_zero() {
        return Err(err(ErrorKind::Negative));
    }
    if rule.positive && d.is_zero() {
        return Err(err(ErrorKind::NotPositive));
    }
    if d > rule.max {
        return Err(err(ErrorKind::TooLarge { max: rule.max }));
    }
    let d = d.normalize();
    if d.scale() > 0 {
        if let Some(kind) = rule.whole {
            return Err(err(kind));
        }
        if d.scale() > rule.max_decimals {
            return Err(err(ErrorKind::TooManyDecimals {
                max: rule.max_decimals,
            }));
        }
    }
    Ok(d)
}

pub(super) fn echo(v: &Value) -> String {
    let s = match v {
        Value::Text(s) => s.trim().to_string(),
        Value::Number(n) => crate::format::shortest(*n),
        Value::Bool(b) => if *b { "true" } else { "false" }.to_string(),
        Value::List(_) | Value::Other(_) => "?".to_string(),
    };
    let mut short: String = s.chars().take(40).collect();
    if short.len() < s.len() {
        short.push('…');
    }
    short
}

pub(super) fn expand_japanese_units(field: &'static str, v: &Value) -> Result<Value, InputError> {
    let Value::Text(s) = v else {
        return Ok(v.clone());
    };
    let norm = normalize_digits(s);
    let t = norm.trim().trim_end_matches('円').trim();
    if !t.contains(['億', '万', '千', '百']) {
        return Ok(v.clone());
    }
    let err = |k| InputError::new(field, k);
    let too_large = || {
        err(ErrorKind::TooLarge {
            max: Decimal::from(MAX_CAPITAL),
        })
    };
    let num = |buf: &str| -> Result<Decimal, InputError> {
        if buf.is_empty() {
            Ok(Decimal::ONE)
        } else {
            parse_decimal(field, &Value::Text(buf.to_string())).and_then(|d| {
                if d.is_sign_negative() && !d.is_zero() {
                    Err(err(ErrorKind::Negative))
                } else {
                    Ok(d)
                }
            })
        }
    };
    use crate::dec::{checked_add as add, checked_mul_int as mul};
    let (mut total, mut section) = (Decimal::ZERO, Decimal::ZERO);
    let mut buf = String::new();
    let mut last_unit = 0i64;
    for c in t.chars() {
        let unit: i64 = match c {
            '億' => 100_000_000,
            '万' => 10_000,
            '千' => 1_000,
            '百' => 100,
            _ => {
                buf.push(c);
                continue;
            }
        };
        if unit >= 10_000 {
            // 億 and 万 close a section: "5千万" = (5 × 千) × 万.
            if unit >= last_unit && last_unit >= 10_000 || section.is_zero() && buf.is_empty() {
                return Err(err(ErrorKind::NotANumber));
            }
            let n = if buf.is_empty() {
                Decimal::ZERO
            } else {
                num(&buf)?
            };
            section = add(section, n).ok_or_else(too_large)?;
            let part = mul(section, unit).ok_or_else(too_large)?;
            total = add(total, part).ok_or_else(too_large)?;
            section = Decimal::ZERO;
        } else {
            let part = mul(num(&buf)?, unit).ok_or_else(too_large)?;
            section = add(section, part).ok_or_else(too_large)?;
        }
        last_unit = unit;
        buf.clear();
    }
    if !buf.is_empty() {
        section = add(section, num(&buf)?).ok_or_else(too_large)?;
    }
    total = add(total, section).ok_or_else(too_large)?;
    Ok(Value::Text(crate::format::plain(total.normalize())))
}

pub(super) fn yen_amount(
    field: &'static str,
    v: Option<&Value>,
    max: i64,
    whole: bool,
) -> Result<Option<Decimal>, InputError> {
    let v = match v {
        None => return Ok(None),
        Some(Value::Text(s)) if s.trim().is_empty() => return Ok(None),
        Some(v) => expand_japanese_units(field, v)?,
    };
    number_field(
        field,
        Some(&v),
        None,
        NumberRule {
            whole: whole.then_some(ErrorKind::NotWholeYen),
            max_decimals: 28,
            positive: false,
            max: Decimal::from(max),
        },
    )
    .map(Some)
}

pub(super) fn employees_field(v: Option<&Value>) -> Result<u32, InputError> {
    const FIELD: &str = "employees";
    // "12人", "１２名" are fine.
    let v = v.map(|v| match v {
        Value::Text(s) => Value::Text(
            normalize_digits(s)
                .trim()
                .trim_end_matches(['人', '名'])
                .to_string(),
        ),
        other => other.clone(),
    });
    let max = Decimal::from(MAX_EMPLOYEES);
    let d = number_field(
        FIELD,
        v.as_ref(),
        None,
        NumberRule {
            whole: Some(ErrorKind::NotWholeNumber),
            max_decimals: 0,
            positive: false,
            max,
        },
    )?;
    // Validated: whole (normalized, so the mantissa is the value), 0 ≤ d ≤ max.
    u32::try_from(d.mantissa())
        .ok()
        .ok_or(InputError::new(FIELD, ErrorKind::TooLarge { max }))
}

pub(super) fn share_field(
    field: &'static str,
    v: Option<&Value>,
) -> Result<Option<Share>, InputError> {
    let bad = || InputError::new(field, ErrorKind::NotAFraction);
    let dec = |s: &str| -> Result<Decimal, InputError> {
        // More than 28 decimals would be rounded by the decimal type: refuse, never round
        // a share across a threshold.
        let decimals = s
            .split_once('.')
            .map_or(0, |(_, f)| f.trim().trim_end_matches('0').chars().count());
        if decimals > 28 {
            return Err(bad());
        }
        parse_decimal(field, &Value::Text(s.to_string())).map_err(|_| bad())
    };
    let share = match v {
        None => return Ok(None),
        Some(Value::Text(s)) if s.trim().is_empty() => return Ok(None),
        Some(v @ Value::Number(_)) => from_decimal(parse_decimal(field, v).map_err(|_| bad())?),
        Some(Value::Text(s)) => {
            let t = normalize_digits(s).replace('％', "%");
            let t = t.trim();
            if let Some((den, num)) = crate::text::split_once_str(t, "分の") {
                quotient(dec(num)?, dec(den)?)
            } else if let Some((num, den)) = t.split_once('/') {
                quotient(dec(num)?, dec(den)?)
            } else if let Some(pct) = t.strip_suffix('%') {
                quotient(dec(pct)?, Decimal::ONE_HUNDRED)
            } else {
                from_decimal(dec(t)?)
            }
        }
        Some(_) => None,
    };
    share.map(Some).ok_or_else(bad)
}

pub(super) fn bool_field(
    field: &'static str,
    v: Option<&Value>,
) -> Result<Option<bool>, InputError> {
    match v {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::Text(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "" => Ok(None),
            "true" | "yes" | "はい" => Ok(Some(true)),
            "false" | "no" | "いいえ" => Ok(Some(false)),
            _ => Err(InputError::new(field, ErrorKind::NotABoolean)),
        },
        Some(_) => Err(InputError::new(field, ErrorKind::NotABoolean)),
    }
}
