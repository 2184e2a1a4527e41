//! One document kept in step across the tabs of this browser: the browser side of
//! `crate::sync`. A page hands [`use_doc_sync`] its document as JSON on every render; on
//! every change, and whenever another tab writes the document's key (the `storage` event,
//! which fires in the *other* tabs of the origin), the hook merges this tab's value with the
//! stored one against the base it last loaded or saved (`storage::sync_doc`), writes the
//! result, and gives it back to the page (`apply`) when it differs from what the page shows.
//! A field the other tab did not touch keeps what is being typed here. A document deleted in
//! another tab is deleted here too: the page starts again from what is stored.

use crate::storage::{self, Doc, Held, SaveError};
use crate::sync::MergeFn;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The outcome of the saves so far, for the page's notices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Status {
    /// Why the last save could not keep the document, if it could not.
    pub error: Option<SaveError>,
    /// Every conflict met since the page opened (field paths; for the plan book, the
    /// conflict copies' names): shown until the page is left.
    pub conflicts: Vec<String>,
}

struct Shared {
    doc: Doc,
    readable: fn(&Value) -> bool,
    merge: MergeFn,
    base: RefCell<Option<Value>>,
    mine: RefCell<Value>,
    apply: RefCell<Callback<Value>>,
    status: RefCell<Status>,
    show: UseStateHandle<Status>,
    /// Another tab deleted the document and this page is reloading: nothing is saved any
    /// more, so what was deleted is never written back.
    left: std::cell::Cell<bool>,
}

impl Shared {
    fn sync(&self) {
        if self.left.get() {
            return;
        }
        let mine = self.mine.borrow().clone();
        let r = {
            let base = self.base.borrow();
            storage::sync_doc(self.doc, self.readable, base.as_ref(), &mine, self.merge)
        };
        // No borrow is held across `set` and `emit`: Yew may render (and run this again) at once.
        let (apply, status) = {
            let mut status = self.status.borrow_mut();
            let apply = match r {
                Ok(m) => {
                    status.error = None;
                    status.conflicts.extend(m.conflicts);
                    *self.base.borrow_mut() = Some(m.value.clone());
                    (m.value != mine).then_some(m.value)
                }
                Err(e) => {
                    status.error = Some(e);
                    None
                }
            };
            (apply, status.clone())
        };
        self.show.set(status);
        if let Some(v) = apply {
            *self.mine.borrow_mut() = v.clone();
            let apply = self.apply.borrow().clone();
            apply.emit(v);
        }
    }
}

/// Keeps `doc` in step with the other tabs; `mine` is the page's document now, `readable`
/// says whether stored data is one the page can decode (else it is never overwritten), and
/// `apply` shows a merged value in the page.
#[hook]
pub fn use_doc_sync(
    doc: Doc,
    mine: Value,
    readable: fn(&Value) -> bool,
    merge: MergeFn,
    apply: Callback<Value>,
) -> Status {
    let show = use_state_eq(Status::default);
    let shared = {
        let show = show.clone();
        let mine = mine.clone();
        let apply = apply.clone();
        use_memo((), move |_| {
            let base = match storage::held_now(doc) {
                Held::Data(v) => Some(v),
                _ => None,
            };
            Rc::new(Shared {
                doc,
                readable,
                merge,
                base: RefCell::new(base),
                mine: RefCell::new(mine),
                apply: RefCell::new(apply),
                status: RefCell::new(Status::default()),
                show,
                left: std::cell::Cell::new(false),
            })
        })
    };
    *shared.mine.borrow_mut() = mine.clone();
    *shared.apply.borrow_mut() = apply;
    {
        let shared = (*shared).clone();
        use_effect_with(mine, move |_| shared.sync());
    }
    {
        let shared = (*shared).clone();
        use_effect_with((), move |_| listen(shared));
    }
    (*show).clone()
}

/// Follows what other tabs write to the document's key.
#[cfg(target_arch = "wasm32")]
fn listen(shared: Rc<Shared>) -> impl FnOnce() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let key = shared.doc.key();
    let on_storage =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            match e.key() {
                Some(k) if k == key => {}
                None => {} // the other tab cleared everything
                Some(_) => return,
            }
            if e.new_value().is_none() {
                // Deleted there ("delete all data", or 「次の方へ」 at a seminar): the document
                // is gone here too. The page starts again from what is stored, so that this
                // tab neither shows nor writes back what was deleted.
                shared.left.set(true);
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
                return;
            }
            shared.sync();
        });
    let window = web_sys::window();
    if let Some(w) = &window {
        let _ = w.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    }
    move || {
        if let Some(w) = window {
            let _ = w.remove_event_listener_with_callback(
                "storage",
                on_storage.as_ref().unchecked_ref(),
            );
        }
        drop(on_storage);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn listen(shared: Rc<Shared>) -> impl FnOnce() {
    drop(shared);
    || ()
}
