//! The checklist's documents on this device: the draft being filled in
//! ([`Doc::ChecklistDraft`]) and the completed assessments ([`Doc::ChecklistHistory`]), their
//! export file, and how two tabs' histories add up. Kept by `storage` like every document
//! (envelope, schema, migrations); read by the checklist page, the hand-off, the seminar
//! tally, the imports and "export everything".

use crate::storage::{migrate, Doc, SCHEMA};
use crate::sync::Merged;
use ouen_rules::json::{Fields, FromJson, Json, ToJson};
use std::collections::BTreeMap;

// Each document is written and read by hand over ouen's `Json` (no serde in the browser
// build). serde's derives stay for the tests only, as the reference the readers and writers
// are held to (`the_hand_written_json_is_serdes`).

/// The checklist as it is being filled in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase", default))]
pub struct Draft {
    /// `BusinessKind` id; empty until chosen.
    pub kind: String,
    /// Item id → answer id.
    pub answers: BTreeMap<String, String>,
    /// The area being shown (0-based).
    pub step: usize,
}

/// A completed assessment, kept with its date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Record {
    /// When it was completed: `YYYY-MM-DDTHH:MM` in the device's local time.
    pub date: String,
    pub kind: String,
    pub answers: BTreeMap<String, String>,
}

/// Every completed assessment on this device, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase", default))]
pub struct History {
    pub records: Vec<Record>,
}

impl ToJson for Draft {
    fn to_json(&self) -> Json {
        Json::object([
            ("kind", self.kind.to_json()),
            ("answers", self.answers.to_json()),
            ("step", self.step.to_json()),
        ])
    }
}

impl FromJson for Draft {
    fn from_json(v: &Json) -> Option<Draft> {
        let f = Fields::of(v)?;
        Some(Draft {
            kind: f.or_default("kind")?,
            answers: f.or_default("answers")?,
            step: f.or_default("step")?,
        })
    }
}

impl ToJson for Record {
    fn to_json(&self) -> Json {
        Json::object([
            ("date", self.date.to_json()),
            ("kind", self.kind.to_json()),
            ("answers", self.answers.to_json()),
        ])
    }
}

impl FromJson for Record {
    fn from_json(v: &Json) -> Option<Record> {
        let f = Fields::of(v)?;
        Some(Record {
            date: f.need("date")?,
            kind: f.need("kind")?,
            answers: f.need("answers")?,
        })
    }
}

impl ToJson for History {
    fn to_json(&self) -> Json {
        Json::object([("records", self.records.to_json())])
    }
}

impl FromJson for History {
    fn from_json(v: &Json) -> Option<History> {
        Some(History {
            records: Fields::of(v)?.or_default("records")?,
        })
    }
}

/// The export file's format name.
pub const EXPORT_FORMAT: &str = "ouen.checklist.history";

impl History {
    /// The export file: the history in an envelope that names its format and schema.
    pub fn export_json(&self) -> String {
        Json::object([
            ("format", Json::from(EXPORT_FORMAT)),
            ("schema", Json::from(SCHEMA)),
            ("data", self.to_json()),
        ])
        .to_pretty()
    }

    /// Reads an export file (of this or an older schema); `None` if it is not one.
    pub fn parse_export(text: &str) -> Option<History> {
        let v = Json::parse(text).ok()?;
        if v.get("format").and_then(Json::as_str) != Some(EXPORT_FORMAT) {
            return None;
        }
        let schema = u32::from_json(v.get("schema")?)?;
        History::from_json(&migrate(
            Doc::ChecklistHistory,
            schema,
            v.get("data")?.clone(),
        )?)
    }

    /// Adds the imported records that are not already here; keeps date order. Returns how
    /// many were added.
    pub fn merge(&mut self, other: History) -> usize {
        let before = self.records.len();
        for r in other.records {
            if !self.records.contains(&r) {
                self.records.push(r);
            }
        }
        ouen_rules::order::sort_by(&mut self.records, |a, b| a.date.cmp(&b.date));
        self.records.len() - before
    }
}

/// Three-way merge of two tabs' histories (see `crate::sync`): the records both added are
/// all kept, in date order; one removed in either tab goes.
pub fn merge_history(base: Option<&Json>, mine: &Json, theirs: &Json) -> Merged {
    let parse = History::from_json;
    let (Some(m), Some(t)) = (parse(mine), parse(theirs)) else {
        return crate::sync::merge(base, mine, theirs);
    };
    let b = base.and_then(parse).unwrap_or_default();
    let mut records = crate::sync::merge_list(&b.records, &m.records, &t.records);
    ouen_rules::order::sort_by(&mut records, |a, b| a.date.cmp(&b.date));
    Merged {
        value: History { records }.to_json(),
        conflicts: Vec::new(),
        other: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{decode, encode, save_doc, SaveError};

    #[test]
    fn drafts_and_history_round_trip() {
        let mut draft = Draft {
            kind: "retail".into(),
            step: 2,
            ..Draft::default()
        };
        draft.answers.insert("cs-quotes".into(), "done".into());
        let text = encode(&draft);
        assert_eq!(
            decode::<Draft>(Doc::ChecklistDraft, Some(&text), None),
            Some(draft)
        );
        // A draft missing fields (e.g. written by an earlier build) takes defaults.
        let partial = r#"{"schema":2,"data":{"kind":"service"}}"#;
        assert_eq!(
            decode::<Draft>(Doc::ChecklistDraft, Some(partial), None),
            Some(Draft {
                kind: "service".into(),
                ..Draft::default()
            })
        );
    }

    fn record(date: &str, answer: &str) -> Record {
        Record {
            date: date.into(),
            kind: "retail".into(),
            answers: [("cs-quotes".to_string(), answer.to_string())].into(),
        }
    }

    #[test]
    fn history_exports_and_imports_without_duplicates() {
        let mut mine = History {
            records: vec![record("2025-01-10T09:00", "partial")],
        };
        let theirs = History {
            records: vec![
                record("2024-12-01T10:00", "notStarted"),
                record("2025-01-10T09:00", "partial"),
            ],
        };
        let file = theirs.export_json();
        assert!(
            file.contains(r#""format": "ouen.checklist.history""#),
            "{file}"
        );
        let imported = History::parse_export(&file).unwrap();
        assert_eq!(imported, theirs);
        assert_eq!(mine.merge(imported.clone()), 1);
        assert_eq!(
            mine.records
                .iter()
                .map(|r| r.date.as_str())
                .collect::<Vec<_>>(),
            ["2024-12-01T10:00", "2025-01-10T09:00"]
        );
        assert_eq!(mine.merge(imported), 0, "importing twice adds nothing");
        assert_eq!(
            History::parse_export(r#"{"format":"other","schema":2,"data":{}}"#),
            None
        );
        assert_eq!(
            History::parse_export(r#"{"format":"ouen.checklist.history","schema":99,"data":{}}"#),
            None
        );
        assert_eq!(History::parse_export("[]"), None);
    }

    #[test]
    fn histories_from_two_tabs_add_up() {
        let base = History {
            records: vec![record("2025-01-10T09:00", "partial")],
        };
        let mut mine = base.clone();
        mine.records.push(record("2025-02-01T09:00", "done"));
        let mut theirs = base.clone();
        theirs
            .records
            .push(record("2025-01-20T09:00", "notStarted"));
        let v = |h: &History| h.to_json();
        let m = merge_history(Some(&v(&base)), &v(&mine), &v(&theirs));
        let h = History::from_json(&m.value).unwrap();
        assert_eq!(
            h.records
                .iter()
                .map(|r| r.date.as_str())
                .collect::<Vec<_>>(),
            ["2025-01-10T09:00", "2025-01-20T09:00", "2025-02-01T09:00"]
        );
    }

    #[test]
    fn the_hand_written_json_is_serdes() {
        use crate::json_reference::{reads_as_serde, writes_as_serde};
        let mut draft = Draft {
            kind: "retail \"x\"\n".into(),
            step: 3,
            ..Draft::default()
        };
        writes_as_serde(&draft);
        draft.answers.insert("cs-quotes".into(), "done".into());
        writes_as_serde(&draft);
        let history = History {
            records: vec![record("2025-01-10T09:00", "partial"), record("", "")],
        };
        writes_as_serde(&history);
        writes_as_serde(&History::default());
        for text in [
            r#"{}"#,
            r#"{"kind":"a","answers":{"x":"y"},"step":1,"other":[1]}"#,
            r#"{"kind":1}"#,
            r#"{"answers":{"x":1}}"#,
            r#"{"step":-1}"#,
            r#"{"step":1.5}"#,
            "1",
        ] {
            reads_as_serde::<Draft>(text);
        }
        // Where the two differ, on purpose: serde also reads a list of the fields in order,
        // a shape no version of ouen ever wrote.
        assert_eq!(Draft::from_json(&json!([])), None);
        assert_eq!(History::from_json(&json!([[]])), None);
        for text in [
            r#"{"records":[]}"#,
            r#"{"records":[{"date":"d","kind":"k","answers":{}}]}"#,
            r#"{"records":[{"date":"d","kind":"k"}]}"#,
            r#"{"records":[{"date":"d","kind":"k","answers":{},"x":0}]}"#,
            r#"{"records":{}}"#,
        ] {
            reads_as_serde::<History>(text);
        }
    }

    #[test]
    fn writes_off_the_web_fail_loudly() {
        assert_eq!(
            save_doc(Doc::ChecklistDraft, &Draft::default()),
            Err(SaveError::Unavailable)
        );
    }
}
