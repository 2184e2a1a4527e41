//! The self-assessment checklist (RULES.md §8): 「稼ぐ力」 strategy items, the operations items by
//! area, and a short information-security basics section (pointing to SECURITY ACTION).
//!
//! Loose answers → [`validate`] (every error, each naming the item) → [`score`], a pure
//! function: per-area and overall scores (exact points; percent floored once), the stage of
//! the stage model ① to ④ with its reason, and the three weakest areas with concrete actions
//! and the supports that fit (from the one support catalogue, [`crate::supports`]).
//!
//! Scoring: 実施済 3, 一部実施 2, 検討中 1, 未着手 0 points of 3; わからない counts as 0 (a gap)
//! but is listed separately; 対象外 (only offered where an item may not apply to the kind of
//! business) leaves the item out of the denominator.

use crate::input::{ErrorKind, InputError, Value};
use crate::Locale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An area of the checklist (an axis of the radar chart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Area {
    /// 経営戦略
    Strategy,
    /// 経営・顧客管理
    Customers,
    /// 経営・文書管理
    Documents,
    /// 生産管理
    Production,
    /// 開発・研究／人材
    People,
    /// 情報セキュリティの基本
    Security,
}

impl Area {
    pub const ALL: [Area; 6] = [
        Area::Strategy,
        Area::Customers,
        Area::Documents,
        Area::Production,
        Area::People,
        Area::Security,
    ];

    /// The name used in storage and exports.
    pub fn id(self) -> &'static str {
        match self {
            Area::Strategy => "strategy",
            Area::Customers => "customers",
            Area::Documents => "documents",
            Area::Production => "production",
            Area::People => "people",
            Area::Security => "security",
        }
    }

    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Area::Strategy, Locale::Ja) => "経営戦略",
            (Area::Strategy, Locale::En) => "Strategy",
            (Area::Customers, Locale::Ja) => "顧客・営業の管理",
            (Area::Customers, Locale::En) => "Customers and sales",
            (Area::Documents, Locale::Ja) => "受発注・書類の管理",
            (Area::Documents, Locale::En) => "Orders and documents",
            (Area::Production, Locale::Ja) => "生産管理",
            (Area::Production, Locale::En) => "Production",
            (Area::People, Locale::Ja) => "人材・改善",
            (Area::People, Locale::En) => "People and improvement",
            (Area::Security, Locale::Ja) => "情報セキュリティの基本",
            (Area::Security, Locale::En) => "Security basics",
        }
    }

    /// One line on what the area is about.
    pub fn intro(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Area::Strategy, Locale::Ja) => "デジタル化の前に、何のために・どこへ向かうかを確かめます。",
            (Area::Strategy, Locale::En) => "Before going digital: what for, and where to.",
            (Area::Customers, Locale::Ja) => "お客様の情報と見積もりの扱い方です。",
            (Area::Customers, Locale::En) => "How customer data and quotations are handled.",
            (Area::Documents, Locale::Ja) => "注文のやり取りと、書類の保管です。",
            (Area::Documents, Locale::En) => "Orders, and how documents are kept.",
            (Area::Production, Locale::Ja) => "ものをつくる現場の管理です。製造をしていない場合は「対象外」を選べます。",
            (Area::Production, Locale::En) => "Running the shop floor. Choose “not applicable” if you make nothing.",
            (Area::People, Locale::Ja) => "人が育ち、データで改善が回っているかです。",
            (Area::People, Locale::En) => "Whether people learn and data drives improvement.",
            (Area::Security, Locale::Ja) => "どの会社にも必要な守りの基本です。できたら SECURITY ACTION（自己宣言）で宣言しましょう。",
            (Area::Security, Locale::En) => "The basics every business needs; then declare them with SECURITY ACTION.",
        }
    }

    /// Strategy is its own column of the source; the others are the operations.
    pub fn is_operations(self) -> bool {
        matches!(
            self,
            Area::Customers | Area::Documents | Area::Production | Area::People
        )
    }
}

/// The kind of business, which decides where 対象外 may be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum BusinessKind {
    Manufacturing,
    Construction,
    Retail,
    Service,
    #[default]
    Other,
}

impl BusinessKind {
    pub const ALL: [BusinessKind; 5] = [
        BusinessKind::Manufacturing,
        BusinessKind::Construction,
        BusinessKind::Retail,
        BusinessKind::Service,
        BusinessKind::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            BusinessKind::Manufacturing => "manufacturing",
            BusinessKind::Construction => "construction",
            BusinessKind::Retail => "retail",
            BusinessKind::Service => "service",
            BusinessKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<BusinessKind> {
        BusinessKind::ALL.into_iter().find(|k| k.id() == s.trim())
    }

    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (BusinessKind::Manufacturing, Locale::Ja) => "製造業",
            (BusinessKind::Manufacturing, Locale::En) => "Manufacturing",
            (BusinessKind::Construction, Locale::Ja) => "建設業",
            (BusinessKind::Construction, Locale::En) => "Construction",
            (BusinessKind::Retail, Locale::Ja) => "小売・卸売業",
            (BusinessKind::Retail, Locale::En) => "Retail and wholesale",
            (BusinessKind::Service, Locale::Ja) => "サービス業（飲食・宿泊などを含む）",
            (BusinessKind::Service, Locale::En) => "Services (incl. food and lodging)",
            (BusinessKind::Other, Locale::Ja) => "その他",
            (BusinessKind::Other, Locale::En) => "Other",
        }
    }
}

/// An answer to one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ChecklistAnswer"))]
pub enum Answer {
    NotStarted,
    Considering,
    Partial,
    Done,
    Unknown,
    /// 対象外: only where the item may not apply to the kind of business.
    #[serde(rename = "na")]
    NotApplicable,
}

impl Answer {
    /// The choices in the order they are offered (対象外 last, and only where allowed).
    pub const ALL: [Answer; 6] = [
        Answer::NotStarted,
        Answer::Considering,
        Answer::Partial,
        Answer::Done,
        Answer::Unknown,
        Answer::NotApplicable,
    ];

    /// Points of [`MAX_POINTS`]; `None` for 対象外 (out of the denominator).
    pub fn points(self) -> Option<u32> {
        match self {
            Answer::NotStarted | Answer::Unknown => Some(0),
            Answer::Considering => Some(1),
            Answer::Partial => Some(2),
            Answer::Done => Some(3),
            Answer::NotApplicable => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Answer::NotStarted => "notStarted",
            Answer::Considering => "considering",
            Answer::Partial => "partial",
            Answer::Done => "done",
            Answer::Unknown => "unknown",
            Answer::NotApplicable => "na",
        }
    }

    pub fn parse(s: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.id() == s.trim())
    }

    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Answer::NotStarted, Locale::Ja) => "未着手",
            (Answer::NotStarted, Locale::En) => "Not started",
            (Answer::Considering, Locale::Ja) => "検討中",
            (Answer::Considering, Locale::En) => "Considering",
            (Answer::Partial, Locale::Ja) => "一部実施",
            (Answer::Partial, Locale::En) => "Partly done",
            (Answer::Done, Locale::Ja) => "実施済",
            (Answer::Done, Locale::En) => "Done",
            (Answer::Unknown, Locale::Ja) => "わからない",
            (Answer::Unknown, Locale::En) => "Don't know",
            (Answer::NotApplicable, Locale::Ja) => "対象外",
            (Answer::NotApplicable, Locale::En) => "Not applicable",
        }
    }
}

/// Points for 実施済.
pub const MAX_POINTS: u32 = 3;

/// One item of the checklist (our own wording of the source's items).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub id: &'static str,
    pub area: Area,
    pub ja: &'static str,
    pub en: &'static str,
    /// What 実施済 looks like, in one line.
    pub done_ja: &'static str,
    pub done_en: &'static str,
    /// Kinds of business this item may not apply to (where 対象外 is offered).
    pub may_not_apply: &'static [BusinessKind],
}

impl Item {
    pub fn text(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ja => self.ja,
            Locale::En => self.en,
        }
    }

    pub fn done_looks_like(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ja => self.done_ja,
            Locale::En => self.done_en,
        }
    }

    /// Whether 対象外 may be chosen for a business of this kind.
    pub fn may_skip(&self, kind: BusinessKind) -> bool {
        self.may_not_apply.contains(&kind)
    }

    /// The answers offered for a business of this kind.
    pub fn choices(&self, kind: BusinessKind) -> Vec<Answer> {
        Answer::ALL
            .into_iter()
            .filter(|a| *a != Answer::NotApplicable || self.may_skip(kind))
            .collect()
    }
}

use BusinessKind::{Construction as Con, Other as Oth, Retail as Ret, Service as Ser};

const NOT_MAKING: &[BusinessKind] = &[Ret, Ser, Oth];
const NOT_MAKING_OR_BUILDING: &[BusinessKind] = &[Con, Ret, Ser, Oth];

macro_rules! item {
    ($id:literal, $area:ident, $ja:literal, $en:literal, $dja:literal, $den:literal) => {
        item!($id, $area, $ja, $en, $dja, $den, &[])
    };
    ($id:literal, $area:ident, $ja:literal, $en:literal, $dja:literal, $den:literal, $na:expr) => {
        Item {
            id: $id,
            area: Area::$area,
            ja: $ja,
            en: $en,
            done_ja: $dja,
            done_en: $den,
            may_not_apply: $na,
        }
    };
}

/// Every item, area by area, in the order asked.
pub const ITEMS: &[Item] = &[
    // 経営戦略
    item!(
        "st-strengths",
        Strategy,
        "自社の強みと弱みを言葉にできている",
        "We can put our strengths and weaknesses into words",
        "強みと弱みを書き出して、社内で共有している",
        "Strengths and weaknesses are written down and shared"
    ),
    item!(
        "st-customers",
        Strategy,
        "お客様が求めていることや市場の動きをつかんでいる",
        "We know what customers want and where the market is going",
        "お客様の声や売れ筋の変化を、決まった時期に確かめて記録している",
        "Customer feedback and trends are checked and noted regularly"
    ),
    item!(
        "st-issues",
        Strategy,
        "解決したい自社の課題を洗い出し、整理している",
        "We have listed and sorted the problems we want to solve",
        "課題の一覧があり、どれから手をつけるか決まっている",
        "There is a list of issues with an agreed order"
    ),
    item!(
        "st-data-use",
        Strategy,
        "データやデジタル技術を何に使うか決めている",
        "We have decided what to use data and digital tools for",
        "「どの仕事の、どのデータを、何のために使うか」を説明できる",
        "We can say which data, in which work, for what purpose"
    ),
    item!(
        "st-value",
        Strategy,
        "データやデジタル技術でどんな価値を生み出すか描いている",
        "We have pictured the value data and digital tools will create",
        "デジタル化でお客様にとって何が良くなるかを、一言で説明できる",
        "We can say in a sentence what gets better for customers"
    ),
    item!(
        "st-roadmap",
        Strategy,
        "事業の形や仕事の流れについて、戦略と道筋がある",
        "We have a strategy and road-map for the business model and processes",
        "1〜3年の目標と、そこまでの段取りが紙やファイルにまとまっている",
        "Goals for 1–3 years and the steps there are written down"
    ),
    item!(
        "st-people",
        Strategy,
        "実現に必要な体制と人材を考えている",
        "We have planned the team and skills we need",
        "誰が担当し、足りない力をどこから借りるかが決まっている",
        "Owners are named and we know where missing skills come from"
    ),
    item!(
        "st-plan",
        Strategy,
        "いつ・誰が・何をするか、具体的な実行計画がある",
        "We have a concrete plan: who does what, by when",
        "期限と担当の入った計画表があり、進み具合を見直している",
        "A plan with dates and owners exists and is reviewed"
    ),
    item!(
        "st-owner-vision",
        Strategy,
        "経営者が、長い目で見た取り組みの道筋を持っている",
        "The owner has a long-term road-map",
        "5年後の会社の姿を経営者が語れて、社員も知っている",
        "The owner can describe the company in 5 years, and staff know it"
    ),
    // 経営・顧客管理
    item!(
        "cs-customer-data",
        Customers,
        "お客様や販路の情報を電子化し、社内で共有している",
        "Customer and sales-channel data is digital and shared",
        "顧客台帳が表計算やクラウドにあり、必要な人がすぐ見られる",
        "The customer list is in a spreadsheet or cloud tool anyone who needs it can open"
    ),
    item!(
        "cs-quotes",
        Customers,
        "見積書づくりを電子化し、手間を減らしている",
        "Quotations are digital and quick to make",
        "ひな形や過去のデータから、見積書を短い時間で作れる",
        "Quotes are made quickly from templates and past data"
    ),
    // 経営・文書管理
    item!(
        "do-orders",
        Documents,
        "受注・発注のやり取りを電子化している",
        "Orders in and out are handled electronically",
        "FAXや紙ではなく、メール・ウェブ・EDIなどの電子データでやり取りしている",
        "Orders travel as e-mail, web or EDI data rather than fax or paper"
    ),
    item!(
        "do-linked",
        Documents,
        "顧客の情報と在庫・入出庫の情報をシステム同士でつないでいる",
        "Customer data and stock movements are linked between systems",
        "注文が入ると、在庫や出荷の情報に自動で反映される",
        "An order updates stock and shipping without retyping",
        &[Ser]
    ),
    item!(
        "do-documents",
        Documents,
        "請求書や契約書などの書類を電子で保管している",
        "Invoices, contracts and other documents are kept electronically",
        "書類がフォルダやクラウドで整理され、数分で探し出せる",
        "Documents are filed digitally and found within minutes"
    ),
    // 生産管理
    item!(
        "pr-planning",
        Production,
        "生産計画を自動で作り、調整している",
        "Production plans are made and adjusted automatically",
        "受注や在庫から生産計画ができ、急な変更にもすぐ組み直せる",
        "Plans follow orders and stock, and are quickly re-planned",
        NOT_MAKING
    ),
    item!(
        "pr-materials",
        Production,
        "材料・資材をシステムで管理している",
        "Materials are managed in a system",
        "材料の在庫と使った量が画面で分かり、発注の時期を逃さない",
        "Stock and use of materials are visible; reorders are on time",
        NOT_MAKING
    ),
    item!(
        "pr-quality",
        Production,
        "品質管理をシステムで行っている",
        "Quality control is systematised",
        "検査の結果がデータで残り、不良の傾向を見られる",
        "Inspection results are recorded as data and trends are visible",
        NOT_MAKING
    ),
    item!(
        "pr-work-records",
        Production,
        "作業者・作業の実績をシステムで記録している",
        "Worker and operation records are kept in a system",
        "誰がどの作業に何時間かけたかが、データで分かる",
        "Who spent how long on which job is known from data",
        NOT_MAKING
    ),
    item!(
        "pr-instructions",
        Production,
        "作業の指示を画面で出している",
        "Work instructions are shown on screens",
        "紙の指示書ではなく、タブレットや画面でいつも最新の指示を見られる",
        "The latest instructions are on a tablet or screen, not paper",
        NOT_MAKING_OR_BUILDING
    ),
    item!(
        "pr-history",
        Production,
        "生産の履歴をシステムで管理している",
        "Production history is kept in a system",
        "いつ・どの設備で・何を作ったかを、後から調べられる",
        "When, on which machine and what was made can be looked up",
        NOT_MAKING
    ),
    item!(
        "pr-traceability",
        Production,
        "製品の流れを後からたどれる（トレーサビリティ）",
        "Products can be traced back (traceability)",
        "不具合が出たとき、材料のロットや出荷先まですぐにたどれる",
        "After a defect, material lots and customers are traced quickly",
        NOT_MAKING
    ),
    item!(
        "pr-equipment",
        Production,
        "設備の管理にパソコンを使っている",
        "Equipment is managed with a PC",
        "設備の稼働・点検・故障の記録をパソコンで管理している",
        "Running time, checks and breakdowns are recorded on a PC",
        NOT_MAKING_OR_BUILDING
    ),
    // 開発・研究／人材
    item!(
        "hr-training",
        People,
        "改善につながる社内研修を行っている",
        "We run in-house training that leads to improvement",
        "デジタルの使い方や改善の研修を、年に1回以上行っている",
        "Training on digital tools or improvement happens at least yearly"
    ),
    item!(
        "hr-analysis",
        People,
        "現場（工場・店舗・事務所）の改善のために、データを分析している",
        "We analyse data to improve the workplace (shop floor, store, office)",
        "集めたデータを見て、ムダやミスを減らす手を打っている",
        "Data is looked at and acted on to cut waste and mistakes"
    ),
    // 情報セキュリティの基本
    item!(
        "se-updates",
        Security,
        "パソコンやスマホのOS・ソフトを最新にしている",
        "Operating systems and software are kept up to date",
        "更新のお知らせが来たら、すぐに当てる決まりがある",
        "Updates are applied promptly, as a rule"
    ),
    item!(
        "se-antivirus",
        Security,
        "ウイルス対策ソフトを入れ、最新の状態にしている",
        "Anti-virus software is installed and current",
        "仕事で使うすべての端末で、対策ソフトが動いている",
        "Every work device runs up-to-date protection"
    ),
    item!(
        "se-passwords",
        Security,
        "パスワードを強くし、使い回していない",
        "Passwords are strong and never reused",
        "推測されにくいパスワードを使い、できるところは二段階認証にしている",
        "Hard-to-guess passwords, and two-step login where offered"
    ),
    item!(
        "se-sharing",
        Security,
        "共有フォルダやクラウドを見られる人を絞っている",
        "Access to shared folders and cloud services is limited",
        "必要な人だけが見られる設定になっていて、時々見直している",
        "Only the people who need it have access, reviewed now and then"
    ),
    item!(
        "se-backup",
        Security,
        "大事なデータのバックアップを取っている",
        "Important data is backed up",
        "決まった間隔でバックアップを取り、戻せることを確かめている",
        "Backups run on a schedule and a restore has been tried"
    ),
];

/// The item with this id.
pub fn item(id: &str) -> Option<&'static Item> {
    ITEMS.iter().find(|i| i.id == id)
}

/// The items of one area, in order.
pub fn items_in(area: Area) -> impl Iterator<Item = &'static Item> {
    ITEMS.iter().filter(move |i| i.area == area)
}

/// A first concrete move for a weak area, beside its weakest items.
fn area_action(area: Area, locale: Locale) -> &'static str {
    match (area, locale) {
        (Area::Strategy, Locale::Ja) => "半日とって、強み・お客様・課題を1枚の紙に書き出しましょう。よろず支援拠点で一緒に整理してもらえます。",
        (Area::Strategy, Locale::En) => "Take half a day to put strengths, customers and issues on one sheet; a Yorozu centre can help for free.",
        (Area::Customers, Locale::Ja) => "まず顧客台帳を1つの表計算ファイルかクラウドにまとめ、見積書のひな形を作りましょう。",
        (Area::Customers, Locale::En) => "Gather the customer list into one spreadsheet or cloud tool, and make a quotation template.",
        (Area::Documents, Locale::Ja) => "FAXや紙で受けている注文を数えて、多い取引先から電子化（メール・EDI）を相談しましょう。",
        (Area::Documents, Locale::En) => "Count fax and paper orders, and start digital ordering with the biggest partners.",
        (Area::Production, Locale::Ja) => "紙で付けている記録を1つ選び、タブレットや表計算への置き換えをIT専門家と試しましょう。",
        (Area::Production, Locale::En) => "Pick one paper record on the floor and trial a tablet or spreadsheet version with an IT expert.",
        (Area::People, Locale::Ja) => "月に1回、数字を見ながら改善を話し合う時間をつくり、短い動画研修から始めましょう。",
        (Area::People, Locale::En) => "Hold a monthly improvement talk over the numbers, and start with short video training.",
        (Area::Security, Locale::Ja) => "更新・対策ソフト・パスワード・共有設定・バックアップを点検し、SECURITY ACTION を宣言しましょう。",
        (Area::Security, Locale::En) => "Check updates, anti-virus, passwords, sharing and backups, then declare SECURITY ACTION.",
    }
}

/// A completed, validated assessment: the kind of business and an answer for every item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub kind: BusinessKind,
    pub answers: BTreeMap<&'static str, Answer>,
}

impl Assessment {
    pub fn answer(&self, id: &str) -> Option<Answer> {
        self.answers.get(id).copied()
    }
}

/// Answers as they arrive (from the page, storage or JS): item id → answer id.
pub type RawAnswers = BTreeMap<String, Value>;

/// Checks a set of answers: every item answered with one of its choices, no unknown item.
/// On failure, every error in item order (unknown ids last), each naming its item.
pub fn validate(kind: BusinessKind, raw: &RawAnswers) -> Result<Assessment, Vec<InputError>> {
    let mut errors = Vec::new();
    let mut answers = BTreeMap::new();
    for it in ITEMS {
        match raw.get(it.id) {
            None => errors.push(InputError::labelled(
                it.id,
                ErrorKind::Missing,
                [it.ja, it.en],
            )),
            Some(v) if is_blank(v) => errors.push(InputError::labelled(
                it.id,
                ErrorKind::Missing,
                [it.ja, it.en],
            )),
            Some(Value::Text(s)) => match Answer::parse(s) {
                Some(a) if it.choices(kind).contains(&a) => {
                    answers.insert(it.id, a);
                }
                _ => errors.push(InputError::labelled(
                    it.id,
                    ErrorKind::UnknownChoice {
                        got: s.trim().to_string(),
                    },
                    [it.ja, it.en],
                )),
            },
            Some(_) => errors.push(InputError::labelled(
                it.id,
                ErrorKind::UnknownChoice { got: String::new() },
                [it.ja, it.en],
            )),
        }
    }
    for key in raw.keys() {
        if item(key).is_none() {
            errors.push(InputError::labelled(
                "answers",
                ErrorKind::UnknownChoice { got: key.clone() },
                ["チェックリストの回答", "Checklist answers"],
            ));
        }
    }
    if errors.is_empty() {
        Ok(Assessment { kind, answers })
    } else {
        Err(errors)
    }
}

fn is_blank(v: &Value) -> bool {
    matches!(v, Value::Text(s) if s.trim().is_empty())
}

/// How many items have a valid answer, of how many (for a progress bar).
pub fn progress(kind: BusinessKind, raw: &BTreeMap<String, String>) -> (usize, usize) {
    let answered = ITEMS
        .iter()
        .filter(|it| {
            raw.get(it.id)
                .and_then(|s| Answer::parse(s))
                .is_some_and(|a| it.choices(kind).contains(&a))
        })
        .count();
    (answered, ITEMS.len())
}

/// Points out of a maximum; `percent` is floored, `None` when nothing applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Score {
    pub points: u32,
    pub max: u32,
    pub percent: Option<u32>,
}

impl Score {
    fn new(points: u32, max: u32) -> Score {
        Score {
            points,
            max,
            percent: (max > 0).then(|| points * 100 / max),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AreaScore {
    pub area: Area,
    pub label: String,
    pub score: Score,
    /// Items that apply (not 対象外).
    pub applicable: u32,
    /// Items answered わからない (counted as gaps).
    pub unknown: u32,
}

/// The stage of the stage model (003): ① adopting digital tools, ② raising the margin of the
/// existing business, ③ creating new business, ④ solving regional and social issues (DX).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StageResult {
    /// 1 to 4.
    pub stage: u8,
    /// ① … ④
    pub mark: String,
    pub title: String,
    /// Why, citing the scores and answers.
    pub reason: String,
    /// The items the reason cites.
    pub cited: Vec<String>,
    /// That the stage is this project's own estimate: 003 names the four stages but gives no
    /// way to score them. Shown wherever the stage is.
    pub basis: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SupportRef {
    /// A support of the catalogue (`crate::supports`), as the navigator shows it.
    pub id: crate::supports::SupportId,
    pub name: String,
}

/// A weak area, what to do about it, and the supports that fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NextStep {
    pub area: Area,
    pub label: String,
    pub percent: u32,
    pub actions: Vec<String>,
    pub supports: Vec<SupportRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChecklistResult {
    pub kind: BusinessKind,
    /// Every area in order; an area where nothing applies has `percent: None`.
    pub areas: Vec<AreaScore>,
    /// Over every item that applies (each item weighs the same).
    pub overall: Score,
    /// The operations areas together (customers, documents, production, people).
    pub operations: Score,
    /// Items answered わからない: gaps, listed so they can be found out.
    pub unknown: Vec<String>,
    /// Items marked 対象外.
    pub not_applicable: Vec<String>,
    pub stage: StageResult,
    /// The three weakest areas (fewer only if fewer apply), weakest first.
    pub next_steps: Vec<NextStep>,
}

/// Stage thresholds (percent, inclusive) of this checklist's own model.
const STAGE2_OPERATIONS: u32 = 40;
const STAGE3_OPERATIONS: u32 = 60;
const STAGE3_STRATEGY: u32 = 60;
const STAGE4_OPERATIONS: u32 = 80;
const STAGE4_STRATEGY: u32 = 80;

fn sum<'a>(a: &Assessment, items: impl Iterator<Item = &'a Item>) -> Score {
    let (mut points, mut max) = (0, 0);
    for it in items {
        if let Some(p) = a.answer(it.id).and_then(Answer::points) {
            points += p;
            max += MAX_POINTS;
        }
    }
    Score::new(points, max)
}

/// Scores a validated assessment.
pub fn score(a: &Assessment, locale: Locale) -> ChecklistResult {
    let areas: Vec<AreaScore> = Area::ALL
        .into_iter()
        .map(|area| AreaScore {
            area,
            label: area.label(locale).to_string(),
            score: sum(a, items_in(area)),
            applicable: items_in(area)
                .filter(|it| a.answer(it.id) != Some(Answer::NotApplicable))
                .count() as u32,
            unknown: items_in(area)
                .filter(|it| a.answer(it.id) == Some(Answer::Unknown))
                .count() as u32,
        })
        .collect();
    let with = |ans: Answer| -> Vec<String> {
        ITEMS
            .iter()
            .filter(|it| a.answer(it.id) == Some(ans))
            .map(|it| it.id.to_string())
            .collect()
    };
    let operations = sum(a, ITEMS.iter().filter(|it| it.area.is_operations()));
    let strategy = sum(a, items_in(Area::Strategy));
    ChecklistResult {
        kind: a.kind,
        overall: sum(a, ITEMS.iter()),
        operations,
        unknown: with(Answer::Unknown),
        not_applicable: with(Answer::NotApplicable),
        stage: stage(a, operations, strategy, locale),
        next_steps: next_steps(a, &areas, locale),
        areas,
    }
}

/// The applicable items of these areas with the lowest points, lowest first (ties in order).
fn gaps(a: &Assessment, pred: impl Fn(&Item) -> bool) -> Vec<&'static Item> {
    let mut v: Vec<(u32, usize, &'static Item)> = ITEMS
        .iter()
        .enumerate()
        .filter(|(_, it)| pred(it))
        .filter_map(|(i, it)| {
            let p = a.answer(it.id).and_then(Answer::points)?;
            (p < MAX_POINTS).then_some((p, i, it))
        })
        .collect();
    crate::order::sort_by_key(&mut v, |(p, i, _)| (*p, *i));
    v.into_iter().map(|(_, _, it)| it).collect()
}

fn quote(items: &[&Item], locale: Locale) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|it| match locale {
            Locale::Ja => format!("「{}」", it.ja),
            Locale::En => format!("“{}”", it.en),
        })
        .collect();
    match locale {
        Locale::Ja => parts.join(""),
        Locale::En => parts.join(", "),
    }
}

fn stage(a: &Assessment, ops: Score, st: Score, locale: Locale) -> StageResult {
    let o = ops.percent.unwrap_or(0);
    let s = st.percent.unwrap_or(0);
    let value = a.answer("st-value").unwrap_or(Answer::Unknown);
    let vision = a.answer("st-owner-vision").unwrap_or(Answer::Unknown);
    let value_started = matches!(value, Answer::Partial | Answer::Done);
    let n = if o >= STAGE4_OPERATIONS
        && s >= STAGE4_STRATEGY
        && value == Answer::Done
        && vision == Answer::Done
    {
        4
    } else if o >= STAGE3_OPERATIONS && s >= STAGE3_STRATEGY && value_started {
        3
    } else if o >= STAGE2_OPERATIONS {
        2
    } else {
        1
    };
    let value_item = item("st-value").map(|i| i.ja).unwrap_or_default();
    let vision_item = item("st-owner-vision").map(|i| i.ja).unwrap_or_default();
    let (ja_head, en_head) = (
        format!("業務のデジタル化は{o}%、経営戦略は{s}%です。"),
        format!("Operations score {o}%, strategy {s}%. "),
    );
    let mut cited: Vec<&Item> = Vec::new();
    let (title, why) = match n {
        1 => {
            cited = gaps(a, |it| it.area.is_operations())
                .into_iter()
                .take(2)
                .collect();
            let q = quote(&cited, locale);
            match locale {
                Locale::Ja => ("デジタル技術を取り入れる段階".to_string(), format!(
                    "業務のデジタル化が{STAGE2_OPERATIONS}%に届いていないため、まず人手の作業をデジタルに置き換えて効率を上げる段階です。{}",
                    if cited.is_empty() { String::new() } else { format!("手始めに{q}から取り組めます。") }
                )),
                Locale::En => ("Adopting digital tools".to_string(), format!(
                    "Operations are below {STAGE2_OPERATIONS}%, so the first step is to replace manual work with digital tools.{}",
                    if cited.is_empty() { String::new() } else { format!(" Start with {q}.") }
                )),
            }
        }
        2 => {
            let mut missing_ja = Vec::new();
            let mut missing_en = Vec::new();
            if o < STAGE3_OPERATIONS {
                missing_ja.push(format!("業務のデジタル化{STAGE3_OPERATIONS}%以上"));
                missing_en.push(format!("operations at {STAGE3_OPERATIONS}% or more"));
            }
            if s < STAGE3_STRATEGY {
                missing_ja.push(format!("経営戦略{STAGE3_STRATEGY}%以上"));
                missing_en.push(format!("strategy at {STAGE3_STRATEGY}% or more"));
            }
            if !value_started {
                cited.extend(item("st-value"));
                missing_ja.push(format!("「{value_item}」が一部実施以上"));
                missing_en.push("the value item at least partly done".to_string());
            }
            match locale {
                Locale::Ja => ("既存事業の利益率を高める段階".to_string(), format!(
                    "業務のデジタル化が{STAGE2_OPERATIONS}%以上あり、デジタルで今の仕事の進め方を変え、利益率を高める段階です。次の段階には{}が目安です。",
                    missing_ja.join("、")
                )),
                Locale::En => ("Raising the margin of the existing business".to_string(), format!(
                    "Operations are at {STAGE2_OPERATIONS}% or more: time to change how the existing work is done and raise its margin. The next stage needs {}.",
                    missing_en.join(", ")
                )),
            }
        }
        3 => {
            cited.extend(item("st-value"));
            match locale {
                Locale::Ja => ("新しいビジネスを生み出す段階".to_string(), format!(
                    "業務のデジタル化・経営戦略がともに{STAGE3_OPERATIONS}%以上で、「{value_item}」にも取り組んでいます。蓄えたデータや技術で新しい製品・サービスを考える段階です。次の段階には両方{STAGE4_OPERATIONS}%以上と、この項目と「{vision_item}」の実施済が目安です。"
                )),
                Locale::En => ("Creating new business".to_string(), format!(
                    "Operations and strategy are both at {STAGE3_OPERATIONS}% or more and the value item is under way: time to build new products and services on your data. The next stage needs both at {STAGE4_OPERATIONS}% and the value and long-term road-map items done."
                )),
            }
        }
        _ => {
            cited.extend(item("st-value"));
            cited.extend(item("st-owner-vision"));
            match locale {
                Locale::Ja => ("DXで地域・社会の課題を解く段階".to_string(), format!(
                    "業務のデジタル化・経営戦略がともに{STAGE4_OPERATIONS}%以上で、「{value_item}」「{vision_item}」が実施済です。自社の経験を地域や業界の課題解決に広げられる段階です。"
                )),
                Locale::En => ("Solving regional and social issues through DX".to_string(), format!(
                    "Operations and strategy are both at {STAGE4_OPERATIONS}% or more, and the value and long-term road-map items are done: you can take your experience to your region's and industry's issues."
                )),
            }
        }
    };
    let head = match locale {
        Locale::Ja => ja_head,
        Locale::En => en_head,
    };
    StageResult {
        stage: n,
        mark: ["①", "②", "③", "④"][usize::from(n - 1)].to_string(),
        title,
        reason: format!("{head}{why}"),
        cited: cited.iter().map(|it| it.id.to_string()).collect(),
        basis: match locale {
            Locale::Ja => "段階①〜④は資料（003）の4つの段階ですが、どの段階にあたるかの判定（点数の目安）は資料にはなく、このツールが独自に見積もった目安です。".to_string(),
            Locale::En => "Stages ① to ④ are the four stages of the source (003), but it gives no way to tell which one a business is at: the placement (the score thresholds) is this tool's own estimate.".to_string(),
        },
    }
}

fn next_steps(a: &Assessment, areas: &[AreaScore], locale: Locale) -> Vec<NextStep> {
    let mut ranked: Vec<(u32, usize, &AreaScore)> = areas
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((s.score.percent?, i, s)))
        .collect();
    crate::order::sort_by_key(&mut ranked, |(p, i, _)| (*p, *i));
    ranked
        .into_iter()
        .take(3)
        .map(|(percent, _, s)| {
            let mut actions: Vec<String> = gaps(a, |it| it.area == s.area)
                .into_iter()
                .take(2)
                .map(|it| match locale {
                    Locale::Ja => format!("「{}」：{}", it.ja, it.done_ja),
                    Locale::En => format!("“{}”: {}", it.en, it.done_en),
                })
                .collect();
            actions.push(area_action(s.area, locale).to_string());
            NextStep {
                area: s.area,
                label: s.label.clone(),
                percent,
                actions,
                supports: crate::supports::next_steps(s.area.id())
                    .iter()
                    .map(|&id| SupportRef {
                        id,
                        name: id.name(locale).to_string(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// What changed between two assessments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Comparison {
    /// Overall percent now minus before (`None` if either has nothing that applies).
    pub overall_delta: Option<i32>,
    /// Per area, in order: percent now minus before.
    pub area_deltas: Vec<(Area, Option<i32>)>,
    /// Items with more points than before.
    pub improved: Vec<String>,
    /// Items with fewer points than before.
    pub declined: Vec<String>,
}

/// Compares an assessment with an earlier one.
pub fn compare(before: &Assessment, now: &Assessment) -> Comparison {
    let (b, n) = (score(before, Locale::Ja), score(now, Locale::Ja));
    let delta = |x: Score, y: Score| Some(y.percent? as i32 - x.percent? as i32);
    let pts = |a: &Assessment, id: &str| a.answer(id).and_then(Answer::points);
    let moved = |up: bool| {
        ITEMS
            .iter()
            .filter(|it| match (pts(before, it.id), pts(now, it.id)) {
                (Some(x), Some(y)) => (y > x) == up && x != y,
                _ => false,
            })
            .map(|it| it.id.to_string())
            .collect::<Vec<_>>()
    };
    Comparison {
        overall_delta: delta(b.overall, n.overall),
        area_deltas: b
            .areas
            .iter()
            .zip(&n.areas)
            .map(|(x, y)| (x.area, delta(x.score, y.score)))
            .collect(),
        improved: moved(true),
        declined: moved(false),
    }
}

/// The answers as CSV (UTF-8, with a header row): area, item id, item, answer.
pub fn answers_csv(a: &Assessment, locale: Locale) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let header = match locale {
        Locale::Ja => "分野,項目ID,項目,回答,回答ID",
        Locale::En => "area,item id,item,answer,answer id",
    };
    let mut out = format!("{header}\r\n");
    for it in ITEMS {
        let ans = a.answer(it.id).unwrap_or(Answer::Unknown);
        out.push_str(
            &[
                field(it.area.label(locale)),
                field(it.id),
                field(it.text(locale)),
                field(ans.label(locale)),
                field(ans.id()),
            ]
            .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

/// One choice of an item, as shown to people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChoiceView {
    pub answer: Answer,
    pub label: &'static str,
}

/// One item as shown to people: for embedding the checklist elsewhere (JS API).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemView {
    pub id: &'static str,
    pub area: Area,
    pub area_label: &'static str,
    pub text: &'static str,
    /// What 実施済 looks like.
    pub done_looks_like: &'static str,
    /// The answers offered for this kind of business (対象外 only where it may not apply).
    pub choices: Vec<ChoiceView>,
}

/// Every item, in order, with the choices offered to a kind of business.
pub fn listing(kind: BusinessKind, locale: Locale) -> Vec<ItemView> {
    ITEMS
        .iter()
        .map(|it| ItemView {
            id: it.id,
            area: it.area,
            area_label: it.area.label(locale),
            text: it.text(locale),
            done_looks_like: it.done_looks_like(locale),
            choices: it
                .choices(kind)
                .into_iter()
                .map(|answer| ChoiceView {
                    answer,
                    label: answer.label(locale),
                })
                .collect(),
        })
        .collect()
}

/// The checklist as received from JS: `{ businessKind, answers: { itemId: answer } }`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ChecklistInput"))]
pub struct RawChecklistInput {
    /// `manufacturing`, `construction`, `retail`, `service` or `other` (default).
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<BusinessKind>"))]
    pub business_kind: Option<Value>,
    /// Item id → `notStarted`, `considering`, `partial`, `done`, `unknown` or `na` (対象外).
    #[cfg_attr(feature = "ts", ts(type = "Record<string, ChecklistAnswer>"))]
    pub answers: Option<BTreeMap<String, Value>>,
}

/// The name of the field `businessKind` (`[ja, en]`).
const BUSINESS_KIND: [&str; 2] = ["事業の種類", "Kind of business"];

impl RawChecklistInput {
    /// The kind of business (default: other), or an error naming `businessKind`.
    pub fn kind(&self) -> Result<BusinessKind, InputError> {
        match &self.business_kind {
            None => Ok(BusinessKind::Other),
            Some(Value::Text(s)) if s.trim().is_empty() => Ok(BusinessKind::Other),
            Some(Value::Text(s)) => BusinessKind::parse(s).ok_or(InputError::labelled(
                "businessKind",
                ErrorKind::UnknownChoice { got: s.clone() },
                BUSINESS_KIND,
            )),
            Some(_) => Err(InputError::labelled(
                "businessKind",
                ErrorKind::UnknownChoice { got: String::new() },
                BUSINESS_KIND,
            )),
        }
    }
}

/// Validates and scores a checklist in one call; every problem names its item.
pub fn score_raw(
    raw: &RawChecklistInput,
    locale: Locale,
) -> Result<ChecklistResult, Vec<InputError>> {
    let kind = raw.kind().map_err(|e| vec![e])?;
    let answers = raw.answers.clone().unwrap_or_default();
    validate(kind, &answers).map(|a| score(&a, locale))
}
