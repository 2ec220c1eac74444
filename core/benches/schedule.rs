//! Benchmark: schedule a caseload of 10,000 synthetic cases with full histories under each
//! profile. Run with `scripts/bench.sh`, which records the figures in docs/performance.md.
//! A benchmark, not a test: nothing here asserts a time.

use std::hint::black_box;
use std::time::{Duration, Instant};

use care_planner_core::calendar::{Date, Time};
use care_planner_core::engine::Scheduler;
use care_planner_core::model::{Attrs, Case, Child, Event, EventKind, LegalBasis, PlacementType};
use care_planner_core::rules::{builtin_profiles, catalogue};

const CASES: usize = 10_000;
const RUNS: usize = 7;

/// A small deterministic generator, so every run schedules the same caseload.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u32) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % u64::from(n)) as u32
    }
}

/// Two years of a child's care: admission, placements, reviews, visits, health
/// assessments, and for some the PLO and proceedings.
fn synthetic_case(i: usize, rng: &mut Lcg) -> Case {
    let start = Date::from_ymd(2023, 1, 2)
        .unwrap()
        .add_days(rng.below(700) as i32);
    let mut events = Vec::new();
    let mut push = |kind: EventKind, date: Date, attrs: Attrs, time: Option<Time>| {
        events.push(Event {
            id: format!("e{}", events.len()),
            kind,
            date,
            time,
            attrs,
        });
    };
    let basis = [
        LegalBasis::S20,
        LegalBasis::InterimCareOrder,
        LegalBasis::CareOrder,
    ][rng.below(3) as usize];
    push(
        EventKind::DecisionToLookAfter,
        start,
        Attrs::default(),
        None,
    );
    push(
        EventKind::BecameLookedAfter,
        start,
        Attrs {
            basis: Some(basis),
            ..Attrs::default()
        },
        None,
    );
    let placement = [
        PlacementType::Foster,
        PlacementType::ConnectedPerson,
        PlacementType::Residential,
    ][rng.below(3) as usize];
    let placed = Attrs {
        placement: Some(placement),
        emergency: rng.below(4) == 0,
        long_term: rng.below(3) == 0,
        ..Attrs::default()
    };
    push(
        EventKind::PlacementStarted,
        start,
        placed.clone(),
        Time::from_hm(16, 30),
    );
    let mut review = start.add_days(20 + rng.below(8) as i32);
    for _ in 0..4 {
        push(EventKind::ReviewHeld, review, Attrs::default(), None);
        review = review.add_days(90 + rng.below(80) as i32);
    }
    let mut visit = start.add_days(3 + rng.below(4) as i32);
    for _ in 0..16 {
        push(EventKind::VisitMade, visit, Attrs::default(), None);
        visit = visit.add_days(28 + rng.below(20) as i32);
    }
    for n in 0..3 {
        push(
            EventKind::HealthAssessmentDone,
            start.add_days(15 + 180 * n),
            Attrs::default(),
            None,
        );
    }
    if rng.below(2) == 0 {
        let plo = start.add_days(30 + rng.below(60) as i32);
        push(EventKind::PloRecommended, plo, Attrs::default(), None);
        push(
            EventKind::LegalGatewayMeetingHeld,
            plo.add_days(5),
            Attrs::default(),
            None,
        );
        push(
            EventKind::PloMeetingHeld,
            plo.add_days(20),
            Attrs::default(),
            None,
        );
        push(
            EventKind::PloReviewHeld,
            plo.add_days(110),
            Attrs::default(),
            None,
        );
        push(
            EventKind::ProceedingsIssued,
            plo.add_days(140),
            Attrs::default(),
            None,
        );
        push(
            EventKind::ExtensionGranted,
            plo.add_days(300),
            Attrs {
                weeks: Some(8),
                ..Attrs::default()
            },
            None,
        );
    }
    push(
        EventKind::PlacementStarted,
        start.add_days(200),
        placed,
        Time::from_hm(11, 0),
    );
    let child = Child {
        name: format!("Child {i}"),
        reference: format!("REF-{i}"),
        date_of_birth: Some(start.add_days(-(365 * (1 + rng.below(16) as i32)))),
    };
    Case {
        events,
        ..Case::new(format!("case-{i}"), child)
    }
}

fn main() {
    let catalogue = catalogue();
    let profiles = builtin_profiles();
    let mut rng = Lcg(2026);
    let cases: Vec<Case> = (0..CASES).map(|i| synthetic_case(i, &mut rng)).collect();
    let events: usize = cases.iter().map(|c| c.events.len()).sum();
    let today = Date::from_ymd(2025, 6, 2).unwrap();
    println!(
        "{CASES} cases, {events} events ({:.1} a case); median and fastest of {RUNS} runs\n",
        events as f64 / CASES as f64
    );
    println!("| profile | rule instances | median | fastest | per case (median) |");
    println!("|---|---:|---:|---:|---:|");
    for local in profiles {
        let mut times: Vec<Duration> = Vec::new();
        let mut instances = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            instances = 0;
            // As the caseload page does: the profiles are prepared once, then every case.
            let scheduler = Scheduler::new(catalogue, &profiles[0], local);
            for case in &cases {
                let s = black_box(scheduler.schedule(black_box(case), today));
                instances += s.items.len();
            }
            times.push(started.elapsed());
        }
        times.sort();
        let median = times[RUNS / 2];
        println!(
            "| `{}` | {instances} | {:.1} ms | {:.1} ms | {:.1} µs |",
            local.id,
            median.as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
            median.as_secs_f64() * 1e6 / CASES as f64
        );
    }
}
