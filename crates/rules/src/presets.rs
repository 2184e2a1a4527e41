//! The worked examples of the source documents, as one-tap presets (RULES.md §1, §2).
//!
//! Each preset is a plan exactly as the leaflet prints it, with the figures the leaflet gives,
//! so a UI can offer "load this example" and a test can check that the rules reproduce it.
//! The same cases are in `tests/data/golden.json` (`golden` names the case there).

use crate::cost::Schemes;

/// One worked example of a source document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// Stable id (used in element ids and links): `ngn-1` … `ngn-8`, `nat-40h`, …
    pub id: &'static str,
    /// What the support was about, as the source names it.
    pub title_ja: &'static str,
    pub title_en: &'static str,
    /// Source document and section (`000 §5`).
    pub source: &'static str,
    /// The expert's hourly rate in yen and the support hours.
    pub rate: i64,
    pub hours: i64,
    pub schemes: Schemes,
    /// The case name in `tests/data/golden.json`.
    pub golden: &'static str,
    /// The figures the source prints.
    pub total_fee: i64,
    pub national: Option<i64>,
    pub nagano: Option<i64>,
    pub self_pay: i64,
}

const fn p(
    id: &'static str,
    (title_ja, title_en): (&'static str, &'static str),
    source: &'static str,
    (rate, hours): (i64, i64),
    schemes: Schemes,
    golden: &'static str,
    (total_fee, national, nagano, self_pay): (i64, Option<i64>, Option<i64>, i64),
) -> Preset {
    Preset {
        id,
        title_ja,
        title_en,
        source,
        rate,
        hours,
        schemes,
        golden,
        total_fee,
        national,
        nagano,
        self_pay,
    }
}

/// Every worked example: the eight Nagano examples (000 §5), the national examples (002,
/// 001) and the case study (001).
pub const PRESETS: [Preset; 12] = [
    p(
        "ngn-1",
        (
            "例1 オンライン商談システム導入",
            "Example 1: online sales meetings",
        ),
        "000 §5",
        (6000, 12),
        Schemes::COMBINED,
        "000 例1 オンライン商談システム導入",
        (72_000, Some(42_000), Some(24_000), 6_000),
    ),
    p(
        "ngn-2",
        ("例2 ECサイト構築", "Example 2: building an EC site"),
        "000 §5",
        (5000, 20),
        Schemes::COMBINED,
        "000 例2 ECサイト構築",
        (100_000, Some(70_000), Some(20_000), 10_000),
    ),
    p(
        "ngn-3",
        ("例3 キャッシュレス決済導入", "Example 3: cashless payment"),
        "000 §5",
        (6500, 20),
        Schemes::COMBINED,
        "000 例3 キャッシュレス決済導入",
        (130_000, Some(70_000), Some(50_000), 10_000),
    ),
    p(
        "ngn-4",
        ("例4 事務業務の自動化", "Example 4: office automation"),
        "000 §5",
        (8250, 24),
        Schemes::COMBINED,
        "000 例4 事務業務の自動化",
        (198_000, Some(84_000), Some(102_000), 12_000),
    ),
    p(
        "ngn-5",
        (
            "例5 Web・SNSを活用したPR・集客",
            "Example 5: web and social media marketing",
        ),
        "000 §5",
        (4000, 6),
        Schemes::NAGANO_ONLY,
        "000 例5 Web・SNSを活用したPR・集客",
        (24_000, None, Some(21_000), 3_000),
    ),
    p(
        "ngn-6",
        (
            "例6 名刺管理ツールの活用支援",
            "Example 6: business-card management tool",
        ),
        "000 §5",
        (3500, 8),
        Schemes::NAGANO_ONLY,
        "000 例6 名刺管理ツールの活用支援",
        (28_000, None, Some(24_000), 4_000),
    ),
    p(
        "ngn-7",
        (
            "例7 ホームページの改修",
            "Example 7: improving the web site",
        ),
        "000 §5",
        (4000, 12),
        Schemes::NAGANO_ONLY,
        "000 例7 ホームページの改修",
        (48_000, None, Some(42_000), 6_000),
    ),
    p(
        "ngn-8",
        (
            "例8 セキュリティに対するアドバイス",
            "Example 8: security advice",
        ),
        "000 §5",
        (4750, 12),
        Schemes::NAGANO_ONLY,
        "000 例8 セキュリティに対するアドバイス",
        (57_000, None, Some(51_000), 6_000),
    ),
    p(
        "nat-4000x40",
        (
            "国の例 時給4,000円×40時間",
            "National example: 4,000 yen/h × 40 h",
        ),
        "002",
        (4000, 40),
        Schemes::NATIONAL,
        "002 例 4,000円/時 × 40時間",
        (160_000, Some(140_000), None, 20_000),
    ),
    p(
        "nat-4000x30",
        (
            "国の例 時給4,000円×30時間",
            "National example: 4,000 yen/h × 30 h",
        ),
        "001",
        (4000, 30),
        Schemes::NATIONAL,
        "001 例 時給4,000円 × 30時間",
        (120_000, Some(105_000), None, 15_000),
    ),
    p(
        "nat-10000x30",
        (
            "国の例 時給10,000円×30時間",
            "National example: 10,000 yen/h × 30 h",
        ),
        "001",
        (10_000, 30),
        Schemes::NATIONAL,
        "001 例 時給10,000円 × 30時間",
        (300_000, Some(105_000), None, 195_000),
    ),
    p(
        "case-btob",
        (
            "支援事例 メーカー×BtoBマーケティングツール導入",
            "Case study: a manufacturer adopts a B2B marketing tool",
        ),
        "001 支援事例",
        (3750, 32),
        Schemes::NATIONAL,
        "001 支援事例 メーカー×BtoBマーケティングツール導入",
        (120_000, Some(104_000), None, 16_000),
    ),
];

impl Preset {
    pub fn title(&self, locale: crate::Locale) -> &'static str {
        match locale {
            crate::Locale::Ja => self.title_ja,
            crate::Locale::En => self.title_en,
        }
    }

    /// The preset as a validated input (no prior use, no as-of date).
    pub fn input(&self) -> crate::SimulationInput {
        crate::SimulationInput::new(self.rate.into(), self.hours.into(), self.schemes)
    }
}

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{simulate, Locale};
    use rust_decimal::Decimal;

    const GOLDEN: &str = include_str!("../../../tests/data/golden.json");

    #[test]
    fn every_preset_reproduces_its_source() {
        for p in &PRESETS {
            let sim = simulate(&p.input(), Locale::Ja);
            assert_eq!(sim.total_fee, Decimal::from(p.total_fee), "{}", p.id);
            assert_eq!(sim.self_pay, Decimal::from(p.self_pay), "{}", p.id);
            assert_eq!(
                sim.subsidies.national,
                p.national.map(Decimal::from),
                "{}",
                p.id
            );
            assert_eq!(
                sim.subsidies.nagano,
                p.nagano.map(Decimal::from),
                "{}",
                p.id
            );
        }
    }

    #[test]
    fn presets_are_the_golden_cases_of_the_sources() {
        let golden: serde_json::Value = serde_json::from_str(GOLDEN).unwrap();
        let cases = golden["cases"].as_array().unwrap();
        for p in &PRESETS {
            let case = cases
                .iter()
                .find(|c| c["name"] == p.golden)
                .unwrap_or_else(|| panic!("{}: no golden case {}", p.id, p.golden));
            assert_eq!(case["input"]["rate"], p.rate, "{}", p.id);
            assert_eq!(case["input"]["hours"], p.hours, "{}", p.id);
            assert_eq!(case["expect"]["selfPay"], p.self_pay, "{}", p.id);
            assert_eq!(case["expect"]["totalFee"], p.total_fee, "{}", p.id);
            let schemes: Vec<&str> = case["input"]["schemes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            assert_eq!(
                schemes.contains(&"national"),
                p.schemes.national,
                "{}",
                p.id
            );
            assert_eq!(schemes.contains(&"nagano"), p.schemes.nagano, "{}", p.id);
        }
        // Every case taken from a source document (not the synthetic ones) is a preset.
        for c in cases {
            let source = c["source"].as_str().unwrap();
            if source.starts_with("00") {
                assert!(
                    PRESETS.iter().any(|p| c["name"] == p.golden),
                    "no preset for {}",
                    c["name"]
                );
            }
        }
    }

    #[test]
    fn ids_are_unique_and_found() {
        for (i, p) in PRESETS.iter().enumerate() {
            assert!(PRESETS[i + 1..].iter().all(|q| q.id != p.id), "{}", p.id);
            assert_eq!(preset(p.id), Some(p));
        }
        assert_eq!(preset("nope"), None);
        assert_eq!(PRESETS.iter().filter(|p| p.source == "000 §5").count(), 8);
    }
}
