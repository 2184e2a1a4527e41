//! The typed id of every rule of the specification (`NAT-1`, `SME-6`, `AR-3b`), generated from
//! `data/rules.json` by `build.rs`. It serializes to the id people read in RULES.md, and
//! [`RuleId::parse`] turns such a string back, so an id that names no rule is caught.

include!(concat!(env!("OUT_DIR"), "/rule_ids.rs"));

impl core::fmt::Display for RuleId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_their_strings() {
        for id in RuleId::ALL {
            assert_eq!(RuleId::parse(id.as_str()), Some(id));
            assert_eq!(
                serde_json::to_value(id).unwrap(),
                serde_json::json!(id.as_str())
            );
        }
        assert_eq!(RuleId::Ar3b.as_str(), "AR-3b");
        assert_eq!(RuleId::NatP5.as_str(), "NAT-P5");
        assert_eq!(RuleId::parse(&format!("NAT-{}", 99)), None);
    }
}
