//! "Export everything / import everything" (settings): one versioned JSON file with every
//! document and setting this app keeps on the device, to move to a new tablet.
//!
//! ```text
//! {"format": "ouen.everything", "version": 1,
//!  "documents": {"ouen.simulator": <data>, "ouen.plan.drafts": <data>, …},
//!  "settings": {"ouen.lang": "en", "ouen.text-size": "large"}}
//! ```
//!
//! Each document is its data at the storage schema of the app that wrote it (`schema`), so an
//! older file migrates like an older key. What an attendee leaves in seminar mode (the parts
//! of the tally, the download count, the wait after wrong PINs) is not in it.
//!
//! Importing reads and validates the whole file first (size cap, format, every document as
//! its own type, with the same checks as the other imports), then merges it into what the
//! device holds so that nothing is lost: plan drafts and completed checklists are added
//! (never duplicated), tally entries are added unless the device's are already in the file,
//! and the other documents and settings are taken from the file; where the device held a
//! different version of such a document, it is kept as the document's conflict copy
//! (`storage::keep_other`), which its page offers to switch back to. Only then is anything
//! written; a write that fails puts back every key written before it.

use crate::checklist_doc::{Draft, History};
use crate::import::{self, ImportError};
use crate::plan_book::{Stored, StoredDraft};
use crate::seminar::{Config, Tally};
use crate::storage::{self, Doc, SCHEMA};
use crate::wizard::Answers;
use ouen_rules::json::{Fields, FromJson, Json, ToJson};
use ouen_rules::plan::DRAFT_VERSION;
use std::collections::BTreeMap;

pub const FORMAT: &str = "ouen.everything";
/// The file's own version.
pub const VERSION: u32 = 1;
/// Every document in the file, in this order.
pub const DOCS: [Doc; 7] = [
    Doc::Simulator,
    Doc::Eligibility,
    Doc::ChecklistDraft,
    Doc::ChecklistHistory,
    Doc::PlanDrafts,
    Doc::SeminarConfig,
    Doc::SeminarTally,
];
/// Plain settings, and the values each may hold.
pub const SETTINGS: [(&str, &[&str]); 2] = [
    (storage::key::LANG, &["ja", "en"]),
    (storage::key::TEXT_SIZE, &["large"]),
];

/// What the device holds (or the file carries): document key → data at [`SCHEMA`], and
/// setting key → value.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct Everything {
    pub format: String,
    pub version: u32,
    /// The storage schema of the documents' data.
    pub schema: u32,
    #[cfg_attr(test, serde(default, with = "documents_as_values"))]
    pub documents: BTreeMap<String, Json>,
    #[cfg_attr(test, serde(default))]
    pub settings: BTreeMap<String, String>,
    /// Kept beside the documents after an import (never read from a file): document key →
    /// the device's version that the file's replaced, as a conflict copy (`storage::keep_other`)
    /// that the document's page offers to switch back to.
    #[cfg_attr(test, serde(skip))]
    pub copies: BTreeMap<String, Json>,
}

/// serde's view of the documents (the tests' reference).
#[cfg(test)]
mod documents_as_values {
    use super::*;

    pub fn serialize<S: serde::Serializer>(
        d: &BTreeMap<String, Json>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let v: serde_json::Value = serde_json::from_str(&d.to_json().to_text()).unwrap();
        serde::Serialize::serialize(&v, s)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, Json>, D::Error> {
        let v: serde_json::Value = serde::Deserialize::deserialize(d)?;
        Ok(BTreeMap::from_json(&Json::parse(&v.to_string()).unwrap()).unwrap())
    }
}

/// The file, in this order: format, version, schema, documents, settings (written and read
/// by hand over ouen's `Json`; serde's derive is the tests' reference).
impl ToJson for Everything {
    fn to_json(&self) -> Json {
        Json::object([
            ("format", self.format.to_json()),
            ("version", self.version.to_json()),
            ("schema", self.schema.to_json()),
            ("documents", self.documents.to_json()),
            ("settings", self.settings.to_json()),
        ])
    }
}

impl FromJson for Everything {
    fn from_json(v: &Json) -> Option<Everything> {
        let f = Fields::of(v)?;
        Some(Everything {
            format: f.need("format")?,
            version: f.need("version")?,
            schema: f.need("schema")?,
            documents: f.or_default("documents")?,
            settings: f.or_default("settings")?,
            copies: BTreeMap::new(),
        })
    }
}

impl Everything {
    pub fn new() -> Everything {
        Everything {
            format: FORMAT.into(),
            version: VERSION,
            schema: SCHEMA,
            ..Everything::default()
        }
    }

    /// The file's text.
    pub fn to_json(&self) -> String {
        let mut s = ToJson::to_json(self).to_pretty();
        s.push('\n');
        s
    }

    /// How many documents and settings it holds.
    pub fn count(&self) -> usize {
        self.documents.len() + self.settings.len()
    }
}

fn invalid(field: impl Into<String>) -> ImportError {
    ImportError::Invalid {
        file: String::new(),
        field: field.into(),
    }
}

fn typed<T: FromJson>(key: &str, v: &Json) -> Result<T, ImportError> {
    T::from_json(v).ok_or_else(|| invalid(key))
}

/// Checks one document's data as its own type (and the checks its own import makes).
fn check_doc(doc: Doc, v: &Json) -> Result<(), ImportError> {
    let key = doc.key();
    match doc {
        Doc::Simulator => crate::form::Form::from_value(v)
            .map(|_| ())
            .ok_or_else(|| invalid(key)),
        Doc::Eligibility => {
            import::check_eligibility(&typed::<Answers>(key, v)?).map_err(|e| prefix(e, key))
        }
        // Ids only: the checklist page checks items and choices when it reads them.
        Doc::ChecklistDraft => {
            let d: Draft = typed(key, v)?;
            import::check_answer_ids("draft", &d.kind, &d.answers, false)
                .map_err(|e| prefix(e, key))
        }
        Doc::ChecklistHistory => {
            import::check_history_ids(&typed::<History>(key, v)?).map_err(|e| prefix(e, key))
        }
        // Each draft an object of a draft version this app reads (the plan page migrates and
        // reads its fields; the plan importer itself is not linked into the settings page).
        Doc::PlanDrafts => {
            let s: Stored = typed(key, v)?;
            for (i, d) in s.drafts.iter().enumerate() {
                let version = d.draft.get("version").map(Json::as_u64);
                let readable = d.draft.is_object()
                    && match version {
                        None => true,
                        Some(v) => v.is_some_and(|v| v <= u64::from(DRAFT_VERSION)),
                    };
                if !readable {
                    return Err(invalid(format!("{key}.drafts[{}]", i + 1)));
                }
            }
            Ok(())
        }
        Doc::SeminarConfig => typed::<Config>(key, v)?
            .kdf()
            .map(|_| ())
            .ok_or_else(|| invalid(key)),
        Doc::SeminarTally => typed::<Tally>(key, v).map(|_| ()),
    }
}

fn prefix(e: ImportError, key: &str) -> ImportError {
    match e {
        ImportError::Invalid { file, field } => ImportError::Invalid {
            file,
            field: format!("{key}.{field}"),
        },
        e => e,
    }
}

/// Reads and validates an export-everything file as a whole; its documents come out at the
/// current schema.
pub fn parse(text: &str) -> Result<Everything, ImportError> {
    import::check_size("", text.len())?;
    let v = Json::parse(text).map_err(|_| invalid("JSON"))?;
    if v.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(invalid("format"));
    }
    let mut file = Everything::from_json(&v).ok_or_else(|| invalid("format"))?;
    if file.version == 0 || file.version > VERSION {
        return Err(invalid("version"));
    }
    let mut documents = BTreeMap::new();
    for (key, data) in std::mem::take(&mut file.documents) {
        let doc = DOCS
            .into_iter()
            .find(|d| d.key() == key)
            .ok_or_else(|| invalid(format!("documents.{key}")))?;
        let data = storage::migrate(doc, file.schema, data)
            .ok_or_else(|| invalid(format!("documents.{key}")))?;
        check_doc(doc, &data)?;
        documents.insert(key, data);
    }
    for (key, value) in &file.settings {
        let ok = SETTINGS
            .iter()
            .any(|(k, allowed)| k == key && allowed.contains(&value.as_str()));
        if !ok {
            return Err(invalid(format!("settings.{key}")));
        }
    }
    file.documents = documents;
    file.schema = SCHEMA;
    Ok(file)
}

/// What the device should hold after importing `file` over `device` (both validated, at the
/// current schema): nothing the device held is lost.
pub fn merge(device: &Everything, file: &Everything) -> Everything {
    let mut out = device.clone();
    out.settings.extend(file.settings.clone());
    for (key, data) in &file.documents {
        let merged = match (key.as_str(), device.documents.get(key)) {
            (_, None) => data.clone(),
            (k, Some(mine)) if k == Doc::PlanDrafts.key() => merge_plans(mine, data),
            (k, Some(mine)) if k == Doc::ChecklistHistory.key() => {
                let mut h = History::from_json(mine).unwrap_or_default();
                h.merge(History::from_json(data).unwrap_or_default());
                h.to_json()
            }
            (k, Some(mine)) if k == Doc::SeminarTally.key() => merge_tally(mine, data),
            (k, Some(mine)) => {
                let copyable = [Doc::Simulator, Doc::Eligibility, Doc::ChecklistDraft]
                    .iter()
                    .any(|d| d.key() == k);
                if copyable && mine != data {
                    out.copies.insert(key.clone(), mine.clone());
                }
                data.clone()
            }
        };
        out.documents.insert(key.clone(), merged);
    }
    out
}

/// The device's drafts, then the file's whose content is not already there (a name taken by another
/// draft gets " (2)", " (3)", …). The device's open draft stays open.
fn merge_plans(mine: &Json, theirs: &Json) -> Json {
    let mut s = Stored::from_json(mine).unwrap_or_default();
    let t = Stored::from_json(theirs).unwrap_or_default();
    for d in t.drafts {
        if s.drafts.iter().any(|x| x.draft == d.draft) {
            continue;
        }
        let mut name = d.name.clone();
        let mut n = 2;
        while s.drafts.iter().any(|x| x.name == name) {
            name = format!("{} ({n})", d.name);
            n += 1;
        }
        // Its own id, unless the device already has a draft by that id (tabs tell drafts
        // apart by id: two drafts must never share one).
        let id = if !d.id.is_empty() && !s.drafts.iter().any(|x| x.id == d.id) {
            d.id
        } else {
            crate::plan_book::new_id()
        };
        s.drafts.push(StoredDraft {
            id,
            name,
            draft: d.draft,
        });
    }
    s.to_json()
}

/// The file's tally when it already holds the device's entries (the same tally, exported
/// later), else the device's entries followed by the file's.
fn merge_tally(mine: &Json, theirs: &Json) -> Json {
    let mut m = Tally::from_json(mine).unwrap_or_default();
    let t = Tally::from_json(theirs).unwrap_or_default();
    if t.entries.starts_with(&m.entries) {
        return theirs.clone();
    }
    let held = t.entries.is_empty()
        || m.entries
            .windows(t.entries.len())
            .any(|w| w == t.entries.as_slice());
    if !held {
        m.entries.extend(t.entries);
    }
    m.to_json()
}

/// Everything this device holds (documents read through their migrations).
pub fn collect() -> Everything {
    let mut all = Everything::new();
    for doc in DOCS {
        if let Some(v) = storage::load_doc::<Json>(doc) {
            all.documents.insert(doc.key().into(), v);
        }
    }
    for (key, allowed) in SETTINGS {
        if let Some(v) = storage::read_raw(key).filter(|v| allowed.contains(&v.as_str())) {
            all.settings.insert(key.into(), v);
        }
    }
    all
}

/// Writes what [`merge`] made; on a failed write, puts every key back as it was.
pub fn apply(next: &Everything) -> Result<(), storage::SaveError> {
    let mut before: Vec<(&str, Option<String>)> = Vec::new();
    let mut result = Ok(());
    for doc in DOCS {
        let Some(data) = next.documents.get(doc.key()) else {
            continue;
        };
        before.push((doc.key(), storage::read_raw(doc.key())));
        if let Err(e) = storage::save_doc(doc, data) {
            result = Err(e);
            break;
        }
        if let Some(copy) = next.copies.get(doc.key()) {
            before.push((doc.other_key(), storage::read_raw(doc.other_key())));
            if let Err(e) = storage::keep_other(doc, Some(copy)) {
                result = Err(e);
                break;
            }
        }
    }
    if result.is_ok() {
        for (key, _) in SETTINGS {
            if let Some(v) = next.settings.get(key) {
                storage::write_raw(key, v);
            }
        }
    } else {
        for (key, old) in before {
            match old {
                Some(text) => storage::write_raw(key, &text),
                None => storage::remove_raw(key),
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(name: &str, company: &str) -> StoredDraft {
        let mut d = ouen_rules::plan::PlanDraft::default();
        d.sme.name = company.into();
        StoredDraft {
            id: format!("test-{name}"),
            name: name.into(),
            draft: d.to_json(),
        }
    }

    fn sample() -> Everything {
        let mut e = Everything::new();
        e.documents.insert(
            "ouen.simulator".into(),
            json!({"rate": "6000", "hours": "12", "mode": "combined"}),
        );
        e.documents.insert(
            "ouen.eligibility".into(),
            json!({"values": {"location": "nagano"}}),
        );
        e.documents.insert(
            "ouen.plan.drafts".into(),
            Stored {
                drafts: vec![plan("計画書 1", "信州商店")],
                current: 0,
            }
            .to_json(),
        );
        e.documents.insert(
            "ouen.seminar.tally".into(),
            json!({"entries": [{"stage": 2, "tools": ["checklist"]}]}),
        );
        e.settings.insert("ouen.lang".into(), "en".into());
        e.settings.insert("ouen.text-size".into(), "large".into());
        e
    }

    #[test]
    fn a_file_round_trips() {
        let e = sample();
        let text = e.to_json();
        assert!(text.contains(r#""format": "ouen.everything""#), "{text}");
        assert_eq!(parse(&text), Ok(e.clone()));
        // Onto an empty device, the file is what the device gets.
        assert_eq!(merge(&Everything::new(), &e), e);
    }

    #[test]
    fn any_bad_part_refuses_the_whole_file_naming_it() {
        let good = sample();
        type Spoil = Box<dyn Fn(&mut Everything)>;
        let cases: Vec<(Spoil, &str)> = vec![
            (
                Box::new(|e| {
                    e.documents.insert("ouen.other".into(), json!({}));
                }),
                "documents.ouen.other",
            ),
            (
                Box::new(|e| {
                    e.documents
                        .insert("ouen.simulator".into(), json!({"mode": "tokyo"}));
                }),
                "ouen.simulator",
            ),
            (
                Box::new(|e| {
                    e.documents.insert(
                        "ouen.eligibility".into(),
                        json!({"values": {"constructor": "x"}}),
                    );
                }),
                "ouen.eligibility.values.constructor",
            ),
            (
                Box::new(|e| {
                    e.documents.insert(
                        "ouen.plan.drafts".into(),
                        json!({"drafts": [{"name": "a", "draft": {"version": 99}}]}),
                    );
                }),
                "ouen.plan.drafts.drafts[1]",
            ),
            (
                Box::new(|e| {
                    e.documents.insert(
                        "ouen.seminar.config".into(),
                        json!({"version": 2, "salt": "zz", "hash": "00", "iterations": 5}),
                    );
                }),
                "ouen.seminar.config",
            ),
            (
                Box::new(|e| {
                    e.settings.insert("ouen.lang".into(), "fr".into());
                }),
                "settings.ouen.lang",
            ),
            (Box::new(|e| e.version = VERSION + 1), "version"),
            (Box::new(|e| e.format = "other".into()), "format"),
        ];
        for (spoil, field) in cases {
            let mut bad = good.clone();
            spoil(&mut bad);
            assert_eq!(parse(&bad.to_json()), Err(invalid(field)), "{field}");
        }
        assert_eq!(parse("{"), Err(invalid("JSON")));
        assert_eq!(parse("[]"), Err(invalid("format")));
        let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(import::MAX_IMPORT_BYTES));
        assert!(matches!(parse(&huge), Err(ImportError::TooLarge { .. })));
    }

    #[test]
    fn an_older_schema_migrates_and_a_newer_one_is_refused() {
        let mut e = sample();
        e.schema = 1;
        let parsed = parse(&e.to_json()).unwrap();
        assert_eq!(parsed.schema, SCHEMA);
        assert_eq!(parsed.documents, sample().documents);
        e.schema = SCHEMA + 1;
        assert_eq!(
            parse(&e.to_json()),
            Err(invalid("documents.ouen.eligibility"))
        );
    }

    #[test]
    fn a_form_the_file_replaces_is_kept_as_its_conflict_copy() {
        let mut device = Everything::new();
        let mine = json!({"rate": "7000", "hours": "12", "mode": "combined"});
        device
            .documents
            .insert("ouen.simulator".into(), mine.clone());
        device.documents.insert(
            "ouen.eligibility".into(),
            sample().documents["ouen.eligibility"].clone(),
        );
        let file = sample();
        let next = merge(&device, &file);
        assert_eq!(
            next.documents["ouen.simulator"],
            file.documents["ouen.simulator"]
        );
        // The device's different form is kept; the same wizard answers leave no copy.
        assert_eq!(next.copies.len(), 1);
        assert_eq!(next.copies["ouen.simulator"], mine);
        // Never read from a file, never written into one.
        assert!(!next.to_json().contains("copies"));
        assert!(parse(&next.to_json()).unwrap().copies.is_empty());
    }

    #[test]
    fn importing_loses_nothing_the_device_held() {
        let mut device = Everything::new();
        device.documents.insert(
            "ouen.plan.drafts".into(),
            Stored {
                drafts: vec![plan("計画書 1", "端末の会社"), plan("共通", "同じ")],
                current: 1,
            }
            .to_json(),
        );
        device.documents.insert(
            "ouen.seminar.tally".into(),
            json!({"entries": [{"stage": 1}]}),
        );
        device.settings.insert("ouen.lang".into(), "ja".into());
        let mut file = sample();
        let mut book: Stored = FromJson::from_json(&file.documents["ouen.plan.drafts"]).unwrap();
        book.drafts.push(plan("共通", "同じ"));
        file.documents
            .insert("ouen.plan.drafts".into(), book.to_json());
        let merged = merge(&device, &file);
        let s: Stored = FromJson::from_json(&merged.documents["ouen.plan.drafts"]).unwrap();
        let names: Vec<&str> = s.drafts.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            ["計画書 1", "共通", "計画書 1 (2)"],
            "added, renamed, not duplicated"
        );
        assert_eq!(s.current, 1, "the device's open draft stays open");
        let t: Tally = FromJson::from_json(&merged.documents["ouen.seminar.tally"]).unwrap();
        assert_eq!(t.entries.len(), 2, "both tallies add up");
        assert_eq!(
            merged.settings["ouen.lang"], "en",
            "settings come from the file"
        );
        // Importing the same file again changes nothing more.
        assert_eq!(merge(&merged, &file), merged);
    }
}
