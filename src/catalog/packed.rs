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
//! cache falls back to the catalog's TOML rather than answering from part of a catalog. The one exception
//! is a cache file proven to hold the very bytes this build packed and checked so (`Known::Checked`): its
//! records are not checked again. Reading an entry never trusts its record (`Entries::get`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::model::{Authored, Entry, Hint, Origin, Referral, Source, Text, Vendor};
pub(crate) use super::record::MAX_TEXT_LEN;
use super::record::{EntryRecord, Span, sound_template, text, u32_at};
use super::store::{Entries, Store};
use crate::template::{Context, Template};

/// Everything of a catalog but its entries: its texts as `&str` where a catalog is packed from, as spans of
/// the pool (`Span`) where it is packed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Header<S> {
    /// The file name under `catalogs/` (built-in catalogs); empty for users' catalogs.
    pub file: S,
    pub id: S,
    pub vendor: S,
    pub vendor_name: (S, S),
    pub product: (S, S),
    /// Packed apart (`Packed::sources`), and read only when a catalog's sources are first asked for.
    #[serde(skip)]
    pub sources: Vec<SourceRecord<S>>,
    pub referrals: Vec<ReferralRecord<S>>,
    /// `(text, any case, what, error body)` of each vendor hint.
    pub hints: Vec<(S, bool, S, bool)>,
    pub shared_names: Vec<S>,
    pub product_marks: Vec<S>,
    pub replaces: bool,
    pub messages_are_descriptions: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct SourceRecord<S> {
    pub id: S,
    pub title: S,
    pub date: Option<S>,
    pub document: Option<S>,
    pub url: Option<S>,
    pub label: Option<(S, S)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ReferralRecord<S> {
    pub id: S,
    pub code: S,
    pub meaning: (S, S),
    pub fix: (S, S),
    pub authored: [bool; 4],
}

impl<S> Header<S> {
    /// The header with each text put through `f`, in one order: `pack` lays a header's texts out in the
    /// pool in it, and `unpack` reads them back in it (a catalog from outside must have them exactly there).
    fn map<T>(self, mut f: impl FnMut(S) -> Option<T>) -> Option<Header<T>> {
        let file = f(self.file)?;
        let id = f(self.id)?;
        let vendor = f(self.vendor)?;
        let vendor_name = both(&mut f, self.vendor_name)?;
        let product = both(&mut f, self.product)?;
        let mut referrals = Vec::with_capacity(self.referrals.len());
        for r in self.referrals {
            referrals.push(ReferralRecord {
                id: f(r.id)?,
                code: f(r.code)?,
                meaning: both(&mut f, r.meaning)?,
                fix: both(&mut f, r.fix)?,
                authored: r.authored,
            });
        }
        let mut hints = Vec::with_capacity(self.hints.len());
        for (text, any_case, what, error_body) in self.hints {
            hints.push((f(text)?, any_case, f(what)?, error_body));
        }
        let shared_names = (self.shared_names.into_iter())
            .map(&mut f)
            .collect::<Option<Vec<T>>>()?;
        let product_marks = (self.product_marks.into_iter())
            .map(&mut f)
            .collect::<Option<Vec<T>>>()?;
        let sources = map_sources(self.sources, f)?;
        Some(Header {
            file,
            id,
            vendor,
            vendor_name,
            product,
            sources,
            referrals,
            hints,
            shared_names,
            product_marks,
            replaces: self.replaces,
            messages_are_descriptions: self.messages_are_descriptions,
        })
    }
}

/// The sources with each text put through `f`, in `Header::map`'s order (they come last).
fn map_sources<S, T>(
    sources: Vec<SourceRecord<S>>,
    mut f: impl FnMut(S) -> Option<T>,
) -> Option<Vec<SourceRecord<T>>> {
    let mut mapped = Vec::with_capacity(sources.len());
    for s in sources {
        mapped.push(SourceRecord {
            id: f(s.id)?,
            title: f(s.title)?,
            date: maybe(&mut f, s.date)?,
            document: maybe(&mut f, s.document)?,
            url: maybe(&mut f, s.url)?,
            label: match s.label {
                Some(label) => Some(both(&mut f, label)?),
                None => None,
            },
        });
    }
    Some(mapped)
}

/// Both texts of a pair through `f` (`None` if either fails).
fn both<S, T>(f: &mut impl FnMut(S) -> Option<T>, (a, b): (S, S)) -> Option<(T, T)> {
    Some((f(a)?, f(b)?))
}

/// An optional text through `f`: `None` only if `f` fails.
fn maybe<S, T>(f: &mut impl FnMut(S) -> Option<T>, text: Option<S>) -> Option<Option<T>> {
    match text {
        Some(text) => Some(Some(f(text)?)),
        None => Some(None),
    }
}

/// A catalog's sources: a built-in catalog's decoded when first asked for (most lookups show one
/// catalog's, and `--version` and tables their dates), any other's when it is unpacked and checked.
#[derive(Clone)]
pub struct Sources {
    /// The packed `SourceRecord`s and the pool their spans point into (built-in catalogs only).
    packed: Option<(&'static [u8], &'static str)>,
    decoded: OnceLock<Vec<Source>>,
}

impl Sources {
    fn decoded(sources: Vec<Source>) -> Sources {
        Sources {
            packed: None,
            decoded: OnceLock::from(sources),
        }
    }
}

impl std::ops::Deref for Sources {
    type Target = [Source];

    fn deref(&self) -> &[Source] {
        self.decoded.get_or_init(|| {
            let (bytes, pool) = self.packed.expect("sources not decoded are built in");
            let records: Vec<SourceRecord<Span>> =
                postcard::from_bytes(bytes).expect("the build packs the built-in catalogs");
            let records = map_sources(records, |(start, end)| {
                pool.get(start as usize..end as usize)
            })
            .expect("the build packs the built-in catalogs");
            records.into_iter().map(source).collect()
        })
    }
}

impl<'a> IntoIterator for &'a Sources {
    type Item = &'a Source;
    type IntoIter = std::slice::Iter<'a, Source>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::fmt::Debug for Sources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

fn source(s: SourceRecord<&'static str>) -> Source {
    Source {
        id: s.id.into(),
        title: s.title.into(),
        date: s.date.map(Cow::Borrowed),
        document: s.document.map(Cow::Borrowed),
        url: s.url.map(Cow::Borrowed),
        label: s.label.map(text),
    }
}

/// A packed catalog. Its texts are kept once each in one pool (a note repeated on 200 rows is stored
/// once): the entries', then the codes in lower case, then the header's. A built-in catalog's pool is
/// text the compiler checked; any other is checked as UTF-8 when it is unpacked. The indexes
/// are tables of little-endian numbers read in place: a process that looks up one code decodes nothing
/// of a catalog but its header.
#[derive(Serialize, Deserialize)]
struct Packed<'a> {
    header: Header<Span>,
    /// How many sources the catalog has, and their `SourceRecord`s (the header's `sources`).
    source_count: u32,
    #[serde(borrow, with = "serde_bytes")]
    sources: &'a [u8],
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

#[derive(Debug, Clone)]
pub struct Catalog {
    pub id: String,
    pub vendor: Vendor,
    pub vendor_name: Text,
    pub product: Text,
    pub sources: Sources,
    pub entries: Entries,
    pub referrals: Vec<Referral>,
    /// What marks this catalog's vendor in a paste.
    pub hints: Vec<Hint>,
    /// Error names this vendor defined that other vendors' APIs reuse for their own errors (AWS's common
    /// errors, gRPC's status codes): another vendor's row found by one of them alone needs more to claim it.
    pub shared_names: Vec<String>,
    /// Words that show a paste is about this catalog's product rather than another of its vendor's
    /// (`execute-api`, API Gateway's host; its own headers), in any case.
    pub product_marks: Vec<String>,
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
                "{} {:?} {} {:?} {forms:?} {:?} {:?} {} {} {} {} {} {:?} {:?} {:?} {:?}\n",
                e.id,
                e.code.as_ref().map(Template::source),
                e.status,
                e.message.source(),
                e.sources,
                e.edition_of,
                e.doubtful_message,
                e.wrapper,
                e.vendor_wide,
                e.common_message,
                e.log_line,
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

/// Everything of a checked catalog but its entries, as `validate` and `Catalog` hold it.
pub(crate) struct Parts<'a> {
    pub id: &'a str,
    pub vendor: Vendor,
    pub vendor_name: &'a Text,
    pub product: &'a Text,
    pub sources: &'a [Source],
    pub referrals: &'a [Referral],
    pub hints: &'a [Hint],
    pub shared_names: &'a [String],
    pub product_marks: &'a [String],
    pub replaces: bool,
    pub messages_are_descriptions: bool,
}

impl<'a> Header<&'a str> {
    /// The header of a catalog, to pack it (`file`: its name under `catalogs/`, built-in ones only).
    pub(crate) fn of(c: &'a Catalog, file: &'a str) -> Header<&'a str> {
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
                shared_names: &c.shared_names,
                product_marks: &c.product_marks,
                replaces: c.replaces,
                messages_are_descriptions: c.messages_are_descriptions,
            },
        )
    }

    pub(crate) fn new(file: &'a str, c: &Parts<'a>) -> Header<&'a str> {
        Header {
            file,
            id: c.id,
            vendor: c.vendor.id(),
            vendor_name: pair(c.vendor_name),
            product: pair(c.product),
            sources: (c.sources.iter())
                .map(|s| SourceRecord {
                    id: &*s.id,
                    title: &*s.title,
                    date: s.date.as_deref(),
                    document: s.document.as_deref(),
                    url: s.url.as_deref(),
                    label: s.label.as_ref().map(pair),
                })
                .collect(),
            referrals: (c.referrals.iter())
                .map(|r| ReferralRecord {
                    id: &*r.id,
                    code: r.code.source(),
                    meaning: pair(&r.meaning),
                    fix: pair(&r.fix),
                    authored: r.authored.flags(),
                })
                .collect(),
            hints: (c.hints.iter())
                .map(|h| (&*h.text, h.any_case, &*h.what, h.error_body))
                .collect(),
            shared_names: c.shared_names.iter().map(String::as_str).collect(),
            product_marks: c.product_marks.iter().map(String::as_str).collect(),
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
            vendor_wide: e.vendor_wide,
            common_message: e.common_message,
            log_line: e.log_line,
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
    header: &Header<&str>,
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
    let header = header.clone().map(|text| pool.add(text))?;
    let sources = postcard::to_allocvec(&header.sources).ok()?;
    postcard::to_allocvec(&Packed {
        source_count: u32::try_from(header.sources.len()).ok()?,
        sources: &sources,
        header,
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

/// What is known of packed bytes before they are unpacked.
pub(crate) enum Known {
    /// A built-in catalog, with its text pool (packed with `Keep::Apart`): its tables are the build's, and
    /// are not checked again.
    Builtin(&'static str),
    /// Bytes this build packed and checked whole before, as a cache file's keyed hash proves
    /// (`cache::decode`): their tables' bounds and their text's UTF-8 are checked, not each record again.
    Checked,
    /// Any other bytes (a catalog just packed, a cache file not proven): checked whole (`Store::verify`).
    Unknown,
}

/// The catalog packed in `bytes`, or `None` where they do not decode or do not hold together.
/// `origin`: where it was loaded from, if not built in (a built-in one is named by its file).
pub(crate) fn unpack(
    bytes: &'static [u8],
    origin: Option<Origin>,
    known: Known,
) -> Option<Catalog> {
    let (packed, rest) = postcard::take_from_bytes::<Packed<'static>>(bytes).ok()?;
    let builtin = match known {
        Known::Builtin(pool) => Some(pool),
        Known::Checked | Known::Unknown => None,
    };
    let trusted = builtin.is_some();
    if !trusted && !rest.is_empty() {
        return None;
    }
    let count = packed.statuses.len() / 2;
    let in_range = |i: u32| (i as usize) < count;
    let sources = packed.source_count as usize;
    // Every table is checked here, once, so that reading one later needs no more than its bounds.
    let pool: &'static str = match builtin {
        Some(pool) => pool,
        None => simdutf8::basic::from_utf8(packed.pool).ok()?,
    };
    let pool_len = pool.len();
    let offsets_sound = packed.offsets.len() == (count + 1) * 4
        && (trusted
            || (0..count).all(|i| u32_at(packed.offsets, i) <= u32_at(packed.offsets, i + 1))
                && u32_at(packed.offsets, count) as usize == packed.records.len());
    let codes_sound = packed.codes.len().is_multiple_of(12)
        && (trusted
            || (0..packed.codes.len() / 12).all(|i| {
                let (start, end) = (u32_at(packed.codes, 3 * i), u32_at(packed.codes, 3 * i + 1));
                start <= end
                    && end as usize <= pool_len
                    && in_range(u32_at(packed.codes, 3 * i + 2))
            }));
    if !packed.statuses.len().is_multiple_of(2)
        || !offsets_sound
        || !codes_sound
        || !packed.code_templates.iter().copied().all(in_range)
        || !(packed.editions.iter()).all(|&(a, b)| in_range(a) && in_range(b))
        // (As `pack` lays them out: a table listing an entry twice would answer with it twice.)
        || !(trusted || packed.code_templates.is_sorted_by(|a, b| a < b))
        || !(trusted || (packed.editions.iter()).all(|&(a, b)| a != b))
        || sources == 0
        || u32::try_from(count).is_err()
    {
        return None;
    }
    let store = Store {
        sources,
        pool,
        codes: packed.codes,
        code_templates: packed.code_templates,
        editions: packed.editions,
        statuses: packed.statuses,
        // (Bytes not vouched for are verified below, and refused where the table disagrees.)
        rows_checked: !matches!(known, Known::Checked),
        decoded: (0..count).map(|_| OnceLock::new()).collect(),
        offsets: packed.offsets,
        records: packed.records,
    };
    let in_pool = |(start, end): Span| pool.get(start as usize..end as usize);
    let (header, sources) = if trusted {
        let header = (packed.header).map(in_pool)?;
        let sources = Sources {
            packed: Some((packed.sources, pool)),
            decoded: OnceLock::new(),
        };
        (header, sources)
    } else {
        let mut header = packed.header;
        header.sources = postcard::from_bytes(packed.sources).ok()?;
        let header = match known {
            Known::Checked => header.map(in_pool)?,
            _ => {
                // The header's texts follow the records' and the codes' in the pool, and end it.
                let mut layout = store.verify()?;
                let header = header.map(|span| match span {
                    (start, end) if start == end => Some(""),
                    span => layout.text(span),
                })?;
                if !layout.is_whole() {
                    return None;
                }
                header
            }
        };
        if header.sources.len() != sources
            || !header.referrals.iter().all(|r| sound_template(r.code))
        {
            return None;
        }
        let decoded = header.sources.iter().cloned().map(source).collect();
        (header, Sources::decoded(decoded))
    };
    let vendor = Vendor::from_id(header.vendor)?;
    Some(catalog(&header, vendor, sources, store, origin, bytes))
}

/// The catalog an unpacked header and store make: the header's texts as the model holds them.
fn catalog(
    header: &Header<&'static str>,
    vendor: Vendor,
    sources: Sources,
    store: Store,
    origin: Option<Origin>,
    bytes: &'static [u8],
) -> Catalog {
    Catalog {
        id: header.id.to_string(),
        vendor,
        vendor_name: text(header.vendor_name),
        product: text(header.product),
        sources,
        referrals: (header.referrals.iter())
            .map(|r| Referral {
                id: r.id.into(),
                code: Template::trusted(r.code, Context::Code),
                meaning: text(r.meaning),
                fix: text(r.fix),
                authored: Authored::from_flags(r.authored),
            })
            .collect(),
        hints: (header.hints.iter())
            .map(|&(text, any_case, what, error_body)| Hint {
                text: text.into(),
                any_case,
                what: what.into(),
                error_body,
            })
            .collect(),
        shared_names: (header.shared_names.iter())
            .map(|n| n.to_string())
            .collect(),
        product_marks: (header.product_marks.iter())
            .map(|m| m.to_string())
            .collect(),
        origin: origin.unwrap_or(Origin::Builtin(header.file)),
        overrides: None,
        replaces: header.replaces,
        messages_are_descriptions: header.messages_are_descriptions,
        packed: bytes,
        entries: Entries(Arc::new(store)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A varint read by hand is what postcard reads, with bytes after it or none: every length, the largest
    /// u32, and what is no u32 (a fifth byte too large, a sixth).
    #[test]
    fn varints_are_read_as_postcard_reads_them() {
        let mut encodings: Vec<Vec<u8>> =
            [0, 1, 127, 128, 16_383, 16_384, 2_097_152, 1 << 28, u32::MAX]
                .iter()
                .map(|n| postcard::to_allocvec(n).unwrap())
                .collect();
        encodings.push(vec![0xff, 0xff, 0xff, 0xff, 0x1f]);
        encodings.push(vec![0x80, 0x80, 0x80, 0x80, 0x10]);
        encodings.push(vec![0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
        for encoding in encodings {
            for padding in [0, 1, 3, 8] {
                let mut bytes = encoding.clone();
                bytes.extend(std::iter::repeat_n(0x55, padding));
                let by_postcard = postcard::take_from_bytes::<u32>(&bytes)
                    .ok()
                    .map(|(n, rest)| (n, rest.len()));
                let mut reader = crate::catalog::record::Reader(&bytes);
                let by_hand = reader.u32().map(|n| (n, reader.0.len()));
                assert_eq!(by_hand, by_postcard, "{bytes:?}");
            }
        }
    }

    /// Any bytes read as a u32 and as a u16 varint: what postcard reads,
    /// and as many bytes taken.
    #[test]
    fn varints_of_any_bytes_are_read_as_postcard_reads_them() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..200_000 {
            let len = rng.usize(0..12);
            // Mostly bytes with the high bit set, so that long and overlong varints are common.
            let bytes: Vec<u8> = (0..len)
                .map(|_| match rng.u8(..4) {
                    0 => rng.u8(..0x80),
                    1 => rng.u8(..0x20),
                    _ => rng.u8(0x80..),
                })
                .collect();
            let by_postcard = postcard::take_from_bytes::<u32>(&bytes)
                .ok()
                .map(|(n, rest)| (n, rest.len()));
            let mut reader = crate::catalog::record::Reader(&bytes);
            let by_hand = reader.u32().map(|n| (n, reader.0.len()));
            assert_eq!(by_hand, by_postcard, "u32 {bytes:?}");
            let by_postcard = postcard::take_from_bytes::<u16>(&bytes)
                .ok()
                .map(|(n, rest)| (u32::from(n), rest.len()));
            let mut reader = crate::catalog::record::Reader(&bytes);
            let by_hand = reader.varint(16).map(|n| (n, reader.0.len()));
            assert_eq!(by_hand, by_postcard, "u16 {bytes:?}");
        }
    }

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
                // (Unlike its neighbour, so that reading the two in the wrong order fails.)
                vendor_wide: false,
                common_message: true,
                // (Unlike common_message, so that reading the two in the wrong order fails.)
                log_line: false,
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
