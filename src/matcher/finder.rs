//! Finding every vendor code and message that stands in a text, verbatim, with one pass over the literal
//! each one must contain (a code itself; a message's longest word), then the message's own regex only
//! where its literal was seen. Pastes and the log scanner both search through it: a paste by looking its
//! pieces up or with an Aho-Corasick automaton, a long scan's lines with the SIMD prefilter that found them.

use std::borrow::Cow;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::teddy::Prefilter;
use lines::CandidateLines;
use places::sightings;
use table::{LiteralTable, Probing};

use crate::catalog::{Catalog, Entry, LiteralIndex, Referral, Vendor};
use crate::template::{Bigrams, Captures, Segment, Template};

/// Where one literal of the automaton was found; offsets into the text searched.
#[derive(Debug, Clone)]
pub struct LiteralHit {
    pattern: usize,
    pub span: Range<usize>,
}

/// How many times one code or message is read in one text: `paste::MOST_OF_ONE`, the bound of all a text
/// repeats.
pub const MOST_SIGHTINGS: usize = crate::paste::MOST_OF_ONE;

/// Most messages a paste is read for loosely (`Finder::paste_hits`), each a search of the whole text.
const PARTIAL_TRIES: usize = 64;

/// Weight (`template::weight_of`: characters, blanks aside, one outside ASCII counted twice) a message read loosely
/// must have to stand where the paste names neither its vendor nor its code: Tencent's `Your current request
/// times equals to 21 in a second, which exceeds ...` (80), not Alibaba's `You are not authorized to do this
/// action.` (34), which applications say too.
const LOOSE_ALONE: usize = 60;

/// A hash map with a faster hash than the default (whose resistance to chosen keys catalog text does not
/// need): a look-up hashes every literal of every catalog once.
type FastMap<K, V> = std::collections::HashMap<K, V, xxhash_rust::xxh3::Xxh3Builder>;

/// What a literal of the automaton stands for.
#[derive(Clone, Copy)]
enum Anchor<'c> {
    /// Message form `form` of an entry (the message, or one of its variants).
    Message(&'c Catalog, &'c Entry, usize),
    /// An entry's literal code.
    Code(&'c Catalog, &'c Entry),
    /// The literal start of a referral's code template (`APIGW.`).
    Referral(&'c Catalog, &'c Referral),
}

impl Anchor<'_> {
    /// Whether finding this literal alone may make a line reportable: anything but a generic message.
    fn reportable(&self) -> bool {
        match *self {
            Anchor::Message(_, entry, form) => !entry.message_forms()[form].is_generic(),
            Anchor::Code(..) | Anchor::Referral(..) => true,
        }
    }

    /// The error status (4xx, 5xx) of a generic message's entry: a status stated on the line that agrees
    /// with it may make the line reportable (`status=404 msg="Found no api"`), as a lookup of the line
    /// reports it.
    fn error_status(&self) -> Option<u16> {
        match *self {
            Anchor::Message(_, entry, _) if entry.status >= 400 => Some(entry.status),
            Anchor::Message(..) | Anchor::Code(..) | Anchor::Referral(..) => None,
        }
    }
}
/// `Finder::distinctive` of a literal not yet asked about.
const UNTOLD: u8 = 2;

/// For scanning: the literal codes (their texts) with their pattern numbers, which a scan's `--count`
/// looks a token up among (`Finder::distinctive_token`) where no literal index serves.
fn codes_by_text<'c>(literals: &[&'c str], anchors: &[Vec<Anchor<'c>>]) -> FastMap<&'c str, usize> {
    (literals.iter().zip(anchors).enumerate())
        .filter(|(_, (_, anchors))| anchors.iter().any(|a| matches!(a, Anchor::Code(..))))
        .map(|(pattern, (&literal, _))| (literal, pattern))
        .collect()
}

/// Whether a line whose only literals are generic messages' deserves a second look for this literal: one
/// of its messages has an error status, and the literal is more than a short word (`app`, `in`, `id` stand in
/// most lines: such messages are left to lines with other evidence, which keeps scans fast).
fn second_look(literal: &str, anchors: &[Anchor<'_>]) -> bool {
    const SHORTEST: usize = 4;
    literal.len() >= SHORTEST && anchors.iter().any(|a| a.error_status().is_some())
}

/// A code or message found in a text.
#[derive(Debug, Clone)]
pub(super) struct Hit<'c> {
    pub catalog: &'c Catalog,
    pub target: Target<'c>,
    pub span: Range<usize>,
    pub captures: Captures,
    /// A code other systems use too, or a message too short or plain to tell errors apart by itself.
    pub generic: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Target<'c> {
    Code(&'c Entry),
    Message(&'c Entry),
    /// A code no entry has that fits a referral's template.
    Referral,
}

/// How much text a finder is built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Search {
    /// One small paste or query.
    Small,
    /// One large paste.
    Large,
    /// A log scan: much text, in blocks; the finder also builds the SIMD (Teddy) prefilter that finds
    /// candidate lines.
    Bulk,
}

pub(super) struct Finder<'c> {
    /// The literals, by pattern number (borrowed from the catalogs where they stand there as they are).
    literals: Vec<&'c str>,
    /// The automaton over them, built the first time a text needs it (a short text, and a scan's first
    /// lines, are read through `table` or the index instead: `probe`).
    automaton: std::sync::OnceLock<AhoCorasick>,
    search: Search,
    /// Without a literal index, for a short text or a scan: the pattern number of each literal, and the
    /// literals' lengths: a query, a short paste or a scan's first lines are read by looking each of their
    /// pieces of those lengths up, which costs far less than building the automaton of every literal (a
    /// look-up is one process, one query).
    table: Option<LiteralTable<'c>>,
    anchors: Vec<Vec<Anchor<'c>>>,
    /// For scanning: the SIMD prefilter over the literals that can make a line reported, where the CPU has what it needs
    /// and the literals do not begin in too many ways for it; built once a scan has more text than its first
    /// lines, which are looked up piece by piece (`prefilter_for`).
    prefilter: std::sync::OnceLock<Option<Prefilter>>,
    /// While a test has the automaton serve (`force_automaton`): no prefilter is built.
    #[cfg(test)]
    automaton_only: bool,
    /// For scanning: which literals make a line a candidate (those `prefilter` holds), and what confirms
    /// that a line where one stands is one.
    confirmations: Option<confirm::Confirmations<'c>>,
    /// The prefilter set aside while a test has the automaton serve instead (`force_automaton`).
    #[cfg(test)]
    parked: Option<Prefilter>,
    /// For scanning, per literal: whether it is a code that reports a line wherever it stands as a token
    /// (a code, not generic, of no SDK wrapper: a wrapper is never reported, the code it wraps being the
    /// error), told the first time it is asked (so that a large catalog's entries are decoded only where
    /// their literals stand): `UNTOLD`, or whether it is, as 0 or 1 (a byte a literal: a large catalog
    /// has hundreds of thousands).
    distinctive: Vec<std::sync::atomic::AtomicU8>,
    /// For a scan: how many pieces of its lines may be looked up before the automaton serves (`probe`).
    probing: Probing,
    /// For a scan or a large paste over a literal index: what each literal stands for, worked out the first
    /// time it is met (a short text's literals are each met about once: it keeps none).
    /// (Boxed twice: one pointer a literal, where most are never met.)
    #[allow(clippy::redundant_allocation)]
    met: Vec<std::sync::OnceLock<Box<Box<[Anchor<'c>]>>>>,
    /// For scanning without a literal index: the literal codes by their text (`codes_by_text`).
    codes: FastMap<&'c str, usize>,
    /// Over a literal index (the built-in catalogs', or a set's cached one): the index, which stands for
    /// `anchors` and `table` (left empty; and for `literals` too, for a short text), so that no entry is
    /// decoded but those a text holds literals of (a scan keeps those in `met`).
    indexed: Option<indexed::Indexed<'c>>,
}

impl<'c> Finder<'c> {
    pub(super) fn new(
        entries: impl Iterator<Item = (&'c Catalog, &'c Entry)>,
        referrals: impl Iterator<Item = (&'c Catalog, &'c Referral)>,
        search: Search,
    ) -> Finder<'c> {
        let mut literals: Vec<&'c str> = Vec::new();
        let mut anchors: Vec<Vec<Anchor<'c>>> = Vec::new();
        // Each literal's pattern number; kept as the table a short text is read through.
        let mut index: FastMap<&'c [u8], usize> = FastMap::default();
        let mut add = |literal: &'c str, anchor: Anchor<'c>| {
            if literal.is_empty() {
                return;
            }
            match index.get(literal.as_bytes()) {
                Some(&at) => anchors[at].push(anchor),
                None => {
                    index.insert(literal.as_bytes(), literals.len());
                    literals.push(literal);
                    anchors.push(vec![anchor]);
                }
            }
        };
        let mut forms: Vec<(Anchor<'c>, &'c Template)> = Vec::new();
        for (catalog, entry) in entries {
            if let Some(code) = entry.code.as_ref().and_then(|c| c.literal_str()) {
                add(code, Anchor::Code(catalog, entry));
            }
            if catalog.messages_are_descriptions {
                continue;
            }
            for (i, form) in entry.message_forms().iter().enumerate() {
                forms.push((Anchor::Message(catalog, entry, i), form));
            }
        }
        for (anchor, key) in crate::catalog::message_keys(&forms) {
            add(key, anchor);
        }
        for (catalog, referral) in referrals {
            if let Some(Segment::Literal(prefix)) = referral.code.segments().first() {
                add(prefix.as_str(), Anchor::Referral(catalog, referral));
            }
        }
        // (A scan reads its first lines through the table too, `probe`.)
        let table = (search != Search::Large).then(|| LiteralTable::new(index, &literals));
        Finder::of(literals, anchors, None, search, table)
    }

    /// A finder for a large paste or a scan (`Search::Large`, `Search::Bulk`) over the literals of the
    /// literal index of `catalogs` (which it must index, every one of them searched for) and these
    /// referrals: the literals `Finder::new` would collect from their entries, in its order, standing for
    /// the same entries, without working out every message's key (most of building a finder, for a
    /// catalog of many entries).
    pub(super) fn from_index(
        index: &'c LiteralIndex<'static>,
        catalogs: &'c [Catalog],
        referrals: impl Iterator<Item = (&'c Catalog, &'c Referral)>,
        search: Search,
    ) -> Finder<'c> {
        let indexed = indexed::Indexed::new(index, catalogs, referrals);
        let literals: Vec<&'c str> = indexed.all().collect();
        Finder::of(literals, Vec::new(), Some(indexed), search, None)
    }

    /// The finder of these literals, each standing for its `anchors`, or for what the literal index
    /// `indexed` says it stands for (`anchors` left empty: an entry is decoded only where a scan meets its
    /// literal, and whether a literal may alone make a line reported is told by the index, without
    /// parsing templates); `table`: a short text's.
    fn of(
        literals: Vec<&'c str>,
        anchors: Vec<Vec<Anchor<'c>>>,
        indexed: Option<indexed::Indexed<'c>>,
        search: Search,
        table: Option<LiteralTable<'c>>,
    ) -> Finder<'c> {
        let bulk = search == Search::Bulk;
        let codes = if bulk && indexed.is_none() {
            codes_by_text(&literals, &anchors)
        } else {
            FastMap::default()
        };
        let mut finder = Finder {
            distinctive: (0..if bulk { literals.len() } else { 0 })
                .map(|_| std::sync::atomic::AtomicU8::new(UNTOLD))
                .collect(),
            probing: Probing {
                budget: if bulk {
                    literals.iter().map(|l| l.len()).sum::<usize>()
                        * Probing::PIECES_PER_LITERAL_BYTE
                } else {
                    0
                },
                spent: std::sync::atomic::AtomicUsize::new(0),
            },
            met: (0..if indexed.is_some() { literals.len() } else { 0 })
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            literals,
            automaton: std::sync::OnceLock::new(),
            search,
            table,
            anchors,
            prefilter: std::sync::OnceLock::new(),
            #[cfg(test)]
            automaton_only: false,
            confirmations: None,
            #[cfg(test)]
            parked: None,
            codes,
            indexed,
        };
        if !bulk {
            return finder;
        }
        // A line whose literals are only generic messages' is reported only where a status agreeing with
        // one stands on it (`Matcher::read_line`): only those literals that deserve that second look make a
        // line a candidate; the others are the short, common ones (`成功`, `in`).
        let mut prefiltered: Vec<u32> = (0..finder.literals.len())
            .filter(|&pattern| {
                let reportable = match &finder.indexed {
                    Some(indexed) => indexed.reportable(pattern),
                    None => finder.anchors[pattern].iter().any(Anchor::reportable),
                };
                reportable || second_look(finder.literals[pattern], &finder.anchors_of(pattern))
            })
            .filter_map(|pattern| u32::try_from(pattern).ok())
            .collect();
        prefiltered.shrink_to_fit();
        // Generic messages' literals the prefilter does not hold, which a line's reading weighs beside any
        // literal the line has.
        let messages = |p: usize| match &finder.indexed {
            Some(indexed) => indexed.stands_for_a_message(p),
            None => (finder.anchors[p].iter()).any(|a| matches!(a, Anchor::Message(..))),
        };
        let confirmations =
            confirm::Confirmations::new(finder.literals.len(), prefiltered, messages);
        finder.confirmations = Some(confirmations);
        finder
    }

    /// A finder for a short text (`Search::Small`) read through the literal index of `catalogs` (which
    /// it must index, every one of them searched for): the same literals standing for the same entries
    /// as `Finder::new` over their entries and these referrals, without decoding the entries.
    pub(super) fn indexed(
        index: &'c LiteralIndex<'static>,
        catalogs: &'c [Catalog],
        referrals: impl Iterator<Item = (&'c Catalog, &'c Referral)>,
    ) -> Finder<'c> {
        Finder {
            literals: Vec::new(),
            automaton: std::sync::OnceLock::new(),
            search: Search::Small,
            table: None,
            anchors: Vec::new(),
            prefilter: std::sync::OnceLock::new(),
            #[cfg(test)]
            automaton_only: false,
            confirmations: None,
            #[cfg(test)]
            parked: None,
            distinctive: Vec::new(),
            probing: Probing::default(),
            met: Vec::new(),
            codes: FastMap::default(),
            indexed: Some(indexed::Indexed::new(index, catalogs, referrals)),
        }
    }

    /// For tests: the bytes a scan's tables by literal take (the literals', what is worked out of each as
    /// lines meet it, and the confirmations'), with their spare capacity.
    #[cfg(test)]
    fn table_bytes(&self) -> usize {
        self.literals.capacity() * size_of::<&str>()
            + self.distinctive.capacity()
            + std::mem::size_of_val(self.met.as_slice())
            + (self.confirmations.as_ref()).map_or(0, confirm::Confirmations::table_bytes)
    }

    /// What literal `pattern` stands for.
    fn anchors_of(&self, pattern: usize) -> Cow<'_, [Anchor<'c>]> {
        match (&self.indexed, self.met.get(pattern)) {
            (Some(indexed), Some(met)) => {
                let met: &[Anchor<'c>] =
                    met.get_or_init(|| Box::new(indexed.anchors(pattern).into_boxed_slice()));
                Cow::Borrowed(met)
            }
            (Some(indexed), None) => Cow::Owned(indexed.anchors(pattern)),
            (None, _) => Cow::Borrowed(&self.anchors[pattern]),
        }
    }

    /// For scanning: whether literal `pattern` is a code that reports a line wherever it stands as a
    /// token (see `distinctive`).
    fn is_distinctive(&self, pattern: usize) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        let told = &self.distinctive[pattern];
        match told.load(Relaxed) {
            UNTOLD => {
                // (Threads that ask at once each work it out, to the same answer.)
                let distinctive = !generic_code(self.literal_of(pattern))
                    && (self.anchors_of(pattern).iter())
                        .any(|a| matches!(a, Anchor::Code(_, entry) if !entry.wrapper));
                told.store(u8::from(distinctive), Relaxed);
                distinctive
            }
            told => told == 1,
        }
    }

    /// For scanning: whether `token` is a distinctive literal code (`is_distinctive`).
    fn distinctive_token(&self, token: &str) -> bool {
        let pattern = match &self.indexed {
            Some(indexed) => indexed.number_of(token.as_bytes()),
            None => self.codes.get(token).copied(),
        };
        pattern.is_some_and(|pattern| self.is_distinctive(pattern))
    }

    /// Literal `pattern`.
    fn literal_of(&self, pattern: usize) -> &str {
        match &self.indexed {
            Some(indexed) => indexed.literal(pattern),
            None => self.literals[pattern],
        }
    }

    /// The automaton over every literal, built the first time it is needed.
    fn automaton(&self) -> &AhoCorasick {
        self.automaton.get_or_init(|| {
            let literals: Vec<&str> = match &self.indexed {
                Some(indexed) => indexed.all().collect(),
                None => self.literals.iter().map(|l| l.as_ref()).collect(),
            };
            AhoCorasick::builder()
                // A small paste is searched once: the automaton that builds quickest (no conversion to
                // the contiguous form, which searches faster) serves it best.
                .kind(
                    (self.search == Search::Small)
                        .then_some(aho_corasick::AhoCorasickKind::NoncontiguousNFA),
                )
                .build(literals)
                .expect("literals of bounded size build an automaton")
        })
    }

    /// For scanning: the prefilter, if one is built, or is to be built now that `len` more bytes are to be
    /// searched: once they are more than the literals' table can be probed for (`probe`), so that a scan of
    /// a line or two lays out no prefilter (with the built-in catalogs, some 4 M of a one-line scan's
    /// instructions; with a catalog of 200,000 entries, most of a one-line scan).
    pub(super) fn prefilter_for(&self, len: usize) -> Option<&Prefilter> {
        if let Some(built) = self.prefilter.get() {
            return built.as_ref();
        }
        #[cfg(test)]
        if self.automaton_only {
            return None;
        }
        let confirmations = self.confirmations.as_ref()?;
        if self.probing_covers(len) {
            return None;
        }
        (self.prefilter)
            .get_or_init(|| {
                let bytes: Vec<&[u8]> = (confirmations.prefiltered())
                    .map(|pattern| self.literals[pattern].as_bytes())
                    .collect();
                Prefilter::new(&bytes)
            })
            .as_ref()
    }

    /// For tests: the automaton alone finds the candidate lines and settles `--count`'s coded lines, as
    /// where the CPU has no AVX2 (`true`), or the prefilter, if one was built, serves again (`false`).
    #[cfg(test)]
    pub(super) fn force_automaton(&mut self, force: bool) {
        self.automaton_only = force;
        if force {
            self.parked = self.prefilter.take().flatten().or(self.parked.take());
        } else if let Some(prefilter) = self.parked.take() {
            self.prefilter = std::sync::OnceLock::from(Some(prefilter));
        }
    }

    /// For tests: the prefilter, built now whatever has been offered (`None`: the literals or the CPU allow
    /// none).
    #[cfg(test)]
    pub(super) fn build_prefilter(&self) -> Option<&Prefilter> {
        self.prefilter_for(usize::MAX / 2)
    }

    /// For scanning: whether a line that no literal confirms may still report: where a generic message's
    /// literal that the prefilter does not hold (a quotation mark, `in`) finds its message there, which a
    /// line's reading weighs beside the literals that made it a candidate.
    fn rescued(&self, line: &[u8]) -> bool {
        let (Some(confirmations), Ok(text)) = (&self.confirmations, std::str::from_utf8(line))
        else {
            return true;
        };
        let hits: Vec<LiteralHit> = confirmations.lone_literals(text.as_bytes(), &self.literals);
        !hits.is_empty() && !self.resolve(text, &hits).is_empty()
    }

    /// Whether literal `pattern` may make a line a candidate (a finder not built for scanning: any).
    fn is_candidate(&self, pattern: usize) -> bool {
        (self.confirmations.as_ref()).is_none_or(|confirmations| confirmations.candidate(pattern))
    }

    /// Whether literal `pattern`, standing in `line`, makes it a candidate line (a finder not built for
    /// scanning: any literal does). (A line longer than `confirm::LONGEST` is a candidate wherever such a
    /// literal stands in it: the words that confirm one are searched for in the whole line.)
    fn confirms(&self, pattern: usize, line: &[u8]) -> bool {
        (self.confirmations.as_ref()).is_none_or(|confirmations| {
            let literal = &self.literals[pattern];
            confirmations.confirms(pattern, line, literal, || self.anchors_of(pattern))
        })
    }

    /// The lines of `block` (ranges, without their newline) in which some literal stands, in order.
    pub(super) fn candidate_lines<'a>(&'a self, block: &'a [u8]) -> CandidateLines<'a, 'c> {
        CandidateLines {
            finder: self,
            prefilter: self.prefilter_for(block.len()),
            block,
            pos: 0,
            streak: confirm::Streak::default(),
        }
    }

    /// Whether a line with these literals could hold a reportable error: some literal is more than a
    /// generic message's (`成功` alone in a line is never an error; with a code, it may be), or a generic
    /// message's entry has an error status, which the line may state (`Matcher::read_line` asks).
    #[cfg(test)]
    pub(super) fn may_report(&self, literals: &[LiteralHit]) -> bool {
        self.reportable(literals) || !self.generic_statuses(literals).is_empty()
    }

    /// Whether some literal is more than a generic message's.
    pub(super) fn reportable(&self, literals: &[LiteralHit]) -> bool {
        (literals.iter()).any(|l| self.anchors_of(l.pattern).iter().any(Anchor::reportable))
    }

    /// The error statuses of the generic messages whose literals these are.
    pub(super) fn generic_statuses(&self, literals: &[LiteralHit]) -> Vec<u16> {
        let mut statuses: Vec<u16> = Vec::new();
        for l in literals {
            let anchors = self.anchors_of(l.pattern);
            if second_look(self.literal_of(l.pattern), &anchors) {
                statuses.extend(anchors.iter().filter_map(Anchor::error_status));
            }
        }
        statuses.sort_unstable();
        statuses.dedup();
        statuses
    }

    /// For `scan --count`: whether the message of an entry without a code, one that is not generic, stands
    /// in `text` where these literals were found, such that it alone makes the line reported (its score is
    /// enough, and nothing in a log line counts against an entry without a code: asserted beside the
    /// scores in `findings`), so the line need not be read further.
    /// `reported`: whether such a message found at a place reports the line (`findings::reported_alone`).
    pub(super) fn uncoded_message_stands(
        &self,
        text: &str,
        literals: &[LiteralHit],
        reported: impl Fn(&Range<usize>, &str) -> bool,
    ) -> bool {
        literals.iter().any(|l| {
            self.anchors_of(l.pattern)
                .iter()
                .any(|anchor| match *anchor {
                    Anchor::Message(_, entry, form) => {
                        let template = &entry.message_forms()[form];
                        entry.code.is_none()
                            && !template.is_generic()
                            && (template.find_all_exact(text).iter())
                                .any(|(_, span)| reported(span, template.source()))
                    }
                    Anchor::Code(..) | Anchor::Referral(..) => false,
                })
        })
    }

    /// For `scan --count`: `None` when a distinctive code stands in `text` as a whole token, which makes
    /// a line reported whatever else it holds (its score alone is enough: asserted beside the scores in
    /// `findings`); else the literals standing in `text`, to read it by. With the prefilter, such a code
    /// is found among the places it finds literals starting, without the automaton's pass over the text.
    pub(super) fn literals_unless_coded(&self, text: &str) -> Option<Vec<LiteralHit>> {
        let bytes = text.as_bytes();
        if let Some(built) = self.built_prefilter() {
            // Where a literal starts, the token there is looked up among the codes; the places are
            // collected as they are met, for the line's reading where none is one.
            let coded_at = |start: usize| {
                text.is_char_boundary(start) && starts_a_token(text, start) && {
                    let end = token_end(text, start);
                    self.distinctive_token(&text[start..end]) && is_token(text, start, end)
                }
            };
            let places = self.prefiltered_places(built, bytes, coded_at)?;
            return Some(sightings(places));
        }
        let literals = self.literals(bytes);
        let coded = literals
            .iter()
            .any(|l| self.is_distinctive(l.pattern) && is_token(text, l.span.start, l.span.end));
        (!coded).then_some(literals)
    }

    /// Every code and message standing in `text`.
    pub(super) fn hits(&self, text: &str) -> Vec<Hit<'c>> {
        let literals = self.literals(text.as_bytes());
        self.resolve(text, &literals)
    }

    /// `hits`, for a paste: with the messages (up to `PARTIAL_TRIES` of them) whose key stands in it but
    /// which stand nowhere as written, as its quoting may have reshaped them (`Template::find_partial`: a
    /// value's quotation marks or the later sentences left off), standing where the paste names its vendor
    /// (`named`) or its code, or it is long (`LOOSE_ALONE`). A log line is read as it is (a scan has no such
    /// pastes to read).
    pub(super) fn paste_hits(&self, text: &str, named: &[Vendor]) -> Vec<Hit<'c>> {
        let literals = self.literals(text.as_bytes());
        let mut hits = self.resolve(text, &literals);
        let found = hits.len();
        let mut tried: Vec<(*const Entry, usize)> = Vec::new();
        for m in &literals {
            for anchor in self.anchors_of(m.pattern).iter() {
                let Anchor::Message(catalog, entry, form) = *anchor else {
                    continue;
                };
                let by_message =
                    |h: &Hit<'_>| matches!(h.target, Target::Message(e) if std::ptr::eq(e, entry));
                let key = (entry as *const Entry, form);
                if tried.contains(&key) || hits.iter().any(by_message) {
                    continue;
                }
                // (Each try reads the whole text: a bound keeps a paste holding the keys of thousands of a
                // large catalog's messages linear.)
                if tried.len() == PARTIAL_TRIES {
                    break;
                }
                tried.push(key);
                let template = &entry.message_forms()[form];
                // A first sentence may be any program's words (`You are not authorized to do this
                // action.`): it counts where the paste names the vendor or states the row's code, or is long
                // enough to be the vendor's own.
                let stands = |span: &Range<usize>| {
                    named.contains(&catalog.vendor)
                        || (entry.code.as_ref()).is_some_and(|c| {
                            !crate::template::has_braces(c.source()) && text.contains(c.source())
                        })
                        || crate::template::weight_of(&text[span.clone()]) >= LOOSE_ALONE
                };
                if let Some((captures, span)) = template.find_partial(text)
                    && stands(&span)
                {
                    hits.push(Hit {
                        catalog,
                        target: Target::Message(entry),
                        span,
                        captures,
                        generic: template.is_generic(),
                    });
                }
            }
        }
        if hits.len() > found {
            hits.sort_by_key(|h| h.span.start);
        }
        hits
    }

    /// The codes and messages standing in `text`, from where its literals were found.
    pub(super) fn resolve(&self, text: &str, literals: &[LiteralHit]) -> Vec<Hit<'c>> {
        // (About one hit per literal: room for them at once.)
        let mut hits = Vec::with_capacity(literals.len());
        // Few forms per text: a list beats a hash set, and a line's fit on the stack.
        let mut searched: smallvec::SmallVec<[(*const Entry, usize); 16]> =
            smallvec::SmallVec::new();
        // The text's byte pairs, which rule out most of the messages that share a word with it.
        let pairs = std::cell::OnceCell::new();
        for m in literals {
            for anchor in self.anchors_of(m.pattern).iter() {
                match *anchor {
                    Anchor::Code(catalog, entry) => {
                        if is_token(text, m.span.start, m.span.end) {
                            hits.push(Hit {
                                catalog,
                                target: Target::Code(entry),
                                span: m.span.clone(),
                                captures: Captures::new(),
                                generic: generic_code(&text[m.span.clone()]),
                            });
                        }
                    }
                    Anchor::Message(catalog, entry, form) => {
                        // A form is searched once, over the whole text, however often its literal occurs.
                        let key = (entry as *const Entry, form);
                        if searched.contains(&key) {
                            continue;
                        }
                        searched.push(key);
                        let template = &entry.message_forms()[form];
                        let generic = template.is_generic();
                        let found = template.find_exact_in(
                            text,
                            pairs.get_or_init(|| Bigrams::of(text)),
                            MOST_SIGHTINGS,
                        );
                        for (captures, span) in found {
                            hits.push(Hit {
                                catalog,
                                target: Target::Message(entry),
                                span,
                                captures,
                                generic,
                            });
                        }
                    }
                    Anchor::Referral(catalog, referral) => {
                        if !starts_a_token(text, m.span.start) {
                            continue;
                        }
                        let end = token_end(text, m.span.start);
                        let token = &text[m.span.start..end];
                        if is_token(text, m.span.start, end)
                            && let Some((captures, _)) = referral.code.find(token)
                        {
                            hits.push(Hit {
                                catalog,
                                target: Target::Referral,
                                span: m.span.start..end,
                                captures,
                                generic: false,
                            });
                        }
                    }
                }
            }
        }
        hits.sort_by_key(|h| h.span.start);
        hits
    }
}

fn code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `text[start..end]` is a whole code token, not part of a longer word or code.
fn is_token(text: &str, start: usize, end: usize) -> bool {
    let mut after = text[end..].chars();
    let next = after.next();
    let boundary_before = starts_a_token(text, start);
    // `APIG.0303.` ends a sentence; `APIG.0303.1` or `APIG.0303x` is another token.
    let boundary_after = match next {
        None => true,
        Some('.') => !after.next().is_some_and(code_char),
        Some(c) => !code_char(c),
    };
    boundary_before && boundary_after
}

/// Whether a token may start at `start`: no code character nor `.` before it. (Asked before `token_end`,
/// which reads to the token's end: a place inside a long token is none, and reading to its end from each
/// place in it made a line of one code run together with itself quadratic.)
fn starts_a_token(text: &str, start: usize) -> bool {
    !(text[..start].chars().next_back()).is_some_and(|c| code_char(c) || c == '.')
}

fn token_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|&(i, c)| {
            !(code_char(c) || (c == '.' && text[start + i + 1..].starts_with(code_char)))
        })
        .map_or(text.len(), |(i, _)| start + i)
}

/// Names other systems use too: JD Cloud's gRPC-style codes (`UNAVAILABLE`, `NOT_FOUND`) and short
/// CamelCase words (`InternalError`). In free text they count little; in a code field, less than others.
pub fn generic_code(code: &str) -> bool {
    if code.contains('.')
        || code.chars().any(|c| c.is_ascii_digit())
        || code.starts_with("APIGATEWAY_")
    {
        return false;
    }
    let upper_snake = code.chars().all(|c| c.is_ascii_uppercase() || c == '_');
    upper_snake || code.chars().filter(char::is_ascii_uppercase).count() < 3
}

mod confirm;
mod indexed;
mod lines;
mod places;
mod table;
#[cfg(test)]
mod tests;
