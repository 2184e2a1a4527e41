//! The wasm of the `checklist` page: it links that page and nothing of the others.

use ouen_app::pages::checklist::ChecklistPage;
use yew::prelude::*;

fn main() {
    ouen_app::hydrate(|| html! { <ChecklistPage /> });
}
