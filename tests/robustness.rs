//! The fuzz targets' properties (fuzz/, run by hand with cargo-fuzz) as property tests, so every
//! `cargo test` tries a few hundred hostile inputs too: the corpus reader, the date reader and
//! the dataset loader never panic on any bytes, and what they return is whole.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fail a test the same way: by panicking

use chrono::NaiveDate;
use entente::corpus::{LoadReport, read_bytes};
use entente::dataset::Dataset;
use entente::extract::dates::find_dates;
use proptest::prelude::*;
use std::path::Path;

const NAMES: [&str; 6] = ["f.txt", "f.html", "f.jsonl", "f.csv", "f.tsv", "f"];

fn fixture_bytes(folder: &str) -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(std::fs::read(path).unwrap());
            }
        }
    }
    files.sort();
    files
}

/// A fixture file with a few bytes changed, inserted or removed.
fn mutated(folder: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let files = fixture_bytes(folder);
    (
        prop::sample::select(files),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    )
        .prop_map(|(mut bytes, edits)| {
            for (at, byte, how) in edits {
                let i = if bytes.is_empty() {
                    0
                } else {
                    at.index(bytes.len())
                };
                match how {
                    0 if !bytes.is_empty() => bytes[i] = byte,
                    1 if !bytes.is_empty() => {
                        bytes.remove(i);
                    }
                    _ => bytes.insert(i, byte),
                }
            }
            bytes
        })
}

fn check_reader(bytes: &[u8]) -> Result<(), TestCaseError> {
    for name in NAMES {
        let mut report = LoadReport::default();
        for article in read_bytes(name, bytes, &mut report) {
            prop_assert!(article.hash_matches());
            prop_assert!(!article.text.trim().is_empty());
            prop_assert!(article.text.get(article.body[0]..article.body[1]).is_some());
        }
    }
    Ok(())
}

/// Text made of the words date expressions are built from, so the date reader's rules fire.
fn date_words() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Monday",
        "Tuesday",
        "last",
        "Past",
        "past",
        "previous",
        "coming",
        "this",
        "current",
        "next",
        "week",
        "month",
        "year",
        "on",
        "from",
        "to",
        "until",
        "and",
        "-",
        "–",
        "/",
        ",",
        ".",
        "January",
        "Feb",
        "June",
        "Sept.",
        "December",
        "1",
        "13",
        "31",
        "2019",
        "2023",
        "9999",
        "0",
        "th",
        "st",
        "mid-",
        "early",
        "late",
        "the",
        "of",
        "ago",
        "days",
        "yesterday",
        "today",
        "tomorrow",
        "week's",
        "\n",
        "é",
        "年",
        " ",
        "  ",
    ]);
    prop::collection::vec(word, 0..40).prop_map(|w| w.join(" "))
}

/// Text made of the words news of engagements is built from (states, titles, ranks, names,
/// acts, dates and the punctuation between them), so the extractor's rules fire on it.
fn news_words() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Pakistan",
        "India",
        "Indian",
        "U.S.",
        "China's",
        "ISLAMABAD:",
        "Kabul",
        "NATO",
        "the",
        "Prime",
        "Minister",
        "President",
        "Foreign",
        "Ambassador",
        "of",
        "to",
        "General",
        "Lt",
        "Gen.",
        "(Retd)",
        "Rear",
        "Admiral",
        "Mr",
        "Dr.",
        "H.E.",
        "Ana",
        "Kral",
        "KRAL",
        "(COAS)",
        "bin",
        "met",
        "meets",
        "will",
        "visit",
        "visited",
        "talks",
        "held",
        "signed",
        "an",
        "MoU",
        "agreement",
        "on",
        "with",
        "and",
        "called",
        "call",
        "phone",
        "round",
        "10th",
        "second",
        "Dialogue",
        "Group",
        "Monday",
        "next",
        "week",
        "June",
        "19th,",
        "2019",
        "in",
        "he",
        "He",
        "The",
        "meeting",
        "delegation",
        "led",
        "by",
        "not",
        "no",
        "said",
        "\"",
        "“",
        "”",
        "’s",
        ",",
        ".",
        ":",
        ";",
        "-",
        "–",
        "(",
        ")",
        "\n",
        "\n\n",
        "é",
        "年",
        " ",
    ]);
    prop::collection::vec(word, 0..80).prop_map(|w| w.join(" "))
}

/// What any extraction must satisfy: every evidence span lies inside its article.
fn check_extraction(article: &entente::model::Article) -> Result<usize, TestCaseError> {
    let found = entente::extract::extract_article(article);
    for e in &found {
        for ev in &e.evidence {
            prop_assert!(article.text.get(ev.start..ev.end).is_some(), "{ev:?}");
        }
    }
    Ok(found.len())
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn extractor_takes_any_news_like_text(text in news_words(), day in 0i64..20_000) {
        let mut report = LoadReport::default();
        let published = NaiveDate::from_ymd_opt(1990, 1, 1)
            .and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(day)))
            .map(|d| d.to_string())
            .unwrap_or_default();
        let file = format!("Headline\n{published}\n\n{text}");
        for article in read_bytes("f.txt", file.as_bytes(), &mut report) {
            check_extraction(&article)?;
        }
    }

    #[test]
    fn reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_reader(&bytes)?;
    }

    #[test]
    fn reader_takes_damaged_corpus_files(bytes in mutated("tests/fixtures/bad_corpus")) {
        check_reader(&bytes)?;
    }

    #[test]
    fn date_reader_takes_any_text(text in date_words(), any_text in ".{0,80}", day in 0i64..40_000) {
        let published = NaiveDate::from_ymd_opt(1950, 1, 1)
            .and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(day)));
        for text in [&text, &any_text] {
            for published in [None, published] {
                for m in find_dates(text, published) {
                    prop_assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
                }
            }
        }
    }

    #[test]
    fn loader_takes_damaged_datasets(bytes in mutated("tests/fixtures/datasets")) {
        if let Ok((dataset, _)) = Dataset::from_slice(&bytes, Path::new("x.entente.json")) {
            for e in &dataset.engagements {
                for ev in &e.evidence {
                    let fits = dataset
                        .articles
                        .iter()
                        .filter(|a| *a.id == *ev.article_id)
                        .any(|a| a.text.get(ev.start..ev.end).is_some());
                    prop_assert!(fits, "{:?}", ev);
                }
            }
            let mut out = Vec::new();
            dataset.write_json(&mut out).unwrap();
        }
    }
}

/// Needs ../shared/corpus/news.jsonl.gz (skips without it): the extractor runs over a tenth of
/// 30,000 real articles of all kinds without a panic, and its evidence lies inside them.
#[test]
fn extractor_takes_real_bulk_news() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news.jsonl.gz");
    if !path.exists() {
        eprintln!("skipped: {} is not here", path.display());
        return;
    }
    let (articles, _) = entente::corpus::load_paths(&[path], &mut |_| {});
    assert!(articles.len() > 1000, "{} articles", articles.len());
    let sample: Vec<_> = articles.into_iter().step_by(10).collect();
    let found: usize = sample.iter().map(|a| check_extraction(a).unwrap()).sum();
    assert!(found > 0);
}
