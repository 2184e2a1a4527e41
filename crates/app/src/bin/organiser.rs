//! The island of the settings page's view of the seminar tally (see `ouen_app::island`):
//! fetched only once a tally exists or seminar mode is unlocked.

fn main() {
    #[cfg(target_arch = "wasm32")]
    ouen_app::island::organiser();
}
