//! Saving a file the app made (CSV, JSON, Markdown, Word) to the person's device: a Blob URL
//! and an `<a download>`, which the page's CSP allows. Nothing leaves the device.

/// Offers `bytes` as a download named `name`; `false` if the browser would not.
#[cfg(target_arch = "wasm32")]
pub fn save_file(bytes: &[u8], name: &str, mime: &str) -> bool {
    use wasm_bindgen::JsCast;
    let run = || -> Option<()> {
        let arr = js_sys::Uint8Array::from(bytes);
        let parts = js_sys::Array::of1(&arr);
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let doc = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        doc.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    run().is_some()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn save_file(_: &[u8], _: &str, _: &str) -> bool {
    false
}
