//! Rules and profiles, as data. The catalogue (`core/rules/rules.json`) names every rule:
//! its id, what is due and what it is counted from. Each profile
//! (`core/rules/profiles/*.json`) gives one authority's period for the rules it uses,
//! with its source. No period or source text lives in code: a new authority is a new
//! profile file (docs/rule-profiles.md).

mod profile;
mod timing;

pub use crate::problem::Problem;
pub use profile::{
    parse_profile, Case, Ceasing, Condition, Document, Profile, Review, RuleTiming, Situation,
    SourceRef, FORMAT, MAX_BYTES, VERSION,
};
pub use timing::Timing;

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{EventKind, LegalBasis, PlacementType};

/// One rule of the catalogue. The id is a public contract (files, calendar UIDs, the DOM).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    /// What is due, as the app shows it.
    pub due: String,
    /// What the period is counted from, in words.
    pub anchor: String,
    /// What the period is counted from, for the engine.
    pub from: AnchorSpec,
    pub instances: Instances,
    /// The event that shows the duty done; any rule can also be done by a
    /// `duty_completed` event naming it.
    #[serde(default)]
    pub done_by: Option<EventMatch>,
    /// Events that move the date later (extensions of proceedings or of an approval).
    #[serde(default)]
    pub extended_by: Option<Extension>,
    /// Events that end the duty: from the first on or after the rule's first anchor, no
    /// new instance starts, and an open one counts as done that day (the PLO ends when
    /// proceedings are issued or the family steps down).
    #[serde(default)]
    pub ended_by: Option<Ending>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub events: Vec<EventKind>,
}

/// The anchor: occurrences of events, or another rule's date.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnchorSpec {
    /// Event kinds; for a rule with one instance, the first kind that occurs is used.
    #[serde(default)]
    pub events: Vec<EventKind>,
    /// Counted from the date of this rule instead of an event.
    #[serde(default)]
    pub rule: Option<String>,
    /// Only the nth occurrence (1-based) counts: "the first review is held".
    #[serde(default)]
    pub nth: Option<usize>,
    #[serde(default, rename = "where")]
    pub filter: Filter,
}

/// Which occurrences of the anchor make instances of the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Instances {
    /// One instance, from the first occurrence.
    First,
    /// One instance from every occurrence.
    Each,
    /// A recurring duty: from the first occurrence, then from each time it was done.
    Chain,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventMatch {
    pub events: Vec<EventKind>,
    /// The nth occurrence in the case (1-based); otherwise the first on or after the anchor.
    #[serde(default)]
    pub nth: Option<usize>,
}

/// Attribute values an anchor event must have.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    pub basis: Option<LegalBasis>,
    pub placement: Option<PlacementType>,
    pub emergency: Option<bool>,
    pub planned: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    pub events: Vec<EventKind>,
    /// The law's limit on each extension, in weeks.
    pub max_weeks: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    format: String,
    version: u32,
    rules: Vec<RuleDef>,
}

const CATALOGUE: &str = include_str!("../../rules/rules.json");

/// The built-in profiles: national first, then the authorities of `shared/procedures/`.
const BUILTIN_PROFILES: [&str; 5] = [
    include_str!("../../rules/profiles/national.json"),
    include_str!("../../rules/profiles/local-a.json"),
    include_str!("../../rules/profiles/leicestershire.json"),
    include_str!("../../rules/profiles/salford.json"),
    include_str!("../../rules/profiles/local-d.json"),
];

/// The id of the profile every other profile is layered on.
pub const NATIONAL: &str = "national";

/// Every rule, in catalogue order, read once. The built-in file is checked by the tests,
/// so reading it cannot fail in a build that passed them.
pub fn catalogue() -> &'static [RuleDef] {
    static RULES: OnceLock<Vec<RuleDef>> = OnceLock::new();
    RULES.get_or_init(|| {
        let file: CatalogueFile =
            serde_json::from_str(CATALOGUE).expect("rules.json is valid (tested)");
        debug_assert_eq!(
            (file.format.as_str(), file.version),
            ("care-planner-rules", 1)
        );
        file.rules
    })
}

/// The built-in profile with `id`, or the national one where there is none (a case
/// following a profile added on a device: the pages look there first).
pub fn builtin_profile(id: &str) -> &'static Profile {
    let profiles = builtin_profiles();
    profiles.iter().find(|p| p.id == id).unwrap_or(&profiles[0])
}

/// The built-in profiles, national first, read once.
pub fn builtin_profiles() -> &'static [Profile] {
    static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        BUILTIN_PROFILES
            .iter()
            .map(|text| {
                parse_profile(text, catalogue()).expect("built-in profiles are valid (tested)")
            })
            .collect()
    })
}

/// Reads a user's own authority profile. Besides the checks of [`parse_profile`], its id
/// must not be one already in use, so importing never replaces an existing profile.
pub fn import_profile(
    text: &str,
    catalogue: &[RuleDef],
    ids_in_use: &[&str],
) -> Result<Profile, Vec<Problem>> {
    let profile = parse_profile(text, catalogue)?;
    if ids_in_use.contains(&profile.id.as_str()) {
        return Err(vec![Problem {
            location: "id".to_string(),
            message: format!(
                "\"{}\" is already the id of a profile on this device; choose another",
                profile.id
            ),
        }]);
    }
    Ok(profile)
}

#[cfg(test)]
mod tests;
