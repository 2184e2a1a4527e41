//! The simulator's input in the URL fragment, so that a link reproduces a result exactly and
//! nothing leaves the device (a fragment is never sent to a server).
//!
//! Format, version 1 (must keep decoding forever):
//!
//! ```text
//! #s=1&rate=6000&hours=12&mode=combined&smePrior=&expertPrior=&naganoPriorHours=&asOf=2021-02-05
//! ```
//!
//! Values are the fields exactly as typed, percent-encoded as UTF-8 (`６，０００` survives).
//! Missing keys take the form's defaults; unknown keys are ignored. A newer version or a
//! garbled fragment is reported, never guessed at.

use crate::form::{Form, Mode};
use crate::i18n::{m, t};

/// The version written by [`encode`].
pub const VERSION: u32 = 1;

/// Longest value accepted for one field (anything longer is not a form value).
const MAX_VALUE: usize = 64;

/// Why a fragment could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Written by a newer version of the app.
    NewerVersion(u32),
    /// Not a simulator link, or damaged (cut off, edited by hand).
    Garbled,
}

impl ShareError {
    /// What the person sees instead of the link's content.
    pub fn message(&self) -> String {
        match self {
            ShareError::NewerVersion(v) => crate::tf!(m::SIM_LINK_NEWER, version = v),
            ShareError::Garbled => t(m::SIM_LINK_GARBLED).to_string(),
        }
    }
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// Percent-encodes `s` as UTF-8 (RFC 3986 unreserved characters stay as they are).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if is_unreserved(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The inverse of [`percent_encode`]; `None` for a broken escape or invalid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

const KEYS: [&str; 6] = [
    "rate",
    "hours",
    "smePrior",
    "expertPrior",
    "naganoPriorHours",
    "asOf",
];

fn slot<'a>(form: &'a mut Form, key: &str) -> Option<&'a mut String> {
    Some(match key {
        "rate" => &mut form.rate,
        "hours" => &mut form.hours,
        "smePrior" => &mut form.sme_prior_honorarium,
        "expertPrior" => &mut form.expert_prior_honorarium,
        "naganoPriorHours" => &mut form.nagano_prior_hours,
        "asOf" => &mut form.as_of,
        _ => return None,
    })
}

/// The fragment (without `#`) carrying `form`.
pub fn encode(form: &Form) -> String {
    let mut form = form.clone();
    let mut out = format!("s={VERSION}&mode={}", form.mode.value());
    for key in KEYS {
        if let Some(v) = slot(&mut form, key) {
            // Rate and hours have non-empty defaults, so an emptied one must be written.
            if !v.is_empty() || matches!(key, "rate" | "hours") {
                out.push('&');
                out.push_str(key);
                out.push('=');
                out.push_str(&percent_encode(v));
            }
        }
    }
    out
}

/// The form a fragment carries: `Ok(None)` when there is no fragment at all.
pub fn decode(fragment: &str) -> Result<Option<Form>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    if fragment.is_empty() {
        return Ok(None);
    }
    let mut pairs = Vec::new();
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').ok_or(ShareError::Garbled)?;
        let v = percent_decode(v).ok_or(ShareError::Garbled)?;
        if v.chars().count() > MAX_VALUE {
            return Err(ShareError::Garbled);
        }
        pairs.push((k, v));
    }
    let version = pairs
        .iter()
        .find(|(k, _)| *k == "s")
        .ok_or(ShareError::Garbled)?
        .1
        .parse::<u32>()
        .map_err(|_| ShareError::Garbled)?;
    match version {
        1 => decode_v1(&pairs).map(Some),
        0 => Err(ShareError::Garbled),
        v => Err(ShareError::NewerVersion(v)),
    }
}

fn decode_v1(pairs: &[(&str, String)]) -> Result<Form, ShareError> {
    let mut form = Form::default();
    for (k, v) in pairs {
        if *k == "mode" {
            form.mode = Mode::ALL
                .into_iter()
                .find(|m| m.value() == v)
                .ok_or(ShareError::Garbled)?;
        } else if let Some(slot) = slot(&mut form, k) {
            *slot = v.clone();
        }
    }
    Ok(form)
}

/// The fragment a simulator opens with. The page puts each change in its address once the
/// change is painted (`history.replaceState` costs a keystroke more than anything else), so
/// a reload in that moment finds the address one change behind, however quickly the write
/// follows: the browser reloads the address it had when the reload was asked for. So when
/// this page was reloaded (or came back through the history), this tab's last change
/// (`due`, kept in its session storage at every change) wins; an address opened any other
/// way is a link, and it wins.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn start_fragment<'a>(here: &'a str, reloaded: bool, due: Option<&'a str>) -> &'a str {
    match due {
        Some(due) if reloaded => due,
        _ => here,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reload_before_the_address_caught_up_keeps_the_last_change() {
        let (old, new) = ("s=1&rate=6000", "s=1&rate=7000");
        // Reloaded with the address one change behind: the change wins.
        assert_eq!(start_fragment(old, true, Some(new)), new);
        // No fragment yet (the first change of a page opened without one), same.
        assert_eq!(start_fragment("", true, Some(new)), new);
        // Caught up: the same either way.
        assert_eq!(start_fragment(new, true, Some(new)), new);
        // A link opened in this tab: the link wins over the tab's last change, and a plain
        // address (the header's link) reads what this device saved.
        assert_eq!(start_fragment(old, false, Some(new)), old);
        assert_eq!(start_fragment("", false, Some(new)), "");
        // Nothing noted in this tab: the address as it is.
        assert_eq!(start_fragment(old, true, None), old);
        assert_eq!(start_fragment(old, false, None), old);
    }

    /// Links written by version 1. These must decode the same way forever: people keep
    /// links in e-mails and printouts.
    #[test]
    fn version_1_links_decode_forever() {
        let form = decode("#s=1&mode=combined&rate=6000&hours=12&asOf=2021-02-05")
            .unwrap()
            .unwrap();
        assert_eq!(
            form,
            Form {
                rate: "6000".into(),
                hours: "12".into(),
                mode: Mode::Combined,
                as_of: "2021-02-05".into(),
                ..Form::default()
            }
        );
        let form = decode(
            "s=1&mode=nagano&rate=%EF%BC%96%EF%BC%8C%EF%BC%90%EF%BC%90%EF%BC%90&hours=1.5\
             &smePrior=10%2C000&expertPrior=500&naganoPriorHours=2",
        )
        .unwrap()
        .unwrap();
        assert_eq!(form.rate, "６，０００");
        assert_eq!(form.hours, "1.5");
        assert_eq!(form.mode, Mode::Nagano);
        assert_eq!(form.sme_prior_honorarium, "10,000");
        assert_eq!(form.expert_prior_honorarium, "500");
        assert_eq!(form.nagano_prior_hours, "2");
        assert_eq!(form.as_of, "");
        // Missing keys take the defaults; unknown keys (from a later minor change) are ignored.
        assert_eq!(
            decode("s=1&hours=20&theme=dark").unwrap().unwrap(),
            Form {
                hours: "20".into(),
                ..Form::default()
            }
        );
    }

    #[test]
    fn round_trips_every_form() {
        let forms = [
            Form::default(),
            Form {
                rate: "６，０００ 円".into(),
                hours: "".into(),
                mode: Mode::National,
                sme_prior_honorarium: "a&b=c%d#e".into(),
                expert_prior_honorarium: "１５０万".into(),
                nagano_prior_hours: "24".into(),
                as_of: "2021-11-01".into(),
            },
        ];
        for form in forms {
            let fragment = encode(&form);
            assert!(fragment.starts_with("s=1&"), "{fragment}");
            assert!(fragment.is_ascii(), "{fragment}");
            assert_eq!(decode(&fragment), Ok(Some(form.clone())));
            assert_eq!(decode(&format!("#{fragment}")), Ok(Some(form)));
        }
        // Empty optional fields are left out.
        assert_eq!(
            encode(&Form::default()),
            "s=1&mode=combined&rate=6000&hours=12"
        );
    }

    #[test]
    fn garbled_or_newer_links_are_reported_not_guessed() {
        assert_eq!(decode(""), Ok(None));
        assert_eq!(decode("#"), Ok(None));
        for bad in [
            "rate=6000",
            "s=x&rate=6000",
            "s=0&rate=1",
            "s=1&mode=tokyo",
            "s=1&rate=%E3%81",
            "s=1&rate=%zz",
            "s=1&rate",
            "top",
        ] {
            assert_eq!(decode(bad), Err(ShareError::Garbled), "{bad}");
        }
        let long = format!("s=1&rate={}", "9".repeat(65));
        assert_eq!(decode(&long), Err(ShareError::Garbled));
        assert_eq!(decode("s=2&rate=1"), Err(ShareError::NewerVersion(2)));
        assert!(ShareError::Garbled.message().contains("読み取れません"));
        assert!(ShareError::NewerVersion(2).message().contains("新しい版"));
    }
}

/// The browser side: reading and writing the fragment, copying a link, printing.
#[cfg(target_arch = "wasm32")]
pub mod web {
    use crate::storage::{self, key};
    use wasm_bindgen::JsValue;

    /// The fragment the simulator opens with ([`super::start_fragment`]).
    pub fn start_fragment() -> String {
        let here = fragment();
        let due = storage::session_read(key::ADDRESS_DUE);
        super::start_fragment(&here, reloaded(), due.as_deref()).to_string()
    }

    /// Whether this page was reloaded or came back through the history (the navigation
    /// timing's `type`); `false` where the browser does not say.
    fn reloaded() -> bool {
        use js_sys::{Array, Function, Reflect};
        use wasm_bindgen::JsCast;
        let kind = || -> Option<String> {
            let window: wasm_bindgen::JsValue = web_sys::window()?.into();
            let performance = Reflect::get(&window, &"performance".into()).ok()?;
            let entries: Function = Reflect::get(&performance, &"getEntriesByType".into())
                .ok()?
                .dyn_into()
                .ok()?;
            let list: Array = entries
                .call1(&performance, &"navigation".into())
                .ok()?
                .dyn_into()
                .ok()?;
            Reflect::get(&list.get(0), &"type".into()).ok()?.as_string()
        };
        matches!(kind().as_deref(), Some("reload" | "back_forward"))
    }

    /// Notes the fragment the address is about to carry (see [`super::start_fragment`]).
    pub fn note_due(fragment: &str) {
        if crate::seminar::url_writes_allowed() {
            storage::session_write(key::ADDRESS_DUE, fragment);
        }
    }

    /// The current fragment, without `#`.
    pub fn fragment() -> String {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .map(|h| h.trim_start_matches('#').to_string())
            .unwrap_or_default()
    }

    /// Replaces the fragment without adding a history entry (or firing `hashchange`).
    pub fn replace_fragment(fragment: &str) {
        if !crate::seminar::url_writes_allowed() {
            return;
        }
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
        }
    }

    /// This page's address with `fragment`.
    pub fn url_with(fragment: &str) -> String {
        let loc = web_sys::window().map(|w| w.location());
        let base = loc
            .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
            .unwrap_or_default();
        format!("{base}#{fragment}")
    }

    /// Copies `text` to the clipboard; `done(false)` when the browser would not.
    pub fn copy(text: String, done: yew::Callback<bool>) {
        let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
            done.emit(false);
            return;
        };
        let has_clipboard = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
            .map(|c| !c.is_undefined() && !c.is_null())
            .unwrap_or(false);
        if !has_clipboard {
            done.emit(false);
            return;
        }
        let promise = nav.clipboard().write_text(&text);
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            done.emit(ok);
        });
    }

    /// Opens the browser's print dialog.
    pub fn print() {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    }
}
