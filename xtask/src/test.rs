//! `cargo xtask test`: every test of the project, in one command.
//!
//! 1. lint: `cargo fmt --check`, `cargo clippy -D warnings` (host and wasm32);
//! 2. Rust tests of the whole workspace (golden cases, properties, invariants, app logic);
//! 3. `cargo xtask dist`, then Node's test runner over the npm package (every golden case
//!    through the JS API) and `tsc` over a TypeScript consumer of the declarations;
//! 4. browser end-to-end tests (playwright-core driving Debian's chromium) against the
//!    built app, served on a loopback port by this process;
//! 5. the core flows again in Firefox ESR and WebKitGTK (`tests/engines/`), each its own step.
//!
//! It ends with one line, `xtask test: N passed, M failed`, adding up every runner's counts.

use crate::tools::{
    cargo, describe, ensure_chromium, ensure_firefox, ensure_npm, ensure_wasm_target, ensure_webkit,
};
use crate::{dist, root, serve, Result};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::thread;

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
}

impl Tally {
    /// Reads the closing lines of cargo test (`test result: ok. 3 passed; 0 failed; …`) and
    /// node's runner (`# pass 3`, `# fail 0`).
    fn read(&mut self, line: &str) {
        let l = line.trim();
        if let Some(rest) = l.strip_prefix("test result: ") {
            for part in rest.split(';') {
                let words: Vec<&str> = part.split_whitespace().collect();
                let n = |w: &str| {
                    words
                        .iter()
                        .position(|x| *x == w)
                        .and_then(|i| i.checked_sub(1))
                        .and_then(|i| words[i].parse::<u64>().ok())
                };
                if let Some(p) = n("passed") {
                    self.passed += p;
                }
                if let Some(f) = n("failed") {
                    self.failed += f;
                }
            }
        } else if let Some(n) = l.strip_prefix("# pass ") {
            self.passed += n.trim().parse::<u64>().unwrap_or(0);
        } else if let Some(n) = l.strip_prefix("# fail ") {
            self.failed += n.trim().parse::<u64>().unwrap_or(0);
        }
    }
}

/// Runs a command, echoing its output while counting test results.
fn run_counted(cmd: &mut Command, tally: &mut Tally) -> Result {
    eprintln!("$ {}", describe(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    let stderr = child.stderr.take().expect("piped");
    let err_thread = thread::spawn(move || {
        let mut lines = Vec::new();
        for line in BufReader::new(stderr).lines().map_while(|l| l.ok()) {
            eprintln!("{line}");
            lines.push(line);
        }
        lines
    });
    for line in BufReader::new(child.stdout.take().expect("piped"))
        .lines()
        .map_while(|l| l.ok())
    {
        println!("{line}");
        tally.read(&line);
    }
    for line in err_thread.join().unwrap_or_default() {
        tally.read(&line);
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

pub fn test_cmd(args: &[String]) -> Result {
    let quick = args.iter().any(|a| a == "--no-browser");
    let root = root();
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    let mut step = |name: &str, r: Result| {
        if let Err(e) = r {
            eprintln!("xtask test: {name} FAILED: {e}");
            failures.push(name.to_string());
        }
    };

    ensure_wasm_target()?;
    step(
        "cargo fmt",
        crate::tools::run(cargo().args(["fmt", "--all", "--", "--check"])),
    );
    step(
        "clippy",
        crate::tools::run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            // The prerenderer (`ouen-app`'s bin behind `ssr`) too.
            "--features",
            "ouen-app/ssr",
            "--",
            "-D",
            "warnings",
        ])),
    );
    step(
        "clippy (wasm32)",
        crate::tools::run(cargo().args([
            "clippy",
            "-p",
            "ouen-app",
            "-p",
            "ouen-wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])),
    );
    // A route's wasm as `dist` builds it for one language (its catalogue holds one text).
    step(
        "clippy (wasm32, one language)",
        crate::tools::run(cargo().args([
            "clippy",
            "-p",
            "ouen-app",
            "--features",
            "only-en",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])),
    );
    // On its own and with its own runtime (allocator, panic handler), as `dist` builds it:
    // with the others, cargo would unify features and bring in std's panic handler too.
    step(
        "clippy (wasm32, ouen/cost)",
        crate::tools::run(cargo().args([
            "clippy",
            "-p",
            "ouen-wasm-cost",
            "--features",
            "own-runtime",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])),
    );
    step(
        "cargo test",
        run_counted(cargo().args(["test", "--workspace"]), &mut tally),
    );

    let built = dist::dist();
    let built = match built {
        Ok(d) => d,
        Err(e) => {
            step("dist", Err(e));
            return finish(&tally, &failures);
        }
    };
    let tests = root.join("tests");
    step("npm ci (tests)", ensure_npm(&tests));
    step(
        "node tests (npm package)",
        run_counted(
            Command::new("node")
                .args(["--test", "--test-reporter=tap"])
                .arg("node/")
                .current_dir(&tests)
                .env("OUEN_NPM", &built.npm),
            &mut tally,
        ),
    );
    step(
        "tsc (declarations)",
        crate::tools::run(
            Command::new(tests.join("node_modules/.bin/tsc"))
                .args(["-p", "types/tsconfig.json"])
                .current_dir(&tests),
        ),
    );

    if !quick {
        let port = serve::spawn(built.www.clone())?;
        let url = format!("http://127.0.0.1:{port}/");
        match ensure_chromium() {
            Ok(chromium) => step(
                "browser e2e",
                run_counted(
                    Command::new("node")
                        .args(["--test", "--test-reporter=tap", "--test-concurrency=1"])
                        .arg("e2e/")
                        .current_dir(&tests)
                        .env("OUEN_URL", &url)
                        .env("OUEN_NPM", &built.npm)
                        .env("CHROMIUM_PATH", chromium),
                    &mut tally,
                ),
            ),
            Err(e) => step("browser e2e", Err(e)),
        }
        // The core flows again in the other engines (tests/engines/): Firefox ESR over
        // WebDriver BiDi, and WebKitGTK (Safari's engine) over WebDriver, under Xvfb.
        for (engine, ensure) in [
            ("firefox", ensure_firefox as fn() -> Result),
            ("webkit", ensure_webkit),
        ] {
            let name = format!("browser e2e ({engine})");
            let r = ensure().and_then(|()| {
                run_counted(
                    Command::new("node")
                        .args(["--test", "--test-reporter=tap"])
                        .arg(format!("engines/{engine}.test.mjs"))
                        .current_dir(&tests)
                        .env("OUEN_URL", &url)
                        .env("OUEN_NPM", &built.npm),
                    &mut tally,
                )
            });
            step(&name, r);
        }
    }
    finish(&tally, &failures)
}

fn finish(tally: &Tally, failures: &[String]) -> Result {
    println!(
        "xtask test: {} passed, {} failed",
        tally.passed, tally.failed
    );
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("failed steps: {}", failures.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::Tally;

    #[test]
    fn reads_runner_summaries() {
        let mut t = Tally::default();
        t.read("test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        t.read("test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out");
        t.read("# pass 7");
        t.read("# fail 1");
        t.read("unrelated 5 passed");
        assert_eq!((t.passed, t.failed), (22, 3));
    }
}
