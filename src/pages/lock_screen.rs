//! What every page shows while the passphrase lock is locked: the passphrase, and nothing
//! about the cases (not even how many there are).

use care_planner_core::forms::FieldError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::casebook::casebook;
use crate::components::focus::focus;
use crate::components::form::{error_for, ErrorSummary, TextInput};
use crate::components::heading::PageHeading;

#[component]
pub fn LockScreen() -> impl IntoView {
    let book = casebook();
    let passphrase = RwSignal::new(String::new());
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let busy = RwSignal::new(false);
    let problem = |message: String| {
        vec![FieldError {
            field: "passphrase".into(),
            message,
        }]
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let text = passphrase.get_untracked();
        if text.is_empty() {
            set_errors.set(problem("Enter your passphrase".into()));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match book.unlock(&text).await {
                Ok(()) => passphrase.set(String::new()),
                Err(message) => set_errors.set(problem(message)),
            }
            busy.set(false);
        });
    };
    view! {
        <PageHeading text="Care Planner is locked"/>
        <ErrorSummary errors=errors/>
        <p class="body">"Enter your passphrase to see and change the cases on this device."</p>
        <form novalidate on:submit=submit>
            <TextInput id="passphrase" label="Passphrase" value=passphrase kind="password"
                autocomplete="current-password" error=error_for(errors, "passphrase")/>
            <button type="submit" class="button" id="unlock" disabled=move || busy.get()>
                {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
            </button>
        </form>
        <Forgotten/>
    }
}

/// Without the passphrase nobody can read the cases; what is left is to start again.
#[component]
fn Forgotten() -> impl IntoView {
    let book = casebook();
    let confirming = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    let delete = move |_| {
        spawn_local(async move {
            // The lock screen shows no count, so none is checked: the user is deleting
            // whatever is there.
            if let Err(e) = book.delete_all(None).await {
                outcome.set(Some(e.to_string()));
                confirming.set(false);
            } else {
                crate::preferences::clear();
            }
        });
    };
    view! {
        <details class="details">
            <summary class="details__summary">"I have forgotten the passphrase"</summary>
            <div class="details__text">
                <p class="body">
                    "Nobody can open the cases without it: they are encrypted on this device, and the passphrase \
                     is not kept anywhere. You can delete everything Care Planner keeps on this device and start \
                     again, then restore your last backup on the Settings page."
                </p>
                {move || outcome.get().map(|o| view! { <p class="body" role="alert">{o}</p> })}
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="button button--warning" id="forgotten-start"
                            on:click=move |_| { confirming.set(true); focus("forgotten-question") }>
                            "Delete everything on this device"
                        </button>
                    }
                >
                    <div class="warning-text">
                        <span class="warning-text__icon" aria-hidden="true">"!"</span>
                        <span id="forgotten-question" tabindex="-1">
                            <span class="visually-hidden">"Warning: "</span>
                            "This deletes every case on this device and the lock. It cannot be undone."
                        </span>
                    </div>
                    <div class="button-group">
                        <button type="button" class="button button--warning" id="forgotten-confirm" on:click=delete>
                            "Yes, delete everything"
                        </button>
                        <button type="button" class="button button--secondary"
                            on:click=move |_| { confirming.set(false); focus("forgotten-start") }>
                            "Cancel"
                        </button>
                    </div>
                </Show>
            </div>
        </details>
    }
}
