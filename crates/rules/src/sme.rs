//! Who is an SME (SME-1..7). Placeholder: being written.
