//! Text that reaches the terminal: escaping untrusted text, breaking Chinese text into words, cutting to a width.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::template::needs_escape;

/// The words of a line that may hold CJK text, for textwrap: the rules of Unicode's line breaking (UAX #14)
/// that catalog texts need, at a fraction of the full segmenter's cost (which was most of a lookup's time).
/// A line may break after spaces, after a slash before a letter, and beside a CJK character; never before
/// closing punctuation or a slash (even after spaces), after opening punctuation, or beside a quotation
/// mark (no line starts with `，` or ends with `（`).
pub(super) fn cjk_words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let closing = |c: char| {
        matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '？'
                | '！'
                | '）'
                | '」'
                | '』'
                | '】'
                | '》'
                | '〉'
                | '〕'
                | '］'
                | '｝'
                | ','
                | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '/'
        )
    };
    let never_first = |c: char| matches!(c, '・' | 'ー' | '…' | '‥' | '々' | '〜' | '％' | '%');
    let opening = |c: char| {
        matches!(
            c,
            '（' | '「' | '『' | '【' | '《' | '〈' | '〔' | '［' | '｛' | '(' | '[' | '{'
        )
    };
    let quote = |c: char| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’');
    let cjk = |c: char| {
        matches!(c, '\u{1100}'..='\u{11FF}' | '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}'
            | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}'
            | '\u{20000}'..='\u{3FFFF}')
    };
    let mut start = 0;
    let mut previous: Option<char> = None;
    let mut chars = line.char_indices();
    Box::new(std::iter::from_fn(move || {
        for (at, c) in chars.by_ref() {
            let breaks = previous.is_some_and(|p| match (p, c) {
                (_, ' ') => false,
                (' ', _) => !closing(c),
                _ if closing(c) || never_first(c) || quote(c) => false,
                // `application/json`, `https://`, `次/秒`.
                ('/', _) => c.is_ascii_alphabetic() || cjk(c),
                _ => (cjk(p) || cjk(c)) && !opening(p) && !quote(p),
            });
            previous = Some(c);
            if breaks {
                let word = textwrap::core::Word::from(&line[start..at]);
                start = at;
                return Some(word);
            }
        }
        (start < line.len()).then(|| {
            let word = textwrap::core::Word::from(&line[start..]);
            start = line.len();
            word
        })
    }))
}

/// As `escape`, keeping line breaks and tabs: for multi-line messages that quote outside text.
pub fn escape_lines(text: &str) -> String {
    // The pieces between breaks and tabs are escaped, not the whole: a `\t` the text itself holds stays.
    text.split('\n')
        .map(|line| line.split('\t').map(escape).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A byte of printable ASCII: one column wide, nothing to escape. Most of what errcode prints is made of
/// these, so a byte test settles width and escaping for it without decoding characters.
pub(super) fn printable_ascii(byte: u8) -> bool {
    (0x20..0x7f).contains(&byte)
}

/// Shows control characters and invisible format characters from outside text (pastes, captures, user
/// catalogs, file names) as visible escapes (`template::needs_escape` says which), so that text can never
/// move the cursor, set the title, write the clipboard, reorder a line or hide a character.
pub fn escape(text: &str) -> Cow<'_, str> {
    if is_safe(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped_chars(&mut out, text);
    Cow::Owned(out)
}

/// `escape(text)` appended to `out`, without a copy of a long text between.
pub fn push_escaped(out: &mut String, text: &str) {
    if is_safe(text) {
        out.push_str(text);
    } else {
        push_escaped_chars(out, text);
    }
}

/// `text`'s characters appended to `out`, those `needs_escape` names as escapes.
fn push_escaped_chars(out: &mut String, text: &str) {
    for c in text.chars() {
        if needs_escape(c) {
            let _ = match c {
                '\n' => write!(out, "\\n"),
                '\t' => write!(out, "\\t"),
                '\r' => write!(out, "\\r"),
                c if (c as u32) < 0x100 => write!(out, "\\x{:02x}", c as u32),
                c => write!(out, "\\u{{{:04x}}}", c as u32),
            };
        } else {
            out.push(c);
        }
    }
}

/// Whether `text` has nothing `escape` would change.
fn is_safe(text: &str) -> bool {
    // (Most text is printable ASCII: one byte test settles it; beyond ASCII, only characters from U+007F
    // up are decoded.)
    text.bytes().all(printable_ascii)
        || !(text.bytes().any(|b| b < 0x20) || crate::template::wide_needs_escape(text))
}

/// A regex of `catalog patterns` with every character `needs_escape` names written as a regex escape
/// (`\x{1b}`), which ripgrep and Rust's regex read as that character: the codes and messages of a catalog
/// the rules let in hold none, but a catalog read from a cache file is printed as safely.
pub fn escape_pattern(pattern: &str) -> Cow<'_, str> {
    if !pattern.chars().any(needs_escape) {
        return Cow::Borrowed(pattern);
    }
    let mut out = String::with_capacity(pattern.len() + 8);
    for c in pattern.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\x{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

// ---------------------------------------------------------------------------------------------------------
// JSON

// ---------------------------------------------------------------------------------------------------------
// Scan output

/// `text` cut to `width` columns, with `…` where it was cut.
pub(super) fn truncate(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::{cjk_words, escape};

    fn words(line: &str) -> Vec<String> {
        cjk_words(line)
            .map(|w| format!("{}{}", w.word, w.whitespace))
            .collect()
    }

    #[test]
    fn cjk_text_breaks_between_characters_but_not_at_punctuation() {
        // Between ideographs; never before closing or after opening punctuation, nor beside quotes.
        assert_eq!(
            words("减小请求body大小（约12M）。"),
            [
                "减",
                "小",
                "请",
                "求",
                "body",
                "大",
                "小",
                "（约",
                "12M）。"
            ]
        );
        assert_eq!(words("须以“/”开头"), ["须", "以“/”开", "头"]);
        // At spaces, and after a slash before a letter or ideograph; not before a slash or digits.
        assert_eq!(
            words("用 application/json，20 次/秒 api/271"),
            [
                "用 ",
                "application/",
                "json，",
                "20 ",
                "次/",
                "秒 ",
                "api/271"
            ]
        );
        // Nothing is lost or reordered.
        let line = "确认 Key ID 与 Secret 是同一对（而不是 Key ID）；“x”。";
        assert_eq!(words(line).concat(), line);
    }

    #[test]
    fn json_escapes_c1_and_bidi_characters_too() {
        let json = crate::render::json::json_safe(
            serde_json::json!({"t": "a\u{9b}b\u{202e}c\u{1b}"}).to_string(),
        );
        assert_eq!(json, r#"{"t":"a\u009bb\u202ec\u001b"}"#);
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["t"], "a\u{9b}b\u{202e}c\u{1b}");
    }

    #[test]
    fn escaped_lines_keep_their_breaks_and_tabs_and_nothing_else() {
        assert_eq!(
            super::escape_lines("a\tb\nc\u{1b}[2J\n"),
            "a\tb\nc\\x1b[2J\n"
        );
        // A backslash and `t` the text holds are not a tab.
        assert_eq!(super::escape_lines(r"C:\temp"), r"C:\temp");
    }

    #[test]
    fn format_characters_are_escaped_too() {
        // Bidi marks, zero-width characters, the BOM, the soft hyphen, a tag character, DEL.
        assert_eq!(
            escape("a\u{200e}b\u{200f}c\u{61c}d\u{200b}e\u{feff}f\u{ad}g\u{e0041}h\u{7f}"),
            "a\\u{200e}b\\u{200f}c\\u{061c}d\\u{200b}e\\u{feff}f\\xadg\\u{e0041}h\\x7f"
        );
        // Printable text of any script, and white space that is not a control, stays.
        assert_eq!(escape("错误 ошибка خطأ\u{a0}é"), "错误 ошибка خطأ\u{a0}é");
    }

    #[test]
    fn patterns_escape_in_regex_syntax() {
        let pattern = super::escape_pattern("Evil\u{1b}\\[31m\u{202e}x");
        assert_eq!(pattern, "Evil\\x{1b}\\[31m\\x{202e}x");
        let regex = regex::Regex::new(&pattern).unwrap();
        assert!(regex.is_match("Evil\u{1b}[31m\u{202e}x"));
    }

    #[test]
    fn control_and_bidi_characters_are_escaped() {
        assert_eq!(escape("plain 文本"), "plain 文本");
        assert_eq!(
            escape("a\x1b]52;c;ZXZpbA==\x07b"),
            "a\\x1b]52;c;ZXZpbA==\\x07b"
        );
        assert_eq!(escape("x\u{202E}y\u{2066}"), "x\\u{202e}y\\u{2066}");
        assert_eq!(escape("\u{9b}2J"), "\\x9b2J");
        assert_eq!(escape("l1\nl2\t"), "l1\\nl2\\t");
    }
}
