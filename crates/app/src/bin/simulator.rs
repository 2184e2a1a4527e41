//! The wasm of the `simulator` page: it links that page and nothing of the others.

use ouen_app::pages::simulator::SimulatorPage;
use yew::prelude::*;

fn main() {
    ouen_app::hydrate(|| html! { <SimulatorPage /> });
}
