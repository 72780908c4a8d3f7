//! For scanning: whether a line where a literal stands can carry what the literal stands for. A message is
//! found by one word of it (its key, `catalog::message_keys`), and in real logs that word is often an
//! ordinary one (`connect`, `authentication`, `instance`) in lines that carry no error of any catalog; such a
//! line cost a search for every literal in it and a reading of the line. Every text a message's template
//! finds holds each of its words verbatim (`Template::verbatim_words`), so a line without its other words
//! cannot hold it: checking for them, where the key stands, rules most such lines out first. A line none
//! of its literals confirms is still read where a generic message's literal the prefilter does not hold
//! finds its message (`lone`, `Finder::rescued`).

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use super::{Anchor, LiteralHit};

/// Where checks confirm every line (an error log, whose lines nearly all carry errors), they cost more
/// than they save: after `RUN` lines confirmed in a row, the next `SKIP` lines a literal stands in are
/// offered unchecked (reading them settles them as it did before checks), then checks resume.
#[derive(Debug, Default)]
pub(super) struct Streak {
    confirmed: u32,
    unchecked: u32,
}

impl Streak {
    const RUN: u32 = 16;
    const SKIP: u32 = 64;

    /// Whether the next line is to be checked.
    pub(super) fn checking(&self) -> bool {
        self.unchecked == 0
    }

    /// A line was confirmed, after `rejected` lines that were not.
    pub(super) fn checked(&mut self, rejected: usize) {
        self.confirmed = if rejected == 0 { self.confirmed + 1 } else { 1 };
        if self.confirmed >= Self::RUN {
            self.confirmed = 0;
            self.unchecked = Self::SKIP;
        }
    }

    /// A line was offered unchecked.
    pub(super) fn unchecked(&mut self) {
        self.unchecked -= 1;
    }
}

/// Lines longer than this (bytes) are not checked: each literal's check searches the whole line, and a
/// long line can hold thousands of places where literals stand.
pub(super) const LONGEST: usize = 4096;

pub(super) struct Confirmations<'c> {
    /// The literals (pattern numbers) the prefilter holds, in its order: those that make a line a candidate.
    /// (Four bytes each: a large catalog has hundreds of thousands.)
    prefiltered: Vec<u32>,
    /// Whether each literal (pattern number, as bits) is one of them.
    candidates: Vec<u64>,
    /// Per literal (pattern number) that makes a line a candidate, worked out the first time the literal
    /// is met (a scan meets few), what confirms it (`Confirming`).
    by_literal: Vec<OnceLock<Confirming<'c>>>,
    /// The literals (pattern numbers) no line is a candidate for, that stand for messages (generic ones),
    /// and the search for them, built the first time a line is not confirmed.
    lone: Vec<usize>,
    lone_search: OnceLock<LoneSearch>,
}

/// The search for the `lone` literals: the automaton, which finds every place (overlapping ones), and
/// before it, a search that tells whether any stands at all: most lines hold none, and the automaton,
/// whose overlapping search has no prefilter where the literals begin with common bytes (`404`,
/// `nternal error.`), reads every byte. The literals of three bytes or more are searched for by a packed
/// (Teddy) searcher, where the CPU has SIMD for it and they are few (it compares three bytes at a time when
/// none is shorter); the shorter ones (a quotation mark) each by memmem.
struct LoneSearch {
    long: Option<aho_corasick::packed::Searcher>,
    short: Vec<memchr::memmem::Finder<'static>>,
    every: AhoCorasick,
}

impl LoneSearch {
    fn new<'l>(lone: impl Iterator<Item = &'l str> + Clone) -> LoneSearch {
        // (None where no literal has three bytes, or the CPU lacks the SIMD: then the automaton alone.)
        let long = aho_corasick::packed::Searcher::new(lone.clone().filter(|l| l.len() >= 3));
        let short = match long {
            Some(_) => (lone.clone().filter(|l| l.len() < 3))
                .map(|literal| memchr::memmem::Finder::new(literal).into_owned())
                .collect(),
            None => Vec::new(),
        };
        LoneSearch {
            long,
            short,
            every: AhoCorasick::new(lone).expect("literals of bounded size build an automaton"),
        }
    }

    /// Whether some literal may stand in `text` (`false`: none does).
    fn any(&self, text: &[u8]) -> bool {
        match &self.long {
            Some(long) => {
                long.find(text).is_some()
                    || (self.short.iter()).any(|short| short.find(text).is_some())
            }
            None => true,
        }
    }
}

/// For each message form a literal is the key of, other words of the form, all of which a line holding it
/// holds; `None`: the literal confirms a line by itself (a code, a referral's prefix, a message with no
/// other word to check). (Boxed twice: one pointer, where most are never worked out.)
#[allow(clippy::redundant_allocation)]
type Confirming<'c> = Option<Box<Box<[Box<[&'c str]>]>>>;

/// Whether bit `i` of a set of bits is set.
fn has_bit(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & 1 << (i % 64) != 0
}

/// Words checked per message form: its longest other ones, which the fewest lines hold.
const WORDS_PER_FORM: usize = 3;

impl<'c> Confirmations<'c> {
    /// The confirmations of `count` literals, of which `prefiltered` (in the prefilter's order) make a line
    /// a candidate; `messages`: whether a literal stands for a message (of the others, those are `lone`).
    pub(super) fn new(
        count: usize,
        prefiltered: Vec<u32>,
        messages: impl Fn(usize) -> bool,
    ) -> Confirmations<'c> {
        let mut candidates = vec![0u64; count.div_ceil(64)];
        for &pattern in &prefiltered {
            candidates[pattern as usize / 64] |= 1 << (pattern % 64);
        }
        let lone = (0..count)
            .filter(|&pattern| !has_bit(&candidates, pattern) && messages(pattern))
            .collect();
        Confirmations {
            by_literal: (0..count).map(|_| OnceLock::new()).collect(),
            prefiltered,
            candidates,
            lone,
            lone_search: OnceLock::new(),
        }
    }

    /// For tests: the bytes its tables by literal take.
    #[cfg(test)]
    pub(super) fn table_bytes(&self) -> usize {
        std::mem::size_of_val(self.prefiltered.as_slice())
            + std::mem::size_of_val(self.candidates.as_slice())
            + std::mem::size_of_val(self.by_literal.as_slice())
            + std::mem::size_of_val(self.lone.as_slice())
    }

    /// The literals (pattern numbers) the prefilter holds, in its order.
    pub(super) fn prefiltered(&self) -> impl Iterator<Item = usize> + '_ {
        self.prefiltered.iter().map(|&pattern| pattern as usize)
    }

    /// The pattern number of the prefilter's literal `number`.
    pub(super) fn pattern_of(&self, number: usize) -> usize {
        self.prefiltered[number] as usize
    }

    /// Where the `lone` literals stand in `text` (`literals`: every literal, by pattern number).
    pub(super) fn lone_literals(
        &self,
        text: &[u8],
        literals: &[impl AsRef<str>],
    ) -> Vec<LiteralHit> {
        let search = (self.lone_search)
            .get_or_init(|| LoneSearch::new(self.lone.iter().map(|&p| literals[p].as_ref())));
        if !search.any(text) {
            return Vec::new();
        }
        (search.every.find_overlapping_iter(text))
            .map(|m| LiteralHit {
                pattern: self.lone[m.pattern().as_usize()],
                span: m.range(),
            })
            .collect()
    }

    /// Whether literal `pattern` may make a line a candidate.
    pub(super) fn candidate(&self, pattern: usize) -> bool {
        has_bit(&self.candidates, pattern)
    }

    /// Whether literal `pattern`, standing in `line`, may make it a candidate line. `literal` and
    /// `anchors`: the literal and what it stands for (asked the first time the literal is met).
    pub(super) fn confirms<A: AsRef<[Anchor<'c>]>>(
        &self,
        pattern: usize,
        line: &[u8],
        literal: &str,
        anchors: impl FnOnce() -> A,
    ) -> bool {
        if !self.candidate(pattern) {
            return false;
        }
        if line.len() > LONGEST {
            return true;
        }
        let confirming = self.by_literal[pattern].get_or_init(|| {
            let forms: Option<Vec<Box<[&'c str]>>> = (anchors().as_ref().iter())
                .map(|anchor| other_words(literal, anchor))
                .collect();
            forms.map(|forms| Box::new(forms.into_boxed_slice()))
        });
        confirming.as_ref().is_none_or(|forms| {
            (forms.iter()).any(|words| words.iter().all(|word| contains(line, word.as_bytes())))
        })
    }
}

/// Whether `word` (not empty) stands in `line`: where its first byte does (a line is short; building a
/// substring searcher would cost more than the search).
fn contains(line: &[u8], word: &[u8]) -> bool {
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    memchr::memchr_iter(first, line).any(|at| line[at + 1..].starts_with(rest))
}

/// The words besides `key` that a line holding what `anchor` stands for holds, where there are some: for a
/// message form, its longest other verbatim words (`Template::verbatim_words`) of those that read the same
/// in every view of a line a lookup reads (without quotation marks, slashes or backslashes, which escaping
/// changes: a line reported through a view of it unescaped holds such a word too).
/// `None` where the literal alone must serve (a code, a referral's prefix).
fn other_words<'c>(key: &str, anchor: &Anchor<'c>) -> Option<Box<[&'c str]>> {
    match *anchor {
        Anchor::Message(_, entry, form) => {
            let escaped = |c: char| matches!(c, '"' | '\'' | '`' | '\\' | '/') || !c.is_ascii();
            let mut words: Vec<&'c str> =
                (entry.message_forms()[form].verbatim_words().into_iter())
                    .filter(|word| *word != key && word.len() >= 3 && !word.contains(escaped))
                    .collect();
            words.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            words.dedup();
            words.truncate(WORDS_PER_FORM);
            (!words.is_empty()).then(|| words.into_boxed_slice())
        }
        Anchor::Code(..) | Anchor::Referral(..) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks stop after `RUN` lines confirmed in a row, for `SKIP` lines, and a line passed over starts
    /// the run again.
    #[test]
    fn a_streak_of_confirmed_lines_pauses_the_checks() {
        let mut streak = Streak::default();
        for _ in 0..Streak::RUN - 1 {
            assert!(streak.checking());
            streak.checked(0);
        }
        // A line passed over before this one: the run is this line alone.
        streak.checked(2);
        for _ in 0..Streak::RUN - 1 {
            assert!(streak.checking());
            streak.checked(0);
        }
        assert!(
            !streak.checking(),
            "a run of {} lines pauses the checks",
            Streak::RUN
        );
        for _ in 0..Streak::SKIP {
            assert!(!streak.checking());
            streak.unchecked();
        }
        assert!(
            streak.checking(),
            "checks resume after {} lines",
            Streak::SKIP
        );
    }

    #[test]
    fn the_lone_search_says_none_only_where_no_literal_stands() {
        let literals = ["`", "404", "nternal error.", "Url", "成功"];
        let search = LoneSearch::new(literals.iter().copied());
        for text in [
            "GET /x 404 12ms",
            "select `id`",
            "An internal error.",
            "Url=/a",
            "操作成功",
            // Shorter than the packed searcher reads at once, and a literal at the very end.
            "x404",
            "`",
        ] {
            assert!(search.any(text.as_bytes()), "{text:?}");
            let every = search.every.find_overlapping_iter(text).count();
            assert!(every > 0, "{text:?}");
        }
        for text in [
            "",
            "GET /x 200 12ms",
            "40 4 Ur l",
            "internal error",
            "成 功",
        ] {
            assert!(!search.any(text.as_bytes()), "{text:?}");
        }
        // Where the CPU has the SIMD it needs, the packed search serves (else the automaton alone, which
        // `any` then leaves to say).
        #[cfg(target_arch = "x86_64")]
        assert_eq!(
            search.long.is_some(),
            std::arch::is_x86_feature_detected!("ssse3")
        );
    }

    #[test]
    fn a_word_is_looked_for_anywhere_in_the_line() {
        assert!(contains(b"Backend service connect failed", b"service"));
        assert!(contains(b"sservice", b"service"));
        assert!(!contains(b"servic", b"service"));
        assert!(!contains(b"connect to db", b"failed"));
    }
}
