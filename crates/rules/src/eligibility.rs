//! The eligibility verdict per scheme (RULES.md §4, §5, NAT-6, NGN-1). Placeholder: being written.
