//! Problem families: entries of different vendors that are the same problem (a signature mismatch, clock
//! skew, throttling...), each with an explanation and a checklist of fixes. The texts are errcode's own;
//! the data is `catalogs/families.toml`, converted to statics by `build.rs`.

use crate::catalog::{Catalog, Catalogs, Entry, Text};

mod slots;

const BUILTIN: &[BuiltinFamily] = include!(concat!(env!("OUT_DIR"), "/builtin_families.rs"));

/// Every family's members: every match asks which family it is in.
const MEMBERS: Members = include!(concat!(env!("OUT_DIR"), "/builtin_family_members.rs"));

struct BuiltinFamily {
    id: &'static str,
    name: (&'static str, &'static str),
    aliases: &'static [&'static str],
    explanation: (&'static str, &'static str),
    checklist: &'static [(&'static str, &'static str)],
    /// Where its members are in `MEMBERS`.
    members: std::ops::Range<usize>,
}

/// The families' members, `catalog/entry` one after another in family order, kept as numbers and one
/// text (no pointers: nothing for the loader to relocate at start-up).
struct Members {
    text: &'static str,
    /// Where each member ends in `text`.
    ends: &'static [u32],
    /// Each member's family, an index into `BUILTIN`.
    families: &'static [u16],
    /// The members by the hash of `catalog/entry` (`slots`): each 0 or a member's index into `ends` plus one.
    slots: &'static [u16],
}

impl Members {
    /// The member at `at`: `(catalog id, entry id)`.
    fn get(&self, at: usize) -> (&'static str, &'static str) {
        (self.text_of(at).split_once('/')).expect("the build writes catalog/entry")
    }

    /// The member at `at` as written: `catalog/entry`.
    fn text_of(&self, at: usize) -> &'static str {
        let start = at
            .checked_sub(1)
            .map_or(0, |before| self.ends[before] as usize);
        &self.text[start..self.ends[at] as usize]
    }

    /// Whether the member at `at` is `catalog/entry` (compared as it is written, without splitting it).
    fn is(&self, at: usize, catalog: &str, entry: &str) -> bool {
        let member = self.text_of(at).as_bytes();
        member.len() == catalog.len() + 1 + entry.len()
            && member.starts_with(catalog.as_bytes())
            && member[catalog.len()] == b'/'
            && member.ends_with(entry.as_bytes())
    }
}

#[derive(Debug, Clone)]
pub struct Family {
    pub id: &'static str,
    pub name: Text,
    /// Other names users give the problem (`signature error`, `签名错误`), either language.
    pub aliases: &'static [&'static str],
    pub explanation: Text,
    pub checklist: Vec<Text>,
    /// Where its members are among the built-in families' (`members()`).
    members: std::ops::Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Families {
    pub families: Vec<Family>,
}

impl Families {
    pub fn builtin() -> Families {
        Families {
            families: BUILTIN
                .iter()
                .map(|f| Family {
                    id: f.id,
                    name: Text::trusted(f.name),
                    aliases: f.aliases,
                    explanation: Text::trusted(f.explanation),
                    checklist: f.checklist.iter().copied().map(Text::trusted).collect(),
                    members: f.members.clone(),
                })
                .collect(),
        }
    }

    /// The family an entry belongs to.
    pub fn of(&self, catalog: &Catalog, entry: &Entry) -> Option<&Family> {
        let (catalog, entry) = (catalog.id.as_str(), &*entry.id);
        let at = slots::candidates(MEMBERS.slots, catalog, entry)
            .find(|&at| MEMBERS.is(at, catalog, entry))?;
        self.families.get(usize::from(MEMBERS.families[at]))
    }

    /// A family by id, or by name in either language (any case).
    pub fn find(&self, name: &str) -> Option<&Family> {
        let name = name.trim();
        self.families.iter().find(|f| {
            f.id.eq_ignore_ascii_case(name)
                || f.name.en.eq_ignore_ascii_case(name)
                || f.name.zh == name
        })
    }
}

impl Families {
    /// The family a free-text query names: its id, its name in either language or one of its aliases,
    /// read without case, spaces and punctuation (`Signature-Mismatch`, `signature mismatch`, `签名错误`).
    pub fn named(&self, query: &str) -> Option<&Family> {
        name_key(query).next()?;
        self.families.iter().find(|f| {
            [f.id, &f.name.en, &f.name.zh]
                .into_iter()
                .chain(f.aliases.iter().copied())
                .any(|name| same_name(name, query))
        })
    }
}

/// Whether two texts are the same name: equal without case, spaces and punctuation.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a).eq(name_key(b))
}

/// A name as compared: lower case, letters and digits only (compared as it is read, without a copy: a
/// lookup compares the query with every family's names).
fn name_key(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

impl Family {
    /// Its members, `(catalog id, entry id)`, in family order.
    pub fn members(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.members.clone().map(|at| MEMBERS.get(at))
    }

    /// The members that are loaded (a vendor filter or an override may leave some out), in family order.
    pub fn loaded_members<'c>(&self, catalogs: &'c Catalogs) -> Vec<(&'c Catalog, &'c Entry)> {
        self.members()
            .filter_map(|(catalog_id, entry_id)| {
                let catalog = catalogs.catalogs.iter().find(|c| c.id == catalog_id)?;
                let entry = catalog.entries.by_id(entry_id)?;
                Some((catalog, entry))
            })
            .collect()
    }
}

/// The built-in families, built once.
pub fn builtin() -> &'static Families {
    static FAMILIES: std::sync::LazyLock<Families> = std::sync::LazyLock::new(Families::builtin);
    &FAMILIES
}

#[cfg(test)]
mod tests {
    use super::{MEMBERS, slots};

    fn member_count() -> usize {
        MEMBERS.ends.len()
    }

    #[test]
    fn the_built_slots_are_the_layout_of_the_members() {
        let members = (0..member_count()).map(|at| MEMBERS.get(at));
        assert_eq!(MEMBERS.slots, slots::layout(members).as_slice());
    }

    #[test]
    fn every_member_is_found_in_its_slot_and_no_stranger() {
        for at in 0..member_count() {
            let (catalog, entry) = MEMBERS.get(at);
            let found = slots::candidates(MEMBERS.slots, catalog, entry)
                .find(|&other| MEMBERS.is(other, catalog, entry));
            assert_eq!(found, Some(at), "{catalog}/{entry}");
            // The same entry id in another catalog, or a longer id, is not this member.
            let stranger = format!("{entry}x");
            assert!(
                !slots::candidates(MEMBERS.slots, catalog, &stranger)
                    .any(|other| MEMBERS.is(other, catalog, &stranger))
            );
            assert!(
                !slots::candidates(MEMBERS.slots, "no-such-catalog", entry)
                    .any(|other| MEMBERS.is(other, "no-such-catalog", entry))
            );
        }
    }
}
