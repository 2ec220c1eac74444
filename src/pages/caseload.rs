use care_planner_core::routes::Route;
use leptos::prelude::*;

use crate::components::notice::Inset;
use crate::components::heading::PageHeading;

#[component]
pub fn CaseloadPage() -> impl IntoView {
    view! {
        <PageHeading text="Your caseload"/>
        <p class="body">"There are no cases on this device."</p>
        <Inset>
            "This pilot does not record cases yet. Case records, deadlines and backups are being \
             added; until then nothing you enter is stored."
        </Inset>
        <p class="body">
            <a href=Route::Wizards.href()>"See the guided procedures"</a>
        </p>
    }
}
