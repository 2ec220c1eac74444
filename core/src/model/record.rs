//! A case as stored on this device: one record per case, holding the case's JSON and the
//! schema version it was written in. Reading a record written by an older version upgrades
//! it step by step; a record that cannot be read is reported with why, never dropped.

use serde_json::Value;

use super::file::read_case_json;
use super::Case;

/// Upgrades a case's JSON from one schema version to the next.
pub type Step = fn(Value) -> Result<Value, String>;

/// The record schema's history: `steps[i]` upgrades a record of version `i + 1` to `i + 2`.
#[derive(Clone, Copy)]
pub struct Migrations<'a> {
    pub steps: &'a [Step],
}

/// The schema this version of Care Planner writes. Version 1 is the first; when the stored
/// shape changes, add a step here and a test that reads the old shape.
pub const MIGRATIONS: Migrations<'static> = Migrations { steps: &[] };

impl Migrations<'_> {
    /// The version records are written in.
    pub fn current(&self) -> u32 {
        self.steps.len() as u32 + 1
    }
}

/// What reading a stored record gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Read {
    /// Written in the current schema.
    Current(Case),
    /// Written in an older schema and upgraded: it must be written back (as `json`).
    Upgraded { case: Case, json: String },
    /// Cannot be read: why, in words. The record must be kept and shown.
    Unreadable(String),
}

/// The JSON a case is stored as.
pub fn case_json(case: &Case) -> String {
    serde_json::to_string(case).expect("a case always serialises")
}

/// Reads a record's JSON written in `schema`, upgrading it if it is older.
pub fn read_record(schema: u32, json: &str, migrations: Migrations) -> Read {
    let current = migrations.current();
    if schema == current {
        return match read_case_json(json) {
            Ok(case) => Read::Current(case),
            Err(problems) => Read::Unreadable(describe(&problems)),
        };
    }
    if schema == 0 || schema > current {
        return Read::Unreadable(format!(
            "it was written in format {schema}, which this version of Care Planner (format {current}) does not know"
        ));
    }
    let mut value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(e) => return Read::Unreadable(format!("it is not valid JSON ({e})")),
    };
    for (i, step) in migrations
        .steps
        .iter()
        .enumerate()
        .skip(schema as usize - 1)
    {
        value = match step(value) {
            Ok(value) => value,
            Err(why) => {
                return Read::Unreadable(format!(
                    "it could not be upgraded from format {} to {}: {why}",
                    i + 1,
                    i + 2
                ))
            }
        };
    }
    let json = value.to_string();
    match read_case_json(&json) {
        Ok(case) => Read::Upgraded {
            json: case_json(&case),
            case,
        },
        Err(problems) => Read::Unreadable(format!("after upgrading, {}", describe(&problems))),
    }
}

fn describe(problems: &[crate::problem::Problem]) -> String {
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    format!("it does not read as a case ({})", list.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Child;

    /// A made-up version 1 with the child's name at the top, to exercise the machinery.
    fn move_name_into_child(mut v: Value) -> Result<Value, String> {
        let object = v.as_object_mut().ok_or("not an object")?;
        let name = object.remove("child_name").ok_or("no child_name")?;
        object.insert("child".into(), serde_json::json!({ "name": name }));
        Ok(v)
    }

    const TWO: Migrations<'static> = Migrations {
        steps: &[move_name_into_child],
    };

    #[test]
    fn current_records_read_as_they_are() {
        let case = Case::new(
            "c1",
            Child {
                name: "A".into(),
                ..Child::default()
            },
        );
        assert_eq!(
            read_record(1, &case_json(&case), MIGRATIONS),
            Read::Current(case)
        );
    }

    #[test]
    fn older_records_are_upgraded_step_by_step() {
        let read = read_record(1, r#"{"id":"c1","child_name":"A"}"#, TWO);
        let case = Case::new(
            "c1",
            Child {
                name: "A".into(),
                ..Child::default()
            },
        );
        assert_eq!(
            read,
            Read::Upgraded {
                json: case_json(&case),
                case
            }
        );
    }

    #[test]
    fn unreadable_records_say_why() {
        let Read::Unreadable(why) = read_record(1, r#"{"id":"c1"}"#, TWO) else {
            panic!()
        };
        assert_eq!(
            why,
            "it could not be upgraded from format 1 to 2: no child_name"
        );
        let Read::Unreadable(why) = read_record(3, "{}", TWO) else {
            panic!()
        };
        assert!(why.contains("format 3"), "{why}");
        let Read::Unreadable(why) = read_record(1, r#"{"id":"c1","child":{}}"#, MIGRATIONS) else {
            panic!()
        };
        assert_eq!(why, "it does not read as a case (child: has no \"name\")");
    }
}
