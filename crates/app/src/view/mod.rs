//! The components of the simulator page.

pub mod chrome;
pub mod form;
pub mod meters;
pub mod presets;
pub mod result;
pub mod share;
pub mod status;
pub mod whatif;
