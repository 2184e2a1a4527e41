//! The one place a classification becomes sentences: [`explain`] renders an [`Assessment`]
//! (the tests' results, as data) in a locale, step by step, with what would qualify and a
//! one-line summary, each sentence citing its rules.

use super::{row_mark, Assessment, Exclusion, Fix, Industry, OrgType, Share, Step};
use crate::format::{fill, number, yen};
use crate::params::{Stamp, STAMP};
#[allow(unused_imports)]
use crate::prelude::*;
use crate::rule_ids::RuleId;
use crate::Locale;
use rust_decimal::Decimal;
use serde::Serialize;

/// One step of the explanation, citing the rules it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SmeReason"))]
pub struct Reason {
    pub rules: Vec<&'static str>,
    pub text: String,
}

/// Which row of the SME tables applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SmeCategory {
    /// `"SME-1"` (companies, sole proprietors) or `"SME-2"` (other organisations).
    pub rule: &'static str,
    /// 1–15: ①–⑧ of SME-1, ⑨–⑮ of SME-2.
    pub row: u8,
    /// `"①"` … `"⑮"`.
    pub mark: &'static str,
    /// For SME-2 ⑫–⑮: the SME-1 row (1–8) of the main industry whose employee limit applies.
    pub industry_row: Option<u8>,
}

/// Whether a business is an SME and a small business, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SmeClassification {
    /// An SME (中小企業者) under SME-1/2 and not excluded by SME-6.
    pub sme: bool,
    /// A small business (小規模事業者, SME-5); `null` for organisations of SME-2, where the
    /// category does not apply.
    pub small_business: Option<bool>,
    /// The rule ids that decided the verdict: `["SME-1"]`, `["SME-1", "SME-5"]`,
    /// `["SME-1", "SME-6"]`, `["SME-2"]`, …
    pub reasons: Vec<&'static str>,
    /// The answer in one line, for the top of the result.
    pub summary: String,
    /// Step by step, in the locale.
    pub explanation: Vec<Reason>,
    /// When not an SME (or an SME but not a small business): what would change it.
    /// With one thing to change, each entry is a way to qualify on its own ("…なら対象に
    /// なります"); with several, each entry is one condition and all are needed (the summary
    /// says so).
    pub to_qualify: Vec<String>,
    pub category: SmeCategory,
    /// The capital limit used (SME-1), yen; `null` where capital plays no part.
    #[serde(with = "crate::format::as_number_opt")]
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub capital_cap: Option<Decimal>,
    /// The employee limit used (inclusive).
    pub employee_cap: u32,
    /// The small-business employee limit (SME-5); `null` for organisations of SME-2.
    pub small_business_cap: Option<u32>,
    /// The sub-items of SME-6 (1–6) that exclude the business; empty when none does.
    pub deemed_large: Vec<u8>,
    /// Exclusion questions left unanswered (field names such as
    /// `"exclusions.singleLargeShare"`), each taken as "no".
    pub unanswered: Vec<&'static str>,
    pub ruleset: Stamp,
}

struct Texts {
    locale: Locale,
}

impl Texts {
    /// The chosen language's template, filled (see [`crate::format::fill_in`]).
    fn text(&self, texts: [&str; 2], args: &[&str]) -> String {
        crate::format::fill_in(self.locale, texts, args)
    }

    /// Money as people say it: `3億円`, `5,000万円`, `¥300 million`, `¥1.5 billion`.
    fn money(&self, d: Decimal) -> String {
        // A whole, non-negative amount as an integer (normalized, its scale is 0): the units
        // below are integer divisions of it, exact, without decimal division. Amounts here
        // are validated to at most 10^18, which fits a u64 (others are shown as yen).
        let n = d.normalize();
        let (whole, n) = match u64::try_from(n.mantissa()) {
            Ok(m) if n.scale() == 0 => (true, m),
            _ => (false, 0),
        };
        let int = |n: u64| number(Decimal::from(n));
        match self.locale {
            Locale::Ja if whole && n >= 10_000 => {
                let (o, rest) = (n / 100_000_000, n % 100_000_000);
                if rest.is_multiple_of(10_000) {
                    let m = rest / 10_000;
                    return match (o == 0, m == 0) {
                        (true, _) => fill("{0}万円", &[&int(m)]),
                        (false, true) => fill("{0}億円", &[&int(o)]),
                        (false, false) => fill("{0}億{1}万円", &[&int(o), &int(m)]),
                    };
                }
                yen(d, self.locale)
            }
            Locale::En if whole && n >= 1_000_000 => {
                // Billions with at most one decimal (`¥1.5 billion`).
                if n >= 1_000_000_000 && n.is_multiple_of(100_000_000) {
                    let billions = Decimal::new((n / 100_000_000) as i64, 1);
                    return fill("¥{0} billion", &[&number(billions)]);
                }
                if n.is_multiple_of(1_000_000) {
                    return fill("¥{0} million", &[&int(n / 1_000_000)]);
                }
                yen(d, self.locale)
            }
            _ => yen(d, self.locale),
        }
    }

    /// `300人` / `300 regular employees`.
    fn staff(&self, n: u32) -> String {
        match self.locale {
            Locale::Ja => fill("{0}人", &[&number(Decimal::from(n))]),
            Locale::En if n == 1 => "1 regular employee".to_string(),
            Locale::En => fill("{0} regular employees", &[&number(Decimal::from(n))]),
        }
    }
}

/// The first letter in upper case. Only English text built from this module's ASCII
/// labels and digits comes here, so ASCII case is enough (and keeps Unicode's case tables
/// out of the small wasm).
fn cap_first(s: &str) -> String {
    let mut s = s.to_string();
    // (A first character that is not ASCII has no ASCII case: `get_mut` gives `None`.)
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// The words a classification's sentences share, each formatted once for the locale.
struct Words {
    t: Texts,
    /// The industry's name.
    industry: &'static str,
    /// The kind of organisation.
    org: &'static str,
    /// `SME-1 ①`: the row of the size test.
    cite: String,
    /// `300人` / `300 regular employees`: the employee limit.
    employee_cap: String,
    /// `3億円` / `¥300 million`: the capital limit, for companies.
    capital_cap: Option<String>,
}

/// The sentences of an assessment in `locale`: each step of the explanation, what would
/// qualify, and the summary. The one place the SME classification is put into words.
pub fn explain(a: &Assessment, locale: Locale) -> SmeClassification {
    let w = words(a, locale);
    let explanation = a
        .steps
        .iter()
        .map(|s| Reason {
            rules: crate::ids(&[s.rule().as_str()]),
            text: step(a, *s, &w),
        })
        .collect();
    let to_qualify = fixes(a, &w);
    let summary = summary(a, &w, &to_qualify);
    let size = &a.size;
    SmeClassification {
        sme: a.sme,
        small_business: a.small_business.map(|s| s.small()),
        reasons: a.reasons.iter().map(|r| r.as_str()).collect(),
        summary,
        explanation,
        to_qualify,
        category: SmeCategory {
            rule: size.rule.as_str(),
            row: size.row,
            mark: size.mark(),
            industry_row: size.industry_row,
        },
        capital_cap: size.capital_cap,
        employee_cap: size.employee_cap,
        small_business_cap: a.small_business.map(|s| s.cap),
        deemed_large: a.deemed_large.items(),
        unanswered: a.deemed_large.unanswered.clone(),
        ruleset: STAMP,
    }
}

/// The one-line fix of a "no", as the summary gives it after "as things stand you do not
/// qualify" (empty when there is none).
pub fn summary_fix(a: &Assessment, locale: Locale) -> String {
    let w = words(a, locale);
    fix_line(a, &w, &fixes(a, &w)).unwrap_or_default()
}

fn words(a: &Assessment, locale: Locale) -> Words {
    let t = Texts { locale };
    let size = &a.size;
    Words {
        industry: a.industry.label(locale),
        org: a.org_type.label(locale),
        cite: cite(size.rule, size.row),
        employee_cap: t.staff(size.employee_cap),
        capital_cap: size.capital_cap.map(|c| t.money(c)),
        t,
    }
}

/// `SME-1 ①`.
fn cite(rule: RuleId, row: u8) -> String {
    fill("{0} {1}", &[rule.as_str(), row_mark(row)])
}

/// One step of the explanation.
fn step(a: &Assessment, s: Step, w: &Words) -> String {
    let t = &w.t;
    match s {
        Step::Category { .. } => category(a, w),
        Step::Size { .. } => size(a, w),
        Step::Excluded(x) => excluded(x, t),
        Step::NotDeemedLarge if a.deemed_large.unanswered.is_empty() => t.text(
            [
                "大企業の持分や役員の割合、課税所得から見て、みなし大企業にはあたりません（SME-6）。",
                "Judging by large enterprises' holdings, the officers and taxable income, the business is not a deemed large enterprise (SME-6).",
            ],
            &[],
        ),
        Step::NotDeemedLarge => t.text(
            [
                "みなし大企業にはあたらないものとして判定しました。答えていない確認項目は「あてはまらない」として扱っています。あてはまる項目があれば結果が変わります（SME-6）。",
                "The business was taken not to be a deemed large enterprise: questions left unanswered were taken as \"no\". If one of them applies, the answer changes (SME-6).",
            ],
            &[],
        ),
        Step::SmallBusiness => match a.small_business {
            None => t.text(
                [
                    "小規模事業者の区分は会社と個人事業主だけのもので、{0}にはあてはまりません（SME-5）。",
                    "The small-business category applies only to companies and sole proprietors, not to {0} (SME-5).",
                ],
                &[w.org],
            ),
            Some(s) if !s.sme => t.text(
                [
                    "中小企業者にあたらないため、小規模事業者にもあたりません（SME-5）。",
                    "As the business is not an SME, it is not a small business either (SME-5).",
                ],
                &[],
            ),
            Some(s) => {
                let small = s.small();
                t.text(
                    [
                        "{0}は小規模事業者の区分では「{1}」にあたり、従業員{2}以下が小規模事業者です。従業員{3}なので、小規模事業者{4}（SME-5）。",
                        "For small businesses, {0} falls under {1}, where the limit is {2}. With {3}, the business {5} (SME-5).",
                    ],
                    &[
                        w.industry,
                        s.group.label(t.locale),
                        &t.staff(s.cap),
                        &t.staff(s.employees),
                        if small { "にもあたります" } else { "にはあたりません" },
                        if small { "is also a small business" } else { "is not a small business" },
                    ],
                )
            }
        },
        Step::CountingEmployees => t.text(
            [
                "従業員は「常時使用する従業員」（解雇するときに予告が必要な人）で数えます。会社の役員や個人事業主ご本人は数えません（SME-4）。",
                "Count regular employees only: those who must be given advance notice of dismissal. Company officers and the owner of a sole proprietorship are not counted (SME-4).",
            ],
            &[],
        ),
        Step::ProductiveBusiness => t.text(
            [
                "会社以外の法人は、製品やサービスの生産・提供など、生産活動につながる事業を行っていることが前提です（SME-3）。",
                "Organisations other than companies must carry on productive business, such as producing or providing goods or services (SME-3).",
            ],
            &[],
        ),
        Step::InvestmentCompanies => t.text(
            [
                "中小企業投資育成株式会社と投資事業有限責任組合は、ここでいう大企業に含めません。これらが持つ株式・出資は、大企業の持分に数えなくて大丈夫です（SME-7）。",
                "SME investment and development companies and investment limited partnerships do not count as large enterprises here: leave their holdings out of the large-enterprise shares (SME-7).",
            ],
            &[],
        ),
    }
}

/// SME-1/2: the row that applies and its limits.
fn category(a: &Assessment, w: &Words) -> String {
    let t = &w.t;
    let (ind, ecap, cite) = (w.industry, w.employee_cap.as_str(), w.cite.as_str());
    match (a.org_type, a.size.industry_row) {
        (OrgType::Company, _) => {
            let c = w.capital_cap.as_deref().unwrap_or_default();
            let (ja_note, en_note) = match a.industry {
                Industry::Entertainment => (
                    "娯楽業はサービス業として扱います。",
                    " Entertainment counts as services.",
                ),
                Industry::Rubber => (
                    "自動車・航空機用のタイヤ・チューブと工業用ベルトの製造は、ここでなく製造業（①）です。",
                    " Tyres and tubes for cars and aircraft and industrial belts belong to manufacturing (①) instead.",
                ),
                _ => ("", ""),
            };
            t.text(
                [
                    "{0}の会社は、資本金が{1}以下、または常時使用する従業員が{2}以下なら中小企業者です（{3}）。{4}",
                    "In {0}, a company is an SME when its capital is {1} or less, or when it has {2} or fewer ({3}).{5}",
                ],
                &[ind, c, ecap, cite, ja_note, en_note],
            )
        }
        (OrgType::SoleProprietor, _) => t.text(
            [
                "個人事業主には資本金がないため、常時使用する従業員の数で判定します。{0}では{1}以下なら中小企業者です（{2}）。",
                "A sole proprietor has no capital, so the number of regular employees decides: in {0}, {1} or fewer makes an SME ({2}).",
            ],
            &[ind, ecap, cite],
        ),
        (_, Some(industry_row)) => t.text(
            [
                "{0}は、主たる業種（{1}、SME-1 {2}）の従業員の基準により、常時使用する従業員が{3}以下なら中小企業者です。資本金は問いません（{4}）。",
                "{5} is an SME with {3} or fewer, the employee limit of its main industry ({1}, SME-1 {2}); capital does not matter ({4}).",
            ],
            &[w.org, ind, row_mark(industry_row), ecap, cite, &cap_first(w.org)],
        ),
        (_, None) => t.text(
            [
                "{0}は、常時使用する従業員が{1}以下なら中小企業者です。資本金は問いません（{2}）。",
                "{3} is an SME with {1} or fewer; capital does not matter ({2}).",
            ],
            &[w.org, ecap, cite, &cap_first(w.org)],
        ),
    }
}

/// SME-1/2: the figures compared with the limits.
fn size(a: &Assessment, w: &Words) -> String {
    let t = &w.t;
    let s = &a.size;
    let (employees_ok, capital_ok) = (s.employees_ok(), s.capital_ok());
    let ecap = w.employee_cap.as_str();
    let es = t.staff(s.employees);
    let es_cap = cap_first(&es);
    let ecap_n = number(Decimal::from(s.employee_cap));
    match (s.capital, &w.capital_cap) {
        (Some(c), Some(cap)) => {
            let c = t.money(c);
            match (capital_ok, employees_ok) {
                (true, true) => t.text(
                    [
                        "資本金{0}は{1}以下、従業員{2}も{3}以下なので、規模の条件を満たしています。",
                        "Capital of {0} is within the {1} limit, and {2} is within the limit of {4}, so the size test is met.",
                    ],
                    &[&c, cap, &es, ecap, &ecap_n],
                ),
                (true, false) => t.text(
                    [
                        "資本金{0}は{1}以下なので、規模の条件を満たしています（従業員は{2}で{3}を超えていますが、どちらか一方を満たせば足ります）。",
                        "Capital of {0} is within the {1} limit, so the size test is met ({2} is over the limit of {4}, but one of the two is enough).",
                    ],
                    &[&c, cap, &es, ecap, &ecap_n],
                ),
                (false, true) => t.text(
                    [
                        "従業員{0}は{1}以下なので、規模の条件を満たしています（資本金は{2}で{3}を超えていますが、どちらか一方を満たせば足ります）。",
                        "{4} is within the limit of {5}, so the size test is met (capital of {2} is over the {3} limit, but one of the two is enough).",
                    ],
                    &[&es, ecap, &c, cap, &es_cap, &ecap_n],
                ),
                (false, false) => t.text(
                    [
                        "資本金{0}は{1}を超え、従業員{2}も{3}を超えているため、規模の条件を満たしていません。",
                        "Capital of {0} is over the {1} limit, and {2} is over the limit of {4}, so the size test is not met.",
                    ],
                    &[&c, cap, &es, ecap, &ecap_n],
                ),
            }
        }
        _ if employees_ok => t.text(
            [
                "従業員{0}は{1}以下なので、規模の条件を満たしています。",
                "{2} is within the limit of {3}, so the size test is met.",
            ],
            &[&es, ecap, &es_cap, &ecap_n],
        ),
        _ => t.text(
            [
                "従業員{0}は{1}を超えているため、規模の条件を満たしていません。",
                "{2} is over the limit of {3}, so the size test is not met.",
            ],
            &[&es, ecap, &es_cap, &ecap_n],
        ),
    }
}

/// SME-6: one test that applies, with its figure.
fn excluded(x: Exclusion, t: &Texts) -> String {
    let pct = |s: Share| s.percent_text(t.locale);
    match x {
        Exclusion::SingleLargeShare(s) => t.text(
            [
                "大企業1社が株式・出資の{0}を持っています。2分の1以上なので、みなし大企業として対象外です（SME-6 (1)）。",
                "A single large enterprise holds {0} of the shares or investment: half or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (1)).",
            ],
            &[&pct(s)],
        ),
        Exclusion::TotalLargeShare(s) => t.text(
            [
                "大企業が合わせて株式・出資の{0}を持っています。3分の2以上なので、みなし大企業として対象外です（SME-6 (2)）。",
                "Large enterprises together hold {0} of the shares or investment: two thirds or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (2)).",
            ],
            &[&pct(s)],
        ),
        Exclusion::LargeOfficerShare(s) => {
            let p = pct(s);
            t.text(
                [
                    "役員の{0}が大企業の役員・職員を兼ねています。2分の1以上なので、みなし大企業として対象外です（SME-6 (3)）。",
                    "{1} of the officers are also officers or staff of a large enterprise: half or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (3)).",
                ],
                &[&p, &cap_first(&p)],
            )
        }
        Exclusion::OwnedByDeemedLarge => t.text(
            [
                "株式・出資のすべてを、みなし大企業（(1)〜(3)にあたる会社）が持っているため、対象外です（SME-6 (4)）。",
                "All shares or investment are held by deemed large enterprises (companies under (1)–(3)), so the business is excluded (SME-6 (4)).",
            ],
            &[],
        ),
        Exclusion::OfficersAllFromDeemedLarge => t.text(
            [
                "役員の全員が、みなし大企業（(1)〜(3)にあたる会社）の役員・職員を兼ねているため、対象外です（SME-6 (5)）。",
                "Every officer is also an officer or staff member of a deemed large enterprise (a company under (1)–(3)), so the business is excluded (SME-6 (5)).",
            ],
            &[],
        ),
        Exclusion::TaxableIncome { income, limit } => t.text(
            [
                "直近3年の課税所得の年平均が{0}で、{1}を超えているため、対象外です（SME-6 (6)）。",
                "Average taxable income over the last three filed years is {0}, above {1}, so the business is excluded (SME-6 (6)).",
            ],
            &[&t.money(income), &t.money(limit)],
        ),
    }
}

/// What would qualify, one entry per line. With one thing to change, each entry is a way to
/// qualify on its own ("…なら対象になります"); with several, each is one condition and all
/// are needed.
fn fixes(a: &Assessment, w: &Words) -> Vec<String> {
    let t = &w.t;
    let several = a.to_qualify.all_needed;
    let mut out = Vec::new();
    for fix in &a.to_qualify.fixes {
        match *fix {
            Fix::Size {
                rule,
                row,
                employee_cap,
                capital_cap,
            } => {
                let (ecap, cite) = (t.staff(employee_cap), cite(rule, row));
                match (capital_cap.map(|c| t.money(c)), several) {
                    (Some(c), false) => {
                        out.push(t.text(
                            [
                                "従業員が{0}以下なら対象になります（{1}）。",
                                "With {0} or fewer you would qualify ({1}).",
                            ],
                            &[&ecap, &cite],
                        ));
                        out.push(t.text(
                            [
                                "資本金が{0}以下なら対象になります（{1}）。",
                                "With capital of {0} or less you would qualify ({1}).",
                            ],
                            &[&c, &cite],
                        ));
                    }
                    (Some(c), true) => out.push(t.text(
                        [
                            "従業員が{0}以下か、資本金が{1}以下であること（{2}）。",
                            "{3} or fewer, or capital of {1} or less ({2}).",
                        ],
                        &[&ecap, &c, &cite, &cap_first(&ecap)],
                    )),
                    (None, false) => out.push(t.text(
                        [
                            "従業員が{0}以下なら対象になります（{1}）。",
                            "With {0} or fewer you would qualify ({1}).",
                        ],
                        &[&ecap, &cite],
                    )),
                    (None, true) => out.push(t.text(
                        ["従業員が{0}以下であること（{1}）。", "{2} or fewer ({1})."],
                        &[&ecap, &cite, &cap_first(&ecap)],
                    )),
                }
            }
            Fix::NotDeemedLarge(x) => out.push(not_deemed_large(x, several, t)),
            Fix::SmallBusiness { cap } => out.push(t.text(
                [
                    "従業員が{0}以下なら、小規模事業者にもあたります（SME-5）。",
                    "With {0} or fewer you would also be a small business (SME-5).",
                ],
                &[&t.staff(cap)],
            )),
        }
    }
    out
}

/// SME-6: the test no longer applying, as a way to qualify or (`several`) as a condition.
fn not_deemed_large(x: Exclusion, several: bool, t: &Texts) -> String {
    let item = x.item();
    let (ja_if, ja_cond, en_if, en_cond) = match item {
        1 => (
            "大企業1社が持つ株式・出資が2分の1未満なら対象になります",
            "大企業1社が持つ株式・出資が2分の1未満であること",
            "If no single large enterprise held half or more of the shares or investment, you would qualify",
            "No single large enterprise holds half or more of the shares or investment",
        ),
        2 => (
            "大企業が合わせて持つ株式・出資が3分の2未満なら対象になります",
            "大企業が合わせて持つ株式・出資が3分の2未満であること",
            "If large enterprises together held less than two thirds of the shares or investment, you would qualify",
            "Large enterprises together hold less than two thirds of the shares or investment",
        ),
        3 => (
            "大企業の役員・職員を兼ねる役員が2分の1未満なら対象になります",
            "大企業の役員・職員を兼ねる役員が2分の1未満であること",
            "If fewer than half of the officers were officers or staff of a large enterprise, you would qualify",
            "Fewer than half of the officers are officers or staff of a large enterprise",
        ),
        4 => (
            "みなし大企業以外の株主・出資者がいれば対象になります",
            "みなし大企業以外の株主・出資者がいること",
            "If someone other than deemed large enterprises held part of the shares or investment, you would qualify",
            "Someone other than deemed large enterprises holds part of the shares or investment",
        ),
        5 => (
            "みなし大企業の役員・職員を兼ねていない役員が1人でもいれば対象になります",
            "みなし大企業の役員・職員を兼ねていない役員が1人以上いること",
            "If at least one officer were not also with a deemed large enterprise, you would qualify",
            "At least one officer is not also with a deemed large enterprise",
        ),
        _ => (
            "直近3年の課税所得の年平均が15億円以下なら対象になります",
            "直近3年の課税所得の年平均が15億円以下であること",
            "With average taxable income of ¥1.5 billion or less over the last three years you would qualify",
            "Average taxable income over the last three years is ¥1.5 billion or less",
        ),
    };
    let (ja, en) = if several {
        (ja_cond, en_cond)
    } else {
        (ja_if, en_if)
    };
    t.text(
        ["{0}（SME-6 ({1})）。", "{2} (SME-6 ({1}))."],
        &[ja, &crate::format::integer(i128::from(item)), en],
    )
}

/// The answer in one line: "you qualify" and as what, or "as things stand you do not" with
/// the fix.
fn summary(a: &Assessment, w: &Words, to_qualify: &[String]) -> String {
    let t = &w.t;
    if a.sme {
        return match a.small_business.map(|s| s.small()) {
            Some(true) => t.text(
                [
                    "対象になります。中小企業者で、小規模事業者にもあたります。",
                    "You qualify: you are an SME, and a small business too.",
                ],
                &[],
            ),
            Some(false) => t.text(
                [
                    "対象になります。中小企業者にあたります（小規模事業者にはあたりません）。",
                    "You qualify: you are an SME (though not a small business).",
                ],
                &[],
            ),
            None => t.text(
                [
                    "対象になります。中小企業者にあたります（生産活動につながる事業を行っていることが前提です）。",
                    "You qualify as an SME, provided the organisation carries on productive business.",
                ],
                &[],
            ),
        };
    }
    let lead = t.text(
        [
            "このままでは対象外です。",
            "As things stand you do not qualify.",
        ],
        &[],
    );
    match (fix_line(a, w, to_qualify), t.locale) {
        (Some(f), Locale::Ja) => fill("{0}{1}", &[&lead, &f]),
        (Some(f), Locale::En) => fill("{0} {1}", &[&lead, &f]),
        (None, _) => lead,
    }
}

/// The fix of a "no" in one line: with several things to change, that all are needed;
/// with a company's size, either figure; otherwise the one way to qualify.
fn fix_line(a: &Assessment, w: &Words, to_qualify: &[String]) -> Option<String> {
    let t = &w.t;
    if a.to_qualify.all_needed {
        return Some(t.text(
            [
                "対象になるには、次の条件をすべて満たす必要があります。",
                "To qualify, all of the following would be needed.",
            ],
            &[],
        ));
    }
    match a.to_qualify.fixes.first() {
        Some(&Fix::Size {
            rule,
            row,
            employee_cap,
            capital_cap: Some(c),
        }) => Some(t.text(
            [
                "従業員が{0}以下か、資本金が{1}以下なら対象になります（{2}）。",
                "With {0} or fewer, or capital of {1} or less, you would qualify ({2}).",
            ],
            &[&t.staff(employee_cap), &t.money(c), &cite(rule, row)],
        )),
        _ => to_qualify.first().cloned(),
    }
}
