//! What stands near a candidate error in a paste: the status stated for it, and a code beside it that is
//! not its own.

use std::ops::Range;

use super::spans::Spans;
use super::{CLUE_LINES, CODE_REACH, Candidate, STATUS_REACH};
use crate::paste::{Evidence, Found, LineIndex};

/// The status stated for a candidate error, and whether it stands on the error's own line: one on the
/// same line; else the nearest before it (a status line above a body) unless another error stands between
/// them (a log of several errors, each with its own status); else the nearest after it (`"status": 404`
/// after the message).
pub(super) fn status_for<'e>(
    evidence: &'e Evidence,
    lines: &LineIndex,
    candidate: &Candidate<'_>,
    anchors: &[(usize, Spans)],
) -> Option<(&'e Found<u16>, bool)> {
    let position = candidate.position;
    let line = lines.line_of(position);
    let statuses = &evidence.statuses;
    // On its line: the nearest before it (`status=429 {...} status=403 {...}`), else the first after.
    // Else on the line of another of its clues (an SDK's summary line says the message; the body it
    // dumps below says the code and the status): the first few, which a repeated error's are like.
    let nearest_on_line = |line: &Range<usize>, at: usize| {
        let on_line = |s: &&Found<u16>| s.span.start >= line.start && s.span.end <= line.end;
        (statuses.iter().filter(on_line))
            .rfind(|s| s.span.end <= at)
            .or_else(|| statuses.iter().find(on_line))
    };
    if let Some(s) = nearest_on_line(&line, position) {
        return Some((s, true));
    }
    for span in candidate.primary.iter().take(CLUE_LINES) {
        let other = lines.line_of(span.start);
        if other != line
            && let Some(s) = nearest_on_line(&other, span.start)
        {
            return Some((s, true));
        }
    }
    // Another error between a status and this one, on a line of its own, claims the status.
    let claimed = |s: &Found<u16>| {
        anchors.iter().any(|(at, primary)| {
            *at >= s.span.end && *at < line.start && !primary.shares_any(&candidate.primary)
        })
    };
    statuses
        .iter()
        .rev()
        .find(|s| s.span.end <= position && position - s.span.end <= STATUS_REACH)
        .filter(|s| !claimed(s))
        .or_else(|| {
            statuses
                .iter()
                .find(|s| s.span.start >= position && s.span.start - position <= STATUS_REACH)
        })
        .map(|s| (s, false))
}

/// Whether a code field or a code in the text (`mentioned`) belongs to the same error as a candidate
/// found by its message alone: on its line, or within reach of it, and claimed by no other error. Such a code
/// differs from the candidate's (a matching one would have made it a code clue).
pub(super) fn other_code_for(
    fields: &[Found<String>],
    mentioned: &[Range<usize>],
    lines: &LineIndex,
    candidate: &Candidate<'_>,
    anchors: &[(usize, Spans)],
) -> bool {
    let line = lines.line_of(candidate.position);
    let claimed = |span: &Range<usize>| {
        anchors
            .iter()
            .any(|(_, primary)| primary.contains(span) && !candidate.primary.contains(span))
    };
    let own = |span: &Range<usize>| candidate.primary.contains(span);
    fields
        .iter()
        .map(|f| &f.span)
        .chain(mentioned)
        .filter(|span| !claimed(span) && !own(span))
        .any(|span| {
            let same_line = span.start >= line.start && span.end <= line.end;
            // (From the error's line where the code stands past it: a body's long message field, an
            // `error_msg` of several hundred characters, and its `error_code` on the next line are one error.)
            let distance = if span.start >= line.end {
                span.start - line.end
            } else if span.end <= line.start {
                line.start - span.end
            } else if span.start > candidate.position {
                span.start - candidate.position
            } else {
                candidate.position - span.end.min(candidate.position)
            };
            same_line || distance <= CODE_REACH
        })
}
