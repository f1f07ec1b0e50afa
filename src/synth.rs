//! Synthetic datasets for testing at scale: plausible engagements between states drawn from a
//! skewed distribution (a few states take part in most of them, as in real coverage), with
//! kinds, statuses, dates over the years, forums, places, people, topics, evidence, review
//! states and the short articles they cite. The same seed gives the same dataset.
//!
//! Not a model of the world: a testing aid for the window, the filters and the benchmarks.

use crate::dataset::Dataset;
use crate::model::{
    Article, DateSpan, DateValue, Engagement, Evidence, Extra, Kind, Location, Origin, Participant,
    PartyCode, Precision, Review, Status, TOPICS,
};
use chrono::{Datelike, Duration, NaiveDate};
use std::sync::Arc;

/// States with their capitals, most often in the news first.
const STATES: [(&str, &str); 48] = [
    ("USA", "Washington"),
    ("CHN", "Beijing"),
    ("RUS", "Moscow"),
    ("IND", "New Delhi"),
    ("PAK", "Islamabad"),
    ("JPN", "Tokyo"),
    ("GBR", "London"),
    ("FRA", "Paris"),
    ("DEU", "Berlin"),
    ("AUS", "Canberra"),
    ("KOR", "Seoul"),
    ("TUR", "Ankara"),
    ("SAU", "Riyadh"),
    ("IRN", "Tehran"),
    ("IDN", "Jakarta"),
    ("VNM", "Hanoi"),
    ("PHL", "Manila"),
    ("ISR", "Jerusalem"),
    ("EGY", "Cairo"),
    ("UKR", "Kyiv"),
    ("LKA", "Colombo"),
    ("BGD", "Dhaka"),
    ("ARE", "Abu Dhabi"),
    ("QAT", "Doha"),
    ("SGP", "Singapore"),
    ("MYS", "Kuala Lumpur"),
    ("THA", "Bangkok"),
    ("AFG", "Kabul"),
    ("NPL", "Kathmandu"),
    ("ITA", "Rome"),
    ("ESP", "Madrid"),
    ("POL", "Warsaw"),
    ("CAN", "Ottawa"),
    ("BRA", "Brasilia"),
    ("ZAF", "Pretoria"),
    ("NGA", "Abuja"),
    ("KEN", "Nairobi"),
    ("ETH", "Addis Ababa"),
    ("MEX", "Mexico City"),
    ("ARG", "Buenos Aires"),
    ("NZL", "Wellington"),
    ("MMR", "Naypyidaw"),
    ("KAZ", "Astana"),
    ("UZB", "Tashkent"),
    ("JOR", "Amman"),
    ("OMN", "Muscat"),
    ("GRC", "Athens"),
    ("NOR", "Oslo"),
];

const ORGANISATIONS: [&str; 6] = ["ASEAN", "NATO", "UN", "EU", "SCO", "GCC"];

const KINDS: [(Kind, u32); 10] = [
    (Kind::Meeting, 25),
    (Kind::Visit, 18),
    (Kind::Dialogue, 12),
    (Kind::Agreement, 10),
    (Kind::CourtesyCall, 8),
    (Kind::PhoneCall, 8),
    (Kind::Exercise, 7),
    (Kind::Training, 5),
    (Kind::Assistance, 5),
    (Kind::Other, 2),
];

const STATUSES: [(Status, u32); 4] = [
    (Status::Held, 76),
    (Status::Planned, 14),
    (Status::Proposed, 7),
    (Status::Cancelled, 3),
];

const REVIEWS: [(Review, u32); 4] = [
    (Review::Unreviewed, 84),
    (Review::Verified, 9),
    (Review::Edited, 4),
    (Review::Rejected, 3),
];

const FORUMS: [&str; 10] = [
    "Defence Consultative Group",
    "Strategic Dialogue",
    "2+2 Ministerial Dialogue",
    "Joint Working Group on Counterterrorism",
    "Defence Policy Dialogue",
    "Staff Talks",
    "Maritime Security Dialogue",
    "Joint Military Commission",
    "Security Consultations",
    "Bilateral Consultative Mechanism",
];

const AGREEMENTS: [&str; 6] = [
    "MoU on defence cooperation",
    "agreement on intelligence sharing",
    "protocol on maritime security",
    "framework agreement on defence industry cooperation",
    "memorandum on training and education",
    "agreement on border security",
];

const FIRST_NAMES: [&str; 24] = [
    "Ahmed", "James", "Li", "Sergei", "Rajesh", "Hiroshi", "Emma", "Pierre", "Klaus", "Sarah",
    "Min-jun", "Mehmet", "Faisal", "Ali", "Budi", "Nguyen", "Maria", "David", "Olena", "Nimal",
    "Karim", "Yusuf", "Anna", "Tomasz",
];

const SURNAMES: [&str; 24] = [
    "Khan",
    "Miller",
    "Wei",
    "Ivanov",
    "Sharma",
    "Tanaka",
    "Clarke",
    "Durand",
    "Weber",
    "Cohen",
    "Park",
    "Yilmaz",
    "Al-Saud",
    "Rezaei",
    "Santoso",
    "Van Thanh",
    "Santos",
    "Levi",
    "Kovalenko",
    "Perera",
    "Hossain",
    "Demir",
    "Rossi",
    "Nowak",
];

const TITLES: [&str; 8] = [
    "Defence Minister",
    "Foreign Minister",
    "Defence Secretary",
    "Chief of Army Staff",
    "Chief of Naval Staff",
    "National Security Adviser",
    "Ambassador",
    "Additional Secretary",
];

const RANKS: [&str; 5] = [
    "General",
    "Admiral",
    "Air Marshal",
    "Lieutenant General",
    "Rear Admiral",
];

const OUTLETS: [&str; 6] = [
    "Dawn",
    "The Hindu",
    "Xinhua",
    "Reuters",
    "Kyodo",
    "The Straits Times",
];

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize % n.max(1)
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.below(total as usize) as u32;
        for (item, w) in items {
            if x < *w {
                return *item;
            }
            x -= w;
        }
        items[0].0
    }
}

/// A state by a Zipf-like law: the n-th state is about 1/n as frequent as the first.
fn zipf_state(rng: &mut Rng, cumulative: &[f64]) -> usize {
    let total = cumulative.last().copied().unwrap_or(1.0);
    let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
    cumulative
        .partition_point(|&c| c <= x)
        .min(cumulative.len() - 1)
}

fn code(text: &str) -> Option<PartyCode> {
    PartyCode::parse(text)
}

/// A synthetic dataset of `engagements` records (and about one article per 40 of them),
/// reproducible from `seed`.
pub fn dataset(engagements: usize, seed: u64) -> Dataset {
    let mut rng = Rng(seed ^ 0x0005_eed0_fe17_e17e);
    let cumulative: Vec<f64> = (1..=STATES.len())
        .scan(0.0, |acc, r| {
            *acc += 1.0 / (r as f64).powf(1.1);
            Some(*acc)
        })
        .collect();
    let first_day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let span_days = 25 * 365;
    let per_article = 40;
    let n_articles = engagements.div_ceil(per_article).max(1);
    let mut articles = Vec::with_capacity(n_articles);
    let mut records = Vec::with_capacity(engagements);
    for a in 0..n_articles {
        // Coverage grows over the years: later days are likelier.
        let t = ((rng.next() >> 11) as f64 / (1u64 << 53) as f64).sqrt();
        let published = first_day + Duration::days((t * span_days as f64) as i64);
        let home = zipf_state(&mut rng, &cumulative);
        let away = loop {
            let s = zipf_state(&mut rng, &cumulative);
            if s != home {
                break s;
            }
        };
        let topic = *rng.pick(&TOPICS);
        let (home_code, home_city) = STATES[home];
        let (away_code, _) = STATES[away];
        let title = format!("{home_code} and {away_code} step up {topic} ties");
        let lede = format!(
            "{}: Officials of {home_code} and {away_code} held talks on {topic} on {}, the \
             foreign office said.",
            home_city.to_uppercase(),
            published.format("%A")
        );
        let text = format!(
            "{title}\n\n{lede} Both sides agreed to meet again and to widen exchanges between \
             their armed forces. The talks covered regional security, training and the \
             defence industry. (Synthetic article {a}.)\n"
        );
        let title_len = title.len();
        let lede_span = (title_len + 2, title_len + 2 + lede.len());
        let mut article = Article::new(text, Some(format!("synthetic/{a:07}.txt")));
        article.title = Some(title);
        article.outlet = Some(rng.pick(&OUTLETS).to_string());
        article.published = Some(published);
        article.body = [0, article.text.len()];
        let in_this = per_article.min(engagements - records.len().min(engagements));
        for _ in 0..in_this {
            records.push(engagement(
                &mut rng,
                &cumulative,
                &article,
                (home, away),
                lede_span,
            ));
        }
        articles.push(article);
        if records.len() >= engagements {
            break;
        }
    }
    Dataset::new(articles, records)
}

fn engagement(
    rng: &mut Rng,
    cumulative: &[f64],
    article: &Article,
    (home, away): (usize, usize),
    lede: (usize, usize),
) -> Engagement {
    let kind = rng.weighted(&KINDS);
    // Mostly the article's two states; sometimes others, a third state or an organisation.
    let mut parties: Vec<PartyCode> = code(STATES[home].0).into_iter().collect();
    let partner = if rng.chance(0.7) {
        away
    } else {
        loop {
            let s = zipf_state(rng, cumulative);
            if s != home {
                break s;
            }
        }
    };
    parties.extend(code(STATES[partner].0));
    if rng.chance(0.06) {
        parties.extend(code(STATES[zipf_state(rng, cumulative)].0));
    }
    if rng.chance(0.03) {
        parties.extend(code(rng.pick::<&str>(&ORGANISATIONS)));
    }
    parties.sort();
    parties.dedup();
    let published = article.published.unwrap_or_default();
    let day = published - Duration::days(rng.below(20) as i64);
    let (start, precision, text) = match rng.below(100) {
        0..70 => (
            Some(DateValue::Day(day)),
            Precision::Day,
            format!("on {}", day.format("%A")),
        ),
        70..90 => (
            Some(DateValue::Month(day.year(), day.month())),
            Precision::Month,
            format!("in {}", day.format("%B")),
        ),
        90..98 => (
            Some(DateValue::Year(day.year())),
            Precision::Year,
            "this year".to_string(),
        ),
        _ => (None, Precision::Unknown, "recently".to_string()),
    };
    let end = (start.is_some() && kind == Kind::Visit && rng.chance(0.5))
        .then(|| DateValue::Day(day + Duration::days(1 + rng.below(4) as i64)))
        .filter(|_| precision == Precision::Day);
    let (mechanism, round, title) = match kind {
        Kind::Dialogue => (
            Some(Arc::<str>::from(*rng.pick(&FORUMS))),
            rng.chance(0.6).then(|| 1 + rng.below(25) as u32),
            None,
        ),
        Kind::Agreement => (None, None, Some(Arc::<str>::from(*rng.pick(&AGREEMENTS)))),
        Kind::Exercise => (
            None,
            None,
            Some(format!("Joint exercise {}", rng.pick(&SURNAMES)).into()),
        ),
        _ => (None, None, None),
    };
    let host = parties.get(rng.below(parties.len())).copied();
    let place = STATES
        .iter()
        .find(|(c, _)| host.is_some_and(|h| *c == h.as_str()))
        .map(|(_, city)| Arc::from(*city));
    let participants = (0..rng.below(3))
        .map(|_| {
            let party = parties.get(rng.below(parties.len())).copied();
            let military = rng.chance(0.3);
            Participant {
                name: format!("{} {}", rng.pick(&FIRST_NAMES), rng.pick(&SURNAMES)).into(),
                title: (!military).then(|| Arc::from(*rng.pick(&TITLES))),
                rank: military.then(|| Arc::from(*rng.pick(&RANKS))),
                party,
            }
        })
        .collect();
    let mut topics: Vec<Arc<str>> = vec![Arc::from(*rng.pick(&TOPICS))];
    if rng.chance(0.3) {
        let more = Arc::from(*rng.pick(&TOPICS));
        if !topics.contains(&more) {
            topics.push(more);
        }
    }
    let review = rng.weighted(&REVIEWS);
    let confidence = if review == Review::Verified {
        1.0
    } else {
        0.45 + rng.below(54) as f32 / 100.0
    };
    Engagement {
        id: format!("e-{:016x}", rng.next()),
        article_ids: vec![article.id.as_str().into()],
        parties,
        kind,
        status: rng.weighted(&STATUSES),
        title,
        mechanism,
        round,
        date: DateSpan {
            start,
            end,
            precision,
            text: Some(text.into()),
            basis: Some(format!("before publication date {}", published.format("%Y-%m-%d")).into()),
        },
        location: Location {
            place,
            country: host,
        },
        participants,
        topics,
        evidence: vec![Evidence {
            article_id: article.id.as_str().into(),
            start: lede.0,
            end: lede.1,
            field: "kind".into(),
        }],
        confidence,
        origin: if rng.chance(0.02) {
            Origin::Analyst
        } else {
            Origin::Extracted
        },
        review,
        notes: String::new(),
        tags: Vec::new(),
        extra: Extra::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_data_and_the_records_are_sound() {
        let a = dataset(500, 7);
        assert_eq!(a, dataset(500, 7));
        assert_ne!(a.engagements, dataset(500, 8).engagements);
        assert_eq!(a.engagements.len(), 500);
        assert_eq!(a.articles.len(), 13);
        // It saves and loads without a warning: evidence in range, every article present.
        let mut bytes = Vec::new();
        a.write_json(&mut bytes).unwrap();
        let (back, warnings) =
            Dataset::from_slice(&bytes, std::path::Path::new("synth.entente.json")).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(back.engagements, a.engagements);
    }

    #[test]
    fn a_few_states_take_most_engagements() {
        let d = dataset(4000, 1);
        let usa = d
            .engagements
            .iter()
            .filter(|e| e.parties.iter().any(|p| p.as_str() == "USA"))
            .count();
        let nor = d
            .engagements
            .iter()
            .filter(|e| e.parties.iter().any(|p| p.as_str() == "NOR"))
            .count();
        assert!(usa > 5 * nor.max(1), "USA {usa}, NOR {nor}");
        let kinds: std::collections::BTreeSet<Kind> =
            d.engagements.iter().map(|e| e.kind).collect();
        assert_eq!(kinds.len(), 10);
    }
}
