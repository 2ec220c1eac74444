use care_planner_core::page_title;
use leptos::prelude::*;

/// The page's one `<h1>`, which also names the browser tab, so the two always agree.
/// Focusable (tabindex -1) so that moving to a page can put focus on its heading.
#[component]
pub fn PageHeading(#[prop(into)] text: String) -> impl IntoView {
    document().set_title(&page_title(&text));
    view! { <h1 class="heading-xl" tabindex="-1">{text}</h1> }
}
