//! The case store against the browser's real IndexedDB (headless Chromium, via
//! wasm-bindgen-test), and the memory store held to the same checks. Each test opens its
//! own database, so tests never see each other's cases.
//! Run by scripts/test.sh with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;

use care_planner::store::indexed_db::IndexedDb;
use care_planner::store::memory::Memory;
use care_planner::store::{Store, StoreError, Write};
use care_planner::vault::{Vault, VaultError};
use care_planner_core::calendar::Date;
use care_planner_core::model::import::Replacement;
use care_planner_core::model::record::{case_json, Migrations, MIGRATIONS};
use care_planner_core::model::{Attrs, Case, Child, Event, EventKind, LegalBasis};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static OPENED: Cell<u32> = const { Cell::new(0) };
}

/// A database name no other test (or earlier run in the same profile) uses.
fn unique_name(what: &str) -> String {
    let n = OPENED.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let salt = (js_sys::Math::random() * 1e12) as u64;
    format!("care-planner-test-{what}-{n}-{salt}")
}

async fn open(name: &str, migrations: Migrations<'static>) -> IndexedDb {
    IndexedDb::open(name, migrations)
        .await
        .unwrap_or_else(|e| panic!("cannot open {name}: {e:?}"))
}

async fn device(what: &str) -> Store {
    Store::Device(open(&unique_name(what), MIGRATIONS).await)
}

fn case(id: &str, name: &str) -> Case {
    Case::new(
        id,
        Child {
            name: name.into(),
            ..Child::default()
        },
    )
}

fn with_event(mut case: Case) -> Case {
    case.events.push(Event {
        id: "e1".into(),
        kind: EventKind::BecameLookedAfter,
        date: Date::from_ymd(2024, 3, 1).unwrap(),
        time: None,
        attrs: Attrs {
            basis: Some(LegalBasis::S20),
            ..Attrs::default()
        },
    });
    case
}

fn renamed(case: &Case, name: &str) -> Case {
    let mut case = case.clone();
    case.child.name = name.into();
    case
}

fn sorted(mut cases: Vec<Case>) -> Vec<Case> {
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    cases
}

// ---------------------------------------------------------------------------------------
// Checks every store must pass, run against IndexedDB and memory.

/// A write from a stale copy, a second case with a taken id and a save after a delete are
/// all refused, and leave the stored copy as it was.
async fn refuses_stale_writes(store: &Store) {
    let first = store.create(with_event(case("c1", "A"))).await.unwrap();
    assert_eq!(first.revision, 1);
    let second = store.save(renamed(&first, "B")).await.unwrap();
    assert_eq!(second.revision, 2);

    // Another tab still holds revision 1.
    let stale = store.save(renamed(&first, "C")).await;
    assert_eq!(
        stale,
        Err(StoreError::Stale {
            id: "c1".into(),
            stored: 2,
            yours: 1
        })
    );
    assert!(stale.unwrap_err().is_stale());
    assert_eq!(store.get("c1").await.unwrap(), Some(second.clone()));

    // A stale delete is refused too.
    assert_eq!(
        store.delete("c1", 1).await,
        Err(StoreError::Stale {
            id: "c1".into(),
            stored: 2,
            yours: 1
        })
    );
    assert_eq!(store.get("c1").await.unwrap(), Some(second.clone()));

    // The id is taken.
    assert_eq!(
        store.create(case("c1", "Someone else")).await,
        Err(StoreError::Exists("c1".into()))
    );
    assert_eq!(store.get("c1").await.unwrap(), Some(second.clone()));

    // Deleted in another tab, then saved here.
    store.delete("c1", 2).await.unwrap();
    assert_eq!(store.get("c1").await.unwrap(), None);
    assert_eq!(
        store.save(renamed(&second, "D")).await,
        Err(StoreError::Gone("c1".into()))
    );
    assert_eq!(
        store.delete("c1", 2).await,
        Err(StoreError::Gone("c1".into()))
    );
    assert_eq!(store.get("c1").await.unwrap(), None);
    assert!(store.load_all().await.unwrap().cases.is_empty());
}

/// An import is applied whole or not at all: one refused replacement means none of the
/// additions (written before it in the same transaction) are kept.
async fn imports_all_or_nothing(store: &Store) {
    let here = store.create(case("b", "B")).await.unwrap();
    let refused = store
        .import(
            vec![case("a", "A"), with_event(case("c", "C"))],
            vec![Replacement {
                incoming: renamed(&here, "B from the file"),
                replaces_revision: 5,
                device_is_newer: false,
            }],
        )
        .await;
    assert_eq!(
        refused,
        Err(StoreError::Stale {
            id: "b".into(),
            stored: 1,
            yours: 5
        })
    );
    let loaded = store.load_all().await.unwrap();
    assert_eq!(loaded.cases, vec![here.clone()]);
    assert_eq!(store.get("a").await.unwrap(), None);
    assert_eq!(store.get("c").await.unwrap(), None);

    // An addition whose id is taken refuses the whole import too.
    assert_eq!(
        store
            .import(vec![case("a", "A"), case("b", "Another B")], vec![])
            .await,
        Err(StoreError::Exists("b".into()))
    );
    assert_eq!(store.get("a").await.unwrap(), None);

    // With the right revision, everything is applied.
    store
        .import(
            vec![case("a", "A"), with_event(case("c", "C"))],
            vec![Replacement {
                incoming: renamed(&here, "B from the file"),
                replaces_revision: 1,
                device_is_newer: false,
            }],
        )
        .await
        .unwrap();
    let replaced = Case {
        revision: 2,
        ..renamed(&here, "B from the file")
    };
    assert_eq!(store.get("b").await.unwrap(), Some(replaced.clone()));
    assert_eq!(
        sorted(store.load_all().await.unwrap().cases),
        vec![case("a", "A"), replaced, with_event(case("c", "C"))]
    );
}

/// The writes of one batch are checked in order, each seeing the ones before it: the same
/// id created twice is refused, and nothing of the batch is kept.
async fn checks_each_write_against_the_ones_before(store: &Store) {
    let twice = write(
        store,
        vec![
            Write::Create(Case {
                revision: 1,
                ..case("x", "X")
            }),
            Write::Create(Case {
                revision: 1,
                ..case("x", "X again")
            }),
        ],
    )
    .await;
    assert_eq!(twice, Err(StoreError::Exists("x".into())));
    assert_eq!(store.get("x").await.unwrap(), None);

    // Created then replaced in one batch: the replacement names the revision just created.
    write(
        store,
        vec![
            Write::Create(Case {
                revision: 1,
                ..case("y", "Y")
            }),
            Write::Replace {
                case: Case {
                    revision: 2,
                    ..case("y", "Y renamed")
                },
                expected: 1,
            },
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        store.get("y").await.unwrap(),
        Some(Case {
            revision: 2,
            ..case("y", "Y renamed")
        })
    );
}

/// `Store` has no batch-write method of its own; each implementation has `write`.
async fn write(store: &Store, writes: Vec<Write>) -> Result<(), StoreError> {
    match store {
        Store::Device(db) => db.write(writes).await,
        Store::Memory(m) => m.write(writes),
    }
}

#[wasm_bindgen_test]
async fn indexed_db_refuses_stale_writes() {
    refuses_stale_writes(&device("stale").await).await;
}

#[wasm_bindgen_test]
async fn memory_refuses_stale_writes() {
    let store = Store::Memory(Memory::default());
    assert!(store.is_memory());
    refuses_stale_writes(&store).await;
}

#[wasm_bindgen_test]
async fn indexed_db_imports_all_or_nothing() {
    imports_all_or_nothing(&device("import").await).await;
}

#[wasm_bindgen_test]
async fn memory_imports_all_or_nothing() {
    imports_all_or_nothing(&Store::Memory(Memory::default())).await;
}

#[wasm_bindgen_test]
async fn indexed_db_checks_each_write_of_a_batch_in_order() {
    checks_each_write_against_the_ones_before(&device("batch").await).await;
}

#[wasm_bindgen_test]
async fn memory_checks_each_write_of_a_batch_in_order() {
    checks_each_write_against_the_ones_before(&Store::Memory(Memory::default())).await;
}

// ---------------------------------------------------------------------------------------
// IndexedDB only.

#[wasm_bindgen_test]
async fn cases_are_written_read_and_kept_on_the_device() {
    let name = unique_name("write-read");
    let store = Store::Device(open(&name, MIGRATIONS).await);
    assert!(!store.is_memory());
    let empty = store.load_all().await.unwrap();
    assert!(empty.cases.is_empty() && empty.quarantined.is_empty());

    let created = store.create(with_event(case("c1", "A"))).await.unwrap();
    assert_eq!(created.revision, 1);
    assert_eq!(created.events.len(), 1);
    let loaded = store.load_all().await.unwrap();
    assert_eq!(loaded.cases, vec![created.clone()]);
    assert_eq!(loaded.upgraded, 0);
    assert!(loaded.quarantined.is_empty());

    let mut changed = renamed(&created, "B");
    changed.child.reference = "REF-1".into();
    changed.events[0].date = Date::from_ymd(2024, 3, 4).unwrap();
    let saved = store.save(changed.clone()).await.unwrap();
    assert_eq!(
        saved,
        Case {
            revision: 2,
            ..changed
        }
    );
    assert_eq!(store.get("c1").await.unwrap(), Some(saved.clone()));
    assert_eq!(store.get("no-such-case").await.unwrap(), None);

    // A new page load: the database opened again.
    let Store::Device(db) = store else {
        unreachable!()
    };
    db.close();
    let again = Store::Device(open(&name, MIGRATIONS).await);
    let reloaded = again.load_all().await.unwrap();
    assert_eq!(reloaded.cases, vec![saved.clone()]);
    assert_eq!(reloaded.upgraded, 0);
    assert!(reloaded.quarantined.is_empty());
    // And it saves on from where it was.
    let third = again.save(renamed(&saved, "C")).await.unwrap();
    assert_eq!(third.revision, 3);
    assert_eq!(again.get("c1").await.unwrap(), Some(third));
}

/// A made-up schema 1 with the child's name at the top, and the step that moves it into
/// `child`.
fn move_name_into_child(mut v: Value) -> Result<Value, String> {
    let object = v.as_object_mut().ok_or("not an object")?;
    let name = object.remove("child_name").ok_or("no child_name")?;
    object.insert("child".into(), serde_json::json!({ "name": name }));
    Ok(v)
}

const TWO: Migrations<'static> = Migrations {
    steps: &[move_name_into_child],
};

#[wasm_bindgen_test]
async fn older_records_are_upgraded_once_and_written_back() {
    let name = unique_name("migrate");
    let v1 = open(&name, MIGRATIONS).await;
    v1.put_raw("old", 1, r#"{"id":"old","child_name":"A"}"#)
        .await
        .unwrap();
    // One that the step cannot upgrade: set aside, not lost.
    v1.put_raw("odd", 1, r#"{"id":"odd","child":{"name":"B"}}"#)
        .await
        .unwrap();
    v1.close();

    let v2 = open(&name, TWO).await;
    let store = Store::Device(v2);
    let loaded = store.load_all().await.unwrap();
    assert_eq!(loaded.upgraded, 1);
    assert_eq!(loaded.cases, vec![case("old", "A")]);
    assert_eq!(loaded.quarantined.len(), 1);
    let odd = &loaded.quarantined[0];
    assert_eq!(odd.id, "odd");
    assert_eq!(odd.schema, 1);
    // Kept whole: the stored record, with the case text it held.
    let kept: Value = serde_json::from_str(&odd.json).unwrap();
    assert_eq!(kept["json"], r#"{"id":"odd","child":{"name":"B"}}"#);
    assert_eq!(kept["schema"], 1);
    assert_eq!(
        odd.reason,
        "it could not be upgraded from format 1 to 2: no child_name"
    );
    let Store::Device(v2) = &store else {
        unreachable!()
    };
    assert_eq!(v2.copies_before_migration().await.unwrap(), 0);

    // Written back in schema 2: read as current the second time.
    let again = store.load_all().await.unwrap();
    assert_eq!(again.upgraded, 0);
    assert_eq!(again.cases, vec![case("old", "A")]);
    assert_eq!(again.quarantined, loaded.quarantined);
    assert_eq!(store.get("old").await.unwrap(), Some(case("old", "A")));

    // The upgraded copy saves like any other.
    let saved = store.save(renamed(&loaded.cases[0], "A2")).await.unwrap();
    assert_eq!(store.get("old").await.unwrap(), Some(saved));
    let Store::Device(v2) = store else {
        unreachable!()
    };
    v2.close();

    // The stored record really is schema 2: version 1 of the app cannot read it.
    let back = open(&name, MIGRATIONS).await;
    let old_app = back.load_all().await.unwrap();
    assert!(old_app.cases.is_empty());
    let newer = old_app
        .quarantined
        .iter()
        .find(|q| q.id == "old")
        .expect("the schema-2 record is set aside by a schema-1 reader");
    assert_eq!(newer.schema, 2);
    assert!(newer.reason.contains("format 2"), "{}", newer.reason);
    assert_eq!(
        serde_json::from_str::<Value>(
            serde_json::from_str::<Value>(&newer.json).unwrap()["json"]
                .as_str()
                .unwrap()
        )
        .unwrap()["child"]["name"],
        "A2"
    );
    back.close();

    // ...and leaves it in place: the newer version still reads it as a case.
    let again = open(&name, TWO).await.load_all().await.unwrap();
    assert_eq!(again.cases.len(), 1);
    assert!(again.quarantined.iter().all(|q| q.id != "old"));
}

#[wasm_bindgen_test]
async fn unreadable_records_are_set_aside_and_kept() {
    let name = unique_name("quarantine");
    let db = open(&name, MIGRATIONS).await;
    let broken = r#"{"id":"broken","child":{"na"#;
    let unknown = r#"{"id":"unknown","child":{"name":"B"},"colour":"red"}"#;
    db.put_raw("broken", 1, broken).await.unwrap();
    db.put_raw("unknown", 1, unknown).await.unwrap();
    let store = Store::Device(db);
    let good = store.create(with_event(case("good", "A"))).await.unwrap();

    let by_id = |mut q: Vec<care_planner::store::Quarantined>| {
        q.sort_by(|a, b| a.id.cmp(&b.id));
        q
    };
    let loaded = store.load_all().await.unwrap();
    assert_eq!(loaded.cases, vec![good.clone()]);
    assert_eq!(loaded.upgraded, 0);
    let set_aside = by_id(loaded.quarantined);
    assert_eq!(set_aside.len(), 2, "{set_aside:?}");
    // Each is kept whole, as it was stored: the record with its case text.
    let record =
        |q: &care_planner::store::Quarantined| serde_json::from_str::<Value>(&q.json).unwrap();
    assert_eq!(
        (set_aside[0].id.as_str(), set_aside[0].schema),
        ("broken", 1)
    );
    assert_eq!(record(&set_aside[0])["json"], broken);
    assert_eq!(record(&set_aside[0])["revision"], 1);
    assert!(
        set_aside[0]
            .reason
            .starts_with("it does not read as a case"),
        "{}",
        set_aside[0].reason
    );
    assert_eq!(
        (set_aside[1].id.as_str(), set_aside[1].schema),
        ("unknown", 1)
    );
    assert_eq!(record(&set_aside[1])["json"], unknown);
    assert!(
        set_aside[1].reason.contains("colour"),
        "{}",
        set_aside[1].reason
    );

    // Moved out of the cases, and kept: listed on every load, once each.
    assert_eq!(store.get("good").await.unwrap(), Some(good.clone()));
    assert_eq!(store.get("broken").await.unwrap(), None);
    let again = store.load_all().await.unwrap();
    assert_eq!(again.cases, vec![good.clone()]);
    assert_eq!(by_id(again.quarantined), set_aside);
    let Store::Device(db) = store else {
        unreachable!()
    };
    db.close();
    let store = Store::Device(open(&name, MIGRATIONS).await);
    let reopened = store.load_all().await.unwrap();
    assert_eq!(reopened.cases, vec![good]);
    assert_eq!(by_id(reopened.quarantined), set_aside);

    // "Delete all data on this device".
    // Refused if the numbers confirmed are not what is stored.
    assert_eq!(
        store.delete_all(Some(2)).await,
        Err(StoreError::CountChanged)
    );
    assert_eq!(store.load_all().await.unwrap().cases.len(), 1);
    store.delete_all(Some(3)).await.unwrap();
    let gone = store.load_all().await.unwrap();
    assert!(gone.cases.is_empty());
    assert!(gone.quarantined.is_empty());
    assert_eq!(store.get("good").await.unwrap(), None);
    // The id is free again.
    assert_eq!(store.create(case("good", "New")).await.unwrap().revision, 1);
}

#[wasm_bindgen_test]
async fn a_refused_write_aborts_its_transaction_and_the_store_is_unchanged() {
    let store = device("abort").await;
    let kept = store.create(case("kept", "K")).await.unwrap();
    let Store::Device(db) = &store else {
        unreachable!()
    };
    // Deleted and created before the refused write, in the same transaction.
    let refused = db
        .write(vec![
            Write::Delete {
                id: "kept".into(),
                expected: 1,
            },
            Write::Create(Case {
                revision: 1,
                ..case("new", "N")
            }),
            Write::Replace {
                case: Case {
                    revision: 8,
                    ..case("missing", "M")
                },
                expected: 7,
            },
        ])
        .await;
    assert_eq!(refused, Err(StoreError::Gone("missing".into())));
    assert_eq!(store.load_all().await.unwrap().cases, vec![kept.clone()]);
    assert_eq!(store.get("new").await.unwrap(), None);
    // The database is still usable after the abort.
    let saved = store.save(renamed(&kept, "K2")).await.unwrap();
    assert_eq!(store.get("kept").await.unwrap(), Some(saved));
}

#[wasm_bindgen_test]
fn browser_errors_become_store_errors() {
    let dom = |name: &str| -> JsValue {
        web_sys::DomException::new_with_message_and_name("x", name)
            .unwrap()
            .into()
    };
    assert_eq!(
        StoreError::from_js(dom("QuotaExceededError")),
        StoreError::Quota
    );
    assert_eq!(StoreError::from_js(dom("AbortError")), StoreError::Aborted);
    assert_eq!(
        StoreError::from_js(dom("SecurityError")),
        StoreError::Unavailable("SecurityError: x".into())
    );
    assert_eq!(
        StoreError::from_js(dom("InvalidStateError")),
        StoreError::Unavailable("InvalidStateError: x".into())
    );
    assert_eq!(
        StoreError::from_js(dom("DataCloneError")),
        StoreError::Other("DataCloneError: x".into())
    );
    assert_eq!(
        StoreError::from_js(js_sys::Error::new("boom").into()),
        StoreError::Other("boom".into())
    );
    assert_eq!(
        StoreError::from_js(JsValue::from_str("plain")),
        StoreError::Other("plain".into())
    );
    assert_eq!(
        StoreError::from_js(JsValue::NULL),
        StoreError::Other("an unknown error".into())
    );

    let quota = StoreError::Quota.to_string();
    assert!(quota.contains("full"), "{quota}");
    assert!(quota.contains("Export a backup"), "{quota}");
    assert!(StoreError::Aborted
        .to_string()
        .contains("nothing was changed"));
    assert!(StoreError::Unavailable("SecurityError: x".into())
        .to_string()
        .contains("(SecurityError: x)"));
    assert!(!StoreError::Quota.is_stale());
    assert!(StoreError::Gone("a".into()).is_stale());
    assert!(StoreError::Exists("a".into()).is_stale());
}

#[wasm_bindgen_test]
async fn case_json_is_what_is_stored() {
    // A record put as the current version writes it reads back as the same case.
    let db = open(&unique_name("raw"), MIGRATIONS).await;
    let original = Case {
        revision: 1,
        ..with_event(case("raw", "R"))
    };
    db.put_raw("raw", 1, &case_json(&original)).await.unwrap();
    let store = Store::Device(db);
    assert_eq!(store.get("raw").await.unwrap(), Some(original.clone()));
    let saved = store.save(renamed(&original, "R2")).await.unwrap();
    assert_eq!(saved.revision, 2);
    assert_eq!(store.load_all().await.unwrap().cases, vec![saved]);
}

/// Replaces a method of `IDBObjectStore.prototype` for the rest of this test (the returned
/// guard puts it back): to make the browser fail as it does when a record's data is lost.
struct Patched {
    name: &'static str,
    original: JsValue,
}

fn patch_object_store(name: &'static str, body: &str) -> Patched {
    let prototype = js_sys::eval("IDBObjectStore.prototype").unwrap();
    let original = js_sys::Reflect::get(&prototype, &JsValue::from_str(name)).unwrap();
    let replacement = js_sys::Function::new_with_args("...args", body);
    js_sys::Reflect::set(&prototype, &JsValue::from_str(name), &replacement).unwrap();
    // The original, for the replacement to call.
    js_sys::Reflect::set(
        &prototype,
        &JsValue::from_str(&format!("__{name}")),
        &original,
    )
    .unwrap();
    Patched { name, original }
}

impl Drop for Patched {
    fn drop(&mut self) {
        let prototype = js_sys::eval("IDBObjectStore.prototype").unwrap();
        js_sys::Reflect::set(&prototype, &JsValue::from_str(self.name), &self.original).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_record_the_browser_cannot_read_does_not_stop_the_others_loading() {
    let store = device("lost").await;
    let a = store.create(case("a", "A")).await.unwrap();
    let c = store.create(case("c", "C")).await.unwrap();
    store.create(case("b", "B")).await.unwrap();
    {
        // Reading everything at once fails, and so does reading "b" on its own.
        let _all = patch_object_store(
            "getAll",
            "throw new DOMException('Data lost due to missing file', 'NotReadableError')",
        );
        let _one = patch_object_store(
            "get",
            "if (args[0] === 'b') throw new DOMException('Data lost due to missing file', 'NotReadableError'); \
             return this.__get(...args);",
        );
        let loaded = store.load_all().await.unwrap();
        assert_eq!(loaded.cases, vec![a, c]);
        assert_eq!(loaded.quarantined.len(), 1);
        assert_eq!(loaded.quarantined[0].id, "b");
        assert!(
            loaded.quarantined[0].reason.contains("NotReadableError"),
            "{}",
            loaded.quarantined[0].reason
        );
    }
    // Left in place, not moved or deleted: readable again once the browser can.
    assert_eq!(store.load_all().await.unwrap().cases.len(), 3);
}

// ---------------------------------------------------------------------------------------
// The passphrase lock (Web Crypto in the browser).

const SECRET_NAME: &str = "Zebediah Quillfeather";
const PASSPHRASE: &str = "correct horse battery";

/// A new device database holding one case (named `SECRET_NAME`) under a lock set with
/// `PASSPHRASE`, unlocked in this tab: its name, the store and the case.
async fn locked_device(what: &str) -> (String, Store, Case) {
    let name = unique_name(what);
    let store = Store::Device(open(&name, MIGRATIONS).await);
    let case = store.create(case("c1", SECRET_NAME)).await.unwrap();
    store
        .relock(Some(Vault::create(PASSPHRASE).await.unwrap()))
        .await
        .unwrap();
    (name, store, case)
}

/// True if any value stored in any object store contains `needle` in plain text.
async fn device_shows(db: &IndexedDb, needle: &str) -> bool {
    db.raw_contents()
        .await
        .unwrap()
        .iter()
        .any(|value| value.contains(needle))
}

#[wasm_bindgen_test]
async fn a_text_sealed_with_a_passphrase_opens_only_with_that_passphrase() {
    let vault = Vault::create(PASSPHRASE).await.unwrap();
    assert_eq!(vault.params.iterations, 600_000);
    assert_eq!(vault.params.salt.len(), 16);
    let once = vault.seal(SECRET_NAME).await.unwrap();
    let twice = vault.seal(SECRET_NAME).await.unwrap();
    // A fresh IV each time: the same text never looks the same twice.
    assert_ne!(once.iv, twice.iv);
    assert_ne!(once.data, twice.data);
    assert_eq!(vault.open(&once).await.unwrap(), SECRET_NAME);
    assert_eq!(vault.open(&twice).await.unwrap(), SECRET_NAME);

    let record = vault.lock_record().await.unwrap();
    let again = Vault::unlock(PASSPHRASE, &record).await.unwrap();
    assert_eq!(again.open(&once).await.unwrap(), SECRET_NAME);
    assert_eq!(
        Vault::unlock("correct horse battery!", &record).await.err(),
        Some(VaultError::WrongPassphrase)
    );
    // Another salt is another key, even with the same passphrase.
    let other = Vault::create(PASSPHRASE).await.unwrap();
    assert_eq!(other.open(&once).await, Err(VaultError::WrongPassphrase));
    // Altered ciphertext is refused, never decrypted to something else.
    let mut altered = once.clone();
    altered.data[3] ^= 1;
    assert_eq!(vault.open(&altered).await, Err(VaultError::WrongPassphrase));
}

/// Setting the lock leaves no plain copy of a case (or of a set-aside record) anywhere in
/// IndexedDB; a new page load is locked, a wrong passphrase opens nothing, the right one
/// shows every case as it was.
#[wasm_bindgen_test]
async fn setting_the_lock_encrypts_every_record_and_leaves_no_plain_text() {
    let name = unique_name("lock");
    let db = open(&name, MIGRATIONS).await;
    let store = Store::Device(db);
    let first = store
        .create(with_event(case("c1", SECRET_NAME)))
        .await
        .unwrap();
    let second = store.create(case("c2", "Second Child")).await.unwrap();
    let Store::Device(db) = &store else {
        unreachable!()
    };
    // A record this version cannot read, set aside with its content on the next load.
    db.put_raw(
        "odd",
        1,
        &format!("{{\"child\": \"{SECRET_NAME} unreadable\""),
    )
    .await
    .unwrap();
    let before = store.load_all().await.unwrap();
    assert_eq!(before.quarantined.len(), 1);
    assert!(device_shows(db, SECRET_NAME).await);

    store
        .relock(Some(Vault::create(PASSPHRASE).await.unwrap()))
        .await
        .unwrap();
    assert!(!device_shows(db, SECRET_NAME).await);
    assert!(!device_shows(db, "Second Child").await);
    assert!(!device_shows(db, "\"json\"").await);
    // Still usable in this tab, and what it saves from now on is sealed too.
    let saved = store.save(renamed(&second, "Third Name")).await.unwrap();
    assert!(!device_shows(db, "Third Name").await);
    let unlocked = store.load_all().await.unwrap();
    assert_eq!(sorted(unlocked.cases), vec![first.clone(), saved.clone()]);
    assert_eq!(unlocked.quarantined, before.quarantined);
    db.close();

    // The next page load: locked until the passphrase is given.
    let again = Store::Device(open(&name, MIGRATIONS).await);
    let record = again.lock_record().await.unwrap().expect("a lock is set");
    assert_eq!(again.load_all().await.err(), Some(StoreError::Locked));
    assert_eq!(again.get("c1").await.err(), Some(StoreError::Locked));
    assert_eq!(
        again.create(case("c3", "New")).await.err(),
        Some(StoreError::Locked)
    );
    assert_eq!(
        Vault::unlock("wrong passphrase", &record).await.err(),
        Some(VaultError::WrongPassphrase)
    );
    again.use_key(Some(Vault::unlock(PASSPHRASE, &record).await.unwrap()));
    let reopened = again.load_all().await.unwrap();
    assert_eq!(sorted(reopened.cases), vec![first, saved]);
    assert_eq!(reopened.quarantined, before.quarantined);
}

/// Changing the passphrase re-encrypts every record under a new key and salt: the old
/// passphrase opens nothing, no record is left under the old key, and a tab still holding
/// the old key cannot save over them.
#[wasm_bindgen_test]
async fn changing_the_passphrase_re_encrypts_and_removing_the_lock_decrypts() {
    let (name, store, first) = locked_device("relock").await;
    let Store::Device(db) = &store else {
        unreachable!()
    };
    let sealed_before = db.raw_contents().await.unwrap();

    // Another tab, unlocked with the first passphrase.
    let other_tab = Store::Device(open(&name, MIGRATIONS).await);
    let old_record = other_tab.lock_record().await.unwrap().unwrap();
    other_tab.use_key(Some(Vault::unlock(PASSPHRASE, &old_record).await.unwrap()));

    let new_passphrase = "a different passphrase";
    store
        .relock(Some(Vault::create(new_passphrase).await.unwrap()))
        .await
        .unwrap();
    let sealed_after = db.raw_contents().await.unwrap();
    assert_eq!(sealed_before.len(), sealed_after.len());
    assert!(sealed_after.iter().all(|v| !sealed_before.contains(v)));
    assert!(!device_shows(db, SECRET_NAME).await);

    let new_record = store.lock_record().await.unwrap().unwrap();
    assert_ne!(new_record.key.salt, old_record.key.salt);
    assert_eq!(
        Vault::unlock(PASSPHRASE, &new_record).await.err(),
        Some(VaultError::WrongPassphrase)
    );
    // The other tab's key is now the wrong one: it reads nothing (rather than taking every
    // record for damaged), and its save is refused, nothing is written.
    assert_eq!(
        other_tab.load_all().await.err(),
        Some(StoreError::LockChanged)
    );
    assert_eq!(
        other_tab.save(renamed(&first, "Overwritten")).await.err(),
        Some(StoreError::LockChanged)
    );
    assert_eq!(db.raw_contents().await.unwrap(), sealed_after);

    let fresh = Store::Device(open(&name, MIGRATIONS).await);
    fresh.use_key(Some(
        Vault::unlock(new_passphrase, &new_record).await.unwrap(),
    ));
    assert_eq!(fresh.load_all().await.unwrap().cases, vec![first.clone()]);

    // Removing the lock: plain records again, and no lock record.
    store.relock(None).await.unwrap();
    assert_eq!(store.lock_record().await.unwrap(), None);
    assert!(device_shows(db, SECRET_NAME).await);
    assert!(!device_shows(db, "sealed").await);
    let plain = Store::Device(open(&name, MIGRATIONS).await);
    assert_eq!(plain.load_all().await.unwrap().cases, vec![first]);
}

/// A record the passphrase in use cannot decrypt (damaged) stops the lock being changed or
/// removed, which would leave it under a key nobody could derive again; once it has been
/// set aside (kept whole, sealed as found), the lock can change and it stays listed.
#[wasm_bindgen_test]
async fn a_record_that_cannot_be_decrypted_stops_the_lock_changing() {
    let (_, store, kept) = locked_device("undecryptable").await;
    let Store::Device(db) = &store else {
        unreachable!()
    };
    let damaged = r#"{"iv":"AAAAAAAAAAAAAAAA","data":"AAAAAAAAAAAAAAAAAAAAAA=="}"#;
    db.put_sealed_raw("damaged", damaged).await.unwrap();

    let before = db.raw_contents().await.unwrap();
    let lock = store.lock_record().await.unwrap();
    assert_eq!(
        store.relock(None).await.err(),
        Some(StoreError::Undecryptable(1))
    );
    assert_eq!(
        store
            .relock(Some(Vault::create("another passphrase").await.unwrap()))
            .await
            .err(),
        Some(StoreError::Undecryptable(1))
    );
    assert_eq!(db.raw_contents().await.unwrap(), before);
    assert_eq!(store.lock_record().await.unwrap(), lock);

    let loaded = store.load_all().await.unwrap();
    assert_eq!(loaded.cases, vec![kept.clone()]);
    assert_eq!(loaded.quarantined.len(), 1);
    assert!(loaded.quarantined[0]
        .reason
        .contains("could not be decrypted"));
    store.relock(None).await.unwrap();
    let plain = store.load_all().await.unwrap();
    assert_eq!(plain.cases, vec![kept]);
    assert_eq!(plain.quarantined, loaded.quarantined);
}
