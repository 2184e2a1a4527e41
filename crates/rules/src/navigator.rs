//! The support navigator (RULES.md §7, and the "I want to … → use this support" map of
//! source 004): from what a business wants to do to every support the sources name, with the
//! figures as stated there and the date they hold for, the conditions, and where to ask.
//!
//! The catalogue is data written for this project (`data/supports.json`, see
//! [`crate::supports`]; names stay Japanese). The figures
//! of the national programme and the Nagano top-up are not repeated here: they are read from
//! the dated parameters ([`crate::params::amount`]), and whether those two have ended comes
//! from [`crate::params::programme_status`]. Other supports carry the end date their source
//! gives, if any; a support whose end date has passed on the as-of date is marked as ended,
//! never hidden. Contacts are text: the app never calls out.

use crate::format::{hours, yen};
use crate::input::{date_field, ErrorKind, InputError, Value};
use crate::params::{amount, programme_status, AmountId, ProgrammeState, DATES, PROGRAMMES};
use crate::params::{Stamp, STAMP};
use crate::{Date, Locale};
use serde::{Deserialize, Serialize};

pub use crate::supports::{
    AppLink, Contact, Ends, Figure, Need, NeedId, Period, Support, SupportId, NEEDS, SUPPORTS,
};

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

/// The name of the field `needs` (`[ja, en]`).
const NEEDS_LABEL: [&str; 2] = ["やりたいこと", "What you want to do"];

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
                                errors.push(InputError::labelled(
                                    "needs",
                                    ErrorKind::UnknownChoice {
                                        got: t.chars().take(40).collect(),
                                    },
                                    NEEDS_LABEL,
                                ));
                                break;
                            }
                        },
                        _ => {
                            errors.push(InputError::labelled(
                                "needs",
                                ErrorKind::UnknownChoice { got: "?".into() },
                                NEEDS_LABEL,
                            ));
                            break;
                        }
                    }
                }
            }
            Some(_) => errors.push(InputError::labelled(
                "needs",
                ErrorKind::NotAList,
                NEEDS_LABEL,
            )),
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
    pub id: SupportId,
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

/// The figures of the national programme and Nagano, from the dated parameters: those in force
/// on `as_of` (the latest without one).
fn programme_figures(id: SupportId, as_of: Option<Date>, locale: Locale) -> Vec<FigureView> {
    let f = |a: AmountId, ja: &dyn Fn(String) -> String, en: &dyn Fn(String) -> String| {
        let p = amount(a, as_of);
        let money = match p.id().unit() {
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
            source: p.source(),
        }
    };
    match id {
        SupportId::National => vec![
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
        SupportId::Nagano => vec![
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
            // The programmes' last date as in force on the as-of date (as announced by then;
            // the latest announcement without one), and where each stands on that date.
            let last = DATES
                .iter()
                .filter(|d| ids.contains(&d.programme))
                .map(|d| d.on(on).value)
                .max();
            let statuses: Vec<_> = PROGRAMMES
                .iter()
                .filter(|(p, _)| ids.contains(p))
                .filter_map(|(p, ph)| on.map(|day| programme_status(*p, *ph, day, locale)))
                .collect();
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
            let mut figures = programme_figures(s.id, as_of, locale);
            figures.extend(s.figures.iter().map(|f| FigureView {
                text: pick(locale, f.ja, f.en).to_string(),
                as_of: f.period.text(locale).to_string(),
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
    crate::order::sort_by_key(&mut supports, |s| {
        (s.ended, std::cmp::Reverse(s.needs.len()))
    });
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
