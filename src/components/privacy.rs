use leptos::prelude::*;

/// What the app does with data. Must stay true: update it whenever storage or any
/// request the app makes changes.
#[component]
pub fn PrivacyStatement() -> impl IntoView {
    view! {
        <p class="body">
            "Care Planner runs entirely in your web browser. Its files are loaded from the address \
             you opened it from, and it makes no other network requests: no analytics, no cookies, \
             no fonts, scripts or images from anywhere else. The page's security policy tells the \
             browser to refuse any connection to another site."
        </p>
        <p class="body">
            "Cases you record (the child's name or initials, reference, date of birth, events, tasks, \
             answers and the history of changes) are kept only in this browser on this device, in its \
             IndexedDB storage, until you delete them. They are never sent anywhere. Other people who \
             use this browser profile on this device can see them, so use your own account."
        </p>
        <p class="body">
            "This browser's local storage keeps the profile files you add on the Settings page, \
             when you last made a backup, and how many working days ahead your calendar reminders are \
             set. Open tabs \
             of Care Planner tell each other which case changed (its id only), so that each shows the \
             latest version."
        </p>
        <p class="body">
            "A backup or export is a file you save; keep it on your authority's secure storage. \
             \u{201c}Delete all data on this device\u{201d} on the Settings page removes everything Care \
             Planner has kept."
        </p>
    }
}
