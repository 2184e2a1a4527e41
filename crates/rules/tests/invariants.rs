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

/// The core reads and writes its JSON itself (`json.rs`): serde_json's value, parser and
/// writer weighed 15–50 KB of each page's wasm. It stays a dev-dependency (the tests'
/// reference) and a build-dependency (`build.rs`), which no wasm links.
#[test]
fn rules_never_depends_on_serde_json() {
    let deps = normal_dependency_closure();
    assert!(deps.contains("serde"), "closure computed: {deps:?}");
    assert!(
        !deps.contains("serde_json"),
        "ouen-rules must not depend on serde_json (found in {deps:?})"
    );
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

/// The layers of `ouen-rules`, bottom first, each with its modules in the order they may use
/// one another: primitives (exact money, ratios, text, dates and 和暦, input parsing) → rules
/// (parameters, cost split, SME, eligibility) → content (the support catalogue, navigator,
/// checklist, rule catalogue, presets) → documents (the plan and its renderers). A module may
/// use the modules before it, never one after: no import runs upward, and there are no circles.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "primitives",
        &[
            "dec", "order", "text", "json", "format", "ratio", "date", "input",
        ],
    ),
    (
        "rules",
        &["rule_ids", "params", "cost", "sme", "eligibility", "whatif"],
    ),
    (
        "content",
        &["supports", "navigator", "checklist", "catalogue", "presets"],
    ),
    ("documents", &["document", "docx", "plan"]),
];

/// The top-level module of each source file (`sme/reference.rs` belongs to `sme`).
fn modules() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap();
            let top = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy();
            let module = top.trim_end_matches(".rs").to_string();
            out.push((module, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out
}

/// The first path segment of every `crate::…` a source names, outside comments:
/// `crate::cost::simulate` → `cost`, `crate::{Date, params::X}` → `Date`, `params`.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `ouen_crate::`, not ours
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group, up to its closing brace.
            let mut depth = 0;
            let mut item = String::new();
            let mut items = Vec::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => items.push(std::mem::take(&mut item)),
                    _ => {}
                }
                if depth == 0 && c != ',' {
                    item.push(c);
                }
            }
            items.push(item);
            for it in items {
                let seg: String = it
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !seg.is_empty() {
                    out.insert(seg);
                }
            }
        } else {
            let seg: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.insert(seg);
        }
    }
    out
}

/// What `crate::Name` refers to when `Name` is not a module: the module `lib.rs` re-exports it
/// from (`crate::Date` is `date`), or the crate root itself (`Locale`, `prelude`), which every
/// layer may use.
fn root_reexports(lib: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in lib.lines().map(str::trim) {
        let Some(rest) = line.strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        for name in names
            .trim_end_matches(';')
            .trim_matches(|c| c == '{' || c == '}')
            .split(',')
        {
            out.push((name.trim().to_string(), module.to_string()));
        }
    }
    out
}

fn rank(module: &str) -> Option<(usize, usize)> {
    LAYERS
        .iter()
        .enumerate()
        .find_map(|(l, (_, mods))| mods.iter().position(|m| *m == module).map(|i| (l, i)))
}

#[test]
fn every_module_has_a_layer_and_no_import_runs_upward() {
    let modules = modules();
    let lib = &modules.iter().find(|(m, _)| m == "lib").unwrap().1;
    let reexports = root_reexports(lib);
    assert!(reexports.iter().any(|(n, m)| n == "Date" && m == "date"));
    let mut checked = 0;
    let mut violations = Vec::new();
    for (module, text) in &modules {
        if module == "lib" {
            continue;
        }
        let Some(own) = rank(module) else {
            panic!("src/{module}: put the module in a layer of LAYERS (tests/invariants.rs)");
        };
        for seg in crate_paths(text) {
            let target = if rank(&seg).is_some() {
                seg.clone()
            } else if let Some((_, m)) = reexports.iter().find(|(n, _)| *n == seg) {
                m.clone()
            } else {
                continue; // an item of the crate root: below every layer
            };
            if target == *module {
                continue;
            }
            let to = rank(&target).expect("a re-export names a module of a layer");
            checked += 1;
            if to >= own {
                violations.push(format!(
                    "{module} ({}) uses crate::{seg} ({}: {target})",
                    LAYERS[own.0].0, LAYERS[to.0].0
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "imports that run upward or sideways against the order of LAYERS:\n{}",
        violations.join("\n")
    );
    assert!(
        checked > 30,
        "only {checked} imports seen: the scan is broken"
    );
}

#[test]
fn the_layer_scan_sees_imports_in_every_form() {
    let seen = crate_paths(
        "use crate::cost::{simulate, Simulation};\nuse crate::{Date, params::{A, B}, Locale};\n// crate::plan in a comment\nlet x = crate::format::yen(v); // crate::docx",
    );
    let seen: Vec<&str> = seen.iter().map(String::as_str).collect();
    assert_eq!(seen, ["Date", "Locale", "cost", "format", "params"]);
}

/// Every rule id written anywhere (the core's sentences and citations, the app's messages) is a
/// rule of `data/rules.json`: an id that names no rule cannot be cited.
#[test]
fn every_rule_id_written_in_the_code_is_a_rule() {
    use ouen_rules::rule_ids::RuleId;
    let families: BTreeSet<&str> = RuleId::ALL
        .iter()
        .map(|r| r.as_str().split('-').next().unwrap())
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![
        root.join("src"),
        root.join("../app/src"),
        root.join("../app/i18n"),
        root.join("../wasm/src"),
    ];
    let mut seen = 0;
    let mut unknown = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
                let Some((family, rest)) = token.split_once('-') else {
                    continue;
                };
                if !families.contains(family)
                    || !rest
                        .trim_start_matches('P')
                        .starts_with(|c: char| c.is_ascii_digit())
                {
                    continue;
                }
                seen += 1;
                if RuleId::parse(token).is_none() {
                    unknown.push(format!("{}: {token}", path.display()));
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "ids that name no rule:\n{}",
        unknown.join("\n")
    );
    assert!(seen > 150, "only {seen} rule ids seen: the scan is broken");
}

/// No figure or date is written in rule code: the rules layer reads them from
/// `data/parameters.json`. Checked on the modules of the rules layer outside their tests: no
/// `YYYY-MM-DD` literal, and no number that is one of the data's figures (of at least 1,000
/// and not a round unit like 10^8, which is also how 億 is written).
#[test]
fn no_figure_or_date_literal_in_rule_code() {
    let data: serde_json::Value =
        serde_json::from_str(include_str!("../data/parameters.json")).unwrap();
    let mut figures = BTreeSet::new();
    let mut add = |v: &serde_json::Value| {
        let n = v
            .as_i64()
            .or_else(|| v.as_str().and_then(|s| s.parse::<i64>().ok()));
        if let Some(n) = n.filter(|n| *n >= 1000) {
            let mut m = n;
            while m % 10 == 0 {
                m /= 10;
            }
            if m != 1 {
                figures.insert(n);
            }
        }
    };
    for a in data["amounts"].as_array().unwrap() {
        for v in a["values"].as_array().unwrap() {
            add(&v["value"]);
        }
    }
    let sme = &data["smeLimits"];
    for row in sme["industries"].as_array().unwrap() {
        add(&row["capital"]);
    }
    add(&sme["deemedLarge"]["averageTaxableIncome"]);
    assert!(
        figures.contains(&3500)
            && figures.contains(&300_000_000)
            && figures.contains(&1_500_000_000)
    );

    let (_, rules_layer) = LAYERS.iter().find(|(name, _)| *name == "rules").unwrap();
    let mut offences = Vec::new();
    for (module, text) in modules() {
        if !rules_layer.contains(&module.as_str()) || module == "rule_ids" {
            continue;
        }
        // Code only: up to its tests, without comments.
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap();
            let bytes = line.as_bytes();
            for i in 0..bytes.len() {
                let is_date = i + 10 <= bytes.len()
                    && bytes[i..i + 10].iter().enumerate().all(|(j, b)| {
                        if j == 4 || j == 7 {
                            *b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    })
                    && (i == 0 || !bytes[i - 1].is_ascii_digit());
                if is_date {
                    offences.push(format!(
                        "src/{module}.rs:{}: date {}",
                        n + 1,
                        &line[i..i + 10]
                    ));
                }
            }
            for token in line.split(|c: char| !(c.is_ascii_digit() || c == '_')) {
                let digits: String = token.chars().filter(|c| *c != '_').collect();
                if let Ok(v) = digits.parse::<i64>() {
                    if figures.contains(&v) {
                        offences.push(format!("src/{module}.rs:{}: figure {token}", n + 1));
                    }
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "figures and dates belong in data/parameters.json:\n{}",
        offences.join("\n")
    );
}
