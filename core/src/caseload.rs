//! The caseload: one row per case (its next deadline and how many are overdue or due soon),
//! searched, filtered and sorted as the practitioner asks.

use crate::calendar::Date;
use crate::engine::{Schedule, Status};
use crate::model::{Case, LegalBasis};

/// Days after the last backup when the caseload asks for a new one (issue 4: "more than 7
/// days old or never made").
pub const BACKUP_REMINDER_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub name: String,
    pub reference: String,
    pub legal_status: Option<LegalBasis>,
    pub next: Option<Next>,
    pub overdue: usize,
    /// Due today or within the next few working days.
    pub due_soon: usize,
}

/// The most pressing open deadline of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Next {
    pub rule: String,
    pub what: String,
    pub date: Date,
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    OverdueFirst,
    NextDeadline,
    Name,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Overdue,
    DueSoon,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::OverdueFirst, Sort::NextDeadline, Sort::Name];

    pub fn name(self) -> &'static str {
        match self {
            Sort::OverdueFirst => "overdue-first",
            Sort::NextDeadline => "next-deadline",
            Sort::Name => "name",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::OverdueFirst => "Most overdue first",
            Sort::NextDeadline => "Next deadline first",
            Sort::Name => "Child's name",
        }
    }

    pub fn from_name(name: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .unwrap_or_default()
    }
}

impl Filter {
    pub const ALL: [Filter; 3] = [Filter::All, Filter::Overdue, Filter::DueSoon];

    pub fn name(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Overdue => "overdue",
            Filter::DueSoon => "due-soon",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "All cases",
            Filter::Overdue => "With overdue deadlines",
            Filter::DueSoon => "With deadlines due soon",
        }
    }

    pub fn from_name(name: &str) -> Filter {
        Filter::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .unwrap_or_default()
    }
}

/// The caseload row of `case`, from its schedule (items are already overdue first).
pub fn row(case: &Case, schedule: &Schedule) -> Row {
    let open = |s: Status| {
        matches!(
            s,
            Status::Overdue | Status::DueToday | Status::DueSoon | Status::Upcoming
        )
    };
    let next = schedule
        .items
        .iter()
        .filter(|i| open(i.status))
        .filter_map(|i| {
            let date = i.practical.or(i.applicable().map(|d| d.date))?;
            Some(Next {
                rule: i.rule.to_string(),
                what: i.due_text.to_string(),
                date,
                status: i.status,
            })
        })
        .min_by_key(|n| (n.status != Status::Overdue, n.date));
    let count = |s: &[Status]| {
        schedule
            .items
            .iter()
            .filter(|i| s.contains(&i.status))
            .count()
    };
    Row {
        id: case.id.clone(),
        name: case.child.name.clone(),
        reference: case.child.reference.clone(),
        legal_status: schedule.facts.legal_status,
        next,
        overdue: count(&[Status::Overdue]),
        due_soon: count(&[Status::DueToday, Status::DueSoon]),
    }
}

/// The rows matching `search` (name or reference, any case) and `filter`, in `sort` order.
pub fn arrange(mut rows: Vec<Row>, search: &str, filter: Filter, sort: Sort) -> Vec<Row> {
    let needle = search.trim().to_lowercase();
    rows.retain(|r| {
        (needle.is_empty()
            || r.name.to_lowercase().contains(&needle)
            || r.reference.to_lowercase().contains(&needle))
            && match filter {
                Filter::All => true,
                Filter::Overdue => r.overdue > 0,
                Filter::DueSoon => r.due_soon > 0,
            }
    });
    let name = |r: &Row| r.name.to_lowercase();
    // Cases with no open deadline go last.
    let next_date = |r: &Row| (r.next.is_none(), r.next.as_ref().map(|n| n.date));
    match sort {
        Sort::OverdueFirst => {
            rows.sort_by_cached_key(|r| (std::cmp::Reverse(r.overdue), next_date(r), name(r)))
        }
        Sort::NextDeadline => rows.sort_by_cached_key(|r| (next_date(r), name(r))),
        Sort::Name => rows.sort_by_cached_key(|r| (name(r), r.reference.clone())),
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, overdue: usize, due_soon: usize, next: Option<(i32, u32, u32)>) -> Row {
        Row {
            id: name.to_lowercase(),
            name: name.into(),
            reference: format!("REF-{name}"),
            legal_status: None,
            next: next.map(|(y, m, d)| Next {
                rule: "review-1".into(),
                what: "First review".into(),
                date: Date::from_ymd(y, m, d).unwrap(),
                status: Status::Upcoming,
            }),
            overdue,
            due_soon,
        }
    }

    fn names(rows: Vec<Row>) -> Vec<String> {
        rows.into_iter().map(|r| r.name).collect()
    }

    #[test]
    fn overdue_first_then_by_date_and_filters_and_search() {
        let rows = vec![
            row("Amy", 0, 1, Some((2026, 12, 1))),
            row("Ben", 2, 0, Some((2026, 12, 9))),
            row("Cal", 1, 0, Some((2026, 11, 1))),
            row("Dee", 0, 0, None),
        ];
        assert_eq!(
            names(arrange(rows.clone(), "", Filter::All, Sort::OverdueFirst)),
            ["Ben", "Cal", "Amy", "Dee"]
        );
        assert_eq!(
            names(arrange(rows.clone(), "", Filter::All, Sort::NextDeadline)),
            ["Cal", "Amy", "Ben", "Dee"]
        );
        assert_eq!(
            names(arrange(rows.clone(), "", Filter::Overdue, Sort::Name)),
            ["Ben", "Cal"]
        );
        assert_eq!(
            names(arrange(rows.clone(), "", Filter::DueSoon, Sort::Name)),
            ["Amy"]
        );
        assert_eq!(
            names(arrange(rows.clone(), " ref-d ", Filter::All, Sort::Name)),
            ["Dee"]
        );
        assert_eq!(Sort::from_name("nonsense"), Sort::OverdueFirst);
    }
}
