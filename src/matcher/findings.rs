//! Pastes: turning the evidence `paste::read` gathers into findings — every gateway error in the paste, the
//! best row for each, with a confidence and the clues behind it: the best-found first, then in the order the
//! errors appear.
//!
//! Every signal counts together. A code or a vendor message names candidate entries; the HTTP status and the
//! vendor the paste's shape points to confirm or count against them; a candidate whose clues are all
//! covered by a better one (another row of the same code, a shorter message inside a longer one) is
//! dropped. Generic texts — JD Cloud's gRPC-style codes (`UNAVAILABLE`), two-character Chinese messages
//! (`超时`), reason phrases (`Bad Gateway`) — count only as whole fields or with other evidence, so
//! ordinary text finds nothing.

use std::ops::Range;

use super::finder::{Hit, Target, generic_code};
use super::{Clue, ClueKind, Lenders, Match, Matcher, ReferralMatch};
use crate::catalog::{Catalog, Entry, Vendor};
use crate::paste::{self, Evidence, Found, LineIndex, Reading};
use crate::template::Captures;
use nearby::{other_code_for, status_for};
use referrals::{dedup_referrals, referral_stands};
use select::select;
use shared::{
    is_oauth_code, leads_a_chinese_message, leads_another_message, shows_another_vendors_product,
};
use sighting::{Seen, Sighting, add, clue_of};
use spans::Spans;
use standing::{
    a_json_key, after_status_line_status, as_written, at_status_line_status, continued,
    inside_a_sentence, leads_a_message, only_field, sole_message_field, standing,
};

/// What a paste yielded.
pub(super) struct Pasted<'c> {
    pub matches: Vec<Match<'c>>,
    pub referrals: Vec<ReferralMatch<'c>>,
    /// The distinct statuses stated in the paste.
    pub statuses: Vec<u16>,
    /// Whether a message field says more than a reason phrase (`"message": "key not found"`).
    pub own_message: bool,
}

// Points. A finding needs REPORT points: a distinctive code or a full vendor message alone is enough; a
// generic one needs the status or the vendor to agree.
const CODE_FIELD: i32 = 60;
const GENERIC_CODE_FIELD: i32 = 35;
const GENERIC_CODE_IN_TEXT: i32 = 15;
/// google.rpc.ErrorInfo's `reason` field (`API_KEY_INVALID`): the proximate cause, within the category its
/// status field states (`INVALID_ARGUMENT`), so one point over that status, which then gives way to it.
const ERROR_INFO_REASON: i32 = GENERIC_CODE_FIELD + 1;
/// The legacy `errors[].reason` of Google's JSON APIs (`keyInvalid`): the error in the older model, which
/// gives way to the v2 status field or ErrorInfo reason of the same body, and takes no status from them (no
/// anchor: under GENERIC_MESSAGE_WHOLE); with its status, it is reported.
const LEGACY_REASON: i32 = GENERIC_MESSAGE_WHOLE - 1;
/// A status name leading its message as gRPC prints it (`PERMISSION_DENIED: ...`): stated as a field states a
/// code, where the paste names the code's vendor; any gRPC service prints the same, so without its vendor
/// named it counts as a generic code in text.
const GRPC_STATUS: i32 = GENERIC_CODE_FIELD - 1;
const CODE_TEMPLATE_FIELD: i32 = 50;
const CODE_IN_TEXT: i32 = 55;
const MESSAGE_WHOLE: i32 = 50;
const MESSAGE_IN_TEXT: i32 = 40;
const GENERIC_MESSAGE_WHOLE: i32 = 30;
const GENERIC_MESSAGE_IN_TEXT: i32 = 15;
/// A generic message that is the whole body, its only field (`{"message":"Forbidden"}`): the gateway's own
/// answer (AWS API Gateway's and Kong's default body), not a backend's field among others. Enough alone.
const ONLY_FIELD: i32 = 10;
const STATUS_AGREES: i32 = 15;
const STATUS_DIFFERS: i32 = -15;
/// A code stated beside a message, other than the code of the row the message belongs to: the message is
/// another code's wording (Huawei's APIGW.0301 says what APIG.0301 says).
const CODE_DIFFERS: i32 = -45;
/// How far from a message a code field still belongs to the same error, when not on the same line.
const CODE_REACH: usize = 400;
/// A status stated away from the error (lines above it) may be another response's: it counts for less.
const STATUS_DIFFERS_ELSEWHERE: i32 = -5;
const VENDOR_AGREES: i32 = 10;
/// The paste names another vendor and none names this one: a shared code or message is likely the other's
/// (an S3 `SignatureDoesNotMatch` is not Alibaba's). A distinctive code still stands; a shared name does not.
const VENDOR_DIFFERS: i32 = -30;
/// A code template (`Invalid{param}`) fits many names other systems use (`InvalidArgument`,
/// `InvalidAccessKeyId` of object storage): alone, without its vendor named in the paste, it is no claim.
const TEMPLATE_UNCORROBORATED: i32 = -30;
/// A row whose message is a status and its phrase (nginx's default error page, `502 Bad Gateway`, which a
/// gateway built on nginx serves): every nginx serves the same page, so it is that gateway's only where the
/// paste names it.
const STATUS_TITLE_UNCORROBORATED: i32 = -60;
/// A standard's code (OAuth 2.0's `invalid_grant`) names no vendor: alone, without its vendor named, no claim.
const STANDARD_CODE_UNCORROBORATED: i32 = -30;
/// The paste is another product's error that reuses the front doors' codes (object storage's XML
/// `SignatureDoesNotMatch`, `InvalidAccessKeyId`): a row found by its code alone is no claim there; one whose
/// message the paste says still is.
const OTHER_PRODUCT: i32 = -60;
/// A mark of another product of the row's own vendor, or of an application server that made the response
/// (`Server: uvicorn`): rules the row out, whatever it matched (a code and its whole message, the status and
/// the vendor come to 135).
const OTHER_SERVICE: i32 = -150;
/// A row whose message every product of its vendor answers word for word (`vendor_wide`: AWS's request
/// signing, SigV4), in a paste that names none of the vendor's catalogued products (a catalog's
/// `product_marks`: API Gateway's host, SigV4 service name or headers) nor shows the row's body (the
/// message as the only field, `{"message": "..."}`): it is no more API Gateway's than S3's, Lambda's or
/// STS's, whatever code (`InvalidSignatureException`, SigV4's too), status and vendor came with it.
const VENDOR_WIDE_UNCORROBORATED: i32 = -100;
/// A row whose message is words any software may answer (`common_message`: `An unexpected error occurred`),
/// found by that message alone in a paste that names none of the row's vendor (its hosts, headers, SDK,
/// log paths: its catalogs' evidence) nor shows the row's body (the message as the only field,
/// `{"message": "..."}`): a web site's or a desktop tool's words, no gateway's, whatever status came with
/// them.
const COMMON_MESSAGE_UNCORROBORATED: i32 = -100;
/// A message found where the text goes on as the same sentence (`API rate limit exceeded for 54.221.143.48.`):
/// the words are the start of another, longer message.
const MESSAGE_CONTINUED: i32 = 25;
/// A message its vendor writes with a capital, found in lower case after a word of the sentence it stands
/// in (`Request had invalid authentication credentials.`): words of another sentence, which count as a
/// generic message's in text do.
const MESSAGE_INSIDE_A_SENTENCE: i32 = GENERIC_MESSAGE_IN_TEXT;
/// A name another vendor's model defines that this row's vendor reuses (the lender's catalog's `shared_names`)
/// — AWS's common errors (`RequestLimitExceeded`, `SignatureDoesNotMatch`), which Tencent's API 3.0 and
/// Alibaba's OpenAPI reuse; gRPC's canonical codes (`NOT_FOUND`, Google's), which JD Cloud's OpenAPI reuses —
/// found by the name alone where the row's vendor is not named: any AWS service (any Google API) answers it
/// as well, so it is no more that vendor's than theirs.
const BORROWED_NAME_UNCORROBORATED: i32 = -30;
/// A code found alone where it leads a message none of its row's (`Code: message`), without its vendor
/// named: another system's error of the same name.
const CODE_LEADS_ANOTHER_MESSAGE: i32 = -30;
const DOUBTFUL_MESSAGE: i32 = -20;
const OLDER_EDITION: i32 = -1;
const REPORT: i32 = 40;
// A distinctive code standing in a line is reported whatever else the line says: `errcode scan --count`
// counts such a line without weighing the rest (`Finder::literals_unless_coded`). (A log line is read
// without vendor hints, so neither vendor term applies there.)
const _: () = assert!(CODE_IN_TEXT + STATUS_DIFFERS >= REPORT);
// Likewise a message that is not generic, of an entry without a code (`Finder::uncoded_message_stands`),
// unless the sentence goes on (`reported_alone`): a line gives such an entry no code that differs, and a
// status that differs lowers only its rank.
const _: () = assert!(MESSAGE_IN_TEXT >= REPORT && MESSAGE_WHOLE >= REPORT);
const _: () = assert!(GENERIC_MESSAGE_WHOLE + ONLY_FIELD >= REPORT);
const _: () = assert!(LEGACY_REASON + STATUS_AGREES >= REPORT);

/// Whether a message that is not generic, of an entry without a code, found at `span` of a log line, is
/// reported by itself (for `scan --count`, which then reads the line no further): unless the text goes on
/// as the same sentence, or the message (`message`, as its vendor writes it) is found in lower case inside
/// another sentence: either leaves it fewer points than a report needs.
pub(super) fn reported_alone(line: &str, span: &Range<usize>, message: &str) -> bool {
    !continued(line, span) && !inside_a_sentence(line, span, message)
}
/// How far from an error a stated status still belongs to it, when not on the same line.
const STATUS_REACH: usize = 4096;
/// How many of an error's clue ranges are looked at for a status on their line.
const CLUE_LINES: usize = 8;

struct Candidate<'c> {
    catalog: &'c Catalog,
    entry: &'c Entry,
    captures: Captures,
    code_points: i32,
    message_points: i32,
    /// The paste's ranges of the code and message clues: what a better candidate must cover to replace it.
    primary: Spans,
    clues: Vec<Clue>,
    detail: Option<String>,
    position: usize,
    /// Points from the evidence: decides whether the candidate is reported and what covers what.
    score: i32,
    /// `score` less the penalties that only order rows with the same evidence (an older edition's row, a
    /// message the vendor's table copied from another row): they never hide a row by themselves (`select`
    /// drops a copied message's row beside its owner's, found by the same text).
    rank: i32,
    /// Whether the candidate's message was found, and each time only without its final full stop (which
    /// gateways drop to append detail): of rows ranked alike, one worded exactly as the text comes first.
    stop_dropped: Option<bool>,
    /// The status the paste states for the error, where it differs from the entry's.
    stated_status: Option<u16>,
    /// Whether its message was found standing whole (a field's value, a line of its own), and whether a
    /// message of its that is not generic was found.
    whole_message: bool,
    specific_message: bool,
    /// Whether a message of its was found as the only field of a JSON object (`{"message":"Forbidden"}`,
    /// nested or not): a gateway's whole body.
    sole_message: bool,
    /// Whether the message it was found by states the paste's status itself (`... exits with http status
    /// code 429`): a log line reporting an error's status.
    status_in_message: bool,
    /// Whether it was seen as a status line's reason phrase (`HTTP/1.1 401 Unauthorized`, Kong's
    /// `Unauthorized`), which counts only where nothing else was found.
    status_line_phrase: bool,
}

impl<'c> Matcher<'c> {
    /// Reads `text` — a whole paste, or (`Reading::Line`) one line of a log being scanned, with only the
    /// evidence a line can carry — and resolves what it found.
    /// `line_hits`: the codes and messages standing in `text` as it is, when the caller has found them.
    pub(super) fn analyze(
        &self,
        text: &str,
        reading: Reading,
        line_hits: Option<Vec<Hit<'c>>>,
    ) -> Pasted<'c> {
        let mut evidence = paste::read(text, reading, self.hints());
        let lines = LineIndex::new(text);
        let finder = self.finder_for(text.len());
        // (A log line's errors make a few candidates: room for them at once rather than growing twice.)
        let mut candidates: Vec<Candidate<'c>> = Vec::with_capacity(8);
        let mut referrals: Vec<ReferralMatch<'c>> = Vec::new();
        // Referrals of any name for code fields whose value other vendors' entries have (an Alibaba Cloud
        // body's `OperationDenied` is also a Tencent code): said where nothing else is the answer.
        let mut if_unclaimed: Vec<ReferralMatch<'c>> = Vec::new();

        // A code's referrals are looked for at its first field only: later ones would be dropped as repeats
        // (`dedup_referrals`), and a paste that states one code ten thousand times made as many matches first
        // (a 15 MiB paste of one log line over and over peaked at half a gigabyte).
        let mut referred: std::collections::HashSet<(&str, bool)> =
            std::collections::HashSet::new();
        for field in &evidence.code_fields {
            let claimed = self.code_candidates(&mut candidates, field);
            if !referred.insert((field.value.as_str(), claimed)) {
                continue;
            }
            let list = if claimed {
                &mut if_unclaimed
            } else {
                &mut referrals
            };
            self.add_referrals(list, &Seen::of(field), CODE_FIELD);
        }
        if_unclaimed.retain(|r| r.referral.is_open());
        // (A message read loosely needs its vendor named, unless `paste_hits` finds it can stand alone.)
        let named: Vec<Vendor> = evidence.vendors.iter().map(|v| v.value).collect();
        for field in &evidence.message_fields {
            let hits = if evidence.is_paste() {
                finder.paste_hits(&field.value, &named)
            } else {
                finder.hits(&field.value)
            };
            for hit in hits {
                self.hit_candidate(
                    &mut candidates,
                    &mut referrals,
                    hit,
                    &field.value,
                    Place::Field(field, text),
                );
            }
        }
        // Codes written in the text, whether an entry's or not: beside a message, a code other than the
        // message's own row says the message is another code's wording.
        let mut mentioned: Vec<Range<usize>> = Vec::new();
        let mut line_hits = line_hits;
        for (i, view) in evidence.views.iter().enumerate() {
            let view_lines = LineIndex::new(&view.text);
            let hits = match line_hits.take() {
                Some(hits) if i == 0 => hits,
                _ if evidence.is_paste() => finder.paste_hits(&view.text, &named),
                _ => finder.hits(&view.text),
            };
            for hit in hits {
                if matches!(hit.target, Target::Code(_) | Target::Referral) {
                    mentioned.push(view.to_paste(&hit.span));
                }
                self.hit_candidate(
                    &mut candidates,
                    &mut referrals,
                    hit,
                    &view.text,
                    Place::Text(view, &view_lines),
                );
            }
        }

        // A log line is read without its vendors' marks, but for a row whose words any software may say
        // (`common_message`) found by them alone, which counts only where its vendor is named, in a log as
        // in a paste.
        if !evidence.is_paste() && needs_vendors(&candidates) {
            evidence.read_vendors(text, self.hints());
        }
        phrase_alone(&mut candidates);
        // Where the errors stand, for deciding which stated status belongs to which; and errors that claim
        // a code stated beside a message, as another error's.
        let (anchors, code_anchors) = (anchors(&candidates, false), anchors(&candidates, true));
        for candidate in &mut candidates {
            weigh(
                candidate,
                &evidence,
                text,
                &lines,
                &mentioned,
                (&anchors, &code_anchors),
                self.lenders(),
            );
        }

        let matches = select(candidates);
        if matches.is_empty() && !if_unclaimed.is_empty() {
            referrals.extend(if_unclaimed);
            // (In the paste's order, as the others are.)
            referrals.sort_by_key(|r| r.position);
        }
        dedup_referrals(&mut referrals);
        referrals.retain(|r| referral_stands(r, &evidence));
        // A referral of any name only where no referral of a named prefix fits the same code.
        let prefixed: std::collections::HashSet<String> = (referrals.iter())
            .filter(|r| !r.referral.is_open())
            .map(|r| r.code.clone())
            .collect();
        referrals.retain(|r| !r.referral.is_open() || !prefixed.contains(&r.code));

        let mut statuses: Vec<u16> = evidence.statuses.iter().map(|s| s.value).collect();
        statuses.sort_unstable();
        statuses.dedup();
        // (A reason phrase says no more than its status: `{"code": 404, "msg": "Not Found"}`.)
        let own_message = evidence.message_fields.iter().any(|f| {
            !statuses.iter().any(|&s| {
                crate::status::reason(s).eq_ignore_ascii_case(f.value.trim_end_matches('.'))
            })
        });
        Pasted {
            matches,
            referrals,
            statuses,
            own_message,
        }
    }

    /// Candidates for the value of a code field; false when no entry has it. An exact code beats the
    /// templates it also fits; templates (`Missing{param}`) count only in code fields, not in prose.
    fn code_candidates(&self, candidates: &mut Vec<Candidate<'c>>, found: &Found<String>) -> bool {
        let exact = self.entries_with_code(&found.value);
        // A reason phrase in a field (`"status": "Unauthorized"`) states a status, not a code spelled in
        // capitals (AWS's gateway response type `UNAUTHORIZED`); only the very spelling is that code.
        if crate::status::is_reason_phrase(&found.value) {
            for &(catalog, entry) in &exact {
                if entry
                    .code
                    .as_ref()
                    .is_some_and(|c| c.source() == found.value)
                {
                    add(
                        candidates,
                        catalog,
                        entry,
                        Sighting::code(Seen::of(found), GENERIC_CODE_FIELD, Captures::new()),
                    );
                }
            }
            return true;
        }
        let generic = generic_code(&found.value);
        let reason = found.source.eq_ignore_ascii_case("reason");
        let points = if reason && is_legacy_reason(&found.value) {
            LEGACY_REASON
        } else if reason {
            ERROR_INFO_REASON
        } else if generic {
            GENERIC_CODE_FIELD
        } else {
            CODE_FIELD
        };
        for &(catalog, entry) in &exact {
            // A generic name spelt otherwise than its vendor spells it (`AuthError` for Google's
            // `authError`) is another system's.
            let spelt_otherwise = entry
                .code
                .as_ref()
                .is_some_and(|c| c.source() != found.value);
            if generic && spelt_otherwise {
                continue;
            }
            add(
                candidates,
                catalog,
                entry,
                Sighting::code(Seen::of(found), points, Captures::new()),
            );
        }
        if !exact.is_empty() {
            return true;
        }
        let fitting = self.code_templates_fitting(&found.value);
        let any = !fitting.is_empty();
        for (catalog, entry, _, captures) in fitting {
            add(
                candidates,
                catalog,
                entry,
                Sighting::code(Seen::of(found), CODE_TEMPLATE_FIELD, captures),
            );
        }
        any
    }

    /// A code or message the finder saw in a message field's value or in the text.
    fn hit_candidate(
        &self,
        candidates: &mut Vec<Candidate<'c>>,
        referrals: &mut Vec<ReferralMatch<'c>>,
        hit: Hit<'c>,
        haystack: &str,
        place: Place<'_>,
    ) {
        let (span, source) = match place {
            Place::Field(field, _) => (field.span.clone(), field.source.as_str()),
            Place::Text(view, _) => (view.to_paste(&hit.span), "text"),
        };
        let found = Seen {
            value: &haystack[hit.span.clone()],
            span,
            source,
        };
        match hit.target {
            // The reason phrase of a status line (`HTTP/1.1 403 Forbidden`) is no code, though a vendor may
            // have one spelled so.
            Target::Code(_)
                if matches!(place, Place::Text(..))
                    && crate::status::is_reason_phrase(found.value) => {}
            // Nor is a JSON object's key (`{"badRequest": {...}}`): it names a field.
            Target::Code(_)
                if matches!(place, Place::Text(..)) && a_json_key(haystack, &hit.span) => {}
            Target::Code(entry) => {
                let points = if !hit.generic {
                    CODE_IN_TEXT
                } else if is_legacy_reason(found.value) {
                    // A legacy reason written in prose (`... : dailyLimitExceeded`) is stated as in its field.
                    LEGACY_REASON
                } else if matches!(place, Place::Text(..)) && leads_a_message(haystack, &hit.span) {
                    GRPC_STATUS
                } else {
                    GENERIC_CODE_IN_TEXT
                };
                add(
                    candidates,
                    hit.catalog,
                    entry,
                    Sighting::code(found, points, hit.captures),
                );
            }
            // Nor is it a message (`HTTP/1.1 401 Unauthorized` says the status, not Kong's `Unauthorized`),
            // unless nothing else is found (`phrase_alone`).
            Target::Message(entry)
                if let Place::Text(_, lines) = place
                    && crate::status::is_reason_phrase(found.value)
                    && after_status_line_status(haystack, lines, hit.span.start) =>
            {
                let sighting = Sighting::message(found, 0, hit.captures, None);
                let at = add(candidates, hit.catalog, entry, sighting);
                candidates[at].status_line_phrase = true;
            }
            // Nor is the status line itself an error page's title (`HTTP/1.1 502 Bad Gateway`).
            Target::Message(_)
                if let Place::Text(_, lines) = place
                    && crate::status::is_status_title(found.value)
                    && at_status_line_status(haystack, lines, hit.span.start) => {}
            Target::Message(entry) => {
                let (points, whole, sole, detail) = message_points(haystack, &hit, entry, place);
                let forms = entry.message_forms();
                let dropped = !forms.iter().any(|form| form.source() == found.value)
                    && forms
                        .iter()
                        .any(|form| form.source().strip_suffix('.') == Some(found.value));
                let at = add(
                    candidates,
                    hit.catalog,
                    entry,
                    Sighting::message(found, points, hit.captures, detail),
                );
                let c = &mut candidates[at];
                c.stop_dropped = Some(c.stop_dropped.unwrap_or(true) && dropped);
                c.whole_message |= whole;
                c.specific_message |= !hit.generic;
                c.sole_message |= sole;
            }
            Target::Referral => {
                if self.entries_with_code(found.value).is_empty() {
                    self.add_referrals(referrals, &found, CODE_IN_TEXT);
                }
            }
        }
    }
}

/// A status line's reason phrase that is a row's message (`HTTP/1.1 401 Unauthorized` and Kong's
/// `Unauthorized`) says the status, no more, where the paste shows a body: where it shows none, nothing else
/// found, the phrase is the answer's whole text, as a generic message standing whole, which its vendor named
/// (the response's `Server: kong/2.8.1`) makes a claim.
fn phrase_alone(candidates: &mut [Candidate<'_>]) {
    let alone = |c: &Candidate<'_>| c.status_line_phrase && c.code_points + c.message_points == 0;
    if candidates.iter().all(alone) {
        for c in candidates.iter_mut() {
            c.message_points = GENERIC_MESSAGE_WHOLE;
            c.score = GENERIC_MESSAGE_WHOLE;
            c.whole_message = true;
        }
    }
}

/// Whether a code has the form of Google's legacy `errors[].reason` (`dailyLimitExceeded`): lower camel case,
/// no plain word (`forbidden`) nor another system's CamelCase (`NotFound`).
fn is_legacy_reason(code: &str) -> bool {
    code.starts_with(|c: char| c.is_ascii_lowercase())
        && code.bytes().any(|b| b.is_ascii_uppercase())
        && code.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// How a message hit stands where it was found, worth how many points: whole (its line's, or its body's
/// only field), or inside a sentence, continued, or in text; whether it is the body's sole message; and the
/// text that follows it.
fn message_points(
    haystack: &str,
    hit: &Hit<'_>,
    entry: &Entry,
    place: Place<'_>,
) -> (i32, bool, bool, Option<String>) {
    let lines = match place {
        Place::Text(_, lines) => Some(lines),
        Place::Field(..) => None,
    };
    let (whole, detail) = standing(haystack, &hit.span, lines);
    // (Read in the text, where the braces around it are: a field's value alone has none.)
    let body = matches!(place, Place::Text(..)) && only_field(haystack, &hit.span);
    let sole = body
        || match place {
            // Read in the paste, where the braces are (a template ending in a placeholder is
            // found whole only in the field's value): where the field's value is the paste's
            // text as it stands, not unescaped, and the message is all of it (a body that says
            // more, `... signing method. Consult the service documentation for details.`, is
            // another service's wording).
            Place::Field(field, text) => {
                whole
                    && text.get(field.span.clone()) == Some(field.value.as_str())
                    && sole_message_field(text, &field.span)
            }
            Place::Text(..) => sole_message_field(haystack, &hit.span),
        } && as_written(&haystack[hit.span.clone()], entry);
    let whole = whole || body;
    let points = match (whole, hit.generic) {
        (true, true) if body => GENERIC_MESSAGE_WHOLE + ONLY_FIELD,
        (true, false) => MESSAGE_WHOLE,
        (false, false) if inside_a_sentence(haystack, &hit.span, entry.message.source()) => {
            MESSAGE_INSIDE_A_SENTENCE
        }
        (false, false) if continued(haystack, &hit.span) => MESSAGE_CONTINUED,
        (false, false) => MESSAGE_IN_TEXT,
        (true, true) => GENERIC_MESSAGE_WHOLE,
        (false, true) => GENERIC_MESSAGE_IN_TEXT,
    };
    (points, whole, sole, detail)
}

/// Where a hit was found: in a message field's value, or in (a view of) the text.
#[derive(Clone, Copy)]
enum Place<'a> {
    /// A message field's value, and the paste it is read from.
    Field(&'a Found<String>, &'a str),
    /// A view of the text, and where its lines end.
    Text(&'a paste::View, &'a LineIndex),
}

/// Scores a candidate against the rest of the evidence: the status stated for it, another code beside its
/// message, the vendor the paste names. Sets its score (what it is) and rank (where it is shown).
fn weigh(
    candidate: &mut Candidate<'_>,
    evidence: &Evidence,
    text: &str,
    lines: &LineIndex,
    mentioned: &[Range<usize>],
    (anchors, code_anchors): (&[Anchor], &[Anchor]),
    lenders: &Lenders,
) {
    candidate.score = candidate.code_points + candidate.message_points;
    let differs = weigh_status(candidate, evidence, text, lines, anchors);
    if candidate.code_points == 0
        && candidate.entry.code.is_some()
        && other_code_for(
            &evidence.code_fields,
            mentioned,
            lines,
            candidate,
            code_anchors,
        )
    {
        candidate.score += CODE_DIFFERS;
    }
    let vendor = candidate.catalog.vendor;
    let named = evidence.vendors.iter().find(|v| v.value == vendor);
    if let Some(hint) = named {
        candidate.score += VENDOR_AGREES;
        candidate.clues.push(clue_of(ClueKind::Vendor, text, hint));
    } else if !evidence.vendors.is_empty() || shows_another_vendors_product(evidence, vendor.id()) {
        candidate.score += VENDOR_DIFFERS;
    }
    for product in &evidence.other_products {
        match product.value.vendor_id {
            // The response was made by an application server (`Server: uvicorn`), not a gateway.
            _ if product.value.answered => candidate.score += OTHER_SERVICE,
            // Another product of this row's vendor (an AWS service other than API Gateway): whatever
            // matched, the row is not this paste's error.
            Some(id) if id == vendor.id() => candidate.score += OTHER_SERVICE,
            Some(_) => {}
            None if candidate.message_points == 0 => candidate.score += OTHER_PRODUCT,
            None => {}
        }
    }
    candidate.score += uncorroborated_as_marked(candidate, evidence, named.is_some());
    // The checks below are of a row found by its code's name (or template) alone, no message of it in the
    // paste and its vendor not named.
    let by_code_alone = candidate.message_points == 0 && named.is_none();
    let code = candidate.entry.code.as_ref();
    // (Not in a log line, which is read without vendor hints: `scan --count` reports a line by a distinctive
    // code alone.)
    if evidence.is_paste() && by_code_alone && leads_another_message(candidate, text) {
        candidate.score += CODE_LEADS_ANOTHER_MESSAGE;
    }
    // A name another vendor lends (AWS's common errors, gRPC's codes, as their catalogs list them).
    if evidence.is_paste()
        && by_code_alone
        && code.is_some_and(|c| lenders.lent_to(c.source(), vendor))
        && !leads_a_chinese_message(candidate, text)
    {
        candidate.score += BORROWED_NAME_UNCORROBORATED;
    }
    if candidate.code_points == GRPC_STATUS && by_code_alone {
        candidate.score += GENERIC_CODE_IN_TEXT - GRPC_STATUS;
    }
    // Codes every API may answer are no claim alone, without the vendor named: OAuth 2.0's error codes (every
    // OAuth server's, Kong's OAuth2 plugin's too), and in a paste a status's reason phrase (`"code":
    // "UNAUTHORIZED"`, API Gateway's gateway response type and any API's name for 401). (The two never
    // meet: OAuth's codes join their words with `_`, the phrases with blanks.)
    let everyones =
        |c: &str| is_oauth_code(c) || (evidence.is_paste() && crate::status::is_reason_phrase(c));
    if by_code_alone && code.is_some_and(|c| everyones(c.source())) {
        candidate.score += STANDARD_CODE_UNCORROBORATED;
    }
    if candidate.code_points == 0
        && named.is_none()
        && crate::status::is_status_title(candidate.entry.message.source())
    {
        candidate.score += STATUS_TITLE_UNCORROBORATED;
    }
    if code.is_some_and(|c| c.has_placeholders()) && by_code_alone {
        candidate.score += TEMPLATE_UNCORROBORATED;
    }
    candidate.rank = candidate.score + differs;
    if candidate.entry.doubtful_message {
        candidate.rank += DOUBTFUL_MESSAGE;
    }
    if candidate.entry.edition_of.is_some() {
        candidate.rank += OLDER_EDITION;
    }

    candidate.clues.sort_by_key(|c| c.start);
}

/// What a row its catalog marks as words others say too (`vendor_wide`, `common_message`) loses in a paste
/// (or, for `common_message`, a log line) that does not corroborate it: its product named (`vendor_wide`),
/// or its vendor named or its code stated (`common_message`); either stands where the message is a body's
/// only field, the row's own answer.
fn uncorroborated_as_marked(candidate: &Candidate<'_>, evidence: &Evidence, named: bool) -> i32 {
    if candidate.sole_message {
        return 0;
    }
    let mut points = 0;
    // (A log line's products are not read: `vendor_wide` rows are weighed in pastes only.)
    if candidate.entry.vendor_wide
        && evidence.is_paste()
        && !(evidence.products_named.iter()).any(|(_, id)| *id == candidate.catalog.id)
    {
        points += VENDOR_WIDE_UNCORROBORATED;
    }
    if candidate.entry.common_message && candidate.code_points == 0 && !named {
        points += COMMON_MESSAGE_UNCORROBORATED;
    }
    points
}

/// Weighs the status stated for a candidate: one that agrees adds to its score (and is a clue); one that
/// differs lowers the row's rank and confidence, returned, not its score (it does not hide it: a code or a
/// full message says more than a status, and the row that agrees wins by it anyway), but for a generic
/// message, whose score it lowers.
fn weigh_status(
    candidate: &mut Candidate<'_>,
    evidence: &Evidence,
    text: &str,
    lines: &LineIndex,
    anchors: &[Anchor],
) -> i32 {
    let mut differs = 0;
    if let Some((found, same_line)) = status_for(evidence, lines, candidate, anchors) {
        // A status the found message itself states in a placeholder (`... exits with http status code
        // {status}`) is the error's: no disagreement. (Not a page's title, `404 Not Found`, fixed text.)
        let in_message = candidate.entry.message.has_placeholders()
            && (candidate.primary.iter())
                .any(|p| p.start <= found.span.start && found.span.end <= p.end);
        candidate.status_in_message = in_message;
        if found.value == candidate.entry.status {
            // A row found only by its status's reason phrase (`"message": "Unauthorized."` under
            // `HTTP/1.1 401 Unauthorized`) says what the status says: the status confirms nothing more.
            if !restates_status(candidate, found.value) {
                candidate.score += STATUS_AGREES;
            }
            candidate.clues.push(clue_of(ClueKind::Status, text, found));
        } else {
            differs = match (in_message, same_line) {
                (true, _) => 0,
                (false, true) => STATUS_DIFFERS,
                (false, false) => STATUS_DIFFERS_ELSEWHERE,
            };
            // Said beside the table's only where it is this error's for sure: an error status on its line
            // or above it (not one further down, which may be the next error's), of an error found by its
            // code or its whole message, or stated in the message.
            let before = same_line || found.span.end <= candidate.position;
            let sure = candidate.code_points > 0 || candidate.whole_message || in_message;
            if found.value >= 400 && before && sure {
                candidate.stated_status = Some(found.value);
            }
            // A generic message (`Forbidden`) is no claim against the status its paste states.
            if candidate.code_points == 0 && !candidate.specific_message {
                candidate.score += differs;
                differs = 0;
            }
        }
    }
    differs
}

/// Whether every code and message a candidate was found by is the reason phrase of `status`, the status
/// stated (`Forbidden`, `Unauthorized.` under 401), and none stands as a body's only field (a gateway's whole
/// answer, `{"message": "Forbidden"}`): such a text, one field among a backend's, is the status said again,
/// no evidence of a row. Another status's phrase says more (API Gateway's 502 `Internal server error`).
fn restates_status(candidate: &Candidate<'_>, status: u16) -> bool {
    if candidate.sole_message {
        return false;
    }
    let mut found = (candidate.clues.iter())
        .filter(|c| matches!(c.kind, ClueKind::Code | ClueKind::Message))
        .peekable();
    found.peek().is_some() && found.all(|c| crate::status::is_reason_phrase_of(&c.text, status))
}

/// Where an error stands in a paste, and the ranges it was found by.
type Anchor = (usize, Spans);

/// Whether a row whose words any software may say (`common_message`) was found by them alone where no row
/// found by its code and those very words stands over them: only such a row's claim turns on whether its
/// vendor is named. (Beside `APIG.0201` stated with its message, `APIGW.0201`'s same words are that error's,
/// whatever the line names: a line of them costs no reading of every vendor's marks.)
fn needs_vendors(candidates: &[Candidate<'_>]) -> bool {
    let coded = |c: &Candidate<'_>| {
        (candidates.iter()).any(|k| {
            k.code_points >= CODE_TEMPLATE_FIELD
                && k.message_points > 0
                && c.primary.iter().all(|s| k.primary.overlaps(&s))
        })
    };
    (candidates.iter()).any(|c| c.entry.common_message && c.code_points == 0 && !coded(c))
}

/// Where the errors of a paste stand: the candidates found well enough to be one (by a code or message worth
/// a generic message standing whole); with `by_message`, those found by a message of their own, which claim
/// a code stated beside it as another error's. A row found by the code alone is that code's reading, not
/// another error: the message beside it is then another code's wording (gRPC's `PERMISSION_DENIED:
/// <message>`; AWS's `x-amzn-ErrorType: AccessDeniedException` with the body `{"message": "Forbidden"}`).
fn anchors(candidates: &[Candidate<'_>], by_message: bool) -> Vec<Anchor> {
    (candidates.iter())
        .filter(|c| c.code_points + c.message_points >= GENERIC_MESSAGE_WHOLE)
        .filter(|c| !by_message || c.message_points > 0)
        .map(|c| (c.position, c.primary.clone()))
        .collect()
}

mod nearby;
mod referrals;
mod select;
mod shared;
mod sighting;
mod spans;
mod standing;
#[cfg(test)]
mod tests;
