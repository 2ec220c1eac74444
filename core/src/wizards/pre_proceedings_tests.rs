//! The pre-proceedings wizard path by path, under the profiles that differ (`local-a`'s
//! Service Manager Panel and legal gateway meeting, Leicestershire's Children's Decision
//! Meeting and its 4 months): where each path ends, the events and tasks it records, the
//! deadlines the engine then gives, and what confirming again does after an answer changes.

use super::engine::{walk, Answers, Input};
use super::pre_proceedings::{PreProceedings, LETTER_CONTENTS};
use super::test_support::*;
use super::WizardKind;
use crate::calendar::Date;
use crate::engine::{Scheduler, Status};
use crate::model::{Case, Child, EventKind};
use crate::rules::{builtin_profiles, catalogue};

fn d(iso: &str) -> Date {
    Date::parse_iso(iso).unwrap()
}

/// `local-a` from the panel's recommendation to the issue of proceedings.
fn local_a_to_issue() -> Vec<(&'static str, Input)> {
    vec![
        ("trigger", choice("deterioration")),
        ("panel-recommendation", choice("plo")),
        ("recommended-on", date("2026-01-05")),
        ("gateway-held", choice("yes")),
        ("gateway-on", date("2026-01-09")),
        ("gateway-agrees", choice("yes")),
        (
            "letter-contents",
            checked(&[
                "concerns",
                "support",
                "understandable",
                "meeting-date",
                "consequences",
                "countersigned",
            ]),
        ),
        ("letter-sent", choice("yes")),
        ("letter-sent-on", date("2026-01-14")),
        ("plo-meeting", choice("held")),
        ("plo-meeting-on", date("2026-02-02")),
        (
            "plo-agreed",
            checked(&["plan", "assessment", "review-date", "plan-sent"]),
        ),
        ("during-period", checked(&["none"])),
        ("solicitor-meeting", choice("yes")),
        ("solicitor-meeting-on", date("2026-04-06")),
        ("review-outcome", choice("issue")),
        ("review-on", date("2026-05-01")),
        ("issued", choice("yes")),
        ("issue-date", date("2026-05-11")),
    ]
}

fn case_with(answers: &Answers, profile: &str) -> Case {
    let mut case = Case::new(
        "c",
        Child {
            name: "A".into(),
            ..Child::default()
        },
    );
    case.profile = profile.into();
    WizardKind::PreProceedings
        .changes(&case, answers, d("2026-05-11"))
        .apply(&mut case, "t")
        .unwrap();
    case
}

/// (rule id, applicable date, status) of every item of `case` under its profile on `today`.
fn deadlines(case: &Case, today: &str) -> Vec<(String, Option<Date>, Status)> {
    let profiles = builtin_profiles();
    let local = crate::rules::builtin_profile(&case.profile);
    Scheduler::new(catalogue(), &profiles[0], local)
        .schedule(case, d(today))
        .items
        .iter()
        .map(|i| (i.rule.to_string(), i.applicable().map(|d| d.date), i.status))
        .collect()
}

/// Every instance of `rule`, in date order.
fn all_due(list: &[(String, Option<Date>, Status)], rule: &str) -> Vec<(Date, Status)> {
    let mut found: Vec<(Date, Status)> = list
        .iter()
        .filter(|(r, _, _)| r == rule)
        .filter_map(|(_, date, status)| Some(((*date)?, *status)))
        .collect();
    found.sort();
    found
}

fn due(list: &[(String, Option<Date>, Status)], rule: &str) -> (Date, Status) {
    list.iter()
        .find(|(r, _, _)| r == rule)
        .and_then(|(_, date, status)| Some(((*date)?, *status)))
        .unwrap_or_else(|| panic!("no date for {rule}"))
}

#[test]
fn local_a_from_the_panel_to_issue_records_every_step_and_its_deadlines() {
    let (answers, now) = run(&PreProceedings, "local-a", &local_a_to_issue());
    assert_eq!(outcome(now), "proceedings-issued");
    let out = WizardKind::PreProceedings.produced(&answers, "local-a");
    let events: Vec<(&str, EventKind, String)> = out
        .events
        .iter()
        .map(|e| (e.id.as_str(), e.kind, e.date.iso()))
        .collect();
    assert_eq!(
        events,
        vec![
            (
                "plo-recommended",
                EventKind::PloRecommended,
                "2026-01-05".into()
            ),
            (
                "plo-gateway",
                EventKind::LegalGatewayMeetingHeld,
                "2026-01-09".into()
            ),
            (
                "plo-letter",
                EventKind::LetterBeforeProceedingsSent,
                "2026-01-14".into()
            ),
            (
                "plo-meeting",
                EventKind::PloMeetingHeld,
                "2026-02-02".into()
            ),
            (
                "plo-solicitor-meeting",
                EventKind::DutyCompleted,
                "2026-04-06".into()
            ),
            (
                "plo-review-1",
                EventKind::PloReviewHeld,
                "2026-05-01".into()
            ),
            (
                "plo-issued",
                EventKind::ProceedingsIssued,
                "2026-05-11".into()
            ),
        ]
    );
    let tasks: Vec<&str> = out.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        tasks,
        vec![
            "plo-letter-adoption",
            "plo-letter-sent-to-legal",
            "plo-agreed-ifit",
            "plo-period-family-meeting",
            "plo-period-fostering-at-meeting",
            "plo-period-viability",
            "plo-period-contingency",
            "plo-period-absent-parents",
        ]
    );
    let letter = &out.tasks[0];
    assert_eq!(
        letter.title,
        "Letter before proceedings: says that the plan could be adoption, where that is appropriate"
    );
    assert!(letter
        .source
        .as_deref()
        .unwrap()
        .contains("Letter before Proceedings"));

    let case = case_with(&answers, "local-a");
    let list = deadlines(&case, "2026-05-11");
    // 7 days from Mon 5 Jan; done on Fri 9 Jan.
    assert_eq!(
        due(&list, "plo-legal-gateway-meeting"),
        (d("2026-01-12"), Status::DoneOnTime)
    );
    // 1 week from the meeting on Fri 9 Jan; sent on Wed 14 Jan.
    assert_eq!(
        due(&list, "plo-letter"),
        (d("2026-01-16"), Status::DoneOnTime)
    );
    // 9 weeks from the PLO meeting on Mon 2 Feb, held that day.
    assert_eq!(
        due(&list, "plo-solicitor-meeting"),
        (d("2026-04-06"), Status::DoneOnTime)
    );
    // 3 months from 2 Feb, held on 1 May; issuing proceedings ends the PLO, so there is no
    // next review and the referral to prevent drift is no longer due.
    assert_eq!(
        all_due(&list, "plo-review"),
        vec![(d("2026-05-02"), Status::DoneOnTime)]
    );
    assert_eq!(
        due(&list, "plo-drift-referral"),
        (d("2026-08-02"), Status::DoneOnTime)
    );
    // 26 weeks beginning with Mon 11 May: the last day is Sun 8 Nov.
    assert_eq!(due(&list, "proceedings-26-weeks").0, d("2026-11-08"));
    assert_eq!(due(&list, "care-planning-meeting-3").0, d("2026-09-13"));
    assert_eq!(due(&list, "review-3-proceedings").0, d("2026-09-20"));
}

#[test]
fn leicestershire_goes_to_the_decision_meeting_without_a_legal_planning_meeting() {
    let steps = vec![
        ("trigger", choice("second-review")),
        ("decision-meeting-on", date("2026-03-12")),
        (
            "decision-meeting-papers",
            checked(&["single-assessment", "genogram", "summary"]),
        ),
        ("decision-meeting-outcome", choice("plo")),
        ("assessments", checked(&["hair-strand", "dna"])),
        ("parents-can-take-part", choice("no")),
        ("letter-contents", checked(&["none"])),
        ("letter-sent", choice("yes")),
        ("letter-sent-on", date("2026-03-16")),
        ("plo-meeting", choice("held")),
        ("plo-meeting-on", date("2026-03-30")),
        ("plo-agreed", checked(&["none"])),
        ("during-period", checked(&["none"])),
        ("solicitor-meeting", choice("no")),
        ("review-outcome", choice("further-period")),
        ("review-on", date("2026-06-29")),
    ];
    let (answers, now) = run(&PreProceedings, "leicestershire", &steps);
    // 3 months and a further period would pass the 4 months Leicestershire expects.
    assert_eq!(outcome(now), "decision-meeting-drift");
    let path = walk(&PreProceedings, &answers, "leicestershire");
    assert!(path.answered.iter().all(|q| !q.id.starts_with("gateway")));
    let out = WizardKind::PreProceedings.produced(&answers, "leicestershire");
    let ids: Vec<&str> = out.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "plo-decision-meeting",
            "plo-recommended",
            "plo-letter",
            "plo-meeting",
            "plo-review-1"
        ]
    );
    assert_eq!(
        out.events[1].date,
        d("2026-03-12"),
        "the PLO is agreed at the meeting"
    );
    let tasks: Vec<&str> = out.tasks.iter().map(|t| t.id.as_str()).collect();
    for id in [
        "plo-papers-chronology",
        "plo-papers-draft-letter",
        "plo-assessment-hair-strand",
        "plo-assessment-dna",
        "plo-parents-support",
        "plo-drift-referral",
    ] {
        assert!(tasks.contains(&id), "{id} in {tasks:?}");
    }
    assert!(!tasks.contains(&"plo-assessment-drug-alcohol"));
    let dna = out
        .tasks
        .iter()
        .find(|t| t.id == "plo-assessment-dna")
        .unwrap();
    assert_eq!(dna.title, "Arrange DNA testing");
    assert!(dna.source.as_deref().unwrap().contains("§5.9"));
    let drift = out
        .tasks
        .iter()
        .find(|t| t.id == "plo-drift-referral")
        .unwrap();
    assert!(drift.source.as_deref().unwrap().contains("§5.11"));

    let case = case_with(&answers, "leicestershire");
    let list = deadlines(&case, "2026-07-01");
    // Papers 5 working days before Thu 12 Mar.
    assert_eq!(due(&list, "decision-meeting-papers").0, d("2026-03-05"));
    // Pre-proceedings concluded by 4 months from the PLO meeting on 30 Mar.
    assert_eq!(due(&list, "plo-drift-referral").0, d("2026-07-30"));
    assert_eq!(
        all_due(&list, "plo-review"),
        vec![
            (d("2026-06-30"), Status::DoneOnTime),
            (d("2026-09-29"), Status::Upcoming)
        ]
    );
}

#[test]
fn each_way_out_ends_with_its_next_step() {
    let ends =
        |profile: &str, steps: &[(&str, Input)]| outcome(run(&PreProceedings, profile, steps).1);
    let danger = |action: &str| {
        vec![
            ("trigger", choice("immediate-danger")),
            ("immediate-action", choice(action)),
        ]
    };
    assert_eq!(
        ends("local-a", &danger("emergency-protection")),
        "emergency-protection"
    );
    let mut issue_now = danger("issue");
    issue_now.push(("issued", choice("no")));
    assert_eq!(ends("local-a", &issue_now), "prepare-to-issue");
    let mut to_panel = danger("panel");
    to_panel.push(("recommendation", choice("no-plo")));
    assert_eq!(ends("national", &to_panel), "no-plo");

    let local_a = local_a_to_issue();
    let upto = |n: usize, extra: &[(&'static str, Input)]| {
        let mut steps: Vec<(&str, Input)> = local_a[..n].to_vec();
        steps.extend(extra.iter().cloned());
        steps
    };
    assert_eq!(
        ends("local-a", &upto(3, &[("gateway-held", choice("no"))])),
        "hold-gateway"
    );
    let disagrees = upto(5, &[("gateway-agrees", choice("no"))]);
    assert_eq!(ends("local-a", &disagrees), "strategic-lead");
    let (answers, _) = run(&PreProceedings, "local-a", &disagrees);
    assert!(WizardKind::PreProceedings
        .produced(&answers, "local-a")
        .tasks
        .iter()
        .any(|t| t.id == "plo-strategic-lead"));
    assert_eq!(
        ends("local-a", &upto(7, &[("letter-sent", choice("no"))])),
        "send-letter"
    );
    assert_eq!(
        ends("local-a", &upto(9, &[("plo-meeting", choice("not-yet"))])),
        "await-plo-meeting"
    );
    let absent = |decision: &str| {
        upto(
            9,
            &[
                ("plo-meeting", choice("parents-absent")),
                ("absent-decision", choice(decision)),
            ],
        )
    };
    assert_eq!(ends("local-a", &absent("rearrange")), "rearrange-meeting");
    let mut absent_issue = absent("issue");
    absent_issue.push(("issued", choice("no")));
    assert_eq!(ends("local-a", &absent_issue), "prepare-to-issue");
    assert_eq!(
        ends(
            "local-a",
            &upto(15, &[("review-outcome", choice("not-yet"))])
        ),
        "plo-under-way"
    );
    let review = |first: &str| {
        upto(
            15,
            &[
                ("review-outcome", choice(first)),
                ("review-on", date("2026-05-01")),
            ],
        )
    };
    assert_eq!(ends("local-a", &review("step-down")), "step-down");
    // Stepping down ends the PLO: its deadlines close on the review's day.
    let (answers, _) = run(&PreProceedings, "local-a", &review("step-down"));
    let ended = WizardKind::PreProceedings.produced(&answers, "local-a");
    let last = ended.events.last().unwrap();
    assert_eq!(
        (last.id.as_str(), last.kind, last.date),
        ("plo-ended", EventKind::PreProceedingsEnded, d("2026-05-01"))
    );
    let list = deadlines(&case_with(&answers, "local-a"), "2026-09-01");
    assert_eq!(
        all_due(&list, "plo-review"),
        vec![(d("2026-05-02"), Status::DoneOnTime)]
    );
    assert_eq!(
        due(&list, "plo-drift-referral"),
        (d("2026-08-02"), Status::DoneOnTime)
    );
    // Outside Leicestershire a further period leads to a second review; a further period
    // after that is 6 months under the PLO.
    let mut second = review("further-period");
    second.push(("second-review-outcome", choice("not-yet")));
    assert_eq!(ends("local-a", &second), "further-period");
    second.pop();
    second.extend([
        ("second-review-outcome", choice("further-period")),
        ("second-review-on", date("2026-08-01")),
    ]);
    assert_eq!(ends("local-a", &second), "drift-referral");
    let leicestershire = |outcome: &str| {
        vec![
            ("trigger", choice("deterioration")),
            ("decision-meeting-on", date("2026-03-12")),
            ("decision-meeting-papers", checked(&["none"])),
            ("decision-meeting-outcome", choice(outcome)),
        ]
    };
    assert_eq!(
        ends("leicestershire", &leicestershire("more-information")),
        "more-information"
    );
    assert_eq!(
        ends("leicestershire", &leicestershire("not-yet")),
        "await-decision-meeting"
    );
    assert_eq!(ends("leicestershire", &leicestershire("no-plo")), "no-plo");
}

#[test]
fn the_letter_checklist_needs_an_answer_and_none_stands_alone() {
    let flow = PreProceedings;
    let q = super::engine::Flow::question(&flow, "letter-contents").unwrap();
    assert_eq!(
        q.read(&checked(&[])).unwrap_err().message,
        "Select what the letter does, or \u{201c}None of these yet\u{201d}"
    );
    assert!(q.read(&checked(&["none", "concerns"])).is_err());
    assert_eq!(LETTER_CONTENTS.len(), 9, "eight requirements and none");
    let issue = super::engine::Flow::question(&flow, "issue-date").unwrap();
    let mut wrong = date("2026-05-11");
    wrong.date.month = "13".into();
    assert!(issue
        .read(&wrong)
        .unwrap_err()
        .message
        .contains("real date"));
}

#[test]
fn changing_an_answer_and_confirming_again_changes_what_it_must_and_keeps_the_rest() {
    let (answers, _) = run(&PreProceedings, "local-a", &local_a_to_issue());
    let mut case = case_with(&answers, "local-a");
    let before = (case.events.len(), case.tasks.len());
    assert_eq!(before, (7, 8));

    // The letter was in fact sent a day later, and the adoption paragraph is now in it.
    let mut changed = answers.clone();
    let q = |id| super::engine::Flow::question(&PreProceedings, id).unwrap();
    changed.set(
        "letter-sent-on",
        q("letter-sent-on").read(&date("2026-01-15")).unwrap(),
    );
    let mut ticked = answers.checked("letter-contents").to_vec();
    ticked.push("adoption");
    changed.set(
        "letter-contents",
        q("letter-contents").read(&checked(&ticked)).unwrap(),
    );
    let changes = WizardKind::PreProceedings.changes(&case, &changed, d("2026-05-20"));
    assert_eq!(changes.change_events.len(), 1);
    assert_eq!(changes.change_events[0].0.date, d("2026-01-14"));
    assert_eq!(changes.change_events[0].1.date, d("2026-01-15"));
    assert_eq!(changes.complete_tasks.len(), 1);
    assert_eq!(changes.complete_tasks[0].id, "plo-letter-adoption");
    assert!(
        changes.add_events.is_empty()
            && changes.add_tasks.is_empty()
            && changes.kept_events.is_empty()
    );
    changes.apply(&mut case, "t2").unwrap();
    assert_eq!((case.events.len(), case.tasks.len()), before);

    // Going back to "the PLO meeting is not held yet" keeps what was recorded after it.
    changed.set(
        "plo-meeting",
        q("plo-meeting").read(&choice("not-yet")).unwrap(),
    );
    let changes = WizardKind::PreProceedings.changes(&case, &changed, d("2026-05-20"));
    let kept: Vec<&str> = changes.kept_events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        kept,
        vec![
            "plo-meeting",
            "plo-solicitor-meeting",
            "plo-review-1",
            "plo-issued"
        ]
    );
    // The tasks of questions now off the path are not done: they are left open, and named.
    assert!(changes.complete_tasks.is_empty());
    let open: Vec<&str> = changes.kept_tasks.iter().map(|t| t.id.as_str()).collect();
    assert!(
        open.contains(&"plo-period-viability") && open.contains(&"plo-agreed-ifit"),
        "{open:?}"
    );
    changes.apply(&mut case, "t3").unwrap();
    assert_eq!(case.events.len(), 7, "nothing deleted");
    assert!(case
        .tasks
        .iter()
        .filter(|t| t.id.starts_with("plo-period"))
        .all(|t| t.done.is_none()));
    assert!(case
        .history
        .iter()
        .all(|h| !h.summary.starts_with("Deleted")));
}

#[test]
fn every_question_and_outcome_can_be_reached_and_what_each_path_records_is_on_it() {
    explore(&PreProceedings, |profile, answers, _| {
        let out = WizardKind::PreProceedings.produced(answers, profile);
        let path = walk(&PreProceedings, answers, profile);
        let mut ids: Vec<&str> = out
            .events
            .iter()
            .map(|e| e.id.as_str())
            .chain(out.tasks.iter().map(|t| t.id.as_str()))
            .collect();
        assert!(ids.iter().all(|id| id.starts_with("plo-")), "{ids:?}");
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "ids are unique: {ids:?}");
        if out
            .events
            .iter()
            .any(|e| e.kind == EventKind::ProceedingsIssued)
        {
            assert!(path.answered.iter().any(|q| q.id == "issue-date"));
        }
    });
}

#[test]
fn every_question_and_outcome_cites_a_known_source() {
    assert_cited(&PreProceedings);
}
