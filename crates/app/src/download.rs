//! Files and paper at the edge: saving a file the app made (CSV, JSON, Markdown, Word) to the
//! person's device with a Blob URL and an `<a download>` (which the page's CSP allows),
//! reading a file they pick for import, and printing. Nothing leaves the device.

/// Offers `bytes` as a download named `name`; `false` if the browser would not. In seminar
/// mode the download is counted, so the hand-over dialog can say that files stay on the
/// device (a web page cannot delete them).
#[cfg(target_arch = "wasm32")]
pub fn save_file(bytes: &[u8], name: &str, mime: &str) -> bool {
    use wasm_bindgen::JsCast;
    let run = || -> Option<()> {
        // The URL is revoked when `url` is dropped, after the click has started the download.
        let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(bytes, Some(mime)));
        let doc = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        doc.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        Some(())
    };
    let saved = run().is_some();
    if saved {
        crate::seminar::count_download();
    }
    saved
}

#[cfg(not(target_arch = "wasm32"))]
pub fn save_file(_: &[u8], _: &str, _: &str) -> bool {
    false
}

/// A file picked for import: its name and text.
pub struct Picked {
    pub name: String,
    pub text: String,
}

/// Reads the text of the file picked in `input` (then clears it), and hands it to `done`; a
/// file over [`crate::import::MAX_IMPORT_BYTES`] is refused unread, with a message naming it.
#[cfg(target_arch = "wasm32")]
pub fn read_file(
    input: web_sys::HtmlInputElement,
    done: impl FnOnce(Result<Picked, String>) + 'static,
) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let name = match file.name() {
        n if n.is_empty() => crate::import::unnamed().to_string(),
        n => n,
    };
    if let Err(e) = crate::import::check_size(&name, file.size() as usize) {
        done(Err(e.message()));
        return;
    }
    // The browser's own `Blob.text()`: gloo-file's reader (a FileReader behind a futures
    // channel) added 1.6–1.8 KB brotli to each page that imports a file.
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        done(match text.ok().and_then(|t| t.as_string()) {
            Some(text) => Ok(Picked { name, text }),
            None => Err(crate::import::unreadable(&name)),
        });
    });
}

#[cfg(not(target_arch = "wasm32"))]
pub fn read_file(
    _: web_sys::HtmlInputElement,
    done: impl FnOnce(Result<Picked, String>) + 'static,
) {
    done(Err(crate::import::unreadable("")));
}

/// Opens the browser's print dialog (the page's print stylesheet does the layout).
#[cfg(target_arch = "wasm32")]
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn print() {}
