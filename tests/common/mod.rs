//! Helpers shared by the window tests.
#![allow(dead_code)] // each test file uses its own share of these

use egui_kittest::Harness;
use entente::app::EntenteApp;
use std::collections::HashMap;

/// eframe storage kept in memory: `CreationContext.storage` is `None` under kittest, so
/// persistence is tested by saving into this and restoring from it.
#[derive(Default)]
pub struct MemoryStorage(pub HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// Steps the window until its background job is over (two minutes at most).
pub fn step_until_idle(harness: &mut Harness<'_, EntenteApp>) {
    let start = std::time::Instant::now();
    while harness.state().state.job.is_some() {
        assert!(start.elapsed().as_secs() < 120, "the job never ended");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
}
