//! Placeholder: this page is being built.

use yew::prelude::*;

#[component]
pub fn RulesPage() -> Html {
    html! {
        <main class="page">
            <h1 class="page-title">{"ルールと出典"}</h1>
            <p>{"このページは準備中です。"}</p>
        </main>
    }
}
