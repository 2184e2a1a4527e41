//! The support plan (支援計画書, national) and the Nagano business plan (事業計画書, NGN-7):
//! a draft as typed, its validation against the rules and the dates in force, and the two
//! documents rendered as Markdown, HTML, JSON and Word (.docx, see [`crate::docx`]).
//!
//! The flow is the core's usual one, computed, then explained: a loose [`PlanDraft`] (every
//! field a string as typed, so that JSON re-imports to exactly the same draft; `draft`) →
//! the checks, which record findings as data (`check`) → their sentences, in one place
//! (`finding`): errors (which block every output) and warnings (printed on the documents),
//! [`check_in`] → [`documents`], a small format-neutral document model (`documents`) → one
//! renderer per format (`render`, [`crate::docx`]). Every user string is sanitised once
//! ([`clean_text`]) and escaped by each renderer for its own syntax.

mod check;
mod documents;
mod draft;
mod example;
mod field;
mod finding;
mod render;
#[cfg(test)]
mod tests;

pub use crate::document::{clean_text, Block, Document};
pub use check::{check, check_in, PlanCheck, PlanIssue, MAX_STEPS, MAX_TEXT};
pub use documents::{documents, Blocked, RenderOptions};
pub use draft::{
    migrate, ImportError, PlanDraft, PlanExpert, PlanMode, PlanSme, PlanStep, PlanTravel,
    DRAFT_VERSION, TEMPLATE_STEPS,
};
pub use example::example;
pub use field::PlanField;
pub use render::{html_escape, md_escape, render_html, render_markdown};

/// An output format of [`generate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Html,
    Docx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim() {
            "markdown" | "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// One generated output: text, or bytes for `.docx`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Text(String),
    Bytes(Vec<u8>),
}

/// Validates the draft and renders it; errors block every format, JSON included (a draft
/// with errors is saved by the app's draft store, not exported as a plan).
pub fn generate(d: &PlanDraft, format: Format, opts: RenderOptions) -> Result<Output, Blocked> {
    let docs = documents(d, opts)?;
    Ok(match format {
        Format::Markdown => Output::Text(render_markdown(&docs)),
        Format::Html => Output::Text(render_html(&docs)),
        Format::Json => Output::Text(d.to_text()),
        Format::Docx => Output::Bytes(crate::docx::render_docx(&docs)),
    })
}
