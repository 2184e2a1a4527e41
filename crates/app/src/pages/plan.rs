//! Placeholder: the support-plan generator is being built.

use yew::prelude::*;

#[component]
pub fn PlanPage() -> Html {
    html! {
        <main class="page">
            <h1 class="page-title">{"計画書をつくる"}</h1>
            <p>{"このページは準備中です。"}</p>
        </main>
    }
}
