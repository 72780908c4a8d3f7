//! Reading a short text without an automaton: the literals by their bytes (`LiteralTable`), each of the
//! text's pieces of each literal's length looked up, most of them ruled out first by how literals begin
//! (`Starts`); and how much of a scan's text is read so (`Probing`).

use std::ops::Range;
use std::sync::OnceLock;

use super::FastMap;

/// How many pieces of a scan's lines may be looked up in the literals' table before the automaton is built
/// to search the rest (`Finder::probe`).
#[derive(Debug, Default)]
pub(super) struct Probing {
    pub(super) budget: usize,
    /// Pieces looked up so far, and asked for past the budget (shared by a scan's threads).
    pub(super) spent: std::sync::atomic::AtomicUsize,
}

impl Probing {
    /// Pieces that may be looked up per byte of the literals. Building the automaton costs some 400
    /// instructions per byte of its literals, looking a piece up some 40 (most are ruled out by their
    /// first bytes, `Starts`): the break-even is near ten pieces a byte. A budget a tenth of it lets a scan
    /// of a line or two build no automaton, and costs one that outruns it a tenth of building one more
    /// (callgrind: a one-line scan 21.0 M -> 10.5 M instructions; a 4 MB gateway log +0.4%).
    pub(super) const PIECES_PER_LITERAL_BYTE: usize = 1;
}

/// Which lengths and first two bytes the literals come in, a bit for each (hashed to 16 bits): most pieces
/// a short text is read in are no literal, and one bit rules them out before a lookup hashes them whole.
pub(super) struct Starts {
    bits: Box<[u64]>,
}

impl Starts {
    /// The starts kept in `cell`, worked out there the first time a text of `len` bytes is read in more
    /// pieces than there are `count` literals (`None` till then: for a query of a few words, building them
    /// costs more than the lookups they spare).
    pub(super) fn when_worth<'s, 'l, I: Iterator<Item = &'l [u8]>>(
        cell: &'s OnceLock<Starts>,
        len: usize,
        lengths: usize,
        count: usize,
        literals: impl FnOnce() -> I,
    ) -> Option<&'s Starts> {
        (len.saturating_mul(lengths) > count).then(|| cell.get_or_init(|| Starts::of(literals())))
    }

    fn of<'l>(literals: impl Iterator<Item = &'l [u8]>) -> Starts {
        let mut bits = vec![0u64; (1 << 16) / 64].into_boxed_slice();
        for literal in literals {
            let at = Starts::bit(literal);
            bits[at / 64] |= 1 << (at % 64);
        }
        Starts { bits }
    }

    /// Whether some literal may be `piece` (`false`: none is).
    #[inline]
    pub(super) fn may_be(&self, piece: &[u8]) -> bool {
        let at = Starts::bit(piece);
        self.bits[at / 64] >> (at % 64) & 1 != 0
    }

    #[inline]
    fn bit(piece: &[u8]) -> usize {
        let first = u32::from(piece.first().copied().unwrap_or(0)) << 8
            | u32::from(piece.get(1).copied().unwrap_or(0));
        ((piece.len() as u32).wrapping_mul(0x9E37_79B1) >> 16 ^ first) as usize & 0xFFFF
    }
}

/// The literals by their bytes, for finding them in a short text without an automaton.
pub(super) struct LiteralTable<'c> {
    patterns: FastMap<&'c [u8], usize>,
    starts: OnceLock<Starts>,
    /// The distinct lengths of the literals, ascending.
    pub(super) lengths: Vec<usize>,
}

impl<'c> LiteralTable<'c> {
    /// Texts up to this long are read through the table (each of their pieces of each literal length is
    /// looked up); longer ones through the automaton.
    pub(super) const LONGEST_TEXT: usize = 1024;

    pub(super) fn new(
        patterns: FastMap<&'c [u8], usize>,
        literals: &[&'c str],
    ) -> LiteralTable<'c> {
        let mut lengths: Vec<usize> = literals.iter().map(|l| l.len()).collect();
        lengths.sort_unstable();
        lengths.dedup();
        LiteralTable {
            patterns,
            starts: OnceLock::new(),
            lengths,
        }
    }

    /// Every place a literal stands in `bytes`, overlapping ones included, in the automaton's order: by
    /// where they end, then the longest first.
    pub(super) fn find(&self, bytes: &[u8]) -> Vec<(usize, Range<usize>)> {
        let starts = Starts::when_worth(
            &self.starts,
            bytes.len(),
            self.lengths.len(),
            self.patterns.len(),
            || self.patterns.keys().map(|k| k.as_ref()),
        );
        pieces_found(bytes, &self.lengths, starts, |piece| {
            self.patterns.get(piece).copied()
        })
    }
}

/// Every place in `bytes` where a piece of one of `lengths` (ascending) is a literal (`number_of` says which),
/// overlapping ones included, in the automaton's order: by where they end, then the longest first. `starts`
/// rules most pieces out before they are looked up.
pub(super) fn pieces_found(
    bytes: &[u8],
    lengths: &[usize],
    starts: Option<&Starts>,
    number_of: impl Fn(&[u8]) -> Option<usize>,
) -> Vec<(usize, Range<usize>)> {
    let mut found = Vec::new();
    for end in 1..=bytes.len() {
        for &len in lengths.iter().rev().filter(|&&len| len <= end) {
            let piece = &bytes[end - len..end];
            if starts.is_some_and(|starts| !starts.may_be(piece)) {
                continue;
            }
            if let Some(number) = number_of(piece) {
                found.push((number, end - len..end));
            }
        }
    }
    found
}
