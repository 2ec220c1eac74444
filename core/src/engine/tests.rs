use super::*;
use crate::calendar::Time;
use crate::model::{Attrs, Child, Event, EventKind, LegalBasis, PlacementType};
use crate::rules::{builtin_profiles, catalogue};

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

/// Builds a case event by event.
struct Builder {
    case: Case,
}

fn child(born: Option<&str>) -> Builder {
    Builder {
        case: Case::new(
            "case-1",
            Child {
                name: "A.B.".into(),
                reference: "REF-1".into(),
                date_of_birth: born.map(d),
            },
        ),
    }
}

impl Builder {
    fn with(mut self, kind: EventKind, date: &str, attrs: impl FnOnce(&mut Attrs)) -> Self {
        let mut a = Attrs::default();
        attrs(&mut a);
        let id = format!("e{}", self.case.events.len() + 1);
        self.case.events.push(Event {
            id,
            kind,
            date: d(date),
            time: None,
            attrs: a,
        });
        self
    }
    fn ev(self, kind: EventKind, date: &str) -> Self {
        self.with(kind, date, |_| {})
    }
    /// Gives the last event a time.
    fn at(mut self, hour: u32, minute: u32) -> Self {
        self.case.events.last_mut().unwrap().time = Time::from_hm(hour, minute);
        self
    }
    fn looked_after(self, date: &str, basis: LegalBasis) -> Self {
        self.with(EventKind::BecameLookedAfter, date, |a| {
            a.basis = Some(basis)
        })
    }
    fn placed(self, date: &str, kind: PlacementType, set: impl FnOnce(&mut Attrs)) -> Self {
        self.with(EventKind::PlacementStarted, date, |a| {
            a.placement = Some(kind);
            set(a);
        })
    }
    /// The schedule borrows the case; tests build throwaway cases, so each is leaked.
    fn under(&self, profile: &str, today: &str) -> Schedule<'static> {
        let case: &'static Case = Box::leak(Box::new(self.case.clone()));
        let profiles = builtin_profiles();
        let local = profiles.iter().find(|p| p.id == profile).unwrap();
        schedule(case, catalogue(), &profiles[0], local, d(today))
    }
}

fn items<'s, 'a>(schedule: &'s Schedule<'a>, rule: &str) -> Vec<&'s Item<'a>> {
    schedule.items.iter().filter(|i| i.rule == rule).collect()
}

fn only<'s, 'a>(schedule: &'s Schedule<'a>, rule: &str) -> &'s Item<'a> {
    let found = items(schedule, rule);
    assert_eq!(found.len(), 1, "{rule}: {found:#?}");
    found[0]
}

fn due(item: &Item) -> Date {
    item.applicable()
        .unwrap_or_else(|| panic!("{} has no date: {:?}", item.rule, item.problems))
        .date
}

#[test]
fn first_review_worked_example_with_its_working() {
    let s = child(Some("2015-03-01"))
        .looked_after("2024-12-02", LegalBasis::S20)
        .under("national", "2024-12-03");
    let review = only(&s, "review-1");
    assert_eq!(due(review), d("2025-01-02"));
    assert_eq!(
        review.national.as_ref().unwrap().working.to_string(),
        "20 working days after Mon 2 Dec 2024, skipping 25 Dec, 26 Dec and 1 Jan"
    );
    assert_eq!(review.status, Status::Upcoming);
    assert_eq!(review.instance, "e1");
}

#[test]
fn a_stricter_local_period_applies_and_both_are_shown() {
    let s = child(Some("2015-03-01"))
        .looked_after("2024-12-02", LegalBasis::S20)
        .under("local-a", "2024-12-03");
    let review = only(&s, "review-1");
    assert_eq!(review.national.as_ref().unwrap().date, d("2025-01-02"));
    assert_eq!(review.local.as_ref().unwrap().date, d("2024-12-23"));
    assert_eq!(due(review), d("2024-12-23"));
    let lines = review.explanation();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("National (CPPCR reg 33): 20 working days after")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.starts_with("Local (000 \"First Statutory Review\"): 15 working days after")), "{lines:?}");
    assert!(lines
        .iter()
        .any(|l| l.starts_with("The earlier date applies")));
}

#[test]
fn every_status() {
    let case = child(Some("2015-03-01")).looked_after("2025-03-03", LegalBasis::S20);
    // review-1 is due Mon 31 Mar 2025 (20 working days after Mon 3 Mar).
    let status_on = |today: &str| only(&case.under("national", today), "review-1").status;
    assert_eq!(status_on("2025-03-04"), Status::Upcoming);
    assert_eq!(status_on("2025-03-24"), Status::DueSoon);
    assert_eq!(status_on("2025-03-31"), Status::DueToday);
    assert_eq!(status_on("2025-04-01"), Status::Overdue);
    let on_time = case.clone_with(EventKind::ReviewHeld, "2025-03-28");
    assert_eq!(
        only(&on_time.under("national", "2025-04-01"), "review-1").status,
        Status::DoneOnTime
    );
    let late = case.clone_with(EventKind::ReviewHeld, "2025-04-02");
    assert_eq!(
        only(&late.under("national", "2025-04-03"), "review-1").status,
        Status::DoneLate
    );
    let s = case.under("national", "2025-03-04");
    assert_eq!(only(&s, "review-2").status, Status::Waiting);
    assert_eq!(
        only(&s, "sgo-report").status,
        Status::NotApplicable,
        "not a national rule"
    );
}

impl Builder {
    fn clone_with(&self, kind: EventKind, date: &str) -> Builder {
        Builder {
            case: self.case.clone(),
        }
        .ev(kind, date)
    }
}

#[test]
fn overdue_comes_first() {
    let s = child(Some("2015-03-01"))
        .looked_after("2025-03-03", LegalBasis::S20)
        .placed("2025-03-03", PlacementType::Foster, |_| {})
        .under("national", "2025-06-02");
    assert_eq!(s.items[0].status, Status::Overdue);
    let ranks: Vec<Status> = s.items.iter().map(|i| i.status).collect();
    let mut sorted = ranks.clone();
    sorted.sort();
    assert_eq!(ranks, sorted);
}

#[test]
fn reviews_recur_from_when_they_were_actually_held() {
    let case = child(Some("2015-03-01"))
        .looked_after("2025-01-06", LegalBasis::S20)
        .ev(EventKind::ReviewHeld, "2025-01-30")
        .ev(EventKind::ReviewHeld, "2025-04-25")
        .ev(EventKind::ReviewHeld, "2025-10-20");
    let s = case.under("national", "2025-11-01");
    assert_eq!(only(&s, "review-2").status, Status::DoneOnTime);
    assert_eq!(
        due(only(&s, "review-2")),
        d("2025-04-30"),
        "3 months after 30 Jan"
    );
    let next = items(&s, "review-next");
    assert_eq!(next.len(), 2);
    // 6 months after 25 Apr, done 20 Oct; then 6 months after 20 Oct, open.
    let open = next.iter().find(|i| i.done.is_none()).unwrap();
    assert_eq!(due(open), d("2026-04-20"));
    let held = next.iter().find(|i| i.done.is_some()).unwrap();
    assert_eq!(
        (due(held), held.status),
        (d("2025-10-25"), Status::DoneOnTime)
    );
    // local-a: second review within 12 weeks of the first.
    let s = case.under("local-a", "2025-11-01");
    assert_eq!(due(only(&s, "review-2")), d("2025-04-24"));
    assert_eq!(only(&s, "review-2").status, Status::DoneLate);
}

#[test]
fn rules_counted_from_another_rule() {
    let case = child(Some("2015-03-01")).looked_after("2024-12-02", LegalBasis::S20);
    let s = case.under("salford", "2024-12-03");
    assert_eq!(
        due(only(&s, "health-assessment-initial")),
        d("2025-01-02"),
        "by review 1"
    );
    assert_eq!(
        only(&s, "permanency-planning-meeting").status,
        Status::Waiting
    );
    let s = case
        .clone_with(EventKind::ReviewHeld, "2024-12-20")
        .under("salford", "2024-12-21");
    // Review 2 due 3 months after the first review; the meeting the day before.
    assert_eq!(due(only(&s, "review-2")), d("2025-03-20"));
    assert_eq!(
        due(only(&s, "permanency-planning-meeting")),
        d("2025-03-19")
    );
    assert_eq!(due(only(&s, "permanence-plan")), d("2025-03-20"));
}

#[test]
fn visits_follow_the_regulation_28_table() {
    let base = child(Some("2012-05-01"))
        .looked_after("2024-01-08", LegalBasis::CareOrder)
        .placed("2024-01-08", PlacementType::Foster, |a| a.long_term = true)
        .ev(EventKind::VisitMade, "2024-01-12");
    let s = base.under("national", "2024-01-13");
    assert_eq!(only(&s, "visit-first").status, Status::DoneOnTime);
    assert_eq!(due(only(&s, "visit-first")), d("2024-01-15"));
    assert_eq!(
        due(only(&s, "visit-next")),
        d("2024-02-23"),
        "6 weeks in the first year"
    );
    // After the first year, a long-term foster placement: 6 months.
    let later = base.clone_with(EventKind::VisitMade, "2025-02-03");
    let open = |s: &Schedule| {
        due(items(s, "visit-next")
            .into_iter()
            .find(|i| i.done.is_none())
            .unwrap())
    };
    assert_eq!(
        open(&later.under("national", "2025-02-04")),
        d("2025-08-03")
    );
    // Salford: a child of 16 or over is visited at least every 8 weeks (born May 2008).
    let sixteen = child(Some("2008-05-01"))
        .looked_after("2023-01-09", LegalBasis::CareOrder)
        .placed("2023-01-09", PlacementType::Foster, |a| a.long_term = true)
        .ev(EventKind::VisitMade, "2024-06-03");
    let s = sixteen.under("salford", "2024-06-04");
    let visit = only(&s, "visit-next");
    assert_eq!(visit.national.as_ref().unwrap().date, d("2024-12-03"));
    assert_eq!(due(visit), d("2024-07-29"));
}

#[test]
fn connected_person_visits_are_weekly_until_the_first_review() {
    let case = child(Some("2019-05-01"))
        .looked_after("2025-01-06", LegalBasis::S20)
        .placed("2025-01-06", PlacementType::ConnectedPerson, |_| {})
        .ev(EventKind::ConnectedPersonApproved, "2025-01-06")
        .ev(EventKind::VisitMade, "2025-01-08");
    let s = case.under("national", "2025-01-09");
    assert_eq!(due(only(&s, "visit-next")), d("2025-01-15"));
    assert_eq!(
        due(only(&s, "connected-person-approval-expiry")),
        d("2025-04-28"),
        "16 weeks"
    );
    let s = case
        .clone_with(EventKind::ReviewHeld, "2025-01-30")
        .clone_with(EventKind::VisitMade, "2025-02-03")
        .under("national", "2025-02-04");
    let open = items(&s, "visit-next")
        .into_iter()
        .find(|i| i.done.is_none())
        .unwrap();
    assert_eq!(due(open), d("2025-03-03"), "4 weeks after the first review");
}

#[test]
fn health_assessments_depend_on_age() {
    let under5 = child(Some("2022-01-10")).ev(EventKind::HealthAssessmentDone, "2025-01-15");
    assert_eq!(
        due(only(
            &under5.under("national", "2025-01-16"),
            "health-assessment-review"
        )),
        d("2025-07-15")
    );
    let older = child(Some("2015-01-10")).ev(EventKind::HealthAssessmentDone, "2025-01-15");
    assert_eq!(
        due(only(
            &older.under("national", "2025-01-16"),
            "health-assessment-review"
        )),
        d("2026-01-15")
    );
    let unknown = child(None).ev(EventKind::HealthAssessmentDone, "2025-01-15");
    let item = only(
        &unknown.under("national", "2025-01-16"),
        "health-assessment-review",
    )
    .clone();
    assert_eq!(item.status, Status::CannotCompute);
    assert!(
        item.problems[0].contains("date of birth"),
        "{:?}",
        item.problems
    );
}

#[test]
fn proceedings_last_26_weeks_beginning_with_issue_plus_extensions() {
    let case = child(Some("2020-01-01")).ev(EventKind::ProceedingsIssued, "2025-01-06");
    let s = case.under("local-a", "2025-01-07");
    let item = only(&s, "proceedings-26-weeks");
    assert_eq!(due(item), d("2025-07-06"));
    assert_eq!(
        item.practical,
        Some(d("2025-07-04")),
        "Sunday: aim for the Friday"
    );
    assert_eq!(
        due(only(&s, "care-planning-meeting-3")),
        d("2025-05-11"),
        "end of week 18"
    );
    assert_eq!(
        due(only(&s, "review-3-proceedings")),
        d("2025-05-18"),
        "end of week 19"
    );
    assert_eq!(s.facts.proceedings_week, Some(1));
    // An extension of 8 weeks granted before the end; one of 10 weeks is capped at 8.
    let extended = case
        .clone()
        .with(EventKind::ExtensionGranted, "2025-06-30", |a| {
            a.weeks = Some(8)
        });
    assert_eq!(
        due(only(
            &extended.under("national", "2025-07-01"),
            "proceedings-26-weeks"
        )),
        d("2025-08-31")
    );
    let capped = case
        .clone()
        .with(EventKind::ExtensionGranted, "2025-06-30", |a| {
            a.weeks = Some(10)
        });
    let item = only(
        &capped.under("national", "2025-07-01"),
        "proceedings-26-weeks",
    )
    .clone();
    assert_eq!(due(&item), d("2025-08-31"));
    assert!(item
        .national
        .unwrap()
        .working
        .to_string()
        .contains("extended by 8 weeks on Mon 30 Jun 2025 to Sun 31 Aug 2025"));
    // Granted after the end date: 8 weeks from the day granted.
    let late = case
        .clone()
        .with(EventKind::ExtensionGranted, "2025-07-14", |a| {
            a.weeks = Some(8)
        });
    assert_eq!(
        due(only(
            &late.under("national", "2025-07-15"),
            "proceedings-26-weeks"
        )),
        d("2025-09-08")
    );
}

impl Builder {
    fn clone(&self) -> Builder {
        Builder {
            case: self.case.clone(),
        }
    }
}

#[test]
fn hour_limits_need_a_time_and_count_elapsed_hours() {
    let timed = child(Some("2015-01-01"))
        .placed("2025-01-06", PlacementType::Foster, |_| {})
        .at(15, 30);
    let item = only(
        &timed.under("salford", "2025-01-07"),
        "placement-planning-meeting",
    )
    .clone();
    let local = item.local.unwrap();
    assert_eq!(
        (local.date, local.time),
        (d("2025-01-09"), Time::from_hm(15, 30))
    );
    assert_eq!(
        local.working.to_string(),
        "72 hours after Mon 6 Jan 2025 at 15:30"
    );
    let untimed = child(Some("2015-01-01")).placed("2025-01-06", PlacementType::Foster, |_| {});
    let item = only(
        &untimed.under("salford", "2025-01-07"),
        "placement-planning-meeting",
    )
    .clone();
    assert_eq!(item.status, Status::CannotCompute);
    assert!(item.problems[0].contains("record the time"));
}

#[test]
fn the_legal_planning_meeting_is_72_hours_after_police_protection() {
    let protected = child(Some("2015-01-01"))
        .ev(EventKind::PoliceProtectionStarted, "2025-01-06")
        .at(22, 0)
        .looked_after("2025-01-07", LegalBasis::EmergencyProtectionOrder);
    let item = only(
        &protected.under("salford", "2025-01-07"),
        "legal-planning-meeting",
    )
    .clone();
    assert_eq!(item.local.as_ref().unwrap().time, Time::from_hm(22, 0));
    assert_eq!(due(&item), d("2025-01-09"));
    let accommodated = child(Some("2015-01-01")).looked_after("2025-01-06", LegalBasis::S20);
    assert_eq!(
        due(only(
            &accommodated.under("salford", "2025-01-07"),
            "legal-planning-meeting"
        )),
        d("2025-01-20")
    );
}

#[test]
fn section_20_rules_do_not_apply_to_a_care_order() {
    let order = child(Some("2015-01-01")).looked_after("2025-01-06", LegalBasis::CareOrder);
    assert_eq!(
        only(
            &order.under("local-a", "2025-01-07"),
            "s20-care-planning-meeting"
        )
        .status,
        Status::NotApplicable
    );
    let s20 = child(Some("2015-01-01")).looked_after("2025-01-06", LegalBasis::S20);
    assert_eq!(
        due(only(
            &s20.under("local-a", "2025-01-07"),
            "s20-care-planning-meeting"
        )),
        d("2025-04-07")
    );
}

#[test]
fn a_duty_is_done_by_an_event_naming_it() {
    let case = child(Some("2015-01-01"))
        .placed("2025-01-06", PlacementType::Foster, |_| {})
        .with(EventKind::DutyCompleted, "2025-01-10", |a| {
            a.rule = Some("placement-plan".into())
        });
    let item = only(&case.under("national", "2025-01-20"), "placement-plan").clone();
    assert_eq!(
        (item.done, item.status),
        (Some(d("2025-01-10")), Status::DoneOnTime)
    );
    // Each placement has its own plan: the second placement's is still open.
    let two = case
        .clone()
        .placed("2025-03-03", PlacementType::Foster, |_| {});
    let plans = two.under("national", "2025-03-04");
    let open: Vec<_> = items(&plans, "placement-plan")
        .into_iter()
        .filter(|i| i.done.is_none())
        .collect();
    assert_eq!(open.len(), 1);
    assert_eq!(due(open[0]), d("2025-03-10"));
}

#[test]
fn dates_beyond_the_bank_holiday_data_are_refused_not_guessed() {
    let s = child(Some("2025-01-01"))
        .looked_after("2035-12-20", LegalBasis::S20)
        .under("national", "2035-12-21");
    let item = only(&s, "review-1");
    assert_eq!(item.status, Status::CannotCompute);
    assert!(
        item.problems[0].contains("bank holidays are known only from"),
        "{:?}",
        item.problems
    );
}

#[test]
fn time_looked_after_and_eligible_child() {
    // Born 1 Mar 2009: 14 on 1 Mar 2023, 16 on 1 Mar 2025.
    let case = child(Some("2009-03-01"))
        .looked_after("2024-10-07", LegalBasis::S20)
        .ev(EventKind::CeasedLookedAfter, "2024-11-04")
        .looked_after("2025-01-06", LegalBasis::S20);
    let f = case.under("national", "2025-04-01").facts;
    assert_eq!(
        f.periods_of_care,
        vec![
            (d("2024-10-07"), Some(d("2024-11-04"))),
            (d("2025-01-06"), None)
        ]
    );
    let time = f.looked_after.unwrap();
    assert_eq!(time.days, 28 + 85);
    assert_eq!(time.whole_weeks(), 16);
    assert_eq!(time.working_days, Ok(20 + 61));
    assert_eq!(time.describe(), "16 weeks (81 working days)");
    // 28 days, then 63 more from 6 Jan: 13 weeks reached on 10 Mar 2025, after the 16th birthday.
    match f.eligible {
        Eligibility::Eligible {
            since,
            assessment_due,
            ..
        } => {
            assert_eq!(since, d("2025-03-10"));
            assert_eq!(assessment_due, d("2025-06-10"));
        }
        other => panic!("{other:?}"),
    }
    let young = child(Some("2011-03-01"))
        .looked_after("2025-01-06", LegalBasis::S20)
        .under("national", "2025-06-01");
    let Eligibility::NotEligible { reason } = young.facts.eligible else {
        panic!("not eligible at 14")
    };
    assert_eq!(reason, "Has been looked after for 13 weeks since the age of 14; becomes an eligible child at 16, on Mon 1 Mar 2027, if still looked after.");
    let eight = child(Some("2017-03-01"))
        .looked_after("2025-05-26", LegalBasis::S20)
        .under("national", "2025-06-01");
    let Eligibility::NotEligible { reason } = eight.facts.eligible else {
        panic!("not eligible at 8")
    };
    assert!(
        reason.starts_with("Aged 8: an eligible child is 16 or 17"),
        "{reason}"
    );
    let short = child(Some("2010-03-01"))
        .looked_after("2025-05-19", LegalBasis::S20)
        .under("national", "2025-06-01");
    let Eligibility::NotEligible { reason } = short.facts.eligible else {
        panic!("not eligible yet")
    };
    assert_eq!(
        reason,
        "Looked after for 1 week and 6 days of the 13 weeks needed since the age of 14."
    );
    assert_eq!(
        child(None).under("national", "2025-06-01").facts.eligible,
        Eligibility::Unknown
    );
}

/// One case in which every anchor happens, for every profile: every rule each profile
/// uses must produce a date.
#[test]
fn every_rule_of_every_profile_produces_a_date() {
    use EventKind::*;
    let full = child(Some("2010-06-01"))
        .ev(DecisionToLookAfter, "2025-01-06")
        .ev(PoliceProtectionStarted, "2025-01-05")
        .at(18, 0)
        .looked_after("2025-01-06", LegalBasis::S20)
        .placed("2025-01-06", PlacementType::Foster, |a| a.emergency = true)
        .at(20, 0)
        .placed("2025-02-03", PlacementType::Custody, |_| {})
        .at(10, 0)
        .ev(VisitMade, "2025-01-10")
        .ev(ReviewScheduled, "2025-01-31")
        .ev(ReviewHeld, "2025-01-31")
        .ev(ReviewHeld, "2025-04-11")
        .ev(HealthAssessmentDone, "2025-01-20")
        .ev(ConnectedPersonApproved, "2025-01-06")
        .ev(StabilityConcernRaised, "2025-02-10")
        .ev(ContactRefused, "2025-02-11")
        .ev(FamilyMeetingRequested, "2025-02-12")
        .ev(DecisionMeetingScheduled, "2025-02-20")
        .ev(PloRecommended, "2025-02-13")
        .ev(LegalGatewayMeetingHeld, "2025-02-18")
        .ev(PloMeetingHeld, "2025-03-03")
        .ev(ProceedingsIssued, "2025-04-07")
        .ev(CaseManagementHearingHeld, "2025-04-28")
        .ev(FilingDateSet, "2025-08-01")
        .ev(SgoNoticeReceived, "2025-05-01")
        .ev(FinalCarePlanAgreed, "2025-07-01")
        .with(CeasedLookedAfter, "2025-09-01", |a| a.planned = Some(false))
        .at(9, 0);
    for profile in builtin_profiles() {
        let s = full.under(&profile.id, "2025-09-02");
        for rule in profile.rules.keys() {
            let dated = items(&s, rule).iter().any(|i| i.applicable().is_some());
            assert!(dated, "{}/{rule}: {:#?}", profile.id, items(&s, rule));
        }
    }
}

/// The approval-expiry rule is scheduled before any rule whose periods ask whether a
/// temporary approval is still running, in every profile.
#[test]
fn temporary_approvals_are_known_before_rules_that_ask_about_them() {
    use crate::rules::Condition;
    let rules = catalogue();
    let approval = rules
        .iter()
        .position(|r| r.id == conditions::TEMPORARY_APPROVAL_RULE)
        .expect("in the catalogue");
    for profile in builtin_profiles() {
        for (id, timing) in &profile.rules {
            let asks = timing.cases.iter().any(|c| {
                c.when
                    .contains(&Condition::ConnectedPersonTemporaryApproval)
            });
            if asks {
                let at = rules.iter().position(|r| r.id == *id).unwrap();
                assert!(
                    approval < at,
                    "{}/{id} comes before {}",
                    profile.id,
                    conditions::TEMPORARY_APPROVAL_RULE
                );
            }
        }
    }
}
