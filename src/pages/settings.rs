use leptos::prelude::*;

use crate::components::notice::Inset;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <h1 class="heading-xl" tabindex="-1">"Settings and backup"</h1>
        <p class="body">
            "Here you will choose your authority's procedures, back up your cases to a file and \
             restore them."
        </p>
        <Inset>"Nothing is stored on this device yet, so there is nothing to back up."</Inset>
    }
}
