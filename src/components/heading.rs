use care_planner_core::page_title;
use leptos::prelude::*;

/// The page's one `<h1>`, which also names the browser tab, so the two agree.
/// Focusable (tabindex -1) so that moving to a page can put focus on its heading.
///
/// A heading that names a child gives `tab` instead: the tab's title goes into the
/// browser's history, which keeps it after the page is closed and shows it even while
/// Care Planner is locked.
#[component]
pub fn PageHeading(
    #[prop(into)] text: String,
    #[prop(optional, into)] tab: Option<String>,
) -> impl IntoView {
    document().set_title(&page_title(tab.as_deref().unwrap_or(&text)));
    view! { <h1 class="heading-xl" tabindex="-1">{text}</h1> }
}
