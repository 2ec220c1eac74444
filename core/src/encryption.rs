//! The passphrase lock's scheme and file formats. The browser does the cryptography itself
//! (Web Crypto: PBKDF2-SHA-256 to derive an AES-GCM key, a fresh random IV for each thing
//! sealed); this module holds what can be decided without it: the parameters, the rules for
//! a passphrase, the idle times offered, the lock record kept beside the cases, and the
//! encrypted backup file, read as carefully as any other file the user gives us.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::problem::Problem;

/// PBKDF2-SHA-256 iterations for a new key: OWASP's figure for PBKDF2-HMAC-SHA256.
pub const ITERATIONS: u32 = 600_000;
/// A file may ask for more (a later version may raise the figure) but not so many that
/// opening it would hang the browser for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const MAX_SALT_BYTES: usize = 64;
/// AES-GCM's standard 96-bit IV.
pub const IV_BYTES: usize = 12;
/// AES-GCM appends a 128-bit tag, so nothing sealed is shorter.
pub const TAG_BYTES: usize = 16;

/// NCSC advice favours length (three random words) over rules about symbols.
pub const MIN_PASSPHRASE_CHARS: usize = 10;
pub const MAX_PASSPHRASE_CHARS: usize = 1024;

/// Minutes without a key press, click or touch before an unlocked app locks itself.
pub const IDLE_CHOICES: [u32; 6] = [1, 5, 10, 15, 30, 60];
pub const DEFAULT_IDLE_MINUTES: u32 = 10;

/// Sealed with the key when the lock is set, so that a passphrase can be checked before
/// anything else is decrypted (and on a device with no cases yet).
pub const CHECK_TEXT: &str = "care-planner passphrase check";

/// How a key is derived from a passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyParams {
    #[serde(with = "base64_text")]
    pub salt: Vec<u8>,
    pub iterations: u32,
}

impl KeyParams {
    /// Within the limits any file or record is held to: enough iterations, not so many that
    /// deriving the key would hang the browser, and a salt of a sane length.
    pub fn is_usable(&self) -> bool {
        (ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations)
            && (SALT_BYTES..=MAX_SALT_BYTES).contains(&self.salt.len())
    }
}

/// One text encrypted with AES-GCM: its IV and the ciphertext with its tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    #[serde(with = "base64_text")]
    pub iv: Vec<u8>,
    #[serde(with = "base64_text")]
    pub data: Vec<u8>,
}

/// What the device keeps when a lock is set: how to derive the key, and `CHECK_TEXT`
/// sealed with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub key: KeyParams,
    pub check: Sealed,
}

/// As kept on the device: JSON text, bytes in base64.
macro_rules! kept_as_text {
    ($t:ty) => {
        impl $t {
            pub fn to_text(&self) -> String {
                serde_json::to_string(self).expect("plain data always serialises")
            }

            /// `None` if `text` is not one, or damaged.
            pub fn from_text(text: &str) -> Option<$t> {
                serde_json::from_str(text).ok()
            }
        }
    };
}
kept_as_text!(Sealed);
kept_as_text!(LockRecord);

/// Why a passphrase cannot be used, in the words of the error summary.
pub fn check_new_passphrase(passphrase: &str, again: &str) -> Result<(), Problem> {
    let chars = passphrase.chars().count();
    if chars == 0 {
        return Err(Problem::new("new-passphrase", "Enter a passphrase"));
    }
    if chars < MIN_PASSPHRASE_CHARS {
        return Err(Problem::new(
            "new-passphrase",
            format!(
                "Passphrase must be {MIN_PASSPHRASE_CHARS} characters or more (three random words are easy to remember and hard to guess)"
            ),
        ));
    }
    if chars > MAX_PASSPHRASE_CHARS {
        return Err(Problem::new(
            "new-passphrase",
            format!("Passphrase must be {MAX_PASSPHRASE_CHARS} characters or fewer"),
        ));
    }
    if passphrase.trim() != passphrase {
        return Err(Problem::new(
            "new-passphrase",
            "Passphrase must not begin or end with a space",
        ));
    }
    if again.is_empty() {
        return Err(Problem::new(
            "confirm-passphrase",
            "Enter the passphrase again",
        ));
    }
    if again != passphrase {
        return Err(Problem::new(
            "confirm-passphrase",
            "The two passphrases are not the same: enter the same passphrase twice",
        ));
    }
    Ok(())
}

/// The `format` of an encrypted backup file.
pub const FILE_FORMAT: &str = "care-planner-encrypted-backup";
pub const FILE_VERSION: u64 = 1;

/// An encrypted backup: the backup file's text sealed with a key derived from its own
/// passphrase and salt (not the device's, so it can be opened on another device).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedFile {
    pub key: KeyParams,
    pub sealed: Sealed,
}

impl SealedFile {
    pub fn to_json(&self) -> String {
        let file = serde_json::json!({
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "about": "An encrypted Care Planner backup. Import it on Care Planner's Settings page with its passphrase.",
            "kdf": {
                "name": "PBKDF2",
                "hash": "SHA-256",
                "iterations": self.key.iterations,
                "salt": base64::encode(&self.key.salt),
            },
            "cipher": { "name": "AES-GCM", "iv": base64::encode(&self.sealed.iv) },
            "data": base64::encode(&self.sealed.data),
        });
        serde_json::to_string_pretty(&file).expect("a JSON value always serialises")
    }

    /// `Ok(None)` when `text` is not an encrypted backup at all (a plain case file, or not
    /// JSON: the case file reader says what is wrong with it). An encrypted backup with
    /// anything wrong or unknown in it is refused with where and what.
    pub fn parse(text: &str) -> Result<Option<SealedFile>, Vec<Problem>> {
        // A plain backup starts with its own format; only an object whose `format` is ours
        // is read further (serde_json limits nesting, so a hostile file cannot overflow).
        let Ok(Value::Object(file)) =
            serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}'))
        else {
            return Ok(None);
        };
        if file.get("format").and_then(Value::as_str) != Some(FILE_FORMAT) {
            return Ok(None);
        }
        let mut problems = Vec::new();
        let mut problem = |at: &str, message: String| problems.push(Problem::new(at, message));
        match file.get("version").and_then(Value::as_u64) {
            Some(FILE_VERSION) => {}
            Some(v) if v > FILE_VERSION => problem(
                "version",
                format!("This encrypted backup was made by a newer version of Care Planner (version {v}); reload the page to get the newest version"),
            ),
            _ => problem("version", format!("Must be {FILE_VERSION}")),
        }
        let text_at = |path: &[&str]| {
            path.iter()
                .try_fold(&Value::Object(file.clone()), |v, key| v.get(*key))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        if text_at(&["kdf", "name"]).as_deref() != Some("PBKDF2") {
            problem("kdf › name", "Must be \"PBKDF2\"".into());
        }
        if text_at(&["kdf", "hash"]).as_deref() != Some("SHA-256") {
            problem("kdf › hash", "Must be \"SHA-256\"".into());
        }
        if text_at(&["cipher", "name"]).as_deref() != Some("AES-GCM") {
            problem("cipher › name", "Must be \"AES-GCM\"".into());
        }
        let iterations = file
            .get("kdf")
            .and_then(|k| k.get("iterations"))
            .and_then(Value::as_u64);
        let iterations = match iterations {
            Some(n) if (ITERATIONS as u64..=MAX_ITERATIONS as u64).contains(&n) => n as u32,
            _ => {
                problem(
                    "kdf › iterations",
                    format!("Must be a whole number from {ITERATIONS} to {MAX_ITERATIONS}"),
                );
                0
            }
        };
        let mut bytes = |path: &[&str], valid: &dyn Fn(usize) -> bool, what: &str| {
            let at = path.join(" › ");
            match text_at(path).map(|t| base64::decode(&t)) {
                Some(Some(b)) if valid(b.len()) => b,
                Some(Some(_)) => {
                    problem(&at, format!("Must be {what}"));
                    Vec::new()
                }
                Some(None) => {
                    problem(&at, "Must be base64 text".into());
                    Vec::new()
                }
                None => {
                    problem(&at, format!("Missing: must be {what}, in base64"));
                    Vec::new()
                }
            }
        };
        let salt = bytes(
            &["kdf", "salt"],
            &|n| (SALT_BYTES..=MAX_SALT_BYTES).contains(&n),
            "16 to 64 bytes",
        );
        let iv = bytes(&["cipher", "iv"], &|n| n == IV_BYTES, "12 bytes");
        let data = bytes(&["data"], &|n| n >= TAG_BYTES, "at least 16 bytes");
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Some(SealedFile {
            key: KeyParams { salt, iterations },
            sealed: Sealed { iv, data },
        }))
    }
}

/// Standard base64 with padding (RFC 4648 §4), for bytes kept in JSON.
pub mod base64 {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// `None` unless `text` is exactly canonical padded base64.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let text = text.as_bytes();
        if !text.len().is_multiple_of(4) {
            return None;
        }
        let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
        let mut out = Vec::with_capacity(text.len() / 4 * 3);
        for (i, chunk) in text.chunks(4).enumerate() {
            let last = i == text.len() / 4 - 1;
            let padding = chunk.iter().rev().take_while(|&&c| c == b'=').count();
            if padding > 2 || (padding > 0 && !last) {
                return None;
            }
            let mut n = 0u32;
            for &c in &chunk[..4 - padding] {
                n = n << 6 | value(c)?;
            }
            n <<= 6 * padding as u32;
            let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            // Non-canonical: bits set in the padding.
            if decoded[3 - padding..].iter().any(|&b| b != 0) {
                return None;
            }
            out.extend_from_slice(&decoded[..3 - padding]);
        }
        Some(out)
    }
}

mod base64_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::base64::encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        super::base64::decode(&text).ok_or_else(|| serde::de::Error::custom("not base64"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn base64_matches_rfc_4648_test_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64::encode(plain.as_bytes()), encoded);
            assert_eq!(base64::decode(encoded).unwrap(), plain.as_bytes());
        }
        for bad in ["Zg=", "Zg==Zg==", "Z===", "Zh==", "Zm9v!A==", "====", "Zm8"] {
            assert_eq!(base64::decode(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn base64_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(base64::decode(&base64::encode(&bytes)), Some(bytes));
        }

        /// Whatever text arrives, parsing answers (never panics), and only a file claiming
        /// our format is ever taken for an encrypted backup.
        #[test]
        fn parsing_any_text_answers(text in ".{0,300}") {
            if let Ok(Some(_)) = SealedFile::parse(&text) {
                prop_assert!(text.contains(FILE_FORMAT));
            }
        }
    }

    fn file() -> SealedFile {
        SealedFile {
            key: KeyParams {
                salt: (0..16).collect(),
                iterations: ITERATIONS,
            },
            sealed: Sealed {
                iv: vec![7; 12],
                data: vec![9; 40],
            },
        }
    }

    #[test]
    fn an_encrypted_backup_reads_back_as_written() {
        let text = file().to_json();
        assert!(text.contains("\"iterations\": 600000"));
        assert_eq!(SealedFile::parse(&text), Ok(Some(file())));
    }

    #[test]
    fn a_plain_backup_or_other_text_is_not_taken_for_an_encrypted_one() {
        for text in [
            "",
            "not json",
            "[]",
            r#"{"format":"care-planner-cases","version":1,"cases":[]}"#,
        ] {
            assert_eq!(SealedFile::parse(text), Ok(None), "{text}");
        }
    }

    #[test]
    fn a_damaged_or_weakened_encrypted_backup_is_refused_saying_where() {
        let with = |path: &[&str], value: Value| {
            let mut v: Value = serde_json::from_str(&file().to_json()).unwrap();
            let (last, parents) = path.split_last().unwrap();
            let mut at = &mut v;
            for p in parents {
                at = &mut at[*p];
            }
            at[*last] = value;
            let problems = SealedFile::parse(&v.to_string()).unwrap_err();
            problems
                .iter()
                .map(|p| p.location.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            with(&["kdf", "iterations"], 1000.into()),
            ["kdf › iterations"]
        );
        assert_eq!(
            with(&["kdf", "iterations"], 1e12.into()),
            ["kdf › iterations"]
        );
        assert_eq!(with(&["kdf", "hash"], "SHA-1".into()), ["kdf › hash"]);
        assert_eq!(with(&["cipher", "iv"], "AAAA".into()), ["cipher › iv"]);
        assert_eq!(with(&["kdf", "salt"], "no!".into()), ["kdf › salt"]);
        assert_eq!(with(&["data"], Value::Null), ["data"]);
        assert_eq!(with(&["version"], 2.into()), ["version"]);
        let newer =
            SealedFile::parse(&file().to_json().replace("\"version\": 1", "\"version\": 7"));
        assert!(newer.unwrap_err()[0].message.contains("newer version"));
    }

    #[test]
    fn a_passphrase_must_be_long_and_entered_twice_the_same() {
        let fields = |p: &str, a: &str| check_new_passphrase(p, a).map_err(|e| e.location);
        assert_eq!(fields("", ""), Err("new-passphrase".into()));
        assert_eq!(fields("short", "short"), Err("new-passphrase".into()));
        assert_eq!(
            fields(" apple pear plum", " apple pear plum"),
            Err("new-passphrase".into())
        );
        assert_eq!(
            fields("apple pear plum", ""),
            Err("confirm-passphrase".into())
        );
        assert_eq!(
            fields("apple pear plum", "apple pear plun"),
            Err("confirm-passphrase".into())
        );
        assert_eq!(fields("apple pear plum", "apple pear plum"), Ok(()));
        // Characters, not bytes: ten accented letters are enough.
        assert_eq!(fields("éééééééééé", "éééééééééé"), Ok(()));
    }

    #[test]
    fn key_parameters_outside_the_limits_are_not_used() {
        let key = |iterations, salt: usize| {
            KeyParams {
                salt: vec![1; salt],
                iterations,
            }
            .is_usable()
        };
        assert!(key(ITERATIONS, 16));
        assert!(!key(ITERATIONS - 1, 16));
        assert!(!key(MAX_ITERATIONS + 1, 16));
        assert!(!key(ITERATIONS, 15));
        assert!(!key(ITERATIONS, 65));
    }

    #[test]
    fn the_lock_record_reads_back_as_written() {
        let record = LockRecord {
            key: file().key,
            check: file().sealed,
        };
        assert_eq!(LockRecord::from_text(&record.to_text()), Some(record));
        assert_eq!(
            LockRecord::from_text(r#"{"key":{"salt":"!!","iterations":1}}"#),
            None
        );
    }
}
