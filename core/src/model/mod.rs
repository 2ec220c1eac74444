//! A child's case as the practitioner records it: the child, what has happened (events),
//! what is to be done (tasks), wizard answers and the history of every change.
//! Event kinds and attribute names follow `shared/design/rule-catalogue.md`; every field
//! name here is part of the case file format (`docs/case-file-format.md`): never rename one.

mod event;
pub mod file;
mod history;
pub mod import;
pub mod record;

pub use event::{Attrs, Event, EventKind, LegalBasis, PlacementType};
pub use history::{ChangeError, HistoryEntry, Part};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calendar::Date;

/// The profile a new case follows until the practitioner chooses another.
pub const DEFAULT_PROFILE: &str = "national";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Chosen once, when the case is created; the key of its record and of its calendar UIDs.
    pub id: String,
    /// How many times the case has been saved on this device. A save must name the revision
    /// it started from, so that an edit made from a stale copy is refused, not applied.
    #[serde(default)]
    pub revision: u64,
    pub child: Child,
    /// The id of the rule profile (procedures) the case follows.
    #[serde(default = "default_profile")]
    pub profile: String,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    /// Answers given in the guided procedures: wizard id → question id → answer.
    #[serde(default)]
    pub answers: BTreeMap<String, BTreeMap<String, String>>,
    /// Every change, oldest first.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

fn default_profile() -> String {
    DEFAULT_PROFILE.to_string()
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Child {
    /// Name or initials, as the practitioner chooses.
    pub name: String,
    /// The authority's case reference.
    #[serde(default)]
    pub reference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<Date>,
}

/// Something to be done for the child: added by hand, by a wizard's outcome, or as an item
/// of a task list (`task_list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Unique within the case.
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// The day work on it started, for a task list's "In progress".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Date>,
    /// The day it was done; not done while empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Date>,
    /// The rule id the task serves, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Where the task comes from: a procedure's document and section, or the law.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Case {
    /// A case with no events, tasks or history yet, following the national procedures.
    pub fn new(id: impl Into<String>, child: Child) -> Case {
        Case {
            id: id.into(),
            revision: 0,
            child,
            profile: default_profile(),
            events: Vec::new(),
            tasks: Vec::new(),
            answers: BTreeMap::new(),
            history: Vec::new(),
        }
    }

    /// Every event in date order (then time, then the order recorded).
    pub fn sorted_events(&self) -> Vec<&Event> {
        let mut events: Vec<&Event> = self.events.iter().collect();
        events.sort_by_key(|e| (e.date, e.time));
        events
    }

    /// The events in date order, and by kind, for answering many questions of one case.
    pub fn index(&self) -> EventIndex<'_> {
        let sorted = self.sorted_events();
        let mut by_kind = vec![Vec::new(); EventKind::ALL.len()];
        for event in &sorted {
            by_kind[event.kind.index()].push(*event);
        }
        EventIndex { sorted, by_kind }
    }

    /// The child's age in whole years on `date`, if the date of birth is known.
    pub fn age_on(&self, date: Date) -> Option<i32> {
        self.child
            .date_of_birth
            .map(|born| date.whole_years_since(born))
    }
}

/// A case's events in date order, all together and by kind.
pub struct EventIndex<'a> {
    pub sorted: Vec<&'a Event>,
    by_kind: Vec<Vec<&'a Event>>,
}

impl<'a> EventIndex<'a> {
    /// Events of one kind, in date order.
    pub fn of(&self, kind: EventKind) -> &[&'a Event] {
        &self.by_kind[kind.index()]
    }

    /// The latest event of `kind` on or before `date`.
    pub fn latest(&self, kind: EventKind, date: Date) -> Option<&'a Event> {
        let events = self.of(kind);
        let after = events.partition_point(|e| e.date <= date);
        after.checked_sub(1).map(|i| events[i])
    }
}
