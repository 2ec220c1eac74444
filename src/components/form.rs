//! Form pieces in the GOV.UK patterns: error summary, text input, date input (day, month,
//! year), buttons. Each field shows its own error message and is linked from the summary.

use care_planner_core::forms::{DateParts, FieldError};
use leptos::prelude::*;

use crate::components::heading::PageHeading;
use wasm_bindgen::JsCast;

/// "There is a problem": every error, each a link that moves focus to its field. Takes
/// focus itself when it appears, so that screen readers announce it.
#[component]
pub fn ErrorSummary(errors: ReadSignal<Vec<FieldError>>) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            if let Some(el) = summary.get() {
                let _ = el.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=summary>
                <h2 class="error-summary__title">"There is a problem"</h2>
                <ul class="list error-summary__list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|e| {
                                // A problem with no field (a refused save) is text, not a link.
                                if e.field.is_empty() {
                                    return view! { <li>{e.message}</li> }.into_any();
                                }
                                let field = e.field.clone();
                                view! {
                                    <li>
                                        <a href=format!("#{}", e.field) on:click=move |ev| focus_field(ev, &field)>
                                            {e.message}
                                        </a>
                                    </li>
                                }
                                .into_any()
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The fragment is the app's address, so the summary's links move focus themselves.
fn focus_field(ev: leptos::ev::MouseEvent, id: &str) {
    ev.prevent_default();
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The message for `field` (or any of its parts, for a date), if there is one.
pub fn error_for(
    errors: ReadSignal<Vec<FieldError>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .find(|e| e.field == field || e.field.starts_with(&format!("{field}-")))
                .map(|e| e.message.clone())
        })
    })
}

#[component]
pub fn ErrorMessage(id: String, message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <p class="error-message" id=id.clone()>
                    <span class="visually-hidden">"Error: "</span>
                    {m}
                </p>
            }
        })
    }
}

/// `aria-describedby` for a field: its hint (if it has one) and its error (while shown),
/// whose ids are `{id}-hint` and `{id}-error`.
fn described_by(
    id: &'static str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + Clone {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.get().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[component]
pub fn TextInput(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] width: Option<&'static str>,
    /// The input's type: "text" unless given ("password" for a passphrase).
    #[prop(optional)]
    kind: Option<&'static str>,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = described_by(id, hint.is_some(), error);
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
            <ErrorMessage id=error_id message=error/>
            <input
                class=format!("input {}", width.unwrap_or(""))
                class:input--error=move || error.get().is_some()
                id=id
                name=id
                type=kind.unwrap_or("text")
                autocomplete=autocomplete.unwrap_or("off")
                spellcheck="false"
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A date as three boxes (day, month, year) in a fieldset, as the GOV.UK date input.
#[component]
pub fn DateInput(
    id: &'static str,
    legend: &'static str,
    hint: &'static str,
    value: RwSignal<DateParts>,
    error: Signal<Option<String>>,
    /// The legend is the page's heading (a question page, GOV.UK style).
    #[prop(optional)]
    as_heading: bool,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = described_by(id, true, error);
    let part = move |name: &'static str,
                     label: &'static str,
                     width: &'static str,
                     get: fn(&DateParts) -> String,
                     set: fn(&mut DateParts, String)| {
        let input_id = format!("{id}-{name}");
        view! {
            <div class="date-input__item">
                <label class="label date-input__label" for=input_id.clone()>{label}</label>
                <input
                    class=format!("input {width}")
                    class:input--error=move || error.get().is_some()
                    id=input_id.clone()
                    name=input_id
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    prop:value=move || value.with(get)
                    on:input=move |ev| value.update(|v| set(v, event_target_value(&ev)))
                />
            </div>
        }
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <fieldset class="fieldset" role="group" aria-describedby=described>
                <legend class="fieldset__legend">
                    {if as_heading { view! { <PageHeading text=legend/> }.into_any() } else { legend.into_any() }}
                </legend>
                <div class="hint" id=hint_id.clone()>{hint}</div>
                <ErrorMessage id=error_id message=error/>
                <div class="date-input" id=id>
                    {part("day", "Day", "input--width-2", |d| d.day.clone(), |d, v| d.day = v)}
                    {part("month", "Month", "input--width-2", |d| d.month.clone(), |d, v| d.month = v)}
                    {part("year", "Year", "input--width-4", |d| d.year.clone(), |d, v| d.year = v)}
                </div>
            </fieldset>
        </div>
    }
}
