//! The approval request to cease looking after a child, filled from the case and the
//! ceasing wizard's answers, with the approver's decision left blank; made to be printed.

use care_planner_core::model::Case;
use care_planner_core::routes::{Route, Step as At};
use care_planner_core::rules::builtin_profiles;
use care_planner_core::wizards::engine::walk;
use care_planner_core::wizards::{ceasing, WizardKind};
use leptos::prelude::*;

use crate::components::heading::PageHeading;
use crate::components::summary_list::SummaryList;
use crate::pages::case::with_live_case;
use crate::pages::wizard_steps::answers_of;
use crate::profiles::profile_for;

#[component]
pub fn ApprovalRequestPage(id: String) -> impl IntoView {
    with_live_case(id, |case| view! { <Request case=case/> }.into_any())
}

#[component]
fn Request(case: Case) -> impl IntoView {
    let kind = WizardKind::CeasingToBeLookedAfter;
    let flow = kind.flow().expect("the ceasing wizard has a flow");
    let answers = answers_of(kind, &case);
    let path = walk(flow, &answers, &case.profile);
    let wizard = Route::WizardStep {
        kind,
        case: case.id.clone(),
        step: At::Next,
    }
    .href();
    if ceasing::the_day(&answers).is_none() {
        return view! {
            <PageHeading text="Approval request"/>
            <p class="body">
                "The request is filled from the ceasing to be looked after wizard, which has not been started for "
                {case.child.name.clone()}". "
                <a href=wizard>"Start it"</a>"."
            </p>
        }
        .into_any();
    }
    let local = profile_for(&case.profile);
    let route =
        ceasing::situation(&answers).map(|s| ceasing::route(&builtin_profiles()[0], &local, s));
    let request = ceasing::request(&case, &answers, &path.answered, route.as_ref());
    let sections = request
        .sections
        .into_iter()
        .map(|(heading, rows)| {
            view! {
                <h2 class="heading-m">{heading}</h2>
                <SummaryList rows=rows/>
            }
        })
        .collect_view();
    let decision = request
        .decision
        .iter()
        .map(|field| {
            view! {
                <div class="request__field">
                    <dt class="request__label">{*field}</dt>
                    <dd class="request__blank"></dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <a href=Route::Case { id: case.id.clone() }.href() class="back-link">{format!("Back to {}'s case", case.child.name)}</a>
        <span class="caption-l">{case.child.name.clone()}</span>
        <PageHeading text=request.title/>
        <p class="body no-print">
            "Filled from the case and the answers to the "
            <a href=wizard>"ceasing to be looked after wizard"</a>
            ". Print it, or save it as a PDF, for the approver."
        </p>
        <div id="request">{sections}</div>
        <h2 class="heading-m">"Decision (for the approver)"</h2>
        <dl class="request__decision" id="decision">{decision}</dl>
        <button type="button" class="button button--secondary no-print" on:click=|_| { let _ = window().print(); }>"Print the request"</button>
    }
    .into_any()
}
