//! Loose input as it arrives from people and from JavaScript, and the localized errors that
//! name the field at fault.
//!
//! Everything typed by a person passes through here: full-width digits and commas are
//! accepted (`６，０００` → 6000), anything else that is not a number is refused with an
//! error naming the field, never guessed at.

use crate::format::{fill, integer, number};
#[allow(unused_imports)]
use crate::prelude::*;
pub use crate::text::normalize_digits;
pub(crate) use crate::text::{split_once_str, trim_end_any};
use crate::Locale;
use core::fmt;
use rust_decimal::Decimal;
use serde::Deserialize;

/// A value as received: a number, a string someone typed, a list, or anything else.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(String),
    Bool(bool),
    List(Vec<Value>),
    /// An object or any other shape: always an error where a value is read.
    Other(serde::de::IgnoredAny),
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}
impl From<f64> for Value {
    fn from(n: f64) -> Value {
        Value::Number(n)
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Number(n as f64)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

/// What is wrong with a field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    Missing,
    NotANumber,
    Negative,
    NotPositive,
    NotWholeYen,
    NotWholeNumber,
    TooManyDecimals {
        max: u32,
    },
    TooLarge {
        max: Decimal,
    },
    AboveCap {
        cap: Decimal,
    },
    NoScheme,
    UnknownChoice {
        got: String,
    },
    NotADate,
    NoSuchDate,
    NotABoolean,
    NotAFraction,
    NotAList,
    /// A group of answers (e.g. `exclusions`) that is not an object.
    NotAnObject,
}

/// A refused input: which field (its name in the JS API, e.g. `smePriorHonorarium` or
/// `exclusions.singleLargeShare`) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub field: &'static str,
    pub kind: ErrorKind,
    /// The field's name `[ja, en]` when the module that owns the field names it (a checklist
    /// item); otherwise [`field_label`] names it. Lower layers never look names up above them.
    pub label: Option<[&'static str; 2]>,
}

/// The message of each [`ErrorKind`], `[japanese, english]`, in the order of its variants.
const MESSAGES: [[&str; 2]; 18] = [
    // Missing
    ["入力してください。", "please enter a value."],
    // NotANumber
    [
        "数字で入力してください（例：6000 または ６，０００）。",
        "please enter a number (e.g. 6000).",
    ],
    // Negative
    ["0以上の数を入力してください。", "please enter 0 or more."],
    // NotPositive
    [
        "0より大きい数を入力してください。",
        "please enter a number greater than 0.",
    ],
    // NotWholeYen
    [
        "1円単位（小数なし）で入力してください。",
        "please enter whole yen (no decimals).",
    ],
    // NotWholeNumber
    ["整数で入力してください。", "please enter a whole number."],
    // TooManyDecimals
    ["小数点以下は{0}桁までです。", "at most {0} decimal places."],
    // TooLarge
    ["{0}以下で入力してください。", "please enter at most {0}."],
    // AboveCap
    [
        "上限（{0}）を超えています。上限以下の額を入力してください。",
        "this is above the cap of {0}; enter the cap or less.",
    ],
    // NoScheme
    [
        "国の制度・長野県の補助のどちらか1つ以上を選んでください。",
        "choose the national programme, the Nagano top-up, or both.",
    ],
    // UnknownChoice
    [
        "「{0}」は選択肢にありません。一覧から選んでください。",
        "'{0}' is not one of the choices.",
    ],
    // NotADate
    [
        "日付を 2021-02-05 の形で入力してください。",
        "please enter a date as 2021-02-05.",
    ],
    // NoSuchDate
    ["存在しない日付です。", "that date does not exist."],
    // NotABoolean
    [
        "「はい」か「いいえ」で答えてください。",
        "please answer yes or no.",
    ],
    // NotAFraction
    [
        "0から1の割合で入力してください（例：半分なら 0.5）。",
        "please enter a share between 0 and 1 (e.g. 0.5 for half).",
    ],
    // NotAList
    ["一覧の形で指定してください。", "please give a list."],
    // NotAnObject
    [
        "項目ごとの答えの形で指定してください。",
        "please give the answers one by one, as an object.",
    ],
    // TooLarge beyond any number the rules can hold (no limit of the field's to name)
    [
        "数が大きすぎます。桁を確かめてください。",
        "this number is too large; please check the digits.",
    ],
];

impl InputError {
    pub fn new(field: &'static str, kind: ErrorKind) -> InputError {
        InputError {
            field,
            kind,
            label: None,
        }
    }

    /// An error on a field named by the module that owns it (`[ja, en]`).
    pub fn labelled(field: &'static str, kind: ErrorKind, label: [&'static str; 2]) -> InputError {
        InputError {
            field,
            kind,
            label: Some(label),
        }
    }

    /// The same error, on a field named by the module that owns it (`[ja, en]`).
    pub fn named(mut self, label: [&'static str; 2]) -> InputError {
        self.label = Some(label);
        self
    }

    /// A sentence for the person who typed it, naming the field in their language.
    pub fn message(&self, locale: Locale) -> String {
        let label = match (self.label, locale) {
            (Some([ja, _]), Locale::Ja) => ja,
            (Some([_, en]), Locale::En) => en,
            (None, _) => field_label(self.field, locale),
        };
        let sentence = match locale {
            Locale::Ja => "{0}：{1}",
            Locale::En => "{0}: {1}",
        };
        fill(sentence, &[label, &self.detail(locale)])
    }

    /// What is wrong, without the field's name (`存在しない日付です。`): the part of
    /// [`InputError::message`] after the label, for a caller that names the field itself.
    pub fn detail(&self, locale: Locale) -> String {
        // The kind's [ja, en] template (by its place in `MESSAGES`); `{0}` is the kind's one
        // argument, if any.
        let (index, arg) = match &self.kind {
            ErrorKind::Missing => (0, None),
            ErrorKind::NotANumber => (1, None),
            ErrorKind::Negative => (2, None),
            ErrorKind::NotPositive => (3, None),
            ErrorKind::NotWholeYen => (4, None),
            ErrorKind::NotWholeNumber => (5, None),
            ErrorKind::TooManyDecimals { max } => (6, Some(integer((*max).into()))),
            ErrorKind::TooLarge { max } if *max == Decimal::MAX => (17, None),
            ErrorKind::TooLarge { max } => (7, Some(number(*max))),
            ErrorKind::AboveCap { cap } => (8, Some(crate::format::yen(*cap, locale))),
            ErrorKind::NoScheme => (9, None),
            ErrorKind::UnknownChoice { got } => (10, Some(got.clone())),
            ErrorKind::NotADate => (11, None),
            ErrorKind::NoSuchDate => (12, None),
            ErrorKind::NotABoolean => (13, None),
            ErrorKind::NotAFraction => (14, None),
            ErrorKind::NotAList => (15, None),
            ErrorKind::NotAnObject => (16, None),
        };
        let [ja, en] = MESSAGES[index];
        let template = match locale {
            Locale::Ja => ja,
            Locale::En => en,
        };
        fill(template, &[arg.as_deref().unwrap_or_default()])
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::Ja))
    }
}

impl core::error::Error for InputError {}

/// The field's name as shown to people.
pub fn field_label(field: &str, locale: Locale) -> &'static str {
    let (ja, en) = match field {
        "rate" => ("時間単価", "Hourly rate"),
        "hours" => ("支援時間", "Support hours"),
        "schemes" => ("利用する制度", "Schemes"),
        "smePriorHonorarium" => (
            "これまでに受けた謝金（中小企業）",
            "Honorarium already received by the SME",
        ),
        "expertPriorHonorarium" => (
            "IT専門家がこれまでに受けた謝金",
            "Honorarium already received by the expert",
        ),
        "naganoPriorHours" => (
            "長野県の補助を受けた時間（これまで）",
            "Hours already subsidised by Nagano",
        ),
        "asOf" => ("基準日", "As-of date"),
        "orgType" => ("組織の種類", "Kind of organisation"),
        "industry" => ("業種", "Industry"),
        "capital" => ("資本金・出資の総額", "Capital"),
        "employees" => ("常時使用する従業員数", "Regular employees"),
        "exclusions.singleLargeShare" => (
            "1社の大企業が持つ株式・出資の割合",
            "Share held by a single large enterprise",
        ),
        "exclusions.totalLargeShare" => (
            "大企業が合計で持つ株式・出資の割合",
            "Share held by large enterprises together",
        ),
        "exclusions.largeOfficerShare" => (
            "大企業の役員・職員が占める役員の割合",
            "Share of officers from large enterprises",
        ),
        "exclusions.ownedByDeemedLarge" => (
            "みなし大企業が株式をすべて持っているか",
            "All shares owned by deemed-large companies",
        ),
        "exclusions.officersAllFromDeemedLarge" => (
            "役員がすべてみなし大企業の役員・職員か",
            "All officers from deemed-large companies",
        ),
        "exclusions.avgTaxableIncome" => (
            "直近3年の課税所得の平均",
            "Average taxable income (last 3 years)",
        ),
        "exclusions" => ("みなし大企業の確認", "Deemed-large checks"),
        "input" => ("入力", "Input"),
        "locale" => ("表示言語", "Language"),
        // Fields named by the module that owns them carry their label (`InputError::labelled`:
        // the wizard's location, expert and support, the navigator's needs, the checklist's
        // kind of business, answers and items, the calendar's day), so the small wasm, which
        // has none of them, links none of their names.
        _ => ("入力", "Input"),
    };
    match locale {
        Locale::Ja => ja,
        Locale::En => en,
    }
}

/// Reads a decimal number from what a person typed or JS sent. Accepts `6000`, `6,000`,
/// `６，０００`, `6000円`, `12時間`, ` 1.5 `; refuses everything else.
pub fn parse_decimal(field: &'static str, v: &Value) -> Result<Decimal, InputError> {
    let err = |k| InputError::new(field, k);
    match v {
        Value::Number(n) => {
            if !n.is_finite() {
                return Err(err(ErrorKind::NotANumber));
            }
            if let Some(d) = short_decimal(*n) {
                return Ok(d);
            }
            // Shortest round-trip text of the double: 1.1 stays 1.1, not 1.1000000000000000888.
            let text = crate::format::shortest(*n);
            decimal(&text).map_err(|_| err(ErrorKind::TooLarge { max: Decimal::MAX }))
        }
        Value::Text(s) => parse_text(field, s),
        _ => Err(err(ErrorKind::NotANumber)),
    }
}

/// What [`decimal`] reads from [`crate::format::shortest`]`(n)` (finite `n`), without the
/// text, when that is a decimal of at most 17 places whose digits fit 2^52 (`6000`, `1.5`,
/// `0.1`, `-0`): the shortest text is the fewest places `k` at which some integer `m` has
/// `m / 10^k` round to `n`. `m` and `10^k` are exact doubles and their quotient is correctly
/// rounded, so `m as f64 / 10^k == n` says exactly that; `m` is within one of `n · 10^k`, and
/// two such `m` (a tie the bignum would settle) go the long way. Most JS numbers take this
/// way: the bignum is by far the slowest part of a cost split (tested equal below).
fn short_decimal(n: f64) -> Option<Decimal> {
    let x = n.abs();
    let mut pow = 1.0;
    for k in 0..=17 {
        let p = x * pow;
        if p >= (1u64 << 52) as f64 {
            return None;
        }
        let near = (p + 0.5) as u64;
        let mut found = None;
        for m in [near.wrapping_sub(1), near, near + 1] {
            if m != u64::MAX && m as f64 / pow == x {
                if found.is_some() {
                    return None;
                }
                found = Some(m);
            }
        }
        if let Some(m) = found {
            return Some(Decimal::from_parts(
                m as u32,
                (m >> 32) as u32,
                0,
                n.is_sign_negative(),
                k,
            ));
        }
        pow *= 10.0;
    }
    None
}

/// [`parse_decimal`] of a text.
pub(crate) fn parse_text(field: &'static str, s: &str) -> Result<Decimal, InputError> {
    let err = |k| InputError::new(field, k);
    let norm = normalize_digits(s);
    // As `trim_end_matches("時間")`, without the substring searcher.
    let mut trimmed = trim_end_any(norm.trim(), &['円']);
    while let Some(rest) = trimmed.strip_suffix("時間") {
        trimmed = rest;
    }
    let mut t: String = trim_end_any(trimmed, &['h', 'H'])
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

/// `Decimal::from_str` for text already checked to be `-?digits(.digits)?`: the same value,
/// rounding and errors, from a few lines instead of the crate's general parser.
///
/// As `rust_decimal` does: digits accumulate into the 96-bit mantissa; once 28 decimals are
/// read, or the next digit would overflow the mantissa after the point, the number is
/// rounded half up on that one next digit and the rest is dropped; an integer part too
/// large for the mantissa is an error.
pub(crate) fn decimal(t: &str) -> Result<Decimal, ()> {
    const LIMIT: u128 = 1 << 96;
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let round = |mut m: u128, digit: u8, mut scale: u32| {
        if digit >= 5 {
            m += 1;
            if m >= LIMIT {
                if scale == 0 {
                    return Err(());
                }
                m = (m + 4) / 10;
                scale -= 1;
            }
        }
        Ok((m, scale))
    };
    let bytes = body.as_bytes();
    let (mut m, mut scale, mut point) = (0u128, 0u32, false);
    let mut i = 0;
    let (m, scale) = loop {
        let Some(&b) = bytes.get(i) else {
            break (m, scale);
        };
        i += 1;
        if b == b'.' {
            point = true;
            continue;
        }
        let next = m * 10 + u128::from(b - b'0');
        if next >= LIMIT {
            if !point {
                return Err(());
            }
            break round(m, b - b'0', scale)?;
        }
        m = next;
        if point {
            scale += 1;
            if scale >= 28 {
                if let Some(&b) = bytes.get(i) {
                    break round(m, b - b'0', scale)?;
                }
            }
        }
    };
    Ok(Decimal::from_parts(
        m as u32,
        (m >> 32) as u32,
        (m >> 64) as u32,
        negative,
        scale,
    ))
}

/// Options for [`number_field`].
pub struct NumberRule {
    pub whole: Option<ErrorKind>,
    pub max_decimals: u32,
    pub positive: bool,
    pub max: Decimal,
}

/// A number that must be ≥ 0 (or > 0), at most `max`, with limited decimals.
pub fn number_field(
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

/// Unwraps `r`, or records its error and carries on with a default so that every field is
/// checked and all problems are reported at once.
pub(crate) fn keep<T: Default>(errors: &mut Vec<InputError>, r: Result<T, InputError>) -> T {
    r.unwrap_or_else(|e| {
        errors.push(e);
        T::default()
    })
}

/// A required `YYYY-MM-DD` date.
pub fn parse_date_field(field: &'static str, s: &str) -> Result<crate::Date, InputError> {
    date_field(field, Some(&Value::Text(s.to_string())))?
        .ok_or(InputError::new(field, ErrorKind::Missing))
}

/// A `YYYY-MM-DD` date, or none.
pub fn date_field(
    field: &'static str,
    v: Option<&Value>,
) -> Result<Option<crate::Date>, InputError> {
    match v {
        None => Ok(None),
        Some(Value::Text(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::Text(s)) => crate::Date::parse(s).map(Some).map_err(|e| {
            InputError::new(
                field,
                match e {
                    crate::date::DateError::Format => ErrorKind::NotADate,
                    _ => ErrorKind::NoSuchDate,
                },
            )
        }),
        Some(_) => Err(InputError::new(field, ErrorKind::NotADate)),
    }
}

#[cfg(test)]
mod tests {

    /// `short_decimal` is the long way (`decimal(shortest(n))`), bit for bit (sign and scale
    /// too), wherever it answers; and it answers for the numbers people send.
    #[test]
    fn short_decimal_is_the_shortest_text_read() {
        use proptest::prelude::*;
        let same = |n: f64| {
            if let Some(d) = super::short_decimal(n) {
                let long = decimal(&crate::format::shortest(n)).unwrap();
                assert_eq!(
                    (d.mantissa(), d.scale(), d.is_sign_negative()),
                    (long.mantissa(), long.scale(), long.is_sign_negative()),
                    "{n:e}"
                );
            }
        };
        for n in [
            0.0,
            -0.0,
            1.0,
            0.1,
            0.2,
            0.3,
            1.5,
            2.0 / 3.0,
            1e-7,
            5e-324,
            1e21,
            1e22,
            0.5,
            23.5,
            6000.5,
            4503599627370495.0,
            4503599627370496.0,
            9007199254740993.0,
            1.7976931348623157e308,
            0.000001,
            123456.789,
            1e-17,
            1.2345678901234567e-5,
            99.99999999999999,
        ] {
            same(n);
            same(-n);
        }
        for i in 0..200_000u32 {
            let i = f64::from(i);
            for d in [1.0, 4.0, 10.0, 100.0, 3.0, 1000.0, 7.0] {
                same(i / d);
            }
        }
        for n in [
            0.0,
            -0.0,
            6000.0,
            1.5,
            0.25,
            23.5,
            0.1,
            12.25,
            300000.0,
            2.0 / 3.0,
        ] {
            assert!(super::short_decimal(n).is_some() || n == 2.0 / 3.0, "{n}");
        }
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(&(any::<u64>(), -1e6f64..1e6), |(bits, x)| {
                same(f64::from_bits(bits));
                same(x);
                same((x * 1000.0).round() / 1000.0);
                Ok(())
            })
            .unwrap();
    }
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn reads_what_people_type() {
        let p = |s: &str| parse_decimal("rate", &Value::from(s));
        assert_eq!(p("6000"), Ok(dec!(6000)));
        assert_eq!(p("6,000"), Ok(dec!(6000)));
        assert_eq!(p("６，０００"), Ok(dec!(6000)));
        assert_eq!(p("６０００円"), Ok(dec!(6000)));
        assert_eq!(p(" 1.5 "), Ok(dec!(1.5)));
        assert_eq!(p("１．５時間"), Ok(dec!(1.5)));
        assert_eq!(p("-1"), Ok(dec!(-1)));
        assert_eq!(p("−１"), Ok(dec!(-1)));
        for bad in [
            "abc", "1.2.3", "1e5", ".5", "5.", "--1", "六千", "0x10", "NaN", "∞",
        ] {
            assert_eq!(
                p(bad).unwrap_err().kind,
                ErrorKind::NotANumber,
                "{bad} must be refused"
            );
        }
        assert_eq!(p("").unwrap_err().kind, ErrorKind::Missing);
        assert_eq!(
            parse_decimal("hours", &Value::Number(f64::NAN)),
            Err(InputError::new("hours", ErrorKind::NotANumber))
        );
        assert_eq!(parse_decimal("hours", &Value::Number(1.1)), Ok(dec!(1.1)));
        assert_eq!(
            parse_decimal("hours", &Value::Bool(true)).unwrap_err().kind,
            ErrorKind::NotANumber
        );
    }

    /// `decimal` is `Decimal::from_str` on the text it is given: digits, one point, a sign.
    #[test]
    fn decimal_parses_as_rust_decimal_does() {
        use std::str::FromStr;
        let check = |t: &str| {
            let ours = decimal(t);
            assert_eq!(ours.ok(), Decimal::from_str(t).ok(), "{t}");
            if let (Ok(a), Ok(b)) = (ours, Decimal::from_str(t)) {
                assert_eq!(a.scale(), b.scale(), "{t}");
                assert_eq!(a.is_sign_negative(), b.is_sign_negative(), "{t}");
            }
        };
        for t in [
            "0",
            "-0",
            "0.0",
            "-0.000",
            "6000",
            "1.5",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "7922816251426433759354395033.56",
            "7.9228162514264337593543950335",
            "7.92281625142643375935439503355",
            "9.99999999999999999999999999999",
            "0.99999999999999999999999999999",
            "0.0000000000000000000000000001",
            "0.00000000000000000000000000005",
            "0.00000000000000000000000000004999",
            "1.0000000000000000000000000000000001",
            "99999999999999999999999999999.9",
            "100000000000000000000000000000",
        ] {
            check(t);
        }
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..50_000 {
            let len = 1 + (next() % 40) as usize;
            let mut t = String::new();
            if next() % 3 == 0 {
                t.push('-');
            }
            let nines = next() % 4 == 0;
            for _ in 0..len {
                let d = if nines { 9 } else { next() % 10 };
                t.push(char::from(b'0' + d as u8));
            }
            if next() % 4 != 0 {
                let at = t.len() - (next() as usize % len);
                if at > usize::from(t.starts_with('-')) && at < t.len() {
                    t.insert(at, '.');
                }
            }
            check(&t);
        }
    }

    #[test]
    fn split_once_str_is_split_once() {
        for s in [
            "",
            "a",
            "3分の2",
            "分の",
            "1分の2分の3",
            "NAT-P1, NAT-P4",
            ", ,",
            "x, ",
        ] {
            for pat in ["分の", ", ", ","] {
                assert_eq!(split_once_str(s, pat), s.split_once(pat), "{s} {pat}");
            }
        }
    }

    /// Each kind gets its own message (the table is in the order of the variants).
    #[test]
    fn every_kind_has_its_message() {
        use ErrorKind::*;
        let cases: [(ErrorKind, &str, &str); 17] = [
            (Missing, "入力してください", "enter a value"),
            (NotANumber, "数字で", "enter a number (e.g."),
            (Negative, "0以上", "0 or more"),
            (NotPositive, "0より大きい", "greater than 0"),
            (NotWholeYen, "1円単位", "whole yen"),
            (NotWholeNumber, "整数で", "whole number"),
            (
                TooManyDecimals { max: 4 },
                "小数点以下は4桁",
                "at most 4 decimal places",
            ),
            (
                TooLarge {
                    max: Decimal::from(10_000),
                },
                "10,000以下",
                "at most 10,000",
            ),
            (
                AboveCap {
                    cap: Decimal::from(300_000),
                },
                "上限（300,000円）",
                "cap of ¥300,000",
            ),
            (NoScheme, "どちらか1つ以上", "or both"),
            (
                UnknownChoice { got: "x".into() },
                "「x」は選択肢に",
                "'x' is not one of",
            ),
            (NotADate, "2021-02-05 の形", "date as 2021-02-05"),
            (NoSuchDate, "存在しない日付", "does not exist"),
            (NotABoolean, "「はい」か「いいえ」", "yes or no"),
            (NotAFraction, "0から1の割合", "share between 0 and 1"),
            (NotAList, "一覧の形", "give a list"),
            (NotAnObject, "項目ごとの答え", "as an object"),
        ];
        for (kind, ja, en) in cases {
            let e = InputError::new("rate", kind);
            let (m_ja, m_en) = (e.message(Locale::Ja), e.message(Locale::En));
            assert!(
                m_ja.starts_with("時間単価：") && m_ja.contains(ja),
                "{m_ja}"
            );
            assert!(
                m_en.starts_with("Hourly rate: ") && m_en.contains(en),
                "{m_en}"
            );
        }
    }

    #[test]
    fn messages_name_the_field_in_both_languages() {
        let e = InputError::new("hours", ErrorKind::NotPositive);
        assert_eq!(
            e.message(Locale::Ja),
            "支援時間：0より大きい数を入力してください。"
        );
        assert_eq!(
            e.message(Locale::En),
            "Support hours: please enter a number greater than 0."
        );
        let e = InputError::new(
            "smePriorHonorarium",
            ErrorKind::AboveCap { cap: dec!(300000) },
        );
        assert!(e.message(Locale::Ja).contains("300,000円"));
        assert!(e.message(Locale::En).contains("¥300,000"));
    }
}
