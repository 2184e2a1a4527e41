//! The wasm of the `plan` page: it links that page and nothing of the others.

use ouen_app::pages::plan::PlanPage;
use yew::prelude::*;

fn main() {
    ouen_app::hydrate(|| html! { <PlanPage /> });
}
