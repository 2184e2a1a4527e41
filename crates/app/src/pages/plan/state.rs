//! The plan page's state as a pure reducer (as `crate::state` is the simulator's and
//! `pages::checklist::state` the checklist's): the book of named drafts (`plan_book`), the one
//! open in this tab, and the last thing the page has to tell about a file. No clock, no
//! storage, no text: the page keeps the book on the device (`crate::tabs`), reads and writes
//! files, and passes what came of them in as actions; it words a [`Notice`] in the interface's
//! language.

use crate::form::{Form, Mode};
use crate::plan_book::Book;
use crate::wizard::Answers;
use ouen_rules::plan::{example, PlanDraft, PlanField, PlanStep, TEMPLATE_STEPS};
use ouen_rules::Locale;
use std::rc::Rc;
use yew::Reducible;

/// Whether the page has a control (a text box, or radio buttons) for a text of the draft:
/// every one of [`PlanField::TEXTS`] but the contract, always 準委任 (NAT-6), and the expert's
/// prior honorarium, which comes from the simulator (`prefill`). The steps' texts are
/// [`PlanField::StepTitle`] and its siblings, one row each.
pub fn on_form(f: PlanField) -> bool {
    !matches!(f, PlanField::Contract | PlanField::ExpertPriorHonorarium)
}

/// What the page says about the last file brought in or saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A plan file was read into the open draft.
    Imported,
    /// A file was not imported: why, as the importer put it (`crate::import`, which names the
    /// file and the field in the interface's language).
    NotImported(String),
    /// An export could not be saved.
    ExportFailed,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    /// Every draft on this device, the one open in this tab, and the last one deleted.
    pub book: Book,
    pub notice: Option<Notice>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Type into a field of the open draft, a step's too (or choose one of its radio
    /// buttons); a step the draft does not have is nothing.
    Set(PlanField, String),
    /// Whether the expert travels 100 km or more one way.
    SetTravel(bool),
    /// An empty step at the end.
    AddStep,
    /// Swap a step with another (the one above or below it).
    MoveStep { from: usize, to: usize },
    /// Remove the step at this index.
    RemoveStep(usize),
    /// The case study's steps, without hours, in place of the draft's steps.
    TemplateSteps,
    /// The worked example in place of the open draft.
    Example,
    /// A new empty draft, opened.
    New,
    /// A copy of the open draft, opened.
    Duplicate,
    /// Delete the open draft (undo brings it back).
    Delete,
    /// Put the last deleted draft back where it was, and open it.
    Undo,
    /// Open the draft at this index.
    Select(usize),
    /// Rename the open draft.
    Rename(String),
    /// A draft read from a file, in place of the open draft.
    Imported(PlanDraft),
    /// A file that could not be imported, and why (the importer's words).
    NotImported(String),
    /// An export could not be saved.
    ExportFailed,
    /// The book as stored now, merged with what other tabs saved: this tab stays on the draft
    /// it shows, and keeps its undo.
    Synced(Book),
    /// What the simulator and the eligibility wizard already know (read from the device),
    /// filled into the open draft if nothing has been typed into it yet.
    Prefill(Option<Form>, Option<Answers>),
}

/// Fills what the user already told the simulator and the eligibility wizard into the empty
/// fields of a draft (the user never types the same fact twice).
pub fn prefill(d: &mut PlanDraft, form: Option<&Form>, answers: Option<&Answers>) {
    fn fill(slot: &mut String, v: Option<&str>) {
        if let Some(v) = v {
            if slot.trim().is_empty() && !v.trim().is_empty() {
                *slot = v.trim().to_string();
            }
        }
    }
    if let Some(f) = form {
        fill(&mut d.rate, Some(&f.rate));
        fill(&mut d.sme_prior_honorarium, Some(&f.sme_prior_honorarium));
        fill(
            &mut d.expert_prior_honorarium,
            Some(&f.expert_prior_honorarium),
        );
        fill(&mut d.nagano_prior_hours, Some(&f.nagano_prior_hours));
        d.mode = match f.mode {
            Mode::National => "national",
            Mode::Combined => "combined",
            Mode::Nagano => "naganoOnly",
        }
        .into();
        // The simulator's hours go to the first step without hours, when none has any.
        if d.steps.iter().all(|s| s.hours.trim().is_empty()) && !f.hours.trim().is_empty() {
            if let Some(s) = d.steps.first_mut() {
                s.hours = f.hours.trim().to_string();
            }
        }
    }
    if let Some(a) = answers {
        let get = |k: &str| a.values.get(k).map(String::as_str);
        fill(&mut d.sme.location, get("location"));
        fill(&mut d.sme.capital, get("capital"));
        fill(&mut d.sme.employees, get("employees"));
        fill(&mut d.expert.kind, get("expertKind"));
        // The industry goes into the documents, which are Japanese.
        let industry = get("industry").map(|i| {
            ouen_rules::sme::Industry::parse(i)
                .map(|x| x.label(Locale::Ja).to_string())
                .unwrap_or_else(|| i.to_string())
        });
        fill(&mut d.sme.industry, industry.as_deref());
    }
}

impl State {
    pub fn new(book: Book) -> State {
        State { book, notice: None }
    }

    /// The draft open in this tab.
    pub fn draft(&self) -> &PlanDraft {
        &self.book.current().draft
    }

    /// Changes the open draft.
    fn edit(&mut self, f: impl FnOnce(&mut PlanDraft)) {
        let mut d = self.draft().clone();
        f(&mut d);
        self.book.set_current_draft(d);
    }

    /// Carries out an action (what [`Reducible::reduce`] does, on a state of one's own).
    pub fn apply(&mut self, action: Action) {
        let b = &mut self.book;
        match action {
            Action::Set(field, v) => self.edit(|d| {
                if let Some(slot) = field.text_mut(d) {
                    *slot = v;
                }
            }),
            Action::SetTravel(on) => self.edit(|d| d.travel.over100km = on),
            Action::AddStep => self.edit(|d| d.steps.push(PlanStep::default())),
            Action::MoveStep { from, to } => self.edit(|d| {
                if from < d.steps.len() && to < d.steps.len() {
                    d.steps.swap(from, to);
                }
            }),
            Action::RemoveStep(i) => self.edit(|d| {
                if i < d.steps.len() {
                    d.steps.remove(i);
                }
            }),
            Action::TemplateSteps => self.edit(|d| {
                d.steps = TEMPLATE_STEPS
                    .iter()
                    .map(|t| PlanStep {
                        title: (*t).into(),
                        ..PlanStep::default()
                    })
                    .collect();
            }),
            Action::Example => self.edit(|d| *d = example()),
            Action::New => b.add(PlanDraft::default()),
            Action::Duplicate => b.duplicate(),
            Action::Delete => b.delete(),
            Action::Undo => b.undo_delete(),
            Action::Select(i) => b.select(i),
            Action::Rename(name) => b.rename(name),
            Action::Imported(draft) => {
                self.edit(|d| *d = draft);
                self.notice = Some(Notice::Imported);
            }
            Action::NotImported(why) => self.notice = Some(Notice::NotImported(why)),
            Action::ExportFailed => self.notice = Some(Notice::ExportFailed),
            Action::Synced(mut theirs) => {
                theirs.deleted = b.deleted.take();
                let open = &b.current().id;
                if let Some(i) = theirs.drafts.iter().position(|d| &d.id == open) {
                    theirs.current = i;
                }
                *b = theirs;
            }
            Action::Prefill(form, answers) => {
                if *self.draft() == PlanDraft::default() {
                    self.edit(|d| prefill(d, form.as_ref(), answers.as_ref()));
                }
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.apply(action);
        if s == *self {
            // Same Rc: Yew skips the re-render.
            self
        } else {
            Rc::new(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan_book::Named;
    use ouen_rules::plan::check_in;

    fn form() -> impl Iterator<Item = PlanField> {
        PlanField::TEXTS.into_iter().filter(|f| on_form(*f))
    }

    fn reduce(s: State, a: Action) -> State {
        (*Rc::new(s).reduce(a)).clone()
    }

    fn run(s: State, actions: impl IntoIterator<Item = Action>) -> State {
        actions.into_iter().fold(s, reduce)
    }

    fn names(s: &State) -> Vec<&str> {
        s.book.drafts.iter().map(|d| d.name.as_str()).collect()
    }

    /// Three drafts, A, B and C, with B open.
    fn three() -> State {
        let s = run(
            State::default(),
            [
                Action::Rename("A".into()),
                Action::New,
                Action::Rename("B".into()),
                Action::Set(PlanField::SmeName, "株式会社B".into()),
                Action::New,
                Action::Rename("C".into()),
                Action::Select(1),
            ],
        );
        assert_eq!((names(&s), s.book.current), (vec!["A", "B", "C"], 1));
        s
    }

    #[test]
    fn typing_changes_only_the_open_draft() {
        let s = run(
            three(),
            [
                Action::Set(PlanField::SmeAddress, "長野市".into()),
                Action::Set(PlanField::Mode, "national".into()),
                Action::SetTravel(true),
            ],
        );
        let d = s.draft();
        assert_eq!(
            (d.sme.name.as_str(), d.sme.address.as_str(), d.mode.as_str()),
            ("株式会社B", "長野市", "national")
        );
        assert!(d.travel.over100km);
        assert_eq!(s.book.drafts[0].draft, PlanDraft::default());
        assert_eq!(s.book.drafts[2].draft, PlanDraft::default());
        // Every field reads back what was typed into it, and names the field the core checks.
        let mut s = State::default();
        for (n, f) in form().enumerate() {
            s = reduce(s, Action::Set(f, format!("v{n}")));
        }
        for (n, f) in form().enumerate() {
            assert_eq!(f.text(s.draft()), Some(format!("v{n}").as_str()), "{f:?}");
        }
        let checked = check_in(s.draft(), Locale::Ja);
        assert!(checked.errors.len() > 10, "{:?}", checked.errors);
        for e in checked
            .errors
            .iter()
            .filter(|e| !e.field.starts_with("steps"))
        {
            assert!(
                form().any(|f| f.path() == e.field),
                "the core checks {}, which no control types into",
                e.field
            );
        }
    }

    #[test]
    fn steps_are_added_edited_moved_and_removed() {
        let n = PlanDraft::default().steps.len();
        let s = run(
            State::default(),
            [
                Action::Set(PlanField::StepHours(0), "4".into()),
                Action::Set(PlanField::StepDetail(1), "聞き取り".into()),
                Action::MoveStep { from: 1, to: 0 },
                Action::AddStep,
                Action::Set(PlanField::StepTitle(n), "振り返り".into()),
            ],
        );
        let steps = &s.draft().steps;
        assert_eq!(steps.len(), n + 1);
        assert_eq!(
            (steps[0].title.as_str(), steps[0].detail.as_str()),
            (TEMPLATE_STEPS[1], "聞き取り")
        );
        assert_eq!(
            (steps[1].title.as_str(), steps[1].hours.as_str()),
            (TEMPLATE_STEPS[0], "4")
        );
        assert_eq!(steps[n].title, "振り返り");
        let s = reduce(s, Action::RemoveStep(0));
        assert_eq!(s.draft().steps.len(), n);
        assert_eq!(s.draft().steps[0].title, TEMPLATE_STEPS[0]);
        // "Up" from the first step and anything past the last is nothing.
        let same = Rc::new(s);
        for a in [
            Action::MoveStep {
                from: 0,
                to: 0usize.wrapping_sub(1),
            },
            Action::MoveStep { from: n, to: 0 },
            Action::RemoveStep(n),
            Action::Set(PlanField::StepTitle(n), "x".into()),
        ] {
            assert!(Rc::ptr_eq(&same, &same.clone().reduce(a)));
        }
        // The template puts the case study's steps back, without hours.
        let s = reduce((*same).clone(), Action::TemplateSteps);
        assert_eq!(s.draft().steps, PlanDraft::default().steps);
    }

    #[test]
    fn new_duplicate_and_select_open_the_draft_they_make() {
        let s = reduce(three(), Action::Duplicate);
        assert_eq!(names(&s), ["A", "B", "B のコピー", "C"]);
        assert_eq!(s.book.current, 2);
        assert_eq!(s.draft().sme.name, "株式会社B");
        assert_ne!(
            s.book.drafts[2].id, s.book.drafts[1].id,
            "a copy of its own"
        );
        let s = reduce(s, Action::New);
        assert_eq!((s.book.current, s.draft()), (4, &PlanDraft::default()));
        let s = reduce(s, Action::Select(0));
        assert_eq!(s.book.current().name, "A");
        let s = reduce(s, Action::Example);
        assert_eq!(*s.draft(), example());
    }

    #[test]
    fn deleting_then_undoing_restores_the_draft_at_its_place() {
        let before = three();
        let s = reduce(before.clone(), Action::Delete);
        assert_eq!(names(&s), ["A", "C"]);
        assert_eq!(s.book.current().name, "C", "the next one opens");
        assert_eq!(
            s.book.deleted.as_ref().map(|(i, n)| (*i, n.name.as_str())),
            Some((1, "B"))
        );
        let s = reduce(s, Action::Undo);
        assert_eq!(s.book.drafts, before.book.drafts);
        assert_eq!((s.book.current, s.book.deleted.clone()), (1, None));
        // Nothing more to undo.
        let s = Rc::new(s);
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::Undo)));
        // The last draft deleted leaves an empty one open, and comes back before it.
        let s = run(
            State::default(),
            [Action::Set(PlanField::Goals, "g".into()), Action::Delete],
        );
        assert_eq!((s.book.drafts.len(), s.draft()), (1, &PlanDraft::default()));
        let s = reduce(s, Action::Undo);
        assert_eq!((s.book.drafts.len(), s.draft().goals.as_str()), (2, "g"));
    }

    #[test]
    fn another_tabs_book_never_moves_this_tabs_open_draft() {
        let mine = reduce(three(), Action::Delete); // C open, B kept for undo
                                                    // The other tab opened A, added a draft before C and changed C.
        let mut theirs = mine.book.clone();
        theirs.deleted = None;
        let mut c = theirs.drafts[1].draft.clone();
        c.goals = "別のタブで".into();
        theirs.drafts[1].draft = c;
        theirs.drafts.insert(
            1,
            Named {
                id: "x-theirs".into(),
                name: "D".into(),
                draft: PlanDraft::default(),
            },
        );
        theirs.current = 0;
        let s = reduce(mine, Action::Synced(theirs));
        assert_eq!(names(&s), ["A", "D", "C"]);
        assert_eq!(s.book.current().name, "C", "still the draft this tab shows");
        assert_eq!(s.draft().goals, "別のタブで", "with the other tab's change");
        assert_eq!(
            s.book.deleted.as_ref().map(|(_, n)| n.name.as_str()),
            Some("B"),
            "the undo is this tab's"
        );
        // A book without the open draft (deleted there) opens what it says.
        let mut gone = s.book.clone();
        gone.drafts.retain(|d| d.name != "C");
        gone.current = 1;
        gone.deleted = None;
        let s = reduce(s, Action::Synced(gone));
        assert_eq!(
            (names(&s), s.book.current().name.as_str()),
            (vec!["A", "D"], "D")
        );
    }

    #[test]
    fn an_import_goes_into_the_book_as_it_is_now() {
        let s = three();
        // The file is picked, and while it is read another tab renames A.
        let mut theirs = s.book.clone();
        theirs.drafts[0].name = "A（改名）".into();
        let s = reduce(s, Action::Synced(theirs));
        let s = reduce(s, Action::Imported(example()));
        assert_eq!(names(&s), ["A（改名）", "B", "C"], "nothing of now is lost");
        assert_eq!((s.book.current, s.draft()), (1, &example()));
        assert_eq!(s.notice, Some(Notice::Imported));
        // A file refused changes no draft, and says why.
        let why = "ファイル「x.json」は読み込めませんでした".to_string();
        let t = reduce(s.clone(), Action::NotImported(why.clone()));
        assert_eq!(t.book, s.book);
        assert_eq!(t.notice, Some(Notice::NotImported(why)));
        let t = reduce(t, Action::ExportFailed);
        assert_eq!(t.notice, Some(Notice::ExportFailed));
    }

    #[test]
    fn prefill_fills_only_empty_fields_from_the_simulator_and_the_wizard() {
        let form = Form {
            rate: "5000".into(),
            hours: "20".into(),
            mode: Mode::Nagano,
            ..Form::default()
        };
        let mut answers = Answers::default();
        for (k, v) in [
            ("location", "nagano"),
            ("industry", "manufacturing"),
            ("employees", "25"),
            ("capital", "10000000"),
            ("expertKind", "sideJob"),
        ] {
            answers.values.insert(k.into(), v.into());
        }
        let mut d = PlanDraft::default();
        d.sme.employees = "30".into();
        prefill(&mut d, Some(&form), Some(&answers));
        assert_eq!(d.rate, "5000");
        assert_eq!(d.mode, "naganoOnly");
        assert_eq!(d.steps[0].hours, "20");
        assert_eq!(d.sme.location, "nagano");
        assert_eq!(d.sme.industry, "製造業");
        assert_eq!(d.sme.employees, "30", "typed values are kept");
        assert_eq!(d.sme.capital, "10000000");
        assert_eq!(d.expert.kind, "sideJob");

        // As an action: into an untouched draft only.
        let prefill = || Action::Prefill(Some(form.clone()), Some(answers.clone()));
        let s = reduce(State::default(), prefill());
        assert_eq!(
            (s.draft().rate.as_str(), s.draft().mode.as_str()),
            ("5000", "naganoOnly")
        );
        let typed = Rc::new(reduce(
            State::default(),
            Action::Set(PlanField::Goals, "g".into()),
        ));
        assert!(Rc::ptr_eq(&typed, &typed.clone().reduce(prefill())));
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let s = Rc::new(three());
        for a in [
            Action::Select(7),
            Action::Select(1),
            Action::Set(PlanField::SmeName, "株式会社B".into()),
            Action::Rename("B".into()),
            Action::Undo,
            Action::Synced(s.book.clone()),
            Action::Prefill(None, None),
        ] {
            assert!(
                Rc::ptr_eq(&s, &s.clone().reduce(a.clone())),
                "no re-render for {a:?}"
            );
        }
    }
}
