//! The data model of an Entente dataset: articles, engagements and the small types they are
//! made of. Every type here is checked once when it is built or parsed, so the rest of the
//! program can trust it (a `PartyCode` is always a known code shape, a `DateValue` always a
//! real calendar value, an `Evidence` range always lies on character boundaries of its article).

mod date;
mod party;
pub(crate) mod shared;

pub use date::{DateSpan, DateValue, Precision};
pub use party::{ORGANISATIONS, PartyCode};
pub use shared::share;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::sync::Arc;

/// Fields of a record that this version of Entente does not know; kept and written back.
pub type Extra = Map<String, Value>;

/// The kind of an engagement (TAXONOMY.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An agreement, MoU, treaty or joint declaration signed, initialled or renewed.
    Agreement,
    /// A meeting of a named or recurring forum.
    Dialogue,
    /// Officials meet or hold talks outside a named forum.
    Meeting,
    /// An official visit by a leader, delegation or naval ship.
    Visit,
    /// A delegation or envoy calls on a minister or senior official.
    CourtesyCall,
    /// A telephone or video call.
    PhoneCall,
    /// A joint military exercise, drill or patrol.
    Exercise,
    /// Training, education or exchange of personnel.
    Training,
    /// Military or security aid, equipment, funding or arms transfer.
    Assistance,
    /// A cooperative act that fits none of the other kinds.
    Other,
}

impl Kind {
    /// Every kind, in the taxonomy's order.
    pub const ALL: [Kind; 10] = [
        Kind::Agreement,
        Kind::Dialogue,
        Kind::Meeting,
        Kind::Visit,
        Kind::CourtesyCall,
        Kind::PhoneCall,
        Kind::Exercise,
        Kind::Training,
        Kind::Assistance,
        Kind::Other,
    ];

    /// The code written in dataset files (`courtesy_call`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Agreement => "agreement",
            Kind::Dialogue => "dialogue",
            Kind::Meeting => "meeting",
            Kind::Visit => "visit",
            Kind::CourtesyCall => "courtesy_call",
            Kind::PhoneCall => "phone_call",
            Kind::Exercise => "exercise",
            Kind::Training => "training",
            Kind::Assistance => "assistance",
            Kind::Other => "other",
        }
    }

    /// Parses the dataset code of a kind.
    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// The CAMEO event code for this kind (TAXONOMY.md).
    pub fn cameo(self) -> &'static str {
        match self {
            Kind::Agreement => "057",
            Kind::Dialogue => "046",
            Kind::Meeting | Kind::CourtesyCall | Kind::PhoneCall => "040",
            Kind::Visit => "042",
            Kind::Exercise | Kind::Training => "062",
            Kind::Assistance => "07",
            Kind::Other => "0",
        }
    }

    /// The PLOVER event type for this kind (TAXONOMY.md).
    pub fn plover(self) -> &'static str {
        match self {
            Kind::Agreement => "AGREE",
            Kind::Dialogue | Kind::Meeting | Kind::Visit | Kind::CourtesyCall | Kind::PhoneCall => {
                "CONSULT"
            }
            Kind::Exercise | Kind::Training => "COOPERATE",
            Kind::Assistance => "AID",
            Kind::Other => "OTHER",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the engagement happened, as the article tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It happened.
    Held,
    /// Announced or scheduled, not yet held at publication.
    Planned,
    /// Suggested by one side, not agreed.
    Proposed,
    /// Called off.
    Cancelled,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 4] = [
        Status::Held,
        Status::Planned,
        Status::Proposed,
        Status::Cancelled,
    ];

    /// The code written in dataset files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Planned => "planned",
            Status::Proposed => "proposed",
            Status::Cancelled => "cancelled",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who made a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The extractor.
    #[default]
    Extracted,
    /// An analyst, by hand.
    Analyst,
}

/// The analyst's review state of a record.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    /// Nobody has looked at it yet.
    #[default]
    Unreviewed,
    /// Checked and correct.
    Verified,
    /// Corrected by the analyst.
    Edited,
    /// Not an engagement; kept in the file so re-extraction does not bring it back.
    Rejected,
}

impl Review {
    /// Every review state.
    pub const ALL: [Review; 4] = [
        Review::Unreviewed,
        Review::Verified,
        Review::Edited,
        Review::Rejected,
    ];

    /// The code written in dataset files.
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Unreviewed => "unreviewed",
            Review::Verified => "verified",
            Review::Edited => "edited",
            Review::Rejected => "rejected",
        }
    }
}

/// The topics vocabulary of TAXONOMY.md; topics stay within this list.
pub const TOPICS: [&str; 15] = [
    "counterterrorism",
    "maritime security",
    "cybersecurity",
    "intelligence sharing",
    "peacekeeping",
    "defence industry",
    "arms and equipment",
    "training",
    "border security",
    "regional security",
    "security assistance",
    "nuclear",
    "humanitarian",
    "trade",
    "defence cooperation",
];

/// Where an engagement took place; either part may be unknown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Location {
    /// City or site, as named in the text.
    #[serde(default, deserialize_with = "shared::optional")]
    pub place: Option<Arc<str>>,
    /// The state the place lies in.
    pub country: Option<PartyCode>,
}

/// A person who took part, usually a delegation leader.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Participant {
    /// Full name without title or rank.
    #[serde(deserialize_with = "shared::one")]
    pub name: Arc<str>,
    /// Office held ("Additional Defence Secretary"), if stated.
    #[serde(default, deserialize_with = "shared::optional")]
    pub title: Option<Arc<str>>,
    /// Military or police rank ("Rear Admiral"), if stated.
    #[serde(default, deserialize_with = "shared::optional")]
    pub rank: Option<Arc<str>>,
    /// The party the person represents, if known.
    #[serde(default)]
    pub party: Option<PartyCode>,
}

/// A byte range of an article's text that supports one field of a record.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The article the range points into.
    #[serde(deserialize_with = "shared::one")]
    pub article_id: Arc<str>,
    /// Byte offset of the first byte (on a character boundary).
    pub start: usize,
    /// Byte offset one past the last byte (on a character boundary).
    pub end: usize,
    /// The field this range supports: `kind`, `parties`, `date`, `round`, `mechanism`, …
    #[serde(deserialize_with = "shared::one")]
    pub field: Arc<str>,
}

/// One article of the corpus, carried whole in the dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id derived from the text's hash (`a-` and 8 hex digits).
    pub id: String,
    /// Where it was loaded from (path or URL); informative.
    #[serde(default)]
    pub source: Option<String>,
    /// SHA-256 of `text`, lower-case hex.
    pub sha256: String,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Publishing outlet, when known.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Publication date, when the text says it.
    #[serde(default)]
    pub published: Option<chrono::NaiveDate>,
    /// The full raw text, as loaded (after decoding to UTF-8).
    pub text: String,
    /// Byte range of `text` that is the article proper.
    pub body: [usize; 2],
    /// Fields unknown to this version, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Article {
    /// Builds an article from decoded text, computing its id and hash; `body` covers all of it.
    pub fn new(text: String, source: Option<String>) -> Article {
        let sha256 = sha256_hex(text.as_bytes());
        let id = format!("a-{}", &sha256[..8]);
        let body = [0, text.len()];
        Article {
            id,
            source,
            sha256,
            title: None,
            outlet: None,
            published: None,
            text,
            body,
            extra: Extra::new(),
        }
    }

    /// The article proper, without boilerplate.
    pub fn body_text(&self) -> &str {
        self.text.get(self.body[0]..self.body[1]).unwrap_or("")
    }

    /// The file name part of `source`, as gold files and people refer to articles.
    pub fn file_name(&self) -> &str {
        let source = self.source.as_deref().unwrap_or(&self.id);
        source.rsplit(['/', '\\']).next().unwrap_or(source)
    }

    /// Whether `sha256` still matches `text` (false means the evidence may be stale).
    pub fn hash_matches(&self) -> bool {
        sha256_hex(self.text.as_bytes()) == self.sha256
    }
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write;
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// One act of cooperation or contact between parties, as coded from articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Engagement {
    /// Stable id: the same text gives the same id on re-extraction.
    pub id: String,
    /// Every article that reports this engagement.
    #[serde(deserialize_with = "shared::list")]
    pub article_ids: Vec<Arc<str>>,
    /// The parties, sorted and distinct.
    pub parties: Vec<PartyCode>,
    /// What kind of act it is.
    pub kind: Kind,
    /// Held, planned, proposed or cancelled.
    pub status: Status,
    /// A short human label.
    #[serde(default, deserialize_with = "shared::optional")]
    pub title: Option<Arc<str>>,
    /// The named recurring forum, if any.
    #[serde(default, deserialize_with = "shared::optional")]
    pub mechanism: Option<Arc<str>>,
    /// Ordinal of the forum's meeting.
    #[serde(default)]
    pub round: Option<u32>,
    /// When it happened or will happen.
    #[serde(default)]
    pub date: DateSpan,
    /// Where it happened.
    #[serde(default)]
    pub location: Location,
    /// Who took part.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Topics from the TAXONOMY vocabulary.
    #[serde(default, deserialize_with = "shared::list")]
    pub topics: Vec<Arc<str>>,
    /// The spans of text that support the record.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// 0..1; 1.0 once an analyst verifies.
    #[serde(default)]
    pub confidence: f32,
    /// Extractor or analyst.
    #[serde(default)]
    pub origin: Origin,
    /// The analyst's review state.
    #[serde(default)]
    pub review: Review,
    /// The analyst's notes.
    #[serde(default)]
    pub notes: String,
    /// The analyst's free labels.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Fields unknown to this version, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Engagement {
    /// Adds what a second report of the same act tells: its articles, evidence, people and
    /// topics not yet listed (and details of people already listed), and the fields this
    /// record leaves empty. Confidence is the higher of the two: told twice, the act is
    /// better attested.
    pub fn absorb_report(&mut self, report: &Engagement) {
        for id in &report.article_ids {
            if !self.article_ids.contains(id) {
                self.article_ids.push(id.clone());
            }
        }
        for ev in &report.evidence {
            if !self.evidence.contains(ev) {
                self.evidence.push(ev.clone());
            }
        }
        for p in &report.participants {
            match self.participants.iter_mut().find(|q| q.name == p.name) {
                Some(q) => {
                    q.title = q.title.take().or_else(|| p.title.clone());
                    q.rank = q.rank.take().or_else(|| p.rank.clone());
                    q.party = q.party.or(p.party);
                }
                None => self.participants.push(p.clone()),
            }
        }
        for t in &report.topics {
            if !self.topics.contains(t) {
                self.topics.push(t.clone());
            }
        }
        self.title = self.title.take().or_else(|| report.title.clone());
        self.mechanism = self.mechanism.take().or_else(|| report.mechanism.clone());
        self.round = self.round.or(report.round);
        if self.date.start.is_none() && report.date.start.is_some() {
            self.date = report.date.clone();
        } else if self.date.start == report.date.start {
            self.date.end = self.date.end.or(report.date.end);
        }
        self.location.place = self
            .location
            .place
            .take()
            .or_else(|| report.location.place.clone());
        self.location.country = self.location.country.or(report.location.country);
        self.confidence = self.confidence.max(report.confidence);
    }

    /// The parties joined for display: `JPN–PAK`.
    pub fn parties_label(&self) -> String {
        let codes: Vec<&str> = self.parties.iter().map(PartyCode::as_str).collect();
        codes.join("–")
    }

    /// The forum, else the title, for display.
    pub fn label(&self) -> &str {
        self.mechanism
            .as_deref()
            .or(self.title.as_deref())
            .unwrap_or("")
    }

    /// Participant names joined for display.
    pub fn participants_label(&self) -> String {
        let names: Vec<&str> = self.participants.iter().map(|p| &*p.name).collect();
        names.join("; ")
    }
}
