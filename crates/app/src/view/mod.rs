//! The components of the pages (the simulator's, and the plan's preview).

pub mod chrome;
pub mod document;
pub mod form;
pub mod handoff;
pub mod meters;
pub mod plan_docs;
pub mod presets;
pub mod result;
pub mod seminar_bar;
pub mod share;
pub mod status;
pub mod whatif;

/// A citation as a person reads it: each source document by its name in the interface's
/// language (its Japanese title; in English, a translation), never by its file number. The
/// catalogue's Japanese names are the titles in `parameters.json` (a test keeps them so).
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
        crate::i18n::t(name).to_string()
    };
    ouen_rules::params::cite_with(source, name, sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{m, set_locale, text};
    use ouen_rules::Locale;

    #[test]
    fn citations_name_documents_never_file_numbers() {
        let info = ouen_rules::ruleset_info();
        let names = [
            m::APP_DOC_000,
            m::APP_DOC_001,
            m::APP_DOC_002,
            m::APP_DOC_003,
            m::APP_DOC_004,
        ];
        assert_eq!(
            info.sources.len(),
            names.len(),
            "a name for every source document"
        );
        for (doc, name) in info.sources.iter().zip(names) {
            assert_eq!(text(name, Locale::Ja), doc.title, "{}", doc.id);
        }
        set_locale(Locale::En);
        let en = cite("000 §5; 002");
        set_locale(Locale::Ja);
        let ja = cite("000 §5; 002");
        assert_eq!(
            ja,
            format!("{} §5／{}", info.sources[0].title, info.sources[2].title)
        );
        assert!(
            en.starts_with("Nagano Prefecture leaflet") && en.contains(" §5; SME"),
            "{en}"
        );
        assert!(
            !en.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
            "{en}"
        );
    }
}
