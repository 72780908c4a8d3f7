//! How a message stands in its line.

use super::*;

#[test]
fn a_message_stands_alone_with_its_detail() {
    let text = "Incorrect app authentication information: signature expired, signature time:1";
    let (whole, detail) = standing(text, &(0..40), None);
    assert!(whole);
    assert_eq!(
        detail.as_deref(),
        Some("signature expired, signature time:1")
    );
    let line = "2024 ERROR msg=Backend timeout id=1";
    assert!(!standing(line, &(15..30), Some(&LineIndex::new(line))).0);
    let quoted = "  \"Backend timeout\",";
    assert!(standing(quoted, &(3..18), Some(&LineIndex::new(quoted))).0);
}

#[test]
fn an_html_elements_whole_text_stands_alone() {
    let at = |line: &str, text: &str| {
        let start = line.find(text).unwrap();
        standing(
            line,
            &(start..start + text.len()),
            Some(&LineIndex::new(line)),
        )
        .0
    };
    assert!(at(
        "<head><title>504 Gateway Time-out</title></head>",
        "504 Gateway Time-out"
    ));
    assert!(at(
        "<center><h1>403 Forbidden</h1></center>",
        "403 Forbidden"
    ));
    // Words beside the element, or markup that is not the element's end, leave it inside a sentence.
    assert!(!at(
        "<p>The gateway said 403 Forbidden</p>",
        "403 Forbidden"
    ));
    assert!(!at("<b>403 Forbidden</b> was the answer", "403 Forbidden"));
    assert!(!at("see <b>x</b> 403 Forbidden today", "403 Forbidden"));
}

#[test]
fn a_message_in_lower_case_after_a_word_is_inside_a_sentence() {
    let message = "Invalid authentication credentials";
    let at = |text: &str| {
        let start = text.to_lowercase().find("invalid authentication").unwrap();
        start..start + message.len()
    };
    let inside = "Request had invalid authentication credentials. Expected OAuth 2";
    assert!(inside_a_sentence(inside, &at(inside), message));
    assert!(!reported_alone(inside, &at(inside), message));
    for standing in [
        "error: Invalid authentication credentials",
        "had Invalid authentication credentials",
        "invalid authentication credentials",
        "401: invalid authentication credentials",
    ] {
        assert!(
            !inside_a_sentence(standing, &at(standing), message),
            "{standing}"
        );
    }
    // A message its vendor writes in lower case is its own wording wherever it stands.
    let lower = "failed to match any routes";
    let text = "nginx said failed to match any routes";
    let start = text.find(lower).unwrap();
    assert!(!inside_a_sentence(
        text,
        &(start..start + lower.len()),
        lower
    ));
}

#[test]
fn a_title_after_a_capitalised_word_is_a_longer_titles_end() {
    let message = "Rate Limit Exceeded";
    let at = |text: &str| {
        let start = text.find(message).unwrap();
        start..start + message.len()
    };
    let inside = r#""title": "Account Rate Limit Exceeded","#;
    assert!(inside_a_sentence(inside, &at(inside), message));
    for standing in [
        r#""message": "Rate Limit Exceeded""#,
        "Error 403: Rate Limit Exceeded, rateLimitExceeded",
        "HTTP/1.1 429 Rate Limit Exceeded",
        "ERROR Rate Limit Exceeded",
        "got Rate Limit Exceeded",
        "提示 Rate Limit Exceeded",
        "Error Rate Limit Exceeded",
        "ERROR AccessDenied Rate Limit Exceeded",
        "Exception Rate Limit Exceeded",
    ] {
        assert!(
            !inside_a_sentence(standing, &at(standing), message),
            "{standing}"
        );
    }
    // A message of one word, or not every word capitalised, is no title.
    let text = "Gateway Unauthorized";
    assert!(!inside_a_sentence(text, &(8..20), "Unauthorized"));
    let text = "Google Request had invalid authentication credentials.";
    let sentence = "Request had invalid authentication credentials.";
    assert!(!inside_a_sentence(text, &(7..text.len()), sentence));
}
