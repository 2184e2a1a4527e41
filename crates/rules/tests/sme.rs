//! SME classification (SME-1..7): every limit at, just below and just above its boundary,
//! validation errors naming the field, and the "what would make you qualify" suggestions.

use ouen_rules::sme::{
    classify, Industry, OrgType, RawSmeInput, Share, SmeClassification, SmeInput,
};
use ouen_rules::{ErrorKind, InputError, Locale, Value};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::json;

fn raw(v: serde_json::Value) -> RawSmeInput {
    serde_json::from_value(v).expect("any JSON object deserializes")
}

fn run_in(v: serde_json::Value, locale: Locale) -> SmeClassification {
    let input = raw(v.clone())
        .validate()
        .unwrap_or_else(|e| panic!("{v} should be valid, got {e:?}"));
    classify(&input, locale)
}

fn run(v: serde_json::Value) -> SmeClassification {
    run_in(v, Locale::Ja)
}

fn errors(v: serde_json::Value) -> Vec<InputError> {
    raw(v.clone())
        .validate()
        .err()
        .unwrap_or_else(|| panic!("{v} should be refused"))
}

fn err(field: &'static str, kind: ErrorKind) -> InputError {
    InputError::new(field, kind)
}

fn company(industry: &str, capital: i64, employees: i64) -> serde_json::Value {
    json!({"orgType": "company", "industry": industry, "capital": capital, "employees": employees})
}

/// SME-1 ①–⑧: industry, capital limit, employee limit, row.
const SME1: [(&str, i64, i64, u8); 11] = [
    ("manufacturing", 300_000_000, 300, 1),
    ("construction", 300_000_000, 300, 1),
    ("transport", 300_000_000, 300, 1),
    ("wholesale", 100_000_000, 100, 2),
    ("services", 50_000_000, 100, 3),
    ("entertainment", 50_000_000, 100, 3),
    ("retail", 50_000_000, 50, 4),
    ("rubber", 300_000_000, 900, 5),
    ("software", 300_000_000, 300, 6),
    ("inn", 50_000_000, 200, 7),
    ("other", 300_000_000, 300, 8),
];

/// SME-5: industry and its small-business employee limit.
const SME5: [(&str, i64); 11] = [
    ("manufacturing", 20),
    ("construction", 20),
    ("transport", 20),
    ("wholesale", 5),
    ("services", 5),
    ("entertainment", 20),
    ("retail", 5),
    ("rubber", 20),
    ("software", 5),
    ("inn", 20),
    ("other", 20),
];

#[test]
fn sme1_capital_limit_of_every_industry() {
    for (ind, cap, emp, row) in SME1 {
        // Employees over the limit, so capital alone decides.
        for (capital, expected) in [(cap - 1, true), (cap, true), (cap + 1, false)] {
            let c = run(company(ind, capital, emp + 1));
            assert_eq!(
                c.sme,
                expected,
                "{ind}: capital {capital}, employees {}",
                emp + 1
            );
            assert_eq!(c.category.row, row, "{ind}");
            assert_eq!(c.category.rule, "SME-1");
            assert_eq!(c.capital_cap, Some(Decimal::from(cap)), "{ind}");
            assert_eq!(c.employee_cap as i64, emp, "{ind}");
            assert_eq!(c.reasons[0], "SME-1");
        }
    }
}

#[test]
fn sme1_employee_limit_of_every_industry() {
    for (ind, cap, emp, _) in SME1 {
        // Capital over the limit, so employees alone decide.
        for (employees, expected) in [(emp - 1, true), (emp, true), (emp + 1, false)] {
            let c = run(company(ind, cap + 1, employees));
            assert_eq!(
                c.sme,
                expected,
                "{ind}: capital {}, employees {employees}",
                cap + 1
            );
        }
    }
}

#[test]
fn sme1_either_test_is_enough() {
    // Capital within the limit and far too many employees: still an SME.
    let c = run(company("manufacturing", 300_000_000, 10_000));
    assert!(c.sme);
    assert_eq!(c.reasons, ["SME-1", "SME-5"]);
    assert_eq!(c.small_business, Some(false));
    // A tiny headcount with a huge capital: an SME, and small too.
    let c = run(company("manufacturing", 10_000_000_000, 3));
    assert!(c.sme);
    assert_eq!(c.small_business, Some(true));
    // Both over: not an SME, and so not small.
    let c = run(company("manufacturing", 300_000_001, 301));
    assert!(!c.sme);
    assert_eq!(c.small_business, Some(false));
    assert_eq!(c.reasons, ["SME-1"]);
}

#[test]
fn sme1_sole_proprietor_is_judged_on_employees_and_ignores_capital() {
    for (ind, _, emp, row) in SME1 {
        for (employees, expected) in [(emp - 1, true), (emp, true), (emp + 1, false)] {
            // A capital is ignored (not even checked), however small or malformed.
            for capital in [json!(0), json!("not a number"), json!(null)] {
                let c = run(json!({
                    "orgType": "soleProprietor", "industry": ind,
                    "capital": capital, "employees": employees
                }));
                assert_eq!(c.sme, expected, "{ind}: sole proprietor with {employees}");
                assert_eq!(c.category.row, row);
                assert_eq!(c.capital_cap, None);
            }
        }
    }
}

/// SME-2: organisation, industry (if it decides), employee limit, row.
fn sme2_cases() -> Vec<(&'static str, Option<&'static str>, i64, u8)> {
    let mut cases = vec![
        ("medical", None, 300, 9),
        ("socialWelfare", None, 300, 9),
        ("school", None, 300, 10),
        ("chamber", None, 100, 11),
    ];
    for (org, row) in [
        ("smeOrganization", 12),
        ("specialLawAssociation", 13),
        ("foundation", 14),
        ("npo", 15),
    ] {
        for (ind, _, emp, _) in SME1 {
            cases.push((org, Some(ind), emp, row));
        }
    }
    cases
}

#[test]
fn sme2_employee_limit_of_every_organisation() {
    for (org, ind, emp, row) in sme2_cases() {
        for (employees, expected) in [(emp - 1, true), (emp, true), (emp + 1, false)] {
            // Capital plays no part, even a huge one.
            let c = run(json!({
                "orgType": org, "industry": ind, "capital": 10_000_000_000i64,
                "employees": employees
            }));
            assert_eq!(c.sme, expected, "{org} {ind:?} with {employees}");
            assert_eq!(c.small_business, None, "SME-5 does not apply to {org}");
            assert_eq!(c.small_business_cap, None);
            assert_eq!(c.reasons, ["SME-2"]);
            assert_eq!(c.category.rule, "SME-2");
            assert_eq!(c.category.row, row);
            assert_eq!(c.capital_cap, None);
            assert_eq!(c.employee_cap as i64, emp);
            assert!(c.explanation.iter().any(|r| r.rules == ["SME-3"]));
        }
    }
}

#[test]
fn sme2_rows_12_to_15_take_the_limit_of_the_main_industry() {
    let c = run(json!({"orgType": "npo", "industry": "rubber", "employees": 900}));
    assert!(c.sme);
    assert_eq!(c.category.mark, "⑮");
    assert_eq!(c.category.industry_row, Some(5));
    let c = run(json!({"orgType": "foundation", "industry": "retail", "employees": 51}));
    assert!(!c.sme);
    assert_eq!(
        c.to_qualify,
        ["従業員が50人以下なら対象になります（SME-2 ⑭）。"]
    );
    // Medical corporations do not need an industry; one given is ignored, even a bad one.
    let c = run(json!({"orgType": "medical", "industry": "nonsense", "employees": 300}));
    assert!(c.sme);
    assert_eq!(c.category.industry_row, None);
}

#[test]
fn sme5_small_business_limit_of_every_industry() {
    for (ind, small) in SME5 {
        for org in ["company", "soleProprietor"] {
            for (employees, expected) in [(small - 1, true), (small, true), (small + 1, false)] {
                let c = run(json!({
                    "orgType": org, "industry": ind, "capital": 1_000_000,
                    "employees": employees
                }));
                assert!(c.sme, "{org} {ind} with {employees} is an SME");
                assert_eq!(
                    c.small_business,
                    Some(expected),
                    "{org} {ind} with {employees}"
                );
                assert_eq!(c.small_business_cap, Some(small as u32));
                assert_eq!(c.reasons, ["SME-1", "SME-5"]);
            }
        }
    }
}

#[test]
fn sme5_not_an_sme_is_not_small() {
    // Excluded by SME-6 with 1 employee: not small either.
    let c = run(json!({
        "orgType": "company", "industry": "retail", "capital": 1_000_000, "employees": 1,
        "exclusions": {"singleLargeShare": 0.5}
    }));
    assert!(!c.sme);
    assert_eq!(c.small_business, Some(false));
    assert_eq!(c.reasons, ["SME-1", "SME-6"]);
}

/// SME-6: one exclusion answer, and whether it excludes.
fn sme6_cases() -> Vec<(&'static str, serde_json::Value, bool, u8)> {
    vec![
        // (1) one large enterprise holds ≥ 1/2.
        ("singleLargeShare", json!(0.5), true, 1),
        ("singleLargeShare", json!(0.4999), false, 1),
        ("singleLargeShare", json!("0.5"), true, 1),
        ("singleLargeShare", json!("０．５"), true, 1),
        ("singleLargeShare", json!("1/2"), true, 1),
        ("singleLargeShare", json!("2分の1"), true, 1),
        ("singleLargeShare", json!("50%"), true, 1),
        ("singleLargeShare", json!("49.99％"), false, 1),
        ("singleLargeShare", json!("4999/10000"), false, 1),
        ("singleLargeShare", json!(1), true, 1),
        ("singleLargeShare", json!(0), false, 1),
        // (2) large enterprises together hold ≥ 2/3, compared exactly.
        ("totalLargeShare", json!("2/3"), true, 2),
        ("totalLargeShare", json!("２／３"), true, 2),
        ("totalLargeShare", json!("3分の2"), true, 2),
        ("totalLargeShare", json!("200/300"), true, 2),
        ("totalLargeShare", json!("199/300"), false, 2),
        (
            "totalLargeShare",
            json!("0.6666666666666666666666666667"),
            true,
            2,
        ),
        (
            "totalLargeShare",
            json!("0.6666666666666666666666666666"),
            false,
            2,
        ),
        // A JS double of 2/3 is just below two thirds: taken literally.
        ("totalLargeShare", json!(0.6666666666666666), false, 2),
        ("totalLargeShare", json!(0.67), true, 2),
        ("totalLargeShare", json!("66.67%"), true, 2),
        ("totalLargeShare", json!("66.66%"), false, 2),
        ("totalLargeShare", json!(0.5), false, 2),
        // (3) officers from large enterprises ≥ 1/2.
        ("largeOfficerShare", json!(0.5), true, 3),
        ("largeOfficerShare", json!(0.4999), false, 3),
        ("largeOfficerShare", json!("3/6"), true, 3),
        ("largeOfficerShare", json!("2/5"), false, 3),
        // (4) all shares held by deemed large enterprises.
        ("ownedByDeemedLarge", json!(true), true, 4),
        ("ownedByDeemedLarge", json!(false), false, 4),
        ("ownedByDeemedLarge", json!("true"), true, 4),
        ("ownedByDeemedLarge", json!("はい"), true, 4),
        ("ownedByDeemedLarge", json!("いいえ"), false, 4),
        // (5) all officers from deemed large enterprises.
        ("officersAllFromDeemedLarge", json!(true), true, 5),
        ("officersAllFromDeemedLarge", json!(false), false, 5),
        ("officersAllFromDeemedLarge", json!("no"), false, 5),
        // (6) average taxable income > 1.5 billion yen.
        ("avgTaxableIncome", json!(1_500_000_000), false, 6),
        ("avgTaxableIncome", json!(1_499_999_999), false, 6),
        ("avgTaxableIncome", json!(1_500_000_001), true, 6),
        ("avgTaxableIncome", json!("1500000000.01"), true, 6),
        ("avgTaxableIncome", json!("15億円"), false, 6),
        ("avgTaxableIncome", json!("15億1円"), true, 6),
        ("avgTaxableIncome", json!(0), false, 6),
    ]
}

#[test]
fn sme6_every_sub_item_at_its_boundary() {
    for (field, value, excluded, item) in sme6_cases() {
        let c = run(json!({
            "orgType": "company", "industry": "services", "capital": 10_000_000,
            "employees": 10, "exclusions": {field: value}
        }));
        assert_eq!(c.sme, !excluded, "{field} = {value}");
        if excluded {
            assert_eq!(c.deemed_large, [item], "{field} = {value}");
            assert_eq!(c.reasons, ["SME-1", "SME-6"]);
            let cite = format!("SME-6 ({item})");
            assert!(
                c.explanation.iter().any(|r| r.text.contains(&cite)),
                "{field}: explanation cites {cite}"
            );
            assert_eq!(c.to_qualify.len(), 1);
            assert!(c.to_qualify[0].contains(&cite), "{:?}", c.to_qualify);
        } else {
            assert!(c.deemed_large.is_empty(), "{field} = {value}");
            assert_eq!(c.reasons, ["SME-1", "SME-5"]);
        }
        assert!(!c
            .unanswered
            .contains(&format!("exclusions.{field}").as_str()));
    }
}

#[test]
fn sme6_applies_to_organisations_and_sole_proprietors_too() {
    let c = run(json!({
        "orgType": "npo", "industry": "services", "employees": 3,
        "exclusions": {"avgTaxableIncome": "16億円"}
    }));
    assert!(!c.sme);
    assert_eq!(c.small_business, None);
    assert_eq!(c.reasons, ["SME-2", "SME-6"]);
    let c = run(json!({
        "orgType": "soleProprietor", "industry": "retail", "employees": 1,
        "exclusions": {"avgTaxableIncome": 1_600_000_000i64}
    }));
    assert!(!c.sme);
    assert_eq!(c.small_business, Some(false));
}

#[test]
fn sme6_unanswered_means_no_and_is_listed() {
    let c = run(company("retail", 1_000_000, 3));
    assert!(c.sme);
    assert_eq!(c.unanswered.len(), 6);
    assert!(c
        .explanation
        .iter()
        .any(|r| r.rules == ["SME-6"] && r.text.contains("答えていない")));
    // SME-7's help note appears once shares have been asked about.
    assert!(!c.explanation.iter().any(|r| r.rules == ["SME-7"]));
    let c = run(json!({
        "orgType": "company", "industry": "retail", "capital": 1_000_000, "employees": 3,
        "exclusions": {
            "singleLargeShare": 0, "totalLargeShare": "", "largeOfficerShare": 0.1,
            "ownedByDeemedLarge": false, "officersAllFromDeemedLarge": false,
            "avgTaxableIncome": 0
        }
    }));
    assert!(c.sme);
    assert_eq!(c.unanswered, ["exclusions.totalLargeShare"]);
    assert!(c.explanation.iter().any(|r| r.rules == ["SME-7"]));
}

#[test]
fn sme6_several_exclusions_are_all_reported() {
    let c = run(json!({
        "orgType": "company", "industry": "manufacturing", "capital": 500_000_000,
        "employees": 400,
        "exclusions": {"singleLargeShare": "1/2", "avgTaxableIncome": "20億"}
    }));
    assert!(!c.sme);
    assert_eq!(c.deemed_large, [1, 6]);
    assert_eq!(c.reasons, ["SME-1", "SME-6"]);
    assert_eq!(
        c.summary,
        "このままでは対象外です。対象になるには、次の条件をすべて満たす必要があります。"
    );
    assert_eq!(
        c.to_qualify,
        [
            "従業員が300人以下か、資本金が3億円以下であること（SME-1 ①）。",
            "大企業1社が持つ株式・出資が2分の1未満であること（SME-6 (1)）。",
            "直近3年の課税所得の年平均が15億円以下であること（SME-6 (6)）。",
        ]
    );
}

#[test]
fn to_qualify_company_over_both_limits() {
    let v = company("manufacturing", 500_000_000, 350);
    let c = run(v.clone());
    assert_eq!(
        c.to_qualify,
        [
            "従業員が300人以下なら対象になります（SME-1 ①）。",
            "資本金が3億円以下なら対象になります（SME-1 ①）。",
        ]
    );
    assert_eq!(
        c.summary,
        "このままでは対象外です。従業員が300人以下か、資本金が3億円以下なら対象になります（SME-1 ①）。"
    );
    let c = run_in(v, Locale::En);
    assert_eq!(
        c.to_qualify,
        [
            "With 300 regular employees or fewer you would qualify (SME-1 ①).",
            "With capital of ¥300 million or less you would qualify (SME-1 ①).",
        ]
    );
    assert_eq!(
        c.summary,
        "As things stand you do not qualify. With 300 regular employees or fewer, or capital of ¥300 million or less, you would qualify (SME-1 ①)."
    );
}

#[test]
fn to_qualify_names_the_limits_of_the_row() {
    let c = run(company("services", 50_000_001, 101));
    assert_eq!(
        c.to_qualify,
        [
            "従業員が100人以下なら対象になります（SME-1 ③）。",
            "資本金が5,000万円以下なら対象になります（SME-1 ③）。",
        ]
    );
    let c = run(json!({"orgType": "soleProprietor", "industry": "retail", "employees": 51}));
    assert_eq!(
        c.to_qualify,
        ["従業員が50人以下なら対象になります（SME-1 ④）。"]
    );
    assert_eq!(
        c.summary,
        "このままでは対象外です。従業員が50人以下なら対象になります（SME-1 ④）。"
    );
    let c = run(json!({"orgType": "chamber", "employees": 101}));
    assert_eq!(
        c.to_qualify,
        ["従業員が100人以下なら対象になります（SME-2 ⑪）。"]
    );
    let c = run_in(json!({"orgType": "medical", "employees": 301}), Locale::En);
    assert_eq!(
        c.to_qualify,
        ["With 300 regular employees or fewer you would qualify (SME-2 ⑨)."]
    );
}

#[test]
fn to_qualify_for_a_single_exclusion() {
    let c = run(json!({
        "orgType": "company", "industry": "wholesale", "capital": 10_000_000,
        "employees": 10, "exclusions": {"totalLargeShare": "2/3"}
    }));
    assert_eq!(
        c.to_qualify,
        ["大企業が合わせて持つ株式・出資が3分の2未満なら対象になります（SME-6 (2)）。"]
    );
    assert_eq!(
        c.summary,
        "このままでは対象外です。大企業が合わせて持つ株式・出資が3分の2未満なら対象になります（SME-6 (2)）。"
    );
    assert!(c
        .explanation
        .iter()
        .any(|r| r.text.contains("約66.67%") && r.text.contains("3分の2以上")));
}

#[test]
fn to_qualify_for_a_small_business() {
    let c = run(company("inn", 10_000_000, 21));
    assert!(c.sme);
    assert_eq!(c.small_business, Some(false));
    assert_eq!(
        c.to_qualify,
        ["従業員が20人以下なら、小規模事業者にもあたります（SME-5）。"]
    );
    assert_eq!(
        c.summary,
        "対象になります。中小企業者にあたります（小規模事業者にはあたりません）。"
    );
    let c = run(company("inn", 10_000_000, 20));
    assert!(c.to_qualify.is_empty());
    assert_eq!(
        c.summary,
        "対象になります。中小企業者で、小規模事業者にもあたります。"
    );
}

#[test]
fn explanation_in_japanese_reads_step_by_step() {
    let c = run(json!({
        "orgType": "company", "industry": "software", "capital": "1億円",
        "employees": "３５０人",
        "exclusions": {"singleLargeShare": "1/3", "ownedByDeemedLarge": false,
                       "officersAllFromDeemedLarge": false, "totalLargeShare": 0.4,
                       "largeOfficerShare": 0, "avgTaxableIncome": 0}
    }));
    let lines: Vec<String> = c
        .explanation
        .iter()
        .map(|r| format!("[{}] {}", r.rules.join(","), r.text))
        .collect();
    expect_test::expect![[r#"
        [SME-1] ソフトウェア業・情報処理サービス業の会社は、資本金が3億円以下、または常時使用する従業員が300人以下なら中小企業者です（SME-1 ⑥）。
        [SME-1] 資本金1億円は3億円以下なので、規模の条件を満たしています（従業員は350人で300人を超えていますが、どちらか一方を満たせば足ります）。
        [SME-6] 大企業の持分や役員の割合、課税所得から見て、みなし大企業にはあたりません（SME-6）。
        [SME-5] ソフトウェア業・情報処理サービス業は小規模事業者の区分では「サービス業（宿泊業・娯楽業を除く）」にあたり、従業員5人以下が小規模事業者です。従業員350人なので、小規模事業者にはあたりません（SME-5）。
        [SME-4] 従業員は「常時使用する従業員」（解雇するときに予告が必要な人）で数えます。会社の役員や個人事業主ご本人は数えません（SME-4）。
        [SME-7] 中小企業投資育成株式会社と投資事業有限責任組合は、ここでいう大企業に含めません。これらが持つ株式・出資は、大企業の持分に数えなくて大丈夫です（SME-7）。"#]]
    .assert_eq(&lines.join("\n"));
    assert_eq!(
        c.summary,
        "対象になります。中小企業者にあたります（小規模事業者にはあたりません）。"
    );
}

#[test]
fn explanation_in_english_for_an_organisation() {
    let c = run_in(
        json!({"orgType": "npo", "industry": "retail", "employees": 60,
               "exclusions": {"largeOfficerShare": "1/2"}}),
        Locale::En,
    );
    let lines: Vec<String> = c
        .explanation
        .iter()
        .map(|r| format!("[{}] {}", r.rules.join(","), r.text))
        .collect();
    expect_test::expect![[r#"
        [SME-2] An NPO is an SME with 50 regular employees or fewer, the employee limit of its main industry (retail, SME-1 ④); capital does not matter (SME-2 ⑮).
        [SME-2] 60 regular employees is over the limit of 50, so the size test is not met.
        [SME-6] 50% of the officers are also officers or staff of a large enterprise: half or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (3)).
        [SME-5] The small-business category applies only to companies and sole proprietors, not to an NPO (SME-5).
        [SME-4] Count regular employees only: those who must be given advance notice of dismissal. Company officers and the owner of a sole proprietorship are not counted (SME-4).
        [SME-3] Organisations other than companies must carry on productive business, such as producing or providing goods or services (SME-3).
        [SME-7] SME investment and development companies and investment limited partnerships do not count as large enterprises here: leave their holdings out of the large-enterprise shares (SME-7)."#]]
    .assert_eq(&lines.join("\n"));
    assert_eq!(
        c.to_qualify,
        [
            "50 regular employees or fewer (SME-2 ⑮).",
            "Fewer than half of the officers are officers or staff of a large enterprise (SME-6 (3)).",
        ]
    );
    assert_eq!(
        c.summary,
        "As things stand you do not qualify. To qualify, all of the following would be needed."
    );
}

#[test]
fn entertainment_is_a_service_for_sme1_but_lodging_for_sme5() {
    let c = run(company("entertainment", 50_000_001, 100));
    assert!(c.sme);
    assert_eq!(c.category.mark, "③");
    assert_eq!(c.small_business_cap, Some(20));
    assert!(c.explanation[0]
        .text
        .contains("娯楽業はサービス業として扱います"));
}

#[test]
fn serializes_for_javascript() {
    let c = run(json!({"orgType": "school", "employees": 12}));
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(v["sme"], json!(true));
    assert_eq!(v["smallBusiness"], json!(null));
    assert_eq!(v["reasons"], json!(["SME-2"]));
    assert_eq!(v["capitalCap"], json!(null));
    assert_eq!(v["employeeCap"], json!(300));
    assert_eq!(v["smallBusinessCap"], json!(null));
    assert_eq!(v["toQualify"], json!([]));
    assert_eq!(v["deemedLarge"], json!([]));
    assert_eq!(
        v["category"],
        json!({"rule": "SME-2", "row": 10, "mark": "⑩", "industryRow": null})
    );
    assert!(v["explanation"][0]["rules"].is_array());
    assert!(v["explanation"][0]["text"].is_string());
    assert!(v["ruleset"]["version"].is_string());
    let c = run(company("wholesale", 100_000_000, 3));
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(v["capitalCap"], json!(100_000_000));
    assert_eq!(v["smallBusiness"], json!(true));
    assert_eq!(v["reasons"], json!(["SME-1", "SME-5"]));
}

#[test]
fn enums_use_the_api_ids() {
    for o in OrgType::ALL {
        assert_eq!(serde_json::to_value(o).unwrap(), json!(o.id()));
        assert_eq!(OrgType::parse(o.id()), Some(o));
    }
    for i in Industry::ALL {
        assert_eq!(serde_json::to_value(i).unwrap(), json!(i.id()));
        assert_eq!(Industry::parse(i.id()), Some(i));
    }
    assert_eq!(
        OrgType::parse("soleProprietor"),
        Some(OrgType::SoleProprietor)
    );
    assert_eq!(OrgType::parse("sole_proprietor"), None);
}

#[test]
fn validation_reports_every_problem_naming_the_field() {
    assert_eq!(
        errors(json!({})),
        [
            err("orgType", ErrorKind::Missing),
            err("employees", ErrorKind::Missing)
        ]
    );
    assert_eq!(
        errors(json!({"orgType": "company"})),
        [
            err("industry", ErrorKind::Missing),
            err("capital", ErrorKind::Missing),
            err("employees", ErrorKind::Missing)
        ]
    );
    assert_eq!(
        errors(json!({
            "orgType": "company", "industry": "mining", "capital": "1.5", "employees": 12.5,
            "exclusions": {
                "singleLargeShare": 1.5, "totalLargeShare": "abc", "largeOfficerShare": -0.1,
                "ownedByDeemedLarge": "maybe", "officersAllFromDeemedLarge": 1,
                "avgTaxableIncome": -5
            }
        })),
        [
            err(
                "industry",
                ErrorKind::UnknownChoice {
                    got: "mining".into()
                }
            ),
            err("capital", ErrorKind::NotWholeYen),
            err("employees", ErrorKind::NotWholeNumber),
            err("exclusions.singleLargeShare", ErrorKind::NotAFraction),
            err("exclusions.totalLargeShare", ErrorKind::NotAFraction),
            err("exclusions.largeOfficerShare", ErrorKind::NotAFraction),
            err("exclusions.ownedByDeemedLarge", ErrorKind::NotABoolean),
            err(
                "exclusions.officersAllFromDeemedLarge",
                ErrorKind::NotABoolean
            ),
            err("exclusions.avgTaxableIncome", ErrorKind::Negative),
        ]
    );
}

#[test]
fn validation_of_each_field() {
    let one = |v: serde_json::Value| {
        let e = errors(v);
        assert_eq!(e.len(), 1, "{e:?}");
        e.into_iter().next().unwrap()
    };
    let base = |k: &str, v: serde_json::Value| {
        let mut o =
            json!({"orgType": "company", "industry": "retail", "capital": 1000, "employees": 3});
        o[k] = v;
        o
    };
    assert_eq!(
        one(base("orgType", json!("corp"))),
        err("orgType", ErrorKind::UnknownChoice { got: "corp".into() })
    );
    assert_eq!(
        one(base("orgType", json!(5))),
        err("orgType", ErrorKind::UnknownChoice { got: "5".into() })
    );
    assert_eq!(
        one(base("orgType", json!("  "))),
        err("orgType", ErrorKind::Missing)
    );
    assert_eq!(
        one(base("industry", json!(null))),
        err("industry", ErrorKind::Missing)
    );
    assert_eq!(
        one(base("industry", json!(["retail"]))),
        err("industry", ErrorKind::UnknownChoice { got: "?".into() })
    );
    assert_eq!(
        one(base("capital", json!(-1))),
        err("capital", ErrorKind::Negative)
    );
    assert_eq!(
        one(base("capital", json!("abc"))),
        err("capital", ErrorKind::NotANumber)
    );
    assert_eq!(
        one(base("capital", json!("万"))),
        err("capital", ErrorKind::NotANumber)
    );
    assert_eq!(
        one(base("capital", json!(1e16))),
        err(
            "capital",
            ErrorKind::TooLarge {
                max: dec!(1_000_000_000_000_000)
            }
        )
    );
    assert_eq!(
        one(base("capital", json!(""))),
        err("capital", ErrorKind::Missing)
    );
    assert_eq!(
        one(base("employees", json!(-1))),
        err("employees", ErrorKind::Negative)
    );
    assert_eq!(
        one(base("employees", json!(10_000_001))),
        err(
            "employees",
            ErrorKind::TooLarge {
                max: dec!(10_000_000)
            }
        )
    );
    assert_eq!(
        one(base("employees", json!(true))),
        err("employees", ErrorKind::NotANumber)
    );
    assert_eq!(
        one(base("employees", json!(""))),
        err("employees", ErrorKind::Missing)
    );
    for bad in [json!("yes"), json!([1]), json!(1), json!(true)] {
        assert_eq!(
            one(base("exclusions", bad.clone())),
            err("exclusions", ErrorKind::NotAnObject),
            "{bad}"
        );
    }
    let share = |v: serde_json::Value| base("exclusions", json!({"singleLargeShare": v}));
    for bad in [
        json!("3/2"),
        json!("1/0"),
        json!("-1/2"),
        json!(true),
        json!("半分"),
        json!(1.0001),
        json!("0.1.2"),
        json!({}),
    ] {
        assert_eq!(
            one(share(bad.clone())),
            err("exclusions.singleLargeShare", ErrorKind::NotAFraction),
            "{bad}"
        );
    }
    // More decimals than the decimal type holds would be rounded: refused instead.
    assert_eq!(
        one(share(json!("0.666666666666666666666666666666666"))),
        err("exclusions.singleLargeShare", ErrorKind::NotAFraction)
    );
}

#[test]
fn people_can_type_the_way_they_write() {
    let input = |capital: &str, employees: &str| {
        raw(json!({"orgType": "company", "industry": "retail", "capital": capital, "employees": employees}))
            .validate()
            .unwrap()
    };
    for (typed, yen) in [
        ("3億円", dec!(300_000_000)),
        ("５千万円", dec!(50_000_000)),
        ("5,000万", dec!(50_000_000)),
        ("1億5000万円", dec!(150_000_000)),
        ("1.5億", dec!(150_000_000)),
        ("300百万円", dec!(300_000_000)),
        ("１２，３４５，６７８円", dec!(12_345_678)),
        ("1億2345万6789円", dec!(123_456_789)),
    ] {
        assert_eq!(input(typed, "3").capital, Some(yen), "{typed}");
    }
    assert_eq!(input("1", "１２人").employees, 12);
    assert_eq!(input("1", "12名").employees, 12);
    for bad in ["1万1億", "1万万", "億", "3億円未満"] {
        let e = raw(
            json!({"orgType": "company", "industry": "retail", "capital": bad, "employees": 1}),
        )
        .validate()
        .unwrap_err();
        assert_eq!(e[0].field, "capital", "{bad}");
    }
}

#[test]
fn fields_that_do_not_apply_are_ignored() {
    // Unknown keys, a capital for a school, an industry for a chamber.
    let i = raw(json!({
        "orgType": "school", "industry": 42, "capital": "lots", "employees": 10,
        "somethingElse": [1, 2]
    }))
    .validate()
    .unwrap();
    assert_eq!(i.industry, None);
    assert_eq!(i.capital, None);
    // With orgType unknown, a bad capital is still reported; a missing industry is not.
    assert_eq!(
        errors(json!({"orgType": "bank", "capital": "lots", "employees": 1})),
        [
            err("orgType", ErrorKind::UnknownChoice { got: "bank".into() }),
            err("capital", ErrorKind::NotANumber),
        ]
    );
    // `exclusions: null` is no answers at all.
    assert!(raw(
        json!({"orgType": "npo", "industry": "other", "employees": 1, "exclusions": null})
    )
    .validate()
    .is_ok());
}

#[test]
fn error_messages_name_the_field_in_both_languages() {
    let e = errors(
        json!({"orgType": "company", "industry": "retail", "capital": 1, "employees": 1,
                          "exclusions": {"totalLargeShare": 2}}),
    );
    assert_eq!(
        e[0].message(Locale::Ja),
        "大企業が合計で持つ株式・出資の割合：0から1の割合で入力してください（例：半分なら 0.5）。"
    );
    assert!(e[0]
        .message(Locale::En)
        .starts_with("Share held by large enterprises together:"));
    let e = errors(
        json!({"orgType": "company", "industry": "retail", "capital": 1, "employees": 1,
                          "exclusions": "x"}),
    );
    assert!(e[0].message(Locale::Ja).starts_with("みなし大企業の確認："));
}

#[test]
fn shares_are_exact_fractions() {
    assert_eq!(Share::quotient(dec!(200), dec!(300)), Share::new(2, 3));
    assert_eq!(Share::from_decimal(dec!(0.50)), Share::new(1, 2));
    assert_eq!(Share::from_decimal(dec!(1.01)), None);
    assert_eq!(Share::from_decimal(dec!(-0.01)), None);
    assert_eq!(Share::new(1, 0), None);
    let s = Share::new(4, 6).unwrap();
    assert_eq!((s.numerator(), s.denominator()), (2, 3));
}

#[test]
fn hand_built_inputs_never_panic() {
    // Bypassing validation: a company without industry or capital, absurd amounts.
    let mut i = SmeInput::new(OrgType::Company, None, None, u32::MAX);
    i.exclusions.avg_taxable_income = Some(Decimal::MAX);
    for locale in [Locale::Ja, Locale::En] {
        let c = classify(&i, locale);
        assert!(!c.sme);
    }
    let i = SmeInput::new(
        OrgType::Company,
        Some(Industry::Retail),
        Some(Decimal::MAX),
        0,
    );
    assert!(classify(&i, Locale::En).sme);
    let i = SmeInput::new(
        OrgType::Company,
        Some(Industry::Retail),
        Some(dec!(-5.5)),
        51,
    );
    assert!(classify(&i, Locale::Ja).sme);
}

fn loose_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(json!(null)),
        any::<bool>().prop_map(|b| json!(b)),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        (0u32..2000).prop_map(|n| json!(n)),
        (0u32..=1000).prop_map(|n| json!(format!("{n}/1000"))),
        "[0-9０-９億万千百円人名分の/%.,\\-]{0,12}".prop_map(|s| json!(s)),
        ".{0,8}".prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-zA-Z]{1,20}", inner, 0..3)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn org_value() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        prop::sample::select(OrgType::ALL.to_vec()).prop_map(|o| json!(o.id())),
        loose_value(),
    ]
}

fn industry_value() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        prop::sample::select(Industry::ALL.to_vec()).prop_map(|i| json!(i.id())),
        loose_value(),
    ]
}

fn exclusions_value() -> impl Strategy<Value = serde_json::Value> {
    let share = prop_oneof![
        (0u32..=100).prop_map(|n| json!(f64::from(n) / 100.0)),
        loose_value()
    ];
    prop_oneof![
        (
            share.clone(),
            share.clone(),
            share,
            loose_value(),
            loose_value(),
            loose_value()
        )
            .prop_map(|(a, b, c, d, e, f)| json!({
                "singleLargeShare": a, "totalLargeShare": b, "largeOfficerShare": c,
                "ownedByDeemedLarge": d, "officersAllFromDeemedLarge": e, "avgTaxableIncome": f
            })),
        loose_value(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever arrives, validation answers (with errors naming real fields) and
    /// classification never panics, in either language.
    #[test]
    fn never_panics(
        org in org_value(),
        industry in industry_value(),
        capital in loose_value(),
        employees in prop_oneof![(0u32..2000).prop_map(|n| json!(n)), loose_value()],
        exclusions in exclusions_value(),
    ) {
        let v = json!({"orgType": org, "industry": industry, "capital": capital,
                       "employees": employees, "exclusions": exclusions});
        let r: RawSmeInput = serde_json::from_value(v).unwrap();
        match r.validate() {
            Ok(i) => {
                for locale in [Locale::Ja, Locale::En] {
                    let c = classify(&i, locale);
                    prop_assert!(!c.explanation.is_empty());
                    prop_assert!(!c.summary.is_empty());
                    // Not qualifying always comes with a way to qualify; qualifying fully
                    // leaves nothing to suggest.
                    prop_assert!(c.sme || !c.to_qualify.is_empty());
                    if c.sme && c.small_business != Some(false) {
                        prop_assert!(c.to_qualify.is_empty());
                    }
                    if !c.sme {
                        prop_assert!(c.small_business != Some(true));
                    }
                }
            }
            Err(es) => {
                prop_assert!(!es.is_empty());
                for e in es {
                    prop_assert!(!e.message(Locale::Ja).starts_with("入力："), "{:?}", e);
                }
            }
        }
    }

    /// Fewer employees or less capital never turns an SME into a non-SME.
    #[test]
    fn smaller_is_never_worse(
        org in prop::sample::select(OrgType::ALL.to_vec()),
        industry in prop::sample::select(Industry::ALL.to_vec()),
        capital in 0i64..1_000_000_000,
        employees in 1u32..1500,
    ) {
        let base = SmeInput::new(org, Some(industry), org.has_capital().then(|| Decimal::from(capital)), employees);
        let c = classify(&base, Locale::Ja);
        let fewer = classify(&SmeInput { employees: employees - 1, ..base.clone() }, Locale::Ja);
        prop_assert!(!c.sme || fewer.sme);
        prop_assert!(c.small_business != Some(true) || fewer.small_business == Some(true));
        if org.has_capital() && capital > 0 {
            let poorer = classify(&SmeInput { capital: Some(Decimal::from(capital - 1)), ..base.clone() }, Locale::Ja);
            prop_assert!(!c.sme || poorer.sme);
        }
    }
}

/// `Value` is re-exported for callers building inputs by hand.
#[test]
fn raw_input_can_be_built_in_rust() {
    let r = RawSmeInput {
        org_type: Some(Value::from("company")),
        industry: Some(Value::from("retail")),
        capital: Some(Value::from(50_000_000i64)),
        employees: Some(Value::from(51i64)),
        exclusions: None,
    };
    let c = classify(&r.validate().unwrap(), Locale::Ja);
    assert!(c.sme);
    assert_eq!(c.small_business, Some(false));
}

/// The TypeScript declarations the npm package gets (only with `--features ts`).
#[cfg(feature = "ts")]
#[test]
fn typescript_declarations() {
    use ts_rs::{Config, TS};
    let cfg = Config::new();
    let decls = [
        RawSmeInput::decl(&cfg),
        ouen_rules::sme::RawExclusions::decl(&cfg),
        OrgType::decl(&cfg),
        Industry::decl(&cfg),
        SmeClassification::decl(&cfg),
        ouen_rules::sme::SmeCategory::decl(&cfg),
        ouen_rules::sme::Reason::decl(&cfg),
    ];
    let all = decls.join("\n");
    println!("{all}");
    for needle in [
        "type SmeInput = {",
        "orgType: OrgType,",
        "industry?: Industry,",
        "employees: number | string,",
        "exclusions?: SmeExclusionsInput,",
        "totalLargeShare?: number | string,",
        "smallBusiness: boolean | null,",
        "capitalCap: number | null,",
        "\"soleProprietor\"",
    ] {
        assert!(all.contains(needle), "{needle} in\n{all}");
    }
    assert!(!all.contains("notAnObject"));
}
