//! A fixed slice of the bulk corpus for instruction counts under callgrind:
//!
//!     valgrind --tool=callgrind --toggle-collect='prof::measured_pass' \
//!         target/release/examples/prof [PATH.jsonl.gz]
//!
//! Every fifth article of the corpus (1,200 of the 6,000 bulk articles), after a warm-up on
//! the articles just after them (the lazy DFAs of the rules build their states as text reaches
//! them), so that the count is the steady state's.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use entente::corpus;
use entente::extract::{self, Lexicon};
use entente::model::Article;
use std::path::PathBuf;

/// Which articles warm up (others than the measured ones).
const WARM_OFFSET: usize = 1;

#[inline(never)]
fn measured_pass(lex: &Lexicon, articles: &[&Article]) -> usize {
    articles
        .iter()
        .map(|a| extract::extract_with(lex, a).len())
        .sum()
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("/tmp/news6k.jsonl.gz"), PathBuf::from);
    let (articles, _) = corpus::load_paths(std::slice::from_ref(&path), &mut |_| {});
    let lex = Lexicon::builtin();
    let warm: Vec<&Article> = articles.iter().skip(WARM_OFFSET).step_by(5).collect();
    let _ = measured_pass_warm(lex, &warm);
    // PROF_ALL=1: every article, three times over (for perf, which samples wall-clock).
    let slice: Vec<&Article> = if std::env::var_os("PROF_ALL").is_some() {
        articles.iter().chain(&articles).chain(&articles).collect()
    } else {
        articles.iter().step_by(5).collect()
    };
    let bytes: usize = slice.iter().map(|a| a.text.len()).sum();
    let found = measured_pass(lex, &slice);
    println!(
        "{} articles, {bytes} bytes, {found} engagements",
        slice.len()
    );
}

/// The warm-up, apart so that callgrind does not count it.
#[inline(never)]
fn measured_pass_warm(lex: &Lexicon, articles: &[&Article]) -> usize {
    articles
        .iter()
        .map(|a| extract::extract_with(lex, a).len())
        .sum()
}
