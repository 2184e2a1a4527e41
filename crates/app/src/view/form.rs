//! The simulator's input form. Each field shows its own error right under it.

use crate::form::{Field, Form, Mode};
use crate::i18n::locale;
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
            format!("{name}（円/時）"),
            "IT専門家と決めた1時間あたりの料金（税込）。例：6000",
            "円",
        ),
        Field::Hours => number(
            name.into(),
            "支援を受ける時間の合計。1.5 のような小数も使えます。",
            "時間",
        ),
        Field::SmePrior => number(
            name.into(),
            "第Ⅰ期・第Ⅱ期に、御社の支援で国から支払われた謝金の合計。空欄なら0円です。",
            "円",
        ),
        Field::ExpertPrior => number(
            name.into(),
            "IT専門家にたずねてください。空欄なら0円です。",
            "円",
        ),
        Field::NaganoPriorHours => number(
            name.into(),
            "前の計画で長野県の補助を受けた時間。空欄なら0時間です。",
            "時間",
        ),
        Field::AsOf => FieldText {
            label: name.into(),
            hint: "この日に有効なルールで計算し、受付中かどうかもお知らせします。空欄なら最新の金額で計算します。",
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
    /// Whether the form could be kept on this device.
    pub saved: bool,
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
            <h2 id="form-title">{"条件を入力"}</h2>
            if !props.saved {
                <p class="save-note" id="save-note">
                    {"この端末には入力内容を保存できませんでした。計算はこのまま使えますが、ページを閉じると入力は消えます。"}
                </p>
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
                    <summary>{"これまでの利用（任意）"}</summary>
                    <p class="hint">
                        {"前にも国の制度や長野県の補助を使ったことがある場合に入力します。上限のうち、この計画で使える残りが変わります。"}
                    </p>
                    {text_field(Field::SmePrior)}
                    {text_field(Field::ExpertPrior)}
                    {text_field(Field::NaganoPriorHours)}
                </details>
                <button type="button" class="reset" onclick={onreset}>
                    {"入力を最初の状態に戻す"}
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
            <legend>{"利用する制度"}</legend>
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
