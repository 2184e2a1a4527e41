//! Calendar dates without a time zone, and the Japanese era calendar (和暦).
//!
//! The rules only compare whole days, so a tiny proleptic-Gregorian type is enough; it keeps
//! the core free of clocks and time-zone data (the caller says what "today" is).

use crate::format::{fill, integer};
#[allow(unused_imports)]
use crate::prelude::*;
use core::fmt;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A valid Gregorian calendar date between the years 1900 and 2999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// Well formed, but no such day (e.g. 2021-02-30).
    NoSuchDay,
    /// Outside 1900–2999.
    OutOfRange,
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if !(1900..=2999).contains(&year) {
            return Err(DateError::OutOfRange);
        }
        let (y, m) = (year as u16, month as u8);
        if !(1..=12).contains(&month) || day == 0 || day > u32::from(days_in_month(y, m)) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Date {
            year: y,
            month: m,
            day: day as u8,
        })
    }

    /// For tables generated at build time, where `build.rs` has already validated the date.
    pub(crate) const fn from_ymd_unchecked(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Parses `YYYY-MM-DD` (ASCII or full-width digits and hyphens).
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let s = crate::text::normalize_digits(s.trim());
        // Three runs of ASCII digits (4, 1–2 and 1–2 of them) between `-` or `/`.
        let (mut n, mut len, mut part) = ([0u32; 3], [0usize; 3], 0);
        for b in s.bytes() {
            if b == b'-' || b == b'/' {
                part += 1;
                if part > 2 {
                    return Err(DateError::Format);
                }
            } else if b.is_ascii_digit() && len[part] < 4 {
                n[part] = n[part] * 10 + u32::from(b - b'0');
                len[part] += 1;
            } else {
                return Err(DateError::Format);
            }
        }
        if part != 2 || len[0] != 4 || !(1..=2).contains(&len[1]) || !(1..=2).contains(&len[2]) {
            return Err(DateError::Format);
        }
        Date::from_ymd(n[0] as i32, n[1], n[2])
    }

    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// `2021年2月5日`
    pub fn format_ja(self) -> String {
        let n = |x: u16| integer(x.into());
        fill(
            "{0}年{1}月{2}日",
            &[&n(self.year), &n(self.month.into()), &n(self.day.into())],
        )
    }

    /// `5 February 2021`
    pub fn format_en(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        fill(
            "{0} {1} {2}",
            &[
                &integer(self.day.into()),
                MONTHS[usize::from(self.month - 1)],
                &integer(self.year.into()),
            ],
        )
    }

    /// The date in the Japanese era calendar, `令和3年2月5日` (year 1 is written 元年).
    /// Eras before 明治 are not covered; such dates (none in this domain) get `None`.
    pub fn wareki(self) -> Option<String> {
        // (era name, first day)
        const ERAS: [(&str, Date); 5] = [
            ("令和", Date::from_ymd_unchecked(2019, 5, 1)),
            ("平成", Date::from_ymd_unchecked(1989, 1, 8)),
            ("昭和", Date::from_ymd_unchecked(1926, 12, 25)),
            ("大正", Date::from_ymd_unchecked(1912, 7, 30)),
            ("明治", Date::from_ymd_unchecked(1868, 1, 25)),
        ];
        let (name, start) = ERAS.iter().find(|(_, start)| self >= *start)?;
        let n = self.year - start.year + 1;
        let year = if n == 1 {
            "元".to_string()
        } else {
            integer(n.into())
        };
        Some(fill(
            "{0}{1}年{2}月{3}日",
            &[
                name,
                &year,
                &integer(self.month.into()),
                &integer(self.day.into()),
            ],
        ))
    }

    /// `2021年2月5日（令和3年2月5日）`: both forms, as Japanese users expect.
    pub fn format_ja_with_wareki(self) -> String {
        match self.wareki() {
            Some(w) => fill("{0}（{1}）", &[&self.format_ja(), &w]),
            None => self.format_ja(),
        }
    }

    /// The date formatted for `locale` (Japanese shows 和暦 beside it).
    pub fn format(self, locale: crate::Locale) -> String {
        match locale {
            crate::Locale::Ja => self.format_ja_with_wareki(),
            crate::Locale::En => self.format_en(),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(|_| de::Error::custom("invalid date"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `Date::parse` as it was before it was rewritten as one pass over the bytes.
    fn parse_before(s: &str) -> Result<Date, DateError> {
        let s = crate::text::normalize_digits(s.trim());
        let parts: Vec<&str> = s.split(['-', '/']).collect();
        if parts.len() != 3
            || parts[0].len() != 4
            || !(1..=2).contains(&parts[1].len())
            || !(1..=2).contains(&parts[2].len())
            || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(DateError::Format);
        }
        let n = |p: &str| p.parse::<u32>().map_err(|_| DateError::Format);
        Date::from_ymd(n(parts[0])? as i32, n(parts[1])?, n(parts[2])?)
    }

    proptest! {
        #[test]
        fn parse_reads_what_it_read_before(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "2021", "1999", "0", "1", "2", "02", "12", "13", "28", "29", "30", "31", "32",
                    "２０２１", "０５", "-", "/", "－", "ー", "／", " ", "\u{3000}", "+", "a", "年",
                    "00000", "123",
                ]),
                0..8,
            )
        ) {
            let s = parts.concat();
            prop_assert_eq!(Date::parse(&s), parse_before(&s), "{}", s);
        }

        #[test]
        fn parse_reads_dates_as_before(
            y in prop::sample::select(vec!["2021", "２０２１", "1900", "2400", "999", "20210"]),
            m in prop::sample::select(vec!["1", "01", "２", "12", "13", "0", "001"]),
            d in prop::sample::select(vec!["1", "05", "28", "29", "30", "31", "32", "0"]),
            seps in prop::sample::select(vec![("-", "-"), ("/", "/"), ("－", "ー"), ("-", ""), ("-", "--")]),
            pad in prop::sample::select(vec!["", " ", "\u{3000}"]),
        ) {
            let s = format!("{pad}{y}{}{m}{}{d}{pad}", seps.0, seps.1);
            prop_assert_eq!(Date::parse(&s), parse_before(&s), "{}", s);
        }
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(
            Date::parse("2021-02-05"),
            Ok(Date::from_ymd_unchecked(2021, 2, 5))
        );
        assert_eq!(
            Date::parse("２０２１－０２－０５"),
            Ok(Date::from_ymd_unchecked(2021, 2, 5))
        );
        assert_eq!(
            Date::parse("2021/2/5"),
            Ok(Date::from_ymd_unchecked(2021, 2, 5))
        );
        assert_eq!(Date::parse("2021-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(
            Date::parse("2020-02-29"),
            Ok(Date::from_ymd_unchecked(2020, 2, 29))
        );
        assert_eq!(Date::parse("1900-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2021-13-01"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2021-00-10"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("21-02-05"), Err(DateError::Format));
        assert_eq!(Date::parse("2021-02-05T00"), Err(DateError::Format));
        assert_eq!(Date::parse(""), Err(DateError::Format));
        assert_eq!(Date::parse("1899-12-31"), Err(DateError::OutOfRange));
    }

    #[test]
    fn wareki_boundaries() {
        let w = |y, m, d| Date::from_ymd(y, m, d).unwrap().wareki().unwrap();
        assert_eq!(w(2021, 2, 5), "令和3年2月5日");
        assert_eq!(w(2019, 5, 1), "令和元年5月1日");
        assert_eq!(w(2019, 4, 30), "平成31年4月30日");
        assert_eq!(w(1989, 1, 8), "平成元年1月8日");
        assert_eq!(w(1989, 1, 7), "昭和64年1月7日");
        assert_eq!(w(2020, 12, 31), "令和2年12月31日");
        assert_eq!(
            Date::from_ymd(2021, 2, 5).unwrap().format_ja_with_wareki(),
            "2021年2月5日（令和3年2月5日）"
        );
        assert_eq!(
            Date::from_ymd(2021, 2, 5).unwrap().format_en(),
            "5 February 2021"
        );
    }

    #[test]
    fn orders_chronologically() {
        let a = Date::parse("2021-01-31").unwrap();
        let b = Date::parse("2021-02-01").unwrap();
        assert!(a < b);
        assert_eq!(a.to_string(), "2021-01-31");
    }
}
