//! Placeholder: this page is being built.

use yew::prelude::*;

#[component]
pub fn NavigatorPage() -> Html {
    html! {
        <main class="page">
            <h1 class="page-title">{"支援策ナビ"}</h1>
            <p>{"このページは準備中です。"}</p>
        </main>
    }
}
