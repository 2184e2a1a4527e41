//! "Today" on this device, at the edge: the rules core has no clock.

use ouen_rules::Date;

/// Today's date in the device's time zone.
#[cfg(target_arch = "wasm32")]
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .ok()
}

/// Native builds (tests) have no clock.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> Option<Date> {
    None
}
