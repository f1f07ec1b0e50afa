//! Never lose work: the working dataset is written to a recovery file now and then while it
//! has unsaved changes, removed when the work is saved or knowingly discarded, and offered back
//! on the next start when Entente ended without doing either (a crash, a kill, a power cut).

use crate::dataset::Dataset;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// Where the recovery files live and the lock that keeps a late background write from
/// bringing back a file that was just removed.
#[derive(Debug, Clone)]
pub struct Recovery {
    dir: PathBuf,
    /// Bumped by every removal; a background write made for an older epoch is dropped.
    epoch: Arc<Mutex<u64>>,
}

/// A recovery file found at start.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryOffer {
    /// The name the dataset had in the title bar.
    pub name: String,
    /// The file it had been opened from or saved to, if any.
    pub original: Option<PathBuf>,
    /// When it was written.
    pub written: Option<SystemTime>,
    /// How many engagements it holds, when known.
    pub engagements: Option<usize>,
}

/// The analyst's answer to the recovery offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open the recovered work.
    Restore,
    /// Delete it.
    Discard,
}

impl Recovery {
    /// Recovery files in `dir` (created when first needed).
    pub fn in_dir(dir: PathBuf) -> Recovery {
        Recovery {
            dir,
            epoch: Arc::new(Mutex::new(0)),
        }
    }

    /// `$XDG_STATE_HOME/entente`, else `~/.local/state/entente` (on Windows `%LOCALAPPDATA%`).
    pub fn default_dir() -> Option<PathBuf> {
        let non_empty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        if let Some(state) = non_empty("XDG_STATE_HOME") {
            return Some(PathBuf::from(state).join("entente"));
        }
        if let Some(local) = non_empty("LOCALAPPDATA") {
            return Some(PathBuf::from(local).join("entente"));
        }
        non_empty("HOME").map(|h| PathBuf::from(h).join(".local/state/entente"))
    }

    /// The recovered dataset file.
    pub fn data_path(&self) -> PathBuf {
        self.dir.join("recovery.entente.json")
    }

    fn meta_path(&self) -> PathBuf {
        self.dir.join("recovery.meta.json")
    }

    /// What a previous run left behind, if anything.
    pub fn find(&self) -> Option<RecoveryOffer> {
        let data = self.data_path();
        let written = std::fs::metadata(&data).ok()?.modified().ok();
        let meta: serde_json::Value = std::fs::read(self.meta_path())
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Some(RecoveryOffer {
            name: meta["name"]
                .as_str()
                .unwrap_or("Recovered work")
                .to_string(),
            original: meta["path"].as_str().map(PathBuf::from),
            written,
            engagements: meta["engagements"].as_u64().map(|n| n as usize),
        })
    }

    /// Writes `dataset` as the recovery file on a background thread (atomically, like any
    /// save). `name` and `original` say what it was, for the offer.
    pub fn write_in_background(&self, dataset: Dataset, name: String, original: Option<PathBuf>) {
        let this = self.clone();
        let epoch = self.current_epoch();
        let _ = std::thread::Builder::new()
            .name("entente-autosave".into())
            .spawn(move || {
                if let Err(e) = this.write(&dataset, &name, original.as_deref(), epoch) {
                    eprintln!("entente: autosave failed: {e}");
                }
            });
    }

    /// Writes the recovery file now (the background write's body; also for tests).
    pub fn write_now(
        &self,
        dataset: &Dataset,
        name: &str,
        original: Option<&Path>,
    ) -> std::io::Result<()> {
        self.write(dataset, name, original, self.current_epoch())
    }

    fn current_epoch(&self) -> u64 {
        self.epoch.lock().map(|e| *e).unwrap_or(0)
    }

    fn write(
        &self,
        dataset: &Dataset,
        name: &str,
        original: Option<&Path>,
        epoch: u64,
    ) -> std::io::Result<()> {
        let guard = self
            .epoch
            .lock()
            .map_err(|_| std::io::Error::other("recovery lock poisoned"))?;
        if *guard != epoch {
            return Ok(());
        }
        std::fs::create_dir_all(&self.dir)?;
        dataset
            .save(&self.data_path())
            .map_err(std::io::Error::other)?;
        let meta = serde_json::json!({
            "name": name,
            "path": original.map(|p| p.to_string_lossy().into_owned()),
            "engagements": dataset.engagements.len(),
        });
        crate::cli::write_atomically(&self.meta_path(), |w| {
            serde_json::to_writer_pretty(&mut *w, &meta)?;
            Ok(())
        })
        .map_err(std::io::Error::other)?;
        drop(guard);
        Ok(())
    }

    /// Removes the recovery files; a background write still under way is dropped.
    pub fn remove(&self) {
        if let Ok(mut epoch) = self.epoch.lock() {
            *epoch += 1;
            let _ = std::fs::remove_file(self.data_path());
            let _ = std::fs::remove_file(self.meta_path());
        }
    }
}
