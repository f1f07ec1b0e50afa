//! The extractor: from an article's text to the engagements it reports, each field with the
//! evidence span and rule that produced it. Pure and deterministic: the same text gives the
//! same records with the same ids.
//!
//! The steps: sentences ([`text`]) → party mentions ([`lexicon`]), dates ([`dates`]) and people
//! ([`people`]) → one candidate per trigger clause ([`candidates`]) → candidates that describe
//! the same act merged ([`pairing`]).

mod candidates;
pub mod dates;
pub mod lexicon;
mod pairing;
pub mod people;
pub mod text;

pub use lexicon::Lexicon;

use crate::model::{Article, Engagement};
use rayon::prelude::*;

/// Extracts the engagements of one article with the built-in dictionaries.
pub fn extract_article(article: &Article) -> Vec<Engagement> {
    extract_with(Lexicon::builtin(), article)
}

/// Extracts the engagements of one article with the given dictionaries.
pub fn extract_with(lex: &Lexicon, article: &Article) -> Vec<Engagement> {
    let analysis = candidates::analyse(lex, article);
    pairing::engagements(lex, article, analysis)
}

/// Extracts every article on all cores; the result is in article order, as if run on one.
pub fn extract_all(articles: &[Article]) -> Vec<Engagement> {
    articles.par_iter().flat_map_iter(extract_article).collect()
}

/// Extracts every article on all cores, calling `progress(done)` now and then; stops early and
/// returns `None` when `cancelled()` turns true.
pub fn extract_all_with_progress(
    articles: &[Article],
    progress: &(dyn Fn(usize) + Sync),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Engagement>> {
    let done = std::sync::atomic::AtomicUsize::new(0);
    let per_article: Vec<Option<Vec<Engagement>>> = articles
        .par_iter()
        .map(|a| {
            if cancelled() {
                return None;
            }
            let out = extract_article(a);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n.is_multiple_of(64) || n == articles.len() {
                progress(n);
            }
            Some(out)
        })
        .collect();
    let mut all = Vec::new();
    for part in per_article {
        all.extend(part?);
    }
    Some(all)
}
