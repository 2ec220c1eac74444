use crate::components::heading::PageHeading;
use care_planner_core::routes::Route;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    view! {
        <PageHeading text="Page not found"/>
        <p class="body">"There is no page at "<code>{path}</code>"."</p>
        <p class="body">"If you typed or pasted the address, check it is correct."</p>
        <p class="body"><a href=Route::Caseload.href()>"Go to your caseload"</a></p>
    }
}
