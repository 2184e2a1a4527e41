//! Writes every route's page in both languages, rendered by Yew's server renderer, so the HTML
//! as served already holds the page's heading, text and form; the route's wasm then draws
//! it anew with the device's data (`ouen_app::start`). Run by `cargo xtask dist`:
//!
//! `prerender <template.html> <out dir>` writes `index.html`, `simulator/index.html`, …,
//! `en/index.html`, `en/simulator/index.html`, …, and `404.html`, `en/404.html`.

use ouen_app::i18n::{self, m, t};
use ouen_app::island::{self, PLAN_DOCS, WHATIF};
use ouen_app::{pages, App, AppProps, Route};
use ouen_rules::Locale;
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [template, out] = args.as_slice() else {
        eprintln!("usage: prerender <template.html> <out dir>");
        std::process::exit(2);
    };
    let template = std::fs::read_to_string(template).unwrap_or_else(|e| fail(template, e));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap_or_else(|e| fail("tokio runtime", e));
    let local = tokio::task::LocalSet::new();
    let mut written = 0;
    for locale in [Locale::Ja, Locale::En] {
        for route in Route::ALL.into_iter().chain([Route::NotFound]) {
            i18n::set_locale(locale);
            // The simulator's what-if charts are an island: drawn here into the page too.
            let charts = match route {
                Route::Simulator => local.block_on(&runtime, island::render_whatif()),
                _ => String::new(),
            };
            island::set_prerendered(WHATIF, charts);
            // So are the plan's documents (an empty draft's: what to fix first).
            let docs = match route {
                Route::Plan => local.block_on(&runtime, island::render_plan_docs()),
                _ => String::new(),
            };
            island::set_prerendered(PLAN_DOCS, docs);
            let app = local.block_on(&runtime, render(route));
            let html = page(&template, route, locale, &app);
            let file = file_for(Path::new(out), route, locale);
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(dir.display(), e));
            }
            std::fs::write(&file, html).unwrap_or_else(|e| fail(file.display(), e));
            written += 1;
        }
    }
    eprintln!("prerender: wrote {written} pages to {out}");
}

fn fail(what: impl std::fmt::Display, e: impl std::fmt::Display) -> ! {
    eprintln!("prerender: {what}: {e}");
    std::process::exit(1);
}

async fn render(route: Route) -> String {
    let props = AppProps {
        route,
        page: pages::page(route),
    };
    // Plain HTML: the browser draws the page anew (`ouen_app::start`), adopting nothing.
    yew::LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// Where a route's page goes: its address as a folder with an `index.html`.
fn file_for(out: &Path, route: Route, locale: Locale) -> PathBuf {
    let dir = match locale {
        Locale::Ja => out.to_path_buf(),
        Locale::En => out.join("en"),
    };
    match route {
        Route::Home => dir.join("index.html"),
        Route::NotFound => dir.join("404.html"),
        r => dir.join(r.slug()).join("index.html"),
    }
}

/// The template with the page's language, title, wasm and rendered app filled in.
fn page(template: &str, route: Route, locale: Locale, app: &str) -> String {
    let title = match pages::title(route) {
        Some(name) => format!("{} — {}", t(name), t(m::APP_BRAND)),
        None => t(m::APP_DOC_TITLE).to_string(),
    };
    // The not-found page runs the home page's wasm (`App` draws the not-found text); an
    // English page its English wasm (`<route>_en`: the catalogue of one language only).
    let slug = match route {
        Route::NotFound => Route::Home.slug(),
        r => r.slug(),
    };
    let wasm = match locale {
        Locale::Ja => slug.to_string(),
        Locale::En => format!("{slug}_en"),
    };
    let fills = [
        ("{{lang}}", i18n::code(locale).to_string()),
        ("{{title}}", escape(&title)),
        ("{{description}}", escape(t(m::APP_DESCRIPTION))),
        ("{{href_ja}}", route.href(Locale::Ja)),
        ("{{href_en}}", route.href(Locale::En)),
        ("{{wasm}}", wasm.to_string()),
        ("{{page_css}}", page_css(route)),
        ("{{noscript}}", escape(t(m::APP_NOSCRIPT))),
        ("{{offline}}", escape(t(m::APP_OFFLINE))),
        ("{{update}}", escape(t(m::APP_UPDATE_AVAILABLE))),
        ("{{reload}}", escape(t(m::APP_UPDATE_RELOAD))),
        ("{{loading}}", escape(t(m::APP_UPDATE_LOADING))),
        ("{{failed}}", escape(t(m::APP_LOAD_FAILED))),
        ("{{app}}", app.to_string()),
    ];
    let mut html = template.to_string();
    for (key, value) in fills {
        if !html.contains(key) {
            fail("template", format!("has no {key}"));
        }
        html = html.replace(key, &value);
    }
    html
}

/// The stylesheet of the route's own page, if it has one (every page has `style.css`: the
/// frame, the header and its tools, what several pages share). The settings page has
/// `seminar.css`, which elsewhere `main.js` links only when an island that draws with it opens.
fn page_css(route: Route) -> String {
    let sheet = match route {
        Route::Eligibility | Route::Navigator => "eligibility.css",
        Route::Checklist => "checklist.css",
        Route::Simulator => "simulator.css",
        Route::Plan => "plan.css",
        Route::Rules => "rules.css",
        Route::Settings => "seminar.css",
        _ => return String::new(),
    };
    format!("\n<link rel=\"stylesheet\" href=\"/{sheet}\">")
}

/// Text for an HTML attribute or element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
