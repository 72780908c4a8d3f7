//! Tables: many matches in rows, and the table of loaded catalogs.

use super::Look;
use super::card::{code_display, product_name, source_label, source_title, texts};
use super::labels::labels;
use super::text::escape;
use crate::catalog::{Catalogs, Vendor};
use crate::matcher::Match;
use comfy_table::{ContentArrangement, Table, presets};
use std::fmt::Write as _;

pub(super) fn new_table(look: &Look) -> Table {
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
pub(super) fn table(matches: &[Match<'_>], look: &Look, with_vendor: bool) -> String {
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
            let label = source_label(m.catalog, &m.catalog.sources[entry.sources[0]], lang);
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
pub(super) fn grouped_tables(matches: &[Match<'_>], look: &Look) -> String {
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
            .map(|s| {
                let title = source_title(c, s, lang);
                match &s.date {
                    Some(date) if !title.contains(date.as_str()) => {
                        format!("{}, {date}", escape(&title))
                    }
                    _ => escape(&title).into_owned(),
                }
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
