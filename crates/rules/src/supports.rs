//! The support catalogue, as data: `data/supports.json` holds the needs (what a business wants
//! to do), every support the sources name (figures as stated and the period they hold for,
//! conditions, contacts, how it ends, which needs it answers) and the supports the checklist
//! suggests for each weak area. `build.rs` validates it (unknown references, bad dates, unknown
//! sources and duplicate ids fail the build, by name) and turns it into the static tables
//! below, with typed ids that serialize to the data's strings.
//!
//! One catalogue serves the navigator ([`crate::navigator`]) and the checklist's next steps
//! ([`crate::checklist`]): a next step can only name a support the navigator shows.

use crate::params::ProgrammeId;
use crate::Locale;
use serde::Serialize;

/// A need with its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    pub id: NeedId,
    pub ja: &'static str,
    pub en: &'static str,
}

/// A figure as stated in a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub ja: &'static str,
    pub en: &'static str,
    pub period: Period,
    pub source: &'static str,
}

/// Where to ask, as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    pub ja: &'static str,
    pub en: &'static str,
    pub phone: Option<&'static str>,
    pub hours_ja: Option<&'static str>,
    pub hours_en: Option<&'static str>,
    pub url: Option<&'static str>,
    pub email: Option<&'static str>,
}

/// How a support ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// No end date in the sources (a standing service).
    Open,
    /// The last day given by the source (`YYYY-MM-DD`, checked by the build).
    On(&'static str),
    /// Dated by the parameters of `params` (the national programme, Nagano).
    Programme(&'static [ProgrammeId]),
}

/// What a support links to inside the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum AppLink {
    /// The cost simulator (with the eligibility wizard beside it).
    Simulator,
}

/// One support of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Support {
    pub id: SupportId,
    pub ja: &'static str,
    pub en: &'static str,
    pub offer_ja: &'static str,
    pub offer_en: &'static str,
    pub figures: &'static [Figure],
    pub conditions: &'static [(&'static str, &'static str)],
    pub contacts: &'static [Contact],
    pub source: &'static str,
    pub ends: Ends,
    pub needs: &'static [NeedId],
    pub link: Option<AppLink>,
}

include!(concat!(env!("OUT_DIR"), "/supports.rs"));

impl NeedId {
    /// The need with this id (`"clarifyIt"`), if any.
    pub fn parse(s: &str) -> Option<NeedId> {
        let s = s.trim();
        NEEDS.iter().map(|n| n.id).find(|id| id.id() == s)
    }

    pub fn label(self, locale: Locale) -> &'static str {
        let n = NEEDS.iter().find(|n| n.id == self).unwrap_or(&NEEDS[0]);
        match locale {
            Locale::Ja => n.ja,
            Locale::En => n.en,
        }
    }
}

impl SupportId {
    /// Its entry in the catalogue (every id has one: both come from the same data).
    pub fn support(self) -> &'static Support {
        SUPPORTS
            .iter()
            .find(|s| s.id == self)
            .unwrap_or(&SUPPORTS[0])
    }
}

impl core::fmt::Display for SupportId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.id())
    }
}

/// The supports the checklist suggests for a weak area (`checklist::Area::id`), best first.
pub fn next_steps(area: &str) -> &'static [SupportId] {
    NEXT_STEPS
        .iter()
        .find(|(a, _)| *a == area)
        .map_or(&[], |(_, ids)| ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_round_trips_and_has_its_entry() {
        for s in SUPPORTS {
            assert_eq!(SupportId::parse(s.id.id()), Some(s.id));
            assert_eq!(s.id.support().ja, s.ja);
            assert_eq!(s.id.name(Locale::Ja), s.ja);
            assert_eq!(s.id.name(Locale::En), s.en);
            assert_eq!(
                serde_json::to_value(s.id).unwrap(),
                serde_json::json!(s.id.id())
            );
        }
        for n in NEEDS {
            assert_eq!(NeedId::parse(n.id.id()), Some(n.id));
            assert_eq!(
                serde_json::to_value(n.id).unwrap(),
                serde_json::json!(n.id.id())
            );
        }
        assert_eq!(SupportId::parse("itKeieiShindan"), None);
        assert_eq!(NeedId::parse("nothing"), None);
    }

    #[test]
    fn ids_serialize_to_the_strings_of_before_the_data_move() {
        // The JS API's strings must not change when the catalogue moved into data.
        let ids: Vec<&str> = SUPPORTS.iter().map(|s| s.id.id()).collect();
        for id in [
            "national",
            "nagano",
            "yorozu",
            "itDiagnosis",
            "itStrategyNavi",
            "kokokaraApp",
            "smartSme",
            "webeeCampus",
            "chokozemi",
            "mirasapo",
            "itSubsidy2020",
            "lowInfectionRisk",
            "jizokuka",
            "monozukuri",
            "restructuring",
            "sapoin",
            "sabisapo",
            "taxIncentive",
            "commonEdi",
            "ipaDx",
            "securityAction",
            "partnership",
            "kakekomi",
            "iotLab",
            "jnet21",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
        assert_eq!(ids.len(), 25);
        assert_eq!(NeedId::ClarifyIt.id(), "clarifyIt");
        assert_eq!(
            Period::Fy2020Supplementary.text(Locale::Ja),
            "令和2年度第3次補正予算"
        );
    }
}
