//! The checklist page's state as a pure reducer (as `crate::state` is the simulator's): the
//! draft being filled in, the completed assessments, what the page shows, and why a result
//! could not be shown yet. No clock, no storage, no text: the page passes the time in
//! (`Action::Finish`), keeps the draft and the history on the device (`crate::tabs`), and
//! words a [`Notice`] in the interface's language.

use crate::checklist_doc::{Draft, History, Record};
use ouen_rules::checklist::{
    self as cl, items_in, validate, Answer, Area, Assessment, BusinessKind, RawAnswers,
};
use ouen_rules::Value;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

/// What the page shows: the questions, or one completed assessment of the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Filling,
    /// The record at this index of the history.
    Result(usize),
}

/// Why "see the result" could not show one: what is still to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// No kind of business chosen yet.
    NeedKind,
    /// These areas still have unanswered items (in the order of the checklist).
    Missing(Vec<Area>),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub draft: Draft,
    pub history: History,
    pub view: View,
    pub notice: Option<Notice>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Choose the kind of business; an answer 対象外 that the new kind cannot give is dropped.
    SetKind(BusinessKind),
    /// Answer an item (by its id).
    Answer(&'static str, Answer),
    /// Show this area (0-based; past the last, the last).
    Go(usize),
    /// Complete the assessment at this time (`YYYY-MM-DDTHH:MM`) and show its result, or say
    /// what is missing.
    Finish { date: String },
    /// Start the next assessment from these answers, at the first area.
    Restart,
    /// Empty the draft.
    Clear,
    /// Show the record at this index of the history.
    Show(usize),
    /// What another tab saved of the draft: this tab stays on the area it shows.
    Synced(Draft),
    /// What another tab saved of the history.
    SetHistory(History),
    /// Assessments read from a file, added to the history (duplicates skipped).
    Import(History),
}

/// A stored set of answers, validated.
pub fn assessment(kind: &str, answers: &BTreeMap<String, String>) -> Option<Assessment> {
    let kind = BusinessKind::parse(kind)?;
    // Inserted one by one: collecting into a map would link a sort for its pairs.
    let mut raw = RawAnswers::new();
    for (k, v) in answers {
        raw.insert(k.clone(), Value::from(v.as_str()));
    }
    validate(kind, &raw).ok()
}

impl State {
    pub fn new(draft: Draft, history: History) -> State {
        State {
            draft,
            history,
            ..State::default()
        }
    }

    /// The area shown (the stored step, kept within the checklist).
    pub fn step(&self) -> usize {
        self.draft.step.min(Area::ALL.len() - 1)
    }

    /// The record shown, if the page shows one that exists.
    pub fn shown(&self) -> Option<usize> {
        match self.view {
            View::Result(i) if i < self.history.records.len() => Some(i),
            _ => None,
        }
    }

    fn finish(&mut self, date: String) {
        let Some(a) = assessment(&self.draft.kind, &self.draft.answers) else {
            self.notice = Some(if BusinessKind::parse(&self.draft.kind).is_none() {
                Notice::NeedKind
            } else {
                Notice::Missing(
                    Area::ALL
                        .into_iter()
                        .filter(|area| {
                            items_in(*area).any(|it| !self.draft.answers.contains_key(it.id))
                        })
                        .collect(),
                )
            });
            return;
        };
        self.notice = None;
        self.history.records.push(Record {
            date,
            kind: a.kind.id().to_string(),
            answers: self.draft.answers.clone(),
        });
        self.view = View::Result(self.history.records.len() - 1);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let d = &mut s.draft;
        match action {
            Action::SetKind(k) => {
                d.kind = k.id().to_string();
                d.answers
                    .retain(|id, a| a != "na" || cl::item(id).is_some_and(|it| it.may_skip(k)));
            }
            Action::Answer(id, answer) => {
                d.answers.insert(id.to_string(), answer.id().to_string());
            }
            Action::Go(to) => d.step = to.min(Area::ALL.len() - 1),
            Action::Finish { date } => s.finish(date),
            Action::Restart => {
                d.step = 0;
                s.view = View::Filling;
            }
            Action::Clear => {
                s.draft = Draft::default();
                s.view = View::Filling;
                s.notice = None;
            }
            Action::Show(i) => {
                if i < s.history.records.len() {
                    s.view = View::Result(i);
                }
            }
            Action::Synced(mut other) => {
                other.step = d.step;
                s.draft = other;
            }
            Action::SetHistory(h) => s.history = h,
            Action::Import(h) => {
                s.history.merge(h);
            }
        }
        if s.shown().is_none() {
            s.view = View::Filling;
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(s: State, a: Action) -> State {
        (*Rc::new(s).reduce(a)).clone()
    }

    fn all_done() -> BTreeMap<String, String> {
        cl::ITEMS
            .iter()
            .map(|it| (it.id.to_string(), "done".to_string()))
            .collect()
    }

    #[test]
    fn stored_answers_validate_into_an_assessment() {
        let mut answers = all_done();
        assert!(assessment("retail", &answers).is_some());
        assert!(assessment("bakery", &answers).is_none());
        answers.remove("se-backup");
        assert!(assessment("retail", &answers).is_none());
    }

    #[test]
    fn finishing_without_a_kind_or_with_gaps_says_what_is_missing_and_keeps_the_draft() {
        let s = reduce(
            State::default(),
            Action::Finish {
                date: "2026-12-04T10:00".into(),
            },
        );
        assert_eq!(s.notice, Some(Notice::NeedKind));
        assert_eq!((s.view, s.history.records.len()), (View::Filling, 0));

        let mut answers = all_done();
        let missing: Vec<&str> = items_in(Area::ALL[1]).map(|it| it.id).collect();
        for id in &missing {
            answers.remove(*id);
        }
        let draft = Draft {
            kind: "retail".into(),
            answers,
            step: 3,
        };
        let s = reduce(
            State::new(draft.clone(), History::default()),
            Action::Finish { date: "d".into() },
        );
        assert_eq!(s.notice, Some(Notice::Missing(vec![Area::ALL[1]])));
        assert_eq!(s.draft, draft, "nothing typed is lost");
        assert!(s.history.records.is_empty());
    }

    #[test]
    fn finishing_keeps_the_record_and_shows_it_then_restart_keeps_the_answers() {
        let draft = Draft {
            kind: "retail".into(),
            answers: all_done(),
            step: 5,
        };
        let mut s = State::new(draft, History::default());
        s.notice = Some(Notice::NeedKind);
        let s = reduce(
            s,
            Action::Finish {
                date: "2026-12-04T10:00".into(),
            },
        );
        assert_eq!(s.notice, None);
        assert_eq!(s.view, View::Result(0));
        assert_eq!(s.shown(), Some(0));
        let r = &s.history.records[0];
        assert_eq!(
            (r.date.as_str(), r.kind.as_str()),
            ("2026-12-04T10:00", "retail")
        );
        assert_eq!(r.answers, all_done());

        let s = reduce(s, Action::Restart);
        assert_eq!((s.view, s.draft.step), (View::Filling, 0));
        assert_eq!(s.draft.answers, all_done());
        assert_eq!(s.history.records.len(), 1);
        // A second assessment follows the first.
        let s = reduce(
            s,
            Action::Finish {
                date: "2026-12-05T09:00".into(),
            },
        );
        assert_eq!(s.view, View::Result(1));
    }

    #[test]
    fn a_new_kind_drops_only_the_answers_it_cannot_give() {
        let skippable = cl::ITEMS
            .iter()
            .find(|it| {
                BusinessKind::ALL.iter().any(|k| it.may_skip(*k))
                    && BusinessKind::ALL.iter().any(|k| !it.may_skip(*k))
            })
            .expect("an item that only some kinds may skip");
        let (can, cannot) = (
            *BusinessKind::ALL
                .iter()
                .find(|k| skippable.may_skip(**k))
                .unwrap(),
            *BusinessKind::ALL
                .iter()
                .find(|k| !skippable.may_skip(**k))
                .unwrap(),
        );
        let other = cl::ITEMS.iter().find(|it| it.id != skippable.id).unwrap();
        let mut s = reduce(State::default(), Action::SetKind(can));
        s = reduce(s, Action::Answer(skippable.id, Answer::NotApplicable));
        s = reduce(s, Action::Answer(other.id, Answer::Done));
        assert_eq!(s.draft.answers.len(), 2);
        let s = reduce(s, Action::SetKind(cannot));
        assert_eq!(s.draft.kind, cannot.id());
        assert_eq!(s.draft.answers.get(skippable.id), None);
        assert_eq!(
            s.draft.answers.get(other.id).map(String::as_str),
            Some("done")
        );
    }

    #[test]
    fn areas_stay_within_the_checklist() {
        let s = reduce(State::default(), Action::Go(2));
        assert_eq!((s.draft.step, s.step()), (2, 2));
        let s = reduce(s, Action::Go(99));
        assert_eq!(s.step(), Area::ALL.len() - 1);
        // A stored step from elsewhere is shown within range too.
        let s = State::new(
            Draft {
                step: 42,
                ..Draft::default()
            },
            History::default(),
        );
        assert_eq!(s.step(), Area::ALL.len() - 1);
    }

    #[test]
    fn another_tabs_draft_is_taken_but_this_tab_stays_on_its_area() {
        let s = reduce(State::default(), Action::Go(3));
        let theirs = Draft {
            kind: "retail".into(),
            answers: all_done(),
            step: 0,
        };
        let s = reduce(s, Action::Synced(theirs.clone()));
        assert_eq!(s.draft.step, 3);
        assert_eq!(
            (s.draft.kind.as_str(), &s.draft.answers),
            ("retail", &theirs.answers)
        );
    }

    #[test]
    fn a_shown_record_that_goes_away_falls_back_to_the_questions() {
        let record = |date: &str| Record {
            date: date.into(),
            kind: "retail".into(),
            answers: all_done(),
        };
        let two = History {
            records: vec![record("2026-01-01T00:00"), record("2026-02-01T00:00")],
        };
        let s = reduce(State::new(Draft::default(), two), Action::Show(1));
        assert_eq!(s.view, View::Result(1));
        assert_eq!(
            reduce(s.clone(), Action::Show(7)).view,
            View::Result(1),
            "no such record"
        );
        // Another tab (or a wipe) leaves one record: the page shows the questions again.
        let one = History {
            records: vec![record("2026-01-01T00:00")],
        };
        let s = reduce(s, Action::SetHistory(one));
        assert_eq!(s.view, View::Filling);
        // Clear empties the draft only.
        let s = reduce(s, Action::Answer("se-backup", Answer::Done));
        let s = reduce(s, Action::Clear);
        assert_eq!((s.draft, s.history.records.len()), (Draft::default(), 1));
    }

    #[test]
    fn an_import_adds_to_the_history_of_now_without_duplicates() {
        let record = |date: &str| Record {
            date: date.into(),
            kind: "retail".into(),
            answers: all_done(),
        };
        let s = State::new(
            Draft::default(),
            History {
                records: vec![record("2026-03-01T00:00")],
            },
        );
        // Meanwhile another tab added one: the import merges into that, not into what the page
        // had when the file was picked.
        let s = reduce(
            s,
            Action::SetHistory(History {
                records: vec![record("2026-03-01T00:00"), record("2026-04-01T00:00")],
            }),
        );
        let s = reduce(
            s,
            Action::Import(History {
                records: vec![record("2026-01-01T00:00"), record("2026-04-01T00:00")],
            }),
        );
        let dates: Vec<&str> = s.history.records.iter().map(|r| r.date.as_str()).collect();
        assert_eq!(
            dates,
            ["2026-01-01T00:00", "2026-03-01T00:00", "2026-04-01T00:00"]
        );
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let s = Rc::new(State::default());
        let same = s.clone().reduce(Action::Show(0));
        assert!(Rc::ptr_eq(&s, &same), "no re-render for nothing");
    }
}
