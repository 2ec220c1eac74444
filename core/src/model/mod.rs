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
