//! Resolving a query to catalog entries: working out whether it is a code, an HTTP status or a message
//! fragment, matching templates, ranking best first, and suggesting close codes when nothing matches.

use compact_str::CompactString;
use regex::Regex;

use crate::catalog::{Catalog, Catalogs, Entry, Referral, Vendor};
use crate::error::{Error, Result};
use crate::family::Family;
use crate::template::{Captures, Template, fold};

mod finder;
mod findings;
mod query;
mod teddy;

use finder::LiteralHit;
pub use finder::generic_code;
use query::*;
pub use query::{grep_regex, unpadded_code};

/// What a query was taken to be. Serialized into the JSON contract's `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QueryKind {
    Code,
    Status,
    Message,
    List,
}

/// Which part of an entry a query matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The code, exactly (ignoring case).
    Code,
    /// A code template (`Missing{param}`), filled in.
    CodeTemplate,
    /// The whole query is the message (templates filled in).
    Message,
    /// The message appears inside the query.
    MessageInQuery,
    /// The query is part of the message.
    MessageFragment,
    /// The query is part of the meaning or fix.
    Explanation,
    Status,
    Pattern,
    List,
}

#[derive(Debug, Clone)]
pub struct Match<'c> {
    pub catalog: &'c Catalog,
    /// The entry; `entry.index` is where it stands in its catalog.
    pub entry: &'c Entry,
    /// The problem family the entry belongs to.
    pub family: Option<&'static Family>,
    pub captures: Captures,
    pub matched_by: MatchedBy,
    /// Higher is better; only comparable within one query.
    pub score: u32,
    /// For pastes: what in the paste pointed to this entry, a confidence from 0 to 100, the text that
    /// followed the vendor's message (`Incorrect app authentication information: signature expired`), and
    /// where in the paste the error stands.
    pub clues: Vec<Clue>,
    pub confidence: Option<u8>,
    pub detail: Option<String>,
    pub position: Option<usize>,
    /// The status the paste states for this error, where it differs from the entry's: vendors answer other
    /// statuses than their tables list (Alibaba's `Forbidden.RAM` with 400, the table's 403).
    pub stated_status: Option<u16>,
}

/// One piece of a paste that points to an entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Clue {
    pub kind: ClueKind,
    /// The text found, as it stands in the paste (a short text is held in place: a line explained makes
    /// several clues, and most are codes, statuses and field names).
    pub text: CompactString,
    /// Where it was found: a field name (`error_code`), `status line`, `text`...
    pub found_in: CompactString,
    /// Byte offsets in the paste.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClueKind {
    Code,
    Message,
    Status,
    Vendor,
}

/// A code no entry has, which a catalog's document points elsewhere for (Huawei's `APIGW.xxxx`).
#[derive(Debug, Clone)]
pub struct ReferralMatch<'c> {
    pub catalog: &'c Catalog,
    pub referral: &'c Referral,
    /// The code as found.
    pub code: String,
    pub captures: Captures,
    pub clues: Vec<Clue>,
    pub confidence: Option<u8>,
    pub position: Option<usize>,
}

/// The answer to one query.
#[derive(Debug, Clone)]
pub struct Outcome<'c> {
    pub query: String,
    pub kind: QueryKind,
    pub matches: Vec<Match<'c>>,
    /// Close codes, when nothing matched.
    pub suggestions: Vec<String>,
    /// Codes that no entry has but a catalog's document points elsewhere for.
    pub referrals: Vec<ReferralMatch<'c>>,
}

impl<'c> Outcome<'c> {
    /// An answer with matches only: no suggestions, no referrals.
    fn of(query: &str, kind: QueryKind, matches: Vec<Match<'c>>) -> Outcome<'c> {
        Outcome {
            query: query.to_string(),
            kind,
            matches,
            suggestions: Vec::new(),
            referrals: Vec::new(),
        }
    }
}

/// How many template regexes a scan builds with a lazy DFA, the fastest engine and the one that keeps the
/// most (`template::lean_regexes_past`): the bench logs' scans build under a hundred.
const SCAN_REGEXES_WITH_LAZY_DFA: usize = 256;

/// Matches queries against the loaded catalogs, restricted to some vendors.
pub struct Matcher<'c> {
    catalogs: &'c Catalogs,
    vendors: Vec<Vendor>,
    /// Entries by literal code, lower-cased, as indexes into their catalogs; built on first use from the
    /// catalogs' code tables, which decodes no entry (a code lookup searches the tables instead: it needs
    /// them once, a paste once per word).
    codes: std::sync::OnceLock<CodeTable>,
    /// The automaton over every code and message literal; built on first use (code lookups never need it).
    finder: std::sync::OnceLock<finder::Finder<'c>>,
    /// What marks each vendor in a paste, from every loaded catalog (evidence of a vendor filtered out
    /// still counts against another's claim); built on first use.
    hints: std::sync::OnceLock<crate::paste::Hints>,
    /// The vendors that lend each name other vendors reuse (their catalogs' `shared_names`), from every
    /// loaded catalog; built on first use.
    lenders: std::sync::OnceLock<Lenders<'c>>,
    /// Set for scanning logs: build for throughput rather than quick start.
    bulk: bool,
}

/// Every literal code of the wanted catalogs as (hash of the lower-case code, catalog's place in the set,
/// row of the catalog's code table), sorted: 16 bytes a code, where a map of the codes took some 60 (13 MB
/// at 200,000 entries).
type CodeTable = Vec<(u64, u32, u32)>;

/// Names vendors lend others (`shared_names`: AWS's common errors, gRPC's status codes), with the vendors that
/// lend each.
#[derive(Default)]
struct Lenders<'c>(std::collections::HashMap<&'c str, Vec<Vendor>>);

impl Lenders<'_> {
    /// Whether `code` is a name a vendor other than `vendor` lends.
    fn lent_to(&self, code: &str, vendor: Vendor) -> bool {
        (self.0.get(code)).is_some_and(|vendors| vendors.iter().any(|&v| v != vendor))
    }
}

// Scores: an exact hit on the code or the whole message beats the message found inside a longer text, which
// beats a fragment of the message, which beats a hit in the explanation. Within a tier, the template with
// more literal text is the more specific one.
const SCORE_CODE: u32 = 10_000;
const SCORE_CODE_TEMPLATE: u32 = 9_000;
const SCORE_MESSAGE: u32 = 8_000;
const SCORE_MESSAGE_IN_QUERY: u32 = 6_000;
const SCORE_FRAGMENT: u32 = 4_000;
const SCORE_EXPLANATION: u32 = 2_000;
/// A vendor row whose message was copied from another row ranks below the row the message belongs to.
const DOUBTFUL_PENALTY: u32 = 1_500;
/// The older edition's row ranks just below the current one when both match equally.
const OLDER_EDITION_PENALTY: u32 = 1;
/// Fragments shorter than this (in bytes) match too much to be useful.
const MIN_FRAGMENT_LEN: usize = 3;

impl<'c> Matcher<'c> {
    /// `vendors` empty means every vendor.
    pub fn new(catalogs: &'c Catalogs, vendors: &[Vendor]) -> Matcher<'c> {
        Matcher {
            catalogs,
            vendors: vendors.to_vec(),
            lenders: std::sync::OnceLock::new(),
            codes: std::sync::OnceLock::new(),
            finder: std::sync::OnceLock::new(),
            hints: std::sync::OnceLock::new(),
            bulk: false,
        }
    }

    /// A matcher for much text (`scan`): its automaton takes longer to build and searches faster.
    pub fn for_bulk(catalogs: &'c Catalogs, vendors: &[Vendor]) -> Matcher<'c> {
        Matcher {
            bulk: true,
            ..Matcher::new(catalogs, vendors)
        }
    }

    /// Every catalog loaded, whichever vendors this matcher answers for.
    pub fn loaded(&self) -> &'c Catalogs {
        self.catalogs
    }

    /// Builds what scanning lines needs, so that the searching threads share it from the start rather than
    /// the first of them building it while the others wait.
    pub fn prepare_for_scan(&self) {
        self.finder();
        // (A gateway's log names a few hundred entries at most; a large user catalog's, thousands.)
        crate::template::lean_regexes_past(SCAN_REGEXES_WITH_LAZY_DFA);
    }

    fn hints(&self) -> &crate::paste::Hints {
        (self.hints).get_or_init(|| crate::paste::Hints::of(self.catalogs.catalogs.iter()))
    }

    fn finder(&self) -> &finder::Finder<'c> {
        self.finder_for(0)
    }

    /// The finder, built (the first time) for searching `text_len` bytes: a large paste is worth the
    /// automaton that searches fastest, a small one the automaton that builds fastest.
    fn finder_for(&self, text_len: usize) -> &finder::Finder<'c> {
        const LARGE_PASTE: usize = 256 * 1024;
        self.finder.get_or_init(|| {
            let search = if self.bulk {
                finder::Search::Bulk
            } else if text_len >= LARGE_PASTE {
                finder::Search::Large
            } else {
                finder::Search::Small
            };
            // The catalogs' literal index (the build's, or the cached one of a set with a user's large
            // catalog): a short text is read through it, and a longer one is searched for its literals,
            // rather than for those collected from every entry.
            let catalogs = &self.catalogs.catalogs;
            // (Its message keys are chosen among every catalog: a search of some vendors' collects them.)
            if let Some(index) = self.catalogs.literal_index()
                && catalogs.iter().all(|c| self.wants(c))
            {
                return match search {
                    finder::Search::Small => {
                        finder::Finder::indexed(index, catalogs, self.referrals())
                    }
                    _ => finder::Finder::from_index(index, catalogs, self.referrals(), search),
                };
            }
            finder::Finder::new(self.entries(), self.referrals(), search)
        })
    }

    /// The entries whose literal code is `code`, ignoring ASCII case, in catalog and document order.
    fn entries_with_code(&self, code: &str) -> smallvec::SmallVec<[(&'c Catalog, &'c Entry); 4]> {
        let hash = |code: &[u8]| xxhash_rust::xxh3::xxh3_64(code);
        let table = self.codes.get_or_init(|| {
            let mut table = CodeTable::new();
            for (at, catalog) in self.catalogs.catalogs.iter().enumerate() {
                if !self.wants(catalog) {
                    continue;
                }
                for row in 0..catalog.entries.code_rows() {
                    let (code, _) = catalog.entries.code_row(row);
                    if let (Ok(at), Ok(row)) = (u32::try_from(at), u32::try_from(row)) {
                        table.push((hash(code), at, row));
                    }
                }
            }
            table.sort_unstable();
            table
        });
        // (Codes are short: lower-cased on the stack.)
        let mut lower = smallvec::SmallVec::<[u8; 64]>::from_slice(code.as_bytes());
        lower.make_ascii_lowercase();
        let key = hash(&lower);
        let first = table.partition_point(|&(h, ..)| h < key);
        (table[first..].iter())
            .take_while(|&&(h, ..)| h == key)
            .filter_map(|&(_, at, row)| {
                let catalog = &self.catalogs.catalogs[at as usize];
                let (code, _) = catalog.entries.code_row(row as usize);
                // (Two codes may share a hash.)
                if code != lower.as_slice() {
                    return None;
                }
                Some((catalog, catalog.entries.row_entry(row as usize)?))
            })
            .collect()
    }

    /// Whether the user asked for this vendor's catalogs (all, without `--vendor`).
    fn wants(&self, catalog: &Catalog) -> bool {
        self.vendors.is_empty() || self.vendors.contains(&catalog.vendor)
    }

    fn entries(&self) -> impl Iterator<Item = (&'c Catalog, &'c Entry)> + '_ {
        self.catalogs.entries().filter(|(c, _)| self.wants(c))
    }

    fn referrals(&self) -> impl Iterator<Item = (&'c Catalog, &'c Referral)> + '_ {
        self.catalogs()
            .flat_map(|c| c.referrals.iter().map(move |r| (c, r)))
    }

    /// Resolves the words of `errcode lookup`: several codes or statuses are separate queries; anything else
    /// is read as one message (`errcode lookup Backend timeout` needs no quotes).
    pub fn lookup_all(&self, args: &[String]) -> Vec<Outcome<'c>> {
        if args.len() <= 1 {
            return args.iter().map(|a| self.lookup(a)).collect();
        }
        let separate: Vec<Outcome<'c>> = args.iter().map(|a| self.lookup(a)).collect();
        let all_resolved = separate.iter().all(|o| {
            !o.matches.is_empty() && matches!(o.kind, QueryKind::Code | QueryKind::Status)
        });
        if all_resolved {
            return separate;
        }
        let joined = self.lookup(&args.join(" "));
        if joined.matches.is_empty() {
            separate
        } else {
            vec![joined]
        }
    }

    /// Resolves one query: an HTTP status; a code; a paste of any shape (JSON body, SDK dump, HTTP
    /// response, log lines) read for every gateway error in it; else a message fragment.
    pub fn lookup(&self, raw: &str) -> Outcome<'c> {
        let mut query = clean(raw);
        // A coloured code or status (`\x1b[1mAPIG.0303\x1b[0m`) is the code; a longer paste is read with a
        // view without its colours.
        if let Some(uncoloured) = crate::paste::without_terminal_escapes(&query)
            && is_token(uncoloured.trim())
        {
            query = uncoloured.trim().to_string();
        }
        if let Some(range) = parse_status(&query) {
            return self.status_range(&query, range);
        }
        // `429 Too Many Requests`, `HTTP 404`, `status 429`: a status said in words.
        if let Some(status) = natural_status(&query) {
            return self.status_range(&query, (status, status));
        }
        if is_token(&query) {
            let mut matches = self.by_code(&query);
            if !matches.is_empty() {
                // A word that is a code and also a whole message (`Forbidden`, `Unauthorized`): both, the
                // codes first. (Only a plain word can be a message too: `APIG.0303` is not read again.)
                if query.chars().all(|c| c.is_alphabetic() || c == ' ') {
                    let whole_messages: Vec<Match<'c>> = (self.messages(&query, false).into_iter())
                        .filter(|m| {
                            m.matched_by == MatchedBy::Message
                                && !matches.iter().any(|c| std::ptr::eq(c.entry, m.entry))
                        })
                        .collect();
                    matches.extend(ranked(whole_messages));
                }
                return Outcome::of(&query, QueryKind::Code, matches);
            }
            // No entry has it: a word of a message, or a code the tables lack. For the latter, a close code
            // (a typo?) and what the vendor's document says of such codes, both.
            let matches = self.by_message(&query);
            if !matches.is_empty() {
                return Outcome::of(&query, QueryKind::Message, matches);
            }
            // (A referral of any name answers only a paste's code field, where its vendor is named.)
            let mut referrals = self.referrals_for(&query, Vec::new(), None);
            referrals.retain(|r| !r.referral.is_open());
            let kind = if looks_like_code(&query) || !referrals.is_empty() {
                QueryKind::Code
            } else {
                QueryKind::Message
            };
            return Outcome {
                suggestions: self.suggest(&query),
                referrals,
                ..Outcome::of(&query, kind, Vec::new())
            };
        }
        let pasted = self.analyze(&query, crate::paste::Reading::Paste, None);
        if !pasted.matches.is_empty() || !pasted.referrals.is_empty() {
            return Outcome {
                referrals: pasted.referrals,
                ..Outcome::of(&query, QueryKind::Message, pasted.matches)
            };
        }
        // A short line stating one status (`HTTP/1.1 429 Too Many Requests`, axios's `Request failed with
        // status code 429`): every entry with that status. Not where a field says words of its own
        // (`{"code": 404, "data": {"message": "key not found"}}`, `{"code":404,"info":"method not exists"}`
        // are backends' errors no entry has). Success statuses are not errors.
        if let [status] = pasted.statuses.as_slice()
            && *status >= 400
            && !query.contains('\n')
            && query.len() <= 60
            && !pasted.own_message
            && !has_field_words(&query)
        {
            return self.status_range(&query, (*status, *status));
        }
        // A short line typed by hand (any case, a fragment of a message): the forgiving search.
        // (A vendor message inside the text was the paste reading's to find, case kept; here a generic
        // message would match ordinary words, as 超时 in a sentence.)
        if !query.contains('\n') && query.chars().count() <= 200 {
            let mut matches = self.by_message(&query);
            matches.retain(|m| m.matched_by != MatchedBy::MessageInQuery);
            return Outcome::of(&query, QueryKind::Message, matches);
        }
        Outcome::of(&query, QueryKind::Message, Vec::new())
    }

    /// `errcode status`: `429`, or a class such as `4xx`.
    pub fn status(&self, spec: &str) -> Result<Outcome<'c>> {
        let spec = clean(spec);
        match parse_status(&spec) {
            Some(range) => Ok(self.status_range(&spec, range)),
            None => Err(Error::Usage(format!(
                "invalid status {spec:?}: expected three digits such as 429, or a class such as 4xx"
            ))),
        }
    }

    fn status_range(&self, query: &str, (low, high): (u16, u16)) -> Outcome<'c> {
        let mut matches: Vec<Match<'c>> = Vec::new();
        for catalog in self.catalogs() {
            for entry in (catalog.entries.with_status(low..=high).into_iter())
                .filter_map(|i| catalog.entries.get(i))
            {
                matches.push(plain_match(catalog, entry, MatchedBy::Status));
            }
        }
        // Grouped by vendor, then by status; document order within.
        matches.sort_by_key(|m| (m.catalog.vendor, m.entry.status));
        Outcome::of(query, QueryKind::Status, matches)
    }

    /// The vendors that lend each name other vendors reuse (every loaded catalog's `shared_names`).
    fn lenders(&self) -> &Lenders<'c> {
        self.lenders.get_or_init(|| {
            let mut lenders = Lenders::default();
            for catalog in &self.catalogs.catalogs {
                for name in &catalog.shared_names {
                    (lenders.0.entry(name.as_str()).or_default()).push(catalog.vendor);
                }
            }
            lenders
        })
    }

    /// The wanted catalogs, in load order.
    fn catalogs(&self) -> impl Iterator<Item = &'c Catalog> + '_ {
        self.catalogs.catalogs.iter().filter(|c| self.wants(c))
    }

    // Code and message lookups go through each catalog's entries by index (`Entries`), not through every
    // decoded entry: a large cached catalog then decodes only the entries a lookup reads.
    fn by_code(&self, query: &str) -> Vec<Match<'c>> {
        // A template typed as the vendor's document prints it (`Missing%s`) is that template's exact code.
        let query_shape = template_shape(query);
        let mut exact: Vec<Match<'c>> = Vec::new();
        for catalog in self.catalogs() {
            let mut found = catalog.entries.with_code(query);
            if let Some(shape) = &query_shape {
                found.extend(
                    catalog
                        .entries
                        .with_code_template()
                        .into_iter()
                        .filter(|&i| {
                            let entry = catalog.entries.get(i);
                            let code = entry.and_then(|e| e.code.as_ref()).map(|c| c.source());
                            *shape == code.and_then(template_shape).unwrap_or_default()
                        }),
                );
                found.sort_unstable();
            }
            let entries = found.into_iter().filter_map(|i| catalog.entries.get(i));
            exact.extend(entries.map(|entry| Match {
                score: SCORE_CODE - edition_penalty(entry),
                ..plain_match(catalog, entry, MatchedBy::Code)
            }));
        }
        // An exact code beats any template that also fits (`MissingSecurityToken` over `Missing{param}`).
        if !exact.is_empty() {
            return ranked(exact);
        }
        let templated = self
            .code_templates_fitting(query)
            .into_iter()
            .map(|(catalog, entry, code, captures)| Match {
                captures,
                score: SCORE_CODE_TEMPLATE + code.literal_len() as u32 - edition_penalty(entry),
                ..plain_match(catalog, entry, MatchedBy::CodeTemplate)
            })
            .collect();
        ranked(templated)
    }

    /// The entries whose code is a template (`Missing{param}`) that `code` fits, with what it captured.
    fn code_templates_fitting(
        &self,
        code: &str,
    ) -> Vec<(&'c Catalog, &'c Entry, &'c Template, Captures)> {
        let mut fitting = Vec::new();
        for catalog in self.catalogs() {
            for i in catalog.entries.with_code_template() {
                let Some(entry) = catalog.entries.get(i) else {
                    continue;
                };
                let Some(template) = entry.code.as_ref() else {
                    continue;
                };
                if let Some((captures, _)) = template
                    .may_fit(code)
                    .then(|| template.find(code))
                    .flatten()
                {
                    fitting.push((catalog, entry, template, captures));
                }
            }
        }
        fitting
    }

    fn by_message(&self, query: &str) -> Vec<Match<'c>> {
        // Meanings and fixes are searched only when no message holds the words (a message found inside the
        // query, as `超时` in `后端超时`, does not count): a message is what the user means, and searching
        // every explanation too costs most of a lookup.
        let matches = self.messages(query, false);
        let message_holds_query = matches.iter().any(|m| {
            matches!(
                m.matched_by,
                MatchedBy::Message | MatchedBy::MessageFragment
            )
        });
        ranked(if message_holds_query {
            matches
        } else {
            self.messages(query, true)
        })
    }

    /// The entries whose message forms (and, with `explanations`, meanings and fixes) hold `query`, with
    /// their scores, unranked.
    fn messages(&self, query: &str, explanations: bool) -> Vec<Match<'c>> {
        self.messages_among(query, explanations, true)
    }

    /// As `messages`; `indexed`: where the catalogs have a message index, only the entries it gives for
    /// `query` are scored (`catalog::grams`: every entry whose messages can score is among them, so the
    /// matches are the same, in the same order). Explanations are searched in every entry.
    fn messages_among(&self, query: &str, explanations: bool, indexed: bool) -> Vec<Match<'c>> {
        let folded = fold(query);
        let folded = folded.trim();
        if folded.is_empty() {
            return Vec::new();
        }
        let needle = Needle::new(folded);
        let index = (indexed && !explanations)
            .then(|| self.catalogs.literal_index())
            .flatten();
        let entries: Vec<(&'c Catalog, usize)> = match index {
            Some(index) => (index.messages().candidates(folded).into_iter())
                .map(|(c, i)| (&self.catalogs.catalogs[c], i))
                .filter(|(catalog, _)| self.wants(catalog))
                .collect(),
            None => (self.catalogs())
                .flat_map(|catalog| (0..catalog.entries.len()).map(move |i| (catalog, i)))
                .collect(),
        };
        (entries.into_iter())
            .filter_map(|(catalog, i)| self.message_match(catalog, i, query, &needle, explanations))
            .collect()
    }

    /// Entry `i` of `catalog` as a match of `query` (`needle`: the query folded) by its message forms
    /// (and, with `explanations`, its meaning and fix), with its score; `None` where nothing holds it.
    fn message_match(
        &self,
        catalog: &'c Catalog,
        i: usize,
        query: &str,
        needle: &Needle,
        explanations: bool,
    ) -> Option<Match<'c>> {
        let (captures, matched_by, score) = catalog
            .entries
            .with_message_forms(i, |forms| message_score(forms, query, needle))
            .or_else(|| {
                explanations
                    .then(|| explanation_score(catalog.entries.get(i)?, needle))
                    .flatten()
            })?;
        let entry = catalog.entries.get(i)?;
        let penalty = edition_penalty(entry)
            + if entry.doubtful_message {
                DOUBTFUL_PENALTY
            } else {
                0
            };
        Some(Match {
            captures,
            score: score.saturating_sub(penalty),
            ..plain_match(catalog, entry, matched_by)
        })
    }

    /// Codes within a small edit distance of a query that matched nothing (`APIG.0330` → `APIG.0303`).
    fn suggest(&self, query: &str) -> Vec<String> {
        let query = query.to_lowercase();
        let limit = (query.chars().count() / 3).clamp(1, 3);
        // The closest first; among as close, the same code but for a number's leading zeros (`APIG.303`
        // is `APIG.0303` before `APIG.3203`).
        let query_unpadded = unpadded_code(&query);
        let query_len = query.chars().count();
        let mut candidates: Vec<((usize, bool), String)> = self
            .entries()
            .filter_map(|(_, e)| e.code.as_ref()?.literal())
            .filter_map(|code| {
                // (No fewer edits than the lengths differ by: a pasted line of thousands of characters is
                // measured against no code, where it took a second per 25 KB.)
                if code.chars().count().abs_diff(query_len) > limit {
                    return None;
                }
                let distance = strsim::damerau_levenshtein(&query, &code.to_lowercase());
                let other_number = unpadded_code(&code) != query_unpadded;
                (distance <= limit).then_some(((distance, other_number), code))
            })
            .collect();
        candidates.sort_by_key(|(key, _)| *key);
        let mut suggestions: Vec<String> = Vec::new();
        for (_, code) in candidates {
            if !suggestions.contains(&code) {
                suggestions.push(code);
            }
        }
        suggestions.truncate(5);
        suggestions
    }

    /// `errcode grep`: entries whose code, message, meaning, fix or note match, in catalog order.
    pub fn grep(&self, pattern: &str, regex: &Regex) -> Outcome<'c> {
        let matches = self
            .entries()
            .filter(|(_, e)| searchable_texts(e).any(|text| regex.is_match(text)))
            .map(|(catalog, entry)| plain_match(catalog, entry, MatchedBy::Pattern))
            .collect();
        Outcome::of(pattern, QueryKind::Message, matches)
    }

    /// The lines of `block` (byte ranges, without their newline) in which a code or message literal
    /// stands: lines without one carry no known error, so a log scanner reads only these.
    pub fn candidate_lines<'a>(
        &'a self,
        block: &'a [u8],
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
        self.finder().candidate_lines(block)
    }

    /// The errors one log line carries: read as a paste is, with only the evidence a line can hold.
    pub fn scan_line(&self, line: &str) -> (Vec<Match<'c>>, Vec<ReferralMatch<'c>>) {
        let literals: Vec<LiteralHit> = self.finder().literals(line.as_bytes());
        self.read_line(line, &literals)
    }

    /// Whether `scan_line` would report anything in `line`, found with less work where a distinctive code
    /// settles it: for `scan --count`.
    pub fn line_is_reported(&self, line: &str) -> bool {
        let Some(literals) = self.finder().literals_unless_coded(line) else {
            return true;
        };
        if (self.finder()).uncoded_message_stands(line, &literals, |span, message| {
            findings::reported_alone(line, span, message)
        }) {
            return true;
        }
        let (matches, referrals) = self.read_line(line, &literals);
        !matches.is_empty() || !referrals.is_empty()
    }

    /// The errors of a log line whose literals have been found.
    fn read_line(
        &self,
        line: &str,
        literals: &[LiteralHit],
    ) -> (Vec<Match<'c>>, Vec<ReferralMatch<'c>>) {
        let finder = self.finder();
        if finder.reportable(literals) {
            // A line is read as it is (no fields, no escaped views): what it carries is what its literals
            // resolve to, and a line where they resolve to nothing (a message's word in other words:
            // `connection refused`) need not be read for statuses and weighed.
            let hits = finder.resolve(line, literals);
            if !hits.is_empty() {
                let found = self.analyze(line, crate::paste::Reading::Line, Some(hits));
                if !found.matches.is_empty() || !found.referrals.is_empty() {
                    return (found.matches, found.referrals);
                }
            }
        }
        // A generic message beside its status (`status=404 msg="Found no api"`) is reported where a field
        // says the message whole, which a line's reading does not look for: where the line states a status
        // of such a message, it is read as a lookup reads it. Such lines are few.
        let generic = finder.generic_statuses(literals);
        if generic.is_empty()
            || !crate::paste::line_statuses(line)
                .iter()
                .any(|s| generic.contains(s))
        {
            return (Vec::new(), Vec::new());
        }
        let found = self.analyze(line, crate::paste::Reading::Paste, None);
        (found.matches, found.referrals)
    }

    /// Every regex the matcher uses to recognise a code or message in text, one per distinct pattern, in a
    /// syntax ripgrep and `grep -E` (GNU) accept: for `errcode catalog patterns`.
    pub fn patterns(&self) -> Vec<String> {
        let mut patterns: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (_, entry) in self.entries() {
            let code = entry
                .code
                .as_ref()
                .and_then(|c| c.literal())
                .map(|c| regex::escape(&c));
            let forms = entry.message_forms().iter().map(|f| f.portable_pattern());
            for pattern in code.into_iter().chain(forms) {
                if seen.insert(pattern.clone()) {
                    patterns.push(pattern);
                }
            }
        }
        patterns
    }

    /// `errcode family ID`: the family's loaded members, grouped by vendor.
    pub fn family_members(&self, family: &crate::family::Family) -> Outcome<'c> {
        let mut matches: Vec<Match<'c>> = family
            .loaded_members(self.catalogs)
            .into_iter()
            .filter(|(c, _)| self.wants(c))
            .map(|(catalog, entry)| plain_match(catalog, entry, MatchedBy::List))
            .collect();
        matches.sort_by_key(|m| m.catalog.vendor);
        Outcome::of(family.id, QueryKind::List, matches)
    }

    /// `errcode list`: every entry, in catalog order.
    pub fn list(&self) -> Outcome<'c> {
        let matches = self
            .entries()
            .map(|(catalog, entry)| plain_match(catalog, entry, MatchedBy::List))
            .collect();
        Outcome::of("", QueryKind::List, matches)
    }
}

#[cfg(test)]
mod tests;
