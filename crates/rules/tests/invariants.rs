//! The architecture's invariants, checked: `ouen-rules` depends on no web crate and does no IO.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const FORBIDDEN: &[&str] = &[
    "wasm-bindgen",
    "web-sys",
    "js-sys",
    "gloo",
    "yew",
    "serde-wasm-bindgen",
    "getrandom",
];

/// Every package `ouen-rules` pulls into a wasm build (normal dependencies, transitively,
/// with the features cargo actually resolves), as `cargo tree` lists them.
fn normal_dependency_closure() -> BTreeSet<String> {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--package",
            "ouen-rules",
            "--edges",
            "normal",
            "--target",
            "wasm32-unknown-unknown",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "ouen-rules")
        .map(str::to_string)
        .collect()
}

#[test]
fn rules_never_depends_on_web_crates() {
    let deps = normal_dependency_closure();
    assert!(deps.contains("rust_decimal"), "closure computed: {deps:?}");
    for f in FORBIDDEN {
        assert!(
            !deps
                .iter()
                .any(|d| d == f || d.starts_with(&format!("{f}-"))),
            "ouen-rules must not depend on {f} (found in {deps:?})"
        );
    }
}

#[test]
fn rules_sources_do_no_io() {
    // Every source file, in sub-modules' folders too.
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    let mut checked = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for banned in [
            "std::fs",
            "std::net",
            "std::env",
            "std::process",
            "SystemTime",
            "Instant::now",
            "thread_rng",
        ] {
            assert!(
                !text.contains(banned),
                "{} uses {banned}: the rules core must stay pure",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 5);
}
