//! What the practitioner types into a form, checked: either the value, or one message per
//! field in the GOV.UK style ("Date of birth must include a month"), each naming the input
//! it belongs to so that the error summary can link to it.

use crate::calendar::{Date, Time};
use crate::model::{Attrs, Child, Event, EventKind, LegalBasis, PlacementType};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The id of the input to move to (for a date, its day input).
    pub field: String,
    pub message: String,
}

fn error(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.to_string(),
        message: message.into(),
    }
}

/// A date as typed in three boxes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateParts {
    pub fn of(date: Option<Date>) -> DateParts {
        date.map_or_else(DateParts::default, |d| DateParts {
            day: d.day().to_string(),
            month: d.month().to_string(),
            year: d.year().to_string(),
        })
    }

    fn is_blank(&self) -> bool {
        [&self.day, &self.month, &self.year]
            .iter()
            .all(|p| p.trim().is_empty())
    }
}

/// Reads a date input whose boxes have ids `{field}-day`, `-month`, `-year`; `label` starts
/// each message ("Date of birth"). A blank optional date is `None`.
pub fn read_date(
    field: &str,
    label: &str,
    parts: &DateParts,
    required: bool,
) -> Result<Option<Date>, FieldError> {
    let day_field = format!("{field}-day");
    if parts.is_blank() {
        return if required {
            Err(error(
                &day_field,
                format!("Enter the {}", label.to_lowercase()),
            ))
        } else {
            Ok(None)
        };
    }
    let missing: Vec<&str> = [
        ("day", &parts.day),
        ("month", &parts.month),
        ("year", &parts.year),
    ]
    .iter()
    .filter(|(_, v)| v.trim().is_empty())
    .map(|(name, _)| *name)
    .collect();
    if !missing.is_empty() {
        let first = format!("{field}-{}", missing[0]);
        return Err(error(
            &first,
            format!("{label} must include a {}", missing.join(" and a ")),
        ));
    }
    let number = |s: &str| s.trim().parse::<u32>().ok();
    let year_text = parts.year.trim();
    if year_text.len() != 4 {
        return Err(error(
            &format!("{field}-year"),
            format!("{label}: the year must be 4 numbers, such as 2026"),
        ));
    }
    match (number(&parts.day), number(&parts.month), number(year_text)) {
        (Some(d), Some(m), Some(y)) => match Date::from_ymd(y as i32, m, d) {
            Some(date) => Ok(Some(date)),
            None => Err(error(&day_field, format!("{label} must be a real date"))),
        },
        _ => Err(error(
            &day_field,
            format!("{label} must be a real date, in numbers"),
        )),
    }
}

/// Reads the child's details.
pub fn read_child(
    name: &str,
    reference: &str,
    born: &DateParts,
    today: Date,
) -> Result<Child, Vec<FieldError>> {
    let mut errors = Vec::new();
    if name.trim().is_empty() {
        errors.push(error("name", "Enter the child's name or initials"));
    }
    let date_of_birth = match read_date("date-of-birth", "Date of birth", born, false) {
        Ok(Some(d)) if d > today => {
            errors.push(error(
                "date-of-birth-day",
                "Date of birth must be today or in the past",
            ));
            None
        }
        Ok(d) => d,
        Err(e) => {
            errors.push(e);
            None
        }
    };
    if errors.is_empty() {
        Ok(Child {
            name: name.trim().to_string(),
            reference: reference.trim().to_string(),
            date_of_birth,
        })
    } else {
        Err(errors)
    }
}

/// An event form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventInput {
    pub kind: String,
    pub date: DateParts,
    /// `HH:MM`, or empty.
    pub time: String,
    pub basis: String,
    pub placement: String,
    pub emergency: bool,
    pub long_term: bool,
    pub until_18: bool,
    /// "planned", "unplanned" or empty.
    pub planned: String,
    pub weeks: String,
    pub rule: String,
}

impl EventInput {
    /// The form filled in from a recorded event, for changing it.
    pub fn of(event: &Event) -> EventInput {
        let a = &event.attrs;
        EventInput {
            kind: event.kind.name().into(),
            date: DateParts::of(Some(event.date)),
            time: event.time.map(|t| t.to_string()).unwrap_or_default(),
            basis: a.basis.map(|b| b.name().to_string()).unwrap_or_default(),
            placement: a
                .placement
                .map(|p| p.name().to_string())
                .unwrap_or_default(),
            emergency: a.emergency,
            long_term: a.long_term,
            until_18: a.until_18,
            planned: match a.planned {
                Some(true) => "planned".into(),
                Some(false) => "unplanned".into(),
                None => String::new(),
            },
            weeks: a.weeks.map(|w| w.to_string()).unwrap_or_default(),
            rule: a.rule.clone().unwrap_or_default(),
        }
    }
}

/// Reads an event form into an event with id `id`; only the fields its kind uses are kept.
pub fn read_event(id: &str, input: &EventInput) -> Result<Event, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = EventKind::from_name(&input.kind);
    if kind.is_none() {
        errors.push(error("kind", "Select what happened"));
    }
    let date = read_date("date", "Date", &input.date, true)
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let time = match input.time.trim() {
        "" => None,
        text => match Time::parse(text) {
            Some(t) => Some(t),
            None => {
                errors.push(error(
                    "time",
                    "Enter the time as hours and minutes on the 24-hour clock, such as 17:30",
                ));
                None
            }
        },
    };
    let mut attrs = Attrs::default();
    match kind {
        Some(EventKind::BecameLookedAfter) => match LegalBasis::from_name(&input.basis) {
            Some(b) => attrs.basis = Some(b),
            None => errors.push(error("basis", "Select the legal basis")),
        },
        Some(EventKind::PlacementStarted) => {
            match PlacementType::from_name(&input.placement) {
                Some(p) => attrs.placement = Some(p),
                None => errors.push(error("placement", "Select the type of placement")),
            }
            attrs.emergency = input.emergency;
            attrs.long_term = input.long_term;
            attrs.until_18 = input.until_18;
        }
        Some(EventKind::CeasedLookedAfter) => {
            attrs.planned = match input.planned.as_str() {
                "planned" => Some(true),
                "unplanned" => Some(false),
                _ => {
                    errors.push(error("planned", "Select whether it was planned"));
                    None
                }
            }
        }
        Some(EventKind::ExtensionGranted | EventKind::ConnectedPersonExtended) => {
            match input.weeks.trim().parse::<u32>() {
                Ok(w) if (1..=52).contains(&w) => attrs.weeks = Some(w),
                _ => errors.push(error(
                    "weeks",
                    "Enter the length of the extension in whole weeks, from 1 to 52",
                )),
            }
        }
        Some(EventKind::DutyCompleted) => match input.rule.trim() {
            "" => errors.push(error("rule", "Select the duty that was done")),
            rule => attrs.rule = Some(rule.to_string()),
        },
        _ => {}
    }
    match (kind, date) {
        (Some(kind), Some(date)) if errors.is_empty() => Ok(Event {
            id: id.to_string(),
            kind,
            date,
            time,
            attrs,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(d: &str, m: &str, y: &str) -> DateParts {
        DateParts {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        }
    }

    fn message(r: Result<Option<Date>, FieldError>) -> String {
        let e = r.unwrap_err();
        format!("{}: {}", e.field, e.message)
    }

    #[test]
    fn dates_are_read_with_govuk_messages() {
        assert_eq!(
            read_date("d", "Date", &parts(" 3", "11", "2026"), true),
            Ok(Date::from_ymd(2026, 11, 3))
        );
        assert_eq!(read_date("d", "Date", &parts("", "", ""), false), Ok(None));
        assert_eq!(
            message(read_date("d", "Date of visit", &parts("", "", ""), true)),
            "d-day: Enter the date of visit"
        );
        assert_eq!(
            message(read_date("d", "Date", &parts("3", "", ""), true)),
            "d-month: Date must include a month and a year"
        );
        assert_eq!(
            message(read_date("d", "Date", &parts("31", "2", "2026"), true)),
            "d-day: Date must be a real date"
        );
        assert_eq!(
            message(read_date("d", "Date", &parts("1", "2", "26"), true)),
            "d-year: Date: the year must be 4 numbers, such as 2026"
        );
        assert_eq!(
            message(read_date("d", "Date", &parts("x", "2", "2026"), true)),
            "d-day: Date must be a real date, in numbers"
        );
    }

    #[test]
    fn an_event_keeps_only_what_its_kind_uses_and_round_trips_through_the_form() {
        let input = EventInput {
            kind: "placement_started".into(),
            date: parts("2", "11", "2026"),
            time: "17:30".into(),
            placement: "foster".into(),
            emergency: true,
            weeks: "9".into(),
            ..EventInput::default()
        };
        let event = read_event("e1", &input).unwrap();
        assert_eq!(event.attrs.weeks, None);
        assert_eq!(read_event("e1", &EventInput::of(&event)), Ok(event));
        let errors = read_event(
            "e1",
            &EventInput {
                kind: "became_looked_after".into(),
                ..EventInput::default()
            },
        )
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["date-day", "basis"]);
    }
}
