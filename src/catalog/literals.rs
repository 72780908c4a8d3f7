//! The literal index of a set of packed catalogs: every literal a search finds an entry by (an entry's
//! literal code; each message form's key, `Template::key`), with the entries it stands for, as a hash
//! table read in place. `build.rs` writes it for the built-in catalogs, so that a lookup of a short text
//! probes the table for the pieces of its text and decodes only the entries it finds, instead of decoding
//! every entry to collect their literals (which was most of a message lookup).
//!
//! The message keys are chosen among all the catalogs indexed (`message_keys`: a key shared by many
//! forms gives way to rarer words), so the index serves a search of every one of them, not of some.
//! The literals are numbered in the order a search that collects them from the entries first meets
//! them (every entry's code, in catalog then document order; then every message form's key), and each
//! literal's entries are listed in that order too: codes, then message forms.

use serde::{Deserialize, Serialize};

use super::grams::{MessageIndex, Written};
use super::packed::Catalog;
use super::record::{MAX_TEXT_LEN, u32_at};
use crate::template::Template;

/// A hash map with a faster hash than the default (whose resistance to chosen keys catalog text does not
/// need).
type FastMap<K, V> = std::collections::HashMap<K, V, xxhash_rust::xxh3::Xxh3Builder>;

/// What a literal stands for in one entry: its code, or one of its message forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stands {
    Code,
    /// Message form `form` (the message, or one of its variants), and whether that form is generic.
    Message(usize, bool),
}

/// One entry a literal stands for: the catalog's place in the set, the entry's in its catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LiteralAnchor {
    pub catalog: usize,
    pub entry: usize,
    pub stands: Stands,
}

/// The form in the bytes of an anchor's `stands`: the code.
const CODE: u32 = u32::MAX;

/// The bit of a message form's number in the bytes of an anchor's `stands` that says the form is generic.
const GENERIC: u32 = 1 << 30;

/// A literal index, read in place from its bytes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct LiteralIndex<'a> {
    /// The catalogs indexed, in order: their ids (an index serves exactly these, in this order).
    #[serde(borrow)]
    catalogs: Vec<&'a str>,
    /// The distinct lengths of the literals, ascending.
    lengths: Vec<u32>,
    /// The hash table: a power of two of u32s, each a literal's number + 1 (0: empty), probed linearly.
    #[serde(borrow, with = "serde_bytes")]
    slots: &'a [u8],
    /// Per literal, three u32s: its text's start and end in `text`, and where its anchors end in
    /// `anchors` (they start where the previous literal's end).
    #[serde(borrow, with = "serde_bytes")]
    literals: &'a [u8],
    #[serde(borrow)]
    text: &'a str,
    /// Per anchor, three u32s: catalog, entry, message form (`CODE`: the code).
    #[serde(borrow, with = "serde_bytes")]
    anchors: &'a [u8],
    /// Which entries' messages may hold a query (`grams`).
    #[serde(borrow)]
    messages: MessageIndex<'a>,
}

/// The hash of a literal's bytes (FNV-1a: the literals and the pieces probed are short).
fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl<'a> LiteralIndex<'a> {
    /// The index of these catalogs, in their order; `None` only if a size does not fit in 32 bits.
    pub(crate) fn build<'c>(catalogs: &[&'c Catalog]) -> Option<Vec<u8>> {
        // Each literal's anchors as (catalog, entry, form), by literal number in first-met order.
        let mut numbers: std::collections::HashMap<&'c str, usize> =
            std::collections::HashMap::new();
        let mut literals: Vec<(&'c str, Vec<[u32; 3]>)> = Vec::new();
        let mut add = |literal: &'c str, anchor: [u32; 3]| {
            if literal.is_empty() {
                return;
            }
            let at = *numbers.entry(literal).or_insert_with(|| {
                literals.push((literal, Vec::new()));
                literals.len() - 1
            });
            literals[at].1.push(anchor);
        };
        let mut forms: Vec<([u32; 3], &'c Template)> = Vec::new();
        for (c, &catalog) in catalogs.iter().enumerate() {
            let c = u32::try_from(c).ok()?;
            for entry in catalog.entries.iter() {
                let e = u32::try_from(entry.index).ok()?;
                if let Some(code) = entry.code.as_ref().and_then(|c| c.literal_str()) {
                    add(code, [c, e, CODE]);
                }
                if catalog.messages_are_descriptions {
                    continue;
                }
                for (f, form) in entry.message_forms().iter().enumerate() {
                    let f = u32::try_from(f).ok().filter(|&f| f < GENERIC)?;
                    let generic = if form.is_generic() { GENERIC } else { 0 };
                    forms.push(([c, e, f | generic], form));
                }
            }
        }
        for (anchor, key) in message_keys(&forms) {
            add(key, anchor);
        }
        Self::write(catalogs, &literals, &Written::build(catalogs)?)
    }

    fn write(
        catalogs: &[&Catalog],
        literals: &[(&str, Vec<[u32; 3]>)],
        messages: &Written,
    ) -> Option<Vec<u8>> {
        let mut text = String::new();
        let mut table = Vec::new();
        let mut anchors = Vec::new();
        for (literal, of) in literals {
            let start = u32::try_from(text.len()).ok()?;
            text.push_str(literal);
            anchors.extend(of.iter().flatten().flat_map(|n| n.to_le_bytes()));
            let ends = [text.len(), anchors.len() / 12].map(u32::try_from);
            let [Ok(end), Ok(anchors_end)] = ends else {
                return None;
            };
            table.extend(
                [start, end, anchors_end]
                    .iter()
                    .flat_map(|n| n.to_le_bytes()),
            );
        }
        u32::try_from(literals.len() + 1).ok()?;
        let slots = slot_table(literals.len(), literals.iter().map(|(l, _)| *l).enumerate());
        let slots: Vec<u8> = slots.iter().flat_map(|n| n.to_le_bytes()).collect();
        let mut lengths: Vec<u32> = (literals.iter())
            .map(|(l, _)| u32::try_from(l.len()).ok())
            .collect::<Option<_>>()?;
        lengths.sort_unstable();
        lengths.dedup();
        postcard::to_allocvec(&LiteralIndex {
            catalogs: catalogs.iter().map(|c| c.id.as_str()).collect(),
            lengths,
            slots: &slots,
            literals: &table,
            text: &text,
            anchors: &anchors,
            messages: messages.index(),
        })
        .ok()
    }

    /// The index in `bytes`, as `build` wrote it: its tables' shapes checked; read in place, every table is
    /// read within its bounds, so bytes from a cache file that say something else find less, not panic.
    pub(crate) fn read(bytes: &'a [u8]) -> Option<LiteralIndex<'a>> {
        let index: LiteralIndex<'a> = postcard::from_bytes(bytes).ok()?;
        let sound = index.slots.len().is_power_of_two()
            && index.slots.len() >= 8
            && index.literals.len().is_multiple_of(12)
            && index.anchors.len().is_multiple_of(12)
            && index.messages.sound()
            && index.messages.catalogs() == index.catalogs.len();
        sound.then_some(index)
    }

    /// Whether an index read from outside the build (a cache file) is laid out in every table as `write`
    /// lays one out, so that reading it costs what reading a sound one does (read in place, an index is
    /// otherwise trusted to be the build's): the literals one after another in `text`, none empty, each
    /// on character boundaries and with its anchors after the previous one's; the lengths exactly the
    /// literals'; the hash table the one `write` makes of those literals; the anchors' catalogs in the set;
    /// the message index's rows in order (`MessageIndex::sound_whole`). Linear in the index's size.
    pub(crate) fn sound_whole(&self) -> bool {
        let count = self.len();
        let mut lengths = Vec::with_capacity(count);
        let (mut text_end, mut anchors_end) = (0usize, 0usize);
        for n in 0..count {
            let (start, end, anchors) = (
                u32_at(self.literals, 3 * n) as usize,
                u32_at(self.literals, 3 * n + 1) as usize,
                u32_at(self.literals, 3 * n + 2) as usize,
            );
            let sound = start == text_end
                && end > start
                && end - start <= MAX_TEXT_LEN
                && self.text.get(start..end).is_some()
                && anchors >= anchors_end;
            if !sound {
                return false;
            }
            (text_end, anchors_end) = (end, anchors);
            lengths.push(u32::try_from(end - start).unwrap_or(u32::MAX));
        }
        lengths.sort_unstable();
        lengths.dedup();
        let catalogs = self.catalogs.len();
        let anchors_sound = anchors_end == self.anchors.len() / 12
            && (0..anchors_end).all(|a| (u32_at(self.anchors, 3 * a) as usize) < catalogs);
        text_end == self.text.len()
            && anchors_sound
            && lengths == self.lengths
            && self.slots.len() == 4 * table_size(count)
            && (slot_table(count, (0..count).map(|n| self.literal(n)).enumerate()).iter())
                .enumerate()
                .all(|(at, &slot)| u32_at(self.slots, at) == slot)
            && self.messages.sound_whole()
    }

    /// Whether the index is of catalogs with exactly these ids, in this order (which catalogs those are is
    /// the caller's to know: the built-in ones, or a set a cached index was stamped for).
    pub(crate) fn indexes(&self, catalogs: &[Catalog]) -> bool {
        catalogs.len() == self.catalogs.len()
            && (catalogs.iter().zip(&self.catalogs)).all(|(c, id)| c.id == *id)
    }

    /// Which entries' messages may hold a query.
    pub(crate) fn messages(&self) -> &MessageIndex<'a> {
        &self.messages
    }

    /// How many catalogs the index is of.
    pub(crate) fn catalogs(&self) -> usize {
        self.catalogs.len()
    }

    /// The distinct lengths of the literals, ascending.
    pub(crate) fn lengths(&self) -> impl DoubleEndedIterator<Item = usize> + '_ {
        self.lengths.iter().map(|&l| l as usize)
    }

    /// How many literals there are.
    pub(crate) fn len(&self) -> usize {
        self.literals.len() / 12
    }

    /// Literal `number`.
    pub(crate) fn literal(&self, number: usize) -> &'a str {
        let (start, end) = (
            u32_at(self.literals, 3 * number),
            u32_at(self.literals, 3 * number + 1),
        );
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// The number of the literal `bytes`, if it is one.
    pub(crate) fn find(&self, bytes: &[u8]) -> Option<usize> {
        let size = self.slots.len() / 4;
        let mut at = hash(bytes) as usize & (size - 1);
        // (A table that `write` made has empty slots; one read from a cache file is probed no more than
        // once round.)
        for _ in 0..size {
            let slot = u32_at(self.slots, at) as usize;
            if slot == 0 {
                return None;
            }
            if self.literal(slot - 1).as_bytes() == bytes {
                return Some(slot - 1);
            }
            at = (at + 1) & (size - 1);
        }
        None
    }

    /// What literal `number` stands for, in order.
    pub(crate) fn anchors(&self, number: usize) -> impl Iterator<Item = LiteralAnchor> + '_ {
        let start = match number {
            0 => 0,
            n => u32_at(self.literals, 3 * n - 1) as usize,
        };
        // (Within the anchor table, whatever a cache file's literal table says.)
        let end = (u32_at(self.literals, 3 * number + 2) as usize).min(self.anchors.len() / 12);
        (start..end).map(|a| LiteralAnchor {
            catalog: u32_at(self.anchors, 3 * a) as usize,
            entry: u32_at(self.anchors, 3 * a + 1) as usize,
            stands: match u32_at(self.anchors, 3 * a + 2) {
                CODE => Stands::Code,
                form => Stands::Message((form & !GENERIC) as usize, form & GENERIC != 0),
            },
        })
    }
}

/// How many slots the hash table of `count` literals has: a power of two, at least twice as many.
fn table_size(count: usize) -> usize {
    (count * 2).next_power_of_two().max(2)
}

/// The hash table of `count` literals, given with their numbers: each slot a literal's number + 1 (0:
/// empty), probed linearly from its hash.
fn slot_table<'l>(count: usize, literals: impl Iterator<Item = (usize, &'l str)>) -> Vec<u32> {
    let size = table_size(count);
    let mut slots = vec![0u32; size];
    for (number, literal) in literals {
        let mut at = hash(literal.as_bytes()) as usize & (size - 1);
        while slots[at] != 0 {
            at = (at + 1) & (size - 1);
        }
        slots[at] = u32::try_from(number + 1).unwrap_or(u32::MAX);
    }
    slots
}

/// How many message forms may share a literal before the ones sharing it look for a rarer one: finding a
/// literal costs a check of every form it stands for.
pub(crate) const CROWDED: u32 = 8;

/// The literal each message form is found by: its template's key (its longest uncommon word), unless
/// more than `CROWDED` forms share that key, as in a catalog whose messages all say `Synchronization ...`:
/// then the word of its own that the fewest forms have, so that finding one message does not mean
/// checking every other.
pub(crate) fn message_keys<'c, A: Copy>(forms: &[(A, &'c Template)]) -> Vec<(A, &'c str)> {
    // (A plain template works its key out at each call: once here.)
    let keys: Vec<&'c str> = forms.iter().map(|(_, form)| form.key()).collect();
    let mut sharing: FastMap<&str, u32> = FastMap::default();
    for key in &keys {
        *sharing.entry(key).or_default() += 1;
    }
    let crowded: Vec<bool> = keys.iter().map(|key| sharing[key] > CROWDED).collect();
    if !crowded.contains(&true) {
        return forms.iter().map(|(a, _)| *a).zip(keys).collect();
    }
    // The words of each crowded form, one after another (worked out once: a catalog whose messages all
    // share their words has hundreds of thousands), and where each form's end.
    let mut words: Vec<&'c str> = Vec::new();
    let mut ends: Vec<usize> = Vec::with_capacity(forms.len());
    // How many crowded forms have each word, besides the keys above.
    let mut have: FastMap<&str, u32> = FastMap::default();
    let mut distinct: Vec<&str> = Vec::new();
    for ((_, form), &crowded) in forms.iter().zip(&crowded) {
        if crowded {
            let start = words.len();
            words.extend(form.words());
            distinct.clear();
            distinct.extend_from_slice(&words[start..]);
            distinct.sort_unstable();
            distinct.dedup();
            for word in &distinct {
                *have.entry(word).or_default() += 1;
            }
        }
        ends.push(words.len());
    }
    let count = |word: &str| sharing.get(word).copied().unwrap_or(0) + have[word];
    forms
        .iter()
        .zip(&keys)
        .enumerate()
        .map(|(i, ((anchor, _), &key))| {
            let key = if crowded[i] {
                let start = if i == 0 { 0 } else { ends[i - 1] };
                (words[start..ends[i]].iter().copied())
                    .min_by_key(|w| (count(w), std::cmp::Reverse(w.len())))
                    .unwrap_or(key)
            } else {
                key
            };
            (*anchor, key)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalogs;

    /// An index read from a cache file is taken only if laid out as `write` lays one out: the built-in
    /// catalogs' own passes, and each way a file could be damaged behind a valid checksum to make reading it
    /// panic, hang or take unbounded memory (found in review) fails.
    #[test]
    fn only_an_index_laid_out_as_written_is_sound() {
        let catalogs = Catalogs::builtin();
        let bytes = LiteralIndex::build(&catalogs.catalogs.iter().collect::<Vec<_>>()).unwrap();
        let index = LiteralIndex::read(&bytes).unwrap();
        assert!(index.sound_whole());
        let set = |table: &[u8], i: usize, value: u32| {
            let mut table = table.to_vec();
            table[4 * i..4 * i + 4].copy_from_slice(&value.to_le_bytes());
            table
        };
        let n = index.len() / 2;
        let (start, end) = (
            u32_at(index.literals, 3 * n),
            u32_at(index.literals, 3 * n + 1),
        );
        // An empty literal (the prefilter's assertion), one past the text, overlapping anchors (every other
        // literal given them all), no empty slot (endless probing), no text at all.
        let empty = set(index.literals, 3 * n, end);
        let past = set(index.literals, 3 * n + 1, u32::MAX);
        let anchors_all = set(index.literals, 3 * n, start).to_vec();
        let overlapping = set(&anchors_all, 3 * n + 2, u32::MAX);
        let full = vec![0xff; index.slots.len()];
        let mut damaged: Vec<(&str, LiteralIndex)> = vec![
            (
                "empty literal",
                LiteralIndex {
                    literals: &empty,
                    ..index.clone()
                },
            ),
            (
                "literal past the text",
                LiteralIndex {
                    literals: &past,
                    ..index.clone()
                },
            ),
            (
                "anchors overlapping",
                LiteralIndex {
                    literals: &overlapping,
                    ..index.clone()
                },
            ),
            (
                "no empty slot",
                LiteralIndex {
                    slots: &full,
                    ..index.clone()
                },
            ),
            (
                "no text",
                LiteralIndex {
                    text: "",
                    ..index.clone()
                },
            ),
        ];
        let mut lengths = index.clone();
        lengths.lengths.push(0);
        damaged.push(("a length no literal has", lengths));
        let mut grams = index.messages.grams.to_vec();
        grams.swap(0, 12);
        damaged.push((
            "trigram rows out of order",
            LiteralIndex {
                messages: MessageIndex {
                    grams: &grams,
                    ..index.messages.clone()
                },
                ..index.clone()
            },
        ));
        for (what, index) in damaged {
            assert!(!index.sound_whole(), "{what}");
        }
    }
}
