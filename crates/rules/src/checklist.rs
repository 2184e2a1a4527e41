//! The self-assessment checklist (RULES.md §8). Placeholder: being written.
