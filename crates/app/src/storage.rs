//! Keeping the form on this device (`localStorage`), at the edge of the app.
//!
//! Storage may be missing or refused (private browsing, blocked site data, a full quota):
//! nothing here panics; the caller learns whether the form was saved.

use crate::form::Form;

const KEY: &str = "ouen.simulator.v1";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The form saved earlier on this device, if there is a readable one.
pub fn load() -> Option<Form> {
    let json = local_storage()?.get_item(KEY).ok().flatten()?;
    Form::from_json(&json)
}

/// Saves the form; `false` when this device would not keep it.
pub fn save(form: &Form) -> bool {
    let (Some(storage), Ok(json)) = (local_storage(), form.to_json()) else {
        return false;
    };
    storage.set_item(KEY, &json).is_ok()
}
