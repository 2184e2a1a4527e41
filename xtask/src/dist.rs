//! `cargo xtask dist`: the static site in `dist/www/` and the npm package in `dist/npm/`.
//!
//! Pipeline: cargo builds both wasm crates for wasm32 (release), `wasm-bindgen-cli-support`
//! (pinned to the same version as the `wasm-bindgen` crate) writes the JS glue, binaryen's
//! `wasm-opt -Oz` shrinks the wasm, and the static shell of `www/` is copied beside it.

use crate::tools::{cargo, ensure_wasm_target, run, wasm_opt};
use crate::{root, types, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Dist {
    pub www: PathBuf,
    pub npm: PathBuf,
}

/// `dist/`, or `$OUEN_DIST_DIR` (lets parallel work build without clobbering each other).
pub fn dist_dir() -> PathBuf {
    std::env::var_os("OUEN_DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("dist"))
}

pub fn dist() -> Result<Dist> {
    ensure_wasm_target()?;
    let root = root();
    run(cargo().args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "ouen-app",
        "-p",
        "ouen-wasm",
    ]))?;
    let target = root.join("target/wasm32-unknown-unknown/release");
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

    // The app.
    bindgen(
        &target.join("ouen_app.wasm"),
        &www,
        "ouen_app",
        Target::Web,
        false,
    )?;
    optimize(&opt, &www.join("ouen_app_bg.wasm"))?;
    copy_dir(&root.join("www"), &www)?;

    // The npm package: one wasm per entry (node ESM and browser ESM).
    let rules_wasm = target.join("ouen_wasm.wasm");
    for (sub, t) in [("node", Target::Node), ("web", Target::Web)] {
        let dir = npm.join(sub);
        bindgen(&rules_wasm, &dir, "ouen", t, true)?;
        optimize(&opt, &dir.join("ouen_bg.wasm"))?;
        // wasm-bindgen's own declarations are skipped: ours come from the Rust types.
        let _ = fs::remove_file(dir.join("ouen.d.ts"));
        let _ = fs::remove_file(dir.join("ouen_bg.wasm.d.ts"));
    }
    write_package(&npm)?;
    eprintln!("dist: wrote {} and {}", www.display(), npm.display());
    Ok(Dist { www, npm })
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
    run(Command::new(wasm_opt)
        .arg("-Oz")
        .arg(wasm)
        .arg("-o")
        .arg(wasm)
        .args([
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ]))
}

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

fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("write {}: {e}", path.display()))
}

fn workspace_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

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
  "sideEffects": false,
  "engines": {{ "node": ">=20" }},
  "exports": {{
    ".": {{
      "types": "./index.d.ts",
      "node": "./node.js",
      "browser": "./web.js",
      "default": "./web.js"
    }},
    "./ouen_bg.wasm": "./web/ouen_bg.wasm",
    "./package.json": "./package.json"
  }},
  "main": "./node.js",
  "types": "./index.d.ts",
  "files": ["node.js", "web.js", "index.d.ts", "web.d.ts", "node/", "web/", "README.md", "LICENSE"],
  "keywords": ["subsidy", "japan", "sme", "wasm", "デジタル化"]
}}
"#
        ),
    )?;
    let decls = types::declarations();
    write(&npm.join("index.d.ts"), &decls)?;
    write(
        &npm.join("web.d.ts"),
        &format!(
            "{decls}\n/** Browsers: call once (await) before the other functions. */\nexport default function init(module_or_path?: {{ module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module }}): Promise<unknown>;\n/** Synchronous init from bytes or a compiled module. */\nexport function initSync(module: {{ module: BufferSource | WebAssembly.Module }}): unknown;\n"
        ),
    )?;
    write(
        &npm.join("node.js"),
        "// Node ≥ 20: the wasm is instantiated synchronously on import; no init call needed.\nexport { simulate, classifySme, programmesOn, rulesetInfo } from './node/ouen.js';\n",
    )?;
    write(
        &npm.join("web.js"),
        "// Browsers and bundlers: `await init()` once, then call the functions.\nexport { default, initSync, simulate, classifySme, programmesOn, rulesetInfo } from './web/ouen.js';\n",
    )?;
    write(&npm.join("README.md"), PARTNER_README)?;
    fs::copy(root().join("LICENSE"), npm.join("LICENSE")).map_err(|e| format!("LICENSE: {e}"))?;
    Ok(())
}

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

Bundlers (Vite, webpack) pick `web.js` through the `exports` map; call `await init()` first.

## Input errors

Every function throws an `Error` named `OuenInputError` with `field` (the input field at
fault, e.g. `smePriorHonorarium`), a message in Japanese (or English with
`{ locale: 'en' }`), and `errors` (every problem found).

Types: see `index.d.ts`.
"#;
