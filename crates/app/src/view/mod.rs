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
