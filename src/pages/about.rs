use care_planner_core::sources::SOURCES;
use care_planner_core::{SERVICE_NAME, VERSION};
use leptos::prelude::*;

use crate::components::heading::PageHeading;
use crate::components::privacy::PrivacyStatement;

#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <PageHeading text="About Care Planner"/>
        <p class="body-l">
            "Care Planner helps social workers, team managers and independent reviewing officers \
             plan the care of children looked after in England, and keep every statutory and \
             local deadline in view."
        </p>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt class="summary-list__key">"Service"</dt>
                <dd class="summary-list__value">{SERVICE_NAME}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Version"</dt>
                <dd class="summary-list__value" data-testid="version">{VERSION}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Where it runs"</dt>
                <dd class="summary-list__value">"In this browser, with no server"</dd>
            </div>
        </dl>

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
