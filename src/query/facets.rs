//! One pass over the row keys: the rows that pass the filter, and for every facet the count of
//! each value among the rows that pass every other criterion (so a ticked value's alternatives
//! still show how many rows they would add).

use super::index::{Index, NO_ARTICLE, NO_DAY, OTHER_TOPIC_BIT, RowKey, day_of, topic_mask};
use super::{Filter, PartyMatch};
use crate::dataset::Dataset;
use crate::model::{Kind, PartyCode, Review, Status, TOPICS};
use chrono::NaiveDate;
use rayon::prelude::*;

const REVIEW: u16 = 1;
const PARTIES: u16 = 1 << 1;
const PARTNER: u16 = 1 << 2;
const KIND: u16 = 1 << 3;
const STATUS: u16 = 1 << 4;
const TOPIC: u16 = 1 << 5;
const DATE: u16 = 1 << 6;
const CONFIDENCE: u16 = 1 << 7;

/// How many rows each value of each facet has, among the rows that pass every criterion but
/// that facet's own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetCounts {
    /// Parties with their counts, most frequent first (zero counts left out). With
    /// [`PartyMatch::All`] the counts are of rows that also have every ticked party.
    pub parties: Vec<(PartyCode, usize)>,
    /// Partners of [`Filter::partner_of`] with their counts, most frequent first.
    pub partners: Vec<(PartyCode, usize)>,
    /// Every kind with its count, in taxonomy order.
    pub kinds: Vec<(Kind, usize)>,
    /// Every status with its count.
    pub statuses: Vec<(Status, usize)>,
    /// Every review state with its count.
    pub reviews: Vec<(Review, usize)>,
    /// Topics of the vocabulary with their counts, most frequent first (zero counts left out);
    /// topics outside the vocabulary are counted under "other".
    pub topics: Vec<(String, usize)>,
    /// First and last day among the rows that pass every criterion but the date range.
    pub date_span: Option<(NaiveDate, NaiveDate)>,
    /// Rows that pass everything but the confidence threshold.
    pub below_confidence: usize,
}

/// What a filter leaves of a dataset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Rows that pass every criterion, in dataset order.
    pub rows: Vec<usize>,
    /// Rows that pass every criterion but the date range, in dataset order (the timeline shows
    /// them beside the selected range, so another period is one click away).
    pub outside_dates: Vec<usize>,
    /// Facet counts.
    pub counts: FacetCounts,
}

/// The filter, turned into lookups on ids.
struct Prepared<'a> {
    text: Option<&'a [bool]>,
    reviews: [bool; 4],
    parties: Option<(Vec<bool>, usize, PartyMatch)>,
    focus: Option<Option<u16>>,
    partners: Option<Vec<bool>>,
    kinds: Option<[bool; 10]>,
    statuses: Option<[bool; 4]>,
    topics: Option<u32>,
    dates: Option<(i32, i32)>,
    min_confidence: Option<f32>,
}

fn ticks<const N: usize, T: Copy + PartialEq>(all: [T; N], chosen: &[T]) -> Option<[bool; N]> {
    (!chosen.is_empty()).then(|| all.map(|v| chosen.contains(&v)))
}

impl Prepared<'_> {
    fn new<'a>(index: &Index, filter: &Filter, text: Option<&'a [bool]>) -> Prepared<'a> {
        let n = index.parties.len();
        let party_set = |codes: &[PartyCode]| {
            let mut set = vec![false; n];
            let mut known = 0;
            for p in codes {
                if let Some(id) = index.party(p) {
                    set[id as usize] = true;
                    known += 1;
                }
            }
            (set, known)
        };
        let parties = (!filter.parties.is_empty()).then(|| {
            let (set, known) = party_set(&filter.parties);
            // "All of" a party nobody has matches nothing.
            let needed = match filter.party_match {
                PartyMatch::All if known < filter.parties.len() => usize::MAX,
                _ => known,
            };
            (set, needed, filter.party_match)
        });
        let reviews = if filter.reviews.is_empty() {
            Review::ALL.map(|r| filter.show_rejected || r != Review::Rejected)
        } else {
            Review::ALL.map(|r| filter.reviews.contains(&r))
        };
        Prepared {
            text,
            reviews,
            parties,
            focus: filter.partner_of.map(|p| index.party(&p)),
            partners: (filter.partner_of.is_some() && !filter.partners.is_empty())
                .then(|| party_set(&filter.partners).0),
            kinds: ticks(Kind::ALL, &filter.kinds),
            statuses: ticks(Status::ALL, &filter.statuses),
            topics: (!filter.topics.is_empty()).then(|| topic_mask(&filter.topics)),
            dates: (filter.date_from.is_some() || filter.date_to.is_some()).then(|| {
                (
                    filter.date_from.map_or(i32::MIN + 1, day_of),
                    filter.date_to.map_or(i32::MAX, day_of),
                )
            }),
            min_confidence: filter.min_confidence,
        }
    }

    /// The criteria row `k` fails, one bit each.
    #[inline]
    fn failed(&self, index: &Index, k: &RowKey) -> u16 {
        let mut fail = 0;
        if !self.reviews[k.review as usize] {
            fail |= REVIEW;
        }
        if let Some((set, needed, how)) = &self.parties {
            let hits = index
                .row_parties(k)
                .iter()
                .filter(|&&p| set[p as usize])
                .count();
            let ok = match how {
                PartyMatch::Any => hits > 0,
                PartyMatch::All => hits >= *needed,
            };
            if !ok {
                fail |= PARTIES;
            }
        }
        if let Some(focus) = self.focus {
            let parties = index.row_parties(k);
            let ok = focus.is_some_and(|f| parties.contains(&f))
                && self
                    .partners
                    .as_ref()
                    .is_none_or(|set| parties.iter().any(|&p| Some(p) != focus && set[p as usize]));
            if !ok {
                fail |= PARTNER;
            }
        }
        if self.kinds.is_some_and(|s| !s[k.kind as usize]) {
            fail |= KIND;
        }
        if self.statuses.is_some_and(|s| !s[k.status as usize]) {
            fail |= STATUS;
        }
        if self.topics.is_some_and(|m| k.topics & m == 0) {
            fail |= TOPIC;
        }
        if let Some((from, to)) = self.dates
            && (k.day == NO_DAY || k.day < from || k.day > to)
        {
            fail |= DATE;
        }
        if self.min_confidence.is_some_and(|m| k.confidence < m) {
            fail |= CONFIDENCE;
        }
        fail
    }
}

/// Counts of one chunk of rows.
struct Tally {
    rows: Vec<usize>,
    outside_dates: Vec<usize>,
    parties: Vec<u32>,
    partners: Vec<u32>,
    kinds: [u32; 10],
    statuses: [u32; 4],
    reviews: [u32; 4],
    topics: [u32; 32],
    first_day: i32,
    last_day: i32,
    below_confidence: u32,
}

impl Tally {
    fn new(parties: usize) -> Tally {
        Tally {
            rows: Vec::new(),
            outside_dates: Vec::new(),
            parties: vec![0; parties],
            partners: vec![0; parties],
            kinds: [0; 10],
            statuses: [0; 4],
            reviews: [0; 4],
            topics: [0; 32],
            first_day: i32::MAX,
            last_day: NO_DAY,
            below_confidence: 0,
        }
    }

    fn merge(mut self, other: Tally) -> Tally {
        self.rows.extend(other.rows);
        self.outside_dates.extend(other.outside_dates);
        for (a, b) in self.parties.iter_mut().zip(other.parties) {
            *a += b;
        }
        for (a, b) in self.partners.iter_mut().zip(other.partners) {
            *a += b;
        }
        for (a, b) in self.kinds.iter_mut().zip(other.kinds) {
            *a += b;
        }
        for (a, b) in self.statuses.iter_mut().zip(other.statuses) {
            *a += b;
        }
        for (a, b) in self.reviews.iter_mut().zip(other.reviews) {
            *a += b;
        }
        for (a, b) in self.topics.iter_mut().zip(other.topics) {
            *a += b;
        }
        self.first_day = self.first_day.min(other.first_day);
        self.last_day = self.last_day.max(other.last_day);
        self.below_confidence += other.below_confidence;
        self
    }
}

fn count_topics(topics: &mut [u32; 32], mask: u32) {
    let mut m = mask;
    while m != 0 {
        let bit = m.trailing_zeros();
        topics[bit as usize] += 1;
        m &= m - 1;
    }
}

const CHUNK: usize = 32 * 1024;

impl Index {
    /// The rows that pass `filter`, and the facet counts around them.
    pub fn select(&mut self, dataset: &Dataset, filter: &Filter) -> Selection {
        let text = self.text_matches(dataset, &filter.text);
        let index: &Index = self;
        let prepared = Prepared::new(index, filter, text.as_deref());
        let all_parties = filter.party_match == PartyMatch::All;
        let n = index.parties.len();
        let tally = index
            .keys
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, keys)| {
                let mut t = Tally::new(n);
                for (j, k) in keys.iter().enumerate() {
                    let i = c * CHUNK + j;
                    if prepared.text.is_some_and(|m| !m[i]) {
                        continue;
                    }
                    let fail = prepared.failed(index, k);
                    if fail & (fail.wrapping_sub(1)) != 0 {
                        continue; // two or more criteria fail: counted nowhere
                    }
                    let all = fail == 0;
                    if all {
                        t.rows.push(i);
                    }
                    let parties = index.row_parties(k);
                    if all || (fail == PARTIES && !all_parties) {
                        for &p in parties {
                            t.parties[p as usize] += 1;
                        }
                    }
                    if (all || fail == PARTNER)
                        && let Some(Some(f)) = prepared.focus
                        && parties.contains(&f)
                    {
                        for &p in parties {
                            if p != f {
                                t.partners[p as usize] += 1;
                            }
                        }
                    }
                    if all || fail == KIND {
                        t.kinds[k.kind as usize] += 1;
                    }
                    if all || fail == STATUS {
                        t.statuses[k.status as usize] += 1;
                    }
                    if all || fail == REVIEW {
                        t.reviews[k.review as usize] += 1;
                    }
                    if all || fail == TOPIC {
                        count_topics(&mut t.topics, k.topics);
                    }
                    if all || fail == DATE {
                        if fail == DATE {
                            t.outside_dates.push(i);
                        }
                        if k.day != NO_DAY {
                            t.first_day = t.first_day.min(k.day);
                            t.last_day = t.last_day.max(k.day);
                        }
                    }
                    if fail == CONFIDENCE {
                        t.below_confidence += 1;
                    }
                }
                t
            })
            .reduce(|| Tally::new(n), Tally::merge);
        Selection {
            rows: tally.rows,
            outside_dates: tally.outside_dates,
            counts: FacetCounts {
                parties: ranked(&index.parties, &tally.parties),
                partners: ranked(&index.parties, &tally.partners),
                kinds: Kind::ALL
                    .iter()
                    .map(|&k| (k, tally.kinds[k as usize] as usize))
                    .collect(),
                statuses: Status::ALL
                    .iter()
                    .map(|&s| (s, tally.statuses[s as usize] as usize))
                    .collect(),
                reviews: Review::ALL
                    .iter()
                    .map(|&r| (r, tally.reviews[r as usize] as usize))
                    .collect(),
                topics: {
                    let mut topics: Vec<(String, usize)> = TOPICS
                        .iter()
                        .enumerate()
                        .map(|(b, t)| (t.to_string(), tally.topics[b] as usize))
                        .chain(std::iter::once((
                            "other".to_string(),
                            tally.topics[OTHER_TOPIC_BIT.trailing_zeros() as usize] as usize,
                        )))
                        .filter(|(_, n)| *n > 0)
                        .collect();
                    topics.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    topics
                },
                date_span: (tally.last_day != NO_DAY)
                    .then(|| {
                        Some((
                            NaiveDate::from_num_days_from_ce_opt(tally.first_day)?,
                            NaiveDate::from_num_days_from_ce_opt(tally.last_day)?,
                        ))
                    })
                    .flatten(),
                below_confidence: tally.below_confidence as usize,
            },
        }
    }

    /// Which rows match every word of a free-text filter; `None` when there is no text.
    /// Refining the text (typing on) only looks again at the rows that matched before.
    fn text_matches(&mut self, dataset: &Dataset, text: &str) -> Option<std::sync::Arc<[bool]>> {
        let needles: Vec<String> = text
            .to_lowercase()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if needles.is_empty() {
            return None;
        }
        if let Some((old, matches)) = &self.text_cache
            && *old == needles
        {
            return Some(matches.clone());
        }
        self.ensure_text(dataset);
        let narrower = self.text_cache.as_ref().and_then(|(old, matches)| {
            old.iter()
                .all(|o| needles.iter().any(|n| n.contains(o.as_str())))
                .then(|| matches.clone())
        });
        let index: &Index = self;
        let party_words = index.party_words();
        let vocab: Vec<NeedleHits> = needles
            .iter()
            .map(|n| NeedleHits::new(index, &party_words, n))
            .collect();
        let finders: Vec<memchr::memmem::Finder<'_>> = needles
            .iter()
            .map(|n| memchr::memmem::Finder::new(n.as_bytes()))
            .collect();
        let matches: Vec<bool> = index
            .keys
            .par_iter()
            .enumerate()
            .map(|(i, k)| {
                if narrower.as_ref().is_some_and(|m| !m[i]) {
                    return false;
                }
                let words = index.text.as_ref().map_or("", |t| t.row(i)).as_bytes();
                vocab
                    .iter()
                    .zip(&finders)
                    .all(|(v, f)| v.hits(index, k) || f.find(words).is_some())
            })
            .collect();
        let matches: std::sync::Arc<[bool]> = matches.into();
        self.text_cache = Some((needles, matches.clone()));
        Some(matches)
    }
}

/// Which coded values a word of the free-text filter matches.
struct NeedleHits {
    parties: Vec<bool>,
    any_party: bool,
    kinds: [bool; 10],
    statuses: [bool; 4],
    reviews: [bool; 4],
    topics: u32,
    articles: Vec<bool>,
}

impl NeedleHits {
    fn new(index: &Index, party_words: &[String], needle: &str) -> NeedleHits {
        let parties: Vec<bool> = party_words.iter().map(|w| w.contains(needle)).collect();
        NeedleHits {
            any_party: parties.contains(&true),
            parties,
            kinds: Kind::ALL.map(|k| k.as_str().contains(needle)),
            statuses: Status::ALL.map(|s| s.as_str().contains(needle)),
            reviews: Review::ALL.map(|r| r.as_str().contains(needle)),
            topics: TOPICS
                .iter()
                .enumerate()
                .filter(|(_, t)| t.contains(needle))
                .fold(0, |m, (b, _)| m | 1 << b),
            articles: index
                .article_titles
                .iter()
                .map(|t| t.contains(needle))
                .collect(),
        }
    }

    #[inline]
    fn hits(&self, index: &Index, k: &RowKey) -> bool {
        self.kinds[k.kind as usize]
            || self.statuses[k.status as usize]
            || self.reviews[k.review as usize]
            || k.topics & self.topics != 0
            || (k.article != NO_ARTICLE && self.articles[k.article as usize])
            || (self.any_party
                && index
                    .row_parties(k)
                    .iter()
                    .any(|&p| self.parties[p as usize]))
    }
}

fn ranked(codes: &[PartyCode], counts: &[u32]) -> Vec<(PartyCode, usize)> {
    let mut out: Vec<(PartyCode, usize)> = codes
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(p, n)| (*p, *n as usize))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}
