//! The frame around every page: skip link, header with navigation, phase banner, footer.

use care_planner_core::routes::{NavItem, Route};
use care_planner_core::{SERVICE_NAME, VERSION};
use leptos::prelude::*;

use crate::casebook::{casebook, Lock};
use wasm_bindgen::JsCast;

/// "Skip to main content". Moves focus itself because the fragment is the app's address:
/// following `#main-content` as a link would leave the page's address.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document()
            .get_element_by_id("main-content")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    };
    view! { <a href="#main-content" class="skip-link" on:click=skip>"Skip to main content"</a> }
}

/// The black service header with the main navigation, and the phase banner under it
/// (inside the header landmark, so that every piece of content is in a landmark).
#[component]
pub fn Header(route: ReadSignal<Route>) -> impl IntoView {
    let book = casebook();
    let current = move |item: NavItem| route.with(|r| r.section() == Some(item));
    let nav_items = move || {
        NavItem::ALL
            .into_iter()
            .map(move |item| {
                view! {
                    <li>
                        <a
                            href=item.route().href()
                            class="header__link"
                            aria-current=move || current(item).then_some("page")
                        >
                            {item.label()}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <header>
            <div class="header">
                <div class="width-container header__inner">
                    <a href=Route::Caseload.href() class="header__service">{SERVICE_NAME}</a>
                    <Show when=move || book.lock.get() != Lock::Locked>
                        <nav aria-label="Main">
                            <ul class="header__list">{nav_items()}</ul>
                        </nav>
                    </Show>
                    <Show when=move || book.lock.get() == Lock::Unlocked>
                        <button type="button" class="header__lock" id="lock-now"
                            on:click=move |_| book.lock_now(true)>
                            "Lock"
                        </button>
                    </Show>
                </div>
            </div>
            <div class="width-container">
                <PhaseBanner/>
            </div>
        </header>
    }
}

#[component]
fn PhaseBanner() -> impl IntoView {
    view! {
        <div class="phase-banner">
            <strong class="tag">"Pilot"</strong>
            <span>
                "This is a pilot. Check every date against your local procedures before you rely on it."
            </span>
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <div class="width-container">
                <h2 class="visually-hidden">"Support links"</h2>
                <ul class="footer__links">
                    <li><a href=Route::About.href()>"About"</a></li>
                    <li><a href=Route::Privacy.href()>"Privacy"</a></li>
                </ul>
                <p class="footer__meta">
                    {format!("{SERVICE_NAME} version {VERSION}. Runs in your browser; nothing is sent anywhere.")}
                </p>
            </div>
        </footer>
    }
}
