//! Reading what users paste: JSON bodies (valid, truncated or escaped inside other text), XML, SDK exception
//! dumps, HTTP responses and log lines, reduced to evidence — codes, messages, HTTP statuses and vendor
//! hints, each with where it was found. The matcher turns the evidence into ranked findings.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::catalog::Vendor;

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
    /// The texts to search for codes and messages: the paste itself, then the paste with one (and two)
    /// levels of string escaping undone, each with a map from its byte offsets back to the paste's.
    pub views: Vec<View>,
}

/// The paste, or the paste with escapes undone.
#[derive(Debug, Clone)]
pub struct View {
    pub text: String,
    /// `origin[i]` is the offset in the paste of byte `i` of `text`; `None` for the paste itself.
    origin: Option<Vec<usize>>,
}

impl View {
    /// The paste's byte range for a range of this view.
    pub fn to_paste(&self, span: &Range<usize>) -> Range<usize> {
        match &self.origin {
            None => span.clone(),
            Some(map) => {
                let at = |i: usize| {
                    map.get(i)
                        .copied()
                        .unwrap_or_else(|| map.last().map_or(0, |l| l + 1))
                };
                at(span.start)..at(span.end.saturating_sub(1)) + 1
            }
        }
    }
}

// Key-value pairs, one pattern per kind of value, each scanning the whole text (a pair may sit inside
// another's value: `gw: status=404`): JSON (`"key": "value"`, `"key": 404`), Python and JavaScript literals
// (`'key': 'v'`, `key: 'v'`), Java `toString()` (`key='v'`, `key=404`), headers and SDK dumps (`Key: value`,
// `Key : value`). Keys are matched in any case. Quoted values may be cut off by truncation, so the closing
// quote is optional.
static STATUS_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?:^|[^A-Za-z0-9_-])["']?(?P<key>status|status_?code|http_?status(?:_?code)?|http_?code|x-ca-error-status|code)["']?[ \t]*[:=][ \t]*["']?(?P<status>[1-5][0-9][0-9])(?-u:\b)"#,
    )
    .expect("valid regex")
});

static CODE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?:^|[^\w-])["']?(?P<key>code|error_?code|err_?code|x-ca-error-code|error|status)["']?[ \t]*[:=][ \t]*["']?(?P<code>[A-Za-z][\w.%{}]*)"#,
    )
    .expect("valid regex")
});

static MESSAGE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?:^|[^\w-])["']?(?P<key>message|msg|error_?msg|error_?message|err_?msg|x-ca-error-message|error_?description)["']?[ \t]*[:=][ \t]*(?:"(?P<dq>(?:[^"\\\n]|\\.)*)"?|'(?P<sq>(?:[^'\\\n]|\\.)*)'?|(?P<bare>[^\s"'{\[][^\n]*))"#,
    )
    .expect("valid regex")
});

/// Words every status pattern contains (any case).
static STATUS_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "status", "http", "code", "get ", "post ", "put ", "delete ", "patch ", "head ",
            "options ",
        ])
        .expect("fixed literals build an automaton")
});

static XML_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<(?P<key>Code|Message|HostId|Recommend|RequestId)>(?P<value>[^<]*)</")
        .expect("valid regex")
});

// Statuses stated as such in free text: a status line, `HTTP Status: 404`, `HTTP 404`, `status code 401`,
// and an access log's request followed by its status (`GET /x 404`, `"GET /x HTTP/1.1" 404`).
static STATUS_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?im)(?:^[ \t]*(?:<[ \t]*)?HTTP/[0-9](?:\.[0-9])?[ \t]+|(?-u:\b)HTTP[ \t]+status(?:[ \t]+code)?[ \t]*[:=]?[ \t]*|(?-u:\b)HTTP[ \t]+|(?-u:\b)status[ \t]+code[ \t]+|(?-u:\b)(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)[ \t]+[^ \t\n]+(?:[ \t]+HTTP/[0-9](?:\.[0-9])?"?)?[ \t]+)(?P<status>[1-5][0-9][0-9])(?-u:\b)"#,
    )
    .expect("valid regex")
});

static VENDOR_HINTS: LazyLock<Vec<(Vendor, Regex, &'static str)>> = LazyLock::new(|| {
    let hint =
        |vendor, pattern: &str, what| (vendor, Regex::new(pattern).expect("valid regex"), what);
    vec![
        hint(
            Vendor::Huawei,
            r"(?i)huaweicloud|myhuaweicloud|\bhuawei\b",
            "Huawei host or SDK",
        ),
        hint(
            Vendor::Huawei,
            r#"["']?\berror_msg\b["']?\s*[:=]"#,
            "Huawei error body (error_msg)",
        ),
        hint(
            Vendor::Alibaba,
            r"(?i)aliyun|alibabacloud|alicloudapi|\bTea\.exceptions",
            "Alibaba host or SDK",
        ),
        hint(
            Vendor::Alibaba,
            r#"(?i)\bX-Ca-Error-|["']?\bHostId\b["']?\s*[:=>]|["']?\bRecommend\b["']?\s*[:=>]"#,
            "Alibaba error body or X-Ca header",
        ),
        hint(
            Vendor::Tencent,
            r"(?i)tencent|qcloud|apigw\.tencentcs",
            "Tencent host or SDK",
        ),
        hint(Vendor::Jdcloud, r"(?i)jdcloud", "JD Cloud host or SDK"),
    ]
});

/// How much to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A paste: every view, field, status and vendor hint.
    Paste,
    /// One line of a log being scanned: the line as it is, and the statuses it states. Scanning reads
    /// millions of lines; the code and message fields, escaped views and vendor hints of a paste would
    /// multiply its cost for little gain, as a log line's error is found by its code and message.
    Line,
}

/// Reads a paste, or a log line.
pub fn read(text: &str, reading: Reading) -> Evidence {
    let mut evidence = Evidence {
        views: match reading {
            Reading::Paste => views(text),
            Reading::Line => vec![View {
                text: text.to_string(),
                origin: None,
            }],
        },
        ..Evidence::default()
    };
    let views = std::mem::take(&mut evidence.views);
    for view in &views {
        // The status patterns all need one of these words; most lines have none, and a substring search
        // costs far less than the patterns.
        if !STATUS_WORDS.is_match(view.text.as_bytes()) {
            if reading == Reading::Paste {
                fields(view, &mut evidence);
            }
            continue;
        }
        if reading == Reading::Paste {
            fields(view, &mut evidence);
        } else {
            field_statuses(view, &mut evidence);
        }
        for caps in STATUS_TEXT.captures_iter(&view.text) {
            let m = caps.name("status").expect("group is in the pattern");
            if let Ok(status) = m.as_str().parse() {
                let source = if caps[0]
                    .trim_start()
                    .trim_start_matches('<')
                    .trim_start()
                    .starts_with("HTTP/")
                {
                    "status line"
                } else {
                    "text"
                };
                push(
                    &mut evidence.statuses,
                    status,
                    view.to_paste(&m.range()),
                    source,
                );
            }
        }
    }
    evidence.views = views;
    if reading == Reading::Paste {
        for (vendor, pattern, what) in VENDOR_HINTS.iter() {
            if let Some(m) = pattern.find(text) {
                push(&mut evidence.vendors, *vendor, m.range(), what);
            }
        }
    }
    evidence.code_fields.sort_by_key(|f| f.span.start);
    evidence.message_fields.sort_by_key(|f| f.span.start);
    evidence.statuses.sort_by_key(|f| f.span.start);
    evidence
}

fn push<T: PartialEq>(list: &mut Vec<Found<T>>, value: T, span: Range<usize>, source: &str) {
    if !list.iter().any(|f| f.value == value && f.span == span) {
        list.push(Found {
            value,
            span,
            source: source.to_string(),
        });
    }
}

fn field_statuses(view: &View, evidence: &mut Evidence) {
    for caps in STATUS_FIELD.captures_iter(&view.text) {
        let value = caps.name("status").expect("group is in the pattern");
        if let Ok(status) = value.as_str().parse() {
            push(
                &mut evidence.statuses,
                status,
                view.to_paste(&value.range()),
                &caps["key"],
            );
        }
    }
}

fn fields(view: &View, evidence: &mut Evidence) {
    field_statuses(view, evidence);
    for caps in CODE_FIELD.captures_iter(&view.text) {
        let value = caps.name("code").expect("group is in the pattern");
        let code = value.as_str().trim_end_matches('.');
        if code.len() >= 3 {
            let span = view.to_paste(&(value.start()..value.start() + code.len()));
            push(
                &mut evidence.code_fields,
                code.to_string(),
                span,
                &caps["key"],
            );
        }
    }
    for caps in MESSAGE_FIELD.captures_iter(&view.text) {
        let (value, text) = match (caps.name("dq"), caps.name("sq"), caps.name("bare")) {
            (Some(v), _, _) | (_, Some(v), _) => (v, unescape_once(v.as_str()).0),
            (_, _, Some(v)) => (v, bare_message(v.as_str()).to_string()),
            _ => continue,
        };
        if !text.trim().is_empty() {
            push(
                &mut evidence.message_fields,
                text.trim().to_string(),
                view.to_paste(&value.range()),
                &caps["key"],
            );
        }
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
        Regex::new(r"\s+[A-Za-z_][\w-]*=|,\s*[A-Za-z_][\w-]*\s*[:=]|[}\]]").expect("valid regex")
    });
    let raw = NEXT_FIELD.find(raw).map_or(raw, |m| &raw[..m.start()]);
    raw.trim().trim_end_matches(',').trim()
}

/// The paste, then up to two levels of backslash escaping undone (JSON inside a JSON string inside a log).
fn views(text: &str) -> Vec<View> {
    let mut views = vec![View {
        text: text.to_string(),
        origin: None,
    }];
    for _ in 0..2 {
        let last = views.last().expect("at least the paste");
        if !last.text.contains("\\\"") && !last.text.contains("\\n") {
            break;
        }
        let (unescaped, map) = unescape_once(&last.text);
        let origin = match &last.origin {
            None => map,
            Some(previous) => map
                .iter()
                .map(|&i| previous.get(i).copied().unwrap_or(i))
                .collect(),
        };
        views.push(View {
            text: unescaped,
            origin: Some(origin),
        });
    }
    views
}

/// Undoes one level of JSON-style string escaping, returning the text and, for each output byte, the
/// offset of the input byte it came from.
fn unescape_once(text: &str) -> (String, Vec<usize>) {
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
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
    (out, map)
}

/// The line of `text` holding byte `at`, as a range.
pub fn line_of(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_paste(text: &str) -> Evidence {
        read(text, Reading::Paste)
    }

    fn values<T: Clone>(list: &[Found<T>]) -> Vec<T> {
        list.iter().map(|f| f.value.clone()).collect()
    }

    #[test]
    fn huawei_body_on_one_line() {
        let text = r#"{"error_msg":"Incorrect app authentication information: signature expired","error_code":"APIG.0303","request_id":"9a1b"}"#;
        let e = read_paste(text);
        assert_eq!(values(&e.code_fields), ["APIG.0303"]);
        assert_eq!(
            values(&e.message_fields),
            ["Incorrect app authentication information: signature expired"]
        );
        assert_eq!(&text[e.code_fields[0].span.clone()], "APIG.0303");
        assert_eq!(values(&e.vendors), [Vendor::Huawei]);
    }

    #[test]
    fn escaped_json_inside_a_log_line_maps_back_to_the_paste() {
        let text = r#"level=error body="{\"error_code\":\"APIG.0301\",\"error_msg\":\"Incorrect IAM authentication information.\"}""#;
        let e = read_paste(text);
        assert_eq!(values(&e.code_fields), ["APIG.0301"]);
        assert_eq!(&text[e.code_fields[0].span.clone()], "APIG.0301");
        assert_eq!(
            values(&e.message_fields),
            ["Incorrect IAM authentication information."]
        );
    }

    #[test]
    fn statuses_need_context() {
        let e =
            read_paste("HTTP/1.1 401 Unauthorized\nX-Request-Id: 4290a5\ntook 429ms port 5000\n");
        assert_eq!(values(&e.statuses), [401]);
        let e = read_paste("ServerException: HTTP Status: 404 Error:InvalidApi.NotFound ...");
        assert_eq!(values(&e.statuses), [404]);
        assert_eq!(values(&e.code_fields), ["InvalidApi.NotFound"]);
        let e = read_paste(
            r#"{"requestId":"c4","error":{"code":400,"message":"参数 page 不支持","status":"ARGUMENT_NOT_SUPPORT"}}"#,
        );
        assert_eq!(values(&e.statuses), [400]);
        assert_eq!(values(&e.code_fields), ["ARGUMENT_NOT_SUPPORT"]);
        assert_eq!(values(&e.message_fields), ["参数 page 不支持"]);
    }

    #[test]
    fn java_python_and_xml_dumps() {
        let e = read_paste(
            "ServiceResponseException{httpStatusCode=401, errorCode='APIG.0303', errorMsg='Incorrect app authentication information.'}",
        );
        assert_eq!(values(&e.statuses), [401]);
        assert_eq!(values(&e.code_fields), ["APIG.0303"]);
        let e = read_paste(
            "{'RequestId': 'A1', 'Code': 'MissingGroupId', 'Message': 'GroupId is mandatory for this action.'}",
        );
        assert_eq!(values(&e.code_fields), ["MissingGroupId"]);
        let e = read_paste(
            "<Error><Code>InvalidApi.NotFound</Code><Message>Specified api is not found, please check your url and method.</Message></Error>",
        );
        assert_eq!(values(&e.code_fields), ["InvalidApi.NotFound"]);
        assert_eq!(e.message_fields.len(), 1);
    }
}
