//! The schedule engine: (case, profile, today) → every rule instance with its dates, its
//! status and why. A pure function: no clock ("today" is an argument, which is also what
//! the trainer's pretend clock sets), no I/O.

mod conditions;
pub mod facts;
mod instances;
mod working;

pub use facts::{Eligibility, Facts, TimeLookedAfter};
pub use working::{ExtensionNote, How, Working};

use std::collections::HashMap;

use crate::calendar::{add_working_days, last_working_day_on_or_before, Date, Time};
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
pub struct Due<'a> {
    pub date: Date,
    /// For hour limits.
    pub time: Option<Time>,
    /// Shown as "20 working days after Mon 2 Dec 2024, skipping 25 Dec, 26 Dec and 1 Jan".
    pub working: Working<'a>,
    pub source: &'a SourceRef,
}

impl Due<'_> {
    /// For choosing the earlier of two dates: a date without a time lasts all day.
    fn moment(&self) -> (Date, Time) {
        (
            self.date,
            self.time
                .unwrap_or(Time::from_hm(23, 59).expect("a real time")),
        )
    }
}

/// Which profile's date applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    National,
    Local,
}

/// One instance of one rule in a case. Borrows its text from the catalogue, the
/// profiles and the case it was scheduled from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'a> {
    pub rule: &'a str,
    /// What is due, from the catalogue.
    pub due_text: &'a str,
    /// Stable within the case and rule (the anchor event's id): calendar UIDs use it.
    pub instance: &'a str,
    /// What it is counted from, in words, and the day.
    pub anchor_text: &'a str,
    pub anchor_date: Option<Date>,
    pub national: Option<Due<'a>>,
    pub local: Option<Due<'a>>,
    /// Which of the two applies: the earlier.
    pub applies: Option<Applies>,
    /// The last working day on or before the applicable date, where it is earlier.
    pub practical: Option<Date>,
    pub done: Option<Date>,
    pub status: Status,
    /// Why a date could not be worked out.
    pub problems: Vec<String>,
}

impl<'a> Item<'a> {
    /// The date that applies: the earlier of the national and local dates.
    pub fn applicable(&self) -> Option<&Due<'a>> {
        match self.applies? {
            Applies::National => self.national.as_ref(),
            Applies::Local => self.local.as_ref(),
        }
    }

    /// The plain-English explanation, one line per step.
    pub fn explanation(&self) -> Vec<String> {
        working::explain(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule<'a> {
    /// Overdue first, then by status and date.
    pub items: Vec<Item<'a>>,
    pub facts: Facts,
}

/// The schedule of `case` under `local` (layered on `national`) as it stands on `today`.
/// To schedule many cases under the same profiles, prepare a [`Scheduler`] once.
pub fn schedule<'a>(
    case: &'a Case,
    catalogue: &'a [RuleDef],
    national: &'a Profile,
    local: &'a Profile,
    today: Date,
) -> Schedule<'a> {
    Scheduler::new(catalogue, national, local).schedule(case, today)
}

/// The catalogue with each rule's national and local timing looked up once.
pub struct Scheduler<'a> {
    rules: Vec<Prepared<'a>>,
    /// Position in `rules` by rule id, for rules counted from another rule.
    position: HashMap<&'a str, usize>,
    /// The rule whose dates say when temporary approvals of connected persons end, which
    /// the `connected-person-temporary-approval` condition of later rules needs.
    approval_rule: Option<usize>,
}

struct Prepared<'a> {
    def: &'a RuleDef,
    national: Option<&'a RuleTiming>,
    local: Option<&'a RuleTiming>,
}

impl<'a> Scheduler<'a> {
    pub fn new(
        catalogue: &'a [RuleDef],
        national: &'a Profile,
        local: &'a Profile,
    ) -> Scheduler<'a> {
        let local = (local.id != national.id).then_some(local);
        let rules = catalogue
            .iter()
            .map(|def| Prepared {
                def,
                national: national.rules.get(&def.id),
                local: local.and_then(|p| p.rules.get(&def.id)),
            })
            .collect();
        let position: HashMap<&str, usize> = catalogue
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let approval_rule = position.get(conditions::TEMPORARY_APPROVAL_RULE).copied();
        Scheduler {
            rules,
            position,
            approval_rule,
        }
    }

    pub fn schedule(&self, case: &'a Case, today: Date) -> Schedule<'a> {
        let events = case.index();
        // Due soon: on or before the fifth working day from today.
        let soon = add_working_days(today, DUE_SOON_WORKING_DAYS)
            .ok()
            .map(|c| c.date);
        let mut items: Vec<Item<'a>> = Vec::with_capacity(self.rules.len() + case.events.len());
        // For each rule, the first of its items that has a date (rules counted from it).
        let mut first_dated: Vec<Option<usize>> = vec![None; self.rules.len()];
        let mut approvals: Vec<(Date, Date)> = Vec::new();
        for (index, prepared) in self.rules.iter().enumerate() {
            let rule = prepared.def;
            let first = items.len();
            if prepared.national.is_none() && prepared.local.is_none() {
                items.push(placeholder(rule, Status::NotApplicable));
            } else {
                let found = match &rule.from.rule {
                    Some(other) => from_rule(self.dated(other, &items, &first_dated)),
                    None => instances::find(&events, rule),
                };
                match found {
                    Found::Waiting => items.push(placeholder(rule, Status::Waiting)),
                    Found::NotApplicable => items.push(placeholder(rule, Status::NotApplicable)),
                    Found::Instances(found) => {
                        for instance in &found {
                            let env = Env {
                                case,
                                events: &events,
                                rule,
                                scheduler: self,
                                items: &items,
                                first_dated: &first_dated,
                                approvals: &approvals,
                                today,
                                soon,
                            };
                            let item = env.item(instance, prepared);
                            items.push(item);
                        }
                    }
                }
            }
            first_dated[index] = (first..items.len()).find(|&i| items[i].applies.is_some());
            if self.approval_rule == Some(index) {
                approvals.extend(
                    items[first..]
                        .iter()
                        .filter_map(|i| Some((i.anchor_date?, i.applicable()?.date))),
                );
            }
        }
        // Stable: items of equal status and date stay in catalogue order. Items are large,
        // so the keys are sorted and each item moved once.
        items.sort_by_cached_key(|i| (i.status, i.applicable().map(|d| (d.date, d.time))));
        Schedule {
            items,
            facts: facts::facts(case, &events, today),
        }
    }

    /// The first dated item of the rule named `rule`, if it has one yet.
    fn dated<'i>(
        &self,
        rule: &str,
        items: &'i [Item<'a>],
        first_dated: &[Option<usize>],
    ) -> Option<&'i Item<'a>> {
        let index = *self.position.get(rule)?;
        first_dated[index].map(|i| &items[i])
    }
}

/// A rule counted from another rule's date ("by review 2"): one instance, from that
/// rule's first dated instance, or waiting for it.
fn from_rule<'a>(other: Option<&Item<'a>>) -> Found<'a> {
    match other.and_then(|item| Some((item, item.applicable()?))) {
        Some((item, due)) => Found::Instances(vec![Instance {
            key: item.instance,
            anchor: AnchorPoint {
                date: item.done.unwrap_or(due.date),
                time: None,
                event: None,
            },
            done: None,
        }]),
        None => Found::Waiting,
    }
}

fn placeholder(rule: &RuleDef, status: Status) -> Item<'_> {
    Item {
        rule: &rule.id,
        due_text: &rule.due,
        instance: "",
        anchor_text: &rule.anchor,
        anchor_date: None,
        national: None,
        local: None,
        applies: None,
        practical: None,
        done: None,
        status,
        problems: Vec::new(),
    }
}

struct Env<'a, 'i> {
    case: &'a Case,
    events: &'i crate::model::EventIndex<'a>,
    rule: &'a RuleDef,
    scheduler: &'i Scheduler<'a>,
    items: &'i [Item<'a>],
    first_dated: &'i [Option<usize>],
    approvals: &'i [(Date, Date)],
    today: Date,
    soon: Option<Date>,
}

impl<'a> Env<'a, '_> {
    fn item(&self, instance: &Instance<'a>, timings: &Prepared<'a>) -> Item<'a> {
        let mut problems = Vec::new();
        let mut due_under =
            |timing: Option<&'a RuleTiming>| match timing.map(|t| self.due(t, instance)) {
                Some(Ok(due)) => due,
                Some(Err(problem)) => {
                    problems.push(problem);
                    None
                }
                None => None,
            };
        let national = due_under(timings.national);
        let local = due_under(timings.local);
        let applies = match (&national, &local) {
            (Some(n), Some(l)) if l.moment() < n.moment() => Some(Applies::Local),
            (Some(_), _) => Some(Applies::National),
            (None, Some(_)) => Some(Applies::Local),
            (None, None) => None,
        };
        let applicable = match applies {
            Some(Applies::National) => national.as_ref(),
            Some(Applies::Local) => local.as_ref(),
            None => None,
        };
        let practical = applicable.and_then(|due| match last_working_day_on_or_before(due.date) {
            Ok(day) if day < due.date => Some(day),
            Ok(_) => None,
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        });
        let status = match applicable {
            _ if !problems.is_empty() && applicable.is_none() => Status::CannotCompute,
            None => Status::NotApplicable,
            Some(due) => status(due.date, instance.done, self.today, self.soon),
        };
        Item {
            rule: &self.rule.id,
            due_text: &self.rule.due,
            instance: instance.key,
            anchor_text: &self.rule.anchor,
            anchor_date: Some(instance.anchor.date),
            national,
            local,
            applies,
            practical,
            done: instance.done,
            status,
            problems,
        }
    }

    /// The date one profile's timing gives this instance, if the profile sets one.
    fn due(
        &self,
        timing: &'a RuleTiming,
        instance: &Instance<'a>,
    ) -> Result<Option<Due<'a>>, String> {
        let context = Context {
            case: self.case,
            events: self.events,
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
        let Some(chosen) = chosen else {
            return Ok(None);
        };
        let (date, time, how) = self.count(chosen, &instance.anchor)?;
        let (date, extensions) = working::extend(self.events, self.rule, &instance.anchor, date);
        Ok(Some(Due {
            date,
            time,
            working: Working { how, extensions },
            source: &timing.source,
        }))
    }

    fn count(
        &self,
        timing: &Timing,
        anchor: &AnchorPoint,
    ) -> Result<(Date, Option<Time>, How<'a>), String> {
        match timing {
            Timing::SameAs { rule } | Timing::DayBefore { rule } => {
                // Another rule's date: when it was done, else the date that applies to it.
                let item = self.scheduler.dated(rule, self.items, self.first_dated);
                let item = item.ok_or_else(|| format!("Waiting for the date of {rule}."))?;
                let date = item
                    .done
                    .unwrap_or(item.applicable().expect("found with a date").date);
                let day_before = matches!(timing, Timing::DayBefore { .. });
                let how = How::Rule {
                    what: item.due_text,
                    held: item.done.is_some(),
                    date,
                    day_before,
                };
                Ok((if day_before { date.add_days(-1) } else { date }, None, how))
            }
            _ => working::count(timing, anchor),
        }
    }
}

/// `soon` is the fifth working day after today (none beyond the bank-holiday data).
fn status(due: Date, done: Option<Date>, today: Date, soon: Option<Date>) -> Status {
    match done {
        Some(done) if done <= due => Status::DoneOnTime,
        Some(_) => Status::DoneLate,
        None if today > due => Status::Overdue,
        None if today == due => Status::DueToday,
        None if soon.is_some_and(|soon| due <= soon) => Status::DueSoon,
        None => Status::Upcoming,
    }
}

#[cfg(test)]
mod tests;
