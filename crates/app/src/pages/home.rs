//! The home screen: the jobs as large tiles.

use crate::route::{Link, Route};
use yew::prelude::*;

#[component]
pub fn HomePage() -> Html {
    html! {
        <main class="page home">
            <h1 class="page-title">{"デジタル化の支援、使えるか・いくらかを確かめる"}</h1>
            <p class="lead">
                {"IT専門家によるデジタル化支援の費用と補助を、この端末の中だけで計算します。"}
            </p>
            <nav class="tiles" aria-label="できること">
                <Link to={Route::Simulator} class="tile" id="tile-simulator">
                    <span class="tile-title">{"費用はいくら？"}</span>
                    <span class="tile-text">{"時間単価と時間から、国・長野県の補助と自己負担を計算します"}</span>
                </Link>
            </nav>
        </main>
    }
}
