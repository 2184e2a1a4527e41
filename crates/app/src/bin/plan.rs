//! The wasm of the `plan` page: it links that page and nothing of the others.

fn main() {
    ouen_app::start(ouen_app::pages::plan::PAGE);
}
