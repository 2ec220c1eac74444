//! Locks the app after the chosen minutes without a key press, click, touch or scroll, when
//! a passphrase lock is set. Each tab counts its own use: an unattended tab locks even while
//! another is in use.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;

use crate::casebook::{casebook, Lock};

thread_local! {
    /// When this tab was last used (milliseconds since 1970).
    static LAST_USED: Cell<f64> = Cell::new(js_sys::Date::now());
}

const USE: [&str; 6] = [
    "keydown",
    "pointerdown",
    "pointermove",
    "wheel",
    "touchstart",
    "scroll",
];

#[component]
pub fn IdleLock() -> impl IntoView {
    let book = casebook();
    for event in USE {
        let handle = window_event_listener_untyped(event, |_| {
            LAST_USED.with(|t| t.set(js_sys::Date::now()));
        });
        on_cleanup(move || handle.remove());
    }
    // Unlocking counts as use, so the clock starts again then.
    Effect::new(move |_| {
        if book.lock.get() == Lock::Unlocked {
            LAST_USED.with(|t| t.set(js_sys::Date::now()));
        }
    });
    let check = move || {
        if book.lock.get_untracked() != Lock::Unlocked {
            return;
        }
        let idle = js_sys::Date::now() - LAST_USED.with(Cell::get);
        let allowed = crate::preferences::idle_lock_minutes() as f64 * 60_000.0;
        if idle >= allowed {
            book.lock_now(false);
        }
    };
    if let Ok(interval) = set_interval_with_handle(check, Duration::from_secs(5)) {
        on_cleanup(move || interval.clear());
    }
}
