//! What confirming a wizard writes into the case.
//!
//! A wizard's outcome produces events and tasks with ids of its own (`s20-…`, `plo-…`),
//! and names the tasks its answers show done. Confirming brings the case up to date: new
//! events and tasks are added; an event whose answer changed gets the wizard's date and
//! details, keeping any detail added on the case that the wizard does not set; a task the
//! answers show done is marked done. Nothing else changes: a task already on the case keeps
//! its status, and events and tasks the answers no longer give (an earlier answer changed)
//! are kept and named for the practitioner to change or delete. So a wizard can be
//! confirmed again, and nothing is written twice or lost.

use crate::calendar::Date;
use crate::model::{Attrs, Case, ChangeError, Event, Part, Task};

/// What a wizard's answers produce.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Produced {
    pub events: Vec<Event>,
    /// Still to do.
    pub tasks: Vec<Task>,
    /// The ids of the wizard's tasks its answers show done (an item ticked, a step taken).
    pub resolved: Vec<String>,
}

/// What confirming will do to the case, shown before it is done.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub add_events: Vec<Event>,
    /// Each event as it is on the case, and as it will be.
    pub change_events: Vec<(Event, Event)>,
    /// Recorded by this wizard before, no longer in its answers: left on the case.
    pub kept_events: Vec<Event>,
    pub add_tasks: Vec<Task>,
    /// This wizard's open tasks its answers now show done, marked done today.
    pub complete_tasks: Vec<Task>,
    /// This wizard's open tasks its answers no longer mention: left as they are.
    pub kept_tasks: Vec<Task>,
    /// Tasks marked done on the case that the answers say are still to do: left done.
    pub done_already: Vec<Task>,
}

/// The event as the wizard now gives it, keeping what was added on the case that the
/// wizard does not set (a time, a flag, an attribute).
fn merge(existing: &Event, produced: &Event) -> Event {
    let (e, p) = (&existing.attrs, &produced.attrs);
    Event {
        id: produced.id.clone(),
        kind: produced.kind,
        date: produced.date,
        time: produced.time.or(existing.time),
        attrs: Attrs {
            basis: p.basis.or(e.basis),
            placement: p.placement.or(e.placement),
            emergency: p.emergency || e.emergency,
            long_term: p.long_term || e.long_term,
            until_18: p.until_18 || e.until_18,
            planned: p.planned.or(e.planned),
            weeks: p.weeks.or(e.weeks),
            rule: p.rule.clone().or_else(|| e.rule.clone()),
            anchor: p.anchor.clone().or_else(|| e.anchor.clone()),
        },
    }
}

impl Changes {
    /// Works out the changes `produced` makes to `case`, for a wizard whose ids begin with
    /// `prefix`.
    pub fn between(case: &Case, produced: &Produced, prefix: &str, today: Date) -> Changes {
        let mut changes = Changes::default();
        for event in &produced.events {
            match case.events.iter().find(|e| e.id == event.id) {
                None => changes.add_events.push(event.clone()),
                Some(existing) => {
                    let merged = merge(existing, event);
                    if merged != *existing {
                        changes.change_events.push((existing.clone(), merged));
                    }
                }
            }
        }
        let ours = |id: &str| id.starts_with(prefix);
        changes.kept_events = case
            .events
            .iter()
            .filter(|e| ours(&e.id) && !produced.events.iter().any(|p| p.id == e.id))
            .cloned()
            .collect();
        for task in &produced.tasks {
            match case.tasks.iter().find(|t| t.id == task.id) {
                None => changes.add_tasks.push(task.clone()),
                Some(existing) if existing.done.is_some() => {
                    changes.done_already.push(existing.clone())
                }
                Some(_) => {}
            }
        }
        for task in case
            .tasks
            .iter()
            .filter(|t| ours(&t.id) && t.done.is_none())
        {
            if produced.resolved.contains(&task.id) {
                changes.complete_tasks.push(Task {
                    done: Some(today),
                    ..task.clone()
                });
            } else if !produced.tasks.iter().any(|p| p.id == task.id) {
                changes.kept_tasks.push(task.clone());
            }
        }
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
        for (_, event) in self.change_events {
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
            tasks: vec![
                task("plo-letter-concerns"),
                task("plo-letter-support"),
                task("plo-agreed-plan"),
            ],
            resolved: vec![],
        };
        Changes::between(&case, &first, "plo-", day(3))
            .apply(&mut case, "t1")
            .unwrap();
        assert_eq!((case.events.len(), case.tasks.len()), (2, 3));
        // A time added on the case is kept when the wizard changes the date.
        let mut timed = case.events[0].clone();
        timed.time = crate::calendar::Time::from_hm(10, 0);
        case.update(Part::Event(timed), "t1").unwrap();
        // Confirming the same answers again changes nothing.
        assert!(Changes::between(&case, &first, "plo-", day(3)).is_empty());

        case.add(Part::Task(task("t-by-hand")), "t2").unwrap();
        // The concerns are now in the letter; the agreed plan's question is off the path.
        let second = Produced {
            events: vec![event("plo-meeting", 4)],
            tasks: vec![task("plo-letter-support"), task("plo-period-contingency")],
            resolved: vec!["plo-letter-concerns".into()],
        };
        let changes = Changes::between(&case, &second, "plo-", day(5));
        let mut moved = event("plo-meeting", 4);
        moved.time = crate::calendar::Time::from_hm(10, 0);
        assert_eq!(changes.change_events.len(), 1);
        assert_eq!(changes.change_events[0].1, moved);
        assert_eq!(changes.kept_events, vec![event("plo-letter", 1)]);
        assert_eq!(changes.add_tasks, vec![task("plo-period-contingency")]);
        assert_eq!(changes.complete_tasks.len(), 1);
        assert_eq!(changes.complete_tasks[0].id, "plo-letter-concerns");
        assert_eq!(changes.complete_tasks[0].done, Some(day(5)));
        assert_eq!(
            changes.kept_tasks,
            vec![task("plo-agreed-plan")],
            "off the path: not marked done"
        );
        let history = case.history.len();
        changes.apply(&mut case, "t3").unwrap();
        assert_eq!(case.history.len(), history + 3);
        // A task done by hand that the answers still list stays done, and is named.
        let mut support = case
            .tasks
            .iter()
            .find(|t| t.id == "plo-letter-support")
            .unwrap()
            .clone();
        support.done = Some(day(6));
        case.update(Part::Task(support), "t4").unwrap();
        let changes = Changes::between(&case, &second, "plo-", day(7));
        assert_eq!(changes.done_already.len(), 1);
        assert!(changes.is_empty());
        assert!(
            case.events.iter().any(|e| e.id == "plo-letter"),
            "kept, not deleted"
        );
        let by_hand = case.tasks.iter().find(|t| t.id == "t-by-hand").unwrap();
        assert_eq!(by_hand.done, None, "other tasks are left alone");
    }
}
