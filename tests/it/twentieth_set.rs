//! Rules from the twentieth collection's pastes: another AWS service's resource named by its ARN, Google's
//! `badRequest` reason as its Go client prints it, Tencent Cloud CAM's denial quoted without its code,
//! APISIX's default error pages beside its default ports, API Gateway's key throttle log line. The pastes
//! are written for the tests, each showing one behaviour.

use crate::util::{json_lookup as lookup, rows};

fn row(vendor: &str, code: Option<&str>, status: u64) -> (String, Option<String>, u64) {
    (vendor.to_string(), code.map(str::to_string), status)
}

/// A KMS key's ARN in the body marks AWS KMS answering: its `NotFoundException` is not API Gateway's (whose
/// six rows of that name were claimed); the same body naming API Gateway's own resource keeps them.
#[test]
fn another_services_arn_rules_out_api_gateways_generic_names() {
    let kms = r#"{"Error": {"Code": "NotFoundException", "Message": "Key 'arn:aws:kms:us-east-1:111111111111:key/1234abcd' does not exist"}, "ResponseMetadata": {"HTTPStatusCode": 400}}"#;
    let (json, _) = lookup(kms);
    assert_eq!(rows(&json), [], "{json}");
    let api = r#"{"Error": {"Code": "NotFoundException", "Message": "Invalid Resource identifier specified"}, "ResponseMetadata": {"HTTPStatusCode": 404}} arn:aws:execute-api:us-east-1:1:abc/*"#;
    let (json, code) = lookup(api);
    assert_eq!(code, 0);
    assert!(
        rows(&json).contains(&row("aws", Some("NotFoundException"), 404)),
        "{json}"
    );
}

/// Google's Go client prints the legacy reason after the message (`googleapi: Error 400: <message>,
/// badRequest`): the catch-all of the global domain's 400 section is a row, found there with its status.
#[test]
fn googles_bad_request_reason_is_a_row() {
    for paste in [
        "* google_cloudfunctions_function.function: googleapi: Error 400: The request has errors, badRequest",
        "Error: googleapi: Error 400: Request contains an invalid argument., badRequest",
    ] {
        let (json, code) = lookup(paste);
        assert_eq!(code, 0, "{paste}");
        assert_eq!(
            rows(&json),
            [row("google", Some("badRequest"), 400)],
            "{paste}"
        );
        assert_eq!(json["matches"][0]["catalog"], "google-apis-global-domain");
    }
    // A plain word such as `invalid` is no row: prose says it (`... is invalid.`), and a message's own row
    // stays the paste's error, as the message an API Gateway body gives.
    let (json, _) =
        lookup(r#"{"message": "The security token included in the request is invalid."}"#);
    assert_eq!(
        rows(&json),
        [row("aws", Some("AccessDeniedException"), 403)],
        "{json}"
    );
}

/// OpenResty's default error page is APISIX's where the paste calls APISIX's default ports (9080, 9180);
/// the same page with nginx's footer, or OpenResty's with no such port, names no APISIX.
#[test]
fn openrestys_page_on_apisixs_port_is_apisixs() {
    let page = |footer: &str| {
        format!(
            "curl -i http://127.0.0.1:9080/hello\n<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n<hr><center>{footer}</center>\n</body>\n</html>\n"
        )
    };
    let (json, code) = lookup(&page("openresty"));
    assert_eq!(code, 0);
    assert_eq!(rows(&json), [row("apisix", None, 503)], "{json}");
    let (json, _) = lookup(&page("nginx"));
    assert_eq!(rows(&json), [], "{json}");
    let elsewhere = page("openresty").replace(":9080", ":8080");
    let (json, _) = lookup(&elsewhere);
    assert_eq!(rows(&json), [], "{json}");
}

/// Tencent Cloud CAM's detail of `AuthFailure.UnauthorizedOperation`, quoted without the code or the
/// documented message (a console's or FAQ's words), is that error.
#[test]
fn tencent_cams_denial_detail_is_unauthorized_operation() {
    for paste in [
        " [request id:xxxxx]you are not authorized to perform operation (scf:CreateFunction) resource (qcs::scf:gz:uin/1:function/*) has no permission",
        "跨账号拉取实例列表报错：you are not authorized to perform operation (sts:AssumeRole) ，resource (qcs::cam::uin/1:roleName/x) has no permission",
    ] {
        let (json, code) = lookup(paste);
        assert_eq!(code, 0, "{paste}");
        assert_eq!(
            rows(&json),
            [row(
                "tencent",
                Some("AuthFailure.UnauthorizedOperation"),
                200
            )],
            "{paste}"
        );
    }
}

/// API Gateway's execution log line for a key over its usage plan's throttle (the Knowledge Center's "429 Too
/// Many Requests" section) is the THROTTLED error alone, and that error's line beside the client's 429.
#[test]
fn a_usage_plans_key_throttle_line_is_throttled() {
    let line = "(f277a0b4-2bcd-41b3-8e43-4de770663ffb) Stage rohkz08x02/dev: Key throttle limit exceeded for Usage Plan ID nnpegc, RestApi rohkz08x02, Stage dev, Resource f646q2, HttpMethod GET. Limit: 5.00 Burst: 10";
    let (json, code) = lookup(line);
    assert_eq!(code, 0);
    assert_eq!(rows(&json), [row("aws", Some("THROTTLED"), 429)], "{json}");
    let beside = format!("HTTP/1.1 429\n{{\"message\":\"Too Many Requests\"}}\n{line}\n");
    let (json, _) = lookup(&beside);
    assert_eq!(rows(&json), [row("aws", None, 429)], "{json}");
}
