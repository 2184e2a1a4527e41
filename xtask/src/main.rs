//! `cargo xtask`: build, serve, package, size and test ouen, with nothing but cargo, node and
//! npm on the machine. Every task installs what it lacks (the wasm target, npm tools,
//! Debian's chromium for browser tests) or says exactly what is missing.

mod bench;
mod dist;
mod fuzz;
mod names;
mod serve;
mod size;
mod test;
mod tools;
mod types;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <task>

Tasks:
  serve [--port N]   release build, then serve dist/www on http://127.0.0.1:8080
  dist               release build: dist/www (the app) and dist/npm (the npm package)
  dist-cost          rebuild only dist/npm/cost (the small wasm) and print its size
  dist-page NAME     rebuild only one route's wasm in dist/www/app and print its size
  dist-npm           rebuild only the npm package's full wasm (dist/npm/node, web)
  size               raw / gzip / brotli bytes of every shipped file, and totals
  bench [--no-browser]  size and speed report against budgets and a peer engine
  test               every test: Rust, the npm package in Node, the app in Chromium
  types              print the generated TypeScript declarations
  fuzz [--secs N] [--only TARGET] [--require-afl]
                     replay the fuzz corpus; with cargo-afl, fuzz each target N s (AFL++)
";

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    let result = match task {
        "dist" => dist::dist().map(|_| ()),
        "dist-cost" => dist::dist_cost(),
        "dist-npm" => dist::dist_npm(),
        "dist-page" => dist::dist_page(args.get(1).map(String::as_str).unwrap_or("")),
        "bench" => bench::bench_cmd(rest),
        "bench-native" => bench::native_cmd(),
        "serve" => serve::serve_cmd(rest),
        "size" => size::size_cmd(),
        "test" => test::test_cmd(rest),
        "fuzz" => fuzz::fuzz_cmd(rest),
        "types" => {
            print!("{}", types::declarations());
            Ok(())
        }
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown task '{other}'\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
