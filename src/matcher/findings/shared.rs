//! Names and messages that systems share: a reader of the vendors' documents knows these are no one vendor's
//! by themselves. OAuth 2.0's codes; a name stated as an SDK prints another system's error (`Code:
//! message`); a name followed by a message in Chinese. (The names a vendor lends others, AWS's common errors
//! and gRPC's codes, are its catalog's `shared_names`; the messages every product of a vendor answers, AWS's
//! SigV4 messages, are its rows marked `vendor_wide`.)

use super::Candidate;
use crate::matcher::ClueKind;
use crate::paste::Evidence;

/// Whether a candidate found by its code alone, a name (not a numbered code such as `APIGW.0301`, which is
/// its vendor's shape), states it as an SDK prints an error, `Code: message` (`RequestLimitExceeded: Request
/// limit exceeded`, AWS's Go SDK), with a message none of the row's: the name is another system's for its
/// own error.
pub(super) fn leads_another_message(candidate: &Candidate<'_>, text: &str) -> bool {
    after_codes(candidate, text).any(|(code, rest)| {
        !code.bytes().any(|b| b.is_ascii_digit())
            && (rest.strip_prefix(": "))
                .is_some_and(|m| m.starts_with(|ch: char| ch.is_alphabetic()))
    })
}

/// Each code the candidate was found by, with the text after it.
fn after_codes<'t>(
    candidate: &'t Candidate<'_>,
    text: &'t str,
) -> impl Iterator<Item = (&'t str, &'t str)> {
    (candidate.clues.iter())
        .filter(|c| c.kind == ClueKind::Code)
        .filter_map(move |c| Some((c.text.as_str(), text.get(c.end..)?)))
}

/// The error codes OAuth 2.0 defines (RFC 6749 sections 4.1.2.1, 4.2.2.1 and 5.2; RFC 6750 section 3.1).
pub(super) fn is_oauth_code(code: &str) -> bool {
    const OAUTH: [&str; 12] = [
        "invalid_request",
        "unauthorized_client",
        "access_denied",
        "unsupported_response_type",
        "invalid_scope",
        "server_error",
        "temporarily_unavailable",
        "invalid_client",
        "invalid_grant",
        "unsupported_grant_type",
        "invalid_token",
        "insufficient_scope",
    ];
    OAUTH.contains(&code)
}

/// Whether the paste shows a product of another vendor than `vendor` (an AWS service other than API
/// Gateway): as much a sign of that vendor as its name, for a name or message both use.
pub(super) fn shows_another_vendors_product(evidence: &Evidence, vendor: &str) -> bool {
    (evidence.other_products.iter()).any(|p| p.value.vendor_id.is_some_and(|id| id != vendor))
}

/// Whether a code the candidate was found by leads a message in Chinese (`InvalidParameterValue:不支持的语种`):
/// AWS's services write their messages in English (in its China regions too), as Google's APIs answer a
/// status's name, so such a name is the error of a vendor that answers in Chinese, not the name's originator's.
pub(super) fn leads_a_chinese_message(candidate: &Candidate<'_>, text: &str) -> bool {
    after_codes(candidate, text).any(|(_, rest)| {
        rest.trim_start_matches([':', '：', ' ', '-', '=', '"', '\'', ','])
            .starts_with(|ch: char| ('\u{4e00}'..='\u{9fff}').contains(&ch))
    })
}
