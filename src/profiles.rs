//! The procedures the user can choose: the built-in profiles, and those the user added
//! (their files kept in localStorage, read again on every start).

use care_planner_core::rules::{builtin_profiles, catalogue, import_profile, Profile};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ImportedProfiles(pub RwSignal<Vec<Profile>>);

pub fn provide_imported_profiles() {
    let mut profiles: Vec<Profile> = Vec::new();
    for text in crate::preferences::profile_files() {
        let in_use = ids_in_use(&profiles);
        let in_use: Vec<&str> = in_use.iter().map(String::as_str).collect();
        // A kept file was checked when it was added; one that no longer reads (a newer
        // catalogue) is skipped, and cases that follow it say their procedures are missing.
        if let Ok(profile) = import_profile(&text, catalogue(), &in_use) {
            profiles.push(profile);
        }
    }
    provide_context(ImportedProfiles(RwSignal::new(profiles)));
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

/// The profile with `id`, built in or added on this device; the national one if it is on
/// neither (the case page says so).
pub fn profile_for(id: &str) -> Profile {
    let builtin = builtin_profiles();
    builtin
        .iter()
        .find(|p| p.id == id)
        .cloned()
        .or_else(|| {
            imported_profiles()
                .0
                .with_untracked(|all| all.iter().find(|p| p.id == id).cloned())
        })
        .unwrap_or_else(|| builtin[0].clone())
}
