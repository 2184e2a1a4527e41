//! `cargo xtask size`: raw, gzip (level 9) and brotli (quality 11) bytes of every shipped
//! file, the app's first-load total, each npm entry point's total (`ouen` and `ouen/cost`), and
//! the rules-only wasm against its 40 KB gzip budget.

use crate::{dist, root, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The rules-only wasm's budget (`ouen/cost`), gzip bytes. 40 KiB until the Phase II budget
/// caveat (NAT-P5), Nagano's start, the typed computation behind `{ explain: false }` and
/// `simulateMany` came in (issue #15): 43 KiB since, measured at 43,492 B. What a partner page
/// with one `<ouen-simulator>` fetches stays within its own 60 KB brotli budget.
pub const RULES_WASM_GZIP_BUDGET: usize = 43 * 1024;

pub struct FileSize {
    pub path: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn measure(bytes: &[u8]) -> (usize, usize) {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(bytes);
    let gzip = gz.finish().map(|v| v.len()).unwrap_or(0);
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut br, &params);
    (gzip, br.len())
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

pub fn sizes(dir: &Path) -> Vec<FileSize> {
    let mut list = Vec::new();
    files(dir, &mut list);
    list.sort();
    list.iter()
        .filter_map(|p| {
            let bytes = fs::read(p).ok()?;
            let (gzip, brotli) = measure(&bytes);
            Some(FileSize {
                path: p.strip_prefix(root()).unwrap_or(p).display().to_string(),
                raw: bytes.len(),
                gzip,
                brotli,
            })
        })
        .collect()
}

/// `tape.js`: the wire of `simulate` and `simulateMany`, which every entry imports.
fn tape(f: &FileSize) -> bool {
    f.path.ends_with("npm/tape.js")
}

fn total<'a>(items: impl Iterator<Item = &'a FileSize>) -> (usize, usize, usize) {
    items.fold((0, 0, 0), |(r, g, b), f| {
        (r + f.raw, g + f.gzip, b + f.brotli)
    })
}

fn row(name: &str, (raw, gzip, brotli): (usize, usize, usize)) -> String {
    format!("{name:<44} {raw:>10} {gzip:>10} {brotli:>10}")
}

/// The report as text (also used by the benchmark report later).
pub fn report() -> Result<String> {
    let base = dist::dist_dir();
    if !base.join("www/index.html").exists()
        || !base.join("npm/package.json").exists()
        || !base.join("npm/cost/web/ouen_cost_bg.wasm").exists()
    {
        dist::dist()?;
    }
    let www = sizes(&base.join("www"));
    let npm = sizes(&base.join("npm"));
    let mut out = String::new();
    out += &format!(
        "{:<44} {:>10} {:>10} {:>10}\n",
        "file (bytes)", "raw", "gzip", "brotli"
    );
    for f in www.iter().chain(npm.iter()) {
        out += &row(&f.path, (f.raw, f.gzip, f.brotli));
        out.push('\n');
    }
    out.push('\n');
    // Each route's first load: its page and what the page links for the first paint and
    // for its wasm (the browser test measures the same as fetched).
    for page in std::iter::once("index.html".to_string())
        .chain(dist::PAGES[1..].iter().map(|p| format!("{p}/index.html")))
        .chain(std::iter::once("en/simulator/index.html".to_string()))
    {
        let linked = first_load(&base.join("www"), &page);
        out += &row(
            &format!("first load of {page}"),
            total(
                www.iter()
                    .filter(|f| linked.iter().any(|n| f.path.ends_with(&format!("www/{n}")))),
            ),
        );
        out.push('\n');
    }
    out += &row("app, every shipped file", total(www.iter()));
    out.push('\n');
    out += &row(
        "npm node entry (node.js + tape.js + node/)",
        total(
            npm.iter()
                .filter(|f| f.path.contains("npm/node") || tape(f)),
        ),
    );
    out.push('\n');
    out += &row(
        "npm browser entry (web.js + tape.js + web/)",
        total(npm.iter().filter(|f| f.path.contains("npm/web") || tape(f))),
    );
    out.push('\n');
    out += &row(
        "npm, a page with one <ouen-simulator>",
        total(npm.iter().filter(|f| {
            f.path.ends_with("npm/elements.js")
                || f.path.ends_with("npm/elements/base.js")
                || f.path.contains("npm/cost/web")
                || tape(f)
        })),
    );
    out.push('\n');
    out += &row(
        "npm cost node entry (cost/node.js + tape.js + node/)",
        total(
            npm.iter()
                .filter(|f| f.path.contains("npm/cost/node") || tape(f)),
        ),
    );
    out.push('\n');
    out += &row(
        "npm cost browser entry (cost/web.js + tape.js + web/)",
        total(
            npm.iter()
                .filter(|f| f.path.contains("npm/cost/web") || tape(f)),
        ),
    );
    out.push('\n');
    out += &row(
        "npm full wasm (web/ouen_bg.wasm)",
        total(
            npm.iter()
                .filter(|f| f.path.ends_with("npm/web/ouen_bg.wasm")),
        ),
    );
    out.push('\n');
    let cost_wasm = total(
        npm.iter()
            .filter(|f| f.path.ends_with("cost/web/ouen_cost_bg.wasm")),
    );
    out += &row(
        "npm rules-only wasm (cost/web/ouen_cost_bg.wasm)",
        cost_wasm,
    );
    out.push('\n');
    out += &row("npm package, every file", total(npm.iter()));
    out.push('\n');
    let gzip = cost_wasm.1;
    out += &format!(
        "\nrules-only wasm budget (gzip <= {RULES_WASM_GZIP_BUDGET}): {gzip} bytes, {}\n",
        if gzip <= RULES_WASM_GZIP_BUDGET {
            format!("within budget ({} %)", gzip * 100 / RULES_WASM_GZIP_BUDGET)
        } else {
            format!(
                "OVER budget by {} bytes ({} %)",
                gzip - RULES_WASM_GZIP_BUDGET,
                gzip * 100 / RULES_WASM_GZIP_BUDGET
            )
        }
    );
    Ok(out)
}

/// The files a prerendered page fetches on a first visit: itself, and the stylesheets,
/// scripts, icon and wasm it links (`href="/…"`, `src="/…"`), but not the manifest, the
/// home-screen icon or the other language's page.
pub fn first_load(www: &Path, page: &str) -> Vec<String> {
    let html = fs::read_to_string(www.join(page)).unwrap_or_default();
    let mut files = vec![page.to_string()];
    for tag in html
        .split('<')
        .filter(|t| t.starts_with("link") || t.starts_with("script"))
    {
        if ["manifest", "apple-touch-icon", "alternate"]
            .iter()
            .any(|rel| tag.contains(&format!("rel=\"{rel}\"")))
        {
            continue;
        }
        for attr in ["href=\"/", "src=\"/"] {
            if let Some(start) = tag.find(attr) {
                let rest = &tag[start + attr.len()..];
                if let Some(end) = rest.find('"') {
                    files.push(rest[..end].to_string());
                }
            }
        }
    }
    // A route's glue fetches its wasm (not preloaded: see `www/index.html`).
    let wasm: Vec<String> = files
        .iter()
        .filter_map(|f| f.strip_prefix("app/")?.strip_suffix(".js"))
        .map(|name| format!("app/{name}_bg.wasm"))
        .filter(|w| !files.contains(w))
        .collect();
    files.extend(wasm);
    files
}

pub fn size_cmd() -> Result {
    print!("{}", report()?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_first_load_is_what_it_links_for_the_first_paint_and_the_wasm_its_glue_fetches() {
        let www = std::env::temp_dir().join(format!("ouen-size-{}", std::process::id()));
        std::fs::create_dir_all(www.join("plan")).unwrap();
        std::fs::write(
            www.join("plan/index.html"),
            r#"<head><script src="/boot.js"></script><link rel="stylesheet" href="/style.css">
<link rel="icon" href="/icon.svg" type="image/svg+xml"><link rel="manifest" href="/manifest.webmanifest">
<link rel="apple-touch-icon" href="/icon-192.png"><link rel="alternate" hreflang="en" href="/en/plan">
<link rel="modulepreload" href="/app/plan.js">
<script type="module" src="/main.js"></script></head>"#,
        )
        .unwrap();
        assert_eq!(
            first_load(&www, "plan/index.html"),
            [
                "plan/index.html",
                "boot.js",
                "style.css",
                "icon.svg",
                "app/plan.js",
                "main.js",
                "app/plan_bg.wasm"
            ]
        );
        let _ = std::fs::remove_dir_all(&www);
    }
}
