//! Where cases are kept: one interface over IndexedDB (the device) and memory (tests, and
//! a browser that refuses storage). Every write names the revision it started from, and
//! the store refuses a write whose revision is no longer the stored one, so an edit made in
//! one tab from a stale copy never overwrites a newer one made in another.

mod error;
pub mod indexed_db;
pub mod memory;

pub use error::StoreError;

use care_planner_core::encryption::LockRecord;
use care_planner_core::model::import::Replacement;
use care_planner_core::model::Case;

/// A record that could not be read: kept, shown, and offered for download; never deleted
/// except by "Delete all data on this device".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    /// The case id the record was stored under, if it had one.
    pub id: String,
    /// The record as stored.
    pub json: String,
    pub schema: u32,
    /// Why it could not be read, in words.
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub cases: Vec<Case>,
    pub quarantined: Vec<Quarantined>,
    /// How many records were upgraded from an older format while loading.
    pub upgraded: usize,
    /// Upgraded or unreadable records could not be written back (they are unchanged).
    pub problem: Option<String>,
}

pub enum Store {
    Device(indexed_db::IndexedDb),
    Memory(memory::Memory),
}

impl Store {
    /// Every case, with records written by older versions upgraded and unreadable ones set
    /// aside.
    pub async fn load_all(&self) -> Result<Loaded, StoreError> {
        match self {
            Store::Device(db) => db.load_all().await,
            Store::Memory(m) => m.load_all(),
        }
    }

    /// One case as stored now.
    pub async fn get(&self, id: &str) -> Result<Option<Case>, StoreError> {
        match self {
            Store::Device(db) => db.get(id).await,
            Store::Memory(m) => m.get(id),
        }
    }

    /// Stores a new case as revision 1. Refused if its id is taken.
    pub async fn create(&self, case: Case) -> Result<Case, StoreError> {
        let case = Case {
            revision: 1,
            ..case
        };
        match self {
            Store::Device(db) => db.write(vec![Write::Create(case.clone())]).await?,
            Store::Memory(m) => m.write(vec![Write::Create(case.clone())])?,
        }
        Ok(case)
    }

    /// Stores a changed case. `case.revision` must be the stored revision it was changed
    /// from; the stored copy is then revision + 1, which is returned.
    pub async fn save(&self, case: Case) -> Result<Case, StoreError> {
        let saved = Case {
            revision: case.revision + 1,
            ..case.clone()
        };
        let write = Write::Replace {
            case: saved.clone(),
            expected: case.revision,
        };
        match self {
            Store::Device(db) => db.write(vec![write]).await?,
            Store::Memory(m) => m.write(vec![write])?,
        }
        Ok(saved)
    }

    /// Deletes a case, if it is still at `revision`.
    pub async fn delete(&self, id: &str, revision: u64) -> Result<(), StoreError> {
        let write = Write::Delete {
            id: id.to_string(),
            expected: revision,
        };
        match self {
            Store::Device(db) => db.write(vec![write]).await,
            Store::Memory(m) => m.write(vec![write]),
        }
    }

    /// Adds and replaces cases from an import, all or none.
    pub async fn import(
        &self,
        add: Vec<Case>,
        replace: Vec<Replacement>,
    ) -> Result<(), StoreError> {
        let mut writes: Vec<Write> = add.into_iter().map(Write::Create).collect();
        writes.extend(replace.into_iter().map(|r| Write::Replace {
            case: Case {
                revision: r.replaces_revision + 1,
                ..r.incoming
            },
            expected: r.replaces_revision,
        }));
        match self {
            Store::Device(db) => db.write(writes).await,
            Store::Memory(m) => m.write(writes),
        }
    }

    /// Deletes every case and every set-aside record, if there are still `expected` of them
    /// together: the number the user confirmed. (Together, because a record that cannot be
    /// read may be listed as set aside while still stored with the cases.)
    pub async fn delete_all(&self, expected: Option<usize>) -> Result<(), StoreError> {
        match self {
            Store::Device(db) => db.delete_all(expected).await,
            Store::Memory(m) => m.delete_all(expected),
        }
    }

    /// The passphrase lock set on this device, if any (never in memory: nothing is kept).
    pub async fn lock_record(&self) -> Result<Option<LockRecord>, StoreError> {
        match self {
            Store::Device(db) => db.lock_record().await,
            Store::Memory(_) => Ok(None),
        }
    }

    /// Holds the key (unlocked) or forgets it (locked).
    pub fn use_key(&self, vault: Option<crate::vault::Vault>) {
        if let Store::Device(db) = self {
            db.use_key(vault);
        }
    }

    /// Whether this tab holds the key of a passphrase lock.
    pub fn is_unlocked(&self) -> bool {
        matches!(self, Store::Device(db) if db.is_unlocked())
    }

    /// Sets, changes or removes (`None`) the passphrase lock, re-encrypting every record.
    pub async fn relock(&self, new: Option<crate::vault::Vault>) -> Result<(), StoreError> {
        match self {
            Store::Device(db) => db.relock(new).await,
            Store::Memory(_) => Err(StoreError::Unavailable(
                "cases are kept in this tab's memory only, so there is nothing to lock".into(),
            )),
        }
    }

    /// True when cases are kept in memory only and go when the tab closes.
    pub fn is_memory(&self) -> bool {
        matches!(self, Store::Memory(_))
    }
}

/// One write of a transaction, checked against what is stored before any is made.
pub enum Write {
    Create(Case),
    Replace { case: Case, expected: u64 },
    Delete { id: String, expected: u64 },
}

impl Write {
    pub fn id(&self) -> &str {
        match self {
            Write::Create(case) | Write::Replace { case, .. } => &case.id,
            Write::Delete { id, .. } => id,
        }
    }

    /// Refuses the write if the stored revision (`None`: no such case) is not the one it
    /// expects.
    pub fn check(&self, stored: Option<u64>) -> Result<(), StoreError> {
        match (self, stored) {
            (Write::Create(_), None) => Ok(()),
            (Write::Create(case), Some(_)) => Err(StoreError::Exists(case.id.clone())),
            (Write::Replace { .. } | Write::Delete { .. }, None) => {
                Err(StoreError::Gone(self.id().to_string()))
            }
            (Write::Replace { expected, .. } | Write::Delete { expected, .. }, Some(stored))
                if stored != *expected =>
            {
                Err(StoreError::Stale {
                    id: self.id().to_string(),
                    stored,
                    yours: *expected,
                })
            }
            _ => Ok(()),
        }
    }
}
