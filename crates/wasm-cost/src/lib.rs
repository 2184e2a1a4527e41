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
// allocator and the panic handler are in `rt` below.
#![cfg_attr(all(target_arch = "wasm32", feature = "own-runtime"), no_std)]

extern crate alloc;

mod tape;

use alloc::string::String;
use js_sys::{Array, Object, Reflect};
use ouen_rules::cost::Explain;
use ouen_rules::sme::{RawExclusions, RawSmeInput, Reason, SmeClassification};
use ouen_rules::{ErrorKind, InputError, Locale, Stamp, Value};
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
        Ok(valid) => Ok(classification(&ouen_rules::sme::classify(&valid, locale))),
        Err(errors) => Err(input_error(&errors, locale)),
    }
}

/// The ruleset stamp: `{ version, hash }` (the full package's `rulesetInfo` adds every figure
/// and date with its sources).
#[wasm_bindgen(js_name = rulesetInfo, skip_typescript)]
pub fn ruleset_info() -> JsValue {
    stamp(&ouen_rules::STAMP)
}

/// The wasm runtime of a `no_std` cdylib: a small allocator and a panic handler.
#[cfg(all(target_arch = "wasm32", feature = "own-runtime"))]
mod rt {
    use core::alloc::{GlobalAlloc, Layout};
    use core::arch::wasm32;
    use core::cell::UnsafeCell;
    use core::ptr;

    /// Size classes: blocks of 2^k bytes (k ≥ 3), each aligned to its size, carved from
    /// freshly grown memory and kept on a free list per class once freed, for reuse. Peak
    /// use bounds the memory; the wasm is single-threaded.
    struct Heap {
        free: [usize; 32],
        next: usize,
        end: usize,
    }

    struct Allocator(UnsafeCell<Heap>);

    // SAFETY: wasm32-unknown-unknown without atomics runs on one thread.
    unsafe impl Sync for Allocator {}

    #[global_allocator]
    static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(Heap {
        free: [0; 32],
        next: 0,
        end: 0,
    }));

    const PAGE: usize = 65536;

    /// The class of a layout: the log2 of its block size.
    fn class(size: usize, align: usize) -> usize {
        size.max(align).max(8).next_power_of_two().trailing_zeros() as usize
    }

    unsafe impl GlobalAlloc for Allocator {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // SAFETY: single-threaded, and no allocation happens while this borrow lives.
            let heap = unsafe { &mut *self.0.get() };
            let c = class(layout.size(), layout.align());
            if c >= 31 {
                return ptr::null_mut();
            }
            let head = heap.free[c];
            if head != 0 {
                // SAFETY: a freed block of this class; its first word links the next one.
                heap.free[c] = unsafe { *(head as *const usize) };
                return head as *mut u8;
            }
            let size = 1usize << c;
            if heap.end == 0 {
                // Start past everything the module was given (data, stack, bindgen's use).
                heap.end = wasm32::memory_size(0) * PAGE;
                heap.next = heap.end;
            }
            let start = (heap.next + size - 1) & !(size - 1);
            let Some(stop) = start.checked_add(size) else {
                return ptr::null_mut();
            };
            if stop > heap.end {
                let pages = (stop - heap.end).div_ceil(PAGE);
                if wasm32::memory_grow(0, pages) == usize::MAX {
                    return ptr::null_mut();
                }
                heap.end += pages * PAGE;
            }
            heap.next = stop;
            start as *mut u8
        }

        unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
            // SAFETY: as in `alloc`.
            let heap = unsafe { &mut *self.0.get() };
            let c = class(layout.size(), layout.align());
            // SAFETY: the block is ours again and at least 8 bytes.
            unsafe { *(p as *mut usize) = heap.free[c] };
            heap.free[c] = p as usize;
        }

        unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if class(new_size, layout.align()) == class(layout.size(), layout.align()) {
                return p;
            }
            // SAFETY: the caller's guarantees carry over to the new layout.
            unsafe {
                let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
                if !new.is_null() {
                    ptr::copy_nonoverlapping(p, new, layout.size().min(new_size));
                    self.dealloc(p, layout);
                }
                new
            }
        }
    }

    /// A panic traps, as with std and `panic = "abort"` (whose message goes nowhere on
    /// wasm32-unknown-unknown); nothing is formatted.
    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo) -> ! {
        wasm32::unreachable()
    }
}
