//! The ranges of a paste a candidate error was found by.

use std::collections::BTreeSet;
use std::ops::Range;

use smallvec::SmallVec;

/// A candidate's clue ranges, sorted and without repeats, so that a paste repeating one error many times
/// costs a logarithmic step per question and per new range rather than a walk over every earlier repeat
/// (which made such a paste quadratic: 80,000 repeated lines took 9 s; a sorted `Vec` still moved its tail
/// for each range that arrived out of order, as the ranges of a JSON body's fields and text do).
#[derive(Debug, Clone, Default)]
pub(super) struct Spans {
    /// (start, end), ordered.
    sorted: Set,
    /// The longest span's length: a span overlapping another starts at most this far before it.
    longest: usize,
    /// The total length.
    extent: usize,
}

/// Up to `FEW` spans in a sorted list, its first four in place (most candidates have one to three: nothing
/// to allocate, and a copy is a copy of the value); more in a tree, where an insertion costs a logarithmic
/// step.
#[derive(Debug, Clone)]
enum Set {
    Few(SmallVec<[(usize, usize); 4]>),
    Many(BTreeSet<(usize, usize)>),
}

/// Where a sorted list gives way to a tree: moving a tail of this many is cheaper than a tree's node.
const FEW: usize = 16;

impl Default for Set {
    fn default() -> Set {
        Set::Few(SmallVec::new())
    }
}

impl Set {
    fn len(&self) -> usize {
        match self {
            Set::Few(few) => few.len(),
            Set::Many(many) => many.len(),
        }
    }

    fn insert(&mut self, span: (usize, usize)) -> bool {
        match self {
            Set::Few(few) => match few.binary_search(&span) {
                Ok(_) => false,
                Err(at) if few.len() < FEW => {
                    few.insert(at, span);
                    true
                }
                Err(_) => {
                    let mut many: BTreeSet<_> = few.drain(..).collect();
                    many.insert(span);
                    *self = Set::Many(many);
                    true
                }
            },
            Set::Many(many) => many.insert(span),
        }
    }

    fn contains(&self, span: &(usize, usize)) -> bool {
        match self {
            Set::Few(few) => few.binary_search(span).is_ok(),
            Set::Many(many) => many.contains(span),
        }
    }

    /// The spans from `from` (included) to `to` (excluded), in order.
    fn range(
        &self,
        from: (usize, usize),
        to: (usize, usize),
    ) -> impl Iterator<Item = &(usize, usize)> {
        let (few, many) = match self {
            Set::Few(few) => {
                let start = few.partition_point(|s| *s < from);
                let end = few.partition_point(|s| *s < to).max(start);
                (Some(few[start..end].iter()), None)
            }
            Set::Many(many) => (None, Some(many.range(from..to))),
        };
        few.into_iter().flatten().chain(many.into_iter().flatten())
    }

    fn iter(&self) -> impl Iterator<Item = &(usize, usize)> {
        let (few, many) = match self {
            Set::Few(few) => (Some(few.iter()), None),
            Set::Many(many) => (None, Some(many.iter())),
        };
        few.into_iter().flatten().chain(many.into_iter().flatten())
    }
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
            .range(from, (span.end, 0))
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Spans answer as a plain ordered set would, however many there are: below `FEW`, where they
        /// are kept in place, across the change to a tree, and beyond.
        #[test]
        fn spans_answer_as_an_ordered_set(
            spans in proptest::collection::vec((0usize..60, 0usize..12), 0..40),
            probes in proptest::collection::vec((0usize..70, 0usize..12), 1..20),
        ) {
            let mut model = BTreeSet::new();
            let mut set = Spans::default();
            let mut longest = 0;
            let mut extent = 0;
            for &(start, len) in &spans {
                let span = start..start + len;
                if model.insert((span.start, span.end)) {
                    longest = longest.max(len);
                    extent += len;
                }
                set.insert(&span);
                let listed: Vec<_> = set.iter().map(|r| (r.start, r.end)).collect();
                let expected: Vec<_> = model.iter().copied().collect();
                proptest::prop_assert_eq!(listed, expected);
                proptest::prop_assert_eq!(set.extent(), extent);
                proptest::prop_assert_eq!(set.longest, longest);
            }
            let mut other = Spans::default();
            for &(start, len) in &probes {
                let probe = start..start + len;
                proptest::prop_assert_eq!(set.contains(&probe), model.contains(&(probe.start, probe.end)));
                let overlapping = model.iter().any(|&(s, e)| s < probe.end && probe.start < e);
                proptest::prop_assert_eq!(set.overlaps(&probe), overlapping);
                other.insert(&probe);
            }
            let shared = probes.iter().any(|&(s, l)| model.contains(&(s, s + l)));
            proptest::prop_assert_eq!(set.shares_any(&other), shared);
            proptest::prop_assert_eq!(other.shares_any(&set), shared);
        }
    }
}
