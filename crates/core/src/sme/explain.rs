//! The one place a classification becomes sentences: [`explain`] renders an [`Assessment`]
//! (the tests' results, as data) in a locale: each step of the explanation, what would
//! qualify and the one-line summary, each sentence citing its rules.
//!
//! Every template names the words it shows by letter (`{i}` the industry, `{e}` the employee
//! limit, …: see [`words`]) and is one literal in both languages ([`both!`]); the words are
//! formatted once per classification, and every sentence is its template filled from the same
//! list by one function ([`Render::say`]). A step or a fix only chooses its template.

use super::{row_mark, Assessment, Exclusion, Fix, Industry, OrgType, Share, Step};
use crate::format::{fill, fill_in, named, number, yen, NAMED};
use crate::params::{Stamp, STAMP};
#[allow(unused_imports)]
use crate::prelude::*;
use crate::text::split_once_str;
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

/// A sentence's template in both languages, written with [`both!`].
type Template = &'static str;

/// A template in both languages as one literal, Japanese then English, split where it is
/// filled ([`Render::say`]): one pointer per sentence in the wasm instead of two.
macro_rules! both {
    ($ja:literal, $en:literal $(,)?) => {
        concat!($ja, "\u{1f}", $en)
    };
}

/// The words the templates name by letter, each formatted once for the locale (a capital
/// letter names the same word with its first letter in upper case, for an English sentence
/// that begins with it: `{O}`, `{F}`; a number of employees begins with its digits):
///
/// - `i` the industry; `o` the kind of organisation;
/// - `r` the row of the size test (`SME-1 ①`); `m` the SME-1 row of the main industry of an
///   organisation of SME-2 ⑫–⑮;
/// - `e` the employee limit (`300人`, `300 regular employees`), `n` its number alone;
/// - `c` the capital limit (`3億円`, `¥300 million`), `k` the capital compared with it;
/// - `s` the employees compared with the limits;
/// - `g` the small-business group, `l` its limit;
/// - `p`, `q`, `f` the shares answered for SME-6 (1), (2), (3); `x` the average taxable income
///   answered for (6), `u` its limit.
fn words(a: &Assessment, locale: Locale) -> [String; NAMED] {
    let mut words: [String; NAMED] =
        core::array::from_fn(|i| word(a, locale, b'0'.wrapping_add(i as u8)));
    for letter in *b"OF" {
        words[named(letter)] = cap_first(&words[named(letter.to_ascii_lowercase())]);
    }
    words
}

/// The word named `letter` (see [`words`]); empty for a letter no template uses.
fn word(a: &Assessment, locale: Locale, letter: u8) -> String {
    let size = &a.size;
    let x = &a.deemed_large.answers;
    let amount = |d: Option<Decimal>| d.map(|d| money(d, locale)).unwrap_or_default();
    let share = |s: Option<Share>| s.map(|s| s.percent_text(locale)).unwrap_or_default();
    match letter {
        b'i' => a.industry.label(locale).into(),
        b'o' => a.org_type.label(locale).into(),
        b'r' => fill("{0} {1}", &[size.rule.as_str(), row_mark(size.row)]),
        b'm' => size.industry_row.map_or("", row_mark).into(),
        b'e' => staff(size.employee_cap, locale),
        b'n' => number(Decimal::from(size.employee_cap)),
        b'c' => amount(size.capital_cap),
        b'k' => amount(size.capital),
        b's' => staff(size.employees, locale),
        b'g' => a.industry.small_group().label(locale).into(),
        b'l' => a
            .small_business
            .map(|s| staff(s.cap, locale))
            .unwrap_or_default(),
        b'p' => share(x.single_large_share),
        b'q' => share(x.total_large_share),
        b'f' => share(x.large_officer_share),
        b'x' => amount(x.avg_taxable_income),
        b'u' => amount(Some(a.deemed_large.income_limit)),
        _ => String::new(),
    }
}

/// Every sentence: a template of the locale, filled with the words.
struct Render<'a> {
    locale: Locale,
    args: [&'a str; NAMED],
}

impl Render<'_> {
    fn say(&self, template: Template) -> String {
        let (ja, en) = split_once_str(template, "\u{1f}").unwrap_or((template, template));
        fill_in(self.locale, [ja, en], &self.args)
    }
}

/// The sentences of an assessment in `locale`: each step of the explanation, what would
/// qualify, and the summary. The one place the SME classification is put into words.
pub fn explain(a: &Assessment, locale: Locale) -> SmeClassification {
    let words = words(a, locale);
    let r = Render {
        locale,
        args: words.each_ref().map(String::as_str),
    };
    let mut explanation = Vec::new();
    for s in &a.steps {
        explanation.push(Reason {
            rules: crate::ids(&[s.rule().as_str()]),
            text: step(a, *s, &r),
        });
    }
    let mut reasons = Vec::new();
    for rule in &a.reasons {
        reasons.push(rule.as_str());
    }
    let to_qualify = fixes(a, &r);
    let summary = if a.sme {
        verdict(a, &r)
    } else {
        fill_in(
            locale,
            [
                "このままでは対象外です。{0}",
                "As things stand you do not qualify. {0}",
            ],
            &[&fix_line(a, &to_qualify, &r)],
        )
    };
    let size = &a.size;
    SmeClassification {
        sme: a.sme,
        small_business: a.small_business.map(|s| s.small()),
        reasons,
        summary,
        explanation,
        to_qualify,
        category: SmeCategory {
            rule: size.rule.as_str(),
            row: size.row,
            mark: row_mark(size.row),
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
/// qualify".
pub fn summary_fix(a: &Assessment, locale: Locale) -> String {
    let words = words(a, locale);
    let r = Render {
        locale,
        args: words.each_ref().map(String::as_str),
    };
    fix_line(a, &fixes(a, &r), &r)
}

/// The fix of a "no" in one line: with several things to change, that all are needed; with
/// a company's size, either figure; otherwise the one way to qualify (a "no" always has one).
fn fix_line(a: &Assessment, to_qualify: &[String], r: &Render) -> String {
    if a.to_qualify.all_needed {
        return r.say(both![
            "対象になるには、次の条件をすべて満たす必要があります。",
            "To qualify, all of the following would be needed.",
        ]);
    }
    match a.to_qualify.fixes.first() {
        Some(Fix::Size) if a.size.capital_cap.is_some() => r.say(both![
            "従業員が{e}以下か、資本金が{c}以下なら対象になります（{r}）。",
            "With {e} or fewer, or capital of {c} or less, you would qualify ({r}).",
        ]),
        _ => to_qualify.first().cloned().unwrap_or_default(),
    }
}

/// One step of the explanation.
fn step(a: &Assessment, s: Step, r: &Render) -> String {
    match s {
        Step::Category { .. } => category(a, r),
        Step::Size { .. } => size(a, r),
        Step::Excluded(x) => excluded(x, r),
        Step::NotDeemedLarge if a.deemed_large.unanswered.is_empty() => r.say(both![
            "大企業の持分や役員の割合、課税所得から見て、みなし大企業にはあたりません（SME-6）。",
            "Judging by large enterprises' holdings, the officers and taxable income, the business is not a deemed large enterprise (SME-6).",
        ]),
        Step::NotDeemedLarge => r.say(both![
            "みなし大企業にはあたらないものとして判定しました。答えていない確認項目は「あてはまらない」として扱っています。あてはまる項目があれば結果が変わります（SME-6）。",
            "The business was taken not to be a deemed large enterprise: questions left unanswered were taken as \"no\". If one of them applies, the answer changes (SME-6).",
        ]),
        Step::SmallBusiness => match a.small_business {
            None => r.say(both![
                "小規模事業者の区分は会社と個人事業主だけのもので、{o}にはあてはまりません（SME-5）。",
                "The small-business category applies only to companies and sole proprietors, not to {o} (SME-5).",
            ]),
            Some(s) if !s.sme => r.say(both![
                "中小企業者にあたらないため、小規模事業者にもあたりません（SME-5）。",
                "As the business is not an SME, it is not a small business either (SME-5).",
            ]),
            Some(s) if s.small() => r.say(both![
                "{i}は小規模事業者の区分では「{g}」にあたり、従業員{l}以下が小規模事業者です。従業員{s}なので、小規模事業者にもあたります（SME-5）。",
                "For small businesses, {i} falls under {g}, where the limit is {l}. With {s}, the business is also a small business (SME-5).",
            ]),
            Some(_) => r.say(both![
                "{i}は小規模事業者の区分では「{g}」にあたり、従業員{l}以下が小規模事業者です。従業員{s}なので、小規模事業者にはあたりません（SME-5）。",
                "For small businesses, {i} falls under {g}, where the limit is {l}. With {s}, the business is not a small business (SME-5).",
            ]),
        },
        Step::CountingEmployees => r.say(both![
            "従業員は「常時使用する従業員」（解雇するときに予告が必要な人）で数えます。会社の役員や個人事業主ご本人は数えません（SME-4）。",
            "Count regular employees only: those who must be given advance notice of dismissal. Company officers and the owner of a sole proprietorship are not counted (SME-4).",
        ]),
        Step::ProductiveBusiness => r.say(both![
            "会社以外の法人は、製品やサービスの生産・提供など、生産活動につながる事業を行っていることが前提です（SME-3）。",
            "Organisations other than companies must carry on productive business, such as producing or providing goods or services (SME-3).",
        ]),
        Step::InvestmentCompanies => r.say(both![
            "中小企業投資育成株式会社と投資事業有限責任組合は、ここでいう大企業に含めません。これらが持つ株式・出資は、大企業の持分に数えなくて大丈夫です（SME-7）。",
            "SME investment and development companies and investment limited partnerships do not count as large enterprises here: leave their holdings out of the large-enterprise shares (SME-7).",
        ]),
    }
}

/// SME-1/2: the row that applies and its limits.
fn category(a: &Assessment, r: &Render) -> String {
    match (a.org_type, a.size.industry_row) {
        (OrgType::Company, _) => r.say(match a.industry {
            Industry::Entertainment => both![
                "{i}の会社は、資本金が{c}以下、または常時使用する従業員が{e}以下なら中小企業者です（{r}）。娯楽業はサービス業として扱います。",
                "In {i}, a company is an SME when its capital is {c} or less, or when it has {e} or fewer ({r}). Entertainment counts as services.",
            ],
            Industry::Rubber => both![
                "{i}の会社は、資本金が{c}以下、または常時使用する従業員が{e}以下なら中小企業者です（{r}）。自動車・航空機用のタイヤ・チューブと工業用ベルトの製造は、ここでなく製造業（①）です。",
                "In {i}, a company is an SME when its capital is {c} or less, or when it has {e} or fewer ({r}). Tyres and tubes for cars and aircraft and industrial belts belong to manufacturing (①) instead.",
            ],
            _ => both![
                "{i}の会社は、資本金が{c}以下、または常時使用する従業員が{e}以下なら中小企業者です（{r}）。",
                "In {i}, a company is an SME when its capital is {c} or less, or when it has {e} or fewer ({r}).",
            ],
        }),
        (OrgType::SoleProprietor, _) => r.say(both![
            "個人事業主には資本金がないため、常時使用する従業員の数で判定します。{i}では{e}以下なら中小企業者です（{r}）。",
            "A sole proprietor has no capital, so the number of regular employees decides: in {i}, {e} or fewer makes an SME ({r}).",
        ]),
        (_, Some(_)) => r.say(both![
            "{o}は、主たる業種（{i}、SME-1 {m}）の従業員の基準により、常時使用する従業員が{e}以下なら中小企業者です。資本金は問いません（{r}）。",
            "{O} is an SME with {e} or fewer, the employee limit of its main industry ({i}, SME-1 {m}); capital does not matter ({r}).",
        ]),
        (_, None) => r.say(both![
            "{o}は、常時使用する従業員が{e}以下なら中小企業者です。資本金は問いません（{r}）。",
            "{O} is an SME with {e} or fewer; capital does not matter ({r}).",
        ]),
    }
}

/// SME-1/2: the figures compared with the limits.
fn size(a: &Assessment, r: &Render) -> String {
    let s = &a.size;
    match (s.capital.is_some(), s.capital_ok, s.employees_ok) {
        (true, true, true) => r.say(both![
            "資本金{k}は{c}以下、従業員{s}も{e}以下なので、規模の条件を満たしています。",
            "Capital of {k} is within the {c} limit, and {s} is within the limit of {n}, so the size test is met.",
        ]),
        (true, true, false) => r.say(both![
            "資本金{k}は{c}以下なので、規模の条件を満たしています（従業員は{s}で{e}を超えていますが、どちらか一方を満たせば足ります）。",
            "Capital of {k} is within the {c} limit, so the size test is met ({s} is over the limit of {n}, but one of the two is enough).",
        ]),
        (true, false, true) => r.say(both![
            "従業員{s}は{e}以下なので、規模の条件を満たしています（資本金は{k}で{c}を超えていますが、どちらか一方を満たせば足ります）。",
            "{s} is within the limit of {n}, so the size test is met (capital of {k} is over the {c} limit, but one of the two is enough).",
        ]),
        (true, false, false) => r.say(both![
            "資本金{k}は{c}を超え、従業員{s}も{e}を超えているため、規模の条件を満たしていません。",
            "Capital of {k} is over the {c} limit, and {s} is over the limit of {n}, so the size test is not met.",
        ]),
        (false, _, true) => r.say(both![
            "従業員{s}は{e}以下なので、規模の条件を満たしています。",
            "{s} is within the limit of {n}, so the size test is met.",
        ]),
        (false, _, false) => r.say(both![
            "従業員{s}は{e}を超えているため、規模の条件を満たしていません。",
            "{s} is over the limit of {n}, so the size test is not met.",
        ]),
    }
}

/// SME-6: one test that applies, with its figure.
fn excluded(x: Exclusion, r: &Render) -> String {
    match x {
        Exclusion::SingleLargeShare => r.say(both![
            "大企業1社が株式・出資の{p}を持っています。2分の1以上なので、みなし大企業として対象外です（SME-6 (1)）。",
            "A single large enterprise holds {p} of the shares or investment: half or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (1)).",
        ]),
        Exclusion::TotalLargeShare => r.say(both![
            "大企業が合わせて株式・出資の{q}を持っています。3分の2以上なので、みなし大企業として対象外です（SME-6 (2)）。",
            "Large enterprises together hold {q} of the shares or investment: two thirds or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (2)).",
        ]),
        Exclusion::LargeOfficerShare => r.say(both![
            "役員の{f}が大企業の役員・職員を兼ねています。2分の1以上なので、みなし大企業として対象外です（SME-6 (3)）。",
            "{F} of the officers are also officers or staff of a large enterprise: half or more, so the business counts as a deemed large enterprise and is excluded (SME-6 (3)).",
        ]),
        Exclusion::OwnedByDeemedLarge => r.say(both![
            "株式・出資のすべてを、みなし大企業（(1)〜(3)にあたる会社）が持っているため、対象外です（SME-6 (4)）。",
            "All shares or investment are held by deemed large enterprises (companies under (1)–(3)), so the business is excluded (SME-6 (4)).",
        ]),
        Exclusion::OfficersAllFromDeemedLarge => r.say(both![
            "役員の全員が、みなし大企業（(1)〜(3)にあたる会社）の役員・職員を兼ねているため、対象外です（SME-6 (5)）。",
            "Every officer is also an officer or staff member of a deemed large enterprise (a company under (1)–(3)), so the business is excluded (SME-6 (5)).",
        ]),
        Exclusion::TaxableIncome => r.say(both![
            "直近3年の課税所得の年平均が{x}で、{u}を超えているため、対象外です（SME-6 (6)）。",
            "Average taxable income over the last three filed years is {x}, above {u}, so the business is excluded (SME-6 (6)).",
        ]),
    }
}

/// What would qualify, one entry per line. With one thing to change, each entry is a way to
/// qualify on its own ("…なら対象になります"); with several, each is one condition and all
/// are needed.
fn fixes(a: &Assessment, r: &Render) -> Vec<String> {
    let several = a.to_qualify.all_needed;
    let with_capital = a.size.capital_cap.is_some();
    let mut out = Vec::new();
    for fix in &a.to_qualify.fixes {
        match fix {
            Fix::Size if several && with_capital => out.push(r.say(both![
                "従業員が{e}以下か、資本金が{c}以下であること（{r}）。",
                "{e} or fewer, or capital of {c} or less ({r}).",
            ])),
            Fix::Size if several => out.push(r.say(both![
                "従業員が{e}以下であること（{r}）。",
                "{e} or fewer ({r})."
            ])),
            Fix::Size => {
                out.push(r.say(both![
                    "従業員が{e}以下なら対象になります（{r}）。",
                    "With {e} or fewer you would qualify ({r}).",
                ]));
                if with_capital {
                    out.push(r.say(both![
                        "資本金が{c}以下なら対象になります（{r}）。",
                        "With capital of {c} or less you would qualify ({r}).",
                    ]));
                }
            }
            Fix::NotDeemedLarge(x) => out.push(not_deemed_large(*x, several, r)),
            Fix::SmallBusiness => out.push(r.say(both![
                "従業員が{l}以下なら、小規模事業者にもあたります（SME-5）。",
                "With {l} or fewer you would also be a small business (SME-5).",
            ])),
        }
    }
    out
}

/// SME-6: the test no longer applying, as a way to qualify or (`several`) as a condition.
fn not_deemed_large(x: Exclusion, several: bool, r: &Render) -> String {
    r.say(match (x, several) {
        (Exclusion::SingleLargeShare, false) => both![
            "大企業1社が持つ株式・出資が2分の1未満なら対象になります（SME-6 (1)）。",
            "If no single large enterprise held half or more of the shares or investment, you would qualify (SME-6 (1)).",
        ],
        (Exclusion::SingleLargeShare, true) => both![
            "大企業1社が持つ株式・出資が2分の1未満であること（SME-6 (1)）。",
            "No single large enterprise holds half or more of the shares or investment (SME-6 (1)).",
        ],
        (Exclusion::TotalLargeShare, false) => both![
            "大企業が合わせて持つ株式・出資が3分の2未満なら対象になります（SME-6 (2)）。",
            "If large enterprises together held less than two thirds of the shares or investment, you would qualify (SME-6 (2)).",
        ],
        (Exclusion::TotalLargeShare, true) => both![
            "大企業が合わせて持つ株式・出資が3分の2未満であること（SME-6 (2)）。",
            "Large enterprises together hold less than two thirds of the shares or investment (SME-6 (2)).",
        ],
        (Exclusion::LargeOfficerShare, false) => both![
            "大企業の役員・職員を兼ねる役員が2分の1未満なら対象になります（SME-6 (3)）。",
            "If fewer than half of the officers were officers or staff of a large enterprise, you would qualify (SME-6 (3)).",
        ],
        (Exclusion::LargeOfficerShare, true) => both![
            "大企業の役員・職員を兼ねる役員が2分の1未満であること（SME-6 (3)）。",
            "Fewer than half of the officers are officers or staff of a large enterprise (SME-6 (3)).",
        ],
        (Exclusion::OwnedByDeemedLarge, false) => both![
            "みなし大企業以外の株主・出資者がいれば対象になります（SME-6 (4)）。",
            "If someone other than deemed large enterprises held part of the shares or investment, you would qualify (SME-6 (4)).",
        ],
        (Exclusion::OwnedByDeemedLarge, true) => both![
            "みなし大企業以外の株主・出資者がいること（SME-6 (4)）。",
            "Someone other than deemed large enterprises holds part of the shares or investment (SME-6 (4)).",
        ],
        (Exclusion::OfficersAllFromDeemedLarge, false) => both![
            "みなし大企業の役員・職員を兼ねていない役員が1人でもいれば対象になります（SME-6 (5)）。",
            "If at least one officer were not also with a deemed large enterprise, you would qualify (SME-6 (5)).",
        ],
        (Exclusion::OfficersAllFromDeemedLarge, true) => both![
            "みなし大企業の役員・職員を兼ねていない役員が1人以上いること（SME-6 (5)）。",
            "At least one officer is not also with a deemed large enterprise (SME-6 (5)).",
        ],
        (Exclusion::TaxableIncome, false) => both![
            "直近3年の課税所得の年平均が{u}以下なら対象になります（SME-6 (6)）。",
            "With average taxable income of {u} or less over the last three years you would qualify (SME-6 (6)).",
        ],
        (Exclusion::TaxableIncome, true) => both![
            "直近3年の課税所得の年平均が{u}以下であること（SME-6 (6)）。",
            "Average taxable income over the last three years is {u} or less (SME-6 (6)).",
        ],
    })
}

/// The verdict of a "yes", in one line.
fn verdict(a: &Assessment, r: &Render) -> String {
    match a.small_business.map(|s| s.small()) {
        Some(true) => r.say(both![
            "対象になります。中小企業者で、小規模事業者にもあたります。",
            "You qualify: you are an SME, and a small business too.",
        ]),
        Some(false) => r.say(both![
            "対象になります。中小企業者にあたります（小規模事業者にはあたりません）。",
            "You qualify: you are an SME (though not a small business).",
        ]),
        None => r.say(both![
            "対象になります。中小企業者にあたります（生産活動につながる事業を行っていることが前提です）。",
            "You qualify as an SME, provided the organisation carries on productive business.",
        ]),
    }
}

/// Money as people say it: `3億円`, `5,000万円`, `¥300 million`, `¥1.5 billion`.
fn money(d: Decimal, locale: Locale) -> String {
    // A whole, non-negative amount as an integer (normalized, its scale is 0): the units
    // below are integer divisions of it, exact, without decimal division. Amounts here
    // are validated to at most 10^18, which fits a u64 (others are shown as yen).
    let n = d.normalize();
    let (whole, n) = match u64::try_from(n.mantissa()) {
        Ok(m) if n.scale() == 0 => (true, m),
        _ => (false, 0),
    };
    let int = |n: u64| number(Decimal::from(n));
    match locale {
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
            yen(d, locale)
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
            yen(d, locale)
        }
        _ => yen(d, locale),
    }
}

/// `300人` / `300 regular employees`.
fn staff(n: u32, locale: Locale) -> String {
    match locale {
        Locale::Ja => fill("{0}人", &[&number(Decimal::from(n))]),
        Locale::En if n == 1 => "1 regular employee".to_string(),
        Locale::En => fill("{0} regular employees", &[&number(Decimal::from(n))]),
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
