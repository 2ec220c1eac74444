//! The ceasing wizard route by route: what the case says is worked out on the day and not
//! asked again, each situation gets its profile's approver and review, and each path ends
//! with the events and tasks it should produce.

use super::ceasing::{request, route, situation, with_facts, CaseFacts, Ceasing};
use super::engine::{walk, Answers, Flow, Input, Step};
use super::test_support::*;
use super::WizardKind;
use crate::calendar::{Date, Time};
use crate::engine::Eligibility;
use crate::model::{Attrs, Case, Child, Event, EventKind, LegalBasis, Part};
use crate::rules::{builtin_profiles, Profile, Review, Situation};

fn d(iso: &str) -> Date {
    Date::parse_iso(iso).unwrap()
}

fn profile(id: &str) -> &'static Profile {
    crate::rules::builtin_profile(id)
}

/// A child born on `born`, looked after from `since` on `basis`.
fn case(born: Option<&str>, since: &str, basis: LegalBasis, profile: &str) -> Case {
    let mut case = Case::new(
        "c",
        Child {
            name: "A".into(),
            date_of_birth: born.map(d),
            ..Child::default()
        },
    );
    case.profile = profile.into();
    let event = Event {
        id: "la".into(),
        kind: EventKind::BecameLookedAfter,
        date: d(since),
        time: None,
        attrs: Attrs {
            basis: Some(basis),
            ..Attrs::default()
        },
    };
    case.add(Part::Event(event), "t").unwrap();
    case
}

/// Answers the questions in order as `run` does, working out the facts after each answer as
/// the pages do; returns the answers (with facts) and where they lead.
fn answer(case: &Case, steps: &[(&str, Input)]) -> (Answers, Step) {
    let (national, local) = (profile("national"), profile(&case.profile));
    let mut answers = Answers::default();
    for (id, input) in steps {
        with_facts(case, &mut answers, national, local);
        match walk(&Ceasing, &answers, &case.profile).now {
            Step::Ask(q) => {
                assert_eq!(q.id, *id, "asked {} where the test answers {id}", q.id);
                answers.set(
                    q.id,
                    q.read(input)
                        .unwrap_or_else(|e| panic!("{id}: {}", e.message)),
                );
            }
            Step::Done(o) => panic!("finished at {} before {id}", o.id),
        }
    }
    with_facts(case, &mut answers, national, local);
    let now = walk(&Ceasing, &answers, &case.profile).now;
    (answers, now)
}

fn approver(profile_id: &str, situation: Situation) -> String {
    route(profile("national"), profile(profile_id), situation)
        .approver
        .unwrap()
        .0
}

#[test]
fn the_facts_come_from_the_case_on_the_day() {
    // Accommodated on Monday 2 March 2026: 20 working days are reached on Monday 30 March.
    let c = case(
        Some("2015-06-01"),
        "2026-03-02",
        LegalBasis::S20,
        "national",
    );
    let on = |day: &str| CaseFacts::of(&c, d(day));
    assert_eq!(on("2026-03-27").working_days, Some(19));
    assert_eq!(on("2026-03-30").working_days, Some(20));
    let f = on("2026-03-30");
    assert_eq!(
        (f.basis, f.age, f.since),
        (Some(LegalBasis::S20), Some(10), Some(d("2026-03-02")))
    );
    assert!(matches!(f.eligible, Eligibility::NotEligible { .. }));
    let rows = f.rows();
    assert_eq!(
        rows[2],
        (
            "Looked after in this period",
            "20 working days, since Mon 2 Mar 2026".to_string()
        )
    );
}

#[test]
fn under_16_below_20_working_days_the_team_manager_decides() {
    let c = case(
        Some("2015-06-01"),
        "2026-03-02",
        LegalBasis::S20,
        "national",
    );
    let steps = [
        ("how", choice("planned")),
        ("planned-on", date("2026-03-27")),
        ("destination", choice("parent")),
        (
            "assessment",
            checked(&["updated", "rationale", "supports", "safeguarding"]),
        ),
        ("wishes", choice("yes")),
        ("iro-reviewed", choice("yes")),
        ("review", choice("not-practicable")),
        ("approval", choice("not-yet")),
    ];
    let (answers, now) = answer(&c, &steps);
    assert_eq!(outcome(now), "request-approval");
    assert_eq!(situation(&answers), Some(Situation::S20Short));
    assert!(approver("national", Situation::S20Short).starts_with("The child's team manager"));
    let out = WizardKind::CeasingToBeLookedAfter.produced(&answers, "national");
    assert!(
        out.events.is_empty(),
        "not approved: nothing has happened yet"
    );
    let approval = out.tasks.iter().find(|t| t.id == "cease-approval").unwrap();
    assert_eq!(approval.title, "Get approval before the child stops being looked after. Approver: The child's team manager, under the authority's scheme of delegation");
    assert_eq!(approval.due, Some(d("2026-03-27")));
    assert!(out.resolved.contains(&"cease-wishes".to_string()));
}

#[test]
fn under_16_at_20_working_days_or_more_needs_the_nominated_officer_or_assistant_director() {
    for (profile_id, who) in [
        ("national", "A nominated officer"),
        ("salford", "The Assistant Director"),
        ("local-a", "A nominated officer"),
    ] {
        let c = case(
            Some("2015-06-01"),
            "2026-03-02",
            LegalBasis::S20,
            profile_id,
        );
        let (answers, _) = answer(
            &c,
            &[
                ("how", choice("planned")),
                ("planned-on", date("2026-03-30")),
            ],
        );
        assert_eq!(
            situation(&answers),
            Some(Situation::S20Under16),
            "{profile_id}"
        );
        assert!(
            approver(profile_id, Situation::S20Under16).starts_with(who),
            "{profile_id}"
        );
    }
    // Leicestershire: the national approver, a review required first, and the Director
    // told; without the review the wizard stops there.
    let c = case(
        Some("2015-06-01"),
        "2026-03-02",
        LegalBasis::S20,
        "leicestershire",
    );
    let r = route(
        profile("national"),
        profile("leicestershire"),
        Situation::S20Under16,
    );
    assert!(r
        .approver
        .as_ref()
        .unwrap()
        .0
        .starts_with("A nominated officer"));
    assert_eq!(r.approver.as_ref().unwrap().1.document, "CPPCR");
    assert_eq!(
        r.review.as_ref().map(|(r, s)| (*r, s.document.as_str())),
        Some((Review::Required, "002"))
    );
    assert_eq!(
        r.notify.as_ref().unwrap().0,
        "The Director of Children's Services"
    );
    let base = vec![
        ("how", choice("planned")),
        ("planned-on", date("2026-04-20")),
        ("destination", choice("parent")),
        ("assessment", checked(&["none"])),
        ("wishes", choice("no")),
        ("iro-reviewed", choice("no")),
    ];
    let mut refused = base.clone();
    refused.push(("review", choice("not-practicable")));
    assert_eq!(outcome(answer(&c, &refused).1), "review-first");
    let mut booked = base;
    booked.extend([
        ("review", choice("booked")),
        ("notified", choice("no")),
        ("approval", choice("requested")),
    ]);
    let (answers, now) = answer(&c, &booked);
    assert_eq!(outcome(now), "request-approval");
    let out = WizardKind::CeasingToBeLookedAfter.produced(&answers, "leicestershire");
    let titles: Vec<&str> = out.tasks.iter().map(|t| t.title.as_str()).collect();
    assert!(
        titles.contains(&"Notify the Director of Children's Services"),
        "{titles:?}"
    );
    assert!(titles.contains(
        &"Hold a looked-after review before the child stops being looked after (required)"
    ));
    assert!(titles
        .iter()
        .any(|t| t.starts_with("Draw up the plan of advice, assistance and support")));
    assert!(titles.contains(&"Assessment: it says how the child will be safeguarded"));
}

#[test]
fn aged_16_or_17_needs_the_director_and_an_eligible_child_a_pathway_plan() {
    // Born 1 June 2009: 16 on 1 June 2025; looked after since 1 September 2025, so 13
    // weeks since 14 are reached on 1 December 2025 and the young person is eligible.
    let c = case(Some("2009-06-01"), "2025-09-01", LegalBasis::S20, "salford");
    let facts = CaseFacts::of(&c, d("2026-04-01"));
    assert!(matches!(facts.eligible, Eligibility::Eligible { .. }));
    let steps = [
        ("how", choice("planned")),
        ("planned-on", date("2026-04-01")),
        ("unregulated", choice("no")),
        ("destination", choice("elsewhere")),
        ("assessment", checked(&["updated", "rationale"])),
        ("wishes", choice("yes")),
        ("iro-reviewed", choice("yes")),
        ("review", choice("booked")),
        ("pathway-plan", choice("no")),
        ("approval", choice("approved")),
    ];
    let (answers, now) = answer(&c, &steps);
    assert_eq!(outcome(now), "approved");
    assert_eq!(situation(&answers), Some(Situation::Aged16Or17));
    assert!(approver("salford", Situation::Aged16Or17)
        .starts_with("The Strategic Director for Children's and Adult Services"));
    assert!(approver("national", Situation::Aged16Or17)
        .starts_with("The director of children's services"));
    let out = WizardKind::CeasingToBeLookedAfter.produced(&answers, "salford");
    let ended = &out.events[0];
    assert_eq!(
        (ended.kind, ended.date, ended.attrs.planned),
        (EventKind::CeasedLookedAfter, d("2026-04-01"), Some(true))
    );
    assert!(out.tasks.iter().any(|t| t.id == "cease-pathway-plan"));
    assert!(out.resolved.contains(&"cease-approval".to_string()));
    // The request: the aged 16 or 17 form, filled from the case and the answers, with the
    // route and its source; the decision left blank.
    let path = walk(&Ceasing, &answers, "salford").answered;
    let r = request(
        &c,
        &answers,
        &path,
        Some(&route(
            profile("national"),
            profile("salford"),
            Situation::Aged16Or17,
        )),
    );
    assert_eq!(
        r.title,
        "Ceasing to be looked after: approval request \u{2013} aged 16 or 17"
    );
    let all: Vec<(String, String)> = r
        .sections
        .iter()
        .flat_map(|(_, rows)| rows.clone())
        .collect();
    let row = |k: &str| {
        all.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {k}"))
    };
    assert_eq!(row("Date of birth"), "Mon 1 Jun 2009");
    assert_eq!(row("Age on the day"), "16");
    assert!(row("Eligible child").starts_with("Yes."));
    assert_eq!(row("Has the pathway plan been completed or updated?"), "No");
    assert!(row("Approves").starts_with("The Strategic Director"));
    assert!(row("Approves").ends_with("(Permanence Planning Policy (3.1.3), §10)"));
    assert_eq!(r.decision.len(), 6);
    // Each step cites the profile's own source: Salford's review and approval, 003 §10.
    let review = out.tasks.iter().find(|t| t.id == "cease-review").unwrap();
    assert!(
        review.source.as_deref().unwrap().ends_with("§10"),
        "{:?}",
        review.source
    );
    // Salford requires the review for 16 and 17-year-olds.
    let mut no_review = steps[..7].to_vec();
    no_review.push(("review", choice("not-practicable")));
    assert_eq!(outcome(answer(&c, &no_review).1), "review-first");
    // A move to an unregulated placement does not end looked-after status.
    let moving = [
        ("how", choice("planned")),
        ("planned-on", date("2026-04-01")),
        ("unregulated", choice("yes")),
    ];
    assert_eq!(outcome(answer(&c, &moving).1), "still-looked-after");
}

#[test]
fn a_care_order_goes_to_the_court() {
    let c = case(
        Some("2015-06-01"),
        "2026-03-02",
        LegalBasis::CareOrder,
        "salford",
    );
    let steps = [
        ("how", choice("planned")),
        ("planned-on", date("2026-06-01")),
        ("returning-home", choice("yes")),
    ];
    let (answers, now) = answer(&c, &steps);
    assert_eq!(outcome(now), "court");
    assert!(approver("salford", Situation::CareOrder).starts_with("The court"));
    let out = WizardKind::CeasingToBeLookedAfter.produced(&answers, "salford");
    assert!(out.events.is_empty());
    assert!(out.tasks.iter().any(|t| t.id == "cease-schedule-3"));
    let interim = case(
        Some("2015-06-01"),
        "2026-03-02",
        LegalBasis::InterimCareOrder,
        "national",
    );
    assert_eq!(outcome(answer(&interim, &steps).1), "court");
}

#[test]
fn an_unplanned_end_records_it_with_its_time_and_the_24_hour_and_15_day_deadlines() {
    let c = case(Some("2012-01-10"), "2026-01-05", LegalBasis::S20, "salford");
    let steps = [
        ("how", choice("unplanned")),
        ("ceased-at", date_time("2026-03-06", "22:15")),
        ("destination", choice("parent")),
        ("assessment", checked(&["none"])),
        ("wishes", choice("no")),
        ("iro-reviewed", choice("no")),
    ];
    let (answers, now) = answer(&c, &steps);
    assert_eq!(outcome(now), "unplanned");
    let mut case = c.clone();
    super::finish(
        &mut case,
        WizardKind::CeasingToBeLookedAfter,
        &answers,
        "t",
        d("2026-03-07"),
    )
    .unwrap();
    let ended = case.events.iter().find(|e| e.id == "cease-ended").unwrap();
    assert_eq!(
        (ended.time, ended.attrs.planned),
        (Time::from_hm(22, 15), Some(false))
    );
    let approval = case
        .tasks
        .iter()
        .find(|t| t.id == "cease-approval")
        .unwrap();
    assert!(
        approval
            .title
            .ends_with("Approver: The Assistant Director, after the relevant Head of Service"),
        "{}",
        approval.title
    );
    // After an unplanned end the tasks have no date of their own: the deadlines count from it.
    assert_eq!(approval.due, None);
    let home = case
        .tasks
        .iter()
        .find(|t| t.id == "cease-return-home")
        .unwrap();
    assert!(home
        .title
        .starts_with("Refer for an independent child in need coordinator"));
    assert!(home.source.as_deref().unwrap().ends_with("§10"));
    // Confirmed and recorded: the facts are still those going into the day, so the route
    // and the request are unchanged.
    let national = profile("national");
    let again = WizardKind::CeasingToBeLookedAfter.answers(&case, national, profile("salford"));
    assert_eq!(situation(&again), Some(Situation::S20Under16));
    assert!(matches!(walk(&Ceasing, &again, "salford").now, Step::Done(o) if o.id == "unplanned"));
    let path = walk(&Ceasing, &again, "salford").answered;
    let r = request(
        &case,
        &again,
        &path,
        Some(&route(national, profile("salford"), Situation::S20Under16)),
    );
    let rows: Vec<(String, String)> = r
        .sections
        .iter()
        .flat_map(|(_, rows)| rows.clone())
        .collect();
    assert!(rows
        .iter()
        .any(|(k, v)| k == "Legal status" && v == "Accommodated (section 20)"));
    let profiles = builtin_profiles();
    let schedule =
        crate::engine::Scheduler::new(crate::rules::catalogue(), &profiles[0], profile("salford"))
            .schedule(&case, d("2026-03-07"));
    let due = |rule: &str| {
        schedule
            .items
            .iter()
            .find(|i| i.rule == rule)
            .and_then(|i| i.applicable())
            .map(|d| (d.date, d.time))
    };
    assert_eq!(
        due("ceasing-risk-assessment"),
        Some((d("2026-03-07"), Time::from_hm(22, 15)))
    );
    assert_eq!(
        due("ceasing-assessment-update").map(|d| d.0),
        Some(d("2026-03-27"))
    );
    assert_eq!(due("ceasing-cin-plan").map(|d| d.0), Some(d("2026-03-20")));
}

#[test]
fn at_18_no_approval_is_needed_and_emergency_powers_have_no_route() {
    let c = case(Some("2008-06-01"), "2025-09-01", LegalBasis::S20, "salford");
    let steps = [
        ("how", choice("planned")),
        ("planned-on", date("2026-06-01")),
    ];
    let (answers, now) = answer(&c, &steps);
    assert_eq!(outcome(now), "adult");
    assert_eq!(situation(&answers), None);
    let pp = case(
        Some("2015-06-01"),
        "2026-03-02",
        LegalBasis::PoliceProtection,
        "national",
    );
    let (answers, now) = answer(&pp, &steps);
    assert_eq!(outcome(now), "other-basis");
    assert_eq!(situation(&answers), None, "no approval route is shown");
}

#[test]
fn leicestershire_requires_a_review_before_a_move_to_semi_independent_accommodation() {
    let c = case(
        Some("2009-06-01"),
        "2025-09-01",
        LegalBasis::S20,
        "leicestershire",
    );
    let steps = [
        ("how", choice("planned")),
        ("planned-on", date("2026-04-01")),
        ("unregulated", choice("yes")),
    ];
    let (answers, now) = answer(&c, &steps);
    assert_eq!(outcome(now), "still-looked-after");
    let out = WizardKind::CeasingToBeLookedAfter.produced(&answers, "leicestershire");
    assert_eq!(out.tasks.len(), 1);
    assert_eq!(
        out.tasks[0].title,
        "Hold a looked-after review before the move to semi-independent accommodation"
    );
    // Nationally there is no such requirement: nothing to do.
    let national = case(
        Some("2009-06-01"),
        "2025-09-01",
        LegalBasis::S20,
        "national",
    );
    let (answers, _) = answer(&national, &steps);
    assert!(WizardKind::CeasingToBeLookedAfter
        .produced(&answers, "national")
        .tasks
        .is_empty());
}

#[test]
fn what_the_case_cannot_tell_is_asked() {
    // A date of birth but no period of care recorded: eligibility cannot be told, so it is
    // asked rather than assumed to be "no".
    let mut born = Case::new(
        "c",
        Child {
            name: "A".into(),
            date_of_birth: Some(d("2009-06-01")),
            ..Child::default()
        },
    );
    born.profile = "national".into();
    let (_, now) = answer(
        &born,
        &[
            ("how", choice("planned")),
            ("planned-on", date("2026-06-01")),
            ("legal-status", choice("s20")),
        ],
    );
    assert!(matches!(now, Step::Ask(q) if q.id == "eligible"));
    let mut c = Case::new(
        "c",
        Child {
            name: "A".into(),
            ..Child::default()
        },
    );
    c.profile = "national".into();
    let steps = [
        ("how", choice("planned")),
        ("planned-on", date("2026-06-01")),
        ("legal-status", choice("s20")),
        ("age-band", choice("16-17")),
        ("eligible", choice("no")),
        ("unregulated", choice("no")),
    ];
    let (answers, now) = answer(&c, &steps);
    assert!(matches!(now, Step::Ask(q) if q.id == "destination"));
    assert_eq!(situation(&answers), Some(Situation::Aged16Or17));
    let other = [
        ("how", choice("planned")),
        ("planned-on", date("2026-06-01")),
        ("legal-status", choice("other")),
    ];
    assert_eq!(outcome(answer(&c, &other).1), "other-basis");
    let young = [
        ("how", choice("planned")),
        ("planned-on", date("2026-06-01")),
        ("legal-status", choice("s20")),
        ("age-band", choice("under-16")),
        ("twenty-days", choice("yes")),
    ];
    let (answers, _) = answer(&c, &young);
    assert_eq!(situation(&answers), Some(Situation::S20Under16));
}

#[test]
fn every_question_and_outcome_can_be_reached_and_cites_a_known_source() {
    // Explored with a case that records nothing, so every fact is asked; the profile's
    // route still decides whether a review is required and who is told.
    let empty = Case::new(
        "c",
        Child {
            name: "A".into(),
            ..Child::default()
        },
    );
    explore_with(
        &Ceasing,
        |profile_id, answers| with_facts(&empty, answers, profile("national"), profile(profile_id)),
        |profile_id, answers, _| {
            let out = WizardKind::CeasingToBeLookedAfter.produced(answers, profile_id);
            assert!(out.tasks.iter().all(|t| t.id.starts_with("cease-")));
        },
    );
    assert_cited(&Ceasing);
    assert!(Ceasing.questions().iter().all(|q| !q.id.starts_with('_')));
}
