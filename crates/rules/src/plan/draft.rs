//! The draft as typed (every field a string, so that JSON re-imports to exactly the same
//! draft), its format versions and their migration, and its JSON, over the core's own
//! [`Json`] value: written by hand ([`ToJson`], exactly what serde's derived `Serialize` writes,
//! which stays for the npm package and the TypeScript declarations) and read by a small reader
//! of its own (serde's derived deserializers alone weighed about 34 KB of the plan page's
//! wasm; on serde_json, see [`crate::json`]).

use crate::cost::Schemes;
use crate::format::{fill, integer};
use crate::json::{Json, Map, ToJson};
use crate::Locale;
use serde::Serialize;

/// The draft format version written by this code. Older versions are migrated on import.
pub const DRAFT_VERSION: u32 = 1;

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

// `#[serde(default)]` stays on the types below although they are no longer deserialized by
// serde: the TypeScript declarations (ts-rs) read it.

/// The business (申請者).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanStep {
    pub title: String,
    pub detail: String,
    #[cfg_attr(feature = "ts", ts(type = "string | number"))]
    pub hours: String,
}

/// Travel (NAT-8): recorded, not computed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanTravel {
    /// The expert travels 100 km or more one way.
    pub over100km: bool,
    pub note: String,
}

/// A support plan as typed: every value a string, so a JSON export re-imports exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// Not a draft's shape: the field whose value could not be read (`sme.name`,
    /// `steps.2`, `travel.over100km`, `version`), or empty when the text is not a JSON object.
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
            (ImportError::TooNew(v), Locale::Ja) => fill(
                "新しい版（形式{0}）のouenで作られたファイルです。アプリを更新してから開いてください。",
                &[&integer((*v).into())],
            ),
            (ImportError::TooNew(v), Locale::En) => fill(
                "This file was made by a newer ouen (format {0}); update the app.",
                &[&integer((*v).into())],
            ),
        }
    }
}

/// Brings an older draft (as JSON) up to [`DRAFT_VERSION`]. Version 0 is the pre-release
/// shape: no `version`, a single `hours` total and `schedule: {start, end}`.
pub fn migrate(mut v: Json) -> Result<Json, ImportError> {
    let obj = v.as_object_mut().ok_or_else(|| malformed("", ""))?;
    let version = match obj.get("version") {
        None => 0,
        Some(n) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| malformed("", "version"))?,
    };
    if version > DRAFT_VERSION {
        return Err(ImportError::TooNew(version));
    }
    if version == 0 {
        // v0 → v1: `schedule` split into `start`/`end`; a bare `hours` becomes one step.
        if let Some(Json::Obj(s)) = obj.remove("schedule") {
            for k in ["start", "end"] {
                if let Some(x) = s.get(k) {
                    obj.insert(k, x.clone());
                }
            }
        }
        if let Some(h) = obj.remove("hours") {
            if !obj.contains_key("steps") {
                let step = Json::object([
                    ("title", Json::from("支援")),
                    ("detail", Json::from("")),
                    ("hours", h),
                ]);
                obj.insert("steps", Json::Arr(vec![step]));
            }
        }
        obj.insert("version", Json::from(1u32));
    }
    Ok(v)
}

impl PlanDraft {
    /// Reads a draft exported as JSON (any version up to this one): see
    /// [`PlanDraft::from_value`].
    pub fn from_json(text: &str) -> Result<PlanDraft, ImportError> {
        let v = Json::parse(text).map_err(|_| malformed("", ""))?;
        PlanDraft::from_value(v)
    }

    /// Reads a draft from its JSON value (any version up to this one, migrated). Partner
    /// sites send numbers where the draft keeps text as typed: a number is read as its text,
    /// as it was written (`1e3` stays `1e3`, `1.50` stays `1.50`; serde_json, which read
    /// drafts before, printed the float it had parsed: `1000.0`, `1.5`); `null`, a missing
    /// field and an unknown one leave the default; any other value of the wrong type is
    /// [`ImportError::Malformed`] naming the field.
    pub fn from_value(v: Json) -> Result<PlanDraft, ImportError> {
        let v = migrate(v)?;
        // (`migrate` refuses anything but an object.)
        let obj = v.as_object().ok_or_else(|| malformed("", ""))?;
        let mut d = PlanDraft::default();
        read_draft(obj, &mut d)?;
        Ok(d)
    }

    /// The draft as pretty JSON text and a newline (byte for byte what
    /// `serde_json::to_string_pretty` wrote); [`PlanDraft::from_json`] reads it back to an
    /// equal draft.
    pub fn to_text(&self) -> String {
        let mut s = self.to_json().to_pretty();
        s.push('\n');
        s
    }
}

// ----- the writer -----
//
// Each part as serde's derive writes it (`serde_json::to_value`): every field, in the order
// the struct lists them, under its camelCase name (tested against serde in `tests/plan.rs`).

impl ToJson for PlanSme {
    fn to_json(&self) -> Json {
        Json::object([
            ("name", self.name.to_json()),
            ("location", self.location.to_json()),
            ("address", self.address.to_json()),
            ("industry", self.industry.to_json()),
            ("capital", self.capital.to_json()),
            ("employees", self.employees.to_json()),
            ("contactName", self.contact_name.to_json()),
            ("phone", self.phone.to_json()),
            ("email", self.email.to_json()),
        ])
    }
}

impl ToJson for PlanExpert {
    fn to_json(&self) -> Json {
        Json::object([
            ("name", self.name.to_json()),
            ("kind", self.kind.to_json()),
            ("affiliation", self.affiliation.to_json()),
            ("contact", self.contact.to_json()),
        ])
    }
}

impl ToJson for PlanStep {
    fn to_json(&self) -> Json {
        Json::object([
            ("title", self.title.to_json()),
            ("detail", self.detail.to_json()),
            ("hours", self.hours.to_json()),
        ])
    }
}

impl ToJson for PlanTravel {
    fn to_json(&self) -> Json {
        Json::object([
            ("over100km", self.over100km.to_json()),
            ("note", self.note.to_json()),
        ])
    }
}

impl ToJson for PlanDraft {
    fn to_json(&self) -> Json {
        Json::object([
            ("version", self.version.to_json()),
            ("mode", self.mode.to_json()),
            ("sme", self.sme.to_json()),
            ("expert", self.expert.to_json()),
            ("contract", self.contract.to_json()),
            ("issue", self.issue.to_json()),
            ("background", self.background.to_json()),
            ("goals", self.goals.to_json()),
            ("measurement", self.measurement.to_json()),
            ("steps", self.steps.to_json()),
            ("contractDate", self.contract_date.to_json()),
            ("applicationDate", self.application_date.to_json()),
            ("start", self.start.to_json()),
            ("end", self.end.to_json()),
            ("rate", self.rate.to_json()),
            ("smePriorHonorarium", self.sme_prior_honorarium.to_json()),
            (
                "expertPriorHonorarium",
                self.expert_prior_honorarium.to_json(),
            ),
            ("naganoPriorHours", self.nagano_prior_hours.to_json()),
            ("travel", self.travel.to_json()),
        ])
    }
}

// ----- the reader -----

/// Why the value at `parent.key` could not be read (either may be empty).
fn malformed(parent: &str, key: &str) -> ImportError {
    ImportError::Malformed(match (parent, key) {
        ("", k) => k.to_string(),
        (p, "") => p.to_string(),
        (p, k) => fill("{0}.{1}", &[p, k]),
    })
}

/// Reads every `(key, field)` of `obj` into its field: a string as it is, a number as the
/// text it was written with; a missing or `null` value leaves the field as it was. Fails with
/// the key of a value of another type.
fn read_texts(obj: &Map, fields: &mut [(&'static str, &mut String)]) -> Result<(), &'static str> {
    for (key, out) in fields.iter_mut() {
        match obj.get(key) {
            None | Some(Json::Null) => {}
            Some(Json::Str(s) | Json::Num(s)) => s.clone_into(out),
            Some(_) => return Err(*key),
        }
    }
    Ok(())
}

/// The object at `key` of the draft: `None` when missing or `null` (the part keeps its
/// default), malformed when it is another kind of value.
fn part<'a>(obj: &'a Map, key: &'static str) -> Result<Option<&'a Map>, ImportError> {
    match obj.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::Obj(o)) => Ok(Some(o)),
        Some(_) => Err(malformed("", key)),
    }
}

/// Reads a (migrated) draft's fields over the defaults in `d`.
fn read_draft(obj: &Map, d: &mut PlanDraft) -> Result<(), ImportError> {
    // `migrate` has made sure of a version that fits.
    if let Some(v) = obj.get("version") {
        d.version = v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| malformed("", "version"))?;
    }
    read_texts(
        obj,
        &mut [
            ("mode", &mut d.mode),
            ("contract", &mut d.contract),
            ("issue", &mut d.issue),
            ("background", &mut d.background),
            ("goals", &mut d.goals),
            ("measurement", &mut d.measurement),
            ("contractDate", &mut d.contract_date),
            ("applicationDate", &mut d.application_date),
            ("start", &mut d.start),
            ("end", &mut d.end),
            ("rate", &mut d.rate),
            ("smePriorHonorarium", &mut d.sme_prior_honorarium),
            ("expertPriorHonorarium", &mut d.expert_prior_honorarium),
            ("naganoPriorHours", &mut d.nagano_prior_hours),
        ],
    )
    .map_err(|k| malformed("", k))?;
    if let Some(o) = part(obj, "sme")? {
        read_sme(o, &mut d.sme).map_err(|k| malformed("sme", k))?;
    }
    if let Some(o) = part(obj, "expert")? {
        read_expert(o, &mut d.expert).map_err(|k| malformed("expert", k))?;
    }
    match obj.get("steps") {
        None | Some(Json::Null) => {}
        Some(Json::Arr(items)) => {
            d.steps = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let mut step = PlanStep::default();
                match item {
                    Json::Obj(o) => read_step(o, &mut step),
                    _ => Err(""),
                }
                .map_err(|k| malformed(&path("steps", i), k))?;
                d.steps.push(step);
            }
        }
        Some(_) => return Err(malformed("", "steps")),
    }
    if let Some(o) = part(obj, "travel")? {
        read_travel(o, &mut d.travel).map_err(|k| malformed("travel", k))?;
    }
    Ok(())
}

/// `steps.2`.
fn path(list: &str, index: usize) -> String {
    fill("{0}.{1}", &[list, &integer(index as i128)])
}

fn read_sme(obj: &Map, s: &mut PlanSme) -> Result<(), &'static str> {
    read_texts(
        obj,
        &mut [
            ("name", &mut s.name),
            ("location", &mut s.location),
            ("address", &mut s.address),
            ("industry", &mut s.industry),
            ("capital", &mut s.capital),
            ("employees", &mut s.employees),
            ("contactName", &mut s.contact_name),
            ("phone", &mut s.phone),
            ("email", &mut s.email),
        ],
    )
}

fn read_expert(obj: &Map, e: &mut PlanExpert) -> Result<(), &'static str> {
    read_texts(
        obj,
        &mut [
            ("name", &mut e.name),
            ("kind", &mut e.kind),
            ("affiliation", &mut e.affiliation),
            ("contact", &mut e.contact),
        ],
    )
}

fn read_step(obj: &Map, s: &mut PlanStep) -> Result<(), &'static str> {
    read_texts(
        obj,
        &mut [
            ("title", &mut s.title),
            ("detail", &mut s.detail),
            ("hours", &mut s.hours),
        ],
    )
}

fn read_travel(obj: &Map, t: &mut PlanTravel) -> Result<(), &'static str> {
    read_texts(obj, &mut [("note", &mut t.note)])?;
    match obj.get("over100km") {
        None | Some(Json::Null) => Ok(()),
        Some(Json::Bool(b)) => {
            t.over100km = *b;
            Ok(())
        }
        Some(_) => Err("over100km"),
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
