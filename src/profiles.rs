//! The procedures the user can choose: the built-in profiles, and those imported this
//! session (kept in memory until the tab closes; saving them on the device comes with
//! the case store).

use care_planner_core::rules::{builtin_profiles, Profile};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ImportedProfiles(pub RwSignal<Vec<Profile>>);

pub fn provide_imported_profiles() {
    provide_context(ImportedProfiles(RwSignal::new(Vec::new())));
}

pub fn imported_profiles() -> ImportedProfiles {
    expect_context::<ImportedProfiles>()
}

/// Every profile's id in use, built-in and imported, so an import never replaces one.
pub fn ids_in_use(imported: &[Profile]) -> Vec<String> {
    builtin_profiles()
        .iter()
        .chain(imported)
        .map(|p| p.id.clone())
        .collect()
}

/// How a profile is named in lists.
pub fn label(profile: &Profile) -> String {
    if profile.id == "national" {
        profile.name.clone()
    } else {
        format!("{} ({})", profile.name, profile.id)
    }
}
