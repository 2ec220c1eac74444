//! A calendar date (proleptic Gregorian), with the arithmetic the law's periods need.
//!
//! Kept as a count of days since 1970-01-01 so that adding days, comparing and finding
//! the weekday are exact integer operations. Conversions follow Howard Hinnant's
//! `days_from_civil` / `civil_from_days` algorithms.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Years the app accepts at all; far beyond any child's case, small enough that no
/// arithmetic on days can overflow.
const MIN_YEAR: i32 = 1800;
const MAX_YEAR: i32 = 2300;

impl Date {
    /// The date, if it exists: `from_ymd(2025, 2, 29)` is `None`.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (MIN_YEAR..=MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then(|| Date {
            days: days_from_civil(year, month, day),
        })
    }

    /// Reads `YYYY-MM-DD`, the form used in files and in the DOM.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y) && digits(m) && digits(d)) {
            return None;
        }
        Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    pub fn year(self) -> i32 {
        civil_from_days(self.days).0
    }

    pub fn month(self) -> u32 {
        civil_from_days(self.days).1
    }

    pub fn day(self) -> u32 {
        civil_from_days(self.days).2
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match (self.days + 3).rem_euclid(7) {
            0 => Weekday::Mon,
            1 => Weekday::Tue,
            2 => Weekday::Wed,
            3 => Weekday::Thu,
            4 => Weekday::Fri,
            5 => Weekday::Sat,
            _ => Weekday::Sun,
        }
    }

    pub fn is_weekend(self) -> bool {
        matches!(self.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// `n` calendar days later (earlier when negative).
    pub fn add_days(self, n: i32) -> Date {
        Date {
            days: self.days + n,
        }
    }

    /// Calendar days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.days - self.days
    }

    /// `n` calendar months later (earlier when negative), by the corresponding date; where
    /// the target month is shorter, its last day (31 Aug + 6 months = 28 Feb).
    pub fn add_months(self, n: i32) -> Date {
        let (year, month, day) = civil_from_days(self.days);
        let index = year * 12 + (month as i32 - 1) + n;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        let day = day.min(days_in_month(year, month));
        Date {
            days: days_from_civil(year, month, day),
        }
    }

    /// `n` whole years later, clamped like months (29 Feb + 1 year = 28 Feb).
    pub fn add_years(self, n: i32) -> Date {
        self.add_months(n * 12)
    }

    /// Whole years from `born` to `self`: a person's age on this date. Someone born on
    /// 29 February reaches each new age on 1 March in a year without a 29 February, since
    /// the anniversary has not yet come on 28 February.
    pub fn whole_years_since(self, born: Date) -> i32 {
        let (by, bm, bd) = civil_from_days(born.days);
        let (y, m, d) = civil_from_days(self.days);
        let mut years = y - by;
        if (m, d) < (bm, bd) {
            years -= 1;
        }
        years
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (y, m, d) = civil_from_days(self.days);
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// "2 Dec" — for lists of skipped days within one working.
    pub fn day_month(self) -> String {
        let (_, m, d) = civil_from_days(self.days);
        format!("{d} {}", MONTHS[m as usize - 1])
    }
}

/// In files a date is `YYYY-MM-DD`, so that a backup reads plainly.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse_iso(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "\"{text}\" is not a date written as YYYY-MM-DD, such as \"2026-03-31\""
            ))
        })
    }
}

/// "Mon 2 Dec 2024", the form used in every explanation the app gives.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.days);
        write!(f, "{:?} {d} {} {y}", self.weekday(), MONTHS[m as usize - 1])
    }
}

pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 31,
    }
}

fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn only_real_dates_exist() {
        assert!(Date::from_ymd(2024, 2, 29).is_some());
        assert!(Date::from_ymd(2025, 2, 29).is_none());
        assert!(Date::from_ymd(2100, 2, 29).is_none());
        assert!(Date::from_ymd(2000, 2, 29).is_some());
        assert!(Date::from_ymd(2025, 4, 31).is_none());
        assert!(Date::from_ymd(2025, 13, 1).is_none());
        assert!(Date::from_ymd(2025, 1, 0).is_none());
    }

    #[test]
    fn iso_text_round_trips_and_rejects_anything_else() {
        assert_eq!(Date::parse_iso("2024-12-02"), Some(d(2024, 12, 2)));
        assert_eq!(d(2024, 12, 2).iso(), "2024-12-02");
        for bad in [
            "2024-2-02",
            "2024-02-30",
            "02-12-2024",
            "2024-12-02T00:00",
            "+024-12-02",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn shows_weekday_day_month_year() {
        assert_eq!(d(2024, 12, 2).to_string(), "Mon 2 Dec 2024");
        assert_eq!(d(2025, 7, 6).to_string(), "Sun 6 Jul 2025");
        assert_eq!(d(2025, 1, 1).day_month(), "1 Jan");
    }

    #[test]
    fn months_use_the_corresponding_date_clamped_to_month_end() {
        // The examples in shared/design/national-timescales.md, convention 5.
        assert_eq!(d(2025, 11, 30).add_months(3), d(2026, 2, 28));
        assert_eq!(d(2025, 8, 31).add_months(6), d(2026, 2, 28));
        assert_eq!(d(2024, 2, 29).add_months(12), d(2025, 2, 28));
        assert_eq!(
            d(2025, 9, 30).add_months(4),
            d(2026, 1, 30),
            "no month-end to month-end rule"
        );
        assert_eq!(d(2024, 1, 31).add_months(1), d(2024, 2, 29), "leap year");
        assert_eq!(d(2025, 3, 31).add_months(-1), d(2025, 2, 28));
        assert_eq!(d(2025, 12, 15).add_months(1), d(2026, 1, 15));
    }

    #[test]
    fn age_counts_whole_years() {
        let born = d(2010, 6, 15);
        assert_eq!(d(2026, 6, 14).whole_years_since(born), 15);
        assert_eq!(d(2026, 6, 15).whole_years_since(born), 16);
        let leapling = d(2008, 2, 29);
        assert_eq!(d(2024, 2, 28).whole_years_since(leapling), 15);
        assert_eq!(d(2024, 2, 29).whole_years_since(leapling), 16);
        assert_eq!(d(2025, 2, 28).whole_years_since(leapling), 16);
        assert_eq!(d(2026, 2, 28).whole_years_since(leapling), 17);
        assert_eq!(d(2025, 3, 1).whole_years_since(leapling), 17);
    }
}
