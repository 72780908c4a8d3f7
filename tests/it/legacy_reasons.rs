//! Legacy and older forms of errors (Google's legacy `errors[].reason`, the "Global domain errors" table;
//! Kong 0.x's key-auth message) and the statuses, messages and wrappers around codes, through the binary.
//! The pastes are written for the tests, each showing one behaviour.

use crate::util::{TestCommand, json_lookup as lookup, rows};

fn row(vendor: &str, code: &str, status: u64) -> (String, Option<String>, u64) {
    (vendor.to_string(), Some(code.to_string()), status)
}

/// A legacy reason in its `reason` field is the error (a row of the global domain's table), beside its
/// status and a message that only restates it.
#[test]
fn a_legacy_reason_of_the_global_domain_is_the_error() {
    for (reason, status, message) in [
        ("keyInvalid", 400, "Bad Request"),
        (
            "dailyLimitExceededUnreg",
            403,
            "Daily Limit for Unauthenticated Use Exceeded. Continued use requires signup.",
        ),
        ("insufficientPermissions", 403, "Insufficient Permission"),
    ] {
        let paste = format!(
            r#"{{"error": {{"errors": [{{"domain": "global", "reason": "{reason}", "message": "{message}"}}], "code": {status}, "message": "{message}"}}}}"#
        );
        let (json, code) = lookup(&paste);
        assert_eq!(code, 0, "{paste}");
        assert_eq!(rows(&json), [row("google", reason, status)], "{paste}");
        assert_eq!(json["matches"][0]["catalog"], "google-apis-global-domain");
    }
    // A word not in the legacy form in a `reason` field (Kubernetes' `NotFound`) is not read as a reason.
    let (json, _) = lookup(r#"{"kind": "Status", "reason": "NotFound", "code": 404}"#);
    assert!(rows(&json).is_empty(), "{json}");
}

/// The legacy reason is the older model's name of the error: beside the v2 `status` of the same body
/// (`RESOURCE_EXHAUSTED`) it gives way to that, as it did when it was read as text.
#[test]
fn a_legacy_reason_gives_way_to_the_status_of_its_body() {
    let paste = "{\n  \"error\": {\n    \"code\": 429,\n    \"message\": \"Resource exhausted. Please try again later. Please refer to the documentation for more details.\",\n    \"errors\": [\n      {\n        \"message\": \"Resource exhausted. Please try again later. Please refer to the documentation for more details.\",\n        \"domain\": \"global\",\n        \"reason\": \"rateLimitExceeded\"\n      }\n    ],\n    \"status\": \"RESOURCE_EXHAUSTED\"\n  }\n}\n";
    let (json, code) = lookup(paste);
    assert_eq!(code, 0);
    let found = rows(&json);
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|f| *f == row("google", "RESOURCE_EXHAUSTED", 429)),
        "{found:?}"
    );
}

/// Google's Go client states the status in its error line (`googleapi: Error 403: <message>, <reason>`):
/// the reason's row of another status is shown with the status the paste states.
#[test]
fn a_googleapi_error_line_states_its_status() {
    let (json, code) = lookup(
        "Failed to upload file: googleapi: Error 403: Rate Limit Exceeded, rateLimitExceeded",
    );
    assert_eq!(code, 0);
    let matches = json["matches"].as_array().expect("matches");
    assert!(!matches.is_empty());
    for m in matches {
        assert_eq!(m["code"], "rateLimitExceeded");
        let stated = m["stated_status"].as_u64().or(m["status"].as_u64());
        assert_eq!(stated, Some(403), "{m}");
    }
}

/// Alibaba's Go SDK wrapper around a code no catalog has claims nothing: the wrapped code is the error,
/// not the wrapper (which the paste's lines around it only frame).
#[test]
fn a_wrapper_around_an_unknown_code_claims_nothing() {
    let paste = "SDK.ServerError\nErrorCode: InvalidResourceType.NotSupported\nRecommend: \nRequestId: F404477B-AE05-4114-B148-C939128398F9\nMessage: user order resource type [classic] not exists in [eu-west-1a]\n";
    let (json, code) = lookup(paste);
    assert_eq!((rows(&json), code), (vec![], 1));
    // The wrapper's row answers a lookup of its own code.
    let (json, code) = lookup("SDK.ServerError");
    assert_eq!(code, 0);
    let found = rows(&json);
    assert_eq!(
        found,
        [(
            String::from("alibaba"),
            Some(String::from("SDK.ServerError")),
            400
        )]
    );
}

/// A log's wrapper lines are what a paste's are: `scan` reports none of them, and `scan --count`, which
/// settles a line by a distinctive code without weighing the rest, counts none either (the wrapper's code
/// is not one). The line with a wrapped code a catalog has is reported by both, as that code's.
#[test]
fn scan_and_its_count_agree_on_wrapper_lines() {
    let dir = tempfile::tempdir().unwrap();
    let log = crate::util::write(
        dir.path(),
        "w.log",
        "ERROR: SDK.ServerError ErrorCode: NoSuchThing.AnyWhere
ERROR: SDK.ServerError
ERROR: SDK.ServerError ErrorCode: InvalidAccessKeyId.NotFound
",
    );
    let scan = |args: &[&str]| {
        let run = TestCommand::new()
            .args(args)
            .args([log.as_os_str()])
            .output();
        (run.stdout(), run.code())
    };
    let (count, code) = scan(&["scan", "--count"]);
    assert_eq!(
        (count.trim_end(), code),
        (format!("{}:1", log.display()).as_str(), 0)
    );
    let (json, code) = scan(&["scan", "--json"]);
    assert_eq!(code, 0);
    let lines: Vec<(u64, String)> = json
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v.get("line").is_some())
        .map(|v| {
            (
                v["line"].as_u64().unwrap(),
                v["matches"][0]["code"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(lines, [(3, String::from("InvalidAccessKeyId.NotFound"))]);
}

/// A code stated beside its vendor's message for the same status, which that code displaced, is the error
/// and the message its wording: a legacy reason beside the v2 message, a status name beside a reason's
/// message. Not a bare code beside the message of its refinement (`Throttling` and `Throttling.User`'s).
#[test]
fn a_message_beside_a_code_is_its_wording() {
    let paste = "errors: [\n  {\n    domain: 'global',\n    reason: 'insufficientPermissions',\n    message: 'Insufficient Permission: Request had insufficient authentication scopes.'\n  }\n]\n";
    let (json, code) = lookup(paste);
    assert_eq!(code, 0);
    assert_eq!(rows(&json), [row("google", "insufficientPermissions", 403)]);
    let paste = "error 400\nmessage: \"API key not valid. Please pass a valid API key.\"\nstatus: \"INVALID_ARGUMENT\"\n";
    let (json, _) = lookup(paste);
    let found = rows(&json);
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|f| *f == row("google", "INVALID_ARGUMENT", 400)),
        "{found:?}"
    );
    let paste = "ERROR com.aliyuncs.exceptions.ClientException: Throttling. User: Request was denied due to user flow control.";
    let (json, _) = lookup(paste);
    assert!(
        !rows(&json).contains(&row("alibaba", "Throttling", 400)),
        "{json}"
    );
}

/// A body's code field states its code, whatever the message beside it words: Alibaba's `Throttling` beside
/// the message of its refinement `Throttling.User` is that body's error, `Throttling` (where the code is a
/// word of the text, `Throttling. User: ...`, the refinement's code cut, it is not: see above).
#[test]
fn a_code_field_beside_its_refinement_s_message_is_the_error() {
    let paste = r#"{"Code":"Throttling","Message":"Request was denied due to user flow control.","RequestId":"A45EE076-334D-5012-9746-A8F828D20FD4"}"#;
    let (json, code) = lookup(paste);
    assert_eq!(code, 0, "{json}");
    let found = rows(&json);
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|f| *f == row("alibaba", "Throttling", 400)),
        "{found:?}"
    );
}

/// Kong's key-auth plugin before 0.10.3 said `No API key found in headers or querystring` (an older
/// edition of `No API key found in request`).
#[test]
fn kongs_older_key_auth_message_is_a_row() {
    let (json, code) = lookup(
        "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Key realm=\"kong\"\nServer: kong/0.9.3\n\n{\"message\":\"No API key found in headers or querystring\"}\n",
    );
    assert_eq!(code, 0);
    assert_eq!(rows(&json), [(String::from("kong"), None, 401)], "{json}");
    assert_eq!(
        json["matches"][0]["message"],
        "No API key found in headers or querystring"
    );
}

/// Google's Python client states the status in its error (`<HttpError 403 when requesting ... returned
/// "...". Details: "[{... 'reason': 'quotaExceeded'}]">`): with it, the legacy reason is the error; the
/// global domain's table describes `quotaExceeded` for every API (the Calendar API's and the YouTube Data
/// API's own messages are other rows, found by the same reason, and by their messages where the paste has
/// them).
#[test]
fn an_httperror_states_the_status_of_its_reason() {
    let youtube = "The request cannot be completed because you have exceeded your quota.";
    for (message, catalog) in [
        ("Daily quota used up.", "google-apis-global-domain"),
        (youtube, "google-apis"),
    ] {
        let paste = format!(
            r#"googleapiclient.errors.HttpError: <HttpError 403 when requesting https://example.invalid/v3/playlists?alt=json returned "{message}". Details: "[{{'message': '{message}', 'domain': 'youtube.quota', 'reason': 'quotaExceeded'}}]">"#
        );
        let (json, code) = lookup(&paste);
        assert_eq!(code, 0, "{json}");
        let matches = json["matches"].as_array().expect("matches");
        assert!(
            matches.iter().any(|m| m["catalog"] == catalog
                && m["code"] == "quotaExceeded"
                && m["status"] == 403),
            "{json}"
        );
        assert!(
            rows(&json)
                .iter()
                .all(|r| *r == row("google", "quotaExceeded", 403)),
            "{json}"
        );
    }
    // Without the status, the reason alone in a field of another shape is short of a claim.
    let (json, _) = lookup(
        r#"Details: "[{'message': 'The request cannot be completed.', 'reason': 'quotaExceeded'}]""#,
    );
    assert!(rows(&json).is_empty(), "{json}");
}

/// The AWS SDK for Java names a thrown error's class for the code API Gateway's management API answered
/// (`com.amazonaws.services.apigateway.model.ConflictException`), where its summary's `Error Code` is empty.
#[test]
fn an_aws_java_exception_class_is_the_code() {
    let paste = "com.amazonaws.services.apigateway.model.ConflictException: Resource with id 'abc123' has a conflicting path (Service: null; Status Code: 409; Error Code: null; Request ID: 7655b030-4026-11e5-a041-b1519f2f7bca)\n    at com.amazonaws.http.AmazonHttpClient.handleErrorResponse(AmazonHttpClient.java:1182)\n";
    let (json, code) = lookup(paste);
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        rows(&json),
        [row("aws", "ConflictException", 409)],
        "{json}"
    );
    assert_eq!(json["matches"][0]["catalog"], "aws-apigateway-management");
    // Another service's class of the same name is not API Gateway's.
    let (json, _) = lookup(
        "com.amazonaws.services.lambda.model.ConflictException: The function is being updated (Service: null; Status Code: 409; Error Code: null; Request ID: 1)",
    );
    assert!(rows(&json).is_empty(), "{json}");
}

/// A legacy reason written in prose, not in a field (`the API said "quotaExceeded"`), is stated as in its
/// field: with a status of its row stated, it is the error; alone, or with another status, it is not.
#[test]
fn a_legacy_reason_in_prose_needs_its_status() {
    let paste = |status: &str| {
        format!(
            "Upload rejected with status code {status}; the API said \"quotaExceeded\" and gave up."
        )
    };
    let (json, code) = lookup(&paste("403"));
    assert_eq!(code, 0);
    let mut found = rows(&json);
    found.dedup();
    assert_eq!(found, [row("google", "quotaExceeded", 403)]);
    assert!(rows(&lookup(&paste("500")).0).is_empty());
    let alone = "The API said \"quotaExceeded\" and gave up.";
    assert!(rows(&lookup(alone).0).is_empty());
}

/// Drive words `userRateLimitExceeded`'s message in sentence case (its usage-limits page: "403: User rate
/// limit exceeded"): the message alone, as Google's Python client prints it, names the reason's row.
#[test]
fn drives_sentence_case_rate_limit_message_names_its_reason() {
    let (json, code) = lookup(
        r#"upload failed: <HttpError 403 when requesting https://www.googleapis.com/upload/drive/v3/files?alt=json returned "User rate limit exceeded">"#,
    );
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        rows(&json),
        [row("google", "userRateLimitExceeded", 403)],
        "{json}"
    );
}

/// YouTube's quota message links its last word (`exceeded your <a href="...">quota</a>.`) where Google's
/// errors page prints the words alone: the message names its row read without the link's tags, in an
/// SDK's print and in a body beside another error of the same status (where the reason, found as a
/// category alone, gave way to that error).
#[test]
fn youtubes_quota_message_is_read_through_its_link() {
    let message = r#"The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>."#;
    let youtube = |json: &serde_json::Value| {
        (json["matches"].as_array().expect("matches"))
            .iter()
            .any(|m| m["id"] == "legacy-quota-exceeded-youtube")
    };
    let (json, code) = lookup(&format!(
        "[YouTube] (GdataError) : Youtube Error 403: {message}"
    ));
    assert_eq!(code, 0, "{json}");
    assert_eq!(rows(&json), [row("google", "quotaExceeded", 403)], "{json}");
    assert!(youtube(&json), "{json}");
    let two = format!(
        "{{'code': 403, 'message': '{message}', 'errors': [{{'message': '{message}', 'domain': 'youtube.quota', 'reason': 'quotaExceeded'}}]}}\n\n{{'code': 403, 'message': 'Requests to this API youtube method youtube.api.v3.V3DataSearchService.List are blocked.', 'status': 'PERMISSION_DENIED', 'details': [{{'@type': 'type.googleapis.com/google.rpc.ErrorInfo', 'reason': 'API_KEY_SERVICE_BLOCKED', 'domain': 'googleapis.com'}}]}}"
    );
    let (json, code) = lookup(&two);
    assert_eq!(code, 0, "{json}");
    let found = rows(&json);
    assert!(
        found.contains(&row("google", "quotaExceeded", 403)),
        "{json}"
    );
    assert!(
        found.contains(&row("google", "API_KEY_SERVICE_BLOCKED", 403)),
        "{json}"
    );
    // Tags of block elements are no markup of a message's words: an error page is read as it is.
    let (json, _) = lookup(
        "<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>",
    );
    assert!(!youtube(&json), "{json}");
}
