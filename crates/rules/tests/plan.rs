//! The plan generator: validation against the rules and dates, the golden example's Markdown
//! and docx XML (snapshots), JSON round trip (property), hostile strings in every format,
//! draft migration, the draft's JSON read and written as serde did (properties, with serde's
//! derive over serde_json as the reference), and the docx opened by LibreOffice when it is
//! installed.

#![allow(clippy::field_reassign_with_default)]

use expect_test::expect_file;
use ouen_rules::docx::{crc32, document_xml, xml_text};
use ouen_rules::plan::{
    check, documents, example, generate, render_html, render_markdown, Format, Output, PlanDraft,
    PlanStep, RenderOptions,
};
use ouen_rules::{Date, STAMP};
use proptest::prelude::*;

fn opts() -> RenderOptions {
    RenderOptions {
        made_on: Date::parse("2020-11-01").unwrap(),
    }
}

fn fields(d: &PlanDraft) -> Vec<String> {
    check(d).errors.into_iter().map(|e| e.field).collect()
}

fn markdown(d: &PlanDraft) -> String {
    match generate(d, Format::Markdown, opts()).expect("valid plan") {
        Output::Text(t) => t,
        Output::Bytes(_) => unreachable!(),
    }
}

fn docx(d: &PlanDraft) -> Vec<u8> {
    match generate(d, Format::Docx, opts()).expect("valid plan") {
        Output::Bytes(b) => b,
        Output::Text(_) => unreachable!(),
    }
}

/// Reads a stored ZIP back: (name, data) per entry, checking each CRC.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap());
    let mut out = Vec::new();
    let mut i = 0;
    while u32at(i) == 0x0403_4b50 {
        assert_eq!(u16at(i + 8), 0, "stored");
        let crc = u32at(i + 14);
        let size = u32at(i + 18) as usize;
        let name_len = u16at(i + 26);
        let extra = u16at(i + 28);
        let name = String::from_utf8(bytes[i + 30..i + 30 + name_len].to_vec()).unwrap();
        let start = i + 30 + name_len + extra;
        let data = bytes[start..start + size].to_vec();
        assert_eq!(crc32(&data), crc, "crc of {name}");
        out.push((name, data));
        i = start + size;
    }
    assert_eq!(u32at(i), 0x0201_4b50, "central directory follows");
    out
}

#[test]
fn crc32_matches_the_standard_check_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

#[test]
fn the_example_is_valid_and_uses_the_cost_split_of_the_core() {
    let d = example();
    let c = check(&d);
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    assert_eq!(c.total_hours.unwrap().to_string(), "32");
    let sim = c.simulation.unwrap();
    // 6,000 × 32 = 192,000; national 3,500 × 32; Nagano 2,000 × 24 (NGN-3).
    assert_eq!(sim.total_fee.to_string(), "192000");
    assert_eq!(sim.subsidies.national.unwrap().to_string(), "112000");
    assert_eq!(sim.subsidies.nagano.unwrap().to_string(), "48000");
    assert_eq!(sim.self_pay.to_string(), "32000");
    // Warnings printed on the document: 24 h (NGN-3), the NGN-5 timeline.
    let rules: Vec<&str> = c.warnings.iter().flat_map(|w| w.rules.clone()).collect();
    assert!(rules.contains(&"NGN-3"), "{rules:?}");
    assert!(rules.contains(&"NGN-5"), "{rules:?}");
}

#[test]
fn the_case_study_figures_come_out_of_the_national_plan() {
    // 001: 3,750 円/時 × 32 時間 = 120,000円, 謝金 104,000円, 自己負担 16,000円.
    let mut d = example();
    d.mode = "national".into();
    d.rate = "3750".into();
    let md = markdown(&d);
    assert!(md.contains("120,000円"), "{md}");
    assert!(md.contains("104,000円"));
    assert!(md.contains("16,000円"));
    assert!(
        !md.contains("事業計画書"),
        "national only: no Nagano document"
    );
}

#[test]
fn required_fields_are_reported_and_block_every_output() {
    let d = PlanDraft::default();
    let f = fields(&d);
    for want in [
        "sme.name",
        "sme.address",
        "sme.location",
        "expert.name",
        "expert.kind",
        "issue",
        "goals",
        "measurement",
        "steps.0.hours",
        "contractDate",
        "applicationDate",
        "start",
        "end",
        "rate",
    ] {
        assert!(f.iter().any(|x| x == want), "{want} missing from {f:?}");
    }
    for fmt in [Format::Markdown, Format::Json, Format::Html, Format::Docx] {
        assert!(generate(&d, fmt, opts()).is_err());
    }
}

#[test]
fn rate_must_leave_the_sme_500_yen_an_hour() {
    let mut d = example();
    d.rate = "500".into();
    let c = check(&d);
    let e = c.errors.iter().find(|e| e.field == "rate").unwrap();
    assert_eq!(e.rules, vec!["NAT-2"]);
    d.rate = "501".into();
    assert!(check(&d).errors.is_empty());
    d.rate = "6000.5".into();
    assert!(fields(&d).contains(&"rate".to_string()));
}

#[test]
fn only_a_quasi_mandate_contract_is_accepted() {
    let mut d = example();
    d.contract = "forWork".into();
    let c = check(&d);
    assert_eq!(c.errors.len(), 1);
    assert_eq!(c.errors[0].rules, vec!["NAT-6"]);
}

#[test]
fn dates_are_checked_against_the_phase_and_nagano_deadlines() {
    // Combined: apply by 2021-02-05, support by 2021-02-28 (NGN-5).
    let mut d = example();
    d.application_date = "2021-02-06".into();
    d.end = "2021-03-01".into();
    let c = check(&d);
    let got: Vec<(String, Vec<&str>)> = c
        .errors
        .iter()
        .map(|e| (e.field.clone(), e.rules.clone()))
        .collect();
    assert!(
        got.contains(&("applicationDate".into(), vec!["NGN-5"])),
        "{got:?}"
    );
    assert!(got.contains(&("end".into(), vec!["NAT-P1"])), "{got:?}");
    assert!(got.contains(&("end".into(), vec!["NGN-5"])), "{got:?}");

    // National Phase II: contract by 2021-12-17, support by 2022-01-10 (NAT-P4), budget caveat.
    let mut d = example();
    d.mode = "national".into();
    d.contract_date = "2021-12-17".into();
    d.start = "2021-12-20".into();
    d.end = "2022-01-10".into();
    let c = check(&d);
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    assert!(c.warnings.iter().any(|w| w.rules == vec!["NAT-P5"]));
    d.contract_date = "2021-12-18".into();
    d.end = "2022-01-11".into();
    assert_eq!(fields(&d), vec!["contractDate", "end"]);

    // The deadlines are those announced by the plan's date (its contract date): a contract
    // signed on 2021-10-15, before 001 revised them, had to be carried out by 2021-12-17 as
    // 002 first announced; one signed on 2021-11-01 by 2022-01-10.
    d.contract_date = "2021-10-15".into();
    d.start = "2021-10-20".into();
    d.end = "2021-12-20".into();
    assert_eq!(fields(&d), vec!["end"]);
    let c = check(&d);
    assert!(
        c.errors[0].message.contains("2021年12月17日"),
        "{:?}",
        c.errors
    );
    d.contract_date = "2021-11-01".into();
    d.start = "2021-11-02".into();
    assert!(check(&d).errors.is_empty(), "{:?}", check(&d).errors);

    // Between the phases nothing can be contracted.
    d.contract_date = "2021-03-10".into();
    d.start = "2021-03-10".into();
    d.end = "2021-03-20".into();
    assert_eq!(fields(&d), vec!["contractDate"]);

    // Prefecture only: application 2021-02-01..26, support and report by 2021-03-15 (NGN-6).
    let mut d = example();
    d.mode = "naganoOnly".into();
    d.contract_date = String::new();
    d.application_date = "2021-02-01".into();
    d.start = "2021-02-02".into();
    d.end = "2021-03-15".into();
    assert!(check(&d).errors.is_empty(), "{:?}", check(&d).errors);
    d.application_date = "2021-01-31".into();
    d.end = "2021-03-16".into();
    assert_eq!(fields(&d), vec!["applicationDate", "end"]);

    // Start before the contract; end before start; a date that does not exist.
    let mut d = example();
    d.start = "2020-11-01".into();
    assert_eq!(fields(&d), vec!["start"]);
    d.start = "2020-11-09".into();
    d.end = "2020-11-08".into();
    assert_eq!(fields(&d), vec!["end"]);
    d.end = "2021-02-30".into();
    assert_eq!(fields(&d), vec!["end"]);
}

#[test]
fn nagano_needs_a_business_in_nagano_and_a_named_expert() {
    let mut d = example();
    d.sme.location = "other".into();
    assert_eq!(fields(&d), vec!["sme.location"]);
    d.mode = "national".into();
    assert!(check(&d).errors.is_empty());
    d.expert.kind = "undecided".into();
    assert_eq!(fields(&d), vec!["expert.kind"]);
    d.expert.kind = "other".into();
    assert_eq!(fields(&d), vec!["expert.kind"]);
    d.expert.kind = "smeSupporter".into();
    assert_eq!(fields(&d), vec!["expert.affiliation"]);
}

#[test]
fn total_hours_are_the_sum_of_the_steps_and_bad_step_hours_name_the_step() {
    let mut d = example();
    d.steps.push(PlanStep {
        title: "追加".into(),
        detail: String::new(),
        hours: "１．５".into(),
    });
    assert_eq!(check(&d).total_hours.unwrap().to_string(), "33.5");
    d.steps[1].hours = "abc".into();
    d.steps[2].hours = "0".into();
    let c = check(&d);
    assert_eq!(fields(&d), vec!["steps.1.hours", "steps.2.hours"]);
    assert!(
        c.errors[0].message.starts_with("手順2の時間："),
        "{}",
        c.errors[0].message
    );
    assert_eq!(c.total_hours, None);
}

#[test]
fn golden_markdown_of_the_example() {
    let md = markdown(&example());
    assert!(md.contains(STAMP.hash));
    assert!(md.contains("32,000円"));
    // The stamp's hash changes with any edit of the data; the snapshot is about the document.
    let md = md.replace(STAMP.hash, "{hash}");
    expect_file!["snapshots/plan.md"].assert_eq(&md);
}

#[test]
fn golden_docx_xml_of_the_example() {
    let files = unzip(&docx(&example()));
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/footer1.xml"
        ]
    );
    let doc = String::from_utf8(files[3].1.clone()).unwrap();
    // One element per line, so the snapshot diff is readable.
    let pretty = doc
        .replace("><w:p>", ">\n<w:p>")
        .replace("><w:tbl>", ">\n<w:tbl>");
    expect_file!["snapshots/plan.document.xml"].assert_eq(&pretty);
    let footer = String::from_utf8(files[5].1.clone()).unwrap();
    assert!(footer.contains(STAMP.hash) && footer.contains(STAMP.version));
    assert!(footer.contains("2020年11月1日"));
}

const HOSTILE: [&str; 9] = [
    "<script>alert(1)</script>",
    "</w:t></w:r><w:r><w:t>injected",
    "[click](javascript:alert(1)) ![x](http://e.invalid/x.png) <http://e.invalid>",
    "\u{202e}evil\u{202d} \u{2067}x\u{2069} \u{200f}rtl",
    "# heading\n- list\n| a | b |\n```\ncode\n```",
    "😀👨‍👩‍👧 絵文字",
    "髙橋 﨑 舊字體 國",
    "a\u{0}b\u{1}c\u{b}d\u{1b}e\u{feff}f\u{fffe}",
    "&amp; \" ' &lt;",
];

fn hostile_plan(s: &str) -> PlanDraft {
    let mut d = example();
    d.sme.name = s.to_string();
    d.expert.name = s.to_string();
    d.issue = s.to_string();
    d.goals = format!("{s}\n{s}");
    d.steps[0].title = s.to_string();
    d.steps[0].detail = s.to_string();
    d.travel.note = s.to_string();
    d
}

#[test]
fn hostile_strings_are_escaped_in_every_format() {
    for s in HOSTILE {
        let d = hostile_plan(s);
        assert!(check(&d).errors.is_empty(), "{s:?}: {:?}", check(&d).errors);
        let docs = documents(&d, opts()).unwrap();
        let html = render_html(&docs);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("</w:t>"));
        assert!(!html.contains("\u{202e}") && !html.contains('\u{0}'));
        let md = render_markdown(&docs);
        assert!(!md.contains("<script"), "{s:?}");
        let unescaped = |ch: char| md.match_indices(ch).any(|(i, _)| !md[..i].ends_with('\\'));
        assert!(
            !unescaped('[') && !unescaped('`') && !unescaped('*'),
            "{s:?}"
        );
        assert!(!md.contains("\n# heading"), "{s:?}");
        assert!(!md.contains('\u{202e}') && !md.contains('\u{1b}'));
        let xml = document_xml(&docs);
        assert!(!xml.contains("<script"));
        assert!(!xml.contains("</w:t></w:r><w:r><w:t>injected"));
        assert!(
            !xml.chars().any(|c| (c as u32) < 0x20 && c != '\n'),
            "{s:?}"
        );
        assert!(!xml.contains('\u{fffe}') && !xml.contains('\u{202e}'));
        // What is kept: emoji and old-style kanji pass through unchanged.
        if s.contains('髙') {
            assert!(md.contains("髙橋 﨑 舊字體 國") && xml.contains("髙橋 﨑 舊字體 國"));
        }
        if s.contains('😀') {
            assert!(xml.contains("😀👨‍👩‍👧"));
        }
        // The JSON keeps the text exactly as typed.
        assert_eq!(PlanDraft::from_json(&d.to_text()).unwrap(), d);
    }
    assert_eq!(xml_text("</w:t>"), "&lt;/w:t&gt;");
}

#[test]
fn ten_thousand_characters_pass_and_more_are_refused() {
    let mut d = example();
    d.background = "あ".repeat(10_000);
    assert!(check(&d).errors.is_empty());
    let md = markdown(&d);
    assert!(md.contains(&"あ".repeat(10_000)));
    assert!(!docx(&d).is_empty());
    d.background.push('い');
    assert_eq!(fields(&d), vec!["background"]);
}

#[test]
fn json_accepts_numbers_from_partner_sites() {
    let json = r#"{"version":1,"rate":6000,"steps":[{"title":"導入支援","hours":1.5}],"sme":{"employees":25}}"#;
    let d = PlanDraft::from_json(json).unwrap();
    assert_eq!(d.rate, "6000");
    assert_eq!(d.steps[0].hours, "1.5");
    assert_eq!(d.sme.employees, "25");
}

#[test]
fn an_older_draft_still_opens() {
    // Version 0 (before release): no version, one `hours` total, `schedule` object.
    let v0 = r#"{"mode":"national","rate":"4000","hours":"30",
        "schedule":{"start":"2021-05-10","end":"2021-06-30"},"sme":{"name":"旧形式"}}"#;
    let d = PlanDraft::from_json(v0).unwrap();
    assert_eq!(d.version, 1);
    assert_eq!(d.start, "2021-05-10");
    assert_eq!(d.end, "2021-06-30");
    assert_eq!(d.steps.len(), 1);
    assert_eq!(d.steps[0].hours, "30");
    assert_eq!(d.sme.name, "旧形式");
    assert_eq!(d.contract, "quasiMandate");
    // A newer draft is refused with a clear message, not misread.
    let e = PlanDraft::from_json(r#"{"version":99}"#).unwrap_err();
    assert!(e.message(ouen_rules::Locale::Ja).contains("新しい版"));
    assert!(PlanDraft::from_json("not json").is_err());
    assert!(PlanDraft::from_json("[1,2]").is_err());
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[<>&\"'\\[\\]()*_#|`\\\\\n\t ]{0,20}",
        Just("\u{202e}\u{0}\u{fffe}😀髙".to_string()),
    ]
}

prop_compose! {
    fn any_draft()(
        texts in proptest::collection::vec(any_text(), 20),
        steps in proptest::collection::vec((any_text(), any_text(), any_text()), 0..8),
        over in any::<bool>(),
    ) -> PlanDraft {
        let mut t = texts.into_iter();
        let mut n = || t.next().unwrap();
        let mut d = PlanDraft::default();
        d.mode = n(); d.sme.name = n(); d.sme.location = n(); d.sme.address = n();
        d.sme.industry = n(); d.sme.capital = n(); d.sme.employees = n();
        d.sme.contact_name = n(); d.sme.phone = n(); d.sme.email = n();
        d.expert.name = n(); d.expert.kind = n(); d.expert.affiliation = n();
        d.issue = n(); d.background = n(); d.goals = n(); d.measurement = n();
        d.rate = n(); d.start = n(); d.end = n();
        d.steps = steps.into_iter().map(|(title, detail, hours)| PlanStep { title, detail, hours }).collect();
        d.travel.over100km = over;
        d
    }
}

proptest! {
    #[test]
    fn json_round_trips_to_exactly_the_same_draft(d in any_draft()) {
        let back = PlanDraft::from_json(&d.to_text()).unwrap();
        prop_assert_eq!(back, d.clone());
        // Checking never panics, whatever was typed.
        let _ = check(&d);
    }
}

#[test]
fn the_docx_opens_in_libreoffice() {
    let lo = ["/usr/bin/libreoffice", "/usr/bin/soffice"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    let Some(lo) = lo else {
        eprintln!("SKIP the_docx_opens_in_libreoffice: libreoffice is not installed (apt-get install libreoffice-writer-nogui)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("ouen-plan-lo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut d = hostile_plan("</w:t><script>x</script> [a](b) 😀 髙 \u{202e}");
    d.sme.name = "株式会社信州精機".into();
    let docx_path = dir.join("plan.docx");
    std::fs::write(&docx_path, docx(&d)).unwrap();
    std::fs::write(dir.join("example.docx"), docx(&example())).unwrap();
    for name in ["plan.docx", "example.docx"] {
        let status = std::process::Command::new(lo)
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&dir)
            .arg(dir.join(name))
            .env("HOME", &dir)
            .status()
            .expect("run libreoffice");
        assert!(status.success());
        let pdf = dir.join(name.replace(".docx", ".pdf"));
        let bytes = std::fs::read(&pdf).expect("libreoffice wrote a PDF");
        assert!(bytes.starts_with(b"%PDF"), "{name}");
        assert!(bytes.len() > 10_000, "{name}: PDF of {} bytes", bytes.len());
    }
    eprintln!("libreoffice PDFs in {}", dir.display());
}

// ---------------------------------------------------------------------------------------
// Reading a draft's JSON (`PlanDraft::from_json`, `PlanDraft::from_value`)

use ouen_rules::json::{Json, ToJson};
use ouen_rules::plan::ImportError;
use serde_json::{json, Value};

/// serde_json's value as the core's, a number as serde_json prints it (what `from_value` read
/// before it took [`Json`]).
fn ours(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Num(n.to_string()),
        Value::String(s) => Json::Str(s.clone()),
        Value::Array(a) => Json::Arr(a.iter().map(ours).collect()),
        Value::Object(o) => Json::object(o.iter().map(|(k, v)| (k.clone(), ours(v)))),
    }
}

fn read(v: Value) -> Result<PlanDraft, ImportError> {
    PlanDraft::from_value(ours(&v))
}

fn malformed(field: &str) -> Result<PlanDraft, ImportError> {
    Err(ImportError::Malformed(field.into()))
}

#[test]
fn a_missing_field_or_part_keeps_the_default() {
    assert_eq!(read(json!({ "version": 1 })), Ok(PlanDraft::default()));
    assert_eq!(
        read(json!({})),
        Ok(PlanDraft::default()),
        "version 0, migrated"
    );
    let d = read(json!({ "version": 1, "sme": { "name": "信州" }, "travel": {} })).unwrap();
    let mut want = PlanDraft::default();
    want.sme.name = "信州".into();
    assert_eq!(d, want);
    // A step keeps the defaults of a step, not of the template.
    let d = read(json!({ "version": 1, "steps": [{ "hours": "2" }] })).unwrap();
    assert_eq!(
        d.steps,
        vec![PlanStep {
            hours: "2".into(),
            ..PlanStep::default()
        }]
    );
}

#[test]
fn nulls_are_ignored_at_every_level() {
    let d = read(json!({
        "version": 1, "mode": null, "rate": null, "sme": null, "expert": { "name": null },
        "steps": null, "travel": { "over100km": null, "note": null }
    }));
    assert_eq!(d, Ok(PlanDraft::default()));
    let d = read(json!({ "version": 1, "steps": [{ "title": null, "hours": "1" }] })).unwrap();
    assert_eq!(d.steps[0].title, "");
}

#[test]
fn unknown_fields_are_ignored_at_every_level() {
    let d = read(json!({
        "version": 1, "colour": "blue", "sme": { "name": "A", "size": [1] },
        "expert": { "kind": "freelancer", "age": 40 }, "steps": [{ "title": "x", "extra": {} }],
        "travel": { "over100km": true, "km": 120 }
    }))
    .unwrap();
    assert_eq!(
        (
            d.sme.name.as_str(),
            d.expert.kind.as_str(),
            d.steps[0].title.as_str()
        ),
        ("A", "freelancer", "x")
    );
    assert!(d.travel.over100km);
}

#[test]
fn numbers_are_read_as_text_in_every_part() {
    let d = read(json!({
        "version": 1, "rate": 6000, "smePriorHonorarium": 0, "naganoPriorHours": 1.5,
        "sme": { "capital": 10000000, "employees": 25, "phone": 260000000 },
        "expert": { "contact": 12 }, "steps": [{ "title": 1, "hours": 0.25 }],
        "travel": { "note": 120 }
    }))
    .unwrap();
    assert_eq!(
        [
            &d.rate,
            &d.sme_prior_honorarium,
            &d.nagano_prior_hours,
            &d.sme.capital,
            &d.sme.employees,
            &d.sme.phone,
            &d.expert.contact,
            &d.steps[0].title,
            &d.steps[0].hours,
            &d.travel.note,
        ],
        [
            "6000",
            "0",
            "1.5",
            "10000000",
            "25",
            "260000000",
            "12",
            "1",
            "0.25",
            "120"
        ]
    );
}

#[test]
fn numbers_are_read_as_written() {
    // serde_json, which read drafts before, printed the float it had parsed instead
    // (`1000.0`, `1.5`, `-0.0`, `1e16`, `1.8446744073709552e19`).
    let d = PlanDraft::from_json(
        r#"{"version": 1, "rate": 1e3, "naganoPriorHours": 1.50, "smePriorHonorarium": -0,
            "sme": {"capital": 10000000000000000, "employees": 18446744073709551616},
            "steps": [{"hours": 2.5E-1}]}"#,
    )
    .unwrap();
    assert_eq!(
        [
            &d.rate,
            &d.nagano_prior_hours,
            &d.sme_prior_honorarium,
            &d.sme.capital,
            &d.sme.employees,
            &d.steps[0].hours,
        ],
        [
            "1e3",
            "1.50",
            "-0",
            "10000000000000000",
            "18446744073709551616",
            "2.5E-1"
        ]
    );
    // The version is an integer written as one.
    for v in [
        "1.0",
        "1e0",
        "-0",
        "-1",
        "4294967297",
        "18446744073709551616",
    ] {
        assert_eq!(
            PlanDraft::from_json(&format!(r#"{{"version": {v}}}"#)),
            malformed("version"),
            "{v}"
        );
    }
}

#[test]
fn a_value_of_the_wrong_type_names_its_field() {
    let v = |part: Value| {
        let mut d = json!({ "version": 1 });
        d.as_object_mut()
            .unwrap()
            .extend(part.as_object().unwrap().clone());
        read(d)
    };
    // The draft.
    assert_eq!(v(json!({ "rate": true })), malformed("rate"));
    assert_eq!(v(json!({ "mode": ["combined"] })), malformed("mode"));
    assert_eq!(read(json!({ "version": "1" })), malformed("version"));
    assert_eq!(read(json!({ "version": 1.5 })), malformed("version"));
    assert_eq!(
        read(json!({ "version": 4_294_967_297u64 })),
        malformed("version")
    );
    // PlanSme.
    assert_eq!(v(json!({ "sme": "信州" })), malformed("sme"));
    assert_eq!(v(json!({ "sme": { "name": {} } })), malformed("sme.name"));
    assert_eq!(
        v(json!({ "sme": { "contactName": false } })),
        malformed("sme.contactName")
    );
    // PlanExpert.
    assert_eq!(v(json!({ "expert": 7 })), malformed("expert"));
    assert_eq!(
        v(json!({ "expert": { "kind": [] } })),
        malformed("expert.kind")
    );
    // PlanStep.
    assert_eq!(v(json!({ "steps": "many" })), malformed("steps"));
    assert_eq!(v(json!({ "steps": [{}, 3] })), malformed("steps.1"));
    assert_eq!(v(json!({ "steps": [null] })), malformed("steps.0"));
    assert_eq!(
        v(json!({ "steps": [{}, {}, { "hours": true }] })),
        malformed("steps.2.hours")
    );
    // PlanTravel.
    assert_eq!(v(json!({ "travel": [true] })), malformed("travel"));
    assert_eq!(
        v(json!({ "travel": { "over100km": "yes" } })),
        malformed("travel.over100km")
    );
    assert_eq!(
        v(json!({ "travel": { "over100km": 1 } })),
        malformed("travel.over100km")
    );
    assert_eq!(
        v(json!({ "travel": { "note": {} } })),
        malformed("travel.note")
    );
    // Not a draft at all.
    assert_eq!(read(json!([1, 2])), malformed(""));
    assert_eq!(read(json!("plan")), malformed(""));
    assert_eq!(PlanDraft::from_json("{"), malformed(""));
    assert_eq!(PlanDraft::from_json("[]"), malformed(""));
}

#[test]
fn from_value_reads_what_from_json_reads() {
    let d = example();
    let v = Json::parse(&d.to_text()).unwrap();
    assert_eq!(PlanDraft::from_value(v), Ok(d));
    let v0 = json!({ "mode": "national", "hours": 30, "schedule": { "start": "2021-05-10" } });
    let d = read(v0.clone()).unwrap();
    assert_eq!(PlanDraft::from_json(&v0.to_string()), Ok(d.clone()));
    assert_eq!((d.version, d.start.as_str()), (1, "2021-05-10"));
    assert_eq!(d.steps[0].hours, "30");
    assert_eq!(read(json!({ "version": 2 })), Err(ImportError::TooNew(2)));
}

/// The reader as it was: serde's derived `Deserialize` over serde_json's `Value`, after
/// `migrate` as it was (over that `Value` too) and the numbers turned into text. The new
/// reader must agree with it on every draft-shaped value (it refuses one more shape: a part
/// written as a list of its fields in order, which serde's derive accepts and no one writes).
mod before {
    use ouen_rules::plan::{
        ImportError, PlanDraft, PlanExpert, PlanSme, PlanStep, PlanTravel, DRAFT_VERSION,
    };
    use serde::Deserialize;
    use serde_json::{Map, Value};

    fn malformed() -> ImportError {
        ImportError::Malformed(String::new())
    }

    /// `migrate` as it was.
    fn migrate(mut v: Value) -> Result<Value, ImportError> {
        let obj = v.as_object_mut().ok_or_else(malformed)?;
        let version = match obj.get("version") {
            None => 0,
            Some(n) => n
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(malformed)?,
        };
        if version > DRAFT_VERSION {
            return Err(ImportError::TooNew(version));
        }
        if version == 0 {
            if let Some(Value::Object(s)) = obj.remove("schedule") {
                for k in ["start", "end"] {
                    if let Some(x) = s.get(k) {
                        obj.insert(k.into(), x.clone());
                    }
                }
            }
            if let Some(h) = obj.remove("hours") {
                if !obj.contains_key("steps") {
                    let mut step = Map::new();
                    step.insert("title".into(), Value::String("支援".into()));
                    step.insert("detail".into(), Value::String(String::new()));
                    step.insert("hours".into(), h);
                    obj.insert("steps".into(), Value::Array(vec![Value::Object(step)]));
                }
            }
            obj.insert("version".into(), Value::from(1u32));
        }
        Ok(v)
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "camelCase", default)]
    struct Sme {
        name: String,
        location: String,
        address: String,
        industry: String,
        capital: String,
        employees: String,
        contact_name: String,
        phone: String,
        email: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "camelCase", default)]
    struct Expert {
        name: String,
        kind: String,
        affiliation: String,
        contact: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "camelCase", default)]
    struct Step {
        title: String,
        detail: String,
        hours: String,
    }

    #[derive(Deserialize, Default)]
    #[serde(rename_all = "camelCase", default)]
    struct Travel {
        over100km: bool,
        note: String,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase", default)]
    struct Draft {
        version: u32,
        mode: String,
        sme: Sme,
        expert: Expert,
        contract: String,
        issue: String,
        background: String,
        goals: String,
        measurement: String,
        steps: Vec<Step>,
        contract_date: String,
        application_date: String,
        start: String,
        end: String,
        rate: String,
        sme_prior_honorarium: String,
        expert_prior_honorarium: String,
        nagano_prior_hours: String,
        travel: Travel,
    }

    impl Default for Draft {
        fn default() -> Draft {
            let d = PlanDraft::default();
            Draft {
                version: d.version,
                mode: d.mode,
                contract: d.contract,
                steps: d
                    .steps
                    .into_iter()
                    .map(|s| Step {
                        title: s.title,
                        detail: s.detail,
                        hours: s.hours,
                    })
                    .collect(),
                sme: Sme::default(),
                expert: Expert::default(),
                issue: String::new(),
                background: String::new(),
                goals: String::new(),
                measurement: String::new(),
                contract_date: String::new(),
                application_date: String::new(),
                start: String::new(),
                end: String::new(),
                rate: String::new(),
                sme_prior_honorarium: String::new(),
                expert_prior_honorarium: String::new(),
                nagano_prior_hours: String::new(),
                travel: Travel::default(),
            }
        }
    }

    fn numbers_to_text(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.retain(|_, x| !x.is_null());
                for (k, x) in map.iter_mut() {
                    if k == "version" || k == "over100km" {
                        continue;
                    }
                    match x {
                        Value::Number(n) => *x = Value::String(n.to_string()),
                        _ => numbers_to_text(x),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(numbers_to_text),
            _ => {}
        }
    }

    /// `Ok`, `TooNew`, or `Malformed` (without serde's message, which named no field).
    pub fn read(v: Value) -> Result<PlanDraft, ImportError> {
        let mut v = migrate(v)?;
        numbers_to_text(&mut v);
        let d: Draft = serde_json::from_value(v).map_err(|_| malformed())?;
        Ok(PlanDraft {
            version: d.version,
            mode: d.mode,
            sme: PlanSme {
                name: d.sme.name,
                location: d.sme.location,
                address: d.sme.address,
                industry: d.sme.industry,
                capital: d.sme.capital,
                employees: d.sme.employees,
                contact_name: d.sme.contact_name,
                phone: d.sme.phone,
                email: d.sme.email,
            },
            expert: PlanExpert {
                name: d.expert.name,
                kind: d.expert.kind,
                affiliation: d.expert.affiliation,
                contact: d.expert.contact,
            },
            contract: d.contract,
            issue: d.issue,
            background: d.background,
            goals: d.goals,
            measurement: d.measurement,
            steps: d
                .steps
                .into_iter()
                .map(|s| PlanStep {
                    title: s.title,
                    detail: s.detail,
                    hours: s.hours,
                })
                .collect(),
            contract_date: d.contract_date,
            application_date: d.application_date,
            start: d.start,
            end: d.end,
            rate: d.rate,
            sme_prior_honorarium: d.sme_prior_honorarium,
            expert_prior_honorarium: d.expert_prior_honorarium,
            nagano_prior_hours: d.nagano_prior_hours,
            travel: PlanTravel {
                over100km: d.travel.over100km,
                note: d.travel.note,
            },
        })
    }
}

/// Any JSON value that is not a list or an object.
fn any_scalar() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e9f64..1e9).prop_map(|n| json!(n)),
        // Any finite float, which serde_json prints with an exponent when very large or
        // small (`1e16`, `-2.5e-7`) and `-0.0` as such.
        (prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO)
            .prop_map(|n| json!(n)),
        Just(json!(0.1)),
        "[a-z0-9 ]{0,6}".prop_map(Value::String),
    ]
    .boxed()
}

/// A value the draft reads as text (a string, a number or `null`), or now and then, when
/// `wrong`, any other (a boolean, a list, an object).
fn any_value(wrong: bool) -> BoxedStrategy<Value> {
    let text = prop_oneof![
        Just(Value::Null),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e9f64..1e9).prop_map(|n| json!(n)),
        // Any finite float, which serde_json prints with an exponent when very large or
        // small (`1e16`, `-2.5e-7`) and `-0.0` as such.
        (prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO)
            .prop_map(|n| json!(n)),
        Just(json!(0.1)),
        "[a-z0-9 ]{0,6}".prop_map(Value::String),
    ];
    if !wrong {
        return text.boxed();
    }
    prop_oneof![
        30 => text,
        1 => any::<bool>().prop_map(Value::Bool),
        1 => proptest::collection::vec(any_scalar(), 0..3).prop_map(Value::Array),
        1 => proptest::collection::btree_map("[a-z]{1,3}", any_scalar(), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().collect())),
    ]
    .boxed()
}

/// An object with some of `keys`, now and then an unknown one; or, when `wrong`, now and then
/// another value, but never a list where an object belongs (see `before`).
fn any_part(keys: &'static [&'static str], wrong: bool) -> BoxedStrategy<Value> {
    let fields: Vec<_> = keys
        .iter()
        .chain(&["unknown", "version", "over100km"])
        .map(move |k| {
            let v = match *k {
                // A flag: true, false or null; or anything when `wrong`.
                "over100km" if !wrong => {
                    prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::Bool)].boxed()
                }
                "over100km" | "unknown" | "version" => any_scalar(),
                _ => any_value(wrong),
            };
            proptest::option::of(v).prop_map(move |v| (*k, v))
        })
        .collect();
    let object = fields.prop_map(|fs| {
        Value::Object(
            fs.into_iter()
                .filter_map(|(k, v)| Some((k.to_string(), v?)))
                .collect(),
        )
    });
    if !wrong {
        return object.boxed();
    }
    prop_oneof![20 => object, 1 => any_scalar()].boxed()
}

const SME_KEYS: &[&str] = &[
    "name",
    "location",
    "address",
    "industry",
    "capital",
    "employees",
    "contactName",
    "phone",
    "email",
];
const TEXT_KEYS: &[&str] = &[
    "mode",
    "contract",
    "issue",
    "background",
    "goals",
    "measurement",
    "contractDate",
    "applicationDate",
    "start",
    "end",
    "rate",
    "smePriorHonorarium",
    "expertPriorHonorarium",
    "naganoPriorHours",
    "hours",
];

/// A draft's JSON as a partner might send it: text as strings or numbers, nulls, unknown
/// fields, a version 0 shape now and then; with `wrong`, now and then a value of another type.
fn any_json_draft(wrong: bool) -> impl Strategy<Value = Value> {
    let version = prop_oneof![
        4 => Just(Some(json!(1))),
        1 => Just(None),
        1 => Just(Some(json!(0))),
        1 => Just(Some(json!(2))),
        1 => Just(Some(json!("1"))),
        1 => Just(Some(Value::Null)),
    ];
    let steps = prop_oneof![
        20 => proptest::collection::vec(any_part(&["title", "detail", "hours"], wrong), 0..4)
            .prop_map(Value::Array),
        1 => any_scalar(),
    ];
    let texts: Vec<_> = TEXT_KEYS
        .iter()
        .map(move |k| proptest::option::of(any_value(wrong)).prop_map(move |v| (*k, v)))
        .collect();
    (
        version,
        texts,
        proptest::option::of(any_part(SME_KEYS, wrong)),
        proptest::option::of(any_part(&["name", "kind", "affiliation", "contact"], wrong)),
        proptest::option::of(steps),
        proptest::option::of(any_part(&["over100km", "note"], wrong)),
        proptest::option::of(any_part(&["start", "end"], wrong)),
    )
        .prop_map(|(version, texts, sme, expert, steps, travel, schedule)| {
            let mut o = serde_json::Map::new();
            let mut put = |k: &str, v: Option<Value>| {
                if let Some(v) = v {
                    o.insert(k.to_string(), v);
                }
            };
            put("version", version);
            for (k, v) in texts {
                put(k, v);
            }
            put("sme", sme);
            put("expert", expert);
            put("steps", steps);
            put("travel", travel);
            put("schedule", schedule);
            Value::Object(o)
        })
}

/// The new reader and the one before give the same draft, or both refuse it (`TooNew` the
/// same, `Malformed` either way: only the new one names the field).
fn agree(v: &Value) -> Result<(), TestCaseError> {
    let new = read(v.clone());
    let old = before::read(v.clone());
    // The same value as text reads the same (numbers as serde_json writes them).
    prop_assert_eq!(&PlanDraft::from_json(&v.to_string()), &new, "{}", v);
    match (&new, &old) {
        (Err(ImportError::Malformed(_)), Err(ImportError::Malformed(_))) => {}
        _ => prop_assert_eq!(new, old, "{}", v),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    #[test]
    fn the_reader_reads_every_draft_as_serde_did(v in any_json_draft(false)) {
        agree(&v)?;
    }

    #[test]
    fn the_reader_refuses_what_serde_refused(v in any_json_draft(true)) {
        agree(&v)?;
    }
}

// ---------------------------------------------------------------------------------------
// Writing a draft's JSON (`ToJson for PlanDraft`, `PlanDraft::to_text`): what serde wrote

/// Text with what JSON escapes or might stumble on: quotes, backslashes and slashes, every
/// control character, DEL and the C1 controls, the line and paragraph separators, the
/// characters either side of the surrogates, noncharacters, a combining mark, a
/// right-to-left override, characters outside the BMP.
fn odd_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\"\\\\/\u{0}-\u{1f}\u{7f}\u{80}-\u{9f}\u{2028}\u{2029}\u{d7ff}\u{e000}\u{fffe}\u{ffff}\u{301}\u{202e}\u{10ffff}a-z0-9 .日本髙😀]{0,24}",
        any::<String>(),
        Just(String::new()),
    ]
}

prop_compose! {
    /// A draft with every field set, to any version.
    fn every_field_draft()(
        version in prop_oneof![Just(ouen_rules::plan::DRAFT_VERSION), any::<u32>()],
        texts in proptest::collection::vec(odd_text(), 28),
        steps in proptest::collection::vec((odd_text(), odd_text(), odd_text()), 0..8),
        over100km in any::<bool>(),
    ) -> PlanDraft {
        let mut t = texts.into_iter();
        let mut n = || t.next().unwrap();
        PlanDraft {
            version,
            mode: n(),
            sme: ouen_rules::plan::PlanSme {
                name: n(), location: n(), address: n(), industry: n(), capital: n(),
                employees: n(), contact_name: n(), phone: n(), email: n(),
            },
            expert: ouen_rules::plan::PlanExpert {
                name: n(), kind: n(), affiliation: n(), contact: n(),
            },
            contract: n(),
            issue: n(),
            background: n(),
            goals: n(),
            measurement: n(),
            steps: steps.into_iter().map(|(title, detail, hours)| PlanStep { title, detail, hours }).collect(),
            contract_date: n(),
            application_date: n(),
            start: n(),
            end: n(),
            rate: n(),
            sme_prior_honorarium: n(),
            expert_prior_honorarium: n(),
            nagano_prior_hours: n(),
            travel: ouen_rules::plan::PlanTravel { over100km, note: n() },
        }
    }
}

/// Holds the draft's JSON to serde's: the value `serde_json::to_value` made, the text
/// `serde_json::to_string_pretty` wrote (and a newline), byte for byte; and reads it back.
fn writes_as_serde_did(d: &PlanDraft) -> Result<(), TestCaseError> {
    prop_assert_eq!(d.to_json(), ours(&serde_json::to_value(d).unwrap()));
    let text = d.to_text();
    prop_assert_eq!(&text, &(serde_json::to_string_pretty(d).unwrap() + "\n"));
    let back = PlanDraft::from_json(&text);
    if d.version > ouen_rules::plan::DRAFT_VERSION {
        prop_assert_eq!(back, Err(ImportError::TooNew(d.version)));
    } else {
        prop_assert_eq!(back, Ok(d.clone()));
        prop_assert_eq!(PlanDraft::from_value(d.to_json()), Ok(d.clone()));
    }
    Ok(())
}

#[test]
fn the_json_file_is_what_serde_wrote() {
    for d in [PlanDraft::default(), example()] {
        writes_as_serde_did(&d).unwrap();
    }
    let mut d = example();
    d.travel.over100km = true;
    d.steps.clear();
    writes_as_serde_did(&d).unwrap();
    // Its first lines, as the app's plan.json files have them.
    assert!(PlanDraft::default().to_text().starts_with(
        "{\n  \"version\": 1,\n  \"mode\": \"combined\",\n  \"sme\": {\n    \"name\": \"\","
    ));
    assert!(d.to_text().contains("\n  \"steps\": [],\n"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    #[test]
    fn the_writer_writes_every_draft_as_serde_did(d in every_field_draft()) {
        writes_as_serde_did(&d)?;
    }
}
