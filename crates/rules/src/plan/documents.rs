//! The two documents of a checked draft in the format-neutral model of [`crate::document`]:
//! the support plan (支援計画書, national modes) and the Nagano business plan (事業計画書,
//! Nagano modes), always in Japanese (they are government forms), with the checks' warnings
//! printed as notes.

use super::check::{compute, parse_hours, Checked, PlanIssue};
use super::draft::PlanDraft;
use super::finding::{explain, message, rule_ids, Finding, Severity};
use crate::cost::Simulation;
use crate::document::{clean_text, Block, Document};
use crate::eligibility::ExpertKind;
use crate::format::{fill, hours as fmt_hours, yen};
use crate::input::Value;
use crate::params::STAMP;
use crate::{Date, Locale};
use rust_decimal::Decimal;

/// Options for rendering: the date the document is made (the caller's "today").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    pub made_on: Date,
}

/// Why a plan could not be rendered: its errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    pub errors: Vec<PlanIssue>,
}

fn dj(d: Date) -> String {
    d.format_ja_with_wareki()
}

fn or_dash(s: &str) -> String {
    let c = clean_text(s.trim());
    if c.is_empty() {
        "—".into()
    } else {
        c
    }
}

fn expert_kind_label(k: Option<ExpertKind>) -> &'static str {
    match k {
        Some(ExpertKind::Freelancer) => "フリーランスの個人",
        Some(ExpertKind::SideJob) => "副業・兼業（勤務先の許可あり）",
        Some(ExpertKind::SmeSupporter) => "認定情報処理支援機関（SMEサポーター）に所属",
        Some(ExpertKind::Other) => "そのほか",
        Some(ExpertKind::Undecided) | None => "未定",
    }
}

fn location_label(s: &str) -> &'static str {
    match s.trim() {
        "nagano" => "長野県内",
        "other" => "長野県外",
        _ => "—",
    }
}

fn date_cell(d: Option<Date>) -> String {
    d.map(dj).unwrap_or_else(|| "—".into())
}

fn parse_rate(s: &str) -> Decimal {
    crate::input::parse_decimal("rate", &Value::Text(s.to_string())).unwrap_or_default()
}

fn money_text(s: &str) -> String {
    if s.trim().is_empty() {
        return "—".into();
    }
    match crate::input::parse_decimal("capital", &Value::Text(s.to_string())) {
        Ok(d) => yen(d, Locale::Ja),
        Err(_) => or_dash(s),
    }
}

/// The warnings as notes, each sentence with its rules after it unless it names them itself
/// (the cost split's warnings do, but one: [`crate::cost::WarningCode::names_its_rules`]),
/// and whether the amounts rest on an interpretation.
fn notes(c: &Checked, sim: &Simulation) -> Vec<String> {
    let note = |text: &str, rules: &[&str], named: bool| {
        if named || rules.is_empty() {
            text.to_string()
        } else {
            fill("{0}（{1}）", &[text, &rules.join(", ")])
        }
    };
    let mut out = Vec::new();
    for f in c
        .findings
        .iter()
        .filter(|f| f.severity() == Severity::Warning)
    {
        if matches!(f, Finding::CostWarnings) {
            for w in &sim.warnings {
                out.push(note(&w.message, &w.rules, w.code.names_its_rules()));
            }
        } else {
            out.push(note(&message(f, Locale::Ja), &rule_ids(f.rules()), false));
        }
    }
    if !sim.interpretations.is_empty() {
        out.push(fill(
            "金額は解釈を含む見込みです（{0}）。",
            &[&sim.interpretations.join(", ")],
        ));
    }
    out
}

/// The two documents, or the errors that block them.
pub fn documents(d: &PlanDraft, opts: RenderOptions) -> Result<Vec<Document>, Blocked> {
    // The documents are government forms: always Japanese.
    let checked = compute(d);
    let check = explain(&checked, Locale::Ja);
    if !check.ok() {
        return Err(Blocked {
            errors: check.errors,
        });
    }
    let f = checked.facts;
    let sim = match &check.simulation {
        Some(s) => s,
        None => {
            return Err(Blocked {
                errors: vec![PlanIssue {
                    field: "rate".into(),
                    rules: Vec::new(),
                    message: "費用を計算できませんでした。".into(),
                }],
            })
        }
    };
    let total = check.total_hours.unwrap_or_default();
    let footer = format!(
        "ルールセット {}（{}）・作成日 {}・ouen で作成（データは端末の外に送信されていません）",
        STAMP.version,
        STAMP.hash,
        dj(opts.made_on)
    );
    let rate = parse_rate(&d.rate);
    let sme_fields = vec![
        ("事業者名".to_string(), or_dash(&d.sme.name)),
        (
            "所在地".to_string(),
            format!(
                "{}（{}）",
                or_dash(&d.sme.address),
                location_label(&d.sme.location)
            ),
        ),
        ("業種".to_string(), or_dash(&d.sme.industry)),
        ("資本金".to_string(), money_text(&d.sme.capital)),
        (
            "常時使用する従業員数".to_string(),
            format!("{}人", or_dash(&d.sme.employees)),
        ),
        (
            "担当者・連絡先".to_string(),
            format!(
                "{} ／ TEL {} ／ {}",
                or_dash(&d.sme.contact_name),
                or_dash(&d.sme.phone),
                or_dash(&d.sme.email)
            ),
        ),
    ];
    let expert_fields = vec![
        ("氏名".to_string(), or_dash(&d.expert.name)),
        (
            "種類（EXP-1）".to_string(),
            expert_kind_label(f.expert_kind).into(),
        ),
        ("所属".to_string(), or_dash(&d.expert.affiliation)),
        ("連絡先".to_string(), or_dash(&d.expert.contact)),
    ];
    let steps_table = Block::Table {
        header: vec!["No.".into(), "手順".into(), "内容".into(), "時間".into()],
        rows: d
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    (i + 1).to_string(),
                    or_dash(&s.title),
                    or_dash(&s.detail),
                    parse_hours(&s.hours)
                        .map(|h| fmt_hours(h, Locale::Ja))
                        .unwrap_or_default(),
                ]
            })
            .chain(std::iter::once(vec![
                String::new(),
                "合計".into(),
                String::new(),
                fmt_hours(total, Locale::Ja),
            ]))
            .collect(),
    };
    let mut cost_rows = vec![
        ("時間単価（税込）".to_string(), yen(rate, Locale::Ja)),
        (
            "支援時間（手順の合計）".to_string(),
            fmt_hours(total, Locale::Ja),
        ),
        ("費用の総額".to_string(), yen(sim.total_fee, Locale::Ja)),
    ];
    if let Some(n) = sim.subsidies.national {
        cost_rows.push(("国の謝金（事務局から専門家へ）".into(), yen(n, Locale::Ja)));
    }
    if let Some(n) = sim.subsidies.nagano {
        cost_rows.push(("長野県の補助".into(), yen(n, Locale::Ja)));
    }
    cost_rows.push(("事業者の自己負担".into(), yen(sim.self_pay, Locale::Ja)));
    let segments = Block::Table {
        header: vec![
            "時間".into(),
            "国の謝金/時".into(),
            "県の補助/時".into(),
            "自己負担/時".into(),
            "根拠".into(),
        ],
        rows: sim
            .segments
            .iter()
            .map(|s| {
                vec![
                    format!(
                        "{}〜{}",
                        crate::format::number(s.from),
                        fmt_hours(s.to, Locale::Ja)
                    ),
                    yen(s.national_per_hour, Locale::Ja),
                    yen(s.nagano_per_hour, Locale::Ja),
                    yen(s.self_pay_per_hour, Locale::Ja),
                    s.rules.join(", "),
                ]
            })
            .collect(),
    };
    let travel = if d.travel.over100km {
        format!(
            "片道100km以上の移動あり：旅費は事務局の規程により1回分支払われます（NAT-8）。{}",
            clean_text(d.travel.note.trim())
        )
    } else {
        let note = clean_text(d.travel.note.trim());
        if note.is_empty() {
            "片道100km以上の移動なし（NAT-8）。".into()
        } else {
            format!("片道100km以上の移動なし（NAT-8）。{note}")
        }
    };
    let notes = notes(&checked, sim);
    let mut docs = Vec::new();

    if f.mode.national() {
        let mut b = vec![
            Block::Paragraph(format!(
                "中小企業デジタル化応援隊事業（{}）",
                if f.phase_two { "第Ⅱ期" } else { "第Ⅰ期" }
            )),
            Block::Heading("1. 支援を受ける事業者".into()),
            Block::Fields(sme_fields.clone()),
            Block::Heading("2. IT専門家".into()),
            Block::Fields(expert_fields.clone()),
            Block::Heading("3. 契約".into()),
            Block::Fields(vec![
                (
                    "契約の種類".into(),
                    "準委任契約（作業・助言の提供。成果物の納品を約束する請負契約ではありません。NAT-6）".into(),
                ),
                ("契約日".into(), date_cell(f.dates.contract)),
                ("利用する制度".into(), f.mode.label().into()),
            ]),
            Block::Heading("4. 課題と背景".into()),
            Block::Fields(vec![
                ("課題".into(), or_dash(&d.issue)),
                ("背景".into(), or_dash(&d.background)),
            ]),
            Block::Heading("5. 目標と効果の測り方".into()),
            Block::Fields(vec![
                ("目標".into(), or_dash(&d.goals)),
                ("効果の測り方".into(), or_dash(&d.measurement)),
            ]),
            Block::Heading("6. 支援の手順と時間".into()),
            steps_table.clone(),
            Block::Heading("7. 日程".into()),
            Block::Fields(vec![
                ("支援の開始日".into(), date_cell(f.dates.start)),
                ("支援の終了日".into(), date_cell(f.dates.end)),
            ]),
            Block::Heading("8. 費用と負担の内訳".into()),
            Block::Fields(cost_rows.clone()),
            segments.clone(),
            Block::Heading("9. 旅費".into()),
            Block::Paragraph(travel.clone()),
        ];
        if !notes.is_empty() {
            b.push(Block::Heading("注意事項".into()));
            b.push(Block::Notes(notes.clone()));
        }
        docs.push(Document {
            title: "支援計画書".into(),
            blocks: b,
            footer: footer.clone(),
        });
    }
    if f.mode.nagano() {
        let honorarium_unit = if f.mode.national() {
            sim.segments
                .first()
                .map(|s| s.national_per_hour + s.nagano_per_hour)
                .unwrap_or_default()
        } else {
            sim.segments
                .first()
                .map(|s| s.nagano_per_hour)
                .unwrap_or_default()
        };
        let mut b = vec![
            Block::Paragraph(format!("長野県IT・デジタル化補助金 — {}", f.mode.label())),
            Block::Heading("1. 申請者".into()),
            Block::Fields(sme_fields),
            Block::Heading("2. IT専門家".into()),
            Block::Fields(expert_fields),
            Block::Heading("3. 支援の内容".into()),
            Block::Fields(vec![
                ("課題と背景".into(), format!("{}\n{}", or_dash(&d.issue), clean_text(d.background.trim()))),
                ("目標・効果の測り方".into(), format!("{}\n{}", or_dash(&d.goals), or_dash(&d.measurement))),
                ("契約の種類".into(), "準委任契約（NAT-6）".into()),
            ]),
            steps_table,
            Block::Heading("4. 謝金単価・時間・経費".into()),
            Block::Fields(
                vec![
                    ("謝金単価（時間単価）".to_string(), yen(rate, Locale::Ja)),
                    (
                        "補助対象の1時間あたり".to_string(),
                        format!("{}（最初の区間）", yen(honorarium_unit, Locale::Ja)),
                    ),
                    ("支援期間".to_string(), format!("{} 〜 {}", date_cell(f.dates.start), date_cell(f.dates.end))),
                    ("申請日".to_string(), date_cell(f.dates.application)),
                ]
                .into_iter()
                .chain(cost_rows)
                .collect(),
            ),
            segments,
            Block::Heading("5. 旅費".into()),
            Block::Paragraph(travel),
            Block::Heading("6. 提出先・問い合わせ（NGN-8）".into()),
            Block::Paragraph(
                "（公財）長野県中小企業振興センター AI・IoT等先端技術利活用支援拠点\n〒380-0928 長野市若里1-18-1 長野県工業技術総合センター3階\nTEL 026-227-5028 ／ ai-iot@icon-nagano.or.jp（平日8:30〜17:15）\n国のコールセンター 050-2000-7227（平日9〜17時）\n申請内容はAI・IoTコーディネーターが確認します（NGN-7）。".into(),
            ),
        ];
        if !notes.is_empty() {
            b.push(Block::Heading("注意事項".into()));
            b.push(Block::Notes(notes));
        }
        docs.push(Document {
            title: "事業計画書".into(),
            blocks: b,
            footer,
        });
    }
    Ok(docs)
}
