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

fn get<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    available().then(|| LocalStorage::get(key).ok()).flatten()
}

/// False if the browser would not keep it.
fn set<T: serde::Serialize>(key: &str, value: T) -> bool {
    available() && LocalStorage::set(key, value).is_ok()
}

thread_local! {
    /// The idle time chosen in this tab, for when the browser would not keep it.
    static IDLE_CHOSEN: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// The text of every profile file the user added, oldest first.
pub fn profile_files() -> Vec<String> {
    get(PROFILES).unwrap_or_default()
}

/// Keeps the text of a profile file; false if the browser refused (the profile then lasts
/// only while the tab is open, and the page says so).
pub fn add_profile_file(text: &str) -> bool {
    let mut files = profile_files();
    files.push(text.to_string());
    set(PROFILES, files)
}

/// When the last backup file of all cases was made (an RFC 3339 timestamp).
pub fn last_backup() -> Option<String> {
    get(LAST_BACKUP)
}

pub fn set_last_backup(stamp: &str) {
    // A preference that cannot be kept only means the reminder shows again.
    set(LAST_BACKUP, stamp);
}

/// The calendar export's reminder, in working days, as last chosen. (Whether names go in
/// the events is never kept: each export starts without them.)
pub fn calendar_options() -> u32 {
    get(CALENDAR).unwrap_or(2)
}

pub fn set_calendar_options(reminder: u32) {
    // Not kept only means the default comes back next time.
    set(CALENDAR, reminder);
}

/// Minutes without use before the passphrase lock locks the app.
pub fn idle_lock_minutes() -> u32 {
    IDLE_CHOSEN
        .with(|c| c.get())
        .or_else(|| get(IDLE_LOCK))
        .filter(|m| care_planner_core::encryption::IDLE_CHOICES.contains(m))
        .unwrap_or(care_planner_core::encryption::DEFAULT_IDLE_MINUTES)
}

/// False if the browser refused: the choice then lasts only until the page is reloaded.
pub fn set_idle_lock_minutes(minutes: u32) -> bool {
    IDLE_CHOSEN.with(|c| c.set(Some(minutes)));
    set(IDLE_LOCK, minutes)
}

pub fn clear() {
    IDLE_CHOSEN.with(|c| c.set(None));
    if !available() {
        return;
    }
    LocalStorage::delete(LAST_BACKUP);
    LocalStorage::delete(PROFILES);
    LocalStorage::delete(CALENDAR);
    LocalStorage::delete(IDLE_LOCK);
}
