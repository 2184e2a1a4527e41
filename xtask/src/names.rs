//! Short import names for a page's wasm and its glue.
//!
//! wasm-bindgen names every function the wasm imports from its glue after the browser API and
//! a hash (`__wbg_addEventListener_f2d27251d333a631`), once in the wasm's import section and
//! once as a key of the glue's import object. A page imports about 110 of them: the hashes
//! are random hex, which brotli cannot compress, paid in both files. [`shorten_imports`]
//! renames each to `$0`, `$1`, … in both (measured on the simulator: 1.7 KB brotli off the
//! wasm, 1.2 KB off the glue). Nothing else changes: the wasm's other sections are copied
//! byte for byte, and the glue's only use of a name is as its import object's key (a name that
//! is not found there, exactly once and as a whole word, is left alone).

/// Reads an unsigned LEB128 number at `*at`.
fn leb(bytes: &[u8], at: &mut usize) -> Result<u64, String> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at).ok_or("wasm: cut off inside a number")?;
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Ok(n);
        }
    }
    Err("wasm: a number longer than 64 bits".into())
}

fn put_leb(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// `len` bytes at `*at`.
fn take<'a>(bytes: &'a [u8], at: &mut usize, len: u64) -> Result<&'a [u8], String> {
    let len = usize::try_from(len).map_err(|_| "wasm: a length too large")?;
    let end = at.checked_add(len).filter(|&e| e <= bytes.len());
    let end = end.ok_or("wasm: cut off inside a section")?;
    let out = &bytes[*at..end];
    *at = end;
    Ok(out)
}

fn name<'a>(bytes: &'a [u8], at: &mut usize) -> Result<&'a str, String> {
    let len = leb(bytes, at)?;
    std::str::from_utf8(take(bytes, at, len)?).map_err(|_| "wasm: a name that is not UTF-8".into())
}

/// Skips an import's description (function, table, memory, global or tag).
fn skip_desc(bytes: &[u8], at: &mut usize) -> Result<(), String> {
    let kind = *bytes.get(*at).ok_or("wasm: cut off in an import")?;
    *at += 1;
    let limits = |at: &mut usize| -> Result<(), String> {
        let flags = leb(bytes, at)?;
        leb(bytes, at)?;
        if flags & 1 == 1 {
            leb(bytes, at)?;
        }
        Ok(())
    };
    match kind {
        0 => leb(bytes, at).map(drop),
        1 => {
            *at += 1; // the reference type
            limits(at)
        }
        2 => limits(at),
        3 => {
            *at += 2; // the value type and mutability
            Ok(())
        }
        4 => {
            *at += 1; // the attribute
            leb(bytes, at).map(drop)
        }
        k => Err(format!("wasm: unknown import kind {k}")),
    }?;
    if *at > bytes.len() {
        return Err("wasm: cut off in an import".into());
    }
    Ok(())
}

/// Whether `text[i..]` starts a whole word `word` (no name character either side).
fn whole_word_at(text: &str, i: usize, word: &str) -> bool {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    !text[..i].chars().next_back().is_some_and(is_name)
        && !text[i + word.len()..].chars().next().is_some_and(is_name)
}

/// The wasm with every import from `module` that `js` names exactly once renamed to `$<n>`
/// (base 36), and `js` with the same names replaced.
pub fn shorten_imports(wasm: &[u8], js: &str, module: &str) -> Result<(Vec<u8>, String), String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut js = js.to_string();
    let mut at = 8;
    let mut renamed = 0u32;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let len = leb(wasm, &mut at)?;
        let body = take(wasm, &mut at, len)?;
        let body = if id == 2 {
            let mut b = 0;
            let count = leb(body, &mut b)?;
            let mut new = Vec::with_capacity(body.len());
            put_leb(&mut new, count);
            for _ in 0..count {
                let m = name(body, &mut b)?;
                let field = name(body, &mut b)?;
                let desc_start = b;
                skip_desc(body, &mut b)?;
                let found: Vec<usize> = js
                    .match_indices(field)
                    .map(|(i, _)| i)
                    .filter(|&i| whole_word_at(&js, i, field))
                    .collect();
                let short = format!("${}", radix36(renamed));
                let field = if m == module && found.len() == 1 && field.len() > short.len() {
                    js.replace_range(found[0]..found[0] + field.len(), &short);
                    renamed += 1;
                    short.as_str()
                } else {
                    field
                };
                for s in [m, field] {
                    put_leb(&mut new, s.len() as u64);
                    new.extend_from_slice(s.as_bytes());
                }
                new.extend_from_slice(&body[desc_start..b]);
            }
            if b != body.len() {
                return Err("wasm: bytes after the imports".into());
            }
            new
        } else {
            body.to_vec()
        };
        out.push(id);
        put_leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    Ok((out, js))
}

fn radix36(mut n: u32) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit(n % 36, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            return digits.iter().rev().collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module: a type section, then imports (two functions and a table from the glue, a
    /// memory from elsewhere), then a custom section.
    fn module(names: [&str; 3]) -> Vec<u8> {
        let mut imports = vec![4];
        let mut import = |m: &str, f: &str, desc: &[u8]| {
            for s in [m, f] {
                imports.push(s.len() as u8);
                imports.extend_from_slice(s.as_bytes());
            }
            imports.extend_from_slice(desc);
        };
        import("./p_bg.js", names[0], &[0, 0]);
        import("./p_bg.js", names[1], &[0, 0]);
        import("./p_bg.js", names[2], &[1, 0x6f, 1, 2, 9]);
        import("env", "memory", &[2, 0, 17]);
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        m.push(2);
        put_leb(&mut m, imports.len() as u64);
        m.extend_from_slice(&imports);
        m.extend_from_slice(&[0, 4, 1, b'x', 7, 7]);
        m
    }

    #[test]
    fn imports_named_once_in_the_glue_get_short_names_in_both() {
        let long = [
            "__wbg_addEventListener_f2d27251d333a631",
            "__wbg_focus_d5e2fdbdb56416f0",
            "__wbindgen_externrefs_table_0123456789abcdef",
        ];
        let js = format!(
            "const e={{__proto__:null,{}:function(a){{a.x()}},{}:function(){{}}}};\
             // {} is a table, named twice: {}\n",
            long[0], long[1], long[2], long[2]
        );
        let (wasm, glue) = shorten_imports(&module(long), &js, "./p_bg.js").unwrap();
        assert_eq!(wasm, module(["$0", "$1", long[2]]));
        assert_eq!(
            glue,
            format!(
                "const e={{__proto__:null,$0:function(a){{a.x()}},$1:function(){{}}}};\
                 // {} is a table, named twice: {}\n",
                long[2], long[2]
            )
        );
    }

    #[test]
    fn names_found_only_inside_other_words_or_from_other_modules_are_kept() {
        let long = [
            "__wbg_a_0000000000000000",
            "__wbg_b_1111111111111111",
            "memory2",
        ];
        let js = "x.__wbg_a_0000000000000000_more; y__wbg_b_1111111111111111";
        let (wasm, glue) = shorten_imports(&module(long), js, "./p_bg.js").unwrap();
        assert_eq!(wasm, module(long));
        assert_eq!(glue, js);
        let (wasm, _) =
            shorten_imports(&module(long), "__wbg_a_0000000000000000", "other").unwrap();
        assert_eq!(wasm, module(long), "another module's imports");
    }

    #[test]
    fn what_is_not_a_whole_module_is_refused() {
        let m = module(["a", "b", "c"]);
        assert!(shorten_imports(&m[..m.len() - 3], "", "./p_bg.js").is_err());
        assert!(shorten_imports(b"not wasm", "", "./p_bg.js").is_err());
        assert_eq!(radix36(0), "0");
        assert_eq!(radix36(36 + 35), "1z");
    }
}
