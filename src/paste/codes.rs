//! Codes a paste names outside its code fields (a troubleshooting link's query, an SDK's message prefix),
//! and a code-shaped word that is none (an SDK's exception class).

use std::ops::Range;

use super::statuses::GRPC_CODES;
use super::{Found, push};

/// An SDK's exception class where a code would stand (`Error: TencentCloudSDKHttpException [Error]: ...`):
/// it says which SDK threw, not what the service answered. (`SDK.ServerError`, Alibaba's wrapper, is a code.)
pub(super) fn names_an_sdk_class(code: &str) -> bool {
    (code.ends_with("Exception") || code.ends_with("Error"))
        && (code.contains("SDK") || code.contains("Sdk"))
        && !code.contains('.')
}

/// Troubleshooting links that carry the error's code as a query parameter: `(link, parameter)`.
const CODE_LINKS: &[(&str, &str)] = &[
    // Alibaba Cloud's OpenAPI `Recommend` field and SDKs' messages.
    ("api.aliyun.com/troubleshoot?", "q"),
    ("error-center.aliyun.com/status/search?", "Keyword"),
];

/// The codes a paste names outside its code fields, for a paste that has none: in troubleshooting links,
/// an SDK's message prefix, a Go client's error line, the AWS SDK for Java's exception class.
pub(super) fn named_elsewhere(text: &str) -> Vec<Found<String>> {
    let mut found = Vec::new();
    for (link, parameter) in CODE_LINKS {
        codes_after(text, link, "troubleshooting link", &mut found, |query| {
            linked_code(query, parameter)
        });
    }
    codes_after(
        text,
        "[TencentCloudSDKException]message:",
        "TencentCloudSDKException",
        &mut found,
        sdk_prefixed_code,
    );
    codes_after(
        text,
        "googleapi: Error ",
        "googleapi reason",
        &mut found,
        googleapi_reason,
    );
    codes_after(
        text,
        DOTNET_REASON,
        "Google API client for .NET reason",
        &mut found,
        dotnet_reason,
    );
    google_status_classes(text, &mut found);
    for package in AWS_JAVA_MODEL_PACKAGES {
        codes_after(
            text,
            package,
            "AWS SDK for Java exception class",
            &mut found,
            aws_java_exception,
        );
    }
    found
}

/// Google's API client for .NET prints each item of an error's `errors[]` as `Message[<message>]
/// Location[<location> - <type>] Reason[<reason>] Domain[<domain>]` (`SingleError.ToString`): the reason
/// follows the location's closing bracket.
const DOTNET_REASON: &str = "] Reason[";

/// The reason in its brackets, where the domain follows it as the client prints it.
fn dotnet_reason(after: &str) -> Option<Range<usize>> {
    let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    let code_like = end >= 3 && after.starts_with(|c: char| c.is_ascii_alphabetic());
    (code_like && after[end..].starts_with("] Domain[")).then_some(0..end)
}

/// Google's client libraries throw a call's error as the class of its status (google.rpc.Code) in CamelCase:
/// Python's google-api-core (`google.api_core.exceptions.PermissionDenied: 403 ...`), Java's gax
/// (`com.google.api.gax.rpc.ResourceExhaustedException: ...`), Ruby's google-cloud-errors
/// (`Google::Cloud::ResourceExhaustedError: 8:...`): `(package, the class's suffix)`.
const GOOGLE_STATUS_CLASSES: &[(&str, &str)] = &[
    ("google.api_core.exceptions.", ""),
    ("com.google.api.gax.rpc.", "Exception"),
    ("Google::Cloud::", "Error"),
];

/// The status a Google client's exception class names, where the class is thrown (`<class>: <message>`)
/// and is named for a canonical code (not the HTTP-only classes, `Forbidden`, `TooManyRequests`).
fn google_status_classes(text: &str, found: &mut Vec<Found<String>>) {
    for (package, suffix) in GOOGLE_STATUS_CLASSES {
        for (at, _) in text.match_indices(package) {
            let start = at + package.len();
            let rest = &text[start..];
            let end = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            let thrown = rest[end..]
                .strip_prefix(": ")
                .is_some_and(|m| m.starts_with(|c: char| !c.is_whitespace()));
            let Some(class) = rest[..end].strip_suffix(suffix).filter(|_| thrown) else {
                continue;
            };
            let mut name = String::with_capacity(class.len() + 4);
            for (i, c) in class.char_indices() {
                if i > 0 && c.is_ascii_uppercase() {
                    name.push('_');
                }
                name.push(c.to_ascii_uppercase());
            }
            if GRPC_CODES.iter().any(|(code, _)| *code == name) {
                push(
                    found,
                    name,
                    start..start + class.len(),
                    "Google client's exception class",
                );
            }
        }
    }
}

/// The packages of the API Gateway management API's modelled errors in the AWS SDK for Java (v1, v2): the
/// class of a thrown error is named for the error code the service answered
/// (`com.amazonaws.services.apigateway.model.ConflictException: ... (Service: null; Status Code: 409; Error
/// Code: null; ...)`, where the summary's own code field is empty). Other services' classes are not read:
/// their errors are not the catalogs'.
const AWS_JAVA_MODEL_PACKAGES: &[&str] = &[
    "com.amazonaws.services.apigateway.model.",
    "com.amazonaws.services.apigatewayv2.model.",
    "software.amazon.awssdk.services.apigateway.model.",
    "software.amazon.awssdk.services.apigatewayv2.model.",
];

/// The class name after a model package, where it names an exception (`ConflictException`).
fn aws_java_exception(after: &str) -> Option<Range<usize>> {
    let end = after
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(after.len());
    let class = &after[..end];
    (class.starts_with(|c: char| c.is_ascii_uppercase()) && class.ends_with("Exception"))
        .then_some(0..end)
}

/// Each code `read` finds in the text after an occurrence of `lead` (its range there), as `source` found it.
fn codes_after<I: IntoIterator<Item = Range<usize>>>(
    text: &str,
    lead: &str,
    source: &str,
    found: &mut Vec<Found<String>>,
    read: impl Fn(&str) -> I,
) {
    for (at, _) in text.match_indices(lead) {
        let start = at + lead.len();
        for range in read(&text[start..]) {
            let span = start + range.start..start + range.end;
            push(found, text[span.clone()].to_string(), span, source);
        }
    }
}

/// The values of `parameter` in a link's query (`q=MissingAccessKeyId&product=...`), where they look like
/// codes (`https://api.aliyun.com/troubleshoot?q=MissingAccessKeyId&...`).
fn linked_code(query: &str, parameter: &str) -> Vec<Range<usize>> {
    let query_end = query
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | ')' | ','))
        .unwrap_or(query.len());
    let mut codes = Vec::new();
    let mut offset = 0;
    for pair in query[..query_end].split('&') {
        let value_at = offset + parameter.len() + 1;
        offset += pair.len() + 1;
        let Some(value) = pair
            .strip_prefix(parameter)
            .and_then(|v| v.strip_prefix('='))
        else {
            continue;
        };
        let code_like = value.len() >= 3
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_');
        if code_like {
            codes.push(value_at..value_at + value.len());
        }
    }
    codes
}

/// Tencent Cloud's Java SDK (older versions) prints an error as
/// `[TencentCloudSDKException]message:<Code>-<Message> requestId:...`: the code is the message's prefix.
fn sdk_prefixed_code(message: &str) -> Option<Range<usize>> {
    let end = message
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(message.len());
    let code = &message[..end];
    let capitalised = code.starts_with(|c: char| c.is_ascii_uppercase());
    (capitalised && code.len() >= 3 && message[end..].starts_with('-')).then_some(0..end)
}

/// Google's Go client prints an error whose one reason says what its message says as
/// `googleapi: Error <status>: <message>, <reason>`: the reason ends the error, after a comma: at the line's
/// end, or where the text that quoted the error closes its quote (`` `...: ..., forbidden` when ... ``).
fn googleapi_reason(after: &str) -> Option<Range<usize>> {
    let line = &after[..after.find(['\n', '\r']).unwrap_or(after.len())];
    // `403: ` and a message.
    let message_at = line
        .find(": ")
        .filter(|&i| i == 3 && line[..i].bytes().all(|b| b.is_ascii_digit()))?;
    let reason_at = |(comma, _): (usize, &str)| {
        let start = comma + 2;
        let rest = &line[start..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let ends = rest[len..].trim_end();
        let closed = ends.is_empty() || ends.starts_with(['`', '"', '\'', ')', ']']);
        let code_like = len >= 3 && rest.starts_with(|c: char| c.is_ascii_alphabetic());
        (comma > message_at && closed && code_like).then_some(start..start + len)
    };
    line.rmatch_indices(", ").find_map(reason_at)
}
