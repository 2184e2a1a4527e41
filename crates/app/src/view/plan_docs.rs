//! The plan page's documents: the preview of the two documents and the Markdown and Word
//! exports, an island of their own (`src/bin/plan_docs.rs`, see `crate::island`).
//!
//! Laying the documents out and writing the DOCX (`ouen_rules::plan::documents`, `generate`,
//! `docx`) are about 12 KB brotli that nobody needs to read the page or fill in the form, so
//! the page's wasm does not carry them. The page renders an empty host ([`PlanDocsSlot`])
//! whose attributes carry the open draft as its JSON ([`INPUT_ATTR`]) and the last export asked
//! for ([`EXPORT_ATTR`]: `md:<n>`, `docx:<n>` or `print:<n>`, a new `n` per press); the
//! island ([`PlanDocs`]) follows both. It is fetched when the preview comes near the screen,
//! when the draft first changes, at the first press of an export or print button, and before
//! the browser prints, so it is in place long before anyone prints or exports. An export the
//! browser refuses is reported back with [`EXPORT_FAILED_EVENT`], which the page shows.

// Drawn in the browser only, by the island (the prerenderer draws its starting state).
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::i18n::{m, t};
use crate::tf;
use ouen_rules::json::Json;
use ouen_rules::plan::{documents, PlanDraft, RenderOptions};
use yew::prelude::*;

/// The island's name.
pub const ISLAND: &str = "plan_docs";
/// The host's attribute with the open draft (its JSON, `PlanDraft::to_json`).
pub const INPUT_ATTR: &str = "data-input";
/// The host's attribute with the last export asked for (`md:<n>`, `docx:<n>`, `print:<n>`).
pub const EXPORT_ATTR: &str = "data-export";
/// Sent (bubbling, from the host) when an export could not be saved.
pub const EXPORT_FAILED_EVENT: &str = "ouen-export-failed";

/// The exports made here, by the word in [`EXPORT_ATTR`].
const EXPORTS: [(&str, ouen_rules::plan::Format, &str); 2] = [
    (
        "md",
        ouen_rules::plan::Format::Markdown,
        "text/markdown;charset=utf-8",
    ),
    (
        "docx",
        ouen_rules::plan::Format::Docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
];

/// The file name of a draft's exports, without the extension: the business's name when it
/// has one.
pub fn file_stem(d: &PlanDraft) -> String {
    let name: String = d
        .sme
        .name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(30)
        .collect();
    if name.is_empty() {
        t(m::PLAN_FILE_STEM).into()
    } else {
        tf!(m::PLAN_FILE_STEM_NAMED, name = name)
    }
}

/// The day the documents are made on (the device's today).
pub fn made_on() -> ouen_rules::Date {
    crate::clock::today()
        .unwrap_or_else(|| ouen_rules::Date::from_ymd(2021, 1, 1).expect("a real date"))
}

#[derive(Properties, PartialEq)]
pub struct SlotProps {
    /// The open draft's JSON.
    pub input: AttrValue,
    /// The last export asked for, or empty.
    pub export: AttrValue,
}

/// The host the plan page renders: empty in the browser (the island draws into it), with the
/// draft and the export requests in its attributes. The prerendered page holds the island's
/// starting state (`crate::island::prerendered`), so the preview reads without JavaScript.
#[component]
pub fn PlanDocsSlot(props: &SlotProps) -> Html {
    use_effect_with((), |_| crate::island::open_when_visible(ISLAND));
    let prerendered = crate::island::prerendered(ISLAND);
    html! {
        <div id={crate::island::slot_id(ISLAND)} class="plan-docs-slot"
            data-input={props.input.clone()} data-export={props.export.clone()}>
            // Raw HTML only in the prerendered page (no `innerHTML` in the browser).
            if !prerendered.is_empty() {
                {Html::from_html_unchecked(prerendered)}
            }
        </div>
    }
}

/// The host's two attributes, read together (a press may change both at once).
fn host_attrs() -> (String, String) {
    let attr = |a| crate::island::host_attr(ISLAND, a);
    (attr(INPUT_ATTR), attr(EXPORT_ATTR))
}

/// The draft in the host's JSON (an empty draft when there is none or it does not read).
fn read_draft(input: &str) -> PlanDraft {
    Json::parse(input)
        .ok()
        .and_then(|v| PlanDraft::from_value(v).ok())
        .unwrap_or_default()
}

/// Does what `request` asks for (`<what>:<n>`) with `draft`; `false` when an export could not
/// be saved.
fn perform(request: &str, draft: &PlanDraft) -> bool {
    use ouen_rules::plan::{generate, Output};
    let what = request.split(':').next().unwrap_or_default();
    if what == "print" {
        crate::download::print();
        return true;
    }
    let Some((ext, format, mime)) = EXPORTS.iter().find(|(w, ..)| *w == what) else {
        return true;
    };
    let name = format!("{}.{ext}", file_stem(draft));
    match generate(draft, *format, RenderOptions { made_on: made_on() }) {
        Ok(Output::Text(text)) => crate::download::save_file(text.as_bytes(), &name, mime),
        Ok(Output::Bytes(bytes)) => crate::download::save_file(&bytes, &name, mime),
        Err(_) => false,
    }
}

/// The island's root: the preview of the draft in the host, and the exports it is asked for.
#[component]
pub fn PlanDocs() -> Html {
    let attrs = use_state_eq(host_attrs);
    #[cfg(target_arch = "wasm32")]
    {
        let attrs = attrs.setter();
        use_effect_with((), move |_| {
            crate::island::watch_host(ISLAND, &[INPUT_ATTR, EXPORT_ATTR], move || {
                attrs.set(host_attrs())
            })
        });
    }
    let (input, export) = (*attrs).clone();
    let draft = use_memo(input, |s| read_draft(s));
    // Each request once (one that came before the island, when it was fetched for it, too),
    // after the preview it prints is in the page.
    let done = use_mut_ref(String::new);
    {
        let draft = draft.clone();
        use_effect_with(export, move |request| {
            if !request.is_empty() && *done.borrow() != *request {
                *done.borrow_mut() = request.clone();
                if !perform(request, &draft) {
                    report_failure();
                }
            }
        });
    }
    match documents(&draft, RenderOptions { made_on: made_on() }) {
        // Text nodes only: nothing typed is parsed as HTML, and no `innerHTML` (Trusted Types).
        Ok(docs) => crate::view::document::documents(&docs),
        Err(_) => html! {
            <p class="hint" id="plan-preview-blocked">{t(m::PLAN_PREVIEW_BLOCKED)}</p>
        },
    }
}

/// Tells the page that an export could not be saved ([`EXPORT_FAILED_EVENT`]).
fn report_failure() {
    #[cfg(target_arch = "wasm32")]
    if let Some(h) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&crate::island::slot_id(ISLAND)))
    {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(e) = web_sys::Event::new_with_event_init_dict(EXPORT_FAILED_EVENT, &init) {
            let _ = h.dispatch_event(&e);
        }
    }
}
