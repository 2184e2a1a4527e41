//! The support catalogue's build-time checks (`build/supports.rs`, run by `build.rs` on
//! `data/supports.json`): a maintainer's mistake fails the build with a message naming the
//! entry, never a catalogue with a dangling link.

#[path = "../build/supports.rs"]
#[allow(dead_code)]
mod supports;

use serde_json::{json, Value};

const SOURCES: &[&str] = &["000", "001", "002", "003", "004"];

fn date(s: &str, ctx: &str) -> String {
    let ok = s.len() == 10
        && s.split('-').count() == 3
        && s.split('-').all(|p| p.chars().all(|c| c.is_ascii_digit()))
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0));
    assert!(ok, "{ctx}: '{s}' is not a YYYY-MM-DD date");
    String::new()
}

/// The shipped catalogue, parsed.
fn shipped() -> Value {
    serde_json::from_str(include_str!("../data/supports.json")).unwrap()
}

/// The build's verdict on a catalogue: `Ok` with the generated source, or the panic message.
fn build(catalogue: &Value) -> Result<String, String> {
    let bytes = serde_json::to_vec(catalogue).unwrap();
    let sources: Vec<String> = SOURCES.iter().map(|s| s.to_string()).collect();
    std::panic::catch_unwind(|| supports::generate(&bytes, &sources, date)).map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

fn rejects(edit: impl FnOnce(&mut Value), expected: &str) {
    let mut c = shipped();
    edit(&mut c);
    let err = build(&c).expect_err(expected);
    assert!(
        err.contains(expected),
        "expected a message containing {expected:?}, got {err:?}"
    );
}

fn support<'a>(c: &'a mut Value, id: &str) -> &'a mut Value {
    c["supports"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["id"] == id)
        .unwrap()
}

#[test]
fn the_shipped_catalogue_builds() {
    let src = build(&shipped()).unwrap();
    assert!(src.contains("pub enum SupportId"));
    assert!(src.contains("#[serde(rename = \"itDiagnosis\")]"));
    assert!(src.contains("(\"people\", &[SupportId::WebeeCampus, SupportId::Chokozemi"));
}

#[test]
fn mistakes_fail_the_build_by_name() {
    rejects(
        |c| c["nextSteps"]["strategy"][1] = json!("itKeieiShindan"),
        "nextSteps.strategy: unknown support 'itKeieiShindan'",
    );
    rejects(
        |c| support(c, "yorozu")["needs"][0] = json!("consulting"),
        "support 'yorozu': unknown need 'consulting'",
    );
    rejects(
        |c| support(c, "itSubsidy2020")["ends"] = json!({"on": "2020-13-18"}),
        "support 'itSubsidy2020': '2020-13-18' is not a YYYY-MM-DD date",
    );
    rejects(
        |c| support(c, "sapoin")["source"] = json!("004; 009"),
        "support 'sapoin': source '009' names no document",
    );
    rejects(
        |c| support(c, "sapoin")["id"] = json!("sabisapo"),
        "duplicate support id 'sabisapo'",
    );
    rejects(
        |c| {
            support(c, "jnet21")["figures"] =
                json!([{"ja": "x", "en": "x", "period": "fy2030", "source": "004"}])
        },
        "support 'jnet21': figure 'x': unknown period 'fy2030'",
    );
    rejects(
        |c| support(c, "mirasapo")["contacts"][0]["url"] = json!("http://mirasapo-plus.go.jp/"),
        "is not an https:// address",
    );
    rejects(
        |c| support(c, "national")["ends"] = json!({"programmes": ["tokyo"]}),
        "support 'national': unknown programme 'tokyo'",
    );
    rejects(
        |c| {
            c["nextSteps"].as_object_mut().unwrap().remove("security");
        },
        "nextSteps: area 'security' has no supports",
    );
    rejects(
        |c| c["nextSteps"]["marketing"] = json!(["yorozu"]),
        "unknown checklist area 'marketing'",
    );
    rejects(
        |c| {
            c["needs"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": "export", "ja": "輸出したい", "en": "Export"}))
        },
        "need 'export': no support answers it",
    );
    rejects(
        |c| support(c, "kakekomi")["offer"]["en"] = json!(""),
        "support 'kakekomi': offer: a Japanese and an English text are both needed",
    );
}
