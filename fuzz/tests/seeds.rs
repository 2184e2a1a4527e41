//! Writes the seed corpus from the app's own exporters (run by hand when a format changes:
//! `cargo test --test seeds -- --ignored`; the files are committed).

use ouen_app::everything::Everything;
use ouen_app::handoff::{self, Codec, Kind};
use std::path::Path;

/// A document as the app keeps it (ouen's own JSON), from serde_json's `json!`.
fn json(v: serde_json::Value) -> ouen_rules::json::Json {
    ouen_rules::json::Json::parse(&v.to_string()).unwrap()
}

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
#[ignore]
fn write_seeds() {
    for (i, s) in [
        "6000",
        "６，０００円",
        "12時間",
        " 1.5 ",
        "0",
        "1e3",
        "-5",
        "abc",
        "79228162514264337593543950336",
    ]
    .iter()
    .enumerate()
    {
        write("number", &format!("{i:02}"), s.as_bytes());
    }
    for (i, s) in [
        r#"{"rate":6000,"hours":12,"schemes":["national","nagano"]}"#,
        r#"{"rate":"６，０００","hours":"24","schemes":["nagano"],"asOf":"2021-02-05","expertPriorHonorarium":"10,000"}"#,
        r#"{"rate":7777,"hours":1.5,"schemes":["national"],"smePriorHonorarium":3500,"naganoPriorHours":"20"}"#,
        r#"{"rate":-1,"hours":"x","schemes":"national"}"#,
    ]
    .iter()
    .enumerate()
    {
        write("simulate", &format!("{i:02}"), s.as_bytes());
    }

    let mut plan = ouen_rules::plan::PlanDraft::default();
    write("plan_import", "00-empty", plan.to_text().as_bytes());
    plan.sme.name = "信州テスト商店".into();
    plan.issue = "受注の取りこぼし".into();
    write("plan_import", "01-named", plan.to_text().as_bytes());
    write("plan_import", "02-old", br#"{"sme":{"name":"a"},"hours":"12","schedule":{"start":"2021-01-01","end":"2021-03-31"}}"#);
    write("plan_import", "03-newer", br#"{"version":99}"#);

    let items = ouen_rules::checklist::ITEMS;
    let answers: serde_json::Map<String, serde_json::Value> = items
        .iter()
        .map(|it| (it.id.to_string(), serde_json::Value::from("done")))
        .collect();
    let record =
        serde_json::json!({"date": "2025-01-10T09:00", "kind": "retail", "answers": answers});
    let history = serde_json::json!({"format": "ouen.checklist.history", "schema": 2, "data": {"records": [record]}});
    write(
        "checklist_import",
        "00-one",
        serde_json::to_string_pretty(&history).unwrap().as_bytes(),
    );
    write(
        "checklist_import",
        "01-empty",
        br#"{"format":"ouen.checklist.history","schema":2,"data":{"records":[]}}"#,
    );
    write(
        "checklist_import",
        "02-v1",
        br#"{"format":"ouen.checklist.history","schema":1,"data":{"records":[]}}"#,
    );

    let elig = br#"{"values":{"location":"nagano","orgType":"company","employees":"45"}}"#;
    write(
        "handoff",
        "00-eligibility",
        handoff::fragment(Kind::Eligibility, Codec::Json, elig).as_bytes(),
    );
    let checklist = serde_json::json!({"kind": "retail", "answers": {items[0].id: "done"}});
    write(
        "handoff",
        "01-checklist",
        handoff::fragment(
            Kind::Checklist,
            Codec::Json,
            checklist.to_string().as_bytes(),
        )
        .as_bytes(),
    );
    let p = serde_json::json!({"name": "計画書 1", "draft": serde_json::to_value(&plan).unwrap()});
    write(
        "handoff",
        "02-plan",
        handoff::fragment(Kind::Plan, Codec::Json, p.to_string().as_bytes()).as_bytes(),
    );
    write(
        "handoff",
        "03-deflate",
        b"h=1.e.z.q1YqSyzKLEtVslJKTEnOz8tMSy0u0VFKLcrPS1GyUkpJLEkFAA",
    );

    let mut all = Everything::new();
    all.documents.insert(
        "ouen.simulator".into(),
        json(serde_json::json!({"rate": "6000", "hours": "12", "mode": "combined"})),
    );
    all.documents.insert(
        "ouen.eligibility".into(),
        json(serde_json::from_slice(elig).unwrap()),
    );
    all.documents.insert(
        "ouen.checklist.history".into(),
        json(serde_json::json!({"records": [record]})),
    );
    all.documents.insert(
        "ouen.plan.drafts".into(),
        json(serde_json::json!({"drafts": [{"name": "計画書 1", "draft": plan}], "current": 0})),
    );
    all.documents.insert(
        "ouen.seminar.tally".into(),
        json(serde_json::json!({"entries": [{"stage": 2, "tools": ["checklist"]}]})),
    );
    all.settings.insert("ouen.lang".into(), "en".into());
    write("everything_import", "00-all", all.to_json().as_bytes());
    write(
        "everything_import",
        "01-empty",
        Everything::new().to_json().as_bytes(),
    );
    write("everything_import", "02-old-schema", br#"{"format":"ouen.everything","version":1,"schema":1,"documents":{"ouen.eligibility":{"values":{}}}}"#);
}
