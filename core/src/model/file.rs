//! The case file: a backup of some or all cases, documented in `docs/case-file-format.md`.
//! Reading one gives every case or every problem, each with its case and field; never part
//! of a file.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::{Case, Child, Event, HistoryEntry, Task};
use crate::problem::{join, Problem};

pub const FORMAT: &str = "care-planner-cases";
pub const VERSION: u64 = 1;
/// Larger than any caseload (1,000 cases with their histories is about 5 MB); a bigger file
/// is refused before it is parsed.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    exported_at: &'a str,
    app_version: &'static str,
    cases: &'a [Case],
}

/// The file for `cases`, exported at `exported_at` (an RFC 3339 timestamp).
pub fn write_cases(cases: &[Case], exported_at: &str) -> String {
    let file = FileOut {
        format: FORMAT,
        version: VERSION,
        exported_at,
        app_version: crate::VERSION,
        cases,
    };
    serde_json::to_string_pretty(&file).expect("a case always serialises")
}

/// Reads a case file, checking every case in it.
pub fn read_cases(text: &str) -> Result<Vec<Case>, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return Err(vec![Problem::new(
            "",
            format!(
                "The file is larger than {} MB; it is not a Care Planner backup.",
                MAX_BYTES / (1024 * 1024)
            ),
        )]);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem::new(
            "",
            format!(
                "The file is not valid JSON (line {}, column {}): {}. Choose a file exported by Care Planner.",
                e.line(),
                e.column(),
                plain_json_error(&e)
            ),
        )]
    })?;
    let mut problems = Vec::new();
    let Some(root) = value.as_object() else {
        return Err(vec![Problem::new(
            "",
            "The file is not a Care Planner backup: it must be an object ({ … }).",
        )]);
    };
    for key in root.keys() {
        if !["format", "version", "exported_at", "app_version", "cases"].contains(&key.as_str()) {
            problems.push(Problem::new(key.as_str(), "is not a field of a case file"));
        }
    }
    match root.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => problems.push(Problem::new(
            "format",
            format!("is \"{other}\"; a case file says \"{FORMAT}\""),
        )),
        None => problems.push(Problem::new(
            "format",
            format!("is missing; a case file says \"{FORMAT}\""),
        )),
    }
    match root.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) => problems.push(Problem::new(
            "version",
            format!("is {v}; this version of Care Planner reads version {VERSION}. Use the newest Care Planner."),
        )),
        None => problems.push(Problem::new("version", format!("must be the number {VERSION}"))),
    }
    let cases = match root.get("cases").map(Value::as_array) {
        Some(Some(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| read_case(item, &case_location(i, item), &mut problems))
            .collect(),
        Some(None) => {
            problems.push(Problem::new("cases", "must be a list ([ … ])"));
            Vec::new()
        }
        None => {
            problems.push(Problem::new("", "has no \"cases\""));
            Vec::new()
        }
    };
    let mut ids = BTreeSet::new();
    for (i, case) in cases.iter().enumerate() {
        if !ids.insert(case.id.as_str()) {
            problems.push(Problem::new(
                format!("case {} (id \"{}\")", i + 1, case.id),
                "has the same id as an earlier case in the file",
            ));
        }
    }
    if problems.is_empty() {
        Ok(cases)
    } else {
        Err(problems)
    }
}

/// Reads one case from its JSON, as kept in a stored record.
pub fn read_case_json(text: &str) -> Result<Case, Vec<Problem>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem::new(
            "",
            format!("is not valid JSON: {}", plain_json_error(&e)),
        )]
    })?;
    let mut problems = Vec::new();
    match read_case(&value, "", &mut problems) {
        Some(case) if problems.is_empty() => Ok(case),
        _ => Err(problems),
    }
}

fn case_location(index: usize, item: &Value) -> String {
    match item.get("id").and_then(Value::as_str) {
        Some(id) => format!("case {} (id \"{id}\")", index + 1),
        None => format!("case {}", index + 1),
    }
}

const CASE_FIELDS: [&str; 8] = [
    "id", "revision", "child", "profile", "events", "tasks", "answers", "history",
];

/// One case, field by field, so that each problem names its field; `None` if any is wrong.
fn read_case(value: &Value, location: &str, problems: &mut Vec<Problem>) -> Option<Case> {
    let Some(map) = value.as_object() else {
        problems.push(Problem::new(location, "must be an object ({ … })"));
        return None;
    };
    let before = problems.len();
    for key in map.keys().filter(|k| !CASE_FIELDS.contains(&k.as_str())) {
        problems.push(Problem::new(
            join(location, key),
            format!(
                "is not a field of a case; the fields are: {}",
                CASE_FIELDS.join(", ")
            ),
        ));
    }
    let id: Option<String> = field(map, "id", location, problems);
    if id.as_deref().is_some_and(|id| id.trim().is_empty()) {
        problems.push(Problem::new(join(location, "id"), "is empty"));
    }
    let child: Option<Child> = field(map, "child", location, problems);
    if child.as_ref().is_some_and(|c| c.name.trim().is_empty()) {
        problems.push(Problem::new(
            join(location, "child › name"),
            "is empty; give the child's name or initials",
        ));
    }
    let events: Vec<Event> = list(map, "events", location, problems, |e: &Event| e.id.clone());
    let tasks: Vec<Task> = list(map, "tasks", location, problems, |t: &Task| t.id.clone());
    let history: Vec<HistoryEntry> = list(map, "history", location, problems, |_| String::new());
    for (i, entry) in history.iter().enumerate() {
        if !entry.is_consistent() {
            problems.push(Problem::new(
                join(location, &format!("history › {}", i + 1)),
                "needs a \"before\" or an \"after\", and where it has both they must be the same part of the case (the same event or task, the child, or the procedures)",
            ));
        }
    }
    let revision = optional(map, "revision", location, problems).unwrap_or(0);
    let profile =
        optional(map, "profile", location, problems).unwrap_or_else(super::default_profile);
    let answers = optional(map, "answers", location, problems).unwrap_or_default();
    if problems.len() > before {
        return None;
    }
    Some(Case {
        id: id?,
        revision,
        child: child?,
        profile,
        events,
        tasks,
        answers,
        history,
    })
}

fn field<T: DeserializeOwned>(
    map: &Map<String, Value>,
    key: &str,
    location: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match map.get(key) {
        Some(value) => parse(value, &join(location, key), problems),
        None => {
            problems.push(Problem::new(location, format!("has no \"{key}\"")));
            None
        }
    }
}

fn optional<T: DeserializeOwned>(
    map: &Map<String, Value>,
    key: &str,
    location: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    map.get(key)
        .and_then(|value| parse(value, &join(location, key), problems))
}

/// A list of items, each read on its own so that every bad item is reported; `id_of` gives
/// the id that must be unique within the list (empty for lists without ids).
fn list<T: DeserializeOwned>(
    map: &Map<String, Value>,
    key: &str,
    location: &str,
    problems: &mut Vec<Problem>,
    id_of: impl Fn(&T) -> String,
) -> Vec<T> {
    let location = join(location, key);
    let items = match map.get(key) {
        None => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            problems.push(Problem::new(location, "must be a list ([ … ])"));
            return Vec::new();
        }
    };
    let mut ids = BTreeSet::new();
    let mut read = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let here = join(&location, &(i + 1).to_string());
        if let Some(value) = parse::<T>(item, &here, problems) {
            let id = id_of(&value);
            if !id.is_empty() && !ids.insert(id.clone()) {
                problems.push(Problem::new(
                    join(&here, "id"),
                    format!("\"{id}\" is used by an earlier entry"),
                ));
            }
            read.push(value);
        }
    }
    read
}

/// Deserialises `value`, reporting a failure at the exact field inside it.
fn parse<T: DeserializeOwned>(
    value: &Value,
    location: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(v) => Some(v),
        Err(e) => {
            let path = e.path().to_string();
            let inner = path
                .split('.')
                .filter(|p| !p.is_empty() && *p != "?")
                .map(
                    |p| match p.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
                        Some(n) => n
                            .parse::<usize>()
                            .map_or(p.to_string(), |n| (n + 1).to_string()),
                        None => p.to_string(),
                    },
                )
                .fold(location.to_string(), |at, p| join(&at, &p));
            problems.push(Problem::new(
                inner,
                plain_serde_error(&e.into_inner().to_string()),
            ));
            None
        }
    }
}

fn plain_json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// serde's messages in plainer words; the field path is reported separately.
fn plain_serde_error(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("has no {}", field.replace('`', "\""));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        return format!("{} is not a field here", field.replace('`', "\""));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return format!("is the wrong type ({})", rest.replace('`', "\""));
    }
    message.replace('`', "\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;
    use crate::examples::{example, IDS};

    fn today() -> Date {
        Date::from_ymd(2026, 11, 23).unwrap()
    }

    fn examples() -> Vec<Case> {
        IDS.iter()
            .map(|id| example(id, today()).unwrap().case)
            .collect()
    }

    #[test]
    fn a_written_file_reads_back_exactly() {
        let mut cases = examples();
        cases[0]
            .add(
                super::super::Part::Task(Task {
                    id: "t1".into(),
                    title: "Book the review".into(),
                    due: Some(today()),
                    started: Some(today()),
                    done: None,
                    rule: Some("review-1".into()),
                    source: None,
                }),
                "2026-11-23T10:00:00Z",
            )
            .unwrap();
        cases[1].answers.insert(
            "pre-proceedings".into(),
            [("q1".to_string(), "yes".to_string())].into(),
        );
        let text = write_cases(&cases, "2026-11-23T10:00:00Z");
        assert_eq!(read_cases(&text), Ok(cases));
    }

    fn problems(text: &str) -> Vec<String> {
        read_cases(text)
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn every_problem_is_reported_with_its_case_and_field() {
        let text = r#"{"format":"care-planner-cases","version":1,"cases":[
            {"id":"a","child":{"name":"A"},"events":[
                {"id":"e1","kind":"visit_made","date":"2026-02-03"},
                {"id":"e2","kind":"visit","date":"2026-02-03"},
                {"id":"e1","kind":"visit_made","date":"2026-02-03"},
                {"id":"e4","kind":"visit_made","date":"2026-02-30"}]},
            {"id":"b","child":{"name":""},"colour":"red"},
            {"id":"a","child":{"name":"C"}}]}"#;
        assert_eq!(
            problems(text),
            vec![
                "case 1 (id \"a\") › events › 2 › kind: \"visit\" is not a known EventKind",
                "case 1 (id \"a\") › events › 3 › id: \"e1\" is used by an earlier entry",
                "case 1 (id \"a\") › events › 4 › date: \"2026-02-30\" is not a date written as YYYY-MM-DD, such as \"2026-03-31\"",
                "case 2 (id \"b\") › colour: is not a field of a case; the fields are: id, revision, child, profile, events, tasks, answers, history",
                "case 2 (id \"b\") › child › name: is empty; give the child's name or initials",
            ]
        );
    }

    #[test]
    fn a_history_entry_must_name_one_part_of_the_case() {
        let text = r#"{"format":"care-planner-cases","version":1,"cases":[{"id":"a","child":{"name":"A"},"history":[
            {"at":"t","summary":"nothing"},
            {"at":"t","summary":"mixed","before":{"profile":"national"},"after":{"task":{"id":"t1","title":"T"}}}]}]}"#;
        let found = problems(text);
        assert_eq!(found.len(), 2);
        assert!(found[0]
            .starts_with("case 1 (id \"a\") › history › 1: needs a \"before\" or an \"after\""));
        assert!(found[1].starts_with("case 1 (id \"a\") › history › 2: "));
    }

    #[test]
    fn a_duplicate_case_id_is_refused() {
        let text = r#"{"format":"care-planner-cases","version":1,"cases":[
            {"id":"a","child":{"name":"A"}},{"id":"a","child":{"name":"B"}}]}"#;
        assert_eq!(
            problems(text),
            vec!["case 2 (id \"a\"): has the same id as an earlier case in the file"]
        );
    }

    #[test]
    fn wrong_files_say_what_they_are_not() {
        assert!(
            problems("not json")[0].starts_with("The file is not valid JSON (line 1, column 2)")
        );
        assert_eq!(
            problems(r#"{"format":"care-planner-profile","version":2,"cases":{}}"#),
            vec![
                "format: is \"care-planner-profile\"; a case file says \"care-planner-cases\"",
                "version: is 2; this version of Care Planner reads version 1. Use the newest Care Planner.",
                "cases: must be a list ([ … ])",
            ]
        );
        assert_eq!(
            problems(r#"{"format":"care-planner-cases","version":1,"cases":[{"id":"a","child":{"name":"A"},"events":[{"id":"e","kind":"visit_made","date":"2026-01-01","weeks":"two"}]}]}"#),
            vec!["case 1 (id \"a\") › events › 1 › weeks: is the wrong type (string \"two\", expected u32)"]
        );
    }
}
