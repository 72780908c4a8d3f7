//! The one form a checked catalog is kept in, and `Catalog`, the catalog as loaded from it. `build.rs`
//! packs the built-in catalogs into the binary, the cache packs users' large catalogs into files, and a
//! catalog just read from its TOML is packed too: every catalog errcode answers from is one `Catalog` over
//! packed bytes, whose entries are decoded one by one as lookups ask for them (a code lookup decodes the
//! few with that code, not all of them).
//!
//! The bytes are postcard: a `Packed` (header, indexes, and each entry as a record of its own). Only the
//! build's bytes are trusted. Any other (a user's catalog as just packed, a cache file, which may have been
//! damaged or crafted behind a valid checksum) is checked whole when it is unpacked (`Store::verify`):
//! every record decodes and agrees with the catalog, every index says what the records say, and
//! every text stands where packing puts it; bytes that fail any check are refused as a whole, so that the
//! cache falls back to the catalog's TOML rather than answering from part of a catalog.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::model::{Authored, Entry, Hint, Origin, Referral, Source, Text, Vendor};
use crate::template::{Context, Template};

/// Everything of a catalog but its entries.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Header<'a> {
    /// The file name under `catalogs/` (built-in catalogs); empty for users' catalogs.
    pub file: &'a str,
    pub id: &'a str,
    pub vendor: &'a str,
    pub vendor_name: (&'a str, &'a str),
    pub product: (&'a str, &'a str),
    #[serde(borrow)]
    pub sources: Vec<SourceRecord<'a>>,
    #[serde(borrow)]
    pub referrals: Vec<ReferralRecord<'a>>,
    /// `(text, any case, what)` of each vendor hint.
    #[serde(borrow)]
    pub hints: Vec<(&'a str, bool, &'a str)>,
    pub replaces: bool,
    pub messages_are_descriptions: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct SourceRecord<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub date: Option<&'a str>,
    pub document: Option<&'a str>,
    pub url: Option<&'a str>,
    pub label: Option<(&'a str, &'a str)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ReferralRecord<'a> {
    pub id: &'a str,
    pub code: &'a str,
    pub meaning: (&'a str, &'a str),
    pub fix: (&'a str, &'a str),
    pub authored: [bool; 4],
}

/// Where a text stands in its catalog's pool: start and end, in bytes.
type Span = (u32, u32);

/// One entry, its texts as spans of the catalog's text pool. Its first fields are what a message lookup
/// reads of every entry (`MessageForms`). Written by serde (postcard), read by `read_into`: a field added
/// here must be read there too (the test's record literal names every field, so it fails to build until
/// the test, and so `read_into`, is looked at).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct EntryRecord {
    id: Span,
    code: Option<Span>,
    status: u16,
    message: Span,
    variants: Vec<Span>,
    sources: Vec<u32>,
    edition_of: Option<u32>,
    doubtful_message: bool,
    wrapper: bool,
    meaning: (Span, Span),
    fix: (Span, Span),
    note: Option<(Span, Span)>,
    authored: [bool; 4],
}

/// Postcard's encoding read by hand: varints (at most 5 bytes for a u32, 3 for a u16), a byte per bool and
/// per option tag, a varint length before a list.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    #[inline]
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    /// A varint of at most `bits` bits.
    #[inline]
    fn varint(&mut self, bits: u32) -> Option<u32> {
        let mut value: u32 = 0;
        for shift in (0..bits).step_by(7) {
            let b = self.byte()?;
            if bits - shift < 7 && u32::from(b) >> (bits - shift) != 0 {
                return None;
            }
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    #[inline]
    fn u32(&mut self) -> Option<u32> {
        self.varint(32)
    }

    #[inline]
    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    #[inline]
    fn span(&mut self) -> Option<Span> {
        Some((self.u32()?, self.u32()?))
    }

    #[inline]
    fn pair(&mut self) -> Option<(Span, Span)> {
        Some((self.span()?, self.span()?))
    }

    #[inline]
    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => read(self).map(Some),
            _ => None,
        }
    }

    fn list<T>(&mut self, into: &mut Vec<T>, read: impl Fn(&mut Self) -> Option<T>) -> Option<()> {
        into.clear();
        for _ in 0..self.u32()? {
            into.push(read(self)?);
        }
        Some(())
    }
}

impl EntryRecord {
    /// Reads a record, to its last byte, into `self` (reusing its lists: checking a cache file reads
    /// every record). Postcard writes a struct as its fields in order, and `read_into` reads them so,
    /// without serde, which took most of the time of checking a large cache file
    /// (`records_are_read_as_postcard_writes_them` keeps the two in step).
    fn read_into(&mut self, bytes: &[u8]) -> Option<()> {
        let mut r = Reader(bytes);
        self.id = r.span()?;
        self.code = r.option(Reader::span)?;
        self.status = u16::try_from(r.varint(16)?).ok()?;
        self.message = r.span()?;
        r.list(&mut self.variants, Reader::span)?;
        r.list(&mut self.sources, Reader::u32)?;
        self.edition_of = r.option(Reader::u32)?;
        self.doubtful_message = r.bool()?;
        self.wrapper = r.bool()?;
        self.meaning = r.pair()?;
        self.fix = r.pair()?;
        self.note = r.option(Reader::pair)?;
        for flag in &mut self.authored {
            *flag = r.bool()?;
        }
        r.0.is_empty().then_some(())
    }
}

/// The first fields of an `EntryRecord`, up to its message forms (postcard encodes a struct as its fields
/// in order, so these decode from the record's start).
#[derive(Deserialize)]
struct MessageForms {
    _id: Span,
    _code: Option<Span>,
    _status: u16,
    message: Span,
    variants: Vec<Span>,
}

/// A packed catalog. Entry texts are kept once each in one pool (a note repeated on 200 rows is stored
/// once), which is checked as UTF-8 once, when an entry is first read; codes and ids are compared as bytes
/// without it, so a code lookup checks only the pools of the catalogs whose entries it shows. The indexes
/// are tables of little-endian numbers read in place: a process that looks up one code decodes nothing
/// of a catalog but its header.
#[derive(Serialize, Deserialize)]
struct Packed<'a> {
    #[serde(borrow)]
    header: Header<'a>,
    #[serde(borrow, with = "serde_bytes")]
    pool: &'a [u8],
    /// `(code start, code end, entry)` as u32s, for every entry with a literal code, sorted by the code
    /// (its span of the pool, in ASCII lower case).
    #[serde(borrow, with = "serde_bytes")]
    codes: &'a [u8],
    /// The entries whose code is a template.
    code_templates: Vec<u32>,
    /// `(older, newer)` for every entry that is an older edition of another.
    editions: Vec<(u32, u32)>,
    /// Every entry's status, as a u16.
    #[serde(borrow, with = "serde_bytes")]
    statuses: &'a [u8],
    /// Where each entry's record starts in `records`, as u32s, and where the last ends.
    #[serde(borrow, with = "serde_bytes")]
    offsets: &'a [u8],
    /// Each entry's `EntryRecord`, one after another.
    #[serde(borrow, with = "serde_bytes")]
    records: &'a [u8],
}

/// Number `i` of a table of little-endian u32s (0 past its end, which `unpack`'s checks rule out).
fn u32_at(table: &[u8], i: usize) -> u32 {
    let at = i * 4;
    match table.get(at..at + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}

/// Longest code or message (a template) a catalog may hold, and longest text `validate` allows anywhere:
/// real vendor texts are a few hundred characters, and the bound keeps a catalog's regexes and automata
/// small. Packed bytes from outside are held to it too (`Store::verify`).
pub(crate) const MAX_TEXT_LEN: usize = 8 * 1024;

/// Whether `text` may be a referral's code template: within the length limit, and valid template syntax.
fn sound_template(text: &str) -> bool {
    text.len() <= MAX_TEXT_LEN
        && (!crate::template::has_braces(text) || crate::template::validate(text).is_ok())
}

#[derive(Debug, Clone)]
pub struct Catalog {
    pub id: String,
    pub vendor: Vendor,
    pub vendor_name: Text,
    pub product: Text,
    pub sources: Vec<Source>,
    pub entries: Entries,
    pub referrals: Vec<Referral>,
    /// What marks this catalog's vendor in a paste.
    pub hints: Vec<Hint>,
    pub origin: Origin,
    /// Where the catalog this one replaced (with `override = true`) came from.
    pub overrides: Option<Origin>,
    /// The messages are the vendor's descriptions of its codes, not what responses carry: not searched for
    /// in pastes and logs.
    pub messages_are_descriptions: bool,
    pub(crate) replaces: bool,
    /// The packed form this catalog is read from (for the cache to write as it is).
    pub(crate) packed: &'static [u8],
}

impl Catalog {
    /// Everything the catalog says, as one comparable text: for the test that the built-in data says
    /// exactly what its TOML does.
    #[doc(hidden)]
    pub fn canonical(&self) -> String {
        let mut text = format!("{:#?}\n", Header::of(self, ""));
        for e in self.entries.iter() {
            let forms: Vec<&str> = e.variants.iter().map(Template::source).collect();
            text += &format!(
                "{} {:?} {} {:?} {forms:?} {:?} {:?} {} {} {:?} {:?} {:?} {:?}\n",
                e.id,
                e.code.as_ref().map(Template::source),
                e.status,
                e.message.source(),
                e.sources,
                e.edition_of,
                e.doubtful_message,
                e.wrapper,
                e.meaning,
                e.fix,
                e.note,
                e.authored,
            );
        }
        text
    }

    /// The packed bytes of this catalog.
    pub(crate) fn packed(&self) -> &'static [u8] {
        self.packed
    }
}

fn pair(text: &Text) -> (&str, &str) {
    (&text.en, &text.zh)
}

fn text((en, zh): (&'static str, &'static str)) -> Text {
    Text {
        en: Cow::Borrowed(en),
        zh: Cow::Borrowed(zh),
    }
}

/// Everything of a checked catalog but its entries, as `validate` and `Catalog` hold it.
pub(crate) struct Parts<'a> {
    pub id: &'a str,
    pub vendor: Vendor,
    pub vendor_name: &'a Text,
    pub product: &'a Text,
    pub sources: &'a [Source],
    pub referrals: &'a [Referral],
    pub hints: &'a [Hint],
    pub replaces: bool,
    pub messages_are_descriptions: bool,
}

impl<'a> Header<'a> {
    /// The header of a catalog, to pack it (`file`: its name under `catalogs/`, built-in ones only).
    pub(crate) fn of(c: &'a Catalog, file: &'a str) -> Header<'a> {
        Header::new(
            file,
            &Parts {
                id: &c.id,
                vendor: c.vendor,
                vendor_name: &c.vendor_name,
                product: &c.product,
                sources: &c.sources,
                referrals: &c.referrals,
                hints: &c.hints,
                replaces: c.replaces,
                messages_are_descriptions: c.messages_are_descriptions,
            },
        )
    }

    pub(crate) fn new(file: &'a str, c: &Parts<'a>) -> Header<'a> {
        Header {
            file,
            id: c.id,
            vendor: c.vendor.id(),
            vendor_name: pair(c.vendor_name),
            product: pair(c.product),
            sources: (c.sources.iter())
                .map(|s| SourceRecord {
                    id: &s.id,
                    title: &s.title,
                    date: s.date.as_deref(),
                    document: s.document.as_deref(),
                    url: s.url.as_deref(),
                    label: s.label.as_ref().map(pair),
                })
                .collect(),
            referrals: (c.referrals.iter())
                .map(|r| ReferralRecord {
                    id: &r.id,
                    code: r.code.source(),
                    meaning: pair(&r.meaning),
                    fix: pair(&r.fix),
                    authored: r.authored.flags(),
                })
                .collect(),
            hints: (c.hints.iter())
                .map(|h| (h.text.as_str(), h.any_case, h.what.as_str()))
                .collect(),
            replaces: c.replaces,
            messages_are_descriptions: c.messages_are_descriptions,
        }
    }
}

/// The text pool a catalog's entries are packed with: each distinct text once.
#[derive(Default)]
struct Pool {
    text: String,
    spans: HashMap<String, Span>,
}

impl Pool {
    fn add(&mut self, text: &str) -> Option<Span> {
        if let Some(&span) = self.spans.get(text) {
            return Some(span);
        }
        let start = u32::try_from(self.text.len()).ok()?;
        self.text.push_str(text);
        let span = (start, u32::try_from(self.text.len()).ok()?);
        self.spans.insert(text.to_string(), span);
        Some(span)
    }

    fn pair(&mut self, text: &Text) -> Option<(Span, Span)> {
        Some((self.add(&text.en)?, self.add(&text.zh)?))
    }

    fn record(&mut self, e: &Entry) -> Option<EntryRecord> {
        Some(EntryRecord {
            id: self.add(&e.id)?,
            code: match &e.code {
                Some(code) => Some(self.add(code.source())?),
                None => None,
            },
            status: e.status,
            message: self.add(e.message.source())?,
            variants: (e.variants.iter())
                .map(|v| self.add(v.source()))
                .collect::<Option<_>>()?,
            sources: (e.sources.iter())
                .map(|&s| u32::try_from(s).ok())
                .collect::<Option<_>>()?,
            edition_of: match e.edition_of {
                Some(newer) => Some(u32::try_from(newer).ok()?),
                None => None,
            },
            doubtful_message: e.doubtful_message,
            wrapper: e.wrapper,
            meaning: self.pair(&e.meaning)?,
            fix: self.pair(&e.fix)?,
            note: match &e.note {
                Some(note) => Some(self.pair(note)?),
                None => None,
            },
            authored: e.authored.flags(),
        })
    }
}

/// Where a packed catalog's text pool is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// In the packed bytes (users' catalogs, the cache).
    Inside,
    /// Beside them (the built-in catalogs: only `build.rs` packs them).
    #[allow(dead_code)]
    Apart,
}

/// Packs a checked catalog: its header and its entries. `None` only if a size does not fit in 32 bits.
/// With `Keep::Apart`, the pool is left out of the bytes and returned beside them: the built-in catalogs'
/// pools are compiled into the binary as text, which the compiler has checked.
pub(crate) fn pack(
    header: &Header<'_>,
    entries: &[Entry],
    keep: Keep,
) -> Option<(Vec<u8>, String)> {
    let mut pool = Pool::default();
    let mut records = Vec::new();
    let mut offsets = Vec::new();
    for e in entries {
        offsets.extend(u32::try_from(records.len()).ok()?.to_le_bytes());
        records.extend(postcard::to_allocvec(&pool.record(e)?).ok()?);
    }
    offsets.extend(u32::try_from(records.len()).ok()?.to_le_bytes());
    let mut codes = Vec::new();
    let mut code_templates = Vec::new();
    let mut editions = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let index = u32::try_from(index).ok()?;
        if let Some(code) = &entry.code {
            match code.literal_str() {
                Some(literal) => {
                    let lower = literal.to_ascii_lowercase();
                    codes.push((lower.clone(), pool.add(&lower)?, index));
                }
                None => code_templates.push(index),
            }
        }
        if let Some(newer) = entry.edition_of {
            editions.push((index, u32::try_from(newer).ok()?));
        }
    }
    codes.sort_unstable();
    let code_table: Vec<u8> = (codes.iter())
        .flat_map(|&(_, (start, end), index)| [start, end, index])
        .flat_map(u32::to_le_bytes)
        .collect();
    let statuses: Vec<u8> = entries
        .iter()
        .flat_map(|e| e.status.to_le_bytes())
        .collect();
    postcard::to_allocvec(&Packed {
        header: header.clone(),
        pool: match keep {
            Keep::Inside => pool.text.as_bytes(),
            Keep::Apart => &[],
        },
        codes: &code_table,
        code_templates,
        editions,
        statuses: &statuses,
        offsets: &offsets,
        records: &records,
    })
    .ok()
    .map(|bytes| (bytes, pool.text))
}

/// The catalog packed in `bytes`, or `None` where they do not decode or do not hold together.
/// `origin`: where it was loaded from, if not built in (a built-in one is named by its file).
/// `builtin`: the text pool of a built-in catalog, packed with `Keep::Apart`; its tables are the build's,
/// and are not checked again. Any other bytes are checked whole (`Store::verify`).
pub(crate) fn unpack(
    bytes: &'static [u8],
    origin: Option<Origin>,
    builtin: Option<&'static str>,
) -> Option<Catalog> {
    let (packed, rest) = postcard::take_from_bytes::<Packed<'static>>(bytes).ok()?;
    let trusted = builtin.is_some();
    if !trusted && !rest.is_empty() {
        return None;
    }
    let count = packed.statuses.len() / 2;
    let in_range = |i: u32| (i as usize) < count;
    let header = &packed.header;
    let sources = header.sources.len();
    // Every table is checked here, once, so that reading one later needs no more than its bounds.
    let pool: &'static [u8] = builtin.map_or(packed.pool, str::as_bytes);
    let offsets_sound = packed.offsets.len() == (count + 1) * 4
        && (trusted
            || (0..count).all(|i| u32_at(packed.offsets, i) <= u32_at(packed.offsets, i + 1))
                && u32_at(packed.offsets, count) as usize == packed.records.len());
    let pool_len = pool.len();
    let codes_sound = packed.codes.len().is_multiple_of(12)
        && (trusted
            || (0..packed.codes.len() / 12).all(|i| {
                let (start, end) = (u32_at(packed.codes, 3 * i), u32_at(packed.codes, 3 * i + 1));
                start <= end
                    && end as usize <= pool_len
                    && in_range(u32_at(packed.codes, 3 * i + 2))
            }));
    let referrals_sound = trusted || header.referrals.iter().all(|r| sound_template(r.code));
    if !packed.statuses.len().is_multiple_of(2)
        || !offsets_sound
        || !codes_sound
        || !referrals_sound
        || !packed.code_templates.iter().copied().all(in_range)
        || !(packed.editions.iter()).all(|&(a, b)| in_range(a) && in_range(b))
        || sources == 0
        || u32::try_from(count).is_err()
    {
        return None;
    }
    let vendor = Vendor::from_id(header.vendor)?;
    let store = Store {
        sources,
        pool,
        checked_pool: match builtin {
            Some(text) => OnceLock::from(Some(text)),
            None => OnceLock::new(),
        },
        codes: packed.codes,
        code_templates: packed.code_templates,
        editions: packed.editions,
        statuses: packed.statuses,
        decoded: (0..count).map(|_| OnceLock::new()).collect(),
        offsets: packed.offsets,
        records: packed.records,
    };
    if !trusted && !store.verify() {
        return None;
    }
    Some(Catalog {
        id: header.id.to_string(),
        vendor,
        vendor_name: text(header.vendor_name),
        product: text(header.product),
        sources: (header.sources.iter())
            .map(|s| Source {
                id: s.id.to_string(),
                title: s.title.to_string(),
                date: s.date.map(str::to_string),
                document: s.document.map(str::to_string),
                url: s.url.map(str::to_string),
                label: s.label.map(text),
            })
            .collect(),
        referrals: (header.referrals.iter())
            .map(|r| Referral {
                id: r.id.to_string(),
                code: Template::trusted(r.code, Context::Code),
                meaning: text(r.meaning),
                fix: text(r.fix),
                authored: Authored::from_flags(r.authored),
            })
            .collect(),
        hints: (header.hints.iter())
            .map(|&(text, any_case, what)| Hint {
                text: text.to_string(),
                any_case,
                what: what.to_string(),
            })
            .collect(),
        origin: origin.unwrap_or(Origin::Builtin(header.file)),
        overrides: None,
        replaces: header.replaces,
        messages_are_descriptions: header.messages_are_descriptions,
        packed: bytes,
        entries: Entries(Arc::new(store)),
    })
}

/// Where `pack` puts a catalog's texts in its pool: one after another, each once, in the order the
/// records first use them (then the lower-case codes of the code table). Checked as a catalog from outside
/// is verified, so that no span can point anywhere else.
struct Layout<'t> {
    text: &'t str,
    /// Where each text laid out so far ends (the first starts at 0, each other where the one before ends).
    ends: Vec<u32>,
    /// Where the last one ends.
    end: u32,
}

impl<'t> Layout<'t> {
    /// The text at `span`: the next one, used for the first time, or one laid out before.
    #[inline]
    fn text(&mut self, span: Span) -> Option<&'t str> {
        let (start, end) = span;
        if start == self.end && end > start {
            let found = self.text.get(start as usize..end as usize)?;
            self.ends.push(end);
            self.end = end;
            return Some(found);
        }
        self.holds(span)
            .then(|| self.text.get(start as usize..end as usize))
            .flatten()
    }

    /// Whether `span` is exactly one of the texts laid out so far.
    fn holds(&self, (start, end): Span) -> bool {
        let k = self.ends.partition_point(|&e| e <= start);
        let begins = if k == 0 { 0 } else { self.ends[k - 1] };
        begins == start && self.ends.get(k) == Some(&end)
    }
}

/// A catalog's entries: packed records, each decoded when first asked for.
#[derive(Clone)]
pub struct Entries(Arc<Store>);

struct Store {
    /// How many sources the catalog has: an entry's source indexes are checked against it.
    sources: usize,
    pool: &'static [u8],
    /// The pool as text, once checked (`None`: it is not UTF-8).
    checked_pool: OnceLock<Option<&'static str>>,
    /// As `Packed`'s tables, checked by `unpack`.
    codes: &'static [u8],
    code_templates: Vec<u32>,
    editions: Vec<(u32, u32)>,
    statuses: &'static [u8],
    offsets: &'static [u8],
    records: &'static [u8],
    /// Boxed: an `Entry` is some 400 bytes, and slots for every entry, touched at start-up, would cost
    /// page faults for rows a lookup never reads. `None`: the record is damaged.
    decoded: Box<[OnceLock<Option<Box<Entry>>>]>,
}

impl Store {
    /// The pool as text (checked by simdutf8 the first time).
    fn text(&self) -> Option<&'static str> {
        *(self.checked_pool).get_or_init(|| simdutf8::basic::from_utf8(self.pool).ok())
    }

    fn str(&self, (start, end): Span) -> Option<&'static str> {
        self.text()?.get(start as usize..end as usize)
    }

    fn bytes(&self, (start, end): Span) -> Option<&'static [u8]> {
        self.pool.get(start as usize..end as usize)
    }

    fn len(&self) -> usize {
        self.statuses.len() / 2
    }

    fn status(&self, index: usize) -> u16 {
        u16::from_le_bytes([self.statuses[2 * index], self.statuses[2 * index + 1]])
    }

    /// Entry `index`'s record.
    fn record(&self, index: usize) -> &'static [u8] {
        &self.records
            [u32_at(self.offsets, index) as usize..u32_at(self.offsets, index + 1) as usize]
    }

    /// Code `i` of the code table, and its entry.
    fn code(&self, i: usize) -> (&'static [u8], usize) {
        let span = (u32_at(self.codes, 3 * i), u32_at(self.codes, 3 * i + 1));
        let index = u32_at(self.codes, 3 * i + 2) as usize;
        (self.bytes(span).unwrap_or_default(), index)
    }

    fn pair(&self, (en, zh): (Span, Span)) -> Option<Text> {
        Some(text((self.str(en)?, self.str(zh)?)))
    }

    /// Entry `index`'s record, if it decodes (to its last byte) and agrees with the catalog: it names
    /// sources the catalog has (one at least), its older-edition link points at another entry, and its
    /// status is the status table's, an HTTP status.
    fn decode(&self, index: usize) -> Option<EntryRecord> {
        let mut record = EntryRecord::default();
        self.decode_into(index, &mut record).then_some(record)
    }

    /// As `decode`, into `record`; false where the record is damaged.
    fn decode_into(&self, index: usize, record: &mut EntryRecord) -> bool {
        record.read_into(self.record(index)).is_some()
            && !record.sources.is_empty()
            && record.sources.iter().all(|&s| (s as usize) < self.sources)
            && (record.edition_of).is_none_or(|i| (i as usize) < self.len() && i as usize != index)
            && record.status == self.status(index)
            && (100..=599).contains(&record.status)
    }

    /// Checks packed bytes from outside the build as a whole, so that a catalog unpacked from them answers
    /// as the TOML they were packed from, or is not unpacked at all: the pool is UTF-8; every record
    /// decodes (`decode`), its code and messages within the length limit; every text stands where `pack` puts it
    /// (`Layout`); and the code, code-template and edition tables list exactly what the records say. Any
    /// record, index or span changed behind a valid checksum fails one of these; what no check can tell
    /// from a catalog that says so is a text changed in place or a flag flipped.
    fn verify(&self) -> bool {
        self.verify_records().is_some()
    }

    fn verify_records(&self) -> Option<()> {
        let mut layout = Layout {
            text: self.text()?,
            ends: Vec::new(),
            end: 0,
        };
        // Each entry's literal code; the entries whose code is a template; editions.
        let mut literal_codes: Vec<Option<Cow<'static, str>>> = vec![None; self.len()];
        let mut literal_count = 0;
        let mut code_templates = Vec::new();
        let mut editions = Vec::new();
        let mut r = EntryRecord::default();
        for (index, literal_code) in literal_codes.iter_mut().enumerate() {
            if !self.decode_into(index, &mut r) {
                return None;
            }
            // In the order `Pool::record` adds them.
            layout.text(r.id)?;
            let code = match r.code {
                Some(span) => Some(layout.text(span)?),
                None => None,
            };
            // (Their template syntax is not checked: `Template::trusted` reads a template that does not
            // parse as literal text. Their length is: it bounds the regexes and automata built of them.)
            let short = |text: &str| text.len() <= MAX_TEXT_LEN;
            if !short(layout.text(r.message)?) || !code.is_none_or(short) {
                return None;
            }
            for &variant in &r.variants {
                if !short(layout.text(variant)?) {
                    return None;
                }
            }
            let explanations = [r.meaning, r.fix].into_iter().chain(r.note);
            for (en, zh) in explanations {
                layout.text(en)?;
                layout.text(zh)?;
            }
            if let Some(code) = code {
                let literal = if !crate::template::has_braces(code) {
                    Some(Cow::Borrowed(code))
                } else {
                    Template::trusted(code, Context::Code)
                        .literal()
                        .map(Cow::Owned)
                };
                match literal {
                    Some(_) => literal_count += 1,
                    None => code_templates.push(u32::try_from(index).ok()?),
                }
                *literal_code = literal;
            }
            if let Some(newer) = r.edition_of {
                editions.push((u32::try_from(index).ok()?, newer));
            }
        }
        if code_templates != self.code_templates || editions != self.editions {
            return None;
        }
        // The code table: each entry with a literal code once, by its code in lower case, sorted.
        let records_end = layout.end;
        let rows = self.codes.len() / 12;
        if rows != literal_count {
            return None;
        }
        let mut added = Vec::new();
        let mut previous: Option<(&[u8], usize)> = None;
        for i in 0..rows {
            let row = self.code(i);
            if previous.is_some_and(|p| p >= row) {
                return None;
            }
            previous = Some(row);
            let (lower, entry) = row;
            let code = literal_codes.get(entry)?.as_deref()?.as_bytes();
            let lowered = code.iter().map(u8::to_ascii_lowercase);
            if lower.len() != code.len() || !lower.iter().copied().eq(lowered) {
                return None;
            }
            let span = (u32_at(self.codes, 3 * i), u32_at(self.codes, 3 * i + 1));
            if span.0 >= records_end {
                added.push(span);
            } else if !layout.holds(span) {
                return None;
            }
        }
        // Lower-case codes no record holds are added after the records' texts, each once, and end the pool.
        added.sort_unstable();
        added.dedup();
        for span in added {
            layout.text(span)?;
        }
        (layout.end as usize == layout.text.len()).then_some(())
    }

    /// Entry `index` from its record; `None` where the record is damaged.
    fn load(&self, index: usize) -> Option<Entry> {
        let record = self.decode(index)?;
        Some(Entry {
            index,
            id: Cow::Borrowed(self.str(record.id)?),
            code: match record.code {
                Some(code) => Some(Template::trusted(self.str(code)?, Context::Code)),
                None => None,
            },
            status: record.status,
            message: Template::trusted(self.str(record.message)?, Context::Message),
            variants: (record.variants.iter())
                .map(|&v| Some(Template::trusted(self.str(v)?, Context::Message)))
                .collect::<Option<_>>()?,
            sources: record.sources.iter().map(|&s| s as usize).collect(),
            edition_of: record.edition_of.map(|i| i as usize),
            doubtful_message: record.doubtful_message,
            wrapper: record.wrapper,
            meaning: self.pair(record.meaning)?,
            fix: self.pair(record.fix)?,
            note: match record.note {
                Some(note) => Some(self.pair(note)?),
                None => None,
            },
            authored: Authored::from_flags(record.authored),
        })
    }
}

impl Entries {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry `index`; `None` past the end, or where its record is damaged.
    pub fn get(&self, index: usize) -> Option<&Entry> {
        let store = &*self.0;
        store
            .decoded
            .get(index)?
            .get_or_init(|| store.load(index).map(Box::new))
            .as_deref()
    }

    /// In document order (skipping a damaged record).
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// The entry with this id (ids are compared as bytes, without decoding the entries).
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        let store = &*self.0;
        let index = (0..self.len()).find(|&i| {
            postcard::take_from_bytes::<Span>(store.record(i))
                .is_ok_and(|(span, _)| store.bytes(span) == Some(id.as_bytes()))
        })?;
        self.get(index)
    }

    /// The entries whose literal code is `code`, ignoring ASCII case, in document order.
    pub(crate) fn with_code(&self, code: &str) -> Vec<usize> {
        let key = code.to_ascii_lowercase();
        let store = &*self.0;
        let count = store.codes.len() / 12;
        // A binary search over the table read in place; sorted by code, then entry: the entries come in
        // document order.
        let (mut low, mut high) = (0, count);
        while low < high {
            let mid = (low + high) / 2;
            if store.code(mid).0 < key.as_bytes() {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        (low..count)
            .map(|i| store.code(i))
            .take_while(|&(k, _)| k == key.as_bytes())
            .map(|(_, index)| index)
            .collect()
    }

    /// The entries with a status in `statuses`, in document order.
    pub(crate) fn with_status(&self, statuses: std::ops::RangeInclusive<u16>) -> Vec<usize> {
        (0..self.len())
            .filter(|&i| statuses.contains(&self.0.status(i)))
            .collect()
    }

    /// The entries whose code is a template (has placeholders), in document order.
    pub(crate) fn with_code_template(&self) -> Vec<usize> {
        self.0.code_templates.iter().map(|&i| i as usize).collect()
    }

    /// The other editions of entry `index`: the newer row it is an edition of and the older rows that
    /// are editions of it, in document order.
    pub(crate) fn editions(&self, index: usize) -> Vec<usize> {
        let mut editions: Vec<usize> = (self.0.editions.iter())
            .filter_map(|&(older, newer)| {
                let (older, newer) = (older as usize, newer as usize);
                (older == index)
                    .then_some(newer)
                    .or((newer == index).then_some(older))
            })
            .collect();
        editions.sort_unstable();
        editions.dedup();
        editions
    }

    /// `f` of entry `index`'s message forms (`Entry::message_forms`), read without decoding the whole
    /// entry: a message lookup reads every message but shows few entries. A damaged record has none.
    pub(crate) fn with_message_forms<R>(
        &self,
        index: usize,
        f: impl FnOnce(&[Template]) -> R,
    ) -> R {
        let store = &*self.0;
        if let Some(Some(entry)) = store.decoded.get(index).and_then(OnceLock::get) {
            return f(entry.message_forms());
        }
        let forms = (index < store.len())
            .then(|| postcard::take_from_bytes::<MessageForms>(store.record(index)).ok())
            .flatten();
        let Some((forms, _)) = forms else {
            return f(&[]);
        };
        let template = |span| Some(Template::trusted(store.str(span)?, Context::Message));
        if forms.variants.is_empty() {
            // (Most entries have one message: no list made for it.)
            return match template(forms.message) {
                Some(message) => f(std::slice::from_ref(&message)),
                None => f(&[]),
            };
        }
        let forms: Option<Vec<Template>> = forms.variants.iter().map(|&v| template(v)).collect();
        f(forms.as_deref().unwrap_or_default())
    }
}

impl std::ops::Index<usize> for Entries {
    type Output = Entry;

    fn index(&self, index: usize) -> &Entry {
        self.get(index).expect("entry index within the catalog")
    }
}

impl fmt::Debug for Entries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records of every shape, written by serde and read by hand: the same record; and any bytes, read
    /// both ways: the same answer (a record `read_into` takes, postcard takes whole, alike).
    #[test]
    fn records_are_read_as_postcard_writes_them() {
        let records = [
            EntryRecord::default(),
            EntryRecord {
                id: (0, u32::MAX),
                code: Some((127, 128)),
                status: 599,
                message: (16_383, 16_384),
                variants: vec![(1, 2), (3, 4)],
                sources: vec![0, 1, 300],
                edition_of: Some(70_000),
                doubtful_message: true,
                wrapper: true,
                meaning: ((5, 6), (7, 8)),
                fix: ((9, 10), (11, 12)),
                note: Some(((13, 14), (2_097_151, 2_097_152))),
                authored: [true, false, true, true],
            },
        ];
        for record in &records {
            let bytes = postcard::to_allocvec(record).unwrap();
            let mut read = EntryRecord::default();
            assert_eq!(read.read_into(&bytes), Some(()));
            assert_eq!(&read, record);
            assert_eq!(read.read_into(&bytes[..bytes.len() - 1]), None);
            let mut longer = bytes.clone();
            longer.push(0);
            assert_eq!(read.read_into(&longer), None);
        }
        let mut rng = fastrand::Rng::with_seed(16);
        let written = postcard::to_allocvec(&records[1]).unwrap();
        for _ in 0..20_000 {
            let mut bytes = written.clone();
            for _ in 0..rng.usize(1..4) {
                let at = rng.usize(..bytes.len());
                bytes[at] = rng.u8(..);
            }
            bytes.truncate(rng.usize(bytes.len() - 4..=bytes.len()));
            let by_serde = postcard::take_from_bytes::<EntryRecord>(&bytes)
                .ok()
                .filter(|(_, rest)| rest.is_empty())
                .map(|(record, _)| record);
            let mut read = EntryRecord::default();
            let by_hand = read.read_into(&bytes).map(|()| read);
            assert_eq!(by_hand, by_serde, "{bytes:?}");
        }
    }
}
