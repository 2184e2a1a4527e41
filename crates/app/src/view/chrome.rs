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
    let as_of = match props.as_of {
        Some(d) => format!("基準日：{}", d.format(LOCALE)),
        None => "基準日：指定なし（最新の金額で計算）".to_string(),
    };
    html! {
        <footer class="site-footer">
            <p class="stamp" id="ruleset-stamp">
                {format!("ルール版 {}（{}）", STAMP.version, STAMP.hash)}
            </p>
            <p class="as-of-note">{as_of}</p>
            <p>{"入力した内容は、この端末の中だけで計算・保存されます。"}</p>
        </footer>
    }
}
