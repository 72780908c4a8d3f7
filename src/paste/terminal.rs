//! Terminal escape sequences in a paste or log line. Output meant for a terminal colours its words
//! (Terraform's `\x1b[1m\x1b[31mError: \x1b[0m\x1b[0m\x1b[1m[SDK.ServerError]...`, a logger's coloured
//! level) and keeps the escapes when it is piped into a file or a CI log: an escape's last letter would
//! stand against a code (`\x1b[1mAPIG.0303`) and hide it. Such text is read, and a scan prints it, as the
//! terminal would have shown it: without the sequences that colour it.

/// The escape character that starts every sequence.
const ESC: u8 = 0x1b;

/// `text` without the terminal escape sequences that colour it (ECMA-48's select graphic rendition, `ESC [
/// ... m`, and erase in line, `ESC [ K`; a character set's choice, `ESC ( B`), or `None` where it has none.
/// Other sequences, and an escape character that starts none, are kept.
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

/// A paste's view without the sequences that colour it (`without_terminal_escapes`), and for each of its
/// bytes the offset in `text` it came from; `None` where it has none.
pub(super) fn uncoloured_view(text: &str) -> Option<(String, super::Origins)> {
    let mut out = String::new();
    let mut map = Vec::new();
    each_kept_piece(text, |piece| {
        out.push_str(&text[piece.clone()]);
        map.extend(piece.map(super::origin));
    })
    .then_some((out, map))
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
    match *bytes.get(at + 1)? {
        // A control sequence, parameters and intermediates then a final byte, that sets colours (`m`) or
        // clears the rest of the line behind them (`K`, as `grep --color` writes). Others (the cursor's
        // moves) are kept: removed, they would join what the terminal showed apart (`APIG.03\x1b[1C03`).
        b'[' => {
            let rest = &bytes[at + 2..];
            let inner = rest.iter().position(|&b| !(0x20..=0x3f).contains(&b))?;
            matches!(rest[inner], b'm' | b'K').then_some(at + 2 + inner + 1)
        }
        // A character set's choice (`ESC ( B`, which `tput sgr0` writes beside its colours' reset).
        b'(' | b')' => bytes
            .get(at + 2)
            .filter(|b| b.is_ascii_graphic())
            .map(|_| at + 3),
        // (Not an operating system command, a hyperlink's or a window title's: its text, a link's address,
        // may name the error, as Alibaba's troubleshooting links do.)
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::without_terminal_escapes as strip;

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
        // As `grep --color=always` marks what it found, inside a code.
        assert_eq!(
            strip("error_code: \x1b[01;31m\x1b[KAPIG\x1b[m\x1b[K.0303").as_deref(),
            Some("error_code: APIG.0303")
        );
        assert_eq!(strip("\x1b(B\x1b[mplain").as_deref(), Some("plain"));
    }

    #[test]
    fn text_without_a_colour_is_left_alone() {
        assert_eq!(strip("APIG.0303 plain"), None);
        // An escape character that starts no sequence, and a sequence cut off at the end.
        assert_eq!(strip("a\x1b b"), None);
        assert_eq!(strip("a \x1b[31"), None);
        assert_eq!(strip("a\x1b\x1b[0mb").as_deref(), Some("a\x1bb"));
        // Not an escape ending in a letter, which would take the first of a code.
        assert_eq!(strip("\x1bAPIG.0303"), None);
        // The cursor's moves, a hyperlink and a window title are kept.
        assert_eq!(strip("APIG.03\x1b[1C03"), None);
        assert_eq!(strip("\x1b[APIG.0303"), None);
        assert_eq!(
            strip("see \x1b]8;;https://x.test/?q=APIG.0303\x1b\\docs\x1b]8;;\x07 now"),
            None
        );
    }

    #[test]
    fn the_view_maps_each_byte_to_the_paste() {
        let text = "a\x1b[1mBC\x1b[0m d";
        let (view, map) = super::uncoloured_view(text).unwrap();
        assert_eq!(view, "aBC d");
        assert_eq!(map, [0, 5, 6, 11, 12]);
        assert!(super::uncoloured_view("a\x1b b").is_none());
    }
}
