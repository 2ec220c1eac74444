//! Which instances a rule has in a case (what each is counted from), and when each was done.

use std::borrow::Cow;

use crate::calendar::{Date, Time};
use crate::model::{Event, EventIndex, EventKind};
use crate::rules::{EventMatch, Filter, Instances, RuleDef};

/// What one instance of a rule is counted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorPoint<'a> {
    pub date: Date,
    pub time: Option<Time>,
    /// The event, unless the anchor is another rule's date.
    pub event: Option<&'a Event>,
}

#[derive(Debug, Clone)]
pub struct Instance<'a> {
    /// Stable key: the anchor event's id (or the other rule's, for rule-derived anchors).
    pub key: &'a str,
    pub anchor: AnchorPoint<'a>,
    /// When the duty was done, if it was.
    pub done: Option<Date>,
}

pub enum Found<'a> {
    Instances(Vec<Instance<'a>>),
    /// The anchor event has not happened yet.
    Waiting,
    /// Anchor events exist but none qualifies (a section 20 rule for a care order).
    NotApplicable,
}

fn matches(event: &Event, filter: &Filter) -> bool {
    let a = &event.attrs;
    filter.basis.is_none_or(|b| a.basis == Some(b))
        && filter.placement.is_none_or(|p| a.placement == Some(p))
        && filter.emergency.is_none_or(|e| a.emergency == e)
        && filter.planned.is_none_or(|p| a.planned == Some(p))
}

/// Events of any of `kinds`, in date order: the index's own slice for one kind (nearly
/// every rule), a merged copy for several.
fn of_kinds<'i, 'a>(events: &'i EventIndex<'a>, kinds: &[EventKind]) -> Cow<'i, [&'a Event]> {
    match kinds {
        [kind] => Cow::Borrowed(events.of(*kind)),
        _ => {
            let mut merged: Vec<&Event> =
                kinds.iter().flat_map(|k| events.of(*k)).copied().collect();
            merged.sort_by_key(|e| (e.date, e.time));
            Cow::Owned(merged)
        }
    }
}

/// Events of any of `kinds` passing `filter`, in date order.
fn occurrences<'a>(
    events: &EventIndex<'a>,
    kinds: &[EventKind],
    filter: &Filter,
) -> Vec<&'a Event> {
    of_kinds(events, kinds)
        .iter()
        .copied()
        .filter(|e| matches(e, filter))
        .collect()
}

fn point(event: &Event) -> AnchorPoint<'_> {
    AnchorPoint {
        date: event.date,
        time: event.time,
        event: Some(event),
    }
}

/// The instances of an event-anchored rule.
pub fn find<'a>(case: &EventIndex<'a>, rule: &RuleDef) -> Found<'a> {
    let from = &rule.from;
    let qualifying =
        |kinds: &[EventKind]| -> Vec<&'a Event> { occurrences(case, kinds, &from.filter) };
    let starts: Vec<&Event> = match (rule.instances, from.nth) {
        (_, Some(nth)) => qualifying(&from.events)
            .get(nth - 1)
            .copied()
            .into_iter()
            .collect(),
        // One instance: the first kind listed that occurs is preferred.
        (Instances::First | Instances::Chain, None) => from
            .events
            .iter()
            .find_map(|kind| {
                case.of(*kind)
                    .iter()
                    .copied()
                    .find(|e| matches(e, &from.filter))
            })
            .into_iter()
            .collect(),
        (Instances::Each, None) => qualifying(&from.events),
    };
    if starts.is_empty() {
        let any_at_all = from.events.iter().any(|kind| !case.of(*kind).is_empty());
        return if from.filter != Filter::default() && any_at_all {
            Found::NotApplicable
        } else {
            Found::Waiting
        };
    }
    let mut instances = match rule.instances {
        Instances::Chain => chain(case, rule, starts[0]),
        Instances::First | Instances::Each => starts
            .iter()
            .enumerate()
            .map(|(i, event)| {
                // Completions from this anchor until the next belong to it; the first
                // instance also takes those recorded before it (a plan agreed in advance).
                let window = (
                    (i > 0).then_some(event.date),
                    starts.get(i + 1).map(|e| e.date),
                );
                Instance {
                    key: &event.id,
                    anchor: point(event),
                    done: done(case, rule, event, window),
                }
            })
            .collect(),
    };
    if let Some(ending) = &rule.ended_by {
        let first = starts[0].date;
        let end = of_kinds(case, &ending.events)
            .iter()
            .map(|e| e.date)
            .find(|d| *d >= first);
        if let Some(end) = end {
            // The first instance stays: its duty ended, done or not. A later one stays only
            // if it was done before the end; the end made the others moot (after the last
            // PLO review, no next review is due once proceedings are issued).
            let mut index = 0;
            instances.retain(|i| {
                index += 1;
                index == 1 || (i.anchor.date < end && i.done.is_some_and(|d| d <= end))
            });
            for instance in &mut instances {
                instance.done = Some(instance.done.map_or(end, |d| d.min(end)));
            }
        }
    }
    Found::Instances(instances)
}

/// A recurring duty: counted from the first occurrence, then from each time it was done.
fn chain<'a>(case: &EventIndex<'a>, rule: &RuleDef, start: &'a Event) -> Vec<Instance<'a>> {
    let mut links = vec![start];
    let later = completions(case, rule)
        .into_iter()
        .filter(|e| !std::ptr::eq(*e, start) && (e.date, e.time) >= (start.date, start.time));
    links.extend(later);
    links
        .iter()
        .enumerate()
        .map(|(i, event)| Instance {
            key: &event.id,
            anchor: point(event),
            done: links.get(i + 1).map(|next| next.date),
        })
        .collect()
}

/// The events that show this rule's duty done: its `done_by` kind, or `duty_completed`
/// events naming it.
fn completions<'a>(case: &EventIndex<'a>, rule: &RuleDef) -> Vec<&'a Event> {
    match &rule.done_by {
        Some(EventMatch { events, .. }) => of_kinds(case, events).into_owned(),
        None => duty_completions(case, rule).collect(),
    }
}

fn duty_completions<'i, 'a>(
    case: &'i EventIndex<'a>,
    rule: &'i RuleDef,
) -> impl Iterator<Item = &'a Event> + 'i {
    case.of(EventKind::DutyCompleted)
        .iter()
        .copied()
        .filter(|e| e.attrs.rule.as_deref() == Some(rule.id.as_str()))
}

/// When the instance counted from `anchor` was done. `window` is where its completions
/// may fall: from its own anchor (none for the first instance) until the next anchor.
fn done(
    case: &EventIndex,
    rule: &RuleDef,
    anchor: &Event,
    window: (Option<Date>, Option<Date>),
) -> Option<Date> {
    let in_window = |date: Date| {
        window.0.is_none_or(|from| date >= from) && window.1.is_none_or(|next| date < next)
    };
    let by_event = rule.done_by.as_ref().and_then(|m| {
        let events = of_kinds(case, &m.events);
        match m.nth {
            Some(nth) => events.get(nth - 1).map(|e| e.date),
            None => events
                .iter()
                .find(|e| {
                    !std::ptr::eq(**e, anchor)
                        && e.date >= anchor.date
                        && window.1.is_none_or(|next| e.date < next)
                })
                .map(|e| e.date),
        }
    });
    let by_duty = duty_completions(case, rule)
        .filter(|e| match &e.attrs.anchor {
            Some(id) => *id == anchor.id,
            None => in_window(e.date),
        })
        .map(|e| e.date)
        .min();
    by_event.into_iter().chain(by_duty).min()
}
