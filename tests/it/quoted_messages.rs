//! Messages as a paste's quoting reshapes them, through the binary: without the quotation marks around a
//! value (Markdown takes a message's backquotes for its own), or without the sentences after the one that
//! says the error. The pastes are written for the tests, each showing one behaviour.

use crate::util::{json_lookup as lookup, rows};

fn row(vendor: &str, code: &str, status: u64) -> (String, Option<String>, u64) {
    (vendor.to_string(), Some(code.to_string()), status)
}

/// Tencent's throttling message, its counts' backquotes and its last sentence (`Please reduce the
/// frequency of calls.`) left off, is still Tencent's `RequestLimitExceeded`.
#[test]
fn a_message_without_its_backquotes_and_last_sentence_is_found() {
    let (json, code) = lookup(
        "The translation failed: Your current request times equals to 21 in a second, which exceeds the frequency limit 20 for a second.",
    );
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        rows(&json),
        [row("tencent", "RequestLimitExceeded", 200)],
        "{json}"
    );
}

/// A value whose backquotes were dropped ends where its word does: the parameter is captured whole.
#[test]
fn a_value_without_its_backquotes_is_captured_whole() {
    let (json, code) =
        lookup("TencentCloudSDKException: The request is missing a required parameter SecretId.");
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        rows(&json),
        [row("tencent", "MissingParameter", 200)],
        "{json}"
    );
    assert_eq!(
        json["matches"][0]["captures"]["param"], "SecretId",
        "{json}"
    );
}

/// The first sentence of one of a code's two messages, the second reworded, tells the row: only it is
/// shown, not the code's other message too.
#[test]
fn a_first_sentence_tells_which_row_of_a_code() {
    let (json, code) = lookup(
        "Code=AuthFailure.SignatureFailure, Message=The provided credentials could not be validated. Please ensure your signature is correct.",
    );
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        rows(&json),
        [row("tencent", "AuthFailure.SignatureFailure", 200)],
        "{json}"
    );
    let message = json["matches"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("Please check your signature"), "{json}");
}

/// A sentence's start that goes on as another sentence, or a first sentence too short to tell an error by
/// itself (`Signature expired.`), finds nothing.
#[test]
fn a_cut_message_must_keep_a_whole_telling_sentence() {
    for paste in [
        "tencentcloud: The provided credentials could not be validated by our proxy",
        "tencentcloud: Signature expired. Please retry later",
    ] {
        let (json, _) = lookup(paste);
        assert!(
            rows(&json).iter().all(|(vendor, _, _)| vendor != "tencent"),
            "{paste}: {json}"
        );
    }
}
