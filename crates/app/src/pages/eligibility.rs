//! Placeholder: this page is being built.

use yew::prelude::*;

#[component]
pub fn EligibilityPage() -> Html {
    html! {
        <main class="page">
            <h1 class="page-title">{"対象になる？"}</h1>
            <p>{"このページは準備中です。"}</p>
        </main>
    }
}
