//! What confirming a wizard writes into the case.
//!
//! A wizard's outcome produces events and tasks with ids of its own (`s20-…`, `plo-…`).
//! Confirming brings the case up to date with them: new ones are added, events whose
//! answers changed are changed, and the wizard's tasks it no longer produces (the item is
//! now ticked) are marked done. Everything else is left as it is: tasks already on the case
//! keep their status, and events the wizard recorded earlier but the answers no longer
//! give are kept and named, for the practitioner to delete if they were wrong. So a wizard
//! can be confirmed again after its answers change, and nothing is written twice or lost.

use crate::calendar::Date;
use crate::model::{Case, ChangeError, Event, Part, Task};

/// The events and tasks a wizard's answers produce.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Produced {
    pub events: Vec<Event>,
    pub tasks: Vec<Task>,
}

/// What confirming will do to the case, shown before it is done.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub add_events: Vec<Event>,
    /// The event as it will be; the case has the same id with other details.
    pub change_events: Vec<Event>,
    /// Recorded by this wizard before, no longer in its answers: left on the case.
    pub kept_events: Vec<Event>,
    pub add_tasks: Vec<Task>,
    /// This wizard's open tasks its answers now show done, with today's date.
    pub complete_tasks: Vec<Task>,
}

impl Changes {
    /// Works out the changes `produced` makes to `case`, for a wizard whose ids begin with
    /// `prefix`.
    pub fn between(case: &Case, produced: &Produced, prefix: &str, today: Date) -> Changes {
        let mut changes = Changes::default();
        for event in &produced.events {
            match case.events.iter().find(|e| e.id == event.id) {
                None => changes.add_events.push(event.clone()),
                Some(existing) if existing != event => changes.change_events.push(event.clone()),
                Some(_) => {}
            }
        }
        changes.kept_events = case
            .events
            .iter()
            .filter(|e| e.id.starts_with(prefix) && !produced.events.iter().any(|p| p.id == e.id))
            .cloned()
            .collect();
        for task in &produced.tasks {
            if !case.tasks.iter().any(|t| t.id == task.id) {
                changes.add_tasks.push(task.clone());
            }
        }
        changes.complete_tasks = case
            .tasks
            .iter()
            .filter(|t| {
                t.id.starts_with(prefix)
                    && t.done.is_none()
                    && !produced.tasks.iter().any(|p| p.id == t.id)
            })
            .map(|t| Task {
                done: Some(today),
                ..t.clone()
            })
            .collect();
        changes
    }

    pub fn is_empty(&self) -> bool {
        self.add_events.is_empty()
            && self.change_events.is_empty()
            && self.add_tasks.is_empty()
            && self.complete_tasks.is_empty()
    }

    /// Makes the changes, each recorded in the case's history. All or nothing: the caller
    /// saves the case only if this succeeds.
    pub fn apply(self, case: &mut Case, at: &str) -> Result<(), ChangeError> {
        for event in self.add_events {
            case.add(Part::Event(event), at)?;
        }
        for event in self.change_events {
            case.update(Part::Event(event), at)?;
        }
        for task in self.add_tasks {
            case.add(Part::Task(task), at)?;
        }
        for task in self.complete_tasks {
            case.update(Part::Task(task), at)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attrs, Child, EventKind};

    fn day(d: u32) -> Date {
        Date::from_ymd(2026, 3, d).unwrap()
    }

    fn event(id: &str, d: u32) -> Event {
        Event {
            id: id.into(),
            kind: EventKind::PloMeetingHeld,
            date: day(d),
            time: None,
            attrs: Attrs::default(),
        }
    }

    fn task(id: &str) -> Task {
        Task {
            id: id.into(),
            title: id.into(),
            ..Task::default()
        }
    }

    #[test]
    fn confirming_again_adds_changes_completes_and_keeps_nothing_twice() {
        let mut case = Case::new(
            "c",
            Child {
                name: "A".into(),
                ..Child::default()
            },
        );
        let first = Produced {
            events: vec![event("plo-meeting", 2), event("plo-letter", 1)],
            tasks: vec![task("plo-letter-concerns"), task("plo-letter-support")],
        };
        Changes::between(&case, &first, "plo-", day(3))
            .apply(&mut case, "t1")
            .unwrap();
        assert_eq!((case.events.len(), case.tasks.len()), (2, 2));
        // Confirming the same answers again changes nothing.
        assert!(Changes::between(&case, &first, "plo-", day(3)).is_empty());

        case.add(Part::Task(task("t-by-hand")), "t2").unwrap();
        let second = Produced {
            events: vec![event("plo-meeting", 4)],
            tasks: vec![task("plo-letter-support"), task("plo-period-contingency")],
        };
        let changes = Changes::between(&case, &second, "plo-", day(5));
        assert_eq!(changes.change_events, vec![event("plo-meeting", 4)]);
        assert_eq!(changes.kept_events, vec![event("plo-letter", 1)]);
        assert_eq!(changes.add_tasks, vec![task("plo-period-contingency")]);
        assert_eq!(changes.complete_tasks.len(), 1);
        assert_eq!(changes.complete_tasks[0].id, "plo-letter-concerns");
        assert_eq!(changes.complete_tasks[0].done, Some(day(5)));
        let history = case.history.len();
        changes.apply(&mut case, "t3").unwrap();
        assert_eq!(case.history.len(), history + 3);
        assert!(
            case.events.iter().any(|e| e.id == "plo-letter"),
            "kept, not deleted"
        );
        let by_hand = case.tasks.iter().find(|t| t.id == "t-by-hand").unwrap();
        assert_eq!(by_hand.done, None, "other tasks are left alone");
    }
}
