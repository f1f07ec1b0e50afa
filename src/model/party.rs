use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The organisation codes of TAXONOMY.md.
pub const ORGANISATIONS: [&str; 11] = [
    "ASEAN", "NATO", "EU", "UN", "SCO", "GCC", "AU", "OIC", "SAARC", "CSTO", "QUAD",
];

/// A party code: an ISO 3166-1 alpha-3 state code (`PAK`) or an organisation code (`ASEAN`).
///
/// Stored inline and `Copy`, so a million engagements cost no allocation for their parties.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartyCode {
    bytes: [u8; 5],
    len: u8,
}

impl PartyCode {
    /// Parses a code: three upper-case ASCII letters, or one of [`ORGANISATIONS`].
    pub fn parse(code: &str) -> Option<PartyCode> {
        let is_state = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        if !is_state && !ORGANISATIONS.contains(&code) {
            return None;
        }
        let mut bytes = [0u8; 5];
        bytes[..code.len()].copy_from_slice(code.as_bytes());
        Some(PartyCode {
            bytes,
            len: code.len() as u8,
        })
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ever built from ASCII in `parse`.
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("???")
    }

    /// Whether this is an organisation rather than a state.
    pub fn is_organisation(&self) -> bool {
        ORGANISATIONS.contains(&self.as_str())
    }
}

impl std::fmt::Debug for PartyCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.as_str())
    }
}

impl std::fmt::Display for PartyCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for PartyCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for PartyCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        PartyCode::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{text}' is not a party code (ISO 3166-1 alpha-3 or one of {})",
                ORGANISATIONS.join(", ")
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_states_and_organisations_only() {
        assert_eq!(
            PartyCode::parse("PAK").map(|p| p.to_string()),
            Some("PAK".into())
        );
        assert!(PartyCode::parse("ASEAN").is_some_and(|p| p.is_organisation()));
        assert!(PartyCode::parse("pak").is_none());
        assert!(PartyCode::parse("PAKI").is_none());
        assert!(PartyCode::parse("").is_none());
    }

    #[test]
    fn rejects_bad_codes_when_reading_json() {
        let err = serde_json::from_str::<PartyCode>("\"Pakistan\"").unwrap_err();
        assert!(err.to_string().contains("'Pakistan' is not a party code"));
    }
}
