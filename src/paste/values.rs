//! The values of code fields, and what tells a code from a word that only stands where one would: a
//! sentence's first word, an error line's lead, a `reason` in another system's form.

use super::statuses::leads_with_an_error_status;

/// gRPC's Python package names a status by its enum (`status = StatusCode.RESOURCE_EXHAUSTED`): the name
/// after it is the status's, google.rpc.Code's.
const GRPC_PYTHON_STATUS: &str = "StatusCode.";

/// A code value: a letter, then letters, digits, `_`, `.`, `%`, `{`, `}` (less a final full stop); after
/// gRPC's Python enum (`StatusCode.`), the status name it holds.
pub(super) fn code_value(value: &str) -> Option<std::ops::Range<usize>> {
    let quoted = usize::from(value.starts_with(['"', '\'']));
    let skip = match value[quoted..].strip_prefix(GRPC_PYTHON_STATUS) {
        Some(name) if name.starts_with(|c: char| c.is_ascii_uppercase()) => {
            quoted + GRPC_PYTHON_STATUS.len()
        }
        _ => quoted,
    };
    let rest = &value[skip..];
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '%' | '{' | '}')))
        .unwrap_or(rest.len());
    let code = rest[..end].trim_end_matches('.');
    // An empty value spelt out (`Error Code: null` in the AWS SDK for Java's summary, `"code": None`) is no code.
    let empty = ["null", "none", "nil", "undefined"]
        .iter()
        .any(|word| code.eq_ignore_ascii_case(word));
    (code.len() >= 3 && !empty).then(|| skip..skip + code.len())
}

/// Whether a `reason` field's value has the form of google.rpc.ErrorInfo's reasons (`API_KEY_INVALID`:
/// capitals, digits and underscores, at least one underscore, starting with a capital) or of Google's legacy
/// `errors[].reason` (`keyInvalid`: lower camel case; not a plain word, `forbidden`, nor `NotFound`).
pub(super) fn is_error_info_reason(value: &str) -> bool {
    let legacy = value.starts_with(|c: char| c.is_ascii_lowercase())
        && value.bytes().any(|b| b.is_ascii_uppercase())
        && value.bytes().all(|b| b.is_ascii_alphanumeric());
    legacy
        || value.starts_with(|c: char| c.is_ascii_uppercase())
            && value.contains('_')
            && (value.bytes()).all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Whether a bare code value is only the first word of a sentence (`Error: The provided credentials could
/// not be validated.`, `Error: API key not valid.`, `error: Malformed Lambda proxy response`): a plain word,
/// capitalised or not, or a short acronym, followed by a blank and a word in lower case, or by up to four
/// capitalised words or acronyms (a name: `Error: Cloud Functions API has not been used ...`) and then one in
/// lower case. A code is rarely such a word (`Forbidden.RAM User not authorized`,
/// `InvalidApi.NotFound` are codes).
pub(super) fn starts_a_sentence(value: &str, range: &std::ops::Range<usize>) -> bool {
    // ASCII letters, the first in either case, the rest in lower case (`The`, `error`, `A`).
    let plain = |w: &str| {
        let mut letters = w.chars();
        letters.next().is_some_and(|c| c.is_ascii_alphabetic())
            && letters.all(|c| c.is_ascii_lowercase())
    };
    let lower = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase());
    let word = &value[range.clone()];
    let acronym = word.len() <= 4 && word.bytes().all(|b| b.is_ascii_uppercase());
    let rest = &value[range.end..];
    let next = rest.trim_start_matches([' ', '\t']);
    if !(acronym || plain(word)) || next.len() == rest.len() {
        return false;
    }
    if next.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    // A name of capitalised words and acronyms, then a word in lower case (`Cloud Functions API has not
    // been used ...`).
    let mut words = next.split([' ', '\t']);
    let first = words.next().unwrap_or_default();
    let capitalised = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && (plain(w) || w.len() <= 4 && w.bytes().all(|b| b.is_ascii_uppercase()))
    };
    capitalised(first)
        && (words.by_ref().take(3))
            .find(|w| !capitalised(w))
            .is_some_and(lower)
}

/// Whether a bare code value is the start of an error line that goes on with its status (`Error: Error 403:
/// ...`, `Error: googleapi: Error 403: ...`): the word `Error` of that line, or a client's name before it,
/// not a code.
pub(super) fn leads_an_error_line(value: &str, range: &std::ops::Range<usize>) -> bool {
    leads_with_an_error_status(&value[range.start..])
        || (value[range.end..].strip_prefix(": ")).is_some_and(leads_with_an_error_status)
}
