//! The rules reference: every rule (id, plain statement, source), the source documents, and
//! the history of every figure and date. All of it is data of `ouen_rules`.

use crate::i18n::locale;
use crate::route::{Link, Route};
use crate::view::chrome::Footer;
use ouen_rules::catalogue::{Section, RULES};
use ouen_rules::format::{hours, yen};
use ouen_rules::params::{AmountParam, Unit};
use ouen_rules::ruleset_info;
use rust_decimal::Decimal;
use yew::prelude::*;

fn amount_text(p: &AmountParam, v: i64) -> String {
    let d = Decimal::from(v);
    match p.unit {
        Unit::Yen => yen(d, locale()),
        Unit::YenPerHour => format!("{}/時間", yen(d, locale())),
        Unit::Hours => hours(d, locale()),
    }
}

#[component]
pub fn RulesPage() -> Html {
    let info = ruleset_info();
    html! {
        <>
            <main class="page rules-page">
                <h1 class="page-title">{"ルールと出典"}</h1>
                <p class="lead">
                    {"計算に使っているルールを、番号・内容・出典とともにすべて載せています。結果の「なぜ？」に出てくる番号（NAT-1 など）は、ここの番号です。"}
                </p>
                <p class="stamp-line" id="rules-stamp">
                    {format!("ルール版 {}（データ {}）", info.version, info.hash)}
                </p>
                <nav class="toc no-print" aria-label="このページの目次">
                    <ul>
                        for s in Section::ALL {
                            <li><a href={format!("#{}", section_id(s))}>{s.title(locale())}</a></li>
                        }
                        <li><a href="#history">{"金額と日付の履歴"}</a></li>
                        <li><a href="#sources">{"出典の資料"}</a></li>
                    </ul>
                </nav>
                for s in Section::ALL {
                    <section class="panel rule-section" id={section_id(s)} aria-labelledby={format!("{}-title", section_id(s))}>
                        <h2 id={format!("{}-title", section_id(s))}>{s.title(locale())}</h2>
                        <dl class="rule-list">
                            for r in RULES.iter().filter(|r| r.section == s) {
                                <div class="rule" id={format!("rule-{}", r.id)}>
                                    <dt><span class="rule-tag">{r.id}</span></dt>
                                    <dd>
                                        <p class="rule-text">{r.text(locale())}</p>
                                        <p class="rule-source">
                                            {format!("出典：{}", r.source)}
                                            if r.interpretation {
                                                <span class="estimate-badge">{"解釈（見込み）"}</span>
                                            }
                                        </p>
                                    </dd>
                                </div>
                            }
                        </dl>
                    </section>
                }
                <section class="panel" id="history" aria-labelledby="history-title">
                    <h2 id="history-title">{"金額と日付の履歴"}</h2>
                    <p class="hint">{"それぞれの値が有効な期間と出典です。日付が改定されたものは、最初の告知も残しています。"}</p>
                    <div class="table-wrap">
                        <table class="data" id="amounts-table">
                            <caption>{"金額"}</caption>
                            <thead><tr><th scope="col">{"項目"}</th><th scope="col">{"ルール"}</th><th scope="col">{"値"}</th><th scope="col">{"有効期間"}</th><th scope="col">{"出典"}</th></tr></thead>
                            <tbody>
                                for a in info.amounts.iter() {
                                    for v in a.values.iter() {
                                        <tr>
                                            <th scope="row">{a.label(locale())}</th>
                                            <td>{a.rule}</td>
                                            <td>{amount_text(a, v.value)}</td>
                                            <td>{format!("{}〜{}", v.from.format_ja(), v.until.map(|u| u.format_ja()).unwrap_or_default())}</td>
                                            <td>{v.source}</td>
                                        </tr>
                                    }
                                }
                            </tbody>
                        </table>
                    </div>
                    <div class="table-wrap">
                        <table class="data" id="dates-table">
                            <caption>{"日付"}</caption>
                            <thead><tr><th scope="col">{"項目"}</th><th scope="col">{"ルール"}</th><th scope="col">{"日付（有効なもの）"}</th><th scope="col">{"最初の告知"}</th></tr></thead>
                            <tbody>
                                for d in info.dates.iter() {
                                    <tr>
                                        <th scope="row">{d.label(locale())}</th>
                                        <td>{d.rule}</td>
                                        <td>{format!("{}（出典 {}）", d.current().value.format(locale()), d.current().source)}</td>
                                        <td>
                                            if d.superseded().is_empty() {
                                                {"—"}
                                            } else {
                                                for r in d.superseded().iter() {
                                                    <s>{r.value.format(locale())}</s>{format!("（出典 {}）", r.source)}
                                                }
                                            }
                                        </td>
                                    </tr>
                                }
                            </tbody>
                        </table>
                    </div>
                </section>
                <section class="panel" id="sources" aria-labelledby="sources-title">
                    <h2 id="sources-title">{"出典の資料"}</h2>
                    <dl class="rule-list">
                        for s in info.sources.iter() {
                            <div class="rule">
                                <dt><span class="rule-tag">{s.id}</span></dt>
                                <dd>{s.title}</dd>
                            </div>
                        }
                    </dl>
                </section>
                <p class="no-print"><Link to={Route::Simulator}>{"費用の計算に戻る"}</Link></p>
            </main>
            <Footer as_of={None} />
        </>
    }
}

fn section_id(s: Section) -> &'static str {
    match s {
        Section::National => "national",
        Section::NationalDates => "national-dates",
        Section::Nagano => "nagano",
        Section::Arithmetic => "arithmetic",
        Section::Sme => "sme",
        Section::Expert => "expert",
    }
}
