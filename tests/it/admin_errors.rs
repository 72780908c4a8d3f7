//! Errors of a gateway's own configuration API, and other products' errors that look like a gateway's, as
//! pastes quote them: Kong's Admin API refusing an entity that breaks a unique key (decK prints its
//! bodies), an IAM denial naming another AWS service's action, Amazon S3's body with its `HostId`. The pastes
//! are written for the tests, each showing one behaviour.

use crate::util::{json_lookup as lookup, rows};

/// The (vendor, status, message) of each match.
fn claims(paste: &str) -> Vec<(String, u64, String)> {
    let (json, _) = lookup(paste);
    (json["matches"].as_array().expect("matches"))
        .iter()
        .map(|m| {
            (
                m["vendor"].as_str().expect("vendor").to_string(),
                m["status"].as_u64().expect("status"),
                m["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Kong's Admin API answers an entity whose unique field another has with 409; the row is found by the body's
/// message and named by the error's name.
#[test]
fn kongs_unique_violation_is_a_row() {
    let unique = r#"Error: while processing event: {Create} failed: 409 Conflict {"message":"UNIQUE violation detected on '{name=\"billing\"}'","name":"unique constraint violation","fields":{"name":"billing"},"code":5}"#;
    assert_eq!(
        claims(unique),
        [(
            "kong".to_string(),
            409,
            "unique constraint violation".to_string()
        )]
    );
    // The names alone are any database's words: no claim.
    for paste in [
        "ERROR: unique constraint violation on table users",
        "pq: foreign key violation",
    ] {
        assert_eq!(claims(paste), [], "{paste}");
    }
}

/// An IAM denial of another AWS service's action (`lambda:ListLayers`) is that service's answer, not API
/// Gateway's, whatever code it says; API Gateway's own actions (`apigateway:GET`, `execute-api:Invoke`) keep
/// the claim.
#[test]
fn an_iam_denial_of_another_services_action_is_not_api_gateways() {
    let body = |action: &str| {
        format!(
            r#"{{"Error": {{"Message": "User: arn:aws:sts::123456789012:assumed-role/Deployer/s is not authorized to perform: {action} on resource: * because no identity-based policy allows the {action} action", "Code": "AccessDeniedException"}}, "ResponseMetadata": {{"HTTPStatusCode": 403}}}}"#
        )
    };
    let (json, _) = lookup(&body("lambda:ListLayers"));
    assert_eq!(rows(&json), []);
    let (json, _) = lookup(&body("apigateway:GET"));
    assert!(
        rows(&json).iter().any(|r| r.0 == "aws"),
        "{:?}",
        rows(&json)
    );
}

/// An error body's `HostId` that names no host is Amazon S3's (its extended request ID, base64): its code is
/// referred to no cloud's product codes; Alibaba Cloud's bodies name the API's host there, and are.
#[test]
fn a_host_id_that_names_no_host_is_amazon_s3s() {
    let s3 = r#"{"status_code": 403, "data": {"ResponseMetadata": {"HTTPStatusCode": 403, "HostId": "2Vx6n3irRvPH5hlUKRmwPYUGXyArDiGL1HgQpswlMw/fnbOpwpqH+raJr+/hZvYeNunXm208054=", "RequestId": "9546790AD5B79CBA"}, "Error": {"Message": "Access Denied", "Code": "AccessDenied"}}}"#;
    assert_eq!(crate::util::referrals_of(s3), (vec![], 1));
    let (json, _) = lookup(s3);
    assert_eq!(rows(&json), []);
    let alibaba = s3.replace(
        "2Vx6n3irRvPH5hlUKRmwPYUGXyArDiGL1HgQpswlMw/fnbOpwpqH+raJr+/hZvYeNunXm208054=",
        "ecs.aliyuncs.com",
    );
    assert_eq!(
        crate::util::referrals_of(&alibaba).0,
        ["alibaba AccessDenied {code}"]
    );
}
