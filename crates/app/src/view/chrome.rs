//! The page header and footer.

use crate::route::{Link, Route};
use crate::LOCALE;
use ouen_rules::{Date, STAMP};
use yew::prelude::*;

#[component]
pub fn Header() -> Html {
    html! {
        <header class="site-header">
            <p class="brand"><Link to={Route::Home}>{"ouen 応援"}</Link></p>
            <p class="privacy-badge">{"データは端末の外に送信されません"}</p>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The as-of date of the result shown, if one was given.
    pub as_of: Option<Date>,
}

/// The ruleset stamp and the as-of date, on screen and on every printout.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    // Only results computed for a date carry one; other pages show just the stamp.
    let as_of = props
        .as_of
        .map(|d| html! { <p class="as-of-note">{format!("基準日：{}", d.format(LOCALE))}</p> });
    html! {
        <footer class="site-footer">
            <p class="stamp" id="ruleset-stamp">
                {format!("ルール版 {}（{}）", STAMP.version, STAMP.hash)}
            </p>
            {for as_of}
            <p>{"入力した内容は、この端末の中だけで計算・保存されます。"}</p>
        </footer>
    }
}
