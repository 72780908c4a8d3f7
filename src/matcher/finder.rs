//! Finding every vendor code and message that stands in a text, verbatim, with one Aho-Corasick pass over
//! the literal each one must contain (a code itself; a message's longest word), then the message's own
//! regex only where its literal was seen. Pastes and the log scanner both search through it.

use std::collections::HashSet;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use crate::catalog::{Catalog, Entry, Referral};
use crate::status;
use crate::template::{Captures, Segment};

/// A message with less literal text than this (CJK characters count double) is generic.
pub(super) const DISTINCTIVE_WEIGHT: usize = 16;

/// What a literal of the automaton stands for.
#[derive(Clone, Copy)]
enum Anchor<'c> {
    /// Message form `form` of an entry (the message, or one of its variants).
    Message(&'c Catalog, &'c Entry, usize),
    /// An entry's literal code.
    Code(&'c Catalog, &'c Entry),
    /// The literal start of a referral's code template (`APIGW.`).
    Referral(&'c Catalog, &'c Referral),
}

/// A code or message found in a text.
#[derive(Debug, Clone)]
pub(super) struct Hit<'c> {
    pub catalog: &'c Catalog,
    pub target: Target<'c>,
    pub span: Range<usize>,
    pub captures: Captures,
    /// A code other systems use too, or a message too short or plain to tell errors apart by itself.
    pub generic: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Target<'c> {
    Code(&'c Entry),
    Message(&'c Entry),
    /// A code no entry has that fits a referral's template.
    Referral,
}

pub(super) struct Finder<'c> {
    automaton: AhoCorasick,
    anchors: Vec<Vec<Anchor<'c>>>,
}

impl<'c> Finder<'c> {
    pub(super) fn new(
        entries: impl Iterator<Item = (&'c Catalog, &'c Entry)>,
        referrals: impl Iterator<Item = (&'c Catalog, &'c Referral)>,
    ) -> Finder<'c> {
        let mut literals: Vec<String> = Vec::new();
        let mut anchors: Vec<Vec<Anchor<'c>>> = Vec::new();
        let mut add = |literal: String, anchor: Anchor<'c>| {
            if literal.is_empty() {
                return;
            }
            match literals.iter().position(|l| *l == literal) {
                Some(at) => anchors[at].push(anchor),
                None => {
                    literals.push(literal);
                    anchors.push(vec![anchor]);
                }
            }
        };
        for (catalog, entry) in entries {
            if let Some(code) = entry.code.as_ref().and_then(|c| c.literal()) {
                add(code, Anchor::Code(catalog, entry));
            }
            for (i, form) in entry.message_forms().iter().enumerate() {
                add(form.key().to_string(), Anchor::Message(catalog, entry, i));
            }
        }
        for (catalog, referral) in referrals {
            if let Some(Segment::Literal(prefix)) = referral.code.segments().first() {
                add(prefix.clone(), Anchor::Referral(catalog, referral));
            }
        }
        Finder {
            automaton: AhoCorasick::new(&literals)
                .expect("literals of bounded size build an automaton"),
            anchors,
        }
    }

    /// The offset of the first literal in `haystack`: the cheap test a log scanner runs over whole blocks.
    pub(super) fn first_literal(&self, haystack: &[u8]) -> Option<usize> {
        self.automaton.find(haystack).map(|m| m.start())
    }

    /// Every code and message standing in `text`.
    pub(super) fn hits(&self, text: &str) -> Vec<Hit<'c>> {
        let mut hits = Vec::new();
        let mut searched: HashSet<(*const Entry, usize)> = HashSet::new();
        for m in self.automaton.find_overlapping_iter(text) {
            for anchor in &self.anchors[m.pattern().as_usize()] {
                match *anchor {
                    Anchor::Code(catalog, entry) => {
                        if is_token(text, m.start(), m.end()) {
                            hits.push(Hit {
                                catalog,
                                target: Target::Code(entry),
                                span: m.range(),
                                captures: Captures::new(),
                                generic: generic_code(&text[m.range()]),
                            });
                        }
                    }
                    Anchor::Message(catalog, entry, form) => {
                        // A form is searched once, over the whole text, however often its literal occurs.
                        if !searched.insert((entry as *const Entry, form)) {
                            continue;
                        }
                        let template = &entry.message_forms()[form];
                        let generic = template.weight() < DISTINCTIVE_WEIGHT
                            || status::is_reason_phrase(&template.display());
                        for (captures, span) in template.find_all_exact(text) {
                            hits.push(Hit {
                                catalog,
                                target: Target::Message(entry),
                                span,
                                captures,
                                generic,
                            });
                        }
                    }
                    Anchor::Referral(catalog, referral) => {
                        let end = token_end(text, m.start());
                        let token = &text[m.start()..end];
                        if is_token(text, m.start(), end)
                            && let Some((captures, _)) = referral.code.find(token)
                        {
                            hits.push(Hit {
                                catalog,
                                target: Target::Referral,
                                span: m.start()..end,
                                captures,
                                generic: false,
                            });
                        }
                    }
                }
            }
        }
        hits.sort_by_key(|h| h.span.start);
        hits
    }
}

fn code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `text[start..end]` is a whole code token, not part of a longer word or code.
fn is_token(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let next = after.next();
    let boundary_before = !before.is_some_and(|c| code_char(c) || c == '.');
    // `APIG.0303.` ends a sentence; `APIG.0303.1` or `APIG.0303x` is another token.
    let boundary_after = match next {
        None => true,
        Some('.') => !after.next().is_some_and(code_char),
        Some(c) => !code_char(c),
    };
    boundary_before && boundary_after
}

fn token_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|&(i, c)| {
            !(code_char(c) || (c == '.' && text[start + i + 1..].starts_with(code_char)))
        })
        .map_or(text.len(), |(i, _)| start + i)
}

/// Names other systems use too: JD Cloud's gRPC-style codes (`UNAVAILABLE`, `NOT_FOUND`) and short
/// CamelCase words (`InternalError`). In free text they count little; in a code field, less than others.
pub(super) fn generic_code(code: &str) -> bool {
    if code.contains('.')
        || code.chars().any(|c| c.is_ascii_digit())
        || code.starts_with("APIGATEWAY_")
    {
        return false;
    }
    let upper_snake = code.chars().all(|c| c.is_ascii_uppercase() || c == '_');
    upper_snake || code.chars().filter(char::is_ascii_uppercase).count() < 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_have_boundaries() {
        let text = "x APIG.0303, APIG.03031 aAPIG.0303 APIG.0303.";
        assert!(is_token(text, 2, 11));
        assert!(!is_token(text, 13, 22));
        assert!(!is_token(text, 25, 34));
        assert!(is_token(text, 35, 44));
        assert_eq!(token_end("APIGW.0301: x", 0), 10);
    }

    #[test]
    fn generic_codes() {
        for code in [
            "UNAVAILABLE",
            "NOT_FOUND",
            "RATE_LIMIT_EXCEEDED",
            "InternalError",
            "NoPermission",
        ] {
            assert!(generic_code(code), "{code}");
        }
        for code in [
            "APIG.0303",
            "InvalidApi.NotFound",
            "SignatureDoesNotMatch",
            "APIGATEWAY_NOT_FOUND",
        ] {
            assert!(!generic_code(code), "{code}");
        }
    }
}
