//! Trainer mode's demonstration caseload: five fictional children at the stages a trainer
//! shows, dated from the day the trainer opens it. They live only in memory, are labelled
//! as training wherever shown and are never stored with real cases. The "pretend today is"
//! clock is simply another `today` for the schedule engine, which takes it as an argument.

use crate::calendar::{Date, Time};
use crate::model::{Attrs, Case, Child, Event, EventKind, LegalBasis, PlacementType};

/// A demonstration case and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Demo {
    pub case: Case,
    /// Where the child's case stands, in a few words.
    pub stage: &'static str,
}

struct Builder {
    day: Date,
    events: Vec<Event>,
}

impl Builder {
    fn new(day: Date) -> Builder {
        Builder {
            day,
            events: Vec::new(),
        }
    }

    /// An event `days` from the scenario day (negative: before it).
    fn at(mut self, kind: EventKind, days: i32, attrs: Attrs) -> Builder {
        let time = matches!(kind, EventKind::PlacementStarted)
            .then(|| Time::from_hm(16, 0))
            .flatten();
        self.events.push(Event {
            id: format!("tr{}", self.events.len() + 1),
            kind,
            date: self.day.add_days(days),
            time,
            attrs,
        });
        self
    }

    fn case(self, id: &str, name: &str, profile: &str, born: Date) -> Case {
        let mut case = Case::new(
            id,
            Child {
                name: name.to_string(),
                reference: format!(
                    "TRAINING-{}",
                    id.trim_start_matches("training-").to_uppercase()
                ),
                date_of_birth: Some(born),
            },
        );
        case.profile = profile.to_string();
        case.events = self.events;
        case
    }
}

fn basis(basis: LegalBasis) -> Attrs {
    Attrs {
        basis: Some(basis),
        ..Attrs::default()
    }
}

fn placement(placement: PlacementType, long_term: bool) -> Attrs {
    Attrs {
        placement: Some(placement),
        long_term,
        ..Attrs::default()
    }
}

/// The demonstration caseload as it stands on `day`.
pub fn demo_cases(day: Date) -> Vec<Demo> {
    let none = Attrs::default;
    let years = |n: i32, days: i32| day.add_years(-n).add_days(-days);
    vec![
        Demo {
            stage: "Section 20, week 1",
            case: Builder::new(day)
                .at(EventKind::DecisionToLookAfter, -3, none())
                .at(EventKind::BecameLookedAfter, -3, basis(LegalBasis::S20))
                .at(
                    EventKind::PlacementStarted,
                    -3,
                    placement(PlacementType::Foster, false),
                )
                .case("training-alex", "Alex (training)", "local-a", years(7, 30)),
        },
        Demo {
            stage: "Pre-proceedings, month 2",
            case: Builder::new(day)
                .at(EventKind::PloRecommended, -66, none())
                .at(EventKind::LegalGatewayMeetingHeld, -62, none())
                .at(EventKind::LetterBeforeProceedingsSent, -58, none())
                .at(EventKind::PloMeetingHeld, -52, none())
                .case(
                    "training-bailey",
                    "Bailey (training)",
                    "local-a",
                    years(4, 100),
                ),
        },
        Demo {
            stage: "Care proceedings, week 17",
            case: Builder::new(day)
                .at(EventKind::DecisionToLookAfter, -113, none())
                .at(EventKind::ProceedingsIssued, -112, none())
                .at(
                    EventKind::BecameLookedAfter,
                    -112,
                    basis(LegalBasis::InterimCareOrder),
                )
                .at(
                    EventKind::PlacementStarted,
                    -112,
                    placement(PlacementType::Foster, false),
                )
                .at(EventKind::CarePlanningMeetingHeld, -112, none())
                .at(EventKind::ReviewHeld, -95, none())
                .at(EventKind::CaseManagementHearingHeld, -84, none())
                .at(EventKind::CarePlanningMeetingHeld, -55, none())
                .at(EventKind::ReviewHeld, -14, none())
                .case(
                    "training-casey",
                    "Casey (training)",
                    "local-a",
                    years(2, 200),
                ),
        },
        Demo {
            stage: "Long-term foster care, year 2",
            case: Builder::new(day)
                .at(
                    EventKind::BecameLookedAfter,
                    -700,
                    basis(LegalBasis::CareOrder),
                )
                .at(
                    EventKind::PlacementStarted,
                    -500,
                    placement(PlacementType::Foster, true),
                )
                .at(EventKind::ReviewHeld, -480, none())
                .at(EventKind::ReviewHeld, -390, none())
                .at(EventKind::ReviewHeld, -210, none())
                .at(EventKind::HealthAssessmentDone, -330, none())
                .at(EventKind::VisitMade, -150, none())
                .case(
                    "training-drew",
                    "Drew (training)",
                    "national",
                    years(10, 45),
                ),
        },
        Demo {
            stage: "16, about to stop being looked after",
            case: Builder::new(day)
                .at(EventKind::BecameLookedAfter, -220, basis(LegalBasis::S20))
                .at(
                    EventKind::PlacementStarted,
                    -220,
                    placement(PlacementType::SemiIndependent, false),
                )
                .at(EventKind::ReviewHeld, -200, none())
                .at(EventKind::ReviewHeld, -110, none())
                .at(EventKind::VisitMade, -40, none())
                .case("training-eden", "Eden (training)", "salford", years(16, 60)),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Eligibility, Scheduler, Status};
    use crate::rules::{builtin_profiles, catalogue};

    fn day() -> Date {
        Date::parse_iso("2026-11-23").unwrap()
    }

    fn status(case: &Case, rule: &str, today: Date) -> Status {
        let profiles = builtin_profiles();
        let local = crate::rules::builtin_profile(&case.profile);
        Scheduler::new(catalogue(), &profiles[0], local)
            .schedule(case, today)
            .items
            .iter()
            .find(|i| i.rule == rule && i.done.is_none() && i.applicable().is_some())
            .unwrap_or_else(|| panic!("no open {rule}"))
            .status
    }

    #[test]
    fn the_stages_hold_on_the_day() {
        let demos = demo_cases(day());
        assert_eq!(demos.len(), 5);
        let profiles = builtin_profiles();
        for d in &demos {
            assert!(
                d.case.id.starts_with("training-") && d.case.child.name.ends_with("(training)")
            );
            let local = crate::rules::builtin_profile(&d.case.profile);
            let schedule =
                Scheduler::new(catalogue(), &profiles[0], local).schedule(&d.case, day());
            assert!(
                schedule.items.iter().all(|i| i.problems.is_empty()),
                "{}",
                d.case.id
            );
            assert!(
                schedule
                    .items
                    .iter()
                    .any(|i| i.applicable().is_some() && i.done.is_none()),
                "{} has an open deadline",
                d.case.id
            );
            match d.case.id.as_str() {
                "training-casey" => assert_eq!(schedule.facts.proceedings_week, Some(17)),
                "training-eden" => {
                    assert_eq!(schedule.facts.age, Some(16));
                    assert!(matches!(
                        schedule.facts.eligible,
                        Eligibility::Eligible { .. }
                    ));
                }
                _ => {}
            }
        }
    }

    #[test]
    fn the_pretend_clock_moves_a_deadline_from_upcoming_to_due_soon_to_overdue() {
        // Alex's first review: 15 working days after Fri 20 Nov 2026 under local-a.
        let alex = &demo_cases(day())[0].case;
        assert_eq!(status(alex, "review-1", day()), Status::Upcoming);
        let later = |days| status(alex, "review-1", day().add_days(days));
        assert_eq!(later(14), Status::DueSoon);
        assert_eq!(later(30), Status::Overdue);
    }
}
