//! Turns the message catalogue (`i18n/ja/*.txt`, `i18n/en/*.txt`) into static tables.
//!
//! Format, one message per line: `key = text`. Blank lines and lines starting with `#` are
//! ignored; `\n` in a text is a line break. A key must start with its file's name and a dot
//! (`home.title` lives in `home.txt`), so sections never collide. Placeholders are `{name}`.
//!
//! Japanese is the source: every Japanese key gets a constant in `m` (`home.title` →
//! `m::HOME_TITLE`), so a component naming a missing key does not compile. English entries
//! are looked up by key; one that is missing falls back to Japanese at run time, and the
//! test `i18n::tests::catalogues_have_the_same_keys` fails, so a gap is never shipped.
//!
//! The build fails, naming file and line, on a malformed line, a key outside its section, a
//! duplicate key, or an English key that Japanese does not have.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

type Catalogue = BTreeMap<String, String>;

fn read_dir(dir: &Path) -> Catalogue {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Catalogue::new();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let section = file.file_stem().unwrap().to_string_lossy().to_string();
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(" = ") else {
                panic!("{}:{}: expected `key = text`", file.display(), n + 1);
            };
            let key = key.trim();
            if !key.starts_with(&format!("{section}.")) {
                panic!(
                    "{}:{}: key `{key}` must start with `{section}.`",
                    file.display(),
                    n + 1
                );
            }
            if !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
            {
                panic!(
                    "{}:{}: key `{key}`: use a-z, 0-9, `.` and `_`",
                    file.display(),
                    n + 1
                );
            }
            let value = value.replace("\\n", "\n");
            if out.insert(key.to_string(), value).is_some() {
                panic!("{}:{}: duplicate key `{key}`", file.display(), n + 1);
            }
        }
    }
    out
}

fn const_name(key: &str) -> String {
    key.replace(['.'], "_").to_ascii_uppercase()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    let ja = read_dir(&root.join("ja"));
    let en = read_dir(&root.join("en"));
    if let Some(k) = en.keys().find(|k| !ja.contains_key(*k)) {
        panic!("i18n/en: key `{k}` has no Japanese text in i18n/ja");
    }
    // One constant per message, each pointing at its own texts: a page's wasm links only the
    // messages it names (a table of every message would put all of them in every page).
    // With feature `only-ja` or `only-en` (a page's wasm for one language), each message
    // holds that language's text only.
    let only_ja = env::var_os("CARGO_FEATURE_ONLY_JA").is_some();
    let only_en = env::var_os("CARGO_FEATURE_ONLY_EN").is_some();
    assert!(
        !(only_ja && only_en),
        "features `only-ja` and `only-en` exclude each other"
    );
    let mut out = String::new();
    out.push_str("/// One constant per message (generated from `i18n/ja`).\n#[allow(dead_code)]\npub mod m {\n    use super::{Msg, Texts};\n");
    for (key, ja_text) in &ja {
        let texts = if only_ja {
            format!("text: {ja_text:?}")
        } else if only_en {
            format!("text: {:?}", en.get(key).unwrap_or(ja_text))
        } else {
            let en_text = match en.get(key) {
                Some(v) => format!("Some({v:?})"),
                None => "None".to_string(),
            };
            format!("ja: {ja_text:?}, en: {en_text}")
        };
        writeln!(
            out,
            "    pub const {}: Msg = Msg(&Texts {{ #[cfg(test)] key: {key:?}, {texts} }});",
            const_name(key)
        )
        .unwrap();
    }
    out.push_str("}\n\n");
    writeln!(out, "#[cfg(test)]\nstatic KEYS: [&str; {}] = [", ja.len()).unwrap();
    for key in ja.keys() {
        writeln!(out, "    {key:?},").unwrap();
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("messages.rs"),
        out,
    )
    .unwrap();
}
