//! The schedule engine: (case, profile, today) → every rule instance with its dates, its
//! status and why. A pure function: no clock ("today" is an argument, which is also what
//! the trainer's pretend clock sets), no I/O.

mod conditions;
pub mod facts;
mod instances;
mod working;

pub use facts::{Eligibility, Facts, TimeLookedAfter};

use crate::calendar::{last_working_day_on_or_before, working_days_between, Date, Time};
use crate::model::Case;
use crate::rules::{Profile, RuleDef, RuleTiming, SourceRef, Timing};
use conditions::Context;
use instances::{AnchorPoint, Found, Instance};

/// How many working days ahead a deadline counts as due soon.
pub const DUE_SOON_WORKING_DAYS: u32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Overdue,
    DueToday,
    DueSoon,
    Upcoming,
    /// The date cannot be worked out (a missing time or date of birth, a date beyond the
    /// bank-holiday data): the item says why.
    CannotCompute,
    /// The event it is counted from has not happened yet.
    Waiting,
    DoneLate,
    DoneOnTime,
    NotApplicable,
}

impl Status {
    /// As written in `data-status` and files.
    pub fn name(self) -> &'static str {
        match self {
            Status::Overdue => "overdue",
            Status::DueToday => "due-today",
            Status::DueSoon => "due-soon",
            Status::Upcoming => "upcoming",
            Status::CannotCompute => "cannot-compute",
            Status::Waiting => "waiting",
            Status::DoneLate => "done-late",
            Status::DoneOnTime => "done-on-time",
            Status::NotApplicable => "not-applicable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Overdue => "Overdue",
            Status::DueToday => "Due today",
            Status::DueSoon => "Due soon",
            Status::Upcoming => "Upcoming",
            Status::CannotCompute => "Cannot work out",
            Status::Waiting => "Waiting",
            Status::DoneLate => "Done late",
            Status::DoneOnTime => "Done on time",
            Status::NotApplicable => "Not applicable",
        }
    }
}

/// A date one profile sets for one instance, and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub date: Date,
    /// For hour limits.
    pub time: Option<Time>,
    /// "20 working days after Mon 2 Dec 2024, skipping 25 Dec, 26 Dec and 1 Jan"
    pub working: String,
    pub source: SourceRef,
}

/// One instance of one rule in a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub rule: String,
    /// What is due, from the catalogue.
    pub due_text: String,
    /// Stable within the case and rule (the anchor event's id): calendar UIDs use it.
    pub instance: String,
    /// What it is counted from, in words, and the day.
    pub anchor_text: String,
    pub anchor_date: Option<Date>,
    pub national: Option<Due>,
    pub local: Option<Due>,
    /// Which of the two applies: the earlier.
    pub applicable: Option<Due>,
    /// The last working day on or before the applicable date, where it is earlier.
    pub practical: Option<Date>,
    pub done: Option<Date>,
    pub status: Status,
    /// Why a date could not be worked out.
    pub problems: Vec<String>,
}

impl Item {
    /// The plain-English explanation, one line per step.
    pub fn explanation(&self) -> Vec<String> {
        working::explain(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// Overdue first, then by status and date.
    pub items: Vec<Item>,
    pub facts: Facts,
}

/// The schedule of `case` under `local` (layered on `national`) as it stands on `today`.
pub fn schedule(case: &Case, catalogue: &[RuleDef], national: &Profile, local: &Profile, today: Date) -> Schedule {
    let local = (local.id != national.id).then_some(local);
    let mut items: Vec<Item> = Vec::new();
    let mut approvals: Vec<(Date, Date)> = Vec::new();
    for rule in catalogue {
        let national_timing = national.rules.get(&rule.id);
        let local_timing = local.and_then(|p| p.rules.get(&rule.id));
        let new = if national_timing.is_none() && local_timing.is_none() {
            vec![placeholder(rule, Status::NotApplicable)]
        } else {
            let found = match &rule.from.rule {
                Some(other) => from_rule(other, &items),
                None => instances::find(case, rule),
            };
            match found {
                Found::Waiting => vec![placeholder(rule, Status::Waiting)],
                Found::NotApplicable => vec![placeholder(rule, Status::NotApplicable)],
                Found::Instances(found) => {
                    let timings = Timings { national: national_timing, local: local_timing };
                    let context = Env { case, rule, items: &items, approvals: &approvals, today };
                    found.iter().map(|instance| context.item(instance, &timings)).collect()
                }
            }
        };
        if rule.id == "connected-person-approval-expiry" {
            approvals.extend(new.iter().filter_map(|i| Some((i.anchor_date?, i.applicable.as_ref()?.date))));
        }
        items.extend(new);
    }
    items.sort_by_key(|i| (i.status, i.applicable.as_ref().map(|d| (d.date, d.time)), i.rule.clone()));
    Schedule { items, facts: facts::facts(case, today) }
}

/// A rule counted from another rule's date ("by review 2"): one instance, from that
/// rule's first instance, or waiting for it.
fn from_rule<'a>(other: &str, items: &[Item]) -> Found<'a> {
    let Some(item) = items.iter().find(|i| i.rule == other) else { return Found::Waiting };
    match (&item.applicable, item.status) {
        (_, Status::NotApplicable) => Found::NotApplicable,
        (Some(due), _) => Found::Instances(vec![Instance {
            key: item.instance.clone(),
            anchor: AnchorPoint { date: item.done.unwrap_or(due.date), time: None, event: None },
            done: None,
        }]),
        (None, _) => Found::Waiting,
    }
}

fn placeholder(rule: &RuleDef, status: Status) -> Item {
    Item {
        rule: rule.id.clone(),
        due_text: rule.due.clone(),
        instance: String::new(),
        anchor_text: rule.anchor.clone(),
        anchor_date: None,
        national: None,
        local: None,
        applicable: None,
        practical: None,
        done: None,
        status,
        problems: Vec::new(),
    }
}

struct Timings<'a> {
    national: Option<&'a RuleTiming>,
    local: Option<&'a RuleTiming>,
}

struct Env<'a> {
    case: &'a Case,
    rule: &'a RuleDef,
    items: &'a [Item],
    approvals: &'a [(Date, Date)],
    today: Date,
}

impl Env<'_> {
    fn item(&self, instance: &Instance, timings: &Timings) -> Item {
        let mut problems = Vec::new();
        let mut due_under = |timing: Option<&RuleTiming>| match timing.map(|t| self.due(t, instance)) {
            Some(Ok(due)) => due,
            Some(Err(problem)) => {
                problems.push(problem);
                None
            }
            None => None,
        };
        let national = due_under(timings.national);
        let local = due_under(timings.local);
        let applicable = [&national, &local]
            .into_iter()
            .flatten()
            .min_by_key(|d| (d.date, d.time.unwrap_or(Time::from_hm(23, 59).expect("a real time"))))
            .cloned();
        let practical = applicable.as_ref().and_then(|due| match last_working_day_on_or_before(due.date) {
            Ok(day) if day < due.date => Some(day),
            Ok(_) => None,
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        });
        let status = match &applicable {
            _ if !problems.is_empty() && applicable.is_none() => Status::CannotCompute,
            None => Status::NotApplicable,
            Some(due) => status(due.date, instance.done, self.today),
        };
        let anchor_event = instance.anchor.event.map(|e| e.kind.name());
        Item {
            rule: self.rule.id.clone(),
            due_text: self.rule.due.clone(),
            instance: instance.key.clone(),
            anchor_text: match anchor_event {
                Some(_) => self.rule.anchor.clone(),
                None => format!("{} (counted from its date)", self.rule.anchor),
            },
            anchor_date: Some(instance.anchor.date),
            national,
            local,
            applicable,
            practical,
            done: instance.done,
            status,
            problems,
        }
    }

    /// The date one profile's timing gives this instance, if the profile sets one.
    fn due(&self, timing: &RuleTiming, instance: &Instance) -> Result<Option<Due>, String> {
        let context = Context {
            case: self.case,
            date: instance.anchor.date,
            anchor_kind: instance.anchor.event.map(|e| e.kind),
            approvals: self.approvals,
        };
        let mut chosen = None;
        for case in &timing.cases {
            let mut all = true;
            for condition in &case.when {
                all &= context.holds(*condition)?;
            }
            if all {
                chosen = Some(&case.timing);
                break;
            }
        }
        let Some(chosen) = chosen else { return Ok(None) };
        let (date, time, working) = self.count(chosen, &instance.anchor)?;
        let (date, working) = working::extend(self.case, self.rule, &instance.anchor, date, working)?;
        Ok(Some(Due { date, time, working, source: timing.source.clone() }))
    }

    fn count(&self, timing: &Timing, anchor: &AnchorPoint) -> Result<(Date, Option<Time>, String), String> {
        match timing {
            Timing::SameAs { rule } | Timing::DayBefore { rule } => {
                let (date, what) = self.rule_date(rule)?;
                Ok(match timing {
                    Timing::SameAs { .. } => (date, None, format!("by {what}, {date}")),
                    _ => (date.add_days(-1), None, format!("the day before {what}, {date}")),
                })
            }
            _ => working::count(timing, anchor),
        }
    }

    /// Another rule's date: when it was done, else its applicable date.
    fn rule_date(&self, rule: &str) -> Result<(Date, String), String> {
        let item = self.items.iter().find(|i| i.rule == rule && i.applicable.is_some());
        let item = item.ok_or_else(|| format!("Waiting for the date of {rule}."))?;
        let due = item.applicable.as_ref().expect("filtered");
        let what = item.due_text.to_lowercase();
        Ok(match item.done {
            Some(done) => (done, format!("the {what} (held)")),
            None => (due.date, format!("the {what} (due)")),
        })
    }
}

fn status(due: Date, done: Option<Date>, today: Date) -> Status {
    match done {
        Some(done) if done <= due => Status::DoneOnTime,
        Some(_) => Status::DoneLate,
        None if today > due => Status::Overdue,
        None if today == due => Status::DueToday,
        None => match working_days_between(today, due) {
            Ok(n) if n <= DUE_SOON_WORKING_DAYS => Status::DueSoon,
            _ => Status::Upcoming,
        },
    }
}

#[cfg(test)]
mod tests;
