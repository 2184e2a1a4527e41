//! One module per page.

pub mod checklist;
pub mod eligibility;
pub mod home;
pub mod navigator;
pub mod plan;
pub mod rules;
pub mod settings;
pub mod simulator;
