//! Reading the dataset file fast: one pass over the bytes that checks the JSON and keeps each
//! record as a borrowed raw slice, then the records parsed on every core by hand-written
//! visitors that put unknown fields aside as they go (a derived `#[serde(flatten)]` would first
//! copy every record into an intermediate tree).

use crate::model::shared::Shared;
use crate::model::{Article, Engagement, Extra};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use std::fmt;

/// The top level of a dataset file, with its records still unparsed.
#[derive(Default)]
pub(super) struct Top<'a> {
    pub format: Option<String>,
    pub version: Option<u64>,
    pub generator: Option<String>,
    pub articles: Vec<&'a RawValue>,
    pub engagements: Vec<&'a RawValue>,
    pub extra: Extra,
}

impl<'de: 'a, 'a> Deserialize<'de> for Top<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Top<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Top<'a>, M::Error> {
                let mut top = Top::default();
                while let Some(key) = map.next_key::<Key>()? {
                    match key.0.as_ref() {
                        "format" => top.format = map.next_value()?,
                        "version" => top.version = map.next_value()?,
                        "generator" => top.generator = map.next_value()?,
                        "articles" => top.articles = map.next_value()?,
                        "engagements" => top.engagements = map.next_value()?,
                        _ => {
                            let value: Value = map.next_value()?;
                            top.extra.insert(key.0.into_owned(), value);
                        }
                    }
                }
                Ok(top)
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// A map key, borrowed from the input when it has no escapes.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v)))
            }
        }
        d.deserialize_identifier(V)
    }
}

/// An engagement read field by field; unknown fields go to `extra`.
pub(super) struct EngagementWire(pub Engagement);

impl<'de> Deserialize<'de> for EngagementWire {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = EngagementWire;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an engagement object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<EngagementWire, M::Error> {
                let mut id = None;
                let mut article_ids = None;
                let mut parties = None;
                let mut kind = None;
                let mut status = None;
                let mut e = Engagement {
                    id: String::new(),
                    article_ids: Vec::new(),
                    parties: Vec::new(),
                    kind: crate::model::Kind::Other,
                    status: crate::model::Status::Held,
                    title: None,
                    mechanism: None,
                    round: None,
                    date: Default::default(),
                    location: Default::default(),
                    participants: Vec::new(),
                    topics: Vec::new(),
                    evidence: Vec::new(),
                    confidence: 0.0,
                    origin: Default::default(),
                    review: Default::default(),
                    notes: String::new(),
                    tags: Vec::new(),
                    extra: Extra::new(),
                };
                while let Some(key) = map.next_key::<Key>()? {
                    match key.0.as_ref() {
                        "id" => id = Some(map.next_value()?),
                        "article_ids" => article_ids = Some(shared_list(map.next_value()?)),
                        "parties" => parties = Some(map.next_value()?),
                        "kind" => kind = Some(map.next_value()?),
                        "status" => status = Some(map.next_value()?),
                        "title" => e.title = map.next_value::<Option<Shared>>()?.map(|s| s.0),
                        "mechanism" => {
                            e.mechanism = map.next_value::<Option<Shared>>()?.map(|s| s.0)
                        }
                        "round" => e.round = map.next_value()?,
                        "date" => e.date = map.next_value()?,
                        "location" => e.location = map.next_value()?,
                        "participants" => e.participants = map.next_value()?,
                        "topics" => e.topics = shared_list(map.next_value()?),
                        "evidence" => e.evidence = map.next_value()?,
                        "confidence" => e.confidence = map.next_value()?,
                        "origin" => e.origin = map.next_value()?,
                        "review" => e.review = map.next_value()?,
                        "notes" => e.notes = map.next_value()?,
                        "tags" => e.tags = map.next_value()?,
                        _ => {
                            let value: Value = map.next_value()?;
                            e.extra.insert(key.0.into_owned(), value);
                        }
                    }
                }
                e.id = id.ok_or_else(|| de::Error::missing_field("id"))?;
                e.article_ids =
                    article_ids.ok_or_else(|| de::Error::missing_field("article_ids"))?;
                e.parties = parties.ok_or_else(|| de::Error::missing_field("parties"))?;
                e.kind = kind.ok_or_else(|| de::Error::missing_field("kind"))?;
                e.status = status.ok_or_else(|| de::Error::missing_field("status"))?;
                Ok(EngagementWire(e))
            }
        }
        d.deserialize_map(V)
    }
}

fn shared_list(v: Vec<Shared>) -> Vec<std::sync::Arc<str>> {
    v.into_iter().map(|s| s.0).collect()
}

/// An article read field by field; unknown fields go to `extra`.
pub(super) struct ArticleWire(pub Article);

impl<'de> Deserialize<'de> for ArticleWire {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ArticleWire;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an article object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<ArticleWire, M::Error> {
                let mut id = None;
                let mut sha256 = None;
                let mut text = None;
                let mut body = None;
                let mut a = Article {
                    id: String::new(),
                    source: None,
                    sha256: String::new(),
                    title: None,
                    outlet: None,
                    published: None,
                    text: String::new(),
                    body: [0, 0],
                    extra: Extra::new(),
                };
                while let Some(key) = map.next_key::<Key>()? {
                    match key.0.as_ref() {
                        "id" => id = Some(map.next_value()?),
                        "source" => a.source = map.next_value()?,
                        "sha256" => sha256 = Some(map.next_value()?),
                        "title" => a.title = map.next_value()?,
                        "outlet" => a.outlet = map.next_value()?,
                        "published" => a.published = map.next_value()?,
                        "text" => text = Some(map.next_value()?),
                        "body" => body = Some(map.next_value()?),
                        _ => {
                            let value: Value = map.next_value()?;
                            a.extra.insert(key.0.into_owned(), value);
                        }
                    }
                }
                a.id = id.ok_or_else(|| de::Error::missing_field("id"))?;
                a.sha256 = sha256.ok_or_else(|| de::Error::missing_field("sha256"))?;
                a.text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                a.body = body.ok_or_else(|| de::Error::missing_field("body"))?;
                Ok(ArticleWire(a))
            }
        }
        d.deserialize_map(V)
    }
}
