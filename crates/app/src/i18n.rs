//! The interface's words, in Japanese and English, from one message catalogue.
//!
//! The catalogue is `crates/app/i18n/{ja,en}/<section>.txt` (`key = text`), turned into static
//! tables by `build.rs`; components name a message by its constant (`t(m::HOME_TITLE)`) and
//! never hold a sentence of their own. Placeholders are `{name}`: `tf!(m::X, hours = h)`.
//!
//! The language is the page's: every page is prerendered in Japanese (`/simulator`) and in
//! English (`/en/simulator`). `main.js` remembers the switch's choice (`ouen.lang`) and sends
//! a Japanese address to its English page when English was chosen (`?lang=en` does the
//! same). Every document is saved on each change, so switching loses nothing. Numbers,
//! money and dates follow the language through `ouen_rules` (`yen`, `Date::format`: 和暦
//! beside the Gregorian date in Japanese).

use ouen_rules::Locale;
use std::cell::Cell;
use std::fmt::Display;

/// A message of the catalogue (an index into the generated tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg(u16);

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

thread_local! {
    static LOCALE: Cell<Locale> = const { Cell::new(Locale::Ja) };
}

/// The language of the interface.
pub fn locale() -> Locale {
    LOCALE.with(Cell::get)
}

/// Sets the language (at start, and in tests).
pub fn set_locale(l: Locale) {
    LOCALE.with(|c| c.set(l));
}

/// The message in the current language.
pub fn t(m: Msg) -> &'static str {
    text(m, locale())
}

/// The message in a given language (English falls back to Japanese if a text is missing,
/// which the catalogue test forbids).
pub fn text(m: Msg, l: Locale) -> &'static str {
    let i = m.0 as usize;
    match l {
        Locale::Ja => JA[i],
        Locale::En => EN[i].unwrap_or(JA[i]),
    }
}

/// The message's key (`home.title`).
#[allow(dead_code)]
pub fn key(m: Msg) -> &'static str {
    KEYS[m.0 as usize]
}

/// The message with its `{name}` placeholders filled in; see [`tf!`].
pub fn fill(m: Msg, args: &[(&str, &dyn Display)]) -> String {
    let mut out = t(m).to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// `tf!(m::KEY, name = value, …)`: the message with its placeholders filled in.
#[macro_export]
macro_rules! tf {
    ($m:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::fill($m, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*])
    };
}

/// The two languages, in the order of the switch in the header.
pub const LANGS: [(Locale, &str, &str); 2] =
    [(Locale::Ja, "ja", "日本語"), (Locale::En, "en", "English")];

/// `"ja"` / `"en"`.
pub fn code(l: Locale) -> &'static str {
    match l {
        Locale::Ja => "ja",
        Locale::En => "en",
    }
}

/// The language of the page being shown: its path's (`/en/…` is English). Marks the
/// document's language and title, which the prerendered page already carries.
#[cfg(target_arch = "wasm32")]
pub fn init() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let l = crate::route::locale_of_path(&path);
    set_locale(l);
    if let Some(doc) = window.document() {
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", code(l));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    fn catalogue(lang: &str) -> BTreeMap<String, String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("i18n")
            .join(lang);
        let mut out = BTreeMap::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    continue;
                }
                let (k, v) = line.split_once(" = ").unwrap();
                out.insert(k.trim().to_string(), v.to_string());
            }
        }
        out
    }

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            out.insert(rest[open + 1..open + close].to_string());
            rest = &rest[open + close + 1..];
        }
        out
    }

    #[test]
    fn catalogues_have_the_same_keys() {
        let ja = catalogue("ja");
        let en = catalogue("en");
        let only_ja: Vec<_> = ja.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !ja.contains_key(*k)).collect();
        assert!(only_ja.is_empty(), "no English text for {only_ja:?}");
        assert!(only_en.is_empty(), "no Japanese text for {only_en:?}");
        for (k, v) in &ja {
            assert_eq!(
                placeholders(v),
                placeholders(&en[k]),
                "placeholders differ in `{k}`"
            );
            assert!(!en[k].trim().is_empty(), "`{k}` is empty in English");
        }
        assert_eq!(ja.len(), KEYS.len());
    }

    #[test]
    fn english_texts_are_english() {
        // A Japanese sentence pasted into the English catalogue would pass the key test.
        // Japanese names may appear in brackets after their English name.
        for (k, v) in catalogue("en") {
            let mut depth = 0i32;
            let mut outside = String::new();
            for c in v.chars() {
                match c {
                    '(' | '（' | '「' => depth += 1,
                    ')' | '）' | '」' => depth -= 1,
                    _ if depth == 0 => outside.push(c),
                    _ => {}
                }
            }
            let kana = outside
                .chars()
                .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
            assert!(
                !kana,
                "`{k}` in the English catalogue has Japanese outside brackets: {v}"
            );
        }
    }

    fn sources() -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let mut out = Vec::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
        out
    }

    #[test]
    fn components_hold_no_japanese_text() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        for path in sources() {
            let rel = path
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel == "i18n.rs" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("#[cfg(test)]") {
                    break; // tests may check Japanese output
                }
                let code = line.split("//").next().unwrap_or("");
                if code.chars().any(|c| {
                    ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)
                }) {
                    found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
                }
            }
        }
        assert!(
            found.is_empty(),
            "text outside the catalogue:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn every_message_is_used() {
        let all: String = sources()
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        let unused: Vec<_> = KEYS
            .iter()
            .filter(|k| {
                let c = k.replace('.', "_").to_ascii_uppercase();
                !all.contains(&format!("m::{c}"))
            })
            .collect();
        assert!(unused.is_empty(), "messages no component uses: {unused:?}");
    }

    #[test]
    fn placeholders_are_filled_and_languages_switch() {
        set_locale(Locale::En);
        assert_eq!(t(m::APP_LANG_SWITCH), "Language");
        set_locale(Locale::Ja);
        assert_eq!(t(m::APP_LANG_SWITCH), "言語");
        assert_eq!(
            crate::tf!(m::APP_STAMP, version = "2021.2", hash = "abc"),
            "ルール版 2021.2（abc）"
        );
        assert_eq!(key(m::APP_STAMP), "app.stamp");
    }
}
