//! A yearly update is data only: `tests/fixtures/update-2022/` holds today's `parameters.json`
//! and `supports.json` plus a made-up update (source 005, invented): a new rate from a date, a
//! changed deadline with the day it was announced, a new support and a retired one. No Rust is
//! edited for it.
//!
//! How: `a_yearly_update_needs_no_code` runs `cargo test` on this very file with
//! `OUEN_RULES_DATA_DIR` pointing at the fixture, in a target directory of its own (under
//! `CARGO_TARGET_TMPDIR`, so the normal build is never rebuilt). Both build scripts then
//! validate the fixture and generate their tables from it (`crates/core/build/data.rs`: a file
//! the fixture does not hold, `rules.json` or `presets.json`, is read from `data/`): the core's
//! (parameters, stamp) and this crate's (support catalogue), and both crates are compiled from
//! them: the `fixture_*` checks below call the product's own lookups (`Params::in_force`,
//! `programme_status`, `simulate_raw`, `STAMP` of `ouen-core`; `navigator`, `next_steps` of
//! `ouen-rules`) on the fixture's data, not a re-implementation. In the normal run (the data of
//! `data/`) those checks do nothing; in the inner run the driver does nothing. The first run
//! compiles the crates' dependencies once more (a few minutes); later runs only the crates.

use ouen_rules::navigator::{navigator, Navigation};
use ouen_rules::params::{programme_status, Params, Phase, ProgrammeId, DATES, STAMP};
use ouen_rules::{simulate_raw, Date, Locale, RawSimulationInput};
use std::path::Path;
use std::process::Command;

/// The variable both build scripts read (`crates/core/build/data.rs`).
const DATA_DIR: &str = "OUEN_RULES_DATA_DIR";
/// The stamp of the normal build, handed to the inner run.
const TODAYS_STAMP: &str = "OUEN_TODAYS_STAMP";
const FIXTURE: &str = "tests/fixtures/update-2022";
/// The fixture's ruleset version (its `parameters.json` → `ruleset`).
const FIXTURE_VERSION: &str = "2022.04-r1";
/// The checks the inner run must pass, every one.
const CHECKS: &[&str] = &[
    "fixture_stamp_changes",
    "fixture_new_rate_from_its_date",
    "fixture_changed_deadline_from_its_announcement",
    "fixture_navigator_lists_the_new_support_and_ends_the_retired_one",
    "fixture_checklist_suggests_the_new_support_not_the_retired_one",
];

/// What a check prints when it runs on the fixture's data.
const RAN: &str = "checked on the fixture's data";

/// True in the inner run, built from the fixture; false in the normal run (and when a
/// maintainer builds from a data directory of their own).
fn on_fixture() -> bool {
    let Some(dir) = std::env::var_os(DATA_DIR) else {
        return false;
    };
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    if Path::new(&dir).canonicalize().ok() != fixture.canonicalize().ok() {
        return false;
    }
    assert_eq!(
        STAMP.version, FIXTURE_VERSION,
        "{DATA_DIR} is set but ouen-core was not built from the fixture"
    );
    assert!(
        ouen_rules::supports::SupportId::parse("invoiceConsult").is_some(),
        "{DATA_DIR} is set but ouen-rules was not built from the fixture"
    );
    // The driver counts these lines: a check that stood aside prints none.
    println!("{RAN}");
    true
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn a_yearly_update_needs_no_code() {
    if std::env::var_os(DATA_DIR).is_some() {
        return; // the inner run itself
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("update-fixture");
    let out = Command::new(option_env!("CARGO").unwrap_or("cargo"))
        .arg("test")
        .arg("--offline")
        .arg("--manifest-path")
        .arg(manifest.join("Cargo.toml"))
        .args([
            "--test",
            "update_fixture",
            "--",
            "fixture_",
            "--show-output",
        ])
        .env(DATA_DIR, manifest.join(FIXTURE))
        .env("CARGO_TARGET_DIR", &target)
        .env(TODAYS_STAMP, STAMP.hash)
        .output()
        .expect("run cargo on the fixture");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let report = format!("--- stdout\n{stdout}\n--- stderr\n{stderr}");
    assert!(
        out.status.success(),
        "the fixture's build or checks failed\n{report}"
    );
    for check in CHECKS {
        assert!(
            stdout.contains(&format!("test {check} ... ok")),
            "{check} did not pass on the fixture\n{report}"
        );
    }
    assert!(
        stdout.contains(&format!("test result: ok. {} passed", CHECKS.len())),
        "the fixture ran other checks than {CHECKS:?}\n{report}"
    );
    assert_eq!(
        stdout.matches(RAN).count(),
        CHECKS.len(),
        "every check must run on the fixture's data, none stand aside\n{report}"
    );
}

/// The stamp changes with the data: a new version, and a new hash of the data.
#[test]
fn fixture_stamp_changes() {
    if !on_fixture() {
        return;
    }
    let today = std::env::var(TODAYS_STAMP).expect("the driver passes today's stamp");
    assert_eq!(STAMP.hash.len(), 8);
    assert_ne!(STAMP.hash, today, "the data changed, so must the hash");
    let nav = navigator(&[], None, Locale::Ja);
    assert_eq!(nav.ruleset, STAMP, "results carry the new stamp");
}

/// New rates from a date: 3,500 yen per hour until 2022-02-28, 4,000 from 2022-03-01 (and with
/// no as-of date, the latest), in the parameters, the cost split and the navigator's figures.
#[test]
fn fixture_new_rate_from_its_date() {
    if !on_fixture() {
        return;
    }
    let rate = |on: Option<&str>| Params::in_force(on.map(d)).national_max_per_hour;
    assert_eq!(rate(Some("2022-02-28")).value, 3500.into());
    assert!(rate(Some("2022-02-28")).valid_on_date);
    assert_eq!(rate(Some("2022-03-01")).value, 4000.into());
    assert!(rate(Some("2022-03-01")).valid_on_date);
    assert_eq!(rate(Some("2022-03-01")).source(), "005 §1");
    assert_eq!(rate(None).value, 4000.into());
    // The other figures are untouched.
    assert_eq!(
        Params::in_force(Some(d("2022-03-01")))
            .min_self_pay_per_hour
            .value,
        500.into()
    );

    let national = |as_of: &str| {
        let input: RawSimulationInput = serde_json::from_value(serde_json::json!({
            "rate": 6000, "hours": 10, "schemes": ["national"], "asOf": as_of
        }))
        .unwrap();
        let sim = simulate_raw(&input, Locale::Ja).unwrap();
        serde_json::to_value(&sim).unwrap()["subsidies"]["national"].clone()
    };
    assert_eq!(national("2022-02-28"), 35_000);
    assert_eq!(national("2022-03-01"), 40_000);

    let figure = |as_of: &str| {
        let nav = navigator(&[], Some(d(as_of)), Locale::Ja);
        let card = nav
            .supports
            .iter()
            .find(|s| id(&s.id) == "national")
            .unwrap();
        card.figures[0].text.clone()
    };
    assert!(
        figure("2022-02-28").contains("3,500円"),
        "{}",
        figure("2022-02-28")
    );
    assert!(
        figure("2022-03-01").contains("4,000円"),
        "{}",
        figure("2022-03-01")
    );
}

/// A changed deadline and the day it was announced: the Phase II honorarium claim deadline,
/// 2022-01-10 (001), moved to 2022-01-31 by 005, announced on 2022-01-05. As of the day before,
/// the old deadline holds and the new one is not known; from that day, the new one holds and
/// both earlier announcements are shown as superseded.
#[test]
fn fixture_changed_deadline_from_its_announcement() {
    if !on_fixture() {
        return;
    }
    let claim = |on: &str| {
        programme_status(ProgrammeId::National, Some(Phase::Two), d(on), Locale::En)
            .deadlines
            .into_iter()
            .find(|x| x.id == "nationalP2ClaimEnd")
            .unwrap()
    };
    let before = claim("2022-01-04");
    assert_eq!(before.date, d("2022-01-10"));
    assert_eq!(before.source, "001");
    let old: Vec<Date> = before.superseded.iter().map(|r| r.value).collect();
    assert_eq!(old, [d("2021-12-24")]);

    let after = claim("2022-01-05");
    assert_eq!(after.date, d("2022-01-31"));
    assert_eq!(after.source, "005 §2");
    let old: Vec<Date> = after.superseded.iter().map(|r| r.value).collect();
    assert_eq!(old, [d("2021-12-24"), d("2022-01-10")]);
    assert_eq!(after.superseded[1].announced, d("2021-11-01"));

    // On 2022-01-20 the claim deadline is still ahead: Phase II is closing, not closed.
    let p2 = programme_status(
        ProgrammeId::National,
        Some(Phase::Two),
        d("2022-01-20"),
        Locale::En,
    );
    assert_eq!(p2.next_deadline.unwrap().date, d("2022-01-31"));
    // Without an as-of date, the latest announcement.
    let current = DATES
        .iter()
        .find(|p| p.id() == "nationalP2ClaimEnd")
        .unwrap()
        .current();
    assert_eq!(current.value, d("2022-01-31"));
    assert_eq!(current.announced, d("2022-01-05"));
}

fn id(s: &impl serde::Serialize) -> String {
    serde_json::to_value(s)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn card<'a>(nav: &'a Navigation, which: &str) -> &'a ouen_rules::navigator::SupportView {
    nav.supports
        .iter()
        .find(|s| id(&s.id) == which)
        .unwrap_or_else(|| panic!("{which} is not listed"))
}

/// A new support is listed under its needs; a retired one (`ends.on` 2022-03-31) shows its
/// deadline until that day and is marked as ended, and put last, from the next.
#[test]
fn fixture_navigator_lists_the_new_support_and_ends_the_retired_one() {
    if !on_fixture() {
        return;
    }
    let on = |day: &str| navigator(&[], Some(d(day)), Locale::Ja);
    let march = on("2022-03-31");
    let new = card(&march, "invoiceConsult");
    assert!(!new.ended);
    assert_eq!(
        new.needs.iter().map(id).collect::<Vec<_>>(),
        ["consult", "edi"]
    );
    let retired = card(&march, "itStrategyNavi");
    assert!(!retired.ended);
    assert_eq!(retired.end_date, Some(d("2022-03-31")));
    let status = retired.status_text.as_deref().unwrap();
    assert!(status.starts_with("締切：2022年3月31日"), "{status}");

    let april = on("2022-04-01");
    assert!(!card(&april, "invoiceConsult").ended);
    let retired = card(&april, "itStrategyNavi");
    assert!(retired.ended);
    let status = retired.status_text.as_deref().unwrap();
    assert!(
        status.starts_with("2022年3月31日") && status.ends_with("に終了しました"),
        "{status}"
    );
    let ended_first = april.supports.iter().position(|s| s.ended).unwrap();
    assert!(april.supports[ended_first..].iter().all(|s| s.ended));

    // The needs count the new support.
    let consult = april.needs.iter().find(|n| id(&n.id) == "consult").unwrap();
    assert_eq!(consult.count, 3, "yorozu, itDiagnosis and the new one");
}

/// The checklist's next steps follow `nextSteps`: the new support replaces the retired one.
#[test]
fn fixture_checklist_suggests_the_new_support_not_the_retired_one() {
    if !on_fixture() {
        return;
    }
    let strategy: Vec<String> = ouen_rules::supports::next_steps("strategy")
        .iter()
        .map(id)
        .collect();
    assert!(
        strategy.iter().any(|s| s == "invoiceConsult"),
        "{strategy:?}"
    );
    assert!(
        !strategy.iter().any(|s| s == "itStrategyNavi"),
        "{strategy:?}"
    );
}
