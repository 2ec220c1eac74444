//! A wizard under way: one question per page, "Check your answers", then the confirmation.
//! Each answer is saved in the case as a draft as soon as it is given, so the wizard can be
//! left and resumed; what it produces (events, tasks) is written only on confirming.

use std::sync::Arc;

use care_planner_core::forms::{DateParts, FieldError};
use care_planner_core::model::{Case, EventKind};
use care_planner_core::routes::{Route, Step as At};
use care_planner_core::wizards::engine::{
    walk, Answer, Answers, Flow, Input, Kind, Question, Step,
};
use care_planner_core::wizards::pre_proceedings::CHECKLIST;
use care_planner_core::wizards::{ceasing, finish, Changes, WizardKind, FINISHED};
use leptos::prelude::*;

use care_planner_core::rules::builtin_profiles;

use crate::casebook::{casebook, LoadState};
use crate::clock::today;
use crate::components::form::{DateInput, ErrorMessage, ErrorSummary};
use crate::components::heading::PageHeading;
use crate::components::summary_list::SummaryList;
use crate::pages::case::CaseNotFound;
use crate::pages::deadlines::Deadlines;
use crate::profiles::profile_for;

fn go(route: Route) {
    let _ = window().location().set_hash(&route.href());
}

/// The answers of `kind` in `case`, with what the case and its procedures already say.
pub fn answers_of(kind: WizardKind, case: &Case) -> Answers {
    kind.answers(case, &builtin_profiles()[0], &profile_for(&case.profile))
}

/// A wizard started on this case and not yet finished.
pub fn in_progress(case: &Case, kind: WizardKind) -> bool {
    case.answers
        .get(kind.slug())
        .is_some_and(|a| !a.contains_key(FINISHED))
}

#[component]
pub fn WizardStepPage(kind: WizardKind, case: String, step: At) -> impl IntoView {
    let book = casebook();
    let id = case;
    let Some(flow) = kind.flow() else {
        return view! { <CaseNotFound id=id/> }.into_any();
    };
    let found = {
        let id = id.clone();
        Memo::new(move |_| book.find(&id))
    };
    (move || match (found.get(), book.load.get()) {
        (None, LoadState::Loading) => view! { <p class="body">"Loading…"</p> }.into_any(),
        (None, _) => view! { <CaseNotFound id=id.clone()/> }.into_any(),
        (Some(case), _) => {
            let finished = case
                .answers
                .get(kind.slug())
                .and_then(|a| a.get(FINISHED))
                .is_some();
            let answers = answers_of(kind, &case);
            let path = walk(flow, &answers, &case.profile);
            let to = |step: At| {
                go(Route::WizardStep {
                    kind,
                    case: case.id.clone(),
                    step,
                });
                view! { <p class="body">"Loading…"</p> }.into_any()
            };
            match (&step, path.now) {
                (At::Done, _) if finished => {
                    view! { <Confirmation kind=kind case=case/> }.into_any()
                }
                (_, _) if finished => view! { <Finished kind=kind case=case/> }.into_any(),
                (At::Done, _) => to(At::Next),
                (At::Check, Step::Done(_)) => {
                    view! { <CheckAnswers kind=kind case=case/> }.into_any()
                }
                // A question on the path (to change it) or the one to answer now; any other
                // address leads to the next question.
                (At::Question(question), now) => {
                    let on_path = path.answered.iter().any(|q| q.id == question)
                        || matches!(now, Step::Ask(q) if q.id == question);
                    match flow.question(question).filter(|_| on_path) {
                        Some(q) => {
                            view! { <QuestionPage kind=kind case=case question=q/> }.into_any()
                        }
                        None => to(At::Next),
                    }
                }
                (_, Step::Ask(q)) => to(At::Question(q.id.to_string())),
                (_, Step::Done(_)) => to(At::Check),
            }
        }
    })
    .into_any()
}

/// A wizard already finished for this case: what it decided, and a way to start again.
#[component]
fn Finished(kind: WizardKind, case: Case) -> impl IntoView {
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    // Reopens the answers: kept, to change some and confirm again (what they record is
    // then brought up to date), or cleared, to start from the first question.
    let reopen = move |id: String, keep: bool| {
        let book = casebook();
        if book.is_changing() {
            return;
        }
        book.change(
            id.clone(),
            move |case, _| {
                let answers = case.answers.entry(kind.slug().to_string()).or_default();
                if keep {
                    answers.remove(FINISHED);
                } else {
                    answers.clear();
                }
                Ok(())
            },
            move |outcome| match outcome {
                Ok(()) => go(Route::WizardStep {
                    kind,
                    case: id,
                    step: At::Next,
                }),
                Err(why) => set_errors.set(vec![FieldError {
                    field: String::new(),
                    message: why,
                }]),
            },
        );
    };
    let (change_id, again_id) = (case.id.clone(), case.id.clone());
    view! {
        <ErrorSummary errors=errors/>
        <PageHeading text=format!("The {} is finished for {}", kind.in_sentence(), case.child.name)
            tab=format!("The {} is finished", kind.in_sentence())/>
        <p class="body">
            <a href=Route::WizardStep { kind, case: case.id.clone(), step: At::Done }.href()>"See what it decided"</a>
            " or "
            <a href=Route::Case { id: case.id.clone() }.href()>{format!("go to {}'s case", case.child.name)}</a>
            "."
        </p>
        <h2 class="heading-m">"Record what has happened since"</h2>
        <p class="body">
            "Change the answers, then confirm them again: new steps are recorded, changed dates are \
             changed, and tasks now done are marked done. Nothing already on the case is deleted."
        </p>
        <button type="button" class="button" id="change-answers" on:click=move |_| reopen(change_id.clone(), true)>"Change the answers"</button>
        <h2 class="heading-m">"Start again"</h2>
        <p class="body">
            "Starting again clears these answers. What the wizard recorded on the case stays; change \
             or delete it on the case page first if it was wrong."
        </p>
        <button type="button" class="button button--secondary" on:click=move |_| reopen(again_id.clone(), false)>"Start the answers again"</button>
    }
}

/// Saves `answers` as the draft of `kind` in case `id` (no history entry: a draft is not
/// yet a change to the case), then goes to `then`.
fn save_draft(
    kind: WizardKind,
    id: String,
    flow: &'static dyn Flow,
    answers: Answers,
    then: Route,
    problem: WriteSignal<Vec<FieldError>>,
) {
    let book = casebook();
    if book.is_changing() {
        return;
    }
    book.change(
        id,
        move |case, _| {
            case.answers
                .insert(kind.slug().to_string(), answers.encode(flow));
            Ok(())
        },
        move |outcome| match outcome {
            Ok(()) => go(then),
            Err(why) => problem.set(vec![FieldError {
                field: String::new(),
                message: why,
            }]),
        },
    );
}

#[component]
fn QuestionPage(kind: WizardKind, case: Case, question: &'static Question) -> impl IntoView {
    let flow = kind.flow().expect("a wizard with a flow");
    let answers = answers_of(kind, &case);
    let path = walk(flow, &answers, &case.profile);
    // Changing an answer from "Check your answers" goes back there; otherwise to the
    // question before, or from the first question to the case.
    let complete = matches!(path.now, Step::Done(_));
    let before = match path.answered.iter().position(|q| q.id == question.id) {
        Some(i) => i.checked_sub(1).map(|i| path.answered[i]),
        None => path.answered.last().copied(),
    };
    let back = match (complete, before) {
        (true, _) => Route::WizardStep {
            kind,
            case: case.id.clone(),
            step: At::Check,
        },
        (false, Some(q)) => Route::WizardStep {
            kind,
            case: case.id.clone(),
            step: At::Question(q.id.to_string()),
        },
        (false, None) => Route::Case {
            id: case.id.clone(),
        },
    };
    let input = RwSignal::new(initial_input(answers.get(question.id)));
    let date = RwSignal::new(input.get_untracked().date);
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let id = question.id;
    let time_id = format!("{id}-time");
    // The message for the question's own inputs; a time has its own.
    let error = {
        let time_id = time_id.clone();
        Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| {
                        (e.field == id || e.field.starts_with(&format!("{id}-")))
                            && e.field != time_id
                    })
                    .map(|e| e.message.clone())
            })
        })
    };
    let time_error = {
        let time_id = time_id.clone();
        Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == time_id)
                    .map(|e| e.message.clone())
            })
        })
    };
    let case_id = case.id.clone();
    let profile = case.profile.clone();
    let (case_now, local) = (case.clone(), profile_for(&case.profile));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Input {
            date: date.get_untracked(),
            ..input.get_untracked()
        };
        match question.read(&typed) {
            Err(e) => set_errors.set(vec![e]),
            Ok(answer) => {
                let mut answers = answers.clone();
                answers.set(question.id, answer);
                kind.refresh(&case_now, &mut answers, &builtin_profiles()[0], &local);
                let step = match walk(flow, &answers, &profile).now {
                    Step::Done(_) => At::Check,
                    Step::Ask(q) => At::Question(q.id.to_string()),
                };
                let then = Route::WizardStep {
                    kind,
                    case: case_id.clone(),
                    step,
                };
                save_draft(kind, case_id.clone(), flow, answers, then, set_errors);
            }
        }
    };
    let caption = format!("{} – {}", kind.title(), case.child.name);
    let hint_id = format!("{id}-hint");
    let described = move || {
        let mut ids = Vec::new();
        if question.hint.is_some() {
            ids.push(format!("{id}-hint"));
        }
        if error.get().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let hint = question
        .hint
        .map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> });
    let fields = match question.kind {
        Kind::YesNo | Kind::Choice(_) | Kind::Checklist(_) => {
            let (options, multiple): (Vec<(&'static str, &'static str)>, bool) = match question.kind
            {
                Kind::Choice(options) => {
                    (options.iter().map(|o| (o.value, o.label)).collect(), false)
                }
                Kind::Checklist(items) => {
                    (items.iter().map(|o| (o.value, o.label)).collect(), true)
                }
                _ => (vec![("yes", "Yes"), ("no", "No")], false),
            };
            view! {
                <div class="form-group" class:form-group--error=move || error.get().is_some()>
                    <fieldset class="fieldset" aria-describedby=described>
                        <legend class="fieldset__legend">
                            <span class="caption-l">{caption.clone()}</span>
                            <PageHeading text=question.text.to_string()/>
                        </legend>
                        {hint}
                        <ErrorMessage id=format!("{id}-error") message=error/>
                        {options_view(question, &options, multiple, input)}
                    </fieldset>
                </div>
            }
            .into_any()
        }
        Kind::Date | Kind::DateTime => {
            let time = (question.kind == Kind::DateTime).then(|| {
                let time_hint = format!("{id}-time-hint");
                let time_described = {
                    let time_hint = time_hint.clone();
                    move || if time_error.get().is_some() { format!("{time_hint} {id}-time-error") } else { time_hint.clone() }
                };
                view! {
                    <div class="form-group" class:form-group--error=move || time_error.get().is_some()>
                        <label class="label" for=time_id.clone()>"Time"</label>
                        <div class="hint" id=time_hint>"On the 24-hour clock, such as 17:30"</div>
                        <ErrorMessage id=format!("{id}-time-error") message=time_error/>
                        <input class="input input--width-4" class:input--error=move || time_error.get().is_some()
                            id=time_id.clone() type="text" autocomplete="off" aria-describedby=time_described
                            prop:value=move || input.with(|i| i.time.clone())
                            on:input=move |ev| input.update(|i| i.time = event_target_value(&ev))/>
                    </div>
                }
            });
            view! {
                <span class="caption-l">{caption.clone()}</span>
                <DateInput id=id legend=question.text hint=question.hint.unwrap_or("For example, 27 3 2026") value=date error=error as_heading=true/>
                {time}
            }
            .into_any()
        }
        Kind::Text => {
            document().set_title(&care_planner_core::page_title(question.text));
            view! {
                <div class="form-group" class:form-group--error=move || error.get().is_some()>
                    <span class="caption-l">{caption.clone()}</span>
                    <h1 class="label-wrapper" tabindex="-1">
                        <label class="heading-xl" for=id>{question.text}</label>
                    </h1>
                    {hint}
                    <ErrorMessage id=format!("{id}-error") message=error/>
                    <textarea class="input textarea" id=id name=id rows="4" aria-describedby=described
                        prop:value=move || input.with(|i| i.text.clone())
                        on:input=move |ev| input.update(|i| i.text = event_target_value(&ev))></textarea>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <a href=back.href() class="back-link">"Back"</a>
        <ErrorSummary errors=errors/>
        <form novalidate on:submit=submit>
            {fields}
            <button type="submit" class="button">"Continue"</button>
        </form>
        <details class="details">
            <summary class="details__summary">"Where this question comes from"</summary>
            <div class="details__text"><p class="body">{question.source.label()}</p></div>
        </details>
    }
}

fn initial_input(answer: Option<&Answer>) -> Input {
    let mut input = Input::default();
    match answer {
        Some(Answer::Yes(yes)) => input.choice = if *yes { "yes" } else { "no" }.into(),
        Some(Answer::Choice(value)) => input.choice = value.to_string(),
        Some(Answer::Date(date)) => input.date = DateParts::of(Some(*date)),
        Some(Answer::DateTime(date, time)) => {
            input.date = DateParts::of(Some(*date));
            input.time = time.to_string();
        }
        Some(Answer::Checklist(values)) => {
            input.checked = values.iter().map(|v| v.to_string()).collect()
        }
        Some(Answer::Text(text)) => input.text = text.clone(),
        None => {}
    }
    input
}

/// Radios (one answer) or checkboxes (any), inside the question's fieldset. The first
/// input's id is the question's, for the error summary's link.
fn options_view(
    question: &'static Question,
    options: &[(&'static str, &'static str)],
    multiple: bool,
    input: RwSignal<Input>,
) -> impl IntoView {
    let (kind, item) = if multiple {
        ("checkbox", "checkboxes__item")
    } else {
        ("radio", "radios__item")
    };
    options
        .iter()
        .enumerate()
        .map(|(i, (value, label))| {
            let id = if i == 0 { question.id.to_string() } else { format!("{}-{}", question.id, value) };
            let value = *value;
            view! {
                <div class=item>
                    <input class=kind type=kind id=id.clone() name=question.id value=value
                        prop:checked=move || input.with(|i| if multiple { i.checked.iter().any(|c| c == value) } else { i.choice == value })
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            input.update(|i| {
                                if multiple {
                                    i.checked.retain(|c| c != value);
                                    if on {
                                        i.checked.push(value.to_string());
                                    }
                                } else {
                                    i.choice = value.to_string();
                                }
                            });
                        }/>
                    <label for=id>{*label}</label>
                </div>
            }
        })
        .collect_view()
}

#[component]
fn CheckAnswers(kind: WizardKind, case: Case) -> impl IntoView {
    let flow = kind.flow().expect("a wizard with a flow");
    let answers = answers_of(kind, &case);
    let path = walk(flow, &answers, &case.profile);
    let Step::Done(outcome) = path.now else {
        return view! { <p class="body">"Some questions are still to be answered."</p> }.into_any();
    };
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let case_id = case.id.clone();
    let confirm = {
        let answers = answers.clone();
        move |_| {
            let book = casebook();
            if book.is_changing() {
                return;
            }
            let (answers, id) = (answers.clone(), case_id.clone());
            book.change(
                id.clone(),
                move |case, at| finish(case, kind, &answers, at, today()),
                move |result| match result {
                    Ok(()) => go(Route::WizardStep {
                        kind,
                        case: id,
                        step: At::Done,
                    }),
                    Err(why) => set_errors.set(vec![FieldError {
                        field: String::new(),
                        message: why,
                    }]),
                },
            );
        }
    };
    let rows = answer_rows(kind, &case, &answers, &path.answered, true);
    let changes = kind.changes(&case, &answers, today());
    view! {
        <span class="caption-l">{format!("{} – {}", kind.title(), case.child.name)}</span>
        <PageHeading text="Check your answers before saving them"/>
        <ErrorSummary errors=errors/>
        <dl class="summary-list" id="check-answers">{rows}</dl>
        <h2 class="heading-m">{outcome.title}</h2>
        <p class="body" id="outcome">{outcome.next_step}</p>
        <p class="hint">{format!("Source: {}", outcome.source.label())}</p>
        {(kind == WizardKind::CeasingToBeLookedAfter).then(|| view! { <CeasingRoute case=case.clone() answers=answers.clone()/> })}
        <ChangesSummary changes=changes/>
        <button type="button" class="button" id="confirm" on:click=confirm>"Confirm and save to the case"</button>
    }
    .into_any()
}

/// The answers on the path as summary-list rows, with "Change" links while checking.
fn answer_rows(
    kind: WizardKind,
    case: &Case,
    answers: &Answers,
    path: &[&'static Question],
    changeable: bool,
) -> impl IntoView {
    path.iter()
        .map(|q| {
            let href = Route::WizardStep { kind, case: case.id.clone(), step: At::Question(q.id.to_string()) }.href();
            let answer = answers.get(q.id).map(|a| q.describe(a)).unwrap_or_default();
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{q.text}</dt>
                    <dd class="summary-list__value">{answer}</dd>
                    {changeable.then(|| view! {
                        <dd class="summary-list__actions">
                            <a href=href>"Change"<span class="visually-hidden">{format!(" {}", q.text.to_lowercase())}</span></a>
                        </dd>
                    })}
                </div>
            }
        })
        .collect_view()
}

/// For the ceasing wizard: what the case says on the day, and the approval route for the
/// situation with the source of each part.
#[component]
pub fn CeasingRoute(case: Case, answers: Answers) -> impl IntoView {
    let national = &builtin_profiles()[0];
    let local = profile_for(&case.profile);
    let facts = ceasing::the_day(&answers).map(|day| {
        let rows: Vec<(&str, String)> = ceasing::CaseFacts::of(&case, day).rows();
        view! {
            <h2 class="heading-m">{format!("From the case, on {day}")}</h2>
            <SummaryList rows=rows/>
        }
    });
    let route = ceasing::situation(&answers).map(|situation| {
        let rows = ceasing::route(national, &local, situation)
            .rows()
            .into_iter()
            .map(|(what, who, source)| view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{what}</dt>
                    <dd class="summary-list__value">{who}<span class="hint route__source">{format!("Source: {source}")}</span></dd>
                </div>
            })
            .collect_view();
        view! {
            <h2 class="heading-m">"Approval route"</h2>
            <dl class="summary-list" id="approval-route">{rows}</dl>
        }
    });
    view! { {facts} {route} }
}

/// An event in words: "Placement started on Mon 2 Mar 2026 (at 15:00, Foster care)".
fn event_words(e: &care_planner_core::model::Event) -> String {
    let details = e.details();
    if details.is_empty() {
        format!("\u{201c}{}\u{201d} on {}", e.kind.label(), e.date)
    } else {
        format!(
            "\u{201c}{}\u{201d} on {} ({})",
            e.kind.label(),
            e.date,
            details.join(", ")
        )
    }
}

/// What confirming will write into the case, and what it will leave there.
#[component]
fn ChangesSummary(changes: Changes) -> impl IntoView {
    let mut lines: Vec<String> = Vec::new();
    for e in &changes.add_events {
        lines.push(format!("Record {}", event_words(e)));
    }
    for (before, after) in &changes.change_events {
        lines.push(format!(
            "Change {} to {}",
            event_words(before),
            event_words(after)
        ));
    }
    for t in &changes.add_tasks {
        lines.push(format!("Add the task \u{201c}{}\u{201d}", t.title));
    }
    for t in &changes.complete_tasks {
        lines.push(format!("Mark the task \u{201c}{}\u{201d} done", t.title));
    }
    let mut left: Vec<String> = changes.kept_events.iter().map(event_words).collect();
    left.extend(
        changes
            .kept_tasks
            .iter()
            .map(|t| format!("The task \u{201c}{}\u{201d}, still open", t.title)),
    );
    left.extend(changes.done_already.iter().map(|t| {
        format!("The task \u{201c}{}\u{201d}, marked done on the case though your answers say it is still to do", t.title)
    }));
    let bullets = |items: Vec<String>| {
        items
            .into_iter()
            .map(|l| view! { <li>{l}</li> })
            .collect_view()
    };
    view! {
        <h2 class="heading-m">"What this saves to the case"</h2>
        {if lines.is_empty() {
            view! { <p class="body" id="changes">"Nothing new: the case already has everything these answers record."</p> }.into_any()
        } else {
            view! { <ul class="list list--bullet" id="changes">{bullets(lines)}</ul> }.into_any()
        }}
        {(!left.is_empty()).then(|| view! {
            <div class="inset-text" id="kept">
                <p class="body">"Left as they are on the case, because your answers no longer say otherwise. Change or delete them on the case page if they are wrong:"</p>
                <ul class="list list--bullet">{bullets(left)}</ul>
            </div>
        })}
    }
}

#[component]
fn Confirmation(kind: WizardKind, case: Case) -> impl IntoView {
    let flow = kind.flow().expect("a wizard with a flow");
    let answers = answers_of(kind, &case);
    let path = walk(flow, &answers, &case.profile);
    let outcome = match path.now {
        Step::Done(o) => Some(o),
        Step::Ask(_) => None,
    };
    let summary = answer_rows(kind, &case, &answers, &path.answered, false);
    let rows = vec![
        ("Child", case.child.name.clone()),
        ("Events recorded", case.events.len().to_string()),
        (
            "Tasks",
            case.tasks
                .iter()
                .filter(|t| t.done.is_none())
                .count()
                .to_string(),
        ),
    ];
    let profile = Signal::stored(case.profile.clone());
    let issued = case
        .events
        .iter()
        .any(|e| e.kind == EventKind::ProceedingsIssued);
    let shared = Arc::new(case.clone());
    view! {
        <div class="panel" id="confirmation">
            <PageHeading text=outcome.map_or("Saved", |o| o.title).to_string()/>
        </div>
        <p class="body">{outcome.map(|o| o.next_step)}</p>
        <SummaryList rows=rows/>
        <ul class="list no-print" id="next-links">
            <li><a href=Route::Case { id: case.id.clone() }.href()>{format!("Go to {}'s case", case.child.name)}</a></li>
            {(kind == WizardKind::PreProceedings).then(|| view! {
                <li><a href=Route::TaskList { id: case.id.clone(), list: CHECKLIST.id.to_string() }.href()>"Before proceedings task list"</a></li>
            })}
            {issued.then(|| view! {
                <li><a href=Route::Proceedings { id: case.id.clone() }.href() id="tracker-link">"Care proceedings timetable"</a></li>
            })}
            {(kind == WizardKind::CeasingToBeLookedAfter && outcome.is_some_and(|o| matches!(o.id, "request-approval" | "approved" | "unplanned"))).then(|| view! {
                <li><a href=Route::ApprovalRequest { id: case.id.clone() }.href() id="request-link">"The approval request, to print"</a></li>
            })}
        </ul>
        <button type="button" class="button button--secondary no-print" on:click=|_| { let _ = window().print(); }>"Print this summary"</button>
        <h2 class="heading-l">"Your answers"</h2>
        <dl class="summary-list" id="answers">{summary}</dl>
        <Deadlines case=shared profile_id=profile/>
    }
}
