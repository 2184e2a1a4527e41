//! The self-assessment checklist (RULES.md §8): item data, validation, scoring, stage mapping,
//! next steps, comparison and CSV export.

use ouen_rules::checklist::{
    answers_csv, compare, item, items_in, progress, score, validate, Answer, Area, Assessment,
    BusinessKind, RawAnswers, ITEMS,
};
use ouen_rules::{ErrorKind, Locale, Value};
use std::collections::{BTreeMap, BTreeSet};

use Answer::*;
use BusinessKind::*;

/// Every item answered `default`, then the overrides.
fn assess(kind: BusinessKind, default: Answer, overrides: &[(&str, Answer)]) -> Assessment {
    let mut raw: RawAnswers = ITEMS
        .iter()
        .map(|it| (it.id.to_string(), Value::from(default.id())))
        .collect();
    for (id, a) in overrides {
        assert!(item(id).is_some(), "no item {id}");
        raw.insert(id.to_string(), Value::from(a.id()));
    }
    validate(kind, &raw).unwrap_or_else(|e| panic!("{e:?}"))
}

/// `n` operations items (in order) answered `a`, the rest of the operations `rest`.
fn ops(n: usize, a: Answer, rest: Answer) -> Vec<(&'static str, Answer)> {
    ITEMS
        .iter()
        .filter(|it| it.area.is_operations())
        .enumerate()
        .map(|(i, it)| (it.id, if i < n { a } else { rest }))
        .collect()
}

fn strategy(n: usize, a: Answer, rest: Answer) -> Vec<(&'static str, Answer)> {
    items_in(Area::Strategy)
        .enumerate()
        .map(|(i, it)| (it.id, if i < n { a } else { rest }))
        .collect()
}

#[test]
fn items_are_well_formed() {
    let ids: BTreeSet<_> = ITEMS.iter().map(|i| i.id).collect();
    assert_eq!(ids.len(), ITEMS.len(), "ids are unique");
    for area in Area::ALL {
        assert!(items_in(area).count() >= 2, "{area:?} has items");
    }
    assert_eq!(items_in(Area::Strategy).count(), 9);
    assert_eq!(items_in(Area::Production).count(), 8);
    for it in ITEMS {
        for text in [it.ja, it.en, it.done_ja, it.done_en] {
            assert!(!text.trim().is_empty(), "{} has all its texts", it.id);
        }
        assert_eq!(
            it.choices(Manufacturing).len(),
            5 + usize::from(it.may_skip(Manufacturing))
        );
    }
    // Production may not apply to a retailer; strategy and security always apply.
    assert!(items_in(Area::Production).all(|it| it.may_skip(Retail)));
    assert!(items_in(Area::Production).all(|it| !it.may_skip(Manufacturing)));
    assert!(items_in(Area::Strategy).all(|it| it.choices(Retail).len() == 5));
    assert!(items_in(Area::Security).all(|it| !it.may_skip(Service)));
}

#[test]
fn validation_reports_every_problem_naming_the_item() {
    let mut raw: RawAnswers = BTreeMap::new();
    let errors = validate(Manufacturing, &raw).unwrap_err();
    assert_eq!(errors.len(), ITEMS.len());
    assert!(errors.iter().all(|e| e.kind == ErrorKind::Missing));
    assert_eq!(errors[0].field, ITEMS[0].id);

    for it in ITEMS {
        raw.insert(it.id.into(), Value::from("done"));
    }
    raw.insert("st-value".into(), Value::from("na")); // strategy always applies
    raw.insert("pr-quality".into(), Value::from("na")); // a manufacturer makes things
    raw.insert("cs-quotes".into(), Value::from("maybe"));
    raw.insert("se-backup".into(), Value::from(" "));
    raw.insert("do-orders".into(), Value::from(3i64));
    raw.insert("xx-nope".into(), Value::from("done"));
    let errors = validate(Manufacturing, &raw).unwrap_err();
    let got: Vec<(&str, ErrorKind)> = errors.iter().map(|e| (e.field, e.kind.clone())).collect();
    assert_eq!(
        got,
        [
            ("st-value", ErrorKind::UnknownChoice { got: "na".into() }),
            (
                "cs-quotes",
                ErrorKind::UnknownChoice {
                    got: "maybe".into()
                }
            ),
            ("do-orders", ErrorKind::UnknownChoice { got: String::new() }),
            ("pr-quality", ErrorKind::UnknownChoice { got: "na".into() }),
            ("se-backup", ErrorKind::Missing),
            (
                "answers",
                ErrorKind::UnknownChoice {
                    got: "xx-nope".into()
                }
            ),
        ]
    );
    // The same 対象外 is fine for a retailer's production item.
    raw.insert("st-value".into(), Value::from("done"));
    raw.insert("cs-quotes".into(), Value::from("partial"));
    raw.insert("se-backup".into(), Value::from("unknown"));
    raw.insert("do-orders".into(), Value::from("considering"));
    raw.remove("xx-nope");
    let a = validate(Retail, &raw).unwrap();
    assert_eq!(a.answer("pr-quality"), Some(NotApplicable));
}

#[test]
fn progress_counts_valid_answers_only() {
    let mut raw = BTreeMap::new();
    raw.insert("st-value".to_string(), "done".to_string());
    raw.insert("pr-quality".to_string(), "na".to_string());
    raw.insert("cs-quotes".to_string(), "bogus".to_string());
    assert_eq!(progress(Manufacturing, &raw), (1, ITEMS.len()));
    assert_eq!(progress(Retail, &raw), (2, ITEMS.len()));
}

#[test]
fn all_done_is_100_percent_and_stage_4() {
    let r = score(&assess(Manufacturing, Done, &[]), Locale::Ja);
    assert_eq!(r.overall.points, 3 * ITEMS.len() as u32);
    assert_eq!(r.overall.percent, Some(100));
    assert!(r.areas.iter().all(|a| a.score.percent == Some(100)));
    assert_eq!(r.stage.stage, 4);
    assert_eq!(r.stage.mark, "④");
    assert_eq!(r.stage.cited, ["st-value", "st-owner-vision"]);
    assert!(
        r.stage
            .reason
            .contains("業務のデジタル化は100%、経営戦略は100%"),
        "{}",
        r.stage.reason
    );
}

#[test]
fn nothing_started_is_0_percent_and_stage_1_citing_the_gaps() {
    let r = score(&assess(Manufacturing, NotStarted, &[]), Locale::Ja);
    assert_eq!(r.overall.percent, Some(0));
    assert_eq!(r.stage.stage, 1);
    assert_eq!(r.stage.cited, ["cs-customer-data", "cs-quotes"]);
    assert!(
        r.stage
            .reason
            .contains("「お客様や販路の情報を電子化し、社内で共有している」"),
        "{}",
        r.stage.reason
    );
    let en = score(&assess(Manufacturing, NotStarted, &[]), Locale::En);
    assert!(
        en.stage
            .reason
            .starts_with("Operations score 0%, strategy 0%."),
        "{}",
        en.stage.reason
    );
}

#[test]
fn the_stage_says_it_is_this_tools_estimate() {
    // 003 names the four stages but gives no way to place a business: ours is an estimate.
    for answer in [NotStarted, Partial, Done] {
        let ja = score(&assess(Retail, answer, &[]), Locale::Ja);
        assert!(
            ja.stage.basis.contains("独自に見積もった目安"),
            "{}",
            ja.stage.basis
        );
        assert!(ja.stage.basis.contains("003"));
        let en = score(&assess(Retail, answer, &[]), Locale::En);
        assert!(
            en.stage.basis.contains("this tool's own estimate"),
            "{}",
            en.stage.basis
        );
    }
}

#[test]
fn points_are_exact_and_percent_is_floored() {
    // Customers: done (3) + considering (1) = 4 of 6 → 66%.
    let r = score(
        &assess(
            Manufacturing,
            Partial,
            &[("cs-customer-data", Done), ("cs-quotes", Considering)],
        ),
        Locale::Ja,
    );
    let cs = &r.areas[1];
    assert_eq!(cs.area, Area::Customers);
    assert_eq!(
        (cs.score.points, cs.score.max, cs.score.percent),
        (4, 6, Some(66))
    );
    // Overall: 27 items partial (54) + 4 = 58 of 87 → 66%.
    assert_eq!((r.overall.points, r.overall.max), (58, 87));
    assert_eq!(r.overall.percent, Some(66));
}

#[test]
fn unknown_counts_as_a_gap_but_is_reported_separately() {
    let r = score(
        &assess(
            Manufacturing,
            Done,
            &[("se-backup", Unknown), ("se-sharing", Unknown)],
        ),
        Locale::Ja,
    );
    let se = r.areas.iter().find(|a| a.area == Area::Security).unwrap();
    assert_eq!(
        (se.score.points, se.score.max, se.score.percent),
        (9, 15, Some(60))
    );
    assert_eq!(se.unknown, 2);
    assert_eq!(r.unknown, ["se-sharing", "se-backup"]);
    assert!(r.not_applicable.is_empty());
}

#[test]
fn not_applicable_leaves_the_score_unchanged() {
    let na: Vec<_> = items_in(Area::Production)
        .map(|it| (it.id, NotApplicable))
        .collect();
    let r = score(&assess(Retail, Done, &na), Locale::Ja);
    assert_eq!(
        r.overall.percent,
        Some(100),
        "the production items are out of the denominator"
    );
    assert_eq!(r.overall.max, 3 * (ITEMS.len() as u32 - 8));
    let pr = r.areas.iter().find(|a| a.area == Area::Production).unwrap();
    assert_eq!(
        (pr.score.max, pr.score.percent, pr.applicable),
        (0, None, 0)
    );
    assert_eq!(r.not_applicable.len(), 8);
    // With one area not applying, the weakest three come from the others.
    let mut mixed = na.clone();
    mixed.push(("se-updates", NotStarted));
    let r = score(&assess(Retail, Done, &mixed), Locale::Ja);
    assert!(r.next_steps.iter().all(|s| s.area != Area::Production));
    assert_eq!(r.next_steps[0].area, Area::Security);
    // A retailer with one of eight production items NA: the same points over a smaller max.
    let r1 = score(
        &assess(Retail, Partial, &[("pr-quality", NotApplicable)]),
        Locale::Ja,
    );
    let pr = r1
        .areas
        .iter()
        .find(|a| a.area == Area::Production)
        .unwrap();
    assert_eq!((pr.score.points, pr.score.max, pr.applicable), (14, 21, 7));
}

#[test]
fn stage_2_starts_at_40_percent_of_operations() {
    // 15 operations items, 45 points: 6 done = 18 points = 40%; 17 points = 37%.
    let mut at = ops(6, Done, NotStarted);
    at.extend(strategy(0, Done, NotStarted));
    let r = score(&assess(Manufacturing, NotStarted, &at), Locale::Ja);
    assert_eq!(r.operations.percent, Some(40));
    assert_eq!(r.stage.stage, 2);
    assert_eq!(r.stage.mark, "②");

    let mut below = ops(5, Done, NotStarted);
    below.push(("hr-analysis", Partial));
    let r = score(&assess(Manufacturing, NotStarted, &below), Locale::Ja);
    assert_eq!((r.operations.points, r.operations.percent), (17, Some(37)));
    assert_eq!(r.stage.stage, 1);
}

#[test]
fn stage_3_needs_strategy_and_the_value_item_too() {
    // Operations 9 of 15 done = 60%; strategy 6 of 9 done = 66%.
    let mut base = ops(9, Done, NotStarted);
    base.extend(strategy(6, Done, NotStarted)); // st-value (5th) is done
    let r = score(&assess(Manufacturing, NotStarted, &base), Locale::Ja);
    assert_eq!(
        (r.operations.percent, r.areas[0].score.percent),
        (Some(60), Some(66))
    );
    assert_eq!(r.stage.stage, 3);
    assert_eq!(r.stage.cited, ["st-value"]);

    // The same scores without the value item started: stage 2, and the reason says why.
    let mut no_value = base.clone();
    no_value.push(("st-value", Considering));
    no_value.push(("st-owner-vision", Done));
    let r = score(&assess(Manufacturing, NotStarted, &no_value), Locale::Ja);
    assert_eq!(r.areas[0].score.percent, Some(70));
    assert_eq!(r.stage.stage, 2);
    assert_eq!(r.stage.cited, ["st-value"]);
    assert!(
        r.stage
            .reason
            .contains("「データやデジタル技術でどんな価値を生み出すか描いている」が一部実施以上"),
        "{}",
        r.stage.reason
    );

    // Strategy below 60% keeps stage 2 even with strong operations.
    let mut weak_strategy = ops(15, Done, Done);
    weak_strategy.extend(strategy(5, Done, NotStarted));
    let r = score(
        &assess(Manufacturing, NotStarted, &weak_strategy),
        Locale::Ja,
    );
    assert_eq!(r.stage.stage, 2);
    assert!(
        r.stage.reason.contains("経営戦略60%以上"),
        "{}",
        r.stage.reason
    );
}

#[test]
fn stage_4_needs_the_long_term_road_map_done() {
    let r = score(
        &assess(Manufacturing, Done, &[("st-owner-vision", Partial)]),
        Locale::Ja,
    );
    assert_eq!(r.stage.stage, 3);
    let r = score(
        &assess(
            Manufacturing,
            Done,
            &[
                ("cs-quotes", NotStarted),
                ("pr-quality", NotStarted),
                ("pr-history", NotStarted),
            ],
        ),
        Locale::Ja,
    );
    assert_eq!(r.operations.percent, Some(80));
    assert_eq!(r.stage.stage, 4);
}

#[test]
fn next_steps_are_the_three_weakest_areas_with_actions_and_supports() {
    let r = score(
        &assess(
            Manufacturing,
            Done,
            &[
                ("se-updates", NotStarted),
                ("se-backup", Unknown),
                ("cs-quotes", Considering),
                ("hr-training", Partial),
                ("st-plan", Partial),
            ],
        ),
        Locale::Ja,
    );
    let areas: Vec<Area> = r.next_steps.iter().map(|s| s.area).collect();
    // Security 60%, customers 66%, people 83%, strategy 96%.
    assert_eq!(areas, [Area::Security, Area::Customers, Area::People]);
    let se = &r.next_steps[0];
    assert_eq!(se.percent, 60);
    assert_eq!(se.label, "情報セキュリティの基本");
    // The weakest items first (未着手 before わからない in item order, both 0 points), with
    // what "done" looks like, then the area's own first move.
    assert_eq!(se.actions.len(), 3);
    assert!(se.actions[0].starts_with("「パソコンやスマホのOS・ソフトを最新にしている」："));
    assert!(se.actions[1].starts_with("「大事なデータのバックアップを取っている」："));
    assert!(se.actions[2].contains("SECURITY ACTION"));
    assert_eq!(se.supports[0].id.id(), "securityAction");
    assert_eq!(
        r.next_steps[1]
            .supports
            .iter()
            .map(|s| s.id.id())
            .collect::<Vec<_>>(),
        ["national", "nagano", "itSubsidy2020", "kokokaraApp"]
    );
    // Ties keep area order.
    let r = score(&assess(Manufacturing, Done, &[]), Locale::En);
    let areas: Vec<Area> = r.next_steps.iter().map(|s| s.area).collect();
    assert_eq!(areas, [Area::Strategy, Area::Customers, Area::Documents]);
    assert_eq!(
        r.next_steps[0].actions.len(),
        1,
        "nothing left to fix but the area's own move"
    );
}

#[test]
fn comparison_says_what_improved() {
    let before = assess(Manufacturing, Considering, &[("se-backup", Done)]);
    let now = assess(
        Manufacturing,
        Considering,
        &[
            ("cs-quotes", Done),
            ("se-updates", Partial),
            ("se-backup", Partial),
        ],
    );
    let c = compare(&before, &now);
    assert_eq!(c.improved, ["cs-quotes", "se-updates"]);
    assert_eq!(c.declined, ["se-backup"]);
    let cs = c
        .area_deltas
        .iter()
        .find(|(a, _)| *a == Area::Customers)
        .unwrap();
    assert_eq!(cs.1, Some(66 - 33));
    // Overall: 30 → 32 points of 87: 34% → 36%.
    assert_eq!(c.overall_delta, Some(2));
    // 対象外 on either side is neither better nor worse.
    let retail_before = assess(Retail, Considering, &[("pr-quality", NotApplicable)]);
    let c = compare(&retail_before, &assess(Retail, Considering, &[]));
    assert!(c.improved.is_empty() && c.declined.is_empty());
}

#[test]
fn csv_has_a_header_and_one_quoted_row_per_item() {
    let a = assess(
        Retail,
        Done,
        &[("pr-quality", NotApplicable), ("cs-quotes", Unknown)],
    );
    let csv = answers_csv(&a, Locale::Ja);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines.len(),
        ITEMS.len() + 2,
        "header, items, trailing empty"
    );
    assert_eq!(lines[0], "分野,項目ID,項目,回答,回答ID");
    assert_eq!(
        lines[1],
        "経営戦略,st-strengths,自社の強みと弱みを言葉にできている,実施済,done"
    );
    assert!(csv.contains("\r\n顧客・営業の管理,cs-quotes,見積書づくりを電子化し、手間を減らしている,わからない,unknown\r\n"));
    assert!(csv.contains(",pr-quality,品質管理をシステムで行っている,対象外,na\r\n"));
    let en = answers_csv(&a, Locale::En);
    // English item texts with commas are quoted.
    assert!(en.starts_with("area,item id,item,answer,answer id\r\nStrategy,st-strengths,"));
    assert!(
        en.contains("\"We have a concrete plan: who does what, by when\""),
        "{en}"
    );
}

/// One catalogue: every support a next step can name is a support the navigator shows, under
/// the same id and name, in both languages (before the catalogue was data, the checklist kept
/// its own table, and a third of its links named no navigator support).
#[test]
fn every_next_step_support_is_shown_by_the_navigator() {
    use ouen_rules::navigator::navigator;
    for locale in [Locale::Ja, Locale::En] {
        let shown = navigator(&[], None, locale).supports;
        let mut named = 0;
        for area in Area::ALL {
            // Only this area weak: it is among the next steps.
            let weak: Vec<(&str, Answer)> = items_in(area).map(|it| (it.id, NotStarted)).collect();
            let r = score(&assess(Manufacturing, Done, &weak), locale);
            let step = r
                .next_steps
                .iter()
                .find(|s| s.area == area)
                .unwrap_or_else(|| panic!("{area:?} is a next step when it is the weakest"));
            assert!(!step.supports.is_empty(), "{area:?} suggests supports");
            for s in &step.supports {
                let card = shown
                    .iter()
                    .find(|c| c.id == s.id)
                    .unwrap_or_else(|| panic!("{} is in the navigator", s.id.id()));
                assert_eq!(card.name, s.name);
                named += 1;
            }
        }
        assert!(named >= 6);
    }
}

/// The checklist names its own fields in its errors (the core's labels have none of them).
#[test]
fn errors_name_the_checklists_fields() {
    use ouen_rules::checklist::RawChecklistInput;
    let raw: RawChecklistInput =
        serde_json::from_value(serde_json::json!({"businessKind": "bakery"})).unwrap();
    let e = raw.kind().unwrap_err();
    assert_eq!(e.field, "businessKind");
    assert_eq!(
        e.message(Locale::Ja),
        "事業の種類：「bakery」は選択肢にありません。一覧から選んでください。"
    );
    assert_eq!(
        e.message(Locale::En),
        "Kind of business: 'bakery' is not one of the choices."
    );
}
