//! The simulator's input form. Each field shows its own error right under it.

use crate::form::{Field, Form, Mode};
use crate::i18n::{locale, m, t};
use crate::state::Action;
use ouen_rules::input::field_label;
use ouen_rules::InputError;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How a text field is presented.
struct FieldText {
    label: String,
    hint: &'static str,
    /// Shown after the input (the label or hint says it too).
    unit: Option<&'static str>,
    /// `None` for a date picker.
    inputmode: Option<&'static str>,
}

fn field_text(field: Field) -> FieldText {
    // The rules core's name for the field, so that the label matches its error messages.
    let name = field_label(field.api_name(), locale());
    let number = |label: String, hint, unit| FieldText {
        label,
        hint,
        unit: Some(unit),
        inputmode: Some("decimal"),
    };
    match field {
        Field::Rate => number(
            crate::tf!(m::SIM_RATE_LABEL, name = name),
            t(m::SIM_RATE_HINT),
            t(m::SIM_UNIT_YEN),
        ),
        Field::Hours => number(name.into(), t(m::SIM_HOURS_HINT), t(m::SIM_UNIT_HOURS)),
        Field::SmePrior => number(name.into(), t(m::SIM_SME_PRIOR_HINT), t(m::SIM_UNIT_YEN)),
        Field::ExpertPrior => number(name.into(), t(m::SIM_EXPERT_PRIOR_HINT), t(m::SIM_UNIT_YEN)),
        Field::NaganoPriorHours => number(
            name.into(),
            t(m::SIM_NAGANO_PRIOR_HINT),
            t(m::SIM_UNIT_HOURS),
        ),
        Field::AsOf => FieldText {
            label: name.into(),
            hint: t(m::SIM_AS_OF_HINT),
            unit: None,
            inputmode: None,
        },
    }
}

/// The error about `field` (its name in the rules core), in words.
pub fn error_for(errors: &[InputError], field: &str) -> Option<AttrValue> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message(locale()).into())
}

#[derive(Properties, PartialEq)]
pub struct SimulatorFormProps {
    pub form: Form,
    pub errors: Vec<InputError>,
    /// Why the form could not be kept on this device, if it could not.
    pub save_note: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn SimulatorForm(props: &SimulatorFormProps) -> Html {
    let form = &props.form;
    // Open the optional section at start if something was typed there before; after that it
    // is the person's to open and close.
    let prior_open = use_state(|| {
        [Field::SmePrior, Field::ExpertPrior, Field::NaganoPriorHours]
            .iter()
            .any(|&f| !form.get(f).trim().is_empty())
    });
    let text_field = |field: Field| {
        html! {
            <TextField
                {field}
                value={form.get(field).to_string()}
                error={error_for(&props.errors, field.api_name())}
                on_action={props.on_action.clone()}
            />
        }
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let onreset = props.on_action.reform(|_: MouseEvent| Action::Reset);

    html! {
        <section class="panel sim-form" aria-labelledby="form-title">
            <h2 id="form-title">{t(m::SIM_FORM_TITLE)}</h2>
            if let Some(note) = &props.save_note {
                <p class="save-note" id="save-note" role="status">{note.clone()}</p>
            }
            <form {onsubmit} novalidate=true>
                {text_field(Field::Rate)}
                {text_field(Field::Hours)}
                <ModeField
                    mode={form.mode}
                    error={error_for(&props.errors, "schemes")}
                    on_action={props.on_action.clone()}
                />
                <details class="prior" open={*prior_open}>
                    <summary>{t(m::SIM_PRIOR_SUMMARY)}</summary>
                    <p class="hint">{t(m::SIM_PRIOR_HINT)}</p>
                    {text_field(Field::SmePrior)}
                    {text_field(Field::ExpertPrior)}
                    {text_field(Field::NaganoPriorHours)}
                </details>
                <button type="button" class="reset" onclick={onreset}>
                    {t(m::SIM_RESET)}
                </button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TextFieldProps {
    field: Field,
    value: AttrValue,
    error: Option<AttrValue>,
    on_action: Callback<Action>,
}

#[component]
fn TextField(props: &TextFieldProps) -> Html {
    let field = props.field;
    let text = field_text(field);
    let id = field.id();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let invalid = props.error.is_some();
    let oninput = props.on_action.reform(move |e: InputEvent| {
        Action::SetField(field, e.target_unchecked_into::<HtmlInputElement>().value())
    });

    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={id}>{text.label}</label>
            <p class="hint" id={hint_id.clone()}>{text.hint}</p>
            <div class="input-row">
                <input
                    {id}
                    name={id}
                    type={if text.inputmode.is_some() { "text" } else { "date" }}
                    inputmode={text.inputmode}
                    autocomplete="off"
                    value={props.value.clone()}
                    {oninput}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={if invalid { error_id.clone() } else { hint_id }}
                />
                if let Some(unit) = text.unit {
                    <span class="unit" aria-hidden="true">{unit}</span>
                }
            </div>
            if let Some(error) = &props.error {
                <p class="error" id={error_id}>{error.clone()}</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ModeFieldProps {
    mode: Mode,
    error: Option<AttrValue>,
    on_action: Callback<Action>,
}

/// 国の制度のみ / 国＋長野県 / 長野県のみ (NGN-4).
#[component]
fn ModeField(props: &ModeFieldProps) -> Html {
    html! {
        <fieldset
            class="field modes"
            id="mode"
            aria-describedby={props.error.is_some().then_some("mode-error")}
        >
            <legend>{t(m::SIM_MODES)}</legend>
            for mode in Mode::ALL {
                <label class="mode-option" for={format!("mode-{}", mode.value())}>
                    <input
                        type="radio"
                        id={format!("mode-{}", mode.value())}
                        name="mode"
                        value={mode.value()}
                        checked={props.mode == mode}
                        onchange={props.on_action.reform(move |_: Event| Action::SetMode(mode))}
                    />
                    <span class="mode-text">
                        <span class="mode-label">{mode.label()}</span>
                        <span class="mode-description">{mode.description()}</span>
                    </span>
                </label>
            }
            if let Some(error) = &props.error {
                <p class="error" id="mode-error">{error.clone()}</p>
            }
        </fieldset>
    }
}
