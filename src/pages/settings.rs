use leptos::prelude::*;

use crate::components::notice::Inset;
use crate::components::heading::PageHeading;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <PageHeading text="Settings and backup"/>
        <p class="body">
            "Here you will choose your authority's procedures, back up your cases to a file and \
             restore them."
        </p>
        <Inset>"Nothing is stored on this device yet, so there is nothing to back up."</Inset>
    }
}
