//! Files and links brought into the app (plan JSON, checklist history, the export-everything
//! file, hand-off fragments): capped in size and validated as a whole before anything is
//! stored. Pure and tested natively (and fuzzed: `fuzz/`); the pages show the messages.

use crate::checklist_doc::{Draft, History};
use crate::i18n::{m, t};
use ouen_rules::checklist::{item, Answer, BusinessKind};
use std::collections::BTreeMap;

/// The largest file any import reads (bytes). Every ouen file is far smaller: a plan draft
/// is a few KB, years of checklist history some tens of KB.
pub const MAX_IMPORT_BYTES: usize = 256 * 1024;

/// Why an import was refused. Nothing was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    TooLarge { file: String, bytes: usize },
    /// The file could not be read as text.
    Unreadable { file: String },
    /// Read, but not what this import takes; `field` names the first wrong part.
    Invalid { file: String, field: String },
}

impl ImportError {
    pub fn message(&self) -> String {
        match self {
            ImportError::TooLarge { file, bytes } => crate::tf!(
                m::IMPORT_TOO_LARGE,
                file = file,
                size = bytes.div_ceil(1024),
                max = MAX_IMPORT_BYTES / 1024
            ),
            ImportError::Unreadable { file } => crate::tf!(m::IMPORT_UNREADABLE, file = file),
            ImportError::Invalid { file, field } => {
                crate::tf!(m::IMPORT_INVALID, file = file, field = field)
            }
        }
    }

    /// The same error for another file name.
    pub fn in_file(self, name: &str) -> ImportError {
        let file = name.to_string();
        match self {
            ImportError::TooLarge { bytes, .. } => ImportError::TooLarge { file, bytes },
            ImportError::Unreadable { .. } => ImportError::Unreadable { file },
            ImportError::Invalid { field, .. } => ImportError::Invalid { file, field },
        }
    }
}

/// Refuses a file of `bytes` before it is read.
pub fn check_size(file: &str, bytes: usize) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES {
        Err(ImportError::TooLarge {
            file: file.into(),
            bytes,
        })
    } else {
        Ok(())
    }
}

fn invalid(field: impl Into<String>) -> ImportError {
    ImportError::Invalid {
        file: String::new(),
        field: field.into(),
    }
}

/// `YYYY-MM-DDTHH:MM`, as the checklist records its dates.
pub fn is_record_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 16
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 => *c == b':',
            _ => c.is_ascii_digit(),
        })
}

/// Checklist answers: every key an item, every value one of its choices for `kind`. A
/// completed assessment (`complete`) must name its kind. (Not every item need be answered:
/// a record made before an item was added stays readable.)
pub fn check_answers(
    field: &str,
    kind: &str,
    answers: &BTreeMap<String, String>,
    complete: bool,
) -> Result<(), ImportError> {
    let parsed = BusinessKind::parse(kind);
    if parsed.is_none() && (complete || !kind.is_empty()) {
        return Err(invalid(format!("{field}.kind")));
    }
    for (id, answer) in answers {
        let ok = item(id).is_some_and(|it| {
            Answer::parse(answer).is_some_and(|a| parsed.is_none_or(|k| it.choices(k).contains(&a)))
        });
        if !ok {
            return Err(invalid(format!("{field}.answers.{id}")));
        }
    }
    Ok(())
}

/// An id as the app writes them (`retail`, `cs-quotes`, `done`): short ASCII letters, digits
/// and `-`.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The shape of checklist answers without the item table (the settings page's import: the
/// table's texts would double that page's weight; the checklist page checks the items
/// themselves when it reads them): a kind and answers that are ids.
pub fn check_answer_ids(
    field: &str,
    kind: &str,
    answers: &BTreeMap<String, String>,
    complete: bool,
) -> Result<(), ImportError> {
    if !(is_id(kind) || (!complete && kind.is_empty())) {
        return Err(invalid(format!("{field}.kind")));
    }
    match answers.iter().find(|(k, v)| !is_id(k) || !is_id(v)) {
        Some((k, _)) => Err(invalid(format!("{field}.answers.{k}"))),
        None => Ok(()),
    }
}

/// A history's shape (dates, kinds, answer ids), without the item table.
pub fn check_history_ids(h: &History) -> Result<(), ImportError> {
    for (i, r) in h.records.iter().enumerate() {
        let field = format!("records[{}]", i + 1);
        if !is_record_date(&r.date) {
            return Err(invalid(format!("{field}.date")));
        }
        check_answer_ids(&field, &r.kind, &r.answers, true)?;
    }
    Ok(())
}

/// A checklist history export file, read and validated record by record.
pub fn parse_history(text: &str) -> Result<History, ImportError> {
    check_size("", text.len())?;
    let h = History::parse_export(text).ok_or_else(|| invalid("format"))?;
    check_history(&h)?;
    Ok(h)
}

/// Every completed assessment: a date, a kind, every item answered with one of its choices.
pub fn check_history(h: &History) -> Result<(), ImportError> {
    for (i, r) in h.records.iter().enumerate() {
        let field = format!("records[{}]", i + 1);
        if !is_record_date(&r.date) {
            return Err(invalid(format!("{field}.date")));
        }
        check_answers(&field, &r.kind, &r.answers, true)?;
    }
    Ok(())
}

/// A checklist draft as kept: its kind and answers valid (it may be partial).
pub fn check_draft(d: &Draft) -> Result<(), ImportError> {
    check_answers("draft", &d.kind, &d.answers, false)
}

/// A plan draft file, read by the core's importer (which migrates older drafts). The message
/// names the file and, where the core's reader says which, the field.
pub fn parse_plan(file: &str, text: &str) -> Result<ouen_rules::plan::PlanDraft, String> {
    use ouen_rules::plan::ImportError as E;
    check_size(file, text.len()).map_err(|e| e.message())?;
    ouen_rules::plan::PlanDraft::from_json(text).map_err(|e| match e {
        E::TooNew(_) => e.message(crate::i18n::locale()),
        // The core names the field it could not read; none when the text is not a JSON object.
        E::Malformed(field) => ImportError::Invalid {
            file: file.into(),
            field: if field.is_empty() {
                "JSON".into()
            } else {
                field
            },
        }
        .message(),
    })
}

/// The longest answer the wizard keeps (characters); a typed answer is a few.
pub const MAX_ANSWER_CHARS: usize = 200;

/// The wizard's answers: every key a question, every answer of a sane length.
pub fn check_eligibility(a: &crate::wizard::Answers) -> Result<(), ImportError> {
    use ouen_rules::eligibility::QuestionId;
    for (k, v) in &a.values {
        if !QuestionId::ALL.iter().any(|q| q.field() == k) || v.chars().count() > MAX_ANSWER_CHARS {
            return Err(invalid(format!("values.{k}")));
        }
    }
    Ok(())
}

/// The message for a file that could not be read at all.
pub fn unreadable(file: &str) -> String {
    ImportError::Unreadable { file: file.into() }.message()
}

/// The fallback name of a file whose name the browser did not give.
pub fn unnamed() -> &'static str {
    t(m::IMPORT_UNNAMED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist_doc::Record;
    use ouen_rules::checklist::ITEMS;

    fn complete(answer: &str) -> BTreeMap<String, String> {
        ITEMS
            .iter()
            .map(|it| (it.id.to_string(), answer.to_string()))
            .collect()
    }

    fn history_file(records: Vec<Record>) -> String {
        History { records }.export_json()
    }

    #[test]
    fn a_valid_history_file_reads_whole() {
        let r = Record {
            date: "2025-01-10T09:00".into(),
            kind: "retail".into(),
            answers: complete("done"),
        };
        let mut partial = r.clone();
        partial.answers.remove(ITEMS[0].id);
        let h = parse_history(&history_file(vec![r.clone(), partial.clone()])).unwrap();
        assert_eq!(
            h.records,
            [r, partial],
            "a record from before an item was added reads"
        );
    }

    #[test]
    fn one_bad_record_refuses_the_whole_file_and_names_it() {
        let good = Record {
            date: "2025-01-10T09:00".into(),
            kind: "retail".into(),
            answers: complete("done"),
        };
        let mut unknown_item = good.clone();
        unknown_item
            .answers
            .insert("no-such-item".into(), "done".into());
        let mut bad_level = good.clone();
        let first = ITEMS[0].id.to_string();
        bad_level.answers.insert(first.clone(), "perfect".into());
        let cases = [
            (
                Record {
                    date: "yesterday".into(),
                    ..good.clone()
                },
                "records[2].date".to_string(),
            ),
            (
                Record {
                    kind: "bakery".into(),
                    ..good.clone()
                },
                "records[2].kind".into(),
            ),
            (unknown_item, "records[2].answers.no-such-item".into()),
            (bad_level, format!("records[2].answers.{first}")),
        ];
        for (bad, field) in cases {
            let err = parse_history(&history_file(vec![good.clone(), bad])).unwrap_err();
            assert_eq!(err, invalid(field.clone()));
            let msg = err.in_file("history.json").message();
            assert!(
                msg.contains("history.json") && msg.contains(&field),
                "{msg}"
            );
        }
    }

    #[test]
    fn malformed_and_oversize_files_are_refused() {
        for text in [
            "",
            "not json",
            "[]",
            "{}",
            r#"{"format":"ouen.checklist.history"}"#,
        ] {
            assert_eq!(parse_history(text), Err(invalid("format")), "{text:?}");
        }
        let huge = format!(
            r#"{{"format":"ouen.checklist.history","schema":2,"data":{{"records":[]}},"pad":"{}"}}"#,
            "x".repeat(MAX_IMPORT_BYTES)
        );
        assert!(matches!(
            parse_history(&huge),
            Err(ImportError::TooLarge { bytes, .. }) if bytes == huge.len()
        ));
        assert_eq!(check_size("a.json", MAX_IMPORT_BYTES), Ok(()));
        let err = check_size("a.json", MAX_IMPORT_BYTES + 1).unwrap_err();
        let msg = err.message();
        assert!(msg.contains("a.json") && msg.contains("256"), "{msg}");
        let msg = parse_plan("plan.json", &huge).unwrap_err();
        assert!(msg.contains("256") && msg.contains("plan.json"), "{msg}");
        let msg = parse_plan("plan.json", "{").unwrap_err();
        assert!(msg.contains("plan.json") && msg.contains("JSON"), "{msg}");
        let msg = parse_plan("plan.json", r#"{"version":1,"steps":"many"}"#).unwrap_err();
        assert!(msg.contains("plan.json") && msg.contains("steps"), "{msg}");
        let msg = parse_plan("plan.json", r#"{"version":1,"sme":{"name":true}}"#).unwrap_err();
        assert!(msg.contains("sme.name"), "{msg}");
        let draft = ouen_rules::plan::PlanDraft::default();
        assert_eq!(parse_plan("plan.json", &draft.to_text()), Ok(draft));
    }

    #[test]
    fn wizard_answers_name_only_questions() {
        let mut a = crate::wizard::Answers::default();
        a.values.insert("location".into(), "nagano".into());
        assert_eq!(check_eligibility(&a), Ok(()));
        a.values
            .insert("employees".into(), "9".repeat(MAX_ANSWER_CHARS + 1));
        assert_eq!(check_eligibility(&a), Err(invalid("values.employees")));
        a.values.remove("employees");
        a.values.insert("__proto__".into(), "x".into());
        assert_eq!(check_eligibility(&a), Err(invalid("values.__proto__")));
    }

    #[test]
    fn the_shape_check_takes_ids_only() {
        let ok: BTreeMap<String, String> = [("cs-quotes".to_string(), "done".to_string())].into();
        assert_eq!(check_answer_ids("d", "retail", &ok, true), Ok(()));
        assert_eq!(check_answer_ids("d", "", &ok, false), Ok(()));
        assert_eq!(check_answer_ids("d", "", &ok, true), Err(invalid("d.kind")));
        let bad: BTreeMap<String, String> = [("<script>".to_string(), "done".to_string())].into();
        assert_eq!(
            check_answer_ids("d", "retail", &bad, true),
            Err(invalid("d.answers.<script>"))
        );
        let long: BTreeMap<String, String> = [("a".to_string(), "x".repeat(41))].into();
        assert_eq!(
            check_answer_ids("d", "retail", &long, true),
            Err(invalid("d.answers.a"))
        );
        let h = History {
            records: vec![crate::checklist_doc::Record {
                date: "2025-01-10 09:00".into(),
                kind: "retail".into(),
                answers: ok,
            }],
        };
        assert_eq!(check_history_ids(&h), Err(invalid("records[1].date")));
    }

    #[test]
    fn drafts_may_be_partial_but_not_wrong() {
        let mut d = Draft::default();
        assert_eq!(check_draft(&d), Ok(()), "nothing chosen yet");
        d.kind = "retail".into();
        d.answers.insert(ITEMS[0].id.into(), "done".into());
        assert_eq!(check_draft(&d), Ok(()));
        d.answers.insert("x".into(), "done".into());
        assert_eq!(check_draft(&d), Err(invalid("draft.answers.x")));
        d.answers.remove("x");
        d.kind = "bakery".into();
        assert_eq!(check_draft(&d), Err(invalid("draft.kind")));
    }
}
