//! Placeholder templates: the `{name}` syntax of catalog codes, messages and explanations, and the regexes
//! that match the filled-in text a user pastes.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use memchr::memmem;
use regex::Regex;

mod bigrams;
mod pattern;
mod syntax;

pub use bigrams::Bigrams;
pub(crate) use pattern::weight_of;
use pattern::*;
pub use pattern::{fold, lean_regexes_past};
pub(crate) use syntax::has_braces;
use syntax::*;
pub use syntax::{fill_code, fill_text, needs_escape, validate, wide_needs_escape};

/// What a placeholder captured, by placeholder name (first occurrence wins).
pub type Captures = BTreeMap<String, String>;

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Literal(String),
    Placeholder(String),
}

/// A problem in template syntax, with the byte offset into the template where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// Where a template is used decides what a placeholder may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Codes are single tokens: a placeholder matches `[A-Za-z0-9_]+`.
    Code,
    /// Messages are prose: a placeholder matches a run of non-blank characters, or anything up to a
    /// closing bracket when the placeholder sits between brackets.
    Message,
}

/// A template: its source text, parsed on first use (a built-in catalog's 300 templates are not all needed
/// by one lookup), and regexes compiled on first use (most runs never need them).
#[derive(Debug)]
pub struct Template {
    source: Cow<'static, str>,
    context: Context,
    /// Everything derived from the source, made on first use and boxed: most templates of a large
    /// catalog are never used, and a small `Template` keeps the catalog small in memory.
    derived: OnceLock<Box<Derived>>,
}

#[derive(Debug)]
struct Derived {
    parts: Parts,
    /// Case-insensitive, for what people type; case-sensitive, for what responses and logs carry verbatim.
    regex_any_case: OnceLock<Regex>,
    regex_exact_case: OnceLock<Regex>,
    generic: OnceLock<bool>,
    /// Boxed: most templates a catalog's loading touches (for its key, whether it is generic) never search
    /// a text, and the searchers are most of a `Derived` (1.3 of 1.6 KB inline: 65 MB of a 50,000-entry
    /// catalog's scan).
    finders: OnceLock<Box<Finders>>,
}

impl Derived {
    fn new(parts: Parts) -> Box<Derived> {
        Box::new(Derived {
            parts,
            regex_any_case: OnceLock::new(),
            regex_exact_case: OnceLock::new(),
            generic: OnceLock::new(),
            finders: OnceLock::new(),
        })
    }
}

/// What parsing a template gives.
#[derive(Debug, Clone)]
struct Parts {
    segments: Vec<Segment>,
    /// The longest run of non-blank literal text: it must appear in anything the template matches, so most
    /// templates are ruled out by a substring search without compiling their regex.
    key: String,
    key_lower: String,
    /// The text itself, for a template without placeholders.
    plain: Option<String>,
}

/// Searchers for a template's key and plain text, built once for a template that searches text many times:
/// a scan asks a template about thousands of lines, and `str::contains` builds its searcher anew every
/// call (measured: a tenth of a scan's time). Lazily: a lookup reads hundreds of templates once each.
#[derive(Debug)]
struct Finders {
    key: memmem::Finder<'static>,
    plain: Option<memmem::Finder<'static>>,
    /// A plain message without its final full stop, as gateways send it when they append detail.
    without_stop: Option<memmem::Finder<'static>>,
    /// A plain message beginning with a capitalised word, that word's first letter in lower case and the
    /// final full stop left off, as users retype it (`invalid API key in request`).
    lower_first: Option<memmem::Finder<'static>>,
    /// A plain message's words other than its key (each less a final full stop), which must all stand
    /// in a text for its regex to be tried there; built the first time a text has the key but not the
    /// message as written.
    words: OnceLock<Vec<memmem::Finder<'static>>>,
    /// For a plain text or a message: the byte pairs within the words of its literal text
    /// (`Template::verbatim_words`), which a text must all hold to carry it in any of the ways
    /// `find_all_exact` finds it.
    pairs: Option<Bigrams>,
    /// A message's loose pattern (`loose_pattern`) and the weights kept where it ends before a sentence,
    /// compiled the first time a paste has its key but not the message as written.
    loose: OnceLock<(Regex, Vec<usize>)>,
}

impl Parts {
    fn of(source: &str) -> Result<Parts, SyntaxError> {
        Ok(Parts::from_segments(parse_segments(source)?))
    }

    fn from_segments(segments: Vec<Segment>) -> Parts {
        let key = rarest_word(&segments).to_string();
        let plain = segments
            .iter()
            .all(|s| matches!(s, Segment::Literal(_)))
            .then(|| fill(&segments, &Captures::new()));
        Parts {
            key_lower: key.to_lowercase(),
            key,
            plain,
            segments,
        }
    }
}

/// A plain message whose first word is capitalised (`Invalid API key`, not `API key not valid`), with that
/// word's first letter in lower case.
fn lower_first(plain: &str) -> Option<String> {
    pattern::starts_capitalised(plain)
        .then(|| format!("{}{}", plain[..1].to_ascii_lowercase(), &plain[1..]))
}

/// A message with less literal text than this (CJK characters count double) is generic.
const DISTINCTIVE_WEIGHT: usize = 16;

/// How much of a message's literal text a paste must carry for `Template::find_partial` to find it.
const PARTIAL_WEIGHT: usize = 30;

/// Whether a message is one or two words of ASCII letters (a final full stop aside): `Invalid signature.`
fn few_plain_words(message: &str) -> bool {
    let message = message.trim().trim_end_matches('.');
    let words: Vec<&str> = message.split_whitespace().collect();
    words.len() <= 2
        && words
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
}

impl Clone for Template {
    fn clone(&self) -> Self {
        let derived = OnceLock::new();
        if let Some(d) = self.derived.get() {
            let _ = derived.set(Derived::new(d.parts.clone()));
        }
        Template {
            source: self.source.clone(),
            context: self.context,
            derived,
        }
    }
}

impl Template {
    /// Parses and checks a template now (a user's catalog: errors must be reported at load).
    pub fn parse(source: &str, context: Context) -> Result<Template, SyntaxError> {
        let parts = Parts::of(source)?;
        Ok(Template {
            source: Cow::Owned(source.to_string()),
            context,
            derived: OnceLock::from(Derived::new(parts)),
        })
    }

    /// A template from checked data (the built-in catalogs, the cache of users' catalogs), parsed when
    /// first used. Its syntax was checked when the data was written; should the data be damaged anyway
    /// (a cache file edited by hand), the text is taken literally rather than failing.
    pub fn trusted(source: &'static str, context: Context) -> Template {
        Template {
            source: Cow::Borrowed(source),
            context,
            derived: OnceLock::new(),
        }
    }

    fn derived(&self) -> &Derived {
        self.derived.get_or_init(|| {
            let parts = Parts::of(&self.source).unwrap_or_else(|_| {
                Parts::from_segments(vec![Segment::Literal(self.source.to_string())])
            });
            Derived::new(parts)
        })
    }

    fn parts(&self) -> &Parts {
        &self.derived().parts
    }

    /// The longest run of non-blank literal text, which anything the template matches contains verbatim.
    pub fn key(&self) -> &str {
        // A template without braces is its own one literal piece: its key needs no parsing.
        match self.plain_source() {
            Some(plain) => rarest_word_of(std::iter::once(plain)),
            None => &self.parts().key,
        }
    }

    /// The words of the template's literal text (white-space separated, a final full stop left off) that
    /// could stand for it in a search: anything it matches contains each verbatim, and they are neither
    /// common words nor shorter than four bytes, which most texts have (as a search key such a word would
    /// make every line of a log a candidate).
    pub fn words(&self) -> Vec<&str> {
        let keyable = |w: &&str| w.len() >= 4 && !pattern::is_common(w);
        // (A capitalised first word may be retyped in lower case: it is no word the text must hold.)
        (self.literal_words().into_iter())
            .filter(|&(_, retyped)| !retyped)
            .map(|(word, _)| word)
            .filter(keyable)
            .collect()
    }

    /// What anything the template finds (`find_all_exact`) holds verbatim of each word of its literal
    /// text, common and short ones included: the word, or of a capitalised first word, which may be retyped
    /// in lower case, the rest of it.
    pub fn verbatim_words(&self) -> Vec<&str> {
        (self.literal_words().into_iter())
            .map(|(word, retyped)| if retyped { &word[1..] } else { word })
            .filter(|word| !word.is_empty())
            .collect()
    }

    /// The words of the template's literal text (white-space separated, a final full stop left off, and
    /// beside a placeholder the quotation marks, which vary), each with whether it is a capitalised first
    /// word, which may be retyped in lower case.
    fn literal_words(&self) -> Vec<(&str, bool)> {
        fn strip(w: &str) -> &str {
            w.strip_suffix('.').filter(|w| !w.is_empty()).unwrap_or(w)
        }
        let retyped = |text: &str| self.context == Context::Message && lower_first(text).is_some();
        match self.plain_source() {
            Some(plain) => {
                let first_retyped = retyped(plain);
                (plain.split_whitespace().enumerate())
                    .map(|(i, w)| (strip(w), i == 0 && first_retyped))
                    .collect()
            }
            None => {
                let segments = &self.parts().segments;
                let first_retyped =
                    matches!(segments.first(), Some(Segment::Literal(text)) if retyped(text));
                (segments.iter())
                    .filter_map(|s| match s {
                        Segment::Literal(text) => {
                            Some(text.split_whitespace().map(|w| strip(pattern::unquoted(w))))
                        }
                        Segment::Placeholder(_) => None,
                    })
                    .flatten()
                    .enumerate()
                    .map(|(i, w)| (w, i == 0 && first_retyped))
                    .collect()
            }
        }
    }

    /// The catalog's text, placeholders and `{{`/`}}` escapes included.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn segments(&self) -> &[Segment] {
        &self.parts().segments
    }

    /// Text without braces is its own literal: it needs no parsing to be shown or compared, which keeps a
    /// lookup from parsing every built-in template.
    fn plain_source(&self) -> Option<&str> {
        (!has_braces(&self.source)).then_some(&*self.source)
    }

    pub fn has_placeholders(&self) -> bool {
        self.plain_source().is_none()
            && self
                .parts()
                .segments
                .iter()
                .any(|s| matches!(s, Segment::Placeholder(_)))
    }

    /// The text with escapes resolved, when the template has no placeholders.
    pub fn literal(&self) -> Option<String> {
        self.literal_str().map(str::to_string)
    }

    /// As `literal`, borrowed.
    pub fn literal_str(&self) -> Option<&str> {
        self.plain_source()
            .or_else(|| self.parts().plain.as_deref())
    }

    /// The text as shown to people: escapes resolved, placeholders as `{name}`. Without escapes that is
    /// the source itself, which needs no parsing (a message lookup shows every message to its query).
    pub fn display(&self) -> Cow<'_, str> {
        // (Most sources have no brace at all: one byte search settles them.)
        if !has_braces(&self.source) || !self.source.contains("{{") && !self.source.contains("}}") {
            return Cow::Borrowed(&self.source);
        }
        Cow::Owned(fill(&self.parts().segments, &Captures::new()))
    }

    /// Number of literal characters: a longer literal is a more specific template. Counted on the source
    /// (an escape is one character, a placeholder none) so that a lookup does not parse every template.
    pub fn literal_len(&self) -> usize {
        if let Some(count) = literal_chars(&self.source) {
            return count;
        }
        self.parts()
            .segments
            .iter()
            .map(|s| match s {
                Segment::Literal(text) => text.chars().count(),
                Segment::Placeholder(_) => 0,
            })
            .sum()
    }

    /// Whether a code could fit this code template, judged without its regex: the literal pieces stand in
    /// the code in order (any case). Saves compiling a regex per code template for every code looked up.
    pub fn may_fit(&self, code: &str) -> bool {
        let code = code.to_ascii_lowercase();
        let mut rest = code.as_str();
        for segment in &self.parts().segments {
            if let Segment::Literal(text) = segment {
                match rest.find(&text.to_ascii_lowercase()) {
                    Some(at) => rest = &rest[at + text.len()..],
                    None => return false,
                }
            }
        }
        true
    }

    /// How distinctive the literal text is: characters, with each CJK character counted twice (one carries
    /// about as much as a short word).
    pub fn weight(&self) -> usize {
        self.parts()
            .segments
            .iter()
            .map(|s| match s {
                Segment::Literal(text) => text
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .map(|c| if c.is_ascii() { 1 } else { 2 })
                    .sum(),
                Segment::Placeholder(_) => 0,
            })
            .sum()
    }

    /// Whether the message is too short or plain to tell an error by itself (`超时`, `Bad Gateway`): it
    /// counts only with other evidence. So is a message of one or two plain words (`Invalid signature`,
    /// `Invalid Credentials`): every platform's authentication says such words, so they tell no vendor.
    pub fn is_generic(&self) -> bool {
        *self.derived().generic.get_or_init(|| {
            self.weight() < DISTINCTIVE_WEIGHT
                || crate::status::is_reason_phrase(&self.display())
                || crate::status::is_status_title(&self.display())
                || self.parts().plain.as_deref().is_some_and(few_plain_words)
        })
    }

    /// The case-insensitive regex, compiled the first time it is needed. Codes are matched whole; messages
    /// anywhere in the text searched (callers check whether the match spans it all).
    pub fn regex(&self) -> &Regex {
        self.derived()
            .regex_any_case
            .get_or_init(|| compile(&regex_pattern(&self.parts().segments, self.context, true)))
    }

    /// The exact-case pattern without named groups or lazy repetition, which ripgrep and GNU `grep -E` both
    /// read (what matches is the same; only where captures end would differ).
    pub fn portable_pattern(&self) -> String {
        regex_pattern(&self.parts().segments, self.context, false)
            .replace("+?", "+")
            .replace("*?", "*")
            // `\n` inside a bracket class is a newline to ripgrep but `\` and `n` to grep: lines hold none.
            .replace("\\n]", "]")
            // `\s` inside one is `\` and `s` to grep -E: the POSIX class is read alike by all.
            .replace("[^\\s", "[^[:space:]")
            .split("(?P<")
            .enumerate()
            .map(|(i, piece)| {
                if i == 0 {
                    piece.to_string()
                } else {
                    format!("({}", &piece[piece.find('>').map_or(0, |g| g + 1)..])
                }
            })
            .collect()
    }

    fn regex_exact_case(&self) -> &Regex {
        self.derived()
            .regex_exact_case
            .get_or_init(|| compile(&regex_pattern(&self.parts().segments, self.context, false)))
    }

    /// Matches `text` (any case), returning the captures and whether the match spans all of `text`.
    /// `folded` is `fold(text)`, computed once by the caller for all templates.
    pub fn find_folded(&self, text: &str, folded: &str) -> Option<(Captures, bool)> {
        // A message without placeholders, of characters without case (Chinese), can stand in the text only
        // if each of its words does as written (a final full stop aside, as for the key): checked without
        // parsing the template.
        let caseless = |c: char| !c.is_lowercase() && !c.is_uppercase();
        if let Some(plain) = self.plain_source()
            && plain.chars().all(caseless)
            && !plain
                .split_whitespace()
                .all(|word| folded.contains(word.strip_suffix('.').unwrap_or(word)))
        {
            return None;
        }
        // (A plain template's key needs no parsing: most templates a lookup reads are never parsed.)
        let key_lower = match self.plain_source() {
            Some(_) => Cow::Owned(self.key().to_lowercase()),
            None => Cow::Borrowed(self.parts().key_lower.as_str()),
        };
        if !folded.contains(key_lower.as_ref()) {
            return None;
        }
        self.find(text)
    }

    /// Matches `text` (any case), returning the captures and whether the match spans all of `text`.
    pub fn find(&self, text: &str) -> Option<(Captures, bool)> {
        // A message of plain words, in ASCII, is found by hand: its regex costs more to compile than
        // a lookup to read (`find_plain_ascii` finds what the regex would).
        if self.context == Context::Message
            && let Some(plain) = self.plain_source()
            && let Some(found) = pattern::find_plain_ascii(plain, text)
        {
            let span = found?;
            return Some((Captures::new(), span.start == 0 && span.end == text.len()));
        }
        let caps = self.regex().captures(text)?;
        let whole = caps.get(0).expect("group 0 always matches");
        let spans_all = whole.start() == 0 && whole.end() == text.len();
        Some((self.captures(&caps), spans_all))
    }

    fn finders(&self) -> &Finders {
        self.derived().finders.get_or_init(|| {
            let parts = self.parts();
            Box::new(Finders {
                key: memmem::Finder::new(&parts.key).into_owned(),
                plain: parts
                    .plain
                    .as_ref()
                    .map(|p| memmem::Finder::new(p).into_owned()),
                without_stop: parts
                    .plain
                    .as_deref()
                    .and_then(|p| p.strip_suffix('.'))
                    .filter(|_| self.context == Context::Message)
                    .map(|p| memmem::Finder::new(p).into_owned()),
                lower_first: parts
                    .plain
                    .as_deref()
                    .filter(|_| self.context == Context::Message)
                    .and_then(lower_first)
                    .map(|p| memmem::Finder::new(p.trim_end_matches('.')).into_owned()),
                words: OnceLock::new(),
                loose: OnceLock::new(),
                // The words of its literal text, which anything it finds holds verbatim (a text without
                // them is spared the searches, and a regex its compiling).
                pairs: (parts.plain.is_some() || self.context == Context::Message)
                    .then(|| Bigrams::of_words(self.verbatim_words())),
            })
        })
    }

    /// Whether a text with these byte pairs cannot carry the template as `find_all_exact` finds it.
    pub fn ruled_out(&self, text_pairs: &Bigrams) -> bool {
        (self.finders().pairs.as_ref()).is_some_and(|pairs| !pairs.within(text_pairs))
    }

    /// The first `most` places of `find_all_exact`, told the byte pairs of `text` (`Bigrams::of`), which
    /// most texts are ruled out by.
    pub fn find_exact_in(
        &self,
        text: &str,
        text_pairs: &Bigrams,
        most: usize,
    ) -> Vec<(Captures, std::ops::Range<usize>)> {
        if self.ruled_out(text_pairs) {
            return Vec::new();
        }
        self.find_exact(text, most)
    }

    /// Every place `text` carries the template verbatim (case kept), with its captures; a match must not
    /// start or end inside a word.
    pub fn find_all_exact(&self, text: &str) -> Vec<(Captures, std::ops::Range<usize>)> {
        self.find_exact(text, usize::MAX)
    }

    /// The first `most` places of `find_all_exact` (a long line may repeat a message hundreds of thousands
    /// of times, and a reading keeps the first thousand).
    fn find_exact(&self, text: &str, most: usize) -> Vec<(Captures, std::ops::Range<usize>)> {
        let finders = self.finders();
        if finders.key.find(text.as_bytes()).is_none() {
            return Vec::new();
        }
        let bounded = |range: &std::ops::Range<usize>| {
            let before = text[..range.start].chars().next_back();
            let after = text[range.end..].chars().next();
            let found = &text[range.clone()];
            let (first, last) = (found.chars().next(), found.chars().next_back());
            let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            !((word(first) && word(before)) || (word(last) && word(after)))
        };
        // A message without placeholders is found by substring searches, far cheaper than compiling its
        // regex: as the catalog writes it, then without its final full stop (gateways drop it to append
        // detail). The regex remains for other spacing, and only where every word is in the text.
        if let Some(plain) = &finders.plain {
            let literal = self.parts().plain.as_deref().unwrap_or_default();
            let find = |finder: &memmem::Finder<'_>| -> Vec<(Captures, std::ops::Range<usize>)> {
                let len = finder.needle().len();
                finder
                    .find_iter(text.as_bytes())
                    .map(|at| at..at + len)
                    .filter(|range| bounded(range))
                    .map(|range| (Captures::new(), range))
                    .take(most)
                    .collect()
            };
            let found = find(plain);
            if !found.is_empty() {
                return found;
            }
            if let Some(without_stop) = &finders.without_stop {
                let found = find(without_stop);
                if !found.is_empty() {
                    return found;
                }
            }
            if let Some(lower_first) = &finders.lower_first {
                let found = find(lower_first);
                if !found.is_empty() {
                    return found;
                }
            }
            // One word has no other spacing; else every word must be in the text (the key was found).
            if !literal.contains(char::is_whitespace) {
                return Vec::new();
            }
            let words = finders.words.get_or_init(|| {
                (literal.split_whitespace())
                    .filter(|word| word.as_bytes() != finders.key.needle())
                    .map(|word| {
                        memmem::Finder::new(word.strip_suffix('.').unwrap_or(word)).into_owned()
                    })
                    .collect()
            });
            let words_present = words
                .iter()
                .all(|word| word.find(text.as_bytes()).is_some());
            if !words_present {
                return Vec::new();
            }
        }
        let regex = self.regex_exact_case();
        // Finding is fast; capturing is slower, so it runs only on what was found, and only for templates
        // with placeholders.
        let has_placeholders = self.has_placeholders();
        regex
            .find_iter(text)
            .filter(|whole| bounded(&whole.range()))
            .map(|whole| {
                let captures = if has_placeholders {
                    regex
                        .captures(whole.as_str())
                        .map(|caps| self.captures(&caps))
                        .unwrap_or_default()
                } else {
                    Captures::new()
                };
                (captures, whole.range())
            })
            .take(most)
            .collect()
    }

    /// Where a paste carries a message as its quoting may have reshaped it, found nowhere as written
    /// (`find_all_exact`): without the quotation marks beside a value, or without its later sentences, so
    /// long as what stands holds half its literal text and at least `PARTIAL_WEIGHT` of it (one sentence
    /// that says the error, not `Signature expired.`). Exact case, as `find_all_exact`.
    pub fn find_partial(&self, text: &str) -> Option<(Captures, std::ops::Range<usize>)> {
        let whole = self.weight();
        if self.context != Context::Message || whole < PARTIAL_WEIGHT {
            return None;
        }
        // What it finds holds the words of the first sentence (its first word aside, which may be retyped,
        // and the placeholders and quotation marks): without them, no need to compile its pattern.
        let source = self.source();
        let first = pattern::sentence_ends(source)
            .next()
            .map_or(source, |end| &source[..end]);
        let absent = (first.split_whitespace().skip(1))
            .map(|w| pattern::unquoted(w).trim_end_matches('.'))
            .any(|w| !w.is_empty() && !w.contains(['{', '}']) && !text.contains(w));
        if absent {
            return None;
        }
        let (regex, kept) = self.finders().loose.get_or_init(|| {
            let (pattern, kept) = loose_pattern(&self.parts().segments);
            (compile(&pattern), kept)
        });
        let caps = regex.captures_iter(text).find(|caps| {
            let found = caps.get(0).expect("group 0 always matches");
            let (before, after) = (
                text[..found.start()].chars().next_back(),
                text[found.end()..].chars().next(),
            );
            let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            let ends_in_words = word(found.as_str().chars().next()) && word(before)
                || word(found.as_str().chars().next_back()) && word(after);
            // The weight of the literal text up to the first later sentence left off.
            let weight = (0..kept.len())
                .find(|k| caps.name(&format!("s{k}")).is_none())
                .map_or(whole, |k| kept[k]);
            !ends_in_words && weight >= PARTIAL_WEIGHT && 2 * weight >= whole
        })?;
        let range = caps.get(0).expect("group 0 always matches").range();
        Some((self.captures(&caps), range))
    }

    fn captures(&self, caps: &regex::Captures<'_>) -> Captures {
        let mut captures = Captures::new();
        for (index, name) in placeholder_names(&self.parts().segments)
            .into_iter()
            .enumerate()
        {
            if let Some(m) = caps.name(&group_name(index)) {
                captures
                    .entry(name.to_string())
                    .or_insert_with(|| m.as_str().trim().to_string());
            }
        }
        captures
    }
}

#[cfg(test)]
mod tests;
