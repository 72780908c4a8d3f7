//! Choosing what a paste's candidates come to: the best-found first, each one not covered by a better,
//! categories giving way to the errors they stand for, SDK wrappers claiming nothing.

use super::{Candidate, GENERIC_CODE_FIELD, REPORT, Spans};
use crate::catalog::Vendor;
use crate::matcher::{Clue, ClueKind, Match, MatchedBy, plain_match};

/// How far apart two rows found in a paste may stand and still be the same error body (a pretty-printed
/// Google error puts its message, status and ErrorInfo reason some lines apart).
const SAME_ERROR_REACH: usize = 2048;

/// Whether a candidate was found only by a generic code (`PERMISSION_DENIED`, `INVALID_ARGUMENT`).
fn category_only(c: &Candidate<'_>) -> bool {
    c.message_points == 0 && c.code_points <= GENERIC_CODE_FIELD
}

/// Whether a candidate was found by a generic code (a category) and a message of its row.
fn category_worded(c: &Candidate<'_>) -> bool {
    c.message_points > 0 && c.code_points > 0 && c.code_points <= GENERIC_CODE_FIELD
}

/// Whether every message a candidate was found by stands within `spans` (another row's clues).
fn messages_within(c: &Candidate<'_>, spans: &Spans) -> bool {
    (c.clues.iter())
        .filter(|clue| clue.kind == ClueKind::Message)
        .all(|clue| spans.overlaps(&(clue.start..clue.end)))
}

/// Whether two candidates are editions of one row of one catalog: one is the older edition of the other.
fn editions_of_one_row(a: &Candidate<'_>, b: &Candidate<'_>) -> bool {
    std::ptr::eq(a.catalog, b.catalog)
        && (a.entry.edition_of == Some(b.entry.index) || b.entry.edition_of == Some(a.entry.index))
}

/// What a message gives the code stated beside it as its wording: as much as a status that agrees.
const WORDED: i32 = super::STATUS_AGREES;

/// A row found by its code alone, short of a claim, beside a row of the same vendor and status found by its
/// message alone, also short of a claim, within the same error's reach
/// (`insufficientPermissions: Request had insufficient authentication scopes.`): a code stated beside a
/// message says the message is that code's wording, which counts for the code as a status that agrees
/// would. (What is checked is that pairing, not that the message gave way to the code.) Not the message of a
/// refinement of the code (`Throttling.User`'s beside `Throttling`) where the code is a word of the text
/// (`Throttling. User: ...`, the refinement's code cut), which tells which refinement it is; a body's code
/// field (`{"Code": "Throttling", "Message": ...}`) states its code whatever the message words.
fn worded(candidates: &mut [Candidate<'_>]) {
    let messages: Vec<(Vendor, u16, usize, &str)> = (candidates.iter())
        .filter(|m| m.code_points == 0 && m.message_points > 0 && m.score < REPORT)
        .map(|m| {
            let code = m.entry.code.as_ref().map_or("", |c| c.source());
            (m.catalog.vendor, m.entry.status, m.position, code)
        })
        .collect();
    for c in candidates.iter_mut() {
        let by_code = c.code_points > 0 && c.message_points == 0 && c.score < REPORT;
        let in_field = c.code_points >= GENERIC_CODE_FIELD;
        let code = c.entry.code.as_ref().map_or("", |c| c.source());
        if by_code
            && messages.iter().any(|&(vendor, status, position, refined)| {
                vendor == c.catalog.vendor
                    && status == c.entry.status
                    && position.abs_diff(c.position) <= SAME_ERROR_REACH
                    && (in_field
                        || !(refined.strip_prefix(code)).is_some_and(|rest| rest.starts_with('.')))
            })
        {
            c.score += WORDED;
            c.rank += WORDED;
        }
    }
}

/// Best first; then every candidate not covered by a better one, with enough points, in paste order.
pub(super) fn select(mut candidates: Vec<Candidate<'_>>) -> Vec<Match<'_>> {
    worded(&mut candidates);
    candidates.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.score),
            std::cmp::Reverse(c.primary.extent()),
            std::cmp::Reverse(c.rank),
            c.stop_dropped == Some(true),
            c.position,
        )
    });
    let mut kept: Vec<Candidate<'_>> = Vec::new();
    for c in candidates {
        // An SDK's wrapper (`SDK.ServerError ErrorCode: InvalidResourceType.NotSupported`) is no error of
        // its own: the code it wraps is the error, found as its own row where a catalog has it, and
        // otherwise not in the catalogs. The wrapper's row answers a lookup of its code, not a paste.
        if c.score < REPORT || c.entry.wrapper {
            continue;
        }
        // Covered: every clue of `c` overlaps one of `k`'s, and `k` has more points, or as many on more text
        // (a longer message containing a shorter one: "HMAC signature cannot be verified, the x-date
        // header is out of date..." over "HMAC signature cannot be verified"). Rows found by the very
        // same text with the same points (two editions, two templates) are all kept.
        // A row whose message the vendor's table gives by mistake (`doubtful_message`) gives way to a row
        // found by the same text with as many points whose message is not in doubt (the message's owner).
        let covered = kept.iter().any(|k| {
            c.primary.iter().all(|p| k.primary.overlaps(&p))
                && (k.score > c.score
                    || (k.score == c.score
                        && (k.primary.extent() > c.primary.extent()
                            || (c.entry.doubtful_message && !k.entry.doubtful_message))))
        });
        // Two editions of one row found by the same text are one error: the better-found edition stands
        // for both (its card shows the other beside it), the other is no second claim.
        let other_edition = kept.iter().any(|k| {
            editions_of_one_row(k, &c) && c.primary.iter().all(|p| k.primary.overlaps(&p))
        });
        if !covered && !other_edition {
            kept.push(c);
        }
    }
    drop_categories(&mut kept);
    // A row whose code is a template (`MissingParameter.{param}`), found by its message alone, gives way to
    // a row found by the same text whose code is plain (`MissingParameter`): the paste did not state the
    // longer code, and the message is the plain one's too.
    let plain_by_message: Vec<Spans> = (kept.iter())
        .filter(|k| {
            k.code_points == 0 && k.entry.code.as_ref().is_some_and(|c| !c.has_placeholders())
        })
        .map(|k| k.primary.clone())
        .collect();
    kept.retain(|c| {
        let guessed_code = c.code_points == 0
            && (c.entry.code.as_ref()).is_some_and(|code| code.has_placeholders());
        !guessed_code
            || !plain_by_message
                .iter()
                .any(|p| c.primary.iter().all(|s| p.overlaps(&s)))
    });
    drop_reasons_not_stated(&mut kept);
    drop_answered_log_lines(&mut kept);
    // The best-found error first (a Tencent message inside a gRPC error is the answer, however late it
    // stands); rows found as well as each other in paste order.
    kept.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.rank),
            c.position,
            c.stop_dropped == Some(true),
        )
    });
    // (Collected into a vector of its own size: collecting `kept` in place would keep its room for four
    // candidates in every line's report, held until the block is printed.)
    let mut matches = Vec::with_capacity(kept.len());
    matches.extend(kept.into_iter().map(into_match));
    matches
}

/// A category code (a generic code found alone, as Google's `"status": "PERMISSION_DENIED"`) beside a
/// better-found row of the same vendor and status for the same error (its ErrorInfo reason,
/// `CONSUMER_INVALID`, or its message) is that row's category, not an error of its own. So is a
/// lesser-found category beside a better-found one: Google's v1 `reason` (`rateLimitExceeded`, a word
/// of the text) beside the v2 `status` field (`RESOURCE_EXHAUSTED`) of the same body names the same
/// error in the older model. So is a category's row with the message too (the quota message under
/// `RESOURCE_EXHAUSTED`) beside a better-found row found by that very message (under its reason,
/// `RATE_LIMIT_EXCEEDED`): the body's status, beside the reason it states.
fn drop_categories(kept: &mut Vec<Candidate<'_>>) {
    let gives_way: Vec<bool> = (kept.iter())
        .map(|c| {
            let worded = category_worded(c);
            (category_only(c) || worded)
                && kept.iter().any(|k| {
                    k.catalog.vendor == c.catalog.vendor
                        && k.entry.status == c.entry.status
                        && k.score > c.score
                        && k.position.abs_diff(c.position) <= SAME_ERROR_REACH
                        && (!worded || messages_within(c, &k.primary))
                })
        })
        .collect();
    let mut gives_way = gives_way.into_iter();
    kept.retain(|_| !gives_way.next().unwrap_or(false));
}

/// A row whose code is a proximate cause (Google's ErrorInfo reason, `RATE_LIMIT_EXCEEDED`), found by its
/// message alone, gives way to a row of its vendor and status found by the same text whose code is the
/// canonical status (google.rpc.Code's `RESOURCE_EXHAUSTED`): the message is the status's as well, and a
/// response states its status always, the reason only in details the paste does not show (where it shows
/// them, the reason is found by its code and the status gives way to it: `drop_categories`).
fn drop_reasons_not_stated(kept: &mut Vec<Candidate<'_>>) {
    let canonical = |c: &Candidate<'_>| {
        (c.entry.code.as_ref()).is_some_and(|code| crate::paste::is_grpc_code(code.source()))
    };
    let statuses: Vec<(Vendor, u16, Spans)> = (kept.iter())
        .filter(|k| k.code_points == 0 && canonical(k))
        .map(|k| (k.catalog.vendor, k.entry.status, k.primary.clone()))
        .collect();
    if statuses.is_empty() {
        return;
    }
    kept.retain(|c| {
        let reason = c.code_points == 0 && c.entry.code.is_some() && !canonical(c);
        !reason
            || !statuses.iter().any(|(vendor, status, spans)| {
                *vendor == c.catalog.vendor
                    && *status == c.entry.status
                    && c.primary.iter().all(|s| spans.overlaps(&s))
            })
    });
}

/// A log line that reports the status an error ended with (APISIX's `limit-count exits with http status
/// code 429`), or a row its catalog marks as a line of the vendor's log (`log_line`: API Gateway's execution
/// log), beside another row of its vendor with that status is that error's line, not a second one. The line
/// also settles which status that error had: rows of the vendor that say the answer's words with another
/// status (API Gateway's `Internal server error` is its 500 and its 502) are not that error.
fn drop_answered_log_lines(kept: &mut Vec<Candidate<'_>>) {
    let log_line = |c: &Candidate<'_>| c.status_in_message || c.entry.log_line;
    let status = |c: &Candidate<'_>| (c.catalog.vendor, c.stated_status.unwrap_or(c.entry.status));
    let answered: Vec<(Vendor, u16)> = kept.iter().filter(|k| !log_line(k)).map(status).collect();
    let lines: Vec<(Vendor, u16)> = (kept.iter())
        .filter(|k| log_line(k))
        .map(status)
        .filter(|line| answered.contains(line))
        .collect();
    // The answers those lines belong to: their vendor, words and status.
    let answers: Vec<(Vendor, &str, u16)> = (kept.iter())
        .filter(|k| !log_line(k) && lines.contains(&status(k)))
        .map(|k| (k.catalog.vendor, k.entry.message.source(), status(k).1))
        .collect();
    let other_status = |c: &Candidate<'_>| {
        let (vendor, own) = status(c);
        (answers.iter())
            .any(|&(v, words, s)| v == vendor && s != own && words == c.entry.message.source())
    };
    // A line's own clues go to its answer: the card still shows the line that says why.
    let line_clues: Vec<((Vendor, u16), Vec<Clue>)> = (kept.iter())
        .filter(|k| log_line(k) && lines.contains(&status(k)))
        .map(|k| (status(k), k.clues.clone()))
        .collect();
    kept.retain(|c| {
        if log_line(c) {
            !lines.contains(&status(c))
        } else {
            !other_status(c)
        }
    });
    for answer in kept.iter_mut().filter(|k| !log_line(k)) {
        let own = status(answer);
        for clue in (line_clues.iter())
            .filter(|(line, _)| *line == own)
            .flat_map(|(_, c)| c)
        {
            if !(answer.clues.iter()).any(|k| k.kind == clue.kind && k.text == clue.text) {
                answer.clues.push(clue.clone());
            }
        }
        answer.clues.sort_by_key(|c| c.start);
    }
}

/// A kept candidate as the match reported: its rank as score and confidence, its clues and fillings.
fn into_match(c: Candidate<'_>) -> Match<'_> {
    Match {
        captures: c.captures,
        score: c.rank.max(0) as u32,
        clues: c.clues,
        confidence: Some(c.rank.clamp(0, 100) as u8),
        detail: c.detail,
        position: Some(c.position),
        stated_status: c.stated_status,
        ..plain_match(
            c.catalog,
            c.entry,
            if c.code_points > 0 {
                MatchedBy::Code
            } else {
                MatchedBy::Message
            },
        )
    }
}
