//! Trainer mode: a demonstration caseload of fictional children, kept apart from real cases
//! and labelled as training, with a "pretend today is" clock that every status follows;
//! and the diagrams of each guided procedure.

use std::sync::Arc;

use care_planner_core::engine::{Scheduler, Status};
use care_planner_core::routes::Route;
use care_planner_core::rules::{builtin_profiles, catalogue};
use care_planner_core::trainer::demo_cases;
use care_planner_core::wizards::WizardKind;
use leptos::prelude::*;

use crate::clock::today;
use crate::components::calendar_export::CalendarExport;
use crate::components::heading::PageHeading;

#[component]
pub fn TrainerPage() -> impl IntoView {
    // The scenario is dated from the real today; the clock moves only what "today" is.
    let scenario = today();
    let demos = Arc::new(demo_cases(scenario));
    let pretend = RwSignal::new(scenario);
    let shift = move |days: i32| pretend.update(|d| *d = d.add_days(days));
    let cases = {
        let demos = demos.clone();
        Arc::new(move || demos.iter().map(|d| d.case.clone()).collect::<Vec<_>>())
    };
    let counts = {
        let demos = demos.clone();
        move |today: care_planner_core::calendar::Date| {
            let profiles = builtin_profiles();
            let mut counts = (0, 0);
            for demo in demos.iter() {
                let local = profiles
                    .iter()
                    .find(|p| p.id == demo.case.profile)
                    .unwrap_or(&profiles[0]);
                for item in Scheduler::new(catalogue(), &profiles[0], local)
                    .schedule(&demo.case, today)
                    .items
                {
                    match item.status {
                        Status::Overdue => counts.0 += 1,
                        Status::DueSoon | Status::DueToday => counts.1 += 1,
                        _ => {}
                    }
                }
            }
            counts
        }
    };
    let table = move || {
        let today = pretend.get();
        let profiles = builtin_profiles();
        demos
            .iter()
            .map(|demo| {
                let local = profiles.iter().find(|p| p.id == demo.case.profile).unwrap_or(&profiles[0]);
                let schedule = Scheduler::new(catalogue(), &profiles[0], local).schedule(&demo.case, today);
                let rows = schedule
                    .items
                    .iter()
                    .filter(|i| i.done.is_none() && i.applicable().is_some())
                    .take(6)
                    .map(|i| {
                        let date = i.applicable().map(|d| d.date.to_string()).unwrap_or_default();
                        let iso = i.applicable().map(|d| d.date.iso());
                        view! {
                            <li data-rule=i.rule data-status=i.status.name() data-due=iso>
                                <strong class=format!("tag tag--{}", i.status.name())>{i.status.label()}</strong>
                                " " {i.due_text} ", " {date}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="demo" data-case=demo.case.id.clone()>
                        <h3 class="heading-s">{demo.case.child.name.clone()}</h3>
                        <p class="hint">{format!("{} \u{2013} {}", demo.stage, local.name)}</p>
                        <ul class="list demo__deadlines">{rows}</ul>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <PageHeading text="Trainer mode"/>
        <p class="body">
            "Trainer mode is for showing the procedures to a room. Everything here is fictional, \
             kept only while this page is open, and never mixed with the cases on this device."
        </p>
        <section class="trainer" aria-labelledby="demo-heading">
            <h2 class="heading-l" id="demo-heading">"Demonstration caseload (training, fictional children)"</h2>
            <div class="clock" role="group" aria-labelledby="clock-label">
                <p class="body" id="clock-label" role="status" aria-atomic="true">
                    "Pretend today is "<strong id="pretend-today">{move || pretend.get().to_string()}</strong>
                    {move || {
                        let (overdue, soon) = counts(pretend.get());
                        format!(": {overdue} overdue, {soon} due soon or today across the caseload.")
                    }}
                </p>
                <div class="button-group">
                    <button type="button" class="button button--secondary" on:click=move |_| shift(-7)>"Back a week"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| shift(-1)>"Back a day"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| shift(1)>"Forward a day"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| shift(7)>"Forward a week"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| pretend.set(scenario)>"Back to today"</button>
                </div>
            </div>
            <div class="demo-list" id="demo-caseload">{table}</div>
            <CalendarExport cases=cases file="care-planner-training".to_string() day=Signal::from(pretend)/>
        </section>
        <h2 class="heading-m">"Walkthroughs"</h2>
        <p class="body">"Each procedure one step per screen, for presenting: use the arrow keys, Home and End."</p>
        <ul class="list" id="walkthroughs">
            {care_planner_core::walkthrough::ALL
                .iter()
                .map(|w| view! { <li><a href=Route::Walkthrough { id: w.id.to_string() }.href()>{w.title}</a></li> })
                .collect_view()}
        </ul>
        <h2 class="heading-m">"How each guided procedure flows"</h2>
        <ul class="list" id="flows">
            {WizardKind::ALL
                .into_iter()
                .map(|kind| view! { <li><a href=Route::TrainerFlow(kind).href()>{kind.title()}</a></li> })
                .collect_view()}
        </ul>
    }
}
