use care_planner_core::examples::{example, IDS};
use care_planner_core::routes::Route;
use leptos::prelude::*;

use crate::clock::today;
use crate::components::heading::PageHeading;
use crate::components::notice::Inset;

#[component]
pub fn CaseloadPage() -> impl IntoView {
    let today = today();
    view! {
        <PageHeading text="Your caseload"/>
        <p class="body">"There are no cases on this device."</p>
        <Inset>
            "This pilot does not record cases yet. Case records and backups are being added; until \
             then nothing you enter is stored."
        </Inset>
        <h2 class="heading-m">"Example cases"</h2>
        <p class="body">
            "These fictional children show how Care Planner works out every deadline under each \
             authority's procedures."
        </p>
        <ul class="list">
            {IDS
                .iter()
                .filter_map(|id| example(id, today))
                .map(|ex| {
                    let href = Route::Case { id: ex.case.id.clone() }.href();
                    view! {
                        <li class="list__item--spaced">
                            <a href=href>{ex.case.child.name.clone()}</a>
                            <br/>
                            <span class="hint">{ex.summary}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <p class="body">
            <a href=Route::Wizards.href()>"See the guided procedures"</a>
        </p>
    }
}
