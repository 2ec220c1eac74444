//! A case's task list (GOV.UK task list pattern): each item with its status, and one page
//! per item to set it. Statuses are saved as the case's tasks, so they are in its history.

use care_planner_core::forms::FieldError;
use care_planner_core::model::{Case, Part};
use care_planner_core::routes::Route;
use care_planner_core::task_list::{self, Status, TaskList};
use leptos::prelude::*;

use crate::casebook::casebook;
use crate::clock::today;
use crate::components::form::{ErrorMessage, ErrorSummary};
use crate::components::heading::PageHeading;
use crate::pages::case::{with_live_case, CaseNotFound};

#[component]
pub fn TaskListPage(id: String, list: String) -> impl IntoView {
    let Some(list) = task_list::find(&list) else {
        return view! { <CaseNotFound id=id/> }.into_any();
    };
    with_live_case(id, move |case| {
        view! { <Items list=list case=case/> }.into_any()
    })
    .into_any()
}

#[component]
fn Items(list: &'static TaskList, case: Case) -> impl IntoView {
    let (done, total) = list.completed(&case);
    let sections = list
        .sections
        .iter()
        .map(|section| {
            let items = section
                .items
                .iter()
                .map(|item| {
                    let status = list.status(&case, item);
                    let status_id = format!("{}-status", item.id);
                    let href = Route::TaskListItem {
                        id: case.id.clone(),
                        list: list.id.to_string(),
                        item: item.id.to_string(),
                    }
                    .href();
                    let tag = match status {
                        Status::Completed => view! { <span>{status.label()}</span> }.into_any(),
                        Status::InProgress => view! { <strong class="tag tag--upcoming">{status.label()}</strong> }.into_any(),
                        Status::NotStarted => view! { <strong class="tag tag--waiting">{status.label()}</strong> }.into_any(),
                    };
                    let hint_id = format!("{}-hint", item.id);
                    let described = match item.hint {
                        Some(_) => format!("{hint_id} {status_id}"),
                        None => status_id.clone(),
                    };
                    let hint = item.hint.map(|h| view! { <div class="checklist__hint" id=hint_id>{h}</div> });
                    view! {
                        <li class="checklist__item" data-item=item.id data-status=status.name()>
                            <div class="checklist__name">
                                <a class="checklist__link" href=href aria-describedby=described>{item.title}</a>
                                {hint}
                            </div>
                            <div class="checklist__status" id=status_id>{tag}</div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2 class="heading-m">{section.title}</h2>
                <ul class="checklist">{items}</ul>
                <p class="hint">{format!("Source: {}", section.source.label())}</p>
            }
        })
        .collect_view();
    view! {
        <a href=Route::Case { id: case.id.clone() }.href() class="back-link">{format!("Back to {}'s case", case.child.name)}</a>
        <span class="caption-l">{case.child.name.clone()}</span>
        <PageHeading text=list.title/>
        <p class="body">{list.purpose}</p>
        <p class="body" id="progress">{format!("You have completed {done} of {total} items.")}</p>
        {sections}
    }
}

#[component]
pub fn TaskListItemPage(id: String, list: String, item: String) -> impl IntoView {
    let found = task_list::find(&list).and_then(|l| Some((l, l.item(&item)?.1)));
    let Some((list, item)) = found else {
        return view! { <CaseNotFound id=id/> }.into_any();
    };
    with_live_case(id, move |case| {
        view! { <SetStatus list=list item=item.id case=case/> }.into_any()
    })
    .into_any()
}

#[component]
fn SetStatus(list: &'static TaskList, item: &'static str, case: Case) -> impl IntoView {
    let (_, found) = list.item(item).expect("an item of the list");
    let chosen = RwSignal::new(list.status(&case, found).name().to_string());
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let back = Route::TaskList {
        id: case.id.clone(),
        list: list.id.to_string(),
    };
    let case_id = case.id.clone();
    let submit = {
        let back = back.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(status) = Status::from_name(&chosen.get_untracked()) else {
                set_errors.set(vec![FieldError {
                    field: "status".into(),
                    message: "Select the status of this item".into(),
                }]);
                return;
            };
            let book = casebook();
            if book.is_changing() {
                return;
            }
            let back = back.clone();
            let day = today();
            book.change(
                case_id.clone(),
                // Applied to the latest saved copy, so a status set in another tab is not lost.
                move |case, at| match list.set(case, item, status, day) {
                    None => Ok(()),
                    Some(task) if case.tasks.iter().any(|t| t.id == task.id) => {
                        case.update(Part::Task(task), at).map(|_| ())
                    }
                    Some(task) => case.add(Part::Task(task), at),
                },
                move |outcome| match outcome {
                    Ok(()) => {
                        let _ = window().location().set_hash(&back.href());
                    }
                    Err(why) => set_errors.set(vec![FieldError {
                        field: String::new(),
                        message: why,
                    }]),
                },
            );
        }
    };
    let error = Signal::derive(move || {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field == "status")
                .map(|e| e.message.clone())
        })
    });
    let hint_id = "status-hint";
    let options = Status::ALL
        .into_iter()
        .enumerate()
        .map(|(i, status)| {
            let input_id = if i == 0 { "status".to_string() } else { format!("status-{}", status.name()) };
            view! {
                <div class="radios__item">
                    <input class="radio" type="radio" id=input_id.clone() name="status" value=status.name()
                        prop:checked=move || chosen.with(|c| c == status.name())
                        on:change=move |_| chosen.set(status.name().to_string())/>
                    <label for=input_id>{status.label()}</label>
                </div>
            }
        })
        .collect_view();
    let task = list.task(&case, found).cloned();
    let since = task.and_then(|t| match (t.started, t.done) {
        (_, Some(done)) => Some(format!("Completed on {done}.")),
        (Some(started), None) => Some(format!("Started on {started}.")),
        _ => None,
    });
    view! {
        <a href=back.href() class="back-link">"Back"</a>
        <ErrorSummary errors=errors/>
        <form novalidate on:submit=submit>
            <div class="form-group" class:form-group--error=move || error.get().is_some()>
                <fieldset class="fieldset" aria-describedby=move || if error.get().is_some() { format!("{hint_id} status-error") } else { hint_id.to_string() }>
                    <legend class="fieldset__legend">
                        <span class="caption-l">{format!("{} – {}", list.title, case.child.name)}</span>
                        <PageHeading text=found.title/>
                    </legend>
                    <div class="hint" id=hint_id>
                        {found.hint.unwrap_or("Where is this up to?")}
                        {since.map(|s| format!(" {s}"))}
                    </div>
                    <ErrorMessage id="status-error".to_string() message=error/>
                    {options}
                </fieldset>
            </div>
            <button type="submit" class="button">"Save and return to the list"</button>
        </form>
    }
}
