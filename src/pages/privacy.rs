use leptos::prelude::*;

use crate::components::privacy::PrivacyStatement;
use crate::components::heading::PageHeading;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <PageHeading text="Privacy"/>
        <PrivacyStatement/>
    }
}
