//! Cost-split behaviour beyond the golden cases: caps part-way, priors, modes, warnings,
//! as-of dates and the explanation, written as expectations on the rendered result.

use expect_test::{expect, Expect};
use ouen_rules::cost::{simulate, Schemes, SimulationInput, WarningCode};
use ouen_rules::{simulate_raw, Date, Locale, RawSimulationInput, Value};
use rust_decimal::Decimal;

fn plan(rate: i64, hours: &str, schemes: Schemes) -> SimulationInput {
    SimulationInput::new(Decimal::from(rate), hours.parse().unwrap(), schemes)
}

/// A compact rendering of a result: totals, then one line per segment.
fn render(i: &SimulationInput) -> String {
    let s = simulate(i, Locale::Ja);
    let mut out = format!(
        "total {} national {:?} nagano {:?} self {}\n",
        s.total_fee, s.subsidies.national, s.subsidies.nagano, s.self_pay
    );
    for seg in &s.segments {
        out += &format!(
            "  {}..{} h: {}/{}/{} {:?}\n",
            seg.from_exact.fraction_text(),
            seg.to_exact.fraction_text(),
            seg.national_per_hour,
            seg.nagano_per_hour,
            seg.self_pay_per_hour,
            seg.rules
        );
    }
    for w in &s.warnings {
        out += &format!("  ! {:?} {:?}\n", w.code, w.rules);
    }
    out
}

fn check(i: SimulationInput, e: Expect) {
    e.assert_eq(&render(&i));
}

#[test]
fn cap_ends_mid_hour_exactly() {
    // 290,000 already received: 10,000 left at 3,500/h lasts 20/7 h; never a yen short.
    let mut i = plan(4000, "10", Schemes::NATIONAL);
    i.sme_prior_honorarium = Decimal::from(290_000);
    check(
        i,
        expect![[r#"
            total 40000 national Some(10000) nagano None self 30000
              0..20/7 h: 3500/0/500 ["NAT-1"]
              20/7..10 h: 0/0/4000 ["NAT-5"]
              ! SmeCapReached ["NAT-3", "NAT-5"]
        "#]],
    );
}

#[test]
fn expert_cap_can_bind_first() {
    let mut i = plan(4000, "10", Schemes::NATIONAL);
    i.expert_prior_honorarium = Decimal::from(1_493_000);
    check(
        i,
        expect![[r#"
            total 40000 national Some(7000) nagano None self 33000
              0..2 h: 3500/0/500 ["NAT-1"]
              2..10 h: 0/0/4000 ["NAT-5"]
              ! ExpertCapReached ["NAT-4", "NAT-5"]
        "#]],
    );
}

#[test]
fn combined_with_national_cap_inside_the_24_hours() {
    // 10,000 yen of national cap left: after 20/7 h Nagano tops up alone (NGN-2 with no
    // national honorarium for those hours), up to 24 h; then the SME pays everything.
    let mut i = plan(8250, "30", Schemes::COMBINED);
    i.sme_prior_honorarium = Decimal::from(290_000);
    check(
        i,
        expect![[r#"
            total 247500 national Some(10000) nagano Some(102000) self 135500
              0..20/7 h: 3500/4250/500 ["NAT-1", "NGN-2"]
              20/7..24 h: 0/4250/4000 ["NAT-5", "NGN-2"]
              24..30 h: 0/0/8250 ["NAT-5", "NGN-3"]
              ! SmeCapReached ["NAT-3", "NAT-5"]
              ! NaganoHoursCapped ["NGN-3"]
        "#]],
    );
}

#[test]
fn nagano_tops_up_more_once_the_national_cap_is_used_up() {
    // 6,000 yen/h: 2,000 yen top-up while the national 3,500 is paid, the full 4,250 after
    // (NGN-2 with no national honorarium in those hours): 2,000×20/7 + 4,250×64/7 = 312,000/7.
    let mut i = plan(6000, "12", Schemes::COMBINED);
    i.sme_prior_honorarium = Decimal::from(290_000);
    check(
        i,
        expect![[r#"
            total 72000 national Some(10000) nagano Some(44571) self 17429
              0..20/7 h: 3500/2000/500 ["NAT-1", "NGN-2"]
              20/7..12 h: 0/4250/1750 ["NAT-5", "NGN-2"]
              ! SmeCapReached ["NAT-3", "NAT-5"]
        "#]],
    );
}

#[test]
fn nagano_prior_hours_count_against_the_24() {
    let mut i = plan(4000, "12", Schemes::NAGANO_ONLY);
    i.nagano_prior_hours = Decimal::from(20);
    check(
        i,
        expect![[r#"
            total 48000 national None nagano Some(14000) self 34000
              0..4 h: 0/3500/500 ["NGN-4"]
              4..12 h: 0/0/4000 ["NGN-3"]
              ! NaganoHoursCapped ["NGN-3"]
        "#]],
    );
    let mut used_up = plan(4000, "12", Schemes::NAGANO_ONLY);
    used_up.nagano_prior_hours = Decimal::from(24);
    check(
        used_up,
        expect![[r#"
            total 48000 national None nagano Some(0) self 48000
              0..12 h: 0/0/4000 ["NGN-3"]
              ! NaganoHoursExhausted ["NGN-3"]
        "#]],
    );
}

#[test]
fn no_benefit_at_or_below_500_yen() {
    check(
        plan(500, "10", Schemes::COMBINED),
        expect![[r#"
            total 5000 national Some(0) nagano Some(0) self 5000
              0..10 h: 0/0/500 ["NAT-2", "NGN-2"]
              ! NoBenefit ["NAT-2"]
        "#]],
    );
    // One yen above: one yen of honorarium per hour, the SME still pays 500.
    check(
        plan(501, "2", Schemes::NATIONAL),
        expect![[r#"
            total 1002 national Some(2) nagano None self 1000
              0..2 h: 1/0/500 ["NAT-1"]
        "#]],
    );
}

#[test]
fn fractional_hours_round_as_specified() {
    // 3,333 × 1.5 = 4,999.5 → 5,000 (half up); honorarium 2,833 × 1.5 = 4,249.5 → 4,249.
    check(
        plan(3333, "1.5", Schemes::NATIONAL),
        expect![[r#"
            total 5000 national Some(4249) nagano None self 751
              0..3/2 h: 2833/0/500 ["NAT-1"]
        "#]],
    );
}

#[test]
fn as_of_date_reports_closed_programmes_but_still_computes() {
    let mut i = plan(6000, "12", Schemes::COMBINED);
    i.as_of = Some(Date::parse("2026-11-22").unwrap());
    let s = simulate(&i, Locale::Ja);
    assert_eq!(s.self_pay, Decimal::from(6000));
    let codes: Vec<_> = s.warnings.iter().map(|w| w.code).collect();
    assert_eq!(
        codes,
        vec![
            WarningCode::ProgrammeClosed,
            WarningCode::ProgrammeClosed,
            WarningCode::RulesNotInForce
        ]
    );
    assert!(s.warnings[0]
        .message
        .contains("2026年11月22日（令和8年11月22日）"));
    assert!(s.warnings[0].message.contains("終了"));

    // 2021-01-15: everything open, no date warning.
    i.as_of = Some(Date::parse("2021-01-15").unwrap());
    assert!(simulate(&i, Locale::Ja).warnings.is_empty());

    // 2021-02-10: Phase I registration closed, support still possible until 2/28.
    i.as_of = Some(Date::parse("2021-02-10").unwrap());
    let s = simulate(&i, Locale::En);
    assert_eq!(s.warnings[0].code, WarningCode::IntakeClosed);
    assert!(
        s.warnings[0].message.contains("28 February 2021"),
        "{}",
        s.warnings[0].message
    );

    // Between the phases the national programme is not open yet (Phase II from 2021-04-26).
    let mut n = plan(6000, "12", Schemes::NATIONAL);
    n.as_of = Some(Date::parse("2021-04-01").unwrap());
    assert_eq!(
        simulate(&n, Locale::Ja).warnings[0].code,
        WarningCode::ProgrammeNotYetOpen
    );
}

/// The date warnings read Phase II's deadlines as announced by the as-of date: on 2021-10-15
/// only the first announcement (002) was out, so registration had closed on 2021-09-30 and
/// contracts ran until 2021-11-30; from 2021-11-01 (001) registration is open until that day.
#[test]
fn date_warnings_use_the_deadlines_announced_by_the_as_of_date() {
    let mut n = plan(6000, "12", Schemes::NATIONAL);
    n.as_of = Some(Date::parse("2021-10-15").unwrap());
    let s = simulate(&n, Locale::En);
    assert_eq!(s.warnings[0].code, WarningCode::IntakeClosed);
    assert!(
        s.warnings[0].message.contains("30 November 2021"),
        "{}",
        s.warnings[0].message
    );
    n.as_of = Some(Date::parse("2021-11-01").unwrap());
    let codes: Vec<_> = simulate(&n, Locale::En)
        .warnings
        .iter()
        .map(|w| w.code)
        .collect();
    assert_eq!(codes, vec![WarningCode::BudgetMayCloseEarly]);
}

#[test]
fn explanation_cites_rules_in_order() {
    let s = simulate(&plan(6000, "12", Schemes::COMBINED), Locale::Ja);
    let text: Vec<String> = s
        .explanation
        .iter()
        .map(|st| format!("{} [{}]", st.text, st.rules.join(",")))
        .collect();
    expect![[r#"
        費用の総額 = 時間単価 6,000円 × 12時間 = 72,000円 [AR-1,AR-2]
        国の謝金（1時間あたり）= 上限 3,500円 と（時間単価 6,000円 − 自己負担 500円）の小さい方 = 3,500円 [NAT-1,NAT-2]
        国の謝金の残り枠 = 中小企業の枠 300,000円 − 受給済み 0円 と、IT専門家の枠 1,500,000円 − 受給済み 0円 の小さい方 = 300,000円 [NAT-3,NAT-4]
        長野県の上乗せ（1時間あたり）= 上限 4,250円 と（6,000円 − 500円 − 国の謝金 3,500円）の小さい方 = 2,000円 [NGN-2,NGN-4]
        長野県の補助の対象時間 = 24時間 − 利用済み 0時間 と 12時間 の小さい方 = 12時間 [NGN-3]
        国の謝金の合計 = 42,000円（1円未満切り捨て） [NAT-9,AR-2]
        長野県の補助の合計 = 24,000円（1円未満切り捨て） [NGN-2,AR-2]
        自己負担 = 72,000円 − 補助 66,000円 = 6,000円 [AR-2,NAT-2]"#]]
    .assert_eq(&text.join("\n"));
    // The leaflet's own example is exact: no interpretation was needed.
    assert!(s.interpretations.is_empty());
    // Rounding a fractional yen, or choosing which hours Nagano covers, makes it an estimate.
    let rounded = simulate(&plan(3333, "1.5", Schemes::NATIONAL), Locale::Ja);
    assert_eq!(rounded.interpretations, vec!["AR-2"]);
    let beyond_24 = simulate(&plan(8250, "30", Schemes::COMBINED), Locale::Ja);
    assert_eq!(beyond_24.interpretations, vec!["NGN-3"]);
}

fn raw(pairs: &[(&str, Value)]) -> RawSimulationInput {
    let mut r = RawSimulationInput {
        schemes: Some(Value::List(vec![Value::from("national")])),
        ..Default::default()
    };
    for (k, v) in pairs {
        let v = Some(v.clone());
        match *k {
            "rate" => r.rate = v,
            "hours" => r.hours = v,
            "schemes" => r.schemes = v,
            "smePriorHonorarium" => r.sme_prior_honorarium = v,
            "expertPriorHonorarium" => r.expert_prior_honorarium = v,
            "naganoPriorHours" => r.nagano_prior_hours = v,
            "asOf" => r.as_of = v,
            _ => unreachable!(),
        }
    }
    r
}

#[test]
fn bad_input_names_the_field() {
    let fields = |pairs: &[(&str, Value)]| -> Vec<&'static str> {
        simulate_raw(&raw(pairs), Locale::Ja)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.field)
            .collect()
    };
    let ok = [
        ("rate", Value::from("６，０００")),
        ("hours", Value::from("12")),
    ];
    assert_eq!(fields(&ok), Vec::<&str>::new());
    assert_eq!(fields(&[("hours", Value::from(12i64))]), vec!["rate"]);
    assert_eq!(
        fields(&[
            ("rate", Value::from(f64::NAN)),
            ("hours", Value::from(1i64))
        ]),
        vec!["rate"]
    );
    assert_eq!(
        fields(&[("rate", Value::from(4000.5)), ("hours", Value::from(1i64))]),
        vec!["rate"]
    );
    assert_eq!(
        fields(&[
            ("rate", Value::from(4000i64)),
            ("hours", Value::from(-2i64))
        ]),
        vec!["hours"]
    );
    assert_eq!(
        fields(&[
            ("rate", Value::from(4000i64)),
            ("hours", Value::from("1.23456"))
        ]),
        vec!["hours"]
    );
    assert_eq!(
        fields(&[("rate", Value::from(1e300)), ("hours", Value::from(1e300))]),
        vec!["rate", "hours"]
    );
    assert_eq!(
        fields(&[
            ("rate", Value::from(4000i64)),
            ("hours", Value::from(1i64)),
            ("expertPriorHonorarium", Value::from(1_500_001i64))
        ]),
        vec!["expertPriorHonorarium"]
    );
    assert_eq!(
        fields(&[
            ("rate", Value::from(4000i64)),
            ("hours", Value::from(1i64)),
            ("naganoPriorHours", Value::from(25i64))
        ]),
        vec!["naganoPriorHours"]
    );
    assert_eq!(
        fields(&[
            ("rate", Value::from(4000i64)),
            ("hours", Value::from(1i64)),
            ("asOf", Value::from("2021-02-30"))
        ]),
        vec!["asOf"]
    );
    assert_eq!(
        fields(&[
            ("rate", Value::from(4000i64)),
            ("hours", Value::from(1i64)),
            ("schemes", Value::List(vec![Value::from("tokyo")]))
        ]),
        vec!["schemes"]
    );
    assert_eq!(
        fields(&[
            ("rate", Value::from(4000i64)),
            ("hours", Value::from(1i64)),
            ("schemes", Value::from("national"))
        ]),
        vec!["schemes"]
    );
    // All problems at once, in field order.
    assert_eq!(
        fields(&[
            ("asOf", Value::from("x")),
            ("hours", Value::from(0i64)),
            ("rate", Value::from("abc"))
        ]),
        vec!["rate", "hours", "asOf"]
    );

    let e = simulate_raw(
        &raw(&[("rate", Value::from(4000i64)), ("hours", Value::from(0i64))]),
        Locale::Ja,
    )
    .unwrap_err();
    assert_eq!(
        e[0].message(Locale::Ja),
        "支援時間：0より大きい数を入力してください。"
    );
    assert_eq!(
        e[0].message(Locale::En),
        "Support hours: please enter a number greater than 0."
    );
}

#[test]
fn combined_with_the_national_cap_used_up_before_the_plan_is_an_estimate() {
    // Nothing left of the national cap: Nagano's amount per hour is NGN-2 with a national
    // honorarium of 0, min(4,250, 6,000 − 500 − 0) = 4,250, which the leaflet never shows:
    // labelled as an estimate (見込み), and the step shows the amount the segments use.
    let mut i = plan(6000, "12", Schemes::COMBINED);
    i.sme_prior_honorarium = Decimal::from(300_000);
    let s = simulate(&i, Locale::Ja);
    assert_eq!(s.subsidies.nagano, Some(Decimal::from(51_000)));
    assert_eq!(s.segments[0].nagano_per_hour, Decimal::from(4250));
    assert_eq!(s.interpretations, vec!["NGN-2"]);
    let step = s
        .explanation
        .iter()
        .find(|st| st.text.starts_with("長野県の上乗せ"))
        .unwrap();
    expect![[r#"長野県の上乗せ（1時間あたり）= 上限 4,250円 と（6,000円 − 500円 − 国の謝金 0円）の小さい方 = 4,250円（見込み：国の謝金がない時間も、県が同じ式で上乗せするものとして計算）"#]]
    .assert_eq(&step.text);
    // No step shows the 2,000 yen the segments never use.
    assert!(s
        .explanation
        .iter()
        .all(|st| !st.text.contains("= 2,000円")));
    let en = simulate(&i, Locale::En);
    assert!(en
        .explanation
        .iter()
        .any(|st| st.text.contains("(estimate:")));

    // Part-way: both amounts are shown, the second from the hour the cap ends.
    let mut part = plan(6000, "12", Schemes::COMBINED);
    part.sme_prior_honorarium = Decimal::from(290_000);
    let s = simulate(&part, Locale::Ja);
    let nagano_steps: Vec<&str> = s
        .explanation
        .iter()
        .filter(|st| st.text.contains("長野県の上乗せ"))
        .map(|st| st.text.as_str())
        .collect();
    expect![[r#"
        [
            "長野県の上乗せ（1時間あたり）= 上限 4,250円 と（6,000円 − 500円 − 国の謝金 3,500円）の小さい方 = 2,000円",
            "国の謝金が上限に達した2.86時間目以降の長野県の上乗せ（1時間あたり）= 上限 4,250円 と（6,000円 − 500円 − 国の謝金 0円）の小さい方 = 4,250円（見込み：国の謝金がない時間も、県が同じ式で上乗せするものとして計算）",
        ]
    "#]]
    .assert_debug_eq(&nagano_steps);
    assert_eq!(s.interpretations, vec!["AR-2", "NAT-5", "NGN-2"]);

    // Within the cap for every Nagano hour: no such step and no estimate.
    let s = simulate(&plan(6000, "12", Schemes::COMBINED), Locale::Ja);
    assert!(s.interpretations.is_empty());
}

#[test]
fn phase_two_dates_carry_the_budget_caveat() {
    let codes = |on: &str, schemes: Schemes| {
        let mut i = plan(6000, "12", schemes);
        i.as_of = Some(Date::parse(on).unwrap());
        simulate(&i, Locale::Ja)
            .warnings
            .into_iter()
            .map(|w| (w.code, w.rules))
            .collect::<Vec<_>>()
    };
    let caveat = (WarningCode::BudgetMayCloseEarly, vec!["NAT-P5"]);
    // Phase II open, not yet open, or closed to new registrations: the caveat (NAT-P5).
    for on in ["2021-06-01", "2021-04-01", "2021-11-15"] {
        assert!(
            codes(on, Schemes::NATIONAL).contains(&caveat),
            "{on}: {:?}",
            codes(on, Schemes::NATIONAL)
        );
    }
    // Phase I dates, Phase II over, or no national scheme: no caveat.
    for (on, schemes) in [
        ("2021-01-15", Schemes::NATIONAL),
        ("2021-02-10", Schemes::NATIONAL),
        ("2026-11-22", Schemes::NATIONAL),
        ("2021-06-01", Schemes::NAGANO_ONLY),
    ] {
        assert!(!codes(on, schemes).contains(&caveat), "{on}");
    }
    let mut i = plan(6000, "12", Schemes::NATIONAL);
    i.as_of = Some(Date::parse("2021-06-01").unwrap());
    let en = simulate(&i, Locale::En);
    assert!(
        en.warnings[0].message.contains("budget"),
        "{:?}",
        en.warnings
    );
}
