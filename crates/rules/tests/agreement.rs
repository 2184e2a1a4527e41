//! `checkEligibility` and `classifySme` agree on the same answers: for every kind of
//! organisation, every SME-6 exclusion, answered as an exact value or (where the wizard
//! allows it) a plain yes/no, at, just below and above its threshold (issue #15 §5). The
//! wizard may skip a question, but an answer it is given counts as `classifySme` counts it.

use ouen_rules::eligibility::{check_eligibility_raw, EligibilityStatus, RawEligibilityInput};
use ouen_rules::sme::{classify, OrgType, RawSmeInput};
use ouen_rules::Locale;
use serde_json::{json, Value as Json};

/// Each exclusion, with answers that exclude and answers that do not.
fn answers() -> Vec<(&'static str, Vec<(Json, bool)>)> {
    vec![
        (
            "singleLargeShare",
            vec![
                (json!("1/2"), true),
                (json!(0.6), true),
                (json!(0.49), false),
            ],
        ),
        (
            "totalLargeShare",
            vec![
                (json!("2/3"), true),
                (json!(0.9), true),
                (json!(0.66), false),
            ],
        ),
        (
            "largeOfficerShare",
            vec![
                (json!("1/2"), true),
                (json!("50%"), true),
                (json!(0.4), false),
            ],
        ),
        (
            "ownedByDeemedLarge",
            vec![(json!(true), true), (json!(false), false)],
        ),
        (
            "officersAllFromDeemedLarge",
            vec![(json!(true), true), (json!(false), false)],
        ),
        (
            "avgTaxableIncome",
            vec![
                (json!(1_500_000_001u64), true),
                (json!("15億円"), false),
                (json!(0), false),
            ],
        ),
    ]
}

/// The same business for both: small enough for the size test in every kind.
fn business(org: OrgType, field: &str, answer: &Json) -> (Json, Json) {
    let mut sme = json!({ "orgType": org.id(), "employees": 1, "exclusions": { field: answer } });
    if org.needs_industry() {
        sme["industry"] = json!("other");
    }
    if org.has_capital() {
        sme["capital"] = json!(1_000_000);
    }
    let mut elig = sme.clone();
    for (k, v) in [
        ("location", "nagano"),
        ("expertKind", "freelancer"),
        ("support", "telework"),
        ("asOf", "2021-01-15"),
    ] {
        elig[k] = json!(v);
    }
    (sme, elig)
}

#[test]
fn check_eligibility_counts_every_exclusion_as_classify_sme_does() {
    let mut disagreements = Vec::new();
    for org in OrgType::ALL {
        for (field, list) in answers() {
            // Where the wizard offers yes/no, "yes" is the threshold and "no" is none.
            let mut list = list;
            if [
                "singleLargeShare",
                "totalLargeShare",
                "largeOfficerShare",
                "avgTaxableIncome",
            ]
            .contains(&field)
            {
                list.push((json!(true), true));
                list.push((json!(false), false));
            }
            for (answer, excludes) in list {
                let (sme_json, elig_json) = business(org, field, &answer);
                let elig: RawEligibilityInput = serde_json::from_value(elig_json).unwrap();
                let e = check_eligibility_raw(&elig, Locale::Ja).unwrap();
                let by_elig = e.sme.as_ref().map(|c| (c.sme, c.deemed_large.clone()));
                let national = e.schemes[0].status;
                // classifySme takes exact values only: its "yes" is the threshold itself.
                let exact = match (&answer, field) {
                    (Json::Bool(true), "singleLargeShare" | "largeOfficerShare") => json!("1/2"),
                    (Json::Bool(true), "totalLargeShare") => json!("2/3"),
                    (Json::Bool(true), "avgTaxableIncome") => json!(1_500_000_001u64),
                    (Json::Bool(false), "ownedByDeemedLarge" | "officersAllFromDeemedLarge") => {
                        answer.clone()
                    }
                    (Json::Bool(false), _) => json!(0),
                    _ => answer.clone(),
                };
                let mut sme_json = sme_json;
                sme_json["exclusions"][field] = exact;
                let raw: RawSmeInput = serde_json::from_value(sme_json).unwrap();
                let cls = classify(&raw.validate().unwrap(), Locale::Ja);
                let by_classify = Some((cls.sme, cls.deemed_large.clone()));
                assert_eq!(
                    cls.sme, !excludes,
                    "{org:?} {field} {answer}: the table itself"
                );
                let status_agrees = (national == EligibilityStatus::NotEligible) != cls.sme;
                if by_elig != by_classify || !status_agrees {
                    disagreements.push(format!(
                        "{org:?} {field}={answer}: classifySme {by_classify:?}, checkEligibility {by_elig:?} ({national:?})"
                    ));
                }
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
