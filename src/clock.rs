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

/// Now, as an RFC 3339 UTC timestamp: when a change was made, for the case's history.
pub fn now_stamp() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Now on this device's clock as "14:03", for "Saved at 14:03".
pub fn time_of_day() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

/// A timestamp from `now_stamp` as the device's local date and time: "23 Nov 2026, 14:03".
pub fn local_stamp(stamp: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(stamp));
    if date.get_time().is_nan() {
        return stamp.to_string();
    }
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {}, {:02}:{:02}",
        date.get_date(),
        MONTHS[date.get_month() as usize],
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Whole days from the timestamp `stamp` to now (`None` if it is not a timestamp).
pub fn days_since(stamp: &str) -> Option<i64> {
    let then = js_sys::Date::parse(stamp);
    (!then.is_nan()).then(|| ((js_sys::Date::now() - then) / 86_400_000.0).floor() as i64)
}

/// A new id for a case, event or task: the time and a random part, so that ids made in two
/// tabs (or on two devices) at once do not collide.
pub fn new_id(prefix: &str) -> String {
    let random = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("{prefix}-{:x}-{random:x}", js_sys::Date::now() as u64)
}
