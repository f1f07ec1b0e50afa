//! Saved web pages → article text: markup removed, scripts and styles dropped, block elements
//! made into line breaks, character references decoded; the headline, outlet and publication
//! date read from the page's own metadata. Nothing is ever fetched.

use super::meta::parse_iso_prefix;
use chrono::NaiveDate;

/// What a page says, as plain text and metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The visible text, one block element per line, paragraphs separated by a blank line.
    pub text: String,
    /// `og:title`, else `<title>` (without the site name), else `twitter:title`.
    pub title: Option<String>,
    /// `og:site_name`.
    pub outlet: Option<String>,
    /// `article:published_time`, `date`-like meta tags, JSON-LD `datePublished`, else the first
    /// `<time datetime>`.
    pub published: Option<NaiveDate>,
}

/// Whether decoded text is an HTML document rather than prose that mentions a tag.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    let head: String = start
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    head.starts_with('<')
        && [
            "<html", "<head", "<body", "<meta ", "<div", "<p>", "<article",
        ]
        .iter()
        .any(|tag| head.contains(tag))
}

/// Elements whose content is not part of the page's text.
const DROPPED: [&str; 10] = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
    "select",
];
/// Elements that start a paragraph: a blank line before and after.
const PARAGRAPHS: [&str; 19] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "article",
    "section",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "table",
    "form",
];
/// Elements that start a new line.
const LINES: [&str; 15] = [
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "hr",
    "figcaption",
    "address",
    "caption",
    "summary",
    "details",
];

/// Meta tags naming the publication date, best first.
const DATE_KEYS: [&str; 12] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "parsely-pub-date",
];

/// Extracts the text and metadata of an HTML page.
pub fn read_page(html: &str) -> Page {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut title_tag: Option<String> = None;
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut time_attr: Option<String> = None;
    let mut json_ld_date: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let end = memchr(b'<', bytes, i).unwrap_or(bytes.len());
            push_text(&mut out, &html[i..end]);
            i = end;
            continue;
        }
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, i + 4, b"-->").map_or(bytes.len(), |j| j + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr(b'>', bytes, i).map_or(bytes.len(), |j| j + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = i + 1 + usize::from(closing);
        let name_end = bytes[name_start.min(bytes.len())..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b':')))
            .map_or(bytes.len(), |n| name_start + n);
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            // A lone '<' in text ("a < b").
            out.push('<');
            i += 1;
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let tag_end = tag_end(bytes, name_end);
        let attrs = &html[name_end..tag_end.min(bytes.len())];
        i = (tag_end + 1).min(bytes.len());
        if closing {
            block_break(&mut out, &name);
            continue;
        }
        match name.as_str() {
            "title" | "script" | "style" | "textarea" => {
                let (content, after) = raw_text(html, i, &name);
                i = after;
                if name == "title" && title_tag.is_none() {
                    title_tag = Some(collapse(&decode_entities(content)));
                } else if name == "script"
                    && json_ld_date.is_none()
                    && attr(attrs, "type").is_some_and(|t| t.contains("ld+json"))
                {
                    json_ld_date = json_ld_published(content);
                }
            }
            n if DROPPED.contains(&n) => {
                i = raw_text(html, i, n).1;
            }
            "meta" => {
                let key = attr(attrs, "property")
                    .or_else(|| attr(attrs, "name"))
                    .or_else(|| attr(attrs, "itemprop"));
                if let (Some(key), Some(content)) = (key, attr(attrs, "content")) {
                    metas.push((key.to_ascii_lowercase(), content));
                }
            }
            "time" => {
                if time_attr.is_none() {
                    time_attr = attr(attrs, "datetime");
                }
            }
            _ => block_break(&mut out, &name),
        }
    }

    let meta = |key: &str| {
        metas
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| collapse(v))
    };
    let outlet = meta("og:site_name");
    let title = meta("og:title")
        .or_else(|| {
            title_tag
                .filter(|t| !t.is_empty())
                .map(|t| without_site_name(&t, outlet.as_deref()))
        })
        .or_else(|| meta("twitter:title"));
    let published = DATE_KEYS
        .iter()
        .filter_map(|key| meta(key))
        .chain(json_ld_date)
        .chain(time_attr)
        .find_map(|value| parse_iso_prefix(&value.replace('/', "-")));
    Page {
        text: tidy(&out),
        title,
        outlet,
        published,
    }
}

fn memchr(needle: u8, hay: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|n| from + n)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

/// Case-insensitive search for an ASCII needle.
fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|n| from + n)
}

/// The index of the `>` that closes a tag whose attributes start at `from` (quotes respected),
/// or the end of the input.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (n, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return n,
            _ => {}
        }
    }
    bytes.len()
}

/// The raw content of an element such as `<script>` up to its end tag, and where to go on.
fn raw_text<'h>(html: &'h str, from: usize, name: &str) -> (&'h str, usize) {
    let bytes = html.as_bytes();
    let close = format!("</{name}");
    match find_ascii_ci(bytes, from, close.as_bytes()) {
        Some(j) => {
            let after = memchr(b'>', bytes, j).map_or(bytes.len(), |k| k + 1);
            (&html[from..j], after)
        }
        None => (&html[from.min(html.len())..], bytes.len()),
    }
}

/// The value of an attribute, with character references decoded.
fn attr(attrs: &str, wanted: &str) -> Option<String> {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let before = i;
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>')
        {
            i += 1;
        }
        let name = &attrs[name_start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr(q, bytes, i + 1).unwrap_or(bytes.len());
                    value = &attrs[i + 1..end];
                    i = (end + 1).min(bytes.len());
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = &attrs[start..i];
                }
            }
        }
        if name.eq_ignore_ascii_case(wanted) {
            return Some(decode_entities(value));
        }
        if i == before {
            // A stray '>' or '=': step over it (ASCII, so still on a character boundary).
            i += 1;
        }
    }
    None
}

/// `"datePublished": "…"` in a JSON-LD block.
fn json_ld_published(script: &str) -> Option<String> {
    let at = script.find("\"datePublished\"")? + "\"datePublished\"".len();
    let rest = script[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// Text between tags: every run of white space (line ends included) becomes one space; only
/// elements make line breaks.
fn push_text(out: &mut String, raw: &str) {
    let decoded = decode_entities(raw);
    for c in decoded.chars() {
        if c.is_whitespace() {
            if !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn block_break(out: &mut String, name: &str) {
    if PARAGRAPHS.contains(&name) {
        out.push_str("\n\n");
    } else if LINES.contains(&name) {
        out.push('\n');
    }
}

/// Lines trimmed, spaces collapsed, at most one blank line between paragraphs.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = false;
    for line in raw.split('\n') {
        let line = collapse(line);
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Headline | Site" or "Headline - Site" loses the site's name.
fn without_site_name(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some(head) = title.strip_suffix(site).and_then(|t| t.strip_suffix(sep)) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Decodes character references: `&amp;`, `&#233;`, `&#xE9;` and the common named ones.
/// Unknown names are left as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = after
            .char_indices()
            .take(33)
            .find(|&(_, c)| c == ';')
            .and_then(|(semi, _)| reference(&after[..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return Some(match code {
            0 => '\u{FFFD}',
            // Windows-1252 code points written as references, as old pages do.
            0x80..=0x9F => {
                let byte = [code as u8];
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
                text.chars().next().unwrap_or('\u{FFFD}')
            }
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        });
    }
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "shy" => '\u{AD}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "atilde" => 'ã',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "iacute" => 'í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "otilde" => 'õ',
        "oslash" => 'ø',
        "uacute" => 'ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "Ouml" => 'Ö',
        "Auml" => 'Ä',
        "szlig" => 'ß',
        "yacute" => 'ý',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Pakistan, Japan sign MoU | Dawn</title>
<meta property="og:site_name" content="Dawn">
<meta property="article:published_time" content="2019-06-19T08:15:00+05:00">
<style>p { color: red; }</style>
<script>var x = "<p>not text</p>";</script>
</head>
<body>
<nav><a href="/">Home</a></nav>
<h1>Pakistan, Japan sign MoU on defence&nbsp;cooperation</h1>
<p>RAWALPINDI: Pakistan and Japan signed a memorandum
   on defence cooperation &amp; exchanges on Tuesday.</p>
<p>The caf&eacute; &#8220;talks&#8221; &#x2014; said officials.<br>Second line.</p>
<!-- a comment <p>hidden</p> -->
<noscript>Enable JavaScript</noscript>
<time datetime="2020-01-01">Old</time>
</body></html>"#;

    #[test]
    fn reads_text_title_outlet_and_date_from_a_page() {
        let page = read_page(PAGE);
        assert_eq!(page.title.as_deref(), Some("Pakistan, Japan sign MoU"));
        assert_eq!(page.outlet.as_deref(), Some("Dawn"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2019, 6, 19));
        assert_eq!(
            page.text,
            "Home\n\nPakistan, Japan sign MoU on defence cooperation\n\n\
             RAWALPINDI: Pakistan and Japan signed a memorandum on defence cooperation & exchanges on Tuesday.\n\n\
             The café \u{201C}talks\u{201D} \u{2014} said officials.\nSecond line.\n\nOld"
        );
        assert!(looks_like_html(PAGE));
    }

    #[test]
    fn falls_back_to_time_element_and_title_tag() {
        let page = read_page(
            "<html><title>Talks held - The Site</title><body><time datetime='2023-02-13T10:00'>Feb 13</time><p>Body</p>",
        );
        assert_eq!(page.title.as_deref(), Some("Talks held - The Site"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2023, 2, 13));
        assert_eq!(page.text, "Feb 13\n\nBody");
    }

    #[test]
    fn json_ld_and_meta_name_date() {
        let page = read_page(
            r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2021-03-04T00:00:00Z"}</script></head><body><p>x</p></body></html>"#,
        );
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2021, 3, 4));
        let page = read_page(r#"<html><meta name="date" content="2022/05/06"><p>x</p>"#);
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2022, 5, 6));
    }

    #[test]
    fn broken_markup_does_not_lose_text() {
        let page = read_page(
            "<p>a < b and c > d<p>unclosed <b attr=\"x>y\">bold</b> <script>never closed",
        );
        assert_eq!(page.text, "a < b and c > d\n\nunclosed bold");
        assert_eq!(read_page("<").text, "<");
        assert_eq!(read_page("<!-- open").text, "");
        assert_eq!(
            decode_entities("&bogus; &amp &#0; &#x110000; &#150;"),
            "&bogus; &amp \u{FFFD} \u{FFFD} –"
        );
    }

    #[test]
    fn prose_that_mentions_a_tag_is_not_html() {
        assert!(!looks_like_html("Use the <p> tag for paragraphs."));
        assert!(looks_like_html("\n<div class='story'><p>Hello</p></div>"));
    }
}
