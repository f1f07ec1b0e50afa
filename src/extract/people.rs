//! Finding the people an article names with their rank, title and party:
//! "Additional Defence Secretary Rear Admiral Owais Ahmed Bilgrami", "Imtiaz Ahmad, Special
//! Secretary", "Mr Takizaki".

use super::lexicon::{FormKind, Lexicon, Mention, PhraseSet, mentions_in};
use crate::model::PartyCode;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A verb after a name ends the words that may give the person's party: "Ivo Kral visited
/// Estonia", "Ivo Kral will consult on Estonia's war" do not make him Estonian; "Ivo Kral of
/// Estonia", "… led the Estonian side" do.
static ACT_AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    super::lexicon::compile_rule(
        r"\b(?:visit(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|met|meets?|call(?:s|ed)? on|reach(?:es|ed)?|travel(?:s|ed|led)?|left for|depart(?:s|ed)?|flew|went|held|holds?|sign(?:s|ed)?|said|says|told|receiv(?:e|es|ed)|host(?:s|ed)|attend(?:s|ed)?|thank(?:s|ed)|prais(?:e|es|ed)|urg(?:e|es|ed)|discuss(?:es|ed)?|welcom(?:e|es|ed)|congratulat(?:e|es|ed)|invit(?:e|es|ed)|assur(?:e|es|ed)|consult(?:s|ed)?|will|would|shall|can|could|may|might|must|should)\b",
    )
    .expect("valid")
});

/// A person named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// Byte range of the name itself.
    pub range: Range<usize>,
    /// The name without rank or title.
    pub name: String,
    /// Office, when stated next to the name.
    pub title: Option<String>,
    /// Rank, when stated before the name.
    pub rank: Option<String>,
    /// The party the person is linked to by the words around the name.
    pub party: Option<PartyCode>,
    /// True when only a surname is given ("Mr Takizaki"); resolve it against full names.
    pub surname_only: bool,
}

#[derive(Debug, Clone)]
struct Token<'a> {
    range: Range<usize>,
    core: &'a str,
    ends_phrase: bool,
}

const PARTICLES: [&str; 12] = [
    "bin", "bint", "al", "el", "ul", "ur", "de", "da", "van", "von", "der", "du",
];
/// Capitalised words that open a sentence or a caption, not a name. A `match`, not a list
/// searched word by word: it is asked of every capitalised word near an act.
fn is_not_name(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "His"
            | "Her"
            | "Their"
            | "This"
            | "That"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "With"
            | "During"
            | "After"
            | "Before"
            | "Both"
            | "Meanwhile"
            | "According"
            | "Twitter"
            | "Photo"
            | "File"
            | "Updated"
            | "Published"
            | "Comments"
            | "Mrs."
            // "Air Force One", "Vision 2030 Two": numbers close the names of things.
            | "One"
            | "Two"
            | "Three"
            | "First"
            | "Second"
    )
}
/// Office words that name a person, not a body: a lone word after a title ending in one is a
/// surname ("President Kral"), after one ending in a body it is not ("National Assembly").
const HOLDERS: [&str; 31] = [
    "President",
    "Premier",
    "Minister",
    "Secretary",
    "Secretary-General",
    "Ambassador",
    "Envoy",
    "Commissioner",
    "Chairman",
    "Chairperson",
    "Chair",
    "Adviser",
    "Advisor",
    "Counsellor",
    "Counselor",
    "Councillor",
    "Councilor",
    "Governor",
    "Senator",
    "Speaker",
    "Chancellor",
    "Emir",
    "Chief",
    "Commander",
    "Director",
    "Consul",
    "Leader",
    "Head",
    "Deputy",
    "Representative",
    "Aide",
];
/// The words of `s` between white space, as `str::split_whitespace` gives them, each with its
/// byte offset. Bytes of ASCII are told apart without decoding; only the rare byte past ASCII
/// is decoded to ask whether its character is white space (U+00A0).
fn split_words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while at < bytes.len() {
            let b = bytes[at];
            let (space, len) = if b.is_ascii() {
                (
                    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c'),
                    1,
                )
            } else {
                let c = s[at..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            };
            match (space, start) {
                (true, Some(from)) => return Some((from, &s[from..at])),
                (true, None) => {}
                (false, None) => start = Some(at),
                (false, Some(_)) => {}
            }
            at += len;
        }
        start.map(|from| (from, &s[from..]))
    })
}

fn tokens(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let s = &text[range.clone()];
    // Room for one token per space at once: growing the vector token by token cost more than
    // reading the tokens.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b' ', s.as_bytes()).count() + 1);
    for (offset, raw) in split_words(s) {
        let start = range.start + offset;
        // Most words are plain: they start and end with a letter or digit and end in no
        // possessive, so there is nothing to strip ("said", "Minister").
        let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
        if plain(raw.as_bytes().first())
            && plain(raw.as_bytes().last())
            && !raw.ends_with("'s")
            && !raw.ends_with("’s")
        {
            out.push(Token {
                range: start..start + raw.len(),
                core: raw,
                ends_phrase: false,
            });
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches(['(', '"', '“', '‘', '\'']).len();
        let mut core = &raw[lead..];
        let mut ends_phrase = false;
        loop {
            let before = core;
            for suffix in ["’s", "'s"] {
                if let Some(c) = core.strip_suffix(suffix) {
                    core = c;
                    ends_phrase = true;
                }
            }
            if let Some(c) = core.strip_suffix([',', ';', ':', ')', '"', '”', '’', '\'', '?', '!'])
            {
                core = c;
                ends_phrase = true;
            }
            // A full stop ends the phrase unless the word is an initial or abbreviation ("J.", "Gen.", "U.S.").
            if let Some(c) = core.strip_suffix('.') {
                let abbreviation = c.chars().count() == 1
                    || c.contains('.')
                    || super::text::ABBREVIATIONS.contains(&c);
                if !abbreviation {
                    core = c;
                    ends_phrase = true;
                }
            }
            if core == before {
                break;
            }
        }
        if core.starts_with('(') {
            ends_phrase = true;
        }
        let core_start = start + lead;
        out.push(Token {
            range: core_start..core_start + core.len(),
            core,
            ends_phrase,
        });
    }
    out
}

/// Whether `word` is an office word once capitalised ("minister" in "Prime minister").
fn is_office_word(lex: &Lexicon, word: &str) -> bool {
    // Office words are short and ASCII: capitalise on the stack, without allocating.
    let mut buf = [0u8; 32];
    if let Some(copy) = buf.get_mut(..word.len())
        && !word.is_empty()
        && word.is_ascii()
    {
        copy.copy_from_slice(word.as_bytes());
        copy[0].make_ascii_uppercase();
        return std::str::from_utf8(copy).is_ok_and(|w| lex.office_words.contains(w));
    }
    let mut chars = word.chars();
    chars.next().is_some_and(|first| {
        let capitalised: String = first.to_uppercase().chain(chars).collect();
        lex.office_words.contains(capitalised.as_str())
    })
}

/// Whether `word`, capitalised, is `capitalised` ("minister" is "Minister").
fn capitalises_to(word: &str, capitalised: &str) -> bool {
    if let (Some((&first, rest)), true) = (word.as_bytes().split_first(), word.is_ascii()) {
        return capitalised.len() == word.len()
            && capitalised.as_bytes()[0] == first.to_ascii_uppercase()
            && capitalised.as_bytes()[1..] == *rest;
    }
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|first| first.to_uppercase().chain(chars).eq(capitalised.chars()))
}

/// Whether a comma follows the token, after any closing bracket or quote ("(COAS),").
fn closes_with_comma(text: &str, t: &Token<'_>) -> bool {
    text[t.range.end..]
        .trim_start_matches([')', '"', '”', '’', '\''])
        .starts_with(',')
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Matches a rank or honorific phrase at token `i`, not across a comma or closing bracket.
fn phrase_at(tokens: &[Token<'_>], i: usize, phrases: &PhraseSet) -> Option<(usize, String)> {
    // Most words start no phrase: ask that first, before gathering the words after it. A
    // caller may look one past the last token ("opens a name?" after a closing rank).
    let first = tokens.get(i)?;
    if !phrases.may_start(first.core) {
        return None;
    }
    // A phrase never runs past a token that ends one ("Gen.," stops there).
    let stop = tokens[i..]
        .iter()
        .position(|t| t.ends_phrase)
        .map_or(tokens.len(), |p| i + p + 1);
    let words: Vec<&str> = tokens[i..stop.min(i + 5)].iter().map(|t| t.core).collect();
    phrases.longest_at(&words)
}

/// Finds the people named in `text[sentence]`. `mentions` are the party mentions of the text.
pub fn find_people(
    text: &str,
    sentence: Range<usize>,
    lex: &Lexicon,
    mentions: &[Mention],
) -> Vec<PersonMention> {
    let toks = tokens(text, sentence.clone());
    let mentions = mentions_in(mentions, &sentence);
    let in_party = |t: &Token<'_>| {
        mentions.iter().any(|m| {
            m.start < t.range.end
                && t.range.start < m.end
                && !matches!(m.kind, FormKind::Place | FormKind::Person)
        })
    };
    let is_office = |t: &Token<'_>| lex.office_words.contains(t.core.trim_end_matches('.'));
    let namey = |t: &Token<'_>| {
        let word = t.core;
        // The tests of the word alone first: they are cheaper than the lookups.
        is_capitalised(word)
            && word.chars().any(char::is_lowercase)
            && !is_not_name(word)
            && !word.chars().any(|c| c.is_ascii_digit())
            && !super::dates::is_calendar_name(word)
            && !is_office(t)
            && !in_party(t)
    };
    // Whether token `j` opens a name: a rank, an honorific or a name word.
    let opens_name = |j: usize| {
        phrase_at(&toks, j, &lex.ranks).is_some()
            || phrase_at(&toks, j, &lex.honorifics).is_some()
            || toks.get(j).is_some_and(namey)
    };
    let mut people = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // The prefix: ranks, honorifics, office words and party forms before a name.
        let mut rank: Option<String> = None;
        let mut title_words: Vec<&str> = Vec::new();
        let mut honorific = false;
        // A title closed by a comma before the name ("Prime Minister of Ruritania, Ivo Kral").
        let mut after_comma = false;
        // A rank or honorific after that comma ("Chief of Staff (CGS), General Ivo Kral").
        let mut marked_after_comma = false;
        // Whether the last word read was an office word (a lower-case one may follow it).
        let mut after_office = false;
        let mut j = i;
        loop {
            if j >= toks.len() {
                break;
            }
            if let Some((n, r)) = phrase_at(&toks, j, &lex.ranks) {
                rank = Some(r);
                j += n;
                after_office = false;
                marked_after_comma |= after_comma;
                // "Lt. Gen. (Retd)"
                if toks.get(j).is_some_and(|t| {
                    matches!(
                        t.core.trim_matches(['(', ')']),
                        "Retd" | "Retd." | "retd" | "retd." | "R" | "Rtd" | "retired" | "Retired"
                    )
                }) {
                    j += 1;
                }
                continue;
            }
            if let Some((n, h)) = phrase_at(&toks, j, &lex.honorifics) {
                honorific = true;
                marked_after_comma |= after_comma;
                // "Ambassador of Japan …": an honorific that is an office opens a title.
                if !after_comma && h.split_whitespace().all(|w| lex.office_words.contains(w)) {
                    title_words.extend(toks[j..j + n].iter().map(|t| t.core));
                    after_office = true;
                } else {
                    after_office = false;
                }
                j += n;
                continue;
            }
            let t = &toks[j];
            // "Prime minister", "Chief of the Naval staff": a lower-case office word inside a title.
            let lower_office =
                after_office && !is_capitalised(t.core) && is_office_word(lex, t.core);
            // "Chief of Army Staff (COAS)": the title's acronym in brackets.
            let acronym = (!title_words.is_empty() || rank.is_some())
                && text[..t.range.start].ends_with('(')
                && (2..=8).contains(&t.core.len())
                && t.core.chars().all(|c| c.is_ascii_uppercase());
            let title_word = !after_comma
                && ((is_capitalised(t.core) && (is_office(t) || in_party(t)))
                    || lower_office
                    || acronym);
            if title_word {
                if is_office(t) || lower_office {
                    title_words.push(t.core);
                }
                after_office = is_office(t) || lower_office;
                j += 1;
                if t.ends_phrase {
                    let comma = closes_with_comma(text, t);
                    if comma && !title_words.is_empty() && opens_name(j) {
                        after_comma = true;
                        continue;
                    }
                    if acronym && !comma {
                        continue;
                    }
                    title_words.clear();
                    break;
                }
                continue;
            }
            // "Adviser to the Prime Minister on Commerce": lower-case links inside a title;
            // "Chairman of the Council in Ruritania": a state after "in".
            let link = matches!(t.core, "of" | "for" | "to" | "the" | "on" | "and")
                || (t.core == "in" && toks.get(j + 1).is_some_and(&in_party));
            if link && !title_words.is_empty() && !after_comma {
                j += 1;
                after_office = false;
                continue;
            }
            break;
        }
        // The name: capitalised words that are not offices, parties, months or common words.
        let name_start = j;
        let prefixed = rank.is_some() || honorific || !title_words.is_empty();
        // The title names a person ("Minister of …", "… Minister"), not a body ("… Council").
        let holder = title_words
            .iter()
            .any(|w| HOLDERS.iter().any(|h| capitalises_to(w, h)));
        let mut k = j;
        while k < toks.len() {
            let t = &toks[k];
            let word = t.core;
            let initial = word.len() == 2 && word.ends_with('.') && is_capitalised(word);
            let name_word = initial || namey(t);
            // "Rear Admiral WDC Perera": initials in capitals open a name after a rank or title.
            let capital_initials = prefixed
                && k == name_start
                && (2..=5).contains(&word.len())
                && word.chars().all(|c| c.is_ascii_uppercase())
                && !in_party(t)
                && !is_office(t)
                && !t.ends_phrase
                && toks.get(k + 1).is_some_and(namey);
            // "Ivo KRAL": a surname in capitals after a given name and the title of a person
            // (not "Navy Ship ALTAIR", not "Naval Symposium (NS)").
            let capital_surname = (rank.is_some() || honorific || holder)
                && k > name_start
                && !text[..t.range.start].ends_with('(')
                && namey(&toks[k - 1])
                && word.chars().count() >= 4
                && word.chars().all(|c| c.is_uppercase())
                && !in_party(t)
                && !is_office(t);
            // "Aruna Jayasekara (Retd)", "Ana Torres (Chile)": a bracket closes the name.
            if k > name_start && text[..t.range.start].ends_with('(') {
                break;
            }
            // "Western Naval Area Rear Admiral WDCU Kumarasinghe": a rank opens the next name.
            if k > name_start && phrase_at(&toks, k, &lex.ranks).is_some() {
                break;
            }
            let particle = k > name_start && PARTICLES.contains(&word) && k + 1 < toks.len();
            if !(name_word || capital_initials || capital_surname || particle) {
                break;
            }
            k += 1;
            if t.ends_phrase {
                break;
            }
        }
        let mut name_end = k;
        while name_end > name_start && PARTICLES.contains(&toks[name_end - 1].core) {
            name_end -= 1;
        }
        let words = name_end - name_start;
        if words == 0 {
            i = j.max(i + 1);
            continue;
        }
        // A name followed straight on by office words is an office ("Asian Affairs Department").
        let followed_by_office = !toks[name_end - 1].ends_phrase
            && toks
                .get(name_end)
                .is_some_and(|t| is_office(t) && is_capitalised(t.core));
        // "Imtiaz Ahmad, Special Secretary": a title after a comma.
        let mut trailing_title = Vec::new();
        if toks[name_end - 1].ends_phrase && text[toks[name_end - 1].range.end..].starts_with(',') {
            for t in toks[name_end..].iter() {
                if (is_capitalised(t.core) && is_office(t))
                    || (!trailing_title.is_empty() && matches!(t.core, "of" | "for" | "the"))
                {
                    trailing_title.push(t.core);
                    if t.ends_phrase {
                        break;
                    }
                } else {
                    break;
                }
            }
            while trailing_title
                .last()
                .is_some_and(|w| matches!(*w, "of" | "for" | "the"))
            {
                trailing_title.pop();
            }
        }
        // A lone word after a title is a surname ("President Kral"), resolved later against
        // full names; after a title and a comma it takes a rank or an honorific to be one.
        let lone_surname = if after_comma {
            marked_after_comma
        } else {
            rank.is_some() || honorific || holder
        };
        let accepted = !followed_by_office
            && ((words >= 2 && (prefixed || !trailing_title.is_empty()))
                || (words == 1 && lone_surname));
        let range = toks[name_start].range.start..toks[name_end - 1].range.end;
        // "… at UN Headquarters, New York": a name that is just a place's is the place.
        let a_place = mentions.iter().any(|m| {
            m.start == range.start
                && m.end == range.end
                && matches!(m.kind, FormKind::Place | FormKind::Capital)
        });
        // "A, Chief of Army, B, Ambassador …": a title closed after a name is that name's, not
        // the prefix of the next one; one running straight into a name ("A, Prime Minister B")
        // may be either's and is read again.
        let mut next = name_end;
        if accepted && !a_place {
            let title = if !title_words.is_empty() {
                Some(title_words.join(" "))
            } else if !trailing_title.is_empty() {
                let last = &toks[name_end + trailing_title.len() - 1];
                let into_name = !last.ends_phrase
                    && toks.get(name_end + trailing_title.len()).is_some_and(namey);
                if !into_name {
                    next = name_end + trailing_title.len();
                }
                Some(trailing_title.join(" "))
            } else {
                None
            };
            let prefix_start = toks[i].range.start;
            people.push(PersonMention {
                // "[Indian Prime Minister Narendra] Modi": an editor's brackets are not the name's.
                name: text[range.clone()].replace(['[', ']'], ""),
                party: party_near(text, &sentence, prefix_start..range.end, mentions, &people),
                range,
                title,
                rank,
                surname_only: words == 1,
            });
        }
        i = next.max(i + 1);
    }
    people
}

/// The surnames of people named in full earlier that may come again alone (see
/// [`surnames_again`]), each with its searcher, built once per article rather than once per
/// sentence: of `known` (surname, party), those of three letters or more (or of two that are no
/// English word: "Xi", "Li"), capitalised, and of exactly one party's people.
pub struct KnownSurnames {
    surnames: Vec<(String, PartyCode, memchr::memmem::Finder<'static>)>,
}

impl KnownSurnames {
    /// From the (surname, party) of the people named in full with an office or a rank.
    pub fn new(known: &[(String, PartyCode)]) -> KnownSurnames {
        let surnames = known
            .iter()
            .enumerate()
            .filter(|&(i, (surname, party))| {
                let first = known[..i].iter().all(|(s, _)| s != surname);
                let shared = known.iter().any(|(s, p)| s == surname && p != party);
                first && !shared && long_enough(surname) && is_capitalised(surname)
            })
            .map(|(_, (surname, party))| {
                let finder = memchr::memmem::Finder::new(surname.as_bytes()).into_owned();
                (surname.clone(), *party, finder)
            })
            .collect();
        KnownSurnames { surnames }
    }

    /// Whether no surname may come again: then no sentence need be searched.
    pub fn is_empty(&self) -> bool {
        self.surnames.is_empty()
    }
}

/// Whether a surname is long enough to be found alone: three letters, or two that no sentence
/// starts with as a word of its own ("He", "In").
fn long_enough(surname: &str) -> bool {
    const WORDS: [&str; 25] = [
        "Am", "An", "As", "At", "Be", "By", "Do", "Go", "He", "If", "In", "Is", "It", "Me", "My",
        "No", "Of", "Oh", "On", "Or", "So", "To", "Up", "Us", "We",
    ];
    match surname.chars().count() {
        0 | 1 => false,
        2 => !WORDS.contains(&surname),
        _ => true,
    }
}

/// A person named in full earlier and now by surname alone, with no title ("Kral will visit
/// Oslo", "Kral's visit"): each capitalised word of `text[sentence]` that is one of the `known`
/// surnames, outside the people already `found` and the party mentions.
pub fn surnames_again(
    text: &str,
    sentence: Range<usize>,
    known: &KnownSurnames,
    found: &[PersonMention],
    mentions: &[Mention],
) -> Vec<PersonMention> {
    let mentions = mentions_in(mentions, &sentence);
    let s_text = &text[sentence.clone()];
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut again = Vec::new();
    for (surname, party, finder) in &known.surnames {
        // Left to right, not overlapping, as `str::match_indices` finds them.
        for at in finder.find_iter(s_text.as_bytes()) {
            let after = &s_text[at + surname.len()..];
            let after = after
                .strip_prefix("'s")
                .or_else(|| after.strip_prefix("’s"))
                .unwrap_or(after);
            if is_word(s_text[..at].chars().next_back()) || is_word(after.chars().next()) {
                continue;
            }
            let range = sentence.start + at..sentence.start + at + surname.len();
            let taken = found
                .iter()
                .any(|p| p.range.start < range.end && range.start < p.range.end)
                || mentions
                    .iter()
                    .any(|m| m.start < range.end && range.start < m.end);
            if !taken {
                again.push(PersonMention {
                    range,
                    name: surname.clone(),
                    title: None,
                    rank: None,
                    party: Some(*party),
                    surname_only: true,
                });
            }
        }
    }
    again
}

/// The party a person is linked to: a state or demonym in the words just before the name
/// ("Pakistan's Secretary of Defence …"), else just after it ("… of Japan", "… led the Japanese side").
fn party_near(
    text: &str,
    sentence: &Range<usize>,
    person: Range<usize>,
    mentions: &[Mention],
    earlier: &[PersonMention],
) -> Option<PartyCode> {
    let floor = earlier
        .last()
        .map_or(sentence.start, |p| p.range.end)
        .max(person.start.saturating_sub(60));
    // A known leader's name carries the party itself.
    let named = mentions
        .iter()
        .find(|m| m.kind == FormKind::Person && m.start >= person.start && m.end <= person.end);
    if let Some(m) = named {
        return m.party;
    }
    let acting = |m: &&Mention| m.kind != FormKind::Place && m.kind != FormKind::Capital;
    // "Ambassador to Estonia Ivo Kral": the state after "to" is the host, not his; so is an
    // office's brief ("Special Representative on Afghanistan Ivo Kral").
    let hosting = |m: &&Mention| {
        let before = text[..m.start].trim_end_matches("the ");
        let mut from = m.start.saturating_sub(80);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        before.ends_with(" to ")
            || super::candidates::PORTFOLIO_BEFORE.is_match(&text[from..m.start])
    };
    let left = mentions
        .iter()
        .filter(acting)
        .filter(|m| !hosting(m))
        .rfind(|m| m.start >= floor && m.end <= person.end);
    if let Some(m) = left {
        return m.party;
    }
    let mut ceiling = (person.end + 90).min(sentence.end);
    while !text.is_char_boundary(ceiling) {
        ceiling -= 1;
    }
    let right_text = &text[person.end..ceiling];
    // Stop at the next person-like break so "A and the US Under Secretary B" does not give A to
    // the US, and at the verb of the sentence.
    // Nor does "A, who is in Sri Lanka on a visit" make A Sri Lankan.
    let stop = [
        right_text.find(" and "),
        right_text.find(", who "),
        ACT_AFTER_NAME.find(right_text).map(|m| m.start()),
    ]
    .into_iter()
    .flatten()
    .min()
    .map_or(ceiling, |i| person.end + i);
    // A state inside a compound after the name ("signed the Indo-Lanka accord", "the
    // India-Pakistan talks") qualifies what follows, not the person.
    let in_compound = |m: &Mention| {
        text[m.start..m.end].ends_with('-')
            || text[m.end..].starts_with(['-', '–'])
            || text[..m.start].ends_with(['-', '–'])
    };
    mentions
        .iter()
        .filter(acting)
        .filter(|m| !in_compound(m))
        .find(|m| m.start >= person.end && m.end <= stop)
        .and_then(|m| m.party)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Found = (String, Option<String>, Option<String>, Option<String>);

    fn people(text: &str) -> Vec<Found> {
        let lex = Lexicon::builtin();
        let mentions = lex.mentions(text);
        find_people(text, 0..text.len(), lex, &mentions)
            .into_iter()
            .map(|p| (p.name, p.title, p.rank, p.party.map(|c| c.to_string())))
            .collect()
    }

    /// (name, party) of each person found.
    fn names_and_parties(found: &[Found]) -> Vec<(&str, Option<&str>)> {
        found
            .iter()
            .map(|p| (p.0.as_str(), p.3.as_deref()))
            .collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn two_letter_surnames_that_are_no_english_word_may_come_again() {
        assert!(long_enough("Xi") && long_enough("Li") && long_enough("Kral"));
        assert!(!long_enough("He") && !long_enough("In") && !long_enough("X"));
    }

    #[test]
    fn rank_and_title_before_the_name() {
        assert_eq!(
            people(
                "Additional Defence Secretary Rear Admiral Nadeem Akhtar Qureshi led the Pakistani delegation."
            ),
            vec![(
                "Nadeem Akhtar Qureshi".into(),
                some("Additional Defence Secretary"),
                some("Rear Admiral"),
                some("PAK")
            )]
        );
    }

    #[test]
    fn a_stay_told_after_the_name_is_no_party_of_the_person() {
        let found = people(
            "Kenyan Deputy Foreign Minister Ivo Kral, who is in Sri Lanka on an official visit, called on the President.",
        );
        assert_eq!(found[0].3.as_deref(), Some("KEN"), "{found:?}");
        let found =
            people("Dr Ana Torres, who is in Sri Lanka on an official visit, met the press.");
        assert_eq!(found[0].3, None, "{found:?}");
    }

    #[test]
    fn a_retirement_note_in_brackets_is_not_part_of_the_name() {
        let found = people(
            "Peru's Defence Minister Lt Gen (retired) Ivo Kral met Major General Ana Torres (Retd) of Chile.",
        );
        let names = names_and_parties(&found);
        assert_eq!(
            names,
            [("Ivo Kral", Some("PER")), ("Ana Torres", Some("CHL"))],
            "{found:?}"
        );
    }

    #[test]
    fn an_editors_brackets_are_not_part_of_the_name() {
        let found =
            people("After telling [Kenyan President Ivo] Kral that he would travel, he left.");
        let names: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Ivo Kral"], "{found:?}");
    }

    #[test]
    fn a_state_in_a_compound_after_the_name_is_not_the_persons() {
        let text = "On Monday President Ana Torres signed the Chile-Peru accord in Lima.";
        let found = people(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].3, None, "{found:?}");
        // A state named plainly after the name still is the person's.
        let found = people("President Ana Torres of Chile met the press.");
        assert_eq!(found[0].3.as_deref(), Some("CHL"), "{found:?}");
    }

    #[test]
    fn title_after_a_comma_and_party_after_the_name() {
        assert_eq!(
            people(
                "The visitors were led by Kenji Sato, Director General, Ministry of Foreign Affairs of Japan."
            ),
            vec![(
                "Kenji Sato".into(),
                some("Director General"),
                None,
                some("JPN")
            )]
        );
    }

    #[test]
    fn retired_ranks_initials_and_possessives() {
        let found = people(
            "It was led by Pakistan's Secretary of Defence Lt. Gen. (Retd) Tariq Anwar Khan and the US Under Secretary of Defence Dr Robert J. Miller.",
        );
        let names = names_and_parties(&found);
        assert_eq!(
            names,
            vec![
                ("Tariq Anwar Khan", Some("PAK")),
                ("Robert J. Miller", Some("USA"))
            ]
        );
        assert_eq!(found[0].2.as_deref(), Some("Lt. Gen."));
    }

    #[test]
    fn surnames_after_honorifics_and_no_offices_as_people() {
        let found = people(
            "Mr Sato later called on the Southeast and Southwest Asian Affairs Department at the Foreign Office.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Sato");
    }

    proptest::proptest! {
        #[test]
        fn words_are_split_as_split_whitespace_splits_them(s in "[a-z’'. \t\n\u{a0}\u{2003}é]{0,40}") {
            let found: Vec<(usize, &str)> = split_words(&s).collect();
            let want: Vec<(usize, &str)> = s
                .split_whitespace()
                .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
                .collect();
            proptest::prop_assert_eq!(found, want);
        }
    }

    #[test]
    fn multi_byte_spaces_keep_offsets_on_characters() {
        let text = "The visitors were led by Kenji\u{a0}Sato, Director General, and Mr\u{a0}Ito.";
        let lex = Lexicon::builtin();
        let found = find_people(text, 0..text.len(), lex, &lex.mentions(text));
        assert!(!found.is_empty());
        for p in found {
            assert_eq!(&text[p.range.clone()], p.name);
        }
    }

    #[test]
    fn long_titles_with_lower_case_links() {
        let found = people(
            "He called on Adviser to the Prime Minister on Commerce and Investment Ali Raza Baig.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Ali Raza Baig");
    }

    #[test]
    fn a_title_closed_by_a_comma_at_the_end_of_a_sentence() {
        // The comma ends the text: nothing follows that could open a name.
        let found = people("President Ivo Kral met the Foreign Minister,");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Ivo Kral");
        for text in ["Talks were held with the Ambassador of Peru,", "General,"] {
            assert!(people(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_title_closed_by_a_comma_before_the_name() {
        let found = people("Prime Minister of Estonia, Ivo Kral on Tuesday met the press.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Ivo Kral");
        assert_eq!(found[0].1.as_deref(), Some("Prime Minister"));
        // The acronym of the title in brackets, then a rank after the comma.
        let found = people("Chief of the General Staff (CGS), General Ivo Kral visited the base.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Ivo Kral");
        assert_eq!(found[0].2.as_deref(), Some("General"));
        // A list of offices is no title of the name after it.
        let found = people("The Foreign Minister, Defence Minister Ivo Kral and others attended.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1.as_deref(), Some("Defence Minister"));
        // After a comma a lone word is no surname without a rank or an honorific.
        assert!(people("The Foreign Minister, Kral and others attended.").is_empty());
    }

    #[test]
    fn in_a_list_of_names_and_titles_each_title_is_its_own_names() {
        let found = people(
            "He met Ivo Kral, Director General of National Intelligence, Major General Jan Novak, Chief of Army, and Eva Berg, Ambassador for Trade.",
        );
        let titles: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|p| (p.0.as_str(), p.1.as_deref()))
            .collect();
        assert_eq!(
            titles,
            vec![
                (
                    "Ivo Kral",
                    Some("Director General of National Intelligence")
                ),
                ("Jan Novak", Some("Chief of Army")),
                ("Eva Berg", Some("Ambassador for Trade")),
            ]
        );
        // A title running straight into the next name still opens it.
        let found = people("He met Ivo Kral, Prime Minister Jan Novak and others.");
        let names: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Ivo Kral", "Jan Novak"]);
    }

    #[test]
    fn lower_case_office_words_and_links_inside_a_title() {
        let found = people("Indian Prime minister Rajan Mehta arrived on Friday.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Rajan Mehta");
        assert_eq!(found[0].3.as_deref(), Some("IND"));
        let found = people("Chief of the Naval staff (CNS) Admiral Tomas Berg visited the port.");
        assert_eq!(found[0].0, "Tomas Berg");
        assert_eq!(found[0].2.as_deref(), Some("Admiral"));
        // "in" before a state continues a title.
        let found = people("Chairman of the Peace Council in Afghanistan Omar Zaki called.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Omar Zaki");
        assert_eq!(found[0].3.as_deref(), Some("AFG"));
    }

    #[test]
    fn an_honorific_that_is_an_office_opens_a_title() {
        let found = people("Ambassador of Japan Kenji Sato on Monday called on the minister.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Kenji Sato");
        assert_eq!(found[0].1.as_deref(), Some("Ambassador"));
        assert_eq!(found[0].3.as_deref(), Some("JPN"));
        let found = people("Ambassador of the Kingdom of Jordan Omar Haddad called on him.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Omar Haddad");
    }

    #[test]
    fn a_lone_word_after_the_title_of_a_person_is_a_surname() {
        let lex = Lexicon::builtin();
        let text = "President Kral met the National Assembly and boarded Air Force One.";
        let found = find_people(text, 0..text.len(), lex, &lex.mentions(text));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "Kral");
        assert!(found[0].surname_only);
    }

    #[test]
    fn initials_and_surnames_in_capitals() {
        let found = people("He called on Rear Admiral WDC Perera at the naval base.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "WDC Perera");
        // A rank after the words of a command opens the name: they are not its first words.
        let found = people("He was due to call on the Western Naval Area Rear Admiral WDC Perera.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "WDC Perera");
        let found = people("Speaker of the Parliament Volkan KARA will arrive next week.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Volkan KARA");
        // Capitals with no title before them, or after the title of a body, are no name.
        assert!(people("The APP Report said so.").is_empty());
        assert!(people("The Navy Ship ALTAIR and the Naval Symposium (NSYM) met.").is_empty());
    }

    #[test]
    fn a_place_after_a_name_is_no_person() {
        let found =
            people("He met Secretary General Ivo Kral at the Headquarters, New York, on Monday.");
        let names: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Ivo Kral"]);
        let found = people("He called on Governor Ivo Kral at Karachi, Lahore and Quetta.");
        let names: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Ivo Kral"]);
    }

    #[test]
    fn the_host_of_an_envoy_and_a_state_after_a_verb_are_not_the_persons() {
        let found = people("Estonia's Ambassador to Chile Ivo Kral called on the minister.");
        assert_eq!(found[0].3.as_deref(), Some("EST"), "{found:?}");
        let found = people("The Ambassador to the United Kingdom Ivo Kral spoke.");
        assert_eq!(found[0].3, None, "{found:?}");
        let found = people("Foreign Minister Ivo Kral visited Chile and met officials.");
        assert_eq!(found[0].3, None, "{found:?}");
        // A state after the name and no verb still is his.
        let found = people("Foreign Minister Ivo Kral of Estonia visited Chile.");
        assert_eq!(found[0].3.as_deref(), Some("EST"), "{found:?}");
    }
}
