//! Preferences kept in this browser's localStorage: never case content, only settings and
//! when the last backup was made.

use gloo_storage::{LocalStorage, Storage};

const LAST_BACKUP: &str = "care-planner.last-backup";

/// When the last backup file of all cases was made (an RFC 3339 timestamp).
pub fn last_backup() -> Option<String> {
    LocalStorage::get(LAST_BACKUP).ok()
}

pub fn set_last_backup(stamp: &str) {
    // A preference that cannot be kept only means the reminder shows again.
    let _ = LocalStorage::set(LAST_BACKUP, stamp);
}

pub fn clear() {
    LocalStorage::delete(LAST_BACKUP);
}
