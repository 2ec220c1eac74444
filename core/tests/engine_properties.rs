//! Invariants of the schedule for random cases under every profile.

use care_planner_core::calendar::{is_working_day, Date, Time};
use care_planner_core::engine::{schedule, Status};
use care_planner_core::model::{Attrs, Case, Child, Event, EventKind, LegalBasis, PlacementType};
use care_planner_core::rules::{builtin_profiles, catalogue};
use proptest::prelude::*;

fn date(days: i32) -> Date {
    Date::from_ymd(2020, 1, 1).unwrap().add_days(days)
}

fn event() -> impl Strategy<
    Value = (
        usize,
        i32,
        Option<(u32, u32)>,
        usize,
        usize,
        bool,
        bool,
        Option<u32>,
    ),
> {
    (
        0..EventKind::ALL.len(),
        0..3000i32,
        prop::option::of((0..24u32, 0..60u32)),
        0..LegalBasis::ALL.len(),
        0..PlacementType::ALL.len(),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(0..12u32),
    )
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::option::of(0..6000i32),
        prop::collection::vec(event(), 0..25),
    )
        .prop_map(|(born, events)| Case {
            events: events
                .into_iter()
                .enumerate()
                .map(
                    |(i, (kind, day, time, basis, placement, flag_a, flag_b, weeks))| Event {
                        id: format!("e{i}"),
                        kind: EventKind::ALL[kind],
                        date: date(day),
                        time: time.and_then(|(h, m)| Time::from_hm(h, m)),
                        attrs: Attrs {
                            basis: Some(LegalBasis::ALL[basis]),
                            placement: Some(PlacementType::ALL[placement]),
                            emergency: flag_a,
                            long_term: flag_b,
                            until_18: flag_a && flag_b,
                            planned: Some(flag_a),
                            weeks,
                            rule: Some("placement-plan".into()),
                            anchor: None,
                        },
                    },
                )
                .collect(),
            ..Case::new(
                "c",
                Child {
                    name: "X".into(),
                    reference: "R".into(),
                    date_of_birth: born.map(|b| Date::from_ymd(2004, 1, 1).unwrap().add_days(b)),
                },
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_schedule_is_consistent(case in case(), today in 0..4000i32) {
        let catalogue = catalogue();
        let profiles = builtin_profiles();
        for local in profiles {
            let s = schedule(&case, catalogue, &profiles[0], local, date(today));
            // Every rule appears at least once.
            for rule in catalogue {
                prop_assert!(s.items.iter().any(|i| i.rule == rule.id), "{} missing", rule.id);
            }
            for item in &s.items {
                // The applicable date is the earlier of the national and local dates.
                let dates: Vec<Date> = [&item.national, &item.local].into_iter().flatten().map(|d| d.date).collect();
                match item.applicable() {
                    Some(a) => prop_assert_eq!(Some(a.date), dates.iter().copied().min()),
                    None => prop_assert!(dates.is_empty()),
                }
                // The practical date is an earlier working day.
                if let (Some(p), Some(a)) = (item.practical, item.applicable()) {
                    prop_assert!(p < a.date);
                    prop_assert_eq!(is_working_day(p), Ok(true));
                }
                // Done statuses exactly when a completion is known and a date exists.
                let done = matches!(item.status, Status::DoneOnTime | Status::DoneLate);
                prop_assert_eq!(done, item.done.is_some() && item.applicable().is_some());
                if item.status == Status::CannotCompute {
                    prop_assert!(!item.problems.is_empty());
                }
            }
            // Sorted: overdue first.
            prop_assert!(s.items.windows(2).all(|w| w[0].status <= w[1].status));
        }
    }
}
