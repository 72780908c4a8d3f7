//! What a scan found, as plain data: each matching line of a block with the errors it carries, and the
//! counts over all input. `scan` produces reports and hands them to a `Sink`; printers read them (they
//! never reach back into the scan), and the CLI's sink is the one place that writes them out.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::catalog::Vendor;
use crate::error::Error;
use crate::matcher::{Match, ReferralMatch};

/// One matching line, as printers show it.
pub struct LineReport<'a, 'c> {
    pub path: &'a str,
    pub number: u64,
    pub text: &'a str,
    pub matches: &'a [Match<'c>],
    pub referrals: &'a [ReferralMatch<'c>],
}

/// One matching line of a block, as a searching thread found it.
pub struct LineHit<'c> {
    /// The line's number in the input (0 where lines are not numbered: `--summary`).
    pub number: u64,
    /// Where the line stands in its block (without its line end).
    pub range: Range<usize>,
    /// The line as read and shown, where that is not its bytes: read lossily where it is not UTF-8, and
    /// without its terminal escapes where it has colours.
    pub shown: Option<String>,
    pub matches: Vec<Match<'c>>,
    pub referrals: Vec<ReferralMatch<'c>>,
}

impl LineHit<'_> {
    /// The line's text, from the `block` it was found in.
    pub fn text<'a>(&'a self, block: &'a [u8]) -> &'a str {
        match &self.shown {
            Some(text) => text,
            // The range was checked as UTF-8 when the line was read.
            None => std::str::from_utf8(&block[self.range.clone()]).unwrap_or_default(),
        }
    }
}

/// What one block of whole lines held.
#[derive(Default)]
pub struct BlockReport<'c> {
    /// Lines in the block (0 where lines are not counted: `--count`).
    pub lines: u64,
    pub matched_lines: u64,
    /// The matching lines, in order (none for `--count`, which only counts them).
    pub hits: Vec<LineHit<'c>>,
    /// Where in the input a line starts that was longer than `scan::LONGEST_LINE` and searched only that far.
    pub cut: Option<u64>,
}

/// What `--summary` counts by: vendor, code (as the catalog writes it, or as found for a code no entry
/// has), status (none for such a code) and message.
pub type ErrorKey = (Vendor, Option<String>, Option<u16>, String);

/// Counts for `--summary`.
#[derive(Debug, Default)]
pub struct Summary {
    /// Lines read (not counted, so 0, for `--count`).
    pub lines: u64,
    pub matched_lines: u64,
    /// Per error: (vendor, code, status, message) → count. Codes no entry has carry no status.
    pub errors: HashMap<ErrorKey, u64>,
}

impl Summary {
    /// Counts the errors of one matching line.
    pub fn add(&mut self, matches: &[Match<'_>], referrals: &[ReferralMatch<'_>]) {
        for m in matches {
            let key = (
                m.catalog.vendor,
                m.entry.code.as_ref().map(|c| c.source().to_string()),
                Some(m.entry.status),
                m.entry.message.source().to_string(),
            );
            *self.errors.entry(key).or_default() += 1;
        }
        for r in referrals {
            let key = (r.catalog.vendor, Some(r.code.clone()), None, String::new());
            *self.errors.entry(key).or_default() += 1;
        }
    }

    /// Errors, most frequent first (then by vendor and code, so equal counts list in a stable order).
    pub fn ranked(&self) -> Vec<(&ErrorKey, u64)> {
        let mut errors: Vec<_> = self.errors.iter().map(|(k, v)| (k, *v)).collect();
        errors.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        errors
    }

    /// Matched errors per vendor and per status (`None`: an error without one).
    pub fn totals(&self) -> (BTreeMap<Vendor, u64>, BTreeMap<Option<u16>, u64>) {
        let mut vendors = BTreeMap::new();
        let mut statuses = BTreeMap::new();
        for ((vendor, _, status, _), count) in &self.errors {
            *vendors.entry(*vendor).or_default() += count;
            *statuses.entry(*status).or_default() += count;
        }
        (vendors, statuses)
    }
}

/// Where a scan's reports go, in input order. A write that fails stops the scan with that error.
pub trait Sink {
    /// The matching lines of one block of `input` (`block`: the block's bytes, which the hits point into).
    fn block(&mut self, input: &str, block: &[u8], report: &BlockReport<'_>)
    -> std::io::Result<()>;
    /// The end of one input, with how many of its lines matched.
    fn input_done(&mut self, input: &str, matched_lines: u64) -> std::io::Result<()>;
    /// A problem with one input (unreadable, a directory without `-r`); the scan goes on with the others.
    fn problem(&mut self, error: &Error);
    /// An input left out (a binary or compressed file a recursive scan found), and what it is and says
    /// (`binary file ...; skipped (--binary scans it)`): a warning, not an error.
    fn skipped(&mut self, input: &str, why: &str);
    /// Make what was written so far visible (a live input, `tail -f`).
    fn flush(&mut self) -> std::io::Result<()>;
    /// The end of all input, with the counts over all of it.
    fn done(&mut self, summary: &Summary) -> std::io::Result<()>;
}
