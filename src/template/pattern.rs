//! Templates as regexes: the pattern a template matches, how text is folded for caseless search, and the
//! rarest word a template is keyed by.

use super::{Context, Segment};
use regex::Regex;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Words so common in logs that a template's key should be another of its words where it has one: a key
/// is searched for in every line scanned, and `request` is in half of them (`request_id`).
/// Sorted, lower case; looked up through `COMMON_TABLE`, a hash table of them made at compile time.
pub(super) const COMMON_WORDS: &[&str] = &[
    "a", "access", "an", "and", "api", "bad", "client", "code", "data", "error", "errors", "fail",
    "failed", "failure", "for", "found", "get", "header", "headers", "host", "http", "https", "id",
    "in", "internal", "invalid", "is", "key", "large", "message", "method", "no", "not", "of",
    "or", "param", "params", "post", "request", "requests", "response", "server", "service",
    "status", "support", "the", "time", "timeout", "to", "token", "too", "unknown", "user",
    "value", "was", "with",
];

/// The template's key: its longest literal word that is not a common one (else its longest word), without
/// a final full stop, which a gateway drops to append detail (`…in the environment: RELEASE`).
pub(super) fn rarest_word(segments: &[Segment]) -> &str {
    let word = rarest_word_of(segments.iter().filter_map(|s| match s {
        Segment::Literal(text) => Some(text.as_str()),
        Segment::Placeholder(_) => None,
    }));
    // Quotes around a placeholder vary (`regex_pattern`): the key is the word without them.
    if segments
        .iter()
        .any(|s| matches!(s, Segment::Placeholder(_)))
    {
        let bare = unquoted(word);
        if !bare.is_empty() {
            return bare;
        }
    }
    word
}

/// The quotation marks a vendor or a user may put around a value (typographic ones are read as these): any
/// of them stands where the template has one of them beside a placeholder (Tencent's table writes
/// ``action=`{action}` ``, its API answers `action="DescribeX"`). (Not none: a value's end is where its
/// closing mark is.)
pub(super) const QUOTES: [char; 3] = ['`', '"', '\''];

/// The regex class of `QUOTES`.
const QUOTE_CLASS: &str = "[`\"']";

/// A word of a template's literal text without the quotation marks at its ends.
pub(super) fn unquoted(word: &str) -> &str {
    word.trim_matches(QUOTES)
}

/// The longest of `COMMON_WORDS`, in bytes: a longer word is none of them.
const LONGEST_COMMON: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < COMMON_WORDS.len() {
        if COMMON_WORDS[i].len() > longest {
            longest = COMMON_WORDS[i].len();
        }
        i += 1;
    }
    longest
};

/// Where a word (not empty) is looked for in `COMMON_TABLE`: by its length and its first and last bytes.
const fn common_slot(word: &[u8]) -> usize {
    (word.len() * 131 + word[0] as usize * 31 + word[word.len() - 1] as usize) % COMMON_TABLE_LEN
}

const COMMON_TABLE_LEN: usize = 256;

// (A table at most half full, of word numbers that fit in a byte.)
const _: () = assert!(COMMON_WORDS.len() <= COMMON_TABLE_LEN / 2);

/// `COMMON_WORDS` as a hash table: each slot the number of a word + 1 (0: empty), probed linearly.
const COMMON_TABLE: [u8; COMMON_TABLE_LEN] = {
    let mut table = [0u8; COMMON_TABLE_LEN];
    let mut i = 0;
    while i < COMMON_WORDS.len() {
        let mut slot = common_slot(COMMON_WORDS[i].as_bytes());
        while table[slot] != 0 {
            slot = (slot + 1) % COMMON_TABLE_LEN;
        }
        table[slot] = (i + 1) as u8;
        i += 1;
    }
    table
};

/// Whether a word (punctuation around it aside, any case) is one of the common words most texts have.
pub(super) fn is_common(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    // (Asked of every word of every template keyed, in large catalogs hundreds of thousands of times: a
    // word longer than any common one is settled by its length, a shorter one by a hash table.)
    if bare.is_empty() || bare.len() > LONGEST_COMMON {
        return false;
    }
    let mut lower = [0u8; LONGEST_COMMON];
    let lower = &mut lower[..bare.len()];
    lower.copy_from_slice(bare.as_bytes());
    lower.make_ascii_lowercase();
    let mut slot = common_slot(lower);
    loop {
        match COMMON_TABLE[slot] {
            0 => return false,
            n if COMMON_WORDS[usize::from(n) - 1].as_bytes() == &*lower => return true,
            _ => slot = (slot + 1) % COMMON_TABLE_LEN,
        }
    }
}

/// Whether text begins with a capitalised word (`Invalid`), not an acronym (`API`): a first letter users
/// retype in lower case.
pub(super) fn starts_capitalised(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_lowercase())
}

/// `rarest_word` of a template's literal pieces.
pub(super) fn rarest_word_of<'a>(pieces: impl Iterator<Item = &'a str> + Clone) -> &'a str {
    let common = is_common;
    // A template of common words only ("API request error.") is keyed by its longest literal piece, as a
    // phrase is rarer than any of its words.
    pieces
        .clone()
        .flat_map(str::split_whitespace)
        .map(|w| w.strip_suffix('.').filter(|w| !w.is_empty()).unwrap_or(w))
        .filter(|w| !common(w))
        .max_by_key(|w| w.len())
        .unwrap_or_else(|| {
            let piece = pieces
                .map(str::trim)
                .max_by_key(|text| text.len())
                .unwrap_or_default();
            // A phrase's capitalised first letter may be retyped in lower case (`invalid API key in
            // request`): the key starts after it.
            if starts_capitalised(piece) && piece.contains(' ') {
                &piece[1..]
            } else {
                piece
            }
        })
}

pub(super) fn compile(pattern: &str) -> Regex {
    let mut builder = regex::RegexBuilder::new(pattern);
    if COMPILED.fetch_add(1, Ordering::Relaxed) >= WITH_LAZY_DFA.load(Ordering::Relaxed) {
        builder.dfa_size_limit(0);
    }
    // The pattern is built from escaped literals and fixed classes, so it always compiles; the catalog data
    // tests compile every template to keep it that way.
    builder
        .build()
        .expect("template regex is built from escaped literals")
}

/// Template regexes built so far.
static COMPILED: AtomicUsize = AtomicUsize::new(0);
/// How many of them get a lazy DFA (`lean_regexes_past`).
static WITH_LAZY_DFA: AtomicUsize = AtomicUsize::new(usize::MAX);

/// Builds the template regexes past the first `count` of a run without a lazy DFA. A regex's lazy DFA keeps
/// the states it has made, 100-200 KB once it has searched a few log lines, for as long as its entry is
/// kept, which is all the run: a scan naming thousands of a large catalog's entries grew by that much for
/// each (471 MB for 11,000 entries). Without one, a regex searches with the engines that keep little: the
/// same matches, more slowly over a long text but about as fast over a log line, where the literal
/// prefilter runs first. For scans, whose runs are long and texts short; a lookup's are the other way.
pub fn lean_regexes_past(count: usize) {
    WITH_LAZY_DFA.fetch_min(count, Ordering::Relaxed);
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

// Placeholders may repeat (JD Cloud's OUT_OF_RANGE names `argument` three times) and the regex crate forbids
// duplicate group names, so groups are numbered and mapped back to names in `find`.
pub(super) fn group_name(index: usize) -> String {
    format!("p{index}")
}

pub(super) fn regex_pattern(segments: &[Segment], context: Context, any_case: bool) -> String {
    pattern_of(segments, context, any_case, None)
}

/// A message's pattern as a paste may have reshaped it (`Template::find_partial`): the quotation marks
/// beside a placeholder optional (Markdown takes the backquotes of ``equals to `6` in a second`` for its
/// own), and each sentence after the first too (a user quotes the sentence that says the error, not
/// `Please reduce the frequency of calls.`). With, for each of those later sentences in order, the weight
/// (`weight_of`) of the literal text before it; the pattern's group `s{k}` is the k-th sentence onwards.
pub(super) fn loose_pattern(segments: &[Segment]) -> (String, Vec<usize>) {
    let mut kept = Vec::new();
    let pattern = pattern_of(segments, Context::Message, false, Some(&mut kept));
    (pattern, kept)
}

/// The weight of literal text: its characters but blanks, each outside ASCII (CJK above all, but also `é`, a
/// typographic quotation mark or dash) counted twice.
pub(crate) fn weight_of(text: &str) -> usize {
    (text.chars())
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum()
}

/// Where `text` ends a sentence that more of it follows: after `. ` (the full stop's byte offset + 1).
pub(super) fn sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices(". ")
        .map(|(at, _)| at + 1)
        .filter(move |&end| !text[end..].trim().is_empty())
}

fn pattern_of(
    segments: &[Segment],
    context: Context,
    any_case: bool,
    mut loose: Option<&mut Vec<usize>>,
) -> String {
    let mut pattern = String::from(if any_case { "(?i)" } else { "" });
    // Loose, the quotation marks beside a placeholder are optional: an opening one, and a closing one
    // where the value ends a word (`parameter SecretId.`). (The later sentences' groups are closed last.)
    let (opening, closing) = match loose {
        Some(_) => ("[`\"']?", r#"(?:[`"']|\b)"#),
        None => (QUOTE_CLASS, QUOTE_CLASS),
    };
    let mut weight = 0;
    if context == Context::Code {
        pattern.push('^');
    }
    let mut index = 0;
    for (i, segment) in segments.iter().enumerate() {
        match segment {
            Segment::Literal(text) if context == Context::Message => {
                let placeholder = |at: Option<usize>| {
                    at.and_then(|at| segments.get(at))
                        .is_some_and(|s| matches!(s, Segment::Placeholder(_)))
                };
                let mut text = text.as_str();
                // A quotation mark beside a placeholder: any of them (`QUOTES`).
                let opens = placeholder(i.checked_sub(1)).then(|| text.strip_prefix(QUOTES));
                if let Some(Some(rest)) = opens {
                    pattern.push_str(closing);
                    text = rest;
                }
                let closes = placeholder(Some(i + 1)).then(|| text.strip_suffix(QUOTES));
                if let Some(Some(rest)) = closes {
                    text = rest;
                }
                // A message's first letter as a user retypes it (`invalid API key` for `Invalid API key`):
                // either case, where the first word is a capitalised word, not an acronym.
                if i == 0 && !any_case && starts_capitalised(text) {
                    let first = char::from(text.as_bytes()[0]);
                    let _ = write!(pattern, "[{first}{}]", first.to_ascii_lowercase());
                    text = &text[1..];
                }
                // Loose: each later sentence a group of its own, which may be left off.
                if let Some(kept) = loose.as_deref_mut() {
                    let mut from = 0;
                    for end in sentence_ends(text) {
                        push_literal(&mut pattern, &text[from..end - 1], context);
                        weight += weight_of(&text[from..end]);
                        let _ = write!(pattern, r"\.(?P<s{}>", kept.len());
                        kept.push(weight);
                        from = end;
                    }
                    text = &text[from..];
                    weight += weight_of(text);
                }
                // Gateways append detail to a message (`Incorrect app authentication information: signature
                // expired`), dropping its final full stop, so a message's final full stop is optional.
                // (Only after literal text: after a placeholder the full stop is what ends the value. A
                // quotation mark that closes the value ends it too: `...header: '{header}'.`.)
                let quoted = matches!(opens, Some(Some(_)));
                if i + 1 == segments.len() && (text.len() > 1 || quoted) && text.ends_with('.') {
                    push_literal(&mut pattern, &text[..text.len() - 1], context);
                    pattern.push_str(r"\.?");
                } else {
                    push_literal(&mut pattern, text, context);
                }
                if let Some(Some(_)) = closes {
                    pattern.push_str(opening);
                }
            }
            Segment::Literal(text) => push_literal(&mut pattern, text, context),
            Segment::Placeholder(name) => {
                let previous = i.checked_sub(1).and_then(|p| segments.get(p));
                let next = segments.get(i + 1);
                // A message that opens with its value (`{param} is mandatory for this action.`) is
                // found in a whole log line: the value is the token before the literal text, not the run
                // of JSON or `key=` before it (`"Message":"AccessKeyId is ...` fills in `AccessKeyId`). It
                // may be quoted (`"AccessKeyId"`, `“AccessKeyId”`, in JSON `\"AccessKeyId\"`, escaped twice
                // `\\\"`): the token stops before the quotation mark, which the pattern passes over (no
                // group: a pattern's only groups are placeholders').
                let (class, after) = if opens_message(context, name, previous, next) {
                    (OPENING_VALUE.to_string(), r#"\\*[`"'’”]?"#)
                } else {
                    (value_class(context, name, previous, next), "")
                };
                let _ = write!(pattern, "(?P<{}>{class}){after}", group_name(index));
                index += 1;
            }
        }
    }
    if context == Context::Code {
        pattern.push('$');
    }
    for _ in 0..loose.map_or(0, |kept| kept.len()) {
        pattern.push_str(")?");
    }
    pattern
}

/// The value of a placeholder that opens a message (`opens_message`): a token without blanks, quotation
/// marks, backslashes or the punctuation between a key and its value.
const OPENING_VALUE: &str = r#"[^\s"'`‘’“”\\:;,=]+?"#;

/// Whether a placeholder opens a message and literal text follows it (`{param} is mandatory for this
/// action.`), a display name's aside (`{service_title}`, words).
fn opens_message(
    context: Context,
    name: &str,
    previous: Option<&Segment>,
    next: Option<&Segment>,
) -> bool {
    context == Context::Message
        && previous.is_none()
        && next.is_some()
        && name != "number"
        && !name.ends_with("_title")
}

/// What a placeholder's value may be, given the literal text around it.
pub(super) fn value_class(
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
    // A display name (`{service_title}`: `Cloud Functions API`, `Generative Language API (Staging)`) is
    // words: up to the next literal text, from the last quotation mark, punctuation mark or bracket before
    // it, blanks at its start aside. (No group: a pattern's only groups are placeholders'.)
    if name.ends_with("_title") && next.is_some() {
        return r#"[^\s"'`:;,.!?=<>|{}\[\]][^\n"'`:;,.!?=<>|{}\[\]]*?"#.to_string();
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
        // Between quotation marks, which vary: up to the next of any of them.
        (Some(q), Some(c)) if QUOTES.contains(&q) && QUOTES.contains(&c) => {
            format!("[^{}\\n]+?", &QUOTE_CLASS[1..QUOTE_CLASS.len() - 1])
        }
        // The last placeholder takes the whole run; earlier ones as little as lets the rest match.
        (_, None) => r"\S+".to_string(),
        _ => r"\S+?".to_string(),
    }
}

pub(super) fn push_literal(pattern: &mut String, text: &str, context: Context) {
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

/// White space as the regexes' `\s` has it, within ASCII (vertical tab included).
fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Where a message template without placeholders first stands in `text`, as its any-case regex
/// (`regex_pattern`) finds it, worked out without compiling the regex (a lookup that finds one message
/// whole compiled one, a sixth of the whole process): its words in any case, any run of white space
/// between them, its final full stop optional. `None` where this is not for it to say (non-ASCII text
/// or template, white space at the template's ends, long text): the regex decides.
pub(super) fn find_plain_ascii(plain: &str, text: &str) -> Option<Option<std::ops::Range<usize>>> {
    const LONGEST_TEXT: usize = 1024;
    let (template, bytes) = (plain.as_bytes(), text.as_bytes());
    let ends_blank = |t: &[u8]| {
        t.first().is_some_and(|&b| ascii_space(b)) || t.last().is_some_and(|&b| ascii_space(b))
    };
    if template.is_empty()
        || !plain.is_ascii()
        || !text.is_ascii()
        || ends_blank(template)
        || bytes.len() > LONGEST_TEXT
    {
        return None;
    }
    // (As `regex_pattern`: a final full stop after more than it is optional.)
    let optional_stop = template.len() > 1 && template.ends_with(b".");
    let words: Vec<&[u8]> = template[..template.len() - usize::from(optional_stop)]
        .split(|&b| ascii_space(b))
        .filter(|w| !w.is_empty())
        .collect();
    let at = |start: usize| -> Option<usize> {
        let mut pos = start;
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                let run = bytes[pos..].iter().take_while(|&&b| ascii_space(b)).count();
                if run == 0 {
                    return None;
                }
                pos += run;
            }
            let piece = bytes.get(pos..pos + word.len())?;
            if !piece.eq_ignore_ascii_case(word) {
                return None;
            }
            pos += word.len();
        }
        if optional_stop && bytes.get(pos) == Some(&b'.') {
            pos += 1;
        }
        Some(pos)
    };
    // (A full stop after white space: the regex wants the white space; rare enough to leave to it.)
    if ends_blank(&template[..template.len() - usize::from(optional_stop)]) {
        return None;
    }
    Some((0..=bytes.len()).find_map(|start| at(start).map(|end| start..end)))
}
