//! `ouen-rules`' build: the content's static tables, from the data directory `ouen-core`'s
//! build reads too (`crates/rules/data`, or `OUEN_RULES_DATA_DIR`: `../core/build/data.rs`):
//! - `rules.json`: every rule of the specification as a statement for people, with its section
//!   (`catalogue.rs`; validated by `../core/build/rules.rs`, which also gives the core its
//!   `RuleId`);
//! - `supports.json`: the support catalogue, its needs and the checklist's next steps, with
//!   typed ids (`supports.rs`, see `build/supports.rs`);
//! - `presets.json` joined with the workspace's `tests/data/golden.json`: the worked examples
//!   as one-tap presets (`presets.rs`, see `build/presets.rs`).
//!
//! `parameters.json` is read for its source documents only, which the rules and supports cite;
//! the core's build checks the rest of it, and stamps the ruleset (`STAMP`) with a hash of
//! `parameters.json`, `supports.json` and `rules.json`. The build fails, with a message naming
//! the file and the entry, if the data is malformed.

#[path = "../core/build/data.rs"]
mod data;
#[path = "build/presets.rs"]
mod presets;
#[path = "../core/build/rules.rs"]
mod rules;
#[path = "build/supports.rs"]
mod supports;

use serde::Deserialize;
use std::{env, fs, path::Path};

/// What this build reads of `parameters.json`: the source documents' ids (the core's build
/// reads, and checks, the whole file).
#[derive(Deserialize)]
struct Parameters {
    sources: Vec<Source>,
}

#[derive(Deserialize)]
struct Source {
    id: String,
}

fn main() {
    data::watch_data_dir_var();
    for file in [
        "../core/build/data.rs",
        "../core/build/rules.rs",
        "build/supports.rs",
        "build/presets.rs",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }
    let parameters: Parameters = serde_json::from_slice(&data::read("parameters.json"))
        .unwrap_or_else(|e| {
            let path = data::data_file("parameters.json");
            panic!("parse {}: {e}", path.display())
        });
    let source_ids: Vec<String> = parameters.sources.into_iter().map(|s| s.id).collect();
    let out_dir = env::var("OUT_DIR").unwrap();
    let out = |name: &str, src: String| fs::write(Path::new(&out_dir).join(name), src).unwrap();

    let (_, _, catalogue) = rules::generate(&data::read("rules.json"), &source_ids);
    out("catalogue.rs", catalogue);

    let supports = supports::generate(&data::read("supports.json"), &source_ids, |s, ctx| {
        data::date(s, &format!("supports.json: {ctx}"))
    });
    out("supports.rs", supports);

    // The presets: ids and titles here, everything else from the golden cases.
    let golden = "../../tests/data/golden.json";
    println!("cargo:rerun-if-changed={golden}");
    let golden = fs::read(golden).unwrap_or_else(|e| panic!("read {golden}: {e}"));
    out(
        "presets.rs",
        presets::generate(&data::read("presets.json"), &golden),
    );
}
