//! The message index of a set of catalogs (part of their literal index, `literals`, and written with it):
//! for each three-byte piece of the messages (a trigram: three bytes, not characters), the entries whose
//! message forms hold it, so that a message lookup scores only the entries that can score against its
//! query (`Matcher::messages`) rather than every message of every catalog.
//!
//! Why the candidates it gives are all the entries that can score: a message form scores against a query
//! (`fold`ed and trimmed: `q`) in one of two ways, and each needs what the index lists the entry under
//! (`matcher::query::message_score`):
//! - the form stands in the query (`Template::find_folded`): that needs the form's key, lower-cased
//!   (`Template::key`), to stand in `q`, so the key's first three bytes are three bytes of `q`. The entry
//!   is listed under that trigram as keyed by it; an entry with a key shorter than three bytes (or none)
//!   is always a candidate (`short`).
//! - `q` is a fragment of the form (`Needle::in_text`, `q` at least three bytes long): `q` stands in the
//!   form's display text lowered in its ASCII letters, or in its folded display text (where the text's
//!   white space is odd). Every trigram of `q` is then a trigram of one of those two texts, and the entry
//!   is listed under each of their trigrams as holding it: the entries holding any one trigram of `q`
//!   include every such entry, so the fewest (the rarest trigram's) are taken.
//!
//! Scoring only these gives exactly the matches scoring all gives (`matcher::query`'s tests check it for
//! every built-in message and random queries).

use serde::{Deserialize, Serialize};

use super::packed::Catalog;
use super::record::{Reader, u32_at};
use crate::template::fold;

/// A message index, read in place.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct MessageIndex<'a> {
    /// Entries are numbered across the set, catalog by catalog: where each catalog's numbers start, and
    /// where the last one's end.
    pub(super) bases: Vec<u32>,
    /// The entries with a form whose key is shorter than three bytes, ascending: always candidates.
    pub(super) short: Vec<u32>,
    /// Per trigram, by trigram: three u32s, the trigram (its bytes, big-endian), where the entries holding
    /// it end in `postings` (they start where the previous trigram's keyed entries end), and where the
    /// entries keyed by it end (they start where those holding it end).
    #[serde(borrow, with = "serde_bytes")]
    pub(super) grams: &'a [u8],
    /// Lists of entry numbers, each ascending, as varints of the differences (the first from 0).
    #[serde(borrow, with = "serde_bytes")]
    pub(super) postings: &'a [u8],
}

/// A message index as written, owning its tables (`MessageIndex` borrows them to be written or read).
#[derive(Default)]
pub(crate) struct Written {
    bases: Vec<u32>,
    short: Vec<u32>,
    grams: Vec<u8>,
    postings: Vec<u8>,
}

/// A trigram as a number: its three bytes, big-endian (so that numbers sort as the bytes do).
fn gram(piece: &[u8]) -> u32 {
    (u32::from(piece[0]) << 16) | (u32::from(piece[1]) << 8) | u32::from(piece[2])
}

/// Adds entry `number` to a list (entries come in ascending order: once each).
fn push(list: &mut Vec<u32>, number: u32) {
    if list.last() != Some(&number) {
        list.push(number);
    }
}

fn write_list(list: &[u32], into: &mut Vec<u8>) {
    let mut previous = 0;
    for &n in list {
        let mut delta = n - previous;
        previous = n;
        while delta >= 0x80 {
            into.push((delta as u8 & 0x7f) | 0x80);
            delta >>= 7;
        }
        into.push(delta as u8);
    }
}

impl Written {
    /// The message index of these catalogs, in their order; `None` only if a size does not fit in 32 bits.
    pub(crate) fn build(catalogs: &[&Catalog]) -> Option<Written> {
        let mut holds: std::collections::BTreeMap<u32, (Vec<u32>, Vec<u32>)> = Default::default();
        let mut written = Written::default();
        let mut number: u32 = 0;
        for catalog in catalogs {
            written.bases.push(number);
            for i in 0..catalog.entries.len() {
                catalog.entries.with_message_forms(i, |forms| {
                    for form in forms {
                        let key = form.key().to_lowercase();
                        match key.as_bytes().get(..3) {
                            Some(first) => {
                                push(&mut holds.entry(gram(first)).or_default().1, number)
                            }
                            None => push(&mut written.short, number),
                        }
                        let display = form.display();
                        let lowered = display.to_ascii_lowercase();
                        let folded = fold(&display);
                        for text in [lowered.as_bytes(), folded.as_bytes()] {
                            for piece in text.windows(3) {
                                push(&mut holds.entry(gram(piece)).or_default().0, number);
                            }
                        }
                    }
                });
                number = number.checked_add(1)?;
            }
        }
        written.bases.push(number);
        for (g, (holding, keyed)) in &holds {
            write_list(holding, &mut written.postings);
            let holding_end = u32::try_from(written.postings.len()).ok()?;
            write_list(keyed, &mut written.postings);
            let keyed_end = u32::try_from(written.postings.len()).ok()?;
            for n in [*g, holding_end, keyed_end] {
                written.grams.extend(n.to_le_bytes());
            }
        }
        Some(written)
    }

    /// The index, borrowing these tables.
    pub(crate) fn index(&self) -> MessageIndex<'_> {
        MessageIndex {
            bases: self.bases.clone(),
            short: self.short.clone(),
            grams: &self.grams,
            postings: &self.postings,
        }
    }
}

impl MessageIndex<'_> {
    /// Whether the tables hold together as `Written::build` writes them (the bytes of a cache are not
    /// trusted; read past their bounds, they give no entry rather than a panic).
    pub(crate) fn sound(&self) -> bool {
        self.grams.len().is_multiple_of(12)
            && !self.bases.is_empty()
            && self.bases.is_sorted()
            && self.short.is_sorted()
    }

    /// Whether the tables are laid out as `Written::build` lays them out (checked once where they are read
    /// from a cache file, beside `sound`): the trigram rows in ascending order, each row's lists after the
    /// previous row's, its holding list before its keyed one, the last ending the postings.
    pub(crate) fn sound_whole(&self) -> bool {
        let rows = self.grams.len() / 12;
        let mut previous: Option<u32> = None;
        let mut end = 0;
        for row in 0..rows {
            let (g, holding_end, keyed_end) = (
                u32_at(self.grams, 3 * row),
                u32_at(self.grams, 3 * row + 1) as usize,
                u32_at(self.grams, 3 * row + 2) as usize,
            );
            if previous.is_some_and(|p| p >= g) || holding_end < end || keyed_end < holding_end {
                return false;
            }
            (previous, end) = (Some(g), keyed_end);
        }
        self.sound() && end == self.postings.len()
    }

    /// How many catalogs the index is of.
    pub(crate) fn catalogs(&self) -> usize {
        self.bases.len().saturating_sub(1)
    }

    /// The byte range of `postings` of trigram row `row`'s entries holding it (`keyed`: keyed by it).
    fn list(&self, row: usize, keyed: bool) -> std::ops::Range<usize> {
        let start = match (row, keyed) {
            (_, true) => u32_at(self.grams, 3 * row + 1),
            (0, false) => 0,
            (_, false) => u32_at(self.grams, 3 * row - 1),
        };
        let end = u32_at(self.grams, 3 * row + 1 + usize::from(keyed));
        start as usize..end as usize
    }

    /// The row of trigram `g`, if some message has it.
    fn row(&self, g: u32) -> Option<usize> {
        let rows = self.grams.len() / 12;
        let (mut low, mut high) = (0, rows);
        while low < high {
            let mid = (low + high) / 2;
            match u32_at(self.grams, 3 * mid).cmp(&g) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// Adds the entry numbers of the list at `range` of `postings` to `into`.
    fn read_list(&self, range: std::ops::Range<usize>, into: &mut Vec<u32>) {
        let mut reader = Reader(self.postings.get(range).unwrap_or_default());
        let mut number: u32 = 0;
        while let Some(delta) = reader.u32() {
            number = number.saturating_add(delta);
            into.push(number);
        }
    }

    /// The entries whose message forms may score against `folded` (a query `fold`ed and trimmed), as
    /// `(catalog, entry)` in catalog then document order: every one that can (see above), and few others.
    pub(crate) fn candidates(&self, folded: &str) -> Vec<(usize, usize)> {
        let mut found = self.short.clone();
        // The trigram of the query fewest entries hold, by the bytes of their list; `None` where the
        // query has none (shorter than three bytes) or one no message has.
        let mut rarest: Option<std::ops::Range<usize>> = None;
        let mut all_held = true;
        // Each trigram once, in the order the query first has it (a query repeating one would read its
        // list again for each time).
        let mut seen = std::collections::HashSet::new();
        for piece in folded.as_bytes().windows(3) {
            if !seen.insert(gram(piece)) {
                continue;
            }
            let Some(row) = self.row(gram(piece)) else {
                all_held = false;
                continue;
            };
            self.read_list(self.list(row, true), &mut found);
            let holding = self.list(row, false);
            if rarest.as_ref().is_none_or(|r| holding.len() < r.len()) {
                rarest = Some(holding);
            }
        }
        if all_held && let Some(range) = rarest {
            self.read_list(range, &mut found);
        }
        found.sort_unstable();
        found.dedup();
        let bases = &self.bases;
        found
            .into_iter()
            .filter_map(|n| {
                let catalog = bases.partition_point(|&b| b <= n).checked_sub(1)?;
                let end = *bases.get(catalog + 1)?;
                (n < end).then(|| (catalog, (n - bases[catalog]) as usize))
            })
            .collect()
    }
}
