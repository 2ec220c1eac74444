use care_planner_core::sources::Citation;
use leptos::prelude::*;

/// A list of the documents and sections something follows.
#[component]
pub fn CitationList(citations: &'static [Citation]) -> impl IntoView {
    view! {
        <ul class="list list--bullet">
            {citations.iter().map(|c| view! { <li>{c.label()}</li> }).collect_view()}
        </ul>
    }
}
