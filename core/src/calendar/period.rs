//! A period of time in the law's units, and the two ways the law counts it.

use super::{add_working_days, subtract_working_days, CalendarError, Counted, Date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    WorkingDays(u32),
    Days(u32),
    Weeks(u32),
    Months(u32),
    Hours(u32),
}

/// How the anchor day itself is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// "Within N of X", "no later than N after X": X is not counted (convention 1).
    After,
    /// "Beginning with X": X is day 1 (convention 2).
    BeginningWith,
}

impl Period {
    /// The last day of the period counted from `anchor`. Hours need a time: use
    /// [`super::DateTime::add_hours`].
    pub fn end(self, anchor: Date, counting: Counting) -> Result<Counted, CalendarError> {
        let plain = |date: Date| {
            Ok(Counted {
                date,
                skipped_holidays: Vec::new(),
            })
        };
        // "Beginning with" ends one day sooner than "after", for the same period.
        let back = match counting {
            Counting::After => 0,
            Counting::BeginningWith => -1,
        };
        match self {
            Period::Days(n) => plain(anchor.add_days(n as i32 + back)),
            Period::Weeks(n) => plain(anchor.add_days(7 * n as i32 + back)),
            Period::Months(n) => plain(anchor.add_months(n as i32).add_days(back)),
            Period::WorkingDays(n) => match counting {
                Counting::After => add_working_days(anchor, n),
                // X is day 1 when it is a working day; otherwise day 1 is the next one.
                Counting::BeginningWith if super::is_working_day(anchor)? => {
                    add_working_days(anchor, n.saturating_sub(1))
                }
                Counting::BeginningWith => add_working_days(anchor, n),
            },
            Period::Hours(_) => Err(CalendarError::NeedsTime),
        }
    }

    /// The day `self` before `date` ("papers 5 working days before the meeting").
    pub fn before(self, date: Date) -> Result<Counted, CalendarError> {
        let plain = |date: Date| {
            Ok(Counted {
                date,
                skipped_holidays: Vec::new(),
            })
        };
        match self {
            Period::Days(n) => plain(date.add_days(-(n as i32))),
            Period::Weeks(n) => plain(date.add_days(-7 * n as i32)),
            Period::Months(n) => plain(date.add_months(-(n as i32))),
            Period::WorkingDays(n) => subtract_working_days(date, n),
            Period::Hours(_) => Err(CalendarError::NeedsTime),
        }
    }

    /// "20 working days", "1 week", "3 months".
    pub fn describe(self) -> String {
        let (n, one, many) = match self {
            Period::WorkingDays(n) => (n, "working day", "working days"),
            Period::Days(n) => (n, "day", "days"),
            Period::Weeks(n) => (n, "week", "weeks"),
            Period::Months(n) => (n, "month", "months"),
            Period::Hours(n) => (n, "hour", "hours"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn end(period: Period, anchor: Date, counting: Counting) -> Date {
        period.end(anchor, counting).unwrap().date
    }

    #[test]
    fn twenty_six_weeks_beginning_with_the_issue_date() {
        // Convention 2: Monday 6 Jan 2025 → Sunday 6 Jul 2025 (issue date + 181 days).
        assert_eq!(
            end(Period::Weeks(26), d(2025, 1, 6), Counting::BeginningWith),
            d(2025, 7, 6)
        );
        assert_eq!(d(2025, 1, 6).add_days(181), d(2025, 7, 6));
    }

    #[test]
    fn within_does_not_count_the_anchor_day() {
        assert_eq!(
            end(Period::Days(7), d(2025, 3, 3), Counting::After),
            d(2025, 3, 10)
        );
        assert_eq!(
            end(Period::Weeks(1), d(2025, 3, 3), Counting::After),
            d(2025, 3, 10)
        );
        assert_eq!(
            end(Period::Months(3), d(2025, 11, 30), Counting::After),
            d(2026, 2, 28)
        );
    }

    #[test]
    fn beginning_with_counts_the_anchor_day() {
        assert_eq!(
            end(Period::Days(7), d(2025, 3, 3), Counting::BeginningWith),
            d(2025, 3, 9)
        );
        assert_eq!(
            end(Period::Months(3), d(2025, 1, 15), Counting::BeginningWith),
            d(2025, 4, 14)
        );
        // Mon 2 Dec 2024 is a working day, so it is day 1 of 20.
        assert_eq!(
            end(
                Period::WorkingDays(20),
                d(2024, 12, 2),
                Counting::BeginningWith
            ),
            d(2024, 12, 31)
        );
        // Sat 26 Dec 2026 is not, so day 1 is Tue 29 Dec.
        assert_eq!(
            end(
                Period::WorkingDays(1),
                d(2026, 12, 26),
                Counting::BeginningWith
            ),
            d(2026, 12, 29)
        );
    }

    #[test]
    fn periods_before_a_date() {
        assert_eq!(
            Period::WorkingDays(5).before(d(2025, 1, 10)).unwrap().date,
            d(2025, 1, 3)
        );
        assert_eq!(
            Period::Weeks(2).before(d(2025, 1, 10)).unwrap().date,
            d(2024, 12, 27)
        );
        assert_eq!(
            Period::Months(1).before(d(2025, 3, 31)).unwrap().date,
            d(2025, 2, 28)
        );
    }

    #[test]
    fn hours_need_a_time() {
        assert_eq!(
            Period::Hours(72).end(d(2025, 1, 6), Counting::After),
            Err(CalendarError::NeedsTime)
        );
    }

    #[test]
    fn periods_read_as_english() {
        assert_eq!(Period::WorkingDays(20).describe(), "20 working days");
        assert_eq!(Period::Weeks(1).describe(), "1 week");
        assert_eq!(Period::Hours(72).describe(), "72 hours");
    }
}
