//! Working days in England and Wales (national-timescales.md, convention 3): any day except
//! Saturday, Sunday and a bank holiday (Christmas Day and Good Friday are in the data).

use std::sync::OnceLock;

use super::bank_holidays::{BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR};
use super::{CalendarError, Date};

/// The generated table as dates, built once: every working-day question searches it.
fn holidays() -> &'static [Date] {
    static DATES: OnceLock<Vec<Date>> = OnceLock::new();
    DATES.get_or_init(|| {
        BANK_HOLIDAYS
            .iter()
            .map(|&(y, m, d, _)| {
                Date::from_ymd(y, m.into(), d.into()).expect("the table holds real dates")
            })
            .collect()
    })
}

/// A date reached by counting working days, with the weekday bank holidays passed over on
/// the way (weekends are skipped without saying), for the plain-English working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub date: Date,
    pub skipped_holidays: Vec<Date>,
}

/// The first and last dates whose working-day status is known.
pub fn coverage() -> (Date, Date) {
    static RANGE: OnceLock<(Date, Date)> = OnceLock::new();
    *RANGE.get_or_init(|| {
        (
            Date::from_ymd(FIRST_YEAR, 1, 1).expect("a real date"),
            Date::from_ymd(LAST_YEAR, 12, 31).expect("a real date"),
        )
    })
}

fn covered(date: Date) -> Result<(), CalendarError> {
    let (first, last) = coverage();
    if date < first || date > last {
        return Err(CalendarError::OutsideCoverage { date });
    }
    Ok(())
}

/// The bank holiday's name, if `date` is a weekday bank holiday.
pub fn bank_holiday(date: Date) -> Result<Option<&'static str>, CalendarError> {
    covered(date)?;
    Ok(holidays()
        .binary_search(&date)
        .ok()
        .map(|i| BANK_HOLIDAYS[i].3))
}

pub fn is_working_day(date: Date) -> Result<bool, CalendarError> {
    covered(date)?;
    Ok(!date.is_weekend() && !is_holiday(date))
}

/// One bit a covered day, set for bank holidays: every day counted asks this, so it is a
/// bit test rather than a search. `date` must be covered.
fn is_holiday(date: Date) -> bool {
    static BITS: OnceLock<Vec<u64>> = OnceLock::new();
    let first = coverage().0;
    let bits = BITS.get_or_init(|| {
        let days = first.days_until(coverage().1) as usize + 1;
        let mut bits = vec![0u64; days.div_ceil(64)];
        for day in holidays() {
            let i = first.days_until(*day) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        bits
    });
    let i = first.days_until(date) as usize;
    bits[i / 64] & (1 << (i % 64)) != 0
}

/// The `n`th working day after `from`: day 1 is the first working day after `from`, even
/// when `from` is itself a weekend or holiday. `n = 0` is `from` itself.
pub fn add_working_days(from: Date, n: u32) -> Result<Counted, CalendarError> {
    step_working_days(from, n, 1)
}

/// The `n`th working day before `from` ("5 working days before the meeting").
pub fn subtract_working_days(from: Date, n: u32) -> Result<Counted, CalendarError> {
    step_working_days(from, n, -1)
}

fn step_working_days(from: Date, n: u32, step: i32) -> Result<Counted, CalendarError> {
    covered(from)?;
    let mut date = from;
    let mut skipped_holidays = Vec::new();
    let mut counted = 0;
    while counted < n {
        date = date.add_days(step);
        if date.is_weekend() {
            continue;
        }
        covered(date)?;
        if is_holiday(date) {
            skipped_holidays.push(date);
            continue;
        }
        counted += 1;
    }
    Ok(Counted {
        date,
        skipped_holidays,
    })
}

/// The weekday bank holidays strictly between two dates, in order: those a count of
/// working days from one to the other passes over.
pub fn holidays_between(a: Date, b: Date) -> &'static [Date] {
    let (from, to) = if a <= b { (a, b) } else { (b, a) };
    let all = holidays();
    let start = all.partition_point(|h| *h <= from);
    let end = all.partition_point(|h| *h < to);
    &all[start..end.max(start)]
}

/// The practical date to aim for (convention 6): `date` itself if it is a working day,
/// otherwise the last working day before it. A legal deadline is never moved later.
pub fn last_working_day_on_or_before(date: Date) -> Result<Date, CalendarError> {
    let mut day = date;
    while !is_working_day(day)? {
        day = day.add_days(-1);
    }
    Ok(day)
}

/// Working days after `start` up to and including `end` (0 if `end` is not later):
/// "looked after for 20 working days" counts this way from the day care began.
pub fn working_days_between(start: Date, end: Date) -> Result<u32, CalendarError> {
    if end <= start {
        return Ok(0);
    }
    covered(start)?;
    covered(end)?;
    // Weekdays in (start, end]: whole weeks have five; then the days left over.
    let days = start.days_until(end);
    let mut weekdays = days / 7 * 5;
    let mut day = start.add_days(days / 7 * 7);
    while day < end {
        day = day.add_days(1);
        if !day.is_weekend() {
            weekdays += 1;
        }
    }
    // The table holds only weekday holidays, in order: count those in (start, end].
    let position = |d: Date| holidays().partition_point(|h| *h <= d);
    Ok(weekdays as u32 - (position(end) - position(start)) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn wd_after(from: Date, n: u32) -> Date {
        add_working_days(from, n).unwrap().date
    }

    #[test]
    fn worked_examples_of_the_national_timescales() {
        assert_eq!(wd_after(d(2024, 12, 2), 20), d(2025, 1, 2));
        assert_eq!(wd_after(d(2024, 12, 20), 5), d(2024, 12, 31));
        assert_eq!(wd_after(d(2026, 12, 18), 10), d(2027, 1, 6));
        assert_eq!(wd_after(d(2026, 12, 26), 5), d(2027, 1, 5));
    }

    #[test]
    fn the_working_names_the_holidays_skipped() {
        let counted = add_working_days(d(2024, 12, 2), 20).unwrap();
        assert_eq!(
            counted.skipped_holidays,
            vec![d(2024, 12, 25), d(2024, 12, 26), d(2025, 1, 1)]
        );
    }

    #[test]
    fn easter_is_skipped() {
        // Good Friday 18 Apr 2025, Easter Monday 21 Apr 2025.
        let counted = add_working_days(d(2025, 4, 17), 1).unwrap();
        assert_eq!(counted.date, d(2025, 4, 22));
        assert_eq!(
            counted.skipped_holidays,
            vec![d(2025, 4, 18), d(2025, 4, 21)]
        );
    }

    #[test]
    fn substitute_days_are_holidays() {
        for (date, name) in [
            (d(2026, 12, 28), "Boxing Day (observed)"),
            (d(2027, 12, 27), "Christmas Day (observed)"),
            (d(2027, 12, 28), "Boxing Day (observed)"),
            (d(2028, 1, 3), "New Year's Day (observed)"),
        ] {
            assert_eq!(bank_holiday(date).unwrap(), Some(name), "{date}");
        }
        assert!(!is_working_day(d(2026, 12, 28)).unwrap());
    }

    #[test]
    fn one_off_days_are_holidays() {
        for date in [
            d(2020, 5, 8),
            d(2022, 6, 3),
            d(2022, 9, 19),
            d(2023, 5, 8),
            d(2011, 4, 29),
            d(2012, 6, 5),
        ] {
            assert!(bank_holiday(date).unwrap().is_some(), "{date}");
        }
        // 2020's May Day moved to 8 May for VE Day: 4 May 2020 was a working day.
        assert!(is_working_day(d(2020, 5, 4)).unwrap());
    }

    #[test]
    fn the_data_covers_2000_to_2035_and_refuses_beyond() {
        assert_eq!(coverage(), (d(2000, 1, 1), d(2035, 12, 31)));
        assert!(is_working_day(d(2035, 12, 31)).is_ok());
        let outside = is_working_day(d(2036, 1, 2)).unwrap_err();
        assert_eq!(
            outside,
            CalendarError::OutsideCoverage {
                date: d(2036, 1, 2)
            }
        );
        assert_eq!(
            outside.to_string(),
            "Working days cannot be counted for Wed 2 Jan 2036: bank holidays are known only \
             from Sat 1 Jan 2000 to Mon 31 Dec 2035."
        );
        assert!(is_working_day(d(1999, 12, 31)).is_err());
        // Counting past the end is refused, not guessed.
        assert!(add_working_days(d(2035, 12, 20), 10).is_err());
    }

    #[test]
    fn the_practical_date_is_never_later() {
        // Sun 6 Jul 2025 → Fri 4 Jul 2025.
        assert_eq!(
            last_working_day_on_or_before(d(2025, 7, 6)).unwrap(),
            d(2025, 7, 4)
        );
        // Mon 28 Dec 2026 (substitute) → Thu 24 Dec 2026.
        assert_eq!(
            last_working_day_on_or_before(d(2026, 12, 28)).unwrap(),
            d(2026, 12, 24)
        );
        assert_eq!(
            last_working_day_on_or_before(d(2025, 7, 7)).unwrap(),
            d(2025, 7, 7)
        );
    }

    #[test]
    fn working_days_before_a_date() {
        // 5 working days before Tue 5 Jan 2027: Mon 4 Jan, Thu 31 Dec, Wed 30 Dec,
        // Tue 29 Dec, Thu 24 Dec (1 Jan, 28 Dec and 25 Dec are holidays).
        let counted = subtract_working_days(d(2027, 1, 5), 5).unwrap();
        assert_eq!(counted.date, d(2026, 12, 24));
        assert_eq!(
            counted.skipped_holidays,
            vec![d(2027, 1, 1), d(2026, 12, 28), d(2026, 12, 25)]
        );
    }

    #[test]
    fn the_holidays_between_two_dates_are_those_a_count_skips() {
        let counted = add_working_days(d(2024, 12, 2), 20).unwrap();
        assert_eq!(
            holidays_between(d(2024, 12, 2), counted.date),
            counted.skipped_holidays.as_slice()
        );
        assert_eq!(
            holidays_between(counted.date, d(2024, 12, 2)),
            counted.skipped_holidays.as_slice()
        );
        assert!(holidays_between(d(2025, 1, 2), d(2025, 1, 3)).is_empty());
    }

    #[test]
    fn counting_working_days_between_dates() {
        assert_eq!(
            working_days_between(d(2024, 12, 2), d(2025, 1, 2)).unwrap(),
            20
        );
        assert_eq!(
            working_days_between(d(2025, 1, 2), d(2024, 12, 2)).unwrap(),
            0
        );
        assert_eq!(
            working_days_between(d(2025, 7, 4), d(2025, 7, 6)).unwrap(),
            0
        );
    }
}
