//! Rows from the tuning corpus's misses, grouped by cause: APISIX's ext-plugin answers 503 when its RPC to the
//! plugin runner fails, and writes why in its error log; APISIX's Admin API refuses a configuration with its
//! check's words. The pastes are written for the tests, each showing one behaviour.

use crate::util::{apisix_row as apisix, json_lookup as lookup, rows_with_message as claims};

/// The ext-plugin's failed RPC (`failed to receive RPC_HTTP_REQ_CALL: closed`, apisix/plugins/ext-plugin/
/// init.lua) is the error, with the 503 APISIX answers; the next line (`ext-plugin-pre-req exits with http
/// status code 503`) is its log line, not a second error. Before these rows only that line was claimed.
#[test]
fn an_ext_plugin_runners_failed_rpc_is_the_503() {
    let cases = [
        (
            "failed to receive RPC_HTTP_REQ_CALL: closed",
            "failed to receive RPC_HTTP_REQ_CALL: {reason}",
        ),
        (
            "failed to receive RPC_PREPARE_CONF: timeout",
            "failed to receive RPC_PREPARE_CONF: {reason}",
        ),
        (
            "failed to handle RPC_EXTRA_INFO: unsupported info type: 2",
            "failed to handle RPC_EXTRA_INFO: unsupported info type: {info_type}",
        ),
        (
            "failed to connect to the unix socket /usr/local/apisix/conf/apisix-1.sock: permission denied",
            "failed to connect to the unix socket {path}: {reason}",
        ),
    ];
    for (error, row) in cases {
        let paste = format!(
            "2024/03/02 10:00:01 [error] 51#51: *881 [lua] init.lua:617: phase_func(): {error}, client: 10.0.0.5, server: _, request: \"POST /orders HTTP/1.1\", host: \"gw.example.com\"\n\
             2024/03/02 10:00:01 [warn] 51#51: *881 [lua] plugin.lua:680: run_plugin(): ext-plugin-pre-req exits with http status code 503, client: 10.0.0.5, server: _, request: \"POST /orders HTTP/1.1\", host: \"gw.example.com\""
        );
        let (json, code) = lookup(&paste);
        assert_eq!(code, 0, "{paste}");
        assert_eq!(claims(&json), [apisix(503, row)], "{json}");
    }
}

/// The words stand only with the RPC's name: another program's failed receive claims nothing.
#[test]
fn another_programs_failed_receive_is_no_ext_plugin_error() {
    for paste in [
        "grpc: failed to receive server preface within timeout",
        "ERROR worker: failed to receive message: closed",
    ] {
        let (json, _) = lookup(paste);
        assert_eq!(claims(&json), [], "{json}");
    }
}

/// The Admin API's 400s (apisix/admin/routes.lua, apisix/plugin.lua): a plugin this APISIX does not load, a
/// plugin's configuration its schema refuses, a plugin config etcd does not hold, and an object the resource's
/// schema refuses, as the API's body answers a request of /apisix/admin/ or as a controller's log quotes it.
/// (A bare `{"error_msg": ...}` body that names no APISIX, the Admin API's path or its header, claims nothing
/// for these rows yet: a known gap, not a rule.)
#[test]
fn the_admin_apis_refusals_are_rows() {
    let cases = [
        (
            "$ curl -X PUT http://127.0.0.1:9180/apisix/admin/routes/1 -d @route.json\n{\"error_msg\":\"unknown plugin [ext-plugin-pre-req]\"}",
            "unknown plugin [{plugin}]",
        ),
        (
            r#"PUT /apisix/admin/consumers/jack 400 {"error_msg":"failed to check the configuration of plugin jwt-auth err: property \"key\" is required"}"#,
            "failed to check the configuration of plugin {plugin} err: {reason}",
        ),
        (
            r#"error   apisix/route.go:164  failed to create route: unexpected status code 400; error message: {"error_msg":"failed to fetch plugin config info by plugin config id [1a2b], response code: 404"}"#,
            "failed to fetch plugin config info by plugin config id [{id}], response code: {response_code}",
        ),
        (
            "HTTP/1.1 400 Bad Request\nServer: APISIX/3.2.0\n\n{\"error_msg\":\"invalid configuration: property \\\"uri\\\" validation failed: wrong type: expected string, got number\"}",
            "invalid configuration: {reason}",
        ),
    ];
    for (paste, row) in cases {
        let (json, code) = lookup(paste);
        assert_eq!(code, 0, "{paste}");
        assert_eq!(claims(&json), [apisix(400, row)], "{json}");
    }
}

/// Any program may say `invalid configuration: ...`: without APISIX named, in a line of another program's
/// log, it claims nothing.
#[test]
fn another_programs_invalid_configuration_is_not_apisixs() {
    let paste = r#"time="2024-05-01T10:00:00Z" level=error msg="invalid configuration: missing field host in section [server]" component=agent"#;
    let (json, _) = lookup(paste);
    assert_eq!(claims(&json), [], "{json}");
}
