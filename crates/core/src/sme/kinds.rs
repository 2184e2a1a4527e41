//! The kinds of applicant and the industries, with the rows and limits of SME-1, SME-2 and
//! SME-5 they select (the limits are read from `parameters.json`).

use crate::params::{SMALL_BUSINESS_EMPLOYEES, SME1_ROWS};
#[allow(unused_imports)]
use crate::prelude::*;
use crate::Locale;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
pub enum SmallGroup {
    Commerce,
    Services,
    LodgingEntertainment,
    ManufacturingOther,
}

impl SmallGroup {
    /// The employee limit (inclusive).
    pub fn cap(self) -> u32 {
        match self {
            SmallGroup::Commerce => SMALL_BUSINESS_EMPLOYEES[0],
            SmallGroup::Services => SMALL_BUSINESS_EMPLOYEES[1],
            SmallGroup::LodgingEntertainment => SMALL_BUSINESS_EMPLOYEES[2],
            SmallGroup::ManufacturingOther => SMALL_BUSINESS_EMPLOYEES[3],
        }
    }

    /// The name shown to people.
    pub fn label(self, locale: Locale) -> &'static str {
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

    /// The group of SME-5 the industry belongs to.
    pub fn small_group(self) -> SmallGroup {
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
