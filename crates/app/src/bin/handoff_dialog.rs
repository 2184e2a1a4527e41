//! The island of the "スマホに持ち帰る" dialog (see `ouen_app::island`): fetched at the first
//! press of the header's button, on any page.

fn main() {
    #[cfg(target_arch = "wasm32")]
    ouen_app::island::handoff_dialog();
}
