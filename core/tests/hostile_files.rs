//! Hostile case files: whatever a user imports, reading it answers with the cases or with
//! problems that say what is wrong and where; it never panics, and it never returns part of
//! a file. (The import itself changes nothing unless reading succeeds: tests/e2e.)

use care_planner_core::calendar::Date;
use care_planner_core::model::file::{read_cases, write_cases, MAX_BYTES};
use care_planner_core::trainer::demo_cases;
use proptest::prelude::*;

/// A real export: the trainer's five demonstration children, with events of every kind
/// they use.
fn valid() -> String {
    let cases: Vec<_> = demo_cases(Date::parse_iso("2026-11-23").unwrap())
        .into_iter()
        .map(|d| d.case)
        .collect();
    write_cases(&cases, "2026-11-23T10:00:00Z")
}

/// Refused, with at least one problem, each with a message.
fn refused(text: &str) -> Vec<String> {
    match read_cases(text) {
        Ok(cases) => panic!("read {} cases from a hostile file", cases.len()),
        Err(problems) => {
            assert!(!problems.is_empty());
            problems
                .iter()
                .map(|p| {
                    assert!(!p.message.trim().is_empty());
                    p.to_string()
                })
                .collect()
        }
    }
}

#[test]
fn the_real_export_reads_back() {
    assert_eq!(read_cases(&valid()).unwrap().len(), 5);
}

#[test]
fn empty_and_not_json() {
    refused("");
    refused("   ");
    refused("not json at all");
    refused("null");
    refused("[]");
    refused("\u{feff}{");
}

#[test]
fn every_truncation_is_refused() {
    let text = valid();
    let mut tried = 0;
    for end in (0..text.len()).step_by(97) {
        if text.is_char_boundary(end) {
            refused(&text[..end]);
            tried += 1;
        }
    }
    assert!(tried > 50, "{tried} truncations");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    refused(&deep);
    let deep_object = format!(
        "{{\"format\":{}1{}}}",
        "{\"a\":".repeat(50_000),
        "}".repeat(50_000)
    );
    refused(&deep_object);
}

#[test]
fn a_file_larger_than_the_limit_is_refused_before_it_is_read() {
    let huge = " ".repeat(MAX_BYTES + 1);
    let problems = refused(&huge);
    assert!(problems[0].contains("MB"), "{problems:?}");
}

#[test]
fn wrong_types_duplicate_ids_bad_dates_and_unknown_versions_are_located() {
    let text = valid();
    let swap = |from: &str, to: &str| {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    };
    let cases = [
        swap("\"version\": 1", "\"version\": 99"),
        swap(
            "\"format\": \"care-planner-cases\"",
            "\"format\": \"something-else\"",
        ),
        swap("\"id\": \"training-bailey\"", "\"id\": \"training-alex\""),
        swap("\"date\": \"", "\"date\": \"2026-02-30"),
        swap("\"date\": \"", "\"date\": \"99999-01-01"),
        swap("\"date\": \"", "\"date\": 20260101, \"x\": \""),
        swap("\"kind\": \"", "\"kind\": \"meteor_"),
        swap("\"events\": [", "\"events\": {\"a\": ["),
    ];
    for hostile in cases {
        let problems = refused(&hostile);
        // Each problem says where (a case and a field) unless it is about the whole file.
        assert!(problems.iter().all(|p| !p.is_empty()));
    }
}

proptest! {
    #[test]
    fn any_text_is_answered(text in "\\PC{0,400}") {
        let _ = read_cases(&text);
    }

    /// A real export with a stretch of it replaced: near-misses of the format.
    #[test]
    fn any_damaged_export_is_answered_whole(start in 0..4000usize, len in 0..40usize, junk in "\\PC{0,20}") {
        let mut text = valid();
        let start = start.min(text.len());
        let start = (0..=start).rev().find(|&i| text.is_char_boundary(i)).unwrap();
        let end = (start + len).min(text.len());
        let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap();
        text.replace_range(start..end, &junk);
        match read_cases(&text) {
            // A harmless change (inside a name, say) may still read: then it is all of it.
            Ok(cases) => prop_assert_eq!(cases.len(), 5),
            Err(problems) => prop_assert!(problems.iter().all(|p| !p.message.is_empty())),
        }
    }
}
