//! Files in and out: reading a file the user chose, and offering text as a download. Both
//! stay on the device; nothing is sent anywhere.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of a chosen file, or `None` if the browser could not read it.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
}

/// Offers `text` as a file called `name` through the browser's usual download; false if the
/// browser could not make the file.
pub fn download(name: &str, text: &str, mime: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let given = match leptos::prelude::document().create_element("a") {
        Ok(link) => {
            let link: web_sys::HtmlAnchorElement = link.unchecked_into();
            link.set_href(&url);
            link.set_download(name);
            link.click();
            true
        }
        Err(_) => false,
    };
    // The click has handed the file to the browser; the address is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    given
}
