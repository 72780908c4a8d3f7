//! What `scan` prints: a matching line (plain or JSON), a count per input, and the summary.

use super::Look;
use super::card::{code_display, status_text, texts};
use super::json::{JsonMatch, JsonReferral, json_match, json_referral, json_text};
use super::labels::{Labels, labels};
use super::table::new_table;
use super::text::{escape, truncate};
use crate::catalog::Vendor;
use crate::matcher::{ClueKind, Match};
use crate::report::{LineReport, Summary};
use comfy_table::{ContentArrangement, presets};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// The notes `scan_line_human` has written, by entry: a match that filled in no placeholder gets the same
/// note on every line (code, status, vendor, meaning), so it is written once per scan rather than per line.
#[derive(Default)]
pub struct ScanNotes {
    /// By the entry's address: entries stay where they are for as long as the scan's catalogs live.
    written: HashMap<usize, String>,
}

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
        out.push_str(&escape(&report.text[at..start]));
        out.push_str(&palette.found(&escape(&report.text[start..end])));
        at = end;
    }
    out.push_str(&escape(&report.text[at..]));
    out.push('\n');
    for m in report.matches {
        if m.captures.is_empty() {
            let key = std::ptr::from_ref(m.entry) as usize;
            out.push_str(notes.written.entry(key).or_insert_with(|| note(m, look)));
        } else {
            out.push_str(&note(m, look));
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

#[derive(Serialize)]
pub(super) struct JsonScanLine<'a> {
    pub(super) path: &'a str,
    pub(super) line: u64,
    pub(super) text: &'a str,
    pub(super) matches: Vec<JsonMatch<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) referrals: Vec<JsonReferral<'a>>,
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
