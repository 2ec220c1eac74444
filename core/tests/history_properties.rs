//! Properties of a case's history that must hold for any sequence of changes: each change
//! is recorded, undoing every one of them gives back the case as it started, and a case
//! written to a file reads back exactly.

use care_planner_core::calendar::Date;
use care_planner_core::model::file::{read_cases, write_cases};
use care_planner_core::model::{Attrs, Case, Child, Event, EventKind, Part, Task};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    AddEvent(u8, u16),
    UpdateEvent(u8, u16),
    DeleteEvent(u8),
    AddTask(u8, bool),
    ToggleTask(u8),
    Rename(String),
    Profile(bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..6u8, 0..800u16).prop_map(|(i, d)| Op::AddEvent(i, d)),
        (0..6u8, 0..800u16).prop_map(|(i, d)| Op::UpdateEvent(i, d)),
        (0..6u8).prop_map(Op::DeleteEvent),
        (0..4u8, any::<bool>()).prop_map(|(i, due)| Op::AddTask(i, due)),
        (0..4u8).prop_map(Op::ToggleTask),
        "[A-Za-z .]{1,12}".prop_map(Op::Rename),
        any::<bool>().prop_map(Op::Profile),
    ]
}

fn day(n: u16) -> Date {
    Date::from_ymd(2025, 1, 1).unwrap().add_days(n as i32)
}

fn event(i: u8, d: u16) -> Part {
    Part::Event(Event {
        id: format!("e{i}"),
        kind: EventKind::ALL[(d as usize) % EventKind::ALL.len()],
        date: day(d),
        time: None,
        attrs: Attrs::default(),
    })
}

fn task(i: u8, due: bool) -> Task {
    Task {
        id: format!("t{i}"),
        title: format!("Task {i}"),
        due: due.then(|| day(i as u16 * 10)),
        done: None,
        rule: None,
        source: None,
        started: None,
    }
}

/// Applies `op`; refusals (a duplicate or missing id, an empty name) are part of the
/// property: they must change nothing.
fn apply(case: &mut Case, op: &Op, at: &str) {
    let before = case.clone();
    let result = match op {
        Op::AddEvent(i, d) => case.add(event(*i, *d), at),
        Op::UpdateEvent(i, d) => case.update(event(*i, *d), at).map(|_| ()),
        Op::DeleteEvent(i) => case.delete(&event(*i, 0), at),
        Op::AddTask(i, due) => case.add(Part::Task(task(*i, *due)), at),
        Op::ToggleTask(i) => match case.tasks.iter().find(|t| t.id == format!("t{i}")).cloned() {
            Some(mut t) => {
                t.done = if t.done.is_some() {
                    None
                } else {
                    Some(day(500))
                };
                case.update(Part::Task(t), at).map(|_| ())
            }
            None => Ok(()),
        },
        Op::Rename(name) => case
            .update(
                Part::Child(Child {
                    name: name.clone(),
                    ..case.child.clone()
                }),
                at,
            )
            .map(|_| ()),
        Op::Profile(local) => case
            .update(
                Part::Profile(if *local { "local-a" } else { "national" }.into()),
                at,
            )
            .map(|_| ()),
    };
    if result.is_err() {
        assert_eq!(*case, before, "a refused change changes nothing");
    }
}

fn contents(case: &Case) -> (Child, String, Vec<Event>, Vec<Task>) {
    let mut events = case.events.clone();
    events.sort_by(|a, b| a.id.cmp(&b.id));
    let mut tasks = case.tasks.clone();
    tasks.sort_by(|a, b| a.id.cmp(&b.id));
    (case.child.clone(), case.profile.clone(), events, tasks)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn undoing_every_change_gives_back_the_case(ops in prop::collection::vec(op(), 0..40)) {
        let mut case = Case::new("c", Child { name: "A".into(), ..Child::default() });
        let start = contents(&case);
        for (n, op) in ops.iter().enumerate() {
            apply(&mut case, op, &format!("2026-01-01T00:00:{n:02}Z"));
        }
        let changes = case.history.len();
        let mut undone = 0;
        while case.undoable().is_some() {
            case.undo("2026-01-02T00:00:00Z").unwrap();
            undone += 1;
        }
        prop_assert_eq!(undone, changes, "every change can be undone");
        prop_assert_eq!(contents(&case), start);
        prop_assert_eq!(case.history.len(), changes * 2, "each undo is recorded too");

        let text = write_cases(std::slice::from_ref(&case), "2026-01-02T00:00:00Z");
        prop_assert_eq!(read_cases(&text).unwrap(), vec![case]);
    }
}
