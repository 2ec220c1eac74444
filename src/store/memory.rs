//! Cases in memory: for tests, and for a browser that refuses to keep data (the app says
//! so, in the header, on every page). Behaves like the device store: the same checks, all
//! or nothing.

use std::cell::RefCell;
use std::collections::BTreeMap;

use care_planner_core::model::Case;

use super::{Loaded, StoreError, Write};

#[derive(Default)]
pub struct Memory {
    cases: RefCell<BTreeMap<String, Case>>,
}

impl Memory {
    pub fn load_all(&self) -> Result<Loaded, StoreError> {
        Ok(Loaded {
            cases: self.cases.borrow().values().cloned().collect(),
            ..Loaded::default()
        })
    }

    pub fn get(&self, id: &str) -> Result<Option<Case>, StoreError> {
        Ok(self.cases.borrow().get(id).cloned())
    }

    pub fn write(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        let mut cases = self.cases.borrow_mut();
        // Checked in order, each write seeing the ones before it (as in the device store's
        // transaction), before any is applied.
        let mut pending: BTreeMap<&str, Option<u64>> = BTreeMap::new();
        for write in &writes {
            let stored = match pending.get(write.id()) {
                Some(revision) => *revision,
                None => cases.get(write.id()).map(|c| c.revision),
            };
            write.check(stored)?;
            let after = match write {
                Write::Create(case) | Write::Replace { case, .. } => Some(case.revision),
                Write::Delete { .. } => None,
            };
            pending.insert(write.id(), after);
        }
        for write in writes {
            match write {
                Write::Create(case) | Write::Replace { case, .. } => {
                    cases.insert(case.id.clone(), case);
                }
                Write::Delete { id, .. } => {
                    cases.remove(&id);
                }
            }
        }
        Ok(())
    }

    pub fn delete_all(&self, expected: Option<usize>) -> Result<(), StoreError> {
        let mut cases = self.cases.borrow_mut();
        if expected.is_some_and(|expected| cases.len() != expected) {
            return Err(StoreError::CountChanged);
        }
        cases.clear();
        Ok(())
    }
}
