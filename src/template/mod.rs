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
pub use pattern::fold;
use pattern::*;
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
    finders: OnceLock<Finders>,
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
    /// A plain message's words other than its key (each less a final full stop), which must all stand
    /// in a text for its regex to be tried there; built the first time a text has the key but not the
    /// message as written.
    words: OnceLock<Vec<memmem::Finder<'static>>>,
    /// For a plain message: the byte pairs within its key and those words, which a text must all hold
    /// to carry it in any of the ways `find_all_exact` finds it.
    pairs: Option<Bigrams>,
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

/// A message with less literal text than this (CJK characters count double) is generic.
const DISTINCTIVE_WEIGHT: usize = 16;

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
        fn strip(w: &str) -> &str {
            w.strip_suffix('.').filter(|w| !w.is_empty()).unwrap_or(w)
        }
        let keyable = |w: &&str| w.len() >= 4 && !pattern::is_common(w);
        match self.plain_source() {
            Some(plain) => plain
                .split_whitespace()
                .map(strip)
                .filter(keyable)
                .collect(),
            None => (self.parts().segments.iter())
                .filter_map(|s| match s {
                    Segment::Literal(text) => Some(text.split_whitespace().map(strip)),
                    Segment::Placeholder(_) => None,
                })
                .flatten()
                .filter(keyable)
                .collect(),
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
    /// counts only with other evidence.
    pub fn is_generic(&self) -> bool {
        *self.derived().generic.get_or_init(|| {
            self.weight() < DISTINCTIVE_WEIGHT || crate::status::is_reason_phrase(&self.display())
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
            // `\n` inside a bracket class is a newline to ripgrep but `\` and `n` to grep: lines hold none.
            .replace("\\n]", "]")
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
            Finders {
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
                words: OnceLock::new(),
                pairs: parts.plain.as_deref().map(|plain| {
                    let words = (plain.split_whitespace())
                        .filter(|word| *word != parts.key)
                        .map(|word| word.strip_suffix('.').unwrap_or(word));
                    Bigrams::of_words(std::iter::once(parts.key.as_str()).chain(words))
                }),
            }
        })
    }

    /// Whether a text with these byte pairs cannot carry the template as `find_all_exact` finds it.
    pub fn ruled_out(&self, text_pairs: &Bigrams) -> bool {
        (self.finders().pairs.as_ref()).is_some_and(|pairs| !pairs.within(text_pairs))
    }

    /// `find_all_exact`, told the byte pairs of `text` (`Bigrams::of`), which most texts are ruled out by.
    pub fn find_all_exact_in(
        &self,
        text: &str,
        text_pairs: &Bigrams,
    ) -> Vec<(Captures, std::ops::Range<usize>)> {
        if self.ruled_out(text_pairs) {
            return Vec::new();
        }
        self.find_all_exact(text)
    }

    /// Every place `text` carries the template verbatim (case kept), with its captures; a match must not
    /// start or end inside a word.
    pub fn find_all_exact(&self, text: &str) -> Vec<(Captures, std::ops::Range<usize>)> {
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
            .collect()
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
mod tests {
    use super::*;

    #[test]
    fn the_quick_escape_answers_agree_with_the_definition() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(needs_escape(c), syntax::escapable(c), "U+{:04X}", c as u32);
        }
    }

    fn message(source: &str) -> Template {
        Template::parse(source, Context::Message).unwrap()
    }

    /// A plain template's key, worked out without parsing it, is its parsed key: for every built-in
    /// message form.
    #[test]
    fn a_plain_templates_key_is_its_parsed_key() {
        for catalog in crate::catalog::Catalogs::builtin().catalogs {
            for entry in catalog.entries.iter() {
                for form in entry
                    .message_forms()
                    .iter()
                    .filter(|f| f.plain_source().is_some())
                {
                    assert_eq!(
                        form.key().to_lowercase(),
                        form.parts().key_lower,
                        "{}",
                        form.source()
                    );
                }
            }
        }
    }

    /// A message of plain words is found by hand where its regex would find it, on random templates
    /// and texts of their words in other cases, other white space, full stops, and noise.
    #[test]
    fn plain_messages_are_found_as_their_regexes_find_them() {
        const WORDS: &[&str] = &[
            "Backend", "timeout", "x-date", "is", "out", "of", "date.", ".", "a", "K",
        ];
        const GLUE: &[&str] = &[
            " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}", ".", "", "x", "é", " \r\n ",
        ];
        let mut rng = fastrand::Rng::with_seed(3);
        let mut decided = 0;
        for _ in 0..4_000 {
            let pick =
                |rng: &mut fastrand::Rng, list: &[&'static str]| list[rng.usize(..list.len())];
            let mut source = String::new();
            for i in 0..rng.usize(1..5) {
                if i > 0 {
                    source += [" ", " ", "  ", "\t"][rng.usize(..4)];
                }
                source += pick(&mut rng, WORDS);
            }
            if rng.bool() {
                source.push('.');
            }
            let template = message(&source);
            let mut text = String::new();
            for _ in 0..rng.usize(0..8) {
                let word = pick(&mut rng, WORDS);
                text += &match rng.u8(0..3) {
                    0 => word.to_ascii_uppercase(),
                    1 => word[..rng.usize(..=word.len())].to_string(),
                    _ => word.to_string(),
                };
                text += pick(&mut rng, GLUE);
            }
            if rng.bool() {
                text = format!("{text}{source}{}", pick(&mut rng, GLUE));
            }
            let regex = pattern::compile(&pattern::regex_pattern(
                &template.parts().segments,
                Context::Message,
                true,
            ));
            let expected = regex.find(&text).map(|m| m.range());
            if let Some(found) = pattern::find_plain_ascii(&source, &text) {
                decided += 1;
                assert_eq!(found, expected, "{source:?} in {text:?}");
            }
            let whole = expected
                .as_ref()
                .map(|r| r.start == 0 && r.end == text.len());
            assert_eq!(
                template.find(&text).map(|(_, w)| w),
                whole,
                "{source:?} in {text:?}"
            );
        }
        assert!(decided > 2_000, "{decided}");
    }

    #[test]
    fn literal_length_counted_on_the_source_agrees_with_the_parse() {
        for source in [
            "Backend timeout.",
            "Missing {param}.",
            "{a}{b_2} x {{literal}} }} {{",
            "后端超时 {param}",
            "There is no api match uri[{uri}]",
        ] {
            let parsed = Parts::of(source).unwrap().segments;
            let expected: usize = parsed
                .iter()
                .map(|s| match s {
                    Segment::Literal(text) => text.chars().count(),
                    Segment::Placeholder(_) => 0,
                })
                .sum();
            assert_eq!(literal_chars(source), Some(expected), "{source}");
        }
        for invalid in ["{", "}", "{Param}", "a {b", "{a{b}"] {
            assert!(Parts::of(invalid).is_err(), "{invalid}");
            assert_eq!(literal_chars(invalid), None, "{invalid}");
        }
    }

    #[test]
    fn common_words_are_sorted_for_their_search() {
        assert!(COMMON_WORDS.is_sorted(), "keep COMMON_WORDS sorted");
        assert!(COMMON_WORDS.iter().all(|w| *w == w.to_ascii_lowercase()));
        assert_eq!(message("Request timeout.").key(), "Request timeout.");
        assert_eq!(message("Backend TIMEOUT of the gateway").key(), "gateway");
    }

    /// `is_common` says what its definition says: the word, punctuation around it trimmed and lowered in
    /// its ASCII letters, is one of `COMMON_WORDS`; for each of them in any case and dress, and others.
    #[test]
    fn common_words_are_told_as_defined() {
        let defined = |word: &str| {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            COMMON_WORDS.contains(&bare.to_ascii_lowercase().as_str())
        };
        let mut words: Vec<String> = Vec::new();
        for w in COMMON_WORDS {
            let upper = w.to_ascii_uppercase();
            words.extend([
                format!("({w}),"),
                format!("{upper}."),
                format!("{w}s"),
                format!("x{w}"),
            ]);
            words.push(w.to_string());
        }
        words.extend(
            [
                "Synchronization",
                "requests:",
                "REQUESTS",
                "internals",
                "超时",
                "é",
                "",
                "...",
            ]
            .map(str::to_string),
        );
        for word in &words {
            assert_eq!(pattern::is_common(word), defined(word), "{word:?}");
        }
    }

    #[test]
    fn caseless_messages_are_found_whole_without_parsing() {
        // As the built-in catalogs make them: parsed when first needed.
        let busy = Template::trusted("请求过频繁", Context::Message);
        assert!(busy.find_folded("timeout", "timeout").is_none());
        assert!(busy.derived.get().is_none(), "not parsed to be ruled out");
        assert!(
            busy.find_folded("错误：请求过频繁", "错误：请求过频繁")
                .is_some()
        );
        // Words apart in the text still make the message, as the regex allows any spacing.
        let spaced = message("参数 不合法");
        assert!(spaced.find_folded("参数  不合法", "参数 不合法").is_some());
        // A final full stop the text dropped for detail, as the regex allows.
        let stopped = message("参数错误.");
        assert!(
            stopped
                .find_folded("参数错误: 缺少 x", "参数错误: 缺少 x")
                .is_some()
        );
    }

    #[test]
    fn escapes_are_literal_text() {
        let t = message("Only support the map_from like method.req.{{path}}.{{}}, but");
        assert!(!t.has_placeholders());
        assert_eq!(
            t.literal().unwrap(),
            "Only support the map_from like method.req.{path}.{}, but"
        );
    }

    #[test]
    fn bracketed_placeholder_takes_everything_to_the_bracket() {
        let t = message("There is no api match uri[{uri}]");
        let (caps, whole) = t.find("There is no api match uri[/v1/orders]").unwrap();
        assert!(whole);
        assert_eq!(caps["uri"], "/v1/orders");
    }

    #[test]
    fn leading_placeholder_takes_one_word_inside_longer_text() {
        let t = message("{param} is mandatory for this action.");
        let (caps, whole) = t
            .find("error: GroupId is mandatory for this action.")
            .unwrap();
        assert!(!whole);
        assert_eq!(caps["param"], "GroupId");
    }

    #[test]
    fn repeated_placeholder_captures_the_first() {
        let t = message("参数 {argument} 取值应该 {param}的{operand1}");
        let (caps, _) = t.find("参数 size 取值应该 limit的10").unwrap();
        assert_eq!(caps["argument"], "size");
        assert_eq!(caps["param"], "limit");
        assert_eq!(caps["operand1"], "10");
    }

    #[test]
    fn code_placeholders_match_whole_tokens_only() {
        let t = Template::parse("Missing{param}", Context::Code).unwrap();
        assert_eq!(t.find("MissingGroupId").unwrap().0["param"], "GroupId");
        assert!(t.find("MissingGroup.Id").is_none());
        assert!(t.find("xMissingGroupId").is_none());
    }

    #[test]
    fn a_final_full_stop_is_optional() {
        let t = message("Incorrect app authentication information.");
        assert!(
            t.find("Incorrect app authentication information")
                .unwrap()
                .1
        );
        assert!(
            t.find("Incorrect app authentication information.")
                .unwrap()
                .1
        );
    }

    #[test]
    fn number_placeholders_match_digits_only() {
        let t = Template::parse("APIGW.{number}", Context::Code).unwrap();
        assert_eq!(t.find("APIGW.0301").unwrap().0["number"], "0301");
        assert!(t.find("apigw.go").is_none());
    }

    #[test]
    fn white_space_runs_match_any_spacing() {
        let t = message("required for   HMAC Authentication");
        assert!(t.find("required for HMAC\tAuthentication").unwrap().1);
    }

    #[test]
    fn syntax_errors_say_where() {
        let err = Template::parse("abc {Bad}", Context::Message).unwrap_err();
        assert_eq!(err.offset, 4);
        assert!(err.message.contains("invalid placeholder name `{Bad}`"));
        assert_eq!(
            Template::parse("a } b", Context::Message)
                .unwrap_err()
                .offset,
            2
        );
        assert!(
            Template::parse("a {b", Context::Message)
                .unwrap_err()
                .message
                .contains("unclosed")
        );
    }

    #[test]
    fn fill_substitutes_known_captures_and_names_the_rest() {
        let mut caps = Captures::new();
        caps.insert("param".into(), "GroupId".into());
        assert_eq!(
            fill_text("缺少参数 {param} ({other_name}) {{x}}", &caps),
            "缺少参数 GroupId (<other name>) {x}"
        );
        assert_eq!(
            fill_code("Missing{param}.{other}", &caps),
            "MissingGroupId.{other}"
        );
    }
}
