//! Feeds of many articles in one file: JSONL (one JSON object per line) and CSV/TSV with a
//! header row. Both name their fields alike: `text` | `body` | `content`, and optionally
//! `title`, `date` | `published`, `url`, `outlet`, `id`.

use super::{LoadReport, article_from_text, meta::parse_iso_prefix};
use crate::model::Article;

/// Field names that hold an article's text, in order of preference.
const TEXT_FIELDS: [&str; 3] = ["text", "body", "content"];

/// One article of a feed, before it becomes an [`Article`]. Scrapers write numbers where text
/// is expected (`"title": 42`); such values are taken as text rather than losing the article.
#[derive(Debug, Default, serde::Deserialize)]
struct Record {
    #[serde(default, deserialize_with = "lenient")]
    text: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    body: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    content: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    title: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    published: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    date: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    outlet: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    url: Option<String>,
    id: Option<serde_json::Value>,
}

/// A string, or a number or boolean written as one; anything else is absent.
fn lenient<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::Deserialize;
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(serde_json::Value::Bool(b)) => Some(b.to_string()),
        _ => None,
    })
}

impl Record {
    fn into_article(self, file: &str) -> Option<Article> {
        let text = [self.text, self.body, self.content]
            .into_iter()
            .flatten()
            .find(|t| !t.trim().is_empty())?;
        let source = match (non_blank(self.url), &self.id) {
            (Some(url), _) => url,
            (None, Some(serde_json::Value::String(id))) => format!("{file}#{id}"),
            (None, Some(serde_json::Value::Null)) | (None, None) => file.to_string(),
            (None, Some(id)) => format!("{file}#{id}"),
        };
        let mut article = article_from_text(text, Some(source));
        if let Some(title) = non_blank(self.title) {
            article.title = Some(title);
        }
        if let Some(outlet) = non_blank(self.outlet) {
            article.outlet = Some(outlet);
        }
        let date = self.published.or(self.date);
        if let Some(date) = date.as_deref().and_then(parse_iso_prefix) {
            article.published = Some(date);
        }
        Some(article)
    }
}

fn non_blank(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Whether text is a JSONL feed: its first non-blank line is a JSON object with a text field.
pub fn looks_like_jsonl(text: &str) -> bool {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    first.starts_with('{')
        && serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(first)
            .is_ok_and(|object| TEXT_FIELDS.iter().any(|f| object.contains_key(*f)))
}

/// Reads every line of a JSONL feed; a bad line is reported with its number and skipped.
pub fn read_jsonl(text: &str, file: &str, report: &mut LoadReport) -> Vec<Article> {
    let mut articles = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let place = format!("{file}:{}", n + 1);
        if !line.starts_with('{') {
            report.skip(&place, "not a JSON article: the line is not a JSON object");
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                report.skip(&place, format!("not a JSON article: {e}"));
                continue;
            }
        };
        match record.into_article(file) {
            Some(a) => articles.push(a),
            None => report.skip(&place, "no `text`, `body` or `content` field"),
        }
    }
    articles
}

/// The field separator of a CSV-like file, from its extension and its header line.
fn delimiter(file: &str, header: &str) -> u8 {
    if file.to_ascii_lowercase().ends_with(".tsv") {
        return b'\t';
    }
    [b',', b'\t', b';', b'|']
        .into_iter()
        .max_by_key(|&d| header.bytes().filter(|&b| b == d).count())
        .unwrap_or(b',')
}

/// Normalises a header cell: `"Body "` → `body`.
fn header_key(cell: &str) -> String {
    cell.trim()
        .trim_start_matches('\u{FEFF}')
        .trim_matches('"')
        .trim()
        .to_ascii_lowercase()
}

/// Whether text is a CSV feed: a header line of short names, one of them a text field, and
/// at least one row after it.
pub fn looks_like_csv(text: &str) -> bool {
    let mut lines = text.lines();
    let (Some(header), Some(_row)) = (lines.next(), lines.next()) else {
        return false;
    };
    let sep = char::from(delimiter("", header));
    let keys: Vec<String> = header.split(sep).map(header_key).collect();
    keys.len() >= 2
        && keys.iter().all(|k| {
            !k.is_empty()
                && k.len() <= 40
                && k.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b' ' | b'.'))
        })
        && keys.iter().any(|k| TEXT_FIELDS.contains(&k.as_str()))
}

/// Reads every row of a CSV (RFC 4180) or TSV feed with a header row. A file without a text
/// column is skipped as a whole; a bad row is reported with its line and skipped.
pub fn read_csv(text: &str, file: &str, report: &mut LoadReport) -> Vec<Article> {
    let header = text.lines().next().unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(file, header))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(header_key).collect(),
        Err(e) => {
            report.skip(file, format!("CSV header cannot be read: {e}"));
            return Vec::new();
        }
    };
    let column = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| headers.iter().position(|h| h == name))
    };
    let text_columns: Vec<usize> = TEXT_FIELDS
        .iter()
        .filter_map(|f| headers.iter().position(|h| h == f))
        .collect();
    if text_columns.is_empty() {
        report.skip(
            file,
            format!(
                "CSV has no text column (the header must name `text`, `body` or `content`; it has: {})",
                headers.join(", ")
            ),
        );
        return Vec::new();
    }
    let title = column(&["title", "headline"]);
    let published = column(&["published", "date"]);
    let outlet = column(&["outlet"]);
    let url = column(&["url", "link"]);
    let id = column(&["id"]);
    let mut articles = Vec::new();
    for row in reader.records() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(text, p.byte()));
                report.skip(format!("{file}:{line}"), format!("bad CSV row: {e}"));
                continue;
            }
        };
        let line = row.position().map_or(0, |p| line_at(text, p.byte()));
        let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).map(str::to_string);
        let first_text = text_columns
            .iter()
            .filter_map(|&c| row.get(c))
            .find(|t| !t.trim().is_empty())
            .map(str::to_string);
        let record = Record {
            text: first_text,
            title: cell(title),
            published: cell(published),
            outlet: cell(outlet),
            url: cell(url),
            id: cell(id).map(serde_json::Value::String),
            ..Record::default()
        };
        match record.into_article(file) {
            Some(a) => articles.push(a),
            None => report.skip(format!("{file}:{line}"), "empty text"),
        }
    }
    articles
}

/// The 1-based line a record starting at a byte offset begins on (the csv crate counts
/// records, not line ends, and may place a record's start on the line end before it).
fn line_at(text: &str, byte: u64) -> usize {
    let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
    while matches!(text.as_bytes().get(end), Some(b'\r' | b'\n')) {
        end += 1;
    }
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn jsonl_takes_every_field_name() {
        let mut report = LoadReport::default();
        let feed = "{\"content\": \"Body one\", \"title\": \" T1 \", \"date\": \"2024-01-13T10:00:00Z\", \"id\": 7}\r\n\
                    {\"body\": \"Body two\", \"published\": \"2023-02-01\", \"url\": \"https://x/y\", \"outlet\": \"Dawn\"}\n\
                    [1, 2]\n\
                    {\"text\": \"   \"}\n";
        let articles = read_jsonl(feed, "f.jsonl", &mut report);
        assert_eq!(articles.len(), 2, "{report:?}");
        assert_eq!(articles[0].text, "Body one");
        assert_eq!(articles[0].title.as_deref(), Some("T1"));
        assert_eq!(articles[0].source.as_deref(), Some("f.jsonl#7"));
        assert_eq!(articles[0].published, NaiveDate::from_ymd_opt(2024, 1, 13));
        assert_eq!(articles[1].source.as_deref(), Some("https://x/y"));
        assert_eq!(articles[1].outlet.as_deref(), Some("Dawn"));
        let places: Vec<&str> = report.issues.iter().map(|i| i.place.as_str()).collect();
        assert_eq!(places, ["f.jsonl:3", "f.jsonl:4"]);
    }

    #[test]
    fn csv_with_quoted_multiline_text() {
        let mut report = LoadReport::default();
        let csv = "id,Title,date,text\r\n\
                   1,\"Talks, at last\",2019-06-19,\"Line one,\r\n\"\"quoted\"\" line two\"\r\n\
                   2,Empty,,\r\n";
        let articles = read_csv(csv, "f.csv", &mut report);
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].text, "Line one,\r\n\"quoted\" line two");
        assert_eq!(articles[0].title.as_deref(), Some("Talks, at last"));
        assert_eq!(articles[0].published, NaiveDate::from_ymd_opt(2019, 6, 19));
        assert_eq!(report.issues.len(), 1);
        assert_eq!(report.issues[0].place, "f.csv:4", "{report:?}");
        assert!(looks_like_csv(csv));
    }

    #[test]
    fn csv_without_text_column_is_skipped_whole() {
        let mut report = LoadReport::default();
        assert!(read_csv("a;b\n1;2\n", "f.csv", &mut report).is_empty());
        assert!(report.issues[0].problem.contains("no text column"));
        assert!(report.issues[0].problem.ends_with("it has: a, b)"));
    }

    #[test]
    fn tsv_and_semicolons() {
        let mut report = LoadReport::default();
        let articles = read_csv("title\tbody\nT\tB\n", "f.tsv", &mut report);
        assert_eq!(articles[0].text, "B");
        let articles = read_csv("title;body\nT;B;extra\n", "f.csv", &mut report);
        assert_eq!(articles[0].title.as_deref(), Some("T"));
        assert!(report.issues.is_empty(), "{report:?}");
    }
}
