//! The headless face of Entente: the same engine as the window, for scripts, CI and batches.

use crate::annotate;
use crate::corpus;
use crate::dataset::{self, Dataset};
use crate::extract;
use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "entente",
    version,
    about = "A workbench for coding international security engagements from news"
)]
pub struct Args {
    /// What to do; with none, the window opens on the bundled sample corpus.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the window on a dataset file or a corpus folder.
    Open {
        /// A `.entente.json` dataset, or a folder or file of articles.
        path: PathBuf,
    },
    /// Extract engagements from articles into a dataset file.
    Extract {
        /// Files or folders (recursive over .txt, .md, .jsonl, .jsonl.gz).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The dataset file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// An annotated dataset to keep: its verified, edited, rejected and hand-made records
        /// stay as they are; only new machine records are added. May be the same file as -o.
        #[arg(long, value_name = "ANNOTATED")]
        base: Option<PathBuf>,
    },
    /// Export a dataset for other tools.
    Export {
        /// The dataset file.
        dataset: PathBuf,
        /// Write CSV (one row per engagement) here.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Write JSON Lines (one engagement per line) here.
        #[arg(long)]
        jsonl: Option<PathBuf>,
    },
    /// Print counts by kind, party and status (also checks that a file loads).
    Stats {
        /// The dataset file.
        dataset: PathBuf,
    },
    /// Write a synthetic dataset of realistic-looking engagements (a testing aid for large
    /// datasets: filters, charts, benchmarks). The same seed gives the same file.
    Synth {
        /// How many engagements.
        #[arg(long, default_value_t = 10_000)]
        engagements: usize,
        /// The dataset file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print every date expression in a text file, one JSON object per line.
    Dates {
        /// A UTF-8 text file.
        file: PathBuf,
        /// Publication date (YYYY-MM-DD) that relative dates resolve against.
        #[arg(long)]
        published: Option<String>,
    },
}

/// Runs a headless subcommand.
pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Open { .. } => bail!("'open' needs the window"),
        Command::Extract {
            paths,
            output,
            base,
        } => extract_cmd(&paths, &output, base.as_deref()),
        Command::Export {
            dataset,
            csv,
            jsonl,
        } => export_cmd(&dataset, csv.as_deref(), jsonl.as_deref()),
        Command::Stats { dataset } => stats_cmd(&dataset),
        Command::Dates { file, published } => dates_cmd(&file, published.as_deref()),
        Command::Synth {
            engagements,
            output,
            seed,
        } => synth_cmd(engagements, &output, seed),
    }
}

/// Loads a dataset, printing its warnings to stderr.
pub fn load_dataset(path: &Path) -> Result<Dataset> {
    let (dataset, warnings) = Dataset::load(path)?;
    for w in warnings {
        eprintln!("warning: {}: {}", path.display(), w.message);
    }
    Ok(dataset)
}

fn extract_cmd(paths: &[PathBuf], output: &Path, base: Option<&Path>) -> Result<()> {
    // Read the base first: a bad base must fail before any extraction work, and -o may be it.
    let base = base.map(load_dataset).transpose()?;
    let (articles, report) = corpus::load_paths(paths, &mut |_| {});
    for issue in &report.issues {
        let what = if issue.skipped { "skipped" } else { "warning" };
        eprintln!("{what}: {}: {}", issue.place, issue.problem);
    }
    if articles.is_empty() {
        bail!("no articles could be read from {}", display_paths(paths));
    }
    let engagements = extract::extract_all(&articles);
    let mut dataset = Dataset::new(articles, engagements);
    if let Some(base) = base {
        let (rebased, report) = annotate::rebase(&base, dataset);
        eprintln!("re-extraction over the base: {report}");
        dataset = rebased;
    }
    dataset.save(output)?;
    eprintln!(
        "{} articles, {} engagements → {}",
        dataset.articles.len(),
        dataset.engagements.len(),
        output.display()
    );
    Ok(())
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn export_cmd(path: &Path, csv: Option<&Path>, jsonl: Option<&Path>) -> Result<()> {
    if csv.is_none() && jsonl.is_none() {
        bail!("say what to write: --csv FILE and/or --jsonl FILE");
    }
    let dataset = load_dataset(path)?;
    if let Some(out) = csv {
        write_atomically(out, |w| {
            dataset::write_csv(&dataset, w).map_err(anyhow::Error::from)
        })?;
    }
    if let Some(out) = jsonl {
        write_atomically(out, |w| {
            dataset::write_jsonl(&dataset, w).map_err(anyhow::Error::from)
        })?;
    }
    Ok(())
}

/// Writes a file atomically ([`dataset::write_atomically`]), naming it in any error.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    dataset::write_atomically(path, |out| write(out).map_err(std::io::Error::other))
        .with_context(|| format!("{}: could not be written", path.display()))
}

fn stats_cmd(path: &Path) -> Result<()> {
    let dataset = load_dataset(path)?;
    let mut kinds = BTreeMap::new();
    let mut parties = BTreeMap::new();
    let mut statuses = BTreeMap::new();
    let mut reviews = BTreeMap::new();
    for e in &dataset.engagements {
        *kinds.entry(e.kind.as_str()).or_insert(0usize) += 1;
        *statuses.entry(e.status.as_str()).or_insert(0usize) += 1;
        *reviews.entry(e.review.as_str()).or_insert(0usize) += 1;
        for p in &e.parties {
            *parties.entry(p.to_string()).or_insert(0usize) += 1;
        }
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: {} articles, {} engagements",
        path.display(),
        dataset.articles.len(),
        dataset.engagements.len()
    )?;
    for (name, map) in [
        ("kind", &kinds),
        ("status", &statuses),
        ("review", &reviews),
    ] {
        writeln!(out, "\nby {name}:")?;
        for (k, n) in map {
            writeln!(out, "  {k:<16} {n:>8}")?;
        }
    }
    let mut ranked: Vec<(&String, &usize)> = parties.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    writeln!(out, "\nby party:")?;
    for (k, n) in ranked {
        writeln!(out, "  {k:<16} {n:>8}")?;
    }
    Ok(())
}

fn synth_cmd(engagements: usize, output: &Path, seed: u64) -> Result<()> {
    let dataset = crate::synth::dataset(engagements, seed);
    dataset.save(output)?;
    eprintln!(
        "synthetic: {} articles, {} engagements (seed {seed}) → {}",
        dataset.articles.len(),
        dataset.engagements.len(),
        output.display()
    );
    Ok(())
}

fn dates_cmd(file: &Path, published: Option<&str>) -> Result<()> {
    let published = match published {
        Some(p) => Some(
            corpus::parse_iso_prefix(p)
                .with_context(|| format!("--published {p}: expected a date YYYY-MM-DD"))?,
        ),
        None => None,
    };
    let bytes =
        std::fs::read(file).with_context(|| format!("{}: cannot be read", file.display()))?;
    let text =
        String::from_utf8(bytes).with_context(|| format!("{}: not UTF-8 text", file.display()))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for d in extract::dates::find_dates(&text, published) {
        // A week is not a calendar value: its Monday stays in the library, not in this output.
        let value = match d.precision {
            extract::dates::Precision::Week => None,
            _ => d.value.clone(),
        };
        let line = serde_json::json!({
            "start": d.start, "end": d.end, "text": d.text, "value": value,
            "end_value": d.end_value, "precision": d.precision.as_str(), "basis": d.basis,
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}
