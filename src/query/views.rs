//! Aggregates beside the table: engagements over time, and who engages with whom.

use super::index::{Index, NO_DAY};
use crate::model::{Kind, PartyCode};
use chrono::NaiveDate;

/// The width of a timeline bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Granularity {
    /// One bar per year.
    #[default]
    Year,
    /// One bar per month.
    Month,
}

/// What the bars of a timeline are stacked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Stack {
    /// By kind of engagement.
    #[default]
    Kind,
    /// By partner of a focus state (the most frequent partners, then "other").
    Partner,
}

/// One bar of a timeline: a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// `2019` or `2019-06`.
    pub label: String,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
}

/// Engagements per period, stacked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// The periods, oldest first, with no gaps between first and last.
    pub buckets: Vec<Bucket>,
    /// The names of the stacked series (kinds, or partners then "other").
    pub series: Vec<String>,
    /// `counts[bucket][series]`.
    pub counts: Vec<Vec<usize>>,
    /// The state whose partners are stacked (with [`Stack::Partner`]).
    pub focus: Option<PartyCode>,
    /// Rows without a known date, left out.
    pub undated: usize,
}

impl Timeline {
    /// The total of one bar.
    pub fn total(&self, bucket: usize) -> usize {
        self.counts.get(bucket).map_or(0, |c| c.iter().sum())
    }
}

/// Most frequent partners shown by name in a partner-stacked timeline.
pub const TOP_PARTNERS: usize = 7;

/// Who engages with whom among some rows: pair counts of the most involved parties.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PartnerMatrix {
    /// The parties, most involved first.
    pub parties: Vec<PartyCode>,
    /// Rows each party takes part in.
    pub totals: Vec<usize>,
    /// `counts[a * n + b]`: rows in which both `a` and `b` take part (0 on the diagonal).
    pub counts: Vec<usize>,
}

impl PartnerMatrix {
    /// Rows with both parties `a` and `b` (indices into [`PartnerMatrix::parties`]).
    pub fn get(&self, a: usize, b: usize) -> usize {
        self.counts
            .get(a * self.parties.len() + b)
            .copied()
            .unwrap_or(0)
    }

    /// The largest pair count.
    pub fn max(&self) -> usize {
        self.counts.iter().copied().max().unwrap_or(0)
    }
}

fn month_bounds(month: i32) -> Option<(NaiveDate, NaiveDate)> {
    let (y, m0) = (month.div_euclid(12), month.rem_euclid(12) as u32);
    let from = NaiveDate::from_ymd_opt(y, m0 + 1, 1)?;
    let next = if m0 == 11 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m0 + 2, 1)?
    };
    Some((from, next.pred_opt()?))
}

impl Index {
    /// Party involvement among `rows`: how many rows each party id takes part in.
    fn involvement(&self, rows: &[usize]) -> Vec<usize> {
        let mut counts = vec![0usize; self.parties.len()];
        for &i in rows {
            if let Some(k) = self.keys.get(i) {
                for &p in self.row_parties(k) {
                    counts[p as usize] += 1;
                }
            }
        }
        counts
    }

    /// The state most rows of `rows` involve (for a partner view with no focus chosen).
    pub fn busiest_party(&self, rows: &[usize]) -> Option<PartyCode> {
        let counts = self.involvement(rows);
        let best = (0..counts.len())
            .filter(|&p| counts[p] > 0)
            .max_by(|&a, &b| {
                counts[a]
                    .cmp(&counts[b])
                    .then(self.parties[b].cmp(&self.parties[a]))
            })?;
        self.parties.get(best).copied()
    }

    /// Engagements of `rows` per year or month, stacked by kind or by partner of `focus` (the
    /// busiest party of `rows` when `None`). With [`Stack::Partner`] only rows of the focus
    /// state count, each once, under its most frequent partner.
    pub fn timeline(
        &self,
        rows: &[&[usize]],
        granularity: Granularity,
        stack: Stack,
        focus: Option<PartyCode>,
    ) -> Timeline {
        let all: Vec<usize> = rows.iter().flat_map(|r| r.iter().copied()).collect();
        let period = |month: i32| match granularity {
            Granularity::Year => month.div_euclid(12),
            Granularity::Month => month,
        };
        let mut first = i32::MAX;
        let mut last = i32::MIN;
        let mut undated = 0;
        for &i in &all {
            let Some(k) = self.keys.get(i) else { continue };
            if k.day == NO_DAY {
                undated += 1;
                continue;
            }
            first = first.min(period(k.month));
            last = last.max(period(k.month));
        }
        let mut timeline = Timeline {
            undated,
            ..Timeline::default()
        };
        if first > last {
            return timeline;
        }
        for p in first..=last {
            let bounds = match granularity {
                Granularity::Year => NaiveDate::from_ymd_opt(p, 1, 1)
                    .zip(NaiveDate::from_ymd_opt(p, 12, 31))
                    .map(|b| (format!("{p:04}"), b)),
                Granularity::Month => month_bounds(p).map(|b| {
                    (
                        format!("{:04}-{:02}", p.div_euclid(12), p.rem_euclid(12) + 1),
                        b,
                    )
                }),
            };
            if let Some((label, (from, to))) = bounds {
                timeline.buckets.push(Bucket { label, from, to });
            }
        }
        // Series, and the series of each row (None: not counted).
        let series_of: Box<dyn Fn(usize) -> Option<usize>> = match stack {
            Stack::Kind => {
                timeline.series = Kind::ALL.iter().map(|k| k.as_str().to_string()).collect();
                Box::new(|i| self.keys.get(i).map(|k| k.kind as usize))
            }
            Stack::Partner => {
                let focus = focus.or_else(|| self.busiest_party(&all));
                timeline.focus = focus;
                let Some(f) = focus.and_then(|f| self.party(&f)) else {
                    return timeline;
                };
                let mut partner_counts = vec![0usize; self.parties.len()];
                for &i in &all {
                    let Some(k) = self.keys.get(i) else { continue };
                    let ps = self.row_parties(k);
                    if ps.contains(&f) {
                        for &p in ps.iter().filter(|&&p| p != f) {
                            partner_counts[p as usize] += 1;
                        }
                    }
                }
                let mut order: Vec<usize> = (0..partner_counts.len())
                    .filter(|&p| partner_counts[p] > 0)
                    .collect();
                order.sort_by(|&a, &b| {
                    partner_counts[b]
                        .cmp(&partner_counts[a])
                        .then(self.parties[a].cmp(&self.parties[b]))
                });
                // Rank of each party id among the partners; the rest are "other".
                let mut rank = vec![usize::MAX; self.parties.len()];
                for (r, &p) in order.iter().take(TOP_PARTNERS).enumerate() {
                    rank[p] = r;
                }
                let shown = order.len().min(TOP_PARTNERS);
                timeline.series = order
                    .iter()
                    .take(TOP_PARTNERS)
                    .map(|&p| self.parties[p].to_string())
                    .collect();
                timeline.series.push("other".into());
                Box::new(move |i| {
                    let k = self.keys.get(i)?;
                    let ps = self.row_parties(k);
                    if !ps.contains(&f) {
                        return None;
                    }
                    let best = ps
                        .iter()
                        .filter(|&&p| p != f)
                        .map(|&p| rank[p as usize])
                        .min()?;
                    Some(best.min(shown))
                })
            }
        };
        let width = timeline.series.len();
        timeline.counts = vec![vec![0; width]; timeline.buckets.len()];
        for &i in &all {
            let Some(k) = self.keys.get(i) else { continue };
            if k.day == NO_DAY {
                continue;
            }
            let b = (period(k.month) - first) as usize;
            if let (Some(s), Some(bar)) = (series_of(i), timeline.counts.get_mut(b))
                && let Some(c) = bar.get_mut(s)
            {
                *c += 1;
            }
        }
        timeline
    }

    /// Which of the `top` most involved parties of `rows` engage with which, by row count.
    pub fn partner_matrix(&self, rows: &[usize], top: usize) -> PartnerMatrix {
        let involvement = self.involvement(rows);
        let mut order: Vec<usize> = (0..involvement.len())
            .filter(|&p| involvement[p] > 0)
            .collect();
        order.sort_by(|&a, &b| {
            involvement[b]
                .cmp(&involvement[a])
                .then(self.parties[a].cmp(&self.parties[b]))
        });
        order.truncate(top);
        let mut slot = vec![usize::MAX; self.parties.len()];
        for (s, &p) in order.iter().enumerate() {
            slot[p] = s;
        }
        let n = order.len();
        let mut counts = vec![0usize; n * n];
        let mut in_row = Vec::new();
        for &i in rows {
            let Some(k) = self.keys.get(i) else { continue };
            in_row.clear();
            in_row.extend(
                self.row_parties(k)
                    .iter()
                    .map(|&p| slot[p as usize])
                    .filter(|&s| s != usize::MAX),
            );
            for (x, &a) in in_row.iter().enumerate() {
                for &b in &in_row[x + 1..] {
                    if a != b {
                        counts[a * n + b] += 1;
                        counts[b * n + a] += 1;
                    }
                }
            }
        }
        PartnerMatrix {
            parties: order.iter().map(|&p| self.parties[p]).collect(),
            totals: order.iter().map(|&p| involvement[p]).collect(),
            counts,
        }
    }
}
