//! A new passphrase typed twice, as the lock and an encrypted backup both ask for it.

use care_planner_core::forms::FieldError;
use leptos::prelude::*;

use crate::components::form::{error_for, TextInput};

#[component]
pub fn NewPassphraseFields(
    /// Ids of the two inputs, which the error summary links to.
    ids: (&'static str, &'static str),
    labels: (&'static str, &'static str),
    hint: &'static str,
    new: RwSignal<String>,
    again: RwSignal<String>,
    errors: ReadSignal<Vec<FieldError>>,
) -> impl IntoView {
    view! {
        <TextInput id=ids.0 label=labels.0 kind="password" autocomplete="new-password" hint=hint
            value=new error=error_for(errors, ids.0)/>
        <TextInput id=ids.1 label=labels.1 kind="password" autocomplete="new-password"
            value=again error=error_for(errors, ids.1)/>
    }
}
