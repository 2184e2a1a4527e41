//! Keeping documents on this device (`localStorage`), at the edge of the app.
//!
//! One key per document ([`Doc`]: the simulator's form, the wizard's answers, the checklist's
//! draft and history, the plan drafts, the seminar's config and tally), each stored as
//! `{"schema": N, "data": …}`, and every other key the app keeps ([`key`]): this is the one
//! place a key is named. Older shapes are brought up to [`SCHEMA`] by pure migration
//! functions (tested natively below); the first format of all, a bare document under a
//! legacy key (`ouen.simulator.v1`), still loads.
//!
//! No document type is known here: a document is JSON in, JSON out (ouen's own
//! [`Json`], or any type the caller names that converts: [`ToJson`], [`FromJson`]; serde_json
//! is not in the browser build). Each document's own module decodes and checks it (`form.rs`, `wizard.rs`,
//! `checklist_doc.rs`, `plan_book.rs`, `seminar.rs`), and says what is readable.
//!
//! Storage may be missing or refused (private browsing, blocked site data, a full quota):
//! nothing here panics, and a failed write is returned as a [`SaveError`] the page shows.

use crate::sync::{MergeFn, Merged};
use ouen_rules::json::{FromJson, Json, ToJson};

/// The current schema version of every document.
pub const SCHEMA: u32 = 2;

/// Every key this app keeps on the device outside the documents' own ([`Doc::key`],
/// [`Doc::other_key`] and the legacy keys), and the prefixes keys are made from. This module
/// names them all: no other file of the app writes a key (`tests/keys.rs`). `www/boot.js`
/// and `www/main.js` read and write [`key::LANG`] and [`key::TEXT_SIZE`] before the wasm
/// runs, under the same names (tested there too).
pub mod key {
    /// Every key of this app starts with this (a wipe removes them: [`super::wiped`]).
    pub const APP_PREFIX: &str = "ouen.";
    /// The language chosen with the header's switch (`www/main.js`), `"ja"` or `"en"`.
    pub const LANG: &str = "ouen.lang";
    /// The larger-text preference (`"large"`), applied by `www/boot.js` before the first paint.
    pub const TEXT_SIZE: &str = "ouen.text-size";
    /// Files saved on this device since the last hand-over (seminar mode only). Not under
    /// [`SEMINAR_PREFIX`], so a reset removes it with everything else the attendee left.
    pub const DOWNLOADS: &str = "ouen.downloads";
    /// Seminar mode's own keys, which survive a reset, start with this.
    pub const SEMINAR_PREFIX: &str = "ouen.seminar.";
    /// Counts seminar resets; a page whose epoch is stale reloads itself.
    pub const SEMINAR_EPOCH: &str = "ouen.seminar.epoch";
    /// Where wrong seminar PINs are counted (survives a reset and a reload, so neither skips
    /// the wait).
    pub const SEMINAR_ATTEMPTS: &str = "ouen.seminar.attempts";
    /// TEST ONLY: an idle timeout in seconds that overrides the organiser's minutes (the e2e
    /// test sets it so the idle reset can be seen in a few seconds). Not in the UI.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub const SEMINAR_IDLE_TEST: &str = "ouen.seminar.test-idle-seconds";
    /// Where each tool keeps its part of a seminar attendee's summary (`<prefix><tool>`):
    /// the attendee's, so a reset removes them although they are under [`SEMINAR_PREFIX`].
    pub const SEMINAR_PART_PREFIX: &str = "ouen.seminar.part.";
    /// Session storage (this tab's): the simulator's form as its address is about to carry it
    /// (`share::encode`), written at every change; the address follows a moment later.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub const ADDRESS_DUE: &str = "ouen.simulator.address-due";
}

/// A document kept on the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    Simulator,
    ChecklistDraft,
    ChecklistHistory,
    /// The support-plan drafts (`plan_book::Stored`); each draft migrates in the core.
    PlanDrafts,
    /// The eligibility wizard's answers (`wizard::Answers`).
    Eligibility,
    /// Seminar mode's settings (`seminar::Config`); survives a reset.
    SeminarConfig,
    /// The host tally (`seminar::Tally`); survives a reset.
    SeminarTally,
}

impl Doc {
    pub fn key(self) -> &'static str {
        match self {
            Doc::Simulator => "ouen.simulator",
            Doc::ChecklistDraft => "ouen.checklist.draft",
            Doc::ChecklistHistory => "ouen.checklist.history",
            Doc::PlanDrafts => "ouen.plan.drafts",
            Doc::Eligibility => "ouen.eligibility",
            Doc::SeminarConfig => "ouen.seminar.config",
            Doc::SeminarTally => "ouen.seminar.tally",
        }
    }

    /// The document's name in notices.
    pub fn label(self) -> crate::i18n::Msg {
        use crate::i18n::m;
        match self {
            Doc::Simulator => m::STORAGE_DOC_SIMULATOR,
            Doc::ChecklistDraft => m::STORAGE_DOC_CHECKLIST_DRAFT,
            Doc::ChecklistHistory => m::STORAGE_DOC_CHECKLIST_HISTORY,
            Doc::PlanDrafts => m::STORAGE_DOC_PLAN,
            Doc::Eligibility => m::STORAGE_DOC_ELIGIBILITY,
            Doc::SeminarConfig => m::STORAGE_DOC_SEMINAR_CONFIG,
            Doc::SeminarTally => m::STORAGE_DOC_SEMINAR_TALLY,
        }
    }

    /// Where the other tab's version is kept after a true conflict (see `crate::tabs`),
    /// until the person switches to it or deletes it. A wipe removes it with the rest.
    pub fn other_key(self) -> &'static str {
        match self {
            Doc::Simulator => "ouen.simulator.other",
            Doc::ChecklistDraft => "ouen.checklist.draft.other",
            Doc::ChecklistHistory => "ouen.checklist.history.other",
            Doc::PlanDrafts => "ouen.plan.drafts.other",
            Doc::Eligibility => "ouen.eligibility.other",
            Doc::SeminarConfig => "ouen.seminar.config.other",
            Doc::SeminarTally => "ouen.seminar.tally.other",
        }
    }

    /// Where schema 1 (before envelopes) kept the document, if it existed then.
    fn legacy_key(self) -> Option<&'static str> {
        match self {
            Doc::Simulator => Some("ouen.simulator.v1"),
            Doc::Eligibility => Some("ouen.eligibility.v1"),
            _ => None,
        }
    }
}

/// Why something could not be kept on this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// No storage at all (blocked site data, some private modes).
    Unavailable,
    /// The browser refused the write (usually a full quota). Only the browser build writes.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Refused,
    /// What the device holds under the key cannot be read (garbage, or a newer schema): it
    /// is left as it is, never overwritten.
    Unreadable,
}

impl SaveError {
    pub fn message(&self) -> &'static str {
        use crate::i18n::{m, t};
        t(match self {
            SaveError::Unavailable => m::STORAGE_UNAVAILABLE,
            SaveError::Refused => m::STORAGE_REFUSED,
            SaveError::Unreadable => m::STORAGE_UNREADABLE,
        })
    }

    /// The notice for `doc`: what could not be kept, why, and that the exports still work.
    pub fn about(&self, doc: Doc) -> String {
        crate::tf!(
            crate::i18n::m::STORAGE_ABOUT,
            what = crate::i18n::t(doc.label()),
            why = self.message()
        )
    }
}

// --- pure: envelopes and migrations ------------------------------------------------------

/// One migration per schema step: `MIGRATIONS[n - 1]` turns schema `n` data into `n + 1`.
type Migration = fn(Doc, Json) -> Option<Json>;
const MIGRATIONS: [Migration; (SCHEMA - 1) as usize] = [v1_to_v2];

/// Schema 1 → 2: the data itself kept its shape (the simulator's form, fields as typed); what
/// changed is the envelope and the key. Anything that is not an object is refused.
fn v1_to_v2(_: Doc, data: Json) -> Option<Json> {
    data.is_object().then_some(data)
}

/// Reads a stored text as `(schema, data)`: an envelope, or (`bare`: under a legacy key
/// only) a bare schema-1 document. Anything else under a current key is not ours to read.
fn unwrap_envelope(text: &str, bare: bool) -> Option<(u32, Json)> {
    let v = Json::parse(text).ok()?;
    match (v.get("schema").and_then(Json::as_u64), v.get("data")) {
        (Some(n), Some(data)) => Some((u32::try_from(n).ok()?, data.clone())),
        _ if bare => Some((1, v)),
        _ => None,
    }
}

/// Brings stored data of any known schema up to [`SCHEMA`]; `None` if unreadable or newer
/// than this app knows.
pub fn migrate(doc: Doc, schema: u32, mut data: Json) -> Option<Json> {
    if schema == 0 || schema > SCHEMA {
        return None;
    }
    for step in &MIGRATIONS[(schema - 1) as usize..] {
        data = step(doc, data)?;
    }
    Some(data)
}

/// Decodes a document from what the device holds under its key and (else) its legacy key.
pub fn decode<T: FromJson>(doc: Doc, current: Option<&str>, legacy: Option<&str>) -> Option<T> {
    match held(doc, current, legacy) {
        Held::Data(data) => T::from_json(&data),
        _ => None,
    }
}

/// What the device holds for a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Held {
    /// Nothing (never saved, or removed).
    Missing,
    /// The document's data, migrated to the current schema.
    Data(Json),
    /// Something this app cannot read (not JSON, not an envelope it knows, a newer schema):
    /// left untouched, never overwritten.
    Unreadable,
}

/// Reads what the device holds under a document's key (else its legacy key). Pure. An
/// unreadable legacy key counts as missing: writing the current key leaves it untouched.
pub fn held(doc: Doc, current: Option<&str>, legacy: Option<&str>) -> Held {
    let read =
        |text: &str, bare| unwrap_envelope(text, bare).and_then(|(n, data)| migrate(doc, n, data));
    match (current, legacy.and_then(|text| read(text, true))) {
        (Some(text), _) => read(text, false).map_or(Held::Unreadable, Held::Data),
        (None, Some(data)) => Held::Data(data),
        (None, None) => Held::Missing,
    }
}

/// What a save does with what the device holds (pure): merges this tab's value (`mine`)
/// with the stored one against `base` (see `crate::sync`), and says whether to write the
/// result. What cannot be read (`Unreadable`, or data the page cannot decode: `readable`)
/// is never overwritten.
pub fn plan_sync(
    held: Held,
    readable: fn(&Json) -> bool,
    base: Option<&Json>,
    mine: &Json,
    merge: MergeFn,
) -> Result<(Merged, bool), SaveError> {
    match held {
        Held::Unreadable => Err(SaveError::Unreadable),
        Held::Data(theirs) if !readable(&theirs) => Err(SaveError::Unreadable),
        Held::Missing => Ok((
            Merged {
                value: mine.clone(),
                conflicts: Vec::new(),
                other: None,
            },
            true,
        )),
        // Nothing changed here since the base: take what is stored as it is.
        Held::Data(theirs) if base == Some(mine) => Ok((
            Merged {
                value: theirs,
                conflicts: Vec::new(),
                other: None,
            },
            false,
        )),
        Held::Data(theirs) => {
            let merged = merge(base, mine, &theirs);
            let write = merged.value != theirs;
            Ok((merged, write))
        }
    }
}

/// The stored text of a document at the current schema.
pub fn encode<T: ToJson>(data: &T) -> String {
    let envelope = Json::object([("schema", Json::from(SCHEMA)), ("data", data.to_json())]);
    envelope.to_text()
}

// --- the device -------------------------------------------------------------------------

/// The device's storage.
#[cfg(target_arch = "wasm32")]
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether this device lets the app use its storage at all.
#[cfg(target_arch = "wasm32")]
fn available() -> bool {
    local_storage().is_some()
}

#[cfg(not(target_arch = "wasm32"))]
fn available() -> bool {
    false
}

#[cfg(target_arch = "wasm32")]
fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

#[cfg(not(target_arch = "wasm32"))]
fn read(_: &str) -> Option<String> {
    None
}

#[cfg(target_arch = "wasm32")]
fn write(key: &str, text: &str) -> Result<(), SaveError> {
    let storage = local_storage().ok_or(SaveError::Unavailable)?;
    storage.set_item(key, text).map_err(|_| SaveError::Refused)
}

#[cfg(not(target_arch = "wasm32"))]
fn write(_: &str, _: &str) -> Result<(), SaveError> {
    Err(SaveError::Unavailable)
}

/// The raw text under `key` (for small values outside the documents).
pub fn read_raw(key: &str) -> Option<String> {
    read(key)
}

/// Writes a small raw value; failures are ignored (preferences, counters).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn write_raw(key: &str, text: &str) {
    let _ = write(key, text);
}

/// The text under `key` in this tab's session storage.
#[cfg(target_arch = "wasm32")]
pub fn session_read(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Writes `key` in this tab's session storage; failures are ignored (see [`key::ADDRESS_DUE`]).
#[cfg(target_arch = "wasm32")]
pub fn session_write(key: &str, text: &str) {
    if let Some(s) = session_storage() {
        let _ = s.set_item(key, text);
    }
}

#[cfg(target_arch = "wasm32")]
fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Removes one key.
#[cfg(target_arch = "wasm32")]
pub fn remove_raw(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn remove_raw(_: &str) {}

/// Whether `key` is one of this app's keys that a wipe removes (`keep_seminar`: the
/// seminar's own keys stay).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn wiped(key: &str, keep_seminar: bool) -> bool {
    // The parts of an attendee's summary are the attendee's: they go with everything else.
    let seminar_own = key.starts_with(self::key::SEMINAR_PREFIX)
        && !key.starts_with(self::key::SEMINAR_PART_PREFIX);
    key.starts_with(self::key::APP_PREFIX) && !(keep_seminar && seminar_own)
}

/// Deletes this app's data on this device: every `ouen.*` key (but the seminar's own when
/// `keep_seminar`), and the session storage. Returns how many keys were removed.
#[cfg(target_arch = "wasm32")]
pub fn wipe(keep_seminar: bool) -> usize {
    let mut removed = 0;
    if let Some(s) = local_storage() {
        let n = s.length().unwrap_or(0);
        let keys: Vec<String> = (0..n).filter_map(|i| s.key(i).ok().flatten()).collect();
        for k in keys.into_iter().filter(|k| wiped(k, keep_seminar)) {
            if s.remove_item(&k).is_ok() {
                removed += 1;
            }
        }
    }
    if let Some(s) = session_storage() {
        let _ = s.clear();
    }
    removed
}

#[cfg(not(target_arch = "wasm32"))]
pub fn wipe(_: bool) -> usize {
    0
}

/// A document as kept on this device, migrated to the current schema.
pub fn load_doc<T: FromJson>(doc: Doc) -> Option<T> {
    let current = read(doc.key());
    let legacy = match (&current, doc.legacy_key()) {
        (None, Some(k)) => read(k),
        _ => None,
    };
    decode(doc, current.as_deref(), legacy.as_deref())
}

/// What the device holds for `doc` now.
pub fn held_now(doc: Doc) -> Held {
    let current = read(doc.key());
    let legacy = match (&current, doc.legacy_key()) {
        (None, Some(k)) => read(k),
        _ => None,
    };
    held(doc, current.as_deref(), legacy.as_deref())
}

/// Keeps a document on this device, over whatever is stored, unless that cannot be read
/// (then it is left as it is: [`SaveError::Unreadable`]).
pub fn save_doc<T: ToJson>(doc: Doc, data: &T) -> Result<(), SaveError> {
    let text = encode(data);
    if held_now(doc) == Held::Unreadable {
        return Err(SaveError::Unreadable);
    }
    write(doc.key(), &text)
}

/// The copy of `doc` kept after a conflict ([`Doc::other_key`]), if there is a readable one.
pub fn other_copy(doc: Doc) -> Option<Json> {
    let text = read(doc.other_key())?;
    let (schema, data) = unwrap_envelope(&text, false)?;
    migrate(doc, schema, data)
}

/// Keeps `copy` as the conflict copy of `doc` (over any earlier one), or deletes the copy.
pub fn keep_other(doc: Doc, copy: Option<&Json>) -> Result<(), SaveError> {
    match copy {
        Some(v) => write(doc.other_key(), &encode(v)),
        None => {
            remove_raw(doc.other_key());
            Ok(())
        }
    }
}

/// Saves this tab's value of `doc` merged with what another tab may have stored since
/// `base` (see [`plan_sync`]); returns what is now stored, which the tab shows. While the
/// page adopts its prerendered HTML nothing is read or written.
pub fn sync_doc(
    doc: Doc,
    readable: fn(&Json) -> bool,
    base: Option<&Json>,
    mine: &Json,
    merge: MergeFn,
) -> Result<Merged, SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let (merged, write_it) = plan_sync(held_now(doc), readable, base, mine, merge)?;
    if write_it {
        write(doc.key(), &encode(&merged.value))?;
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_format_migrates_to_the_current_schema() {
        // A bare document under a legacy key (schema 1) is read as data of the current schema.
        let legacy = r#"{"values":{"location":"nagano","employees":"４５人"}}"#;
        let data = json!({"values": {"location": "nagano", "employees": "４５人"}});
        assert_eq!(
            decode::<Json>(Doc::Eligibility, None, Some(legacy)),
            Some(data.clone())
        );
        // Saved again, it is an envelope at the current schema that reads back the same.
        let text = encode(&data);
        assert_eq!(
            Json::parse(&text).unwrap(),
            Json::object([("schema", Json::from(SCHEMA)), ("data", data.clone())])
        );
        assert_eq!(
            decode::<Json>(Doc::Eligibility, Some(&text), None),
            Some(data)
        );
        // The current key wins over the legacy one; a bare document under it is not ours.
        let newer = encode(&json!({"values": {}}));
        assert_eq!(
            decode::<Json>(Doc::Eligibility, Some(&newer), Some(legacy)),
            Some(json!({"values": {}}))
        );
        assert_eq!(decode::<Json>(Doc::Eligibility, Some(legacy), None), None);
        assert_eq!(decode::<Json>(Doc::Simulator, Some("not json"), None), None);
        assert_eq!(decode::<Json>(Doc::Simulator, None, None), None);
        // Only the documents that existed in schema 1 have a legacy key.
        assert_eq!(Doc::Simulator.legacy_key(), Some("ouen.simulator.v1"));
        assert_eq!(Doc::PlanDrafts.legacy_key(), None);
    }

    #[test]
    fn migrations_refuse_what_they_cannot_read() {
        assert_eq!(
            migrate(Doc::Simulator, 1, json!({"rate": "1"})),
            Some(json!({"rate": "1"}))
        );
        assert_eq!(migrate(Doc::Simulator, 1, json!([1, 2])), None);
        assert_eq!(migrate(Doc::Simulator, SCHEMA, json!({})), Some(json!({})));
        assert_eq!(
            migrate(Doc::Simulator, SCHEMA + 1, json!({})),
            None,
            "from a newer app"
        );
        assert_eq!(migrate(Doc::Simulator, 0, json!({})), None);
        assert_eq!(
            MIGRATIONS.len() as u32,
            SCHEMA - 1,
            "one migration per schema step"
        );
    }

    #[test]
    fn a_wipe_takes_every_app_key_but_the_seminars_own() {
        for k in [
            "ouen.simulator",
            "ouen.lang",
            "ouen.text-size",
            "ouen.plan.drafts",
            "ouen.seminar.part.checklist",
        ] {
            assert!(wiped(k, true), "{k}");
        }
        assert!(!wiped("ouen.seminar.tally", true));
        assert!(!wiped("ouen.seminar.config", true));
        assert!(wiped("ouen.seminar.tally", false), "delete all data");
        assert!(!wiped("other-app.key", false));
        assert_eq!(Doc::SeminarTally.key(), "ouen.seminar.tally");
    }

    #[test]
    fn writes_off_the_web_fail_loudly() {
        assert_eq!(
            save_doc(Doc::ChecklistDraft, &json!({})),
            Err(SaveError::Unavailable)
        );
        assert!(SaveError::Refused
            .message()
            .contains("保存できませんでした"));
    }

    fn keep_mine(_: Option<&Json>, mine: &Json, _: &Json) -> Merged {
        Merged {
            value: mine.clone(),
            conflicts: Vec::new(),
            other: None,
        }
    }

    #[test]
    fn what_cannot_be_read_is_never_overwritten() {
        let doc = Doc::PlanDrafts;
        let any: fn(&Json) -> bool = |_| true;
        let mine = json!({"drafts": []});
        for garbage in [
            "{not json",
            "",
            r#"{"version": 999}"#,
            r#"{"schema": 999, "data": {"drafts": []}}"#,
            r#"{"schema": 0, "data": {}}"#,
            r#"[1, 2]"#,
        ] {
            let h = held(doc, Some(garbage), None);
            assert_eq!(h, Held::Unreadable, "{garbage}");
            assert_eq!(
                plan_sync(h, any, None, &mine, keep_mine),
                Err(SaveError::Unreadable),
                "{garbage}"
            );
        }
        // Data the page cannot decode (its `readable` says no) is not written over either.
        let h = held(doc, Some(r#"{"schema": 2, "data": {"drafts": "?"}}"#), None);
        assert!(matches!(h, Held::Data(_)));
        let drafts_listed: fn(&Json) -> bool = |v| v.get("drafts").is_some_and(Json::is_array);
        assert_eq!(
            plan_sync(h, drafts_listed, None, &mine, keep_mine),
            Err(SaveError::Unreadable)
        );
        // The message names the document and says the exports still work.
        let msg = SaveError::Unreadable.about(doc);
        assert!(
            msg.contains("計画書の下書き") && msg.contains("書き出し"),
            "{msg}"
        );
    }

    #[test]
    fn a_save_merges_with_what_is_stored_and_writes_only_a_change() {
        let doc = Doc::Eligibility;
        let any: fn(&Json) -> bool = |_| true;
        // Nothing stored: this tab's value is written.
        let mine = json!({"values": {"location": "nagano"}});
        let (m, write) =
            plan_sync(held(doc, None, None), any, None, &mine, crate::sync::merge).unwrap();
        assert_eq!((m.value, write), (mine.clone(), true));
        // Another tab answered another question since: both kept, and written.
        let base = json!({"values": {}});
        let theirs = encode(&json!({"values": {"employees": "5"}}));
        let (m, write) = plan_sync(
            held(doc, Some(&theirs), None),
            any,
            Some(&base),
            &mine,
            crate::sync::merge,
        )
        .unwrap();
        assert_eq!(
            m.value,
            json!({"values": {"location": "nagano", "employees": "5"}})
        );
        assert!(write);
        // What is stored already is what this tab has: nothing to write.
        let same = encode(&mine);
        let (_, write) = plan_sync(
            held(doc, Some(&same), None),
            any,
            Some(&base),
            &mine,
            crate::sync::merge,
        )
        .unwrap();
        assert!(!write);
        // A legacy key that cannot be read does not stop the current key being written.
        assert_eq!(held(doc, None, Some("garbage")), Held::Missing);
    }
}
