//! The eligibility wizard's core: verdicts per scheme, reasons with rule ids, the smallest
//! change that flips a "no", deadlines on the as-of date, and which questions are skipped.

mod common;
use common::{nagano_maker, with};
use ouen_rules::eligibility::{
    check_eligibility_raw, Eligibility, EligibilityStatus as S, QuestionId as Q, QuestionStatus,
    RawEligibilityInput,
};
use ouen_rules::Locale;
use serde_json::{json, Value as Json};

fn raw(v: Json) -> RawEligibilityInput {
    serde_json::from_value(v).expect("input shape")
}

fn check(v: Json) -> Eligibility {
    check_eligibility_raw(&raw(v), Locale::Ja).expect("valid input")
}

fn statuses(e: &Eligibility) -> (S, S) {
    (e.schemes[0].status, e.schemes[1].status)
}

fn skipped(e: &Eligibility) -> Vec<Q> {
    e.questions
        .iter()
        .filter(|q| q.status == QuestionStatus::Skipped)
        .map(|q| q.id)
        .collect()
}

fn all_rules(e: &Eligibility, scheme: usize) -> Vec<&'static str> {
    e.schemes[scheme]
        .reasons
        .iter()
        .flat_map(|r| r.rules.iter().copied())
        .collect()
}

#[test]
fn verdict_table() {
    struct Case {
        name: &'static str,
        input: Json,
        expect: (S, S),
        next: Option<Q>,
        complete: bool,
    }
    use S::*;
    let cases = [
        Case {
            name: "nothing answered",
            input: json!({}),
            expect: (NeedsChecking, NeedsChecking),
            next: Some(Q::Location),
            complete: false,
        },
        Case {
            name: "Nagano manufacturer, all answered",
            input: nagano_maker(),
            expect: (Eligible, Eligible),
            next: None,
            complete: true,
        },
        Case {
            name: "outside Nagano",
            input: with(nagano_maker(), json!({"location": "other"})),
            expect: (Eligible, NotEligible),
            next: None,
            complete: true,
        },
        Case {
            name: "301 employees, capital not yet given",
            input: with(nagano_maker(), json!({"employees": 301})),
            expect: (NeedsChecking, NeedsChecking),
            next: Some(Q::Capital),
            complete: false,
        },
        Case {
            name: "301 employees, capital 3億 (at the limit)",
            input: with(
                nagano_maker(),
                json!({"employees": 301, "capital": "3億円"}),
            ),
            expect: (Eligible, Eligible),
            next: None,
            complete: true,
        },
        Case {
            name: "301 employees, capital 3億1円",
            input: with(
                nagano_maker(),
                json!({"employees": 301, "capital": 300000001}),
            ),
            expect: (NotEligible, NotEligible),
            next: None,
            complete: true,
        },
        Case {
            name: "deemed large by a single owner",
            input: with(
                nagano_maker(),
                json!({"exclusions": {"singleLargeShare": true}}),
            ),
            expect: (NotEligible, NotEligible),
            next: None,
            complete: true,
        },
        Case {
            name: "deemed large by exact share 2/3",
            input: with(
                nagano_maker(),
                json!({"exclusions": {"singleLargeShare": "0.4", "totalLargeShare": "2/3"}}),
            ),
            expect: (NotEligible, NotEligible),
            next: None,
            complete: true,
        },
        Case {
            name: "expert from an uncertified company",
            input: with(nagano_maker(), json!({"expertKind": "other"})),
            expect: (NotEligible, NotEligible),
            next: None,
            complete: true,
        },
        Case {
            name: "expert not chosen yet",
            input: with(nagano_maker(), json!({"expertKind": "undecided"})),
            expect: (Eligible, Eligible),
            next: None,
            complete: true,
        },
        Case {
            name: "production under a contract for work",
            input: with(nagano_maker(), json!({"support": "production"})),
            expect: (NotEligible, NotEligible),
            next: None,
            complete: true,
        },
        Case {
            name: "no date yet",
            input: with(nagano_maker(), json!({"asOf": null})),
            expect: (NeedsChecking, NeedsChecking),
            next: Some(Q::AsOf),
            complete: false,
        },
        Case {
            name: "after everything ended",
            input: with(nagano_maker(), json!({"asOf": "2023-04-01"})),
            expect: (NotEligible, NotEligible),
            next: None,
            complete: true,
        },
        Case {
            name: "Feb 2021: national intake closed, Nagano-only open",
            input: with(nagano_maker(), json!({"asOf": "2021-02-10"})),
            expect: (NeedsChecking, Eligible),
            next: None,
            complete: true,
        },
        Case {
            name: "Phase II open",
            input: with(
                nagano_maker(),
                json!({"asOf": "2021-06-01", "location": "other"}),
            ),
            expect: (Eligible, NotEligible),
            next: None,
            complete: true,
        },
        Case {
            name: "sole proprietor retailer",
            input: json!({"location": "other", "orgType": "soleProprietor", "industry": "retail", "employees": "3人"}),
            expect: (NeedsChecking, NotEligible),
            next: Some(Q::ExpertKind),
            complete: false,
        },
        Case {
            name: "retailer with 51 employees as sole proprietor",
            input: json!({"location": "nagano", "orgType": "soleProprietor", "industry": "retail", "employees": 51}),
            expect: (NotEligible, NotEligible),
            next: None,
            complete: true,
        },
        Case {
            name: "medical corporation",
            input: json!({"location": "nagano", "orgType": "medical", "employees": 120}),
            expect: (NeedsChecking, NeedsChecking),
            next: Some(Q::LargeOfficerShare),
            complete: false,
        },
    ];
    for c in cases {
        let e = check(c.input);
        assert_eq!(statuses(&e), c.expect, "{}", c.name);
        assert_eq!(e.next_question, c.next, "{}", c.name);
        assert_eq!(e.complete, c.complete, "{}", c.name);
        for v in &e.schemes {
            assert!(!v.headline.is_empty(), "{}", c.name);
            for r in &v.reasons {
                assert!(
                    !r.rules.is_empty(),
                    "{}: reason without rule: {}",
                    c.name,
                    r.text
                );
                assert!(
                    !r.sources.is_empty(),
                    "{}: reason without source: {}",
                    c.name,
                    r.text
                );
            }
            if v.status == NotEligible {
                assert!(v.certain, "{}", c.name);
                assert!(
                    v.headline.contains("対象外") || v.headline.contains("終了"),
                    "{}: {}",
                    c.name,
                    v.headline
                );
            }
        }
    }
}

#[test]
fn skipped_question_table() {
    use Q::*;
    let excl = [
        SingleLargeShare,
        TotalLargeShare,
        LargeOfficerShare,
        OwnedByDeemedLarge,
        OfficersAllFromDeemedLarge,
        AvgTaxableIncome,
    ];
    let cases: Vec<(&str, Json, Vec<Q>)> = vec![
        (
            "employees qualify: no capital question",
            json!({"location": "nagano", "orgType": "company", "industry": "manufacturing", "employees": 300}),
            vec![Capital],
        ),
        (
            "sole proprietor: no capital, no deemed-large questions",
            json!({"location": "nagano", "orgType": "soleProprietor", "industry": "services", "employees": 2}),
            [Capital].into_iter().chain(excl).collect(),
        ),
        (
            "medical corporation: no industry, capital or share questions",
            json!({"location": "nagano", "orgType": "medical", "employees": 10}),
            vec![
                Industry,
                Capital,
                SingleLargeShare,
                TotalLargeShare,
                OwnedByDeemedLarge,
            ],
        ),
        (
            "too big: everything after is skipped",
            json!({"location": "nagano", "orgType": "company", "industry": "retail", "employees": 51, "capital": 50000001}),
            excl.into_iter()
                .chain([ExpertKind, Support, AsOf])
                .collect(),
        ),
        (
            "an early exclusion ends the deemed-large questions",
            json!({"location": "other", "orgType": "company", "industry": "retail", "employees": 5, "exclusions": {"singleLargeShare": "1/2"}}),
            vec![
                Capital,
                TotalLargeShare,
                LargeOfficerShare,
                OwnedByDeemedLarge,
                OfficersAllFromDeemedLarge,
                AvgTaxableIncome,
                ExpertKind,
                Support,
                AsOf,
            ],
        ),
        ("nothing known: nothing skipped", json!({}), vec![]),
    ];
    for (name, input, expect) in cases {
        let e = check(input);
        assert_eq!(skipped(&e), expect, "{name}");
        for q in e
            .questions
            .iter()
            .filter(|q| q.status == QuestionStatus::Skipped)
        {
            assert!(
                q.note.as_deref().is_some_and(|n| !n.is_empty()),
                "{name}: {:?} has no note",
                q.id
            );
        }
    }
}

#[test]
fn a_skipped_answer_is_kept_but_ignored() {
    // Capital typed earlier stays in the input; once the employees qualify it changes nothing,
    // and even a malformed leftover would be reported (it is still the user's answer).
    let e = check(with(nagano_maker(), json!({"capital": "10億円"})));
    assert_eq!(statuses(&e), (S::Eligible, S::Eligible));
    assert!(skipped(&e).contains(&Q::Capital));
}

#[test]
fn too_big_says_what_would_qualify() {
    let e = check(with(
        nagano_maker(),
        json!({"employees": 301, "capital": "4億円"}),
    ));
    let v = &e.schemes[0];
    assert_eq!(v.headline, "このままでは対象外です。従業員が300人以下か、資本金が3億円以下なら対象になります（SME-1 ①）。");
    assert!(
        v.to_qualify
            .iter()
            .any(|t| t == "従業員が300人以下なら対象になります（SME-1 ①）。"),
        "{:?}",
        v.to_qualify
    );
    assert!(all_rules(&e, 0).contains(&"SME-1"));
    assert!(e.summary.starts_with("このままでは対象外です。"));
}

#[test]
fn deemed_large_reason_in_plain_words() {
    let e = check(with(
        nagano_maker(),
        json!({"exclusions": {"singleLargeShare": true}}),
    ));
    let v = &e.schemes[0];
    assert_eq!(v.status, S::NotEligible);
    let r = v
        .reasons
        .iter()
        .find(|r| r.rules == ["SME-6"])
        .expect("an SME-6 reason");
    assert_eq!(r.text, "大企業1社が株式・出資の半分以上を持っているとのことなので、みなし大企業として対象外になります（SME-6 (1)）。");
    assert_eq!(r.sources, ["002"]);
    assert_eq!(
        v.to_qualify,
        ["大企業1社が持つ株式・出資が2分の1未満なら対象になります（SME-6 (1)）。"]
    );
    assert_eq!(e.sme.as_ref().unwrap().deemed_large, [1]);
    // The exact share keeps the core's own wording.
    let e = check(with(
        nagano_maker(),
        json!({"exclusions": {"singleLargeShare": "60%"}}),
    ));
    assert!(e.schemes[0].reasons.iter().any(|r| r.text.contains("60%")));
}

#[test]
fn deadlines_on_the_as_of_date() {
    let e = check(nagano_maker());
    let ids: Vec<&str> = e.schemes[0].deadlines.iter().map(|d| d.id).collect();
    assert_eq!(ids[0], "nationalP1RegistrationEnd");
    assert!(
        ids.contains(&"nationalP2RegistrationEnd"),
        "Phase II is ahead: {ids:?}"
    );
    assert!(e.schemes[0]
        .deadlines
        .iter()
        .all(|d| d.date.to_string().as_str() >= "2021-01-15"));
    let nagano: Vec<&str> = e.schemes[1].deadlines.iter().map(|d| d.id).collect();
    assert!(
        nagano.contains(&"naganoCombinedApplicationEnd")
            && nagano.contains(&"naganoOnlyApplicationEnd"),
        "{nagano:?}"
    );
    assert_eq!(e.schemes[1].interpretations, ["NGN-1"]);
    assert!(e.schemes[0].caveats.iter().any(|c| c.contains("NAT-P5")));
    // Ended: said kindly, with the date, and no deadlines left.
    let e = check(with(nagano_maker(), json!({"asOf": "2023-04-01"})));
    assert!(e.schemes[0].deadlines.is_empty());
    assert!(
        e.schemes[0].headline.contains("2022年2月28日"),
        "{}",
        e.schemes[0].headline
    );
    assert!(e.summary.contains("終了"));
}

#[test]
fn english_on_request() {
    let e = check_eligibility_raw(
        &raw(with(nagano_maker(), json!({"support": "production"}))),
        Locale::En,
    )
    .unwrap();
    assert!(
        e.schemes[0]
            .headline
            .starts_with("As things stand you do not qualify."),
        "{}",
        e.schemes[0].headline
    );
    assert!(all_rules(&e, 0).contains(&"NAT-6"));
}

#[test]
fn malformed_answers_name_their_field() {
    let cases = [
        (json!({"location": "tokyo"}), vec!["location"]),
        (
            json!({"orgType": "kaisha", "employees": "many"}),
            vec!["orgType", "employees"],
        ),
        (json!({"capital": "-5"}), vec!["capital"]),
        (
            json!({"exclusions": {"singleLargeShare": "2", "ownedByDeemedLarge": "maybe"}}),
            vec![
                "exclusions.singleLargeShare",
                "exclusions.ownedByDeemedLarge",
            ],
        ),
        (json!({"exclusions": [1]}), vec!["exclusions"]),
        (
            json!({"expertKind": 3, "support": "design"}),
            vec!["expertKind", "support"],
        ),
        (json!({"asOf": "2021-02-30"}), vec!["asOf"]),
    ];
    for (input, fields) in cases {
        let errs = check_eligibility_raw(&raw(input.clone()), Locale::Ja).unwrap_err();
        let got: Vec<&str> = errs.iter().map(|e| e.field).collect();
        assert_eq!(got, fields, "{input}");
        assert!(errs.iter().all(|e| !e.message(Locale::Ja).is_empty()));
    }
}

#[test]
fn never_panics_on_odd_answers() {
    let odd = [
        json!(null),
        json!(""),
        json!(true),
        json!(-1),
        json!(1e300),
        json!([]),
        json!({}),
        json!("１２３"),
        json!("1/0"),
    ];
    let fields = [
        "location",
        "orgType",
        "industry",
        "capital",
        "employees",
        "expertKind",
        "support",
        "asOf",
    ];
    for f in fields {
        for v in &odd {
            let _ = check_eligibility_raw(&raw(json!({ f: v })), Locale::Ja);
            let _ = check_eligibility_raw(
                &raw(json!({"exclusions": { "avgTaxableIncome": v, "singleLargeShare": v }})),
                Locale::En,
            );
        }
    }
}

#[test]
fn nagano_is_not_open_before_it_started() {
    use ouen_rules::params::{programme_state, ProgrammeId, ProgrammeState};
    let on = |d: &str| ouen_rules::Date::parse(d).unwrap();
    // The top-up rides on the national programme: not before its start (000 §1, §2).
    assert_eq!(
        programme_state(ProgrammeId::NaganoCombined, None, on("2019-06-01")).0,
        ProgrammeState::NotYetOpen
    );
    assert_eq!(
        programme_state(ProgrammeId::NaganoCombined, None, on("2020-09-01")).0,
        ProgrammeState::Open
    );
    let e = check(with(nagano_maker(), json!({"asOf": "2019-06-01"})));
    assert_eq!(statuses(&e), (S::NeedsChecking, S::NeedsChecking));
    assert_eq!(e.schemes[1].state, Some(ProgrammeState::NotYetOpen));
    assert!(
        e.schemes[1]
            .reasons
            .iter()
            .any(|r| r.text.contains("まだ始まっていません") && r.text.contains("2020年9月1日")),
        "{:?}",
        e.schemes[1].reasons
    );
    // The cost split says so too.
    let mut i =
        ouen_rules::SimulationInput::new(6000.into(), 12.into(), ouen_rules::Schemes::COMBINED);
    i.as_of = Some(on("2019-06-01"));
    let s = ouen_rules::simulate(&i, Locale::Ja);
    assert_eq!(
        s.warnings
            .iter()
            .filter(|w| w.code == ouen_rules::cost::WarningCode::ProgrammeNotYetOpen)
            .count(),
        2,
        "{:?}",
        s.warnings
    );
}

#[test]
fn the_cost_mode_follows_the_verdicts_and_the_date() {
    use ouen_rules::Scheme::{Nagano, National};
    let cases = [
        ("both open", json!({}), vec![National, Nagano]),
        (
            "outside Nagano",
            json!({"location": "other"}),
            vec![National],
        ),
        // National registration closed, Nagano's prefecture-only mode open (NGN-4).
        (
            "prefecture only",
            json!({"asOf": "2021-02-10"}),
            vec![Nagano],
        ),
        // Nagano over, Phase II ahead.
        ("Nagano over", json!({"asOf": "2021-06-01"}), vec![National]),
        (
            "not an SME",
            json!({"employees": 301, "capital": 300_000_001u64}),
            vec![],
        ),
        ("everything over", json!({"asOf": "2023-04-01"}), vec![]),
        ("no date yet", json!({"asOf": null}), vec![National, Nagano]),
    ];
    for (name, patch, expected) in cases {
        let e = check(with(nagano_maker(), patch));
        assert_eq!(e.simulate_with, expected, "{name}");
    }
    // In the JS API's shape: simulate's `schemes`.
    let json = serde_json::to_value(check(nagano_maker())).unwrap();
    assert_eq!(json["simulateWith"], json!(["national", "nagano"]));
}

#[test]
fn next_steps_say_how_to_apply() {
    let e = check(nagano_maker());
    let rules: Vec<Vec<&str>> = e.next_steps.iter().map(|s| s.rules.clone()).collect();
    assert_eq!(
        rules,
        vec![
            vec!["NAT-11"],
            vec!["NAT-10"],
            vec!["NAT-11"],
            vec!["NAT-11", "NAT-9"],
            vec!["NGN-5", "NGN-7", "NGN-8"],
        ]
    );
    let text: Vec<&str> = e.next_steps.iter().map(|s| s.text.as_str()).collect();
    for (i, word) in [
        "ポータルサイト",
        "セルフマッチング",
        "支援計画",
        "準委任契約",
        "事業計画書",
    ]
    .iter()
    .enumerate()
    {
        assert!(text[i].contains(word), "{word} in {}", text[i]);
    }
    assert!(e.next_steps.iter().all(|s| !s.sources.is_empty()));
    // No expert yet: the secretariat's matching comes first.
    let e = check(with(nagano_maker(), json!({"expertKind": "undecided"})));
    assert!(e.next_steps[1]
        .text
        .starts_with("マッチング：相談案件を登録"));
    // Prefecture only: Nagano's own timeline.
    let e = check(with(nagano_maker(), json!({"asOf": "2021-02-10"})));
    assert_eq!(e.next_steps.len(), 1);
    assert_eq!(e.next_steps[0].rules, ["NGN-6", "NGN-7", "NGN-8"]);
    // Phase II: who can start when (NAT-P2).
    let e = check(with(nagano_maker(), json!({"asOf": "2021-06-01"})));
    assert!(e.next_steps[0].rules.contains(&"NAT-P2"));
    assert!(
        e.next_steps[0].text.contains("2021年4月26日")
            && e.next_steps[0].text.contains("第Ⅰ期に登録済み"),
        "{}",
        e.next_steps[0].text
    );
    // English too; nothing to apply for when neither scheme can be used.
    let en = check_eligibility_raw(&raw(nagano_maker()), Locale::En).unwrap();
    assert!(en.next_steps[0].text.starts_with("Register"));
    let none = check(with(nagano_maker(), json!({"support": "production"})));
    assert!(none.next_steps.is_empty());
}
