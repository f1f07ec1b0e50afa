//! One act, many reports: news outlets tell the same signing or visit again and again. After
//! extraction, records from different articles that agree on kind, status, parties and day
//! (and on forum and round where both name one) become one record that lists every article,
//! as DATASET.md's `article_ids` asks. Acts within one article are never merged here: telling
//! them apart is the extractor's work, and two acts of a kind on one day in one article are
//! two acts.

use crate::model::{DateValue, Engagement, Kind, PartyCode, Precision, Status};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Merges the reports of one act into the first of them, in place; the others are removed.
/// Only day-precise dates merge: "in March" is too loose to say two reports tell one act.
pub fn merge_reports(engagements: &mut Vec<Engagement>) {
    type Key = (Kind, Status, Vec<PartyCode>, NaiveDate);
    let mut kept: Vec<Engagement> = Vec::with_capacity(engagements.len());
    let mut kept_of: HashMap<Key, Vec<usize>> = HashMap::new();
    for e in std::mem::take(engagements) {
        let Some(key) = key_of(&e) else {
            kept.push(e);
            continue;
        };
        let earlier = kept_of.entry(key).or_default();
        match earlier.iter().copied().find(|&j| same_act(&kept[j], &e)) {
            Some(j) => kept[j].absorb_report(&e),
            None => {
                earlier.push(kept.len());
                kept.push(e);
            }
        }
    }
    *engagements = kept;
}

fn key_of(e: &Engagement) -> Option<(Kind, Status, Vec<PartyCode>, NaiveDate)> {
    match (e.date.start, e.date.precision) {
        (Some(DateValue::Day(day)), Precision::Day) => {
            Some((e.kind, e.status, e.parties.clone(), day))
        }
        _ => None,
    }
}

/// Whether a later record of the same key tells the same act as an earlier one: from other
/// articles, and not of another forum or round.
fn same_act(earlier: &Engagement, later: &Engagement) -> bool {
    let other_articles = !later
        .article_ids
        .iter()
        .any(|a| earlier.article_ids.contains(a));
    let same_forum = match (&earlier.mechanism, &later.mechanism) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => true,
    };
    let same_round = match (earlier.round, later.round) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    other_articles && same_forum && same_round
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, article: &str, day: &str, kind: &str) -> Engagement {
        serde_json::from_value(serde_json::json!({
            "id": id, "article_ids": [article], "parties": ["PAK", "SAU"], "kind": kind,
            "status": "held", "date": {"start": day, "precision": "day"},
            "evidence": [{"article_id": article, "start": 0, "end": 4, "field": "kind"}],
            "participants": [{"name": "Ali Khan"}], "topics": ["trade"], "confidence": 0.6
        }))
        .unwrap()
    }

    #[test]
    fn reports_of_one_act_in_several_articles_become_one_record() {
        let mut second = record("e-2", "a-2", "2025-09-17", "agreement");
        second.participants[0].title = Some("Minister".into());
        second.topics = vec!["nuclear".into()];
        second.confidence = 0.8;
        let mut all = vec![
            record("e-1", "a-1", "2025-09-17", "agreement"),
            second,
            record("e-3", "a-3", "2025-09-17", "agreement"),
        ];
        merge_reports(&mut all);
        assert_eq!(all.len(), 1);
        let e = &all[0];
        assert_eq!(e.id, "e-1", "the first report keeps its id");
        let ids: Vec<&str> = e.article_ids.iter().map(|a| &**a).collect();
        assert_eq!(ids, ["a-1", "a-2", "a-3"]);
        assert_eq!(e.evidence.len(), 3);
        assert_eq!(e.participants.len(), 1);
        assert_eq!(e.participants[0].title.as_deref(), Some("Minister"));
        assert_eq!(e.topics.len(), 2);
        assert_eq!(e.confidence, 0.8);
    }

    #[test]
    fn other_days_kinds_articles_forums_and_loose_dates_stay_apart() {
        let mut same_article = record("e-5", "a-1", "2025-09-17", "agreement");
        same_article.id = "e-5".into();
        let mut forum_a = record("e-6", "a-6", "2025-09-18", "dialogue");
        forum_a.round = Some(7);
        let mut forum_b = record("e-7", "a-7", "2025-09-18", "dialogue");
        forum_b.round = Some(8);
        let mut month = record("e-8", "a-8", "2025-09-17", "agreement");
        month.date.precision = Precision::Month;
        month.date.start = Some(DateValue::Month(2025, 9));
        let mut month_too = month.clone();
        month_too.article_ids = vec!["a-9".into()];
        let mut all = vec![
            record("e-1", "a-1", "2025-09-17", "agreement"),
            record("e-2", "a-2", "2025-09-16", "agreement"),
            record("e-3", "a-3", "2025-09-17", "visit"),
            same_article,
            forum_a,
            forum_b,
            month,
            month_too,
        ];
        let before = all.len();
        merge_reports(&mut all);
        assert_eq!(all.len(), before);
    }
}
