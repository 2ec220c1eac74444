//! Deadlines as an iCalendar file (RFC 5545), for the practitioner's own calendar.
//!
//! One all-day event per dated rule instance, on the date that applies. The UID is the case
//! id, the rule id and the instance, so importing a newer export updates the same events
//! instead of adding copies; an instance since done is exported as cancelled under the
//! same UID, so the calendar drops or greys it out. Text is escaped and lines are folded
//! at 75 octets without splitting a character, as the RFC requires.

use std::fmt::Write;

use crate::calendar::{subtract_working_days, Date};
use crate::engine::{Schedule, Status};
use crate::model::Case;

/// What the practitioner chose for the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Put the child's name (as recorded) in each event's title; otherwise their case
    /// reference, or the case id where there is none.
    pub names: bool,
    /// Remind this many working days before the date (0: no reminder).
    pub reminder_working_days: u32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            names: false,
            reminder_working_days: 2,
        }
    }
}

/// One event, before it is written out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
    /// Done: exported as cancelled.
    pub done: bool,
    /// When to remind: the day, at 09:00, as days before the date.
    pub remind_days_before: Option<i32>,
}

/// How the child is named in event titles.
fn who(case: &Case, options: &Options) -> String {
    if options.names {
        case.child.name.clone()
    } else if !case.child.reference.trim().is_empty() {
        case.child.reference.trim().to_string()
    } else {
        format!("case {}", case.id)
    }
}

/// The events of one case's schedule: every instance with a date that applies.
pub fn entries(case: &Case, schedule: &Schedule, options: &Options) -> Vec<Entry> {
    let child = who(case, options);
    schedule
        .items
        .iter()
        .filter_map(|item| {
            let due = item.applicable()?;
            let done = matches!(item.status, Status::DoneOnTime | Status::DoneLate);
            let instance = if item.instance.is_empty() {
                "first"
            } else {
                item.instance
            };
            // Counted back from the last working day on or before the date, where that is
            // earlier: the day the work must really be done by.
            let by = item.practical.unwrap_or(due.date);
            let remind_days_before = (options.reminder_working_days > 0 && !done)
                .then(|| subtract_working_days(by, options.reminder_working_days).ok())
                .flatten()
                .map(|c| c.date.days_until(due.date));
            let mut description = vec![format!("{} (rule {}).", item.due_text, item.rule)];
            description.extend(item.explanation());
            description.push(format!("Source: {}.", due.source.label()));
            Some(Entry {
                uid: format!("{}.{}.{}@care-planner", case.id, item.rule, instance),
                date: due.date,
                summary: format!(
                    "{}{}: {}",
                    if done { "Done: " } else { "" },
                    child,
                    item.due_text
                ),
                description: description.join("\n"),
                done,
                remind_days_before,
            })
        })
        .collect()
}

/// The calendar file for `entries`, stamped `stamp` (UTC, `YYYYMMDDTHHMMSSZ`). `sequence`
/// must rise from one export to the next (the minutes since 2020 do), so that a calendar
/// takes a changed date or a cancellation as an update of the event it has.
pub fn calendar(entries: &[Entry], stamp: &str, sequence: u64) -> String {
    let mut out = String::new();
    let mut line = |text: &str| fold_into(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Care Planner//Care Planner//EN");
    line("CALSCALE:GREGORIAN");
    line("X-WR-CALNAME:Care Planner deadlines");
    for e in entries {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&e.uid)));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("LAST-MODIFIED:{stamp}"));
        line(&format!("SEQUENCE:{sequence}"));
        line(&format!("DTSTART;VALUE=DATE:{}", compact(e.date)));
        line(&format!("DTEND;VALUE=DATE:{}", compact(e.date.add_days(1))));
        line(&format!("SUMMARY:{}", escape(&e.summary)));
        line(&format!("DESCRIPTION:{}", escape(&e.description)));
        line("TRANSP:TRANSPARENT");
        line(if e.done {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        });
        if let Some(days) = e.remind_days_before.filter(|d| *d > 0) {
            // Relative to the start of the all-day event (00:00 on the day): 09:00 on the
            // day `days` before is (days - 1) days and 15 hours earlier.
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line(&format!("DESCRIPTION:{}", escape(&e.summary)));
            line(&format!("TRIGGER:-P{}DT15H", days - 1));
            line("END:VALARM");
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// `20261123`.
fn compact(date: Date) -> String {
    date.iso().replace('-', "")
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `text` as a content line: folded so that no line is longer than 75 octets
/// (continuations begin with a space), never inside a UTF-8 character, ending in CRLF.
fn fold_into(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Scheduler;
    use crate::model::{Attrs, Child, Event, EventKind, LegalBasis, Part};
    use crate::rules::{builtin_profiles, catalogue};

    /// Reads folded lines back: the inverse of `fold_into`.
    fn unfold(text: &str) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for raw in text.split("\r\n").filter(|l| !l.is_empty()) {
            match raw.strip_prefix(' ') {
                Some(rest) => lines.last_mut().unwrap().push_str(rest),
                None => lines.push(raw.to_string()),
            }
        }
        lines
    }

    #[test]
    fn long_lines_are_folded_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "é".repeat(100));
        fold_into(&mut out, &text);
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(unfold(&out), vec![text]);
    }

    /// Reads an escaped TEXT value back (RFC 5545 §3.3.11).
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                },
                (c, false) => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn any_text_survives_escaping_and_folding(text in "[^\\p{Cc}]{0,300}|[a-z,;\\\\\n ]{0,200}") {
            let mut out = String::new();
            fold_into(&mut out, &format!("DESCRIPTION:{}", escape(&text)));
            for line in out.split("\r\n") {
                proptest::prop_assert!(line.len() <= 75);
            }
            let lines = unfold(&out);
            proptest::prop_assert_eq!(lines.len(), 1);
            let value = lines[0].strip_prefix("DESCRIPTION:").unwrap();
            proptest::prop_assert_eq!(unescape(value), text);
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape("<script>\u{7}"), "<script>");
    }

    fn case() -> Case {
        let mut case = Case::new(
            "c-1",
            Child {
                name: "Sam, \"S\"".into(),
                reference: "REF;7".into(),
                ..Child::default()
            },
        );
        case.profile = "local-a".into();
        for (id, kind, date) in [
            ("la", EventKind::BecameLookedAfter, "2026-03-02"),
            ("p", EventKind::PlacementStarted, "2026-03-02"),
        ] {
            let attrs = Attrs {
                basis: (kind == EventKind::BecameLookedAfter).then_some(LegalBasis::S20),
                placement: (kind == EventKind::PlacementStarted)
                    .then_some(crate::model::PlacementType::Foster),
                ..Attrs::default()
            };
            let event = Event {
                id: id.into(),
                kind,
                date: Date::parse_iso(date).unwrap(),
                time: None,
                attrs,
            };
            case.add(Part::Event(event), "t").unwrap();
        }
        case
    }

    fn export(case: &Case, options: Options) -> (Vec<Entry>, String) {
        let profiles = builtin_profiles();
        let local = crate::rules::builtin_profile(&case.profile);
        let schedule = Scheduler::new(catalogue(), &profiles[0], local)
            .schedule(case, Date::parse_iso("2026-03-03").unwrap());
        let entries = entries(case, &schedule, &options);
        let text = calendar(&entries, "20260303T090000Z", 7);
        (entries, text)
    }

    #[test]
    fn each_dated_deadline_is_an_all_day_event_with_a_stable_uid_and_a_reminder() {
        let (entries, text) = export(&case(), Options::default());
        let review = entries
            .iter()
            .find(|e| e.uid == "c-1.review-1.la@care-planner")
            .unwrap();
        // 15 working days from Mon 2 Mar 2026 under local-a; reminded 2 working days before.
        assert_eq!(review.date, Date::parse_iso("2026-03-23").unwrap());
        assert_eq!(
            review.remind_days_before,
            Some(4),
            "Thu 19 Mar, over the weekend"
        );
        assert_eq!(review.summary, "REF;7: First looked-after review");
        assert!(review
            .description
            .contains("Source: Care Planning Procedure \u{2013} Section 20"));
        let lines = unfold(&text);
        assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
        assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
        assert!(lines.contains(&"SUMMARY:REF\\;7: First looked-after review".to_string()));
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20260323".to_string()));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20260324".to_string()));
        assert!(lines.contains(&"TRIGGER:-P3DT15H".to_string()));
        assert!(lines.contains(&"SEQUENCE:7".to_string()));
        assert!(
            !lines.iter().any(|l| l.starts_with("METHOD")),
            "a plain file, not a scheduling message"
        );
        assert_eq!(
            lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(),
            entries.len()
        );
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        // Exporting again gives the same UIDs: a calendar updates instead of copying.
        let (again, _) = export(&case(), Options::default());
        let uids = |e: &[Entry]| e.iter().map(|e| e.uid.clone()).collect::<Vec<_>>();
        assert_eq!(uids(&entries), uids(&again));
        let mut sorted = uids(&entries);
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), entries.len(), "UIDs are unique");
    }

    #[test]
    fn a_done_deadline_is_cancelled_under_the_same_uid_without_a_reminder() {
        let mut c = case();
        let visit = Event {
            id: "v".into(),
            kind: EventKind::VisitMade,
            date: Date::parse_iso("2026-03-03").unwrap(),
            time: None,
            attrs: Attrs::default(),
        };
        c.add(Part::Event(visit), "t").unwrap();
        let (entries, text) = export(&c, Options::default());
        let visit = entries
            .iter()
            .find(|e| e.uid == "c-1.visit-first.p@care-planner")
            .unwrap();
        assert!(visit.done && visit.summary.starts_with("Done: "));
        assert_eq!(visit.remind_days_before, None);
        assert!(unfold(&text).contains(&"STATUS:CANCELLED".to_string()));
    }

    #[test]
    fn names_only_when_chosen_and_no_reminder_when_zero() {
        let (entries, text) = export(
            &case(),
            Options {
                names: true,
                reminder_working_days: 0,
            },
        );
        assert!(entries
            .iter()
            .all(|e| e.summary.starts_with("Sam, \"S\": ")));
        assert!(unfold(&text)
            .iter()
            .any(|l| l.starts_with("SUMMARY:Sam\\, \"S\": ")));
        assert!(!text.contains("BEGIN:VALARM"));
        let mut anonymous = case();
        anonymous.child.reference = String::new();
        let (entries, _) = export(&anonymous, Options::default());
        assert!(entries.iter().all(|e| e.summary.starts_with("case c-1: ")));
    }
}
