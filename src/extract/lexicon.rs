//! The dictionaries of `assets/dict/`, compiled once: party names, places, ranks, titles and
//! trigger rules. They are plain text files so an analyst can read and extend them.

use crate::model::{Kind, PartyCode};
use aho_corasick::MatchKind;
use regex::Regex;
use std::collections::{HashMap, HashSet};
// Words of text are looked up by the million: a fast hash, not one that resists attack.
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// Room for each rule's lazily built DFA. The trigger rules' bounded gaps ("signed … agreement")
/// make many states; with the default 2 MB the cache keeps being thrown away and rebuilt.
const LAZY_DFA_BYTES: usize = 16 << 20;

/// Words that join the parts of a name ("Khamis Al Raisi", "Abdullah bin Zayed"): a known
/// surname after one is another's name.
const NAME_PARTICLES: [&[u8]; 8] = [
    b" Al ", b" al ", b" Al-", b" al-", b" bin ", b" Bin ", b" ibn ", b" Abu ",
];

/// Compiles a rule pattern: case-insensitive, with ASCII word boundaries and ASCII `\w`, `\s`,
/// `\d`. A Unicode `\b` sends the regex engine from its fast DFA to a backtracker on every
/// non-ASCII letter, and Unicode classes make DFA states costly to build: the two were most of
/// the cost of extraction. The rules are about English words, so ASCII loses nothing.
pub fn compile_rule(pattern: &str) -> Result<Regex, regex::Error> {
    let ascii = pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", "[0-9A-Za-z_]")
        .replace(r"\s", r"[\t\n\r ]")
        .replace(r"\d", "[0-9]");
    regex::RegexBuilder::new(&ascii)
        .case_insensitive(true)
        .dfa_size_limit(LAZY_DFA_BYTES)
        .build()
}

/// The non-empty lines of a data file that are not `#` comments, trimmed.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// What a dictionary form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// A state's common name or another name of it ("Pakistan", "U.S.").
    StateName,
    /// A nationality adjective ("Pakistani").
    Demonym,
    /// A capital or seat of government, which may stand for the state ("Islamabad").
    Capital,
    /// An international organisation ("ASEAN").
    Organisation,
    /// A city or site that is not a capital ("Rawalpindi").
    Place,
    /// A phrase that only looks like a party ("Indian Ocean"): it hides the forms inside it.
    NotAParty,
    /// A leader or official who acts for a party ("Putin").
    Person,
}

/// A dictionary form found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset past the last byte.
    pub end: usize,
    /// What the form names.
    pub kind: FormKind,
    /// The state or organisation (for places, the state they lie in).
    pub party: Option<PartyCode>,
}

/// One trigger rule: a pattern that reports an act of some kind.
#[derive(Debug)]
pub struct TriggerRule {
    /// Stable id of the rule, kept with the evidence it produced.
    pub id: String,
    /// The kind of act.
    pub kind: Kind,
    /// The compiled pattern.
    pub pattern: Regex,
    /// A second pattern that must also match close by: within this many bytes after the match
    /// (positive) or before it (negative). "signed … agreement" is the verb, then the noun.
    pub near: Option<(isize, Regex)>,
}

impl TriggerRule {
    /// Every match of the rule in `text`, as byte ranges that cover both parts of a two-part rule.
    pub fn find_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 't {
        self.find_in(text, 0..text.len())
    }

    /// The matches of the rule that lie inside `within` of `text` (a sentence): the word
    /// before it still counts for a word boundary, and the second part of a two-part rule is
    /// looked for in the text around it.
    pub fn find_in<'t>(
        &'t self,
        text: &'t str,
        within: std::ops::Range<usize>,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 't {
        let haystack = text.get(..within.end).unwrap_or(text);
        let mut at = within.start;
        std::iter::from_fn(move || {
            if at > haystack.len() {
                return None;
            }
            let m = self.pattern.find_at(haystack, at)?;
            at = m.end() + usize::from(m.is_empty());
            Some(m)
        })
        .filter_map(move |m| match &self.near {
            None => Some(m.range()),
            Some((within, near)) if *within >= 0 => {
                let mut end = (m.end() + *within as usize).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let window = &text[m.end()..end];
                // The second part belongs to the same clause.
                let window = &window[..clause_end(window).unwrap_or(window.len())];
                near.find(window).map(|n| m.start()..m.end() + n.end())
            }
            Some((within, near)) => {
                let mut start = m.start().saturating_sub(within.unsigned_abs());
                while !text.is_char_boundary(start) {
                    start += 1;
                }
                let window = &text[start..m.start()];
                let window_start = clause_start(window).map_or(start, |i| start + i + 1);
                near.find_iter(&text[window_start..m.start()])
                    .last()
                    .map(|n| window_start + n.start()..m.end())
            }
        })
    }
}

/// Where the clause ends in `window`: a semicolon, a colon, or a full stop that is followed by
/// a space or the end (not the point of "£2.26 billion" or "U.S.").
fn clause_end(window: &str) -> Option<usize> {
    window.char_indices().find_map(|(i, c)| {
        let next = window[i + c.len_utf8()..].chars().next();
        let ends = match c {
            ';' | ':' => true,
            '.' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        ends.then_some(i)
    })
}

/// Where the clause that ends `window` starts: after its last semicolon, colon or full stop
/// followed by a space.
fn clause_start(window: &str) -> Option<usize> {
    window.char_indices().rev().find_map(|(i, c)| {
        let next = window[i + c.len_utf8()..].chars().next();
        let ends = match c {
            ';' | ':' => true,
            '.' => next.is_some_and(char::is_whitespace),
            _ => false,
        };
        ends.then_some(i)
    })
}

/// A problem in a dictionary file.
#[derive(Debug, thiserror::Error)]
#[error("{file}, line {line}: {problem}")]
pub struct LexiconError {
    /// Which dictionary.
    pub file: String,
    /// 1-based line among the data lines.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

/// The texts of the dictionary files.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// `states.tsv`
    pub states: &'a str,
    /// `organisations.tsv`
    pub organisations: &'a str,
    /// `places.tsv`
    pub places: &'a str,
    /// `people.tsv`
    pub people: &'a str,
    /// `not_parties.txt`
    pub not_parties: &'a str,
    /// `regimes.tsv`
    pub regimes: &'a str,
    /// `ranks.txt`
    pub ranks: &'a str,
    /// `honorifics.txt`
    pub honorifics: &'a str,
    /// `office_words.txt`
    pub office_words: &'a str,
    /// `triggers.tsv`
    pub triggers: &'a str,
}

impl Sources<'static> {
    /// The dictionaries built into the binary from `assets/dict/`.
    pub const BUILTIN: Sources<'static> = Sources {
        states: include_str!("../../assets/dict/states.tsv"),
        organisations: include_str!("../../assets/dict/organisations.tsv"),
        places: include_str!("../../assets/dict/places.tsv"),
        people: include_str!("../../assets/dict/people.tsv"),
        not_parties: include_str!("../../assets/dict/not_parties.txt"),
        regimes: include_str!("../../assets/dict/regimes.tsv"),
        ranks: include_str!("../../assets/dict/ranks.txt"),
        honorifics: include_str!("../../assets/dict/honorifics.txt"),
        office_words: include_str!("../../assets/dict/office_words.txt"),
        triggers: include_str!("../../assets/dict/triggers.tsv"),
    };
}

/// Multi-word phrases matched word by word ("Rear Admiral", "Lt. Gen."), indexed by their
/// first word so that a lookup costs one hash probe per word of text.
#[derive(Debug)]
pub struct PhraseSet {
    by_first: FxHashMap<String, Vec<Vec<String>>>,
    /// The bytes phrases start with: most words of a text start otherwise and cost no hash.
    first_bytes: [bool; 256],
}

/// A word as phrases compare it: without a final full stop.
fn phrase_key(word: &str) -> &str {
    word.trim_end_matches('.')
}

impl PhraseSet {
    fn new<'a>(phrases: impl Iterator<Item = &'a str>) -> PhraseSet {
        let mut by_first: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        for phrase in phrases {
            let words: Vec<String> = phrase
                .split_whitespace()
                .map(|w| phrase_key(w).to_string())
                .collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(words);
            }
        }
        // Longest first: "Rear Admiral" before "Rear".
        for list in by_first.values_mut() {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        let mut first_bytes = [false; 256];
        for first in by_first.keys() {
            if let Some(&b) = first.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        PhraseSet {
            by_first,
            first_bytes,
        }
    }

    /// Whether some phrase starts with this word.
    pub fn may_start(&self, word: &str) -> bool {
        let key = phrase_key(word);
        key.as_bytes()
            .first()
            .is_some_and(|&b| self.first_bytes[usize::from(b)])
            && self.by_first.contains_key(key)
    }

    /// The longest phrase that starts at `words[0]`: its length in words and its text.
    pub fn longest_at(&self, words: &[&str]) -> Option<(usize, String)> {
        let first = phrase_key(words.first()?);
        self.by_first.get(first)?.iter().find_map(|phrase| {
            let fits = phrase.len() <= words.len()
                && phrase.iter().zip(words).all(|(p, w)| p == phrase_key(w));
            fits.then(|| (phrase.len(), words[..phrase.len()].join(" ")))
        })
    }

    /// Whether the set holds this exact phrase.
    pub fn contains(&self, phrase: &str) -> bool {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        self.longest_at(&words)
            .is_some_and(|(n, _)| n == words.len())
    }
}

/// The mentions (sorted by position) that lie inside `range`.
pub fn mentions_in<'m>(mentions: &'m [Mention], range: &std::ops::Range<usize>) -> &'m [Mention] {
    let from = mentions.partition_point(|m| m.start < range.start);
    let to = mentions.partition_point(|m| m.end <= range.end).max(from);
    &mentions[from..to]
}

/// Whether `text` begins with the words of `name`, each at least begun alike (the first three
/// letters, or the whole of a shorter word): the same name, perhaps spelt otherwise.
fn same_name_words(name: &str, text: &str) -> bool {
    let mut words = text.split(|c: char| !c.is_alphanumeric());
    name.split([' ', '-']).all(|known| {
        words.next().is_some_and(|w| {
            let n = known.chars().count().min(w.chars().count()).min(3);
            n > 0 && known.chars().take(n).eq(w.chars().take(n))
        })
    })
}

/// A title and a given name, after which a state's name is a surname ("General Derek France").
static SURNAME_AFTER_TITLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?:General|Gen\.|Admiral|Adm\.|Colonel|Col\.|Brigadier|Major|Captain|Marshal|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Sir)\s+[A-Z][a-z]+\s+$",
    )
    .unwrap_or_else(|e| panic!("surname pattern: {e}"))
});

/// The compiled dictionaries.
pub struct Lexicon {
    forms: FormFinder,
    /// Per pattern: what it names, and whether it is the capitals-only variant of a form.
    form_info: Vec<(FormKind, Option<PartyCode>, bool)>,
    /// Patterns that name their state only from a day on ("Taliban" from August 2021).
    since: FxHashMap<usize, chrono::NaiveDate>,
    /// Per pattern of a person's name: how the longer listed names that begin with it go on
    /// ("Al Thani" after "Mohammed bin Abdulrahman"); mostly none.
    name_goes_on: Vec<Vec<String>>,
    /// Common English name of each state or organisation.
    pub names: HashMap<PartyCode, String>,
    /// Ranks ("Rear Admiral", "Lt. Gen.").
    pub ranks: PhraseSet,
    /// Courtesy prefixes ("Mr", "H.E.").
    pub honorifics: PhraseSet,
    /// Words of offices and bodies.
    pub office_words: FxHashSet<String>,
    /// Trigger rules in file order.
    pub triggers: Vec<TriggerRule>,
    /// Words without which a trigger rule cannot match, found in one pass over a text.
    trigger_words: NeededWords,
}

/// Finds dictionary forms leftmost-longest, as one unanchored automaton over them would, but
/// walks the forms' trie only from the few places where one may start. (That automaton, for
/// some ten thousand forms, is tens of megabytes: stepping it byte by byte missed the cache on
/// most capitalised words.)
///
/// Every form holds a "marked" byte: an ASCII capital, or else its first byte is marked. A
/// form whose first marked byte is its `k`-th can only start `k` bytes before a marked byte of
/// the text, with no marked byte between. So the scan jumps from marked byte to marked byte
/// and tries the few starts before each, left to right ("the Gambia": four bytes before "G").
struct FormFinder {
    /// The forms, walked anchored at one position.
    trie: aho_corasick::nfa::contiguous::NFA,
    /// The marked bytes.
    marked: [bool; 256],
    /// Whether every marked byte is an ASCII capital or a byte past ASCII, so that eight bytes
    /// at a time can be skipped when none of them is either (as for the built-in forms).
    marked_wide: bool,
    /// How far into a form its first marked byte lies, for all forms, largest first.
    marked_at: Vec<usize>,
    /// For each of `marked_at`, the first bytes of the forms whose first marked byte lies that
    /// far in: most bytes a few before a capital start no form that reaches it ("the Gambia"
    /// starts with "t").
    firsts_at: Vec<[bool; 256]>,
    /// Bit `256 * a + b` is set when some form starts with bytes `a b`.
    starts_two: Vec<u64>,
    /// Bit `256 * a + b` is set when some form of two or three bytes starts with `a b`.
    starts_short: Vec<u64>,
    /// Bit `four_bit(first four bytes)` is set for every form of four bytes or more.
    starts_four: Vec<u64>,
    /// Bytes that are a whole form by themselves.
    whole_one: [bool; 256],
}

/// Whether one of the eight bytes packed in `eight` is an ASCII capital or past ASCII: the
/// high bit of each byte set, or the low seven bits from `A` to `Z` (added to in each byte
/// without carrying into the next).
fn capital_or_wide(eight: u64) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = eight & !HIGH;
    let from_a = low + 0x3F3F_3F3F_3F3F_3F3F; // 0x80 - b'A' in each byte
    let past_z = low + 0x2525_2525_2525_2525; // 0x80 - (b'Z' + 1) in each byte
    (eight | (from_a & !past_z)) & HIGH != 0
}

/// Which of 65,536 bits stands for a form's first four bytes (read as little-endian `u32`).
fn four_bit(four: u32) -> usize {
    (four.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

fn has_bit(bits: &[u64], bit: usize) -> bool {
    bits[bit / 64] & (1 << (bit % 64)) != 0
}

impl FormFinder {
    fn new(patterns: &[String]) -> Result<FormFinder, aho_corasick::BuildError> {
        let trie = aho_corasick::nfa::contiguous::Builder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)?;
        let mut marked = [false; 256];
        for b in b'A'..=b'Z' {
            marked[usize::from(b)] = true;
        }
        let mut starts_two = vec![0u64; 65536 / 64];
        let mut starts_short = vec![0u64; 65536 / 64];
        let mut starts_four = vec![0u64; 65536 / 64];
        let set = |bits: &mut Vec<u64>, bit: usize| bits[bit / 64] |= 1 << (bit % 64);
        let mut whole_one = [false; 256];
        for p in patterns {
            let bytes = p.as_bytes();
            if !bytes.iter().any(|&b| marked[usize::from(b)])
                && let Some(&first) = bytes.first()
            {
                marked[usize::from(first)] = true;
            }
            match *bytes {
                [a] => whole_one[usize::from(a)] = true,
                [a, b, ref rest @ ..] => {
                    let two = usize::from(a) << 8 | usize::from(b);
                    set(&mut starts_two, two);
                    match *rest {
                        [c, d, ..] => {
                            set(&mut starts_four, four_bit(u32::from_le_bytes([a, b, c, d])))
                        }
                        _ => set(&mut starts_short, two),
                    }
                }
                [] => {}
            }
        }
        // A first byte marked for one form may move the marked byte of others nearer their start.
        let mut marked_at: Vec<usize> = patterns
            .iter()
            .filter_map(|p| p.bytes().position(|b| marked[usize::from(b)]))
            .collect();
        marked_at.sort_unstable_by(|a, b| b.cmp(a));
        marked_at.dedup();
        let mut firsts_at = vec![[false; 256]; marked_at.len()];
        for p in patterns {
            let bytes = p.as_bytes();
            let k = bytes.iter().position(|&b| marked[usize::from(b)]);
            if let (Some(i), Some(&first)) =
                (marked_at.iter().position(|&m| Some(m) == k), bytes.first())
            {
                firsts_at[i][usize::from(first)] = true;
            }
        }
        let marked_wide =
            (0..=255u8).all(|b| !marked[usize::from(b)] || b.is_ascii_uppercase() || !b.is_ascii());
        Ok(FormFinder {
            trie,
            marked,
            marked_wide,
            marked_at,
            firsts_at,
            starts_two,
            starts_short,
            starts_four,
            whole_one,
        })
    }

    /// The first marked byte of `bytes` at or after `from`. Most text is lower case: where
    /// the marked bytes allow it, eight bytes that hold no capital and no byte past ASCII are
    /// passed over at once.
    fn next_marked(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let is_marked = |b: &u8| self.marked[usize::from(*b)];
        let rest = bytes.get(from..)?;
        let mut chunks = rest.chunks_exact(8);
        let mut at = from;
        if self.marked_wide {
            for chunk in chunks.by_ref() {
                let mut eight = [0u8; 8];
                eight.copy_from_slice(chunk);
                if capital_or_wide(u64::from_le_bytes(eight))
                    && let Some(i) = chunk.iter().position(is_marked)
                {
                    return Some(at + i);
                }
                at += 8;
            }
        }
        bytes[at..].iter().position(is_marked).map(|i| at + i)
    }

    /// Whether a form may start at byte `at` of `bytes`, by its first bytes.
    #[inline]
    fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        let a = bytes[at];
        if self.whole_one[usize::from(a)] {
            return true;
        }
        let Some(&b) = bytes.get(at + 1) else {
            return false;
        };
        let two = usize::from(a) << 8 | usize::from(b);
        if !has_bit(&self.starts_two, two) {
            return false;
        }
        match bytes.get(at..at + 4) {
            Some(&[a, b, c, d]) => {
                has_bit(&self.starts_short, two)
                    || has_bit(
                        &self.starts_four,
                        four_bit(u32::from_le_bytes([a, b, c, d])),
                    )
            }
            _ => true,
        }
    }

    /// The longest form that starts at byte `at`: its pattern and end.
    fn longest_at(&self, bytes: &[u8], at: usize) -> Option<(aho_corasick::PatternID, usize)> {
        use aho_corasick::Anchored;
        use aho_corasick::automaton::Automaton;
        let trie = &self.trie;
        let mut sid = trie.start_state(Anchored::Yes).ok()?;
        let mut longest = None;
        for (i, &b) in bytes[at..].iter().enumerate() {
            sid = trie.next_state(Anchored::Yes, sid, b);
            if trie.is_special(sid) {
                if trie.is_dead(sid) {
                    break;
                }
                // A state also holds the matches of the shorter forms its failure transition
                // leads to: those start after `at`.
                let len = i + 1;
                longest = (0..trie.match_len(sid))
                    .map(|k| trie.match_pattern(sid, k))
                    .find(|&p| trie.pattern_len(p) == len)
                    .map(|p| (p, at + len))
                    .or(longest);
            }
        }
        longest
    }

    /// The non-overlapping forms of `text`, left to right: at the leftmost position where some
    /// form starts, the longest form there.
    fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = aho_corasick::Match> + 't {
        let bytes = text.as_bytes();
        // Forms end before `at`; marked bytes before `next_marked` have been tried.
        let mut at = 0;
        let mut next_marked = 0;
        std::iter::from_fn(move || {
            loop {
                let marked = self.next_marked(bytes, next_marked.max(at))?;
                next_marked = marked + 1;
                // The leftmost form is tried at its first marked byte, with that byte's offset,
                // before any start to its right: the other offsets may pass over its start.
                let starts =
                    self.marked_at
                        .iter()
                        .zip(&self.firsts_at)
                        .filter_map(|(&k, firsts)| {
                            let start = marked.checked_sub(k)?;
                            (start >= at && firsts[usize::from(bytes[start])]).then_some(start)
                        });
                for start in starts.filter(|&s| self.may_start(bytes, s)) {
                    if let Some((pattern, end)) = self.longest_at(bytes, start) {
                        at = end;
                        return Some(aho_corasick::Match::new(pattern, start..end));
                    }
                }
            }
        })
    }
}

/// The literal words that patterns need ("sign", "visit", " talks"), read from the patterns
/// themselves: a text can only match a pattern when it holds a word of each of the pattern's
/// needs. A need is a list of words one of which every match holds: what the whole match
/// needs, what each of its parts needs ("seventh" and "round" in "seventh round of"), and for
/// a two-part trigger rule, what its second pattern needs (whose match lies in the same
/// sentence).
pub(crate) struct NeededWords {
    /// Every pattern's words, lower-case, matched ignoring ASCII case.
    words: WordScanner,
    /// The (pattern, need) pairs each word serves.
    needs_of_word: Vec<Vec<(usize, usize)>>,
    /// How many needs each pattern has.
    needs: Vec<usize>,
    /// Patterns with no usable words, which may match anywhere.
    everywhere: Vec<usize>,
}

impl NeededWords {
    /// From the needs of each pattern (none: it may match anywhere).
    fn new(
        patterns: impl Iterator<Item = Vec<Vec<Vec<u8>>>>,
    ) -> Result<NeededWords, aho_corasick::BuildError> {
        let mut words: Vec<Vec<u8>> = Vec::new();
        let mut needs_of_word: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut needs = Vec::new();
        let mut everywhere = Vec::new();
        for (pattern, sets) in patterns.enumerate() {
            if sets.is_empty() {
                everywhere.push(pattern);
            }
            needs.push(sets.len());
            for (need, set) in sets.into_iter().enumerate() {
                for word in set {
                    match words.iter().position(|w| *w == word) {
                        Some(at) => needs_of_word[at].push((pattern, need)),
                        None => {
                            words.push(word);
                            needs_of_word.push(vec![(pattern, need)]);
                        }
                    }
                }
            }
        }
        let words = WordScanner::new(&words, true)?;
        Ok(NeededWords {
            words,
            needs_of_word,
            needs,
            everywhere,
        })
    }

    /// For rule patterns (as [`compile_rule`] compiles them).
    pub(crate) fn of_patterns(patterns: &[&str]) -> Result<NeededWords, aho_corasick::BuildError> {
        NeededWords::new(patterns.iter().map(|p| needed_word_sets(p)))
    }

    /// For trigger rules: the needs of a two-part rule's second pattern count too, unless its
    /// first needs no word (then the rule is searched everywhere).
    fn of_triggers(rules: &[TriggerRule]) -> Result<NeededWords, aho_corasick::BuildError> {
        NeededWords::new(rules.iter().map(|t| {
            let mut sets = needed_word_sets(t.pattern.as_str());
            if let (false, Some((_, near))) = (sets.is_empty(), &t.near) {
                sets.extend(needed_word_sets(near.as_str()));
                sets.sort();
                sets.dedup();
            }
            sets
        }))
    }

    /// Each (pattern, need, offset) where a word of one of a pattern's needs occurs in `text`.
    fn hits(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut hits = Vec::new();
        self.words.for_each(text.as_bytes(), |word, start| {
            hits.extend(
                self.needs_of_word[word]
                    .iter()
                    .map(|&(pattern, need)| (pattern, need, start)),
            );
        });
        hits
    }

    /// For each pattern, whether `text` holds a word of each of its needs, so that the
    /// pattern may match it. The words are matched ignoring ASCII case only: a text with "ſ"
    /// or "K" (the Kelvin sign), which a case-insensitive pattern takes for "s" or "k", may
    /// match every pattern.
    pub(crate) fn may_match(&self, text: &str) -> Vec<bool> {
        if !text.is_ascii() && text.contains(['ſ', '\u{212A}']) {
            return vec![true; self.needs.len()];
        }
        let mut found = self.hits(text);
        found.sort_unstable();
        found.dedup_by_key(|(pattern, need, _)| (*pattern, *need));
        let mut needs_met = vec![0; self.needs.len()];
        for (pattern, _, _) in found {
            needs_met[pattern] += 1;
        }
        needs_met
            .iter()
            .zip(&self.needs)
            .map(|(met, n)| met == n)
            .collect()
    }
}

/// Finds every occurrence of some words, overlapping ones too, ignoring ASCII case or not: as
/// the library's overlapping search does, but stepping its automaton in a loop of our own, with
/// the state in locals. (The library's overlapping iterator keeps its position and state in a
/// struct it updates byte by byte: it cost some 20 instructions per byte of text.)
pub(crate) struct WordScanner {
    dfa: aho_corasick::dfa::DFA,
}

impl WordScanner {
    /// The scanner of `words`, matched ignoring ASCII case when `ascii_case_insensitive`.
    pub(crate) fn new(
        words: &[impl AsRef<[u8]>],
        ascii_case_insensitive: bool,
    ) -> Result<WordScanner, aho_corasick::BuildError> {
        // No prefilter: with one, start states are "special" too and the loop below would
        // stop at each of them for nothing.
        let dfa = aho_corasick::dfa::DFA::builder()
            .ascii_case_insensitive(ascii_case_insensitive)
            .match_kind(MatchKind::Standard)
            .start_kind(aho_corasick::StartKind::Unanchored)
            .prefilter(false)
            .build(words)?;
        Ok(WordScanner { dfa })
    }

    /// Calls `found(word, start)` for every occurrence, in the order the occurrences end.
    pub(crate) fn for_each(&self, text: &[u8], mut found: impl FnMut(usize, usize)) {
        use aho_corasick::automaton::Automaton;
        let dfa = &self.dfa;
        let Ok(mut sid) = dfa.start_state(aho_corasick::Anchored::No) else {
            return;
        };
        let mut at = 0;
        while at < text.len() {
            // Step to the next special state in a loop that stores nothing, so that the
            // automaton's tables stay in registers. Without a prefilter only match states
            // (and a dead one, which an unanchored search never reaches) are special.
            for &b in &text[at..] {
                sid = dfa.next_state(aho_corasick::Anchored::No, sid, b);
                at += 1;
                if dfa.is_special(sid) {
                    break;
                }
            }
            if dfa.is_match(sid) {
                for k in 0..dfa.match_len(sid) {
                    let word = dfa.match_pattern(sid, k);
                    found(word.as_usize(), at - dfa.pattern_len(word));
                }
            }
        }
    }
}

/// Literals one of which lies inside every match of `pattern`, lower-case; `None` when there
/// is no short list of them. They are what a match starts with, ends with, or what one part
/// of it needs ("round|session|meeting" in "seventh round of"), whichever list is best (see
/// [`better_words`]); the branches of an alternation each give their own ("met", and "talks"
/// in "held … talks"), so that a common word one branch starts with ("had") is not needed
/// where another word of the branch is. Read case-sensitively, since matching them ignoring
/// case covers the rule's case-insensitive parts and its exact ones alike.
fn needed_words(pattern: &str) -> Option<Vec<Vec<u8>>> {
    needed_in(&parse_case_sensitive(pattern)?)
}

/// The lists of words every match of `pattern` needs one word of each: the best list for the
/// whole match (as [`needed_words`]) and the list of each of its parts that has one of words
/// of four letters or more (words of three such as "the" and "was" are in most sentences:
/// they would rule out few and cost a hit each). Empty when the pattern needs no word.
fn needed_word_sets(pattern: &str) -> Vec<Vec<Vec<u8>>> {
    use regex_syntax::hir::HirKind;
    let (Some(best), Some(hir)) = (needed_words(pattern), parse_case_sensitive(pattern)) else {
        return Vec::new();
    };
    let mut top = &hir;
    while let HirKind::Capture(c) = top.kind() {
        top = &c.sub;
    }
    let mut sets = vec![best];
    if let HirKind::Concat(parts) = top.kind() {
        sets.extend(
            parts
                .iter()
                .filter_map(needed_in)
                .filter(|set| set.iter().all(|w| w.len() >= 4)),
        );
    }
    // A word that holds another word of its list adds nothing to it ("meeting with" to
    // "meeting"): without them the scanner has fewer states and reports fewer hits.
    for set in &mut sets {
        let all = set.clone();
        set.retain(|w| {
            !all.iter()
                .any(|other| other != w && w.windows(other.len()).any(|part| part == other))
        });
    }
    sets.sort();
    sets.dedup();
    sets
}

/// A rule pattern parsed for its literals (see [`needed_words`]).
fn parse_case_sensitive(pattern: &str) -> Option<regex_syntax::hir::Hir> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(false)
        .build()
        .parse(&pattern.replace("(?-i:", "(?:"))
        .ok()
}

/// The words one of which every match of `hir` holds (as [`needed_words`]).
fn needed_in(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::HirKind;
    use regex_syntax::hir::literal::ExtractKind;
    match hir.kind() {
        HirKind::Capture(c) => needed_in(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => needed_in(&r.sub),
        // Each branch needs its own words: together they are the alternation's.
        HirKind::Alternation(branches) => {
            let mut words = Vec::new();
            for branch in branches {
                words.extend(needed_in(branch)?);
            }
            words.sort();
            words.dedup();
            Some(words)
        }
        HirKind::Concat(parts) => [
            literal_words(hir, ExtractKind::Prefix),
            literal_words(hir, ExtractKind::Suffix),
        ]
        .into_iter()
        .chain(parts.iter().map(needed_in))
        .flatten()
        .reduce(better_words),
        HirKind::Literal(_) => literal_words(hir, regex_syntax::hir::literal::ExtractKind::Prefix),
        _ => None,
    }
}

/// The literals every match of `hir` starts (or ends) with, lower-case and without the white
/// space around them; `None` when there are none of three letters or more.
fn literal_words(
    hir: &regex_syntax::hir::Hir,
    kind: regex_syntax::hir::literal::ExtractKind,
) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::Extractor;
    let seq = Extractor::new().kind(kind).limit_total(2000).extract(hir);
    // White space around a word adds nothing to it but more words to look for.
    let mut words: Vec<Vec<u8>> = seq
        .literals()?
        .iter()
        .map(|l| l.as_bytes().trim_ascii().to_ascii_lowercase())
        .collect();
    words.sort();
    words.dedup();
    // Words of two letters ("of") are in every sentence and filter nothing.
    let shortest = words.iter().map(Vec::len).min()?;
    (shortest >= 3).then_some(words)
}

/// Of two lists of needed words, the one that should rule out more sentences: the one whose
/// shortest word is longer, then the one with fewer words of that length ("met" and "had"
/// are common, "met" alone less so), then the one with fewer words; the first on a tie.
fn better_words(a: Vec<Vec<u8>>, b: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    let key = |w: &[Vec<u8>]| {
        let shortest = w.iter().map(Vec::len).min().unwrap_or(0);
        let of_shortest = w.iter().filter(|x| x.len() == shortest).count();
        (
            shortest,
            std::cmp::Reverse(of_shortest),
            std::cmp::Reverse(w.len()),
        )
    };
    if key(&b) > key(&a) { b } else { a }
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    // The built-in files are tested; a broken one is a build defect, not a user error.
    Lexicon::compile(Sources::BUILTIN).unwrap_or_else(|e| panic!("built-in dictionary: {e}"))
});

impl Lexicon {
    /// The lexicon compiled from the built-in dictionaries (once per process).
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// Compiles dictionaries from their texts.
    pub fn compile(src: Sources<'_>) -> Result<Lexicon, LexiconError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut form_info = Vec::new();
        let mut names = HashMap::new();
        let mut seen = HashSet::new();
        // Returns the patterns it added, by index.
        let mut add = |form: &str, kind: FormKind, party: Option<PartyCode>| {
            let first = patterns.len();
            let form = form.trim();
            if form.is_empty() {
                return first..first;
            }
            let mut variants = vec![(form.to_string(), false)];
            let caps = form.to_uppercase();
            // Datelines print places and states in capitals ("ISLAMABAD:").
            if kind != FormKind::Demonym
                && caps != form
                && form.chars().filter(|c| c.is_alphabetic()).count() >= 4
            {
                variants.push((caps, true));
            }
            for (v, caps_only) in variants {
                if seen.insert(v.clone()) {
                    patterns.push(v);
                    form_info.push((kind, party, caps_only));
                }
            }
            first..patterns.len()
        };
        let code = |file: &str, line: usize, text: &str| {
            PartyCode::parse(text.trim()).ok_or_else(|| LexiconError {
                file: file.into(),
                line,
                problem: format!("'{text}' is not a party code"),
            })
        };
        // Blockers first so that they win ties with the forms they contain.
        for form in data_lines(src.not_parties) {
            add(form, FormKind::NotAParty, None);
        }
        for (i, line) in data_lines(src.states).enumerate().skip(1) {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 5 {
                return Err(LexiconError {
                    file: "states.tsv".into(),
                    line: i + 1,
                    problem: format!("expected 5 tab-separated fields, found {}", fields.len()),
                });
            }
            let party = code("states.tsv", i + 1, fields[0])?;
            names.insert(party, fields[1].to_string());
            add(fields[1], FormKind::StateName, Some(party));
            for f in fields[2].split('|') {
                add(f, FormKind::StateName, Some(party));
            }
            for f in fields[3].split('|') {
                add(f, FormKind::Demonym, Some(party));
            }
            for f in fields[4].split('|') {
                add(f, FormKind::Capital, Some(party));
            }
        }
        let mut since = FxHashMap::default();
        for (i, line) in data_lines(src.regimes).enumerate() {
            let err = |problem: String| LexiconError {
                file: "regimes.tsv".into(),
                line: i + 1,
                problem,
            };
            let [form, c, from] = line.split('\t').collect::<Vec<_>>()[..] else {
                return Err(err("expected form<TAB>code<TAB>from (YYYY-MM-DD)".into()));
            };
            let party = code("regimes.tsv", i + 1, c)?;
            let from = chrono::NaiveDate::parse_from_str(from.trim(), "%Y-%m-%d")
                .map_err(|_| err(format!("'{from}' is not a date like 2021-08-15")))?;
            since.extend(add(form, FormKind::StateName, Some(party)).map(|p| (p, from)));
        }
        for (i, line) in data_lines(src.organisations).enumerate() {
            let (c, forms) = line.split_once('\t').ok_or_else(|| LexiconError {
                file: "organisations.tsv".into(),
                line: i + 1,
                problem: "expected code<TAB>names".into(),
            })?;
            let party = code("organisations.tsv", i + 1, c)?;
            names.insert(party, forms.split('|').next().unwrap_or(c).to_string());
            for f in forms.split('|') {
                add(f, FormKind::Organisation, Some(party));
            }
        }
        for (i, line) in data_lines(src.places).enumerate() {
            let (place, c) = line.split_once('\t').ok_or_else(|| LexiconError {
                file: "places.tsv".into(),
                line: i + 1,
                problem: "expected place<TAB>code".into(),
            })?;
            let party = code("places.tsv", i + 1, c)?;
            add(place, FormKind::Place, Some(party));
        }
        for (i, line) in data_lines(src.people).enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let (Some(forms), Some(c)) = (fields.first(), fields.get(1)) else {
                return Err(LexiconError {
                    file: "people.tsv".into(),
                    line: i + 1,
                    problem: "expected name_forms<TAB>code<TAB>role<TAB>from<TAB>to".into(),
                });
            };
            let party = code("people.tsv", i + 1, c)?;
            for f in forms.split('|') {
                add(f, FormKind::Person, Some(party));
            }
        }
        let mut name_starts: FxHashMap<&str, Vec<String>> = FxHashMap::default();
        for (p, _) in patterns
            .iter()
            .zip(&form_info)
            .filter(|(_, info)| info.0 == FormKind::Person)
        {
            for (i, _) in p.match_indices(' ') {
                name_starts
                    .entry(&p[..i])
                    .or_default()
                    .push(p[i + 1..].to_string());
            }
        }
        let name_goes_on: Vec<Vec<String>> = patterns
            .iter()
            .zip(&form_info)
            .map(|(p, info)| match info.0 {
                FormKind::Person => name_starts.get(p.as_str()).cloned().unwrap_or_default(),
                _ => Vec::new(),
            })
            .collect();
        let forms = FormFinder::new(&patterns).map_err(|e| LexiconError {
            file: "dictionaries".into(),
            line: 0,
            problem: e.to_string(),
        })?;
        let ranks = PhraseSet::new(data_lines(src.ranks));
        let honorifics = PhraseSet::new(data_lines(src.honorifics));
        let office_words = data_lines(src.office_words)
            .map(|s| s.trim().to_string())
            .collect();
        let mut triggers = Vec::new();
        for (i, line) in data_lines(src.triggers).enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let err = |problem: String| LexiconError {
                file: "triggers.tsv".into(),
                line: i + 1,
                problem,
            };
            let (id, kind, pattern, near) = match fields[..] {
                [id, kind, pattern] => (id, kind, pattern, None),
                [id, kind, pattern, within, near] => {
                    let within: isize = within.trim_start_matches('+').parse().map_err(|_| {
                        err(format!(
                            "'{within}' is not a distance in bytes like +90 or -80"
                        ))
                    })?;
                    (id, kind, pattern, Some((within, near)))
                }
                _ => {
                    return Err(err(
                        "expected id<TAB>kind<TAB>pattern[<TAB>±bytes<TAB>near pattern]".into(),
                    ));
                }
            };
            let kind = Kind::parse(kind).ok_or_else(|| err(format!("unknown kind '{kind}'")))?;
            let pattern = compile_rule(pattern).map_err(|e| err(e.to_string()))?;
            let near = match near {
                Some((within, p)) => {
                    Some((within, compile_rule(p).map_err(|e| err(e.to_string()))?))
                }
                None => None,
            };
            triggers.push(TriggerRule {
                id: id.to_string(),
                kind,
                pattern,
                near,
            });
        }
        let trigger_words = NeededWords::of_triggers(&triggers).map_err(|e| LexiconError {
            file: "triggers.tsv".into(),
            line: 0,
            problem: e.to_string(),
        })?;
        Ok(Lexicon {
            trigger_words,
            forms,
            form_info,
            since,
            name_goes_on,
            names,
            ranks,
            honorifics,
            office_words,
            triggers,
        })
    }

    /// Every dictionary form in `text` that stands as a whole word, left to right, longest
    /// first. Forms hidden inside a [`FormKind::NotAParty`] phrase are not reported.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        self.mentions_on(text, None)
    }

    /// As [`Lexicon::mentions`], for a text of the given day: a government's name that names
    /// its state only from a later day names no party ([`Sources::regimes`]).
    pub fn mentions_on(&self, text: &str, day: Option<chrono::NaiveDate>) -> Vec<Mention> {
        // Letters and digits of any script continue a word; punctuation such as ’ does not.
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        self.forms
            .find_iter(text)
            .filter(|m| {
                let before_ok = !is_word(text[..m.start()].chars().next_back());
                // "Pak-" in "Pak-Afghan" is a prefix form: it runs straight into the next word.
                let after_ok =
                    text[..m.end()].ends_with('-') || !is_word(text[m.end()..].chars().next());
                before_ok && after_ok
            })
            .filter_map(|m| {
                let (kind, party, caps_only) = self.form_info[m.pattern().as_usize()];
                // "LIMA" the acronym is not Lima: a form in capitals counts only as a dateline.
                let dateline = text[m.end()..].starts_with([',', ':'])
                    && text[..m.start()]
                        .trim_end_matches(' ')
                        .ends_with(['\n', '>'])
                    || m.start() == 0;
                if caps_only && !dateline && !text[..m.start()].ends_with('\n') {
                    return None;
                }
                // "Lieutenant General Derek France": after a title and a given name, a state's
                // name is a surname.
                if kind == FormKind::StateName {
                    let mut from = m.start().saturating_sub(40);
                    while !text.is_char_boundary(from) {
                        from += 1;
                    }
                    if SURNAME_AFTER_TITLE.is_match(&text[from..m.start()]) {
                        return None;
                    }
                }
                // "Mohammed bin Abdulrahman Al Ghuraybi" is not the "Mohammed bin Abdulrahman Al
                // Thani" whose name it begins with; "Anura Kumara Disanayake" is "Anura Kumara
                // Dissanayake" spelt otherwise.
                let goes_on = &self.name_goes_on[m.pattern().as_usize()];
                if !goes_on.is_empty()
                    && let Some(rest) = text[m.end()..].strip_prefix(' ')
                    && rest.starts_with(char::is_uppercase)
                    && !goes_on.iter().any(|known| same_name_words(known, rest))
                {
                    return None;
                }
                // "Vice Admiral Abdullah Bin Khamis Al Raisi" is not President Raisi: a bare
                // surname after a particle of a name ("Al", "bin") ends another's name.
                let before = &text.as_bytes()[m.start().saturating_sub(5)..m.start()];
                if kind == FormKind::Person
                    && !text[m.start()..m.end()].contains(' ')
                    && NAME_PARTICLES.iter().any(|p| before.ends_with(p))
                {
                    return None;
                }
                let before_regime = day.is_some_and(|day| {
                    self.since
                        .get(&m.pattern().as_usize())
                        .is_some_and(|from| day < *from)
                });
                (kind != FormKind::NotAParty && !before_regime).then_some(Mention {
                    start: m.start(),
                    end: m.end(),
                    kind,
                    party,
                })
            })
            .collect()
    }

    /// Where trigger rules may match in `text`: each (rule, need, offset) where a word of one
    /// of a rule's needs occurs, and the rules that need no word and may match anywhere. A rule
    /// can only match where words of all its needs ([`Lexicon::trigger_needs`]) occur.
    pub fn trigger_words(&self, text: &str) -> (Vec<(usize, usize, usize)>, &[usize]) {
        let t = &self.trigger_words;
        (t.hits(text), &t.everywhere)
    }

    /// How many needs a trigger rule has (see [`Lexicon::trigger_words`]).
    pub fn trigger_needs(&self, rule: usize) -> usize {
        self.trigger_words.needs[rule]
    }

    /// The common name of a party ("Pakistan").
    pub fn name_of(&self, party: PartyCode) -> String {
        self.names
            .get(&party)
            .cloned()
            .unwrap_or_else(|| party.to_string())
    }

    /// Every known party with its common name, sorted by name: for pickers.
    pub fn parties(&self) -> Vec<(PartyCode, &str)> {
        let mut all: Vec<(PartyCode, &str)> =
            self.names.iter().map(|(c, n)| (*c, n.as_str())).collect();
        all.sort_by(|a, b| a.1.cmp(b.1));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    #[test]
    fn a_rule_needs_the_longest_words_it_cannot_match_without() {
        let words = |p: &str| {
            needed_words(compile_rule(p).unwrap().as_str()).map(|w| {
                w.into_iter()
                    .map(|w| String::from_utf8(w).unwrap())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            words(r"\b(?:\d{1,2}(?:st|nd|rd|th)|first|next)\s+(?:round|Session)\s+of\b"),
            Some(vec!["round".to_string(), "session".to_string()])
        );
        assert_eq!(
            words(r"\b(?:signed|inked)\b"),
            Some(vec!["inked".to_string(), "signed".to_string()])
        );
        // Each branch of an alternation needs its own words: "talks", not "had" or "held".
        assert_eq!(
            words(r"\b(?:met|(?:held|had)\s+(?:\w+\s+)?talks)\b"),
            Some(vec!["met".to_string(), "talks".to_string()])
        );
        // Nothing of three letters is needed: the rule searches everywhere.
        assert_eq!(words(r"\b[A-Z]{2,8}\s+of\b"), None);
    }

    #[test]
    fn every_trigger_match_holds_a_word_of_each_need_of_its_rule() {
        let lex = Lexicon::builtin();
        let searched_everywhere = lex.trigger_words("").1.len();
        assert!(
            searched_everywhere <= 2,
            "{searched_everywhere} rules without words"
        );
        let texts = [
            include_str!("../../assets/corpus/000_7990e3768e0cbb25.txt"),
            include_str!("../../assets/corpus/001_5a1b8c29a9803335.txt"),
            include_str!("../../assets/corpus/002_8dfa90e2cd21d513.txt"),
            include_str!("../../assets/corpus/003_d8922b789e6904fe.txt"),
            include_str!("../../assets/corpus/004_34070ce1deaee917.txt"),
            "They Signed an MoU. The 3rd round of talks was held; ministers MET and spoke by phone.",
        ];
        let mut checked = 0;
        for text in texts {
            let (hits, everywhere) = lex.trigger_words(text);
            for (rule, t) in lex.triggers.iter().enumerate() {
                for m in t.find_iter(text) {
                    checked += 1;
                    let found = everywhere.contains(&rule)
                        || (0..lex.trigger_needs(rule)).all(|need| {
                            hits.iter()
                                .any(|&(r, n, at)| (r, n) == (rule, need) && m.contains(&at))
                        });
                    assert!(found, "{} matched {:?} without its words", t.id, &text[m]);
                }
            }
        }
        assert!(checked > 20, "only {checked} matches checked");
    }

    fn parties(text: &str) -> Vec<(String, FormKind)> {
        Lexicon::builtin()
            .mentions(text)
            .into_iter()
            .map(|m| (m.party.map(|p| p.to_string()).unwrap_or_default(), m.kind))
            .collect()
    }

    #[test]
    fn a_listed_name_that_goes_on_into_another_name_is_someone_else() {
        // people.tsv lists "Mohammed bin Abdulrahman" and "Mohammed bin Abdulrahman Al Thani".
        let person = || (String::from("QAT"), FormKind::Person);
        assert_eq!(
            parties("Mohammed bin Abdulrahman Al Thani met him."),
            [person()]
        );
        assert_eq!(parties("Mohammed bin Abdulrahman met him."), [person()]);
        assert_eq!(
            parties("Admiral Mohammed bin Abdulrahman Al Ghuraybi met him."),
            []
        );
        // "Anura Kumara Dissanayake" spelt with one s is still he.
        assert_eq!(
            parties("Anura Kumara Disanayake met him."),
            [(String::from("LKA"), FormKind::Person)]
        );
    }

    /// The matches of the trie-based finder, and of one leftmost-longest automaton over the
    /// same forms: the reference it must agree with.
    fn finder_and_automaton_matches(
        finder: &FormFinder,
        forms: &[String],
        text: &str,
    ) -> (Vec<aho_corasick::Match>, Vec<aho_corasick::Match>) {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(forms)
            .unwrap();
        (
            finder.find_iter(text).collect(),
            automaton.find_iter(text).collect(),
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            failure_persistence: None,
            cases: 2000,
            ..proptest::prelude::ProptestConfig::default()
        })]
        #[test]
        fn form_finder_finds_what_one_automaton_finds(
            forms in proptest::collection::hash_set("[a-dAB É-]{1,5}", 1..8),
            text in "[a-dAB É-]{0,60}",
        ) {
            let forms: Vec<String> = forms.into_iter().collect();
            let finder = FormFinder::new(&forms).unwrap();
            let (found, want) = finder_and_automaton_matches(&finder, &forms, &text);
            proptest::prop_assert_eq!(found, want);
        }

        #[test]
        fn form_finder_skipping_lower_case_finds_what_one_automaton_finds(
            forms in proptest::collection::hash_set("[a-c ]{0,2}[ABZ][a-cAZ É-]{0,3}|É[a-c]{0,3}", 1..8),
            text in "[a-cAZ@\\[ É’-]{0,120}",
        ) {
            let forms: Vec<String> = forms.into_iter().collect();
            let finder = FormFinder::new(&forms).unwrap();
            proptest::prop_assert!(finder.marked_wide);
            let (found, want) = finder_and_automaton_matches(&finder, &forms, &text);
            proptest::prop_assert_eq!(found, want);
        }

        #[test]
        fn word_scanner_finds_what_the_overlapping_search_finds(
            words in proptest::collection::hash_set("[a-cA ]{1,4}", 1..8),
            text in "[a-dAB É-]{0,60}",
            ignoring_case in proptest::bool::ANY,
        ) {
            let words: Vec<Vec<u8>> = words.into_iter().map(String::into_bytes).collect();
            let scanner = WordScanner::new(&words, ignoring_case).unwrap();
            let automaton = AhoCorasick::builder()
                .ascii_case_insensitive(ignoring_case)
                .build(&words)
                .unwrap();
            let mut found = Vec::new();
            scanner.for_each(text.as_bytes(), |word, start| found.push((word, start)));
            let want: Vec<_> = automaton
                .find_overlapping_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.start()))
                .collect();
            proptest::prop_assert_eq!(found, want);
        }
    }

    #[test]
    fn eight_bytes_at_a_time_find_capitals_and_bytes_past_ascii() {
        for b in 0..=255u8 {
            let want = b.is_ascii_uppercase() || !b.is_ascii();
            for at in 0..8 {
                let mut eight = *b"abc@[` \n";
                eight[at] = b;
                assert_eq!(
                    capital_or_wide(u64::from_le_bytes(eight)),
                    want,
                    "{b} at {at}"
                );
            }
        }
    }

    #[test]
    fn builtin_dictionaries_compile() {
        let lex = Lexicon::builtin();
        assert!(lex.names.len() > 190);
        assert!(lex.triggers.len() > 10);
        assert_eq!(
            lex.ranks.longest_at(&["Rear", "Adm.", "Khan"]),
            Some((2, "Rear Adm.".to_string()))
        );
        assert!(lex.ranks.contains("Lt. Gen.") && lex.ranks.contains("Lt Gen"));
        assert!(lex.honorifics.contains("Mr"));
    }

    #[test]
    fn finds_names_short_forms_demonyms_and_capitals() {
        use FormKind::*;
        let found = parties(
            "The U.S. and Pakistani officials met in Islamabad; the US side and ASEAN agreed.",
        );
        let want = [
            ("USA", StateName),
            ("PAK", Demonym),
            ("PAK", Capital),
            ("USA", StateName),
            ("ASEAN", Organisation),
        ];
        assert_eq!(found, want.map(|(c, k)| (c.to_string(), k)));
    }

    #[test]
    fn organisations_by_their_bodies_and_short_names() {
        let codes =
            |text: &str| -> Vec<String> { parties(text).into_iter().map(|(c, _)| c).collect() };
        assert_eq!(
            codes("The European Commission and the NATO"),
            ["EU", "NATO"]
        );
        assert_eq!(codes("the United Nations Secretary-General"), ["UN"]);
        // A think tank named after a body is not the body.
        assert!(codes("the European Council on Foreign Relations").is_empty());
    }

    #[test]
    fn whole_words_only_and_case_matters() {
        assert!(
            parties("Let us discuss the USB drive and the Omanis' dhows")
                .iter()
                .all(|(c, _)| c != "USA")
        );
        assert!(parties("Pakistanis").iter().any(|(c, _)| c == "PAK"));
        assert_eq!(
            parties("Pakistan’s efforts"),
            vec![("PAK".to_string(), FormKind::StateName)]
        );
        assert!(parties("Pakistanÿ and Indiaé").is_empty());
    }

    #[test]
    fn long_state_names_with_a_curly_apostrophe() {
        assert_eq!(
            parties("held in Lao People’s Democratic Republic"),
            vec![("LAO".to_string(), FormKind::StateName)]
        );
    }

    #[test]
    fn dateline_capitals_and_blocked_phrases() {
        assert_eq!(
            parties("RAWALPINDI: talks"),
            vec![("PAK".to_string(), FormKind::Place)]
        );
        assert!(parties("patrols in the Indian Ocean and the South China Sea").is_empty());
    }

    #[test]
    fn forms_in_lower_case_win_over_the_forms_inside_them() {
        let found = parties("Envoys of the Gambia met Mr al-Sisi, who flew in from Cairo.");
        let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(codes, ["GMB", "EGY", "EGY"], "{found:?}");
        assert_eq!(
            parties("in the occupied Palestinian territories"),
            vec![("PSE".to_string(), FormKind::StateName)]
        );
    }

    #[test]
    fn a_broken_dictionary_names_file_and_line() {
        let mut src = Sources::BUILTIN;
        src.triggers = "x\tvisit\tok\ny\tparade\tx";
        let err = Lexicon::compile(src).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("triggers.tsv, line 2: unknown kind 'parade'")
        );
    }
}
