//! The care proceedings tracker: one case's 26-week timetable, from the day proceedings
//! were issued, with each milestone placed in its week.
//!
//! Every date comes from the schedule engine under the case's profile, so the tracker and
//! the deadlines list cannot disagree; the court's own dates (hearings, the filing date,
//! extensions) are the events recorded on the case. Week N of proceedings begins on the
//! issue date + 7(N − 1) days, so week 1 begins with the issue date (rule-catalogue.md).

use crate::calendar::Date;
use crate::engine::{Schedule, Status};
use crate::model::{Case, Event, EventKind};

/// The rules the tracker shows, in the order of the timetable. Those the profile does not
/// set are listed apart.
pub const RULES: &[&str] = &[
    "initial-care-planning-meeting",
    "review-1",
    "care-planning-meeting-2",
    "review-2",
    "care-planning-meeting-3",
    "review-3-proceedings",
    "review-next",
    "final-care-planning-meeting",
    "court-documents-to-managers",
    "sgo-report",
    "proceedings-26-weeks",
];

/// The court's dates, recorded as events.
const COURT_EVENTS: &[EventKind] = &[
    EventKind::FirstAppointmentHearingScheduled,
    EventKind::CaseManagementHearingHeld,
    EventKind::FilingDateSet,
    EventKind::ExtensionGranted,
    EventKind::SgoNoticeReceived,
    EventKind::ProceedingsConcluded,
];

/// How far before the issue date and after the 26 weeks the picture reaches, at most.
const WEEKS_BEFORE: i32 = 8;
const WEEKS_AFTER: i32 = 52;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A deadline from a rule.
    Deadline,
    /// A date set by the court, or a court event recorded on the case.
    Court,
    /// A step the procedure places after another, without a period of its own.
    Step,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Deadline => "deadline",
            Kind::Court => "court",
            Kind::Step => "step",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub label: String,
    /// The rule id, for deadlines; the event id, for court dates.
    pub rule: Option<String>,
    pub event: Option<String>,
    pub kind: Kind,
    /// The day it falls on: done, or due, or the court's date. `None` while the date it is
    /// counted from is not recorded.
    pub date: Option<Date>,
    pub done: Option<Date>,
    /// The week of proceedings the date falls in: 1 from the issue date; 0 or less before.
    pub week: Option<i32>,
    /// For deadlines, from the engine.
    pub status: Option<Status>,
    /// How the date is reached, or why there is none yet.
    pub note: String,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracker {
    pub issued: Date,
    /// The end of the 26 weeks (with extensions), as the engine works it out.
    pub end: Option<Date>,
    /// The week the end falls in: 26, or later with extensions (as the engine counts
    /// them: at most 8 weeks each, from the later of the current end and the day granted).
    pub weeks: i32,
    /// Each extension granted: the day, and the weeks asked for.
    pub extensions: Vec<(Date, u32)>,
    pub today: Date,
    pub today_week: i32,
    pub concluded: Option<Date>,
    /// In date order; milestones without a date yet come last.
    pub milestones: Vec<Milestone>,
    /// The tracked rules this profile does not set: (rule id, what is due).
    pub not_set: Vec<(String, String)>,
    /// The span of days the picture covers.
    pub first_day: Date,
    pub last_day: Date,
}

/// The week of proceedings `date` falls in: 1 for the issue date and the 6 days after it.
pub fn week_of(issued: Date, date: Date) -> i32 {
    issued.days_until(date).div_euclid(7) + 1
}

impl Tracker {
    /// The tracker of `case`, from its schedule on `today`; `None` until proceedings are
    /// issued.
    pub fn of(case: &Case, schedule: &Schedule, today: Date) -> Option<Tracker> {
        let index = case.index();
        let issued = index.of(EventKind::ProceedingsIssued).first()?.date;
        let mut milestones = Vec::new();
        let mut not_set = Vec::new();
        let mut end = None;
        for rule in RULES {
            let items: Vec<_> = schedule.items.iter().filter(|i| i.rule == *rule).collect();
            for item in items {
                if item.status == Status::NotApplicable {
                    if !not_set.iter().any(|(r, _)| r == rule) {
                        not_set.push((rule.to_string(), item.due_text.to_string()));
                    }
                    continue;
                }
                let due = item.applicable().map(|d| d.date);
                if *rule == "proceedings-26-weeks" {
                    end = due;
                }
                let date = item.done.or(due);
                let note = match (item.status, item.problems.first()) {
                    (Status::Waiting, _) => {
                        format!("Counted from when {}: not recorded yet", item.anchor_text)
                    }
                    (_, Some(problem)) => problem.clone(),
                    _ => item.explanation().join(" "),
                };
                milestones.push(Milestone {
                    label: item.due_text.to_string(),
                    rule: Some(rule.to_string()),
                    event: None,
                    kind: Kind::Deadline,
                    date,
                    done: item.done,
                    week: date.map(|d| week_of(issued, d)),
                    status: Some(item.status),
                    note,
                    source: item.applicable().map(|d| d.source.label()),
                });
                if *rule == "care-planning-meeting-3" {
                    milestones.push(Milestone {
                        label: "Meeting with the parents to tell them the proposed care plan".into(),
                        rule: None,
                        event: None,
                        kind: Kind::Step,
                        date,
                        done: None,
                        week: date.map(|d| week_of(issued, d)),
                        status: None,
                        note: "After care planning meeting three; their views are recorded for the third review.".into(),
                        source: Some(crate::sources::Citation { source: "001", section: "\u{201c}Meeting with parents\u{201d}" }.label()),
                    });
                }
            }
        }
        let mut extensions = Vec::new();
        for kind in COURT_EVENTS {
            for event in index.of(*kind) {
                if *kind == EventKind::ExtensionGranted && event.date >= issued {
                    extensions.push((event.date, event.attrs.weeks.unwrap_or(0)));
                }
                milestones.push(court(event, issued));
            }
        }
        let concluded = index
            .of(EventKind::ProceedingsConcluded)
            .iter()
            .map(|e| e.date)
            .find(|d| *d >= issued);
        // Dated first, in date order; a stable sort keeps the timetable's order within a day.
        milestones.sort_by_key(|m| (m.date.is_none(), m.date));
        let dates = milestones
            .iter()
            .filter_map(|m| m.date)
            .chain([issued, today])
            .chain(end);
        let (earliest, latest) = dates.fold((issued, issued), |(lo, hi), d| (lo.min(d), hi.max(d)));
        let weeks = end.map_or(26, |end| week_of(issued, end).max(26));
        let nominal_end = issued.add_days(7 * weeks - 1);
        Some(Tracker {
            issued,
            end,
            weeks,
            extensions,
            today,
            today_week: week_of(issued, today),
            concluded,
            milestones,
            not_set,
            first_day: earliest.max(issued.add_days(-7 * WEEKS_BEFORE)),
            last_day: latest
                .max(nominal_end)
                .min(nominal_end.add_days(7 * WEEKS_AFTER)),
        })
    }

    /// Where `date` falls across the picture, from 0 (its first day) to 1 (the end of its
    /// last day); dates outside it are held at the edges.
    pub fn position(&self, date: Date) -> f64 {
        let span = self.first_day.days_until(self.last_day) + 1;
        let at = self.first_day.days_until(date).clamp(0, span);
        f64::from(at) / f64::from(span)
    }

    /// The weeks to label on the picture's ruler: 1, every fifth, the last of the 26, and
    /// the last with extensions.
    pub fn ruler(&self) -> Vec<i32> {
        let mut weeks: Vec<i32> = [1, 5, 10, 15, 20, 26, self.weeks]
            .into_iter()
            .filter(|w| self.issued.add_days(7 * (w - 1)) <= self.last_day)
            .collect();
        weeks.dedup();
        weeks
    }

    /// The first day of week `week`.
    pub fn week_start(&self, week: i32) -> Date {
        self.issued.add_days(7 * (week - 1))
    }
}

fn court(event: &Event, issued: Date) -> Milestone {
    let label = match (event.kind, event.attrs.weeks) {
        (EventKind::ExtensionGranted, Some(weeks)) => format!("Extension of {weeks} weeks granted"),
        (EventKind::FilingDateSet, _) => "Filing date for the final evidence".to_string(),
        (EventKind::SgoNoticeReceived, _) => {
            "Notice of a special guardianship application".to_string()
        }
        (kind, _) => kind.label().to_string(),
    };
    Milestone {
        label,
        rule: None,
        event: Some(event.id.clone()),
        kind: Kind::Court,
        date: Some(event.date),
        done: None,
        week: Some(week_of(issued, event.date)),
        status: None,
        note: "Recorded on the case.".into(),
        source: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Scheduler;
    use crate::model::{Attrs, Child, LegalBasis, Part};
    use crate::rules::{builtin_profiles, catalogue};

    fn d(iso: &str) -> Date {
        Date::parse_iso(iso).unwrap()
    }

    fn event(id: &str, kind: EventKind, date: &str, attrs: Attrs) -> Event {
        Event {
            id: id.into(),
            kind,
            date: d(date),
            time: None,
            attrs,
        }
    }

    /// Proceedings issued on Monday 2 March 2026 for a child removed the same day under an
    /// interim care order, with the court's dates so far.
    fn case(profile: &str, extension: bool) -> Case {
        let mut case = Case::new(
            "c",
            Child {
                name: "A".into(),
                ..Child::default()
            },
        );
        case.profile = profile.into();
        let none = Attrs::default;
        let mut events = vec![
            event(
                "decision",
                EventKind::DecisionToLookAfter,
                "2026-02-27",
                none(),
            ),
            event("issued", EventKind::ProceedingsIssued, "2026-03-02", none()),
            event(
                "ico",
                EventKind::BecameLookedAfter,
                "2026-03-02",
                Attrs {
                    basis: Some(LegalBasis::InterimCareOrder),
                    ..none()
                },
            ),
            event(
                "cmh",
                EventKind::CaseManagementHearingHeld,
                "2026-03-30",
                none(),
            ),
            event("sgo", EventKind::SgoNoticeReceived, "2026-04-06", none()),
            event("filing", EventKind::FilingDateSet, "2026-08-03", none()),
        ];
        if extension {
            events.push(event(
                "ext",
                EventKind::ExtensionGranted,
                "2026-08-20",
                Attrs {
                    weeks: Some(8),
                    ..none()
                },
            ));
        }
        for e in events {
            case.add(Part::Event(e), "t").unwrap();
        }
        case
    }

    fn tracker(case: &Case, today: &str) -> Tracker {
        let profiles = builtin_profiles();
        let local = crate::rules::builtin_profile(&case.profile);
        let schedule = Scheduler::new(catalogue(), &profiles[0], local).schedule(case, d(today));
        Tracker::of(case, &schedule, d(today)).expect("proceedings are issued")
    }

    fn milestone<'t>(t: &'t Tracker, rule: &str) -> &'t Milestone {
        t.milestones
            .iter()
            .find(|m| m.rule.as_deref() == Some(rule))
            .unwrap_or_else(|| panic!("no milestone for {rule}"))
    }

    fn at(t: &Tracker, rule: &str) -> (String, i32) {
        let m = milestone(t, rule);
        (m.date.unwrap().iso(), m.week.unwrap())
    }

    #[test]
    fn weeks_begin_with_the_issue_date() {
        let issued = d("2026-03-02");
        assert_eq!(week_of(issued, issued), 1);
        assert_eq!(week_of(issued, d("2026-03-08")), 1);
        assert_eq!(week_of(issued, d("2026-03-09")), 2);
        assert_eq!(week_of(issued, d("2026-08-30")), 26);
        assert_eq!(week_of(issued, d("2026-08-31")), 27);
        assert_eq!(week_of(issued, d("2026-03-01")), 0);
        assert_eq!(week_of(issued, d("2026-02-22")), -1);
    }

    #[test]
    fn local_a_places_each_meeting_and_review_in_its_week() {
        let t = tracker(&case("local-a", false), "2026-06-15");
        assert_eq!(t.issued, d("2026-03-02"));
        // 26 weeks beginning with Monday 2 March: the last day is Sunday 30 August.
        assert_eq!(t.end, Some(d("2026-08-30")));
        assert_eq!((t.weeks, t.extensions.len()), (26, 0));
        assert_eq!(at(&t, "proceedings-26-weeks"), ("2026-08-30".into(), 26));
        assert_eq!(t.today_week, 16);
        // Same day or next working day after the decision on Friday 27 February.
        assert_eq!(
            at(&t, "initial-care-planning-meeting"),
            ("2026-03-02".into(), 1)
        );
        // 15 working days from Monday 2 March.
        assert_eq!(at(&t, "review-1"), ("2026-03-23".into(), 4));
        // 5 weeks after the case management hearing on Monday 30 March.
        assert_eq!(at(&t, "care-planning-meeting-2"), ("2026-05-04".into(), 10));
        // 12 weeks after the first review is due (not yet held).
        assert_eq!(milestone(&t, "review-2").status, Some(Status::Waiting));
        assert_eq!(milestone(&t, "review-2").date, None);
        assert!(milestone(&t, "review-2").note.contains("not recorded yet"));
        // End of week 18 and week 19.
        assert_eq!(at(&t, "care-planning-meeting-3"), ("2026-07-05".into(), 18));
        assert_eq!(at(&t, "review-3-proceedings"), ("2026-07-12".into(), 19));
        let parents = t
            .milestones
            .iter()
            .position(|m| m.kind == Kind::Step)
            .unwrap();
        let cpm3 = t
            .milestones
            .iter()
            .position(|m| m.rule.as_deref() == Some("care-planning-meeting-3"))
            .unwrap();
        assert_eq!(
            parents,
            cpm3 + 1,
            "the meeting with parents follows care planning meeting three"
        );
        // The court's dates are there, in their weeks; local-a sets neither document rule.
        let filing = t
            .milestones
            .iter()
            .find(|m| m.event.as_deref() == Some("filing"))
            .unwrap();
        assert_eq!((filing.kind, filing.week), (Kind::Court, Some(23)));
        let not_set: Vec<&str> = t.not_set.iter().map(|(r, _)| r.as_str()).collect();
        assert!(
            not_set.contains(&"sgo-report") && not_set.contains(&"court-documents-to-managers")
        );
        // Dated milestones in date order, then those waiting.
        let dates: Vec<Option<Date>> = t.milestones.iter().map(|m| m.date).collect();
        let first_undated = dates.iter().position(|d| d.is_none()).unwrap();
        assert!(dates[..first_undated].windows(2).all(|w| w[0] <= w[1]));
        assert!(dates[first_undated..].iter().all(|d| d.is_none()));
    }

    #[test]
    fn an_extension_moves_the_end_of_the_timetable() {
        let t = tracker(&case("local-a", true), "2026-09-01");
        assert_eq!(
            (t.weeks, t.extensions.clone()),
            (34, vec![(d("2026-08-20"), 8)])
        );
        // Eight weeks after Sunday 30 August.
        assert_eq!(t.end, Some(d("2026-10-25")));
        assert_eq!(at(&t, "proceedings-26-weeks"), ("2026-10-25".into(), 34));
        let extension = t
            .milestones
            .iter()
            .find(|m| m.event.as_deref() == Some("ext"))
            .unwrap();
        assert_eq!(extension.label, "Extension of 8 weeks granted");
        assert_eq!(extension.week, Some(25));
        assert_eq!(t.ruler(), vec![1, 5, 10, 15, 20, 26, 34]);
        assert!(t.last_day >= d("2026-10-25"));
    }

    #[test]
    fn the_weeks_are_the_engines_whatever_was_asked_for() {
        let extended = |date: &str, weeks: u32| {
            let mut case = case("local-a", false);
            let e = event(
                "ext",
                EventKind::ExtensionGranted,
                date,
                Attrs {
                    weeks: Some(weeks),
                    ..Attrs::default()
                },
            );
            case.add(Part::Event(e), "t").unwrap();
            tracker(&case, "2026-09-01")
        };
        // No more than 8 weeks at a time (CA 1989 s32(8)).
        let t = extended("2026-08-20", 10);
        assert_eq!((t.end, t.weeks), (Some(d("2026-10-25")), 34));
        // Granted after the 26 weeks ended: counted from the day granted.
        let t = extended("2026-09-14", 8);
        assert_eq!(t.end, Some(d("2026-11-09")));
        assert_eq!(t.weeks, week_of(t.issued, d("2026-11-09")));
        assert_eq!(at(&t, "proceedings-26-weeks").1, t.weeks);
    }

    #[test]
    fn local_d_sets_the_documents_and_the_special_guardianship_report() {
        let t = tracker(&case("local-d", false), "2026-06-15");
        // 5 working days before the filing date, Monday 3 August.
        assert_eq!(
            at(&t, "court-documents-to-managers"),
            ("2026-07-27".into(), 22)
        );
        // 12 weeks from notice on Monday 6 April.
        assert_eq!(at(&t, "sgo-report"), ("2026-06-29".into(), 18));
        let not_set: Vec<&str> = t.not_set.iter().map(|(r, _)| r.as_str()).collect();
        assert!(not_set.contains(&"care-planning-meeting-3"));
        assert!(
            !t.milestones.iter().any(|m| m.kind == Kind::Step),
            "no meeting three, no step after it"
        );
        // The national first review: 20 working days.
        assert_eq!(at(&t, "review-1"), ("2026-03-30".into(), 5));
    }

    #[test]
    fn the_picture_spans_the_timetable_and_places_dates_in_order() {
        let t = tracker(&case("local-a", false), "2026-06-15");
        // Nothing falls before the issue date here.
        assert_eq!(t.first_day, t.issued);
        assert_eq!(t.last_day, d("2026-08-30"));
        assert_eq!(t.position(t.first_day), 0.0);
        assert_eq!(t.position(d("2027-01-01")), 1.0);
        let (a, b) = (t.position(t.issued), t.position(t.today));
        assert!(a == 0.0 && a < b && b < 1.0);
        // A review due before issue widens the picture to the left.
        let mut early = case("local-a", false);
        let mut ico = early.events.iter().find(|e| e.id == "ico").unwrap().clone();
        ico.date = d("2026-02-02");
        early.update(Part::Event(ico), "t").unwrap();
        let t = tracker(&early, "2026-06-15");
        assert_eq!(at(&t, "review-1"), ("2026-02-23".into(), 0));
        assert_eq!(t.first_day, d("2026-02-23"));
        assert!(t.position(t.issued) > 0.0);
        assert_eq!(t.week_start(19), d("2026-07-06"));
        assert!(tracker(&case("local-a", false), "2026-06-15")
            .concluded
            .is_none());
    }

    #[test]
    fn no_tracker_before_proceedings_are_issued() {
        let case = Case::new(
            "c",
            Child {
                name: "A".into(),
                ..Child::default()
            },
        );
        let profiles = builtin_profiles();
        let schedule = Scheduler::new(catalogue(), &profiles[0], &profiles[0])
            .schedule(&case, d("2026-06-15"));
        assert!(Tracker::of(&case, &schedule, d("2026-06-15")).is_none());
    }
}
