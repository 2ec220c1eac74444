//! Task lists, in the GOV.UK pattern: the things to complete before a step, each with a
//! status the practitioner sets (not yet started, in progress, completed).
//!
//! A list is data; its statuses live in the case as ordinary tasks (`checklist-<list>-<item>`)
//! so that they are saved, exported, shown with the case's other tasks and recorded in its
//! history like any other change. Viewing a list writes nothing: an item without a task is
//! not yet started.

use crate::calendar::Date;
use crate::model::{Case, Task};
use crate::sources::Citation;

/// A task list: sections of items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskList {
    /// In addresses and task ids; never renamed once released.
    pub id: &'static str,
    pub title: &'static str,
    /// What the list is for, in a sentence.
    pub purpose: &'static str,
    pub sections: &'static [Section],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub source: Citation,
    pub items: &'static [Item],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Unique within the list; never renamed once released.
    pub id: &'static str,
    pub title: &'static str,
    pub hint: Option<&'static str>,
}

/// An item's status, as the GOV.UK task list pattern names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::NotStarted, Status::InProgress, Status::Completed];

    /// As in forms and `data-status`.
    pub fn name(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::Completed => "completed",
        }
    }

    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not yet started",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
        }
    }

    /// The status a task records.
    pub fn of(task: &Task) -> Status {
        match (task.started, task.done) {
            (_, Some(_)) => Status::Completed,
            (Some(_), None) => Status::InProgress,
            (None, None) => Status::NotStarted,
        }
    }
}

impl TaskList {
    /// The id of the case's task that holds `item`'s status.
    pub fn task_id(&self, item: &Item) -> String {
        format!("checklist-{}-{}", self.id, item.id)
    }

    pub fn items(&self) -> impl Iterator<Item = (&'static Section, &'static Item)> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    pub fn item(&self, id: &str) -> Option<(&'static Section, &'static Item)> {
        self.items().find(|(_, i)| i.id == id)
    }

    /// The task holding `item`'s status in `case`, if one has been set.
    pub fn task<'c>(&self, case: &'c Case, item: &Item) -> Option<&'c Task> {
        let id = self.task_id(item);
        case.tasks.iter().find(|t| t.id == id)
    }

    pub fn status(&self, case: &Case, item: &Item) -> Status {
        self.task(case, item).map_or(Status::NotStarted, Status::of)
    }

    /// How many items are completed, of how many.
    pub fn completed(&self, case: &Case) -> (usize, usize) {
        let total = self.items().count();
        let done = self
            .items()
            .filter(|(_, i)| self.status(case, i) == Status::Completed)
            .count();
        (done, total)
    }

    /// The task to save for `item` with `status` set on `today`, or `None` when that is
    /// already its status. A completed item keeps the day it was started; moving an item
    /// back clears the days that no longer hold.
    pub fn set(&self, case: &Case, item_id: &str, status: Status, today: Date) -> Option<Task> {
        let (section, item) = self.item(item_id)?;
        let mut task = self.task(case, item).cloned().unwrap_or_else(|| Task {
            id: self.task_id(item),
            title: format!("{}: {}", self.title, item.title),
            source: Some(section.source.label()),
            ..Task::default()
        });
        if Status::of(&task) == status {
            return None;
        }
        match status {
            Status::NotStarted => {
                task.started = None;
                task.done = None;
            }
            Status::InProgress => {
                task.started = task.started.or(Some(today));
                task.done = None;
            }
            Status::Completed => task.done = Some(today),
        }
        Some(task)
    }
}

/// Every task list the app offers.
pub fn all() -> &'static [&'static TaskList] {
    &[&crate::wizards::pre_proceedings::CHECKLIST]
}

pub fn find(id: &str) -> Option<&'static TaskList> {
    all().iter().copied().find(|l| l.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Child, Part};

    fn day(d: u32) -> Date {
        Date::from_ymd(2026, 3, d).unwrap()
    }

    fn case() -> Case {
        Case::new(
            "c1",
            Child {
                name: "A".into(),
                ..Child::default()
            },
        )
    }

    #[test]
    fn an_item_without_a_task_is_not_started() {
        let list = find("pre-proceedings").unwrap();
        let case = case();
        for (_, item) in list.items() {
            assert_eq!(list.status(&case, item), Status::NotStarted);
        }
        assert_eq!(list.completed(&case), (0, 9));
    }

    #[test]
    fn statuses_move_both_ways_and_are_kept_in_tasks() {
        let list = find("pre-proceedings").unwrap();
        let mut case = case();
        let set = |case: &mut Case, status, today| {
            let task = list.set(case, "assessment", status, today).unwrap();
            case.update(Part::Task(task.clone()), "t")
                .or_else(|_| case.add(Part::Task(task), "t").map(|_| true))
                .unwrap();
        };
        set(&mut case, Status::InProgress, day(2));
        let (_, item) = list.item("assessment").unwrap();
        let task = list.task(&case, item).unwrap().clone();
        assert_eq!(task.id, "checklist-pre-proceedings-assessment");
        assert_eq!((task.started, task.done), (Some(day(2)), None));
        assert!(task
            .source
            .unwrap()
            .starts_with("Care Planning Procedure – Care Proceedings"));
        assert_eq!(
            list.set(&case, "assessment", Status::InProgress, day(3)),
            None
        );

        set(&mut case, Status::Completed, day(4));
        let task = list.task(&case, item).unwrap();
        assert_eq!((task.started, task.done), (Some(day(2)), Some(day(4))));
        assert_eq!(list.completed(&case), (1, 9));

        set(&mut case, Status::NotStarted, day(5));
        let task = list.task(&case, item).unwrap();
        assert_eq!((task.started, task.done), (None, None));
        assert_eq!(case.history.len(), 3, "each change is in the history");
    }

    #[test]
    fn unknown_items_and_names_are_refused() {
        let list = find("pre-proceedings").unwrap();
        assert_eq!(list.set(&case(), "nope", Status::Completed, day(2)), None);
        assert_eq!(Status::from_name("done"), None);
        for s in Status::ALL {
            assert_eq!(Status::from_name(s.name()), Some(s));
        }
        assert!(find("nope").is_none());
    }

    #[test]
    fn item_ids_are_unique_and_every_section_cites_a_known_source() {
        for list in all() {
            let ids: Vec<_> = list.items().map(|(_, i)| i.id).collect();
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(ids.len(), unique.len(), "{}", list.id);
            for s in list.sections {
                assert!(s.source.source().is_some(), "{}", s.title);
            }
        }
    }
}
