//! The passphrase lock's cryptography, done by the browser (Web Crypto): a non-extractable
//! AES-GCM key derived from the passphrase with PBKDF2-SHA-256, and texts sealed with it,
//! each under a fresh random IV. The scheme's parameters and file formats are in
//! `care_planner_core::encryption`.

use std::fmt;

use care_planner_core::encryption::{
    KeyParams, LockRecord, Sealed, CHECK_TEXT, ITERATIONS, IV_BYTES, SALT_BYTES,
};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VaultError {
    /// The passphrase does not open what was sealed (or it was changed after sealing:
    /// AES-GCM cannot tell the two apart).
    WrongPassphrase,
    /// Web Crypto is missing: the page is not served over HTTPS, or the browser is too old.
    Unavailable,
    /// Anything else the browser reported.
    Failed(String),
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VaultError::WrongPassphrase => write!(
                f,
                "That passphrase is not the right one. Check Caps Lock and try again."
            ),
            VaultError::Unavailable => write!(
                f,
                "This browser cannot encrypt here: the passphrase lock needs Care Planner to be opened over \
                 HTTPS (or from a file) in a recent version of Edge, Chrome, Firefox or Safari."
            ),
            VaultError::Failed(detail) => {
                write!(f, "The browser could not encrypt or decrypt: {detail}")
            }
        }
    }
}

/// A key derived from a passphrase, with how it was derived.
#[derive(Clone)]
pub struct Vault {
    key: CryptoKey,
    pub params: KeyParams,
}

impl Vault {
    /// A new key for `passphrase`, with a new random salt.
    pub async fn create(passphrase: &str) -> Result<Vault, VaultError> {
        let params = KeyParams {
            salt: random_bytes(SALT_BYTES)?,
            iterations: ITERATIONS,
        };
        Vault::derive(passphrase, params).await
    }

    /// The key `params` derive from `passphrase` (about half a second: that is the point).
    pub async fn derive(passphrase: &str, params: KeyParams) -> Result<Vault, VaultError> {
        let subtle = subtle()?;
        // The same passphrase typed on another device may arrive composed differently
        // (é as one character or two); NFC makes them one key.
        let passphrase = String::from(js_sys::JsString::from(passphrase).normalize("NFC"));
        let base: CryptoKey = call(subtle.import_key_with_str(
            "raw",
            &Uint8Array::from(passphrase.as_bytes()),
            "PBKDF2",
            false,
            &usages(&["deriveKey"]),
        ))
        .await?
        .unchecked_into();
        let algorithm = object(&[
            ("name", "PBKDF2".into()),
            ("hash", "SHA-256".into()),
            ("salt", Uint8Array::from(params.salt.as_slice()).into()),
            ("iterations", params.iterations.into()),
        ]);
        let derived = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
        let key: CryptoKey = call(subtle.derive_key_with_object_and_object(
            &algorithm,
            &base,
            &derived,
            false,
            &usages(&["encrypt", "decrypt"]),
        ))
        .await?
        .unchecked_into();
        Ok(Vault { key, params })
    }

    /// Opens the lock `record` with `passphrase`: the key, if it is the right one.
    pub async fn unlock(passphrase: &str, record: &LockRecord) -> Result<Vault, VaultError> {
        // Held to the limits a backup file is: a damaged record must not hang the tab.
        if !record.key.is_usable() {
            return Err(VaultError::Failed(
                "the passphrase lock's record on this device is damaged".into(),
            ));
        }
        let vault = Vault::derive(passphrase, record.key.clone()).await?;
        match vault.open(&record.check).await?.as_str() {
            CHECK_TEXT => Ok(vault),
            _ => Err(VaultError::WrongPassphrase),
        }
    }

    /// What the device keeps to check a passphrase against this key.
    pub async fn lock_record(&self) -> Result<LockRecord, VaultError> {
        Ok(LockRecord {
            key: self.params.clone(),
            check: self.seal(CHECK_TEXT).await?,
        })
    }

    /// `text` encrypted under a fresh random IV.
    pub async fn seal(&self, text: &str) -> Result<Sealed, VaultError> {
        let iv = random_bytes(IV_BYTES)?;
        let data =
            call(subtle()?.encrypt_with_object_and_u8_array(&gcm(&iv), &self.key, text.as_bytes()))
                .await?;
        Ok(Sealed {
            iv,
            data: Uint8Array::new(&data).to_vec(),
        })
    }

    pub async fn open(&self, sealed: &Sealed) -> Result<String, VaultError> {
        let data = call(subtle()?.decrypt_with_object_and_u8_array(
            &gcm(&sealed.iv),
            &self.key,
            &sealed.data,
        ))
        .await
        .map_err(|e| match e {
            // AES-GCM's tag did not match: another key, or altered data.
            VaultError::Failed(detail) if detail.starts_with("OperationError") => {
                VaultError::WrongPassphrase
            }
            other => other,
        })?;
        String::from_utf8(Uint8Array::new(&data).to_vec())
            .map_err(|_| VaultError::Failed("the decrypted text is not UTF-8".into()))
    }

    /// Whether this is the key `record` checks for (the same salt: every new passphrase
    /// gets a new one).
    pub fn matches(&self, record: &LockRecord) -> bool {
        self.params == record.key
    }
}

fn subtle() -> Result<SubtleCrypto, VaultError> {
    let crypto = web_sys::window()
        .ok_or(VaultError::Unavailable)?
        .crypto()
        .map_err(|_| VaultError::Unavailable)?;
    // `crypto.subtle` is undefined outside a secure context.
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle")).unwrap_or(JsValue::UNDEFINED);
    if subtle.is_undefined() {
        return Err(VaultError::Unavailable);
    }
    Ok(subtle.unchecked_into())
}

fn random_bytes(n: usize) -> Result<Vec<u8>, VaultError> {
    let crypto = web_sys::window()
        .ok_or(VaultError::Unavailable)?
        .crypto()
        .map_err(|_| VaultError::Unavailable)?;
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|e| VaultError::Failed(describe(&e)))?;
    Ok(bytes)
}

fn gcm(iv: &[u8]) -> Object {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(iv).into()),
    ])
}

fn usages(names: &[&str]) -> JsValue {
    names
        .iter()
        .map(|n| JsValue::from_str(n))
        .collect::<Array>()
        .into()
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

async fn call(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, VaultError> {
    let promise = promise.map_err(|e| VaultError::Failed(describe(&e)))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| VaultError::Failed(describe(&e)))
}

fn describe(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    error
        .as_string()
        .unwrap_or_else(|| "an unknown error".into())
}
