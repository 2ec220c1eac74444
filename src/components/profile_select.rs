//! "Procedures to follow": the built-in profiles and those added on this device.

use care_planner_core::rules::builtin_profiles;
use leptos::prelude::*;

use crate::profiles::{imported_profiles, label};

/// "Procedures to follow": the built-in and imported profiles.
#[component]
pub fn ProfileSelect(value: Signal<String>, on_change: impl Fn(String) + 'static) -> impl IntoView {
    let profiles = builtin_profiles();
    let imported = imported_profiles().0;
    view! {
        <div class="form-group">
            <label class="label" for="profile">"Procedures to follow"</label>
            <div class="hint" id="profile-hint">"National law always applies; a local procedure can only be stricter."</div>
            <select class="select" id="profile" aria-describedby="profile-hint" prop:value=move || value.get() on:change=move |ev| on_change(event_target_value(&ev))>
                {move || {
                    let current = value.get();
                    imported.with(|imported| {
                        profiles
                            .iter()
                            .chain(imported)
                            .map(|p| view! { <option value=p.id.clone() selected=p.id == current>{label(p)}</option> })
                            .collect_view()
                    })
                }}
            </select>
        </div>
    }
}
