//! The dataset file end to end: extract the sample corpus, save, reopen, compare; bad files.

use entente::dataset::{Dataset, DatasetError};
use std::process::Command;

fn entente() -> Command {
    Command::new(env!("CARGO_BIN_EXE_entente"))
}

/// Runs `entente extract` over the sample corpus into `out`.
fn extract_samples(out: &std::path::Path) {
    let status = entente()
        .args(["extract", "assets/corpus", "-o"])
        .arg(out)
        .status()
        .expect("the entente binary runs");
    assert!(status.success());
}

#[test]
fn extracted_samples_survive_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.entente.json");
    extract_samples(&out);

    let (first, warnings) = Dataset::load(&out).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(first.articles.len(), 5);
    assert!(first.engagements.len() >= 5);
    for e in &first.engagements {
        assert!(e.parties.len() >= 2, "{e:?}");
        assert!(!e.evidence.is_empty(), "every record has evidence: {e:?}");
        let article = first.article(&e.article_ids[0]).unwrap();
        for ev in &e.evidence {
            assert!(
                article.text.get(ev.start..ev.end).is_some(),
                "evidence on char boundaries"
            );
        }
    }

    // Save again and reopen: identical.
    let again = dir.path().join("y.entente.json");
    first.save(&again).unwrap();
    let (second, _) = Dataset::load(&again).unwrap();
    assert_eq!(first, second);

    // Same text, same ids.
    let out2 = dir.path().join("z.entente.json");
    extract_samples(&out2);
    let (third, _) = Dataset::load(&out2).unwrap();
    let ids = |d: &Dataset| {
        d.engagements
            .iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&first), ids(&third));
}

#[test]
fn a_malformed_dataset_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.entente.json");
    std::fs::write(
        &bad,
        "{\"format\": \"entente.dataset\", \"version\": 1, \"engagements\": [ {\"id\": 3 ",
    )
    .unwrap();
    match Dataset::load(&bad) {
        Err(DatasetError::Parse { path, .. }) => assert_eq!(path, bad),
        other => panic!("expected a parse error, got {other:?}"),
    }
    let out = entente().arg("stats").arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains("bad.entente.json") && stderr.contains("line 1"),
        "{stderr}"
    );
}

#[test]
fn export_writes_csv_that_spreadsheets_read() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("x.entente.json");
    extract_samples(&data);
    let csv_path = dir.path().join("x.csv");
    let out = entente()
        .arg("export")
        .arg(&data)
        .arg("--csv")
        .arg(&csv_path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (dataset, _) = Dataset::load(&data).unwrap();
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(reader.records().count(), dataset.engagements.len());

    let stats = entente().arg("stats").arg(&data).output().unwrap();
    let text = String::from_utf8_lossy(&stats.stdout);
    assert!(text.contains("by kind:") && text.contains("PAK"), "{text}");
}

#[test]
fn missing_input_fails_with_the_path_named() {
    let out = entente()
        .args(["extract", "/no/such/dir", "-o", "/tmp/never.json"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/dir"));
}

/// Runs `../shared/tools/score.py` on a dataset against a gold file and returns its report.
/// (It exits 1 on a VIOLATION or a low score: the callers judge the report themselves.)
fn score(data: &std::path::Path, gold: &std::path::Path) -> String {
    let out = Command::new("python3")
        .arg("../shared/tools/score.py")
        .arg(data)
        .arg(gold)
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A figure of the score report: the `F1` line's, or a field's ratio ("round 5/5 = 1.00").
fn figure(report: &str, name: &str) -> f64 {
    report
        .lines()
        .find_map(|l| {
            let rest = l.strip_prefix(name)?.trim_start();
            let value = match rest.split_once('=') {
                Some((_, v)) => v.split_whitespace().next(),
                None => rest.split_whitespace().next(),
            };
            value?.parse().ok()
        })
        .unwrap_or_else(|| panic!("no {name} in {report}"))
}

/// Reads ../shared (the team's corpus and gold); skipped when it is absent. The bar of the
/// extraction issue: F1 at least 0.95 on the samples, no VIOLATION, and round, status, place
/// and participants each at least 0.9.
#[test]
fn sample_corpus_scores_against_the_gold() {
    let gold = std::path::Path::new("../shared/gold/seeds.gold.json");
    if !gold.exists() {
        eprintln!("skipped: ../shared is not here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("x.entente.json");
    extract_samples(&data);
    let report = score(&data, gold);
    assert!(figure(&report, "F1") >= 0.95, "{report}");
    for field in ["round", "status", "place", "participants"] {
        assert!(figure(&report, field) >= 0.9, "{field}:\n{report}");
    }
    assert!(!report.contains("VIOLATION"), "{report}");
}

/// Reads ../shared/corpus (dev, and news.jsonl.gz for the sets coded from it); skipped when it
/// is absent. Each hand-coded set in tests/gold keeps its score: a change to the rules that
/// loses more than a little fails here. The floors sit 0.02 under the scores of the last change
/// that raised them.
#[test]
fn hand_coded_sets_keep_their_scores() {
    let dev = std::path::Path::new("../shared/corpus/dev");
    if !dev.exists() {
        eprintln!("skipped: ../shared is not here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (set, floor) in [
        ("dev", 0.81),
        ("heldout", 0.80),
        ("blind", 0.85),
        ("blind2", 0.88),
        ("blind3", 0.80),
        ("blind4", 0.80),
        ("blind5", 0.78),
        ("blind6", 0.86),
        ("blind7", 0.74),
        ("blind8", 0.77),
        ("blind9", 0.58),
        ("blind10", 0.64),
        ("blind11", 0.81),
        ("blind12", 0.72),
        ("blind13", 0.79),
        ("blind14", 0.64),
        ("blind15", 0.62),
        ("blind16", 0.53),
        ("blind17", 0.66),
        ("blind18", 0.62),
        ("blind19", 0.68),
        ("blind20", 0.71),
        ("blind21", 0.46),
        ("blind22", 0.56),
        ("blind23", 0.72),
        ("blind24", 0.51),
        ("blind25", 0.77),
        ("blind26", 0.71),
        ("blind27", 0.64),
        ("blind28", 0.65),
        ("blind29", 0.66),
        ("blind30", 0.51),
        ("blind31", 0.63),
    ] {
        let gold = std::path::Path::new("tests/gold").join(format!("{set}.gold.json"));
        let coded: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&gold).unwrap()).unwrap();
        let names: Vec<&String> = coded["articles"].as_object().unwrap().keys().collect();
        // Sets coded from the bulk corpus name articles that are not in dev: they are written
        // out from news.jsonl.gz (whose ids are the file names without ".txt").
        let files: Vec<std::path::PathBuf> = names
            .iter()
            .map(|name| match dev.join(name) {
                path if path.exists() => path,
                _ => bulk_article(dir.path(), name),
            })
            .collect();
        let data = dir.path().join(format!("{set}.entente.json"));
        let status = entente()
            .arg("extract")
            .args(&files)
            .arg("-o")
            .arg(&data)
            .status()
            .unwrap();
        assert!(status.success());
        let report = score(&data, &gold);
        let f1 = figure(&report, "F1");
        assert!(f1 >= floor, "{set}: F1 {f1} under {floor}\n{report}");
    }
}

/// The article `name` ("ID.txt") of ../shared/corpus/news.jsonl.gz, written into `dir` as a
/// text file with that name (the bulk corpus is read once per test run).
fn bulk_article(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    use std::io::BufRead;
    static BULK: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    let bulk = BULK.get_or_init(|| {
        let file = std::fs::File::open("../shared/corpus/news.jsonl.gz").expect("news.jsonl.gz");
        std::io::BufReader::new(flate2::read::GzDecoder::new(file))
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| {
                let item: serde_json::Value = serde_json::from_str(&line).ok()?;
                let id = item["id"].as_str()?;
                Some((format!("{id}.txt"), item["text"].as_str()?.to_string()))
            })
            .collect()
    });
    let text = bulk
        .get(name)
        .unwrap_or_else(|| panic!("{name} is neither in dev nor in news.jsonl.gz"));
    let path = dir.join(name);
    std::fs::write(&path, text).expect("a temporary file");
    path
}

/// Reads ../shared/corpus/dev (300 real articles); skipped when it is absent. Every article is
/// extracted without a panic and every evidence span lies on character boundaries of the
/// article it names, one of the record's articles.
#[test]
fn real_articles_extract_with_valid_evidence() {
    let dev = std::path::Path::new("../shared/corpus/dev");
    if !dev.exists() {
        eprintln!("skipped: ../shared is not here");
        return;
    }
    let (articles, report) = entente::corpus::load_paths(&[dev.to_owned()], &mut |_| {});
    assert!(articles.len() >= 300, "{report:?}");
    let batch = entente::extract::extract_all_with_progress(&articles, &|_| {}, &|| false)
        .expect("not cancelled");
    let failed: Vec<_> = batch
        .failed
        .iter()
        .map(|&i| articles[i].file_name())
        .collect();
    assert!(failed.is_empty(), "the extractor failed on {failed:?}");
    let engagements = batch.engagements;
    for e in &engagements {
        assert!(
            e.parties.len() >= 2 && e.parties.windows(2).all(|w| w[0] < w[1]),
            "{e:?}"
        );
        // A record told by several articles holds evidence from each of them.
        for ev in &e.evidence {
            assert!(e.article_ids.contains(&ev.article_id), "{ev:?} of {e:?}");
            let article = articles.iter().find(|a| *a.id == *ev.article_id).unwrap();
            assert!(
                article.text.get(ev.start..ev.end).is_some(),
                "{ev:?} in {}",
                article.file_name()
            );
        }
    }
}

/// A saved dataset is readable by others, like any new file, and keeps the permissions of the
/// file it replaces (the temporary file it is written through is private).
#[cfg(unix)]
#[test]
fn saved_files_have_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.entente.json");
    let dataset = Dataset::new(entente::corpus::sample_articles(), Vec::new());
    dataset.save(&path).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o644);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    dataset.save(&path).unwrap();
    assert_eq!(mode(&path), 0o640);
}
