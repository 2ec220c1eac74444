//! Counting a timing from its anchor, extensions, and the plain-English working that the
//! app shows beside every date.

use super::instances::AnchorPoint;
use super::Item;
use crate::calendar::{Counting, Date, DateTime, Period, Time};
use crate::model::{Case, Event};
use crate::rules::{RuleDef, Timing};

/// The date (and time, for hours) a period gives, and how.
pub fn count(timing: &Timing, anchor: &AnchorPoint) -> Result<(Date, Option<Time>, String), String> {
    match *timing {
        Timing::After { period: Period::Hours(hours), .. } => {
            let time = anchor
                .time
                .ok_or("This period is counted in hours: record the time of the event as well as its date.")?;
            let start = DateTime::new(anchor.date, time);
            let end = start.add_hours(hours).map_err(|e| e.to_string())?;
            Ok((end.date, Some(end.time), format!("{hours} hours after {start}")))
        }
        Timing::After { period, counting } => {
            let counted = period.end(anchor.date, counting).map_err(|e| e.to_string())?;
            let how = match counting {
                Counting::After => "after",
                Counting::BeginningWith => "beginning with",
            };
            let working = format!("{} {how} {}{}", period.describe(), anchor.date, skipping(&counted.skipped_holidays));
            Ok((counted.date, None, working))
        }
        Timing::Before { period } => {
            let counted = period.before(anchor.date).map_err(|e| e.to_string())?;
            let working = match period {
                Period::Days(1) => format!("the day before {}", anchor.date),
                _ => format!("{} before {}{}", period.describe(), anchor.date, skipping(&counted.skipped_holidays)),
            };
            Ok((counted.date, None, working))
        }
        Timing::SameAs { .. } | Timing::DayBefore { .. } => unreachable!("counted from the other rule's date"),
    }
}

/// ", skipping 25 Dec, 26 Dec and 1 Jan": the weekday bank holidays passed over.
fn skipping(days: &[Date]) -> String {
    let names: Vec<String> = days.iter().map(|d| d.day_month()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => format!(", skipping {one}"),
        [rest @ .., last] => format!(", skipping {} and {last}", rest.join(", ")),
    }
}

/// Moves the date for each extension recorded after the anchor (CA 1989 s32(5), (8);
/// CPPCR reg 25): each ends at most `max_weeks` after the later of the current end date
/// and the day it was granted.
pub fn extend(case: &Case, rule: &RuleDef, anchor: &AnchorPoint, mut date: Date, mut working: String) -> Result<(Date, String), String> {
    let Some(extension) = &rule.extended_by else { return Ok((date, working)) };
    let mut grants: Vec<&Event> = case
        .events
        .iter()
        .filter(|e| extension.events.contains(&e.kind) && e.date >= anchor.date)
        .collect();
    grants.sort_by_key(|e| e.date);
    for grant in grants {
        match grant.attrs.weeks {
            Some(weeks) => {
                let weeks = weeks.min(extension.max_weeks);
                date = date.max(grant.date).add_days(7 * weeks as i32);
                working.push_str(&format!(", extended by {weeks} weeks on {} to {date}", grant.date));
            }
            None => working.push_str(&format!(
                ", and an extension on {} recorded without its length (not applied: record how many weeks)",
                grant.date
            )),
        }
    }
    Ok((date, working))
}

/// The lines of an item's explanation.
pub fn explain(item: &Item) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(anchor) = item.anchor_date {
        lines.push(format!("Counted from: {} ({anchor}).", item.anchor_text));
    }
    let both = item.national.is_some() && item.local.is_some();
    for (label, due) in [("National", &item.national), ("Local", &item.local)] {
        if let Some(due) = due {
            let at = due.time.map(|t| format!(" at {t}")).unwrap_or_default();
            let source = format!("{} {}", due.source.document, due.source.section);
            lines.push(format!("{label} ({}): {} = {}{at}.", source.trim(), due.working, due.date));
        }
    }
    if both {
        lines.push("The earlier date applies: a local procedure may be stricter than the law, never looser.".into());
    }
    if let Some(practical) = item.practical {
        lines.push(format!("That day is not a working day: aim for {practical}, the last working day before it."));
    }
    if let Some(done) = item.done {
        lines.push(format!("Done on {done}."));
    }
    lines.extend(item.problems.iter().cloned());
    lines
}
