//! A sighting of an entry in a paste (its code or its message, found where, worth what) and how it joins the
//! candidate for that entry: one candidate per entry, its clues the texts it was found by.

use std::ops::Range;

use super::{Candidate, Captures, ClueKind, Found, Spans};
use crate::catalog::{Catalog, Entry};
use crate::matcher::Clue;

/// One sighting of an entry in the text: what was found, as its code or its message, worth how many points,
/// with what it filled in and the text that followed a message.
pub(super) struct Sighting<'f> {
    pub(super) found: Seen<'f>,
    pub(super) kind: ClueKind,
    pub(super) points: i32,
    pub(super) captures: Captures,
    pub(super) detail: Option<String>,
}

impl<'f> Sighting<'f> {
    pub(super) fn code(found: Seen<'f>, points: i32, captures: Captures) -> Sighting<'f> {
        Sighting {
            found,
            kind: ClueKind::Code,
            points,
            captures,
            detail: None,
        }
    }

    pub(super) fn message(
        found: Seen<'f>,
        points: i32,
        captures: Captures,
        detail: Option<String>,
    ) -> Sighting<'f> {
        Sighting {
            found,
            kind: ClueKind::Message,
            points,
            captures,
            detail,
        }
    }
}

/// What a sighting saw, borrowed from the paste and its evidence: copied only where it becomes a clue.
pub(super) struct Seen<'f> {
    pub(super) value: &'f str,
    pub(super) span: Range<usize>,
    /// Where it was found (`Found::source`).
    pub(super) source: &'f str,
}

impl<'f> Seen<'f> {
    pub(super) fn of(found: &'f Found<String>) -> Seen<'f> {
        Seen {
            value: &found.value,
            span: found.span.clone(),
            source: &found.source,
        }
    }
}

/// Adds a sighting to the candidate for `entry` in `catalog` (made if new); returns its index.
pub(super) fn add<'c>(
    candidates: &mut Vec<Candidate<'c>>,
    catalog: &'c Catalog,
    entry: &'c Entry,
    seen: Sighting<'_>,
) -> usize {
    let Sighting {
        found,
        kind,
        points,
        captures,
        detail,
    } = seen;
    let (code_points, message_points) = match kind {
        ClueKind::Message => (0, points),
        _ => (points, 0),
    };
    let at = match candidates
        .iter()
        .position(|c| std::ptr::eq(c.entry, entry) && std::ptr::eq(c.catalog, catalog))
    {
        Some(at) => at,
        None => {
            candidates.push(Candidate {
                catalog,
                entry,
                captures: Captures::new(),
                code_points: 0,
                message_points: 0,
                primary: Spans::default(),
                clues: Vec::new(),
                detail: None,
                position: found.span.start,
                score: 0,
                rank: 0,
                stop_dropped: None,
                stated_status: None,
                whole_message: false,
                specific_message: false,
                sole_message: false,
                status_in_message: false,
                status_line_phrase: false,
            });
            candidates.len() - 1
        }
    };
    let c = &mut candidates[at];
    c.code_points = c.code_points.max(code_points);
    c.message_points = c.message_points.max(message_points);
    c.position = c.position.min(found.span.start);
    for (name, value) in captures {
        c.captures.entry(name).or_insert(value);
    }
    if c.detail.is_none() {
        c.detail = detail;
    }
    // The same text found twice (in a field, and again in the text around it) is one clue.
    let repeated = c
        .clues
        .iter()
        .any(|k| k.kind == kind && k.text == found.value);
    if !c.primary.overlaps(&found.span) && !repeated {
        c.clues.push(found.clue(kind));
    }
    c.primary.insert(&found.span);
    at
}

impl Seen<'_> {
    /// The clue it is, as the report shows it.
    pub(super) fn clue(&self, kind: ClueKind) -> Clue {
        clue(kind, self.value, self.source, &self.span)
    }
}

/// The clue a piece of evidence is (a status, a vendor's mark): its text in the paste, and where.
pub(super) fn clue_of<T>(kind: ClueKind, text: &str, found: &Found<T>) -> Clue {
    clue(kind, &text[found.span.clone()], &found.source, &found.span)
}

/// A clue: what was found, where, as the report shows it.
fn clue(kind: ClueKind, text: &str, found_in: &str, span: &Range<usize>) -> Clue {
    Clue {
        kind,
        text: text.into(),
        found_in: found_in.into(),
        start: span.start,
        end: span.end,
    }
}
