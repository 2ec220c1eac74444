//! Printable documents made from a case: the case summary and the care plan's front sheet
//! and section outline (`004` §10). What the case records is filled in; the rest is left
//! blank for the practitioner, never guessed.

use crate::engine::{Schedule, Status};
use crate::model::{Case, EventKind};
use crate::sources::Citation;

/// One section of the care plan: its heading and the parts `004` §10 lists under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanSection {
    pub title: &'static str,
    pub source: Citation,
    pub parts: &'static [&'static str],
}

const fn section(
    title: &'static str,
    section: &'static str,
    parts: &'static [&'static str],
) -> PlanSection {
    PlanSection {
        title,
        source: Citation {
            source: "004",
            section,
        },
        parts,
    }
}

/// The care plan's sections after the front sheet, in the guidance's order.
pub const CARE_PLAN_SECTIONS: &[PlanSection] = &[
    section(
        "Section 1 \u{2013} About the child or young person and their strengths and needs",
        "§10.2",
        &[
            "Identity",
            "Social presentation",
            "Emotional and behavioural development",
            "Health",
            "Education",
            "Self-care skills",
            "Family and friends",
            "Current contact arrangements",
            "The child or young person's wishes and feelings",
        ],
    ),
    section("Section 2 \u{2013} Summary and analysis", "§10.3", &["Overall aim of the care plan"]),
    section(
        "Section 3 \u{2013} The plan",
        "§10.4",
        &[
            "Options for the immediate future",
            "Details of the proposed or current placement",
            "Contact arrangements",
            "Options for permanence",
            "Details of the current and proposed placement",
            "Contact arrangements (interim and permanent)",
        ],
    ),
    section("Section 4 \u{2013} Views of others", "§10.4 (Section 4)", &["Views of parents and others with a sufficient interest, on what they want and on the proposed plan"]),
];

/// The front sheet (`004` §10.1) from the case and its schedule: each row's value, or
/// `None` where the case does not record it (the sheet leaves it blank).
pub fn front_sheet(case: &Case, schedule: &Schedule) -> Vec<(&'static str, Option<String>)> {
    let child = match case.child.date_of_birth {
        Some(born) => format!("{}, born {born}", case.child.name),
        None => case.child.name.clone(),
    };
    let last_review = case
        .sorted_events()
        .into_iter()
        .rev()
        .find(|e| e.kind == EventKind::ReviewHeld)
        .map(|e| e.date.to_string());
    let next_review = schedule
        .items
        .iter()
        .filter(|i| {
            i.rule.starts_with("review-")
                && i.rule != "review-consultation"
                && i.rule != "review-report"
        })
        .filter(|i| {
            !matches!(
                i.status,
                Status::DoneOnTime | Status::DoneLate | Status::NotApplicable | Status::Waiting
            )
        })
        .filter_map(|i| i.applicable().map(|d| d.date))
        .min()
        .map(|d| format!("{d} (due)"));
    let reference = (!case.child.reference.trim().is_empty()).then(|| case.child.reference.clone());
    vec![
        (
            "Child or young person (name and date of birth)",
            Some(child),
        ),
        ("Case number (LCS number)", reference),
        ("Social worker", None),
        ("Independent reviewing officer", None),
        ("Date of last review", last_review),
        ("Date of next review", next_review),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;
    use crate::engine::Scheduler;
    use crate::model::{Attrs, Child, Event, LegalBasis, Part};
    use crate::rules::{builtin_profiles, catalogue};

    #[test]
    fn the_front_sheet_fills_what_the_case_records_and_leaves_the_rest_blank() {
        let mut case = Case::new(
            "c",
            Child {
                name: "A.B.".into(),
                reference: "LCS-9".into(),
                date_of_birth: Date::parse_iso("2015-06-01"),
            },
        );
        let d = |iso| Date::parse_iso(iso).unwrap();
        for (id, kind, date) in [
            ("la", EventKind::BecameLookedAfter, "2026-03-02"),
            ("r1", EventKind::ReviewHeld, "2026-03-27"),
        ] {
            let attrs = Attrs {
                basis: (kind == EventKind::BecameLookedAfter).then_some(LegalBasis::S20),
                ..Attrs::default()
            };
            case.add(
                Part::Event(Event {
                    id: id.into(),
                    kind,
                    date: d(date),
                    time: None,
                    attrs,
                }),
                "t",
            )
            .unwrap();
        }
        let profiles = builtin_profiles();
        let schedule = Scheduler::new(catalogue(), &profiles[0], &profiles[0])
            .schedule(&case, d("2026-04-01"));
        let sheet = front_sheet(&case, &schedule);
        assert_eq!(sheet[0].1.as_deref(), Some("A.B., born Mon 1 Jun 2015"));
        assert_eq!(sheet[1].1.as_deref(), Some("LCS-9"));
        assert_eq!((sheet[2].1.as_ref(), sheet[3].1.as_ref()), (None, None));
        assert_eq!(sheet[4].1.as_deref(), Some("Fri 27 Mar 2026"));
        // The second review: 3 months after the first (national).
        assert_eq!(sheet[5].1.as_deref(), Some("Sat 27 Jun 2026 (due)"));
        assert_eq!(CARE_PLAN_SECTIONS.len(), 4);
        assert!(CARE_PLAN_SECTIONS
            .iter()
            .all(|s| s.source.source().is_some()));
    }
}
