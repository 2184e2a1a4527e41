//! The plan page's preview: the core's documents (`ouen_rules::document`) drawn as Yew
//! nodes, with the same elements and classes as the core's HTML (`plan::render_html`, which
//! the print stylesheet `plan.css` styles). Every string is a text node, so nothing the
//! owner typed is ever parsed as HTML, and the page needs no `innerHTML` (the CSP requires
//! Trusted Types). A keystroke changes only the text nodes it touches.

use ouen_rules::document::{Block, Document};
use yew::prelude::*;

/// Every document as an `<article class="plan-doc">`.
pub fn documents(docs: &[Document]) -> Html {
    docs.iter().map(document).collect()
}

fn document(doc: &Document) -> Html {
    html! {
        <article class="plan-doc">
            <h1>{doc.title.clone()}</h1>
            { for doc.blocks.iter().map(block) }
            <footer class="plan-stamp">{doc.footer.clone()}</footer>
        </article>
    }
}

fn block(b: &Block) -> Html {
    match b {
        Block::Heading(h) => html! { <h2>{h.clone()}</h2> },
        Block::Paragraph(p) => html! { <p>{lines(p)}</p> },
        Block::Fields(rows) => html! {
            <table class="plan-fields"><tbody>
                { for rows.iter().map(|(k, v)| html! {
                    <tr><th scope="row">{k.clone()}</th><td>{lines(v)}</td></tr>
                }) }
            </tbody></table>
        },
        Block::Table { header, rows } => html! {
            <table class="plan-table">
                <thead><tr>
                    { for header.iter().map(|h| html! { <th scope="col">{h.clone()}</th> }) }
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr>{ for r.iter().map(|c| html! { <td>{lines(c)}</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        },
        Block::Notes(ns) => html! {
            <ul class="plan-notes">{ for ns.iter().map(|n| html! { <li>{lines(n)}</li> }) }</ul>
        },
    }
}

/// A multi-line value: its lines as text, a `<br>` between them.
fn lines(s: &str) -> Html {
    s.split('\n')
        .enumerate()
        .map(|(i, line)| {
            html! { <>{ (i > 0).then(|| html! { <br/> }) }{line.to_string()}</> }
        })
        .collect()
}
