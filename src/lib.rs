//! Care Planner's browser app: a thin Leptos UI over `care_planner_core`.
//!
//! Pages render what the core decides; no rule, period or source text lives here.

mod app;
mod casebook;
mod clock;
mod components;
mod files;
mod pages;
mod preferences;
mod profiles;
mod router;
pub mod store;
pub mod vault;

pub use app::App;

use leptos::mount::mount_to;
use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// The element `index.html` reserves for the app; it holds a loading message until then.
const MOUNT_ID: &str = "app";

/// Entry point called by `main`: replaces the loading message with the app, for good.
pub fn start() {
    console_error_panic_hook::set_once();
    let root = document()
        .get_element_by_id(MOUNT_ID)
        .expect("index.html has an element with id=app")
        .unchecked_into::<web_sys::HtmlElement>();
    mount_at(root).forget();
}

/// Mounts the app in `root`, replacing what it holds. Dropping the handle unmounts it
/// (the browser tests mount and unmount one app per test).
pub fn mount_at(
    root: web_sys::HtmlElement,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    root.set_text_content(None);
    mount_to(root, App)
}
