//! A cloud service's own error code, which no catalog lists (Huawei's `Ecs.0019`, Alibaba's
//! `InvalidResourceType.NotSupported`, Tencent's `ImageQuotaLimitExceeded`), is answered by its vendor's
//! referral where it stands in a code field of a paste that names that vendor and no other; never as a code
//! looked up alone, nor where the value is no cloud's code.

use crate::util::TestCommand;

/// The referrals `errcode --json lookup` gives for `paste`, as `vendor code pattern`, and its exit code.
fn referrals(paste: &str) -> (Vec<String>, i32) {
    let run = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(paste)
        .output();
    let value = run.json();
    let referrals = (value["referrals"].as_array().unwrap().iter())
        .map(|r| {
            format!(
                "{} {} {}",
                r["vendor"].as_str().unwrap(),
                r["code"].as_str().unwrap(),
                r["pattern"].as_str().unwrap()
            )
        })
        .collect();
    (referrals, run.code())
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
    // An SDK's print, where `Error: RequestId:` puts a field's name where a value could be.
    let aliyun = "Failed to create instance: Aliyun API Error: RequestId: 98B3E02C Status Code: 403 Code: InvalidResourceType.NotSupported Message: This resource type is not supported; please try other resource types.";
    assert_eq!(
        referrals(aliyun).0,
        ["alibaba InvalidResourceType.NotSupported {code}.{detail}"]
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
