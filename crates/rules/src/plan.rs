//! The support plan (支援計画書) and the Nagano business plan (事業計画書). Placeholder: being written.
