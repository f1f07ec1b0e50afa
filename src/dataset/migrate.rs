//! Older dataset files, brought up to the current format version when they are opened. Saving
//! writes the current version; the file on disk is not touched until the analyst saves.
//!
//! Each step turns version N into N+1 on the JSON tree, keeping every field it does not know
//! (the forward-compatibility rule of DATASET.md), and says what it could not carry over.
//!
//! # Version 0: the pre-release format
//!
//! Written by development builds before the first release (`"version": 0`). It differs from
//! version 1 in that:
//!
//! - an article has no `sha256` and no `body` (the whole text was the article), and may lack
//!   its `id`;
//! - an engagement names one article in `article_id` instead of the list `article_ids`;
//! - `parties` are names as written ("Pakistan", "Japan", "NATO"), not codes;
//! - `date` is a plain `YYYY[-MM[-DD]]` string or free text, not a date object;
//! - `participants` are plain names;
//! - an evidence span has no `article_id` (it always pointed into the engagement's article).
//!
//! Migration computes hashes, ids and whole-text bodies, maps party names to codes through the
//! dictionaries in `assets/dict` (a name it does not know is kept in the engagement's
//! `unmapped_parties` field, with a warning), and rebuilds dates, participants and evidence.

use super::{Dataset, DatasetError, LoadWarning, VERSION};
use crate::extract::lexicon::data_lines;
use crate::model::{DateValue, PartyCode, Precision, sha256_hex};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

/// Reads a dataset file of an older `version` (< [`VERSION`]): migrates it step by step, then
/// loads the result as a current file. The first warning says that it was migrated.
pub(super) fn from_older(
    bytes: &[u8],
    version: u64,
    path: &Path,
) -> Result<(Dataset, Vec<LoadWarning>), DatasetError> {
    let mut tree: Value = serde_json::from_slice(bytes).map_err(|e| DatasetError::Parse {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: super::strip_position(&e.to_string()),
    })?;
    let mut warnings = vec![LoadWarning {
        message: format!(
            "{}: format version {version} was migrated to version {VERSION}; saving writes version {VERSION}",
            path.display()
        ),
    }];
    let mut at = version;
    while at < u64::from(VERSION) {
        match at {
            0 => v0_to_v1(&mut tree, &mut warnings),
            _ => break,
        }
        at += 1;
    }
    if let Some(top) = tree.as_object_mut() {
        top.insert("version".into(), json!(VERSION));
    }
    let migrated = serde_json::to_vec(&tree).map_err(|e| DatasetError::Parse {
        path: path.to_owned(),
        line: 1,
        column: 1,
        message: e.to_string(),
    })?;
    let (dataset, more) = Dataset::from_slice(&migrated, path).map_err(|e| match e {
        // Positions in the migrated tree mean nothing to the analyst; the message names the field.
        DatasetError::Parse { path, message, .. } => DatasetError::Parse {
            path,
            line: 1,
            column: 1,
            message: format!("{message} (after migrating from format version {version})"),
        },
        other => other,
    })?;
    warnings.extend(more);
    Ok((dataset, warnings))
}

/// Party names and other names (aliases, organisation names) → codes, from the dictionaries.
static PARTY_NAMES: LazyLock<HashMap<String, PartyCode>> = LazyLock::new(|| {
    let mut names = HashMap::new();
    let states = data_lines(include_str!("../../assets/dict/states.tsv"));
    let organisations = data_lines(include_str!("../../assets/dict/organisations.tsv"));
    for line in states.chain(organisations) {
        let mut fields = line.split('\t');
        let Some(code) = fields.next().and_then(PartyCode::parse) else {
            continue;
        };
        // states: code, name, aliases; organisations: code, names.
        for field in fields.take(2) {
            for name in field.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                names.entry(name.to_lowercase()).or_insert(code);
            }
        }
    }
    names
});

/// A party as version 0 wrote it: a code, or a name the dictionaries know.
fn party_code(name: &str) -> Option<PartyCode> {
    let name = name.trim();
    PartyCode::parse(name).or_else(|| {
        let key = name.strip_prefix("the ").unwrap_or(name).to_lowercase();
        PARTY_NAMES.get(&key).copied()
    })
}

fn v0_to_v1(tree: &mut Value, warnings: &mut Vec<LoadWarning>) {
    let Some(top) = tree.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(articles)) = top.get_mut("articles") {
        for article in articles.iter_mut().filter_map(Value::as_object_mut) {
            v0_article(article);
        }
    }
    if let Some(Value::Array(engagements)) = top.get_mut("engagements") {
        for engagement in engagements.iter_mut().filter_map(Value::as_object_mut) {
            v0_engagement(engagement, warnings);
        }
    }
}

fn v0_article(article: &mut Map<String, Value>) {
    let Some(text) = article.get("text").and_then(Value::as_str) else {
        return; // Loading will name the missing field.
    };
    let sha256 = sha256_hex(text.as_bytes());
    let len = text.len();
    if !article.contains_key("id") {
        article.insert("id".into(), json!(format!("a-{}", &sha256[..8])));
    }
    article.entry("sha256").or_insert(json!(sha256));
    article.entry("body").or_insert(json!([0, len]));
}

fn v0_engagement(engagement: &mut Map<String, Value>, warnings: &mut Vec<LoadWarning>) {
    let id = engagement
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string();
    if let Some(article_id) = engagement.remove("article_id") {
        engagement
            .entry("article_ids")
            .or_insert_with(|| match article_id {
                Value::Null => json!([]),
                one => json!([one]),
            });
    }
    let first_article = engagement
        .get("article_ids")
        .and_then(|ids| ids.get(0))
        .cloned();

    if let Some(Value::Array(parties)) = engagement.get_mut("parties") {
        let mut codes = Vec::new();
        let mut unmapped = Vec::new();
        for party in parties.iter() {
            match party.as_str().and_then(party_code) {
                Some(code) => codes.push(code),
                None => unmapped.push(party.clone()),
            }
        }
        codes.sort();
        codes.dedup();
        *parties = codes.iter().map(|c| json!(c.as_str())).collect();
        if !unmapped.is_empty() {
            let names: Vec<String> = unmapped.iter().map(|v| v.to_string()).collect();
            warnings.push(LoadWarning {
                message: format!(
                    "engagement {id}: party name(s) {} match no known party; kept in `unmapped_parties`",
                    names.join(", ")
                ),
            });
            engagement.insert("unmapped_parties".into(), Value::Array(unmapped));
        }
    }

    if let Some(date) = engagement.get("date").cloned() {
        match date {
            Value::Null => {
                engagement.remove("date");
            }
            Value::String(text) => {
                let value = DateValue::parse(text.trim());
                let precision = match value {
                    Some(DateValue::Day(_)) => Precision::Day,
                    Some(DateValue::Month(..)) => Precision::Month,
                    Some(DateValue::Year(_)) => Precision::Year,
                    None => Precision::Unknown,
                };
                let span = json!({
                    "start": value.map(|v| v.to_string()),
                    "end": null,
                    "precision": precision.as_str(),
                    "text": if value.is_none() { Some(text) } else { None },
                    "basis": "migrated from format version 0",
                });
                engagement.insert("date".into(), span);
            }
            _ => {}
        }
    }

    if let Some(Value::Array(people)) = engagement.get_mut("participants") {
        for person in people.iter_mut() {
            if let Value::String(name) = person {
                *person = json!({ "name": name.trim() });
            }
        }
    }

    if let (Some(Value::Array(evidence)), Some(article_id)) =
        (engagement.get_mut("evidence"), first_article)
    {
        for span in evidence.iter_mut().filter_map(Value::as_object_mut) {
            span.entry("article_id").or_insert(article_id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_codes() {
        assert_eq!(
            party_code("Pakistan").map(|c| c.to_string()).as_deref(),
            Some("PAK")
        );
        assert_eq!(
            party_code("the United States")
                .map(|c| c.to_string())
                .as_deref(),
            Some("USA")
        );
        assert_eq!(
            party_code("NATO").map(|c| c.to_string()).as_deref(),
            Some("NATO")
        );
        assert_eq!(
            party_code("JPN").map(|c| c.to_string()).as_deref(),
            Some("JPN")
        );
        assert_eq!(party_code("Atlantis"), None);
    }

    #[test]
    fn version_0_engagement_is_rebuilt() {
        let mut tree = json!({"format": "entente.dataset", "version": 0,
            "articles": [{"text": "Héllo"}],
            "engagements": [{"id": "e-1", "article_id": "a-x", "parties": ["Japan", "Pakistan", "Atlantis"],
              "kind": "visit", "status": "held", "date": "2019-06", "participants": ["A. Person"],
              "evidence": [{"start": 0, "end": 2, "field": "kind"}], "coder": "kept"}]});
        let mut warnings = Vec::new();
        v0_to_v1(&mut tree, &mut warnings);
        let article = &tree["articles"][0];
        assert_eq!(article["body"], json!([0, 6]));
        assert_eq!(article["id"].as_str().map(str::len), Some(10));
        let e = &tree["engagements"][0];
        assert_eq!(e["article_ids"], json!(["a-x"]));
        assert_eq!(e["parties"], json!(["JPN", "PAK"]));
        assert_eq!(e["unmapped_parties"], json!(["Atlantis"]));
        assert_eq!(e["date"]["start"], "2019-06");
        assert_eq!(e["date"]["precision"], "month");
        assert_eq!(e["participants"][0]["name"], "A. Person");
        assert_eq!(e["evidence"][0]["article_id"], "a-x");
        assert_eq!(e["coder"], "kept");
        assert_eq!(warnings.len(), 1);
    }
}
