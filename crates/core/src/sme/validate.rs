//! The loose input and its validation: every problem at once, each naming its field.

use super::{Industry, OrgType, Share, MAX_CAPITAL, MAX_EMPLOYEES, MAX_TAXABLE_INCOME};
use crate::format::fill;
use crate::input::{
    keep, normalize_digits, number_field, parse_decimal, parse_text, split_once_str, trim_end_any,
    ErrorKind, InputError, NumberRule, Value,
};
#[allow(unused_imports)]
use crate::prelude::*;
use core::fmt;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// The answers about deemed large enterprises (SME-6), as received: each may be missing.
///
/// Deserializes from an object; anything else (a list, a string, a number) is kept with
/// `not_an_object` set, so that validation refuses it with an error naming `exclusions`
/// instead of the whole input failing to parse.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "SmeExclusionsInput", rename_all = "camelCase")
)]
pub struct RawExclusions {
    /// SME-6 (1): share of the shares or investment held by one large enterprise, 0–1
    /// (`0.5`, `"1/2"`, `"50%"`, `"2分の1"`).
    #[cfg_attr(feature = "ts", ts(optional, type = "number | string"))]
    pub single_large_share: Option<Value>,
    /// SME-6 (2): share held by large enterprises together, 0–1 (`"2/3"` for two thirds).
    #[cfg_attr(feature = "ts", ts(optional, type = "number | string"))]
    pub total_large_share: Option<Value>,
    /// SME-6 (3): share of the officers who are also officers or staff of a large
    /// enterprise, 0–1.
    #[cfg_attr(feature = "ts", ts(optional, type = "number | string"))]
    pub large_officer_share: Option<Value>,
    /// SME-6 (4): all shares or investment are held by deemed large enterprises.
    #[cfg_attr(feature = "ts", ts(optional, type = "boolean"))]
    pub owned_by_deemed_large: Option<Value>,
    /// SME-6 (5): all officers are officers or staff of deemed large enterprises.
    #[cfg_attr(feature = "ts", ts(optional, type = "boolean"))]
    pub officers_all_from_deemed_large: Option<Value>,
    /// SME-6 (6): average taxable income of the last three filed years, yen.
    #[cfg_attr(feature = "ts", ts(optional, type = "number | string"))]
    pub avg_taxable_income: Option<Value>,
    /// Set when `exclusions` arrived as something other than an object.
    #[cfg_attr(feature = "ts", ts(skip))]
    pub not_an_object: bool,
}

impl<'de> Deserialize<'de> for RawExclusions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawExclusions, D::Error> {
        #[derive(Default, Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        struct Fields {
            single_large_share: Option<Value>,
            total_large_share: Option<Value>,
            large_officer_share: Option<Value>,
            owned_by_deemed_large: Option<Value>,
            officers_all_from_deemed_large: Option<Value>,
            avg_taxable_income: Option<Value>,
        }
        struct V;
        fn other<E>() -> Result<RawExclusions, E> {
            Ok(RawExclusions {
                not_an_object: true,
                ..RawExclusions::default()
            })
        }
        impl<'de> Visitor<'de> for V {
            type Value = RawExclusions;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of exclusion answers")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawExclusions, A::Error> {
                let f = Fields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawExclusions {
                    single_large_share: f.single_large_share,
                    total_large_share: f.total_large_share,
                    large_officer_share: f.large_officer_share,
                    owned_by_deemed_large: f.owned_by_deemed_large,
                    officers_all_from_deemed_large: f.officers_all_from_deemed_large,
                    avg_taxable_income: f.avg_taxable_income,
                    not_an_object: false,
                })
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawExclusions, E> {
                Ok(RawExclusions::default())
            }
            fn visit_none<E: de::Error>(self) -> Result<RawExclusions, E> {
                Ok(RawExclusions::default())
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<RawExclusions, D2::Error> {
                d.deserialize_any(V)
            }
            fn visit_newtype_struct<D2: Deserializer<'de>>(
                self,
                d: D2,
            ) -> Result<RawExclusions, D2::Error> {
                d.deserialize_any(V)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawExclusions, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                other()
            }
            fn visit_enum<A: de::EnumAccess<'de>>(
                self,
                data: A,
            ) -> Result<RawExclusions, A::Error> {
                IgnoredAny::deserialize(de::value::EnumAccessDeserializer::new(data))?;
                other()
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawExclusions, E> {
                other()
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawExclusions, E> {
                other()
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawExclusions, E> {
                other()
            }
            fn visit_i128<E: de::Error>(self, _: i128) -> Result<RawExclusions, E> {
                other()
            }
            fn visit_u128<E: de::Error>(self, _: u128) -> Result<RawExclusions, E> {
                other()
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawExclusions, E> {
                other()
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<RawExclusions, E> {
                other()
            }
            fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<RawExclusions, E> {
                other()
            }
        }
        d.deserialize_any(V)
    }
}

/// The eligibility input as received from JS or a form: every field loose, validated by
/// [`RawSmeInput::validate`].
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SmeInput"))]
pub struct RawSmeInput {
    /// `"company"`, `"soleProprietor"`, `"medical"`, … (see `OrgType`).
    #[cfg_attr(feature = "ts", ts(as = "OrgType"))]
    pub org_type: Option<Value>,
    /// Required for companies, sole proprietors and SME-2 ⑫–⑮ (their main industry);
    /// ignored for medical, social-welfare and school corporations and chambers.
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Industry>"))]
    pub industry: Option<Value>,
    /// Capital or total investment in yen; required for companies, ignored for others.
    /// `300000000`, `"3億円"`, `"５千万円"`.
    #[cfg_attr(feature = "ts", ts(optional, type = "number | string"))]
    pub capital: Option<Value>,
    /// Regular employees (常時使用する従業員, SME-4): officers and the owner not counted.
    #[cfg_attr(feature = "ts", ts(type = "number | string"))]
    pub employees: Option<Value>,
    /// Answers about deemed large enterprises (SME-6); each unanswered one counts as "no".
    #[cfg_attr(feature = "ts", ts(optional))]
    pub exclusions: Option<RawExclusions>,
}

/// Validated answers about deemed large enterprises (SME-6); `None` = not answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Exclusions {
    pub single_large_share: Option<Share>,
    pub total_large_share: Option<Share>,
    pub large_officer_share: Option<Share>,
    pub owned_by_deemed_large: Option<bool>,
    pub officers_all_from_deemed_large: Option<bool>,
    /// Yen, ≥ 0.
    pub avg_taxable_income: Option<Decimal>,
}

/// A validated eligibility input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmeInput {
    pub org_type: OrgType,
    /// Present whenever `org_type.needs_industry()` (validation guarantees it; should it be
    /// missing anyway, "other industries" ⑧ is used).
    pub industry: Option<Industry>,
    /// Whole yen; present for companies (validation guarantees it; a company without one is
    /// judged on employees alone). Always `None` for others.
    pub capital: Option<Decimal>,
    pub employees: u32,
    pub exclusions: Exclusions,
}

impl SmeInput {
    /// An input with no exclusion answered.
    pub fn new(
        org_type: OrgType,
        industry: Option<Industry>,
        capital: Option<Decimal>,
        employees: u32,
    ) -> SmeInput {
        SmeInput {
            org_type,
            industry,
            capital,
            employees,
            exclusions: Exclusions::default(),
        }
    }
}

/// A short echo of what was typed, for an "unknown choice" message.
fn echo(v: &Value) -> String {
    let s = match v {
        Value::Text(s) => s.trim().to_string(),
        Value::Number(n) => crate::format::shortest(*n),
        Value::Bool(b) => if *b { "true" } else { "false" }.to_string(),
        Value::List(_) | Value::Other(_) => "?".to_string(),
    };
    // At most 40 characters, then an ellipsis.
    match s.char_indices().nth(40) {
        Some((end, _)) => fill("{0}…", &[s.get(..end).unwrap_or_default()]),
        None => s,
    }
}

/// One of a list of ids; `Ok(None)` when absent or blank.
fn choice<T>(
    field: &'static str,
    v: Option<&Value>,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, InputError> {
    match v {
        None => Ok(None),
        Some(Value::Text(s)) if s.trim().is_empty() => Ok(None),
        Some(v @ Value::Text(s)) => parse(s)
            .map(Some)
            .ok_or_else(|| InputError::new(field, ErrorKind::UnknownChoice { got: echo(v) })),
        Some(other) => Err(InputError::new(
            field,
            ErrorKind::UnknownChoice { got: echo(other) },
        )),
    }
}

fn required<T>(field: &'static str, r: Result<Option<T>, InputError>) -> Result<T, InputError> {
    r.and_then(|o| o.ok_or(InputError::new(field, ErrorKind::Missing)))
}

/// Text with 億・万・千・百 (`"1億5000万円"`, `"5千万"`) turned into plain digits; `None`
/// for other values, which are read as they are.
fn expand_japanese_units(field: &'static str, v: &Value) -> Result<Option<Value>, InputError> {
    let Value::Text(s) = v else {
        return Ok(None);
    };
    let norm = normalize_digits(s);
    let t = trim_end_any(norm.trim(), &['円']).trim();
    if !t.chars().any(|c| matches!(c, '億' | '万' | '千' | '百')) {
        return Ok(None);
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
            parse_text(field, buf).and_then(|d| {
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
    Ok(Some(Value::Text(crate::format::plain(total.normalize()))))
}

fn yen_amount(
    field: &'static str,
    v: Option<&Value>,
    max: i64,
    whole: bool,
) -> Result<Option<Decimal>, InputError> {
    let (v, expanded) = match v {
        None => return Ok(None),
        Some(Value::Text(s)) if s.trim().is_empty() => return Ok(None),
        Some(v) => (v, expand_japanese_units(field, v)?),
    };
    number_field(
        field,
        Some(expanded.as_ref().unwrap_or(v)),
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

fn employees_field(v: Option<&Value>) -> Result<u32, InputError> {
    const FIELD: &str = "employees";
    // "12人", "１２名" are fine.
    let text;
    let v = match v {
        Some(Value::Text(s)) => {
            text = Value::Text(trim_end_any(normalize_digits(s).trim(), &['人', '名']).to_string());
            Some(&text)
        }
        other => other,
    };
    let max = Decimal::from(MAX_EMPLOYEES);
    let d = number_field(
        FIELD,
        v,
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

/// A share of 0–1: `0.5`, `"0.5"`, `"1/2"`, `"２／３"`, `"3分の2"`, `"50%"`.
fn share_field(field: &'static str, v: Option<&Value>) -> Result<Option<Share>, InputError> {
    let dec = |s: &str| -> Option<Decimal> {
        // More than 28 decimals would be rounded by the decimal type: refuse, never round
        // a share across a threshold.
        // (Characters counted as the bytes that start one: no counting routine in the wasm.)
        let decimals = split_once_str(s, ".").map_or(0, |(_, f)| {
            let f = trim_end_any(f.trim(), &['0']);
            f.bytes().filter(|b| b & 0xc0 != 0x80).count()
        });
        if decimals > 28 {
            return None;
        }
        parse_text(field, s).ok()
    };
    let share = match v {
        None => return Ok(None),
        Some(Value::Text(s)) if s.trim().is_empty() => return Ok(None),
        Some(v @ Value::Number(_)) => parse_decimal(field, v).ok().and_then(Share::from_decimal),
        Some(Value::Text(s)) => {
            let t = normalize_digits(s);
            let t = t.trim();
            // The numerator's text, and the denominator's (or the denominator itself).
            let (num, den) = if let Some((den, num)) = split_once_str(t, "分の") {
                (num, Err(den))
            } else if let Some((num, den)) = split_once_str(t, "/") {
                (num, Err(den))
            } else if let Some(pct) = t.strip_suffix('%') {
                (pct, Ok(Decimal::ONE_HUNDRED))
            } else {
                (t, Ok(Decimal::ONE))
            };
            let den = match den {
                Ok(d) => Some(d),
                Err(text) => dec(text),
            };
            match (dec(num), den) {
                (Some(n), Some(d)) => Share::quotient(n, d),
                _ => None,
            }
        }
        Some(_) => None,
    };
    share
        .map(Some)
        .ok_or(InputError::new(field, ErrorKind::NotAFraction))
}

/// Yes or no: `true`/`false`, or the strings `"true"`, `"false"`, `"yes"`, `"no"`,
/// `"はい"`, `"いいえ"`. Blank is unanswered.
fn bool_field(field: &'static str, v: Option<&Value>) -> Result<Option<bool>, InputError> {
    match v {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::Text(s)) => {
            const WORDS: [(&str, bool); 6] = [
                ("true", true),
                ("yes", true),
                ("はい", true),
                ("false", false),
                ("no", false),
                ("いいえ", false),
            ];
            let t = s.trim();
            if t.is_empty() {
                return Ok(None);
            }
            WORDS
                .iter()
                .find(|(w, _)| t.eq_ignore_ascii_case(w))
                .map(|(_, b)| Some(*b))
                .ok_or(InputError::new(field, ErrorKind::NotABoolean))
        }
        Some(_) => Err(InputError::new(field, ErrorKind::NotABoolean)),
    }
}

fn validate_exclusions(raw: Option<&RawExclusions>, errors: &mut Vec<InputError>) -> Exclusions {
    let Some(raw) = raw else {
        return Exclusions::default();
    };
    if raw.not_an_object {
        errors.push(InputError::new("exclusions", ErrorKind::NotAnObject));
        return Exclusions::default();
    }
    Exclusions {
        single_large_share: keep(
            errors,
            share_field(
                "exclusions.singleLargeShare",
                raw.single_large_share.as_ref(),
            ),
        ),
        total_large_share: keep(
            errors,
            share_field("exclusions.totalLargeShare", raw.total_large_share.as_ref()),
        ),
        large_officer_share: keep(
            errors,
            share_field(
                "exclusions.largeOfficerShare",
                raw.large_officer_share.as_ref(),
            ),
        ),
        owned_by_deemed_large: keep(
            errors,
            bool_field(
                "exclusions.ownedByDeemedLarge",
                raw.owned_by_deemed_large.as_ref(),
            ),
        ),
        officers_all_from_deemed_large: keep(
            errors,
            bool_field(
                "exclusions.officersAllFromDeemedLarge",
                raw.officers_all_from_deemed_large.as_ref(),
            ),
        ),
        avg_taxable_income: keep(
            errors,
            yen_amount(
                "exclusions.avgTaxableIncome",
                raw.avg_taxable_income.as_ref(),
                MAX_TAXABLE_INCOME,
                false,
            ),
        ),
    }
}

impl RawSmeInput {
    /// Checks every field that applies to the kind of organisation; all problems are
    /// returned, in field order (orgType, industry, capital, employees, exclusions.*).
    ///
    /// When `orgType` itself is missing or unknown, the other fields are still checked as far
    /// as possible (a given industry or capital must be valid; neither is reported missing).
    pub fn validate(&self) -> Result<SmeInput, Vec<InputError>> {
        let mut errors = Vec::new();
        let org_type = required(
            "orgType",
            choice("orgType", self.org_type.as_ref(), OrgType::parse),
        )
        .map_err(|e| errors.push(e))
        .ok();
        let industry_given = choice("industry", self.industry.as_ref(), Industry::parse);
        let industry = match org_type.map(OrgType::needs_industry) {
            Some(false) => None,
            Some(true) => keep(&mut errors, required("industry", industry_given).map(Some)),
            None => keep(&mut errors, industry_given),
        };
        let capital_given = || yen_amount("capital", self.capital.as_ref(), MAX_CAPITAL, true);
        let capital = match org_type.map(OrgType::has_capital) {
            Some(false) => None,
            Some(true) => keep(&mut errors, required("capital", capital_given()).map(Some)),
            None => keep(&mut errors, capital_given()),
        };
        let employees = employees_field(self.employees.as_ref())
            .map_err(|e| errors.push(e))
            .ok();
        let exclusions = validate_exclusions(self.exclusions.as_ref(), &mut errors);
        match (org_type, employees) {
            (Some(org_type), Some(employees)) if errors.is_empty() => Ok(SmeInput {
                org_type,
                industry,
                capital,
                employees,
                exclusions,
            }),
            _ if errors.is_empty() => Err(vec![InputError::new("orgType", ErrorKind::Missing)]),
            _ => Err(errors),
        }
    }
}

/// The SME fields read every input as the implementation before the size rewrite did
/// (`reference`): the same value, or the same error naming the same field.
/// The SME fields read every input as the implementation before the size rewrite did
/// (`reference`): the same value, or the same error naming the same field.
#[cfg(test)]
mod same_as_reference {
    use super::super::reference;
    use super::*;
    use proptest::prelude::*;

    fn check(value: &Value) {
        let v = Some(value);
        assert_eq!(
            yen_amount("capital", v, MAX_CAPITAL, true),
            reference::yen_amount("capital", v, MAX_CAPITAL, true),
            "capital {v:?}"
        );
        assert_eq!(
            yen_amount("exclusions.avgTaxableIncome", v, MAX_TAXABLE_INCOME, false),
            reference::yen_amount("exclusions.avgTaxableIncome", v, MAX_TAXABLE_INCOME, false),
            "income {v:?}"
        );
        assert_eq!(
            employees_field(v),
            reference::employees_field(v),
            "employees {v:?}"
        );
        assert_eq!(
            share_field("exclusions.totalLargeShare", v),
            reference::share_field("exclusions.totalLargeShare", v),
            "share {v:?}"
        );
        assert_eq!(
            bool_field("exclusions.ownedByDeemedLarge", v),
            reference::bool_field("exclusions.ownedByDeemedLarge", v),
            "bool {v:?}"
        );
        assert_eq!(echo(value), reference::echo(value), "echo {v:?}");
    }

    #[test]
    fn examples() {
        for s in [
            "",
            " ",
            "0",
            "1",
            "0.5",
            "1/2",
            "２／３",
            "3分の2",
            "50%",
            "49.99％",
            "100%",
            "1億",
            "3億円",
            "1億5000万円",
            "1.5億",
            "5千万",
            "１億２３４５万６７８９円",
            "1万1億",
            "1万万",
            "億",
            "3億円未満",
            "300人",
            "１２名",
            "12.5",
            "-1",
            "−１",
            "+5",
            "1,000",
            "1,000/2,000",
            "0.5円",
            "1/0",
            "0/0",
            "2/1",
            "1e5",
            "はい",
            "いいえ",
            "YES",
            " no ",
            "true",
            "False",
            "0.0000000000000000000000000001",
            "0.00000000000000000000000000001",
            "79228162514264337593543950336",
            "1000000000000000000",
            "1000000000000000001",
            "1千",
            "百",
            "千百",
            "1百万",
            "2分の",
            "分の1",
            "/",
            "%",
            "1.5時間",
            "3h",
            "5万.5",
        ] {
            check(&Value::Text(s.to_string()));
        }
        for n in [
            0.0,
            -0.0,
            0.5,
            1.0,
            2.0,
            1e-7,
            1e-30,
            1e21,
            3e8,
            299999999.5,
            -1.0,
            f64::NAN,
            f64::INFINITY,
        ] {
            check(&Value::Number(n));
        }
        for v in [
            Value::Bool(true),
            Value::Bool(false),
            Value::List(vec![]),
            Value::List(vec![Value::from(1.0)]),
        ] {
            check(&v);
        }
    }

    fn text() -> impl Strategy<Value = String> {
        let alphabet = prop::sample::select(vec![
            "0", "1", "2", "3", "5", "9", "０", "１", "５", "億", "万", "千", "百", "円", "人",
            "名", "分の", "/", "／", "%", "％", ".", "．", "。", ",", "，", "、", "-", "−", "ー",
            "+", "＋", " ", "\u{3000}", "時間", "h", "H", "e", "a", "_", "は", "い", "yes", "no",
            "true",
        ]);
        prop::collection::vec(alphabet, 0..14).prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn any_text(s in text()) {
            check(&Value::Text(s));
        }

        #[test]
        fn any_number(n in prop_oneof![any::<f64>(), -10.0f64..10.0, (0u64..4_000_000_000).prop_map(|n| n as f64)]) {
            check(&Value::Number(n));
        }

        #[test]
        fn fractions_and_units(a in 0u64..1_000_000, b in 0u64..1_000_000, d in 0u32..5, form in 0usize..6) {
            let x = Decimal::new(a as i64, d).to_string();
            let s = match form {
                0 => format!("{x}分の{b}"),
                1 => format!("{x}/{b}"),
                2 => format!("{x}%"),
                3 => format!("{x}億{b}万円"),
                4 => format!("{x}万{b}"),
                _ => format!("{b}千{x}"),
            };
            check(&Value::Text(s));
        }
    }
}
