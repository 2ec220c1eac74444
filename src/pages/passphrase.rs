//! Settings › Passphrase lock: set, change or remove the passphrase that encrypts the cases
//! on this device, and choose how long the app may stay unlocked unused.

use care_planner_core::encryption::{check_new_passphrase, IDLE_CHOICES};
use care_planner_core::forms::FieldError;
use care_planner_core::routes::Route;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::casebook::{casebook, Lock, PassphraseError};
use crate::components::focus::focus;
use crate::components::form::{error_for, ErrorSummary, TextInput};
use crate::components::heading::PageHeading;
use crate::components::passphrase_fields::NewPassphraseFields;

/// The core names a new passphrase's fields by these ids.
const NEW_IDS: (&str, &str) = ("new-passphrase", "confirm-passphrase");
const NEW_LABELS: (&str, &str) = ("New passphrase", "The new passphrase again");

#[component]
pub fn PassphrasePage() -> impl IntoView {
    let book = casebook();
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let done = RwSignal::new(None::<String>);
    view! {
        <a href=Route::Settings.href() class="back-link">"Back to settings"</a>
        <PageHeading text="Passphrase lock"/>
        <ErrorSummary errors=errors/>
        {move || done.get().map(|d| view! {
            <div class="notification" role="status" id="passphrase-done" tabindex="-1">
                <p class="notification__heading">{d}</p>
            </div>
        })}
        <p class="body">
            "With a passphrase lock, every case on this device is encrypted (AES-GCM, with a key made from \
             your passphrase by PBKDF2 with 600,000 rounds). Care Planner asks for the passphrase when it \
             opens, and locks itself when it has not been used for a while. Nobody, including your IT team, \
             can open the cases without the passphrase, so keep a backup."
        </p>
        {move || {
            if let Some(why) = book.memory_only.get() {
                return view! {
                    <p class="body">{format!("Cases are not kept on this device, so there is nothing to lock: {why}")}</p>
                }.into_any();
            }
            match book.lock.get() {
                Lock::Off => view! { <SetPassphrase set_errors=set_errors errors=errors done=done/> }.into_any(),
                Lock::Unlocked => view! {
                    <p class="body" id="passphrase-state">"The passphrase lock is on: the cases on this device are encrypted."</p>
                    <IdleTime/>
                    <ChangePassphrase set_errors=set_errors errors=errors done=done/>
                    <RemoveLock set_errors=set_errors errors=errors done=done/>
                }.into_any(),
                // Never shown locked (the lock screen is), and briefly while checking.
                Lock::Locked | Lock::Checking => ().into_any(),
            }
        }}
    }
}

/// Turns the core's passphrase problem into the form's error.
fn problem(field: &str, message: impl Into<String>) -> Vec<FieldError> {
    vec![FieldError {
        field: field.into(),
        message: message.into(),
    }]
}

/// New passphrase, twice; `Some` if they can be used, errors set otherwise.
fn checked(
    new: RwSignal<String>,
    again: RwSignal<String>,
    set_errors: WriteSignal<Vec<FieldError>>,
) -> Option<String> {
    let (new, again) = (new.get_untracked(), again.get_untracked());
    match check_new_passphrase(&new, &again) {
        Ok(()) => Some(new),
        Err(p) => {
            set_errors.set(problem(&p.location, p.message));
            None
        }
    }
}

/// The passphrase in use as typed in `field`, unless a change is already under way or the
/// field is empty (then the error is set).
fn current_given(
    busy: RwSignal<bool>,
    current: RwSignal<String>,
    field: &str,
    set_errors: WriteSignal<Vec<FieldError>>,
) -> Option<String> {
    if busy.get_untracked() {
        return None;
    }
    let current = current.get_untracked();
    if current.is_empty() {
        set_errors.set(problem(field, "Enter the passphrase you use now"));
        return None;
    }
    Some(current)
}

/// Runs a change of the lock, with the button busy meanwhile and the outcome shown.
fn run(
    busy: RwSignal<bool>,
    set_errors: WriteSignal<Vec<FieldError>>,
    done: RwSignal<Option<String>>,
    field: &'static str,
    success: &'static str,
    current: String,
    new: Option<String>,
) {
    busy.set(true);
    done.set(None);
    // Read here, in the page's owner: the task below has none.
    let book = casebook();
    spawn_local(async move {
        match book.set_passphrase(&current, new.as_deref()).await {
            Ok(()) => {
                set_errors.set(Vec::new());
                done.set(Some(success.into()));
                focus("passphrase-done");
            }
            // Only a wrong passphrase is about the field; anything else is the page's.
            Err(PassphraseError::Wrong(message)) => set_errors.set(problem(field, message)),
            Err(PassphraseError::Other(message)) => set_errors.set(problem("", message)),
        }
        busy.set(false);
    });
}

#[component]
fn SetPassphrase(
    set_errors: WriteSignal<Vec<FieldError>>,
    errors: ReadSignal<Vec<FieldError>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let (new, again, busy) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(false),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if let Some(passphrase) = checked(new, again, set_errors) {
            run(
                busy,
                set_errors,
                done,
                "new-passphrase",
                "The passphrase lock is on. Every case on this device is now encrypted.",
                String::new(),
                Some(passphrase),
            );
        }
    };
    view! {
        <h2 class="heading-m">"Set a passphrase"</h2>
        <form novalidate on:submit=submit>
            <NewPassphraseFields ids=NEW_IDS labels=NEW_LABELS new=new again=again errors=errors
                hint="At least 10 characters. Three random words are easy to remember and hard to guess."/>
            <button type="submit" class="button" id="set-passphrase" disabled=move || busy.get()>
                {move || if busy.get() { "Encrypting the cases…" } else { "Set passphrase and encrypt the cases" }}
            </button>
        </form>
    }
}

#[component]
fn ChangePassphrase(
    set_errors: WriteSignal<Vec<FieldError>>,
    errors: ReadSignal<Vec<FieldError>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let current = RwSignal::new(String::new());
    let (new, again, busy) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(false),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = current_given(busy, current, "current-passphrase", set_errors) else {
            return;
        };
        if let Some(passphrase) = checked(new, again, set_errors) {
            run(busy, set_errors, done, "current-passphrase",
                "The passphrase has been changed. Every case has been encrypted again under the new one.",
                current, Some(passphrase));
        }
    };
    view! {
        <h2 class="heading-m">"Change the passphrase"</h2>
        <form novalidate on:submit=submit>
            <TextInput id="current-passphrase" label="The passphrase you use now" kind="password"
                autocomplete="current-password" value=current error=error_for(errors, "current-passphrase")/>
            <NewPassphraseFields ids=NEW_IDS labels=NEW_LABELS new=new again=again errors=errors
                hint="At least 10 characters."/>
            <button type="submit" class="button" id="change-passphrase" disabled=move || busy.get()>
                {move || if busy.get() { "Encrypting the cases again…" } else { "Change passphrase" }}
            </button>
        </form>
    }
}

#[component]
fn RemoveLock(
    set_errors: WriteSignal<Vec<FieldError>>,
    errors: ReadSignal<Vec<FieldError>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let (current, busy) = (RwSignal::new(String::new()), RwSignal::new(false));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = current_given(busy, current, "remove-passphrase", set_errors) else {
            return;
        };
        run(
            busy,
            set_errors,
            done,
            "remove-passphrase",
            "The passphrase lock is off. The cases on this device are no longer encrypted.",
            current,
            None,
        );
    };
    view! {
        <h2 class="heading-m">"Remove the lock"</h2>
        <p class="body">"The cases are then kept on this device without encryption, as they were before."</p>
        <form novalidate on:submit=submit>
            <TextInput id="remove-passphrase" label="The passphrase you use now" kind="password"
                autocomplete="current-password" value=current error=error_for(errors, "remove-passphrase")/>
            <button type="submit" class="button button--warning" id="remove-lock" disabled=move || busy.get()>
                "Remove the lock"
            </button>
        </form>
    }
}

/// How long the app may stay unlocked without being used; kept as a preference.
#[component]
fn IdleTime() -> impl IntoView {
    let chosen = RwSignal::new(crate::preferences::idle_lock_minutes());
    let said = RwSignal::new(None::<String>);
    let options = IDLE_CHOICES
        .into_iter()
        .map(|minutes| {
            let id = format!("idle-{minutes}");
            let label = if minutes == 1 { "1 minute".to_string() } else { format!("{minutes} minutes") };
            let label_text = label.clone();
            let choose = move |_| {
                chosen.set(minutes);
                let kept = crate::preferences::set_idle_lock_minutes(minutes);
                said.set(Some(if kept {
                    format!("Care Planner will lock after {label} without use.")
                } else {
                    format!("Care Planner will lock after {label} without use until the page is reloaded (this browser would not keep the choice).")
                }));
            };
            view! {
                <div class="radios__item">
                    <input class="radio" type="radio" id=id.clone() name="idle" value=minutes
                        prop:checked=move || chosen.get() == minutes on:change=choose/>
                    <label for=id>{label_text}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group">
            <fieldset class="fieldset" aria-describedby="idle-hint">
                <legend class="fieldset__legend">
                    <h2 class="heading-m">"Lock after this long without use"</h2>
                </legend>
                <div class="hint" id="idle-hint">"No key press, click, touch or scrolling in this tab."</div>
                {options}
            </fieldset>
            <p class="body" role="status" id="idle-saved">{move || said.get()}</p>
        </div>
    }
}
