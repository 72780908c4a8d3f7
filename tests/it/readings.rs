//! How a paste is read where its shape, not its words, tells whose error it is: a gateway's execution log
//! naming the integration it called, a title's last words, a message any software says in another letter
//! case, an SDK's print of a server error. The pastes are written for the tests, each showing one
//! behaviour.

use crate::util::{json_lookup as lookup, referrals_of as referrals, rows};

fn row(vendor: &str, code: Option<&str>, status: u64) -> (String, Option<String>, u64) {
    (vendor.to_string(), code.map(str::to_string), status)
}

fn ids(json: &serde_json::Value) -> Vec<String> {
    (json["matches"].as_array().unwrap().iter())
        .map(|m| {
            format!(
                "{}/{}",
                m["catalog"].as_str().unwrap(),
                m["id"].as_str().unwrap()
            )
        })
        .collect()
}

/// API Gateway's execution log says which integration it called (`Sending request to https://lambda...`):
/// that host is the API's backend, not another AWS service answering, so the log's error line stands; a
/// Lambda host named otherwise still shows another service's error.
#[test]
fn the_host_an_execution_log_calls_is_no_other_service() {
    let log = "Sending request to https://lambda.us-west-2.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-west-2:1:function:f/invocations\nExecution failed due to configuration error: Invalid permissions on Lambda function\nMethod completed with status: 500";
    let (json, code) = lookup(log);
    assert_eq!(code, 0, "{json}");
    assert_eq!(rows(&json), [row("aws", None, 500)]);
    assert_eq!(
        ids(&json),
        ["aws-apigateway/execution-log-invalid-permissions-on-lambda"]
    );
    let other = "curl https://lambda.us-west-2.amazonaws.com/2015-03-31/functions/f/invocations\nExecution failed due to configuration error: Invalid permissions on Lambda function";
    let (json, _) = lookup(other);
    assert!(rows(&json).is_empty(), "{json}");
}

/// A title's words found right after another capitalised word (`Account Rate Limit Exceeded`) are the end
/// of a longer title, not Google's `Rate Limit Exceeded`; the title alone still is.
#[test]
fn a_titles_end_is_not_a_shorter_title() {
    let longer = r#"{"type": "/errors/account-rate-limit-exceeded", "title": "Account Rate Limit Exceeded", "status": 429}"#;
    let (json, _) = lookup(longer);
    assert!(rows(&json).is_empty(), "{json}");
    let alone =
        r#"{"type": "/errors/rate-limit-exceeded", "title": "Rate Limit Exceeded", "status": 429}"#;
    let (json, code) = lookup(alone);
    assert_eq!(code, 0, "{json}");
    assert!(
        rows(&json).contains(&row("google", Some("rateLimitExceeded"), 429)),
        "{json}"
    );
}

/// Words any software may say (`An unexpected error occurred`, Kong's, Huawei's and JD Cloud's) are a
/// gateway's own body as its only field, as the gateway writes them; a backend's `{"data": {"message":
/// "an unexpected error occurred"}}`, in lower case, is its own wording.
#[test]
fn a_common_message_is_a_body_as_its_vendor_writes_it() {
    let (json, code) =
        lookup(r#"{"code": 500, "data": {"message": "An unexpected error occurred"}}"#);
    assert_eq!(code, 0, "{json}");
    assert!(
        ids(&json).contains(&"kong-gateway/unexpected-error".to_string()),
        "{json}"
    );
    let (json, _) = lookup(r#"{"code": 500, "data": {"message": "an unexpected error occurred"}}"#);
    assert!(rows(&json).is_empty(), "{json}");
}

/// The aliyungo Go SDK prints a server error as `Aliyun API Error: RequestId: ... Code: ...`: the cloud API
/// answering, so a product's own code gets Alibaba's referral; its OSS client prints the same, which the
/// package's path tells apart.
#[test]
fn aliyungos_print_shows_the_cloud_api_answering() {
    let paste = "Failed to create instance: Aliyun API Error: RequestId: 98B3E02C Status Code: 403 Code: InvalidResourceType.NotSupported Message: This resource type is not supported; please try other resource types.";
    assert_eq!(
        referrals(paste).0,
        ["alibaba InvalidResourceType.NotSupported {code}.{detail}"]
    );
    let oss = "github.com/denverdino/aliyungo/oss.(*Client).doRequest\nAliyun API Error: RequestId: 5C3D Status Code: 404 Code: NoSuchBucketPolicy Message: The bucket policy does not exist.";
    assert_eq!(referrals(oss), (vec![], 1));
}
