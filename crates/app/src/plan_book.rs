//! The support-plan drafts on this device: several named drafts, one open, duplicate, and
//! delete with undo. Pure (tested natively); `storage.rs` keeps it under `ouen.plan.drafts`.
//!
//! Each draft is stored as the core's JSON (`PlanDraft`'s `ToJson`) and read back through the core's
//! reader ([`read_draft`]), so a draft written by an older app (older draft version) still
//! opens, migrated by the core. The book is written and read by hand over ouen's `Json`.

use crate::i18n::m;
use crate::sync;
use crate::tf;
use ouen_rules::json::{Fields, FromJson, Json, ToJson};
use ouen_rules::plan::{ImportError, PlanDraft};

/// A draft from the core's JSON (of any draft version up to this app's, migrated).
pub fn read_draft(v: &Json) -> Result<PlanDraft, ImportError> {
    PlanDraft::from_value(v.clone())
}

/// One named draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Identity across tabs (`crate::sync::merge_keyed`): the first draft of a new book is
    /// `d0` in every tab, so two fresh tabs edit the same draft; later ones get a random id.
    pub id: String,
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
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase", default))]
pub struct Stored {
    pub drafts: Vec<StoredDraft>,
    pub current: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct StoredDraft {
    /// Empty in books stored before ids: read as `d<index>`, the same in every tab.
    pub id: String,
    pub name: String,
    #[cfg_attr(test, serde(with = "crate::json_reference::as_value"))]
    pub draft: Json,
}

impl ToJson for Stored {
    fn to_json(&self) -> Json {
        Json::object([
            ("drafts", self.drafts.to_json()),
            ("current", self.current.to_json()),
        ])
    }
}

impl FromJson for Stored {
    fn from_json(v: &Json) -> Option<Stored> {
        let f = Fields::of(v)?;
        Some(Stored {
            drafts: f.or_default("drafts")?,
            current: f.or_default("current")?,
        })
    }
}

impl ToJson for StoredDraft {
    fn to_json(&self) -> Json {
        Json::object([
            ("id", self.id.to_json()),
            ("name", self.name.to_json()),
            ("draft", self.draft.clone()),
        ])
    }
}

impl FromJson for StoredDraft {
    fn from_json(v: &Json) -> Option<StoredDraft> {
        let f = Fields::of(v)?;
        Some(StoredDraft {
            id: f.or_default("id")?,
            name: f.or_default("name")?,
            draft: f.0.get("draft").cloned().unwrap_or_default(),
        })
    }
}

/// The id of a new book's first draft.
const FIRST_ID: &str = "d0";

/// A fresh draft id, unlike any other tab's.
#[cfg(target_arch = "wasm32")]
pub fn new_id() -> String {
    format!(
        "x{:x}",
        (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
    )
}

#[cfg(not(target_arch = "wasm32"))]
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("x{:x}", NEXT.fetch_add(1, Ordering::Relaxed))
}

impl Default for Book {
    fn default() -> Book {
        Book {
            drafts: vec![Named {
                id: FIRST_ID.into(),
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
        self.drafts.push(Named {
            id: new_id(),
            name,
            draft,
        });
        self.current = self.drafts.len() - 1;
    }

    /// A copy of the open draft, opened.
    pub fn duplicate(&mut self) {
        let cur = self.current().clone();
        let name = self.unique_name(&tf!(m::PLAN_DRAFT_COPY, name = cur.name));
        self.drafts.insert(
            self.current + 1,
            Named {
                id: new_id(),
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
                id: new_id(),
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
                    id: n.id.clone(),
                    name: n.name.clone(),
                    draft: n.draft.to_json(),
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
            .enumerate()
            .filter_map(|(i, d)| {
                let draft = read_draft(&d.draft).ok()?;
                Some(Named {
                    id: if d.id.is_empty() {
                        format!("d{i}")
                    } else {
                        d.id
                    },
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

/// Gives every draft stored without an id the one [`Book::from_stored`] reads it with.
fn with_ids(mut s: Stored) -> Stored {
    for (i, d) in s.drafts.iter_mut().enumerate() {
        if d.id.is_empty() {
            d.id = format!("d{i}");
        }
    }
    s
}

/// Whether stored data is a plan book this app can open (else it is never overwritten).
/// Every draft must open: a book holding a draft from a newer app is left whole.
pub fn readable(v: &Json) -> bool {
    v.get("drafts").is_some_and(|d| d.as_array().is_some())
        && Stored::from_json(v)
            .is_some_and(|s| s.drafts.iter().all(|d| read_draft(&d.draft).is_ok()))
}

/// Three-way merge of two tabs' stored books (see `crate::sync`): drafts by id (added or
/// removed in either tab), each draft's name and fields one by one. A draft whose same field
/// was changed differently in both tabs keeps this tab's version, and the other tab's version
/// is kept beside it as a conflict copy (「… （別のタブの内容）」): `conflicts` holds the
/// copies' names.
pub fn merge(base: Option<&Json>, mine: &Json, theirs: &Json) -> sync::Merged {
    if base == Some(mine) {
        // Nothing changed here since: what the other tab stored, as it is.
        return sync::Merged {
            value: theirs.clone(),
            conflicts: Vec::new(),
            other: None,
        };
    }
    let parse = |v: &Json| Stored::from_json(v).map(with_ids);
    let (Some(m), Some(t)) = (parse(mine), parse(theirs)) else {
        return sync::merge(base, mine, theirs);
    };
    let b = base.and_then(parse).unwrap_or_default();
    let mut copies: Vec<(String, StoredDraft)> = Vec::new();
    let mut drafts = sync::merge_keyed(
        &b.drafts,
        &m.drafts,
        &t.drafts,
        |d| d.id.clone(),
        |bd, md, td| {
            // The same draft in two tabs without a stored base is a new book's first draft,
            // made empty in each: what was typed since is what differs from an empty draft.
            let fresh = || StoredDraft {
                draft: PlanDraft::default().to_json(),
                ..md.clone()
            };
            let bd = bd.cloned().unwrap_or_else(fresh);
            let merged = sync::merge(Some(&bd.draft), &md.draft, &td.draft);
            // The name as any other field: a rename in both tabs is a conflict too.
            let name_conflict = md.name != td.name && md.name != bd.name && td.name != bd.name;
            if name_conflict || !merged.conflicts.is_empty() {
                copies.push((md.id.clone(), td.clone()));
            }
            StoredDraft {
                id: md.id.clone(),
                name: if md.name == bd.name {
                    &td.name
                } else {
                    &md.name
                }
                .clone(),
                draft: merged.value,
            }
        },
    );
    let mut names = Vec::new();
    for (of, theirs) in copies {
        let base = tf!(m::PLAN_DRAFT_CONFLICT_COPY, name = theirs.name);
        let mut name = base.clone();
        let mut n = 2;
        while drafts.iter().any(|d| d.name == name) {
            name = format!("{base} ({n})");
            n += 1;
        }
        let at = drafts
            .iter()
            .position(|d| d.id == of)
            .map_or(drafts.len(), |i| i + 1);
        names.push(name.clone());
        drafts.insert(
            at,
            StoredDraft {
                id: new_id(),
                name,
                draft: theirs.draft,
            },
        );
    }
    // The stored open draft (what a reload opens) is the last one a tab chose: this tab's
    // if it chose since the base, else the other tab's. Each tab keeps its own on screen.
    let open = |s: &Stored| s.drafts.get(s.current).map(|d| d.id.clone());
    let (open_b, open_m, open_t) = (open(&b), open(&m), open(&t));
    let chosen = if open_m == open_b {
        open_t
    } else {
        open_m.clone()
    };
    let at = |id: &Option<String>| drafts.iter().position(|d| Some(&d.id) == id.as_ref());
    let current = at(&chosen).or_else(|| at(&open_m)).unwrap_or(0);
    let value = Stored { drafts, current }.to_json();
    sync::Merged {
        value,
        conflicts: names,
        other: None,
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
        let text = b.to_stored().to_json().to_text();
        let back = Book::from_stored(parse(&text));
        assert_eq!(back.drafts, b.drafts);
        // A draft of version 0 (no version, `hours`, `schedule`) is migrated by the core;
        // one from a newer app is skipped, not misread.
        let old = r#"{"drafts":[{"name":"古い下書き","draft":{"rate":"4000","hours":"30",
            "schedule":{"start":"2021-05-10","end":"2021-06-30"}}},
            {"name":"未来","draft":{"version":99}}],"current":1}"#;
        let b = Book::from_stored(parse(old));
        assert_eq!(b.drafts.len(), 1);
        assert_eq!(b.current, 0);
        assert_eq!(b.current().draft.steps[0].hours, "30");
        assert_eq!(b.current().draft.start, "2021-05-10");
    }

    /// A stored book's text, read as serde's derive reads it, and checked to read the same
    /// by hand.
    fn parse(text: &str) -> Stored {
        let theirs: Stored = serde_json::from_str(text).unwrap();
        assert_eq!(
            Stored::from_json(&Json::parse(text).unwrap()),
            Some(theirs.clone())
        );
        theirs
    }

    fn stored(b: &Book) -> Json {
        let v = b.to_stored();
        crate::json_reference::same_value_as_serde(&v);
        v.to_json()
    }

    fn book(v: &Json) -> Book {
        Book::from_stored(Stored::from_json(v).unwrap())
    }

    #[test]
    fn two_tabs_editing_different_fields_of_a_new_book_share_one_draft() {
        // Two fresh tabs: each made its own default book, so no base.
        let mut a = Book::default();
        let mut d = a.current().draft.clone();
        d.sme.name = "信州精機".into();
        a.set_current_draft(d);
        let theirs = stored(&a);
        let mut b = Book::default();
        let mut d = b.current().draft.clone();
        d.sme.address = "長野市".into();
        b.set_current_draft(d);
        let merged = merge(None, &stored(&b), &theirs);
        assert!(merged.conflicts.is_empty());
        let out = book(&merged.value);
        assert_eq!(out.drafts.len(), 1);
        assert_eq!(out.current().draft.sme.name, "信州精機");
        assert_eq!(out.current().draft.sme.address, "長野市");
    }

    #[test]
    fn a_true_conflict_keeps_both_versions_of_the_draft() {
        let base = Book::default();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        let mut d = PlanDraft::default();
        d.sme.name = "Alpha".into();
        theirs.set_current_draft(d);
        theirs.add(example()); // a new draft in the other tab
        let mut d = PlanDraft::default();
        d.sme.name = "Beta".into();
        d.sme.address = "松本市".into();
        mine.set_current_draft(d);
        let merged = merge(Some(&stored(&base)), &stored(&mine), &stored(&theirs));
        assert_eq!(merged.conflicts, ["計画書 1（別のタブの内容）"]);
        let out = book(&merged.value);
        let names: Vec<_> = out.drafts.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            ["計画書 1", "計画書 1（別のタブの内容）", "計画書 2"]
        );
        assert_eq!(out.drafts[0].draft.sme.name, "Beta", "this tab's value");
        assert_eq!(out.drafts[0].draft.sme.address, "松本市");
        assert_eq!(
            out.drafts[1].draft.sme.name, "Alpha",
            "the other tab's, kept"
        );
        assert_eq!(out.drafts[2].draft, example());
        assert_eq!(out.current, 2, "the draft the other tab opened since");
        // The other tab, merging that result in, takes it as is: no second copy.
        let again = merge(Some(&stored(&theirs)), &stored(&theirs), &merged.value);
        assert!(again.conflicts.is_empty());
        assert_eq!(book(&again.value).drafts, out.drafts);
    }

    #[test]
    fn drafts_deleted_in_one_tab_and_added_in_another_both_take_effect() {
        let mut base = Book::default();
        base.add(example());
        let mut mine = base.clone();
        mine.select(1);
        mine.delete();
        let mut theirs = base.clone();
        theirs.add(PlanDraft::default());
        let merged = merge(Some(&stored(&base)), &stored(&mine), &stored(&theirs));
        let out = book(&merged.value);
        assert_eq!(out.drafts.len(), 2);
        assert_eq!(out.drafts[0].id, "d0");
        assert_eq!(out.drafts[1].id, theirs.drafts[2].id);
        // Books stored before ids read the same ids in every tab.
        let old = r#"{"drafts":[{"name":"a","draft":{}},{"name":"b","draft":{}}],"current":1}"#;
        let b = Book::from_stored(parse(old));
        assert_eq!(
            (b.drafts[0].id.as_str(), b.drafts[1].id.as_str()),
            ("d0", "d1")
        );
    }

    #[test]
    fn a_book_holding_what_this_app_cannot_open_is_never_overwritten() {
        use crate::storage::{held, plan_sync, Doc, Held, SaveError};
        let mine = stored(&Book::default());
        let keep_mine = |_: Option<&Json>, mine: &Json, _: &Json| sync::Merged {
            value: mine.clone(),
            conflicts: Vec::new(),
            other: None,
        };
        // Drafts that are not a list, and a book holding a draft from a newer app: kept whole,
        // not saved without it.
        for text in [
            r#"{"schema": 2, "data": {"drafts": "?"}}"#,
            r#"{"schema": 2, "data": {"drafts": [{"name": "未来", "draft": {"version": 99}}]}}"#,
        ] {
            let h = held(Doc::PlanDrafts, Some(text), None);
            assert!(matches!(h, Held::Data(_)), "{text}");
            assert_eq!(
                plan_sync(h, readable, None, &mine, keep_mine),
                Err(SaveError::Unreadable),
                "{text}"
            );
        }
        assert!(readable(&mine));
    }
}
