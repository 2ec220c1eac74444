use care_planner_core::routes::Route;
use leptos::prelude::*;

#[component]
pub fn CasePage(id: String) -> impl IntoView {
    view! {
        <h1 class="heading-xl" tabindex="-1">"Case not found"</h1>
        <p class="body">
            "There is no case with reference "<strong>{id}</strong>" on this device."
        </p>
        <p class="body"><a href=Route::Caseload.href()>"Go to your caseload"</a></p>
    }
}
