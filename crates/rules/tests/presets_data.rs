//! The presets' build-time join (`build/presets.rs`, run by `build.rs` on `data/presets.json`
//! and `tests/data/golden.json`): a maintainer's mistake fails the build with a message naming
//! the entry, and the generated table is the one the leaflets print.

#[path = "../build/presets.rs"]
#[allow(dead_code)]
mod presets;

use ouen_rules::presets::PRESETS;
use serde_json::{json, Value};

fn shipped() -> (Value, Value) {
    (
        serde_json::from_str(include_str!("../data/presets.json")).unwrap(),
        serde_json::from_str(include_str!("../../../tests/data/golden.json")).unwrap(),
    )
}

/// The build's verdict: `Ok` with the generated source, or the panic message.
fn build(data: &Value, golden: &Value) -> Result<String, String> {
    let (d, g) = (
        serde_json::to_vec(data).unwrap(),
        serde_json::to_vec(golden).unwrap(),
    );
    std::panic::catch_unwind(|| presets::generate(&d, &g)).map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

fn rejects(edit: impl FnOnce(&mut Value, &mut Value), expected: &str) {
    let (mut d, mut g) = shipped();
    edit(&mut d, &mut g);
    let err = build(&d, &g).expect_err(expected);
    assert!(
        err.contains(expected),
        "expected a message containing {expected:?}, got {err:?}"
    );
}

fn case<'a>(g: &'a mut Value, name: &str) -> &'a mut Value {
    g["cases"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["name"] == name)
        .unwrap()
}

#[test]
fn the_shipped_presets_build_into_the_table() {
    let (d, g) = shipped();
    let src = build(&d, &g).unwrap();
    assert!(src.contains(&format!("pub const PRESETS: [Preset; {}]", PRESETS.len())));
    assert!(src.contains("Preset { id: \"ngn-1\", title_ja: \"例1 オンライン商談システム導入\""));
    assert_eq!(PRESETS.len(), d["presets"].as_array().unwrap().len());
}

#[test]
fn mistakes_fail_the_build_by_name() {
    rejects(
        |d, _| d["presets"][2]["golden"] = json!("000 例9 存在しない例"),
        "preset 'ngn-3': unknown golden case '000 例9 存在しない例'",
    );
    rejects(
        |d, _| d["presets"][4]["id"] = json!("ngn-1"),
        "duplicate preset id 'ngn-1'",
    );
    rejects(
        |d, _| d["presets"][0]["id"] = json!("Ngn 1"),
        "preset id 'Ngn 1': use lower-case letters",
    );
    rejects(
        |_, g| case(g, "000 例2 ECサイト構築")["expect"]["totalFee"] = json!(100000.5),
        "preset 'ngn-2': golden case '000 例2 ECサイト構築': totalFee 100000.5 is not an integer",
    );
    rejects(
        |_, g| case(g, "000 例4 事務業務の自動化")["input"]["rate"] = json!("8250"),
        "preset 'ngn-4': golden case '000 例4 事務業務の自動化': rate \"8250\" is not an integer",
    );
    rejects(
        |_, g| {
            case(g, "000 例5 Web・SNSを活用したPR・集客")["expect"]["subsidies"]["nagano"] =
                json!(21000.25)
        },
        "subsidies.nagano 21000.25 is not an integer",
    );
    rejects(
        |_, g| case(g, "001 例 時給4,000円 × 30時間")["expect"]["subsidies"]["nagano"] = json!(0),
        "preset 'nat-4000x30': golden case '001 例 時給4,000円 × 30時間': a subsidy 'nagano' for a scheme the case does not use",
    );
    rejects(
        |_, g| case(g, "000 例6 名刺管理ツールの活用支援")["input"]["schemes"] = json!(["tokyo"]),
        "unknown scheme \"tokyo\"",
    );
    rejects(
        |d, _| d["presets"][5]["en"] = json!(" "),
        "preset 'ngn-6': an English title is needed",
    );
    rejects(
        |d, g| {
            d["presets"][9].as_object_mut().unwrap().remove("ja");
            case(g, "001 例 時給4,000円 × 30時間")["source"] = json!("003");
        },
        "preset 'nat-4000x30': golden case '001 例 時給4,000円 × 30時間': the name does not start with the source id '003' and a title; give `ja`",
    );
}

/// The generated table, whole: any change to a preset (a golden figure, a title, a source)
/// is a reviewable diff here.
#[test]
fn the_table() {
    let mut out = String::new();
    for p in &PRESETS {
        let s = p.schemes;
        out += &format!(
            "{} | {} | {} | {} | {} yen/h × {} h | national {} nagano {} | fee {} = national {:?} + nagano {:?} + self {}\n",
            p.id, p.title_ja, p.title_en, p.source, p.rate, p.hours, s.national, s.nagano,
            p.total_fee, p.national, p.nagano, p.self_pay
        );
    }
    expect_test::expect![[r#"
        ngn-1 | 例1 オンライン商談システム導入 | Example 1: online sales meetings | 000 §5 | 6000 yen/h × 12 h | national true nagano true | fee 72000 = national Some(42000) + nagano Some(24000) + self 6000
        ngn-2 | 例2 ECサイト構築 | Example 2: building an EC site | 000 §5 | 5000 yen/h × 20 h | national true nagano true | fee 100000 = national Some(70000) + nagano Some(20000) + self 10000
        ngn-3 | 例3 キャッシュレス決済導入 | Example 3: cashless payment | 000 §5 | 6500 yen/h × 20 h | national true nagano true | fee 130000 = national Some(70000) + nagano Some(50000) + self 10000
        ngn-4 | 例4 事務業務の自動化 | Example 4: office automation | 000 §5 | 8250 yen/h × 24 h | national true nagano true | fee 198000 = national Some(84000) + nagano Some(102000) + self 12000
        ngn-5 | 例5 Web・SNSを活用したPR・集客 | Example 5: web and social media marketing | 000 §5 | 4000 yen/h × 6 h | national false nagano true | fee 24000 = national None + nagano Some(21000) + self 3000
        ngn-6 | 例6 名刺管理ツールの活用支援 | Example 6: business-card management tool | 000 §5 | 3500 yen/h × 8 h | national false nagano true | fee 28000 = national None + nagano Some(24000) + self 4000
        ngn-7 | 例7 ホームページの改修 | Example 7: improving the web site | 000 §5 | 4000 yen/h × 12 h | national false nagano true | fee 48000 = national None + nagano Some(42000) + self 6000
        ngn-8 | 例8 セキュリティに対するアドバイス | Example 8: security advice | 000 §5 | 4750 yen/h × 12 h | national false nagano true | fee 57000 = national None + nagano Some(51000) + self 6000
        nat-4000x40 | 国の例 時給4,000円×40時間 | National example: 4,000 yen/h × 40 h | 002 | 4000 yen/h × 40 h | national true nagano false | fee 160000 = national Some(140000) + nagano None + self 20000
        nat-4000x30 | 国の例 時給4,000円×30時間 | National example: 4,000 yen/h × 30 h | 001 | 4000 yen/h × 30 h | national true nagano false | fee 120000 = national Some(105000) + nagano None + self 15000
        nat-10000x30 | 国の例 時給10,000円×30時間 | National example: 10,000 yen/h × 30 h | 001 | 10000 yen/h × 30 h | national true nagano false | fee 300000 = national Some(105000) + nagano None + self 195000
        case-btob | 支援事例 メーカー×BtoBマーケティングツール導入 | Case study: a manufacturer adopts a B2B marketing tool | 001 支援事例 | 3750 yen/h × 32 h | national true nagano false | fee 120000 = national Some(104000) + nagano None + self 16000
    "#]].assert_eq(&out);
}
