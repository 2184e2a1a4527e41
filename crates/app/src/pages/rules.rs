//! The rules reference: every rule (id, plain statement, source), the source documents, and
//! the history of every figure and date. All of it is data of `ouen_rules`.

use crate::defer::Later;
use crate::i18n::{locale, m, t};
use crate::route::{Link, Route};
use crate::tf;
use crate::view::chrome::Footer;
use crate::view::cite;
use ouen_rules::catalogue::{Section, RULES};
use ouen_rules::format::{hours, yen};
use ouen_rules::params::Source;
use ouen_rules::params::{AmountRecord, Unit};
use ouen_rules::{ruleset_info, Date, Locale};
use rust_decimal::Decimal;
use yew::prelude::*;

fn amount_text(p: &AmountRecord, v: i64) -> String {
    let d = Decimal::from(v);
    match p.unit {
        Unit::Yen => yen(d, locale()),
        Unit::YenPerHour => tf!(m::RULES_PER_HOUR, amount = yen(d, locale())),
        Unit::Hours => hours(d, locale()),
    }
}

/// A date in a table: without 和暦 in Japanese, to keep the columns narrow.
fn short_date(d: Date) -> String {
    match locale() {
        Locale::Ja => d.format_ja(),
        Locale::En => d.format_en(),
    }
}

/// A source document's title; in English, a translation with the Japanese title after it.
fn source_title(s: &Source) -> String {
    let msg = match s.id {
        "000" => m::RULES_DOC_000,
        "001" => m::RULES_DOC_001,
        "002" => m::RULES_DOC_002,
        "003" => m::RULES_DOC_003,
        "004" => m::RULES_DOC_004,
        _ => return s.title.to_string(),
    };
    tf!(msg, title = s.title)
}

/// A rule's sources. A few notes of the rules core are Japanese only (`001 まとめ`): English
/// quotes them, as it would a document's title.
fn source_text(source: &str) -> String {
    if !source.chars().any(|c| c >= '\u{3000}') {
        tf!(m::RULES_SOURCE, source = cite(source))
    } else {
        tf!(m::RULES_SOURCE_QUOTED, source = cite(source))
    }
}

#[component]
pub fn RulesPage() -> Html {
    let info = ruleset_info();
    html! {
        <>
            <main class="page rules-page">
                <h1 class="page-title">{t(m::RULES_TITLE)}</h1>
                <p class="lead">{t(m::RULES_LEAD)}</p>
                <p class="stamp-line" id="rules-stamp">
                    {tf!(m::RULES_STAMP, version = info.version, hash = info.hash)}
                </p>
                <nav class="toc no-print" aria-label={t(m::RULES_TOC)}>
                    <ul>
                        for s in Section::ALL {
                            <li><a href={format!("#{}", section_id(s))}>{s.title(locale())}</a></li>
                        }
                        <li><a href="#history">{t(m::RULES_HISTORY)}</a></li>
                        <li><a href="#sources">{t(m::RULES_SOURCES)}</a></li>
                    </ul>
                </nav>
                // Each section, and the footer, drawn in a task of its own after the contents
                // (`defer::Later`).
                for s in Section::ALL {
                    <Later name={section_id(s)}>
                        <section class="panel rule-section" id={section_id(s)} aria-labelledby={format!("{}-title", section_id(s))}>
                            <h2 id={format!("{}-title", section_id(s))}>{s.title(locale())}</h2>
                            <dl class="rule-list">
                                for r in RULES.iter().filter(|r| r.section == s) {
                                    <div class="rule" id={format!("rule-{}", r.id)}>
                                        <dt><span class="rule-tag">{r.id.as_str()}</span></dt>
                                        <dd>
                                            <p class="rule-text">{r.text(locale())}</p>
                                            <p class="rule-source">
                                                {source_text(r.source)}
                                                if r.interpretation {
                                                    <span class="estimate-badge">{t(m::RULES_INTERPRETATION)}</span>
                                                }
                                            </p>
                                        </dd>
                                    </div>
                                }
                            </dl>
                        </section>
                    </Later>
                }
                <Later name="history">
                    <section class="panel" id="history" aria-labelledby="history-title">
                        <h2 id="history-title">{t(m::RULES_HISTORY)}</h2>
                        <p class="hint">{t(m::RULES_HISTORY_HINT)}</p>
                        <div class="table-wrap">
                            <table class="data" id="amounts-table">
                                <caption>{t(m::RULES_AMOUNTS)}</caption>
                                <thead><tr><th scope="col">{t(m::RULES_ITEM)}</th><th scope="col">{t(m::RULES_RULE)}</th><th scope="col">{t(m::RULES_VALUE)}</th><th scope="col">{t(m::RULES_PERIOD)}</th><th scope="col">{t(m::RULES_SOURCE_COL)}</th></tr></thead>
                                <tbody>
                                    for a in info.amounts.iter() {
                                        for v in a.values.iter() {
                                            <tr>
                                                <th scope="row">{a.label(locale())}</th>
                                                <td>{a.rule}</td>
                                                <td>{amount_text(a, v.value)}</td>
                                                <td>{tf!(m::RULES_PERIOD_VALUE, from = short_date(v.from), until = v.until.map(short_date).unwrap_or_default())}</td>
                                                <td>{v.source}</td>
                                            </tr>
                                        }
                                    }
                                </tbody>
                            </table>
                        </div>
                        <div class="table-wrap">
                            <table class="data" id="dates-table">
                                <caption>{t(m::RULES_DATES)}</caption>
                                <thead><tr><th scope="col">{t(m::RULES_ITEM)}</th><th scope="col">{t(m::RULES_RULE)}</th><th scope="col">{t(m::RULES_DATE_CURRENT)}</th><th scope="col">{t(m::RULES_FIRST_ANNOUNCED)}</th></tr></thead>
                                <tbody>
                                    for d in info.dates.iter() {
                                        <tr>
                                            <th scope="row">{d.label(locale())}</th>
                                            <td>{d.rule}</td>
                                            <td>{tf!(m::RULES_DATE_WITH_SOURCE, date = d.current().value.format(locale()), source = cite(d.current().source))}</td>
                                            <td>
                                                if d.superseded().is_empty() {
                                                    {"—"}
                                                } else {
                                                    for r in d.superseded().iter() {
                                                        <s>{r.value.format(locale())}</s>{tf!(m::RULES_SOURCE_PAREN, source = cite(r.source))}
                                                    }
                                                }
                                            </td>
                                        </tr>
                                    }
                                </tbody>
                            </table>
                        </div>
                    </section>
                </Later>
                <Later name="sources">
                    <section class="panel" id="sources" aria-labelledby="sources-title">
                        <h2 id="sources-title">{t(m::RULES_SOURCES)}</h2>
                        <dl class="rule-list">
                            for s in info.sources.iter() {
                                <div class="rule">
                                    <dt><span class="rule-tag">{s.id}</span></dt>
                                    <dd>{source_title(s)}</dd>
                                </div>
                            }
                        </dl>
                    </section>
                </Later>
                <p class="no-print"><Link to={Route::Simulator}>{t(m::RULES_BACK)}</Link></p>
            </main>
            <Later name="footer"><Footer as_of={None} /></Later>
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

/// The page, for its wasm (`src/bin/rules.rs`) and the prerenderer.
pub const PAGE: crate::Page = crate::Page {
    view: || yew::html! { <RulesPage /> },
};
