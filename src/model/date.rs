use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// How exact a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A single day.
    Day,
    /// Some day in a given week.
    Week,
    /// Some day in a given month.
    Month,
    /// Some day in a given year.
    Year,
    /// Not known.
    #[default]
    Unknown,
}

impl Precision {
    /// The code written in dataset files.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
        }
    }
}

/// A calendar value: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// A year.
    Year(i32),
    /// A month of a year (1..=12).
    Month(i32, u32),
    /// A day.
    Day(NaiveDate),
}

impl DateValue {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists. Written out by
    /// hand: a million-record dataset holds a million of these.
    pub fn parse(text: &str) -> Option<DateValue> {
        let year_of = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        match text.len() {
            4 => year_of(text).map(DateValue::Year),
            7 => {
                let year = year_of(text.get(..4)?)?;
                let month: u32 = text.get(5..7)?.parse().ok()?;
                (text.as_bytes()[4] == b'-' && (1..=12).contains(&month))
                    .then_some(DateValue::Month(year, month))
            }
            10 => {
                let year = year_of(text.get(..4)?)?;
                let two = |at: usize| -> Option<u32> {
                    let b = text.as_bytes().get(at..at + 2)?;
                    b.iter()
                        .all(u8::is_ascii_digit)
                        .then(|| u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0'))
                };
                let dashes = text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
                let day = NaiveDate::from_ymd_opt(year, two(5)?, two(8)?)?;
                dashes.then_some(DateValue::Day(day))
            }
            _ => None,
        }
    }

    /// The first day the value covers, for sorting and ranges.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            DateValue::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            DateValue::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            DateValue::Day(d) => Some(d),
        }
    }

    /// The year of the value.
    pub fn year(&self) -> i32 {
        match *self {
            DateValue::Year(y) | DateValue::Month(y, _) => y,
            DateValue::Day(d) => d.year(),
        }
    }
}

impl std::fmt::Display for DateValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateValue::Year(y) => write!(f, "{y:04}"),
            DateValue::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            DateValue::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DateValue::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
            ))
        })
    }
}

/// When an engagement happened, with the words it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DateSpan {
    /// First day, month or year; `None` when unknown.
    #[serde(default)]
    pub start: Option<DateValue>,
    /// Last day of a multi-day engagement.
    #[serde(default)]
    pub end: Option<DateValue>,
    /// How exact `start` is.
    #[serde(default)]
    pub precision: Precision,
    /// The words the date was read from.
    #[serde(default, deserialize_with = "super::shared::optional")]
    pub text: Option<Arc<str>>,
    /// How it was resolved, for the analyst.
    #[serde(default, deserialize_with = "super::shared::optional")]
    pub basis: Option<Arc<str>>,
}

impl DateSpan {
    /// The date as shown in the table: `2019-06-18`, `2023-02-13 – 2023-02-16`, the text when
    /// the text gives no year, or empty.
    pub fn label(&self) -> String {
        match (self.start, self.end) {
            (Some(s), Some(e)) => format!("{s} – {e}"),
            (Some(s), None) => s.to_string(),
            _ => self.text.as_deref().unwrap_or_default().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms_and_nothing_else() {
        assert_eq!(DateValue::parse("2019"), Some(DateValue::Year(2019)));
        assert_eq!(DateValue::parse("2021-01"), Some(DateValue::Month(2021, 1)));
        assert_eq!(
            DateValue::parse("2019-06-18").map(|d| d.to_string()),
            Some("2019-06-18".to_string())
        );
        for bad in [
            "2019-13",
            "2019-02-30",
            "19",
            "2019-6-1",
            "June 2019",
            "2019-06-18T10",
            "2019/06/18",
            "2019-06-1x",
            "2019-+6-18",
            "0000-00-00",
        ] {
            assert_eq!(DateValue::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_span_without_year_shows_its_words() {
        let span = DateSpan {
            text: Some("JAN 22".into()),
            precision: Precision::Day,
            ..DateSpan::default()
        };
        assert_eq!(span.label(), "JAN 22");
    }
}
