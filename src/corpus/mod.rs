//! Reading corpora into [`Article`]s. One bad file never aborts a load: it becomes an entry in
//! the [`LoadReport`] and the rest is read.

mod meta;

pub use meta::{Metadata, parse_iso_prefix, read_metadata};

use crate::model::Article;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// Files larger than this are skipped with a reason (a news article is a few kilobytes).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What happened to one input that was not read cleanly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadIssue {
    /// The file, with `:LINE` for a record inside it.
    pub place: String,
    /// What was wrong and what was done.
    pub problem: String,
    /// True when the input was skipped; false when it was read with a warning.
    pub skipped: bool,
}

/// The outcome of a load: how many articles came from where, and every problem met.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Files looked at.
    pub files_seen: usize,
    /// Articles read.
    pub articles_read: usize,
    /// Articles left out because the same text had already been read.
    pub duplicates: usize,
    /// Problems, in the order met.
    pub issues: Vec<LoadIssue>,
}

impl LoadReport {
    fn skip(&mut self, place: impl Into<String>, problem: impl Into<String>) {
        self.issues.push(LoadIssue {
            place: place.into(),
            problem: problem.into(),
            skipped: true,
        });
    }

    fn warn(&mut self, place: impl Into<String>, problem: impl Into<String>) {
        self.issues.push(LoadIssue {
            place: place.into(),
            problem: problem.into(),
            skipped: false,
        });
    }
}

/// The five sample articles shipped inside the binary, so the app works from any folder.
pub fn sample_articles() -> Vec<Article> {
    const SAMPLES: [(&str, &str); 5] = [
        (
            "corpus/000_7990e3768e0cbb25.txt",
            include_str!("../../assets/corpus/000_7990e3768e0cbb25.txt"),
        ),
        (
            "corpus/001_5a1b8c29a9803335.txt",
            include_str!("../../assets/corpus/001_5a1b8c29a9803335.txt"),
        ),
        (
            "corpus/002_8dfa90e2cd21d513.txt",
            include_str!("../../assets/corpus/002_8dfa90e2cd21d513.txt"),
        ),
        (
            "corpus/003_d8922b789e6904fe.txt",
            include_str!("../../assets/corpus/003_d8922b789e6904fe.txt"),
        ),
        (
            "corpus/004_34070ce1deaee917.txt",
            include_str!("../../assets/corpus/004_34070ce1deaee917.txt"),
        ),
    ];
    SAMPLES
        .iter()
        .map(|(source, text)| article_from_text(text.to_string(), Some(source.to_string())))
        .collect()
}

/// Builds an article from plain text, reading title, outlet, date and body range from it.
pub fn article_from_text(text: String, source: Option<String>) -> Article {
    let meta = read_metadata(&text);
    let mut article = Article::new(text, source);
    article.title = meta.title;
    article.outlet = meta.outlet;
    article.published = meta.published;
    article.body = meta.body;
    article
}

/// Reads every article under `paths` (files, or folders walked recursively), in a stable order.
/// `progress` is told each file as it is reached.
pub fn load_paths(
    paths: &[PathBuf],
    progress: &mut dyn FnMut(&Path),
) -> (Vec<Article>, LoadReport) {
    let mut report = LoadReport::default();
    let mut files = Vec::new();
    for path in paths {
        collect_files(path, &mut files, &mut report);
    }
    let mut articles = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for file in &files {
        progress(file);
        report.files_seen += 1;
        for article in read_file(file, &mut report) {
            if seen.insert(article.id.clone()) {
                articles.push(article);
            } else {
                report.duplicates += 1;
            }
        }
    }
    report.articles_read = articles.len();
    (articles, report)
}

/// The formats a corpus file can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Jsonl,
}

fn format_of(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") || name.ends_with(".ndjson") {
        Some(Format::Jsonl)
    } else if name.ends_with(".txt") || name.ends_with(".md") || name.ends_with(".text") {
        Some(Format::Text)
    } else {
        None
    }
}

fn collect_files(path: &Path, files: &mut Vec<PathBuf>, report: &mut LoadReport) {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return report.skip(shown, format!("cannot be read: {e}")),
    };
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return report.skip(shown, format!("folder cannot be listed: {e}")),
        };
        entries.sort();
        for entry in entries {
            let hidden = entry
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if entry.is_dir() || format_of(&entry).is_some() {
                collect_files(&entry, files, report);
            }
        }
    } else {
        files.push(path.to_owned());
    }
}

fn read_file(path: &Path, report: &mut LoadReport) -> Vec<Article> {
    let shown = path.display().to_string();
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        report.skip(&shown, format!("larger than {} MB", MAX_FILE_BYTES >> 20));
        return Vec::new();
    }
    match format_of(path).unwrap_or(Format::Text) {
        Format::Text => {
            let bytes = match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    report.skip(&shown, format!("cannot be read: {e}"));
                    return Vec::new();
                }
            };
            match decode(&bytes) {
                Decoded::Empty => report.skip(&shown, "empty file"),
                Decoded::Binary => report.skip(&shown, "binary file, not text"),
                Decoded::Text { text, replaced } => {
                    if replaced {
                        report.warn(&shown, "invalid UTF-8 bytes were replaced with U+FFFD");
                    }
                    return vec![article_from_text(text, Some(shown))];
                }
            }
            Vec::new()
        }
        Format::Jsonl => read_jsonl(path, report),
    }
}

enum Decoded {
    Empty,
    Binary,
    Text { text: String, replaced: bool },
}

fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Decoded::Empty;
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Decoded::Binary;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded::Text {
            text: s.to_string(),
            replaced: false,
        },
        Err(_) => Decoded::Text {
            text: String::from_utf8_lossy(bytes).into_owned(),
            replaced: true,
        },
    }
}

/// One article of a JSONL feed.
#[derive(serde::Deserialize)]
struct JsonArticle {
    #[serde(alias = "body", alias = "content")]
    text: Option<String>,
    title: Option<String>,
    #[serde(alias = "date")]
    published: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    id: Option<serde_json::Value>,
}

fn read_jsonl(path: &Path, report: &mut LoadReport) -> Vec<Article> {
    let shown = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            report.skip(&shown, format!("cannot be read: {e}"));
            return Vec::new();
        }
    };
    let gz = shown.to_ascii_lowercase().ends_with(".gz");
    let reader: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut articles = Vec::new();
    for (n, line) in std::io::BufReader::new(reader).split(b'\n').enumerate() {
        let place = format!("{shown}:{}", n + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                report.skip(&place, format!("read failed, rest of file skipped: {e}"));
                break;
            }
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record: JsonArticle = match serde_json::from_slice(&line) {
            Ok(r) => r,
            Err(e) => {
                report.skip(&place, format!("not a JSON article: {e}"));
                continue;
            }
        };
        match jsonl_article(record, &shown) {
            Some(a) => articles.push(a),
            None => report.skip(&place, "no `text`, `body` or `content` field"),
        }
    }
    articles
}

fn jsonl_article(record: JsonArticle, file: &str) -> Option<Article> {
    let text = record.text.filter(|t| !t.trim().is_empty())?;
    let source = match (&record.url, &record.id) {
        (Some(url), _) => url.clone(),
        (None, Some(serde_json::Value::String(id))) => format!("{file}#{id}"),
        (None, Some(id)) => format!("{file}#{id}"),
        (None, None) => file.to_string(),
    };
    let mut article = article_from_text(text, Some(source));
    if let Some(title) = record.title.filter(|t| !t.trim().is_empty()) {
        article.title = Some(title.trim().to_string());
    }
    if let Some(outlet) = record.outlet.filter(|t| !t.trim().is_empty()) {
        article.outlet = Some(outlet.trim().to_string());
    }
    if let Some(date) = record.published.as_deref().and_then(meta::parse_iso_prefix) {
        article.published = Some(date);
    }
    Some(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_embedded_with_metadata() {
        let samples = sample_articles();
        assert_eq!(samples.len(), 5);
        assert_eq!(
            samples[0].title.as_deref(),
            Some("Pakistan, Japan sign MoU on defence cooperation")
        );
        assert_eq!(samples[0].file_name(), "000_7990e3768e0cbb25.txt");
    }

    #[test]
    fn bad_files_are_reported_and_good_ones_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Headline\n\nPakistan and Japan met.",
        )
        .unwrap();
        std::fs::write(dir.path().join("empty.txt"), "  \n").unwrap();
        std::fs::write(dir.path().join("bin.txt"), b"\x00\x01\x02PK").unwrap();
        std::fs::write(dir.path().join("latin.txt"), b"Caf\xe9 talks\n\nBody").unwrap();
        std::fs::write(
            dir.path().join("feed.jsonl"),
            "{\"title\": \"T\", \"text\": \"Body\"}\nnot json\n{\"title\": \"none\"}\n",
        )
        .unwrap();
        let (articles, report) = load_paths(&[dir.path().to_owned()], &mut |_| {});
        assert_eq!(articles.len(), 3, "{report:?}");
        let skipped: Vec<&str> = report
            .issues
            .iter()
            .filter(|i| i.skipped)
            .map(|i| i.problem.as_str())
            .collect();
        assert_eq!(skipped.len(), 4, "{skipped:?}");
        assert!(skipped.contains(&"empty file"));
        assert!(skipped.contains(&"binary file, not text"));
        assert!(
            report
                .issues
                .iter()
                .any(|i| i.place.ends_with("feed.jsonl:2"))
        );
        assert!(
            report
                .issues
                .iter()
                .any(|i| !i.skipped && i.place.ends_with("latin.txt"))
        );
    }

    #[test]
    fn a_missing_path_is_reported_not_fatal() {
        let (articles, report) = load_paths(&[PathBuf::from("/no/such/folder")], &mut |_| {});
        assert!(articles.is_empty());
        assert_eq!(report.issues.len(), 1);
        assert!(report.issues[0].problem.starts_with("cannot be read"));
    }
}
