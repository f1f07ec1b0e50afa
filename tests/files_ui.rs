//! Opening files the ways an analyst does besides the dialogs: dropping them on the window, the
//! recent-files menu, and reopening the last dataset on start.

mod common;

use common::MemoryStorage;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::app::{EntenteApp, PREFERENCES_KEY, Preferences, Start};
use entente::dataset::Dataset;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn app() -> Harness<'static, EntenteApp> {
    let mut harness = Harness::builder()
        .with_size([1800.0, 900.0])
        .build_eframe(|cc| EntenteApp::new(cc, Start::Samples));
    harness.run();
    harness
}

/// A file dropped on the window, as the windowing system hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(harness: &mut Harness<'_, EntenteApp>, paths: &[&Path]) {
    for p in paths {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(Dropped(p.to_path_buf())));
    }
    harness.step();
    common::step_until_idle(harness);
    harness.run_steps(4);
}

fn sample_dataset(dir: &Path) -> PathBuf {
    let articles = entente::corpus::sample_articles();
    let engagements = entente::extract::extract_all(&articles);
    let path = dir.join("coded.entente.json");
    Dataset::new(articles, engagements)
        .save(&path)
        .expect("the sample dataset saves");
    path
}

#[test]
fn dropping_a_dataset_opens_it_and_lists_it_under_open_recent() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_dataset(dir.path());
    let mut harness = app();
    drop_files(&mut harness, &[&path]);
    assert_eq!(harness.state().state.path.as_deref(), Some(path.as_path()));
    assert_eq!(harness.state().state.preferences.recent, vec![path.clone()]);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").click();
    harness.run();
    assert!(harness.query_by_label("coded.entente.json").is_some());
}

#[test]
fn dropping_several_files_reads_them_as_one_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Talks\n2024-03-15\n\nKenya and Norway held security talks in Nairobi on Monday.",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Visit\n2024-03-16\n\nThe Chilean president visited Peru on Friday.",
    )
    .unwrap();
    let mut harness = app();
    drop_files(&mut harness, &[&a, &b]);
    let state = &harness.state().state;
    assert_eq!(state.dataset.articles.len(), 2);
    let mut pairs: Vec<String> = state
        .dataset
        .engagements
        .iter()
        .map(|e| e.parties_label())
        .collect();
    pairs.sort();
    assert_eq!(pairs, vec!["CHL–PER", "KEN–NOR"]);
}

#[test]
fn the_last_dataset_reopens_on_start_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_dataset(dir.path());
    let mut storage = MemoryStorage::default();
    let preferences = Preferences {
        recent: vec![path.clone()],
        reopen_last: false,
    };
    eframe::set_value(&mut storage, PREFERENCES_KEY, &preferences);

    let mut harness = app();
    harness.state_mut().restore_preferences(&storage, true);
    assert!(
        harness.state().state.job.is_none(),
        "not asked: the samples stay"
    );
    assert_eq!(harness.state().state.preferences.recent, vec![path.clone()]);

    eframe::set_value(
        &mut storage,
        PREFERENCES_KEY,
        &Preferences {
            reopen_last: true,
            ..preferences
        },
    );
    let mut harness = app();
    harness.state_mut().restore_preferences(&storage, true);
    drop_files(&mut harness, &[]);
    assert_eq!(harness.state().state.path.as_deref(), Some(path.as_path()));

    // What a run leaves in storage is what the next run reads.
    let mut saved = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut saved);
    let back: Preferences = eframe::get_value(&saved, PREFERENCES_KEY).unwrap();
    assert!(back.reopen_last);
    assert_eq!(back.recent[0], path);
}
