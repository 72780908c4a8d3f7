//! Where the literals stand in a text, overlapping ones included, in the automaton's order (by where they
//! end, then the longest first): by looking each piece up (a short text, a scan's first lines), with the
//! prefilter a scan has laid out (its candidate lines), or with the automaton of every literal.

use std::ops::Range;

use super::confirm::Confirmations;
use super::table::LiteralTable;
use super::{Finder, LiteralHit, MOST_SIGHTINGS, Prefilter, Search};

impl<'c> Finder<'c> {
    /// Every place a literal of the automaton stands in `bytes`, overlapping ones included; past the
    /// first `MOST_SIGHTINGS` places, only the first `MOST_SIGHTINGS` of each literal.
    pub(in crate::matcher) fn literals(&self, bytes: &[u8]) -> Vec<LiteralHit> {
        let found_in = match self.built_prefilter() {
            Some(built) => self.prefiltered_places(built, bytes, |_| false),
            None => self.probe(bytes),
        }
        .unwrap_or_else(|| self.automaton_places(bytes));
        sightings(found_in)
    }

    /// Every place a literal stands in `bytes`, overlapping ones included, found by looking up each of
    /// its pieces of each literal's length, where that costs less than the automaton: always for a short
    /// text (`Search::Small`), never for a large paste, and for a scan's short lines until they have cost
    /// about what building the automaton does (so that a scan of a few lines builds none; then it serves
    /// the rest). `None`: the automaton is to serve.
    pub(super) fn probe(&self, bytes: &[u8]) -> Option<Vec<(usize, Range<usize>)>> {
        if bytes.len() > LiteralTable::LONGEST_TEXT {
            return None;
        }
        if self.search == Search::Bulk {
            let pieces = self.pieces(bytes.len())?;
            let spent =
                (self.probing.spent).fetch_add(pieces, std::sync::atomic::Ordering::Relaxed);
            if spent.saturating_add(pieces) > self.probing.budget {
                return None;
            }
        }
        match (&self.table, &self.indexed, self.search) {
            (_, _, Search::Large) => None,
            (Some(table), _, _) => Some(table.find(bytes)),
            (None, Some(indexed), _) => Some(indexed.find(bytes)),
            (None, None, _) => None,
        }
    }

    /// For scanning: the pieces `len` bytes are looked up in (one per literal length ending at each byte),
    /// where they are still to be looked up rather than searched by the automaton (`None`: it is built).
    pub(super) fn pieces(&self, len: usize) -> Option<usize> {
        if self.automaton.get().is_some() {
            return None;
        }
        let lengths = match (&self.table, &self.indexed) {
            (Some(table), _) => table.lengths.len(),
            (None, Some(indexed)) => indexed.lengths(),
            (None, None) => return None,
        };
        Some(len.saturating_mul(lengths))
    }

    /// For scanning: whether `len` more bytes can be looked up piece by piece within the budget.
    pub(super) fn probing_covers(&self, len: usize) -> bool {
        self.pieces(len).is_some_and(|pieces| {
            let spent = self
                .probing
                .spent
                .load(std::sync::atomic::Ordering::Relaxed);
            spent.saturating_add(pieces) <= self.probing.budget
        })
    }

    /// For scanning: the prefilter, where one has been built (`prefilter_for`), with what says which
    /// literals it holds.
    pub(super) fn built_prefilter(&self) -> Option<(&Prefilter, &Confirmations<'c>)> {
        let prefilter = self.prefilter.get().and_then(Option::as_ref)?;
        Some((prefilter, self.confirmations.as_ref()?))
    }

    /// For scanning, once the prefilter is built: every place a literal stands in `bytes`, overlapping
    /// ones included, in the automaton's order (by where they end, then the longest first), found by the
    /// prefilter (the literals that make a line a candidate) and the lone search (the others). An error
    /// log's line read so costs a fraction of the automaton's pass over every byte of it (a fifth of
    /// `scan --count`'s time on one), and a scan then builds no automaton. `stop` is asked at each place
    /// a prefilter literal starts, in order: `None` once it says so.
    pub(super) fn prefiltered_places(
        &self,
        (prefilter, confirmations): (&Prefilter, &Confirmations<'c>),
        bytes: &[u8],
        mut stop: impl FnMut(usize) -> bool,
    ) -> Option<Vec<(usize, Range<usize>)>> {
        let mut found: Vec<(usize, Range<usize>)> = Vec::with_capacity(16);
        // Only each literal's first `MOST_SIGHTINGS` places are kept (`sightings`), which are its first
        // by where they start: the others are not collected (a long line of one code run together held
        // millions, 100 MB).
        let mut sighted = Sighted::default();
        let mut at_place = |place: usize, _| {
            if stop(place) {
                return true;
            }
            prefilter.literals_at(bytes, place, &mut |number| {
                let pattern = confirmations.pattern_of(number);
                if sighted.another(pattern, &found) {
                    found.push((pattern, place..place + self.literals[pattern].len()));
                }
                false
            });
            false
        };
        if prefilter.find(bytes, 0, &mut at_place).is_some() {
            return None;
        }
        let lone = confirmations.lone_literals(bytes, &self.literals);
        found.extend(lone.into_iter().map(|hit| (hit.pattern, hit.span)));
        found.sort_unstable_by_key(|(_, span)| (span.end, span.start));
        Some(found)
    }

    /// Every place a literal stands in `bytes`, overlapping ones included, found by the automaton (but
    /// those of a literal past its first `MOST_SIGHTINGS`, which `sightings` drops).
    pub(super) fn automaton_places(&self, bytes: &[u8]) -> Vec<(usize, Range<usize>)> {
        let mut sighted = Sighted::default();
        let mut found = Vec::new();
        for m in self.automaton().find_overlapping_iter(bytes) {
            if sighted.another(m.pattern().as_usize(), &found) {
                found.push((m.pattern().as_usize(), m.range()));
            }
        }
        found
    }
}

/// How often each literal has been collected, counted only once there are many places (most texts have a
/// handful).
#[derive(Default)]
struct Sighted(std::collections::HashMap<usize, usize>);

impl Sighted {
    /// Whether another place of literal `pattern` is to be collected after those `found`: each literal's
    /// first `MOST_SIGHTINGS` are.
    fn another(&mut self, pattern: usize, found: &[(usize, Range<usize>)]) -> bool {
        if found.len() < MOST_SIGHTINGS {
            return true;
        }
        if self.0.is_empty() {
            for &(pattern, _) in found {
                *self.0.entry(pattern).or_default() += 1;
            }
        }
        let times = self.0.entry(pattern).or_default();
        *times += 1;
        *times <= MOST_SIGHTINGS
    }
}

/// The places found (`Finder::literals`) as hits: each literal's first `MOST_SIGHTINGS` (`Sighted`, as the
/// prefilter's and the automaton's places are collected; the table's, for short texts, are kept here).
pub(super) fn sightings(mut found: Vec<(usize, Range<usize>)>) -> Vec<LiteralHit> {
    let mut sighted = Sighted::default();
    // Kept ones moved to the front, in order.
    let mut kept = 0;
    for i in 0..found.len() {
        if sighted.another(found[i].0, &found[..kept]) {
            found.swap(kept, i);
            kept += 1;
        }
    }
    found.truncate(kept);
    (found.into_iter())
        .map(|(pattern, span)| LiteralHit { pattern, span })
        .collect()
}
