//! Other companies' gateways built on the plugins of a catalogued one: iFlytek's open platform answers with
//! Kong's hmac-auth messages, its reasons after a colon, from its own hosts. The pastes are written for the
//! tests, each showing one behaviour.

use crate::util::{json_lookup as lookup, rows};

/// The vendors of the rows a paste is claimed as.
fn vendors(paste: &str) -> Vec<String> {
    rows(&lookup(paste).0).into_iter().map(|r| r.0).collect()
}

/// hmac-auth's message with the reason after a colon is no catalogued vendor's: Kong answers the message
/// alone (it only logs the reason), Tencent Cloud words its reasons after a comma.
#[test]
fn an_hmac_message_with_its_reason_after_a_colon_is_another_gateways() {
    // Alone, the message is Kong's and Tencent Cloud's.
    let alone = vendors(r#"401 {"message":"HMAC signature cannot be verified"}"#);
    assert!(alone.iter().any(|v| v == "kong"), "{alone:?}");
    assert!(alone.iter().any(|v| v == "tencent"), "{alone:?}");
    // With a reason after a comma, as Tencent Cloud's gateway words it: still Tencent Cloud's.
    let comma = vendors(
        r#"401 {"message":"HMAC signature cannot be verified, a valid x-date header is required for HMAC Authentication"}"#,
    );
    assert!(comma.iter().any(|v| v == "tencent"), "{comma:?}");
    for paste in [
        r#"Error code: 401 - {"message":"HMAC signature cannot be verified: fail to retrieve credential"}"#,
        r#"HTTP 401 {'message': "HMAC signature cannot be verified:enforced header 'date' not used for signature creation"}"#,
        "handshake failed: HMAC signature cannot be verified ： fail to retrieve credential",
    ] {
        let (json, code) = lookup(paste);
        assert_eq!(rows(&json), [], "{paste}");
        assert_eq!(code, 1, "{paste}");
    }
}

/// A request to iFlytek's open platform's hosts was answered by iFlytek's gateway, whatever Kong's words it
/// says.
#[test]
fn iflyteks_hosts_mark_its_gateway() {
    let body = r#"{"message":"HMAC signature does not match"}"#;
    assert!(vendors(body).iter().any(|v| v == "kong"), "{body}");
    for host in [
        "wss://iat-api.xfyun.cn/v2/iat",
        "https://spark-api.xf-yun.com/v3.5/chat",
    ] {
        let paste = format!("connecting to {host}\nbad handshake, code=401, body={body}\n");
        assert_eq!(vendors(&paste), Vec::<String>::new(), "{paste}");
    }
}
