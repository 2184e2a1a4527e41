//! Who is an SME (中小企業者) and a small business (小規模事業者): SME-1..7.
//!
//! [`RawSmeInput::validate`] reads the loose input (every problem at once, each naming its
//! field); [`classify`] is a pure function of the validated [`SmeInput`] that says whether the
//! business is an SME, whether it is also a small business, which rules decided it, why, and —
//! when it does not qualify — the smallest change that would make it qualify.
//!
//! Decisions where the rules leave room, stated once here:
//!
//! - **Fields that do not apply are ignored, not checked.** A capital given for a sole
//!   proprietor or an organisation of SME-2 (they have no capital test), or an industry given
//!   for a medical, social-welfare or school corporation or a chamber of commerce (fixed
//!   employee limits), is ignored, so a value left over from an earlier answer in the wizard
//!   never blocks the result.
//! - **SME-6 applies to every kind of applicant**, not only companies: the source excludes any
//!   「中小企業・小規模事業者等」 that meets one of its six tests. The wizard only asks the
//!   questions that make sense (a sole proprietor has no shares), and an unanswered question
//!   counts as "no"; the result lists the unanswered ones (`unanswered`).
//! - **Shares are exact fractions.** They may be given as a decimal (`0.5`), a fraction
//!   (`"2/3"`, `"２／３"`), a Japanese fraction (`"3分の2"`) or a percentage (`"50%"`).
//!   Decimals are taken literally: `0.6666666666666666` is just below two thirds and does not
//!   trigger SME-6 (2); send `"2/3"` (or `"200/300"`, counts of shares) for exactly two thirds.
//! - Amounts of money may be typed with 億・万・千 (`"5千万円"`, `"1億5000万"`), as the
//!   source itself writes them.

use crate::format::{fill, number, yen};
use crate::input::{
    keep, normalize_digits, number_field, parse_decimal, parse_text, split_once_str, trim_end_any,
    ErrorKind, InputError, NumberRule, Value,
};
use crate::params::{Stamp, STAMP};
#[allow(unused_imports)]
use crate::prelude::*;
use crate::Locale;
use core::fmt;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

/// The largest capital accepted (10^15 yen); above it the input is surely a typo.
pub const MAX_CAPITAL: i64 = 1_000_000_000_000_000;
/// The largest number of regular employees accepted.
pub const MAX_EMPLOYEES: u32 = 10_000_000;
/// The largest average taxable income accepted (10^15 yen).
pub const MAX_TAXABLE_INCOME: i64 = 1_000_000_000_000_000;
/// SME-6 (6): an average taxable income **above** this excludes (from `parameters.json`).
pub use crate::params::TAXABLE_INCOME_LIMIT;
use crate::params::{SMALL_BUSINESS_EMPLOYEES, SME1_ROWS, SME2_EMPLOYEES};

/// The kind of applicant (SME-1: companies and sole proprietors; SME-2: other organisations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum OrgType {
    /// 会社 (SME-1)
    Company,
    /// 個人事業主 (SME-1)
    SoleProprietor,
    /// 医療法人 (SME-2 ⑨)
    Medical,
    /// 社会福祉法人 (SME-2 ⑨)
    SocialWelfare,
    /// 学校法人 (SME-2 ⑩)
    School,
    /// 商工会・都道府県商工会連合会・商工会議所 (SME-2 ⑪)
    Chamber,
    /// 中小企業支援法第2条第1項第4号の中小企業団体 (SME-2 ⑫)
    SmeOrganization,
    /// 特別の法律によって設立された組合・その連合会 (SME-2 ⑬)
    SpecialLawAssociation,
    /// 一般・公益の財団法人・社団法人 (SME-2 ⑭)
    Foundation,
    /// 特定非営利活動法人 (SME-2 ⑮)
    Npo,
}

impl OrgType {
    pub const ALL: [OrgType; 10] = [
        OrgType::Company,
        OrgType::SoleProprietor,
        OrgType::Medical,
        OrgType::SocialWelfare,
        OrgType::School,
        OrgType::Chamber,
        OrgType::SmeOrganization,
        OrgType::SpecialLawAssociation,
        OrgType::Foundation,
        OrgType::Npo,
    ];

    /// The id used in the JS API (`"soleProprietor"`).
    pub fn id(self) -> &'static str {
        match self {
            OrgType::Company => "company",
            OrgType::SoleProprietor => "soleProprietor",
            OrgType::Medical => "medical",
            OrgType::SocialWelfare => "socialWelfare",
            OrgType::School => "school",
            OrgType::Chamber => "chamber",
            OrgType::SmeOrganization => "smeOrganization",
            OrgType::SpecialLawAssociation => "specialLawAssociation",
            OrgType::Foundation => "foundation",
            OrgType::Npo => "npo",
        }
    }

    /// The kind whose id is `s` (surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<OrgType> {
        let s = s.trim();
        OrgType::ALL.into_iter().find(|o| o.id() == s)
    }

    /// Companies and sole proprietors: SME-1 (capital or employees) and SME-5 apply.
    pub fn is_business(self) -> bool {
        matches!(self, OrgType::Company | OrgType::SoleProprietor)
    }

    /// Whether the industry decides the limits (SME-1 rows, and SME-2 ⑫–⑮).
    pub fn needs_industry(self) -> bool {
        !matches!(
            self,
            OrgType::Medical | OrgType::SocialWelfare | OrgType::School | OrgType::Chamber
        )
    }

    /// Only companies have a capital test (SME-1).
    pub fn has_capital(self) -> bool {
        self == OrgType::Company
    }

    /// The row of SME-2 (9–15), or `None` for companies and sole proprietors.
    pub fn sme2_row(self) -> Option<u8> {
        match self {
            OrgType::Company | OrgType::SoleProprietor => None,
            OrgType::Medical | OrgType::SocialWelfare => Some(9),
            OrgType::School => Some(10),
            OrgType::Chamber => Some(11),
            OrgType::SmeOrganization => Some(12),
            OrgType::SpecialLawAssociation => Some(13),
            OrgType::Foundation => Some(14),
            OrgType::Npo => Some(15),
        }
    }

    /// The name shown to people (English with its article, for use inside a sentence).
    pub fn label(self, locale: Locale) -> &'static str {
        let (ja, en) = match self {
            OrgType::Company => ("会社", "a company"),
            OrgType::SoleProprietor => ("個人事業主", "a sole proprietor"),
            OrgType::Medical => ("医療法人", "a medical corporation"),
            OrgType::SocialWelfare => ("社会福祉法人", "a social welfare corporation"),
            OrgType::School => ("学校法人", "a school corporation"),
            OrgType::Chamber => (
                "商工会・商工会議所",
                "a society or chamber of commerce and industry",
            ),
            OrgType::SmeOrganization => ("中小企業団体", "an SME organisation"),
            OrgType::SpecialLawAssociation => (
                "特別の法律によって設立された組合",
                "an association set up under a special law",
            ),
            OrgType::Foundation => (
                "財団法人・社団法人",
                "a general or public-interest foundation or association",
            ),
            OrgType::Npo => ("NPO法人（特定非営利活動法人）", "an NPO"),
        };
        match locale {
            Locale::Ja => ja,
            Locale::En => en,
        }
    }
}

/// The industry (業種) that sets the limits of SME-1 ①–⑧ and SME-5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Industry {
    /// 製造業 (①)
    Manufacturing,
    /// 建設業 (①)
    Construction,
    /// 運輸業 (①)
    Transport,
    /// 卸売業 (②)
    Wholesale,
    /// サービス業, except software/information processing and inns (③)
    Services,
    /// 小売業 (④)
    Retail,
    /// ゴム製品製造業, except tyres and tubes for cars/aircraft and industrial belts (⑤)
    Rubber,
    /// ソフトウェア業・情報処理サービス業 (⑥)
    Software,
    /// 旅館業 (⑦)
    Inn,
    /// 娯楽業: a service under SME-1 (③), with its own small-business limit (SME-5)
    Entertainment,
    /// その他の業種 (⑧)
    Other,
}

/// The groups of SME-5, with their employee limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SmallGroup {
    Commerce,
    Services,
    LodgingEntertainment,
    ManufacturingOther,
}

impl SmallGroup {
    fn cap(self) -> u32 {
        match self {
            SmallGroup::Commerce => SMALL_BUSINESS_EMPLOYEES[0],
            SmallGroup::Services => SMALL_BUSINESS_EMPLOYEES[1],
            SmallGroup::LodgingEntertainment => SMALL_BUSINESS_EMPLOYEES[2],
            SmallGroup::ManufacturingOther => SMALL_BUSINESS_EMPLOYEES[3],
        }
    }

    fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (SmallGroup::Commerce, Locale::Ja) => "商業（卸売業・小売業）",
            (SmallGroup::Commerce, Locale::En) => "commerce (wholesale and retail)",
            (SmallGroup::Services, Locale::Ja) => "サービス業（宿泊業・娯楽業を除く）",
            (SmallGroup::Services, Locale::En) => "services (other than lodging and entertainment)",
            (SmallGroup::LodgingEntertainment, Locale::Ja) => "宿泊業・娯楽業",
            (SmallGroup::LodgingEntertainment, Locale::En) => "lodging and entertainment",
            (SmallGroup::ManufacturingOther, Locale::Ja) => "製造業その他",
            (SmallGroup::ManufacturingOther, Locale::En) => "manufacturing and others",
        }
    }
}

impl Industry {
    pub const ALL: [Industry; 11] = [
        Industry::Manufacturing,
        Industry::Construction,
        Industry::Transport,
        Industry::Wholesale,
        Industry::Services,
        Industry::Retail,
        Industry::Rubber,
        Industry::Software,
        Industry::Inn,
        Industry::Entertainment,
        Industry::Other,
    ];

    /// The id used in the JS API (`"manufacturing"`).
    pub fn id(self) -> &'static str {
        match self {
            Industry::Manufacturing => "manufacturing",
            Industry::Construction => "construction",
            Industry::Transport => "transport",
            Industry::Wholesale => "wholesale",
            Industry::Services => "services",
            Industry::Retail => "retail",
            Industry::Rubber => "rubber",
            Industry::Software => "software",
            Industry::Inn => "inn",
            Industry::Entertainment => "entertainment",
            Industry::Other => "other",
        }
    }

    /// The industry whose id is `s` (surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<Industry> {
        let s = s.trim();
        Industry::ALL.into_iter().find(|i| i.id() == s)
    }

    /// The row of SME-1 (1–8) whose limits apply. Entertainment is a service (③).
    pub fn sme1_row(self) -> u8 {
        match self {
            Industry::Manufacturing | Industry::Construction | Industry::Transport => 1,
            Industry::Wholesale => 2,
            Industry::Services | Industry::Entertainment => 3,
            Industry::Retail => 4,
            Industry::Rubber => 5,
            Industry::Software => 6,
            Industry::Inn => 7,
            Industry::Other => 8,
        }
    }

    /// SME-1: the capital limit in yen (inclusive).
    pub fn capital_cap(self) -> Decimal {
        Decimal::from(self.limits().0)
    }

    /// SME-1 (and SME-2 ⑫–⑮): the employee limit (inclusive).
    pub fn employee_cap(self) -> u32 {
        self.limits().1
    }

    /// SME-5: the small-business employee limit (inclusive).
    pub fn small_business_cap(self) -> u32 {
        self.small_group().cap()
    }

    fn limits(self) -> (i64, u32) {
        let row = usize::from(self.sme1_row()) - 1;
        SME1_ROWS.get(row).copied().unwrap_or(SME1_ROWS[7])
    }

    fn small_group(self) -> SmallGroup {
        match self {
            Industry::Wholesale | Industry::Retail => SmallGroup::Commerce,
            Industry::Services | Industry::Software => SmallGroup::Services,
            Industry::Inn | Industry::Entertainment => SmallGroup::LodgingEntertainment,
            Industry::Manufacturing
            | Industry::Rubber
            | Industry::Construction
            | Industry::Transport
            | Industry::Other => SmallGroup::ManufacturingOther,
        }
    }

    /// The name shown to people.
    pub fn label(self, locale: Locale) -> &'static str {
        let (ja, en) = match self {
            Industry::Manufacturing => ("製造業", "manufacturing"),
            Industry::Construction => ("建設業", "construction"),
            Industry::Transport => ("運輸業", "transport"),
            Industry::Wholesale => ("卸売業", "wholesale"),
            Industry::Services => ("サービス業", "services"),
            Industry::Retail => ("小売業", "retail"),
            Industry::Rubber => ("ゴム製品製造業", "rubber products"),
            Industry::Software => (
                "ソフトウェア業・情報処理サービス業",
                "software or information processing",
            ),
            Industry::Inn => ("旅館業", "inns (旅館業)"),
            Industry::Entertainment => ("娯楽業", "entertainment"),
            Industry::Other => ("その他の業種", "other industries"),
        };
        match locale {
            Locale::Ja => ja,
            Locale::En => en,
        }
    }
}

/// `①` … `⑮` for a row number; `?` outside 1–15.
pub fn row_mark(row: u8) -> &'static str {
    const MARKS: [&str; 15] = [
        "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮",
    ];
    usize::from(row)
        .checked_sub(1)
        .and_then(|i| MARKS.get(i))
        .copied()
        .unwrap_or("?")
}

/// An exact share between 0 and 1 (of shares, investment or officers), kept as a reduced
/// fraction so that two thirds is exactly two thirds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    num: u128,
    den: u128,
}

/// The largest denominator kept; finer shares are refused (far beyond any real input).
const MAX_SHARE_DEN: u128 = 1_000_000_000_000_000_000_000_000_000_000_000_000; // 10^36

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Share {
    pub const ZERO: Share = Share { num: 0, den: 1 };
    pub const ONE: Share = Share { num: 1, den: 1 };

    /// `num / den`, or `None` unless `0 < den` and `num ≤ den`.
    pub fn new(num: u128, den: u128) -> Option<Share> {
        if den == 0 || num > den {
            return None;
        }
        let g = gcd(num, den).max(1);
        let (num, den) = (num / g, den / g);
        (den <= MAX_SHARE_DEN).then_some(Share { num, den })
    }

    /// A decimal between 0 and 1, exactly.
    pub fn from_decimal(d: Decimal) -> Option<Share> {
        Share::quotient(d, Decimal::ONE)
    }

    /// `a / b` for decimals, exactly; `None` unless `0 ≤ a ≤ b` and `b > 0`.
    pub fn quotient(a: Decimal, b: Decimal) -> Option<Share> {
        if a.is_sign_negative() && !a.is_zero() || b <= Decimal::ZERO {
            return None;
        }
        let (a, b) = (a.normalize(), b.normalize());
        let scale = a.scale().max(b.scale());
        // Scales are at most 28, and 10^28 fits a u128.
        let widen = |d: Decimal| -> Option<u128> {
            let m = d.mantissa().unsigned_abs();
            m.checked_mul(10u128.pow(scale - d.scale()))
        };
        Share::new(widen(a)?, widen(b)?)
    }

    pub fn numerator(self) -> u128 {
        self.num
    }

    pub fn denominator(self) -> u128 {
        self.den
    }

    /// `self ≥ p/q` for a small threshold (p, q ≤ 3 here, so nothing overflows).
    fn at_least(self, p: u128, q: u128) -> bool {
        self.num.saturating_mul(q) >= p.saturating_mul(self.den)
    }

    /// As a percentage with at most two decimals: `50%`, `約66.67%` / `about 66.67%`.
    fn percent_text(self, locale: Locale) -> String {
        if self.num >= self.den {
            return "100%".to_string();
        }
        // Long division: four decimal digits of the share (= two of the percentage), then
        // one more to round half up. `r < den ≤ 10^36`, so `r * 10` never overflows.
        let mut r = self.num;
        let mut hundredths: i64 = 0;
        for _ in 0..4 {
            r *= 10;
            hundredths = hundredths * 10 + (r / self.den) as i64;
            r %= self.den;
        }
        let exact = r == 0;
        if (r * 10) / self.den >= 5 {
            hundredths += 1;
        }
        let pct = number(Decimal::new(hundredths, 2));
        let template = match (exact, locale) {
            (true, _) => "{0}%",
            (false, Locale::Ja) => "約{0}%",
            (false, Locale::En) => "about {0}%",
        };
        fill(template, &[&pct])
    }
}

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

/// One step of the explanation, citing the rules it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SmeReason"))]
pub struct Reason {
    pub rules: Vec<&'static str>,
    pub text: String,
}

/// Which row of the SME tables applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SmeCategory {
    /// `"SME-1"` (companies, sole proprietors) or `"SME-2"` (other organisations).
    pub rule: &'static str,
    /// 1–15: ①–⑧ of SME-1, ⑨–⑮ of SME-2.
    pub row: u8,
    /// `"①"` … `"⑮"`.
    pub mark: &'static str,
    /// For SME-2 ⑫–⑮: the SME-1 row (1–8) of the main industry whose employee limit applies.
    pub industry_row: Option<u8>,
}

/// Whether a business is an SME and a small business, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SmeClassification {
    /// An SME (中小企業者) under SME-1/2 and not excluded by SME-6.
    pub sme: bool,
    /// A small business (小規模事業者, SME-5); `null` for organisations of SME-2, where the
    /// category does not apply.
    pub small_business: Option<bool>,
    /// The rule ids that decided the verdict: `["SME-1"]`, `["SME-1", "SME-5"]`,
    /// `["SME-1", "SME-6"]`, `["SME-2"]`, …
    pub reasons: Vec<&'static str>,
    /// The answer in one line, for the top of the result.
    pub summary: String,
    /// Step by step, in the locale.
    pub explanation: Vec<Reason>,
    /// When not an SME (or an SME but not a small business): what would change it.
    /// With one thing to change, each entry is a way to qualify on its own ("…なら対象に
    /// なります"); with several, each entry is one condition and all are needed (the summary
    /// says so).
    pub to_qualify: Vec<String>,
    pub category: SmeCategory,
    /// The capital limit used (SME-1), yen; `null` where capital plays no part.
    #[serde(with = "crate::format::as_number_opt")]
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub capital_cap: Option<Decimal>,
    /// The employee limit used (inclusive).
    pub employee_cap: u32,
    /// The small-business employee limit (SME-5); `null` for organisations of SME-2.
    pub small_business_cap: Option<u32>,
    /// The sub-items of SME-6 (1–6) that exclude the business; empty when none does.
    pub deemed_large: Vec<u8>,
    /// Exclusion questions left unanswered (field names such as
    /// `"exclusions.singleLargeShare"`), each taken as "no".
    pub unanswered: Vec<&'static str>,
    pub ruleset: Stamp,
}

struct Texts {
    locale: Locale,
}

impl Texts {
    /// The chosen language's template, filled (see [`crate::format::fill_in`]).
    fn text(&self, texts: [&str; 2], args: &[&str]) -> String {
        crate::format::fill_in(self.locale, texts, args)
    }

    /// Money as people say it: `3億円`, `5,000万円`, `¥300 million`, `¥1.5 billion`.
    fn money(&self, d: Decimal) -> String {
        // A whole, non-negative amount as an integer (normalized, its scale is 0): the units
        // below are integer divisions of it, exact, without decimal division. Amounts here
        // are validated to at most 10^18, which fits a u64 (others are shown as yen).
        let n = d.normalize();
        let (whole, n) = match u64::try_from(n.mantissa()) {
            Ok(m) if n.scale() == 0 => (true, m),
            _ => (false, 0),
        };
        let int = |n: u64| number(Decimal::from(n));
        match self.locale {
            Locale::Ja if whole && n >= 10_000 => {
                let (o, rest) = (n / 100_000_000, n % 100_000_000);
                if rest.is_multiple_of(10_000) {
                    let m = rest / 10_000;
                    return match (o == 0, m == 0) {
                        (true, _) => fill("{0}万円", &[&int(m)]),
                        (false, true) => fill("{0}億円", &[&int(o)]),
                        (false, false) => fill("{0}億{1}万円", &[&int(o), &int(m)]),
                    };
                }
                yen(d, self.locale)
            }
            Locale::En if whole && n >= 1_000_000 => {
                // Billions with at most one decimal (`¥1.5 billion`).
                if n >= 1_000_000_000 && n.is_multiple_of(100_000_000) {
                    let billions = Decimal::new((n / 100_000_000) as i64, 1);
                    return fill("¥{0} billion", &[&number(billions)]);
                }
                if n.is_multiple_of(1_000_000) {
                    return fill("¥{0} million", &[&int(n / 1_000_000)]);
                }
                yen(d, self.locale)
            }
            _ => yen(d, self.locale),
        }
    }

    /// `300人` / `300 regular employees`.
    fn staff(&self, n: u32) -> String {
        match self.locale {
            Locale::Ja => fill("{0}人", &[&number(Decimal::from(n))]),
            Locale::En if n == 1 => "1 regular employee".to_string(),
            Locale::En => fill("{0} regular employees", &[&number(Decimal::from(n))]),
        }
    }
}

/// The first letter in upper case. Only English text built from this module's ASCII
/// labels and digits comes here, so ASCII case is enough (and keeps Unicode's case tables
/// out of the small wasm).
fn cap_first(s: &str) -> String {
    let mut s = s.to_string();
    // (A first character that is not ASCII has no ASCII case: `get_mut` gives `None`.)
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// The six sub-items of SME-6 with their field names.
const EXCLUSION_FIELDS: [&str; 6] = [
    "exclusions.singleLargeShare",
    "exclusions.totalLargeShare",
    "exclusions.largeOfficerShare",
    "exclusions.ownedByDeemedLarge",
    "exclusions.officersAllFromDeemedLarge",
    "exclusions.avgTaxableIncome",
];

/// Classifies a business: SME (SME-1/2, SME-6), small business (SME-5), with the reasons
/// and what would change the answer.
pub fn classify(input: &SmeInput, locale: Locale) -> SmeClassification {
    let t = Texts { locale };
    let org = input.org_type;
    let industry = input.industry.unwrap_or(Industry::Other);
    let e = input.employees;
    let mut explanation = Vec::new();

    // SME-1 / SME-2: the row and its limits.
    let (rule, row, industry_row) = match org.sme2_row() {
        None => ("SME-1", industry.sme1_row(), None),
        Some(r) => (
            "SME-2",
            r,
            org.needs_industry().then_some(industry.sme1_row()),
        ),
    };
    let mark = row_mark(row);
    let cite = fill("{0} {1}", &[rule, mark]);
    let employee_cap = match row {
        9..=11 => SME2_EMPLOYEES[usize::from(row) - 9],
        _ => industry.employee_cap(),
    };
    let capital_cap = org.has_capital().then(|| industry.capital_cap());
    let ind = industry.label(locale);
    // Figures and names shown more than once, formatted once.
    let cap_text = capital_cap.map(|c| t.money(c));
    let ecap = t.staff(employee_cap);
    let org_name = org.label(locale);

    let intro = match org {
        OrgType::Company => {
            let c = cap_text.as_deref().unwrap_or_default();
            let ja_note = match industry {
                Industry::Entertainment => "娯楽業はサービス業として扱います。",
                Industry::Rubber => "自動車・航空機用のタイヤ・チューブと工業用ベルトの製造は、ここでなく製造業（①）です。",
                _ => "",
            };
            let en_note = match industry {
                Industry::Entertainment => " Entertainment counts as services.",
                Industry::Rubber => " Tyres and tubes for cars and aircraft and industrial belts belong to manufacturing (①) instead.",
                _ => "",
            };
            t.text(
                [
                    "{0}の会社は、資本金が{1}以下、または常時使用する従業員が{2}以下なら中小企業者です（{3}）。{4}",
                    "In {0}, a company is an SME when its capital is {1} or less, or when it has {2} or fewer ({3}).{5}",
                ],
                &[ind, c, &ecap, &cite, ja_note, en_note],
            )
        }
        OrgType::SoleProprietor => t.text(
            [
                "個人事業主には資本金がないため、常時使用する従業員の数で判定します。{0}では{1}以下なら中小企業者です（{2}）。",
                "A sole proprietor has no capital, so the number of regular employees decides: in {0}, {1} or fewer makes an SME ({2}).",
            ],
            &[ind, &ecap, &cite],
        ),
        _ if industry_row.is_some() => {
            let imark = row_mark(industry.sme1_row());
            t.text(
                [
                    "{0}は、主たる業種（{1}、SME-1 {2}）の従業員の基準により、常時使用する従業員が{3}以下なら中小企業者です。資本金は問いません（{4}）。",
                    "{5} is an SME with {3} or fewer, the employee limit of its main industry ({1}, SME-1 {2}); capital does not matter ({4}).",
                ],
                &[org_name, ind, imark, &ecap, &cite, &cap_first(org_name)],
            )
        }
        _ => t.text(
            [
                "{0}は、常時使用する従業員が{1}以下なら中小企業者です。資本金は問いません（{2}）。",
                "{3} is an SME with {1} or fewer; capital does not matter ({2}).",
            ],
            &[org_name, &ecap, &cite, &cap_first(org_name)],
        ),
    };
    explanation.push(Reason {
        rules: crate::ids(&[rule]),
        text: intro,
    });

    // The size test: capital OR employees for companies, employees for everyone else.
    let employees_ok = e <= employee_cap;
    let capital_ok = match (input.capital, capital_cap) {
        (Some(c), Some(cap)) => c <= cap,
        _ => false,
    };
    let size_ok = employees_ok || capital_ok;
    let es = t.staff(e);
    let es_cap = cap_first(&es);
    let ecap_n = number(Decimal::from(employee_cap));
    let size_text = match (org.has_capital(), input.capital, capital_cap) {
        (true, Some(c), Some(_)) => {
            let (c, cap) = (t.money(c), cap_text.clone().unwrap_or_default());
            match (capital_ok, employees_ok) {
                (true, true) => t.text(
                    [
                        "資本金{0}は{1}以下、従業員{2}も{3}以下なので、規模の条件を満たしています。",
                        "Capital of {0} is within the {1} limit, and {2} is within the limit of {4}, so the size test is met.",
                    ],
                    &[&c, &cap, &es, &ecap, &ecap_n],
                ),
                (true, false) => t.text(
                    [
                        "資本金{0}は{1}以下なので、規模の条件を満たしています（従業員は{2}で{3}を超えていますが、どちらか一方を満たせば足ります）。",
                        "Capital of {0} is within the {1} limit, so the size test is met ({2} is over the limit of {4}, but one of the two is enough).",
                    ],
                    &[&c, &cap, &es, &ecap, &ecap_n],
                ),
                (false, true) => t.text(
                    [
                        "従業員{0}は{1}以下なので、規模の条件を満たしています（資本金は{2}で{3}を超えていますが、どちらか一方を満たせば足ります）。",
                        "{4} is within the limit of {5}, so the size test is met (capital of {2} is over the {3} limit, but one of the two is enough).",
                    ],
                    &[&es, &ecap, &c, &cap, &es_cap, &ecap_n],
                ),
                (false, false) => t.text(
                    [
                        "資本金{0}は{1}を超え、従業員{2}も{3}を超えているため、規模の条件を満たしていません。",
                        "Capital of {0} is over the {1} limit, and {2} is over the limit of {4}, so the size test is not met.",
                    ],
                    &[&c, &cap, &es, &ecap, &ecap_n],
                ),
            }
        }
        _ if employees_ok => t.text(
            [
                "従業員{0}は{1}以下なので、規模の条件を満たしています。",
                "{2} is within the limit of {3}, so the size test is met.",
            ],
            &[&es, &ecap, &es_cap, &ecap_n],
        ),
        _ => t.text(
            [
                "従業員{0}は{1}を超えているため、規模の条件を満たしていません。",
                "{2} is over the limit of {3}, so the size test is not met.",
            ],
            &[&es, &ecap, &es_cap, &ecap_n],
        ),
    };
    explanation.push(Reason {
        rules: crate::ids(&[rule]),
        text: size_text,
    });

    // SME-6: deemed large enterprises.
    let x = &input.exclusions;
    let mut deemed_large = Vec::new();
    let mut excl_texts = Vec::new();
    let pct = |s: &Share| s.percent_text(locale);
    if let Some(s) = x.single_large_share.filter(|s| s.at_least(1, 2)) {
        deemed_large.push(1);
        excl_texts.push(t.text(
            [
                "大企業1社が株式・出資の{0}を持っています。2分の1以上なので、みなし大企業として対象外です（SME-6 (1)）。",
                "A single large enterprise holds {0} of the shares or investment: half or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (1)).",
            ],
            &[&pct(&s)],
        ));
    }
    if let Some(s) = x.total_large_share.filter(|s| s.at_least(2, 3)) {
        deemed_large.push(2);
        excl_texts.push(t.text(
            [
                "大企業が合わせて株式・出資の{0}を持っています。3分の2以上なので、みなし大企業として対象外です（SME-6 (2)）。",
                "Large enterprises together hold {0} of the shares or investment: two thirds or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (2)).",
            ],
            &[&pct(&s)],
        ));
    }
    if let Some(s) = x.large_officer_share.filter(|s| s.at_least(1, 2)) {
        deemed_large.push(3);
        excl_texts.push(t.text(
            [
                "役員の{0}が大企業の役員・職員を兼ねています。2分の1以上なので、みなし大企業として対象外です（SME-6 (3)）。",
                "{1} of the officers are also officers or staff of a large enterprise: half or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (3)).",
            ],
            &[&pct(&s), &cap_first(&pct(&s))],
        ));
    }
    if x.owned_by_deemed_large == Some(true) {
        deemed_large.push(4);
        excl_texts.push(t.text(
            [
                "株式・出資のすべてを、みなし大企業（(1)〜(3)にあたる会社）が持っているため、対象外です（SME-6 (4)）。",
                "All shares or investment are held by deemed large enterprises (companies under (1)–(3)), so the business is excluded (SME-6 (4)).",
            ],
            &[],
        ));
    }
    if x.officers_all_from_deemed_large == Some(true) {
        deemed_large.push(5);
        excl_texts.push(t.text(
            [
                "役員の全員が、みなし大企業（(1)〜(3)にあたる会社）の役員・職員を兼ねているため、対象外です（SME-6 (5)）。",
                "Every officer is also an officer or staff member of a deemed large enterprise (a company under (1)–(3)), so the business is excluded (SME-6 (5)).",
            ],
            &[],
        ));
    }
    let income_limit = Decimal::from(TAXABLE_INCOME_LIMIT);
    if let Some(i) = x.avg_taxable_income.filter(|i| *i > income_limit) {
        deemed_large.push(6);
        excl_texts.push(t.text(
            [
                "直近3年の課税所得の年平均が{0}で、{1}を超えているため、対象外です（SME-6 (6)）。",
                "Average taxable income over the last three filed years is {0}, above {1}, so the business is excluded (SME-6 (6)).",
            ],
            &[&t.money(i), &t.money(income_limit)],
        ));
    }
    let answers = [
        x.single_large_share.is_some(),
        x.total_large_share.is_some(),
        x.large_officer_share.is_some(),
        x.owned_by_deemed_large.is_some(),
        x.officers_all_from_deemed_large.is_some(),
        x.avg_taxable_income.is_some(),
    ];
    let unanswered: Vec<&'static str> = EXCLUSION_FIELDS
        .iter()
        .zip(answers)
        .filter(|(_, answered)| !answered)
        .map(|(f, _)| *f)
        .collect();
    if excl_texts.is_empty() {
        let text = if unanswered.is_empty() {
            t.text(
                [
                    "大企業の持分や役員の割合、課税所得から見て、みなし大企業にはあたりません（SME-6）。",
                    "Judging by large enterprises' holdings, the officers and taxable income, the business is not a deemed large enterprise (SME-6).",
                ],
                &[],
            )
        } else {
            t.text(
                [
                    "みなし大企業にはあたらないものとして判定しました。答えていない確認項目は「あてはまらない」として扱っています。あてはまる項目があれば結果が変わります（SME-6）。",
                    "The business was taken not to be a deemed large enterprise: questions left unanswered were taken as \"no\". If one of them applies, the answer changes (SME-6).",
                ],
                &[],
            )
        };
        explanation.push(Reason {
            rules: crate::ids(&["SME-6"]),
            text,
        });
    } else {
        for text in excl_texts {
            explanation.push(Reason {
                rules: crate::ids(&["SME-6"]),
                text,
            });
        }
    }
    let excluded = !deemed_large.is_empty();
    let sme = size_ok && !excluded;

    // SME-5: small business, for companies and sole proprietors only.
    let small_cap = industry.small_business_cap();
    let small_business = org.is_business().then_some(sme && e <= small_cap);
    let small_text = match small_business {
        None => t.text(
            [
                "小規模事業者の区分は会社と個人事業主だけのもので、{0}にはあてはまりません（SME-5）。",
                "The small-business category applies only to companies and sole proprietors, not to {0} (SME-5).",
            ],
            &[org_name],
        ),
        Some(_) if !sme => t.text(
            [
                "中小企業者にあたらないため、小規模事業者にもあたりません（SME-5）。",
                "As the business is not an SME, it is not a small business either (SME-5).",
            ],
            &[],
        ),
        Some(small) => {
            let group = industry.small_group().label(locale);
            let scap = t.staff(small_cap);
            t.text(
                [
                    "{0}は小規模事業者の区分では「{1}」にあたり、従業員{2}以下が小規模事業者です。従業員{3}なので、小規模事業者{4}（SME-5）。",
                    "For small businesses, {0} falls under {1}, where the limit is {2}. With {3}, the business {5} (SME-5).",
                ],
                &[ind, group, &scap, &es, if small { "にもあたります" } else { "にはあたりません" }, if small { "is also a small business" } else { "is not a small business" }],
            )
        }
    };
    explanation.push(Reason {
        rules: crate::ids(&["SME-5"]),
        text: small_text,
    });

    // Notes: how to count employees, productive business, who is not "large".
    explanation.push(Reason {
        rules: crate::ids(&["SME-4"]),
        text: t.text(
            [
                "従業員は「常時使用する従業員」（解雇するときに予告が必要な人）で数えます。会社の役員や個人事業主ご本人は数えません（SME-4）。",
                "Count regular employees only: those who must be given advance notice of dismissal. Company officers and the owner of a sole proprietorship are not counted (SME-4).",
            ],
            &[],
        ),
    });
    if !org.is_business() {
        explanation.push(Reason {
            rules: crate::ids(&["SME-3"]),
            text: t.text(
                [
                    "会社以外の法人は、製品やサービスの生産・提供など、生産活動につながる事業を行っていることが前提です（SME-3）。",
                    "Organisations other than companies must carry on productive business, such as producing or providing goods or services (SME-3).",
                ],
                &[],
            ),
        });
    }
    if answers[..5].iter().any(|a| *a) {
        explanation.push(Reason {
            rules: crate::ids(&["SME-7"]),
            text: t.text(
                [
                    "中小企業投資育成株式会社と投資事業有限責任組合は、ここでいう大企業に含めません。これらが持つ株式・出資は、大企業の持分に数えなくて大丈夫です（SME-7）。",
                    "SME investment and development companies and investment limited partnerships do not count as large enterprises here: leave their holdings out of the large-enterprise shares (SME-7).",
                ],
                &[],
            ),
        });
    }

    // What would change the answer.
    let mut to_qualify = Vec::new();
    let several = usize::from(!size_ok) + deemed_large.len() > 1;
    let mut summary_fix = None;
    if !size_ok {
        match (&cap_text, several) {
            (Some(c), false) => {
                to_qualify.push(t.text(
                    [
                        "従業員が{0}以下なら対象になります（{1}）。",
                        "With {0} or fewer you would qualify ({1}).",
                    ],
                    &[&ecap, &cite],
                ));
                to_qualify.push(t.text(
                    [
                        "資本金が{0}以下なら対象になります（{1}）。",
                        "With capital of {0} or less you would qualify ({1}).",
                    ],
                    &[c, &cite],
                ));
                summary_fix = Some(t.text(
                    [
                        "従業員が{0}以下か、資本金が{1}以下なら対象になります（{2}）。",
                        "With {0} or fewer, or capital of {1} or less, you would qualify ({2}).",
                    ],
                    &[&ecap, c, &cite],
                ));
            }
            (Some(c), true) => to_qualify.push(t.text(
                [
                    "従業員が{0}以下か、資本金が{1}以下であること（{2}）。",
                    "{3} or fewer, or capital of {1} or less ({2}).",
                ],
                &[&ecap, c, &cite, &cap_first(&ecap)],
            )),
            (None, false) => to_qualify.push(t.text(
                [
                    "従業員が{0}以下なら対象になります（{1}）。",
                    "With {0} or fewer you would qualify ({1}).",
                ],
                &[&ecap, &cite],
            )),
            (None, true) => to_qualify.push(t.text(
                ["従業員が{0}以下であること（{1}）。", "{2} or fewer ({1})."],
                &[&ecap, &cite, &cap_first(&ecap)],
            )),
        }
    }
    for item in &deemed_large {
        let (ja_if, ja_cond, en_if, en_cond) = match item {
            1 => (
                "大企業1社が持つ株式・出資が2分の1未満なら対象になります",
                "大企業1社が持つ株式・出資が2分の1未満であること",
                "If no single large enterprise held half or more of the shares or investment, you would qualify",
                "No single large enterprise holds half or more of the shares or investment",
            ),
            2 => (
                "大企業が合わせて持つ株式・出資が3分の2未満なら対象になります",
                "大企業が合わせて持つ株式・出資が3分の2未満であること",
                "If large enterprises together held less than two thirds of the shares or investment, you would qualify",
                "Large enterprises together hold less than two thirds of the shares or investment",
            ),
            3 => (
                "大企業の役員・職員を兼ねる役員が2分の1未満なら対象になります",
                "大企業の役員・職員を兼ねる役員が2分の1未満であること",
                "If fewer than half of the officers were officers or staff of a large enterprise, you would qualify",
                "Fewer than half of the officers are officers or staff of a large enterprise",
            ),
            4 => (
                "みなし大企業以外の株主・出資者がいれば対象になります",
                "みなし大企業以外の株主・出資者がいること",
                "If someone other than deemed large enterprises held part of the shares or investment, you would qualify",
                "Someone other than deemed large enterprises holds part of the shares or investment",
            ),
            5 => (
                "みなし大企業の役員・職員を兼ねていない役員が1人でもいれば対象になります",
                "みなし大企業の役員・職員を兼ねていない役員が1人以上いること",
                "If at least one officer were not also with a deemed large enterprise, you would qualify",
                "At least one officer is not also with a deemed large enterprise",
            ),
            _ => (
                "直近3年の課税所得の年平均が15億円以下なら対象になります",
                "直近3年の課税所得の年平均が15億円以下であること",
                "With average taxable income of ¥1.5 billion or less over the last three years you would qualify",
                "Average taxable income over the last three years is ¥1.5 billion or less",
            ),
        };
        let (ja, en) = if several {
            (ja_cond, en_cond)
        } else {
            (ja_if, en_if)
        };
        to_qualify.push(t.text(
            ["{0}（SME-6 ({1})）。", "{2} (SME-6 ({1}))."],
            &[ja, &crate::format::integer(i128::from(*item)), en],
        ));
    }
    if small_business == Some(false) && sme {
        to_qualify.push(t.text(
            [
                "従業員が{0}以下なら、小規模事業者にもあたります（SME-5）。",
                "With {0} or fewer you would also be a small business (SME-5).",
            ],
            &[&t.staff(small_cap)],
        ));
    }

    let summary = if sme {
        match small_business {
            Some(true) => t.text(
                [
                    "対象になります。中小企業者で、小規模事業者にもあたります。",
                    "You qualify: you are an SME, and a small business too.",
                ],
                &[],
            ),
            Some(false) => t.text(
                [
                    "対象になります。中小企業者にあたります（小規模事業者にはあたりません）。",
                    "You qualify: you are an SME (though not a small business).",
                ],
                &[],
            ),
            None => t.text(
                [
                    "対象になります。中小企業者にあたります（生産活動につながる事業を行っていることが前提です）。",
                    "You qualify as an SME, provided the organisation carries on productive business.",
                ],
                &[],
            ),
        }
    } else {
        let lead = t.text(
            [
                "このままでは対象外です。",
                "As things stand you do not qualify.",
            ],
            &[],
        );
        let fix = if several {
            Some(t.text(
                [
                    "対象になるには、次の条件をすべて満たす必要があります。",
                    "To qualify, all of the following would be needed.",
                ],
                &[],
            ))
        } else {
            summary_fix.or_else(|| to_qualify.first().cloned())
        };
        match (fix, locale) {
            (Some(f), Locale::Ja) => fill("{0}{1}", &[&lead, &f]),
            (Some(f), Locale::En) => fill("{0} {1}", &[&lead, &f]),
            (None, _) => lead,
        }
    };

    let mut reasons = vec![rule];
    if sme && small_business.is_some() {
        reasons.push("SME-5");
    }
    if excluded {
        reasons.push("SME-6");
    }

    SmeClassification {
        sme,
        small_business,
        reasons,
        summary,
        explanation,
        to_qualify,
        category: SmeCategory {
            rule,
            row,
            mark,
            industry_row,
        },
        capital_cap,
        employee_cap,
        small_business_cap: org.is_business().then_some(small_cap),
        deemed_large,
        unanswered,
        ruleset: STAMP,
    }
}

#[cfg(test)]
mod reference;

/// The SME fields read every input as the implementation before the size rewrite did
/// (`reference`): the same value, or the same error naming the same field.
#[cfg(test)]
mod same_as_reference {
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
