//! Seminar mode: one tablet passed among several attendees at a seminar.
//!
//! The organiser turns it on with a PIN (only a salted, iterated SHA-256 of it is kept, under
//! `ouen.seminar.config`). While it is on, every page shows the seminar bar (`view::seminar_bar`):
//! "次の方へ" asks whether the attendee agrees to add an anonymous summary to the host tally,
//! then wipes everything the attendee entered (every `ouen.*` key except `ouen.seminar.*`,
//! sessionStorage, the language and text-size choices, the URL fragment) and reloads `/` with
//! `location.replace`. While it is on the app never writes state into the address or the
//! history (`url_writes_allowed`, used by `share::web::replace_fragment` and `route::push`),
//! so the back button cannot bring the previous attendee's input back; a page restored from
//! the back-forward cache after a reset reloads itself (`epoch`).
//!
//! The host tally (`ouen.seminar.tally`) holds one anonymous [`Entry`] per consenting
//! attendee: checklist stage and area scores, scheme verdicts (yes / no / unknown), tools
//! used. No names, company fields, free text or money figures.
//!
//! Everything above the `web` module is pure and tested natively.

#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::checklist_doc::{Draft, History};
use crate::i18n::{m, text};
use crate::storage::key;
use ouen_rules::checklist::{score, validate, Area, BusinessKind, RawAnswers};
use ouen_rules::eligibility::EligibilityStatus;
use ouen_rules::json::{Fields, FromJson, Json, ToJson};
use ouen_rules::{Locale, Scheme};
use std::collections::BTreeMap;

/// The idle reset choices, in minutes (0 = off).
pub const IDLE_CHOICES: [u32; 5] = [0, 3, 5, 10, 15];
/// The countdown banner shows for the last this many seconds.
pub const COUNTDOWN_SECONDS: u32 = 60;
/// Rounds of SHA-256 over the salted PIN in the first config format (kept only to recognise
/// an old config and replace it at the next correct entry).
const LEGACY_PIN_ROUNDS: u32 = 5_000;
/// The config format this build writes: 1 = the iterated SHA-256 above (no `version` field),
/// 2 = PBKDF2-SHA-256 through the browser's Web Crypto.
pub const CONFIG_VERSION: u32 = 2;
/// PBKDF2-SHA-256 iterations for a new PIN hash.
pub const PBKDF2_ITERATIONS: u32 = 310_000;
/// The fewest iterations a stored PBKDF2 config may claim (a tampered or truncated config
/// with fewer is not trusted, and never matches).
pub const PBKDF2_MIN_ITERATIONS: u32 = 100_000;
/// Bytes of random salt, and of the derived hash.
pub const SALT_BYTES: usize = 16;
pub const HASH_BYTES: usize = 32;

// --- the PIN ------------------------------------------------------------------------------

/// A PIN as typed (full-width digits and spaces allowed) → its 4 to 8 ASCII digits.
pub fn normalize_pin(typed: &str) -> Option<String> {
    let pin: String = typed
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            c => c,
        })
        .collect();
    (pin.chars().all(|c| c.is_ascii_digit()) && (4..=8).contains(&pin.len())).then_some(pin)
}

/// The first format's salted, iterated SHA-256 of a PIN, as hex.
pub fn legacy_hash_pin(salt: &str, pin: &str) -> String {
    let mut h = sha256(format!("ouen-seminar:{salt}:{pin}").as_bytes());
    for _ in 1..LEGACY_PIN_ROUNDS {
        h = sha256(&h);
    }
    hex(&h)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Lower- or upper-case hex → bytes; `None` if it is not hex.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Compares two hashes without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

#[cfg(test)]
fn legacy_version() -> u32 {
    1
}

// The seminar's documents are written and read by hand over ouen's `Json` (no serde in the
// browser build); serde's derives stay for the tests, as the reference.

/// Seminar mode's settings; it is on while this is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Config {
    /// The hash's format ([`CONFIG_VERSION`]); configs from before PBKDF2 have none: 1.
    #[cfg_attr(test, serde(default = "legacy_version"))]
    pub version: u32,
    /// Version 1: any text; version 2: hex of [`SALT_BYTES`] random bytes.
    pub salt: String,
    /// Hex.
    pub hash: String,
    /// PBKDF2 iterations (version 2); not written when 0 (version 1).
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub iterations: u32,
    /// 0 = no idle reset.
    #[cfg_attr(test, serde(default))]
    pub idle_minutes: u32,
}

#[cfg(test)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl ToJson for Config {
    fn to_json(&self) -> Json {
        let mut m = ouen_rules::json::Map::new();
        m.insert("version", self.version.to_json());
        m.insert("salt", self.salt.to_json());
        m.insert("hash", self.hash.to_json());
        if self.iterations != 0 {
            m.insert("iterations", self.iterations.to_json());
        }
        m.insert("idleMinutes", self.idle_minutes.to_json());
        Json::Obj(m)
    }
}

impl FromJson for Config {
    fn from_json(v: &Json) -> Option<Config> {
        let f = Fields::of(v)?;
        Some(Config {
            version: f.opt("version")?.unwrap_or(1),
            salt: f.need("salt")?,
            hash: f.need("hash")?,
            iterations: f.or_default("iterations")?,
            idle_minutes: f.or_default("idleMinutes")?,
        })
    }
}

/// How a stored config's hash is to be derived from a typed PIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kdf {
    /// Version 1: [`legacy_hash_pin`] (replaced at the next correct entry).
    Legacy,
    /// Version 2: PBKDF2-SHA-256 over the PIN's digits.
    Pbkdf2 { salt: Vec<u8>, iterations: u32 },
}

impl Config {
    /// A version-2 config from the PBKDF2 hash of its PIN.
    pub fn pbkdf2(salt: &[u8], derived: &[u8], iterations: u32, idle_minutes: u32) -> Config {
        Config {
            version: CONFIG_VERSION,
            salt: hex(salt),
            hash: hex(derived),
            iterations,
            idle_minutes,
        }
    }

    /// How to check a PIN against this config; `None` when it cannot be trusted or read (a
    /// newer format, a salt that is not hex, too few iterations): then no PIN matches.
    pub fn kdf(&self) -> Option<Kdf> {
        match self.version {
            1 => Some(Kdf::Legacy),
            2 if self.iterations >= PBKDF2_MIN_ITERATIONS && self.hash.len() == HASH_BYTES * 2 => {
                let salt = unhex(&self.salt).filter(|s| !s.is_empty())?;
                Some(Kdf::Pbkdf2 {
                    salt,
                    iterations: self.iterations,
                })
            }
            _ => None,
        }
    }

    /// Whether a correct entry should replace this config's hash with a new one.
    pub fn needs_upgrade(&self) -> bool {
        self.kdf() == Some(Kdf::Legacy)
    }

    /// Whether `derived_hex` (the hash of a typed PIN by [`Config::kdf`]) is this config's.
    pub fn matches(&self, derived_hex: &str) -> bool {
        same(&self.hash.to_ascii_lowercase(), derived_hex)
    }

    /// Whether `typed` is the PIN of a version-1 config (`false` for any other version).
    pub fn check_legacy(&self, typed: &str) -> bool {
        self.kdf() == Some(Kdf::Legacy)
            && normalize_pin(typed).is_some_and(|p| self.matches(&legacy_hash_pin(&self.salt, &p)))
    }
}

/// After `failures` wrong PINs in a row, the wait before the next try, in seconds: 1, 2, 4, …
/// doubling up to [`MAX_WAIT_SECONDS`].
pub fn wait_after(failures: u32) -> u32 {
    match failures {
        0 => 0,
        n => (1u32 << (n - 1).min(16)).min(MAX_WAIT_SECONDS),
    }
}

/// The longest wait between PIN tries.
pub const MAX_WAIT_SECONDS: u32 = 60;

/// Wrong PIN entries in a row, and when the next try is allowed (ms since the epoch).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Attempts {
    pub failures: u32,
    pub until: f64,
}

/// Kept as `{"failures": n, "until": ms}`, `until` in whole milliseconds (earlier builds
/// wrote it as a float, `1733000000000.0`: its whole part is read).
impl ToJson for Attempts {
    fn to_json(&self) -> Json {
        let until = if self.until.is_finite() && self.until > 0.0 {
            self.until as u64
        } else {
            0
        };
        Json::object([
            ("failures", self.failures.to_json()),
            ("until", until.to_json()),
        ])
    }
}

impl FromJson for Attempts {
    fn from_json(v: &Json) -> Option<Attempts> {
        let f = Fields::of(v)?;
        let until = match f.0.get("until") {
            None | Some(Json::Null) => 0.0,
            Some(Json::Num(t)) => {
                let whole = t.split('.').next().unwrap_or_default();
                Json::Num(whole.into()).as_u64()? as f64
            }
            Some(_) => return None,
        };
        Some(Attempts {
            failures: f.or_default("failures")?,
            until,
        })
    }
}

impl Attempts {
    /// Counts one more wrong PIN at `now`.
    pub fn failed(self, now: f64) -> Attempts {
        let failures = self.failures.saturating_add(1);
        Attempts {
            failures,
            until: now + f64::from(wait_after(failures)) * 1000.0,
        }
    }

    /// Whole seconds still to wait at `now` (rounded up; never more than the longest wait,
    /// whatever the stored time says).
    pub fn seconds_left(&self, now: f64) -> u32 {
        let left = ((self.until - now) / 1000.0).ceil();
        if left.is_nan() || left <= 0.0 {
            0
        } else {
            (left.min(f64::from(MAX_WAIT_SECONDS))) as u32
        }
    }
}

/// Why a new PIN was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinError {
    Format,
    Mismatch,
}

/// The PIN from the two fields of the form that turns seminar mode on.
pub fn new_pin(first: &str, second: &str) -> Result<String, PinError> {
    let a = normalize_pin(first).ok_or(PinError::Format)?;
    if normalize_pin(second).as_deref() != Some(a.as_str()) {
        return Err(PinError::Mismatch);
    }
    Ok(a)
}

/// SHA-256 (FIPS 180-4), small and dependency-free.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [
                t1.wrapping_add(t2),
                v[0],
                v[1],
                v[2],
                v[3].wrapping_add(t1),
                v[4],
                v[5],
                v[6],
            ];
        }
        for (a, b) in h.iter_mut().zip(v) {
            *a = a.wrapping_add(b);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

// --- the tally ----------------------------------------------------------------------------

/// A scheme's verdict for one attendee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub enum Verdict {
    Yes,
    No,
    #[default]
    Unknown,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Yes, Verdict::No, Verdict::Unknown];

    pub fn label(self, l: Locale) -> &'static str {
        text(
            match self {
                Verdict::Yes => m::SEMINAR_VERDICT_YES,
                Verdict::No => m::SEMINAR_VERDICT_NO,
                Verdict::Unknown => m::SEMINAR_VERDICT_UNKNOWN,
            },
            l,
        )
    }

    fn index(self) -> usize {
        match self {
            Verdict::Yes => 0,
            Verdict::No => 1,
            Verdict::Unknown => 2,
        }
    }

    fn id(self) -> &'static str {
        ["yes", "no", "unknown"][self.index()]
    }
}

impl ToJson for Verdict {
    fn to_json(&self) -> Json {
        Json::from(self.id())
    }
}

impl FromJson for Verdict {
    fn from_json(v: &Json) -> Option<Verdict> {
        let s = v.as_str()?;
        Verdict::ALL.into_iter().find(|x| x.id() == s)
    }
}

/// The tools an attendee can use, in the tally's order.
pub const TOOLS: [&str; 4] = ["simulator", "eligibility", "checklist", "plan"];

pub fn tool_label(tool: &str, l: Locale) -> &'static str {
    text(
        match tool {
            "simulator" => m::SEMINAR_TOOL_SIMULATOR,
            "eligibility" => m::SEMINAR_TOOL_ELIGIBILITY,
            "checklist" => m::SEMINAR_TOOL_CHECKLIST,
            _ => m::SEMINAR_TOOL_PLAN,
        },
        l,
    )
}

/// One attendee's anonymous summary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase", default))]
pub struct Entry {
    /// Checklist stage 1 to 4, when a complete checklist exists.
    pub stage: Option<u8>,
    /// Area id → percent, for the areas that apply.
    pub areas: BTreeMap<String, u32>,
    pub national: Verdict,
    pub nagano: Verdict,
    /// Ids from [`TOOLS`].
    pub tools: Vec<String>,
}

/// Every consenting attendee's summary, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase", default))]
pub struct Tally {
    pub entries: Vec<Entry>,
}

impl ToJson for Entry {
    fn to_json(&self) -> Json {
        Json::object([
            ("stage", self.stage.to_json()),
            ("areas", self.areas.to_json()),
            ("national", self.national.to_json()),
            ("nagano", self.nagano.to_json()),
            ("tools", self.tools.to_json()),
        ])
    }
}

impl FromJson for Entry {
    fn from_json(v: &Json) -> Option<Entry> {
        let f = Fields::of(v)?;
        Some(Entry {
            stage: f.opt("stage")?,
            areas: f.or_default("areas")?,
            national: f.or_default("national")?,
            nagano: f.or_default("nagano")?,
            tools: f.or_default("tools")?,
        })
    }
}

impl ToJson for Tally {
    fn to_json(&self) -> Json {
        Json::object([("entries", self.entries.to_json())])
    }
}

impl FromJson for Tally {
    fn from_json(v: &Json) -> Option<Tally> {
        Some(Tally {
            entries: Fields::of(v)?.or_default("entries")?,
        })
    }
}

/// What the attendee left on the device, as far as the tally cares (the tests' view: the
/// app notes each tool's part as it saves).
#[cfg(test)]
#[derive(Debug, Default)]
pub struct Inputs {
    pub simulator_used: bool,
    pub answers: Option<crate::wizard::Answers>,
    pub draft: Option<Draft>,
    pub history: Option<History>,
    pub plan_used: bool,
}

fn scheme_verdict(
    outcome: &Result<ouen_rules::eligibility::Eligibility, Vec<ouen_rules::InputError>>,
    scheme: Scheme,
) -> Verdict {
    let Ok(e) = outcome else {
        return Verdict::Unknown;
    };
    match e.schemes.iter().find(|v| v.scheme == scheme) {
        Some(v) if v.status == EligibilityStatus::NotEligible => Verdict::No,
        Some(v) if v.status == EligibilityStatus::Eligible && v.certain => Verdict::Yes,
        _ => Verdict::Unknown,
    }
}

/// The anonymous summary of what the attendee entered (verdicts and scores from the core):
/// the parts of each tool, merged.
#[cfg(test)]
pub fn summarize(inputs: &Inputs) -> Entry {
    merge([
        used_part(TOOLS[0], inputs.simulator_used),
        eligibility_part(inputs.answers.as_ref()),
        checklist_part(inputs.draft.as_ref(), inputs.history.as_ref()),
        used_part(TOOLS[3], inputs.plan_used),
    ])
}

/// The checklist's part: the stage and area scores of the latest completed assessment, else
/// of a draft complete enough to score, and whether the checklist was used.
pub fn checklist_part(draft: Option<&Draft>, history: Option<&History>) -> Entry {
    let mut entry = Entry::default();
    let latest = history
        .and_then(|h| h.records.last())
        .map(|r| (r.kind.clone(), r.answers.clone()));
    let from_draft = draft.map(|d| (d.kind.clone(), d.answers.clone()));
    let assessed = latest
        .into_iter()
        .chain(from_draft)
        .find_map(|(kind, ans)| {
            let kind = BusinessKind::parse(&kind)?;
            let mut raw = RawAnswers::new();
            for (k, v) in &ans {
                raw.insert(k.clone(), ouen_rules::Value::from(v.as_str()));
            }
            validate(kind, &raw).ok()
        });
    if let Some(a) = assessed {
        let result = score(&a, Locale::Ja);
        entry.stage = Some(result.stage.stage);
        for area in result.areas {
            if let Some(p) = area.score.percent {
                entry.areas.insert(area.area.id().to_string(), p);
            }
        }
    }
    let used = draft.is_some_and(|d| !d.answers.is_empty() || !d.kind.is_empty())
        || history.is_some_and(|h| !h.records.is_empty());
    used_in(&mut entry, TOOLS[2], used);
    entry
}

/// The eligibility wizard's part: the verdict on each scheme, once anything is answered.
pub fn eligibility_part(answers: Option<&crate::wizard::Answers>) -> Entry {
    let mut entry = Entry::default();
    if let Some(a) = answers.filter(|a| !a.values.is_empty()) {
        let outcome = crate::wizard::Wizard::new(a.clone()).outcome;
        entry.national = scheme_verdict(&outcome, Scheme::National);
        entry.nagano = scheme_verdict(&outcome, Scheme::Nagano);
        used_in(&mut entry, TOOLS[1], true);
    }
    entry
}

/// The part of a tool that only says whether it was used (the simulator, the plan).
pub fn used_part(tool: &str, used: bool) -> Entry {
    let mut entry = Entry::default();
    used_in(&mut entry, tool, used);
    entry
}

fn used_in(entry: &mut Entry, tool: &str, used: bool) {
    if used {
        entry.tools.push(tool.to_string());
    }
}

/// One attendee's summary from the parts of the tools: the checklist's stage and areas, the
/// wizard's verdicts, and the tools used in the order of [`TOOLS`].
pub fn merge(parts: impl IntoIterator<Item = Entry>) -> Entry {
    let mut entry = Entry::default();
    for part in parts {
        entry.stage = entry.stage.or(part.stage);
        if entry.areas.is_empty() {
            entry.areas = part.areas;
        }
        if part.national != Verdict::default() {
            entry.national = part.national;
        }
        if part.nagano != Verdict::default() {
            entry.nagano = part.nagano;
        }
        entry.tools.extend(part.tools);
    }
    ouen_rules::order::sort_by_key(&mut entry.tools, |t| TOOLS.iter().position(|x| x == t));
    entry.tools.dedup();
    entry
}

// Each tool keeps its part of the attendee's summary in seminar mode
// (`storage::key::SEMINAR_PART_PREFIX`). Each page writes its own part as it saves its
// document, so 「次の方へ」 adds up small parts and no page links another's scoring; a reset
// or "delete all data" removes them (`storage::wiped`).

/// Keeps a tool's part of the summary, in seminar mode only.
pub fn note(tool: &str, part: &Entry) {
    if active() {
        keep(tool, part);
    }
}

/// Keeps whether a tool (the simulator, the plan) was used, in seminar mode only. Its pages
/// call it when that changes, not on every keystroke.
pub fn note_used(tool: &str, used: bool) {
    note(tool, &used_part(tool, used));
}

/// The checklist's part, from its draft and history as stored (read and scored only in
/// seminar mode).
pub fn note_checklist() {
    use crate::storage::{self, Doc};
    if active() {
        let draft = storage::load_doc::<Draft>(Doc::ChecklistDraft);
        let history = storage::load_doc::<History>(Doc::ChecklistHistory);
        keep(TOOLS[2], &checklist_part(draft.as_ref(), history.as_ref()));
    }
}

fn keep(tool: &str, part: &Entry) {
    let text = part.to_json().to_text();
    crate::storage::write_raw(&format!("{}{tool}", key::SEMINAR_PART_PREFIX), &text);
}

/// Every tool's part kept so far, merged.
fn noted() -> Entry {
    merge(TOOLS.iter().filter_map(|tool| {
        let text = crate::storage::read_raw(&format!("{}{tool}", key::SEMINAR_PART_PREFIX))?;
        Entry::from_json(&Json::parse(&text).ok()?)
    }))
}

/// The organiser's overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub count: usize,
    /// `[no stage, ①, ②, ③, ④]`.
    pub stages: [usize; 5],
    /// `[yes, no, unknown]`.
    pub national: [usize; 3],
    pub nagano: [usize; 3],
    /// Each area's average percent (rounded) over the attendees it applies to.
    pub area_average: Vec<(Area, Option<u32>)>,
    /// Per [`TOOLS`].
    pub tools: [usize; 4],
}

pub fn totals(tally: &Tally) -> Totals {
    let mut t = Totals {
        count: tally.entries.len(),
        stages: [0; 5],
        national: [0; 3],
        nagano: [0; 3],
        area_average: Vec::new(),
        tools: [0; 4],
    };
    for e in &tally.entries {
        let s = e.stage.map_or(0, |s| usize::from(s.min(4)));
        t.stages[s] += 1;
        t.national[e.national.index()] += 1;
        t.nagano[e.nagano.index()] += 1;
        for (i, tool) in TOOLS.iter().enumerate() {
            if e.tools.iter().any(|x| x == tool) {
                t.tools[i] += 1;
            }
        }
    }
    for area in Area::ALL {
        let scores: Vec<u32> = tally
            .entries
            .iter()
            .filter_map(|e| e.areas.get(area.id()).copied())
            .collect();
        let avg = (!scores.is_empty()).then(|| {
            let n = scores.len() as u32;
            (scores.iter().sum::<u32>() + n / 2) / n
        });
        t.area_average.push((area, avg));
    }
    t
}

/// One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The tally as CSV: UTF-8 with a BOM (so Excel reads Japanese), CRLF, a localized header,
/// one row per attendee, numbers plain, tools as 1/0.
pub fn csv(tally: &Tally, l: Locale) -> String {
    let mut header: Vec<String> = vec![
        text(m::SEMINAR_CSV_NUMBER, l).into(),
        text(m::SEMINAR_CSV_STAGE, l).into(),
    ];
    header.extend(Area::ALL.iter().map(|a| a.label(l).to_string()));
    header.push(text(m::SEMINAR_CSV_NATIONAL, l).into());
    header.push(text(m::SEMINAR_CSV_NAGANO, l).into());
    header.extend(TOOLS.iter().map(|t| tool_label(t, l).to_string()));
    let mut out = String::from("\u{FEFF}");
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| csv_field(c))
            .collect::<Vec<_>>()
            .join(",")
            + "\r\n"
    };
    out.push_str(&line(header));
    for (i, e) in tally.entries.iter().enumerate() {
        let mut row = vec![
            (i + 1).to_string(),
            e.stage.map(|s| s.to_string()).unwrap_or_default(),
        ];
        row.extend(Area::ALL.iter().map(|a| {
            e.areas
                .get(a.id())
                .map(|p| p.to_string())
                .unwrap_or_default()
        }));
        row.push(e.national.label(l).into());
        row.push(e.nagano.label(l).into());
        row.extend(TOOLS.iter().map(|t| {
            if e.tools.iter().any(|x| x == t) {
                "1".to_string()
            } else {
                "0".to_string()
            }
        }));
        out.push_str(&line(row));
    }
    out
}

/// The idle timeout in seconds: the test override if set, else the organiser's minutes.
pub fn idle_seconds(config: &Config, test_override: Option<&str>) -> Option<u32> {
    if let Some(s) = test_override.and_then(|s| s.trim().parse::<u32>().ok()) {
        return (s > 0).then_some(s);
    }
    (config.idle_minutes > 0).then(|| config.idle_minutes * 60)
}

// --- the device ---------------------------------------------------------------------------

/// Whether seminar mode is on (its settings are stored on this device).
pub fn active() -> bool {
    load_config().is_some()
}

/// Counts a saved file, in seminar mode only.
pub fn count_download() {
    if active() {
        let n = downloads() + 1;
        crate::storage::write_raw(key::DOWNLOADS, &n.to_string());
    }
}

/// Files saved since the last hand-over.
pub fn downloads() -> u32 {
    crate::storage::read_raw(key::DOWNLOADS)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Whether pages may write their state into the address and the history (not in seminar
/// mode: the next attendee's back button must not find it).
pub fn url_writes_allowed() -> bool {
    !active()
}

pub fn load_config() -> Option<Config> {
    crate::storage::load_doc(crate::storage::Doc::SeminarConfig)
}

pub fn load_tally() -> Tally {
    crate::storage::load_doc(crate::storage::Doc::SeminarTally).unwrap_or_default()
}

/// The wrong PIN entries counted on this device.
pub fn load_attempts() -> Attempts {
    crate::storage::read_raw(key::SEMINAR_ATTEMPTS)
        .and_then(|s| Attempts::from_json(&Json::parse(&s).ok()?))
        .unwrap_or_default()
}

pub fn save_attempts(a: &Attempts) {
    if a.failures == 0 {
        crate::storage::remove_raw(key::SEMINAR_ATTEMPTS);
    } else {
        crate::storage::write_raw(key::SEMINAR_ATTEMPTS, &a.to_json().to_text());
    }
}

/// Milliseconds since the epoch (0 off the web: native tests pass their own times).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// The PIN's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verified {
    /// The right PIN; `Some` holds the config to store instead (an old hash replaced).
    Right(Option<Config>),
    Wrong,
    /// This browser cannot hash (no Web Crypto, e.g. a page not served over HTTPS).
    NoCrypto,
}

/// Web Crypto PBKDF2-SHA-256 (`importKey` + `deriveBits`), at the edge.
#[cfg(target_arch = "wasm32")]
mod kdf {
    use super::{HASH_BYTES, SALT_BYTES};
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn subtle() -> Option<web_sys::SubtleCrypto> {
        let crypto = web_sys::window()?.crypto().ok()?;
        // `subtle` is undefined outside secure contexts.
        let subtle = Reflect::get(&crypto, &"subtle".into()).ok()?;
        (!subtle.is_undefined()).then(|| crypto.subtle())
    }

    /// Fresh random salt bytes.
    pub fn salt() -> Option<Vec<u8>> {
        let mut salt = vec![0u8; SALT_BYTES];
        web_sys::window()?
            .crypto()
            .ok()?
            .get_random_values_with_u8_array(&mut salt)
            .ok()?;
        Some(salt)
    }

    pub async fn derive(pin: &str, salt: &[u8], iterations: u32) -> Option<Vec<u8>> {
        let subtle = subtle()?;
        let usages = Array::of1(&"deriveBits".into());
        let key = subtle
            .import_key_with_object(
                "raw",
                &Uint8Array::from(pin.as_bytes()),
                &Object::from(JsValue::from("PBKDF2")),
                false,
                &usages,
            )
            .ok()?;
        let key: web_sys::CryptoKey = JsFuture::from(key).await.ok()?.dyn_into().ok()?;
        let params = web_sys::Pbkdf2Params::new(
            "PBKDF2",
            &"SHA-256".into(),
            iterations,
            &Uint8Array::from(salt),
        );
        let bits = subtle
            .derive_bits_with_object(&params, &key, (HASH_BYTES * 8) as u32)
            .ok()?;
        let bits = JsFuture::from(bits).await.ok()?;
        Some(Uint8Array::new(&bits).to_vec())
    }
}

/// A new config (version 2) for a PIN already checked by [`new_pin`]; `None` when this
/// browser cannot hash.
#[cfg(target_arch = "wasm32")]
pub async fn create(pin: &str, idle_minutes: u32) -> Option<Config> {
    let salt = kdf::salt()?;
    let derived = kdf::derive(pin, &salt, PBKDF2_ITERATIONS).await?;
    Some(Config::pbkdf2(
        &salt,
        &derived,
        PBKDF2_ITERATIONS,
        idle_minutes,
    ))
}

/// Whether `typed` is the PIN; an old (version-1) config is answered by its own hash and,
/// when right, replaced by a PBKDF2 one.
#[cfg(target_arch = "wasm32")]
pub async fn verify(config: &Config, typed: &str) -> Verified {
    let Some(pin) = normalize_pin(typed) else {
        return Verified::Wrong;
    };
    if config.needs_upgrade() {
        if !config.check_legacy(&pin) {
            return Verified::Wrong;
        }
        return match create(&pin, config.idle_minutes).await {
            Some(new) => Verified::Right(Some(new)),
            // Still right; the old hash stays until this browser can hash.
            None => Verified::Right(None),
        };
    }
    let Some(Kdf::Pbkdf2 { salt, iterations }) = config.kdf() else {
        return Verified::Wrong;
    };
    match kdf::derive(&pin, &salt, iterations).await {
        Some(d) if config.matches(&hex(&d)) => Verified::Right(None),
        Some(_) => Verified::Wrong,
        None => Verified::NoCrypto,
    }
}

/// Off the web there is no Web Crypto: nothing can be hashed.
#[cfg(not(target_arch = "wasm32"))]
pub async fn create(_: &str, _: u32) -> Option<Config> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn verify(_: &Config, _: &str) -> Verified {
    Verified::NoCrypto
}

/// Ends the attendee's session: the summary (the parts the tools noted, see [`note`]) added
/// to the tally if they agreed, everything they entered wiped, and a fresh start at `/` (no
/// history entry, no DOM trace).
#[cfg(target_arch = "wasm32")]
pub fn next_person(consent: bool) {
    use crate::storage::{self, Doc};
    if consent {
        let mut tally = load_tally();
        tally.entries.push(noted());
        let _ = storage::save_doc(Doc::SeminarTally, &tally);
    }
    reset();
}

/// Wipes the attendee's data and reloads `/` (also the idle reset, which never adds to the
/// tally).
#[cfg(target_arch = "wasm32")]
pub fn reset() {
    crate::storage::wipe(true);
    bump_epoch();
    if let Some(w) = web_sys::window() {
        if let Some(html) = w.document().and_then(|d| d.document_element()) {
            let _ = html.class_list().remove_1("text-large");
        }
        let _ = w.location().replace("/");
    }
}

#[cfg(target_arch = "wasm32")]
fn bump_epoch() {
    let n = current_epoch() + 1;
    crate::storage::write_raw(key::SEMINAR_EPOCH, &n.to_string());
}

/// How many resets this device has seen.
pub fn current_epoch() -> u64 {
    crate::storage::read_raw(key::SEMINAR_EPOCH)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_standard_vectors() {
        let hex = |b: [u8; 32]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            hex(sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    #[test]
    fn pins_are_normalized_and_new_ones_confirmed() {
        assert_eq!(normalize_pin("1234"), Some("1234".into()));
        assert_eq!(normalize_pin("１２３４５"), Some("12345".into()));
        assert_eq!(normalize_pin("12 34"), Some("1234".into()));
        assert_eq!(normalize_pin("123"), None);
        assert_eq!(normalize_pin("123456789"), None);
        assert_eq!(normalize_pin("12a4"), None);
        assert_eq!(new_pin("2468", "２４６８"), Ok("2468".into()));
        assert_eq!(new_pin("2468", "2469"), Err(PinError::Mismatch));
        assert_eq!(new_pin("24", "24"), Err(PinError::Format));
        assert_eq!(unhex("00ff7A"), Some(vec![0, 255, 122]));
        assert_eq!(unhex("0"), None);
        assert_eq!(unhex("zz"), None);
        assert_eq!(
            unhex("é1"),
            None,
            "not hex, and no panic on a char boundary"
        );
        assert_eq!(hex(&[0, 255, 122]), "00ff7a");
    }

    /// A config exactly as the first format stored it (before PBKDF2): no version.
    fn legacy_stored() -> String {
        let hash = legacy_hash_pin("abcd", "2468");
        format!(r#"{{"schema":2,"data":{{"salt":"abcd","hash":"{hash}","idleMinutes":5}}}}"#)
    }

    #[test]
    fn an_old_config_still_loads_and_asks_to_be_replaced() {
        use crate::storage::{decode, encode, Doc};
        let old: Config = decode(Doc::SeminarConfig, Some(&legacy_stored()), None)
            .expect("an old config still loads: seminar mode stays on");
        assert_eq!(old.version, 1);
        assert_eq!(old.idle_minutes, 5);
        assert_eq!(old.kdf(), Some(Kdf::Legacy));
        assert!(old.needs_upgrade());
        assert!(old.check_legacy("2468"));
        assert!(old.check_legacy("２４６８"));
        assert!(!old.check_legacy("2469"));
        assert!(!old.check_legacy(""));
        assert!(!old.hash.contains("2468") && old.hash.len() == 64);
        // Another salt, another hash.
        assert_ne!(legacy_hash_pin("other", "2468"), old.hash);

        // Its replacement: version 2, hex salt, the iterations, the idle choice kept.
        let salt = [7u8; SALT_BYTES];
        let derived = [9u8; HASH_BYTES];
        let new = Config::pbkdf2(&salt, &derived, PBKDF2_ITERATIONS, old.idle_minutes);
        assert!(!new.needs_upgrade());
        assert_eq!(
            new.kdf(),
            Some(Kdf::Pbkdf2 {
                salt: salt.to_vec(),
                iterations: PBKDF2_ITERATIONS
            })
        );
        assert!(new.matches(&hex(&derived)));
        assert!(!new.matches(&hex(&[8u8; HASH_BYTES])));
        assert!(
            !new.check_legacy("2468"),
            "a new config is never read as an old one"
        );
        let text = encode(&new);
        let v = Json::parse(&text).unwrap();
        let data = v.get("data").unwrap();
        assert_eq!(data.get("version"), Some(&Json::from(CONFIG_VERSION)));
        assert_eq!(data.get("iterations"), Some(&Json::from(PBKDF2_ITERATIONS)));
        let salt = data.get("salt").and_then(Json::as_str).unwrap();
        assert_eq!(salt.len(), SALT_BYTES * 2);
        assert_eq!(data.get("idleMinutes"), Some(&Json::from(5u32)));
        const { assert!(PBKDF2_ITERATIONS >= 100_000 && PBKDF2_MIN_ITERATIONS >= 100_000) };
        assert_eq!(
            decode::<Config>(Doc::SeminarConfig, Some(&text), None),
            Some(new)
        );
    }

    #[test]
    fn configs_that_cannot_be_trusted_match_no_pin() {
        let good = Config::pbkdf2(&[1; SALT_BYTES], &[2; HASH_BYTES], PBKDF2_ITERATIONS, 0);
        let weak = Config {
            iterations: 1_000,
            ..good.clone()
        };
        assert_eq!(weak.kdf(), None, "too few iterations");
        let newer = Config {
            version: CONFIG_VERSION + 1,
            ..good.clone()
        };
        assert_eq!(newer.kdf(), None, "a format from a newer app");
        assert!(!newer.needs_upgrade());
        let garbled = Config {
            salt: "not hex".into(),
            ..good.clone()
        };
        assert_eq!(garbled.kdf(), None);
        let short = Config {
            hash: "abcd".into(),
            ..good
        };
        assert_eq!(short.kdf(), None);
    }

    #[test]
    fn wrong_pins_make_the_wait_grow_up_to_a_cap() {
        let waits: Vec<u32> = (0..10).map(wait_after).collect();
        assert_eq!(waits, [0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(wait_after(u32::MAX), MAX_WAIT_SECONDS);
        let t0 = 1_000_000.0;
        let a = Attempts::default().failed(t0);
        assert_eq!(a.failures, 1);
        assert_eq!(a.seconds_left(t0), 1);
        assert_eq!(a.seconds_left(t0 + 999.0), 1);
        assert_eq!(a.seconds_left(t0 + 1_000.0), 0);
        let b = a.failed(t0 + 5_000.0).failed(t0 + 10_000.0);
        assert_eq!(b.failures, 3);
        assert_eq!(b.seconds_left(t0 + 10_000.0), 4);
        assert_eq!(b.seconds_left(t0 + 11_500.0), 3, "counted down, rounded up");
        // A stored time far ahead (a changed clock, a tampered key) never means a longer wait.
        let odd = Attempts {
            failures: 2,
            until: 1e300,
        };
        assert_eq!(odd.seconds_left(t0), MAX_WAIT_SECONDS);
        let nan = Attempts {
            failures: 2,
            until: f64::NAN,
        };
        assert_eq!(nan.seconds_left(t0), 0);
        let back =
            |a: &Attempts| Attempts::from_json(&Json::parse(&a.to_json().to_text()).unwrap());
        assert_eq!(back(&b), Some(b));
        // As earlier builds wrote it (serde_json, `until` a float), and oddities.
        let read = |t: &str| Attempts::from_json(&Json::parse(t).unwrap());
        let old = read(r#"{"failures":2,"until":1733000002000.0}"#).unwrap();
        assert_eq!((old.failures, old.until), (2, 1_733_000_002_000.0));
        assert_eq!(read(r#"{"failures":1}"#).map(|a| a.until), Some(0.0));
        assert_eq!(read(r#"{"failures":1,"until":"soon"}"#), None);
        assert_eq!(read(r#"{"failures":-1}"#), None);
        let never = Attempts {
            failures: 1,
            until: f64::NAN,
        };
        assert_eq!(
            back(&never).map(|a| a.until),
            Some(0.0),
            "no wait is kept for nonsense"
        );
    }

    fn entry(stage: Option<u8>, strategy: Option<u32>, national: Verdict) -> Entry {
        Entry {
            stage,
            areas: strategy
                .map(|p| [("strategy".to_string(), p)].into())
                .unwrap_or_default(),
            national,
            nagano: Verdict::Unknown,
            tools: vec!["checklist".into()],
        }
    }

    #[test]
    fn totals_count_stages_verdicts_and_average_areas() {
        let tally = Tally {
            entries: vec![
                entry(Some(1), Some(40), Verdict::Yes),
                entry(Some(1), Some(55), Verdict::No),
                entry(Some(3), None, Verdict::Yes),
                entry(None, None, Verdict::Unknown),
            ],
        };
        let t = totals(&tally);
        assert_eq!(t.count, 4);
        assert_eq!(t.stages, [1, 2, 0, 1, 0]);
        assert_eq!(t.national, [2, 1, 1]);
        assert_eq!(t.nagano, [0, 0, 4]);
        assert_eq!(t.tools, [0, 0, 4, 0]);
        assert_eq!(
            t.area_average[0],
            (Area::Strategy, Some(48)),
            "(40+55)/2 rounded"
        );
        assert_eq!(t.area_average[1], (Area::Customers, None));
        assert_eq!(totals(&Tally::default()).count, 0);
    }

    #[test]
    fn csv_escapes_and_has_one_row_per_attendee() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("cr\r"), "\"cr\r\"");
        let tally = Tally {
            entries: vec![
                entry(Some(2), Some(40), Verdict::Yes),
                entry(None, None, Verdict::No),
            ],
        };
        let ja = csv(&tally, Locale::Ja);
        assert!(ja.starts_with('\u{FEFF}'), "BOM for Excel");
        let lines: Vec<&str> = ja.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert_eq!(lines.len(), 4, "header, two rows, and the final line break");
        assert!(
            lines[0].starts_with("番号,段階（目安）,経営戦略"),
            "{}",
            lines[0]
        );
        assert_eq!(lines[1], "1,2,40,,,,,,対象,未確定,0,0,1,0");
        assert_eq!(lines[2], "2,,,,,,,,対象外,未確定,0,0,1,0");
        let en = csv(&tally, Locale::En);
        assert!(en.contains("No.,Stage (estimate),Strategy"), "{en}");
        assert!(en.contains(",Eligible,Unknown,"), "{en}");
    }

    #[test]
    fn the_summary_holds_verdicts_and_scores_but_nothing_typed() {
        use ouen_rules::checklist::{items_in, BusinessKind};
        let mut draft = Draft {
            kind: BusinessKind::Manufacturing.id().into(),
            ..Draft::default()
        };
        for area in Area::ALL {
            for it in items_in(area) {
                draft.answers.insert(it.id.into(), "done".into());
            }
        }
        let mut answers = crate::wizard::Answers::default();
        answers.values.insert("location".into(), "tokyo".into());
        let e = summarize(&Inputs {
            simulator_used: true,
            answers: Some(answers),
            draft: Some(draft),
            history: None,
            plan_used: false,
        });
        assert_eq!(e.stage, Some(4));
        assert_eq!(e.areas.get("strategy"), Some(&100));
        assert_eq!(e.tools, ["simulator", "eligibility", "checklist"]);
        let json = e.to_json().to_text();
        assert!(!json.contains("tokyo"), "{json}");
        // Nothing entered: nothing claimed.
        let empty = summarize(&Inputs::default());
        assert_eq!(empty, Entry::default());
    }

    #[test]
    fn parts_merge_in_any_order_into_one_summary() {
        let checklist = Entry {
            stage: Some(2),
            areas: [("strategy".to_string(), 40)].into_iter().collect(),
            tools: vec!["checklist".into()],
            ..Entry::default()
        };
        let eligibility = Entry {
            national: Verdict::Yes,
            nagano: Verdict::No,
            tools: vec!["eligibility".into()],
            ..Entry::default()
        };
        let plan = used_part("plan", true);
        let simulator = used_part("simulator", true);
        let expected = Entry {
            stage: Some(2),
            areas: checklist.areas.clone(),
            national: Verdict::Yes,
            nagano: Verdict::No,
            tools: TOOLS.iter().map(|t| t.to_string()).collect(),
        };
        let parts = [checklist, eligibility, plan, simulator];
        assert_eq!(merge(parts.clone()), expected);
        assert_eq!(merge(parts.into_iter().rev()), expected);
        // A tool that was not used adds nothing; no parts make an empty summary.
        assert_eq!(merge([used_part("plan", false)]), Entry::default());
        assert_eq!(merge([]), Entry::default());
    }

    #[test]
    fn idle_timeout_prefers_the_test_override() {
        let c = Config::pbkdf2(&[1; SALT_BYTES], &[2; HASH_BYTES], PBKDF2_ITERATIONS, 5);
        assert_eq!(idle_seconds(&c, None), Some(300));
        assert_eq!(idle_seconds(&c, Some("8")), Some(8));
        assert_eq!(idle_seconds(&c, Some("x")), Some(300));
        let off = Config {
            idle_minutes: 0,
            ..c
        };
        assert_eq!(idle_seconds(&off, None), None);
    }
}
