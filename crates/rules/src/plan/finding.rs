//! What the checks find, as data ([`Finding`]: the field, the figures and dates its sentence
//! needs, its rule ids, error or warning), and [`explain`], the one place a finding becomes
//! a sentence, in Japanese or English (the checks themselves write no text).

use super::check::{Checked, PlanCheck, PlanIssue, MAX_STEPS, MAX_TEXT};
use super::draft::ImportError;
use super::field::PlanField as Field;
use crate::cost::{explain as explain_cost, Explain, MAX_HOURS};
use crate::format::{fill_in, integer, yen};
use crate::input::InputError;
use crate::rule_ids::RuleId;
use crate::{Date, Locale};
use rust_decimal::Decimal;

/// A field's name in a sentence `[ja, en]` (`{1}`: the step's number), where one names it.
fn name(f: Field) -> [&'static str; 2] {
    match f {
        Field::SmeName => ["事業者名", "business name"],
        Field::SmeAddress => ["所在地", "address"],
        Field::SmeIndustry => ["業種", "industry"],
        Field::SmeCapital => ["資本金", "capital"],
        Field::SmeEmployees => ["従業員数", "number of employees"],
        Field::SmeContactName => ["担当者名", "contact person"],
        Field::SmePhone => ["電話番号", "phone number"],
        Field::SmeEmail => ["メールアドレス", "email address"],
        Field::ExpertName => ["IT専門家の氏名", "IT expert's name"],
        Field::ExpertAffiliation => ["所属", "affiliation"],
        Field::ExpertContact => ["IT専門家の連絡先", "IT expert's contact details"],
        Field::Issue => ["課題", "issue"],
        Field::Background => ["背景", "background"],
        Field::Goals => ["目標", "goals"],
        Field::Measurement => ["効果の測り方", "way to measure the results"],
        Field::StepTitle(_) => ["手順{1}の名前", "name of step {1}"],
        Field::StepDetail(_) => ["手順{1}の内容", "description of step {1}"],
        Field::ContractDate => ["契約日", "contract date"],
        Field::ApplicationDate => ["長野県への申請日", "date of the application to Nagano"],
        Field::Start => ["支援の開始日", "start date of the support"],
        Field::End => ["支援の終了日", "end date of the support"],
        Field::TravelNote => ["旅費の備考", "travel note"],
        _ => ["", ""],
    }
}

/// The field's name in a sentence, in `locale`: `事業者名`, `name of step 3`.
fn label(f: Field, locale: Locale) -> String {
    let number = f.step().map(|i| integer(i as i128 + 1)).unwrap_or_default();
    fill_in(locale, name(f), &["", &number])
}

/// One problem the checks found in a draft, with what its sentence needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Finding {
    /// The draft was written by a newer app (its format version).
    TooNew(u32),
    /// The mode is none of the three (NGN-4).
    UnknownMode,
    /// A required field is empty.
    Missing(Field),
    /// A text is longer than [`MAX_TEXT`] characters.
    TooLong(Field),
    /// A number (capital, employees, rate, the prior amounts) that the input rules refuse:
    /// their own sentence.
    Number(Field, InputError),
    /// A step's hours that the input rules refuse.
    Hours(usize, InputError),
    /// A date that is not one.
    Date(Field, InputError),
    /// A Nagano mode for a business outside Nagano (NGN-1).
    OutsideNagano,
    /// No kind of expert chosen (EXP-1).
    NoExpertKind,
    /// The expert is not decided yet (EXP-1, NGN-7).
    ExpertUndecided,
    /// An expert of another kind under the national programme (EXP-1).
    OtherExpertNational,
    /// An expert of another kind for the prefecture only: to check (EXP-1).
    OtherExpertPrefecture,
    /// An SME Supporter's expert without the organisation's name (EXP-1).
    SupporterUnnamed,
    /// Not a quasi-mandate contract (NAT-6).
    NotQuasiMandate,
    NoSteps,
    TooManySteps,
    /// The steps' hours add up to more than [`MAX_HOURS`].
    TooManyHours,
    EndBeforeStart,
    /// The support starts before the contract (NAT-11).
    StartBeforeContract,
    /// A contract before Phase I opens (NAT-P1).
    BeforePhaseOne {
        opens: Date,
    },
    /// Phase I support that ends after its last day (NAT-P1).
    PhaseOneEndsLate {
        by: Date,
        phase_two: Date,
    },
    /// A contract between the phases (NAT-P1, NAT-P2).
    BetweenPhases {
        phase_one_until: Date,
        phase_two: Date,
    },
    /// A Phase II contract after its last day (NAT-P4).
    PhaseTwoContractLate {
        by: Date,
    },
    /// Phase II support that ends after its last day (NAT-P4).
    PhaseTwoEndsLate {
        by: Date,
    },
    /// Phase II intake may close early (NAT-P5).
    BudgetMayCloseEarly,
    /// The combined programmes' application to Nagano after its last day (NGN-5).
    CombinedApplicationLate {
        by: Date,
    },
    /// The combined programmes' support after its last day (NGN-5).
    CombinedEndsLate {
        by: Date,
    },
    /// A Phase II contract with the combined programmes (NGN-5).
    CombinedPhaseTwo,
    /// The combined programmes' deadlines to keep (NGN-5).
    CombinedDeadlines {
        apply_by: Date,
        report_by: Date,
    },
    /// An application outside the prefecture-only period (NGN-6).
    PrefectureApplicationPeriod {
        from: Date,
        until: Date,
    },
    /// Prefecture-only support after its last day (NGN-6).
    PrefectureEndsLate {
        by: Date,
    },
    /// Prefecture-only support started before the application (NGN-6).
    StartBeforeApplication,
    /// A rate at or below the SME's minimum share per hour: no subsidy (NAT-2).
    NoBenefit {
        min_self: Decimal,
    },
    /// Here go the cost split's own warnings (put into words by [`crate::cost::explain`]).
    CostWarnings,
    /// The expert travels 100 km or more one way (NAT-8).
    Travel,
}

/// Whether a finding blocks the documents or is printed on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Severity {
    Error,
    Warning,
}

impl Finding {
    /// The field it is about.
    pub(crate) fn field(&self) -> Field {
        match self {
            Finding::TooNew(_) => Field::Version,
            Finding::UnknownMode => Field::Mode,
            Finding::Missing(f)
            | Finding::TooLong(f)
            | Finding::Number(f, _)
            | Finding::Date(f, _) => *f,
            Finding::Hours(i, _) => Field::StepHours(*i),
            Finding::OutsideNagano => Field::SmeLocation,
            Finding::NoExpertKind
            | Finding::ExpertUndecided
            | Finding::OtherExpertNational
            | Finding::OtherExpertPrefecture => Field::ExpertKind,
            Finding::SupporterUnnamed => Field::ExpertAffiliation,
            Finding::NotQuasiMandate => Field::Contract,
            Finding::NoSteps | Finding::TooManySteps | Finding::TooManyHours => Field::Steps,
            Finding::EndBeforeStart
            | Finding::PhaseOneEndsLate { .. }
            | Finding::PhaseTwoEndsLate { .. }
            | Finding::CombinedEndsLate { .. }
            | Finding::PrefectureEndsLate { .. } => Field::End,
            Finding::StartBeforeContract | Finding::StartBeforeApplication => Field::Start,
            Finding::BeforePhaseOne { .. }
            | Finding::BetweenPhases { .. }
            | Finding::PhaseTwoContractLate { .. }
            | Finding::BudgetMayCloseEarly
            | Finding::CombinedPhaseTwo => Field::ContractDate,
            Finding::CombinedApplicationLate { .. }
            | Finding::CombinedDeadlines { .. }
            | Finding::PrefectureApplicationPeriod { .. } => Field::ApplicationDate,
            Finding::NoBenefit { .. } | Finding::CostWarnings => Field::Rate,
            Finding::Travel => Field::Travel,
        }
    }

    /// The rules it applies.
    pub(crate) fn rules(&self) -> &'static [RuleId] {
        match self {
            Finding::UnknownMode => &[RuleId::Ngn4],
            Finding::Number(
                Field::SmePriorHonorarium | Field::ExpertPriorHonorarium | Field::NaganoPriorHours,
                _,
            ) => &[RuleId::Nat3, RuleId::Nat4, RuleId::Ngn3],
            Finding::OutsideNagano => &[RuleId::Ngn1],
            Finding::NoExpertKind
            | Finding::OtherExpertNational
            | Finding::OtherExpertPrefecture
            | Finding::SupporterUnnamed => &[RuleId::Exp1],
            Finding::ExpertUndecided => &[RuleId::Exp1, RuleId::Ngn7],
            Finding::NotQuasiMandate => &[RuleId::Nat6],
            Finding::StartBeforeContract => &[RuleId::Nat11],
            Finding::BeforePhaseOne { .. } | Finding::PhaseOneEndsLate { .. } => &[RuleId::NatP1],
            Finding::BetweenPhases { .. } => &[RuleId::NatP1, RuleId::NatP2],
            Finding::PhaseTwoContractLate { .. } | Finding::PhaseTwoEndsLate { .. } => {
                &[RuleId::NatP4]
            }
            Finding::BudgetMayCloseEarly => &[RuleId::NatP5],
            Finding::CombinedApplicationLate { .. }
            | Finding::CombinedEndsLate { .. }
            | Finding::CombinedPhaseTwo
            | Finding::CombinedDeadlines { .. } => &[RuleId::Ngn5],
            Finding::PrefectureApplicationPeriod { .. }
            | Finding::PrefectureEndsLate { .. }
            | Finding::StartBeforeApplication => &[RuleId::Ngn6],
            Finding::NoBenefit { .. } => &[RuleId::Nat2],
            Finding::Travel => &[RuleId::Nat8],
            _ => &[],
        }
    }

    pub(crate) fn severity(&self) -> Severity {
        match self {
            Finding::OtherExpertPrefecture
            | Finding::BudgetMayCloseEarly
            | Finding::CombinedDeadlines { .. }
            | Finding::StartBeforeApplication
            | Finding::CostWarnings
            | Finding::Travel => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// The rule ids as the results carry them (`"NAT-1"`).
#[inline(never)]
pub(crate) fn rule_ids(rules: &[RuleId]) -> Vec<&'static str> {
    rules.iter().map(|r| r.as_str()).collect()
}

/// A checked draft in words, in `locale`: every finding as an issue (errors and warnings,
/// each in the order found) and the cost split explained. Every sentence of the plan's
/// checks is written here, in [`message`].
pub(crate) fn explain(c: &Checked, locale: Locale) -> PlanCheck {
    let simulation = c
        .cost
        .as_ref()
        .map(|comp| explain_cost(comp.clone(), locale, Explain::Steps));
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for f in &c.findings {
        let list = match f.severity() {
            Severity::Error => &mut errors,
            Severity::Warning => &mut warnings,
        };
        if matches!(f, Finding::CostWarnings) {
            for w in simulation.iter().flat_map(|s| &s.warnings) {
                list.push(PlanIssue {
                    field: "rate".into(),
                    rules: w.rules.clone(),
                    message: w.message.clone(),
                });
            }
            continue;
        }
        list.push(PlanIssue {
            field: f.field().path(),
            rules: rule_ids(f.rules()),
            message: message(f, locale),
        });
    }
    PlanCheck {
        errors,
        warnings,
        total_hours: c.total_hours,
        simulation,
    }
}

/// The sentence of a finding in `l`: its template ([`texts`]) filled with its [`args`].
pub(crate) fn message(f: &Finding, l: Locale) -> String {
    match f {
        Finding::TooNew(v) => ImportError::TooNew(*v).message(l),
        // The input rules' own sentence.
        Finding::Number(_, e) => e.message(l),
        // Written by the cost split (see `explain`).
        Finding::CostWarnings => String::new(),
        _ => {
            let [a, b] = args(f, l);
            fill_in(l, *texts(f), &[&a, &b])
        }
    }
}

/// The template of a finding's sentence, `[ja, en]`: `{0}` and `{1}` are its [`args`].
fn texts(f: &Finding) -> &'static [&'static str; 2] {
    match f {
        Finding::Date(..) => &["{0}：{1}", "{0}: {1}"],
        Finding::Missing(_) => &["{0}を入力してください。", "Please enter the {0}."],
        Finding::TooLong(_) => &[
            "{0}は{1}文字以内にしてください。",
            "The {0} must be at most {1} characters long.",
        ],
        Finding::Hours(_, _) => &["手順{0}の時間：{1}", "Hours of step {0}: {1}"],
        Finding::UnknownMode => &[
            "利用する制度を「国・県制度利用」「国の制度のみ」「県補助のみ」から選んでください。",
            "Choose the programmes to use: combined, national programme only, or prefecture only.",
        ],
        Finding::OutsideNagano => &[
            "長野県の補助は県内の事業者が対象です。所在地が長野県内なら「長野県内」を選んでください。県外なら「国の制度のみ」を選んでください。",
            "The Nagano subsidy is for businesses in Nagano Prefecture. If you are in Nagano, choose \"In Nagano Prefecture\"; if not, choose \"National programme only\".",
        ],
        Finding::NoExpertKind => &[
            "IT専門家の種類（フリーランス・副業/兼業・SMEサポーター所属）を選んでください。",
            "Choose the kind of IT expert (freelancer, side job, or member of an SME Supporter).",
        ],
        Finding::ExpertUndecided => &[
            "計画書にはIT専門家を書く必要があります。決まっていなければ、AI・IoT等先端技術利活用支援拠点（TEL 026-227-5028）に相談できます。",
            "The plan must name the IT expert. If you have none yet, the Nagano AI/IoT support hub (tel. 026-227-5028) can help.",
        ],
        Finding::OtherExpertNational => &[
            "国の制度のIT専門家は、フリーランスの個人、許可を得た副業・兼業の人、または認定情報処理支援機関（SMEサポーター）に所属する人です。所属先が認定を受けているか確認してください。",
            "Under the national programme the IT expert is a freelancer, someone with an authorised side job, or a member of a certified IT support organisation (SME Supporter). Check that the organisation is certified.",
        ],
        Finding::OtherExpertPrefecture => &[
            "IT専門家の種類が「そのほか」です。申請前に支援拠点に確認してください。",
            "The IT expert's kind is \"Other\". Check with the support hub before applying.",
        ],
        Finding::SupporterUnnamed => &[
            "SMEサポーターに所属する専門家は、所属する認定情報処理支援機関の名前を入力してください。",
            "For an expert from an SME Supporter, enter the name of the certified IT support organisation.",
        ],
        Finding::NotQuasiMandate => &[
            "対象になるのは準委任契約（作業・助言の提供）だけです。成果物の納品を約束する請負契約は対象外です。",
            "Only a quasi-mandate contract (work and advice) is eligible. A contract for work, which promises deliverables, is not.",
        ],
        Finding::NoSteps => &[
            "支援の手順を1つ以上入力してください。",
            "Please enter at least one support step.",
        ],
        Finding::TooManySteps => &["支援の手順は{0}個までです。", "At most {0} support steps."],
        Finding::TooManyHours => &[
            "支援時間の合計は{0}時間以下にしてください。",
            "The total support hours must be at most {0} h.",
        ],
        Finding::EndBeforeStart => &[
            "支援の終了日は開始日より後にしてください。",
            "The end date must be after the start date.",
        ],
        Finding::StartBeforeContract => &[
            "支援は契約を結んでから始めます。開始日を契約日以降にしてください。",
            "Support starts after the contract is signed. Set the start date on or after the contract date.",
        ],
        Finding::BeforePhaseOne { .. } => &[
            "契約日が第Ⅰ期の開始（{0}）より前です。",
            "The contract date is before Phase I opens ({0}).",
        ],
        Finding::PhaseOneEndsLate { .. } => &[
            "第Ⅰ期の支援は{0}までに終える必要があります。終了日を早めるか、第Ⅱ期（{1}から）に契約してください。",
            "Phase I support must end by {0}. Bring the end date forward, or sign the contract in Phase II (from {1}).",
        ],
        Finding::BetweenPhases { .. } => &[
            "第Ⅰ期（{0}まで）と第Ⅱ期（{1}から）の間は契約できません。",
            "No contract can be signed between Phase I (until {0}) and Phase II (from {1}).",
        ],
        Finding::PhaseTwoContractLate { .. } => &[
            "第Ⅱ期の支援計画の契約は{0}までです。",
            "Phase II support-plan contracts must be signed by {0}.",
        ],
        Finding::PhaseTwoEndsLate { .. } => &[
            "第Ⅱ期の支援は{0}までに終える必要があります。",
            "Phase II support must end by {0}.",
        ],
        Finding::BudgetMayCloseEarly => &[
            "予算の状況により、期限より前に登録・契約の受付が終了する場合があります。",
            "Depending on the budget, registration and contracts may close before the deadline.",
        ],
        Finding::CombinedApplicationLate { .. } => &[
            "国・県制度利用の長野県への申請は{0}まで（謝金の支払いより前）です。締切後は「県補助のみ」を検討してください。",
            "With the combined programmes, apply to Nagano by {0} (before the honorarium is paid). After that, consider \"Prefecture only\".",
        ],
        Finding::CombinedEndsLate { .. } => &[
            "国・県制度利用の支援は{0}までに終える必要があります。",
            "With the combined programmes, support must end by {0}.",
        ],
        Finding::CombinedPhaseTwo => &[
            "長野県の補助（令和2年度）は第Ⅰ期の支援が対象です。第Ⅱ期の契約なら「国の制度のみ」を選んでください。",
            "The Nagano subsidy (fiscal 2020) covers Phase I support. For a Phase II contract, choose \"National programme only\".",
        ],
        Finding::CombinedDeadlines { .. } => &[
            "長野県への申請は謝金の支払い前、または{0}のいずれか早い日まで。実績報告は謝金の支払後1か月以内、または{1}のいずれか早い日までです。",
            "Apply to Nagano before the honorarium is paid or by {0}, whichever is earlier. Report the results within one month of the payment or by {1}, whichever is earlier.",
        ],
        Finding::PrefectureApplicationPeriod { .. } => &[
            "県補助のみの申請期間は{0}から{1}までです。",
            "Applications for the prefecture-only subsidy run from {0} to {1}.",
        ],
        Finding::PrefectureEndsLate { .. } => &[
            "県補助のみの支援と実績報告は{0}までです。",
            "Prefecture-only support and its report must be done by {0}.",
        ],
        Finding::StartBeforeApplication => &[
            "申請日より前に始めた支援が補助の対象になるか、支援拠点に確認してください。",
            "Check with the support hub whether support started before the application date is covered.",
        ],
        Finding::NoBenefit { .. } => &[
            "時間単価が{0}以下だと補助はありません。事業者は1時間あたり{0}以上を負担します。",
            "At an hourly rate of {0} or less there is no subsidy: the business pays at least {0} per hour.",
        ],
        Finding::Travel => &[
            "片道100km以上の移動があるため、旅費は事務局の規程により1回分が支払われます（金額はこの計画書では計算していません）。",
            "The expert travels 100 km or more one way, so the secretariat pays travel costs for one trip under its rules (this plan does not calculate the amount).",
        ],
        // Written elsewhere (see `message`).
        Finding::TooNew(_) | Finding::Number(..) | Finding::CostWarnings => &["", ""],
    }
}

/// The names, figures and dates that fill a finding's template, formatted for `l`.
fn args(f: &Finding, l: Locale) -> [String; 2] {
    let date = |d: &Date| d.format(l);
    match f {
        Finding::Missing(field) => [label(*field, l), String::new()],
        Finding::TooLong(field) => [label(*field, l), integer(MAX_TEXT as i128)],
        Finding::Hours(i, e) => [integer(*i as i128 + 1), e.detail(l)],
        Finding::TooManySteps => [integer(MAX_STEPS as i128), String::new()],
        Finding::TooManyHours => [integer(MAX_HOURS.into()), String::new()],
        Finding::BeforePhaseOne { opens } => [date(opens), String::new()],
        Finding::PhaseOneEndsLate { by, phase_two } => [date(by), date(phase_two)],
        Finding::BetweenPhases {
            phase_one_until,
            phase_two,
        } => [date(phase_one_until), date(phase_two)],
        Finding::PhaseTwoContractLate { by } => [date(by), String::new()],
        Finding::PhaseTwoEndsLate { by } => [date(by), String::new()],
        Finding::CombinedApplicationLate { by } => [date(by), String::new()],
        Finding::CombinedEndsLate { by } => [date(by), String::new()],
        Finding::CombinedDeadlines {
            apply_by,
            report_by,
        } => [date(apply_by), date(report_by)],
        Finding::PrefectureApplicationPeriod { from, until } => [date(from), date(until)],
        Finding::PrefectureEndsLate { by } => [date(by), String::new()],
        Finding::NoBenefit { min_self } => [yen(*min_self, l), String::new()],
        Finding::Date(field, e) => {
            let mut named = label(*field, l);
            if let Some(c) = named.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            [named, e.detail(l)]
        }
        _ => [String::new(), String::new()],
    }
}
