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

/// Writes one CSV row per engagement (lists joined with `; `, dates as ISO text).
pub fn write_csv(dataset: &Dataset, out: impl Write) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    for e in &dataset.engagements {
        let articles: Vec<_> = e
            .article_ids
            .iter()
            .filter_map(|id| dataset.article(id))
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
            opt(e.title.clone()),
            opt(e.mechanism.clone()),
            opt(e.round.map(|r| r.to_string())),
            opt(e.date.start.map(|d| d.to_string())),
            opt(e.date.end.map(|d| d.to_string())),
            e.date.precision.as_str().to_string(),
            opt(e.date.text.clone()),
            opt(e.location.place.clone()),
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
            let mut s = p.name.clone();
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
}
