//! The wasm of the `settings` page: it links that page and nothing of the others.

use ouen_app::pages::settings::SettingsPage;
use yew::prelude::*;

fn main() {
    ouen_app::hydrate(|| html! { <SettingsPage /> });
}
