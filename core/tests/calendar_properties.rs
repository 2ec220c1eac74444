//! Properties of the calendar that must hold for every date the data covers, and a check
//! of our date arithmetic against an independent implementation (chrono).

use care_planner_core::calendar::{
    add_working_days, coverage, is_working_day, last_working_day_on_or_before,
    subtract_working_days, working_days_between, Counting, Date, Period,
};
use chrono::{Datelike, Months, NaiveDate};
use proptest::prelude::*;

/// Any date from the second week of 2000 to 2034, leaving room to count back and forward
/// within the data (the last working day before Sat 1 Jan 2000 is outside it).
fn covered_date() -> impl Strategy<Value = Date> {
    let (first, _) = coverage();
    (7..(35 * 365)).prop_map(move |n| first.add_days(n))
}

fn any_date() -> impl Strategy<Value = (i32, u32, u32)> {
    (1900..2200i32, 1..=12u32, 1..=31u32)
}

fn chrono(date: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), date.month(), date.day()).unwrap()
}

proptest! {
    #[test]
    fn n_working_days_after_is_a_later_working_day(from in covered_date(), n in 1..60u32) {
        let counted = add_working_days(from, n).unwrap();
        prop_assert!(counted.date > from);
        prop_assert!(is_working_day(counted.date).unwrap());
        prop_assert_eq!(working_days_between(from, counted.date).unwrap(), n);
        for day in &counted.skipped_holidays {
            prop_assert!(*day > from && *day < counted.date);
            prop_assert!(!is_working_day(*day).unwrap());
        }
    }

    #[test]
    fn working_days_are_monotonic(from in covered_date(), n in 0..60u32) {
        let a = add_working_days(from, n).unwrap().date;
        let b = add_working_days(from, n + 1).unwrap().date;
        prop_assert!(a < b);
    }

    #[test]
    fn counting_back_undoes_counting_forward_from_a_working_day(from in covered_date(), n in 0..60u32) {
        let start = last_working_day_on_or_before(from).unwrap();
        let there = add_working_days(start, n).unwrap().date;
        prop_assert_eq!(subtract_working_days(there, n).unwrap().date, start);
    }

    #[test]
    fn the_practical_date_is_the_last_working_day_on_or_before(date in covered_date()) {
        let practical = last_working_day_on_or_before(date).unwrap();
        prop_assert!(practical <= date);
        prop_assert!(is_working_day(practical).unwrap());
        let mut day = practical.add_days(1);
        while day <= date {
            prop_assert!(!is_working_day(day).unwrap());
            day = day.add_days(1);
        }
    }

    #[test]
    fn beginning_with_ends_one_day_before_after(date in covered_date(), n in 1..400u32) {
        for period in [Period::Days(n), Period::Weeks(n % 60 + 1), Period::Months(n % 30 + 1)] {
            let after = period.end(date, Counting::After).unwrap().date;
            let beginning = period.end(date, Counting::BeginningWith).unwrap().date;
            prop_assert_eq!(beginning.add_days(1), after);
        }
    }

    #[test]
    fn dates_agree_with_chrono((y, m, d) in any_date()) {
        let ours = Date::from_ymd(y, m, d);
        let theirs = NaiveDate::from_ymd_opt(y, m, d);
        prop_assert_eq!(ours.is_some(), theirs.is_some());
        if let (Some(ours), Some(theirs)) = (ours, theirs) {
            prop_assert_eq!(ours.iso(), theirs.format("%Y-%m-%d").to_string());
            prop_assert_eq!(format!("{:?}", ours.weekday()), format!("{:?}", theirs.weekday()));
            prop_assert_eq!(Date::parse_iso(&ours.iso()), Some(ours));
        }
    }

    #[test]
    fn day_and_month_arithmetic_agrees_with_chrono(
        (y, m, d) in any_date(), days in -5000..5000i32, months in -300..300i32,
    ) {
        prop_assume!(Date::from_ymd(y, m, d).is_some());
        let ours = Date::from_ymd(y, m, d).unwrap();
        let theirs = chrono(ours);
        prop_assert_eq!(chrono(ours.add_days(days)), theirs + chrono::Duration::days(days.into()));
        let expected = if months >= 0 {
            theirs.checked_add_months(Months::new(months as u32))
        } else {
            theirs.checked_sub_months(Months::new(months.unsigned_abs()))
        };
        prop_assert_eq!(Some(chrono(ours.add_months(months))), expected);
    }
}
