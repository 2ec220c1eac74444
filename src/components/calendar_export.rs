//! "Add the deadlines to your calendar": the cases' deadlines as an iCalendar file, with
//! the practitioner's choice of names in titles and of the reminder.

use std::sync::Arc;

use care_planner_core::calendar::Date;
use care_planner_core::engine::{Scheduler, Status};
use care_planner_core::forms::FieldError;
use care_planner_core::ics::{calendar, entries, Options};
use care_planner_core::model::Case;
use care_planner_core::rules::{builtin_profiles, catalogue};
use leptos::prelude::*;

use crate::clock::{now_stamp, today};
use crate::components::form::{ErrorMessage, ErrorSummary};
use crate::files::download;
use crate::preferences::{calendar_options, set_calendar_options};
use crate::profiles::imported_profiles;

/// The longest reminder offered, in working days.
const MAX_REMINDER: u32 = 20;

/// Minutes since 1 January 2020 at `stamp`: rises with every export, as `SEQUENCE` must.
fn sequence(stamp: &str) -> u64 {
    let Some(day) = stamp.get(..10).and_then(Date::parse_iso) else {
        return 0;
    };
    let since = Date::from_ymd(2020, 1, 1)
        .map_or(0, |start| start.days_until(day))
        .max(0) as u64;
    let hours: u64 = stamp.get(11..13).and_then(|h| h.parse().ok()).unwrap_or(0);
    let minutes: u64 = stamp.get(14..16).and_then(|m| m.parse().ok()).unwrap_or(0);
    since * 24 * 60 + hours * 60 + minutes
}

/// `2026-11-23T14:03:00.000Z` → `20261123T140300Z`.
fn ics_stamp(stamp: &str) -> String {
    let digits: String = stamp
        .chars()
        .take(19)
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .collect();
    format!("{digits}Z")
}

#[component]
pub fn CalendarExport(
    /// The cases to export, read when the button is pressed.
    cases: Arc<dyn Fn() -> Vec<Case> + Send + Sync>,
    /// The file's name, without `.ics`.
    file: String,
    /// The day the statuses are worked out on: today unless the trainer pretends otherwise.
    #[prop(optional, into)]
    day: Option<Signal<Date>>,
) -> impl IntoView {
    // Names are never remembered: each export starts without them, so a choice made for one
    // case never carries into a whole caseload's file.
    let reminder_kept = calendar_options();
    let names = RwSignal::new(false);
    let reminder = RwSignal::new(reminder_kept.to_string());
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let (done, set_done) = signal(None::<String>);
    let imported = imported_profiles().0;
    let export = move |_| {
        let days = match reminder.get_untracked().trim().parse::<u32>() {
            Ok(days) if days <= MAX_REMINDER => days,
            _ => {
                set_errors.set(vec![FieldError {
                    field: "reminder".into(),
                    message: format!("Enter the number of working days as a whole number from 0 to {MAX_REMINDER}"),
                }]);
                return;
            }
        };
        set_errors.set(Vec::new());
        let options = Options {
            names: names.get_untracked(),
            reminder_working_days: days,
        };
        set_calendar_options(days);
        let profiles = builtin_profiles();
        let today = day.map_or_else(today, |d| d.get_untracked());
        let cases = cases();
        let (all, undated) = imported.with_untracked(|imported| {
            let mut undated = 0;
            let all = cases
                .iter()
                .flat_map(|case| {
                    let local = profiles
                        .iter()
                        .chain(imported)
                        .find(|p| p.id == case.profile)
                        .unwrap_or(&profiles[0]);
                    let schedule =
                        Scheduler::new(catalogue(), &profiles[0], local).schedule(case, today);
                    undated += schedule
                        .items
                        .iter()
                        .filter(|i| i.status == Status::CannotCompute)
                        .count();
                    entries(case, &schedule, &options)
                })
                .collect::<Vec<_>>();
            (all, undated)
        });
        let stamp = now_stamp();
        let text = calendar(&all, &ics_stamp(&stamp), sequence(&stamp));
        if download(&format!("{file}.ics"), &text, "text/calendar;charset=utf-8") {
            let mut message = format!("Downloaded {} deadlines as {file}.ics.", all.len());
            if undated > 0 {
                message.push_str(&format!(
                    " {undated} could not be dated and are not in it: the case page says why."
                ));
            }
            set_done.set(Some(message));
        }
    };
    let error = Signal::derive(move || errors.with(|e| e.first().map(|e| e.message.clone())));
    view! {
        <details class="details no-print" id="calendar-export">
            <summary class="details__summary">"Add the deadlines to your calendar"</summary>
            <div class="details__text">
                <p class="body">
                    "Downloads a calendar file (.ics) that Outlook and other calendars can open. Each deadline \
                     is an all-day event on the date that applies; importing a newer file updates the same events \
                     rather than adding copies."
                </p>
                <ErrorSummary errors=errors/>
                <div class="checkboxes__item">
                    <input class="checkbox" type="checkbox" id="calendar-names"
                        prop:checked=move || names.get()
                        on:change=move |ev| names.set(event_target_checked(&ev))/>
                    <label for="calendar-names">"Put the child's name in each event (otherwise their case reference)"</label>
                </div>
                <div class="form-group" class:form-group--error=move || error.get().is_some()>
                    <label class="label" for="reminder">"Remind me this many working days before"</label>
                    <div class="hint" id="reminder-hint">"0 for no reminder."</div>
                    <ErrorMessage id="reminder-error".to_string() message=error/>
                    <input class="input input--width-2" class:input--error=move || error.get().is_some()
                        id="reminder" type="text" inputmode="numeric" autocomplete="off"
                        aria-describedby=move || if error.get().is_some() { "reminder-hint reminder-error" } else { "reminder-hint" }
                        prop:value=move || reminder.get()
                        on:input=move |ev| reminder.set(event_target_value(&ev))/>
                </div>
                <button type="button" class="button button--secondary" id="calendar-download" on:click=export>"Download the calendar file"</button>
                <p class="body" role="status">{move || done.get()}</p>
            </div>
        </details>
    }
}
