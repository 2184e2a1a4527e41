//! What several test files share: wizard answers to start from, and a way to vary them.

use serde_json::{json, Value as Json};

/// A Nagano manufacturer that qualifies for both schemes, on a date when both are open.
pub fn nagano_maker() -> Json {
    json!({
        "location": "nagano", "orgType": "company", "industry": "manufacturing",
        "employees": 50,
        "exclusions": {
            "singleLargeShare": false, "totalLargeShare": false, "largeOfficerShare": false,
            "ownedByDeemedLarge": false, "officersAllFromDeemedLarge": false,
            "avgTaxableIncome": false
        },
        "expertKind": "freelancer", "support": "telework", "asOf": "2021-01-15"
    })
}

/// `base` with the top-level fields of `patch` set (or removed, for `null`).
pub fn with(mut base: Json, patch: Json) -> Json {
    for (k, v) in patch.as_object().unwrap() {
        if v.is_null() {
            base.as_object_mut().unwrap().remove(k);
        } else {
            base[k] = v.clone();
        }
    }
    base
}
