//! The island of the plan page's documents: their preview and the Markdown and Word exports
//! (see `ouen_app::view::plan_docs`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    ouen_app::island::plan_docs();
}
