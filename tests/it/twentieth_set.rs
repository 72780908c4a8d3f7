//! Rules from the twentieth collection's pastes: another AWS service's resource named by its ARN. The pastes
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
