//! The worked examples of the leaflets as one-tap presets, each with its source.

use crate::form::{Form, Mode};
use crate::i18n::{locale, m, t};
use crate::state::Action;
use crate::tf;
use crate::view::cite;
use ouen_rules::format::{hours, yen};
use ouen_rules::presets::PRESETS;
use rust_decimal::Decimal;
use yew::prelude::*;

/// What the examples depend on: a keystroke that changes neither leaves them as they are
/// (Yew compares the props and does not render them again).
#[derive(Properties, PartialEq)]
pub struct PresetsProps {
    /// The id of the example the form is now, if it is one.
    pub current: Option<&'static str>,
    /// The as-of date typed, which loading an example keeps.
    pub as_of: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Presets(props: &PresetsProps) -> Html {
    html! {
        <section class="presets no-print" id="presets" aria-labelledby="presets-title">
            <h2 id="presets-title">{t(m::SIM_PRESETS_TITLE)}</h2>
            <p class="hint">{t(m::SIM_PRESETS_HINT)}</p>
            <ul class="preset-list">
                for p in PRESETS.iter() {
                    {{
                        let mode = Mode::of(p.schemes.national, p.schemes.nagano);
                        let current = props.current == Some(p.id);
                        let as_of = props.as_of.to_string();
                        let onclick = props
                            .on_action
                            .reform(move |_: MouseEvent| Action::Load(Form::from_preset(p, &as_of)));
                        html! {
                            <li>
                                <button
                                    type="button"
                                    class={classes!("preset", current.then_some("preset-current"))}
                                    id={format!("preset-{}", p.id)}
                                    data-golden={p.golden}
                                    aria-pressed={if current { "true" } else { "false" }}
                                    {onclick}
                                >
                                    <span class="preset-title">{p.title(locale())}</span>
                                    <span class="preset-plan">
                                        {tf!(
                                            m::SIM_PRESET_PLAN,
                                            rate = yen(Decimal::from(p.rate), locale()),
                                            hours = hours(Decimal::from(p.hours), locale()),
                                            mode = mode.label()
                                        )}
                                    </span>
                                    <span class="preset-result">
                                        {tf!(m::SIM_PRESET_RESULT, amount = yen(Decimal::from(p.self_pay), locale()))}
                                    </span>
                                    <span class="preset-source">{tf!(m::SIM_PRESET_SOURCE, source = cite(p.source))}</span>
                                </button>
                            </li>
                        }
                    }}
                }
            </ul>
        </section>
    }
}
