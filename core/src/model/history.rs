//! Every change to a case goes through here: it is applied and recorded in the case's history
//! with what it was before and after, so that it can be shown and undone.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Case, Child, Event, Task};

/// The part of a case one change touches. The same value names the part (by its id) and
/// holds its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Part {
    Child(Child),
    /// The id of the profile the case follows.
    Profile(String),
    Event(Event),
    Task(Task),
}

/// One change, as recorded in the case's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// When, as an RFC 3339 UTC timestamp from the device's clock.
    pub at: String,
    /// What changed, in words: "Recorded visit made on Tue 3 Nov 2026".
    pub summary: String,
    /// The part before the change; empty when it was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Part>,
    /// The part after the change; empty when it was deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Part>,
    /// This change has since been undone.
    #[serde(default, skip_serializing_if = "is_false")]
    pub undone: bool,
    /// This entry records an undo (and so is not itself offered for undoing).
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_undo: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    /// An event or task with this id is already in the case.
    DuplicateId(String),
    /// There is no event or task with this id in the case.
    Missing(String),
    /// The child's name was left empty.
    NoName,
    /// Nothing to undo.
    NothingToUndo,
    /// The part the undo would restore has changed since; undoing would lose that change.
    ChangedSince(String),
}

impl fmt::Display for ChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChangeError::DuplicateId(id) => write!(f, "There is already an entry with id \"{id}\" in this case."),
            ChangeError::Missing(id) => write!(f, "There is no entry with id \"{id}\" in this case; it may have been deleted in another tab."),
            ChangeError::NoName => write!(f, "Enter the child's name or initials."),
            ChangeError::NothingToUndo => write!(f, "There is no change to undo."),
            ChangeError::ChangedSince(what) => write!(
                f,
                "The last change cannot be undone because {what} has been changed since. Change it by hand instead."
            ),
        }
    }
}

impl Part {
    fn describe(&self) -> String {
        match self {
            Part::Child(_) => "the child's details".into(),
            Part::Profile(_) => "the procedures followed".into(),
            Part::Event(e) => format!("{} on {}", e.kind.label().to_lowercase(), e.date),
            Part::Task(t) => format!("the task \u{201c}{}\u{201d}", t.title),
        }
    }
}

impl HistoryEntry {
    /// Has a part, and its before and after (where both are given) are the same part of
    /// the case: the same event or task, or both the child's details or the procedures.
    pub fn is_consistent(&self) -> bool {
        match (&self.before, &self.after) {
            (None, None) => false,
            (Some(a), Some(b)) => match (a, b) {
                (Part::Child(_), Part::Child(_)) | (Part::Profile(_), Part::Profile(_)) => true,
                (Part::Event(x), Part::Event(y)) => x.id == y.id,
                (Part::Task(x), Part::Task(y)) => x.id == y.id,
                _ => false,
            },
            _ => true,
        }
    }
}

impl Case {
    /// The current content of the slot `part` names; `None` for an event or task not in the case.
    pub fn current(&self, part: &Part) -> Option<Part> {
        match part {
            Part::Child(_) => Some(Part::Child(self.child.clone())),
            Part::Profile(_) => Some(Part::Profile(self.profile.clone())),
            Part::Event(e) => self
                .events
                .iter()
                .find(|x| x.id == e.id)
                .cloned()
                .map(Part::Event),
            Part::Task(t) => self
                .tasks
                .iter()
                .find(|x| x.id == t.id)
                .cloned()
                .map(Part::Task),
        }
    }

    /// Adds a new event or task. Refused if its id is already used.
    pub fn add(&mut self, part: Part, at: &str) -> Result<(), ChangeError> {
        if let Some(existing) = self.current(&part) {
            return Err(ChangeError::DuplicateId(slot_id(&existing)));
        }
        let summary = format!("Added {}", part.describe());
        self.record(None, Some(part), summary, at, false);
        Ok(())
    }

    /// Replaces an existing part with `part`. Returns false (and records nothing) when it is
    /// unchanged.
    pub fn update(&mut self, part: Part, at: &str) -> Result<bool, ChangeError> {
        if let Part::Child(child) = &part {
            if child.name.trim().is_empty() {
                return Err(ChangeError::NoName);
            }
        }
        let before = self
            .current(&part)
            .ok_or_else(|| ChangeError::Missing(slot_id(&part)))?;
        if before == part {
            return Ok(false);
        }
        let summary = match (&before, &part) {
            (Part::Profile(from), Part::Profile(to)) => {
                format!("Changed the procedures followed from \u{201c}{from}\u{201d} to \u{201c}{to}\u{201d}")
            }
            (Part::Task(from), Part::Task(to)) if from.done.is_none() && to.done.is_some() => {
                format!("Marked {} as done", before.describe())
            }
            _ => format!("Changed {}", before.describe()),
        };
        self.record(Some(before), Some(part), summary, at, false);
        Ok(true)
    }

    /// Deletes the event or task `part` names.
    pub fn delete(&mut self, part: &Part, at: &str) -> Result<(), ChangeError> {
        let before = self
            .current(part)
            .ok_or_else(|| ChangeError::Missing(slot_id(part)))?;
        let summary = format!("Deleted {}", before.describe());
        self.record(Some(before), None, summary, at, false);
        Ok(())
    }

    /// Records that the case was added (the first entry of its history). Not undoable:
    /// a case is removed by deleting it.
    pub fn record_creation(&mut self, at: &str) {
        self.history.push(HistoryEntry {
            at: at.to_string(),
            summary: "Added the case".to_string(),
            before: None,
            after: Some(Part::Child(self.child.clone())),
            undone: false,
            is_undo: false,
        });
    }

    /// The change "Undo" would reverse: the latest one not yet undone.
    pub fn undoable(&self) -> Option<&HistoryEntry> {
        self.history.iter().rev().find(|e| can_undo(e))
    }

    /// Reverses the latest change not yet undone, recording that as a change of its own.
    /// Refused when the part has changed since, rather than losing the later change.
    pub fn undo(&mut self, at: &str) -> Result<String, ChangeError> {
        let index = self
            .history
            .iter()
            .rposition(can_undo)
            .ok_or(ChangeError::NothingToUndo)?;
        let entry = self.history[index].clone();
        let Some(slot) = entry.after.as_ref().or(entry.before.as_ref()) else {
            return Err(ChangeError::NothingToUndo);
        };
        if self.current(slot) != entry.after {
            return Err(ChangeError::ChangedSince(slot.describe()));
        }
        let summary = format!("Undid: {}", entry.summary);
        self.history[index].undone = true;
        self.record(entry.after, entry.before, summary.clone(), at, true);
        Ok(summary)
    }

    fn record(
        &mut self,
        before: Option<Part>,
        after: Option<Part>,
        summary: String,
        at: &str,
        is_undo: bool,
    ) {
        let slot = after
            .as_ref()
            .or(before.as_ref())
            .expect("a change has a part")
            .clone();
        self.put(&slot, after.clone());
        self.history.push(HistoryEntry {
            at: at.to_string(),
            summary,
            before,
            after,
            undone: false,
            is_undo,
        });
    }

    /// Sets the slot `slot` names to `value` (`None` removes an event or task).
    fn put(&mut self, slot: &Part, value: Option<Part>) {
        match (slot, value) {
            (Part::Child(_), Some(Part::Child(child))) => self.child = child,
            (Part::Profile(_), Some(Part::Profile(profile))) => self.profile = profile,
            (Part::Event(e), value) => {
                let position = self.events.iter().position(|x| x.id == e.id);
                match (position, value) {
                    (Some(i), Some(Part::Event(new))) => self.events[i] = new,
                    (None, Some(Part::Event(new))) => self.events.push(new),
                    (Some(i), None) => {
                        self.events.remove(i);
                    }
                    _ => {}
                }
            }
            (Part::Task(t), value) => {
                let position = self.tasks.iter().position(|x| x.id == t.id);
                match (position, value) {
                    (Some(i), Some(Part::Task(new))) => self.tasks[i] = new,
                    (None, Some(Part::Task(new))) => self.tasks.push(new),
                    (Some(i), None) => {
                        self.tasks.remove(i);
                    }
                    _ => {}
                }
            }
            _ => unreachable!("a slot is only ever set to a part of its own kind"),
        }
    }
}

/// An entry Undo may reverse: a change not yet undone, not itself an undo, and not the
/// case's creation (the child's details cannot be removed, only the case deleted).
fn can_undo(entry: &HistoryEntry) -> bool {
    // Entries read from a file are checked (`file.rs`), but undo must never act on one
    // whose before and after are not the same part of the case.
    if !entry.is_consistent() {
        return false;
    }
    let whole_case = matches!(entry.after, Some(Part::Child(_)) | Some(Part::Profile(_)))
        && entry.before.is_none();
    !entry.undone && !entry.is_undo && !whole_case
}

fn slot_id(part: &Part) -> String {
    match part {
        Part::Event(e) => e.id.clone(),
        Part::Task(t) => t.id.clone(),
        Part::Child(_) => "child".into(),
        Part::Profile(_) => "profile".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;
    use crate::model::{Attrs, EventKind};

    fn visit(id: &str, day: u32) -> Part {
        Part::Event(Event {
            id: id.into(),
            kind: EventKind::VisitMade,
            date: Date::from_ymd(2026, 11, day).unwrap(),
            time: None,
            attrs: Attrs::default(),
        })
    }

    fn case() -> Case {
        Case::new(
            "c",
            Child {
                name: "A".into(),
                ..Child::default()
            },
        )
    }

    #[test]
    fn each_change_is_recorded_with_before_and_after() {
        let mut c = case();
        c.add(visit("e1", 2), "t1").unwrap();
        assert!(c.update(visit("e1", 3), "t2").unwrap());
        assert!(
            !c.update(visit("e1", 3), "t3").unwrap(),
            "an unchanged part records nothing"
        );
        c.delete(&visit("e1", 3), "t4").unwrap();
        let summaries: Vec<&str> = c.history.iter().map(|h| h.summary.as_str()).collect();
        assert_eq!(
            summaries,
            vec![
                "Added visit made on Mon 2 Nov 2026",
                "Changed visit made on Mon 2 Nov 2026",
                "Deleted visit made on Tue 3 Nov 2026",
            ]
        );
        assert_eq!(c.history[1].before, Some(visit("e1", 2)));
        assert_eq!(c.history[1].after, Some(visit("e1", 3)));
        assert!(c.events.is_empty());
    }

    #[test]
    fn undo_walks_back_through_the_changes() {
        let mut c = case();
        c.add(visit("e1", 2), "t1").unwrap();
        c.update(visit("e1", 3), "t2").unwrap();
        c.update(Part::Profile("salford".into()), "t3").unwrap();
        assert_eq!(c.undo("t4").unwrap(), "Undid: Changed the procedures followed from \u{201c}national\u{201d} to \u{201c}salford\u{201d}");
        assert_eq!(c.profile, "national");
        c.undo("t5").unwrap();
        assert_eq!(c.current(&visit("e1", 9)), Some(visit("e1", 2)));
        c.undo("t6").unwrap();
        assert!(c.events.is_empty());
        assert_eq!(c.undo("t7"), Err(ChangeError::NothingToUndo));
        assert_eq!(c.history.len(), 6, "undoing is itself recorded");
    }

    #[test]
    fn the_creation_is_recorded_but_not_undone() {
        let mut c = case();
        c.record_creation("t0");
        c.add(visit("e1", 2), "t1").unwrap();
        c.undo("t2").unwrap();
        assert_eq!(c.undoable(), None);
        assert_eq!(c.undo("t3"), Err(ChangeError::NothingToUndo));
        assert_eq!(c.history[0].summary, "Added the case");
    }

    #[test]
    fn duplicate_and_missing_ids_are_refused() {
        let mut c = case();
        c.add(visit("e1", 2), "t1").unwrap();
        assert_eq!(
            c.add(visit("e1", 4), "t2"),
            Err(ChangeError::DuplicateId("e1".into()))
        );
        assert_eq!(
            c.update(visit("e9", 4), "t2"),
            Err(ChangeError::Missing("e9".into()))
        );
        assert_eq!(
            c.update(Part::Child(Child::default()), "t2"),
            Err(ChangeError::NoName)
        );
        assert_eq!(c.history.len(), 1);
    }
}
