use leptos::prelude::*;

use crate::components::heading::PageHeading;
use crate::components::notice::Inset;

#[component]
pub fn TrainerPage() -> impl IntoView {
    view! {
        <PageHeading text="Trainer mode"/>
        <p class="body">
            "Trainer mode is for showing the procedures to a room: a demonstration caseload of \
             fictional children, a \u{201c}pretend today is\u{201d} clock, and a walkthrough of each \
             procedure one step per screen. It is kept apart from real cases."
        </p>
        <Inset>"Trainer mode is not available in the pilot yet."</Inset>
    }
}
