//! The checks' messages in both languages, and the documents' language.

use super::*;
use crate::cost::MAX_HOURS;
use crate::{Date, Locale};

/// Drafts that, together, raise every message `check` has.
fn every_problem() -> Vec<PlanDraft> {
    let mut out = vec![PlanDraft {
        version: DRAFT_VERSION + 1,
        mode: "?".into(),
        contract: "forWork".into(),
        steps: vec![],
        ..PlanDraft::default()
    }];
    let ex = example;
    let with = |f: &dyn Fn(&mut PlanDraft)| {
        let mut d = ex();
        f(&mut d);
        d
    };
    let long = "x".repeat(MAX_TEXT + 1);
    out.push(with(&|d| {
        d.sme.name = long.clone();
        d.sme.capital = "abc".into();
        d.sme.employees = "1.5".into();
        d.sme.location = "other".into();
        d.expert.kind = "undecided".into();
        d.steps[0].title = String::new();
        d.steps[1].title = long.clone();
        d.steps[1].detail = long.clone();
        d.steps[2].hours = "abc".into();
        d.contract_date = "2021-02-30".into();
        d.rate = "500".into();
        d.sme_prior_honorarium = "abc".into();
        d.travel.over100km = true;
    }));
    out.push(with(&|d| {
        d.expert.kind = "other".into();
        d.steps = (0..=MAX_STEPS)
            .map(|_| PlanStep {
                title: "a".into(),
                detail: String::new(),
                hours: "9".into(),
            })
            .collect();
        d.rate = "abc".into();
    }));
    out.push(with(&|d| {
        d.mode = "national".into();
        d.expert.kind = "other".into();
        d.steps[0].hours = MAX_HOURS.to_string();
        d.steps[1].hours = MAX_HOURS.to_string();
        d.contract_date = "2020-01-01".into();
        d.start = "2020-01-02".into();
        d.end = "2020-01-01".into();
    }));
    out.push(with(&|d| {
        d.mode = "national".into();
        d.expert.kind = "smeSupporter".into();
        d.contract_date = "2021-01-10".into();
        d.start = "2021-01-05".into();
        d.end = "2021-12-31".into();
    }));
    out.push(with(&|d| {
        d.contract_date = "2021-03-10".into();
        d.start = "2021-03-10".into();
        d.end = "2021-03-20".into();
    }));
    out.push(with(&|d| {
        d.contract_date = "2021-12-20".into();
        d.application_date = "2021-12-20".into();
        d.start = "2021-12-21".into();
        d.end = "2022-03-31".into();
    }));
    out.push(with(&|d| {
        d.mode = "naganoOnly".into();
        d.expert.kind = "other".into();
        d.contract_date = String::new();
        d.application_date = "2021-01-31".into();
        d.start = "2021-01-30".into();
        d.end = "2021-12-31".into();
    }));
    out
}

#[test]
fn every_plan_message_has_an_english_text() {
    let japanese = |s: &str| {
        s.chars().any(|c| {
            ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)
        })
    };
    let mut seen = std::collections::BTreeSet::new();
    for d in every_problem() {
        let ja = check_in(&d, Locale::Ja);
        let en = check_in(&d, Locale::En);
        assert_eq!(ja, check(&d), "check is Japanese");
        for (j, e) in ja
            .errors
            .iter()
            .zip(&en.errors)
            .chain(ja.warnings.iter().zip(&en.warnings))
        {
            assert_eq!((&j.field, &j.rules), (&e.field, &e.rules));
            assert_ne!(j.message, e.message);
            assert!(!japanese(&e.message), "{}", e.message);
            seen.insert(j.message.clone());
        }
        assert_eq!(ja.errors.len(), en.errors.len());
        assert_eq!(ja.warnings.len(), en.warnings.len());
    }
    // Every kind of message is raised by the drafts above.
    for part in [
        "を入力してください",
        "文字以内",
        "利用する制度を",
        "県内の事業者",
        "IT専門家の種類（",
        "計画書にはIT専門家",
        "国の制度のIT専門家",
        "「そのほか」です",
        "SMEサポーターに所属する専門家",
        "準委任契約",
        "1つ以上",
        "個までです",
        "の時間：",
        "時間以下にしてください",
        "存在しない日付",
        "開始日より後",
        "契約を結んでから",
        "第Ⅰ期の開始",
        "第Ⅰ期の支援は",
        "の間は契約できません",
        "第Ⅱ期の支援計画の契約",
        "第Ⅱ期の支援は",
        "予算の状況",
        "国・県制度利用の長野県への申請",
        "国・県制度利用の支援",
        "第Ⅰ期の支援が対象",
        "実績報告は謝金の支払後",
        "県補助のみの申請期間",
        "県補助のみの支援と実績報告",
        "申請日より前に始めた支援",
        "補助はありません",
        "片道100km",
        "新しい版",
    ] {
        assert!(
            seen.iter().any(|m| m.contains(part)),
            "no draft raises `{part}`: {seen:#?}"
        );
    }
}

#[test]
fn the_documents_stay_japanese() {
    let d = example();
    let docs = documents(
        &d,
        RenderOptions {
            made_on: Date::from_ymd(2020, 11, 1).unwrap(),
        },
    )
    .unwrap();
    assert!(render_markdown(&docs).contains("支援計画書"));
}
