//! Rows marked `log_line`: a line of the vendor's own log (API Gateway's execution log, APISIX's error log)
//! reporting an error whose client gets another row's answer with the same status. Alone, the line is the
//! error; beside that answer, it is the answer's line, not a second error.

use std::path::Path;

use crate::util::{acme_catalog, lookup_paste, write};

/// `(vendor, message, status)` of each match of `errcode --json lookup` on `paste` (with a user's catalog,
/// if any), and the exit status.
fn claims_with(catalog: Option<&Path>, paste: &str) -> (Vec<(String, String, u64)>, i32) {
    let run = lookup_paste(catalog.as_slice(), paste);
    let found = (run.json()["matches"]
        .as_array()
        .expect("matches is an array")
        .iter())
    .map(|m| {
        let text = |name: &str| m[name].as_str().expect(name).to_string();
        (
            text("vendor"),
            text("message"),
            m["status"].as_u64().expect("status"),
        )
    })
    .collect();
    (found, run.code())
}

fn claim(vendor: &str, message: &str, status: u64) -> (String, String, u64) {
    (vendor.to_string(), message.to_string(), status)
}

const MALFORMED: &str =
    "Execution failed due to configuration error: Malformed Lambda proxy response";

#[test]
fn an_execution_log_line_alone_is_the_error() {
    let log = format!(
        "Thu Dec 08 01:13:00 UTC 2016 : {MALFORMED}\nThu Dec 08 01:13:00 UTC 2016 : Method completed with status: 502\n"
    );
    assert_eq!(
        claims_with(None, &log),
        (vec![claim("aws", MALFORMED, 502)], 0)
    );
}

#[test]
fn an_execution_log_line_beside_the_clients_answer_is_that_answers_line() {
    let paste = format!(
        "< HTTP/2 502\n< x-amzn-errortype: InternalServerErrorException\n{{\"message\": \"Internal server error\"}}\n\nand in CloudWatch:\n{MALFORMED}\n"
    );
    assert_eq!(
        claims_with(None, &paste),
        (vec![claim("aws", "Internal server error", 502)], 0)
    );
}

#[test]
fn the_answer_shows_the_log_line_it_absorbed_as_evidence() {
    let paste = format!("{{\"message\": \"Internal server error\"}}\nStage log: {MALFORMED}\n");
    let matches = lookup_paste(&[], &paste).json()["matches"].clone();
    assert_eq!(matches.as_array().unwrap().len(), 1, "{matches}");
    let evidence: Vec<(String, String)> = (matches[0]["evidence"].as_array().unwrap().iter())
        .map(|e| {
            let field = |name: &str| e[name].as_str().unwrap().to_string();
            (field("kind"), field("text"))
        })
        .collect();
    assert_eq!(
        evidence,
        [
            ("message".to_string(), "Internal server error".to_string()),
            ("message".to_string(), MALFORMED.to_string()),
        ]
    );
}

#[test]
fn an_execution_log_line_settles_which_status_the_answer_had() {
    // API Gateway says `Internal server error` with 500 (Lambda rejected the call) and with 502 (the
    // function failed): the 500's log line beside the answer is its line, and the answer is the 500's.
    let paste = "{\"message\": \"Internal server error\"}\nExecution failed due to configuration error: Invalid permissions on Lambda function\n";
    assert_eq!(
        claims_with(None, paste),
        (vec![claim("aws", "Internal server error", 500)], 0)
    );
}

#[test]
fn a_users_catalog_can_mark_a_log_line() {
    let catalog = |flag: &str| {
        acme_catalog(
            "",
            &format!(
                r#"[[entries]]
id = "upstream-refused"
status = 503
message = "Acme upstream refused the connection"
meaning = {{ en = "The upstream refused.", zh = "上游拒绝连接。" }}
fix = {{ en = "Start the upstream.", zh = "启动上游。" }}

[[entries]]
id = "pool-exhausted-log"
status = 503
message = "acme-gw: connection pool to upstream exhausted"
{flag}
meaning = {{ en = "The gateway's pool ran out.", zh = "网关连接池耗尽。" }}
fix = {{ en = "Raise the pool size.", zh = "调大连接池。" }}
"#
            ),
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let marked = write(dir.path(), "marked.toml", catalog("log_line = true"));
    let plain = write(dir.path(), "plain.toml", catalog(""));
    let answer = claim("acme", "Acme upstream refused the connection", 503);
    let line = claim(
        "acme",
        "acme-gw: connection pool to upstream exhausted",
        503,
    );
    let both = "client: Acme upstream refused the connection\nlog: acme-gw: connection pool to upstream exhausted\n";
    assert_eq!(
        claims_with(Some(&plain), both),
        (vec![answer.clone(), line.clone()], 0)
    );
    assert_eq!(claims_with(Some(&marked), both), (vec![answer], 0));
    let alone = "log: acme-gw: connection pool to upstream exhausted\n";
    assert_eq!(claims_with(Some(&marked), alone), (vec![line], 0));
}

/// From APISIX 3.12, key-auth's consumer lookup returns `Missing related consumer` as its error, which the
/// plugin writes to the error log while it answers `Invalid API key in request`: a paste quoting both is one
/// error, the answer. The message alone is still the error (ldap-auth and wolf-rbac answer it).
#[test]
fn apisix_s_consumer_lookup_error_is_its_answer_s_log_line() {
    let paste = "HTTP/1.1 401 Unauthorized\nServer: APISIX/3.14.1\n\n{\"message\":\"Invalid API key in request\"}\n\nerror.log: 2026/02/11 10:00:00 [warn] 49#49: *1 [lua] key-auth.lua:92: phase_func(): failed to find consumer: Missing related consumer, client: 127.0.0.1\n";
    assert_eq!(
        claims_with(None, paste),
        (vec![claim("apisix", "Invalid API key in request", 401)], 0)
    );
    let alone = "HTTP/1.1 401 Unauthorized\nServer: APISIX/3.14.1\n\n{\"message\":\"Missing related consumer\"}\n";
    assert_eq!(
        claims_with(None, alone),
        (vec![claim("apisix", "Missing related consumer", 401)], 0)
    );
}
