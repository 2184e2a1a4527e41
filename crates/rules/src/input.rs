//! Loose input as it arrives from people and from JavaScript, and the localized errors that
//! name the field at fault.
//!
//! Everything typed by a person passes through here: full-width digits and commas are
//! accepted (`６，０００` → 6000), anything else that is not a number is refused with an
//! error naming the field, never guessed at.

use crate::Locale;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

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
}

impl InputError {
    pub fn new(field: &'static str, kind: ErrorKind) -> InputError {
        InputError { field, kind }
    }

    /// A sentence for the person who typed it, naming the field in their language.
    pub fn message(&self, locale: Locale) -> String {
        let label = field_label(self.field, locale);
        let yen = |d: &Decimal| crate::format::yen(*d, locale);
        match locale {
            Locale::Ja => {
                let what = match &self.kind {
                    ErrorKind::Missing => "入力してください。".to_string(),
                    ErrorKind::NotANumber => {
                        "数字で入力してください（例：6000 または ６，０００）。".into()
                    }
                    ErrorKind::Negative => "0以上の数を入力してください。".into(),
                    ErrorKind::NotPositive => "0より大きい数を入力してください。".into(),
                    ErrorKind::NotWholeYen => "1円単位（小数なし）で入力してください。".into(),
                    ErrorKind::NotWholeNumber => "整数で入力してください。".into(),
                    ErrorKind::TooManyDecimals { max } => format!("小数点以下は{max}桁までです。"),
                    ErrorKind::TooLarge { max } => {
                        format!("{}以下で入力してください。", crate::format::number(*max))
                    }
                    ErrorKind::AboveCap { cap } => format!(
                        "上限（{}）を超えています。上限以下の額を入力してください。",
                        yen(cap)
                    ),
                    ErrorKind::NoScheme => {
                        "国の制度・長野県の補助のどちらか1つ以上を選んでください。".into()
                    }
                    ErrorKind::UnknownChoice { got } => {
                        format!("「{got}」は選択肢にありません。一覧から選んでください。")
                    }
                    ErrorKind::NotADate => "日付を 2021-02-05 の形で入力してください。".into(),
                    ErrorKind::NoSuchDate => "存在しない日付です。".into(),
                    ErrorKind::NotABoolean => "「はい」か「いいえ」で答えてください。".into(),
                    ErrorKind::NotAFraction => {
                        "0から1の割合で入力してください（例：半分なら 0.5）。".into()
                    }
                    ErrorKind::NotAList => "一覧の形で指定してください。".into(),
                    ErrorKind::NotAnObject => "項目ごとの答えの形で指定してください。".into(),
                };
                format!("{label}：{what}")
            }
            Locale::En => {
                let what = match &self.kind {
                    ErrorKind::Missing => "please enter a value.".to_string(),
                    ErrorKind::NotANumber => "please enter a number (e.g. 6000).".into(),
                    ErrorKind::Negative => "please enter 0 or more.".into(),
                    ErrorKind::NotPositive => "please enter a number greater than 0.".into(),
                    ErrorKind::NotWholeYen => "please enter whole yen (no decimals).".into(),
                    ErrorKind::NotWholeNumber => "please enter a whole number.".into(),
                    ErrorKind::TooManyDecimals { max } => {
                        format!("at most {max} decimal places.")
                    }
                    ErrorKind::TooLarge { max } => {
                        format!("please enter at most {}.", crate::format::number(*max))
                    }
                    ErrorKind::AboveCap { cap } => {
                        format!(
                            "this is above the cap of {}; enter the cap or less.",
                            yen(cap)
                        )
                    }
                    ErrorKind::NoScheme => {
                        "choose the national programme, the Nagano top-up, or both.".into()
                    }
                    ErrorKind::UnknownChoice { got } => {
                        format!("'{got}' is not one of the choices.")
                    }
                    ErrorKind::NotADate => "please enter a date as 2021-02-05.".into(),
                    ErrorKind::NoSuchDate => "that date does not exist.".into(),
                    ErrorKind::NotABoolean => "please answer yes or no.".into(),
                    ErrorKind::NotAFraction => {
                        "please enter a share between 0 and 1 (e.g. 0.5 for half).".into()
                    }
                    ErrorKind::NotAList => "please give a list.".into(),
                    ErrorKind::NotAnObject => {
                        "please give the answers one by one, as an object.".into()
                    }
                };
                format!("{label}: {what}")
            }
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::Ja))
    }
}

impl std::error::Error for InputError {}

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
        "date" => ("日付", "Date"),
        "location" => ("所在地", "Location"),
        "expertKind" => ("IT専門家の種類", "Kind of IT expert"),
        "support" => ("支援の内容", "Kind of support"),
        "needs" => ("やりたいこと", "What you want to do"),
        "businessKind" => ("事業の種類", "Kind of business"),
        "answers" => ("チェックリストの回答", "Checklist answers"),
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
        other => match crate::checklist::item(other) {
            // A checklist answer is named by its item.
            Some(it) => (it.ja, it.en),
            None => ("入力", "Input"),
        },
    };
    match locale {
        Locale::Ja => ja,
        Locale::En => en,
    }
}

/// Full-width digits, signs and separators to ASCII; ideographic spaces to spaces.
pub fn normalize_digits(s: &str) -> String {
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

/// Reads a decimal number from what a person typed or JS sent. Accepts `6000`, `6,000`,
/// `６，０００`, `6000円`, `12時間`, ` 1.5 `; refuses everything else.
pub fn parse_decimal(field: &'static str, v: &Value) -> Result<Decimal, InputError> {
    let err = |k| InputError::new(field, k);
    match v {
        Value::Number(n) => {
            if !n.is_finite() {
                return Err(err(ErrorKind::NotANumber));
            }
            // Shortest round-trip text of the double: 1.1 stays 1.1, not 1.1000000000000000888.
            let text = format!("{n}");
            Decimal::from_str(&text).map_err(|_| err(ErrorKind::TooLarge { max: Decimal::MAX }))
        }
        Value::Text(s) => {
            let norm = normalize_digits(s);
            let mut t: String = norm
                .trim()
                .trim_end_matches("円")
                .trim_end_matches("時間")
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
            Decimal::from_str(&t).map_err(|_| err(ErrorKind::TooLarge { max: Decimal::MAX }))
        }
        _ => Err(err(ErrorKind::NotANumber)),
    }
}

/// Options for [`number_field`].
pub(crate) struct NumberRule {
    pub whole: Option<ErrorKind>,
    pub max_decimals: u32,
    pub positive: bool,
    pub max: Decimal,
}

/// A number that must be ≥ 0 (or > 0), at most `max`, with limited decimals.
pub(crate) fn number_field(
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
pub(crate) fn date_field(
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
