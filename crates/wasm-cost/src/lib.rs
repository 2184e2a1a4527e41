//! The small entry of the npm package (`ouen/cost`): the cost split (`simulate`), the SME
//! check (`classifySme`) and the ruleset stamp (`rulesetInfo`: version and hash only).
//!
//! Same core calls and same results as `ouen-wasm` (`crates/wasm`), without serde_json or
//! serde-wasm-bindgen. Plans come in through the wire of [`tape`] (numbers and one string,
//! encoded by the package's `tape.js`) or, for what that glue does not encode, as objects
//! whose fields are read with `Reflect.get` into the core's loose [`Value`]; cost splits go
//! out through the wire, which `tape.js` turns into the same objects as the full package's
//! (money as numbers); the SME check's results are built as plain JS objects by hand. Bad
//! input throws the same `OuenInputError` (`name`, `field`, `errors`, and `index` in a
//! batch), with messages in the requested locale. `tests/node/cost.test.mjs` checks both
//! entries give deep-equal results.

// `no_std` on wasm32 with `own-runtime` (as `cargo xtask dist` builds it): no std panic
// machinery (which formats messages and locations nobody sees) and no dlmalloc; the
// allocator (`ouen-heap`'s, as in every ouen wasm) and the panic handler are in `rt` below.
#![cfg_attr(all(target_arch = "wasm32", feature = "own-runtime"), no_std)]

extern crate alloc;

mod tape;

use alloc::string::String;
use js_sys::{Array, Object, Reflect};
use ouen_core::cost::Explain;
use ouen_core::sme::{RawExclusions, RawSmeInput, Reason, SmeClassification};
use ouen_core::{ErrorKind, InputError, Locale, Stamp, Value};
use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;

// ---- JS in ---------------------------------------------------------------------------------

// Every input comes on the wire of [`tape`], encoded by the package's `tape.js` as this wasm
// read objects before (`Reflect.get` per field: a getter that throws, `undefined` and `null`
// are absent; numbers, texts, booleans and lists (through `Array.from`) as the core's loose
// [`Value`], anything else as `Other`). The options first: `0` none (undefined or null), `1`
// an object, then its `locale` (absent, a text or `Other`) and, for the cost split, its
// `explain` (absent, a boolean or `Other`), or `2` anything else.

/// The options of a call: the locale, and with `explain`, whether to explain (`false` leaves
/// out the steps of the working; anything but a boolean (or nothing) is refused, naming the
/// option).
fn options(r: &mut tape::Reader, explain: bool) -> Result<(Locale, Explain), JsValue> {
    let kind = r.num();
    if kind == 0.0 {
        return Ok((Locale::Ja, Explain::Steps));
    }
    // What the error echoes: the unknown locale, or "options" when the value is no string.
    let locale = match (kind == 1.0).then(|| r.value()) {
        Some(None) => Ok(Locale::Ja),
        Some(Some(Value::Text(s))) => Locale::parse(&s).ok_or(s),
        _ => Err("options".into()),
    };
    let locale = locale.map_err(|got| {
        input_error(
            &[InputError::new("locale", ErrorKind::UnknownChoice { got })],
            Locale::Ja,
        )
    })?;
    if !explain {
        return Ok((locale, Explain::Steps));
    }
    match r.value() {
        Some(Value::Bool(false)) => Ok((locale, Explain::Off)),
        None | Some(Value::Bool(true)) => Ok((locale, Explain::Steps)),
        Some(_) => Err(input_error(
            &[InputError::new("explain", ErrorKind::NotABoolean)],
            locale,
        )),
    }
}

/// An `Error` named `OuenInputError` with `field` (the first problem's) and `errors` (all).
fn input_error(errors: &[InputError], locale: Locale) -> JsValue {
    let first = &errors[0];
    let err = js_sys::Error::new(&first.message(locale));
    err.set_name("OuenInputError");
    let all = Array::new();
    for e in errors {
        let item = Object::new();
        set(&item, "field", &e.field.into());
        set(&item, "message", &e.message(locale).into());
        all.push(&item);
    }
    set(&err, "field", &first.field.into());
    set(&err, "errors", &all);
    err.into()
}

fn not_an_object(locale: Locale) -> JsValue {
    input_error(&[InputError::new("input", ErrorKind::Missing)], locale)
}

// ---- JS out ---------------------------------------------------------------------------------

fn set(obj: &JsValue, key: &str, v: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), v);
}

/// A decimal as a JS number ([`tape::number`]).
fn number(d: Decimal) -> JsValue {
    JsValue::from_f64(tape::number(d))
}

fn opt_number(d: Option<Decimal>) -> JsValue {
    d.map_or(JsValue::NULL, number)
}

fn strings<S: AsRef<str>>(items: &[S]) -> JsValue {
    let a = Array::new();
    for s in items {
        a.push(&JsValue::from_str(s.as_ref()));
    }
    a.into()
}

fn list<T>(items: &[T], f: impl Fn(&T) -> JsValue) -> JsValue {
    let a = Array::new();
    for x in items {
        a.push(&f(x));
    }
    a.into()
}

fn stamp(s: &Stamp) -> JsValue {
    let o = Object::new();
    set(&o, "version", &s.version.into());
    set(&o, "hash", &s.hash.into());
    o.into()
}

fn step(rules: &[&'static str], text: &str) -> JsValue {
    let o = Object::new();
    set(&o, "rules", &strings(rules));
    set(&o, "text", &text.into());
    o.into()
}

fn opt_u32(v: Option<u32>) -> JsValue {
    v.map_or(JsValue::NULL, |n| JsValue::from_f64(n.into()))
}

fn classification(c: &SmeClassification) -> JsValue {
    let o = Object::new();
    set(&o, "sme", &c.sme.into());
    set(
        &o,
        "smallBusiness",
        &c.small_business.map_or(JsValue::NULL, JsValue::from_bool),
    );
    set(&o, "reasons", &strings(&c.reasons));
    set(&o, "summary", &c.summary.as_str().into());
    set(
        &o,
        "explanation",
        &list(&c.explanation, |r: &Reason| step(&r.rules, &r.text)),
    );
    set(&o, "toQualify", &strings(&c.to_qualify));
    let cat = Object::new();
    set(&cat, "rule", &c.category.rule.into());
    set(&cat, "row", &JsValue::from_f64(c.category.row.into()));
    set(&cat, "mark", &c.category.mark.into());
    set(
        &cat,
        "industryRow",
        &opt_u32(c.category.industry_row.map(u32::from)),
    );
    set(&o, "category", &cat);
    set(&o, "capitalCap", &opt_number(c.capital_cap));
    set(&o, "employeeCap", &JsValue::from_f64(c.employee_cap.into()));
    set(&o, "smallBusinessCap", &opt_u32(c.small_business_cap));
    set(
        &o,
        "deemedLarge",
        &list(&c.deemed_large, |n| JsValue::from_f64((*n).into())),
    );
    set(&o, "unanswered", &strings(&c.unanswered));
    set(&o, "ruleset", &stamp(&c.ruleset));
    o.into()
}

// ---- exports --------------------------------------------------------------------------------

/// Splits the cost of plans between the national programme, Nagano and the SME: `simulate`
/// (`many` 0) and `simulateMany` (1, or 2 for a batch that is no list) of `tape.js`, the
/// options and plans and the results on the wire of [`tape`].
#[wasm_bindgen(js_name = simulateTape, skip_typescript)]
pub fn simulate_tape(nums: &[f64], texts: &str, many: u8) -> Result<JsValue, JsValue> {
    let mut r = tape::Reader::new(nums, texts);
    let (locale, detail) = options(&mut r, true)?;
    tape::run(r, many, locale, detail, |errors| match errors {
        Some(errors) => input_error(errors, locale),
        None => not_an_object(locale),
    })
}

/// The texts of the last results on the wire.
#[wasm_bindgen(js_name = takeTexts, skip_typescript)]
pub fn take_texts() -> String {
    tape::take_texts()
}

/// Whether an organisation is an SME (SME-1..7), and a small business (SME-5): the options and
/// the organisation on the wire of [`tape`] (after the options, `0`: no object; or `1`, the
/// exclusions (`0` absent, `1` an object and its six fields, `2` anything else) and the four
/// fields), the result as a JS object.
#[wasm_bindgen(js_name = classifyTape, skip_typescript)]
pub fn classify_tape(nums: &[f64], texts: &str) -> Result<JsValue, JsValue> {
    let mut r = tape::Reader::new(nums, texts);
    let (locale, _) = options(&mut r, false)?;
    if r.num() == 0.0 {
        return Err(not_an_object(locale));
    }
    let exclusions = match r.num() as u8 {
        0 => None,
        1 => Some(RawExclusions {
            single_large_share: r.value(),
            total_large_share: r.value(),
            large_officer_share: r.value(),
            owned_by_deemed_large: r.value(),
            officers_all_from_deemed_large: r.value(),
            avg_taxable_income: r.value(),
            not_an_object: false,
        }),
        _ => Some(RawExclusions {
            not_an_object: true,
            ..RawExclusions::default()
        }),
    };
    let raw = RawSmeInput {
        org_type: r.value(),
        industry: r.value(),
        capital: r.value(),
        employees: r.value(),
        exclusions,
    };
    match raw.validate() {
        Ok(valid) => Ok(classification(&ouen_core::sme::classify(&valid, locale))),
        Err(errors) => Err(input_error(&errors, locale)),
    }
}

/// The ruleset stamp: `{ version, hash }` (the full package's `rulesetInfo` adds every figure
/// and date with its sources).
#[wasm_bindgen(js_name = rulesetInfo, skip_typescript)]
pub fn ruleset_info() -> JsValue {
    stamp(&ouen_core::STAMP)
}

/// The wasm runtime of a `no_std` cdylib: the small allocator of `ouen-heap` and a panic
/// handler.
#[cfg(all(target_arch = "wasm32", feature = "own-runtime"))]
mod rt {
    use core::arch::wasm32;

    #[global_allocator]
    static HEAP: ouen_heap::Wasm = ouen_heap::Wasm::new();

    /// A panic traps, as with std and `panic = "abort"` (whose message goes nowhere on
    /// wasm32-unknown-unknown); nothing is formatted.
    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo) -> ! {
        wasm32::unreachable()
    }
}
