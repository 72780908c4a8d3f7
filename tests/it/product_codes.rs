//! A cloud service's own error code, which no catalog lists (Huawei's `Ecs.0019`, Alibaba's
//! `InvalidResourceType.NotSupported`, Tencent's `ImageQuotaLimitExceeded`), is answered by its vendor's
//! referral where it stands in a code field of a paste that names that vendor and no other; never as a code
//! looked up alone, nor where the value is no cloud's code.

use crate::util::TestCommand;

fn referrals(paste: &str) -> (Vec<String>, i32) {
    crate::util::referrals_of(paste)
}

#[test]
fn a_huawei_service_code_in_its_error_body_is_referred_to_the_service() {
    let paste = r#"failed to ensure load balancer: {"status_code":400,"request_id":"cd11","error_code":"ELB.1202","error_message":"enterprise_project_id can not be empty"}"#;
    assert_eq!(
        referrals(paste),
        (vec!["huawei ELB.1202 {service}.{number}".to_string()], 1)
    );
    let terraform = r#"Error: Error creating HuaweiCloud server: Bad request with: [POST https://ecs.ap-southeast-1.myhuaweicloud.com/v2.1/servers], error message: {"error":{"message":"Flavor s3.large.2 is abandoned","code":"Ecs.0019"}}"#;
    assert_eq!(
        referrals(terraform).0,
        ["huawei Ecs.0019 {service}.{number}"]
    );
    // The card says what the vendor's page says of such codes, and where to look.
    let card = TestCommand::new().args(["lookup"]).stdin(paste).output();
    assert_eq!(card.code(), 1);
    let out = card.stdout();
    assert!(out.starts_with("ELB.1202 · not in the tables\n"), "{out}");
    // (Read with the card's wrapping undone.)
    let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("In the response body, error_code is an error code")
            && words
                .contains("Look it up on the \"Error Codes\" page of that service's API reference"),
        "{out}"
    );
}

#[test]
fn an_open_referral_needs_a_paste_that_names_its_vendor_alone() {
    // No vendor named: a code of that shape may be anyone's.
    assert!(
        referrals(r#"{"code":"Ecs.0019","message":"Flavor s3.large.2 is abandoned"}"#)
            .0
            .is_empty()
    );
    // Looked up alone, a code of any name gets no pointer.
    let run = TestCommand::new()
        .args(["--json", "lookup", "Ecs.0019"])
        .output();
    assert_eq!(run.code(), 1);
    assert_eq!(run.json()["referrals"].as_array().unwrap().len(), 0);
    // Two clouds named: whose it is, nothing tells.
    assert!(
        referrals(
            r#"aliyun and tencentcloud: {"Code":"ImageQuotaLimitExceeded","Message":"quota"}"#
        )
        .0
        .is_empty()
    );
}

/// An object store's XML error body, told by the host its `HostId` names (Alibaba Cloud OSS's, Huawei Cloud
/// OBS's), claims nothing: neither a row found by its code's name (`Invalid{param}` for OSS's
/// `InvalidObjectName`; Alibaba's `InvalidAccessKeyId` for OBS's) nor a referral. The store's address as a
/// parameter of another product's call is no such mark.
#[test]
fn an_object_stores_error_body_claims_nothing() {
    for body in [
        "<Error><Code>InvalidObjectName</Code><HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId></Error>",
        "<?xml version=\"1.0\"?><Error><Code>InvalidAccessKeyId</Code><Message>The AccessKey Id you provided does not exist.</Message><HostId>mybucket.obs.cn-north-4.myhuaweicloud.com</HostId></Error>",
    ] {
        let run = TestCommand::new()
            .args(["--json", "lookup"])
            .stdin(body)
            .output();
        assert_eq!(run.code(), 1, "{body}");
        let value = run.json();
        assert_eq!(value["matches"].as_array().unwrap().len(), 0, "{body}");
        assert_eq!(value["referrals"].as_array().unwrap().len(), 0, "{body}");
    }
    let pop = "{'RequestId': '2C8D', 'Message': 'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&ImageUrl%3Dhttp%253A%252F%252Fviapi-test.oss-cn-shanghai.aliyuncs.com%252Fa.jpg', 'Code': 'SignatureDoesNotMatch', 'HostId': 'viapiutils.cn-shanghai.aliyuncs.com'}";
    let value = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(pop)
        .output()
        .json();
    assert_eq!(value["matches"][0]["vendor"], "alibaba", "{value}");
    assert_eq!(
        value["matches"][0]["code"], "SignatureDoesNotMatch",
        "{value}"
    );
}

#[test]
fn a_referral_of_a_named_prefix_is_preferred_to_one_of_any_name() {
    let (found, code) =
        referrals(r#"{"error_code":"APIGW.0999","error_msg":"x","request_id":"1"}"#);
    assert_eq!(
        (found, code),
        (vec!["huawei APIGW.0999 APIGW.{number}".to_string()], 1)
    );
    assert_eq!(
        referrals("[TencentCloudSDKError] Code=FailedOperation.QuotaReached, Message=quota reached, RequestId=1").0,
        ["tencent FailedOperation.QuotaReached FailedOperation.{reason}"]
    );
}

#[test]
fn alibaba_and_tencent_product_codes_are_referred_in_their_error_bodies() {
    // The aliyungo Go SDK's error as Terraform prints it (`%#v`: `HostId:"..."`).
    let terraform = r#"* alicloud_instance.instances: Error creating Aliyun ecs instance: &common.Error{ErrorResponse:common.ErrorResponse{Response:common.Response{RequestId:"9DEEC05A"}, HostId:"ecs-cn-hangzhou.aliyuncs.com", Code:"Zone.NotOnSale", Message:"The specified zone is not available for purchase."}, StatusCode:403}"#;
    assert_eq!(
        referrals(terraform).0,
        ["alibaba Zone.NotOnSale {code}.{detail}"]
    );
    let pop = r#"{"RequestId":"1","HostId":"ecs.aliyuncs.com","Code":"RegionIdRequired","Message":"The region id is required."}"#;
    assert_eq!(referrals(pop).0, ["alibaba RegionIdRequired {code}"]);
    // Alibaba Cloud's Python SDK prints a server error so, naming no host (`ServerException.__str__`).
    let python = "fatal: FAILED! => {\"msg\": \"Unable to create instance, error: HTTP Status: 403 Error:InvalidResourceType.NotSupported This resource type is not supported; please try other resource types. RequestID: 54F62C31-6B70\"}";
    assert_eq!(
        referrals(python).0,
        ["alibaba InvalidResourceType.NotSupported {code}.{detail}"]
    );
    let tencent = "[TencentCloudSDKException] code:ImageQuotaLimitExceeded message:The image quota has been exceeded. requestId:4e7b";
    assert_eq!(
        referrals(tencent).0,
        ["tencent ImageQuotaLimitExceeded {code}"]
    );
}

#[test]
fn values_that_are_no_clouds_code_get_no_referral() {
    for value in [
        "OK",
        "Success",
        "String",
        "cms",
        "system_disk_type",
        "pdf2zh.converter",
        "ParamFlowException",
        "1234",
    ] {
        let paste = format!(
            r#"{{"RequestId":"1","HostId":"ecs.aliyuncs.com","Code":"{value}","Message":"m"}}"#
        );
        assert!(referrals(&paste).0.is_empty(), "{value}");
    }
}

/// Pastes of other systems that mention a cloud, or an SDK's own failure, get no referral of any name: an
/// S3 body (its `<HostId>` is no Alibaba mark), COS's and OSS's errors, Aliyun Drive's and DingTalk's APIs,
/// Huawei's phones, a client-side traceback through Alibaba's SDK, a Kubernetes event pulling from a cloud's
/// registry, Tencent's SDK's client error. (The review's cases.)
#[test]
fn other_systems_naming_a_cloud_get_no_referral() {
    for paste in [
        // c/s3-expired.txt: <?xml version="1.0" encoding="UTF-8"?>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message><Token-0>FwoGZXIvYXdzE</Token-0><RequestId>4442587FB7D0A2F9</RequestId><HostId>tc9g0hVAGrB5oMMf5gyNfJbBrZ4Kf2H0S1ko=</HostId></Error>\n",
        // h/cos-curl.txt: $ curl -i https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.c
        "$ curl -i https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt\nHTTP/1.1 403 Forbidden\nContent-Type: application/xml\nServer: tencent-cos\n\n<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>AccessDenied</Code>\n\t<Message>Access Denied.</Message>\n\t<Resource>examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt</Resource>\n\t<RequestId>NjQ4ZjA</RequestId>\n</Error>\n",
        // aliyundrive.txt: requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url:
        "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.aliyundrive.com/adrive/v3/file/list\n{\"code\":\"AccessTokenInvalid\",\"message\":\"AccessToken is invalid. ErrValidateTokenFailed\",\"requestId\":\"0bc1\"}\n",
        // dingtalk.txt: Traceback (most recent call last):
        "Traceback (most recent call last):\n  File \"bot.py\", line 40, in send\n    client.batch_send_otowith_options(req, headers, util_models.RuntimeOptions())\n  File \"/usr/lib/python3.10/site-packages/alibabacloud_dingtalk/robot_1_0/client.py\", line 221, in batch_send_otowith_options\n    raise e\nTea.exceptions.TeaException: Error: Forbidden.AccessDenied.AccessTokenPermissionDenied code: 403, 没有调用该接口的权限，接口权限申请参考：https://open.dingtalk.com/document/orgapp/add-api-permission request id: 4B5C Response: {'requestid': '4B5C', 'code': 'Forbidden.AccessDenied.AccessTokenPermissionDenied', 'message': '没有调用该接口的权限'}\n",
        // b/hw-hms.txt: com.huawei.hms.common.ApiException: 907135000: base client connection
        "com.huawei.hms.common.ApiException: 907135000: base client connection failed\n{\"code\":\"Hms.6003\",\"msg\":\"certificate fingerprint check failed\"}\n",
        // b/py-trace.txt: Traceback (most recent call last):
        "Traceback (most recent call last):\n  File \"/app/venv/lib/python3.11/site-packages/aliyunsdkcore/client.py\", line 375, in do_action_with_exception\n    response = self._make_http_request(...)\n  File \"/app/venv/lib/python3.11/site-packages/urllib3/connectionpool.py\", line 715, in urlopen\nurllib3.exceptions.NewConnectionError: <urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution\ncode: ConnectionRefused\n",
        // c/hostid-json.txt: {"RequestId":"5C3D","HostId":"mybucket.oss-cn-hangzhou.aliyuncs.com","
        "{\"RequestId\":\"5C3D\",\"HostId\":\"mybucket.oss-cn-hangzhou.aliyuncs.com\",\"Code\":\"NoSuchKey\",\"Message\":\"The specified key does not exist.\",\"EC\":\"0026-00000001\"}\n",
        // b/tke.txt: Warning  Failed  8s  kubelet  Failed to pull image "ccr.ccs.tencentyun
        "  Warning  Failed  8s  kubelet  Failed to pull image \"ccr.ccs.tencentyun.com/myns/app:v1\": rpc error: code = NotFound desc = failed to pull and unpack image \"ccr.ccs.tencentyun.com/myns/app:v1\": not found\n",
        // b/tc-go-client.txt: [TencentCloudSDKError] Code=ClientError.NetworkError, Message=Fail to
        "[TencentCloudSDKError] Code=ClientError.NetworkError, Message=Fail to get response because Post \"https://cvm.tencentcloudapi.com/\": dial tcp: lookup cvm.tencentcloudapi.com: no such host, RequestId=\n",
    ] {
        let (found, _) = referrals(paste);
        assert!(found.is_empty(), "{found:?} for {paste}");
    }
}

/// A first sentence of a vendor's message that is also any program's words (`You are not authorized to do
/// this action.`) is no claim where the paste names no vendor: a message is read loosely only for the
/// vendors a paste names.
#[test]
fn a_stock_sentence_in_an_applications_trace_claims_nothing() {
    let trace = "AppError: You are not authorized to do this action. Please login!\n    at /app/controllers/auth.js:17:12\n    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)";
    let run = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(trace)
        .output();
    assert_eq!(run.code(), 1, "{}", run.stdout());
    assert_eq!(run.json()["matches"].as_array().unwrap().len(), 0);
}

/// Tencent Cloud's error body with its `Response` taken out (a program printing the object it parsed, keys in
/// any order) shows its API answering as the whole body does; AWS's query-protocol JSON, the same two names
/// beside a `Type`, does not.
#[test]
fn tencents_error_body_without_its_wrapper_is_tencents() {
    for paste in [
        r#"Response -> "{"RequestId":"fae4","Error":{"Message":"resource error","Code":"InvalidParameter.ResourceError"}}""#,
        r#"resp: {"Error": {"Code": "InvalidParameter.ResourceError", "Message": "resource error"}, "RequestId": "fae4"}"#,
    ] {
        assert_eq!(
            referrals(paste).0,
            ["tencent InvalidParameter.ResourceError InvalidParameter.{reason}"],
            "{paste}"
        );
    }
    let aws = r#"{"Error": {"Code": "InvalidParameter.ResourceError", "Message": "resource error", "Type": "Sender"}, "RequestId": "fae4"}"#;
    assert_eq!(referrals(aws), (vec![], 1));
}

/// Another product's code in the error body beside a catalogued message (ROMA Connect's `APIC.0301` after an
/// `error_msg` of several hundred characters, API Gateway's words) says the message is that product's: the
/// code is referred to its service, and API Gateway's rows of the message are not claimed, however long
/// the message's line is.
#[test]
fn another_products_code_after_a_long_message_line_is_that_products() {
    let long = "x-sdk-date:20201117T072119Z|".repeat(30);
    let paste = format!(
        "{{\n  \"error_msg\": \"Incorrect IAM authentication information: verify aksk signature fail,canonicalRequest:PUT|/v2/p/instances/i/configs/||{long}\",\n  \"error_code\": \"APIC.0301\",\n  \"request_id\": \"r\"\n}}"
    );
    assert_eq!(
        referrals(&paste),
        (vec!["huawei APIC.0301 {service}.{number}".to_string()], 1)
    );
    // API Gateway's own code there keeps its row.
    let own = paste.replace("APIC.0301", "APIG.0301");
    let json = crate::util::json_lookup(&own).0;
    assert_eq!(json["matches"][0]["code"], "APIG.0301", "{json}");
}
