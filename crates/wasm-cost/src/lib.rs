//! The small entry of the npm package (`ouen/cost`): the cost split (`simulate`), the SME
//! check (`classifySme`) and the ruleset stamp (`rulesetInfo`: version and hash only).
//!
//! Same core calls and same results as `ouen-wasm` (`crates/wasm`), without serde_json or
//! serde-wasm-bindgen: input fields are read with `Reflect.get` into the core's loose
//! [`Value`], results are built as plain JS objects by hand, with the same field names and
//! the same types as the full package's (money as numbers). Bad input throws the same
//! `OuenInputError` (`name`, `field`, `errors`), with messages in the requested locale.
//! `tests/node/cost.test.mjs` checks both entries give deep-equal results.

// `no_std` on wasm32 with `own-runtime` (as `cargo xtask dist` builds it): no std panic
// machinery (which formats messages and locations nobody sees) and no dlmalloc; the
// allocator and the panic handler are in `rt` below.
#![cfg_attr(all(target_arch = "wasm32", feature = "own-runtime"), no_std)]

extern crate alloc;

use alloc::string::String;
use js_sys::{Array, Object, Reflect};
use ouen_rules::cost::{Explain, Segment, Step, Warning, WarningCode};
use ouen_rules::sme::{RawExclusions, RawSmeInput, Reason, SmeClassification};
use ouen_rules::{
    Date, ErrorKind, InputError, Locale, RawSimulationInput, Scheme, Simulation, Stamp, Value,
};
use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;

// ---- JS in ----------------------------------------------------------------------------------

/// A field of a JS object, as the core's loose value; `undefined` and `null` are absent (as
/// with serde-wasm-bindgen's `Option`).
fn field(obj: &JsValue, name: &str) -> Option<Value> {
    let v = Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        None
    } else {
        Some(value(&v))
    }
}

/// Any JS value as the core's [`Value`] (what serde's untagged `Value` makes of it).
fn value(v: &JsValue) -> Value {
    if let Some(n) = v.as_f64() {
        Value::Number(n)
    } else if let Some(s) = v.as_string() {
        Value::Text(s)
    } else if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else if Array::is_array(v) {
        Value::List(Array::from(v).iter().map(|x| value(&x)).collect())
    } else {
        Value::Other(serde::de::IgnoredAny)
    }
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && !Array::is_array(v)
}

fn locale_of(options: &JsValue) -> Result<Locale, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Locale::Ja);
    }
    // What the error echoes: the unknown locale, or "options" when the value is no string.
    let got = if options.is_object() {
        let l = Reflect::get(options, &JsValue::from_str("locale")).unwrap_or(JsValue::UNDEFINED);
        if l.is_undefined() || l.is_null() {
            return Ok(Locale::Ja);
        }
        match l.as_string() {
            Some(s) => match Locale::parse(&s) {
                Some(locale) => return Ok(locale),
                None => s,
            },
            None => "options".into(),
        }
    } else {
        "options".into()
    };
    Err(input_error(
        &[InputError::new("locale", ErrorKind::UnknownChoice { got })],
        Locale::Ja,
    ))
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

/// A decimal as a JS number, as `ouen_rules::format::as_number` serializes it for the full
/// package: a whole number that fits an `i64` as that integer, else
/// [`ouen_rules::format::to_f64`].
fn number(d: Decimal) -> JsValue {
    let n = d.normalize();
    if n.scale() == 0 {
        if let Ok(i) = i64::try_from(n.mantissa()) {
            return JsValue::from_f64(i as f64);
        }
    }
    JsValue::from_f64(ouen_rules::format::to_f64(d))
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

/// `YYYY-MM-DD`, as the core's `Date` serializes.
fn date(d: Date) -> JsValue {
    let mut s = String::with_capacity(10);
    for (n, width) in [
        (u32::from(d.year()), 4),
        (d.month().into(), 2),
        (d.day().into(), 2),
    ] {
        if !s.is_empty() {
            s.push('-');
        }
        let mut digits = [b'0'; 4];
        let mut n = n;
        for i in (0..width).rev() {
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        s.extend(digits[..width].iter().map(|b| char::from(*b)));
    }
    JsValue::from_str(&s)
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

fn segment(s: &Segment) -> JsValue {
    let o = Object::new();
    set(&o, "from", &number(s.from));
    set(&o, "to", &number(s.to));
    set(&o, "fromExact", &s.from_exact.as_str().into());
    set(&o, "toExact", &s.to_exact.as_str().into());
    set(&o, "nationalPerHour", &number(s.national_per_hour));
    set(&o, "naganoPerHour", &number(s.nagano_per_hour));
    set(&o, "selfPayPerHour", &number(s.self_pay_per_hour));
    set(&o, "rules", &strings(&s.rules));
    o.into()
}

fn warning(w: &Warning) -> JsValue {
    let o = Object::new();
    set(&o, "code", &warning_code(w.code).into());
    set(&o, "rules", &strings(&w.rules));
    set(&o, "message", &w.message.as_str().into());
    o.into()
}

fn simulation(s: &Simulation) -> JsValue {
    let o = Object::new();
    set(&o, "totalFee", &number(s.total_fee));
    let sub = Object::new();
    if let Some(n) = s.subsidies.national {
        set(&sub, "national", &number(n));
    }
    if let Some(n) = s.subsidies.nagano {
        set(&sub, "nagano", &number(n));
    }
    set(&o, "subsidies", &sub);
    set(&o, "selfPay", &number(s.self_pay));
    set(
        &o,
        "schemes",
        &list(&s.schemes, |sc| {
            JsValue::from_str(match sc {
                Scheme::National => "national",
                Scheme::Nagano => "nagano",
            })
        }),
    );
    set(&o, "segments", &list(&s.segments, segment));
    set(
        &o,
        "explanation",
        &list(&s.explanation, |st: &Step| step(&st.rules, &st.text)),
    );
    set(&o, "warnings", &list(&s.warnings, warning));
    set(&o, "interpretations", &strings(&s.interpretations));
    set(&o, "asOf", &s.as_of.map_or(JsValue::NULL, date));
    set(&o, "ruleset", &stamp(&s.ruleset));
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

/// `options.explain`: `false` leaves out the steps of the working; anything but a boolean
/// (or nothing) is refused, naming the option.
fn explain_of(options: &JsValue, locale: Locale) -> Result<Explain, JsValue> {
    if !options.is_object() {
        return Ok(Explain::Steps);
    }
    let v = Reflect::get(options, &JsValue::from_str("explain")).unwrap_or(JsValue::UNDEFINED);
    match v.as_bool() {
        Some(false) => Ok(Explain::Off),
        Some(true) => Ok(Explain::Steps),
        None if v.is_undefined() || v.is_null() => Ok(Explain::Steps),
        None => Err(input_error(
            &[InputError::new("explain", ErrorKind::NotABoolean)],
            locale,
        )),
    }
}

/// One input, as the core reads it.
fn raw_input(input: &JsValue, locale: Locale) -> Result<RawSimulationInput, JsValue> {
    if !is_plain_object(input) {
        return Err(not_an_object(locale));
    }
    Ok(RawSimulationInput {
        rate: field(input, "rate"),
        hours: field(input, "hours"),
        schemes: field(input, "schemes"),
        sme_prior_honorarium: field(input, "smePriorHonorarium"),
        expert_prior_honorarium: field(input, "expertPriorHonorarium"),
        nagano_prior_hours: field(input, "naganoPriorHours"),
        as_of: field(input, "asOf"),
    })
}

/// Splits the cost of a plan between the national programme, Nagano and the SME.
#[wasm_bindgen(skip_typescript)]
pub fn simulate(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let detail = explain_of(&options, locale)?;
    let raw = raw_input(&input, locale)?;
    match ouen_rules::simulate_raw_with(&raw, locale, detail) {
        Ok(sim) => Ok(simulation(&sim)),
        Err(errors) => Err(input_error(&errors, locale)),
    }
}

/// `simulate` for many inputs in one call: the results in order, or the first bad input's
/// error with its `index`.
#[wasm_bindgen(js_name = simulateMany, skip_typescript)]
pub fn simulate_many(inputs: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let detail = explain_of(&options, locale)?;
    if !Array::is_array(&inputs) {
        return Err(input_error(
            &[InputError::new("inputs", ErrorKind::NotAList)],
            locale,
        ));
    }
    let inputs = Array::from(&inputs);
    let out = Array::new_with_length(inputs.length());
    for i in 0..inputs.length() {
        let at = |e: JsValue| {
            set(&e, "index", &i.into());
            e
        };
        let raw = raw_input(&inputs.get(i), locale).map_err(at)?;
        match ouen_rules::simulate_raw_with(&raw, locale, detail) {
            Ok(sim) => out.set(i, simulation(&sim)),
            Err(errors) => return Err(at(input_error(&errors, locale))),
        }
    }
    Ok(out.into())
}

/// Whether an organisation is an SME (SME-1..7), and a small business (SME-5).
#[wasm_bindgen(js_name = classifySme, skip_typescript)]
pub fn classify_sme(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    if !is_plain_object(&input) {
        return Err(not_an_object(locale));
    }
    let ex = Reflect::get(&input, &JsValue::from_str("exclusions")).unwrap_or(JsValue::UNDEFINED);
    let exclusions = if ex.is_undefined() || ex.is_null() {
        None
    } else if is_plain_object(&ex) {
        Some(RawExclusions {
            single_large_share: field(&ex, "singleLargeShare"),
            total_large_share: field(&ex, "totalLargeShare"),
            large_officer_share: field(&ex, "largeOfficerShare"),
            owned_by_deemed_large: field(&ex, "ownedByDeemedLarge"),
            officers_all_from_deemed_large: field(&ex, "officersAllFromDeemedLarge"),
            avg_taxable_income: field(&ex, "avgTaxableIncome"),
            not_an_object: false,
        })
    } else {
        Some(RawExclusions {
            not_an_object: true,
            ..RawExclusions::default()
        })
    };
    let raw = RawSmeInput {
        org_type: field(&input, "orgType"),
        industry: field(&input, "industry"),
        capital: field(&input, "capital"),
        employees: field(&input, "employees"),
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
