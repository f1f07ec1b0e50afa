//! Work off the UI thread: corpus loading with extraction, re-extraction, and native file
//! dialogs.

use super::Command;
use crate::corpus::{self, LoadReport};
use crate::dataset::Dataset;
use crate::model::Article;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};

/// What a background job reports.
#[derive(Debug)]
pub enum JobEvent {
    /// Work done so far.
    Progress {
        /// Which stage.
        stage: &'static str,
        /// Units done.
        done: usize,
        /// Units in all (0 when not yet known).
        total: usize,
    },
    /// Finished.
    Done {
        /// The new dataset.
        dataset: Box<Dataset>,
        /// What could not be read.
        report: LoadReport,
        /// A name for it.
        name: String,
    },
    /// A re-extraction finished: the machine's records for the dataset's own articles, to be
    /// laid over the working dataset with `annotate::rebase`.
    Reextracted {
        /// The articles with their freshly extracted engagements.
        fresh: Box<Dataset>,
    },
    /// A dataset file was read and indexed.
    Opened {
        /// The dataset.
        dataset: Box<Dataset>,
        /// Its row keys.
        index: Box<crate::query::Index>,
        /// The file.
        path: PathBuf,
        /// Integrity problems found.
        warnings: Vec<crate::dataset::LoadWarning>,
    },
    /// Stopped at the analyst's request.
    Cancelled,
    /// Could not finish.
    Failed(String),
}

/// A running background job.
pub struct Job {
    cancel: Arc<AtomicBool>,
    events: Receiver<JobEvent>,
    /// The latest progress seen: stage, done, total.
    pub progress: std::cell::Cell<(&'static str, usize, usize)>,
}

impl Job {
    /// Loads and extracts a corpus on a named thread.
    pub fn load_corpus(paths: Vec<PathBuf>, wake: Sender<Command>) -> Job {
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, events) = std::sync::mpsc::channel();
        let flag = cancel.clone();
        let spawned = std::thread::Builder::new()
            .name("entente-load".into())
            .spawn(move || {
                let name = paths
                    .first()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "corpus".into());
                let mut files = 0;
                let (articles, report) = corpus::load_paths(&paths, &mut |_| {
                    files += 1;
                    let _ = tx.send(JobEvent::Progress {
                        stage: "Reading files",
                        done: files,
                        total: 0,
                    });
                });
                if flag.load(Ordering::Relaxed) {
                    let _ = tx.send(JobEvent::Cancelled);
                    return;
                }
                if articles.is_empty() {
                    let _ = tx.send(JobEvent::Failed(format!(
                        "No articles could be read from {name}."
                    )));
                    let _ = wake.send(Command::ShowLoadReport(!report.issues.is_empty()));
                    return;
                }
                let total = articles.len();
                let progress_tx = tx.clone();
                let progress = move |done| {
                    let _ = progress_tx.send(JobEvent::Progress {
                        stage: "Extracting",
                        done,
                        total,
                    });
                };
                let cancelled = || flag.load(Ordering::Relaxed);
                let Some(batch) =
                    crate::extract::extract_all_with_progress(&articles, &progress, &cancelled)
                else {
                    let _ = tx.send(JobEvent::Cancelled);
                    return;
                };
                let mut report = report;
                report
                    .issues
                    .extend(extraction_faults(&articles, &batch.failed));
                let dataset = Box::new(Dataset::new(articles, batch.engagements));
                let _ = tx.send(JobEvent::Done {
                    dataset,
                    report,
                    name,
                });
            });
        if let Err(e) = spawned {
            let (tx, events) = std::sync::mpsc::channel();
            let _ = tx.send(JobEvent::Failed(format!("could not start loading: {e}")));
            return Job {
                cancel,
                events,
                progress: std::cell::Cell::new(("", 0, 0)),
            };
        }
        Job {
            cancel,
            events,
            progress: std::cell::Cell::new(("Starting", 0, 0)),
        }
    }

    /// Reads a dataset file and builds its index on a named thread.
    pub fn open_dataset(path: PathBuf) -> Job {
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, events) = std::sync::mpsc::channel();
        let flag = cancel.clone();
        let spawned = std::thread::Builder::new()
            .name("entente-open".into())
            .spawn(move || {
                let stage = |stage| {
                    let _ = tx.send(JobEvent::Progress {
                        stage,
                        done: 0,
                        total: 0,
                    });
                };
                let on_read = |read: u64, size: u64| {
                    let _ = tx.send(JobEvent::Progress {
                        stage: "Reading (MB)",
                        done: (read >> 20) as usize,
                        total: (size >> 20) as usize,
                    });
                    !flag.load(Ordering::Relaxed)
                };
                let loaded = Dataset::load_with_progress(&path, &on_read);
                if flag.load(Ordering::Relaxed) {
                    let _ = tx.send(JobEvent::Cancelled);
                    return;
                }
                match loaded {
                    Ok((dataset, warnings)) => {
                        stage("Indexing");
                        let index = Box::new(crate::query::Index::build(&dataset));
                        if flag.load(Ordering::Relaxed) {
                            let _ = tx.send(JobEvent::Cancelled);
                            return;
                        }
                        let _ = tx.send(JobEvent::Opened {
                            dataset: Box::new(dataset),
                            index,
                            path,
                            warnings,
                        });
                    }
                    Err(e) => {
                        let _ = tx.send(JobEvent::Failed(format!("Could not open: {e}")));
                    }
                }
            });
        let progress = match spawned {
            Ok(_) => ("Opening", 0, 0),
            Err(e) => {
                let (tx, events) = std::sync::mpsc::channel();
                let _ = tx.send(JobEvent::Failed(format!("could not start opening: {e}")));
                return Job {
                    cancel,
                    events,
                    progress: std::cell::Cell::new(("", 0, 0)),
                };
            }
        };
        Job {
            cancel,
            events,
            progress: std::cell::Cell::new(progress),
        }
    }

    /// Extracts `articles` again on a named thread (the dataset's own articles, so nothing is
    /// read from disk).
    pub fn reextract(articles: Vec<Article>) -> Job {
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, events) = std::sync::mpsc::channel();
        let flag = cancel.clone();
        let total = articles.len();
        let spawned = std::thread::Builder::new()
            .name("entente-reextract".into())
            .spawn(move || {
                let progress_tx = tx.clone();
                let progress = move |done| {
                    let _ = progress_tx.send(JobEvent::Progress {
                        stage: "Re-extracting",
                        done,
                        total,
                    });
                };
                let cancelled = || flag.load(Ordering::Relaxed);
                match crate::extract::extract_all_with_progress(&articles, &progress, &cancelled) {
                    Some(batch) => {
                        let fresh = Box::new(Dataset::new(articles, batch.engagements));
                        let _ = tx.send(JobEvent::Reextracted { fresh });
                    }
                    None => {
                        let _ = tx.send(JobEvent::Cancelled);
                    }
                }
            });
        let progress = match spawned {
            Ok(_) => ("Re-extracting", 0, total),
            Err(e) => {
                let (tx, events) = std::sync::mpsc::channel();
                let _ = tx.send(JobEvent::Failed(format!(
                    "could not start re-extraction: {e}"
                )));
                return Job {
                    cancel,
                    events,
                    progress: std::cell::Cell::new(("", 0, 0)),
                };
            }
        };
        Job {
            cancel,
            events,
            progress: std::cell::Cell::new(progress),
        }
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Events that arrived since the last call; progress is folded into [`Job::progress`].
    pub fn events(&self) -> Vec<JobEvent> {
        let mut out = Vec::new();
        while let Ok(e) = self.events.try_recv() {
            if let JobEvent::Progress { stage, done, total } = e {
                self.progress.set((stage, done, total));
            } else {
                out.push(e);
            }
        }
        out
    }

    /// Waits for the job to end (for tests and the command line).
    pub fn wait(&self) -> Vec<JobEvent> {
        let mut out = Vec::new();
        while let Ok(e) = self.events.recv() {
            let last = !matches!(e, JobEvent::Progress { .. });
            out.push(e);
            if last {
                break;
            }
        }
        out
    }
}

/// Shows an open dialog on its own thread; the choice comes back as [`Command::OpenPath`].
pub fn open_dialog(wake: Sender<Command>, folder: bool) {
    let _ = std::thread::Builder::new()
        .name("entente-dialog".into())
        .spawn(move || {
            let dialog = rfd::FileDialog::new();
            let picked = if folder {
                dialog.set_title("Open corpus folder").pick_folder()
            } else {
                dialog
                    .set_title("Open dataset")
                    .add_filter("Entente dataset", &["json"])
                    .pick_file()
            };
            if let Some(path) = picked {
                let _ = wake.send(Command::OpenPath(path));
            }
        });
}

/// Shows a save dialog on its own thread; the choice comes back through `then`.
pub fn save_dialog(
    wake: Sender<Command>,
    name: String,
    filter: &'static str,
    extensions: &'static [&'static str],
    then: fn(PathBuf) -> Command,
) {
    let _ = std::thread::Builder::new()
        .name("entente-dialog".into())
        .spawn(move || {
            let picked = rfd::FileDialog::new()
                .set_file_name(name)
                .add_filter(filter, extensions)
                .save_file();
            if let Some(path) = picked {
                let _ = wake.send(then(path));
            }
        });
}

/// The load report's lines for articles the extractor failed on (a bug in a rule): they are
/// in the dataset, without engagements, and the analyst is told which they are.
fn extraction_faults(articles: &[Article], failed: &[usize]) -> Vec<crate::corpus::LoadIssue> {
    failed
        .iter()
        .filter_map(|&i| articles.get(i))
        .map(|a| crate::corpus::LoadIssue {
            place: a.source.clone().unwrap_or_else(|| a.id.clone()),
            problem: "the extractor failed on this article (a bug: please report it); \
                      it is kept, with no engagements read"
                .to_string(),
            skipped: false,
        })
        .collect()
}
