//! Filtering and sorting a dataset's engagements: plain functions over row indices.

use crate::dataset::Dataset;
use crate::model::{Engagement, Review};
use std::cmp::Ordering;

/// A column of the engagements table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Column {
    /// Date start.
    Date,
    /// Parties.
    Parties,
    /// Kind.
    Kind,
    /// Status.
    Status,
    /// Round.
    Round,
    /// Forum or title.
    Forum,
    /// Location.
    Location,
    /// Participants.
    Participants,
    /// Article title.
    Article,
    /// Extractor confidence.
    Confidence,
    /// Review state.
    Review,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 11] = [
        Column::Date,
        Column::Parties,
        Column::Kind,
        Column::Status,
        Column::Round,
        Column::Forum,
        Column::Location,
        Column::Participants,
        Column::Article,
        Column::Confidence,
        Column::Review,
    ];

    /// The column's header.
    pub fn label(self) -> &'static str {
        match self {
            Column::Date => "Date",
            Column::Parties => "Parties",
            Column::Kind => "Kind",
            Column::Status => "Status",
            Column::Round => "Round",
            Column::Forum => "Forum / title",
            Column::Location => "Location",
            Column::Participants => "Participants",
            Column::Article => "Article",
            Column::Confidence => "Conf.",
            Column::Review => "Review",
        }
    }
}

/// Sort order of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SortKey {
    /// The column sorted by.
    pub column: Column,
    /// Ascending when true.
    pub ascending: bool,
}

/// What the table shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Free text, matched case-insensitively against every column and the article title;
    /// all words must match.
    pub text: String,
    /// Show rejected engagements too.
    pub show_rejected: bool,
}

/// The location of an engagement as shown: "Rawalpindi, PAK".
pub fn location_label(e: &Engagement) -> String {
    match (&e.location.place, e.location.country) {
        (Some(p), Some(c)) => format!("{p}, {c}"),
        (Some(p), None) => p.clone(),
        (None, Some(c)) => c.to_string(),
        (None, None) => String::new(),
    }
}

/// The title of the first article of an engagement.
pub fn article_title<'d>(dataset: &'d Dataset, e: &Engagement) -> &'d str {
    e.article_ids
        .first()
        .and_then(|id| dataset.article(id))
        .map(|a| a.title.as_deref().unwrap_or(a.file_name()))
        .unwrap_or("")
}

/// The text a free-text filter looks at for one engagement, lower-cased.
pub fn haystack(dataset: &Dataset, e: &Engagement) -> String {
    let mut s = String::with_capacity(256);
    for part in [
        e.date.label().as_str(),
        &e.parties_label(),
        e.kind.as_str(),
        e.status.as_str(),
        e.label(),
        e.title.as_deref().unwrap_or(""),
        &location_label(e),
        &e.participants_label(),
        article_title(dataset, e),
        e.review.as_str(),
        &e.notes,
        &e.tags.join(" "),
        &e.topics.join(" "),
    ] {
        s.push_str(part);
        s.push('\u{1f}');
    }
    for p in &e.parties {
        if let Some(name) = crate::extract::Lexicon::builtin().names.get(p) {
            s.push_str(name);
            s.push(' ');
        }
    }
    if let Some(r) = e.round {
        s.push_str(&format!("round {r}"));
    }
    s.to_lowercase()
}

/// The rows that pass `filter`, in dataset order.
pub fn filter_rows(dataset: &Dataset, haystacks: &[String], filter: &Filter) -> Vec<usize> {
    let needles: Vec<String> = filter
        .text
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    dataset
        .engagements
        .iter()
        .enumerate()
        .filter(|(_, e)| filter.show_rejected || e.review != Review::Rejected)
        .filter(|(i, _)| {
            needles
                .iter()
                .all(|n| haystacks.get(*i).is_some_and(|h| h.contains(n.as_str())))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Sorts row indices by `key`, stably, with the date as the secondary key.
pub fn sort_rows(dataset: &Dataset, rows: &mut [usize], key: SortKey) {
    let es = &dataset.engagements;
    let by_date = |a: &Engagement, b: &Engagement| {
        let day = |e: &Engagement| e.date.start.and_then(|d| d.first_day());
        day(a).cmp(&day(b))
    };
    let compare = |a: &Engagement, b: &Engagement| -> Ordering {
        match key.column {
            Column::Date => by_date(a, b),
            Column::Parties => a.parties.cmp(&b.parties),
            Column::Kind => a.kind.cmp(&b.kind),
            Column::Status => a.status.cmp(&b.status),
            Column::Round => a.round.cmp(&b.round),
            Column::Forum => a.label().to_lowercase().cmp(&b.label().to_lowercase()),
            Column::Location => location_label(a).cmp(&location_label(b)),
            Column::Participants => a.participants_label().cmp(&b.participants_label()),
            Column::Article => article_title(dataset, a).cmp(article_title(dataset, b)),
            Column::Confidence => a.confidence.total_cmp(&b.confidence),
            Column::Review => a.review.cmp(&b.review),
        }
    };
    rows.sort_by(|&i, &j| {
        let primary = compare(&es[i], &es[j]);
        let primary = if key.ascending {
            primary
        } else {
            primary.reverse()
        };
        primary.then_with(|| by_date(&es[i], &es[j]))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        let e =
            |id: &str, parties: [&str; 2], kind: &str, date: &str, review: &str| -> Engagement {
                serde_json::from_value(serde_json::json!({
                    "id": id, "article_ids": [], "parties": parties, "kind": kind, "status": "held",
                    "date": {"start": date, "precision": "day"}, "review": review
                }))
                .unwrap()
            };
        Dataset::new(
            vec![],
            vec![
                e(
                    "e-1",
                    ["JPN", "PAK"],
                    "agreement",
                    "2019-06-18",
                    "unreviewed",
                ),
                e("e-2", ["PAK", "USA"], "dialogue", "2023-02-13", "verified"),
                e("e-3", ["LKA", "USA"], "visit", "2021-01-05", "rejected"),
            ],
        )
    }

    fn visible(filter: &Filter) -> Vec<usize> {
        let d = dataset();
        let hay: Vec<String> = d.engagements.iter().map(|e| haystack(&d, e)).collect();
        filter_rows(&d, &hay, filter)
    }

    #[test]
    fn text_filter_matches_codes_names_and_all_words() {
        let f = |t: &str| Filter {
            text: t.into(),
            show_rejected: false,
        };
        assert_eq!(visible(&f("")), vec![0, 1]);
        assert_eq!(visible(&f("pak")), vec![0, 1]);
        assert_eq!(visible(&f("japan")), vec![0]);
        assert_eq!(visible(&f("pak dialogue")), vec![1]);
        assert_eq!(visible(&f("nothing-like-this")), Vec::<usize>::new());
    }

    #[test]
    fn rejected_rows_are_hidden_unless_asked() {
        let all = Filter {
            text: String::new(),
            show_rejected: true,
        };
        assert_eq!(visible(&all), vec![0, 1, 2]);
    }

    #[test]
    fn sorts_by_column_both_ways_with_date_second() {
        let d = dataset();
        let mut rows = vec![0, 1, 2];
        sort_rows(
            &d,
            &mut rows,
            SortKey {
                column: Column::Date,
                ascending: false,
            },
        );
        assert_eq!(rows, vec![1, 2, 0]);
        sort_rows(
            &d,
            &mut rows,
            SortKey {
                column: Column::Kind,
                ascending: true,
            },
        );
        assert_eq!(rows, vec![0, 1, 2]);
        sort_rows(
            &d,
            &mut rows,
            SortKey {
                column: Column::Parties,
                ascending: true,
            },
        );
        assert_eq!(rows, vec![0, 2, 1]);
    }
}
