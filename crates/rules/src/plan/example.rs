//! The full example plan, for the golden tests, the docs and the app's 「例を入れる」 button.

use super::draft::{PlanDraft, PlanExpert, PlanSme, PlanStep, TEMPLATE_STEPS};

/// The full example plan (the case study of 001: its seven steps and 32 hours, with a
/// rate that also draws the Nagano top-up, combined mode): used by
/// the golden tests, the docs and the app's 「例を入れる」 button.
pub fn example() -> PlanDraft {
    let hours = ["4", "4", "4", "8", "6", "4", "2"];
    let details = [
        "商品と営業の流れ、顧客リストの管理方法を聞き取り、業務を図にする",
        "問い合わせの取りこぼしと見積作成の手間を課題として整理する",
        "BtoBマーケティングツールを3つ比べ、費用と使いやすさで選ぶ",
        "アカウント設定、顧客データの移行、問い合わせフォームの設置",
        "社員向けの使い方説明と、最初の1か月の運用の相談",
        "問い合わせ件数と見積作成時間を導入前と比べる",
        "結果を報告し、次に取り組むことを提案する",
    ];
    PlanDraft {
        sme: PlanSme {
            name: "株式会社信州精機".into(),
            location: "nagano".into(),
            address: "長野県長野市若里1-1-1".into(),
            industry: "製造業（産業用部品）".into(),
            capital: "10000000".into(),
            employees: "25".into(),
            contact_name: "山田 太郎".into(),
            phone: "026-000-0000".into(),
            email: "yamada@example.jp".into(),
        },
        expert: PlanExpert {
            name: "佐藤 花子".into(),
            kind: "freelancer".into(),
            affiliation: "".into(),
            contact: "hanako@example.jp".into(),
        },
        issue: "新規顧客の問い合わせを紙とメールで管理しており、対応漏れがある。".into(),
        background: "営業担当が2人で、展示会で集めた名刺が活用できていない。".into(),
        goals: "問い合わせから見積までを1つのツールで管理し、対応漏れをなくす。".into(),
        measurement: "月あたりの問い合わせ対応件数と、見積作成にかかる時間を導入前後で比べる。"
            .into(),
        steps: TEMPLATE_STEPS
            .iter()
            .zip(details)
            .zip(hours)
            .map(|((t, d), h)| PlanStep {
                title: (*t).into(),
                detail: d.into(),
                hours: h.into(),
            })
            .collect(),
        contract_date: "2020-11-02".into(),
        application_date: "2020-11-02".into(),
        start: "2020-11-09".into(),
        end: "2021-02-19".into(),
        rate: "6000".into(),
        ..PlanDraft::default()
    }
}
