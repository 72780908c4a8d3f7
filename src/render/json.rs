//! The JSON contract of lookups, families and catalogs.

use super::shared::{JsonShared, Shared, json_shared};
use crate::catalog::{Catalogs, Origin, Text, Vendor};
use crate::family::Family;
use crate::matcher::{Clue, Match, MatchedBy, Outcome, QueryKind, ReferralMatch};
use crate::status;
use crate::template::{Captures, fill_text};
use serde::Serialize;
use std::fmt::Write as _;

/// `value` as JSON text (`pretty`: indented, else one line), safe for a terminal, with its final newline.
pub(super) fn json_text(value: &impl Serialize, pretty: bool) -> String {
    let json = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    let mut text = json_safe(json.expect("JSON of plain data cannot fail"));
    text.push('\n');
    text
}

/// JSON as serde writes it escapes C0 controls but passes DEL, C1 controls and Unicode's format characters
/// (bidi overrides, zero-width characters...) through; those are escaped here too (`\u009b`, and a
/// surrogate pair beyond U+FFFF), so JSON printed to a terminal cannot drive it or hide text
/// (`template::needs_escape` says which). They only occur inside strings (JSON's own syntax is ASCII),
/// where `\uXXXX` stands for the same text.
pub(super) fn json_safe(json: String) -> String {
    // (Most JSON is printable ASCII, and most of the rest Chinese: only characters beyond are decoded.)
    if !crate::template::wide_needs_escape(&json) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    push_escaped_chars(&mut out, &json);
    out
}

/// `json_safe(json)` appended to `out`; `json` may be any piece of JSON text cut between characters.
pub(super) fn push_json_safe(out: &mut String, json: &str) {
    if crate::template::wide_needs_escape(json) {
        push_escaped_chars(out, json);
    } else {
        out.push_str(json);
    }
}

/// `json`'s characters appended to `out`, those `json_safe` escapes as `\uXXXX`.
fn push_escaped_chars(out: &mut String, json: &str) {
    for c in json.chars() {
        // C0 controls are serde's (as `\n`, `\u001b`): inside strings none is left raw.
        if crate::template::needs_escape(c) && c >= '\u{7f}' {
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(out, "\\u{:04x}", unit);
            }
        } else {
            out.push(c);
        }
    }
}

#[derive(Serialize)]
pub(super) struct JsonOutput<'a> {
    pub(super) query: String,
    pub(super) kind: &'static str,
    pub(super) matches: Vec<JsonMatch<'a>>,
    pub(super) suggestions: Vec<String>,
    pub(super) referrals: Vec<JsonReferral<'a>>,
    /// Messages two or more vendors' matches share, each with the reason (lookups only; else empty).
    pub(super) shared: Vec<JsonShared<'a>>,
    /// Present when `lookup` was given several codes or statuses: one object per query.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) queries: Option<Vec<JsonQuery<'a>>>,
}

#[derive(Serialize)]
pub(super) struct JsonQuery<'a> {
    pub(super) query: &'a str,
    pub(super) kind: QueryKind,
    pub(super) matches: Vec<JsonMatch<'a>>,
    pub(super) suggestions: &'a [String],
    pub(super) referrals: Vec<JsonReferral<'a>>,
    pub(super) shared: Vec<JsonShared<'a>>,
}

#[derive(Serialize)]
pub(super) struct JsonReferral<'a> {
    pub(super) catalog: &'a str,
    pub(super) vendor: Vendor,
    pub(super) id: &'a str,
    /// The code as found, and the template it fits.
    pub(super) code: &'a str,
    pub(super) pattern: &'a str,
    pub(super) meaning: Text,
    pub(super) fix: Text,
    pub(super) captures: &'a Captures,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) confidence: Option<u8>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub(super) evidence: &'a [Clue],
    pub(super) authored: Vec<&'static str>,
}

#[derive(Serialize)]
pub(super) struct JsonMatch<'a> {
    pub(super) catalog: &'a str,
    pub(super) vendor: Vendor,
    pub(super) code: Option<&'a str>,
    pub(super) status: u16,
    pub(super) message: &'a str,
    pub(super) meaning: Text,
    pub(super) fix: Text,
    pub(super) captures: &'a Captures,
    pub(super) id: &'a str,
    pub(super) status_reason: &'static str,
    pub(super) vendor_name: &'a Text,
    pub(super) product: &'a Text,
    pub(super) matched_by: MatchedBy,
    pub(super) score: u32,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub(super) variants: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<Text>,
    pub(super) sources: Vec<JsonSource<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) edition_of: Option<&'a str>,
    pub(super) doubtful_message: bool,
    /// Which of meaning.en, meaning.zh, fix.en, fix.zh errcode wrote rather than the vendor.
    pub(super) authored: Vec<&'static str>,
    /// For pastes: how sure (0 to 100), what in the paste pointed here, the text after the vendor's
    /// message, and the byte offset of the error in the paste.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) confidence: Option<u8>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub(super) evidence: &'a [Clue],
    /// The status the paste states for the error, where it differs from `status` (the vendor's table).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) stated_status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) detail: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) position: Option<usize>,
    /// The problem family the entry belongs to, if any (`errcode family ID` shows it).
    pub(super) family: Option<JsonFamilyRef<'a>>,
}

#[derive(Serialize)]
pub(super) struct JsonFamilyRef<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a Text,
}

#[derive(Serialize)]
pub(super) struct JsonFamily<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a Text,
    pub(super) explanation: &'a Text,
    pub(super) checklist: &'a [Text],
    /// `catalog-id/entry-id`.
    pub(super) members: Vec<String>,
}

pub(super) fn json_family(f: &Family) -> JsonFamily<'_> {
    JsonFamily {
        id: f.id,
        name: &f.name,
        explanation: &f.explanation,
        checklist: &f.checklist,
        members: f.members().map(|(c, e)| format!("{c}/{e}")).collect(),
    }
}

#[derive(Serialize)]
pub(super) struct JsonSource<'a> {
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    pub(super) date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) url: Option<&'a str>,
}

/// A text with the captures filled in, both languages (JSON carries both whatever `--lang`).
pub(super) fn filled(text: &Text, captures: &Captures) -> Text {
    Text {
        en: fill_text(&text.en, captures).into(),
        zh: fill_text(&text.zh, captures).into(),
    }
}

pub(super) fn json_match<'a>(m: &'a Match<'a>) -> JsonMatch<'a> {
    let entry = m.entry;
    let filled = |t: &Text| filled(t, &m.captures);
    JsonMatch {
        catalog: &m.catalog.id,
        vendor: m.catalog.vendor,
        code: entry.code.as_ref().map(|c| c.source()),
        status: entry.status,
        message: entry.message.source(),
        meaning: filled(&entry.meaning),
        fix: filled(&entry.fix),
        captures: &m.captures,
        id: &entry.id,
        status_reason: status::reason(entry.status),
        vendor_name: &m.catalog.vendor_name,
        product: &m.catalog.product,
        matched_by: m.matched_by,
        score: m.score,
        variants: entry.variants.iter().map(|v| v.source()).collect(),
        note: entry.note.as_ref().map(filled),
        sources: entry
            .sources
            .iter()
            .map(|&s| {
                let s = &m.catalog.sources[s];
                JsonSource {
                    id: &s.id,
                    title: &s.title,
                    date: s.date.as_deref(),
                    url: s.url.as_deref(),
                }
            })
            .collect(),
        edition_of: (entry.edition_of)
            .and_then(|i| m.catalog.entries.get(i))
            .map(|newer| &*newer.id),
        doubtful_message: entry.doubtful_message,
        authored: entry.authored.fields(),
        confidence: m.confidence,
        evidence: &m.clues,
        stated_status: m.stated_status,
        detail: m.detail.as_deref(),
        position: m.position,
        family: m.family.map(|f| JsonFamilyRef {
            id: f.id,
            name: &f.name,
        }),
    }
}

pub(super) fn json_referral<'a>(r: &'a ReferralMatch<'a>) -> JsonReferral<'a> {
    JsonReferral {
        catalog: &r.catalog.id,
        vendor: r.catalog.vendor,
        id: &r.referral.id,
        code: &r.code,
        pattern: r.referral.code.source(),
        meaning: filled(&r.referral.meaning, &r.captures),
        fix: filled(&r.referral.fix, &r.captures),
        captures: &r.captures,
        confidence: r.confidence,
        evidence: &r.clues,
        authored: r.referral.authored.fields(),
    }
}

pub(super) fn kind_name(kind: QueryKind) -> &'static str {
    match kind {
        QueryKind::Code => "code",
        QueryKind::Status => "status",
        QueryKind::Message => "message",
        QueryKind::List => "list",
    }
}

/// The JSON contract: one object for all outcomes. Several queries share it: `query` joins them, `kind` is
/// theirs when they agree (else `mixed`), `matches` and `suggestions` are concatenated, and `queries` holds
/// each one's own answer.
pub fn json(outcomes: &[Outcome<'_>]) -> String {
    let shared: Vec<Vec<Shared<'_>>> = outcomes.iter().map(super::shared::shared).collect();
    json_text(&json_output(outcomes, &shared), true)
}

/// The JSON object of `outcomes`, with `shared[i]` the messages outcome `i`'s matches share.
pub(super) fn json_output<'a>(
    outcomes: &'a [Outcome<'a>],
    shared: &'a [Vec<Shared<'a>>],
) -> JsonOutput<'a> {
    let shared_json = |i: usize| -> Vec<JsonShared<'a>> {
        shared
            .get(i)
            .into_iter()
            .flatten()
            .map(json_shared)
            .collect()
    };
    match outcomes {
        [one] => JsonOutput {
            query: one.query.clone(),
            kind: kind_name(one.kind),
            matches: one.matches.iter().map(json_match).collect(),
            suggestions: one.suggestions.clone(),
            referrals: one.referrals.iter().map(json_referral).collect(),
            shared: shared_json(0),
            queries: None,
        },
        many => JsonOutput {
            query: many
                .iter()
                .map(|o| o.query.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            kind: match many.first() {
                Some(first) if many.iter().all(|o| o.kind == first.kind) => kind_name(first.kind),
                _ => "mixed",
            },
            matches: many
                .iter()
                .flat_map(|o| o.matches.iter().map(json_match))
                .collect(),
            suggestions: many
                .iter()
                .flat_map(|o| o.suggestions.iter().cloned())
                .collect(),
            referrals: many
                .iter()
                .flat_map(|o| o.referrals.iter().map(json_referral))
                .collect(),
            shared: (0..many.len()).flat_map(shared_json).collect(),
            queries: Some(
                many.iter()
                    .enumerate()
                    .map(|(i, o)| JsonQuery {
                        query: &o.query,
                        kind: o.kind,
                        matches: o.matches.iter().map(json_match).collect(),
                        suggestions: &o.suggestions,
                        referrals: o.referrals.iter().map(json_referral).collect(),
                        shared: shared_json(i),
                    })
                    .collect(),
            ),
        },
    }
}

#[derive(Serialize)]
pub(super) struct JsonCatalog<'a> {
    pub(super) id: &'a str,
    pub(super) vendor: Vendor,
    pub(super) vendor_name: &'a Text,
    pub(super) product: &'a Text,
    pub(super) entries: usize,
    pub(super) builtin: bool,
    pub(super) origin: String,
    pub(super) overrides: Option<String>,
    pub(super) sources: Vec<JsonSource<'a>>,
}

/// `errcode catalogs --json`.
pub fn catalogs_json(catalogs: &Catalogs) -> String {
    let list: Vec<JsonCatalog<'_>> = catalogs
        .catalogs
        .iter()
        .map(|c| JsonCatalog {
            id: &c.id,
            vendor: c.vendor,
            vendor_name: &c.vendor_name,
            product: &c.product,
            entries: c.entries.len(),
            builtin: matches!(c.origin, Origin::Builtin(_)),
            origin: c.origin.to_string(),
            overrides: c.overrides.as_ref().map(ToString::to_string),
            sources: c
                .sources
                .iter()
                .map(|s| JsonSource {
                    id: &s.id,
                    title: &s.title,
                    date: s.date.as_deref(),
                    url: s.url.as_deref(),
                })
                .collect(),
        })
        .collect();
    json_text(&serde_json::json!({ "catalogs": list }), true)
}
