//! One candidate act per trigger clause, with the fields read from its clause and sentence.

use super::dates::{self, DateMention};
use super::lexicon::{FormKind, Lexicon, Mention, NeededWords, mentions_in};
use super::people::{self, PersonMention, find_people};
use super::text::{self, Sentence};
use crate::model::{Article, Kind, PartyCode, Precision, Status};
use regex::Regex;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Who one act met: the people named, and the office when a list of offices told it apart.
type ActMet = (Vec<String>, Option<String>);

/// What the extractor reads from one article before pairing.
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    pub people: Vec<Vec<PersonMention>>,
    pub candidates: Vec<Candidate>,
    /// The date a dateline gives ("ISLAMABAD, Aug 2 (APP):"): the day of the report.
    pub dateline_date: Option<DateMention>,
    /// The first exact day in the article's opening sentences, not after publication.
    pub lede_date: Option<DateMention>,
    /// The dateline place ("ISLAMABAD:") and its state.
    pub dateline: Option<(String, PartyCode, Range<usize>)>,
    /// Sentences that refer back to an earlier act ("the meeting was …") by index of the
    /// candidate they were attached to.
    pub anaphora: Vec<(usize, usize, Option<DateMention>)>,
    /// Per sentence, the candidates its words count for (participants, topics): those of the
    /// last sentence that reported an act, or only the first of them when they differ in status.
    pub scope: Vec<Vec<usize>>,
}

/// A reading of one act from one clause.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub kind: Kind,
    pub rule: String,
    pub trigger: Range<usize>,
    pub sentence: usize,
    pub parties: Vec<PartyCode>,
    pub party_spans: Vec<Range<usize>>,
    /// True when parties came from the article's main pair rather than the sentence.
    pub parties_inferred: bool,
    pub status: Status,
    /// True when the status came from an explicit cue rather than the default.
    pub status_cued: bool,
    pub date: Option<DateMention>,
    pub round: Option<(u32, Range<usize>)>,
    /// The forum's name and whether it is a proper name (capitalised, or "round of X").
    pub mechanism: Option<(String, bool, Range<usize>)>,
    pub location: Option<(Option<String>, Option<PartyCode>, Range<usize>)>,
    pub title: Option<String>,
    /// A past occurrence of a forum ("it last met in May 2011"): never merged with the current one.
    pub past_occurrence: bool,
    /// Full names of the people named in the act's clause.
    pub people: Vec<String>,
    /// Who was met or called on, as the words after the trigger name them ("the President",
    /// "Prime Minister Amarasuriya"): the office tells two contacts apart when no name does.
    pub counterpart: Option<String>,
    /// For a courtesy call, the caller as the words before the trigger name them ("The Defence
    /// Minister of Uganda"): a meeting "with" that caller is the same call told again.
    pub caller: Option<String>,
    /// People the clause points to without naming them ("The CNS called on …", "he will call
    /// on the prime minister"), as (sentence, index) into [`Analysis::people`].
    pub referred: Vec<(usize, usize)>,
    /// "a separate meeting between …": told as an act apart from those before it.
    pub separate: bool,
    /// "Erdogan later met Zardari": an act after those told before, unless with whom they were.
    pub later: bool,
    /// The talks held on the visit told just before ("During their talks, …").
    pub of_visit: bool,
    /// The talks of the article's two sides, told with no visit ("in their meeting the two
    /// leaders …").
    pub of_pair: bool,
    /// One of several counterparts that a list after the trigger names ("met A, B and C").
    pub listed: bool,
    /// A signing told as news ("signed an agreement", "signed 15 MoUs"), not one referred back
    /// to ("the accord was signed").
    pub fresh_signing: bool,
    /// Which batch of a delivery the words number ("the second consignment of relief aid"):
    /// two numbered batches are two acts.
    pub batch: Option<u32>,
    /// Told in the present progressive ("is hosting talks"): under way if it is of the
    /// publication day.
    pub under_way: bool,
    /// States that mediate between the sides ("talks mediated by Qatar"): parties beside
    /// them, added once the sides are known.
    pub mediators: Vec<PartyCode>,
}

/// A word that makes a list item a clause of its own: "; and he will also visit …".
static LIST_ITEM_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:is|are|was|were|will|would|has|have|had|be|been|said|says|met|held|signed|visited)\b")
});

fn re(pattern: &str) -> Regex {
    super::lexicon::compile_rule(pattern)
        .unwrap_or_else(|e| panic!("built-in pattern {pattern}: {e}"))
}

static CANCELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:cancel(?:l)?(?:ed|s)?|call(?:ed|s)? off|postpone[ds]?|scrap(?:s|ped)?|no longer|suspend(?:ed|s)?|put off|defer(?:red|s)?|paus(?:ed|es))\b",
    )
});
static PROPOSED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:propos(?:ed|es|al|ing)|suggest(?:ed|s)|offered to|call(?:ed|s) for|urg(?:ed|es) (?:the )?(?:holding|establishment))\b",
    )
});
static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:will|shall|would|gonna|is set to|are set to|set to|to hold|to be held|to visit|to sign|to meet|to travel|is due|are due|due to|scheduled|expected to|plans? to|planned|planning to|upcoming|forthcoming|is to|are to|next (?:week|month|year)|(?:the|its|their) next (?:meeting|round|session)|coming (?:week|month|days)|later this|to host|to be hosted|to participate|to attend|to lead)\b",
    )
});
static VISITED: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:visit(?:ed|s|ing)?|arrived)\s+(?:the\s+)?$"));
/// Words that introduce the date of the report rather than of the act ("said on Sunday").
static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:said|says|told|published|announced|posted|reported|stated|added|statement|tweeted|wrote|issued)\b[^.;]{0,20}$",
    )
});
/// "said in a press release on Monday": the day of a release, before its date.
static REPORTED_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:said|says|told|announced|stated|added)\s+in\s+an?\s+(?:[\w-]+\s+){0,2}?(?:press release|news release|statement|interview|post|tweet|message)\s+(?:on|dated)\s+$",
    )
});
/// "have signed", "has also met": the act is the news of the day.
static PRESENT_PERFECT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:has|have)\s+(?:also\s+|now\s+|just\s+|formally\s+)?$"));
/// "the first visit since assuming office in 2016": the date marks the span's start, not the act.
static SINCE_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"\bsince\s+(?:[\w'’-]+\s+){0,4}$"));
/// "a submarine commissioned in 1992 arrived in Colombo": the date of a thing's making, in a
/// phrase that describes it, is not the act's.
static MADE_IN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:commissioned|established|founded|built|launched|formed|created|inaugurated|born|constructed|introduced|raised|manufactured|acquired|inducted)\s+in\s+$",
    )
});
static VISIT_OF: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+(?:of|by)\s"));
/// "a separate meeting": the act is another than the one told before ("A and B separately
/// called on C" only says the callers came one by one).
static SEPARATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"\ba\s+separate\s+(?:\w+\s+)?$"));
static LATER_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:later|subsequently|afterwards)\s+(?:also\s+)?$"));
/// "In a separate meeting, the general also paid a courtesy visit …", "Separately, …": the
/// sentence tells an act apart from those before it.
pub(super) static SEPARATE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\W*(?:In\s+(?:a\s+)?separate\s+(?:\w+\s+)?(?:meetings?|talks|engagements?|calls?)|Separately)\b",
    )
});
static SEPARATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:separate|separately|respectively)\b"));
static DISCUSSION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:discuss(?:ed|es|ing)?|to discuss|talked about|consult(?:ed|s|ing)? (?:on|about)|ways to|efforts to|exchanged views|review(?:ed|ing)?|focus(?:ed|ing)? on|matters? of|issues?|situation|developments|regarding|concerning|agreed to|railway|corridor|project|border)\b",
    )
});
/// "his meeting with": the visitor's own meeting, not "the meeting" already told.
static POSSESSIVE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:his|her|their)\s+(?:[\w-]+\s+)?$"));
/// A trigger that ends by introducing the other side: "meeting with", "talks between".
static TRIGGER_NAMES_SIDE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:with|between)$"));
/// "meeting the needs", "meeting their targets": a determiner right after "meeting".
static GERUND_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+(?:the|its|their|our|his|her|all|these|those|every|each|any|such)\s+(?:[\w-]+\s+){0,2}?(?:needs?|aspirations?|targets?|goals?|demands?|requirements?|challenges?|expectations?|obligations?|deadlines?|criteria|standards?|costs?)\b",
    )
});
/// The office or name right after a contact trigger: "(with) (the) Prime Minister Amarasuriya".
static COUNTERPART: LazyLock<Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^\s*(?:with\s+|on\s+)?(?:the\s+|his\s+|her\s+)?((?:[A-Z][\w.'’-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?[A-Z][\w.'’-]*)*)?(?:\s*(?:vice |deputy |crown |prime |foreign |defence |defense |interior |finance )?(?:president|minister|secretary|prince|premier|chief|commander|ambassador|envoy|ruler)\b)?)")
        .expect("valid")
});
/// The opening of a list of fields of cooperation, then list items up to the end.
static DOMAIN_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:\b(?:cooperation|collaboration|partnership|engagement|ties)\s+(?:in|through|on|via)",
        r"|\b(?:areas?|fields?|domains?|sectors?)\s+(?:of|such as|like|including)|\bsuch (?:areas|fields|sectors) as",
        r"|\bincluding through|\bunder the (?:framework|auspices|umbrella) of)",
        r"\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:[\w&-]+(?:\s+[\w&-]+){0,7},\s*(?:and\s+)?)*(?:[\w-]+\s+){0,3}$",
    ))
});
static ARRIVAL: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:arriv\w*|touched down|landed)\b"));
static TO_FOR_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:to|for)\s+(?:the\s+)?$"));
/// Private parties a government deals with: "with bondholders", "with the lenders".
static PRIVATE_COUNTERPARTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bwith\s+(?:the\s+|its\s+|private\s+|foreign\s+|international\s+)?(?:bondholders|creditors|lenders|investors|companies|firms|banks|contractors|suppliers|businesses)\b",
    )
});
/// Private people who travel: their visits are none between states.
static PRIVATE_VISITORS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:pilgrims|tourists|devotees|worshippers|holidaymakers|travell?ers|backpackers|sightseers|spectators|fans)\b",
    )
});
/// "international diplomats' visit", "a visit by foreign diplomats".
static UNNAMED_ENVOYS_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:international|foreign)\s+(?:diplomats|envoys)(?:['’]s?)?\s*$"));
static UNNAMED_ENVOYS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+by\s+(?:a\s+(?:group|delegation)\s+of\s+)?(?:international|foreign)\s+(?:diplomats|envoys)\b",
    )
});
/// What a domestic or unnamed visit goes to: "the area", "flood-hit villages", "other countries",
/// "the LoC".
static PLACE_VISITED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+(?:the\s+|a\s+|an\s+|other\s+|several\s+|various\s+)?(?:[\w-]+\s+){0,2}?(?:area|areas|region|site|sites|district|districts|villages?|province|town|camps?|hospitals?|schools?|factory|plant|offices?|residence|shrine|mausoleum|countries|nations|capitals|LoC|Line of Control|Working Boundary|front ?lines?|forward (?:areas?|posts?|positions?|locations?))\b",
    )
});
static VISIT_VERB: LazyLock<Regex> = LazyLock::new(|| re(r"^visit(?:ed|s)$"));
static VISIT_NOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:official|state|working|the|his|her|their|its|two|three|several|reciprocal|high-level|frequent|regular|pay|paid|of|such|these|those|recent)\s+$",
    )
});
static IN_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:in|to|reached)\s+(?:the\s+)?$"));
/// What links a place to the visit that follows it: "for an official visit", "on a visit".
static HOST_LINK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s+(?:\w+\s+){0,2}(?:for|on)\s+(?:an?|his|her|their|the)\s+"));
static WITH_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:with|against)\s+(?:the\s+)?$"));
static PARTICIPATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:participating (?:countries|states|nations|delegations)|participants (?:included|were|came from)|attended by|delegat(?:es|ions) from|took part|participated)\b",
    )
});
/// "The talks were to be attended by …": a sentence that opens on the meeting just told and
/// lists who attends it.
static ATTENDED_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\W*(?:the|these|those|that|this)\s+(?:[\w-]+\s+)?(?:talks|meetings?|summit|conference|negotiations|session)\s+(?:was|were|will be|would be|is|are)\s+(?:to be\s+|being\s+|expected to be\s+|also\s+)?attended\s+by\b",
    )
});
/// "Egypt on Sunday is hosting talks": an act under way as the article is written, when its
/// day is the publication day.
static UNDER_WAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:is|are)\s+(?:now\s+|currently\s+)?(?:hosting|holding|meeting|visiting|attending|conducting|having)\b(?:\s+[\w-]+){0,3}$",
    )
});
static INVOLVING: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s+(?:[\w-]+\s+){0,2}?(?:involving|among|amongst)\s+(?:the\s+)?"));
static INSTRUMENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:harness(?:ing)?|utili[sz](?:e|ing)|through|via|within|using|leverag(?:e|ing)|make use of)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}$",
    )
});
static DOMESTIC_FORUM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:Communist Party|Central Committee|Plenary Session|Party Congress|National Assembly|National People's Congress|Parliament|Senate|Cabinet|Politburo|Corps Commanders|Apex Committee|National (?:Security|Command|Economic|Defence|Defense) (?:Committee|Council|Authority))\b",
    )
});
static MISSION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:Embassy|High Commission|Consulate)\b")
});
static NOT_OFFICIALS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+(?:with\s+)?(?:the\s+)?(?:[\w’'-]+\s+){0,2}?(?:traders|students|businessmen|business community|business leaders|businesspeople|community|diaspora|victims|families|journalists|investors|workers|entrepreneurs|scholars|pilgrims|engineers|scientists|refugees|farmers|fishermen)\b",
    )
});
/// "the proposal was met with hope", "were met with protests": a reception, not a meeting.
static PASSIVE_MET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+|now\s+|often\s+|also\s+|still\s+|then\s+)?met\s+with\s+(?:a\s+|an\s+)?(?-i:[a-z])",
    )
});
/// "the plight of innocent Palestinians", "the issues of Kashmir and Palestine": the people or
/// the land a concern is about, not a side that acts; so is what one is briefed on ("briefed
/// David Lammy on “India’s false accusations”").
static CONCERN_OF_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:plight|suffering|sufferings|hardships?|miseries|misery|issues?|question|cause|dispute)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|\b(?:briefed|apprised|informed)\s+(?:[\w.'’-]+\s+){0,4}?(?:on|about|of)\s+(?:the\s+)?\W?$",
    )
});
/// "bilateral meetings with the participating dignitaries": counterparts the text leaves unnamed.
static UNNAMED_COUNTERPARTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+with\s+(?:the\s+)?(?:participating|other|various|several|many|visiting|attending|foreign)\s+(?:\w+\s+)?(?:dignitaries|leaders|delegates|delegations|counterparts|officials|ministers)\b",
    )
});
/// "the Secretary General of the Economic Cooperation Organization": the head of a body.
static BODY_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bsecretary[- ]general\b|\b(?:president|chairman|chairperson|head|governor|director[- ]general|managing director|chief executive)\s+of\s+the\s+(?-i:(?:(?:[A-Z][\w-]*|and|of|for|&)\s+){1,7})(?:Bank|Fund|Corporation|Foundation|Institute|Association|Federation|Company)\b",
    )
});
/// "arrived in Oslo after meeting the leaders of A and B": a gerund clause whose subject is
/// the main clause's.
static GERUND_CLAUSE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:after|before|while|when)\s+$"));
/// "Prior to the president's visit, the two sides will hold …": the visit told before, as a
/// point in time.
static TIME_ANCHOR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:prior to|ahead of|in the run-up to|on the eve of)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[\w’'-]+\s+){0,2}$",
    )
});
/// "at UN Headquarters, New York", "at the State House, Nairobi": the city that places a venue.
static VENUE_APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:at|in)\s+(?:the\s+)?(?-i:(?:[A-Z][\w’'-]*\s+){0,4}[A-Z][\w’'-]*),\s+$")
});
static DOMESTIC_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:cabinet|government|party|parliamentary|parliament|press|federal|provincial|corps commanders'?|apex committee)\s+$",
    )
});
/// A one-word counterpart that names an office.
static OFFICE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:President|Premier|Chancellor|King|Emir|Sultan|Minister|Secretary|Ambassador|Envoy|Governor|Chairman|Chairperson|Chief|Commander|Speaker|Adviser|Advisor|COAS|CJCSC|CNS|CAS|PM|FM)$",
    )
});
/// An office named in an item of a list of those met ("the foreign minister", "commanders of
/// the land forces"); the plural names one office per item it shares its head with.
static OFFICE_IN_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:president|premier|chancellor|king|emir|sultan|prince|ministers?|secretar(?:y|ies)|ambassadors?|envoys?|governors?|chairman|chairperson|chiefs?|commanders?|speaker|advis[eo]rs?|directors?|heads?|COAS|CJCSC|CNS|CAS)\b",
    )
});
/// A plural office that opens or closes its item ("commanders of the land", "defence
/// ministers"); inside a name it is part of one office ("Chairman Joint Chiefs of Staff").
static PLURAL_OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:(?:the|their|its|[\w-]+(?:’s|'s))\s+)?(ministers|secretaries|ambassadors|envoys|governors|chiefs|commanders|advis[eo]rs|directors|heads)\b|\b(ministers|secretaries|ambassadors|envoys|governors|chiefs|commanders|advis[eo]rs|directors|heads)\s*$",
    )
});
/// What separates the items of a list: a comma (with or without "and"), "and" ("&" joins
/// within a name: "Economy & Planning").
/// Words that end a list of those met: another act or a clause begins ("called on the
/// President and held talks with …", "… and attended …").
static LIST_STOP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*[a-z]+ed\b|\b(?:hold|holds|held|holding|talks|meet|met|meets|meetings?|attended|visit|visited|visits|sign|signed|call|called|calls|where|who|which|whom|during|to|for|by|after|before|while|also)\b",
    )
});
/// How a list of those met opens: a capitalised word or an office, after "with" or "on" and a
/// determiner.
static LIST_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"^\s*(?:(?:with|on)\s+)?(?:(?:the|his|her|their|top|senior)\s+)*(?:[A-Z]|(?i:foreign|defen[cs]e|interior|finance|deputy|vice|prime|chiefs?|commanders?|ministers?|heads?)\b)",
    )
    .expect("valid")
});
static ITEM_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| re(r"\s*,\s*(?:and\s+)?|\s+and\s+"));
/// An office alone as the subject before a trigger: "The CNS (also) called on", "The Prime
/// Minister on Monday met", after a phrase of time ("During the visit, the Army Chief met",
/// "During the visit, Chairman JCSC met").
static OFFICE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^\s*(?:(?:During|After|Before|On|At|In|Upon|Later|Earlier|Meanwhile|Separately)\b[^,]{0,60},\s*)?(?:(?:The|the)\s+)?((?:[A-Z][\w’'-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?)*?[A-Z][\w’'-]*)\s+(?:(?:also|later|then|further|separately|here|today|yesterday|will|would|is|was|has|had|on|[A-Z][a-z]+day)\s+)*$")
        .expect("valid")
});
/// "he" or "she" as the subject just before a trigger: "He also met", ", she will call on".
static PERSONAL_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?:^\s*|,\s*|\bthat\s+|\band\s+)(?:[Hh]e|[Ss]he)\s+(?:(?:also|later|then|further|separately|will|would|shall|is|was|has|had|to|be|been|is due to|is scheduled to)\s+)*$")
        .expect("valid")
});
static CALLER: LazyLock<Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]*)+")
        .expect("valid")
});
/// A trigger in the plural: "held meetings with", "called on" several.
static PLURAL_ACT: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:meetings|calls)\b"));
/// What joins the names of a list: "and", "&", a comma.
static LIST_JOIN: LazyLock<Regex> = LazyLock::new(|| re(r"(?:,|\band\b|&)"));
/// "accompanied by", "along with": the names that follow are the visitor's own party.
static ENTOURAGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:accompanied|along with|assisted|attended|present|together with|flanked|including|as well as his|as well as her)\b",
    )
});
static MET_VERB: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:met|meets)$"));
static MET_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:met|meets|meet)\b"));
static URGE_TO: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+(?:[\w'’.()-]+\s+){0,6}?to\s+(\w+)"));
/// "called on Asean, the UN Security Council and the US president to intervene": a long list
/// of those urged, told by a verb only an appeal takes.
static URGE_LONG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+((?:[\w'’.,-]+\s+){0,14}?)to\s+(?:intervene|mediate|help\s+(?:end|stop|resolve)|stop|halt|end|restrain|exert|pressure|condemn|act|take\s+(?:action|notice|steps|measures))\b",
    )
});
static VENUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:sidelines of|margins of|session of|at the|in the|during the)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    )
});
static GENERIC_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:numerous|several|many|various|a number of|multiple|frequent|regular|periodic)\b")
});
/// "a senior journalist who recently visited China": a private person's trip.
static PRIVATE_VISITOR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:journalists?|reporters?|tourists?|travell?ers?|pilgrims?|bloggers?|vloggers?|influencers?|fans?|citizens?|residents?)\s+(?:who\s+|that\s+)?(?:had\s+|has\s+|have\s+)?(?:recently\s+|once\s+|also\s+)?$",
    )
});
/// "visited Alibaba's campus", "visited the company's plant": a firm's premises, not a state.
static FIRM_SITE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,3}?(?:[A-Z][\w&.-]*|company|firm|group)(?:’s|'s)\s+(?:\w+\s+)?(?:campus|headquarters|factory|factories|plant|plants|offices?|premises|showroom|warehouse|mill|stall|outlet)\b",
    )
});
static SPORT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:cricket|football|hockey|tennis|squad|tournament|championships?|world cup|match(?:es)?|test series|players|athletes|Olympics?|sporting|Super Bowl|medal|U-?\d\d)\b",
    )
});
static GENERIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:exchanges? of|flurry of|spate of|string of|wave of|frequent|regular|reciprocal|numerous|several|many|various|a number of|series of|number of|focus(?:ing|ed)? on|such as|including|in the fields? of|areas? of|potential|possible|future|prospects? (?:of|for))\s+(?:[\w-]+\s+){0,2}$",
    )
});
/// "no such visit", "did not meet", "decided to skip a meeting", "denied holding talks": an
/// act said not to happen.
static NEGATED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:no such|no|never|did not|didn'?t|does not|doesn'?t|has not|hasn'?t|have not|haven'?t|had not|hadn'?t|denied|denies|refused to|declined to|decided to skip|skipp(?:ed|ing)|ruled out)\s+(?:[\w'’-]+\s+){0,2}$",
    )
});
/// "Pakistan wanted talks with India": a wish, no act.
static WISHED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:wants?|wanted|wanting)\s+(?:to\s+(?:hold|have|resume)\s+)?$"));
/// "the newly commissioned Pakistan Navy Ship visited": a ship's description, no handover.
static NEWLY_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"\bnewly\s+$"));
/// "was not allowed by India to visit", "had never given access to anyone to visit": an act
/// someone prevents.
static NOT_ALLOWED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:not|never|no longer|refused|denied)\s+(?:been\s+)?(?:allowed|permitted|given access|granted access|given permission|granted permission|access|permission)\b(?:\s+[\w'’-]+){0,5}?\s+to\s+$",
    )
});
/// "the visit had not been undertaken", "talks never took place"; "talks between A and B have
/// stalled": a process at a standstill, no act.
static NEGATED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:[\w'’,-]+\s+){0,6}?(?:had|has|have|was|were|is|are)\s+(?:not|never)\s+(?:been\s+|yet\s+)?(?:undertaken|held|planned|scheduled|happened|taken place|materiali[sz]ed|made|paid|signed|finali[sz]ed)\b|^\s*never\s+took place|^\s*(?:[\w'’,-]+\s+){0,6}?(?:had|has|have|was|were|is|are|remain|remains|remained)\s+(?:\w+\s+)?stalled\b",
    )
});
/// "an agreement on military training cooperation", "an MoU for joint exercises": the words
/// after an agreement's noun say what it is about, not another act.
static AGREEMENT_SUBJECT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:agreements?|MoUs?|memorand(?:um|a) of understanding|accords?|treat(?:y|ies)|pacts?|protocols?|letters? of intent|contracts?|deals?)\s+(?:on|for|of|regarding|concerning|covering)\s+(?:the\s+)?((?:[\w-]+\s+){0,3})$",
    )
});
/// "the support provided by the hosts for the ship's call": a passive handover (the trigger
/// runs from the verb to the thing named after it) whose thing handed over is named before the verb.
static PASSIVE_HANDOVER: LazyLock<Regex> = LazyLock::new(|| re(r"^\w+(?:\s+over)?\s+by\b"));
static AID_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:equipment|aid|assistance|funds?|funding|grants?|loans?|supplies|vehicles?|aircraft|helicopters?|vessels?|ships?|boats?|arms|weapons|ammunition|drones?|radars?|jets?|tanks?|missiles?|rifles?|gear|relief goods|consignments?)\s+(?:[\w-]+\s+){0,2}$",
    )
});
static CONDITIONAL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:ready|willing|prepared|open) to\b[^.;]{0,80}\b(?:provided|if|unless|on condition)\b")
});
static PAST_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:signed|inked|initialled|renewed|met|visited|held|had|called on|paid|telephoned|spoke|concluded|reached|struck|sealed|clinched|conducted|hosted|received|travelled|traveled|arrived|landed|touched down|talking to|talked to)\b",
    )
});
/// A past verb right before an act's noun: "hosted an informal trilateral meeting".
static HELD_NOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:hosted|convened|chaired|co-chaired|attended)\s+(?:an?\s+|the\s+|their\s+|its\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,4}$",
    )
});
/// "agreements expected to be signed": a passive infinitive, of no tense of its own.
static INFINITIVE_TRIGGER: LazyLock<Regex> = LazyLock::new(|| re(r"\bto\s+be\s+\w+$"));
/// A headline's subject and the infinitive of what it is to do: "PM to visit UAE on Thursday".
static HEADLINE_TO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:(?:[\w'’.,-]+)\s+){1,6}?to\s+(?:leave|visit|meet|hold|sign|attend|host|travel|lead|begin|start|embark|arrive|address|chair|inaugurate|discuss|receive|undertake|pay|participate|join|launch|conduct|resume)\b",
    )
});
/// The present tense headlines tell what happened in: "PM arrives in New York".
const HEADLINE_PRESENT_VERBS: &str = "arrives|meets|signs|inks|visits|calls on|holds|receives|hosts|lands|reaches|concludes|talks|speaks|dials";
/// A headline's verb before its infinitive ("PM arrives in Azerbaijan to attend summit"): the
/// infinitive is the purpose of what happened.
static HEADLINE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:{HEADLINE_PRESENT_VERBS}|leaves|departs|begins|starts|starting|agrees?|agreed|decides?|decided|constituted|formed|set up|sets up|urges?|asks?|vows?|wants?|seeks?|plans?|hopes?)\b"
    ))
});
/// Headlines tell what happened in the present tense: "PM arrives in New York".
static HEADLINE_PRESENT: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^(?:{HEADLINE_PRESENT_VERBS})\b")));
static PAST_PROGRESSIVE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:was|were|had been)\s+(?:\w+ly\s+)?\w+ing\b"));
static PAST_PROGRESSIVE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:was|were|had been)\s+(?:\w+ly\s+)?$"));
/// "Wang Yi visited Pakistan to attend the sixth Strategic Dialogue": the purpose of a journey
/// made was carried out with it.
static PAST_PURPOSE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:visited|travelled|traveled|arrived|went|came|flew|reached|landed)\b[^.;]{0,120}?\bto\s+(?:attend|participate\s+in|join|take\s+part\s+in|co-chair|chair)\s+(?:[\w-]+\s+){0,5}$",
    )
});
/// "the second consignment", "the first batch": a delivery's number.
static BATCH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:batch|consignment|shipment|tranche|instal(?:l)?ment|plane ?load|flight)\b",
    )
});
static MODAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:will|would|shall|to|set to|expected to|plans? to|due to|is to|are to|may|might|could|gonna)\s+(?:\w+\s+){0,2}$",
    )
});
/// "called on the nation to …": urging, not a courtesy call.
static URGING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+(?:the\s+|all\s+|both\s+|world\s+)?(?:nation|people|public|world|international community|Europe|Asia|Africa|West|global community|governments?|countries|states|parties|sides|everyone|citizens|masses|youth|authorities|leaders|community|members|stakeholders|individuals)\b",
    )
});
static TOLD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:told|said|discussed|agreed|assured|conveyed|stressed|urged|asked|informed)\s+(?:[\w'’.-]+\s+){0,4}$",
    )
});
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:was held|were held|held|signed|met|visited|concluded|called on|paid|took place|had|discussed|was signed|were signed|last met|reached|arrived)\b",
    )
});
/// A future cue of the act, not of a decision named by a noun ("the decision to hold the treaty
/// in abeyance", "a bid to sign").
fn planned_cue(text: &str) -> bool {
    PLANNED
        .find_iter(text)
        .any(|m| !DECISION_BEFORE.is_match(&text[..m.start()]))
}
static DECISION_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:decision|move|bid|attempt|refusal|threat)\s+$"));
/// What one side did in talks, in the past: a sentence that tells it is of a past act.
static PAST_TALK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:drew attention|stressed|emphasi[sz]ed|reiterated|exchanged views|conveyed|briefed|underscored|apprised|thanked)\b",
    )
});
static HOSTILE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:attack(?:ed|s|ing)?|kill(?:ed|ing|s)?|air ?strikes?|strikes? on|shell(?:ed|ing)|clash(?:ed|es)?|bomb(?:ed|ing|ings)?|fired (?:at|on)|firing|ambush(?:ed)?|invad(?:ed|ing)|invasion|raid(?:ed|s)?|accus(?:ed|es|ing)|condemn(?:ed|s)|sanction(?:ed|s)?|expel(?:led)?|summoned|protest(?:ed)? (?:to|against)|violat(?:ed|ion|ing|es)|hostil\w+|aggression|nefarious|propaganda|terror suspects?|war(?:fare)? (?:on|against)|hit|struck|strik(?:e|es|ing) (?:at|on)|shot down|seized)\b",
    )
});
/// Whether the words tell of a hostile act. "the crisis-hit country", "flood-struck
/// districts": a compound that says what befell a place tells of none.
fn is_hostile(words: &str) -> bool {
    // (Most clauses hold no such word: the cheaper test first.)
    HOSTILE.is_match(words)
        && HOSTILE.find_iter(words).any(|m| {
            let before = &words[..m.start()];
            !before.ends_with('-')
                && !ENDING_BEFORE.is_match(&before[snap(before, before.len().saturating_sub(40))..])
        })
}
/// "talks aimed at ending cross-border hostilities": what an act is to stop is no act of its
/// own.
static ENDING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:end|ends|ending|halt|halting|stop|stopping|prevent|preventing|cease|ceasing|curb|curbing|de-escalate|de-escalating)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    )
});

/// A definite noun phrase ending at the trigger: "the meeting", "the recent visit", "the
/// EU-ASEAN meeting" (a compound of the sides already named), "Tuesday's talks".
static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b(?:the|this|that|these|those|its|their|his|her|such|during|both)\s+(?-i:(?:[a-z0-9][\w-]*|[A-Z][\w]*(?:[-–][A-Z][\w]*)+)[-\s]){0,2}|\b(?:today|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)(?:’s|'s)\s+(?-i:[a-z0-9][\w-]*[-\s])?)$",
    )
});
/// "the Ukraine war", "the Kashmir dispute": a name that says what is talked about.
/// The rest of a hyphenated compound and the thing it names: "-Afghanistan-Pakistan railway".
static COMPOUND_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^((?:\s?[-–]\s?[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*)?)*)\s+(?:[A-Z][\w-]*\s+){0,2}(?:railway|rail|railroad|corridor|pipeline|project|highway|road|motorway|line|route|border|boundary|frontier|gas|power|transmission|bridge|tunnel|canal)\b",
    )
});
/// A trigger that is a verb ("met", "will meet", "called on"): the words before it are its
/// subject ("the president met …"), not a determiner of a noun that could refer back.
static VERB_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:met|meets|and|to|will|would|shall|also|later|talking|talked|while|received|receives|welcomed|welcomes|hosted|hosts|hosting|called on|calls on|call on|calling on|visited|telephoned|spoke)\b",
    )
});
/// "the forthcoming meeting": an act still to come, which cannot be one already held.
static UPCOMING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:forthcoming|upcoming|coming|next|proposed|planned|scheduled|expected)\s+(?:[\w-]+\s+)?$",
    )
});
/// "During their talks", "in the two sides' meeting": the talks of both sides of a visit.
static TALKS_OF_BOTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:their|the two sides’|the two sides'|both sides’|both sides'|the pair|the duo|(?:the|the two|both) delegations)\s+(?:[\w-]+\s+)?|(?:the two|both)\s+(?:prime ministers|presidents|leaders|ministers|foreign ministers|defen[cs]e ministers|premiers|army chiefs|sides)\s+(?:(?:would|will|also|then|are to|were to)\s+)*(?:(?:have|hold|held|had)\s+(?:an?\s+)?(?:[\w-]+\s+)?)?)$",
    )
});
/// "had signed in", "had been agreed on": a verb that tells of an act before the one reported.
static PLUPERFECT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bhad\s+(?:been\s+)?[a-z]+(?:ed|en|ne|nt|ld)\s+(?:[a-z]+\s+){0,2}$"));
/// "the two leaders", "both sides": the two sides of the article's act.
static TWO_SIDES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:the two|both)\s+(?:[\w-]+\s+)?(?:leaders|sides|ministers|premiers|presidents|delegations|chiefs|commanders|counterparts)\b|\bthe (?:pair|duo|delegations)\b",
    )
});
static DURING_OPENING: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*During\s+(?:the|their|his|her|its)\s+(?:[\w-]+\s+){0,2}$"));
static PAST_MAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:agreed|decided|discussed|reviewed|exchanged|underscored|stressed|emphasi[sz]ed|expressed|said|noted|welcomed|reaffirmed|highlighted|briefed|signed|held|had|were|was)\b",
    )
});
static FUTURE_MAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:will|shall|is set to|are set to|is expected to|are expected to|is due to|are due to)\b",
    )
});
/// ", he said", ", the minister said": the words after tell what was said.
static SPEAKER_SAID: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r",\s+(?:he|she|they|the\s+\w+)\s+(?:also\s+)?(?:said|stated|added|noted|stressed|observed|remarked)\b",
    )
});
/// "chairing a high-level meeting", "presided over the meeting" (one side; not "co-chaired").
static CHAIRED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\s)(?:chair(?:ed|ing|s)|presid(?:ed|ing|es) over)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    )
});
/// "a meeting with …", "a meeting between …", "a meeting of the Joint Commission".
static WITH_OR_BETWEEN: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:with|between|of)\b"));
/// "signed an agreement", "inked 15 MoUs", "signed a series of agreements".
static SIGNED_SOME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:signed|inked|initiall?ed|concluded|exchanged|sealed)\s+(?:a|an|another|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s",
    )
});
/// "signed several MoUs", "will include signing of various MoUs": documents signed on one
/// occasion, not a generic mention of agreements.
static SIGNING_OF_SOME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:sign|signs|signed|signing|ink|inked)\s+(?:of\s+)?(?:several|various|multiple|a number of)\s",
    )
});
static INDEFINITE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:a|an|another)\s+(?:[\w-]+\s+)?$"));
/// "Kashmir issue", "Indian aggression": a state named for what is about it, not as an actor;
/// "India's arch-rival Pakistan": one named only to place the state that acts.
static TOPICAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:’s|'s)\s+(?:[\w-]+\s+){0,2}?(?:arch-?)?(?:rival|neighbou?r|ally|adversary|foe|enemy)\s+(?-i:[A-Z])|(?:’s|'s)?(?:-(?-i:[A-Z])\w+)?\s+(?:and\s+(?-i:[A-Z])[\w.-]*\s+)?(?:war|conflict|crisis|issue|dispute|situation|question|file|peace process|front|invasion|offensive|allegations?|accusations?|claims?|propaganda|narrative|aggression|occupation|atrocities|hegemony|designs|assets|reserves|threats?|attacks?|strikes|air\s?strikes|shelling|bombardment|violations|sanctions|tariffs)\b)",
    )
});
/// A state's name or adjective that qualifies a firm, a trade body or another non-state actor
/// ("a Japanese company", "the Ruritania Chamber of Commerce", "Ruritanian businessmen"): the
/// actor is not the state.
static NON_STATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:’s|'s)?\s+[“\x22‘]?(?:(?:[\w-]+\s+){0,2}?(?:company|companies|firms?|corporations?|conglomerates?|enterprises?|business(?:es|men|man|people)?|entrepreneurs?|investors?|traders?|exporters?|importers?|industrialists?|(?:car|auto|drug|chip|arms)?makers?|manufacturers?|producers?|developers?|operators?|groups?|chambers?|associations?|federations?|journalists?|tourists?|pilgrims?|banks?|airlines?|carriers?|universit(?:y|ies)|hospitals?|charit(?:y|ies)|NGOs?|Inc|Ltd|PLC|LLC)|(?:[\w-]+\s+){0,2}?Chamber of (?:Commerce|Industry)|(?:mercenar(?:y|ies)|recruits|volunteers|fighters|militants|rebels|insurgents|migrants|nationals|students))\b",
    )
});
/// The source a report is attributed to ("…, said a Ruritanian news release", "according to
/// Ruritanian officials"): the state that tells of the act is not thereby a side of it.
static SOURCE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:according to|quoting|quoted by)\s+(?:an?\s+|the\s+)?$"));
static SOURCE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:’s|'s)?\)?\s+(?:official\s+)?(?:news|press|media)\s+(?:release|statement|handout)\b")
});
static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+(?:of|to|by|between|with)\b"));
static PAST_OCCURRENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:last met|last held|previous(?:ly)?|was last|the last (?:round|meeting|session)|had (?:earlier |also |previously )?(?:visited|met|held|signed)|earlier visited|former (?:agreements?|accords?|meetings?|talks|rounds?|visits?|sessions?)|recall(?:ed|ing|s)?)\b",
    )
});
/// Whether a clause tells of a past occurrence of its act ("the two sides last met in May",
/// "had earlier visited Beijing"). A pluperfect verb of another kind tells of another act: "in
/// their meeting they underscored the agreement the two countries had signed" (`trigger_end`
/// is relative to the clause).
fn past_occurrence(clause: &str, trigger_end: usize, kind: Kind) -> bool {
    PAST_OCCURRENCE.find_iter(clause).any(|m| {
        let words = m.as_str();
        if !words.starts_with("had ") || m.start() < trigger_end {
            return true;
        }
        if words.ends_with("visited") {
            kind == Kind::Visit
        } else if words.ends_with("signed") {
            kind == Kind::Agreement
        } else if words.ends_with("met") {
            matches!(kind, Kind::Meeting | Kind::CourtesyCall)
        } else {
            true
        }
    })
}

static PRONOUN_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(?:It|The (?:forum|group|body|commission|committee|dialogue)) ")
        .expect("valid")
});
/// "It was agreed that …", "It is expected that …": "it" stands for no forum.
static EXPLETIVE_IT: LazyLock<Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^It (?:was|is|has been|had been|will be) (?:also )?\w+ed that ")
        .expect("valid")
});
static PURPOSE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:for|to hold|to have)\s+(?:\w+\s+){0,2}$"));
static ROUND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(\d{1,3})(?:st|nd|rd|th)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second|twenty-third|twenty-fourth|twenty-fifth|thirtieth|inaugural)\b",
    )
});
static ROUND_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:round|session|edition|meeting|iteration)\s+of\s+(?:the\s+)?((?:[^\s,.;:]+\s+){0,7}?(?:dialogue|talks|consultations|negotiations|parleys|group|commission|committee|forum|meeting|conference|summit|council|mechanism|staff talks))\b",
    )
});
static LOCATIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:in|at|to|from|into|across|inside|within|near|towards|throughout|of the situation in|in the|reached|capital,|on|about|over|regarding|concerning|against|naming|blaming|(?:issues|matters|situation|developments|affairs),?\s+including|(?:war|conflict|fighting|clashes|dispute|tensions|ceasefire|truce|crisis|standoff|stand-off)\s+with|(?:about|on|over|regarding|concerning)\s+(?:the\s+)?(?:latest|recent|current|ongoing|evolving|emerging))\s+(?:the\s+)?$",
    )
});
/// "talks with Taliban representatives in Doha and Turkiye": a state named as the second of two
/// places (though "held at Islamabad and Beijing", two capitals, are the two sides).
static PLACES_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?(?:\s*,)?\s+(?:and|or)\s+(?:in\s+)?(?:the\s+)?$",
    )
});
/// "talked to Ghana’s President": the one spoken to is a side, though "to" before a state
/// mostly names where one goes.
static TALKED_TO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:spoke|speaks|speaking|talked|talks|talking|wrote|writes|replied|reached out)\s+to\s+$",
    )
});
/// "diplomats, attachés and representatives from Azerbaijan, Bosnia and …": people who come
/// from a state act for it, though "from" before a state mostly names where something starts.
static PEOPLE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:delegations?|diplomats|attach[ée]s|representatives|officials|envoys|ambassadors|ministers|leaders|officers|commanders|lawmakers|parliamentarians|dignitaries|delegates|military observers)\s+from\s+(?:the\s+)?$",
    )
});
static INVITATION_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:at|on)\s+the\s+(?:special\s+|kind\s+|official\s+)?invitation\s+of\b")
});
/// Between an organisation's name and "summit": nothing, a possessive or a word or two
/// ("Nato's two-day summit", "SCO Heads of State summit").
static ORG_SUMMIT_GAP: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,4}$"));
/// The words after a meeting that name who mediated it ("hosted by Qatar with Turkiye acting
/// as mediator": the host of talks between two others is their go-between).
static MEDIATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:mediated|brokered|facilitated|hosted)\s+by\b|\bunder\s+the\s+(?:mediation|auspices)\s+of\b|\bwith\s+the\s+mediation\s+of\b",
    )
});
/// An office named for its brief, up to a state or body: "Minister for South Asia, North
/// Africa, the ", "Special Envoy for ", "Special Representative to the President on ".
pub(super) static PORTFOLIO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:Minister|Secretary|Envoy|Representative|Commissioner|Coordinator)\s+(?:of\s+State\s+|to\s+the\s+(?-i:[A-Z])[\w-]*\s+)?(?:for|on)\s+(?:(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s*(?:,\s*and|,|and)\s+)*(?:the\s+)?$",
    )
});
/// Meetings of many, whose host is a member.
static GATHERING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:summit|conference|forum|expo|games|ceremony|dinner|banquet|reception)")
});
/// A sentence that opens with who mediated the act it tells ("Facilitated by Qatar, the talks
/// followed days of clashes").
static MEDIATED_OPENING: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\W*(?:mediated|brokered|facilitated|hosted)\s+by\b"));
static RELEASE_CITED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:said|according to|stated|added)\s+(?:an?|the)\s+(?:[\w()-]+\s+){0,6}?(?:news|press)\s+release\b|\bsaid in a statement\b",
    )
});
/// What follows a language's name after "in" ("in Russian that they could not read", "in
/// Chinese."), where a state's adjective would go on to its noun.
static LANGUAGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\s*[,.;:)]|\s*$|\s+(?:that|which|they|he|she|it|language|translation|too|as well)\b)")
});
/// A clause that opens on a relative pronoun ("which is on a visit", "who arrived").
static RELATIVE_OPENING: LazyLock<Regex> = LazyLock::new(|| re(r"^\W*(?:which|who)\b"));
/// A news outlet named right after "talking to": an acronym ("APP", "BBC") or a name that
/// says what it is ("PTV news channel", "Anadolu Agency").
static MEDIA_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:[A-Z]{2,5}\b|(?:[\w-]+\s+){0,3}?(?i:news|channel|TV|television|radio|newspaper|agency|media|daily)\b)",
    )
    .expect("valid")
});
static HELD_IN: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:in|at)\s+(?:the\s+\w+\s+(?:of|in)\s+)?(?:the\s+)?$"));
static VISIT_TO: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:to|reached|arrived in)\s+(?:the\s+)?$"));
static AGREEMENT_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:MoUs?|memorand(?:um|a) of understanding(?: \(MoU\))?|agreements?|accords?|treat(?:y|ies)|pacts?|joint declarations?|protocols?|letters? of intent|contracts?)\b(?:\s+(?:on|for|of|to)\s+[\w\s,-]{3,80}?)?(?:[,.;]| after | between | at | in | with | during |$)",
    )
});

/// "those who seek", "anyone that tries" just before an act: no one in particular.
static GENERIC_AGENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:those|anyone|whoever|entities|individuals|persons|networks)\s+(?:who|that)?\s*(?:\w+\s+){0,2}$",
    )
});

/// A modal verb just after a bare noun of talks ("talks could help").
static GENERIC_MODAL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s+(?:could|would|might|may|can)\b"));

/// A verb of saying and "that": what follows is what was said.
static SPEECH_THAT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:said|says|emphasi[sz]ed|stressed|underlined|underscored|noted|observed|maintained|reiterated|asserted|insisted|urged|added|remarked|pointed out)\s+that\b",
    )
});

/// The last word of `text` ("" when it ends on no word).
fn last_word(text: &str) -> &str {
    text.trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// Parties mentioned in `range` that act (not "in Afghanistan", not a dateline).
fn acting_parties(
    text: &str,
    mentions: &[Mention],
    range: &Range<usize>,
    dateline: Option<&Range<usize>>,
) -> Vec<(PartyCode, Range<usize>)> {
    // "held two rounds of talks in Muscat and Rome": a capital named as the second of two places
    // is a venue once two other states act (though "held at Islamabad and Beijing", two
    // capitals alone, are the two sides).
    let mut second_place = Vec::new();
    let acting: Vec<(PartyCode, Range<usize>)> = mentions_in(mentions, range)
        .iter()
        .filter(|m| dateline.is_none_or(|d| m.start >= d.end))
        .filter_map(|m| {
            let party = m.party?;
            let acting = match m.kind {
                // "Minister for South Asia, North Africa, the United Nations and the
                // Commonwealth", "Special Representative for Afghanistan Reconciliation": an
                // office's brief, not who acts.
                FormKind::Organisation | FormKind::StateName
                    if PORTFOLIO_BEFORE.is_match(
                        &text[range.start.max(snap(text, m.start.saturating_sub(80)))..m.start],
                    ) =>
                {
                    false
                }
                // "on the sidelines of the UN General Assembly": the forum is the venue.
                FormKind::Organisation => !VENUE_BEFORE.is_match(
                    &text[range.start.max(snap(text, m.start.saturating_sub(40)))..m.start],
                ),
                FormKind::Person => true,
                // "the Uzbekistan-Afghanistan-Pakistan railway", "the Pakistan-Afghanistan
                // border": a compound that names a project or a line, not who acts.
                FormKind::StateName | FormKind::Capital | FormKind::Demonym
                    if in_named_compound(text, m, range) =>
                {
                    false
                }
                FormKind::StateName | FormKind::Capital | FormKind::Demonym
                    if TOPICAL_AFTER.is_match(&text[m.end..range.end])
                        || NON_STATE_AFTER.is_match(&text[m.end..range.end]) =>
                {
                    false
                }
                FormKind::StateName | FormKind::Capital | FormKind::Demonym
                    if SOURCE_AFTER.is_match(&text[m.end..range.end])
                        || SOURCE_BEFORE.is_match(
                            &text[range.start.max(snap(text, m.start.saturating_sub(24)))..m.start],
                        ) =>
                {
                    false
                }
                FormKind::StateName | FormKind::Capital | FormKind::Demonym
                    if CONCERN_OF_BEFORE.is_match(
                        &text[range.start.max(snap(text, m.start.saturating_sub(40)))..m.start],
                    ) =>
                {
                    false
                }
                // "contracts in Russian they could not read": a language, not the state.
                FormKind::Demonym
                    if text[..m.start].ends_with(" in ")
                        && LANGUAGE_AFTER.is_match(&text[m.end..range.end]) =>
                {
                    false
                }
                FormKind::Demonym => true,
                FormKind::StateName | FormKind::Capital => {
                    let before =
                        &text[range.start.max(snap(text, m.start.saturating_sub(40)))..m.start];
                    let venue = m.kind == FormKind::Capital && VENUE_APPOSITION.is_match(before);
                    // "diplomats from Afghanistan's neighbours" are not Afghanistan's.
                    let possessive = text[m.end..].starts_with(['’', '\'']);
                    let places = PLACES_BEFORE.is_match(before);
                    if places && m.kind == FormKind::Capital {
                        second_place.push(m.start);
                    }
                    !(LOCATIVE_BEFORE.is_match(before)
                        || venue
                        || (m.kind == FormKind::StateName && places))
                        || (PEOPLE_FROM.is_match(before) && !possessive)
                        || (TALKED_TO_BEFORE.is_match(before) && possessive)
                }
                FormKind::Place | FormKind::NotAParty => false,
            };
            acting.then_some((party, m.start..m.end))
        })
        .collect();
    if second_place.is_empty() {
        return acting;
    }
    // The states that act elsewhere in the range.
    let mut others: Vec<PartyCode> = acting
        .iter()
        .filter(|p| !second_place.contains(&p.1.start))
        .map(|p| p.0)
        .collect();
    others.sort();
    others.dedup();
    acting
        .into_iter()
        .filter(|p| {
            !second_place.contains(&p.1.start) || others.iter().filter(|&&o| o != p.0).count() < 2
        })
        .collect()
}

/// Whether the mention is part of a hyphenated compound of states that names a project, a
/// route or a frontier ("China-Pakistan Economic Corridor", "Pakistan-Afghanistan border").
fn in_named_compound(text: &str, m: &Mention, range: &Range<usize>) -> bool {
    let after = &text[m.end..range.end.max(m.end)];
    let before = &text[range
        .start
        .min(m.start)
        .max(snap(text, m.start.saturating_sub(2)))..m.start];
    let hyphen_before = before.ends_with(['-', '–']);
    let chain = COMPOUND_AFTER.captures(after);
    chain.is_some_and(|c| hyphen_before || c.get(1).is_some_and(|g| !g.as_str().is_empty()))
}

/// The hosts of a visit: states and capitals after "to", "in", "at" in the clause.
fn visit_hosts(
    text: &str,
    mentions: &[Mention],
    clause: &Range<usize>,
    trigger: &Range<usize>,
) -> Vec<(PartyCode, Range<usize>)> {
    // The destination follows the visit: "visited Colombo", "a visit to Iran", "arrived in
    // Sri Lanka"; "visited Malaysia and Singapore" has two. Later places ("discussed the
    // situation in Somalia") are not destinations.
    let mut hosts: Vec<(PartyCode, Range<usize>)> = Vec::new();
    let places = mentions_in(mentions, &(trigger.start..clause.end.max(trigger.start)))
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                FormKind::StateName | FormKind::Capital | FormKind::Place
            )
        });
    for m in places {
        let Some(party) = m.party else { continue };
        if let Some((_, last)) = hosts.last() {
            let between = text[last.end..m.start].trim();
            if matches!(between, "," | "and" | ", and") {
                hosts.push((party, m.start..m.end));
                continue;
            }
            break;
        }
        let before = &text[clause.start.max(snap(text, m.start.saturating_sub(40)))..m.start];
        // The destination follows the visit closely: "a two-day visit to the Russian Federation".
        let close = m.start.saturating_sub(trigger.end) <= 30;
        if close
            && (LOCATIVE_BEFORE.is_match(before) || VISITED.is_match(before))
            && !before.contains("situation")
        {
            hosts.push((party, m.start..m.end));
        }
    }
    hosts
}

/// The state that receives aid: named after "to" or "for" following the trigger.
fn recipient_after(
    text: &str,
    mentions: &[Mention],
    clause: &Range<usize>,
    trigger: &Range<usize>,
) -> Option<(PartyCode, Range<usize>)> {
    mentions_in(mentions, &(trigger.start..clause.end.max(trigger.start)))
        .iter()
        .filter(|m| matches!(m.kind, FormKind::StateName | FormKind::Capital))
        .find(|m| {
            let before = &text[trigger.start.max(snap(text, m.start.saturating_sub(8)))..m.start];
            TO_FOR_BEFORE.is_match(before)
        })
        .and_then(|m| Some((m.party?, m.start..m.end)))
}

/// The state where a ship was commissioned or launched: "at Hudong Shipyard, China", "in a
/// ceremony in Shanghai".
fn builder_after(
    text: &str,
    mentions: &[Mention],
    clause: &Range<usize>,
    trigger: &Range<usize>,
) -> Option<(PartyCode, Range<usize>)> {
    mentions_in(mentions, &(trigger.end..clause.end.max(trigger.end)))
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                FormKind::StateName | FormKind::Capital | FormKind::Place
            )
        })
        .find(|m| {
            let before = &text[trigger.end.max(snap(text, m.start.saturating_sub(40)))..m.start];
            before.contains(" in ") || before.contains(" at ") || before.ends_with(", ")
        })
        .and_then(|m| Some((m.party?, m.start..m.end)))
}

/// A city or site named right before the trigger ("his Quetta visit").
fn place_just_before(
    mentions: &[Mention],
    trigger: &Range<usize>,
) -> Option<(PartyCode, Range<usize>)> {
    mentions
        .iter()
        .find(|m| m.kind == FormKind::Place && m.end + 1 == trigger.start)
        .and_then(|m| Some((m.party?, m.start..m.end)))
}

/// The host named before the visit: "is currently in Türkiye for an official visit",
/// "arrived in Colombo on a three-day visit".
fn host_before(
    text: &str,
    mentions: &[Mention],
    clause: &Range<usize>,
    trigger: &Range<usize>,
) -> Option<(PartyCode, Range<usize>)> {
    let m = mentions_in(mentions, &(clause.start..trigger.start))
        .iter()
        .rev()
        .find(|m| {
            matches!(
                m.kind,
                FormKind::StateName | FormKind::Capital | FormKind::Place
            )
        })?;
    let before = &text[clause.start.max(snap(text, m.start.saturating_sub(12)))..m.start];
    let between = &text[m.end..trigger.start];
    let close = between.split_whitespace().count() <= 5 && !between.contains([',', ';']);
    (IN_BEFORE.is_match(before) && HOST_LINK.is_match(between) && close)
        .then(|| Some((m.party?, m.start..m.end)))
        .flatten()
}

/// "undertook the visit at the invitation of the Saudi crown prince": a visit that names no
/// destination goes to the state of whoever invited the visitor.
fn inviter_after(
    text: &str,
    mentions: &[Mention],
    clause: &Range<usize>,
    trigger: &Range<usize>,
) -> Option<(PartyCode, Range<usize>)> {
    let after = &text[trigger.end..clause.end.max(trigger.end)];
    let from = trigger.end + INVITATION_OF.find(after)?.end();
    let m = mentions_in(mentions, &(from..clause.end.max(from)))
        .iter()
        .find(|m| m.party.is_some() && m.kind != FormKind::NotAParty)?;
    // The inviter's own words follow the invitation closely.
    if m.start - from > 40 {
        return None;
    }
    Some((m.party?, m.start..m.end))
}

/// "…, said an ISPR news release": with no dateline, the agency's release the article reports
/// is of its day, and so are the acts it tells of without a date of their own.
fn release_date(text: &str, published: Option<chrono::NaiveDate>) -> Option<DateMention> {
    let published = published?;
    let m = RELEASE_CITED.find(text)?;
    Some(DateMention {
        start: m.start(),
        end: m.end(),
        text: m.as_str().to_string(),
        value: Some(published.format("%Y-%m-%d").to_string()),
        end_value: None,
        precision: dates::Precision::Day,
        basis: format!(
            "the day of the release the article reports: its publication date {published}"
        ),
        relative: true,
        partial: None,
    })
}

fn snap(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Reads sentences, mentions, dates, people and candidate acts of an article.
/// Reads an article; `None` when it names fewer than two parties and so reports no engagement.
pub fn analyse(lex: &Lexicon, article: &Article) -> Option<Analysis> {
    let text = article.text.as_str();
    let [body_start, body_end] = article.body;
    let body = &text[body_start..body_end];
    let mentions: Vec<Mention> = lex
        .mentions_on(body, article.published)
        .into_iter()
        .map(|m| Mention {
            start: m.start + body_start,
            end: m.end + body_start,
            ..m
        })
        .collect();
    // Two parties at least: one that differs from the first named (no set of them is built).
    let mut parties = mentions.iter().filter_map(|m| m.party);
    let first = parties.next();
    if !parties.any(|p| Some(p) != first) {
        return None;
    }
    let sentences = text::sentences(text, body_start..body_end);

    let mut dateline = None;
    let mut dateline_ranges: Vec<Option<Range<usize>>> = vec![None; sentences.len()];
    for (i, s) in sentences.iter().enumerate().take(12) {
        if let Some((line, place)) = text::dateline(text, &s.range) {
            let found = mentions.iter().find(|m| {
                m.start >= place.start
                    && m.end <= place.end
                    && matches!(m.kind, FormKind::Capital | FormKind::Place)
            });
            if let (Some(m), None) = (found, &dateline) {
                let name = title_case(&text[m.start..m.end]);
                dateline = m.party.map(|p| (name, p, line.clone()));
            }
            dateline_ranges[i] = Some(line);
        }
    }

    // Headlines are in title case: every word looks like a name there.
    let matches = trigger_matches(lex, text, body_start..body_end, &sentences);
    // Clause boundaries matter only where an act is reported.
    let clauses: Vec<text::Clauses> = sentences
        .iter()
        .zip(&matches)
        .map(|(s, m)| {
            if m.is_empty() {
                text::Clauses::none(&s.range)
            } else {
                text::Clauses::new(text, &s.range)
            }
        })
        .collect();
    let triggers: Vec<Vec<(Kind, &str, Range<usize>)>> = matches
        .iter()
        .zip(&clauses)
        .map(|(m, c)| find_triggers(lex, text, m, c))
        .collect();
    // Most news names two states without reporting an act between them: stop before the
    // dates and people, which cost the most.
    if triggers.iter().all(Vec::is_empty) {
        return None;
    }
    // A signed column ("The writer is a former ambassador to the US") or a piece told in the
    // first person argues or remembers; the acts it recalls are its background, not reports
    // of the day.
    if text::signed_column(body) || text::first_person(body) {
        return None;
    }
    let lede = lede_sentences(text, &sentences);
    // Dates are read where acts are reported, in the dateline and in the lede: nowhere else
    // are they used.
    let dates = dates_in(text, &sentences, article.published, |i| {
        !triggers[i].is_empty() || dateline_ranges[i].is_some() || lede.contains(&i)
    });
    // People matter in the sentences that report acts and the few after them (who led, who met),
    // and in the lede, which names in full the one a later act calls by office or pronoun.
    let near_act =
        |i: usize| (i.saturating_sub(3)..=i).any(|j| !triggers[j].is_empty()) || lede.contains(&i);
    let mut people: Vec<Vec<PersonMention>> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if s.heading || !near_act(i) {
                Vec::new()
            } else {
                find_people(text, s.range.clone(), lex, &mentions)
            }
        })
        .collect();
    // "Mr Takizaki" is the Shigeki Takizaki of Japan named earlier.
    let surname_and_party =
        |p: &PersonMention| Some((p.name.split_whitespace().last()?.to_string(), p.party?));
    let known: Vec<(String, PartyCode)> = people
        .iter()
        .flatten()
        .filter(|p| !p.surname_only)
        .filter_map(surname_and_party)
        .collect();
    for p in people
        .iter_mut()
        .flatten()
        .filter(|p| p.surname_only && p.party.is_none())
    {
        p.party = known
            .iter()
            .find(|(surname, _)| *surname == p.name)
            .map(|(_, party)| *party);
    }
    // "Kral will visit Oslo": a surname alone, after the full name with its party and an office
    // or a rank (which make it a person's name for sure).
    // ("President Xi Jinping … Xi met": Chinese and Korean names give the family name first.)
    let known_officials: Vec<(String, PartyCode)> = people
        .iter()
        .flatten()
        .filter(|p| !p.surname_only && (p.title.is_some() || p.rank.is_some()))
        .flat_map(|p| {
            let family_first = p
                .party
                .filter(|party| matches!(party.as_str(), "CHN" | "TWN" | "KOR" | "PRK"))
                .zip(p.name.split_whitespace().next())
                .filter(|_| p.name.split_whitespace().count() >= 2)
                .map(|(party, first)| (first.to_string(), party));
            surname_and_party(p).into_iter().chain(family_first)
        })
        .collect();
    let known_surnames = people::KnownSurnames::new(&known_officials);
    for (i, s) in sentences.iter().enumerate() {
        if s.heading || !near_act(i) || known_surnames.is_empty() {
            continue;
        }
        let again = people::surnames_again(
            text,
            s.range.clone(),
            &known_surnames,
            &people[i],
            &mentions,
        );
        if !again.is_empty() {
            people[i].extend(again);
            people[i].sort_by_key(|p| p.range.start);
        }
    }
    // Who acts in each sentence: read once for the sentences that report acts, for every act
    // in them. (Sentences without acts have no one acting in them for the loop below.)
    let acting_in = |i: usize| {
        acting_parties(
            text,
            &mentions,
            &sentences[i].range,
            dateline_ranges[i].as_ref(),
        )
    };
    let acting: Vec<Vec<(PartyCode, Range<usize>)>> = (0..sentences.len())
        .map(|i| {
            if triggers[i].is_empty() {
                Vec::new()
            } else {
                acting_in(i)
            }
        })
        .collect();
    // The main pair counts who acts in every sentence, and few acts need it to complete their
    // parties: it is read only when one does.
    let article_pair = std::cell::LazyCell::new(|| {
        let all: Vec<Vec<(PartyCode, Range<usize>)>> = (0..sentences.len())
            .map(|i| {
                if triggers[i].is_empty() {
                    acting_in(i)
                } else {
                    acting[i].clone()
                }
            })
            .collect();
        main_pair(&all)
    });

    // The newsroom's own country, as its dateline says.
    let home: Option<PartyCode> = dateline.as_ref().map(|d| d.1);
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut anaphora = Vec::new();
    let mut scope: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    let mut last_sentence_acts: Vec<usize> = Vec::new();
    let mut last_created: Option<usize> = None;
    for (si, sentence) in sentences.iter().enumerate() {
        let s_text = &text[sentence.range.clone()];
        if s_text.starts_with("Published in") || s_text.starts_with("Updated") {
            continue;
        }
        let sentence_triggers = &triggers[si];
        let created_before = candidates.len();
        for (kind, rule, trigger) in sentence_triggers.iter().cloned() {
            let mut clause = clauses[si].at(trigger.start);
            // "he is set to meet A; the presidents of B and C; and D": the list goes on past
            // its semicolons, and each item is met apart.
            let mut semicolon_list = false;
            if matches!(kind, Kind::Meeting | Kind::CourtesyCall) {
                let end = semicolon_list_end(text, &sentence.range, &clause);
                semicolon_list = end != clause.end;
                clause.end = end;
            }
            // "Speaking at a dinner in honour of A, he said India had …": what the speaker
            // says after the act names no side of it.
            if let Some(m) = SPEAKER_SAID.find(&text[trigger.end..clause.end.max(trigger.end)]) {
                clause.end = trigger.end + m.start();
            }
            // "talks between A and B" names both its sides, not one counterpart.
            let trigger_bytes = &text.as_bytes()[trigger.clone()];
            let between = trigger_bytes.len() >= 7
                && trigger_bytes[trigger_bytes.len() - 7..].eq_ignore_ascii_case(b"between");
            let before_trigger = &text[sentence
                .range
                .start
                .max(snap(text, trigger.start.saturating_sub(48)))
                ..trigger.start];
            let dl = dateline_ranges[si].as_ref();
            // Parties of the sentence that are not inside the clause of another act in it.
            let other_acts: Vec<Range<usize>> = sentence_triggers
                .iter()
                .map(|(_, _, r)| clauses[si].at(r.start))
                .filter(|c| *c != clauses[si].at(trigger.start))
                .collect();
            let mut sentence_parties: Vec<(PartyCode, Range<usize>)> = acting[si]
                .iter()
                .filter(|p| {
                    !other_acts
                        .iter()
                        .any(|c| c.start <= p.1.start && p.1.end <= c.end)
                })
                .cloned()
                .collect();
            let mut clause_parties = acting_parties(text, &mentions, &clause, dl);
            // "talks held under the mediation of Turkiye and Qatar": the mediators take part
            // beside the two sides, which the clause may leave to the article.
            let mut mediators: Vec<PartyCode> = Vec::new();
            // ("the talks, which were being mediated by Turkiye and Qatar, …": the words may
            // stand in a clause of their own just after.)
            let mediation_window =
                trigger.end..snap(text, (trigger.end + 100).min(sentence.range.end));
            // The host of a summit or a conference is one of its members, not a go-between
            // ("met the president at the summit hosted by Qatar").
            let mediation = |m: regex::Match, at: usize| {
                let before = snap(text, at.saturating_sub(40).max(trigger.start))..at;
                !(m.as_str()[..6].eq_ignore_ascii_case("hosted")
                    && GATHERING.is_match(&text[before]))
            };
            let opening = MEDIATED_OPENING
                .find(&text[sentence.range.start..trigger.start])
                .filter(|m| mediation(*m, trigger.end))
                .map(|m| sentence.range.start + m.end());
            if matches!(kind, Kind::Meeting | Kind::Dialogue | Kind::Agreement)
                && let Some(from) = opening.or_else(|| {
                    MEDIATED
                        .find(&text[mediation_window.clone()])
                        .filter(|m| mediation(*m, mediation_window.start + m.start()))
                        .map(|m| mediation_window.start + m.end())
                })
            {
                // The list right after the words: "of brotherly countries Turkiye and Qatar".
                let mut end = from + 40;
                let mut listed: Vec<Range<usize>> = Vec::new();
                for p in acting[si].iter().filter(|p| p.1.start >= from) {
                    if p.1.start > end {
                        break;
                    }
                    mediators.push(p.0);
                    listed.push(p.1.clone());
                    end = p.1.end + 8;
                }
                clause_parties.retain(|p| !listed.contains(&p.1));
                mediators.dedup();
                sentence_parties.retain(|p| !mediators.contains(&p.0));
            }
            // "In a phone call with Malaysian Prime Minister Anwar Ibrahim, the premier
            // emphasised that Afghan authorities must act": once the act's phrase names a side,
            // the states of what was said there are what was talked about.
            if let Some(m) = SPEECH_THAT.find(&text[trigger.end..sentence.range.end]) {
                let cut = trigger.end + m.start();
                // The side the act's own phrase names, before its first comma.
                let phrase_end = text[trigger.end..cut]
                    .find(',')
                    .map_or(cut, |i| trigger.end + i);
                if clause_parties
                    .iter()
                    .any(|p| p.1.start >= trigger.end && p.1.end <= phrase_end)
                {
                    clause_parties.retain(|p| p.1.end <= cut);
                    sentence_parties.retain(|p| p.1.end <= cut);
                }
            }
            let hostile = is_hostile(&text[clause.clone()]);
            if hostile && !matches!(kind, Kind::Agreement | Kind::PhoneCall) {
                continue;
            }
            if kind == Kind::CourtesyCall && urges(&text[trigger.end..clause.end.max(trigger.end)])
            {
                continue;
            }
            // An act the text says did not happen, or will not.
            let after_trigger = &text[trigger.end..clause.end.max(trigger.end)];
            if NEGATED_BEFORE.is_match(before_trigger)
                || NOT_ALLOWED_BEFORE.is_match(before_trigger)
                || (WISHED_BEFORE.is_match(before_trigger)
                    && !text[trigger.clone()].starts_with("to "))
                || (rule.starts_with("assist.ship") && NEWLY_BEFORE.is_match(before_trigger))
                || NEGATED_AFTER.is_match(after_trigger)
            {
                continue;
            }
            // "the Quadrilateral Security Dialogue" names an organisation, not a meeting of it.
            let inside_name = mentions_in(&mentions, &sentence.range).iter().any(|m| {
                m.kind == FormKind::Organisation && m.start <= trigger.start && trigger.end <= m.end
            });
            if inside_name {
                continue;
            }
            // "chairing a high-level meeting to map out projects linking … China": a meeting one
            // official chairs is his own side's, unless it is held with someone.
            if rule == "meeting.noun"
                && CHAIRED_BEFORE.is_match(before_trigger)
                && !WITH_OR_BETWEEN.is_match(after_trigger)
            {
                continue;
            }
            // "for talks", "to hold talks" after a visit is the visit's purpose, not another act.
            if kind == Kind::Meeting
                && PURPOSE.is_match(before_trigger)
                && candidates[created_before..]
                    .iter()
                    .any(|c| c.sentence == si)
            {
                continue;
            }
            // "The meeting was marked by …", "the recent visit": a definite noun that names no
            // party beyond those of an act already read.
            let known = |p: &PartyCode| candidates.iter().any(|c| c.parties.contains(p));
            let opening = text[sentence.range.start..trigger.start]
                .split_whitespace()
                .count()
                <= 3;
            // "the first official visit of X to Y" introduces its act; only a bare definite
            // noun refers back.
            // "his meeting with the President" after a visit, or with someone the last act did
            // not name, is a new act; after a meeting with Putin, "his meeting with Putin" is it,
            // and "the meeting with the Indian side" after talks is those talks.
            let met_here =
                counterpart_named(&text[named_from(text, &trigger)..clause.end.max(trigger.end)]);
            let new_counterpart = TRIGGER_NAMES_SIDE.is_match(&text[trigger.clone()])
                && last_created.is_none_or(|l| {
                    let last = &candidates[l];
                    let other_office = match (&last.counterpart, &met_here) {
                        (Some(a), Some(b)) => !same_counterpart(a, b),
                        _ => false,
                    };
                    (last.kind == Kind::Visit && POSSESSIVE_BEFORE.is_match(before_trigger))
                        || other_office
                        || clause_people_named(&people[si], &clause)
                            .iter()
                            .any(|p| !last.people.contains(&p.name))
                });
            // "Tuesday's talks between A and B": a noun that names both its sides is described.
            let described = DESCRIBED.is_match(&text[trigger.end..clause.end.max(trigger.end)])
                || new_counterpart
                || between;
            // "during a meeting at the embassy on 30 September": an indefinite noun introduces.
            // "the forthcoming meeting … between A and B" after their meeting today: another act.
            let upcoming = UPCOMING_BEFORE.is_match(before_trigger)
                && last_created.is_some_and(|l| {
                    candidates[l].status == Status::Held && candidates[l].status_cued
                });
            let indefinite = INDEFINITE_BEFORE.is_match(before_trigger) || upcoming;
            // "said that talks could help": "that" before a plural is a conjunction.
            let that_plural = text[trigger.clone()].ends_with('s')
                && last_word(before_trigger).eq_ignore_ascii_case("that");
            let definite = ANAPHOR.is_match(before_trigger)
                && !indefinite
                && !that_plural
                && !VERB_TRIGGER.is_match(&text[trigger.clone()])
                && !described
                && matches!(
                    kind,
                    Kind::Meeting
                        | Kind::Dialogue
                        | Kind::Visit
                        | Kind::CourtesyCall
                        | Kind::PhoneCall
                )
                && !rule.starts_with("dialogue.round")
                && !rule.starts_with("dialogue.held")
                // "the 12th ASEAN Regional Forum", "The sixth Pakistan-China Strategic
                // Dialogue": a numbered forum of those it names is named, not referred back to.
                && !(rule.starts_with("dialogue.ordinal")
                    && mentions_in(&mentions, &trigger).iter().any(|m| m.party.is_some()));
            // "the meeting" after a visit is the meeting held during it, a new act.
            // "During their talks, the two ministers agreed …" after the visit: the talks held
            // on it, the first the article tells.
            // "On the visit of the Army Chief to Kabul, the two sides discussed …": the talks of
            // a visit told in the same sentence.
            let sides_talked = rule == "meeting.sides";
            // "Munir met Trump at the White House … followed by a visit to the Oval Office …
            // Rubio was present during the meeting": the meeting told before the visit.
            // (One the sentence dates, "The talks are set to begin on Friday", may be the visit's.)
            let dated = || {
                dates
                    .iter()
                    .any(|d| d.start >= sentence.range.start && d.end <= sentence.range.end)
            };
            let meeting_before_visit = last_created
                .filter(|&l| {
                    definite
                        && kind == Kind::Meeting
                        && candidates[l].kind == Kind::Visit
                        && !dated()
                })
                .and_then(|l| {
                    candidates[..l].iter().rposition(|c| {
                        c.kind == Kind::Meeting
                            && !c.past_occurrence
                            && c.parties == candidates[l].parties
                    })
                });
            let after_visit = kind == Kind::Meeting
                && meeting_before_visit.is_none()
                && (last_created.is_some_and(|l| candidates[l].kind == Kind::Visit)
                    || (sides_talked
                        && candidates[created_before..]
                            .iter()
                            .any(|c| c.kind == Kind::Visit)));
            // "holding accountable those who seek to provide the regime with the funding":
            // whoever might give aid, no one who did.
            if kind == Kind::Assistance && GENERIC_AGENT_BEFORE.is_match(before_trigger) {
                continue;
            }
            // "said that talks could also help yield an agreement": talks in general, none held.
            if rule == "meeting.noun"
                && !definite
                && GENERIC_MODAL_AFTER.is_match(&text[trigger.end..clause.end.max(trigger.end)])
            {
                continue;
            }
            // Elsewhere "the two sides discussed" tells of talks already read.
            if sides_talked && !after_visit {
                continue;
            }
            let talks_of_both = kind == Kind::Meeting
                && (TALKS_OF_BOTH.is_match(before_trigger) || sides_talked)
                && !candidates.iter().any(|c| c.kind == Kind::Meeting);
            let talks_of_visit = after_visit && talks_of_both;
            // "The Prime Minister of Pakistan and the President of Uzbekistan, during the
            // bilateral meeting …": the clause names both sides of the visit.
            let both_sides_named = last_created.is_some_and(|l| {
                let visit = &candidates[l].parties;
                clause_parties.iter().all(|p| visit.contains(&p.0))
                    && clause_parties
                        .iter()
                        .any(|p| clause_parties.iter().any(|q| q.0 != p.0))
            });
            let meeting_in_visit = after_visit
                && (talks_of_visit
                    || both_sides_named
                    || !clause_people_named(&people[si], &clause).is_empty());
            // "in their meeting the two leaders underscored …", told with no visit: the talks
            // of the article's two sides.
            let talks_of_pair =
                !after_visit && talks_of_both && TWO_SIDES.is_match(&text[clause.clone()]);
            if definite
                && !meeting_in_visit
                && !talks_of_pair
                && (opening || clause_parties.iter().all(|p| known(&p.0)))
            {
                // An act already read, or one the article never reported ("The meeting was
                // chaired by the minister"): either way not a new act.
                // "the tour, which was held from 2 to 11 September": a back-reference to an act
                // of its own kind may date it.
                if let Some(target) = meeting_before_visit.or(last_created) {
                    let date = (candidates[target].kind == kind)
                        .then(|| {
                            nearest_date(
                                text,
                                &dates,
                                &clause,
                                &sentence.range,
                                trigger.start,
                                trigger.end,
                                &[],
                                false,
                            )
                        })
                        .flatten();
                    // "the talks held under the mediation of Qatar": the mediators of that act.
                    if candidates[target].kind == kind {
                        candidates[target]
                            .mediators
                            .extend(mediators.iter().copied());
                    }
                    anaphora.push((si, target, date));
                }
                continue;
            }
            // "visited the Embassy of Iran" in one's own capital: a call at a mission, not a
            // visit to the state (the talks held there are their own act).
            if kind == Kind::Visit && MISSION_AFTER.is_match(&text[trigger.end..clause.end]) {
                continue;
            }
            // "told a cabinet meeting": a meeting at home; "met Ghanaian traders", "met the
            // victims": people, not officials of a state.
            if kind == Kind::Meeting
                && (DOMESTIC_BEFORE.is_match(before_trigger)
                    || PASSIVE_MET.is_match(
                        &text[snap(text, trigger.start.saturating_sub(24))
                            ..snap(text, (trigger.end + 12).min(clause.end.max(trigger.end)))],
                    )
                    || NOT_OFFICIALS_AFTER
                        .is_match(&text[trigger.end..clause.end.max(trigger.end)]))
            {
                continue;
            }
            // "continue harnessing the Joint Technical Working Group", "under the Joint
            // Commission": the body as an instrument, not a meeting of it; "the Third Plenary
            // Session of the Central Committee of the Communist Party": a domestic forum.
            let wide_before = &text[sentence
                .range
                .start
                .max(clause.start)
                .max(snap(text, trigger.start.saturating_sub(100)))
                ..trigger.start];
            // "a new round of joint survey": a round of no forum.
            let round_of_nothing = rule == "dialogue.round"
                && !ROUND_OF.is_match(&text[trigger.start..clause.end.max(trigger.start)]);
            if kind == Kind::Dialogue
                && (INSTRUMENT_BEFORE.is_match(wide_before)
                    || round_of_nothing
                    || DOMESTIC_FORUM.is_match(
                        &text[trigger.start..snap(text, (trigger.end + 80).min(clause.end))],
                    ))
            {
                continue;
            }
            // "meeting the aspirations of the people": the verb, not the noun.
            if rule == "meeting.noun" && GERUND_OBJECT.is_match(&text[trigger.end..clause.end]) {
                continue;
            }
            // "an exchange of high-level visits", "signed numerous agreements": no one act;
            // "a tour of England's women's cricket team", "the visit of the U-21 side", "his visit
            // to the tennis final" are sport; "an agreement on training
            // cooperation" is the agreement's subject; "the support provided by the hosts for the
            // ship" names no aid.
            if GENERIC.is_match(before_trigger)
                || (GENERIC_INSIDE.is_match(&text[trigger.clone()])
                    && !(kind == Kind::Agreement
                        && SIGNING_OF_SOME.is_match(&text[trigger.clone()])))
                || in_domain_list(text, &clause, &trigger)
                || (kind != Kind::Agreement && about_agreement(before_trigger))
                || (kind == Kind::Assistance
                    && PASSIVE_HANDOVER.is_match(&text[trigger.clone()])
                    && !AID_BEFORE.is_match(before_trigger))
                || (matches!(kind, Kind::Visit | Kind::Meeting)
                    && SPORT.is_match(&text[clause.clone()]))
                || (kind == Kind::Visit
                    && (PRIVATE_VISITOR_BEFORE.is_match(before_trigger)
                        || FIRM_SITE_AFTER
                            .is_match(&text[trigger.end..clause.end.max(trigger.end)])))
            {
                continue;
            }
            // "Prior to the president's visit, the two sides will hold …": no new visit.
            if kind == Kind::Visit
                && TIME_ANCHOR_BEFORE.is_match(before_trigger)
                && candidates.iter().any(|c| c.kind == Kind::Visit)
            {
                continue;
            }
            // "On the sidelines of the Airshow, the commander called on the Air Chief": the
            // occasion of the act the sentence reports, not a meeting of its own.
            let occasion = rule == "meeting.met"
                && text[trigger.clone()]
                    .get(.."on the sidelines".len())
                    .is_some_and(|p| p.eq_ignore_ascii_case("on the sidelines"));
            if occasion && sentence_triggers.iter().any(|(_, _, r)| *r != trigger) {
                continue;
            }
            // "spoke with his Israeli counterpart": a call, unless the sentence tells of a
            // meeting or visit the talk was part of.
            if rule == "phone.counterpart"
                && sentence_triggers
                    .iter()
                    .any(|(k, _, _)| matches!(k, Kind::Meeting | Kind::Visit))
            {
                continue;
            }
            // "briefs diplomats on June strikes": a briefing is a meeting with the states it
            // names after itself, not with whoever hosts the diplomats.
            if rule == "meeting.briefed"
                && !mentions_in(&mentions, &(trigger.end..clause.end.max(trigger.end)))
                    .iter()
                    .any(|m| m.party.is_some() && m.kind != FormKind::NotAParty)
            {
                continue;
            }
            // "talking to APP", "talking to PTV news channel": an interview, not a meeting.
            if rule == "meeting.talking_to"
                && MEDIA_NAMED
                    .is_match(&text[trigger.end.saturating_sub(1)..clause.end.max(trigger.end)])
            {
                continue;
            }
            // "on the summit’s eve", "the visit's agenda": an act already told, named only to
            // place something else.
            if before_trigger.ends_with("the ")
                && (text[trigger.end..].starts_with("’s ")
                    || text[trigger.end..].starts_with("'s "))
            {
                continue;
            }
            // "would address the session of the General Assembly": a session of an
            // organisation's forum, not of a conclave or an assembly at home.
            // ("an extraordinary session of OIC Foreign Ministers" likewise.)
            // The organisation is a side of its session.
            if matches!(rule, "dialogue.address" | "dialogue.session_of") {
                let forum = mentions_in(
                    &mentions,
                    &(trigger.end..snap(text, (trigger.end + 60).min(clause.end))),
                )
                .iter()
                .find(|m| m.kind == FormKind::Organisation);
                let Some(forum) = forum else { continue };
                add_side(&mut clause_parties, forum);
            }
            // "ready to hold talks provided …": a conditional offer is not an act.
            if CONDITIONAL.is_match(&text[clause.clone()]) {
                continue;
            }
            // "It last met in May, 2011": the forum met before; a dialogue of the last forum named.
            let mut kind = kind;
            let mut inherited_mechanism = None;
            let past_occurrence =
                past_occurrence(&text[clause.clone()], trigger.end - clause.start, kind);
            if rule.starts_with("dialogue.held") {
                inherited_mechanism = candidates
                    .iter()
                    .rev()
                    .find(|c| c.kind == Kind::Dialogue)
                    .and_then(|c| c.mechanism.clone());
            }
            if kind == Kind::Meeting
                && PRONOUN_SUBJECT.is_match(s_text)
                && !EXPLETIVE_IT.is_match(s_text)
            {
                if let Some(forum) = candidates.iter().rev().find(|c| c.kind == Kind::Dialogue) {
                    kind = Kind::Dialogue;
                    inherited_mechanism = forum.mechanism.clone();
                } else {
                    continue;
                }
            }
            // "a Nato summit", "the SCO's annual summit": an organisation's summit is a meeting
            // of its recurring forum.
            // The organisation is a side of its summit, even where "at the" places it.
            if kind == Kind::Meeting
                && text[trigger.clone()].eq_ignore_ascii_case("summit")
                && let Some(org) = mentions_in(&mentions, &(sentence.range.start..trigger.start))
                    .last()
                    .filter(|m| {
                        m.kind == FormKind::Organisation
                            && ORG_SUMMIT_GAP.is_match(&text[m.end..trigger.start])
                    })
            {
                kind = Kind::Dialogue;
                if org.start >= clause.start {
                    add_side(&mut clause_parties, org);
                }
            }
            // The visitor named after "the visit of": on the visiting side, not a host.
            let mut visitor_party: Option<PartyCode> = None;
            let mut parties: Vec<(PartyCode, Range<usize>)> = if kind == Kind::Visit {
                // The visitor's side is named before the visit, the host after it; other states
                // in the clause are what was talked about.
                // "since the ceasefire with India, the President visited …": a state after
                // "with" is not the visitor.
                let mut v: Vec<_> = clause_parties
                    .iter()
                    .filter(|p| p.1.start < trigger.start)
                    .filter(|p| {
                        !WITH_BEFORE
                            .is_match(&text[snap(text, p.1.start.saturating_sub(12))..p.1.start])
                    })
                    .cloned()
                    .collect();
                // "the visit of Turkish President Erdogan to Pakistan": the visitor follows "of".
                let visit_of = VISIT_OF.is_match(&text[trigger.end..clause.end.max(trigger.end)]);
                let visitor = clause_parties
                    .iter()
                    .find(|p| p.1.start >= trigger.end)
                    .cloned();
                // "to Pakistan" then comes after the visitor's name.
                let after = match (&visitor, visit_of) {
                    (Some(p), true) => p.1.end,
                    _ => trigger.end,
                };
                if visit_of {
                    // "Chinese drills around Taiwan triggered by the visit of a US official":
                    // before "the visit of", only the state nearest it may be the host.
                    if visitor.is_some() && v.len() > 1 {
                        v.drain(..v.len() - 1);
                    }
                    visitor_party = visitor.as_ref().map(|p| p.0);
                    v.extend(visitor.clone());
                }
                let mut hosts = visit_hosts(text, &mentions, &clause, &(trigger.start..after));
                // "his Quetta visit": the place named right before the noun is the host.
                hosts.extend(place_just_before(&mentions, &trigger));
                // "arrived in New York to lead the delegation at the UN General Assembly": a
                // trip to the city of an organisation's seat for its session visits it.
                if let [(host, place)] = hosts.as_mut_slice()
                    && mentions_in(&mentions, place)
                        .iter()
                        .all(|m| m.kind == FormKind::Place)
                    && let Some(body) =
                        mentions_in(&mentions, &(place.end..clause.end.max(place.end)))
                            .iter()
                            .find(|m| {
                                m.kind == FormKind::Organisation
                                    && m.party.is_some_and(|p| p.as_str() == "UN")
                            })
                {
                    *host = body.party.unwrap_or(*host);
                    *place = body.start..body.end;
                }
                // "the Prime Minister's visit to Quetta": a trip to a city of one's own state
                // (the newsroom's, or of the only side named) is domestic.
                let domestic = v.iter().all(|p| hosts.iter().any(|h| h.0 == p.0))
                    && !hosts.is_empty()
                    && hosts.iter().all(|(party, r)| {
                        home.is_none_or(|h| h == *party)
                            && mentions_in(&mentions, r)
                                .iter()
                                .all(|m| m.kind == FormKind::Place)
                    });
                // "Thousands of pilgrims visit the shrine": private travellers are no party.
                // "a visit by foreign diplomats": envoys of many states, none of them named.
                if domestic
                    || PRIVATE_VISITORS
                        .is_match(&text[clause.start..trigger.start.max(clause.start)])
                    || UNNAMED_ENVOYS_BEFORE
                        .is_match(&text[clause.start..trigger.start.max(clause.start)])
                    || UNNAMED_ENVOYS_AFTER
                        .is_match(&text[trigger.end..clause.end.max(trigger.end)])
                {
                    continue;
                }
                if hosts.is_empty() {
                    v.extend(host_before(text, &mentions, &clause, &trigger));
                }
                if hosts.is_empty() && v.len() < 2 {
                    hosts.extend(inviter_after(text, &mentions, &clause, &trigger));
                }
                // "arrived in Parliament": an arrival is a visit only to a place of a state;
                // "visited the area", "will visit other countries" name no host.
                // "COAS visits the Counter Terrorism Centre": the verb's object is no place
                // abroad; "official visits to …" is the noun.
                let visited_no_place = VISIT_VERB.is_match(&text[trigger.clone()])
                    && !VISIT_NOUN_BEFORE.is_match(before_trigger)
                    && !mentions_in(&mentions, &(trigger.end..clause.end.max(trigger.end)))
                        .iter()
                        .any(|m| matches!(m.kind, FormKind::Place | FormKind::Capital));
                if hosts.is_empty()
                    && (ARRIVAL.is_match(&text[trigger.clone()])
                        || visited_no_place
                        || PLACE_VISITED.is_match(&text[trigger.end..clause.end.max(trigger.end)]))
                {
                    continue;
                }
                // "the docking of Indian warship 'Mumbai' which is on a three-day visit to Sri
                // Lanka": the visitor is what the relative pronoun stands for, just before it.
                if v.is_empty()
                    && !hosts.is_empty()
                    && RELATIVE_OPENING
                        .is_match(&text[clause.start..trigger.start.max(clause.start)])
                    && let Some(antecedent) = acting[si]
                        .iter()
                        .rfind(|p| p.1.end <= clause.start && clause.start - p.1.end <= 40)
                {
                    v.push(antecedent.clone());
                }
                v.extend(hosts);
                if v.is_empty() {
                    v = sentence_parties.clone();
                }
                v
            } else if let Some(listed) = involving_list(text, &mentions, &clause, &trigger) {
                // "exercises involving Russia, China and Iran": the list names the sides.
                listed
            } else if let Some(pair) = hyphen_pair_before(text, &mentions, &clause, &trigger) {
                // "joint Russian-Belarusian military exercises": the pair names the sides.
                pair
            } else if clause_parties.is_empty() {
                sentence_parties.clone()
            } else {
                // The other side comes from the article (stated pairs, the dateline), not from
                // a neighbouring clause about something else; and states named after "discussed"
                // or "matters of" are what was talked about, not who talked.
                let topics_from = DISCUSSION
                    .find(&text[trigger.end..clause.end.max(trigger.end)])
                    .map_or(usize::MAX, |m| trigger.end + m.start());
                clause_parties
                    .iter()
                    .filter(|p| p.1.start < topics_from)
                    .cloned()
                    .collect()
            };
            // "The UN voiced concern over the collapse of talks between Pakistan and
            // Afghanistan": the two after "between" are the sides, not the one speaking; so
            // for "hailed the signing of a ceasefire deal between A and B".
            let agreement_between = kind == Kind::Agreement
                && text[trigger.end..clause.end.max(trigger.end)]
                    .trim_start()
                    .starts_with("between ");
            if between || agreement_between {
                let after: Vec<(PartyCode, Range<usize>)> = parties
                    .iter()
                    .filter(|p| p.1.start >= trigger.end)
                    .cloned()
                    .collect();
                // "a ceasefire deal between the Israeli government and the Palestinian group
                // Hamas": one state and a group is no agreement between states.
                if agreement_between && after.len() == 1 {
                    continue;
                }
                // "a meeting between National Security Adviser A and Foreign Minister B", two
                // officials of one state: a meeting at home.
                let met: Vec<Option<PartyCode>> = people[si]
                    .iter()
                    .filter(|p| p.range.start >= trigger.end && p.range.end <= clause.end)
                    .map(|p| p.party)
                    .collect();
                if between
                    && met.len() >= 2
                    && let Some(Some(home_side)) = met.first()
                    && met.iter().all(|p| *p == Some(*home_side))
                    && after.iter().all(|p| p.0 == *home_side)
                {
                    continue;
                }
                if after.len() >= 2 {
                    parties = after;
                }
            }
            // "Blinken arrived in Oslo after meeting the leaders of A and B", "… said before
            // meeting with Prime Minister B": the one who met is the main clause's subject, and
            // met each of them.
            // ("after meeting between A and B" names both sides itself).
            let gerund_meeting = matches!(rule, "meeting.noun" | "meeting.met")
                && !text[trigger.clone()].ends_with("between")
                && GERUND_CLAUSE.is_match(&text[clause.start..trigger.start.max(clause.start)]);
            if gerund_meeting {
                for p in acting[si].iter().filter(|p| p.1.end <= clause.start) {
                    if !parties.iter().any(|q| q.0 == p.0) {
                        parties.push(p.clone());
                    }
                }
            }
            for p in people[si]
                .iter()
                .filter(|p| p.range.start >= clause.start && p.range.end <= clause.end)
            {
                if let Some(party) = p.party {
                    parties.push((party, p.range.clone()));
                }
            }
            // "at the 12th ASEAN Regional Forum": the organisation the forum's own name holds is
            // a side of its meeting, though "at the" would make it a venue.
            if kind == Kind::Dialogue {
                for m in mentions_in(&mentions, &trigger) {
                    if let (FormKind::Organisation, Some(party)) = (m.kind, m.party)
                        && !parties.iter().any(|p| p.0 == party)
                    {
                        parties.push((party, m.start..m.end));
                    }
                }
            }
            // "offered a credit line to Ghana": aid goes to a state, which is a party.
            // "… for Lebanon's armed forces, as the country seeks to implement a ceasefire
            // between A and B": states named after the recipients are not sides of the aid.
            if kind == Kind::Assistance
                && let Some(recipient) = recipient_after(text, &mentions, &clause, &trigger)
            {
                parties.sort_by_key(|p| p.1.start);
                let mut last = recipient.1.clone();
                parties.retain(|p| {
                    if p.1.start <= recipient.1.start {
                        return true;
                    }
                    let listed = last.end <= p.1.start
                        && matches!(text[last.end..p.1.start].trim(), "," | "and" | ", and");
                    if listed {
                        last = p.1.clone();
                    }
                    listed
                });
                parties.push(recipient);
            }
            // "commissioned at a shipyard in China": the state that built the ship is a side.
            if rule.starts_with("assist.ship") {
                parties.extend(builder_after(text, &mentions, &clause, &trigger));
            }
            let mut codes: Vec<PartyCode> = parties.iter().map(|p| p.0).collect();
            codes.sort();
            codes.dedup();
            // A bare "meeting" or "talks" says too little to complete its parties from elsewhere,
            // unless it is the meeting of a visit just told, with a named counterpart ("Xi
            // Jinping during the meeting that lasted three hours").
            // "… is hosting talks. The talks were to be attended by …": the next sentence
            // names who meets (read last: most acts never ask).
            let attendees_follow = || {
                sentences
                    .get(si + 1)
                    .is_some_and(|next| ATTENDED_BY.is_match(&text[next.range.clone()]))
            };
            if rule == "meeting.noun"
                && codes.len() < 2
                && mediators.is_empty()
                && !meeting_in_visit
                && !talks_of_pair
                && !attendees_follow()
            {
                continue;
            }
            // "the Secretary General of a body outside the list arrived for a visit": the
            // visitor's side is that body, which no code names; a state near it is not its side.
            if codes.len() < 2
                && BODY_HEAD.is_match(&text[clause.start..trigger.start.max(clause.start)])
                && !mentions_in(&mentions, &clause)
                    .iter()
                    .any(|m| m.kind == FormKind::Organisation)
            {
                continue;
            }
            // "met with a prominent American investor": the one met is a firm's man or a trade
            // body, which no code names; a state from the dateline or the article is no side.
            // "arrived in New York to meet American investors": so is a state named only there.
            let from = named_from(text, &trigger);
            let named_after: Vec<&Mention> = mentions_in(&mentions, &(from..clause.end.max(from)))
                .iter()
                .filter(|m| m.party.is_some() && m.kind != FormKind::NotAParty)
                .collect();
            let non_state = |m: &&Mention| {
                m.start <= from + 40
                    && matches!(
                        m.kind,
                        FormKind::StateName | FormKind::Capital | FormKind::Demonym
                    )
                    && NON_STATE_AFTER.is_match(&text[m.end..clause.end.max(m.end)])
            };
            let only_non_state_after = kind == Kind::Meeting
                && !named_after.is_empty()
                && named_after
                    .iter()
                    .all(|m| non_state(m) && m.party == named_after[0].party);
            if (codes.len() < 2 && named_after.iter().any(non_state)) || only_non_state_after {
                continue;
            }
            // "will hold bilateral meetings with the participating dignitaries": no side named,
            // and none to take from the acts around it.
            if kind == Kind::Meeting
                && codes.len() < 2
                && UNNAMED_COUNTERPARTS.is_match(&text[trigger.end..clause.end.max(trigger.end)])
            {
                continue;
            }
            // Fewer than two parties stated: filled in after the whole article is read.
            // "negotiations with bondholders and official creditors have been progressing well,
            // with agreements expected to be signed soon": a deal with private parties that
            // names no state is none between states.
            if kind == Kind::Agreement
                && codes.is_empty()
                && PRIVATE_COUNTERPARTS.is_match(&text[sentence.range.clone()])
            {
                continue;
            }
            let inferred = codes.len() < 2;
            let clause_text = &text[clause.clone()];
            let under_way = UNDER_WAY.is_match(&text[clause.start..trigger.end.max(clause.start)]);
            let (status, status_cued) = status_of(
                clause_text,
                &text[sentence.range.clone()],
                sentence.heading,
                kind,
                &text[trigger.clone()],
                before_trigger,
                &text[clause.start..trigger.start.max(clause.start)],
                under_way,
            );
            let other_clauses: Vec<Range<usize>> = sentence_triggers
                .iter()
                .filter(|(_, _, r)| *r != trigger)
                .map(|(_, _, r)| clauses[si].at(r.start))
                .filter(|c| *c != clause)
                .collect();
            let date = nearest_date(
                text,
                &dates,
                &clause,
                &sentence.range,
                trigger.start,
                trigger.end,
                &other_clauses,
                matches!(status, Status::Planned | Status::Proposed),
            )
            .or_else(|| {
                // "A said on Friday before meeting B": the day of the main clause, though it
                // dates a saying, is the meeting's too.
                gerund_meeting
                    .then(|| {
                        dates
                            .iter()
                            .rfind(|d| d.start >= sentence.range.start && d.end <= clause.start)
                            .cloned()
                    })
                    .flatten()
            })
            .or_else(|| {
                // "The Kremlin said Friday that Putin had a phone call with Xi": an act done
                // and undated, in a report dated to the day, was done by that day: its week.
                (status == Status::Held)
                    .then(|| {
                        dates
                            .iter()
                            .filter(|d| {
                                d.start >= sentence.range.start && d.end <= sentence.range.end
                            })
                            .filter(|d| d.precision == Precision::Day && d.end_value.is_none())
                            .find(|d| day_of_report(text, &sentence.range, d))
                            .and_then(dates::week_up_to)
                    })
                    .flatten()
            })
            .map(|d| {
                // "PM to visit Uzbekistan on Tuesday": a headline's act to come is on the
                // weekday ahead.
                if sentence.heading && status == Status::Planned && status_cued {
                    weekday_ahead(d, article.published)
                } else {
                    d
                }
            });
            let round = if kind == Kind::Dialogue {
                round_of(text, &clause, &trigger)
            } else {
                None
            };
            let mechanism = if kind == Kind::Dialogue {
                inherited_mechanism
                    .or_else(|| mechanism_of(lex, text, &clause, &trigger, &mentions))
            } else {
                None
            };
            let location = location_of(
                text,
                &mentions,
                &clause,
                &sentence.range,
                trigger.start,
                dl,
                kind == Kind::Visit,
            )
            .or_else(|| {
                location_of(
                    text,
                    &mentions,
                    &sentence.range,
                    &sentence.range,
                    trigger.start,
                    dl,
                    kind == Kind::Visit,
                )
            });
            let title = (kind == Kind::Agreement)
                .then(|| agreement_title(clause_text))
                .flatten();
            // "The CNS called on the commanders of Qatar, Thailand and Oman": one call per host.
            let mut hosts: Vec<PartyCode> = parties
                .iter()
                .filter(|p| p.1.start >= trigger.end)
                .map(|p| p.0)
                .filter(|p| Some(*p) != visitor_party)
                .collect();
            hosts.sort();
            hosts.dedup();
            // "the US President's visit to India …, he hoped the US President would …": the
            // visitor named before the visit is not one of its hosts when named again after it
            // (unless it is the only state named after it: "the Syria envoy's trip to Damascus").
            let named_before = |h: &PartyCode| {
                parties
                    .iter()
                    .any(|p| p.0 == *h && p.1.end <= trigger.start)
            };
            if kind == Kind::Visit && hosts.iter().any(|h| !named_before(h)) {
                hosts.retain(|h| !named_before(h));
            }
            // "In separate calls with leaders from China, UK and Iran, the premier drew
            // attention to the measures taken by New Delhi": the calls are with the list.
            // The side who called is the subject after the list, when none comes before it.
            let mut list_subject = None;
            if kind == Kind::PhoneCall && SEPARATE.is_match(&text[trigger.clone()]) {
                let mut after: Vec<&(PartyCode, Range<usize>)> = parties
                    .iter()
                    .filter(|p| p.1.start >= trigger.end)
                    .collect();
                after.sort_by_key(|p| p.1.start);
                let mut listed: Vec<PartyCode> = Vec::new();
                let mut last_end = None;
                for (party, range) in after {
                    if let Some(end) = last_end {
                        // The same words read as two parties ("US Chargé"): one place in the list.
                        if range.start < end {
                            listed.push(*party);
                            continue;
                        }
                        let gap = text[end..range.start].trim();
                        if !matches!(gap, "," | "and" | ", and" | "&") {
                            list_subject = Some(*party);
                            break;
                        }
                    }
                    listed.push(*party);
                    last_end = Some(range.end);
                }
                hosts.retain(|h| listed.contains(h));
            }
            let mut callers: Vec<PartyCode> = parties
                .iter()
                .filter(|p| p.1.start < trigger.start || Some(p.0) == visitor_party)
                .map(|p| p.0)
                .filter(|p| !hosts.contains(p))
                .collect();
            if callers.is_empty() {
                callers.extend(list_subject);
            }
            // One act per counterpart: a call on several hosts, a visit to several countries,
            // "separate meetings with" several delegations; or several callers on the dateline's
            // own side ("Nigerian minister, Bahrain's commander call on Air Chief"; "the envoys of
            // A, B and C … held separate meetings with the President").
            // "the premier met the UAE President, the Sri Lankan President and …": one meeting each.
            // "On the sidelines of the summit, the premier met A, B and C": the verb may lie
            // beside a stronger trigger of the same clause.
            let separate = kind == Kind::PhoneCall && SEPARATE.is_match(&text[trigger.clone()])
                || kind == Kind::Meeting
                    && (gerund_meeting
                        || semicolon_list
                        || SEPARATE.is_match(&text[clause.clone()])
                        || MET_VERB.is_match(&text[trigger.clone()])
                        || MET_WORD.is_match(&text[trigger.start..clause.end.max(trigger.end)]));
            let with = |g: &[PartyCode], h: PartyCode| {
                let mut g = g.to_vec();
                g.push(h);
                g.sort();
                g.dedup();
                g
            };
            let groups: Vec<Vec<PartyCode>> = if (matches!(kind, Kind::CourtesyCall | Kind::Visit)
                || separate)
                && hosts.len() >= 2
            {
                hosts.iter().map(|h| with(&callers, *h)).collect()
            } else if kind == Kind::Visit
                && hosts.len() == 1
                && callers.len() >= 2
                && !callers.iter().any(PartyCode::is_organisation)
            {
                // "Zelensky and Rubio arrived in Saudi Arabia": each state visits the host;
                // "delegates of the SCO states visited Pakistan" is one trip to a forum. A state
                // named far before ("a stable Afghanistan, as it wanted … and for that purpose
                // Imran Khan visited Uzbekistan") is what was said, not a traveller.
                let mut named: Vec<&(PartyCode, Range<usize>)> = parties
                    .iter()
                    .filter(|p| {
                        callers.contains(&p.0)
                            && p.1.start >= clause.start
                            && p.1.end <= trigger.start
                    })
                    .collect();
                named.sort_by_key(|p| std::cmp::Reverse(p.1.start));
                // The travellers: the list that ends close before the verb ("the delegations
                // of Indonesia, Azerbaijan, Libya and Mozambique … arrived").
                let mut travellers: Vec<PartyCode> = visitor_party.into_iter().collect();
                let mut from = trigger.start;
                for (i, (party, range)) in named.into_iter().enumerate() {
                    let gap = &text[range.end.min(from)..from];
                    // A list goes on over a name that is no party or an office ("Libya,
                    // Malasiya and Mozambique", "the Kenyan president and the Ghanaian …").
                    let listed =
                        (gap.contains([',', '&']) || gap.contains(" and ")) && gap.len() <= 40;
                    if !(i == 0 && gap.len() <= 80 || i > 0 && listed) {
                        break;
                    }
                    travellers.push(*party);
                    from = range.start;
                }
                travellers.sort();
                travellers.dedup();
                let travellers = if travellers.is_empty() {
                    &callers
                } else {
                    &travellers
                };
                travellers.iter().map(|c| with(&hosts, *c)).collect()
            } else if (kind == Kind::CourtesyCall
                || separate && SEPARATE.is_match(&text[clause.clone()]))
                && hosts.is_empty()
                && callers.len() >= 2
                && let Some(home) = home.filter(|h| !callers.contains(h))
            {
                callers.iter().map(|c| with(&[home], *c)).collect()
            } else {
                vec![codes]
            };
            let groups_listed = groups.len() >= 2 && on_a_visit(kind);
            let fresh_signing =
                kind == Kind::Agreement && SIGNED_SOME.is_match(&text[trigger.clone()]);
            let batch = (kind == Kind::Assistance)
                .then(|| BATCH.captures(&text[trigger.clone()]))
                .flatten()
                .and_then(|c| ordinal_word(&c[1].to_ascii_lowercase()));
            let clause_people: Vec<String> = people[si]
                .iter()
                .filter(|p| p.range.start >= clause.start && p.range.end <= clause.end)
                .map(|p| p.name.clone())
                .collect();
            // Headlines shorten offices ("Turkish CGS"): they do not tell contacts apart.
            let counterpart =
                (matches!(kind, Kind::Meeting | Kind::CourtesyCall | Kind::PhoneCall)
                    && !between
                    && !sentence.heading
                    && si > 0)
                    .then(|| {
                        counterpart_named(
                            &text[named_from(text, &trigger)..clause.end.max(trigger.end)],
                        )
                    })
                    .flatten();
            // "met President A and Prime Minister B": one act per office met.
            let counterparts =
                if groups.len() == 1 && matches!(kind, Kind::Meeting | Kind::CourtesyCall) {
                    listed_counterparts(text, &people[si], &clause, &trigger, &callers)
                } else {
                    Vec::new()
                };
            // "called on the President, the foreign and defence ministers and the Chief of
            // General Staff": one act per office, when no list of names says it.
            // The list ends where the talks' subjects begin ("and discussed trade, energy …").
            let list_end = DISCUSSION
                .find(&text[trigger.end..clause.end.max(trigger.end)])
                .map_or(clause.end.max(trigger.end), |m| trigger.end + m.start());
            let offices = if counterparts.len() < 2
                && groups.len() == 1
                && !between
                && matches!(kind, Kind::Meeting | Kind::CourtesyCall)
            {
                listed_offices(text, &(named_from(text, &trigger)..list_end))
            } else {
                Vec::new()
            };
            let people_per_act: Vec<ActMet> = if counterparts.len() >= 2 {
                counterparts
                    .into_iter()
                    .map(|name| (vec![name], None))
                    .collect()
            } else if !offices.is_empty() {
                offices
                    .into_iter()
                    .map(|(range, office)| {
                        let named = people[si]
                            .iter()
                            .filter(|p| p.range.start >= range.start && p.range.end <= range.end)
                            .map(|p| p.name.clone())
                            .collect();
                        (named, Some(office))
                    })
                    .collect()
            } else {
                vec![(clause_people.clone(), None)]
            };
            let caller = (kind == Kind::CourtesyCall)
                .then(|| caller_named(&text[clause.start..trigger.start]))
                .flatten();
            // "separate meetings with the Minister of A and the Commander of B": the office read
            // after the trigger is only the first one's.
            let counterpart = counterpart.filter(|_| groups.len() == 1);
            let groups: Vec<(Vec<PartyCode>, ActMet)> = groups
                .into_iter()
                .flat_map(|g| people_per_act.iter().map(move |p| (g.clone(), p.clone())))
                .collect();
            for (group, (act_people, office)) in groups {
                let counterpart = office.or_else(|| counterpart.clone());
                let referred = referred_people(
                    text,
                    &people,
                    si,
                    &clause,
                    &trigger,
                    counterpart.as_deref().filter(|_| {
                        matches!(kind, Kind::Meeting | Kind::CourtesyCall | Kind::PhoneCall)
                    }),
                    &group,
                );
                let party_spans = parties
                    .iter()
                    .filter(|p| group.contains(&p.0))
                    .map(|p| p.1.clone())
                    .collect();
                candidates.push(Candidate {
                    separate: SEPARATE_BEFORE.is_match(before_trigger),
                    later: LATER_BEFORE.is_match(before_trigger),
                    of_visit: talks_of_visit,
                    of_pair: talks_of_pair,
                    listed: groups_listed,
                    fresh_signing,
                    batch,
                    under_way,
                    kind,
                    rule: rule.to_string(),
                    trigger: trigger.clone(),
                    sentence: si,
                    parties_inferred: inferred || group.len() < 2,
                    parties: group,
                    party_spans,
                    status,
                    status_cued,
                    date: date.clone(),
                    round: round.clone(),
                    mechanism: mechanism.clone(),
                    location: location.clone(),
                    title: title.clone(),
                    past_occurrence,
                    people: act_people,
                    counterpart,
                    caller: caller.clone(),
                    referred,
                    mediators: mediators.clone(),
                });
            }
        }
        if candidates.len() > created_before {
            last_created = Some(candidates.len() - 1);
            last_sentence_acts = (created_before..candidates.len()).collect();
            if last_sentence_acts
                .iter()
                .any(|&c| candidates[c].status != candidates[created_before].status)
            {
                last_sentence_acts.truncate(1);
            }
        } else if let Some(last) = last_created {
            let near = sentences[candidates[last].sentence].paragraph + 6 >= sentence.paragraph;
            if near {
                scope[si] = last_sentence_acts.clone();
            }
        }
    }
    fill_parties(&mut candidates, &|| *article_pair, home);
    // The mediators of talks are those of every report of the same talks in the article (the
    // same kind between the same sides).
    let mediated: Vec<(Kind, Vec<PartyCode>, Vec<PartyCode>)> = candidates
        .iter()
        .filter(|c| !c.mediators.is_empty())
        .map(|c| (c.kind, c.parties.clone(), c.mediators.clone()))
        .collect();
    for c in candidates.iter_mut() {
        for (kind, sides, mediators) in &mediated {
            if !c.past_occurrence && c.kind == *kind && c.parties == *sides {
                c.mediators.extend(mediators.iter().copied());
            }
        }
        if !c.mediators.is_empty() {
            c.parties.extend(c.mediators.iter().copied());
            c.parties.sort();
            c.parties.dedup();
        }
    }
    add_listed_participants(text, &sentences, &mentions, &mut candidates);
    let dateline_date = dateline
        .as_ref()
        .and_then(|(_, _, line)| {
            dates
                .iter()
                .find(|d| d.start >= line.start && d.end <= line.end && d.value.is_some())
                .cloned()
        })
        .or_else(|| release_date(text, article.published));
    let lede_date = dates
        .iter()
        .filter(|d| {
            lede.iter().any(|&i| {
                let s = &sentences[i].range;
                d.start >= s.start && d.end <= s.end
            })
        })
        .filter(|d| d.precision == dates::Precision::Day)
        .filter(|d| {
            let day = d
                .value
                .as_deref()
                .and_then(crate::model::DateValue::parse)
                .and_then(|v| v.first_day());
            day.is_some_and(|day| article.published.is_none_or(|p| day <= p))
        })
        .min_by_key(|d| d.start)
        .cloned();
    Some(Analysis {
        lede_date,
        dateline_date,
        sentences,
        people,
        candidates,
        dateline,
        anaphora,
        scope,
    })
}

/// The article's opening sentences (at most three), by index: the first that are neither
/// headings nor bylines and hold more than eight words.
fn lede_sentences(text: &str, sentences: &[Sentence]) -> Vec<usize> {
    sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.heading)
        .filter(|(_, s)| {
            let t = &text[s.range.clone()];
            !t.starts_with("Published")
                && !t.starts_with("Updated")
                // More than eight words: the ninth is enough, the rest need no counting.
                && t.split_whitespace().nth(8).is_some()
        })
        .map(|(i, _)| i)
        .take(3)
        .collect()
}

/// The dates of the sentences `wanted` picks, read run by run: neighbouring sentences are read
/// together, so an expression that straddles their boundary reads as it would in the whole text.
fn dates_in(
    text: &str,
    sentences: &[Sentence],
    published: Option<chrono::NaiveDate>,
    wanted: impl Fn(usize) -> bool,
) -> Vec<DateMention> {
    let mut dates = Vec::new();
    let mut i = 0;
    while i < sentences.len() {
        if !wanted(i) {
            i += 1;
            continue;
        }
        let start = sentences[i].range.start;
        while i + 1 < sentences.len() && wanted(i + 1) {
            i += 1;
        }
        let end = sentences[i].range.end;
        dates.extend(
            dates::find_dates(&text[start..end], published)
                .into_iter()
                .map(|mut d| {
                    d.start += start;
                    d.end += start;
                    d
                }),
        );
        i += 1;
    }
    dates
}

/// Whether the trigger lies in the subject of an agreement named just before it ("an agreement
/// on military training cooperation"); "a deal on Tuesday during a visit" names the time and
/// place of another act instead.
fn about_agreement(before_trigger: &str) -> bool {
    // Words of time and place, and calendar names (below).
    const NOT_SUBJECT: [&str; 19] = [
        "a",
        "an",
        "at",
        "in",
        "during",
        "with",
        "after",
        "before",
        "while",
        "when",
        "by",
        "from",
        "to",
        "and",
        "this",
        "last",
        "next",
        "today",
        "yesterday",
    ];
    AGREEMENT_SUBJECT_BEFORE
        .captures(before_trigger)
        .and_then(|c| c.get(1))
        .is_some_and(|words| {
            words
                .as_str()
                .split_whitespace()
                .all(|w| !NOT_SUBJECT.contains(&w) && !dates::is_calendar_name(w))
        })
}

/// Whether the words after "called on" urge rather than visit: "called on the nation to …",
/// "called on the European Union to be consistent", "called on Trump to remember" (but "called
/// on the minister to discuss …" is a courtesy call). A call's purpose is one of a few verbs;
/// any other verb after "to" is what someone is urged to do.
fn urges(after: &str) -> bool {
    // "… according to the statement" is no appeal.
    let long_appeal = URGE_LONG
        .captures(after)
        .is_some_and(|c| !c[1].trim_end().ends_with("according"));
    if URGING.is_match(after) || long_appeal {
        return true;
    }
    const PURPOSES: [&str; 24] = [
        "discuss",
        "review",
        "exchange",
        "convey",
        "present",
        "explore",
        "seek",
        "brief",
        "deliberate",
        "talk",
        "congratulate",
        "felicitate",
        "bid",
        "pay",
        "hand",
        "deliver",
        "express",
        "extend",
        "thank",
        "offer",
        "invite",
        "share",
        "apprise",
        "condole",
    ];
    const NOT_VERBS: [&str; 10] = [
        "the", "a", "an", "his", "her", "their", "its", "this", "that", "him",
    ];
    URGE_TO
        .captures(after)
        .and_then(|c| c.get(1))
        .is_some_and(|verb| {
            let v = verb.as_str();
            v.starts_with(|c: char| c.is_ascii_lowercase())
                && !NOT_VERBS.contains(&v)
                && !PURPOSES.contains(&v)
        })
}

/// "The participating countries included China, Russia, … and India": a sentence that lists
/// who took part in the forum or meeting just reported names its parties. Members listed for
/// a grouping's own meeting stand for the grouping (TAXONOMY: the Quad ministers are coded as
/// the member states), so its code gives way to them.
fn add_listed_participants(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    candidates: &mut [Candidate],
) {
    // The cheap conditions first: most sentences follow no multilateral forum.
    for (si, sentence) in sentences.iter().enumerate() {
        if candidates.iter().any(|c| c.sentence == si) {
            continue;
        }
        // "The talks were to be attended by A, B and C": the sentence says whose meeting it
        // lists, however few its sides so far.
        let attended = ATTENDED_BY.is_match(&text[sentence.range.clone()]);
        let forum = candidates.iter().rposition(|c| {
            c.sentence < si
                && c.sentence + 3 >= si
                && matches!(c.kind, Kind::Dialogue | Kind::Meeting)
                && (attended
                    || c.parties.len() >= 3
                    || c.parties.iter().any(PartyCode::is_organisation))
        });
        let Some(forum) = forum else { continue };
        let listed: BTreeSet<PartyCode> = mentions_in(mentions, &sentence.range)
            .iter()
            .filter(|m| matches!(m.kind, FormKind::StateName | FormKind::Demonym))
            .filter_map(|m| m.party)
            .collect();
        let enough = if attended { 2 } else { 3 };
        if listed.len() < enough || !PARTICIPATION.is_match(&text[sentence.range.clone()]) {
            continue;
        }
        let before = candidates[forum].parties.clone();
        let kind = candidates[forum].kind;
        let mut after: BTreeSet<PartyCode> = before
            .iter()
            .copied()
            .filter(|p| !p.is_organisation())
            .collect();
        after.extend(listed);
        for c in candidates
            .iter_mut()
            .filter(|c| c.kind == kind && c.parties == before)
        {
            c.parties = after.iter().copied().collect();
        }
    }
}

/// Adds an organisation's mention to the parties acting in a clause (kept in text order), unless
/// its party is there already: the forum whose session or summit the clause reports.
fn add_side(parties: &mut Vec<(PartyCode, Range<usize>)>, forum: &Mention) {
    if let Some(party) = forum.party
        && !parties.iter().any(|p| p.0 == party)
    {
        parties.push((party, forum.start..forum.end));
        parties.sort_by_key(|p| p.1.start);
    }
}

/// The end of a list whose items a clause's semicolons part ("met A; B; and C"), or the
/// clause's own end when no such list follows it. Every item is a short phrase without a verb,
/// and the last begins with "and" or joins its own last two ("met A; B and C").
fn semicolon_list_end(text: &str, sentence: &Range<usize>, clause: &Range<usize>) -> usize {
    let rest = &text[clause.end..sentence.end];
    let Some(items) = rest.strip_prefix(';') else {
        return clause.end;
    };
    let items = items.trim_end_matches(['.', ' ']);
    let parts: Vec<&str> = items.split(';').map(str::trim).collect();
    let last_is_and = parts
        .last()
        .is_some_and(|p| p.starts_with("and ") || p.contains(" and "));
    let noun_phrases = parts.iter().all(|p| {
        p.split(" and ")
            .all(|item| item.split_whitespace().count() <= 14)
            && !LIST_ITEM_VERB.is_match(p)
    });
    if last_is_and && noun_phrases {
        clause.end + 1 + items.len()
    } else {
        clause.end
    }
}

/// The parties listed after "involving" or "among" right after the trigger, when two or more.
fn involving_list(
    text: &str,
    mentions: &[Mention],
    clause: &Range<usize>,
    trigger: &Range<usize>,
) -> Option<Vec<(PartyCode, Range<usize>)>> {
    let after = &text[trigger.end..clause.end.max(trigger.end)];
    let m = INVOLVING.find(after)?;
    let from = trigger.end + m.end();
    let mut listed: Vec<(PartyCode, Range<usize>)> = Vec::new();
    for mention in mentions_in(mentions, &(from..clause.end.max(from))) {
        let Some(party) = mention.party else { continue };
        let gap_start = listed.last().map_or(from, |(_, r)| r.end);
        let gap = text[gap_start..mention.start].trim();
        if !(gap.is_empty() || matches!(gap, "," | "and" | ", and" | "&" | "the")) {
            break;
        }
        listed.push((party, mention.start..mention.end));
    }
    (listed.len() >= 2).then_some(listed)
}

/// A pair of parties joined by a hyphen just before the trigger ("Pak-China joint exercise",
/// "the India-Sri Lanka defence dialogue"), with at most three words between.
fn hyphen_pair_before(
    text: &str,
    mentions: &[Mention],
    clause: &Range<usize>,
    trigger: &Range<usize>,
) -> Option<Vec<(PartyCode, Range<usize>)>> {
    let before: Vec<&Mention> = mentions_in(mentions, &(clause.start..trigger.start))
        .iter()
        .filter(|m| m.party.is_some() && m.kind != FormKind::Place && m.kind != FormKind::NotAParty)
        .collect();
    let [.., a, b] = before.as_slice() else {
        return None;
    };
    let joined = |a: &Mention, b: &Mention| {
        a.end <= b.start && matches!(text[a.end..b.start].trim(), "-" | "–" | "—" | "/")
    };
    let gap = &text[b.end..trigger.start];
    let close = gap.split_whitespace().count() <= 3 && !gap.contains([',', ';', '(', ')']);
    if !(joined(a, b) && close && a.party != b.party) {
        return None;
    }
    // "an Afghanistan-China-Pakistan trilateral meeting": the whole chain.
    let mut first = before.len() - 2;
    while first > 0 && joined(before[first - 1], before[first]) {
        first -= 1;
    }
    Some(
        before[first..]
            .iter()
            .filter_map(|m| Some((m.party?, m.start..m.end)))
            .collect(),
    )
}

/// Whether the trigger is an item of a list of fields of cooperation: "cooperation in
/// training, ship visits and bilateral exercises", "collaboration through joint exercises",
/// "under the framework of the Working Group". Such lists name kinds of work, not acts.
fn in_domain_list(text: &str, clause: &Range<usize>, trigger: &Range<usize>) -> bool {
    // The list's opening words ("cooperation in", "areas of") are rare: a window without them
    // is not searched backwards with the whole pattern, whose states are many and costly.
    static OPENING: LazyLock<NeededWords> = LazyLock::new(|| {
        NeededWords::of_patterns(&[DOMAIN_LIST.as_str()]).expect("the list's words make a scanner")
    });
    let from = clause
        .start
        .max(snap(text, trigger.start.saturating_sub(320)));
    let window = &text[from..trigger.start];
    OPENING.may_match(window)[0] && DOMAIN_LIST.is_match(window)
}

/// The people met or called on, when the clause lists two or more after the trigger joined by
/// "and" or commas ("called on President A, Prime Minister B and Minister C"), none of them on
/// the callers' side; otherwise empty.
fn listed_counterparts(
    text: &str,
    people: &[PersonMention],
    clause: &Range<usize>,
    trigger: &Range<usize>,
    callers: &[PartyCode],
) -> Vec<String> {
    let met: Vec<&PersonMention> = people
        .iter()
        .filter(|p| p.range.start >= trigger.end && p.range.end <= clause.end)
        .collect();
    let listed = met.windows(2).all(|w| {
        let between = &text[w[0].range.end..w[1].range.start];
        LIST_JOIN.is_match(between) && !ENTOURAGE.is_match(between)
    });
    // One side's officials: parties unknown or all the same, none the callers'.
    let one_side = met.iter().all(|p| {
        p.party.is_none_or(|party| {
            !callers.contains(&party) && met.iter().all(|q| q.party.is_none_or(|o| o == party))
        })
    });
    // "called on A and B" may be one call on both; "meetings with A and B", "separately" or a
    // list of three are one act each. "talks between A and B" names the two sides.
    // "called on President A and Prime Minister B": a head of state and a head of government
    // receive a caller each in their own office.
    let office = |p: &&PersonMention, head: &str| {
        p.title.as_deref().is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            t == head || (t.ends_with(&format!(" {head}")) && !t.contains("deputy"))
        })
    };
    let heads = met.iter().any(|p| office(p, "president"))
        && met.iter().any(|p| office(p, "prime minister"));
    let several = met.len() >= 3
        || heads
        || PLURAL_ACT.is_match(&text[trigger.clone()])
        || SEPARATE.is_match(&text[clause.clone()]);
    let between = TRIGGER_NAMES_SIDE
        .find(&text[trigger.clone()])
        .is_some_and(|m| m.as_str().eq_ignore_ascii_case("between"));
    if met.len() < 2 || !listed || !one_side || !several || between {
        return Vec::new();
    }
    let mut names: Vec<String> = met.iter().map(|p| p.name.clone()).collect();
    names.dedup();
    names
}

/// The offices met or called on, when the words after the trigger list three or more of them
/// ("called on the President, the foreign and defence ministers and the Chief of General
/// Staff"), as (byte range, office) per office; otherwise empty. A plural office shared by
/// several items ("foreign and defence ministers", "commanders of the land and air forces") is
/// one office per item; an item that names no office and no plural beside it continues the one
/// before ("the Minister of Trade and Industry").
fn listed_offices(text: &str, list: &Range<usize>) -> Vec<(Range<usize>, String)> {
    let mut items: Vec<Range<usize>> = Vec::new();
    let mut at = list.start;
    for sep in ITEM_SEPARATOR.find_iter(&text[list.clone()]) {
        items.push(at..list.start + sep.start());
        at = list.start + sep.end();
    }
    items.push(at..list.end);
    if let Some(stop) = items
        .iter()
        .position(|r| LIST_STOP.is_match(&text[r.clone()]))
    {
        items.truncate(stop);
    }
    // The list opens on the one met: "the President, …", not "was chaired by …".
    if !items
        .first()
        .is_some_and(|r| LIST_OPENING.is_match(&text[r.clone()]))
    {
        return Vec::new();
    }
    let office = |r: &Range<usize>| OFFICE_IN_ITEM.is_match(&text[r.clone()]);
    let mut offices: Vec<(Range<usize>, String)> = Vec::new();
    // The plural office the items since the last office share ("Ministers of Foreign Affairs,
    // Finance and Trade").
    let mut shared: Option<&str> = None;
    for (i, item) in items.iter().enumerate() {
        let words = text[item.clone()].split_whitespace().count();
        if words == 0 || words > 10 {
            return Vec::new();
        }
        let plural_of = |r: &Range<usize>| {
            let c = PLURAL_OFFICE.captures(&text[r.clone()])?;
            Some(c.get(1).or(c.get(2))?.as_str())
        };
        let name = text[item.clone()].trim();
        // Only a word or three shares an office named beside it: "foreign", "air forces".
        let short = words <= 3;
        if office(item) {
            shared = plural_of(item);
            offices.push((item.clone(), name.to_string()));
        } else if let Some(head) = items.get(i + 1).and_then(plural_of).filter(|_| short) {
            // "foreign" of "foreign and defence ministers".
            offices.push((item.clone(), format!("{name} {head}")));
        } else if let Some(head) = shared.filter(|_| short) {
            // "air forces" of "commanders of the land and air forces".
            offices.push((item.clone(), format!("{head} {name}")));
        } else if let Some(last) = offices.last_mut() {
            last.0.end = item.end;
            last.1 = text[last.0.clone()].trim().to_string();
        } else {
            return Vec::new();
        }
    }
    if offices.len() < 3 {
        return Vec::new();
    }
    offices
}

/// Where the name of the one met starts: after the trigger, or on its last letter when the
/// rule ends on the capital that opens the name ("to meet with M|inister …").
fn named_from(text: &str, trigger: &Range<usize>) -> usize {
    let last = text[trigger.clone()].chars().next_back();
    match last {
        Some(c) if c.is_ascii_uppercase() => trigger.end - 1,
        _ => trigger.end,
    }
}

/// The capitalised words that open `after` ("with the President, Dr. …" → "President"), when
/// they follow "with", "on" or nothing: the office or name of the one met.
fn counterpart_named(after: &str) -> Option<String> {
    let m = COUNTERPART.captures(after)?.get(1)?.as_str().trim();
    if m.is_empty() {
        return None;
    }
    // "with the Indian side": a lone word that is no office only says which side.
    let lone = !m.contains(' ');
    (!lone || OFFICE_WORD.is_match(m)).then(|| m.to_string())
}

/// The first run of capitalised words in `before` ("The Defence Minister of Uganda on Monday"
/// → "Defence Minister of Uganda").
fn caller_named(before: &str) -> Option<String> {
    // The subject opens the clause; a name further on is someone the clause met.
    let m = CALLER.find(before)?;
    (before[..m.start()].split_whitespace().count() <= 1).then(|| m.as_str().to_string())
}

/// Two namings of one counterpart: one's words hold the other's ("Sabry", "Foreign Minister
/// Ali Sabry", "COAS" and "Chief of Army Staff").
pub fn same_counterpart(a: &str, b: &str) -> bool {
    let words = |s: &str| -> BTreeSet<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.len() > 2 && w != "the" && w != "of")
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    // "the UAE president" and "the UAE vice president" are two offices.
    let deputy = |w: &BTreeSet<String>| {
        ["vice", "deputy", "crown", "acting", "assistant", "state"]
            .iter()
            .filter(|q| w.contains(**q))
            .count()
    };
    if deputy(&wa) != deputy(&wb) {
        return false;
    }
    // "COAS" is the "Chief of Army Staff".
    let initials = |s: &str| -> String {
        s.split_whitespace()
            .filter_map(|w| w.chars().next())
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let acronym = |s: &str| s.len() >= 2 && s.chars().all(|c| c.is_ascii_uppercase());
    wa.is_subset(&wb)
        || wb.is_subset(&wa)
        || (acronym(a) && (initials(b).starts_with(a) || wb.contains(&a.to_lowercase())))
        || (acronym(b) && (initials(a).starts_with(b) || wa.contains(&b.to_lowercase())))
}

/// People an act's clause points to without naming them, as (sentence, index) into `people`:
/// an office as the subject or as the one met ("The CNS called on …", "will call on the prime
/// minister") when the article named exactly one holder of it before; "he" or "she" as the
/// subject ("He also met …"): the first person of the nearest sentence before that names one.
/// Only the parties of the act count.
fn referred_people(
    text: &str,
    people: &[Vec<PersonMention>],
    si: usize,
    clause: &Range<usize>,
    trigger: &Range<usize>,
    counterpart: Option<&str>,
    parties: &[PartyCode],
) -> Vec<(usize, usize)> {
    // The act's parties may still be incomplete ("The CNS called on the Commander of the Navy
    // of Oman" names only the host): a person of another party is no one of the act.
    let ours =
        |p: &PersonMention| parties.len() < 2 || p.party.is_none_or(|c| parties.contains(&c));
    let named_in = |range: Range<usize>| {
        people[si]
            .iter()
            .any(|p| p.range.start >= range.start && p.range.end <= range.end)
    };
    // Everyone with a full name and a title named before the trigger.
    let earlier = || {
        people[..=si].iter().enumerate().flat_map(|(s, list)| {
            list.iter()
                .enumerate()
                .filter(|(_, p)| p.range.end <= trigger.start && !p.surname_only)
                .map(move |(i, p)| (s, i, p))
        })
    };
    let holder_of = |office: &str| -> Option<(usize, usize)> {
        let mut found: Option<(usize, usize, &PersonMention)> = None;
        for (s, i, p) in earlier() {
            let holds = p
                .title
                .as_deref()
                .is_some_and(|t| same_counterpart(office, t));
            if !holds || !ours(p) {
                continue;
            }
            match found {
                Some((_, _, q)) if q.name != p.name => return None,
                Some(_) => {}
                None => found = Some((s, i, p)),
            }
        }
        found.map(|(s, i, _)| (s, i))
    };
    let office = |words: &str| {
        words.split_whitespace().any(|w| {
            let mut chars = w.chars();
            let capitalised: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            OFFICE_WORD.is_match(&capitalised)
        })
    };
    let mut out = Vec::new();
    let before = clause.start.min(trigger.start)..trigger.start;
    if !named_in(before.clone()) {
        let subject = &text[before];
        if let Some(m) = OFFICE_SUBJECT.captures(subject).and_then(|c| c.get(1))
            && office(m.as_str())
        {
            out.extend(holder_of(m.as_str()));
        } else if PERSONAL_SUBJECT.is_match(subject) {
            let last = (si.saturating_sub(3)..si).rev().find_map(|s| {
                people[s]
                    .iter()
                    .position(|p| !p.surname_only)
                    .map(|i| (s, i))
            });
            out.extend(last.filter(|&(s, i)| ours(&people[s][i])));
        }
    }
    let after = trigger.end..clause.end.max(trigger.end);
    if let Some(met) = counterpart
        && office(met)
        && !named_in(after)
        && let Some(found) = holder_of(met)
        && !out.contains(&found)
    {
        out.push(found);
    }
    out
}

/// People named inside `clause`.
fn clause_people_named<'p>(
    people: &'p [PersonMention],
    clause: &Range<usize>,
) -> Vec<&'p PersonMention> {
    people
        .iter()
        .filter(|p| p.range.start >= clause.start && p.range.end <= clause.end)
        .collect()
}

/// Completes the parties of acts whose sentence names fewer than two. The other side is, in
/// order: a pair the article states elsewhere for an act, the dateline's state (the host of a
/// news agency's story), or the article's main pair. An act that cannot be completed keeps
/// fewer than two parties and is left out.
fn fill_parties(
    candidates: &mut [Candidate],
    main_pair: &dyn Fn() -> Option<[PartyCode; 2]>,
    home: Option<PartyCode>,
) {
    let mut stated: Vec<([PartyCode; 2], usize)> = Vec::new();
    for c in candidates.iter().filter(|c| c.parties.len() == 2) {
        let pair = [c.parties[0], c.parties[1]];
        match stated.iter_mut().find(|(p, _)| *p == pair) {
            Some((_, n)) => *n += 1,
            None => stated.push((pair, 1)),
        }
    }
    // Most often stated first; ties keep the order of first mention.
    stated.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    // "Exercise X has started at an air base of the Kenyan Air Force … Kenya, Ghana and Togo
    // are participating in the exercise": the sides another report of the same kind names.
    let sides_of_kind: Vec<(Kind, Vec<PartyCode>)> = candidates
        .iter()
        .filter(|c| c.parties.len() >= 2 && matches!(c.kind, Kind::Exercise | Kind::Training))
        .map(|c| (c.kind, c.parties.clone()))
        .collect();
    // Talks and calls last: one during a visit takes the visit's parties once those are
    // complete.
    for meetings in [false, true] {
        let visits = if meetings {
            current_visits(candidates)
        } else {
            Vec::new()
        };
        fill_some(
            candidates,
            meetings,
            &visits,
            &stated,
            &sides_of_kind,
            main_pair,
            home,
        );
    }
}

/// Completes the parties of the meetings (or of all other acts) that name fewer than two.
fn fill_some(
    candidates: &mut [Candidate],
    meetings: bool,
    visits: &[CurrentVisit],
    stated: &[([PartyCode; 2], usize)],
    sides_of_kind: &[(Kind, Vec<PartyCode>)],
    main_pair: &dyn Fn() -> Option<[PartyCode; 2]>,
    home: Option<PartyCode>,
) {
    for c in candidates
        .iter_mut()
        .filter(|c| c.parties.len() < 2 && on_a_visit(c.kind) == meetings)
    {
        // "During the visit, he met the President": talks on a trip are with its host, the
        // trip told last before them.
        // With several trips in the article, only one told just before (two sentences) counts.
        let several = visits
            .iter()
            .any(|v| Some(&v.parties) != visits.first().map(|f| &f.parties));
        let last_visit = visits.iter().rev().find(|v| v.sentence <= c.sentence);
        let during_visit = last_visit
            .filter(|v| !several || c.sentence <= v.sentence + 2)
            .filter(|v| {
                // A dated meeting later on ("his 2018 summit with …") is another occasion.
                on_a_visit(c.kind)
                    && (c.sentence == v.sentence || (c.sentence > v.sentence && c.date.is_none()))
                    && c.parties.iter().all(|p| v.parties.contains(p))
            })
            .map(|v| v.parties.clone());
        // A call on, or visit to, the newsroom's own country often leaves it unsaid.
        let contact = matches!(
            c.kind,
            Kind::CourtesyCall | Kind::Visit | Kind::Meeting | Kind::PhoneCall | Kind::Exercise
        );
        let filled: Option<Vec<PartyCode>> = match c.parties.first().copied() {
            // "a meeting with military commanders" names no state: perhaps a domestic meeting,
            // unless it comes during a visit the article reports; exercises, training and aid name
            // their sides when they are real.
            // "met AVIC's engineers" on a visit is no meeting of states; "his meeting with the
            // President" is.
            None if c.kind == Kind::Meeting => during_visit
                .filter(|_| c.counterpart.is_some() || c.of_visit)
                .or_else(|| {
                    let pair = stated.first().map(|(p, _)| *p).or_else(main_pair);
                    pair.filter(|_| c.of_pair).map(|p| p.to_vec())
                }),
            None if matches!(c.kind, Kind::Exercise | Kind::Training | Kind::Assistance) => None,
            // "He will call on the President": the call of the visitor just announced.
            None if c.kind == Kind::CourtesyCall && during_visit.is_some() => during_visit,
            None => stated
                .iter()
                .find(|(p, _)| home.is_some_and(|h| p.contains(&h)))
                .or(stated.first())
                .map(|(p, _)| p.to_vec()),
            Some(one) => {
                let with_home = home.filter(|h| *h != one && contact).map(|h| vec![one, h]);
                // "During his visit, he is set to meet the UN Secretary-General": the visitor
                // meets whom the meeting names.
                let visitor_meets = || {
                    let v = last_visit?;
                    let visitor = v
                        .parties
                        .iter()
                        .find(|p| Some(**p) != v.host && **p != one)?;
                    ((c.counterpart.is_some() || c.listed)
                        && c.sentence <= v.sentence + 12
                        && c.date.is_none()
                        && !v.parties.contains(&one))
                    .then(|| vec![*visitor, one])
                };
                // A meeting of one named state with someone unnamed may be a domestic meeting:
                // only the newsroom's own state completes it, or a visit it is told on.
                if c.kind == Kind::Meeting {
                    with_home.or(during_visit).or_else(visitor_meets)
                } else {
                    let from_stated = stated
                        .iter()
                        .find(|(p, _)| p.contains(&one))
                        .map(|(p, _)| p.to_vec());
                    let of_kind = sides_of_kind
                        .iter()
                        .find(|(kind, p)| *kind == c.kind && p.contains(&one))
                        .map(|(_, p)| p.clone());
                    with_home
                        .or(during_visit)
                        .or(of_kind)
                        .or(from_stated)
                        .or_else(|| main_pair().filter(|p| p.contains(&one)).map(|p| p.to_vec()))
                }
            }
        };
        if let Some(mut parties) = filled {
            parties.sort();
            c.parties = parties;
        }
    }
}

/// Acts held during a visit that may leave its sides unsaid: talks and calls.
fn on_a_visit(kind: Kind) -> bool {
    matches!(kind, Kind::Meeting | Kind::CourtesyCall)
}

/// A current (not past) visit the article reports.
struct CurrentVisit {
    sentence: usize,
    parties: Vec<PartyCode>,
    /// The state of its place, when known.
    host: Option<PartyCode>,
}

/// The current visits the article reports, in order.
fn current_visits(candidates: &[Candidate]) -> Vec<CurrentVisit> {
    candidates
        .iter()
        .filter(|c| c.kind == Kind::Visit && c.parties.len() >= 2 && !c.past_occurrence)
        .map(|c| CurrentVisit {
            sentence: c.sentence,
            parties: c.parties.clone(),
            host: c.location.as_ref().and_then(|l| l.1),
        })
        .collect()
}

/// Trigger matches of a sentence, at most one per kind and clause, overlaps resolved in rule order.
fn find_triggers<'l>(
    lex: &'l Lexicon,
    text: &str,
    matches: &[(usize, Range<usize>)],
    clauses: &text::Clauses,
) -> Vec<(Kind, &'l str, Range<usize>)> {
    let mut found: Vec<(Kind, &str, Range<usize>)> = Vec::new();
    for (rule, range) in matches {
        let rule = &lex.triggers[*rule];
        let range = range.clone();
        if found
            .iter()
            .any(|(_, _, r)| r.start < range.end && range.start < r.end)
        {
            continue;
        }
        let clause = clauses.at(range.start);
        // "the first round of military-level talks between China and India": the talks are
        // the round itself.
        let talks_of_forum = rule.kind == Kind::Meeting
            && found.iter().any(|(k, _, r)| {
                *k == Kind::Dialogue
                    && clauses.at(r.start) == clause
                    && r.end <= range.start
                    && range.start - r.end <= 60
            });
        if talks_of_forum {
            continue;
        }
        // One act per kind and clause; a bare "meeting" or "talks" beside a stronger kind is
        // that act ("visited Moscow for talks"), but "visited Moscow and met the minister" is two.
        // "During their talks, the two ministers agreed to hold consultations": the talks that
        // open the clause are an occasion of their own.
        let opening = |r: &Range<usize>| {
            let start = clauses.at(r.start).start.min(r.start);
            DURING_OPENING.is_match(&text[start..r.start])
        };
        let bare_meeting = |id: &str, r: &Range<usize>| id == "meeting.noun" && !opening(r);
        let same_act = found.iter().any(|(k, id, r)| {
            clauses.at(r.start) == clause
                && (*k == rule.kind || bare_meeting(&rule.id, &range) || bare_meeting(id, r))
        });
        // "Zelensky, who will skip Friday's summit, on Thursday met Starmer": the verb reports
        // the clause's act; the summit is only mentioned.
        let mentioned_summit = |r: &Range<usize>| text[r.clone()].eq_ignore_ascii_case("summit");
        if same_act && MET_VERB.is_match(&text[range.clone()]) {
            found.retain(|(k, _, r)| {
                !(*k == rule.kind && clauses.at(r.start) == clause && mentioned_summit(r))
            });
        }
        let same_act = found.iter().any(|(k, id, r)| {
            clauses.at(r.start) == clause
                && (*k == rule.kind || bare_meeting(&rule.id, &range) || bare_meeting(id, r))
        });
        if same_act {
            if !bare_meeting(&rule.id, &range) {
                // A stronger kind replaces a bare meeting word found earlier in the same clause.
                found.retain(|(_, id, r)| !(bare_meeting(id, r) && clauses.at(r.start) == clause));
                if found
                    .iter()
                    .any(|(k, _, r)| *k == rule.kind && clauses.at(r.start) == clause)
                {
                    continue;
                }
            } else {
                continue;
            }
        }
        found.push((rule.kind, rule.id.as_str(), range));
    }
    found.sort_by_key(|(_, _, r)| r.start);
    found
}

/// Every trigger match in the body, found rule by rule over the whole body (one pass per rule
/// that can match at all), then handed to the sentences they fall in, in rule order.
fn trigger_matches(
    lex: &Lexicon,
    text: &str,
    body: Range<usize>,
    sentences: &[Sentence],
) -> Vec<Vec<(usize, Range<usize>)>> {
    let mut per_sentence: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); sentences.len()];
    let body_text = &text[body.clone()];
    let sentence_of = |at: usize| sentences.partition_point(|s| s.range.end <= at);
    // Each rule searches only the sentences that hold a word of each of its needs.
    let (hits, everywhere) = lex.trigger_words(body_text);
    let mut found: Vec<(usize, usize, usize)> = hits
        .into_iter()
        .map(|(rule, need, at)| (rule, sentence_of(body.start + at), need))
        .filter(|&(_, s, _)| s < sentences.len())
        .collect();
    found.sort_unstable();
    found.dedup();
    let searches = found
        .chunk_by(|a, b| (a.0, a.1) == (b.0, b.1))
        .filter(|needs| needs.len() == lex.trigger_needs(needs[0].0))
        .map(|needs| (needs[0].0, needs[0].1));
    let everywhere = everywhere.iter().map(|&rule| (rule, 0..body_text.len()));
    let places = searches.map(|(rule, s)| {
        let r = &sentences[s].range;
        (
            rule,
            r.start.max(body.start) - body.start..r.end.min(body.end) - body.start,
        )
    });
    for (i, within) in places.chain(everywhere) {
        for m in lex.triggers[i].find_in(body_text, within) {
            let range = body.start + m.start..body.start + m.end;
            let s = sentence_of(range.start);
            if let Some(sentence) = sentences.get(s)
                && sentence.range.start <= range.start
                && range.end <= sentence.range.end
            {
                per_sentence[s].push((i, range));
            }
        }
    }
    for matches in &mut per_sentence {
        matches.sort_by_key(|(rule, r)| (*rule, r.start));
    }
    per_sentence
}

/// The status of an act: cancellation words in its clause; else the tense of the trigger's
/// own verb ("signed", "visited") unless a modal comes just before it ("will sign", "to visit");
/// else proposal, future and past cues in the clause, then the sentence. `clause_before` is
/// the clause up to the trigger; `under_way` says the trigger is told in the present
/// progressive ("is hosting talks").
#[allow(clippy::too_many_arguments)]
fn status_of(
    clause: &str,
    sentence: &str,
    heading: bool,
    kind: Kind,
    trigger: &str,
    before_trigger: &str,
    clause_before: &str,
    under_way: bool,
) -> (Status, bool) {
    if CANCELLED.is_match(clause) {
        return (Status::Cancelled, true);
    }
    // "Prime minister to leave for two-day Malaysian visit Monday": a headline's infinitive
    // tells what is to come.
    if heading
        && let Some(to) = HEADLINE_TO.find(sentence)
        && !HEADLINE_VERB.is_match(to.as_str())
    {
        return (Status::Planned, true);
    }
    // "Top admiral visits Sri Lanka" over "will visit on Thursday": the body's tense, when it
    // has one, decides.
    if heading && HEADLINE_PRESENT.is_match(trigger) {
        return (Status::Held, false);
    }
    // "During their talks, the ministers agreed to hold …": the talks were held when what the
    // clause tells happened.
    if DURING_OPENING.is_match(clause_before)
        && PAST_MAIN.is_match(clause)
        && !FUTURE_MAIN.is_match(clause)
    {
        return (Status::Held, true);
    }
    // "training will be conducted": a trigger that holds its own future is none of the past;
    // nor is an infinitive ("agreements expected to be signed soon").
    if PAST_TRIGGER.is_match(trigger)
        && !MODAL_BEFORE.is_match(before_trigger)
        && !FUTURE_MAIN.is_match(trigger)
        && !INFINITIVE_TRIGGER.is_match(trigger)
    {
        return (Status::Held, true);
    }
    // "Wang, who hosted an informal trilateral meeting in Beijing, said China would …": the
    // verb that governs the noun tells its tense, whatever the sentence says next.
    if HELD_NOUN_BEFORE.is_match(clause_before) && !MODAL_BEFORE.is_match(clause_before) {
        return (Status::Held, true);
    }
    // "was visiting China recently", "were holding talks": a past progressive happened.
    let first_word = trigger.split_whitespace().next().unwrap_or("");
    if PAST_PROGRESSIVE.is_match(trigger)
        || (first_word.ends_with("ing") && PAST_PROGRESSIVE_BEFORE.is_match(before_trigger))
    {
        return (Status::Held, true);
    }
    // "… will be recruited, the minister said after meeting his Russian counterpart": what
    // one did before speaking was done.
    if first_word.ends_with("ing") && last_word(before_trigger).eq_ignore_ascii_case("after") {
        return (Status::Held, true);
    }
    // "told Trump in a call that …": the verb before the call gives its tense.
    if kind == Kind::PhoneCall && TOLD_BEFORE.is_match(before_trigger) {
        return (Status::Held, true);
    }
    // "is hosting talks … aimed at bridging the gaps in a proposal": going on now, unless the
    // clause dates it ahead ("is visiting Kenya next week").
    if under_way && !planned_cue(clause) {
        return (Status::Held, false);
    }
    if PROPOSED.is_match(clause) && !matches!(kind, Kind::Agreement) {
        return (Status::Proposed, true);
    }
    if PAST_PURPOSE_BEFORE.is_match(clause_before) && !FUTURE_MAIN.is_match(clause_before) {
        return (Status::Held, true);
    }
    if planned_cue(clause) && !clause.contains(" was held") {
        return (Status::Planned, true);
    }
    if PAST.is_match(clause) {
        return (Status::Held, true);
    }
    // Clauses without a verb ("The talks, that will last …") take the sentence's tense ("In
    // separate calls with …, the premier drew attention to the decision to hold …": past).
    if planned_cue(sentence) && !PAST.is_match(sentence) && !PAST_TALK.is_match(sentence) {
        return (Status::Planned, true);
    }
    if PROPOSED.is_match(sentence) && !PAST.is_match(sentence) {
        return (Status::Proposed, true);
    }
    (Status::Held, false)
}

/// A bare weekday read as the one on or before publication, moved to the one on or after it.
fn weekday_ahead(mut d: DateMention, published: Option<chrono::NaiveDate>) -> DateMention {
    let day = d
        .value
        .as_deref()
        .and_then(|v| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
    if let (Some(day), Some(published)) = (day, published)
        && d.basis.starts_with("weekday on or before")
        && day < published
    {
        d.value = Some((day + chrono::Days::new(7)).format("%Y-%m-%d").to_string());
        d.basis = format!("weekday after publication date {published} (an act to come)");
    }
    d
}

/// Whether a reporting verb just before the date makes it the day of a report ("said on
/// Sunday"), within `sentence`.
fn day_of_report(text: &str, sentence: &Range<usize>, d: &DateMention) -> bool {
    let from = sentence.start.max(snap(text, d.start.saturating_sub(40)));
    REPORTING.is_match(&text[from..d.start])
}

/// The date nearest the trigger in its clause, else in its sentence but outside the clauses of
/// the sentence's other acts.
/// `ahead` says the act is yet to come: the day of a release that announces it is not its day
/// (that of a release reporting an act held mostly is).
#[allow(clippy::too_many_arguments)]
fn nearest_date(
    text: &str,
    dates: &[DateMention],
    clause: &Range<usize>,
    sentence: &Range<usize>,
    at: usize,
    trigger_end: usize,
    others: &[Range<usize>],
    ahead: bool,
) -> Option<DateMention> {
    // Measured from the trigger's nearer end: "had a bilateral meeting with the Foreign
    // Minister on Monday" is dated by the Monday after it.
    let distance = |d: &DateMention| {
        if d.start >= trigger_end {
            d.start - trigger_end
        } else if d.start >= at || d.end > at {
            // Inside the trigger, or running into it ("June 10th Dialogue").
            0
        } else if text[d.end..at].contains(" and ") {
            // "the Commission in February and a subsequent visit … in April": a date before an
            // "and" belongs to the act before it.
            at - d.end + 80
        } else {
            at - d.end
        }
    };
    // "told Trump in a call on Monday": a date right after the trigger dates the act even
    // after a reporting verb.
    // "France and Indonesia have signed a pact, Macron said on Wednesday": an act in the
    // present perfect is news of the day its report gives.
    let present_perfect = PRESENT_PERFECT_BEFORE
        .is_match(&text[sentence.start.max(snap(text, at.saturating_sub(24)))..at]);
    let reported = |d: &DateMention| {
        // ("in a call on Monday": a date inside the trigger is the act's own, unless the
        // trigger holds the report itself: "announced on Friday a $6 billion aid package".)
        let right_after = d.start >= trigger_end && d.start - trigger_end <= 5
            || d.start >= at && d.end <= trigger_end && !REPORTING.is_match(&text[at..d.start]);
        let before =
            |n: usize| &text[sentence.start.max(snap(text, d.start.saturating_sub(n)))..d.start];
        !right_after
            && !present_perfect
            && (day_of_report(text, sentence, d) || (ahead && REPORTED_IN.is_match(before(60))))
    };
    let within = |r: &Range<usize>| {
        dates
            .iter()
            .filter(|d| d.start >= r.start && d.end <= r.end)
            .filter(|d| !others.iter().any(|o| d.start >= o.start && d.end <= o.end))
            .filter(|d| !reported(d))
            // "the agreement the two countries had signed in August": a pluperfect after the
            // trigger dates an earlier act.
            .filter(|d| {
                d.start < trigger_end
                    || !PLUPERFECT_BEFORE.is_match(
                        &text[trigger_end.max(snap(text, d.start.saturating_sub(40)))..d.start],
                    )
            })
            .filter(|d| {
                d.start >= at
                    || !MADE_IN_BEFORE.is_match(
                        &text[sentence.start.max(snap(text, d.start.saturating_sub(30)))..d.start],
                    )
            })
            .filter(|d| {
                !SINCE_BEFORE.is_match(
                    &text[sentence.start.max(snap(text, d.start.saturating_sub(40)))..d.start],
                )
            })
            .min_by_key(|d| distance(d))
            .cloned()
    };
    within(clause).or_else(|| within(sentence))
}

fn round_of(
    text: &str,
    clause: &Range<usize>,
    trigger: &Range<usize>,
) -> Option<(u32, Range<usize>)> {
    // The ordinal nearest before the trigger in its clause ("the 21st … Group", "seventh round of").
    let window_start = clause
        .start
        .max(snap(text, trigger.start.saturating_sub(90)));
    let window = &text[window_start..trigger.end.min(clause.end)];
    // Else the ordinal right after a trigger that ends on "of" ("the session of 75th General
    // Assembly", "the session of the 12th Council").
    let (window_start, m) = match ROUND.captures_iter(window).last() {
        Some(m) => (window_start, m),
        None if text[..trigger.end].ends_with(" of") => {
            let after = &text[trigger.end..snap(text, (trigger.end + 12).min(clause.end))];
            let m = ROUND.captures(after)?;
            let gap = &after[..m.get(0)?.start()];
            if !matches!(gap.trim(), "" | "the") {
                return None;
            }
            (trigger.end, m)
        }
        None => return None,
    };
    let whole = m.get(0)?;
    let n = match (m.get(1), m.get(2)) {
        (Some(d), _) => d.as_str().parse().ok()?,
        (None, Some(w)) => ordinal_word(&w.as_str().to_ascii_lowercase())?,
        _ => return None,
    };
    Some((n, window_start + whole.start()..window_start + whole.end()))
}

fn ordinal_word(w: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if w == "inaugural" {
        return Some(1);
    }
    if let Some(pos) = WORDS.iter().position(|x| *x == w) {
        return Some(pos as u32 + 1);
    }
    let tail = w.strip_prefix("twenty-")?;
    WORDS
        .iter()
        .position(|x| *x == tail)
        .map(|p| 21 + p as u32)
        .filter(|n| *n < 30)
        .or((w == "thirtieth").then_some(30))
}

/// The forum's name: "round of X", or the capitalised name the trigger ends ("Defence
/// Consultative Group"), or the trigger's own words ("counterterrorism dialogue").
fn mechanism_of(
    lex: &Lexicon,
    text: &str,
    clause: &Range<usize>,
    trigger: &Range<usize>,
    mentions: &[Mention],
) -> Option<(String, bool, Range<usize>)> {
    let clause_text = &text[clause.clone()];
    if let Some(c) = ROUND_OF.captures(clause_text) {
        let g = c.get(1)?;
        let range = clause.start + g.start()..clause.start + g.end();
        return Some((clean_mechanism(&text[range.clone()]), true, range));
    }
    // Extend left over capitalised words, "and", "-" and "(ACRONYM)".
    let mut start = trigger.start;
    let mut end = trigger.end;
    let trig = &text[trigger.clone()];
    // A trigger that is only the last word ("Group") lets the capitalised words before it in.
    let words: Vec<(usize, &str)> = text[clause.start..trigger.start]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mut capital_words = 0;
    for (at, w) in words.iter().rev() {
        let w_core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = w_core.chars().next().is_some_and(char::is_uppercase) || w.starts_with('(');
        let link = matches!(*w, "and" | "-" | "–" | "&" | "of");
        if capital || (link && capital_words > 0) || w.contains("-to-") {
            start = *at;
            if capital {
                capital_words += 1;
            }
        } else {
            break;
        }
    }
    // Keep the trigger's case for "Defence Consultative Group (DCG) meeting".
    let after = &text[end..clause.end];
    if let Some(rest) = after.strip_prefix(' ')
        && rest.starts_with('(')
        && let Some(close) = rest.find(')')
    {
        end += 1 + close + 1;
    }
    // (The en dash is three bytes: step over the whole character.)
    while let Some(c) = text[start..end]
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '–' | '('))
    {
        start += c.len_utf8();
    }
    let name = clean_mechanism(&text[start..end]);
    let proper = capital_words > 0 && trig.chars().next().is_some_and(char::is_uppercase)
        || capital_words >= 2;
    let only_parties = mentions_in(mentions, &(start..end)).len() >= capital_words
        && capital_words > 0
        && !trig.chars().next().is_some_and(char::is_uppercase);
    let _ = lex;
    if name.is_empty() {
        return None;
    }
    Some((
        if only_parties {
            clean_mechanism(trig)
        } else {
            name
        },
        proper && !only_parties,
        start..end,
    ))
}

/// Tidies a forum name: no article, no "United States - Pakistan" prefix, no "(DCG)" suffix.
fn clean_mechanism(s: &str) -> String {
    let s = s
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let mut s = s.trim_end_matches([',', '.', ';', ':']).to_string();
    if let Some(m) = SPACED_PAIR.find(&s) {
        s = s[m.end()..].to_string();
    }
    if let Some(m) = ACRONYM_TAIL.find(&s) {
        s = format!("{}{}", &s[..m.start()], &s[m.end()..]);
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

static SPACED_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(?:[A-Z][\w.]*\s+){1,3}[-–]\s+[A-Z][\w.]*\s+").expect("valid")
});
static ACRONYM_TAIL: LazyLock<Regex> =
    LazyLock::new(|| regex::Regex::new(r"\s*\([A-Z]{2,8}\)").expect("valid"));

/// The place of the act: a known place or capital after "in"/"at" in the clause (nearest after
/// the trigger first), else a state after "in" ("held in Pakistan").
#[allow(clippy::too_many_arguments)]
fn location_of(
    text: &str,
    mentions: &[Mention],
    clause: &Range<usize>,
    sentence: &Range<usize>,
    at: usize,
    dateline: Option<&Range<usize>>,
    visit: bool,
) -> Option<(Option<String>, Option<PartyCode>, Range<usize>)> {
    let candidates: Vec<&Mention> = mentions_in(mentions, clause)
        .iter()
        .filter(|m| m.start >= sentence.start)
        .filter(|m| dateline.is_none_or(|d| m.start >= d.end))
        .filter(|m| {
            let before = &text[clause.start.max(snap(text, m.start.saturating_sub(40)))..m.start];
            HELD_IN.is_match(before) || (visit && VISIT_TO.is_match(before))
        })
        .collect();
    let pick = |want: &dyn Fn(&Mention) -> bool| {
        let after = candidates
            .iter()
            .filter(|m| want(m) && m.start >= at)
            .min_by_key(|m| m.start);
        let before = candidates
            .iter()
            .filter(|m| want(m) && m.start < at)
            .max_by_key(|m| m.start);
        after.or(before).copied()
    };
    if let Some(m) = pick(&|m| matches!(m.kind, FormKind::Place | FormKind::Capital)) {
        return Some((
            Some(title_case(&text[m.start..m.end])),
            m.party,
            m.start..m.end,
        ));
    }
    pick(&|m| m.kind == FormKind::StateName).map(|m| (None, m.party, m.start..m.end))
}

fn agreement_title(clause: &str) -> Option<String> {
    let m = AGREEMENT_NOUN.find(clause)?;
    let t = m.as_str().trim_end_matches([',', '.', ';']).trim();
    let t = t
        .strip_suffix(" after")
        .or(t.strip_suffix(" between"))
        .or(t.strip_suffix(" at"))
        .or(t.strip_suffix(" in"))
        .or(t.strip_suffix(" with"))
        .or(t.strip_suffix(" during"))
        .unwrap_or(t);
    let t = t
        .replace("memorandum of understanding (MoU)", "MoU")
        .replace("memorandum of understanding", "MoU");
    Some(t.trim().to_string())
}

/// "ISLAMABAD" → "Islamabad"; names already in mixed case stay as written.
pub fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The two parties the article is mostly about: counted over acting mentions, the headline
/// counting double. None when the article has no clear pair.
fn main_pair(acting: &[Vec<(PartyCode, Range<usize>)>]) -> Option<[PartyCode; 2]> {
    let mut counts: FxHashMap<PartyCode, (usize, usize)> = FxHashMap::default();
    for (i, parties) in acting.iter().enumerate() {
        let weight = if i == 0 { 2 } else { 1 };
        for (party, range) in parties {
            let e = counts.entry(*party).or_insert((0, range.start));
            e.0 += weight;
        }
    }
    let mut ranked: Vec<(PartyCode, (usize, usize))> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    match ranked.as_slice() {
        [a, b, ..] if a.1.0 >= 2 && b.1.0 >= 2 => {
            let mut pair = [a.0, b.0];
            pair.sort();
            Some(pair)
        }
        _ => None,
    }
}
