//! Reading corpora into [`Article`]s. One bad file never aborts a load: it becomes an entry in
//! the [`LoadReport`] and the rest is read.

mod decode;
mod html;
mod meta;
mod records;

pub use decode::{Decoded, decode};
pub use html::{Page, looks_like_html, read_page};
pub use meta::{Metadata, parse_iso_prefix, read_metadata, site_suffix_start};

use crate::model::Article;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are skipped with a reason (a news article is a few kilobytes).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Compressed feeds that unpack to more than this are skipped (a guard against gzip bombs).
pub const MAX_UNPACKED_BYTES: u64 = 4 * MAX_FILE_BYTES;

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
    pub(crate) fn skip(&mut self, place: impl Into<String>, problem: impl Into<String>) {
        self.issues.push(LoadIssue {
            place: place.into(),
            problem: problem.into(),
            skipped: true,
        });
    }

    pub(crate) fn warn(&mut self, place: impl Into<String>, problem: impl Into<String>) {
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
    // A site that signs the text is the outlet; else the one the file is named for, which may
    // carry an agency's story; else that agency.
    let from_file = source.as_deref().and_then(meta::outlet_of_source);
    let outlet = if meta.outlet == meta.agency {
        from_file.or(meta.outlet.clone())
    } else {
        meta.outlet.clone()
    };
    let mut article = Article::new(text, source);
    article.title = meta.title;
    article.outlet = outlet;
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
pub enum Format {
    /// Plain text or Markdown: one article.
    Text,
    /// A saved web page: one article.
    Html,
    /// One JSON article per line.
    Jsonl,
    /// A table with a header row naming the text column (comma, tab or semicolon separated).
    Csv,
}

/// The format a file name promises (`.gz` aside); `None` for names a corpus folder ignores.
pub fn format_of_name(name: &str) -> Option<Format> {
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map_or("", |(_, ext)| ext);
    match ext {
        "txt" | "md" | "text" | "markdown" => Some(Format::Text),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "csv" | "tsv" => Some(Format::Csv),
        _ => None,
    }
}

fn format_of(path: &Path) -> Option<Format> {
    format_of_name(path.file_name()?.to_str()?)
}

/// The format of decoded text: what the content shows wins over what the name promises (a
/// `.txt` that holds a web page or a JSONL feed is read as one), except that a file named as
/// a feed is always read as that feed, so its bad lines are reported rather than read as prose.
fn detect(named: Option<Format>, text: &str) -> Format {
    match named {
        Some(Format::Jsonl) => Format::Jsonl,
        Some(Format::Csv) => Format::Csv,
        _ if html::looks_like_html(text) => Format::Html,
        _ if records::looks_like_jsonl(text) => Format::Jsonl,
        _ if records::looks_like_csv(text) => Format::Csv,
        Some(Format::Html) => Format::Html,
        _ => Format::Text,
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
    let mut bytes = Vec::new();
    let read =
        std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        report.skip(&shown, format!("cannot be read: {e}"));
        return Vec::new();
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        report.skip(&shown, format!("larger than {} MB", MAX_FILE_BYTES >> 20));
        return Vec::new();
    }
    read_bytes(&shown, &bytes, report)
}

/// Reads the articles in one file's bytes, whatever its format and encoding; `name` is the
/// file's path or name (its extension is a hint, the content decides) and names it in the
/// report. Gzip-compressed content is unpacked first.
pub fn read_bytes(name: &str, bytes: &[u8], report: &mut LoadReport) -> Vec<Article> {
    let unpacked;
    let bytes = if bytes.starts_with(&[0x1F, 0x8B]) {
        match gunzip(bytes) {
            Ok(b) => {
                unpacked = b;
                &unpacked[..]
            }
            Err(problem) => {
                report.skip(name, problem);
                return Vec::new();
            }
        }
    } else {
        bytes
    };
    let text = match decode(bytes) {
        Decoded::Empty => {
            report.skip(name, "empty file");
            return Vec::new();
        }
        Decoded::Binary(what) => {
            report.skip(name, what);
            return Vec::new();
        }
        Decoded::Text { text, warning, .. } => {
            if let Some(warning) = warning {
                report.warn(name, warning);
            }
            text
        }
    };
    let file_name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match detect(format_of_name(file_name), &text) {
        Format::Text => vec![article_from_text(text, Some(name.to_string()))],
        Format::Html => {
            let page = html::read_page(&text);
            if page.text.trim().is_empty() {
                report.skip(name, "web page with no text");
                return Vec::new();
            }
            let mut article = article_from_text(page.text, Some(name.to_string()));
            article.title = page.title.or(article.title);
            article.outlet = page.outlet.or(article.outlet);
            article.published = page.published.or(article.published);
            vec![article]
        }
        Format::Jsonl => records::read_jsonl(&text, name, report),
        Format::Csv => records::read_csv(&text, name, report),
    }
}

/// Unpacks gzip data, refusing more than [`MAX_UNPACKED_BYTES`].
fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_UNPACKED_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("gzip data cannot be unpacked: {e}"))?;
    if out.len() as u64 > MAX_UNPACKED_BYTES {
        return Err(format!(
            "unpacks to more than {} MB",
            MAX_UNPACKED_BYTES >> 20
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outlet_is_the_site_then_the_file_name_then_the_agency() {
        let story = "Ministers meet\n2024-02-14\n\nLONDON, Feb 14 (AP): The two ministers met on Tuesday and discussed trade and security in the region.\n";
        let outlet =
            |source: &str| article_from_text(story.to_string(), Some(source.to_string())).outlet;
        // An agency's story on a site the file is named for is the site's.
        assert_eq!(
            outlet("2024-02-14-dailymirrorlk-65bb6b41.txt").as_deref(),
            Some("Daily Mirror")
        );
        // A file name that names no outlet leaves the agency.
        assert_eq!(outlet("story-12.txt").as_deref(), Some("AP"));
        // A site's signature in the text wins over the file name.
        let signed = format!("{story}\nPublished in Dawn, February 14th, 2024\n");
        let article = article_from_text(signed, Some("2024-02-14-dailymirrorlk-1.txt".into()));
        assert_eq!(article.outlet.as_deref(), Some("Dawn"));
    }

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
