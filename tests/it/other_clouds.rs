//! Other clouds' answers that use the catalogued vendors' names: Microsoft Azure's and Baidu AI Cloud's
//! `ResourceNotFound` (their headers mark them), and an AWS service's REST-JSON error body (Amazon S3
//! Glacier's, its `type` field) or the AWS SDK for Java's older summary naming another service, whose codes
//! API Gateway's rows share. The pastes are written for the tests, each showing one behaviour.

use crate::util::{json_lookup as lookup, rows};

/// A generic name in another cloud's response is no catalogued vendor's: Azure's (its `x-ms-` headers) and
/// Baidu AI Cloud's (its `X-Bce-` headers), whose bodies say `ResourceNotFound` as Tencent Cloud's do.
#[test]
fn another_clouds_headers_rule_out_a_generic_code() {
    let body = r#"{"error": {"code": "ResourceNotFound", "message": "The Resource 'Microsoft.Web/sites/app1' was not found."}}"#;
    // Alone, the code is Tencent Cloud's common one.
    let (json, _) = lookup(body);
    assert!(rows(&json).iter().any(|r| r.0 == "tencent"), "{json}");
    for headers in [
        "x-ms-failure-cause: gateway\nx-ms-request-id: 0f6c\n",
        "X-Bce-Request-Id: d8752367\nX-Bce-Error-Code: ResourceNotFound\n",
    ] {
        let paste = format!("HTTP/1.1 404 Not Found\n{headers}\n{body}\n");
        let (json, code) = lookup(&paste);
        assert_eq!(rows(&json), [], "{paste}");
        assert_eq!(code, 1, "{paste}");
    }
}

/// An AWS REST-JSON service's error body (`code`, `message`, `type`: Glacier's) is that service's, not API
/// Gateway's, printed as JSON or as a JavaScript client's object; as is an error the AWS SDK for Java's
/// older summary says another service answered (`AWS Service: AmazonGlacier`).
#[test]
fn another_aws_services_body_or_summary_is_not_api_gateways() {
    let aws = |paste: &str| {
        rows(&lookup(paste).0)
            .into_iter()
            .filter(|r| r.0 == "aws")
            .count()
    };
    // (The same code and message without the body's `type`: API Gateway's row.)
    assert!(
        aws(r#"{"message":"Access denied for account ID: 1234","code":"AccessDeniedException"}"#)
            > 0
    );
    for paste in [
        r#"Error: {"message":"Access denied for account ID: 1234","code":"AccessDeniedException","type":"Client"}"#,
        "Error : { StatusCode: 403,\n  Body:\n   { message: 'Access denied for account ID: 1234',\n     code: 'AccessDeniedException',\n     type: 'Client' } }",
        "Status Code: 403, AWS Service: AmazonGlacier, AWS Request ID: X, AWS Error Code: AccessDeniedException, AWS Error Message: Access denied for account ID: 1234",
    ] {
        assert_eq!(aws(paste), 0, "{paste}");
    }
    // API Gateway named beside such a body keeps its rows.
    assert!(
        aws(
            "POST https://a1.execute-api.us-east-1.amazonaws.com/prod\n{\"message\":\"Access denied for account ID: 1234\",\"code\":\"AccessDeniedException\",\"type\":\"Client\"}"
        ) > 0
    );
}
