//! How pastes and log lines are read: fields, statuses, views, vendor hints.

use super::*;

fn read_paste(text: &str) -> Evidence {
    static HINTS: LazyLock<Hints> = LazyLock::new(|| {
        let catalogs = Box::leak(Box::new(crate::catalog::Catalogs::builtin()));
        Hints::of(catalogs.catalogs.iter())
    });
    read(text, Reading::Paste, &HINTS)
}

fn values<T: Clone>(list: &[Found<T>]) -> Vec<T> {
    list.iter().map(|f| f.value.clone()).collect()
}

#[test]
fn huawei_body_on_one_line() {
    let text = r#"{"error_msg":"Incorrect app authentication information: signature expired","error_code":"APIG.0303","request_id":"9a1b"}"#;
    let e = read_paste(text);
    assert_eq!(values(&e.code_fields), ["APIG.0303"]);
    assert_eq!(
        values(&e.message_fields),
        ["Incorrect app authentication information: signature expired"]
    );
    assert_eq!(&text[e.code_fields[0].span.clone()], "APIG.0303");
    assert_eq!(values(&e.vendors), [Vendor::Huawei]);
}

#[test]
fn escaped_json_inside_a_log_line_maps_back_to_the_paste() {
    let text = r#"level=error body="{\"error_code\":\"APIG.0301\",\"error_msg\":\"Incorrect IAM authentication information.\"}""#;
    let e = read_paste(text);
    assert_eq!(values(&e.code_fields), ["APIG.0301"]);
    assert_eq!(&text[e.code_fields[0].span.clone()], "APIG.0301");
    assert_eq!(
        values(&e.message_fields),
        ["Incorrect IAM authentication information."]
    );
}

#[test]
fn statuses_need_context() {
    let e = read_paste("HTTP/1.1 401 Unauthorized\nX-Request-Id: 4290a5\ntook 429ms port 5000\n");
    assert_eq!(values(&e.statuses), [401]);
    let e = read_paste("ServerException: HTTP Status: 404 Error:InvalidApi.NotFound ...");
    assert_eq!(values(&e.statuses), [404]);
    assert_eq!(values(&e.code_fields), ["InvalidApi.NotFound"]);
    let e = read_paste(
        r#"{"requestId":"c4","error":{"code":400,"message":"参数 page 不支持","status":"ARGUMENT_NOT_SUPPORT"}}"#,
    );
    assert_eq!(values(&e.statuses), [400]);
    assert_eq!(values(&e.code_fields), ["ARGUMENT_NOT_SUPPORT"]);
    assert_eq!(values(&e.message_fields), ["参数 page 不支持"]);
}

#[test]
fn statuses_in_text_take_their_many_forms() {
    let statuses = |t: &str| {
        text_statuses(t, Reading::Paste)
            .into_iter()
            .map(|(s, _, line)| (s, line))
            .collect::<Vec<_>>()
    };
    assert_eq!(statuses("HTTP/1.1 401 Unauthorized"), [(401, true)]);
    assert_eq!(statuses("< HTTP/2 404 \r"), [(404, true)]);
    assert_eq!(statuses("x HTTP/1.1 401"), []);
    assert_eq!(
        statuses("ServerException: HTTP Status: 404 Error"),
        [(404, false)]
    );
    assert_eq!(statuses("failed with HTTP 502"), [(502, false)]);
    assert_eq!(
        statuses("Request failed with status code 401"),
        [(401, false)]
    );
    assert_eq!(statuses("GET /api/items 200 12ms"), [(200, false)]);
    assert_eq!(
        statuses("\"POST /v1/x?y=1 HTTP/1.1\" 429 17"),
        [(429, false)]
    );
    assert_eq!(
        statuses("took 429ms on port 5000, HTTP 4290 TARGET /x 404"),
        []
    );
    assert_eq!(statuses("status code: 404"), [(404, false)]);
    assert_eq!(statuses(",返回状态码: 400"), [(400, false)]);
    assert_eq!(statuses("**状态码： 400**"), [(400, false)]);
}

#[test]
fn a_status_with_its_reason_phrase_is_a_status_in_prose() {
    let e = read_paste("the Kong instance responds with 403 Forbidden.\n{\"message\": \"x\"}");
    assert_eq!(values(&e.statuses), [403]);
    // Not a number alone, nor another phrase, nor a longer number or word.
    for text in [
        "It returns 403:",
        "got 403 Unauthorized",
        "1403 Forbidden",
        "403 Forbiddenness",
        "x403 Forbidden",
    ] {
        assert!(read_paste(text).statuses.is_empty(), "{text}");
    }
    assert_eq!(values(&read_paste("429 too many requests").statuses), [429]);
}

#[test]
fn a_sentence_or_a_path_after_error_is_no_code_field() {
    let e = read_paste("Error: The provided credentials could not be validated.");
    assert!(e.code_fields.is_empty(), "{:?}", e.code_fields);
    let e = read_paste("HTTP Status: 400 Error:Forbidden.RAM User not authorized to operate");
    assert_eq!(values(&e.code_fields), ["Forbidden.RAM"]);
    let e = read_paste("error: Throttling");
    assert_eq!(values(&e.code_fields), ["Throttling"]);
    // Nor is the first segment of a path (`[ERROR:flutter/runtime/...]`).
    let e = read_paste("[ERROR:flutter/runtime/dart_vm_initializer.cc(41)] Unhandled Exception");
    assert!(e.code_fields.is_empty(), "{:?}", e.code_fields);
}

#[test]
fn typographic_quotes_are_read_straight_too() {
    let text = "<Message>The input parameter “CommandId” is missing.</Message>";
    let e = read_paste(text);
    assert!(
        values(&e.message_fields)
            .contains(&"The input parameter \"CommandId\" is missing.".to_string()),
        "{:?}",
        e.message_fields
    );
    let straight = e.views.last().unwrap();
    let at = straight.text.find('"').unwrap();
    assert_eq!(
        straight.to_paste(&(at..at + 1)).start,
        text.find('“').unwrap()
    );
    let word = straight.text.find("CommandId").unwrap();
    let span = straight.to_paste(&(word..word + 9));
    assert_eq!(&text[span], "CommandId");
}

#[test]
fn object_storage_marks_are_other_products() {
    let e = read_paste(
        "<Error><Code>SignatureDoesNotMatch</Code><StringToSignBytes>50</StringToSignBytes>",
    );
    assert_eq!(e.other_products.len(), 1);
    let e = read_paste(r#"{"Code":"SignatureDoesNotMatch","HostId":"ecs.aliyuncs.com"}"#);
    assert!(e.other_products.is_empty());
}

#[test]
fn java_python_and_xml_dumps() {
    let e = read_paste(
        "ServiceResponseException{httpStatusCode=401, errorCode='APIG.0303', errorMsg='Incorrect app authentication information.'}",
    );
    assert_eq!(values(&e.statuses), [401]);
    assert_eq!(values(&e.code_fields), ["APIG.0303"]);
    let e = read_paste(
        "{'RequestId': 'A1', 'Code': 'MissingGroupId', 'Message': 'GroupId is mandatory for this action.'}",
    );
    assert_eq!(values(&e.code_fields), ["MissingGroupId"]);
    let e = read_paste(
        "<Error><Code>InvalidApi.NotFound</Code><Message>Specified api is not found, please check your url and method.</Message></Error>",
    );
    assert_eq!(values(&e.code_fields), ["InvalidApi.NotFound"]);
    assert_eq!(e.message_fields.len(), 1);
}

#[test]
fn an_sdk_class_is_no_code_and_a_troubleshooting_link_names_one() {
    let e = read_paste(
        "Error: TencentCloudSDKHttpException [Error]: The provided credentials could not be validated.",
    );
    assert!(e.code_fields.is_empty(), "{:?}", e.code_fields);
    let e = read_paste("Error: SDK.ServerError");
    assert_eq!(values(&e.code_fields), ["SDK.ServerError"]);
    let link = "see https://api.aliyun.com/troubleshoot?q=MissingAccessKeyId&product=imageseg&requestId=ED9D";
    let e = read_paste(link);
    assert_eq!(values(&e.code_fields), ["MissingAccessKeyId"]);
    assert_eq!(&link[e.code_fields[0].span.clone()], "MissingAccessKeyId");
    let e = read_paste(
        "[TencentCloudSDKException]message:InternalError-An internal error has occurred. requestId:x",
    );
    assert_eq!(values(&e.code_fields), ["InternalError"]);
    // Where the code is named, the link adds nothing.
    let e = read_paste(
        r#"{"Code":"InvalidAccessKeyId","Recommend":"https://error-center.aliyun.com/status/search?Keyword=InvalidAccessKeyId&source=PopGw"}"#,
    );
    assert_eq!(values(&e.code_fields), ["InvalidAccessKeyId"]);
}

#[test]
fn a_googleapi_error_line_ends_with_its_reason() {
    let line = "failed: googleapi: Error 403: Access Not Configured. Enable it, then retry., accessNotConfigured";
    let e = read_paste(line);
    assert_eq!(values(&e.code_fields), ["accessNotConfigured"]);
    assert_eq!(&line[e.code_fields[0].span.clone()], "accessNotConfigured");
    // Without a reason after the message (several errors, or none), nothing is read as one.
    for other in [
        "googleapi: Error 400: Invalid value at 'x', Invalid value",
        "googleapi: Error 404: Not found, ",
        "googleapi: got HTTP response code 502 with body: x, y",
    ] {
        let codes = values(&read_paste(other).code_fields);
        assert!(
            !codes.iter().any(|c| c == "value" || c == "y"),
            "{other}: {codes:?}"
        );
    }
}

#[test]
fn a_googleapi_line_quoted_in_a_sentence_ends_at_the_quote() {
    let line =
        "said `googleapi: Error 403: No permission, forbidden` when calling iam, while owner";
    let e = read_paste(line);
    assert_eq!(values(&e.code_fields), ["forbidden"]);
    assert_eq!(&line[e.code_fields[0].span.clone()], "forbidden");
}

#[test]
fn the_dotnet_clients_reason_is_a_code() {
    let text = "Errors [\n\tMessage[No] Location[ - ] Reason[forbidden] Domain[global]\n]";
    let e = read_paste(text);
    assert_eq!(values(&e.code_fields), ["forbidden"]);
    assert_eq!(&text[e.code_fields[0].span.clone()], "forbidden");
    assert!(
        read_paste("Location[x] Reason[forbidden]")
            .code_fields
            .is_empty()
    );
}

#[test]
fn grpcs_python_enum_holds_the_status_name() {
    let text = "\tstatus = StatusCode.PERMISSION_DENIED\n";
    let e = read_paste(text);
    assert_eq!(values(&e.code_fields), ["PERMISSION_DENIED"]);
    assert_eq!(&text[e.code_fields[0].span.clone()], "PERMISSION_DENIED");
}

#[test]
fn an_error_number_in_prose_is_a_status() {
    assert_eq!(
        values(&read_paste("Exception: Error 403 Daily Limit Exceeded.").statuses),
        [403]
    );
    assert_eq!(
        values(&read_paste("Youtube Error 503: try later").statuses),
        [503]
    );
    // Not an error status, not alone, or part of a longer number or word.
    for text in [
        "Error 200 OK",
        "Error 4031 x",
        "Error 403x",
        "HttpErrorError 403 x",
        "error 403 x",
    ] {
        assert!(read_paste(text).statuses.is_empty(), "{text}");
    }
    // In lower case, leading the error with a colon.
    assert_eq!(
        values(&read_paste("I'm getting error 403: `HMAC signature cannot be verified`").statuses),
        [403]
    );
    // Google's Go client's line says it once.
    assert_eq!(
        values(&read_paste("googleapi: Error 403: No, forbidden").statuses),
        [403]
    );
}

#[test]
fn a_google_clients_status_class_names_the_status() {
    let text = "google.api_core.exceptions.ResourceExhausted: 429 Quota exceeded.";
    let e = read_paste(text);
    assert_eq!(values(&e.code_fields), ["RESOURCE_EXHAUSTED"]);
    assert_eq!(&text[e.code_fields[0].span.clone()], "ResourceExhausted");
    let e = read_paste("Google::Cloud::FailedPreconditionError: 9:Bucket is locked");
    assert_eq!(values(&e.code_fields), ["FAILED_PRECONDITION"]);
    // HTTP-only classes, other packages' and classes not thrown are none.
    for text in [
        "google.api_core.exceptions.TooManyRequests: 429 x",
        "my.exceptions.PermissionDenied: 403 x",
        "except google.api_core.exceptions.NotFound:",
        "Google::Cloud::NotFound: 5:x",
    ] {
        assert!(read_paste(text).code_fields.is_empty(), "{text}");
    }
}

#[test]
fn a_status_beside_its_canonical_code_is_one() {
    for (text, status) in [
        ("Client error: (429) RESOURCE_EXHAUSTED", 429),
        ("got [404] NOT_FOUND back", 404),
        ("403 PERMISSION_DENIED: no", 403),
    ] {
        assert_eq!(values(&read_paste(text).statuses), [status], "{text}");
    }
    // A number the code does not map to, or a longer name, states nothing.
    for text in [
        "(403) RESOURCE_EXHAUSTED",
        "429 RESOURCE_EXHAUSTED_X",
        "1429 RESOURCE_EXHAUSTED",
    ] {
        assert!(read_paste(text).statuses.is_empty(), "{text}");
    }
}

#[test]
fn an_empty_value_spelt_out_is_no_code() {
    let e = read_paste(
        "Invalid Method identifier specified (Service: null; Status Code: 404; Error Code: null; Request ID: 5f90)",
    );
    assert!(e.code_fields.is_empty(), "{:?}", e.code_fields);
    for paste in [
        r#"{"code": None, "message": "x"}"#,
        r#"{"error": "undefined"}"#,
        "ErrorCode: NIL",
    ] {
        assert!(read_paste(paste).code_fields.is_empty(), "{paste}");
    }
    assert_eq!(
        values(&read_paste("Error Code: NotFoundException").code_fields),
        ["NotFoundException"]
    );
}

#[test]
fn a_reason_field_is_a_code_in_error_infos_or_the_legacy_form_only() {
    let e = read_paste(r#"{"details":[{"reason":"API_KEY_INVALID","domain":"googleapis.com"}]}"#);
    assert_eq!(values(&e.code_fields), ["API_KEY_INVALID"]);
    // Google's legacy errors[].reason (lower camel case) is one too; Kubernetes' `NotFound` and a plain word
    // are not.
    let e = read_paste(
        r#"{"errors":[{"reason":"rateLimitExceeded"},{"reason":"forbidden"}],"kind":"x","reason":"NotFound"}"#,
    );
    assert_eq!(values(&e.code_fields), ["rateLimitExceeded"]);
    assert!(is_error_info_reason("SERVICE_DISABLED") && !is_error_info_reason("FORBIDDEN"));
    assert!(is_error_info_reason("keyInvalid") && !is_error_info_reason("NotFound"));
}

/// A field's key is the whole word before a `:` or `=` (past blanks and a quotation mark), in any case;
/// a key inside a longer word, or not followed by a separator, is none.
#[test]
fn field_keys_are_whole_words_before_a_separator() {
    let text = concat!(
        r#"{"Code" : "APIG.0303", 'error_msg'='x', x-error_code: 1, status_codes: 2, "#,
        r#"a"msg": 3, 错误code=4, status::5, http://h, codeX: 6, MESSAGE	= 7, reason"#
    );
    let found: Vec<(&str, &str)> = (super::pairs(text))
        .map(|pair| (pair.key, &text[pair.value_at..]))
        .map(|(key, value)| (key, value.split(',').next().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        [
            ("Code", "\"APIG.0303\""),
            ("error_msg", "'x'"),
            ("code", "4"),
            ("status", ":5"),
            ("MESSAGE", "7"),
        ]
    );
    let keys_at: Vec<usize> = super::pairs(text).map(|pair| pair.key_at).collect();
    assert_eq!(keys_at[0], 2);
}

/// A text stating one status thousands of times keeps the first thousand of it (and every other status): a
/// 16 MiB line of status lines run together held a record for each, 90 MB.
#[test]
fn one_status_stated_thousands_of_times_is_kept_a_thousand_times() {
    let text = "HTTP/1.1 429 Too Many Requests ".repeat(1_500) + "HTTP/1.1 503 Service Unavailable";
    let evidence = read_paste(&text);
    let count = |status: u16| {
        evidence
            .statuses
            .iter()
            .filter(|s| s.value == status)
            .count()
    };
    // (Each status line states its status twice: the number, and its reason phrase.)
    assert!(count(429) <= 2_000, "{}", count(429));
    assert!(count(429) >= 1_000, "{}", count(429));
    assert!(count(503) >= 1);
    assert_eq!(evidence.statuses.first().map(|s| s.span.start), Some(9));
}
