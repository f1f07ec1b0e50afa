//! Re-extraction that keeps the analyst: a fresh machine extraction laid over an annotated
//! dataset.

use crate::dataset::Dataset;
use crate::model::{Engagement, Origin, Review};
use std::collections::{HashMap, HashSet};

/// What [`rebase`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RebaseReport {
    /// Machine records that are new (their id was not in the base).
    pub added: usize,
    /// Unreviewed machine records of the base that the fresh extraction no longer finds.
    pub removed: usize,
    /// Records of the analyst (verified, edited, rejected, made by hand or annotated) kept as
    /// they were.
    pub kept: usize,
    /// Unreviewed machine records replaced by the fresh extraction's version of the same id.
    pub refreshed: usize,
    /// Articles of the fresh extraction that the base did not have.
    pub articles_added: usize,
}

impl std::fmt::Display for RebaseReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} added, {} removed, {} of the analyst's kept, {} refreshed",
            self.added, self.removed, self.kept, self.refreshed
        )
    }
}

/// Whether a record carries the analyst's work, which re-extraction must never overwrite: it
/// was reviewed (verified, edited, rejected), made by hand, or has notes or tags.
pub fn is_analyst_work(e: &Engagement) -> bool {
    e.review != Review::Unreviewed
        || e.origin == Origin::Analyst
        || !e.notes.trim().is_empty()
        || !e.tags.is_empty()
}

/// Lays a fresh extraction over an annotated `base`. Every record of the analyst stays exactly
/// as the analyst left it; unreviewed machine records are replaced by the fresh version with
/// the same id (ids are stable across re-extraction of the same text) or dropped when no
/// longer found; fresh records with new ids are added after the base's records. Articles are
/// the base's, then any new ones of the fresh extraction.
pub fn rebase(base: &Dataset, fresh: Dataset) -> (Dataset, RebaseReport) {
    let mut report = RebaseReport::default();
    let Dataset {
        articles: fresh_articles,
        engagements: fresh_engagements,
        ..
    } = fresh;

    let base_ids: HashSet<&str> = base.engagements.iter().map(|e| e.id.as_str()).collect();
    let mut fresh_by_id: HashMap<String, Engagement> = HashMap::new();
    let mut new_records = Vec::new();
    for e in fresh_engagements {
        if base_ids.contains(e.id.as_str()) {
            fresh_by_id.insert(e.id.clone(), e);
        } else if !new_records.iter().any(|n: &Engagement| n.id == e.id) {
            new_records.push(e);
        }
    }

    let mut engagements = Vec::with_capacity(base.engagements.len() + new_records.len());
    for e in &base.engagements {
        if is_analyst_work(e) {
            report.kept += 1;
            engagements.push(e.clone());
        } else if let Some(f) = fresh_by_id.remove(&e.id) {
            if f != *e {
                report.refreshed += 1;
            }
            engagements.push(f);
        } else {
            report.removed += 1;
        }
    }
    report.added = new_records.len();
    engagements.extend(new_records);

    let mut articles = base.articles.clone();
    let known: HashSet<String> = articles.iter().map(|a| a.id.clone()).collect();
    for a in fresh_articles {
        if !known.contains(&a.id) {
            report.articles_added += 1;
            articles.push(a);
        }
    }

    let dataset = Dataset {
        generator: base.generator.clone(),
        articles,
        engagements,
        extra: base.extra.clone(),
        stale_articles: base.stale_articles.clone(),
    };
    (dataset, report)
}
