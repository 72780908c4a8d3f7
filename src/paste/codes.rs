//! Codes a paste names outside its code fields (a troubleshooting link's query, an SDK's message prefix),
//! and a code-shaped word that is none (an SDK's exception class).

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

/// The codes troubleshooting links name (`https://api.aliyun.com/troubleshoot?q=MissingAccessKeyId&...`),
/// for a paste that names its code nowhere else.
pub(super) fn linked_codes(text: &str) -> Vec<Found<String>> {
    let mut found = Vec::new();
    for (link, parameter) in CODE_LINKS {
        for (at, _) in text.match_indices(link) {
            let query_start = at + link.len();
            let query_end = text[query_start..]
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | ')' | ','))
                .map_or(text.len(), |i| query_start + i);
            let mut offset = query_start;
            for pair in text[query_start..query_end].split('&') {
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
                    push(
                        &mut found,
                        value.to_string(),
                        value_at..value_at + value.len(),
                        "troubleshooting link",
                    );
                }
            }
        }
    }
    found
}

/// Tencent Cloud's Java SDK (older versions) prints an error as
/// `[TencentCloudSDKException]message:<Code>-<Message> requestId:...`: the code is the message's prefix.
pub(super) fn sdk_prefixed_codes(text: &str) -> Vec<Found<String>> {
    const LEAD: &str = "[TencentCloudSDKException]message:";
    let mut found = Vec::new();
    for (at, _) in text.match_indices(LEAD) {
        let start = at + LEAD.len();
        let rest = &text[start..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .unwrap_or(rest.len());
        let code = &rest[..end];
        let capitalised = code.starts_with(|c: char| c.is_ascii_uppercase());
        if capitalised && code.len() >= 3 && rest[end..].starts_with('-') {
            push(
                &mut found,
                code.to_string(),
                start..start + end,
                "TencentCloudSDKException",
            );
        }
    }
    found
}

/// Google's Go client prints an error whose one reason says what its message says as
/// `googleapi: Error <status>: <message>, <reason>`: the reason ends the line, after the last comma.
pub(super) fn googleapi_reasons(text: &str) -> Vec<Found<String>> {
    const LEAD: &str = "googleapi: Error ";
    let mut found = Vec::new();
    for (at, _) in text.match_indices(LEAD) {
        let start = at + LEAD.len();
        let line_end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| start + i);
        let line = &text[start..line_end];
        // `403: ` and a message.
        let Some(message_at) = line
            .find(": ")
            .filter(|&i| i == 3 && line[..i].bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let Some(comma) = line.rfind(", ").filter(|&i| i > message_at) else {
            continue;
        };
        let reason = line[comma + 2..].trim_end();
        let code_like = reason.len() >= 3
            && reason.starts_with(|c: char| c.is_ascii_alphabetic())
            && reason
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if code_like {
            let reason_at = start + comma + 2;
            push(
                &mut found,
                reason.to_string(),
                reason_at..reason_at + reason.len(),
                "googleapi reason",
            );
        }
    }
    found
}
