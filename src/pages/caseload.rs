//! Home: every case on this device with its next deadline, overdue first; search, filter
//! and sort; reminders to back up; records that could not be read.

use std::sync::Arc;

use care_planner_core::caseload::{arrange, row, Filter, Row, Sort, BACKUP_REMINDER_DAYS};
use care_planner_core::engine::Scheduler;
use care_planner_core::examples::{example, IDS};
use care_planner_core::routes::{Route, Step};
use care_planner_core::rules::{builtin_profiles, catalogue};
use care_planner_core::wizards::WizardKind;
use leptos::prelude::*;

use crate::components::calendar_export::CalendarExport;

use crate::casebook::{casebook, LoadState};
use crate::clock::{days_since, local_stamp, today};
use crate::components::heading::PageHeading;
use crate::files::download;
use crate::pages::wizard_steps::in_progress;
use crate::preferences::last_backup;
use crate::profiles::imported_profiles;

#[component]
pub fn CaseloadPage() -> impl IntoView {
    let book = casebook();
    let imported = imported_profiles().0;
    let search = RwSignal::new(String::new());
    let filter = RwSignal::new(Filter::default());
    let sort = RwSignal::new(Sort::default());
    let today = today();
    let rows = Memo::new(move |_| {
        let profiles = builtin_profiles();
        book.cases.with(|cases| {
            imported.with(|imported| {
                cases
                    .iter()
                    .map(|case| {
                        let profile = profiles
                            .iter()
                            .chain(imported)
                            .find(|p| p.id == case.profile)
                            .unwrap_or(&profiles[0]);
                        row(
                            case,
                            &Scheduler::new(catalogue(), &profiles[0], profile)
                                .schedule(case, today),
                        )
                    })
                    .collect::<Vec<Row>>()
            })
        })
    });
    let shown = move || arrange(rows.get(), &search.get(), filter.get(), sort.get());
    view! {
        <PageHeading text="Your caseload"/>
        <BackupReminder/>
        <Quarantine/>
        <InProgress/>
        <a class="button" href=Route::NewCase.href()>"Add a case"</a>
        {move || match book.load.get() {
            LoadState::Loading => view! { <p class="body">"Loading your cases…"</p> }.into_any(),
            // The reason is shown above every page; "no cases" here would be untrue.
            LoadState::Failed(_) => view! { <p class="body">"Your cases are not shown because they could not be loaded."</p> }.into_any(),
            _ if rows.with(Vec::is_empty) => view! {
                <p class="body" id="no-cases">"There are no cases on this device."</p>
            }.into_any(),
            _ => view! {
                <Totals rows=rows/>
                <div class="filters" role="search">
                    <div class="form-group">
                        <label class="label" for="search">"Search by name or reference"</label>
                        <input class="input input--width-20" id="search" type="search" autocomplete="off"
                            prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                    </div>
                    <div class="form-group">
                        <label class="label" for="filter">"Show"</label>
                        <select class="select" id="filter" on:change=move |ev| filter.set(Filter::from_name(&event_target_value(&ev)))>
                            {Filter::ALL.into_iter().map(|f| view! { <option value=f.name() selected=move || filter.get() == f>{f.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="form-group">
                        <label class="label" for="sort">"Sort by"</label>
                        <select class="select" id="sort" on:change=move |ev| sort.set(Sort::from_name(&event_target_value(&ev)))>
                            {Sort::ALL.into_iter().map(|s| view! { <option value=s.name() selected=move || sort.get() == s>{s.label()}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                {move || {
                    let rows = shown();
                    if rows.is_empty() {
                        view! { <p class="body" role="status">"No cases match."</p> }.into_any()
                    } else {
                        view! { <CaseTable rows=rows/> }.into_any()
                    }
                }}
                <CalendarExport cases=Arc::new(move || book.cases.get_untracked()) file="care-planner-deadlines".to_string()/>
            }.into_any(),
        }}
        <Examples/>
    }
}

#[component]
fn Totals(rows: Memo<Vec<Row>>) -> impl IntoView {
    move || {
        rows.with(|rows| {
            let overdue = rows.iter().filter(|r| r.overdue > 0).count();
            let soon = rows.iter().filter(|r| r.due_soon > 0).count();
            let cases = if rows.len() == 1 { "1 case".to_string() } else { format!("{} cases", rows.len()) };
            view! {
                <p class="body" id="caseload-totals">
                    {format!("{cases}: {overdue} with overdue deadlines, {soon} with deadlines due soon.")}
                </p>
            }
        })
    }
}

#[component]
fn CaseTable(rows: Vec<Row>) -> impl IntoView {
    view! {
        <table class="table" id="caseload">
            <caption class="visually-hidden">"Your cases"</caption>
            <thead>
                <tr>
                    <th scope="col">"Child"</th>
                    <th scope="col">"Reference"</th>
                    <th scope="col">"Legal status"</th>
                    <th scope="col">"Next deadline"</th>
                    <th scope="col">"Overdue"</th>
                    <th scope="col">"Due soon"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|r| {
                        let next = r.next.clone();
                        let next_rule = next.as_ref().map(|n| n.rule.clone());
                        view! {
                            <tr data-case=r.id.clone()>
                                <th scope="row"><a href=Route::Case { id: r.id.clone() }.href()>{r.name.clone()}</a></th>
                                <td>{r.reference.clone()}</td>
                                <td>{r.legal_status.map_or("Not looked after", |b| b.label())}</td>
                                <td data-rule=next_rule>
                                    {match next {
                                        Some(n) => view! {
                                            {n.what.clone()}<br/>
                                            <span class="timeline__due">{n.date.to_string()}</span>" "
                                            <strong class=format!("tag tag--{}", n.status.name())>{n.status.label()}</strong>
                                        }.into_any(),
                                        None => view! { "None open" }.into_any(),
                                    }}
                                </td>
                                <td>{r.overdue}</td>
                                <td>{r.due_soon}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Asks for a backup when there are cases and none has been made for a week.
#[component]
fn BackupReminder() -> impl IntoView {
    let book = casebook();
    move || {
        if book.cases.with(Vec::is_empty) {
            return None;
        }
        let message = match last_backup() {
            None => "You have not made a backup of the cases on this device.".to_string(),
            Some(stamp) => match days_since(&stamp) {
                Some(days) if days > BACKUP_REMINDER_DAYS => {
                    format!("Your last backup was made on {} ({days} days ago).", local_stamp(&stamp))
                }
                _ => return Some(view! {
                    <p class="body" id="last-backup">{format!("Last backup: {}.", local_stamp(&stamp))}</p>
                }.into_any()),
            },
        };
        Some(
            view! {
                <div class="warning-text" id="backup-reminder">
                    <span class="warning-text__icon" aria-hidden="true">"!"</span>
                    <span>
                        <span class="visually-hidden">"Warning: "</span>
                        {message}
                        " If this browser's data is cleared, cases not backed up are lost. "
                        <a href=Route::Settings.href()>"Make a backup now"</a>
                    </span>
                </div>
            }
            .into_any(),
        )
    }
}

/// Guided procedures started and not finished: where to carry on.
#[component]
fn InProgress() -> impl IntoView {
    let book = casebook();
    move || {
        let drafts: Vec<(String, String, WizardKind)> = book.cases.with(|cases| {
            cases
                .iter()
                .flat_map(|c| {
                    WizardKind::ALL
                        .into_iter()
                        .filter(|k| in_progress(c, *k))
                        .map(|k| (c.id.clone(), c.child.name.clone(), k))
                })
                .collect()
        });
        (!drafts.is_empty()).then(|| {
            view! {
                <h2 class="heading-m">"Guided procedures in progress"</h2>
                <ul class="list" id="in-progress">
                    {drafts.into_iter().map(|(case, name, kind)| view! {
                        <li>
                            <a href=Route::WizardStep { kind, case, step: Step::Next }.href()>
                                {format!("Continue the {} for {name}", kind.in_sentence())}
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    }
}

/// Records that could not be read: shown, with their reason, and offered for download.
#[component]
fn Quarantine() -> impl IntoView {
    let book = casebook();
    move || {
        let records = book.quarantined.get();
        (!records.is_empty()).then(|| {
            view! {
                <div class="error-summary" role="region" aria-labelledby="quarantine-title" id="quarantine">
                    <h2 class="error-summary__title" id="quarantine-title">
                        {if records.len() == 1 { "1 stored record could not be read".to_string() } else { format!("{} stored records could not be read", records.len()) }}
                    </h2>
                    <p class="body">"They have been set aside, not deleted. Download them and send them to your Care Planner support contact; every other case has loaded."</p>
                    <ul class="list">
                        {records.into_iter().enumerate().map(|(i, q)| {
                            let name = format!("care-planner-unreadable-{}.json", if q.id.is_empty() { (i + 1).to_string() } else { q.id.clone() });
                            let json = q.json.clone();
                            view! {
                                <li>
                                    <strong>{if q.id.is_empty() { "A record with no id".to_string() } else { format!("Record \u{201c}{}\u{201d}", q.id) }}</strong>
                                    {format!(": {}. ", q.reason)}
                                    <button type="button" class="link-button" on:click=move |_| { download(&name, &json, "application/json"); }>
                                        "Download this record"
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

#[component]
fn Examples() -> impl IntoView {
    let today = today();
    view! {
        <h2 class="heading-m">"Example cases"</h2>
        <p class="body">
            "These fictional children show how Care Planner works out every deadline under each \
             authority's procedures. They are not stored and are never mixed with your cases."
        </p>
        <ul class="list" id="examples">
            {IDS
                .iter()
                .filter_map(|id| example(id, today))
                .map(|ex| {
                    let href = Route::Case { id: ex.case.id.clone() }.href();
                    view! {
                        <li class="list__item--spaced">
                            <a href=href>{ex.case.child.name.clone()}</a>
                            <br/>
                            <span class="hint">{ex.summary}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
