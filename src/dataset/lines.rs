//! The fast way in for files in the layout [`Dataset::write_json`] writes: the top-level fields
//! each on a line, then one article or engagement per line. Lines are read in batches and each
//! batch is parsed on every core. `None` means "not this layout, or something to report": the
//! caller then reads the file the general way, which explains any problem with its position.

use super::wire::{ArticleWire, EngagementWire, Top};
use super::{Dataset, FORMAT, VERSION};
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::io::{BufRead, Read};
use std::path::Path;

const BATCH_LINES: usize = 32 * 1024;

/// Lines of one batch, stored end to end.
#[derive(Default)]
struct Batch {
    text: Vec<u8>,
    ends: Vec<usize>,
}

impl Batch {
    fn lines(&self) -> impl IndexedParallelIterator<Item = &[u8]> {
        (0..self.ends.len()).into_par_iter().map(|i| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] };
            &self.text[start..self.ends[i]]
        })
    }

    fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }
}

/// A record line without its indent, trailing comma and line end; `None` if it is not one.
fn record(line: &[u8]) -> Option<&[u8]> {
    let line = line.strip_prefix(b"    ")?;
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b",").unwrap_or(line);
    (line.first() == Some(&b'{') && line.last() == Some(&b'}')).then_some(line)
}

/// Parses the lines of `batch` on every core into `out`; `parsed` is room reused from batch
/// to batch (fresh memory costs the kernel a page clearing each time).
fn parse_batch<W, T>(
    batch: &Batch,
    unwrap: fn(W) -> T,
    parsed: &mut Vec<Option<T>>,
    out: &mut Vec<T>,
) -> Option<()>
where
    W: for<'de> serde::Deserialize<'de>,
    T: Send,
{
    batch
        .lines()
        .map(|line| {
            record(line)
                .and_then(|r| serde_json::from_slice::<W>(r).ok())
                .map(unwrap)
        })
        .collect_into_vec(parsed);
    let before = out.len();
    out.extend(parsed.drain(..).flatten());
    (out.len() - before == batch.ends.len()).then_some(())
}

/// Reads records until the line that closes their array; returns that line. While one batch
/// is parsed the next is read, so the file's bytes come in while every core parses. When the
/// records fill the rest of the file, `rest_of_file` (its bytes) sizes `out` once from the
/// first batch's line length, instead of doubling it through a million records.
fn records<W, T>(
    reader: &mut (impl BufRead + Send),
    unwrap: fn(W) -> T,
    out: &mut Vec<T>,
    rest_of_file: Option<u64>,
) -> Option<Vec<u8>>
where
    W: for<'de> serde::Deserialize<'de>,
    T: Send,
{
    let mut batch = Batch::default();
    let mut next = Batch::default();
    let mut parsed = Vec::new();
    let mut closing = read_batch(reader, &mut batch)?;
    if let Some(rest) = rest_of_file
        && closing.is_none()
    {
        let per_line = (batch.text.len() / batch.ends.len()).max(64) as u64;
        let expected = usize::try_from(rest / per_line).unwrap_or(usize::MAX);
        // A little over, as lines vary. Only a size hint: if the memory is not there, the
        // vector grows as it would have.
        let _ = out.try_reserve(expected.saturating_add(expected / 32));
    }
    loop {
        if let Some(line) = closing {
            parse_batch(&batch, unwrap, &mut parsed, out)?;
            return Some(line);
        }
        next.clear();
        let (done, read) = rayon::join(
            || parse_batch(&batch, unwrap, &mut parsed, out),
            || read_batch(reader, &mut next),
        );
        done?;
        closing = read?;
        std::mem::swap(&mut batch, &mut next);
    }
}

/// Fills `batch` with up to [`BATCH_LINES`] record lines. `Some(Some(line))` when the line
/// that closes the array came (it is not in the batch), `Some(None)` when the batch is full,
/// `None` when the file ends first or cannot be read.
fn read_batch(reader: &mut impl BufRead, batch: &mut Batch) -> Option<Option<Vec<u8>>> {
    while batch.ends.len() < BATCH_LINES {
        let start = batch.text.len();
        if reader.read_until(b'\n', &mut batch.text).ok()? == 0 {
            return None;
        }
        let line = &batch.text[start..];
        if line.starts_with(b"  ]") {
            let closing = line.to_vec();
            batch.text.truncate(start);
            return Some(Some(closing));
        }
        batch.ends.push(batch.text.len());
    }
    Some(None)
}

/// A file that tells how far it has been read, and stops when told to.
struct Watched<'a> {
    file: std::fs::File,
    read: u64,
    size: u64,
    reported: u64,
    on_read: &'a (dyn Fn(u64, u64) -> bool + Sync),
}

impl Read for Watched<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.file.read(buf)?;
        self.read += n as u64;
        if self.read - self.reported >= 8 << 20 || n == 0 {
            self.reported = self.read;
            if !(self.on_read)(self.read, self.size) {
                return Err(std::io::Error::other("cancelled"));
            }
        }
        Ok(n)
    }
}

/// Reads a dataset file of the current version written one record per line, telling
/// `on_read` how far it got (bytes read, file size).
pub(super) fn read(path: &Path, on_read: &(dyn Fn(u64, u64) -> bool + Sync)) -> Option<Dataset> {
    let file = std::fs::File::open(path).ok()?;
    let size = file.metadata().map_or(0, |m| m.len());
    let watched = Watched {
        file,
        read: 0,
        size,
        reported: 0,
        on_read,
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 20, watched);
    let mut line = Vec::new();
    reader.read_until(b'\n', &mut line).ok()?;
    if line != b"{\n" {
        return None;
    }
    // The fields before the articles, read as an object of their own.
    let mut head = b"{".to_vec();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).ok()? == 0 {
            return None;
        }
        if line == b"  \"articles\": [\n" {
            break;
        }
        if line.len() > 1 << 16 {
            return None;
        }
        head.extend_from_slice(&line);
    }
    while head
        .last()
        .is_some_and(|b| b.is_ascii_whitespace() || *b == b',')
    {
        head.pop();
    }
    head.push(b'}');
    let top: Top = serde_json::from_slice(&head).ok()?;
    if top.format.as_deref() != Some(FORMAT)
        || top.version != Some(u64::from(VERSION))
        || !top.articles.is_empty()
        || !top.engagements.is_empty()
    {
        return None;
    }
    let mut articles = Vec::new();
    let closing = records(&mut reader, |a: ArticleWire| a.0, &mut articles, None)?;
    if closing != b"  ],\n" {
        return None;
    }
    line.clear();
    reader.read_until(b'\n', &mut line).ok()?;
    if line != b"  \"engagements\": [\n" {
        return None;
    }
    let mut engagements = Vec::new();
    let rest = {
        let file = reader.get_ref();
        file.size.saturating_sub(file.read) + reader.buffer().len() as u64
    };
    let closing = records(
        &mut reader,
        |e: EngagementWire| e.0,
        &mut engagements,
        Some(rest),
    )?;
    // Fields after the engagements, if any, as another object.
    let mut extra = top.extra;
    if closing == b"  ],\n" {
        let mut tail = b"{".to_vec();
        reader.read_to_end(&mut tail).ok()?;
        let fields: Map<String, Value> = serde_json::from_slice(&tail).ok()?;
        for (k, v) in fields {
            if matches!(
                k.as_str(),
                "format" | "version" | "generator" | "articles" | "engagements"
            ) {
                return None;
            }
            extra.insert(k, v);
        }
    } else {
        let mut tail = Vec::new();
        reader.read_to_end(&mut tail).ok()?;
        if closing != b"  ]\n" || tail.trim_ascii() != b"}" {
            return None;
        }
    }
    Some(Dataset {
        generator: top.generator,
        articles,
        engagements,
        extra,
        stale_articles: HashSet::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_save_writes_streams_back_and_other_layouts_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.entente.json");
        let mut d = crate::synth::dataset(300, 5);
        d.extra
            .insert("project".into(), serde_json::json!({"lead": "A"}));
        d.engagements[3]
            .extra
            .insert("coder".into(), serde_json::json!("zz"));
        d.save(&path).unwrap();
        let back = read(&path, &|_, _| true).expect("the layout save writes");
        assert_eq!(
            back.generator.as_deref(),
            Some(concat!("entente ", env!("CARGO_PKG_VERSION")))
        );
        assert!(back.articles == d.articles, "articles differ");
        assert!(back.engagements == d.engagements, "engagements differ");
        assert_eq!(back.extra, d.extra);
        let (general, _) = Dataset::from_slice(&std::fs::read(&path).unwrap(), &path).unwrap();
        assert!(general == back, "both ways in read the same");

        let mut pretty = Vec::new();
        serde_json::to_writer_pretty(
            &mut pretty,
            &serde_json::json!({
                "format": FORMAT, "version": 1, "articles": [], "engagements": []
            }),
        )
        .unwrap();
        std::fs::write(&path, pretty).unwrap();
        assert!(read(&path, &|_, _| true).is_none());
        let (general, _) = Dataset::load(&path).unwrap();
        assert!(general.engagements.is_empty());
    }

    #[test]
    fn loading_tells_how_far_it_got_and_stops_when_told() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.entente.json");
        crate::synth::dataset(200, 5).save(&path).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        let seen = std::sync::Mutex::new(Vec::new());
        let (back, _) = Dataset::load_with_progress(&path, &|read, total| {
            seen.lock().unwrap().push((read, total));
            true
        })
        .unwrap();
        assert_eq!(back.engagements.len(), 200);
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.last(), Some(&(size, size)), "{seen:?}");

        let err = Dataset::load_with_progress(&path, &|_, _| false).unwrap_err();
        assert!(
            matches!(err, super::super::DatasetError::Cancelled { .. }),
            "{err}"
        );
    }

    #[test]
    fn a_bad_record_falls_back_to_the_general_path_and_its_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.entente.json");
        crate::synth::dataset(50, 5).save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let bad = text.replacen("\"parties\":[\"", "\"parties\":[\"Pakistan\",\"", 1);
        std::fs::write(&path, bad).unwrap();
        assert!(read(&path, &|_, _| true).is_none());
        let err = Dataset::load(&path).unwrap_err().to_string();
        assert!(err.contains("'Pakistan' is not a party code"), "{err}");
        assert!(err.contains(": line "), "{err}");
    }
}
