//! Extraction throughput over the bulk news corpus, on one core and on all cores, at 10% and
//! at 100% of the corpus (cost should grow linearly). Also counts engagements that come from
//! articles naming fewer than two parties (there should be none).
//!
//!     cargo bench --bench extract [-- PATH.jsonl.gz]
//!
//! Reads ../shared/corpus/news.jsonl.gz by default; says so and exits when it is absent.

/// The allocator the `entente` binary uses, so the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use entente::corpus;
use entente::extract::{self, Lexicon};
use entente::model::Article;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

/// CPU time this thread has used, from `/proc/thread-self/stat` (user + system, in clock
/// ticks of 1/100 s): on a machine shared with other work it measures the extractor alone.
fn thread_cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(") ")
        .map_or(vec![], |(_, rest)| rest.split(' ').collect());
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    match (ticks(11), ticks(12)) {
        (Some(user), Some(system)) => (user + system) / 100.0,
        _ => f64::NAN,
    }
}

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/news.jsonl.gz"));
    if !path.exists() {
        println!("skipped: {} is not here", path.display());
        return;
    }
    let t = Instant::now();
    let (articles, report) = corpus::load_paths(std::slice::from_ref(&path), &mut |_| {});
    let read_secs = t.elapsed().as_secs_f64();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "corpus: {} articles, {:.1} MB of text, read and decoded in {:.2} s ({} problems)",
        articles.len(),
        bytes as f64 / 1e6,
        read_secs,
        report.issues.len()
    );
    // One-time start-up, reported apart so the two figures below compare like with like: the
    // dictionaries are compiled, and each rule's regular expression is compiled on first use
    // and builds its lazy DFA states as text reaches them.
    let t = Instant::now();
    let _ = Lexicon::builtin();
    let warm = &articles[articles.len() - articles.len() / 50..];
    let _: usize = warm.iter().map(|a| extract::extract_article(a).len()).sum();
    println!(
        "start-up: dictionaries and rules compiled, and warmed on the last 2% of the corpus, in {:.2} s",
        t.elapsed().as_secs_f64()
    );

    let tenth = &articles[..articles.len() / 10];
    for (label, part) in [("10%", tenth), ("100%", &articles[..])] {
        let mb = part.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
        let t = Instant::now();
        let cpu = thread_cpu_secs();
        let one: usize = part.iter().map(|a| extract::extract_article(a).len()).sum();
        let one_secs = t.elapsed().as_secs_f64();
        let one_cpu = thread_cpu_secs() - cpu;
        let t = Instant::now();
        let all = extract::extract_all(part).len();
        let all_secs = t.elapsed().as_secs_f64();
        // All cores also merge the reports of one act in several articles into one record.
        assert!(
            all <= one && all > 0,
            "{all} records from all cores, {one} from one"
        );
        println!(
            "{label:>5}: {mb:7.1} MB  one core {:7.1} MB/s ({one_secs:6.2} s; {:.1} MB per CPU second)  all {} cores {:7.1} MB/s ({all_secs:6.2} s)  {one} engagements, {all} once reports of one act are merged",
            mb / one_secs,
            mb / one_cpu,
            rayon::current_num_threads(),
            mb / all_secs,
        );
    }

    // Precision on ordinary news: engagements from articles that name fewer than two parties.
    let lex = Lexicon::builtin();
    let per_article: Vec<(usize, usize)> = articles
        .par_iter()
        .map(|a: &Article| {
            let parties: BTreeSet<_> = lex
                .mentions(a.body_text())
                .into_iter()
                .filter_map(|m| m.party)
                .collect();
            (parties.len(), extract::extract_article(a).len())
        })
        .collect();
    let lonely: usize = per_article
        .iter()
        .filter(|(p, _)| *p < 2)
        .map(|(_, n)| n)
        .sum();
    let with_any = per_article.iter().filter(|(_, n)| *n > 0).count();
    println!(
        "engagements from articles naming fewer than two parties: {lonely}; articles with at least one engagement: {with_any} of {}",
        articles.len()
    );
}
