//! Marks of products no catalog covers whose errors reuse the front doors' codes and messages: object
//! storage (S3, OSS, COS, OBS) answers `SignatureDoesNotMatch`, `InvalidAccessKeyId` and the like in its own
//! XML, as Alibaba Cloud's MaxCompute (ODPS) does `InvalidAuthorization`; AWS's services other than API
//! Gateway answer SigV4's messages (`The security token included in the request is invalid.`) word for word
//! as API Gateway does; AWS's query-protocol error bodies, which other clouds copy, carry codes the front
//! doors share (`InvalidParameterValue`, `NoSuchVersion`); other clouds' front doors (Azure's, Baidu AI
//! Cloud's), whose bodies say the generic names (`ResourceNotFound`); a response an application server
//! made (`Server: uvicorn`), whatever gateway's words its body says; and another company's gateway built on
//! the hmac-auth plugin Kong's and Tencent Cloud's share (iFlytek's), which says their messages.

use super::words::Words;
use super::{Found, Reading};
use crate::catalog::Vendor;

/// A product the paste comes from that errcode has no catalog of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherProduct {
    /// What marked it, for people.
    pub what: &'static str,
    /// The vendor whose rows it rules out, where it is another product of a vendor errcode knows (`aws`: a
    /// service other than API Gateway); `None`: it rules out rows found by their code alone, of any vendor.
    pub vendor_id: Option<&'static str>,
    /// Whether it rules out every vendor's rows, whatever matched: the response says it was answered by an
    /// application server (`Server: uvicorn`), not by a gateway, or by another company's gateway built on a
    /// catalogued one's plugins (iFlytek's open platform: Kong's hmac-auth messages with their reasons).
    pub answered: bool,
}

/// The marks of other products in a paste: the first of object storage's, of AWS's other services, and of
/// an application server that answered; none of a vendor one of whose catalogued products the paste names
/// (`products_named`, from the catalogs' `product_marks`: a paste naming API Gateway is API Gateway's,
/// whatever other service it names, a Lambda behind an API, say).
pub(super) fn other_products(
    text: &str,
    lower: &str,
    products_named: &[(Vendor, String)],
) -> Vec<Found<OtherProduct>> {
    let mut found = Vec::new();
    let marks = OBJECT_STORAGE_WORDS.one_after_another(text, Reading::Paste);
    let mark = |m: &aho_corasick::Match, vendor_id: Option<&'static str>| {
        let what = OBJECT_STORAGE[m.pattern().as_usize()].1;
        Found {
            value: OtherProduct {
                what,
                vendor_id,
                answered: false,
            },
            span: m.range(),
            source: what.to_string(),
        }
    };
    if let Some(m) = marks.first() {
        found.push(mark(m, None));
    }
    // The store of a vendor errcode knows is another product of that vendor, as an AWS service other than
    // API Gateway is AWS's: its rows are not this paste's error, even where the store says their message
    // (OSS's `MissingSecurityToken`, `SecurityToken is mandatory for this action.`, is the OpenAPI's too).
    if let Some((m, vendor)) = marks
        .iter()
        .find_map(|m| OBJECT_STORAGE[m.pattern().as_usize()].2.map(|v| (m, v)))
    {
        found.push(mark(m, Some(vendor)));
    }
    if found.is_empty()
        && let Some(host) = store_host(lower)
    {
        // (As an object store's field does: it rules out any vendor's rows found by their code alone, and
        // its own vendor's front door's.)
        let mut any = host.clone();
        any.value.vendor_id = None;
        found.extend([any, host]);
    }
    found.extend(other_aws_service(text, lower));
    found.extend(answering_server(text, lower));
    found.extend(other_companys_gateway(text, lower));
    found.retain(|p| {
        (p.value.vendor_id).is_none_or(|id| !products_named.iter().any(|(v, _)| v.id() == id))
    });
    found
}

/// The host an error body names (`<HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>`, or its JSON and
/// JavaScript forms) when it is an object store's: Alibaba Cloud OSS's (`oss-` after the bucket) or Huawei
/// Cloud OBS's (`obs.`). Only the body's own field: a store's address elsewhere in a paste may be a parameter
/// of another product's call (an image's URL given to an AI API).
fn store_host(lower: &str) -> Option<Found<OtherProduct>> {
    lower.match_indices("hostid").find_map(|(at, tag)| {
        // `<HostId>host<`, `"HostId": "host"`, `hostId: 'host'` (a JavaScript SDK's error object).
        let after = &lower[at + tag.len()..];
        let value = after.trim_start_matches(['>', '"', '\'', ':', ' ', '\\']);
        let start = lower.len() - value.len();
        let end = value.find(['<', '"', '\'', ',', ' ', '\\', '\n'])?;
        let host = &value[..end];
        let (what, vendor) = if host.starts_with("oss-") || host.contains(".oss-") {
            (
                "Alibaba Cloud OSS endpoint (the error body's HostId)",
                "alibaba",
            )
        } else if host.starts_with("obs.") || host.contains(".obs.") {
            (
                "Huawei Cloud OBS endpoint (the error body's HostId)",
                "huawei",
            )
        } else if is_s3_host_id(host) {
            (
                "Amazon S3's extended request ID (the error body's HostId)",
                "aws",
            )
        } else {
            return None;
        };
        Some(Found {
            value: OtherProduct {
                what,
                vendor_id: Some(vendor),
                answered: false,
            },
            span: start..start + host.len(),
            source: what.to_string(),
        })
    })
}

/// Whether a `HostId` value is Amazon S3's (its `x-amz-id-2`, base64: `2Vx6n3irRvPH5hlUKRmwPYUGX...=`), which
/// names no host; Alibaba Cloud's bodies name the API's host there (`ecs.aliyuncs.com`). Read lowered.
fn is_s3_host_id(value: &str) -> bool {
    value.len() >= 40
        && (value.bytes()).all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// Application servers that name themselves in a response's `Server` header: a response with one was made
/// by the service behind a gateway (or a local stand-in for one: chalice's `BaseHTTP`), not by a gateway,
/// whose own answers name the gateway (`Server: kong/3.4.0`, `Server: APISIX`) or no server. (Not the web
/// servers gateways are built on: nginx, OpenResty, Tengine, Envoy.)
const APPLICATION_SERVERS: [&str; 10] = [
    "uvicorn",
    "gunicorn",
    "hypercorn",
    "daphne",
    "waitress",
    "werkzeug",
    "basehttp",
    "kestrel",
    "jetty",
    "apache-coyote",
];

/// A response header naming the application server that answered (`< server: uvicorn`, `Server:
/// BaseHTTP/0.6 Python/3.6.4`): a header line of its own (after a blank, or curl's `<`), in any case.
fn answering_server(text: &str, lower: &str) -> Option<Found<OtherProduct>> {
    lower.match_indices("server:").find_map(|(at, name)| {
        let line_start = lower[..at].rfind('\n').map_or(0, |i| i + 1);
        let header = lower[line_start..at]
            .chars()
            .all(|c| c == ' ' || c == '\t' || c == '<');
        let value = lower[at + name.len()..].trim_start_matches([' ', '\t']);
        let server = APPLICATION_SERVERS.iter().find(|s| {
            value.starts_with(**s)
                && !(value.as_bytes().get(s.len())).is_some_and(|b| b.is_ascii_alphanumeric())
        })?;
        let start = lower.len() - value.len();
        header.then(|| Found {
            value: OtherProduct {
                what: "Server header of an application server",
                vendor_id: None,
                answered: true,
            },
            source: text[line_start..start + server.len()].to_string(),
            span: line_start..start + server.len(),
        })
    })
}

/// The hosts of iFlytek's open platform (`spark-api.xf-yun.com`, `iat-api.xfyun.cn`), whose gateway answers
/// with Kong's hmac-auth messages (`HMAC signature does not match`) though it is neither Kong's product nor
/// Tencent Cloud's.
const IFLYTEK_HOSTS: [&str; 2] = [".xf-yun.com", ".xfyun.cn"];

/// Another company's gateway built on the hmac-auth plugin Kong's and Tencent Cloud's gateways share: its
/// API's host (iFlytek's), or the plugin's message with the reason after a colon (`HMAC signature cannot be
/// verified: fail to retrieve credential`, `...:enforced header 'host' not used for signature creation`,
/// as iFlytek's gateway and its documents say it). Kong answers the message alone and only logs the reason
/// (`kong/plugins/hmac-auth/access.lua`: `SIGNATURE_NOT_VALID`, the reasons passed to `kong.log.debug`), and
/// Tencent Cloud's gateway words its reasons after a comma (`..., a valid x-date header is required`), as
/// Kong's clock-skew message does.
fn other_companys_gateway(text: &str, lower: &str) -> Option<Found<OtherProduct>> {
    let answered = |what: &'static str, span: std::ops::Range<usize>| Found {
        value: OtherProduct {
            what,
            vendor_id: None,
            answered: true,
        },
        source: text[span.clone()].to_string(),
        span,
    };
    const MESSAGE: &str = "hmac signature cannot be verified";
    let reasoned = lower.match_indices(MESSAGE).find_map(|(at, _)| {
        let after = &lower[at + MESSAGE.len()..];
        let reason = after
            .trim_start_matches(' ')
            .strip_prefix([':', '：'])?
            .trim_start();
        reason
            .starts_with(|c: char| c.is_ascii_alphabetic())
            .then(|| at..lower.len() - reason.len())
    });
    if let Some(span) = reasoned {
        return Some(answered(
            "hmac-auth message with its reason after a colon (another company's gateway: iFlytek's)",
            span,
        ));
    }
    IFLYTEK_HOSTS.iter().find_map(|host| {
        let at = lower.find(host)?;
        let start = lower[..at]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
            .map_or(0, |i| i + 1);
        Some(answered(
            "host of iFlytek's open platform",
            start..at + host.len(),
        ))
    })
}

/// Text that marks an object-storage error (S3 and the stores that copy its API: Alibaba OSS, Tencent COS,
/// Huawei OBS): the fields of their XML error bodies and their headers, which no API front door's error
/// has. `(text, what, vendor)`, matched in any case; `vendor`: the vendor whose product the mark names (OSS is
/// Alibaba Cloud's, COS Tencent Cloud's, OBS Huawei Cloud's), whose front door's rows it rules out too.
const OBJECT_STORAGE: &[(&str, &str, Option<&str>)] = &[
    (
        "<SignatureProvided>",
        "object-storage error body field",
        None,
    ),
    (
        "'SignatureProvided'",
        "object-storage error body field",
        None,
    ),
    (
        "\"SignatureProvided\"",
        "object-storage error body field",
        None,
    ),
    ("StringToSignBytes", "object-storage error body field", None),
    ("<AWSAccessKeyId>", "object-storage error body field", None),
    (
        "<OSSAccessKeyId>",
        "Alibaba Cloud OSS error body field",
        Some("alibaba"),
    ),
    (
        "'OSSAccessKeyId'",
        "Alibaba Cloud OSS error body field",
        Some("alibaba"),
    ),
    ("<BucketName>", "object-storage error body field", None),
    (
        "<TraceId>",
        "Tencent Cloud COS error body field",
        Some("tencent"),
    ),
    (
        "<FormatString>",
        "Tencent Cloud COS error body field",
        Some("tencent"),
    ),
    (
        "FormatString=",
        "Tencent Cloud COS error body field (SDK dump)",
        Some("tencent"),
    ),
    // S3's message for SignatureDoesNotMatch, which OSS and OBS copy (API Gateway's names the AWS Secret
    // Access Key instead).
    (
        "Check your key and signing method",
        "object-storage error message (S3 wording)",
        None,
    ),
    // S3's and OSS's messages for InvalidAccessKeyId ("The AWS/OSS Access Key Id you provided does not
    // exist in our records.", "... is disabled."); Alibaba's OpenAPI says "Specified access key ...".
    (
        "Access Key Id you provided",
        "object-storage error message (S3 wording)",
        None,
    ),
    (
        "x-oss-request-id",
        "Alibaba Cloud OSS header",
        Some("alibaba"),
    ),
    (
        "<EC>",
        "Alibaba Cloud OSS error body field",
        Some("alibaba"),
    ),
    (
        "alibabacloud_oss_v2",
        "Alibaba Cloud OSS SDK (Python v2)",
        Some("alibaba"),
    ),
    (
        "alibabacloud-oss-",
        "Alibaba Cloud OSS SDK (Go, Java, .NET v2)",
        Some("alibaba"),
    ),
    (
        "AliyunOSS",
        "Alibaba Cloud OSS server header",
        Some("alibaba"),
    ),
    (
        "oss2.exceptions",
        "Alibaba Cloud OSS SDK (Python oss2)",
        Some("alibaba"),
    ),
    // The aliyungo Go SDK's OSS client (`github.com/denverdino/aliyungo/oss`), whose errors print as its
    // cloud API client's do (`Aliyun API Error: RequestId: ...`).
    (
        "aliyungo/oss",
        "Alibaba Cloud OSS client of the aliyungo Go SDK",
        Some("alibaba"),
    ),
    // The Go SDK's (aliyun-oss-go-sdk) `ServiceError.Error()`: `oss: service returned error: StatusCode=403,
    // ErrorCode=..., ErrorMessage=..., RequestId=...`.
    (
        "oss: service returned error",
        "Alibaba Cloud OSS SDK (Go, ServiceError)",
        Some("alibaba"),
    ),
    (
        "x-cos-request-id",
        "Tencent Cloud COS header",
        Some("tencent"),
    ),
    (
        "x-obs-request-id",
        "Huawei Cloud OBS header",
        Some("huawei"),
    ),
    // Alibaba Cloud's MaxCompute (ODPS) answers in the object stores' XML, its messages led by its own
    // codes (`ODPS-0410042:Invalid signature value`); DataHub's Python SDK relays such bodies.
    (
        "ODPS-0",
        "Alibaba Cloud MaxCompute (ODPS) error code",
        Some("alibaba"),
    ),
    (
        "datahub.exceptions",
        "Alibaba Cloud DataHub SDK (Python)",
        Some("alibaba"),
    ),
    // Other clouds' API front doors, whose error bodies use the generic names the catalogued vendors'
    // do (`ResourceNotFound`): Microsoft Azure's (Resource Manager's `x-ms-failure-cause`, and the request
    // ids every Azure service's response carries) and Baidu AI Cloud's (BCE's `X-Bce-` headers, its
    // documented error response: `X-Bce-Error-Code`, `X-Bce-Request-Id`).
    ("x-ms-failure-cause", "Microsoft Azure header", None),
    ("x-ms-request-id", "Microsoft Azure header", None),
    (
        "x-ms-correlation-request-id",
        "Microsoft Azure header",
        None,
    ),
    ("x-bce-request-id", "Baidu AI Cloud header", None),
    ("x-bce-error-code", "Baidu AI Cloud header", None),
    ("x-amz-request-id", "Amazon S3 header", None),
    ("x-amz-id-2", "Amazon S3 header", None),
    ("s3.amazonaws.com", "Amazon S3 host", None),
    ("/s3/aws4_request", "S3 signature scope", None),
    // AWS's query-protocol error bodies (EC2's `<Response><Errors><Error>`, and the error `Type` of the
    // others: `Sender` or `Receiver`), which other clouds copy (Kingsoft Cloud's JSON says `"Type":
    // "Sender"`): no front door of the catalogs answers in them, so a shared code inside
    // (`InvalidParameterValue`, `NoSuchVersion`) is theirs.
    (
        "<Errors>",
        "AWS query-protocol error body (<Response><Errors>)",
        None,
    ),
    (
        "<Type>Sender</Type>",
        "AWS query-protocol error body (Type)",
        None,
    ),
    (
        "<Type>Receiver</Type>",
        "AWS query-protocol error body (Type)",
        None,
    ),
    (
        "\"Type\": \"Sender\"",
        "AWS query-protocol error body (Type)",
        None,
    ),
    (
        "\"Type\":\"Sender\"",
        "AWS query-protocol error body (Type)",
        None,
    ),
    (
        "\"Type\": \"Receiver\"",
        "AWS query-protocol error body (Type)",
        None,
    ),
    (
        "\"Type\":\"Receiver\"",
        "AWS query-protocol error body (Type)",
        None,
    ),
];

static OBJECT_STORAGE_WORDS: Words = Words::new(
    || OBJECT_STORAGE.iter().map(|(text, ..)| *text).collect(),
    true,
);

/// A service of AWS other than API Gateway that the paste names: in a host
/// (`dynamodb.us-east-1.amazonaws.com`, `search-x.us-east-1.es.amazonaws.com`,
/// `x.vpc-lattice-svcs.us-west-2.on.aws`: the label nearest the domain that is not a region), in a SigV4
/// credential scope (`20181128/eu-central-1/cloud9/aws4_request`), an IAM denial of its action
/// (`not authorized to perform: lambda:ListLayers`), an ARN of a resource of a service API Gateway has no use
/// for (`arn:aws:kms:...:key/...`), or a JSON-protocol service's error body
/// (`"__type"`, which API Gateway's bodies never have). A host API Gateway's execution log says it calls
/// (`Sending request to https://lambda.us-east-1.amazonaws.com/...`, the Knowledge Center's example) is
/// the integration behind the API, not another service answering.
fn other_aws_service(text: &str, lower: &str) -> Option<Found<OtherProduct>> {
    let service = |what: &'static str, span: std::ops::Range<usize>| Found {
        value: OtherProduct {
            what,
            vendor_id: Some("aws"),
            answered: false,
        },
        source: text[span.clone()].to_string(),
        span,
    };
    for domain in [".amazonaws.com", ".on.aws"] {
        for (at, _) in lower.match_indices(domain) {
            let host_start = lower[..at]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                .map_or(0, |i| i + 1);
            let named = lower[host_start..at]
                .rsplit('.')
                .find(|label| !label.is_empty() && !is_region(label));
            let called = lower[..host_start].ends_with("sending request to https://");
            if !called && named.is_some_and(|service| !is_api_gateway(service)) {
                return Some(service(
                    "host of another AWS service",
                    host_start..at + domain.len(),
                ));
            }
        }
    }
    if let Some(span) = java_sdk_service(text) {
        return Some(service(
            "AWS SDK for Java's summary of another AWS service's error",
            span,
        ));
    }
    if let Some(span) = other_services_operation(text) {
        return Some(service(
            "AWS SDK call to another AWS service's operation",
            span,
        ));
    }
    if let Some(span) = sdk_debug_operation(text) {
        return Some(service(
            "AWS SDK debug log of another AWS service's call",
            span,
        ));
    }
    if let Some(at) = lower.find("/aws4_request") {
        let start = lower[..at].rfind('/').map_or(0, |i| i + 1);
        if start < at && !is_api_gateway(&lower[start..at]) {
            return Some(service("SigV4 scope of another AWS service", start..at));
        }
    }
    if let Some(span) = denied_action_service(lower) {
        return Some(service("IAM denial of another AWS service's action", span));
    }
    if let Some(span) = unrelated_services_arn(lower) {
        return Some(service(
            "ARN of a resource of an AWS service API Gateway does not use",
            span,
        ));
    }
    if let Some(span) = rest_json_error_type(lower) {
        return Some(service(
            "error body of an AWS REST-JSON service (`type`: Client or Server)",
            span,
        ));
    }
    let at = text.find("__type")?;
    Some(service(
        "error body of an AWS JSON-protocol service (`__type`)",
        at..at + "__type".len(),
    ))
}

/// The service the AWS SDK for Java names in its error summary (`(Service: AmazonDynamoDBv2; Status Code: 400;
/// Error Code: LimitExceededException; ...)`, `(Service: AWSLambda; ...)`; version 2's `(Service: Lambda,
/// Status Code: 403, ...)`), where it is an AWS service's client other than API Gateway's
/// (`AmazonApiGateway`, `ApiGateway`). A client API Gateway generated for an API of one's own, named after
/// that API, is told apart by the first version's names (an AWS client's begin with `Amazon` or `AWS`); the
/// second version's layout is the AWS SDK's own, which API Gateway's generated clients do not use.
fn java_sdk_service(text: &str) -> Option<std::ops::Range<usize>> {
    const MARKER: &str = "(Service: ";
    // (The first version's older summary: `Status Code: 403, AWS Service: AmazonGlacier, AWS Request ID:`.)
    const OLD_MARKER: &str = "AWS Service: ";
    let mut starts = (text.match_indices(MARKER).map(|(at, _)| at + MARKER.len())).chain(
        text.match_indices(OLD_MARKER)
            .map(|(at, _)| at + OLD_MARKER.len()),
    );
    starts.find_map(|start| {
        // (A name is short: the search for its end is bounded, so many markers cost no more than the text.)
        let end = start
            + (text[start..].char_indices().take(49))
                .find(|&(_, c)| matches!(c, ';' | ',' | ')'))?
                .0;
        let name = &text[start..end];
        let bare: String = (name.chars())
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        // (Not `is_api_gateway`, which reads SigV4's service names: the SDK's are the clients' class names,
        // `AmazonApiGateway`, `AmazonApiGatewayV2`, `ApiGatewayV2`.)
        let aws_client = name.starts_with("Amazon")
            || name.starts_with("AWS")
            || text[end..].starts_with(", Status Code: ");
        (aws_client && !bare.contains("apigateway")).then_some(start..end)
    })
}

/// The `type` field of an AWS REST-JSON service's error body (Amazon S3 Glacier's `{"code":
/// "AccessDeniedException", "message": "...", "type": "Client"}`, also as a JavaScript client prints it,
/// `type: 'Client'`), beside the body's `code`: API Gateway's bodies have neither. Its range.
fn rest_json_error_type(lower: &str) -> Option<std::ops::Range<usize>> {
    const FORMS: [&str; 6] = [
        "\"type\":\"client\"",
        "\"type\": \"client\"",
        "type: 'client'",
        "\"type\":\"server\"",
        "\"type\": \"server\"",
        "type: 'server'",
    ];
    FORMS.iter().find_map(|form| {
        let at = lower.find(form)?;
        // (The body's `code` near it: a few hundred bytes either side, on a character's boundary.)
        let near = |i: usize| (i..=lower.len()).find(|&i| lower.is_char_boundary(i));
        let from = near(at.saturating_sub(400))?;
        let to = near((at + form.len() + 400).min(lower.len()))?;
        let body = &lower[from..to];
        let coded = body.contains("\"code\"") || body.contains("code:") || body.contains("'code'");
        coded.then_some(at..at + form.len())
    })
}

/// The service of the action an IAM denial names (`User: arn:... is not authorized to perform:
/// lambda:ListLayers on resource: ...`), where it is not API Gateway's (`apigateway:GET`,
/// `execute-api:Invoke`): the service that was called and answered. (`iam:PassRole` is checked by the service
/// a role is handed to, API Gateway among them: it names no other service.) Its range.
fn denied_action_service(lower: &str) -> Option<std::ops::Range<usize>> {
    const LEAD: &str = "not authorized to perform: ";
    lower.match_indices(LEAD).find_map(|(at, _)| {
        let start = at + LEAD.len();
        let rest = &lower[start..];
        // (A service's name is short: the search for its end is bounded.)
        let end = rest.bytes().take(41).position(|b| b == b':')?;
        let service = &rest[..end];
        let action = rest[end + 1..]
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()?;
        let named = !service.is_empty()
            && service
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !action.is_empty()
            && !is_api_gateway(service)
            && (service, action) != ("iam", "passrole");
        named.then_some(start..start + end)
    })
}

/// The AWS services whose resources API Gateway's own errors, logs and settings name by their ARNs: its own
/// (`arn:aws:apigateway:`, `arn:aws:execute-api:`), an integration's or authorizer's backend (Lambda, Step
/// Functions, SQS, SNS, Kinesis, Firehose, DynamoDB, S3, EventBridge, Cloud Map, a VPC link's load balancer),
/// the roles and users that call it or that it assumes (IAM, STS), a custom domain's certificate (ACM), a
/// Cognito user pool, a web ACL (WAF), an access log's destination (CloudWatch Logs) and a private API's VPC
/// endpoint (EC2).
const API_GATEWAY_NEIGHBOURS: &[&str] = &[
    "apigateway",
    "execute-api",
    "lambda",
    "states",
    "sqs",
    "sns",
    "kinesis",
    "firehose",
    "dynamodb",
    "s3",
    "events",
    "servicediscovery",
    "elasticloadbalancing",
    "iam",
    "sts",
    "acm",
    "cognito-idp",
    "waf",
    "wafv2",
    "waf-regional",
    "logs",
    "ec2",
];

/// The service of an ARN a paste names (`arn:aws:kms:us-east-1:111111111111:key/...`, and LocalStack's
/// recordings, `arn:<partition>:kms:<region>:...`) where it is none of API Gateway's neighbours: a KMS key, a
/// secret, a database, whose service answered (`Key '<arn>' does not exist`, KMS's `NotFoundException`). Its
/// range.
fn unrelated_services_arn(lower: &str) -> Option<std::ops::Range<usize>> {
    lower.match_indices("arn:").find_map(|(at, _)| {
        // (Not a word's end: `warn:`, `yarn:`.)
        let word = lower[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        let rest = &lower[at + 4..];
        // (A partition and a service are short: the search for their ends is bounded.)
        let partition_end = rest.bytes().take(25).position(|b| b == b':')?;
        let partition = &rest[..partition_end];
        let partition_named = (partition == "<partition>" || partition.starts_with("aws"))
            && !partition.bytes().any(|b| b.is_ascii_whitespace());
        let service_at = partition_end + 1;
        let service_end = service_at
            + rest[service_at..]
                .bytes()
                .take(31)
                .position(|b| b == b':')?;
        let service = &rest[service_at..service_end];
        let named = !word
            && partition_named
            && !service.is_empty()
            && (service.bytes()).all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !API_GATEWAY_NEIGHBOURS.contains(&service);
        let start = at + 4 + service_at;
        named.then_some(start..start + service.len())
    })
}

/// The nouns of API Gateway's operations (REST, HTTP and WebSocket APIs' management and their
/// `ApiGatewayManagementApi`): `GetRestApis`, `CreateDeployment`, `TestInvokeMethod`, `CreateUsagePlanKey`,
/// `PostToConnection`. An operation naming none is another service's (`AssumeRole`, `DescribeTrails`,
/// `PutObject`); one naming one may be API Gateway's, and is left alone.
const API_GATEWAY_NOUNS: &[&str] = &[
    "Api",
    "Deployment",
    "Stage",
    "Method",
    "Integration",
    "Resource",
    "Authorizer",
    "UsagePlan",
    "DomainName",
    "BasePathMapping",
    "VpcLink",
    "Model",
    "GatewayResponse",
    "Documentation",
    "ClientCertificate",
    "RequestValidator",
    "Route",
    "Connection",
    "Export",
    "Import",
    "Sdk",
    "Account",
    "Tag",
];

/// The operation an AWS SDK's error line names (`An error occurred (Code) when calling the AssumeRole
/// operation`, botocore and the AWS CLI), where it is none of API Gateway's: its range.
fn other_services_operation(text: &str) -> Option<std::ops::Range<usize>> {
    const LEAD: &str = ") when calling the ";
    const OLD_LEAD: &str = ") occurred when calling the ";
    text.match_indices(LEAD)
        .map(|(at, _)| at + LEAD.len())
        .chain(
            text.match_indices(OLD_LEAD)
                .map(|(at, _)| at + OLD_LEAD.len()),
        )
        .find_map(|start| {
            let rest = &text[start..];
            let end = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            let operation = &rest[..end];
            let named = rest[end..].starts_with(" operation")
                && operation.starts_with(|c: char| c.is_ascii_uppercase());
            (named
                && !API_GATEWAY_NOUNS
                    .iter()
                    .any(|noun| operation.contains(noun)))
            .then_some(start..start + end)
        })
}

/// The service of a call that an AWS SDK's debug log names (aws-sdk-go: `DEBUG: Response
/// elastictranscoder/CreatePipeline Details:`), where the paste names API Gateway nowhere (its service,
/// `apigateway`, would): its range.
fn sdk_debug_operation(text: &str) -> Option<std::ops::Range<usize>> {
    ["DEBUG: Request ", "DEBUG: Response "]
        .iter()
        .flat_map(|lead| text.match_indices(lead).map(|(at, _)| at + lead.len()))
        .find_map(|start| {
            let rest = &text[start..];
            let end = rest.find(char::is_whitespace)?;
            let (service, operation) = rest[..end].split_once('/')?;
            let named = rest[end..].starts_with(" Details")
                && !service.is_empty()
                && service
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && operation.starts_with(|c: char| c.is_ascii_uppercase())
                && !is_api_gateway(&service.to_ascii_lowercase());
            named.then_some(start..start + service.len())
        })
}

/// Whether an AWS service name (a host's label, a SigV4 scope's service, an SDK log's client) is API
/// Gateway's own: the invoke URL's `execute-api`, the management endpoint's `apigateway`. It is the
/// service errcode has catalogs of, never "another" one, whatever a catalog's `product_marks` say (a user's
/// override of the AWS catalog written before them has none).
fn is_api_gateway(service: &str) -> bool {
    matches!(service, "execute-api" | "apigateway")
}

/// An AWS region's name: `us-east-1`, `eu-central-1`, `us-gov-west-1`, `cn-north-1`.
fn is_region(label: &str) -> bool {
    let parts: Vec<&str> = label.split('-').collect();
    matches!(parts.as_slice(), [area, .., number]
        if area.len() == 2
            && area.bytes().all(|b| b.is_ascii_lowercase())
            && (2..=4).contains(&parts.len())
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests;
