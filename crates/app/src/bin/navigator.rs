//! The wasm of the `navigator` page: it links that page and nothing of the others.

use ouen_app::pages::navigator::NavigatorPage;
use yew::prelude::*;

fn main() {
    ouen_app::hydrate(|| html! { <NavigatorPage /> });
}
