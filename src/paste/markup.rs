//! Inline HTML markup inside a message. A response may link or stress a word of its message (Google's
//! YouTube Data API: `... exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.`) where the
//! vendor's document prints the words alone (`... exceeded your quota.`): a paste's view without the tags of
//! inline elements reads the message as documented. Block elements (`<html>`, `<h1>`, `<title>`) are kept:
//! they part an error page's texts rather than mark up a message's words.

/// The inline elements whose tags a message may carry around a word.
const INLINE: [&str; 6] = ["a", "b", "i", "em", "strong", "code"];

/// The longest tag removed, in bytes: an `<a href="...">` with its address; a longer one is not markup.
const LONGEST_TAG: usize = 512;

/// Whether `text` closes an inline element (`</a>`, any case): only then may it carry such markup.
pub(super) fn closes_inline_element(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, "</").any(|at| tag_end(bytes, at).is_some())
}

/// Where the tag of an inline element starting at `at` (its `<`) ends, past its `>`: an opening tag
/// (`<a href="...">`, `<b>`) or a closing one (`</a>`), on one line.
fn tag_end(bytes: &[u8], at: usize) -> Option<usize> {
    let name_at = at + 1 + usize::from(bytes.get(at + 1) == Some(&b'/'));
    let name = INLINE.iter().find(|name| {
        (bytes.get(name_at..name_at + name.len()))
            .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
    })?;
    let after = name_at + name.len();
    let closing = name_at > at + 1;
    match bytes.get(after)? {
        b'>' => Some(after + 1),
        // Attributes: a name, `=` and a quoted value (`href="..."`), not any words up to a `>` (`a<b and
        // b>c`).
        b' ' if !closing => {
            let rest = &bytes[after..bytes.len().min(at + LONGEST_TAG)];
            let end = memchr::memchr3(b'>', b'<', b'\n', rest)?;
            let attributes = &rest[..end];
            let quoted = (attributes.windows(2)).any(|w| w == b"=\"" || w == b"='");
            (rest[end] == b'>' && quoted).then_some(after + end + 1)
        }
        _ => None,
    }
}

/// The text without the tags of inline elements (their words kept), and for each output byte the offset of
/// the input byte it came from.
pub(super) fn strip_inline_tags(text: &str) -> (String, super::Origins) {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'<'
            && let Some(end) = tag_end(bytes, at)
        {
            at = end;
            continue;
        }
        out.push(bytes[at]);
        map.push(super::origin(at));
        at += 1;
    }
    // Only ASCII tags were taken out, whole: what is left is as valid UTF-8 as the text was.
    let out = String::from_utf8(out).expect("tags removed whole leave UTF-8");
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_tags_are_removed_and_their_words_kept() {
        let text = r#"exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>."#;
        assert!(closes_inline_element(text));
        let (plain, map) = strip_inline_tags(text);
        assert_eq!(plain, "exceeded your quota.");
        assert_eq!(map.len(), plain.len());
        let at = map[14] as usize;
        assert_eq!(&text[at..at + 5], "quota");
        let (plain, _) = strip_inline_tags("a <B>bold</B> <code>x</code> é");
        assert_eq!(plain, "a bold x é");
    }

    #[test]
    fn block_tags_and_other_angles_stay() {
        let page =
            "<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>";
        assert!(!closes_inline_element(page));
        assert_eq!(strip_inline_tags(page).0, page);
        for text in [
            "a < b > c",
            "<abbr>x</abbr>",
            "<a href=\"x\n\">y",
            "if a<b and b>c",
        ] {
            assert_eq!(strip_inline_tags(text).0, text, "{text}");
        }
    }
}
