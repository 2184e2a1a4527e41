//! The documents as text: Markdown and an HTML fragment (Word is [`crate::docx`]). User text
//! was cleaned by the document model; each renderer escapes it for its own syntax.

use crate::document::{clean_text, escape_markup, Block, Document};

/// Escapes text for CommonMark so that user text can never become a link, an image,
/// emphasis, code, HTML or a block (heading, list, quote, table row): the inline syntax
/// characters are backslash-escaped, `<`/`>` become entities (the source never holds a tag),
/// and a line that would start a block has its marker escaped.
pub fn md_escape(s: &str) -> String {
    md_escape_in(s, true)
}

/// As [`md_escape`], for inline contexts (a heading's text, a table cell) where a line
/// cannot start a block.
fn md_escape_inline(s: &str) -> String {
    md_escape_in(s, false)
}

fn md_escape_in(s: &str, at_block_start: bool) -> String {
    let cleaned = clean_text(s);
    let mut out = String::with_capacity(cleaned.len() + 16);
    for (i, line) in cleaned.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Leading blanks would make an indented code block.
        let line = line.trim_start_matches([' ', '\t']);
        let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
        for (j, c) in line.chars().enumerate() {
            let block_marker = at_block_start
                && ((j == 0 && matches!(c, '#' | '-' | '+' | '=' | '>'))
                    || (j == digits && digits > 0 && matches!(c, '.' | ')')));
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '&' | '!' => {
                    out.push('\\');
                    out.push(c);
                }
                _ if block_marker => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
}

fn md_inline(s: &str) -> String {
    // Inside a table cell a newline would end the row: use a break.
    md_escape_inline(s).replace('\n', "<br>")
}

fn md_paragraph(s: &str) -> String {
    // Hard line breaks (two spaces before the newline) keep the author's lines.
    md_escape(s).replace('\n', "  \n")
}

/// The documents as Markdown (both, separated by a rule).
pub fn render_markdown(docs: &[Document]) -> String {
    let mut out = String::new();
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        out.push_str(&format!("# {}\n\n", md_escape_inline(&doc.title)));
        for b in &doc.blocks {
            match b {
                Block::Heading(h) => out.push_str(&format!(
                    "## {}\n\n",
                    md_escape_inline(h).replace('\n', " ")
                )),
                Block::Paragraph(p) => out.push_str(&format!("{}\n\n", md_paragraph(p))),
                Block::Fields(rows) => {
                    out.push_str("| 項目 | 内容 |\n|---|---|\n");
                    for (k, v) in rows {
                        out.push_str(&format!("| {} | {} |\n", md_inline(k), md_inline(v)));
                    }
                    out.push('\n');
                }
                Block::Table { header, rows } => {
                    out.push_str(&format!(
                        "| {} |\n|{}\n",
                        header
                            .iter()
                            .map(|h| md_inline(h))
                            .collect::<Vec<_>>()
                            .join(" | "),
                        "---|".repeat(header.len())
                    ));
                    for r in rows {
                        out.push_str(&format!(
                            "| {} |\n",
                            r.iter()
                                .map(|c| md_inline(c))
                                .collect::<Vec<_>>()
                                .join(" | ")
                        ));
                    }
                    out.push('\n');
                }
                Block::Notes(ns) => {
                    for n in ns {
                        // Continuation lines indented under the item.
                        out.push_str(&format!("- {}\n", md_escape(n).replace('\n', "  \n  ")));
                    }
                    out.push('\n');
                }
            }
        }
        out.push_str(&format!("_{}_\n", md_escape_inline(&doc.footer)));
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    escape_markup(s, "&#39;")
}

fn html_multiline(s: &str) -> String {
    html_escape(s).replace('\n', "<br>")
}

/// The documents as an HTML fragment (`<article class="plan-doc">` per document), for the
/// preview and for printing with `plan.css`. No inline styles or scripts.
pub fn render_html(docs: &[Document]) -> String {
    let mut out = String::new();
    for doc in docs {
        out.push_str("<article class=\"plan-doc\">\n");
        out.push_str(&format!("<h1>{}</h1>\n", html_escape(&doc.title)));
        for b in &doc.blocks {
            match b {
                Block::Heading(h) => out.push_str(&format!("<h2>{}</h2>\n", html_escape(h))),
                Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>\n", html_multiline(p))),
                Block::Fields(rows) => {
                    out.push_str("<table class=\"plan-fields\"><tbody>\n");
                    for (k, v) in rows {
                        out.push_str(&format!(
                            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
                            html_escape(k),
                            html_multiline(v)
                        ));
                    }
                    out.push_str("</tbody></table>\n");
                }
                Block::Table { header, rows } => {
                    out.push_str("<table class=\"plan-table\"><thead><tr>");
                    for h in header {
                        out.push_str(&format!("<th scope=\"col\">{}</th>", html_escape(h)));
                    }
                    out.push_str("</tr></thead><tbody>\n");
                    for r in rows {
                        out.push_str("<tr>");
                        for c in r {
                            out.push_str(&format!("<td>{}</td>", html_multiline(c)));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody></table>\n");
                }
                Block::Notes(ns) => {
                    out.push_str("<ul class=\"plan-notes\">\n");
                    for n in ns {
                        out.push_str(&format!("<li>{}</li>\n", html_multiline(n)));
                    }
                    out.push_str("</ul>\n");
                }
            }
        }
        out.push_str(&format!(
            "<footer class=\"plan-stamp\">{}</footer>\n</article>\n",
            html_escape(&doc.footer)
        ));
    }
    out
}
