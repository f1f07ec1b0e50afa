//! The analyst's work survives re-extraction from the command line, and a save killed half-way
//! leaves the old file whole.

use entente::dataset::Dataset;
use entente::model::{Kind, Review};
use std::path::Path;
use std::process::Command;

fn entente(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .output()
        .expect("entente runs");
    assert!(
        out.status.success(),
        "entente {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The sample articles as a corpus folder.
fn corpus_folder(dir: &Path) -> std::path::PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("folder");
    for a in entente::corpus::sample_articles() {
        std::fs::write(corpus.join(a.file_name()), &a.text).expect("written");
    }
    corpus
}

fn load(path: &Path) -> Dataset {
    Dataset::load(path).expect("loads").0
}

#[test]
fn extract_with_base_keeps_the_analysts_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_folder(dir.path());
    let first = dir.path().join("first.entente.json");
    entente(&[
        "extract".as_ref(),
        corpus.as_os_str(),
        "-o".as_ref(),
        first.as_os_str(),
    ]);

    // The analyst codes: verifies, corrects, rejects, annotates and adds a record by hand.
    let mut coded = load(&first);
    let n = coded.engagements.len();
    assert!(n >= 6, "the samples give several records, got {n}");
    coded.engagements[0].review = Review::Verified;
    coded.engagements[0].confidence = 1.0;
    coded.engagements[1].kind = Kind::Training;
    coded.engagements[1].review = Review::Edited;
    coded.engagements[2].review = Review::Rejected;
    coded.engagements[3].tags = vec!["follow up".into()];
    let article = coded.articles[0].id.clone();
    let selection =
        entente::annotate::TextSelection::checked(&coded, &article, 0, 60).expect("a selection");
    let by_hand = entente::annotate::analyst_record(&coded, &selection).expect("a record");
    coded.engagements.push(by_hand);
    // A machine record the analyst never looked at is missing from this older file.
    let missing = coded.engagements.remove(5);
    let annotated = dir.path().join("coded.entente.json");
    coded.save(&annotated).expect("saved");

    let second = dir.path().join("second.entente.json");
    let out = entente(&[
        "extract".as_ref(),
        corpus.as_os_str(),
        "-o".as_ref(),
        second.as_os_str(),
        "--base".as_ref(),
        annotated.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 added, 0 removed, 5 of the analyst's kept"),
        "{stderr}"
    );

    let result = load(&second);
    let kept: Vec<_> = coded
        .engagements
        .iter()
        .filter(|e| entente::annotate::is_analyst_work(e))
        .collect();
    assert_eq!(kept.len(), 5);
    for kept in kept {
        assert!(
            result.engagements.contains(kept),
            "{} was not kept as the analyst left it",
            kept.id
        );
    }
    assert_eq!(
        result
            .engagements
            .iter()
            .filter(|e| e.id == missing.id)
            .count(),
        1,
        "the new machine record is added once"
    );
    assert_eq!(result.engagements.len(), n + 1);
    assert_eq!(result.articles, coded.articles);

    // Over its own output, nothing changes; -o may name the base itself.
    entente(&[
        "extract".as_ref(),
        corpus.as_os_str(),
        "-o".as_ref(),
        second.as_os_str(),
        "--base".as_ref(),
        second.as_os_str(),
    ]);
    assert_eq!(load(&second).engagements, result.engagements);
}

#[test]
fn a_bad_base_fails_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus_folder(dir.path());
    let base = dir.path().join("not-a-dataset.json");
    std::fs::write(&base, "{\"hello\": 1}").expect("written");
    let out_path = dir.path().join("out.entente.json");
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["extract".as_ref(), corpus.as_os_str()])
        .args(["-o".as_ref(), out_path.as_os_str()])
        .args(["--base".as_ref(), base.as_os_str()])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an Entente dataset"));
    assert!(!out_path.exists());
}

/// Where the child process saves, when this test binary runs as the child.
const CHILD_TARGET: &str = "ENTENTE_TEST_SAVE_TARGET";

/// Run only as a child of `a_save_killed_half_way_leaves_the_old_file_whole`: saves a big
/// dataset over the target again and again until it is killed.
#[test]
#[ignore = "a helper process for the kill test"]
fn save_forever_as_a_child() {
    let Some(target) = std::env::var_os(CHILD_TARGET) else {
        return;
    };
    let articles = entente::corpus::sample_articles();
    let one = entente::extract::extract_all(&articles);
    let mut engagements = Vec::new();
    for k in 0..1500 {
        for e in &one {
            let mut e = e.clone();
            e.id = format!("{}-{k}", e.id);
            e.notes = "x".repeat(200);
            engagements.push(e);
        }
    }
    let big = Dataset::new(articles, engagements);
    loop {
        big.save(Path::new(&target)).expect("saved");
    }
}

#[test]
fn a_save_killed_half_way_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("work.entente.json");
    let articles = entente::corpus::sample_articles();
    let engagements = entente::extract::extract_all(&articles);
    let old = Dataset::new(articles, engagements);
    old.save(&target).expect("saved");
    let old_bytes = std::fs::read(&target).expect("read");

    for attempt in 0..3 {
        let mut child = Command::new(std::env::current_exe().expect("this test binary"))
            .args([
                "--ignored",
                "--exact",
                "save_forever_as_a_child",
                "--nocapture",
            ])
            .env(CHILD_TARGET, &target)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("child starts");
        // Wait until the child is in the middle of writing its temporary file.
        let start = std::time::Instant::now();
        let threshold = 1_000_000 * (attempt + 1);
        loop {
            let writing = std::fs::read_dir(dir.path())
                .expect("dir")
                .filter_map(Result::ok)
                .filter(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .starts_with(".entente-save-")
                })
                .filter_map(|e| e.metadata().ok())
                .any(|m| m.len() >= threshold);
            if writing {
                break;
            }
            assert!(
                start.elapsed().as_secs() < 120,
                "the child never started writing"
            );
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        child.kill().expect("killed");
        child.wait().expect("reaped");

        // The target is exactly the old file, and it loads.
        let bytes = std::fs::read(&target).expect("the target is still there");
        assert_eq!(bytes.len(), old_bytes.len(), "attempt {attempt}");
        assert!(
            bytes == old_bytes,
            "attempt {attempt}: the old file changed"
        );
        let (loaded, warnings) = Dataset::load(&target).expect("the old file loads");
        assert!(warnings.is_empty());
        assert_eq!(loaded.engagements, old.engagements);
    }
}
