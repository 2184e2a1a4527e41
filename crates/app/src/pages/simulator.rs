//! The cost simulator page: state, persistence, and the layout.

use crate::form::Form;
use crate::state::State;
use crate::storage;
use crate::view::chrome::Footer;
use crate::view::form::SimulatorForm;
use crate::view::result::ResultPanel;
use yew::prelude::*;

#[component]
pub fn SimulatorPage() -> Html {
    let state = use_reducer(|| State::new(storage::load().unwrap_or_default()));
    let saved = use_state_eq(|| true);
    {
        let saved = saved.setter();
        use_effect_with(state.form.clone(), move |form: &Form| {
            saved.set(storage::save(form));
        });
    }
    let as_of = state
        .outcome
        .as_ref()
        .as_ref()
        .ok()
        .and_then(|sim| sim.as_of);

    html! {
        <>
            <main class="page">
                <h1 class="page-title">{"費用はいくら？"}</h1>
                <p class="lead">
                    {"IT専門家に支援してもらうときの費用と、国・長野県の補助を計算します。入力するとすぐに結果が変わります。"}
                </p>
                <div class="columns">
                    <SimulatorForm
                        form={state.form.clone()}
                        errors={state.errors().to_vec()}
                        saved={*saved}
                        on_action={state.dispatcher().to_callback()}
                    />
                    <ResultPanel outcome={state.outcome.clone()} mode={state.form.mode} />
                </div>
            </main>
            <Footer {as_of} />
        </>
    }
}
