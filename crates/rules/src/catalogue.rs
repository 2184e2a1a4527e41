//! Every rule of the domain specification, as plain statements for people: id, what it says
//! in Japanese and English, and the source document and section it comes from.
//!
//! The statements are data (`data/rules.json`, generated into `RULES` by `build.rs`): this
//! project's own summaries of the sources (RULES.md §1–5); the
//! figures in them are the ones of `data/parameters.json`, which stays the only place the
//! calculation reads them from.

use crate::rule_ids::RuleId;
use crate::Locale;

/// One rule, stated for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleStatement {
    pub id: RuleId,
    pub section: Section,
    pub ja: &'static str,
    pub en: &'static str,
    /// Source documents and sections (`000 §1; 002`); ids as in `ruleset_info().sources`.
    pub source: &'static str,
    /// The sources are silent or ambiguous; this is the project's decision (見込み).
    pub interpretation: bool,
}

impl RuleStatement {
    pub fn text(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ja => self.ja,
            Locale::En => self.en,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The statement of rule `id`.
pub fn rule(id: &str) -> Option<&'static RuleStatement> {
    let id = RuleId::parse(id)?;
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::{simulate, Schemes, SimulationInput};
    use crate::params::{ruleset_info, PROGRAMMES};
    use rust_decimal::Decimal;

    #[test]
    fn ids_are_unique_and_every_section_has_rules() {
        for (i, a) in RULES.iter().enumerate() {
            assert!(RULES[i + 1..].iter().all(|b| b.id != a.id), "{}", a.id);
            assert!(!a.ja.is_empty() && !a.en.is_empty() && !a.source.is_empty());
        }
        for s in Section::ALL {
            assert!(RULES.iter().any(|r| r.section == s), "{s:?}");
        }
        assert_eq!(rule("NGN-3").map(|r| r.interpretation), Some(true));
        assert_eq!(
            rule("NAT-1").map(|r| r.text(Locale::Ja).contains("3,500円")),
            Some(true)
        );
        assert_eq!(rule("XYZ-1"), None);
    }

    /// Every rule id the calculation or the parameters cite has a statement.
    #[test]
    fn every_cited_rule_is_stated() {
        let mut cited: Vec<&str> = Vec::new();
        let info = ruleset_info();
        for a in info.amounts {
            cited.push(a.rule);
        }
        for d in info.dates {
            cited.extend(d.rule.split(", "));
        }
        let d = |n: i64| Decimal::from(n);
        let mut cases = Vec::new();
        for (rate, hours) in [(8250, 30), (4000, 100), (400, 2), (3500, 8)] {
            for s in [Schemes::NATIONAL, Schemes::COMBINED, Schemes::NAGANO_ONLY] {
                let mut input = SimulationInput::new(d(rate), d(hours), s);
                input.as_of = crate::Date::parse("2021-02-10").ok();
                cases.push(input.clone());
                input.nagano_prior_hours = d(24);
                input.sme_prior_honorarium = d(300_000);
                input.as_of = crate::Date::parse("2026-01-01").ok();
                cases.push(input);
            }
        }
        for input in &cases {
            let sim = simulate(input, Locale::Ja);
            cited.extend(sim.explanation.iter().flat_map(|s| s.rules.iter().copied()));
            cited.extend(sim.warnings.iter().flat_map(|w| w.rules.iter().copied()));
            cited.extend(sim.segments.iter().flat_map(|s| s.rules.iter().copied()));
            cited.extend(sim.interpretations.iter().copied());
        }
        assert!(PROGRAMMES.len() == 4);
        for id in cited {
            assert!(rule(id).is_some(), "{id} is cited but not stated");
        }
    }

    #[test]
    fn interpretations_match_what_the_calculation_labels_as_estimate() {
        // The calculation labels NAT-5, NGN-3 and AR-2 results as estimates.
        for id in ["NAT-5", "NGN-3", "AR-2"] {
            assert!(rule(id).unwrap().interpretation, "{id}");
        }
    }
}
