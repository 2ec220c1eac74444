use leptos::prelude::*;

use crate::components::heading::PageHeading;
use crate::components::privacy::PrivacyStatement;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <PageHeading text="Privacy"/>
        <PrivacyStatement/>
    }
}
