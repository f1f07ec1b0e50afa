//! The many repeated strings of a dataset (article ids, evidence field names, topics, ranks,
//! places, the words of dates) are read into one shared allocation per distinct value instead
//! of one per record: at a million records this is the difference between fitting in memory
//! and not.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

/// Distinct values a thread remembers before its table starts afresh: bounds the memory the
/// table keeps after a load, while values that recur are still found.
const CAPACITY: usize = 1 << 16;

thread_local! {
    static TABLE: RefCell<HashSet<Arc<str>>> = RefCell::new(HashSet::new());
}

/// The shared allocation of `text`, made on first sight.
pub fn share(text: &str) -> Arc<str> {
    TABLE.with_borrow_mut(|table| {
        if let Some(known) = table.get(text) {
            return known.clone();
        }
        if table.len() >= CAPACITY {
            table.clear();
        }
        let new: Arc<str> = Arc::from(text);
        table.insert(new.clone());
        new
    })
}

/// A string read through [`share`].
pub(crate) struct Shared(pub Arc<str>);

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Shared;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Shared, E> {
                Ok(Shared(share(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// `deserialize_with` for an `Arc<str>` field.
pub(crate) fn one<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
    Shared::deserialize(d).map(|s| s.0)
}

/// `deserialize_with` for an `Option<Arc<str>>` field.
pub(crate) fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Arc<str>>, D::Error> {
    Option::<Shared>::deserialize(d).map(|s| s.map(|s| s.0))
}

/// `deserialize_with` for a `Vec<Arc<str>>` field.
pub(crate) fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Arc<str>>, D::Error> {
    Vec::<Shared>::deserialize(d).map(|v| v.into_iter().map(|s| s.0).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_share_one_allocation() {
        let a = share("maritime security");
        let b = share(&String::from("maritime security"));
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &share("nuclear")));
    }

    #[test]
    fn read_values_are_shared_and_escapes_decoded() {
        let v: Vec<Shared> = serde_json::from_str(r#"["kind", "kind", "caf\u00e9"]"#).unwrap();
        assert!(Arc::ptr_eq(&v[0].0, &v[1].0));
        assert_eq!(&*v[2].0, "café");
    }

    #[test]
    fn the_table_stays_bounded() {
        for i in 0..CAPACITY + 10 {
            share(&format!("value {i}"));
        }
        assert!(TABLE.with_borrow(|t| t.len()) <= CAPACITY);
    }
}
