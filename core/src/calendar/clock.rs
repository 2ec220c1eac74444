//! Hour limits (convention 8): police protection 72 hours, placement planning meeting
//! within 72 hours, risk assessment within 24 hours. The law counts elapsed hours, and
//! times are recorded as UK clock time, so a period that spans a change to or from
//! British Summer Time ends an hour earlier or later on the clock.

use std::fmt;

use super::{coverage, CalendarError, Date, Weekday};

/// A time of day on the UK clock, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    minutes: u32,
}

impl Time {
    pub fn from_hm(hour: u32, minute: u32) -> Option<Time> {
        (hour < 24 && minute < 60).then_some(Time {
            minutes: hour * 60 + minute,
        })
    }

    /// Reads `HH:MM`.
    pub fn parse(text: &str) -> Option<Time> {
        let (h, m) = text.split_once(':')?;
        if h.len() != 2 || m.len() != 2 || !(h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        Time::from_hm(h.parse().ok()?, m.parse().ok()?)
    }

    pub fn hour(self) -> u32 {
        self.minutes / 60
    }

    pub fn minute(self) -> u32 {
        self.minutes % 60
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// In files a time is `HH:MM` on the 24-hour UK clock.
impl serde::Serialize for Time {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Time {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Time, D::Error> {
        let text = String::deserialize(deserializer)?;
        Time::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "\"{text}\" is not a time written as HH:MM on the 24-hour clock, such as \"17:30\""
            ))
        })
    }
}

/// A date and a time on the UK clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    pub date: Date,
    pub time: Time,
}

const MINUTES_PER_DAY: i64 = 24 * 60;

impl DateTime {
    pub fn new(date: Date, time: Time) -> DateTime {
        DateTime { date, time }
    }

    /// The UK clock time `hours` of elapsed time later. A clock time that occurs twice
    /// (the hour before summer time ends) is taken as its first occurrence.
    pub fn add_hours(self, hours: u32) -> Result<DateTime, CalendarError> {
        let end = from_utc(to_utc(self) + i64::from(hours) * 60);
        let (first, last) = coverage();
        for date in [self.date, end.date] {
            if date < first || date > last {
                return Err(CalendarError::OutsideCoverage { date });
            }
        }
        Ok(end)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}", self.date, self.time)
    }
}

/// Minutes since 1970-01-01 00:00 UTC.
fn utc_minutes(date: Date, minutes: u32) -> i64 {
    let epoch = Date::from_ymd(1970, 1, 1).expect("a real date");
    i64::from(epoch.days_until(date)) * MINUTES_PER_DAY + i64::from(minutes)
}

/// Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October (the Summer Time Order 2002, as in every year the data covers).
fn is_summer_time(utc: i64) -> bool {
    let date = from_minutes(utc).0;
    let year = date.year();
    let start = utc_minutes(last_sunday(year, 3), 60);
    let end = utc_minutes(last_sunday(year, 10), 60);
    (start..end).contains(&utc)
}

fn last_sunday(year: i32, month: u32) -> Date {
    let mut day =
        Date::from_ymd(year, month, super::days_in_month(year, month)).expect("a real date");
    while day.weekday() != Weekday::Sun {
        day = day.add_days(-1);
    }
    day
}

fn from_minutes(minutes: i64) -> (Date, u32) {
    let epoch = Date::from_ymd(1970, 1, 1).expect("a real date");
    let days = minutes.div_euclid(MINUTES_PER_DAY) as i32;
    (
        epoch.add_days(days),
        minutes.rem_euclid(MINUTES_PER_DAY) as u32,
    )
}

fn to_utc(local: DateTime) -> i64 {
    let as_if_utc = utc_minutes(local.date, local.time.minutes);
    // Try summer time first, so that a repeated hour means its first occurrence.
    let summer = as_if_utc - 60;
    if is_summer_time(summer) {
        summer
    } else {
        // Winter time, or a clock time skipped when summer time began (read as winter time).
        as_if_utc
    }
}

fn from_utc(utc: i64) -> DateTime {
    let local = if is_summer_time(utc) { utc + 60 } else { utc };
    let (date, minutes) = from_minutes(local);
    DateTime {
        date,
        time: Time { minutes },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime {
        DateTime::new(
            Date::from_ymd(y, mo, d).unwrap(),
            Time::from_hm(h, mi).unwrap(),
        )
    }

    #[test]
    fn hours_add_to_the_clock_in_winter_and_summer() {
        assert_eq!(
            at(2025, 1, 6, 15, 30).add_hours(72).unwrap(),
            at(2025, 1, 9, 15, 30)
        );
        assert_eq!(
            at(2025, 7, 1, 23, 0).add_hours(24).unwrap(),
            at(2025, 7, 2, 23, 0)
        );
    }

    #[test]
    fn spanning_the_start_of_summer_time_ends_an_hour_later_on_the_clock() {
        // Clocks went forward at 01:00 GMT on Sun 30 Mar 2025.
        assert_eq!(
            at(2025, 3, 28, 12, 0).add_hours(72).unwrap(),
            at(2025, 3, 31, 13, 0)
        );
    }

    #[test]
    fn spanning_the_end_of_summer_time_ends_an_hour_earlier_on_the_clock() {
        // Clocks went back at 01:00 GMT (02:00 BST) on Sun 26 Oct 2025.
        assert_eq!(
            at(2025, 10, 24, 12, 0).add_hours(72).unwrap(),
            at(2025, 10, 27, 11, 0)
        );
    }

    #[test]
    fn times_read_and_show_as_hh_mm() {
        assert_eq!(Time::parse("09:05"), Time::from_hm(9, 5));
        assert_eq!(Time::parse("24:00"), None);
        assert_eq!(Time::parse("9:05"), None);
        assert_eq!(at(2025, 1, 6, 9, 5).to_string(), "Mon 6 Jan 2025 at 09:05");
    }

    #[test]
    fn hours_outside_the_covered_years_are_refused() {
        assert!(at(2035, 12, 31, 12, 0).add_hours(72).is_err());
        assert_eq!(
            at(2035, 12, 30, 12, 0).add_hours(24).unwrap(),
            at(2035, 12, 31, 12, 0)
        );
        assert!(at(1999, 12, 31, 12, 0).add_hours(24).is_err());
    }
}
