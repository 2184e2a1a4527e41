//! The app's architecture invariants about what it keeps on the device (ARCHITECTURE.md),
//! read from its source files as `crates/rules/tests/invariants.rs` reads the core's:
//!
//! - `src/storage.rs` is the one place a `localStorage` key (or key prefix) is named: no
//!   other source file writes a `"ouen.…"` literal outside its tests and comments, except
//!   the names of export file formats (constants whose name ends in `FORMAT`);
//! - `src/storage.rs` knows no document: it uses no module of the app but the merge
//!   (`sync`) and the messages (`i18n`), and nothing of the core;
//! - the keys `www/boot.js` and `www/main.js` use before the wasm runs are keys storage names.

use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every Rust source file of the app, in sub-modules' folders and `src/bin` too.
fn sources() -> Vec<PathBuf> {
    let mut dirs = vec![src()];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A file's code lines without its tests (the `#[cfg(test)] mod tests` at the end) and
/// without comment lines (`//`, `///`, `//!`): `(line number, line)`.
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|w| w[0].trim() == "#[cfg(test)]" && w[1].trim_start().starts_with("mod tests"))
        .unwrap_or(lines.len());
    lines[..end]
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, *l))
        .collect()
}

/// Where a key literal appears outside `storage.rs`: `file:line: text`.
fn key_literals_outside_storage() -> Vec<String> {
    let mut found = Vec::new();
    for path in sources() {
        if path == src().join("storage.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in code_lines(&text) {
            let file_format = line.contains("FORMAT: &str =");
            if line.contains("\"ouen.") && !file_format {
                let file = path.strip_prefix(src()).unwrap().display();
                found.push(format!("src/{file}:{n}: {}", line.trim()));
            }
        }
    }
    found
}

#[test]
fn storage_is_the_one_place_a_key_is_named() {
    let found = key_literals_outside_storage();
    assert!(
        found.is_empty(),
        "name the key in src/storage.rs (storage::key or a Doc) and use it from there:\n{}",
        found.join("\n")
    );
    // The scan sees keys: storage.rs itself has them, and code lines only are read.
    let storage = std::fs::read_to_string(src().join("storage.rs")).unwrap();
    assert!(code_lines(&storage)
        .iter()
        .any(|(_, l)| l.contains("\"ouen.plan.drafts\"")));
    let sample = "/// `\"ouen.lang\"`\nconst K: &str = \"ouen.lang\";\n#[cfg(test)]\nmod tests {\n    \"ouen.x\"\n}\n";
    let lines = code_lines(sample);
    assert_eq!(lines, [(2, "const K: &str = \"ouen.lang\";")]);
}

/// The app's own modules a path in `text` names (`crate::form::Form` → `form`, and every name
/// of a `use crate::{a, b::C}` group).
fn crate_modules(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let name = item.trim().split("::").next().unwrap_or("").trim();
                if !name.is_empty() {
                    names.push(name.to_string());
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.push(name);
        }
    }
    names
}

#[test]
fn storage_knows_no_document() {
    // What storage may use: the three-way merge of JSON values, and the messages (a
    // document's name in a notice, why a save failed).
    const ALLOWED: [&str; 3] = ["sync", "i18n", "tf"];
    let storage = std::fs::read_to_string(src().join("storage.rs")).unwrap();
    let code: String = code_lines(&storage)
        .iter()
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    let used = crate_modules(&code);
    assert!(
        used.iter().any(|m| m == "sync"),
        "the scan sees crate paths"
    );
    let documents: Vec<&String> = used
        .iter()
        .filter(|m| !ALLOWED.contains(&m.as_str()))
        .collect();
    assert!(
        documents.is_empty(),
        "src/storage.rs uses {documents:?}: a document is decoded in its own module"
    );
    // Nor anything of the core (its plan drafts and checklist answers are documents too) but
    // its JSON value, which every document is written as.
    let core_uses: Vec<&str> = code
        .match_indices("ouen_rules")
        .map(|(i, _)| &code[i..])
        .collect();
    assert!(!core_uses.is_empty(), "the scan sees the core's JSON");
    assert!(
        core_uses
            .iter()
            .all(|u| u.starts_with("ouen_rules::json::")),
        "src/storage.rs uses the core beyond its JSON value"
    );
    // Its tests neither.
    let tests = &storage[storage.find("#[cfg(test)]").unwrap()..];
    let used = crate_modules(tests);
    assert!(
        used.iter().all(|m| ALLOWED.contains(&m.as_str())),
        "storage's tests use {used:?}"
    );

    assert_eq!(
        crate_modules("use crate::{form::Form, i18n};\nlet x = crate::plan_book::Book::default();"),
        ["form", "i18n", "plan_book"]
    );
}

/// The values of the `"ouen.…"` string constants in `storage.rs`.
fn storage_keys() -> Vec<String> {
    let storage = std::fs::read_to_string(src().join("storage.rs")).unwrap();
    code_lines(&storage)
        .iter()
        .filter(|(_, l)| l.contains("const ") || l.contains("=> \"ouen."))
        .filter_map(|(_, l)| {
            let start = l.find("\"ouen.")? + 1;
            let len = l[start..].find('"')?;
            Some(l[start..start + len].to_string())
        })
        .collect()
}

#[test]
fn the_keys_the_shell_uses_are_keys_storage_names() {
    let keys = storage_keys();
    assert!(keys.iter().any(|k| k == "ouen.lang"), "{keys:?}");
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www");
    let mut seen = 0;
    for name in ["boot.js", "main.js"] {
        let text = std::fs::read_to_string(www.join(name)).unwrap();
        for quote in ['\'', '"'] {
            let open = format!("{quote}ouen.");
            for (i, _) in text.match_indices(&open) {
                let rest = &text[i + 1..];
                let key = &rest[..rest.find(quote).unwrap()];
                assert!(
                    keys.iter().any(|k| k == key),
                    "www/{name} uses the key {key}, which src/storage.rs does not name"
                );
                seen += 1;
            }
        }
    }
    assert!(seen >= 2, "the shell reads the language and the text size");
}
