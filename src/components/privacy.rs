use leptos::prelude::*;

/// What the app does with data. Must stay true: update it whenever storage, the service
/// worker or any request the app makes changes (docs/storage.md, docs/offline.md).
#[component]
pub fn PrivacyStatement() -> impl IntoView {
    let rows: [(&str, &str, &str); 5] = [
        (
            "Cases: the child's name or initials, reference, date of birth, events, tasks, wizard \
             answers and the history of changes",
            "This browser's IndexedDB storage, on this device. With a passphrase lock, each case is \
             encrypted (AES-GCM, with a key made from your passphrase by PBKDF2-SHA-256 with 600,000 \
             rounds); the passphrase and the key are never stored.",
            "Until you delete them. The browser may clear them if the device runs short of space, \
             unless it has agreed to keep them (the Settings page says which).",
        ),
        (
            "The passphrase lock's record: a random salt and a check value, never the passphrase",
            "IndexedDB, beside the cases",
            "Until you remove the lock or delete all data",
        ),
        (
            "Preferences: profile files you added, when you last made a backup, how many working days \
             ahead calendar reminders are, and how long before the lock locks",
            "This browser's local storage, on this device",
            "Until you delete all data",
        ),
        (
            "Care Planner's own files (its page, program and styles), so that it opens without a network",
            "This browser's cache for the site (a service worker), when Care Planner is opened from a \
             web address. Never any case data.",
            "Until a new version replaces them, or the site's data is cleared in the browser",
        ),
        (
            "Which case changed (its id only), so that every open tab shows the latest version",
            "Passed between open tabs of Care Planner on this device; not kept",
            "Only while the tabs are open",
        ),
    ];
    view! {
        <p class="body">
            "Care Planner runs entirely in your web browser. Its files are loaded from the address \
             you opened it from (or the file itself), and it makes no other network requests: no \
             analytics, no cookies, no fonts, scripts or images from anywhere else. The page's \
             security policy tells the browser to refuse any connection to another site."
        </p>
        <table class="table" id="privacy-table">
            <caption class="visually-hidden">"What Care Planner keeps, where, and for how long"</caption>
            <thead>
                <tr>
                    <th scope="col">"What is kept"</th>
                    <th scope="col">"Where"</th>
                    <th scope="col">"For how long"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|(what, place, how_long)| view! {
                    <tr><th scope="row">{what}</th><td>{place}</td><td>{how_long}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="body">
            "Nothing leaves this device unless you export it: a backup file (encrypted if you give it a \
             passphrase), a calendar file (with the case reference, and the child's name only if you tick \
             that box for that export), or a printed page. Keep those on your authority's secure storage."
        </p>
        <p class="body">
            "Anyone who uses this browser profile on this device can open the cases unless a passphrase \
             lock is set. While Care Planner is unlocked the cases are in the page's memory; locking it \
             (the Lock button, or after the time you choose without use) takes them off the page and \
             drops the key, though the browser frees that memory in its own time. Under the lock each \
             case's id (for a case added here, the time it was added and a random part; an imported \
             case keeps the id in its file), format and number of changes stay readable, so that saves can be checked; nothing else does. Page titles never \
             name a child, because the browser's history keeps them (titles kept by versions before \
             this one may still be in the history: clear it once). The lock protects what the browser \
             stores; the browser's own files may keep fragments of data deleted, or saved before the \
             lock was set, until it tidies them, so use it on a device with full-disk encryption, as \
             council laptops have."
        </p>
        <p class="body">
            "When Care Planner is opened as a file from a disk or file share, the browser keeps its cases in \
             a storage area that every file opened from disk shares: set a passphrase lock there."
        </p>
        <p class="body">
            "\u{201c}Delete all data on this device\u{201d} on the Settings page removes every case, the lock \
             and the preferences. Care Planner's cached files hold no case data and stay until the site's \
             data is cleared in the browser."
        </p>
    }
}
