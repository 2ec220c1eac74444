use care_planner_core::routes::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::casebook::{casebook, Lock};
use crate::components::idle_lock::IdleLock;
use crate::components::layout::{Footer, Header, SkipLink};
use crate::components::save_status::SaveStatus;
use crate::components::update_prompt::UpdatePrompt;
use crate::pages;
use crate::router::use_route;

/// The whole app: the GOV.UK-style frame around the page the address names.
#[component]
pub fn App() -> impl IntoView {
    crate::profiles::provide_imported_profiles();
    crate::casebook::provide_casebook();
    let route = use_route();
    // A memo: setting or removing a passphrase (off to unlocked, and back) must not build
    // the page again, which would lose what it says about it.
    let book = casebook();
    let locked = Memo::new(move |_| book.lock.get() == Lock::Locked);

    // After moving to another page, move focus to its heading so that screen readers
    // announce it (the heading also sets the tab title). Not on first load, where focus
    // belongs at the top of the document (the skip link comes first).
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            focus_heading();
        }
        current
    });

    // Locking or unlocking replaces the whole page: focus its heading, so that screen
    // readers announce the lock screen (or the page that is back).
    Effect::new(move |previous: Option<bool>| {
        let now = locked.get();
        if previous.is_some_and(|p| p != now) {
            focus_heading();
        }
        now
    });

    view! {
        <SkipLink/>
        <Header route=route/>
        <IdleLock/>
        <div class="width-container">
            <main class="main" id="main-content" tabindex="-1">
                <UpdatePrompt/>
                // While locked, every address shows only the lock screen.
                {move || if locked.get() {
                    pages::lock_screen::LockScreen().into_any()
                } else {
                    view! { <SaveStatus/> {pages::page_for(route.get())} }.into_any()
                }}
            </main>
        </div>
        <Footer/>
    }
}

fn focus_heading() {
    if let Some(h1) = document()
        .query_selector("#main-content h1")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h1.focus();
    }
}
