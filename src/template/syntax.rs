//! The placeholder syntax: a template's source read into literal text and `{name}` placeholders, and
//! placeholders filled in from captures.

use super::{Captures, Segment, SyntaxError};
use std::fmt::Write as _;

/// Substitutes captures into an explanation (meaning, fix, note) and resolves escapes; a placeholder the paste
/// did not fill reads as its name in angle brackets, `_` as a space (`{region_id}` -> `<region id>`).
/// Callers pass texts that were validated when their catalog was loaded; anything unparsable is shown as is.
pub fn fill_text(text: &str, captures: &Captures) -> String {
    fill_source(text, captures, Unfilled::Readable)
}

/// Substitutes captures into a code template (`{name}` kept where nothing was captured: the code's pattern).
pub fn fill_code(text: &str, captures: &Captures) -> String {
    fill_source(text, captures, Unfilled::Kept)
}

/// How a placeholder without a captured value is written.
#[derive(Clone, Copy)]
enum Unfilled {
    /// `{name}`, as the catalog writes it.
    Kept,
    /// `<name>`, `_` as a space.
    Readable,
}

fn fill_source(text: &str, captures: &Captures, unfilled: Unfilled) -> String {
    // Most texts have no placeholder and no literal brace: nothing to parse.
    if !has_braces(text) {
        return text.to_string();
    }
    match parse_segments(text) {
        Ok(segments) => fill_with(&segments, captures, unfilled),
        Err(_) => text.to_string(),
    }
}

pub(super) fn fill(segments: &[Segment], captures: &Captures) -> String {
    fill_with(segments, captures, Unfilled::Kept)
}

fn fill_with(segments: &[Segment], captures: &Captures, unfilled: Unfilled) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Literal(text) => out.push_str(text),
            Segment::Placeholder(name) => match (captures.get(name), unfilled) {
                (Some(value), _) => out.push_str(value),
                (None, Unfilled::Kept) => {
                    let _ = write!(out, "{{{name}}}");
                }
                (None, Unfilled::Readable) => {
                    let _ = write!(out, "<{}>", name.replace('_', " "));
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

pub(super) fn parse_segments(source: &str) -> Result<Vec<Segment>, SyntaxError> {
    let mut segments = Vec::new();
    let mut literal = String::new();
    let bytes = source.as_bytes();
    // The text between braces is copied a run at a time (a catalog of 50,000 templates is parsed when a
    // scan starts: char by char, that was a tenth of its time).
    let mut at = 0;
    while let Some(found) = memchr::memchr2(b'{', b'}', &bytes[at..]) {
        let offset = at + found;
        literal.push_str(&source[at..offset]);
        let brace = bytes[offset];
        if bytes.get(offset + 1) == Some(&brace) {
            // `{{` and `}}`: a literal brace.
            literal.push(char::from(brace));
            at = offset + 2;
            continue;
        }
        if brace == b'}' {
            return Err(SyntaxError {
                offset,
                message: "unmatched `}` (write `}}` for a literal brace)".to_string(),
            });
        }
        let Some(close) = memchr::memchr(b'}', &bytes[offset + 1..]) else {
            return Err(SyntaxError {
                offset,
                message: "unclosed placeholder: `{` without `}` (write `{{` for a literal brace)"
                    .to_string(),
            });
        };
        let name = &source[offset + 1..offset + 1 + close];
        if !is_placeholder_name(name) {
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
        segments.push(Segment::Placeholder(name.to_string()));
        at = offset + close + 2;
    }
    literal.push_str(&source[at..]);
    if !literal.is_empty() {
        segments.push(Segment::Literal(literal));
    }
    Ok(segments)
}

/// Whether `c` must not reach a terminal as it is: a control character (C0, DEL, C1), a Unicode format
/// character (category Cf: the bidi marks, embeddings, overrides and isolates, zero-width spaces and
/// joiners, the word joiner and invisible operators, the BOM, the soft hyphen, tag characters...), the
/// line and paragraph separators, or a Hangul filler (a blank letter). Each can move the cursor, or
/// reorder or hide text. Catalog codes and messages may not hold one, white space aside (`validate`),
/// and every human output shows them escaped (`render::escape`).
pub fn needs_escape(c: char) -> bool {
    // Most text is ASCII, and Chinese text lies between U+3164 and U+FEFF, the nearest characters that
    // need escaping: both settled by one comparison (a JSON scan of Chinese meanings spent a third of its
    // time in the list below).
    if c < '\u{7f}' {
        return c < ' ';
    }
    if ('\u{3165}'..='\u{FEFE}').contains(&c) {
        return false;
    }
    escapable(c)
}

/// Whether a character of `text` from U+007F up needs escaping (`needs_escape`): the runs of ASCII
/// below it are passed over sixteen bytes at a time, and only the characters beyond are decoded (a JSON
/// scan's output, its Chinese meanings and fixes included, is checked whole for every line).
pub fn wide_needs_escape(text: &str) -> bool {
    const RUN: usize = 16;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // (Every byte below 0x7f is a character of its own, so `at` stays on a character boundary.)
        if let Some(run) = bytes.get(at..at + RUN)
            && run.iter().fold(0, |most, &b| most.max(b)) < 0x7f
        {
            at += RUN;
            continue;
        }
        if bytes[at] < 0x7f {
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if needs_escape(c) {
            return true;
        }
        at += c.len_utf8();
    }
    false
}

/// `needs_escape`, by its definition alone.
pub(super) fn escapable(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{600}'..='\u{605}'
                | '\u{61C}'
                | '\u{6DD}'
                | '\u{70F}'
                | '\u{890}'..='\u{891}'
                | '\u{8E2}'
                | '\u{115F}'..='\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
        )
}

pub(crate) fn has_braces(text: &str) -> bool {
    memchr::memchr2(b'{', b'}', text.as_bytes()).is_some()
}

/// The number of literal characters `parse_segments` would find in `source`, without building segments;
/// `None` where it would fail.
pub(super) fn literal_chars(source: &str) -> Option<usize> {
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

pub(super) fn is_placeholder_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

pub(super) fn placeholder_names(segments: &[Segment]) -> Vec<&str> {
    segments
        .iter()
        .filter_map(|s| match s {
            Segment::Placeholder(name) => Some(name.as_str()),
            Segment::Literal(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `wide_needs_escape` answers as a check of every character would, wherever the character stands
    /// among runs of ASCII, CJK and other text.
    #[test]
    fn the_wide_escape_check_agrees_with_every_character_checked() {
        const PIECES: &[&str] = &[
            "a",
            "{\"k\":1}",
            "0123456789abcdef",
            "\u{7f}",
            "\u{80}",
            "é",
            "错误",
            "\u{200b}",
            "\u{2028}",
            "\u{ad}",
            "\u{feff}",
            "\u{1f600}",
            "\n",
            "\u{1b}",
            "\u{3164}",
            "\u{3165}",
        ];
        let mut rng = fastrand::Rng::with_seed(15);
        for _ in 0..20_000 {
            let text: String = (0..rng.usize(0..40))
                .map(|_| PIECES[rng.usize(..PIECES.len())])
                .collect();
            let expected = text.chars().any(|c| c >= '\u{7f}' && needs_escape(c));
            assert_eq!(wide_needs_escape(&text), expected, "{text:?}");
        }
    }
}
