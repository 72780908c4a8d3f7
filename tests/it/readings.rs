//! How a paste is read where its shape, not its words, tells whose error it is: a gateway's execution log
//! naming the integration it called, a title's last words, a message any software says in another letter
//! case, an SDK's print of a server error, a log line beside the answer it explains; and the older or
//! rarer wordings that came with them (Google's quota group, APISIX 2.13's basic-auth and its Admin API's
//! `Key not found`, Kong's DNS log line). The pastes are written for the tests, each showing one behaviour.

use crate::util::{
    acme_catalog, claims_with, json_lookup as lookup, referrals_of as referrals, rows, write,
};

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

/// Google's older quota message names the quota's group (`ReadGroup`, `default`) where the newer one names a
/// metric: the same status, RESOURCE_EXHAUSTED, with its own row.
#[test]
fn googles_quota_group_message_is_resource_exhausted() {
    let paste = r#"{"error": {"code": 429, "message": "Quota exceeded for quota group 'WriteGroup' and limit 'Write requests per user per 100 seconds' of service 'sheets.googleapis.com' for consumer 'project_number:1234'.", "status": "RESOURCE_EXHAUSTED"}}"#;
    let (json, code) = lookup(paste);
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        rows(&json),
        [row("google", Some("RESOURCE_EXHAUSTED"), 429)]
    );
    assert_eq!(ids(&json), ["google-apis/resource-exhausted-quota-group"]);
    assert_eq!(
        json["matches"][0]["captures"]["quota_group"], "WriteGroup",
        "{json}"
    );
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

/// A title after a word programs print before a message (`console.log("Error", message)`) or after a code
/// is the message itself: AWS's `Missing Authentication Token` (the review's reproduction).
#[test]
fn a_title_after_a_printed_label_or_a_code_is_the_title() {
    for paste in [
        "Error Missing Authentication Token",
        "ERROR AccessDenied Missing Authentication Token",
    ] {
        let (json, code) = lookup(paste);
        assert_eq!(code, 0, "{paste}: {json}");
        assert!(
            rows(&json).contains(&row(
                "aws",
                Some("MissingAuthenticationTokenException"),
                403
            )),
            "{paste}: {json}"
        );
    }
}

/// A status line run into the rest of a paste on one line (httpie's output pasted flat) states the status:
/// its title (`404 Not Found`) is not the error page of that title, beside the body the paste carries.
#[test]
fn a_status_line_run_into_its_paste_is_no_error_page() {
    let paste = r#"http localhost:9080/ "apikey:example-key" HTTP/1.1 404 Not Found Connection: keep-alive Content-Type: text/plain; charset=utf-8 Server: APISIX/3.6.0 Transfer-Encoding: chunked { "error_msg": "404 Route Not Found" }"#;
    let (json, code) = lookup(paste);
    assert_eq!(code, 0, "{json}");
    assert_eq!(ids(&json), ["apisix-gateway/route-not-found"], "{json}");
    // The page's own title, in its HTML, still is.
    let page = "Server: APISIX/3.6.0\n<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>openresty</center></body></html>";
    let (json, _) = lookup(page);
    assert!(
        ids(&json).contains(&"apisix-gateway/nginx-404-page".to_string()),
        "{json}"
    );
}

/// Tencent Cloud's Go SDK names a request that got no response `ClientError.NetworkError` (its own code, no
/// API's): printed as its server errors are, it is that row, whatever the Go error after its words.
#[test]
fn tencents_go_sdk_network_error_is_its_row() {
    let paste = "[TencentCloudSDKError] Code=ClientError.NetworkError, Message=Fail to get response because Post \"https://cvm.tencentcloudapi.com/\": dial tcp: lookup cvm.tencentcloudapi.com: no such host, RequestId=\n";
    let (json, code) = lookup(paste);
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        rows(&json),
        [row("tencent", Some("ClientError.NetworkError"), 400)],
        "{json}"
    );
}

/// APISIX up to 2.13 answered basic-auth's unknown user and wrong password with their own words (an older
/// edition of `Invalid user authorization`); `Password is error`, words other software says too, is
/// APISIX's as the body's only field or where APISIX is named.
#[test]
fn apisix_2_13_basic_auth_answers_are_rows() {
    for (body, id) in [
        (
            r#"{"message":"Password is error"}"#,
            "apisix-gateway/basic-auth-password-is-error-2-13",
        ),
        (
            r#"{"message":"Invalid user key in authorization"}"#,
            "apisix-gateway/basic-auth-invalid-user-key-2-13",
        ),
    ] {
        let (json, code) = lookup(&format!("HTTP/1.1 401 Unauthorized\n{body}"));
        assert_eq!(code, 0, "{json}");
        assert_eq!(ids(&json), [id], "{body}");
        assert_eq!(rows(&json), [row("apisix", None, 401)], "{body}");
    }
    let (json, _) = lookup(r#"{"result": 0, "message": "Password is error"}"#);
    assert!(rows(&json).is_empty(), "{json}");
}

/// The Admin API's 404 `Key not found` is APISIX's answer as its body's only field, as APISIX writes it; a
/// backend's own `{"data": {"message": "key not found"}}`, in lower case, is its own wording.
#[test]
fn apisix_admin_key_not_found_as_apisix_writes_it() {
    let (json, code) = lookup(r#"{"message":"Key not found"}"#);
    assert_eq!(code, 0, "{json}");
    assert_eq!(ids(&json), ["apisix-gateway/admin-key-not-found"]);
    let (json, _) = lookup(r#"{"code": 404, "data": {"message": "key not found"}}"#);
    assert!(rows(&json).is_empty(), "{json}");
}

/// Kong's balancer logs `DNS resolution failed: dns server error: 3 name error. Tried: ...` for its 503
/// `name resolution failed`: alone the line is that error; beside the answer it is the answer's line.
#[test]
fn kongs_dns_log_line_is_its_503() {
    let line = r#"2020/12/03 11:29:16 [error] 32#0: *561643 [lua] balancer.lua:900: execute(): DNS resolution failed: dns server error: 3 name error. Tried: ["(short)app-api:(na) - cache-miss"], client: 172.20.1.7, server: kong, request: "POST /v1 HTTP/1.0""#;
    let (json, code) = lookup(line);
    assert_eq!(code, 0, "{json}");
    assert_eq!(ids(&json), ["kong-gateway/dns-resolution-failed-log"]);
    assert_eq!(rows(&json), [row("kong", None, 503)]);
    let (json, _) = lookup(&format!(
        "{line}\nHTTP/1.1 503 Service Unavailable\nServer: kong/2.2.0\n{{\"message\":\"name resolution failed\"}}"
    ));
    assert_eq!(
        ids(&json),
        ["kong-gateway/name-resolution-failed"],
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

/// The aliyungo Go SDK prints a server error as `Aliyun API Error: RequestId: ... Code: ...`, and its error
/// value as `&common.Error{ErrorResponse:common.ErrorResponse{...}}`: the cloud API answering, so a product's
/// own code gets Alibaba's referral; its OSS client prints the same, which the package's path tells apart.
#[test]
fn aliyungos_print_shows_the_cloud_api_answering() {
    let paste = "Failed to create instance: Aliyun API Error: RequestId: 98B3E02C Status Code: 403 Code: InvalidResourceType.NotSupported Message: This resource type is not supported; please try other resource types.";
    assert_eq!(
        referrals(paste).0,
        ["alibaba InvalidResourceType.NotSupported {code}.{detail}"]
    );
    let oss = "github.com/denverdino/aliyungo/oss.(*Client).doRequest\nAliyun API Error: RequestId: 5C3D Status Code: 404 Code: NoSuchBucketPolicy Message: The bucket policy does not exist.";
    assert_eq!(referrals(oss), (vec![], 1));
    // Its error value as Go's %#v prints it, escaped inside a log's string and wrapped inside its host field:
    // the types' names show the cloud API answering where the field's own mark (`HostId:"`) is cut.
    let value = "got error: &common.Error{ErrorResponse:common.ErrorResponse{Response:common.Response{RequestId:\\\"06FD4F80\\\"}, HostId:\n\\\"ecs-cn-hangzhou.aliyuncs.com\\\", Code:\\\"Forbidden.InstanceNotFound\\\", Message:\\\"The specified Instance is not found.\\\"}, StatusCode:404}";
    assert_eq!(
        referrals(value).0,
        ["alibaba Forbidden.InstanceNotFound {code}.{detail}"]
    );
}

/// A message read loosely (its later sentences left off) stands where the paste names neither its vendor
/// nor its code only if it is long enough to be the vendor's own: a CJK character weighs as much as two
/// letters there, as everywhere a message's weight is counted (32 of them, with no vendor named).
#[test]
fn a_loose_message_in_chinese_weighs_its_characters_double() {
    let dir = tempfile::tempdir().unwrap();
    let entries = r#"[[entries]]
id = "signature"
status = 400
message = "请求中携带的签名与网关按照相同算法以及相同密钥计算出的签名并不一致. 签名并不一致"
meaning = { en = "The signature differs.", zh = "签名不一致。" }
fix = { en = "Sign again.", zh = "重新签名。" }
"#;
    let path = write(dir.path(), "acme.toml", acme_catalog("", entries));
    let paste = "HTTP/1.1 400 Bad Request\n调用失败: 请求中携带的签名与网关按照相同算法以及相同密钥计算出的签名并不一致.\n";
    assert_eq!(
        claims_with(&[&path], paste),
        (vec![row("acme", None, 400)], 0)
    );
}

/// Reading a paste loosely searches the whole text once per message: a paste holding the words of many
/// messages, none as written, is read for the first 64 of them only (`PARTIAL_TRIES`), so that it costs
/// no more than that; a paste of a few is read for each.
#[test]
fn a_paste_is_read_loosely_for_at_most_64_messages() {
    let dir = tempfile::tempdir().unwrap();
    let line = |i: usize| {
        format!(
            "Widget w{i} of fleet f{i}x cannot be rebooted while its firmware is updating to the latest release"
        )
    };
    let entries: String = (0..70)
        .map(|i| {
            format!(
                "[[entries]]\nid = \"widget-{i}\"\nstatus = 409\nmessage = 'Widget \"{{name}}\" of fleet f{i}x cannot be rebooted while its firmware is updating to the latest release'\nmeaning = {{ en = \"m\", zh = \"m\" }}\nfix = {{ en = \"f\", zh = \"f\" }}\n\n"
            )
        })
        .collect();
    let path = write(dir.path(), "acme.toml", acme_catalog("", &entries));
    let few: String = (0..10).map(|i| line(i) + "\n").collect();
    let (found, code) = claims_with(&[&path], &few);
    assert_eq!((found.len(), code), (10, 0));
    let many: String = (0..70).map(|i| line(i) + "\n").collect();
    let (found, code) = claims_with(&[&path], &many);
    assert_eq!(code, 0);
    assert!(
        (1..=64).contains(&found.len()),
        "{} read loosely",
        found.len()
    );
}

/// Tencent Cloud's API 3.0 checks every action's parameter types: `The value type of parameter `Limit` is
/// not valid.` (its CLI's own examples) is `InvalidParameter`, also where a user quotes it without the code.
#[test]
fn tencents_parameter_type_message_is_invalid_parameter() {
    for paste in [
        "[TencentCloudSDKException] code:InvalidParameter message:The value type of parameter `Limit` is not valid. requestId:5e0c",
        "the SDK keeps answering: The value type of parameter `Limit` is not valid",
    ] {
        let (json, code) = lookup(paste);
        assert_eq!(code, 0, "{json}");
        assert_eq!(
            rows(&json),
            [row("tencent", Some("InvalidParameter"), 200)],
            "{paste}"
        );
    }
}
