//! # ouen-rules
//!
//! The rules of ouen, the digitalization-support calculator for Japanese SMEs, as one crate
//! for its users: the content layer (the support catalogue, navigator, self-assessment
//! checklist, rule catalogue and presets) and the documents layer (the support plan, its
//! document model and renderers), built here on [`ouen_core`] (the primitives and rules
//! layers: exact money, dates, input, dated parameters, the cost split, SME classification,
//! eligibility), which this crate re-exports: `ouen_rules::cost`, `ouen_rules::simulate`,
//! `ouen_rules::Locale` are the core's. Everything here is a function of its inputs: no clock,
//! no IO, no web crates (an invariant enforced by `tests/invariants.rs`, which also checks that
//! no import runs upward through the layers of both crates).
//!
//! - [`cost`]: the cost split between the national programme, Nagano and the SME.
//! - [`params`]: dated parameters with sources; which programmes are open on a date.
//! - [`sme`]: who is an SME (中小企業者) and a small business (小規模事業者).
//! - [`input`]: loose input, validation, localized errors naming the field.
//! - [`navigator`], [`checklist`], [`plan`]: what fits a need, where a business stands, the
//!   support plan.

// The core, re-exported: its modules and its top-level items.
pub use ouen_core::{
    cost, date, eligibility, format, input, json, order, params, rule_ids, sme, whatif,
};
pub use ouen_core::{
    programmes_on, ruleset_info, simulate, simulate_raw, simulate_raw_with, Date, ErrorKind,
    InputError, Locale, ProgrammeStatus, RawSimulationInput, Scheme, Schemes, Simulation,
    SimulationInput, Stamp, Value, STAMP,
};

pub mod catalogue;
pub mod checklist;
pub mod document;
pub mod docx;
pub mod navigator;
pub mod plan;
pub mod presets;
pub mod supports;
