//! Dated parameters with sources (NAT-P1..P5, NGN-5/6 and every figure of §1–2).
//!
//! The figures and dates live in `data/parameters.json`; `build.rs` turns them into the
//! static tables included below, so no figure is a literal in the rules code and no JSON
//! parser ships in the wasm. Like OpenFisca parameters, each value has a validity period and a
//! source, and superseded announcements are kept beside the revision that replaced them.
//!
//! The tables the cost split reads hold nothing that only the higher layers show: [`AMOUNTS`]
//! (by [`AmountId`]) keeps each amount's rule and dated values, [`DATES`] each date's
//! programme, kind, labels and revisions. Beside them, generated from the same data, the
//! records that [`ruleset_info`] lists (`AMOUNT_RECORDS`, `DATE_RECORDS`: every field, the ids,
//! units, rules of dates and sources too) and [`SOURCES`], read through [`AmountId`],
//! [`InForce`] and [`DateParam`]'s methods. The small `ouen/cost` wasm, which never reads
//! them, links none of those texts; the rest of the app reads static records, as before.

use crate::input::{parse_date_field, InputError};
#[allow(unused_imports)]
use crate::prelude::*;
use crate::{Date, Locale};
use rust_decimal::Decimal;
use serde::Serialize;

/// A source document of `../shared/seeds/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Source {
    pub id: &'static str,
    pub file: &'static str,
    pub title: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Unit {
    Yen,
    YenPerHour,
    Hours,
}

/// One value of an amount, valid from `from` until `until` (inclusive; open-ended if none).
/// Its source is [`InForce::source`] (or a [`SourcedValue`]'s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountValue {
    pub value: i64,
    pub from: Date,
    pub until: Option<Date>,
}

/// An amount parameter and its history, as the cost split reads it: the rule, and the values
/// with their periods. Its id, unit and labels are its [`AmountId`]'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountParam {
    pub rule: &'static str,
    pub values: &'static [AmountValue],
}

/// Which programme a date belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ProgrammeId {
    /// 中小企業デジタル化応援隊事業
    National,
    /// 長野県IT・デジタル化補助金, 国・県制度利用
    NaganoCombined,
    /// 長野県IT・デジタル化補助金, 県補助のみ
    NaganoOnly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Phase {
    One,
    Two,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DateKind {
    RegistrationStart,
    RegistrationEnd,
    ApplicationStart,
    ApplicationEnd,
    ContractEnd,
    SupportEnd,
    ReportEnd,
    ClaimEnd,
    OperationsEnd,
}

impl DateKind {
    fn is_start(self) -> bool {
        matches!(
            self,
            DateKind::RegistrationStart | DateKind::ApplicationStart
        )
    }
    fn is_intake_end(self) -> bool {
        matches!(self, DateKind::RegistrationEnd | DateKind::ApplicationEnd)
    }
}

/// One announcement of a date, and the day it was announced. On a day D the revision in force
/// is the last one announced on or before D (before the first announcement, the first); the
/// ones announced before it are superseded, the ones announced after it were not known yet
/// (NAT-P3 vs NAT-P4). With no as-of date the last revision is in force. Its source is
/// [`DateParam::sourced`]'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision {
    pub value: Date,
    /// The day it was announced (`build.rs` checks these are in order).
    pub announced: Date,
}

/// A programme date and its revisions, as the programme calendar reads it. Its id, rule and
/// the revisions' sources are [`DateParam::id`], [`DateParam::rule`] and
/// [`DateParam::sourced`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateParam {
    /// Its place in [`DATES`] and in `DATE_RECORDS`.
    n: u8,
    pub programme: ProgrammeId,
    pub phase: Option<Phase>,
    pub kind: DateKind,
    pub ja: &'static str,
    pub en: &'static str,
    pub revisions: &'static [Revision],
}

/// A revision with its source: what the calendar shows ([`Deadline::superseded`]) and
/// [`ruleset_info`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "Revision"))]
pub struct SourcedRevision {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub value: Date,
    /// The day it was announced (`build.rs` checks these are in order).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub announced: Date,
    pub source: &'static str,
}

impl DateParam {
    /// Which revision is in force on `on`: the last one announced on or before that day;
    /// before the first announcement, the first; with no date, the last.
    fn in_force_index(&self, on: Option<Date>) -> usize {
        // build.rs refuses a date parameter without revisions, and revisions out of
        // announcement order.
        let last = self.revisions.len() - 1;
        match on {
            None => last,
            Some(on) => self
                .revisions
                .iter()
                .rposition(|r| r.announced <= on)
                .unwrap_or(0),
        }
    }
    /// The revision in force on `on` (see [`Revision`]); with no date, the latest.
    pub fn on(&self, on: Option<Date>) -> Revision {
        self.revisions[self.in_force_index(on)]
    }
    /// The announcements that [`DateParam::on`] replaced by that day: those announced before
    /// it. Later ones were not known yet and are not listed.
    pub fn superseded_on(&self, on: Option<Date>) -> &'static [Revision] {
        &self.revisions[..self.in_force_index(on)]
    }
    /// The date in force with no as-of date: the latest revision.
    pub fn current(&self) -> Revision {
        self.on(None)
    }
    /// Earlier announcements, replaced by [`DateParam::current`].
    pub fn superseded(&self) -> &'static [Revision] {
        self.superseded_on(None)
    }
    pub fn label(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ja => self.ja,
            Locale::En => self.en,
        }
    }
    /// Everything about it, its revisions' sources included.
    pub fn record(&self) -> &'static DateRecord {
        &DATE_RECORDS[usize::from(self.n)]
    }
    /// `nationalP2RegistrationEnd`.
    pub fn id(&self) -> &'static str {
        self.record().id
    }
    /// The rules it carries out (`NAT-P1, NAT-P4`).
    pub fn rule(&self) -> &'static str {
        self.record().rule
    }
    /// Every revision with its source, in announcement order.
    pub fn sourced(&self) -> &'static [SourcedRevision] {
        self.record().revisions
    }
    /// [`DateParam::on`] with its source.
    pub fn sourced_on(&self, on: Option<Date>) -> SourcedRevision {
        self.sourced()[self.in_force_index(on)]
    }
    /// [`DateParam::superseded_on`] with their sources.
    pub fn sourced_superseded_on(&self, on: Option<Date>) -> &'static [SourcedRevision] {
        &self.sourced()[..self.in_force_index(on)]
    }
}

include!(concat!(env!("OUT_DIR"), "/parameters.rs"));

impl AmountId {
    /// Its values, as the cost split reads them.
    pub fn param(self) -> &'static AmountParam {
        &AMOUNTS[self as usize]
    }
    /// Everything about it, its values' sources included.
    pub fn record(self) -> &'static AmountRecord {
        &AMOUNT_RECORDS[self as usize]
    }
    /// `nationalHonorariumMaxPerHour`.
    pub fn id(self) -> &'static str {
        self.record().id
    }
    pub fn unit(self) -> Unit {
        self.record().unit
    }
    pub fn label(self, locale: Locale) -> &'static str {
        self.record().label(locale)
    }
}

/// An amount's value with its source, as [`ruleset_info`] lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AmountValue"))]
pub struct SourcedValue {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub value: i64,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub from: Date,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub until: Option<Date>,
    pub source: &'static str,
}

/// An amount parameter as [`ruleset_info`] lists it: id, rule, unit, labels, and every value
/// with its period and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AmountParam"))]
pub struct AmountRecord {
    pub id: &'static str,
    pub rule: &'static str,
    pub unit: Unit,
    pub ja: &'static str,
    pub en: &'static str,
    pub values: &'static [SourcedValue],
}

impl AmountRecord {
    pub fn label(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ja => self.ja,
            Locale::En => self.en,
        }
    }
}

/// A programme date as [`ruleset_info`] lists it: id, rule, programme, phase, kind, labels,
/// and every revision with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "DateParam"))]
pub struct DateRecord {
    pub id: &'static str,
    pub rule: &'static str,
    pub programme: ProgrammeId,
    pub phase: Option<Phase>,
    pub kind: DateKind,
    pub ja: &'static str,
    pub en: &'static str,
    pub revisions: &'static [SourcedRevision],
}

impl DateRecord {
    pub fn label(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ja => self.ja,
            Locale::En => self.en,
        }
    }
    /// The latest revision (`build.rs` refuses a date without one).
    pub fn current(&self) -> SourcedRevision {
        self.revisions[self.revisions.len() - 1]
    }
    /// The revisions [`DateRecord::current`] replaced.
    pub fn superseded(&self) -> &'static [SourcedRevision] {
        &self.revisions[..self.revisions.len() - 1]
    }
}

/// An amount as used in one evaluation, with where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InForce {
    pub value: Decimal,
    pub param: &'static AmountParam,
    pub entry: &'static AmountValue,
    /// False when the as-of date lies outside every validity period and the nearest value
    /// ("the rules last in force") was used.
    pub valid_on_date: bool,
}

/// The value of `id` in force on `as_of` (without a date: the latest value).
pub fn amount(id: AmountId, as_of: Option<Date>) -> InForce {
    let param = id.param();
    let values = param.values;
    let last = &values[values.len() - 1];
    let (entry, valid) = match as_of {
        None => (last, true),
        Some(d) => {
            if let Some(v) = values
                .iter()
                .rev()
                .find(|v| v.from <= d && v.until.is_none_or(|u| d <= u))
            {
                (v, true)
            } else if d < values[0].from {
                (&values[0], false)
            } else {
                (
                    values.iter().rev().find(|v| v.from <= d).unwrap_or(last),
                    false,
                )
            }
        }
    };
    InForce {
        value: Decimal::from(entry.value),
        param,
        entry,
        valid_on_date: valid,
    }
}

impl InForce {
    /// Which amount it is (its id, unit and labels): `param` is an entry of [`AMOUNTS`].
    pub fn id(&self) -> AmountId {
        let at = (self.param as *const AmountParam as usize)
            .wrapping_sub(AMOUNTS.as_ptr() as usize)
            / core::mem::size_of::<AmountParam>();
        AmountId::ALL[at]
    }
    /// The source of the value used (`000 §1`): `entry` is one of `param`'s values.
    pub fn source(&self) -> &'static str {
        let at = (self.entry as *const AmountValue as usize)
            .wrapping_sub(self.param.values.as_ptr() as usize)
            / core::mem::size_of::<AmountValue>();
        self.id().record().values[at].source
    }
}

/// Every amount the cost split needs, as in force on one date.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    pub national_max_per_hour: InForce,
    pub min_self_pay_per_hour: InForce,
    pub sme_cap: InForce,
    pub expert_cap: InForce,
    pub nagano_max_per_hour: InForce,
    pub nagano_max_hours: InForce,
}

impl Params {
    pub fn in_force(as_of: Option<Date>) -> Params {
        Params {
            national_max_per_hour: amount(AmountId::NationalHonorariumMaxPerHour, as_of),
            min_self_pay_per_hour: amount(AmountId::MinSelfPayPerHour, as_of),
            sme_cap: amount(AmountId::SmeHonorariumCap, as_of),
            expert_cap: amount(AmountId::ExpertHonorariumCap, as_of),
            nagano_max_per_hour: amount(AmountId::NaganoTopUpMaxPerHour, as_of),
            nagano_max_hours: amount(AmountId::NaganoMaxHours, as_of),
        }
    }
}

/// Where a programme stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ProgrammeState {
    /// Before the first registration/application day.
    NotYetOpen,
    /// New registrations or applications are accepted.
    Open,
    /// Intake has closed; those already in may still finish support, reports and claims.
    Closing,
    /// Every deadline has passed.
    Closed,
}

/// A deadline as shown to people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Deadline {
    pub id: &'static str,
    pub rule: &'static str,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: Date,
    /// The date formatted for the locale (和暦 beside it in Japanese).
    pub date_text: String,
    pub label: &'static str,
    pub source: &'static str,
    /// Earlier announcements of this date, replaced by `date`.
    pub superseded: Vec<SourcedRevision>,
}

impl Deadline {
    /// The date as in force on `on` (the latest with no date), with the announcements it had
    /// replaced by then.
    pub fn of(p: &DateParam, on: Option<Date>, locale: Locale) -> Deadline {
        let cur = p.sourced_on(on);
        Deadline {
            id: p.id(),
            rule: p.rule(),
            date: cur.value,
            date_text: cur.value.format(locale),
            label: p.label(locale),
            source: cur.source,
            superseded: p.sourced_superseded_on(on).to_vec(),
        }
    }
}

/// One programme (and phase) on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProgrammeStatus {
    pub programme: ProgrammeId,
    pub phase: Option<Phase>,
    pub state: ProgrammeState,
    pub name: &'static str,
    /// The earliest deadline on or after the date, if any remains.
    pub next_deadline: Option<Deadline>,
    /// Every date of this programme, as in force on the date, with the announcements it had
    /// superseded by then.
    pub deadlines: Vec<Deadline>,
    /// Caveats to show with the dates (NAT-P5: budget may close intake early).
    pub caveats: Vec<String>,
}

/// The programme's name as shown to people.
pub fn programme_name(p: ProgrammeId, phase: Option<Phase>, locale: Locale) -> &'static str {
    match (locale, p, phase) {
        (Locale::Ja, ProgrammeId::National, Some(Phase::One)) => {
            "中小企業デジタル化応援隊事業（第Ⅰ期）"
        }
        (Locale::Ja, ProgrammeId::National, _) => "中小企業デジタル化応援隊事業（第Ⅱ期）",
        (Locale::Ja, ProgrammeId::NaganoCombined, _) => {
            "長野県IT・デジタル化補助金（国・県制度利用）"
        }
        (Locale::Ja, ProgrammeId::NaganoOnly, _) => "長野県IT・デジタル化補助金（県補助のみ）",
        (Locale::En, ProgrammeId::National, Some(Phase::One)) => {
            "SME Digitalization Support Corps (Phase I)"
        }
        (Locale::En, ProgrammeId::National, _) => "SME Digitalization Support Corps (Phase II)",
        (Locale::En, ProgrammeId::NaganoCombined, _) => {
            "Nagano IT & Digitalization Subsidy (combined)"
        }
        (Locale::En, ProgrammeId::NaganoOnly, _) => {
            "Nagano IT & Digitalization Subsidy (prefecture only)"
        }
    }
}

/// The four programme entries: national Phase I and II, Nagano combined and prefecture-only.
pub const PROGRAMMES: [(ProgrammeId, Option<Phase>); 4] = [
    (ProgrammeId::National, Some(Phase::One)),
    (ProgrammeId::National, Some(Phase::Two)),
    (ProgrammeId::NaganoCombined, None),
    (ProgrammeId::NaganoOnly, None),
];

/// Where one programme (and phase) stands on `on`, and its earliest deadline on or after
/// `on` if any remains (the first such in `DATES` among equal dates), every date as in force
/// on `on` ([`DateParam::on`]). The cost split's date warnings need only these;
/// [`programme_status`] adds every deadline and the caveats.
pub fn programme_state(
    programme: ProgrammeId,
    phase: Option<Phase>,
    on: Date,
) -> (ProgrammeState, Option<&'static DateParam>) {
    // One pass, no allocation: the earliest start, the last intake end, the last date of
    // all, and the earliest deadline on or after `on` (the first in `DATES` among equals).
    let (mut start, mut intake_end, mut final_end) = (None::<Date>, None::<Date>, None::<Date>);
    let mut next: Option<&'static DateParam> = None;
    for d in DATES
        .iter()
        .filter(|d| d.programme == programme && d.phase == phase)
    {
        let v = d.on(Some(on)).value;
        if d.kind.is_start() {
            start = Some(start.map_or(v, |s| s.min(v)));
            continue;
        }
        if d.kind.is_intake_end() {
            intake_end = Some(intake_end.map_or(v, |e| e.max(v)));
        }
        final_end = Some(final_end.map_or(v, |e| e.max(v)));
        if v >= on && next.is_none_or(|n| v < n.on(Some(on)).value) {
            next = Some(d);
        }
    }
    let state = if start.is_some_and(|s| on < s) {
        ProgrammeState::NotYetOpen
    } else if intake_end.is_some_and(|e| on <= e) {
        ProgrammeState::Open
    } else if final_end.is_some_and(|e| on <= e) {
        ProgrammeState::Closing
    } else {
        ProgrammeState::Closed
    };
    (state, next)
}

/// Where one programme stands on `on`, with its dates as in force on `on`.
pub fn programme_status(
    programme: ProgrammeId,
    phase: Option<Phase>,
    on: Date,
    locale: Locale,
) -> ProgrammeStatus {
    let (state, next) = programme_state(programme, phase, on);
    let dates = DATES
        .iter()
        .filter(|d| d.programme == programme && d.phase == phase);
    let mut deadlines: Vec<Deadline> = dates.map(|d| Deadline::of(d, Some(on), locale)).collect();
    crate::order::sort_by_key(&mut deadlines, |d| d.date);
    let next_deadline = next.map(|d| Deadline::of(d, Some(on), locale));
    let mut caveats = Vec::new();
    if programme == ProgrammeId::National && phase == Some(Phase::Two) {
        // NAT-P2: who could start when. The first announcement (002) opened Phase II to
        // Phase I registrants only; new registrations had not opened when it was written.
        let start = DATES
            .iter()
            .find(|d| d.programme == programme && d.phase == phase && d.kind.is_start())
            .map(|d| d.on(Some(on)).value.format(locale))
            .unwrap_or_default();
        caveats.push(crate::format::fill_in(
            locale,
            [
                "第Ⅰ期に登録を済ませた中小企業とIT専門家は、{0}10時から、初回ログインで第Ⅱ期の利用規約に同意すると使えます。新しく登録する方の受付は、最初の告知（002）の時点ではまだ始まっていませんでした。開始はポータルサイトで確かめてください（NAT-P2）。",
                "SMEs and experts registered in Phase I can use Phase II from 10:00 on {0}, after accepting the Phase II terms at their first login. New registrations had not opened yet when it was first announced (002): check the portal for when they open (NAT-P2).",
            ],
            &[&start],
        ));
        caveats.push(match locale {
            Locale::Ja => "予算の状況により、上記の期限より前に登録・契約の受付が終了する場合があります（NAT-P5）。".to_string(),
            Locale::En => "Registration and contracts may close before these dates if the budget runs out (NAT-P5).".to_string(),
        });
    }
    if programme == ProgrammeId::NaganoCombined {
        caveats.push(match locale {
            Locale::Ja => "申請は謝金の支払い前、または2021年2月5日のいずれか早い日まで。報告は謝金支払後1か月以内、または2021年3月5日のいずれか早い日まで（NGN-5）。".to_string(),
            Locale::En => "Apply before the honorarium is paid or by 5 February 2021, whichever is earlier; report within one month after payment or by 5 March 2021, whichever is earlier (NGN-5).".to_string(),
        });
    }
    ProgrammeStatus {
        programme,
        phase,
        state,
        name: programme_name(programme, phase, locale),
        next_deadline,
        deadlines,
        caveats,
    }
}

/// On date `on`: every programme and phase, whether it is open, and its next deadline.
pub fn programmes_on(on: Date, locale: Locale) -> Vec<ProgrammeStatus> {
    PROGRAMMES
        .iter()
        .map(|(p, ph)| programme_status(*p, *ph, on, locale))
        .collect()
}

/// Reads the day [`programmes_on`] is asked about, as the JS API's `date` gives it
/// (`YYYY-MM-DD`); an error names the field `date`.
pub fn parse_day(text: &str) -> Result<Date, InputError> {
    parse_date_field("date", text).map_err(|e| e.named(["日付", "Date"]))
}

/// The ruleset stamp: version and a short hash of the parameter data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Stamp {
    pub version: &'static str,
    pub hash: &'static str,
}

pub const STAMP: Stamp = Stamp {
    version: RULESET_VERSION,
    hash: RULESET_HASH,
};

/// Everything about the ruleset: stamp, sources, every amount and date with its history.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RulesetInfo {
    pub version: &'static str,
    pub hash: &'static str,
    pub sources: &'static [Source],
    pub amounts: &'static [AmountRecord],
    pub dates: &'static [DateRecord],
}

pub fn ruleset_info() -> RulesetInfo {
    RulesetInfo {
        version: RULESET_VERSION,
        hash: RULESET_HASH,
        sources: SOURCES,
        amounts: &AMOUNT_RECORDS,
        dates: &DATE_RECORDS,
    }
}

/// A citation as a person reads it: each source document named by its title, not its file
/// number (`"000 §5"` → `"長野県 チラシ：… §5"`; `"001; 002"` → both titles). A part that
/// names no known document is kept as it is.
pub fn cite(source: &str) -> String {
    cite_with(source, |doc| doc.title.to_string(), "／")
}

/// [`cite`] with each document named by `name` (a translation of its title, say), and the
/// documents separated by `sep`.
pub fn cite_with(source: &str, name: impl Fn(&Source) -> String, sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in source.split("; ").enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        let (id, rest) = part.split_at(part.len().min(3));
        match SOURCES.iter().find(|s| s.id == id) {
            Some(doc) if rest.is_empty() || rest.starts_with(' ') => {
                out.push_str(&name(doc));
                out.push_str(rest);
            }
            _ => out.push_str(part),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_name_documents_by_title() {
        let title = |id: &str| SOURCES.iter().find(|s| s.id == id).unwrap().title;
        assert_eq!(cite("000 §5"), format!("{} §5", title("000")));
        assert_eq!(
            cite("001; 002"),
            format!("{}／{}", title("001"), title("002"))
        );
        assert_eq!(cite("004"), title("004"));
        assert_eq!(cite("経済産業省のWebページ"), "経済産業省のWebページ");
        assert_eq!(cite("0001"), "0001");
        assert_eq!(cite(""), "");
        for s in SOURCES {
            assert_eq!(cite(s.id), s.title);
        }
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// `programme_state`'s next deadline is what the calendar's sorted deadlines gave: the
    /// earliest non-start date on or after the day, the first of equal ones in date order.
    #[test]
    fn programme_state_gives_the_calendars_next_deadline() {
        for (p, ph) in PROGRAMMES {
            for year in 2020..=2022 {
                for month in 1..=12 {
                    for day in [1, 5, 10, 15, 20, 25, 28] {
                        let on = Date::from_ymd(year, month, day).unwrap();
                        let status = programme_status(p, ph, on, Locale::En);
                        let mut dates: Vec<&DateParam> = DATES
                            .iter()
                            .filter(|d| d.programme == p && d.phase == ph)
                            .collect();
                        crate::order::sort_by_key(&mut dates, |d| d.on(Some(on)).value);
                        let expected = dates
                            .iter()
                            .filter(|d| !d.kind.is_start() && d.on(Some(on)).value >= on)
                            .min_by_key(|d| d.on(Some(on)).value)
                            .map(|d| d.id());
                        let (state, next) = programme_state(p, ph, on);
                        assert_eq!(next.map(|d| d.id()), expected, "{p:?} {ph:?} {on:?}");
                        assert_eq!(status.next_deadline.map(|d| d.id), expected);
                        assert_eq!(status.state, state);
                    }
                }
            }
        }
    }

    #[test]
    fn amounts_have_sources_and_periods() {
        for a in AmountId::ALL {
            for v in a.record().values {
                assert!(!v.source.is_empty(), "{} has no source", a.id());
                assert!(v.until.is_none_or(|u| v.from <= u), "{} period", a.id());
            }
        }
        assert_eq!(
            AmountId::ALL.map(|a| a.param() as *const AmountParam),
            core::array::from_fn(|i| &AMOUNTS[i] as *const AmountParam),
            "AmountId numbers AMOUNTS"
        );
        let p = Params::in_force(Some(d("2021-01-15")));
        assert_eq!(p.national_max_per_hour.value, Decimal::from(3500));
        assert_eq!(p.min_self_pay_per_hour.value, Decimal::from(500));
        assert_eq!(p.sme_cap.value, Decimal::from(300_000));
        assert_eq!(p.expert_cap.value, Decimal::from(1_500_000));
        assert_eq!(p.nagano_max_per_hour.value, Decimal::from(4250));
        assert_eq!(p.nagano_max_hours.value, Decimal::from(24));
        assert!(p.nagano_max_hours.valid_on_date);
        let later = Params::in_force(Some(d("2021-06-01")));
        assert!(!later.nagano_max_hours.valid_on_date);
        assert!(later.sme_cap.valid_on_date);
    }

    #[test]
    fn phase_two_dates_keep_the_first_announcement() {
        let reg = DATES
            .iter()
            .find(|p| p.id() == "nationalP2RegistrationEnd")
            .unwrap();
        assert_eq!(reg.current().value, d("2021-11-01"));
        assert_eq!(reg.sourced_on(None).source, "001");
        assert_eq!(reg.superseded()[0].value, d("2021-09-30"));
        assert_eq!(reg.sourced_superseded_on(None)[0].source, "002");
    }

    /// On a day, the revision in force is the last one announced by then: a day before 001
    /// announced the revised deadlines (NAT-P4), the first announcement's (NAT-P3) hold and
    /// nothing is superseded yet; before the first announcement, the first revision applies;
    /// without a day, the latest.
    #[test]
    fn revisions_follow_their_announcements() {
        let reg = DATES
            .iter()
            .find(|p| p.id() == "nationalP2RegistrationEnd")
            .unwrap();
        let revised = reg.revisions[1].announced;
        assert_eq!(revised, d("2021-11-01"));
        let day_before = d("2021-10-31");
        assert_eq!(reg.on(Some(day_before)).value, d("2021-09-30"));
        assert_eq!(reg.sourced_on(Some(day_before)).source, "002");
        assert_eq!(reg.sourced_on(Some(revised)).source, "001");
        assert!(reg.superseded_on(Some(day_before)).is_empty());
        assert_eq!(reg.on(Some(revised)).value, d("2021-11-01"));
        assert_eq!(reg.superseded_on(Some(revised)), &reg.revisions[..1]);
        assert_eq!(reg.on(Some(d("2020-01-01"))).value, d("2021-09-30"));
        assert_eq!(reg.on(None), reg.current());
        assert_eq!(reg.current().value, d("2021-11-01"));
        for p in DATES {
            for w in p.revisions.windows(2) {
                assert!(w[0].announced < w[1].announced, "{}", p.id());
            }
        }
    }

    #[test]
    fn status_on_dates() {
        let s = |on: &str| {
            programmes_on(d(on), Locale::Ja)
                .into_iter()
                .map(|p| (p.state, p.next_deadline.map(|n| n.date.to_string())))
                .collect::<Vec<_>>()
        };
        use ProgrammeState::*;
        // 2021-01-15: Phase I open (registration until 1/31); Phase II not yet; Nagano
        // combined open (apply by 2/5); prefecture-only opens 2/1.
        assert_eq!(
            s("2021-01-15"),
            vec![
                (Open, Some("2021-01-31".into())),
                // Phase II's deadlines as first announced (002): the revision came later.
                (NotYetOpen, Some("2021-09-30".into())),
                (Open, Some("2021-02-05".into())),
                (NotYetOpen, Some("2021-02-26".into())),
            ]
        );
        // 2021-02-10: Phase I registration closed, support until 2/28.
        let feb = s("2021-02-10");
        assert_eq!(feb[0], (Closing, Some("2021-02-28".into())));
        assert_eq!(feb[2], (Closing, Some("2021-02-28".into())));
        assert_eq!(feb[3], (Open, Some("2021-02-26".into())));
        // 2021-10-31, a day before 001 revised the deadlines: registration closed on
        // 2021-09-30 as first announced (002); the next date is the first contract deadline.
        assert_eq!(s("2021-10-31")[1], (Closing, Some("2021-11-30".into())));
        // 2021-11-01 is the revised Phase II registration deadline, and the day 001 announced
        // it: still open that day.
        assert_eq!(s("2021-11-01")[1], (Open, Some("2021-11-01".into())));
        assert_eq!(s("2021-11-02")[1], (Closing, Some("2021-12-17".into())));
        // After everything.
        let late = s("2026-11-22");
        assert!(late
            .iter()
            .all(|(st, next)| *st == Closed && next.is_none()));
    }

    #[test]
    fn phase_two_carries_the_budget_caveat() {
        let p2 = programme_status(
            ProgrammeId::National,
            Some(Phase::Two),
            d("2021-05-01"),
            Locale::Ja,
        );
        assert!(p2.caveats.iter().any(|c| c.contains("NAT-P5")));
        // On 2021-05-01 only the first announcement (002) was out: nothing superseded yet.
        let next = p2.next_deadline.unwrap();
        assert_eq!(next.date_text, "2021年9月30日（令和3年9月30日）");
        assert!(next.superseded.is_empty());
        // Once 001 revised them, the first announcement is shown as superseded.
        let p2 = programme_status(
            ProgrammeId::National,
            Some(Phase::Two),
            d("2021-11-15"),
            Locale::Ja,
        );
        let next = p2.next_deadline.unwrap();
        assert_eq!(next.date_text, "2021年12月17日（令和3年12月17日）");
        assert_eq!(next.superseded[0].value, d("2021-11-30"));
    }

    #[test]
    fn phase_two_says_who_can_start_when() {
        // 002: Phase I registrants from 10:00 on 26 April 2021; new registrations not open yet.
        for on in ["2021-03-01", "2021-05-01"] {
            let ja = programme_status(ProgrammeId::National, Some(Phase::Two), d(on), Locale::Ja);
            let who = ja.caveats.iter().find(|c| c.contains("NAT-P2")).unwrap();
            assert!(
                who.contains("第Ⅰ期に登録") && who.contains("2021年4月26日"),
                "{who}"
            );
            assert!(who.contains("新しく登録"), "{who}");
            let en = programme_status(ProgrammeId::National, Some(Phase::Two), d(on), Locale::En);
            let who = en.caveats.iter().find(|c| c.contains("NAT-P2")).unwrap();
            assert!(
                who.contains("registered in Phase I") && who.contains("26 April 2021"),
                "{who}"
            );
        }
        let start = DATES.iter().find(|p| p.id() == "nationalP2Start").unwrap();
        assert!(start.label(Locale::Ja).contains("第Ⅰ期に登録済み"));
    }

    /// The calendar names the day it is asked about: the label is its own, not the core's
    /// shared `field_label` (which the small wasm links).
    #[test]
    fn a_bad_day_names_the_date() {
        assert_eq!(parse_day("2021-02-05"), Ok(d("2021-02-05")));
        let e = parse_day("2021-02-30").unwrap_err();
        assert_eq!(e.field, "date");
        assert_eq!(e.message(Locale::Ja), "日付：存在しない日付です。");
        assert_eq!(e.message(Locale::En), "Date: that date does not exist.");
        assert_eq!(crate::input::field_label("date", Locale::En), "Input");
    }

    /// The tables the cost split reads and the records beside them say the same, generated
    /// from the same data: every shared field, in the same order (`AmountId`,
    /// `DateParam::n`), and the records' ids, rules and sources are the data's.
    #[test]
    fn the_tables_and_their_records_agree() {
        let data: serde_json::Value =
            serde_json::from_str(include_str!("../../rules/data/parameters.json")).unwrap();
        let dates = data["dates"].as_array().unwrap();
        assert_eq!(DATES.len(), dates.len());
        assert_eq!(DATE_RECORDS.len(), dates.len());
        for (i, (p, want)) in DATES.iter().zip(dates).enumerate() {
            let r = p.record();
            assert!(core::ptr::eq(r, &DATE_RECORDS[i]), "{}", p.id());
            assert_eq!(r.id, want["id"]);
            assert_eq!(r.rule, want["rule"]);
            assert_eq!(
                (r.programme, r.phase, r.kind, r.ja, r.en),
                (p.programme, p.phase, p.kind, p.ja, p.en)
            );
            assert_eq!(r.revisions.len(), p.revisions.len(), "{}", r.id);
            for ((sourced, rev), want) in r
                .revisions
                .iter()
                .zip(p.revisions)
                .zip(want["revisions"].as_array().unwrap())
            {
                assert_eq!(
                    (sourced.value, sourced.announced),
                    (rev.value, rev.announced)
                );
                assert_eq!(sourced.source, want["source"], "{}", r.id);
            }
        }
        for (i, a) in AmountId::ALL.into_iter().enumerate() {
            let r = a.record();
            assert!(
                core::ptr::eq(a.param(), &AMOUNTS[i]),
                "AmountId numbers AMOUNTS"
            );
            let want = data["amounts"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["id"] == r.id)
                .unwrap();
            assert_eq!(
                (r.rule, r.ja, r.en),
                (
                    a.param().rule,
                    want["ja"].as_str().unwrap(),
                    want["en"].as_str().unwrap()
                )
            );
            assert_eq!(r.values.len(), a.param().values.len(), "{}", r.id);
            for ((sourced, v), want) in r
                .values
                .iter()
                .zip(a.param().values)
                .zip(want["values"].as_array().unwrap())
            {
                assert_eq!(
                    (sourced.value, sourced.from, sourced.until),
                    (v.value, v.from, v.until)
                );
                assert_eq!(sourced.source, want["source"], "{}", r.id);
            }
        }
        let info = ruleset_info();
        assert_eq!(
            (info.amounts.len(), info.dates.len()),
            (AMOUNTS.len(), DATES.len())
        );
        // The records serialize as the tables did: every field, in order.
        let reg = DATES
            .iter()
            .find(|p| p.id() == "nationalP2RegistrationEnd")
            .unwrap();
        assert_eq!(
            serde_json::to_string(reg.record()).unwrap(),
            r#"{"id":"nationalP2RegistrationEnd","rule":"NAT-P3, NAT-P4","programme":"national","phase":"two","kind":"registrationEnd","ja":"第Ⅱ期 登録受付の期限","en":"Phase II registration closes","revisions":[{"value":"2021-09-30","announced":"2021-04-26","source":"002"},{"value":"2021-11-01","announced":"2021-11-01","source":"001"}]}"#
        );
        let hours = AmountId::NaganoMaxHours.record();
        assert_eq!(
            serde_json::to_string(hours).unwrap(),
            format!(
                r#"{{"id":"naganoMaxHours","rule":"{}","unit":"hours","ja":"{}","en":"{}","values":[{{"value":24,"from":"{}","until":"{}","source":"{}"}}]}}"#,
                hours.rule,
                hours.ja,
                hours.en,
                hours.values[0].from,
                hours.values[0].until.unwrap(),
                hours.values[0].source,
            )
        );
        // An amount in force knows which it is and where its value comes from.
        for a in AmountId::ALL {
            for (i, v) in a.record().values.iter().enumerate() {
                let f = amount(a, Some(v.from));
                assert_eq!(f.id(), a);
                assert!(core::ptr::eq(f.entry, &a.param().values[i]));
                assert_eq!(f.source(), v.source, "{}", a.id());
            }
        }
    }

    #[test]
    fn stamp_is_stable_hex() {
        assert_eq!(STAMP.hash.len(), 8);
        assert!(STAMP.hash.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
