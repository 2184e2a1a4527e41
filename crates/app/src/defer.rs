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
            // The keystroke's frame is painted first.
            let later = after_paint(move || setter.set(v));
            move || drop(later)
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let setter = shown.setter();
        use_effect_with(value, move |v: &T| setter.set(v.clone()));
    }
    (*shown).clone()
}

/// Runs `f` once the browser has painted what changed so far: in a task of its own after the
/// next animation frame (a timer of a few milliseconds could fire before that frame and hold
/// it up). Dropping the handle first cancels it. A hidden page paints no frame: `f` waits
/// until the page is shown again.
#[cfg(target_arch = "wasm32")]
pub fn after_paint(f: impl FnOnce() + 'static) -> AfterPaint {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    let live = Rc::new(Cell::new(true));
    let still = live.clone();
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        if still.get() {
            gloo_timers::callback::Timeout::new(0, move || {
                if still.get() {
                    f();
                }
            })
            .forget();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(frame.unchecked_ref());
    }
    AfterPaint(live)
}

/// Work waiting for [`after_paint`]; dropped, it is called off.
#[cfg(target_arch = "wasm32")]
pub struct AfterPaint(std::rc::Rc<std::cell::Cell<bool>>);

#[cfg(target_arch = "wasm32")]
impl Drop for AfterPaint {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

/// A part of a page that is drawn a moment after the rest of it, so the page's first draw in
/// the browser (one long task, which holds up everything the user does meanwhile) covers only
/// what is on the screen first. Until then the part shows what the prerenderer drew for it:
/// `start` takes those copies out of the prerendered page ([`keep_prerendered`]) and a
/// `Later` puts its own back, inert, so nothing flashes and nothing in it answers a press
/// before it is live. Each part is drawn in a task of its own, in page order, and
/// `<html data-ready>` waits for the last ([`when_drawn`]). A part has a name, unique on its
/// page; parts are never nested. Natively (the prerenderer, tests) it is drawn at once.
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    pub name: AttrValue,
    /// The part is its one child, which carries `data-later={name}` itself: a list's items,
    /// where a wrapper would break the list.
    #[prop_or_default]
    pub bare: bool,
    /// The part is not what the prerenderer drew (the page's state came from storage, say):
    /// it is drawn at once, and its copy, which would show the wrong thing for a moment, is
    /// dropped.
    #[prop_or_default]
    pub now: bool,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Later(props: &LaterProps) -> Html {
    #[cfg(target_arch = "wasm32")]
    {
        // The copy while it is shown; `None` once the part is drawn (or had no copy).
        let (name, now) = (props.name.clone(), props.now);
        let copy = use_state(move || web::take(&name, now));
        {
            let copy = copy.clone();
            use_effect_with((), move |_| {
                let timeout = copy.is_some().then(|| {
                    let token = web::Waiting;
                    let copy = copy.setter();
                    gloo_timers::callback::Timeout::new(0, move || {
                        copy.set(None);
                        drop(token);
                    })
                });
                move || drop(timeout)
            });
        }
        if let Some(copy) = &*copy {
            return Html::VRef(copy.clone().into());
        }
    }
    if props.bare {
        return props.children.clone();
    }
    html! { <div class="later" data-later={props.name.clone()}>{props.children.clone()}</div> }
}

/// Runs `f` once every [`Later`] part of the page is drawn (at once if none is waiting).
#[cfg(target_arch = "wasm32")]
pub fn when_drawn(f: impl FnOnce() + 'static) {
    web::when_drawn(Box::new(f));
}

/// Takes the prerendered copies of the [`Later`] parts out of `root`, before it is cleared.
#[cfg(target_arch = "wasm32")]
pub fn keep_prerendered(root: &web_sys::Element) {
    web::keep(root);
}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::{Cell, RefCell};
    use web_sys::Element;

    thread_local! {
        /// The prerendered parts not yet claimed by their `Later`, by name.
        static KEPT: RefCell<Vec<(String, Element)>> = const { RefCell::new(Vec::new()) };
        /// Parts still showing their copy.
        static WAITING: Cell<usize> = const { Cell::new(0) };
        /// What runs once none is waiting.
        static THEN: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
    }

    pub fn keep(root: &Element) {
        while let Ok(Some(part)) = root.query_selector("[data-later]") {
            part.remove();
            let _ = part.set_attribute("inert", "");
            let name = part.get_attribute("data-later").unwrap_or_default();
            KEPT.with_borrow_mut(|kept| kept.push((name, part)));
        }
    }

    /// The copy of part `name`; from here on the page waits for that part (counted as the
    /// page is drawn, before any effect asks [`when_drawn`]), until its [`Waiting`] is dropped.
    /// `now`: the part is drawn at once, and its copy is only dropped.
    pub fn take(name: &str, now: bool) -> Option<Element> {
        let copy = KEPT.with_borrow_mut(|kept| {
            let i = kept.iter().position(|(n, _)| n == name)?;
            Some(kept.swap_remove(i).1)
        });
        let copy = copy.filter(|_| !now);
        if copy.is_some() {
            WAITING.set(WAITING.get() + 1);
        }
        copy
    }

    /// A part taken with [`take`] that shows its copy, until this is dropped (drawn, or the
    /// part went away).
    pub struct Waiting;

    impl Drop for Waiting {
        fn drop(&mut self) {
            WAITING.set(WAITING.get().saturating_sub(1));
            if WAITING.get() == 0 {
                for f in THEN.take() {
                    f();
                }
            }
        }
    }

    pub fn when_drawn(f: Box<dyn FnOnce()>) {
        if WAITING.get() == 0 {
            f();
        } else {
            THEN.with_borrow_mut(|then| then.push(f));
        }
    }
}
