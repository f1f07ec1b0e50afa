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
    let mut offset = range.start;
    for (paragraph, line) in text[range.clone()].split('\n').enumerate() {
        let line_start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let start = line_start + lead;
        let end = start + trimmed.len();
        let heading = !trimmed.ends_with(['.', '!', '?', '"', '”', ':', '’', ')'])
            && trimmed.split_whitespace().nth(12).is_none();
        let mut s = start;
        let bytes = text.as_bytes();
        for i in memchr::memchr3_iter(b'.', b'!', b'?', &bytes[start..end]).map(|i| start + i) {
            let b = bytes[i];
            if i + 2 < end && bytes[i + 1] == b' ' {
                let next = text[i + 2..end].chars().next().unwrap_or(' ');
                let starts_sentence = next.is_uppercase()
                    || next.is_ascii_digit()
                    || matches!(next, '"' | '“' | '‘' | '\'');
                if starts_sentence && (b != b'.' || !is_abbreviation(&text[s..i])) {
                    out.push(Sentence {
                        range: s..i + 1,
                        paragraph,
                        heading: false,
                    });
                    s = i + 2;
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

const SEPARATORS: [&str; 4] = [";", " — ", " – ", ": "];

/// Separators and clause words in one automaton, separators first.
static CLAUSE_MARKS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(SEPARATORS.iter().chain(CLAUSE_WORDS.iter()))
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
        let bounds = CLAUSE_MARKS
            .find_overlapping_iter(s)
            .map(|m| {
                if m.pattern().as_usize() < SEPARATORS.len() {
                    (m.start(), m.end())
                } else {
                    (m.start(), m.start() + 1)
                }
            })
            .collect();
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
