//! The literals of a text found through the catalogs' literal index (`catalog::literals`, written at build
//! time, or cached beside a user's large catalog) rather than collected from every entry: a lookup or a scan
//! decodes only the entries whose literals its text holds. Numbered as the index numbers them, the referrals' code prefixes that are no
//! literal of the index after them; each literal stands for what `Finder::new` would make it stand for.

use std::ops::Range;

use super::Anchor;
use super::table::{Starts, pieces_found};
use crate::catalog::{Catalog, LiteralIndex, Referral, Stands};
use crate::template::Segment;

pub(super) struct Indexed<'c> {
    index: &'c LiteralIndex<'static>,
    catalogs: &'c [Catalog],
    /// The referrals' anchors, by literal number: after the index's own anchors of that literal.
    referrals: Vec<(usize, Anchor<'c>)>,
    /// The referrals' prefixes that are no literal of the index, numbered from the index's length on.
    extra: Vec<&'c str>,
    /// The distinct lengths of every literal, ascending.
    lengths: Vec<usize>,
    /// How the literals begin, worked out when a text is first read (`find`).
    starts: std::sync::OnceLock<Starts>,
}

impl<'c> Indexed<'c> {
    /// `index` must index exactly `catalogs` (`Catalogs::literal_index`), all of them searched for.
    pub(super) fn new(
        index: &'c LiteralIndex<'static>,
        catalogs: &'c [Catalog],
        referrals: impl Iterator<Item = (&'c Catalog, &'c Referral)>,
    ) -> Indexed<'c> {
        let mut indexed = Indexed {
            index,
            catalogs,
            referrals: Vec::new(),
            extra: Vec::new(),
            lengths: index.lengths().collect(),
            starts: std::sync::OnceLock::new(),
        };
        for (catalog, referral) in referrals {
            let Some(Segment::Literal(prefix)) = referral.code.segments().first() else {
                continue;
            };
            let prefix = prefix.as_str();
            if prefix.is_empty() {
                continue;
            }
            let number = match index.find(prefix.as_bytes()) {
                Some(n) => n,
                None => match indexed.extra.iter().position(|&e| e == prefix) {
                    Some(k) => index.len() + k,
                    None => {
                        indexed.extra.push(prefix);
                        indexed.lengths.push(prefix.len());
                        index.len() + indexed.extra.len() - 1
                    }
                },
            };
            (indexed.referrals).push((number, Anchor::Referral(catalog, referral)));
        }
        indexed.lengths.sort_unstable();
        indexed.lengths.dedup();
        indexed
    }

    /// Every literal, by number (for the automaton a longer text is searched with).
    pub(super) fn all(&self) -> impl Iterator<Item = &'c str> + '_ {
        let index = self.index;
        (0..index.len())
            .map(|n| index.literal(n))
            .chain(self.extra.iter().copied())
    }

    /// Literal `number`.
    pub(super) fn literal(&self, number: usize) -> &'c str {
        match number.checked_sub(self.index.len()) {
            None => self.index.literal(number),
            Some(k) => self.extra.get(k).copied().unwrap_or_default(),
        }
    }

    /// What literal `number` stands for, in `Finder::new`'s order.
    pub(super) fn anchors(&self, number: usize) -> Vec<Anchor<'c>> {
        let mut anchors = Vec::new();
        if number < self.index.len() {
            let literal = self.index.literal(number);
            for a in self.index.anchors(number) {
                let Some(catalog) = self.catalogs.get(a.catalog) else {
                    continue;
                };
                let Some(entry) = catalog.entries.get(a.entry) else {
                    continue;
                };
                // The index of a set with users' catalogs is read from a cache file: what it says is
                // checked as it is used, so that it can leave an entry out but not make one up. A code
                // stands for its entry only where it is the entry's code; a message form, found only where
                // its whole template matches, need only be one the entry has.
                let anchor = match a.stands {
                    Stands::Code => (entry.code.as_ref().and_then(|c| c.literal_str())
                        == Some(literal))
                    .then_some(Anchor::Code(catalog, entry)),
                    Stands::Message(form, _) => (form < entry.message_forms().len())
                        .then_some(Anchor::Message(catalog, entry, form)),
                };
                anchors.extend(anchor);
            }
        }
        let referrals = self.referrals.iter().filter(|(n, _)| *n == number);
        anchors.extend(referrals.map(|(_, anchor)| *anchor));
        anchors
    }

    /// Whether literal `number` may alone make a line reported (`Anchor::reportable` of what it stands for),
    /// told by the index without decoding an entry or parsing a template. (From a cache file, a wrong answer
    /// can only make a line a candidate, which is then read as any other.)
    pub(super) fn reportable(&self, number: usize) -> bool {
        let referral = self.referrals.iter().any(|(n, _)| *n == number);
        referral
            || (number < self.index.len())
                && (self.index.anchors(number)).any(|a| match a.stands {
                    Stands::Code => true,
                    Stands::Message(_, generic) => !generic,
                })
    }

    /// How many lengths the literals come in.
    pub(super) fn lengths(&self) -> usize {
        self.lengths.len()
    }

    /// Whether literal `number` stands for a message form (told by the index, without decoding an entry).
    pub(super) fn stands_for_a_message(&self, number: usize) -> bool {
        number < self.index.len()
            && (self.index.anchors(number)).any(|a| matches!(a.stands, Stands::Message(..)))
    }

    /// The number of the literal `bytes`, if it is one.
    pub(super) fn number_of(&self, bytes: &[u8]) -> Option<usize> {
        self.index.find(bytes).or_else(|| {
            let k = self.extra.iter().position(|e| e.as_bytes() == bytes)?;
            Some(self.index.len() + k)
        })
    }

    /// Every place a literal stands in `bytes`, overlapping ones included, in the automaton's order: by
    /// where they end, then the longest first (as `LiteralTable::find`).
    pub(super) fn find(&self, bytes: &[u8]) -> Vec<(usize, Range<usize>)> {
        let starts = Starts::when_worth(
            &self.starts,
            bytes.len(),
            self.lengths.len(),
            self.index.len(),
            || self.all().map(str::as_bytes),
        );
        pieces_found(bytes, &self.lengths, starts, |piece| self.number_of(piece))
    }
}
