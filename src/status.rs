//! HTTP status reason phrases, including the non-standard ones the gateways use.

/// The reason phrase for a status: the IANA one where there is one, else the gateway convention.
pub fn reason(status: u16) -> &'static str {
    match status {
        // nginx's own statuses, used by the nginx-based gateways (Huawei APIG, Tencent, JD Cloud); they are
        // not in the IANA registry. Tencent's 481 has no conventional phrase, so none is shown.
        494 => "Request Header Or Cookie Too Large",
        499 => "Client Closed Request",
        _ => http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or(""),
    }
}

/// Whether `text` is an HTTP reason phrase (`Bad Gateway`, `Internal server error.`): a message that says
/// no more than its status.
pub fn is_reason_phrase(text: &str) -> bool {
    // The phrases by their length, lower case: a text is compared with those of its own length only (a
    // scan asks this of every code and message it finds).
    static BY_LENGTH: std::sync::LazyLock<Vec<Vec<String>>> = std::sync::LazyLock::new(|| {
        let mut by_length = vec![Vec::new(); LONGEST_PHRASE + 1];
        for phrase in (100..600).map(reason).filter(|r| !r.is_empty()) {
            by_length[phrase.len()].push(phrase.to_ascii_lowercase());
        }
        by_length
    });
    as_phrase(text).is_some_and(|text| {
        (BY_LENGTH.get(text.len())).is_some_and(|phrases| {
            (phrases.iter()).any(|p| p.as_bytes().eq_ignore_ascii_case(text.as_bytes()))
        })
    })
}

/// Whether `text` is `status`'s own reason phrase (`Unauthorized.` of 401, `Gateway Time-out` of 504), as
/// `is_reason_phrase` reads it.
pub fn is_reason_phrase_of(text: &str, status: u16) -> bool {
    let phrase = reason(status);
    !phrase.is_empty() && as_phrase(text).is_some_and(|text| text.eq_ignore_ascii_case(phrase))
}

/// The longest reason phrase, in bytes (at most).
const LONGEST_PHRASE: usize = 40;

/// `text` as a reason phrase is compared: blanks and a final full stop left off, `time-out` read as
/// `timeout` (borrowed unless it says that); `None` where it is too long to be one. (The rewrite shortens a
/// text by at most one byte in eight, so a text over twice the longest phrase is none.)
fn as_phrase(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    let text = text.trim().trim_end_matches('.');
    if text.len() > 2 * LONGEST_PHRASE {
        return None;
    }
    let time_out = |w: &[u8]| w.eq_ignore_ascii_case(b"time-out");
    if !(text.contains('-') && text.as_bytes().windows(8).any(time_out)) {
        return Some(std::borrow::Cow::Borrowed(text));
    }
    Some(std::borrow::Cow::Owned(
        text.to_ascii_lowercase().replace("time-out", "timeout"),
    ))
}

/// nginx's wording of a status on its default error pages (`ngx_http_special_response.c`), where it differs
/// from the registry's phrase.
fn nginx_reason(status: u16) -> Option<&'static str> {
    match status {
        401 => Some("Authorization Required"),
        405 => Some("Not Allowed"),
        408 => Some("Request Time-out"),
        414 => Some("Request-URI Too Large"),
        501 => Some("Method Not Implemented"),
        503 => Some("Service Temporarily Unavailable"),
        504 => Some("Gateway Time-out"),
        _ => None,
    }
}

/// Whether `text` is a status and its phrase, as an error page's title says them (`502 Bad Gateway`, nginx's
/// `503 Service Temporarily Unavailable`): a message that says no more than its status.
pub fn is_status_title(text: &str) -> bool {
    let text = text.trim();
    let Some((digits, phrase)) = text.split_once(' ') else {
        return false;
    };
    let Some(status) = (digits.len() == 3)
        .then(|| digits.parse::<u16>().ok())
        .flatten()
    else {
        return false;
    };
    let phrase = phrase.trim();
    (!reason(status).is_empty() && reason(status).eq_ignore_ascii_case(phrase))
        || nginx_reason(status).is_some_and(|r| r.eq_ignore_ascii_case(phrase))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_status_and_its_phrase_is_a_status_title() {
        for title in [
            "502 Bad Gateway",
            "404 Not Found",
            "401 Authorization Required",
            "503 Service Temporarily Unavailable",
            "504 Gateway Time-out",
        ] {
            assert!(super::is_status_title(title), "{title}");
        }
        for other in [
            "404 Route Not Found",
            "502 Not Found",
            "Bad Gateway",
            "4040 Not Found",
        ] {
            assert!(!super::is_status_title(other), "{other}");
        }
    }

    #[test]
    fn standard_and_gateway_statuses_have_reasons() {
        assert_eq!(super::reason(429), "Too Many Requests");
        assert_eq!(super::reason(494), "Request Header Or Cookie Too Large");
        assert_eq!(super::reason(499), "Client Closed Request");
        assert_eq!(super::reason(599), "");
    }

    /// `is_reason_phrase` turns texts down by length before reading them: no phrase is longer.
    #[test]
    fn no_reason_phrase_is_longer_than_is_reason_phrase_assumes() {
        let longest = (100..600).map(|s| super::reason(s).len()).max();
        assert!(longest.is_some_and(|l| l <= 40), "{longest:?}");
        assert!(super::is_reason_phrase(" gateway TIME-OUT. "));
        assert!(!super::is_reason_phrase(&"Gateway Time-out ".repeat(8)));
    }

    #[test]
    fn reason_phrases_are_recognised_in_any_case() {
        assert!(super::is_reason_phrase("Internal server error."));
        assert!(super::is_reason_phrase("Gateway Time-out"));
        assert!(!super::is_reason_phrase("Backend timeout"));
        for status in 100..600 {
            let phrase = super::reason(status);
            if !phrase.is_empty() {
                assert!(super::is_reason_phrase(phrase), "{phrase}");
                assert!(super::is_reason_phrase(&phrase.to_uppercase()), "{phrase}");
                assert!(!super::is_reason_phrase(&format!("{phrase}s")), "{phrase}");
            }
        }
    }
}
