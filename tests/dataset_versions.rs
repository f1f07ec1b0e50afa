//! One golden file per dataset format version (tests/fixtures/datasets): the current version
//! reads and writes back unchanged, every older one migrates to exactly the current golden, and
//! a newer one is refused with a clear message.
//!
//! After a deliberate format change, rewrite the goldens with `ENTENTE_BLESS=1 cargo test
//! --test dataset_versions` and review the diff.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fail a test the same way: by panicking

use entente::dataset::{Dataset, DatasetError, VERSION};
use std::path::{Path, PathBuf};

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/datasets")
        .join(name)
}

/// The dataset as saved, as a JSON tree without `generator` (which names this build): layout
/// and field order may change, the content may not.
fn saved(dataset: &Dataset) -> serde_json::Value {
    let mut out = Vec::new();
    dataset.write_json(&mut out).unwrap();
    without_generator(serde_json::from_slice(&out).unwrap())
}

fn current_golden() -> serde_json::Value {
    let text = std::fs::read(golden(&format!("v{VERSION}.entente.json"))).unwrap();
    without_generator(serde_json::from_slice(&text).unwrap())
}

fn without_generator(mut tree: serde_json::Value) -> serde_json::Value {
    tree.as_object_mut().unwrap().remove("generator");
    tree
}

#[test]
fn version_0_migrates_to_the_current_golden() {
    let (dataset, warnings) = Dataset::load(&golden("v0.entente.json")).unwrap();
    if std::env::var_os("ENTENTE_BLESS").is_some() {
        dataset
            .save(&golden(&format!("v{VERSION}.entente.json")))
            .unwrap();
    }
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(messages[0].contains("format version 0 was migrated to version 1"));
    assert!(messages[1].contains("e-pre0002") && messages[1].contains("\"Atlantis\""));
    assert_eq!(saved(&dataset), current_golden());

    // What the migration had to build, spelled out.
    let article = &dataset.articles[0];
    assert!(article.hash_matches());
    assert_eq!(article.body, [0, article.text.len()]);
    let e = &dataset.engagements[0];
    assert_eq!(e.parties_label(), "JPN–PAK");
    assert_eq!(e.article_ids, [std::sync::Arc::from("a-pre0001")]);
    assert_eq!(e.date.label(), "2019-06-18");
    assert_eq!(&*e.participants[1].name, "S\u{e9}ki Tanaka");
    assert_eq!(e.extra["coder"], "AB");
    for ev in &e.evidence {
        assert_eq!(&*ev.article_id, "a-pre0001");
        assert!(article.text.get(ev.start..ev.end).is_some());
    }
    assert_eq!(
        &article.text[e.evidence[3].start..e.evidence[3].end],
        "Vice-Minister S\u{e9}ki Tanaka"
    );
    let planned = &dataset.engagements[1];
    assert_eq!(planned.parties_label(), "JPN–USA");
    assert_eq!(planned.extra["unmapped_parties"][0], "Atlantis");
    assert_eq!(planned.date.text.as_deref(), Some("next round in Tokyo"));
    assert_eq!(dataset.extra["project"]["lead"], "kept as an unknown field");
}

#[test]
fn the_current_version_reads_and_writes_back_unchanged() {
    let (dataset, warnings) = Dataset::load(&golden(&format!("v{VERSION}.entente.json"))).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(saved(&dataset), current_golden());
}

#[test]
fn a_newer_version_is_refused_with_a_clear_message() {
    let json = format!(
        r#"{{"format": "entente.dataset", "version": {}, "articles": [], "engagements": []}}"#,
        VERSION + 1
    );
    let err = Dataset::from_slice(json.as_bytes(), Path::new("next.entente.json")).unwrap_err();
    assert!(matches!(err, DatasetError::TooNew { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "next.entente.json: dataset format version {} is newer than this Entente understands (version {VERSION}); update Entente to open it",
            VERSION + 1
        )
    );
}

#[test]
fn a_broken_old_file_names_the_field() {
    let json = r#"{"format": "entente.dataset", "version": 0,
        "articles": [{"id": "a-1"}], "engagements": []}"#;
    let err = Dataset::from_slice(json.as_bytes(), Path::new("old.entente.json")).unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("old.entente.json:") && text.contains("missing field"),
        "{text}"
    );
    assert!(
        text.contains("after migrating from format version 0"),
        "{text}"
    );
}
