//! Rows marked `common_message`: words any software may answer (`An unexpected error occurred`, which
//! Huawei's, JD Cloud's and Kong's gateways all say), found in a paste by the message alone, name a row only
//! where the paste names the row's vendor or the message is a body's only field; a web site's or a tool's
//! same words are no claim.

use crate::util::{TestCommand, acme_catalog, claims_with, write};

type Row = (String, Option<String>, u64);

fn claims(paste: &str) -> (Vec<Row>, i32) {
    claims_with(&[], paste)
}

fn row(vendor: &str, code: Option<&str>, status: u64) -> Row {
    (vendor.to_string(), code.map(str::to_string), status)
}

#[test]
fn a_common_message_in_another_programs_words_is_no_claim() {
    // A desktop tool's message, and a web site's page, its status stated: nothing of a gateway.
    for paste in [
        "I keep getting this... An unexpected error occurred, please retry.\n",
        "As in the title – I've got \"An unexpected error occurred (error code: 500).\".\n",
        "HTTP/1.1 500 Internal Server Error\n\n<p>An unexpected error occurred</p>\n",
    ] {
        assert_eq!(claims(paste), (vec![], 1), "{paste}");
    }
}

#[test]
fn a_common_message_is_its_vendors_where_the_paste_names_the_vendor() {
    // Kong's error log, whose Lua source paths LuaJIT cuts at the start (`...are/lua/5.1/kong/`).
    let log = "2015/06/06 00:00:49 [error] 477#0: *26126 [lua] responses.lua:52: send_HTTP_INTERNAL_SERVER_ERROR(): An unexpected error occurred, client: 127.0.0.1\n\t...hare/lua/5.1/kong/plugins/requestsizelimiting/access.lua:15: attempt to compare number with nil\n";
    assert_eq!(claims(log), (vec![row("kong", None, 500)], 0));
    // A Kong header.
    let answer =
        "HTTP/1.1 500 Internal Server Error\nServer: kong/3.4.0\n\nAn unexpected error occurred\n";
    assert_eq!(claims(answer), (vec![row("kong", None, 500)], 0));
    // Huawei's body states the row's code: its row, by the code.
    let huawei = r#"{"error_code": "APIG.0201", "error_msg": "An unexpected error occurred", "request_id": "a1b2"}"#;
    assert_eq!(
        claims(huawei),
        (vec![row("huawei", Some("APIG.0201"), 500)], 0)
    );
}

#[test]
fn a_common_message_as_a_bodys_only_field_is_each_vendors_that_says_it() {
    // The gateway's whole answer, nothing naming which: every row that says it, as for any shared message.
    let (found, code) = claims(r#"{"message":"An unexpected error occurred"}"#);
    assert_eq!(code, 0);
    let mut vendors: Vec<&str> = found.iter().map(|r| r.0.as_str()).collect();
    vendors.sort_unstable();
    assert_eq!(vendors, ["huawei", "jdcloud", "kong"]);
}

#[test]
fn a_users_catalog_can_mark_a_common_message() {
    let catalog = |flag: &str| {
        acme_catalog(
            "\n[[evidence]]\ntext = \"acme-gw.example\"\nwhat = \"Acme host\"\n",
            &format!(
                r#"[[entries]]
id = "try-later"
status = 503
message = "Something went wrong, try again later"
{flag}
meaning = {{ en = "The gateway failed.", zh = "网关出错。" }}
fix = {{ en = "Retry.", zh = "重试。" }}
"#
            ),
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let marked = write(dir.path(), "marked.toml", catalog("common_message = true"));
    let plain = write(dir.path(), "plain.toml", catalog(""));
    let paste = "the app says: Something went wrong, try again later\n";
    let acme = row("acme", None, 503);
    assert_eq!(claims_with(&[&plain], paste), (vec![acme.clone()], 0));
    assert_eq!(claims_with(&[&marked], paste), (vec![], 1));
    let named = format!("GET https://eu.acme-gw.example/v1\n{paste}");
    assert_eq!(claims_with(&[&marked], &named), (vec![acme], 0));
}

#[test]
fn a_scanned_log_line_with_a_common_message_needs_its_vendor_named_too() {
    let dir = tempfile::tempdir().unwrap();
    let log = write(
        dir.path(),
        "app.log",
        concat!(
            "2024-06-01T10:00:00Z ERROR app: An unexpected error occurred while saving the order\n",
            "{\"message\":\"An unexpected error occurred\"}\n",
            "2015/06/06 00:00:49 [error] 477#0: *26126 [lua] responses.lua:52: send_HTTP_INTERNAL_SERVER_ERROR(): An unexpected error occurred, client: 127.0.0.1\t...hare/lua/5.1/kong/plugins/x/access.lua:15\n",
        ),
    );
    let run = TestCommand::new()
        .args([
            "scan".as_ref(),
            "-j1".as_ref(),
            "--json".as_ref(),
            log.as_os_str(),
        ])
        .output();
    assert_eq!(run.code(), 0);
    let lines: Vec<(u64, Vec<String>)> = (run.stdout().lines())
        .map(|line| {
            let line: serde_json::Value = serde_json::from_str(line).unwrap();
            let mut vendors: Vec<String> = (line["matches"].as_array().unwrap().iter())
                .map(|m| m["vendor"].as_str().unwrap().to_string())
                .collect();
            vendors.sort_unstable();
            (line["line"].as_u64().unwrap(), vendors)
        })
        .collect();
    // The application's own words claim nothing; the body as the gateway answers it is each vendor's that
    // says it; Kong's error log (its cut source path) is Kong's.
    assert_eq!(
        lines,
        [
            (2, vec!["huawei".into(), "jdcloud".into(), "kong".into()]),
            (3, vec!["kong".into()]),
        ]
    );
    let count = TestCommand::new()
        .args([
            "scan".as_ref(),
            "-j1".as_ref(),
            "--count".as_ref(),
            log.as_os_str(),
        ])
        .output();
    assert!(
        count.stdout().trim_end().ends_with(":2"),
        "{}",
        count.stdout()
    );
}

/// Huawei's 413 words (`Request entity too large.`, APIG.0201 and APIGW.0201) are HTTP/1.1's first reason
/// phrase for 413 (RFC 2616's, which nginx's 413 page and Node's `raw-body` still say): another server's 413
/// with them claims nothing; Huawei's body, its code stated, is Huawei's.
#[test]
fn huawei_s_413_words_are_any_server_s() {
    assert_eq!(
        claims("the upload fails with\n413\nError: request entity too large\n"),
        (vec![], 1)
    );
    let huawei = r#"{"error_code": "APIG.0201", "error_msg": "Request entity too large.", "request_id": "a1b2"}"#;
    assert_eq!(
        claims(huawei),
        (vec![row("huawei", Some("APIG.0201"), 413)], 0)
    );
}

/// A message field that is its stated status's reason phrase (`"message": "Unauthorized"` under 401, one field
/// among a backend's) says that status again, no row's evidence; another status's phrase says more: API
/// Gateway's 502 says `Internal server error` (500's phrase), so under `Error 502` those words are its 502.
#[test]
fn another_status_s_phrase_under_a_stated_status_is_a_row_s_words() {
    assert_eq!(
        claims("always getting Error 502: \"message\": \"Internal server error\". I use Python\n"),
        (
            vec![row("aws", Some("InternalServerErrorException"), 502)],
            0
        )
    );
    assert_eq!(
        claims("HTTP/1.1 401 Unauthorized\n{\"code\": 401, \"message\": \"Unauthorized\"}\n"),
        (vec![], 1)
    );
}
