//! The forms that change a case, each on its own page: add a case, change the child's
//! details, record or change an event, delete a case. Each form keeps the revision of the
//! case it was opened on, so a save made after another tab changed the case is refused.

use care_planner_core::forms::{read_child, read_event, DateParts, EventInput, FieldError};
use care_planner_core::model::{Case, EventKind, LegalBasis, Part, PlacementType, DEFAULT_PROFILE};
use care_planner_core::routes::Route;
use care_planner_core::rules::catalogue;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::casebook::{casebook, LoadState};
use crate::clock::{new_id, now_stamp, today};
use crate::components::form::{error_for, DateInput, ErrorMessage, ErrorSummary, TextInput};
use crate::components::heading::PageHeading;
use crate::pages::case::CaseNotFound;
use crate::store::StoreError;

fn go(route: Route) {
    let _ = window().location().set_hash(&route.href());
}

/// Renders `form` with the case `id` as it was when the page opened, and `base`: the copy
/// a submitted change is applied to. Later changes from other tabs are not followed (they
/// are checked for when saving); after a refusal `base` becomes the latest copy, so that
/// saving again applies what was typed to it.
fn with_case<V: IntoView + 'static>(
    id: String,
    form: impl Fn(Case, StoredValue<Option<Case>>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let book = casebook();
    // Re-rendered only when loading starts or ends, not on every reload (which would throw
    // away what was typed).
    let loading = Memo::new(move |_| book.load.get() == LoadState::Loading);
    let opened = StoredValue::new(None::<Case>);
    let base = StoredValue::new(None::<Case>);
    move || {
        if loading.get() {
            return view! { <p class="body">"Loading the case…"</p> }.into_any();
        }
        let case = opened.get_value().or_else(|| {
            let found = book.latest(&id);
            opened.set_value(found.clone());
            base.set_value(found.clone());
            found
        });
        match case {
            Some(case) => form(case, base).into_any(),
            None => view! { <CaseNotFound id=id.clone()/> }.into_any(),
        }
    }
}

/// A store refusal, for the error summary only (it is not about any one field).
fn refusal(e: &StoreError) -> Vec<FieldError> {
    let message = if e.is_stale() {
        "This case was changed in another tab or window after you opened this page, so your change \
         was not saved. What you typed is still here: check the case in another tab if you need to, \
         then save again to apply it to the latest version."
            .to_string()
    } else {
        e.to_string()
    };
    vec![FieldError {
        field: String::new(),
        message,
    }]
}

/// Saves `changed` (built on `base`); on success goes to the case. A refusal is shown in
/// the error summary and `base` becomes the latest copy. `busy` is set while saving, so
/// that a second press does not save twice.
fn save_then_show(
    changed: Case,
    base: StoredValue<Option<Case>>,
    errors: WriteSignal<Vec<FieldError>>,
    busy: RwSignal<bool>,
) {
    let book = casebook();
    busy.set(true);
    spawn_local(async move {
        let id = changed.id.clone();
        match book.save(changed).await {
            Ok(_) => go(Route::Case { id }),
            Err(e) => {
                if let Some(latest) = book.latest(&id) {
                    base.set_value(Some(latest));
                }
                errors.set(refusal(&e));
                busy.set(false);
            }
        }
    });
}

#[component]
pub fn NewCasePage() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let reference = RwSignal::new(String::new());
    let born = RwSignal::new(DateParts::default());
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        match read_child(
            &name.get_untracked(),
            &reference.get_untracked(),
            &born.get_untracked(),
            today(),
        ) {
            Err(found) => set_errors.set(found),
            Ok(child) => {
                set_errors.set(Vec::new());
                let mut case = Case::new(new_id("c"), child);
                case.profile = DEFAULT_PROFILE.to_string();
                case.record_creation(&now_stamp());
                let book = casebook();
                busy.set(true);
                spawn_local(async move {
                    match book.create(case).await {
                        Ok(saved) => go(Route::Case { id: saved.id }),
                        Err(e) => {
                            set_errors.set(refusal(&e));
                            busy.set(false);
                        }
                    }
                });
            }
        }
    };
    view! {
        <a href=Route::Caseload.href() class="back-link">"Back to your caseload"</a>
        <PageHeading text="Add a case"/>
        <ErrorSummary errors=errors/>
        <form novalidate on:submit=submit>
            <ChildFields name=name reference=reference born=born errors=errors/>
            <button type="submit" class="button" disabled=move || busy.get()>"Add case"</button>
        </form>
    }
}

#[component]
fn ChildFields(
    name: RwSignal<String>,
    reference: RwSignal<String>,
    born: RwSignal<DateParts>,
    errors: ReadSignal<Vec<FieldError>>,
) -> impl IntoView {
    view! {
        <TextInput id="name" label="Child's name or initials" hint="Use initials if your team's policy asks for them." value=name error=error_for(errors, "name") width="input--width-20"/>
        <TextInput id="reference" label="Case reference (optional)" hint="Your authority's reference for the child." value=reference error=error_for(errors, "reference") width="input--width-10"/>
        <DateInput id="date-of-birth" legend="Date of birth (optional)" hint="For example, 27 3 2014. Needed for age-related deadlines." value=born error=error_for(errors, "date-of-birth")/>
    }
}

#[component]
pub fn EditChildPage(id: String) -> impl IntoView {
    with_case(id, |case: Case, base: StoredValue<Option<Case>>| {
        let busy = RwSignal::new(false);
        let name = RwSignal::new(case.child.name.clone());
        let reference = RwSignal::new(case.child.reference.clone());
        let born = RwSignal::new(DateParts::of(case.child.date_of_birth));
        let (errors, set_errors) = signal(Vec::<FieldError>::new());
        let back = Route::Case {
            id: case.id.clone(),
        };
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match read_child(
                &name.get_untracked(),
                &reference.get_untracked(),
                &born.get_untracked(),
                today(),
            ) {
                Err(found) => set_errors.set(found),
                Ok(child) => {
                    let Some(mut changed) = base.get_value() else {
                        return;
                    };
                    if let Err(e) = changed.update(Part::Child(child), &now_stamp()) {
                        set_errors.set(vec![FieldError {
                            field: "name".into(),
                            message: e.to_string(),
                        }]);
                        return;
                    }
                    save_then_show(changed, base, set_errors, busy);
                }
            }
        };
        view! {
            <a href=back.href() class="back-link">"Back to the case"</a>
            <PageHeading text="Change the child's details"/>
            <ErrorSummary errors=errors/>
            <form novalidate on:submit=submit>
                <ChildFields name=name reference=reference born=born errors=errors/>
                <button type="submit" class="button" disabled=move || busy.get()>"Save changes"</button>
            </form>
        }
    })
}

#[component]
pub fn EventFormPage(id: String, event: Option<String>) -> impl IntoView {
    with_case(id, move |case: Case, base: StoredValue<Option<Case>>| {
        let busy = RwSignal::new(false);
        let existing = event
            .as_ref()
            .and_then(|eid| case.events.iter().find(|e| &e.id == eid).cloned());
        if event.is_some() && existing.is_none() {
            return view! {
                <PageHeading text="Event not found"/>
                <p class="body">"This event is no longer in the case; it may have been deleted in another tab."</p>
                <p class="body"><a href=Route::Case { id: case.id.clone() }.href()>"Back to the case"</a></p>
            }
            .into_any();
        }
        let input = RwSignal::new(existing.as_ref().map(EventInput::of).unwrap_or_default());
        let date = RwSignal::new(input.get_untracked().date);
        let (errors, set_errors) = signal(Vec::<FieldError>::new());
        let heading = if existing.is_some() {
            "Change an event"
        } else {
            "Record an event"
        };
        let back = Route::Case {
            id: case.id.clone(),
        };
        let event_id = existing
            .as_ref()
            .map_or_else(|| new_id("e"), |e| e.id.clone());
        let is_new = existing.is_none();
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = EventInput {
                date: date.get_untracked(),
                ..input.get_untracked()
            };
            match read_event(&event_id, &typed) {
                Err(found) => set_errors.set(found),
                Ok(event) => {
                    let Some(mut changed) = base.get_value() else {
                        return;
                    };
                    let at = now_stamp();
                    let applied = if is_new {
                        changed.add(Part::Event(event), &at)
                    } else {
                        changed.update(Part::Event(event), &at).map(|_| ())
                    };
                    match applied {
                        Ok(()) => save_then_show(changed, base, set_errors, busy),
                        Err(e) => set_errors.set(vec![FieldError {
                            field: "kind".into(),
                            message: e.to_string(),
                        }]),
                    }
                }
            }
        };
        let kind = Signal::derive(move || EventKind::from_name(&input.with(|i| i.kind.clone())));
        view! {
            <a href=back.href() class="back-link">"Back to the case"</a>
            <PageHeading text=heading/>
            <ErrorSummary errors=errors/>
            <form novalidate on:submit=submit>
                <Choice id="kind" label="What happened" input=input get=|i| i.kind.clone() set=|i, v| i.kind = v
                    options=EventKind::ALL.iter().map(|k| (k.name(), k.label())).collect() errors=errors/>
                <DateInput id="date" legend="When did it happen?" hint="For example, 27 3 2026" value=date error=error_for(errors, "date")/>
                <Show when=move || kind.get().is_some_and(|k| k.needs_time())>
                    <TimeField input=input errors=errors/>
                </Show>
                <Show when=move || kind.get() == Some(EventKind::BecameLookedAfter)>
                    <Choice id="basis" label="Legal basis" input=input get=|i| i.basis.clone() set=|i, v| i.basis = v
                        options=LegalBasis::ALL.iter().map(|b| (b.name(), b.label())).collect() errors=errors/>
                </Show>
                <Show when=move || kind.get() == Some(EventKind::PlacementStarted)>
                    <Choice id="placement" label="Type of placement" input=input get=|i| i.placement.clone() set=|i, v| i.placement = v
                        options=PlacementType::ALL.iter().map(|p| (p.name(), p.label())).collect() errors=errors/>
                    <fieldset class="fieldset form-group">
                        <legend class="fieldset__legend">"About the placement (select all that apply)"</legend>
                        <Flag id="emergency" label="An emergency placement" input=input get=|i| i.emergency set=|i, v| i.emergency = v/>
                        <Flag id="long-term" label="A long-term foster placement the child agrees to" input=input get=|i| i.long_term set=|i, v| i.long_term = v/>
                        <Flag id="until-18" label="Intended to last until the child is 18" input=input get=|i| i.until_18 set=|i, v| i.until_18 = v/>
                    </fieldset>
                </Show>
                <Show when=move || kind.get() == Some(EventKind::CeasedLookedAfter)>
                    <Choice id="planned" label="Was it planned?" input=input get=|i| i.planned.clone() set=|i, v| i.planned = v
                        options=vec![("planned", "Planned"), ("unplanned", "Unplanned")] errors=errors/>
                </Show>
                <Show when=move || matches!(kind.get(), Some(EventKind::ExtensionGranted | EventKind::ConnectedPersonExtended))>
                    <WeeksField input=input errors=errors/>
                </Show>
                <Show when=move || kind.get() == Some(EventKind::DutyCompleted)>
                    <Choice id="rule" label="Which duty was done?" input=input get=|i| i.rule.clone() set=|i, v| i.rule = v
                        options=catalogue().iter().map(|r| (r.id.as_str(), r.due.as_str())).collect() errors=errors/>
                </Show>
                <button type="submit" class="button" disabled=move || busy.get()>{if is_new { "Record event" } else { "Save changes" }}</button>
            </form>
        }
        .into_any()
    })
}

/// A select for one field of the event form.
#[component]
fn Choice(
    id: &'static str,
    label: &'static str,
    input: RwSignal<EventInput>,
    get: fn(&EventInput) -> String,
    set: fn(&mut EventInput, String),
    options: Vec<(&'static str, &'static str)>,
    errors: ReadSignal<Vec<FieldError>>,
) -> impl IntoView {
    let error = error_for(errors, id);
    let current = input.with_untracked(get);
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=id>{label}</label>
            <ErrorMessage id=format!("{id}-error") message=error/>
            <select class="select" id=id name=id on:change=move |ev| input.update(|i| set(i, event_target_value(&ev)))>
                <option value="" selected=current.is_empty()>"Select"</option>
                {options
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value selected=current == value>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Flag(
    id: &'static str,
    label: &'static str,
    input: RwSignal<EventInput>,
    get: fn(&EventInput) -> bool,
    set: fn(&mut EventInput, bool),
) -> impl IntoView {
    view! {
        <div class="checkboxes__item">
            <input class="checkbox" type="checkbox" id=id name=id prop:checked=move || input.with(get)
                on:change=move |ev| input.update(|i| set(i, event_target_checked(&ev)))/>
            <label for=id>{label}</label>
        </div>
    }
}

#[component]
fn TimeField(input: RwSignal<EventInput>, errors: ReadSignal<Vec<FieldError>>) -> impl IntoView {
    let value = RwSignal::new(input.with_untracked(|i| i.time.clone()));
    Effect::new(move |_| {
        let time = value.get();
        input.update(|i| i.time = time);
    });
    view! {
        <TextInput id="time" label="Time (optional)" hint="On the 24-hour clock, such as 17:30. Needed for deadlines counted in hours." value=value error=error_for(errors, "time") width="input--width-4"/>
    }
}

#[component]
fn WeeksField(input: RwSignal<EventInput>, errors: ReadSignal<Vec<FieldError>>) -> impl IntoView {
    let value = RwSignal::new(input.with_untracked(|i| i.weeks.clone()));
    Effect::new(move |_| {
        let weeks = value.get();
        input.update(|i| i.weeks = weeks);
    });
    view! {
        <TextInput id="weeks" label="Length of the extension, in weeks" value=value error=error_for(errors, "weeks") width="input--width-2"/>
    }
}

#[component]
pub fn DeleteCasePage(id: String) -> impl IntoView {
    with_case(id, |case: Case, base: StoredValue<Option<Case>>| {
        let (errors, set_errors) = signal(Vec::<FieldError>::new());
        // The copy the question describes: after a refusal, the latest one, which is then
        // what a second press deletes.
        let shown = RwSignal::new(case.clone());
        let busy = RwSignal::new(false);
        let confirm = move |_| {
            if busy.get_untracked() {
                return;
            }
            let (id, revision) = shown.with_untracked(|c| (c.id.clone(), c.revision));
            let book = casebook();
            busy.set(true);
            spawn_local(async move {
                match book.delete(&id, revision).await {
                    Ok(()) => go(Route::Caseload),
                    Err(e) => {
                        busy.set(false);
                        if let Some(latest) = book.latest(&id) {
                            base.set_value(Some(latest.clone()));
                            shown.set(latest);
                        }
                        let message = if e.is_stale() {
                            "This case was changed in another tab or window after you opened this page, so it was not \
                             deleted. Check it, then press \u{201c}Delete this case\u{201d} again if you still want to.".to_string()
                        } else {
                            e.to_string()
                        };
                        set_errors.set(vec![FieldError {
                            field: String::new(),
                            message,
                        }]);
                    }
                }
            });
        };
        view! {
            <a href=Route::Case { id: case.id.clone() }.href() class="back-link">"Back to the case"</a>
            <PageHeading text=format!("Delete the case of {}?", case.child.name) tab="Delete a case"/>
            <ErrorSummary errors=errors/>
            <p class="body" id="delete-what">
                {move || shown.with(|c| format!("This deletes {}'s case from this device: {} events, {} tasks and its history. It cannot be undone.", c.child.name, c.events.len(), c.tasks.len()))}
            </p>
            <p class="body">"If you may need it again, export it from the case page first."</p>
            <div class="button-group">
                <button type="button" class="button button--warning" id="delete" on:click=confirm disabled=move || busy.get()>"Delete this case"</button>
                <a class="link" href=Route::Case { id: case.id.clone() }.href()>"Cancel"</a>
            </div>
        }
    })
}
