//! The components of the simulator page.

pub mod chrome;
pub mod form;
pub mod result;
