//! Statuses stated in free text: status lines, `HTTP 404`, `status code: 401`, a request's status in an
//! access log, and an error status followed by its reason phrase in prose.

use std::ops::Range;

use super::Reading;
use super::words::Words;

// Statuses stated as such in free text: a status line (`HTTP/1.1 401`), `HTTP Status: 404`, `HTTP 404`,
// `status code 401`, `status code: 401`, `状态码：400` ("status code"), Google's Go client's `googleapi: Error
// 403:`, Google's Python client's `<HttpError 403 when requesting ...>`, and an access log's request followed
// by its status (`GET /x 404`, `"GET /x HTTP/1.1" 404`). Found by their words, then read by hand, as key-value
// pairs are.
const STATUS_LEADS: &[&str] = &[
    "HTTP/",
    "HTTP ",
    "HTTP\t",
    "status code",
    "状态码",
    "googleapi: Error ",
    "HttpError ",
    "GET ",
    "POST ",
    "PUT ",
    "DELETE ",
    "PATCH ",
    "HEAD ",
    "OPTIONS ",
];

static STATUS_LEAD_WORDS: Words = Words::new(|| STATUS_LEADS.to_vec(), true);

/// The statuses free text states, with where each stands and whether it is a status line.
pub(super) fn text_statuses(
    text: &str,
    reading: Reading,
) -> Vec<(u16, std::ops::Range<usize>, bool)> {
    let blank = |c: char| c == ' ' || c == '\t';
    let mut found = Vec::new();
    let mut tally = Tally::default();
    for m in STATUS_LEAD_WORDS.one_after_another(text, reading) {
        if text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            continue;
        }
        let lead = &text[m.range()];
        let mut rest = &text[m.end()..];
        let mut status_line = false;
        if lead.eq_ignore_ascii_case("HTTP/") {
            // HTTP/1.1 401, at the start of a line (curl -v writes `< HTTP/1.1 401`, a quote in Markdown
            // `> HTTP/1.1 401`).
            // (Read back only over what may stand before it: a long line of status lines was read back to
            // its start from each, quadratically.)
            let at_line_start = (text[..m.start()].bytes().rev())
                .find(|&b| !matches!(b, b' ' | b'\t' | b'<' | b'>'))
                .is_none_or(|b| b == b'\n');
            let version_end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            if !at_line_start || version_end == 0 {
                continue;
            }
            rest = &rest[version_end..];
            status_line = true;
        } else if lead.len() > 4
            && lead
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("HTTP"))
        {
            // `HTTP 404`, `HTTP Status: 404`, `HTTP status code = 404`, `HttpError 404`.
            let after = rest.trim_start_matches(blank);
            rest = match after.get(..6) {
                Some(word) if word.eq_ignore_ascii_case("status") => {
                    let after = after[6..].trim_start_matches(blank);
                    let after = match after.get(..4) {
                        Some(code) if code.eq_ignore_ascii_case("code") => &after[4..],
                        _ => after,
                    };
                    let after = after.trim_start_matches(blank);
                    after.strip_prefix([':', '=']).unwrap_or(after)
                }
                _ => after,
            };
        } else if lead.eq_ignore_ascii_case("status code")
            || lead == "状态码"
            || lead.eq_ignore_ascii_case("googleapi: Error ")
        {
            let after = rest.trim_start_matches(blank);
            rest = after.strip_prefix([':', '=', '：']).unwrap_or(after);
        } else {
            // A request: the method, the target, maybe the protocol, then the status.
            let target_end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
            if target_end == 0 {
                continue;
            }
            rest = rest[target_end..].trim_start_matches(blank);
            if rest
                .get(..5)
                .is_some_and(|p| p.eq_ignore_ascii_case("HTTP/"))
            {
                let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
                rest = &rest[end..];
            }
        }
        let rest = rest.trim_start_matches(blank);
        let at = text.len() - rest.len();
        let digits = rest
            .get(..3)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
        let ends =
            !rest[digits.map_or(0, str::len)..].starts_with(|c: char| c.is_ascii_alphanumeric());
        if let Some(digits) = digits
            && ends
            && (b'1'..=b'5').contains(&digits.as_bytes()[0])
        {
            let status: u16 = digits.parse().expect("three digits");
            if tally.admits(status) {
                found.push((status, at..at + 3, status_line));
            }
        }
    }
    found
}

/// How often each status (100 to 599) a text states has been found: past the first `MOST_OF_ONE` of a
/// status, the rest are not kept. No paste states one status a thousand times; a long line of status
/// lines run together held a record for each (16 MiB of `HTTP/1.1 429 Too Many Requests`, 540,000 of
/// them, 90 MB).
struct Tally([u16; 500]);

/// `paste::MOST_OF_ONE`, as a tally counts.
const MOST_OF_ONE: u16 = super::MOST_OF_ONE as u16;

impl Default for Tally {
    fn default() -> Tally {
        Tally([0; 500])
    }
}

impl Tally {
    /// Whether another `status` is kept (counting it).
    fn admits(&mut self, status: u16) -> bool {
        let Some(seen) = self.0.get_mut(usize::from(status.wrapping_sub(100))) else {
            return true;
        };
        *seen = (*seen + 1).min(MOST_OF_ONE + 1);
        *seen <= MOST_OF_ONE
    }
}

/// Statuses a paste's prose states as an error's number (`Exception: Error 403 Daily Limit Exceeded.`,
/// `Youtube Error 403: ...`): `Error`, a space, an error status (4xx, 5xx) standing alone; in lower case only
/// where a colon follows, leading the error (`i'm getting error 403: ...`).
pub(super) fn error_statuses(text: &str) -> Vec<(u16, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut tally = Tally::default();
    let leads = text
        .match_indices("Error ")
        .chain(text.match_indices("error "));
    for (at, lead) in leads {
        if let Some(status) = after_error_lead(bytes, at, lead)
            && tally.admits(status)
        {
            found.push((status, at + lead.len()..at + lead.len() + 3));
        }
    }
    found
}

/// The error status stated after `lead` (`Error ` or `error `), found at `at` in `bytes`: the lead standing
/// alone, then the status, standing alone too (in lower case, a colon after it).
fn after_error_lead(bytes: &[u8], at: usize, lead: &str) -> Option<u16> {
    let start = at + lead.len();
    let alone = at == 0 || !joins(bytes[at - 1]);
    let next = bytes.get(start + 3);
    let ends = if lead.starts_with('e') {
        next == Some(&b':')
    } else {
        next.is_none_or(|&b| !joins(b))
    };
    error_status(bytes, start).filter(|_| alone && ends)
}

/// Whether a text begins with an error status as a client's error line leads with it (`Error 403: ...`,
/// Google's Go client's `googleapi: Error 403: ...` after its package's name): `Error`, a space and an
/// error status standing alone.
pub(super) fn leads_with_an_error_status(text: &str) -> bool {
    text.starts_with("Error ") && after_error_lead(text.as_bytes(), 0, "Error ").is_some()
}

/// The error status (4xx, 5xx) whose three digits stand at `start` in `bytes`, if they are one.
fn error_status(bytes: &[u8], start: usize) -> Option<u16> {
    let digits = bytes.get(start..start.checked_add(3)?)?;
    (matches!(digits[0], b'4' | b'5') && digits.iter().all(u8::is_ascii_digit))
        .then(|| (digits.iter()).fold(0, |n, &d| n * 10 + u16::from(d - b'0')))
}

/// Whether a byte would go on a word beside it: a letter, a digit, `_`.
fn joins(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The canonical codes of google.rpc.Code (gRPC's), with the HTTP status google/rpc/code.proto maps each to.
pub(super) const GRPC_CODES: &[(&str, u16)] = &[
    ("CANCELLED", 499),
    ("UNKNOWN", 500),
    ("INVALID_ARGUMENT", 400),
    ("DEADLINE_EXCEEDED", 504),
    ("NOT_FOUND", 404),
    ("ALREADY_EXISTS", 409),
    ("PERMISSION_DENIED", 403),
    ("UNAUTHENTICATED", 401),
    ("RESOURCE_EXHAUSTED", 429),
    ("FAILED_PRECONDITION", 400),
    ("ABORTED", 409),
    ("OUT_OF_RANGE", 400),
    ("UNIMPLEMENTED", 501),
    ("INTERNAL", 500),
    ("UNAVAILABLE", 503),
    ("DATA_LOSS", 500),
];

/// Whether a code is one of google.rpc.Code's canonical names, as a status field states them
/// (`RESOURCE_EXHAUSTED`), spelled so.
pub(crate) fn is_grpc_code(code: &str) -> bool {
    GRPC_CODES.iter().any(|(name, _)| *name == code)
}

/// Statuses stated beside the canonical code they map to, as a status beside its reason phrase
/// (`Client error: (429) RESOURCE_EXHAUSTED`, `[404] NOT_FOUND`, `403 PERMISSION_DENIED`): the number, alone or
/// in brackets, a space, and the code's name, ending there.
pub(super) fn grpc_code_statuses(text: &str) -> Vec<(u16, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut tally = Tally::default();
    for (at, _) in text.match_indices(' ') {
        let end = at - usize::from(at > 0 && matches!(bytes[at - 1], b')' | b']'));
        let Some(start) = end.checked_sub(3) else {
            continue;
        };
        let alone = start == 0 || !joins(bytes[start - 1]);
        let Some(status) = error_status(bytes, start).filter(|_| alone) else {
            continue;
        };
        let rest = &bytes[at + 1..];
        let named = GRPC_CODES.iter().any(|(code, maps_to)| {
            *maps_to == status
                && rest.starts_with(code.as_bytes())
                && rest.get(code.len()).is_none_or(|&b| !joins(b))
        });
        if named && tally.admits(status) {
            found.push((status, start..end));
        }
    }
    found
}

/// Statuses stated with their reason phrase in a paste's prose (`responds with 403 Forbidden.`, `429 Too
/// Many Requests`): an error status (4xx, 5xx) standing alone, then a space and its phrase, any case, ending
/// there. Said in passing, without `HTTP` or `status` before it, a number is a status only so.
pub(super) fn phrase_statuses(text: &str) -> Vec<(u16, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut tally = Tally::default();
    for (at, _) in text.match_indices(' ') {
        let Some(start) = at.checked_sub(3) else {
            continue;
        };
        let alone = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let Some(status) = error_status(bytes, start).filter(|_| alone) else {
            continue;
        };
        let phrase = crate::status::reason(status);
        let rest = &bytes[at + 1..];
        let ends = |n: usize| rest.get(n).is_none_or(|b| !b.is_ascii_alphanumeric());
        if !phrase.is_empty()
            && rest.len() >= phrase.len()
            && rest[..phrase.len()].eq_ignore_ascii_case(phrase.as_bytes())
            && ends(phrase.len())
            && tally.admits(status)
        {
            found.push((status, start..at));
        }
    }
    found
}
