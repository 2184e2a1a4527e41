//! The simulator's state as a pure reducer: the form, and the rules core's verdict on it.

use crate::form::{Field, Form, Mode};
use crate::i18n::locale;
use ouen_rules::{simulate_raw, Date, InputError, Simulation};
use std::rc::Rc;
use yew::Reducible;

/// The cost split, or every problem with the input (one per field at most).
pub type Outcome = Result<Simulation, Vec<InputError>>;

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub form: Form,
    /// Today on this device (the rules core has no clock); `None` in native tests.
    pub today: Option<Date>,
    /// Always computed from `form`: there are no stale numbers.
    pub outcome: Rc<Outcome>,
}

#[derive(Debug)]
pub enum Action {
    SetField(Field, String),
    SetMode(Mode),
    /// Replace the whole form (a preset).
    Load(Form),
    /// Back to the default form (e.g. before passing the tablet to the next person).
    Reset,
}

impl State {
    /// The state without a clock: an empty as-of date means the latest figures.
    #[cfg(test)]
    pub fn new(form: Form) -> State {
        State::on(form, None)
    }

    /// The state where an empty as-of date means `today`.
    pub fn on(form: Form, today: Option<Date>) -> State {
        let outcome = Rc::new(simulate_raw(&form.to_raw_on(today), locale()));
        State {
            form,
            today,
            outcome,
        }
    }

    /// The date the result is computed for: the chosen one, else today.
    pub fn as_of(&self) -> Option<Date> {
        Date::parse(&self.form.as_of).ok().or(self.today)
    }

    /// The form as a shared link should carry it: the as-of date pinned, so that the link
    /// gives the same result on any later day.
    pub fn pinned_form(&self) -> Form {
        let mut form = self.form.clone();
        if form.as_of.trim().is_empty() {
            if let Some(d) = self.today {
                form.as_of = d.to_string();
            }
        }
        form
    }

    /// The problems with the input; empty when the split could be computed.
    pub fn errors(&self) -> &[InputError] {
        match &*self.outcome {
            Ok(_) => &[],
            Err(errors) => errors,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut form = self.form.clone();
        match action {
            Action::SetField(field, value) => form.set(field, value),
            Action::SetMode(mode) => form.mode = mode,
            Action::Load(new) => form = new,
            Action::Reset => form = Form::default(),
        }
        if form == self.form {
            // Same Rc: Yew skips the re-render.
            return self;
        }
        Rc::new(State::on(form, self.today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ouen_rules::format::yen;

    fn self_pay(state: &State) -> String {
        let sim = state.outcome.as_ref().as_ref().expect("valid input");
        yen(sim.self_pay, locale())
    }

    fn reduce(state: State, action: Action) -> Rc<State> {
        Rc::new(state).reduce(action)
    }

    #[test]
    fn starts_from_the_form_it_is_given() {
        let state = State::new(Form::default());
        assert_eq!(self_pay(&state), "6,000円");
        assert!(state.errors().is_empty());
    }

    #[test]
    fn recomputes_on_every_change() {
        let state = reduce(
            State::new(Form::default()),
            Action::SetField(Field::Hours, "２０".into()),
        );
        assert_eq!(state.form.hours, "２０");
        assert_eq!(self_pay(&state), "10,000円");

        // 000 §5, prefecture only: 4,000円/h × 12 h → 6,000円.
        let state = state
            .reduce(Action::SetField(Field::Rate, "4000".into()))
            .reduce(Action::SetField(Field::Hours, "12".into()))
            .reduce(Action::SetMode(Mode::Nagano));
        assert_eq!(state.form.mode, Mode::Nagano);
        assert_eq!(self_pay(&state), "6,000円");
    }

    #[test]
    fn bad_input_gives_errors_and_no_numbers() {
        let state = reduce(
            State::new(Form::default()),
            Action::SetField(Field::Rate, "六千".into()),
        );
        assert!(state.outcome.is_err());
        let errors = state.errors();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, Field::Rate.api_name());
        assert!(errors[0].message(locale()).starts_with("時間単価："));
    }

    #[test]
    fn reset_restores_the_defaults() {
        let form = Form {
            rate: "1".into(),
            mode: Mode::National,
            as_of: "2021-02-05".into(),
            ..Form::default()
        };
        let state = reduce(State::new(form), Action::Reset);
        assert_eq!(*state, State::new(Form::default()));
    }

    #[test]
    fn today_is_the_default_as_of_date_and_links_pin_it() {
        let today = Date::parse("2026-11-22").ok();
        let state = State::on(Form::default(), today);
        let sim = state.outcome.as_ref().as_ref().unwrap();
        assert_eq!(sim.as_of, today);
        // Long closed: the result says so, and is still computed under the rules of the time.
        assert_eq!(self_pay(&state), "6,000円");
        assert!(sim.warnings.iter().any(|w| w.message.contains("終了")));
        assert_eq!(state.pinned_form().as_of, "2026-11-22");
        assert_eq!(state.form.as_of, "");
        // Changes keep the clock.
        let state = Rc::new(state).reduce(Action::SetField(Field::Hours, "20".into()));
        assert_eq!(state.today, today);
        let chosen = state.reduce(Action::SetField(Field::AsOf, "2021-01-15".into()));
        assert_eq!(chosen.as_of(), Date::parse("2021-01-15").ok());
        assert_eq!(chosen.pinned_form().as_of, "2021-01-15");
    }

    #[test]
    fn a_preset_replaces_the_form() {
        let p = ouen_rules::presets::preset("ngn-8").unwrap();
        let state = reduce(
            State::new(Form::default()),
            Action::Load(Form::from_preset(p, "")),
        );
        assert_eq!(state.form.mode, Mode::Nagano);
        assert_eq!(self_pay(&state), "6,000円");
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let state = Rc::new(State::new(Form::default()));
        let same = state.clone().reduce(Action::SetMode(Mode::Combined));
        assert!(Rc::ptr_eq(&state, &same));
        let same = state
            .clone()
            .reduce(Action::SetField(Field::Rate, "6000".into()));
        assert!(Rc::ptr_eq(&state, &same));
    }
}
