//! Fictional example cases, dated relative to "today" so that they always show deadlines
//! in every state. Clearly labelled wherever shown; never mixed with real cases.

use crate::calendar::{Date, Time};
use crate::model::{Attrs, Case, Child, Event, EventKind, LegalBasis, PlacementType};

/// An example case and the procedures it is shown under.
pub struct Example {
    pub case: Case,
    /// The id of the profile the example is set in.
    pub profile: &'static str,
    /// One sentence on where the case stands.
    pub summary: &'static str,
}

/// The ids of the examples, in the order they are listed.
pub const IDS: [&str; 3] = [
    "example-section-20",
    "example-proceedings",
    "example-leaving-care",
];

/// The example with this id, as it stands on `today`.
pub fn example(id: &str, today: Date) -> Option<Example> {
    let mut b = Builder {
        today,
        events: Vec::new(),
    };
    let example = match id {
        "example-section-20" => {
            b.at(EventKind::DecisionToLookAfter, -12, None, Attrs::default());
            let s20 = Attrs {
                basis: Some(LegalBasis::S20),
                ..Attrs::default()
            };
            b.at(EventKind::BecameLookedAfter, -12, None, s20);
            let foster = Attrs {
                placement: Some(PlacementType::Foster),
                emergency: true,
                ..Attrs::default()
            };
            b.at(
                EventKind::PlacementStarted,
                -12,
                Time::from_hm(17, 30),
                foster,
            );
            b.at(EventKind::VisitMade, -9, None, Attrs::default());
            b.at(
                EventKind::CarePlanningMeetingHeld,
                -11,
                None,
                Attrs::default(),
            );
            Example {
                case: case(id, "Sam (example)", "EX-S20-1", today.add_years(-9).add_days(40), b.events),
                profile: "local-a",
                summary: "Accommodated under section 20 twelve days ago, in an emergency foster placement.",
            }
        }
        "example-proceedings" => {
            b.at(EventKind::PloRecommended, -230, None, Attrs::default());
            b.at(
                EventKind::LegalGatewayMeetingHeld,
                -226,
                None,
                Attrs::default(),
            );
            b.at(
                EventKind::LetterBeforeProceedingsSent,
                -222,
                None,
                Attrs::default(),
            );
            b.at(EventKind::PloMeetingHeld, -205, None, Attrs::default());
            b.at(EventKind::ProceedingsIssued, -115, None, Attrs::default());
            let ico = Attrs {
                basis: Some(LegalBasis::InterimCareOrder),
                ..Attrs::default()
            };
            b.at(EventKind::BecameLookedAfter, -115, None, ico);
            let kin = Attrs {
                placement: Some(PlacementType::ConnectedPerson),
                ..Attrs::default()
            };
            b.at(EventKind::PlacementStarted, -115, Time::from_hm(14, 0), kin);
            b.at(
                EventKind::ConnectedPersonApproved,
                -115,
                None,
                Attrs::default(),
            );
            b.at(
                EventKind::CarePlanningMeetingHeld,
                -114,
                None,
                Attrs::default(),
            );
            b.at(
                EventKind::CaseManagementHearingHeld,
                -100,
                None,
                Attrs::default(),
            );
            b.at(EventKind::ReviewHeld, -96, None, Attrs::default());
            for days in [-110, -103, -96, -68, -40, -12] {
                b.at(EventKind::VisitMade, days, None, Attrs::default());
            }
            Example {
                case: case(id, "Riley (example)", "EX-PRO-2", today.add_years(-3).add_days(-70), b.events),
                profile: "local-a",
                summary: "In care proceedings for sixteen weeks, placed with an aunt under temporary approval.",
            }
        }
        "example-leaving-care" => {
            let order = Attrs {
                basis: Some(LegalBasis::CareOrder),
                ..Attrs::default()
            };
            b.at(EventKind::BecameLookedAfter, -800, None, order);
            let foster = Attrs {
                placement: Some(PlacementType::Foster),
                long_term: true,
                until_18: true,
                ..Attrs::default()
            };
            b.at(
                EventKind::PlacementStarted,
                -800,
                Time::from_hm(11, 0),
                foster,
            );
            for days in [-780, -700, -520, -340, -160] {
                b.at(EventKind::ReviewHeld, days, None, Attrs::default());
            }
            for days in [-320, -140, -60, -10] {
                b.at(EventKind::VisitMade, days, None, Attrs::default());
            }
            b.at(
                EventKind::HealthAssessmentDone,
                -300,
                None,
                Attrs::default(),
            );
            Example {
                case: case(id, "Jordan (example)", "EX-LC-3", today.add_years(-16).add_days(-45), b.events),
                profile: "leicestershire",
                summary: "Sixteen, in a long-term foster placement under a care order for over two years.",
            }
        }
        _ => return None,
    };
    Some(example)
}

struct Builder {
    today: Date,
    events: Vec<Event>,
}

impl Builder {
    /// An event `days` from today (negative: in the past).
    fn at(&mut self, kind: EventKind, days: i32, time: Option<Time>, attrs: Attrs) {
        let id = format!("ex{}", self.events.len() + 1);
        self.events.push(Event {
            id,
            kind,
            date: self.today.add_days(days),
            time,
            attrs,
        });
    }
}

fn case(id: &str, name: &str, reference: &str, born: Date, events: Vec<Event>) -> Case {
    let child = Child {
        name: name.to_string(),
        reference: reference.to_string(),
        date_of_birth: Some(born),
    };
    Case {
        events,
        ..Case::new(id, child)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{schedule, Status};
    use crate::rules::{builtin_profiles, catalogue};

    #[test]
    fn every_example_schedules_with_dates_and_no_problems_on_any_day() {
        let start = Date::from_ymd(2025, 1, 1).unwrap();
        for offset in (0..3650).step_by(97) {
            let today = start.add_days(offset);
            for id in IDS {
                let example = example(id, today).unwrap();
                let profiles = builtin_profiles();
                let profile = profiles
                    .iter()
                    .find(|p| p.id == example.profile)
                    .expect("a built-in profile");
                let s = schedule(&example.case, catalogue(), &profiles[0], profile, today);
                assert!(
                    s.items.iter().any(|i| i.status == Status::Overdue
                        || i.status == Status::DueSoon
                        || i.status == Status::Upcoming),
                    "{id}"
                );
                for item in &s.items {
                    assert!(
                        item.problems.is_empty(),
                        "{id} {}: {:?}",
                        item.rule,
                        item.problems
                    );
                }
            }
        }
        assert!(example("nobody", start).is_none());
    }
}
