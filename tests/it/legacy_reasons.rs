//! Google's legacy error reasons (the `errors[].reason` of its JSON APIs, Google's "Global domain errors"
//! table) and the statuses and wrappers around such codes, through the binary. The pastes are written for
//! the tests, each showing one behaviour.

use crate::util::{TestCommand, rows};

/// `errcode --json lookup` on `paste` (stdin): the JSON, and the exit status.
fn lookup(paste: &str) -> (serde_json::Value, i32) {
    let run = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(paste)
        .output();
    let code = run.code();
    (run.json(), code)
}

/// Alibaba's Go SDK wrapper around a code no catalog has claims nothing: the wrapped code is the error,
/// not the wrapper (which the paste's lines around it only frame).
#[test]
fn a_wrapper_around_an_unknown_code_claims_nothing() {
    let paste = "SDK.ServerError\nErrorCode: InvalidResourceType.NotSupported\nRecommend: \nRequestId: F404477B-AE05-4114-B148-C939128398F9\nMessage: user order resource type [classic] not exists in [eu-west-1a]\n";
    let (json, code) = lookup(paste);
    assert_eq!((rows(&json), code), (vec![], 1));
}
