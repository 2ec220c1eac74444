//! Today's date from the browser's clock: the one place the UI reads the time. The core
//! never does; it is given "today" (which is also what a trainer's pretend clock will set).

use care_planner_core::calendar::Date;

/// Today on this device's calendar (local time, so just after midnight is the new day).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .expect("the browser gives a real date")
}
