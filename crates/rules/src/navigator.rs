//! The support navigator (RULES.md §7, and the "I want to … → use this support" map of
//! source 004): from what a business wants to do to every support the sources name, with the
//! figures as stated there and the date they hold for, the conditions, and where to ask.
//!
//! The catalogue is static data written for this project (names stay Japanese). The figures
//! of the national programme and the Nagano top-up are not repeated here: they are read from
//! the dated parameters ([`crate::params::amount`]), and whether those two have ended comes
//! from [`crate::params::programme_status`]. Other supports carry the end date their source
//! gives, if any; a support whose end date has passed on the as-of date is marked as ended,
//! never hidden. Contacts are text: the app never calls out.

use crate::format::{hours, yen};
use crate::input::{date_field, ErrorKind, InputError, Value};
use crate::params::{amount, programme_status, AmountId, ProgrammeId, ProgrammeState, PROGRAMMES};
use crate::params::{Stamp, STAMP};
use crate::{Date, Locale};
use serde::{Deserialize, Serialize};

/// What a business wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum NeedId {
    Consult,
    ClarifyIt,
    HandsOn,
    FindApp,
    FindAdviser,
    Training,
    SuccessStories,
    ItSubsidy,
    Edi,
    Rnd,
    Telework,
    Dx,
    Security,
    Partners,
    TradeTrouble,
    Restructure,
    News,
    Regional,
}

/// A need with its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    pub id: NeedId,
    pub ja: &'static str,
    pub en: &'static str,
}

/// Every need, in the order offered.
pub const NEEDS: [Need; 18] = [
    Need {
        id: NeedId::Consult,
        ja: "経営の課題を相談したい",
        en: "Talk through management issues",
    },
    Need {
        id: NeedId::ClarifyIt,
        ja: "IT導入の前に課題をはっきりさせたい",
        en: "Clarify issues before bringing in IT",
    },
    Need {
        id: NeedId::HandsOn,
        ja: "IT専門家に付きっきりで支援してほしい",
        en: "Get hands-on help from an IT expert",
    },
    Need {
        id: NeedId::FindApp,
        ja: "自社に合うアプリを知りたい",
        en: "Find apps that suit us",
    },
    Need {
        id: NeedId::FindAdviser,
        ja: "誰に相談すればよいか知りたい",
        en: "Find out whom to ask",
    },
    Need {
        id: NeedId::Training,
        ja: "研修やセミナーを受けたい",
        en: "Take training or a short seminar",
    },
    Need {
        id: NeedId::SuccessStories,
        ja: "IT導入の成功事例を知りたい",
        en: "See IT success stories",
    },
    Need {
        id: NeedId::ItSubsidy,
        ja: "IT化に使える補助金を知りたい",
        en: "Subsidies for IT",
    },
    Need {
        id: NeedId::Edi,
        ja: "FAXや紙の受発注を電子化したい",
        en: "Move FAX and paper orders to EDI",
    },
    Need {
        id: NeedId::Rnd,
        ja: "研究開発をしたい（製造・IT・サービス）",
        en: "Do R&D (manufacturing, IT, services)",
    },
    Need {
        id: NeedId::Telework,
        ja: "テレワークを始めたい",
        en: "Start telework",
    },
    Need {
        id: NeedId::Dx,
        ja: "DX（デジタルトランスフォーメーション）を知りたい",
        en: "Learn what DX is",
    },
    Need {
        id: NeedId::Security,
        ja: "セキュリティ対策をしたい",
        en: "Improve security",
    },
    Need {
        id: NeedId::Partners,
        ja: "取引先と協力してデジタル化したい",
        en: "Digitalize together with business partners",
    },
    Need {
        id: NeedId::TradeTrouble,
        ja: "取引先とのトラブルを相談したい",
        en: "Get help with unfair dealings",
    },
    Need {
        id: NeedId::Restructure,
        ja: "新しい分野に挑戦・業態を転換したい",
        en: "Move into a new field or business model",
    },
    Need {
        id: NeedId::News,
        ja: "支援策の情報を集めたい",
        en: "Keep up with support news",
    },
    Need {
        id: NeedId::Regional,
        ja: "地域で連携してIoTに取り組みたい",
        en: "Work on IoT with the region",
    },
];

impl NeedId {
    pub fn parse(s: &str) -> Option<NeedId> {
        let s = s.trim();
        NEEDS.iter().map(|n| n.id).find(|id| serde_name(*id) == s)
    }
    pub fn label(self, locale: Locale) -> &'static str {
        let n = NEEDS.iter().find(|n| n.id == self).unwrap_or(&NEEDS[0]);
        match locale {
            Locale::Ja => n.ja,
            Locale::En => n.en,
        }
    }
}

fn serde_name(id: NeedId) -> &'static str {
    match id {
        NeedId::Consult => "consult",
        NeedId::ClarifyIt => "clarifyIt",
        NeedId::HandsOn => "handsOn",
        NeedId::FindApp => "findApp",
        NeedId::FindAdviser => "findAdviser",
        NeedId::Training => "training",
        NeedId::SuccessStories => "successStories",
        NeedId::ItSubsidy => "itSubsidy",
        NeedId::Edi => "edi",
        NeedId::Rnd => "rnd",
        NeedId::Telework => "telework",
        NeedId::Dx => "dx",
        NeedId::Security => "security",
        NeedId::Partners => "partners",
        NeedId::TradeTrouble => "tradeTrouble",
        NeedId::Restructure => "restructure",
        NeedId::News => "news",
        NeedId::Regional => "regional",
    }
}

impl NeedId {
    /// The id used in the JS API (`"clarifyIt"`).
    pub fn id(self) -> &'static str {
        serde_name(self)
    }
}

/// When a figure holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// 令和2年度 (FY2020)
    Fy2020,
    /// 令和2年度第3次補正予算
    Fy2020Supplementary,
    /// IT導入補助金2020 (公募 2020-05-11 – 2020-12-18)
    ItSubsidy2020,
    /// 2020年12月11日時点
    Dec2020,
    /// 令和3年度予算案
    Fy2021Budget,
}

impl When {
    fn text(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (When::Fy2020, Locale::Ja) => "令和2年度（2020年度）時点",
            (When::Fy2020, Locale::En) => "as of FY2020",
            (When::Fy2020Supplementary, Locale::Ja) => "令和2年度第3次補正予算",
            (When::Fy2020Supplementary, Locale::En) => "FY2020 third supplementary budget",
            (When::ItSubsidy2020, Locale::Ja) => "IT導入補助金2020（2020年）",
            (When::ItSubsidy2020, Locale::En) => "IT Introduction Subsidy 2020",
            (When::Dec2020, Locale::Ja) => "2020年12月11日時点",
            (When::Dec2020, Locale::En) => "as of 11 December 2020",
            (When::Fy2021Budget, Locale::Ja) => "令和3年度予算案（2020年12月時点）",
            (When::Fy2021Budget, Locale::En) => "FY2021 budget request (December 2020)",
        }
    }
}

/// A figure as stated in a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub ja: &'static str,
    pub en: &'static str,
    pub when: When,
    pub source: &'static str,
}

const fn fig(ja: &'static str, en: &'static str, when: When, source: &'static str) -> Figure {
    Figure {
        ja,
        en,
        when,
        source,
    }
}

/// Where to ask, as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    pub ja: &'static str,
    pub en: &'static str,
    pub phone: Option<&'static str>,
    pub hours_ja: Option<&'static str>,
    pub hours_en: Option<&'static str>,
    pub url: Option<&'static str>,
    pub email: Option<&'static str>,
}

const fn site(ja: &'static str, en: &'static str, url: &'static str) -> Contact {
    Contact {
        ja,
        en,
        phone: None,
        hours_ja: None,
        hours_en: None,
        url: Some(url),
        email: None,
    }
}

/// How a support ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// No end date in the sources (a standing service).
    Open,
    /// The last day given by the source (`YYYY-MM-DD`).
    On(&'static str),
    /// Dated by the parameters of `params` (the national programme, Nagano).
    Programme(&'static [ProgrammeId]),
}

/// What a support links to inside the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum AppLink {
    /// The cost simulator (with the eligibility wizard beside it).
    Simulator,
}

/// One support of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Support {
    pub id: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
    pub offer_ja: &'static str,
    pub offer_en: &'static str,
    pub figures: &'static [Figure],
    pub conditions: &'static [(&'static str, &'static str)],
    pub contacts: &'static [Contact],
    pub source: &'static str,
    pub ends: Ends,
    pub needs: &'static [NeedId],
    pub link: Option<AppLink>,
}

use NeedId as N;
use When::*;

/// Every support named in the sources.
pub const SUPPORTS: &[Support] = &[
    Support {
        id: "national",
        ja: "中小企業デジタル化応援隊事業",
        en: "SME Digitalization Support Corps (national)",
        offer_ja: "IT専門家のハンズオン支援を受けるとき、専門家への謝金の一部を国が負担します。事務局が専門家の紹介（マッチング）もします。",
        offer_en: "The state pays part of an IT expert's fee for hands-on digitalization support, and the secretariat can match you with an expert.",
        figures: &[],
        conditions: &[
            ("中小企業者であること（みなし大企業は対象外）", "An SME, not a deemed large enterprise"),
            ("準委任契約での相談・導入支援であること（制作物の請負は対象外）", "Advice and set-up under a quasi-mandate contract (not production for delivery)"),
            ("専門家はフリーランス・副業の個人、またはスマートSMEサポーター所属の人", "The expert is a freelancer, in a side job, or from an SME Supporter"),
        ],
        contacts: &[Contact {
            ja: "中小企業デジタル化応援隊事業 コールセンター",
            en: "National programme call centre",
            phone: Some("050-2000-7227"),
            hours_ja: Some("平日 9:00〜17:00"),
            hours_en: Some("Weekdays 9:00–17:00"),
            url: Some("https://digitalization-support.jp/"),
            email: None,
        }],
        source: "000 §1; 001; 002; 004",
        ends: Ends::Programme(&[ProgrammeId::National]),
        needs: &[N::HandsOn, N::ClarifyIt, N::FindAdviser, N::ItSubsidy, N::Telework, N::Security],
        link: Some(AppLink::Simulator),
    },
    Support {
        id: "nagano",
        ja: "長野県IT・デジタル化補助金",
        en: "Nagano IT & Digitalization Subsidy",
        offer_ja: "長野県内の事業者が IT専門家の支援を受けるとき、国の謝金に県が上乗せします（国の制度を使わない「県補助のみ」もあります）。",
        offer_en: "For businesses in Nagano: the prefecture tops up the national honorarium for IT-expert support (a prefecture-only mode exists too).",
        figures: &[],
        conditions: &[
            ("長野県内の事業者であること", "A business located in Nagano prefecture"),
            ("専門家・内容・謝金単価・時間を書いた事業計画書を添えて申請すること", "Apply with a business plan naming the expert, content, rate and hours"),
        ],
        contacts: &[Contact {
            ja: "（公財）長野県中小企業振興センター AI・IoT等先端技術利活用支援拠点",
            en: "Nagano AI/IoT support hub (Nagano SME Support Center)",
            phone: Some("026-227-5028"),
            hours_ja: Some("平日 8:30〜17:15"),
            hours_en: Some("Weekdays 8:30–17:15"),
            url: None,
            email: Some("ai-iot@icon-nagano.or.jp"),
        }],
        source: "000 §2–§6",
        ends: Ends::Programme(&[ProgrammeId::NaganoCombined, ProgrammeId::NaganoOnly]),
        needs: &[N::HandsOn, N::ItSubsidy, N::ClarifyIt],
        link: Some(AppLink::Simulator),
    },
    Support {
        id: "yorozu",
        ja: "よろず支援拠点",
        en: "Yorozu one-stop support centres",
        offer_ja: "全国47都道府県にある無料の経営相談窓口です。専門家が課題を整理し、合う支援機関を紹介します。",
        offer_en: "Free business help desks in all 47 prefectures: experts sort out your issues and refer you to the right support.",
        figures: &[fig("全47都道府県に設置", "In all 47 prefectures", Fy2020, "004")],
        conditions: &[],
        contacts: &[
            site("よろず支援拠点（最寄りの拠点を探す）", "Yorozu centres (find the nearest)", "https://yorozu.smrj.go.jp/"),
            Contact {
                ja: "長野県よろず支援拠点",
                en: "Nagano Yorozu centre",
                phone: Some("026-227-5875"),
                hours_ja: Some("平日 8:30〜17:15"),
                hours_en: Some("Weekdays 8:30–17:15"),
                url: None,
                email: Some("yorozu-5@icon-nagano.or.jp"),
            },
        ],
        source: "004; 000 §6",
        ends: Ends::Open,
        needs: &[N::Consult, N::FindAdviser],
        link: None,
    },
    Support {
        id: "itDiagnosis",
        ja: "IT経営簡易診断",
        en: "Quick IT management diagnosis",
        offer_ja: "専門家との3回の面談で経営・業務の課題を見える化し、ITの活かし方を無料で提案します。",
        offer_en: "Three meetings with an expert to map your business issues, with free suggestions on using IT.",
        figures: &[fig("面談3回・無料", "Three meetings, free", Fy2020, "004")],
        conditions: &[],
        contacts: &[site("お近くの中小機構", "Your nearest SMRJ office", "https://www.smrj.go.jp/sme/enhancement/diagnosis/index.html")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::ClarifyIt, N::Consult],
        link: None,
    },
    Support {
        id: "itStrategyNavi",
        ja: "IT戦略ナビ",
        en: "IT Strategy Navi",
        offer_ja: "ITでどう成果を出すかを1枚の「IT戦略マップ」に自分でまとめられるサイトです。社内での共有やツール選びに使えます。",
        offer_en: "A site to draw your own one-page IT strategy map, for sharing inside the company and choosing tools.",
        figures: &[],
        conditions: &[],
        contacts: &[site("IT戦略ナビ", "IT Strategy Navi", "https://it-map.smrj.go.jp/")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::ClarifyIt],
        link: None,
    },
    Support {
        id: "kokokaraApp",
        ja: "ここからアプリ",
        en: "Kokokara App",
        offer_ja: "中小企業におすすめの業務アプリを探せるサイトです。導入事例やテレワークの情報もあります。",
        offer_en: "A catalogue of business apps recommended for SMEs, with case studies and telework guidance.",
        figures: &[fig("厳選された169アプリを掲載", "169 selected apps", Dec2020, "004")],
        conditions: &[],
        contacts: &[
            site("ここからアプリ", "Kokokara App", "https://ittools.smrj.go.jp/"),
            site("中小企業のテレワーク対応について", "Telework for SMEs", "https://ittools.smrj.go.jp/info/feature/cp577f0000000uqj.php"),
        ],
        source: "004",
        ends: Ends::Open,
        needs: &[N::FindApp, N::SuccessStories, N::Telework],
        link: None,
    },
    Support {
        id: "smartSme",
        ja: "スマートSMEサポーター（情報処理支援機関）",
        en: "Smart SME Supporters",
        offer_ja: "中小企業の生産性を上げるITツールを提供するITベンダーなどを国が認定しています。相談相手・導入先を探せます。",
        offer_en: "IT vendors certified by the state for tools that raise SME productivity: a place to find someone to work with.",
        figures: &[fig("875者を経済産業大臣が認定", "875 certified by the METI minister", Dec2020, "004")],
        conditions: &[],
        contacts: &[site("スマートSMEサポーター", "Smart SME Supporters", "https://smartsme.go.jp/")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::FindAdviser],
        link: None,
    },
    Support {
        id: "webeeCampus",
        ja: "WEBee Campus（ウェビーキャンパス）",
        en: "WEBee Campus",
        offer_ja: "中小企業大学校のオンライン研修です。",
        offer_en: "Online training from the SME University.",
        figures: &[],
        conditions: &[],
        contacts: &[site("WEBee Campus", "WEBee Campus", "https://webeecampus.smrj.go.jp/")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::Training],
        link: None,
    },
    Support {
        id: "chokozemi",
        ja: "ちょこっとゼミナール",
        en: "Chokotto Seminar",
        offer_ja: "10分ほどの短い動画セミナーです。",
        offer_en: "Short video seminars of about ten minutes.",
        figures: &[fig("1本10分程度", "About 10 minutes each", Fy2020, "004")],
        conditions: &[],
        contacts: &[site("ちょこっとゼミナール", "Chokotto Seminar", "https://chokozemi.smrj.go.jp/")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::Training],
        link: None,
    },
    Support {
        id: "mirasapo",
        ja: "ミラサポplus",
        en: "Mirasapo plus",
        offer_ja: "支援策の事例を探せるサイトです（事例ナビ）。会員登録すると支援策の情報がメールで届きます。",
        offer_en: "Case studies of support measures, and news of new measures by e-mail once registered.",
        figures: &[],
        conditions: &[],
        contacts: &[site("ミラサポplus", "Mirasapo plus", "https://mirasapo-plus.go.jp/")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::SuccessStories, N::News],
        link: None,
    },
    Support {
        id: "itSubsidy2020",
        ja: "IT導入補助金2020",
        en: "IT Introduction Subsidy 2020",
        offer_ja: "業務の効率化などのためにITツール（ソフトウェア）を入れる費用の一部を補助します。",
        offer_en: "Covers part of the cost of software (IT tools) that makes the business more efficient.",
        figures: &[
            fig("A類型：30万円〜150万円未満、補助率1/2（業務プロセス1つ以上）", "Type A: ¥300k to under ¥1.5M, 1/2 (one or more business processes)", ItSubsidy2020, "003"),
            fig("B類型：150万円〜450万円未満、補助率1/2（業務プロセス4つ以上）", "Type B: ¥1.5M to under ¥4.5M, 1/2 (four or more processes)", ItSubsidy2020, "003"),
            fig("C類型（特別枠）：30万円〜450万円未満、補助率2/3（サプライチェーン対策のみ）、非対面化・テレワークなら3/4", "Type C (special): ¥300k to under ¥4.5M, 2/3 (supply chain only), 3/4 with non-face-to-face or telework", ItSubsidy2020, "003"),
        ],
        conditions: &[
            ("gBizIDプライムの取得が必要", "gBizID Prime required"),
            ("賃上げの目標が求められます", "A wage-increase target applies"),
            ("C類型はツール費が経費の1/6以上。ハードウェアのレンタルも対象、2020年4月7日以降の導入に遡って使えます", "Type C: the tool must be at least 1/6 of costs; hardware rental counts; retroactive from 7 April 2020"),
            ("最終締切：2020年12月18日17時", "Final deadline: 18 December 2020, 17:00"),
        ],
        contacts: &[Contact {
            ja: "サービス等生産性向上IT導入支援事業 コールセンター（IP電話などからは 042-303-9749）",
            en: "IT Introduction Subsidy call centre (from IP phones: 042-303-9749)",
            phone: Some("0570-666-424"),
            hours_ja: None,
            hours_en: None,
            url: None,
            email: None,
        }],
        source: "003",
        ends: Ends::On("2020-12-18"),
        needs: &[N::ItSubsidy, N::SuccessStories, N::Telework],
        link: None,
    },
    Support {
        id: "lowInfectionRisk",
        ja: "低感染リスク型ビジネス枠（ものづくり・持続化・IT導入補助金）",
        en: "Low infection-risk business track (three subsidies)",
        offer_ja: "感染対策と事業の両立のための設備投資・販路開拓・テレワーク対応のITツール導入などを、上限や補助率を上げて支援する特別枠です。",
        offer_en: "A special track with higher caps and rates for investment, new sales channels and telework-ready IT tools that reduce contact.",
        figures: &[
            fig("ものづくり補助金：上限1,000万円、補助率2/3", "Monozukuri: up to ¥10M, 2/3", Fy2020Supplementary, "004"),
            fig("持続化補助金：上限100万円、補助率3/4", "Jizokuka: up to ¥1M, 3/4", Fy2020Supplementary, "004"),
            fig("IT導入補助金：上限450万円、補助率2/3（テレワーク対応型は上限150万円）", "IT Introduction: up to ¥4.5M, 2/3 (telework type up to ¥1.5M)", Fy2020Supplementary, "004"),
        ],
        conditions: &[
            ("一定の事業計画が必要", "A business plan is required"),
            ("電子申請（jGrants）にはgBizIDプライムが必要。発行に2〜3週間かかるため早めの取得を", "Online applications need gBizID Prime, which takes 2–3 weeks to issue"),
        ],
        contacts: &[site("生産性革命推進事業ポータル（中小機構）", "Productivity programmes portal (SMRJ)", "https://seisansei.smrj.go.jp/")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::ItSubsidy, N::Telework],
        link: None,
    },
    Support {
        id: "jizokuka",
        ja: "小規模事業者持続化補助金",
        en: "Small business sustainability subsidy (Jizokuka)",
        offer_ja: "小規模事業者などの販路開拓の取り組みを補助します。",
        offer_en: "Supports small businesses in finding new customers and sales channels.",
        figures: &[
            fig("通常：上限50万円、補助率2/3", "Normal: up to ¥500k, 2/3", Fy2020, "003; 004"),
            fig("特別枠A類型：上限100万円、補助率2/3／B・C類型：上限100万円、補助率3/4", "Special A: up to ¥1M, 2/3; B/C: up to ¥1M, 3/4", Fy2020, "003"),
            fig("事業再開枠：上限50万円（定額）", "Restart track: up to ¥500k (fixed)", Fy2020, "003"),
        ],
        conditions: &[("通年で公募。一定の事業計画が必要（競争率は上昇中）", "Open all year; a business plan is needed (competition is rising)")],
        contacts: &[site("生産性革命推進事業ポータル（中小機構）", "Productivity programmes portal (SMRJ)", "https://seisansei.smrj.go.jp/")],
        source: "003; 004",
        ends: Ends::Open,
        needs: &[N::ItSubsidy, N::Restructure],
        link: None,
    },
    Support {
        id: "monozukuri",
        ja: "ものづくり補助金",
        en: "Monozukuri subsidy",
        offer_ja: "新しい商品・サービスの開発や生産プロセスの改善のための設備投資などを補助します。",
        offer_en: "Supports investment in equipment for new products and services or better processes.",
        figures: &[
            fig("一般型：上限1,000万円、補助率1/2（小規模事業者2/3）", "General: up to ¥10M, 1/2 (small businesses 2/3)", Fy2020, "004"),
            fig("特別枠A類型：補助率2/3／B・C類型：3/4", "Special A: 2/3; B/C: 3/4", Fy2020, "003"),
            fig("グローバル展開型：上限3,000万円、補助率1/2（小規模2/3）", "Global: up to ¥30M, 1/2 (small 2/3)", Fy2020, "004"),
            fig("ビジネスモデル構築型：上限1億円、補助率2/3（30者以上の中小企業を支援するプログラム）", "Business-model building: up to ¥100M, 2/3 (programmes for 30+ SMEs)", Fy2020, "004"),
            fig("企業間連携型：上限2,000万円／者、補助率1/2（小規模2/3）、連携体5者まで、最大2年", "Inter-company: up to ¥20M per company, 1/2 (small 2/3), up to 5 members, up to 2 years", Fy2021Budget, "004"),
            fig("サプライチェーン効率化型：上限1,000万円／者、補助率1/2（小規模2/3）、連携体10者まで", "Supply chain: up to ¥10M per company, 1/2 (small 2/3), up to 10 members", Fy2021Budget, "004"),
        ],
        conditions: &[("通年で公募。一定の事業計画が必要", "Open all year; a business plan is needed")],
        contacts: &[site("生産性革命推進事業ポータル（中小機構）", "Productivity programmes portal (SMRJ)", "https://seisansei.smrj.go.jp/")],
        source: "003; 004",
        ends: Ends::Open,
        needs: &[N::ItSubsidy, N::Regional],
        link: None,
    },
    Support {
        id: "restructuring",
        ja: "事業再構築補助金",
        en: "Business restructuring subsidy",
        offer_ja: "新分野への展開や業態転換などの新しい挑戦に必要な建物・設備・システムの費用を補助します。",
        offer_en: "Covers buildings, equipment and systems for moving into a new field or business model.",
        figures: &[
            fig("通常枠：100万円〜6,000万円／者、補助率2/3", "Normal: ¥1M–¥60M per company, 2/3", Fy2020Supplementary, "004"),
            fig("卒業枠：6,000万円超〜1億円／者、補助率2/3（400社限定）", "Graduation track: over ¥60M up to ¥100M, 2/3 (400 companies)", Fy2020Supplementary, "004"),
        ],
        conditions: &[
            ("申請前6か月のうち任意の3か月の売上の合計が、コロナ以前の同じ3か月より10％以上減っていること", "Sales in any 3 of the 6 months before applying are down 10% or more on the same 3 months before COVID"),
            ("2021年3月以降に公募開始の予定（資料作成時点）", "Calls expected from March 2021 (when the leaflet was written)"),
        ],
        contacts: &[
            site("事業再構築補助金（経済産業省）", "Restructuring subsidy (METI)", "https://www.meti.go.jp/covid-19/jigyo_saikoutiku/index.html"),
            site("よくあるお問合せ", "FAQ", "https://www.meti.go.jp/covid-19/jigyo_saikoutiku/qa.html"),
        ],
        source: "004",
        ends: Ends::Open,
        needs: &[N::Restructure, N::ItSubsidy],
        link: None,
    },
    Support {
        id: "sapoin",
        ja: "戦略的基盤技術高度化支援事業（サポイン補助金）",
        en: "Supporting Industry programme (Sapoin)",
        offer_ja: "ものづくり基盤技術などの研究開発・試作品開発・販路開拓を一貫して支援します。",
        offer_en: "Supports R&D, prototyping and market development for core manufacturing technologies.",
        figures: &[fig("事業期間2〜3年度、上限 単年度4,500万円・3年間合計9,750万円、補助率原則2/3以内", "2–3 years; up to ¥45M a year and ¥97.5M over 3 years; in principle up to 2/3", Fy2020, "004")],
        conditions: &[("事業管理機関（公設試・民間企業など）が必要", "Needs a managing organisation (public research institute, company, …)")],
        contacts: &[site("サポインマッチナビ", "Sapoin Match Navi", "https://www.chusho.meti.go.jp/sapoin/index.php")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::Rnd],
        link: None,
    },
    Support {
        id: "sabisapo",
        ja: "商業・サービス競争力強化連携支援事業（サビサポ補助金）",
        en: "Service-sector collaboration programme (Sabisapo)",
        offer_ja: "中小企業が連携して行う新しいサービスモデルの開発を支援します。",
        offer_en: "Supports SMEs developing new service models together.",
        figures: &[fig("事業期間2年度、上限 初年度3,000万円、補助率 IoT・AIなど先端技術活用型2/3以内・一般型1/2以内", "2 years; up to ¥30M in the first year; 2/3 with IoT/AI, otherwise 1/2", Fy2020, "004")],
        conditions: &[("先端技術活用型はIoT・AI・ブロックチェーンなどを使った開発が要件", "The advanced track requires IoT, AI, blockchain or similar")],
        contacts: &[site("中小企業庁（新連携）", "SME Agency", "https://www.chusho.meti.go.jp/keiei/shinpou/index.html")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::Rnd],
        link: None,
    },
    Support {
        id: "taxIncentive",
        ja: "中小企業経営力強化税制（C類型：デジタル化設備）",
        en: "SME management-strengthening tax incentive (type C)",
        offer_ja: "遠隔操作・見える化・自動制御のためのデジタル化設備に、即時償却か税額控除10％が使えます。",
        offer_en: "Immediate depreciation or a 10% tax credit for digitalization equipment (remote operation, visualization, automatic control).",
        figures: &[fig("即時償却 または 税額控除10％", "Immediate depreciation or 10% tax credit", Fy2020, "003")],
        conditions: &[],
        contacts: &[Contact {
            ja: "関東経済産業局 地域経済部 デジタル経済課（資料の全般について）",
            en: "METI Kanto bureau, digital economy division (about the briefing)",
            phone: Some("048-600-0284"),
            hours_ja: None,
            hours_en: None,
            url: None,
            email: None,
        }],
        source: "003",
        ends: Ends::Open,
        needs: &[N::ItSubsidy],
        link: None,
    },
    Support {
        id: "commonEdi",
        ja: "中小企業共通EDI（電子受発注）",
        en: "SME common EDI",
        offer_ja: "取引先ごとにばらばらな受発注の手順を、中小企業向けに標準化したEDIで電子化するのを支援します。",
        offer_en: "Helps replace each customer's own ordering procedure with a standard EDI made for SMEs.",
        figures: &[fig("実証で受注側の業務時間が40％近く減少", "Trials cut order-handling time by nearly 40%", Fy2020, "004")],
        conditions: &[],
        contacts: &[
            Contact {
                ja: "つなぐITコンソーシアム（EDIベンダーなどの普及組織）",
                en: "Tsunagu IT Consortium (EDI vendors)",
                phone: Some("03-3527-2185"),
                hours_ja: Some("9:30〜17:00（土日祝を除く）"),
                hours_en: Some("9:30–17:00 (not weekends or public holidays)"),
                url: Some("https://tsunagu-it.com/cons/"),
                email: None,
            },
            site("中小企業共通EDI（中小企業庁）", "Common EDI (SME Agency)", "https://www.chusho.meti.go.jp/keiei/gijut/edi.htm"),
        ],
        source: "004",
        ends: Ends::Open,
        needs: &[N::Edi, N::Partners],
        link: None,
    },
    Support {
        id: "ipaDx",
        ja: "DX（デジタルトランスフォーメーション）の推進（IPA）",
        en: "DX information (IPA)",
        offer_ja: "デジタル技術で新しい事業や経営の変革を進めるDXについて、数分の解説動画などで紹介しています。",
        offer_en: "Explains DX, with short videos.",
        figures: &[],
        conditions: &[],
        contacts: &[site("IPA DXの推進", "IPA on DX", "https://www.ipa.go.jp/ikc/our_activities/dx.html")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::Dx],
        link: None,
    },
    Support {
        id: "securityAction",
        ja: "SECURITY ACTION（セキュリティアクション）",
        en: "SECURITY ACTION",
        offer_ja: "デジタル化に欠かせないセキュリティ対策の項目をIPAが示し、取り組む企業の登録（自己宣言）を受け付けています。",
        offer_en: "IPA's list of essential security measures, and a self-declaration for companies that adopt them.",
        figures: &[],
        conditions: &[],
        contacts: &[site("SECURITY ACTION（IPA）", "SECURITY ACTION (IPA)", "https://www.ipa.go.jp/security/security-action/")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::Security],
        link: None,
    },
    Support {
        id: "partnership",
        ja: "パートナーシップ構築宣言",
        en: "Partnership declaration",
        offer_ja: "大企業と中小企業が共に成長する関係づくりを宣言する仕組みです。取引先のテレワーク導入を支援すると宣言している企業もあるので、取引先が宣言しているか確かめましょう。",
        offer_en: "Companies declare fair, growing relationships with suppliers; some promise to help suppliers with telework, so check whether yours has declared.",
        figures: &[],
        conditions: &[],
        contacts: &[site("パートナーシップ構築宣言", "Partnership declaration", "https://www.biz-partnership.jp/index.html")],
        source: "004",
        ends: Ends::Open,
        needs: &[N::Partners, N::Telework],
        link: None,
    },
    Support {
        id: "kakekomi",
        ja: "下請かけこみ寺",
        en: "Subcontracting help desk (Kakekomi-dera)",
        offer_ja: "取引の悩み（取引先のIT導入費用の負担を求められた、独自システムでしか発注しないと言われた、など）の相談や、裁判外の紛争解決（ADR）を行います。",
        offer_en: "Advice on unfair dealings (being asked to share a customer's IT costs, being forced onto a customer's own system, …) and out-of-court dispute resolution.",
        figures: &[],
        conditions: &[],
        contacts: &[Contact {
            ja: "下請かけこみ寺（フリーダイヤル）",
            en: "Kakekomi-dera (toll-free)",
            phone: Some("0120-418-618"),
            hours_ja: Some("平日 9:00〜12:00、13:00〜17:00"),
            hours_en: Some("Weekdays 9:00–12:00 and 13:00–17:00"),
            url: Some("https://www.zenkyo.or.jp/kakekomi/"),
            email: None,
        }],
        source: "004",
        ends: Ends::Open,
        needs: &[N::TradeTrouble, N::Partners],
        link: None,
    },
    Support {
        id: "iotLab",
        ja: "地方版IoT推進ラボ",
        en: "Regional IoT Acceleration Labs",
        offer_ja: "IoT・AIなどで地域の課題を解決する地域の取り組みを、経済産業省とIPAが選定し、マークの使用、広報、メンター派遣などで支援します。",
        offer_en: "METI and IPA select regional IoT/AI projects and support them with a mark, publicity and mentors.",
        figures: &[fig("102地域を選定", "102 regions selected", Fy2020, "004")],
        conditions: &[("地域性・自治体の積極性と継続性・多様性と一体感の3原則にあてはまること", "Meets the three principles: local character, committed municipality, diverse partners")],
        contacts: &[Contact {
            ja: "経済産業省・IPAのWebページ（出典にURLの記載なし）",
            en: "METI and IPA web pages (no address in the source)",
            phone: None,
            hours_ja: None,
            hours_en: None,
            url: None,
            email: None,
        }],
        source: "004",
        ends: Ends::Open,
        needs: &[N::Regional],
        link: None,
    },
    Support {
        id: "jnet21",
        ja: "J-Net21",
        en: "J-Net21",
        offer_ja: "起業・事業承継・組織づくりなど、経営に役立つ情報をテーマ別に紹介する中小機構のサイトです。メールマガジンもあります。",
        offer_en: "SMRJ's site of business information by theme, with a newsletter.",
        figures: &[],
        conditions: &[],
        contacts: &[
            site("J-Net21", "J-Net21", "https://j-net21.smrj.go.jp/"),
            site("メルマガ登録", "Newsletter", "https://krs.bz/smrj-hp/m/j-net21_entry"),
        ],
        source: "004",
        ends: Ends::Open,
        needs: &[N::News],
        link: None,
    },
];

/// The navigator's input as received: `needs` is a list of need ids; an empty or missing
/// list shows every support.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "NavigatorInput"))]
pub struct RawNavigatorInput {
    #[cfg_attr(feature = "ts", ts(optional, type = "NeedId[]"))]
    pub needs: Option<Value>,
    /// `YYYY-MM-DD`: supports that ended before this date are marked as ended.
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub as_of: Option<Value>,
}

impl RawNavigatorInput {
    pub fn validate(&self) -> Result<(Vec<NeedId>, Option<Date>), Vec<InputError>> {
        let mut errors = Vec::new();
        let mut needs = Vec::new();
        match &self.needs {
            None => {}
            Some(Value::List(items)) => {
                for item in items {
                    match item {
                        Value::Text(t) => match NeedId::parse(t) {
                            Some(n) if !needs.contains(&n) => needs.push(n),
                            Some(_) => {}
                            None => {
                                errors.push(InputError::new(
                                    "needs",
                                    ErrorKind::UnknownChoice {
                                        got: t.chars().take(40).collect(),
                                    },
                                ));
                                break;
                            }
                        },
                        _ => {
                            errors.push(InputError::new(
                                "needs",
                                ErrorKind::UnknownChoice { got: "?".into() },
                            ));
                            break;
                        }
                    }
                }
            }
            Some(_) => errors.push(InputError::new("needs", ErrorKind::NotAList)),
        }
        let as_of = date_field("asOf", self.as_of.as_ref()).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        if errors.is_empty() {
            Ok((needs, as_of))
        } else {
            Err(errors)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NeedView {
    pub id: NeedId,
    pub label: &'static str,
    pub selected: bool,
    /// How many supports fit this need.
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FigureView {
    pub text: String,
    /// When the figure holds (`令和2年度第3次補正予算`, `2020年12月11日時点`).
    pub as_of: String,
    pub source: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContactView {
    pub name: &'static str,
    pub phone: Option<&'static str>,
    pub hours: Option<&'static str>,
    /// Shown as text; the app never opens a connection.
    pub url: Option<&'static str>,
    pub email: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SupportView {
    pub id: &'static str,
    pub name: &'static str,
    /// The Japanese name, whatever the locale.
    pub name_ja: &'static str,
    pub offer: &'static str,
    pub figures: Vec<FigureView>,
    pub conditions: Vec<&'static str>,
    pub contacts: Vec<ContactView>,
    pub source: &'static str,
    /// The selected needs this support fits (all of its needs when none is selected).
    pub needs: Vec<NeedId>,
    /// True when every date of the support has passed on the as-of date.
    pub ended: bool,
    /// The last date the sources give, if any.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub end_date: Option<Date>,
    /// "2021年2月28日に終了" / "受付中（締切 …）", in the locale; `null` when the sources give
    /// no date.
    pub status_text: Option<String>,
    pub link: Option<AppLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Navigation {
    /// Every need, with whether it is selected.
    pub needs: Vec<NeedView>,
    /// The supports that fit, best fit first; ended ones after the others.
    pub supports: Vec<SupportView>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub as_of: Option<Date>,
    pub ruleset: Stamp,
}

fn pick<'a>(locale: Locale, ja: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::Ja => ja,
        Locale::En => en,
    }
}

/// The figures of the national programme and Nagano, from the dated parameters.
fn programme_figures(id: &str, locale: Locale) -> Vec<FigureView> {
    let f = |a: AmountId, ja: &dyn Fn(String) -> String, en: &dyn Fn(String) -> String| {
        let p = amount(a, None);
        let money = match p.param.unit {
            crate::params::Unit::Hours => hours(p.value, locale),
            _ => yen(p.value, locale),
        };
        FigureView {
            text: match locale {
                Locale::Ja => ja(money),
                Locale::En => en(money),
            },
            as_of: match locale {
                Locale::Ja => format!(
                    "{}〜{}",
                    p.entry.from.format(locale),
                    p.entry.until.map(|u| u.format(locale)).unwrap_or_default()
                ),
                Locale::En => format!(
                    "{} – {}",
                    p.entry.from.format(locale),
                    p.entry.until.map(|u| u.format(locale)).unwrap_or_default()
                ),
            },
            source: p.entry.source,
        }
    };
    match id {
        "national" => vec![
            f(
                AmountId::NationalHonorariumMaxPerHour,
                &|m| format!("国が専門家への謝金を1時間あたり最大{m}負担（NAT-1）"),
                &|m| format!("The state pays the expert up to {m} per hour (NAT-1)"),
            ),
            f(
                AmountId::MinSelfPayPerHour,
                &|m| format!("企業は1時間あたり{m}以上を負担（NAT-2）"),
                &|m| format!("The business pays at least {m} per hour (NAT-2)"),
            ),
            f(
                AmountId::SmeHonorariumCap,
                &|m| format!("1企業あたり累計{m}まで（NAT-3）"),
                &|m| format!("Up to {m} per business in total (NAT-3)"),
            ),
            f(
                AmountId::ExpertHonorariumCap,
                &|m| format!("1専門家あたり累計{m}まで（NAT-4）"),
                &|m| format!("Up to {m} per expert in total (NAT-4)"),
            ),
        ],
        "nagano" => vec![
            f(
                AmountId::NaganoTopUpMaxPerHour,
                &|m| format!("県が1時間あたり最大{m}を上乗せ（NGN-2）"),
                &|m| format!("The prefecture adds up to {m} per hour (NGN-2)"),
            ),
            f(
                AmountId::NaganoMaxHours,
                &|m| format!("県の補助は1事業者あたり{m}まで（NGN-3）"),
                &|m| format!("Prefecture support covers up to {m} per business (NGN-3)"),
            ),
        ],
        _ => Vec::new(),
    }
}

/// Whether a support has ended on `on`, its last date, and a status line.
fn end_status(
    s: &Support,
    on: Option<Date>,
    locale: Locale,
) -> (bool, Option<Date>, Option<String>) {
    match s.ends {
        Ends::Open => (false, None, None),
        Ends::On(text) => {
            let last = Date::parse(text).ok();
            let ended = matches!((on, last), (Some(d), Some(l)) if d > l);
            let status = last.map(|l| {
                let t = l.format(locale);
                match (ended, locale) {
                    (true, Locale::Ja) => format!("{t}に終了しました"),
                    (true, Locale::En) => format!("Ended on {t}"),
                    (false, Locale::Ja) => format!("締切：{t}"),
                    (false, Locale::En) => format!("Deadline: {t}"),
                }
            });
            (ended, last, status)
        }
        Ends::Programme(ids) => {
            // Without an as-of date any day will do: only the deadlines are read then.
            let Some(day) = on.or_else(|| Date::from_ymd(2000, 1, 1).ok()) else {
                return (false, None, None);
            };
            let statuses: Vec<_> = PROGRAMMES
                .iter()
                .filter(|(p, _)| ids.contains(p))
                .map(|(p, ph)| programme_status(*p, *ph, day, locale))
                .collect();
            let last = statuses
                .iter()
                .filter_map(|s| s.deadlines.iter().map(|d| d.date).max())
                .max();
            let ended = on.is_some() && statuses.iter().all(|s| s.state == ProgrammeState::Closed);
            let open = on.is_some() && statuses.iter().any(|s| s.state == ProgrammeState::Open);
            let status = last.map(|l| {
                let t = l.format(locale);
                match (ended, open, locale) {
                    (true, _, Locale::Ja) => format!("{t}に終了しました"),
                    (true, _, Locale::En) => format!("Ended on {t}"),
                    (false, true, Locale::Ja) => format!("受付中（最終の期限：{t}）"),
                    (false, true, Locale::En) => format!("Open (last deadline: {t})"),
                    (false, false, Locale::Ja) => {
                        format!("期限：{t}まで（受付の時期は対象か確かめるで確認）")
                    }
                    (false, false, Locale::En) => {
                        format!("Runs until {t} (check intake dates in the eligibility check)")
                    }
                }
            });
            (ended, last, status)
        }
    }
}

/// The supports that fit the chosen needs (all supports when none is chosen), marked as ended
/// where their dates have passed on `as_of`.
pub fn navigator(needs: &[NeedId], as_of: Option<Date>, locale: Locale) -> Navigation {
    let fits = |s: &Support| -> Vec<NeedId> {
        if needs.is_empty() {
            s.needs.to_vec()
        } else {
            s.needs
                .iter()
                .copied()
                .filter(|n| needs.contains(n))
                .collect()
        }
    };
    let mut supports: Vec<SupportView> = SUPPORTS
        .iter()
        .filter_map(|s| {
            let matched = fits(s);
            if matched.is_empty() {
                return None;
            }
            let (ended, end_date, status_text) = end_status(s, as_of, locale);
            let mut figures = programme_figures(s.id, locale);
            figures.extend(s.figures.iter().map(|f| FigureView {
                text: pick(locale, f.ja, f.en).to_string(),
                as_of: f.when.text(locale).to_string(),
                source: f.source,
            }));
            Some(SupportView {
                id: s.id,
                name: pick(locale, s.ja, s.en),
                name_ja: s.ja,
                offer: pick(locale, s.offer_ja, s.offer_en),
                figures,
                conditions: s
                    .conditions
                    .iter()
                    .map(|(ja, en)| pick(locale, ja, en))
                    .collect(),
                contacts: s
                    .contacts
                    .iter()
                    .map(|c| ContactView {
                        name: pick(locale, c.ja, c.en),
                        phone: c.phone,
                        hours: match locale {
                            Locale::Ja => c.hours_ja,
                            Locale::En => c.hours_en,
                        },
                        url: c.url,
                        email: c.email,
                    })
                    .collect(),
                source: s.source,
                needs: matched,
                ended,
                end_date,
                status_text,
                link: s.link,
            })
        })
        .collect();
    // Best fit first; ended ones last; otherwise catalogue order (stable sort).
    supports.sort_by_key(|s| (s.ended, std::cmp::Reverse(s.needs.len())));
    let need_views = NEEDS
        .iter()
        .map(|n| NeedView {
            id: n.id,
            label: pick(locale, n.ja, n.en),
            selected: needs.contains(&n.id),
            count: SUPPORTS.iter().filter(|s| s.needs.contains(&n.id)).count(),
        })
        .collect();
    Navigation {
        needs: need_views,
        supports,
        as_of,
        ruleset: STAMP,
    }
}

/// Validates and navigates in one call.
pub fn navigator_raw(
    raw: &RawNavigatorInput,
    locale: Locale,
) -> Result<Navigation, Vec<InputError>> {
    raw.validate()
        .map(|(needs, as_of)| navigator(&needs, as_of, locale))
}
