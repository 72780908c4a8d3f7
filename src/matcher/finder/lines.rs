//! The candidate lines of a block: those where a literal that may make a line reported stands, found by
//! the SIMD prefilter and confirmed by the other words of what it stands for (`confirm`), or found without
//! it.

use std::ops::Range;

use aho_corasick::{Input, Span};

use super::{Finder, confirm};
use crate::matcher::teddy::Prefilter;

/// See [`Finder::candidate_lines`].
pub(in crate::matcher) struct CandidateLines<'a, 'c> {
    pub(super) finder: &'a Finder<'c>,
    /// The prefilter, where one serves this block (`Finder::prefilter_for`).
    pub(super) prefilter: Option<&'a Prefilter>,
    pub(super) block: &'a [u8],
    pub(super) pos: usize,
    /// Lines confirmed in a row, and lines still to be offered unconfirmed (`confirm::Streak`).
    pub(super) streak: confirm::Streak,
}

impl Iterator for CandidateLines<'_, '_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let block = self.block;
        if self.pos >= block.len() {
            return None;
        }
        let line = match self.prefilter {
            Some(prefilter) if self.streak.checking() => {
                let (line, rejected) = self.next_confirmed(prefilter)?;
                self.streak.checked(rejected);
                line
            }
            Some(prefilter) => {
                let at = prefilter.find(block, self.pos, &mut |_, _| true)?;
                self.streak.unchecked();
                line_around(block, at)
            }
            None => self.next_without_prefilter()?,
        };
        self.pos = line.end + 1;
        Some(line)
    }
}

impl CandidateLines<'_, '_> {
    /// The next line where a literal the prefilter finds is confirmed, and how many lines were passed over
    /// for want of one.
    fn next_confirmed(&self, prefilter: &Prefilter) -> Option<(Range<usize>, usize)> {
        let (finder, block) = (self.finder, self.block);
        // The line of the places offered last, and the literals that did not confirm it (a literal stands
        // for the same in all of a line).
        let mut line = 0..0;
        let mut rejected = 0;
        let mut unconfirmed: Vec<usize> = Vec::new();
        let mut rescued: Option<bool> = None;
        let mut confirmed = |place: usize, first: usize| {
            if !line.contains(&place) {
                rejected += usize::from(!line.is_empty());
                line = line_around(block, place);
                unconfirmed.clear();
                rescued = None;
            }
            let text = &block[line.clone()];
            let mut confirms = |number: usize| {
                let pattern =
                    (finder.confirmations.as_ref()).map_or(number, |c| c.pattern_of(number));
                if unconfirmed.contains(&pattern) {
                    return false;
                }
                let yes = finder.confirms(pattern, text);
                if !yes {
                    unconfirmed.push(pattern);
                }
                yes
            };
            // The literal the prefilter found first; the others starting there only where it does not
            // confirm the line (most places have one).
            if confirms(first) {
                return true;
            }
            let mut yes = false;
            prefilter.literals_at(block, place, &mut |number| {
                yes = number != first && confirms(number);
                yes
            });
            yes || *rescued.get_or_insert_with(|| finder.rescued(text))
        };
        prefilter.find(block, self.pos, &mut confirmed)?;
        Some((line, rejected))
    }

    /// The next candidate line found without the prefilter (a scan's first lines, before it is laid out; a
    /// CPU without AVX2; literals that begin in too many ways), offered as the prefilter's would be: lines
    /// where a literal it holds stands, confirmed by one while checks are on. Each line is looked up piece
    /// by piece while the finder probes (`Finder::probe`), then the automaton finds the next line with a
    /// literal.
    pub(super) fn next_without_prefilter(&mut self) -> Option<Range<usize>> {
        let (finder, block) = (self.finder, self.block);
        let mut rejected = 0;
        while self.pos < block.len() {
            let next = line_around(block, self.pos);
            let (line, probed) = match finder.probe(&block[next.clone()]) {
                Some(places) => (next, Some(places)),
                None => {
                    let rest = Span::from(self.pos..block.len());
                    let at = (finder.automaton().find(Input::new(block).span(rest))?).start();
                    (line_around(block, at), None)
                }
            };
            self.pos = line.end + 1;
            let text = &block[line.clone()];
            // (The automaton's places are gone through as found, not collected: a line may hold millions.)
            let patterns = || -> Box<dyn Iterator<Item = usize> + '_> {
                match &probed {
                    Some(places) => Box::new(places.iter().map(|(pattern, _)| *pattern)),
                    None => Box::new(
                        (finder.automaton().find_overlapping_iter(text))
                            .map(|m| m.pattern().as_usize()),
                    ),
                }
            };
            if !patterns().any(|pattern| finder.is_candidate(pattern)) {
                continue;
            }
            if !self.streak.checking() {
                self.streak.unchecked();
                return Some(line);
            }
            if patterns().any(|pattern| finder.confirms(pattern, text)) || finder.rescued(text) {
                self.streak.checked(rejected);
                return Some(line);
            }
            rejected += 1;
        }
        None
    }
}

/// The line of `block` (without its newline) that byte `at` is in.
pub(super) fn line_around(block: &[u8], at: usize) -> Range<usize> {
    let start = memchr::memrchr(b'\n', &block[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &block[at..]).map_or(block.len(), |i| at + i);
    start..end
}
