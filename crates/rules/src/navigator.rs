//! The support navigator (RULES.md §7). Placeholder: being written.
