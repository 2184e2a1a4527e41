//! The programme dates' build-time checks (`crates/core/build/dates.rs`, run by `ouen-core`'s
//! `build.rs` on `data/parameters.json`): every revision says when it was announced, in order,
//! and a mistake fails the build naming the date and the revision.

#[path = "../../core/build/dates.rs"]
#[allow(dead_code)]
mod dates;

use serde_json::Value;

/// The build's date check: a `YYYY-MM-DD` date that exists, or a panic naming `ctx`.
fn date(s: &str, ctx: &str) {
    let parts: Vec<u32> = s.split('-').filter_map(|p| p.parse().ok()).collect();
    let ok = s.len() == 10
        && parts.len() == 3
        && (1..=12).contains(&parts[1])
        && (1..=31).contains(&parts[2])
        && !(parts[1] == 2 && parts[2] > 29)
        && !([4, 6, 9, 11].contains(&parts[1]) && parts[2] > 30);
    assert!(ok, "{ctx}: '{s}' is not a YYYY-MM-DD date");
}

/// The shipped parameters, parsed.
fn shipped() -> Value {
    serde_json::from_str(include_str!("../data/parameters.json")).unwrap()
}

/// The checks' verdict on every date of `params`: `Ok`, or the panic message.
fn check(params: &Value) -> Result<(), String> {
    let params = params.clone();
    std::panic::catch_unwind(move || {
        let mut announcements = dates::Announcements::default();
        for d in params["dates"].as_array().unwrap() {
            let revisions: Vec<dates::Rev> = d["revisions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| dates::Rev {
                    value: r["value"].as_str().unwrap(),
                    announced: r["announced"].as_str().unwrap_or(""),
                    source: r["source"].as_str().unwrap(),
                })
                .collect();
            announcements.check(d["id"].as_str().unwrap(), &revisions, date);
        }
    })
    .map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

fn rejects(edit: impl FnOnce(&mut Value), expected: &str) {
    let mut p = shipped();
    edit(&mut p);
    let err = check(&p).expect_err(expected);
    assert!(
        err.contains(expected),
        "expected a message containing {expected:?}, got {err:?}"
    );
}

fn revisions<'a>(p: &'a mut Value, id: &str) -> &'a mut Vec<Value> {
    p["dates"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["id"] == id)
        .unwrap()["revisions"]
        .as_array_mut()
        .unwrap()
}

#[test]
fn the_shipped_dates_pass() {
    check(&shipped()).unwrap();
}

#[test]
fn a_mistake_names_the_date_and_the_revision() {
    const P2: &str = "nationalP2RegistrationEnd";
    rejects(
        |p| {
            revisions(p, P2)[1]
                .as_object_mut()
                .unwrap()
                .remove("announced");
        },
        "parameters.json: nationalP2RegistrationEnd: revision 2 (2021-11-01) has no announced date",
    );
    rejects(
        |p| revisions(p, P2)[1]["announced"] = "2021-02-30".into(),
        "parameters.json: nationalP2RegistrationEnd: revision 2 announced: '2021-02-30' is not a YYYY-MM-DD date",
    );
    // Out of announcement order (and so the same day as another document's): the order check
    // speaks first.
    rejects(
        |p| revisions(p, P2)[1]["announced"] = "2021-04-01".into(),
        "nationalP2RegistrationEnd: revision 2 is announced on 2021-04-01, not after revision 1 (2021-04-26)",
    );
    rejects(
        |p| revisions(p, P2)[1]["announced"] = "2021-04-26".into(),
        "not after revision 1 (2021-04-26): list revisions in the order they were announced, at most one a day",
    );
    // A changed deadline announced after it had passed.
    rejects(
        |p| {
            for id in [
                "nationalP2RegistrationEnd",
                "nationalP2ContractEnd",
                "nationalP2SupportEnd",
                "nationalP2ClaimEnd",
                "nationalOperationsEnd",
            ] {
                revisions(p, id).last_mut().unwrap()["announced"] = "2021-11-02".into();
            }
        },
        "nationalP2RegistrationEnd: revision 2 (2021-11-01) is announced on 2021-11-02, after the date it sets",
    );
    // One document, one day.
    rejects(
        |p| revisions(p, "nationalP2ContractEnd")[1]["announced"] = "2021-10-29".into(),
        "nationalP2ContractEnd: revision 2 cites document 001 announced on 2021-10-29, but nationalP2RegistrationEnd revision 2 gives 2021-11-01",
    );
}

#[test]
fn a_first_announcement_may_restate_a_date_already_past() {
    // 000 restates that Phase I opened on 2020-09-01; only a change must come before its day.
    let p = shipped();
    let start = &p["dates"].as_array().unwrap()[0];
    assert_eq!(start["id"], "nationalP1RegistrationStart");
    assert!(
        start["revisions"][0]["announced"].as_str().unwrap()
            > start["revisions"][0]["value"].as_str().unwrap()
    );
    check(&p).unwrap();
}
