//! Open vendors (issue 17): a catalog declares any vendor id and how its vendor is recognised; the gateways
//! beside the four clouds are built in, and a paste's evidence tells vendors that share words apart.

use crate::util::{TestCommand, rows, with_catalog, write};

/// A company's own gateway, with its own vendor id and evidence.
const ACME: &str = r#"id = "acme-gw"
vendor = "acme-gw"
vendor_name = { en = "Acme", zh = "阿克米" }
product = { en = "Edge Gateway", zh = "边缘网关" }

[[evidence]]
text = "edge.acme.example"
any_case = true
what = "Acme gateway host"

[[sources]]
id = "runbook"
title = "Acme gateway runbook, undated"

[[entries]]
id = "quota"
code = "ACME-QUOTA"
status = 429
message = "API rate limit exceeded"
meaning = { en = "The caller's quota is used up.", zh = "调用方配额已用完。" }
fix = { en = "Wait for the quota window.", zh = "等待配额窗口。" }
"#;

fn matches(run: &crate::util::Run) -> Vec<(String, Option<String>, u64)> {
    rows(&run.json())
}

#[test]
fn a_users_vendor_works_through_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = write(dir.path(), "acme.toml", ACME);
    let run = with_catalog(&catalog, &["--json", "lookup", "ACME-QUOTA"]).expect_code(0);
    assert_eq!(
        matches(&run),
        [("acme-gw".to_string(), Some("ACME-QUOTA".to_string()), 429)]
    );
    // `--vendor` takes it, and only its entries are listed.
    let run = with_catalog(&catalog, &["--json", "--vendor", "acme-gw", "list"]).expect_code(0);
    assert_eq!(matches(&run).len(), 1);
    // A typo gets the loaded vendors and the closest.
    let run = with_catalog(&catalog, &["--vendor", "acmegw", "list"]).expect_code(2);
    assert!(
        run.stderr()
            .starts_with("errcode: unknown vendor `acmegw`; did you mean `acme-gw`? loaded vendors: huawei, alibaba, tencent, jdcloud, aws, kong, apisix, google, acme-gw"),
        "{}",
        run.stderr()
    );
    // `catalogs` and `status` show it like any vendor.
    let run = with_catalog(&catalog, &["catalogs"]).expect_code(0);
    assert!(run.stdout().contains("acme-gw"), "{}", run.stdout());
    let run = with_catalog(&catalog, &["--json", "status", "429"]).expect_code(0);
    assert!(matches(&run).iter().any(|r| r.0 == "acme-gw"));
}

#[test]
fn a_catalogs_evidence_claims_a_shared_message_for_its_vendor() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = write(dir.path(), "acme.toml", ACME);
    let paste =
        "GET https://edge.acme.example/v1/orders 429\n{\"message\":\"API rate limit exceeded\"}";
    let run = TestCommand::new()
        .args(["--catalog"])
        .args([&catalog])
        .args(["--json", "lookup"])
        .stdin(paste)
        .output()
        .expect_code(0);
    let found = matches(&run);
    assert_eq!(
        found,
        [("acme-gw".to_string(), Some("ACME-QUOTA".to_string()), 429)],
        "Kong and Tencent say it too, but the paste names Acme's host"
    );
    assert_eq!(
        run.json()["matches"][0]["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["kind"] == "vendor")
            .unwrap()["found_in"],
        "Acme gateway host"
    );
}

/// `(vendor, code)` of what a paste is found to be.
fn found(paste: &str) -> Vec<(String, Option<String>)> {
    let run = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(paste)
        .output();
    matches(&run).into_iter().map(|r| (r.0, r.1)).collect()
}

#[test]
fn evidence_tells_the_gateways_next_door_apart() {
    // Kong's header: Kong's rate limit, not Tencent's (whose gateway says the same words).
    assert_eq!(
        found(
            "HTTP/1.1 429 Too Many Requests\nServer: kong/3.4.0\nX-Kong-Response-Latency: 0\n\n{\"message\":\"API rate limit exceeded\"}\n"
        ),
        [("kong".to_string(), None)]
    );
    // Without evidence, a message several vendors share is shown for each.
    assert_eq!(
        found("{\"message\":\"API rate limit exceeded\"}"),
        [("kong".to_string(), None), ("tencent".to_string(), None)]
    );
    // Google's error model: Google's INVALID_ARGUMENT, not JD Cloud's code of the same name.
    assert_eq!(
        found(
            r#"{"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest"}]}}"#
        ),
        [("google".to_string(), Some("INVALID_ARGUMENT".to_string()))]
    );
    // An S3 client's SignatureDoesNotMatch is AWS's wording, not Alibaba's code.
    let aws = found(
        "botocore.exceptions.ClientError: An error occurred (SignatureDoesNotMatch) when calling the GetObject operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
    );
    assert!(aws.iter().all(|(v, _)| v == "aws"), "{aws:?}");
    // An Alibaba template code without Alibaba named: a gRPC status is not `Invalid{param}`.
    assert_eq!(
        found(r#"{"code":"InvalidArgument","message":"bad field"}"#),
        Vec::<(String, Option<String>)>::new()
    );
}

/// JD Cloud's OpenAPI answers in Google's `error` object beside a `requestId` (its Error Return Format),
/// which Google's bodies do not have: that envelope names JD Cloud, so the gRPC-style code in it is JD
/// Cloud's row, not Google's, and not AWS's gateway response type of the same name.
#[test]
fn jd_clouds_envelope_names_jd_cloud() {
    let jdcloud = |code: &str| vec![("jdcloud".to_string(), Some(code.to_string()))];
    for (body, code) in [
        (
            r#"{"requestId":"c2x","error":{"status":"INTERNAL","code":500,"message":"temporary failure"}}"#,
            "INTERNAL",
        ),
        (
            "{\n  \"requestId\": \"c2y\",\n  \"result\": {\"ok\": false, \"items\": [{\"id\": 1}]},\n  \"error\": {\"code\": 429, \"message\": \"Out of quota\", \"status\": \"QUOTA_EXCEEDED\"}\n}",
            "QUOTA_EXCEEDED",
        ),
        (
            r#"{"error":{"code":400,"message":"bad dimensions","status":"INVALID_ARGUMENT"},"requestId":"c2z"}"#,
            "INVALID_ARGUMENT",
        ),
    ] {
        assert_eq!(found(body), jdcloud(code), "{body}");
    }
    // Without the request's id, the same body is Google's.
    assert_eq!(
        found(r#"{"error":{"status":"INTERNAL","code":500,"message":"temporary failure"}}"#)
            .iter()
            .map(|(v, _)| v.as_str())
            .collect::<Vec<_>>(),
        ["google"; 2]
    );
}
