//! The ranges of a paste a candidate error was found by.

use std::ops::Range;

/// A candidate's clue ranges, sorted and without repeats, so that a paste repeating one error many times
/// costs a logarithmic step per question and per new range rather than a walk over every earlier repeat
/// (which made such a paste quadratic: 80,000 repeated lines took 9 s; a sorted `Vec` still moved its tail
/// for each range that arrived out of order, as the ranges of a JSON body's fields and text do).
#[derive(Debug, Clone, Default)]
pub(super) struct Spans {
    /// (start, end), ordered.
    sorted: std::collections::BTreeSet<(usize, usize)>,
    /// The longest span's length: a span overlapping another starts at most this far before it.
    longest: usize,
    /// The total length.
    extent: usize,
}

impl Spans {
    pub(super) fn insert(&mut self, span: &Range<usize>) {
        if self.sorted.insert((span.start, span.end)) {
            self.longest = self.longest.max(span.len());
            self.extent += span.len();
        }
    }

    pub(super) fn contains(&self, span: &Range<usize>) -> bool {
        self.sorted.contains(&(span.start, span.end))
    }

    /// Whether some span shares bytes with `span`.
    pub(super) fn overlaps(&self, span: &Range<usize>) -> bool {
        let from = (span.start.saturating_sub(self.longest), 0);
        self.sorted
            .range(from..(span.end, 0))
            .any(|&(_, end)| span.start < end)
    }

    /// Whether the two have a span in common.
    pub(super) fn shares_any(&self, other: &Spans) -> bool {
        let (few, many) = if self.sorted.len() <= other.sorted.len() {
            (self, other)
        } else {
            (other, self)
        };
        few.sorted.iter().any(|s| many.sorted.contains(s))
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.sorted.iter().map(|&(start, end)| start..end)
    }

    /// The sum of the spans' lengths: how much text the candidate was found by.
    pub(super) fn extent(&self) -> usize {
        self.extent
    }
}
