//! The architecture's invariants, checked on both crates of the rules: `ouen-core` (the
//! primitives and rules layers) and `ouen-rules` (content and documents, on the core). Neither
//! depends on a web crate or on serde_json in a wasm build, neither does IO, no import runs
//! upward through the four layers, and the small `ouen/cost` wasm (`ouen-wasm-cost`) depends on
//! the core alone.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
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

/// The packages of the rules, and the folder of each under `crates/`.
const PACKAGES: &[(&str, &str)] = &[("ouen-core", "core"), ("ouen-rules", "rules")];

/// `crates/<dir>`.
fn crate_dir(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir)
}

/// Every package `package` pulls into a wasm build (normal dependencies, transitively, with
/// the features cargo actually resolves for it alone), as `cargo tree` lists them.
fn normal_dependency_closure(package: &str) -> BTreeSet<String> {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--package",
            package,
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
        .filter(|n| *n != package)
        .map(str::to_string)
        .collect()
}

#[test]
fn rules_never_depends_on_web_crates() {
    for (package, _) in PACKAGES {
        let deps = normal_dependency_closure(package);
        assert!(deps.contains("rust_decimal"), "closure computed: {deps:?}");
        for f in FORBIDDEN {
            assert!(
                !deps
                    .iter()
                    .any(|d| d == f || d.starts_with(&format!("{f}-"))),
                "{package} must not depend on {f} (found in {deps:?})"
            );
        }
    }
}

/// The core reads and writes its JSON itself (`json.rs`): serde_json's value, parser and
/// writer weighed 15–50 KB of each page's wasm. It stays a dev-dependency (the tests'
/// reference) and a build-dependency (both `build.rs`), which no wasm links.
#[test]
fn rules_never_depends_on_serde_json() {
    for package in PACKAGES.iter().map(|(p, _)| *p).chain(["ouen-wasm-cost"]) {
        let deps = normal_dependency_closure(package);
        assert!(deps.contains("serde"), "closure computed: {deps:?}");
        assert!(
            !deps.contains("serde_json"),
            "{package} must not depend on serde_json (found in {deps:?})"
        );
    }
}

/// The small `ouen/cost` wasm is the core alone: the content and documents (`ouen-rules`) never
/// reach it, whatever their features.
#[test]
fn the_small_wasm_depends_on_the_core_only() {
    let deps = normal_dependency_closure("ouen-wasm-cost");
    assert!(
        deps.contains("ouen-core"),
        "ouen-wasm-cost must depend on ouen-core (found {deps:?})"
    );
    assert!(
        !deps.contains("ouen-rules"),
        "ouen-wasm-cost must not depend on ouen-rules (found in {deps:?})"
    );
    // And the core itself stands on its own.
    let core = normal_dependency_closure("ouen-core");
    assert!(
        !core.iter().any(|d| d.starts_with("ouen-")),
        "ouen-core depends on no other crate of ouen (found in {core:?})"
    );
}

/// Every source file of `crates/<dir>/src`, in sub-modules' folders too, with its path
/// relative to `src` and its text.
fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    let src = crate_dir(dir).join("src");
    let mut dirs = vec![src.clone()];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path.strip_prefix(&src).unwrap().to_path_buf(), text));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn rules_sources_do_no_io() {
    for (package, dir) in PACKAGES {
        let mut checked = 0;
        for (path, text) in sources(dir) {
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
                    "{package}: src/{} uses {banned}: the rules must stay pure",
                    path.display()
                );
            }
            checked += 1;
        }
        assert!(checked >= 5, "{package}: only {checked} sources read");
    }
}

/// The layers, bottom first, each in the crate that holds it and with its modules in the order
/// they may use one another: primitives (exact money, ratios, text, JSON, dates and 和暦, input
/// parsing) → rules (parameters, cost split, SME, eligibility), both in `ouen-core` → content
/// (the support catalogue, navigator, checklist, rule catalogue, presets) → documents (the
/// plan and its renderers), both in `ouen-rules`. A module may use the modules before it,
/// never one after: no import runs upward, and there are no circles. Across the crates cargo
/// keeps it so (the core cannot name `ouen-rules`); inside each, this table does.
const LAYERS: &[(&str, &str, &[&str])] = &[
    (
        "primitives",
        "core",
        &[
            "dec", "order", "text", "json", "format", "ratio", "date", "input",
        ],
    ),
    (
        "rules",
        "core",
        &["rule_ids", "params", "cost", "sme", "eligibility", "whatif"],
    ),
    (
        "content",
        "rules",
        &["supports", "navigator", "checklist", "catalogue", "presets"],
    ),
    ("documents", "rules", &["document", "docx", "plan"]),
];

/// The top-level module of each source file of `crates/<dir>` (`sme/reference.rs` belongs to
/// `sme`), with its text.
fn modules(dir: &str) -> Vec<(String, String)> {
    sources(dir)
        .into_iter()
        .map(|(rel, text)| {
            let top = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy()
                .into_owned();
            (top.trim_end_matches(".rs").to_string(), text)
        })
        .collect()
}

/// Code without its line comments.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first path segment of every `<root>::…` a source names, outside comments (`root` is
/// `crate` or a crate's name): `crate::cost::simulate` → `cost`, `crate::{Date, params::X}` →
/// `Date`, `params`.
fn paths_under(text: &str, root: &str) -> BTreeSet<String> {
    let code = code(text);
    let prefix = format!("{root}::");
    let mut out = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find(&prefix) {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + prefix.len()..];
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

/// The first path segment of every `crate::…` a source names.
fn crate_paths(text: &str) -> BTreeSet<String> {
    paths_under(text, "crate")
}

/// What a `lib.rs` re-exports at its root: each name with the path it comes from
/// (`pub use date::Date;` → `("Date", "date")`; `pub use ouen_core::{cost, Locale};` →
/// `("cost", "ouen_core")`, `("Locale", "ouen_core")`). Statements may span lines.
fn root_reexports(lib: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for statement in code(lib).split(';') {
        // After any attributes (`#[cfg(…)]`) on the lines before it.
        let Some(rest) = statement
            .lines()
            .map(str::trim)
            .position(|l| l.starts_with("pub use "))
            .map(|i| statement.lines().skip(i).collect::<Vec<_>>().join("\n"))
        else {
            continue;
        };
        let rest = rest.trim().trim_start_matches("pub use ");
        let Some((from, names)) = rest.split_once("::") else {
            continue;
        };
        for name in names
            .trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace())
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            out.push((name.to_string(), from.to_string()));
        }
    }
    out
}

/// The layer of `module` and its place in it, if it is a module of a layer.
fn rank(module: &str) -> Option<(usize, usize)> {
    LAYERS
        .iter()
        .enumerate()
        .find_map(|(l, (_, _, mods))| mods.iter().position(|m| *m == module).map(|i| (l, i)))
}

/// The module a root-level name of the core stands for (`Date` → `date`), or `None` for an
/// item of the core's root itself (`Locale`, `prelude`), which every layer may use.
fn core_module_of(name: &str, core_reexports: &[(String, String)]) -> Option<String> {
    if rank(name).is_some() {
        return Some(name.to_string());
    }
    core_reexports
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, m)| m.clone())
}

/// What a crate's sources import against the order of [`LAYERS`]: `dir` is the crate's folder,
/// `modules` its sources by module, `core_reexports` and `rules_reexports` what each `lib.rs`
/// re-exports. Returns how many imports between modules were seen, and the violations.
fn upward_imports(
    dir: &str,
    modules: &[(String, String)],
    core_reexports: &[(String, String)],
    rules_reexports: &[(String, String)],
) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut violations = Vec::new();
    for (module, text) in modules {
        if module == "lib" {
            continue;
        }
        let Some(own) = rank(module) else {
            panic!("crates/{dir}/src/{module}: put the module in a layer of LAYERS (tests/invariants.rs)");
        };
        let (layer, holder, _) = LAYERS[own.0];
        assert_eq!(
            holder, dir,
            "{module} ({layer}) is in crates/{dir}, but its layer is crates/{holder}'s"
        );
        // What each path names: in the core, `crate::` is the core; in `ouen-rules`, `crate::`
        // is its own modules and what its root re-exports from the core, and `ouen_core::` the
        // core.
        let mut targets = Vec::new();
        for seg in crate_paths(text) {
            let target = if rank(&seg).is_some() {
                Some(seg.clone())
            } else if dir == "core" {
                core_module_of(&seg, core_reexports)
            } else {
                rules_reexports
                    .iter()
                    .find(|(n, _)| *n == seg)
                    .and_then(|(_, from)| {
                        assert_eq!(from, "ouen_core", "ouen-rules re-exports only the core");
                        core_module_of(&seg, core_reexports)
                    })
            };
            targets.push((format!("crate::{seg}"), target));
        }
        if dir == "rules" {
            for seg in paths_under(text, "ouen_core") {
                targets.push((
                    format!("ouen_core::{seg}"),
                    core_module_of(&seg, core_reexports),
                ));
            }
        }
        for (path, target) in targets {
            // An item of a crate's root is below every layer.
            let Some(target) = target else { continue };
            if target == *module {
                continue;
            }
            let to = rank(&target).expect("a re-export names a module of a layer");
            checked += 1;
            if to >= own {
                violations.push(format!(
                    "{module} ({layer}) uses {path} ({}: {target})",
                    LAYERS[to.0].0
                ));
            }
        }
    }
    (checked, violations)
}

#[test]
fn every_module_has_a_layer_and_no_import_runs_upward() {
    let core = modules("core");
    let core_lib = &core.iter().find(|(m, _)| m == "lib").unwrap().1;
    let core_reexports = root_reexports(core_lib);
    assert!(core_reexports
        .iter()
        .any(|(n, m)| n == "Date" && m == "date"));
    let rules = modules("rules");
    let rules_lib = &rules.iter().find(|(m, _)| m == "lib").unwrap().1;
    let rules_reexports = root_reexports(rules_lib);
    assert!(rules_reexports
        .iter()
        .any(|(n, m)| n == "cost" && m == "ouen_core"));

    for (dir, modules) in [("core", &core), ("rules", &rules)] {
        // Every module of a layer is a source of the crate that holds the layer.
        for (layer, holder, mods) in LAYERS {
            if *holder == dir {
                for m in *mods {
                    assert!(
                        modules.iter().any(|(name, _)| name == m),
                        "{layer} names {m}, which crates/{dir}/src does not hold"
                    );
                }
            }
        }
        let (checked, violations) = upward_imports(dir, modules, &core_reexports, &rules_reexports);
        assert!(
            violations.is_empty(),
            "crates/{dir}: imports that run upward or sideways against the order of LAYERS:\n{}",
            violations.join("\n")
        );
        assert!(
            checked > 20,
            "crates/{dir}: only {checked} imports seen: the scan is broken"
        );
    }
}

/// The scan refuses what it must: made-up sources that import upward, inside a crate and from
/// `ouen-rules` into the core's re-exports, and accepts the imports that run downward.
#[test]
fn the_layer_scan_finds_upward_imports() {
    let core_reexports =
        root_reexports("pub use date::Date;\npub use cost::{simulate, Simulation};");
    let rules_reexports = root_reexports(
        "pub use ouen_core::{\n    cost, date,\n};\n#[cfg(x)]\npub use ouen_core::{simulate, Date, Locale};",
    );
    assert_eq!(
        rules_reexports
            .iter()
            .map(|(n, f)| format!("{n}<{f}"))
            .collect::<Vec<_>>(),
        [
            "cost<ouen_core",
            "date<ouen_core",
            "simulate<ouen_core",
            "Date<ouen_core",
            "Locale<ouen_core"
        ]
    );
    let module = |name: &str, text: &str| (name.to_string(), text.to_string());
    let core = [
        module("date", "use crate::format::fill;"),
        module(
            "cost",
            "use crate::{Date, Locale};\nuse crate::params::Params;",
        ),
        // upward, then sideways against the order
        module("input", "use crate::cost::Simulation;"),
        module(
            "params",
            "let x = crate::simulate(y); // crate::sme in a comment",
        ),
    ];
    let (checked, violations) = upward_imports("core", &core, &core_reexports, &rules_reexports);
    assert_eq!(checked, 5);
    assert_eq!(
        violations,
        [
            "input (primitives) uses crate::cost (rules: cost)",
            "params (rules) uses crate::simulate (rules: cost)"
        ]
    );
    let rules = [
        module(
            "navigator",
            "use crate::{Date, Locale};\nuse crate::supports::Need;",
        ),
        // Content importing documents is refused; the core's `cost`, named directly, is below.
        module(
            "checklist",
            "use crate::plan::PlanDraft;\nuse ouen_core::cost::simulate;",
        ),
        module("document", "use crate::docx::render;"),
    ];
    let (checked, violations) = upward_imports("rules", &rules, &core_reexports, &rules_reexports);
    assert_eq!(checked, 5);
    assert_eq!(
        violations,
        [
            "checklist (content) uses crate::plan (documents: plan)",
            "document (documents) uses crate::docx (documents: docx)"
        ]
    );
}

/// The core is below `ouen-rules`: no source of it names the crate above (cargo refuses the
/// dependency anyway; a doc link or a path in a macro would slip past it).
#[test]
fn the_core_never_names_the_crates_above_it() {
    let mut checked = 0;
    for (path, text) in sources("core") {
        assert!(
            !code(&text).contains("ouen_rules"),
            "crates/core/src/{} names ouen_rules: the core is below it",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} sources of the core read");
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
        root.join("../core/src"),
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

    let (_, holder, rules_layer) = LAYERS.iter().find(|(name, _, _)| *name == "rules").unwrap();
    let mut offences = Vec::new();
    let mut scanned = BTreeSet::new();
    for (module, text) in modules(holder) {
        if !rules_layer.contains(&module.as_str()) || module == "rule_ids" {
            continue;
        }
        scanned.insert(module.clone());
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
                        "crates/{holder}/src/{module}: line {}: date {}",
                        n + 1,
                        &line[i..i + 10]
                    ));
                }
            }
            for token in line.split(|c: char| !(c.is_ascii_digit() || c == '_')) {
                let digits: String = token.chars().filter(|c| *c != '_').collect();
                if let Ok(v) = digits.parse::<i64>() {
                    if figures.contains(&v) {
                        offences.push(format!(
                            "crates/{holder}/src/{module}: line {}: figure {token}",
                            n + 1
                        ));
                    }
                }
            }
        }
    }
    // Every module of the rules layer but the generated ids was read.
    assert_eq!(scanned.len(), rules_layer.len() - 1, "read {scanned:?}");
    assert!(
        offences.is_empty(),
        "figures and dates belong in data/parameters.json:\n{}",
        offences.join("\n")
    );
}
