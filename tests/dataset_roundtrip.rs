//! Property: saving any dataset and loading it again gives it back unchanged: unicode text,
//! evidence and body ranges on character boundaries, every optional field, and fields this
//! version does not know.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fail a test the same way: by panicking

use chrono::NaiveDate;
use entente::dataset::Dataset;
use entente::model::{
    Article, DateSpan, DateValue, Engagement, Evidence, Extra, Kind, Location, ORGANISATIONS,
    Origin, Participant, PartyCode, Precision, Review, Status,
};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::Arc;

/// Any text: every kind of character, line ends of every kind, and some plain words.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => any::<char>(),
            1 => Just('\n'),
            1 => Just('\r'),
            1 => Just(' '),
            1 => prop::sample::select(vec!['é', 'ß', '中', '😀', '\u{FEFF}', '\u{FFFD}', '\0']),
        ],
        0..120,
    )
    .prop_map(String::from_iter)
}

fn short() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

/// A byte range of `text` on character boundaries, from two picks.
fn boundary_range(text: &str, a: usize, b: usize) -> [usize; 2] {
    let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    bounds.push(text.len());
    let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
    [x.min(y), x.max(y)]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        short().prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z]{1,6}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Fields no version of Entente knows (`x_` keeps them apart from real field names).
fn extra() -> impl Strategy<Value = Extra> {
    prop::collection::vec(("x_[a-z]{1,8}", json_value()), 0..3)
        .prop_map(|kv| kv.into_iter().collect())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 1).unwrap())
    })
}

fn date_value() -> impl Strategy<Value = DateValue> {
    prop_oneof![
        (1000i32..3000).prop_map(DateValue::Year),
        (1000i32..3000, 1u32..=12).prop_map(|(y, m)| DateValue::Month(y, m)),
        date().prop_map(DateValue::Day),
    ]
}

fn party() -> impl Strategy<Value = PartyCode> {
    prop_oneof![
        "[A-Z]{3}".prop_map(|c| PartyCode::parse(&c).unwrap()),
        prop::sample::select(ORGANISATIONS.to_vec()).prop_map(|c| PartyCode::parse(c).unwrap()),
    ]
}

fn article() -> impl Strategy<Value = Article> {
    (
        text(),
        prop::option::of(short()),
        prop::option::of(short()),
        prop::option::of(short()),
        prop::option::of(date()),
        any::<(usize, usize)>(),
        extra(),
    )
        .prop_map(|(text, source, title, outlet, published, (a, b), extra)| {
            let body = boundary_range(&text, a, b);
            let mut article = Article::new(text, source);
            article.title = title;
            article.outlet = outlet;
            article.published = published;
            article.body = body;
            article.extra = extra;
            article
        })
}

/// An engagement whose evidence points into `articles`.
fn engagement(articles: Vec<Article>) -> impl Strategy<Value = Engagement> {
    let evidence = prop::collection::vec(
        (any::<usize>(), any::<(usize, usize)>(), "[a-z_]{1,10}"),
        0..4,
    );
    let participant = (
        short(),
        prop::option::of(short()),
        prop::option::of(short()),
    )
        .prop_flat_map(|(name, title, rank)| {
            prop::option::of(party()).prop_map(move |party| Participant {
                name: name.as_str().into(),
                title: title.as_deref().map(Arc::from),
                rank: rank.as_deref().map(Arc::from),
                party,
            })
        });
    (
        (
            "e-[0-9a-f]{8}",
            prop::collection::btree_set(party(), 0..4),
            prop::sample::select(Kind::ALL.to_vec()),
            prop::sample::select(Status::ALL.to_vec()),
            prop::option::of(short()),
            prop::option::of(short()),
            prop::option::of(any::<u32>()),
        ),
        (
            prop::option::of(date_value()),
            prop::option::of(date_value()),
            prop::sample::select(vec![
                Precision::Day,
                Precision::Week,
                Precision::Month,
                Precision::Year,
                Precision::Unknown,
            ]),
            prop::option::of(short()),
            prop::option::of(short()),
            prop::option::of(short()),
            prop::option::of(party()),
        ),
        (
            prop::collection::vec(participant, 0..3),
            prop::collection::vec(short(), 0..3),
            evidence,
            0u32..=100,
            any::<bool>(),
            prop::sample::select(Review::ALL.to_vec()),
            short(),
            prop::collection::vec(short(), 0..3),
            extra(),
        ),
    )
        .prop_map(move |(head, when, rest)| {
            let (id, parties, kind, status, title, mechanism, round) = head;
            let (start, end, precision, date_text, basis, place, country) = when;
            let (participants, topics, spans, confidence, by_analyst, review, notes, tags, extra) =
                rest;
            let evidence = spans
                .into_iter()
                .filter(|_| !articles.is_empty())
                .map(|(which, (a, b), field)| {
                    let article = &articles[which % articles.len()];
                    let [start, end] = boundary_range(&article.text, a, b);
                    Evidence {
                        article_id: article.id.as_str().into(),
                        start,
                        end,
                        field: field.into(),
                    }
                })
                .collect::<Vec<_>>();
            let mut article_ids: Vec<Arc<str>> =
                evidence.iter().map(|e| e.article_id.clone()).collect();
            article_ids.dedup();
            Engagement {
                id,
                article_ids,
                parties: parties.into_iter().collect(),
                kind,
                status,
                title: title.map(Arc::from),
                mechanism: mechanism.map(Arc::from),
                round,
                date: DateSpan {
                    start,
                    end,
                    precision,
                    text: date_text.map(Arc::from),
                    basis: basis.map(Arc::from),
                },
                location: Location {
                    place: place.map(Arc::from),
                    country,
                },
                participants,
                topics: topics.into_iter().map(Arc::from).collect(),
                evidence,
                confidence: confidence as f32 / 100.0,
                origin: if by_analyst {
                    Origin::Analyst
                } else {
                    Origin::Extracted
                },
                review,
                notes,
                tags,
                extra,
            }
        })
}

fn dataset() -> impl Strategy<Value = Dataset> {
    prop::collection::vec(article(), 0..4)
        .prop_map(|mut articles| {
            // The same text is the same article: ids are content hashes.
            let mut seen = std::collections::HashSet::new();
            articles.retain(|a| seen.insert(a.id.clone()));
            articles
        })
        .prop_flat_map(|articles| {
            (
                prop::collection::vec(engagement(articles.clone()), 0..5),
                extra(),
                Just(articles),
            )
        })
        .prop_map(|(engagements, extra, articles)| {
            let mut dataset = Dataset::new(articles, engagements);
            dataset.extra = extra;
            dataset.generator = Some(format!("entente {}", env!("CARGO_PKG_VERSION")));
            dataset
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        // A failure prints its minimal input; there is no src/ beside tests/ to keep it in.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn saving_then_loading_gives_the_dataset_back(dataset in dataset()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.entente.json");
        dataset.save(&path).unwrap();
        let (loaded, warnings) = Dataset::load(&path).unwrap();
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        prop_assert_eq!(&loaded, &dataset);

        // And a second save writes the same bytes: nothing drifts on each round.
        let again = dir.path().join("q.entente.json");
        loaded.save(&again).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(&again).unwrap());
    }
}
