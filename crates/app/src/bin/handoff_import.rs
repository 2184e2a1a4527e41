//! The island that keeps the document of a hand-off link (`#h=…`) the page was opened with
//! (see `ouen_app::island::handoff_import`): fetched only then, never in a first load.

fn main() {
    #[cfg(target_arch = "wasm32")]
    ouen_app::island::handoff_import();
}
