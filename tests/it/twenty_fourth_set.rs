//! Rows and readings from the tuning corpus's misses, grouped by cause: APISIX's error log says why the router
//! could not give a request its upstream (no node, no upstream, an upstream_id it has not loaded); Node.js
//! prints a Google Maps web service's body with its keys unquoted. The pastes are written for the tests, each
//! showing one behaviour.

use crate::util::{apisix_row as apisix, json_lookup as lookup, rows_with_message as claims};

/// The router's upstream failures (apisix/init.lua's `failed to set upstream: ...`, `failed to pick server:
/// ...`; apisix/upstream.lua's `failed to find upstream by id: ...`) are the error, with the status APISIX
/// answers. Before these rows nothing was claimed.
#[test]
fn an_apisix_routers_upstream_failure_is_the_error() {
    let cases = [
        (
            "init.lua:646: http_access_phase(): failed to set upstream: no valid upstream node: nil",
            apisix(503, "failed to set upstream: no valid upstream node"),
        ),
        (
            "init.lua:646: http_access_phase(): failed to set upstream: missing upstream configuration in Route or Service",
            apisix(
                503,
                "failed to set upstream: missing upstream configuration in Route or Service",
            ),
        ),
        (
            "balancer.lua:265: run(): failed to pick server: missing upstream configuration",
            apisix(502, "failed to pick server: missing upstream configuration"),
        ),
        (
            "upstream.lua:641: get_by_id(): failed to find upstream by id: 472",
            apisix(502, "failed to find upstream by id: {upstream_id}"),
        ),
    ];
    for (line, claim) in cases {
        let paste = format!(
            "2024/05/07 11:20:31 [error] 49#49: *1204 [lua] {line}, client: 10.0.0.7, server: _, request: \"GET /api/items HTTP/1.1\", host: \"gw.example.com\""
        );
        let (json, code) = lookup(&paste);
        assert_eq!(code, 0, "{paste}");
        assert_eq!(claims(&json), [claim], "{json}");
    }
}

/// Other words after the same lead are no claim: a program's own "failed to set upstream" says nothing of
/// APISIX's nodes.
#[test]
fn other_upstream_words_claim_nothing() {
    for paste in [
        "error: failed to set upstream: branch 'main' does not exist",
        "failed to pick server: no servers in pool",
    ] {
        let (json, _) = lookup(paste);
        assert!(claims(&json).is_empty(), "{paste}: {json}");
    }
}

/// A Maps web service's body as Node.js prints it (`util.inspect`: keys unquoted, strings in single quotes)
/// names its status as the JSON body does. Before, only quoted keys were read as the body.
#[test]
fn a_maps_body_printed_by_node_names_its_status() {
    let paste = "{ error_message: 'The provided API key is invalid.',\n  results: [],\n  status: 'REQUEST_DENIED' }";
    let (json, code) = lookup(paste);
    assert_eq!(code, 0, "{json}");
    let rows: Vec<_> = claims(&json)
        .into_iter()
        .map(|(vendor, code, status, _)| (vendor, code, status))
        .collect();
    assert_eq!(
        rows,
        [(
            "google".to_string(),
            Some("REQUEST_DENIED".to_string()),
            200
        )],
        "{json}"
    );
}

/// Unquoted keys are read as whole words only: a `status` inside another key is not the body's.
#[test]
fn a_maps_status_inside_another_key_is_no_claim() {
    let paste = "{ error_message: 'slow down', http_status: 'OVER_QUERY_LIMIT' }";
    let (json, _) = lookup(paste);
    assert!(claims(&json).is_empty(), "{json}");
}
