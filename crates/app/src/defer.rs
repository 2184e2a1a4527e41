//! Work that must not hold up a keystroke. A value from `use_deferred` follows its source
//! once the browser has painted the change: the simulator's result updates in the frame of
//! the keystroke, and the what-if charts, which simulate every mode and many rates, follow
//! right after. Natively (tests, the prerenderer) the value is the source itself.

use yew::prelude::*;

/// `value`, as it was when the browser last had time for it.
#[hook]
pub fn use_deferred<T: Clone + PartialEq + 'static>(value: T) -> T {
    let shown = use_state_eq(|| value.clone());
    #[cfg(target_arch = "wasm32")]
    {
        let setter = shown.setter();
        use_effect_with(value, move |v: &T| {
            let v = v.clone();
            // A task after this one: the keystroke's frame is painted first.
            let timeout = gloo_timers::callback::Timeout::new(16, move || setter.set(v));
            move || drop(timeout)
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let setter = shown.setter();
        use_effect_with(value, move |v: &T| setter.set(v.clone()));
    }
    (*shown).clone()
}
