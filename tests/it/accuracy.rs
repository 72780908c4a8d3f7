//! Accuracy on the shapes real pastes take (issue #14): what is claimed, and what is not, through the binary.
//! The pastes here are written for the tests (not taken from the corpus), each showing one behaviour.

use crate::util::{TestCommand, claims_with, json_lookup_found, rows};

/// `errcode --json lookup` on `paste`: the `(vendor, code, status)` of each match, and the exit status.
fn claims(paste: &str) -> (Vec<(String, Option<String>, u64)>, i32) {
    claims_with(&[], paste)
}

/// The claims of a paste that claims something (exit 0).
fn found_in(paste: &str) -> Vec<(String, Option<String>, u64)> {
    let (found, code) = claims(paste);
    assert_eq!(code, 0, "{paste}");
    found
}

/// `errcode --json lookup PASTE`'s output, for a paste that claims something (exit 0).
fn lookup_json(paste: &str) -> serde_json::Value {
    TestCommand::new()
        .args(["--json", "lookup", paste])
        .output()
        .expect_code(0)
        .json()
}

/// nginx's default error page for `title`, its `server` line (`openresty`, `nginx/1.21.6`), then `extra`
/// (APISIX's footer).
fn nginx_page(title: &str, server: &str, extra: &str) -> String {
    format!(
        "<html>\n<head><title>{title}</title></head>\n<body>\n<center><h1>{title}</h1></center>\n<hr><center>{server}</center>\n{extra}</body>\n</html>\n"
    )
}

fn row(vendor: &str, code: Option<&str>, status: u64) -> (String, Option<String>, u64) {
    (vendor.to_string(), code.map(str::to_string), status)
}

/// `Error: The provided ...` is a sentence, not the code `The`: the message is found as if the prefix were
/// absent (a code beside a message would otherwise say the message is another code's).
#[test]
fn an_error_prefix_before_a_sentence_is_no_code() {
    let paste = "deploy failed\n Error: The provided credentials could not be validated. Please check your signature is correct.\n    at client.js:102:31\n";
    let found = found_in(paste);
    assert_eq!(
        found,
        [row("tencent", Some("AuthFailure.SignatureFailure"), 200)]
    );
    // Nor is a short acronym that starts a sentence (`API key not valid`).
    let found = found_in("Error: API key not valid. Please pass a valid API key.\n");
    assert_eq!(found, [row("google", Some("API_KEY_INVALID"), 400)]);
}

/// Object storage (S3, OSS, COS, OBS) answers `SignatureDoesNotMatch` in its own XML: that is no front
/// door's error, even where an Alibaba host or `HostId` is in it. The OpenAPI body still is Alibaba's.
#[test]
fn object_storage_errors_claim_no_front_door_code() {
    let s3 = "<Error>\n<Code>SignatureDoesNotMatch</Code>\n<Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>\n<RequestId>1A2B</RequestId>\n<HostId>mybucket.oss-cn-shanghai.aliyuncs.com</HostId>\n<SignatureProvided>abc=</SignatureProvided>\n</Error>\n";
    assert_eq!(claims(s3), (vec![], 1));
    let cos = "<Error><Code>SignatureDoesNotMatch</Code><Message>The Signature you specified is invalid.</Message><Resource>/x.jpg</Resource><RequestId>NWQ</RequestId><TraceId>OGV</TraceId></Error>";
    assert_eq!(claims(cos), (vec![], 1));
    let pop = r#"{"RequestId":"5C3E","HostId":"ecs.aliyuncs.com","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation.","Recommend":"https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch"}"#;
    let found = found_in(pop);
    assert_eq!(found[0], row("alibaba", Some("SignatureDoesNotMatch"), 400));
}

/// A message that goes on as a longer sentence (`API rate limit exceeded for 10.1.2.3.`) is another
/// message; the same words standing alone are Kong's (and Tencent's gateway's).
#[test]
fn a_message_that_goes_on_is_another_message() {
    let longer = r#"{"message":"API rate limit exceeded for 10.1.2.3. (Authenticated requests get a higher rate limit.)"}"#;
    assert_eq!(claims(longer), (vec![], 1));
    let found = found_in(r#"{"message":"API rate limit exceeded"}"#);
    assert_eq!(found, [row("kong", None, 429), row("tencent", None, 429)]);
}

/// The reason phrase of a status line states the status; it is not the gateway's message `Unauthorized`.
#[test]
fn a_status_lines_reason_phrase_is_no_message() {
    let paste = "HTTP/1.1 401 Unauthorized\nServer: kong/3.4.0\nContent-Type: application/json\n\n{\"message\":\"No API key found in request\"}\n";
    let value = json_lookup_found(paste);
    let messages: Vec<&str> = value["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages, ["No API key found in request"]);
}

/// A Tencent product's business code (`FailedOperation.QuotaReached`) is answered by a referral to the
/// common code it refines, where the paste names Tencent Cloud; the same shape in an Alibaba Cloud body, or
/// in a paste naming no vendor, is not.
#[test]
fn tencent_business_codes_are_referred_where_tencent_is_named() {
    let referrals = |paste: &str| crate::util::referrals_of(paste).0;
    assert_eq!(
        referrals(
            "[TencentCloudSDKError] Code=FailedOperation.QuotaReached, Message=quota reached, RequestId=1"
        ),
        ["tencent FailedOperation.QuotaReached FailedOperation.{reason}"]
    );
    assert!(referrals(r#"{"Code":"MissingParameter.Foo","HostId":"ecs.aliyuncs.com"}"#).is_empty());
    assert!(referrals("Code=FailedOperation.QuotaReached, Message=quota reached").is_empty());
    // Huawei's numbered referral needs no vendor named.
    assert_eq!(referrals("request failed: APIGW.0999").len(), 1);
}

/// A Google error body's canonical status (`"status": "INVALID_ARGUMENT"`) is the category of the row its
/// ErrorInfo reason names: only the reason's row is claimed.
#[test]
fn a_category_code_beside_its_specific_row_is_not_claimed_again() {
    let body = r#"{
  "error": {
    "code": 400,
    "message": "API key not valid. Please pass a valid API key.",
    "status": "INVALID_ARGUMENT",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "API_KEY_INVALID",
        "domain": "googleapis.com",
        "metadata": { "service": "vision.googleapis.com" }
      }
    ]
  }
}"#;
    let found = found_in(body);
    assert_eq!(found, [row("google", Some("API_KEY_INVALID"), 400)]);
}

/// gRPC prints a status as `CODE: message`: the code stated so names the error, even when the message is
/// another row's wording (whose own code, an ErrorInfo reason, the paste does not show).
#[test]
fn a_grpc_status_leading_its_message_is_the_error() {
    let paste = "Error: 7 PERMISSION_DENIED: Cloud Vision API has not been used in project 123456 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/vision.googleapis.com/overview?project=123456 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.";
    let found = found_in(paste);
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|r| r.0 == "google" && r.1.as_deref() == Some("PERMISSION_DENIED")),
        "{found:?}"
    );
    // Any gRPC service prints its status so: without a vendor named, an ordinary gRPC error with its HTTP
    // status is nobody's gateway error.
    let (found, _) = claims(
        "io.grpc.StatusRuntimeException: UNAVAILABLE: io exception
request failed with HTTP 503",
    );
    assert!(found.is_empty(), "{found:?}");
    // A CamelCase code so placed is as likely any service's: no claim without the vendor.
    let (found, _) = claims(
        "operation error STS: GetCallerIdentity, https response error StatusCode: 400, api error Throttling: Rate exceeded",
    );
    assert!(found.is_empty(), "{found:?}");
}

/// Tencent's gateway answers `uri '/x' host '...'` and `env_mapping '\/'` where its table says `uri[$uri]`:
/// the live forms are found, with what they name filled in (JSON's escaped slashes undone).
#[test]
fn tencent_live_forms_are_found() {
    let fill = |paste: &str| {
        let run = TestCommand::new()
            .args(["--json", "lookup", "--lang", "en"])
            .stdin(paste)
            .output()
            .expect_code(0);
        let value = run.json();
        let m = &value["matches"][0];
        (
            m["id"].as_str().unwrap().to_string(),
            m["fix"]["en"].as_str().unwrap().to_string(),
        )
    };
    let (id, fix) = fill(
        r#"{"message":"There is no api match uri '\/orders-1' host 'service-ab12-1250000000.sh.apigw.tencentcs.com'"}"#,
    );
    assert_eq!(id, "no-api-match-uri");
    assert!(fix.starts_with("Compare /orders-1 with"), "{fix}");
    let (id, fix) = fill(r#"{"message":"There is no api match env_mapping '\/'"}"#);
    assert_eq!(id, "no-api-match-env-mapping");
    assert!(fix.contains("first path segment / must"), "{fix}");
}

/// A reason phrase in a status field (`"status": "Unauthorized"`) states the status: it is not AWS's gateway
/// response type `UNAUTHORIZED`, though codes are compared in any case.
#[test]
fn a_reason_phrase_in_a_field_is_no_code() {
    let paste = r#"err: { "code": 401, "status": "Unauthorized", "message": "Bad credentials" }"#;
    assert_eq!(claims(paste), (vec![], 1));
}

/// `error_msg` is a field of Huawei's bodies and of APISIX's (and others'): it names no vendor, so APISIX's
/// own message in it is APISIX's.
#[test]
fn a_field_name_several_vendors_use_names_none() {
    let found = found_in(r#"requests return: `{"error_msg":"404 Route Not Found"}`"#);
    assert_eq!(found, [row("apisix", None, 404)]);
    // Huawei's own body is still Huawei's, by its code field and host.
    let (found, _) = claims(
        r#"{"error_msg":"The API does not exist or has not been published in the environment","error_code":"APIGW.0101","request_id":"2353"}"#,
    );
    assert_eq!(found, [row("huawei", Some("APIGW.0101"), 404)]);
}

/// Alibaba Cloud's IllegalTimestamp, whose message says a parameter is missing: the code's own row, not
/// MissingParameter's (whose message template it also fits), in straight or typographic quotes.
#[test]
fn alibaba_illegal_timestamp_is_its_own_row() {
    for quoted in ["\"Timestamp\"", "“Timestamp”"] {
        let paste = format!(
            "<Error><RequestId>1A</RequestId><HostId>cdn.aliyuncs.com</HostId><Code>IllegalTimestamp</Code><Message>The input parameter {quoted} that is mandatory for processing this request is not supplied.</Message></Error>"
        );
        let found = found_in(&paste);
        assert_eq!(
            found,
            [row("alibaba", Some("IllegalTimestamp"), 400)],
            "{quoted}"
        );
    }
}

/// A status said in words (`429 Too Many Requests`, `HTTP 404`, `HTTP status 429`) answers as `errcode status`
/// does; a status with another phrase is not a status.
#[test]
fn statuses_said_in_words_answer_as_status() {
    let status = crate::util::json(["status", "429"], 0);
    for query in [
        "429 Too Many Requests",
        "HTTP status 429",
        "HTTP/1.1 429 Too Many Requests",
    ] {
        let value = crate::util::json(["lookup", query], 0);
        assert_eq!(value["kind"], "status", "{query}");
        assert_eq!(rows(&value), rows(&status), "{query}");
    }
    let value = crate::util::json(["lookup", "502", "Bad", "Gateway"], 0);
    assert_eq!(value["kind"], "status");
    let value = crate::util::json(["lookup", "HTTP 404"], 0);
    assert_eq!(rows(&value), rows(&crate::util::json(["status", "404"], 0)));
}

/// A query that is a row's whole meaning comes before rows whose explanation merely contains it.
#[test]
fn a_whole_meaning_comes_first() {
    let value = crate::util::json(["lookup", "签名不一致"], 0);
    assert_eq!(value["matches"][0]["vendor"], "tencent");
    assert_eq!(
        value["matches"][0]["message"],
        "HMAC signature does not match"
    );
}

/// The best-found error comes first, wherever it stands in the paste; the rest follow.
#[test]
fn the_best_found_error_comes_first() {
    let paste = "retry 1: {\"message\":\"API rate limit exceeded\"}\nretry 2: rpc error: code = Unknown desc = [TencentCloudSDKError] Code=AuthFailure.SignatureFailure, Message=The provided credentials could not be validated. Please check your signature is correct., RequestId=9a8b\n";
    let value = json_lookup_found(paste);
    let matches = value["matches"].as_array().unwrap();
    assert_eq!(matches[0]["code"], "AuthFailure.SignatureFailure");
    assert!(matches.len() >= 2, "{matches:?}");
    let confidence: Vec<u64> = matches
        .iter()
        .map(|m| m["confidence"].as_u64().unwrap())
        .collect();
    assert!(
        confidence.windows(2).all(|w| w[0] >= w[1]),
        "{confidence:?}"
    );
}

/// Alibaba's InvalidAccessKeyId (no suffix), as the SDKs print it; inside the Go SDK's wrapper the wrapped
/// code is the answer; S3's code of the same name (its own message) is not Alibaba's.
#[test]
fn alibaba_invalid_access_key_id_and_its_look_alikes() {
    let (found, _) = claims(
        "Aliyun.Acs.Core.Exceptions.ClientException: InvalidAccessKeyId : Specified access key is not found or invalid. + [ RequestId : 0E0A ]",
    );
    assert_eq!(found, [row("alibaba", Some("InvalidAccessKeyId"), 401)]);
    let (found, _) = claims(
        "acme: error presenting token: alicloud: API call failed: SDK.ServerError ErrorCode: InvalidAccessKeyId",
    );
    assert_eq!(found, [row("alibaba", Some("InvalidAccessKeyId"), 401)]);
    let s3 = "botocore.exceptions.ClientError: An error occurred (InvalidAccessKeyId) when calling the PutObject operation: The AWS Access Key Id you provided does not exist in our records.";
    assert_eq!(claims(s3), (vec![], 1));
}

/// A generic code the Go SDK's wrapper carries (`SDK.ServerError` / `ErrorCode: IncompleteSignature`) is the
/// error, not a category of the wrapper; the wrapper, which names its vendor, is never the error itself.
#[test]
fn a_wrapped_generic_code_is_the_error() {
    for (code, status) in [
        ("IncompleteSignature", 400),
        ("InvalidParameter", 400),
        ("MissingParameter", 400),
    ] {
        let paste =
            format!("$ aliyun ecs DescribeInstances\nERROR: SDK.ServerError\nErrorCode: {code}\n");
        // (IncompleteSignature has two rows, its two wordings: the code alone names both.)
        let found = found_in(&paste);
        assert!(!found.is_empty(), "{code}");
        assert!(
            found
                .iter()
                .all(|f| *f == row("alibaba", Some(code), status)),
            "{code}: {found:?}"
        );
    }
    // A code no catalog has is still the error, not the wrapper: nothing is claimed.
    let paste = "ERROR: SDK.ServerError\nErrorCode: NoSuchThing.AnyWhere\n";
    assert_eq!(claims(paste), (vec![], 1));
}

/// The AWS SDK's error line (`An error occurred (Code) when calling the Op operation`) names AWS: a code
/// another vendor shares (`SignatureDoesNotMatch`) is not that vendor's; an operation none of API Gateway's
/// (`AssumeRole`, `DescribeTrails`) is another AWS service's, whose SigV4 messages are no API Gateway error.
/// API Gateway's own operations still find its rows.
#[test]
fn an_aws_sdk_call_to_another_service_claims_nothing() {
    for paste in [
        "An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z (20220127T015928Z - 15 min.)",
        "A client error (SignatureDoesNotMatch) occurred when calling the AssumeRole operation: Signature expired: 20160609T184512Z is now earlier than 20160610T013008Z (20160610T014508Z - 15 min.)",
        "ERROR Failed to list trails: An error occurred (UnrecognizedClientException) when calling the DescribeTrails operation: The security token included in the request is invalid.",
    ] {
        assert_eq!(claims(paste), (vec![], 1), "{paste}");
    }
    let found = found_in(
        "botocore.errorfactory.NotFoundException: An error occurred (NotFoundException) when calling the GetMethod operation: Invalid Method identifier specified",
    );
    assert_eq!(found, [row("aws", Some("NotFoundException"), 404)]);
}

/// A message copied with typographic quotes (documentation pages print them) is found as the straight one,
/// with what it names filled in.
#[test]
fn typographic_quotes_read_as_straight_ones() {
    let paste = r#"{"RequestId":"1A","HostId":"ecs.aliyuncs.com","Code":"MissingParameter","Message":"The input parameter “RegionId” that is mandatory for processing this request is not supplied."}"#;
    let value = json_lookup_found(paste);
    assert_eq!(
        rows(&value)[0],
        row("alibaba", Some("MissingParameter"), 400)
    );
    assert_eq!(value["matches"][0]["captures"]["param"], "RegionId");
}

/// `MissingParameter.<name>` (ECS's error example) is MissingParameter naming the parameter after a dot: its
/// own row, the name filled in, not a code beside the message that makes it another error's.
#[test]
fn a_missing_parameter_named_after_a_dot() {
    let paste = r#"{"RequestId":"7A1B","HostId":"ecs.aliyuncs.com","Code":"MissingParameter.InstanceId","Message":"The input parameter “InstanceId” that is mandatory for processing this request is not supplied."}"#;
    let value = lookup_json(paste);
    assert_eq!(
        rows(&value),
        [row("alibaba", Some("MissingParameter.{param}"), 400)]
    );
    assert_eq!(value["matches"][0]["captures"]["param"], "InstanceId");
    let xml = "<Error>\n<RequestId>7A1B</RequestId>\n<HostId>ecs.aliyuncs.com</HostId>\n<Code>MissingParameter.Name</Code>\n<Message>The input parameter “Name” that is mandatory for processing this request is not supplied.</Message>\n</Error>\n";
    assert_eq!(
        rows(&lookup_json(xml)),
        [row("alibaba", Some("MissingParameter.{param}"), 400)]
    );
    // The message alone, no code stated, is MissingParameter's: the longer code is not guessed.
    let said = "Aliyun::AliyunError: response error: [The input parameter \"Action\" that is mandatory for processing this request is not supplied.] 400 Bad Request";
    assert_eq!(
        rows(&lookup_json(said)),
        [row("alibaba", Some("MissingParameter"), 400)]
    );
    // The code without a name stays MissingParameter's.
    let plain = r#"{"HostId":"ecs.aliyuncs.com","Code":"MissingParameter","Message":"The input parameter \"Action\" that is mandatory for processing this request is not supplied."}"#;
    assert_eq!(
        rows(&lookup_json(plain)),
        [row("alibaba", Some("MissingParameter"), 400)]
    );
}

/// `Error Code: null` (the AWS SDK for Java's summary of an error without a code) states no code: the message
/// beside it is not another code's wording.
#[test]
fn an_error_code_of_null_is_no_code() {
    let paste = "com.amazonaws.services.apigateway.model.NotFoundException: Invalid Method identifier specified (Service: null; Status Code: 404; Error Code: null; Request ID: 5f90c40f)";
    assert_eq!(
        found_in(paste),
        [row("aws", Some("NotFoundException"), 404)]
    );
}

/// A message whose last placeholder is quoted (`...header: '{header}'.`) is found without its final full
/// stop too, as users copy it.
#[test]
fn a_quoted_values_final_full_stop_may_be_left_off() {
    let paste = "The error I receive is:\n\n'token' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer token'\n";
    let value = lookup_json(paste);
    assert_eq!(
        rows(&value),
        [row("aws", Some("IncompleteSignatureException"), 403)]
    );
    assert_eq!(value["matches"][0]["captures"]["header"], "Bearer token");
}

/// nginx's default error page (`<title>502 Bad Gateway</title>`) is APISIX's where the paste names APISIX (its
/// Server header, its footer, an Admin API path); a plain nginx's page, or a status line alone, claims nothing.
#[test]
fn nginx_default_pages_are_apisixs_only_where_apisix_is_named() {
    let page = |status: &str, footer: &str| nginx_page(status, footer, "");
    let apisix = format!(
        "HTTP/1.1 502 Bad Gateway\nContent-Type: text/html; charset=utf-8\nServer: APISIX/3.8.0\n\n{}",
        page("502 Bad Gateway", "openresty")
    );
    let value = lookup_json(&apisix);
    assert_eq!(rows(&value), [row("apisix", None, 502)]);
    assert_eq!(value["matches"][0]["message"], "502 Bad Gateway");
    let admin = format!(
        "list upstreams failed, url: http://10.0.0.5:9180/apisix/admin/upstreams, err: status: 401, body: {}",
        page("401 Authorization Required", "openresty")
    );
    assert_eq!(found_in(&admin), [row("apisix", None, 401)]);
    let limited = format!(
        "HTTP/1.1 503 Service Temporarily Unavailable\nServer: APISIX web server\n\n{}",
        page("503 Service Temporarily Unavailable", "openresty")
    );
    assert_eq!(found_in(&limited), [row("apisix", None, 503)]);
    // Any nginx's page, with nothing of APISIX in it: no claim.
    assert_eq!(
        claims(&page("502 Bad Gateway", "nginx/1.21.6")),
        (vec![], 1)
    );
    assert_eq!(
        claims(&format!(
            "HTTP/1.1 504 Gateway Time-out\nServer: nginx\n\n{}",
            page("504 Gateway Time-out", "nginx")
        )),
        (vec![], 1)
    );
    // APISIX named, but only the status line says the status: the body is the upstream's.
    let passed_on = "HTTP/1.1 502 Bad Gateway\nServer: APISIX/3.8.0\n\n{\"detail\":\"upstream database is down\"}\n";
    assert_eq!(claims(passed_on), (vec![], 1));
}

/// AWS's `x-amzn-ErrorType` header states the error's code: its rows are the answer, and the body's bare
/// message (`Forbidden`, another row's) is that code's wording here.
#[test]
fn the_aws_error_type_header_states_the_code() {
    let paste = "HTTP/1.1 403 Forbidden\nx-amzn-RequestId: c03b\nx-amzn-ErrorType: AccessDeniedException\n\n{\"message\":\"Forbidden\"}\n";
    let found = found_in(paste);
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|r| r.0 == "aws" && r.1.as_deref() == Some("AccessDeniedException")),
        "{found:?}"
    );
}

/// The Tencent Python SDK's own credential check (`InvalidCredential`, raised before any request).
#[test]
fn tencent_sdk_invalid_credential_is_found() {
    let found = found_in(
        "[TencentCloudSDKException] code:InvalidCredential message:secret key should not contain spaces requestId:None",
    );
    assert_eq!(found, [row("tencent", Some("InvalidCredential"), 400)]);
}

/// Alibaba's V3 (ACS3-HMAC-SHA256) wording of SignatureDoesNotMatch, with the server's string-to-sign
/// appended: the algorithm's name marks the vendor.
#[test]
fn alibaba_v3_signature_mismatch_is_found() {
    let paste = "Specified signature does not match our calculation. server StringToSign is [ACS3-HMAC-SHA256\n6306ef31f2c1915dd47e562d932ea4643dad1747e0b751314727150613831f85]";
    let found = found_in(paste);
    assert_eq!(found, [row("alibaba", Some("SignatureDoesNotMatch"), 400)]);
}

/// `errcode --json lookup` on `paste`: the top match's meaning, fix and note in English.
fn explained(paste: &str) -> [String; 3] {
    let value = json_lookup_found(paste);
    let top = &value["matches"][0];
    ["meaning", "fix", "note"].map(|f| top[f]["en"].as_str().unwrap_or_default().to_string())
}

/// What a paste supplies fills every explanation; a placeholder it does not fill reads as a name
/// (`<minimum>`), never as `{operand1}`, and a value from another form of the message fills nothing
/// (JD Cloud's third OUT_OF_RANGE form gives a comparison and one bound, not a range).
#[test]
fn placeholders_are_filled_everywhere_or_named() {
    let [meaning, fix, note] = explained("参数 pageSize 取值应该介于 1 和 100 之间");
    assert_eq!(
        meaning,
        "The value of pageSize is outside the allowed range or set of values (for example, not between 1 and 100)."
    );
    assert!(fix.contains("keep the value between 1 and 100."), "{fix}");
    assert!(!note.contains('{'), "{note}");
    let [meaning, fix, _] = explained("参数 pageSize 取值应该 大于的0");
    assert_eq!(
        meaning,
        "The value of pageSize is outside the allowed range or set of values (for example, not between <minimum> and <maximum>)."
    );
    assert!(fix.contains("between <minimum> and <maximum>"), "{fix}");
    // Looked up by its code alone, nothing is filled: the card's explanations name every placeholder.
    let card = TestCommand::new()
        .args(["--lang", "en", "OUT_OF_RANGE"])
        .env("COLUMNS", "200")
        .output()
        .expect_code(0)
        .stdout();
    assert!(
        card.contains("  Meaning†  The value of <argument> is outside the allowed range or set of values (for example, not between <minimum> and <maximum>).\n"),
        "{card}"
    );
    // (The Message line is the vendor's template, as `errcode list` shows it: placeholders and all.)
    let explained: Vec<&str> = (card.lines())
        .filter(|l| !l.starts_with("  Message") && !l.starts_with("  Elsewhere"))
        .collect();
    assert!(explained.iter().all(|l| !l.contains('{')), "{card}");
}

/// A family's name, id or a name users give the problem, in either language, finds the family: the
/// lookup answers as `errcode family ID` does. A query an entry says better (its message, or its whole
/// meaning) still answers with the entry.
#[test]
fn a_family_name_finds_the_family() {
    let family = |id: &str| {
        TestCommand::new()
            .args(["family", id])
            .output()
            .expect_code(0)
            .stdout()
    };
    let lookup = |query: &str| TestCommand::new().args([query]).output().expect_code(0);
    let signature = family("signature-mismatch");
    for query in [
        "signature mismatch",
        "Signature mismatch",
        "签名错误",
        "signature-mismatch",
    ] {
        assert_eq!(lookup(query).stdout(), signature, "{query}");
    }
    assert_eq!(lookup("rate limit").stdout(), family("throttling"));
    let json = TestCommand::new()
        .args(["--json", "lookup", "signature mismatch"])
        .output()
        .expect_code(0)
        .json();
    assert_eq!(json["family"]["id"], "signature-mismatch");
    // An entry's own message or whole meaning answers with the entry.
    let (found, _) = claims("签名不一致");
    assert_eq!(found[0].0, "tencent", "{found:?}");
    let (found, _) = claims("签名不匹配");
    assert_eq!(found[0], row("alibaba", Some("A403IS"), 403), "{found:?}");
    let (found, _) = claims("Invalid signature");
    assert!(!found.is_empty(), "{found:?}");
}

/// `errcode scan`'s line and `errcode lookup` of the same line name the same entry: a generic message
/// (`Found no api`) said whole in a field, beside the status it belongs to, is reported by both; without
/// its status, by neither.
#[test]
fn scan_and_lookup_agree_on_a_generic_message_beside_its_status() {
    let line = "2024-05-01T10:00:00Z level=warn status=404 msg=\"Found no api\"";
    let found = found_in(line);
    assert_eq!(found, [row("tencent", None, 404)]);
    let dir = tempfile::tempdir().expect("temporary directory");
    let log = crate::util::write(
        dir.path(),
        "app.log",
        format!("{line}\nlevel=info msg=\"Found no api\"\n"),
    );
    let run = TestCommand::new()
        .args(["--json", "scan", log.to_str().expect("a UTF-8 path")])
        .output()
        .expect_code(0);
    let reported: Vec<serde_json::Value> = (run.stdout().lines())
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(reported.len(), 1, "{}", run.stdout());
    assert_eq!(reported[0]["line"], 1);
    assert_eq!(crate::util::rows(&reported[0]), [row("tencent", None, 404)]);
    let count = TestCommand::new()
        .args(["scan", "--count", log.to_str().expect("a UTF-8 path")])
        .output()
        .expect_code(0)
        .stdout();
    assert!(count.ends_with(":1\n"), "{count}");
}

/// A body that carries a status beside words of its own (a backend's `key not found`) is an error no
/// entry matched, not a question about every 404; a status said alone, in a field or a status line,
/// still lists the entries with that status.
#[test]
fn a_status_beside_other_words_is_no_status_query() {
    let backend = r#"{"code": 404, "data": {"message": "key not found"}}"#;
    let run = TestCommand::new()
        .args(["lookup", backend])
        .output()
        .expect_code(1);
    assert_eq!(
        run.stderr(),
        format!("errcode: no entry matches {backend:?}\n")
    );
    // Words of its own in any field, not only a message field: a backend's error, no status query.
    let backend = r#"{"code":404,"info":"method not exists","data":null}"#;
    assert_eq!(claims(backend), (vec![], 1));
    assert_eq!(
        claims(r#"{"status": 429, "detail": "slow down, friend"}"#),
        (vec![], 1)
    );
    // Asking for the status still lists it.
    for asked in [&["lookup", "404"][..], &["status", "404"]] {
        let found = rows(
            &TestCommand::new()
                .args(["--json"])
                .args(asked)
                .output()
                .expect_code(0)
                .json(),
        );
        assert!(found.len() > 20, "{asked:?}: {found:?}");
        assert!(
            found.iter().all(|(_, _, status)| *status == 404),
            "{asked:?}"
        );
    }
    // A reason phrase of another status is no message of its own either, nor a status query.
    assert_eq!(
        claims(r#"req1 status=502 {"message":"Too Many Requests"}"#),
        (vec![], 1)
    );
    for said in [
        r#"{"code": 404}"#,
        r#"{"code": 404, "msg": "Not Found"}"#,
        "HTTP/1.1 404 Not Found",
        "AxiosError: Request failed with status code 404",
    ] {
        let found = found_in(said);
        assert!(found.len() > 20, "{said}: {found:?}");
        assert!(found.iter().all(|(_, _, status)| *status == 404), "{said}");
    }
}

/// Alibaba's API Gateway table gives `UnsupportedHTTPMethod` the message of `SignatureDoesNotMatch` by
/// mistake: that message names the signature error alone, unless the paste also says the other code.
#[test]
fn a_message_a_table_gives_by_mistake_names_its_own_row() {
    let message = "Aliyun error: Specified signature is not matched with our calculation.";
    let found = found_in(message);
    assert_eq!(found, [row("alibaba", Some("SignatureDoesNotMatch"), 400)]);
    let coded = r#"{"Code":"UnsupportedHTTPMethod","Message":"Specified signature is not matched with our calculation."}"#;
    let (found, _) = claims(coded);
    assert_eq!(found[0].1.as_deref(), Some("UnsupportedHTTPMethod"));
}

/// Tencent Cloud API 3.0's envelope (`{"Response": {"Error": {"Code": ...}}}`) names its vendor, as
/// printed, escaped in a log, or as a Python dict: a generic code in it is Tencent's, not Alibaba's
/// row of the same name. The same code in Alibaba's body stays Alibaba's.
#[test]
fn tencents_error_envelope_names_tencent() {
    for paste in [
        "{\n  \"Response\": {\n    \"Error\": {\n      \"Code\": \"InvalidParameter\",\n      \"Message\": \"\"\n    },\n    \"RequestId\": \"78ec7830\"\n  }\n}\n",
        r#"level=error body="{\"Response\":{\"Error\":{\"Code\":\"InvalidParameter\",\"Message\":\"\"},\"RequestId\":\"78ec\"}}""#,
        "{'Response': {'Error': {'Code': 'InvalidParameter', 'Message': ''}, 'RequestId': '78ec'}}",
    ] {
        let found = found_in(paste);
        assert_eq!(
            found,
            [row("tencent", Some("InvalidParameter"), 200)],
            "{paste}"
        );
    }
    let alibaba = r#"{"RequestId":"5C3E","HostId":"ecs.aliyuncs.com","Code":"InvalidParameter","Message":"The specified parameter \"Action or Version\" is not valid."}"#;
    assert_eq!(
        claims(alibaba).0[0],
        row("alibaba", Some("InvalidParameter"), 400)
    );
}

/// `{"message":"Forbidden"}` as a whole body is the gateway's own answer (AWS API Gateway's and Kong's
/// default shape), found though the message is generic; the same words as one field among others (GitHub's
/// `documentation_url` beside it) or nested in another object are a backend's, and claim nothing.
#[test]
fn a_generic_message_as_the_whole_body_is_the_gateways() {
    for paste in [
        r#"{"message":"Forbidden"}"#,
        "I kept on getting `{\"message\":\"Forbidden\"}` despite the x-api-key header",
        r#"level=warn body={"message": "Forbidden"}"#,
    ] {
        let found = found_in(paste);
        assert_eq!(
            found,
            [
                row("aws", Some("ForbiddenException"), 403),
                row("kong", None, 403)
            ],
            "{paste}"
        );
    }
    for paste in [
        r#"{"message":"Forbidden","documentation_url":"https://docs.github.com/rest"}"#,
        r#"{"error":{"message":"Forbidden"}}"#,
        "{'error': {'message': 'Forbidden'}}",
    ] {
        assert_eq!(claims(paste), (vec![], 1), "{paste}");
    }
}

/// Vendors answer other statuses than their tables list: the status the paste states for the error is
/// said beside the table's (a card's `Status` line, JSON's `stated_status`); `status` stays the table's.
#[test]
fn a_status_the_paste_states_beside_the_tables() {
    let paste = "Aliyun API Error: RequestId: 2640E5C1 Status Code: 400 Code: Forbidden.RAM Message: User not authorized to operate on the specified resource, or this API doesn't support RAM.";
    let run = TestCommand::new()
        .args(["--json", "lookup", paste])
        .output()
        .expect_code(0);
    let first = &run.json()["matches"][0];
    assert_eq!(first["code"], "Forbidden.RAM");
    assert_eq!(first["status"], 403);
    assert_eq!(first["stated_status"], 400);
    let card = TestCommand::new()
        .args(["lookup", paste])
        .output()
        .expect_code(0)
        .stdout();
    assert!(
        card.contains(
            "\n  Status    400 Bad Request in the paste; the vendor's table lists 403 Forbidden\n"
        ),
        "{card}"
    );
    // Where the paste agrees with the table, nothing more is said.
    let agreeing = "HTTP/1.1 403 Forbidden\n\n{\"Code\":\"Forbidden.RAM\",\"Message\":\"User not authorized to operate on the specified resource, or this API doesn't support RAM.\"}";
    let run = TestCommand::new()
        .args(["--json", "lookup", agreeing])
        .output()
        .expect_code(0);
    assert!(run.json()["matches"][0].get("stated_status").is_none());
}

/// OAuth 2.0's error codes (`invalid_grant`, `invalid_token`) are every OAuth server's: alone they claim
/// nothing; where Kong is named (its Server header), they are Kong's OAuth2 plugin's.
#[test]
fn oauth_codes_need_their_vendor() {
    assert_eq!(
        claims("status: 400\nbody: '{\"error\":\"invalid_grant\"}'\nintuit_tid: '6a11'"),
        (vec![], 1)
    );
    let kong = "HTTP/1.1 400 Bad Request\nServer: kong/3.4.0\n\n{\"error\":\"invalid_grant\",\"error_description\":\"Invalid code\"}";
    let found = found_in(kong);
    assert_eq!(found, [row("kong", Some("invalid_grant"), 400)]);
}

/// The status said beside the table's is the error's own: the nearest before it on its line, or above it;
/// not one further down (the next error's), not a success status in a log line above.
#[test]
fn a_stated_status_is_the_errors_own() {
    let stated = |paste: &str| -> Vec<Option<u64>> {
        (lookup_json(paste)["matches"].as_array().unwrap().iter())
            .map(|m| m["stated_status"].as_u64())
            .collect()
    };
    let ram = r#"{"Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource, or this API doesn't support RAM."}"#;
    let throttled =
        r#"{"Code":"Throttling.User","Message":"Request was denied due to user flow control."}"#;
    let two = format!(
        "HTTP/1.1 400 Bad Request\n\n{ram}\n\nHTTP/1.1 429 Too Many Requests\n\n{throttled}\n"
    );
    assert_eq!(stated(&two)[0], Some(400));
    let below = format!("{ram}\n\nHTTP/1.1 429 Too Many Requests\n\n{throttled}\n");
    assert_eq!(stated(&below)[0], None);
    let healthz = format!("GET /healthz 200 1ms\n{ram}");
    assert_eq!(stated(&healthz)[0], None);
    let one_line = format!("status=503 other status=400 {ram}");
    assert_eq!(stated(&one_line)[0], Some(400));
}

/// A generic message in a whole body is no claim against the status its paste states; the same body is
/// reported by `scan` as by `lookup`; a body nested in another (any quoting) is a backend's.
#[test]
fn a_whole_body_agrees_with_its_status_and_with_scan() {
    assert_eq!(
        claims("HTTP/1.1 500\n{\"message\":\"Forbidden\"}"),
        (vec![], 1)
    );
    assert_eq!(claims("{ error: { message: 'Forbidden' } }"), (vec![], 1));
    let line = "ts=1 level=warn body={\"message\": \"Forbidden\"}\n";
    let looked_up: Vec<_> = found_in(line);
    let run = TestCommand::new()
        .args(["scan", "--json"])
        .stdin(line)
        .output()
        .expect_code(0);
    let scanned = rows(&run.json());
    assert_eq!(scanned, looked_up);
}

/// Text a web page puts after a colon (a no-break space) never breaks the reading.
#[test]
fn a_no_break_space_after_a_field_is_read() {
    for paste in [
        "msg:\u{a0}签名错误",
        "{message:\u{a0}x}",
        "error_message=\u{3000}ab",
    ] {
        let run = TestCommand::new().args(["lookup", paste]).output();
        assert!(matches!(run.code(), 0 | 1), "{paste}: {}", run.stderr());
    }
}

/// Tencent's envelope with `RequestId` before `Error`; AWS's `configuration error: Malformed Lambda proxy
/// response` is a sentence, not the code `Malformed`.
#[test]
fn envelopes_and_sentences_in_other_orders() {
    let found = found_in(
        r#"{"Response":{"RequestId":"x","Error":{"Code":"InvalidParameter","Message":""}}}"#,
    );
    assert_eq!(found, [row("tencent", Some("InvalidParameter"), 200)]);
    let found = found_in(
        "{\n    \"message\": \"Internal server error\"\n}\n... Execution failed due to configuration error: Malformed Lambda proxy response\nMethod completed with status: 502\n",
    );
    assert_eq!(
        found[0],
        row("aws", Some("InternalServerErrorException"), 502)
    );
}

/// A status stated in Chinese (`返回状态码: 400`, `状态码：400`), after `status code:`, or with its reason
/// phrase in prose (`responds with 403 Forbidden.`) is the paste's status as `HTTP 400` is.
#[test]
fn statuses_said_in_other_words() {
    let stated = |paste: &str| lookup_json(paste)["matches"][0]["stated_status"].as_u64();
    let ram = r#"{"Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource, or this API doesn't support RAM.","HostId":"alidns.aliyuncs.com"}"#;
    assert_eq!(
        stated(&format!("返回内容: {ram} ,返回状态码: 400")),
        Some(400)
    );
    assert_eq!(stated(&format!("**状态码： 400**\n\n{ram}")), Some(400));
    assert_eq!(stated(&format!("status code: 400\n{ram}")), Some(400));
    let kong = "If the password is wrong, Kong responds with 403 Forbidden.\n{\"message\": \"Invalid authentication credentials\"}";
    let json = lookup_json(kong);
    let first = &json["matches"][0];
    assert_eq!(
        (&first["vendor"], &first["status"]),
        (&"kong".into(), &401.into())
    );
    assert_eq!(first["stated_status"], 403);
    // A number alone in prose is not a status.
    let alone = format!("It returns 400:\n{ram}");
    assert_eq!(stated(&alone), None);
}

/// AWS's other services answer SigV4's messages word for word as API Gateway does: a paste that names
/// another service (its host, its SigV4 scope, a JSON-protocol `__type` body) is not API Gateway's error;
/// where API Gateway is named too (`execute-api`), it is.
#[test]
fn other_aws_services_are_not_api_gateway() {
    let body = r#"{"message":"The security token included in the request is invalid."}"#;
    assert_eq!(found_in(body)[0].0, "aws");
    for other in [
        format!("curl https://search-logs-5o7.us-east-1.es.amazonaws.com/_cat/indices\n{body}"),
        format!("Credential=AKIA/20181128/eu-central-1/cloud9/aws4_request\n{body}"),
        r#"{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}"#.to_string(),
        // The AWS SDK for Java's summary names the service whose client failed: Lambda's and DynamoDB's
        // words that API Gateway says too are theirs.
        "User is not authorized to access this resource with an explicit deny (Service: AWSLambda; Status Code: 403; Error Code: AccessDeniedException; Request ID: 1)".to_string(),
        "LimitExceededException: Subscriber limit exceeded: Only 10 tables can be created, updated, or deleted simultaneously (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: LimitExceededException; Request ID: X)".to_string(),
        // The SDK's second version: the client's name alone.
        format!("{body} (Service: Sts, Status Code: 403, Request ID: 1)"),
    ] {
        assert_eq!(claims(&other), (vec![], 1), "{other}");
    }
    let api = format!(
        "curl https://abc123.execute-api.us-east-1.amazonaws.com/prod (calls dynamodb.us-east-1.amazonaws.com)\n{body}"
    );
    assert_eq!(found_in(&api)[0].0, "aws");
    // API Gateway's own client, and a client generated for an API of one's own, are no other service.
    let deny = "User is not authorized to access this resource with an explicit deny";
    for summary in [
        format!(
            "{deny} (Service: AmazonApiGateway; Status Code: 403; Error Code: AccessDeniedException; Request ID: 1)"
        ),
        format!(
            "{deny} (Service: PetStoreClient; Status Code: 403; Error Code: AccessDeniedException; Request ID: 1)"
        ),
        format!("{deny} (Service: ApiGatewayV2, Status Code: 403, Request ID: 1)"),
    ] {
        assert_eq!(found_in(&summary)[0].0, "aws", "{summary}");
    }
}

/// SigV4's messages (and its code `InvalidSignatureException`) are every AWS service's: a paste that shows
/// neither API Gateway (its host, headers, SigV4 service name) nor its body (the message as the only field)
/// claims nothing; API Gateway's body, or API Gateway named, is its error.
#[test]
fn sigv4_messages_need_api_gateway_shown() {
    for other in [
        "ServerlessError: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        "InvalidSignatureException: Signature expired: 20160610T180547Z is now earlier than 20160610T180612Z (20160610T181112Z - 5 min.)\n    at Object.extractError (node_modules/aws-sdk/lib/protocol/json.js:43:27)",
        r#"{"level":"info","message":{"message":"Signature expired: 20140325T143453Z is now earlier than 20140325T143751Z (20140325T145251Z - 15 min.)","code":"InvalidSignatureException","statusCode":400}}"#,
    ] {
        assert_eq!(claims(other), (vec![], 1), "{other}");
    }
    let body = r#"Error: 403, {"message":"Signature expired: 20160610T180547Z is now earlier than 20160610T180612Z"}"#;
    assert_eq!(
        found_in(body),
        [row("aws", Some("InvalidSignatureException"), 403)]
    );
    let named = "POST https://abc123.execute-api.us-east-1.amazonaws.com/prod failed: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.";
    let json = lookup_json(named);
    assert_eq!(json["matches"][0]["vendor"], "aws");
    assert_eq!(json["matches"][0]["id"], "signature-does-not-match");
    assert_eq!(json["matches"][0]["status"], 403);
    // An incomplete Authorization header (`Bearer <token>`, no SigV4 at all) is sent by hand to an API:
    // still API Gateway's.
    assert_eq!(
        found_in(
            "'token' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer token'."
        )[0],
        row("aws", Some("IncompleteSignatureException"), 403)
    );
}

/// AWS's query-protocol error bodies (`<Response><Errors>`, an error `Type` of `Sender`, which other clouds
/// copy), OSS's v2 SDKs and its `EC` field, and an AWS SDK's debug log of another service's call mark
/// products no catalog covers: a shared code found there alone (`NoSuchVersion`, `InvalidParameterValue`,
/// `InvalidArgument`, `LimitExceededException`) claims nothing; the vendor's own body still does.
#[test]
fn other_products_bodies_rule_out_shared_codes() {
    for other in [
        "<Response><Errors><Error><Code>NoSuchVersion</Code><Message>The requested version (2017-01-17) of service AWSMechanicalTurkRequester does not exist</Message></Error></Errors><RequestID>0a389ff0</RequestID></Response>",
        r#"{"RequestId": "68093a99", "Error": {"Type": "Sender", "Code": "InvalidParameterValue", "Message": "An invalid or out-of-range value was supplied for the input parameter PathPrefix."}}"#,
        "alibabacloud_oss_v2.exceptions.OperationError: operation error PutObject: Error returned by Service.
  Http Status Code: 400.
  Error Code: InvalidArgument.
  Message: Invalid signing product in Authorization header..",
        "[aws-sdk-go] DEBUG: Response elastictranscoder/CreatePipeline Details:
HTTP/1.1 429 Too Many Requests
X-Amzn-Errortype: LimitExceededException:",
    ] {
        assert_eq!(claims(other), (vec![], 1), "{other}");
    }
    let tencent = r#"{"Response": {"Error": {"Code": "InvalidParameterValue", "Message": "参数取值错误"}, "RequestId": "e5f1"}}"#;
    assert_eq!(
        found_in(tencent)[0],
        row("tencent", Some("InvalidParameterValue"), 200)
    );
}

/// A cloud named in Chinese (腾讯, 阿里云, 华为云, 京东云) is named: a product code family of Tencent's
/// (`FailedOperation.{reason}`), which counts only where its vendor is named, counts there.
#[test]
fn a_cloud_named_in_chinese_is_named() {
    let named = "腾讯验证码：FailedOperation.ImageDecodeFailed\n\n图片转base64格式 大小\n";
    let json = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(named)
        .output()
        .json();
    assert_eq!(json["referrals"][0]["vendor"], "tencent");
    assert_eq!(
        json["referrals"][0]["code"],
        "FailedOperation.ImageDecodeFailed"
    );
    assert_eq!(json["referrals"][0]["id"], "business-failedoperation");
    let unnamed = "验证码：FailedOperation.ImageDecodeFailed\n\n图片转base64格式 大小\n";
    assert_eq!(claims(unnamed), (vec![], 1));
}

/// A message its vendor writes with a capital, found in lower case after a word of its sentence, is part of
/// another sentence (QingCloud's `Invalid parameter(s) or invalid parameter value(s)`, Google's `Request had
/// invalid authentication credentials.`): no claim; the vendor's message standing as such still is.
#[test]
fn a_message_inside_another_sentence_is_not_the_vendors() {
    for other in [
        "{'code': '23', 'message': 'Invalid parameter(s) or invalid parameter value(s)'}",
        "HTTP/1.1 401 Unauthorized\nThe server said: Request had invalid authentication credentials. Expected OAuth 2 access token",
    ] {
        assert_eq!(claims(other), (vec![], 1), "{other}");
    }
    assert_eq!(
        found_in("HTTP/1.1 400 Bad Request\nerror: Invalid parameter value."),
        [row("huawei", Some("APIG.2011"), 400)]
    );
    assert_eq!(
        found_in("HTTP/1.1 401 Unauthorized\n{\"message\":\"Invalid authentication credentials\"}")
            .iter()
            .filter(|r| r.0 == "kong")
            .count(),
        1
    );
}

/// A shared name stated as an SDK prints an error, `Code: message`, with a message none of the row's and its
/// vendor not named, is another system's error (EC2's `RequestLimitExceeded: Request limit exceeded`); the
/// vendor named, or its own SDK's shape, still claims it.
#[test]
fn a_shared_name_leading_another_message_is_anothers() {
    let ec2 =
        "Error: RequestLimitExceeded: Request limit exceeded\n\tstatus code: 503, request id: 1\n";
    assert_eq!(claims(ec2), (vec![], 1));
    for tencent in [
        "[TencentCloudSDKException] code:RequestLimitExceeded message:请求的次数超过了频率限制 requestId:1\n",
        "tencentcloud error RequestLimitExceeded: too many\n",
    ] {
        assert_eq!(
            found_in(tencent),
            [row("tencent", Some("RequestLimitExceeded"), 200)],
            "{tencent}"
        );
    }
}

/// An SDK's exception class where a code would stand says which SDK threw, not the error; a troubleshooting
/// link names the code of a paste that names it nowhere else; Tencent's Java SDK prefixes its message with
/// the code.
#[test]
fn codes_named_by_sdks_and_links() {
    let class = "Error: TencentCloudSDKHttpException [Error]: The provided credentials could not be validated. Please check your signature is correct.";
    assert_eq!(
        found_in(class),
        [row("tencent", Some("AuthFailure.SignatureFailure"), 200)]
    );
    let link = "https://api.aliyun.com/troubleshoot?q=MissingAccessKeyId&product=imageseg&requestId=ED9DCC3D";
    assert_eq!(
        found_in(link)[0],
        row("alibaba", Some("Missing{param}"), 400)
    );
    let java = "[TencentCloudSDKException]message:InternalError-An internal error has occurred. Retry your request, but if the problem persists, contact us. requestId:5e2c";
    assert_eq!(
        found_in(java)[0],
        row("tencent", Some("InternalError"), 200)
    );
}

/// A generic name spelt otherwise than its vendor spells it is another system's: Baidu's `AuthError` is not
/// Google's legacy reason `authError`; Google's own spelling still is.
#[test]
fn a_generic_code_in_another_spelling_is_another_systems() {
    let baidu = "BceServiceException{httpStatus='401', code='AuthError', message='Bad signature or AK string and SK string do not match.'}";
    assert_eq!(claims(baidu), (vec![], 1));
    let google = r#"{"error":{"errors":[{"domain":"global","reason":"authError","message":"Invalid Credentials","locationType":"header","location":"Authorization"}],"code":401,"message":"Invalid Credentials"}}"#;
    assert_eq!(found_in(google)[0], row("google", Some("authError"), 401));
}

/// Two editions of one row found by the same text are one error: the edition the paste agrees with is
/// claimed, and its card shows the other beside it; the other edition is no second claim.
#[test]
fn two_editions_of_a_row_are_one_claim() {
    let body = r#"{"message":"failed to verify jwt"}"#;
    assert_eq!(found_in(body), [row("apisix", None, 401)]);
    // The status the paste states picks the older edition (APISIX 3.11 and earlier answered 503).
    let old = format!("HTTP/1.1 503 Service Unavailable\nServer: APISIX/3.9.1\n\n{body}\n");
    assert_eq!(found_in(&old), [row("apisix", None, 503)]);
    let json = lookup_json(body);
    let matches = json["matches"].as_array().expect("matches");
    assert_eq!(matches.len(), 1);
    assert_eq!(matches[0]["id"], "jwt-failed-to-verify");
}

/// One or two plain words (`Invalid signature`, `Invalid Credentials`) are what every platform's
/// authentication says: in another system's body, with neither the row's status nor its vendor, they claim
/// nothing. The gateway's own whole body, or its vendor named, still does.
#[test]
fn two_plain_words_need_other_evidence() {
    for other in [
        "{ error_response: { code: 25, msg: 'Invalid signature' } }",
        r#"{"fault":{"code":900901,"message":"Invalid Credentials","description":"Authentication Error. Make sure you have provided the correct security credentials"}}"#,
        r#"{"timestamp":"1687141399277","status":403,"type":"urn:example:problem:invalid-timestamp","title":"Invalid Timestamp","detail":"Request has expired."}"#,
    ] {
        assert_eq!(claims(other), (vec![], 1), "{other}");
    }
    // (Kong's jwt plugin and APISIX 2.x's hmac-auth both answer this very body.)
    assert_eq!(
        found_in(r#"{"message":"Invalid signature"}"#),
        [row("kong", None, 401), row("apisix", None, 401)]
    );
    let google = r#"{"error":{"errors":[{"domain":"global","reason":"authError","message":"Invalid Credentials"}],"code":401,"message":"Invalid Credentials"}}"#;
    assert_eq!(found_in(google)[0], row("google", Some("authError"), 401));
}

/// A status's reason phrase said again in a field beside others (`{"error": {"message": "Unauthorized.",
/// "code": 401}}` under `HTTP/1.1 401 Unauthorized`, `"code":"Forbidden"` under a 403) is the status, not
/// a gateway's row: the status agreeing adds nothing. A body whose only field it is (a gateway's default
/// answer, nested in a client's print or not) still agrees with its status.
#[test]
fn a_reason_phrase_beside_its_status_is_no_row() {
    let keystone = "HTTP/1.1 401 Unauthorized\nServer: nginx\nContent-Type: application/json\n\n{\"error\": {\"message\": \"Unauthorized.\", \"code\": 401, \"title\": \"Unauthorized\"}}\n";
    assert_eq!(claims(keystone), (vec![], 1));
    let coded =
        "Response status code: 403\nBody: {\"message\":\"Forbidden\",\"code\":\"Forbidden\"}\n";
    assert_eq!(claims(coded), (vec![], 1));
    let axios = "{ status: 403,\n  statusText: 'Forbidden',\n  data: { message: 'Forbidden' } }\n";
    assert_eq!(
        found_in(axios)[0],
        row("aws", Some("ForbiddenException"), 403)
    );
}

/// Messages as they are really written: the quotation marks around a value vary (Tencent's table writes
/// ``action=`{action}` ``, its API answers `action="DescribeX"`), and users retype a message's first letter
/// in lower case (`invalid API key in request`); the vendor's own wording is found as before.
#[test]
fn quotes_and_a_first_letter_as_written() {
    let sdk = r#"[TencentCloudSDKException] code:InvalidAction message:The request action="DescribeX" is invalid or not found in service="dnspod" and version="2021-03-23". requestId:abc"#;
    let json = lookup_json(sdk);
    assert_eq!(json["matches"][0]["code"], "InvalidAction");
    assert_eq!(json["matches"][0]["captures"]["action"], "DescribeX");
    assert_eq!(json["matches"][0]["captures"]["service"], "dnspod");
    let table = "The request action=`DescribeX` is invalid or not found in service=`dnspod` and version=`2021-03-23`.";
    assert_eq!(
        found_in(table)[0],
        row("tencent", Some("InvalidAction"), 200)
    );
    for body in [
        r#"{"message": "invalid API key in request"}"#,
        r#"{"message": "Invalid API key in request"}"#,
    ] {
        assert_eq!(found_in(body), [row("apisix", None, 401)], "{body}");
    }
    // An acronym keeps its case: `aPI ...` is no retyping.
    let google = found_in("Error: API key not valid. Please pass a valid API key.\n");
    assert_eq!(google, [row("google", Some("API_KEY_INVALID"), 400)]);
}

/// A status stated on the line of another of the error's clues is the error's own: an SDK's summary line
/// says the message, the body it dumps on the next line says the code and the status.
#[test]
fn a_status_beside_another_clue_of_the_error_is_its_own() {
    let paste = concat!(
        "InvalidAccessKeyIdError: Specified access key is not found or invalid., URL: https://mt.cn-hangzhou.aliyuncs.com/\n",
        r#"{"data":{"Message":"Specified access key is not found or invalid.","Code":"InvalidAccessKeyId"},"response":{"statusCode":404}}"#,
        "\n"
    );
    let json = lookup_json(paste);
    let first = &json["matches"][0];
    assert_eq!(first["code"], "InvalidAccessKeyId");
    assert_eq!(first["status"], 401);
    assert_eq!(first["stated_status"], 404);
}

/// Google's v1 `reason` beside the v2 `status` of the same body names the same error in the older model:
/// the better-found category stands for it; a v1 body alone still names its reason.
#[test]
fn a_v1_reason_beside_the_v2_status_is_the_same_error() {
    let both = r#"{"error":{"code":429,"message":"Quota exceeded for quota group 'default' of service 'pagespeedonline.googleapis.com'.","errors":[{"message":"Quota exceeded.","domain":"global","reason":"rateLimitExceeded"}],"status":"RESOURCE_EXHAUSTED"}}"#;
    let found = found_in(both);
    assert!(
        found
            .iter()
            .all(|(_, code, _)| code.as_deref() == Some("RESOURCE_EXHAUSTED")),
        "{found:?}"
    );
    assert_eq!(found[0], row("google", Some("RESOURCE_EXHAUSTED"), 429));
    let v1 = r#"{"error":{"errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate Limit Exceeded"}],"code":429,"message":"Rate Limit Exceeded"}}"#;
    assert_eq!(
        found_in(v1)[0],
        row("google", Some("rateLimitExceeded"), 429)
    );
}

/// Google's Go client ends its error line with the one reason (`googleapi: Error 403: <message>, <reason>`):
/// that reason is stated as a field states a code, and the message beside it is its wording.
#[test]
fn a_googleapi_line_states_its_reason() {
    let paste = "Error creating services: googleapi: Error 403: Service Usage API has not been used in project 1021909506549 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/serviceusage.googleapis.com/overview?project=1021909506549 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry., accessNotConfigured";
    assert_eq!(
        found_in(paste)[0],
        row("google", Some("accessNotConfigured"), 403)
    );
}

/// The names of AWS's common errors (`RequestLimitExceeded`, EC2's throttling; `SignatureDoesNotMatch`,
/// SigV4's), which Tencent Cloud's API 3.0 and Alibaba Cloud's OpenAPI reuse, are no claim of theirs by the
/// name alone where the paste names neither vendor: any AWS service answers them. The vendor named, or a
/// message in Chinese beside the name (AWS writes English), makes them the vendor's.
#[test]
fn an_aws_common_error_name_needs_its_vendor() {
    assert_eq!(
        claims("Error: RequestLimitExceeded (Request limit exceeded.)"),
        (vec![], 1)
    );
    assert_eq!(
        claims("SignatureDoesNotMatch: signature mismatch\n\tstatus code: 403"),
        (vec![], 1)
    );
    let tencent = "[TencentCloudSDKException] code:RequestLimitExceeded message:Your current request times equals to `21` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls. requestId:abc";
    assert_eq!(
        found_in(tencent),
        [row("tencent", Some("RequestLimitExceeded"), 200)]
    );
    assert_eq!(
        found_in("Service error: RequestLimitExceeded:请求的次数超过了频率限制"),
        [row("tencent", Some("RequestLimitExceeded"), 200)]
    );
}

/// SigV4's own wording (`Signature expired: <time> is now earlier than <time>`) shows an AWS service: a name
/// other clouds share, stated beside it, is not theirs.
#[test]
fn a_sigv4_message_shows_aws() {
    let route53 = "SignatureDoesNotMatch: Signature expired: 20250101T000000Z is now earlier than 20250101T000500Z (20250101T001000Z - 5 min.)\n\tstatus code: 403, request id: 1234";
    assert_eq!(claims(route53), (vec![], 1));
}

/// An object store of a vendor errcode knows (OSS, Alibaba Cloud's: here its Go SDK's `oss: service returned
/// error`) is another product of that vendor: the OpenAPI row its code and message share is not its error.
/// The OpenAPI's own body still is.
#[test]
fn a_vendors_object_store_is_not_its_front_door() {
    let oss = r#"oss: service returned error: StatusCode=400, ErrorCode=MissingSecurityToken, ErrorMessage="SecurityToken is mandatory for this action.", RequestId=5F1A"#;
    assert_eq!(claims(oss), (vec![], 1));
    let pop = r#"{"Code":"MissingSecurityToken","Message":"SecurityToken is mandatory for this action.","RequestId":"5F1A"}"#;
    assert_eq!(
        found_in(pop),
        [row("alibaba", Some("MissingSecurityToken"), 400)]
    );
}

/// Alibaba Cloud's Go Tea SDK (`tea.SDKError`) names Alibaba Cloud.
#[test]
fn the_tea_sdks_error_names_alibaba() {
    let json = lookup_json("tea.SDKError: Code: InvalidParameter, Message: the value is bad");
    let first = &json["matches"][0];
    assert_eq!(first["vendor"], "alibaba");
    assert_eq!(first["code"], "InvalidParameter");
}

/// google.rpc.ErrorInfo's `reason` (`API_KEY_INVALID`) is the error's proximate cause, within the category its
/// `status` states (`INVALID_ARGUMENT`): the reason names the error, and the status gives way to it. A
/// `reason` in another form (Kubernetes' `NotFound`) is no code.
#[test]
fn an_error_info_reason_names_the_error_within_its_status() {
    let body = r#"{"error":{"code":400,"message":"The key you sent is unknown here.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}"#;
    let found = found_in(body);
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|r| *r == row("google", Some("API_KEY_INVALID"), 400)),
        "{found:?}"
    );
    let quota = r#"{"error":{"code":429,"message":"Too many.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com"}]}}"#;
    assert_eq!(
        found_in(quota),
        [row("google", Some("RATE_LIMIT_EXCEEDED"), 429)]
    );
    let kubernetes = r#"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"pods \"web\" not found","reason":"NotFound","code":404}"#;
    assert_eq!(claims(kubernetes), (vec![], 1));
}

/// API Gateway's authorizer errors carry their x-amzn-ErrorType names: a rejected caller's 401
/// `{"message":"Unauthorized"}` is `UnauthorizedException`, a failing authorizer's 500 is
/// `AuthorizerConfigurationException`, found by the header alone or by the execution log's line.
#[test]
fn an_authorizers_errors_have_their_error_type() {
    let rejected =
        "HTTP/1.1 401 Unauthorized\nx-amzn-RequestId: 1a2b\n\n{\"message\":\"Unauthorized\"}";
    assert_eq!(
        found_in(rejected)[0],
        row("aws", Some("UnauthorizedException"), 401)
    );
    let failing =
        "HTTP/1.1 500 Internal Server Error\nx-amzn-ErrorType: AuthorizerConfigurationException\n";
    assert_eq!(
        found_in(failing),
        [row("aws", Some("AuthorizerConfigurationException"), 500)]
    );
    let log = "Mon Jan 06 10:00:00 UTC 2025 : Execution failed due to configuration error: Authorizer error";
    assert_eq!(
        found_in(log)[0],
        row("aws", Some("AuthorizerConfigurationException"), 500)
    );
}

/// APISIX 1.5 and earlier answered an unmatched request with `{"error_msg":"failed to match any routes"}`
/// (404): the older edition of `404 Route Not Found`.
#[test]
fn apisix_before_2_0_failed_to_match_any_routes() {
    let body = "HTTP/1.1 404 Not Found\nServer: APISIX/1.5\n\n{\"error_msg\":\"failed to match any routes\"}";
    let json = lookup_json(body);
    let first = &json["matches"][0];
    assert_eq!(first["vendor"], "apisix");
    assert_eq!(first["status"], 404);
    assert_eq!(first["message"], "failed to match any routes");
    assert_eq!(first["id"], "route-not-found-1-5");
}

/// gRPC's canonical codes are Google's (google.rpc.Code); JD Cloud's OpenAPI reuses them in a body shaped as
/// Google's. Found by the name alone, they claim JD Cloud's rows only where the paste names JD Cloud.
#[test]
fn a_grpc_code_is_another_vendors_only_where_it_is_named() {
    let google = r#"{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND"}}"#;
    assert_eq!(found_in(google), [row("google", Some("NOT_FOUND"), 404)]);
    let jdcloud = "POST https://apigateway.jdcloud-api.com/v1/regions/cn-north-1/x\n{\"requestId\":\"c1\",\"error\":{\"code\":404,\"message\":\"Not found\",\"status\":\"NOT_FOUND\"}}";
    let found = found_in(jdcloud);
    assert!(
        !found.is_empty()
            && found
                .iter()
                .all(|r| *r == row("jdcloud", Some("NOT_FOUND"), 404)),
        "{found:?}"
    );
}

/// API Gateway's IncompleteSignatureException messages as pastes quote them: without the echo of the
/// Authorization header that ends the live message (`Authorization=...`, `: 'Bearer ...'.`), or without the
/// value that leads it.
#[test]
fn incomplete_signature_messages_are_found_without_their_echo() {
    let four = "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
    for paste in [
        four.to_string(),
        format!("{{\"message\":\"{four} Authorization=Bearer abc\"}}"),
        "{\"message\":\"'abc' not a valid key=value pair (missing equal-sign) in Authorization header\n"
            .to_string(),
        "{message: \"...not a valid key=value pair (missing equal-sign) in Authorization header...\"".to_string(),
    ] {
        assert_eq!(
            found_in(&paste),
            [row("aws", Some("IncompleteSignatureException"), 403)],
            "{paste}"
        );
    }
    // The whole message still captures the header it echoes.
    let value = lookup_json(
        "{\"message\":\"'abc' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer abc'.\"}",
    );
    assert_eq!(value["matches"][0]["captures"]["header"], "Bearer abc");
}

/// An error page's title stands alone inside its HTML element (`<title>504 Gateway Time-out</title>`): with
/// APISIX named (its footer, an Admin API path), the page is APISIX's without a status line; nginx's 403
/// and 500 pages are rows too. Without APISIX named, nothing.
#[test]
fn an_apisix_error_page_is_found_by_its_title() {
    let page = |title: &str, footer: &str| nginx_page(title, "openresty", footer);
    let powered = "<p><em>Powered by <a href=\"https://apisix.apache.org/\">APISIX</a>.</em></p>";
    let value = lookup_json(&page("504 Gateway Time-out", powered));
    assert_eq!(rows(&value), [row("apisix", None, 504)]);
    assert_eq!(value["matches"][0]["message"], "504 Gateway Time-out");
    assert_eq!(
        found_in(&page("500 Internal Server Error", powered)),
        [row("apisix", None, 500)]
    );
    let admin = format!(
        "failed to list plugins, url: http://10.0.0.5:9180/apisix/admin/plugins/list: unexpected status code 403; error message: {}",
        page("403 Forbidden", "")
    );
    assert_eq!(found_in(&admin), [row("apisix", None, 403)]);
    // The same pages of any other nginx claim nothing.
    assert_eq!(claims(&page("403 Forbidden", "")), (vec![], 1));
    assert_eq!(claims(&page("500 Internal Server Error", "")), (vec![], 1));
}

/// APISIX's Admin API answers (apisix/admin/init.lua) and plugin answers of older releases (consumer-restriction
/// up to 3.4, hmac-auth up to 2.13) are rows.
#[test]
fn apisix_admin_api_and_older_plugin_answers_are_rows() {
    let value =
        lookup_json("{\"error_msg\":\"failed to check token\",\"description\":\"missing apikey\"}");
    assert_eq!(rows(&value), [row("apisix", None, 401)]);
    assert_eq!(value["matches"][0]["message"], "failed to check token");
    let value = lookup_json(
        "failed to list ssl: unexpected status code 404; error message: {\"error_msg\":\"Unsupported resource type: ssl\"}",
    );
    assert_eq!(rows(&value), [row("apisix", None, 404)]);
    assert_eq!(value["matches"][0]["captures"]["resource"], "ssl");
    assert_eq!(
        found_in("{\"message\":\"Missing authentication or identity verification.\"}"),
        [row("apisix", None, 401)]
    );
    let value = lookup_json("{ message: 'Invalid signed header x-custom-a' }");
    assert_eq!(rows(&value), [row("apisix", None, 401)]);
    assert_eq!(value["matches"][0]["captures"]["header"], "x-custom-a");
}

/// A status the found message itself states (APISIX's `limit-count exits with http status code 429`) is the
/// error's status, beside the row's default (503).
#[test]
fn a_status_the_message_states_is_the_errors() {
    let line = "2025/02/25 08:16:10 [warn] 49#49: *42708330 [lua] plugin.lua:1153: run_plugin(): limit-count exits with http status code 429, client: 10.0.0.1, server: _, request: \"POST /x HTTP/1.1\", host: \"a\"";
    let value = lookup_json(line);
    assert_eq!(rows(&value), [row("apisix", None, 503)]);
    assert_eq!(value["matches"][0]["stated_status"], 429);
    assert_eq!(value["matches"][0]["captures"]["plugin"], "limit-count");
    let value = lookup_json(
        &line
            .replace("limit-count", "limit-req")
            .replace("429", "503"),
    );
    assert_eq!(rows(&value), [row("apisix", None, 503)]);
    assert!(value["matches"][0]["stated_status"].is_null());
    // Beside the answer it logs (key-auth's 401 body; a 404 page), the line is that error's, not a second
    // claim.
    let both = format!(
        "{}\n{{\"message\":\"Invalid API key in request\"}}\n",
        line.replace("limit-count", "key-auth")
            .replace("429", "401")
    );
    let value = lookup_json(&both);
    assert_eq!(rows(&value), [row("apisix", None, 401)]);
    assert_eq!(value["matches"][0]["message"], "Invalid API key in request");
    let page = format!(
        "{}\n{}",
        line.replace("limit-count", "public-api")
            .replace("429", "404"),
        nginx_page(
            "404 Not Found",
            "openresty",
            "<p><em>Powered by <a href=\"https://apisix.apache.org/\">APISIX</a>.</em></p>"
        )
    );
    assert_eq!(found_in(&page), [row("apisix", None, 404)]);
}

/// Kong's Admin API answers a configuration that fails validation: since 1.0 with a schema violation (one
/// field, or several), before 1.0 with the rate-limiting plugin's own checks.
#[test]
fn kong_admin_api_validation_messages_are_rows() {
    let one = "HTTP/1.1 400 Bad Request\nServer: kong/3.4.0\n\n{\"code\":2,\"name\":\"schema violation\",\"message\":\"schema violation (config.minute: expected a number)\"}";
    let value = lookup_json(one);
    assert_eq!(rows(&value), [row("kong", None, 400)]);
    assert_eq!(
        value["matches"][0]["captures"]["detail"],
        "config.minute: expected a number"
    );
    let two = "{\"message\":\"2 schema violations (config.minute: expected a number; name: required field missing)\"}";
    assert_eq!(found_in(two), [row("kong", None, 400)]);
    let old = "Error: Bad Request\n{\"config\":\"You need to set at least one limit: second, minute, hour, day, month, year\"}";
    assert_eq!(found_in(old), [row("kong", None, 400)]);
    let value = lookup_json(
        "{\"config\":\"The limit for hour cannot be lower than the limit for minute\"}",
    );
    assert_eq!(rows(&value), [row("kong", None, 400)]);
    assert_eq!(value["matches"][0]["captures"]["period"], "hour");
}

/// The names a vendor lends others are its catalog's `shared_names`, a user's catalog's too: another vendor's
/// row found by such a name alone is no claim where the paste names neither; naming the row's vendor makes it
/// its own. A shared name must be one word (exit 2, located).
#[test]
fn a_users_catalog_lends_names_as_the_built_in_ones_do() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = |vendor: &str, extra: &str, code: &str| {
        format!(
            r#"id = "{vendor}-api"
vendor = "{vendor}"
vendor_name = {{ en = "{vendor}", zh = "{vendor}" }}
product = {{ en = "API", zh = "API" }}
{extra}
[[sources]]
id = "runbook"
title = "Runbook"

[[entries]]
id = "throttled"
code = "{code}"
status = 429
message = "Calls are limited per second."
meaning = {{ en = "Too many calls.", zh = "调用过多。" }}
fix = {{ en = "Call less often.", zh = "降低调用频率。" }}
"#
        )
    };
    let lender = crate::util::write(
        dir.path(),
        "lender.toml",
        catalog(
            "lender",
            r#"shared_names = ["QuotaBurstLimitExceeded"]"#,
            "LenderOnly",
        ),
    );
    let evidence =
        "\n[[evidence]]\ntext = \"borrower-gateway\"\nwhat = \"Borrower's gateway host\"\n";
    let borrower = crate::util::write(
        dir.path(),
        "borrower.toml",
        catalog("borrower", evidence, "QuotaBurstLimitExceeded"),
    );
    let lookup = |catalogs: &[&std::path::Path], paste: &str| {
        let mut command = TestCommand::new();
        for catalog in catalogs {
            command = command.args(["--catalog".as_ref(), catalog.as_os_str()]);
        }
        let run = command.args(["--json", "lookup"]).stdin(paste).output();
        let code = run.code();
        (rows(&run.json()), code)
    };
    let paste = "Error: QuotaBurstLimitExceeded (too many calls)\n";
    let borrowers_row = (
        "borrower".to_string(),
        Some("QuotaBurstLimitExceeded".to_string()),
        429,
    );
    // Without the lender's catalog, the name is the borrower's alone.
    assert_eq!(
        lookup(&[&borrower], paste),
        (vec![borrowers_row.clone()], 0)
    );
    // Lent: the name alone claims nothing; the borrower named, it does.
    assert_eq!(lookup(&[&borrower, &lender], paste), (vec![], 1));
    assert_eq!(
        lookup(
            &[&borrower, &lender],
            "POST https://api.borrower-gateway.example/v1: QuotaBurstLimitExceeded (too many calls)\n"
        ),
        (vec![borrowers_row], 0)
    );
    let bad = crate::util::write(
        dir.path(),
        "bad.toml",
        catalog("bad", r#"shared_names = ["Quota Burst"]"#, "Bad"),
    );
    let run = crate::util::with_catalog(&bad, &["lookup", "Bad"]).expect_code(2);
    assert_eq!(
        run.stderr().trim_end(),
        format!(
            "errcode: {}:5:17: shared name `Quota Burst` must be one word, as a code is written",
            bad.display()
        )
    );
}
