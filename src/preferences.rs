//! Preferences kept in this browser's localStorage: never case content, only settings, the
//! profile files the user added, and when the last backup was made.

use gloo_storage::{LocalStorage, Storage};

const LAST_BACKUP: &str = "care-planner.last-backup";
const PROFILES: &str = "care-planner.profiles";
const CALENDAR: &str = "care-planner.calendar";
const IDLE_LOCK: &str = "care-planner.lock-after-minutes";

/// Whether this browser lets the page use localStorage at all. Safari is reported to refuse
/// it to a page opened from a file, as do browsers set to block all site data; gloo_storage
/// would then throw and stop the app, where a preference that is not kept does no harm.
fn available() -> bool {
    web_sys::window().is_some_and(|w| w.local_storage().ok().flatten().is_some())
}

/// The text of every profile file the user added, oldest first.
pub fn profile_files() -> Vec<String> {
    if !available() {
        return Vec::new();
    }
    LocalStorage::get(PROFILES).unwrap_or_default()
}

/// Keeps the text of a profile file; false if the browser refused (the profile then lasts
/// only while the tab is open, and the page says so).
pub fn add_profile_file(text: &str) -> bool {
    let mut files = profile_files();
    files.push(text.to_string());
    available() && LocalStorage::set(PROFILES, files).is_ok()
}

/// When the last backup file of all cases was made (an RFC 3339 timestamp).
pub fn last_backup() -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::get(LAST_BACKUP).ok()
}

pub fn set_last_backup(stamp: &str) {
    // A preference that cannot be kept only means the reminder shows again.
    if available() {
        let _ = LocalStorage::set(LAST_BACKUP, stamp);
    }
}

/// The calendar export's reminder, in working days, as last chosen. (Whether names go in
/// the events is never kept: each export starts without them.)
pub fn calendar_options() -> u32 {
    if !available() {
        return 2;
    }
    LocalStorage::get(CALENDAR).unwrap_or(2)
}

pub fn set_calendar_options(reminder: u32) {
    // Not kept only means the default comes back next time.
    if available() {
        let _ = LocalStorage::set(CALENDAR, reminder);
    }
}

/// Minutes without use before the passphrase lock locks the app.
pub fn idle_lock_minutes() -> u32 {
    LocalStorage::get(IDLE_LOCK)
        .ok()
        .filter(|m| care_planner_core::encryption::IDLE_CHOICES.contains(m))
        .unwrap_or(care_planner_core::encryption::DEFAULT_IDLE_MINUTES)
}

/// False if the browser refused: the choice then lasts only until the page is reloaded.
pub fn set_idle_lock_minutes(minutes: u32) -> bool {
    LocalStorage::set(IDLE_LOCK, minutes).is_ok()
}

pub fn clear() {
    if !available() {
        return;
    }
    LocalStorage::delete(LAST_BACKUP);
    LocalStorage::delete(PROFILES);
    LocalStorage::delete(CALENDAR);
    LocalStorage::delete(IDLE_LOCK);
}
