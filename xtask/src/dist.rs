//! `cargo xtask dist`: the static site in `dist/www/` and the npm package in `dist/npm/`.
//!
//! Pipeline: cargo builds both wasm crates for wasm32 (release), `wasm-bindgen-cli-support`
//! (pinned to the same version as the `wasm-bindgen` crate) writes the JS glue, binaryen's
//! `wasm-opt -Oz` shrinks the wasm, and the static shell of `www/` is copied beside it. Last,
//! the service worker (`sw.js`) gets the list of every shipped file and a hash of their bytes,
//! which names its cache: any changed byte makes a new version that replaces the old cache.

use crate::tools::{cargo, ensure_wasm_target, run, wasm_opt};
use crate::{root, types, Result};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Dist {
    pub www: PathBuf,
    pub npm: PathBuf,
}

/// `dist/`, or `$OUEN_DIST_DIR` (lets parallel work build without clobbering each other).
/// An empty or relative value is taken from the repository root, never from the current
/// directory, and an empty one means `dist/`: the build empties its `www/` and `npm/`, so a
/// stray `OUEN_DIST_DIR=` must not point them at the sources.
pub fn dist_dir() -> PathBuf {
    match std::env::var_os("OUEN_DIST_DIR") {
        Some(d) if !d.is_empty() => root().join(d),
        _ => root().join("dist"),
    }
}

/// Where cargo puts the release wasm: `$CARGO_TARGET_DIR` (or `target/`) for wasm32.
pub fn wasm_target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|d| if d.is_relative() { root().join(d) } else { d })
        .unwrap_or_else(|| root().join("target"))
        .join("wasm32-unknown-unknown/release")
}

pub fn dist() -> Result<Dist> {
    ensure_wasm_target()?;
    let root = root();
    // The islands and the npm package's full wasm; then each route's wasm twice, once per
    // language.
    build_islands_and_npm()?;
    build_pages(&PAGES)?;
    // On its own: built with the two above, cargo would unify features and give the small
    // wasm the core's `std` (which `ouen-rules` turns on) and js-sys' `std`, whose panic
    // handler clashes with its own runtime's.
    build_cost_wasm()?;
    let target = wasm_target_dir();
    let out = dist_dir();
    let www = out.join("www");
    let npm = out.join("npm");
    for dir in [&www, &npm] {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| format!("clean {}: {e}", dir.display()))?;
        }
        fs::create_dir_all(dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
    }
    let opt = wasm_opt()?;

    // The app: each route's wasm in `app/`, the static shell, and every page prerendered.
    for page in PAGES {
        page_wasm(&www, &opt, page)?;
    }
    for island in ISLANDS {
        app_wasm(&target.join(format!("{island}.wasm")), &www, &opt, island)?;
    }
    copy_dir(&root.join("www"), &www)?;
    prerender(&root.join("www/index.html"), &www)?;
    precache(&www)?;

    // The npm package: one wasm per entry (node ESM and browser ESM).
    let rules_wasm = target.join("ouen_wasm.wasm");
    for (sub, t) in [("node", Target::Node), ("web", Target::Web)] {
        let dir = npm.join(sub);
        bindgen(&rules_wasm, &dir, "ouen", t, true)?;
        shorten_import_names(&dir, "ouen")?;
        optimize(&opt, &dir.join("ouen_bg.wasm"))?;
        // wasm-bindgen's own declarations are skipped: ours come from the Rust types.
        let _ = fs::remove_file(dir.join("ouen.d.ts"));
        let _ = fs::remove_file(dir.join("ouen_bg.wasm.d.ts"));
    }
    cost_entry(&target, &npm, &opt)?;
    write_package(&npm)?;
    eprintln!("dist: wrote {} and {}", www.display(), npm.display());
    Ok(Dist { www, npm })
}

/// The app's routes, by the name of their wasm (`crates/app/src/bin/<name>.rs`).
pub const PAGES: [&str; 8] = [
    "home",
    "simulator",
    "rules",
    "eligibility",
    "navigator",
    "checklist",
    "plan",
    "settings",
];

/// The islands: parts of a page in a wasm of their own, fetched only when first wanted
/// (`crates/app/src/island.rs`), never in a route's first load.
pub const ISLANDS: [&str; 6] = [
    "handoff_dialog",
    "handoff_import",
    "organiser",
    "plan_docs",
    "seminar_bar",
    "whatif",
];

/// The languages a route's wasm is built for, with the cargo feature of each: the page's
/// wasm holds the messages of its language only (`crates/app/build.rs`).
const LANGS: [(&str, &str); 2] = [("ja", "only-ja"), ("en", "only-en")];

/// The names of a route's two wasm: `<route>` (Japanese) and `<route>_en` (English), as the
/// prerendered pages name them (`data-page`, `crates/app/src/bin/prerender.rs`).
fn page_names(page: &str) -> [(&'static str, String); 2] {
    [("ja", page.to_string()), ("en", format!("{page}_en"))]
}

/// Where one language's build of the routes is kept (cargo writes both to the same path).
pub fn lang_dir(lang: &str) -> PathBuf {
    wasm_target_dir().join("lang").join(lang)
}

/// The islands (the app's bins that are no route; both languages in each) and the npm
/// package's full wasm, in one cargo run.
fn build_islands_and_npm() -> Result {
    let mut args = vec!["-p", "ouen-app", "-p", "ouen-wasm", "--lib"];
    args.extend(ISLANDS.iter().flat_map(|i| ["--bin", i]));
    build_wasm(&args)
}

/// Builds `pages` once per language and keeps each language's wasm in [`lang_dir`].
fn build_pages(pages: &[&str]) -> Result {
    for (lang, feature) in LANGS {
        let mut args = vec!["-p", "ouen-app", "--features", feature];
        args.extend(pages.iter().flat_map(|p| ["--bin", p]));
        build_wasm(&args)?;
        let dir = lang_dir(lang);
        fs::create_dir_all(&dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
        for page in pages {
            let from = wasm_target_dir().join(format!("{page}.wasm"));
            fs::copy(&from, dir.join(format!("{page}.wasm")))
                .map_err(|e| format!("copy {}: {e}", from.display()))?;
        }
    }
    Ok(())
}

/// [`app_wasm`] for both of a route's wasm (built by [`build_pages`]).
fn page_wasm(www: &Path, opt: &Path, page: &str) -> Result {
    for (lang, name) in page_names(page) {
        app_wasm(
            &lang_dir(lang).join(format!("{page}.wasm")),
            www,
            opt,
            &name,
        )?;
    }
    Ok(())
}

/// Bindgen and `wasm-opt` for one route's (or island's) wasm, into `www/app/<name>`.
fn app_wasm(input: &Path, www: &Path, opt: &Path, page: &str) -> Result {
    let app = www.join("app");
    bindgen(input, &app, page, Target::Web, false)?;
    shorten_import_names(&app, page)?;
    // The small wasm's extra passes: about 1.4 KB brotli off the simulator's wasm.
    optimize_with(opt, &app.join(format!("{page}_bg.wasm")), &COST_OPT)?;
    minify(&app.join(format!("{page}.js")))
}

/// Renames the wasm's imports from its glue to `$0`, `$1`, … in both files
/// (`names::shorten_imports`: about 3 KB brotli off every page; the npm package's wasm too).
fn shorten_import_names(dir: &Path, name: &str) -> Result {
    let wasm_path = dir.join(format!("{name}_bg.wasm"));
    let js_path = dir.join(format!("{name}.js"));
    let wasm = fs::read(&wasm_path).map_err(|e| format!("read {}: {e}", wasm_path.display()))?;
    let js =
        fs::read_to_string(&js_path).map_err(|e| format!("read {}: {e}", js_path.display()))?;
    let (wasm, js) = crate::names::shorten_imports(&wasm, &js, &format!("./{name}_bg.js"))?;
    fs::write(&wasm_path, wasm).map_err(|e| format!("write {}: {e}", wasm_path.display()))?;
    write(&js_path, &js)
}

/// terser (pure JavaScript, from the npm registry) over wasm-bindgen's glue for a route: the
/// glue is mostly one small function per browser API the page calls (measured: 41.6 → 18.6 KB,
/// 6.4 → 4.9 KB brotli for the simulator). Names of exports and of the wasm's imports are
/// kept (they are properties, which terser leaves alone).
fn minify(js: &Path) -> Result {
    run(Command::new("node")
        .arg(crate::tools::terser()?)
        .arg(js)
        .args(["--module", "--compress", "--mangle", "-o"])
        .arg(js))
}

/// `cargo xtask dist-page NAME`: rebuilds one route's wasm in an existing `dist/www` and
/// prints its size (a quick loop for size work on one page).
pub fn dist_page(page: &str) -> Result {
    if !PAGES.contains(&page) && !ISLANDS.contains(&page) {
        return Err(format!(
            "dist-page: name one of {}, {}",
            PAGES.join(", "),
            ISLANDS.join(", ")
        ));
    }
    ensure_wasm_target()?;
    let www = dist_dir().join("www");
    let opt = wasm_opt()?;
    // A route in both languages (the Japanese one is profiled and its size printed).
    let input = if PAGES.contains(&page) {
        build_pages(&[page])?;
        page_wasm(&www, &opt, page)?;
        lang_dir("ja").join(format!("{page}.wasm"))
    } else {
        build_wasm(&["-p", "ouen-app", "--bin", page])?;
        let input = wasm_target_dir().join(format!("{page}.wasm"));
        app_wasm(&input, &www, &opt, page)?;
        input
    };
    // With names kept (`-g`, `OUEN_PAGE_PROFILE=1`): `target/.../page-profile/<page>_named.wasm`
    // for `twiggy`, optimized as the shipped one is.
    if std::env::var_os("OUEN_PAGE_PROFILE").is_some() {
        let dir = wasm_target_dir().join("page-profile");
        bindgen(&input, &dir, page, Target::Web, false)?;
        run(Command::new(&opt)
            .args(["-Oz", "-g"])
            .arg(dir.join(format!("{page}_bg.wasm")))
            .arg("-o")
            .arg(dir.join(format!("{page}_named.wasm")))
            .args(OPT_FEATURES)
            .args(COST_OPT))?;
    }
    let wasm = www.join("app").join(format!("{page}_bg.wasm"));
    print_size(&wasm)
}

/// Every route's page in both languages, written over the copied template by the app's
/// prerenderer (Yew's server renderer, natively: `crates/app/src/bin/prerender.rs`).
fn prerender(template: &Path, www: &Path) -> Result {
    run(cargo()
        .args([
            "run",
            "--quiet",
            "-p",
            "ouen-app",
            "--features",
            "ssr",
            "--bin",
            "prerender",
            "--",
        ])
        .arg(template)
        .arg(www))
}

/// The small entry `ouen/cost`: simulate, classifySme and the ruleset stamp only.
fn cost_entry(target: &Path, npm: &Path, opt: &Path) -> Result {
    let cost_wasm = target.join("ouen_wasm_cost.wasm");
    for (sub, t) in [("node", Target::Node), ("web", Target::Web)] {
        let dir = npm.join("cost").join(sub);
        bindgen(&cost_wasm, &dir, "ouen_cost", t, true)?;
        shorten_import_names(&dir, "ouen_cost")?;
        optimize_with(opt, &dir.join("ouen_cost_bg.wasm"), &COST_OPT)?;
        let _ = fs::remove_file(dir.join("ouen_cost.d.ts"));
        let _ = fs::remove_file(dir.join("ouen_cost_bg.wasm.d.ts"));
    }
    Ok(())
}

/// A release build for wasm32 of the packages (and features) in `args`.
fn build_wasm(args: &[&str]) -> Result {
    let mut c = cargo();
    c.args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args(args);
    if let Some(flags) = remap_flags() {
        c.env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", flags);
    }
    run(&mut c)
}

/// The file names that panic locations carry in the wasm (a path per source file that can
/// panic), made relative: the checkout's own path and cargo's registry folder are cut off.
/// The shipped bytes are then the same in any checkout (the size budgets do not depend on
/// where CI clones the repository), and about 60 bytes shorter per file. For the wasm target
/// only, so the host's build scripts keep their cache. `None` when a path holds a space
/// (cargo splits these flags on spaces) or an explicit RUSTFLAGS is set (it would be ignored).
pub fn remap_flags() -> Option<String> {
    if std::env::var_os("RUSTFLAGS").is_some()
        || std::env::var_os("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS").is_some()
    {
        return None;
    }
    let mut prefixes = vec![root()];
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    if let Some(home) = cargo_home {
        // `registry/src/index.crates.io-<hash>/`: one folder per registry.
        if let Ok(dirs) = fs::read_dir(home.join("registry/src")) {
            let mut dirs: Vec<PathBuf> = dirs.flatten().map(|d| d.path()).collect();
            dirs.sort();
            prefixes.extend(dirs);
        }
    }
    let flags: Vec<String> = prefixes
        .iter()
        .map(|p| format!("--remap-path-prefix={}/=", p.display()))
        .collect();
    (!prefixes
        .iter()
        .any(|p| p.display().to_string().contains(' ')))
    .then(|| flags.join(" "))
}

/// The small wasm, built on its own with its own runtime (see `crates/wasm-cost`).
fn build_cost_wasm() -> Result {
    build_wasm(&["-p", "ouen-wasm-cost", "--features", "own-runtime"])
}

/// `cargo xtask dist-cost`: rebuilds only `dist/npm/cost/{node,web}` (the small wasm and its
/// glue) in an existing `dist/npm`, rewrites the package's own files (entries, `tape.js`,
/// elements, README with its size table), and prints the optimized wasm's size. For
/// iterating on the small entry's size without the slow full build.
pub fn dist_cost() -> Result {
    ensure_wasm_target()?;
    build_cost_wasm()?;
    let npm = dist_dir().join("npm");
    let opt = wasm_opt()?;
    for sub in ["node", "web"] {
        let dir = npm.join("cost").join(sub);
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| format!("clean {}: {e}", dir.display()))?;
        }
    }
    cost_entry(&wasm_target_dir(), &npm, &opt)?;
    write_package(&npm)?;
    // With names kept (`-g`): what `twiggy` or the name section show after wasm-opt.
    if std::env::var_os("OUEN_COST_PROFILE").is_some() {
        let dir = wasm_target_dir().join("cost-profile");
        bindgen(
            &wasm_target_dir().join("ouen_wasm_cost.wasm"),
            &dir,
            "ouen_cost",
            Target::Web,
            false,
        )?;
        let named = dir.join("ouen_cost_bg.wasm");
        run(Command::new(&opt)
            .args(["-Oz", "-g"])
            .arg(&named)
            .arg("-o")
            .arg(dir.join("ouen_cost_named.wasm"))
            .args(OPT_FEATURES)
            .args(COST_OPT))?;
    }
    let wasm = npm.join("cost/web/ouen_cost_bg.wasm");
    print_size(&wasm)
}

/// `cargo xtask dist-npm`: rebuild only the npm package's full wasm (`dist/npm/node` and
/// `web`) in an existing dist, e.g. after a change to `crates/wasm`, and rewrite the
/// package's own files as `dist-cost` does.
pub fn dist_npm() -> Result {
    ensure_wasm_target()?;
    // The same cargo run as `dist` (features unify the same way); the islands are cached.
    build_islands_and_npm()?;
    let npm = dist_dir().join("npm");
    let opt = wasm_opt()?;
    let rules_wasm = wasm_target_dir().join("ouen_wasm.wasm");
    for (sub, t) in [("node", Target::Node), ("web", Target::Web)] {
        let dir = npm.join(sub);
        for f in ["ouen.js", "ouen_bg.wasm"] {
            let _ = fs::remove_file(dir.join(f));
        }
        bindgen(&rules_wasm, &dir, "ouen", t, true)?;
        shorten_import_names(&dir, "ouen")?;
        optimize(&opt, &dir.join("ouen_bg.wasm"))?;
        let _ = fs::remove_file(dir.join("ouen.d.ts"));
        let _ = fs::remove_file(dir.join("ouen_bg.wasm.d.ts"));
    }
    write_package(&npm)?;
    print_size(&npm.join("web/ouen_bg.wasm"))
}

/// Prints a built wasm's raw, gzip and brotli bytes (the quick size loops).
fn print_size(wasm: &Path) -> Result {
    let bytes = fs::read(wasm).map_err(|e| format!("read {}: {e}", wasm.display()))?;
    let (gz, br) = crate::size::measure(&bytes);
    println!(
        "{}: {} raw, {gz} gzip, {br} brotli",
        wasm.display(),
        bytes.len()
    );
    Ok(())
}

#[derive(Clone, Copy)]
enum Target {
    Web,
    Node,
}

fn bindgen(input: &Path, out: &Path, name: &str, target: Target, typescript: bool) -> Result {
    let mut b = wasm_bindgen_cli_support::Bindgen::new();
    b.input_path(input)
        .out_name(name)
        .typescript(typescript)
        .omit_default_module_path(false);
    match target {
        Target::Web => b.web(true),
        Target::Node => b.nodejs_module(true),
    }
    .map_err(|e| format!("wasm-bindgen: {e:#}"))?;
    b.generate(out)
        .map_err(|e| format!("wasm-bindgen {}: {e:#}", input.display()))
}

fn optimize(wasm_opt: &Path, wasm: &Path) -> Result {
    optimize_with(wasm_opt, wasm, &[])
}

fn optimize_with(wasm_opt: &Path, wasm: &Path, extra: &[&str]) -> Result {
    // `OUEN_WASM_NAMES=1`: keep the function names, for a profile that names them (the sizes
    // are then not the shipped ones).
    let names = std::env::var_os("OUEN_WASM_NAMES").is_some_and(|v| v == "1");
    run(Command::new(wasm_opt)
        .arg("-Oz")
        .args(names.then_some("-g"))
        .arg(wasm)
        .arg("-o")
        .arg(wasm)
        .args(OPT_FEATURES)
        .args(extra))
}

/// The extra `wasm-opt` flags of the small wasm and the app's (measured: a few hundred bytes on
/// the small wasm, 1.4 KB brotli on the simulator's): repeat the passes
/// until nothing shrinks, drop the tool-only `producers` and `target_features` sections, and
/// let loads and stores fold constant address offsets (`--low-memory-unused`: rustc's wasm
/// layout puts the 1 MB stack at the bottom of memory, so the first 1 KB is touched only by a
/// stack already overflowing; -160 B gzip).
const COST_OPT: [&str; 4] = [
    "--converge",
    "--strip-producers",
    "--strip-target-features",
    "--low-memory-unused",
];

const OPT_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

fn copy_dir(from: &Path, to: &Path) -> Result {
    for entry in fs::read_dir(from).map_err(|e| format!("read {}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            fs::create_dir_all(&dst).map_err(|e| e.to_string())?;
            copy_dir(&src, &dst)?;
        } else {
            fs::copy(&src, &dst).map_err(|e| format!("copy {}: {e}", src.display()))?;
        }
    }
    Ok(())
}

/// Fills in `sw.js`'s `__PRECACHE__` (every shipped file but itself) and `__VERSION__` (the
/// content hash) in the built site.
fn precache(www: &Path) -> Result {
    let sw = www.join("sw.js");
    let template = fs::read_to_string(&sw).map_err(|e| format!("read {}: {e}", sw.display()))?;
    let files = shipped_files(www)?;
    let version = content_hash(www, &files)?;
    let text = inject(&template, &files, &version)?;
    write(&sw, &text)?;
    eprintln!(
        "dist: service worker precaches {} files (version {version})",
        files.len()
    );
    Ok(())
}

/// Every file under `www` except the service worker itself, as sorted `/`-separated paths.
fn shipped_files(www: &Path) -> Result<Vec<String>> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result {
        for entry in fs::read_dir(dir).map_err(|e| format!("read {}: {e}", dir.display()))? {
            let entry = entry.map_err(|e| e.to_string())?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{rel}/"), out)?;
            } else if rel != "sw.js" {
                out.push(rel);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(www, "", &mut files)?;
    files.sort();
    Ok(files)
}

/// 16 hex digits of SHA-256 over every file's path, length and bytes, in order.
fn content_hash(www: &Path, files: &[String]) -> Result<String> {
    let mut h = Sha256::new();
    for f in files {
        let bytes = fs::read(www.join(f)).map_err(|e| format!("read {f}: {e}"))?;
        h.update(f.as_bytes());
        h.update([0]);
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(&bytes);
    }
    Ok(h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// The service worker with its placeholders replaced; an error if one is missing.
fn inject(template: &str, files: &[String], version: &str) -> Result<String> {
    for placeholder in ["__PRECACHE__", "__VERSION__"] {
        if !template.contains(placeholder) {
            return Err(format!("www/sw.js lacks its {placeholder} placeholder"));
        }
    }
    let list = files
        .iter()
        .map(|f| format!("  {f:?},"))
        .collect::<Vec<_>>()
        .join("\n");
    Ok(template
        .replace("__PRECACHE__", &format!("[\n{list}\n]"))
        .replace("__VERSION__", version))
}

fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("write {}: {e}", path.display()))
}

fn workspace_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The npm package's manifest, declarations, entry files and README. `sideEffects` names
/// `elements.js`: it is imported for its side effect (registering the custom elements), and a
/// bundler told the whole package is side-effect free drops `import 'ouen/elements'`
/// (`tests/e2e/bundler.test.mjs` builds with Vite and webpack to keep this true). The
/// modules under `elements/` (what the elements share, and the views loaded on demand) have
/// none.
fn write_package(npm: &Path) -> Result {
    let version = workspace_version();
    write(
        &npm.join("package.json"),
        &format!(
            r#"{{
  "name": "ouen",
  "version": "{version}",
  "description": "応援 ouen: digitalization-support cost split and SME check for Japanese SMEs, computed locally in WebAssembly",
  "license": "MIT",
  "type": "module",
  "sideEffects": ["./elements.js"],
  "engines": {{ "node": ">=20" }},
  "exports": {{
    ".": {{
      "types": "./index.d.ts",
      "node": "./node.js",
      "browser": "./web.js",
      "default": "./web.js"
    }},
    "./elements": {{
      "types": "./elements.d.ts",
      "default": "./elements.js"
    }},
    "./cost": {{
      "types": "./cost/index.d.ts",
      "node": "./cost/node.js",
      "browser": "./cost/web.js",
      "default": "./cost/web.js"
    }},
    "./ouen_bg.wasm": "./web/ouen_bg.wasm",
    "./cost/ouen_cost_bg.wasm": "./cost/web/ouen_cost_bg.wasm",
    "./package.json": "./package.json"
  }},
  "main": "./node.js",
  "types": "./index.d.ts",
  "files": ["node.js", "web.js", "tape.js", "elements.js", "elements/", "index.d.ts", "web.d.ts", "elements.d.ts", "node/", "web/", "cost/", "README.md", "LICENSE"],
  "keywords": ["subsidy", "japan", "sme", "wasm", "デジタル化"]
}}
"#
        ),
    )?;
    let decls = types::declarations();
    write(&npm.join("index.d.ts"), &decls)?;
    write(&npm.join("web.d.ts"), &format!("{decls}{INIT_DTS}"))?;
    let cost = npm.join("cost");
    let cost_decls = types::cost_declarations();
    write(&cost.join("index.d.ts"), &cost_decls)?;
    write(&cost.join("web.d.ts"), &format!("{cost_decls}{INIT_DTS}"))?;
    write_entries(npm)?;
    let js = root().join("crates/wasm/js");
    fs::copy(js.join("elements.js"), npm.join("elements.js"))
        .map_err(|e| format!("elements.js: {e}"))?;
    fs::create_dir_all(npm.join("elements")).map_err(|e| format!("elements/: {e}"))?;
    copy_dir(&js.join("elements"), &npm.join("elements"))?;
    write(&npm.join("elements.d.ts"), ELEMENTS_DTS)?;
    write(
        &npm.join("README.md"),
        &format!("{PARTNER_README}{}", size_section(npm)),
    )?;
    fs::copy(root().join("LICENSE"), npm.join("LICENSE")).map_err(|e| format!("LICENSE: {e}"))?;
    Ok(())
}

/// The entry files (`node.js`, `web.js`, `cost/node.js`, `cost/web.js`) and the wire they
/// share (`tape.js`: `simulate` and `simulateMany` of both entries, see
/// `crates/wasm-cost/src/tape.rs`).
fn write_entries(npm: &Path) -> Result {
    fs::copy(root().join("crates/wasm/js/tape.js"), npm.join("tape.js"))
        .map_err(|e| format!("tape.js: {e}"))?;
    write(
        &npm.join("node.js"),
        "// Node ≥ 20: the wasm is instantiated synchronously on import; no init call needed.\nimport * as wasm from './node/ouen.js';\nimport { wire } from './tape.js';\n\nexport { classifySme, programmesOn, rulesetInfo, checkEligibility, navigator, checklistItems, scoreChecklist, generatePlan, checkPlan } from './node/ouen.js';\nexport const { simulate, simulateMany } = wire(wasm, true);\n",
    )?;
    write(
        &npm.join("web.js"),
        "// Browsers and bundlers: `await init()` once, then call the functions.\nimport * as wasm from './web/ouen.js';\nimport { wire } from './tape.js';\n\nexport { default, initSync, classifySme, programmesOn, rulesetInfo, checkEligibility, navigator, checklistItems, scoreChecklist, generatePlan, checkPlan } from './web/ouen.js';\nexport const { simulate, simulateMany } = wire(wasm, true);\n",
    )?;
    let cost = npm.join("cost");
    write(
        &cost.join("node.js"),
        "// `ouen/cost` for Node ≥ 20: the small wasm (cost split, SME check, ruleset stamp), instantiated on import.\nimport * as wasm from './node/ouen_cost.js';\nimport { wire } from '../tape.js';\n\nexport { rulesetInfo } from './node/ouen_cost.js';\nexport const { simulate, simulateMany, classifySme } = wire(wasm, false);\n",
    )?;
    write(
        &cost.join("web.js"),
        "// `ouen/cost` for browsers and bundlers: `await init()` once, then call the functions.\nimport * as wasm from './web/ouen_cost.js';\nimport { wire } from '../tape.js';\n\nexport { default, initSync, rulesetInfo } from './web/ouen_cost.js';\nexport const { simulate, simulateMany, classifySme } = wire(wasm, false);\n",
    )
}

/// The partner README's size table: what each entry point costs a page, measured on this build.
fn size_section(npm: &Path) -> String {
    let entries: [(&str, &[&str]); 9] = [
        (
            "Node (`node.js` + `tape.js` + `node/`)",
            &["node.js", "tape.js", "node/ouen.js", "node/ouen_bg.wasm"],
        ),
        (
            "Browser ES module (`web.js` + `tape.js` + `web/`)",
            &["web.js", "tape.js", "web/ouen.js", "web/ouen_bg.wasm"],
        ),
        (
            "Custom elements, a page with one `<ouen-simulator>` (`elements.js`, `elements/base.js`, `cost/web.js`, `tape.js`, `cost/web/`)",
            &[
                "elements.js",
                "elements/base.js",
                "cost/web.js",
                "tape.js",
                "cost/web/ouen_cost.js",
                "cost/web/ouen_cost_bg.wasm",
            ],
        ),
        (
            "Custom elements, a page with one `<ouen-eligibility>` (`elements.js`, `elements/base.js`, `elements/eligibility.js`, `cost/web.js`, `tape.js`, `cost/web/ouen_cost.js`, `web/`)",
            &[
                "elements.js",
                "elements/base.js",
                "elements/eligibility.js",
                "cost/web.js",
                "tape.js",
                "cost/web/ouen_cost.js",
                "web/ouen.js",
                "web/ouen_bg.wasm",
            ],
        ),
        (
            "Custom elements, all three on one page (`elements.js`, `elements/`, `cost/web.js`, `tape.js`, `cost/web/`, `web/`)",
            &[
                "elements.js",
                "elements/base.js",
                "elements/eligibility.js",
                "elements/checklist.js",
                "cost/web.js",
                "tape.js",
                "cost/web/ouen_cost.js",
                "cost/web/ouen_cost_bg.wasm",
                "web/ouen.js",
                "web/ouen_bg.wasm",
            ],
        ),
        (
            "The full wasm alone (`web/ouen_bg.wasm`)",
            &["web/ouen_bg.wasm"],
        ),
        (
            "`ouen/cost`, Node (`cost/node.js` + `tape.js` + `cost/node/`)",
            &[
                "cost/node.js",
                "tape.js",
                "cost/node/ouen_cost.js",
                "cost/node/ouen_cost_bg.wasm",
            ],
        ),
        (
            "`ouen/cost`, browser (`cost/web.js` + `tape.js` + `cost/web/`)",
            &[
                "cost/web.js",
                "tape.js",
                "cost/web/ouen_cost.js",
                "cost/web/ouen_cost_bg.wasm",
            ],
        ),
        (
            "`ouen/cost` wasm alone (`cost/web/ouen_cost_bg.wasm`)",
            &["cost/web/ouen_cost_bg.wasm"],
        ),
    ];
    let mut out = String::from(
        "\n## Size\n\nBytes a page downloads for each entry point (this build; `cargo xtask size` in the repository prints them). The package's tests hold a page with one `<ouen-simulator>` to 61,440 B (60 KB) brotli in all, and the small wasm to 44,032 B (43 KiB) gzip:\n\n| entry point | raw | gzip | brotli |\n|---|---|---|---|\n",
    );
    for (name, files) in entries {
        let (mut raw, mut gz, mut br) = (0, 0, 0);
        for f in files {
            if let Ok(bytes) = fs::read(npm.join(f)) {
                let (g, b) = crate::size::measure(&bytes);
                raw += bytes.len();
                gz += g;
                br += b;
            }
        }
        out += &format!("| {name} | {raw} | {gz} | {br} |\n");
    }
    out
}

/// The browser entries' `init` and `initSync` (wasm-bindgen's `web` target).
const INIT_DTS: &str = "\n/** Browsers: call once (await) before the other functions. */\nexport default function init(module_or_path?: { module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module }): Promise<unknown>;\n/** Synchronous init from bytes or a compiled module. */\nexport function initSync(module: { module: BufferSource | WebAssembly.Module }): unknown;\n";

const ELEMENTS_DTS: &str = r#"// Custom elements registered by `import 'ouen/elements'`.
import type { Simulation, Eligibility, ChecklistResult } from './index.js';

/**
 * Resolves once every ouen element connected so far has loaded what it uses (the small wasm
 * for `<ouen-simulator>`, its view and the full wasm for the others; each loaded once per
 * page) and rendered, so its `result` is set; rejects if a load failed. Loads nothing itself.
 */
export function ensureReady(): Promise<unknown>;

/** `<ouen-simulator lang="ja|en" mode="national|combined|nagano" rate="6000" hours="12">`: runs on the small `ouen/cost` wasm. */
export class OuenSimulator extends HTMLElement {
  /** The latest result, or null while the input has errors. */
  result: Simulation | null;
}

/** `<ouen-eligibility lang="ja|en" location="nagano|other" org-type industry capital employees as-of>` */
export class OuenEligibility extends HTMLElement {
  result: Eligibility | null;
}

/** `<ouen-checklist lang="ja|en" business-kind="manufacturing|construction|retail|service|other">` */
export class OuenChecklist extends HTMLElement {
  /** The score once every item is answered, else null. */
  result: ChecklistResult | null;
}

/** `detail` of the `ouen-change` event. */
export type OuenChangeDetail =
  | Simulation
  | Eligibility
  | ChecklistResult
  | { answered: number; total: number }
  | { error: { field: string; message: string } };

declare global {
  interface HTMLElementTagNameMap {
    'ouen-simulator': OuenSimulator;
    'ouen-eligibility': OuenEligibility;
    'ouen-checklist': OuenChecklist;
  }
  interface HTMLElementEventMap {
    'ouen-change': CustomEvent<OuenChangeDetail>;
  }
}
"#;

const PARTNER_README: &str = r#"# ouen (応援)

IT専門家によるデジタル化支援の費用を、国の「中小企業デジタル化応援隊事業」と
「長野県IT・デジタル化補助金」のルールで計算します。計算はすべて WebAssembly の中で行われ、
入力されたデータがどこかへ送信されることはありません。

Splits the cost of an IT expert's support between the national programme, the Nagano top-up
and the SME, and checks the legal SME definition — computed locally, no network calls.

## Node ≥ 20

```js
import { simulate, classifySme } from 'ouen';

const r = simulate({ rate: 6000, hours: 12, schemes: ['national', 'nagano'] });
r.selfPay;            // 6000
r.subsidies;          // { national: 42000, nagano: 24000 }
r.explanation;        // steps, each citing rule ids (NAT-1, NGN-2, …)

try {
  simulate({ rate: 4000, hours: 0, schemes: ['national'] });
} catch (e) {
  e.field;            // "hours"
  e.message;          // "支援時間：0より大きい数を入力してください。"
}
simulate({ rate: 4000, hours: 10, schemes: ['national'] }, { locale: 'en' });

// Many plans at once (a chart, a table): one call, and no explanation text when only the
// numbers are needed. The amounts are the same as simulate's. This is the fastest way: the
// whole list crosses into the wasm once, as numbers and one string, and the results come back
// the same way (`tape.js`); a plan that is not a plain object of plain values still works,
// through the slower object readers, with the same result or error (`index`: its position).
simulateMany([{ rate: 6000, hours: 12, schemes: ['national'] }, { rate: 8250, hours: 30, schemes: ['national', 'nagano'] }], { explain: false })
  .map((r) => r.selfPay); // [30000, 40500]
```

## Browsers (ES module)

```html
<script type="module">
  import init, { simulate } from './node_modules/ouen/web.js';
  await init();
  console.log(simulate({ rate: '６，０００', hours: 12, schemes: ['national', 'nagano'] }).selfPay);
</script>
```

Under a Content-Security-Policy, wasm needs `script-src 'self' 'wasm-unsafe-eval'`.

Bundlers (Vite, webpack) pick `web.js` through the `exports` map and emit the wasm file found
by `new URL(…, import.meta.url)`; call `await init()` first. The package's tests build a page
that imports `ouen`, `ouen/cost` and `ouen/elements` with Vite and with webpack and run
it in Chromium.

## Drop-in custom elements

```html
<script type="module">import 'ouen/elements';</script>  <!-- or './node_modules/ouen/elements.js' -->
<ouen-simulator lang="ja" mode="combined" rate="6000" hours="12"></ouen-simulator>
<ouen-eligibility lang="ja" location="nagano"></ouen-eligibility>
<ouen-checklist lang="ja" business-kind="retail"></ouen-checklist>
<script type="module">
  document.addEventListener('ouen-change', (e) => console.log(e.target, e.detail.selfPay));
</script>
```

- `<ouen-simulator>`: `lang` (`ja` | `en`), `mode` (`national` | `combined` | `nagano`) or
  `schemes="national nagano"`, `rate`, `hours` (starting values the visitor can change).
  Event detail: the `simulate` result.
- `<ouen-eligibility>`: `lang`, `location` (`nagano` | `other`), `org-type`, `industry`,
  `capital`, `employees`, `as-of` (YYYY-MM-DD). Event detail: the `checkEligibility` result.
- `<ouen-checklist>`: `lang`, `business-kind` (`manufacturing` | `construction` | `retail` |
  `service` | `other`). Event detail: `{ answered, total }` until complete, then the
  `scoreChecklist` result.
- Changing an attribute re-renders. Every element emits `ouen-change` (bubbles, crosses the
  shadow boundary); while the input is wrong, `detail` is `{ error: { field, message } }`.
- Each element renders in an open shadow root, so the page's CSS cannot break it. Theme it
  with CSS custom properties: `--ouen-accent`, `--ouen-accent-text`, `--ouen-text`,
  `--ouen-muted`, `--ouen-surface`, `--ouen-border`, `--ouen-error`, `--ouen-radius`,
  `--ouen-font`.
- Several elements on one page are independent. Each loads only what it uses, once per page:
  `<ouen-simulator>` runs on the small wasm of `ouen/cost` (same results as the full one);
  `<ouen-eligibility>` and `<ouen-checklist>` fetch their view (`elements/*.js`) and the
  full wasm when the first of them appears. A page with only simulators never fetches the
  full wasm, and the package's tests hold it to 60 KB brotli in all (this build's figures are
  under Size below). Bundlers split the on-demand modules and the full wasm into chunks of
  their own.
- `ensureReady()` (exported by `ouen/elements`) resolves once every element already on the
  page has loaded and rendered, so `element.result` holds its latest result.
- Content-Security-Policy: the one directive needed beyond serving the files from your own
  origin is `script-src 'self' 'wasm-unsafe-eval'`. Styles are constructable stylesheets, so
  `style-src 'self'` needs no `'unsafe-inline'`. The elements build their content from DOM
  nodes and text, never HTML strings, so a page that requires Trusted Types
  (`require-trusted-types-for 'script'; trusted-types 'none'`) needs no policy for them.

## Which entry do I import?

| you need | import | wasm |
|---|---|---|
| the cost split (`simulate`) and/or the SME check (`classifySme`) only | `ouen/cost` | small |
| anything else (`checkEligibility`, `navigator`, checklist, `generatePlan`, `programmesOn`, the full `rulesetInfo`) | `ouen` | full |
| the custom elements | `ouen/elements` | small for `<ouen-simulator>`, full for the others (on demand) |

`ouen/cost` exports `simulate`, `simulateMany`, `classifySme` and `rulesetInfo` (version and hash only), plus
`init`/`initSync` in browsers. Its `simulate` and `classifySme` return exactly what the full
entry's do, and throw the same errors, so switching is a change of the import line:

```js
import { simulate } from 'ouen/cost';                // Node ≥ 20
import init, { simulate } from 'ouen/cost';          // browsers: await init() first
```

Import one entry in your own code, not both: each carries its own wasm.

## Input errors

Every function throws an `Error` named `OuenInputError` with `field` (the input field at
fault, e.g. `smePriorHonorarium`), a message in Japanese (or English with
`{ locale: 'en' }`), and `errors` (every problem found).

Types: see `index.d.ts`.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precache_lists_every_file_and_the_hash_follows_the_bytes() {
        let dir = std::env::temp_dir().join(format!("ouen-precache-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("img")).unwrap();
        fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        fs::write(dir.join("img/icon.png"), [1u8, 2, 3]).unwrap();
        fs::write(
            dir.join("sw.js"),
            "const V = '__VERSION__'; const P = __PRECACHE__;",
        )
        .unwrap();
        let files = shipped_files(&dir).unwrap();
        assert_eq!(files, ["img/icon.png", "index.html"]);
        let v1 = content_hash(&dir, &files).unwrap();
        assert_eq!(v1.len(), 16);
        assert_eq!(content_hash(&dir, &files).unwrap(), v1, "deterministic");
        fs::write(dir.join("index.html"), "<!doctype html> ").unwrap();
        let v2 = content_hash(&dir, &files).unwrap();
        assert_ne!(v1, v2, "a changed byte is a new version");

        precache(&dir).unwrap();
        let sw = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(sw.contains(&format!("const V = '{v2}';")), "{sw}");
        assert!(
            sw.contains("\"img/icon.png\",") && sw.contains("\"index.html\","),
            "{sw}"
        );
        assert!(!sw.contains("__"), "{sw}");
        assert!(inject("no placeholders", &files, &v2).is_err());
        let _ = fs::remove_dir_all(&dir);
    }
}
