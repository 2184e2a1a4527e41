//! Text primitives, below every other module: digits as people type them, and the small
//! string helpers that keep a substring searcher per pattern type out of the wasm.

use crate::prelude::*;

/// Full-width digits, signs and separators to ASCII; ideographic spaces to spaces.
pub fn normalize_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '，' | '、' => ',',
            '．' | '。' => '.',
            '－' | '−' | '‐' | 'ー' => '-',
            '／' => '/',
            '％' => '%',
            '＋' => '+',
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// `s.trim_end_matches(chars)` for a set of characters: one small loop for every set, where
/// each pattern type would bring its own searcher into the wasm.
pub(crate) fn trim_end_any<'a>(mut s: &'a str, chars: &[char]) -> &'a str {
    while let Some(c) = s.chars().next_back().filter(|c| chars.contains(c)) {
        s = s.get(..s.len() - c.len_utf8()).unwrap_or_default();
    }
    s
}

/// `s.split_once(pat)`, by plain byte comparison: a match of valid UTF-8 in valid UTF-8 is
/// on character boundaries, so the halves are the same; no substring searcher in the wasm.
pub(crate) fn split_once_str<'a>(s: &'a str, pat: &str) -> Option<(&'a str, &'a str)> {
    let i = s
        .as_bytes()
        .windows(pat.len())
        .position(|w| w == pat.as_bytes())?;
    Some((s.get(..i)?, s.get(i + pat.len()..)?))
}
