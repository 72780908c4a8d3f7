//! Reading what users paste: JSON bodies (valid, truncated or escaped inside other text), XML, SDK exception
//! dumps, HTTP responses and log lines, reduced to evidence — codes, messages, HTTP statuses and vendor
//! hints, each with where it was found. The matcher turns the evidence into ranked findings.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::catalog::Vendor;

mod codes;
mod hints;
mod markup;
mod products;
mod statuses;
mod terminal;
mod values;
mod words;

pub use hints::Hints;
pub use products::OtherProduct;

/// How many times one thing a text repeats is read in it (a log line, a paste): a code or a message
/// (`matcher::finder::MOST_SIGHTINGS`), a status. Each costs memory while the text is weighed, and a text that
/// repeats one error thousands of times says no more than its first repeats. (Up to 16 MiB of a line are
/// searched: it could hold millions.)
pub const MOST_OF_ONE: usize = 1_000;
pub(crate) use statuses::is_grpc_code;
use statuses::{error_statuses, grpc_code_statuses, phrase_statuses, text_statuses};
pub use terminal::without_terminal_escapes;
use values::{code_value, is_error_info_reason, leads_an_error_line, starts_a_sentence};
use words::Words;

/// One piece of text in the paste, with its byte range in the original paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    pub value: T,
    pub span: Range<usize>,
    /// Where it came from, for people: `error_code`, `status line`, `X-Ca-Error-Code header`, `text`.
    pub source: String,
}

/// Everything a paste says, gathered from every view of it.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Code-shaped values of code fields (`"error_code": "APIG.0303"`, `Code: X`, `<Code>X</Code>`).
    pub code_fields: Vec<Found<String>>,
    /// Values of message fields (`"error_msg": "..."`, `X-Ca-Error-Message: ...`), in full.
    pub message_fields: Vec<Found<String>>,
    /// HTTP statuses stated as such (status line, `status: 404`, `"status_code": 401`, `HTTP 404`).
    pub statuses: Vec<Found<u16>>,
    /// Vendors the paste's shape, hosts or SDK names point to.
    pub vendors: Vec<Found<Vendor>>,
    /// Of those, the vendors whose cloud API answering it shows (`Hints::vendors_in`).
    pub answering: Vec<Vendor>,
    /// Marks of a product no catalog covers, whose errors reuse the front doors' codes and messages
    /// (`paste/products.rs`).
    pub other_products: Vec<Found<OtherProduct>>,
    /// The catalogs whose product the paste names (their `product_marks`: API Gateway's hosts, SigV4
    /// service name and headers), `(vendor, catalog id)`; a log line is not read for them.
    pub products_named: Vec<(Vendor, String)>,
    /// How the text was read.
    pub reading: Reading,
    /// The texts to search for codes and messages: the paste itself, then the paste with one (and two)
    /// levels of string escaping undone, each with a map from its byte offsets back to the paste's.
    pub views: Vec<View>,
}

impl Evidence {
    /// Whether this is a paste's evidence (vendor hints and other products read), not a log line's.
    pub fn is_paste(&self) -> bool {
        self.reading == Reading::Paste
    }

    /// Reads the vendors `text` names (its hosts, headers, SDKs, log paths), which a paste's reading does
    /// at once and a log line's only where a row asks (`common_message`).
    pub fn read_vendors(&mut self, text: &str, hints: &Hints) {
        (self.vendors, self.answering) = hints.vendors_in(text);
    }
}

/// The paste, or the paste with escapes undone.
#[derive(Debug, Clone)]
pub struct View {
    pub text: String,
    /// `origin[i]` is the offset in the paste of byte `i` of `text`; `None` for the paste itself.
    origin: Option<Origins>,
}

/// For each byte of a view, the offset of the paste's byte it came from: 32 bits each, as a paste is at most
/// 16 MiB (a word each made a 15 MiB paste's two unescaped views cost 240 MB).
pub(super) type Origins = Vec<u32>;

/// `offset` as an `Origins` entry (a paste is far below 4 GiB: saturating, never wrapping).
pub(super) fn origin(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl View {
    /// The paste's byte range for a range of this view.
    pub fn to_paste(&self, span: &Range<usize>) -> Range<usize> {
        match &self.origin {
            None => span.clone(),
            Some(map) => {
                let at = |i: usize| {
                    map.get(i)
                        .map(|&o| o as usize)
                        .unwrap_or_else(|| map.last().map_or(0, |&l| l as usize + 1))
                };
                at(span.start)..at(span.end.saturating_sub(1)) + 1
            }
        }
    }
}

// Key-value pairs: JSON (`"key": "value"`, `"key": 404`), Python and JavaScript literals (`'key': 'v'`,
// `key: 'v'`), Java `toString()` (`key='v'`, `key=404`), headers and SDK dumps (`Key: value`, `Key : value`).
// Keys are found in any case by one automaton (a pair may sit inside another's value: `gw: status=404`), and
// each value read by hand from there: a handful of regexes did the same, but compiling them took longer
// than reading a paste. Quoted values may be cut off by truncation, so the closing quote is optional.

/// What a key's value may be.
#[derive(Clone, Copy)]
struct Carries {
    status: bool,
    code: bool,
    message: bool,
}

const STATUS: Carries = Carries {
    status: true,
    code: false,
    message: false,
};
const CODE: Carries = Carries {
    status: false,
    code: true,
    message: false,
};
const MESSAGE: Carries = Carries {
    status: false,
    code: false,
    message: true,
};
/// `reason` is google.rpc.ErrorInfo's (`"reason": "API_KEY_INVALID"`): the proximate cause of the error, a
/// code (`error_details.proto`: `[A-Z][A-Z0-9_]+[A-Z0-9]`), or the legacy `errors[].reason` of Google's JSON
/// APIs (`keyInvalid`); a value in another form (`NotFound`, a plain word, a reason phrase) is read as text.
const ERROR_INFO_REASON: Carries = Carries {
    status: false,
    code: true,
    message: false,
};
/// `status` is a status (`"status": 404`) or, in JD Cloud's bodies, a code (`"status": "NOT_FOUND"`); `code`
/// is a code, or in JD Cloud's bodies the status (`"code": 400`).
const STATUS_OR_CODE: Carries = Carries {
    status: true,
    code: true,
    message: false,
};

const KEYS: &[(&str, Carries)] = &[
    ("status", STATUS_OR_CODE),
    ("code", STATUS_OR_CODE),
    ("status_code", STATUS),
    ("statuscode", STATUS),
    ("http_status", STATUS),
    ("httpstatus", STATUS),
    ("http_status_code", STATUS),
    ("httpstatuscode", STATUS),
    ("http_code", STATUS),
    ("httpcode", STATUS),
    ("x-ca-error-status", STATUS),
    ("error_code", CODE),
    ("errorcode", CODE),
    ("err_code", CODE),
    ("errcode", CODE),
    ("x-ca-error-code", CODE),
    ("x-amzn-errortype", CODE),
    ("error", CODE),
    ("reason", ERROR_INFO_REASON),
    ("message", MESSAGE),
    ("msg", MESSAGE),
    ("error_msg", MESSAGE),
    ("errormsg", MESSAGE),
    ("error_message", MESSAGE),
    ("errormessage", MESSAGE),
    ("err_msg", MESSAGE),
    ("errmsg", MESSAGE),
    ("x-ca-error-message", MESSAGE),
    ("error_description", MESSAGE),
    ("errordescription", MESSAGE),
];

/// One key and where its value starts.
struct Pair<'t> {
    key: &'t str,
    /// Where the key starts in the text.
    key_at: usize,
    carries: Carries,
    /// The text from the value on (after `:` or `=` and blanks).
    value_at: usize,
}

/// The longest key, in bytes (`x-ca-error-message`).
const LONGEST_KEY: usize = {
    let (mut longest, mut k) = (0, 0);
    while k < KEYS.len() {
        if KEYS[k].0.len() > longest {
            longest = KEYS[k].0.len();
        }
        k += 1;
    }
    longest
};

/// Every `key: value` / `key=value` pair whose key is one errcode reads, in any case: from each `:` and
/// `=`, the word before it (past blanks and a quotation mark), where it is a whole word (a quotation mark
/// before it aside: `x-error_code` holds no key). In order: a separator has at most one key before it.
fn pairs(text: &str) -> impl Iterator<Item = Pair<'_>> {
    let key_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let quote = |b: u8| b == b'"' || b == b'\'';
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b':', b'=', bytes).filter_map(move |separator| {
        let mut end = separator;
        while end > 0 && matches!(bytes[end - 1], b' ' | b'\t') {
            end -= 1;
        }
        if end > 0 && quote(bytes[end - 1]) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && end - start <= LONGEST_KEY && key_byte(bytes[start - 1]) {
            start -= 1;
        }
        let key = &text[start..end];
        let (_, carries) = KEYS.iter().find(|(k, _)| k.eq_ignore_ascii_case(key))?;
        // A whole word: no key byte before it, a quotation mark aside.
        let mut before = start;
        if before > 0 && quote(bytes[before - 1]) {
            before -= 1;
        }
        if before > 0 && key_byte(bytes[before - 1]) {
            return None;
        }
        let value = text[separator + 1..].trim_start_matches([' ', '\t']);
        Some(Pair {
            key,
            key_at: start,
            carries: *carries,
            value_at: text.len() - value.len(),
        })
    })
}

/// A status value: three digits from 100 to 599, quoted or not, ending there.
fn status_value(value: &str) -> Option<(u16, std::ops::Range<usize>)> {
    let skip = usize::from(value.starts_with(['"', '\'']));
    let digits = value.get(skip..skip + 3)?;
    let next = value[skip + 3..].chars().next();
    let valid = digits.bytes().all(|b| b.is_ascii_digit())
        && (b'1'..=b'5').contains(&digits.as_bytes()[0])
        && !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then(|| (digits.parse().expect("three digits"), skip..skip + 3))
}

/// Where a quoted value ends: the first `quote` in `body` (the text after the opening one) that no
/// backslash escapes; `None` where the value is cut off.
pub(crate) fn closing_quote(body: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            c if c == quote && !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

/// Where the line a place of a text is on ends (its newline, or the text's end), found once per line rather
/// than once per place asked about: a paste of one long line can hold thousands of fields, and searching
/// from each to the end of the line made reading them quadratic.
#[derive(Default)]
struct LineEnd {
    /// The last place asked about, and where its line ends.
    from: usize,
    end: Option<usize>,
}

impl LineEnd {
    /// Where the line of `text` that `at` is on ends (`at` is on the same line as the last place asked
    /// about, where it lies between that place and that line's end; else the end is searched for).
    fn after(&mut self, text: &str, at: usize) -> usize {
        match self.end {
            Some(end) if (self.from..=end).contains(&at) => end,
            _ => {
                let end =
                    memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
                (self.from, self.end) = (at, Some(end));
                end
            }
        }
    }
}

/// A message value (`line`: the rest of its line from where the value starts): quoted (to the closing quote,
/// or the line's end when cut off), or bare (up to the next field, at the latest where the next field's key
/// starts, `next_key` bytes into `line`).
fn message_value(line: &str, next_key: usize) -> Option<(String, std::ops::Range<usize>)> {
    let (text, range) = match line.chars().next()? {
        quote @ ('"' | '\'') => {
            let end = closing_quote(&line[1..], quote).map_or(line.len(), |i| i + 1);
            (unescape_once(&line[1..end]).0, 1..end)
        }
        '{' | '[' => return None,
        _ => {
            let bare = bare_message(&line[..next_key.min(line.len())]);
            // Where the trimmed value starts in `line` (blanks before it, Unicode ones too, are skipped).
            let start = bare.as_ptr() as usize - line.as_ptr() as usize;
            (bare.to_string(), start..start + bare.len())
        }
    };
    let text = text.trim().to_string();
    (!text.is_empty()).then_some((text, range))
}

/// Words every status pattern contains (any case).
static STATUS_WORDS: Words = Words::new(
    || {
        vec![
            "status",
            "http",
            "code",
            "get ",
            "post ",
            "put ",
            "delete ",
            "patch ",
            "head ",
            "options ",
            "状态码",
            "googleapi: error ",
        ]
    },
    true,
);

static XML_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<(?P<key>Code|Message|HostId|Recommend|RequestId)>(?P<value>[^<]*)</")
        .expect("valid regex")
});

/// How much to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reading {
    /// A paste: every view, field, status and vendor hint.
    Paste,
    /// One line of a log being scanned: the line as it is, and the statuses it states. Scanning reads
    /// millions of lines; the code and message fields, escaped views and vendor hints of a paste would
    /// multiply its cost for little gain, as a log line's error is found by its code and message.
    #[default]
    Line,
}

/// Reads a paste, or a log line.
pub fn read(text: &str, reading: Reading, hints: &Hints) -> Evidence {
    let mut evidence = Evidence {
        views: match reading {
            Reading::Paste => views(text),
            Reading::Line => vec![View {
                text: text.to_string(),
                origin: None,
            }],
        },
        reading,
        ..Evidence::default()
    };
    let views = std::mem::take(&mut evidence.views);
    for view in &views {
        // Every way of stating a status needs one of these words; most lines have none, and a substring
        // search costs far less than reading for statuses.
        let may_state_status = STATUS_WORDS.is_match(&view.text, reading);
        match reading {
            Reading::Paste => fields(view, &mut evidence),
            Reading::Line if may_state_status => field_statuses(view, &mut evidence),
            Reading::Line => {}
        }
        if may_state_status {
            for (status, range, status_line) in text_statuses(&view.text, reading) {
                let source = if status_line { "status line" } else { "text" };
                push(
                    &mut evidence.statuses,
                    status,
                    view.to_paste(&range),
                    source,
                );
            }
        }
        // After the status lines, so that one with its phrase (`HTTP/1.1 401 Unauthorized`) is told as such.
        if reading == Reading::Paste {
            let prose = phrase_statuses(&view.text);
            let named = error_statuses(&view.text)
                .into_iter()
                .chain(grpc_code_statuses(&view.text));
            for (status, range) in prose.into_iter().chain(named) {
                push(
                    &mut evidence.statuses,
                    status,
                    view.to_paste(&range),
                    "text",
                );
            }
        }
    }
    evidence.views = views;
    if reading == Reading::Paste {
        // (Product marks and AWS's hosts are read in any case: the paste lowered once serves both.)
        let lower = text.to_ascii_lowercase();
        evidence.products_named = hints.products_named(&lower);
        evidence.other_products = products::other_products(text, &lower, &evidence.products_named);
        evidence.read_vendors(text, hints);
        if evidence.code_fields.is_empty() {
            evidence.code_fields = codes::named_elsewhere(text);
        }
    }
    settle(&mut evidence.code_fields);
    settle(&mut evidence.message_fields);
    settle(&mut evidence.statuses);
    evidence
}

fn push<T>(list: &mut Vec<Found<T>>, value: T, span: Range<usize>, source: &str) {
    list.push(Found {
        value,
        span,
        source: source.to_string(),
    });
}

/// Puts a list in paste order and drops repeats (the same value at the same place, found by two readers:
/// the first one's is kept). Repeats start at the same offset, so after a stable sort they stand side by
/// side: linear however many items a long paste holds (checking each push against the whole list was not).
fn settle<T: PartialEq>(list: &mut Vec<Found<T>>) {
    list.sort_by_key(|f| f.span.start);
    let mut kept: Vec<Found<T>> = Vec::with_capacity(list.len());
    for found in list.drain(..) {
        let repeat = kept
            .iter()
            .rev()
            .take_while(|k| k.span.start == found.span.start)
            .any(|k| k.span == found.span && k.value == found.value);
        if !repeat {
            kept.push(found);
        }
    }
    *list = kept;
}

/// The statuses a log line states (its status fields, status lines, access-log statuses), as a line's
/// reading finds them.
pub fn line_statuses(line: &str) -> Vec<u16> {
    if !STATUS_WORDS.is_match(line, Reading::Line) {
        return Vec::new();
    }
    let view = View {
        text: line.to_string(),
        origin: None,
    };
    let mut evidence = Evidence::default();
    field_statuses(&view, &mut evidence);
    let fields = evidence.statuses.into_iter().map(|f| f.value);
    let text = text_statuses(line, Reading::Line)
        .into_iter()
        .map(|(status, ..)| status);
    fields.chain(text).collect()
}

fn field_statuses(view: &View, evidence: &mut Evidence) {
    for pair in pairs(&view.text) {
        status_field(view, &pair, evidence);
    }
}

/// Records the status a status field states; false when the pair is not one.
fn status_field(view: &View, pair: &Pair<'_>, evidence: &mut Evidence) -> bool {
    let Some((status, range)) = pair
        .carries
        .status
        .then(|| status_value(&view.text[pair.value_at..]))
        .flatten()
    else {
        return false;
    };
    let span = view.to_paste(&(pair.value_at + range.start..pair.value_at + range.end));
    push(&mut evidence.statuses, status, span, pair.key);
    true
}

fn fields(view: &View, evidence: &mut Evidence) {
    let mut line_end = LineEnd::default();
    let pairs: Vec<Pair<'_>> = pairs(&view.text).collect();
    for (i, pair) in pairs.iter().enumerate() {
        if status_field(view, pair, evidence) {
            continue;
        }
        let value = &view.text[pair.value_at..];
        let at = |r: std::ops::Range<usize>| {
            view.to_paste(&(pair.value_at + r.start..pair.value_at + r.end))
        };
        if pair.carries.code
            && let Some(range) = code_value(value)
            && (!pair.key.eq_ignore_ascii_case("reason")
                || is_error_info_reason(&value[range.clone()]))
            && !starts_a_sentence(value, &range)
            && !leads_an_error_line(value, &range)
            && !codes::names_an_sdk_class(&value[range.clone()])
            && !value[range.end..].starts_with('/')
        {
            push(
                &mut evidence.code_fields,
                value[range.clone()].to_string(),
                at(range),
                pair.key,
            );
        }
        // (A bare value ends where the next field's key starts, at the latest: without it, each of
        // thousands of `message: ...` fields on one line ran to the line's end.)
        let next_key = (pairs[i + 1..].iter().map(|p| p.key_at)).find(|&at| at >= pair.value_at);
        let line = &value[..line_end.after(&view.text, pair.value_at) - pair.value_at];
        if pair.carries.message
            && let Some((text, range)) =
                message_value(line, next_key.map_or(line.len(), |at| at - pair.value_at))
        {
            push(&mut evidence.message_fields, text, at(range), pair.key);
        }
    }
    if !view.text.contains("</") {
        return;
    }
    for caps in XML_FIELD.captures_iter(&view.text) {
        let value = caps.name("value").expect("group is in the pattern");
        let span = view.to_paste(&value.range());
        match &caps["key"] {
            "Code" => push(
                &mut evidence.code_fields,
                value.as_str().trim().to_string(),
                span,
                "<Code>",
            ),
            "Message" => push(
                &mut evidence.message_fields,
                value.as_str().trim().to_string(),
                span,
                "<Message>",
            ),
            _ => {}
        }
    }
}

/// A bare (unquoted) message value runs to the end of the line, less a closing brace or a trailing comma
/// and whatever `key: value` pairs follow on the same line (`errMsg: ..., requestId: ...`, `msg=... id=1`).
fn bare_message(raw: &str) -> &str {
    static NEXT_FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[ \t]+[A-Za-z_][A-Za-z0-9_-]*=|,[ \t]*[A-Za-z_][A-Za-z0-9_-]*[ \t]*[:=]|[}\]]")
            .expect("valid regex")
    });
    let raw = NEXT_FIELD.find(raw).map_or(raw, |m| &raw[..m.start()]);
    raw.trim().trim_end_matches(',').trim()
}

/// The paste, then, where it keeps a terminal's colours (a CI job's log), without them (`paste/terminal`);
/// then up to two levels of backslash escaping undone (JSON inside a JSON string inside a log); then,
/// made from the last view, a message's words marked up in HTML (`exceeded your <a
/// href="...">quota</a>.`) without the tags of inline elements (`paste/markup`).
fn views(text: &str) -> Vec<View> {
    let mut views = vec![View {
        text: text.to_string(),
        origin: None,
    }];
    fn last(views: &[View]) -> &str {
        &views.last().expect("at least the paste").text
    }
    // (Made from the paste itself, its map is already the paste's.)
    if let Some((text, map)) = terminal::uncoloured_view(text) {
        views.push(View {
            text,
            origin: Some(map),
        });
    }
    for _ in 0..2 {
        if !escapes_anything(last(&views)) {
            break;
        }
        derive(&mut views, unescape_once);
    }
    if markup::closes_inline_element(last(&views)) {
        derive(&mut views, markup::strip_inline_tags);
    }
    // Documentation pages and word processors print quotes typographically (`The input parameter
    // “CommandId” ...`) where responses have straight ones: the paste with its quotes straightened too.
    if text.contains(TYPOGRAPHIC_QUOTES) {
        let (straight, map) = straighten_quotes(text);
        views.push(View {
            text: straight,
            origin: Some(map),
        });
    }
    views
}

/// Pushes a view made from the last one by `make` (its text, and for each byte the offset in the last
/// view's text it came from), its offsets carried through to the paste's.
fn derive(views: &mut Vec<View>, make: fn(&str) -> (String, Origins)) {
    let last = views.last().expect("at least the paste");
    let (text, map) = make(&last.text);
    let origin = match &last.origin {
        None => map,
        Some(previous) => (map.iter())
            .map(|&i| previous.get(i as usize).copied().unwrap_or(i))
            .collect(),
    };
    views.push(View {
        text,
        origin: Some(origin),
    });
}

/// Whether a text escapes a quote or a newline (`\\"`, `\\'`, `\\n`): JSON inside a string, or a message
/// printed as a language's string literal (`No credentials found for given \\'iss\\'`).
fn escapes_anything(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\\', bytes).any(|i| matches!(bytes.get(i + 1), Some(b'"' | b'\'' | b'n')))
}

const TYPOGRAPHIC_QUOTES: [char; 4] = ['“', '”', '‘', '’'];

/// The text with typographic quotes made straight (`“` `”` to `"`, `‘` `’` to `'`), and for each output byte
/// the offset of the input byte it came from.
fn straighten_quotes(text: &str) -> (String, Origins) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '“' | '”' => out.push('"'),
            '‘' | '’' => out.push('\''),
            c => {
                out.push(c);
                map.extend((i..i + c.len_utf8()).map(origin));
                continue;
            }
        }
        map.push(origin(i));
    }
    (out, map)
}

/// Undoes one level of JSON-style string escaping, returning the text and, for each output byte, the
/// offset of the input byte it came from.
fn unescape_once(text: &str) -> (String, Origins) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let replaced = if c == '\\' {
            match chars.peek().map(|&(_, n)| n) {
                Some(n @ ('"' | '\\' | '/' | '\'')) => {
                    chars.next();
                    Some(n)
                }
                Some('n') => {
                    chars.next();
                    Some('\n')
                }
                Some('t') => {
                    chars.next();
                    Some('\t')
                }
                Some('r') => {
                    chars.next();
                    Some('\r')
                }
                _ => None,
            }
        } else {
            None
        };
        let c = replaced.unwrap_or(c);
        let before = out.len();
        out.push(c);
        map.extend(std::iter::repeat_n(origin(i), out.len() - before));
    }
    (out, map)
}

/// Where a text's lines end, found once: a paste that repeats one error many times on a line asks for the
/// line of each, and walking the line each time made that quadratic (a 1.7 MB line took 10 s to scan).
pub struct LineIndex {
    newlines: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        LineIndex {
            newlines: memchr::memchr_iter(b'\n', text.as_bytes()).collect(),
            len: text.len(),
        }
    }

    /// The line holding byte `at`, as a range without its newline.
    pub fn line_of(&self, at: usize) -> Range<usize> {
        let at = at.min(self.len);
        let next = self.newlines.partition_point(|&n| n < at);
        let start = next.checked_sub(1).map_or(0, |i| self.newlines[i] + 1);
        let end = self.newlines.get(next).copied().unwrap_or(self.len);
        start..end
    }
}

#[cfg(test)]
mod tests;
