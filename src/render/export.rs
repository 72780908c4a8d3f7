//! The catalog for log engines: `catalog export` (one record per entry, as JSON, NDJSON or CSV) and
//! `catalog patterns` (the regexes errcode finds codes and messages with, in a dialect, tagged with the
//! entries each finds). Both carry `schema_version`: fields may be added, never renamed.

use super::json::{json_safe, json_text};
use crate::catalog::Text;
use crate::matcher::Match;
use crate::template::{Captures, Segment, Template};
use serde::Serialize;

/// The version of the export's and the patterns' record layout.
pub const EXPORT_SCHEMA_VERSION: u32 = 1;

/// `catalog export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One JSON object: `{"schema_version", "entries": [...]}`.
    Json,
    /// One JSON object per line, each with `schema_version`.
    Ndjson,
    /// A header line, then one line per entry; meaning and fix in a column per language.
    Csv,
}

/// `catalog patterns --dialect`: the regex syntax to write. Every dialect writes the same core (escaped
/// literals, `\s`, `\S`, bracket classes, groups, `?` and `+`), which grep -E, ripgrep, RE2, PCRE,
/// Hyperscan and Rust's regex all read; they differ in the placeholders' groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Dialect {
    /// grep -E and ripgrep: unnamed groups (the default).
    Grep,
    /// RE2 (ClickHouse, Loki and Go, Vector's RE2-like rules): groups named `(?P<name>...)` after the
    /// template's placeholders, for extraction.
    Re2,
    /// PCRE (grep -P, Hyperscan, nginx, most languages): groups named `(?<name>...)`.
    Pcre,
    /// Rust's regex crate (Vector's VRL `parse_regex`): groups named `(?P<name>...)`.
    Rust,
}

#[derive(Serialize)]
struct ExportEntry<'a> {
    schema_version: u32,
    catalog: &'a str,
    vendor: &'a str,
    id: &'a str,
    /// The code as the catalog writes it (`Missing{param}` for a template), or `null`.
    code: Option<&'a str>,
    status: u16,
    message: &'a str,
    meaning: Text,
    fix: Text,
    /// The problem family's id, or `null`.
    family: Option<&'a str>,
    sources: Vec<ExportSource<'a>>,
}

#[derive(Serialize)]
struct ExportSource<'a> {
    title: &'a str,
    date: Option<&'a str>,
    url: Option<&'a str>,
}

fn export_entry<'a>(m: &'a Match<'a>) -> ExportEntry<'a> {
    let entry = m.entry;
    ExportEntry {
        schema_version: EXPORT_SCHEMA_VERSION,
        catalog: &m.catalog.id,
        vendor: m.catalog.vendor.id(),
        id: &entry.id,
        code: entry.code.as_ref().map(Template::source),
        status: entry.status,
        message: entry.message.source(),
        // As lookups print them: `{{` is a brace; a placeholder reads `<name>`.
        meaning: super::json::filled(&entry.meaning, &Captures::new()),
        fix: super::json::filled(&entry.fix, &Captures::new()),
        family: m.family.map(|f| f.id),
        sources: (entry.sources.iter())
            .map(|&s| {
                let s = &m.catalog.sources[s];
                ExportSource {
                    title: &s.title,
                    date: s.date.as_deref(),
                    url: s.url.as_deref(),
                }
            })
            .collect(),
    }
}

/// `catalog export`: every entry of `matches` (a `list`), in the format asked for.
pub fn export(matches: &[Match<'_>], format: ExportFormat) -> String {
    let entries: Vec<ExportEntry<'_>> = matches.iter().map(export_entry).collect();
    match format {
        ExportFormat::Json => {
            #[derive(Serialize)]
            struct Export<'a> {
                schema_version: u32,
                entries: Vec<ExportEntry<'a>>,
            }
            json_text(
                &Export {
                    schema_version: EXPORT_SCHEMA_VERSION,
                    entries,
                },
                true,
            )
        }
        ExportFormat::Ndjson => entries.iter().map(|e| json_text(e, false)).collect(),
        ExportFormat::Csv => {
            let mut out = csv_line(&[
                "schema_version",
                "catalog",
                "vendor",
                "id",
                "code",
                "status",
                "message",
                "meaning_en",
                "meaning_zh",
                "fix_en",
                "fix_zh",
                "family",
                "sources",
            ]);
            for e in &entries {
                let sources: Vec<&str> = e.sources.iter().map(|s| s.title).collect();
                out += &csv_line(&[
                    &e.schema_version.to_string(),
                    e.catalog,
                    e.vendor,
                    e.id,
                    e.code.unwrap_or(""),
                    &e.status.to_string(),
                    e.message,
                    &e.meaning.en,
                    &e.meaning.zh,
                    &e.fix.en,
                    &e.fix.zh,
                    e.family.unwrap_or(""),
                    &sources.join(" | "),
                ]);
            }
            // (Catalog texts are printable, but a user's catalog is not trusted: the same escaping as JSON.)
            json_safe(out)
        }
    }
}

/// One CSV record (RFC 4180): a field holding a comma, quote or line break is quoted, quotes doubled.
fn csv_line(fields: &[&str]) -> String {
    let mut line = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                (*f).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// One regex and the entries it finds.
#[derive(Serialize)]
struct PatternRecord {
    /// 1-based, the order of `patterns` (ClickHouse's `multiMatchAllIndices` counts from 1).
    index: usize,
    pattern: String,
    /// `code`; `message`; or `description`, a message of a catalog whose messages are the vendor's
    /// descriptions of its codes, which errcode does not search logs for.
    kind: &'static str,
    /// Too plain to tell an error by itself (`UNAVAILABLE`, `超时`, `Bad Gateway`): errcode counts it only
    /// with other evidence.
    generic: bool,
    /// How distinctive it is (its literal characters, one outside ASCII counted twice): of several messages found
    /// in one line, errcode takes the most specific (`HMAC signature cannot be verified, the x-date...`
    /// over `HMAC signature cannot be verified`).
    weight: usize,
    /// The entries it finds, as `catalog/id` (the export's `catalog` and `id`).
    entries: Vec<String>,
}

/// A code as a regex: escaped, and in the log engines' dialects bounded as a word (`\bAPIG\.0303\b`), as
/// errcode finds codes only as whole tokens (not inside `APIG.03031`).
fn code_pattern(code: &str, dialect: Dialect) -> String {
    let escaped = regex::escape(code);
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    if dialect == Dialect::Grep {
        return escaped;
    }
    let start = if word(code.chars().next()) { "\\b" } else { "" };
    let end = if word(code.chars().last()) { "\\b" } else { "" };
    format!("{start}{escaped}{end}")
}

/// Every code and message regex of `matches`' entries, once each in first-seen order (as `catalog
/// patterns` prints them), with the entries each finds and what kind of text it finds.
fn pattern_records(matches: &[Match<'_>], dialect: Dialect) -> Vec<PatternRecord> {
    let mut records: Vec<PatternRecord> = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for m in matches {
        let entry = m.entry;
        let key = format!("{}/{}", m.catalog.id, entry.id);
        let code = (entry.code.as_ref()).and_then(|c| c.literal()).map(|c| {
            (
                code_pattern(&c, dialect),
                "code",
                crate::matcher::generic_code(&c),
                c.len(),
            )
        });
        let message_kind = if m.catalog.messages_are_descriptions {
            "description"
        } else {
            "message"
        };
        let forms = (entry.message_forms().iter()).map(|f| {
            (
                in_dialect(f, dialect),
                message_kind,
                f.is_generic(),
                f.weight(),
            )
        });
        for (pattern, kind, generic, weight) in code.into_iter().chain(forms) {
            // (A control character a cached catalog might hold, written as the regex escape for it.)
            let pattern = super::text::escape_pattern(&pattern).into_owned();
            match seen.get(&pattern) {
                Some(&at) => {
                    if !records[at].entries.contains(&key) {
                        records[at].entries.push(key.clone());
                    }
                }
                None => {
                    seen.insert(pattern.clone(), records.len());
                    records.push(PatternRecord {
                        index: records.len() + 1,
                        pattern,
                        kind,
                        generic,
                        weight,
                        entries: vec![key.clone()],
                    });
                }
            }
        }
    }
    records
}

/// `catalog patterns`: one regex per line.
pub fn patterns_text(matches: &[Match<'_>], dialect: Dialect) -> String {
    let mut text: String = pattern_records(matches, dialect)
        .into_iter()
        .map(|r| r.pattern + "\n")
        .collect();
    if text.is_empty() {
        text.push('\n');
    }
    text
}

/// `catalog patterns --json`: `{"schema_version", "dialect", "patterns": [{"index", "pattern", "kind",
/// "entries"}]}`.
pub fn patterns_json(matches: &[Match<'_>], dialect: Dialect) -> String {
    let name = <Dialect as clap::ValueEnum>::to_possible_value(&dialect)
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    #[derive(Serialize)]
    struct Patterns {
        schema_version: u32,
        dialect: String,
        patterns: Vec<PatternRecord>,
    }
    json_text(
        &Patterns {
            schema_version: EXPORT_SCHEMA_VERSION,
            dialect: name,
            patterns: pattern_records(matches, dialect),
        },
        true,
    )
}

/// A message template's portable regex in `dialect`: the placeholders' groups named after them (the first
/// group of a name only: engines refuse a name twice) in the dialects that extract.
fn in_dialect(template: &Template, dialect: Dialect) -> String {
    let portable = template.portable_pattern();
    let open = match dialect {
        Dialect::Grep => return portable,
        Dialect::Re2 | Dialect::Rust => "(?P<",
        Dialect::Pcre => "(?<",
    };
    let mut names = template.segments().iter().filter_map(|s| match s {
        Segment::Placeholder(name) => Some(name.as_str()),
        Segment::Literal(_) => None,
    });
    let mut used: Vec<&str> = Vec::new();
    let mut out = String::with_capacity(portable.len() + 16);
    // The portable pattern's only unescaped `(` outside a bracket class are the placeholders' groups, in
    // the template's order.
    let (mut escaped, mut in_class) = (false, false);
    for c in portable.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => {
                if let Some(name) = names.next().filter(|n| !used.contains(n)) {
                    used.push(name);
                    out.push_str(open);
                    out.push_str(name);
                    out.push('>');
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Dialect, in_dialect};
    use crate::template::{Context, Template};

    #[test]
    fn placeholders_are_named_once_each_and_literal_parentheses_stay() {
        let template = Template::parse(
            "参数 {argument} (x) 和 {argument} [{other}]",
            Context::Message,
        )
        .unwrap();
        let re2 = in_dialect(&template, Dialect::Re2);
        assert_eq!(re2.matches("(?P<argument>").count(), 1, "{re2}");
        assert!(
            re2.contains("\\(x\\)") && re2.contains("(?P<other>"),
            "{re2}"
        );
        let pcre = in_dialect(&template, Dialect::Pcre);
        assert!(pcre.starts_with("参数\\s+(?<argument>"), "{pcre}");
        assert_eq!(
            in_dialect(&template, Dialect::Grep),
            template.portable_pattern()
        );
        regex::Regex::new(&re2).unwrap();
    }
}
