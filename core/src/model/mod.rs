//! A child's case as the practitioner records it: the child, and what has happened (events).
//! Event kinds and attribute names follow `shared/design/rule-catalogue.md` and are part of
//! the case file format: never rename one.

mod event;

pub use event::{Attrs, Event, EventKind, LegalBasis, PlacementType};

use crate::calendar::Date;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: String,
    pub child: Child,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Child {
    /// Name or initials, as the practitioner chooses.
    pub name: String,
    /// The authority's case reference.
    pub reference: String,
    pub date_of_birth: Option<Date>,
}

impl Case {
    /// Events of one kind in date order (then time, then the order recorded).
    pub fn events_of(&self, kind: EventKind) -> Vec<&Event> {
        let mut events: Vec<&Event> = self.events.iter().filter(|e| e.kind == kind).collect();
        events.sort_by_key(|e| (e.date, e.time));
        events
    }

    /// The child's age in whole years on `date`, if the date of birth is known.
    pub fn age_on(&self, date: Date) -> Option<i32> {
        self.child.date_of_birth.map(|born| date.whole_years_since(born))
    }
}
