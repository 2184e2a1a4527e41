//! The components of the simulator page.

pub mod chrome;
pub mod form;
pub mod handoff;
pub mod meters;
pub mod presets;
pub mod result;
pub mod seminar_bar;
pub mod share;
pub mod status;
pub mod whatif;

/// A citation as a person reads it: each source document by its name in the interface's
/// language (its Japanese title; in English, a translation), never by its file number.
pub fn cite(source: &str) -> String {
    use crate::i18n::{locale, m};
    let sep = match locale() {
        ouen_rules::Locale::Ja => "／",
        ouen_rules::Locale::En => "; ",
    };
    let name = |doc: &ouen_rules::params::Source| {
        let name = match doc.id {
            "000" => m::APP_DOC_000,
            "001" => m::APP_DOC_001,
            "002" => m::APP_DOC_002,
            "003" => m::APP_DOC_003,
            "004" => m::APP_DOC_004,
            _ => return doc.title.to_string(),
        };
        crate::tf!(name, title = doc.title)
    };
    ouen_rules::params::cite_with(source, name, sep)
}
