//! Where both build scripts (`ouen-core`'s and `ouen-rules`') read the data from, and the date
//! check they share.
//!
//! The data of both crates is one directory, `crates/rules/data` (`parameters.json` and
//! `rules.json` for the core, `supports.json` and `presets.json` for the content; the core's
//! ruleset stamp hashes the first three). `OUEN_RULES_DATA_DIR` points both builds at another
//! data directory (the yearly-update fixture of `crates/rules/tests/update_fixture.rs`); a file
//! it does not hold is read from the usual one. Each build prints `rerun-if-env-changed` for the
//! variable and `rerun-if-changed` for every file it reads ([`read`]).

use std::path::{Path, PathBuf};

/// The environment variable naming another data directory.
pub const DATA_DIR_VAR: &str = "OUEN_RULES_DATA_DIR";

/// The data directory, from either crate (`crates/core` or `crates/rules`): both are folders of
/// `crates/`.
fn default_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/data")
}

/// Where the build reads `name` (`parameters.json`, …) from: `$OUEN_RULES_DATA_DIR/name` if
/// that variable is set and the file is there, else the data directory's.
pub fn data_file(name: &str) -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
        let p = PathBuf::from(dir).join(name);
        if p.is_file() {
            return p;
        }
    }
    default_dir().join(name)
}

/// Reads data file `name` ([`data_file`]), telling cargo to build again when it changes.
pub fn read(name: &str) -> Vec<u8> {
    let path = data_file(name);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Tells cargo to build again when the data directory's variable changes.
pub fn watch_data_dir_var() {
    println!("cargo:rerun-if-env-changed={DATA_DIR_VAR}");
}

/// A `YYYY-MM-DD` date that exists, as the Rust expression of the `Date` it is; a panic naming
/// `ctx` otherwise.
pub fn date(s: &str, ctx: &str) -> String {
    let parts: Vec<&str> = s.split('-').collect();
    let ok = parts.len() == 3 && parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2;
    let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if !ok || nums.len() != 3 {
        panic!("{ctx}: '{s}' is not a YYYY-MM-DD date");
    }
    let (y, m, d) = (nums[0], nums[1], nums[2]);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => panic!("{ctx}: month {m} does not exist"),
    };
    if d == 0 || d > dim {
        panic!("{ctx}: day {d} does not exist in {y}-{m:02}");
    }
    format!("Date::from_ymd_unchecked({y}, {m}, {d})")
}
