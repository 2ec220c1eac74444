//! Backup and restore, storage on this device, and deleting everything: the parts of the
//! Settings page that look after the cases themselves.

use care_planner_core::encryption::{check_new_passphrase, SealedFile};
use care_planner_core::forms::FieldError;
use care_planner_core::model::file::{read_cases, write_cases, MAX_BYTES};
use care_planner_core::model::import::{plan_import, ImportPlan};
use care_planner_core::problem::Problem;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::casebook::{casebook, LoadState, Lock};
use crate::clock::{local_stamp, now_stamp, today};
use crate::components::focus::focus;
use crate::components::form::{error_for, ErrorSummary, TextInput};
use crate::components::passphrase_fields::NewPassphraseFields;
use crate::files::{download, read_text};
use crate::preferences::{last_backup, set_last_backup};
use crate::vault::{Vault, VaultError};

#[derive(Clone)]
enum Outcome {
    Done(String),
    Refused {
        file: String,
        problems: Vec<Problem>,
    },
}

#[component]
pub fn Backup() -> impl IntoView {
    let book = casebook();
    let last = RwSignal::new(last_backup());
    let outcome = RwSignal::new(None::<Outcome>);
    let plan = RwSignal::new(None::<(String, ImportPlan)>);
    // With a lock on, a backup is encrypted unless the user chooses otherwise.
    let protect = RwSignal::new(book.lock.get_untracked() == Lock::Unlocked);
    let (new, again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let exporting = RwSignal::new(false);
    // An encrypted backup chosen for import, waiting for its passphrase.
    let sealed = RwSignal::new(None::<(String, SealedFile)>);
    let opening = RwSignal::new(String::new());
    // Deriving a backup's key takes a moment (longer for a file asking more iterations).
    let unsealing = RwSignal::new(false);

    let export_all = move |_| {
        if exporting.get_untracked() {
            return;
        }
        let passphrase = if protect.get_untracked() {
            match check_new_passphrase(&new.get_untracked(), &again.get_untracked()) {
                Ok(()) => Some(new.get_untracked()),
                Err(p) => {
                    let field = p
                        .location
                        .replace("new-passphrase", "backup-new")
                        .replace("confirm-passphrase", "backup-confirm");
                    set_errors.set(vec![FieldError {
                        field,
                        message: p.message,
                    }]);
                    return;
                }
            }
        } else {
            None
        };
        set_errors.set(Vec::new());
        let stamp = now_stamp();
        let text = book
            .cases
            .with_untracked(|cases| write_cases(cases, &stamp));
        exporting.set(true);
        spawn_local(async move {
            let file = match passphrase {
                None => Ok((format!("care-planner-backup-{}.json", today().iso()), text)),
                Some(passphrase) => seal_backup(&passphrase, &text).await.map(|sealed| {
                    (
                        format!("care-planner-backup-{}-encrypted.json", today().iso()),
                        sealed,
                    )
                }),
            };
            exporting.set(false);
            match file {
                // Counted as a backup only once the browser has been given the file.
                Ok((name, text)) => {
                    if download(&name, &text, "application/json") {
                        set_last_backup(&stamp);
                        last.set(Some(stamp));
                        new.set(String::new());
                        again.set(String::new());
                    }
                }
                Err(message) => set_errors.set(vec![FieldError {
                    field: String::new(),
                    message,
                }]),
            }
        });
    };
    let ready = move || book.load.get() == LoadState::Ready;

    // What importing the backup `text` would do, or why it cannot be imported.
    let plan_from = move |name: String, text: &str| match read_cases(text) {
        Err(problems) => outcome.set(Some(Outcome::Refused {
            file: name,
            problems,
        })),
        Ok(cases) => {
            outcome.set(None);
            let planned = book
                .cases
                .with_untracked(|existing| plan_import(existing, cases));
            plan.set(Some((name, planned)));
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        plan.set(None);
        sealed.set(None);
        let name = file.name();
        let refuse = move |message: String| {
            outcome.set(Some(Outcome::Refused {
                file: name.clone(),
                problems: vec![Problem::new("", message)],
            }));
        };
        if file.size() > MAX_BYTES as f64 {
            refuse(format!(
                "The file is larger than {} MB; it is not a Care Planner backup.",
                MAX_BYTES / (1024 * 1024)
            ));
            return;
        }
        spawn_local(async move {
            let Some(text) = read_text(&file).await else {
                refuse("The file could not be read.".into());
                return;
            };
            match SealedFile::parse(&text) {
                Ok(None) => plan_from(file.name(), &text),
                Ok(Some(encrypted)) => {
                    outcome.set(None);
                    opening.set(String::new());
                    sealed.set(Some((file.name(), encrypted)));
                }
                Err(problems) => outcome.set(Some(Outcome::Refused {
                    file: file.name(),
                    problems,
                })),
            }
        });
    };

    let open_sealed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((name, file)) = sealed.get_untracked() else {
            return;
        };
        let passphrase = opening.get_untracked();
        if unsealing.get_untracked() {
            return;
        }
        if passphrase.is_empty() {
            set_errors.set(vec![FieldError {
                field: "backup-passphrase".into(),
                message: "Enter the backup's passphrase".into(),
            }]);
            return;
        }
        unsealing.set(true);
        spawn_local(async move {
            let opened = match Vault::derive(&passphrase, file.key.clone()).await {
                Ok(vault) => vault.open(&file.sealed).await,
                Err(e) => Err(e),
            };
            unsealing.set(false);
            let opened = opened.map_err(|e| match e {
                VaultError::WrongPassphrase => "That passphrase does not open this backup. Check it and try again; if it is right, the file has been damaged.".to_string(),
                e => e.to_string(),
            });
            match opened {
                Ok(text) => {
                    set_errors.set(Vec::new());
                    sealed.set(None);
                    plan_from(name, &text);
                }
                Err(message) => set_errors.set(vec![FieldError {
                    field: "backup-passphrase".into(),
                    message,
                }]),
            }
        });
    };

    let confirm = move |_| {
        let Some((file, planned)) = plan.try_update(Option::take).flatten() else {
            return;
        };
        let (added, replaced) = (planned.add.len(), planned.replace.len());
        spawn_local(async move {
            match book.import(planned).await {
                Ok(()) => outcome.set(Some(Outcome::Done(format!(
                    "Imported {file}: {added} added, {replaced} replaced."
                )))),
                Err(e) => outcome.set(Some(Outcome::Refused {
                    file,
                    problems: vec![Problem::new("", e.to_string())],
                })),
            }
        });
    };

    view! {
        <h2 class="heading-l" id="backup">"Back up and restore cases"</h2>
        {move || outcome.get().map(outcome_view)}
        <p class="body">
            "Cases are kept only in this browser on this device. A backup is a file you keep somewhere safe \
             (your authority's secure drive): it holds every case with its events, tasks, wizard answers and history."
        </p>
        <p class="body" id="backup-when">
            {move || match last.get() {
                Some(stamp) => format!("Last backup from this device: {}.", local_stamp(&stamp)),
                None => "No backup has been made from this device.".to_string(),
            }}
        </p>
        <ErrorSummary errors=errors/>
        <div class="checkboxes__item">
            <input class="checkbox" type="checkbox" id="backup-protect"
                prop:checked=move || protect.get()
                on:change=move |ev| protect.set(event_target_checked(&ev))/>
            <label for="backup-protect">"Encrypt the backup with a passphrase"</label>
        </div>
        <Show when=move || protect.get()>
            <div class="inset-text">
                <NewPassphraseFields ids=("backup-new", "backup-confirm")
                    labels=("Passphrase for this backup", "The passphrase again")
                    hint="At least 10 characters. You need it to restore the backup; nobody can open it without."
                    new=new again=again errors=errors/>
            </div>
        </Show>
        <button type="button" class="button" id="export-all" on:click=export_all disabled=move || !ready() || exporting.get()>
            {move || format!("Export all cases ({})", book.cases.with(Vec::len))}
        </button>
        {move || {
            let unreadable = book.quarantined.with(Vec::len);
            (unreadable > 0).then(|| view! {
                <p class="body">
                    {format!("The backup does not include the {unreadable} stored records that could not be read; \
                              download those from your caseload page.")}
                </p>
            })
        }}
        <div class="form-group">
            <label class="label" for="cases-file">"Restore from a backup file"</label>
            <div class="hint" id="cases-file-hint">
                "The file is checked first; if anything in it is wrong nothing changes. You will see what it \
                 would add or replace before anything is saved."
            </div>
            <input class="file-upload" id="cases-file" type="file" accept=".json,application/json"
                aria-describedby="cases-file-hint" on:change=on_file/>
        </div>
        {move || sealed.with(|s| s.as_ref().map(|(name, _)| view! {
            <form novalidate on:submit=open_sealed id="open-backup">
                <p class="body">{format!("{name} is an encrypted backup.")}</p>
                <TextInput id="backup-passphrase" label="The backup's passphrase" kind="password" autocomplete="off" value=opening error=error_for(errors, "backup-passphrase")/>
                <div class="button-group">
                    <button type="submit" class="button" disabled=move || unsealing.get()>
                        {move || if unsealing.get() { "Opening the backup…" } else { "Open the backup" }}
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| sealed.set(None)>"Cancel"</button>
                </div>
            </form>
        }))}
        {move || plan.with(|p| p.as_ref().map(|(file, p)| view! {
            {plan_view(file.clone(), p)}
            <div class="button-group">
                {(!p.is_empty()).then(|| {
                    let text = if p.replace.is_empty() {
                        format!("Add {} cases", p.add.len())
                    } else {
                        format!("Add {} and replace {} cases", p.add.len(), p.replace.len())
                    };
                    view! { <button type="button" class="button" class:button--warning=!p.replace.is_empty() id="confirm-import" on:click=confirm>{text}</button> }
                })}
                <button type="button" class="button button--secondary" on:click=move |_| plan.set(None)>"Cancel"</button>
            </div>
        }))}
        <StorageInfo/>
        <DeleteAll/>
    }
}

fn plan_view(file: String, plan: &ImportPlan) -> impl IntoView {
    let names = |cases: Vec<String>| {
        cases
            .into_iter()
            .map(|n| view! { <li>{n}</li> })
            .collect_view()
    };
    let add: Vec<String> = plan.add.iter().map(|c| c.child.name.clone()).collect();
    let replace: Vec<String> = plan
        .replace
        .iter()
        .map(|r| {
            if r.device_is_newer {
                format!(
                    "{} (the copy on this device has changes the file does not)",
                    r.incoming.child.name
                )
            } else {
                r.incoming.child.name.clone()
            }
        })
        .collect();
    view! {
        <div class="inset-text" id="import-plan">
            <h3 class="heading-m">{format!("What importing {file} would do")}</h3>
            <p class="body">{format!("{} new cases would be added.", add.len())}</p>
            <ul class="list list--bullet">{names(add)}</ul>
            <p class="body">{format!("{} cases would replace the copy on this device.", replace.len())}</p>
            <ul class="list list--bullet">{names(replace)}</ul>
            <p class="body">{format!("{} cases are the same on this device and would be left alone.", plan.unchanged.len())}</p>
        </div>
    }
}

fn outcome_view(outcome: Outcome) -> AnyView {
    match outcome {
        Outcome::Done(text) => view! {
            <div class="notification" role="status" id="import-done">
                <h3 class="notification__heading">{text}</h3>
            </div>
        }
        .into_any(),
        Outcome::Refused { file, problems } => view! {
            <div class="error-summary" role="alert" id="import-problems">
                <h3 class="error-summary__title">"There is a problem"</h3>
                <p class="body">{format!("{file} was not imported, and nothing has changed. What is wrong:")}</p>
                <ul class="list error-summary__list">
                    {problems.into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}
                </ul>
            </div>
        }
        .into_any(),
    }
}

/// Whether the browser may clear the data when space is short, and how much is used.
#[component]
fn StorageInfo() -> impl IntoView {
    let persisted = RwSignal::new(None::<bool>);
    let usage = RwSignal::new(None::<(f64, f64)>);
    let refresh = move || {
        spawn_local(async move {
            let Some(storage) = storage_manager() else {
                return;
            };
            if let Ok(p) = storage.persisted().map(JsFuture::from) {
                persisted.set(p.await.ok().and_then(|v| v.as_bool()));
            }
            if let Ok(e) = storage.estimate().map(JsFuture::from) {
                if let Ok(estimate) = e.await {
                    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
                    usage.set(Some((
                        estimate.get_usage().unwrap_or(0.0),
                        estimate.get_quota().unwrap_or(0.0),
                    )));
                }
            }
        });
    };
    refresh();
    let ask = move |_| {
        spawn_local(async move {
            if let Some(p) = storage_manager().and_then(|s| s.persist().ok()) {
                let _ = JsFuture::from(p).await;
            }
            refresh();
        });
    };
    view! {
        <h2 class="heading-l" id="storage">"Storage on this device"</h2>
        <p class="body" id="storage-persistent">
            {move || match persisted.get() {
                Some(true) => "The browser keeps Care Planner's data until you delete it (persistent storage).".to_string(),
                Some(false) => "The browser may clear Care Planner's data if the device runs short of space. Ask it to keep the data, and back up regularly.".to_string(),
                None => "This browser does not say whether it will keep Care Planner's data. Back up regularly.".to_string(),
            }}
        </p>
        <Show when=move || persisted.get() == Some(false)>
            <button type="button" class="button button--secondary" on:click=ask>"Ask the browser to keep this data"</button>
        </Show>
        <p class="body" id="storage-usage">
            {move || usage.get().map(|(used, quota)| format!("Using {} of about {} available to this site.", size(used), size(quota)))}
        </p>
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

/// A byte count in words: "45 KB", "2.1 GB".
fn size(bytes: f64) -> String {
    let units = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3)];
    for (unit, scale) in units {
        if bytes >= scale {
            let tenths = (bytes / scale * 10.0).round() as u64;
            return format!("{}.{} {unit}", tenths / 10, tenths % 10);
        }
    }
    format!("{} bytes", bytes as u64)
}

/// "Delete all data on this device", after a confirmation that says how much.
#[component]
fn DeleteAll() -> impl IntoView {
    let book = casebook();
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let counts = move || (book.cases.with(Vec::len), book.quarantined.with(Vec::len));
    let busy = RwSignal::new(false);
    let delete = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        // Exactly what the question showed: if another tab changed it meanwhile, nothing
        // is deleted and the user is asked again.
        let (cases, unreadable) = counts();
        spawn_local(async move {
            match book.delete_all(Some(cases + unreadable)).await {
                Ok(()) => {
                    crate::preferences::clear();
                    done.set(Some(
                        "Everything Care Planner kept on this device has been deleted.".into(),
                    ));
                }
                Err(e) => done.set(Some(e.to_string())),
            }
            confirming.set(false);
            busy.set(false);
            focus("delete-all");
        });
    };
    let what = move || {
        let (cases, unreadable) = counts();
        let mut text = if cases == 1 {
            "1 case".to_string()
        } else {
            format!("{cases} cases")
        };
        if unreadable > 0 {
            text += &format!(" and {unreadable} unreadable records");
        }
        text
    };
    view! {
        <h2 class="heading-l" id="delete-all" tabindex="-1">"Delete all data on this device"</h2>
        {move || done.get().map(|d| view! { <p class="body" role="status" id="delete-all-done">{d}</p> })}
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <p class="body">"For when you leave the pilot or hand back this device. Export a backup first if you need the cases."</p>
                <button type="button" class="button button--warning" id="delete-all-start"
                    disabled=move || book.load.get() != LoadState::Ready
                    on:click=move |_| { done.set(None); confirming.set(true); focus("delete-all-question") }>
                    "Delete all data on this device"
                </button>
            }
        >
            <div class="warning-text">
                <span class="warning-text__icon" aria-hidden="true">"!"</span>
                <span id="delete-all-question" tabindex="-1">
                    <span class="visually-hidden">"Warning: "</span>
                    {move || format!("This deletes {} from this device, with their histories. It cannot be undone.", what())}
                </span>
            </div>
            <div class="button-group">
                <button type="button" class="button button--warning" id="delete-all-confirm" on:click=delete disabled=move || busy.get()>
                    {move || format!("Yes, delete {}", what())}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| { confirming.set(false); focus("delete-all-start") }>"Cancel"</button>
            </div>
        </Show>
    }
}

/// The backup `text` encrypted with its own passphrase, as an encrypted backup file.
async fn seal_backup(passphrase: &str, text: &str) -> Result<String, String> {
    let vault = Vault::create(passphrase).await.map_err(|e| e.to_string())?;
    let sealed = vault.seal(text).await.map_err(|e| e.to_string())?;
    Ok(SealedFile {
        key: vault.params.clone(),
        sealed,
    }
    .to_json())
}
