//! Hand-off by QR code: what is on a page travels to the person's phone in a link.
//!
//! The simulator already has its own link (`#s=1&…`, `share.rs`) and uses it as is. The
//! other pages put their document into a versioned fragment:
//!
//! ```text
//! <origin>/<page>#h=1.<kind>.<codec>.<base64url>
//! kind:  e = eligibility answers, c = checklist answers, p = one plan draft
//! codec: z = deflate-raw (the browser's CompressionStream), j = plain JSON bytes
//! ```
//!
//! The link must stay scannable from a tablet screen by an ordinary phone: [`MAX_URL_BYTES`]
//! (1,700 bytes) fits a QR code of version ≤ 30 at error correction L; anything longer is not
//! shown as a QR code but explained, with the page's file export offered instead.
//!
//! On load, `#h=` is decoded before the page is shown, the document is written to storage
//! (a plan becomes a new named draft, never overwriting one), the fragment is cleared, and
//! the page shows "引き継いだ内容を表示しています". A garbled or newer link is reported and
//! nothing is written. Everything above the `web` module is pure and tested natively.

#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::checklist_doc::{Draft, History, Record};
use crate::plan_book::{Stored, StoredDraft};
use crate::storage::Doc;
use crate::wizard::Answers;
use ouen_rules::json::{Fields, FromJson, Json, ToJson};

/// The version written by [`fragment`].
pub const VERSION: u32 = 1;
/// The longest link offered as a QR code (bytes): version ≤ 30 at error correction L holds
/// 1,732 bytes; a little is kept in hand.
pub const MAX_URL_BYTES: usize = 1_700;
/// A payload larger than this is refused on load without decoding (zip bombs, junk).
const MAX_PAYLOAD_BYTES: usize = 64 * 1024;

/// What a hand-off link carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Eligibility,
    Checklist,
    Plan,
}

impl Kind {
    pub fn code(self) -> char {
        match self {
            Kind::Eligibility => 'e',
            Kind::Checklist => 'c',
            Kind::Plan => 'p',
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        match s {
            "e" => Some(Kind::Eligibility),
            "c" => Some(Kind::Checklist),
            "p" => Some(Kind::Plan),
            _ => None,
        }
    }
}

/// How the payload's bytes are packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// deflate-raw.
    Deflate,
    /// The JSON bytes as they are.
    Json,
}

impl Codec {
    fn code(self) -> char {
        match self {
            Codec::Deflate => 'z',
            Codec::Json => 'j',
        }
    }
}

/// The checklist as handed over: the answers, and the completed record they came from.
/// Written and read by hand over ouen's `Json` (serde's derive is the tests' reference).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ChecklistPayload {
    pub kind: String,
    pub answers: std::collections::BTreeMap<String, String>,
    /// When the answers are a completed assessment: its date (not written when `None`).
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub date: Option<String>,
}

impl ToJson for ChecklistPayload {
    fn to_json(&self) -> Json {
        let mut m = ouen_rules::json::Map::new();
        m.insert("kind", self.kind.to_json());
        m.insert("answers", self.answers.to_json());
        if let Some(d) = &self.date {
            m.insert("date", d.to_json());
        }
        Json::Obj(m)
    }
}

impl FromJson for ChecklistPayload {
    fn from_json(v: &Json) -> Option<ChecklistPayload> {
        let f = Fields::of(v)?;
        Some(ChecklistPayload {
            kind: f.need("kind")?,
            answers: f.need("answers")?,
            date: f.opt("date")?,
        })
    }
}

/// One plan draft as handed over (the draft in the core's JSON shape).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct PlanPayload {
    pub name: String,
    #[cfg_attr(test, serde(with = "crate::json_reference::as_value"))]
    pub draft: Json,
}

impl ToJson for PlanPayload {
    fn to_json(&self) -> Json {
        Json::object([("name", self.name.to_json()), ("draft", self.draft.clone())])
    }
}

impl FromJson for PlanPayload {
    fn from_json(v: &Json) -> Option<PlanPayload> {
        let f = Fields::of(v)?;
        Some(PlanPayload {
            name: f.need("name")?,
            draft: f.0.get("draft")?.clone(),
        })
    }
}

/// A decoded payload.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    Eligibility(Answers),
    Checklist(ChecklistPayload),
    Plan(PlanPayload),
}

impl Payload {
    pub fn kind(&self) -> Kind {
        match self {
            Payload::Eligibility(_) => Kind::Eligibility,
            Payload::Checklist(_) => Kind::Checklist,
            Payload::Plan(_) => Kind::Plan,
        }
    }

    /// The payload's JSON bytes (before packing).
    pub fn to_json(&self) -> Vec<u8> {
        match self {
            Payload::Eligibility(a) => a.to_json(),
            Payload::Checklist(c) => c.to_json(),
            Payload::Plan(p) => p.to_json(),
        }
        .to_text()
        .into_bytes()
    }

    pub fn from_json(kind: Kind, bytes: &[u8]) -> Result<Payload, HandoffError> {
        Ok(match kind {
            Kind::Eligibility => Payload::Eligibility(decode_eligibility(bytes)?),
            Kind::Checklist => Payload::Checklist(decode_checklist(bytes)?),
            Kind::Plan => Payload::Plan(decode_plan(bytes)?),
        })
    }
}

/// A payload's JSON. Read as text (it must be UTF-8): the pages read every other JSON as
/// text, and a second reader for bytes would be several KB more of each page's wasm.
fn json<T: FromJson>(bytes: &[u8]) -> Result<T, HandoffError> {
    let text = std::str::from_utf8(bytes).map_err(|_| HandoffError::Garbled)?;
    let v = Json::parse(text).map_err(|_| HandoffError::Garbled)?;
    T::from_json(&v).ok_or(HandoffError::Garbled)
}

/// Wizard answers whose every key is a question (see `import::check_eligibility`).
fn decode_eligibility(bytes: &[u8]) -> Result<Answers, HandoffError> {
    let a: Answers = json(bytes)?;
    crate::import::check_eligibility(&a).map_err(|_| HandoffError::Garbled)?;
    Ok(a)
}

/// Checklist answers that are items and their choices; with a date (a completed assessment),
/// a kind and a date of the history's shape.
fn decode_checklist(bytes: &[u8]) -> Result<ChecklistPayload, HandoffError> {
    let c: ChecklistPayload = json(bytes)?;
    let complete = c.date.is_some();
    crate::import::check_answers("checklist", &c.kind, &c.answers, complete)
        .map_err(|_| HandoffError::Garbled)?;
    if c.date
        .as_deref()
        .is_some_and(|d| !crate::import::is_record_date(d))
    {
        return Err(HandoffError::Garbled);
    }
    Ok(c)
}

/// A plan payload whose draft the plan importer accepts.
fn decode_plan(bytes: &[u8]) -> Result<PlanPayload, HandoffError> {
    let p: PlanPayload = json(bytes)?;
    crate::plan_book::read_draft(&p.draft).map_err(|e| match e {
        ouen_rules::plan::ImportError::TooNew(v) => HandoffError::Newer(v),
        _ => HandoffError::Garbled,
    })?;
    Ok(p)
}

/// Why a hand-off link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandoffError {
    /// Damaged, cut off, or not a hand-off link.
    Garbled,
    /// Written by a newer version of the app.
    Newer(u32),
    /// Packed with deflate, which this browser cannot unpack.
    NoDecompression,
    /// Read, but this device would not keep it.
    NotSaved(crate::storage::SaveError),
}

impl HandoffError {
    pub fn message(&self) -> String {
        use crate::i18n::{m, t};
        match self {
            HandoffError::Garbled => t(m::HANDOFF_GARBLED).to_string(),
            HandoffError::Newer(v) => crate::tf!(m::HANDOFF_NEWER, version = v),
            HandoffError::NoDecompression => t(m::HANDOFF_NO_DECOMPRESSION).to_string(),
            HandoffError::NotSaved(e) => e.message().to_string(),
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// The inverse of [`base64url_encode`]; `None` for a character outside the alphabet or an
/// impossible length.
pub fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let vals: Vec<u32> = s
        .bytes()
        .map(|c| B64.iter().position(|&b| b == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if vals.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(vals.len() * 3 / 4);
    for chunk in vals.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | (v << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// The fragment (without `#`) for packed bytes.
pub fn fragment(kind: Kind, codec: Codec, packed: &[u8]) -> String {
    format!(
        "h={VERSION}.{}.{}.{}",
        kind.code(),
        codec.code(),
        base64url_encode(packed)
    )
}

/// A hand-off fragment's parts: `Ok(None)` when the fragment is not a hand-off link.
pub fn parse(fragment: &str) -> Result<Option<(Kind, Codec, Vec<u8>)>, HandoffError> {
    let Some(rest) = fragment.trim_start_matches('#').strip_prefix("h=") else {
        return Ok(None);
    };
    let mut parts = rest.split('.');
    let version: u32 = parts
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or(HandoffError::Garbled)?;
    if version > VERSION {
        return Err(HandoffError::Newer(version));
    }
    if version == 0 {
        return Err(HandoffError::Garbled);
    }
    let kind = parts
        .next()
        .and_then(Kind::parse)
        .ok_or(HandoffError::Garbled)?;
    let codec = match parts.next() {
        Some("z") => Codec::Deflate,
        Some("j") => Codec::Json,
        _ => return Err(HandoffError::Garbled),
    };
    let data = parts.next().ok_or(HandoffError::Garbled)?;
    if parts.next().is_some() || data.len() > MAX_PAYLOAD_BYTES {
        return Err(HandoffError::Garbled);
    }
    let bytes = base64url_decode(data).ok_or(HandoffError::Garbled)?;
    Ok(Some((kind, codec, bytes)))
}

/// Bytes gathered up to a limit: what [`web::inflate`] unpacks a link into.
#[derive(Debug)]
pub struct Capped {
    bytes: Vec<u8>,
    limit: usize,
}

/// More bytes than a [`Capped`] takes.
#[derive(Debug, PartialEq, Eq)]
pub struct TooLarge;

impl Capped {
    pub fn new(limit: usize) -> Capped {
        Capped {
            bytes: Vec::new(),
            limit,
        }
    }

    /// Adds `chunk`, or refuses it whole when the total would pass the limit.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), TooLarge> {
        if chunk.len() > self.limit - self.bytes.len() {
            return Err(TooLarge);
        }
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    pub fn into_inner(self) -> Vec<u8> {
        self.bytes
    }
}

/// Whether a link is short enough to offer as a QR code.
pub fn fits(url: &str) -> bool {
    url.len() <= MAX_URL_BYTES
}

/// The checklist payload: the draft when it has answers (with its date when it is the
/// latest completed assessment, so the result comes along), else the latest completed record.
pub fn checklist_payload(draft: Option<&Draft>, history: Option<&History>) -> Option<Payload> {
    let latest = history.and_then(|h| h.records.last());
    if let Some(d) = draft.filter(|d| !d.answers.is_empty()) {
        let date = latest
            .filter(|r| r.kind == d.kind && r.answers == d.answers)
            .map(|r| r.date.clone());
        return Some(Payload::Checklist(ChecklistPayload {
            kind: d.kind.clone(),
            answers: d.answers.clone(),
            date,
        }));
    }
    let r = latest?;
    Some(Payload::Checklist(ChecklistPayload {
        kind: r.kind.clone(),
        answers: r.answers.clone(),
        date: Some(r.date.clone()),
    }))
}

/// The checklist documents after a hand-off: the answers become the draft, and a completed
/// assessment joins the history (once).
pub fn apply_checklist(p: &ChecklistPayload, history: Option<History>) -> (Draft, Option<History>) {
    let draft = Draft {
        kind: p.kind.clone(),
        answers: p.answers.clone(),
        step: 0,
    };
    let history = p.date.as_ref().map(|date| {
        let mut h = history.unwrap_or_default();
        h.merge(History {
            records: vec![Record {
                date: date.clone(),
                kind: p.kind.clone(),
                answers: p.answers.clone(),
            }],
        });
        h
    });
    (draft, history)
}

/// The plan drafts after a hand-off: the draft added under its own name (made unique), and
/// opened; nothing already there is changed.
pub fn apply_plan(p: &PlanPayload, stored: Option<Stored>) -> Stored {
    let mut s = stored.unwrap_or_default();
    let base = if p.name.trim().is_empty() {
        crate::i18n::t(crate::i18n::m::HANDOFF_PLAN_NAME).to_string()
    } else {
        p.name.clone()
    };
    let mut name = base.clone();
    let mut n = 2;
    while s.drafts.iter().any(|d| d.name == name) {
        name = format!("{base} ({n})");
        n += 1;
    }
    s.drafts.push(StoredDraft {
        id: crate::plan_book::new_id(),
        name,
        draft: p.draft.clone(),
    });
    s.current = s.drafts.len() - 1;
    s
}

/// What a page accepts from a hand-off link: how its document is decoded and kept. Only the
/// `handoff_import` island (`crate::island::handoff_import`) links these, picking the table by
/// route: no page's own wasm carries the unpacking.
#[derive(Clone, Copy)]
pub struct Handoff {
    /// Keeps a document decoded from a link opened on this page.
    pub import: fn(Kind, &[u8]) -> Result<(), HandoffError>,
}

impl Handoff {
    /// A page that keeps no document: a hand-off link for another page's document is
    /// refused.
    pub const NONE: Handoff = Handoff {
        import: |_, _| Err(HandoffError::Garbled),
    };
    /// The simulator reads its own link (`share.rs`), never `#h=`.
    pub const SIMULATOR: Handoff = Handoff::NONE;
    pub const ELIGIBILITY: Handoff = Handoff {
        import: |kind, bytes| {
            let a = decode_eligibility(expect(kind, Kind::Eligibility, bytes)?)?;
            crate::storage::save_doc(Doc::Eligibility, &a).map_err(HandoffError::NotSaved)
        },
    };
    pub const CHECKLIST: Handoff = Handoff {
        import: |kind, bytes| {
            let c = decode_checklist(expect(kind, Kind::Checklist, bytes)?)?;
            let (draft, history) =
                apply_checklist(&c, crate::storage::load_doc(Doc::ChecklistHistory));
            if let Some(h) = history {
                crate::storage::save_doc(Doc::ChecklistHistory, &h)
                    .map_err(HandoffError::NotSaved)?;
            }
            crate::storage::save_doc(Doc::ChecklistDraft, &draft).map_err(HandoffError::NotSaved)
        },
    };
    pub const PLAN: Handoff = Handoff {
        import: |kind, bytes| {
            let p = decode_plan(expect(kind, Kind::Plan, bytes)?)?;
            let s = apply_plan(&p, crate::storage::load_doc(Doc::PlanDrafts));
            crate::storage::save_doc(Doc::PlanDrafts, &s).map_err(HandoffError::NotSaved)
        },
    };
}

/// What a page hands over by QR code: used by the hand-off dialog (`crate::island`), which is
/// a wasm of its own and serves every page, so no page's first load carries it.
#[derive(Clone, Copy)]
pub struct Carrier {
    /// What travels: the page's document as this device holds it, if there is one.
    pub export: fn() -> Option<Carry>,
    /// The page's own file export, offered when the link is too long for a QR code.
    pub download: Option<fn()>,
}

/// What a page's link carries.
pub enum Carry {
    /// A fragment as it is (the simulator's own `#s=1&…`).
    Fragment(String),
    /// A document's JSON, packed into `#h=`.
    Document(Kind, Vec<u8>),
}

impl Carrier {
    /// A page with nothing to hand over: its link is its address.
    pub const NONE: Carrier = Carrier {
        export: || None,
        download: None,
    };
    /// The simulator: its own link (`share.rs`).
    pub const SIMULATOR: Carrier = Carrier {
        export: || {
            let form = crate::form::Form::load()?;
            Some(Carry::Fragment(crate::share::encode(&form)))
        },
        download: None,
    };
    pub const ELIGIBILITY: Carrier = Carrier {
        export: || {
            let a: Answers = crate::storage::load_doc(Doc::Eligibility)?;
            let json = a.to_json().to_text().into_bytes();
            (!a.values.is_empty()).then_some(Carry::Document(Kind::Eligibility, json))
        },
        download: None,
    };
    pub const CHECKLIST: Carrier = Carrier {
        export: || {
            let draft = crate::storage::load_doc::<Draft>(Doc::ChecklistDraft);
            let history = crate::storage::load_doc::<History>(Doc::ChecklistHistory);
            let p = checklist_payload(draft.as_ref(), history.as_ref())?;
            Some(Carry::Document(Kind::Checklist, p.to_json()))
        },
        download: None,
    };
    pub const PLAN: Carrier = Carrier {
        export: || {
            let stored: Stored = crate::storage::load_doc(Doc::PlanDrafts)?;
            let cur = stored
                .drafts
                .get(stored.current.min(stored.drafts.len().checked_sub(1)?))?;
            let p = Payload::Plan(PlanPayload {
                name: cur.name.clone(),
                draft: cur.draft.clone(),
            });
            Some(Carry::Document(Kind::Plan, p.to_json()))
        },
        download: Some(download_plan),
    };
}

/// A link's document, if it is of the kind this page keeps.
fn expect(kind: Kind, wanted: Kind, bytes: &[u8]) -> Result<&[u8], HandoffError> {
    if kind == wanted {
        Ok(bytes)
    } else {
        Err(HandoffError::Garbled)
    }
}

/// The open plan draft as the plan page's JSON file (the same format its import reads).
fn download_plan() {
    let stored: Option<Stored> = crate::storage::load_doc(Doc::PlanDrafts);
    if let Some(book) = stored.map(crate::plan_book::Book::from_stored) {
        let json = book.current().draft.to_text();
        crate::download::save_file(json.as_bytes(), "plan.json", "application/json");
    }
}

/// The browser side: reading the documents, packing with `CompressionStream`, importing.
#[cfg(target_arch = "wasm32")]
pub mod web {
    use super::*;
    use crate::route::Route;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = CompressionStream)]
        type Compressor;
        #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
        fn new(format: &str) -> Result<Compressor, JsValue>;

        #[wasm_bindgen(js_name = DecompressionStream)]
        type Decompressor;
        #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
        fn new(format: &str) -> Result<Decompressor, JsValue>;

        #[wasm_bindgen(js_name = Blob)]
        type Bytes;
        #[wasm_bindgen(constructor, js_class = "Blob", catch)]
        fn new(parts: &js_sys::Array) -> Result<Bytes, JsValue>;
        #[wasm_bindgen(method)]
        fn stream(this: &Bytes) -> Piped;

        type Piped;
        #[wasm_bindgen(method, catch, js_name = pipeThrough)]
        fn pipe_through(this: &Piped, pair: &JsValue) -> Result<Piped, JsValue>;
        #[wasm_bindgen(method, catch, js_name = getReader)]
        fn get_reader(this: &Piped) -> Result<Reader, JsValue>;

        type Reader;
        #[wasm_bindgen(method)]
        fn read(this: &Reader) -> js_sys::Promise;
        #[wasm_bindgen(method)]
        fn cancel(this: &Reader) -> js_sys::Promise;

        #[wasm_bindgen(js_name = Response)]
        type Resp;
        #[wasm_bindgen(constructor, js_class = "Response", catch)]
        fn new(body: &Piped) -> Result<Resp, JsValue>;
        #[wasm_bindgen(method, catch, js_name = arrayBuffer)]
        fn array_buffer(this: &Resp) -> Result<js_sys::Promise, JsValue>;
    }

    /// `bytes` as a stream through a (de)compressor.
    fn piped(bytes: &[u8], pair: &JsValue) -> Result<Piped, JsValue> {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        Bytes::new(&parts)?.stream().pipe_through(pair)
    }

    async fn through(bytes: &[u8], pair: &JsValue) -> Option<Vec<u8>> {
        let resp = Resp::new(&piped(bytes, pair).ok()?).ok()?;
        let buf = wasm_bindgen_futures::JsFuture::from(resp.array_buffer().ok()?)
            .await
            .ok()?;
        Some(js_sys::Uint8Array::new(&buf).to_vec())
    }

    /// deflate-raw, or `None` where the browser has no `CompressionStream`.
    pub async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
        let c = Compressor::new("deflate-raw").ok()?;
        through(bytes, c.unchecked_ref()).await
    }

    /// Unpacks deflate-raw a chunk at a time, and stops (cancelling the stream) as soon as the
    /// output would pass [`MAX_PAYLOAD_BYTES`]: a zip bomb in a link never fills the memory.
    pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, HandoffError> {
        let d = Decompressor::new("deflate-raw").map_err(|_| HandoffError::NoDecompression)?;
        let reader = piped(bytes, d.unchecked_ref())
            .and_then(|p| p.get_reader())
            .map_err(|_| HandoffError::Garbled)?;
        let mut out = Capped::new(MAX_PAYLOAD_BYTES);
        loop {
            let step = wasm_bindgen_futures::JsFuture::from(reader.read())
                .await
                .map_err(|_| HandoffError::Garbled)?;
            let field = |name: &str| js_sys::Reflect::get(&step, &JsValue::from_str(name));
            if field("done").ok().and_then(|d| d.as_bool()) != Some(false) {
                return Ok(out.into_inner());
            }
            let chunk: js_sys::Uint8Array = field("value")
                .ok()
                .and_then(|v| v.dyn_into().ok())
                .ok_or(HandoffError::Garbled)?;
            if out.push(&chunk.to_vec()).is_err() {
                let _ = reader.cancel();
                return Err(HandoffError::Garbled);
            }
        }
    }

    fn origin() -> String {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }

    /// The page's hand-off link: its address at `route`, with what `carrier` finds to carry
    /// (deflated when that is shorter). `true` when state travels.
    pub async fn link_for(route: Route, carrier: Carrier) -> (String, bool) {
        let base = format!("{}{}", origin(), route.href(crate::i18n::locale()));
        match (carrier.export)() {
            None => (base, false),
            Some(Carry::Fragment(f)) => (format!("{base}#{f}"), true),
            Some(Carry::Document(kind, json)) => {
                let frag = match deflate(&json).await {
                    Some(z) if z.len() < json.len() => fragment(kind, Codec::Deflate, &z),
                    _ => fragment(kind, Codec::Json, &json),
                };
                (format!("{base}#{frag}"), true)
            }
        }
    }

    /// The current fragment, without `#`.
    pub fn current_fragment() -> String {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .map(|h| h.trim_start_matches('#').to_string())
            .unwrap_or_default()
    }

    /// Removes the fragment from the address without a history entry.
    pub fn clear_fragment() {
        if let Some(w) = web_sys::window() {
            let path = w.location().pathname().unwrap_or_else(|_| "/".into());
            let search = w.location().search().unwrap_or_default();
            if let Ok(h) = w.history() {
                let _ =
                    h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
            }
        }
    }

    /// Decodes a hand-off fragment and keeps its document with `handoff.import`.
    /// `Ok(false)`: there was none.
    pub async fn import(fragment: &str, handoff: Handoff) -> Result<bool, String> {
        let Some((kind, codec, bytes)) = parse(fragment).map_err(|e| e.message())? else {
            return Ok(false);
        };
        let json = match codec {
            Codec::Json => bytes,
            Codec::Deflate => inflate(&bytes).await.map_err(|e| e.message())?,
        };
        (handoff.import)(kind, &json).map_err(|e| e.message())?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacking_stops_at_the_limit() {
        let mut c = Capped::new(10);
        assert_eq!(c.push(b"hello"), Ok(()));
        assert_eq!(c.push(b""), Ok(()));
        assert_eq!(c.push(b"world!"), Err(TooLarge), "11 bytes pass the limit");
        assert_eq!(
            c.push(b"world"),
            Ok(()),
            "a refused chunk leaves nothing behind"
        );
        assert_eq!(c.push(b"!"), Err(TooLarge));
        assert_eq!(c.into_inner(), b"helloworld");
        let mut big = Capped::new(MAX_PAYLOAD_BYTES);
        assert_eq!(big.push(&vec![0; MAX_PAYLOAD_BYTES + 1]), Err(TooLarge));
    }

    #[test]
    fn base64url_round_trips_and_refuses_junk() {
        for n in 0..40usize {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 250) as u8).collect();
            let s = base64url_encode(&bytes);
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{s}"
            );
            assert_eq!(base64url_decode(&s), Some(bytes));
        }
        assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
        assert_eq!(base64url_encode(b"Man"), "TWFu");
        assert_eq!(base64url_decode("TWE"), Some(b"Ma".to_vec()));
        assert_eq!(base64url_decode("TWFu+"), None, "not base64url");
        assert_eq!(base64url_decode("TWFuT"), None, "impossible length");
        assert_eq!(base64url_decode("TW=="), None, "no padding");
    }

    #[test]
    fn payloads_are_validated_before_anything_is_kept() {
        let ok = br#"{"values":{"location":"nagano","employees":"45"}}"#;
        assert!(Payload::from_json(Kind::Eligibility, ok).is_ok());
        for bad in [
            &br#"{"values":{"nope":"x"}}"#[..],
            br#"{"values":{"location":1}}"#,
            br#"{"values":[]}"#,
            b"",
            b"\xff\xfe",
        ] {
            assert_eq!(
                Payload::from_json(Kind::Eligibility, bad),
                Err(HandoffError::Garbled),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        let item = ouen_rules::checklist::ITEMS[0].id;
        let partial = format!(r#"{{"kind":"retail","answers":{{"{item}":"done"}}}}"#);
        assert!(Payload::from_json(Kind::Checklist, partial.as_bytes()).is_ok());
        for bad in [
            r#"{"kind":"retail","answers":{"no-such-item":"done"}}"#.to_string(),
            format!(r#"{{"kind":"retail","answers":{{"{item}":"perfect"}}}}"#),
            format!(r#"{{"kind":"bakery","answers":{{"{item}":"done"}}}}"#),
            // A completed assessment (with a date) has a kind and a date.
            format!(r#"{{"kind":"","answers":{{"{item}":"done"}},"date":"2025-01-10T09:00"}}"#),
            format!(r#"{{"kind":"retail","answers":{{"{item}":"done"}},"date":"today"}}"#),
        ] {
            assert_eq!(
                Payload::from_json(Kind::Checklist, bad.as_bytes()),
                Err(HandoffError::Garbled),
                "{bad}"
            );
        }
        assert_eq!(
            Payload::from_json(Kind::Plan, br#"{"name":"x","draft":{"steps":7}}"#),
            Err(HandoffError::Garbled)
        );
    }

    fn plan() -> PlanPayload {
        let mut d = ouen_rules::plan::PlanDraft::default();
        d.sme.name = "信州テスト商店, \"株\"".into();
        PlanPayload {
            name: "計画書 1".into(),
            draft: d.to_json(),
        }
    }

    #[test]
    fn every_kind_round_trips_through_a_fragment() {
        let mut answers = Answers::default();
        answers.values.insert("location".into(), "nagano".into());
        answers.values.insert("employees".into(), "４５人".into());
        let payloads = [
            Payload::Eligibility(answers),
            Payload::Checklist(ChecklistPayload {
                kind: "retail".into(),
                answers: [("cs-quotes".to_string(), "done".to_string())].into(),
                date: Some("2025-01-10T09:00".into()),
            }),
            Payload::Plan(plan()),
        ];
        for p in payloads {
            for codec in [Codec::Json, Codec::Deflate] {
                // (Natively the "packed" bytes are the JSON itself; the browser deflates.)
                let frag = fragment(p.kind(), codec, &p.to_json());
                assert!(
                    frag.starts_with(&format!("h=1.{}.", p.kind().code())),
                    "{frag}"
                );
                assert!(frag.is_ascii());
                let (kind, c, bytes) = parse(&format!("#{frag}")).unwrap().unwrap();
                assert_eq!((kind, c), (p.kind(), codec));
                assert_eq!(Payload::from_json(kind, &bytes).unwrap(), p);
            }
        }
    }

    #[test]
    fn garbled_and_newer_links_are_reported() {
        assert_eq!(parse(""), Ok(None));
        assert_eq!(
            parse("#s=1&rate=6000"),
            Ok(None),
            "the simulator's own link"
        );
        assert_eq!(parse("h=2.e.j.e30"), Err(HandoffError::Newer(2)));
        for bad in [
            "h=",
            "h=x.e.j.e30",
            "h=0.e.j.e30",
            "h=1.q.j.e30",
            "h=1.e.x.e30",
            "h=1.e.j",
            "h=1.e.j.e30.more",
            "h=1.e.j.e3+0",
        ] {
            assert_eq!(parse(bad), Err(HandoffError::Garbled), "{bad}");
        }
        assert_eq!(
            Payload::from_json(Kind::Eligibility, b"not json"),
            Err(HandoffError::Garbled)
        );
        // A plan draft from a newer app is refused, not misread.
        let newer = br#"{"name":"x","draft":{"version":99}}"#;
        assert!(matches!(
            Payload::from_json(Kind::Plan, newer),
            Err(HandoffError::Newer(99))
        ));
        assert!(HandoffError::Garbled.message().contains("読み取れ"));
    }

    #[test]
    fn the_size_limit_keeps_qr_codes_scannable() {
        let base = "https://example.org/plan#h=1.p.z.";
        assert!(fits(&format!(
            "{base}{}",
            "A".repeat(MAX_URL_BYTES - base.len())
        )));
        assert!(!fits(&format!("{base}{}", "A".repeat(MAX_URL_BYTES))));
        // The limit fits a version-30 code at error correction L.
        let url = "a".repeat(MAX_URL_BYTES);
        let v = crate::qr::version_for(&url).expect("fits");
        assert!(v <= 30, "version {v}");
    }

    #[test]
    fn a_plan_arrives_as_a_new_draft_and_never_overwrites() {
        let p = plan();
        let mut stored = Stored::default();
        stored.drafts.push(StoredDraft {
            id: String::new(),
            name: "計画書 1".into(),
            draft: json!({"issue": "mine"}),
        });
        let s = apply_plan(&p, Some(stored));
        assert_eq!(s.drafts.len(), 2);
        assert_eq!(
            s.drafts[0].draft.get("issue"),
            Some(&Json::from("mine")),
            "untouched"
        );
        assert_eq!(s.drafts[1].name, "計画書 1 (2)");
        assert_eq!(s.current, 1);
        let s = apply_plan(&p, Some(s));
        assert_eq!(s.drafts[2].name, "計画書 1 (3)");
        let fresh = apply_plan(&p, None);
        assert_eq!(fresh.drafts.len(), 1);
        assert_eq!(fresh.drafts[0].name, "計画書 1");
    }

    #[test]
    fn checklist_hand_off_uses_the_draft_else_the_latest_result() {
        let record = Record {
            date: "2025-01-10T09:00".into(),
            kind: "retail".into(),
            answers: [("cs-quotes".to_string(), "done".to_string())].into(),
        };
        let history = History {
            records: vec![record.clone()],
        };
        let Some(Payload::Checklist(p)) =
            checklist_payload(Some(&Draft::default()), Some(&history))
        else {
            panic!("the latest result");
        };
        assert_eq!(p.date.as_deref(), Some("2025-01-10T09:00"));
        let (draft, h) = apply_checklist(&p, Some(history.clone()));
        assert_eq!(draft.answers, record.answers);
        assert_eq!(h.unwrap().records.len(), 1, "merged once");
        let mut d = Draft::default();
        d.answers.insert("x".into(), "partial".into());
        let Some(Payload::Checklist(p)) = checklist_payload(Some(&d), Some(&history)) else {
            panic!("the draft");
        };
        assert_eq!(p.date, None, "a draft being changed is not the result");
        assert_eq!(apply_checklist(&p, None).1, None);
        let finished = Draft {
            kind: record.kind.clone(),
            answers: record.answers.clone(),
            step: 5,
        };
        let Some(Payload::Checklist(p)) = checklist_payload(Some(&finished), Some(&history)) else {
            panic!("the finished draft");
        };
        assert_eq!(
            p.date.as_deref(),
            Some("2025-01-10T09:00"),
            "the result comes along"
        );
        assert_eq!(checklist_payload(None, None), None);
    }
}
