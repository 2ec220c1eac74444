use care_planner_core::routes::Route;
use leptos::prelude::*;
use crate::components::heading::PageHeading;

#[component]
pub fn CasePage(id: String) -> impl IntoView {
    view! {
        <PageHeading text="Case not found"/>
        <p class="body">
            "There is no case with reference "<strong>{id}</strong>" on this device."
        </p>
        <p class="body"><a href=Route::Caseload.href()>"Go to your caseload"</a></p>
    }
}
