//! The rule catalogue's build-time checks (`crates/core/build/rules.rs`, run by both crates'
//! `build.rs` on `data/rules.json`): a malformed rule fails the build, naming it.

#[path = "../../core/build/rules.rs"]
#[allow(dead_code)]
mod rules;

use serde_json::{json, Value};

fn shipped() -> Value {
    serde_json::from_str(include_str!("../data/rules.json")).unwrap()
}

fn build(data: &Value) -> Result<Vec<String>, String> {
    let bytes = serde_json::to_vec(data).unwrap();
    let sources: Vec<String> = ["000", "001", "002", "003", "004"]
        .map(String::from)
        .to_vec();
    std::panic::catch_unwind(|| rules::generate(&bytes, &sources).0).map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

fn rejects(edit: impl FnOnce(&mut Value), expected: &str) {
    let mut data = shipped();
    edit(&mut data);
    let err = build(&data).expect_err(expected);
    assert!(err.contains(expected), "expected {expected:?}, got {err:?}");
}

fn rule<'a>(data: &'a mut Value, id: &str) -> &'a mut Value {
    data["rules"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["id"] == id)
        .unwrap()
}

#[test]
fn the_shipped_rules_build_with_their_ids() {
    let ids = build(&shipped()).unwrap();
    assert_eq!(ids.len(), ouen_rules::rule_ids::RuleId::ALL.len());
    assert!(ids.iter().any(|i| i == "AR-3b"));
    assert_eq!(rules::variant("NAT-P5"), "NatP5");
    assert_eq!(rules::variant("AR-3b"), "Ar3b");
}

#[test]
fn mistakes_fail_the_build_by_name() {
    rejects(
        |d| rule(d, "NAT-2")["id"] = json!("NAT-1"),
        "duplicate rule id 'NAT-1'",
    );
    rejects(
        |d| rule(d, "NAT-2")["id"] = json!("nat2"),
        "rule id 'nat2': write it as NAT-1",
    );
    rejects(
        |d| rule(d, "SME-3")["section"] = json!("tax"),
        "rule 'SME-3': unknown section 'tax'",
    );
    rejects(
        |d| rule(d, "NGN-4")["source"] = json!("000 §2; 007"),
        "rule 'NGN-4': source '007' names no document",
    );
    rejects(
        |d| rule(d, "NAT-5")["source"] = json!("NAT-3, NAT-12 から導出"),
        "rule 'NAT-5': source 'NAT-3, NAT-12 から導出' cites unknown rule 'NAT-12'",
    );
    rejects(
        |d| rule(d, "EXP-2")["en"] = json!(" "),
        "rule 'EXP-2': a Japanese and an English statement are both needed",
    );
    rejects(
        |d| {
            let rules = d["rules"].as_array_mut().unwrap();
            rules.retain(|r| r["section"] != "expert");
        },
        "section 'expert' has no rule",
    );
}
