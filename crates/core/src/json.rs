//! A small JSON value of ouen's own: the reader and writer of every document the app keeps on
//! the device, exports and imports, and of the plan draft's JSON.
//!
//! serde_json's `Value`, its parser and serde's derived (de)serializers weighed 15–50 KB of
//! each page's wasm; this module is a few KB. It is plain JSON (RFC 8259):
//!
//! - a number is kept as the text it was written with ([`Json::Num`]), checked against the
//!   grammar, never turned into a float: `12`, `-0.5`, `1e3` read back as written, and
//!   integers are read exactly ([`Json::as_u64`]);
//! - an object keeps its members in order ([`Map`]): a document is written in the order its
//!   fields are listed; two objects are equal when they hold the same members in any order;
//!   a key written twice keeps its last value (as serde_json does);
//! - strings are unescaped (`\u` surrogate pairs; a lone surrogate or a raw control
//!   character is an error); nesting deeper than [`MAX_DEPTH`] is refused, so hostile text
//!   cannot exhaust the stack;
//! - [`Json::to_text`] writes compact JSON and [`Json::to_pretty`] two-space indented JSON,
//!   each byte for byte as serde_json writes the same value (tested against it).
//!
//! Documents convert with [`ToJson`] and [`FromJson`]; [`Fields`] reads an object's members
//! the way serde's `#[serde(default)]` did: a missing member (or `null`) keeps its default,
//! one of the wrong type fails the whole document.

use crate::prelude::*;
use alloc::collections::BTreeMap;

/// How deeply arrays and objects may nest (serde_json's limit too).
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Debug, Clone, Default)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    /// A number, as the text it was written with (valid JSON number grammar).
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Map),
}

/// An object's members, in order; keys are unique.
#[derive(Debug, Clone, Default)]
pub struct Map(Vec<(String, Json)>);

impl Map {
    pub fn new() -> Map {
        Map(Vec::new())
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` to `value`: in its place if it is already there, else at the end.
    pub fn insert(&mut self, key: impl Into<String>, value: Json) {
        let key = key.into();
        match self.get_mut(&key) {
            Some(v) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Json> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Json)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl PartialEq for Map {
    /// The same members, in any order.
    fn eq(&self, other: &Map) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<K: Into<String>> FromIterator<(K, Json)> for Map {
    fn from_iter<I: IntoIterator<Item = (K, Json)>>(iter: I) -> Map {
        let mut m = Map::new();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}

impl IntoIterator for Map {
    type Item = (String, Json);
    type IntoIter = alloc::vec::IntoIter<(String, Json)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl PartialEq for Json {
    fn eq(&self, other: &Json) -> bool {
        match (self, other) {
            (Json::Null, Json::Null) => true,
            (Json::Bool(a), Json::Bool(b)) => a == b,
            (Json::Num(a), Json::Num(b)) | (Json::Str(a), Json::Str(b)) => a == b,
            (Json::Arr(a), Json::Arr(b)) => a == b,
            (Json::Obj(a), Json::Obj(b)) => a == b,
            _ => false,
        }
    }
}

static NULL: Json = Json::Null;

/// `v["key"]`: the member, or `null` when there is none (as serde_json's `Value`); never
/// panics.
impl core::ops::Index<&str> for Json {
    type Output = Json;
    fn index(&self, key: &str) -> &Json {
        self.get(key).unwrap_or(&NULL)
    }
}

/// `v[i]`: the item, or `null` when there is none; never panics.
impl core::ops::Index<usize> for Json {
    type Output = Json;
    fn index(&self, i: usize) -> &Json {
        self.as_array().and_then(|a| a.get(i)).unwrap_or(&NULL)
    }
}

/// Where a text stops being JSON (a byte offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonError {
    pub at: usize,
}

// ----- reading values ---------------------------------------------------------------------

impl Json {
    /// An object of `members`, in that order.
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Obj(members.into_iter().collect())
    }

    /// The member `key` of an object (`None` for any other value).
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?.get(key)
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Json::Obj(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Json::Obj(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A number written as a non-negative integer (`12`, not `12.0` or `1e1`) that fits.
    pub fn as_u64(&self) -> Option<u64> {
        let Json::Num(t) = self else { return None };
        let mut n: u64 = 0;
        for b in t.bytes() {
            if !b.is_ascii_digit() {
                return None;
            }
            n = n.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
        Some(n)
    }

    /// A number written as an integer (`-3`) that fits.
    pub fn as_i64(&self) -> Option<i64> {
        let Json::Num(t) = self else { return None };
        match t.strip_prefix('-') {
            Some(rest) => {
                let n = Json::Num(rest.into()).as_u64()?;
                0i64.checked_sub_unsigned(n)
            }
            None => i64::try_from(self.as_u64()?).ok(),
        }
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Json::Arr(_))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Obj(_))
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.into())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::Str(s)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl From<u64> for Json {
    fn from(n: u64) -> Json {
        Json::Num(digits(n))
    }
}

impl From<u32> for Json {
    fn from(n: u32) -> Json {
        Json::from(u64::from(n))
    }
}

impl From<i64> for Json {
    fn from(n: i64) -> Json {
        let mut s = String::new();
        if n < 0 {
            s.push('-');
        }
        s.push_str(&digits(n.unsigned_abs()));
        Json::Num(s)
    }
}

/// The decimal digits of `n`.
fn digits(mut n: u64) -> String {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf[i..].iter().map(|&b| char::from(b)).collect()
}

// ----- documents --------------------------------------------------------------------------

/// A value written as JSON.
pub trait ToJson {
    fn to_json(&self) -> Json;
}

/// A value read from JSON: `None` when the JSON is not one.
pub trait FromJson: Sized {
    fn from_json(v: &Json) -> Option<Self>;
}

impl ToJson for Json {
    fn to_json(&self) -> Json {
        self.clone()
    }
}

impl FromJson for Json {
    fn from_json(v: &Json) -> Option<Json> {
        Some(v.clone())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::Str(self.clone())
    }
}

impl FromJson for String {
    fn from_json(v: &Json) -> Option<String> {
        v.as_str().map(String::from)
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

impl FromJson for bool {
    fn from_json(v: &Json) -> Option<bool> {
        v.as_bool()
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Json {
                Json::from(u64::from(*self))
            }
        }

        impl FromJson for $t {
            fn from_json(v: &Json) -> Option<$t> {
                <$t>::try_from(v.as_u64()?).ok()
            }
        }
    )*};
}
unsigned!(u8, u16, u32, u64);

impl ToJson for usize {
    fn to_json(&self) -> Json {
        Json::from(*self as u64)
    }
}

impl FromJson for usize {
    fn from_json(v: &Json) -> Option<usize> {
        usize::try_from(v.as_u64()?).ok()
    }
}

impl ToJson for i64 {
    fn to_json(&self) -> Json {
        Json::from(*self)
    }
}

impl FromJson for i64 {
    fn from_json(v: &Json) -> Option<i64> {
        v.as_i64()
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        Json::Arr(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json) -> Option<Vec<T>> {
        v.as_array()?.iter().map(T::from_json).collect()
    }
}

/// `None` is `null`.
impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        self.as_ref().map_or(Json::Null, ToJson::to_json)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Json) -> Option<Option<T>> {
        match v {
            Json::Null => Some(None),
            v => T::from_json(v).map(Some),
        }
    }
}

/// A map with text keys is an object (in key order).
impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn to_json(&self) -> Json {
        Json::object(self.iter().map(|(k, v)| (k.clone(), v.to_json())))
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Json) -> Option<BTreeMap<String, T>> {
        v.as_object()?
            .iter()
            .map(|(k, v)| Some((k.clone(), T::from_json(v)?)))
            .collect()
    }
}

/// Reads the members of an object as serde's `#[serde(default)]` did: a missing member or a
/// `null` keeps the field's default; a member of the wrong type fails the whole document
/// (`None`); members nobody asks for are ignored.
#[derive(Clone, Copy)]
pub struct Fields<'a>(pub &'a Map);

impl<'a> Fields<'a> {
    /// The members of `v`, if it is an object.
    pub fn of(v: &'a Json) -> Option<Fields<'a>> {
        v.as_object().map(Fields)
    }

    /// The member `key`: `Some(None)` when missing or `null`, `None` when of the wrong type.
    pub fn opt<T: FromJson>(self, key: &str) -> Option<Option<T>> {
        match self.0.get(key) {
            None | Some(Json::Null) => Some(None),
            Some(v) => T::from_json(v).map(Some),
        }
    }

    /// The member `key`, or `T`'s default when missing or `null`.
    pub fn or_default<T: FromJson + Default>(self, key: &str) -> Option<T> {
        Some(self.opt(key)?.unwrap_or_default())
    }

    /// The member `key`, which must be there.
    pub fn need<T: FromJson>(self, key: &str) -> Option<T> {
        self.opt(key)?
    }
}

// ----- the reader -------------------------------------------------------------------------

impl Json {
    /// Reads a JSON text (whitespace around it allowed, nothing else after it).
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        let mut p = Parser {
            s: text.as_bytes(),
            i: 0,
        };
        let v = p.value(0)?;
        p.ws();
        if p.i != p.s.len() {
            return Err(p.err());
        }
        Ok(v)
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err(&self) -> JsonError {
        JsonError { at: self.i }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        let yes = self.peek() == Some(b);
        if yes {
            self.i += 1;
        }
        yes
    }

    fn word(&mut self, w: &[u8], v: Json) -> Result<Json, JsonError> {
        if self.s[self.i..].starts_with(w) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(self.err())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.ws();
        match self.peek() {
            Some(b'n') => self.word(b"null", Json::Null),
            Some(b't') => self.word(b"true", Json::Bool(true)),
            Some(b'f') => self.word(b"false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(open @ (b'[' | b'{')) => {
                if depth >= MAX_DEPTH {
                    return Err(self.err());
                }
                self.i += 1;
                let close = if open == b'[' { b']' } else { b'}' };
                let mut items = Vec::new();
                let mut map = Map::new();
                if !self.eat(close) {
                    loop {
                        if open == b'[' {
                            items.push(self.value(depth + 1)?);
                        } else {
                            self.ws();
                            if self.peek() != Some(b'"') {
                                return Err(self.err());
                            }
                            let key = self.string()?;
                            if !self.eat(b':') {
                                return Err(self.err());
                            }
                            map.insert(key, self.value(depth + 1)?);
                        }
                        if self.eat(close) {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.err());
                        }
                    }
                }
                Ok(if open == b'[' {
                    Json::Arr(items)
                } else {
                    Json::Obj(map)
                })
            }
            _ => Err(self.err()),
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as written.
    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.i;
        let digits = |p: &mut Parser| {
            let from = p.i;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i - from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.err()),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.err());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.err());
            }
        }
        // Only ASCII was consumed.
        let text = core::str::from_utf8(&self.s[start..self.i]).map_err(|_| self.err())?;
        Ok(Json::Num(text.into()))
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.err()),
            };
            n = n * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(n)
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let from = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            out.extend_from_slice(&self.s[from..self.i]);
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    // The input is a `&str` and escapes push whole characters.
                    return String::from_utf8(out).map_err(|_| self.err());
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let code = match hi {
                                0xD800..=0xDBFF => {
                                    if !self.s[self.i..].starts_with(b"\\u") {
                                        return Err(self.err());
                                    }
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    if !(0xDC00..=0xDFFF).contains(&lo) {
                                        return Err(self.err());
                                    }
                                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                }
                                0xDC00..=0xDFFF => return Err(self.err()),
                                n => n,
                            };
                            let c = char::from_u32(code).ok_or_else(|| self.err())?;
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return Err(self.err()),
                    };
                    self.i += 1;
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                // A raw control character, or the end of the text.
                _ => return Err(self.err()),
            }
        }
    }
}

// ----- the writer -------------------------------------------------------------------------

impl Json {
    /// Compact JSON, as `serde_json::to_string` writes it.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// JSON indented by two spaces, as `serde_json::to_string_pretty` writes it.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// `indent`: `None` for compact, else the current depth.
    fn write(&self, out: &mut String, indent: Option<usize>) {
        let newline = |out: &mut String, depth: usize| {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => quote(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(map) if map.is_empty() => out.push_str("{}"),
            Json::Arr(_) | Json::Obj(_) => {
                let (open, close) = if matches!(self, Json::Arr(_)) {
                    ('[', ']')
                } else {
                    ('{', '}')
                };
                out.push(open);
                let inner = indent.map(|d| d + 1);
                let mut first = true;
                let mut item = |out: &mut String, key: Option<&str>, v: &Json| {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    if let Some(d) = inner {
                        newline(out, d);
                    }
                    if let Some(k) = key {
                        quote(out, k);
                        out.push_str(if inner.is_some() { ": " } else { ":" });
                    }
                    v.write(out, inner);
                };
                match self {
                    Json::Arr(items) => items.iter().for_each(|v| item(out, None, v)),
                    Json::Obj(map) => map.iter().for_each(|(k, v)| item(out, Some(k), v)),
                    _ => {}
                }
                if let Some(d) = indent {
                    newline(out, d);
                }
                out.push(close);
            }
        }
    }
}

/// `s` as a JSON string: `"` and `\` escaped, control characters as `\n`-style escapes or
/// `\u00xx`; everything else as it is.
fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[n >> 4]));
                out.push(char::from(HEX[n & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// serde_json's value as ours (its numbers as serde_json prints them).
    fn ours(v: &serde_json::Value) -> Json {
        match v {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => Json::Num(n.to_string()),
            serde_json::Value::String(s) => Json::Str(s.clone()),
            serde_json::Value::Array(a) => Json::Arr(a.iter().map(ours).collect()),
            serde_json::Value::Object(o) => {
                Json::object(o.iter().map(|(k, v)| (k.clone(), ours(v))))
            }
        }
    }

    fn any_value() -> impl Strategy<Value = serde_json::Value> {
        let text = "[a-z\"\\\\/\u{0}-\u{1f}\u{7f}é日本\u{1F600} ]{0,8}";
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            text.prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 40, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::btree_map(text, inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn writes_and_reads_every_value_as_serde_json_does(v in any_value()) {
            let compact = serde_json::to_string(&v).unwrap();
            let pretty = serde_json::to_string_pretty(&v).unwrap();
            prop_assert_eq!(ours(&v).to_text(), compact.clone());
            prop_assert_eq!(ours(&v).to_pretty(), pretty.clone());
            prop_assert_eq!(Json::parse(&compact), Ok(ours(&v)));
            prop_assert_eq!(Json::parse(&pretty), Ok(ours(&v)));
        }

        #[test]
        fn accepts_exactly_the_texts_serde_json_accepts(
            text in prop_oneof![
                "[ \\[\\]{}:,\"\\\\0-9a-z.eE+\\-\u{1}\u{20}é]{0,16}",
                // Mostly well-formed: tokens in random order.
                prop::collection::vec(
                    prop::sample::select(vec![
                        "[", "]", "{", "}", ":", ",", " ", "\"a\"", "\"\\u00e9\"", "\"\\ud83d\"",
                        "1", "-0", "0.5", "1e3", "01", "1.", "true", "null", "nul", "\"\\n\"",
                    ]),
                    0..12,
                ).prop_map(|t| t.concat()),
            ]
        ) {
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            let mine = Json::parse(&text);
            // A number too large for a float is JSON, kept as its text here.
            let too_large = theirs.as_ref().is_err_and(|e| e.to_string().contains("out of range"));
            prop_assume!(!too_large);
            prop_assert_eq!(mine.is_ok(), theirs.is_ok(), "{:?}", text);
            if let (Ok(mine), Ok(theirs)) = (mine, theirs) {
                // Numbers keep their text, which serde_json may print otherwise (`1e2`).
                let same = mine == ours(&theirs)
                    || serde_json::from_str::<serde_json::Value>(&mine.to_text()).ok()
                        == Some(theirs);
                prop_assert!(same, "{:?}", text);
            }
        }
    }

    #[test]
    fn numbers_keep_their_text_and_integers_read_exactly() {
        for t in [
            "0",
            "-0",
            "12",
            "-3",
            "1.50",
            "1e3",
            "2E-2",
            "18446744073709551615",
        ] {
            assert_eq!(Json::parse(t), Ok(Json::Num(t.into())), "{t}");
        }
        for t in ["01", "1.", ".5", "+1", "-", "1e", "0x1", "NaN", "1.5.2"] {
            assert!(Json::parse(t).is_err(), "{t}");
        }
        let n = |t: &str| Json::Num(t.into());
        assert_eq!(n("18446744073709551615").as_u64(), Some(u64::MAX));
        assert_eq!(n("18446744073709551616").as_u64(), None);
        assert_eq!(n("12.0").as_u64(), None);
        assert_eq!(n("1e1").as_u64(), None);
        assert_eq!(n("-3").as_u64(), None);
        assert_eq!(n("-3").as_i64(), Some(-3));
        assert_eq!(n("-9223372036854775808").as_i64(), Some(i64::MIN));
        assert_eq!(n("-9223372036854775809").as_i64(), None);
        assert_eq!(n("9223372036854775808").as_i64(), None);
        assert_eq!(Json::from(i64::MIN).to_text(), "-9223372036854775808");
        assert_eq!(Json::from(0u32).to_text(), "0");
        assert_eq!(u8::from_json(&n("256")), None);
        assert_eq!(u8::from_json(&n("255")), Some(255));
    }

    #[test]
    fn strings_unescape_and_refuse_what_json_refuses() {
        let s = |t: &str| Json::parse(t).map(|v| v.as_str().map(String::from));
        assert_eq!(
            s(r#""a\"\\\/\b\f\n\r\t""#),
            Ok(Some("a\"\\/\u{8}\u{c}\n\r\t".into()))
        );
        assert_eq!(s(r#""\u65e5\uD83D\uDE00""#), Ok(Some("日😀".into())));
        for bad in [
            r#""\uD83D""#,
            r#""\uDE00""#,
            r#""\uD83Dx""#,
            r#""\x""#,
            "\"a\u{1}\"",
            "\"open",
        ] {
            assert!(Json::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn objects_keep_their_order_and_compare_as_sets() {
        let v = Json::parse(r#"{"b": 1, "a": [true, null], "b": 2}"#).unwrap();
        assert_eq!(
            v.to_text(),
            r#"{"b":2,"a":[true,null]}"#,
            "the last of a key wins"
        );
        assert_eq!(v, Json::parse(r#"{"a":[true,null],"b":2}"#).unwrap());
        assert_ne!(v, Json::parse(r#"{"a":[null,true],"b":2}"#).unwrap());
        assert_ne!(v, Json::parse(r#"{"a":[true,null]}"#).unwrap());
        assert_eq!(Json::parse(" [ ] ").unwrap().to_pretty(), "[]");
        assert!(Json::parse("{} x").is_err());
        assert!(Json::parse("{\"a\" 1}").is_err());
        assert!(Json::parse("[1,]").is_err());
        assert!(Json::parse("").is_err());
        assert_eq!(v["a"][0], Json::Bool(true));
        assert_eq!(v["a"][5], Json::Null);
        assert_eq!(v["none"]["deeper"], Json::Null);
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(Json::parse(&ok).is_ok());
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(Json::parse(&deep).is_err());
        assert!(Json::parse(&"{\"a\":".repeat(100_000)).is_err());
    }

    #[test]
    fn fields_read_as_serde_default_did() {
        let v = Json::parse(r#"{"a": "x", "n": null, "c": 3, "bad": 1}"#).unwrap();
        let f = Fields::of(&v).unwrap();
        assert_eq!(f.or_default::<String>("a"), Some("x".into()));
        assert_eq!(
            f.or_default::<String>("n"),
            Some(String::new()),
            "null keeps the default"
        );
        assert_eq!(f.or_default::<String>("missing"), Some(String::new()));
        assert_eq!(f.or_default::<u32>("c"), Some(3));
        assert_eq!(f.or_default::<String>("bad"), None, "a wrong type fails");
        assert_eq!(f.need::<String>("missing"), None);
        assert_eq!(f.opt::<u32>("n"), Some(None));
        assert!(Fields::of(&Json::Arr(vec![])).is_none());
        let m: BTreeMap<String, Vec<u32>> = BTreeMap::from([("k".into(), vec![1, 2])]);
        assert_eq!(BTreeMap::from_json(&m.to_json()), Some(m));
        assert_eq!(Option::<u32>::from_json(&Json::Null), Some(None));
    }
}
