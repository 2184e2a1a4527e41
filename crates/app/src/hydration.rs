//! The first render in the browser adopts the prerendered HTML (`Renderer::hydrate`), so it
//! must build exactly what the prerenderer built at build time: the page as it is with nothing
//! from this device. While that render runs the app is *pristine*: storage, the address's
//! fragment and the clock answer as they do at build time (nothing), and writes to them are
//! held back, so no effect of that first pass can overwrite a saved draft with a blank one.
//!
//! Right after, `App` ends the pristine phase and mounts the page again, now reading what this
//! device holds (drafts, a shared link, today's date, seminar mode). Natively (tests and the
//! prerenderer) the app is never pristine: there is no device to read.

use std::cell::Cell;

thread_local! {
    static PRISTINE: Cell<bool> = const { Cell::new(false) };
}

/// Whether the hydrating first render is running.
pub fn pristine() -> bool {
    PRISTINE.with(Cell::get)
}

/// Marks the start (`true`) or the end (`false`) of the hydrating render.
pub fn set_pristine(on: bool) {
    PRISTINE.with(|c| c.set(on));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pristine_phase_is_off_until_a_page_hydrates() {
        assert!(!pristine());
        set_pristine(true);
        assert!(pristine());
        set_pristine(false);
        assert!(!pristine());
    }
}
