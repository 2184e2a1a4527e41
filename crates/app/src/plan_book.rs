//! The support-plan drafts on this device: several named drafts, one open, duplicate, and
//! delete with undo. Pure (tested natively); `storage.rs` keeps it under `ouen.plan.drafts`.
//!
//! Each draft is stored as the core's JSON ([`PlanDraft::to_json`]'s shape) and read back
//! through [`PlanDraft::from_json`], so a draft written by an older app (older draft
//! version) still opens, migrated by the core.

use crate::i18n::m;
use crate::tf;
use ouen_rules::plan::PlanDraft;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One named draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub draft: PlanDraft,
}

/// The drafts, the open one, and the last deleted one (for undo).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Book {
    pub drafts: Vec<Named>,
    pub current: usize,
    /// The last deleted draft and where it was.
    pub deleted: Option<(usize, Named)>,
}

/// The stored shape: drafts as raw JSON so each migrates on its own.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Stored {
    pub drafts: Vec<StoredDraft>,
    pub current: usize,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredDraft {
    pub name: String,
    pub draft: Value,
}

impl Default for Book {
    fn default() -> Book {
        Book {
            drafts: vec![Named {
                name: tf!(m::PLAN_DRAFT_NAME, n = 1),
                draft: PlanDraft::default(),
            }],
            current: 0,
            deleted: None,
        }
    }
}

impl Book {
    pub fn current(&self) -> &Named {
        &self.drafts[self.current.min(self.drafts.len() - 1)]
    }

    pub fn set_current_draft(&mut self, d: PlanDraft) {
        let i = self.current.min(self.drafts.len() - 1);
        self.drafts[i].draft = d;
    }

    pub fn rename(&mut self, name: String) {
        let i = self.current.min(self.drafts.len() - 1);
        self.drafts[i].name = name;
    }

    pub fn select(&mut self, i: usize) {
        if i < self.drafts.len() {
            self.current = i;
        }
    }

    fn unique_name(&self, base: &str) -> String {
        let mut n = 1;
        loop {
            let name = if n == 1 {
                base.to_string()
            } else {
                format!("{base} ({n})")
            };
            if !self.drafts.iter().any(|d| d.name == name) {
                return name;
            }
            n += 1;
        }
    }

    /// A new draft (with `draft` as its content), opened.
    pub fn add(&mut self, draft: PlanDraft) {
        let name = self.unique_name(&tf!(m::PLAN_DRAFT_NAME, n = self.drafts.len() + 1));
        self.drafts.push(Named { name, draft });
        self.current = self.drafts.len() - 1;
    }

    /// A copy of the open draft, opened.
    pub fn duplicate(&mut self) {
        let cur = self.current().clone();
        let name = self.unique_name(&tf!(m::PLAN_DRAFT_COPY, name = cur.name));
        self.drafts.insert(
            self.current + 1,
            Named {
                name,
                draft: cur.draft,
            },
        );
        self.current += 1;
    }

    /// Deletes the open draft (kept for [`Book::undo_delete`]); the last one is replaced by
    /// an empty draft so there is always one open.
    pub fn delete(&mut self) {
        let i = self.current.min(self.drafts.len() - 1);
        let gone = self.drafts.remove(i);
        self.deleted = Some((i, gone));
        if self.drafts.is_empty() {
            self.drafts.push(Named {
                name: tf!(m::PLAN_DRAFT_NAME, n = 1),
                draft: PlanDraft::default(),
            });
        }
        self.current = i.min(self.drafts.len() - 1);
    }

    /// Puts the last deleted draft back where it was and opens it.
    pub fn undo_delete(&mut self) {
        if let Some((i, named)) = self.deleted.take() {
            let i = i.min(self.drafts.len());
            self.drafts.insert(i, named);
            self.current = i;
        }
    }

    pub fn to_stored(&self) -> Stored {
        Stored {
            drafts: self
                .drafts
                .iter()
                .map(|n| StoredDraft {
                    name: n.name.clone(),
                    draft: serde_json::to_value(&n.draft).unwrap_or(Value::Null),
                })
                .collect(),
            current: self.current,
        }
    }

    /// Reads what was stored; drafts that cannot be read (e.g. from a newer app) are skipped.
    pub fn from_stored(s: Stored) -> Book {
        let drafts: Vec<Named> = s
            .drafts
            .into_iter()
            .filter_map(|d| {
                let draft = PlanDraft::from_json(&d.draft.to_string()).ok()?;
                Some(Named {
                    name: d.name,
                    draft,
                })
            })
            .collect();
        if drafts.is_empty() {
            return Book::default();
        }
        let current = s.current.min(drafts.len() - 1);
        Book {
            drafts,
            current,
            deleted: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ouen_rules::plan::example;

    #[test]
    fn add_duplicate_delete_and_undo() {
        let mut b = Book::default();
        b.set_current_draft(example());
        b.add(PlanDraft::default());
        assert_eq!(b.drafts.len(), 2);
        assert_eq!(b.current, 1);
        b.select(0);
        b.duplicate();
        assert_eq!(b.current, 1);
        assert_eq!(b.current().name, "計画書 1 のコピー");
        assert_eq!(b.current().draft, example());
        b.delete();
        assert_eq!(b.drafts.len(), 2);
        assert!(b.deleted.is_some());
        b.undo_delete();
        assert_eq!(b.drafts.len(), 3);
        assert_eq!(b.current().name, "計画書 1 のコピー");
        // Deleting the last draft leaves an empty one open.
        let mut b = Book::default();
        b.delete();
        assert_eq!(b.drafts.len(), 1);
        b.undo_delete();
        assert_eq!(b.drafts.len(), 2);
    }

    #[test]
    fn stored_round_trip_and_an_older_draft_still_opens() {
        let mut b = Book::default();
        b.set_current_draft(example());
        b.rename("信州精機".into());
        let text = serde_json::to_string(&b.to_stored()).unwrap();
        let back = Book::from_stored(serde_json::from_str(&text).unwrap());
        assert_eq!(back.drafts, b.drafts);
        // A draft of version 0 (no version, `hours`, `schedule`) is migrated by the core;
        // one from a newer app is skipped, not misread.
        let old = r#"{"drafts":[{"name":"古い下書き","draft":{"rate":"4000","hours":"30",
            "schedule":{"start":"2021-05-10","end":"2021-06-30"}}},
            {"name":"未来","draft":{"version":99}}],"current":1}"#;
        let b = Book::from_stored(serde_json::from_str(old).unwrap());
        assert_eq!(b.drafts.len(), 1);
        assert_eq!(b.current, 0);
        assert_eq!(b.current().draft.steps[0].hours, "30");
        assert_eq!(b.current().draft.start, "2021-05-10");
    }
}
