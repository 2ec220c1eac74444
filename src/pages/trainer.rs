use care_planner_core::routes::Route;
use care_planner_core::wizards::WizardKind;
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
        <Inset>"The demonstration caseload, the clock and the walkthroughs are not available in the pilot yet."</Inset>
        <h2 class="heading-m">"How each guided procedure flows"</h2>
        <ul class="list" id="flows">
            {WizardKind::ALL
                .into_iter()
                .map(|kind| view! { <li><a href=Route::TrainerFlow(kind).href()>{kind.title()}</a></li> })
                .collect_view()}
        </ul>
    }
}
