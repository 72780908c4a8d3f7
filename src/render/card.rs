//! Cards: one match (or referral) as a labelled, wrapped block of text.

use super::labels::{ByErrcode, LABEL_WIDTH, authored_notes, labels, mark};
use super::text::{cjk_words, escape};
use super::{Lang, Look};
use crate::catalog::{Catalog, Catalogs, Entry, Source, Text};
use crate::family::Family;
use crate::matcher::{Clue, ClueKind, Match, ReferralMatch};
use crate::status;
use crate::template::{Captures, fill_code, fill_text};
use std::borrow::Cow;
use std::fmt::Write as _;

/// Drops a match whose other edition is already shown: the shown card lists both editions. (Looked up in
/// sets: `errcode list` of a large catalog folds every entry, and comparing each with every one shown
/// before made 20,000 entries take seconds.)
pub(super) fn fold_editions<'a, 'c>(matches: &'a [Match<'c>]) -> Vec<&'a Match<'c>> {
    // An entry as (its catalog's address, its index in it).
    let row = |m: &Match<'_>, index: usize| (std::ptr::from_ref(m.catalog) as usize, index);
    let mut shown: Vec<&Match<'c>> = Vec::new();
    let mut shown_rows = std::collections::HashSet::new();
    // The rows the shown ones are older editions of.
    let mut newer_of_shown = std::collections::HashSet::new();
    for m in matches {
        let newer_shown =
            (m.entry.edition_of).is_some_and(|newer| shown_rows.contains(&row(m, newer)));
        let older_shown = newer_of_shown.contains(&row(m, m.entry.index));
        if !newer_shown && !older_shown {
            shown_rows.insert(row(m, m.entry.index));
            if let Some(newer) = m.entry.edition_of {
                newer_of_shown.insert(row(m, newer));
            }
            shown.push(m);
        }
    }
    shown
}

/// How a piece of text is painted, applied after wrapping (styling before wrapping would break styles
/// across lines).
pub(super) type Paint<'p> = Box<dyn for<'t> Fn(&'t str) -> Cow<'t, str> + 'p>;

/// Writes a card: a header line, then labelled fields wrapped to the width under their label.
pub(super) struct CardWriter<'a> {
    pub(super) out: String,
    pub(super) look: &'a Look,
}

impl<'a> CardWriter<'a> {
    /// The header's parts are joined with ` · ` and wrapped between parts (within a part, between its
    /// words) so that no line is wider than the terminal.
    pub(super) fn new(look: &'a Look, header: &[(String, Paint<'_>)]) -> CardWriter<'a> {
        let width = look.width;
        let mut out = String::new();
        let mut used = 0;
        for (text, paint) in header {
            let w = unicode_width::UnicodeWidthStr::width(text.as_str());
            if used > 0 && used + 3 + w <= width {
                out.push_str(" · ");
                out.push_str(&paint(text));
                used += 3 + w;
                continue;
            }
            if used > 0 {
                out.push('\n');
            }
            let lines = wrap(text, width);
            for (i, line) in lines.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(&paint(line));
            }
            used = lines
                .last()
                .map_or(0, |l| unicode_width::UnicodeWidthStr::width(l.as_str()));
        }
        out.push('\n');
        CardWriter { out, look }
    }

    /// `paint` styles each wrapped line.
    pub(super) fn field(
        &mut self,
        label: &str,
        lines: &[String],
        paint: impl for<'t> Fn(&'t str) -> Cow<'t, str>,
    ) {
        let body_width = self.look.width.saturating_sub(LABEL_WIDTH + 2).max(20);
        let mut first = true;
        for line in lines {
            for wrapped in wrap(line, body_width) {
                let shown_label = if first { label } else { "" };
                let pad =
                    LABEL_WIDTH.saturating_sub(unicode_width::UnicodeWidthStr::width(shown_label));
                let _ = writeln!(
                    self.out,
                    "  {}{}{}",
                    self.look.palette.label(shown_label),
                    " ".repeat(pad),
                    paint(&wrapped)
                );
                first = false;
            }
        }
    }

    pub(super) fn plain(&mut self, label: &str, lines: &[String]) {
        self.field(label, lines, |l| Cow::Borrowed(l));
    }

    pub(super) fn footnote(&mut self, text: &str) {
        for line in wrap(text, self.look.width.saturating_sub(4).max(20)) {
            let _ = writeln!(self.out, "  {}", self.look.palette.aside(&line));
        }
    }
}

/// `line` wrapped to `width` columns: CJK text (no spaces) breaks between characters, other text at spaces;
/// a word longer than the width is split.
pub(super) fn wrap(line: &str, width: usize) -> Vec<String> {
    if line
        .bytes()
        .all(|b| b == b'\n' || super::text::printable_ascii(b))
    {
        return wrap_ascii(line, width.max(1));
    }
    if !line.is_ascii() {
        return wrap_words(line, width.max(1));
    }
    wrap_with_textwrap(line, width)
}

/// textwrap itself: for ASCII text with other than printable characters, and the tests' reference for the
/// two first fits above (which is why it keeps the `cjk_words` separator).
fn wrap_with_textwrap(line: &str, width: usize) -> Vec<String> {
    let separator = if line.is_ascii() {
        textwrap::WordSeparator::AsciiSpace
    } else {
        textwrap::WordSeparator::Custom(cjk_words)
    };
    // First fit, as terminals wrap: optimal fit balances lines better but costs most of a lookup.
    // Words are not split at their hyphens: `Content-Type` stays whole.
    let options = textwrap::Options::new(width.max(1))
        .word_separator(separator)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(line, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// A word of a line being wrapped, or a piece of one wider than the line: where it starts and ends, where
/// the spaces after it end, and its width in columns.
struct Piece {
    start: usize,
    end: usize,
    spaces: usize,
    width: usize,
}

/// textwrap's first fit (as `wrap_with_textwrap` asks it) over each line's pieces (`pieces_of`), measured
/// once each, without textwrap's generic machinery (which was a fifth of a code lookup's instructions, most
/// of it the family checklist): a piece goes on the line if the line's pieces, their spaces and it fit; a
/// line ends at its last piece (spaces dropped). A line shorter in bytes than the width is kept whole.
fn wrap_pieces(
    text: &str,
    width: usize,
    pieces_of: impl Fn(&str, usize, &mut Vec<Piece>),
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut pieces = Vec::new();
    for line in text.split('\n') {
        if line.len() < width {
            lines.push(line.trim_end_matches(' ').to_string());
            continue;
        }
        pieces.clear();
        pieces_of(line, width, &mut pieces);
        let mut first = 0;
        let mut taken = 0;
        for (index, piece) in pieces.iter().enumerate() {
            if taken + piece.width > width && index > first {
                lines.push(line[pieces[first].start..pieces[index - 1].end].to_string());
                first = index;
                taken = 0;
            }
            taken += piece.width + (piece.spaces - piece.end);
        }
        if let Some(last) = pieces.last() {
            lines.push(line[pieces[first].start..last.end].to_string());
        }
    }
    lines
}

/// Printable ASCII, every character one column wide: words with the spaces after them, a word wider than
/// the line cut into pieces the line's width.
fn wrap_ascii(text: &str, width: usize) -> Vec<String> {
    wrap_pieces(text, width, |line, width, pieces| {
        let bytes = line.as_bytes();
        let mut start = 0;
        while start < line.len() {
            let mut end = start;
            while end < line.len() && bytes[end] != b' ' {
                end += 1;
            }
            let mut spaces = end;
            while spaces < line.len() && bytes[spaces] == b' ' {
                spaces += 1;
            }
            let mut piece = start;
            while end - piece > width {
                pieces.push(Piece {
                    start: piece,
                    end: piece + width,
                    spaces: piece + width,
                    width,
                });
                piece += width;
            }
            pieces.push(Piece {
                start: piece,
                end,
                spaces,
                width: end - piece,
            });
            start = spaces;
        }
    })
}

/// Text beyond ASCII, over textwrap's words for it (`cjk_words`), each character measured once: a word
/// wider than the line is cut before the character that would pass it.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    wrap_pieces(text, width, |line, width, pieces| {
        let base = line.as_ptr() as usize;
        for word in cjk_words(line) {
            let start = word.word.as_ptr() as usize - base;
            let end = start + word.word.len();
            let (mut piece, mut piece_width) = (start, 0);
            for (at, c) in word.word.char_indices() {
                let c_width = c.width().unwrap_or(0);
                if piece_width > 0 && piece_width + c_width > width {
                    pieces.push(Piece {
                        start: piece,
                        end: start + at,
                        spaces: start + at,
                        width: piece_width,
                    });
                    (piece, piece_width) = (start + at, 0);
                }
                piece_width += c_width;
            }
            pieces.push(Piece {
                start: piece,
                end,
                spaces: end + word.whitespace.len(),
                width: piece_width,
            });
        }
    })
}

pub(super) fn card(
    m: &Match<'_>,
    catalogs: &Catalogs,
    look: &Look,
    checklists_shown: &mut Vec<&'static str>,
) -> String {
    let Look { lang, palette, .. } = *look;
    let labels = labels(lang);
    let (entry, catalog) = (m.entry, m.catalog);

    let mut header: Vec<(String, Paint<'_>)> = Vec::new();
    if let Some(code) = &entry.code {
        let code = escape(&code_display(code.source(), code.literal(), &m.captures)).into_owned();
        header.push((code, Box::new(move |t| palette.code(t))));
    }
    header.push((
        status_text(entry.status),
        Box::new(move |t| palette.status(entry.status, t)),
    ));
    header.push((
        escape(&product_name(catalog, lang)).into_owned(),
        Box::new(move |t| palette.vendor(t)),
    ));
    let mut card = CardWriter::new(look, &header);

    card.plain(
        labels.message,
        &[escape(&entry.message.display()).into_owned()],
    );
    if let Some(stated) = m.stated_status {
        let line = (labels.stated_status)(&status_text(stated), &status_text(entry.status));
        card.field(labels.status, &[line], |l| palette.aside(l));
    }
    if let Some(detail) = &m.detail {
        card.field(labels.detail, &[escape(detail).into_owned()], |l| {
            palette.capture(l)
        });
    }
    let authored = entry.authored;
    let by_errcode = [
        ByErrcode::of(authored.meaning_en, authored.meaning_zh, lang),
        ByErrcode::of(authored.fix_en, authored.fix_zh, lang),
    ];
    card.plain(
        &mark(by_errcode[0], labels.meaning),
        &texts(&entry.meaning, lang, &m.captures),
    );
    card.plain(
        &mark(by_errcode[1], labels.fix),
        &texts(&entry.fix, lang, &m.captures),
    );
    if !m.captures.is_empty() {
        card.plain(labels.filled, &[filled_line(&m.captures, look)]);
    }
    if let Some(note) = &entry.note {
        card.field(labels.note, &texts(note, lang, &m.captures), |l| {
            palette.aside(l)
        });
    }
    if let Some(confidence) = m.confidence {
        card.plain(
            labels.evidence,
            &[evidence_line(confidence, &m.clues, lang)],
        );
    }
    if let Some(family) = m.family {
        let with_checklist = !checklists_shown.contains(&family.id);
        if with_checklist {
            checklists_shown.push(family.id);
        }
        family_section(&mut card, family, catalog, catalogs, look, with_checklist);
    }
    if let Some(line) = editions_line(catalog, entry, lang) {
        card.plain(labels.editions, &[line]);
    }
    card.plain(labels.source, &[sources_line(catalog, entry, lang)]);
    for note in authored_notes(&by_errcode, lang) {
        card.footnote(note);
    }
    card.out
}

/// The entry's problem family: its name, errcode's checklist (unless an earlier card showed it), and the
/// same problem at the other vendors.
pub(super) fn family_section(
    card: &mut CardWriter<'_>,
    family: &Family,
    catalog: &Catalog,
    catalogs: &Catalogs,
    look: &Look,
    with_checklist: bool,
) {
    let lang = look.lang;
    let labels = labels(lang);
    let checklist_label = if with_checklist {
        labels.checklist
    } else {
        labels.checklist_above
    };
    card.plain(
        labels.family,
        &[format!("{} ({checklist_label})", lang.pick(&family.name))],
    );
    if with_checklist {
        checklist(card, family, lang, "");
    }
    // At most two per vendor: the card points at the rest (`errcode family ID` lists them all).
    const PER_VENDOR: usize = 2;
    let mut elsewhere: Vec<String> = Vec::new();
    let mut left_out = 0;
    let members = family.loaded_members(catalogs);
    for vendor in catalogs
        .vendors()
        .into_iter()
        .filter(|v| *v != catalog.vendor)
    {
        let mut shown: Vec<String> = Vec::new();
        for &(c, e) in members.iter().filter(|(c, _)| c.vendor == vendor) {
            let what = e.code.as_ref().map_or_else(
                || format!("\"{}\"", e.message.display()),
                |code| code.source().to_string(),
            );
            let item = format!("{} {} {}", c.vendor.id(), escape(&what), e.status);
            // Two editions of a row read the same here: once is enough.
            if shown.contains(&item) {
                continue;
            }
            if shown.len() < PER_VENDOR {
                shown.push(item);
            } else {
                left_out += 1;
            }
        }
        elsewhere.extend(shown);
    }
    if left_out > 0 {
        let more = labels.more;
        elsewhere.push(format!("+{left_out} {more}: errcode family {}", family.id));
    }
    if !elsewhere.is_empty() {
        card.plain(labels.elsewhere, &[elsewhere.join(" · ")]);
    }
}

/// A family's checklist, numbered, each step in the chosen languages; `label` on the first line.
pub(super) fn checklist(card: &mut CardWriter<'_>, family: &Family, lang: Lang, label: &str) {
    for (i, step) in family.checklist.iter().enumerate() {
        let lines: Vec<String> = texts(step, lang, &Captures::new())
            .iter()
            .enumerate()
            .map(|(j, l)| {
                if j == 0 {
                    format!("{}. {l}", i + 1)
                } else {
                    format!("   {l}")
                }
            })
            .collect();
        card.plain(if i == 0 { label } else { "" }, &lines);
    }
}

/// A code no entry has, with what the vendor's document says of such codes.
pub(super) fn referral_card(r: &ReferralMatch<'_>, look: &Look) -> String {
    let Look { lang, palette, .. } = *look;
    let labels = labels(lang);
    let header: [(String, Paint<'_>); 3] = [
        (
            escape(&r.code).into_owned(),
            Box::new(move |t| palette.code(t)),
        ),
        (
            labels.unlisted.to_string(),
            Box::new(move |t| palette.aside(t)),
        ),
        (
            escape(&product_name(r.catalog, lang)).into_owned(),
            Box::new(move |t| palette.vendor(t)),
        ),
    ];
    let mut card = CardWriter::new(look, &header);
    let authored = r.referral.authored;
    let by_errcode = [
        ByErrcode::of(authored.meaning_en, authored.meaning_zh, lang),
        ByErrcode::of(authored.fix_en, authored.fix_zh, lang),
    ];
    card.plain(
        &mark(by_errcode[0], labels.meaning),
        &texts(&r.referral.meaning, lang, &r.captures),
    );
    card.plain(
        &mark(by_errcode[1], labels.fix),
        &texts(&r.referral.fix, lang, &r.captures),
    );
    if let Some(confidence) = r.confidence {
        card.plain(
            labels.evidence,
            &[evidence_line(confidence, &r.clues, lang)],
        );
    }
    for note in authored_notes(&by_errcode, lang) {
        card.footnote(note);
    }
    card.out
}

pub(super) fn filled_line(captures: &Captures, look: &Look) -> String {
    captures
        .iter()
        .map(|(name, value)| format!("{name} = {}", look.palette.capture(&escape(value))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `95%: code "APIG.0303" (error_code), message (error_msg), status 401 (status line)`.
pub(super) fn evidence_line(confidence: u8, clues: &[Clue], lang: Lang) -> String {
    let parts: Vec<String> = clues
        .iter()
        .map(|c| {
            let mut text: String = c.text.chars().take(60).collect();
            if text.len() < c.text.len() {
                text.push('…');
            }
            let text = escape(&text).into_owned();
            let [code, message, status, vendor] = labels(lang).clue_kinds;
            let kind = match c.kind {
                ClueKind::Code => code,
                ClueKind::Message => message,
                ClueKind::Status => status,
                ClueKind::Vendor => vendor,
            };
            match c.kind {
                ClueKind::Vendor => format!("{kind}: {}", c.found_in),
                _ => format!("{kind} \"{text}\" ({})", escape(&c.found_in)),
            }
        })
        .collect();
    format!("{confidence}%: {}", parts.join(", "))
}

/// The code as shown on a card: a template code filled with what the query gave (`MissingGroupId`).
pub(super) fn code_display(source: &str, literal: Option<String>, captures: &Captures) -> String {
    literal.unwrap_or_else(|| fill_code(source, captures))
}

pub(super) fn status_text(status: u16) -> String {
    match status::reason(status) {
        "" => status.to_string(),
        reason => format!("{status} {reason}"),
    }
}

pub(super) fn product_name(catalog: &Catalog, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick(&catalog.vendor_name),
        lang.pick(&catalog.product)
    )
}

/// A bilingual text in the chosen languages, captures filled in.
pub(super) fn texts(text: &Text, lang: Lang, captures: &Captures) -> Vec<String> {
    let mut lines = Vec::new();
    if lang.en() {
        lines.push(escape(&fill_text(&text.en, captures)).into_owned());
    }
    if lang.zh() {
        lines.push(escape(&fill_text(&text.zh, captures)).into_owned());
    }
    lines
}

/// Which editions of the vendor's page carry this row, and what the other edition says where it differs.
pub(super) fn editions_line(catalog: &Catalog, entry: &Entry, lang: Lang) -> Option<String> {
    // Only a catalog whose sources are editions of one table (labelled as such) has editions to tell
    // apart; others list their sources under Source alone.
    if catalog.sources.len() < 2 || !catalog.sources.iter().any(|s| s.label.is_some()) {
        return None;
    }
    let label = |source: usize| source_label(catalog, &catalog.sources[source], lang);
    let own = entry
        .sources
        .iter()
        .map(|&s| label(s))
        .collect::<Vec<_>>()
        .join(", ");
    let others: Vec<&Entry> = (catalog.entries.editions(entry.index).into_iter())
        .filter_map(|i| catalog.entries.get(i))
        .collect();
    if others.is_empty() {
        return Some(escape(&own).into_owned());
    }
    let mut line = format!("{own}: {}", labels(lang).this_row);
    for other in others {
        let other_sources = other
            .sources
            .iter()
            .map(|&s| label(s))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = write!(
            line,
            "; {other_sources}: {} \"{}\"",
            status_text(other.status),
            other.message.display()
        );
    }
    // Labels and messages may come from a user's catalog.
    Some(escape(&line).into_owned())
}

pub(super) fn sources_line(catalog: &Catalog, entry: &Entry, lang: Lang) -> String {
    entry
        .sources
        .iter()
        .map(|&s| {
            let source = &catalog.sources[s];
            let mut line = escape(&source_title(catalog, source, lang)).into_owned();
            if let Some(date) = source
                .date
                .as_ref()
                .filter(|d| !line.contains(d.as_ref() as &str))
            {
                line = format!("{line}, {}", escape(date));
            }
            if let Some(url) = &source.url {
                line = format!("{line} <{}>", escape(url));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A source as named in the chosen languages. The catalogs give each source one title, in the document's
/// own language; with `--lang en` a Chinese title is replaced by what the catalog says of it in English:
/// its product's English name, its edition's English label where it has one, and that the document is
/// Chinese (`Huawei Cloud API Gateway (APIG) error codes (2024-01-15 edition, Chinese document)`). The date
/// and the address follow, as for any source.
pub(super) fn source_title(catalog: &Catalog, source: &Source, lang: Lang) -> String {
    if lang != Lang::En || !has_cjk(&source.title) {
        return source.title.to_string();
    }
    let what = match source.label.as_ref().filter(|l| !has_cjk(&l.en)) {
        Some(label) => format!("{}, Chinese document", label.en),
        None => "Chinese document".to_string(),
    };
    format!("{} error codes ({what})", product_name(catalog, Lang::En))
}

/// A source's edition label in the chosen languages, or its title where it has none.
pub(super) fn source_label(catalog: &Catalog, source: &Source, lang: Lang) -> String {
    source.label.as_ref().map_or_else(
        || source_title(catalog, source, lang),
        |l| lang.pick(l).to_string(),
    )
}

/// Whether `text` holds Chinese (or other CJK) characters.
pub(super) fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}'
            | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{3134f}')
    })
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2000))]
        /// Printable ASCII wraps into the lines textwrap makes of it (leading, doubled and trailing spaces,
        /// words longer than the line, several lines, any width).
        #[test]
        fn ascii_wraps_as_textwrap_wraps(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "abc", "Check", "the", " ", "  ", "\n", "x-date", "Content-Type",
                    "averyveryverylongwordthatnolinecanhold", "1.", "(e.g.", "APIG.0303",
                ]),
                0..40,
            ),
            width in 0usize..50,
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(
                super::wrap_ascii(&text, width.max(1)),
                super::wrap_with_textwrap(&text, width)
            );
        }

        /// Text beyond ASCII wraps into the lines textwrap makes of it over the same words: Chinese,
        /// its punctuation, wide and zero-width characters, mixed with ASCII words and spaces.
        #[test]
        fn text_beyond_ascii_wraps_as_textwrap_wraps(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "签名", "错误", "，", "。", "（", "）", "“", "”", "请检查", "x-date", " ", "  ", "\n",
                    "API", "次/秒", "/", "https://example.com/a", "é", "\u{200b}", "ｗｉｄｅ", "、",
                    "请求头中缺少必需的参数或参数值不合法请检查后重试", "a", "Content-Type", "%",
                ]),
                0..40,
            ),
            width in 0usize..40,
        ) {
            let text = pieces.concat();
            proptest::prop_assume!(!text.is_ascii());
            proptest::prop_assert_eq!(
                super::wrap_words(&text, width.max(1)),
                super::wrap_with_textwrap(&text, width)
            );
        }
    }
}
