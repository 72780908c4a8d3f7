//! A message several vendors share is said once, with the reason, which errcode reads from the data
//! (issue 17: "without any evidence, a message shared by several vendors shows each, with the reason they
//! share it").

use crate::util::{TestCommand, write};

/// The lines of `errcode ARGS...` at 80 columns, expecting success.
fn lines(args: &[&str]) -> Vec<String> {
    let run = TestCommand::new().args(args).output().expect_code(0);
    run.stdout().lines().map(str::to_string).collect()
}

#[test]
fn an_http_reason_phrase_is_said_to_be_one() {
    assert_eq!(
        lines(&["--lang", "en", "Not Found"])[..3],
        [
            "Shared message (errcode's note): aws and kong answer with the same words, \"Not",
            "Found\": the standard HTTP reason phrase of 404.",
            "",
        ]
    );
    // `Unauthorized` is 401's phrase, though Alibaba sends it with 403: each vendor is named once.
    assert_eq!(
        lines(&["--lang", "en", "lookup", "Unauthorized"])[..2],
        [
            "Shared message (errcode's note): alibaba, aws and kong answer with the same",
            "words, \"Unauthorized\": the standard HTTP reason phrase of 401.",
        ]
    );
}

#[test]
fn a_note_that_names_the_other_vendor_is_the_reason() {
    assert_eq!(
        lines(&["lookup", "API rate limit exceeded"])[..7],
        [
            "Shared message (errcode's note): kong and tencent answer with the same words,",
            "\"API rate limit exceeded\": the note of kong's entry says \"The same text is also",
            "used by gateways built on Kong (e.g. Tencent API Gateway).\"",
            "共用的错误信息（errcode 的说明）：kong、tencent 返回相同的文字 \"API rate limit",
            "exceeded\"：kong 条目的备注写道 \"基于 Kong 的网关（如腾讯云 API 网关）也使用同样",
            "的文本。\"",
            "",
        ]
    );
}

#[test]
fn otherwise_the_reason_says_what_to_look_for() {
    assert_eq!(
        lines(&["--lang", "en", "HMAC signature cannot be verified"])[..5],
        [
            "Shared message (errcode's note): kong and tencent answer with the same words,",
            "\"HMAC signature cannot be verified\": the same words in several vendors'",
            "catalogs; nothing in the query tells which gateway answered: look for the Server",
            "header, request-id header or host.",
            "",
        ]
    );
    assert_eq!(
        lines(&["--lang", "zh", "HMAC signature cannot be verified"])[..4],
        [
            "共用的错误信息（errcode 的说明）：kong、tencent 返回相同的文字 \"HMAC signature",
            "cannot be verified\"：多个厂商的错误码表中都有这段文字；查询中没有任何信息表明是",
            "哪个网关返回的：请查看响应的 Server 头、请求 ID 头或主机名。",
            "",
        ]
    );
}

#[test]
fn the_json_carries_the_shared_messages() {
    let value = crate::util::json(["lookup", "Not Found"], 0);
    assert_eq!(
        value["shared"],
        serde_json::json!([{
            "text": "Not Found",
            "vendors": ["aws", "kong"],
            "entries": ["aws-apigateway/not-found-http-api", "kong-gateway/not-found"],
            "reason": {
                "kind": "http_reason_phrase",
                "status": 404,
                "en": "the standard HTTP reason phrase of 404",
                "zh": "这是 HTTP 状态码 404 的标准原因短语",
            },
        }])
    );
    let value = crate::util::json(["lookup", "API rate limit exceeded"], 0);
    assert_eq!(
        value["shared"],
        serde_json::json!([{
            "text": "API rate limit exceeded",
            "vendors": ["kong", "tencent"],
            "entries": ["kong-gateway/api-rate-limit-exceeded", "tencent-apigateway/rate-limit-exceeded"],
            "reason": {
                "kind": "entry_note",
                "entry": "kong-gateway/api-rate-limit-exceeded",
                "en": "the note of kong's entry says \"The same text is also used by gateways built on Kong (e.g. Tencent API Gateway).\"",
                "zh": "kong 条目的备注写道 \"基于 Kong 的网关（如腾讯云 API 网关）也使用同样的文本。\"",
            },
        }])
    );
    let value = crate::util::json(["lookup", "HMAC signature cannot be verified"], 0);
    assert_eq!(value["shared"][0]["reason"]["kind"], "same_words");
    // Several queries: each query's own, and all of them at the top.
    let value = crate::util::json(["lookup", "APIG.0303", "Unauthorized"], 0);
    assert_eq!(value["queries"][0]["shared"], serde_json::json!([]));
    assert_eq!(value["queries"][1]["shared"][0]["text"], "Unauthorized");
    assert_eq!(value["shared"], value["queries"][1]["shared"]);
}

#[test]
fn nothing_is_said_when_one_vendor_answers_or_when_listing() {
    // A code of one vendor.
    let out = lines(&["APIG.0303"]);
    assert!(
        !out.iter().any(|l| l.starts_with("Shared message")),
        "{out:?}"
    );
    assert_eq!(
        crate::util::json(["APIG.0303"], 0)["shared"],
        serde_json::json!([])
    );
    // The evidence of a Kong header leaves Kong's entry alone: nothing shared.
    let paste = "HTTP/1.1 429\nServer: kong/3.4.0\n\n{\"message\":\"API rate limit exceeded\"}\n";
    let run = TestCommand::new()
        .args(["--lang", "en", "lookup"])
        .stdin(paste)
        .output()
        .expect_code(0);
    assert!(
        run.stdout().starts_with("429 Too Many Requests · Kong "),
        "{}",
        run.stdout()
    );
    // `status` lists every vendor's entries by design.
    let out = lines(&["status", "404"]);
    assert!(
        !out.iter().any(|l| l.starts_with("Shared message")),
        "{out:?}"
    );
    assert_eq!(
        crate::util::json(["status", "404"], 0)["shared"],
        serde_json::json!([])
    );
}

/// A user's catalog whose note names a built-in vendor: that note is the reason, in both languages (the
/// Chinese sentence that names it, by its Chinese name).
#[test]
fn a_users_note_naming_a_vendor_is_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = write(
        dir.path(),
        "acme.toml",
        r#"id = "acme-edge"
vendor = "acme"
vendor_name = { en = "Acme", zh = "阿克米" }
product = { en = "Edge", zh = "边缘网关" }

[[sources]]
id = "runbook"
title = "Acme runbook"

[[entries]]
id = "hmac"
status = 401
message = "HMAC signature cannot be verified."
meaning = { en = "The HMAC signature is wrong.", zh = "HMAC 签名错误。" }
fix = { en = "Sign again.", zh = "重新签名。" }
note = { en = "Our edge runs Kong's hmac-auth plugin. It is configured by the platform team.", zh = "边缘网关运行 Kong 的 hmac-auth 插件。由平台团队配置。" }
"#,
    );
    let run = TestCommand::new()
        .args(["--catalog".as_ref(), catalog.as_os_str()])
        .args(["--json", "lookup", "HMAC signature cannot be verified"])
        .output()
        .expect_code(0);
    let shared = &run.json()["shared"];
    assert_eq!(
        shared[0]["vendors"],
        serde_json::json!(["kong", "tencent", "acme"])
    );
    assert_eq!(
        shared[0]["reason"],
        serde_json::json!({
            "kind": "entry_note",
            "entry": "acme-edge/hmac",
            "en": "the note of acme's entry says \"Our edge runs Kong's hmac-auth plugin.\"",
            "zh": "acme 条目的备注写道 \"边缘网关运行 Kong 的 hmac-auth 插件。\"",
        })
    );
}
