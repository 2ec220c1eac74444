//! The care proceedings tracker of a case: the 26-week timetable as a picture (weeks, today,
//! each milestone numbered in its week) and as a table, which carries the same facts for
//! screen readers and keeps the working. Prints on one page.

use care_planner_core::calendar::Date;
use care_planner_core::engine::{Scheduler, Status};
use care_planner_core::model::Case;
use care_planner_core::proceedings::{Kind, Milestone, Tracker};
use care_planner_core::routes::Route;
use care_planner_core::rules::{builtin_profiles, catalogue};
use care_planner_core::wizards::WizardKind;
use leptos::prelude::*;

use crate::clock::today;
use crate::components::heading::PageHeading;
use crate::components::summary_list::SummaryList;
use crate::pages::case::with_live_case;
use crate::profiles::{imported_profiles, label};

#[component]
pub fn ProceedingsPage(id: String) -> impl IntoView {
    with_live_case(id, |case| view! { <ForCase case=case/> }.into_any())
}

#[component]
fn ForCase(case: Case) -> impl IntoView {
    let today = today();
    let profiles = builtin_profiles();
    let imported = imported_profiles().0;
    imported.with_untracked(|imported| {
        let profile = profiles
            .iter()
            .chain(imported)
            .find(|p| p.id == case.profile)
            .unwrap_or(&profiles[0]);
        let schedule = Scheduler::new(catalogue(), &profiles[0], profile).schedule(&case, today);
        let back = view! {
            <a href=Route::Case { id: case.id.clone() }.href() class="back-link">{format!("Back to {}'s case", case.child.name)}</a>
            <span class="caption-l">{case.child.name.clone()}</span>
        };
        match Tracker::of(&case, &schedule, today) {
            None => view! {
                {back}
                <PageHeading text="Care proceedings timetable"/>
                <p class="body">"No issue date is recorded for this case, so there is no timetable yet."</p>
                <p class="body">
                    "Record the issue date with the "
                    <a href=Route::WizardStep { kind: WizardKind::PreProceedings, case: case.id.clone(), step: care_planner_core::routes::Step::Next }.href()>"pre-proceedings procedure"</a>
                    ", or as a \u{201c}Proceedings issued\u{201d} event on the "
                    <a href=Route::EventForm { id: case.id.clone(), event: None }.href()>"event form"</a>
                    "."
                </p>
            }
            .into_any(),
            Some(tracker) => view! {
                {back}
                <PageHeading text="Care proceedings timetable"/>
                <Summary tracker=tracker.clone() procedures=label(profile)/>
                <Picture tracker=tracker.clone()/>
                <Milestones tracker=tracker.clone()/>
                <NotSet tracker=tracker/>
                <div class="no-print">
                    <p class="body">
                        <a href=Route::EventForm { id: case.id.clone(), event: None }.href()>"Record a hearing, the filing date, an extension or a meeting held"</a>
                    </p>
                    <button type="button" class="button button--secondary" on:click=|_| { let _ = window().print(); }>"Print the timetable"</button>
                </div>
            }
            .into_any(),
        }
    })
}

/// "Week 16 of 26", or where a day outside the timetable falls.
fn week_text(week: i32, weeks: i32) -> String {
    if week < 1 {
        "before the issue date".into()
    } else if week > weeks {
        format!("after the end of the timetable (week {week})")
    } else {
        format!("in week {week} of {weeks}")
    }
}

#[component]
fn Summary(tracker: Tracker, procedures: String) -> impl IntoView {
    let mut rows = vec![
        ("Issued", tracker.issued.to_string()),
        (
            "End of the timetable",
            match tracker.end {
                Some(end) => format!("{end} (the end of week {})", tracker.weeks),
                None => "Cannot be worked out: see the deadlines on the case".into(),
            },
        ),
        (
            "Extensions",
            if tracker.extensions.is_empty() {
                "None".into()
            } else {
                tracker
                    .extensions
                    .iter()
                    .map(|(day, weeks)| format!("{weeks} weeks, granted on {day}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            },
        ),
        (
            "Today",
            format!(
                "{}, {}",
                tracker.today,
                week_text(tracker.today_week, tracker.weeks)
            ),
        ),
        ("Procedures", procedures),
    ];
    if let Some(concluded) = tracker.concluded {
        rows.push(("Concluded", concluded.to_string()));
    }
    view! { <div id="tracker-summary"><SummaryList rows=rows/></div> }
}

/// Horizontal room for the picture, in its own units.
const WIDTH: f64 = 1000.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 30.0;
const LANE: f64 = 28.0;
const TOP: f64 = 62.0;
/// The least distance between two markers in one lane.
const GAP: f64 = 26.0;

fn x(tracker: &Tracker, date: Date) -> f64 {
    LEFT + tracker.position(date) * (WIDTH - LEFT - RIGHT)
}

/// A marker's colour from its status; court dates and steps are dark grey.
fn fill(m: &Milestone) -> &'static str {
    match m.status {
        Some(Status::Overdue) => "#d4351c",
        Some(Status::DueToday | Status::DueSoon) => "#912b88",
        Some(Status::Upcoming) => "#1d70b8",
        Some(Status::DoneOnTime) => "#00703c",
        Some(Status::DoneLate) => "#6f5b00",
        _ => "#505a5f",
    }
}

#[component]
fn Picture(tracker: Tracker) -> impl IntoView {
    let span_end = tracker.last_day.add_days(1);
    // Markers placed greedily in the first lane with room, so none overlap.
    let mut lanes: Vec<f64> = Vec::new();
    let mut markers = Vec::new();
    for (n, m) in tracker.milestones.iter().enumerate() {
        let Some(date) = m.date else { continue };
        let at = x(&tracker, date)
            + (WIDTH - LEFT - RIGHT) / f64::from(tracker.first_day.days_until(span_end)) / 2.0;
        let lane = match lanes.iter().position(|last| at - last >= GAP) {
            Some(i) => i,
            None => {
                lanes.push(f64::MIN);
                lanes.len() - 1
            }
        };
        lanes[lane] = at;
        markers.push((n + 1, m.clone(), at, TOP + LANE * lane as f64));
    }
    let height = TOP + LANE * lanes.len().max(1) as f64 + 16.0;
    let band_start = x(&tracker, tracker.issued);
    let end_26 = x(&tracker, tracker.week_start(27));
    let end_all = x(&tracker, tracker.week_start(tracker.weeks + 1));
    let gridlines = (1..=tracker.weeks + 1)
        .map(|w| x(&tracker, tracker.week_start(w)))
        .map(|gx| view! { <line x1=gx y1="30" x2=gx y2=height - 8.0 class="tracker__grid"/> })
        .collect_view();
    let ruler = tracker
        .ruler()
        .into_iter()
        .map(|w| {
            let mid = (x(&tracker, tracker.week_start(w)) + x(&tracker, tracker.week_start(w + 1))) / 2.0;
            view! { <text x=mid y="24" text-anchor="middle" class="tracker__week">{w.to_string()}</text> }
        })
        .collect_view();
    let today_x = x(&tracker, tracker.today)
        + (x(&tracker, tracker.today.add_days(1)) - x(&tracker, tracker.today)) / 2.0;
    let today_shown = tracker.today >= tracker.first_day && tracker.today <= tracker.last_day;
    let marks = markers
        .into_iter()
        .map(|(n, m, mx, my)| {
            let shape = match m.kind {
                Kind::Deadline => view! { <circle cx=mx cy=my r="11" fill=fill(&m)/> }.into_any(),
                Kind::Court => view! { <rect x=mx - 10.0 y=my - 10.0 width="20" height="20" fill=fill(&m)/> }.into_any(),
                Kind::Step => view! {
                    <polygon points=format!("{mx},{} {},{my} {mx},{} {},{my}", my - 12.0, mx + 12.0, my + 12.0, mx - 12.0) fill=fill(&m)/>
                }
                .into_any(),
            };
            view! {
                <g class="tracker__marker">
                    {shape}
                    <text x=mx y=my + 4.0 text-anchor="middle" class="tracker__number">{n.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let summary = format!(
        "Timeline from the issue date, {}, to the end of week {}; today is {}. Each numbered marker is a row of the table below.",
        tracker.issued,
        tracker.weeks,
        week_text(tracker.today_week, tracker.weeks)
    );
    view! {
        <figure class="tracker">
            <svg class="tracker__picture" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby="tracker-title">
                <title id="tracker-title">{summary}</title>
                <rect x=band_start y="30" width=(end_26 - band_start).max(0.0) height=height - 38.0 class="tracker__band"/>
                <line x1=end_26 y1="30" x2=end_26 y2=height - 8.0 class="tracker__end"/>
                <rect x=end_26 y="30" width=(end_all - end_26).max(0.0) height=height - 38.0 class="tracker__band tracker__band--extension"/>
                {gridlines}
                <text x=LEFT y="12" class="tracker__week">"Week"</text>
                {ruler}
                {today_shown.then(|| view! {
                    <g class="tracker__today">
                        <line x1=today_x y1="30" x2=today_x y2=height - 4.0/>
                        <text x=today_x y="44" text-anchor="middle">"Today"</text>
                    </g>
                })}
                {marks}
            </svg>
            <figcaption class="hint">
                "Circles are deadlines, squares the court's dates, diamonds steps that follow a meeting. \
                 Green: done on time; brown: done late; blue: upcoming; purple: due soon or today; red: \
                 overdue; dark grey: waiting, a court date or a step. Shaded and edged: the 26 weeks"
                {(tracker.weeks > 26).then_some(", then the extended weeks (lighter)")}
                ". The dashed black line is today. The table below has every date in words."
            </figcaption>
        </figure>
    }
}

#[component]
fn Milestones(tracker: Tracker) -> impl IntoView {
    let rows = tracker
        .milestones
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let date = match (m.date, m.done) {
                (_, Some(done)) => format!("{done} (done)"),
                (Some(date), None) => date.to_string(),
                (None, None) => "Not yet known".into(),
            };
            let week = match m.week {
                Some(w) if w < 1 => "Before issue".to_string(),
                Some(w) => w.to_string(),
                None => "–".into(),
            };
            let status = match (m.status, m.kind) {
                (Some(s), _) => view! { <strong class=format!("tag tag--{}", s.name())>{s.label()}</strong> }.into_any(),
                (None, Kind::Court) => view! { <span>"Court"</span> }.into_any(),
                (None, _) => view! { <span>"Step"</span> }.into_any(),
            };
            let source = m.source.clone().map(|s| format!(" Source: {s}."));
            view! {
                <tr class="table__row" data-rule=m.rule.clone() data-event=m.event.clone() data-kind=m.kind.name() data-week=m.week.map(|w| w.to_string())>
                    <td class="table__cell">{(i + 1).to_string()}</td>
                    <th scope="row" class="table__header table__header--row">
                        {m.label.clone()}
                        <span class="tracker__note hint">{m.note.clone()}{source}</span>
                    </th>
                    <td class="table__cell">{date}</td>
                    <td class="table__cell">{week}</td>
                    <td class="table__cell">{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table tracker__table" id="milestones">
            <caption class="table__caption heading-m">"Milestones"</caption>
            <thead>
                <tr>
                    <th scope="col" class="table__header">"#"</th>
                    <th scope="col" class="table__header">"Milestone"</th>
                    <th scope="col" class="table__header">"Date"</th>
                    <th scope="col" class="table__header">"Week"</th>
                    <th scope="col" class="table__header">"Status"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn NotSet(tracker: Tracker) -> impl IntoView {
    (!tracker.not_set.is_empty()).then(|| {
        view! {
            <details class="details no-print" id="not-set">
                <summary class="details__summary">{format!("Not set by these procedures ({})", tracker.not_set.len())}</summary>
                <div class="details__text">
                    <ul class="list list--bullet">
                        {tracker.not_set.iter().map(|(rule, due)| view! { <li data-rule=rule.clone()>{due.clone()}</li> }).collect_view()}
                    </ul>
                </div>
            </details>
        }
    })
}
