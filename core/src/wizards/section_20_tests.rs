//! The Section 20 wizard node by node and path by path: every question and outcome can be
//! reached, wrong answers get the message the user sees, and each path ends where the
//! procedure says, with the events, tasks and deadlines it should produce.

use super::engine::{walk, Answer, Answers, Flow, Input};
use super::section_20::{admission, Section20, CHECKLIST};
use super::test_support::*;
use super::Produced;
use crate::calendar::{Date, Time};
use crate::engine::Scheduler;
use crate::forms::DateParts;
use crate::model::{Case, Child, EventKind, Part, PlacementType};
use crate::rules::{builtin_profiles, catalogue};

const ADMITTED_AT: &str = "2026-03-02"; // a Monday

fn planned_local_a(placement: &str) -> Vec<(&'static str, Input)> {
    let mut steps = vec![
        ("admission-kind", choice("planned")),
        ("full-assessment", choice("yes")),
        ("authorised-by", choice("strategic-lead")),
        ("decision", choice("admit")),
        ("non-resident-parent", choice("no")),
        ("pr-objects", choice("no")),
        ("parents-capacity", choice("yes")),
        ("admitted-at", date_time(ADMITTED_AT, "15:00")),
        ("placement", choice(placement)),
    ];
    if placement == "regulation-24" {
        steps.push(("reg-24-authorised", choice("yes")));
        steps.push(("reg-24-referred", choice("no")));
    }
    steps.push(("family-group-conference", choice("to-refer")));
    steps.push(("initial-meeting", checked(&["contact", "genogram"])));
    steps
}

/// The deadlines of the case the wizard produces, under `profile`: rule id → due date.
fn deadlines(answers: &Answers, profile: &str, today: Date) -> Vec<(String, Option<String>)> {
    let events = admission(answers).expect("an admission").events;
    let mut case = Case::new(
        "c",
        Child {
            name: "A".into(),
            date_of_birth: Date::from_ymd(2016, 5, 1),
            ..Child::default()
        },
    );
    for event in events {
        case.add(Part::Event(event), "t").unwrap();
    }
    let profiles = builtin_profiles();
    let local = profiles.iter().find(|p| p.id == profile).unwrap();
    let schedule = Scheduler::new(catalogue(), &profiles[0], local).schedule(&case, today);
    schedule
        .items
        .iter()
        .map(|i| {
            (
                format!("{}#{}", i.rule, i.instance),
                i.applicable().map(|d| d.date.iso()),
            )
        })
        .collect()
}

fn due(list: &[(String, Option<String>)], rule: &str) -> String {
    list.iter()
        .find(|(r, _)| r.starts_with(&format!("{rule}#")))
        .and_then(|(_, d)| d.clone())
        .unwrap_or_else(|| panic!("no date for {rule}"))
}

#[test]
fn a_planned_admission_creates_the_case_with_its_tasks_and_deadlines() {
    let (answers, now) = run(&Section20, "local-a", &planned_local_a("foster"));
    assert_eq!(outcome(now), "admitted");
    let Produced { events, tasks, .. } = admission(&answers).unwrap();
    let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::DecisionToLookAfter,
            EventKind::BecameLookedAfter,
            EventKind::PlacementStarted
        ]
    );
    assert_eq!(events[2].time, Time::from_hm(15, 0));
    assert!(!events[2].attrs.emergency);
    // The family group conference, and the nine checklist items not yet covered ("None
    // of these yet" is not an item).
    assert_eq!(tasks.len(), 1 + (CHECKLIST.len() - 1) - 2);
    assert!(
        tasks.iter().all(|t| t.source.is_some()),
        "every task cites its source"
    );

    let today = Date::from_ymd(2026, 3, 3).unwrap();
    let dates = deadlines(&answers, "local-a", today);
    // 000: placement planning meeting within 5 working days of placement (Mon 2 Mar →
    // Mon 9 Mar); first review within 15 working days (→ Mon 23 Mar, no bank holiday
    // between); care planning meeting no later than 13 weeks after admission (→ Mon 1 Jun).
    assert_eq!(due(&dates, "placement-planning-meeting"), "2026-03-09");
    assert_eq!(due(&dates, "review-1"), "2026-03-23");
    assert_eq!(due(&dates, "s20-care-planning-meeting"), "2026-06-01");
}

#[test]
fn an_emergency_placement_with_family_is_a_regulation_24_placement() {
    let mut steps = planned_local_a("regulation-24");
    steps[0] = ("admission-kind", choice("emergency"));
    steps.remove(1); // no full assessment is asked in an emergency
    let (answers, now) = run(&Section20, "local-a", &steps);
    assert_eq!(outcome(now), "admitted");
    let Produced { events, tasks, .. } = admission(&answers).unwrap();
    assert_eq!(
        events[2].attrs.placement,
        Some(PlacementType::ConnectedPerson)
    );
    assert!(events[2].attrs.emergency);
    assert_eq!(events[3].kind, EventKind::ConnectedPersonApproved);
    assert!(
        tasks.iter().any(|t| t.id == "s20-reg-24-refer"),
        "the referral is still to be made"
    );
    let dates = deadlines(&answers, "local-a", Date::from_ymd(2026, 3, 3).unwrap());
    // Temporary approval of a connected person lasts 16 weeks (CPPCR reg 24): 2 Mar + 112 days.
    assert_eq!(
        due(&dates, "connected-person-approval-expiry"),
        "2026-06-22"
    );
}

#[test]
fn the_alternatives_end_the_wizard_with_the_next_step() {
    let start = [
        ("admission-kind", choice("planned")),
        ("full-assessment", choice("yes")),
        ("authorised-by", choice("assistant-director")),
    ];
    let with = |decision: &str| {
        let mut steps: Vec<(&str, Input)> = start.to_vec();
        steps.push(("decision", choice(decision)));
        outcome(run(&Section20, "local-a", &steps).1)
    };
    assert_eq!(with("support-at-home"), "support-plan");
    assert_eq!(with("interim-care-order"), "care-proceedings");
    assert_eq!(
        outcome(
            run(
                &Section20,
                "local-a",
                &[
                    ("admission-kind", choice("planned")),
                    ("full-assessment", choice("no"))
                ]
            )
            .1
        ),
        "assessment-first"
    );
}

#[test]
fn without_consent_or_capacity_section_20_is_not_available() {
    let base = [
        ("admission-kind", choice("emergency")),
        ("authorised-by-name", text("J. Smith, Service Manager")),
        ("decision", choice("admit")),
    ];
    let mut refused: Vec<(&str, Input)> = base.to_vec();
    refused.push(("non-resident-parent", choice("no")));
    refused.push(("pr-objects", choice("yes")));
    assert_eq!(
        outcome(run(&Section20, "national", &refused).1),
        "no-consent"
    );
    let mut incapable: Vec<(&str, Input)> = base.to_vec();
    incapable.push(("non-resident-parent", choice("no")));
    incapable.push(("pr-objects", choice("no")));
    incapable.push(("parents-capacity", choice("no")));
    assert_eq!(
        outcome(run(&Section20, "salford", &incapable).1),
        "no-consent"
    );
}

#[test]
fn a_non_resident_parent_who_can_offer_a_safe_home_ends_the_admission() {
    let steps = [
        ("admission-kind", choice("planned")),
        ("full-assessment", choice("yes")),
        ("decision-meeting", choice("decision-meeting")),
        ("decision", choice("admit")),
        ("non-resident-parent", choice("yes")),
        ("nrp-aware", choice("yes")),
        ("nrp-pr", choice("yes")),
        ("nrp-legal-advice", choice("no")),
        ("nrp-safe-home", choice("yes")),
    ];
    assert_eq!(
        outcome(run(&Section20, "leicestershire", &steps).1),
        "place-with-parent"
    );
}

#[test]
fn wrong_answers_get_the_message_the_user_sees() {
    let flow = Section20;
    let q = |id| flow.question(id).unwrap();
    let read = |id, input: &Input| q(id).read(input).map_err(|e| e.message);
    assert_eq!(
        read("admission-kind", &choice("")),
        Err("Select whether the admission is planned or an emergency".into())
    );
    assert_eq!(
        read("pr-objects", &choice("maybe")),
        Err("Select yes if someone with parental responsibility objects".into())
    );
    assert_eq!(
        read("admitted-at", &Input::default()),
        Err("Enter the date the child started to be looked after".into())
    );
    assert_eq!(
        read(
            "admitted-at",
            &Input {
                date: DateParts {
                    day: "30".into(),
                    month: "2".into(),
                    year: "2026".into()
                },
                ..Input::default()
            }
        ),
        Err("The date must be a real date".into())
    );
    assert_eq!(
        read("admitted-at", &date_time("2026-03-02", "25:00")),
        Err("Enter the time on the 24-hour clock, such as 17:30".into())
    );
    assert_eq!(
        read("no-fgc-reason", &text("  ")),
        Err("Enter why a Family Group Conference will not be held".into())
    );
    assert!(read("no-fgc-reason", &text(&"x".repeat(501))).is_err());
    assert_eq!(
        read("initial-meeting", &checked(&["genogram", "nonsense"])),
        Err("\u{201c}nonsense\u{201d} is not one of the items".into())
    );
}

#[test]
fn answers_round_trip_through_storage_and_changing_one_keeps_the_rest() {
    let flow = Section20;
    let (answers, _) = run(&Section20, "local-a", &planned_local_a("regulation-24"));
    let stored = answers.encode(&flow);
    assert_eq!(stored["admitted-at"], "2026-03-02T15:00");
    assert_eq!(stored["initial-meeting"], "contact,genogram");
    assert_eq!(Answers::decode(&flow, &stored), answers);

    // Back to a mainstream carer: the regulation 24 answers are kept but off the path.
    let mut changed = answers.clone();
    changed.set("placement", Answer::Choice("foster"));
    let path = walk(&flow, &changed, "local-a");
    assert_eq!(outcome(path.now), "admitted");
    assert!(path.answered.iter().all(|q| !q.id.starts_with("reg-24")));
    assert!(changed.get("reg-24-authorised").is_some());
}

#[test]
fn every_question_and_outcome_can_be_reached_and_every_path_ends() {
    explore(&Section20, |_, answers, outcome| {
        if outcome == "admitted" {
            assert!(admission(answers).is_some(), "an admission has its events");
        }
    });
}

#[test]
fn every_question_and_outcome_cites_a_known_source() {
    assert_cited(&Section20);
}
