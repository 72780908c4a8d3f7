//! Output: bilingual cards for a few matches, tables for many, and the JSON contract. Everything is rendered
//! into a `String` first, so a failure never leaves half an output behind.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::catalog::{Catalog, Catalogs, Entry, Origin, Text, Vendor};
use crate::family::{self, Family};
use crate::matcher::{Clue, ClueKind, Match, MatchedBy, Outcome, QueryKind, ReferralMatch};
use crate::scan::{LineReport, Summary};
use crate::status;
use crate::style::Palette;
use crate::template::{Captures, fill_text};

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Zh,
    Both,
}

impl Lang {
    fn en(self) -> bool {
        self != Lang::Zh
    }
    fn zh(self) -> bool {
        self != Lang::En
    }
    /// Labels and names in Chinese only when English is not shown.
    fn pick(self, text: &Text) -> &str {
        if self == Lang::Zh { &text.zh } else { &text.en }
    }
}

/// How human output looks, resolved once by the CLI.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub lang: Lang,
    pub palette: Palette,
    /// Terminal columns to fit.
    pub width: usize,
}

/// Up to this many matches are shown as cards; more as a table.
pub const MAX_CARDS: usize = 4;

// ---------------------------------------------------------------------------------------------------------
// Human output

/// Cards or tables for every outcome, with a heading per query when there are several.
pub fn human(outcomes: &[Outcome<'_>], catalogs: &Catalogs, look: &Look) -> String {
    let mut out = String::new();
    // A family's checklist is printed with the first card of the family only.
    let mut checklists_shown: Vec<&str> = Vec::new();
    for outcome in outcomes
        .iter()
        .filter(|o| !o.matches.is_empty() || !o.referrals.is_empty())
    {
        if outcomes.len() > 1 {
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "{}",
                look.palette
                    .heading(&format!("── {} ──", escape(&outcome.query)))
            );
        }
        let shown = fold_editions(&outcome.matches);
        if shown.len() + outcome.referrals.len() <= MAX_CARDS {
            // Cards in the order the errors stand in a paste (entries first otherwise).
            let mut order: Vec<(usize, Result<&Match<'_>, &ReferralMatch<'_>>)> = shown
                .iter()
                .map(|m| (m.position.unwrap_or(0), Ok(*m)))
                .chain(
                    outcome
                        .referrals
                        .iter()
                        .map(|r| (r.position.unwrap_or(usize::MAX), Err(r))),
                )
                .collect();
            order.sort_by_key(|(position, _)| *position);
            let cards: Vec<String> = order
                .into_iter()
                .map(|(_, shown)| match shown {
                    Ok(m) => card(m, catalogs, look, &mut checklists_shown),
                    Err(r) => referral_card(r, look),
                })
                .collect();
            out.push_str(&cards.join("\n"));
        } else {
            if matches!(outcome.kind, QueryKind::Status | QueryKind::List) {
                out.push_str(&grouped_tables(&outcome.matches, look));
            } else {
                out.push_str(&table(&outcome.matches, look, true));
            }
            for r in &outcome.referrals {
                out.push('\n');
                out.push_str(&referral_card(r, look));
            }
        }
    }
    out
}

/// What to tell the user (on standard error) about queries that matched nothing.
pub fn not_found(outcomes: &[Outcome<'_>]) -> String {
    let mut out = String::new();
    for outcome in outcomes.iter().filter(|o| o.matches.is_empty()) {
        let _ = write!(
            out,
            "errcode: no entry matches {:?}",
            escape(&outcome.query)
        );
        if !outcome.suggestions.is_empty() {
            let _ = write!(out, "; did you mean {}?", outcome.suggestions.join(", "));
        }
        out.push('\n');
    }
    out
}

/// Drops a match whose other edition is already shown: the shown card lists both editions.
fn fold_editions<'a, 'c>(matches: &'a [Match<'c>]) -> Vec<&'a Match<'c>> {
    // `a` is an older edition of `b`.
    let edition_of = |a: &Match<'_>, b: &Match<'_>| a.entry.edition_of == Some(b.entry.index);
    let mut shown: Vec<&Match<'c>> = Vec::new();
    for m in matches {
        let twin_shown = shown
            .iter()
            .any(|s| std::ptr::eq(s.catalog, m.catalog) && (edition_of(m, s) || edition_of(s, m)));
        if !twin_shown {
            shown.push(m);
        }
    }
    shown
}

struct Labels {
    family: &'static str,
    checklist: &'static str,
    checklist_above: &'static str,
    checklist_short: &'static str,
    family_note: &'static str,
    elsewhere: &'static str,
    message: &'static str,
    detail: &'static str,
    evidence: &'static str,
    unlisted: &'static str,
    meaning: &'static str,
    fix: &'static str,
    filled: &'static str,
    note: &'static str,
    editions: &'static str,
    source: &'static str,
    authored: &'static str,
    /// A clue's kind in an evidence line: code, message, status, vendor.
    clue_kinds: [&'static str; 4],
    /// Table headings.
    vendor: &'static str,
    code: &'static str,
    status: &'static str,
    family_headings: [&'static str; 3],
    about: &'static str,
    /// Other vendors' members left off a card, after their count.
    more: &'static str,
    /// A row's own edition, in the editions line.
    this_row: &'static str,
    by_vendor: &'static str,
    by_status: &'static str,
    /// "N entries" in a status listing's group heading.
    entries: fn(usize) -> String,
    /// The summary's first line, from the matched lines and all lines.
    lines_with_errors: fn(u64, u64) -> String,
}

const LABELS_EN: Labels = Labels {
    family: "Family",
    checklist: "errcode's checklist",
    checklist_above: "errcode's checklist: above",
    checklist_short: "Checklist",
    family_note: "The explanation and checklist are errcode's own, not any vendor's.",
    elsewhere: "Elsewhere",
    message: "Message",
    detail: "Detail",
    evidence: "Evidence",
    unlisted: "not in the tables",
    meaning: "Meaning",
    fix: "Fix",
    filled: "Filled",
    note: "Note",
    editions: "Editions",
    source: "Source",
    authored: "† written by errcode: the vendor's document gives none",
    clue_kinds: ["code", "message", "status", "vendor"],
    vendor: "Vendor",
    code: "Code",
    status: "Status",
    family_headings: ["Family", "Name", "Members"],
    about: "About",
    more: "more",
    this_row: "this row",
    by_vendor: "By vendor",
    by_status: "By status",
    entries: |n| format!("{n} {}", if n == 1 { "entry" } else { "entries" }),
    lines_with_errors: |matched, lines| {
        format!("{matched} of {lines} lines carry gateway errors\n")
    },
};

const LABELS_ZH: Labels = Labels {
    family: "问题类别",
    checklist: "errcode 的排查清单",
    checklist_above: "errcode 的排查清单见上文",
    checklist_short: "排查清单",
    family_note: "说明与排查清单由 errcode 编写，并非厂商文档内容。",
    elsewhere: "其他厂商",
    message: "错误信息",
    detail: "详细信息",
    evidence: "依据",
    unlisted: "未收录",
    meaning: "含义",
    fix: "解决方案",
    filled: "填充值",
    note: "备注",
    editions: "版本",
    source: "来源",
    authored: "† 由 errcode 编写：厂商文档未提供",
    clue_kinds: ["错误码", "错误信息", "状态码", "厂商"],
    vendor: "厂商",
    code: "错误码",
    status: "状态码",
    family_headings: ["类别", "名称", "成员"],
    about: "说明",
    more: "更多",
    this_row: "本行",
    by_vendor: "按厂商",
    by_status: "按状态码",
    entries: |n| format!("{n} 条"),
    lines_with_errors: |matched, lines| format!("{lines} 行中有 {matched} 行含网关错误\n"),
};

const LABEL_WIDTH: usize = 10;

/// Writes a card: a header line, then labelled fields wrapped to the width under their label.
struct CardWriter<'a> {
    out: String,
    look: &'a Look,
}

impl<'a> CardWriter<'a> {
    fn new(look: &'a Look, header: &[String]) -> CardWriter<'a> {
        CardWriter {
            out: format!("{}\n", header.join(" · ")),
            look,
        }
    }

    /// `paint` styles each wrapped line (styling before wrapping would break styles across lines).
    fn field(&mut self, label: &str, lines: &[String], paint: impl Fn(&str) -> String) {
        let body_width = self.look.width.saturating_sub(LABEL_WIDTH + 2).max(20);
        let mut first = true;
        for line in lines {
            // CJK text (no spaces) breaks between characters; ASCII text only at spaces.
            let separator = if line.is_ascii() {
                textwrap::WordSeparator::AsciiSpace
            } else {
                textwrap::WordSeparator::Custom(cjk_words)
            };
            // First fit, as terminals wrap: optimal fit balances lines better but costs most of a lookup.
            // Words are not split at their hyphens: `Content-Type` stays whole.
            let options = textwrap::Options::new(body_width)
                .word_separator(separator)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
            for wrapped in textwrap::wrap(line, options) {
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

    fn plain(&mut self, label: &str, lines: &[String]) {
        self.field(label, lines, str::to_string);
    }

    fn footnote(&mut self, text: &str) {
        let _ = writeln!(self.out, "  {}", self.look.palette.aside(text));
    }
}

/// The words of a line that may hold CJK text, for textwrap: the rules of Unicode's line breaking (UAX #14)
/// that catalog texts need, at a fraction of the full segmenter's cost (which was most of a lookup's time).
/// A line may break after spaces, after a slash before a letter, and beside a CJK character; never before
/// closing punctuation or a slash (even after spaces), after opening punctuation, or beside a quotation
/// mark (no line starts with `，` or ends with `（`).
fn cjk_words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
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

fn labels(lang: Lang) -> &'static Labels {
    if lang == Lang::Zh {
        &LABELS_ZH
    } else {
        &LABELS_EN
    }
}

/// A label with `†` when errcode wrote the text rather than the vendor.
fn mark(by_errcode: bool, label: &str) -> String {
    if by_errcode {
        format!("{label}†")
    } else {
        label.to_string()
    }
}

fn card(
    m: &Match<'_>,
    catalogs: &Catalogs,
    look: &Look,
    checklists_shown: &mut Vec<&'static str>,
) -> String {
    let Look { lang, palette, .. } = *look;
    let labels = labels(lang);
    let (entry, catalog) = (m.entry, m.catalog);

    let mut header = Vec::new();
    if let Some(code) = &entry.code {
        header.push(palette.code(&escape(&code_display(
            code.source(),
            code.literal(),
            &m.captures,
        ))));
    }
    header.push(palette.status(entry.status, &status_text(entry.status)));
    header.push(palette.vendor(&escape(&product_name(catalog, lang))));
    let mut card = CardWriter::new(look, &header);

    card.plain(
        labels.message,
        &[escape(&entry.message.display()).into_owned()],
    );
    if let Some(detail) = &m.detail {
        card.field(labels.detail, &[escape(detail).into_owned()], |l| {
            palette.capture(l)
        });
    }
    let authored = entry.authored;
    card.plain(
        &mark(authored.meaning_zh, labels.meaning),
        &texts(&entry.meaning, lang, &m.captures),
    );
    card.plain(
        &mark(authored.fix_zh, labels.fix),
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
    if let Some(family) = family::builtin().of(catalog, entry) {
        let with_checklist = !checklists_shown.contains(&family.id);
        if with_checklist {
            checklists_shown.push(family.id);
        }
        family_section(&mut card, family, catalog, catalogs, look, with_checklist);
    }
    if let Some(line) = editions_line(catalog, entry, lang) {
        card.plain(labels.editions, &[line]);
    }
    card.plain(labels.source, &[sources_line(catalog, entry)]);
    if authored.meaning_zh || authored.fix_zh {
        card.footnote(labels.authored);
    }
    card.out
}

/// The entry's problem family: its name, errcode's checklist (unless an earlier card showed it), and the
/// same problem at the other vendors.
fn family_section(
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
    for vendor in Vendor::ALL.into_iter().filter(|v| *v != catalog.vendor) {
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
fn checklist(card: &mut CardWriter<'_>, family: &Family, lang: Lang, label: &str) {
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
fn referral_card(r: &ReferralMatch<'_>, look: &Look) -> String {
    let Look { lang, palette, .. } = *look;
    let labels = labels(lang);
    let header = [
        palette.code(&escape(&r.code)),
        palette.aside(labels.unlisted),
        palette.vendor(&escape(&product_name(r.catalog, lang))),
    ];
    let mut card = CardWriter::new(look, &header);
    let authored = r.referral.authored;
    card.plain(
        &mark(authored.meaning_zh, labels.meaning),
        &texts(&r.referral.meaning, lang, &r.captures),
    );
    card.plain(
        &mark(authored.fix_zh, labels.fix),
        &texts(&r.referral.fix, lang, &r.captures),
    );
    if let Some(confidence) = r.confidence {
        card.plain(
            labels.evidence,
            &[evidence_line(confidence, &r.clues, lang)],
        );
    }
    if authored.meaning_zh || authored.fix_zh {
        card.footnote(labels.authored);
    }
    card.out
}

fn filled_line(captures: &Captures, look: &Look) -> String {
    captures
        .iter()
        .map(|(name, value)| format!("{name} = {}", look.palette.capture(&escape(value))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `95%: code "APIG.0303" (error_code), message (error_msg), status 401 (status line)`.
fn evidence_line(confidence: u8, clues: &[Clue], lang: Lang) -> String {
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
fn code_display(source: &str, literal: Option<String>, captures: &Captures) -> String {
    literal.unwrap_or_else(|| fill_text(source, captures))
}

fn status_text(status: u16) -> String {
    match status::reason(status) {
        "" => status.to_string(),
        reason => format!("{status} {reason}"),
    }
}

fn product_name(catalog: &Catalog, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick(&catalog.vendor_name),
        lang.pick(&catalog.product)
    )
}

/// A bilingual text in the chosen languages, captures filled in.
fn texts(text: &Text, lang: Lang, captures: &Captures) -> Vec<String> {
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
fn editions_line(catalog: &Catalog, entry: &Entry, lang: Lang) -> Option<String> {
    // Only a catalog whose sources are editions of one table (labelled as such) has editions to tell
    // apart; others list their sources under Source alone.
    if catalog.sources.len() < 2 || !catalog.sources.iter().any(|s| s.label.is_some()) {
        return None;
    }
    let label = |source: usize| {
        let s = &catalog.sources[source];
        s.label
            .as_ref()
            .map_or(s.title.clone(), |l| lang.pick(l).to_string())
    };
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

fn sources_line(catalog: &Catalog, entry: &Entry) -> String {
    entry
        .sources
        .iter()
        .map(|&s| {
            let source = &catalog.sources[s];
            let mut line = escape(&source.title).into_owned();
            if let Some(date) = source
                .date
                .as_ref()
                .filter(|d| !source.title.contains(d.as_str()))
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

fn new_table(look: &Look) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(look.width).unwrap_or(u16::MAX));
    // Colour was decided once (`--color`, NO_COLOR, the terminal): comfy-table must not decide again.
    if look.palette.enabled() {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// One ranked table; `with_vendor` adds the vendor column.
fn table(matches: &[Match<'_>], look: &Look, with_vendor: bool) -> String {
    let Look { lang, palette, .. } = *look;
    let labels = labels(lang);
    let mut table = new_table(look);
    let mut header = Vec::new();
    if with_vendor {
        header.push(labels.vendor);
    }
    header.extend([labels.code, labels.status, labels.message, labels.meaning]);
    table.set_header(
        header
            .into_iter()
            .map(|h| palette.heading_cell(h))
            .collect::<Vec<_>>(),
    );
    for m in matches {
        let entry = m.entry;
        let mut code = entry.code.as_ref().map_or_else(
            || "—".to_string(),
            |c| escape(&code_display(c.source(), c.literal(), &m.captures)).into_owned(),
        );
        if m.catalog.sources.len() > 1 && !entry.sources.contains(&0) {
            let s = &m.catalog.sources[entry.sources[0]];
            let label = s
                .label
                .as_ref()
                .map_or(s.title.clone(), |l| lang.pick(l).to_string());
            let _ = write!(code, "\n{}", escape(&label));
        }
        let mut row = Vec::new();
        if with_vendor {
            row.push(palette.vendor_cell(m.catalog.vendor.id()));
        }
        row.push(palette.code_cell(&code));
        row.push(palette.status_cell(entry.status, &entry.status.to_string()));
        row.push(comfy_table::Cell::new(escape(&entry.message.display())));
        row.push(comfy_table::Cell::new(
            texts(&entry.meaning, lang, &m.captures).join("\n"),
        ));
        table.add_row(row);
    }
    format!("{table}\n")
}

/// Tables per vendor, for `status` and `list`.
fn grouped_tables(matches: &[Match<'_>], look: &Look) -> String {
    let mut out = String::new();
    for vendor in Vendor::ALL {
        let group: Vec<Match<'_>> = matches
            .iter()
            .filter(|m| m.catalog.vendor == vendor)
            .cloned()
            .collect();
        if group.is_empty() {
            continue;
        }
        let names: Vec<String> = {
            let mut names: Vec<String> = group
                .iter()
                .map(|m| product_name(m.catalog, look.lang))
                .collect();
            names.dedup();
            names
        };
        let count = (labels(look.lang).entries)(group.len());
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{} ({count})",
            look.palette.heading(&escape(&names.join(", ")))
        );
        out.push_str(&table(&group, look, false));
    }
    out
}

/// `errcode family`: every family, with its members per vendor.
pub fn families_table(families: &[Family], catalogs: &Catalogs, look: &Look) -> String {
    let lang = look.lang;
    let mut table = new_table(look);
    table.set_header(
        labels(lang)
            .family_headings
            .map(|h| look.palette.heading_cell(h)),
    );
    for f in families {
        let members = f.loaded_members(catalogs);
        let per_vendor: Vec<String> = Vendor::ALL
            .iter()
            .filter_map(|v| {
                let n = members.iter().filter(|(c, _)| c.vendor == *v).count();
                (n > 0).then(|| format!("{} {n}", v.id()))
            })
            .collect();
        table.add_row(vec![
            look.palette.code_cell(f.id),
            comfy_table::Cell::new(texts(&f.name, lang, &Captures::new()).join("\n")),
            comfy_table::Cell::new(per_vendor.join(", ")),
        ]);
    }
    format!("{table}\n")
}

/// `errcode family ID`: the family's explanation and checklist, then its members by vendor.
pub fn family_human(
    family: &Family,
    members: &Outcome<'_>,
    catalogs: &Catalogs,
    look: &Look,
) -> String {
    let lang = look.lang;
    let labels = labels(lang);
    let mut card = CardWriter::new(
        look,
        &[look.palette.heading(&format!(
            "{} ({})",
            texts(&family.name, lang, &Captures::new()).join(" · "),
            family.id
        ))],
    );
    card.plain(
        labels.about,
        &texts(&family.explanation, lang, &Captures::new()),
    );
    checklist(&mut card, family, lang, labels.checklist_short);
    card.footnote(labels.family_note);
    let mut out = card.out;
    out.push('\n');
    out.push_str(&human(std::slice::from_ref(members), catalogs, look));
    out
}

/// `errcode family --json`.
pub fn families_json(families: &[Family]) -> String {
    let list: Vec<JsonFamily<'_>> = families.iter().map(json_family).collect();
    json_text(&serde_json::json!({ "families": list }), true)
}

/// `errcode family ID --json`: lookup's JSON object for the members, with the family.
pub fn family_json(family: &Family, members: &Outcome<'_>) -> String {
    let mut value = serde_json::to_value(json_output(std::slice::from_ref(members)))
        .expect("JSON of plain data cannot fail");
    value["family"] =
        serde_json::to_value(json_family(family)).expect("JSON of plain data cannot fail");
    json_text(&value, true)
}

/// `errcode catalogs`.
pub fn catalogs_table(catalogs: &Catalogs, look: &Look) -> String {
    let lang = look.lang;
    let mut table = new_table(look);
    table.set_header(
        [
            "Catalog",
            "Vendor",
            "Product",
            "Entries",
            "Sources",
            "Loaded from",
        ]
        .map(|h| look.palette.heading_cell(h)),
    );
    for c in &catalogs.catalogs {
        let mut origin = escape(&c.origin.to_string()).into_owned();
        if let Some(replaced) = &c.overrides {
            let _ = write!(origin, "\n(overrides {})", escape(&replaced.to_string()));
        }
        let sources = c
            .sources
            .iter()
            .map(|s| match &s.date {
                Some(date) if !s.title.contains(date.as_str()) => {
                    format!("{}, {date}", escape(&s.title))
                }
                _ => escape(&s.title).into_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        table.add_row(vec![
            look.palette.code_cell(&escape(&c.id)),
            look.palette.vendor_cell(c.vendor.id()),
            comfy_table::Cell::new(escape(&product_name(c, lang))),
            comfy_table::Cell::new(c.entries.len()),
            comfy_table::Cell::new(sources),
            comfy_table::Cell::new(origin),
        ]);
    }
    format!("{table}\n")
}

/// `value` as JSON text (`pretty`: indented, else one line), safe for a terminal, with its final newline.
fn json_text(value: &impl Serialize, pretty: bool) -> String {
    let json = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    let mut text = json_safe(json.expect("JSON of plain data cannot fail"));
    text.push('\n');
    text
}

/// JSON as serde writes it escapes C0 controls but passes C1 controls and bidirectional overrides through;
/// those are escaped here too (`\u009b`), so JSON printed to a terminal cannot drive it. They only occur
/// inside strings (JSON's own syntax is ASCII), where `\uXXXX` stands for the same text.
fn json_safe(json: String) -> String {
    let unsafe_char = |c: char| matches!(c, '\u{80}'..='\u{9f}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    // Each of those characters starts with byte C2 or E2 in UTF-8, which most JSON never holds: a byte
    // search for them is far quicker than decoding every character.
    let may_hold = memchr::memchr2_iter(0xC2, 0xE2, json.as_bytes())
        .any(|at| json[at..].chars().next().is_some_and(unsafe_char));
    if !may_hold {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// As `escape`, keeping line breaks and tabs: for multi-line messages that quote outside text.
pub fn escape_lines(text: &str) -> String {
    // The pieces between breaks and tabs are escaped, not the whole: a `\t` the text itself holds stays.
    text.split('\n')
        .map(|line| line.split('\t').map(escape).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Shows control characters from outside text (pastes, captures, user catalogs) as visible escapes, so
/// that text can never move the cursor, set the title, write the clipboard or reorder a line.
pub fn escape(text: &str) -> Cow<'_, str> {
    let unsafe_char =
        |c: char| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
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
    Cow::Owned(out)
}

// ---------------------------------------------------------------------------------------------------------
// JSON

#[derive(Serialize)]
struct JsonOutput<'a> {
    query: String,
    kind: &'static str,
    matches: Vec<JsonMatch<'a>>,
    suggestions: Vec<String>,
    referrals: Vec<JsonReferral<'a>>,
    /// Present when `lookup` was given several codes or statuses: one object per query.
    #[serde(skip_serializing_if = "Option::is_none")]
    queries: Option<Vec<JsonQuery<'a>>>,
}

#[derive(Serialize)]
struct JsonQuery<'a> {
    query: &'a str,
    kind: QueryKind,
    matches: Vec<JsonMatch<'a>>,
    suggestions: &'a [String],
    referrals: Vec<JsonReferral<'a>>,
}

#[derive(Serialize)]
struct JsonReferral<'a> {
    catalog: &'a str,
    vendor: Vendor,
    id: &'a str,
    /// The code as found, and the template it fits.
    code: &'a str,
    pattern: &'a str,
    meaning: Text,
    fix: Text,
    captures: &'a Captures,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<u8>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence: &'a [Clue],
    authored: Vec<&'static str>,
}

#[derive(Serialize)]
struct JsonMatch<'a> {
    catalog: &'a str,
    vendor: Vendor,
    code: Option<&'a str>,
    status: u16,
    message: &'a str,
    meaning: Text,
    fix: Text,
    captures: &'a Captures,
    id: &'a str,
    status_reason: &'static str,
    vendor_name: &'a Text,
    product: &'a Text,
    matched_by: MatchedBy,
    score: u32,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    variants: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<Text>,
    sources: Vec<JsonSource<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edition_of: Option<&'a str>,
    doubtful_message: bool,
    /// Which of meaning.en, meaning.zh, fix.en, fix.zh errcode wrote rather than the vendor.
    authored: Vec<&'static str>,
    /// For pastes: how sure (0 to 100), what in the paste pointed here, the text after the vendor's
    /// message, and the byte offset of the error in the paste.
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<u8>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence: &'a [Clue],
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<usize>,
    /// The problem family the entry belongs to, if any (`errcode family ID` shows it).
    family: Option<JsonFamilyRef<'a>>,
}

#[derive(Serialize)]
struct JsonFamilyRef<'a> {
    id: &'a str,
    name: &'a Text,
}

#[derive(Serialize)]
struct JsonFamily<'a> {
    id: &'a str,
    name: &'a Text,
    explanation: &'a Text,
    checklist: &'a [Text],
    /// `catalog-id/entry-id`.
    members: Vec<String>,
}

fn json_family(f: &Family) -> JsonFamily<'_> {
    JsonFamily {
        id: f.id,
        name: &f.name,
        explanation: &f.explanation,
        checklist: &f.checklist,
        members: f.members.iter().map(|(c, e)| format!("{c}/{e}")).collect(),
    }
}

#[derive(Serialize)]
struct JsonSource<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// A text with the captures filled in, both languages (JSON carries both whatever `--lang`).
fn filled(text: &Text, captures: &Captures) -> Text {
    Text {
        en: fill_text(&text.en, captures).into(),
        zh: fill_text(&text.zh, captures).into(),
    }
}

fn json_match<'a>(m: &'a Match<'a>) -> JsonMatch<'a> {
    let entry = m.entry;
    let filled = |t: &Text| filled(t, &m.captures);
    JsonMatch {
        catalog: &m.catalog.id,
        vendor: m.catalog.vendor,
        code: entry.code.as_ref().map(|c| c.source()),
        status: entry.status,
        message: entry.message.source(),
        meaning: filled(&entry.meaning),
        fix: filled(&entry.fix),
        captures: &m.captures,
        id: &entry.id,
        status_reason: status::reason(entry.status),
        vendor_name: &m.catalog.vendor_name,
        product: &m.catalog.product,
        matched_by: m.matched_by,
        score: m.score,
        variants: entry.variants.iter().map(|v| v.source()).collect(),
        note: entry.note.as_ref().map(filled),
        sources: entry
            .sources
            .iter()
            .map(|&s| {
                let s = &m.catalog.sources[s];
                JsonSource {
                    id: &s.id,
                    title: &s.title,
                    date: s.date.as_deref(),
                    url: s.url.as_deref(),
                }
            })
            .collect(),
        edition_of: entry.edition_of.map(|i| &*m.catalog.entries[i].id),
        doubtful_message: entry.doubtful_message,
        authored: entry.authored.fields(),
        confidence: m.confidence,
        evidence: &m.clues,
        detail: m.detail.as_deref(),
        position: m.position,
        family: family::builtin()
            .of(m.catalog, entry)
            .map(|f| JsonFamilyRef {
                id: f.id,
                name: &f.name,
            }),
    }
}

fn json_referral<'a>(r: &'a ReferralMatch<'a>) -> JsonReferral<'a> {
    JsonReferral {
        catalog: &r.catalog.id,
        vendor: r.catalog.vendor,
        id: &r.referral.id,
        code: &r.code,
        pattern: r.referral.code.source(),
        meaning: filled(&r.referral.meaning, &r.captures),
        fix: filled(&r.referral.fix, &r.captures),
        captures: &r.captures,
        confidence: r.confidence,
        evidence: &r.clues,
        authored: r.referral.authored.fields(),
    }
}

fn kind_name(kind: QueryKind) -> &'static str {
    match kind {
        QueryKind::Code => "code",
        QueryKind::Status => "status",
        QueryKind::Message => "message",
        QueryKind::List => "list",
    }
}

/// The JSON contract: one object for all outcomes. Several queries share it: `query` joins them, `kind` is
/// theirs when they agree (else `mixed`), `matches` and `suggestions` are concatenated, and `queries` holds
/// each one's own answer.
pub fn json(outcomes: &[Outcome<'_>]) -> String {
    json_text(&json_output(outcomes), true)
}

fn json_output<'a>(outcomes: &'a [Outcome<'a>]) -> JsonOutput<'a> {
    match outcomes {
        [one] => JsonOutput {
            query: one.query.clone(),
            kind: kind_name(one.kind),
            matches: one.matches.iter().map(json_match).collect(),
            suggestions: one.suggestions.clone(),
            referrals: one.referrals.iter().map(json_referral).collect(),
            queries: None,
        },
        many => JsonOutput {
            query: many
                .iter()
                .map(|o| o.query.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            kind: match many.first() {
                Some(first) if many.iter().all(|o| o.kind == first.kind) => kind_name(first.kind),
                _ => "mixed",
            },
            matches: many
                .iter()
                .flat_map(|o| o.matches.iter().map(json_match))
                .collect(),
            suggestions: many
                .iter()
                .flat_map(|o| o.suggestions.iter().cloned())
                .collect(),
            referrals: many
                .iter()
                .flat_map(|o| o.referrals.iter().map(json_referral))
                .collect(),
            queries: Some(
                many.iter()
                    .map(|o| JsonQuery {
                        query: &o.query,
                        kind: o.kind,
                        matches: o.matches.iter().map(json_match).collect(),
                        suggestions: &o.suggestions,
                        referrals: o.referrals.iter().map(json_referral).collect(),
                    })
                    .collect(),
            ),
        },
    }
}

#[derive(Serialize)]
struct JsonCatalog<'a> {
    id: &'a str,
    vendor: Vendor,
    vendor_name: &'a Text,
    product: &'a Text,
    entries: usize,
    builtin: bool,
    origin: String,
    overrides: Option<String>,
    sources: Vec<JsonSource<'a>>,
}

/// `errcode catalogs --json`.
pub fn catalogs_json(catalogs: &Catalogs) -> String {
    let list: Vec<JsonCatalog<'_>> = catalogs
        .catalogs
        .iter()
        .map(|c| JsonCatalog {
            id: &c.id,
            vendor: c.vendor,
            vendor_name: &c.vendor_name,
            product: &c.product,
            entries: c.entries.len(),
            builtin: matches!(c.origin, Origin::Builtin(_)),
            origin: c.origin.to_string(),
            overrides: c.overrides.as_ref().map(ToString::to_string),
            sources: c
                .sources
                .iter()
                .map(|s| JsonSource {
                    id: &s.id,
                    title: &s.title,
                    date: s.date.as_deref(),
                    url: s.url.as_deref(),
                })
                .collect(),
        })
        .collect();
    json_text(&serde_json::json!({ "catalogs": list }), true)
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
        let json =
            super::json_safe(serde_json::json!({"t": "a\u{9b}b\u{202e}c\u{1b}"}).to_string());
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

// ---------------------------------------------------------------------------------------------------------
// Scan output

/// `path:line:text` with what matched highlighted, then a note per error: code, status, vendor, meaning.
pub fn scan_line_human(report: &LineReport<'_, '_>, look: &Look) -> String {
    let Look { lang, palette, .. } = *look;
    let mut spans: Vec<(usize, usize)> = report
        .matches
        .iter()
        .flat_map(|m| m.clues.iter())
        .chain(report.referrals.iter().flat_map(|r| r.clues.iter()))
        .filter(|c| matches!(c.kind, ClueKind::Code | ClueKind::Message))
        .map(|c| (c.start, c.end))
        .collect();
    spans.sort_unstable();
    let mut line = String::new();
    let mut at = 0;
    for (start, end) in spans {
        let (start, end) = (start.max(at), end.min(report.text.len()));
        if start >= end
            || !report.text.is_char_boundary(start)
            || !report.text.is_char_boundary(end)
        {
            continue;
        }
        line.push_str(&escape(&report.text[at..start]));
        line.push_str(&palette.found(&escape(&report.text[start..end])));
        at = end;
    }
    line.push_str(&escape(&report.text[at..]));
    let mut out = format!(
        "{}:{}:{line}\n",
        palette.path(&escape(report.path)),
        palette.line_number(&report.number.to_string())
    );
    for m in report.matches {
        let code = m.entry.code.as_ref().map_or_else(
            || escape(&m.entry.message.display()).into_owned(),
            |c| escape(&code_display(c.source(), c.literal(), &m.captures)).into_owned(),
        );
        let meaning = texts(&m.entry.meaning, lang, &m.captures).join(" · ");
        let _ = writeln!(
            out,
            "  ↳ {} · {} · {} · {meaning}",
            palette.code(&code),
            palette.status(m.entry.status, &status_text(m.entry.status)),
            palette.vendor(m.catalog.vendor.id()),
        );
    }
    for r in report.referrals {
        let meaning = texts(&r.referral.meaning, lang, &r.captures).join(" · ");
        let _ = writeln!(
            out,
            "  ↳ {} · {} · {} · {meaning}",
            palette.code(&escape(&r.code)),
            palette.aside(labels(lang).unlisted),
            palette.vendor(r.catalog.vendor.id()),
        );
    }
    out
}

#[derive(Serialize)]
struct JsonScanLine<'a> {
    path: &'a str,
    line: u64,
    text: &'a str,
    matches: Vec<JsonMatch<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    referrals: Vec<JsonReferral<'a>>,
}

/// One NDJSON object per matching line; `matches` as in lookup's JSON.
pub fn scan_line_json(report: &LineReport<'_, '_>) -> String {
    let line = JsonScanLine {
        path: report.path,
        line: report.number,
        text: report.text,
        matches: report.matches.iter().map(json_match).collect(),
        referrals: report.referrals.iter().map(json_referral).collect(),
    };
    json_text(&line, false)
}

/// `--count --json`: one object per input.
pub fn count_json(path: &str, count: u64) -> String {
    json_text(&serde_json::json!({ "path": path, "count": count }), false)
}

/// `--summary`: errors by frequency with a bar each, then totals per vendor and per status.
pub fn summary_human(summary: &Summary, look: &Look) -> String {
    let Look { lang, palette, .. } = *look;
    let ranked = summary.ranked();
    let mut out = (labels(lang).lines_with_errors)(summary.matched_lines, summary.lines);
    if ranked.is_empty() {
        return out;
    }
    out.push('\n');
    const BAR: usize = 24;
    let most = ranked.first().map_or(1, |(_, n)| *n).max(1);
    let count_width = most.to_string().len();
    let mut table = new_table(look);
    // One line per error: messages are cut to fit rather than wrapped.
    table
        .load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    for ((vendor, code, status, message), count) in &ranked {
        let filled = ((*count as f64 / most as f64) * BAR as f64).ceil() as usize;
        let bar = format!(
            "{}{}",
            "█".repeat(filled.max(1)),
            " ".repeat(BAR - filled.max(1))
        );
        let code = code.clone().unwrap_or_else(|| "—".to_string());
        let status = status.map_or_else(|| "—".to_string(), |s| s.to_string());
        table.add_row(vec![
            comfy_table::Cell::new(format!("{count:>count_width$}")),
            palette.found_cell(&bar),
            palette.code_cell(&escape(&code)),
            comfy_table::Cell::new(status),
            palette.vendor_cell(vendor.id()),
            comfy_table::Cell::new(truncate(
                &escape(message),
                look.width.saturating_sub(64).max(24),
            )),
        ]);
    }
    for line in table.lines() {
        let _ = writeln!(out, "{}", line.trim_end());
    }
    // Most first; equal counts in key order (a stable sort of the ordered totals).
    let (vendors, statuses) = summary.totals();
    let mut vendors: Vec<(Vendor, u64)> = vendors.into_iter().collect();
    let mut statuses: Vec<(Option<u16>, u64)> = statuses.into_iter().collect();
    vendors.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    statuses.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let Labels {
        by_vendor,
        by_status,
        ..
    } = labels(lang);
    let vendor_list: Vec<String> = vendors
        .iter()
        .map(|(v, n)| format!("{} {n}", v.id()))
        .collect();
    let status_list: Vec<String> = statuses
        .iter()
        .map(|(s, n)| {
            format!(
                "{} {n}",
                s.map_or_else(|| "—".to_string(), |s| s.to_string())
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "\n{}: {}",
        palette.heading(by_vendor),
        vendor_list.join(" · ")
    );
    let _ = writeln!(
        out,
        "{}: {}",
        palette.heading(by_status),
        status_list.join(" · ")
    );
    out
}

/// `text` cut to `width` columns, with `…` where it was cut.
fn truncate(text: &str, width: usize) -> String {
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

/// `--summary --json`: one object with the same figures.
pub fn summary_json(summary: &Summary) -> String {
    let ranked = summary.ranked();
    let errors: Vec<serde_json::Value> = ranked
        .iter()
        .map(|((vendor, code, status, message), count)| {
            serde_json::json!({"vendor": vendor, "code": code, "status": status, "message": message, "count": count})
        })
        .collect();
    let (vendors, statuses) = summary.totals();
    let vendors: BTreeMap<&str, u64> = vendors.into_iter().map(|(v, n)| (v.id(), n)).collect();
    let statuses: BTreeMap<String, u64> = statuses
        .into_iter()
        .map(|(s, n)| (s.map_or_else(|| "none".to_string(), |s| s.to_string()), n))
        .collect();
    let value = serde_json::json!({
        "lines": summary.lines,
        "matched_lines": summary.matched_lines,
        "errors": errors,
        "vendors": vendors,
        "statuses": statuses,
    });
    json_text(&value, true)
}
