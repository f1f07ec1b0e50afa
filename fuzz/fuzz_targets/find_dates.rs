//! The date reader on any text, with and without a publication date: it never panics and every
//! mention is a slice of the text on character boundaries.
#![no_main]

use chrono::NaiveDate;
use entente::extract::dates::find_dates;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first two bytes choose the publication date, so relative dates resolve anywhere.
    let (published, text) = match data {
        [a, b, rest @ ..] => {
            let days = i64::from(u16::from_le_bytes([*a, *b]));
            let base = NaiveDate::from_ymd_opt(1950, 1, 1).expect("valid date");
            (base.checked_add_signed(chrono::TimeDelta::days(days * 2)), rest)
        }
        _ => (None, data),
    };
    let text = String::from_utf8_lossy(text);
    for published in [None, published] {
        for m in find_dates(&text, published) {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
        }
    }
});
