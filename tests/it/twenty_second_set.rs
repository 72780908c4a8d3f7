//! Rules from the tuning corpus's misses after the twenty-first set joined it: a line that opens with a
//! status and then the error's code states that status. The pastes are written for the tests, each showing
//! one behaviour.

use crate::util::{json_lookup as lookup, rows};

/// A client's summary line prints the status, then the code, then the message (`429 Throttling.User Request
/// was denied due to user flow control`): the 429 is the status the error came with, not the table's 400.
/// A number in prose (`Retried 429 times`) states nothing of the code; a status before a word no catalog has
/// claims nothing.
#[test]
fn a_status_opening_a_line_before_the_code_is_its_status() {
    let (json, code) = lookup("429 Throttling.User Request was denied due to user flow control");
    assert_eq!(code, 0);
    assert_eq!(
        rows(&json),
        [(
            "alibaba".to_string(),
            Some("Throttling.User".to_string()),
            400
        )],
        "{json}"
    );
    assert_eq!(json["matches"][0]["stated_status"], 429, "{json}");

    let (json, _) =
        lookup("Retried 429 times\nThrottling.User Request was denied due to user flow control");
    assert_eq!(json["matches"][0]["code"], "Throttling.User", "{json}");
    assert!(json["matches"][0]["stated_status"].is_null(), "{json}");

    // A status before a word of no catalog claims nothing: the status corroborates a code, it finds none.
    let (json, code) = lookup("429 RequestCount exceeded in our own service");
    assert_eq!(code, 1, "{json}");
    assert_eq!(rows(&json), [], "{json}");
}
