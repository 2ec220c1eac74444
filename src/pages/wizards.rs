use care_planner_core::forms::FieldError;
use care_planner_core::model::{Case, Child, DEFAULT_PROFILE};
use care_planner_core::routes::{Route, Step};
use care_planner_core::rules::builtin_profiles;
use care_planner_core::wizards::WizardKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::casebook::casebook;
use crate::clock::{new_id, now_stamp};
use crate::components::form::{error_for, ErrorSummary, TextInput};
use crate::profiles::{imported_profiles, label};

use crate::components::heading::PageHeading;
use crate::components::notice::Inset;
use crate::components::sources::CitationList;

#[component]
pub fn WizardsPage() -> impl IntoView {
    view! {
        <PageHeading text="Start a guided procedure"/>
        <p class="body">
            "Each guided procedure asks one question at a time and tells you what must happen \
             next, by when, and which procedure says so."
        </p>
        <ul class="list">
            {WizardKind::ALL
                .into_iter()
                .map(|kind| {
                    view! {
                        <li class="list__item--spaced">
                            <h2 class="heading-m">
                                <a href=Route::Wizard(kind).href()>{kind.title()}</a>
                            </h2>
                            <p class="body">{kind.purpose()}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
pub fn WizardPage(kind: WizardKind) -> impl IntoView {
    let intro = view! {
        <span class="caption-l">"Guided procedure"</span>
        <PageHeading text={kind.title()}/>
        <p class="body-l">{kind.purpose()}</p>
    };
    let body = if kind.flow().is_some() {
        view! { <StartForm kind=kind/> }.into_any()
    } else {
        view! { <Inset>"This guided procedure is not available in the pilot yet."</Inset> }
            .into_any()
    };
    view! {
        {intro}
        {body}
        <h2 class="heading-m">"Sources"</h2>
        <CitationList citations=kind.sources()/>
    }
}

/// Which child the wizard is for: a new case (name and procedures) or one on this device.
/// The answers are kept in that case as a draft from the first question on.
#[component]
fn StartForm(kind: WizardKind) -> impl IntoView {
    let book = casebook();
    let which = RwSignal::new(NEW.to_string());
    let name = RwSignal::new(String::new());
    let profile = RwSignal::new(DEFAULT_PROFILE.to_string());
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let busy = RwSignal::new(false);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let chosen = which.get_untracked();
        if chosen != NEW {
            go(Route::WizardStep {
                kind,
                case: chosen,
                step: Step::Next,
            });
            return;
        }
        let child = Child {
            name: name.get_untracked().trim().to_string(),
            ..Child::default()
        };
        if child.name.is_empty() {
            set_errors.set(vec![FieldError {
                field: "child-name".into(),
                message: "Enter the child's name or initials".into(),
            }]);
            return;
        }
        let mut case = Case::new(new_id("c"), child);
        case.profile = profile.get_untracked();
        case.record_creation(&now_stamp());
        // An empty draft from the start, so that the caseload offers to carry on with it.
        case.answers
            .insert(kind.slug().to_string(), Default::default());
        busy.set(true);
        spawn_local(async move {
            match book.create(case).await {
                Ok(saved) => go(Route::WizardStep {
                    kind,
                    case: saved.id,
                    step: Step::Next,
                }),
                Err(e) => {
                    busy.set(false);
                    set_errors.set(vec![FieldError {
                        field: String::new(),
                        message: e.to_string(),
                    }]);
                }
            }
        });
    };
    let imported = imported_profiles().0;
    view! {
        <h2 class="heading-l">"Start"</h2>
        <ErrorSummary errors=errors/>
        <form novalidate on:submit=start>
            <div class="form-group">
                <label class="label" for="which-case">"Which child is this for?"</label>
                <select class="select" id="which-case" on:change=move |ev| which.set(event_target_value(&ev))>
                    <option value=NEW selected=true>"A child not yet on this device"</option>
                    {move || book.cases.with(|cases| cases.iter().map(|c| {
                        let label = if c.child.reference.is_empty() { c.child.name.clone() } else { format!("{} ({})", c.child.name, c.child.reference) };
                        view! { <option value=c.id.clone()>{label}</option> }
                    }).collect_view())}
                </select>
            </div>
            <Show when=move || which.get() == NEW>
                <TextInput id="child-name" label="Child's name or initials" value=name error=error_for(errors, "child-name") width="input--width-20"/>
                <div class="form-group">
                    <label class="label" for="wizard-profile">"Procedures to follow"</label>
                    <select class="select" id="wizard-profile" on:change=move |ev| profile.set(event_target_value(&ev))>
                        {move || imported.with(|imported| builtin_profiles().iter().chain(imported).map(|p| {
                            view! { <option value=p.id.clone() selected=p.id == DEFAULT_PROFILE>{label(p)}</option> }
                        }).collect_view())}
                    </select>
                </div>
            </Show>
            <button type="submit" class="button button--start" disabled=move || busy.get()>"Start now"</button>
        </form>
        <p class="body">"Your answers are saved as you go: you can leave and carry on later from your caseload."</p>
    }
}

/// The value of "a child not yet on this device".
const NEW: &str = "new";

fn go(route: Route) {
    let _ = window().location().set_hash(&route.href());
}
