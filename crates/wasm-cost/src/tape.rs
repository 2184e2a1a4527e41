//! The fast wire between the package's JS glue (`crates/wasm/js/tape.js`) and both wasm
//! builds (this crate's, and `crates/wasm`'s, which includes this file): plans come in and
//! results go out as one list of numbers (a `Float64Array`) and one string holding every text,
//! instead of one JS call per field read or set.
//!
//! Plans: each `0` (no object: the `input` error) or `1` and its seven fields in
//! [`RawSimulationInput`]'s order, each a tag (`0` absent, `1` a number (the next one), `2` a
//! text (its length in UTF-16 units, as JS counts it; the text is the next one in the
//! string), `3`/`4` false/true, `5` anything else, `6` a list: its length, then each item). So
//! the core reads the very [`Value`]s it read from the objects and validates them the same way
//! (same errors). The full entry's glue encodes only what its serde readers would read the
//! same way and hands anything else to them.
//!
//! Results: the count, then per [`Simulation`] its numbers (money as the JS numbers the object
//! builders made: [`number`]) and counts; its texts in order in the string, each followed by
//! a NUL (no result text holds one). `tape.js` reads them back in the same order into the
//! same objects. Rule ids and warning codes are symbols ([`Writer::sym`]): each is sent as
//! text once per call and then by its number; a segment's exact boundary is sent as numbers
//! ([`Writer::exact`]), so the usual result carries no text at all.

use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use ouen_core::cost::Explain;
use ouen_core::cost::{Simulation, WarningCode};
use ouen_core::ratio::Ratio;
use ouen_core::{ErrorKind, InputError, Locale, RawSimulationInput, Scheme, Value};
use rust_decimal::Decimal;
use wasm_bindgen::JsValue;

/// A decimal as a JS number, as `ouen_core::format::as_number` serializes it for the full
/// package: a whole number that fits an `i64` as that integer, else
/// [`ouen_core::format::to_f64`].
pub fn number(d: Decimal) -> f64 {
    let n = d.normalize();
    if n.scale() == 0 {
        if let Ok(i) = i64::try_from(n.mantissa()) {
            return i as f64;
        }
    }
    ouen_core::format::to_f64(d)
}

/// Plans as the glue encoded them.
pub struct Reader<'a> {
    nums: &'a [f64],
    at: usize,
    texts: &'a str,
}

impl<'a> Reader<'a> {
    pub fn new(nums: &'a [f64], texts: &'a str) -> Self {
        Reader { nums, at: 0, texts }
    }

    pub fn num(&mut self) -> f64 {
        let n = self.nums.get(self.at).copied().unwrap_or(0.0);
        self.at += 1;
        n
    }

    /// The next text: as many UTF-16 units as JS counted (a lone surrogate came as U+FFFD,
    /// one unit too).
    fn text(&mut self) -> String {
        let units = self.num() as usize;
        let bytes = self.texts.as_bytes();
        // A character starts at every byte but a continuation byte (10xxxxxx); one of four
        // bytes (11110xxx) is two UTF-16 units.
        let (mut n, mut end) = (0, 0);
        while end < bytes.len() && (n < units || bytes[end] & 0xc0 == 0x80) {
            let b = bytes[end];
            if b & 0xc0 != 0x80 {
                n += 1 + usize::from(b >= 0xf0);
            }
            end += 1;
        }
        let (text, rest) = self.texts.split_at_checked(end).unwrap_or((self.texts, ""));
        self.texts = rest;
        text.into()
    }

    pub fn value(&mut self) -> Option<Value> {
        Some(match self.num() as u8 {
            0 => return None,
            1 => Value::Number(self.num()),
            2 => Value::Text(self.text()),
            3 => Value::Bool(false),
            4 => Value::Bool(true),
            6 => {
                // No more items than numbers left (a forged length allocates nothing absurd).
                let n = (self.num() as usize).min(self.nums.len() - self.at.min(self.nums.len()));
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value().unwrap_or(Value::Other(serde::de::IgnoredAny)));
                }
                Value::List(items)
            }
            _ => Value::Other(serde::de::IgnoredAny),
        })
    }

    /// The next plan (`None`: no object).
    fn input(&mut self) -> Option<RawSimulationInput> {
        if self.num() == 0.0 {
            return None;
        }
        Some(RawSimulationInput {
            rate: self.value(),
            hours: self.value(),
            schemes: self.value(),
            sme_prior_honorarium: self.value(),
            expert_prior_honorarium: self.value(),
            nagano_prior_hours: self.value(),
            as_of: self.value(),
        })
    }
}

/// Results, written for the glue to read back.
#[derive(Default)]
struct Writer {
    nums: Vec<f64>,
    texts: String,
    /// The symbols sent so far, by number.
    syms: Vec<&'static str>,
}

/// The largest integer every smaller one of which a JS number holds exactly (2^53).
const EXACT: u64 = 1 << 53;

fn warning_code(c: WarningCode) -> &'static str {
    match c {
        WarningCode::NoBenefit => "noBenefit",
        WarningCode::SmeCapReached => "smeCapReached",
        WarningCode::ExpertCapReached => "expertCapReached",
        WarningCode::NationalCapExhausted => "nationalCapExhausted",
        WarningCode::NaganoHoursCapped => "naganoHoursCapped",
        WarningCode::NaganoHoursExhausted => "naganoHoursExhausted",
        WarningCode::ProgrammeClosed => "programmeClosed",
        WarningCode::IntakeClosed => "intakeClosed",
        WarningCode::ProgrammeNotYetOpen => "programmeNotYetOpen",
        WarningCode::RulesNotInForce => "rulesNotInForce",
        WarningCode::BudgetMayCloseEarly => "budgetMayCloseEarly",
    }
}

impl Writer {
    fn n(&mut self, x: f64) {
        self.nums.push(x);
    }

    fn len(&mut self, n: usize) {
        self.n(n as f64);
    }

    fn d(&mut self, d: Decimal) {
        self.n(number(d));
    }

    fn s(&mut self, s: &str) {
        self.texts.push_str(s);
        self.texts.push('\0');
    }

    /// A text of a few known values (a rule id, a warning code): its number, and the first
    /// time it is sent, the text too, which becomes that number. Symbols are told apart by
    /// where the text is (the same id written in two places may be sent twice: harmless).
    fn sym(&mut self, x: &'static str) {
        let mut k = 0;
        while k < self.syms.len() && !core::ptr::eq(self.syms[k], x) {
            k += 1;
        }
        self.len(k);
        if k == self.syms.len() {
            self.syms.push(x);
            self.s(x);
        }
    }

    fn syms(&mut self, xs: &[&'static str]) {
        self.len(xs.len());
        for x in xs {
            self.sym(x);
        }
    }

    /// An exact boundary: `0` when it is the whole number its shown value is, `1` and its
    /// numerator and denominator when a JS number holds each exactly, else `2` and its text.
    fn exact(&mut self, r: Ratio) {
        let (num, den) = r.parts();
        // In 64 bits (an `i128` to `f64` is a library call); both are below 2^53 in magnitude.
        let small = |x: i128| i64::try_from(x).ok().filter(|x| x.unsigned_abs() < EXACT);
        match (small(num), small(den)) {
            (Some(_), Some(1)) => self.n(0.0),
            (Some(num), Some(den)) => {
                self.n(1.0);
                self.n(num as f64);
                self.n(den as f64);
            }
            _ => {
                self.n(2.0);
                self.s(&r.fraction_text());
            }
        }
    }

    /// One result, in the order `tape.js` reads it.
    fn simulation(&mut self, s: &Simulation) {
        self.d(s.total_fee);
        self.d(s.self_pay);
        let national = s.subsidies.national;
        let nagano = s.subsidies.nagano;
        self.n(f64::from(
            u8::from(national.is_some()) + 2 * u8::from(nagano.is_some()),
        ));
        for d in [national, nagano].into_iter().flatten() {
            self.d(d);
        }
        self.len(s.schemes.len());
        for sc in &s.schemes {
            self.n(f64::from(u8::from(*sc == Scheme::Nagano)));
        }
        self.len(s.segments.len());
        for g in &s.segments {
            for d in [
                g.from,
                g.to,
                g.national_per_hour,
                g.nagano_per_hour,
                g.self_pay_per_hour,
            ] {
                self.d(d);
            }
            self.exact(g.from_exact);
            self.exact(g.to_exact);
            self.syms(&g.rules);
        }
        self.len(s.explanation.len());
        for st in &s.explanation {
            self.syms(&st.rules);
            self.s(&st.text);
        }
        self.len(s.warnings.len());
        for w in &s.warnings {
            self.sym(warning_code(w.code));
            self.syms(&w.rules);
            self.s(&w.message);
        }
        self.syms(&s.interpretations);
        // The date as its year, month and day (`tape.js` writes `YYYY-MM-DD`), or 0.
        match s.as_of {
            Some(d) => {
                self.n(d.year().into());
                self.n(d.month().into());
                self.n(d.day().into());
            }
            None => self.n(0.0),
        }
        // The ruleset is the one stamp of this wasm, written once per call ([`run`]).
        debug_assert!(s.ruleset == ouen_core::STAMP);
    }
}

/// The plans left on the wire simulated: their results on the wire, or the first
/// bad plan's error (`error`: the `OuenInputError` of these problems, or of a missing object
/// for `None`), with its `index` when `many` is 1 (`simulateMany`); `many` 2 is a batch that
/// was no list.
pub fn run(
    mut plans: Reader,
    many: u8,
    locale: Locale,
    detail: Explain,
    error: impl Fn(Option<&[InputError]>) -> JsValue,
) -> Result<JsValue, JsValue> {
    if many > 1 {
        return Err(error(Some(&[InputError::new(
            "inputs",
            ErrorKind::NotAList,
        )])));
    }
    let mut out = Writer::default();
    out.nums.push(0.0);
    // Every result's `ruleset`: the texts start with it.
    out.s(ouen_core::STAMP.version);
    out.s(ouen_core::STAMP.hash);
    let mut i = 0u32;
    while plans.at < plans.nums.len() {
        let sim = match plans.input() {
            Some(raw) => ouen_core::simulate_raw_with(&raw, locale, detail)
                .map_err(|errors| error(Some(&errors))),
            None => Err(error(None)),
        };
        match sim {
            Ok(sim) => out.simulation(&sim),
            Err(e) => {
                if many == 1 {
                    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("index"), &i.into());
                }
                return Err(e);
            }
        }
        i += 1;
    }
    out.nums[0] = i.into();
    *TEXTS.0.borrow_mut() = out.texts;
    Ok(js_sys::Float64Array::new_from_slice(&out.nums).into())
}

/// The texts of the last results, until the glue takes them (the wasm is single-threaded).
struct Last(RefCell<String>);

// SAFETY: only ever used from the wasm's one thread.
unsafe impl Sync for Last {}

static TEXTS: Last = Last(RefCell::new(String::new()));

/// The texts of the last results of [`run`] (once).
pub fn take_texts() -> String {
    core::mem::take(&mut *TEXTS.0.borrow_mut())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A boundary goes as the shown number when whole, as numbers when a JS number holds
    /// them, and as its text past 2^53 (no validated plan gets there: the wire stays exact).
    #[test]
    fn exact_boundaries() {
        let mut w = Writer::default();
        w.exact(Ratio::new(12, 1));
        w.exact(Ratio::new(40, 14));
        let big = (1i128 << 60) + 1; // not a multiple of 3
        w.exact(Ratio::new(big, 3));
        w.exact(Ratio::new(1, big));
        assert_eq!(w.nums, [0.0, 1.0, 20.0, 7.0, 2.0, 2.0]);
        assert_eq!(w.texts, "1152921504606846977/3\u{0}1/1152921504606846977\0");
        // Just below 2^53, as numbers.
        let mut w = Writer::default();
        w.exact(Ratio::new((1 << 53) - 1, 2));
        assert_eq!(w.nums, [1.0, 9007199254740991.0, 2.0]);
    }

    /// A symbol's text goes once per call; after that its number.
    #[test]
    fn symbols_once() {
        let mut w = Writer::default();
        // Each bound once, so every use is the same text in the same place (as the core's
        // ids are).
        let (a, b): (&'static str, &'static str) = ("NAT-1", "NGN-2");
        w.syms(&[a, b]);
        w.syms(&[b, a, a]);
        assert_eq!(w.nums, [2.0, 0.0, 1.0, 3.0, 1.0, 0.0, 0.0]);
        assert_eq!(w.texts, "NAT-1\0NGN-2\0");
    }
}
