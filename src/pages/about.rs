use care_planner_core::sources::SOURCES;
use care_planner_core::{SERVICE_NAME, VERSION};
use leptos::prelude::*;

use crate::components::heading::PageHeading;
use crate::components::privacy::PrivacyStatement;
use crate::components::summary_list::SummaryList;

#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <PageHeading text="About Care Planner"/>
        <p class="body-l">
            "Care Planner helps social workers, team managers and independent reviewing officers \
             plan the care of children looked after in England, and keep every statutory and \
             local deadline in view."
        </p>
        <SummaryList rows=vec![
            ("Service", SERVICE_NAME.to_string()),
            ("Version", VERSION.to_string()),
            ("Where it runs", "In this browser, with no server".to_string()),
        ]/>

        <h2 class="heading-l">"Sources"</h2>
        <p class="body">
            "Every rule, question and checklist item cites one of these documents, or the national law."
        </p>
        <table class="table">
            <caption class="visually-hidden">"Source documents and the procedures they set"</caption>
            <thead>
                <tr>
                    <th scope="col">"Document"</th>
                    <th scope="col">"Published by"</th>
                    <th scope="col">"Procedures"</th>
                    <th scope="col">"Covers"</th>
                </tr>
            </thead>
            <tbody>
                {SOURCES
                    .iter()
                    .map(|s| {
                        view! {
                            <tr>
                                <th scope="row">{s.title}</th>
                                <td>{s.publisher}</td>
                                <td><code>{s.profile}</code></td>
                                <td>{s.summary}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>

        <h2 class="heading-l">"Privacy"</h2>
        <PrivacyStatement/>
    }
}
