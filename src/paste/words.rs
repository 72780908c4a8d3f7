//! Fixed words found in text (the keys of fields, the words of statuses, vendor hints): by an
//! Aho-Corasick automaton in log lines and long pastes, by a plain search in a short paste, which a
//! lookup reads once: building the automata cost a lookup of a few words more than reading it (some
//! 4 M instructions, a fifth of the whole process). Either way, the same places in the same order.

use std::cmp::Reverse;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Match, PatternID};

use super::Reading;

/// Texts up to this long are searched without an automaton (each word's places found one by one).
const SHORT_TEXT: usize = 1024;

/// The kind of automaton for a paste too long for the plain search: a DFA's build time (about a
/// million instructions each) would be most of the cost; an NFA builds in a fraction of it.
const PASTE_AUTOMATON: AhoCorasickKind = AhoCorasickKind::ContiguousNFA;

/// Fixed words as an automaton of `kind`, matching ASCII letters in any case if `any_case`.
pub(super) fn automaton(words: &[&str], kind: AhoCorasickKind, any_case: bool) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(kind))
        .ascii_case_insensitive(any_case)
        .build(words)
        .expect("fixed literals build an automaton")
}

/// A list of fixed words, searched for by the reading's means: for a log scan's lines, searched
/// millions of times, a DFA, which searches fastest; for a long paste the quick-to-build
/// `PASTE_AUTOMATON`; for a short paste none.
pub(super) struct Words {
    list: fn() -> Vec<&'static str>,
    any_case: bool,
    words: OnceLock<Vec<&'static str>>,
    paste: OnceLock<AhoCorasick>,
    line: OnceLock<AhoCorasick>,
}

impl Words {
    pub(super) const fn new(list: fn() -> Vec<&'static str>, any_case: bool) -> Words {
        Words {
            list,
            any_case,
            words: OnceLock::new(),
            paste: OnceLock::new(),
            line: OnceLock::new(),
        }
    }

    fn words(&self) -> &[&'static str] {
        self.words.get_or_init(self.list)
    }

    fn automaton(&self, reading: Reading) -> &AhoCorasick {
        let (slot, kind) = match reading {
            Reading::Paste => (&self.paste, PASTE_AUTOMATON),
            Reading::Line => (&self.line, AhoCorasickKind::DFA),
        };
        slot.get_or_init(|| automaton(self.words(), kind, self.any_case))
    }

    /// Whether the plain search serves `text`.
    fn plain(text: &str, reading: Reading) -> bool {
        reading == Reading::Paste && text.len() <= SHORT_TEXT
    }

    /// The places a standard search finds one after another: the word that ends first (the longest of
    /// those), then on from its end.
    pub(super) fn one_after_another(&self, text: &str, reading: Reading) -> Vec<Match> {
        if Self::plain(text, reading) {
            return one_after_another(overlapping(self.words(), self.any_case, text));
        }
        self.automaton(reading).find_iter(text).collect()
    }

    /// Whether some word stands in `text`.
    pub(super) fn is_match(&self, text: &str, reading: Reading) -> bool {
        if Self::plain(text, reading) {
            let words = self.words().iter().map(|w| w.as_bytes());
            return (words.clone())
                .any(|w| places(w, self.any_case, text.as_bytes()).next().is_some());
        }
        self.automaton(reading).is_match(text)
    }
}

/// Where `word` stands in `text`: the starts.
fn places<'a>(word: &'a [u8], any_case: bool, text: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let last = (text.len() + 1).saturating_sub(word.len());
    (0..last).filter(move |&start| {
        let piece = &text[start..start + word.len()];
        !word.is_empty()
            && if any_case {
                piece.eq_ignore_ascii_case(word)
            } else {
                piece == word
            }
    })
}

/// Every place one of `words` stands in `text` (ASCII letters of any case where `any_case`),
/// overlapping ones included, in the order of an automaton's overlapping search: by where they end,
/// then the longest first (a state's words are its own, then its longest suffix's), then by number.
pub(super) fn overlapping(words: &[&str], any_case: bool, text: &str) -> Vec<Match> {
    let mut found: Vec<Match> = Vec::new();
    for (number, word) in words.iter().enumerate() {
        let word = word.as_bytes();
        for start in places(word, any_case, text.as_bytes()) {
            found.push(Match::new(
                PatternID::must(number),
                start..start + word.len(),
            ));
        }
    }
    found.sort_by_key(|m| (m.end(), Reverse(m.len()), m.pattern()));
    found
}

/// Of places in `overlapping`'s order, those a standard search finds one after another.
fn one_after_another(found: Vec<Match>) -> Vec<Match> {
    let mut from = 0;
    (found.into_iter())
        .filter(|m| {
            let next = m.start() >= from;
            if next {
                from = m.end();
            }
            next
        })
        .collect()
}

/// Whether `text` is searched without an automaton (`Hints`, which holds its own).
pub(super) fn plain(text: &str, reading: Reading) -> bool {
    Words::plain(text, reading)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain search finds what the automata find, in the same order, on random texts of the words
    /// (in any case, cut short, overlapping) and noise.
    #[test]
    fn the_plain_search_finds_what_the_automata_find() {
        let lists: [(&[&str], bool); 4] = [
            (
                &[
                    "status",
                    "status_code",
                    "code",
                    "error_code",
                    "http",
                    "HTTP/",
                    "HTTP ",
                ],
                true,
            ),
            (&["GET ", "POST ", "status code", "status", "tus c"], true),
            (
                &[
                    "aliyun",
                    "x-ca-",
                    "X-Ca-Error",
                    "yun",
                    "apig",
                    "APIG",
                    "Ali",
                ],
                false,
            ),
            (&["aa", "a", "aaa", "ab", "ba", "aab"], true),
        ];
        const NOISE: &[&str] = &[" ", ":", "=", "\"", "x", "错误", "\n", "A", "a", "b"];
        let mut rng = fastrand::Rng::with_seed(7);
        for (words, any_case) in lists {
            for kind in [PASTE_AUTOMATON, AhoCorasickKind::DFA] {
                let automaton = automaton(words, kind, any_case);
                for _ in 0..2000 {
                    let mut text = String::new();
                    for _ in 0..rng.usize(0..12) {
                        let word = words[rng.usize(..words.len())];
                        match rng.u8(0..4) {
                            0 => text += &word.to_ascii_uppercase(),
                            1 => text += &word[..rng.usize(..=word.len())],
                            _ => text += word,
                        }
                        text += NOISE[rng.usize(..NOISE.len())];
                    }
                    let all = overlapping(words, any_case, &text);
                    let by_automaton: Vec<Match> = automaton.find_overlapping_iter(&text).collect();
                    assert_eq!(all, by_automaton, "{text:?}");
                    let standard: Vec<Match> = automaton.find_iter(&text).collect();
                    assert_eq!(one_after_another(all.clone()), standard, "{text:?}");
                    assert_eq!(all.is_empty(), !automaton.is_match(&text), "{text:?}");
                }
            }
        }
    }
}
