//! `cargo xtask fuzz [--secs N] [--only TARGET] [--require-afl]`: the fuzz targets of `fuzz/`.
//!
//! First the seed corpus and a seeded sweep of mutations of it are replayed through every
//! target's checks (`cargo test` in `fuzz/`: deterministic, needs nothing but cargo). Then,
//! where cargo-afl is installed (`cargo install cargo-afl`, which builds AFL++ from the
//! crate's own source on the pinned stable toolchain: nothing is downloaded as a binary),
//! each target is built with AFL++'s instrumentation and fuzzed, coverage-guided, for N
//! seconds (default 60) from its corpus. Any crash fails the task and names its input file.

use crate::tools::run;
use crate::{root, Result};
use std::path::Path;
use std::process::Command;

/// The targets (binaries of `fuzz/`, folders of `fuzz/corpus/`).
const TARGETS: [&str; 6] = [
    "number",
    "simulate",
    "plan_import",
    "checklist_import",
    "handoff",
    "everything_import",
];

pub fn fuzz_cmd(args: &[String]) -> Result {
    let mut secs = 60u64;
    let mut only: Option<String> = None;
    let mut require_afl = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--secs" => {
                secs = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or("--secs needs a number of seconds")?
            }
            "--only" => only = Some(it.next().ok_or("--only needs a target")?.clone()),
            "--require-afl" => require_afl = true,
            other => return Err(format!("fuzz: unknown argument '{other}'")),
        }
    }
    if let Some(t) = &only {
        if !TARGETS.contains(&t.as_str()) {
            return Err(format!(
                "fuzz: no target '{t}' (one of {})",
                TARGETS.join(", ")
            ));
        }
    }
    let dir = root().join("fuzz");

    println!("fuzz: replaying the seed corpus and a seeded sweep through every target");
    run(Command::new("cargo").args(["test", "--quiet", "-p", "ouen-fuzz"]))?;

    if !afl_installed() {
        let msg = "cargo-afl is not installed: `cargo install cargo-afl` builds it and AFL++ \
                   from source (stable Rust, a C compiler and make)";
        if require_afl {
            return Err(msg.into());
        }
        println!("fuzz: {msg}; only the replay ran.");
        return Ok(());
    }
    println!("fuzz: building the targets with AFL++ instrumentation");
    // Its own target folder: AFL's compiler flags must not invalidate the main build's.
    run(Command::new("cargo")
        .args(["afl", "build", "-p", "ouen-fuzz", "--features", "afl"])
        .args(["--profile", "fuzz", "--target-dir"])
        .arg(dir.join("target")))?;
    let mut crashes = Vec::new();
    for target in TARGETS
        .iter()
        .filter(|t| only.as_deref().is_none_or(|o| o == **t))
    {
        let out = dir.join("target/afl").join(target);
        let _ = std::fs::remove_dir_all(&out);
        // AFL++ makes its output folder but not the folders above it.
        std::fs::create_dir_all(dir.join("target/afl"))
            .map_err(|e| format!("create fuzz/target/afl: {e}"))?;
        println!("fuzz: {target} for {secs} s");
        let status = Command::new("cargo")
            .args(["afl", "fuzz", "-i"])
            .arg(dir.join("corpus").join(target))
            .arg("-o")
            .arg(&out)
            .args(["-V", &secs.to_string()])
            .arg(dir.join("target/fuzz").join(target))
            // A container: no CPU governor to tune, core dumps go wherever the host says.
            .env("AFL_SKIP_CPUFREQ", "1")
            .env("AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES", "1")
            .env("AFL_NO_UI", "1")
            .stdout(std::process::Stdio::null())
            .status()
            .map_err(|e| format!("cargo afl fuzz: {e}"))?;
        if !status.success() {
            return Err(format!("cargo afl fuzz {target} failed ({status})"));
        }
        let found = found_in(&out.join("default/crashes"));
        println!(
            "fuzz: {target}: {} execs, {} crashes",
            stat(&out.join("default/fuzzer_stats"), "execs_done").unwrap_or_else(|| "?".into()),
            found.len()
        );
        crashes.extend(found);
    }
    if crashes.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzz: crashing inputs (reproduce with `cargo run -p ouen-fuzz --bin TARGET -- FILE`):\n  {}",
            crashes.join("\n  ")
        ))
    }
}

/// Whether `cargo afl` is there and has built AFL++.
fn afl_installed() -> bool {
    Command::new("cargo")
        .args(["afl", "--version"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Crash inputs AFL++ saved (it also writes a README there).
fn found_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.file_name().is_some_and(|n| n != "README.txt"))
                .map(|p| p.display().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// One value from AFL++'s `fuzzer_stats`.
fn stat(file: &Path, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        (k.trim() == key).then(|| v.trim().to_string())
    })
}
