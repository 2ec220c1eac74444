//! The only place that knows about dates: bank holidays and their coverage, working days,
//! weeks, months, hours, and the difference between "within N of X" and "beginning with X".
//! Everything else asks it. The conventions are those of
//! `shared/design/national-timescales.md`; each function says which one it implements.

pub mod bank_holidays;
mod clock;
mod date;
mod period;
mod working_days;

pub use clock::{DateTime, Time};
pub use date::{days_in_month, is_leap_year, Date, Weekday};
pub use period::{Counting, Period};
pub use working_days::{
    add_working_days, bank_holiday, coverage, holidays_between, is_working_day,
    last_working_day_on_or_before, subtract_working_days, working_days_between, Counted,
};

use std::fmt;

/// Why a date could not be worked out. Always shown to the user as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// Working days were asked about a date the bank-holiday data does not cover.
    /// The app never guesses whether such a day is a holiday.
    OutsideCoverage { date: Date },
    /// An hour-based period was asked of an event recorded without a time.
    NeedsTime,
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::OutsideCoverage { date } => {
                let (first, last) = coverage();
                write!(
                    f,
                    "Working days cannot be counted for {date}: bank holidays are known only \
                     from {first} to {last}."
                )
            }
            CalendarError::NeedsTime => {
                write!(
                    f,
                    "This period is counted in hours, so the event needs a time as well as a date."
                )
            }
        }
    }
}

impl std::error::Error for CalendarError {}
