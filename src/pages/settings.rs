use care_planner_core::rules::{catalogue, import_profile, Problem, MAX_BYTES};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

use crate::components::heading::PageHeading;
use crate::components::notice::Inset;
use crate::profiles::{ids_in_use, imported_profiles, label};

/// What the last import did.
#[derive(Clone)]
enum Outcome {
    /// The profile's name, and whether it is kept for next time.
    Imported(String, bool),
    Refused {
        file: String,
        problems: Vec<Problem>,
    },
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let imported = imported_profiles().0;
    let (outcome, set_outcome) = signal(None::<Outcome>);

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let name = file.name();
        input.set_value("");
        if file.size() > MAX_BYTES as f64 {
            let problem = Problem {
                location: String::new(),
                message: format!(
                    "The file is {} KB; a profile file must be at most {} KB.",
                    file.size() as u64 / 1024,
                    MAX_BYTES / 1024
                ),
            };
            set_outcome.set(Some(Outcome::Refused {
                file: name,
                problems: vec![problem],
            }));
            return;
        }
        spawn_local(async move {
            let text = crate::files::read_text(&file).await;
            let Some(text) = text else {
                let problem = Problem {
                    location: String::new(),
                    message: "The file could not be read.".into(),
                };
                set_outcome.set(Some(Outcome::Refused {
                    file: name,
                    problems: vec![problem],
                }));
                return;
            };
            let in_use = imported.with_untracked(|list| ids_in_use(list));
            let in_use: Vec<&str> = in_use.iter().map(String::as_str).collect();
            match import_profile(&text, catalogue(), &in_use) {
                Ok(profile) => {
                    let kept = crate::preferences::add_profile_file(&text);
                    set_outcome.set(Some(Outcome::Imported(label(&profile), kept)));
                    imported.update(|list| list.push(profile));
                }
                Err(problems) => set_outcome.set(Some(Outcome::Refused {
                    file: name,
                    problems,
                })),
            }
        });
    };

    view! {
        <PageHeading text="Settings and backup"/>
        <LockSection/>
        <crate::pages::backup::Backup/>
        {move || outcome.get().map(outcome_view)}
        <h2 class="heading-l">"Your authority's procedures"</h2>
        <p class="body">
            "Care Planner knows the national law and the procedures of the authorities listed on the "
            <a href="#/about">"About page"</a>
            ". If your authority's procedures differ, you can add them as a profile file: the "
            "periods your procedures set for each deadline, and the section of your document that sets them."
        </p>
        <div class="form-group">
            <label class="label" for="profile-file">"Upload a profile file"</label>
            <div class="hint" id="profile-file-hint">
                "A JSON file in the Care Planner profile format, at most 1 MB. A file with any problem is "
                "refused whole and nothing changes."
            </div>
            <input
                class="file-upload"
                id="profile-file"
                name="profile-file"
                type="file"
                accept=".json,application/json"
                aria-describedby="profile-file-hint"
                on:change=on_file
            />
        </div>
        <h3 class="heading-m">"Imported profiles"</h3>
        {move || {
            let names: Vec<String> = imported.with(|list| list.iter().map(label).collect());
            if names.is_empty() {
                view! { <p class="body">"None."</p> }.into_any()
            } else {
                view! { <ul class="list list--bullet" id="imported-profiles">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }.into_any()
            }
        }}
        <Inset>
            "Imported profiles are kept in this browser on this device. A case that follows a profile \
             this device does not have shows the national deadlines and says so."
        </Inset>
    }
}

/// Whether the passphrase lock is on, and the way to set or change it.
#[component]
fn LockSection() -> impl IntoView {
    let book = crate::casebook::casebook();
    let on = move || book.lock.get() == crate::casebook::Lock::Unlocked;
    view! {
        <h2 class="heading-l" id="lock">"Passphrase lock"</h2>
        <p class="body" id="lock-state">
            {move || if on() {
                format!(
                    "On: the cases on this device are encrypted, and Care Planner locks after {} minutes without use.",
                    crate::preferences::idle_lock_minutes()
                )
            } else {
                "Off: anyone who can use this browser on this device can open the cases. On a shared device, set a passphrase.".to_string()
            }}
        </p>
        <p class="body">
            <a href=care_planner_core::routes::Route::Passphrase.href() id="lock-link">
                {move || if on() { "Change the passphrase or the time before it locks, or remove it" } else { "Set a passphrase" }}
            </a>
        </p>
    }
}

fn outcome_view(outcome: Outcome) -> AnyView {
    match outcome {
        Outcome::Imported(name, kept) => view! {
            <div class="notification notification--success" role="status">
                <h2 class="notification__heading">{format!("Imported {name}")}</h2>
                <p class="body">"You can now choose it under \u{201c}Procedures to follow\u{201d} on a case."</p>
                {(!kept).then(|| view! { <p class="body">"This browser would not keep it, so it lasts only while this tab is open."</p> })}
            </div>
        }
        .into_any(),
        Outcome::Refused { file, problems } => view! {
            <div class="error-summary" role="alert">
                <h2 class="error-summary__title">"There is a problem"</h2>
                <p class="body">{format!("{file} was not imported, and nothing has changed. Correct these and upload it again:")}</p>
                <ul class="list error-summary__list">
                    {problems
                        .into_iter()
                        .map(|p| {
                            view! {
                                <li>
                                    <a href="#profile-file" on:click=focus_file_input>
                                        {p.location.clone()}
                                    </a>
                                    {if p.location.is_empty() { String::new() } else { ": ".to_string() }}
                                    {p.message}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
        .into_any(),
    }
}

/// The error summary's links lead to the upload field; the fragment is the app's
/// address, so focus moves without following the link.
fn focus_file_input(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(input) = document()
        .get_element_by_id("profile-file")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}
