use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

/// Why the store could not do what was asked. Every variant says, in plain words, what
/// happened and what to do; nothing has been changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The device's storage is full.
    Quota,
    /// The browser stopped the save part-way (it is undone as a whole).
    Aborted,
    /// The browser does not let this page keep data (private window, blocked by policy).
    Unavailable(String),
    /// The case was changed elsewhere (another tab) since this copy was read.
    Stale { id: String, stored: u64, yours: u64 },
    /// The case is no longer stored (deleted in another tab).
    Gone(String),
    /// A case with this id is already stored.
    Exists(String),
    /// The connection closed under this tab (a newer version opened in another tab, or the
    /// browser's site data was cleared).
    Closed,
    /// "Delete all": the number of cases changed since the user confirmed.
    CountChanged,
    /// A passphrase lock is set and this tab does not hold the key.
    Locked,
    /// The passphrase was set, changed or removed in another tab since this one unlocked.
    LockChanged,
    /// Cases changed in another tab while they were being encrypted or decrypted.
    ChangedMeanwhile,
    /// Changing the lock was refused: this many stored records cannot be decrypted with the
    /// passphrase in use, and would be left unreadable for good.
    Undecryptable(usize),
    /// Web Crypto could not encrypt or decrypt, in its words.
    Encryption(String),
    /// Anything else the browser reported, with its words.
    Other(String),
}

impl StoreError {
    /// Reads a `DOMException` (or anything else) thrown by IndexedDB.
    pub fn from_js(value: JsValue) -> StoreError {
        if let Some(e) = value.dyn_ref::<web_sys::DomException>() {
            return match e.name().as_str() {
                "QuotaExceededError" => StoreError::Quota,
                "AbortError" => StoreError::Aborted,
                // Not `UnknownError`: a damaged or locked database must not be taken for a
                // browser that keeps nothing (the cases may still be there).
                "SecurityError" | "InvalidStateError" | "NotAllowedError" => {
                    StoreError::Unavailable(format!("{}: {}", e.name(), e.message()))
                }
                _ => StoreError::Other(format!("{}: {}", e.name(), e.message())),
            };
        }
        if let Some(e) = value.dyn_ref::<js_sys::Error>() {
            return StoreError::Other(String::from(e.message()));
        }
        StoreError::Other(
            value
                .as_string()
                .unwrap_or_else(|| "an unknown error".into()),
        )
    }

    pub fn from_vault(error: crate::vault::VaultError) -> StoreError {
        StoreError::Encryption(error.to_string())
    }

    pub fn is_stale(&self) -> bool {
        matches!(
            self,
            StoreError::Stale { .. } | StoreError::Gone(_) | StoreError::Exists(_)
        )
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Quota => write!(
                f,
                "This device's storage for Care Planner is full, so the change was not saved. Export a backup, \
                 then free space (delete cases you no longer need, or other sites' data) and try again."
            ),
            StoreError::Aborted => write!(
                f,
                "The browser stopped the save before it finished, so nothing was changed. Try again; if it keeps \
                 happening, export a backup and reload the page."
            ),
            StoreError::Unavailable(detail) => write!(
                f,
                "This browser is not letting Care Planner keep data on this device ({detail}). This happens in \
                 private windows and where storage is blocked by policy. Open Care Planner in a normal window, \
                 or ask your IT team to allow site data for it."
            ),
            StoreError::Stale { .. } => write!(
                f,
                "This case was changed in another tab or window after you opened it, so your change was not \
                 saved (it would have overwritten the newer one). The page now shows the latest version: check \
                 it, then make your change again."
            ),
            StoreError::Gone(_) => write!(
                f,
                "This case has been deleted in another tab or window, so your change was not saved."
            ),
            StoreError::Exists(id) => write!(
                f,
                "A case with id \"{id}\" is already on this device, so it was not added again."
            ),
            StoreError::Closed => write!(
                f,
                "This tab can no longer save: Care Planner was opened in a newer version in another tab, or \
                 this browser's site data was cleared. Nothing was changed. Reload the page to carry on."
            ),
            StoreError::CountChanged => write!(
                f,
                "The cases on this device changed while you were deciding (one was added or deleted in \
                 another tab). Nothing was deleted: check the number and confirm again."
            ),
            StoreError::Locked => write!(
                f,
                "Care Planner is locked, so nothing was read or changed. Unlock it with your passphrase to carry on."
            ),
            StoreError::LockChanged => write!(
                f,
                "The passphrase was set, changed or removed in another tab or window, so nothing was saved \
                 from this one. Unlock again to carry on."
            ),
            StoreError::ChangedMeanwhile => write!(
                f,
                "Cases were changed in another tab or window while they were being encrypted, so nothing was \
                 changed. Try again."
            ),
            StoreError::Undecryptable(n) => write!(
                f,
                "{n} stored records cannot be decrypted with the passphrase in use (they may be damaged), so \
                 the lock was not changed: changing it would leave them unreadable for good. They are listed \
                 on your caseload page, where you can download them; nothing was changed."
            ),
            StoreError::Encryption(detail) => write!(f, "{detail} Nothing was changed."),
            StoreError::Other(detail) => write!(
                f,
                "The change could not be saved: the browser reported \"{detail}\". Nothing was changed. Try \
                 again; if it keeps happening, export a backup."
            ),
        }
    }
}
