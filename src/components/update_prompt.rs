//! "A new version of Care Planner is ready": shown when public/boot.js finds a new service
//! worker waiting (docs/offline.md). A new version never replaces the running one by
//! itself, because reloading would lose a form being filled in; the person chooses when.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Fired on window by boot.js when a new version is waiting.
const READY_EVENT: &str = "care-planner-update-available";
/// Set on window by boot.js too, for a version found before this component listened.
const READY_FLAG: &str = "carePlannerUpdateReady";
/// Fired on window for boot.js, which activates the waiting version and reloads.
const APPLY_EVENT: &str = "care-planner-apply-update";

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let (ready, set_ready) = signal(flag_is_set());
    let handle = window_event_listener_untyped(READY_EVENT, move |_| set_ready.set(true));
    on_cleanup(move || handle.remove());

    let apply = move |_| {
        if let Ok(event) = web_sys::Event::new(APPLY_EVENT) {
            let _ = window().dispatch_event(&event);
        }
    };

    view! {
        <Show when=move || ready.get()>
            <div class="notification notification--update" role="region" aria-labelledby="update-prompt-title" id="update-prompt">
                <h2 class="notification__heading" id="update-prompt-title">
                    "A new version of Care Planner is ready"
                </h2>
                <p class="body">
                    "Reloading the page starts it. Your saved cases stay on this device, "
                    "but a form you have not saved is cleared: save it first."
                </p>
                <button type="button" class="button" on:click=apply>"Reload to update"</button>
            </div>
        </Show>
    }
}

fn flag_is_set() -> bool {
    js_sys::Reflect::get(&window(), &JsValue::from_str(READY_FLAG)).is_ok_and(|v| v.is_truthy())
}
