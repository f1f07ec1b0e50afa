//! Date-expression reader: finds absolute and relative date expressions in English news
//! text and resolves them, where possible, against the publication date.
//!
//! The reader is a small hand-written tokenizer plus pattern matcher (no regex on the hot
//! path), so it runs in a single linear pass over the text.

use chrono::{Datelike, Duration, NaiveDate};

/// How exact a date reading is: the model's precision (a week's value is its Monday).
pub use crate::model::Precision;

/// A calendar value at some precision: YYYY, YYYY-MM or YYYY-MM-DD; may lack a year when the text gives none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the first byte of the expression in the text (a char boundary).
    pub start: usize,
    /// Byte offset just past the expression (exclusive, a char boundary).
    pub end: usize,
    /// The expression as written: `text[start..end]`.
    pub text: String,
    /// "2019-06-18", "2021-01", "2023", or None when it cannot be resolved to a calendar value.
    /// For Week precision this is the Monday of the week.
    pub value: Option<String>,
    /// For ranges ("from Monday to Thursday", "February 13-16", "13 to 16 February"): the last day.
    pub end_value: Option<String>,
    /// How exact the value is.
    pub precision: Precision,
    /// How the value was resolved, in words for an analyst ("absolute",
    /// "weekday before publication date 2019-06-19", "no publication date: weekday only", ...).
    pub basis: String,
    /// True when the value was resolved against the publication date.
    pub relative: bool,
    /// When no year can be known: what the text does give, e.g. "--01-22" (month-day),
    /// "--01" (month) or "Tuesday". A year is never invented.
    pub partial: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    s: u32,
    e: u32,
    kind: Kind,
    /// Month number (1..=12) when the word is a month name or abbreviation, else 0.
    month: u8,
    /// Weekday number (1 = Monday .. 7 = Sunday) when the word is a weekday name, else 0.
    wday: u8,
    /// The month word is an abbreviation ("Jan", "Sept").
    abbr: bool,
    /// Word starts with an upper-case letter.
    cap: bool,
    /// Word is entirely upper case.
    allcap: bool,
    /// Newline between the previous token and this one.
    nl_before: bool,
    /// Word that can start a relative expression ("last", "today", "two", ...).
    trig: bool,
}

/// Words (lower case) that can start an expression other than a month, weekday or number.
fn trigger_word(lw: &[u8]) -> bool {
    matches!(
        lw,
        b"last"
            | b"next"
            | b"this"
            | b"from"
            | b"between"
            | b"coming"
            | b"earlier"
            | b"later"
            | b"late"
            | b"early"
            | b"mid"
            | b"today"
            | b"tonight"
            | b"yesterday"
            | b"tomorrow"
            | b"the"
            | b"current"
            | b"past"
            | b"previous"
            | b"about"
            | b"almost"
            | b"nearly"
            | b"some"
            | b"around"
            | b"roughly"
            | b"just"
            | b"over"
            | b"exactly"
            | b"a"
            | b"an"
            | b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"christmas"
            | b"thanksgiving"
            | b"new"
    )
}

fn lower_buf(w: &[u8], buf: &mut [u8; 16]) -> Option<usize> {
    if w.len() > 16 {
        return None;
    }
    for (i, b) in w.iter().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    Some(w.len())
}

/// (month number, abbreviated?)
fn month_word(lw: &[u8]) -> Option<(u8, bool)> {
    Some(match lw {
        b"january" => (1, false),
        b"jan" => (1, true),
        b"february" => (2, false),
        b"feb" => (2, true),
        b"march" => (3, false),
        b"mar" => (3, true),
        b"april" => (4, false),
        b"apr" => (4, true),
        b"may" => (5, false),
        b"june" => (6, false),
        b"jun" => (6, true),
        b"july" => (7, false),
        b"jul" => (7, true),
        b"august" => (8, false),
        b"aug" => (8, true),
        b"september" => (9, false),
        b"sept" | b"sep" => (9, true),
        b"october" => (10, false),
        b"oct" => (10, true),
        b"november" => (11, false),
        b"nov" => (11, true),
        b"december" => (12, false),
        b"dec" => (12, true),
        _ => return None,
    })
}

/// Whether `word` is the full name of a month or a weekday, capitalised ("May", "Tuesday";
/// not the verb "may"): for readers that must not take one for a name or a subject.
/// Abbreviations ("Jan", "Sun") are words of their own elsewhere.
pub fn is_calendar_name(word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let mut buf = [0u8; 16];
    let Some(l) = lower_buf(word.as_bytes(), &mut buf) else {
        return false;
    };
    let lw = &buf[..l];
    month_word(lw).is_some_and(|(_, abbreviated)| !abbreviated)
        || weekday_word(lw).is_some_and(|n| wd_name(n).eq_ignore_ascii_case(word))
}

fn weekday_word(lw: &[u8]) -> Option<u8> {
    Some(match lw {
        b"monday" | b"mon" => 1,
        b"tuesday" | b"tue" | b"tues" => 2,
        b"wednesday" | b"wed" => 3,
        b"thursday" | b"thu" | b"thur" | b"thurs" => 4,
        b"friday" | b"fri" => 5,
        b"saturday" | b"sat" => 6,
        b"sunday" | b"sun" => 7,
        _ => None?,
    })
}

fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let n = b.len();
    let mut toks = Vec::with_capacity(n / 5 + 4);
    let mut i = 0;
    let mut nl = false;
    let mut buf = [0u8; 16];
    while i < n {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let s = i;
            while i < n && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let w = &b[s..i];
            let mut t = Tok {
                s: s as u32,
                e: i as u32,
                kind: Kind::Word,
                month: 0,
                wday: 0,
                abbr: false,
                cap: c.is_ascii_uppercase(),
                allcap: false,
                nl_before: nl,
                trig: false,
            };
            if w.len() <= 12
                && matches!(
                    c | 0x20,
                    b'a' | b'b'
                        | b'c'
                        | b'e'
                        | b'f'
                        | b'j'
                        | b'l'
                        | b'm'
                        | b'n'
                        | b'o'
                        | b'p'
                        | b's'
                        | b't'
                        | b'y'
                )
                && let Some(l) = lower_buf(w, &mut buf)
            {
                t.trig = trigger_word(&buf[..l]);
            }
            if t.cap && w.len() >= 3 && w.len() <= 9 {
                if let Some(l) = lower_buf(w, &mut buf) {
                    let lw = &buf[..l];
                    if let Some((m, a)) = month_word(lw) {
                        t.month = m;
                        t.abbr = a;
                    } else if let Some(d) = weekday_word(lw) {
                        // Abbreviated weekdays ("Sat", "Sun", "Wed") are too ambiguous unless
                        // written as full names.
                        if l >= 6 {
                            t.wday = d;
                        }
                    }
                    t.allcap = w.iter().all(|x| x.is_ascii_uppercase());
                }
            } else if t.cap {
                t.allcap = w.iter().all(|x| x.is_ascii_uppercase());
            }
            toks.push(t);
            nl = false;
        } else if c.is_ascii_digit() {
            let s = i;
            while i < n && b[i].is_ascii_digit() {
                i += 1;
            }
            toks.push(Tok {
                s: s as u32,
                e: i as u32,
                kind: Kind::Num,
                month: 0,
                wday: 0,
                abbr: false,
                cap: false,
                allcap: false,
                nl_before: nl,
                trig: false,
            });
            nl = false;
        } else if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
        } else if c == b'\n' {
            nl = true;
            i += 1;
        } else {
            let s = i;
            let len = if c < 0x80 {
                1
            } else if c >= 0xF0 {
                4
            } else if c >= 0xE0 {
                3
            } else {
                2
            };
            i = (i + len).min(n);
            // Non-breaking space: treat as whitespace.
            if &b[s..i] == "\u{a0}".as_bytes() {
                continue;
            }
            toks.push(Tok {
                s: s as u32,
                e: i as u32,
                kind: Kind::Punct,
                month: 0,
                wday: 0,
                abbr: false,
                cap: false,
                allcap: false,
                nl_before: nl,
                trig: false,
            });
            nl = false;
        }
    }
    toks
}

// ---------------------------------------------------------------------------------------------
// Date helpers

fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn ym(y: i32, m: u32) -> String {
    format!("{:04}-{:02}", y, m)
}

fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let t = y * 12 + (m as i32 - 1) + delta;
    (t.div_euclid(12), (t.rem_euclid(12) + 1) as u32)
}

/// The seven days up to a reported day: an act done and dated only by the day it was reported
/// ("said on Friday that the two had spoken") was done then or in the days before.
pub fn week_up_to(day: &DateMention) -> Option<DateMention> {
    let d = NaiveDate::parse_from_str(day.value.as_deref()?, "%Y-%m-%d").ok()?;
    Some(DateMention {
        start: day.start,
        end: day.end,
        text: day.text.clone(),
        ..days_up_to(
            d,
            format!("done by the day of its report, {d}: the week up to it"),
        )
    })
}

/// The seven days up to `d` (a week reading with its last day), for an act known only to be
/// done by then. It points at no words of the text.
pub fn days_up_to(d: NaiveDate, basis: String) -> DateMention {
    DateMention {
        start: 0,
        end: 0,
        text: String::new(),
        value: Some((d - Duration::days(6)).format("%Y-%m-%d").to_string()),
        end_value: Some(d.format("%Y-%m-%d").to_string()),
        precision: Precision::Week,
        basis,
        relative: true,
        partial: None,
    }
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

fn wd_name(n: u8) -> &'static str {
    [
        "",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][n as usize]
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let (ny, nm) = add_months(y, m, 1);
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map(|d| d.day())
        .unwrap_or(31)
}

/// Most recent `wd` on or before `d` (or strictly before when `strict`).
fn wd_before(d: NaiveDate, wd: u8, strict: bool) -> NaiveDate {
    let cur = d.weekday().number_from_monday() as i64;
    let mut back = (cur - wd as i64).rem_euclid(7);
    if back == 0 && strict {
        back = 7;
    }
    d - Duration::days(back)
}

/// Next `wd` on or after `d` (or strictly after when `strict`).
fn wd_after(d: NaiveDate, wd: u8, strict: bool) -> NaiveDate {
    let cur = d.weekday().number_from_monday() as i64;
    let mut fwd = (wd as i64 - cur).rem_euclid(7);
    if fwd == 0 && strict {
        fwd = 7;
    }
    d + Duration::days(fwd)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tense {
    Past,
    Future,
    None,
}

// ---------------------------------------------------------------------------------------------
// Matcher

struct Found {
    end_tok: usize, // exclusive token index
    start_tok: usize,
    value: Option<String>,
    end_value: Option<String>,
    precision: Precision,
    basis: String,
    relative: bool,
    partial: Option<String>,
}

struct Ctx<'a> {
    text: &'a str,
    b: &'a [u8],
    t: Vec<Tok>,
    pubd: Option<NaiveDate>,
}

const PAST_GAP: i64 = 3;
const NONE_GAP: i64 = 3;

const WORD_NUMS: [(&str, i64); 14] = [
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
];

impl<'a> Ctx<'a> {
    fn w(&self, i: usize) -> &'a str {
        let t = &self.t[i];
        &self.text[t.s as usize..t.e as usize]
    }
    fn is_word(&self, i: usize, s: &str) -> bool {
        i < self.t.len() && self.t[i].kind == Kind::Word && self.w(i).eq_ignore_ascii_case(s)
    }
    fn is_any(&self, i: usize, ss: &[&str]) -> bool {
        i < self.t.len()
            && self.t[i].kind == Kind::Word
            && ss.iter().any(|s| self.w(i).eq_ignore_ascii_case(s))
    }
    fn is_p(&self, i: usize, c: u8) -> bool {
        i < self.t.len() && self.t[i].kind == Kind::Punct && self.b[self.t[i].s as usize] == c
    }
    /// Is a dash-like token (hyphen, en dash, em dash).
    fn is_dash(&self, i: usize) -> bool {
        if i >= self.t.len() || self.t[i].kind != Kind::Punct {
            return false;
        }
        matches!(self.w(i), "-" | "\u{2013}" | "\u{2014}")
    }
    /// Tokens i and i+1 touch (no whitespace between).
    fn adj(&self, i: usize) -> bool {
        i + 1 < self.t.len() && self.t[i].e == self.t[i + 1].s
    }
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        if i < self.t.len() && self.t[i].kind == Kind::Num {
            let w = self.w(i);
            if w.len() <= 4 {
                return w.parse().ok().map(|v| (v, w.len()));
            }
        }
        None
    }
    fn is_numlike_before(&self, i: usize) -> bool {
        // A number token directly glued to i from the left, through ',' or '.' etc.
        i >= 1 && self.t[i - 1].e == self.t[i].s && matches!(self.t[i - 1].kind, Kind::Num)
            || (i >= 2
                && self.t[i - 1].e == self.t[i].s
                && (self.is_p(i - 1, b',') || self.is_p(i - 1, b'.') || self.is_p(i - 1, b':'))
                && self.t[i - 2].kind == Kind::Num
                && self.t[i - 2].e == self.t[i - 1].s)
    }
    /// A day number 1..=31 at i (with optional ordinal suffix glued); returns (day, next index).
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let (d, len) = self.num(i)?;
        if len > 2 || d == 0 || d > 31 {
            return None;
        }
        let mut j = i + 1;
        if self.adj(i) && self.is_any(j, &["st", "nd", "rd", "th"]) {
            j += 1;
        } else if self.adj(i)
            && j < self.t.len()
            && (self.t[j].kind == Kind::Word || self.t[j].kind == Kind::Num)
        {
            return None;
        }
        // not a time "10:30" or decimal "5.5" or "3,000"
        if j < self.t.len()
            && self.t[j - 1].e == self.t[j].s
            && (self.is_p(j, b':') || self.is_p(j, b'.') || self.is_p(j, b','))
            && j + 1 < self.t.len()
            && self.t[j + 1].kind == Kind::Num
            && self.t[j].e == self.t[j + 1].s
        {
            return None;
        }
        if i > 0 && self.is_numlike_before(i) {
            return None;
        }
        Some((d, j))
    }
    /// A year 1900..=2099 at i; returns (year, next index).
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let (y, len) = self.num(i)?;
        if len != 4 || !(1900..=2099).contains(&y) {
            return None;
        }
        if self.adj(i) && i + 1 < self.t.len() && self.t[i + 1].kind != Kind::Punct {
            return None;
        }
        if i > 0 && self.is_numlike_before(i) {
            return None;
        }
        // "2019.5", "2019,000"
        if self.adj(i)
            && (self.is_p(i + 1, b'.') || self.is_p(i + 1, b',') || self.is_p(i + 1, b':'))
            && i + 2 < self.t.len()
            && self.t[i + 2].kind == Kind::Num
            && self.adj(i + 1)
        {
            return None;
        }
        Some((y as i32, i + 1))
    }
    /// Month token usable as a date word (capitalised or all caps).
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        if i >= self.t.len() {
            return None;
        }
        let t = &self.t[i];
        if t.month == 0 {
            return None;
        }
        let mut j = i + 1;
        if t.abbr && self.is_p(j, b'.') && self.adj(i) {
            j += 1;
        }
        Some((t.month as u32, j))
    }

    fn sentence_bounds(&self, i: usize) -> (usize, usize) {
        let n = self.t.len();
        let mut s = i;
        let mut k = 0;
        while s > 0 && k < 40 {
            if self.t[s].nl_before || self.is_boundary(s - 1) {
                break;
            }
            s -= 1;
            k += 1;
        }
        let mut e = i + 1;
        k = 0;
        while e < n && k < 40 {
            if self.t[e].nl_before || self.is_boundary(e) {
                break;
            }
            e += 1;
            k += 1;
        }
        (s, e)
    }
    fn is_boundary(&self, i: usize) -> bool {
        let t = &self.t[i];
        if t.kind != Kind::Punct {
            return false;
        }
        match self.b[t.s as usize] {
            b'!' | b'?' | b';' => true,
            b'.' => {
                if i == 0 {
                    return true;
                }
                let p = &self.t[i - 1];
                if p.kind == Kind::Word && p.e == t.s {
                    let w = self.w(i - 1);
                    if p.month != 0 && p.abbr || w.len() == 1 {
                        return false;
                    }
                    if [
                        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sen", "Rep", "Gov",
                        "Prof", "No", "Jr", "Sr", "Co", "Inc", "Corp", "Maj", "Capt", "Sgt", "Adm",
                        "Brig", "Rev", "Hon", "Pres", "Vol", "Ltd",
                    ]
                    .contains(&w)
                    {
                        return false;
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// Tense of the sentence around tokens [a, b): the cue word closest to the mention wins.
    /// Auxiliaries and common irregular past forms are strong cues; other "-ed" words are weak
    /// (they lose against a strong cue a few words further away).
    fn tense(&self, a: usize, b: usize) -> Tense {
        let (s, e) = self.sentence_bounds(a);
        // Immediately governing words.
        if a >= 3
            && self.is_word(a - 3, "as")
            && self.is_word(a - 2, "soon")
            && self.is_word(a - 1, "as")
        {
            return Tense::Future;
        }
        // "exercises beginning Friday": a start still ahead of the report.
        if a >= 1
            && ["beginning", "starting", "commencing"]
                .iter()
                .any(|w| self.is_word(a - 1, w))
        {
            return Tense::Future;
        }
        let mut best: (usize, Tense) = (usize::MAX, Tense::None);
        for k in s..e {
            if k >= a && k < b {
                continue;
            }
            let t = &self.t[k];
            if t.kind != Kind::Word {
                continue;
            }
            let w = self.w(k);
            let mut lw = [0u8; 16];
            let Some(l) = lower_buf(w.as_bytes(), &mut lw) else {
                continue;
            };
            let lw = &lw[..l];
            let (cue, weak) = match lw {
                b"will" | b"shall" | b"upcoming" | b"scheduled" | b"slated" | b"due"
                | b"forthcoming" | b"would" | b"tomorrow" | b"intends" | b"payable"
                | b"effective" => (Tense::Future, false),
                b"expected" | b"plans" | b"planned" | b"plan" | b"planning" | b"set" | b"going"
                | b"is" | b"are" | b"hopes" | b"aims" | b"intend" | b"wants"
                    if self.is_word(k + 1, "to") =>
                {
                    (Tense::Future, false)
                }
                b"ll" if k > 0 && self.is_p(k - 1, b'\'') => (Tense::Future, false),
                // "Modi, who heads to Washington on Wednesday": a journey or a meeting in the
                // present simple, after its doer, is a schedule (news tells what was done in
                // the past tense).
                b"arrives" | b"travels" | b"departs" | b"flies" | b"meets" | b"embarks"
                    if k < a && k > 0 && self.t[k - 1].kind == Kind::Word =>
                {
                    (Tense::Future, false)
                }
                // Words that are plural nouns too ("his visits", "heads of state"): after a
                // name or "who" only.
                b"heads" | b"leaves" | b"visits" | b"hosts"
                    if k < a
                        && k > 0
                        && (self.is_word(k - 1, "who")
                            || self.t[k - 1].kind == Kind::Word
                                && self.w(k - 1).starts_with(|c: char| c.is_ascii_uppercase())
                                && !["The", "His", "Her", "Their", "Its", "These", "Those"]
                                    .contains(&self.w(k - 1))) =>
                {
                    (Tense::Future, false)
                }
                // "is hosting talks on Saturday": a present progressive with a day is an
                // arrangement ahead (or of the day itself).
                b"is" | b"are"
                    if self.t.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
                        && self.w(k + 1).len() > 5
                        && self.w(k + 1).ends_with("ing")
                        && !self.is_word(k + 1, "being") =>
                {
                    (Tense::Future, true)
                }
                b"wo" if self.is_p(k + 1, b'\'') || self.is_word(k + 1, "n") => {
                    (Tense::Future, false)
                }
                b"was" | b"were" | b"had" | b"did" | b"said" | b"told" | b"met" | b"held"
                | b"took" | b"came" | b"went" | b"gave" | b"made" | b"began" | b"left"
                | b"sent" | b"spoke" | b"saw" | b"won" | b"lost" | b"fought" | b"struck"
                | b"brought" | b"found" | b"became" | b"rose" | b"fell" | b"ran" | b"wrote"
                | b"flew" | b"led" | b"paid" | b"sold" | b"bought" | b"kept" | b"broke"
                | b"chose" | b"drew" | b"grew" | b"knew" | b"shot" | b"stood" | b"yesterday"
                | b"ago" | b"last" | b"earlier" => (Tense::Past, false),
                // (Not a name: "Mohammed", "Ahmed", "Saeed".)
                _ if l >= 5
                    && lw.ends_with(b"ed")
                    && !t.cap
                    && !matches!(
                        lw,
                        b"indeed"
                            | b"hundred"
                            | b"proceed"
                            | b"succeed"
                            | b"exceed"
                            | b"united"
                            | b"limited"
                            | b"based"
                            | b"speed"
                            | b"need"
                            | b"armed"
                            | b"related"
                            | b"embed"
                            | b"breed"
                            | b"concerned"
                            | b"interested"
                            | b"advanced"
                            | b"detailed"
                            | b"sacred"
                            | b"wicked"
                            | b"naked"
                            | b"kindred"
                            | b"expected"
                            | b"planned"
                            | b"scheduled"
                            | b"untouched"
                            | b"unprecedented"
                            | b"supposed"
                            | b"proposed"
                            | b"required"
                            | b"needed"
                    ) =>
                {
                    (Tense::Past, true)
                }
                _ => (Tense::None, false),
            };
            if cue != Tense::None {
                let d = if k < a { a - k } else { k - b + 1 };
                let d = d * 2 + usize::from(k >= b) + if weak { 6 } else { 0 };
                if d < best.0 {
                    best = (d, cue);
                }
            }
        }
        best.1
    }

    fn found(
        &self,
        st: usize,
        et: usize,
        value: Option<String>,
        precision: Precision,
        basis: String,
        relative: bool,
    ) -> Found {
        Found {
            start_tok: st,
            end_tok: et,
            value,
            end_value: None,
            precision,
            basis,
            relative,
            partial: None,
        }
    }

    /// Year for a month(-day) without a year, chosen from the publication date and tense.
    fn year_for(&self, m: u32, d: Option<u32>, a: usize, b: usize) -> (i32, String) {
        // Callers only ask when a publication date is known.
        let Some(p) = self.pubd else {
            return (0, String::from("no publication date"));
        };
        let py = p.year();
        let key = |y: i32| -> i64 {
            // months since epoch*40 + day, for comparisons
            (y as i64 * 12 + m as i64) * 40 + d.unwrap_or(0) as i64
        };
        let pk =
            (py as i64 * 12 + p.month() as i64) * 40 + if d.is_some() { p.day() as i64 } else { 0 };
        let tense = self.tense(a, b);
        let after = key(py) > pk;
        let before = key(py) < pk;
        let months_diff = (m as i64 - p.month() as i64).abs();
        match tense {
            Tense::Future if before && (months_diff >= 1) => (
                py + 1,
                format!(
                    "future tense: next occurrence after publication date {}",
                    ymd(p)
                ),
            ),
            Tense::Past if after && months_diff >= PAST_GAP => (
                py - 1,
                format!(
                    "past tense: last occurrence before publication date {}",
                    ymd(p)
                ),
            ),
            Tense::None if after && months_diff >= NONE_GAP => (
                py - 1,
                format!("last occurrence before publication date {}", ymd(p)),
            ),
            _ => (py, format!("publication year of {}", ymd(p))),
        }
    }

    fn month_value(&self, m: u32, d: Option<u32>, st: usize, et: usize, extra: &str) -> Found {
        match self.pubd {
            Some(_) => {
                let (y, basis) = self.year_for(m, d, st, et);
                match d {
                    Some(d) => match NaiveDate::from_ymd_opt(y, m, d) {
                        Some(dt) => self.found(
                            st,
                            et,
                            Some(ymd(dt)),
                            Precision::Day,
                            format!("{extra}{basis}"),
                            true,
                        ),
                        None => {
                            self.found(st, et, None, Precision::Day, "invalid day".into(), false)
                        }
                    },
                    None => self.found(
                        st,
                        et,
                        Some(ym(y, m)),
                        Precision::Month,
                        format!("{extra}{basis}"),
                        true,
                    ),
                }
            }
            None => {
                let mut f = self.found(
                    st,
                    et,
                    None,
                    if d.is_some() {
                        Precision::Day
                    } else {
                        Precision::Month
                    },
                    "no publication date: no year in text".into(),
                    false,
                );
                f.partial = Some(match d {
                    Some(d) => format!("--{:02}-{:02}", m, d),
                    None => format!("--{:02}", m),
                });
                f
            }
        }
    }

    // --- patterns ------------------------------------------------------------------------

    /// ISO 2019-06-19.
    fn p_iso(&self, i: usize) -> Option<Found> {
        let (y, j) = self.year_at(i).or({
            // year_at rejects a year glued to a following '-'? No: '-' is punct, accepted.
            None
        })?;
        if !(self.is_p(j, b'-') && self.adj(i) && self.adj(j)) {
            return None;
        }
        let (m, l1) = self.num(j + 1)?;
        if l1 != 2 || !self.is_p(j + 2, b'-') || !self.adj(j + 1) || !self.adj(j + 2) {
            return None;
        }
        let (d, l2) = self.num(j + 3)?;
        if l2 != 2 {
            return None;
        }
        if self.adj(j + 3) && j + 4 < self.t.len() && self.t[j + 4].kind != Kind::Punct {
            return None;
        }
        let dt = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(self.found(
            i,
            j + 4,
            Some(ymd(dt)),
            Precision::Day,
            "absolute".into(),
            false,
        ))
    }

    /// Day-first: "19 June 2019", "13-16 February 2023", "13 to 16 February", "the 5th of May".
    fn p_day_month(&self, i: usize) -> Option<Found> {
        let (d1, mut j) = self.day_at(i)?;
        let mut d2 = None;
        if (self.is_dash(j) || self.is_any(j, &["to", "and"])) && self.day_at(j + 1).is_some() {
            let (dd, jj) = self.day_at(j + 1)?;
            if dd > d1 && self.month_at(jj).is_some() {
                d2 = Some(dd);
                j = jj;
            }
        }
        if self.is_word(j, "of") {
            j += 1;
        }
        let (m, mut k) = self.month_at(j)?;
        // month must be capitalised; "May" requires it anyway via tokenizer
        let mut year = None;
        let k0 = k;
        if self.is_p(k, b',') {
            k += 1;
        }
        if let Some((y, kk)) = self.year_at(k) {
            year = Some(y);
            k = kk;
        } else {
            k = k0;
        }
        Some(self.finish_md(i, k, m, d1, d2, year))
    }

    fn finish_md(
        &self,
        st: usize,
        et: usize,
        m: u32,
        d1: u32,
        d2: Option<u32>,
        year: Option<i32>,
    ) -> Found {
        match year {
            Some(y) => {
                let Some(dt) = NaiveDate::from_ymd_opt(y, m, d1) else {
                    return self.found(st, et, None, Precision::Day, "invalid date".into(), false);
                };
                let mut f = self.found(
                    st,
                    et,
                    Some(ymd(dt)),
                    Precision::Day,
                    "absolute".into(),
                    false,
                );
                f.end_value = d2.and_then(|d| NaiveDate::from_ymd_opt(y, m, d)).map(ymd);
                f
            }
            None => {
                let mut f = self.month_value(m, Some(d1), st, et, "month-day, year from ");
                if let (Some(d2), Some(v)) = (d2, &f.value) {
                    let y: i32 = v[..4].parse().unwrap_or(0);
                    f.end_value = NaiveDate::from_ymd_opt(y, m, d2).map(ymd);
                } else if let (Some(d2), None) = (d2, &f.value) {
                    f.partial = Some(format!("--{:02}-{:02}/--{:02}-{:02}", m, d1, m, d2));
                }
                f
            }
        }
    }

    /// Month-first: "June 19th, 2019", "Jan. 5", "February 13-16", "January 2021", "May, 2011",
    /// "June last year", bare "in March".
    fn p_month(&self, i: usize) -> Option<Found> {
        let (m, j) = self.month_at(i)?;
        let t = &self.t[i];
        // Month + day
        if let Some((d1, mut k)) = self.day_at(j) {
            // "May 5 people"? day must not be followed by a lowercase plural noun
            let mut d2 = None;
            if (self.is_dash(k) || self.is_any(k, &["to", "and"])) && self.day_at(k + 1).is_some() {
                let (dd, kk) = self.day_at(k + 1)?;
                if dd > d1 && !(self.t[k].kind == Kind::Word && self.month_at(kk).is_some()) {
                    d2 = Some(dd);
                    k = kk;
                }
            }
            let k0 = k;
            let mut year = None;
            let mut kk = k;
            if self.is_p(kk, b',') {
                kk += 1;
            }
            if let Some((y, k2)) = self.year_at(kk) {
                year = Some(y);
                k = k2;
            } else {
                k = k0;
            }
            return Some(self.finish_md(i, k, m, d1, d2, year));
        }
        // Month + year: "January 2021", "May, 2011"
        {
            let mut k = j;
            if self.is_p(k, b',') {
                k += 1;
            }
            if let Some((y, k2)) = self.year_at(k) {
                return Some(self.found(
                    i,
                    k2,
                    Some(ym(y, m)),
                    Precision::Month,
                    "absolute".into(),
                    false,
                ));
            }
        }
        if t.abbr {
            return None;
        }
        // "June last year", "January this year", "March next year"
        if self.is_any(j, &["last", "this", "next"]) && self.is_word(j + 1, "year") {
            if let Some(p) = self.pubd {
                let y = p.year()
                    + match self.w(j).to_ascii_lowercase().as_str() {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                return Some(self.found(
                    i,
                    j + 2,
                    Some(ym(y, m)),
                    Precision::Month,
                    format!("month of year relative to publication date {}", ymd(p)),
                    true,
                ));
            }
            let mut f = self.found(
                i,
                j + 2,
                None,
                Precision::Month,
                "no publication date: month only".into(),
                false,
            );
            f.partial = Some(format!("--{:02}", m));
            return Some(f);
        }
        // bare month: guard against names, modal "may", verb "march"
        let prev_ok = i > 0
            && self.is_any(
                i - 1,
                &[
                    "in",
                    "since",
                    "by",
                    "until",
                    "till",
                    "from",
                    "of",
                    "during",
                    "before",
                    "after",
                    "through",
                    "early",
                    "mid",
                    "late",
                    "end",
                    "last",
                    "next",
                    "this",
                    "every",
                    "each",
                    "for",
                    "and",
                    "or",
                    "to",
                    "between",
                    "throughout",
                    "on",
                    "that",
                    "until",
                    "around",
                    "beginning",
                    "start",
                    "middle",
                ],
            )
            || (i > 1 && self.is_dash(i - 1) && self.is_any(i - 2, &["mid", "early", "late"]));
        if !prev_ok {
            return None;
        }
        if m == 5 || m == 3 {
            // "may be", "in March to protest"
            if self
                .t
                .get(j)
                .is_some_and(|n| n.kind == Kind::Word && !n.cap)
                && self.is_any(
                    j,
                    &[
                        "be", "have", "not", "also", "still", "well", "never", "to", "soon",
                        "already", "want", "need", "require", "seek", "face", "lead", "take",
                        "make", "become", "see", "help", "get", "go", "come",
                    ],
                )
            {
                return None;
            }
            if i > 0 && self.is_any(i - 1, &["to", "and", "or", "for", "that"]) {
                return None;
            }
        }
        // habitual: "each July", "every March"
        if i > 0 && self.is_any(i - 1, &["each", "every"]) {
            let mut f = self.found(
                i - 1,
                j,
                None,
                Precision::Month,
                "habitual month".into(),
                false,
            );
            f.partial = Some(format!("--{:02}", m));
            return Some(f);
        }
        // names: "in April Smith's house" – next token a capitalised word that is not a month
        if j < self.t.len()
            && self.t[j].kind == Kind::Word
            && self.t[j].cap
            && !self.t[j].nl_before
            && self.t[j].month == 0
            && self.t[j].wday == 0
            && !self.t[j].allcap
        {
            return None;
        }
        // "last April", "next March", "this May"
        if i > 0 && self.is_any(i - 1, &["last", "next", "this"]) {
            let which = self.w(i - 1).to_ascii_lowercase();
            if let Some(p) = self.pubd {
                let pm = p.month();
                let py = p.year();
                let y = match which.as_str() {
                    "last" => {
                        if m < pm {
                            py
                        } else {
                            py - 1
                        }
                    }
                    "next" => {
                        if m > pm {
                            py
                        } else {
                            py + 1
                        }
                    }
                    _ => py,
                };
                return Some(self.found(
                    i - 1,
                    j,
                    Some(ym(y, m)),
                    Precision::Month,
                    format!(
                        "{which} {} relative to publication date {}",
                        self.w(i),
                        ymd(p)
                    ),
                    true,
                ));
            }
            let mut f = self.found(
                i - 1,
                j,
                None,
                Precision::Month,
                "no publication date: month only".into(),
                false,
            );
            f.partial = Some(format!("--{:02}", m));
            return Some(f);
        }
        let mut f = self.month_value(m, None, i, j, "month, year from ");
        if f.value.is_none() {
            f.basis = "no publication date: month only".into();
        }
        Some(f)
    }

    /// Years: "2019", "in 2021", "mid-2020", decades "the 1990s" (no calendar value).
    fn p_year(&self, i: usize) -> Option<Found> {
        // decade "1990s" / "1990's"
        if let Some((y, len)) = self.num(i)
            && len == 4
            && (1900..=2090).contains(&y)
            && y % 10 == 0
            && self.adj(i)
        {
            let j = i + 1;
            let k = if self.is_word(j, "s") {
                Some(j + 1)
            } else if self.is_p(j, b'\'') && self.adj(j) && self.is_word(j + 1, "s") {
                Some(j + 2)
            } else {
                None
            };
            if let Some(k) = k {
                let st = if i > 0 && self.is_word(i - 1, "the") {
                    i - 1
                } else {
                    i
                };
                return Some(self.found(
                    st,
                    k,
                    None,
                    Precision::Unknown,
                    format!("decade {}s", y),
                    false,
                ));
            }
        }
        let (y, j) = self.year_at(i)?;
        // "2019-20", "2019-2020", "2019/20"
        if (self.is_dash(j) || self.is_p(j, b'/'))
            && self.adj(i)
            && self.adj(j)
            && self.num(j + 1).is_some()
        {
            let (_, l) = self.num(j + 1)?;
            if l == 2 || l == 4 {
                return Some(self.found(
                    i,
                    j + 2,
                    None,
                    Precision::Unknown,
                    "year span".into(),
                    false,
                ));
            }
        }
        if i > 0
            && (self.is_p(i - 1, b'$')
                || self.is_p(i - 1, b'#')
                || self.t[i - 1].kind == Kind::Punct && self.w(i - 1) == "\u{a3}")
        {
            return None;
        }
        if self.is_p(j, b'%') {
            return None;
        }
        // "Exercise Indus Shield-2024", "AMAN-2025": a year hyphened to a name is part of it.
        if i >= 2
            && self.is_dash(i - 1)
            && self.adj(i - 2)
            && self.adj(i - 1)
            && self.t[i - 2].kind == Kind::Word
            && self.w(i - 2).starts_with(|c: char| c.is_ascii_uppercase())
        {
            return None;
        }
        if i > 0
            && self.is_any(
                i - 1,
                &[
                    "at",
                    "No",
                    "number",
                    "Room",
                    "Flight",
                    "Route",
                    "Resolution",
                    "about",
                    "some",
                    "nearly",
                    "over",
                    "than",
                    "around",
                    "approximately",
                    "almost",
                    "least",
                ],
            )
            && !self.year_context_strong(i)
        {
            return None;
        }
        if j < self.t.len() && self.t[j].kind == Kind::Word && !self.t[j].nl_before {
            let w = self.w(j);
            if self.is_any(
                j,
                &[
                    "GMT",
                    "UTC",
                    "hours",
                    "hrs",
                    "local",
                    "h",
                    "IST",
                    "PST",
                    "EST",
                    "BST",
                    "CET",
                    "km",
                    "kg",
                    "m",
                    "ft",
                    "mm",
                    "cm",
                    "metres",
                    "meters",
                    "feet",
                    "miles",
                    "tonnes",
                    "tons",
                    "kilometres",
                    "kilometers",
                    "square",
                    "acres",
                    "hectares",
                    "dollars",
                    "euros",
                    "pounds",
                    "rupees",
                    "yuan",
                    "yen",
                    "people",
                    "men",
                    "women",
                    "troops",
                    "soldiers",
                    "personnel",
                    "times",
                    "points",
                    "votes",
                    "units",
                    "of",
                ],
            ) {
                return None;
            }
            let lw = w.as_bytes();
            if !self.t[j].cap
                && lw.len() > 3
                && lw.ends_with(b"s")
                && !self.is_any(
                    j,
                    &[
                        "was",
                        "has",
                        "is",
                        "its",
                        "this",
                        "his",
                        "as",
                        "thus",
                        "plus",
                        "less",
                        "across",
                        "elections",
                        "polls",
                        "games",
                        "olympics",
                        "talks",
                        "negotiations",
                        "levels",
                        "figures",
                        "results",
                        "budgets",
                        "accords",
                        "agreements",
                        "protests",
                        "riots",
                        "attacks",
                        "bombings",
                        "sanctions",
                        "exercises",
                        "drills",
                        "manoeuvres",
                        "maneuvers",
                        "series",
                    ],
                )
            {
                return None;
            }
        }
        // part of a year: "the 1988 period", "the third quarter of 1984", "1990's first half"
        let part_words = ["quarter", "quarters", "period", "half", "halves", "season"];
        let mut jj = j;
        if self.is_p(jj, b'\'') && self.is_word(jj + 1, "s") {
            jj += 2;
        }
        if self.is_any(jj, &part_words)
            || (self.is_any(jj, &["first", "second", "third", "fourth", "fiscal"])
                && self.is_any(jj + 1, &part_words))
            || (i >= 2 && self.is_word(i - 1, "of") && self.is_any(i - 2, &part_words))
        {
            return Some(self.found(
                i,
                j,
                None,
                Precision::Unknown,
                "part of a year (quarter/period)".into(),
                false,
            ));
        }
        // inside a proper name: "Vision 2030", "Orion 1980"
        if i > 0
            && !self.t[i].nl_before
            && self.t[i - 1].kind == Kind::Word
            && self.t[i - 1].cap
            && !self.t[i - 1].allcap
            && self.t[i - 1].month == 0
            && !self.is_any(
                i - 1,
                &[
                    "In",
                    "Since",
                    "By",
                    "Until",
                    "From",
                    "Before",
                    "After",
                    "During",
                    "Through",
                    "Of",
                    "And",
                    "Or",
                    "To",
                    "On",
                    "For",
                    "At",
                    "As",
                    "Early",
                    "Late",
                    "Mid",
                    "Fiscal",
                    "FY",
                    "Circa",
                    "The",
                    "Between",
                    "Until",
                    "Till",
                    "Around",
                    "About",
                    "Only",
                    "Even",
                    "Already",
                    "Back",
                    "Then",
                    "Last",
                    "Throughout",
                    "Unlike",
                    "Like",
                    "Despite",
                    "Beyond",
                ],
            )
            && !(i >= 2 && self.is_boundary(i - 2))
        {
            return None;
        }
        let mut st = i;
        // prefixes: "mid-2020", "early 2021", "late 2019", "the end of 2020"
        if i >= 2
            && self.is_dash(i - 1)
            && self.is_any(i - 2, &["mid", "early", "late", "pre", "post"])
            && self.adj(i - 2)
        {
            if self.is_any(i - 2, &["pre", "post"]) {
                return None;
            }
            st = i - 2;
        } else if i >= 1 && self.is_any(i - 1, &["early", "mid", "late", "fiscal", "FY"]) {
            st = i - 1;
        }
        Some(self.found(
            st,
            j,
            Some(format!("{:04}", y)),
            Precision::Year,
            "absolute".into(),
            false,
        ))
    }

    fn year_context_strong(&self, _i: usize) -> bool {
        false
    }

    fn wd_value(
        &self,
        wd: u8,
        st: usize,
        et: usize,
        mode: &str,
    ) -> (Option<String>, String, bool, Option<String>) {
        match self.pubd {
            None => (
                None,
                "no publication date: weekday only".into(),
                false,
                Some(wd_name(wd).to_string()),
            ),
            Some(p) => {
                let (d, basis) = match mode {
                    "last" => (
                        wd_before(p, wd, true),
                        format!("weekday before publication date {}", ymd(p)),
                    ),
                    "next" => (
                        wd_after(p, wd, true),
                        format!("weekday after publication date {}", ymd(p)),
                    ),
                    _ if self.is_p(et, b'\'') && self.is_word(et + 1, "s") && self.adj(et - 1) => (
                        wd_before(p, wd, false),
                        format!(
                            "possessive weekday: on or before publication date {}",
                            ymd(p)
                        ),
                    ),
                    _ => match self.tense(st, et) {
                        Tense::Future => (
                            wd_after(p, wd, false),
                            format!(
                                "future tense: weekday on or after publication date {}",
                                ymd(p)
                            ),
                        ),
                        _ => (
                            wd_before(p, wd, false),
                            format!("weekday on or before publication date {}", ymd(p)),
                        ),
                    },
                };
                (Some(ymd(d)), basis, true, None)
            }
        }
    }

    /// The weekend: "over the weekend", "at the weekend", "last weekend", "this weekend", "next
    /// weekend": Saturday to Sunday, before publication for past acts and after it for
    /// announced ones (as a weekday is).
    fn p_weekend(&self, i: usize) -> Option<Found> {
        // "over the weekend": read from "the" (the words that may open a date), the
        // preposition before it joining the span.
        let mut st = i;
        let (mode, unit) = if self.is_word(i, "the")
            && self.is_word(i + 1, "weekend")
            && i > 0
            && self.is_any(i - 1, &["over", "at", "on", "during", "across"])
        {
            st = i - 1;
            ("", i + 1)
        } else if self.is_any(i, &["last", "past"]) && self.is_word(i + 1, "weekend") {
            ("last", i + 1)
        } else if self.is_any(i, &["next", "coming"]) && self.is_word(i + 1, "weekend") {
            ("next", i + 1)
        } else if self.is_word(i, "this") && self.is_word(i + 1, "weekend") {
            ("", i + 1)
        } else {
            return None;
        };
        // "weekend's", "weekend of": the weekend named after it is another's.
        if self.is_word(unit + 1, "of") {
            return None;
        }
        let j = unit + 1;
        let Some(p) = self.pubd else {
            let mut f = self.found(
                st,
                j,
                None,
                Precision::Day,
                "no publication date: weekend only".into(),
                false,
            );
            f.partial = Some("Saturday/Sunday".into());
            return Some(f);
        };
        // A report dated on the weekend itself tells of that weekend.
        let on_weekend = p.weekday().number_from_monday() >= 6;
        let future = match mode {
            "last" => false,
            "next" => true,
            _ => !on_weekend && self.tense(st, j) == Tense::Future,
        };
        let saturday = if future {
            wd_after(p, 6, false)
        } else {
            wd_before(p, 6, false)
        };
        let mut sunday = saturday + Duration::days(1);
        if !future {
            sunday = sunday.min(p);
        }
        let basis = format!(
            "weekend {} publication date {}",
            if future { "after" } else { "on or before" },
            ymd(p)
        );
        let mut f = self.found(st, j, Some(ymd(saturday)), Precision::Day, basis, true);
        if sunday > saturday {
            f.end_value = Some(ymd(sunday));
        }
        Some(f)
    }

    /// Weekdays: "Tuesday", "last Tuesday", "next Tuesday", "from Monday to Thursday",
    /// "Monday, Oct. 26".
    fn p_weekday(&self, i: usize) -> Option<Found> {
        let mut st = i;
        let mut mode = "";
        let mut k = i;
        if self.is_any(i, &["last", "next", "this", "from", "between", "coming"]) {
            mode = if self.is_word(i, "last") {
                "last"
            } else if self.is_any(i, &["next", "coming"]) {
                "next"
            } else {
                ""
            };
            k = i + 1;
        }
        let t = self.t.get(k)?;
        if t.wday == 0 {
            return None;
        }
        let wd = t.wday;
        // habitual or anaphoric: "every Friday", "the previous Friday", "Fridays"
        if k > 0
            && self.is_any(
                k - 1,
                &[
                    "each",
                    "every",
                    "previous",
                    "following",
                    "same",
                    "preceding",
                    "prior",
                ],
            )
        {
            let mut f = self.found(
                k - 1,
                k + 1,
                None,
                Precision::Day,
                "habitual or anaphoric weekday".into(),
                false,
            );
            f.partial = Some(wd_name(wd).to_string());
            return Some(f);
        }
        if self.adj(k) && self.is_word(k + 1, "s") {
            return None;
        }
        // newspaper names and named days: "Sunday Times", "Good Friday", "Bloody Sunday"
        if k > 0
            && self.t[k - 1].kind == Kind::Word
            && self.is_any(
                k - 1,
                &[
                    "Good", "Black", "Bloody", "Super", "Ash", "Palm", "Easter", "Cyber", "Holy",
                    "Maundy", "Giving", "Shrove", "Mad", "Blue", "Whit", "Low",
                ],
            )
            && !self.t[k].nl_before
        {
            return None;
        }
        if let Some(n) = self.t.get(k + 1)
            && n.kind == Kind::Word
            && n.cap
            && !n.nl_before
            && n.month == 0
            && n.wday == 0
            && !self.is_any(
                k + 1,
                &[
                    "Morning",
                    "Afternoon",
                    "Evening",
                    "Night",
                    "And",
                    "To",
                    "On",
                    "In",
                    "At",
                    "The",
                    "After",
                    "Before",
                    "That",
                ],
            )
            && !(n.allcap && self.t[k].allcap)
        {
            return None;
        }
        // "Monday's"
        let mut j = k + 1;
        // "Monday, Oct. 26[, 1998]" / "Monday 5 June"
        {
            let mut jj = j;
            if self.is_p(jj, b',') {
                jj += 1;
            }
            if jj < self.t.len() {
                if let Some(f) = self.p_month(jj).filter(|f| f.precision == Precision::Day) {
                    let mut f = f;
                    f.start_tok = st;
                    return Some(f);
                }
                if let Some(f) = self.p_day_month(jj) {
                    let mut f = f;
                    f.start_tok = st;
                    return Some(f);
                }
            }
        }
        // range: "Monday to Thursday", "Monday-Thursday", "from Monday through Thursday"
        let mut wd2 = None;
        if (self.is_dash(j) || self.is_any(j, &["to", "through", "till", "until", "and"]))
            && self.t.get(j + 1).is_some_and(|x| x.wday != 0)
            && (!self.is_word(j, "and") || self.is_word(i, "between"))
        {
            wd2 = Some(self.t[j + 1].wday);
            j += 2;
        }
        if !mode.is_empty() || self.is_word(i, "this") {
            st = i;
        } else if k != i {
            // "from"/"between" only part of the span for ranges
            if wd2.is_none() {
                st = k;
            }
        }
        let (value, basis, relative, partial) = self.wd_value(wd, st, j, mode);
        let mut f = self.found(st, j, value, Precision::Day, basis, relative);
        f.partial = partial;
        if let Some(w2) = wd2 {
            if let Some(v) = &f.value {
                let d1 = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()?;
                f.end_value = Some(ymd(wd_after(d1, w2, true)));
            } else {
                f.partial = Some(format!("{}/{}", wd_name(wd), wd_name(w2)));
            }
        }
        Some(f)
    }

    /// "(25)" at token `i`, after a day read as `near`: the day of that number within a week of
    /// it, and the token after the bracket.
    fn day_in_brackets(&self, i: usize, near: NaiveDate) -> Option<(NaiveDate, usize)> {
        if !self.is_p(i, b'(') || !self.is_p(i + 2, b')') {
            return None;
        }
        let (n, _) = self.num(i + 1)?;
        (-7..=7)
            .map(|d| near + Duration::days(d))
            .find(|d| d.day() == n)
            .map(|d| (d, i + 3))
    }

    /// today, yesterday, tomorrow, tonight (with "earlier"/"late" prefixes).
    fn p_deictic(&self, i: usize) -> Option<Found> {
        let mut st = i;
        let mut k = i;
        if self.is_any(i, &["earlier", "later", "late", "early"]) {
            k = i + 1;
        }
        // "last night" is the evening before publication.
        let mut last = k;
        let off = if self.is_any(k, &["today", "tonight"]) {
            0
        } else if k != i
            && self.is_any(i, &["earlier", "later"])
            && self.is_word(k, "in")
            && self.is_word(k + 1, "the")
            && self.is_word(k + 2, "day")
        {
            // "Later in the day, both sides will sign …": the day of the report.
            last = k + 2;
            0
        } else if self.is_word(k, "yesterday") {
            -1
        } else if self.is_word(k, "tomorrow") {
            1
        } else if self.is_word(k, "last") && self.is_word(k + 1, "night") {
            last = k + 1;
            -1
        } else {
            return None;
        };
        if k != i {
            st = i;
        }
        // "Today" in names: "USA Today", "VOA Today", "Russia Today"
        if k > 0
            && self.t[k].cap
            && self.w(k) == "Today"
            && self.t[k - 1].kind == Kind::Word
            && self.t[k - 1].cap
            && !self.t[k].nl_before
        {
            return None;
        }
        // generic present / future: "today's youth", "people of today", "the world of tomorrow"
        if k > 0 && self.is_word(k - 1, "of") && k == i {
            return None;
        }
        if self.is_p(k + 1, b'\'')
            && self.is_word(k + 2, "s")
            && self.is_any(
                k + 3,
                &[
                    "world",
                    "youth",
                    "society",
                    "generation",
                    "children",
                    "standards",
                    "young",
                    "economy",
                    "age",
                    "market",
                    "markets",
                    "technology",
                    "environment",
                    "era",
                    "times",
                    "life",
                    "reality",
                    "realities",
                    "kids",
                    "students",
                    "consumers",
                    "families",
                    "computers",
                    "politics",
                ],
            )
        {
            return None;
        }
        match self.pubd {
            // "yesterday (25)": the day of the month the writer adds decides.
            Some(p)
                if let Some((day, end)) =
                    self.day_in_brackets(last + 1, p + Duration::days(off)) =>
            {
                Some(self.found(
                    st,
                    end,
                    Some(ymd(day)),
                    Precision::Day,
                    format!(
                        "{} relative to publication date {}, the day of the month given",
                        self.w(k).to_lowercase(),
                        ymd(p)
                    ),
                    true,
                ))
            }
            Some(p) => Some(self.found(
                st,
                last + 1,
                Some(ymd(p + Duration::days(off))),
                Precision::Day,
                format!(
                    "{} relative to publication date {}",
                    self.w(k).to_lowercase(),
                    ymd(p)
                ),
                true,
            )),
            None => Some(self.found(
                st,
                last + 1,
                None,
                Precision::Day,
                "no publication date: relative day".into(),
                false,
            )),
        }
    }

    /// this/last/next/coming/past week|month|year, with "earlier"/"later"/"early"/"late".
    fn p_rel_unit(&self, i: usize) -> Option<Found> {
        let st = i;
        let mut k = i;
        let mut hedge = false;
        if self.is_any(k, &["earlier", "later", "early", "late", "mid"]) {
            k += 1;
            hedge = true;
            if self.is_dash(k) {
                k += 1;
            }
            if self.is_word(k, "in") && self.is_word(k + 1, "the") {
                return None;
            }
        }
        if self.is_word(k, "the")
            && self.is_any(k + 1, &["coming", "next", "past", "last", "current"])
            && !hedge
        {
            k += 1;
        }
        let dir: i32 = if self.is_any(k, &["this", "current"]) {
            0
        } else if self.is_any(k, &["last", "past", "previous"]) {
            -1
        } else if self.is_any(k, &["next", "coming"]) {
            1
        } else {
            return None;
        };
        // "past week" may open the text: there is no word before it.
        if self.is_word(k, "past") && (k == 0 || !self.is_word(k - 1, "the")) {
            return None;
        }
        let unit = k + 1;
        if !self.is_any(unit, &["week", "month", "year"]) {
            return None;
        }
        // "the past year" is a duration, not a calendar year
        if k > 0 && self.is_word(k, "past") {
            return None;
        }
        // "last week of February"
        if self.is_word(unit, "week") && self.is_word(unit + 1, "of") {
            return None;
        }
        let j = unit + 1;
        let uw = self.w(unit).to_ascii_lowercase();
        let Some(p) = self.pubd else {
            let prec = match uw.as_str() {
                "week" => Precision::Week,
                "month" => Precision::Month,
                _ => Precision::Year,
            };
            return Some(self.found(
                st,
                j,
                None,
                prec,
                "no publication date: relative".into(),
                false,
            ));
        };
        let basis = format!(
            "{} {} relative to publication date {}",
            self.w(k).to_lowercase(),
            uw,
            ymd(p)
        );
        Some(match uw.as_str() {
            "week" => {
                let d = monday_of(p) + Duration::days(7 * dir as i64);
                self.found(st, j, Some(ymd(d)), Precision::Week, basis, true)
            }
            "month" => {
                let (y, m) = add_months(p.year(), p.month(), dir);
                self.found(st, j, Some(ym(y, m)), Precision::Month, basis, true)
            }
            _ => self.found(
                st,
                j,
                Some(format!("{:04}", p.year() + dir)),
                Precision::Year,
                basis,
                true,
            ),
        })
    }

    /// "two days ago", "three weeks ago", "a year ago".
    fn p_ago(&self, i: usize) -> Option<Found> {
        let mut k = i;
        if self.is_any(
            k,
            &[
                "about", "almost", "nearly", "some", "around", "roughly", "just", "over", "exactly",
            ],
        ) {
            k += 1;
        }
        let n: i64 = if let Some((v, l)) = self.num(k) {
            if l > 3 {
                return None;
            }
            v as i64
        } else if self.t.get(k).is_some_and(|t| t.kind == Kind::Word) {
            let w = self.w(k);
            WORD_NUMS.iter().find(|(s, _)| w.eq_ignore_ascii_case(s))?.1
        } else {
            return None;
        };
        let unit = k + 1;
        if !self.is_any(
            unit,
            &[
                "day", "days", "week", "weeks", "month", "months", "year", "years",
            ],
        ) {
            return None;
        }
        if !self.is_word(unit + 1, "ago") {
            return None;
        }
        let j = unit + 2;
        let u = self.w(unit).to_ascii_lowercase();
        let Some(p) = self.pubd else {
            let prec = match u.trim_end_matches('s') {
                "day" | "week" => Precision::Day,
                "month" => Precision::Month,
                _ => Precision::Year,
            };
            return Some(self.found(
                i,
                j,
                None,
                prec,
                "no publication date: relative".into(),
                false,
            ));
        };
        let basis = format!("{} {} before publication date {}", n, u, ymd(p));
        // "up 5% from a year ago": a comparison baseline, not a point in time
        if i > 0 && self.is_any(i - 1, &["from", "than", "with", "over", "since"]) {
            return Some(self.found(
                i,
                j,
                None,
                Precision::Unknown,
                format!("comparison baseline: {basis}"),
                true,
            ));
        }
        Some(match u.trim_end_matches('s') {
            "day" => self.found(
                i,
                j,
                Some(ymd(p - Duration::days(n))),
                Precision::Day,
                basis,
                true,
            ),
            "week" => self.found(
                i,
                j,
                Some(ymd(p - Duration::days(7 * n))),
                Precision::Day,
                format!("{basis} (approximate day)"),
                true,
            ),
            "month" => {
                let (y, m) = add_months(p.year(), p.month(), -(n as i32));
                self.found(i, j, Some(ym(y, m)), Precision::Month, basis, true)
            }
            _ => self.found(
                i,
                j,
                Some(format!("{:04}", p.year() - n as i32)),
                Precision::Year,
                basis,
                true,
            ),
        })
    }

    /// "last week of February", "first week of March 2023".
    fn p_week_of(&self, i: usize) -> Option<Found> {
        let ord: i32 = if self.is_word(i, "last") {
            -1
        } else if self.is_word(i, "first") {
            1
        } else if self.is_word(i, "second") {
            2
        } else if self.is_word(i, "third") {
            3
        } else if self.is_word(i, "fourth") {
            4
        } else {
            return None;
        };
        if !(self.is_word(i + 1, "week") && self.is_word(i + 2, "of")) {
            return None;
        }
        let (m, mut j) = self.month_at(i + 3)?;
        let mut year = None;
        if let Some((y, jj)) = self.year_at(j) {
            year = Some(y);
            j = jj;
        }
        let (y, basis, rel) = match (year, self.pubd) {
            (Some(y), _) => (y, "absolute".to_string(), false),
            (None, Some(_)) => {
                let (y, b) = self.year_for(m, None, i, j);
                (y, format!("week of month, year from {}", b), true)
            }
            (None, None) => {
                let mut f = self.found(
                    i,
                    j,
                    None,
                    Precision::Week,
                    "no publication date: month only".into(),
                    false,
                );
                f.partial = Some(format!("--{:02}", m));
                return Some(f);
            }
        };
        let dim = days_in_month(y, m);
        let monday = if ord < 0 {
            // latest Monday whose Friday is still in the month
            let last_ok = NaiveDate::from_ymd_opt(y, m, dim)? - Duration::days(4);
            wd_before(last_ok, 1, false)
        } else {
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let base = if first.weekday().num_days_from_monday() <= 3 {
                monday_of(first)
            } else {
                wd_after(first, 1, false)
            };
            base + Duration::days(7 * (ord as i64 - 1))
        };
        Some(self.found(i, j, Some(ymd(monday)), Precision::Week, basis, rel))
    }

    /// Fixed-date holidays: "Christmas Day", "New Year's Day", "Christmas Eve".
    fn p_holiday(&self, i: usize) -> Option<Found> {
        let (m, d, j) = if self.is_word(i, "Christmas") && self.t[i].cap {
            if self.is_word(i + 1, "Eve") {
                (12, 24, i + 2)
            } else if self.is_word(i + 1, "Day") {
                (12, 25, i + 2)
            } else {
                return None;
            }
        } else if self.is_word(i, "Thanksgiving") && self.t[i].cap {
            // US Thanksgiving: fourth Thursday of November
            let j = if self.is_word(i + 1, "Day") {
                i + 2
            } else {
                i + 1
            };
            let thanks = |y: i32| -> Option<NaiveDate> {
                let first = NaiveDate::from_ymd_opt(y, 11, 1)?;
                Some(wd_after(first, 4, false) + Duration::days(21))
            };
            if let Some((y, jj)) = self.year_at(j) {
                return Some(self.found(
                    i,
                    jj,
                    Some(ymd(thanks(y)?)),
                    Precision::Day,
                    "absolute (holiday)".into(),
                    false,
                ));
            }
            let Some(p) = self.pubd else {
                let mut f = self.found(
                    i,
                    j,
                    None,
                    Precision::Day,
                    "no publication date: holiday".into(),
                    false,
                );
                f.partial = Some("Thanksgiving".into());
                return Some(f);
            };
            let this = thanks(p.year())?;
            let fut = self.tense(i, j) == Tense::Future;
            let d = if i > 0 && self.is_word(i - 1, "last") || (!fut && this > p) {
                thanks(p.year() - 1)?
            } else if fut && this < p {
                thanks(p.year() + 1)?
            } else {
                this
            };
            let st = if i > 0 && self.is_any(i - 1, &["last", "next", "this"]) {
                i - 1
            } else {
                i
            };
            return Some(self.found(
                st,
                j,
                Some(ymd(d)),
                Precision::Day,
                format!("holiday relative to publication date {}", ymd(p)),
                true,
            ));
        } else if self.is_word(i, "New")
            && self.is_word(i + 1, "Year")
            && self.is_p(i + 2, b'\'')
            && self.is_word(i + 3, "s")
            && self.is_any(i + 4, &["Day", "Eve"])
        {
            if self.is_word(i + 4, "Eve") {
                (12, 31, i + 5)
            } else {
                (1, 1, i + 5)
            }
        } else {
            return None;
        };
        if let Some((y, jj)) = self.year_at(j) {
            let dt = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(self.found(
                i,
                jj,
                Some(ymd(dt)),
                Precision::Day,
                "absolute (holiday)".into(),
                false,
            ));
        }
        Some(self.month_value(m, Some(d), i, j, "holiday, year from "))
    }

    fn try_at(&self, i: usize) -> Option<Found> {
        let t = &self.t[i];
        let mut cands: [Option<Found>; 8] = Default::default();
        match t.kind {
            Kind::Num => {
                cands[0] = self.p_iso(i);
                cands[1] = self.p_day_month(i);
                if cands[0].is_none() && cands[1].is_none() {
                    cands[2] = self.p_year(i);
                }
                cands[3] = self.p_ago(i);
            }
            Kind::Word => {
                if t.month != 0 {
                    cands[0] = self.p_month(i);
                } else if t.wday != 0 {
                    cands[0] = self.p_weekday(i);
                } else {
                    cands[0] = self.p_weekday(i);
                    cands[1] = self.p_deictic(i);
                    cands[2] = self.p_rel_unit(i);
                    cands[3] = self.p_ago(i);
                    cands[4] = self.p_week_of(i);
                    cands[5] = self.p_holiday(i);
                    cands[7] = self.p_weekend(i);
                    // early/late/mid + month: "late November", "mid-November"
                    if self.is_any(i, &["early", "late", "mid"]) {
                        let mut k = i + 1;
                        if self.is_dash(k) && self.adj(i) {
                            k += 1;
                        }
                        if self.t.get(k).is_some_and(|x| x.month != 0)
                            && let Some(mut f) = self.p_month(k)
                        {
                            f.start_tok = i;
                            cands[6] = Some(f);
                        }
                    }
                }
            }
            Kind::Punct => {}
        }
        let mut best: Option<Found> = None;
        for f in cands.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| f.end_tok > b.end_tok) {
                best = Some(f);
            }
        }
        best
    }
}

/// Reads every date expression in `text`; relative ones resolve against `published` when given.
///
/// Mentions are returned sorted by start and non-overlapping; at each position the longest
/// expression wins.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    if text.len() >= u32::MAX as usize {
        return Vec::new();
    }
    let ctx = Ctx {
        text,
        b: text.as_bytes(),
        t: tokenize(text),
        pubd: published,
    };
    let mut out = Vec::new();
    let n = ctx.t.len();
    let mut i = 0;
    while i < n {
        let t = &ctx.t[i];
        // cheap prefilter: only tokens that can start an expression
        let cand = match t.kind {
            Kind::Num => true,
            Kind::Word => t.month != 0 || t.wday != 0 || t.trig,
            Kind::Punct => false,
        };
        if cand
            && let Some(f) = ctx.try_at(i)
            && f.end_tok > f.start_tok
            && f.start_tok >= i.saturating_sub(2)
        {
            let s = ctx.t[f.start_tok].s as usize;
            let e = ctx.t[f.end_tok - 1].e as usize;
            // never overlap a previous mention
            let s = match out.last() {
                Some(DateMention { end, .. }) if *end > s => {
                    i = f.end_tok.max(i + 1);
                    continue;
                }
                _ => s,
            };
            out.push(DateMention {
                start: s,
                end: e,
                text: text[s..e].to_string(),
                value: f.value,
                end_value: f.end_value,
                precision: f.precision,
                basis: f.basis,
                relative: f.relative,
                partial: f.partial,
            });
            i = f.end_tok.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    /// All mentions as (text, value) pairs.
    fn read(text: &str, published: &str) -> Vec<(String, Option<String>)> {
        find_dates(text, d(published))
            .into_iter()
            .map(|m| (m.text, m.value))
            .collect()
    }

    /// The single mention whose text is `span`.
    fn one(text: &str, published: &str, span: &str) -> DateMention {
        let all = find_dates(text, d(published));
        all.iter()
            .find(|m| m.text == span)
            .cloned()
            .unwrap_or_else(|| panic!("no mention {span:?} in {text:?}: {all:?}"))
    }

    fn val(text: &str, published: &str, span: &str) -> Option<String> {
        one(text, published, span).value
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    // --- absolute --------------------------------------------------------------------

    #[test]
    fn calendar_names_are_full_and_capitalised() {
        for word in ["May", "September", "Tuesday", "SUNDAY"] {
            assert!(is_calendar_name(word), "{word}");
        }
        for word in ["may", "Jan", "Sept", "Sun", "Mon", "Mayor", "Kral", ""] {
            assert!(!is_calendar_name(word), "{word}");
        }
    }

    #[test]
    fn past_week_at_the_start_of_a_text_is_a_duration() {
        assert!(read("Past week talks in Oslo ended.", "2024-01-10").is_empty());
    }

    #[test]
    fn month_day_ordinal_comma_year() {
        let m = one(
            "The accord was signed on June 19th, 2019 in Oslo.",
            "2024-01-01",
            "June 19th, 2019",
        );
        assert_eq!(m.value, s("2019-06-19"));
        assert_eq!(m.precision, Precision::Day);
        assert!(!m.relative);
        assert_eq!(m.basis, "absolute");
    }

    #[test]
    fn month_day_comma_year() {
        assert_eq!(
            val(
                "Talks opened June 19, 2019 in Geneva.",
                "2024-01-01",
                "June 19, 2019"
            ),
            s("2019-06-19")
        );
    }

    #[test]
    fn day_month_year() {
        assert_eq!(
            val("The envoys met on 19 June 2019.", "", "19 June 2019"),
            s("2019-06-19")
        );
        assert_eq!(
            val(
                "A pact took effect on 22 January 2025.",
                "",
                "22 January 2025"
            ),
            s("2025-01-22")
        );
        assert_eq!(
            val("It began on the 5th of May 2020.", "", "5th of May 2020"),
            s("2020-05-05")
        );
    }

    #[test]
    fn month_year() {
        let m = one(
            "The base opened in January 2021 near the coast.",
            "",
            "January 2021",
        );
        assert_eq!(m.value, s("2021-01"));
        assert_eq!(m.precision, Precision::Month);
        assert_eq!(
            val("The frigate was launched in May, 2011.", "", "May, 2011"),
            s("2011-05")
        );
    }

    #[test]
    fn abbreviated_month_with_day() {
        assert_eq!(
            val("Ministers meet Jan. 5 in Rome.", "2022-01-02", "Jan. 5"),
            s("2022-01-05")
        );
        assert_eq!(
            val("The deal closed Sept. 30, 2018.", "", "Sept. 30, 2018"),
            s("2018-09-30")
        );
    }

    #[test]
    fn all_caps_dateline() {
        let m = one(
            "ISLAMABAD, JAN 22 /DNA/: The two navies held drills.",
            "2023-01-22",
            "JAN 22",
        );
        assert_eq!(m.value, s("2023-01-22"));
        assert_eq!(m.precision, Precision::Day);
    }

    #[test]
    fn iso_date() {
        let m = one("Posted 2019-06-19 by the ministry.", "", "2019-06-19");
        assert_eq!(m.value, s("2019-06-19"));
        assert_eq!(m.precision, Precision::Day);
    }

    #[test]
    fn bare_year() {
        let m = one("The treaty lapsed in 2021 after a dispute.", "", "2021");
        assert_eq!(m.value, s("2021"));
        assert_eq!(m.precision, Precision::Year);
    }

    #[test]
    fn mid_year() {
        assert_eq!(
            val(
                "Deliveries slip to mid-2020, officials said.",
                "",
                "mid-2020"
            ),
            s("2020")
        );
        assert_eq!(
            val("Work starts in early 2026.", "", "early 2026"),
            s("2026")
        );
    }

    #[test]
    fn decade_has_no_calendar_value() {
        let all = find_dates("Relations soured in the 1990s over trade.", d("2020-01-01"));
        assert!(all.iter().all(|m| m.value.is_none()), "{all:?}");
    }

    #[test]
    fn month_day_takes_publication_year() {
        let m = one(
            "The summit is on November 26 in Delhi.",
            "2023-11-20",
            "November 26",
        );
        assert_eq!(m.value, s("2023-11-26"));
        assert!(m.relative);
    }

    #[test]
    fn month_day_without_publication_date() {
        let m = one("The summit is on November 26 in Delhi.", "", "November 26");
        assert_eq!(m.value, None);
        assert_eq!(m.partial, s("--11-26"));
        assert_eq!(m.precision, Precision::Day);
        assert!(m.basis.contains("no publication date"));
    }

    #[test]
    fn month_day_range() {
        let m = one(
            "Exercises run February 13-16 off Karachi.",
            "2023-02-01",
            "February 13-16",
        );
        assert_eq!(m.value, s("2023-02-13"));
        assert_eq!(m.end_value, s("2023-02-16"));
    }

    #[test]
    fn day_month_year_range() {
        let m = one(
            "The drills ran 13-16 February 2023 at sea.",
            "",
            "13-16 February 2023",
        );
        assert_eq!(m.value, s("2023-02-13"));
        assert_eq!(m.end_value, s("2023-02-16"));
    }

    #[test]
    fn day_to_day_month_range() {
        let m = one(
            "Delegates gather 13 to 16 February in Doha.",
            "2023-02-01",
            "13 to 16 February",
        );
        assert_eq!(m.value, s("2023-02-13"));
        assert_eq!(m.end_value, s("2023-02-16"));
    }

    #[test]
    fn range_without_publication_date_keeps_partial() {
        let m = one(
            "Delegates gather 13 to 16 February in Doha.",
            "",
            "13 to 16 February",
        );
        assert_eq!(m.value, None);
        assert!(m.partial.as_deref().unwrap().starts_with("--02-13"));
    }

    // --- relative --------------------------------------------------------------------

    #[test]
    fn last_night_is_the_day_before() {
        let pubd = "2025-10-22";
        assert_eq!(
            val(
                "The ministers spoke on the phone late last night.",
                pubd,
                "late last night"
            ),
            s("2025-10-21")
        );
    }

    #[test]
    fn later_in_the_day_is_the_day_of_the_report() {
        let pubd = "2025-02-26";
        assert_eq!(
            val(
                "Later in the day, both sides will sign agreements.",
                pubd,
                "Later in the day"
            ),
            s("2025-02-26")
        );
        assert_eq!(
            val(
                "Earlier in the day, he met the governor.",
                pubd,
                "Earlier in the day"
            ),
            s("2025-02-26")
        );
    }

    #[test]
    fn today_yesterday_tomorrow() {
        let pubd = "2019-06-19";
        assert_eq!(
            val("The minister arrived today.", pubd, "today"),
            s("2019-06-19")
        );
        assert_eq!(
            val("He left yesterday for Kabul.", pubd, "yesterday"),
            s("2019-06-18")
        );
        assert_eq!(
            val("Talks resume tomorrow, aides said.", pubd, "tomorrow"),
            s("2019-06-20")
        );
        assert!(one("He left yesterday for Kabul.", pubd, "yesterday").relative);
    }

    #[test]
    fn bare_weekday_past() {
        // 2019-06-19 is a Wednesday
        let m = one(
            "The two leaders met on Tuesday in Beijing.",
            "2019-06-19",
            "Tuesday",
        );
        assert_eq!(m.value, s("2019-06-18"));
        assert!(m.basis.contains("2019-06-19"));
        assert_eq!(
            val(
                "Officials said Monday the deal was done.",
                "2019-06-19",
                "Monday"
            ),
            s("2019-06-17")
        );
    }

    #[test]
    fn weekday_same_day_as_publication() {
        assert_eq!(
            val("Troops withdrew on Wednesday.", "2019-06-19", "Wednesday"),
            s("2019-06-19")
        );
    }

    #[test]
    fn weekday_of_a_present_progressive_lies_ahead() {
        // 2019-06-19 is a Wednesday.
        assert_eq!(
            val(
                "The minister is arriving in Seoul on Sunday.",
                "2019-06-19",
                "Sunday"
            ),
            s("2019-06-23")
        );
        assert_eq!(
            val(
                "Seoul is hosting talks on Wednesday.",
                "2019-06-19",
                "Wednesday"
            ),
            s("2019-06-19")
        );
        // Being is no arrangement.
        assert_eq!(
            val(
                "The envoy is being held since Sunday.",
                "2019-06-19",
                "Sunday"
            ),
            s("2019-06-16")
        );
    }

    #[test]
    fn a_day_of_the_month_in_brackets_decides() {
        // Published on the 27th: "yesterday" would be the 26th, but the writer says the 25th.
        assert_eq!(
            val(
                "He called on the chief in Islamabad yesterday (25).",
                "2024-10-27",
                "yesterday (25)"
            ),
            s("2024-10-25")
        );
        assert_eq!(
            val("He met the minister yesterday.", "2024-10-27", "yesterday"),
            s("2024-10-26")
        );
    }

    #[test]
    fn a_year_hyphened_to_a_name_is_part_of_the_name() {
        let all = find_dates(
            "He observed Exercise Indus Shield-2024 in Pakistan in 2024.",
            d("2024-10-27"),
        );
        let texts: Vec<&str> = all.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["2024"], "{all:?}");
        assert!(all[0].start > 40, "{all:?}");
        // A span of years is still read.
        assert!(
            find_dates("The plan for 2019-2020 was approved.", d("2024-10-27"))
                .iter()
                .any(|m| m.text == "2019-2020")
        );
    }

    #[test]
    fn present_simple_journey_is_a_schedule() {
        // Published on a Tuesday: the journey in the present simple is the coming Wednesday,
        // even with a past-tense verb further back in the sentence.
        assert_eq!(
            val(
                "Last month the president asked the premier, who heads to Rome on Wednesday, to buy more.",
                "2025-02-11",
                "Wednesday"
            ),
            s("2025-02-12")
        );
        assert_eq!(
            val(
                "The Turkish leader arrives in Islamabad on Thursday.",
                "2020-02-12",
                "Thursday"
            ),
            s("2020-02-13")
        );
        // A plural noun is no verb: the past tense decides.
        assert_eq!(
            val("The visits ended on Monday.", "2020-02-12", "Monday"),
            s("2020-02-10")
        );
    }

    #[test]
    fn bare_weekday_future() {
        assert_eq!(
            val(
                "The envoy will visit Seoul on Friday.",
                "2019-06-19",
                "Friday"
            ),
            s("2019-06-21")
        );
        assert_eq!(
            val(
                "The council is set to vote Thursday.",
                "2019-06-19",
                "Thursday"
            ),
            s("2019-06-20")
        );
        assert_eq!(
            val(
                "The ministers are due to meet on Monday.",
                "2019-06-19",
                "Monday"
            ),
            s("2019-06-24")
        );
    }

    #[test]
    fn last_and_next_weekday() {
        assert_eq!(
            val(
                "Shelling resumed last Tuesday.",
                "2019-06-19",
                "last Tuesday"
            ),
            s("2019-06-18")
        );
        assert_eq!(
            val(
                "Shelling resumed last Wednesday.",
                "2019-06-19",
                "last Wednesday"
            ),
            s("2019-06-12")
        );
        assert_eq!(
            val("Talks open next Tuesday.", "2019-06-19", "next Tuesday"),
            s("2019-06-25")
        );
    }

    #[test]
    fn possessive_weekday_is_past() {
        assert_eq!(
            val("They will appeal Monday's ruling.", "2019-06-19", "Monday"),
            s("2019-06-17")
        );
    }

    #[test]
    fn weekday_range() {
        let m = one(
            "The navies exercised from Monday to Thursday.",
            "2019-06-21",
            "from Monday to Thursday",
        );
        assert_eq!(m.value, s("2019-06-17"));
        assert_eq!(m.end_value, s("2019-06-20"));
    }

    #[test]
    fn weekday_without_publication_date() {
        let m = one("The two leaders met on Tuesday.", "", "Tuesday");
        assert_eq!(m.value, None);
        assert_eq!(m.partial, s("Tuesday"));
        assert_eq!(m.precision, Precision::Day);
        assert_eq!(m.basis, "no publication date: weekday only");
    }

    #[test]
    fn weekday_with_date() {
        assert_eq!(
            val(
                "It opened on Monday, Oct. 26, 1998 in Paris.",
                "",
                "Monday, Oct. 26, 1998"
            ),
            s("1998-10-26")
        );
    }

    #[test]
    fn month_relative_units() {
        let pubd = "2023-02-13";
        assert_eq!(
            val("Exports rose next month, they hope.", pubd, "next month"),
            s("2023-03")
        );
        assert_eq!(
            val("The visit took place last month.", pubd, "last month"),
            s("2023-01")
        );
        assert_eq!(
            val("A deal is expected this month.", pubd, "this month"),
            s("2023-02")
        );
        let m = one(
            "The pact was signed earlier this month.",
            pubd,
            "earlier this month",
        );
        assert_eq!(m.value, s("2023-02"));
        assert_eq!(m.precision, Precision::Month);
    }

    #[test]
    fn year_relative_units() {
        let pubd = "2023-02-13";
        assert_eq!(
            val("Elections are due next year.", pubd, "next year"),
            s("2024")
        );
        assert_eq!(val("Trade fell last year.", pubd, "last year"), s("2022"));
        assert_eq!(
            val("Sales climbed this year.", pubd, "this year"),
            s("2023")
        );
        assert_eq!(
            val("A review follows later this year.", pubd, "later this year"),
            s("2023")
        );
        assert_eq!(
            val("The base reopens early next year.", pubd, "early next year"),
            s("2024")
        );
    }

    #[test]
    fn week_units_give_monday() {
        // 2023-02-15 is a Wednesday
        let pubd = "2023-02-15";
        let m = one("The fleet sailed last week.", pubd, "last week");
        assert_eq!(m.value, s("2023-02-06"));
        assert_eq!(m.precision, Precision::Week);
        assert_eq!(
            val("Talks resume next week.", pubd, "next week"),
            s("2023-02-20")
        );
        assert_eq!(
            val(
                "A visit is planned in the coming week.",
                pubd,
                "the coming week"
            ),
            s("2023-02-20")
        );
    }

    #[test]
    fn a_name_ending_in_ed_is_no_past_tense() {
        // "Mohammed" is a name, not a verb: "would stay" makes Monday the next one.
        let m = one(
            "He said that after meeting Crown Prince Mohammed on Monday, his envoys would stay for talks.",
            "2025-03-08",
            "Monday",
        );
        assert_eq!(m.value, s("2025-03-10"));
    }

    #[test]
    fn the_weekend_is_saturday_to_sunday_on_the_side_of_the_tense() {
        // Published on Monday 2025-04-28.
        let pubd = "2025-04-28";
        for (text, span) in [
            ("The ministers spoke over the weekend.", "over the weekend"),
            ("Talks were held at the weekend in Oslo.", "at the weekend"),
            ("A ceasefire was agreed last weekend.", "last weekend"),
        ] {
            let m = one(text, pubd, span);
            assert_eq!(
                (m.value, m.end_value),
                (s("2025-04-26"), s("2025-04-27")),
                "{text}"
            );
        }
        let m = one("The leaders will meet this weekend.", pubd, "this weekend");
        assert_eq!((m.value, m.end_value), (s("2025-05-03"), s("2025-05-04")));
        // A report of Sunday tells of the weekend that ends that day; of Saturday, that day.
        let m = one(
            "They met over the weekend.",
            "2025-04-27",
            "over the weekend",
        );
        assert_eq!((m.value, m.end_value), (s("2025-04-26"), s("2025-04-27")));
        let m = one(
            "They met over the weekend.",
            "2025-04-26",
            "over the weekend",
        );
        assert_eq!((m.value, m.end_value), (s("2025-04-26"), None));
        // With no publication date, only the days are known.
        let m = one("They met over the weekend.", "", "over the weekend");
        assert_eq!(m.value, None);
    }

    #[test]
    fn last_week_of_month() {
        let m = one(
            "Drills are planned in the last week of February.",
            "2023-01-10",
            "last week of February",
        );
        assert_eq!(m.precision, Precision::Week);
        // Feb 2023 ends on Tuesday the 28th: the last Monday-to-Friday week starts 20 February
        assert_eq!(m.value, s("2023-02-20"));
    }

    #[test]
    fn ago_expressions() {
        let pubd = "2023-02-15";
        assert_eq!(
            val("He arrived two days ago.", pubd, "two days ago"),
            s("2023-02-13")
        );
        assert_eq!(
            val("It started three weeks ago.", pubd, "three weeks ago"),
            s("2023-01-25")
        );
        assert_eq!(
            val("The ceasefire began a year ago.", pubd, "a year ago"),
            s("2022")
        );
        assert_eq!(
            val("The base closed 5 months ago.", pubd, "5 months ago"),
            s("2022-09")
        );
    }

    #[test]
    fn ago_without_publication_date() {
        let m = one("He arrived two days ago.", "", "two days ago");
        assert_eq!(m.value, None);
        assert!(m.basis.contains("no publication date"));
    }

    #[test]
    fn comparison_baseline_is_not_a_date() {
        let all = find_dates("Exports were up 5% from a year ago.", d("2023-02-15"));
        assert!(all.iter().all(|m| m.value.is_none()), "{all:?}");
    }

    #[test]
    fn in_month_uses_publication_year() {
        assert_eq!(
            val(
                "The ships docked in March at Gwadar.",
                "2023-06-10",
                "March"
            ),
            s("2023-03")
        );
    }

    #[test]
    fn in_month_future_rolls_to_next_year() {
        let m = one(
            "The navies will hold joint drills in March.",
            "2023-06-10",
            "March",
        );
        assert_eq!(m.value, s("2024-03"));
        assert_eq!(m.precision, Precision::Month);
    }

    #[test]
    fn past_month_after_publication_month_is_last_year() {
        assert_eq!(
            val(
                "The two sides signed a deal in November.",
                "2023-02-10",
                "November"
            ),
            s("2022-11")
        );
    }

    #[test]
    fn last_and_next_named_month() {
        assert_eq!(
            val(
                "The pact was signed last April.",
                "2023-02-10",
                "last April"
            ),
            s("2022-04")
        );
        assert_eq!(
            val("It was agreed last January.", "2023-02-10", "last January"),
            s("2023-01")
        );
        assert_eq!(
            val("Talks begin next March.", "2023-02-10", "next March"),
            s("2023-03")
        );
    }

    #[test]
    fn month_with_relative_year() {
        assert_eq!(
            val(
                "He visited in June last year.",
                "2023-02-10",
                "June last year"
            ),
            s("2022-06")
        );
    }

    #[test]
    fn bare_month_without_publication_date() {
        let m = one(
            "The drills were held in March near the border.",
            "",
            "March",
        );
        assert_eq!(m.value, None);
        assert_eq!(m.precision, Precision::Month);
        assert_eq!(m.partial, s("--03"));
        assert!(m.basis.contains("no publication date"));
    }

    #[test]
    fn late_month() {
        assert_eq!(
            val(
                "Troops left in late November.",
                "2023-12-10",
                "late November"
            ),
            s("2023-11")
        );
        assert_eq!(
            val("Troops left in mid-November.", "2023-12-10", "mid-November"),
            s("2023-11")
        );
    }

    #[test]
    fn holidays() {
        assert_eq!(
            val("They met on Christmas Day 2019.", "", "Christmas Day 2019"),
            s("2019-12-25")
        );
        assert_eq!(
            val(
                "Prices rose over Thanksgiving Day.",
                "2000-01-10",
                "Thanksgiving Day"
            ),
            s("1999-11-25")
        );
    }

    // --- false positives -------------------------------------------------------------

    #[test]
    fn modal_may_is_not_a_date() {
        assert!(read("The talks may be held in Doha.", "2023-01-01").is_empty());
        assert!(read("Officials said they may not attend.", "2023-01-01").is_empty());
        assert!(read("Prime Minister Theresa May met envoys.", "").is_empty());
    }

    #[test]
    fn may_as_month_is_read() {
        assert_eq!(
            val(
                "The vote was held in May after delays.",
                "2023-08-01",
                "May"
            ),
            s("2023-05")
        );
        assert_eq!(
            val("The vote is on May 5.", "2023-04-01", "May 5"),
            s("2023-05-05")
        );
    }

    #[test]
    fn march_as_verb_is_not_a_date() {
        assert!(read("Protesters march to the embassy.", "2023-01-01").is_empty());
        assert!(read("They plan to March to the capital.", "2023-01-01").is_empty());
    }

    #[test]
    fn august_adjective_is_not_a_date() {
        assert!(read("The august body convened.", "2023-01-01").is_empty());
    }

    #[test]
    fn numbers_are_not_years() {
        assert!(
            read(
                "Some 1,500 troops and 2,019 vehicles crossed.",
                "2023-01-01"
            )
            .is_empty()
        );
        assert!(read("Nearly 2000 troops were deployed.", "2023-01-01").is_empty());
        assert!(read("It cost $2019 per unit.", "2023-01-01").is_empty());
        assert!(read("Turnout was 2019 votes.", "2023-01-01").is_empty());
    }

    #[test]
    fn times_are_not_dates() {
        assert!(read("The jets took off at 10:48 am.", "2023-01-01").is_empty());
        assert!(read("Curfew starts at 2030 GMT.", "2023-01-01").is_empty());
    }

    #[test]
    fn newspaper_names_are_not_weekdays() {
        assert!(read("The Sunday Times reported the deal.", "2023-01-01").is_empty());
        assert!(read("He wrote in the Sunday Telegraph.", "2023-01-01").is_empty());
        assert!(read("The Good Friday Agreement holds.", "2023-01-01").is_empty());
    }

    #[test]
    fn fiscal_year_span_is_not_a_year() {
        let all = find_dates("The 2019-20 fiscal budget rose.", d("2020-01-01"));
        assert!(all.iter().all(|m| m.value.is_none()), "{all:?}");
    }

    #[test]
    fn years_outside_range_are_ignored() {
        assert!(read("The fort dates from 1648 and 2150 is far.", "").is_empty());
    }

    #[test]
    fn names_with_years_are_not_dates() {
        assert!(read("Saudi Vision 2030 targets growth.", "").is_empty());
    }

    #[test]
    fn quarter_of_year_has_no_year_value() {
        let all = find_dates("Profit fell in the third quarter of 2019.", d("2020-01-01"));
        assert!(all.iter().all(|m| m.value.is_none()), "{all:?}");
    }

    #[test]
    fn generic_today_is_skipped() {
        assert!(read("This is a problem for today's youth.", "2023-01-01").is_empty());
        assert!(read("He reads USA Today every morning.", "2023-01-01").is_empty());
    }

    #[test]
    fn habitual_weekday_has_no_value() {
        let all = find_dates("The council meets every Friday.", d("2023-01-04"));
        assert!(all.iter().all(|m| m.value.is_none()), "{all:?}");
    }

    // --- structure -------------------------------------------------------------------

    #[test]
    fn sorted_non_overlapping_and_offsets_match() {
        let text = "ISLAMABAD, JAN 22 /DNA/: Officials said on Tuesday that talks held in 2022 and last month would resume on 3 March 2023 — café talks début.";
        let all = find_dates(text, d("2023-01-22"));
        assert!(all.len() >= 4, "{all:?}");
        for w in all.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        for m in &all {
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }

    #[test]
    fn longest_expression_wins() {
        let all = read("It was signed on 19 June 2019.", "");
        assert_eq!(all, vec![("19 June 2019".to_string(), s("2019-06-19"))]);
    }

    #[test]
    fn multibyte_text_is_safe() {
        let text = "«Réunion» le 5 juin — talks on 5 June 2020 in Zürich.";
        let all = find_dates(text, None);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].value, s("2020-06-05"));
    }

    #[test]
    fn empty_text() {
        assert!(find_dates("", None).is_empty());
    }
}
