//! # ouen-core
//!
//! The primitives and rules layers of ouen, the digitalization-support calculator for Japanese
//! SMEs: exact money, dates, input, dated parameters, the cost split, the SME definition and
//! eligibility. `ouen-rules` builds the content (support catalogue, navigator, checklist, rule
//! catalogue, presets) and the documents (the plan) on top of it and re-exports it all; the
//! small `ouen/cost` wasm depends on this crate alone. Everything here is a function of its
//! inputs: no clock, no IO, no web crates (an invariant enforced by `ouen-rules`'
//! `tests/invariants.rs`). Rule ids (`NAT-1`, `NGN-3`, `SME-6`, …) refer to the project's
//! domain specification and are cited in code, tests and user-facing explanations.
//!
//! - [`cost`]: the cost split between the national programme, Nagano and the SME.
//! - [`params`]: dated parameters with sources; which programmes are open on a date.
//! - [`sme`]: who is an SME (中小企業者) and a small business (小規模事業者).
//! - [`input`]: loose input, validation, localized errors naming the field.

// `no_std` + `alloc` without the `std` feature (the small `ouen/cost` wasm, which brings its
// own allocator and panic handler); `ouen-rules` turns `std` on.
#![cfg_attr(not(any(feature = "std", test)), no_std)]

extern crate alloc;

/// What the std prelude would give, from `alloc`, for the modules built without std.
mod prelude {
    pub(crate) use alloc::format;
    pub(crate) use alloc::string::{String, ToString};
    pub(crate) use alloc::vec;
    pub(crate) use alloc::vec::Vec;
}

pub mod cost;
pub mod date;
mod dec;
pub mod eligibility;
pub mod format;
pub mod input;
pub mod json;
pub mod order;
pub mod params;
pub mod ratio;
pub mod rule_ids;
pub mod sme;
mod text;
pub mod whatif;

#[allow(unused_imports)]
use crate::prelude::*;
pub use cost::{simulate, RawSimulationInput, Scheme, Schemes, Simulation, SimulationInput};
pub use date::Date;
pub use input::{ErrorKind, InputError, Value};
pub use params::{programmes_on, ruleset_info, ProgrammeStatus, Stamp, STAMP};

use serde::{Deserialize, Serialize};

/// The language of messages and formatting. Japanese is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Locale {
    #[default]
    Ja,
    En,
}

impl Locale {
    /// `"ja"`/`"en"` (also `ja-JP`, `en-US`, …); anything else is `None`.
    pub fn parse(s: &str) -> Option<Locale> {
        // The language subtag, before any `-` or `_`, in any ASCII case.
        let t = s.trim().as_bytes();
        let end = t.iter().position(|b| matches!(b, b'-' | b'_'));
        let lang = t.get(..end.unwrap_or(t.len())).unwrap_or_default();
        if lang.eq_ignore_ascii_case(b"ja") {
            Some(Locale::Ja)
        } else if lang.eq_ignore_ascii_case(b"en") {
            Some(Locale::En)
        } else {
            None
        }
    }
}

/// A list of rule ids as the results carry it (`vec![…]` of `&'static str`), built by one
/// non-inlined call: each inlined `vec!` is an allocation and a store per id at every use.
#[inline(never)]
pub(crate) fn ids(list: &[&'static str]) -> Vec<&'static str> {
    list.to_vec()
}

/// Validates a loose input and splits the cost; on bad input, every error in field order.
pub fn simulate_raw(
    raw: &RawSimulationInput,
    locale: Locale,
) -> Result<Simulation, Vec<InputError>> {
    simulate_raw_with(raw, locale, cost::Explain::Steps)
}

/// [`simulate_raw`], writing the steps of the working only if `detail` asks for them.
pub fn simulate_raw_with(
    raw: &RawSimulationInput,
    locale: Locale,
    detail: cost::Explain,
) -> Result<Simulation, Vec<InputError>> {
    raw.validate()
        .map(|input| cost::explain(cost::compute(&input), locale, detail))
}

#[cfg(test)]
mod tests {
    use super::Locale;
    use proptest::prelude::*;

    /// `Locale::parse` as it was before it read bytes.
    fn parse_before(s: &str) -> Option<Locale> {
        let lower = s.trim().to_ascii_lowercase();
        match lower.split(['-', '_']).next() {
            Some("ja") => Some(Locale::Ja),
            Some("en") => Some(Locale::En),
            _ => None,
        }
    }

    #[test]
    fn locales() {
        for (s, want) in [
            ("ja", Some(Locale::Ja)),
            (" JA-jp ", Some(Locale::Ja)),
            ("en_US", Some(Locale::En)),
            ("En", Some(Locale::En)),
            ("", None),
            ("jp", None),
            ("eng", None),
            ("-ja", None),
            ("日本語", None),
        ] {
            assert_eq!(Locale::parse(s), want, "{s}");
        }
    }

    proptest! {
        #[test]
        fn parse_reads_as_before(s in "[ jaJAenEN_\\-xé日]{0,8}") {
            prop_assert_eq!(Locale::parse(&s), parse_before(&s));
        }
    }
}
