//! Forms of gateways' answers the catalogs' first sources did not show, through the binary: Kong's error body
//! (its template's two fields), the Proxy Reference's wording, Google's Go client's error line after a
//! label, Google's quota message under its status (its reason's row giving way where no details show the
//! reason), a service's display name of several words, a Lambda authorizer's implicit deny beside a Node.js
//! framework's error body, and API Gateway's answer to a body its mapping template cannot read as JSON. The
//! pastes are written for the tests, each showing one behaviour.

use crate::util::{json_lookup as lookup, rows};

fn kong(status: u64) -> (String, Option<String>, u64) {
    (String::from("kong"), None, status)
}

/// The `id` of each match, in order.
fn ids(json: &serde_json::Value) -> Vec<String> {
    (json["matches"].as_array().expect("matches").iter())
        .map(|m| m["id"].as_str().expect("id").to_string())
        .collect()
}

/// Kong's JSON error template is `{"message": ..., "request_id": ...}` and nothing else: a body of those two
/// fields alone names Kong, so a reason phrase in it is Kong's answer. With a third field it is another
/// API's body, which names no one.
#[test]
fn kong_s_error_body_names_kong() {
    for body in [
        "{\n  \"message\":\"Unauthorized\",\n  \"request_id\":\"0b2c2e0e5b8a4e5d\"\n}",
        r#"log: "{\"message\":\"Unauthorized\",\"request_id\":\"0b2c2e0e5b8a4e5d\"}""#,
        "{'message': 'Unauthorized', 'request_id': '0b2c2e0e5b8a4e5d'}",
    ] {
        let paste = format!("curl -X POST https://api.example.com/consumers\n{body}");
        let (json, code) = lookup(&paste);
        assert_eq!((rows(&json), code), (vec![kong(401)], 0), "{paste}");
        let evidence = json["matches"][0]["evidence"].to_string();
        assert!(evidence.contains("Kong error body"), "{evidence}");
    }
    let (json, code) =
        lookup("{\"message\":\"Unauthorized\",\"request_id\":\"0b2c2e0e5b8a4e5d\",\"code\":4107}");
    assert_eq!((rows(&json), code), (vec![], 1));
}

/// Kong's Proxy Reference shows `no route and no Service found with those values` for a request no Route
/// matches: that page's row, with its 404, not the 503 of `no Service found with those values` inside it.
#[test]
fn the_proxy_reference_s_wording_is_its_own_row() {
    let (json, code) = lookup(
        "HTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{\n    \"message\": \"no route and no Service found with those values\"\n}",
    );
    assert_eq!((rows(&json), code), (vec![kong(404)], 0));
    assert_eq!(ids(&json), ["no-route-and-no-service-found-docs"]);
}

const NOT_USED: &str = "has not been used in project 1234 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/cloudfunctions.googleapis.com/overview?project=1234 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.";

fn service_title(json: &serde_json::Value) -> Vec<String> {
    (json["matches"].as_array().expect("matches").iter())
        .map(|m| {
            m["captures"]["service_title"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

/// Terraform prints Google's Go client's error after its own `Error: `: the client's name there
/// (`googleapi`) and the word `Error` of `Error 403:` are no codes that would make the message another's.
#[test]
fn a_googleapi_error_line_after_a_label() {
    for lead in ["Error: googleapi: Error 403:", "Error: Error 403:"] {
        let (json, code) = lookup(&format!("{lead} Cloud Functions API {NOT_USED}"));
        let found = rows(&json);
        assert_eq!(
            (found, code),
            (
                vec![(
                    String::from("google"),
                    Some(String::from("SERVICE_DISABLED")),
                    403
                )],
                0
            ),
            "{lead}"
        );
    }
}

/// A service's display name in SERVICE_DISABLED's message is words, captured whole (`Cloud Functions API`,
/// `Generative Language API (Staging)`), from after the colon or quotation mark before it.
#[test]
fn a_service_s_display_name_is_captured_whole() {
    for (paste, title) in [
        (
            format!("Error 403: Cloud Functions API {NOT_USED}"),
            "Cloud Functions API",
        ),
        (
            format!(
                "{{\"error\": {{\"code\": 403, \"message\": \"Generative Language API (Staging) {NOT_USED}\", \"status\": \"PERMISSION_DENIED\", \"details\": [{{\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\", \"reason\": \"SERVICE_DISABLED\"}}]}}}}"
            ),
            "Generative Language API (Staging)",
        ),
    ] {
        let (json, _) = lookup(&paste);
        assert!(service_title(&json).contains(&title.to_string()), "{json}");
    }
}

const QUOTA: &str = "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute' of service 'cloudkms.googleapis.com' for consumer 'project_number:1012616486416'.";

/// Google's quota message comes under its status, RESOURCE_EXHAUSTED, in responses without an ErrorInfo
/// reason (and as clients print them): that row is claimed; where the response states the reason,
/// RATE_LIMIT_EXCEEDED, the reason's row alone, its `status` field the reason's category.
#[test]
fn google_s_quota_message_under_its_status() {
    let (json, code) = lookup(&format!(
        "google.api_core.exceptions.ResourceExhausted: 429 {QUOTA}"
    ));
    assert_eq!(code, 0);
    let google = |c: &str| (String::from("google"), Some(c.to_string()), 429);
    assert!(
        rows(&json).contains(&google("RESOURCE_EXHAUSTED")),
        "{json}"
    );
    let (json, _) = lookup(&format!(
        "{{\"error\": {{\"code\": 429, \"message\": \"{QUOTA}\", \"status\": \"RESOURCE_EXHAUSTED\", \"details\": [{{\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\", \"reason\": \"RATE_LIMIT_EXCEEDED\"}}]}}}}"
    ));
    assert_eq!(rows(&json), [google("RATE_LIMIT_EXCEEDED")], "{json}");
}

/// Where the paste shows the quota message without the response's details (a client's print of it), neither
/// code stated, it is the status's row, RESOURCE_EXHAUSTED, alone: the reason's row (RATE_LIMIT_EXCEEDED),
/// whose code only the details would state, gives way to it.
#[test]
fn google_s_quota_message_without_its_details_is_its_status_s() {
    let google = |c: &str| (String::from("google"), Some(c.to_string()), 429);
    for paste in [
        format!(
            "Error: {QUOTA}\n    at Gaxios._request (/app/node_modules/gaxios/build/src/gaxios.js:73:27)\n"
        ),
        format!("APIError: [429]: {QUOTA}\n"),
    ] {
        let (json, code) = lookup(&paste);
        assert_eq!(
            (rows(&json), code),
            (vec![google("RESOURCE_EXHAUSTED")], 0),
            "{paste}"
        );
    }
}

/// A response whose `Server` header names an application server (uvicorn, Python's BaseHTTP behind a local
/// stand-in for API Gateway) was made by the service itself, not a gateway: none of the gateways' rows is
/// claimed, whatever its body says; the same response without that header is the gateway's.
#[test]
fn a_response_from_an_application_server_is_no_gateway_s() {
    let body = "{\"code\":401,\"reason\":\"Unauthorized\",\"message\":\"Invalid authentication credentials\"}";
    for server in ["< server: uvicorn\n", "Server: BaseHTTP/0.6 Python/3.6.4\n"] {
        let paste = format!(
            "< HTTP/1.1 401 Unauthorized\n{server}< content-type: application/json\n\n{body}"
        );
        let (json, code) = lookup(&paste);
        assert_eq!((rows(&json), code), (vec![], 1), "{paste}");
    }
    let (json, code) = lookup(&format!(
        "< HTTP/1.1 401 Unauthorized\n< server: kong/3.4.0\n\n{body}"
    ));
    assert_eq!((rows(&json), code), (vec![kong(401)], 0));
    // Named in prose, not as a header, it says nothing of the response.
    let (json, _) = lookup(&format!(
        "our app runs on uvicorn behind the gateway. Server: uvicorn is fine\nHTTP/1.1 401 Unauthorized\n\n{body}"
    ));
    assert!(!rows(&json).is_empty(), "{json}");
}

/// A status line's reason phrase that is a row's message (Kong's `Unauthorized`, `Bad Gateway`) is the
/// answer's whole text where the paste shows no body and names the vendor (`Server: kong/...`, also quoted
/// in Markdown, `> HTTP/1.1 502`); it names nothing without the vendor, nor beside a body's message.
#[test]
fn a_status_line_alone_from_a_named_gateway() {
    let (json, code) = lookup(
        "HTTP/1.1 401 Unauthorized\nContent-Length: 52\nX-Kong-Response-Latency: 0\nServer: kong/2.8.1\n",
    );
    assert_eq!((rows(&json), code), (vec![kong(401)], 0), "{json}");
    let (json, code) =
        lookup("> HTTP/1.1 502 Bad Gateway\n> Connection: keep-alive\n> Server: kong/1.3.0\n");
    assert_eq!((rows(&json), code), (vec![kong(502)], 0), "{json}");
    let (json, code) = lookup("HTTP/1.1 401 Unauthorized\nContent-Length: 0\n");
    assert_eq!((rows(&json), code), (vec![], 1), "{json}");
    let (json, _) = lookup(
        "HTTP/1.1 404 Not Found\nServer: kong/3.4.0\n\n{\"message\":\"no Route matched with those values\"}",
    );
    assert_eq!(ids(&json), ["no-route-matched"], "{json}");
}

/// A Lambda authorizer's implicit deny (the Knowledge Center's "User is not authorized to access this
/// resource", without "with an explicit deny") is API Gateway's `AccessDeniedException`; the same words in
/// a Node.js framework's error body (hapi's Boom, `"error": "Forbidden"` beside them, as serverless-offline's
/// local stand-in answers) are still no gateway's.
#[test]
fn an_authorizers_implicit_deny_and_a_node_frameworks_body() {
    let (json, code) = lookup(r#"{"message": "User is not authorized to access this resource"}"#);
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        rows(&json),
        [(
            "aws".to_string(),
            Some("AccessDeniedException".to_string()),
            403
        )],
        "{json}"
    );
    let boom = r#"{"statusCode": 403, "error": "Forbidden", "message": "User is not authorized to access this resource"}"#;
    let (json, code) = lookup(boom);
    assert_eq!((rows(&json), code), (vec![], 1), "{json}");
}

/// API Gateway's answer to a request body its mapping template cannot read as JSON, with the parser's detail
/// after a colon or alone, is its 400 row.
#[test]
fn a_body_a_mapping_template_cannot_parse() {
    for paste in [
        r#"{"message": "Could not parse request body into json: Unexpected character (\'}\' (code 125)): was expecting double-quote to start field name\n at [Source: [B@1a2b3c; line: 4, column: 2]"}"#,
        "HTTP/1.1 400 Bad Request\n\n{\"message\": \"Could not parse request body into json.\"}",
    ] {
        let (json, code) = lookup(paste);
        assert_eq!(ids(&json), ["could-not-parse-request-body"], "{paste}");
        assert_eq!(rows(&json), [("aws".to_string(), None, 400)], "{paste}");
        assert_eq!(code, 0, "{paste}");
    }
}
