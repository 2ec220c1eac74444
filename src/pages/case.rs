use std::sync::Arc;

use care_planner_core::engine::{Eligibility, Facts, Item, Scheduler, Status};
use care_planner_core::examples::{example, Example};
use care_planner_core::routes::Route;
use care_planner_core::rules::{builtin_profiles, catalogue};
use leptos::prelude::*;

use crate::clock::today;
use crate::components::heading::PageHeading;
use crate::components::notice::Inset;
use crate::components::summary_list::SummaryList;
use crate::profiles::{imported_profiles, label};

#[component]
pub fn CasePage(id: String) -> impl IntoView {
    match example(&id, today()) {
        Some(example) => view! { <ExampleCase example=example/> }.into_any(),
        None => view! {
            <PageHeading text="Case not found"/>
            <p class="body">"There is no case with reference "<strong>{id}</strong>" on this device."</p>
            <p class="body"><a href=Route::Caseload.href()>"Go to your caseload"</a></p>
        }
        .into_any(),
    }
}

#[component]
fn ExampleCase(example: Example) -> impl IntoView {
    let today = today();
    let profiles = builtin_profiles();
    let (profile_id, set_profile_id) = signal(example.profile.to_string());
    let case = Arc::new(example.case);
    let name = case.child.name.clone();
    let reference = case.child.reference.clone();
    let born = case.child.date_of_birth;

    let imported = imported_profiles().0;
    let schedule_view = move || {
        let wanted = profile_id.get();
        imported.with(|imported| {
        let profile = profiles.iter().chain(imported).find(|p| p.id == wanted).unwrap_or(&profiles[0]);
        let schedule = Scheduler::new(catalogue(), &profiles[0], profile).schedule(&case, today);
        let (current, waiting): (Vec<&Item>, Vec<&Item>) =
            schedule.items.iter().partition(|i| !matches!(i.status, Status::Waiting | Status::NotApplicable));
        let (waiting, unused): (Vec<&Item>, Vec<&Item>) = waiting.into_iter().partition(|i| i.status == Status::Waiting);
        view! {
            <FactsList facts=schedule.facts.clone() born=born/>
            <h2 class="heading-l" id="deadlines">"Deadlines"</h2>
            <p class="body">{format!("As of today, {today}. Overdue first.")}</p>
            <Timeline items=current.into_iter().map(Row::from).collect()/>
            <details class="details">
                <summary class="details__summary">{format!("Waiting for an event to happen ({})", waiting.len())}</summary>
                <div class="details__text">
                    <Timeline items=waiting.into_iter().map(Row::from).collect()/>
                </div>
            </details>
            <details class="details">
                <summary class="details__summary">{format!("Not used in these procedures or this case ({})", unused.len())}</summary>
                <div class="details__text">
                    <Timeline items=unused.into_iter().map(Row::from).collect()/>
                </div>
            </details>
        }
        })
    };

    view! {
        <span class="caption-l">{format!("Case {reference}")}</span>
        <PageHeading text=name/>
        <Inset>
            <strong>"This is a fictional example case. "</strong>
            {example.summary}
            " Its dates move with today's date so that every kind of deadline shows."
        </Inset>
        <div class="form-group">
            <label class="label" for="profile">"Procedures to follow"</label>
            <div class="hint" id="profile-hint">"National law always applies; a local procedure can only be stricter."</div>
            <select
                class="select"
                id="profile"
                aria-describedby="profile-hint"
                on:change=move |ev| set_profile_id.set(event_target_value(&ev))
            >
                {move || imported.with(|imported| {
                    profiles
                        .iter()
                        .chain(imported)
                        .map(|p| {
                            let selected = p.id == profile_id.get_untracked();
                            view! { <option value=p.id.clone() selected=selected>{label(p)}</option> }
                        })
                        .collect_view()
                })}
            </select>
        </div>
        {schedule_view}
    }
}

#[component]
fn FactsList(facts: Facts, born: Option<care_planner_core::calendar::Date>) -> impl IntoView {
    let age = match (born, facts.age) {
        (Some(born), Some(age)) => format!("{born} (aged {age})"),
        _ => "Not recorded".to_string(),
    };
    let legal = facts.legal_status.map_or("Not looked after", |b| b.label());
    let time = facts
        .looked_after
        .as_ref()
        .map_or("Not looked after".to_string(), |t| t.describe());
    let eligible = match &facts.eligible {
        Eligibility::Unknown => "Needs the date of birth".to_string(),
        Eligibility::NotEligible { reason } => format!("No. {reason}"),
        Eligibility::Eligible {
            reason,
            assessment_due,
            ..
        } => {
            format!("Yes. {reason} Needs assessment due by {assessment_due}.")
        }
    };
    let mut rows = vec![
        ("Date of birth", age),
        ("Legal status", legal.to_string()),
        ("Time looked after", time),
        ("Eligible child", eligible),
    ];
    if let Some(week) = facts.proceedings_week {
        rows.push(("Care proceedings", format!("In week {week} since issue")));
    }
    view! {
        <SummaryList rows=rows/>
    }
}

/// One timeline row, as text: the schedule borrows the case, the view owns its rows.
#[derive(Clone)]
struct Row {
    rule: String,
    due_text: String,
    due_iso: Option<String>,
    due: String,
    practical: Option<String>,
    status: Status,
    explanation: Vec<String>,
}

impl From<&Item<'_>> for Row {
    fn from(item: &Item) -> Row {
        let applicable = item.applicable();
        Row {
            rule: item.rule.to_string(),
            due_text: item.due_text.to_string(),
            due_iso: applicable.map(|d| d.date.iso()),
            due: applicable.map_or_else(
                || "–".to_string(),
                |d| match d.time {
                    Some(time) => format!("{} at {time}", d.date),
                    None => d.date.to_string(),
                },
            ),
            practical: item.practical.map(|p| p.to_string()),
            status: item.status,
            explanation: item.explanation(),
        }
    }
}

#[component]
fn Timeline(items: Vec<Row>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="body">"None."</p> }.into_any();
    }
    view! {
        <table class="table timeline">
            <caption class="visually-hidden">"Deadlines, overdue first"</caption>
            <thead>
                <tr>
                    <th scope="col">"Due"</th>
                    <th scope="col">"What"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>
                {items
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr data-rule=row.rule.clone() data-due=row.due_iso.clone() data-status=row.status.name()>
                                <td class="timeline__due">
                                    {row.due.clone()}
                                    {row.practical.clone().map(|p| view! { <br/><span class="hint">{format!("Aim for {p}")}</span> })}
                                </td>
                                <td>
                                    {row.due_text.clone()}
                                    <details class="details details--inline">
                                        <summary class="details__summary">"How this was worked out"</summary>
                                        <div class="details__text">
                                            <ul class="list list--bullet">
                                                {row.explanation.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                                            </ul>
                                            <p class="hint">{format!("Rule {}", row.rule)}</p>
                                        </div>
                                    </details>
                                </td>
                                <td><strong class=format!("tag tag--{}", row.status.name())>{row.status.label()}</strong></td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
