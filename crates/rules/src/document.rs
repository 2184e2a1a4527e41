//! The document model shared by the plan's renderers: a document is a title, blocks and a
//! footer, independent of the output format (Markdown and HTML in `plan`, Word in `docx`).
//! User text is cleaned here once ([`clean_text`]) and escaped per format.

/// A piece of a document, independent of the output format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// Label/value rows.
    Fields(Vec<(String, String)>),
    /// A table with a header row.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A boxed list of notes (warnings).
    Notes(Vec<String>),
}

/// One document: its title and blocks; `footer` carries the stamp and the date made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub blocks: Vec<Block>,
    pub footer: String,
}

/// Removes what must never reach a document: control characters other than tab and newline
/// (invalid in XML 1.0), bidi embedding/override/isolate controls (they can reorder what is
/// shown, e.g. hide an amount), BOMs and non-characters; turns CRLF/CR into LF.
pub fn clean_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.chars()
        .filter(|&c| {
            let u = c as u32;
            !((u < 0x20 && c != '\t' && c != '\n')
                || (0x7f..=0x9f).contains(&u)
                || (0x202a..=0x202e).contains(&u)
                || (0x2066..=0x2069).contains(&u)
                || u == 0xfeff
                || u == 0xfffe
                || u == 0xffff)
        })
        .collect()
}

/// Escapes text for markup (HTML or XML) element content and attribute values, after
/// cleaning it; `apos` is how the apostrophe is written in that language.
pub(crate) fn escape_markup(s: &str, apos: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean_text(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apos),
            _ => out.push(c),
        }
    }
    out
}
