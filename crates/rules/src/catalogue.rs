//! Every rule of the domain specification, as plain statements for people: id, what it says
//! in Japanese and English, and the source document and section it comes from.
//!
//! The statements are this project's own summaries of the sources (RULES.md §1–5); the
//! figures in them are the ones of `data/parameters.json`, which stays the only place the
//! calculation reads them from.

use crate::Locale;

/// The part of the rules a statement belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// 中小企業デジタル化応援隊事業 (§1)
    National,
    /// Phases and dates of the national programme (§1.1)
    NationalDates,
    /// 長野県IT・デジタル化補助金 (§2)
    Nagano,
    /// Arithmetic (§3)
    Arithmetic,
    /// Who is an SME (§4)
    Sme,
    /// Who may be the IT expert (§5)
    Expert,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::National,
        Section::NationalDates,
        Section::Nagano,
        Section::Arithmetic,
        Section::Sme,
        Section::Expert,
    ];

    pub fn title(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Section::National, Locale::Ja) => "国の制度（中小企業デジタル化応援隊事業）",
            (Section::NationalDates, Locale::Ja) => "国の制度の期間と期限",
            (Section::Nagano, Locale::Ja) => "長野県IT・デジタル化補助金",
            (Section::Arithmetic, Locale::Ja) => "計算のしかた",
            (Section::Sme, Locale::Ja) => "中小企業者にあたるか",
            (Section::Expert, Locale::Ja) => "IT専門家になれる人",
            (Section::National, Locale::En) => "National programme",
            (Section::NationalDates, Locale::En) => "National programme: phases and dates",
            (Section::Nagano, Locale::En) => "Nagano IT & Digitalization Subsidy",
            (Section::Arithmetic, Locale::En) => "Arithmetic",
            (Section::Sme, Locale::En) => "Who is an SME",
            (Section::Expert, Locale::En) => "Who may be the IT expert",
        }
    }
}

/// One rule, stated for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleStatement {
    pub id: &'static str,
    pub section: Section,
    pub ja: &'static str,
    pub en: &'static str,
    /// Source documents and sections (`000 §1; 002`); ids as in `ruleset_info().sources`.
    pub source: &'static str,
    /// The sources are silent or ambiguous; this is the project's decision (見込み).
    pub interpretation: bool,
}

impl RuleStatement {
    pub fn text(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ja => self.ja,
            Locale::En => self.en,
        }
    }
}

const fn r(
    id: &'static str,
    section: Section,
    ja: &'static str,
    en: &'static str,
    source: &'static str,
) -> RuleStatement {
    RuleStatement {
        id,
        section,
        ja,
        en,
        source,
        interpretation: false,
    }
}

/// The same, marked as an interpretation.
const fn ri(
    id: &'static str,
    section: Section,
    ja: &'static str,
    en: &'static str,
    source: &'static str,
) -> RuleStatement {
    RuleStatement {
        interpretation: true,
        ..r(id, section, ja, en, source)
    }
}

use Section::*;

/// Every rule, in the order of the specification.
pub const RULES: &[RuleStatement] = &[
    r("NAT-1", National,
      "国の謝金は1時間あたり「3,500円」と「時間単価−500円」の小さい方です（0円未満にはなりません）。",
      "The national honorarium per hour is the lesser of 3,500 yen and the hourly rate minus 500 yen (never below zero).",
      "000 §1; 001; 002"),
    r("NAT-2", National,
      "中小企業は1時間あたり500円以上を自分で負担します。時間単価が500円以下なら補助はありません。",
      "The SME pays at least 500 yen per hour itself; at a rate of 500 yen or less there is no subsidy.",
      "000 §1; 001; 002"),
    r("NAT-3", National,
      "国の謝金は中小企業1社あたり、第Ⅰ期・第Ⅱ期を通じて累計30万円までです。",
      "The national honorarium per SME is capped at 300,000 yen in total over Phases I and II.",
      "000 §1; 001; 004"),
    r("NAT-4", National,
      "国の謝金はIT専門家1人あたり、第Ⅰ期・第Ⅱ期を通じて累計150万円までです。",
      "The national honorarium per expert is capped at 1,500,000 yen in total over Phases I and II.",
      "001; 004"),
    ri("NAT-5", National,
      "上限に途中で達したら、その時点から謝金はなく、残りの時間は全額自己負担です。時間は古い順に使い、上限は1時間の途中で尽きることもあるものとして計算します。",
      "When a cap is reached part-way, the honorarium stops there and the SME pays the full rate for the rest. Hours are used in order, and a cap may end mid-hour.",
      "NAT-3, NAT-4 から導出"),
    r("NAT-6", National,
      "対象は準委任契約によるデジタル化の助言・支援です。制作物を納める請負契約（コンテンツ制作やデザインなど）は対象外です。",
      "Eligible: digitalization advice and support under a quasi-mandate contract. Contracted deliverables (content, design) are not eligible.",
      "002; 001 まとめ"),
    r("NAT-7", National,
      "上限の範囲内なら、複数回利用できます。",
      "The programme may be used several times, within the caps.",
      "001"),
    r("NAT-8", National,
      "IT専門家が片道100km以上移動する場合、旅費は事務局の規定により1回分支払われます。このツールでは旅費は計算しません。",
      "Where the expert travels 100 km or more one way, travel is paid once under the secretariat's rules. This tool does not compute travel.",
      "001"),
    r("NAT-9", National,
      "事務局がIT専門家に謝金を払い、中小企業は総額から謝金を引いた残りをIT専門家に払います。",
      "The secretariat pays the honorarium to the expert; the SME pays the expert the total fee minus the honorarium.",
      "001 事業の全体図"),
    r("NAT-10", National,
      "マッチングは「セルフマッチング」（相手が決まっている）と「事務局マッチング」（相談案件を登録し、専門家が提案）の2通りです。",
      "Matching is either self-matching (the expert is already known) or secretariat matching (a case is registered and experts propose).",
      "001"),
    r("NAT-11", National,
      "流れ：登録 → 事務局の審査 → 相談・依頼 → 支援計画の合意 → 準委任契約・支援開始 → 支援実施報告 → 謝金申請 → 支払い。",
      "Flow: registration → review → consultation → agreed support plan → contract and start → support report → honorarium claim → payment.",
      "001"),
    r("NAT-P1", NationalDates,
      "第Ⅰ期：Web登録は2020年9月1日〜2021年1月31日、支援の実施は2021年2月28日まで。",
      "Phase I: web registration 1 September 2020 – 31 January 2021; support carried out by 28 February 2021.",
      "000 §1; 004"),
    r("NAT-P2", NationalDates,
      "第Ⅱ期：第Ⅰ期に登録した中小企業・IT専門家は、2021年4月26日10時から（第Ⅱ期の規約に同意のうえ）利用できます。",
      "Phase II: SMEs and experts registered in Phase I may use Phase II from 10:00 on 26 April 2021, after accepting its terms.",
      "002"),
    r("NAT-P3", NationalDates,
      "第Ⅱ期の期限（最初の告知）：登録 2021年9月30日、契約 11月30日、支援終了・報告 12月17日、謝金申請 12月24日。",
      "Phase II deadlines, first announcement: registration 30 Sep 2021, contract 30 Nov, support end and report 17 Dec, claim 24 Dec.",
      "002"),
    r("NAT-P4", NationalDates,
      "第Ⅱ期の期限（改定後、こちらが有効）：登録 2021年11月1日、契約 12月17日、支援終了・報告と謝金申請 2022年1月10日、事務局業務 2月28日まで。",
      "Phase II deadlines, revised (in force): registration 1 Nov 2021, contract 17 Dec, support end, report and claim 10 Jan 2022, operations end 28 Feb 2022.",
      "001"),
    r("NAT-P5", NationalDates,
      "予算がなくなる見込みになると、期限より前に登録・契約の受付が終わることがあります。",
      "Registration and contracts may close early if the budget is expected to run out.",
      "001; 002"),
    ri("NGN-1", Nagano,
      "申請できるのは、IT専門家の支援を受ける長野県内の事業者です。国の制度の上乗せなので、中小企業者であることも必要とみなします。",
      "Applicants are businesses located in Nagano receiving an IT expert's support; as a top-up of the national SME programme they must also be SMEs.",
      "000 §2"),
    r("NGN-2", Nagano,
      "県の上乗せは1時間あたり「4,250円」と「時間単価−500円−国の謝金」の小さい方です。自己負担は1時間500円以上残ります。",
      "The Nagano top-up per hour is the lesser of 4,250 yen and the rate minus 500 yen minus the national honorarium; the SME still pays at least 500 yen an hour.",
      "000 §2, §5"),
    ri("NGN-3", Nagano,
      "県の補助は1事業者あたり24時間分までです。最初の24時間から順に充て、前の計画で補助を受けた時間も24時間に数えます。",
      "Nagano subsidises at most 24 hours per business: the first hours in order, counting hours subsidised in earlier plans.",
      "000 §2"),
    r("NGN-4", Nagano,
      "「国・県制度利用」は国の謝金に県が上乗せします。「県補助のみ」（国の制度を使わない）は、1時間あたり「4,250円」と「時間単価−500円」の小さい方です。",
      "Combined: the prefecture tops up the national honorarium. Prefecture only: per hour, the lesser of 4,250 yen and the rate minus 500 yen.",
      "000 §2, §4"),
    r("NGN-5", Nagano,
      "国・県制度利用の期限：申請は謝金の支払い前か2021年2月5日の早い方、支援は2月28日まで、報告は謝金支払後1か月以内か3月5日の早い方。",
      "Combined timeline: apply before the honorarium is paid or by 5 Feb 2021, whichever is earlier; support by 28 Feb; report within a month of payment or by 5 Mar, whichever is earlier.",
      "000 §3"),
    r("NGN-6", Nagano,
      "県補助のみの期限：申請は2021年2月1日〜2月26日、支援と報告は3月15日まで。",
      "Prefecture-only timeline: apply 1–26 February 2021; support and report by 15 March 2021.",
      "000 §4"),
    r("NGN-7", Nagano,
      "申請には、IT専門家・内容・謝金単価・時間を書いた事業計画書を付け、AI・IoT等先端技術利活用支援拠点のコーディネーターが確認します。",
      "The application attaches a business plan (expert, content, unit price, hours), checked by a coordinator of the AI/IoT hub.",
      "000 §4"),
    r("NGN-8", Nagano,
      "提出先・問い合わせ：（公財）長野県中小企業振興センター AI・IoT等先端技術利活用支援拠点（TEL 026-227-5028、平日8:30〜17:15）。国のコールセンター 050-2000-7227（平日9〜17時）。",
      "Where to apply and ask: the AI/IoT hub of the Nagano SME Promotion Center (026-227-5028, weekdays 8:30–17:15); national call centre 050-2000-7227 (weekdays 9–17).",
      "000 §6"),
    r("AR-1", Arithmetic,
      "金額は円単位の正確な10進数で計算します。時間単価は1円単位、時間は1.5時間のような小数も使えます。",
      "Amounts are exact decimals in yen; rates are whole yen, hours may be fractional (1.5).",
      "RULES.md §3"),
    ri("AR-2", Arithmetic,
      "総額は「時間単価×時間」を1円未満四捨五入、各補助の合計は1円未満切り捨て。自己負担は総額から補助を引いた残りなので、内訳の合計は必ず総額に一致します。",
      "Total fee = rate × hours rounded half up; each subsidy total is rounded down; self-pay is the rest, so the parts always add up.",
      "RULES.md §3"),
    r("AR-3", Arithmetic,
      "結果は時間の区間ごとに分かれます（例：0〜24時間は国＋県、24時間〜は国のみ、上限後は全額自己負担）。",
      "The result is piecewise: stretches of hours with constant per-hour amounts.",
      "RULES.md §3"),
    r("AR-3b", Arithmetic,
      "上限が1時間の途中で尽きる境目は分数のまま扱い（例：10,000÷3,500＝20/7時間）、丸めで1円少なくならないようにします。",
      "Boundaries where a cap ends mid-hour are kept as exact fractions (10,000 ÷ 3,500 = 20/7 h) so no total is ever a yen short.",
      "RULES.md §3"),
    r("AR-4", Arithmetic,
      "どの入力でも、各金額は0以上、合計は総額に一致、補助のある時間は1時間500円以上の自己負担、国の謝金は残り枠以内、県の補助は24時間以内です。",
      "For every valid input: parts ≥ 0, they sum to the total, ≥ 500 yen self-pay in every subsidised hour, national within the caps, Nagano within 24 hours.",
      "RULES.md §3"),
    r("AR-5", Arithmetic,
      "誤った入力（0以下の時間、負の単価、上限を超える利用済み額、数字でない値、ありえない日付など）には、項目名つきの分かりやすいエラーを出し、数字は出しません。",
      "Bad input gets a clear error naming the field, never a number.",
      "RULES.md §3"),
    r("SME-1", Sme,
      "会社・個人事業主は、業種ごとに「資本金が基準以下」または「常時使用する従業員が基準以下」なら中小企業者です（例：製造業 3億円・300人、小売業 5千万円・50人）。",
      "A company or sole proprietor is an SME when its capital or its regular employees are within its industry's thresholds (e.g. manufacturing 300M yen or 300 people; retail 50M or 50).",
      "002"),
    r("SME-2", Sme,
      "医療法人・社会福祉法人・学校法人・商工会・NPOなどは、従業員数だけで判断します。",
      "Other organisations (medical, welfare, school corporations, chambers, NPOs, …) are judged by employees only.",
      "002"),
    r("SME-3", Sme,
      "会社以外の団体は、生産活動（商品・サービスの提供）を行っていることが必要です。",
      "Organisations other than companies must carry on productive business activities.",
      "002 ※3"),
    r("SME-4", Sme,
      "「常時使用する従業員」は解雇に予告が必要な人です。役員と個人事業主本人は数えません。",
      "Regular employees are those who need advance notice of dismissal; officers and the proprietor are not counted.",
      "002 ※1"),
    r("SME-5", Sme,
      "小規模事業者：商業・サービス業は従業員5人以下、宿泊業・娯楽業と製造業その他は20人以下です。",
      "Small business: commerce and services ≤ 5 employees; lodging, entertainment, manufacturing and others ≤ 20.",
      "002"),
    r("SME-6", Sme,
      "大企業が株式の1/2以上を持つ、役員の半数以上が大企業の人である、過去3年の平均課税所得が15億円を超える、などの「みなし大企業」は対象外です。",
      "Deemed large enterprises are excluded (one large owner of half the shares, half the officers from a large enterprise, taxable income over 1.5 billion yen, …).",
      "002 ※4"),
    r("SME-7", Sme,
      "大企業とは中小企業者以外の事業者です。ただし中小企業投資育成株式会社と投資事業有限責任組合は大企業に数えません。",
      "A large enterprise is any business other than an SME, except SME investment companies and investment limited partnerships.",
      "002 ※2"),
    r("EXP-1", Expert,
      "IT専門家は、個人のフリーランスや副業・兼業の人（勤務先の許可が必要）、または認定情報処理支援機関に所属する人です。特別な資格は要りません。",
      "The expert is a freelancer, a side-jobber with permission, or a member of a certified information-processing support organisation; no qualification is required.",
      "002"),
    r("EXP-2", Expert,
      "訪問でもオンラインでも支援として認められます。",
      "On-site and online support both qualify.",
      "002"),
];

/// The statement of rule `id`.
pub fn rule(id: &str) -> Option<&'static RuleStatement> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::{simulate, Schemes, SimulationInput};
    use crate::params::{ruleset_info, PROGRAMMES};
    use rust_decimal::Decimal;

    #[test]
    fn ids_are_unique_and_every_section_has_rules() {
        for (i, a) in RULES.iter().enumerate() {
            assert!(RULES[i + 1..].iter().all(|b| b.id != a.id), "{}", a.id);
            assert!(!a.ja.is_empty() && !a.en.is_empty() && !a.source.is_empty());
        }
        for s in Section::ALL {
            assert!(RULES.iter().any(|r| r.section == s), "{s:?}");
        }
        assert_eq!(rule("NGN-3").map(|r| r.interpretation), Some(true));
        assert_eq!(
            rule("NAT-1").map(|r| r.text(Locale::Ja).contains("3,500円")),
            Some(true)
        );
        assert_eq!(rule("XYZ-1"), None);
    }

    /// Every rule id the calculation or the parameters cite has a statement.
    #[test]
    fn every_cited_rule_is_stated() {
        let mut cited: Vec<&str> = Vec::new();
        let info = ruleset_info();
        for a in info.amounts {
            cited.push(a.rule);
        }
        for d in info.dates {
            cited.extend(d.rule.split(", "));
        }
        let d = |n: i64| Decimal::from(n);
        let mut cases = Vec::new();
        for (rate, hours) in [(8250, 30), (4000, 100), (400, 2), (3500, 8)] {
            for s in [Schemes::NATIONAL, Schemes::COMBINED, Schemes::NAGANO_ONLY] {
                let mut input = SimulationInput::new(d(rate), d(hours), s);
                input.as_of = crate::Date::parse("2021-02-10").ok();
                cases.push(input.clone());
                input.nagano_prior_hours = d(24);
                input.sme_prior_honorarium = d(300_000);
                input.as_of = crate::Date::parse("2026-01-01").ok();
                cases.push(input);
            }
        }
        for input in &cases {
            let sim = simulate(input, Locale::Ja);
            cited.extend(sim.explanation.iter().flat_map(|s| s.rules.iter().copied()));
            cited.extend(sim.warnings.iter().flat_map(|w| w.rules.iter().copied()));
            cited.extend(sim.segments.iter().flat_map(|s| s.rules.iter().copied()));
            cited.extend(sim.interpretations.iter().copied());
        }
        assert!(PROGRAMMES.len() == 4);
        for id in cited {
            assert!(rule(id).is_some(), "{id} is cited but not stated");
        }
    }

    #[test]
    fn interpretations_match_what_the_calculation_labels_as_estimate() {
        // The calculation labels NAT-5, NGN-3 and AR-2 results as estimates.
        for id in ["NAT-5", "NGN-3", "AR-2"] {
            assert!(rule(id).unwrap().interpretation, "{id}");
        }
    }
}
