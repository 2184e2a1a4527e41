//! The wasm of the `home` page: it links that page and nothing of the others.

use ouen_app::pages::home::HomePage;
use yew::prelude::*;

fn main() {
    ouen_app::hydrate(|| html! { <HomePage /> });
}
