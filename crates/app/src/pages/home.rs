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
                <Link to={Route::Eligibility} class="tile" id="tile-eligibility">
                    <span class="tile-title">{"対象になる？"}</span>
                    <span class="tile-text">{"いくつかの質問に答えると、国と長野県の支援を使えるか、理由と次にすることがわかります"}</span>
                </Link>
                <Link to={Route::Simulator} class="tile" id="tile-simulator">
                    <span class="tile-title">{"費用はいくら？"}</span>
                    <span class="tile-text">{"時間単価と時間から、国・長野県の補助と自己負担を計算します"}</span>
                </Link>
                <Link to={Route::Plan} class="tile" id="tile-plan">
                    <span class="tile-title">{"計画書をつくる"}</span>
                    <span class="tile-text">{"国の支援計画書と長野県の事業計画書を作り、印刷・Word・Markdownで書き出します"}</span>
                </Link>
                <Link to={Route::Checklist} class="tile" id="tile-checklist">
                    <span class="tile-title">{"デジタル化チェック"}</span>
                    <span class="tile-text">{"自社のデジタル化の進み具合を分野ごとに確かめ、次の一歩と使える支援を示します"}</span>
                </Link>
                <Link to={Route::Rules} class="tile" id="tile-rules">
                    <span class="tile-title">{"ルールと出典"}</span>
                    <span class="tile-text">{"計算に使っているルールの内容・出典と、金額・期限の改定履歴を確かめられます"}</span>
                </Link>
                <Link to={Route::Navigator} class="tile" id="tile-navigator">
                    <span class="tile-title">{"支援策ナビ"}</span>
                    <span class="tile-text">{"やりたいことから、相談窓口・補助金・無料サービスを探します"}</span>
                </Link>
            </nav>
        </main>
    }
}
