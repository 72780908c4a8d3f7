//! Messages several vendors share (issue 17): when the matches of a lookup carry the same words from two
//! or more vendors, errcode says so once, with the reason, which is read from the data and never written
//! per case: the words are an HTTP status's reason phrase, or a note of one of the entries (or its
//! family's explanation) names another of the vendors; otherwise nothing tells the vendors apart.

use serde::Serialize;

use super::Look;
use super::labels::{LABELS_EN, LABELS_ZH, Labels};
use super::text::escape;
use crate::catalog::{Text, Vendor};
use crate::matcher::{Match, Outcome, QueryKind};
use crate::status;

/// Two or more vendors' matches whose messages are the same words.
pub(super) struct Shared<'a> {
    /// The message as the first of them writes it.
    pub(super) text: &'a str,
    /// In the order of the matches.
    pub(super) matches: Vec<&'a Match<'a>>,
    pub(super) vendors: Vec<Vendor>,
    pub(super) reason: Reason<'a>,
}

/// Why several vendors answer with the same words.
pub(super) enum Reason<'a> {
    /// The words are the standard reason phrase of this HTTP status.
    HttpReasonPhrase(u16),
    /// The note of this match's entry, or its family's explanation, names another of the vendors: the
    /// sentence (in each language) that names it.
    Names {
        by: &'a Match<'a>,
        from_family: bool,
        sentence: Text,
    },
    /// Nothing in the data says why: the same words in several vendors' catalogs.
    SameWords,
}

/// A message's words, for comparing: lower case, every run of other characters (spaces, punctuation, the
/// braces of a placeholder) one space.
fn words(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

/// The shared messages among an outcome's matches: only for lookups (a status or a listing has every
/// vendor's entries by design), and only from catalogs whose messages are what a gateway answers (not
/// descriptions of the error).
pub(super) fn shared<'a>(outcome: &'a Outcome<'a>) -> Vec<Shared<'a>> {
    if !matches!(outcome.kind, QueryKind::Code | QueryKind::Message) {
        return Vec::new();
    }
    let mut groups: Vec<(String, Vec<&'a Match<'a>>)> = Vec::new();
    // Where each key's group stands in `groups` (a message lookup may match thousands of entries).
    let mut group_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for m in &outcome.matches {
        if m.catalog.messages_are_descriptions {
            continue;
        }
        let key = words(m.entry.message.source());
        if key.is_empty() {
            continue;
        }
        match group_of.get(&key) {
            Some(&at) => groups[at].1.push(m),
            None => {
                group_of.insert(key.clone(), groups.len());
                groups.push((key, vec![m]));
            }
        }
    }
    groups
        .into_iter()
        .filter_map(|(key, group)| {
            let mut vendors: Vec<Vendor> = Vec::new();
            for m in &group {
                if !vendors.contains(&m.catalog.vendor) {
                    vendors.push(m.catalog.vendor);
                }
            }
            (vendors.len() >= 2).then(|| Shared {
                text: group[0].entry.message.source(),
                reason: reason(&key, &group),
                matches: group,
                vendors,
            })
        })
        .collect()
}

/// Why the matches of `group`, whose messages are the words `key`, share them: the first reason the data
/// gives, in the order the reasons are listed.
fn reason<'a>(key: &str, group: &[&'a Match<'a>]) -> Reason<'a> {
    // The statuses of the matches first (`Unauthorized` is 401's phrase though one vendor sends it with
    // 403), then any status.
    let mut statuses = group.iter().map(|m| m.entry.status).chain(100..=599);
    if let Some(code) = statuses
        .find(|&code| !status::reason(code).is_empty() && words(status::reason(code)) == key)
    {
        return Reason::HttpReasonPhrase(code);
    }
    for m in group {
        let others: Vec<(&str, &Text)> = (group.iter())
            .filter(|o| o.catalog.vendor != m.catalog.vendor)
            .map(|o| (o.catalog.vendor.id(), &o.catalog.vendor_name))
            .collect();
        let texts = [
            (m.entry.note.as_ref(), false),
            (m.family.map(|f| &f.explanation), true),
        ];
        for (text, from_family) in texts {
            let Some(text) = text else { continue };
            if let Some(sentence) = sentence_naming(text, &others) {
                return Reason::Names {
                    by: m,
                    from_family,
                    sentence,
                };
            }
        }
    }
    Reason::SameWords
}

/// The sentence of `text` that names one of `vendors` (by id or by name, as a whole word, in any case), in
/// each language: one language may name it otherwise (腾讯云) or not at all (then its whole text).
fn sentence_naming(text: &Text, vendors: &[(&str, &Text)]) -> Option<Text> {
    let names = |vendor: &(&str, &Text)| -> Vec<String> {
        [vendor.0, &vendor.1.en, &vendor.1.zh]
            .into_iter()
            .map(str::to_lowercase)
            .collect()
    };
    fn find<'t>(text: &'t str, names: &[String]) -> Option<&'t str> {
        sentences(text).into_iter().find(|s| {
            let lower = s.to_lowercase();
            names.iter().any(|name| names_word(&lower, name))
        })
    }
    let names: Vec<String> = vendors.iter().flat_map(names).collect();
    let find = |text| find(text, &names);
    let (en, zh) = match (find(&text.en), find(&text.zh)) {
        (None, None) => return None,
        (en, zh) => (en.unwrap_or(text.en.trim()), zh.unwrap_or(text.zh.trim())),
    };
    Some(Text {
        en: en.to_string().into(),
        zh: zh.to_string().into(),
    })
}

/// Whether `name` stands in `text` as a whole word (not `kong` in `hongkong`).
fn names_word(text: &str, name: &str) -> bool {
    !name.is_empty()
        && text.match_indices(name).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            // (A Chinese name stands between other Chinese characters: only Latin letters and digits
            // join words.)
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        })
}

/// `text`'s sentences: ended by `. ` (or `.` at the end), `。`, `!`, `?` outside parentheses, so that
/// "(e.g. Tencent API Gateway)." stays one sentence.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let next = chars.peek().map(|&(_, n)| n);
        let ends = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if ends && depth == 0 {
            let end = at + c.len_utf8();
            out.push(text[start..end].trim());
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

/// The vendors' ids as a list: `aws and kong`, `aws, huawei and tencent` (`aws、kong` in Chinese).
pub(super) fn vendor_list(vendors: &[Vendor], zh: bool) -> String {
    let ids: Vec<&str> = vendors.iter().map(|v| v.id()).collect();
    if zh {
        return ids.join("、");
    }
    match ids.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => ids.join(""),
    }
}

/// The reason as errcode's clause in `labels`' language: "the standard HTTP reason phrase of 404".
pub(super) fn reason_text(reason: &Reason<'_>, labels: &Labels, zh: bool) -> String {
    match reason {
        Reason::HttpReasonPhrase(code) => (labels.shared_http_phrase)(*code),
        Reason::Names {
            by,
            from_family,
            sentence,
        } => {
            let sentence = if zh { &sentence.zh } else { &sentence.en };
            let say = if *from_family {
                labels.shared_family_says
            } else {
                labels.shared_note_says
            };
            say(by.catalog.vendor.id(), &escape(sentence))
        }
        Reason::SameWords => labels.shared_same_words.to_string(),
    }
}

/// The lines that say a message is shared, and why, in the languages `look` shows, wrapped to its width.
pub(super) fn shared_lines(shared: &Shared<'_>, look: &Look) -> Vec<String> {
    let mut lines = Vec::new();
    let text = escape(&shared.text.replace('\n', " ")).into_owned();
    for (labels, zh) in [(&LABELS_EN, false), (&LABELS_ZH, true)] {
        if (zh && !look.lang.zh()) || (!zh && !look.lang.en()) {
            continue;
        }
        let line = (labels.shared_line)(
            &vendor_list(&shared.vendors, zh),
            &text,
            &reason_text(&shared.reason, labels, zh),
        );
        lines.extend(super::card::wrap(&line, look.width));
    }
    lines
}

/// A shared message in JSON: the words, the vendors, the entries (`catalog/entry`), and why.
#[derive(Serialize)]
pub(super) struct JsonShared<'a> {
    pub(super) text: &'a str,
    pub(super) vendors: &'a [Vendor],
    pub(super) entries: Vec<String>,
    pub(super) reason: JsonReason,
}

#[derive(Serialize)]
pub(super) struct JsonReason {
    /// `http_reason_phrase`, `entry_note`, `family_explanation` or `same_words`.
    pub(super) kind: &'static str,
    /// The status whose reason phrase the words are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) status: Option<u16>,
    /// The entry whose note (or family's explanation) names another vendor, as `catalog/entry`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) entry: Option<String>,
    /// errcode's clause, in both languages (as the human output words it).
    pub(super) en: String,
    pub(super) zh: String,
}

pub(super) fn json_shared<'a>(shared: &'a Shared<'a>) -> JsonShared<'a> {
    let entry_of = |m: &Match<'_>| format!("{}/{}", m.catalog.id, m.entry.id);
    let (kind, status, entry) = match &shared.reason {
        Reason::HttpReasonPhrase(code) => ("http_reason_phrase", Some(*code), None),
        Reason::Names {
            by, from_family, ..
        } => {
            let kind = if *from_family {
                "family_explanation"
            } else {
                "entry_note"
            };
            (kind, None, Some(entry_of(by)))
        }
        Reason::SameWords => ("same_words", None, None),
    };
    JsonShared {
        text: shared.text,
        vendors: &shared.vendors,
        entries: shared.matches.iter().map(|m| entry_of(m)).collect(),
        reason: JsonReason {
            kind,
            status,
            entry,
            en: reason_text(&shared.reason, &LABELS_EN, false),
            zh: reason_text(&shared.reason, &LABELS_ZH, true),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_outside_parentheses() {
        assert_eq!(
            sentences(
                "Defaults; may change. Also used by gateways built on Kong (e.g. Tencent API Gateway)."
            ),
            [
                "Defaults; may change.",
                "Also used by gateways built on Kong (e.g. Tencent API Gateway)."
            ]
        );
        assert_eq!(
            sentences("运营方可能已修改。基于 Kong 的网关（如腾讯云 API 网关）也使用同样的文本。"),
            [
                "运营方可能已修改。",
                "基于 Kong 的网关（如腾讯云 API 网关）也使用同样的文本。"
            ]
        );
        assert_eq!(sentences("v1.2 is out"), ["v1.2 is out"]);
    }

    #[test]
    fn a_name_is_a_whole_word() {
        assert!(names_word("built on kong (e.g.", "kong"));
        assert!(names_word("kong's plugin", "kong"));
        assert!(!names_word("hongkong region", "kong"));
        assert!(!names_word("kongfu", "kong"));
        assert!(names_word("如腾讯云 api 网关", "腾讯云"));
        assert!(!names_word("anything", ""));
    }

    #[test]
    fn words_ignore_case_and_punctuation() {
        assert_eq!(
            words("Header `{header}` is Required"),
            "header header is required"
        );
        assert_eq!(
            words("header {header} is required"),
            "header header is required"
        );
        assert_eq!(
            words("Internal server error."),
            words("Internal Server Error")
        );
        assert_eq!(words("..."), "");
    }
}
