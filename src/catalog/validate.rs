//! The catalog rules: a TOML file read into raw serde types (with spans), then checked into a `Catalog`
//! whose every error names the file, line and column. The one place that knows what a catalog may say:
//! errcode's loader and `build.rs` (for the built-in catalogs) both call `parse`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use super::model::{Authored, Entry, Hint, Origin, Referral, Source, Text, Vendor};
use super::packed::{Catalog, Header, Keep, MAX_TEXT_LEN, Parts};
use crate::error::{Error, Result};
use crate::template::{self, Context, Template};

/// Parses and validates one catalog's text.
pub fn parse(text: &str, origin: Origin) -> Result<Catalog> {
    let packed = pack(text, &origin)?;
    // Every catalog is read from its packed form: one store, whatever the catalog came from. The bytes live
    // as long as the process, as a loaded catalog does.
    let packed: &'static [u8] = Box::leak(packed.into_boxed_slice());
    let origin = match origin {
        Origin::Builtin(_) => None,
        file => Some(file),
    };
    Ok(
        super::packed::unpack(packed, origin, super::packed::Known::Unknown)
            .expect("a catalog packed here unpacks"),
    )
}

/// Parses and validates one catalog's text, and packs it (see `packed`).
pub(crate) fn pack(text: &str, origin: &Origin) -> Result<Vec<u8>> {
    pack_keeping(text, origin, Keep::Inside).map(|(bytes, _)| bytes)
}

/// Parses, validates and packs one catalog's text, its text pool kept as `keep` says: the packed bytes and
/// the pool.
pub(crate) fn pack_keeping(text: &str, origin: &Origin, keep: Keep) -> Result<(Vec<u8>, String)> {
    let raw: RawCatalog = toml::from_str(text).map_err(|err| {
        let offset = err.span().map_or(0, |span| span.start);
        located(origin, text, offset, &one_line(err.message()))
    })?;
    let c = Validator { text, origin }.catalog(raw)?;
    let file = match origin {
        Origin::Builtin(name) => name,
        Origin::File(_) => "",
    };
    let header = Header::new(
        file,
        &Parts {
            id: &c.id,
            vendor: c.vendor,
            vendor_name: &c.vendor_name,
            product: &c.product,
            sources: &c.sources,
            referrals: &c.referrals,
            hints: &c.hints,
            shared_names: &c.shared_names,
            product_marks: &c.product_marks,
            replaces: c.replaces,
            messages_are_descriptions: c.messages_are_descriptions,
        },
    );
    super::packed::pack(&header, &c.entries, keep)
        .ok_or_else(|| Error::Usage(format!("{}: too many entries", origin.path_for_errors())))
}

/// A catalog as checked, before it is packed.
struct Checked {
    id: String,
    vendor: Vendor,
    vendor_name: Text,
    product: Text,
    sources: Vec<Source>,
    entries: Vec<Entry>,
    referrals: Vec<Referral>,
    hints: Vec<Hint>,
    shared_names: Vec<String>,
    product_marks: Vec<String>,
    replaces: bool,
    messages_are_descriptions: bool,
}

/// Builds an error at `offset` of `text`, with a 1-based line and a 1-based column counted in characters.
pub(crate) fn located(origin: &Origin, text: &str, offset: usize, message: &str) -> Error {
    let offset = offset.min(text.len());
    let offset = (0..=offset)
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let column = before[line_start..].chars().count() + 1;
    Error::Catalog {
        path: origin.path_for_errors(),
        line,
        column,
        message: message.to_string(),
    }
}

/// serde's messages for unknown keys list every expected key; say the closest one instead, on one line.
fn one_line(message: &str) -> String {
    let message = message.trim().replace('\n', " ");
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message;
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message;
    };
    let closest = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|key| (strsim::damerau_levenshtein(field, key), key))
        .min();
    match closest {
        Some((distance, key)) if distance <= 3 => {
            format!("unknown key `{field}`; did you mean `{key}`?")
        }
        _ => {
            let keys: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
            format!(
                "unknown key `{field}`; expected one of: {}",
                keys.join(", ")
            )
        }
    }
}

// ---- Raw serde types: the file as written, with spans for error locations. ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    id: Spanned<String>,
    vendor: Spanned<String>,
    vendor_name: Spanned<RawText>,
    product: Spanned<RawText>,
    #[serde(default)]
    authored: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default, rename = "override")]
    replaces: bool,
    #[serde(default)]
    messages_are_descriptions: bool,
    sources: Spanned<Vec<RawSource>>,
    #[serde(default)]
    entries: Vec<Spanned<RawEntry>>,
    #[serde(default)]
    referrals: Vec<RawReferral>,
    #[serde(default)]
    evidence: Vec<RawHint>,
    #[serde(default)]
    shared_names: Vec<Spanned<String>>,
    #[serde(default)]
    product_marks: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHint {
    text: Spanned<String>,
    #[serde(default)]
    any_case: bool,
    what: Spanned<String>,
    #[serde(default)]
    error_body: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReferral {
    id: Spanned<String>,
    code: Spanned<String>,
    meaning: Spanned<RawText>,
    fix: Spanned<RawText>,
    authored: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    en: Spanned<String>,
    zh: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: Spanned<String>,
    title: Spanned<String>,
    date: Option<String>,
    document: Option<String>,
    url: Option<String>,
    label: Option<Spanned<RawText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    code: Option<Spanned<String>>,
    status: Spanned<i64>,
    message: Spanned<String>,
    #[serde(default)]
    variants: Vec<Spanned<String>>,
    sources: Option<Vec<Spanned<String>>>,
    edition_of: Option<Spanned<String>>,
    #[serde(default)]
    doubtful_message: bool,
    #[serde(default)]
    wrapper: bool,
    #[serde(default)]
    vendor_wide: bool,
    #[serde(default)]
    common_message: bool,
    #[serde(default)]
    log_line: bool,
    meaning: Spanned<RawText>,
    fix: Spanned<RawText>,
    note: Option<Spanned<RawText>>,
    authored: Option<Spanned<Vec<Spanned<String>>>>,
}

struct Validator<'a> {
    text: &'a str,
    origin: &'a Origin,
}

impl Validator<'_> {
    fn error<T>(&self, span: std::ops::Range<usize>, message: impl fmt::Display) -> Result<T> {
        Err(located(
            self.origin,
            self.text,
            span.start,
            &message.to_string(),
        ))
    }

    fn catalog(&self, raw: RawCatalog) -> Result<Checked> {
        let id = self.identifier(&raw.id, "catalog id", false)?;
        let vendor = match Vendor::from_id(raw.vendor.get_ref()) {
            Some(v) => v,
            None => {
                return self.error(
                    raw.vendor.span(),
                    format!(
                        "invalid vendor id `{}`: use [a-z0-9][a-z0-9-]* (at most 64 characters), such as huawei, alibaba, tencent, jdcloud or your own",
                        raw.vendor.get_ref()
                    ),
                );
            }
        };
        let hints = self.hints(&raw.evidence)?;
        let vendor_name = self.text_pair(&raw.vendor_name, "vendor_name")?;
        let product = self.text_pair(&raw.product, "product")?;
        if raw.sources.get_ref().is_empty() {
            return self.error(raw.sources.span(), "`sources` needs at least one source");
        }
        let sources = self.sources(raw.sources.into_inner())?;
        let default_authored = match &raw.authored {
            Some(list) => self.authored(list)?,
            None => Authored::default(),
        };

        let ids: HashMap<&str, usize> = raw
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.get_ref().id.get_ref().as_str(), i))
            .collect();
        let mut seen_ids = HashSet::new();
        let mut seen_rows: HashMap<(Option<String>, i64, String), &str> = HashMap::new();
        let mut entries = Vec::with_capacity(raw.entries.len());
        for raw_entry in &raw.entries {
            let e = raw_entry.get_ref();
            if !seen_ids.insert(e.id.get_ref().as_str()) {
                return self.error(
                    e.id.span(),
                    format!("duplicate entry id `{}`", e.id.get_ref()),
                );
            }
            let row = (
                e.code.as_ref().map(|c| c.get_ref().clone()),
                *e.status.get_ref(),
                e.message.get_ref().clone(),
            );
            if let Some(first) = seen_rows.insert(row, e.id.get_ref()) {
                return self.error(
                    raw_entry.span(),
                    format!(
                        "entry `{}` repeats entry `{first}` (same code, status and message)",
                        e.id.get_ref()
                    ),
                );
            }
            entries.push(self.entry(e, &sources, &ids, default_authored)?);
        }
        let referrals = self.referrals(&raw.referrals, &seen_ids, default_authored)?;
        let product_marks = self.product_marks(&raw.product_marks, &raw.entries)?;
        Ok(Checked {
            id,
            vendor,
            hints,
            vendor_name,
            product,
            sources,
            entries,
            referrals,
            shared_names: self.shared_names(&raw.shared_names)?,
            product_marks,
            replaces: raw.replaces,
            messages_are_descriptions: raw.messages_are_descriptions,
        })
    }

    /// The names other vendors reuse (`shared_names`): each a name as a code is written, one word.
    fn shared_names(&self, raw: &[Spanned<String>]) -> Result<Vec<String>> {
        self.words(raw, 1, |text| {
            format!("shared name `{text}` must be one word, as a code is written")
        })
    }

    /// Each of `raw` one word of at least `least` characters, or the located error `wrong` words.
    fn words(
        &self,
        raw: &[Spanned<String>],
        least: usize,
        wrong: impl Fn(&str) -> String,
    ) -> Result<Vec<String>> {
        let mut words = Vec::with_capacity(raw.len());
        for word in raw {
            let text = word.get_ref();
            if text.chars().count() < least || text.contains(char::is_whitespace) {
                return self.error(word.span(), wrong(text));
            }
            words.push(text.clone());
        }
        Ok(words)
    }

    /// The words that show a paste is about this catalog's product (`product_marks`): each one word, long
    /// enough not to turn up by chance; a `vendor_wide` entry needs some, or it could never be claimed.
    fn product_marks(
        &self,
        raw: &[Spanned<String>],
        entries: &[Spanned<RawEntry>],
    ) -> Result<Vec<String>> {
        let marks = self.words(raw, 4, |text| {
            format!("product mark `{text}` must be one word of at least 4 characters")
        })?;
        if marks.is_empty()
            && let Some(e) = entries.iter().find(|e| e.get_ref().vendor_wide)
        {
            return self.error(
                e.get_ref().id.span(),
                format!(
                    "entry `{}` is vendor_wide, but the catalog has no product_marks to tell its product by",
                    e.get_ref().id.get_ref()
                ),
            );
        }
        Ok(marks)
    }

    /// The catalog's vendor hints (`[[evidence]]`): text long enough not to turn up by chance.
    fn hints(&self, raw: &[RawHint]) -> Result<Vec<Hint>> {
        let mut hints = Vec::new();
        for h in raw {
            let text = self.required(&h.text, "evidence text")?;
            // (A Chinese character says as much as two letters: `腾讯`, a name, is as rare as `qcloud`.)
            let weight: usize = text
                .chars()
                .map(|c| {
                    if ('\u{4e00}'..='\u{9fff}').contains(&c) {
                        2
                    } else {
                        1
                    }
                })
                .sum();
            if weight < 4 {
                return self.error(
                    h.text.span(),
                    "evidence text needs at least 4 characters (2 Chinese), or it would turn up in any paste",
                );
            }
            hints.push(Hint {
                text: text.into(),
                any_case: h.any_case,
                what: self.required(&h.what, "evidence what")?.into(),
                error_body: h.error_body,
            });
        }
        Ok(hints)
    }

    /// The catalog's sources, each id once.
    fn sources(&self, raw: Vec<RawSource>) -> Result<Vec<Source>> {
        let mut sources = Vec::new();
        for source in raw {
            if sources
                .iter()
                .any(|s: &Source| s.id == *source.id.get_ref())
            {
                return self.error(
                    source.id.span(),
                    format!("duplicate source id `{}`", source.id.get_ref()),
                );
            }
            sources.push(Source {
                id: self.identifier(&source.id, "source id", false)?.into(),
                title: self.required(&source.title, "title")?.into(),
                date: source.date.map(Cow::Owned),
                document: source.document.map(Cow::Owned),
                url: source.url.map(Cow::Owned),
                label: source
                    .label
                    .as_ref()
                    .map(|l| self.text_pair(l, "label"))
                    .transpose()?,
            });
        }
        Ok(sources)
    }

    /// The catalog's referrals: ids unique among them and the entries (`entry_ids`).
    fn referrals(
        &self,
        raw: &[RawReferral],
        entry_ids: &HashSet<&str>,
        default_authored: Authored,
    ) -> Result<Vec<Referral>> {
        let mut referrals: Vec<Referral> = Vec::new();
        for r in raw {
            if referrals.iter().any(|x| x.id == *r.id.get_ref())
                || entry_ids.contains(r.id.get_ref().as_str())
            {
                return self.error(r.id.span(), format!("duplicate id `{}`", r.id.get_ref()));
            }
            let code = self.template(&r.code, Context::Code, "code")?;
            if !code.has_placeholders() {
                return self.error(r.code.span(), "a referral's code needs a placeholder (`APIGW.{number}`); list a single code as an entry");
            }
            let fillable: HashSet<String> = template::validate(code.source())
                .unwrap_or_default()
                .into_iter()
                .collect();
            referrals.push(Referral {
                id: self.identifier(&r.id, "referral id", true)?.into(),
                meaning: self.explanation(&r.meaning, "meaning", &fillable)?,
                fix: self.explanation(&r.fix, "fix", &fillable)?,
                code,
                authored: match &r.authored {
                    Some(list) => self.authored(list)?,
                    None => default_authored,
                },
            });
        }
        Ok(referrals)
    }

    fn entry(
        &self,
        e: &RawEntry,
        sources: &[Source],
        ids: &HashMap<&str, usize>,
        default_authored: Authored,
    ) -> Result<Entry> {
        let id = Cow::Owned(self.identifier(&e.id, "entry id", true)?);
        let status = match u16::try_from(*e.status.get_ref()) {
            Ok(s) if (100..=599).contains(&s) => s,
            _ => {
                return self.error(
                    e.status.span(),
                    format!(
                        "status {} is not an HTTP status (100 to 599)",
                        e.status.get_ref()
                    ),
                );
            }
        };
        let code = e
            .code
            .as_ref()
            .map(|c| self.template(c, Context::Code, "code"))
            .transpose()?;
        if let (Some(template), Some(raw)) = (&code, &e.code)
            && template.source().chars().any(char::is_whitespace)
        {
            return self.error(raw.span(), "a code cannot contain white space");
        }
        let message = self.template(&e.message, Context::Message, "message")?;
        let variants = e
            .variants
            .iter()
            .map(|v| self.template(v, Context::Message, "variant"))
            .collect::<Result<Vec<_>>>()?;

        // Placeholders in explanations must be ones a match can fill, or they would always show as `{name}`.
        let mut fillable: HashSet<String> = HashSet::new();
        for t in code.iter().chain([&message]).chain(&variants) {
            fillable.extend(template::validate(t.source()).unwrap_or_default());
        }
        let meaning = self.explanation(&e.meaning, "meaning", &fillable)?;
        let fix = self.explanation(&e.fix, "fix", &fillable)?;
        let note = e
            .note
            .as_ref()
            .map(|n| self.explanation(n, "note", &fillable))
            .transpose()?;

        let entry_sources = self.entry_sources(e, sources)?;
        let edition_of = self.edition_of(e, ids)?;
        let authored = match &e.authored {
            Some(list) => self.authored(list)?,
            None => default_authored,
        };
        Ok(Entry {
            index: ids[e.id.get_ref().as_str()],
            id,
            code,
            status,
            message,
            variants,
            sources: entry_sources,
            edition_of,
            doubtful_message: e.doubtful_message,
            wrapper: e.wrapper,
            vendor_wide: e.vendor_wide,
            common_message: e.common_message,
            log_line: e.log_line,
            meaning,
            fix,
            note,
            authored,
        })
    }

    /// Which of the catalog's `sources` an entry names (default: the first).
    fn entry_sources(&self, e: &RawEntry, sources: &[Source]) -> Result<Vec<usize>> {
        match &e.sources {
            None => Ok(vec![0]),
            Some(list) if list.is_empty() => self.error(
                e.id.span(),
                "`sources` is empty; omit it to mean the first source",
            ),
            Some(list) => list
                .iter()
                .map(
                    |s| match sources.iter().position(|src| src.id == *s.get_ref()) {
                        Some(at) => Ok(at),
                        None => self.error(
                            s.span(),
                            format!(
                                "unknown source `{}`; this catalog's sources are: {}",
                                s.get_ref(),
                                sources
                                    .iter()
                                    .map(|s| &*s.id)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        ),
                    },
                )
                .collect::<Result<Vec<_>>>(),
        }
    }

    /// The newer entry an older edition's row stands for.
    fn edition_of(&self, e: &RawEntry, ids: &HashMap<&str, usize>) -> Result<Option<usize>> {
        Ok(match &e.edition_of {
            None => None,
            Some(target) => match ids.get(target.get_ref().as_str()) {
                Some(&at) if target.get_ref() != e.id.get_ref() => Some(at),
                Some(_) => {
                    return self.error(target.span(), "an entry cannot be an edition of itself");
                }
                None => {
                    return self.error(
                        target.span(),
                        format!(
                            "`edition_of` names `{}`, which is not an entry of this catalog",
                            target.get_ref()
                        ),
                    );
                }
            },
        })
    }

    fn identifier(&self, value: &Spanned<String>, what: &str, allow_dots: bool) -> Result<String> {
        let id = value.get_ref();
        let mut chars = id.chars();
        let valid = matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
            && chars.all(|c| {
                c.is_ascii_lowercase()
                    || c.is_ascii_digit()
                    || c == '-'
                    || (allow_dots && (c == '.' || c == '_'))
            });
        if !valid {
            let allowed = if allow_dots {
                "[a-z0-9][a-z0-9._-]*"
            } else {
                "[a-z0-9][a-z0-9-]*"
            };
            return self.error(
                value.span(),
                format!("invalid {what} `{id}`: use {allowed}"),
            );
        }
        Ok(id.clone())
    }

    fn required(&self, value: &Spanned<String>, field: &str) -> Result<String> {
        let text = value.get_ref();
        if text.trim().is_empty() {
            return self.error(value.span(), format!("`{field}` is empty"));
        }
        if text.len() > MAX_TEXT_LEN {
            return self.error(
                value.span(),
                format!(
                    "`{field}` is {} bytes long; the limit is {MAX_TEXT_LEN}",
                    text.len()
                ),
            );
        }
        Ok(text.clone())
    }

    fn text_pair(&self, value: &Spanned<RawText>, field: &str) -> Result<Text> {
        let raw = value.get_ref();
        Ok(Text {
            en: Cow::Owned(self.required(&raw.en, &format!("{field}.en"))?),
            zh: Cow::Owned(self.required(&raw.zh, &format!("{field}.zh"))?),
        })
    }

    fn template(&self, value: &Spanned<String>, context: Context, field: &str) -> Result<Template> {
        let text = self.required(value, field)?;
        // A code or message is what errcode looks for in text and prints as a regex (`catalog patterns`):
        // a control or invisible character there is a mistake, and could reach a terminal raw through a
        // pattern. (Other texts may hold them: they are shown escaped.)
        if let Some(c) = (text.chars()).find(|&c| template::needs_escape(c) && !c.is_whitespace()) {
            // At the character where the TOML holds it as it is, else at the string (it is escaped there).
            let span = value.span();
            let at = (self.text.get(span.clone())).map_or(0, |raw| raw.find(c).unwrap_or(0));
            return self.error(
                span.start + at..span.end,
                format!(
                    "{field}: U+{:04X} is a control or invisible character, which a code or message may not hold",
                    c as u32
                ),
            );
        }
        Template::parse(&text, context).or_else(|err| {
            // Point at the character inside the string: the span starts at the opening quote.
            self.error(
                value.span().start + 1 + err.offset..value.span().end,
                format!("{field}: {}", err.message),
            )
        })
    }

    fn explanation(
        &self,
        value: &Spanned<RawText>,
        field: &str,
        fillable: &HashSet<String>,
    ) -> Result<Text> {
        let text = self.text_pair(value, field)?;
        let raw = value.get_ref();
        for (lang, raw_text, checked) in [("en", &raw.en, &text.en), ("zh", &raw.zh, &text.zh)] {
            let names = template::validate(checked).or_else(|err| {
                self.error(
                    raw_text.span().start + 1 + err.offset..raw_text.span().end,
                    format!("{field}.{lang}: {}", err.message),
                )
            })?;
            if let Some(name) = names.iter().find(|n| !fillable.contains(*n)) {
                return self.error(
                    raw_text.span(),
                    format!(
                        "{field}.{lang}: placeholder `{{{name}}}` is not in the entry's code or message (write `{{{{` for a literal brace)"
                    ),
                );
            }
        }
        Ok(text)
    }

    fn authored(&self, list: &Spanned<Vec<Spanned<String>>>) -> Result<Authored> {
        let mut authored = Authored::default();
        for field in list.get_ref() {
            if !authored.set(field.get_ref()) {
                return self.error(
                    field.span(),
                    format!(
                        "unknown field name `{}` in `authored`; expected: {}",
                        field.get_ref(),
                        Authored::FIELDS.join(", ")
                    ),
                );
            }
        }
        Ok(authored)
    }
}

#[cfg(test)]
#[path = "validate/tests.rs"]
pub(crate) mod tests;
