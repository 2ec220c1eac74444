//! Moving keyboard focus after the page changes under it (a section swapped, a list
//! re-rendered), so that keyboard and screen reader users are not dropped to the top.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with this id once the page has re-rendered.
pub fn focus(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}
