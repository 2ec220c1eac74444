//! Cases in the browser's IndexedDB: one record per case, `{ id, schema, revision, json }`.
//! Each write is one transaction that first checks the stored revisions, so a batch is
//! applied whole or not at all. Upgrading records keeps copies of the old ones (in
//! `before_migration`) until the upgraded ones are written; a record that cannot be read is
//! moved, whole and as stored, to `quarantine` (`{ record, reason }`).
//!
//! With a passphrase lock (`meta` holds its `LockRecord`) a case record keeps `sealed`, the
//! case's JSON encrypted, instead of `json`; a set-aside record is kept as `{ sealed }`, the
//! whole `{ record, reason }` encrypted. Ids, formats and revisions stay readable: they say
//! nothing about a child and are what every write is checked against.

use care_planner_core::encryption::{LockRecord, Sealed};
use care_planner_core::model::record::{case_json, read_record, Migrations, Read};
use care_planner_core::model::Case;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use super::{Loaded, Quarantined, StoreError, Write};
use crate::vault::Vault;

/// The database's own version: bumped only when object stores are added (2: `meta`, for
/// the lock). The format of a case inside a record has its own version (`schema`),
/// upgraded record by record.
const DB_VERSION: u32 = 2;
const CASES: &str = "cases";
const QUARANTINE: &str = "quarantine";
const BEFORE_MIGRATION: &str = "before_migration";
/// Settings that must change in the same transaction as the cases: the lock record.
const META: &str = "meta";
const LOCK_KEY: &str = "lock";

pub struct IndexedDb {
    db: IdbDatabase,
    migrations: Migrations<'static>,
    /// Set once the connection has closed under us: another tab opened a newer version of
    /// the database, or the browser's site data was cleared.
    closed: Rc<Cell<bool>>,
    /// The key while unlocked, when a lock is set.
    vault: RefCell<Option<Vault>>,
}

impl IndexedDb {
    /// Opens (creating if need be) the database `name`.
    pub async fn open(
        name: &str,
        migrations: Migrations<'static>,
    ) -> Result<IndexedDb, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let factory = window
            .indexed_db()
            .map_err(StoreError::from_js)?
            .ok_or_else(|| StoreError::Unavailable("IndexedDB is switched off".into()))?;
        let request = factory
            .open_with_u32(name, DB_VERSION)
            .map_err(StoreError::from_js)?;
        let upgrading = request.clone();
        let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
            let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
                return;
            };
            let names = db.object_store_names();
            if !names.contains(CASES) {
                let params = IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str("id"));
                let _ = db.create_object_store_with_optional_parameters(CASES, &params);
            }
            for store in [QUARANTINE, BEFORE_MIGRATION] {
                if !names.contains(store) {
                    let params = IdbObjectStoreParameters::new();
                    params.set_auto_increment(true);
                    let _ = db.create_object_store_with_optional_parameters(store, &params);
                }
            }
            if !names.contains(META) {
                let _ = db.create_object_store(META);
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db: IdbDatabase = done(&request).await?.unchecked_into();
        // Another tab with a newer version of the app wants to upgrade: let it, by closing;
        // this tab then says it must be reloaded rather than failing its saves.
        let closed = Rc::new(Cell::new(false));
        let (closing, flag) = (db.clone(), closed.clone());
        let on_version_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            flag.set(true);
            closing.close();
        });
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget();
        let flag = closed.clone();
        let on_close = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| flag.set(true));
        db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        on_close.forget();
        Ok(IndexedDb {
            db,
            migrations,
            closed,
            vault: RefCell::new(None),
        })
    }

    fn transaction(
        &self,
        stores: &[&str],
        mode: IdbTransactionMode,
    ) -> Result<Transaction, StoreError> {
        if self.closed.get() {
            return Err(StoreError::Closed);
        }
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let tx = self
            .db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(StoreError::from_js)?;
        Ok(Transaction::new(tx))
    }

    pub async fn load_all(&self) -> Result<Loaded, StoreError> {
        let vault = self.vault_if_unlocked().await?;
        let mut loaded = Loaded::default();
        let (records, unreadable_here) = self.read_all(CASES).await?;
        let (set_aside, unreadable_aside) = self.read_all(QUARANTINE).await?;
        let mut upgraded = Vec::new();
        let mut unreadable = Vec::new();
        // Records the browser itself cannot read (a lost file) stay where they are.
        let mut kept_in_place: Vec<Quarantined> = unreadable_here
            .into_iter()
            .chain(unreadable_aside)
            .map(|(id, why)| Quarantined {
                id,
                json: String::new(),
                schema: 0,
                reason: format!("the browser could not read it ({why})"),
            })
            .collect();
        for stored in records {
            // `plain` is the record as it would be without the lock: what is shown, and
            // what a set-aside copy keeps (encrypted as a whole).
            let plain = match unseal_record(&stored, vault.as_ref()).await {
                Ok(plain) => plain,
                Err(reason) => {
                    unreadable.push((stored.clone(), stored, reason));
                    continue;
                }
            };
            let (id, schema, json) = (
                text(&plain, "id"),
                number(&plain, "schema") as u32,
                text(&plain, "json"),
            );
            if schema > self.migrations.current() {
                // Written by a newer version of Care Planner: left where it is, for that
                // version to read, and only shown here.
                let reason = format!(
                    "it was saved by a newer version of Care Planner (format {schema}); reload the page to get the newest version"
                );
                kept_in_place.push(Quarantined {
                    id,
                    json: stringify(&plain),
                    schema,
                    reason,
                });
                continue;
            }
            match read_record(schema, &json, self.migrations) {
                Read::Current(case) => loaded.cases.push(case),
                Read::Upgraded { case, json } => upgraded.push((stored, case, json)),
                Read::Unreadable(reason) => unreadable.push((stored, plain, reason)),
            }
        }
        if !upgraded.is_empty() || !unreadable.is_empty() {
            // Best effort: if this fails the records stay as they are, the cases are still
            // shown (upgraded in memory), and it is tried again on the next start.
            if let Err(e) = self.rewrite(&upgraded, &unreadable, vault.as_ref()).await {
                loaded.problem = Some(format!(
                    "Older or unreadable records could not be rewritten ({e}); they are unchanged and will be tried again next time."
                ));
            }
        }
        loaded.upgraded = upgraded.len();
        loaded
            .cases
            .extend(upgraded.into_iter().map(|(_, case, _)| case));
        for entry in &set_aside {
            let (original, reason) = match unseal_entry(entry, vault.as_ref()).await {
                Ok(entry) => (
                    Reflect::get(&entry, &JsValue::from_str("record")).unwrap_or(JsValue::NULL),
                    text(&entry, "reason"),
                ),
                Err(reason) => (JsValue::NULL, reason),
            };
            loaded.quarantined.push(Quarantined {
                id: text(&original, "id"),
                json: stringify(&original),
                schema: number(&original, "schema") as u32,
                reason,
            });
        }
        loaded.quarantined.extend(
            unreadable
                .into_iter()
                .map(|(_, shown, reason)| Quarantined {
                    id: text(&shown, "id"),
                    json: stringify(&shown),
                    schema: number(&shown, "schema") as u32,
                    reason,
                })
                .chain(kept_in_place),
        );
        Ok(loaded)
    }

    /// Every record of `store`. If the browser cannot read them all at once (one record's
    /// data lost), reads them one by one: the readable ones, and the keys of the others
    /// with why, so that one bad record never stops the rest loading.
    async fn read_all(
        &self,
        store: &str,
    ) -> Result<(Vec<JsValue>, Vec<(String, String)>), StoreError> {
        let tx = self.transaction(&[store], IdbTransactionMode::Readonly)?;
        let all = match tx.store(store)?.get_all() {
            Ok(request) => done(&request).await,
            Err(thrown) => Err(StoreError::from_js(thrown)),
        };
        let _ = tx.committed().await;
        if let Ok(all) = all {
            return Ok((Array::from(&all).iter().collect(), Vec::new()));
        }
        let tx = self.transaction(&[store], IdbTransactionMode::Readonly)?;
        let records = tx.store(store)?;
        let keys = Array::from(&done(&records.get_all_keys().map_err(StoreError::from_js)?).await?);
        let (mut read, mut unreadable) = (Vec::new(), Vec::new());
        for key in keys.iter() {
            match records.get(&key).map_err(StoreError::from_js) {
                Ok(request) => match done(&request).await {
                    Ok(record) => read.push(record),
                    Err(e) => unreadable.push((key_text(&key), e.to_string())),
                },
                Err(e) => unreadable.push((key_text(&key), e.to_string())),
            }
        }
        tx.committed().await?;
        Ok((read, unreadable))
    }

    /// Writes upgraded records back and moves unreadable ones, whole, to `quarantine`:
    /// each only if it is still as it was read (another tab may have saved or moved it
    /// since). The old records are first copied to `before_migration` in their own
    /// transaction, so that if the upgrade fails part-way they are still there; those
    /// copies go once it has committed.
    async fn rewrite(
        &self,
        upgraded: &[(JsValue, Case, String)],
        unreadable: &[(JsValue, JsValue, String)],
        vault: Option<&Vault>,
    ) -> Result<(), StoreError> {
        let copy_key = |record: &JsValue| {
            JsValue::from_str(&format!(
                "{}@{}@{}",
                text(record, "id"),
                number(record, "schema"),
                number(record, "revision")
            ))
        };
        // Encrypted before the transaction: it would commit while Web Crypto works.
        let mut new_records = Vec::new();
        for (_, case, json) in upgraded {
            new_records.push(stored_record(case, json, self.migrations.current(), vault).await?);
        }
        let mut entries = Vec::new();
        for (_, shown, reason) in unreadable {
            let entry = Object::new();
            set(&entry, "record", shown);
            set(&entry, "reason", &JsValue::from_str(reason));
            entries.push(seal_entry(entry.into(), vault).await?);
        }
        if !upgraded.is_empty() {
            // Checked against the lock too: a passphrase set meanwhile in another tab must
            // not find plain copies here.
            let tx = self.transaction(&[BEFORE_MIGRATION, META], IdbTransactionMode::Readwrite)?;
            let result = async {
                self.check_lock(&tx, vault).await?;
                let copies = tx.store(BEFORE_MIGRATION)?;
                upgraded.iter().try_for_each(|(old, _, _)| {
                    copies
                        .put_with_key(old, &copy_key(old))
                        .map(|_| ())
                        .map_err(StoreError::from_js)
                })
            }
            .await;
            tx.finish(result).await?;
        }
        let tx = self.transaction(&[CASES, QUARANTINE, META], IdbTransactionMode::Readwrite)?;
        let result = async {
            self.check_lock(&tx, vault).await?;
            let (cases, quarantine) = (tx.store(CASES)?, tx.store(QUARANTINE)?);
            for ((old, _, _), new) in upgraded.iter().zip(&new_records) {
                if still_as_read(&cases, old).await? {
                    cases.put(new).map_err(StoreError::from_js)?;
                }
            }
            for ((old, _, _), entry) in unreadable.iter().zip(&entries) {
                if still_as_read(&cases, old).await? {
                    quarantine.add(entry).map_err(StoreError::from_js)?;
                    let key =
                        Reflect::get(old, &JsValue::from_str("id")).unwrap_or(JsValue::UNDEFINED);
                    cases.delete(&key).map_err(StoreError::from_js)?;
                }
            }
            Ok(())
        }
        .await;
        tx.finish(result).await?;
        if !upgraded.is_empty() {
            let tx = self.transaction(&[BEFORE_MIGRATION], IdbTransactionMode::Readwrite)?;
            let result = tx.store(BEFORE_MIGRATION).and_then(|copies| {
                upgraded.iter().try_for_each(|(old, _, _)| {
                    copies
                        .delete(&copy_key(old))
                        .map(|_| ())
                        .map_err(StoreError::from_js)
                })
            });
            tx.finish(result).await?;
        }
        Ok(())
    }

    pub async fn get(&self, id: &str) -> Result<Option<Case>, StoreError> {
        let vault = self.vault_if_unlocked().await?;
        let tx = self.transaction(&[CASES], IdbTransactionMode::Readonly)?;
        let found = done(
            &tx.store(CASES)?
                .get(&JsValue::from_str(id))
                .map_err(StoreError::from_js)?,
        )
        .await?;
        tx.committed().await?;
        if found.is_undefined() {
            return Ok(None);
        }
        let found = unseal_record(&found, vault.as_ref())
            .await
            .map_err(|reason| {
                StoreError::Other(format!("the stored case cannot be read: {reason}"))
            })?;
        match read_record(
            number(&found, "schema") as u32,
            &text(&found, "json"),
            self.migrations,
        ) {
            Read::Current(case) | Read::Upgraded { case, .. } => Ok(Some(case)),
            Read::Unreadable(reason) => Err(StoreError::Other(format!(
                "the stored case cannot be read: {reason}"
            ))),
        }
    }

    /// Applies `writes` in one transaction, after checking each against the stored revision
    /// and the lock against the key this tab holds.
    pub async fn write(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        let vault = self.vault_if_unlocked().await?;
        let mut records = Vec::new();
        for write in &writes {
            records.push(match write {
                Write::Create(case) | Write::Replace { case, .. } => Some(
                    stored_record(
                        case,
                        &case_json(case),
                        self.migrations.current(),
                        vault.as_ref(),
                    )
                    .await?,
                ),
                Write::Delete { .. } => None,
            });
        }
        let tx = self.transaction(&[CASES, META], IdbTransactionMode::Readwrite)?;
        let result = async {
            self.check_lock(&tx, vault.as_ref()).await?;
            let cases = tx.store(CASES)?;
            for (write, record) in writes.iter().zip(&records) {
                let request = cases
                    .get(&JsValue::from_str(write.id()))
                    .map_err(StoreError::from_js)?;
                let stored = done(&request).await?;
                write
                    .check((!stored.is_undefined()).then(|| number(&stored, "revision") as u64))?;
                let request = match (write, record) {
                    (_, Some(record)) => cases.put(record),
                    (_, None) => cases.delete(&JsValue::from_str(write.id())),
                };
                request.map_err(StoreError::from_js)?;
            }
            Ok(())
        }
        .await;
        tx.finish(result).await
    }

    /// Deletes everything, the lock included, if the device still holds `expected` records,
    /// cases and set-aside ones together (what the user was shown when confirming; `None`
    /// when locked, where the user is shown nothing about the cases).
    pub async fn delete_all(&self, expected: Option<usize>) -> Result<(), StoreError> {
        let stores = [CASES, QUARANTINE, BEFORE_MIGRATION, META];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let result = async {
            let found = count(&tx, CASES).await? + count(&tx, QUARANTINE).await?;
            if expected.is_some_and(|expected| found != expected) {
                return Err(StoreError::CountChanged);
            }
            stores.iter().try_for_each(|store| {
                tx.store(store)?
                    .clear()
                    .map(|_| ())
                    .map_err(StoreError::from_js)
            })
        }
        .await;
        let result = tx.finish(result).await;
        if result.is_ok() {
            self.vault.replace(None);
        }
        result
    }

    /// The lock set on this device, if any.
    pub async fn lock_record(&self) -> Result<Option<LockRecord>, StoreError> {
        let tx = self.transaction(&[META], IdbTransactionMode::Readonly)?;
        let record = read_lock(&tx).await;
        let _ = tx.committed().await;
        record
    }

    /// Holds `vault` (unlocked) or forgets the key (locked). Nothing stored changes.
    pub fn use_key(&self, vault: Option<Vault>) {
        self.vault.replace(vault);
    }

    pub fn is_unlocked(&self) -> bool {
        self.vault.borrow().is_some()
    }

    /// Sets, changes or (with `None`) removes the lock: every record is decrypted with the
    /// key held now and written again under `new`, all in one transaction, so that no copy
    /// under the old key (or in plain text) is left and a failure changes nothing. Refused
    /// if anything changed while the records were being encrypted (another tab saved).
    pub async fn relock(&self, new: Option<Vault>) -> Result<(), StoreError> {
        let old = self.vault_if_unlocked().await?;
        let stores = [CASES, QUARANTINE, BEFORE_MIGRATION];
        let tx = self.transaction(
            &[CASES, QUARANTINE, BEFORE_MIGRATION, META],
            IdbTransactionMode::Readonly,
        )?;
        let read = async {
            self.check_lock(&tx, old.as_ref()).await?;
            let mut all = Vec::new();
            for store in stores {
                all.push(key_value_pairs(&tx, store).await?);
            }
            Ok(all)
        }
        .await;
        let before = tx.finish(read).await?;

        let mut after = Vec::new();
        // A record the key held now cannot open would be left under a key nobody could
        // derive again once the lock record changes: refuse instead.
        let mut undecryptable = 0;
        for (store, pairs) in stores.iter().zip(&before) {
            let mut changed = Vec::new();
            for (key, value) in pairs {
                let value = if *store == QUARANTINE {
                    match unseal_entry(value, old.as_ref()).await {
                        Ok(entry) => seal_entry(entry, new.as_ref()).await?,
                        Err(_) => {
                            undecryptable += 1;
                            continue;
                        }
                    }
                } else {
                    match unseal_record(value, old.as_ref()).await {
                        Ok(plain) => reseal_record(&plain, new.as_ref()).await?,
                        Err(_) => {
                            undecryptable += 1;
                            continue;
                        }
                    }
                };
                changed.push((key.clone(), value));
            }
            after.push(changed);
        }
        if undecryptable > 0 {
            return Err(StoreError::Undecryptable(undecryptable));
        }
        let lock = match &new {
            Some(vault) => Some(vault.lock_record().await.map_err(StoreError::from_vault)?),
            None => None,
        };

        let tx = self.transaction(
            &[CASES, QUARANTINE, BEFORE_MIGRATION, META],
            IdbTransactionMode::Readwrite,
        )?;
        let result = async {
            self.check_lock(&tx, old.as_ref()).await?;
            for ((store, was), now) in stores.iter().zip(&before).zip(&after) {
                let current = key_value_pairs(&tx, store).await?;
                let same = current.len() == was.len()
                    && current.iter().zip(was).all(|((k1, v1), (k2, v2))| {
                        stringify(k1) == stringify(k2) && stringify(v1) == stringify(v2)
                    });
                if !same {
                    return Err(StoreError::ChangedMeanwhile);
                }
                let records = tx.store(store)?;
                for (key, value) in now {
                    // `cases` keys come from the record itself (its id).
                    let request = if *store == CASES {
                        records.put(value)
                    } else {
                        records.put_with_key(value, key)
                    };
                    request.map_err(StoreError::from_js)?;
                }
            }
            let meta = tx.store(META)?;
            let request = match &lock {
                Some(lock) => meta.put_with_key(
                    &JsValue::from_str(&lock.to_text()),
                    &JsValue::from_str(LOCK_KEY),
                ),
                None => meta.delete(&JsValue::from_str(LOCK_KEY)),
            };
            request.map(|_| ()).map_err(StoreError::from_js)
        }
        .await;
        tx.finish(result).await?;
        self.vault.replace(new);
        Ok(())
    }

    /// The key, if the device has a lock and this tab holds the key for it; refused while
    /// locked, and when the lock changed in another tab since this one unlocked (every
    /// record would then look damaged).
    async fn vault_if_unlocked(&self) -> Result<Option<Vault>, StoreError> {
        let held = self.vault.borrow().clone();
        match (self.lock_record().await?, held) {
            (None, None) => Ok(None),
            (Some(_), None) => Err(StoreError::Locked),
            (Some(record), Some(vault)) if vault.matches(&record) => Ok(Some(vault)),
            _ => Err(StoreError::LockChanged),
        }
    }

    /// Refuses the transaction unless the device's lock is the one this tab's key is for (or
    /// neither has one): a tab that missed a passphrase being set elsewhere must never
    /// write a case in plain text, or under a key nobody can use.
    async fn check_lock(&self, tx: &Transaction, vault: Option<&Vault>) -> Result<(), StoreError> {
        match (read_lock(tx).await?, vault) {
            (None, None) => Ok(()),
            (Some(record), Some(vault)) if vault.matches(&record) => Ok(()),
            _ => Err(StoreError::LockChanged),
        }
    }

    /// Writes a raw record, as an older version (or a damaged disk) might have left it: for
    /// the browser tests of upgrading and quarantine.
    pub async fn put_raw(&self, id: &str, schema: u32, json: &str) -> Result<(), StoreError> {
        let tx = self.transaction(&[CASES], IdbTransactionMode::Readwrite)?;
        let raw = Object::new();
        set(&raw, "id", &JsValue::from_str(id));
        set(&raw, "schema", &JsValue::from(schema));
        set(&raw, "revision", &JsValue::from(1));
        set(&raw, "json", &JsValue::from_str(json));
        tx.store(CASES)?.put(&raw).map_err(StoreError::from_js)?;
        tx.committed().await
    }

    /// Writes a record with `sealed` as its encrypted part, whatever that holds: for the
    /// browser tests of records that cannot be decrypted.
    pub async fn put_sealed_raw(&self, id: &str, sealed: &str) -> Result<(), StoreError> {
        let tx = self.transaction(&[CASES], IdbTransactionMode::Readwrite)?;
        let raw = Object::new();
        set(&raw, "id", &JsValue::from_str(id));
        set(&raw, "schema", &JsValue::from(1));
        set(&raw, "revision", &JsValue::from(1));
        set(&raw, "sealed", &JsValue::from_str(sealed));
        tx.store(CASES)?.put(&raw).map_err(StoreError::from_js)?;
        tx.committed().await
    }

    /// How many copies of old records are kept (only while an upgrade is under way).
    pub async fn copies_before_migration(&self) -> Result<u32, StoreError> {
        let tx = self.transaction(&[BEFORE_MIGRATION], IdbTransactionMode::Readonly)?;
        let count = done(
            &tx.store(BEFORE_MIGRATION)?
                .count()
                .map_err(StoreError::from_js)?,
        )
        .await?;
        tx.committed().await?;
        Ok(count.as_f64().unwrap_or(0.0) as u32)
    }

    /// Every value stored, in every store, as JSON: for the browser tests that check what
    /// is left on the device.
    pub async fn raw_contents(&self) -> Result<Vec<String>, StoreError> {
        let stores = [CASES, QUARANTINE, BEFORE_MIGRATION, META];
        let tx = self.transaction(&stores, IdbTransactionMode::Readonly)?;
        let mut all = Vec::new();
        for store in stores {
            for (_, value) in key_value_pairs(&tx, store).await? {
                all.push(stringify(&value));
            }
        }
        tx.committed().await?;
        Ok(all)
    }

    pub fn close(&self) {
        self.db.close();
    }
}

type Handler = Closure<dyn FnMut(web_sys::Event)>;

/// A transaction with its outcome already being listened for. Its handlers are owned here
/// and removed when it is dropped, so none is leaked or called after being freed.
struct Transaction {
    tx: IdbTransaction,
    outcome: Option<JsFuture>,
    _handlers: Option<(Handler, Handler)>,
}

impl Transaction {
    fn new(tx: IdbTransaction) -> Transaction {
        let mut handlers = None;
        let promise = Promise::new(&mut |resolve, reject| {
            let complete = Handler::once(move |_: web_sys::Event| {
                let _ = resolve.call0(&JsValue::NULL);
            });
            let failing = tx.clone();
            let failed = Handler::once(move |_: web_sys::Event| {
                let error = failing.error().map(JsValue::from).unwrap_or_else(|| {
                    web_sys::DomException::new_with_message_and_name("aborted", "AbortError")
                        .map_or(JsValue::NULL, JsValue::from)
                });
                let _ = reject.call1(&JsValue::NULL, &error);
            });
            tx.set_oncomplete(Some(complete.as_ref().unchecked_ref()));
            tx.set_onabort(Some(failed.as_ref().unchecked_ref()));
            handlers = Some((complete, failed));
        });
        Transaction {
            tx,
            outcome: Some(JsFuture::from(promise)),
            _handlers: handlers,
        }
    }

    fn store(&self, name: &str) -> Result<IdbObjectStore, StoreError> {
        self.tx.object_store(name).map_err(StoreError::from_js)
    }

    /// Ends the transaction after its requests were made: on an error it is aborted, so
    /// that none of its writes is kept (a request that throws does not abort it by itself);
    /// otherwise waits until it has committed.
    async fn finish<T>(self, result: Result<T, StoreError>) -> Result<T, StoreError> {
        match result {
            Ok(value) => self.committed().await.map(|_| value),
            Err(e) => {
                let _ = self.tx.abort();
                let _ = self.committed().await;
                Err(e)
            }
        }
    }

    /// Waits until the transaction has committed: only then is the data on the device.
    async fn committed(mut self) -> Result<(), StoreError> {
        let outcome = self.outcome.take().expect("awaited once");
        outcome.await.map(|_| ()).map_err(StoreError::from_js)
    }
}

impl Drop for Transaction {
    fn drop(&mut self) {
        self.tx.set_oncomplete(None);
        self.tx.set_onabort(None);
    }
}

/// The result of a request, once it succeeds. Its handlers are removed and freed once it
/// has settled (one of the two never runs, and would otherwise leak with the result).
async fn done(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let succeeded = request.clone();
        let on_success = Handler::once(move |_: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &succeeded.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let failed = request.clone();
        let on_error = Handler::once(move |event: web_sys::Event| {
            // The caller decides: a writer aborts its transaction on any error (`finish`);
            // a reader goes on to read what it can.
            event.prevent_default();
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.as_ref().unchecked_ref()));
        request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_success, on_error));
    });
    let result = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    drop(handlers);
    result.map_err(StoreError::from_js)
}

/// How many records `store` holds, read in `tx`.
async fn count(tx: &Transaction, store: &str) -> Result<usize, StoreError> {
    let request = tx.store(store)?.count().map_err(StoreError::from_js)?;
    Ok(done(&request).await?.as_f64().unwrap_or(0.0) as usize)
}

/// Whether the stored record under `old`'s id is still `old` (same schema, revision and
/// content), read in the caller's transaction.
async fn still_as_read(cases: &IdbObjectStore, old: &JsValue) -> Result<bool, StoreError> {
    let key = Reflect::get(old, &JsValue::from_str("id")).unwrap_or(JsValue::UNDEFINED);
    let now = done(&cases.get(&key).map_err(StoreError::from_js)?).await?;
    Ok(!now.is_undefined() && stringify(&now) == stringify(old))
}

fn stringify(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn key_text(key: &JsValue) -> String {
    key.as_string().unwrap_or_else(|| stringify(key))
}

/// A case record in plain text: `{ id, schema, revision, json }`.
fn plain_record(case: &Case, json: &str, schema: u32) -> Object {
    let record = Object::new();
    set(&record, "id", &JsValue::from_str(&case.id));
    set(&record, "schema", &JsValue::from(schema));
    set(&record, "revision", &JsValue::from(case.revision as f64));
    set(&record, "json", &JsValue::from_str(json));
    record
}

/// The record to store for `case`: its JSON encrypted under `vault` when there is one.
async fn stored_record(
    case: &Case,
    json: &str,
    schema: u32,
    vault: Option<&Vault>,
) -> Result<JsValue, StoreError> {
    reseal_record(&plain_record(case, json, schema).into(), vault).await
}

/// A plain record as it is stored under `vault`: `json` replaced by `sealed`.
async fn reseal_record(plain: &JsValue, vault: Option<&Vault>) -> Result<JsValue, StoreError> {
    let Some(vault) = vault else {
        return Ok(plain.clone());
    };
    let sealed = vault
        .seal(&text(plain, "json"))
        .await
        .map_err(StoreError::from_vault)?;
    let record = Object::new();
    for key in ["id", "schema", "revision"] {
        set(
            &record,
            key,
            &Reflect::get(plain, &JsValue::from_str(key)).unwrap_or(JsValue::NULL),
        );
    }
    set(&record, "sealed", &JsValue::from_str(&sealed.to_text()));
    Ok(record.into())
}

/// A stored record as it would be in plain text, or why it cannot be read.
async fn unseal_record(stored: &JsValue, vault: Option<&Vault>) -> Result<JsValue, String> {
    let Some(sealed) = sealed_in(stored)? else {
        return Ok(stored.clone());
    };
    let json = open(&sealed, vault).await?;
    let plain = Object::new();
    for key in ["id", "schema", "revision"] {
        set(
            &plain,
            key,
            &Reflect::get(stored, &JsValue::from_str(key)).unwrap_or(JsValue::NULL),
        );
    }
    set(&plain, "json", &JsValue::from_str(&json));
    Ok(plain.into())
}

/// A set-aside entry as stored under `vault`: `{ sealed }`, the whole entry encrypted.
async fn seal_entry(entry: JsValue, vault: Option<&Vault>) -> Result<JsValue, StoreError> {
    let Some(vault) = vault else {
        return Ok(entry);
    };
    let sealed = vault
        .seal(&stringify(&entry))
        .await
        .map_err(StoreError::from_vault)?;
    let stored = Object::new();
    set(&stored, "sealed", &JsValue::from_str(&sealed.to_text()));
    Ok(stored.into())
}

async fn unseal_entry(stored: &JsValue, vault: Option<&Vault>) -> Result<JsValue, String> {
    let Some(sealed) = sealed_in(stored)? else {
        return Ok(stored.clone());
    };
    let text = open(&sealed, vault).await?;
    js_sys::JSON::parse(&text).map_err(|_| "it was decrypted but is not JSON".to_string())
}

fn sealed_in(stored: &JsValue) -> Result<Option<Sealed>, String> {
    let sealed = Reflect::get(stored, &JsValue::from_str("sealed")).unwrap_or(JsValue::UNDEFINED);
    match sealed.as_string() {
        None => Ok(None),
        Some(text) => Sealed::from_text(&text)
            .map(Some)
            .ok_or_else(|| "its encrypted part is damaged".to_string()),
    }
}

async fn open(sealed: &Sealed, vault: Option<&Vault>) -> Result<String, String> {
    let vault = vault.ok_or("it is encrypted, and no passphrase lock is set on this device")?;
    vault.open(sealed).await.map_err(|_| {
        "it could not be decrypted with this passphrase (it may be damaged)".to_string()
    })
}

/// The lock record, read in `tx` (which must include `meta`).
async fn read_lock(tx: &Transaction) -> Result<Option<LockRecord>, StoreError> {
    let request = tx
        .store(META)?
        .get(&JsValue::from_str(LOCK_KEY))
        .map_err(StoreError::from_js)?;
    let found = done(&request).await?;
    match found.as_string() {
        None => Ok(None),
        Some(text) => LockRecord::from_text(&text).map(Some).ok_or_else(|| {
            StoreError::Other("the passphrase lock's record on this device is damaged".into())
        }),
    }
}

/// Every key of `store` with its value, in key order, read in `tx`.
async fn key_value_pairs(
    tx: &Transaction,
    store: &str,
) -> Result<Vec<(JsValue, JsValue)>, StoreError> {
    let records = tx.store(store)?;
    let keys = done(&records.get_all_keys().map_err(StoreError::from_js)?).await?;
    let values = done(&records.get_all().map_err(StoreError::from_js)?).await?;
    Ok(Array::from(&keys)
        .iter()
        .zip(Array::from(&values).iter())
        .collect())
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn text(object: &JsValue, key: &str) -> String {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn number(object: &JsValue, key: &str) -> f64 {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}
