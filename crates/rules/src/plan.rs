//! The support plan (支援計画書, national) and the Nagano business plan (事業計画書, NGN-7):
//! a draft as typed, its validation against the rules and the dates in force, and the two
//! documents rendered as Markdown, HTML, JSON and Word (.docx, see [`crate::docx`]).
//!
//! The flow is the core's usual one: a loose [`PlanDraft`] (every field a string as typed, so
//! that JSON re-imports to exactly the same draft) → [`check`] → errors (which block every
//! output) and warnings (printed on the documents) → [`documents`], a small format-neutral
//! document model → one renderer per format. Every user string is sanitised once
//! ([`clean_text`]) and escaped by each renderer for its own syntax.

use crate::cost::{simulate, Schemes, Simulation, SimulationInput, MAX_HOURS};
use crate::document::escape_markup;
pub use crate::document::{clean_text, Block, Document};
use crate::eligibility::ExpertKind;
use crate::format::{hours as fmt_hours, yen};
use crate::input::{number_field, parse_date_field, ErrorKind, NumberRule, Value};
use crate::params::{Params, DATES, STAMP};
use crate::{Date, Locale};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The draft format version written by this code. Older versions are migrated on import.
pub const DRAFT_VERSION: u32 = 1;
/// The longest text accepted in one field (characters).
pub const MAX_TEXT: usize = 10_000;
/// The most steps a plan may have.
pub const MAX_STEPS: usize = 100;

/// The case study's steps (001): 現状把握・業務分析 → … → 改善策提案.
pub const TEMPLATE_STEPS: [&str; 7] = [
    "現状把握・業務分析",
    "課題特定",
    "ツール選定",
    "導入支援",
    "運用支援",
    "効果測定",
    "改善策提案",
];

/// Partner sites send numbers where the draft keeps text as typed: every number becomes its
/// text and `null` an empty field, except `version` and the `over100km` flag.
fn numbers_to_text(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.retain(|_, x| !x.is_null());
            for (k, x) in map.iter_mut() {
                if k == "version" || k == "over100km" {
                    continue;
                }
                match x {
                    serde_json::Value::Number(n) => *x = serde_json::Value::String(n.to_string()),
                    _ => numbers_to_text(x),
                }
            }
        }
        serde_json::Value::Array(items) => {
            for x in items.iter_mut() {
                numbers_to_text(x);
            }
        }
        _ => {}
    }
}

/// The business (申請者).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PlanSme"))]
pub struct PlanSme {
    pub name: String,
    /// `"nagano"` (長野県内) or `"other"` (NGN-1).
    pub location: String,
    /// 所在地 as written.
    pub address: String,
    pub industry: String,
    /// 資本金 in yen, as typed.
    #[cfg_attr(feature = "ts", ts(type = "string | number"))]
    pub capital: String,
    #[cfg_attr(feature = "ts", ts(type = "string | number"))]
    pub employees: String,
    /// 担当者
    pub contact_name: String,
    pub phone: String,
    pub email: String,
}

/// The IT expert (EXP-1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PlanExpert"))]
pub struct PlanExpert {
    pub name: String,
    /// `freelancer`, `sideJob`, `smeSupporter`, `other` or `undecided` (EXP-1).
    pub kind: String,
    pub affiliation: String,
    pub contact: String,
}

/// One support step with its hours.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanStep {
    pub title: String,
    pub detail: String,
    #[cfg_attr(feature = "ts", ts(type = "string | number"))]
    pub hours: String,
}

/// Travel (NAT-8): recorded, not computed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanTravel {
    /// The expert travels 100 km or more one way.
    pub over100km: bool,
    pub note: String,
}

/// A support plan as typed: every value a string, so a JSON export re-imports exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanDraft {
    /// Draft format version ([`DRAFT_VERSION`]).
    pub version: u32,
    /// `"combined"` (国・県制度利用), `"national"` or `"naganoOnly"` (県補助のみ).
    pub mode: String,
    pub sme: PlanSme,
    pub expert: PlanExpert,
    /// Always `"quasiMandate"` (準委任, NAT-6); anything else is refused.
    pub contract: String,
    pub issue: String,
    pub background: String,
    pub goals: String,
    pub measurement: String,
    pub steps: Vec<PlanStep>,
    /// 契約日 `YYYY-MM-DD` (national modes).
    pub contract_date: String,
    /// 長野県への申請日 `YYYY-MM-DD` (Nagano modes).
    pub application_date: String,
    pub start: String,
    pub end: String,
    /// Hourly rate in yen (tax included), as typed.
    #[cfg_attr(feature = "ts", ts(type = "string | number"))]
    pub rate: String,
    #[cfg_attr(feature = "ts", ts(type = "string | number"))]
    pub sme_prior_honorarium: String,
    #[cfg_attr(feature = "ts", ts(type = "string | number"))]
    pub expert_prior_honorarium: String,
    #[cfg_attr(feature = "ts", ts(type = "string | number"))]
    pub nagano_prior_hours: String,
    pub travel: PlanTravel,
}

impl Default for PlanDraft {
    /// An empty plan with the case study's steps, combined mode, 準委任.
    fn default() -> PlanDraft {
        PlanDraft {
            version: DRAFT_VERSION,
            mode: "combined".into(),
            sme: PlanSme::default(),
            expert: PlanExpert::default(),
            contract: "quasiMandate".into(),
            issue: String::new(),
            background: String::new(),
            goals: String::new(),
            measurement: String::new(),
            steps: TEMPLATE_STEPS
                .iter()
                .map(|t| PlanStep {
                    title: (*t).into(),
                    ..PlanStep::default()
                })
                .collect(),
            contract_date: String::new(),
            application_date: String::new(),
            start: String::new(),
            end: String::new(),
            rate: String::new(),
            sme_prior_honorarium: String::new(),
            expert_prior_honorarium: String::new(),
            nagano_prior_hours: String::new(),
            travel: PlanTravel::default(),
        }
    }
}

/// Why a JSON draft could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON, or not a draft's shape.
    Malformed(String),
    /// Written by a newer version of the app.
    TooNew(u32),
}

impl ImportError {
    pub fn message(&self, locale: Locale) -> String {
        match (self, locale) {
            (ImportError::Malformed(_), Locale::Ja) => {
                "計画書のJSONファイルとして読み込めませんでした。ouenで保存したファイルを選んでください。".into()
            }
            (ImportError::Malformed(_), Locale::En) => {
                "This is not a plan JSON file saved by ouen.".into()
            }
            (ImportError::TooNew(v), Locale::Ja) => format!(
                "新しい版（形式{v}）のouenで作られたファイルです。アプリを更新してから開いてください。"
            ),
            (ImportError::TooNew(v), Locale::En) => {
                format!("This file was made by a newer ouen (format {v}); update the app.")
            }
        }
    }
}

/// Brings an older draft (as JSON) up to [`DRAFT_VERSION`]. Version 0 is the pre-release
/// shape: no `version`, a single `hours` total and `schedule: {start, end}`.
pub fn migrate(mut v: serde_json::Value) -> Result<serde_json::Value, ImportError> {
    let obj = v
        .as_object_mut()
        .ok_or_else(|| ImportError::Malformed("not an object".into()))?;
    let version = match obj.get("version") {
        None => 0,
        Some(n) => n
            .as_u64()
            .ok_or_else(|| ImportError::Malformed("version".into()))? as u32,
    };
    if version > DRAFT_VERSION {
        return Err(ImportError::TooNew(version));
    }
    if version == 0 {
        // v0 → v1: `schedule` split into `start`/`end`; a bare `hours` becomes one step.
        if let Some(serde_json::Value::Object(s)) = obj.remove("schedule") {
            for k in ["start", "end"] {
                if let Some(x) = s.get(k) {
                    obj.insert(k.into(), x.clone());
                }
            }
        }
        if let Some(h) = obj.remove("hours") {
            if !obj.contains_key("steps") {
                obj.insert(
                    "steps".into(),
                    serde_json::json!([{ "title": "支援", "detail": "", "hours": h }]),
                );
            }
        }
        obj.insert("version".into(), serde_json::json!(1));
    }
    Ok(v)
}

impl PlanDraft {
    /// Reads a draft exported as JSON (any version up to this one).
    pub fn from_json(text: &str) -> Result<PlanDraft, ImportError> {
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ImportError::Malformed(e.to_string()))?;
        let mut v = migrate(v)?;
        numbers_to_text(&mut v);
        serde_json::from_value(v).map_err(|e| ImportError::Malformed(e.to_string()))
    }

    /// The draft as pretty JSON; [`PlanDraft::from_json`] reads it back to an equal draft.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Sum of the steps' hours, when every step's hours parse.
    pub fn total_hours(&self) -> Option<Decimal> {
        let mut sum = Decimal::ZERO;
        for s in &self.steps {
            let d = parse_hours(&s.hours).ok()?;
            sum += d;
        }
        Some(sum)
    }
}

/// Which schemes the plan uses (NGN-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum PlanMode {
    Combined,
    National,
    NaganoOnly,
}

impl PlanMode {
    pub fn parse(s: &str) -> Option<PlanMode> {
        match s.trim() {
            "combined" => Some(PlanMode::Combined),
            "national" => Some(PlanMode::National),
            "naganoOnly" => Some(PlanMode::NaganoOnly),
            _ => None,
        }
    }
    pub fn id(self) -> &'static str {
        match self {
            PlanMode::Combined => "combined",
            PlanMode::National => "national",
            PlanMode::NaganoOnly => "naganoOnly",
        }
    }
    pub fn schemes(self) -> Schemes {
        match self {
            PlanMode::Combined => Schemes::COMBINED,
            PlanMode::National => Schemes::NATIONAL,
            PlanMode::NaganoOnly => Schemes::NAGANO_ONLY,
        }
    }
    pub fn national(self) -> bool {
        self != PlanMode::NaganoOnly
    }
    pub fn nagano(self) -> bool {
        self != PlanMode::National
    }
    pub fn label(self) -> &'static str {
        match self {
            PlanMode::Combined => "国・県制度利用（国の謝金＋長野県の補助）",
            PlanMode::National => "国の制度のみ（中小企業デジタル化応援隊事業）",
            PlanMode::NaganoOnly => "県補助のみ（長野県IT・デジタル化補助金）",
        }
    }
}

/// One problem found in a draft. `field` is a path in the draft (`sme.name`,
/// `steps.2.hours`, `end`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanIssue {
    pub field: String,
    pub rules: Vec<&'static str>,
    pub message: String,
}

fn issue(
    field: impl Into<String>,
    rules: &[&'static str],
    message: impl Into<String>,
) -> PlanIssue {
    PlanIssue {
        field: field.into(),
        rules: rules.to_vec(),
        message: message.into(),
    }
}

/// A checked plan: errors block every output; warnings are printed on the documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanCheck {
    pub errors: Vec<PlanIssue>,
    pub warnings: Vec<PlanIssue>,
    /// Sum of the steps' hours, when they all parse.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    #[serde(with = "crate::format::as_number_opt")]
    pub total_hours: Option<Decimal>,
    /// The cost split from the rules core, when rate, hours and mode are valid.
    pub simulation: Option<Simulation>,
}

impl PlanCheck {
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

fn parse_hours(s: &str) -> Result<Decimal, crate::InputError> {
    number_field(
        "hours",
        Some(&Value::Text(s.to_string())),
        None,
        NumberRule {
            whole: None,
            max_decimals: crate::cost::HOURS_DECIMALS,
            positive: true,
            max: Decimal::from(MAX_HOURS),
        },
    )
}

/// A programme date as in force on the plan's date (`as_of`: its contract date, else its
/// application date, else its start), as the figures are; the latest with none.
fn date_param(id: &str, as_of: Option<Date>) -> Date {
    DATES
        .iter()
        .find(|d| d.id == id)
        .map(|d| d.on(as_of).value)
        // build.rs guarantees these ids; a missing one is a programming error caught by tests.
        .unwrap_or_else(|| panic!("date parameter {id} missing"))
}

fn dj(d: Date) -> String {
    d.format_ja_with_wareki()
}

/// A date in a check message: 和暦 beside it in Japanese, `5 February 2021` in English.
fn dl(d: Date, locale: Locale) -> String {
    d.format(locale)
}

/// The message in `locale`: Japanese or English.
fn tx(locale: Locale, ja: impl Into<String>, en: impl Into<String>) -> String {
    match locale {
        Locale::Ja => ja.into(),
        Locale::En => en.into(),
    }
}

/// What follows the field's label in a core input message (`支援時間：…` / `Support hours: …`).
fn after_label(m: String) -> String {
    m.split_once('：')
        .or_else(|| m.split_once(": "))
        .map(|x| x.1.to_string())
        .unwrap_or(m)
}

/// The validated facts the documents need.
struct Facts {
    mode: PlanMode,
    expert_kind: Option<ExpertKind>,
    start: Option<Date>,
    end: Option<Date>,
    contract_date: Option<Date>,
    application_date: Option<Date>,
    phase_two: bool,
}

/// Checks a draft against the rules and the dates in force. Every problem is reported,
/// in Japanese (the documents' language); see [`check_in`] for the interface's language.
pub fn check(d: &PlanDraft) -> PlanCheck {
    check_in(d, Locale::Ja)
}

/// [`check`] with the messages in `locale` (the documents themselves stay Japanese).
pub fn check_in(d: &PlanDraft, locale: Locale) -> PlanCheck {
    check_facts(d, locale).0
}

fn check_facts(d: &PlanDraft, l: Locale) -> (PlanCheck, Facts) {
    let mut errors: Vec<PlanIssue> = Vec::new();
    let mut warnings: Vec<PlanIssue> = Vec::new();
    // `label` is (Japanese, English).
    let req = |errors: &mut Vec<PlanIssue>, field: &str, label: (&str, &str), v: &str| {
        if v.trim().is_empty() {
            errors.push(issue(
                field,
                &[],
                tx(
                    l,
                    format!("{}を入力してください。", label.0),
                    format!("Please enter the {}.", label.1),
                ),
            ));
        }
    };
    let long = |errors: &mut Vec<PlanIssue>, field: &str, label: (&str, &str), v: &str| {
        if v.chars().count() > MAX_TEXT {
            errors.push(issue(
                field,
                &[],
                tx(
                    l,
                    format!("{}は{MAX_TEXT}文字以内にしてください。", label.0),
                    format!(
                        "The {} must be at most {MAX_TEXT} characters long.",
                        label.1
                    ),
                ),
            ));
        }
    };

    if d.version > DRAFT_VERSION {
        errors.push(issue(
            "version",
            &[],
            ImportError::TooNew(d.version).message(l),
        ));
    }
    let mode = PlanMode::parse(&d.mode);
    if mode.is_none() {
        errors.push(issue(
            "mode",
            &["NGN-4"],
            tx(
                l,
                "利用する制度を「国・県制度利用」「国の制度のみ」「県補助のみ」から選んでください。",
                "Choose the programmes to use: combined, national programme only, or prefecture only.",
            ),
        ));
    }
    let mode = mode.unwrap_or(PlanMode::National);

    // Required and over-long text fields, in document order.
    let texts: [(&str, (&str, &str), &str, bool); 16] = [
        ("sme.name", ("事業者名", "business name"), &d.sme.name, true),
        ("sme.address", ("所在地", "address"), &d.sme.address, true),
        ("sme.industry", ("業種", "industry"), &d.sme.industry, true),
        ("sme.capital", ("資本金", "capital"), &d.sme.capital, false),
        (
            "sme.employees",
            ("従業員数", "number of employees"),
            &d.sme.employees,
            true,
        ),
        (
            "sme.contactName",
            ("担当者名", "contact person"),
            &d.sme.contact_name,
            true,
        ),
        (
            "sme.phone",
            ("電話番号", "phone number"),
            &d.sme.phone,
            true,
        ),
        (
            "sme.email",
            ("メールアドレス", "email address"),
            &d.sme.email,
            false,
        ),
        (
            "expert.name",
            ("IT専門家の氏名", "IT expert's name"),
            &d.expert.name,
            true,
        ),
        (
            "expert.affiliation",
            ("所属", "affiliation"),
            &d.expert.affiliation,
            false,
        ),
        (
            "expert.contact",
            ("IT専門家の連絡先", "IT expert's contact details"),
            &d.expert.contact,
            false,
        ),
        ("issue", ("課題", "issue"), &d.issue, true),
        ("background", ("背景", "background"), &d.background, false),
        ("goals", ("目標", "goals"), &d.goals, true),
        (
            "measurement",
            ("効果の測り方", "way to measure the results"),
            &d.measurement,
            true,
        ),
        (
            "travel.note",
            ("旅費の備考", "travel note"),
            &d.travel.note,
            false,
        ),
    ];
    for (field, label, v, required) in texts {
        if required {
            req(&mut errors, field, label, v);
        }
        long(&mut errors, field, label, v);
    }
    let number_rule = |positive| NumberRule {
        whole: Some(ErrorKind::NotWholeNumber),
        max_decimals: 0,
        positive,
        max: Decimal::from(1_000_000_000_000_000i64),
    };
    if !d.sme.capital.trim().is_empty() {
        if let Err(e) = number_field(
            "capital",
            Some(&Value::Text(d.sme.capital.clone())),
            None,
            number_rule(false),
        ) {
            errors.push(issue("sme.capital", &[], e.message(l)));
        }
    }
    if !d.sme.employees.trim().is_empty() {
        if let Err(e) = number_field(
            "employees",
            Some(&Value::Text(d.sme.employees.clone())),
            None,
            number_rule(false),
        ) {
            errors.push(issue("sme.employees", &[], e.message(l)));
        }
    }
    if mode.nagano() && d.sme.location.trim() != "nagano" {
        errors.push(issue(
            "sme.location",
            &["NGN-1"],
            tx(
                l,
                "長野県の補助は県内の事業者が対象です。所在地が長野県内なら「長野県内」を選んでください。県外なら「国の制度のみ」を選んでください。",
                "The Nagano subsidy is for businesses in Nagano Prefecture. If you are in Nagano, choose \"In Nagano Prefecture\"; if not, choose \"National programme only\".",
            ),
        ));
    }

    // The expert (EXP-1).
    let expert_kind = ExpertKind::parse(&d.expert.kind);
    match expert_kind {
        None => errors.push(issue(
            "expert.kind",
            &["EXP-1"],
            tx(
                l,
                "IT専門家の種類（フリーランス・副業/兼業・SMEサポーター所属）を選んでください。",
                "Choose the kind of IT expert (freelancer, side job, or member of an SME Supporter).",
            ),
        )),
        Some(ExpertKind::Undecided) => errors.push(issue(
            "expert.kind",
            &["EXP-1", "NGN-7"],
            tx(
                l,
                "計画書にはIT専門家を書く必要があります。決まっていなければ、AI・IoT等先端技術利活用支援拠点（TEL 026-227-5028）に相談できます。",
                "The plan must name the IT expert. If you have none yet, the Nagano AI/IoT support hub (tel. 026-227-5028) can help.",
            ),
        )),
        Some(ExpertKind::Other) if mode.national() => errors.push(issue(
            "expert.kind",
            &["EXP-1"],
            tx(
                l,
                "国の制度のIT専門家は、フリーランスの個人、許可を得た副業・兼業の人、または認定情報処理支援機関（SMEサポーター）に所属する人です。所属先が認定を受けているか確認してください。",
                "Under the national programme the IT expert is a freelancer, someone with an authorised side job, or a member of a certified IT support organisation (SME Supporter). Check that the organisation is certified.",
            ),
        )),
        Some(ExpertKind::Other) => warnings.push(issue(
            "expert.kind",
            &["EXP-1"],
            tx(
                l,
                "IT専門家の種類が「そのほか」です。申請前に支援拠点に確認してください。",
                "The IT expert's kind is \"Other\". Check with the support hub before applying.",
            ),
        )),
        _ => {}
    }
    if expert_kind == Some(ExpertKind::SmeSupporter) && d.expert.affiliation.trim().is_empty() {
        errors.push(issue(
            "expert.affiliation",
            &["EXP-1"],
            tx(
                l,
                "SMEサポーターに所属する専門家は、所属する認定情報処理支援機関の名前を入力してください。",
                "For an expert from an SME Supporter, enter the name of the certified IT support organisation.",
            ),
        ));
    }

    // Contract type (NAT-6).
    if d.contract.trim() != "quasiMandate" {
        errors.push(issue(
            "contract",
            &["NAT-6"],
            tx(
                l,
                "対象になるのは準委任契約（作業・助言の提供）だけです。成果物の納品を約束する請負契約は対象外です。",
                "Only a quasi-mandate contract (work and advice) is eligible. A contract for work, which promises deliverables, is not.",
            ),
        ));
    }

    // Steps and hours.
    if d.steps.is_empty() {
        errors.push(issue(
            "steps",
            &[],
            tx(
                l,
                "支援の手順を1つ以上入力してください。",
                "Please enter at least one support step.",
            ),
        ));
    }
    if d.steps.len() > MAX_STEPS {
        errors.push(issue(
            "steps",
            &[],
            tx(
                l,
                format!("支援の手順は{MAX_STEPS}個までです。"),
                format!("At most {MAX_STEPS} support steps."),
            ),
        ));
    }
    let mut total = Some(Decimal::ZERO);
    for (i, s) in d.steps.iter().enumerate() {
        let n = i + 1;
        if s.title.trim().is_empty() {
            errors.push(issue(
                format!("steps.{i}.title"),
                &[],
                tx(
                    l,
                    format!("手順{n}の名前を入力してください。"),
                    format!("Please enter the name of step {n}."),
                ),
            ));
        }
        long(
            &mut errors,
            &format!("steps.{i}.title"),
            (&format!("手順{n}の名前"), &format!("name of step {n}")),
            &s.title,
        );
        long(
            &mut errors,
            &format!("steps.{i}.detail"),
            (
                &format!("手順{n}の内容"),
                &format!("description of step {n}"),
            ),
            &s.detail,
        );
        match parse_hours(&s.hours) {
            Ok(h) => total = total.map(|t| t + h),
            Err(e) => {
                total = None;
                let what = after_label(e.message(l));
                errors.push(issue(
                    format!("steps.{i}.hours"),
                    &[],
                    tx(
                        l,
                        format!("手順{n}の時間：{what}"),
                        format!("Hours of step {n}: {what}"),
                    ),
                ));
            }
        }
    }
    if let Some(t) = total {
        if t > Decimal::from(MAX_HOURS) {
            errors.push(issue(
                "steps",
                &[],
                tx(
                    l,
                    format!("支援時間の合計は{}時間以下にしてください。", MAX_HOURS),
                    format!("The total support hours must be at most {MAX_HOURS} h."),
                ),
            ));
            total = None;
        }
    }

    // Dates.
    let date =
        |errors: &mut Vec<PlanIssue>, field: &str, label: (&str, &str), v: &str, needed: bool| {
            if v.trim().is_empty() {
                if needed {
                    req(errors, field, label, v);
                }
                return None;
            }
            match parse_date_field("date", v) {
                Ok(d) => Some(d),
                Err(e) => {
                    let m = after_label(e.message(l));
                    let mut en = label.1.to_string();
                    if let Some(c) = en.get_mut(0..1) {
                        c.make_ascii_uppercase();
                    }
                    errors.push(issue(
                        field,
                        &[],
                        tx(l, format!("{}：{m}", label.0), format!("{en}: {m}")),
                    ));
                    None
                }
            }
        };
    let contract_date = date(
        &mut errors,
        "contractDate",
        ("契約日", "contract date"),
        &d.contract_date,
        mode.national(),
    );
    let application_date = date(
        &mut errors,
        "applicationDate",
        ("長野県への申請日", "date of the application to Nagano"),
        &d.application_date,
        mode.nagano(),
    );
    let start = date(
        &mut errors,
        "start",
        ("支援の開始日", "start date of the support"),
        &d.start,
        true,
    );
    let end = date(
        &mut errors,
        "end",
        ("支援の終了日", "end date of the support"),
        &d.end,
        true,
    );
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            errors.push(issue(
                "end",
                &[],
                tx(
                    l,
                    "支援の終了日は開始日より後にしてください。",
                    "The end date must be after the start date.",
                ),
            ));
        }
    }
    if let (Some(c), Some(s)) = (contract_date, start) {
        if s < c {
            errors.push(issue(
                "start",
                &["NAT-11"],
                tx(
                    l,
                    "支援は契約を結んでから始めます。開始日を契約日以降にしてください。",
                    "Support starts after the contract is signed. Set the start date on or after the contract date.",
                ),
            ));
        }
    }

    // The plan's date: the figures and the programme dates are those in force on it.
    let as_of = contract_date.or(application_date).or(start);
    let mut phase_two = false;
    if mode.national() {
        let p1_start = date_param("nationalP1RegistrationStart", as_of);
        let p1_support_end = date_param("nationalP1SupportEnd", as_of);
        let p2_start = date_param("nationalP2Start", as_of);
        let p2_contract_end = date_param("nationalP2ContractEnd", as_of);
        let p2_support_end = date_param("nationalP2SupportEnd", as_of);
        if let Some(c) = contract_date {
            if c < p1_start {
                errors.push(issue(
                    "contractDate",
                    &["NAT-P1"],
                    tx(
                        l,
                        format!("契約日が第Ⅰ期の開始（{}）より前です。", dj(p1_start)),
                        format!(
                            "The contract date is before Phase I opens ({}).",
                            dl(p1_start, l)
                        ),
                    ),
                ));
            } else if c <= p1_support_end {
                if let Some(e) = end {
                    if e > p1_support_end {
                        errors.push(issue(
                            "end",
                            &["NAT-P1"],
                            tx(
                                l,
                                format!(
                                    "第Ⅰ期の支援は{}までに終える必要があります。終了日を早めるか、第Ⅱ期（{}から）に契約してください。",
                                    dj(p1_support_end),
                                    dj(p2_start)
                                ),
                                format!(
                                    "Phase I support must end by {}. Bring the end date forward, or sign the contract in Phase II (from {}).",
                                    dl(p1_support_end, l),
                                    dl(p2_start, l)
                                ),
                            ),
                        ));
                    }
                }
            } else if c < p2_start {
                errors.push(issue(
                    "contractDate",
                    &["NAT-P1", "NAT-P2"],
                    tx(
                        l,
                        format!(
                            "第Ⅰ期（{}まで）と第Ⅱ期（{}から）の間は契約できません。",
                            dj(p1_support_end),
                            dj(p2_start)
                        ),
                        format!(
                            "No contract can be signed between Phase I (until {}) and Phase II (from {}).",
                            dl(p1_support_end, l),
                            dl(p2_start, l)
                        ),
                    ),
                ));
            } else {
                phase_two = true;
                if c > p2_contract_end {
                    errors.push(issue(
                        "contractDate",
                        &["NAT-P4"],
                        tx(
                            l,
                            format!("第Ⅱ期の支援計画の契約は{}までです。", dj(p2_contract_end)),
                            format!(
                                "Phase II support-plan contracts must be signed by {}.",
                                dl(p2_contract_end, l)
                            ),
                        ),
                    ));
                }
                if let Some(e) = end {
                    if e > p2_support_end {
                        errors.push(issue(
                            "end",
                            &["NAT-P4"],
                            tx(
                                l,
                                format!(
                                    "第Ⅱ期の支援は{}までに終える必要があります。",
                                    dj(p2_support_end)
                                ),
                                format!("Phase II support must end by {}.", dl(p2_support_end, l)),
                            ),
                        ));
                    }
                }
            }
        }
        if phase_two {
            warnings.push(issue(
                "contractDate",
                &["NAT-P5"],
                tx(
                    l,
                    "予算の状況により、期限より前に登録・契約の受付が終了する場合があります。",
                    "Depending on the budget, registration and contracts may close before the deadline.",
                ),
            ));
        }
    }
    if mode == PlanMode::Combined {
        let app_end = date_param("naganoCombinedApplicationEnd", as_of);
        let support_end = date_param("naganoCombinedSupportEnd", as_of);
        let report_end = date_param("naganoCombinedReportEnd", as_of);
        if let Some(a) = application_date {
            if a > app_end {
                errors.push(issue(
                    "applicationDate",
                    &["NGN-5"],
                    tx(
                        l,
                        format!(
                            "国・県制度利用の長野県への申請は{}まで（謝金の支払いより前）です。締切後は「県補助のみ」を検討してください。",
                            dj(app_end)
                        ),
                        format!(
                            "With the combined programmes, apply to Nagano by {} (before the honorarium is paid). After that, consider \"Prefecture only\".",
                            dl(app_end, l)
                        ),
                    ),
                ));
            }
        }
        if let Some(e) = end {
            if e > support_end {
                errors.push(issue(
                    "end",
                    &["NGN-5"],
                    tx(
                        l,
                        format!(
                            "国・県制度利用の支援は{}までに終える必要があります。",
                            dj(support_end)
                        ),
                        format!(
                            "With the combined programmes, support must end by {}.",
                            dl(support_end, l)
                        ),
                    ),
                ));
            }
        }
        if phase_two {
            errors.push(issue(
                "contractDate",
                &["NGN-5"],
                tx(
                    l,
                    "長野県の補助（令和2年度）は第Ⅰ期の支援が対象です。第Ⅱ期の契約なら「国の制度のみ」を選んでください。",
                    "The Nagano subsidy (fiscal 2020) covers Phase I support. For a Phase II contract, choose \"National programme only\".",
                ),
            ));
        }
        warnings.push(issue(
            "applicationDate",
            &["NGN-5"],
            tx(
                l,
                format!(
                    "長野県への申請は謝金の支払い前、または{}のいずれか早い日まで。実績報告は謝金の支払後1か月以内、または{}のいずれか早い日までです。",
                    dj(app_end),
                    dj(report_end)
                ),
                format!(
                    "Apply to Nagano before the honorarium is paid or by {}, whichever is earlier. Report the results within one month of the payment or by {}, whichever is earlier.",
                    dl(app_end, l),
                    dl(report_end, l)
                ),
            ),
        ));
    }
    if mode == PlanMode::NaganoOnly {
        let app_start = date_param("naganoOnlyApplicationStart", as_of);
        let app_end = date_param("naganoOnlyApplicationEnd", as_of);
        let support_end = date_param("naganoOnlySupportEnd", as_of);
        if let Some(a) = application_date {
            if a < app_start || a > app_end {
                errors.push(issue(
                    "applicationDate",
                    &["NGN-6"],
                    tx(
                        l,
                        format!(
                            "県補助のみの申請期間は{}から{}までです。",
                            dj(app_start),
                            dj(app_end)
                        ),
                        format!(
                            "Applications for the prefecture-only subsidy run from {} to {}.",
                            dl(app_start, l),
                            dl(app_end, l)
                        ),
                    ),
                ));
            }
        }
        if let Some(e) = end {
            if e > support_end {
                errors.push(issue(
                    "end",
                    &["NGN-6"],
                    tx(
                        l,
                        format!("県補助のみの支援と実績報告は{}までです。", dj(support_end)),
                        format!(
                            "Prefecture-only support and its report must be done by {}.",
                            dl(support_end, l)
                        ),
                    ),
                ));
            }
        }
        if let (Some(a), Some(s)) = (application_date, start) {
            if s < a {
                warnings.push(issue(
                    "start",
                    &["NGN-6"],
                    tx(
                        l,
                        "申請日より前に始めた支援が補助の対象になるか、支援拠点に確認してください。",
                        "Check with the support hub whether support started before the application date is covered.",
                    ),
                ));
            }
        }
    }

    // Rate and priors; the cost split comes from the rules core.
    let p = Params::in_force(as_of);
    let rate = number_field(
        "rate",
        Some(&Value::Text(d.rate.clone())),
        None,
        NumberRule {
            whole: Some(ErrorKind::NotWholeYen),
            max_decimals: 0,
            positive: true,
            max: Decimal::from(crate::cost::MAX_RATE),
        },
    );
    let rate = match rate {
        Ok(r) if r <= p.min_self_pay_per_hour.value => {
            errors.push(issue(
                "rate",
                &["NAT-2"],
                tx(
                    l,
                    format!(
                        "時間単価が{}以下だと補助はありません。事業者は1時間あたり{}以上を負担します。",
                        yen(p.min_self_pay_per_hour.value, Locale::Ja),
                        yen(p.min_self_pay_per_hour.value, Locale::Ja)
                    ),
                    format!(
                        "At an hourly rate of {} or less there is no subsidy: the business pays at least {} per hour.",
                        yen(p.min_self_pay_per_hour.value, Locale::En),
                        yen(p.min_self_pay_per_hour.value, Locale::En)
                    ),
                ),
            ));
            None
        }
        Ok(r) => Some(r),
        Err(e) => {
            errors.push(issue("rate", &[], e.message(l)));
            None
        }
    };
    let raw = crate::cost::RawSimulationInput {
        rate: Some(Value::Text(d.rate.clone())),
        hours: total.map(|t| Value::Text(t.to_string())),
        schemes: Some(Value::List(
            mode.schemes()
                .list()
                .iter()
                .map(|s| {
                    Value::Text(
                        match s {
                            crate::Scheme::National => "national",
                            crate::Scheme::Nagano => "nagano",
                        }
                        .into(),
                    )
                })
                .collect(),
        )),
        sme_prior_honorarium: Some(Value::Text(d.sme_prior_honorarium.clone())),
        expert_prior_honorarium: Some(Value::Text(d.expert_prior_honorarium.clone())),
        nagano_prior_hours: Some(Value::Text(d.nagano_prior_hours.clone())),
        as_of: as_of.map(|a| Value::Text(a.to_string())),
    };
    let mut simulation = None;
    match raw.validate() {
        Ok(input) => {
            if rate.is_some() {
                let input = SimulationInput { ..input };
                let sim = simulate(&input, l);
                for w in &sim.warnings {
                    warnings.push(PlanIssue {
                        field: "rate".into(),
                        rules: w.rules.clone(),
                        message: w.message.clone(),
                    });
                }
                simulation = Some(sim);
            }
        }
        Err(errs) => {
            for e in errs {
                let field = match e.field {
                    "smePriorHonorarium" | "expertPriorHonorarium" | "naganoPriorHours" => e.field,
                    _ => continue, // rate, hours and dates are reported above
                };
                errors.push(issue(field, &["NAT-3", "NAT-4", "NGN-3"], e.message(l)));
            }
        }
    }
    if d.travel.over100km {
        warnings.push(issue(
            "travel",
            &["NAT-8"],
            tx(
                l,
                "片道100km以上の移動があるため、旅費は事務局の規程により1回分が支払われます（金額はこの計画書では計算していません）。",
                "The expert travels 100 km or more one way, so the secretariat pays travel costs for one trip under its rules (this plan does not calculate the amount).",
            ),
        ));
    }
    let _ = p;
    (
        PlanCheck {
            errors,
            warnings,
            total_hours: total,
            simulation,
        },
        Facts {
            mode,
            expert_kind,
            start,
            end,
            contract_date,
            application_date,
            phase_two,
        },
    )
}

/// Options for rendering: the date the document is made (the caller's "today").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    pub made_on: Date,
}

/// Why a plan could not be rendered: its errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    pub errors: Vec<PlanIssue>,
}

fn or_dash(s: &str) -> String {
    let c = clean_text(s.trim());
    if c.is_empty() {
        "—".into()
    } else {
        c
    }
}

fn expert_kind_label(k: Option<ExpertKind>) -> &'static str {
    match k {
        Some(ExpertKind::Freelancer) => "フリーランスの個人",
        Some(ExpertKind::SideJob) => "副業・兼業（勤務先の許可あり）",
        Some(ExpertKind::SmeSupporter) => "認定情報処理支援機関（SMEサポーター）に所属",
        Some(ExpertKind::Other) => "そのほか",
        Some(ExpertKind::Undecided) | None => "未定",
    }
}

fn location_label(s: &str) -> &'static str {
    match s.trim() {
        "nagano" => "長野県内",
        "other" => "長野県外",
        _ => "—",
    }
}

fn date_cell(d: Option<Date>) -> String {
    d.map(dj).unwrap_or_else(|| "—".into())
}

/// The two documents, or the errors that block them.
pub fn documents(d: &PlanDraft, opts: RenderOptions) -> Result<Vec<Document>, Blocked> {
    // The documents are government forms: always Japanese.
    let (check, f) = check_facts(d, Locale::Ja);
    if !check.ok() {
        return Err(Blocked {
            errors: check.errors,
        });
    }
    let sim = match &check.simulation {
        Some(s) => s,
        None => {
            return Err(Blocked {
                errors: vec![issue("rate", &[], "費用を計算できませんでした。")],
            })
        }
    };
    let total = check.total_hours.unwrap_or_default();
    let footer = format!(
        "ルールセット {}（{}）・作成日 {}・ouen で作成（データは端末の外に送信されていません）",
        STAMP.version,
        STAMP.hash,
        dj(opts.made_on)
    );
    let rate = parse_rate(&d.rate);
    let sme_fields = vec![
        ("事業者名".to_string(), or_dash(&d.sme.name)),
        (
            "所在地".to_string(),
            format!(
                "{}（{}）",
                or_dash(&d.sme.address),
                location_label(&d.sme.location)
            ),
        ),
        ("業種".to_string(), or_dash(&d.sme.industry)),
        ("資本金".to_string(), money_text(&d.sme.capital)),
        (
            "常時使用する従業員数".to_string(),
            format!("{}人", or_dash(&d.sme.employees)),
        ),
        (
            "担当者・連絡先".to_string(),
            format!(
                "{} ／ TEL {} ／ {}",
                or_dash(&d.sme.contact_name),
                or_dash(&d.sme.phone),
                or_dash(&d.sme.email)
            ),
        ),
    ];
    let expert_fields = vec![
        ("氏名".to_string(), or_dash(&d.expert.name)),
        (
            "種類（EXP-1）".to_string(),
            expert_kind_label(f.expert_kind).into(),
        ),
        ("所属".to_string(), or_dash(&d.expert.affiliation)),
        ("連絡先".to_string(), or_dash(&d.expert.contact)),
    ];
    let steps_table = Block::Table {
        header: vec!["No.".into(), "手順".into(), "内容".into(), "時間".into()],
        rows: d
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    (i + 1).to_string(),
                    or_dash(&s.title),
                    or_dash(&s.detail),
                    parse_hours(&s.hours)
                        .map(|h| fmt_hours(h, Locale::Ja))
                        .unwrap_or_default(),
                ]
            })
            .chain(std::iter::once(vec![
                String::new(),
                "合計".into(),
                String::new(),
                fmt_hours(total, Locale::Ja),
            ]))
            .collect(),
    };
    let mut cost_rows = vec![
        ("時間単価（税込）".to_string(), yen(rate, Locale::Ja)),
        (
            "支援時間（手順の合計）".to_string(),
            fmt_hours(total, Locale::Ja),
        ),
        ("費用の総額".to_string(), yen(sim.total_fee, Locale::Ja)),
    ];
    if let Some(n) = sim.subsidies.national {
        cost_rows.push(("国の謝金（事務局から専門家へ）".into(), yen(n, Locale::Ja)));
    }
    if let Some(n) = sim.subsidies.nagano {
        cost_rows.push(("長野県の補助".into(), yen(n, Locale::Ja)));
    }
    cost_rows.push(("事業者の自己負担".into(), yen(sim.self_pay, Locale::Ja)));
    let segments = Block::Table {
        header: vec![
            "時間".into(),
            "国の謝金/時".into(),
            "県の補助/時".into(),
            "自己負担/時".into(),
            "根拠".into(),
        ],
        rows: sim
            .segments
            .iter()
            .map(|s| {
                vec![
                    format!(
                        "{}〜{}",
                        crate::format::number(s.from),
                        fmt_hours(s.to, Locale::Ja)
                    ),
                    yen(s.national_per_hour, Locale::Ja),
                    yen(s.nagano_per_hour, Locale::Ja),
                    yen(s.self_pay_per_hour, Locale::Ja),
                    s.rules.join(", "),
                ]
            })
            .collect(),
    };
    let travel = if d.travel.over100km {
        format!(
            "片道100km以上の移動あり：旅費は事務局の規程により1回分支払われます（NAT-8）。{}",
            clean_text(d.travel.note.trim())
        )
    } else {
        let note = clean_text(d.travel.note.trim());
        if note.is_empty() {
            "片道100km以上の移動なし（NAT-8）。".into()
        } else {
            format!("片道100km以上の移動なし（NAT-8）。{note}")
        }
    };
    let notes: Vec<String> = check
        .warnings
        .iter()
        .map(|w| {
            if w.rules.iter().all(|r| w.message.contains(r)) {
                w.message.clone()
            } else {
                format!("{}（{}）", w.message, w.rules.join(", "))
            }
        })
        .chain(if sim.interpretations.is_empty() {
            None
        } else {
            Some(format!(
                "金額は解釈を含む見込みです（{}）。",
                sim.interpretations.join(", ")
            ))
        })
        .collect();
    let mut docs = Vec::new();

    if f.mode.national() {
        let mut b = vec![
            Block::Paragraph(format!(
                "中小企業デジタル化応援隊事業（{}）",
                if f.phase_two { "第Ⅱ期" } else { "第Ⅰ期" }
            )),
            Block::Heading("1. 支援を受ける事業者".into()),
            Block::Fields(sme_fields.clone()),
            Block::Heading("2. IT専門家".into()),
            Block::Fields(expert_fields.clone()),
            Block::Heading("3. 契約".into()),
            Block::Fields(vec![
                (
                    "契約の種類".into(),
                    "準委任契約（作業・助言の提供。成果物の納品を約束する請負契約ではありません。NAT-6）".into(),
                ),
                ("契約日".into(), date_cell(f.contract_date)),
                ("利用する制度".into(), f.mode.label().into()),
            ]),
            Block::Heading("4. 課題と背景".into()),
            Block::Fields(vec![
                ("課題".into(), or_dash(&d.issue)),
                ("背景".into(), or_dash(&d.background)),
            ]),
            Block::Heading("5. 目標と効果の測り方".into()),
            Block::Fields(vec![
                ("目標".into(), or_dash(&d.goals)),
                ("効果の測り方".into(), or_dash(&d.measurement)),
            ]),
            Block::Heading("6. 支援の手順と時間".into()),
            steps_table.clone(),
            Block::Heading("7. 日程".into()),
            Block::Fields(vec![
                ("支援の開始日".into(), date_cell(f.start)),
                ("支援の終了日".into(), date_cell(f.end)),
            ]),
            Block::Heading("8. 費用と負担の内訳".into()),
            Block::Fields(cost_rows.clone()),
            segments.clone(),
            Block::Heading("9. 旅費".into()),
            Block::Paragraph(travel.clone()),
        ];
        if !notes.is_empty() {
            b.push(Block::Heading("注意事項".into()));
            b.push(Block::Notes(notes.clone()));
        }
        docs.push(Document {
            title: "支援計画書".into(),
            blocks: b,
            footer: footer.clone(),
        });
    }
    if f.mode.nagano() {
        let honorarium_unit = if f.mode.national() {
            sim.segments
                .first()
                .map(|s| s.national_per_hour + s.nagano_per_hour)
                .unwrap_or_default()
        } else {
            sim.segments
                .first()
                .map(|s| s.nagano_per_hour)
                .unwrap_or_default()
        };
        let mut b = vec![
            Block::Paragraph(format!("長野県IT・デジタル化補助金 — {}", f.mode.label())),
            Block::Heading("1. 申請者".into()),
            Block::Fields(sme_fields),
            Block::Heading("2. IT専門家".into()),
            Block::Fields(expert_fields),
            Block::Heading("3. 支援の内容".into()),
            Block::Fields(vec![
                ("課題と背景".into(), format!("{}\n{}", or_dash(&d.issue), clean_text(d.background.trim()))),
                ("目標・効果の測り方".into(), format!("{}\n{}", or_dash(&d.goals), or_dash(&d.measurement))),
                ("契約の種類".into(), "準委任契約（NAT-6）".into()),
            ]),
            steps_table,
            Block::Heading("4. 謝金単価・時間・経費".into()),
            Block::Fields(
                vec![
                    ("謝金単価（時間単価）".to_string(), yen(rate, Locale::Ja)),
                    (
                        "補助対象の1時間あたり".to_string(),
                        format!("{}（最初の区間）", yen(honorarium_unit, Locale::Ja)),
                    ),
                    ("支援期間".to_string(), format!("{} 〜 {}", date_cell(f.start), date_cell(f.end))),
                    ("申請日".to_string(), date_cell(f.application_date)),
                ]
                .into_iter()
                .chain(cost_rows)
                .collect(),
            ),
            segments,
            Block::Heading("5. 旅費".into()),
            Block::Paragraph(travel),
            Block::Heading("6. 提出先・問い合わせ（NGN-8）".into()),
            Block::Paragraph(
                "（公財）長野県中小企業振興センター AI・IoT等先端技術利活用支援拠点\n〒380-0928 長野市若里1-18-1 長野県工業技術総合センター3階\nTEL 026-227-5028 ／ ai-iot@icon-nagano.or.jp（平日8:30〜17:15）\n国のコールセンター 050-2000-7227（平日9〜17時）\n申請内容はAI・IoTコーディネーターが確認します（NGN-7）。".into(),
            ),
        ];
        if !notes.is_empty() {
            b.push(Block::Heading("注意事項".into()));
            b.push(Block::Notes(notes));
        }
        docs.push(Document {
            title: "事業計画書".into(),
            blocks: b,
            footer,
        });
    }
    Ok(docs)
}

fn parse_rate(s: &str) -> Decimal {
    crate::input::parse_decimal("rate", &Value::Text(s.to_string())).unwrap_or_default()
}

fn money_text(s: &str) -> String {
    if s.trim().is_empty() {
        return "—".into();
    }
    match crate::input::parse_decimal("capital", &Value::Text(s.to_string())) {
        Ok(d) => yen(d, Locale::Ja),
        Err(_) => or_dash(s),
    }
}

// ----- renderers -----

/// Escapes text for CommonMark so that user text can never become a link, an image,
/// emphasis, code, HTML or a block (heading, list, quote, table row): the inline syntax
/// characters are backslash-escaped, `<`/`>` become entities (the source never holds a tag),
/// and a line that would start a block has its marker escaped.
pub fn md_escape(s: &str) -> String {
    md_escape_in(s, true)
}

/// As [`md_escape`], for inline contexts (a heading's text, a table cell) where a line
/// cannot start a block.
fn md_escape_inline(s: &str) -> String {
    md_escape_in(s, false)
}

fn md_escape_in(s: &str, at_block_start: bool) -> String {
    let cleaned = clean_text(s);
    let mut out = String::with_capacity(cleaned.len() + 16);
    for (i, line) in cleaned.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Leading blanks would make an indented code block.
        let line = line.trim_start_matches([' ', '\t']);
        let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
        for (j, c) in line.chars().enumerate() {
            let block_marker = at_block_start
                && ((j == 0 && matches!(c, '#' | '-' | '+' | '=' | '>'))
                    || (j == digits && digits > 0 && matches!(c, '.' | ')')));
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '&' | '!' => {
                    out.push('\\');
                    out.push(c);
                }
                _ if block_marker => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
}

fn md_inline(s: &str) -> String {
    // Inside a table cell a newline would end the row: use a break.
    md_escape_inline(s).replace('\n', "<br>")
}

fn md_paragraph(s: &str) -> String {
    // Hard line breaks (two spaces before the newline) keep the author's lines.
    md_escape(s).replace('\n', "  \n")
}

/// The documents as Markdown (both, separated by a rule).
pub fn render_markdown(docs: &[Document]) -> String {
    let mut out = String::new();
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        out.push_str(&format!("# {}\n\n", md_escape_inline(&doc.title)));
        for b in &doc.blocks {
            match b {
                Block::Heading(h) => out.push_str(&format!(
                    "## {}\n\n",
                    md_escape_inline(h).replace('\n', " ")
                )),
                Block::Paragraph(p) => out.push_str(&format!("{}\n\n", md_paragraph(p))),
                Block::Fields(rows) => {
                    out.push_str("| 項目 | 内容 |\n|---|---|\n");
                    for (k, v) in rows {
                        out.push_str(&format!("| {} | {} |\n", md_inline(k), md_inline(v)));
                    }
                    out.push('\n');
                }
                Block::Table { header, rows } => {
                    out.push_str(&format!(
                        "| {} |\n|{}\n",
                        header
                            .iter()
                            .map(|h| md_inline(h))
                            .collect::<Vec<_>>()
                            .join(" | "),
                        "---|".repeat(header.len())
                    ));
                    for r in rows {
                        out.push_str(&format!(
                            "| {} |\n",
                            r.iter()
                                .map(|c| md_inline(c))
                                .collect::<Vec<_>>()
                                .join(" | ")
                        ));
                    }
                    out.push('\n');
                }
                Block::Notes(ns) => {
                    for n in ns {
                        // Continuation lines indented under the item.
                        out.push_str(&format!("- {}\n", md_escape(n).replace('\n', "  \n  ")));
                    }
                    out.push('\n');
                }
            }
        }
        out.push_str(&format!("_{}_\n", md_escape_inline(&doc.footer)));
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    escape_markup(s, "&#39;")
}

fn html_multiline(s: &str) -> String {
    html_escape(s).replace('\n', "<br>")
}

/// The documents as an HTML fragment (`<article class="plan-doc">` per document), for the
/// preview and for printing with `plan.css`. No inline styles or scripts.
pub fn render_html(docs: &[Document]) -> String {
    let mut out = String::new();
    for doc in docs {
        out.push_str("<article class=\"plan-doc\">\n");
        out.push_str(&format!("<h1>{}</h1>\n", html_escape(&doc.title)));
        for b in &doc.blocks {
            match b {
                Block::Heading(h) => out.push_str(&format!("<h2>{}</h2>\n", html_escape(h))),
                Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>\n", html_multiline(p))),
                Block::Fields(rows) => {
                    out.push_str("<table class=\"plan-fields\"><tbody>\n");
                    for (k, v) in rows {
                        out.push_str(&format!(
                            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
                            html_escape(k),
                            html_multiline(v)
                        ));
                    }
                    out.push_str("</tbody></table>\n");
                }
                Block::Table { header, rows } => {
                    out.push_str("<table class=\"plan-table\"><thead><tr>");
                    for h in header {
                        out.push_str(&format!("<th scope=\"col\">{}</th>", html_escape(h)));
                    }
                    out.push_str("</tr></thead><tbody>\n");
                    for r in rows {
                        out.push_str("<tr>");
                        for c in r {
                            out.push_str(&format!("<td>{}</td>", html_multiline(c)));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody></table>\n");
                }
                Block::Notes(ns) => {
                    out.push_str("<ul class=\"plan-notes\">\n");
                    for n in ns {
                        out.push_str(&format!("<li>{}</li>\n", html_multiline(n)));
                    }
                    out.push_str("</ul>\n");
                }
            }
        }
        out.push_str(&format!(
            "<footer class=\"plan-stamp\">{}</footer>\n</article>\n",
            html_escape(&doc.footer)
        ));
    }
    out
}

/// An output format of [`generate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Html,
    Docx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim() {
            "markdown" | "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// One generated output: text, or bytes for `.docx`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Text(String),
    Bytes(Vec<u8>),
}

/// Validates the draft and renders it; errors block every format, JSON included (a draft
/// with errors is saved by the app's draft store, not exported as a plan).
pub fn generate(d: &PlanDraft, format: Format, opts: RenderOptions) -> Result<Output, Blocked> {
    let docs = documents(d, opts)?;
    Ok(match format {
        Format::Markdown => Output::Text(render_markdown(&docs)),
        Format::Html => Output::Text(render_html(&docs)),
        Format::Json => Output::Text(d.to_json()),
        Format::Docx => Output::Bytes(crate::docx::render_docx(&docs)),
    })
}

/// The full example plan (the case study of 001: its seven steps and 32 hours, with a
/// rate that also draws the Nagano top-up, combined mode): used by
/// the golden tests, the docs and the app's 「例を入れる」 button.
pub fn example() -> PlanDraft {
    let hours = ["4", "4", "4", "8", "6", "4", "2"];
    let details = [
        "商品と営業の流れ、顧客リストの管理方法を聞き取り、業務を図にする",
        "問い合わせの取りこぼしと見積作成の手間を課題として整理する",
        "BtoBマーケティングツールを3つ比べ、費用と使いやすさで選ぶ",
        "アカウント設定、顧客データの移行、問い合わせフォームの設置",
        "社員向けの使い方説明と、最初の1か月の運用の相談",
        "問い合わせ件数と見積作成時間を導入前と比べる",
        "結果を報告し、次に取り組むことを提案する",
    ];
    PlanDraft {
        sme: PlanSme {
            name: "株式会社信州精機".into(),
            location: "nagano".into(),
            address: "長野県長野市若里1-1-1".into(),
            industry: "製造業（産業用部品）".into(),
            capital: "10000000".into(),
            employees: "25".into(),
            contact_name: "山田 太郎".into(),
            phone: "026-000-0000".into(),
            email: "yamada@example.jp".into(),
        },
        expert: PlanExpert {
            name: "佐藤 花子".into(),
            kind: "freelancer".into(),
            affiliation: "".into(),
            contact: "hanako@example.jp".into(),
        },
        issue: "新規顧客の問い合わせを紙とメールで管理しており、対応漏れがある。".into(),
        background: "営業担当が2人で、展示会で集めた名刺が活用できていない。".into(),
        goals: "問い合わせから見積までを1つのツールで管理し、対応漏れをなくす。".into(),
        measurement: "月あたりの問い合わせ対応件数と、見積作成にかかる時間を導入前後で比べる。"
            .into(),
        steps: TEMPLATE_STEPS
            .iter()
            .zip(details)
            .zip(hours)
            .map(|((t, d), h)| PlanStep {
                title: (*t).into(),
                detail: d.into(),
                hours: h.into(),
            })
            .collect(),
        contract_date: "2020-11-02".into(),
        application_date: "2020-11-02".into(),
        start: "2020-11-09".into(),
        end: "2021-02-19".into(),
        rate: "6000".into(),
        ..PlanDraft::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drafts that, together, raise every message `check` has.
    fn every_problem() -> Vec<PlanDraft> {
        let mut out = vec![PlanDraft {
            version: DRAFT_VERSION + 1,
            mode: "?".into(),
            contract: "forWork".into(),
            steps: vec![],
            ..PlanDraft::default()
        }];
        let ex = example;
        let with = |f: &dyn Fn(&mut PlanDraft)| {
            let mut d = ex();
            f(&mut d);
            d
        };
        let long = "x".repeat(MAX_TEXT + 1);
        out.push(with(&|d| {
            d.sme.name = long.clone();
            d.sme.capital = "abc".into();
            d.sme.employees = "1.5".into();
            d.sme.location = "other".into();
            d.expert.kind = "undecided".into();
            d.steps[0].title = String::new();
            d.steps[1].title = long.clone();
            d.steps[1].detail = long.clone();
            d.steps[2].hours = "abc".into();
            d.contract_date = "2021-02-30".into();
            d.rate = "500".into();
            d.sme_prior_honorarium = "abc".into();
            d.travel.over100km = true;
        }));
        out.push(with(&|d| {
            d.expert.kind = "other".into();
            d.steps = (0..=MAX_STEPS)
                .map(|_| PlanStep {
                    title: "a".into(),
                    detail: String::new(),
                    hours: "9".into(),
                })
                .collect();
            d.rate = "abc".into();
        }));
        out.push(with(&|d| {
            d.mode = "national".into();
            d.expert.kind = "other".into();
            d.steps[0].hours = MAX_HOURS.to_string();
            d.steps[1].hours = MAX_HOURS.to_string();
            d.contract_date = "2020-01-01".into();
            d.start = "2020-01-02".into();
            d.end = "2020-01-01".into();
        }));
        out.push(with(&|d| {
            d.mode = "national".into();
            d.expert.kind = "smeSupporter".into();
            d.contract_date = "2021-01-10".into();
            d.start = "2021-01-05".into();
            d.end = "2021-12-31".into();
        }));
        out.push(with(&|d| {
            d.contract_date = "2021-03-10".into();
            d.start = "2021-03-10".into();
            d.end = "2021-03-20".into();
        }));
        out.push(with(&|d| {
            d.contract_date = "2021-12-20".into();
            d.application_date = "2021-12-20".into();
            d.start = "2021-12-21".into();
            d.end = "2022-03-31".into();
        }));
        out.push(with(&|d| {
            d.mode = "naganoOnly".into();
            d.expert.kind = "other".into();
            d.contract_date = String::new();
            d.application_date = "2021-01-31".into();
            d.start = "2021-01-30".into();
            d.end = "2021-12-31".into();
        }));
        out
    }

    #[test]
    fn every_plan_message_has_an_english_text() {
        let japanese = |s: &str| {
            s.chars().any(|c| {
                ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)
            })
        };
        let mut seen = std::collections::BTreeSet::new();
        for d in every_problem() {
            let ja = check_in(&d, Locale::Ja);
            let en = check_in(&d, Locale::En);
            assert_eq!(ja, check(&d), "check is Japanese");
            for (j, e) in ja
                .errors
                .iter()
                .zip(&en.errors)
                .chain(ja.warnings.iter().zip(&en.warnings))
            {
                assert_eq!((&j.field, &j.rules), (&e.field, &e.rules));
                assert_ne!(j.message, e.message);
                assert!(!japanese(&e.message), "{}", e.message);
                seen.insert(j.message.clone());
            }
            assert_eq!(ja.errors.len(), en.errors.len());
            assert_eq!(ja.warnings.len(), en.warnings.len());
        }
        // Every kind of message is raised by the drafts above.
        for part in [
            "を入力してください",
            "文字以内",
            "利用する制度を",
            "県内の事業者",
            "IT専門家の種類（",
            "計画書にはIT専門家",
            "国の制度のIT専門家",
            "「そのほか」です",
            "SMEサポーターに所属する専門家",
            "準委任契約",
            "1つ以上",
            "個までです",
            "の時間：",
            "時間以下にしてください",
            "存在しない日付",
            "開始日より後",
            "契約を結んでから",
            "第Ⅰ期の開始",
            "第Ⅰ期の支援は",
            "の間は契約できません",
            "第Ⅱ期の支援計画の契約",
            "第Ⅱ期の支援は",
            "予算の状況",
            "国・県制度利用の長野県への申請",
            "国・県制度利用の支援",
            "第Ⅰ期の支援が対象",
            "実績報告は謝金の支払後",
            "県補助のみの申請期間",
            "県補助のみの支援と実績報告",
            "申請日より前に始めた支援",
            "補助はありません",
            "片道100km",
            "新しい版",
        ] {
            assert!(
                seen.iter().any(|m| m.contains(part)),
                "no draft raises `{part}`: {seen:#?}"
            );
        }
    }

    #[test]
    fn the_documents_stay_japanese() {
        let d = example();
        let docs = documents(
            &d,
            RenderOptions {
                made_on: Date::from_ymd(2020, 11, 1).unwrap(),
            },
        )
        .unwrap();
        assert!(render_markdown(&docs).contains("支援計画書"));
    }
}
