//! Terminal escape sequences in a paste or log line. Output meant for a terminal colours its words
//! (Terraform's `\x1b[1m\x1b[31mError: \x1b[0m\x1b[0m\x1b[1m[SDK.ServerError]...`, a logger's coloured
//! level) and keeps the escapes when it is piped into a file or a CI log: an escape's last letter would
//! stand against a code (`\x1b[1mAPIG.0303`) and hide it. Such text is read, and a scan prints it, as the
//! terminal would have shown it: without the sequences.

/// The escape character that starts every sequence.
const ESC: u8 = 0x1b;

/// `text` without its terminal escape sequences (ECMA-48 control sequences, `ESC [ ... m`; operating
/// system commands, `ESC ] ... BEL` or `ESC ] ... ESC \`; character sets, `ESC ( B`; and a few two-byte
/// escapes, `ESC =`), or `None` where it has none. An escape character that starts no sequence is kept.
pub fn without_terminal_escapes(text: &str) -> Option<String> {
    let mut out = String::new();
    let found = each_kept_piece(text, |piece| {
        if out.capacity() == 0 {
            out.reserve(text.len());
        }
        out.push_str(&text[piece]);
    });
    found.then_some(out)
}

/// A paste's view without its terminal escape sequences (`without_terminal_escapes`), and for each of its
/// bytes the offset in `text` it came from.
pub(super) fn uncoloured_view(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    if !each_kept_piece(text, |piece| {
        out.push_str(&text[piece.clone()]);
        map.extend(piece);
    }) {
        return (text.to_string(), (0..text.len()).collect());
    }
    (out, map)
}

/// Whether `text` holds a terminal escape sequence.
pub(super) fn has_terminal_escapes(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(ESC, bytes).any(|at| sequence_end(bytes, at).is_some())
}

/// Hands `keep` the pieces of `text` around its escape sequences, in order, where it has one; whether it
/// has.
fn each_kept_piece(text: &str, mut keep: impl FnMut(std::ops::Range<usize>)) -> bool {
    let bytes = text.as_bytes();
    let (mut kept_to, mut from) = (0, 0);
    let mut found = false;
    while let Some(at) = memchr::memchr(ESC, &bytes[from..]).map(|i| from + i) {
        from = at + 1;
        if let Some(end) = sequence_end(bytes, at) {
            if at > kept_to {
                keep(kept_to..at);
            }
            (kept_to, from, found) = (end, end, true);
        }
    }
    if found && kept_to < text.len() {
        keep(kept_to..text.len());
    }
    found
}

/// Where the sequence whose escape character is at `at` ends (past its last byte), if one starts there.
/// Every byte of a sequence is ASCII, so the text around it stays whole characters.
fn sequence_end(bytes: &[u8], at: usize) -> Option<usize> {
    let kind = *bytes.get(at + 1)?;
    match kind {
        // A control sequence: parameters and intermediates, then a final byte.
        b'[' => {
            let rest = &bytes[at + 2..];
            let inner = rest.iter().position(|&b| !(0x20..=0x3f).contains(&b))?;
            (0x40..=0x7e)
                .contains(&rest[inner])
                .then_some(at + 2 + inner + 1)
        }
        // An operating system command (a window title, a hyperlink), ended by BEL or ESC \.
        b']' => {
            let rest = &bytes[at + 2..];
            let end = rest
                .iter()
                .position(|&b| b == 0x07 || b == ESC || b == b'\n')?;
            match rest[end] {
                0x07 => Some(at + 2 + end + 1),
                ESC if rest.get(end + 1) == Some(&b'\\') => Some(at + 2 + end + 2),
                _ => None,
            }
        }
        // A character set's choice (`ESC ( B`).
        b'(' | b')' => bytes
            .get(at + 2)
            .filter(|b| b.is_ascii_graphic())
            .map(|_| at + 3),
        // The keypad's modes and the cursor's save and restore (`ESC =`, `ESC 7`), which programs that
        // draw on a terminal emit, and a stray string terminator. (Not the two-byte escapes that end in
        // a letter: `\x1bAPIG.0303` would lose a letter of its code.)
        b'=' | b'>' | b'7' | b'8' | b'\\' => Some(at + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::without_terminal_escapes as strip;

    #[test]
    fn the_view_maps_each_byte_to_the_paste() {
        let text = "a\x1b[1mBC\x1b[0m d";
        let (view, map) = super::uncoloured_view(text);
        assert_eq!(view, "aBC d");
        assert_eq!(map, [0, 5, 6, 11, 12]);
        assert!(super::has_terminal_escapes(text));
        assert!(!super::has_terminal_escapes("a\x1b b"));
    }

    #[test]
    fn colours_are_removed_and_the_words_kept() {
        assert_eq!(
            strip("\x1b[1m\x1b[31mError: \x1b[0m\x1b[0m\x1b[1mAPIG.0303\x1b[0m done").as_deref(),
            Some("Error: APIG.0303 done")
        );
        assert_eq!(
            strip("\x1b[38;5;196m服务未开通\x1b[m。").as_deref(),
            Some("服务未开通。")
        );
        // A hyperlink (OSC 8) around a word, ended by ESC \ and by BEL.
        assert_eq!(
            strip("see \x1b]8;;https://x.test/a\x1b\\docs\x1b]8;;\x07 now").as_deref(),
            Some("see docs now")
        );
        assert_eq!(strip("\x1b(Bplain\x1b=").as_deref(), Some("plain"));
    }

    #[test]
    fn text_without_a_sequence_is_left_alone() {
        assert_eq!(strip("APIG.0303 plain"), None);
        // An escape character that starts no sequence, and a sequence cut off at the end.
        assert_eq!(strip("a\x1b b"), None);
        assert_eq!(strip("a \x1b[31"), None);
        assert_eq!(strip("a\x1b\x1b[0mb").as_deref(), Some("a\x1bb"));
        assert_eq!(strip("\x1b]0;title"), None);
        // Not an escape ending in a letter, which would take the first of a code.
        assert_eq!(strip("\x1bAPIG.0303"), None);
    }
}
