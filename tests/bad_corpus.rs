//! A folder of deliberately bad corpus files (tests/fixtures/bad_corpus, described in its
//! README): every bad file is reported with its reason, every good one is read, nothing panics.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fail a test the same way: by panicking

use entente::corpus::{LoadReport, MAX_FILE_BYTES, load_paths};
use entente::model::Article;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad_corpus")
}

/// The fixture folder plus two files too big to commit: one over the size limit (sparse, so it
/// costs no disk) and one 3 MB line with no line break.
fn load_all() -> (Vec<Article>, LoadReport, tempfile::TempDir) {
    let generated = tempfile::tempdir().unwrap();
    let big = std::fs::File::create(generated.path().join("too-large.txt")).unwrap();
    big.set_len(MAX_FILE_BYTES + 1).unwrap();
    let line = "Word after word without a line break. ".repeat(80_000);
    std::fs::write(generated.path().join("huge-line.txt"), &line).unwrap();
    let (articles, report) = load_paths(&[fixtures(), generated.path().to_owned()], &mut |_| {});
    (articles, report, generated)
}

fn by_file<'a>(articles: &'a [Article], suffix: &str) -> Vec<&'a Article> {
    articles
        .iter()
        .filter(|a| a.source.as_deref().is_some_and(|s| s.ends_with(suffix)))
        .collect()
}

fn one<'a>(articles: &'a [Article], suffix: &str) -> &'a Article {
    let found = by_file(articles, suffix);
    assert_eq!(found.len(), 1, "{suffix}: {found:#?}");
    found[0]
}

#[test]
fn every_bad_file_is_reported_with_its_reason() {
    let (_, report, _dir) = load_all();
    // (place ends with, skipped, the problem contains)
    let expected: [(&str, bool, &str); 16] = [
        ("archive-renamed.txt", true, "ZIP archive"),
        ("articles.csv:5", true, "empty text"),
        ("binary.txt", true, "binary file"),
        ("blank.md", true, "empty file"),
        ("document.md", true, "PDF document"),
        ("empty.txt", true, "empty file"),
        ("feed-with-bad-lines.jsonl:2", true, "not a JSON article"),
        (
            "feed-with-bad-lines.jsonl:3",
            true,
            "no `text`, `body` or `content` field",
        ),
        ("feed-with-bad-lines.jsonl:5", true, "not a JSON article"),
        ("feed-with-bad-lines.jsonl:7", true, "not a JSON object"),
        ("nested/corrupt.jsonl.gz", true, "cannot be unpacked"),
        ("nested/latin1-feed.csv", false, "Windows-1252"),
        ("no-text-column.csv", true, "no text column"),
        ("too-large.txt", true, "larger than 64 MB"),
        ("truncated-utf8.txt", false, "replaced with U+FFFD"),
        ("windows-1252.txt", false, "Windows-1252"),
    ];
    for (place, skipped, problem) in expected {
        assert!(
            report.issues.iter().any(|i| i.place.ends_with(place)
                && i.skipped == skipped
                && i.problem.contains(problem)),
            "no issue {place} ({problem}) in {:#?}",
            report.issues
        );
    }
    assert_eq!(
        report.issues.len(),
        expected.len(),
        "unexpected issues: {:#?}",
        report.issues
    );
    assert_eq!(report.files_seen, 23, "{report:#?}");
}

#[test]
fn every_good_file_is_read() {
    let (articles, report, _dir) = load_all();
    assert_eq!(articles.len(), 18, "{report:#?}");
    assert_eq!(report.articles_read, 18);
    for a in &articles {
        assert!(!a.text.trim().is_empty());
        assert!(a.text.get(a.body[0]..a.body[1]).is_some(), "{a:?}");
        assert!(
            !a.text.starts_with('\u{FEFF}'),
            "BOM kept in {:?}",
            a.source
        );
    }

    let plain = one(&articles, "plain.txt");
    assert_eq!(
        plain.title.as_deref(),
        Some("Pakistan and Japan hold staff talks")
    );
    assert_eq!(plain.published.unwrap().to_string(), "2019-06-19");
    let bom = one(&articles, "with-bom.md");
    assert!(bom.text.starts_with("# Indonesia"));

    let le = one(&articles, "utf-16le.txt");
    let be = one(&articles, "utf-16be.txt");
    assert!(
        le.text
            .starts_with("Turkey and Azerbaijan sign training accord\r\n")
    );
    assert_eq!(le.text.replace("Friday", "Thursday"), be.text);
    assert_eq!(
        le.title.as_deref(),
        Some("Turkey and Azerbaijan sign training accord")
    );

    let cp = one(&articles, "/windows-1252.txt");
    assert!(cp.text.contains("S\u{e3}o Paulo") && cp.text.contains("S\u{e9}bastien"));
    assert!(cp.text.contains("\u{201C}It is a step forward,\u{201D}"));
    assert_eq!(cp.published.unwrap().to_string(), "2023-03-14");

    let crlf = one(&articles, "crlf.txt");
    assert_eq!(
        crlf.title.as_deref(),
        Some("Egypt and Greece hold naval exercise")
    );
    assert_eq!(crlf.published.unwrap().to_string(), "2022-11-02");
    assert!(crlf.text.contains("\r\n"), "CRLF kept as decoded");

    let cut = one(&articles, "truncated-utf8.txt");
    assert!(
        cut.text.ends_with("The caf\u{e9}\u{FFFD}"),
        "{:?}",
        cut.text
    );

    let page = one(&articles, "page-with-scripts.html");
    assert_eq!(
        page.title.as_deref(),
        Some("India and Vietnam hold defence dialogue")
    );
    assert_eq!(page.outlet.as_deref(), Some("The Daily"));
    assert_eq!(page.published.unwrap().to_string(), "2024-06-18");
    assert!(
        page.text
            .contains("New Delhi on Monday & agreed to expand naval cooperation.")
    );
    for markup in [
        "<",
        "dataLayer",
        "tracking",
        "font-family",
        "not text",
        "NewsArticle",
    ] {
        assert!(!page.text.contains(markup), "{markup} in {:?}", page.text);
    }
    let disguised = one(&articles, "really-html.txt");
    assert_eq!(
        disguised.title.as_deref(),
        Some("Japan and Philippines sign access pact")
    );
    assert_eq!(disguised.published.unwrap().to_string(), "2024-07-08");
    assert!(disguised.text.starts_with("MANILA: Japan"));

    let chile = one(&articles, "feed-with-bad-lines.jsonl#1");
    assert_eq!(chile.title.as_deref(), Some("Chile and Peru hold talks"));
    assert_eq!(chile.outlet.as_deref(), Some("Wire"));
    assert_eq!(chile.published.unwrap().to_string(), "2021-05-04");
    let laos = by_file(&articles, "feed-with-bad-lines.jsonl");
    assert_eq!(laos.len(), 1, "a numeric title is taken as text");
    assert_eq!(laos[0].title.as_deref(), Some("42"));
    let summit = one(&articles, "https://example.org/summit");
    assert_eq!(summit.published.unwrap().to_string(), "2023-03-17");
    let italy = one(&articles, "jsonl-in-disguise.txt");
    assert_eq!(italy.title.as_deref(), Some("Italy, Japan talk"));
    assert!(italy.text.starts_with("ROME:"));

    let rows = by_file(&articles, "articles.csv");
    assert_eq!(rows.len(), 0, "CSV rows are named by id");
    let norway = one(&articles, "articles.csv#c1");
    assert_eq!(norway.title.as_deref(), Some("Norway, Sweden sign pact"));
    assert_eq!(norway.outlet.as_deref(), Some("Nordic Post"));
    assert!(
        norway
            .text
            .contains("Thursday.\r\n\r\n\"A milestone,\" one minister said.")
    );
    one(&articles, "articles.csv#c3");
    assert!(
        one(&articles, "nested/feed.jsonl.gz")
            .text
            .starts_with("DOHA:")
    );
    let latin = one(&articles, "nested/latin1-feed.csv");
    assert_eq!(latin.title.as_deref(), Some("Caf\u{e9} diplomacy"));

    let huge = one(&articles, "huge-line.txt");
    assert_eq!(huge.text.len(), 38 * 80_000);
    assert_eq!(huge.title, None, "a 3 MB line is no headline");
}

/// A non-UTF-8 article keeps its evidence offsets valid: they are byte offsets into the decoded
/// UTF-8 text the dataset stores, so they slice it on character boundaries.
#[test]
fn windows_1252_article_keeps_evidence_offsets_valid() {
    let path = fixtures().join("windows-1252.txt");
    let (articles, report) = load_paths(&[path], &mut |_| {});
    assert_eq!(articles.len(), 1, "{report:?}");
    let article = &articles[0];
    let engagements = entente::extract::extract_article(article);
    assert!(
        !engagements.is_empty(),
        "nothing extracted from {:?}",
        article.text
    );
    let mut words = String::new();
    for e in &engagements {
        assert!(!e.evidence.is_empty());
        for ev in &e.evidence {
            let span = article
                .text
                .get(ev.start..ev.end)
                .unwrap_or_else(|| panic!("{ev:?} is not a slice of the decoded text"));
            assert!(!span.trim().is_empty());
            words.push_str(span);
            words.push('\n');
        }
    }
    let parties: Vec<String> = engagements[0]
        .parties
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(parties, ["BRA", "FRA"], "{engagements:#?}");
    assert!(words.contains("signed"), "{words}");
    // The evidence lies after accented letters, so byte and character offsets differ there:
    // offsets counted in Windows-1252 bytes or in characters would miss these words.
    let signed = engagements
        .iter()
        .flat_map(|e| &e.evidence)
        .find(|ev| article.text[ev.start..ev.end].contains("signed"))
        .unwrap();
    assert!(!article.text[..signed.start].is_ascii());

    // And the dataset file keeps them valid too.
    let dataset = entente::dataset::Dataset::new(articles.clone(), engagements.clone());
    let mut json = Vec::new();
    dataset.write_json(&mut json).unwrap();
    let (back, warnings) =
        entente::dataset::Dataset::from_slice(&json, Path::new("x.entente.json")).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back.engagements, engagements);
}
