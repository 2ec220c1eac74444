use care_planner_core::routes::Route;
use care_planner_core::wizards::WizardKind;
use leptos::prelude::*;

use crate::components::heading::PageHeading;
use crate::components::notice::Inset;
use crate::components::sources::CitationList;

#[component]
pub fn WizardsPage() -> impl IntoView {
    view! {
        <PageHeading text="Start a guided procedure"/>
        <p class="body">
            "Each guided procedure asks one question at a time and tells you what must happen \
             next, by when, and which procedure says so."
        </p>
        <ul class="list">
            {WizardKind::ALL
                .into_iter()
                .map(|kind| {
                    view! {
                        <li class="list__item--spaced">
                            <h2 class="heading-m">
                                <a href=Route::Wizard(kind).href()>{kind.title()}</a>
                            </h2>
                            <p class="body">{kind.purpose()}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
pub fn WizardPage(kind: WizardKind) -> impl IntoView {
    view! {
        <span class="caption-l">"Guided procedure"</span>
        <PageHeading text={kind.title()}/>
        <p class="body-l">{kind.purpose()}</p>
        <Inset>"This guided procedure is not available in the pilot yet."</Inset>
        <h2 class="heading-m">"Sources"</h2>
        <CitationList citations=kind.sources()/>
    }
}
