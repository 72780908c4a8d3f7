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
