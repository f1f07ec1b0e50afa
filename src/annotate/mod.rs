//! The analyst's work as values: edits with their before and after, one undo history for all
//! of them, merging two records, records made from a selection of text, and re-extraction that
//! keeps every record the analyst touched ([`rebase`]).
//!
//! Nothing here knows the window: the app turns clicks into [`Edit`]s and hands them to
//! [`History::apply`]; the command line uses [`rebase`] directly.

mod rebase;

pub use rebase::{RebaseReport, is_analyst_work, rebase};

use crate::dataset::Dataset;
use crate::model::{
    DateSpan, Engagement, Evidence, Extra, Kind, Location, Origin, Participant, PartyCode, Review,
    Status,
};
use std::sync::Arc;

/// The value of one field of an engagement: what an edit sets it to or sets it back to.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// The parties (kept sorted and distinct when applied).
    Parties(Vec<PartyCode>),
    /// The kind of act.
    Kind(Kind),
    /// Held, planned, proposed or cancelled.
    Status(Status),
    /// The short human label.
    Title(Option<Arc<str>>),
    /// The named recurring forum.
    Mechanism(Option<Arc<str>>),
    /// The ordinal of the forum's meeting.
    Round(Option<u32>),
    /// The date with its words and precision.
    Date(DateSpan),
    /// Place and country.
    Location(Location),
    /// The people who took part.
    Participants(Vec<Participant>),
    /// Topics from the TAXONOMY vocabulary.
    Topics(Vec<Arc<str>>),
    /// The analyst's notes.
    Notes(String),
    /// The analyst's free labels.
    Tags(Vec<String>),
    /// The spans of text that support the record.
    Evidence(Vec<Evidence>),
    /// The review state.
    Review(Review),
    /// The confidence, 0..1.
    Confidence(f32),
    /// The articles that report the record.
    ArticleIds(Vec<Arc<str>>),
}

impl FieldValue {
    /// The field's name as in DATASET.md (`parties`, `date`, …).
    pub fn field(&self) -> &'static str {
        match self {
            FieldValue::Parties(_) => "parties",
            FieldValue::Kind(_) => "kind",
            FieldValue::Status(_) => "status",
            FieldValue::Title(_) => "title",
            FieldValue::Mechanism(_) => "mechanism",
            FieldValue::Round(_) => "round",
            FieldValue::Date(_) => "date",
            FieldValue::Location(_) => "location",
            FieldValue::Participants(_) => "participants",
            FieldValue::Topics(_) => "topics",
            FieldValue::Notes(_) => "notes",
            FieldValue::Tags(_) => "tags",
            FieldValue::Evidence(_) => "evidence",
            FieldValue::Review(_) => "review",
            FieldValue::Confidence(_) => "confidence",
            FieldValue::ArticleIds(_) => "article_ids",
        }
    }

    /// The same field's current value in `e`.
    pub fn read_same_field(&self, e: &Engagement) -> FieldValue {
        match self {
            FieldValue::Parties(_) => FieldValue::Parties(e.parties.clone()),
            FieldValue::Kind(_) => FieldValue::Kind(e.kind),
            FieldValue::Status(_) => FieldValue::Status(e.status),
            FieldValue::Title(_) => FieldValue::Title(e.title.clone()),
            FieldValue::Mechanism(_) => FieldValue::Mechanism(e.mechanism.clone()),
            FieldValue::Round(_) => FieldValue::Round(e.round),
            FieldValue::Date(_) => FieldValue::Date(e.date.clone()),
            FieldValue::Location(_) => FieldValue::Location(e.location.clone()),
            FieldValue::Participants(_) => FieldValue::Participants(e.participants.clone()),
            FieldValue::Topics(_) => FieldValue::Topics(e.topics.clone()),
            FieldValue::Notes(_) => FieldValue::Notes(e.notes.clone()),
            FieldValue::Tags(_) => FieldValue::Tags(e.tags.clone()),
            FieldValue::Evidence(_) => FieldValue::Evidence(e.evidence.clone()),
            FieldValue::Review(_) => FieldValue::Review(e.review),
            FieldValue::Confidence(_) => FieldValue::Confidence(e.confidence),
            FieldValue::ArticleIds(_) => FieldValue::ArticleIds(e.article_ids.clone()),
        }
    }

    /// Whether changing this field is a correction of the coding (and so marks the record
    /// `edited`). Notes and tags are the analyst's annotations; review and confidence are the
    /// review itself.
    pub fn is_correction(&self) -> bool {
        !matches!(
            self,
            FieldValue::Notes(_)
                | FieldValue::Tags(_)
                | FieldValue::Review(_)
                | FieldValue::Confidence(_)
        )
    }

    fn write(self, e: &mut Engagement) {
        match self {
            FieldValue::Parties(mut v) => {
                v.sort();
                v.dedup();
                e.parties = v;
            }
            FieldValue::Kind(v) => e.kind = v,
            FieldValue::Status(v) => e.status = v,
            FieldValue::Title(v) => e.title = v,
            FieldValue::Mechanism(v) => e.mechanism = v,
            FieldValue::Round(v) => e.round = v,
            FieldValue::Date(v) => e.date = v,
            FieldValue::Location(v) => e.location = v,
            FieldValue::Participants(v) => e.participants = v,
            FieldValue::Topics(v) => e.topics = v,
            FieldValue::Notes(v) => e.notes = v,
            FieldValue::Tags(v) => e.tags = v,
            FieldValue::Evidence(v) => e.evidence = v,
            FieldValue::Review(v) => e.review = v,
            FieldValue::Confidence(v) => e.confidence = v,
            FieldValue::ArticleIds(v) => e.article_ids = v,
        }
    }
}

/// One field of one record, before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The value it had.
    pub before: FieldValue,
    /// The value it gets.
    pub after: FieldValue,
}

/// A change to the dataset, as a value that can be applied and inverted.
///
/// Records are addressed by index. That is sound because every change goes through one
/// [`History`], which undoes in reverse order, so an index always means what it meant when the
/// edit was made.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set fields of one record.
    Set {
        /// The record's index in `Dataset::engagements`.
        engagement: usize,
        /// What changes, applied in order.
        changes: Vec<FieldChange>,
    },
    /// Put a record in at an index.
    Insert {
        /// Where it goes.
        index: usize,
        /// The record.
        record: Box<Engagement>,
    },
    /// Take out the record at an index.
    Remove {
        /// Where it is.
        index: usize,
        /// The record, as it was (for undo).
        record: Box<Engagement>,
    },
    /// Several edits as one step.
    Batch(Vec<Edit>),
    /// An edit with a name for menus ("merge records").
    Named {
        /// A few words: what the step does.
        name: &'static str,
        /// The step.
        edit: Box<Edit>,
    },
}

/// Which records an applied edit touched, so views can refresh only what they must.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// These records changed in place.
    Records(Vec<usize>),
    /// Records were added or removed: indices after the change point moved.
    Structure,
}

impl Touched {
    fn and(self, other: Touched) -> Touched {
        match (self, other) {
            (Touched::Records(mut a), Touched::Records(b)) => {
                a.extend(b);
                a.sort_unstable();
                a.dedup();
                Touched::Records(a)
            }
            _ => Touched::Structure,
        }
    }
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The index does not name a record.
    #[error("there is no record {0}")]
    NoSuchRecord(usize),
}

impl Edit {
    /// An edit setting one field of record `index`, or `None` when it already has that value.
    ///
    /// A correction (any field but notes, tags, review and confidence) also marks the record
    /// `edited`, unless it is rejected (editing does not bring a rejected record back) or
    /// already edited. Setting review to `verified` also sets confidence to 1.0.
    pub fn set_field(dataset: &Dataset, index: usize, value: FieldValue) -> Option<Edit> {
        let e = dataset.engagements.get(index)?;
        let value = normalised(value);
        let before = value.read_same_field(e);
        if before == value {
            return None;
        }
        let mut changes = Vec::with_capacity(2);
        if value.is_correction() && !matches!(e.review, Review::Rejected | Review::Edited) {
            changes.push(FieldChange {
                before: FieldValue::Review(e.review),
                after: FieldValue::Review(Review::Edited),
            });
        }
        if value == FieldValue::Review(Review::Verified) && e.confidence != 1.0 {
            changes.push(FieldChange {
                before: FieldValue::Confidence(e.confidence),
                after: FieldValue::Confidence(1.0),
            });
        }
        changes.insert(
            0,
            FieldChange {
                before,
                after: value,
            },
        );
        Some(Edit::Set {
            engagement: index,
            changes,
        })
    }

    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Set {
                engagement,
                changes,
            } => Edit::Set {
                engagement: *engagement,
                changes: changes
                    .iter()
                    .rev()
                    .map(|c| FieldChange {
                        before: c.after.clone(),
                        after: c.before.clone(),
                    })
                    .collect(),
            },
            Edit::Insert { index, record } => Edit::Remove {
                index: *index,
                record: record.clone(),
            },
            Edit::Remove { index, record } => Edit::Insert {
                index: *index,
                record: record.clone(),
            },
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
            Edit::Named { name, edit } => Edit::Named {
                name,
                edit: Box::new(edit.inverse()),
            },
        }
    }

    /// Carries the edit out on `dataset`. A failed batch leaves the parts before the failure
    /// applied; [`History::apply`] checks an edit before applying it, so this does not happen.
    pub fn apply_to(&self, dataset: &mut Dataset) -> Result<Touched, EditError> {
        let engagements = &mut dataset.engagements;
        match self {
            Edit::Set {
                engagement,
                changes,
            } => {
                let e = engagements
                    .get_mut(*engagement)
                    .ok_or(EditError::NoSuchRecord(*engagement))?;
                for c in changes {
                    c.after.clone().write(e);
                }
                Ok(Touched::Records(vec![*engagement]))
            }
            Edit::Insert { index, record } => {
                if *index > engagements.len() {
                    return Err(EditError::NoSuchRecord(*index));
                }
                engagements.insert(*index, (**record).clone());
                Ok(Touched::Structure)
            }
            Edit::Remove { index, .. } => {
                if *index >= engagements.len() {
                    return Err(EditError::NoSuchRecord(*index));
                }
                engagements.remove(*index);
                Ok(Touched::Structure)
            }
            Edit::Batch(edits) => {
                let mut touched = Touched::Records(Vec::new());
                for edit in edits {
                    touched = touched.and(edit.apply_to(dataset)?);
                }
                Ok(touched)
            }
            Edit::Named { edit, .. } => edit.apply_to(dataset),
        }
    }

    /// Whether the edit fits `dataset` (every index it names exists when its turn comes).
    fn fits(&self, len: usize) -> Option<usize> {
        match self {
            Edit::Set { engagement, .. } => (*engagement < len).then_some(len),
            Edit::Insert { index, .. } => (*index <= len).then_some(len + 1),
            Edit::Remove { index, .. } => (*index < len).then(|| len - 1),
            Edit::Batch(edits) => edits.iter().try_fold(len, |n, e| e.fits(n)),
            Edit::Named { edit, .. } => edit.fits(len),
        }
    }

    /// A few words for menus: "edit date", "merge records", …
    pub fn describe(&self) -> String {
        match self {
            Edit::Set { changes, .. } => match changes.first().map(|c| &c.after) {
                Some(FieldValue::Review(r)) => format!("mark {}", r.as_str()),
                Some(v) => format!("edit {}", v.field().replace('_', " ")),
                None => "edit".into(),
            },
            Edit::Insert { .. } => "new record".into(),
            Edit::Remove { .. } => "delete record".into(),
            Edit::Batch(edits) => match edits.as_slice() {
                [one] => one.describe(),
                _ => "several changes".into(),
            },
            Edit::Named { name, .. } => (*name).into(),
        }
    }
}

/// Trims text fields and sorts and de-duplicates sets, so that equal meaning compares equal.
fn normalised(value: FieldValue) -> FieldValue {
    let clean = |s: Option<Arc<str>>| {
        s.map(|t| if t.trim() == &*t { t } else { t.trim().into() })
            .filter(|t| !t.is_empty())
    };
    fn set<T: AsRef<str> + PartialEq + for<'a> From<&'a str>>(v: Vec<T>) -> Vec<T> {
        let mut out: Vec<T> = Vec::with_capacity(v.len());
        for t in v {
            let t = T::from(t.as_ref().trim());
            if !t.as_ref().is_empty() && !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }
    match value {
        FieldValue::Parties(mut v) => {
            v.sort();
            v.dedup();
            FieldValue::Parties(v)
        }
        FieldValue::Title(t) => FieldValue::Title(clean(t)),
        FieldValue::Mechanism(t) => FieldValue::Mechanism(clean(t)),
        FieldValue::Tags(v) => FieldValue::Tags(set(v)),
        FieldValue::Topics(v) => FieldValue::Topics(set(v)),
        FieldValue::Location(l) => FieldValue::Location(Location {
            place: clean(l.place),
            country: l.country,
        }),
        FieldValue::Confidence(c) => FieldValue::Confidence(c.clamp(0.0, 1.0)),
        other => other,
    }
}

/// Every change to the dataset, for undo and redo: one history for all edits.
#[derive(Debug, Default)]
pub struct History {
    done: Vec<Edit>,
    undone: Vec<Edit>,
    /// How many edits were done when the dataset was last saved; `None` when that state can
    /// no longer be reached by undo or redo.
    saved_at: Option<usize>,
}

impl History {
    /// An empty history whose starting point counts as saved.
    pub fn new() -> History {
        History {
            done: Vec::new(),
            undone: Vec::new(),
            saved_at: Some(0),
        }
    }

    /// Applies `edit` and remembers it; clears what could be redone.
    pub fn apply(&mut self, dataset: &mut Dataset, edit: Edit) -> Result<Touched, EditError> {
        if edit.fits(dataset.engagements.len()).is_none() {
            return Err(EditError::NoSuchRecord(dataset.engagements.len()));
        }
        let touched = edit.apply_to(dataset)?;
        if self.saved_at.is_some_and(|s| s > self.done.len()) {
            self.saved_at = None;
        }
        self.done.push(edit);
        self.undone.clear();
        Ok(touched)
    }

    /// Undoes the last edit; `None` when there is nothing to undo.
    pub fn undo(&mut self, dataset: &mut Dataset) -> Option<Touched> {
        let edit = self.done.pop()?;
        match edit.inverse().apply_to(dataset) {
            Ok(touched) => {
                self.undone.push(edit);
                Some(touched)
            }
            Err(_) => {
                // The dataset was changed behind the history's back: forget what no longer fits.
                self.clear();
                None
            }
        }
    }

    /// Redoes the last undone edit; `None` when there is nothing to redo.
    pub fn redo(&mut self, dataset: &mut Dataset) -> Option<Touched> {
        let edit = self.undone.pop()?;
        match edit.apply_to(dataset) {
            Ok(touched) => {
                self.done.push(edit);
                Some(touched)
            }
            Err(_) => {
                self.clear();
                None
            }
        }
    }

    /// The edit that Undo would undo.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.done.last()
    }

    /// The edit that Redo would redo.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.undone.last()
    }

    /// Remembers the current state as the saved one.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.done.len());
    }

    /// Whether the dataset is as it was when last saved (or loaded).
    pub fn is_at_saved(&self) -> bool {
        self.saved_at == Some(self.done.len())
    }

    /// Forgets every edit; the current state no longer counts as saved.
    pub fn clear(&mut self) {
        self.done.clear();
        self.undone.clear();
        self.saved_at = None;
    }
}

/// Combines `from` into `into` (the same act reported twice): articles, evidence, notes, tags,
/// topics, parties and participants are joined; fields `into` leaves empty are filled from
/// `from`. The result keeps `into`'s id and counts as `edited`.
pub fn merge(into: &Engagement, from: &Engagement) -> Engagement {
    let mut out = into.clone();
    out.absorb_report(from);
    out.parties.extend(from.parties.iter().copied());
    out.parties.sort();
    out.parties.dedup();
    for t in &from.tags {
        if !out.tags.contains(t) {
            out.tags.push(t.clone());
        }
    }
    match (out.notes.trim().is_empty(), from.notes.trim().is_empty()) {
        (_, true) => {}
        (true, false) => out.notes = from.notes.clone(),
        (false, false) => {
            out.notes = format!("{}\n{}", out.notes.trim_end(), from.notes.trim());
        }
    }
    if out.review != Review::Verified {
        out.review = Review::Edited;
    }
    out
}

/// The edit that merges record `from` into record `into`: `into` gets the combined record and
/// `from` stays in the file as `rejected`, with a note naming the record it went into, so that
/// re-extraction does not bring the duplicate back. `None` when the indices are the same or
/// out of range.
pub fn merge_edit(dataset: &Dataset, into: usize, from: usize) -> Option<Edit> {
    if into == from {
        return None;
    }
    let a = dataset.engagements.get(into)?;
    let b = dataset.engagements.get(from)?;
    let merged = merge(a, b);
    let into_changes = whole_record_changes(a, &merged);
    let note = format!("Merged into {}.", a.id);
    let from_notes = if b.notes.trim().is_empty() {
        note
    } else {
        format!("{}\n{note}", b.notes.trim_end())
    };
    let from_changes = vec![
        FieldChange {
            before: FieldValue::Review(b.review),
            after: FieldValue::Review(Review::Rejected),
        },
        FieldChange {
            before: FieldValue::Notes(b.notes.clone()),
            after: FieldValue::Notes(from_notes),
        },
    ];
    Some(Edit::Named {
        name: "merge records",
        edit: Box::new(Edit::Batch(vec![
            Edit::Set {
                engagement: into,
                changes: into_changes,
            },
            Edit::Set {
                engagement: from,
                changes: from_changes,
            },
        ])),
    })
}

/// The field changes that turn `a` into `b` (same id), for whole-record edits such as a merge.
fn whole_record_changes(a: &Engagement, b: &Engagement) -> Vec<FieldChange> {
    let fields = [
        FieldValue::ArticleIds(b.article_ids.clone()),
        FieldValue::Parties(b.parties.clone()),
        FieldValue::Kind(b.kind),
        FieldValue::Status(b.status),
        FieldValue::Title(b.title.clone()),
        FieldValue::Mechanism(b.mechanism.clone()),
        FieldValue::Round(b.round),
        FieldValue::Date(b.date.clone()),
        FieldValue::Location(b.location.clone()),
        FieldValue::Participants(b.participants.clone()),
        FieldValue::Topics(b.topics.clone()),
        FieldValue::Evidence(b.evidence.clone()),
        FieldValue::Confidence(b.confidence),
        FieldValue::Review(b.review),
        FieldValue::Notes(b.notes.clone()),
        FieldValue::Tags(b.tags.clone()),
    ];
    fields
        .into_iter()
        .filter_map(|after| {
            let before = after.read_same_field(a);
            (before != after).then_some(FieldChange { before, after })
        })
        .collect()
}

/// A byte range of an article's text chosen by the analyst.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSelection {
    /// The article.
    pub article_id: Arc<str>,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl TextSelection {
    /// Checks the range against the article: inside its text, on character boundaries, not
    /// empty, and trimmed of surrounding white space. `None` when nothing is left.
    pub fn checked(dataset: &Dataset, article_id: &str, start: usize, end: usize) -> Option<Self> {
        let text = &dataset.article(article_id)?.text;
        let (start, end) = (start.min(end), start.max(end));
        let chosen = text.get(start..end)?;
        let lead = chosen.len() - chosen.trim_start().len();
        let trail = chosen.len() - chosen.trim_end().len();
        let (start, end) = (start + lead, end - trail);
        (start < end).then(|| TextSelection {
            article_id: article_id.into(),
            start,
            end,
        })
    }

    /// The selection grown to whole words: a drag that starts or ends inside a word takes the
    /// whole word, as an analyst means it.
    pub fn whole_words(mut self, dataset: &Dataset) -> TextSelection {
        let Some(text) = dataset.article(&self.article_id).map(|a| a.text.as_str()) else {
            return self;
        };
        let is_word = |c: char| c.is_alphanumeric();
        while let Some(c) = text[..self.start].chars().next_back()
            && is_word(c)
            && text[self.start..].chars().next().is_some_and(is_word)
        {
            self.start -= c.len_utf8();
        }
        while let Some(c) = text[self.end..].chars().next()
            && is_word(c)
            && text[..self.end].chars().next_back().is_some_and(is_word)
        {
            self.end += c.len_utf8();
        }
        self
    }

    /// As evidence for `field`.
    pub fn as_evidence(&self, field: &str) -> Evidence {
        Evidence {
            article_id: self.article_id.clone(),
            start: self.start,
            end: self.end,
            field: field.into(),
        }
    }
}

/// The fields evidence can support, for pickers.
pub const EVIDENCE_FIELDS: [&str; 10] = [
    "kind",
    "parties",
    "date",
    "status",
    "round",
    "mechanism",
    "title",
    "location",
    "participants",
    "topics",
];

/// A new record made by the analyst from a selection: origin `analyst`, the selection as its
/// evidence, parties guessed from the party names in the selection. Its id is derived from the
/// article and range, made unique within `dataset`.
pub fn analyst_record(dataset: &Dataset, selection: &TextSelection) -> Option<Engagement> {
    let article = dataset.article(&selection.article_id)?;
    let words = article.text.get(selection.start..selection.end)?;
    let mut parties: Vec<PartyCode> = crate::extract::Lexicon::builtin()
        .mentions(words)
        .into_iter()
        .filter_map(|m| m.party)
        .collect();
    parties.sort();
    parties.dedup();
    let key = format!(
        "analyst\u{0}{}\u{0}{}\u{0}{}",
        selection.article_id, selection.start, selection.end
    );
    let stem = format!("e-{}", &crate::model::sha256_hex(key.as_bytes())[..12]);
    let mut id = stem.clone();
    let mut n = 1;
    while dataset.engagements.iter().any(|e| e.id == id) {
        n += 1;
        id = format!("{stem}-{n}");
    }
    Some(Engagement {
        id,
        article_ids: vec![selection.article_id.clone()],
        parties,
        kind: Kind::Other,
        status: Status::Held,
        title: None,
        mechanism: None,
        round: None,
        date: DateSpan::default(),
        location: Location::default(),
        participants: Vec::new(),
        topics: Vec::new(),
        evidence: vec![selection.as_evidence("kind")],
        confidence: 1.0,
        origin: Origin::Analyst,
        review: Review::Edited,
        notes: String::new(),
        tags: Vec::new(),
        extra: Extra::new(),
    })
}

/// The edit that adds `record` just after the last record of its first article (or at the end).
pub fn insert_edit(dataset: &Dataset, record: Engagement) -> Edit {
    let article = record.article_ids.first();
    let index = dataset
        .engagements
        .iter()
        .rposition(|e| e.article_ids.first() == article)
        .map_or(dataset.engagements.len(), |i| i + 1);
    Edit::Insert {
        index,
        record: Box::new(record),
    }
}

#[cfg(test)]
mod tests;
