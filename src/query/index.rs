//! Compact per-row keys, built once when the data changes, so that filtering, counting and
//! sorting a million rows never touch the engagements themselves.

use super::Column;
use crate::dataset::Dataset;
use crate::model::{Engagement, PartyCode, TOPICS};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// `RowKey::day` of a row whose date is unknown.
pub(crate) const NO_DAY: i32 = i32::MIN;
/// `RowKey::article` of a row that names no known article.
pub(crate) const NO_ARTICLE: u32 = u32::MAX;
/// The topic bit for topics outside the vocabulary.
pub(crate) const OTHER_TOPIC_BIT: u32 = 1 << 31;

/// What the filter, the facet counts, the views and the sort need of one engagement.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowKey {
    /// Days since 1 January of year 1 (CE) of the first day of the date, or [`NO_DAY`].
    pub day: i32,
    /// `year * 12 + month - 1` of that day (meaningless without a day).
    pub month: i32,
    /// Where the row's party ids start in [`Index::arena`].
    pub parties_at: u32,
    /// How many party ids the row has.
    pub parties_len: u32,
    /// One bit per topic of [`TOPICS`], bit 31 for any other topic.
    pub topics: u32,
    /// Extractor confidence.
    pub confidence: f32,
    /// Index of the first article in the dataset, or [`NO_ARTICLE`].
    pub article: u32,
    /// `Kind as u8`.
    pub kind: u8,
    /// `Status as u8`.
    pub status: u8,
    /// `Review as u8`.
    pub review: u8,
}

/// The lower-cased words of each row that are not coded values (dates, forum, title, place,
/// people, notes, tags, round), built only when a free-text filter first needs them.
#[derive(Debug, Default)]
pub(crate) struct TextIndex {
    text: String,
    spans: Vec<(u32, u32)>,
}

impl TextIndex {
    pub(crate) fn row(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|&(s, e)| self.text.get(s as usize..e as usize))
            .unwrap_or("")
    }

    fn set_row(&mut self, i: usize, words: &str) {
        let start = self.text.len() as u32;
        self.text.push_str(words);
        if let Some(span) = self.spans.get_mut(i) {
            *span = (start, self.text.len() as u32);
        }
    }

    /// Bytes held.
    fn bytes(&self) -> usize {
        self.text.capacity() + self.spans.capacity() * 8
    }
}

/// The words of one row that a free-text filter looks at besides its coded values.
pub(crate) fn row_words(e: &Engagement) -> String {
    let mut s = String::with_capacity(96);
    push_row_words(e, &mut s);
    s
}

/// Appends the lower-cased words of one row to `out`, each field ended by U+001F, without a
/// string of its own per field: a million rows are written in one go.
fn push_row_words(e: &Engagement, out: &mut String) {
    use std::fmt::Write;
    /// Ends a field that was written from `from`, if anything was.
    fn field(out: &mut String, from: usize) {
        if out.len() > from {
            out.push('\u{1f}');
        }
    }
    let start = out.len();
    let at = out.len();
    match (e.date.start, e.date.end) {
        (Some(s), Some(t)) => {
            let _ = write!(out, "{s} – {t}");
        }
        (Some(s), None) => {
            let _ = write!(out, "{s}");
        }
        _ => out.push_str(e.date.text.as_deref().unwrap_or("")),
    }
    field(out, at);
    let at = out.len();
    for (n, p) in e.parties.iter().enumerate() {
        if n > 0 {
            out.push('–');
        }
        out.push_str(p.as_str());
    }
    field(out, at);
    for text in [e.label(), e.title.as_deref().unwrap_or("")] {
        out.push_str(text);
        if !text.is_empty() {
            out.push('\u{1f}');
        }
    }
    let at = out.len();
    match (e.location.place.as_deref(), e.location.country) {
        (Some(p), Some(c)) => {
            let _ = write!(out, "{p}, {c}");
        }
        (Some(p), None) => out.push_str(p),
        (None, Some(c)) => out.push_str(c.as_str()),
        (None, None) => {}
    }
    field(out, at);
    let at = out.len();
    for (n, p) in e.participants.iter().enumerate() {
        if n > 0 {
            out.push_str("; ");
        }
        out.push_str(&p.name);
    }
    field(out, at);
    out.push_str(&e.notes);
    field(out, out.len() - e.notes.len());
    let at = out.len();
    for (n, t) in e.tags.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(t);
    }
    field(out, at);
    if let Some(r) = e.round {
        let _ = write!(out, "round {r}");
    }
    if out[start..].is_ascii() {
        out[start..].make_ascii_lowercase();
    } else {
        let lower = out[start..].to_lowercase();
        out.truncate(start);
        out.push_str(&lower);
    }
}

/// Compact keys of every engagement of a dataset, and the vocabularies they point into.
/// Built by [`Index::build`] when the data is replaced, patched by [`Index::update_rows`]
/// after an edit.
#[derive(Debug, Default)]
pub struct Index {
    /// Party id to code, in order of first appearance.
    pub(crate) parties: Vec<PartyCode>,
    party_ids: HashMap<PartyCode, u16>,
    /// Party id + 1 of each three-letter code, by `(A..Z)^3` position; 0 when unseen.
    state_ids: Vec<u16>,
    /// Party ids of every row, pointed into by `RowKey::parties_at`.
    pub(crate) arena: Vec<u16>,
    pub(crate) keys: Vec<RowKey>,
    /// Lower-cased title of every article, by article index.
    pub(crate) article_titles: Vec<String>,
    article_ids: HashMap<String, u32>,
    pub(crate) text: Option<TextIndex>,
    ranks: HashMap<Column, Vec<u32>>,
    /// The words of the last free-text filter and which rows matched them.
    pub(crate) text_cache: Option<(Vec<String>, std::sync::Arc<[bool]>)>,
    /// Every row in the order of the last sort keys asked for.
    pub(crate) sorted: Option<(super::SortKey, Option<super::SortKey>, Vec<u32>)>,
}

/// The position of a three-letter state code in a table of all of them.
fn state_slot(p: &PartyCode) -> Option<usize> {
    match p.as_str().as_bytes() {
        &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => {
            Some(usize::from(a - b'A') * 676 + usize::from(b - b'A') * 26 + usize::from(c - b'A'))
        }
        _ => None,
    }
}

fn topic_bit(topic: &str) -> u32 {
    match TOPICS.iter().position(|t| *t == topic) {
        Some(i) => 1 << i,
        None => OTHER_TOPIC_BIT,
    }
}

/// The bit of a topic in the row keys (topics outside the vocabulary share one bit).
pub fn topic_mask(topics: impl IntoIterator<Item = impl AsRef<str>>) -> u32 {
    topics.into_iter().fold(0, |m, t| m | topic_bit(t.as_ref()))
}

impl Index {
    /// Builds the keys of every engagement.
    pub fn build(dataset: &Dataset) -> Index {
        let mut index = Index {
            keys: Vec::with_capacity(dataset.engagements.len()),
            arena: Vec::with_capacity(dataset.engagements.len() * 2),
            ..Index::default()
        };
        for (i, a) in dataset.articles.iter().enumerate() {
            index.article_ids.insert(a.id.clone(), i as u32);
            let title = a.title.as_deref().unwrap_or(a.file_name());
            index.article_titles.push(title.to_lowercase());
        }
        let mut last_article: Option<(&str, u32)> = None;
        for e in &dataset.engagements {
            // Records of one article usually follow each other: look its id up once.
            let article = match (e.article_ids.first(), last_article) {
                (Some(id), Some((last, a))) if **id == *last => a,
                (Some(id), _) => {
                    let a = index.article_ids.get(&**id).copied().unwrap_or(NO_ARTICLE);
                    last_article = Some((id, a));
                    a
                }
                (None, _) => NO_ARTICLE,
            };
            let key = index.key_with_article(e, article);
            index.keys.push(key);
        }
        index
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Bytes held by the index (keys, vocabularies, text and sort keys), roughly.
    pub fn bytes(&self) -> usize {
        self.keys.capacity() * std::mem::size_of::<RowKey>()
            + self.arena.capacity() * 2
            + self.text.as_ref().map_or(0, TextIndex::bytes)
            + self.ranks.values().map(|r| r.capacity() * 4).sum::<usize>()
            + self
                .article_titles
                .iter()
                .map(String::capacity)
                .sum::<usize>()
    }

    /// The id of a party, added to the vocabulary when new.
    fn party_id(&mut self, p: PartyCode) -> u16 {
        let slot = state_slot(&p);
        if let Some(&id) = slot
            .and_then(|s| self.state_ids.get(s))
            .filter(|&&id| id > 0)
        {
            return id - 1;
        }
        if let Some(&id) = self.party_ids.get(&p) {
            return id;
        }
        let id = self.parties.len() as u16;
        self.parties.push(p);
        self.party_ids.insert(p, id);
        if let Some(s) = slot {
            if self.state_ids.is_empty() {
                self.state_ids = vec![0; 26 * 26 * 26];
            }
            self.state_ids[s] = id + 1;
        }
        id
    }

    /// The lower-cased code and name of every party, for the free-text filter.
    pub(crate) fn party_words(&self) -> Vec<String> {
        let names = &crate::extract::Lexicon::builtin().names;
        self.parties
            .iter()
            .map(|p| {
                let name = names.get(p).map(String::as_str).unwrap_or("");
                format!("{}\u{1f}{}", p.as_str(), name).to_lowercase()
            })
            .collect()
    }

    /// The id of a known party.
    pub(crate) fn party(&self, p: &PartyCode) -> Option<u16> {
        self.party_ids.get(p).copied()
    }

    /// The party ids of row `i`.
    pub(crate) fn row_parties(&self, k: &RowKey) -> &[u16] {
        let at = k.parties_at as usize;
        self.arena
            .get(at..at + k.parties_len as usize)
            .unwrap_or(&[])
    }

    fn key_of(&mut self, e: &Engagement) -> RowKey {
        let article = e
            .article_ids
            .first()
            .and_then(|id| self.article_ids.get(&**id))
            .copied()
            .unwrap_or(NO_ARTICLE);
        self.key_with_article(e, article)
    }

    fn key_with_article(&mut self, e: &Engagement, article: u32) -> RowKey {
        let parties_at = self.arena.len() as u32;
        for &p in &e.parties {
            let id = self.party_id(p);
            self.arena.push(id);
        }
        let first_day = e.date.start.and_then(|d| d.first_day());
        RowKey {
            day: first_day.map_or(NO_DAY, |d| d.num_days_from_ce()),
            month: first_day.map_or(0, |d| d.year() * 12 + d.month0() as i32),
            parties_at,
            parties_len: e.parties.len() as u32,
            topics: topic_mask(&e.topics),
            confidence: e.confidence,
            article,
            kind: e.kind as u8,
            status: e.status as u8,
            review: e.review as u8,
        }
    }

    /// Brings the keys of some rows up to date after they were edited in place.
    pub fn update_rows(&mut self, dataset: &Dataset, rows: &[usize]) {
        for &i in rows {
            let Some(e) = dataset.engagements.get(i) else {
                continue;
            };
            let key = self.key_of(e);
            if let Some(k) = self.keys.get_mut(i) {
                *k = key;
            }
            if let Some(text) = &mut self.text {
                text.set_row(i, &row_words(e));
            }
        }
        self.ranks.clear();
        self.text_cache = None;
        self.sorted = None;
    }

    /// Builds the free-text index if it is not there yet.
    pub(crate) fn ensure_text(&mut self, dataset: &Dataset) {
        if self.text.is_some() {
            return;
        }
        use rayon::prelude::*;
        let parts: Vec<(String, Vec<(u32, u32)>)> = dataset
            .engagements
            .par_chunks(16 * 1024)
            .map(|chunk| {
                let mut text = String::with_capacity(chunk.len() * 64);
                let mut spans = Vec::with_capacity(chunk.len());
                for e in chunk {
                    let start = text.len() as u32;
                    push_row_words(e, &mut text);
                    spans.push((start, text.len() as u32));
                }
                (text, spans)
            })
            .collect();
        let total: usize = parts.iter().map(|(t, _)| t.len()).sum();
        let mut index = TextIndex {
            text: String::with_capacity(total),
            spans: Vec::with_capacity(dataset.engagements.len()),
        };
        for (text, spans) in parts {
            let base = index.text.len() as u32;
            index.text.push_str(&text);
            index
                .spans
                .extend(spans.into_iter().map(|(s, e)| (s + base, e + base)));
        }
        self.text = Some(index);
    }

    /// The sort key of every row for `column`: rows compare as their keys compare.
    pub(crate) fn ranks(&mut self, dataset: &Dataset, column: Column) -> &[u32] {
        if !self.ranks.contains_key(&column) {
            let ranks = self.build_ranks(dataset, column);
            self.ranks.insert(column, ranks);
        }
        self.ranks.get(&column).map(Vec::as_slice).unwrap_or(&[])
    }

    fn build_ranks(&self, dataset: &Dataset, column: Column) -> Vec<u32> {
        let es = &dataset.engagements;
        match column {
            Column::Date => self
                .keys
                .iter()
                .map(|k| (i64::from(k.day) - i64::from(i32::MIN)) as u32)
                .collect(),
            Column::Kind => self.keys.iter().map(|k| u32::from(k.kind)).collect(),
            Column::Status => self.keys.iter().map(|k| u32::from(k.status)).collect(),
            Column::Review => self.keys.iter().map(|k| u32::from(k.review)).collect(),
            Column::Confidence => self
                .keys
                .iter()
                .map(|k| {
                    // The order of f32::total_cmp, as an unsigned integer.
                    let bits = k.confidence.to_bits();
                    if bits >> 31 == 1 {
                        !bits
                    } else {
                        bits | 1 << 31
                    }
                })
                .collect(),
            Column::Round => es
                .iter()
                .map(|e| e.round.map_or(0, |r| r.saturating_add(1)))
                .collect(),
            Column::Parties => {
                // Codes ranked once; a row is then its first four codes' ranks in a number.
                let mut order: Vec<usize> = (0..self.parties.len()).collect();
                order.sort_unstable_by_key(|&i| self.parties[i]);
                let mut code_rank = vec![0u64; self.parties.len()];
                for (rank, i) in order.into_iter().enumerate() {
                    code_rank[i] = rank as u64 + 1;
                }
                // The row's ids are in the record's order, which is the codes' order.
                let rows = self.keys.iter().map(|k| {
                    let ids = self.row_parties(k);
                    ids.iter().map(|&id| code_rank[usize::from(id)])
                });
                list_ranks(rows, self.parties.len() as u64)
            }
            // Distinct labels are few; lower-case those, not every row's.
            Column::Forum => ranks_by(es.iter().map(|e| ByAddress(e.label())), |l| {
                l.0.to_lowercase()
            }),
            Column::Location => ranks_by(
                es.iter().map(|e| {
                    (
                        e.location.place.as_deref().map(ByAddress),
                        e.location.country,
                    )
                }),
                |(place, country)| location_text((place.map(|p| p.0), *country)),
            ),
            // Names ranked once; a row is then its first names' ranks in a number (two or
            // three of them: as far as anyone reads a list of people). Reading each row's people is
            // most of the work, so that runs on every core.
            Column::Participants => {
                use rayon::prelude::*;
                let firsts: Vec<[Option<ByAddress>; 3]> = es
                    .par_iter()
                    .map(|e| {
                        let mut names = [None; 3];
                        for (slot, p) in names.iter_mut().zip(&e.participants) {
                            *slot = Some(ByAddress(&p.name));
                        }
                        names
                    })
                    .collect();
                let name_rank = ranks_by(firsts.iter().flatten().flatten().copied(), |n| n.0);
                let largest = name_rank.iter().max().map_or(0, |&r| u64::from(r) + 1);
                let name_rank = &name_rank;
                let mut at = 0;
                let rows = firsts.iter().map(move |names| {
                    let n = names.iter().flatten().count();
                    let ranks = &name_rank[at..at + n];
                    at += n;
                    ranks.iter().map(|&r| u64::from(r) + 1)
                });
                list_ranks(rows, largest)
            }
            Column::Article => {
                let titles = dataset
                    .articles
                    .iter()
                    .map(|a| a.title.as_deref().unwrap_or(a.file_name()));
                let by_article = ranks_by(titles.map(ByAddress), |t| t.0);
                // Rows without an article sort first, as an empty title would.
                self.keys
                    .iter()
                    .map(|k| by_article.get(k.article as usize).map_or(0, |r| r + 1))
                    .collect()
            }
        }
    }
}

fn location_text((place, country): (Option<&str>, Option<PartyCode>)) -> String {
    match (place, country) {
        (Some(p), Some(c)) => format!("{p}, {c}"),
        (Some(p), None) => p.to_string(),
        (None, Some(c)) => c.to_string(),
        (None, None) => String::new(),
    }
}

/// Ranks of rows that are lists of values (each 1..=`largest`), in the order of the lists
/// read as sequences. When two or more values fit in 32 bits, the packed number is the rank
/// itself (ties beyond them are left to the second sort key); else the packed 64-bit
/// numbers are ranked densely, which costs a sort.
fn list_ranks<L: Iterator<Item = u64>>(lists: impl Iterator<Item = L>, largest: u64) -> Vec<u32> {
    let bits = (64 - largest.leading_zeros()).max(1);
    if 32 / bits >= 2 {
        lists.map(|l| packed(l, bits, 32) as u32).collect()
    } else {
        dense_ranks(lists.map(|l| packed(l, bits.min(32), 64)))
    }
}

/// The first values of `values` (each above 0 and below `1 << bits`) in a number of `width`
/// bits that compares as the sequences compare, a shorter sequence before its continuations.
fn packed(values: impl Iterator<Item = u64>, bits: u32, width: u32) -> u64 {
    let slots = width / bits;
    let max = (1u64 << bits) - 1;
    let mut key = 0u64;
    let mut used = 0;
    for v in values.take(slots as usize) {
        key = key << bits | v.min(max);
        used += 1;
    }
    key << (bits * (slots - used))
}

/// Dense ranks of numeric keys, by one parallel sort.
fn dense_ranks(keys: impl Iterator<Item = u64>) -> Vec<u32> {
    use rayon::slice::ParallelSliceMut;
    let mut pairs: Vec<(u64, u32)> = keys.enumerate().map(|(i, k)| (k, i as u32)).collect();
    pairs.par_sort_unstable();
    let mut ranks = vec![0u32; pairs.len()];
    let mut rank = 0u32;
    for (n, &(key, row)) in pairs.iter().enumerate() {
        if n > 0 && pairs[n - 1].0 != key {
            rank += 1;
        }
        ranks[row as usize] = rank;
    }
    ranks
}

/// A hasher for addresses and small coded values: one multiply per word, where the default
/// hasher's resistance to chosen collisions buys nothing.
#[derive(Default)]
struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A string that hashes and compares by where it lies. The dataset's repeated strings are
/// shared, so the same value mostly lies in one place, and an address hashes faster than
/// text. Equal text in two places only costs a second entry: ranks come from comparing
/// the text.
#[derive(Clone, Copy)]
struct ByAddress<'a>(&'a str);

impl PartialEq for ByAddress<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for ByAddress<'_> {}

impl std::hash::Hash for ByAddress<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.0.as_ptr() as usize, self.0.len()).hash(state);
    }
}

/// Dense ranks of values by `key`: rows with equal keys get equal ranks, and ranks compare as
/// the keys do. Values are made distinct first, so `key` runs once per distinct value.
///
/// Values hash with [`AddressHasher`], so they must be addresses ([`ByAddress`]) or coded
/// values, never text a file could choose to collide.
fn ranks_by<T: std::hash::Hash + Eq, K: Ord>(
    values: impl Iterator<Item = T>,
    key: impl Fn(&T) -> K,
) -> Vec<u32> {
    let mut ids: HashMap<T, u32, std::hash::BuildHasherDefault<AddressHasher>> = HashMap::default();
    let mut of_row = Vec::new();
    for v in values {
        let next = ids.len() as u32;
        of_row.push(*ids.entry(v).or_insert(next));
    }
    let mut uniques: Vec<(K, u32)> = ids.into_iter().map(|(v, id)| (key(&v), id)).collect();
    uniques.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut rank_of_id = vec![0u32; uniques.len()];
    let mut rank = 0u32;
    for k in 0..uniques.len() {
        if k > 0 && uniques[k - 1].0 != uniques[k].0 {
            rank += 1;
        }
        rank_of_id[uniques[k].1 as usize] = rank;
    }
    for r in &mut of_row {
        *r = rank_of_id[*r as usize];
    }
    of_row
}

/// Day number of a date, as in the row keys.
pub(crate) fn day_of(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}
