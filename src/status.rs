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

#[cfg(test)]
mod tests {
    #[test]
    fn standard_and_gateway_statuses_have_reasons() {
        assert_eq!(super::reason(429), "Too Many Requests");
        assert_eq!(super::reason(494), "Request Header Or Cookie Too Large");
        assert_eq!(super::reason(499), "Client Closed Request");
        assert_eq!(super::reason(599), "");
    }
}
