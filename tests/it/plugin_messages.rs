//! Gateway plugins' messages as pastes quote them: older plugin editions (APISIX 2.x's hmac-auth), Google's API
//! key restrictions for apps, a message printed as a string literal, a status said as `error 403`, a name
//! leading an error's sentence, Kong's error log, and products of a vendor no catalog covers. The pastes are
//! written for the tests, each showing one behaviour.

use crate::util::{json_lookup as lookup, rows};

/// The (vendor, status errcode says the error came with, message) of each match.
fn claims(json: &serde_json::Value) -> Vec<(String, u64, String)> {
    (json["matches"].as_array().expect("matches"))
        .iter()
        .map(|m| {
            (
                m["vendor"].as_str().expect("vendor").to_string(),
                (m["stated_status"].as_u64())
                    .or(m["status"].as_u64())
                    .expect("status"),
                m["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// APISIX 2.0 to 2.13's hmac-auth answered each failure with its own message (`Invalid signature`), rows of
/// an older edition; as words any software may say, the paste names APISIX or shows the body alone.
#[test]
fn apisix_2x_hmac_auth_messages_are_rows() {
    let (json, code) = lookup(r#"{"message":"Invalid signature"}"#);
    assert_eq!(code, 0);
    let found = claims(&json);
    assert!(
        found.contains(&("apisix".to_string(), 401, "Invalid signature".to_string())),
        "{found:?}"
    );
    let (json, code) = lookup(
        "HTTP/1.1 401 Unauthorized\nServer: APISIX/2.10.0\n\n{\"message\":\"access key or signature missing\"}",
    );
    assert_eq!(code, 0);
    assert_eq!(rows(&json), [("apisix".to_string(), None, 401)]);
    // From 2.14 the reason is written to the error log after the one message the client gets: there it is
    // that 401's log line, not a second error.
    let (json, code) = lookup(
        "2022/06/06 02:56:09 [warn] 45#45: *1629 [lua] hmac-auth.lua:452: phase_func(): client request can't be validated: access key or signature missing, client: 127.0.0.1, server: _, request: \"GET /ip HTTP/1.1\", host: \"httpbin.org\"",
    );
    assert_eq!(code, 0);
    let found = claims(&json);
    assert!(
        found
            .iter()
            .all(|c| c.2 == "client request can't be validated"),
        "{found:?}"
    );
    // In prose, its vendor unnamed, `Clock skew exceeded` is anyone's.
    let (json, _) = lookup("my script logs Clock skew exceeded when the laptop wakes up");
    assert!(!claims(&json).iter().any(|c| c.0 == "apisix"), "{json}");
}

/// Google's API key restrictions for Android and iOS apps have their reasons' rows: the reason in its
/// ErrorInfo is the error, not the status alone.
#[test]
fn an_api_key_app_restriction_is_its_reason() {
    let paste = r#"{"error": {"code": 403, "message": "Requests from this Android client application \u003cempty\u003e are blocked.", "status": "PERMISSION_DENIED", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_ANDROID_APP_BLOCKED", "domain": "googleapis.com"}]}}"#;
    let (json, code) = lookup(paste);
    assert_eq!(code, 0);
    assert_eq!(
        rows(&json),
        [(
            "google".to_string(),
            Some("API_KEY_ANDROID_APP_BLOCKED".to_string()),
            403
        )]
    );
    let (json, code) =
        lookup(r#"message = "Requests from this ios client application <empty> are blocked.";"#);
    assert_eq!(code, 0);
    assert_eq!(
        rows(&json),
        [(
            "google".to_string(),
            Some("API_KEY_IOS_APP_BLOCKED".to_string()),
            403
        )]
    );
}

/// A message printed as a string literal, its quotes escaped (`\'iss\'`), is read with them undone.
#[test]
fn a_message_with_escaped_quotes_is_read() {
    let (json, code) = lookup(r"I get an error saying `No credentials found for given \'iss\'`");
    assert_eq!(code, 0);
    assert_eq!(
        claims(&json),
        [(
            "kong".to_string(),
            401,
            "No credentials found for given '{claim}'".to_string()
        )]
    );
}

/// `error 403:` in prose, as `Error 403`, states the status the error came with (Kong before 1.1 answered
/// hmac-auth's failures with 403).
#[test]
fn a_status_said_as_error_403_is_stated() {
    let (json, code) = lookup(
        "After setting up Kong's hmac-auth I'm getting error 403: `HMAC signature cannot be verified`",
    );
    assert_eq!(code, 0);
    let found = claims(&json);
    assert!(
        found.contains(&(
            "kong".to_string(),
            403,
            "HMAC signature cannot be verified".to_string()
        )),
        "{found:?}"
    );
}

/// A product's name leading an error's sentence after `Error:` (`Error: Cloud Functions API has not been
/// used ...`) is no code beside the message.
#[test]
fn a_name_leading_a_sentence_is_no_code() {
    let paste = "Error: Cloud Functions API has not been used in project 12345 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/cloudfunctions.googleapis.com/overview?project=12345 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.";
    let (json, code) = lookup(paste);
    assert_eq!(code, 0);
    assert_eq!(
        rows(&json),
        [(
            "google".to_string(),
            Some("SERVICE_DISABLED".to_string()),
            403
        )]
    );
}

/// Kong's Nginx error log names its proxy's server block (`server: kong`): Kong's generic 500 beside it is
/// Kong's; the same words alone are anyone's.
#[test]
fn kongs_error_log_names_kong() {
    let paste = "the browser shows \"An unexpected error occurred\"\n\n2019/05/07 15:30:55 [error] 8922#0: *17710108185 [lua] responses.lua:121: after(): failed the initial dns/balancer resolve for 'web' with: table: 0x5c909238, client: 10.0.0.1, server: kong, request: \"GET /m HTTP/1.1\", host: \"example.com\"";
    let (json, code) = lookup(paste);
    assert_eq!(code, 0);
    assert!(
        claims(&json).contains(&(
            "kong".to_string(),
            500,
            "An unexpected error occurred".to_string()
        )),
        "{json}"
    );
    let (json, _) = lookup("the browser shows \"An unexpected error occurred\"");
    assert!(!claims(&json).iter().any(|c| c.0 == "kong"), "{json}");
}

/// MaxCompute (ODPS) answers in the object stores' XML with its own codes: Alibaba's front doors' rows
/// (`Invalid{param}`) are not its error.
#[test]
fn maxcompute_errors_are_not_the_front_doors() {
    let paste = "datahub.exceptions.DatahubException: status_code: 401, content: <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n\t<Code>InvalidAuthorization</Code>\n\t<Message><![CDATA[ODPS-0410042:Invalid signature value]]></Message>\n\t<RequestId>5C72047D38FEF58A549C872A</RequestId>\n\t<HostId>localhost</HostId>\n</Error>";
    let (json, _) = lookup(paste);
    assert!(!rows(&json).iter().any(|r| r.0 == "alibaba"), "{json}");
}

/// A code that is its status's reason phrase (`"code": "UNAUTHORIZED"`) names the status as any API's body
/// may: API Gateway's gateway response type of that name is no claim in another company's body; looked up
/// by name, it is still found.
#[test]
fn a_code_that_names_the_status_is_no_claim_alone() {
    let (json, _) =
        lookup(r#"{"error":{"status":401,"code":"UNAUTHORIZED","message":"Unauthorized"}}"#);
    assert!(!rows(&json).iter().any(|r| r.0 == "aws"), "{json}");
    let (json, code) = lookup("UNAUTHORIZED");
    assert_eq!(code, 0);
    assert!(
        rows(&json).contains(&("aws".to_string(), Some("UNAUTHORIZED".to_string()), 401)),
        "{json}"
    );
}

/// Kong's early acl plugin answered a request no authentication plugin had identified a Consumer for with
/// `Cannot identify the consumer, add an authentication plugin to use the ACL plugin` (403): a row, found in
/// its body.
#[test]
fn kongs_early_acl_message_is_a_row() {
    let message =
        "Cannot identify the consumer, add an authentication plugin to use the ACL plugin";
    let (json, code) = lookup(&format!(
        "HTTP/1.1 403 Forbidden\nServer: kong/0.6.1\n\n{{\"message\":\"{message}\"}}"
    ));
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        claims(&json),
        [(String::from("kong"), 403, String::from(message))],
        "{json}"
    );
    assert_eq!(rows(&json), [(String::from("kong"), None, 403)], "{json}");
}
