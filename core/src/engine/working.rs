//! Counting a timing from its anchor, extensions, and the plain-English working that the
//! app shows beside every date. The working is kept as data and written out only when
//! shown, so scheduling a large caseload formats nothing.

use std::fmt;

use super::instances::AnchorPoint;
use super::Item;
use crate::calendar::{holidays_between, Counting, Date, DateTime, Period, Time};
use crate::model::EventIndex;
use crate::rules::{RuleDef, Timing};

/// How a date was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Working<'a> {
    pub how: How<'a>,
    /// Extensions applied, or recorded without a length (rare, so kept out of line).
    pub extensions: Option<Box<[ExtensionNote]>>,
}

/// The holidays a count of working days passed over are those between `from` and `to`,
/// so they are looked up when the working is shown rather than kept with every date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How<'a> {
    /// "20 working days after Mon 2 Dec 2024, skipping 25 Dec, 26 Dec and 1 Jan"
    After {
        period: Period,
        counting: Counting,
        from: Date,
        to: Date,
    },
    /// "72 hours after Mon 6 Jan 2025 at 15:30"
    Hours { hours: u32, from: DateTime },
    /// "5 working days before Fri 20 Feb 2025"
    Before {
        period: Period,
        from: Date,
        to: Date,
    },
    /// "by the second looked-after review (due), Thu 20 Mar 2025"
    Rule {
        what: &'a str,
        held: bool,
        date: Date,
        day_before: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtensionNote {
    Applied { weeks: u32, granted: Date, to: Date },
    WithoutLength { granted: Date },
}

impl fmt::Display for Working<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.how {
            How::After {
                period,
                counting,
                from,
                to,
            } => {
                let how = match counting {
                    Counting::After => "after",
                    Counting::BeginningWith => "beginning with",
                };
                write!(
                    f,
                    "{} {how} {from}{}",
                    period.describe(),
                    Skipping::of(*period, *from, *to)
                )?;
            }
            How::Hours { hours, from } => write!(f, "{hours} hours after {from}")?,
            How::Before {
                period: Period::Days(1),
                from,
                ..
            } => write!(f, "the day before {from}")?,
            How::Before { period, from, to } => write!(
                f,
                "{} before {from}{}",
                period.describe(),
                Skipping::of(*period, *from, *to)
            )?,
            How::Rule {
                what,
                held,
                date,
                day_before,
            } => {
                let when = if *held { "held" } else { "due" };
                let lead = if *day_before { "the day before" } else { "by" };
                write!(f, "{lead} the {} ({when}), {date}", what.to_lowercase())?;
            }
        }
        for note in self.extensions.as_deref().unwrap_or(&[]) {
            match note {
                ExtensionNote::Applied { weeks, granted, to } => {
                    write!(f, ", extended by {weeks} weeks on {granted} to {to}")?
                }
                ExtensionNote::WithoutLength { granted } => write!(
                    f,
                    ", and an extension on {granted} recorded without its length (not applied: record how many weeks)"
                )?,
            }
        }
        Ok(())
    }
}

/// ", skipping 25 Dec, 26 Dec and 1 Jan": the weekday bank holidays passed over.
struct Skipping<'a>(&'a [Date]);

impl Skipping<'static> {
    /// Only a count of working days skips holidays; other periods run through them.
    fn of(period: Period, from: Date, to: Date) -> Skipping<'static> {
        match period {
            Period::WorkingDays(_) => Skipping(holidays_between(from, to)),
            _ => Skipping(&[]),
        }
    }
}

impl fmt::Display for Skipping<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, day) in self.0.iter().enumerate() {
            let joiner = match i {
                0 => ", skipping ",
                i if i + 1 == self.0.len() => " and ",
                _ => ", ",
            };
            write!(f, "{joiner}{}", day.day_month())?;
        }
        Ok(())
    }
}

/// The date (and time, for hours) a period gives from the anchor, and how.
pub fn count<'a>(
    timing: &Timing,
    anchor: &AnchorPoint,
) -> Result<(Date, Option<Time>, How<'a>), String> {
    match *timing {
        Timing::After {
            period: Period::Hours(hours),
            ..
        } => {
            let time = anchor
                .time
                .ok_or("This period is counted in hours: record the time of the event as well as its date.")?;
            let from = DateTime::new(anchor.date, time);
            let end = from.add_hours(hours).map_err(|e| e.to_string())?;
            Ok((end.date, Some(end.time), How::Hours { hours, from }))
        }
        Timing::After { period, counting } => {
            let counted = period
                .end(anchor.date, counting)
                .map_err(|e| e.to_string())?;
            Ok((
                counted.date,
                None,
                How::After {
                    period,
                    counting,
                    from: anchor.date,
                    to: counted.date,
                },
            ))
        }
        Timing::Before { period } => {
            let counted = period.before(anchor.date).map_err(|e| e.to_string())?;
            Ok((
                counted.date,
                None,
                How::Before {
                    period,
                    from: anchor.date,
                    to: counted.date,
                },
            ))
        }
        Timing::SameAs { .. } | Timing::DayBefore { .. } => {
            unreachable!("counted from the other rule's date")
        }
    }
}

/// Moves the date for each extension recorded after the anchor (CA 1989 s32(5), (8);
/// CPPCR reg 25): each ends at most `max_weeks` after the later of the current end date
/// and the day it was granted.
pub fn extend(
    events: &EventIndex,
    rule: &RuleDef,
    anchor: &AnchorPoint,
    mut date: Date,
) -> (Date, Option<Box<[ExtensionNote]>>) {
    let mut notes = Vec::new();
    let Some(extension) = &rule.extended_by else {
        return (date, None);
    };
    let grants = extension.events.iter().flat_map(|kind| events.of(*kind));
    for grant in grants.filter(|e| e.date >= anchor.date) {
        match grant.attrs.weeks {
            Some(weeks) => {
                let weeks = weeks.min(extension.max_weeks);
                date = date.max(grant.date).add_days(7 * weeks as i32);
                notes.push(ExtensionNote::Applied {
                    weeks,
                    granted: grant.date,
                    to: date,
                });
            }
            None => notes.push(ExtensionNote::WithoutLength {
                granted: grant.date,
            }),
        }
    }
    (date, (!notes.is_empty()).then(|| notes.into_boxed_slice()))
}

/// The lines of an item's explanation.
pub fn explain(item: &Item) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(anchor) = item.anchor_date {
        lines.push(format!("Counted from: {} ({anchor}).", item.anchor_text));
    }
    for (label, due) in [("National", &item.national), ("Local", &item.local)] {
        if let Some(due) = due {
            let at = due.time.map(|t| format!(" at {t}")).unwrap_or_default();
            let source = format!("{} {}", due.source.document, due.source.section);
            lines.push(format!(
                "{label} ({}): {} = {}{at}.",
                source.trim(),
                due.working,
                due.date
            ));
        }
    }
    if item.national.is_some() && item.local.is_some() {
        lines.push("The earlier date applies: a local procedure may be stricter than the law, never looser.".into());
    }
    if let Some(practical) = item.practical {
        lines.push(format!(
            "That day is not a working day: aim for {practical}, the last working day before it."
        ));
    }
    if let Some(done) = item.done {
        lines.push(format!("Done on {done}."));
    }
    lines.extend(item.problems.iter().cloned());
    lines
}
