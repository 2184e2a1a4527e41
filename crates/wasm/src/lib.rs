//! Thin JS adapter over `ouen-rules`: the wasm inside the npm package.
//!
//! Each export converts a plain JS object into the core's loose input with
//! `serde-wasm-bindgen`, calls one pure function, and converts the result back. No rule logic
//! lives here. Bad input throws an `Error` whose `field` names the input field at fault and
//! whose message is in the requested locale (Japanese by default); `errors` lists every
//! problem found.
//!
//! `simulate` and `simulateMany` are reached through the package's `tape.js`, which hands
//! plain plans to `simulateTape` on the wire of `crates/wasm-cost/src/tape.rs` (shared with
//! the small wasm: numbers and one string each way, no per-field JS calls) and anything else
//! to the serde exports below, whose results are the reference (`tests/node/wire.test.mjs`).
//!
//! TypeScript declarations for these functions are written by `cargo xtask dist` from the
//! core's types (ts-rs), so the generated wasm-bindgen ones are skipped.

extern crate alloc;

#[path = "../../wasm-cost/src/tape.rs"]
mod tape;

use ouen_rules::{InputError, Locale};

/// The package's allocator: `ouen-heap`'s, about 7 KB (raw) smaller than std's.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: ouen_heap::Wasm = ouen_heap::Wasm::new();
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[derive(Deserialize, Default)]
#[serde(default)]
struct Options {
    locale: Option<String>,
}

fn locale_of(options: &JsValue) -> Result<Locale, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Locale::Ja);
    }
    let opts: Options =
        serde_wasm_bindgen::from_value(plain(options, Locale::Ja)?).map_err(|_| {
            input_error(
                &[InputError::new(
                    "locale",
                    ouen_rules::ErrorKind::UnknownChoice {
                        got: "options".into(),
                    },
                )],
                Locale::Ja,
            )
        })?;
    match opts.locale.as_deref() {
        None => Ok(Locale::Ja),
        Some(s) => Locale::parse(s).ok_or_else(|| {
            input_error(
                &[InputError::new(
                    "locale",
                    ouen_rules::ErrorKind::UnknownChoice { got: s.to_string() },
                )],
                Locale::Ja,
            )
        }),
    }
}

/// An `Error` with `field` (the first problem's field) and `errors` (all of them).
fn input_error(errors: &[InputError], locale: Locale) -> JsValue {
    let first = &errors[0];
    let err = js_sys::Error::new(&first.message(locale));
    err.set_name("OuenInputError");
    let all = js_sys::Array::new();
    for e in errors {
        let item = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&item, &"field".into(), &e.field.into());
        let _ = js_sys::Reflect::set(&item, &"message".into(), &e.message(locale).into());
        all.push(&item);
    }
    let _ = js_sys::Reflect::set(&err, &"field".into(), &first.field.into());
    let _ = js_sys::Reflect::set(&err, &"errors".into(), &all);
    err.into()
}

fn not_an_object(locale: Locale) -> JsValue {
    input_error(
        &[InputError::new("input", ouen_rules::ErrorKind::Missing)],
        locale,
    )
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value
        .serialize(&ser)
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

fn from_js<T: for<'de> Deserialize<'de>>(input: JsValue, locale: Locale) -> Result<T, JsValue> {
    if !input.is_object() || js_sys::Array::is_array(&input) {
        return Err(not_an_object(locale));
    }
    let input = plain(&input, locale)?;
    serde_wasm_bindgen::from_value(input).map_err(|_| not_an_object(locale))
}

/// `options.explain`: `false` leaves out the steps of the working; anything but a boolean
/// (or nothing) is refused, naming the option.
fn explain_of(options: &JsValue, locale: Locale) -> Result<ouen_rules::cost::Explain, JsValue> {
    use ouen_rules::cost::Explain;
    if !options.is_object() {
        return Ok(Explain::Steps);
    }
    let v = js_sys::Reflect::get(options, &"explain".into()).unwrap_or(JsValue::UNDEFINED);
    match v.as_bool() {
        Some(false) => Ok(Explain::Off),
        Some(true) => Ok(Explain::Steps),
        None if v.is_undefined() || v.is_null() => Ok(Explain::Steps),
        None => Err(input_error(
            &[InputError::new(
                "explain",
                ouen_rules::ErrorKind::NotABoolean,
            )],
            locale,
        )),
    }
}

/// How deep a caller's object may nest (no input of ours nests more than a few levels).
const MAX_DEPTH: u32 = 16;
/// How many values one input may hold in all.
const MAX_VALUES: u32 = 100_000;

/// A plain copy of a caller's value — own string-keyed properties, arrays as arrays — made
/// before serde reads it, through calls that catch JS exceptions: a getter or proxy that
/// throws, a cycle, or absurd nesting becomes an `OuenInputError` naming the property, never
/// a JS exception unwinding through the wasm or a stack overflow inside it.
fn plain(v: &JsValue, locale: Locale) -> Result<JsValue, JsValue> {
    let mut budget = MAX_VALUES;
    copy(v, 0, &mut budget).map_err(|path| {
        let err = not_an_object(locale);
        let field = if path.is_empty() {
            "input".into()
        } else {
            path
        };
        let _ = js_sys::Reflect::set(&err, &"field".into(), &field.into());
        err
    })
}

fn copy(v: &JsValue, depth: u32, budget: &mut u32) -> Result<JsValue, String> {
    use js_sys::{Array, Object, Reflect};
    *budget = budget.checked_sub(1).ok_or_else(String::new)?;
    if !v.is_object() {
        return Ok(v.clone());
    }
    if depth >= MAX_DEPTH {
        return Err(String::new());
    }
    let at = |key: &str, rest: String| {
        if rest.is_empty() {
            key.to_string()
        } else {
            format!("{key}.{rest}")
        }
    };
    let keys = Reflect::own_keys(v).map_err(|_| String::new())?;
    let array = Array::is_array(v);
    let out: Object = if array {
        Array::new().unchecked_into()
    } else {
        Object::new()
    };
    for key in keys.iter() {
        let Some(name) = key.as_string() else {
            continue; // symbols
        };
        if array && name == "length" {
            continue;
        }
        let value = Reflect::get(v, &key).map_err(|_| name.clone())?;
        let value = copy(&value, depth + 1, budget).map_err(|rest| at(&name, rest))?;
        let desc = Object::new();
        let _ = Reflect::set(&desc, &"value".into(), &value);
        for flag in ["enumerable", "writable", "configurable"] {
            let _ = Reflect::set(&desc, &flag.into(), &JsValue::TRUE);
        }
        Reflect::define_property(&out, &key, &desc).map_err(|_| name.clone())?;
    }
    Ok(out.into())
}

/// Splits the cost of a plan between the national programme, Nagano and the SME.
#[wasm_bindgen(skip_typescript)]
pub fn simulate(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let detail = explain_of(&options, locale)?;
    let raw: ouen_rules::RawSimulationInput = from_js(input, locale)?;
    match ouen_rules::simulate_raw_with(&raw, locale, detail) {
        Ok(sim) => to_js(&sim),
        Err(errors) => Err(input_error(&errors, locale)),
    }
}

/// `simulate` for many inputs in one call: the results in order, or the first bad input's
/// error with its `index`.
#[wasm_bindgen(js_name = simulateMany, skip_typescript)]
pub fn simulate_many(inputs: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let detail = explain_of(&options, locale)?;
    if !js_sys::Array::is_array(&inputs) {
        return Err(input_error(
            &[InputError::new("inputs", ouen_rules::ErrorKind::NotAList)],
            locale,
        ));
    }
    let inputs = js_sys::Array::from(&inputs);
    let out = js_sys::Array::new_with_length(inputs.length());
    for (i, input) in inputs.iter().enumerate() {
        let at = |e: JsValue| {
            let _ = js_sys::Reflect::set(&e, &"index".into(), &(i as u32).into());
            e
        };
        let raw: ouen_rules::RawSimulationInput = from_js(input, locale).map_err(at)?;
        match ouen_rules::simulate_raw_with(&raw, locale, detail) {
            Ok(sim) => out.set(i as u32, to_js(&sim)?),
            Err(errors) => return Err(at(input_error(&errors, locale))),
        }
    }
    Ok(out.into())
}

/// `simulate` (`many` 0) and `simulateMany` (1) of `tape.js` for plans it encoded on the wire
/// of `tape.rs`: the results on the wire too, or the first bad plan's error (with its
/// `index` in a batch).
#[wasm_bindgen(js_name = simulateTape, skip_typescript)]
pub fn simulate_tape(
    nums: &[f64],
    texts: &str,
    options: JsValue,
    many: u8,
) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let detail = explain_of(&options, locale)?;
    let plans = tape::Reader::new(nums, texts);
    tape::run(plans, many, locale, detail, |errors| match errors {
        Some(errors) => input_error(errors, locale),
        None => not_an_object(locale),
    })
}

/// The texts of the last results on the wire.
#[wasm_bindgen(js_name = takeTexts, skip_typescript)]
pub fn take_texts() -> String {
    tape::take_texts()
}

/// Whether an organisation is an SME (SME-1..7), and a small business (SME-5).
#[wasm_bindgen(js_name = classifySme, skip_typescript)]
pub fn classify_sme(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let raw: ouen_rules::sme::RawSmeInput = from_js(input, locale)?;
    match raw.validate() {
        Ok(valid) => to_js(&ouen_rules::sme::classify(&valid, locale)),
        Err(errors) => Err(input_error(&errors, locale)),
    }
}

/// On a date (`YYYY-MM-DD`): each programme and phase, whether it is open, and its next
/// deadline.
#[wasm_bindgen(js_name = programmesOn, skip_typescript)]
pub fn programmes_on(date: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let text = date.as_string().unwrap_or_default();
    let parsed = ouen_rules::params::parse_day(&text).map_err(|e| input_error(&[e], locale))?;
    to_js(&ouen_rules::programmes_on(parsed, locale))
}

/// The ruleset: version, content hash, every figure and date with its sources and history.
#[wasm_bindgen(js_name = rulesetInfo, skip_typescript)]
pub fn ruleset_info() -> Result<JsValue, JsValue> {
    to_js(&ouen_rules::ruleset_info())
}

/// The eligibility wizard's logic: for the national programme and the Nagano top-up,
/// eligible / not eligible / needs checking, with reasons, what would qualify, deadlines, and
/// which question to ask next. Partial answers are fine; malformed ones throw.
#[wasm_bindgen(js_name = checkEligibility, skip_typescript)]
pub fn check_eligibility(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let raw: ouen_rules::eligibility::RawEligibilityInput = from_js(input, locale)?;
    match ouen_rules::eligibility::check_eligibility_raw(&raw, locale) {
        Ok(verdict) => to_js(&verdict),
        Err(errors) => Err(input_error(&errors, locale)),
    }
}

/// The support navigator: from needs to every support in the sources, with figures, their
/// dates, conditions and contacts; supports past their dates on `asOf` are marked as ended.
#[wasm_bindgen(skip_typescript)]
pub fn navigator(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let raw: ouen_rules::navigator::RawNavigatorInput = from_js(input, locale)?;
    match ouen_rules::navigator::navigator_raw(&raw, locale) {
        Ok(nav) => to_js(&nav),
        Err(errors) => Err(input_error(&errors, locale)),
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ListingInput {
    business_kind: Option<ouen_rules::Value>,
}

/// The self-assessment checklist's items, with the choices offered to a kind of business.
#[wasm_bindgen(js_name = checklistItems, skip_typescript)]
pub fn checklist_items(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let parsed: ListingInput = if input.is_undefined() || input.is_null() {
        ListingInput::default()
    } else {
        from_js(input, locale)?
    };
    let raw = ouen_rules::checklist::RawChecklistInput {
        business_kind: parsed.business_kind,
        answers: None,
    };
    let kind = raw.kind().map_err(|e| input_error(&[e], locale))?;
    to_js(&ouen_rules::checklist::listing(kind, locale))
}

/// Scores a completed checklist: per area and overall, the stage (① to ④) and next steps.
#[wasm_bindgen(js_name = scoreChecklist, skip_typescript)]
pub fn score_checklist(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(&options)?;
    let raw: ouen_rules::checklist::RawChecklistInput = from_js(input, locale)?;
    match ouen_rules::checklist::score_raw(&raw, locale) {
        Ok(result) => to_js(&result),
        Err(errors) => Err(input_error(&errors, locale)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct PlanOptions {
    locale: Option<String>,
    /// `YYYY-MM-DD`: the date the documents are made (default: today, from the JS clock).
    made_on: Option<String>,
}

/// The support plan (支援計画書) and the Nagano business plan (事業計画書) for a draft, as
/// `"markdown"`, `"html"`, `"json"` (strings) or `"docx"` (a `Uint8Array`). Validation errors
/// block generation: they throw an `OuenInputError` whose `field` is a path in the draft
/// (`sme.name`, `steps.2.hours`).
#[wasm_bindgen(js_name = generatePlan, skip_typescript)]
pub fn generate_plan(
    input: JsValue,
    format: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    use ouen_rules::plan::{generate, Format, Output, PlanDraft, RenderOptions};
    let opts: PlanOptions = if options.is_undefined() || options.is_null() {
        PlanOptions::default()
    } else {
        plain(&options, Locale::Ja)
            .ok()
            .and_then(|o| serde_wasm_bindgen::from_value(o).ok())
            .unwrap_or_default()
    };
    let locale = opts
        .locale
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or(Locale::Ja);
    let fail =
        |field: &str, message: String| -> JsValue { plan_error(&[(field.to_string(), message)]) };
    let fmt = format
        .as_string()
        .and_then(|f| Format::parse(&f))
        .ok_or_else(|| {
            fail(
                "format",
                match locale {
                    Locale::Ja => {
                        "形式は markdown・html・json・docx のどれかにしてください。".into()
                    }
                    Locale::En => "format must be markdown, html, json or docx.".into(),
                },
            )
        })?;
    if !input.is_object() || js_sys::Array::is_array(&input) {
        return Err(not_an_object(locale));
    }
    let json = js_sys::JSON::stringify(&input)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| not_an_object(locale))?;
    let draft = PlanDraft::from_json(&json).map_err(|e| fail("input", e.message(locale)))?;
    let made_on = match opts.made_on {
        Some(s) => ouen_rules::input::parse_date_field("madeOn", &s)
            .map_err(|e| input_error(&[e], locale))?,
        None => {
            let now = js_sys::Date::new_0();
            ouen_rules::Date::from_ymd(
                now.get_full_year() as i32,
                now.get_month() + 1,
                now.get_date(),
            )
            .map_err(|_| not_an_object(locale))?
        }
    };
    match generate(&draft, fmt, RenderOptions { made_on }) {
        Ok(Output::Text(t)) => Ok(JsValue::from_str(&t)),
        Ok(Output::Bytes(b)) => Ok(js_sys::Uint8Array::from(b.as_slice()).into()),
        Err(blocked) => Err(plan_error(
            &blocked
                .errors
                .into_iter()
                .map(|e| (e.field, e.message))
                .collect::<Vec<_>>(),
        )),
    }
}

/// Like [`input_error`], for the plan's dynamic field paths (messages are in Japanese).
fn plan_error(errors: &[(String, String)]) -> JsValue {
    let (field, message) = &errors[0];
    let err = js_sys::Error::new(message);
    err.set_name("OuenInputError");
    let all = js_sys::Array::new();
    for (f, m) in errors {
        let item = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&item, &"field".into(), &f.into());
        let _ = js_sys::Reflect::set(&item, &"message".into(), &m.into());
        all.push(&item);
    }
    let _ = js_sys::Reflect::set(&err, &"field".into(), &field.into());
    let _ = js_sys::Reflect::set(&err, &"errors".into(), &all);
    err.into()
}

/// Checks a plan draft without rendering: errors, warnings, total hours and the cost split.
#[wasm_bindgen(js_name = checkPlan, skip_typescript)]
pub fn check_plan(input: JsValue) -> Result<JsValue, JsValue> {
    if !input.is_object() || js_sys::Array::is_array(&input) {
        return Err(not_an_object(Locale::Ja));
    }
    let json = js_sys::JSON::stringify(&input)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| not_an_object(Locale::Ja))?;
    let draft = ouen_rules::plan::PlanDraft::from_json(&json)
        .map_err(|e| plan_error(&[("input".into(), e.message(Locale::Ja))]))?;
    to_js(&ouen_rules::plan::check(&draft))
}
