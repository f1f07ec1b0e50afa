//! Bytes → text: byte-order marks, UTF-8, UTF-16 and Windows-1252, and the files that are not
//! text at all. The decoded text is what the dataset stores; evidence offsets point into it.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How many leading bytes are looked at to tell text from binary.
const SNIFF_BYTES: usize = 8192;

/// The outcome of decoding one file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Nothing but white space.
    Empty,
    /// Not text; the reason says what it looks like.
    Binary(&'static str),
    /// Text, with what the analyst should know about how it was read.
    Text {
        /// The decoded text (a byte-order mark is not part of it).
        text: String,
        /// The encoding the bytes were read as.
        encoding: &'static str,
        /// A warning for the load report: bytes were replaced, or the encoding was guessed.
        warning: Option<String>,
    },
}

/// Decodes a file's bytes. A byte-order mark decides the encoding; without one, valid UTF-8 is
/// UTF-8, UTF-16 is recognised by its zero bytes, and other bytes are read as Windows-1252
/// unless they are UTF-8 with a few broken sequences (then those are replaced and flagged).
pub fn decode(bytes: &[u8]) -> Decoded {
    match decode_any(bytes) {
        // White space beyond ASCII (no-break spaces, ideographic spaces) is still nothing.
        Decoded::Text { text, .. } if text.trim().is_empty() => Decoded::Empty,
        decoded => decoded,
    }
}

fn decode_any(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, &bytes[bom_len..]);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Decoded::Empty;
    }
    if let Some(kind) = binary_signature(bytes) {
        return Decoded::Binary(kind);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return decode_as(encoding, bytes);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) || control_bytes(head) * 10 > head.len() {
        return Decoded::Binary("binary file, not text");
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Text {
            text: text.to_string(),
            encoding: "UTF-8",
            warning: None,
        },
        Err(_) if looks_like_broken_utf8(bytes) => decode_as(UTF_8, bytes),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded::Text {
                text: text.into_owned(),
                encoding: "Windows-1252",
                warning: Some("not UTF-8: read as Windows-1252".into()),
            }
        }
    }
}

fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if text.trim().is_empty() {
        return Decoded::Empty;
    }
    if text.contains('\0') || control_chars(&text) * 10 > text.chars().take(SNIFF_BYTES).count() {
        return Decoded::Binary("binary file, not text");
    }
    let name = encoding.name();
    let warning = had_errors.then(|| format!("invalid {name} bytes were replaced with U+FFFD"));
    Decoded::Text {
        text: text.into_owned(),
        encoding: name,
        warning,
    }
}

/// Files that are commonly renamed or mistaken for text: archives, documents, images.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 9] = [
        (
            b"PK\x03\x04",
            "a ZIP archive (or Word/ODF document), not text: unpack it first",
        ),
        (b"PK\x05\x06", "an empty ZIP archive, not text"),
        (
            b"%PDF-",
            "a PDF document, not text: convert it to text first",
        ),
        (b"\x89PNG", "a PNG image, not text"),
        (b"\xFF\xD8\xFF", "a JPEG image, not text"),
        (b"GIF8", "a GIF image, not text"),
        (b"\xD0\xCF\x11\xE0", "an old Office document, not text"),
        (b"7z\xBC\xAF", "a 7-Zip archive, not text"),
        (b"Rar!", "a RAR archive, not text"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// UTF-16 without a byte-order mark: mostly-ASCII text has a zero in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_zero = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_zero * 10 >= pairs * 9 && even_zero * 10 < pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 9 && odd_zero * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// ASCII control bytes other than tab, line feed, form feed, carriage return and escape.
fn control_bytes(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | 0x1B))
        .count()
}

fn control_chars(text: &str) -> usize {
    text.chars()
        .take(SNIFF_BYTES)
        .filter(|&c| c < ' ' && !matches!(c, '\t' | '\n' | '\x0C' | '\r' | '\x1B'))
        .count()
}

/// True when the bytes are UTF-8 with damage (a cut-off last character, or a few broken
/// sequences among valid multi-byte ones) rather than text in a single-byte encoding.
fn looks_like_broken_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, after) = rest.split_at(e.valid_up_to());
                valid_multibyte += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                match e.error_len() {
                    // Cut off at the very end: a truncated file.
                    None => return true,
                    Some(n) => {
                        invalid += 1;
                        rest = &after[n..];
                    }
                }
            }
        }
    }
    valid_multibyte > 0 && valid_multibyte >= invalid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> (String, &'static str, Option<String>) {
        match decode(bytes) {
            Decoded::Text {
                text,
                encoding,
                warning,
            } => (text, encoding, warning),
            other => panic!("not text: {other:?}"),
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text_of(b"Caf\xC3\xA9").0, "Café");
        let (text, encoding, warning) = text_of(b"\xEF\xBB\xBFCaf\xC3\xA9");
        assert_eq!((text.as_str(), encoding, warning), ("Café", "UTF-8", None));
    }

    #[test]
    fn utf16_with_bom_either_order_and_without_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Café talks".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Café talks".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text_of(&le).0, "Café talks");
        assert_eq!(text_of(&be).0, "Café talks");
        assert_eq!(text_of(&le[2..]).0, "Café talks");
        assert_eq!(text_of(&be[2..]).1, "UTF-16BE");
    }

    #[test]
    fn windows_1252_is_recognised_and_said() {
        let (text, encoding, warning) = text_of(b"Caf\xE9 \x93talks\x94 \x96 S\xE3o Paulo");
        assert_eq!(text, "Café \u{201C}talks\u{201D} \u{2013} São Paulo");
        assert_eq!(encoding, "Windows-1252");
        assert!(warning.is_some());
    }

    #[test]
    fn damaged_utf8_is_replaced_and_flagged() {
        let (text, encoding, warning) = text_of(b"Caf\xC3\xA9 and na\xC3\xAFve \xFF end");
        assert_eq!(text, "Café and naïve \u{FFFD} end");
        assert_eq!(encoding, "UTF-8");
        assert_eq!(
            warning.as_deref(),
            Some("invalid UTF-8 bytes were replaced with U+FFFD")
        );
        let (text, _, warning) = text_of(b"Truncated caf\xC3");
        assert_eq!(text, "Truncated caf\u{FFFD}");
        assert!(warning.is_some());
    }

    #[test]
    fn empty_and_binary_are_told_apart_from_text() {
        assert_eq!(decode(b""), Decoded::Empty);
        assert_eq!(decode(b" \r\n\t"), Decoded::Empty);
        assert_eq!(decode(b"\xEF\xBB\xBF\n"), Decoded::Empty);
        assert_eq!(
            decode(b"\xA0 "),
            Decoded::Empty,
            "a Windows-1252 no-break space"
        );
        assert_eq!(decode("\u{3000}\u{A0}".as_bytes()), Decoded::Empty);
        assert!(matches!(decode(b"\x00\x01\x02PK"), Decoded::Binary(_)));
        assert!(matches!(decode(b"PK\x03\x04\x14\x00"), Decoded::Binary(r) if r.contains("ZIP")));
        assert!(matches!(decode(b"%PDF-1.7\n"), Decoded::Binary(r) if r.contains("PDF")));
        assert!(matches!(
            decode(b"\x01\x02\x03\x04\x05abc"),
            Decoded::Binary(_)
        ));
    }
}
