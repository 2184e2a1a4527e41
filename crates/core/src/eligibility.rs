//! Can this business use the national programme and the Nagano top-up? (RULES.md §4, §5,
//! NAT-6, NGN-1, §1.1, §2.)
//!
//! [`RawEligibilityInput::validate`] reads the wizard's answers so far: a missing answer is
//! not an error (the wizard calls this after every tap), only a malformed one is, naming its
//! field. [`check_eligibility`] then gives, for each scheme, a status (eligible, not eligible,
//! or needs checking), the reasons with rule ids and sources, the smallest change that would
//! make a "no" a "yes", and the deadlines that apply on the as-of date; and, for the wizard,
//! which questions are still worth asking (`nextQuestion`, `questions`).
//!
//! Who is an SME is decided by [`crate::sme`] alone (its typed [`Assessment`], explained once by
//! [`crate::sme::explain`]: the reasons shown are its steps, never its sentences read back);
//! where a programme stands on a date by [`crate::params::programme_status`] alone. This
//! module only combines them.
//!
//! Decisions where the rules leave room:
//!
//! - **Ask only what matters.** Questions are asked in a fixed order; one is skipped when its
//!   answer can no longer change any verdict: capital once the employees already meet the size
//!   test (SME-1 is "capital OR employees"), the deemed-large questions for a sole proprietor
//!   (no shares, no officers) or once the size test has failed or an earlier one excludes, the
//!   location once… never (it is asked first), and everything once both schemes are a
//!   certain "no". A skipped answer is kept by the caller; capital is then ignored, but a
//!   deemed-large answer always counts, as `classifySme` counts it (see
//!   [`QuestionId::applies_to`] for the ones a wizard should not send).
//! - **Deemed-large questions in plain words.** Each may be answered with the exact share or
//!   amount (as `classifySme` accepts), or simply yes/no ("half or more?", "above 1.5 billion
//!   yen?"); a yes is taken as exactly the threshold.
//! - **The expert and the kind of support apply to Nagano too** (interpretation, with NGN-1):
//!   the prefecture tops up the same kind of IT-expert support.
//! - **An expert not yet chosen** does not block: experts registered with the programme meet
//!   EXP-1, and the secretariat can match one (NAT-10); Nagano's hub helps too (NGN-7).
//! - **Dates.** A programme open on the as-of date is "eligible"; one whose intake has closed
//!   but whose support period still runs, or which has not opened yet, "needs checking"; one
//!   whose every date has passed is "not eligible", saying when it ended.

use crate::input::{date_field, ErrorKind, InputError, Value};
use crate::params::{
    programme_state, programme_status, Deadline, Phase, ProgrammeId, ProgrammeState,
    ProgrammeStatus, Stamp, STAMP,
};
#[allow(unused_imports)]
use crate::prelude::*;
use crate::sme::{
    compute, explain, size_test, summary_fix, Assessment, Exclusion, Exclusions, Industry, OrgType,
    RawExclusions, RawSmeInput, Share, SmeClassification, SmeInput, Step, TAXABLE_INCOME_LIMIT,
};
use crate::{Date, Locale, Scheme};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Where the business is (NGN-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Location {
    /// 長野県内
    Nagano,
    /// 長野県外
    Other,
}

impl Location {
    pub const ALL: [Location; 2] = [Location::Nagano, Location::Other];
    pub fn id(self) -> &'static str {
        match self {
            Location::Nagano => "nagano",
            Location::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Location> {
        Location::ALL.into_iter().find(|l| l.id() == s.trim())
    }
}

/// Who the IT expert is (EXP-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ExpertKind {
    /// フリーランスの個人
    Freelancer,
    /// 副業・兼業（勤務先の許可あり）
    SideJob,
    /// 認定情報処理支援機関（スマートSMEサポーター）に所属する人
    SmeSupporter,
    /// そのほか（認定を受けていない会社の社員として、など）
    Other,
    /// まだ決まっていない
    Undecided,
}

impl ExpertKind {
    pub const ALL: [ExpertKind; 5] = [
        ExpertKind::Freelancer,
        ExpertKind::SideJob,
        ExpertKind::SmeSupporter,
        ExpertKind::Other,
        ExpertKind::Undecided,
    ];
    pub fn id(self) -> &'static str {
        match self {
            ExpertKind::Freelancer => "freelancer",
            ExpertKind::SideJob => "sideJob",
            ExpertKind::SmeSupporter => "smeSupporter",
            ExpertKind::Other => "other",
            ExpertKind::Undecided => "undecided",
        }
    }
    pub fn parse(s: &str) -> Option<ExpertKind> {
        ExpertKind::ALL.into_iter().find(|k| k.id() == s.trim())
    }
}

/// What the support is: a theme of quasi-mandate consulting (RULES.md §6), or the production
/// of a deliverable under a contract for work (NAT-6: not eligible).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum SupportKind {
    /// 業務の分析・デジタル化の課題整理
    Analysis,
    Telework,
    OnlineMeetings,
    EcSite,
    Cashless,
    Security,
    WebMarketing,
    /// 名刺・顧客管理ツール
    Crm,
    /// RPA・事務の自動化
    Rpa,
    AiInspection,
    /// 既存のWebサイトの改善の助言
    Website,
    Cloud,
    /// そのほかのデジタル化の相談・導入支援
    OtherConsulting,
    /// 制作物の納品（ホームページ・デザイン・コンテンツ制作などの請負）
    Production,
}

impl SupportKind {
    pub const ALL: [SupportKind; 14] = [
        SupportKind::Analysis,
        SupportKind::Telework,
        SupportKind::OnlineMeetings,
        SupportKind::EcSite,
        SupportKind::Cashless,
        SupportKind::Security,
        SupportKind::WebMarketing,
        SupportKind::Crm,
        SupportKind::Rpa,
        SupportKind::AiInspection,
        SupportKind::Website,
        SupportKind::Cloud,
        SupportKind::OtherConsulting,
        SupportKind::Production,
    ];
    pub fn id(self) -> &'static str {
        match self {
            SupportKind::Analysis => "analysis",
            SupportKind::Telework => "telework",
            SupportKind::OnlineMeetings => "onlineMeetings",
            SupportKind::EcSite => "ecSite",
            SupportKind::Cashless => "cashless",
            SupportKind::Security => "security",
            SupportKind::WebMarketing => "webMarketing",
            SupportKind::Crm => "crm",
            SupportKind::Rpa => "rpa",
            SupportKind::AiInspection => "aiInspection",
            SupportKind::Website => "website",
            SupportKind::Cloud => "cloud",
            SupportKind::OtherConsulting => "otherConsulting",
            SupportKind::Production => "production",
        }
    }
    pub fn parse(s: &str) -> Option<SupportKind> {
        SupportKind::ALL.into_iter().find(|k| k.id() == s.trim())
    }
    /// Quasi-mandate consulting (eligible under NAT-6) rather than a contract for work.
    pub fn is_consulting(self) -> bool {
        self != SupportKind::Production
    }
    pub fn label(self, locale: Locale) -> &'static str {
        let (ja, en) = match self {
            SupportKind::Analysis => (
                "業務の分析・デジタル化の課題整理",
                "analysing the business and its digital issues",
            ),
            SupportKind::Telework => ("テレワークの導入", "setting up telework"),
            SupportKind::OnlineMeetings => ("Web会議・オンライン商談", "online meetings and sales"),
            SupportKind::EcSite => (
                "ECサイト（ネット販売）の立ち上げ支援",
                "starting online sales",
            ),
            SupportKind::Cashless => ("キャッシュレス決済の導入", "cashless payment"),
            SupportKind::Security => ("情報セキュリティ対策", "information security"),
            SupportKind::WebMarketing => ("Web・SNSでの集客", "web and social-media marketing"),
            SupportKind::Crm => (
                "名刺・顧客管理ツールの導入",
                "contact and customer management tools",
            ),
            SupportKind::Rpa => ("RPA・事務作業の自動化", "RPA and office automation"),
            SupportKind::AiInspection => ("AIによる検査など", "AI inspection and the like"),
            SupportKind::Website => (
                "ホームページの改善の助言",
                "advice on improving the website",
            ),
            SupportKind::Cloud => ("クラウドサービスの導入", "cloud services"),
            SupportKind::OtherConsulting => (
                "そのほかのデジタル化の相談・導入支援",
                "other digitalization advice and set-up",
            ),
            SupportKind::Production => (
                "ホームページやデザインなどの制作・納品（請負）",
                "producing a website, design or content for delivery (contract for work)",
            ),
        };
        match locale {
            Locale::Ja => ja,
            Locale::En => en,
        }
    }
}

/// The wizard's questions, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum QuestionId {
    Location,
    OrgType,
    Industry,
    Employees,
    Capital,
    SingleLargeShare,
    TotalLargeShare,
    LargeOfficerShare,
    OwnedByDeemedLarge,
    OfficersAllFromDeemedLarge,
    AvgTaxableIncome,
    ExpertKind,
    Support,
    AsOf,
}

impl QuestionId {
    pub const ALL: [QuestionId; 14] = [
        QuestionId::Location,
        QuestionId::OrgType,
        QuestionId::Industry,
        QuestionId::Employees,
        QuestionId::Capital,
        QuestionId::SingleLargeShare,
        QuestionId::TotalLargeShare,
        QuestionId::LargeOfficerShare,
        QuestionId::OwnedByDeemedLarge,
        QuestionId::OfficersAllFromDeemedLarge,
        QuestionId::AvgTaxableIncome,
        QuestionId::ExpertKind,
        QuestionId::Support,
        QuestionId::AsOf,
    ];

    /// The input field that holds the answer (`"exclusions.singleLargeShare"`).
    pub fn field(self) -> &'static str {
        match self {
            QuestionId::Location => "location",
            QuestionId::OrgType => "orgType",
            QuestionId::Industry => "industry",
            QuestionId::Employees => "employees",
            QuestionId::Capital => "capital",
            QuestionId::SingleLargeShare => "exclusions.singleLargeShare",
            QuestionId::TotalLargeShare => "exclusions.totalLargeShare",
            QuestionId::LargeOfficerShare => "exclusions.largeOfficerShare",
            QuestionId::OwnedByDeemedLarge => "exclusions.ownedByDeemedLarge",
            QuestionId::OfficersAllFromDeemedLarge => "exclusions.officersAllFromDeemedLarge",
            QuestionId::AvgTaxableIncome => "exclusions.avgTaxableIncome",
            QuestionId::ExpertKind => "expertKind",
            QuestionId::Support => "support",
            QuestionId::AsOf => "asOf",
        }
    }

    /// The SME-6 sub-item (1–6) a deemed-large question asks about.
    pub fn deemed_large_item(self) -> Option<u8> {
        match self {
            QuestionId::SingleLargeShare => Some(1),
            QuestionId::TotalLargeShare => Some(2),
            QuestionId::LargeOfficerShare => Some(3),
            QuestionId::OwnedByDeemedLarge => Some(4),
            QuestionId::OfficersAllFromDeemedLarge => Some(5),
            QuestionId::AvgTaxableIncome => Some(6),
            _ => None,
        }
    }

    /// Whether the wizard asks this question of this kind of organisation: the deemed-large
    /// questions about shares or officers are not asked of a sole proprietor, nor those about
    /// shares of organisations without any. An answer given anyway still counts, as it does
    /// for `classifySme`; a wizard that keeps answers across a change of kind should leave
    /// out those this returns false for.
    pub fn applies_to(self, org: OrgType) -> bool {
        self.deemed_large_item().is_none() || deemed_large_questions(org).contains(&self)
    }

    /// A short title of the question.
    pub fn label(self, locale: Locale) -> &'static str {
        let (ja, en) = match self {
            QuestionId::Location => ("所在地", "Location"),
            QuestionId::OrgType => ("組織の種類", "Kind of organisation"),
            QuestionId::Industry => ("業種", "Industry"),
            QuestionId::Employees => ("常時使用する従業員数", "Regular employees"),
            QuestionId::Capital => ("資本金・出資の総額", "Capital"),
            QuestionId::SingleLargeShare => {
                ("大企業1社の持分", "Share held by one large enterprise")
            }
            QuestionId::TotalLargeShare => (
                "大企業の持分の合計",
                "Share held by large enterprises together",
            ),
            QuestionId::LargeOfficerShare => {
                ("大企業から来ている役員", "Officers from large enterprises")
            }
            QuestionId::OwnedByDeemedLarge => (
                "株主がみなし大企業だけか",
                "Owned only by deemed large enterprises",
            ),
            QuestionId::OfficersAllFromDeemedLarge => (
                "役員がみなし大企業の人だけか",
                "Officers all from deemed large enterprises",
            ),
            QuestionId::AvgTaxableIncome => {
                ("直近3年の課税所得", "Taxable income, last three years")
            }
            QuestionId::ExpertKind => ("IT専門家はどんな人か", "Who the IT expert is"),
            QuestionId::Support => ("支援の内容", "What the support is"),
            QuestionId::AsOf => ("支援を受ける時期", "When"),
        };
        match locale {
            Locale::Ja => ja,
            Locale::En => en,
        }
    }
}

/// The deemed-large answers as received: each an exact value or a plain yes/no.
pub type RawEligibilityExclusions = RawExclusions;

/// The wizard's answers so far, as received from JS or the app: every field loose and
/// optional. Validated by [`RawEligibilityInput::validate`].
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "EligibilityInput"))]
pub struct RawEligibilityInput {
    /// `"nagano"` (in Nagano prefecture) or `"other"`.
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Location>"))]
    pub location: Option<Value>,
    /// `"company"`, `"soleProprietor"`, … as for `classifySme`.
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<OrgType>"))]
    pub org_type: Option<Value>,
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Industry>"))]
    pub industry: Option<Value>,
    /// Yen: `300000000`, `"3億円"`. Asked only when the employees alone do not decide.
    #[cfg_attr(feature = "ts", ts(optional, type = "number | string"))]
    pub capital: Option<Value>,
    /// Regular employees (SME-4).
    #[cfg_attr(feature = "ts", ts(optional, type = "number | string"))]
    pub employees: Option<Value>,
    /// SME-6: each an exact value (as for `classifySme`) or a plain yes/no ("half or more?",
    /// "two thirds or more?", "above ¥1.5 billion?").
    #[cfg_attr(
        feature = "ts",
        ts(
            optional,
            type = "{ singleLargeShare?: number | string | boolean, totalLargeShare?: number | string | boolean, largeOfficerShare?: number | string | boolean, ownedByDeemedLarge?: boolean, officersAllFromDeemedLarge?: boolean, avgTaxableIncome?: number | string | boolean }"
        )
    )]
    pub exclusions: Option<RawEligibilityExclusions>,
    /// Who the expert is (EXP-1).
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<ExpertKind>"))]
    pub expert_kind: Option<Value>,
    /// What the support is (NAT-6).
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<SupportKind>"))]
    pub support: Option<Value>,
    /// `YYYY-MM-DD`: when the support would take place (phases and deadlines).
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub as_of: Option<Value>,
}

/// A deemed-large answer: the exact value, or a plain yes/no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer<T> {
    Exact(T),
    YesNo(bool),
}

/// The validated answers so far; `None` = not answered yet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EligibilityInput {
    pub location: Option<Location>,
    pub org_type: Option<OrgType>,
    pub industry: Option<Industry>,
    pub capital: Option<Decimal>,
    pub employees: Option<u32>,
    pub single_large_share: Option<Answer<Share>>,
    pub total_large_share: Option<Answer<Share>>,
    pub large_officer_share: Option<Answer<Share>>,
    pub owned_by_deemed_large: Option<bool>,
    pub officers_all_from_deemed_large: Option<bool>,
    pub avg_taxable_income: Option<Answer<Decimal>>,
    pub expert_kind: Option<ExpertKind>,
    pub support: Option<SupportKind>,
    pub as_of: Option<Date>,
}

fn blank(v: Option<&Value>) -> bool {
    match v {
        None => true,
        Some(Value::Text(s)) => s.trim().is_empty(),
        _ => false,
    }
}

fn echo(v: &Value) -> String {
    let s = match v {
        Value::Text(s) => s.trim().to_string(),
        // As `format!("{n}")` prints it, without core::fmt's float code (several KB of wasm).
        Value::Number(n) if n.is_finite() => crate::format::shortest(*n),
        Value::Number(n) if n.is_nan() => "NaN".to_string(),
        Value::Number(n) => if *n > 0.0 { "inf" } else { "-inf" }.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::List(_) | Value::Other(_) => "?".to_string(),
    };
    s.chars().take(40).collect()
}

fn choice<T>(
    field: &'static str,
    label: Option<[&'static str; 2]>,
    v: Option<&Value>,
    parse: fn(&str) -> Option<T>,
    errors: &mut Vec<InputError>,
) -> Option<T> {
    if blank(v) {
        return None;
    }
    let v = v?;
    let parsed = match v {
        Value::Text(s) => parse(s),
        _ => None,
    };
    if parsed.is_none() {
        let kind = ErrorKind::UnknownChoice { got: echo(v) };
        errors.push(match label {
            Some(label) => InputError::labelled(field, kind, label),
            None => InputError::new(field, kind),
        });
    }
    parsed
}

/// The names (`[ja, en]`) of the answers only the wizard asks for; the SME's fields (kind of
/// organisation, industry, …) are named by [`crate::input::field_label`], which the SME check
/// shares.
const LOCATION: [&str; 2] = ["所在地", "Location"];
const EXPERT_KIND: [&str; 2] = ["IT専門家の種類", "Kind of IT expert"];
const SUPPORT: [&str; 2] = ["支援の内容", "Kind of support"];

/// Runs the SME core's own validation on one field, with harmless answers elsewhere, so that
/// the parsing (億・万, fractions, 人) lives in one place.
fn probe(raw: RawSmeInput, errors: &mut Vec<InputError>) -> Option<SmeInput> {
    match raw.validate() {
        Ok(v) => Some(v),
        Err(es) => {
            errors.extend(es);
            None
        }
    }
}

fn probe_base(org: &str) -> RawSmeInput {
    RawSmeInput {
        org_type: Some(Value::from(org)),
        industry: Some(Value::from("other")),
        capital: Some(Value::from(0i64)),
        employees: Some(Value::from(0i64)),
        exclusions: None,
    }
}

fn exclusion_probe(
    set: impl FnOnce(&mut RawExclusions),
    errors: &mut Vec<InputError>,
) -> Option<Exclusions> {
    let mut x = RawExclusions::default();
    set(&mut x);
    probe(
        RawSmeInput {
            exclusions: Some(x),
            ..probe_base("soleProprietor")
        },
        errors,
    )
    .map(|i| i.exclusions)
}

fn share_answer(
    v: Option<&Value>,
    put: fn(&mut RawExclusions, Value),
    get: fn(&Exclusions) -> Option<Share>,
    errors: &mut Vec<InputError>,
) -> Option<Answer<Share>> {
    match v {
        Some(Value::Bool(b)) => Some(Answer::YesNo(*b)),
        _ if blank(v) => None,
        Some(v) => exclusion_probe(|x| put(x, v.clone()), errors)
            .and_then(|x| get(&x))
            .map(Answer::Exact),
        None => None,
    }
}

impl RawEligibilityInput {
    /// Reads the answers given so far. Missing answers are fine; every malformed one is
    /// returned as an error naming its field, in question order.
    pub fn validate(&self) -> Result<EligibilityInput, Vec<InputError>> {
        let mut errors = Vec::new();
        let location = choice(
            "location",
            Some(LOCATION),
            self.location.as_ref(),
            Location::parse,
            &mut errors,
        );
        let org_type = choice(
            "orgType",
            None,
            self.org_type.as_ref(),
            OrgType::parse,
            &mut errors,
        );
        let industry = choice(
            "industry",
            None,
            self.industry.as_ref(),
            Industry::parse,
            &mut errors,
        );
        let employees = if blank(self.employees.as_ref()) {
            None
        } else {
            probe(
                RawSmeInput {
                    employees: self.employees.clone(),
                    ..probe_base("soleProprietor")
                },
                &mut errors,
            )
            .map(|i| i.employees)
        };
        let capital = if blank(self.capital.as_ref()) {
            None
        } else {
            probe(
                RawSmeInput {
                    capital: self.capital.clone(),
                    ..probe_base("company")
                },
                &mut errors,
            )
            .and_then(|i| i.capital)
        };
        let mut x = EligibilityInput::default();
        if let Some(raw) = &self.exclusions {
            if raw.not_an_object {
                errors.push(InputError::new("exclusions", ErrorKind::NotAnObject));
            } else {
                x.single_large_share = share_answer(
                    raw.single_large_share.as_ref(),
                    |x, v| x.single_large_share = Some(v),
                    |x| x.single_large_share,
                    &mut errors,
                );
                x.total_large_share = share_answer(
                    raw.total_large_share.as_ref(),
                    |x, v| x.total_large_share = Some(v),
                    |x| x.total_large_share,
                    &mut errors,
                );
                x.large_officer_share = share_answer(
                    raw.large_officer_share.as_ref(),
                    |x, v| x.large_officer_share = Some(v),
                    |x| x.large_officer_share,
                    &mut errors,
                );
                let bools = exclusion_probe(
                    |x| {
                        x.owned_by_deemed_large = raw.owned_by_deemed_large.clone();
                        x.officers_all_from_deemed_large =
                            raw.officers_all_from_deemed_large.clone();
                    },
                    &mut errors,
                );
                if let Some(b) = bools {
                    x.owned_by_deemed_large = b.owned_by_deemed_large;
                    x.officers_all_from_deemed_large = b.officers_all_from_deemed_large;
                }
                let income = raw.avg_taxable_income.as_ref();
                x.avg_taxable_income = match income {
                    Some(Value::Bool(b)) => Some(Answer::YesNo(*b)),
                    _ if blank(income) => None,
                    Some(v) => {
                        exclusion_probe(|x| x.avg_taxable_income = Some(v.clone()), &mut errors)
                            .and_then(|x| x.avg_taxable_income)
                            .map(Answer::Exact)
                    }
                    None => None,
                };
            }
        }
        let expert_kind = choice(
            "expertKind",
            Some(EXPERT_KIND),
            self.expert_kind.as_ref(),
            ExpertKind::parse,
            &mut errors,
        );
        let support = choice(
            "support",
            Some(SUPPORT),
            self.support.as_ref(),
            SupportKind::parse,
            &mut errors,
        );
        let as_of = date_field("asOf", self.as_of.as_ref()).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        if !errors.is_empty() {
            let order = |f: &str| {
                QuestionId::ALL
                    .iter()
                    .position(|q| q.field() == f)
                    .unwrap_or(usize::MAX)
            };
            crate::order::sort_by_key(&mut errors, |e| order(e.field));
            return Err(errors);
        }
        Ok(EligibilityInput {
            location,
            org_type,
            industry,
            capital,
            employees,
            expert_kind,
            support,
            as_of,
            ..x
        })
    }
}

/// The verdict for one scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum EligibilityStatus {
    Eligible,
    NotEligible,
    NeedsChecking,
}

/// One reason, citing its rules and their sources (files of `../shared/seeds/`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "EligibilityReason"))]
pub struct Reason {
    pub rules: Vec<&'static str>,
    pub text: String,
    /// Source ids, e.g. `["002"]`, `["000 §2"]`.
    pub sources: Vec<&'static str>,
}

/// Where a question stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum QuestionStatus {
    /// Answered, and the answer is used.
    Answered,
    /// Still to ask: its answer can change a verdict.
    Pending,
    /// Not asked (or its answer ignored): it cannot change any verdict now.
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QuestionState {
    pub id: QuestionId,
    /// The input field (`"exclusions.singleLargeShare"`).
    pub field: &'static str,
    pub label: &'static str,
    pub status: QuestionStatus,
    /// Why it is skipped, in the locale.
    pub note: Option<String>,
}

/// One scheme's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SchemeVerdict {
    pub scheme: Scheme,
    pub name: &'static str,
    pub status: EligibilityStatus,
    /// True when no further answer can change this verdict.
    pub certain: bool,
    /// The answer in one kind sentence.
    pub headline: String,
    pub reasons: Vec<Reason>,
    /// When not eligible: the smallest change that would make it eligible, one per line.
    pub to_qualify: Vec<String>,
    /// Questions still to answer for this scheme.
    pub pending: Vec<QuestionId>,
    /// Where the programme stands on the as-of date (`null` without one).
    pub state: Option<ProgrammeState>,
    /// The deadlines on or after the as-of date, earliest first.
    pub deadlines: Vec<Deadline>,
    pub caveats: Vec<String>,
    /// Interpretation rules this verdict relies on (shown as an estimate).
    pub interpretations: Vec<&'static str>,
}

/// The whole verdict, and the wizard's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Eligibility {
    /// National programme first, then Nagano.
    pub schemes: Vec<SchemeVerdict>,
    /// The next question worth asking; `null` when the verdict is complete.
    pub next_question: Option<QuestionId>,
    /// Every question in order, answered, pending or skipped.
    pub questions: Vec<QuestionState>,
    /// True when every scheme's verdict is certain: nothing more to ask.
    pub complete: bool,
    /// One line for the top of the result.
    pub summary: String,
    /// The SME classification, once the answers allow one.
    pub sme: Option<SmeClassification>,
    /// The schemes to work out the cost with (`simulate`'s `schemes`), following the
    /// verdicts and the as-of date: national and Nagano together while the combined mode
    /// can be used, Nagano alone when only its prefecture-only mode is open (NGN-4), national
    /// alone outside Nagano; empty when neither scheme can be used.
    pub simulate_with: Vec<Scheme>,
    /// How to apply, in order (NAT-11: register, matching, the support plan, the contract;
    /// then Nagano's application), for the schemes of `simulate_with`.
    pub next_steps: Vec<Reason>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub as_of: Option<Date>,
    pub ruleset: Stamp,
}

/// Validates and checks in one call; on malformed answers, every error in question order.
pub fn check_eligibility_raw(
    raw: &RawEligibilityInput,
    locale: Locale,
) -> Result<Eligibility, Vec<InputError>> {
    raw.validate().map(|i| check_eligibility(&i, locale))
}

fn pick(locale: Locale, ja: impl Into<String>, en: impl Into<String>) -> String {
    match locale {
        Locale::Ja => ja.into(),
        Locale::En => en.into(),
    }
}

fn source_of(rule: &str) -> &'static str {
    match rule {
        r if r.starts_with("SME-") || r.starts_with("EXP-") => "002",
        "NAT-6" => "002; 001",
        "NAT-9" | "NAT-10" | "NAT-11" => "001",
        "NAT-P1" => "000 §1; 004",
        "NAT-P2" | "NAT-P3" => "002",
        "NAT-P4" => "001",
        "NAT-P5" => "001; 002",
        "NGN-1" => "000 §2",
        "NGN-5" => "000 §3",
        "NGN-6" | "NGN-7" => "000 §4",
        "NGN-8" => "000 §6",
        _ => "",
    }
}

fn reason(rules: Vec<&'static str>, text: String) -> Reason {
    let mut sources: Vec<&'static str> = Vec::new();
    for r in &rules {
        let s = source_of(r);
        if !s.is_empty() && !sources.contains(&s) {
            sources.push(s);
        }
    }
    Reason {
        rules,
        text,
        sources,
    }
}

/// What one condition says for the schemes that depend on it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Check {
    Met(Vec<Reason>),
    Failed {
        reasons: Vec<Reason>,
        fixes: Vec<String>,
        /// The fix in one line, for the headline.
        lead: String,
    },
    Pending(Vec<QuestionId>),
}

/// The SME part: which questions, and the classification when there is one.
struct SmePart {
    check: Check,
    statuses: Vec<(QuestionId, QuestionStatus, Option<String>)>,
    classification: Option<SmeClassification>,
}

/// Which deemed-large questions make sense for this kind of organisation.
fn deemed_large_questions(org: OrgType) -> &'static [QuestionId] {
    use QuestionId as Q;
    match org {
        OrgType::SoleProprietor => &[],
        OrgType::Company | OrgType::SmeOrganization | OrgType::SpecialLawAssociation => &[
            Q::SingleLargeShare,
            Q::TotalLargeShare,
            Q::LargeOfficerShare,
            Q::OwnedByDeemedLarge,
            Q::OfficersAllFromDeemedLarge,
            Q::AvgTaxableIncome,
        ],
        _ => &[
            Q::LargeOfficerShare,
            Q::OfficersAllFromDeemedLarge,
            Q::AvgTaxableIncome,
        ],
    }
}

fn share_value(a: Option<Answer<Share>>, p: u128, q: u128) -> Option<Share> {
    match a? {
        Answer::Exact(s) => Some(s),
        Answer::YesNo(true) => Share::new(p, q),
        Answer::YesNo(false) => Share::new(0, 1),
    }
}

fn income_value(a: Option<Answer<Decimal>>) -> Option<Decimal> {
    match a? {
        Answer::Exact(d) => Some(d),
        Answer::YesNo(true) => Some(Decimal::from(TAXABLE_INCOME_LIMIT) + Decimal::ONE),
        Answer::YesNo(false) => Some(Decimal::ZERO),
    }
}

fn answered(input: &EligibilityInput, q: QuestionId) -> bool {
    match q {
        QuestionId::Location => input.location.is_some(),
        QuestionId::OrgType => input.org_type.is_some(),
        QuestionId::Industry => input.industry.is_some(),
        QuestionId::Employees => input.employees.is_some(),
        QuestionId::Capital => input.capital.is_some(),
        QuestionId::SingleLargeShare => input.single_large_share.is_some(),
        QuestionId::TotalLargeShare => input.total_large_share.is_some(),
        QuestionId::LargeOfficerShare => input.large_officer_share.is_some(),
        QuestionId::OwnedByDeemedLarge => input.owned_by_deemed_large.is_some(),
        QuestionId::OfficersAllFromDeemedLarge => input.officers_all_from_deemed_large.is_some(),
        QuestionId::AvgTaxableIncome => input.avg_taxable_income.is_some(),
        QuestionId::ExpertKind => input.expert_kind.is_some(),
        QuestionId::Support => input.support.is_some(),
        QuestionId::AsOf => input.as_of.is_some(),
    }
}

/// Plain wording for an exclusion answered with a simple "yes".
fn plain_exclusion_text(item: u8, locale: Locale) -> String {
    let (ja, en) = match item {
        1 => (
            "大企業1社が株式・出資の半分以上を持っているとのことなので",
            "A single large enterprise holds half or more of the shares or investment, so",
        ),
        2 => (
            "大企業が合わせて株式・出資の3分の2以上を持っているとのことなので",
            "Large enterprises together hold two thirds or more of the shares or investment, so",
        ),
        3 => (
            "役員の半分以上が大企業の役員・職員を兼ねているとのことなので",
            "Half or more of the officers are also officers or staff of a large enterprise, so",
        ),
        _ => (
            "直近3年の課税所得の年平均が15億円を超えているとのことなので",
            "Average taxable income over the last three years is above ¥1.5 billion, so",
        ),
    };
    pick(
        locale,
        format!("{ja}、みなし大企業として対象外になります（SME-6 ({item})）。"),
        format!("{en} the business counts as a deemed large enterprise and is excluded (SME-6 ({item}))."),
    )
}

fn sme_part(input: &EligibilityInput, locale: Locale) -> SmePart {
    use QuestionId::*;
    let mut statuses: Vec<(QuestionId, QuestionStatus, Option<String>)> = Vec::new();
    let mut pending = Vec::new();
    let st = |q: QuestionId| {
        if answered(input, q) {
            QuestionStatus::Answered
        } else {
            QuestionStatus::Pending
        }
    };
    let excl_all = [
        SingleLargeShare,
        TotalLargeShare,
        LargeOfficerShare,
        OwnedByDeemedLarge,
        OfficersAllFromDeemedLarge,
        AvgTaxableIncome,
    ];

    statuses.push((OrgType, st(OrgType), None));
    let Some(org) = input.org_type else {
        pending.push(OrgType);
        // Until the kind is known, the rest is asked in the usual order.
        for q in [Industry, Employees, Capital].into_iter().chain(excl_all) {
            statuses.push((q, st(q), None));
            if !answered(input, q) {
                pending.push(q);
            }
        }
        return SmePart {
            check: Check::Pending(pending),
            statuses,
            classification: None,
        };
    };
    if org.needs_industry() {
        statuses.push((Industry, st(Industry), None));
        if input.industry.is_none() {
            pending.push(Industry);
        }
    } else {
        statuses.push((
            Industry,
            QuestionStatus::Skipped,
            Some(pick(
                locale,
                format!(
                    "{}は業種によらず従業員数で判定するため、業種は聞きません（SME-2）。",
                    org.label(locale)
                ),
                format!(
                    "For {} the limit does not depend on the industry (SME-2).",
                    org.label(locale)
                ),
            )),
        ));
    }
    statuses.push((Employees, st(Employees), None));
    if input.employees.is_none() {
        pending.push(Employees);
    }
    let ready = pending.is_empty();
    let employees = input.employees.unwrap_or(0);
    let sme_input = |capital: Option<Decimal>, x: Exclusions| SmeInput {
        org_type: org,
        industry: if org.needs_industry() {
            input.industry
        } else {
            None
        },
        capital,
        employees,
        exclusions: x,
    };

    // Capital: only for companies whose employees exceed the limit.
    let mut capital_needed = false;
    if !org.has_capital() {
        statuses.push((
            Capital,
            QuestionStatus::Skipped,
            Some(pick(
                locale,
                format!(
                    "{}には資本金の基準がないため、聞きません（SME-1, SME-2）。",
                    org.label(locale)
                ),
                format!(
                    "There is no capital test for {} (SME-1, SME-2).",
                    org.label(locale)
                ),
            )),
        ));
    } else if !ready {
        statuses.push((Capital, st(Capital), None));
        if input.capital.is_none() {
            pending.push(Capital);
        }
    } else {
        if size_test(&sme_input(None, Exclusions::default())).employees_ok {
            statuses.push((
                Capital,
                QuestionStatus::Skipped,
                Some(pick(
                    locale,
                    "従業員数で規模の条件を満たしているので、資本金は聞きません（SME-1）。",
                    "The employees already meet the size test, so capital is not needed (SME-1).",
                )),
            ));
        } else {
            capital_needed = true;
            statuses.push((Capital, st(Capital), None));
            if input.capital.is_none() {
                pending.push(Capital);
            }
        }
    }
    if !pending.is_empty() {
        let relevant: &[QuestionId] = deemed_large_questions(org);
        for q in excl_all {
            if relevant.contains(&q) || answered(input, q) {
                statuses.push((q, st(q), None));
                if !answered(input, q) {
                    pending.push(q);
                }
            } else {
                statuses.push((
                    q,
                    QuestionStatus::Skipped,
                    Some(not_applicable(org, locale)),
                ));
            }
        }
        return SmePart {
            check: Check::Pending(pending),
            statuses,
            classification: None,
        };
    }
    let capital = if capital_needed { input.capital } else { None };

    // Every deemed-large answer given counts, whatever the kind of organisation, as
    // `classifySme` counts it; the kind only decides which unanswered ones are asked.
    let x = Exclusions {
        single_large_share: share_value(input.single_large_share, 1, 2),
        total_large_share: share_value(input.total_large_share, 2, 3),
        large_officer_share: share_value(input.large_officer_share, 1, 2),
        owned_by_deemed_large: input.owned_by_deemed_large,
        officers_all_from_deemed_large: input.officers_all_from_deemed_large,
        avg_taxable_income: income_value(input.avg_taxable_income),
    };

    let assessment = compute(&sme_input(capital, x));
    // Size test alone.
    if !assessment.size.met() {
        // Not asked: no answer can change the verdict now (one given still counts below).
        for q in excl_all {
            statuses.push((
                q,
                QuestionStatus::Skipped,
                Some(pick(
                    locale,
                    "規模の条件で対象外のため、みなし大企業の確認は不要です。",
                    "The size test already decides, so the deemed-large questions are not needed.",
                )),
            ));
        }
        let size = explain(&assessment, locale);
        return SmePart {
            check: Check::Failed {
                reasons: sme_reasons(&assessment, &size, input, locale),
                fixes: size.to_qualify.clone(),
                lead: summary_fix(&assessment, locale),
            },
            statuses,
            classification: Some(size),
        };
    }

    // Deemed-large questions, in order: the unanswered ones that apply to this kind of
    // organisation, until an answer excludes.
    let relevant = deemed_large_questions(org);
    let excluded = assessment.deemed_large.applies();
    for q in excl_all {
        if answered(input, q) {
            statuses.push((q, QuestionStatus::Answered, None));
        } else if !relevant.contains(&q) {
            statuses.push((
                q,
                QuestionStatus::Skipped,
                Some(not_applicable(org, locale)),
            ));
        } else if excluded {
            statuses.push((
                q,
                QuestionStatus::Skipped,
                Some(pick(
                    locale,
                    "ほかの回答でみなし大企業にあたることがわかったため、聞きません（SME-6）。",
                    "Another answer already makes the business a deemed large enterprise (SME-6).",
                )),
            ));
        } else {
            statuses.push((q, QuestionStatus::Pending, None));
            pending.push(q);
        }
    }
    let cls = explain(&assessment, locale);
    let reasons = sme_reasons(&assessment, &cls, input, locale);
    let check = if !cls.sme {
        Check::Failed {
            reasons,
            fixes: cls.to_qualify.clone(),
            lead: summary_fix(&assessment, locale),
        }
    } else if !pending.is_empty() {
        Check::Pending(pending)
    } else {
        Check::Met(reasons)
    };
    SmePart {
        check,
        statuses,
        classification: Some(cls),
    }
}

fn not_applicable(org: OrgType, locale: Locale) -> String {
    pick(
        locale,
        format!(
            "{}にはあてはまらない確認項目なので、聞きません（SME-6）。",
            org.label(locale)
        ),
        format!(
            "This check does not apply to {} (SME-6).",
            org.label(locale)
        ),
    )
}

/// The classification's explanation as reasons (`cls` is `a` explained: one reason per step),
/// with plain wording for yes/no answers and without notes that do not concern this business.
fn sme_reasons(
    a: &Assessment,
    cls: &SmeClassification,
    input: &EligibilityInput,
    locale: Locale,
) -> Vec<Reason> {
    let yes = |a: Option<Answer<Share>>| a == Some(Answer::YesNo(true));
    let mut out = Vec::new();
    for (step, r) in a.steps.iter().zip(&cls.explanation) {
        match *step {
            // A sole proprietor is not asked about shares or officers: no "not deemed large"
            // note (an exclusion it was given is shown).
            Step::NotDeemedLarge if input.org_type == Some(OrgType::SoleProprietor) => continue,
            Step::Excluded(x)
                if match x {
                    Exclusion::SingleLargeShare => yes(input.single_large_share),
                    Exclusion::TotalLargeShare => yes(input.total_large_share),
                    Exclusion::LargeOfficerShare => yes(input.large_officer_share),
                    Exclusion::TaxableIncome => {
                        input.avg_taxable_income == Some(Answer::YesNo(true))
                    }
                    _ => false,
                } =>
            {
                out.push(reason(
                    vec!["SME-6"],
                    plain_exclusion_text(x.item(), locale),
                ));
            }
            _ => out.push(reason(r.rules.clone(), r.text.clone())),
        }
    }
    out
}

fn location_check(input: &EligibilityInput, locale: Locale) -> Check {
    match input.location {
        None => Check::Pending(vec![QuestionId::Location]),
        Some(Location::Nagano) => Check::Met(vec![reason(
            vec!["NGN-1"],
            pick(
                locale,
                "長野県内の事業者なので、長野県の補助の申請者になれます（NGN-1）。",
                "The business is in Nagano prefecture, so it may apply for the Nagano top-up (NGN-1).",
            ),
        )]),
        Some(Location::Other) => Check::Failed {
            reasons: vec![reason(
                vec!["NGN-1"],
                pick(
                    locale,
                    "長野県の補助は、長野県内の事業者が対象です（NGN-1）。国の制度は全国で使えます。",
                    "The Nagano top-up is for businesses in Nagano prefecture (NGN-1). The national programme is open nationwide.",
                ),
            )],
            fixes: vec![pick(
                locale,
                "長野県内の事業者なら対象になります（NGN-1）。",
                "A business located in Nagano prefecture would qualify (NGN-1).",
            )],
            lead: String::new(),
        },
    }
}

fn expert_check(input: &EligibilityInput, locale: Locale) -> Check {
    let t = |ja: &str, en: &str| pick(locale, ja, en);
    match input.expert_kind {
        None => Check::Pending(vec![QuestionId::ExpertKind]),
        Some(ExpertKind::Freelancer) => Check::Met(vec![reason(vec!["EXP-1"], t(
            "フリーランスの個人は、IT専門家になれます。特別な資格はいりません（EXP-1）。",
            "A freelancer may be the IT expert; no special qualification is needed (EXP-1).",
        ))]),
        Some(ExpertKind::SideJob) => Check::Met(vec![reason(vec!["EXP-1"], t(
            "副業・兼業の人は、勤務先の許可があればIT専門家になれます（EXP-1）。",
            "Someone in a side job may be the IT expert, with their employer's permission (EXP-1).",
        ))]),
        Some(ExpertKind::SmeSupporter) => Check::Met(vec![reason(vec!["EXP-1"], t(
            "認定情報処理支援機関（スマートSMEサポーター）に所属する人は、IT専門家になれます。法人は事務局への登録が必要です（EXP-1）。",
            "A person from a certified IT support organisation (SME Supporter) may be the IT expert; the organisation must register with the secretariat (EXP-1).",
        ))]),
        Some(ExpertKind::Undecided) => Check::Met(vec![reason(vec!["EXP-1", "NAT-10"], t(
            "専門家がまだ決まっていなくても大丈夫です。事務局に相談を登録すると、登録済みのIT専門家から支援の提案が届きます（事務局マッチング、NAT-10）。専門家はフリーランス・副業の個人か、スマートSMEサポーターに所属する人です（EXP-1）。",
            "No expert yet is fine: register a consultation case with the secretariat and registered experts will propose support (secretariat matching, NAT-10). Experts are freelancers, people in side jobs, or staff of SME Supporters (EXP-1).",
        ))]),
        Some(ExpertKind::Other) => Check::Failed {
            reasons: vec![reason(vec!["EXP-1"], t(
                "IT専門家になれるのは、フリーランスや副業・兼業の個人、または認定情報処理支援機関（スマートSMEサポーター）に所属する人です。認定を受けていない会社の社員としての支援は、このままでは対象外です（EXP-1）。",
                "The IT expert must be a freelancer, someone in a side job, or a person from a certified IT support organisation (SME Supporter). Support given as staff of an uncertified company does not qualify as it stands (EXP-1).",
            ))],
            fixes: vec![t(
                "専門家がフリーランス・副業の個人か、スマートSMEサポーター（認定情報処理支援機関）に所属する人なら対象になります（EXP-1）。",
                "With an expert who is a freelancer, in a side job, or from an SME Supporter, you would qualify (EXP-1).",
            )],
            lead: String::new(),
        },
    }
}

fn support_check(input: &EligibilityInput, locale: Locale) -> Check {
    match input.support {
        None => Check::Pending(vec![QuestionId::Support]),
        Some(s) if s.is_consulting() => Check::Met(vec![reason(
            vec!["NAT-6"],
            pick(
                locale,
                format!("「{}」は、準委任契約で受けるデジタル化の相談・導入支援として対象になります（NAT-6）。", s.label(locale)),
                format!("\"{}\" is digitalization advice and set-up under a quasi-mandate contract, which qualifies (NAT-6).", s.label(locale)),
            ),
        )]),
        Some(s) => Check::Failed {
            reasons: vec![reason(
                vec!["NAT-6"],
                pick(
                    locale,
                    format!("「{}」のように成果物を納品する請負契約は対象外です（NAT-6）。", s.label(locale)),
                    format!("A contract for work delivering a product, such as \"{}\", does not qualify (NAT-6).", s.label(locale)),
                ),
            )],
            fixes: vec![pick(
                locale,
                "制作の納品ではなく、課題の整理やツール導入・活用の支援を準委任契約で受けるなら対象になります（NAT-6）。",
                "Advice and help with choosing and using tools under a quasi-mandate contract, rather than a delivered product, would qualify (NAT-6).",
            )],
            lead: String::new(),
        },
    }
}

/// The programme entries of a scheme for the date check.
fn entries(scheme: Scheme) -> [(ProgrammeId, Option<Phase>); 2] {
    match scheme {
        Scheme::National => [
            (ProgrammeId::National, Some(Phase::One)),
            (ProgrammeId::National, Some(Phase::Two)),
        ],
        Scheme::Nagano => [
            (ProgrammeId::NaganoCombined, None),
            (ProgrammeId::NaganoOnly, None),
        ],
    }
}

fn rules_of(id: ProgrammeId, phase: Option<Phase>) -> Vec<&'static str> {
    match (id, phase) {
        (ProgrammeId::National, Some(Phase::One)) => vec!["NAT-P1"],
        (ProgrammeId::National, _) => vec!["NAT-P2", "NAT-P4"],
        (ProgrammeId::NaganoCombined, _) => vec!["NGN-5"],
        (ProgrammeId::NaganoOnly, _) => vec!["NGN-6"],
    }
}

struct DatePart {
    state: ProgrammeState,
    reasons: Vec<Reason>,
    deadlines: Vec<Deadline>,
    caveats: Vec<String>,
    ended: Option<String>,
}

fn date_part(scheme: Scheme, on: Date, locale: Locale) -> DatePart {
    let statuses: Vec<ProgrammeStatus> = entries(scheme)
        .iter()
        .map(|(id, ph)| programme_status(*id, *ph, on, locale))
        .collect();
    let rank = |s: ProgrammeState| match s {
        ProgrammeState::Open => 0,
        ProgrammeState::Closing => 1,
        ProgrammeState::NotYetOpen => 2,
        ProgrammeState::Closed => 3,
    };
    let best = statuses
        .iter()
        .min_by_key(|s| rank(s.state))
        .unwrap_or(&statuses[0]);
    let date_text = on.format(locale);
    let mut reasons = Vec::new();
    let mut deadlines = Vec::new();
    let mut caveats = Vec::new();
    for s in &statuses {
        let rules = rules_of(s.programme, s.phase);
        let cite = rules.join(", ");
        let text = match (s.state, locale) {
            (ProgrammeState::Open, Locale::Ja) => format!(
                "{date_text}時点で{}は受付中です{}（{cite}）。",
                s.name,
                s.next_deadline
                    .as_ref()
                    .map(|d| format!("。次の期限は「{}」の{}", d.label, d.date_text))
                    .unwrap_or_default()
            ),
            (ProgrammeState::Open, Locale::En) => format!(
                "On {date_text} {} is open{} ({cite}).",
                s.name,
                s.next_deadline
                    .as_ref()
                    .map(|d| format!("; next deadline: {} ({})", d.date_text, d.label))
                    .unwrap_or_default()
            ),
            (ProgrammeState::Closing, Locale::Ja) => format!(
                "{date_text}時点で{}の新規の受付は締め切られています。すでに登録・申請した方は{}まで続けられます（{cite}）。",
                s.name,
                s.next_deadline.as_ref().map(|d| format!("「{}」の{}", d.label, d.date_text)).unwrap_or_default()
            ),
            (ProgrammeState::Closing, Locale::En) => format!(
                "On {date_text} {} takes no new registrations or applications; those already in can continue until {} ({cite}).",
                s.name,
                s.next_deadline.as_ref().map(|d| format!("{} ({})", d.date_text, d.label)).unwrap_or_default()
            ),
            (ProgrammeState::NotYetOpen, Locale::Ja) => format!(
                "{date_text}時点で{}はまだ始まっていません。受付開始は{}です（{cite}）。",
                s.name,
                start_text(s).unwrap_or_default()
            ),
            (ProgrammeState::NotYetOpen, Locale::En) => format!(
                "On {date_text} {} has not opened yet; it opens on {} ({cite}).",
                s.name,
                start_text(s).unwrap_or_default()
            ),
            (ProgrammeState::Closed, Locale::Ja) => format!(
                "{}は{}に終了しています（{cite}）。",
                s.name,
                last_text(s).unwrap_or_default()
            ),
            (ProgrammeState::Closed, Locale::En) => format!(
                "{} ended on {} ({cite}).",
                s.name,
                last_text(s).unwrap_or_default()
            ),
        };
        reasons.push(reason(rules, text));
        if s.state != ProgrammeState::Closed {
            deadlines.extend(s.deadlines.iter().filter(|d| d.date >= on).cloned());
            for c in &s.caveats {
                if !caveats.contains(c) {
                    caveats.push(c.clone());
                }
            }
        }
    }
    crate::order::sort_by_key(&mut deadlines, |d| d.date);
    deadlines.dedup_by_key(|d| d.id);
    let ended = (best.state == ProgrammeState::Closed).then(|| {
        statuses
            .iter()
            .filter_map(last_text)
            .next_back()
            .unwrap_or_default()
    });
    DatePart {
        state: best.state,
        reasons,
        deadlines,
        caveats,
        ended,
    }
}

fn start_text(s: &ProgrammeStatus) -> Option<String> {
    s.deadlines.first().map(|d| d.date_text.clone())
}

fn last_text(s: &ProgrammeStatus) -> Option<String> {
    s.deadlines.last().map(|d| d.date_text.clone())
}

fn scheme_name(scheme: Scheme, locale: Locale) -> &'static str {
    match (scheme, locale) {
        (Scheme::National, Locale::Ja) => "中小企業デジタル化応援隊事業（国）",
        (Scheme::National, Locale::En) => "SME Digitalization Support Corps (national)",
        (Scheme::Nagano, Locale::Ja) => "長野県IT・デジタル化補助金",
        (Scheme::Nagano, Locale::En) => "Nagano IT & Digitalization Subsidy",
    }
}

fn verdict(
    scheme: Scheme,
    checks: &[&Check],
    input: &EligibilityInput,
    locale: Locale,
) -> SchemeVerdict {
    let mut reasons = Vec::new();
    let mut fixes = Vec::new();
    let mut pending = Vec::new();
    let mut failed = false;
    let mut leads: Vec<String> = Vec::new();
    for c in checks {
        match c {
            Check::Met(r) => reasons.extend(r.iter().cloned()),
            Check::Failed {
                reasons: r,
                fixes: f,
                lead,
            } => {
                failed = true;
                reasons.extend(r.iter().cloned());
                fixes.extend(f.iter().cloned());
                let lead = if lead.is_empty() {
                    f.first().cloned().unwrap_or_default()
                } else {
                    lead.clone()
                };
                leads.push(lead);
            }
            Check::Pending(q) => pending.extend(q.iter().copied()),
        }
    }
    let mut interpretations = Vec::new();
    if scheme == Scheme::Nagano {
        interpretations.push("NGN-1");
    }
    let mut state = None;
    let mut deadlines = Vec::new();
    let mut caveats = Vec::new();
    let mut ended = None;
    if let Some(on) = input.as_of {
        let d = date_part(scheme, on, locale);
        state = Some(d.state);
        reasons.extend(d.reasons);
        deadlines = d.deadlines;
        caveats = d.caveats;
        ended = d.ended;
    } else {
        pending.push(QuestionId::AsOf);
    }
    if scheme == Scheme::Nagano && input.expert_kind == Some(ExpertKind::Undecided) {
        reasons.push(reason(vec!["NGN-7"], pick(
            locale,
            "長野県の申請には専門家の名前を書いた事業計画書が必要です。専門家が決まっていなければ、AI・IoT等先端技術利活用支援拠点（TEL 026-227-5028）に相談できます（NGN-7）。",
            "The Nagano application needs a business plan naming the expert. Without one yet, ask the Nagano AI/IoT support hub (tel. 026-227-5028) (NGN-7).",
        )));
    }
    let closed = state == Some(ProgrammeState::Closed);
    let status = if failed || closed {
        EligibilityStatus::NotEligible
    } else if pending.is_empty() && state == Some(ProgrammeState::Open) {
        EligibilityStatus::Eligible
    } else {
        EligibilityStatus::NeedsChecking
    };
    let certain = failed || pending.is_empty();
    if failed {
        pending.clear();
    }
    let name = scheme_name(scheme, locale);
    let headline = match status {
        EligibilityStatus::Eligible => pick(
            locale,
            format!("対象になります。{name}を使えます。"),
            format!("You qualify: you can use the {name}."),
        ),
        EligibilityStatus::NotEligible if failed => {
            let fix = leads.first().cloned().unwrap_or_default();
            let more = if leads.len() > 1 {
                pick(locale, "（ほかの条件は下に）", " (other conditions below)")
            } else {
                String::new()
            };
            pick(
                locale,
                format!("このままでは対象外です。{fix}{more}"),
                format!("As things stand you do not qualify. {fix}{more}"),
            )
        }
        EligibilityStatus::NotEligible => pick(
            locale,
            format!(
                "この制度は{}に終了しています。条件は満たしていますが、今から申し込むことはできません。支援策ナビでほかの支援を探せます。",
                ended.clone().unwrap_or_default()
            ),
            format!(
                "This scheme ended on {}. You meet its conditions, but it no longer accepts anyone; the support navigator lists other help.",
                ended.clone().unwrap_or_default()
            ),
        ),
        EligibilityStatus::NeedsChecking if !pending.is_empty() => pick(
            locale,
            format!("あと{}問で判定できます。", pending.len()),
            format!(
                "{} more question{} to decide.",
                pending.len(),
                if pending.len() == 1 { "" } else { "s" }
            ),
        ),
        EligibilityStatus::NeedsChecking => match state {
            Some(ProgrammeState::NotYetOpen) => pick(
                locale,
                "条件は満たしています。基準日の時点ではまだ受付が始まっていないので、開始日を確かめてください。",
                "You meet the conditions; on the as-of date it has not opened yet, so check when it starts.",
            ),
            _ => pick(
                locale,
                "条件は満たしています。ただし基準日の時点で新規の受付は締め切られています。すでに登録・申請済みなら期限まで続けられます。",
                "You meet the conditions, but on the as-of date new registrations have closed; if you are already in, you can continue until the deadlines.",
            ),
        },
    };
    SchemeVerdict {
        scheme,
        name,
        status,
        certain,
        headline,
        reasons,
        to_qualify: fixes,
        pending,
        state,
        deadlines,
        caveats,
        interpretations,
    }
}

/// The verdict for each scheme and the wizard's progress, from the answers so far.
pub fn check_eligibility(input: &EligibilityInput, locale: Locale) -> Eligibility {
    let sme = sme_part(input, locale);
    let location = location_check(input, locale);
    let expert = expert_check(input, locale);
    let support = support_check(input, locale);
    let national = verdict(
        Scheme::National,
        &[&sme.check, &expert, &support],
        input,
        locale,
    );
    let nagano = verdict(
        Scheme::Nagano,
        &[&location, &sme.check, &expert, &support],
        input,
        locale,
    );

    // A question is worth asking while a scheme that is not yet a certain "no" needs it.
    let open: Vec<&SchemeVerdict> = [&national, &nagano]
        .into_iter()
        .filter(|v| v.status != EligibilityStatus::NotEligible)
        .collect();
    let wanted = |q: QuestionId| open.iter().any(|v| v.pending.contains(&q));
    let done_note = pick(
        locale,
        "どの制度も結果が決まったため、聞きません。",
        "Every verdict is already decided.",
    );
    let mut questions = Vec::new();
    let mut push = |q: QuestionId, status: QuestionStatus, note: Option<String>| {
        let (status, note) = match status {
            QuestionStatus::Pending if !wanted(q) => (
                QuestionStatus::Skipped,
                Some(note.unwrap_or_else(|| done_note.clone())),
            ),
            s => (s, note),
        };
        questions.push(QuestionState {
            id: q,
            field: q.field(),
            label: q.label(locale),
            status,
            note,
        });
    };
    let simple = |q: QuestionId| {
        if answered(input, q) {
            QuestionStatus::Answered
        } else {
            QuestionStatus::Pending
        }
    };
    push(QuestionId::Location, simple(QuestionId::Location), None);
    for (q, s, note) in sme.statuses {
        push(q, s, note);
    }
    for q in [
        QuestionId::ExpertKind,
        QuestionId::Support,
        QuestionId::AsOf,
    ] {
        push(q, simple(q), None);
    }
    let next_question = questions
        .iter()
        .find(|q| q.status == QuestionStatus::Pending)
        .map(|q| q.id);
    let complete = national.certain && nagano.certain;

    let any_eligible = [&national, &nagano]
        .iter()
        .any(|v| v.status == EligibilityStatus::Eligible);
    let summary = if any_eligible {
        let names: Vec<&str> = [&national, &nagano]
            .iter()
            .filter(|v| v.status == EligibilityStatus::Eligible)
            .map(|v| v.name)
            .collect();
        pick(
            locale,
            format!("対象になります：{}", names.join("、")),
            format!("You qualify for: {}", names.join("; ")),
        )
    } else if !complete {
        pick(
            locale,
            "まだ判定の途中です。続けて答えてください。",
            "Not decided yet: please answer the next question.",
        )
    } else if [&national, &nagano]
        .iter()
        .all(|v| v.status == EligibilityStatus::NotEligible)
    {
        let fix = national
            .to_qualify
            .first()
            .or(nagano.to_qualify.first())
            .cloned();
        match fix {
            Some(f) => pick(
                locale,
                format!("このままでは対象外です。{f}"),
                format!("As things stand you do not qualify. {f}"),
            ),
            None => pick(
                locale,
                "基準日の時点では、どちらの制度も終了しています。支援策ナビでほかの支援を探せます。",
                "On the as-of date both schemes have ended; the support navigator lists other help.",
            ),
        }
    } else {
        pick(
            locale,
            "条件は満たしていますが、受付の時期を確かめてください。",
            "You meet the conditions; check the dates below.",
        )
    };

    let simulate_with = cost_schemes(&national, &nagano, input);
    let next_steps = next_steps(&simulate_with, input, locale);
    Eligibility {
        simulate_with,
        next_steps,
        schemes: vec![national, nagano],
        next_question,
        questions,
        complete,
        summary,
        sme: sme.classification,
        as_of: input.as_of,
        ruleset: STAMP,
    }
}

/// The schemes the cost is worked out with (`simulate`'s `schemes`), following the verdicts
/// and the as-of date (NGN-4): national and Nagano together while the combined mode can
/// still be used, Nagano alone once only its prefecture-only mode is open (after the national
/// registration closed), national alone outside Nagano; none when neither scheme can be used.
fn cost_schemes(
    national: &SchemeVerdict,
    nagano: &SchemeVerdict,
    input: &EligibilityInput,
) -> Vec<Scheme> {
    let usable = |v: &SchemeVerdict| v.status != EligibilityStatus::NotEligible;
    let nat = usable(national);
    let ngn = usable(nagano) && input.location == Some(Location::Nagano);
    if !ngn {
        return if nat { vec![Scheme::National] } else { vec![] };
    }
    // Which Nagano mode: the one further along (open before closing before not yet open),
    // the combined one on a tie, and only with the national programme usable.
    let combined_first = match input.as_of {
        None => true,
        Some(on) => {
            let rank = |id| match programme_state(id, None, on).0 {
                ProgrammeState::Open => 0,
                ProgrammeState::Closing => 1,
                ProgrammeState::NotYetOpen => 2,
                ProgrammeState::Closed => 3,
            };
            rank(ProgrammeId::NaganoCombined) <= rank(ProgrammeId::NaganoOnly)
        }
    };
    if nat && combined_first {
        vec![Scheme::National, Scheme::Nagano]
    } else {
        vec![Scheme::Nagano]
    }
}

/// How to apply, in order (NAT-11, NAT-10, NAT-9; NGN-5..8 for Nagano), for the schemes the
/// business can use. Empty when neither can be used.
fn next_steps(simulate_with: &[Scheme], input: &EligibilityInput, locale: Locale) -> Vec<Reason> {
    let mut steps = Vec::new();
    let t = |ja: &str, en: &str| pick(locale, ja, en);
    if simulate_with.contains(&Scheme::National) {
        // Registration: Phase I's intake, or Phase II's (NAT-P2) once Phase I's has closed.
        let phase_two_start = input.as_of.and_then(|on| {
            let one = programme_state(ProgrammeId::National, Some(Phase::One), on).0;
            let two = programme_status(ProgrammeId::National, Some(Phase::Two), on, locale);
            (one != ProgrammeState::Open && two.state != ProgrammeState::Closed)
                .then(|| two.deadlines.first().map(|d| d.date_text.clone()))
                .flatten()
        });
        steps.push(match phase_two_start {
            None => reason(vec!["NAT-11"], t(
                "登録：ポータルサイト（https://digitalization-support.jp/）で中小企業としてWeb登録します。事務局の確認には数営業日かかり、結果はメールで届きます（NAT-11）。",
                "Register: sign up as an SME on the portal (https://digitalization-support.jp/). The secretariat checks it within a few business days and replies by e-mail (NAT-11).",
            )),
            Some(start) => reason(vec!["NAT-11", "NAT-P2"], pick(
                locale,
                format!("登録：第Ⅰ期に登録済みなら、第Ⅱ期は{start}10時から、ポータルサイト（https://digitalization-support.jp/）に初回ログインして第Ⅱ期の利用規約に同意すると使えます。新しく登録する方の受付は、第Ⅱ期の最初の告知（002）の時点ではまだ始まっていなかったので、開始をポータルサイトで確かめてください。登録の確認には数営業日かかります（NAT-P2, NAT-11）。"),
                format!("Register: if you registered in Phase I, log in to the portal (https://digitalization-support.jp/) from 10:00 on {start} and accept the Phase II terms. New registrations had not opened when Phase II was first announced (002): check the portal for when they open. The secretariat's check takes a few business days (NAT-P2, NAT-11)."),
            )),
        });
        let matching = match input.expert_kind {
            Some(ExpertKind::Freelancer | ExpertKind::SideJob | ExpertKind::SmeSupporter) => t(
                "マッチング：相手の専門家が決まっているので、その専門家に支援の提案を直接依頼できます（セルフマッチング、NAT-10）。",
                "Matching: you already have an expert, so ask them directly for a support proposal (self-matching, NAT-10).",
            ),
            _ => t(
                "マッチング：相談案件を登録すると、登録済みのIT専門家から支援の提案が届きます（事務局マッチング）。相手が決まっていれば、直接依頼もできます（セルフマッチング、NAT-10）。",
                "Matching: register a consultation case and registered IT experts will propose support (secretariat matching); if you already know an expert, ask them directly (self-matching, NAT-10).",
            ),
        };
        steps.push(reason(vec!["NAT-10"], matching));
        steps.push(reason(vec!["NAT-11"], t(
            "支援計画：専門家と、支援の内容・時間・時間単価を決めた支援計画に合意します（NAT-11）。",
            "Support plan: agree with the expert on a support plan: what they will do, the hours and the hourly rate (NAT-11).",
        )));
        steps.push(reason(vec!["NAT-11", "NAT-9"], t(
            "契約と支援：準委任契約を結んで支援が始まります。終わったら支援実施報告（写真・契約書・請求書）と謝金の申請をします。謝金は事務局から専門家に支払われ、事業者は総額から謝金を引いた残りを専門家に払います（NAT-11, NAT-9）。",
            "Contract and support: sign a quasi-mandate contract and the support starts. Afterwards, file the support report (photos, contract, invoice) and the honorarium claim; the secretariat pays the honorarium to the expert, and you pay the expert the rest of the fee (NAT-11, NAT-9).",
        )));
    }
    if simulate_with.contains(&Scheme::Nagano) {
        let combined = simulate_with.contains(&Scheme::National);
        let (rules, text) = if combined {
            (vec!["NGN-5", "NGN-7", "NGN-8"], t(
                "長野県の上乗せ：国の謝金が支払われる前に、事業計画書（専門家・支援の内容・謝金単価・時間）を付けて、長野県中小企業振興センターのAI・IoT等先端技術利活用支援拠点（TEL 026-227-5028）に申請します。期限は下の一覧で確かめてください（NGN-5, NGN-7, NGN-8）。",
                "Nagano top-up: before the national honorarium is paid, apply with a business plan (expert, content, honorarium rate, hours) to the AI/IoT support hub of the Nagano SME Support Center (tel. 026-227-5028); see the deadlines listed (NGN-5, NGN-7, NGN-8).",
            ))
        } else {
            (vec!["NGN-6", "NGN-7", "NGN-8"], t(
                "長野県の補助（県補助のみ）：事業計画書（専門家・支援の内容・謝金単価・時間）を付けて、長野県中小企業振興センターのAI・IoT等先端技術利活用支援拠点（TEL 026-227-5028）に申請します。申請の期間は下の一覧で確かめてください（NGN-6, NGN-7, NGN-8）。",
                "Nagano subsidy (prefecture only): apply with a business plan (expert, content, honorarium rate, hours) to the AI/IoT support hub of the Nagano SME Support Center (tel. 026-227-5028); see the application period listed (NGN-6, NGN-7, NGN-8).",
            ))
        };
        steps.push(reason(rules, text));
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_number_is_echoed_as_rust_prints_it() {
        for n in [
            0.0,
            -0.0,
            6000.0,
            1.1,
            1e21,
            0.000001,
            -2.5e-8,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(echo(&Value::Number(n)), format!("{n}"), "{n}");
        }
        assert_eq!(
            echo(&Value::Text(format!(" {} ", "あ".repeat(50)))),
            "あ".repeat(40)
        );
    }
}
