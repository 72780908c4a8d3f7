//! `errcode vendors`: one line per loaded vendor, or its JSON.

use std::fmt::Write as _;

use serde::Serialize;
use unicode_width::UnicodeWidthStr as _;

use super::json::json_text;
use super::labels::labels;
use super::text::escape;
use super::{Lang, Look};
use crate::catalog::{Catalogs, Text, Vendor};

/// A vendor as the loaded catalogs declare it.
#[derive(Serialize)]
struct VendorSummary<'a> {
    id: Vendor,
    /// The name its first catalog gives (built-in catalogs load first).
    name: &'a Text,
    /// How many catalogs, and their ids.
    catalogs: usize,
    catalog_ids: Vec<&'a str>,
    entries: usize,
}

/// The loaded vendors in errcode's order, only those of `only` when it is not empty (`--vendor`).
fn summaries<'a>(catalogs: &'a Catalogs, only: &[Vendor]) -> Vec<VendorSummary<'a>> {
    (catalogs.vendors().into_iter())
        .filter(|v| only.is_empty() || only.contains(v))
        .filter_map(|vendor| {
            let own: Vec<_> = (catalogs.catalogs.iter())
                .filter(|c| c.vendor == vendor)
                .collect();
            Some(VendorSummary {
                id: vendor,
                name: &own.first()?.vendor_name,
                catalogs: own.len(),
                catalog_ids: own.iter().map(|c| c.id.as_str()).collect(),
                entries: own.iter().map(|c| c.entries.len()).sum(),
            })
        })
        .collect()
}

/// A vendor's name in `lang`, as the parts to show: both names when both languages are shown and they
/// differ (one line, `en / zh`, where it fits).
fn name_in(name: &Text, lang: Lang) -> Vec<String> {
    match lang {
        Lang::Both if name.en != name.zh => vec![escape(&name.en).into(), escape(&name.zh).into()],
        _ => vec![escape(lang.pick(name)).into_owned()],
    }
}

/// `parts` joined by ` / ` when that fits `width`, else each on its own lines, wrapped.
fn name_lines(parts: &[String], width: usize) -> Vec<String> {
    let joined = parts.join(" / ");
    if joined.width() <= width {
        return vec![joined];
    }
    parts
        .iter()
        .flat_map(|p| super::card::wrap(p, width))
        .collect()
}

/// `errcode vendors`: `id  name  N catalogs  N entries`, in aligned columns (numbers to the right). A name
/// too wide for the line is wrapped in its column; a terminal too narrow for the counts beside the names
/// gets them on a line of their own.
pub fn vendors_lines(catalogs: &Catalogs, only: &[Vendor], look: &Look) -> String {
    let labels = labels(look.lang);
    let vendors = summaries(catalogs, only);
    let names: Vec<Vec<String>> = (vendors.iter())
        .map(|v| name_in(v.name, look.lang))
        .collect();
    let widest =
        |texts: &mut dyn Iterator<Item = String>| texts.map(|t| t.width()).max().unwrap_or(0);
    let id_width = widest(&mut vendors.iter().map(|v| v.id.to_string()));
    let catalogs_digits = widest(&mut vendors.iter().map(|v| v.catalogs.to_string()));
    let entries_digits = widest(&mut vendors.iter().map(|v| v.entries.to_string()));
    let catalog_words: Vec<&str> = (vendors.iter())
        .map(|v| (labels.catalog_word)(v.catalogs))
        .collect();
    let words_width = widest(&mut catalog_words.iter().map(|w| w.to_string()));
    let entry_words_width = widest(
        &mut vendors
            .iter()
            .map(|v| (labels.entry_word)(v.entries).to_string()),
    );
    let counts_width =
        catalogs_digits + 1 + words_width + 2 + entries_digits + 1 + entry_words_width;
    // Two spaces between columns; the name column takes what is left.
    const NARROWEST_NAME: usize = 12;
    let beside = look.width >= id_width + 2 + NARROWEST_NAME + 2 + counts_width;
    let name_room = if beside {
        look.width - (id_width + 2 + 2 + counts_width)
    } else {
        look.width.saturating_sub(id_width + 2).max(1)
    };
    let name_width = widest(&mut names.iter().map(|n| n.join(" / "))).min(name_room);
    let pad = |text: &str, width: usize| " ".repeat(width.saturating_sub(text.width()));
    let mut out = String::new();
    for ((vendor, name), catalog_word) in vendors.iter().zip(&names).zip(&catalog_words) {
        let id = vendor.id.id();
        let counts = format!(
            "{:>catalogs_digits$} {catalog_word}{}  {:>entries_digits$} {}",
            vendor.catalogs,
            pad(catalog_word, words_width),
            vendor.entries,
            (labels.entry_word)(vendor.entries),
        );
        for (i, line) in name_lines(name, name_width).iter().enumerate() {
            if i > 0 {
                let _ = writeln!(out, "{}  {line}", " ".repeat(id_width));
            } else if beside {
                let padding = pad(line, name_width);
                let id = look.palette.vendor(id);
                let _ = writeln!(
                    out,
                    "{id}{}  {line}{padding}  {counts}",
                    pad(vendor.id.id(), id_width)
                );
            } else {
                let _ = writeln!(
                    out,
                    "{}{}  {line}",
                    look.palette.vendor(id),
                    pad(id, id_width)
                );
            }
        }
        if !beside {
            let _ = writeln!(out, "{}  {counts}", " ".repeat(id_width));
        }
    }
    out
}

/// `errcode vendors --json`: `{"vendors": [{"id", "name": {"en", "zh"}, "catalogs", "catalog_ids",
/// "entries"}]}`.
pub fn vendors_json(catalogs: &Catalogs, only: &[Vendor]) -> String {
    #[derive(Serialize)]
    struct Vendors<'a> {
        vendors: Vec<VendorSummary<'a>>,
    }
    let vendors = summaries(catalogs, only);
    json_text(&Vendors { vendors }, true)
}
