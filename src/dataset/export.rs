//! Exports for other tools: CSV (RFC 4180) for spreadsheets and statistics packages, and JSONL
//! of engagements for scripts.

use super::Dataset;
use crate::model::Engagement;
use std::io::Write;

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 25] = [
    "id",
    "article_ids",
    "article_titles",
    "outlets",
    "parties",
    "kind",
    "cameo",
    "plover",
    "status",
    "title",
    "mechanism",
    "round",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "place",
    "country",
    "participants",
    "topics",
    "confidence",
    "origin",
    "review",
    "notes",
    "tags",
];

/// Writes one CSV row per engagement (lists joined with `; `, dates as ISO text), each line
/// ended by CRLF as RFC 4180 has it (pandas, R and spreadsheets all read that).
pub fn write_csv(dataset: &Dataset, out: impl Write) -> csv::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    // Looked up once per record: a map, not a scan of every article each time.
    let mut by_id: std::collections::HashMap<&str, &crate::model::Article> =
        std::collections::HashMap::with_capacity(dataset.articles.len());
    for a in &dataset.articles {
        // The first of two articles with one id, as [`Dataset::article`] finds it.
        by_id.entry(a.id.as_str()).or_insert(a);
    }
    for e in &dataset.engagements {
        let articles: Vec<_> = e
            .article_ids
            .iter()
            .filter_map(|id| by_id.get(&**id).copied())
            .collect();
        let titles: Vec<&str> = articles.iter().filter_map(|a| a.title.as_deref()).collect();
        let outlets: Vec<&str> = articles
            .iter()
            .filter_map(|a| a.outlet.as_deref())
            .collect();
        let parties: Vec<&str> = e.parties.iter().map(|p| p.as_str()).collect();
        let opt = |v: Option<String>| v.unwrap_or_default();
        let row: [String; 25] = [
            e.id.clone(),
            e.article_ids.join("; "),
            titles.join("; "),
            outlets.join("; "),
            parties.join("; "),
            e.kind.to_string(),
            e.kind.cameo().to_string(),
            e.kind.plover().to_string(),
            e.status.to_string(),
            opt(e.title.as_deref().map(str::to_string)),
            opt(e.mechanism.as_deref().map(str::to_string)),
            opt(e.round.map(|r| r.to_string())),
            opt(e.date.start.map(|d| d.to_string())),
            opt(e.date.end.map(|d| d.to_string())),
            e.date.precision.as_str().to_string(),
            opt(e.date.text.as_deref().map(str::to_string)),
            opt(e.location.place.as_deref().map(str::to_string)),
            opt(e.location.country.map(|c| c.to_string())),
            participants_cell(e),
            e.topics.join("; "),
            format!("{:.2}", e.confidence),
            match e.origin {
                crate::model::Origin::Extracted => "extracted".into(),
                crate::model::Origin::Analyst => "analyst".into(),
            },
            e.review.as_str().to_string(),
            e.notes.clone(),
            e.tags.join("; "),
        ];
        writer.write_record(&row)?;
    }
    writer.flush()?;
    Ok(())
}

fn participants_cell(e: &Engagement) -> String {
    let people: Vec<String> = e
        .participants
        .iter()
        .map(|p| {
            let mut s = p.name.to_string();
            if let Some(party) = p.party {
                s.push_str(&format!(" ({party})"));
            }
            s
        })
        .collect();
    people.join("; ")
}

/// Writes one JSON object per line for every engagement.
pub fn write_jsonl(dataset: &Dataset, mut out: impl Write) -> std::io::Result<()> {
    for e in &dataset.engagements {
        serde_json::to_writer(&mut out, e)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Kind, PartyCode, Status};

    #[test]
    fn csv_has_one_quoted_row_per_engagement_with_codes() {
        let article = Article::new("Text, with \"quotes\"".into(), None);
        let mut e: Engagement = serde_json::from_value(serde_json::json!({
            "id": "e-1", "article_ids": [article.id], "parties": ["JPN", "PAK"],
            "kind": "agreement", "status": "held", "notes": "said \"yes\", then left"
        }))
        .unwrap();
        e.topics = vec!["trade".into(), "nuclear".into()];
        assert_eq!(e.kind, Kind::Agreement);
        assert_eq!(e.status, Status::Held);
        assert_eq!(e.parties[0], PartyCode::parse("JPN").unwrap());
        let dataset = Dataset::new(vec![article], vec![e]);
        let mut out = Vec::new();
        write_csv(&dataset, &mut out).unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert_eq!(
            text.matches("\r\n").count(),
            2,
            "CRLF after the header and the row"
        );
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let headers = reader.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        let cell =
            |name: &str| rows[0][headers.iter().position(|h| h == name).unwrap()].to_string();
        assert_eq!(cell("parties"), "JPN; PAK");
        assert_eq!(cell("cameo"), "057");
        assert_eq!(cell("plover"), "AGREE");
        assert_eq!(cell("topics"), "trade; nuclear");
        assert_eq!(cell("notes"), "said \"yes\", then left");
    }

    fn engagement(id: &str, kind: Kind, article_id: &str) -> Engagement {
        serde_json::from_value(serde_json::json!({
            "id": id, "article_ids": [article_id], "parties": ["FRA", "NATO"],
            "kind": kind, "status": "planned",
            "title": "Talks \"in camera\", at last",
            "date": {"start": "2023-02-13", "end": "2023-02-16", "precision": "day", "text": "Feb 13-16"},
            "location": {"place": "Brest", "country": "FRA"},
            "participants": [{"name": "Jean Dupont", "party": "FRA"}, {"name": "Ana Ruiz"}],
            "notes": "line one\r\nline two, with a comma", "tags": ["a", "b"],
            "confidence": 0.875, "review": "edited", "coder": "kept in JSONL"
        }))
        .unwrap()
    }

    fn sample() -> Dataset {
        let mut article = Article::new("Texte: caf\u{e9}.".into(), None);
        article.title = Some("Caf\u{e9}, \"talks\"".into());
        article.outlet = Some("Le Monde".into());
        let engagements = Kind::ALL
            .iter()
            .enumerate()
            .map(|(i, &kind)| engagement(&format!("e-{i}"), kind, &article.id))
            .collect();
        Dataset::new(vec![article], engagements)
    }

    #[test]
    fn csv_quotes_line_breaks_and_codes_every_kind() {
        let dataset = sample();
        let mut out = Vec::new();
        write_csv(&dataset, &mut out).unwrap();
        let raw = String::from_utf8(out.clone()).unwrap();
        // RFC 4180: a field with a line break, a comma or a quote is quoted, quotes doubled.
        assert!(
            raw.contains("\"line one\r\nline two, with a comma\""),
            "{raw}"
        );
        assert!(
            raw.contains("\"Talks \"\"in camera\"\", at last\""),
            "{raw}"
        );

        let mut reader = csv::Reader::from_reader(out.as_slice());
        assert_eq!(reader.headers().unwrap(), CSV_COLUMNS.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), Kind::ALL.len());
        let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        for (row, kind) in rows.iter().zip(Kind::ALL) {
            assert_eq!(row.len(), CSV_COLUMNS.len());
            assert_eq!(&row[col("kind")], kind.as_str());
            assert_eq!(&row[col("cameo")], kind.cameo());
            assert_eq!(&row[col("plover")], kind.plover());
            assert_eq!(&row[col("notes")], "line one\r\nline two, with a comma");
            assert_eq!(&row[col("article_titles")], "Caf\u{e9}, \"talks\"");
            assert_eq!(&row[col("outlets")], "Le Monde");
            assert_eq!(&row[col("parties")], "FRA; NATO");
            assert_eq!(&row[col("date_start")], "2023-02-13");
            assert_eq!(&row[col("date_end")], "2023-02-16");
            assert_eq!(&row[col("place")], "Brest");
            assert_eq!(&row[col("participants")], "Jean Dupont (FRA); Ana Ruiz");
            assert_eq!(&row[col("confidence")], "0.88");
            assert_eq!(&row[col("review")], "edited");
            assert_eq!(&row[col("tags")], "a; b");
        }
        let codes: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (&r[col("cameo")], &r[col("plover")]))
            .collect();
        assert!(codes.contains(&("057", "AGREE")) && codes.contains(&("07", "AID")));
    }

    #[test]
    fn jsonl_is_one_whole_engagement_per_line() {
        let dataset = sample();
        let mut out = Vec::new();
        write_jsonl(&dataset, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.ends_with('\n'));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), dataset.engagements.len());
        for (line, original) in lines.iter().zip(&dataset.engagements) {
            let back: Engagement = serde_json::from_str(line).unwrap();
            assert_eq!(&back, original);
            assert_eq!(back.extra["coder"], "kept in JSONL");
        }
    }

    #[test]
    fn an_empty_dataset_exports_a_header_and_nothing() {
        let dataset = Dataset::default();
        let mut out = Vec::new();
        write_csv(&dataset, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
        let mut out = Vec::new();
        write_jsonl(&dataset, &mut out).unwrap();
        assert!(out.is_empty());
    }
}
