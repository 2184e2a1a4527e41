//! The island of the simulator's what-if charts (see `ouen_app::island`): fetched when their
//! place on the page comes near the screen.

fn main() {
    #[cfg(target_arch = "wasm32")]
    ouen_app::island::whatif();
}
