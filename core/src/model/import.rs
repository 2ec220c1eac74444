//! Importing a case file merges by case id: new cases are added, cases that differ replace
//! the copy on this device only once the user agrees, and identical ones are left alone.

use super::Case;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Cases not on this device.
    pub add: Vec<Case>,
    /// Cases on this device that the file's copy would replace.
    pub replace: Vec<Replacement>,
    /// Ids of cases identical on this device and in the file.
    pub unchanged: Vec<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Replacement {
    /// The file's copy.
    pub incoming: Case,
    /// The revision of the copy on this device that it would replace: the replacement is
    /// refused if that copy changes before the user confirms.
    pub replaces_revision: u64,
    /// The copy on this device has changes the file's copy does not: its history is not
    /// the start of the file's.
    pub device_is_newer: bool,
}

impl ImportPlan {
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.replace.is_empty()
    }
}

/// What importing `incoming` into a device holding `existing` would do.
pub fn plan_import(existing: &[Case], incoming: Vec<Case>) -> ImportPlan {
    let mut plan = ImportPlan::default();
    for case in incoming {
        match existing.iter().find(|c| c.id == case.id) {
            None => plan.add.push(case),
            Some(here) if same_content(here, &case) => plan.unchanged.push(case.id),
            Some(here) => plan.replace.push(Replacement {
                replaces_revision: here.revision,
                // Unless the file's history carries on from the device's, the device has
                // changes the file's copy would lose.
                device_is_newer: !carries_on_from(&case, here),
                incoming: case,
            }),
        }
    }
    plan
}

/// Whether `file`'s history starts with `device`'s: the same changes, whether or not some
/// were undone since (undoing marks the earlier entry).
fn carries_on_from(file: &Case, device: &Case) -> bool {
    let same = |a: &super::HistoryEntry, b: &super::HistoryEntry| {
        super::HistoryEntry {
            undone: false,
            ..a.clone()
        } == super::HistoryEntry {
            undone: false,
            ..b.clone()
        }
    };
    file.history.len() >= device.history.len()
        && device
            .history
            .iter()
            .zip(&file.history)
            .all(|(d, f)| same(d, f))
}

/// Equal apart from the revision, which only counts saves on one device.
fn same_content(a: &Case, b: &Case) -> bool {
    Case {
        revision: 0,
        ..a.clone()
    } == Case {
        revision: 0,
        ..b.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Child, Part};

    fn case(id: &str, name: &str) -> Case {
        Case::new(
            id,
            Child {
                name: name.into(),
                ..Child::default()
            },
        )
    }

    #[test]
    fn merges_by_id() {
        let mut here_b = case("b", "B");
        here_b.revision = 4;
        let mut changed = case("c", "C");
        changed
            .update(
                Part::Child(Child {
                    name: "C2".into(),
                    ..Child::default()
                }),
                "t",
            )
            .unwrap();
        let existing = vec![case("a", "A"), here_b, changed.clone()];
        let mut file_b = case("b", "B");
        file_b.revision = 9;
        let plan = plan_import(&existing, vec![case("new", "N"), file_b, case("c", "C")]);
        assert_eq!(plan.add, vec![case("new", "N")]);
        assert_eq!(plan.unchanged, vec!["b".to_string()]);
        assert_eq!(plan.replace.len(), 1);
        assert_eq!(plan.replace[0].incoming, case("c", "C"));
        assert!(
            plan.replace[0].device_is_newer,
            "the device's copy has a change the file lacks"
        );
    }

    #[test]
    fn a_file_that_carries_on_from_the_device_is_not_flagged_but_a_diverged_one_is() {
        let mut here = case("a", "A");
        here.update(
            Part::Child(Child {
                name: "A1".into(),
                ..Child::default()
            }),
            "t1",
        )
        .unwrap();
        let mut later = here.clone();
        later
            .update(
                Part::Child(Child {
                    name: "A2".into(),
                    ..Child::default()
                }),
                "t2",
            )
            .unwrap();
        later.undo("t3").unwrap();
        let plan = plan_import(std::slice::from_ref(&here), vec![later]);
        assert!(
            !plan.replace[0].device_is_newer,
            "the file only adds to the device's history, an undo included"
        );

        // Both changed since they parted: the same length of history, different changes.
        let mut diverged = here.clone();
        here.update(Part::Profile("salford".into()), "t3").unwrap();
        diverged
            .update(Part::Profile("local-a".into()), "t3")
            .unwrap();
        let plan = plan_import(&[here], vec![diverged]);
        assert!(plan.replace[0].device_is_newer);
    }
}
