//! The fields of a [`PlanDraft`] by name: what a finding is about, and what a form types
//! into. A field's path in the draft (`sme.name`, `steps.2.hours`) is the name a
//! [`super::PlanIssue`] gives it and the key of its value in a JSON export; the app's plan
//! page reads and writes a draft through [`PlanField::text`] and [`PlanField::text_mut`]
//! instead of keeping a list of its own.

use super::draft::PlanDraft;
use crate::format::{fill, integer};

/// A field of a support plan draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanField {
    Version,
    Mode,
    SmeName,
    SmeLocation,
    SmeAddress,
    SmeIndustry,
    SmeCapital,
    SmeEmployees,
    SmeContactName,
    SmePhone,
    SmeEmail,
    ExpertName,
    ExpertKind,
    ExpertAffiliation,
    ExpertContact,
    Contract,
    Issue,
    Background,
    Goals,
    Measurement,
    Steps,
    /// The title of the step at this index (from 0).
    StepTitle(usize),
    StepDetail(usize),
    StepHours(usize),
    ContractDate,
    ApplicationDate,
    Start,
    End,
    Rate,
    SmePriorHonorarium,
    ExpertPriorHonorarium,
    NaganoPriorHours,
    Travel,
    TravelNote,
}

impl PlanField {
    /// Every field that holds one text of the draft, outside the steps, in the order of the
    /// documents (the steps' texts are [`PlanField::StepTitle`] and its two siblings).
    pub const TEXTS: [PlanField; 28] = [
        PlanField::Mode,
        PlanField::SmeName,
        PlanField::SmeLocation,
        PlanField::SmeAddress,
        PlanField::SmeIndustry,
        PlanField::SmeCapital,
        PlanField::SmeEmployees,
        PlanField::SmeContactName,
        PlanField::SmePhone,
        PlanField::SmeEmail,
        PlanField::ExpertName,
        PlanField::ExpertKind,
        PlanField::ExpertAffiliation,
        PlanField::ExpertContact,
        PlanField::Contract,
        PlanField::Issue,
        PlanField::Background,
        PlanField::Goals,
        PlanField::Measurement,
        PlanField::ContractDate,
        PlanField::ApplicationDate,
        PlanField::Start,
        PlanField::End,
        PlanField::Rate,
        PlanField::SmePriorHonorarium,
        PlanField::ExpertPriorHonorarium,
        PlanField::NaganoPriorHours,
        PlanField::TravelNote,
    ];

    /// The field's path, with `{0}` for a step's index.
    fn template(self) -> &'static str {
        match self {
            PlanField::Version => "version",
            PlanField::Mode => "mode",
            PlanField::SmeName => "sme.name",
            PlanField::SmeLocation => "sme.location",
            PlanField::SmeAddress => "sme.address",
            PlanField::SmeIndustry => "sme.industry",
            PlanField::SmeCapital => "sme.capital",
            PlanField::SmeEmployees => "sme.employees",
            PlanField::SmeContactName => "sme.contactName",
            PlanField::SmePhone => "sme.phone",
            PlanField::SmeEmail => "sme.email",
            PlanField::ExpertName => "expert.name",
            PlanField::ExpertKind => "expert.kind",
            PlanField::ExpertAffiliation => "expert.affiliation",
            PlanField::ExpertContact => "expert.contact",
            PlanField::Contract => "contract",
            PlanField::Issue => "issue",
            PlanField::Background => "background",
            PlanField::Goals => "goals",
            PlanField::Measurement => "measurement",
            PlanField::Steps => "steps",
            PlanField::StepTitle(_) => "steps.{0}.title",
            PlanField::StepDetail(_) => "steps.{0}.detail",
            PlanField::StepHours(_) => "steps.{0}.hours",
            PlanField::ContractDate => "contractDate",
            PlanField::ApplicationDate => "applicationDate",
            PlanField::Start => "start",
            PlanField::End => "end",
            PlanField::Rate => "rate",
            PlanField::SmePriorHonorarium => "smePriorHonorarium",
            PlanField::ExpertPriorHonorarium => "expertPriorHonorarium",
            PlanField::NaganoPriorHours => "naganoPriorHours",
            PlanField::Travel => "travel",
            PlanField::TravelNote => "travel.note",
        }
    }

    /// The step's index, for a step's field.
    pub fn step(self) -> Option<usize> {
        match self {
            PlanField::StepTitle(i) | PlanField::StepDetail(i) | PlanField::StepHours(i) => Some(i),
            _ => None,
        }
    }

    /// The path in the draft: `sme.name`, `steps.2.hours`.
    pub fn path(self) -> String {
        let index = self.step().map(|i| integer(i as i128)).unwrap_or_default();
        fill(self.template(), &[&index])
    }

    /// The field's text in a draft, as typed; `None` for a field that is no one text (the
    /// version, the list of steps, the travel flag) and for a step the draft does not have.
    pub fn text(self, d: &PlanDraft) -> Option<&str> {
        Some(match self {
            PlanField::Version | PlanField::Steps | PlanField::Travel => return None,
            PlanField::StepTitle(i) => &d.steps.get(i)?.title,
            PlanField::StepDetail(i) => &d.steps.get(i)?.detail,
            PlanField::StepHours(i) => &d.steps.get(i)?.hours,
            PlanField::Mode => &d.mode,
            PlanField::SmeName => &d.sme.name,
            PlanField::SmeLocation => &d.sme.location,
            PlanField::SmeAddress => &d.sme.address,
            PlanField::SmeIndustry => &d.sme.industry,
            PlanField::SmeCapital => &d.sme.capital,
            PlanField::SmeEmployees => &d.sme.employees,
            PlanField::SmeContactName => &d.sme.contact_name,
            PlanField::SmePhone => &d.sme.phone,
            PlanField::SmeEmail => &d.sme.email,
            PlanField::ExpertName => &d.expert.name,
            PlanField::ExpertKind => &d.expert.kind,
            PlanField::ExpertAffiliation => &d.expert.affiliation,
            PlanField::ExpertContact => &d.expert.contact,
            PlanField::Contract => &d.contract,
            PlanField::Issue => &d.issue,
            PlanField::Background => &d.background,
            PlanField::Goals => &d.goals,
            PlanField::Measurement => &d.measurement,
            PlanField::ContractDate => &d.contract_date,
            PlanField::ApplicationDate => &d.application_date,
            PlanField::Start => &d.start,
            PlanField::End => &d.end,
            PlanField::Rate => &d.rate,
            PlanField::SmePriorHonorarium => &d.sme_prior_honorarium,
            PlanField::ExpertPriorHonorarium => &d.expert_prior_honorarium,
            PlanField::NaganoPriorHours => &d.nagano_prior_hours,
            PlanField::TravelNote => &d.travel.note,
        })
    }

    /// Where the field's text is kept in a draft, to type into; `None` as for
    /// [`PlanField::text`].
    pub fn text_mut(self, d: &mut PlanDraft) -> Option<&mut String> {
        Some(match self {
            PlanField::Version | PlanField::Steps | PlanField::Travel => return None,
            PlanField::StepTitle(i) => &mut d.steps.get_mut(i)?.title,
            PlanField::StepDetail(i) => &mut d.steps.get_mut(i)?.detail,
            PlanField::StepHours(i) => &mut d.steps.get_mut(i)?.hours,
            PlanField::Mode => &mut d.mode,
            PlanField::SmeName => &mut d.sme.name,
            PlanField::SmeLocation => &mut d.sme.location,
            PlanField::SmeAddress => &mut d.sme.address,
            PlanField::SmeIndustry => &mut d.sme.industry,
            PlanField::SmeCapital => &mut d.sme.capital,
            PlanField::SmeEmployees => &mut d.sme.employees,
            PlanField::SmeContactName => &mut d.sme.contact_name,
            PlanField::SmePhone => &mut d.sme.phone,
            PlanField::SmeEmail => &mut d.sme.email,
            PlanField::ExpertName => &mut d.expert.name,
            PlanField::ExpertKind => &mut d.expert.kind,
            PlanField::ExpertAffiliation => &mut d.expert.affiliation,
            PlanField::ExpertContact => &mut d.expert.contact,
            PlanField::Contract => &mut d.contract,
            PlanField::Issue => &mut d.issue,
            PlanField::Background => &mut d.background,
            PlanField::Goals => &mut d.goals,
            PlanField::Measurement => &mut d.measurement,
            PlanField::ContractDate => &mut d.contract_date,
            PlanField::ApplicationDate => &mut d.application_date,
            PlanField::Start => &mut d.start,
            PlanField::End => &mut d.end,
            PlanField::Rate => &mut d.rate,
            PlanField::SmePriorHonorarium => &mut d.sme_prior_honorarium,
            PlanField::ExpertPriorHonorarium => &mut d.expert_prior_honorarium,
            PlanField::NaganoPriorHours => &mut d.nagano_prior_hours,
            PlanField::TravelNote => &mut d.travel.note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{Json, ToJson};
    use crate::plan::example;

    /// Each text field's path leads to that field's value in the draft's JSON export, and
    /// writing through `text_mut` changes exactly what `text` reads.
    #[test]
    fn paths_name_the_fields_the_export_holds() {
        let mut d = example();
        d.steps.truncate(2);
        let fields = PlanField::TEXTS.into_iter().chain((0..2).flat_map(|i| {
            [
                PlanField::StepTitle(i),
                PlanField::StepDetail(i),
                PlanField::StepHours(i),
            ]
        }));
        for (n, f) in fields.enumerate() {
            let marker = format!("値{n}");
            *f.text_mut(&mut d).unwrap() = marker.clone();
            assert_eq!(f.text(&d), Some(marker.as_str()), "{f:?}");
            let json = d.to_json();
            let mut at = &json;
            for key in f.path().split('.') {
                at = match at {
                    Json::Obj(m) => m.get(key).unwrap_or_else(|| panic!("{f:?}: {key}")),
                    Json::Arr(a) => &a[key.parse::<usize>().unwrap()],
                    other => panic!("{f:?}: {key} in {other:?}"),
                };
            }
            assert_eq!(at, &Json::Str(marker), "{f:?} at {}", f.path());
        }
    }

    #[test]
    fn fields_that_are_no_one_text_have_none() {
        let mut d = example();
        let past = d.steps.len();
        for f in [
            PlanField::Version,
            PlanField::Steps,
            PlanField::Travel,
            PlanField::StepTitle(past),
            PlanField::StepHours(past),
        ] {
            assert_eq!(f.text(&d), None, "{f:?}");
            assert!(f.text_mut(&mut d).is_none(), "{f:?}");
        }
        assert_eq!(PlanField::StepHours(2).path(), "steps.2.hours");
        assert_eq!(PlanField::StepHours(2).step(), Some(2));
        assert_eq!(PlanField::SmeName.step(), None);
    }
}
