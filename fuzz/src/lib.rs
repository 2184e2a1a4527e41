//! The fuzz targets' checks: each takes arbitrary bytes, must never panic, and asserts a
//! round-trip property where there is one. `src/bin/<target>.rs` hands them to AFL++;
//! `tests/corpus.rs` replays the seed corpus (`corpus/<target>/`) and a seeded random sweep.

use ouen_app::handoff::{self, Codec, Payload};
use ouen_app::import;
use ouen_rules::input::parse_decimal;
use ouen_rules::plan::PlanDraft;
use ouen_rules::{Locale, RawSimulationInput, Value};

/// A target's check.
pub type Check = fn(&[u8]);

/// Every target, by name (the folder of its corpus and the name of its binary).
pub const TARGETS: [(&str, Check); 6] = [
    ("number", number),
    ("simulate", simulate),
    ("plan_import", plan_import),
    ("checklist_import", checklist_import),
    ("handoff", handoff_fragment),
    ("everything_import", everything_import),
];

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// The core's number parsing (full-width digits, commas, 円/時間): what it accepts reads
/// back the same from its own decimal text.
pub fn number(data: &[u8]) {
    let Some(s) = text(data) else { return };
    if let Ok(d) = parse_decimal("rate", &Value::from(s)) {
        let again = parse_decimal("rate", &Value::Text(d.to_string()));
        assert_eq!(again, Ok(d), "{s:?} → {d} did not read back");
    }
    // A JS number too (the first 8 bytes as a double).
    if let Some(b) = data.get(..8) {
        let n = f64::from_le_bytes(b.try_into().unwrap_or_default());
        let r = parse_decimal("hours", &Value::Number(n));
        assert!(n.is_finite() || r.is_err(), "{n} accepted");
    }
}

/// `validate` + the cost split on a loose JSON input: bad input gives errors naming fields;
/// good input gives parts that add up to the fee (AR-4).
pub fn simulate(data: &[u8]) {
    let Ok(raw) = serde_json::from_slice::<RawSimulationInput>(data) else {
        return;
    };
    match ouen_rules::simulate_raw(&raw, Locale::Ja) {
        Ok(s) => {
            let subsidy =
                s.subsidies.national.unwrap_or_default() + s.subsidies.nagano.unwrap_or_default();
            assert_eq!(subsidy + s.self_pay, s.total_fee, "parts must add up");
            assert!(s.self_pay >= rust_decimal::Decimal::ZERO);
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors {
                assert!(!e.field.is_empty());
                assert!(!e.message(Locale::En).is_empty());
            }
        }
    }
}

/// The plan page's JSON import: what it reads writes out and reads back to an equal draft.
pub fn plan_import(data: &[u8]) {
    let Some(s) = text(data) else { return };
    if let Ok(d) = import::parse_plan("fuzz.json", s) {
        assert_eq!(PlanDraft::from_json(&d.to_text()).ok(), Some(d));
    }
}

/// The checklist history import: what it accepts exports and imports back unchanged.
pub fn checklist_import(data: &[u8]) {
    let Some(s) = text(data) else { return };
    if let Ok(h) = import::parse_history(s) {
        let file = h.export_json();
        assert_eq!(import::parse_history(&file), Ok(h));
    }
}

/// A hand-off fragment (`#h=1.<kind>.<codec>.<base64url>`): a plain-JSON payload that
/// decodes packs into a fragment that decodes to the same payload.
pub fn handoff_fragment(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let Ok(Some((kind, codec, bytes))) = handoff::parse(s) else {
        return;
    };
    assert_eq!(
        handoff::base64url_decode(&handoff::base64url_encode(&bytes)),
        Some(bytes.clone())
    );
    if codec != Codec::Json {
        return; // deflate needs the browser's DecompressionStream
    }
    if let Ok(p) = Payload::from_json(kind, &bytes) {
        let json = p.to_json();
        let frag = handoff::fragment(kind, Codec::Json, &json);
        let Ok(Some((k2, _, b2))) = handoff::parse(&frag) else {
            panic!("{frag} does not parse back");
        };
        assert_eq!(k2, kind);
        assert_eq!(Payload::from_json(k2, &b2), Ok(p));
    }
}

/// The settings page's export-everything file: what it accepts writes out and reads back the
/// same, and merged onto an empty device is itself.
pub fn everything_import(data: &[u8]) {
    use ouen_app::everything::{merge, parse, Everything};
    let Some(s) = text(data) else { return };
    if let Ok(e) = parse(s) {
        assert_eq!(parse(&e.to_json()), Ok(e.clone()));
        assert_eq!(merge(&Everything::new(), &e), e);
    }
}

/// Runs `check` once on the file named by the first argument, or on stdin.
pub fn run_once(check: fn(&[u8])) {
    use std::io::Read;
    let mut data = Vec::new();
    match std::env::args_os().nth(1) {
        Some(path) => data = std::fs::read(path).expect("read the input file"),
        None => {
            std::io::stdin().read_to_end(&mut data).expect("read stdin");
        }
    }
    check(&data);
}
