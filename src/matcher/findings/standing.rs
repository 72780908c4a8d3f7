//! How a code or message found in a paste stands in its line: alone or inside a sentence, leading a
//! message as gRPC prints a status, after a status line's status.

use std::ops::Range;

use crate::catalog::Entry;
use crate::paste::LineIndex;

/// Whether a message match stands alone — the whole field, or the whole line give or take punctuation,
/// possibly followed by `: detail` — and the detail that follows it. `lines`: the haystack's lines, when it
/// is (a view of) the text rather than a field's value.
pub(super) fn standing(
    haystack: &str,
    range: &Range<usize>,
    lines: Option<&LineIndex>,
) -> (bool, Option<String>) {
    let in_text = lines.is_some();
    let line = match lines {
        Some(lines) => lines.line_of(range.start),
        None => 0..haystack.len(),
    };
    let before = &haystack[line.start..range.start];
    let after = &haystack[range.end..line.end.max(range.end)];
    let punctuation = |s: &str| s.chars().all(|c| !c.is_alphanumeric());
    let trailer = after.trim_start();
    let detail = trailer
        .strip_prefix([':', ',', '：', '，'])
        // (Slices: the rest of a line may be megabytes long, and only its start is kept.)
        .map(|rest| {
            rest.trim()
                .trim_end_matches(['"', '\'', '}', ',', ']'])
                .trim()
        })
        .filter(|d| !d.is_empty());
    // An HTML element's whole text (`<title>504 Gateway Time-out</title>`, `<h1>...</h1>`) stands alone as
    // a field's value does: the tags around it are markup, not words of a sentence.
    let element =
        in_text && before.trim_end().ends_with('>') && after.trim_start().starts_with("</");
    // So does a code span's (`` I get error 403: `HMAC signature cannot be verified` ``): the message quoted
    // whole, as the response said it.
    let code_span = in_text && before.ends_with('`') && after.starts_with('`');
    let alone_before = if in_text {
        punctuation(before) || code_span || (element && punctuation(&without_tags(before)))
    } else {
        before.trim().is_empty()
    };
    let alone_after = punctuation(after)
        || detail.is_some()
        || code_span
        || (element && punctuation(&without_tags(after)));
    (
        alone_before && alone_after,
        detail.map(|d| first_chars(d, 300).to_string()),
    )
}

/// The first `most` characters of `text` (the whole text when it has no more bytes than that, hence no
/// more characters), without building it character by character.
fn first_chars(text: &str, most: usize) -> &str {
    if text.len() <= most {
        return text;
    }
    text.char_indices()
        .nth(most)
        .map_or(text, |(end, _)| &text[..end])
}

/// The text with its HTML tags (`<...>`, on one line) taken out.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a message found at `range` is the value of the only field of an outermost JSON object
/// (`{"message":"Forbidden"}`, also in a log line as `body={\"message\":\"Forbidden\"}`): the whole body a
/// gateway answers with (AWS API Gateway's and Kong's default shape), not one field among a backend's nor a
/// field of a field (`{"error": {"message": ...}}`).
pub(super) fn only_field(haystack: &str, range: &Range<usize>) -> bool {
    sole_field(haystack, range).is_some_and(|outside| !inside_an_object(outside))
}

/// Whether a message found as `found` may be its row's own body as written: a row's whose words any
/// software may say (`common_message`: `An unexpected error occurred`) only where it begins as its vendor
/// writes it, its first letter in the same case (a backend's `{"data": {"message": "an unexpected error
/// occurred"}}` is its own wording); any other row's as it stands.
pub(super) fn as_written(found: &str, entry: &Entry) -> bool {
    if !entry.common_message {
        return true;
    }
    let first = |s: &str| s.chars().find(|c| c.is_alphanumeric() || *c == '{');
    match first(entry.message.source()) {
        Some('{') | None => true,
        letter => first(found) == letter,
    }
}

/// Whether a message found at `range` is the value of the only field, `message`, of a JSON object, at any
/// depth (a client's print of the body it got: axios's `data: { message: 'Forbidden' }`).
pub(super) fn sole_message_field(haystack: &str, range: &Range<usize>) -> bool {
    sole_field(haystack, range).is_some()
}

/// The text before the object whose only field, `message`, has the value at `range`. (The value may end in
/// blanks before its closing quote, as AWS's SigV4 messages do: `"Credential should be scoped to a valid
/// region, not 'x'. "`.)
fn sole_field<'h>(haystack: &'h str, range: &Range<usize>) -> Option<&'h str> {
    const QUOTES: [char; 3] = ['"', '\'', '\\'];
    let after = haystack[range.end..]
        .trim_start_matches([' ', '\t'])
        .trim_start_matches(QUOTES);
    if !after.trim_start().starts_with('}') {
        return None;
    }
    let before = haystack[..range.start].trim_end_matches(QUOTES).trim_end();
    let before = before.strip_suffix(':')?;
    let before = before.trim_end().trim_end_matches(QUOTES);
    let key_start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    if !before[key_start..].eq_ignore_ascii_case("message") {
        return None;
    }
    let before = before[..key_start].trim_end_matches(QUOTES).trim_end();
    before.strip_suffix('{')
}

/// Whether text ending here is inside a `{...}` not yet closed, looking back at most 4 KiB (a body's
/// brackets are near; a log's megabytes are not read back).
fn inside_an_object(before: &str) -> bool {
    let mut depth = 0usize;
    for byte in before.bytes().rev().take(4096) {
        match byte {
            b'}' => depth += 1,
            b'{' if depth == 0 => return true,
            b'{' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Whether a message found at `range` goes on as the same sentence: it ends in a letter or digit and is
/// followed by a blank and a plain word in lower case (`... exceeded for 1.2.3.4`), not by punctuation, a
/// `key=value` field or a new sentence.
pub(super) fn continued(haystack: &str, range: &Range<usize>) -> bool {
    let found = &haystack[range.clone()];
    let after = &haystack[range.end..];
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word_end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let word = &rest[..word_end];
    found.ends_with(|c: char| c.is_alphanumeric())
        && word.len() >= 2
        && word.chars().all(|c| c.is_ascii_lowercase())
}

/// Whether a message found at `range`, which its vendor writes with a capital first letter, stands in the
/// text in lower case after a word of the same sentence (`Request had invalid authentication credentials.`,
/// `or invalid parameter value(s)`): the words are part of another sentence, not the vendor's message. So
/// do a title's words (a message of several words each capitalised, `Rate Limit Exceeded`) found as
/// written right after another capitalised word (`Account Rate Limit Exceeded`): the end of a longer title.
pub(super) fn inside_a_sentence(haystack: &str, range: &Range<usize>, message: &str) -> bool {
    let found = &haystack[range.clone()];
    let Some(before) = haystack[..range.start].strip_suffix(' ') else {
        return false;
    };
    let capitalised = |word: &str| word.starts_with(|c: char| c.is_ascii_uppercase());
    if !capitalised(message) {
        return false;
    }
    if found.starts_with(|c: char| c.is_ascii_lowercase()) {
        return before.ends_with(|c: char| c.is_ascii_lowercase());
    }
    let title = message.contains(' ') && message.split(' ').all(capitalised);
    // The word before: letters only, a capital first and no other (`Account`, not `HTTP/1.1 429`, `Error:`
    // nor a code, `AccessDenied`), and not a word programs print before a message (`console.log("Error",
    // message)` prints `Error Missing Authentication Token`).
    let word = &before[before
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .len()..];
    title
        && found == message
        && capitalised(word)
        && word.bytes().skip(1).all(|b| b.is_ascii_lowercase())
        && word.len() > 1
        && !LABELS.contains(&word)
}

/// Words a program prints before a message it reports (`Error Missing Authentication Token`), which no
/// vendor's title of several words is the end of.
const LABELS: &[&str] = &[
    "Error",
    "Errors",
    "Exception",
    "Warning",
    "Warn",
    "Fatal",
    "Failed",
    "Failure",
    "Caused",
    "Message",
    "Reason",
    "Response",
    "Status",
    "Detail",
    "Details",
    "Info",
    "Debug",
    "Got",
    "Received",
];

/// Whether a code in the text leads its message as gRPC prints a status (`PERMISSION_DENIED: Google Ads API
/// has not been used ...`, `7 PERMISSION_DENIED: ...`): the code stated as such, as a field states it. Only
/// a status name (upper case) is read so: `Throttling: Rate exceeded` is as likely any service's.
pub(super) fn leads_a_message(haystack: &str, range: &Range<usize>) -> bool {
    let code = &haystack[range.clone()];
    code.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
        && haystack[range.end..]
            .strip_prefix(": ")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_alphanumeric()))
}

/// Whether a code in the text stands as a JSON object's key (`{"badRequest": {"message": "...", "code":
/// 400}}`, OpenStack's faults): a key names a field of the body, which no vendor's error code is.
pub(super) fn a_json_key(haystack: &str, range: &Range<usize>) -> bool {
    haystack[..range.start].ends_with('"')
        && (haystack[range.end..].strip_prefix('"'))
            .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
}

/// Whether the text before `at` on its line is a status line's version alone (`HTTP/1.1 `), or ends with one
/// after a blank, a status line run into the text around it on one line (httpie's output pasted flat: `http
/// :9080/ HTTP/1.1 404 Not Found Connection: keep-alive ...`): what stands at `at` is the line's status.
pub(super) fn at_status_line_status(haystack: &str, lines: &LineIndex, at: usize) -> bool {
    let before = status_line_before(haystack, lines, at);
    let alone = before.strip_prefix("HTTP/").is_some_and(|rest| {
        let mut words = rest.split_whitespace();
        words.next().is_some() && words.next().is_none() && rest.ends_with(' ')
    });
    alone || after_a_version(before)
}

/// Whether `before` ends with an HTTP version (`HTTP/1.1`, `HTTP/2`) and one blank, the version a word of
/// its own.
fn after_a_version(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word = rest.rsplit(' ').next().unwrap_or(rest);
    word.strip_prefix("HTTP/").is_some_and(|version| {
        version.starts_with(|c: char| c.is_ascii_digit())
            && version.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    })
}

/// Whether the text before `at` on its line is a status line's version and status (`HTTP/1.1 401 `).
pub(super) fn after_status_line_status(haystack: &str, lines: &LineIndex, at: usize) -> bool {
    let Some(rest) = status_line_before(haystack, lines, at).strip_prefix("HTTP/") else {
        return false;
    };
    let mut words = rest.split_whitespace();
    let (Some(_version), Some(status), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    status.len() == 3 && status.bytes().all(|b| b.is_ascii_digit())
}

/// The text before `at` on its line, without what may lead a status line: blanks, curl's `<`, a Markdown
/// quote's `>`.
fn status_line_before<'h>(haystack: &'h str, lines: &LineIndex, at: usize) -> &'h str {
    haystack[lines.line_of(at).start..at].trim_start_matches([' ', '<', '>'])
}

#[cfg(test)]
mod tests {
    use super::first_chars;

    #[test]
    fn first_chars_cuts_at_a_character_not_a_byte() {
        for text in [
            "",
            "abc",
            "签名错误: x",
            "aé签😀b",
            &"签".repeat(400),
            &"a".repeat(301),
        ] {
            for most in [0, 1, 2, 3, 5, 299, 300, 301] {
                let expected: String = text.chars().take(most).collect();
                assert_eq!(first_chars(text, most), expected, "{text:?} {most}");
            }
        }
    }
}
