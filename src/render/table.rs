//! Tables: many matches in rows, and the table of loaded catalogs.

use super::Look;
use super::card::product_name;
use super::card::{CardWriter, Paint, code_display, source_label, source_title, texts};
use super::grid::{Cell, Grid};
use super::labels::labels;
use super::text::escape;
use crate::catalog::{Catalogs, Vendor};
use crate::matcher::Match;
use std::fmt::Write as _;

/// Message and meaning columns narrower than this are not legible: below it, rows are short cards.
const MIN_TEXT_COLUMN: usize = 16;

/// One ranked table; `with_vendor` adds the vendor column. Codes are broken only between their parts
/// (after `.`, `_`, `-`, and between a lower-case and an upper-case letter), never inside one (`APIG.0303`);
/// where the message and meaning columns would be too narrow to read, the rows are short cards instead.
pub(super) fn table(matches: &[Match<'_>], look: &Look, with_vendor: bool) -> String {
    let Look { lang, palette, .. } = *look;
    let labels = labels(lang);
    let codes: Vec<(String, Option<String>)> = matches.iter().map(|m| code_cell(m, lang)).collect();
    // Borders and padding: one border per column and one more, one space either side of each cell.
    let columns = if with_vendor { 5 } else { 4 };
    let chrome = columns + 1 + 2 * columns;
    let status_width = unicode_width::UnicodeWidthStr::width(labels.status).max(3);
    let vendor_width = if with_vendor {
        (matches.iter())
            .map(|m| m.catalog.vendor.id().len())
            .chain([unicode_width::UnicodeWidthStr::width(labels.vendor)])
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    let fixed = chrome + status_width + vendor_width;
    let room = look.width.saturating_sub(fixed);
    let widest = |pieces: &mut dyn Iterator<Item = String>| {
        pieces
            .map(|p| unicode_width::UnicodeWidthStr::width(p.as_str()))
            .max()
            .unwrap_or(0)
    };
    // The code column takes up to a third of the room (codes and edition labels whole where they fit),
    // and never less than the widest part of a code, which is never broken.
    let longest_cell = widest(
        &mut codes
            .iter()
            .flat_map(|(c, e)| [Some(c.clone()), e.clone()])
            .flatten(),
    )
    .max(unicode_width::UnicodeWidthStr::width(labels.code));
    let longest_part = widest(&mut codes.iter().flat_map(|(c, _)| code_parts(c)));
    let code_width = longest_cell.min((room / 3).max(longest_part));
    if room.saturating_sub(code_width) < 2 * MIN_TEXT_COLUMN {
        return short_cards(matches, &codes, look, with_vendor);
    }

    let mut table = Grid::boxed(look.width);
    let mut header = Vec::new();
    if with_vendor {
        header.push(labels.vendor);
    }
    header.extend([labels.code, labels.status, labels.message, labels.meaning]);
    table.header(
        header
            .into_iter()
            .map(|h| Cell::painted(h, palette.heading_cell()))
            .collect(),
    );
    for (m, (code, edition)) in matches.iter().zip(&codes) {
        let entry = m.entry;
        let mut cell = break_code(code, code_width).join("\n");
        if let Some(edition) = edition {
            for line in super::card::wrap(edition, code_width) {
                cell.push('\n');
                cell.push_str(&line);
            }
        }
        let mut row = Vec::new();
        if with_vendor {
            row.push(Cell::painted(m.catalog.vendor.id(), palette.vendor_cell()));
        }
        row.push(Cell::painted(cell, palette.code_cell()));
        row.push(Cell::painted(
            entry.status.to_string(),
            palette.status_cell(entry.status),
        ));
        row.push(Cell::new(escape(&entry.message.display())));
        row.push(Cell::new(
            texts(&entry.meaning, lang, &m.captures).join("\n"),
        ));
        table.row(row);
    }
    // Codes and statuses keep their width (sharing would otherwise cut them to fit the texts).
    table.fix_width(usize::from(with_vendor), code_width);
    table.fix_width(usize::from(with_vendor) + 1, status_width);
    if with_vendor {
        table.fix_width(0, vendor_width);
    }
    format!("{}\n", table.render())
}

/// A match's code as shown (`—` for none), and the edition its row is from when that is not the catalog's
/// first source (only catalogs whose sources are labelled editions: another catalog's many sources are not
/// editions of one table).
fn code_cell(m: &Match<'_>, lang: super::Lang) -> (String, Option<String>) {
    let entry = m.entry;
    let code = entry.code.as_ref().map_or_else(
        || "—".to_string(),
        |c| escape(&code_display(c.source(), c.literal(), &m.captures)).into_owned(),
    );
    let editions = m.catalog.sources.iter().any(|s| s.label.is_some());
    let edition = (editions && !entry.sources.contains(&0)).then(|| {
        let source = &m.catalog.sources[entry.sources[0]];
        escape(&source_label(m.catalog, source, lang)).into_owned()
    });
    (code, edition)
}

/// The parts a code may be broken between: after `.`, `_`, `-` or `/`, and before an upper-case letter
/// that follows a lower-case one (`FailedOperation.` `Certificate` `Id`...).
fn code_parts(code: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut previous: Option<char> = None;
    for c in code.chars() {
        if previous.is_some_and(|p| p.is_lowercase() && c.is_uppercase()) && !part.is_empty() {
            parts.push(std::mem::take(&mut part));
        }
        part.push(c);
        if matches!(c, '.' | '_' | '-' | '/') {
            parts.push(std::mem::take(&mut part));
        }
        previous = Some(c);
    }
    if !part.is_empty() {
        parts.push(part);
    }
    parts
}

/// `code` in lines of at most `width` columns, broken between its parts (a part wider than `width`, which
/// the column's width rules out for built-in codes, is cut).
fn break_code(code: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in code_parts(code) {
        let fits = unicode_width::UnicodeWidthStr::width(format!("{line}{part}").as_str()) <= width;
        if !fits && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line.push_str(&part);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Rows as short cards, for a terminal too narrow for the table's columns: the code, status (and vendor)
/// as a header, then the message and meaning under their labels.
fn short_cards(
    matches: &[Match<'_>],
    codes: &[(String, Option<String>)],
    look: &Look,
    with_vendor: bool,
) -> String {
    let Look { lang, palette, .. } = *look;
    let labels = labels(lang);
    let mut out = String::new();
    for (m, (code, edition)) in matches.iter().zip(codes) {
        let entry = m.entry;
        let mut header: Vec<(String, Paint<'_>)> = vec![
            (code.clone(), Box::new(move |t| palette.code(t))),
            (
                entry.status.to_string(),
                Box::new(move |t| palette.status(entry.status, t)),
            ),
        ];
        if with_vendor {
            header.push((
                m.catalog.vendor.id().to_string(),
                Box::new(move |t| palette.vendor(t)),
            ));
        }
        if let Some(edition) = edition {
            header.push((edition.clone(), Box::new(move |t| palette.aside(t))));
        }
        let mut card = CardWriter::new(look, &header);
        card.plain(
            labels.message,
            &[escape(&entry.message.display()).into_owned()],
        );
        card.plain(labels.meaning, &texts(&entry.meaning, lang, &m.captures));
        out.push_str(&card.out);
    }
    out
}

/// Tables per vendor, for `status` and `list`, each under a heading that names the vendor's products
/// once each, wrapped to the width.
pub(super) fn grouped_tables(matches: &[Match<'_>], look: &Look) -> String {
    let mut out = String::new();
    let mut vendors: Vec<Vendor> = matches.iter().map(|m| m.catalog.vendor).collect();
    vendors.sort();
    vendors.dedup();
    for vendor in vendors {
        let group: Vec<Match<'_>> = matches
            .iter()
            .filter(|m| m.catalog.vendor == vendor)
            .cloned()
            .collect();
        if group.is_empty() {
            continue;
        }
        // Each product once, in the order first met; the vendor's name once when all share it.
        let mut products: Vec<(&str, &str)> = Vec::new();
        for m in &group {
            let names = (
                look.lang.pick(&m.catalog.vendor_name),
                look.lang.pick(&m.catalog.product),
            );
            if !products.contains(&names) {
                products.push(names);
            }
        }
        let names = if products.iter().all(|(v, _)| *v == products[0].0) {
            let list: Vec<&str> = products.iter().map(|(_, p)| *p).collect();
            format!("{} {}", products[0].0, list.join(", "))
        } else {
            let list: Vec<String> = products.iter().map(|(v, p)| format!("{v} {p}")).collect();
            list.join(", ")
        };
        let count = (labels(look.lang).entries)(group.len());
        if !out.is_empty() {
            out.push('\n');
        }
        for line in super::card::wrap(&escape(&format!("{names} ({count})")), look.width) {
            let _ = writeln!(out, "{}", look.palette.heading(&line));
        }
        out.push_str(&table(&group, look, false));
    }
    out
}

/// `errcode catalogs`.
pub fn catalogs_table(catalogs: &Catalogs, look: &Look) -> String {
    let lang = look.lang;
    let mut table = Grid::boxed(look.width);
    table.header(
        [
            "Catalog",
            "Vendor",
            "Product",
            "Entries",
            "Sources",
            "Loaded from",
        ]
        .map(|h| Cell::painted(h, look.palette.heading_cell()))
        .into(),
    );
    for c in &catalogs.catalogs {
        let mut origin = escape(&c.origin.to_string()).into_owned();
        if let Some(replaced) = &c.overrides {
            let _ = write!(origin, "\n(overrides {})", escape(&replaced.to_string()));
        }
        let sources = c
            .sources
            .iter()
            .map(|s| {
                let title = source_title(c, s, lang);
                match &s.date {
                    Some(date) if !title.contains(&**date) => {
                        format!("{}, {date}", escape(&title))
                    }
                    _ => escape(&title).into_owned(),
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        table.row(vec![
            Cell::painted(escape(&c.id), look.palette.code_cell()),
            Cell::painted(c.vendor.id(), look.palette.vendor_cell()),
            Cell::new(escape(&product_name(c, lang))),
            Cell::new(c.entries.len().to_string()),
            Cell::new(sources),
            Cell::new(origin),
        ]);
    }
    format!("{}\n", table.render())
}
