//! Reading an article's own words about itself: headline, outlet, publication date, and where
//! the article proper ends and site boilerplate (comments, sign-in prompts, related links) begins.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// What the text says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet: the site's own signature, else the agency of the dateline.
    pub outlet: Option<String>,
    /// The news agency the dateline names ("ISLAMABAD, Jan 22 (APP):"), which may have written
    /// the story for another outlet.
    pub agency: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Byte range of the article proper.
    pub body: [usize; 2],
}

/// First lines longer than this are prose, not a headline.
const MAX_TITLE_BYTES: usize = 400;

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static PUBLISHED_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)^\s*Published in ([^,\n]{{2,60}}), ({MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}})"
    ))
    .expect("valid regex")
});
static HEADER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|\b)(?:({MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})|(\d{{1,2}}) ({MONTH}),? (\d{{4}}))\b"
    ))
    .expect("valid regex")
});
static SITE_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+[-|–]\s+(?:[\w ]{1,30}\s+[-|–]\s+)?([\w-]+\.(?:com|COM|lk|LK|pk|PK|net|org|in|co\.uk))\s*$").expect("valid regex")
});
/// Where a scraped title's site (and section) begins: " - World - DAWN.COM".
pub fn site_suffix_start(title: &str) -> Option<usize> {
    SITE_SUFFIX.find(title).map(|m| m.start())
}
static ISO_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{4}-\d{2}-\d{2})\s*$").expect("valid regex"));
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][A-Za-z .]+, [^/()\n]{0,20}|[A-Z][A-Z .]+)\s*(?:/([A-Z]{2,8})/|\(([A-Z]{2,8})\))\s*[:–—-]")
        .expect("valid regex")
});
static COMMENT_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{MONTH} \d{{1,2}}, \d{{4}} \d{{1,2}}:\d{{2}} ?(?:am|pm|AM|PM)$"
    ))
    .expect("valid regex")
});

/// Lines that begin site boilerplate: the article proper ends before the first of them.
static BOILERPLATE: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::extract::lexicon::data_lines(include_str!("../../assets/dict/boilerplate.txt"))
        .map(str::to_string)
        .collect()
});

/// Outlets recognised by a signature line their sites print (`name<TAB>signature|signature`).
/// A known outlet: its name and the signatures its site prints.
struct Outlet {
    name: String,
    signatures: Vec<String>,
}

static OUTLETS: LazyLock<Vec<Outlet>> = LazyLock::new(|| {
    crate::extract::lexicon::data_lines(include_str!("../../assets/dict/outlets.tsv"))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next()?.to_string();
            let signatures = fields.next()?.split('|').map(str::to_string).collect();
            Some(Outlet { name, signatures })
        })
        .collect()
});

/// The outlet a file's name gives, for text the outlet left unsigned: a word of the name (split
/// at anything but letters and digits) that is the outlet's name ("dawn_2025-….txt") or one of
/// its site's domains without the dots ("2024-06-14-adaderanalk-….txt" for adaderana.lk).
pub fn outlet_of_source(source: &str) -> Option<String> {
    let stem = std::path::Path::new(source)
        .file_stem()?
        .to_str()?
        .to_lowercase();
    let words: Vec<&str> = stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 3)
        .collect();
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase()
    };
    OUTLETS
        .iter()
        .find(|o| {
            let domains = o.signatures.iter().filter(|s| {
                s.contains('.') && !s.contains(' ') && !s.starts_with('(') && !s.starts_with('/')
            });
            let names: Vec<String> = std::iter::once(squeeze(&o.name))
                .chain(domains.map(|d| squeeze(d)))
                .collect();
            words.iter().any(|w| names.iter().any(|n| n == w))
        })
        .map(|o| o.name.clone())
}

/// Parses `YYYY-MM-DD` at the start of a string (`2024-01-13T10:00:00Z` works too).
pub fn parse_iso_prefix(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim().get(..10)?, "%Y-%m-%d").ok()
}

fn month_number(name: &str) -> Option<u32> {
    let key = name.trim_end_matches('.').get(..3)?.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

fn date_from_caps(caps: &regex::Captures<'_>) -> Option<NaiveDate> {
    let (month, day, year) = match caps.get(1) {
        Some(m) => (m.as_str(), caps.get(2)?.as_str(), caps.get(3)?.as_str()),
        None => (
            caps.get(5)?.as_str(),
            caps.get(4)?.as_str(),
            caps.get(6)?.as_str(),
        ),
    };
    NaiveDate::from_ymd_opt(year.parse().ok()?, month_number(month)?, day.parse().ok()?)
}

/// Lines of `text` with their byte offsets.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line.trim_end_matches(['\n', '\r'])))
    })
}

/// Reads title, outlet, publication date and body range from an article's text.
pub fn read_metadata(text: &str) -> Metadata {
    let lines: Vec<(usize, &str)> = lines_with_offsets(text).collect();
    let header: Vec<&(usize, &str)> = lines
        .iter()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(6)
        .collect();

    let title = header.first().map(|(_, first)| {
        let first = first.trim();
        // A breadcrumb line ("Home Latest News Headline") repeats the headline that follows it.
        header
            .iter()
            .skip(1)
            .map(|(_, l)| l.trim())
            .find(|l| l.len() >= 12 && l.len() < first.len() && first.ends_with(l))
            .unwrap_or(first)
            .to_string()
    });
    // A first line the length of a paragraph (or a whole file without line breaks) is no headline.
    let title = title.filter(|t| t.len() <= MAX_TITLE_BYTES);
    // "Headline - World - DAWN.COM": the site's suffix names the outlet, not the story.
    let site = title
        .as_deref()
        .and_then(|t| SITE_SUFFIX.captures(t))
        .map(|c| (c.get(0).map_or(0, |m| m.start()), c[1].to_string()));
    let title = match (&title, &site) {
        (Some(t), Some((at, _))) => Some(t[..*at].trim().to_string()),
        _ => title,
    };

    let body_end = body_end(text, &lines);
    let mut outlet = None;
    // The corpus's own date line (YYYY-MM-DD under the headline) is the publication date; a
    // print line ("Published in Dawn, September 17th, 2025") gives the next day's paper.
    let mut published = header.iter().skip(1).find_map(|(_, line)| {
        ISO_LINE
            .captures(line)
            .and_then(|c| parse_iso_prefix(&c[1]))
    });
    if let Some(caps) = PUBLISHED_IN.captures(text) {
        outlet = Some(caps[1].trim().to_string());
        if published.is_none() {
            published = HEADER_DATE
                .captures(&caps[2])
                .and_then(|c| date_from_caps(&c));
        }
    }
    if published.is_none() {
        // (No header line is a bare ISO date: it would have been read above.)
        published = header.iter().skip(1).find_map(|(_, line)| {
            // Header lines are short; a date inside a long paragraph is about the news, not the page.
            if line.len() > 120 {
                return None;
            }
            HEADER_DATE.captures(line).and_then(|c| date_from_caps(&c))
        });
    }
    if outlet.is_none() {
        let trailer = &text[body_end..];
        let domain = site.as_ref().map(|(_, d)| d.as_str()).unwrap_or("");
        outlet = OUTLETS.iter().find_map(
            |Outlet {
                 name,
                 signatures: sigs,
                 ..
             }| {
                sigs.iter()
                    .any(|sig| {
                        trailer.contains(sig.as_str())
                            || (!domain.is_empty() && sig.eq_ignore_ascii_case(domain))
                    })
                    .then(|| name.clone())
            },
        );
    }
    let agency = header
        .iter()
        .chain(lines.iter().take(12).collect::<Vec<_>>().iter())
        .find_map(|(_, line)| {
            let c = AGENCY.captures(line)?;
            Some(c.get(1).or(c.get(2))?.as_str().to_string())
        });
    Metadata {
        title,
        outlet: outlet.or_else(|| agency.clone()),
        agency,
        published,
        body: [0, body_end],
    }
}

/// The byte offset where the article proper ends: before the first boilerplate line that
/// follows some real prose, or after a "Published in …" print line.
fn body_end(text: &str, lines: &[(usize, &str)]) -> usize {
    let mut prose_seen = false;
    for (i, &(offset, line)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if !prose_seen {
            prose_seen = trimmed.split_whitespace().count() >= 25;
            continue;
        }
        if PUBLISHED_IN.is_match(line) {
            return offset + line.len();
        }
        let is_marker = BOILERPLATE.iter().any(|m| {
            trimmed == m || (m.ends_with('…') && trimmed.starts_with(m.trim_end_matches('…')))
        });
        if is_marker {
            return trim_end(text, offset);
        }
        // A reader comment: a name line, then a time stamp line.
        if COMMENT_STAMP.is_match(trimmed) && i > 0 {
            return trim_end(text, lines[i - 1].0);
        }
    }
    trim_end(text, text.len())
}

fn trim_end(text: &str, end: usize) -> usize {
    text[..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "The two sides met on Monday and discussed a wide range of issues of mutual interest, including trade, security and the situation in the region, officials said after the talks.";

    #[test]
    fn reads_dawn_print_line_and_cuts_comments() {
        let text = format!(
            "Headline here\n\nStaff ReporterUpdated June 19, 2019\n\n{PROSE}\n\nPublished in Dawn, June 19th, 2019\n\nJaved\nJun 19, 2019 09:00am\n\nA comment.\n"
        );
        let meta = read_metadata(&text);
        assert_eq!(meta.outlet.as_deref(), Some("Dawn"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2019, 6, 19));
        assert!(text[..meta.body[1]].ends_with("Published in Dawn, June 19th, 2019"));
    }

    #[test]
    fn reads_a_date_line_with_time() {
        let text = format!(
            "Headline\n\nSub headline\n\nFebruary 13, 2023 10:48 am | Updated 11:45 am IST - Islamabad\n\n{PROSE}\n\nSign in to unlock member-only benefits!\nAccess 10 free stories"
        );
        let meta = read_metadata(&text);
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2023, 2, 13));
        assert!(text[..meta.body[1]].ends_with("after the talks."));
    }

    #[test]
    fn a_site_suffix_leaves_the_title_and_names_the_outlet() {
        let text = format!("Leaders meet in capital - World - DAWN.COM\n2025-03-02\n\n{PROSE}");
        let meta = read_metadata(&text);
        assert_eq!(meta.title.as_deref(), Some("Leaders meet in capital"));
        assert_eq!(meta.outlet.as_deref(), Some("Dawn"));
    }

    #[test]
    fn reads_the_iso_date_line_of_scraped_files() {
        let text = format!("A headline\n2024-01-13\n\n{PROSE}");
        assert_eq!(
            read_metadata(&text).published,
            NaiveDate::from_ymd_opt(2024, 1, 13)
        );
    }

    #[test]
    fn breadcrumbs_give_way_to_the_headline() {
        let text = format!(
            "Home Latest News Army chiefs meet in capital\n\nArmy chiefs meet in capital\n\n{PROSE}\n\nRelated Articles\n\nLeave a Comment"
        );
        let meta = read_metadata(&text);
        assert_eq!(meta.title.as_deref(), Some("Army chiefs meet in capital"));
        assert!(text[..meta.body[1]].ends_with("after the talks."));
        assert_eq!(meta.published, None);
    }

    #[test]
    fn agency_dateline_gives_outlet_but_no_year() {
        let text = format!("Minister meets envoys\n\nISLAMABAD, JAN 22 /DNA/: {PROSE}");
        let meta = read_metadata(&text);
        assert_eq!(meta.outlet.as_deref(), Some("DNA"));
        assert_eq!(meta.published, None);
    }

    #[test]
    fn agency_in_brackets_after_the_dateline_names_the_outlet() {
        for line in [
            "RAWALPINDI, Jun 27 (APP): ",
            "LAHORE, March 3 (PPI) - ",
            "KARACHI (APP): ",
        ] {
            let text = format!("Minister meets envoys\n2025-06-27\n\n{line}{PROSE}");
            let meta = read_metadata(&text);
            let agency = &line[line.find('(').unwrap() + 1..line.find(')').unwrap()];
            assert_eq!(meta.outlet.as_deref(), Some(agency), "{line}");
        }
        // A bracketed acronym inside a sentence is not a dateline.
        let text = format!("Minister meets envoys\n\nThe talks (ASEAN): {PROSE}");
        assert_eq!(read_metadata(&text).outlet, None);
    }

    #[test]
    fn a_file_name_gives_the_outlet_by_its_name_or_domain() {
        let of = |name: &str| outlet_of_source(name);
        assert_eq!(
            of("corpus/2024-06-14-adaderanalk-ab72808a.txt").as_deref(),
            Some("Ada Derana")
        );
        assert_eq!(
            of("/x/dawn_2025-01-14_9d7af35b.txt").as_deref(),
            Some("Dawn")
        );
        assert_eq!(of("app_2020-05-12_68dd3e07.txt").as_deref(), Some("APP"));
        assert_eq!(
            of("2024-11-10-economynextcom-e03d.txt").as_deref(),
            Some("EconomyNext")
        );
        // A word that merely holds an outlet's name is not it.
        assert_eq!(of("dawning_of_peace.txt"), None);
        assert_eq!(of("notes.txt"), None);
    }

    #[test]
    fn a_date_inside_the_story_is_not_the_publication_date() {
        let text = format!(
            "Headline\n\n{PROSE} The first round was held on March 3, 2021 in the capital and the second is due."
        );
        assert_eq!(read_metadata(&text).published, None);
    }

    #[test]
    fn crlf_line_ends_read_like_lf() {
        let lf = format!(
            "Headline here\n2024-01-13\n\n{PROSE}\n\nPublished in Dawn, June 19th, 2019\n\nRelated Articles\n"
        );
        let crlf = lf.replace('\n', "\r\n");
        let (a, b) = (read_metadata(&lf), read_metadata(&crlf));
        assert_eq!(b.title.as_deref(), Some("Headline here"));
        assert_eq!(
            (&a.title, &a.outlet, a.published),
            (&b.title, &b.outlet, b.published)
        );
        assert!(crlf[..b.body[1]].ends_with("Published in Dawn, June 19th, 2019"));
    }

    #[test]
    fn a_first_line_the_size_of_a_page_is_no_title() {
        let text = PROSE.repeat(5);
        assert_eq!(read_metadata(&text).title, None);
    }

    #[test]
    fn the_date_line_under_the_headline_is_the_publication_date() {
        // The web page's date line, not the next morning's print edition.
        let text = format!(
            "Headline here\n2025-09-16\n\n{PROSE}\n\nPublished in Dawn, September 17th, 2025\n"
        );
        let meta = read_metadata(&text);
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 9, 16));
        assert_eq!(meta.outlet.as_deref(), Some("Dawn"));
    }
}
