//! The deadlines of a case: facts about the child, then the timeline from the engine.

use std::sync::Arc;

use care_planner_core::engine::{Eligibility, Facts, Item, Scheduler, Status};
use care_planner_core::model::Case;
use care_planner_core::rules::{builtin_profiles, catalogue};
use leptos::prelude::*;

use crate::clock::today;
use crate::components::summary_list::SummaryList;
use crate::profiles::imported_profiles;

/// Facts and the deadline timeline of `case` under the profile `profile_id` names (national
/// if it is not on this device).
#[component]
pub fn Deadlines(case: Arc<Case>, #[prop(into)] profile_id: Signal<String>) -> impl IntoView {
    let today = today();
    let profiles = builtin_profiles();
    let imported = imported_profiles().0;
    let born = case.child.date_of_birth;
    move || {
        let wanted = profile_id.get();
        imported.with(|imported| {
            let profile = profiles.iter().chain(imported).find(|p| p.id == wanted);
            let missing = profile.is_none().then(|| view! {
                <div class="notification notification--warning" role="region" aria-label="Procedures not found">
                    <p class="body">
                        {format!("This case follows the procedures \u{201c}{wanted}\u{201d}, which are not on this device. \
                                  The national deadlines are shown. Add the profile file on the Settings page.")}
                    </p>
                </div>
            });
            let profile = profile.unwrap_or(&profiles[0]);
            let schedule = Scheduler::new(catalogue(), &profiles[0], profile).schedule(&case, today);
            let (current, waiting): (Vec<&Item>, Vec<&Item>) =
                schedule.items.iter().partition(|i| !matches!(i.status, Status::Waiting | Status::NotApplicable));
            let (waiting, unused): (Vec<&Item>, Vec<&Item>) = waiting.into_iter().partition(|i| i.status == Status::Waiting);
            view! {
                {missing}
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
