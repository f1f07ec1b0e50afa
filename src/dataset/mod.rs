//! The versioned dataset file (DATASET.md): load with clear errors, save atomically, export.

mod export;
mod lines;
mod migrate;
mod wire;

pub use export::{write_csv, write_jsonl};

use crate::model::{Article, Engagement, Extra};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The `format` string every dataset file carries.
pub const FORMAT: &str = "entente.dataset";
/// The newest format version this program reads and the one it writes.
pub const VERSION: u32 = 1;

/// What went wrong with a dataset file; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not valid JSON, or a field has the wrong shape.
    #[error("{path}: line {line}, column {column}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The JSON is fine but it is not an Entente dataset.
    #[error("{path}: not an Entente dataset (expected \"format\": \"{FORMAT}\")")]
    NotADataset {
        /// The file.
        path: PathBuf,
    },
    /// Written by a newer Entente.
    #[error(
        "{path}: dataset format version {found} is newer than this Entente understands (version {VERSION}); update Entente to open it"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u64,
    },
    /// The caller asked to stop before the file was read.
    #[error("{path}: opening was cancelled")]
    Cancelled {
        /// The file.
        path: PathBuf,
    },
}

/// An annotated dataset: articles and the engagements coded from them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    /// Program and version that wrote the file, as read.
    pub generator: Option<String>,
    /// Every article referred to.
    pub articles: Vec<Article>,
    /// Every engagement, rejected ones included.
    pub engagements: Vec<Engagement>,
    /// Top-level fields unknown to this version, kept for the round trip.
    pub extra: Extra,
    /// Ids of articles whose text no longer matches their hash (evidence may be stale). Not saved.
    pub stale_articles: HashSet<String>,
}

/// A problem found in a dataset that loaded: the data is kept, the analyst is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    /// What is wrong, naming the article or engagement.
    pub message: String,
}

impl Dataset {
    /// Builds a dataset from freshly loaded articles and their engagements.
    pub fn new(articles: Vec<Article>, engagements: Vec<Engagement>) -> Dataset {
        Dataset {
            generator: None,
            articles,
            engagements,
            extra: Extra::new(),
            stale_articles: HashSet::new(),
        }
    }

    /// Reads a dataset file, checking format and version first so that a file of another
    /// kind or from a newer Entente gets a clear message. Integrity problems (a hash that does
    /// not match, evidence outside its article) are returned as warnings, not errors.
    pub fn load(path: &Path) -> Result<(Dataset, Vec<LoadWarning>), DatasetError> {
        Dataset::load_with_progress(path, &|_, _| true)
    }

    /// As [`Dataset::load`], telling `on_read` the bytes read so far and the file's size every
    /// few megabytes; when it returns false, reading stops with [`DatasetError::Cancelled`].
    pub fn load_with_progress(
        path: &Path,
        on_read: &(dyn Fn(u64, u64) -> bool + Sync),
    ) -> Result<(Dataset, Vec<LoadWarning>), DatasetError> {
        // Files this version wrote (one record per line) stream through in batches, so memory
        // holds the records and one batch of text, never the whole file beside them. Anything
        // else, and any problem, takes the general path, which also names errors precisely.
        let stopped = std::sync::atomic::AtomicBool::new(false);
        let watched = |read, total| {
            let go_on = on_read(read, total);
            if !go_on {
                stopped.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            go_on
        };
        if let Some(mut dataset) = lines::read(path, &watched) {
            let warnings = dataset.check_integrity();
            return Ok((dataset, warnings));
        }
        if stopped.load(std::sync::atomic::Ordering::Relaxed) || !on_read(0, 0) {
            return Err(DatasetError::Cancelled {
                path: path.to_owned(),
            });
        }
        let bytes = std::fs::read(path).map_err(|source| DatasetError::Io {
            path: path.to_owned(),
            source,
        })?;
        Dataset::from_slice(&bytes, path)
    }

    /// Parses a dataset from bytes; `path` names it in errors.
    pub fn from_slice(
        bytes: &[u8],
        path: &Path,
    ) -> Result<(Dataset, Vec<LoadWarning>), DatasetError> {
        let parse_error = |e: serde_json::Error| DatasetError::Parse {
            path: path.to_owned(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        };
        // One pass checks the JSON and finds the records; they are parsed after the format
        // and version are known, on every core.
        let top: wire::Top = serde_json::from_slice(bytes).map_err(parse_error)?;
        if top.format.as_deref() != Some(FORMAT) {
            return Err(DatasetError::NotADataset {
                path: path.to_owned(),
            });
        }
        match top.version {
            Some(v) if v > u64::from(VERSION) => {
                return Err(DatasetError::TooNew {
                    path: path.to_owned(),
                    found: v,
                });
            }
            Some(v) if v < u64::from(VERSION) => return migrate::from_older(bytes, v, path),
            Some(_) => {}
            None => {
                return Err(DatasetError::Parse {
                    path: path.to_owned(),
                    line: 1,
                    column: 1,
                    message: "missing field `version`".into(),
                });
            }
        }
        let articles = parse_records(bytes, path, &top.articles, |a: wire::ArticleWire| a.0)?;
        let engagements =
            parse_records(bytes, path, &top.engagements, |e: wire::EngagementWire| e.0)?;
        let mut dataset = Dataset {
            generator: top.generator,
            articles,
            engagements,
            extra: top.extra,
            stale_articles: HashSet::new(),
        };
        let warnings = dataset.check_integrity();
        Ok((dataset, warnings))
    }

    /// Flags articles whose hash does not match, and drops evidence that points outside its
    /// article or between the bytes of a character (it could only highlight the wrong words).
    fn check_integrity(&mut self) -> Vec<LoadWarning> {
        use rayon::prelude::*;
        let mut warnings = Vec::new();
        let matches: Vec<bool> = self
            .articles
            .par_iter()
            .map(Article::hash_matches)
            .collect();
        for (article, matches) in self.articles.iter().zip(matches) {
            if !matches {
                self.stale_articles.insert(article.id.clone());
                warnings.push(LoadWarning {
                    message: format!(
                        "article {}: text does not match its sha256; its evidence may be stale",
                        article.id
                    ),
                });
            }
        }
        // The first of two articles with one id, as [`Dataset::article`] finds it.
        let mut texts: HashMap<&str, &str> = HashMap::with_capacity(self.articles.len());
        for a in &self.articles {
            texts.entry(a.id.as_str()).or_insert(a.text.as_str());
        }
        // Per engagement, on every core; the warnings keep the records' order.
        let per_engagement: Vec<LoadWarning> = self
            .engagements
            .par_iter_mut()
            .flat_map_iter(|engagement| {
                let mut warnings = Vec::new();
                for id in &engagement.article_ids {
                    if !texts.contains_key(&**id) {
                        warnings.push(LoadWarning {
                            message: format!(
                                "engagement {}: refers to article {id}, which is not in the file",
                                engagement.id
                            ),
                        });
                    }
                }
                let before = engagement.evidence.len();
                engagement.evidence.retain(|ev| {
                    texts.get(&*ev.article_id).is_some_and(|text| {
                        ev.start <= ev.end
                            && ev.end <= text.len()
                            && text.is_char_boundary(ev.start)
                            && text.is_char_boundary(ev.end)
                    })
                });
                if engagement.evidence.len() != before {
                    warnings.push(LoadWarning {
                        message: format!(
                            "engagement {}: {} evidence span(s) pointed outside their article and were dropped",
                            engagement.id,
                            before - engagement.evidence.len()
                        ),
                    });
                }
                warnings
            })
            .collect();
        warnings.extend(per_engagement);
        for article in &mut self.articles {
            let [start, end] = article.body;
            if start > end
                || end > article.text.len()
                || !article.text.is_char_boundary(start)
                || !article.text.is_char_boundary(end)
            {
                article.body = [0, article.text.len()];
                warnings.push(LoadWarning {
                    message: format!(
                        "article {}: body range was invalid; using the whole text",
                        article.id
                    ),
                });
            }
        }
        warnings
    }

    /// Writes the dataset as JSON to `path` atomically (see [`write_atomically`]).
    pub fn save(&self, path: &Path) -> Result<(), DatasetError> {
        write_atomically(path, |mut out| self.write_json(&mut out)).map_err(|source| {
            DatasetError::Io {
                path: path.to_owned(),
                source,
            }
        })
    }

    /// Serialises the dataset in the file format to any writer.
    /// One record per line: half the size of indented JSON, quick to read back, and a change
    /// to one record is a change to one line.
    pub fn write_json(&self, out: &mut impl Write) -> std::io::Result<()> {
        let generator = format!("entente {}", env!("CARGO_PKG_VERSION"));
        writeln!(out, "{{")?;
        writeln!(out, "  \"format\": {},", serde_json::to_string(FORMAT)?)?;
        writeln!(out, "  \"version\": {VERSION},")?;
        write!(
            out,
            "  \"generator\": {}",
            serde_json::to_string(&generator)?
        )?;
        write_records(out, "articles", &self.articles)?;
        write_records(out, "engagements", &self.engagements)?;
        for (key, value) in &self.extra {
            if matches!(
                key.as_str(),
                "format" | "version" | "generator" | "articles" | "engagements"
            ) {
                continue;
            }
            write!(
                out,
                ",\n  {}: {}",
                serde_json::to_string(key)?,
                serde_json::to_string(value)?
            )?;
        }
        writeln!(out, "\n}}")
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}

/// Writes `,\n  "name": [` then one record per line, serialised on every core a batch at a
/// time (so memory holds one batch of text, not the whole file).
fn write_records<T: Serialize + Sync>(
    out: &mut impl Write,
    name: &str,
    records: &[T],
) -> std::io::Result<()> {
    use rayon::prelude::*;
    write!(out, ",\n  \"{name}\": [")?;
    let mut first = true;
    for batch in records.chunks(64 * 1024) {
        let texts: Vec<Vec<u8>> = batch
            .par_chunks(1024)
            .map(|chunk| {
                let mut buf = Vec::with_capacity(chunk.len() * 512);
                for r in chunk {
                    buf.extend_from_slice(b",\n    ");
                    serde_json::to_writer(&mut buf, r)?;
                }
                Ok(buf)
            })
            .collect::<Result<_, serde_json::Error>>()?;
        for text in texts {
            // The first record has no comma before it.
            let skip = if first { 1 } else { 0 };
            first = false;
            out.write_all(&text[skip..])?;
        }
    }
    if records.is_empty() {
        write!(out, "]")
    } else {
        write!(out, "\n  ]")
    }
}

/// Parses raw records on every core; an error names its line and column in the whole file.
fn parse_records<'a, W, T>(
    bytes: &[u8],
    path: &Path,
    raws: &[&'a serde_json::value::RawValue],
    unwrap: fn(W) -> T,
) -> Result<Vec<T>, DatasetError>
where
    W: serde::de::Deserialize<'a>,
    T: Send,
{
    use rayon::prelude::*;
    raws.par_iter()
        .with_min_len(1024)
        .map(|raw| {
            serde_json::from_str::<W>(raw.get())
                .map(unwrap)
                .map_err(|e| (raw.get().as_ptr() as usize, e))
        })
        .collect::<Result<Vec<T>, _>>()
        .map_err(|(at, e)| {
            // Where the record starts in the file, then where the problem is in the record.
            let offset = at.saturating_sub(bytes.as_ptr() as usize).min(bytes.len());
            let before = &bytes[..offset];
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let line = before.iter().filter(|&&b| b == b'\n').count() + e.line();
            let column = if e.line() == 1 {
                offset - line_start + e.column()
            } else {
                e.column()
            };
            DatasetError::Parse {
                path: path.to_owned(),
                line,
                column,
                message: strip_position(&e.to_string()),
            }
        })
}

/// serde_json appends " at line L column C"; the error already carries them as fields.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Writes a file atomically: a temporary file beside it is written, flushed to disk and
/// renamed over the target, so a crash or a full disk never leaves a half-written file. The
/// file keeps the permissions of the one it replaces, or gets those of an ordinary new file
/// (a temporary file is private to its owner), so colleagues can still read it.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".entente-save-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    let permissions = match std::fs::metadata(path) {
        Ok(old) => Some(old.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The permissions of a new dataset file: read and write for the owner, read for others.
#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Elsewhere a temporary file already has a new file's permissions.
#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(json: &str) -> Result<(Dataset, Vec<LoadWarning>), DatasetError> {
        Dataset::from_slice(json.as_bytes(), Path::new("x.entente.json"))
    }

    #[test]
    fn malformed_json_names_file_and_line() {
        let err = load_str("{\n  \"format\": \"entente.dataset\",\n  \"version\": 1,\n  oops\n}")
            .unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("x.entente.json: line 4"), "{text}");
    }

    #[test]
    fn wrong_format_and_newer_version_are_refused_clearly() {
        let err = load_str(r#"{"format": "something.else", "version": 1}"#).unwrap_err();
        assert!(matches!(err, DatasetError::NotADataset { .. }));
        let err = load_str(r#"{"format": "entente.dataset", "version": 7}"#).unwrap_err();
        assert!(err.to_string().contains("version 7 is newer"), "{err}");
    }

    #[test]
    fn bad_field_values_are_errors_with_the_value() {
        let json = r#"{"format": "entente.dataset", "version": 1, "articles": [], "engagements": [
            {"id": "e-1", "article_ids": [], "parties": ["Pakistan"], "kind": "agreement", "status": "held"}]}"#;
        let err = load_str(json).unwrap_err().to_string();
        assert!(err.contains("'Pakistan' is not a party code"), "{err}");
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let json = r#"{"format": "entente.dataset", "version": 1, "project": {"lead": "A"},
            "articles": [{"id": "a-1", "sha256": "00", "text": "Hi", "body": [0, 2], "lang": "en"}],
            "engagements": [{"id": "e-1", "article_ids": ["a-1"], "parties": ["JPN", "PAK"],
              "kind": "visit", "status": "held", "coder": "zz"}]}"#;
        let (dataset, _) = load_str(json).unwrap();
        let mut out = Vec::new();
        dataset.write_json(&mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["project"]["lead"], "A");
        assert_eq!(value["articles"][0]["lang"], "en");
        assert_eq!(value["engagements"][0]["coder"], "zz");
    }

    #[test]
    fn stale_hash_and_bad_evidence_are_warnings() {
        let json = r#"{"format": "entente.dataset", "version": 1,
            "articles": [{"id": "a-1", "sha256": "00", "text": "Héllo", "body": [0, 6]}],
            "engagements": [{"id": "e-1", "article_ids": ["a-1"], "parties": ["JPN", "PAK"],
              "kind": "visit", "status": "held",
              "evidence": [{"article_id": "a-1", "start": 0, "end": 2, "field": "kind"},
                           {"article_id": "a-1", "start": 0, "end": 3, "field": "kind"}]}]}"#;
        let (dataset, warnings) = load_str(json).unwrap();
        assert!(dataset.stale_articles.contains("a-1"));
        assert_eq!(dataset.engagements[0].evidence.len(), 1);
        assert_eq!(dataset.engagements[0].evidence[0].end, 3);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }
}
