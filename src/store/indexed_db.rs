//! Cases in the browser's IndexedDB: one record per case, `{ id, schema, revision, json }`.
//! Each write is one transaction that first checks the stored revisions, so a batch is
//! applied whole or not at all. Upgrading records keeps copies of the old ones (in
//! `before_migration`) until the upgraded ones are written; a record that cannot be read is
//! moved, whole, to `quarantine`.

use care_planner_core::model::record::{case_json, read_record, Migrations, Read};
use care_planner_core::model::Case;
use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use super::{Loaded, Quarantined, StoreError, Write};

/// The database's own version: bumped only when object stores are added. The format of a
/// case inside a record has its own version (`schema`), upgraded record by record.
const DB_VERSION: u32 = 1;
const CASES: &str = "cases";
const QUARANTINE: &str = "quarantine";
const BEFORE_MIGRATION: &str = "before_migration";

pub struct IndexedDb {
    db: IdbDatabase,
    migrations: Migrations<'static>,
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
            let Ok(db) = upgrading
                .result()
                .and_then(|r| r.dyn_into::<IdbDatabase>().map_err(JsValue::from))
            else {
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
        });
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db: IdbDatabase = done(&request).await?.unchecked_into();
        // Another tab with a newer version of the app wants to upgrade: let it, by closing.
        let closing = db.clone();
        let on_version_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| closing.close());
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget();
        Ok(IndexedDb { db, migrations })
    }

    fn transaction(
        &self,
        stores: &[&str],
        mode: IdbTransactionMode,
    ) -> Result<Transaction, StoreError> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let tx = self
            .db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(StoreError::from_js)?;
        Ok(Transaction::new(tx))
    }

    pub async fn load_all(&self) -> Result<Loaded, StoreError> {
        let tx = self.transaction(&[CASES, QUARANTINE], IdbTransactionMode::Readonly)?;
        let records =
            Array::from(&done(&tx.store(CASES)?.get_all().map_err(StoreError::from_js)?).await?);
        let set_aside = Array::from(
            &done(
                &tx.store(QUARANTINE)?
                    .get_all()
                    .map_err(StoreError::from_js)?,
            )
            .await?,
        );
        tx.committed().await?;

        let mut loaded = Loaded::default();
        let mut upgraded = Vec::new();
        let mut unreadable = Vec::new();
        let mut newer = Vec::new();
        for record in records.iter() {
            let (id, schema, json) = (
                text(&record, "id"),
                number(&record, "schema") as u32,
                text(&record, "json"),
            );
            if schema > self.migrations.current() {
                // Written by a newer version of Care Planner: left where it is, for that
                // version to read, and only shown here.
                let reason = format!(
                    "it was saved by a newer version of Care Planner (format {schema}); reload the page to get the newest version"
                );
                newer.push(Quarantined {
                    id,
                    json,
                    schema,
                    reason,
                });
                continue;
            }
            match read_record(schema, &json, self.migrations) {
                Read::Current(case) => loaded.cases.push(case),
                Read::Upgraded { case, json } => upgraded.push((record, case, json)),
                Read::Unreadable(reason) => unreadable.push(Quarantined {
                    id,
                    json,
                    schema,
                    reason,
                }),
            }
        }
        if !upgraded.is_empty() || !unreadable.is_empty() {
            // Best effort: if this fails the records stay as they are, the cases are still
            // shown (upgraded in memory), and it is tried again on the next start.
            if let Err(e) = self.rewrite(&upgraded, &unreadable).await {
                loaded.problem = Some(format!(
                    "Older or unreadable records could not be rewritten ({e}); they are unchanged and will be tried again next time."
                ));
            }
        }
        loaded.upgraded = upgraded.len();
        loaded
            .cases
            .extend(upgraded.into_iter().map(|(_, case, _)| case));
        loaded.quarantined = set_aside
            .iter()
            .map(|r| Quarantined {
                id: text(&r, "id"),
                json: text(&r, "json"),
                schema: number(&r, "schema") as u32,
                reason: text(&r, "reason"),
            })
            .chain(unreadable)
            .chain(newer)
            .collect();
        Ok(loaded)
    }

    /// Writes upgraded records back and moves unreadable ones to `quarantine`. The old
    /// records are first copied to `before_migration` in their own transaction, so that if
    /// the upgrade fails part-way they are still there; the copies go once it has committed.
    async fn rewrite(
        &self,
        upgraded: &[(JsValue, Case, String)],
        unreadable: &[Quarantined],
    ) -> Result<(), StoreError> {
        if !upgraded.is_empty() {
            let tx = self.transaction(&[BEFORE_MIGRATION], IdbTransactionMode::Readwrite)?;
            let result = tx.store(BEFORE_MIGRATION).and_then(|copies| {
                upgraded.iter().try_for_each(|(old, _, _)| {
                    copies.add(old).map(|_| ()).map_err(StoreError::from_js)
                })
            });
            tx.finish(result).await?;
        }
        let tx = self.transaction(&[CASES, QUARANTINE], IdbTransactionMode::Readwrite)?;
        let result = (|| {
            let (cases, quarantine) = (tx.store(CASES)?, tx.store(QUARANTINE)?);
            for (_, case, json) in upgraded {
                cases
                    .put(&record(case, json, self.migrations.current()))
                    .map_err(StoreError::from_js)?;
            }
            for q in unreadable {
                quarantine
                    .add(&quarantine_record(q))
                    .map_err(StoreError::from_js)?;
                cases
                    .delete(&JsValue::from_str(&q.id))
                    .map_err(StoreError::from_js)?;
            }
            Ok(())
        })();
        tx.finish(result).await?;
        if !upgraded.is_empty() {
            let tx = self.transaction(&[BEFORE_MIGRATION], IdbTransactionMode::Readwrite)?;
            let result = tx
                .store(BEFORE_MIGRATION)
                .and_then(|copies| copies.clear().map(|_| ()).map_err(StoreError::from_js));
            tx.finish(result).await?;
        }
        Ok(())
    }

    pub async fn get(&self, id: &str) -> Result<Option<Case>, StoreError> {
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

    /// Applies `writes` in one transaction, after checking each against the stored revision.
    pub async fn write(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        let tx = self.transaction(&[CASES], IdbTransactionMode::Readwrite)?;
        let result = async {
            let cases = tx.store(CASES)?;
            for write in &writes {
                let request = cases
                    .get(&JsValue::from_str(write.id()))
                    .map_err(StoreError::from_js)?;
                let stored = done(&request).await?;
                write
                    .check((!stored.is_undefined()).then(|| number(&stored, "revision") as u64))?;
                let request = match write {
                    Write::Create(case) | Write::Replace { case, .. } => {
                        cases.put(&record(case, &case_json(case), self.migrations.current()))
                    }
                    Write::Delete { id, .. } => cases.delete(&JsValue::from_str(id)),
                };
                request.map_err(StoreError::from_js)?;
            }
            Ok(())
        }
        .await;
        tx.finish(result).await
    }

    pub async fn delete_all(&self) -> Result<(), StoreError> {
        let stores = [CASES, QUARANTINE, BEFORE_MIGRATION];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let result = stores.iter().try_for_each(|store| {
            tx.store(store)?
                .clear()
                .map(|_| ())
                .map_err(StoreError::from_js)
        });
        tx.finish(result).await
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

    pub fn close(&self) {
        self.db.close();
    }
}

/// A transaction with its outcome already being listened for.
struct Transaction {
    tx: IdbTransaction,
    outcome: JsFuture,
}

impl Transaction {
    fn new(tx: IdbTransaction) -> Transaction {
        let listening = tx.clone();
        let promise = Promise::new(&mut |resolve, reject| {
            let complete = Closure::once_into_js(move |_: web_sys::Event| {
                let _ = resolve.call0(&JsValue::NULL);
            });
            let failing = listening.clone();
            let failed = Closure::once_into_js(move |_: web_sys::Event| {
                let error = failing.error().map(JsValue::from).unwrap_or_else(|| {
                    web_sys::DomException::new_with_message_and_name("aborted", "AbortError")
                        .map_or(JsValue::NULL, JsValue::from)
                });
                let _ = reject.call1(&JsValue::NULL, &error);
            });
            listening.set_oncomplete(Some(complete.unchecked_ref()));
            listening.set_onabort(Some(failed.unchecked_ref()));
        });
        Transaction {
            tx,
            outcome: JsFuture::from(promise),
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
    async fn committed(self) -> Result<(), StoreError> {
        self.outcome.await.map(|_| ()).map_err(StoreError::from_js)
    }
}

/// The result of a request, once it succeeds.
async fn done(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let succeeded = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &succeeded.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(StoreError::from_js)
}

fn record(case: &Case, json: &str, schema: u32) -> Object {
    let record = Object::new();
    set(&record, "id", &JsValue::from_str(&case.id));
    set(&record, "schema", &JsValue::from(schema));
    set(&record, "revision", &JsValue::from(case.revision as f64));
    set(&record, "json", &JsValue::from_str(json));
    record
}

fn quarantine_record(q: &Quarantined) -> Object {
    let record = Object::new();
    set(&record, "id", &JsValue::from_str(&q.id));
    set(&record, "schema", &JsValue::from(q.schema));
    set(&record, "json", &JsValue::from_str(&q.json));
    set(&record, "reason", &JsValue::from_str(&q.reason));
    record
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
