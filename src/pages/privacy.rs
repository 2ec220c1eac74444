use leptos::prelude::*;

use crate::components::privacy::PrivacyStatement;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <h1 class="heading-xl" tabindex="-1">"Privacy"</h1>
        <PrivacyStatement/>
    }
}
