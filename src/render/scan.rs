//! What `scan` prints: a matching line (plain or JSON), a count per input, and the summary.

use super::Look;
use super::card::{code_display, status_text, texts};
use super::grid::{Cell, Grid};
use super::json::{
    JsonMatch, JsonReferral, json_match, json_referral, json_safe, json_text, push_json_safe,
};
use super::labels::{Labels, labels};
use super::text::{escape, push_escaped, truncate};
use crate::catalog::Vendor;
use crate::matcher::{Clue, ClueKind, Match, MatchedBy};
use crate::report::{LineReport, Summary};
use crate::template::Captures;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// The notes `scan_line_human` has written, by entry: a match that filled in no placeholder gets the same
/// note on every line (code, status, vendor, meaning), so it is written once per scan rather than per line
/// (and the same of `scan_line_json`'s objects).
#[derive(Default)]
pub struct ScanNotes {
    /// By the entry's address: entries stay where they are for as long as the scan's catalogs live.
    written: HashMap<usize, String>,
    /// The notes of matches that filled placeholders in, by entry and what filled them: a log repeats its
    /// errors with the same values more often than not (short values only, and `FILLED_BYTES` of notes in
    /// all: a user's meaning may repeat a value in 8 KiB of text, so that a log whose every line fills in
    /// another value holds no more than that).
    filled: HashMap<usize, HashMap<Captures, String>>,
    filled_bytes: usize,
    /// The same for `scan_line_json`: what an entry's JSON object says whatever the line.
    json: HashMap<usize, EntryJson>,
}

/// How many bytes of notes of matches with placeholders filled a scan keeps (`ScanNotes::filled`), and how
/// long the values filling one may be in all.
const FILLED_BYTES: usize = 4 << 20;
const MAX_FILLED_LEN: usize = 256;

/// `path:line:text` with what matched highlighted, then a note per error: code, status, vendor, meaning;
/// appended to `out`.
pub fn scan_line_human(
    report: &LineReport<'_, '_>,
    look: &Look,
    notes: &mut ScanNotes,
    out: &mut String,
) {
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
    let _ = write!(
        out,
        "{}:{}:",
        palette.path(&escape(report.path)),
        palette.line_number(&report.number.to_string())
    );
    let mut at = 0;
    for (start, end) in spans {
        let (start, end) = (start.max(at), end.min(report.text.len()));
        if start >= end
            || !report.text.is_char_boundary(start)
            || !report.text.is_char_boundary(end)
        {
            continue;
        }
        push_escaped(out, &report.text[at..start]);
        out.push_str(&palette.found(&escape(&report.text[start..end])));
        at = end;
    }
    // (Written into the output: a line may be 16 MiB.)
    push_escaped(out, &report.text[at..]);
    out.push('\n');
    for m in report.matches {
        let key = std::ptr::from_ref(m.entry) as usize;
        if m.captures.is_empty() {
            out.push_str(notes.written.entry(key).or_insert_with(|| note(m, look)));
        } else if let Some(written) = notes.filled.get(&key).and_then(|f| f.get(&m.captures)) {
            out.push_str(written);
        } else {
            let written = note(m, look);
            out.push_str(&written);
            let values: usize = m.captures.values().map(String::len).sum();
            let cost = written.len() + values;
            if values <= MAX_FILLED_LEN && notes.filled_bytes + cost <= FILLED_BYTES {
                notes.filled_bytes += cost;
                let by_entry = notes.filled.entry(key).or_default();
                by_entry.insert(m.captures.clone(), written);
            }
        }
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
}

/// The note under a scanned line for one error it carries: `  ↳ code · status · vendor · meaning`.
fn note(m: &Match<'_>, look: &Look) -> String {
    let Look { lang, palette, .. } = *look;
    let code = m.entry.code.as_ref().map_or_else(
        || escape(&m.entry.message.display()).into_owned(),
        |c| escape(&code_display(c.source(), c.literal(), &m.captures)).into_owned(),
    );
    let meaning = texts(&m.entry.meaning, lang, &m.captures).join(" · ");
    format!(
        "  ↳ {} · {} · {} · {meaning}\n",
        palette.code(&code),
        palette.status(m.entry.status, &status_text(m.entry.status)),
        palette.vendor(m.catalog.vendor.id()),
    )
}

/// A scanned line's JSON object, as serde writes it whole (`scan_line_json` writes the same in pieces).
#[cfg(test)]
#[derive(Serialize)]
struct JsonScanLine<'a> {
    path: &'a str,
    line: u64,
    text: &'a str,
    matches: Vec<JsonMatch<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    referrals: Vec<JsonReferral<'a>>,
}

/// One NDJSON object per matching line (`matches` as in lookup's JSON), appended to `out`.
///
/// Most of a match's object is what its entry says (texts in two languages, sources, family), the same
/// on every line where the match fills in no placeholder: that is written once per entry (`ScanNotes`)
/// and only what the line says is written per line, in the order `JsonMatch` has its fields. The same
/// text as serde writes for `JsonScanLine` (`json_safe` escapes character by character, so its pieces
/// are escaped alike); a test holds the two together.
pub fn scan_line_json(report: &LineReport<'_, '_>, notes: &mut ScanNotes, out: &mut String) {
    #[derive(Serialize)]
    struct Head<'a> {
        path: &'a str,
        line: u64,
        text: &'a str,
    }
    // Written in place: a line may be 16 MiB, which a copy would hold twice.
    push_serialized(
        out,
        &Head {
            path: report.path,
            line: report.number,
            text: report.text,
        },
    );
    if out.ends_with('}') {
        out.pop();
    }
    out.push_str(",\"matches\":[");
    for (i, m) in report.matches.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if !m.captures.is_empty() {
            out.push_str(&serialized(&json_match(m)));
            continue;
        }
        let key = std::ptr::from_ref(m.entry) as usize;
        let entry = notes.json.entry(key).or_insert_with(|| EntryJson::of(m));
        out.push_str(&entry.head);
        out.push_str(",\"matched_by\":");
        out.push_str(&serialized(&m.matched_by));
        let _ = write!(out, ",\"score\":{}", m.score);
        out.push_str(&entry.tail);
        let found = serialized(&FoundJson {
            confidence: m.confidence,
            evidence: &m.clues,
            stated_status: m.stated_status,
            detail: m.detail.as_deref(),
            position: m.position,
        });
        if found != "{}" {
            out.push(',');
            out.push_str(&found[1..found.len() - 1]);
        }
        out.push_str(&entry.family);
    }
    out.push(']');
    if !report.referrals.is_empty() {
        let referrals: Vec<JsonReferral<'_>> = report.referrals.iter().map(json_referral).collect();
        out.push_str(",\"referrals\":");
        out.push_str(&serialized(&referrals));
    }
    out.push_str("}\n");
}

/// `value` as one line of JSON, safe for a terminal (`json_text` without the newline).
fn serialized(value: &impl Serialize) -> String {
    json_safe(serde_json::to_string(value).expect("JSON of plain data cannot fail"))
}

/// `serialized(value)` appended to `out`, written into it rather than copied (a line may be 16 MiB).
fn push_serialized(out: &mut String, value: &impl Serialize) {
    use std::io::Write;
    // (serde_json writes a string between its escapes piece by piece: gathered first, then checked.)
    let mut writer = std::io::BufWriter::with_capacity(
        8 * 1024,
        Appender {
            out: &mut *out,
            pending: Vec::new(),
        },
    );
    serde_json::to_writer(&mut writer, value).expect("JSON of plain data cannot fail");
    writer.flush().expect("JSON of text is text");
}

/// Appends what is written to a string, each piece checked as UTF-8 (only it: the string before it is
/// text already), a character split between two pieces joined, and made safe for a terminal as it is
/// appended (`json_safe`), so that a long line's JSON is never copied whole.
struct Appender<'a> {
    out: &'a mut String,
    pending: Vec<u8>,
}

impl std::io::Write for Appender<'_> {
    fn write(&mut self, piece: &[u8]) -> std::io::Result<usize> {
        let joined;
        let bytes = if self.pending.is_empty() {
            piece
        } else {
            self.pending.extend_from_slice(piece);
            joined = std::mem::take(&mut self.pending);
            &joined[..]
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => push_json_safe(self.out, text),
            Err(e) if e.error_len().is_none() => {
                let (text, rest) = bytes.split_at(e.valid_up_to());
                push_json_safe(self.out, std::str::from_utf8(text).unwrap_or_default());
                self.pending = rest.to_vec();
            }
            Err(e) => return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
        }
        Ok(piece.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The fields of a match's JSON object that its line says, after the entry's (`JsonMatch`'s order and
/// omissions).
#[derive(Serialize)]
struct FoundJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<u8>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence: &'a [Clue],
    #[serde(skip_serializing_if = "Option::is_none")]
    stated_status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<usize>,
}

/// What an entry's JSON object says whatever line it was found in (no placeholder filled in), as three
/// pieces of JSON text: from `{"catalog"` up to `matched_by`; from after `score` up to the line's own
/// fields; from `,"family"` to the end. Cut from the whole object, written once with the line's fields
/// left out: keys stand at its top level only as `,"key":`, which no string in it can hold (its quotes
/// are escaped).
struct EntryJson {
    head: String,
    tail: String,
    family: String,
}

impl EntryJson {
    fn of(m: &Match<'_>) -> EntryJson {
        let whole = serialized(&JsonMatch {
            matched_by: MatchedBy::Code,
            score: 0,
            confidence: None,
            evidence: &[],
            stated_status: None,
            detail: None,
            position: None,
            ..json_match(m)
        });
        let at = |key: &str| whole.find(key).expect("JsonMatch writes every key it has");
        let matched_by = at(",\"matched_by\":");
        let score = ",\"score\":0";
        let tail = at(score) + score.len();
        let family = at(",\"family\":");
        EntryJson {
            head: whole[..matched_by].to_string(),
            tail: whole[tail..family].to_string(),
            family: whole[family..].to_string(),
        }
    }
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
    // One line per error: messages are cut to fit rather than wrapped.
    let mut table = Grid::plain();
    for ((vendor, code, status, message), count) in &ranked {
        let filled = ((*count as f64 / most as f64) * BAR as f64).ceil() as usize;
        let bar = format!(
            "{}{}",
            "█".repeat(filled.max(1)),
            " ".repeat(BAR - filled.max(1))
        );
        let code = code.clone().unwrap_or_else(|| "—".to_string());
        let status = status.map_or_else(|| "—".to_string(), |s| s.to_string());
        table.row(vec![
            Cell::new(format!("{count:>count_width$}")),
            Cell::painted(bar, palette.found_cell()),
            Cell::painted(escape(&code), palette.code_cell()),
            Cell::new(status),
            Cell::painted(vendor.id(), palette.vendor_cell()),
            Cell::new(truncate(
                &escape(message),
                look.width.saturating_sub(64).max(24),
            )),
        ]);
    }
    for line in table.render().lines() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalogs;
    use crate::matcher::Matcher;

    /// `scan_line_json`, which writes an entry's part of an object once and reuses it, writes what serde
    /// writes for the whole line: on lines carrying each built-in entry's code and message (as the catalog
    /// writes it, and with its placeholders filled in), each line read twice (the second time from what
    /// the first wrote), with a path and text to escape.
    #[test]
    fn scan_json_written_in_pieces_is_the_whole_lines_json() {
        let catalogs = Catalogs::builtin();
        let matcher = Matcher::for_bulk(&catalogs, &[]);
        let placeholder = regex::Regex::new(r"\{[^{}]*\}").expect("valid regex");
        let mut lines = vec![
            "HTTP 403 APIGW.0999 denied \u{200b}".to_string(),
            "tencent InvalidParameter.Foo: x-ca bad".to_string(),
        ];
        for catalog in &catalogs.catalogs {
            for entry in catalog.entries.iter() {
                let code = entry.code.as_ref().map_or("", |c| c.source());
                let message = entry.message.source();
                let filled = placeholder.replace_all(message, "v1-é");
                lines.push(format!(
                    r#"2024-06-01T00:00:00Z ERROR status={} {{"error_code":"{code}","error_msg":"{message}"}} ua="{del}错误""#,
                    entry.status,
                    del = '\u{7f}',
                ));
                lines.push(format!("WARN [sdk] {code}: {filled} 请求 {}", entry.status));
            }
        }
        let mut notes = ScanNotes::default();
        let (mut matched, mut captured) = (0, 0);
        for _ in 0..2 {
            for (i, text) in lines.iter().enumerate() {
                let (matches, referrals) = matcher.scan_line(text);
                if matches.is_empty() && referrals.is_empty() {
                    continue;
                }
                matched += 1;
                captured += usize::from(matches.iter().any(|m| !m.captures.is_empty()));
                let report = LineReport {
                    path: "logs/gw\u{1b}.log",
                    number: i as u64 + 1,
                    text,
                    matches: &matches,
                    referrals: &referrals,
                };
                let mut pieces = String::new();
                scan_line_json(&report, &mut notes, &mut pieces);
                let whole = json_text(
                    &JsonScanLine {
                        path: report.path,
                        line: report.number,
                        text,
                        matches: matches.iter().map(json_match).collect(),
                        referrals: referrals.iter().map(json_referral).collect(),
                    },
                    false,
                );
                assert_eq!(pieces, whole, "{text}");
            }
        }
        assert!(matched > 2000 && captured > 100, "{matched} {captured}");
    }

    /// What is written reaches the string whole, a character split between two writes joined, and bytes
    /// that are not UTF-8 are refused.
    #[test]
    fn an_appender_joins_a_character_split_between_writes() {
        use std::io::Write;
        let mut out = String::from("x");
        let mut appender = Appender {
            out: &mut out,
            pending: Vec::new(),
        };
        let bytes = "é服".as_bytes();
        for piece in [&bytes[..1], &bytes[1..3], &bytes[3..]] {
            appender.write_all(piece).unwrap();
        }
        assert!(appender.write_all(b"\xff").is_err());
        assert_eq!(out, "xé服");
    }

    /// A long text's JSON written in place is the JSON made whole and then made safe, a character that
    /// needs an escape (U+200E, U+009B) split between the writer's pieces or not.
    #[test]
    fn json_written_in_place_is_made_safe_as_a_whole_would_be() {
        for lead in 0..4 {
            let text = format!(
                "{}{}",
                "a".repeat(8 * 1024 - lead),
                "\u{200e}服\u{9b}\"x".repeat(3000)
            );
            let mut out = String::from("[");
            push_serialized(&mut out, &text);
            let whole = json_safe(serde_json::to_string(&text).unwrap());
            assert_eq!(out[1..], whole, "lead {lead}");
            assert!(whole.contains("\\u200e服\\u009b\\\""));
        }
    }
}
