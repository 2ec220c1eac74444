use leptos::prelude::*;

/// Text set apart from the page, for something the reader must notice (GOV.UK inset text).
#[component]
pub fn Inset(children: Children) -> impl IntoView {
    view! { <div class="inset-text">{children()}</div> }
}
