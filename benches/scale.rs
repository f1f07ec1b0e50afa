//! The table at a million rows: open a synthetic dataset file, apply filter changes, sort,
//! search and draw the views, and the peak memory of it all.
//!
//!     cargo bench --bench scale [-- ENGAGEMENTS]
//!
//! Targets (issue 5): a filter change ≤ 16 ms (median), a sort ≤ 100 ms, opening ≤ 3 s,
//! peak memory ≤ 1.5 GB.

/// The allocator the `entente` binary uses, so the figures are the window's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use entente::dataset::Dataset;
use entente::model::{Kind, PartyCode, Review};
use entente::query::{Column, Filter, Granularity, Index, PartyMatch, SortKey, Stack};
use std::time::{Duration, Instant};

fn peak_rss_mb() -> f64 {
    status_mb("VmHWM:")
}

fn rss_mb() -> f64 {
    status_mb("VmRSS:")
}

/// A memory figure of `/proc/self/status`, in MB.
fn status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
}

fn code(p: &str) -> PartyCode {
    PartyCode::parse(p).expect("a party code")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "--open") {
        let path = args.get(at + 1).expect("--open takes a dataset file");
        return explore(std::path::Path::new(path));
    }
    let n: usize = args
        .iter()
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("scale.entente.json");

    let t = Instant::now();
    let synthetic = entente::synth::dataset(n, 42);
    let made = t.elapsed();
    let t = Instant::now();
    synthetic.save(&path).expect("saved");
    let saved = t.elapsed();
    drop(synthetic);
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "synthetic: {n} engagements made in {:.2} s, saved in {:.2} s ({:.0} MB); peak {:.0} MB",
        made.as_secs_f64(),
        saved.as_secs_f64(),
        bytes as f64 / 1e6,
        peak_rss_mb()
    );

    // The window's work runs in a fresh process, as when an analyst opens the file, so that
    // its memory figures do not count what making the file left behind.
    let status = std::process::Command::new(std::env::current_exe().expect("this bench"))
        .arg("--open")
        .arg(&path)
        .status()
        .expect("the bench runs itself");
    assert!(status.success(), "opening the file failed: {status}");
}

/// Opens a dataset file as the window does, then filters, sorts, searches and draws views.
fn explore(path: &std::path::Path) {
    let t = Instant::now();
    let (dataset, warnings) = Dataset::load(path).expect("loads");
    let loaded = t.elapsed();
    let (loaded_peak, loaded_rss) = (peak_rss_mb(), rss_mb());
    let t = Instant::now();
    let mut index = Index::build(&dataset);
    let indexed = t.elapsed();
    assert!(warnings.is_empty(), "{:?}", warnings.first());
    println!(
        "open:   {:7.0} ms  (parse {:.0} ms + index {:.0} ms)   target 3000 ms",
        ms(loaded + indexed),
        ms(loaded),
        ms(indexed)
    );
    println!(
        "        memory after parse {loaded_rss:.0} MB (peak {loaded_peak:.0} MB), after index {:.0} MB",
        rss_mb()
    );

    // Filter changes an analyst makes one after another, each from the one before.
    let mut filters = Vec::new();
    let mut f = Filter::default();
    type Step = Box<dyn Fn(&mut Filter)>;
    let steps: Vec<Step> = vec![
        Box::new(|f| f.parties.push(code("USA"))),
        Box::new(|f| f.parties.push(code("PAK"))),
        Box::new(|f| f.party_match = PartyMatch::All),
        Box::new(|f| f.kinds.push(Kind::Dialogue)),
        Box::new(|f| f.kinds.push(Kind::Visit)),
        Box::new(|f| f.reviews.push(Review::Unreviewed)),
        Box::new(|f| f.topics.push("counterterrorism".into())),
        Box::new(|f| f.min_confidence = Some(0.6)),
        Box::new(|f| {
            f.date_from = chrono::NaiveDate::from_ymd_opt(2015, 1, 1);
            f.date_to = chrono::NaiveDate::from_ymd_opt(2019, 12, 31);
        }),
        Box::new(|f| f.party_match = PartyMatch::Any),
        Box::new(|f| {
            f.parties.clear();
            f.partner_of = Some(code("IND"));
        }),
        Box::new(|f| f.partners.push(code("USA"))),
        Box::new(|f| f.clear()),
    ];
    for step in &steps {
        step(&mut f);
        filters.push(f.clone());
    }
    let mut plain = Vec::new();
    let mut rows_seen = Vec::new();
    for _ in 0..3 {
        for f in &filters {
            let t = Instant::now();
            let s = index.select(&dataset, f);
            plain.push(ms(t.elapsed()));
            rows_seen.push(s.rows.len());
        }
    }
    println!(
        "filter: {:7.2} ms  median of {} changes (rows shown {}..{})   target 16 ms",
        median(plain.clone()),
        plain.len(),
        rows_seen.iter().min().unwrap_or(&0),
        rows_seen.iter().max().unwrap_or(&0)
    );

    let columns = [
        Column::Date,
        Column::Parties,
        Column::Kind,
        Column::Forum,
        Column::Location,
        Column::Participants,
        Column::Article,
        Column::Confidence,
    ];
    let all: Vec<usize> = (0..dataset.engagements.len()).collect();
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for column in columns {
        let key = SortKey {
            column,
            ascending: false,
        };
        let mut rows = all.clone();
        let t = Instant::now();
        index.sort(&dataset, &mut rows, key, None);
        let c = ms(t.elapsed());
        let mut rows = all.clone();
        let t = Instant::now();
        index.sort(&dataset, &mut rows, key, None);
        let w = ms(t.elapsed());
        println!(
            "  sort by {:<13} first {c:7.1} ms, again {w:6.1} ms",
            column.label()
        );
        cold.push(c);
        warm.push(w);
    }
    println!(
        "sort:   {:7.1} ms  median over columns, 1M rows, with date as second key (first sort by a column {:.1} ms median, worst {:.1} ms)   target 100 ms",
        median(warm),
        median(cold.clone()),
        cold.iter().copied().fold(0.0, f64::max)
    );

    // Filter changes while sorted: the sorted order is kept, so a change is a pass over it.
    let key = SortKey {
        column: Column::Date,
        ascending: false,
    };
    let mut sorted_times = Vec::new();
    for _ in 0..2 {
        for f in &filters {
            let t = Instant::now();
            let mut rows = index.select(&dataset, f).rows;
            index.sort_selection(&dataset, &mut rows, key, None);
            sorted_times.push(ms(t.elapsed()));
        }
    }
    println!(
        "filter while sorted: {:.2} ms median (first includes the sort)",
        median(sorted_times)
    );

    let mut text = Vec::new();
    for words in ["p", "pa", "pak", "pak staff", "strategic", "islamabad 2019"] {
        let f = Filter {
            text: words.into(),
            ..Filter::default()
        };
        let t = Instant::now();
        let s = index.select(&dataset, &f);
        let took = ms(t.elapsed());
        println!("  text {words:<16} {took:7.1} ms  {} rows", s.rows.len());
        text.push(took);
    }
    println!(
        "text:   first search (builds the word index) {:.0} ms, then median {:.1} ms",
        text[0],
        median(text[1..].to_vec())
    );

    let t = Instant::now();
    let s = index.select(&dataset, &Filter::default());
    let tl = index.timeline(&[&s.rows], Granularity::Month, Stack::Kind, None);
    let tp = index.timeline(&[&s.rows], Granularity::Year, Stack::Partner, None);
    let m = index.partner_matrix(&s.rows, 12);
    println!(
        "views:  {:.1} ms for a monthly timeline ({} bars), a yearly one by partner of {:?}, and a {}-party matrix",
        ms(t.elapsed()),
        tl.buckets.len(),
        tp.focus,
        m.parties.len()
    );
    println!(
        "memory: peak {:.0} MB (VmHWM of the process that opened the file), index {:.0} MB   target 1500 MB",
        peak_rss_mb(),
        index.bytes() as f64 / 1e6
    );
}
