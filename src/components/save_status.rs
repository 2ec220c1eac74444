//! Whether the last change was saved: "Saving…", "Saved at 14:03", or why not. Announced
//! politely to screen readers; shown on every page under the header.

use leptos::prelude::*;

use crate::casebook::{casebook, LoadState, SaveState};

#[component]
pub fn SaveStatus() -> impl IntoView {
    let book = casebook();
    view! {
        {move || {
            book.memory_only.get().map(|why| {
                view! {
                    <div class="notification notification--warning" role="region" aria-label="Storage warning">
                        <h2 class="notification__heading">"Cases are not being kept on this device"</h2>
                        <p class="body">{why}</p>
                        <p class="body">
                            "You can still use Care Planner, but anything you record goes when you close this tab. "
                            "Export a backup before you close it."
                        </p>
                    </div>
                }
            })
        }}
        {move || match book.load.get() {
            LoadState::Failed(why) => Some(view! {
                <div class="error-summary" role="alert">
                    <h2 class="error-summary__title">"Your cases could not be loaded"</h2>
                    <p class="body">{why}</p>
                    <p class="body">"Nothing has been deleted. Reload the page to try again."</p>
                </div>
            }),
            _ => None,
        }}
        <p
            class="save-status"
            class:save-status--failed=move || matches!(book.save.get(), SaveState::Failed(_))
            role="status"
            id="save-status"
        >
            {move || match book.save.get() {
                SaveState::Idle => String::new(),
                SaveState::Saving => "Saving…".into(),
                SaveState::Saved(at) => format!("Saved at {at}"),
                SaveState::Failed(why) => format!("Not saved. {why}"),
            }}
        </p>
    }
}
