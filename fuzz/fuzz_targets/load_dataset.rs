//! The dataset loader on any bytes: an error or a dataset, never a panic; a dataset that loads
//! has its evidence and body ranges on character boundaries, and saving it does not panic.
#![no_main]

use entente::dataset::Dataset;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok((dataset, _warnings)) = Dataset::from_slice(data, Path::new("fuzz.entente.json")) else {
        return;
    };
    for article in &dataset.articles {
        assert!(article.text.get(article.body[0]..article.body[1]).is_some());
    }
    for e in &dataset.engagements {
        for ev in &e.evidence {
            let fits = dataset
                .articles
                .iter()
                .filter(|a| a.id == ev.article_id)
                .any(|a| a.text.get(ev.start..ev.end).is_some());
            assert!(fits, "{ev:?}");
        }
    }
    let mut out = Vec::new();
    dataset.write_json(&mut out).expect("writing to memory");
    let _ = Dataset::from_slice(&out, Path::new("again.entente.json"));
});
