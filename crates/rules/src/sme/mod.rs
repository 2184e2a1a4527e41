//! Who is an SME (中小企業者) and a small business (小規模事業者): SME-1..7.
//!
//! [`RawSmeInput::validate`] reads the loose input (every problem at once, each naming its
//! field); [`classify`] is a pure function of the validated [`SmeInput`] that says whether the
//! business is an SME, whether it is also a small business, which rules decided it, why, and —
//! when it does not qualify — the smallest change that would make it qualify.
//!
//! Decisions where the rules leave room, stated once here:
//!
//! - **Fields that do not apply are ignored, not checked.** A capital given for a sole
//!   proprietor or an organisation of SME-2 (they have no capital test), or an industry given
//!   for a medical, social-welfare or school corporation or a chamber of commerce (fixed
//!   employee limits), is ignored, so a value left over from an earlier answer in the wizard
//!   never blocks the result.
//! - **SME-6 applies to every kind of applicant**, not only companies: the source excludes any
//!   「中小企業・小規模事業者等」 that meets one of its six tests. The wizard only asks the
//!   questions that make sense (a sole proprietor has no shares), and an unanswered question
//!   counts as "no"; the result lists the unanswered ones (`unanswered`).
//! - **Shares are exact fractions.** They may be given as a decimal (`0.5`), a fraction
//!   (`"2/3"`, `"２／３"`), a Japanese fraction (`"3分の2"`) or a percentage (`"50%"`).
//!   Decimals are taken literally: `0.6666666666666666` is just below two thirds and does not
//!   trigger SME-6 (2); send `"2/3"` (or `"200/300"`, counts of shares) for exactly two thirds.
//! - Amounts of money may be typed with 億・万・千 (`"5千万円"`, `"1億5000万"`), as the
//!   source itself writes them.

mod kinds;
#[cfg(test)]
mod reference;
mod share;
mod validate;

pub use kinds::{row_mark, Industry, OrgType, SmallGroup};
pub use share::Share;
pub use validate::{Exclusions, RawExclusions, RawSmeInput, SmeInput};

use crate::format::{fill, number, yen};
use crate::params::{Stamp, STAMP};
#[allow(unused_imports)]
use crate::prelude::*;
use crate::Locale;
use rust_decimal::Decimal;
use serde::Serialize;

/// The largest capital accepted (10^15 yen); above it the input is surely a typo.
pub const MAX_CAPITAL: i64 = 1_000_000_000_000_000;
/// The largest number of regular employees accepted.
pub const MAX_EMPLOYEES: u32 = 10_000_000;
/// The largest average taxable income accepted (10^15 yen).
pub const MAX_TAXABLE_INCOME: i64 = 1_000_000_000_000_000;
use crate::params::SME2_EMPLOYEES;
/// SME-6 (6): an average taxable income **above** this excludes (from `parameters.json`).
pub use crate::params::TAXABLE_INCOME_LIMIT;

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

/// The six sub-items of SME-6 with their field names.
const EXCLUSION_FIELDS: [&str; 6] = [
    "exclusions.singleLargeShare",
    "exclusions.totalLargeShare",
    "exclusions.largeOfficerShare",
    "exclusions.ownedByDeemedLarge",
    "exclusions.officersAllFromDeemedLarge",
    "exclusions.avgTaxableIncome",
];

/// Classifies a business: SME (SME-1/2, SME-6), small business (SME-5), with the reasons
/// and what would change the answer.
pub fn classify(input: &SmeInput, locale: Locale) -> SmeClassification {
    let t = Texts { locale };
    let org = input.org_type;
    let industry = input.industry.unwrap_or(Industry::Other);
    let e = input.employees;
    let mut explanation = Vec::new();

    // SME-1 / SME-2: the row and its limits.
    let (rule, row, industry_row) = match org.sme2_row() {
        None => ("SME-1", industry.sme1_row(), None),
        Some(r) => (
            "SME-2",
            r,
            org.needs_industry().then_some(industry.sme1_row()),
        ),
    };
    let mark = row_mark(row);
    let cite = fill("{0} {1}", &[rule, mark]);
    let employee_cap = match row {
        9..=11 => SME2_EMPLOYEES[usize::from(row) - 9],
        _ => industry.employee_cap(),
    };
    let capital_cap = org.has_capital().then(|| industry.capital_cap());
    let ind = industry.label(locale);
    // Figures and names shown more than once, formatted once.
    let cap_text = capital_cap.map(|c| t.money(c));
    let ecap = t.staff(employee_cap);
    let org_name = org.label(locale);

    let intro = match org {
        OrgType::Company => {
            let c = cap_text.as_deref().unwrap_or_default();
            let ja_note = match industry {
                Industry::Entertainment => "娯楽業はサービス業として扱います。",
                Industry::Rubber => "自動車・航空機用のタイヤ・チューブと工業用ベルトの製造は、ここでなく製造業（①）です。",
                _ => "",
            };
            let en_note = match industry {
                Industry::Entertainment => " Entertainment counts as services.",
                Industry::Rubber => " Tyres and tubes for cars and aircraft and industrial belts belong to manufacturing (①) instead.",
                _ => "",
            };
            t.text(
                [
                    "{0}の会社は、資本金が{1}以下、または常時使用する従業員が{2}以下なら中小企業者です（{3}）。{4}",
                    "In {0}, a company is an SME when its capital is {1} or less, or when it has {2} or fewer ({3}).{5}",
                ],
                &[ind, c, &ecap, &cite, ja_note, en_note],
            )
        }
        OrgType::SoleProprietor => t.text(
            [
                "個人事業主には資本金がないため、常時使用する従業員の数で判定します。{0}では{1}以下なら中小企業者です（{2}）。",
                "A sole proprietor has no capital, so the number of regular employees decides: in {0}, {1} or fewer makes an SME ({2}).",
            ],
            &[ind, &ecap, &cite],
        ),
        _ if industry_row.is_some() => {
            let imark = row_mark(industry.sme1_row());
            t.text(
                [
                    "{0}は、主たる業種（{1}、SME-1 {2}）の従業員の基準により、常時使用する従業員が{3}以下なら中小企業者です。資本金は問いません（{4}）。",
                    "{5} is an SME with {3} or fewer, the employee limit of its main industry ({1}, SME-1 {2}); capital does not matter ({4}).",
                ],
                &[org_name, ind, imark, &ecap, &cite, &cap_first(org_name)],
            )
        }
        _ => t.text(
            [
                "{0}は、常時使用する従業員が{1}以下なら中小企業者です。資本金は問いません（{2}）。",
                "{3} is an SME with {1} or fewer; capital does not matter ({2}).",
            ],
            &[org_name, &ecap, &cite, &cap_first(org_name)],
        ),
    };
    explanation.push(Reason {
        rules: crate::ids(&[rule]),
        text: intro,
    });

    // The size test: capital OR employees for companies, employees for everyone else.
    let employees_ok = e <= employee_cap;
    let capital_ok = match (input.capital, capital_cap) {
        (Some(c), Some(cap)) => c <= cap,
        _ => false,
    };
    let size_ok = employees_ok || capital_ok;
    let es = t.staff(e);
    let es_cap = cap_first(&es);
    let ecap_n = number(Decimal::from(employee_cap));
    let size_text = match (org.has_capital(), input.capital, capital_cap) {
        (true, Some(c), Some(_)) => {
            let (c, cap) = (t.money(c), cap_text.clone().unwrap_or_default());
            match (capital_ok, employees_ok) {
                (true, true) => t.text(
                    [
                        "資本金{0}は{1}以下、従業員{2}も{3}以下なので、規模の条件を満たしています。",
                        "Capital of {0} is within the {1} limit, and {2} is within the limit of {4}, so the size test is met.",
                    ],
                    &[&c, &cap, &es, &ecap, &ecap_n],
                ),
                (true, false) => t.text(
                    [
                        "資本金{0}は{1}以下なので、規模の条件を満たしています（従業員は{2}で{3}を超えていますが、どちらか一方を満たせば足ります）。",
                        "Capital of {0} is within the {1} limit, so the size test is met ({2} is over the limit of {4}, but one of the two is enough).",
                    ],
                    &[&c, &cap, &es, &ecap, &ecap_n],
                ),
                (false, true) => t.text(
                    [
                        "従業員{0}は{1}以下なので、規模の条件を満たしています（資本金は{2}で{3}を超えていますが、どちらか一方を満たせば足ります）。",
                        "{4} is within the limit of {5}, so the size test is met (capital of {2} is over the {3} limit, but one of the two is enough).",
                    ],
                    &[&es, &ecap, &c, &cap, &es_cap, &ecap_n],
                ),
                (false, false) => t.text(
                    [
                        "資本金{0}は{1}を超え、従業員{2}も{3}を超えているため、規模の条件を満たしていません。",
                        "Capital of {0} is over the {1} limit, and {2} is over the limit of {4}, so the size test is not met.",
                    ],
                    &[&c, &cap, &es, &ecap, &ecap_n],
                ),
            }
        }
        _ if employees_ok => t.text(
            [
                "従業員{0}は{1}以下なので、規模の条件を満たしています。",
                "{2} is within the limit of {3}, so the size test is met.",
            ],
            &[&es, &ecap, &es_cap, &ecap_n],
        ),
        _ => t.text(
            [
                "従業員{0}は{1}を超えているため、規模の条件を満たしていません。",
                "{2} is over the limit of {3}, so the size test is not met.",
            ],
            &[&es, &ecap, &es_cap, &ecap_n],
        ),
    };
    explanation.push(Reason {
        rules: crate::ids(&[rule]),
        text: size_text,
    });

    // SME-6: deemed large enterprises.
    let x = &input.exclusions;
    let mut deemed_large = Vec::new();
    let mut excl_texts = Vec::new();
    let pct = |s: &Share| s.percent_text(locale);
    if let Some(s) = x.single_large_share.filter(|s| s.at_least(1, 2)) {
        deemed_large.push(1);
        excl_texts.push(t.text(
            [
                "大企業1社が株式・出資の{0}を持っています。2分の1以上なので、みなし大企業として対象外です（SME-6 (1)）。",
                "A single large enterprise holds {0} of the shares or investment: half or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (1)).",
            ],
            &[&pct(&s)],
        ));
    }
    if let Some(s) = x.total_large_share.filter(|s| s.at_least(2, 3)) {
        deemed_large.push(2);
        excl_texts.push(t.text(
            [
                "大企業が合わせて株式・出資の{0}を持っています。3分の2以上なので、みなし大企業として対象外です（SME-6 (2)）。",
                "Large enterprises together hold {0} of the shares or investment: two thirds or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (2)).",
            ],
            &[&pct(&s)],
        ));
    }
    if let Some(s) = x.large_officer_share.filter(|s| s.at_least(1, 2)) {
        deemed_large.push(3);
        excl_texts.push(t.text(
            [
                "役員の{0}が大企業の役員・職員を兼ねています。2分の1以上なので、みなし大企業として対象外です（SME-6 (3)）。",
                "{1} of the officers are also officers or staff of a large enterprise: half or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (3)).",
            ],
            &[&pct(&s), &cap_first(&pct(&s))],
        ));
    }
    if x.owned_by_deemed_large == Some(true) {
        deemed_large.push(4);
        excl_texts.push(t.text(
            [
                "株式・出資のすべてを、みなし大企業（(1)〜(3)にあたる会社）が持っているため、対象外です（SME-6 (4)）。",
                "All shares or investment are held by deemed large enterprises (companies under (1)–(3)), so the business is excluded (SME-6 (4)).",
            ],
            &[],
        ));
    }
    if x.officers_all_from_deemed_large == Some(true) {
        deemed_large.push(5);
        excl_texts.push(t.text(
            [
                "役員の全員が、みなし大企業（(1)〜(3)にあたる会社）の役員・職員を兼ねているため、対象外です（SME-6 (5)）。",
                "Every officer is also an officer or staff member of a deemed large enterprise (a company under (1)–(3)), so the business is excluded (SME-6 (5)).",
            ],
            &[],
        ));
    }
    let income_limit = Decimal::from(TAXABLE_INCOME_LIMIT);
    if let Some(i) = x.avg_taxable_income.filter(|i| *i > income_limit) {
        deemed_large.push(6);
        excl_texts.push(t.text(
            [
                "直近3年の課税所得の年平均が{0}で、{1}を超えているため、対象外です（SME-6 (6)）。",
                "Average taxable income over the last three filed years is {0}, above {1}, so the business is excluded (SME-6 (6)).",
            ],
            &[&t.money(i), &t.money(income_limit)],
        ));
    }
    let answers = [
        x.single_large_share.is_some(),
        x.total_large_share.is_some(),
        x.large_officer_share.is_some(),
        x.owned_by_deemed_large.is_some(),
        x.officers_all_from_deemed_large.is_some(),
        x.avg_taxable_income.is_some(),
    ];
    let unanswered: Vec<&'static str> = EXCLUSION_FIELDS
        .iter()
        .zip(answers)
        .filter(|(_, answered)| !answered)
        .map(|(f, _)| *f)
        .collect();
    if excl_texts.is_empty() {
        let text = if unanswered.is_empty() {
            t.text(
                [
                    "大企業の持分や役員の割合、課税所得から見て、みなし大企業にはあたりません（SME-6）。",
                    "Judging by large enterprises' holdings, the officers and taxable income, the business is not a deemed large enterprise (SME-6).",
                ],
                &[],
            )
        } else {
            t.text(
                [
                    "みなし大企業にはあたらないものとして判定しました。答えていない確認項目は「あてはまらない」として扱っています。あてはまる項目があれば結果が変わります（SME-6）。",
                    "The business was taken not to be a deemed large enterprise: questions left unanswered were taken as \"no\". If one of them applies, the answer changes (SME-6).",
                ],
                &[],
            )
        };
        explanation.push(Reason {
            rules: crate::ids(&["SME-6"]),
            text,
        });
    } else {
        for text in excl_texts {
            explanation.push(Reason {
                rules: crate::ids(&["SME-6"]),
                text,
            });
        }
    }
    let excluded = !deemed_large.is_empty();
    let sme = size_ok && !excluded;

    // SME-5: small business, for companies and sole proprietors only.
    let small_cap = industry.small_business_cap();
    let small_business = org.is_business().then_some(sme && e <= small_cap);
    let small_text = match small_business {
        None => t.text(
            [
                "小規模事業者の区分は会社と個人事業主だけのもので、{0}にはあてはまりません（SME-5）。",
                "The small-business category applies only to companies and sole proprietors, not to {0} (SME-5).",
            ],
            &[org_name],
        ),
        Some(_) if !sme => t.text(
            [
                "中小企業者にあたらないため、小規模事業者にもあたりません（SME-5）。",
                "As the business is not an SME, it is not a small business either (SME-5).",
            ],
            &[],
        ),
        Some(small) => {
            let group = industry.small_group().label(locale);
            let scap = t.staff(small_cap);
            t.text(
                [
                    "{0}は小規模事業者の区分では「{1}」にあたり、従業員{2}以下が小規模事業者です。従業員{3}なので、小規模事業者{4}（SME-5）。",
                    "For small businesses, {0} falls under {1}, where the limit is {2}. With {3}, the business {5} (SME-5).",
                ],
                &[ind, group, &scap, &es, if small { "にもあたります" } else { "にはあたりません" }, if small { "is also a small business" } else { "is not a small business" }],
            )
        }
    };
    explanation.push(Reason {
        rules: crate::ids(&["SME-5"]),
        text: small_text,
    });

    // Notes: how to count employees, productive business, who is not "large".
    explanation.push(Reason {
        rules: crate::ids(&["SME-4"]),
        text: t.text(
            [
                "従業員は「常時使用する従業員」（解雇するときに予告が必要な人）で数えます。会社の役員や個人事業主ご本人は数えません（SME-4）。",
                "Count regular employees only: those who must be given advance notice of dismissal. Company officers and the owner of a sole proprietorship are not counted (SME-4).",
            ],
            &[],
        ),
    });
    if !org.is_business() {
        explanation.push(Reason {
            rules: crate::ids(&["SME-3"]),
            text: t.text(
                [
                    "会社以外の法人は、製品やサービスの生産・提供など、生産活動につながる事業を行っていることが前提です（SME-3）。",
                    "Organisations other than companies must carry on productive business, such as producing or providing goods or services (SME-3).",
                ],
                &[],
            ),
        });
    }
    if answers[..5].iter().any(|a| *a) {
        explanation.push(Reason {
            rules: crate::ids(&["SME-7"]),
            text: t.text(
                [
                    "中小企業投資育成株式会社と投資事業有限責任組合は、ここでいう大企業に含めません。これらが持つ株式・出資は、大企業の持分に数えなくて大丈夫です（SME-7）。",
                    "SME investment and development companies and investment limited partnerships do not count as large enterprises here: leave their holdings out of the large-enterprise shares (SME-7).",
                ],
                &[],
            ),
        });
    }

    // What would change the answer.
    let mut to_qualify = Vec::new();
    let several = usize::from(!size_ok) + deemed_large.len() > 1;
    let mut summary_fix = None;
    if !size_ok {
        match (&cap_text, several) {
            (Some(c), false) => {
                to_qualify.push(t.text(
                    [
                        "従業員が{0}以下なら対象になります（{1}）。",
                        "With {0} or fewer you would qualify ({1}).",
                    ],
                    &[&ecap, &cite],
                ));
                to_qualify.push(t.text(
                    [
                        "資本金が{0}以下なら対象になります（{1}）。",
                        "With capital of {0} or less you would qualify ({1}).",
                    ],
                    &[c, &cite],
                ));
                summary_fix = Some(t.text(
                    [
                        "従業員が{0}以下か、資本金が{1}以下なら対象になります（{2}）。",
                        "With {0} or fewer, or capital of {1} or less, you would qualify ({2}).",
                    ],
                    &[&ecap, c, &cite],
                ));
            }
            (Some(c), true) => to_qualify.push(t.text(
                [
                    "従業員が{0}以下か、資本金が{1}以下であること（{2}）。",
                    "{3} or fewer, or capital of {1} or less ({2}).",
                ],
                &[&ecap, c, &cite, &cap_first(&ecap)],
            )),
            (None, false) => to_qualify.push(t.text(
                [
                    "従業員が{0}以下なら対象になります（{1}）。",
                    "With {0} or fewer you would qualify ({1}).",
                ],
                &[&ecap, &cite],
            )),
            (None, true) => to_qualify.push(t.text(
                ["従業員が{0}以下であること（{1}）。", "{2} or fewer ({1})."],
                &[&ecap, &cite, &cap_first(&ecap)],
            )),
        }
    }
    for item in &deemed_large {
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
        to_qualify.push(t.text(
            ["{0}（SME-6 ({1})）。", "{2} (SME-6 ({1}))."],
            &[ja, &crate::format::integer(i128::from(*item)), en],
        ));
    }
    if small_business == Some(false) && sme {
        to_qualify.push(t.text(
            [
                "従業員が{0}以下なら、小規模事業者にもあたります（SME-5）。",
                "With {0} or fewer you would also be a small business (SME-5).",
            ],
            &[&t.staff(small_cap)],
        ));
    }

    let summary = if sme {
        match small_business {
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
        }
    } else {
        let lead = t.text(
            [
                "このままでは対象外です。",
                "As things stand you do not qualify.",
            ],
            &[],
        );
        let fix = if several {
            Some(t.text(
                [
                    "対象になるには、次の条件をすべて満たす必要があります。",
                    "To qualify, all of the following would be needed.",
                ],
                &[],
            ))
        } else {
            summary_fix.or_else(|| to_qualify.first().cloned())
        };
        match (fix, locale) {
            (Some(f), Locale::Ja) => fill("{0}{1}", &[&lead, &f]),
            (Some(f), Locale::En) => fill("{0} {1}", &[&lead, &f]),
            (None, _) => lead,
        }
    };

    let mut reasons = vec![rule];
    if sme && small_business.is_some() {
        reasons.push("SME-5");
    }
    if excluded {
        reasons.push("SME-6");
    }

    SmeClassification {
        sme,
        small_business,
        reasons,
        summary,
        explanation,
        to_qualify,
        category: SmeCategory {
            rule,
            row,
            mark,
            industry_row,
        },
        capital_cap,
        employee_cap,
        small_business_cap: org.is_business().then_some(small_cap),
        deemed_large,
        unanswered,
        ruleset: STAMP,
    }
}
