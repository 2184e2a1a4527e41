//! The support navigator: every support has a source, every need leads somewhere, figures
//! carry their date, and ended programmes are marked, not hidden.

use ouen_rules::navigator::{navigator, navigator_raw, NeedId, RawNavigatorInput, NEEDS, SUPPORTS};
use ouen_rules::{Date, Locale};
use serde_json::json;

fn d(s: &str) -> Option<Date> {
    Some(Date::parse(s).unwrap())
}

#[test]
fn every_support_has_a_source_a_need_and_somewhere_to_ask() {
    let sources = ["000", "001", "002", "003", "004"];
    for s in SUPPORTS {
        assert!(!s.source.is_empty(), "{} has no source", s.id);
        assert!(
            s.source
                .split("; ")
                .all(|p| sources.iter().any(|id| p.starts_with(id))),
            "{}: unknown source {}",
            s.id,
            s.source
        );
        assert!(!s.needs.is_empty(), "{} fits no need", s.id);
        assert!(!s.contacts.is_empty(), "{} has no contact", s.id);
        for f in s.figures {
            assert!(!f.source.is_empty(), "{}: figure without source", s.id);
        }
        for c in s.contacts {
            assert!(c.url.is_none_or(|u| u.starts_with("https://")), "{}", s.id);
        }
    }
    let mut ids: Vec<&str> = SUPPORTS.iter().map(|s| s.id.id()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), SUPPORTS.len(), "ids are unique");
}

#[test]
fn every_need_maps_to_at_least_one_support() {
    for n in NEEDS {
        let nav = navigator(&[n.id], None, Locale::Ja);
        assert!(!nav.supports.is_empty(), "{:?} leads nowhere", n.id);
        assert!(nav.supports.iter().all(|s| s.needs == [n.id]));
        assert_eq!(NeedId::parse(n.id.id()), Some(n.id));
    }
}

#[test]
fn needs_to_supports_table() {
    let cases: [(&[NeedId], &[&str]); 8] = [
        (&[NeedId::Consult], &["yorozu", "itDiagnosis"]),
        (
            &[NeedId::ClarifyIt],
            &["national", "nagano", "itDiagnosis", "itStrategyNavi"],
        ),
        (&[NeedId::FindApp], &["kokokaraApp"]),
        (&[NeedId::FindAdviser], &["national", "yorozu", "smartSme"]),
        (&[NeedId::Training], &["webeeCampus", "chokozemi"]),
        (&[NeedId::Edi], &["commonEdi"]),
        (&[NeedId::Rnd], &["sapoin", "sabisapo"]),
        (&[NeedId::Security], &["national", "securityAction"]),
    ];
    for (needs, expect) in cases {
        let mut got: Vec<&str> = navigator(needs, None, Locale::Ja)
            .supports
            .iter()
            .map(|s| s.id.id())
            .collect();
        got.sort();
        let mut expect = expect.to_vec();
        expect.sort();
        assert_eq!(got, expect, "{needs:?}");
    }
}

#[test]
fn best_fit_first_and_ended_last() {
    let nav = navigator(
        &[NeedId::ItSubsidy, NeedId::Telework, NeedId::HandsOn],
        d("2021-01-15"),
        Locale::Ja,
    );
    assert_eq!(nav.supports[0].id.id(), "national", "fits three needs");
    // On 2021-01-15 the IT subsidy 2020 (deadline 2020-12-18) has ended; it is still listed.
    let it = nav
        .supports
        .iter()
        .find(|s| s.id.id() == "itSubsidy2020")
        .expect("ended, not hidden");
    assert!(it.ended);
    assert_eq!(
        it.status_text.as_deref(),
        Some("2020年12月18日（令和2年12月18日）に終了しました")
    );
    assert!(
        nav.supports
            .iter()
            .skip_while(|s| !s.ended)
            .all(|s| s.ended),
        "ended ones last"
    );
    let national = &nav.supports[0];
    assert!(!national.ended);
    assert!(national
        .status_text
        .as_deref()
        .unwrap()
        .starts_with("受付中"));
}

#[test]
fn programmes_end_by_their_dated_parameters() {
    let nav = navigator(&[NeedId::HandsOn], d("2022-03-01"), Locale::Ja);
    for s in &nav.supports {
        assert!(s.ended, "{} ended by 2022-03-01", s.id);
    }
    let national = nav
        .supports
        .iter()
        .find(|s| s.id.id() == "national")
        .unwrap();
    assert_eq!(national.end_date, d("2022-02-28"));
    let nagano = nav.supports.iter().find(|s| s.id.id() == "nagano").unwrap();
    assert_eq!(nagano.end_date, d("2021-03-15"));
    // Without a date nothing is marked as ended.
    assert!(navigator(&[], None, Locale::Ja)
        .supports
        .iter()
        .all(|s| !s.ended));
}

#[test]
fn figures_carry_their_date_and_source() {
    let nav = navigator(&[], None, Locale::Ja);
    let national = nav
        .supports
        .iter()
        .find(|s| s.id.id() == "national")
        .unwrap();
    assert_eq!(
        national.figures[0].text,
        "国が専門家への謝金を1時間あたり最大3,500円負担（NAT-1）"
    );
    assert!(
        national.figures[0].as_of.starts_with("2020年9月1日"),
        "{}",
        national.figures[0].as_of
    );
    let low = nav
        .supports
        .iter()
        .find(|s| s.id.id() == "lowInfectionRisk")
        .unwrap();
    assert!(low.figures.iter().any(|f| f.text.contains("150万円")
        && f.as_of == "令和2年度第3次補正予算"
        && f.source == "004"));
    let kakekomi = nav
        .supports
        .iter()
        .find(|s| s.id.id() == "kakekomi")
        .unwrap();
    assert_eq!(kakekomi.contacts[0].phone, Some("0120-418-618"));
    for s in &nav.supports {
        for f in &s.figures {
            assert!(!f.as_of.is_empty() && !f.source.is_empty(), "{}", s.id);
        }
    }
    assert_eq!(nav.needs.len(), NEEDS.len());
    assert!(nav.needs.iter().all(|n| !n.selected && n.count > 0));
}

#[test]
fn raw_input_and_errors() {
    let raw = |v: serde_json::Value| -> RawNavigatorInput { serde_json::from_value(v).unwrap() };
    let ok = navigator_raw(
        &raw(json!({"needs": ["edi", "edi"], "asOf": "2021-05-01"})),
        Locale::En,
    )
    .unwrap();
    assert_eq!(ok.supports.len(), 1);
    assert_eq!(ok.supports[0].name, "SME common EDI");
    assert!(ok.needs.iter().any(|n| n.selected && n.id == NeedId::Edi));
    for (input, field, ja, en) in [
        (
            json!({"needs": ["fax"]}),
            "needs",
            "やりたいこと：",
            "What you want to do: ",
        ),
        (
            json!({"needs": "edi"}),
            "needs",
            "やりたいこと：",
            "What you want to do: ",
        ),
        (
            json!({"needs": [1]}),
            "needs",
            "やりたいこと：",
            "What you want to do: ",
        ),
        (
            json!({"asOf": "2021-13-01"}),
            "asOf",
            "基準日：",
            "As-of date: ",
        ),
    ] {
        let errs = navigator_raw(&raw(input.clone()), Locale::Ja).unwrap_err();
        assert_eq!(errs[0].field, field, "{input}");
        // The navigator names its own field (the core's labels have no `needs`).
        assert!(errs[0].message(Locale::Ja).starts_with(ja), "{input}");
        assert!(errs[0].message(Locale::En).starts_with(en), "{input}");
    }
}

/// What an audit against the sources found missing (issue #15): each figure or contact is in
/// the card, in both languages, with its source.
#[test]
fn audited_figures_and_contacts_are_in_the_cards() {
    let card = |locale, id: &str| {
        navigator(&[], None, locale)
            .supports
            .into_iter()
            .find(|s| s.id.id() == id)
            .unwrap()
    };
    let texts = |locale, id: &str| -> Vec<(String, &'static str)> {
        card(locale, id)
            .figures
            .into_iter()
            .map(|f| (f.text, f.source))
            .collect()
    };
    let has = |locale, id: &str, needle: &str, source: &str| {
        assert!(
            texts(locale, id)
                .iter()
                .any(|(t, s)| t.contains(needle) && *s == source),
            "{id}: a figure with {needle:?} from {source}: {:?}",
            texts(locale, id)
        )
    };
    // 004: large enterprises get 1/2 in the business-model track and the graduation track.
    has(
        Locale::Ja,
        "monozukuri",
        "ビジネスモデル構築型：上限1億円、補助率2/3（大企業は1/2）",
        "004",
    );
    has(
        Locale::En,
        "monozukuri",
        "1/2 for a large enterprise",
        "004",
    );
    has(
        Locale::Ja,
        "restructuring",
        "卒業枠：6,000万円超〜1億円／者、補助率2/3（大企業は1/2）",
        "004",
    );
    let grad = card(Locale::Ja, "restructuring");
    assert!(grad.conditions.iter().any(|c| c.contains("中堅企業へ成長")));
    // 003: Monozukuri's restart track, ¥500k at a fixed amount.
    has(
        Locale::Ja,
        "monozukuri",
        "事業再開枠：上限50万円（定額）",
        "003",
    );
    // 000 §6: Jizokuka is asked about at the local shokokai / chamber, and covers websites.
    let jizokuka = card(Locale::Ja, "jizokuka");
    assert!(jizokuka
        .contacts
        .iter()
        .any(|c| c.name.contains("商工会・商工会議所")));
    assert!(jizokuka.offer.contains("Webサイト"));
    assert!(jizokuka.source.starts_with("000 §6"));
    // The IoT labs: 102 in the support map (004), 101 in the Kanto briefing (003), both shown.
    has(Locale::Ja, "iotLab", "102地域", "004");
    has(Locale::Ja, "iotLab", "101地域", "003");
    has(Locale::En, "iotLab", "the two sources differ", "003");
}
