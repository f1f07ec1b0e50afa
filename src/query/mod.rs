//! Filtering, facet counts, sorting and aggregate views over a dataset's engagements, on row
//! indices. [`Index`] holds compact keys of every row, built once when the data changes; a
//! filter change is then one pass over those keys ([`Index::select`]), a sort one sort of
//! integer keys ([`Index::sort`]), whatever the size of the records.

mod facets;
mod index;
mod views;

pub use facets::{FacetCounts, Selection};
pub use index::Index;
pub use views::{Bucket, Granularity, PartnerMatrix, Stack, TOP_PARTNERS, Timeline};

use crate::dataset::Dataset;
use crate::model::{Engagement, Kind, PartyCode, Review, Status};
use chrono::NaiveDate;

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

/// How ticked parties combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum PartyMatch {
    /// A row with any of the ticked parties.
    #[default]
    Any,
    /// Only rows with every ticked party.
    All,
}

/// What the table shows: every criterion must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Free text, matched case-insensitively against every column and the article title;
    /// all words must match.
    pub text: String,
    /// Show rejected engagements too (when no review state is ticked).
    pub show_rejected: bool,
    /// Ticked parties, combined as `party_match` says.
    pub parties: Vec<PartyCode>,
    /// Any or all of `parties`.
    pub party_match: PartyMatch,
    /// Only engagements of this state, whose partners are then a facet of their own.
    pub partner_of: Option<PartyCode>,
    /// Ticked partners of `partner_of` (any of them).
    pub partners: Vec<PartyCode>,
    /// Ticked kinds (any of them).
    pub kinds: Vec<Kind>,
    /// Ticked statuses (any of them).
    pub statuses: Vec<Status>,
    /// Ticked review states (any of them); when some are ticked they decide alone whether
    /// rejected records show.
    pub reviews: Vec<Review>,
    /// Ticked topics (any of them); "other" stands for topics outside the vocabulary.
    pub topics: Vec<String>,
    /// First day of the date range (inclusive); rows without a date fail a date range.
    pub date_from: Option<NaiveDate>,
    /// Last day of the date range (inclusive).
    pub date_to: Option<NaiveDate>,
    /// Only rows of at least this confidence.
    pub min_confidence: Option<f32>,
}

/// One active criterion of a filter, as a removable chip shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Chip {
    /// The free text.
    Text,
    /// One ticked party.
    Party(PartyCode),
    /// The state whose partners are looked at (removing it removes its partners too).
    PartnerOf,
    /// One ticked partner.
    Partner(PartyCode),
    /// One ticked kind.
    Kind(Kind),
    /// One ticked status.
    Status(Status),
    /// One ticked review state.
    Review(Review),
    /// One ticked topic.
    Topic(String),
    /// The date range.
    Dates,
    /// The confidence threshold.
    Confidence,
}

/// Adds `value` when absent, removes it when present.
pub fn toggle<T: PartialEq>(values: &mut Vec<T>, value: T) {
    match values.iter().position(|v| *v == value) {
        Some(i) => {
            values.remove(i);
        }
        None => values.push(value),
    }
}

impl Filter {
    /// The active criteria with a short label each, in a fixed order.
    pub fn chips(&self) -> Vec<(Chip, String)> {
        let mut chips = Vec::new();
        if !self.text.trim().is_empty() {
            chips.push((Chip::Text, format!("text: {}", self.text.trim())));
        }
        let join = match self.party_match {
            PartyMatch::Any => "any of",
            PartyMatch::All => "all of",
        };
        for p in &self.parties {
            let label = if self.parties.len() > 1 {
                format!("party ({join}): {p}")
            } else {
                format!("party: {p}")
            };
            chips.push((Chip::Party(*p), label));
        }
        if let Some(p) = self.partner_of {
            chips.push((Chip::PartnerOf, format!("engagements of {p}")));
        }
        for p in &self.partners {
            chips.push((Chip::Partner(*p), format!("partner: {p}")));
        }
        for k in &self.kinds {
            chips.push((
                Chip::Kind(*k),
                format!("kind: {}", k.as_str().replace('_', " ")),
            ));
        }
        for s in &self.statuses {
            chips.push((Chip::Status(*s), format!("status: {s}")));
        }
        for r in &self.reviews {
            chips.push((Chip::Review(*r), format!("review: {}", r.as_str())));
        }
        for t in &self.topics {
            chips.push((Chip::Topic(t.clone()), format!("topic: {t}")));
        }
        match (self.date_from, self.date_to) {
            (None, None) => {}
            (from, to) => {
                let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                chips.push((Chip::Dates, format!("dates: {} to {}", day(from), day(to))));
            }
        }
        if let Some(c) = self.min_confidence {
            chips.push((Chip::Confidence, format!("confidence at least {c:.2}")));
        }
        chips
    }

    /// Removes one criterion.
    pub fn remove(&mut self, chip: &Chip) {
        match chip {
            Chip::Text => self.text.clear(),
            Chip::Party(p) => self.parties.retain(|x| x != p),
            Chip::PartnerOf => {
                self.partner_of = None;
                self.partners.clear();
            }
            Chip::Partner(p) => self.partners.retain(|x| x != p),
            Chip::Kind(k) => self.kinds.retain(|x| x != k),
            Chip::Status(s) => self.statuses.retain(|x| x != s),
            Chip::Review(r) => self.reviews.retain(|x| x != r),
            Chip::Topic(t) => self.topics.retain(|x| x != t),
            Chip::Dates => {
                self.date_from = None;
                self.date_to = None;
            }
            Chip::Confidence => self.min_confidence = None,
        }
    }

    /// Removes every criterion; whether rejected records show and how parties combine stay.
    pub fn clear(&mut self) {
        *self = Filter {
            show_rejected: self.show_rejected,
            party_match: self.party_match,
            ..Filter::default()
        };
    }
}

/// The location of an engagement as shown: "Rawalpindi, PAK".
pub fn location_label(e: &Engagement) -> String {
    match (&e.location.place, e.location.country) {
        (Some(p), Some(c)) => format!("{p}, {c}"),
        (Some(p), None) => p.to_string(),
        (None, Some(c)) => c.to_string(),
        (None, None) => String::new(),
    }
}

/// The title of the first article of an engagement (a scan of the articles: for one record;
/// the table uses [`Index::article_of`]).
pub fn article_title<'d>(dataset: &'d Dataset, e: &Engagement) -> &'d str {
    e.article_ids
        .first()
        .and_then(|id| dataset.article(id))
        .map(|a| a.title.as_deref().unwrap_or(a.file_name()))
        .unwrap_or("")
}

impl Index {
    /// The index in `dataset.articles` of row `row`'s first article.
    pub fn article_of(&self, row: usize) -> Option<usize> {
        self.keys
            .get(row)
            .map(|k| k.article)
            .filter(|&a| a != index::NO_ARTICLE)
            .map(|a| a as usize)
    }

    /// Puts rows that came from [`Index::select`] (in dataset order) in the order of `key`,
    /// then `then`: the whole dataset's order is kept between calls, so a filter change under
    /// the same sort is one pass over it rather than a new sort.
    pub fn sort_selection(
        &mut self,
        dataset: &Dataset,
        rows: &mut Vec<usize>,
        key: SortKey,
        then: Option<SortKey>,
    ) {
        let n = self.keys.len();
        let cached = matches!(&self.sorted, Some((k, t, _)) if *k == key && *t == then);
        if !cached {
            let mut all: Vec<usize> = (0..n).collect();
            self.sort(dataset, &mut all, key, then);
            self.sorted = Some((key, then, all.into_iter().map(|i| i as u32).collect()));
        }
        let Some((_, _, order)) = &self.sorted else {
            return;
        };
        if rows.len() == n {
            rows.clear();
            rows.extend(order.iter().map(|&i| i as usize));
            return;
        }
        let mut keep = vec![false; n];
        for &r in rows.iter() {
            if let Some(k) = keep.get_mut(r) {
                *k = true;
            }
        }
        rows.clear();
        rows.extend(order.iter().map(|&i| i as usize).filter(|&i| keep[i]));
    }

    /// Sorts row indices by `key`, then by `then` (the date ascending when `None`), keeping
    /// the given order among rows that tie on both: a stable sort.
    pub fn sort(
        &mut self,
        dataset: &Dataset,
        rows: &mut [usize],
        key: SortKey,
        then: Option<SortKey>,
    ) {
        let then = then.or(Some(SortKey {
            column: Column::Date,
            ascending: true,
        }));
        let then = then.filter(|t| t.column != key.column);
        let directed = |rank: u32, ascending: bool| if ascending { rank } else { !rank };
        let first: Vec<u32> = {
            let ranks = self.ranks(dataset, key.column);
            rows.iter()
                .map(|&r| directed(ranks.get(r).copied().unwrap_or(0), key.ascending))
                .collect()
        };
        let second: Vec<u32> = match then {
            Some(t) => {
                let ranks = self.ranks(dataset, t.column);
                rows.iter()
                    .map(|&r| directed(ranks.get(r).copied().unwrap_or(0), t.ascending))
                    .collect()
            }
            None => vec![0; rows.len()],
        };
        // (primary, secondary, position): unique keys, so an unstable sort gives the stable order.
        let mut keyed: Vec<(u64, u32, u32)> = (0..rows.len())
            .map(|p| {
                (
                    (u64::from(first[p]) << 32) | u64::from(second[p]),
                    p as u32,
                    rows[p] as u32,
                )
            })
            .collect();
        if keyed.len() > 64 * 1024 {
            use rayon::slice::ParallelSliceMut;
            keyed.par_sort_unstable();
        } else {
            keyed.sort_unstable();
        }
        for (slot, (_, _, row)) in rows.iter_mut().zip(keyed) {
            *slot = row as usize;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engagement(id: &str, parties: &[&str], kind: &str, date: &str, review: &str) -> Engagement {
        serde_json::from_value(serde_json::json!({
            "id": id, "article_ids": [], "parties": parties, "kind": kind, "status": "held",
            "date": {"start": date, "precision": "day"}, "review": review
        }))
        .unwrap()
    }

    fn dataset() -> Dataset {
        Dataset::new(
            vec![],
            vec![
                engagement(
                    "e-1",
                    &["JPN", "PAK"],
                    "agreement",
                    "2019-06-18",
                    "unreviewed",
                ),
                engagement("e-2", &["PAK", "USA"], "dialogue", "2023-02-13", "verified"),
                engagement("e-3", &["LKA", "USA"], "visit", "2021-01-05", "rejected"),
            ],
        )
    }

    fn visible(filter: &Filter) -> Vec<usize> {
        let d = dataset();
        Index::build(&d).select(&d, filter).rows
    }

    fn code(p: &str) -> PartyCode {
        PartyCode::parse(p).unwrap()
    }

    #[test]
    fn text_filter_matches_codes_names_and_all_words() {
        let f = |t: &str| Filter {
            text: t.into(),
            ..Filter::default()
        };
        assert_eq!(visible(&f("")), vec![0, 1]);
        assert_eq!(visible(&f("pak")), vec![0, 1]);
        assert_eq!(visible(&f("japan")), vec![0]);
        assert_eq!(visible(&f("pak dialogue")), vec![1]);
        assert_eq!(visible(&f("nothing-like-this")), Vec::<usize>::new());
        assert_eq!(visible(&f("2019-06")), vec![0], "dates are words too");
        assert_eq!(visible(&f("verified")), vec![1], "and review states");
    }

    #[test]
    fn refining_the_text_gives_what_a_fresh_search_gives() {
        let d = dataset();
        let mut index = Index::build(&d);
        let f = |t: &str| Filter {
            text: t.into(),
            show_rejected: true,
            ..Filter::default()
        };
        assert_eq!(index.select(&d, &f("us")).rows, vec![1, 2]);
        assert_eq!(index.select(&d, &f("usa")).rows, vec![1, 2]);
        assert_eq!(index.select(&d, &f("usa vis")).rows, vec![2]);
        assert_eq!(
            index.select(&d, &f("us")).rows,
            vec![1, 2],
            "widening again"
        );
    }

    #[test]
    fn rejected_rows_are_hidden_unless_asked() {
        let all = Filter {
            show_rejected: true,
            ..Filter::default()
        };
        assert_eq!(visible(&all), vec![0, 1, 2]);
        let only_rejected = Filter {
            reviews: vec![Review::Rejected],
            ..Filter::default()
        };
        assert_eq!(
            visible(&only_rejected),
            vec![2],
            "a ticked review state decides"
        );
    }

    #[test]
    fn parties_any_of_and_all_of() {
        let any = Filter {
            parties: vec![code("JPN"), code("USA")],
            show_rejected: true,
            ..Filter::default()
        };
        assert_eq!(visible(&any), vec![0, 1, 2]);
        let all = Filter {
            party_match: PartyMatch::All,
            parties: vec![code("PAK"), code("USA")],
            show_rejected: true,
            ..Filter::default()
        };
        assert_eq!(visible(&all), vec![1]);
        let unknown = Filter {
            party_match: PartyMatch::All,
            parties: vec![code("PAK"), code("FRA")],
            ..Filter::default()
        };
        assert_eq!(visible(&unknown), Vec::<usize>::new());
    }

    #[test]
    fn facet_counts_leave_out_their_own_criterion_only() {
        let d = dataset();
        let mut index = Index::build(&d);
        let f = Filter {
            parties: vec![code("JPN")],
            show_rejected: true,
            ..Filter::default()
        };
        let s = index.select(&d, &f);
        assert_eq!(s.rows, vec![0]);
        // Party counts ignore the party criterion: every party of every row.
        let parties: Vec<(String, usize)> = s
            .counts
            .parties
            .iter()
            .map(|(p, n)| (p.to_string(), *n))
            .collect();
        assert_eq!(
            parties,
            [("PAK", 2), ("USA", 2), ("JPN", 1), ("LKA", 1)].map(|(p, n)| (p.to_string(), n))
        );
        // Kind counts respect it: only the JPN row.
        let kinds: Vec<(Kind, usize)> = s
            .counts
            .kinds
            .iter()
            .copied()
            .filter(|(_, n)| *n > 0)
            .collect();
        assert_eq!(kinds, vec![(Kind::Agreement, 1)]);

        // All-of counts drill down: rows that also have every ticked party.
        let f = Filter {
            party_match: PartyMatch::All,
            parties: vec![code("PAK")],
            ..Filter::default()
        };
        let s = index.select(&d, &f);
        let usa = s.counts.parties.iter().find(|(p, _)| p.as_str() == "USA");
        assert_eq!(usa.map(|x| x.1), Some(1));
    }

    #[test]
    fn partners_of_a_state_kind_date_and_confidence() {
        let d = dataset();
        let mut index = Index::build(&d);
        let f = Filter {
            partner_of: Some(code("PAK")),
            ..Filter::default()
        };
        let s = index.select(&d, &f);
        assert_eq!(s.rows, vec![0, 1]);
        let partners: Vec<String> = s
            .counts
            .partners
            .iter()
            .map(|(p, _)| p.to_string())
            .collect();
        assert_eq!(partners, ["JPN", "USA"]);
        let f = Filter {
            partners: vec![code("USA")],
            ..f
        };
        assert_eq!(index.select(&d, &f).rows, vec![1]);

        let f = Filter {
            kinds: vec![Kind::Visit, Kind::Dialogue],
            show_rejected: true,
            ..Filter::default()
        };
        assert_eq!(index.select(&d, &f).rows, vec![1, 2]);

        let f = Filter {
            date_from: NaiveDate::from_ymd_opt(2020, 1, 1),
            date_to: NaiveDate::from_ymd_opt(2022, 12, 31),
            show_rejected: true,
            ..Filter::default()
        };
        let s = index.select(&d, &f);
        assert_eq!(s.rows, vec![2]);
        assert_eq!(s.outside_dates, vec![0, 1]);
        assert_eq!(
            s.counts.date_span,
            NaiveDate::from_ymd_opt(2019, 6, 18).zip(NaiveDate::from_ymd_opt(2023, 2, 13))
        );

        let f = Filter {
            min_confidence: Some(0.5),
            ..Filter::default()
        };
        let s = index.select(&d, &f);
        assert!(s.rows.is_empty(), "the test records have confidence 0");
        assert_eq!(s.counts.below_confidence, 2);
    }

    #[test]
    fn chips_name_each_criterion_and_remove_it() {
        let mut f = Filter {
            text: "talks".into(),
            parties: vec![code("PAK"), code("USA")],
            kinds: vec![Kind::Visit],
            date_from: NaiveDate::from_ymd_opt(2020, 1, 1),
            ..Filter::default()
        };
        let labels: Vec<String> = f.chips().into_iter().map(|c| c.1).collect();
        assert_eq!(
            labels,
            [
                "text: talks",
                "party (any of): PAK",
                "party (any of): USA",
                "kind: visit",
                "dates: 2020-01-01 to "
            ]
        );
        f.remove(&Chip::Party(code("PAK")));
        assert_eq!(f.parties, vec![code("USA")]);
        f.clear();
        assert_eq!(f, Filter::default());
    }

    fn sorted(key: SortKey, then: Option<SortKey>) -> Vec<usize> {
        let d = dataset();
        let mut index = Index::build(&d);
        let mut rows = vec![0, 1, 2];
        index.sort(&d, &mut rows, key, then);
        rows
    }

    fn by(column: Column, ascending: bool) -> SortKey {
        SortKey { column, ascending }
    }

    #[test]
    fn sorts_by_column_both_ways_with_date_second() {
        assert_eq!(sorted(by(Column::Date, false), None), vec![1, 2, 0]);
        assert_eq!(sorted(by(Column::Kind, true), None), vec![0, 1, 2]);
        assert_eq!(sorted(by(Column::Parties, true), None), vec![0, 2, 1]);
        // Ties on status: the date decides, ascending by default.
        assert_eq!(sorted(by(Column::Status, true), None), vec![0, 2, 1]);
        assert_eq!(
            sorted(by(Column::Status, true), Some(by(Column::Date, false))),
            vec![1, 2, 0]
        );
    }

    #[test]
    fn lists_sort_as_their_labels_read() {
        let people: [&[&str]; 6] = [
            &["Cho", "Abe"],
            &[],
            &["Abe", "Cho", "Diaz"],
            &["Abe"],
            &["Abe", "Cho"],
            &["Bell"],
        ];
        let parties: [&[&str]; 6] = [
            &["PAK", "USA"],
            &["IND", "PAK", "USA"],
            &["IND", "PAK"],
            &["ASEAN", "CHN", "IND", "JPN"],
            &["CHN", "IND"],
            &["IND", "PAK", "RUS"],
        ];
        let d = Dataset::new(
            vec![],
            (0..6)
                .map(|i| {
                    let mut e =
                        engagement(&format!("e-{i}"), parties[i], "visit", "2020", "unreviewed");
                    e.participants = people[i]
                        .iter()
                        .map(|n| crate::model::Participant {
                            name: (*n).into(),
                            ..Default::default()
                        })
                        .collect();
                    e
                })
                .collect(),
        );
        let mut index = Index::build(&d);
        let order = |index: &mut Index, column| {
            let mut rows: Vec<usize> = (0..6).collect();
            index.sort(&d, &mut rows, by(column, true), None);
            rows
        };
        assert_eq!(order(&mut index, Column::Participants), [1, 3, 4, 2, 5, 0]);
        assert_eq!(order(&mut index, Column::Parties), [3, 4, 2, 5, 1, 0]);
    }

    #[test]
    fn sorting_is_stable_on_full_ties() {
        let d = Dataset::new(
            vec![],
            (0..50)
                .map(|i| {
                    engagement(
                        &format!("e-{i}"),
                        &["PAK", "USA"],
                        "visit",
                        "2020",
                        "unreviewed",
                    )
                })
                .collect(),
        );
        let mut index = Index::build(&d);
        let mut rows: Vec<usize> = (0..50).rev().collect();
        let before = rows.clone();
        index.sort(
            &d,
            &mut rows,
            by(Column::Forum, false),
            Some(by(Column::Kind, true)),
        );
        assert_eq!(rows, before);
    }

    #[test]
    fn timeline_buckets_and_stacks() {
        let d = dataset();
        let index = Index::build(&d);
        let rows = [0, 1, 2];
        let t = index.timeline(&[&rows], Granularity::Year, Stack::Kind, None);
        let labels: Vec<&str> = t.buckets.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["2019", "2020", "2021", "2022", "2023"]);
        assert_eq!(
            (t.total(0), t.total(1), t.total(2), t.total(4)),
            (1, 0, 1, 1)
        );
        let visit = t.series.iter().position(|s| s == "visit").unwrap();
        assert_eq!(t.counts[2][visit], 1);

        let t = index.timeline(
            &[&rows],
            Granularity::Month,
            Stack::Partner,
            Some(code("USA")),
        );
        assert_eq!(t.buckets.first().map(|b| b.label.as_str()), Some("2019-06"));
        assert_eq!(t.buckets.len(), 45);
        assert_eq!(t.series, ["LKA", "PAK", "other"]);
        assert_eq!(t.focus, Some(code("USA")));
        let total: usize = (0..t.buckets.len()).map(|b| t.total(b)).sum();
        assert_eq!(total, 2, "only USA rows, each once");
        assert_eq!(
            t.buckets[0].to,
            NaiveDate::from_ymd_opt(2019, 6, 30).unwrap()
        );
    }

    #[test]
    fn partner_matrix_counts_pairs() {
        let d = dataset();
        let index = Index::build(&d);
        let m = index.partner_matrix(&[0, 1, 2], 3);
        let names: Vec<String> = m.parties.iter().map(|p| p.to_string()).collect();
        assert_eq!(names, ["PAK", "USA", "JPN"]);
        assert_eq!(m.totals, vec![2, 2, 1]);
        assert_eq!(
            (m.get(0, 1), m.get(1, 0), m.get(0, 2), m.get(1, 2)),
            (1, 1, 1, 0)
        );
        assert_eq!(m.max(), 1);
    }

    #[test]
    fn an_edit_updates_keys_and_search() {
        let mut d = dataset();
        let mut index = Index::build(&d);
        let f = Filter {
            text: "fra".into(),
            ..Filter::default()
        };
        assert!(index.select(&d, &f).rows.is_empty());
        d.engagements[0].parties = vec![code("FRA"), code("PAK")];
        index.update_rows(&d, &[0]);
        assert_eq!(index.select(&d, &f).rows, vec![0]);
        d.engagements[0].notes = "Check the venue".into();
        index.update_rows(&d, &[0]);
        let f = Filter {
            text: "venue".into(),
            ..Filter::default()
        };
        assert_eq!(index.select(&d, &f).rows, vec![0]);
    }
}
