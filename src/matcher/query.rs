//! Reading a query: what a typed query is (a status, a code, a message), how a code's shape is compared, and how
//! a message or fragment is scored against an entry.

use super::{
    MIN_FRAGMENT_LEN, Match, MatchedBy, OLDER_EDITION_PENALTY, SCORE_EXPLANATION, SCORE_FRAGMENT,
    SCORE_MESSAGE, SCORE_MESSAGE_IN_QUERY,
};
use crate::catalog::{Catalog, Entry};
use crate::error::{Error, Result};
use crate::template::{Captures, Template, fold};
use regex::Regex;

/// Builds the regex for `errcode grep`, with a one-line error naming what is wrong.
pub fn grep_regex(pattern: &str, ignore_case: bool, literal: bool) -> Result<Regex> {
    let source = if literal {
        regex::escape(pattern)
    } else {
        pattern.to_string()
    };
    regex::RegexBuilder::new(&source)
        .case_insensitive(ignore_case)
        .build()
        .map_err(|err| Error::Pattern {
            pattern: pattern.to_string(),
            message: pattern_error(&source, &err),
        })
}

/// The regex crate's syntax errors are several lines with a caret diagram; re-parse to get the one-line
/// reason and the column.
pub(super) fn pattern_error(source: &str, err: &regex::Error) -> String {
    if let regex::Error::CompiledTooBig(limit) = err {
        return format!("the compiled pattern exceeds the regex size limit of {limit} bytes");
    }
    match regex_syntax::Parser::new().parse(source) {
        Err(regex_syntax::Error::Parse(e)) => {
            format!("{} at column {}", e.kind(), e.span().start.column)
        }
        Err(regex_syntax::Error::Translate(e)) => {
            format!("{} at column {}", e.kind(), e.span().start.column)
        }
        _ => err
            .to_string()
            .lines()
            .last()
            .unwrap_or_default()
            .to_string(),
    }
}

/// A code in lower case without its numbers' leading zeros: `APIG.303` and `APIG.0303` are the same.
pub fn unpadded_code(code: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in code.to_lowercase().chars() {
        if c == '0' && !in_number {
            continue;
        }
        in_number = c.is_ascii_digit();
        out.push(c);
    }
    out
}

pub(super) fn plain_match<'c>(
    catalog: &'c Catalog,
    entry: &'c Entry,
    matched_by: MatchedBy,
) -> Match<'c> {
    Match {
        catalog,
        entry,
        family: crate::family::builtin().of(catalog, entry),
        captures: Captures::new(),
        matched_by,
        score: 0,
        clues: Vec::new(),
        confidence: None,
        detail: None,
        position: None,
        stated_status: None,
    }
}

pub(super) fn ranked(mut matches: Vec<Match<'_>>) -> Vec<Match<'_>> {
    // A stable sort keeps catalog and document order among equals, the four clouds' rows first.
    matches.sort_by_key(|m| (std::cmp::Reverse(m.score), !m.catalog.vendor.is_cloud()));
    matches
}

pub(super) fn edition_penalty(entry: &Entry) -> u32 {
    if entry.edition_of.is_some() {
        OLDER_EDITION_PENALTY
    } else {
        0
    }
}

/// A query's words, searched for in any case without folding every text searched.
pub(super) struct Needle {
    folded: String,
    finder: memchr::memmem::Finder<'static>,
    /// Where a text is lower-cased to be searched (one buffer for every text a lookup reads).
    lowered: std::cell::RefCell<Vec<u8>>,
    /// Where the query's rarest letter (in English text) stands, which texts are searched for in either
    /// case; `None` where the query is empty or has an ASCII capital (the text is then lowered whole).
    rare_at: Option<usize>,
}

impl Needle {
    pub(super) fn new(folded: &str) -> Needle {
        Needle {
            folded: folded.to_string(),
            finder: memchr::memmem::Finder::new(folded.as_bytes()).into_owned(),
            lowered: std::cell::RefCell::new(Vec::new()),
            rare_at: rare_at(folded.as_bytes()),
        }
    }

    /// Whether `text` holds the query, ignoring ASCII case (CJK text has none).
    pub(super) fn in_text(&self, text: &str) -> bool {
        let odd_spacing = || text.contains("  ") || text.contains(['\t', '\n', '\r', '\u{3000}']);
        if self.folded.contains(' ') && odd_spacing() {
            // White space comes in runs here: compare folded.
            return fold(text).contains(&self.folded);
        }
        if text.len() < self.folded.len() {
            return false;
        }
        // The query is folded to lower case; the text is lowered in its ASCII letters only, as a search
        // ignoring ASCII case compares (letters beyond ASCII must stand as the query has them). Without
        // copying the text (a lookup reads every message): where the query's rarest letter stands in
        // either case, the text there compared ignoring ASCII case, which is the same where the query has
        // no ASCII capital.
        let (needle, hay) = (self.folded.as_bytes(), text.as_bytes());
        if let Some(at) = self.rare_at {
            let rare = needle[at];
            let places = &hay[at..=hay.len() - needle.len() + at];
            let (lower, upper) = (rare.to_ascii_lowercase(), rare.to_ascii_uppercase());
            return memchr::memchr2_iter(lower, upper, places)
                .any(|i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle));
        }
        let mut lowered = self.lowered.borrow_mut();
        lowered.clear();
        lowered.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
        self.finder.find(&lowered).is_some()
    }
}

/// Where `needle`'s rarest letter (in English text) stands; `None` where it is empty or has an ASCII
/// capital (a folded query has none).
fn rare_at(needle: &[u8]) -> Option<usize> {
    const COMMONEST: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";
    if needle.iter().any(u8::is_ascii_uppercase) {
        return None;
    }
    let rarity = |b: &u8| COMMONEST.iter().position(|c| c == b).unwrap_or(0);
    (needle.iter().enumerate())
        .max_by_key(|&(i, b)| (rarity(b), std::cmp::Reverse(i)))
        .map(|(i, _)| i)
}

/// The best way `query` matches one of an entry's message forms.
pub(super) fn message_score(
    forms: &[Template],
    query: &str,
    needle: &Needle,
) -> Option<(Captures, MatchedBy, u32)> {
    let folded = needle.folded.as_str();
    let query_len = query.chars().count();
    let mut best: Option<(Captures, MatchedBy, u32)> = None;
    for form in forms {
        // The whole message can only stand in a query at least as long as its literal text (which a
        // message without placeholders has more than a quarter of its bytes of: no need to count them).
        let source = form.source();
        let surely_longer = source.len() > 4 * query_len && !crate::template::has_braces(source);
        let literal_len = if surely_longer {
            usize::MAX
        } else {
            form.literal_len()
        };
        let specificity = literal_len.min(999) as u32;
        let whole = (literal_len <= query_len)
            .then(|| form.find_folded(query, folded))
            .flatten();
        let candidate = if let Some((captures, spans_all)) = whole {
            if spans_all {
                (captures, MatchedBy::Message, SCORE_MESSAGE + specificity)
            } else {
                (
                    captures,
                    MatchedBy::MessageInQuery,
                    SCORE_MESSAGE_IN_QUERY + specificity,
                )
            }
        } else {
            // (For a template without placeholders, this is its literal.)
            let display = form.display();
            if folded.len() < MIN_FRAGMENT_LEN || !needle.in_text(&display) {
                continue;
            }
            // The larger the share of the message the fragment covers, the better.
            let share = (folded.len() * 999 / display.len().max(1)).min(999) as u32;
            (
                Captures::new(),
                MatchedBy::MessageFragment,
                SCORE_FRAGMENT + share,
            )
        };
        if best.as_ref().is_none_or(|b| candidate.2 > b.2) {
            best = Some(candidate);
        }
    }
    best
}

/// Whether the query is in the entry's meaning or fix, for an entry none of whose messages matched.
pub(super) fn explanation_score(
    entry: &Entry,
    needle: &Needle,
) -> Option<(Captures, MatchedBy, u32)> {
    if needle.folded.len() < MIN_FRAGMENT_LEN {
        return None;
    }
    let texts = [
        &entry.meaning.en,
        &entry.meaning.zh,
        &entry.fix.en,
        &entry.fix.zh,
    ];
    if !texts.iter().any(|t| needle.in_text(t)) {
        return None;
    }
    // A query that is a row's whole meaning (`签名不一致`, Tencent's) beats rows whose meaning or fix only
    // contains it (JD Cloud's 客户端和网关的签名不一致).
    let bare = |t: &str| fold(t).trim_end_matches(['.', '。']).to_string();
    let query = bare(&needle.folded);
    let whole = [&entry.meaning.en, &entry.meaning.zh]
        .iter()
        .any(|t| bare(t) == query);
    let score = SCORE_EXPLANATION + if whole { WHOLE_MEANING } else { 0 };
    Some((Captures::new(), MatchedBy::Explanation, score))
}

/// What a whole meaning adds to an explanation's score (less than a fragment of a message has).
const WHOLE_MEANING: u32 = 500;

pub(super) fn searchable_texts(entry: &Entry) -> impl Iterator<Item = &str> {
    let note = entry
        .note
        .iter()
        .flat_map(|n| [n.en.as_ref(), n.zh.as_ref()]);
    entry
        .code
        .iter()
        .map(|c| c.source())
        .chain([entry.message.source()])
        .chain(entry.variants.iter().map(|v| v.source()))
        .chain([
            entry.meaning.en.as_ref(),
            entry.meaning.zh.as_ref(),
            entry.fix.en.as_ref(),
            entry.fix.zh.as_ref(),
        ])
        .chain(note)
}

/// Trims white space and one pair of surrounding quotes: users paste `"APIG.0303"` and `'429'`.
pub(super) fn clean(raw: &str) -> String {
    let trimmed = raw.trim();
    for quote in ['"', '\'', '`'] {
        if let Some(inner) = trimmed
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return inner.trim().to_string();
        }
    }
    trimmed.to_string()
}

/// A code template with its placeholders, however spelled (`%s`, `{ParameterName}`, `{param}`), reduced to
/// `{}` and lower-cased; `None` for a code without placeholders.
pub(super) fn template_shape(code: &str) -> Option<String> {
    let mut shape = String::new();
    let mut rest = code;
    let mut placeholders = 0;
    while let Some(at) = rest.find(['%', '{']) {
        shape.push_str(&rest[..at]);
        let after = &rest[at..];
        let skip = if after.starts_with("%s") {
            2
        } else if let Some(end) = after.find('}').filter(|_| after.starts_with('{')) {
            end + 1
        } else {
            shape.push_str(&after[..1]);
            rest = &after[1..];
            continue;
        };
        shape.push_str("{}");
        placeholders += 1;
        rest = &after[skip..];
    }
    shape.push_str(rest);
    (placeholders > 0).then(|| shape.to_lowercase())
}

/// `429` → (429, 429); `4xx` → (400, 499).
pub(super) fn parse_status(query: &str) -> Option<(u16, u16)> {
    let bytes = query.as_bytes();
    if bytes.len() != 3 || !(b'1'..=b'5').contains(&bytes[0]) {
        return None;
    }
    if bytes[1..].iter().all(u8::is_ascii_digit) {
        let status: u16 = query.parse().ok()?;
        return Some((status, status));
    }
    if bytes[1..].iter().all(|b| b.eq_ignore_ascii_case(&b'x')) {
        let low = u16::from(bytes[0] - b'0') * 100;
        return Some((low, low + 99));
    }
    None
}

/// A status said as people say it: `429 Too Many Requests`, `HTTP 404`, `HTTP/1.1 502 Bad Gateway`,
/// `HTTP status code: 503`. The reason phrase, if any, must be the status's own; nothing else
/// may follow.
pub(super) fn natural_status(query: &str) -> Option<u16> {
    let mut rest = query.trim();
    let strip = |text: &str, word: &str| -> Option<usize> {
        let head = text.get(..word.len())?;
        let next = text[word.len()..].chars().next();
        (head.eq_ignore_ascii_case(word) && !next.is_some_and(|c| c.is_ascii_alphanumeric()))
            .then_some(word.len())
    };
    let mut led = false;
    if rest
        .get(..5)
        .is_some_and(|h| h.eq_ignore_ascii_case("HTTP/"))
    {
        let n = 5;
        let version = rest[n..]
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len() - n);
        rest = rest[n + version..].trim_start();
        led = true;
    } else if let Some(n) = strip(rest, "HTTP") {
        rest = rest[n..].trim_start();
        led = true;
    }
    // `HTTP status code: 503`. (`status 429` alone is the `status` command mistyped as a word: `errcode
    // Status 429` says so.)
    for word in ["status", "code"] {
        if led && let Some(n) = strip(rest, word) {
            rest = rest[n..].trim_start();
        }
    }
    if led {
        rest = rest.strip_prefix([':', '=']).unwrap_or(rest).trim_start();
    }
    let digits = rest.get(..3)?;
    let (status, _) = parse_status(digits).filter(|(low, high)| low == high)?;
    let phrase = rest[3..].trim();
    if !rest[3..].is_empty() && !rest[3..].starts_with(char::is_whitespace) {
        return None;
    }
    let said = phrase.is_empty() && led
        || (!phrase.is_empty() && crate::status::reason(status).eq_ignore_ascii_case(phrase));
    said.then_some(status)
}

/// Whether a field of the query carries words of its own: a quoted value after `:` or `=` with letters in
/// it that is no reason phrase (`{"code":404,"info":"method not exists"}`, a backend's error). A status said
/// alone (`{"code": 404}`, `{"status": 404, "msg": "Not Found"}`, a status line) carries none.
pub(super) fn has_field_words(query: &str) -> bool {
    let mut rest = query;
    while let Some(open) = rest.find(['"', '\'']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        let after_key = rest[..open].trim_end().ends_with([':', '=']);
        let body = &rest[open + 1..];
        let end = crate::paste::closing_quote(body, quote).unwrap_or(body.len());
        let value = &body[..end];
        if after_key
            && value.chars().any(char::is_alphabetic)
            && !crate::status::is_reason_phrase(value)
        {
            return true;
        }
        rest = body.get(end + 1..).unwrap_or_default();
    }
    false
}

/// A query without white space or the punctuation of structured text: a code, or one word.
pub(super) fn is_token(query: &str) -> bool {
    !query.is_empty()
        && !query.chars().any(|c| {
            c.is_whitespace() || matches!(c, '"' | '\'' | ':' | '=' | '<' | '>' | ',' | ';')
        })
}

/// A token shaped like the vendors' codes: `APIG.0303`, `InvalidApi.NotFound`, `NOT_FOUND`, `MissingGroupId`.
pub(super) fn looks_like_code(token: &str) -> bool {
    let has_shape = token.contains(['.', '_'])
        || token.chars().any(|c| c.is_ascii_digit())
        || token.chars().skip(1).any(|c| c.is_ascii_uppercase());
    has_shape
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_said_naturally() {
        for (query, status) in [
            ("429 Too Many Requests", Some(429)),
            ("502 bad gateway", Some(502)),
            ("HTTP 404", Some(404)),
            ("HTTP/1.1 503 Service Unavailable", Some(503)),
            ("status 429", None),
            ("HTTP status code: 401", Some(401)),
            ("404 Route Not Found", None),
            ("429 requests", None),
            ("4290 Too Many Requests", None),
            ("HTTP 4xx", None),
        ] {
            assert_eq!(natural_status(query), status, "{query}");
        }
    }

    #[test]
    fn words_of_a_fields_own() {
        for (query, own) in [
            (
                r#"{"code":404,"info":"method not exists","data":null}"#,
                true,
            ),
            (r#"{'code': 404, 'detail': 'no such key'}"#, true),
            ("status=404 reason=\"gone away\"", true),
            (r#"{"code": 404}"#, false),
            (r#"{"status": 404, "msg": "Not Found."}"#, false),
            (r#"{"code":"404","data":null}"#, false),
            ("HTTP/1.1 404 Not Found", false),
            ("AxiosError: Request failed with status code 404", false),
            (r#"say "hello" 404"#, false),
        ] {
            assert_eq!(has_field_words(query), own, "{query}");
        }
    }

    #[test]
    fn a_whole_meaning_scores_above_one_containing_it() {
        let catalogs = crate::catalog::Catalogs::builtin();
        let score = |catalog: &str, id: &str| {
            let catalog = catalogs.catalogs.iter().find(|c| c.id == catalog).unwrap();
            let entry = catalog.entries.iter().find(|e| e.id == id).unwrap();
            explanation_score(entry, &Needle::new(&fold("签名不一致"))).map(|(_, _, s)| s)
        };
        assert!(
            score("tencent-apigateway", "hmac-signature-mismatch")
                > score(
                    "jdcloud-apigateway-dataplane",
                    "access-error-sign-result-not-same"
                )
        );
    }

    #[test]
    fn a_needle_ignores_ascii_case_only() {
        let needle = Needle::new(&fold("X-Date"));
        assert!(needle.in_text("the x-date header is out of date"));
        assert!(needle.in_text("The X-DATE header"));
        assert!(!needle.in_text("x_date"));
        assert!(!needle.in_text("x-dat"));
        // Runs of white space in the text still hold a query of several words.
        assert!(Needle::new("backend timeout").in_text("Backend   timeout."));
        assert!(Needle::new("超时").in_text("后端超时"));
    }

    /// A needle finds a query where the text, lowered in its ASCII letters, holds it: on random queries
    /// and texts of mixed case, CJK, symbols.
    #[test]
    fn a_needle_finds_what_lowering_the_text_finds() {
        const PIECES: &[&str] = &[
            "a", "B", "x-", "Date", "DATE", "超", "时", "é", "É", ".", "-", "ab", "aB",
        ];
        let mut rng = fastrand::Rng::with_seed(5);
        let text_of = |rng: &mut fastrand::Rng, most: usize| -> String {
            (0..rng.usize(0..most))
                .map(|_| PIECES[rng.usize(..PIECES.len())])
                .collect()
        };
        let mut found = 0;
        for _ in 0..20_000 {
            let query = fold(&text_of(&mut rng, 4));
            let text = text_of(&mut rng, 12);
            let lowered: Vec<u8> = text.bytes().map(|b| b.to_ascii_lowercase()).collect();
            let expected = memchr::memmem::find(&lowered, query.as_bytes()).is_some();
            found += usize::from(expected);
            assert_eq!(
                Needle::new(&query).in_text(&text),
                expected,
                "{query:?} in {text:?}"
            );
        }
        assert!(found > 1_000, "{found}");
    }

    /// Scoring only the entries the message index gives (`catalog::grams`) gives the matches scoring
    /// every entry gives, in the same order: for every built-in message form as it is shown, filled in,
    /// inside other text, and random pieces of each (any ASCII case, odd white space), random words of
    /// several, and a few odd queries; for every vendor and for one.
    #[test]
    fn the_message_index_gives_every_entry_that_scores() {
        let catalogs = crate::catalog::Catalogs::builtin();
        assert!(catalogs.literal_index().is_some());
        let every = super::super::Matcher::new(&catalogs, &[]);
        let one = super::super::Matcher::new(&catalogs, &[crate::catalog::Vendor::Huawei]);
        let displays: Vec<String> = (catalogs.entries())
            .flat_map(|(_, e)| e.message_forms().iter().map(|f| f.display().into_owned()))
            .collect();
        let mut rng = fastrand::Rng::with_seed(15);
        let mut queries: Vec<String> = [
            "Backend timeout",
            "ab",
            "超时",
            "x",
            "{param}",
            "É",
            "a b c",
        ]
        .map(str::to_string)
        .to_vec();
        for (n, display) in displays.iter().enumerate() {
            let filled = display.replace('{', "x1 {").replace('}', "} ");
            let chars: Vec<char> = filled.chars().collect();
            let start = rng.usize(..=chars.len());
            let end = rng.usize(start..=chars.len());
            let piece: String = (chars[start..end].iter())
                .map(|c| match rng.u8(..3) {
                    0 => c.to_ascii_uppercase(),
                    1 => c.to_ascii_lowercase(),
                    _ => *c,
                })
                .collect();
            queries.push(if n % 2 == 0 {
                piece
            } else {
                piece.replace(' ', " \t ")
            });
            queries.push(display.clone());
            if n % 3 == 0 {
                queries.push(format!("error: {filled} (request 42)"));
            }
            let words: Vec<&str> = (0..rng.usize(1..4))
                .filter_map(|_| {
                    let other = &displays[rng.usize(..displays.len())];
                    let words: Vec<&str> = other.split_whitespace().collect();
                    (!words.is_empty()).then(|| words[rng.usize(..words.len())])
                })
                .collect();
            queries.push(words.join(" "));
        }
        let found = |matcher: &super::super::Matcher<'_>, query: &str, indexed: bool| {
            (matcher.messages_among(query, false, indexed).iter())
                .map(|m| {
                    let at = (m.catalog.id.clone(), m.entry.index, m.score);
                    (at, m.matched_by, m.captures.clone())
                })
                .collect::<Vec<_>>()
        };
        let mut scored = 0;
        for (n, query) in queries.iter().enumerate() {
            let all = found(&every, query, false);
            assert_eq!(found(&every, query, true), all, "{query:?}");
            scored += usize::from(!all.is_empty());
            if n % 5 == 0 {
                assert_eq!(
                    found(&one, query, true),
                    found(&one, query, false),
                    "{query:?}"
                );
            }
        }
        assert!(scored > queries.len() / 2, "{scored} of {}", queries.len());
    }

    #[test]
    fn statuses_and_classes_parse() {
        assert_eq!(parse_status("429"), Some((429, 429)));
        assert_eq!(parse_status("4xx"), Some((400, 499)));
        assert_eq!(parse_status("5XX"), Some((500, 599)));
        assert_eq!(parse_status("42"), None);
        assert_eq!(parse_status("699"), None);
        assert_eq!(parse_status("4x9"), None);
    }

    #[test]
    fn quotes_and_spaces_are_ignored() {
        assert_eq!(clean("  \"APIG.0303\" "), "APIG.0303");
        assert_eq!(clean("'429'"), "429");
        assert_eq!(clean("\"unbalanced"), "\"unbalanced");
    }

    #[test]
    fn template_shapes_ignore_placeholder_spelling() {
        assert_eq!(template_shape("Missing%s").as_deref(), Some("missing{}"));
        assert_eq!(
            template_shape("Missing{ParameterName}").as_deref(),
            Some("missing{}")
        );
        assert_eq!(
            template_shape("Invalid{param}.LengthLimit").as_deref(),
            Some("invalid{}.lengthlimit")
        );
        assert_eq!(template_shape("MissingGroupId"), None);
        assert_eq!(template_shape("100%"), None);
    }

    #[test]
    fn code_shapes() {
        assert!(looks_like_code("APIG.0330"));
        assert!(looks_like_code("MissingGroupId"));
        assert!(looks_like_code("NOT_FOUND"));
        assert!(!looks_like_code("timeout"));
        assert!(!looks_like_code("后端超时"));
    }

    #[test]
    fn pattern_errors_are_one_line() {
        let err = grep_regex("(", false, false).unwrap_err().to_string();
        assert_eq!(err, "invalid pattern \"(\": unclosed group at column 1");
        assert!(grep_regex("(", false, true).is_ok());
    }
}
