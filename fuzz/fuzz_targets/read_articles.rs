//! The article reader on any bytes, under every name a corpus file can have: it never panics,
//! and every article it returns is whole (hash matches, body range on character boundaries).
#![no_main]

use entente::corpus::{LoadReport, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["f.txt", "f.html", "f.jsonl", "f.csv", "f.tsv", "f"] {
        let mut report = LoadReport::default();
        let articles = read_bytes(name, data, &mut report);
        for article in &articles {
            assert!(article.hash_matches());
            assert!(!article.text.trim().is_empty());
            let [start, end] = article.body;
            assert!(article.text.get(start..end).is_some(), "{:?}", article.body);
            if let Some(title) = &article.title {
                assert!(!title.is_empty());
            }
        }
        assert!(articles.is_empty() || report.issues.iter().all(|i| !i.place.is_empty()));
    }
});
