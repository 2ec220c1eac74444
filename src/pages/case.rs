//! A case: the child, what has happened, the deadlines, tasks and the history of changes.
//! Every change is saved at once and can be undone.

use std::sync::Arc;

use care_planner_core::examples::{example, Example};
use care_planner_core::forms::{read_date, DateParts, FieldError};
use care_planner_core::model::{file, Case, ChangeError, EventKind, Part, Task};
use care_planner_core::routes::{Route, Step};
use care_planner_core::task_list;
use care_planner_core::wizards::{WizardKind, FINISHED};
use leptos::prelude::*;

use crate::casebook::{casebook, LoadState};
use crate::clock::{local_stamp, new_id, now_stamp, today};
use crate::components::calendar_export::CalendarExport;
use crate::components::focus::focus;
use crate::components::form::{error_for, DateInput, ErrorSummary, TextInput};
use crate::components::heading::PageHeading;
use crate::components::notice::Inset;
use crate::components::profile_select::ProfileSelect;
use crate::components::summary_list::SummaryList;
use crate::files::download;
use crate::pages::deadlines::Deadlines;

#[component]
pub fn CasePage(id: String) -> impl IntoView {
    if let Some(example) = example(&id, today()) {
        return view! { <ExampleCase example=example/> }.into_any();
    }
    let book = casebook();
    // Outlives each re-render, so that a refusal stays shown after the page updates.
    let problem = RwSignal::new(None::<String>);
    // Re-rendered only when this case changes, not when another one does (a half-typed
    // task stays as it is while another tab saves a different case).
    let case = {
        let id = id.clone();
        Memo::new(move |_| book.find(&id))
    };
    (move || match (case.get(), book.load.get()) {
        (Some(case), _) => view! { <StoredCase case=case problem=problem/> }.into_any(),
        (None, LoadState::Loading) => view! { <p class="body">"Loading the case…"</p> }.into_any(),
        (None, _) => view! { <CaseNotFound id=id.clone()/> }.into_any(),
    })
    .into_any()
}

/// Renders `page` with the latest saved copy of case `id`, again whenever it changes, or
/// says the case is loading or not on this device.
pub fn with_live_case(
    id: String,
    page: impl Fn(Case) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let book = casebook();
    let case = {
        let id = id.clone();
        Memo::new(move |_| book.find(&id))
    };
    move || match (case.get(), book.load.get()) {
        (Some(case), _) => page(case),
        (None, LoadState::Loading) => view! { <p class="body">"Loading the case…"</p> }.into_any(),
        (None, _) => view! { <CaseNotFound id=id.clone()/> }.into_any(),
    }
}

#[component]
pub fn CaseNotFound(id: String) -> impl IntoView {
    view! {
        <PageHeading text="Case not found"/>
        <p class="body">"There is no case with reference "<strong>{id}</strong>" on this device."</p>
        <p class="body">"It may have been deleted in another tab, or recorded on another device."</p>
        <p class="body"><a href=Route::Caseload.href()>"Go to your caseload"</a></p>
    }
}

#[component]
fn ExampleCase(example: Example) -> impl IntoView {
    let profile_id = RwSignal::new(example.profile.to_string());
    let reference = example.case.child.reference.clone();
    let name = example.case.child.name.clone();
    view! {
        <span class="caption-l">{format!("Case {reference}")}</span>
        <PageHeading text=name/>
        <Inset>
            <strong>"This is a fictional example case. "</strong>
            {example.summary}
            " Its dates move with today's date so that every kind of deadline shows."
        </Inset>
        <ProfileSelect value=profile_id.into() on_change=move |id| profile_id.set(id)/>
        <Deadlines case=Arc::new(example.case) profile_id=profile_id/>
    }
}

/// Applies one change to the latest copy of the case and saves it (after any change still
/// being saved). A refusal, from the change itself or from the store, is shown in
/// `problem`; on success focus moves to `focus_after`, since the page has re-rendered
/// under the control the user pressed.
pub fn change_case(
    id: String,
    problem: RwSignal<Option<String>>,
    focus_after: &'static str,
    change: impl FnOnce(&mut Case, &str) -> Result<(), ChangeError> + 'static,
) {
    change_case_then(id, problem, focus_after, change, || {});
}

/// As `change_case`, then runs `on_success` if it was saved.
pub fn change_case_then(
    id: String,
    problem: RwSignal<Option<String>>,
    focus_after: &'static str,
    change: impl FnOnce(&mut Case, &str) -> Result<(), ChangeError> + 'static,
    on_success: impl FnOnce() + 'static,
) {
    let book = casebook();
    // A second press while the first is being saved is ignored, as GOV.UK buttons do.
    if book.is_changing() {
        return;
    }
    book.change(id, change, move |outcome| match outcome {
        Ok(()) => {
            problem.set(None);
            on_success();
            focus(focus_after);
        }
        Err(why) => {
            problem.set(Some(why));
            focus("case-problem");
        }
    });
}

#[component]
fn StoredCase(case: Case, problem: RwSignal<Option<String>>) -> impl IntoView {
    let id = case.id.clone();
    let child = &case.child;
    let details = vec![
        ("Name or initials", child.name.clone()),
        (
            "Case reference",
            if child.reference.is_empty() {
                "Not recorded".into()
            } else {
                child.reference.clone()
            },
        ),
        (
            "Date of birth",
            child
                .date_of_birth
                .map_or("Not recorded".into(), |d| d.to_string()),
        ),
    ];
    // Shows the choice at once; if saving it is refused, back to the stored one.
    let profile = RwSignal::new(case.profile.clone());
    let stored_profile = case.profile.clone();
    Effect::new(move |_| {
        if problem.with(Option::is_some) {
            profile.set(stored_profile.clone());
        }
    });
    let set_profile = {
        let id = id.clone();
        move |chosen: String| {
            profile.set(chosen.clone());
            change_case(id.clone(), problem, "profile", move |case, at| {
                case.update(Part::Profile(chosen), at).map(|_| ())
            })
        }
    };
    let export = {
        let case = case.clone();
        move |_| {
            let text = file::write_cases(std::slice::from_ref(&case), &now_stamp());
            download(
                &format!("care-planner-case-{}.json", case.id),
                &text,
                "application/json",
            );
        }
    };
    let shared = Arc::new(case.clone());
    view! {
        <span class="caption-l">{format!("Case {}", case.child.reference)}</span>
        <PageHeading text=case.child.name.clone() tab="A case"/>
        {move || problem.get().map(|p| view! {
            <div class="error-summary" role="alert" id="case-problem" tabindex="-1">
                <h2 class="error-summary__title">"There is a problem"</h2>
                <p class="body">{p}</p>
            </div>
        })}
        <h2 class="heading-m">"Child"</h2>
        <SummaryList rows=details/>
        <p class="body"><a href=Route::EditChild { id: id.clone() }.href()>"Change the child's details"</a></p>
        <ProfileSelect value=profile.into() on_change=set_profile/>
        <Procedures case=shared.clone()/>
        <Events case=shared.clone() problem=problem/>
        <Deadlines case=shared.clone() profile_id=profile/>
        <CalendarExport cases={
            let case = case.clone();
            Arc::new(move || vec![case.clone()])
        } file=format!("care-planner-{}", case.id)/>
        <Tasks case=shared.clone() problem=problem/>
        <History case=shared problem=problem/>
        <h2 class="heading-m">"This case"</h2>
        <ul class="list no-print" id="documents">
            <li><a href=Route::CaseSummary { id: id.clone() }.href()>"Case summary, to print"</a></li>
            <li><a href=Route::CarePlan { id: id.clone() }.href()>"Care plan front sheet and outline, to print"</a></li>
        </ul>
        <div class="button-group">
            <button type="button" class="button button--secondary" on:click=export>"Export this case"</button>
            <a class="button button--warning" href=Route::DeleteCase { id }.href()>"Delete this case"</a>
        </div>
    }
}

/// The guided procedures, task lists and the proceedings timetable for this case.
#[component]
fn Procedures(case: Arc<Case>) -> impl IntoView {
    let wizards = WizardKind::ALL
        .into_iter()
        .filter(|kind| kind.flow().is_some())
        .map(|kind| {
            let state = match case.answers.get(kind.slug()) {
                Some(a) if a.contains_key(FINISHED) => "finished",
                Some(_) => "in progress",
                None => "not started",
            };
            let href = Route::WizardStep {
                kind,
                case: case.id.clone(),
                step: Step::Next,
            }
            .href();
            view! { <li><a href=href>{kind.title()}</a>{format!(" ({state})")}</li> }
        })
        .collect_view();
    let lists = task_list::all()
        .iter()
        .map(|list| {
            let (done, total) = list.completed(&case);
            let href = Route::TaskList { id: case.id.clone(), list: list.id.to_string() }.href();
            view! { <li><a href=href>{format!("{} task list", list.title)}</a>{format!(" ({done} of {total} completed)")}</li> }
        })
        .collect_view();
    let issued = case
        .events
        .iter()
        .any(|e| e.kind == EventKind::ProceedingsIssued);
    view! {
        <h2 class="heading-m">"Procedures"</h2>
        <ul class="list list--bullet" id="procedures">
            {wizards}
            {lists}
            {issued.then(|| view! {
                <li><a href=Route::Proceedings { id: case.id.clone() }.href() id="tracker-link">"Care proceedings timetable"</a></li>
            })}
        </ul>
    }
}

#[component]
fn Events(case: Arc<Case>, problem: RwSignal<Option<String>>) -> impl IntoView {
    let id = case.id.clone();
    let rows = case
        .sorted_events()
        .into_iter()
        .map(|event| {
            let delete = {
                let (id, part) = (id.clone(), Part::Event(event.clone()));
                move |_| {
                    let part = part.clone();
                    change_case(id.clone(), problem, "events", move |case, at| case.delete(&part, at))
                }
            };
            let what = event.kind.label();
            view! {
                <tr data-event=event.id.clone()>
                    <td class="timeline__due">{event.date.to_string()}</td>
                    <td>{what}</td>
                    <td>{event.details().join(", ")}</td>
                    <td>
                        <a href=Route::EventForm { id: id.clone(), event: Some(event.id.clone()) }.href()>
                            "Change"<span class="visually-hidden">{format!(" {} on {}", what.to_lowercase(), event.date)}</span>
                        </a>
                        " "
                        <button type="button" class="link-button" on:click=delete>
                            "Delete"<span class="visually-hidden">{format!(" {} on {}", what.to_lowercase(), event.date)}</span>
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="heading-l" id="events" tabindex="-1">"What has happened"</h2>
        <a class="button" href=Route::EventForm { id: id.clone(), event: None }.href()>"Record an event"</a>
        {if case.events.is_empty() {
            view! { <p class="body">"No events recorded yet. Record what has happened to see the deadlines it starts."</p> }.into_any()
        } else {
            view! {
                <table class="table" id="event-list">
                    <caption class="visually-hidden">"Events, oldest first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Date"</th>
                            <th scope="col">"Event"</th>
                            <th scope="col">"Details"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }}
    }
}

#[component]
fn Tasks(case: Arc<Case>, problem: RwSignal<Option<String>>) -> impl IntoView {
    let id = case.id.clone();
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(DateParts::default());
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let add = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut found = Vec::new();
            if title.get_untracked().trim().is_empty() {
                found.push(FieldError {
                    field: "task-title".into(),
                    message: "Enter what needs doing".into(),
                });
            }
            let due_date = read_date("task-due", "Due date", &due.get_untracked(), false)
                .map_err(|e| found.push(e))
                .ok()
                .flatten();
            set_errors.set(found.clone());
            if !found.is_empty() {
                return;
            }
            let task = Task {
                id: new_id("t"),
                title: title.get_untracked().trim().to_string(),
                due: due_date,
                done: None,
                rule: None,
                source: None,
                started: None,
            };
            // Not cleared here: once saved the page re-renders with an empty form; if the
            // save is refused, what was typed is still there.
            change_case(id.clone(), problem, "tasks", move |case, at| {
                case.add(Part::Task(task), at)
            });
        }
    };
    let today = today();
    let items = case
        .tasks
        .iter()
        .map(|task| {
            let toggle = {
                let (id, task) = (id.clone(), task.clone());
                move |_| {
                    let mut changed = task.clone();
                    changed.done = if task.done.is_some() { None } else { Some(today) };
                    change_case(id.clone(), problem, "tasks", move |case, at| case.update(Part::Task(changed), at).map(|_| ()))
                }
            };
            let delete = {
                let (id, part) = (id.clone(), Part::Task(task.clone()));
                move |_| {
                    let part = part.clone();
                    change_case(id.clone(), problem, "tasks", move |case, at| case.delete(&part, at))
                }
            };
            let status = match (task.done, task.due) {
                (Some(done), _) => format!("Done on {done}"),
                (None, Some(due)) if due < today => format!("Overdue: was due {due}"),
                (None, Some(due)) => format!("Due {due}"),
                (None, None) => "No due date".to_string(),
            };
            view! {
                <li class="task-list__item" data-task=task.id.clone()>
                    <span class:history__undone=task.done.is_some()>{task.title.clone()}</span>
                    <span class="hint">{status}</span>
                    <button type="button" class="link-button" on:click=toggle>
                        {if task.done.is_some() { "Mark as not done" } else { "Mark as done" }}
                        <span class="visually-hidden">{format!(": {}", task.title)}</span>
                    </button>
                    <button type="button" class="link-button" on:click=delete>
                        "Delete"<span class="visually-hidden">{format!(" task: {}", task.title)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 class="heading-l" id="tasks" tabindex="-1">"Tasks"</h2>
        {if case.tasks.is_empty() { Some(view! { <p class="body">"No tasks."</p> }) } else { None }}
        <ul class="task-list">{items}</ul>
        <form novalidate on:submit=add>
            <h3 class="heading-m">"Add a task"</h3>
            <ErrorSummary errors=errors/>
            <TextInput id="task-title" label="What needs doing" value=title error=error_for(errors, "task-title")/>
            <DateInput id="task-due" legend="Due date (optional)" hint="For example, 27 3 2026" value=due error=error_for(errors, "task-due")/>
            <button type="submit" class="button button--secondary">"Add task"</button>
        </form>
    }
}

#[component]
fn History(case: Arc<Case>, problem: RwSignal<Option<String>>) -> impl IntoView {
    let id = case.id.clone();
    let undo = case.undoable().map(|entry| {
        let summary = entry.summary.clone();
        let id = id.clone();
        view! {
            <button type="button" class="button button--secondary" id="undo" on:click=move |_| change_case(id.clone(), problem, "history", |case, at| case.undo(at).map(|_| ()))>
                "Undo"<span class="visually-hidden">{format!(": {summary}")}</span>
            </button>
            <p class="hint">{format!("Undo will reverse: {}", entry.summary)}</p>
        }
    });
    let entries = case
        .history
        .iter()
        .rev()
        .map(|entry| {
            view! {
                <li>
                    <span class:history__undone=entry.undone>{entry.summary.clone()}</span>
                    {entry.undone.then_some(" (undone)")}
                    <br/>
                    <span class="history__when">{local_stamp(&entry.at)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 class="heading-l" id="history" tabindex="-1">"History of changes"</h2>
        {undo}
        {if case.history.is_empty() {
            view! { <p class="body">"No changes yet."</p> }.into_any()
        } else {
            view! { <ol class="history" reversed>{entries}</ol> }.into_any()
        }}
    }
}
