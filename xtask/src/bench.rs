//! `cargo xtask bench`: a report of size and speed against budgets and against a peer rules
//! engine (Publicodes), printed and written to `target/bench/report.md`. Benchmarks report;
//! they never fail the test suite.
//!
//! Sections: shipped bytes, each route's first load against its 150 KB brotli target and the
//! npm budgets, the largest contributors to the largest route wasms and the npm wasms (crate
//! by crate, from the name section of the unoptimised build), native speed of the rules core,
//! speed through the JS API in Node beside Publicodes on the same rule, and every route in
//! Chromium at 4× CPU throttling (navigation → usable, keystroke → painted on the simulator,
//! Lighthouse mobile).

use crate::tools::{ensure_chromium, ensure_npm};
use crate::{dist, root, serve, size, Result};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Budgets from the benchmark issue: each route's first load, brotli bytes.
/// In KB of 1,000 bytes, as the issue counts them (and `tests/e2e/pages.test.mjs`).
const ROUTE_FIRST_LOAD_BROTLI: usize = 150 * 1000;
const RULES_WASM_GZIP: usize = size::RULES_WASM_GZIP_BUDGET;
/// How many route wasms get a table of their largest contributors (the largest ones).
const ROUTES_WITH_CONTRIBUTORS: usize = 3;

pub fn bench_cmd(args: &[String]) -> Result {
    let skip_browser = args.iter().any(|a| a == "--no-browser");
    let built = dist::dist()?;
    let mut report = String::from("# ouen benchmark report\n\n");
    let _ = writeln!(
        report,
        "Machine: {} cores. Numbers vary with load; compare runs on a quiet machine.\n",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );

    // Size.
    report += "## Size\n\n```\n";
    report += &size::report()?;
    report += "```\n\n";
    let www = size::sizes(&built.www);
    report += &first_load_section(&built.www, &www);
    let gzip_of = |dir: &Path, name: &str| {
        size::sizes(dir)
            .iter()
            .filter(|f| f.path.ends_with(name))
            .map(|f| f.gzip)
            .sum::<usize>()
    };
    // The budget is for the rules-only entry (`ouen/cost`); the full package is reported too.
    let rules_gzip = gzip_of(&built.npm.join("cost/web"), "ouen_cost_bg.wasm");
    let full_gzip = gzip_of(&built.npm.join("web"), "ouen_bg.wasm");
    let _ = writeln!(
        report,
        "| npm budget | measured | limit | verdict |\n|---|---|---|---|\n| rules-only wasm (`ouen/cost`: simulate, classifySme), gzip | {rules_gzip} | {RULES_WASM_GZIP} | {} |\n| full npm wasm (`ouen`: every function), gzip | {full_gzip} | {RULES_WASM_GZIP} | {} |\n",
        verdict(rules_gzip, RULES_WASM_GZIP),
        verdict(full_gzip, RULES_WASM_GZIP)
    );
    report += &contributors_section(&built.www, &www);

    // Native speed.
    report += "## Rules core, native (release build)\n\n";
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "xtask",
            "--",
            "bench-native",
        ])
        .current_dir(root())
        .output()
        .map_err(|e| format!("bench-native: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "bench-native failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    report += &String::from_utf8_lossy(&out.stdout);
    report.push('\n');

    // Node: JS API beside Publicodes.
    let bench_dir = root().join("tests/bench");
    ensure_npm(&bench_dir)?;
    report += &node_section(
        Command::new("node")
            .arg("node-bench.mjs")
            .current_dir(&bench_dir)
            .env("OUEN_NPM", &built.npm),
    )?;

    // Browser.
    if !skip_browser {
        ensure_npm(&root().join("tests"))?;
        let chromium = ensure_chromium()?;
        let port = serve::spawn(built.www.clone())?;
        report += &node_section(
            Command::new("node")
                .arg("browser-bench.mjs")
                .current_dir(&bench_dir)
                .env("OUEN_URL", format!("http://127.0.0.1:{port}/"))
                .env("OUEN_PAGES", dist::PAGES.join(","))
                .env("CHROMIUM_PATH", chromium),
        )?;
    }

    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("report.md");
    std::fs::write(&path, &report).map_err(|e| e.to_string())?;
    println!("{report}");
    println!("(written to {})", path.display());
    Ok(())
}

fn verdict(v: usize, b: usize) -> String {
    let share = v as f64 * 100.0 / b as f64;
    if v <= b {
        format!("within ({share:.1} % of it)")
    } else {
        format!("**OVER** by {} B ({share:.1} %)", thousands(v - b))
    }
}

/// `153600` → `153,600`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A route's prerendered page under `www/`, in Japanese (`/simulator`) or English
/// (`/en/simulator`); home is `/`.
fn page_of(route: &str, english: bool) -> String {
    let lang = if english { "en/" } else { "" };
    if route == "home" {
        format!("{lang}index.html")
    } else {
        format!("{lang}{route}/index.html")
    }
}

/// Brotli bytes of files under `www` (paths relative to it), from the measured list.
fn brotli_of(www: &Path, files: &[size::FileSize], names: &[String]) -> usize {
    names
        .iter()
        .map(|n| {
            let p = www.join(n);
            let key = p.strip_prefix(root()).unwrap_or(&p).display().to_string();
            files.iter().find(|f| f.path == key).map_or(0, |f| f.brotli)
        })
        .sum()
}

/// Each route's first load (the page and what it links: CSS, boot.js, main.js, icon, the
/// route's wasm and glue; see `size::first_load`), brotli, against the per-route target.
fn first_load_section(www: &Path, files: &[size::FileSize]) -> String {
    let mut out = format!(
        "### First load per route\n\nWhat a first visit to the page fetches before it is usable: the prerendered page and what it links (CSS, `boot.js`, `main.js`, icon, the route's wasm and its glue), brotli (quality 11), against the target of {} B per route. The service worker caches the other pages after the load event; that is not counted.\n\n| route | page | files | first load (ja) | first load (en) | of which wasm + glue | target | verdict |\n|---|---|---|---|---|---|---|---|\n",
        thousands(ROUTE_FIRST_LOAD_BROTLI)
    );
    for route in dist::PAGES {
        let ja = size::first_load(www, &page_of(route, false));
        let en = size::first_load(www, &page_of(route, true));
        let (ja_bytes, en_bytes) = (brotli_of(www, files, &ja), brotli_of(www, files, &en));
        let app: Vec<String> = ja
            .iter()
            .filter(|n| n.starts_with("app/"))
            .cloned()
            .collect();
        let worst = ja_bytes.max(en_bytes);
        let _ = writeln!(
            out,
            "| {route} | /{} | {} | {} | {} | {} | {} | {} |",
            page_of(route, false)
                .trim_end_matches("index.html")
                .trim_end_matches('/'),
            ja.len(),
            thousands(ja_bytes),
            thousands(en_bytes),
            thousands(brotli_of(www, files, &app)),
            thousands(ROUTE_FIRST_LOAD_BROTLI),
            verdict(worst, ROUTE_FIRST_LOAD_BROTLI)
        );
    }
    out.push('\n');
    out
}

/// Code bytes by crate in the largest route wasms (beside the home page's, which every route
/// shares the framework with) and in the npm package's two wasms.
fn contributors_section(www: &Path, files: &[size::FileSize]) -> String {
    let target = dist::wasm_target_dir();
    let mut routes: Vec<(usize, &str)> = dist::PAGES
        .iter()
        .map(|r| (brotli_of(www, files, &[format!("app/{r}_bg.wasm")]), *r))
        .collect();
    routes.sort_by_key(|(bytes, _)| std::cmp::Reverse(*bytes));
    let read = |name: &str| std::fs::read(target.join(format!("{name}.wasm"))).ok();
    // The routes' Japanese wasm (`dist` keeps each language's build apart).
    let read_page =
        |name: &str| std::fs::read(dist::lang_dir("ja").join(format!("{name}.wasm"))).ok();
    let home: BTreeMap<String, (usize, usize)> = read_page("home")
        .map(|w| contributors(&w).into_iter().collect())
        .unwrap_or_default();
    let mut out = String::new();
    for (brotli, route) in routes.into_iter().take(ROUTES_WITH_CONTRIBUTORS) {
        let Some(wasm) = read_page(route) else {
            continue;
        };
        let _ = writeln!(
            out,
            "### Largest contributors: the {route} page's wasm ({} B brotli once optimised)\n\nCode bytes by crate, before wasm-opt (which shrinks all of them), and how many more than in the home page's wasm:\n\n| crate | code bytes | functions | more than home |\n|---|---|---|---|",
            thousands(brotli)
        );
        for (krate, (bytes, count)) in contributors(&wasm).into_iter().take(12) {
            let base = home.get(&krate).map_or(0, |(b, _)| *b);
            let more = if bytes >= base {
                format!("+{}", thousands(bytes - base))
            } else {
                format!("−{}", thousands(base - bytes))
            };
            let _ = writeln!(out, "| {krate} | {} | {count} | {more} |", thousands(bytes));
        }
        out.push('\n');
    }
    for (title, file) in [
        ("full npm wasm (`ouen`)", "ouen_wasm"),
        ("rules-only wasm (`ouen/cost`)", "ouen_wasm_cost"),
    ] {
        if let Some(bytes) = read(file) {
            let _ = writeln!(
                out,
                "### Largest contributors: {title}\n\nCode bytes by crate, before wasm-opt (which shrinks all of them):\n\n| crate | code bytes | functions |\n|---|---|---|"
            );
            for (krate, (bytes, count)) in contributors(&bytes).into_iter().take(12) {
                let _ = writeln!(out, "| {krate} | {} | {count} |", thousands(bytes));
            }
            out.push('\n');
        }
    }
    out
}

fn node_section(cmd: &mut Command) -> Result<String> {
    let out = cmd
        .output()
        .map_err(|e| format!("{}: {e}", crate::tools::describe(cmd)))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        Ok(text)
    } else {
        // A benchmark that could not run is reported, not fatal.
        Ok(format!(
            "{text}\n> {} did not complete: {}\n\n",
            crate::tools::describe(cmd),
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ))
    }
}

/// Native timings of the rules core; run by `bench` in a release build.
pub fn native_cmd() -> Result {
    use ouen_rules::cost::{simulate, Schemes, SimulationInput};
    use ouen_rules::Locale;
    use rust_decimal::Decimal;

    fn time<F: FnMut()>(mut f: F) -> f64 {
        for _ in 0..200 {
            f();
        }
        let mut n = 1000u32;
        loop {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            let el = t.elapsed().as_secs_f64();
            if el > 0.3 || n >= 1 << 24 {
                return el / f64::from(n);
            }
            n *= 4;
        }
    }
    let line = |name: &str, s: f64| format!("| {name} | {:.2} µs | {:.0} |\n", s * 1e6, 1.0 / s);
    let mut out = String::from("| call | per call | calls/s |\n|---|---|---|\n");
    let plan = SimulationInput::new(Decimal::from(6000), Decimal::from(12), Schemes::COMBINED);
    out += &line(
        "simulate (6,000 × 12 h, combined; validated input)",
        time(|| {
            std::hint::black_box(simulate(std::hint::black_box(&plan), Locale::Ja));
        }),
    );
    let raw: ouen_rules::RawSimulationInput = ouen_rules::RawSimulationInput {
        rate: Some("６，０００".into()),
        hours: Some("12".into()),
        schemes: Some(ouen_rules::Value::List(vec![
            "national".into(),
            "nagano".into(),
        ])),
        ..Default::default()
    };
    out += &line(
        "validate + simulate (typed strings)",
        time(|| {
            std::hint::black_box(ouen_rules::simulate_raw(
                std::hint::black_box(&raw),
                Locale::Ja,
            ))
            .ok();
        }),
    );
    let sme = ouen_rules::sme::RawSmeInput {
        org_type: Some("company".into()),
        industry: Some("manufacturing".into()),
        capital: Some(ouen_rules::Value::Number(500_000_000.0)),
        employees: Some(ouen_rules::Value::Number(300.0)),
        ..Default::default()
    };
    out += &line(
        "validate + classifySme (manufacturer)",
        time(|| {
            if let Ok(v) = std::hint::black_box(&sme).validate() {
                std::hint::black_box(ouen_rules::sme::classify(&v, Locale::Ja));
            }
        }),
    );
    out += "\nScaling of `simulate` with hours and segments (segments are at most 3 by design: national cap, Nagano's 24 h):\n\n| hours | segments | per call |\n|---|---|---|\n";
    for hours in [1i64, 24, 100, 1_000, 10_000] {
        let mut p =
            SimulationInput::new(Decimal::from(8250), Decimal::from(hours), Schemes::COMBINED);
        p.sme_prior_honorarium = Decimal::from(290_000);
        let segs = simulate(&p, Locale::Ja).segments.len();
        let t = time(|| {
            std::hint::black_box(simulate(std::hint::black_box(&p), Locale::Ja));
        });
        let _ = writeln!(out, "| {hours} | {segs} | {:.2} µs |", t * 1e6);
    }
    print!("{out}");
    Ok(())
}

/// Code bytes per crate, from the code section and the (mangled) function names.
pub fn contributors(wasm: &[u8]) -> Vec<(String, (usize, usize))> {
    fn leb(b: &[u8], i: &mut usize) -> Option<usize> {
        let (mut r, mut s) = (0usize, 0);
        loop {
            let x = *b.get(*i)?;
            *i += 1;
            r |= usize::from(x & 0x7f) << s;
            s += 7;
            if x < 0x80 {
                return Some(r);
            }
        }
    }
    let mut imported_funcs = 0usize;
    let mut bodies: Vec<usize> = Vec::new();
    let mut names: BTreeMap<usize, String> = BTreeMap::new();
    let mut i = 8;
    while i < wasm.len() {
        let id = wasm[i];
        i += 1;
        let Some(len) = leb(wasm, &mut i) else { break };
        let end = i + len;
        let mut j = i;
        match id {
            2 => {
                // imports: count the function imports
                let n = leb(wasm, &mut j).unwrap_or(0);
                for _ in 0..n {
                    for _ in 0..2 {
                        let l = leb(wasm, &mut j).unwrap_or(0);
                        j += l;
                    }
                    let kind = wasm.get(j).copied().unwrap_or(0);
                    j += 1;
                    match kind {
                        0 => {
                            leb(wasm, &mut j);
                            imported_funcs += 1;
                        }
                        1 => {
                            j += 1;
                            let flags = leb(wasm, &mut j).unwrap_or(0);
                            leb(wasm, &mut j);
                            if flags & 1 == 1 {
                                leb(wasm, &mut j);
                            }
                        }
                        2 => {
                            let flags = leb(wasm, &mut j).unwrap_or(0);
                            leb(wasm, &mut j);
                            if flags & 1 == 1 {
                                leb(wasm, &mut j);
                            }
                        }
                        _ => {
                            j += 2;
                        }
                    }
                }
            }
            10 => {
                let n = leb(wasm, &mut j).unwrap_or(0);
                for _ in 0..n {
                    let l = leb(wasm, &mut j).unwrap_or(0);
                    bodies.push(l);
                    j += l;
                }
            }
            0 => {
                let l = leb(wasm, &mut j).unwrap_or(0);
                let name = std::str::from_utf8(&wasm[j..(j + l).min(end)]).unwrap_or("");
                j += l;
                if name == "name" {
                    while j < end {
                        let sub = wasm[j];
                        j += 1;
                        let sz = leb(wasm, &mut j).unwrap_or(0);
                        let sub_end = j + sz;
                        if sub == 1 {
                            let n = leb(wasm, &mut j).unwrap_or(0);
                            for _ in 0..n {
                                let idx = leb(wasm, &mut j).unwrap_or(0);
                                let l = leb(wasm, &mut j).unwrap_or(0);
                                let s = String::from_utf8_lossy(&wasm[j..(j + l).min(sub_end)]);
                                names.insert(idx, s.into_owned());
                                j += l;
                            }
                        }
                        j = sub_end;
                    }
                }
            }
            _ => {}
        }
        i = end;
    }
    let mut by_crate: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (k, size) in bodies.iter().enumerate() {
        let name = names
            .get(&(k + imported_funcs))
            .map(String::as_str)
            .unwrap_or("?");
        let e = by_crate.entry(crate_of(name)).or_default();
        e.0 += size;
        e.1 += 1;
    }
    let mut v: Vec<_> = by_crate.into_iter().collect();
    v.sort_by_key(|(_, (bytes, _))| std::cmp::Reverse(*bytes));
    v
}

/// The crate a legacy-mangled symbol (`_ZN4core3fmt…`) belongs to; for trait impls
/// (`_$LT$Type$u20$as$u20$Trait$GT$`), the crate of the implementing type.
fn crate_of(symbol: &str) -> String {
    if let Some(v0) = symbol.strip_prefix("_R") {
        // v0 mangling: the first crate root is `C`, an optional `s<base62>_`, then `<len><name>`.
        if let Some(at) = v0.find('C') {
            let mut rest = &v0[at + 1..];
            if let Some(r) = rest.strip_prefix('s') {
                rest = r.split_once('_').map_or(r, |(_, after)| after);
            }
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(len) = digits.parse::<usize>() {
                if let Some(name) = rest.get(digits.len()..digits.len() + len) {
                    return name.to_string();
                }
            }
        }
        return "(generic)".into();
    }
    let Some(rest) = symbol.strip_prefix("_ZN") else {
        return if symbol.starts_with("__") || symbol.contains("memcpy") || symbol.contains("memset")
        {
            "(compiler builtins)".into()
        } else {
            symbol.split("::").next().unwrap_or(symbol).to_string()
        };
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let len: usize = digits.parse().unwrap_or(0);
    let first = &rest[digits.len()..(digits.len() + len).min(rest.len())];
    let first = first
        .trim_start_matches("_$LT$")
        .trim_start_matches("$LT$")
        .trim_start_matches("impl$u20$");
    let krate = first
        .split("..")
        .next()
        .unwrap_or(first)
        .split('$')
        .next()
        .unwrap_or(first);
    if krate.is_empty() {
        "(generic)".into()
    } else {
        krate.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::{crate_of, thousands};

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(153_600), "153,600");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn attributes_symbols_to_crates() {
        assert_eq!(
            crate_of("_ZN10ouen_rules4cost8simulate17h0123E"),
            "ouen_rules"
        );
        assert_eq!(
            crate_of("_ZN103_$LT$serde_wasm_bindgen..de..Deserializer$u20$as$u20$serde_core..de..Deserializer$GT$15deserialize_any17habcE"),
            "serde_wasm_bindgen"
        );
        assert_eq!(crate_of("memcpy"), "(compiler builtins)");
        assert_eq!(
            crate_of(
                "_RNvNtNtNtNtCsgXGp5Oqx2Ny_4core3num7flt2dec8strategy6dragon15format_shortest"
            ),
            "core"
        );
    }
}
