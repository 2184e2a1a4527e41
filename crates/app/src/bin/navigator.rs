//! The wasm of the `navigator` page: it links that page and nothing of the others.

fn main() {
    ouen_app::start(ouen_app::pages::navigator::PAGE);
}
