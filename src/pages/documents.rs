//! Printable documents of a case: the case summary, and the care plan's front sheet and
//! section outline (`004` §10). What the case records is filled in; the rest is left blank.

use care_planner_core::documents::{front_sheet, CARE_PLAN_SECTIONS};
use care_planner_core::engine::{Scheduler, Status};
use care_planner_core::model::Case;
use care_planner_core::routes::Route;
use care_planner_core::rules::{builtin_profiles, catalogue};
use leptos::prelude::*;

use crate::clock::today;
use crate::components::heading::PageHeading;
use crate::components::summary_list::SummaryList;
use crate::pages::case::with_live_case;
use crate::profiles::{label, profile_for};

fn back(case: &Case) -> impl IntoView {
    view! {
        <a href=Route::Case { id: case.id.clone() }.href() class="back-link">{format!("Back to {}'s case", case.child.name)}</a>
    }
}

fn print_button(what: &'static str) -> impl IntoView {
    view! {
        <button type="button" class="button button--secondary no-print" on:click=|_| { let _ = window().print(); }>{what}</button>
    }
}

#[component]
pub fn CaseSummaryPage(id: String) -> impl IntoView {
    with_live_case(id, |case| view! { <Summary case=case/> }.into_any())
}

#[component]
fn Summary(case: Case) -> impl IntoView {
    let today = today();
    let profiles = builtin_profiles();
    let local = profile_for(&case.profile);
    let schedule = Scheduler::new(catalogue(), &profiles[0], &local).schedule(&case, today);
    let facts = &schedule.facts;
    let child = vec![
        ("Name", case.child.name.clone()),
        (
            "Case reference",
            if case.child.reference.trim().is_empty() {
                "Not recorded".into()
            } else {
                case.child.reference.clone()
            },
        ),
        (
            "Date of birth",
            match (case.child.date_of_birth, facts.age) {
                (Some(born), Some(age)) => format!("{born} (aged {age})"),
                (Some(born), None) => born.to_string(),
                (None, _) => "Not recorded".into(),
            },
        ),
        (
            "Legal status",
            facts
                .legal_status
                .map_or("Not looked after".to_string(), |b| b.label().to_string()),
        ),
        (
            "Time looked after",
            facts
                .looked_after
                .as_ref()
                .map_or("Not looked after".to_string(), |t| t.describe()),
        ),
        ("Procedures", label(&local)),
    ];
    let mut dated: Vec<_> = schedule
        .items
        .iter()
        .filter(|i| i.applicable().is_some())
        .collect();
    dated.sort_by_key(|i| i.applicable().map(|d| d.date));
    let waiting = schedule
        .items
        .iter()
        .filter(|i| i.status == Status::Waiting)
        .count();
    let undated: Vec<String> = schedule
        .items
        .iter()
        .filter(|i| i.status == Status::CannotCompute)
        .map(|i| format!("{}: {}", i.due_text, i.problems.join(" ")))
        .collect();
    let rows = dated
        .iter()
        .map(|i| {
            let date = i.applicable().map(|d| d.date.to_string()).unwrap_or_default();
            view! {
                <tr data-rule=i.rule data-status=i.status.name()>
                    <td class="table__cell">{date}</td>
                    <th scope="row" class="table__header table__header--row">{i.due_text}</th>
                    <td class="table__cell"><strong class=format!("tag tag--{}", i.status.name())>{i.status.label()}</strong></td>
                </tr>
            }
        })
        .collect_view();
    let (open, done): (Vec<_>, Vec<_>) = case.tasks.iter().partition(|t| t.done.is_none());
    let task_rows = open
        .iter()
        .chain(done.iter())
        .map(|t| {
            let state = match (t.done, t.due) {
                (Some(done), _) => format!("Done on {done}"),
                (None, Some(due)) => format!("Due {due}"),
                (None, None) => "Open".into(),
            };
            view! { <tr><th scope="row" class="table__header table__header--row">{t.title.clone()}</th><td class="table__cell">{state}</td></tr> }
        })
        .collect_view();
    view! {
        {back(&case)}
        <PageHeading text=format!("Case summary: {}", case.child.name) tab="Case summary"/>
        <p class="body">{format!("Made on {today} from the case on this device.")}</p>
        <h2 class="heading-m">"Child"</h2>
        <SummaryList rows=child/>
        <table class="table" id="summary-deadlines">
            <caption class="table__caption heading-m">"Deadlines"</caption>
            <thead><tr><th scope="col" class="table__header">"Date"</th><th scope="col" class="table__header">"What is due"</th><th scope="col" class="table__header">"Status"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {(waiting > 0).then(|| view! { <p class="body">{format!("{waiting} more wait for an event to be recorded.")}</p> })}
        {(!undated.is_empty()).then(|| view! {
            <h3 class="heading-s">"Deadlines that cannot be worked out"</h3>
            <ul class="list list--bullet" id="summary-undated">{undated.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
        })}
        <table class="table" id="summary-tasks">
            <caption class="table__caption heading-m">"Tasks"</caption>
            <thead><tr><th scope="col" class="table__header">"Task"</th><th scope="col" class="table__header">"State"</th></tr></thead>
            <tbody>{task_rows}</tbody>
        </table>
        {print_button("Print the case summary")}
    }
}

#[component]
pub fn CarePlanPage(id: String) -> impl IntoView {
    with_live_case(id, |case| view! { <CarePlan case=case/> }.into_any())
}

#[component]
fn CarePlan(case: Case) -> impl IntoView {
    let profiles = builtin_profiles();
    let local = profile_for(&case.profile);
    let schedule = Scheduler::new(catalogue(), &profiles[0], &local).schedule(&case, today());
    let sheet = front_sheet(&case, &schedule)
        .into_iter()
        .map(|(key, value)| {
            view! {
                <div class="request__field">
                    <dt class="request__label">{key}</dt>
                    <dd class="request__blank">{value}</dd>
                </div>
            }
        })
        .collect_view();
    let sections = CARE_PLAN_SECTIONS
        .iter()
        .map(|s| {
            let parts = s
                .parts
                .iter()
                .map(|part| {
                    view! {
                        <h3 class="heading-s">{*part}</h3>
                        <div class="plan__space"></div>
                    }
                })
                .collect_view();
            view! {
                <section class="plan__section">
                    <h2 class="heading-m">{s.title}</h2>
                    <p class="hint">{format!("Source: {}", s.source.label())}</p>
                    {parts}
                </section>
            }
        })
        .collect_view();
    view! {
        {back(&case)}
        <PageHeading text=format!("Care plan: {}", case.child.name) tab="Care plan"/>
        <p class="body no-print">"The front sheet is filled from the case where it records the answer; the rest is left blank to complete. The sections follow the Care Planning Guidance, §10."</p>
        <h2 class="heading-m">"Front sheet"</h2>
        <dl class="request__decision" id="front-sheet">{sheet}</dl>
        {sections}
        {print_button("Print the care plan outline")}
    }
}
