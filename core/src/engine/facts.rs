//! Facts derived from the events that the rules and wizards need: periods of care, time
//! looked after, eligible-child status, the week of care proceedings.

use crate::calendar::{working_days_between, Date, Period};
use crate::model::{Case, Event, EventIndex, EventKind, LegalBasis};

/// 13 weeks (CA 1989 Sch 2 para 19B; CPPCR reg 40), as a period so the calendar counts it.
const ELIGIBLE_TIME: Period = Period::Weeks(13);
/// Needs assessment within 3 months of the 16th birthday or of becoming eligible (reg 42).
const NEEDS_ASSESSMENT: Period = Period::Months(3);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub age: Option<i32>,
    /// The legal basis of the latest period of care, while looked after.
    pub legal_status: Option<LegalBasis>,
    /// Start and end (`None`: still looked after) of each period of care.
    pub periods_of_care: Vec<(Date, Option<Date>)>,
    pub looked_after: Option<TimeLookedAfter>,
    pub eligible: Eligibility,
    /// Week N of care proceedings today (week 1 begins on the issue date).
    pub proceedings_week: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeLookedAfter {
    /// Calendar days, all periods of care together, up to today.
    pub days: i32,
    /// Working days after the day each period began, up to its end or today.
    pub working_days: Result<u32, String>,
}

impl TimeLookedAfter {
    pub fn whole_weeks(&self) -> i32 {
        self.days / 7
    }

    /// "16 weeks (81 working days)".
    pub fn describe(&self) -> String {
        let weeks = plural(self.whole_weeks(), "week");
        match &self.working_days {
            Ok(days) => format!("{weeks} ({})", plural(*days as i32, "working day")),
            Err(problem) => format!("{weeks} ({problem})"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Eligibility {
    /// The date of birth is not recorded.
    Unknown,
    NotEligible {
        reason: String,
    },
    Eligible {
        since: Date,
        assessment_due: Date,
        reason: String,
    },
}

pub fn facts(case: &Case, events: &EventIndex, today: Date) -> Facts {
    let periods = periods_of_care(&events.sorted, today);
    let looked_after_now = periods.last().is_some_and(|(_, end)| end.is_none());
    let legal_status = looked_after_now
        .then(|| events.latest(EventKind::BecameLookedAfter, today))
        .flatten()
        .and_then(|e| e.attrs.basis);
    Facts {
        age: case.age_on(today),
        legal_status,
        looked_after: (!periods.is_empty()).then(|| time_looked_after(&periods, today)),
        eligible: eligibility(case, &periods, today),
        proceedings_week: proceedings_week(events, today),
        periods_of_care: periods,
    }
}

/// Each `became_looked_after` opens a period unless one is open; each
/// `ceased_looked_after` closes the open one. Events after today are not yet facts.
fn periods_of_care(sorted: &[&Event], today: Date) -> Vec<(Date, Option<Date>)> {
    let events = sorted.iter().filter(|e| {
        matches!(
            e.kind,
            EventKind::BecameLookedAfter | EventKind::CeasedLookedAfter
        ) && e.date <= today
    });
    let mut periods: Vec<(Date, Option<Date>)> = Vec::new();
    for event in events {
        let open = periods.last().is_some_and(|(_, end)| end.is_none());
        match (event.kind, open) {
            (EventKind::BecameLookedAfter, false) => periods.push((event.date, None)),
            (EventKind::CeasedLookedAfter, true) => {
                periods.last_mut().expect("open").1 = Some(event.date)
            }
            _ => {}
        }
    }
    periods
}

fn time_looked_after(periods: &[(Date, Option<Date>)], today: Date) -> TimeLookedAfter {
    let mut days = 0;
    let mut working_days = Ok(0);
    for (start, end) in periods {
        let end = end.unwrap_or(today).min(today);
        days += start.days_until(end).max(0);
        working_days = working_days.and_then(|total| {
            working_days_between(*start, end)
                .map(|n| total + n)
                .map_err(|e| e.to_string())
        });
    }
    TimeLookedAfter { days, working_days }
}

/// An eligible child (CA 1989 Sch 2 para 19B, CPPCR reg 40): aged 16 or 17, looked after
/// now, and looked after for at least 13 weeks in all since the age of 14.
fn eligibility(case: &Case, periods: &[(Date, Option<Date>)], today: Date) -> Eligibility {
    let Some(born) = case.child.date_of_birth else {
        return Eligibility::Unknown;
    };
    let age = today.whole_years_since(born);
    let not = |reason: &str| Eligibility::NotEligible {
        reason: reason.to_string(),
    };
    if age >= 18 {
        return not("Aged 18 or over: no longer a child looked after.");
    }
    if !periods.last().is_some_and(|(_, end)| end.is_none()) {
        return not("Not looked after now.");
    }
    let fourteen = born.add_years(14);
    let sixteen = born.add_years(16);
    let Period::Weeks(weeks) = ELIGIBLE_TIME else {
        unreachable!()
    };
    let needed = 7 * weeks as i32;
    // The day on which the time looked after since 14 reaches 13 weeks.
    let mut counted = 0;
    let mut reached = None;
    for (start, end) in periods {
        let from = (*start).max(fourteen);
        let to = end.unwrap_or(today).min(today);
        let days = from.days_until(to);
        if days <= 0 {
            continue;
        }
        if counted + days >= needed {
            reached = Some(from.add_days(needed - counted));
            break;
        }
        counted += days;
    }
    let Some(reached) = reached else {
        if age < 14 {
            return not(&format!(
                "Aged {age}: an eligible child is 16 or 17 and has been looked after for 13 weeks since the age of 14."
            ));
        }
        return not(&format!(
            "Looked after for {} of the 13 weeks needed since the age of 14.",
            plural_weeks(counted)
        ));
    };
    if age < 16 {
        return not(&format!(
            "Has been looked after for 13 weeks since the age of 14; becomes an eligible child at 16, on {sixteen}, if still looked after."
        ));
    }
    let since = reached.max(sixteen);
    let assessment_due = NEEDS_ASSESSMENT
        .end(since, crate::calendar::Counting::After)
        .map(|c| c.date)
        .unwrap_or(since);
    Eligibility::Eligible {
        since,
        assessment_due,
        reason: format!(
            "Aged 16 or 17, looked after now, and looked after for 13 weeks since the age of 14 (reached on {reached}); eligible since {since}."
        ),
    }
}

fn plural_weeks(days: i32) -> String {
    let (weeks, rest) = (days / 7, days % 7);
    match rest {
        0 => plural(weeks, "week"),
        _ => format!("{} and {}", plural(weeks, "week"), plural(rest, "day")),
    }
}

/// "1 week", "3 weeks".
pub fn plural(n: i32, unit: &str) -> String {
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

fn proceedings_week(events: &EventIndex, today: Date) -> Option<u32> {
    let issued = events
        .of(EventKind::ProceedingsIssued)
        .iter()
        .find(|e| e.date <= today)?;
    let concluded = events
        .of(EventKind::ProceedingsConcluded)
        .iter()
        .any(|e| e.date >= issued.date && e.date <= today);
    (!concluded).then(|| (issued.date.days_until(today) / 7 + 1) as u32)
}
