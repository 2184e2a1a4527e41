//! The island of the seminar bar (see `ouen_app::island`): fetched only on a device in
//! seminar mode.

fn main() {
    #[cfg(target_arch = "wasm32")]
    ouen_app::island::seminar_bar();
}
