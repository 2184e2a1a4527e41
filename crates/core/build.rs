//! `ouen-core`'s build: turns the rules' data into static Rust tables (no JSON parser ships in
//! the wasm) and stamps the ruleset with a short SHA-256 of the data:
//! - `parameters.json`: every figure and date, with validity and source (`parameters.rs`);
//!   each revision of a date with the day it was announced (checked in `build/dates.rs`);
//! - `rules.json`: every rule of the specification and the typed `RuleId` (`rule_ids.rs`; see
//!   `build/rules.rs`); every rule the parameters cite must be one of them;
//! - the stamp (`RULESET_VERSION`, `RULESET_HASH`) hashes `parameters.json`, `supports.json`
//!   and `rules.json`: a changed support is a changed ruleset too, though the support catalogue
//!   itself is `ouen-rules`' (its own build generates it, the rule catalogue's statements and
//!   the presets from the same directory). The presets are not part of the stamp: they are
//!   examples of the rules, not rules.
//!
//! The data directory is `crates/rules/data`, shared with `ouen-rules` (`build/data.rs`). The
//! build fails, with a message naming the file and the entry, if the data is malformed: an
//! unknown id or reference, a date that does not exist, a value that is not an integer, a
//! revision out of announcement order.
//!
//! `OUEN_RULES_DATA_DIR` builds from another data directory (`build/data.rs`): the yearly
//! update fixture of `crates/rules/tests/update_fixture.rs` is built that way.

#[path = "build/data.rs"]
mod data;
#[path = "build/dates.rs"]
mod dates;
#[path = "build/rules.rs"]
mod rules;

use data::date;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::{env, fs, path::Path};

/// Amount parameters the code reads, in the order of the generated `AmountId` enum.
const AMOUNT_IDS: &[(&str, &str)] = &[
    (
        "nationalHonorariumMaxPerHour",
        "NationalHonorariumMaxPerHour",
    ),
    ("minSelfPayPerHour", "MinSelfPayPerHour"),
    ("smeHonorariumCap", "SmeHonorariumCap"),
    ("expertHonorariumCap", "ExpertHonorariumCap"),
    ("naganoTopUpMaxPerHour", "NaganoTopUpMaxPerHour"),
    ("naganoMaxHours", "NaganoMaxHours"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    ruleset: String,
    #[allow(dead_code)]
    about: String,
    sources: Vec<Source>,
    #[serde(rename = "smeLimits")]
    sme_limits: SmeLimits,
    amounts: Vec<Amount>,
    dates: Vec<DateParam>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    id: String,
    file: String,
    title: String,
}

/// SME-1, SME-2 ⑨–⑪, SME-5 and SME-6 (6): the legal definition's figures.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SmeLimits {
    #[allow(dead_code)]
    about: String,
    industries: Vec<SmeRow>,
    organisations: Vec<SmeRow>,
    #[serde(rename = "smallBusiness")]
    small_business: SmallBusiness,
    #[serde(rename = "deemedLarge")]
    deemed_large: DeemedLarge,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SmeRow {
    row: u8,
    rule: String,
    #[allow(dead_code)]
    ja: String,
    #[allow(dead_code)]
    en: String,
    capital: Option<String>,
    employees: u32,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SmallBusiness {
    rule: String,
    commerce: u32,
    services: u32,
    #[serde(rename = "lodgingEntertainment")]
    lodging_entertainment: u32,
    #[serde(rename = "manufacturingOther")]
    manufacturing_other: u32,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeemedLarge {
    rule: String,
    #[serde(rename = "averageTaxableIncome")]
    average_taxable_income: String,
    source: String,
}

/// The SME limits as Rust constants, checked: rows ①–⑧ in order with a capital each, rows
/// ⑨–⑪ in order without one, positive integers, known rules and sources.
fn sme_limits(l: &SmeLimits, sources: &[String]) -> String {
    let fail = |msg: String| -> ! { panic!("parameters.json: smeLimits: {msg}") };
    let source_ok = |src: &str, ctx: &str| {
        for part in src.split(';') {
            let id: String = part
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if !sources.contains(&id) {
                fail(format!("{ctx}: source '{}' names no document", part.trim()));
            }
        }
    };
    let yen = |v: &str, ctx: &str| -> i64 {
        match v.parse::<i64>() {
            Ok(n) if n > 0 => n,
            _ => fail(format!(
                "{ctx}: '{v}' is not a positive whole number of yen"
            )),
        }
    };
    let mut out = String::from("/// SME-1 rows ①–⑧: capital limit (yen) and employee limit, both inclusive.\npub static SME1_ROWS: [(i64, u32); 8] = [\n");
    if l.industries.len() != 8 {
        fail(format!(
            "industries: rows ① to ⑧ are needed, {} given",
            l.industries.len()
        ));
    }
    for (i, r) in l.industries.iter().enumerate() {
        let ctx = format!("industries row {}", r.row);
        if usize::from(r.row) != i + 1 || r.rule != "SME-1" {
            fail(format!("{ctx}: rows ① to ⑧ in order, rule SME-1"));
        }
        source_ok(&r.source, &ctx);
        let Some(capital) = &r.capital else {
            fail(format!("{ctx}: a capital limit is needed"));
        };
        if r.employees == 0 {
            fail(format!("{ctx}: employees must be positive"));
        }
        out += &format!("    ({}, {}),\n", yen(capital, &ctx), r.employees);
    }
    out += "];\n/// SME-2 rows ⑨–⑪: employee limit (inclusive); these organisations have no capital test.\npub static SME2_EMPLOYEES: [u32; 3] = [";
    if l.organisations.len() != 3 {
        fail(format!(
            "organisations: rows ⑨ to ⑪ are needed, {} given",
            l.organisations.len()
        ));
    }
    for (i, r) in l.organisations.iter().enumerate() {
        let ctx = format!("organisations row {}", r.row);
        if usize::from(r.row) != i + 9 || r.rule != "SME-2" || r.capital.is_some() {
            fail(format!(
                "{ctx}: rows ⑨ to ⑪ in order, rule SME-2, no capital"
            ));
        }
        source_ok(&r.source, &ctx);
        if r.employees == 0 {
            fail(format!("{ctx}: employees must be positive"));
        }
        out += &format!("{}, ", r.employees);
    }
    let sb = &l.small_business;
    source_ok(&sb.source, "smallBusiness");
    if sb.rule != "SME-5" {
        fail("smallBusiness: rule SME-5".into());
    }
    let dl = &l.deemed_large;
    source_ok(&dl.source, "deemedLarge");
    if dl.rule != "SME-6" {
        fail("deemedLarge: rule SME-6".into());
    }
    out += &format!(
        "];\n/// SME-5: small-business employee limits (inclusive): commerce, services, lodging and entertainment, manufacturing and others.\npub static SMALL_BUSINESS_EMPLOYEES: [u32; 4] = [{}, {}, {}, {}];\n/// SME-6 (6): the average taxable income over which a business is deemed large (yen).\npub const TAXABLE_INCOME_LIMIT: i64 = {};\n",
        sb.commerce,
        sb.services,
        sb.lodging_entertainment,
        sb.manufacturing_other,
        yen(&dl.average_taxable_income, "deemedLarge")
    );
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Amount {
    id: String,
    rule: String,
    unit: String,
    ja: String,
    en: String,
    values: Vec<AmountValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AmountValue {
    value: String,
    from: String,
    until: Option<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateParam {
    id: String,
    rule: String,
    programme: String,
    phase: Option<String>,
    kind: String,
    ja: String,
    en: String,
    revisions: Vec<Revision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Revision {
    value: String,
    /// The day the revision was announced (see `build/dates.rs`).
    announced: String,
    source: String,
    /// How the announcement date is known, for maintainers (not generated).
    #[allow(dead_code)]
    note: Option<String>,
}

fn programme(s: &str, ctx: &str) -> &'static str {
    match s {
        "national" => "ProgrammeId::National",
        "naganoCombined" => "ProgrammeId::NaganoCombined",
        "naganoOnly" => "ProgrammeId::NaganoOnly",
        _ => panic!("parameters.json: {ctx}: unknown programme '{s}'"),
    }
}

fn kind(s: &str, ctx: &str) -> &'static str {
    match s {
        "registrationStart" => "DateKind::RegistrationStart",
        "registrationEnd" => "DateKind::RegistrationEnd",
        "applicationStart" => "DateKind::ApplicationStart",
        "applicationEnd" => "DateKind::ApplicationEnd",
        "contractEnd" => "DateKind::ContractEnd",
        "supportEnd" => "DateKind::SupportEnd",
        "reportEnd" => "DateKind::ReportEnd",
        "claimEnd" => "DateKind::ClaimEnd",
        "operationsEnd" => "DateKind::OperationsEnd",
        _ => panic!("parameters.json: {ctx}: unknown date kind '{s}'"),
    }
}

fn main() {
    // The data directory can be another one (`build/data.rs`: the update fixture's).
    data::watch_data_dir_var();
    println!("cargo:rerun-if-changed=build/data.rs");
    println!("cargo:rerun-if-changed=build/dates.rs");
    println!("cargo:rerun-if-changed=build/rules.rs");
    let bytes = data::read("parameters.json");
    let data: Data = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        let path = data::data_file("parameters.json");
        panic!("parse {}: {e}", path.display())
    });
    let rules_json = data::read("rules.json");
    // Read here for the stamp only: `ouen-rules`' build turns it into the support catalogue.
    let catalogue = data::read("supports.json");
    // The stamp covers all the data: a changed support is a changed ruleset too.
    let hash = Sha256::new()
        .chain_update(&bytes)
        .chain_update(&catalogue)
        .chain_update(&rules_json)
        .finalize();
    let source_ids: Vec<String> = data.sources.iter().map(|s| s.id.clone()).collect();
    // The rule catalogue's statements are `ouen-rules`' (its build generates them again).
    let (rule_ids, rule_id_src, _) = rules::generate(&rules_json, &source_ids);
    let known_rule = |list: &str, ctx: &str| {
        for id in list.split(',').map(str::trim) {
            if !rule_ids.iter().any(|r| r == id) {
                panic!("parameters.json: {ctx}: rule '{id}' is not in rules.json");
            }
        }
    };
    for a in &data.amounts {
        known_rule(&a.rule, &a.id);
    }
    for d in &data.dates {
        known_rule(&d.rule, &d.id);
    }
    let short: String = hash.iter().take(4).map(|b| format!("{b:02x}")).collect();

    let mut out = String::new();
    writeln!(out, "// @generated by build.rs from data/parameters.json").unwrap();
    writeln!(out, "pub const RULESET_VERSION: &str = {:?};", data.ruleset).unwrap();
    writeln!(out, "pub const RULESET_HASH: &str = {short:?};").unwrap();

    writeln!(out, "pub static SOURCES: &[Source] = &[").unwrap();
    for s in &data.sources {
        writeln!(
            out,
            "    Source {{ id: {:?}, file: {:?}, title: {:?} }},",
            s.id, s.file, s.title
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();

    // Amounts, ordered as AmountId: what the cost split reads (`AMOUNTS`: rule and values) and,
    // beside it, the records the higher layers read (`AMOUNT_RECORDS`: every field, the id,
    // unit, labels and sources too), so that the small wasm links none of the latter
    // (`params.rs`).
    writeln!(
        out,
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum AmountId {{"
    )
    .unwrap();
    for (_, variant) in AMOUNT_IDS {
        writeln!(out, "    {variant},").unwrap();
    }
    writeln!(
        out,
        "}}\n\nimpl AmountId {{\n    /// Every amount, in the order of [`AMOUNTS`].\n    pub const ALL: [AmountId; {}] = [{}];\n}}",
        AMOUNT_IDS.len(),
        AMOUNT_IDS
            .iter()
            .map(|(_, v)| format!("AmountId::{v}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    let mut amounts = String::from("pub static AMOUNTS: &[AmountParam] = &[\n");
    let mut records = format!(
        "static AMOUNT_RECORDS: [AmountRecord; {}] = [\n",
        AMOUNT_IDS.len()
    );
    for (id, _) in AMOUNT_IDS {
        let a = data
            .amounts
            .iter()
            .find(|a| a.id == *id)
            .unwrap_or_else(|| panic!("parameters.json: amount '{id}' is missing"));
        let unit = match a.unit.as_str() {
            "yen" => "Unit::Yen",
            "yenPerHour" => "Unit::YenPerHour",
            "hours" => "Unit::Hours",
            u => panic!("parameters.json: {id}: unknown unit '{u}'"),
        };
        writeln!(amounts, "    AmountParam {{ rule: {:?}, values: &[", a.rule).unwrap();
        writeln!(
            records,
            "    AmountRecord {{ id: {:?}, rule: {:?}, unit: {unit}, ja: {:?}, en: {:?}, values: &[",
            a.id, a.rule, a.ja, a.en
        )
        .unwrap();
        assert!(!a.values.is_empty(), "parameters.json: {id}: no values");
        for v in &a.values {
            let n: i64 = v.value.parse().unwrap_or_else(|_| {
                panic!(
                    "parameters.json: {id}: value '{}' is not an integer",
                    v.value
                )
            });
            let ctx = format!("parameters.json: {id}");
            let from = date(&v.from, &ctx);
            let until = match &v.until {
                Some(u) => format!("Some({})", date(u, &ctx)),
                None => "None".into(),
            };
            writeln!(
                amounts,
                "        AmountValue {{ value: {n}, from: {from}, until: {until} }},"
            )
            .unwrap();
            writeln!(
                records,
                "        SourcedValue {{ value: {n}, from: {from}, until: {until}, source: {:?} }},",
                v.source
            )
            .unwrap();
        }
        writeln!(amounts, "    ] }},").unwrap();
        writeln!(records, "    ] }},").unwrap();
    }
    out += &amounts;
    out += "];\n";
    out += &records;
    out += "];\n";
    for a in &data.amounts {
        if !AMOUNT_IDS.iter().any(|(id, _)| *id == a.id) {
            panic!("parameters.json: amount '{}' is not read by the code", a.id);
        }
    }

    // Dates: the calendar's (`DATES`) and, beside it, the records (`DATE_RECORDS`: every field,
    // the id, rule and sources too), in the same order (`DateParam::n`).
    assert!(
        data.dates.len() <= usize::from(u8::MAX) + 1,
        "parameters.json: more dates than a DateParam numbers"
    );
    let mut dates = String::from("pub static DATES: &[DateParam] = &[\n");
    let mut records = format!(
        "static DATE_RECORDS: [DateRecord; {}] = [\n",
        data.dates.len()
    );
    let mut announcements = dates::Announcements::default();
    for (n, d) in data.dates.iter().enumerate() {
        assert!(
            !d.revisions.is_empty(),
            "parameters.json: {}: no revisions",
            d.id
        );
        let revisions: Vec<dates::Rev> = d
            .revisions
            .iter()
            .map(|r| dates::Rev {
                value: &r.value,
                announced: &r.announced,
                source: &r.source,
            })
            .collect();
        announcements.check(&d.id, &revisions, |s, ctx| {
            date(s, ctx);
        });
        let phase = match d.phase.as_deref() {
            Some("one") => "Some(Phase::One)",
            Some("two") => "Some(Phase::Two)",
            None => "None",
            Some(p) => panic!("parameters.json: {}: unknown phase '{p}'", d.id),
        };
        let (programme, kind) = (programme(&d.programme, &d.id), kind(&d.kind, &d.id));
        writeln!(
            dates,
            "    DateParam {{ n: {n}, programme: {programme}, phase: {phase}, kind: {kind}, ja: {:?}, en: {:?}, revisions: &[",
            d.ja, d.en
        )
        .unwrap();
        writeln!(
            records,
            "    DateRecord {{ id: {:?}, rule: {:?}, programme: {programme}, phase: {phase}, kind: {kind}, ja: {:?}, en: {:?}, revisions: &[",
            d.id, d.rule, d.ja, d.en
        )
        .unwrap();
        for r in &d.revisions {
            let ctx = format!("parameters.json: {}", d.id);
            let (value, announced) = (date(&r.value, &ctx), date(&r.announced, &ctx));
            writeln!(
                dates,
                "        Revision {{ value: {value}, announced: {announced} }},"
            )
            .unwrap();
            writeln!(
                records,
                "        SourcedRevision {{ value: {value}, announced: {announced}, source: {:?} }},",
                r.source
            )
            .unwrap();
        }
        writeln!(dates, "    ] }},").unwrap();
        writeln!(records, "    ] }},").unwrap();
    }
    out += &dates;
    out += "];\n";
    out += &records;
    out += "];\n";

    out += &sme_limits(&data.sme_limits, &source_ids);
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("parameters.rs"), out).unwrap();

    fs::write(Path::new(&out_dir).join("rule_ids.rs"), rule_id_src).unwrap();
}
