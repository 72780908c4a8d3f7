//! The one form a checked catalog is kept in, and `Catalog`, the catalog as loaded from it. `build.rs`
//! packs the built-in catalogs into the binary, the cache packs users' large catalogs into files, and a
//! catalog just read from its TOML is packed too: every catalog errcode answers from is one `Catalog` over
//! packed bytes, whose entries are decoded one by one as lookups ask for them (a code lookup decodes the
//! few with that code, not all of them).
//!
//! The bytes are postcard: a `Packed` (header, indexes, and each entry as a record of its own). They are
//! trusted only as far as they decode: every index is checked when a catalog is unpacked, and an entry
//! whose record does not decode is not returned (a cache file damaged behind a valid checksum).

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::model::{Authored, Entry, Origin, Referral, Source, Text, Vendor};
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

/// One entry. Its first fields are what a message lookup reads of every entry (`MessageForms`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct EntryRecord<'a> {
    pub id: &'a str,
    pub code: Option<&'a str>,
    pub status: u16,
    pub message: &'a str,
    #[serde(borrow)]
    pub variants: Vec<&'a str>,
    pub sources: Vec<u32>,
    pub edition_of: Option<u32>,
    pub doubtful_message: bool,
    pub meaning: (&'a str, &'a str),
    pub fix: (&'a str, &'a str),
    pub note: Option<(&'a str, &'a str)>,
    pub authored: [bool; 4],
}

/// The first fields of an `EntryRecord`, up to its message forms (postcard encodes a struct as its fields
/// in order, so these decode from the record's start).
#[derive(Deserialize)]
struct MessageForms<'a> {
    _id: &'a str,
    _code: Option<&'a str>,
    _status: u16,
    message: &'a str,
    #[serde(borrow)]
    variants: Vec<&'a str>,
}

/// A packed catalog.
#[derive(Serialize, Deserialize)]
struct Packed<'a> {
    #[serde(borrow)]
    header: Header<'a>,
    /// `(literal code in ASCII lower case, entry)` for every entry with a literal code, sorted.
    #[serde(borrow)]
    codes: Vec<(&'a str, u32)>,
    /// The entries whose code is a template.
    code_templates: Vec<u32>,
    /// `(older, newer)` for every entry that is an older edition of another.
    editions: Vec<(u32, u32)>,
    /// Every entry's status, in entry order.
    statuses: Vec<u16>,
    /// Each entry's `EntryRecord`, encoded on its own.
    #[serde(borrow)]
    entries: Vec<&'a [u8]>,
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
        let entries: Vec<EntryRecord<'_>> = self.entries.iter().map(EntryRecord::of).collect();
        format!("{:#?}\n{entries:#?}", Header::of(self, ""))
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

impl<'a> Header<'a> {
    /// The header of a catalog, to pack it (`file`: its name under `catalogs/`, built-in ones only).
    pub(crate) fn of(c: &'a Catalog, file: &'a str) -> Header<'a> {
        Header::new(
            file,
            &c.id,
            c.vendor,
            (pair(&c.vendor_name), pair(&c.product)),
            &c.sources,
            &c.referrals,
            (c.replaces, c.messages_are_descriptions),
        )
    }

    pub(crate) fn new(
        file: &'a str,
        id: &'a str,
        vendor: Vendor,
        (vendor_name, product): ((&'a str, &'a str), (&'a str, &'a str)),
        sources: &'a [Source],
        referrals: &'a [Referral],
        (replaces, messages_are_descriptions): (bool, bool),
    ) -> Header<'a> {
        Header {
            file,
            id,
            vendor: vendor.id(),
            vendor_name,
            product,
            sources: sources
                .iter()
                .map(|s| SourceRecord {
                    id: &s.id,
                    title: &s.title,
                    date: s.date.as_deref(),
                    document: s.document.as_deref(),
                    url: s.url.as_deref(),
                    label: s.label.as_ref().map(pair),
                })
                .collect(),
            referrals: referrals
                .iter()
                .map(|r| ReferralRecord {
                    id: &r.id,
                    code: r.code.source(),
                    meaning: pair(&r.meaning),
                    fix: pair(&r.fix),
                    authored: r.authored.flags(),
                })
                .collect(),
            replaces,
            messages_are_descriptions,
        }
    }
}

impl<'a> EntryRecord<'a> {
    fn of(e: &'a Entry) -> EntryRecord<'a> {
        EntryRecord {
            id: &e.id,
            code: e.code.as_ref().map(Template::source),
            status: e.status,
            message: e.message.source(),
            variants: e.variants.iter().map(Template::source).collect(),
            sources: e.sources.iter().map(|&s| s as u32).collect(),
            edition_of: e.edition_of.map(|i| i as u32),
            doubtful_message: e.doubtful_message,
            meaning: pair(&e.meaning),
            fix: pair(&e.fix),
            note: e.note.as_ref().map(pair),
            authored: e.authored.flags(),
        }
    }
}

impl EntryRecord<'static> {
    /// The entry (its texts were checked when it was packed; its templates parse again as they did).
    fn load(&self, index: usize) -> Entry {
        Entry {
            index,
            id: Cow::Borrowed(self.id),
            code: self.code.map(|c| Template::trusted(c, Context::Code)),
            status: self.status,
            message: Template::trusted(self.message, Context::Message),
            variants: self
                .variants
                .iter()
                .map(|v| Template::trusted(v, Context::Message))
                .collect(),
            sources: self.sources.iter().map(|&s| s as usize).collect(),
            edition_of: self.edition_of.map(|i| i as usize),
            doubtful_message: self.doubtful_message,
            meaning: text(self.meaning),
            fix: text(self.fix),
            note: self.note.map(text),
            authored: Authored::from_flags(self.authored),
        }
    }
}

/// Packs a checked catalog: its header and its entries. `None` only if a count does not fit in 32 bits.
pub(crate) fn pack(header: &Header<'_>, entries: &[Entry]) -> Option<Vec<u8>> {
    let records = entries
        .iter()
        .map(|e| postcard::to_allocvec(&EntryRecord::of(e)))
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    let mut codes = Vec::new();
    let mut code_templates = Vec::new();
    let mut editions = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let index = u32::try_from(index).ok()?;
        if let Some(code) = &entry.code {
            match code.literal_str() {
                Some(literal) => codes.push((literal.to_ascii_lowercase(), index)),
                None => code_templates.push(index),
            }
        }
        if let Some(newer) = entry.edition_of {
            editions.push((index, u32::try_from(newer).ok()?));
        }
    }
    codes.sort_unstable();
    postcard::to_allocvec(&Packed {
        header: header.clone(),
        codes: codes.iter().map(|(code, i)| (code.as_str(), *i)).collect(),
        code_templates,
        editions,
        statuses: entries.iter().map(|e| e.status).collect(),
        entries: records.iter().map(Vec::as_slice).collect(),
    })
    .ok()
}

/// The catalog packed in `bytes`, or `None` where they do not decode or an index points outside the
/// catalog. `origin`: where it was loaded from, if not built in (a built-in one is named by its file).
pub(crate) fn unpack(bytes: &'static [u8], origin: Option<Origin>) -> Option<Catalog> {
    let packed: Packed<'static> = postcard::from_bytes(bytes).ok()?;
    let count = packed.entries.len();
    let in_range = |i: u32| (i as usize) < count;
    let header = &packed.header;
    let sources = header.sources.len();
    if packed.statuses.len() != count
        || !packed.codes.iter().all(|&(_, i)| in_range(i))
        || !packed.code_templates.iter().copied().all(in_range)
        || !(packed.editions.iter()).all(|&(a, b)| in_range(a) && in_range(b))
        || sources == 0
    {
        return None;
    }
    let vendor = Vendor::from_id(header.vendor)?;
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
        origin: origin.unwrap_or(Origin::Builtin(header.file)),
        overrides: None,
        replaces: header.replaces,
        messages_are_descriptions: header.messages_are_descriptions,
        packed: bytes,
        entries: Entries(Arc::new(Store {
            sources,
            codes: packed.codes,
            code_templates: packed.code_templates,
            editions: packed.editions,
            statuses: packed.statuses,
            decoded: (0..count).map(|_| OnceLock::new()).collect(),
            records: packed.entries,
        })),
    })
}

/// A catalog's entries: packed records, each decoded when first asked for.
#[derive(Clone)]
pub struct Entries(Arc<Store>);

struct Store {
    /// How many sources the catalog has: an entry's source indexes are checked against it.
    sources: usize,
    codes: Vec<(&'static str, u32)>,
    code_templates: Vec<u32>,
    editions: Vec<(u32, u32)>,
    statuses: Vec<u16>,
    records: Vec<&'static [u8]>,
    /// Boxed: an `Entry` is some 400 bytes, and slots for every entry, touched at start-up, would cost
    /// page faults for rows a lookup never reads. `None`: the record does not decode.
    decoded: Box<[OnceLock<Option<Box<Entry>>>]>,
}

impl Entries {
    pub fn len(&self) -> usize {
        self.0.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry `index`; `None` past the end, or where its record is damaged.
    pub fn get(&self, index: usize) -> Option<&Entry> {
        let store = &*self.0;
        let record = store.records.get(index)?;
        store.decoded[index]
            .get_or_init(|| {
                let record: EntryRecord<'static> = postcard::from_bytes(record).ok()?;
                let sound = record.sources.iter().all(|&s| (s as usize) < store.sources)
                    && record
                        .edition_of
                        .is_none_or(|i| (i as usize) < store.records.len())
                    && record.status == store.statuses[index];
                sound.then(|| Box::new(record.load(index)))
            })
            .as_deref()
    }

    /// In document order (skipping a damaged record).
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Entries with their index, in document order.
    pub fn indexed(&self) -> impl Iterator<Item = (usize, &Entry)> + '_ {
        (0..self.len()).filter_map(|i| Some((i, self.get(i)?)))
    }

    /// The entry with this id (its record's id is read without decoding the rest).
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        let index = (0..self.len()).find(|&i| {
            postcard::take_from_bytes::<&str>(self.0.records[i]).is_ok_and(|(own, _)| own == id)
        })?;
        self.get(index)
    }

    /// The entries whose literal code is `code`, ignoring ASCII case, in document order.
    pub(crate) fn with_code(&self, code: &str) -> Vec<usize> {
        let key = code.to_ascii_lowercase();
        let codes = &self.0.codes;
        let start = codes.partition_point(|&(k, _)| k < key.as_str());
        // Sorted by code, then entry: the entries come in document order.
        codes[start..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, index)| index as usize)
            .collect()
    }

    /// The entries with a status in `statuses`, in document order.
    pub(crate) fn with_status(&self, statuses: std::ops::RangeInclusive<u16>) -> Vec<usize> {
        (self.0.statuses.iter().enumerate())
            .filter(|&(_, s)| statuses.contains(s))
            .map(|(i, _)| i)
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
        if let Some(Some(entry)) = self.0.decoded[index].get() {
            return f(entry.message_forms());
        }
        let Ok((forms, _)) =
            postcard::take_from_bytes::<MessageForms<'static>>(self.0.records[index])
        else {
            return f(&[]);
        };
        if forms.variants.is_empty() {
            f(&[Template::trusted(forms.message, Context::Message)])
        } else {
            let forms: Vec<Template> = (forms.variants.iter())
                .map(|v| Template::trusted(v, Context::Message))
                .collect();
            f(&forms)
        }
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
