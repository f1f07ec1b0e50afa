//! Splitting an article body into paragraphs and sentences, by byte ranges.

use std::ops::Range;

/// A sentence of an article, as a byte range into the article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range into the article text.
    pub range: Range<usize>,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
    /// True for a short line without final punctuation (a headline or section heading).
    pub heading: bool,
}

/// Words that end with a full stop without ending a sentence.
pub const ABBREVIATIONS: [&str; 40] = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Brig", "Capt", "Cdr", "Adm",
    "Sgt", "Gov", "Sen", "Rep", "St", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "Retd", "Rtd", "vs", "Vol", "Hon", "Jr", "Sr", "Mt",
];

/// Splits `text[range]` into sentences: paragraphs at line breaks, then at `.`, `!` or `?`
/// followed by a space and a capital, a digit or a quote, unless the word before is an
/// abbreviation or a single initial.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, (line_start, line)) in lines(text, range).enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let start = line_start + lead;
        let end = start + trimmed.len();
        let short = |line: &str| line.split_whitespace().nth(12).is_none();
        let heading = !trimmed.ends_with(['.', '!', '?', '"', '”', ':', '’', ')'])
            && (short(trimmed)
                || short(
                    &trimmed[..crate::corpus::site_suffix_start(trimmed).unwrap_or(trimmed.len())],
                ));
        let mut s = start;
        let bytes = text.as_bytes();
        for i in memchr::memchr3_iter(b'.', b'!', b'?', &bytes[start..end]).map(|i| start + i) {
            let b = bytes[i];
            let gap = space_after(&bytes[i + 1..end]);
            if i + 2 < end && gap > 0 {
                let next = text[i + 1 + gap..end].chars().next().unwrap_or(' ');
                let starts_sentence = next.is_uppercase()
                    || next.is_ascii_digit()
                    || matches!(next, '"' | '“' | '‘' | '\'');
                if starts_sentence && (b != b'.' || !is_abbreviation(&text[s..i])) {
                    out.push(Sentence {
                        range: s..i + 1,
                        paragraph,
                        heading: false,
                    });
                    s = i + 1 + gap;
                }
            } else if b == b'.' && glued_sentence_start(bytes, s, i, end) {
                // "was also present at the occasion.In his remarks": a full stop with no space.
                out.push(Sentence {
                    range: s..i + 1,
                    paragraph,
                    heading: false,
                });
                s = i + 1;
            }
        }
        if s < end {
            out.push(Sentence {
                range: s..end,
                paragraph,
                heading: heading && s == start,
            });
        }
    }
    out
}

/// Whether `body` ends with a columnist's signature: "The writer is a former ambassador …",
/// "The author is …", "The views expressed are his own" in its last lines, opening a line or
/// a sentence.
pub fn signed_column(body: &str) -> bool {
    let mut from = body.len().saturating_sub(800);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let tail = &body[from..];
    let opens = |at: usize| {
        let before = tail[..at].trim_end_matches([' ', '(']);
        before.is_empty() || before.ends_with(['.', '!', '?', '\n', '”', '"'])
    };
    memchr::memmem::find_iter(tail.as_bytes(), "The ").any(|at| {
        let rest = &tail[at + 4..];
        if rest.starts_with("views expressed") {
            return opens(at);
        }
        let Some(rest) = ["writer", "author", "columnist"]
            .iter()
            .find_map(|who| rest.strip_prefix(who))
        else {
            return false;
        };
        let rest = rest.trim_start_matches('s');
        opens(at)
            && [" is ", " was ", " are ", " were "]
                .iter()
                .any(|verb| rest.starts_with(verb))
    })
}

/// Whether `body` is told in the first person: three paragraphs or more with "I" in the
/// narration, outside any quotation ("To continue from where I left last week", "I was then
/// Secretary-General"): a column or a memoir, whose acts are the writer's recollection.
pub fn first_person(body: &str) -> bool {
    let bytes = body.as_bytes();
    let quoted = |line: &[u8]| {
        memchr::memchr(b'"', line).is_some()
            || memchr::memmem::find(line, "“".as_bytes()).is_some()
            || memchr::memmem::find(line, "”".as_bytes()).is_some()
    };
    let mut lines = 0;
    let mut line_end = 0;
    for i in memchr::memchr_iter(b'I', bytes) {
        // One count per line: skip the rest of a line already counted or refused.
        if i < line_end {
            continue;
        }
        let opens = i == 0 || matches!(bytes[i - 1], b' ' | b'(' | b'\t' | b'\n');
        let rest = &body[i + 1..];
        let pronoun = rest.starts_with(' ')
            || rest.starts_with("’m")
            || rest.starts_with("'m")
            || rest.starts_with("’ve")
            || rest.starts_with("'ve");
        if !opens || !pronoun {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |n| n + 1);
        line_end = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
        if !quoted(&bytes[start..line_end]) {
            lines += 1;
            if lines == 3 {
                return true;
            }
        }
    }
    false
}

/// The length of the spaces that open `bytes`: plain ones ("2026.  Bilateral": two, as
/// typewriters had it), tabs, and no-break spaces ("demanded.\u{a0}Highlighting"), which some
/// sites put after a full stop.
fn space_after(bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match bytes[n..] {
            [b' ' | b'\t', ..] => n += 1,
            [0xC2, 0xA0, ..] => n += 2,
            _ => return n,
        }
    }
}

/// The lines of `range`, each with its offset. Some scraped texts carry their line breaks as
/// the two characters `\n` (an escape left in place): those break lines too.
fn lines(text: &str, range: Range<usize>) -> impl Iterator<Item = (usize, &str)> {
    let mut at = range.start;
    let end = range.end;
    std::iter::from_fn(move || {
        if at > end {
            return None;
        }
        let rest = &text[at..end];
        let bytes = rest.as_bytes();
        let stop = memchr::memchr2_iter(b'\n', b'\\', bytes)
            .find(|&i| bytes[i] == b'\n' || bytes.get(i + 1) == Some(&b'n'));
        let (len, skip) = match stop {
            Some(i) if bytes[i] == b'\n' => (i, 1),
            Some(i) => (i, 2),
            None => (rest.len(), 1),
        };
        let line = (at, &rest[..len]);
        at += len + skip;
        Some(line)
    })
}

/// Whether the full stop at `i` ends a sentence that the next one follows with no space: a
/// word of three or more lower-case letters before it ("occasion"), a capitalised word after
/// it ("In"). Abbreviations ("U.S.", "Mr.Khan") and web addresses ("app.com.pk") are not.
fn glued_sentence_start(bytes: &[u8], start: usize, i: usize, end: usize) -> bool {
    let lower_before = i >= start + 3 && bytes[i - 3..i].iter().all(u8::is_ascii_lowercase);
    let capital_after =
        i + 2 < end && bytes[i + 1].is_ascii_uppercase() && bytes[i + 2].is_ascii_lowercase();
    lower_before && capital_after
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(['"', '“', '(']);
    // "J." in "Lloyd J. Austin", "U.S." and "D.C."
    (bare.chars().count() == 1 && bare.chars().all(char::is_uppercase))
        || bare.contains('.')
        || ABBREVIATIONS.contains(&bare)
}

/// Words that open a new clause: a trigger's status and date are read within its clause.
const CLAUSE_WORDS: [&str; 16] = [
    " after ",
    " besides ",
    " where ",
    " during which ",
    " in which ",
    " before ",
    " while ",
    " whereas ",
    " but ",
    " which ",
    " when ",
    " since ",
    " although ",
    " following ",
    " so ",
    " and will ",
];

/// A sentence's opening phrase that dates it by another act ("Following his visit to the
/// UAE,"), up to its comma.
static TIME_OPENING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:Following|After|Ahead of|Prior to|Before)\s+(?:his|her|their|its|the|a)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour|meeting|talks|stay)\b[^,.;]{0,80},",
    )
    .unwrap_or_else(|e| panic!("time opening: {e}"))
});

const SEPARATORS: [&str; 4] = [";", " — ", " – ", ": "];

/// Separators and clause words in one automaton, separators first, matched exactly (clause
/// words inside a sentence are in lower case).
static CLAUSE_MARKS: std::sync::LazyLock<super::lexicon::WordScanner> =
    std::sync::LazyLock::new(|| {
        let marks: Vec<&str> = SEPARATORS
            .iter()
            .chain(CLAUSE_WORDS.iter())
            .copied()
            .collect();
        super::lexicon::WordScanner::new(&marks, false)
            .unwrap_or_else(|e| panic!("clause marks: {e}"))
    });

/// The clause boundaries of one sentence, found once: `;`, `—`, ` – `, `: ` and clause words.
#[derive(Debug, Clone)]
pub struct Clauses {
    sentence: Range<usize>,
    /// Boundaries as (first byte, byte after), relative to the sentence.
    bounds: Vec<(usize, usize)>,
}

impl Clauses {
    /// Finds the clause boundaries of `text[sentence]`.
    pub fn new(text: &str, sentence: &Range<usize>) -> Clauses {
        let s = &text[sentence.clone()];
        // Separators end a clause after themselves; clause words ("after", "which") begin the
        // next one. Clause words inside a sentence are in lower case: no lower-cased copy.
        let mut bounds = Vec::new();
        CLAUSE_MARKS.for_each(s.as_bytes(), |mark, start| {
            bounds.push(match SEPARATORS.get(mark) {
                Some(separator) => (start, start + separator.len()),
                None => (start, start + 1),
            });
        });
        // "Following his visit to the UAE, the Prime Minister will visit Kuwait": the opening
        // phrase tells an act of its own, and its comma ends it.
        // (After an agency's dateline, "ISLAMABAD, Nov 27 (APP):", when there is one.)
        let opens_at = s
            .get(..s.len().min(60))
            .and_then(|head| head.find("):"))
            .map_or(0, |i| i + 2);
        let opening = s[opens_at..].trim_start();
        if opening.starts_with(['F', 'A', 'P', 'B'])
            && let Some(m) = TIME_OPENING.find(opening)
        {
            let comma = sentence.len() - opening.len() + m.end() - 1;
            bounds.push((comma, comma + 1));
        }
        Clauses {
            sentence: sentence.clone(),
            bounds,
        }
    }

    /// A sentence read as one clause (for sentences where no act is reported).
    pub fn none(sentence: &Range<usize>) -> Clauses {
        Clauses {
            sentence: sentence.clone(),
            bounds: Vec::new(),
        }
    }

    /// The clause around byte `at` of the text.
    pub fn at(&self, at: usize) -> Range<usize> {
        let len = self.sentence.end - self.sentence.start;
        let rel = at.saturating_sub(self.sentence.start).min(len);
        let mut start = 0;
        let mut end = len;
        for &(b0, b1) in &self.bounds {
            if b1 <= rel {
                start = start.max(b1);
            } else if b0 >= rel {
                end = end.min(b0);
            }
        }
        self.sentence.start + start..self.sentence.start + end
    }
}

/// The clause of `sentence` around byte `at`: bounded by `;`, `—`, ` – `, or a clause word.
pub fn clause(text: &str, sentence: &Range<usize>, at: usize) -> Range<usize> {
    Clauses::new(text, sentence).at(at)
}

/// The dateline at the start of a paragraph ("ISLAMABAD:", "RAWALPINDI:", "ISLAMABAD, JAN 22 /DNA/:"):
/// its byte range and the place word range.
pub fn dateline(text: &str, sentence: &Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let s = &text[sentence.clone()];
    let head = s.get(..s.len().min(60))?;
    let colon = head.find(':')?;
    let place_end = head[..colon].find(',').unwrap_or(colon);
    let place = head[..place_end].trim();
    let is_caps = place.len() >= 3
        && place
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '.');
    is_caps.then(|| {
        (
            sentence.start..sentence.start + colon + 1,
            sentence.start..sentence.start + place.len(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len())
            .into_iter()
            .map(|s| &text[s.range])
            .collect()
    }

    #[test]
    fn two_spaces_after_a_full_stop_part_sentences_too() {
        let text =
            "They agreed to meet in Bern in 2026.  Bilateral consultations were held in Colombo.";
        assert_eq!(
            split(text),
            [
                "They agreed to meet in Bern in 2026.",
                "Bilateral consultations were held in Colombo."
            ]
        );
    }

    #[test]
    fn a_columnist_signs_at_the_end_and_a_report_does_not() {
        let column = "In April 1994 the army chief visited Nairobi. Ghana and Kenya signed a pact.\n\nThe writer is a former ambassador to Ghana.\n\nPublished in Dawn, May 12th, 2025";
        assert!(signed_column(column));
        assert!(signed_column(
            "Kenya and Ghana must talk.  The views expressed are his own."
        ));
        // A writer in the news is no signature.
        assert!(!signed_column(
            "Kenya and Ghana signed a pact on Monday. Police said the writer was detained in Accra."
        ));
    }

    #[test]
    fn a_memoir_says_i_outside_quotes_and_a_report_quotes_it() {
        let memoir = "To continue from where I left last week, the talks ended.\nI was then the Secretary-General.\nThe President asked me what I thought of Kenya.\nGhana signed.";
        assert!(first_person(memoir));
        let report = "“I welcome the talks,” the minister said.\nHe said: “I am happy.”\n“I think Kenya and Ghana agree,” she added.\nKenya and Ghana signed a pact.";
        assert!(!first_person(report));
        // Two paragraphs are not enough: a report may slip one unquoted.
        assert!(!first_person("I was there.\nI saw it.\nKenya signed."));
    }

    #[test]
    fn a_tab_after_a_full_stop_parts_sentences() {
        let text = "Kenya hosted the talks.\t Being a neighbour, Ghana sent a delegation.";
        assert_eq!(
            split(text),
            [
                "Kenya hosted the talks.",
                "Being a neighbour, Ghana sent a delegation."
            ]
        );
    }

    #[test]
    fn a_no_break_space_after_a_full_stop_parts_sentences() {
        let text = "Kenya urged restraint, the spokesperson demanded.\u{a0}Highlighting the week, she mentioned the summit.";
        assert_eq!(
            split(text),
            [
                "Kenya urged restraint, the spokesperson demanded.",
                "Highlighting the week, she mentioned the summit."
            ]
        );
    }

    #[test]
    fn an_opening_phrase_of_another_act_is_a_clause_of_its_own() {
        let text = "NAIROBI, Nov 27 (KNA):Following his visit to the UAE, the President will visit Kuwait on 28-29 November.";
        let sentence = 0..text.len();
        let first = clause(text, &sentence, text.find("visit to").unwrap());
        assert_eq!(
            &text[first],
            "NAIROBI, Nov 27 (KNA):Following his visit to the UAE"
        );
        let second = clause(text, &sentence, text.find("Kuwait").unwrap());
        assert!(text[second].starts_with(" the President will visit Kuwait"));
        // An opening phrase of another kind is no clause: "After meeting the Minister, …".
        let text = "After meeting the Minister, the President left for Oslo.";
        let whole = clause(text, &(0..text.len()), text.find("Oslo").unwrap());
        assert_eq!(whole, 0..text.len());
    }

    #[test]
    fn a_line_break_left_as_an_escape_breaks_the_line() {
        let text = r"Talks were held in Doha.\n\nThe delegations will meet again in Istanbul.\nA path C:\data stays.";
        assert_eq!(
            split(text),
            vec![
                "Talks were held in Doha.",
                "The delegations will meet again in Istanbul.",
                r"A path C:\data stays."
            ]
        );
        let paragraphs: Vec<usize> = sentences(text, 0..text.len())
            .iter()
            .map(|s| s.paragraph)
            .collect();
        assert_eq!(paragraphs, [0, 2, 3]);
    }

    #[test]
    fn splits_where_a_full_stop_has_no_space_before_the_next_sentence() {
        assert_eq!(
            split(
                "The admiral was also present at the occasion.In his remarks he thanked the U.S.Navy and app.com.pk readers."
            ),
            vec![
                "The admiral was also present at the occasion.",
                "In his remarks he thanked the U.S.Navy and app.com.pk readers."
            ]
        );
    }

    #[test]
    fn splits_at_sentence_ends_but_not_abbreviations() {
        assert_eq!(
            split(
                "Gen. Bajwa met Lloyd J. Austin in the U.S. capital. Talks followed. \"Good,\" he said."
            ),
            vec![
                "Gen. Bajwa met Lloyd J. Austin in the U.S. capital.",
                "Talks followed.",
                "\"Good,\" he said."
            ]
        );
    }

    #[test]
    fn lines_are_paragraphs_and_short_lines_are_headings() {
        let text = "Security dialogue\n\nThe two sides met. They agreed.";
        let s = sentences(text, 0..text.len());
        assert_eq!(s.len(), 3);
        assert!(s[0].heading);
        assert_eq!((s[1].paragraph, s[2].paragraph), (2, 2));
        assert!(!s[1].heading);
    }

    #[test]
    fn a_scraped_titles_site_is_no_part_of_the_headline() {
        let text = "US to start talks with China on a trade deal this week - World - DAWN.COM\n";
        assert!(sentences(text, 0..text.len())[0].heading);
        // Thirteen words of its own are a line of text, suffix or not.
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen - World - DAWN.COM\n";
        assert!(!sentences(text, 0..text.len())[0].heading);
    }

    #[test]
    fn clause_stops_at_after_and_semicolons() {
        let text = "The talks will be the second round after the first round was held in 2021; more later.";
        let all = 0..text.len();
        let first = text.find("first").unwrap();
        assert_eq!(
            &text[clause(text, &all, first)],
            "after the first round was held in 2021"
        );
        assert_eq!(
            &text[clause(text, &all, 4)],
            "The talks will be the second round"
        );
    }

    #[test]
    fn reads_datelines() {
        let text = "ISLAMABAD, JAN 22 /DNA/: The committee called on the minister.";
        let (line, place) = dateline(text, &(0..text.len())).unwrap();
        assert_eq!(&text[line], "ISLAMABAD, JAN 22 /DNA/:");
        assert_eq!(&text[place], "ISLAMABAD");
        assert!(dateline("He said: yes", &(0..12)).is_none());
    }
}
