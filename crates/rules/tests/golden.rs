//! Every worked example of the source leaflets (tests/data/golden.json, shared with the JS
//! tests), through the same loose-input path as the JS API.

use ouen_rules::{simulate_raw, Locale, RawSimulationInput};
use serde_json::Value as Json;

const GOLDEN: &str = include_str!("../../../tests/data/golden.json");

fn raw(input: &Json) -> RawSimulationInput {
    serde_json::from_value(input.clone()).expect("golden input deserializes")
}

fn golden() -> Json {
    serde_json::from_str(GOLDEN).unwrap()
}

#[test]
fn every_golden_case_splits_as_the_leaflets_say() {
    let g = golden();
    let cases = g["cases"].as_array().unwrap();
    assert!(cases.len() >= 14);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let sim = simulate_raw(&raw(&case["input"]), Locale::Ja)
            .unwrap_or_else(|e| panic!("{name}: refused: {e:?}"));
        let out = serde_json::to_value(&sim).unwrap();
        let expect = &case["expect"];
        assert_eq!(out["totalFee"], expect["totalFee"], "{name}: totalFee");
        assert_eq!(out["selfPay"], expect["selfPay"], "{name}: selfPay");
        assert_eq!(out["subsidies"], expect["subsidies"], "{name}: subsidies");
    }
}

#[test]
fn every_golden_error_names_its_field() {
    let g = golden();
    for case in g["errors"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let errors = simulate_raw(&raw(&case["input"]), Locale::Ja)
            .expect_err(&format!("{name}: must be refused"));
        assert_eq!(
            errors[0].field,
            case["errorField"].as_str().unwrap(),
            "{name}"
        );
        // The message names the field in Japanese.
        let msg = errors[0].message(Locale::Ja);
        assert!(msg.contains('：'), "{name}: {msg}");
    }
}
