//! The wasm of the `rules` page: it links that page and nothing of the others.

use ouen_app::pages::rules::RulesPage;
use yew::prelude::*;

fn main() {
    ouen_app::hydrate(|| html! { <RulesPage /> });
}
