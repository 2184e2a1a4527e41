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
use ouen_rules::json::Json;
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
    /// A copy of the other version is kept on the device after a true conflict
    /// (`storage::keep_other`): the page offers to switch to it or to delete it
    /// ([`conflict_notice`]). Also true after a reload, until one of the two is chosen.
    pub other: bool,
}

/// What the person does about a kept conflict copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Show and keep the copy; what was shown becomes the copy (so switching back is one click).
    Switch,
    /// Delete the copy: what is shown stays.
    Delete,
}

/// What [`use_doc_sync`] gives the page: the [`Status`] (also through `Deref`), and what to
/// call with the person's [`Choice`] about a conflict copy.
#[derive(Clone, PartialEq)]
pub struct Synced {
    pub status: Status,
    pub choose: Callback<Choice>,
}

impl std::ops::Deref for Synced {
    type Target = Status;
    fn deref(&self) -> &Status {
        &self.status
    }
}

/// After a true conflict: what happened (nothing was lost), and the two ways out. Nothing
/// while no copy is kept. `id` names the notice in the page.
pub fn conflict_notice(sync: &Synced, id: &'static str) -> Html {
    use crate::i18n::{m, t};
    if !sync.other {
        return Html::default();
    }
    let switch = sync.choose.reform(|_: MouseEvent| Choice::Switch);
    let delete = sync.choose.reform(|_: MouseEvent| Choice::Delete);
    html! {
        <div class="conflict-notice no-print" role="status" id={id}>
            <p>{t(m::STORAGE_CONFLICT)}</p>
            <button type="button" class="conflict-switch" onclick={switch}>{t(m::STORAGE_CONFLICT_SWITCH)}</button>
            <button type="button" class="conflict-delete" onclick={delete}>{t(m::STORAGE_CONFLICT_DELETE)}</button>
        </div>
    }
}

struct Shared {
    doc: Doc,
    readable: fn(&Json) -> bool,
    merge: MergeFn,
    base: RefCell<Option<Json>>,
    mine: RefCell<Json>,
    apply: RefCell<Callback<Json>>,
    status: RefCell<Status>,
    show: UseStateHandle<Status>,
    /// Another tab deleted the document and this page is reloading: nothing is saved any
    /// more, so what was deleted is never written back.
    left: std::cell::Cell<bool>,
}

impl Shared {
    /// Another tab kept (or deleted) a conflict copy of the document: this tab says so too.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn copy_changed(&self, kept: bool) {
        let status = {
            let mut status = self.status.borrow_mut();
            status.other = kept;
            if !kept {
                status.conflicts.clear();
            }
            status.clone()
        };
        self.show.set(status);
    }

    /// Carries out the person's choice about the conflict copy.
    fn choose(&self, choice: Choice) {
        let (apply, status) = {
            let mut status = self.status.borrow_mut();
            let apply = match (choice, storage::other_copy(self.doc)) {
                (Choice::Switch, Some(copy)) => {
                    let shown = self.mine.borrow().clone();
                    match storage::keep_other(self.doc, Some(&shown)) {
                        Ok(()) => Some(copy),
                        Err(e) => {
                            status.error = Some(e);
                            None
                        }
                    }
                }
                (Choice::Delete, _) | (Choice::Switch, None) => {
                    if let Err(e) = storage::keep_other(self.doc, None) {
                        status.error = Some(e);
                    }
                    status.other = false;
                    status.conflicts.clear();
                    None
                }
            };
            (apply, status.clone())
        };
        // Shown, then saved by the page's next sync (over a base that is what is stored).
        self.show_and_apply(status, apply);
    }

    /// Shows `status`, and `apply` (a value for the page) in the page. No borrow is held
    /// across `set` and `emit`: Yew may render (and sync again) at once.
    fn show_and_apply(&self, status: Status, apply: Option<Json>) {
        self.show.set(status);
        if let Some(v) = apply {
            *self.mine.borrow_mut() = v.clone();
            let apply = self.apply.borrow().clone();
            apply.emit(v);
        }
    }

    fn sync(&self) {
        if self.left.get() {
            return;
        }
        let mine = self.mine.borrow().clone();
        let r = {
            let base = self.base.borrow();
            storage::sync_doc(self.doc, self.readable, base.as_ref(), &mine, self.merge)
        };
        let (apply, status) = {
            let mut status = self.status.borrow_mut();
            let apply = match r {
                Ok(m) => {
                    status.error = None;
                    // Both sides of a true conflict are kept: the other as a copy.
                    if let Some(other) = &m.other {
                        match storage::keep_other(self.doc, Some(other)) {
                            Ok(()) => status.other = true,
                            Err(e) => status.error = Some(e),
                        }
                    }
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
        self.show_and_apply(status, apply);
    }
}

/// Keeps `doc` in step with the other tabs; `mine` is the page's document now, `readable`
/// says whether stored data is one the page can decode (else it is never overwritten), and
/// `apply` shows a merged value in the page.
#[hook]
pub fn use_doc_sync(
    doc: Doc,
    mine: Json,
    readable: fn(&Json) -> bool,
    merge: MergeFn,
    apply: Callback<Json>,
) -> Synced {
    // A copy kept by an earlier conflict is offered again after a reload.
    let show = use_state_eq(|| Status {
        other: storage::other_copy(doc).is_some(),
        ..Status::default()
    });
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
                status: RefCell::new((*show).clone()),
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
    let choose = {
        let shared = (*shared).clone();
        use_callback((), move |c: Choice, _| shared.choose(c))
    };
    Synced {
        status: (*show).clone(),
        choose,
    }
}

/// Follows what other tabs write to the document's key, until the returned guard is dropped.
#[cfg(target_arch = "wasm32")]
fn listen(shared: Rc<Shared>) -> impl FnOnce() {
    use wasm_bindgen::JsCast;
    let key = shared.doc.key();
    let other_key = shared.doc.other_key();
    let listener = web_sys::window().map(|w| {
        gloo_events::EventListener::new(&w, "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            match e.key() {
                Some(k) if k == key => {}
                Some(k) if k == other_key => {
                    shared.copy_changed(e.new_value().is_some());
                    return;
                }
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
        })
    });
    move || drop(listener)
}

#[cfg(not(target_arch = "wasm32"))]
fn listen(shared: Rc<Shared>) -> impl FnOnce() {
    drop(shared);
    || ()
}
