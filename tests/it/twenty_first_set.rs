//! Rules from the twenty-first collection's pastes, after it was measured as held out: a code standing as a
//! JSON object's key names a field, and a cloud's own name is none of its codes. The pastes are written for
//! the tests, each showing one behaviour.

use crate::util::{json_lookup as lookup, rows};

/// OpenStack's faults put their name as the body's key (`{"badRequest": {"message": ..., "code": 400}}`):
/// Google's `badRequest` reason was claimed there; the Go client's line that states the reason still names it.
#[test]
fn a_code_standing_as_a_json_key_is_no_code() {
    let nova = r#"got 400 instead with the following body: {"badRequest": {"message": "Multiple possible networks found, use a Network ID to be more specific.", "code": 400}}"#;
    let (json, _) = lookup(nova);
    assert_eq!(rows(&json), [], "{json}");
    let google = "googleapi: Error 400: The request has errors, badRequest";
    let (json, code) = lookup(google);
    assert_eq!(code, 0);
    assert_eq!(
        rows(&json),
        [("google".to_string(), Some("badRequest".to_string()), 400)],
        "{json}"
    );
}

/// `Error: TencentCloud API error: {...}` reads `TencentCloud` as the field `Error`'s code, which Tencent's
/// catch-all referral took for a product's code "not in the tables", shown first; the vendor's name is no code.
#[test]
fn a_clouds_own_name_is_none_of_its_codes() {
    let paste = r#"Error: TencentCloud API error: { "Response": { "Error": { "Code": "UnauthorizedOperation", "Message": "[request id:35ca3982]you are not authorized to perform operation (sts:AssumeRole)" }, "RequestId": "95c765b0" } }"#;
    let (json, code) = lookup(paste);
    assert_eq!(code, 0);
    assert_eq!(
        json["matches"][0]["code"], "UnauthorizedOperation",
        "{json}"
    );
    let referrals = json["referrals"].as_array().unwrap();
    assert!(
        referrals.iter().all(|r| r["code"] != "TencentCloud"),
        "{json}"
    );
}
