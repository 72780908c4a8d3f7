//! The marks of other products, read from made-up pastes.

use super::*;

/// The marks of AWS's other services in `text`, API Gateway told by the built-in catalogs' product marks.
fn marks(text: &str) -> Vec<&'static str> {
    let catalogs = crate::catalog::Catalogs::builtin();
    let hints = crate::paste::Hints::of(catalogs.catalogs.iter());
    let lower = text.to_ascii_lowercase();
    (other_products(text, &lower, &hints.products_named(&lower)).iter())
        .filter(|f| f.value.vendor_id == Some("aws"))
        .map(|f| f.value.what)
        .collect()
}

#[test]
fn another_aws_service_is_named_by_host_scope_or_body() {
    assert_eq!(
        marks("curl https://search-log-5o7.us-east-1.es.amazonaws.com/_cat"),
        ["host of another AWS service"]
    );
    assert_eq!(
        marks("Credential=AKIA/20181128/eu-central-1/cloud9/aws4_request"),
        ["SigV4 scope of another AWS service"]
    );
    assert_eq!(
        marks(r#"{"__type":"IncompleteSignatureException","message":"x"}"#),
        ["error body of an AWS JSON-protocol service (`__type`)"]
    );
    assert_eq!(
        marks("GET https://svc-0b1.7d67968.vpc-lattice-svcs.us-west-2.on.aws/goodbye"),
        ["host of another AWS service"]
    );
}

#[test]
fn an_sdk_call_to_another_services_operation_marks_that_service() {
    for text in [
        "An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: x",
        "A client error (SignatureDoesNotMatch) occurred when calling the AssumeRole operation: x",
        "ERROR: An error occurred (UnrecognizedClientException) when calling the DescribeTrails operation",
    ] {
        assert_eq!(
            marks(text),
            ["AWS SDK call to another AWS service's operation"],
            "{text}"
        );
    }
    for text in [
        "An error occurred (NotFoundException) when calling the GetMethod operation: Invalid Method identifier specified",
        "An error occurred (TooManyRequestsException) when calling the CreateUsagePlanKey operation",
        "An error occurred (GoneException) when calling the PostToConnection operation",
        "it failed when calling the service",
    ] {
        assert!(marks(text).is_empty(), "{text}");
    }
}

#[test]
fn a_vendors_object_store_marks_that_vendor_too() {
    let vendors = |text: &str| -> Vec<Option<&'static str>> {
        (other_products(text, &text.to_ascii_lowercase(), &[]).iter())
            .map(|f| f.value.vendor_id)
            .collect()
    };
    assert_eq!(
        vendors("oss: service returned error: StatusCode=403, ErrorCode=AccessDenied"),
        [None, Some("alibaba")]
    );
    assert_eq!(
        vendors("<Error><Code>AccessDenied</Code><TraceId>x</TraceId></Error>"),
        [None, Some("tencent")]
    );
    assert_eq!(
        vendors("<Error><StringToSignBytes>50</StringToSignBytes></Error>"),
        [None]
    );
}

#[test]
fn an_iam_denial_names_the_service_it_denies() {
    let denial = |action: &str| {
        format!(
            "User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: {action} on resource: *"
        )
    };
    assert_eq!(
        marks(&denial("lambda:ListLayers")),
        ["IAM denial of another AWS service's action"]
    );
    for action in ["apigateway:GET", "execute-api:Invoke", "iam:PassRole"] {
        assert!(marks(&denial(action)).is_empty(), "{action}");
    }
}

#[test]
fn an_sdk_debug_log_names_its_service() {
    assert_eq!(
        marks(
            "[aws-sdk-go] DEBUG: Response elastictranscoder/CreatePipeline Details:\nX-Amzn-Errortype: LimitExceededException:"
        ),
        ["AWS SDK debug log of another AWS service's call"]
    );
    assert!(marks("DEBUG: Response apigateway/GetRestApis Details:").is_empty());
    assert!(marks("DEBUG: Response received, see Details below").is_empty());
}

#[test]
fn api_gateway_named_anywhere_is_api_gateway() {
    for text in [
        "https://abc123.execute-api.us-east-1.amazonaws.com/prod",
        "20181128/us-east-1/execute-api/aws4_request",
        "x-amz-apigw-id: abc= with a lambda.us-east-1.amazonaws.com call",
        "https://apigateway.us-east-1.amazonaws.com/restapis",
    ] {
        assert!(marks(text).is_empty(), "{text}");
    }
    // A region alone before the domain names no service.
    assert!(marks("https://us-east-1.amazonaws.com/").is_empty());
    // (The integration an execution log says API Gateway calls is no other service answering.)
    assert!(marks("Sending request to https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/f/invocations").is_empty());
    assert!(is_region("us-gov-west-1") && is_region("cn-north-1"));
    assert!(!is_region("es") && !is_region("vpc-lattice-svcs"));
}

#[test]
fn an_arn_of_a_service_api_gateway_does_not_use_marks_that_service() {
    assert_eq!(
        marks(
            "\"Message\": \"Key 'arn:<partition>:kms:<region>:111111111111:key/<key-id:1>' does not exist\""
        ),
        ["ARN of a resource of an AWS service API Gateway does not use"]
    );
    assert_eq!(
        marks("Secrets Manager can't find arn:aws-cn:secretsmanager:cn-north-1:1:secret:x"),
        ["ARN of a resource of an AWS service API Gateway does not use"]
    );
    // API Gateway's neighbours (a Lambda integration, a role, a certificate) and words ending in `arn:`.
    for text in [
        "Invalid function ARN: arn:aws:lambda:us-east-1:1:function:f",
        "User: arn:aws:iam::1:user/u is not authorized",
        "arn:aws:acm:us-east-1:1:certificate/abc",
        "WARN: yarn: arn",
    ] {
        assert!(marks(text).is_empty(), "{text}");
    }
}
