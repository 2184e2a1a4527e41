//! Placeholder: this page is being built.

use yew::prelude::*;

#[component]
pub fn ChecklistPage() -> Html {
    html! {
        <main class="page">
            <h1 class="page-title">{"デジタル化チェック"}</h1>
            <p>{"このページは準備中です。"}</p>
        </main>
    }
}
