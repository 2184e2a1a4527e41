//! The wasm of the `eligibility` page: it links that page and nothing of the others.

use ouen_app::pages::eligibility::EligibilityPage;
use yew::prelude::*;

fn main() {
    ouen_app::hydrate(|| html! { <EligibilityPage /> });
}
