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
            "This version does not store anything: no case details, answers or settings are kept \
             on this device or sent anywhere. When case recording is added, cases will be kept only \
             in this browser on this device, and this statement will say how and for how long."
        </p>
    }
}
