//! Placeholder templates: the `{name}` syntax of catalog codes, messages and explanations, and the regexes
//! that match the filled-in text a user pastes.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use memchr::memmem;
use regex::Regex;

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
        if !folded.contains(&self.parts().key_lower) {
            return None;
        }
        self.find(text)
    }

    /// Matches `text` (any case), returning the captures and whether the match spans all of `text`.
    pub fn find(&self, text: &str) -> Option<(Captures, bool)> {
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
            }
        })
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
            let words_present = literal
                .split_whitespace()
                .filter(|word| word.as_bytes() != finders.key.needle())
                .all(|word| text.contains(word.strip_suffix('.').unwrap_or(word)));
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

/// Words so common in logs that a template's key should be another of its words where it has one: a key
/// is searched for in every line scanned, and `request` is in half of them (`request_id`).
/// Sorted, lower case: searched by halves for every word of every template a lookup keys.
const COMMON_WORDS: &[&str] = &[
    "a", "access", "an", "and", "api", "bad", "client", "code", "data", "error", "errors", "fail",
    "failed", "failure", "for", "found", "get", "header", "headers", "host", "http", "https", "id",
    "in", "internal", "invalid", "is", "key", "large", "message", "method", "no", "not", "of",
    "or", "param", "params", "post", "request", "requests", "response", "server", "service",
    "status", "support", "the", "time", "timeout", "to", "token", "too", "unknown", "user",
    "value", "was", "with",
];

/// The template's key: its longest literal word that is not a common one (else its longest word), without
/// a final full stop, which a gateway drops to append detail (`…in the environment: RELEASE`).
fn rarest_word(segments: &[Segment]) -> &str {
    rarest_word_of(segments.iter().filter_map(|s| match s {
        Segment::Literal(text) => Some(text.as_str()),
        Segment::Placeholder(_) => None,
    }))
}

/// `rarest_word` of a template's literal pieces.
fn rarest_word_of<'a>(pieces: impl Iterator<Item = &'a str> + Clone) -> &'a str {
    let common = |w: &str| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.bytes().map(|b| b.to_ascii_lowercase());
        COMMON_WORDS
            .binary_search_by(|c| c.bytes().cmp(lower.clone()))
            .is_ok()
    };
    // A template of common words only ("API request error.") is keyed by its longest literal piece, as a
    // phrase is rarer than any of its words.
    pieces
        .clone()
        .flat_map(str::split_whitespace)
        .map(|w| w.strip_suffix('.').filter(|w| !w.is_empty()).unwrap_or(w))
        .filter(|w| !common(w))
        .max_by_key(|w| w.len())
        .unwrap_or_else(|| {
            pieces
                .map(str::trim)
                .max_by_key(|text| text.len())
                .unwrap_or_default()
        })
}

fn compile(pattern: &str) -> Regex {
    // The pattern is built from escaped literals and fixed classes, so it always compiles; the catalog data
    // tests compile every template to keep it that way.
    Regex::new(pattern).expect("template regex is built from escaped literals")
}

/// Lower case with white space runs folded to one space: the form texts are compared in.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        }
    }
    if space && !out.is_empty() {
        out.push(' ');
    }
    out
}

/// Substitutes captures into a catalog text (`{name}` kept where nothing was captured) and resolves escapes.
/// Callers pass texts that were validated when their catalog was loaded; anything unparsable is shown as is.
pub fn fill_text(text: &str, captures: &Captures) -> String {
    // Most texts have no placeholder and no literal brace: nothing to parse.
    if !has_braces(text) {
        return text.to_string();
    }
    match parse_segments(text) {
        Ok(segments) => fill(&segments, captures),
        Err(_) => text.to_string(),
    }
}

fn fill(segments: &[Segment], captures: &Captures) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Literal(text) => out.push_str(text),
            Segment::Placeholder(name) => match captures.get(name) {
                Some(value) => out.push_str(value),
                None => {
                    let _ = write!(out, "{{{name}}}");
                }
            },
        }
    }
    out
}

/// Checks a catalog text's placeholder syntax without keeping the parse.
pub fn validate(text: &str) -> Result<Vec<String>, SyntaxError> {
    let segments = parse_segments(text)?;
    Ok(placeholder_names(&segments)
        .into_iter()
        .map(str::to_string)
        .collect())
}

fn parse_segments(source: &str) -> Result<Vec<Segment>, SyntaxError> {
    let mut segments = Vec::new();
    let mut literal = String::new();
    let mut chars = source.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|&(_, n)| n) == Some('{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().map(|&(_, n)| n) == Some('}') => {
                chars.next();
                literal.push('}');
            }
            '{' => {
                let mut name = String::new();
                let mut closed = false;
                for (_, n) in chars.by_ref() {
                    if n == '}' {
                        closed = true;
                        break;
                    }
                    name.push(n);
                }
                if !closed {
                    return Err(SyntaxError {
                        offset,
                        message:
                            "unclosed placeholder: `{` without `}` (write `{{` for a literal brace)"
                                .to_string(),
                    });
                }
                if !is_placeholder_name(&name) {
                    return Err(SyntaxError {
                        offset,
                        message: format!(
                            "invalid placeholder name `{{{name}}}`: use lower-case letters, digits and `_`, \
                             starting with a letter (write `{{{{` for a literal brace)"
                        ),
                    });
                }
                if !literal.is_empty() {
                    segments.push(Segment::Literal(std::mem::take(&mut literal)));
                }
                segments.push(Segment::Placeholder(name));
            }
            '}' => {
                return Err(SyntaxError {
                    offset,
                    message: "unmatched `}` (write `}}` for a literal brace)".to_string(),
                });
            }
            _ => literal.push(c),
        }
    }
    if !literal.is_empty() {
        segments.push(Segment::Literal(literal));
    }
    Ok(segments)
}

pub(crate) fn has_braces(text: &str) -> bool {
    memchr::memchr2(b'{', b'}', text.as_bytes()).is_some()
}

/// The number of literal characters `parse_segments` would find in `source`, without building segments;
/// `None` where it would fail.
fn literal_chars(source: &str) -> Option<usize> {
    let mut count = 0;
    let mut rest = source;
    while let Some(at) = memchr::memchr2(b'{', b'}', rest.as_bytes()) {
        count += rest[..at].chars().count();
        let after = &rest[at..];
        if after.starts_with("{{") || after.starts_with("}}") {
            count += 1;
            rest = &after[2..];
        } else if after.starts_with('{') {
            let end = after.find('}')?;
            if !is_placeholder_name(&after[1..end]) {
                return None;
            }
            rest = &after[end + 1..];
        } else {
            return None;
        }
    }
    Some(count + rest.chars().count())
}

fn is_placeholder_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn placeholder_names(segments: &[Segment]) -> Vec<&str> {
    segments
        .iter()
        .filter_map(|s| match s {
            Segment::Placeholder(name) => Some(name.as_str()),
            Segment::Literal(_) => None,
        })
        .collect()
}

// Placeholders may repeat (JD Cloud's OUT_OF_RANGE names `argument` three times) and the regex crate forbids
// duplicate group names, so groups are numbered and mapped back to names in `find`.
fn group_name(index: usize) -> String {
    format!("p{index}")
}

fn regex_pattern(segments: &[Segment], context: Context, any_case: bool) -> String {
    let mut pattern = String::from(if any_case { "(?i)" } else { "" });
    if context == Context::Code {
        pattern.push('^');
    }
    let mut index = 0;
    for (i, segment) in segments.iter().enumerate() {
        match segment {
            // Gateways append detail to a message (`Incorrect app authentication information: signature
            // expired`), dropping its final full stop, so a message's final full stop is optional.
            // (Only after literal text: after a placeholder the full stop is what ends the value.)
            Segment::Literal(text)
                if context == Context::Message
                    && i + 1 == segments.len()
                    && text.len() > 1
                    && text.ends_with('.') =>
            {
                push_literal(&mut pattern, &text[..text.len() - 1], context);
                pattern.push_str(r"\.?");
            }
            Segment::Literal(text) => push_literal(&mut pattern, text, context),
            Segment::Placeholder(name) => {
                let previous = i.checked_sub(1).and_then(|p| segments.get(p));
                let next = segments.get(i + 1);
                let class = value_class(context, name, previous, next);
                let _ = write!(pattern, "(?P<{}>{class})", group_name(index));
                index += 1;
            }
        }
    }
    if context == Context::Code {
        pattern.push('$');
    }
    pattern
}

/// What a placeholder's value may be, given the literal text around it.
fn value_class(
    context: Context,
    name: &str,
    previous: Option<&Segment>,
    next: Option<&Segment>,
) -> String {
    // `{number}` is digits wherever it stands (`APIGW.{number}` must not fit a host name `apigw.example`).
    if name == "number" {
        return "[0-9]+".to_string();
    }
    if context == Context::Code {
        return "[A-Za-z0-9_]+".to_string();
    }
    let opener = match previous {
        Some(Segment::Literal(text)) => text.chars().last(),
        _ => None,
    };
    let closer = match next {
        Some(Segment::Literal(text)) => text.chars().next(),
        _ => None,
    };
    match (opener, closer) {
        (Some('['), Some(']')) | (Some('('), Some(')')) | (Some('<'), Some('>')) => {
            format!(
                "[^{}\\n]+?",
                regex::escape(&closer.unwrap_or(']').to_string())
            )
        }
        (Some(q @ ('"' | '\'' | '`')), Some(c)) if c == q => format!("[^{q}\\n]+?"),
        // The last placeholder takes the whole run; earlier ones as little as lets the rest match.
        (_, None) => r"\S+".to_string(),
        _ => r"\S+?".to_string(),
    }
}

fn push_literal(pattern: &mut String, text: &str, context: Context) {
    if context == Context::Code {
        pattern.push_str(&regex::escape(text));
        return;
    }
    // Table wrapping and log formatting change spacing, so any run of white space matches any other.
    let mut in_space = false;
    let mut word = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                pattern.push_str(&regex::escape(&word));
                word.clear();
                pattern.push_str(r"\s+");
                in_space = true;
            }
        } else {
            in_space = false;
            word.push(c);
        }
    }
    pattern.push_str(&regex::escape(&word));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(source: &str) -> Template {
        Template::parse(source, Context::Message).unwrap()
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
    fn fill_substitutes_known_captures_and_keeps_the_rest() {
        let mut caps = Captures::new();
        caps.insert("param".into(), "GroupId".into());
        assert_eq!(
            fill_text("缺少参数 {param} ({other}) {{x}}", &caps),
            "缺少参数 GroupId ({other}) {x}"
        );
    }
}
