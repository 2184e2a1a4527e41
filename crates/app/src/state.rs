//! The simulator's state as a pure reducer: the form, and the rules core's verdict on it.

use crate::form::{Field, Form, Mode};
use crate::LOCALE;
use ouen_rules::{simulate_raw, InputError, Simulation};
use std::rc::Rc;
use yew::Reducible;

/// The cost split, or every problem with the input (one per field at most).
pub type Outcome = Result<Simulation, Vec<InputError>>;

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub form: Form,
    /// Always computed from `form`: there are no stale numbers.
    pub outcome: Rc<Outcome>,
}

#[derive(Debug)]
pub enum Action {
    SetField(Field, String),
    SetMode(Mode),
    /// Back to the default form (e.g. before passing the tablet to the next person).
    Reset,
}

impl State {
    pub fn new(form: Form) -> State {
        let outcome = Rc::new(simulate_raw(&form.to_raw(), LOCALE));
        State { form, outcome }
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
            Action::Reset => form = Form::default(),
        }
        if form == self.form {
            // Same Rc: Yew skips the re-render.
            return self;
        }
        Rc::new(State::new(form))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ouen_rules::format::yen;

    fn self_pay(state: &State) -> String {
        let sim = state.outcome.as_ref().as_ref().expect("valid input");
        yen(sim.self_pay, LOCALE)
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
        assert!(errors[0].message(LOCALE).starts_with("時間単価："));
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
