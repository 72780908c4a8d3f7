//! The problem families: the list of them, and one family with its checklist and members.

use super::card::{CardWriter, checklist, texts};
use super::grid::{Cell, Grid};
use super::json::{JsonFamily, json_family, json_output, json_text};
use super::labels::labels;
use super::{Look, human};
use crate::catalog::Catalogs;
use crate::family::Family;
use crate::matcher::Outcome;
use crate::template::Captures;

/// `errcode family`: every family, with its members per vendor.
pub fn families_table(families: &[Family], catalogs: &Catalogs, look: &Look) -> String {
    let lang = look.lang;
    let mut table = Grid::boxed(look.width);
    table.header(
        labels(lang)
            .family_headings
            .map(|h| Cell::painted(h, look.palette.heading_cell()))
            .into(),
    );
    for f in families {
        let members = f.loaded_members(catalogs);
        let per_vendor: Vec<String> = catalogs
            .vendors()
            .iter()
            .filter_map(|v| {
                let n = members.iter().filter(|(c, _)| c.vendor == *v).count();
                (n > 0).then(|| format!("{} {n}", v.id()))
            })
            .collect();
        table.row(vec![
            Cell::painted(f.id, look.palette.code_cell()),
            Cell::new(texts(&f.name, lang, &Captures::new()).join("\n")),
            Cell::new(per_vendor.join(", ")),
        ]);
    }
    format!("{}\n", table.render())
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
    let palette = look.palette;
    let heading = format!(
        "{} ({})",
        texts(&family.name, lang, &Captures::new()).join(" · "),
        family.id
    );
    let mut card = CardWriter::new(look, &[(heading, Box::new(move |t| palette.heading(t)))]);
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
    let mut value = serde_json::to_value(json_output(std::slice::from_ref(members), &[]))
        .expect("JSON of plain data cannot fail");
    value["family"] =
        serde_json::to_value(json_family(family)).expect("JSON of plain data cannot fail");
    json_text(&value, true)
}
