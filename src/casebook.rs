//! The cases on this device as the pages see them: signals over the store, kept in step
//! with other tabs, and the one way pages change a case (each change saved at once, with
//! its state shown).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use care_planner_core::model::import::ImportPlan;
use care_planner_core::model::record::MIGRATIONS;
use care_planner_core::model::{Case, ChangeError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::store::indexed_db::IndexedDb;
use crate::store::memory::Memory;
use crate::store::{Quarantined, Store, StoreError};
use crate::vault::{Vault, VaultError};

/// The database every tab of Care Planner on this origin shares.
const DATABASE: &str = "care-planner";
/// Tabs tell each other which cases they changed on this channel.
const CHANNEL: &str = "care-planner-changes";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    Loading,
    Ready,
    /// Cases could not be read at all: why, and what to do.
    Failed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Idle,
    Saving,
    /// Saved, at this time of day ("14:03").
    Saved(String),
    Failed(String),
}

/// Why the passphrase could not be set, changed or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassphraseError {
    /// The passphrase in use was not the one given.
    Wrong(String),
    /// Anything else, in words (another tab saved meanwhile, storage full, …).
    Other(String),
}

/// The passphrase lock, as this tab sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// Not yet read from the device. Pages show as while loading: no case is in memory yet.
    Checking,
    /// No passphrase is set on this device.
    Off,
    /// A passphrase is set and this tab does not hold the key: nothing about the cases is
    /// in memory, and every page shows the lock screen.
    Locked,
    Unlocked,
}

#[derive(Clone, Copy)]
pub struct CaseBook {
    pub cases: RwSignal<Vec<Case>>,
    pub quarantined: RwSignal<Vec<Quarantined>>,
    pub load: RwSignal<LoadState>,
    pub save: RwSignal<SaveState>,
    /// The browser refused storage, so cases are kept in this tab only.
    pub memory_only: RwSignal<Option<String>>,
    pub lock: RwSignal<Lock>,
}

type ChangeFn = Box<dyn FnOnce(&mut Case, &str) -> Result<(), ChangeError>>;

/// One change waiting its turn.
struct Job {
    id: String,
    change: ChangeFn,
    done: Box<dyn FnOnce(Result<(), String>)>,
}

thread_local! {
    static STORE: RefCell<Option<Rc<Store>>> = const { RefCell::new(None) };
    static CHANNEL_OUT: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
    /// While every case is being loaded: the ids other tabs changed meanwhile.
    static LOADING: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    static QUEUE: RefCell<VecDeque<Job>> = const { RefCell::new(VecDeque::new()) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

fn store() -> Option<Rc<Store>> {
    STORE.with(|s| s.borrow().clone())
}

pub fn casebook() -> CaseBook {
    expect_context::<CaseBook>()
}

/// Opens the store and loads every case; called once, by the app.
pub fn provide_casebook() {
    let book = CaseBook {
        cases: RwSignal::new(Vec::new()),
        quarantined: RwSignal::new(Vec::new()),
        load: RwSignal::new(LoadState::Loading),
        save: RwSignal::new(SaveState::Idle),
        memory_only: RwSignal::new(None),
        lock: RwSignal::new(Lock::Checking),
    };
    provide_context(book);
    spawn_local(async move {
        let store = match IndexedDb::open(DATABASE, MIGRATIONS).await {
            Ok(db) => Store::Device(db),
            // Only where the browser refuses storage: anything else (an older cached app, a
            // damaged database) may still hold cases, which memory would hide.
            Err(e @ StoreError::Unavailable(_)) => {
                book.memory_only.set(Some(e.to_string()));
                Store::Memory(Memory::default())
            }
            Err(e) => {
                book.load.set(LoadState::Failed(e.to_string()));
                return;
            }
        };
        mark("care-planner:store-open");
        let store = Rc::new(store);
        STORE.with(|s| *s.borrow_mut() = Some(store.clone()));
        // Listening before loading: a change another tab makes meanwhile is read again
        // once the load is done.
        listen_to_other_tabs(book);
        match store.lock_record().await {
            Ok(Some(_)) => book.lock.set(Lock::Locked),
            Ok(None) => {
                book.lock.set(Lock::Off);
                book.reload_all().await;
                mark("care-planner:cases-loaded");
            }
            Err(e) => book.load.set(LoadState::Failed(e.to_string())),
        }
    });
}

impl CaseBook {
    /// The case with this id, tracked.
    pub fn find(self, id: &str) -> Option<Case> {
        self.cases
            .with(|cases| cases.iter().find(|c| c.id == id).cloned())
    }

    /// The latest copy of the case with this id, untracked: what a change is applied to.
    pub fn latest(self, id: &str) -> Option<Case> {
        self.cases
            .with_untracked(|cases| cases.iter().find(|c| c.id == id).cloned())
    }

    async fn reload_all(self) {
        let Some(store) = store() else { return };
        loop {
            // Only the outermost load collects what other tabs change meanwhile.
            let outermost = LOADING.with(|l| {
                let mut l = l.borrow_mut();
                l.is_none().then(|| *l = Some(Vec::new())).is_some()
            });
            let result = store.load_all().await;
            let changed_meanwhile = if outermost {
                LOADING.with(|l| l.borrow_mut().take()).unwrap_or_default()
            } else {
                Vec::new()
            };
            // Locked while loading: what was read must not come back into memory.
            if self.is_locked_now() {
                return;
            }
            match result {
                Err(StoreError::Locked | StoreError::LockChanged) => {
                    spawn_local(self.follow_lock_change());
                }
                Ok(loaded) => {
                    if let Some(problem) = loaded.problem {
                        self.save.set(SaveState::Failed(problem));
                    }
                    self.cases.set(loaded.cases);
                    self.quarantined.set(loaded.quarantined);
                    self.load.set(LoadState::Ready);
                }
                Err(e) => self.load.set(LoadState::Failed(e.to_string())),
            }
            if changed_meanwhile.iter().any(|id| id == ALL) {
                continue;
            }
            for id in changed_meanwhile {
                self.reload(&id).await;
            }
            return;
        }
    }

    /// Reads one case again from the store (after another tab changed it, or a refused save).
    async fn reload(self, id: &str) {
        let Some(store) = store() else { return };
        match store.get(id).await {
            Ok(found) => self.replace_in_view(id, found),
            Err(e) => self.save.set(SaveState::Failed(format!(
                "A case changed in another tab could not be read again: {e} Reload the page to see it."
            ))),
        }
    }

    fn replace_in_view(self, id: &str, case: Option<Case>) {
        // A read or save that finishes after the tab locked.
        if self.is_locked_now() {
            return;
        }
        self.cases.update(|cases| {
            let at = cases.iter().position(|c| c.id == id);
            match (at, case) {
                (Some(i), Some(case)) => cases[i] = case,
                (None, Some(case)) => cases.push(case),
                (Some(i), None) => {
                    cases.remove(i);
                }
                (None, None) => {}
            }
        });
    }

    /// Runs one write, showing "Saving…" then when it was saved or why not. A write refused
    /// because another tab changed the case first reloads that case, so the page shows the
    /// newer copy.
    async fn write<T>(
        self,
        ids: &[&str],
        op: impl std::future::Future<Output = Result<T, StoreError>>,
    ) -> Result<T, StoreError> {
        self.save.set(SaveState::Saving);
        let result = op.await;
        match &result {
            Ok(_) => {
                self.save.set(SaveState::Saved(crate::clock::time_of_day()));
                announce(ids);
            }
            Err(e) => {
                self.save.set(SaveState::Failed(e.to_string()));
                if matches!(e, StoreError::Locked | StoreError::LockChanged) {
                    spawn_local(self.follow_lock_change());
                }
                if e.is_stale() {
                    for id in ids {
                        self.reload(id).await;
                    }
                }
            }
        }
        result
    }

    pub async fn create(self, case: Case) -> Result<Case, StoreError> {
        let store = store().ok_or_else(not_ready)?;
        let id = case.id.clone();
        let saved = self.write(&[&id], store.create(case)).await?;
        self.replace_in_view(&id, Some(saved.clone()));
        ask_to_keep_data();
        Ok(saved)
    }

    /// Saves `case`, changed from the stored revision `case.revision`.
    pub async fn save(self, case: Case) -> Result<Case, StoreError> {
        let store = store().ok_or_else(not_ready)?;
        let id = case.id.clone();
        let saved = self.write(&[&id], store.save(case)).await?;
        self.replace_in_view(&id, Some(saved.clone()));
        Ok(saved)
    }

    pub async fn delete(self, id: &str, revision: u64) -> Result<(), StoreError> {
        let store = store().ok_or_else(not_ready)?;
        self.write(&[id], store.delete(id, revision)).await?;
        self.replace_in_view(id, None);
        Ok(())
    }

    pub async fn import(self, plan: ImportPlan) -> Result<(), StoreError> {
        let store = store().ok_or_else(not_ready)?;
        let ids: Vec<String> = plan
            .add
            .iter()
            .map(|c| c.id.clone())
            .chain(plan.replace.iter().map(|r| r.incoming.id.clone()))
            .collect();
        let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let result = self
            .write(&id_refs, store.import(plan.add, plan.replace))
            .await;
        self.reload_all().await;
        if result.is_ok() {
            ask_to_keep_data();
        }
        result
    }

    /// Deletes everything, if the device still holds `expected` records (cases and
    /// set-aside ones together): what the user confirmed.
    pub async fn delete_all(self, expected: Option<usize>) -> Result<(), StoreError> {
        let store = store().ok_or_else(not_ready)?;
        let result = self
            .write(&[ALL, LOCK_CHANGED], store.delete_all(expected))
            .await;
        if result.is_ok() {
            self.lock.set(Lock::Off);
        }
        self.reload_all().await;
        result
    }

    /// Unlocks with `passphrase` and loads the cases; the error is in words.
    pub async fn unlock(self, passphrase: &str) -> Result<(), String> {
        let store = store().ok_or_else(|| not_ready().to_string())?;
        let Some(record) = store.lock_record().await.map_err(|e| e.to_string())? else {
            // Removed in another tab meanwhile.
            self.lock.set(Lock::Off);
            self.reload_all().await;
            return Ok(());
        };
        let vault = Vault::unlock(passphrase, &record)
            .await
            .map_err(|e| e.to_string())?;
        // The passphrase may have been changed in another tab while the key was derived.
        let now = store.lock_record().await.map_err(|e| e.to_string())?;
        if !now.is_some_and(|now| vault.matches(&now)) {
            return Err(
                "The passphrase was changed in another tab or window just now. Enter the new one."
                    .into(),
            );
        }
        store.use_key(Some(vault));
        // Loaded first, then shown: the page comes back whole, and its heading takes focus.
        self.reload_all().await;
        if store.is_unlocked() {
            self.lock.set(Lock::Unlocked);
        }
        Ok(())
    }

    /// Forgets the key and every case in memory; with `everywhere`, tells the other tabs to
    /// lock too.
    pub fn lock_now(self, everywhere: bool) {
        if self.lock.get_untracked() != Lock::Unlocked {
            return;
        }
        self.forget();
        if everywhere {
            announce(&[LOCK_NOW]);
        }
    }

    /// Whether what a read brings back must be dropped: locked, and not in the middle of
    /// unlocking (which holds the key before the pages are shown).
    fn is_locked_now(self) -> bool {
        self.lock.get_untracked() == Lock::Locked && !store().is_some_and(|s| s.is_unlocked())
    }

    /// Locked: the key, every case and set-aside record, and the changes waiting to be
    /// saved go from memory. (A change already being saved finishes, under the key it
    /// started with; its result is not shown.)
    fn forget(self) {
        if let Some(store) = store() {
            store.use_key(None);
        }
        self.lock.set(Lock::Locked);
        self.cases.set(Vec::new());
        self.quarantined.set(Vec::new());
        self.load.set(LoadState::Loading);
        self.save.set(SaveState::Idle);
        let waiting: Vec<Job> = QUEUE.with(|q| q.borrow_mut().drain(..).collect());
        for job in waiting {
            (job.done)(Err(
                "Care Planner locked before this change was saved, so it was not made.".into(),
            ));
        }
    }

    /// Sets a new passphrase (or, with `None`, removes the lock), re-encrypting every
    /// record. `current` must be the passphrase in use, when there is one.
    pub async fn set_passphrase(
        self,
        current: &str,
        new: Option<&str>,
    ) -> Result<(), PassphraseError> {
        let other = |e: &dyn std::fmt::Display| PassphraseError::Other(e.to_string());
        let store = store().ok_or_else(|| other(&not_ready()))?;
        if let Some(record) = store.lock_record().await.map_err(|e| other(&e))? {
            Vault::unlock(current, &record).await.map_err(|e| match e {
                VaultError::WrongPassphrase => PassphraseError::Wrong(
                    "The current passphrase is not the right one, so nothing was changed.".into(),
                ),
                e => other(&e),
            })?;
        }
        let vault = match new {
            Some(passphrase) => Some(Vault::create(passphrase).await.map_err(|e| other(&e))?),
            None => None,
        };
        let on = vault.is_some();
        let result = self.write(&[LOCK_CHANGED], store.relock(vault)).await;
        if self.lock.get_untracked() == Lock::Locked {
            // Locked (the Lock button, another tab, the idle time) while re-encrypting: the
            // new key is not kept either, so the tab stays locked.
            store.use_key(None);
            self.forget();
        } else if result.is_ok() {
            self.lock.set(if on { Lock::Unlocked } else { Lock::Off });
        }
        result.map_err(|e| other(&e))
    }

    /// Whether a change made with `change` is still being saved: pages ignore a second
    /// press meanwhile (a double click must not add a task twice or undo two changes).
    pub fn is_changing(self) -> bool {
        RUNNING.with(Cell::get)
    }

    /// Applies `change` to the latest copy of case `id` and saves it, one change at a time
    /// (each built on the copy the one before saved, never refused as stale by its own
    /// tab), then calls `done` with the outcome in words.
    pub fn change(
        self,
        id: String,
        change: impl FnOnce(&mut Case, &str) -> Result<(), ChangeError> + 'static,
        done: impl FnOnce(Result<(), String>) + 'static,
    ) {
        QUEUE.with(|q| {
            q.borrow_mut().push_back(Job {
                id,
                change: Box::new(change),
                done: Box::new(done),
            })
        });
        if RUNNING.with(|r| r.replace(true)) {
            return;
        }
        spawn_local(async move {
            loop {
                let Some(job) = QUEUE.with(|q| q.borrow_mut().pop_front()) else {
                    RUNNING.with(|r| r.set(false));
                    return;
                };
                let outcome = self.run(job.id, job.change).await;
                // Saved: the next press counts from here, even one made in `done`.
                let last = QUEUE.with(|q| q.borrow().is_empty());
                if last {
                    RUNNING.with(|r| r.set(false));
                }
                (job.done)(outcome);
                if last {
                    return;
                }
            }
        });
    }

    async fn run(self, id: String, change: ChangeFn) -> Result<(), String> {
        let found = self.latest(&id);
        let Some(mut case) = found else {
            return Err(
                "This case is no longer on this device; it may have been deleted in another tab."
                    .into(),
            );
        };
        change(&mut case, &crate::clock::now_stamp()).map_err(|e| e.to_string())?;
        self.save(case).await.map(|_| ()).map_err(|e| e.to_string())
    }
}

impl CaseBook {
    /// Another tab set, changed or removed the passphrase: this tab's key (if any) is no
    /// longer the device's, so it locks, or shows the cases now in plain text.
    async fn follow_lock_change(self) {
        let Some(store) = store() else { return };
        match store.lock_record().await {
            // Unlocked here with the old key, or no lock here: lock, so that the new
            // passphrase is asked for.
            Ok(Some(_)) => self.forget(),
            Ok(None) => {
                store.use_key(None);
                self.lock.set(Lock::Off);
                self.reload_all().await;
            }
            Err(e) => self.save.set(SaveState::Failed(e.to_string())),
        }
    }
}

/// Asks the browser not to clear this site's data when space is short. Chromium decides
/// silently; Firefox asks the user. Asked when a case is added, when there is data worth
/// keeping; the Settings page shows the answer.
fn ask_to_keep_data() {
    if let Some(Ok(promise)) = web_sys::window().map(|w| w.navigator().storage().persist()) {
        spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// A named moment on the page's performance timeline, read by `scripts/bench-store.mjs`.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

fn not_ready() -> StoreError {
    StoreError::Other("the cases on this device have not finished loading".into())
}

/// Names "every case" in a message between tabs.
const ALL: &str = "*";
/// Tells other tabs the passphrase was set, changed or removed.
const LOCK_CHANGED: &str = "#lock-changed";
/// Tells other tabs to lock now.
const LOCK_NOW: &str = "#lock-now";

/// Tells other tabs which cases changed (ids only: case content never leaves the store).
fn announce(ids: &[&str]) {
    CHANNEL_OUT.with(|channel| {
        if let Some(channel) = channel.borrow().as_ref() {
            let message: js_sys::Array = ids.iter().map(|id| JsValue::from_str(id)).collect();
            let _ = channel.post_message(&message);
        }
    });
}

fn listen_to_other_tabs(book: CaseBook) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let ids: Vec<String> = js_sys::Array::from(&event.data())
                .iter()
                .filter_map(|v| v.as_string())
                .collect();
            if ids.iter().any(|id| id == LOCK_NOW) {
                book.lock_now(false);
                return;
            }
            if ids.iter().any(|id| id == LOCK_CHANGED) {
                spawn_local(book.follow_lock_change());
                return;
            }
            // Nothing is read while locked; unlocking reads every case anyway.
            if matches!(book.lock.get_untracked(), Lock::Locked | Lock::Checking) {
                return;
            }
            let loading = LOADING.with(|l| match l.borrow_mut().as_mut() {
                Some(meanwhile) => {
                    meanwhile.extend(ids.iter().cloned());
                    true
                }
                None => false,
            });
            if loading {
                return;
            }
            spawn_local(async move {
                if ids.iter().any(|id| id == ALL) {
                    book.reload_all().await;
                } else {
                    for id in ids {
                        book.reload(&id).await;
                    }
                }
            });
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    CHANNEL_OUT.with(|c| *c.borrow_mut() = Some(channel));
}
