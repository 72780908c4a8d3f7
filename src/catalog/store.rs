//! A packed catalog's entries as one store read in place: each record decoded the first time a lookup asks
//! for it, and the whole checked once (`Store::verify`) where the bytes come from outside the build.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

use super::model::{Authored, Entry, Text};
use super::record::{EntryRecord, MAX_TEXT_LEN, MessageForms, Span, text, u32_at};
use crate::template::{Context, Template};

#[cfg(test)]
thread_local! {
    /// For tests: how many stores this thread has checked whole (`Store::verify`).
    pub(super) static VERIFIED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Where `pack` puts a catalog's texts in its pool: one after another, each once, in the order the
/// records first use them (then the lower-case codes of the code table). Checked as a catalog from outside
/// is verified, so that no span can point anywhere else.
pub(super) struct Layout<'t> {
    text: &'t str,
    /// Where each text laid out so far ends (the first starts at 0, each other where the one before ends).
    ends: Vec<u32>,
    /// Where the last one ends.
    end: u32,
}

impl<'t> Layout<'t> {
    /// The text at `span`: the next one, used for the first time, or one laid out before.
    #[inline]
    pub(super) fn text(&mut self, span: Span) -> Option<&'t str> {
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

    /// Whether the texts laid out so far are the whole pool.
    pub(super) fn is_whole(&self) -> bool {
        self.end as usize == self.text.len()
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
pub struct Entries(pub(super) Arc<Store>);

pub(super) struct Store {
    /// How many sources the catalog has: an entry's source indexes are checked against it.
    pub(super) sources: usize,
    /// The catalog's texts (checked as UTF-8 by the compiler, built-in, or by `unpack`).
    pub(super) pool: &'static str,
    /// As `Packed`'s tables, checked by `unpack`.
    pub(super) codes: &'static [u8],
    pub(super) code_templates: Vec<u32>,
    pub(super) editions: Vec<(u32, u32)>,
    pub(super) statuses: &'static [u8],
    pub(super) offsets: &'static [u8],
    pub(super) records: &'static [u8],
    /// Whether the code table is known to agree with the records (a built-in catalog, or bytes checked
    /// whole, `verify`); else, bytes a cache file's keyed hash vouches for (`Known::Checked`), each row is
    /// confirmed by the entry it names as it is read (`Entries::row_entry`).
    pub(super) rows_checked: bool,
    /// Boxed: an `Entry` is some 400 bytes, and slots for every entry, touched at start-up, would cost
    /// page faults for rows a lookup never reads. `None`: the record is damaged.
    pub(super) decoded: Box<[OnceLock<Option<Box<Entry>>>]>,
}

impl Store {
    fn str(&self, (start, end): Span) -> Option<&'static str> {
        self.pool.get(start as usize..end as usize)
    }

    /// A text a template is made of (a code, a message form), within `MAX_TEXT_LEN`, which bounds the
    /// regexes and automata built of it: checked here too, as a cache file proven by its keyed hash is not
    /// verified record by record (`Known::Checked`).
    fn template_str(&self, span: Span) -> Option<&'static str> {
        self.str(span).filter(|text| text.len() <= MAX_TEXT_LEN)
    }

    fn bytes(&self, (start, end): Span) -> Option<&'static [u8]> {
        self.pool.as_bytes().get(start as usize..end as usize)
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
    /// as the TOML they were packed from, or is not unpacked at all: every record decodes (`decode`), its
    /// code and messages within the length limit; every text stands where `pack` puts it (`Layout`); and
    /// the code, code-template and edition tables list exactly what the records say. Any record, index or
    /// span changed behind a valid checksum fails one of these; what no check can tell from a catalog that
    /// says so is a text changed in place or a flag flipped. `None` if one fails; else the layout of the
    /// pool so far, which the header's texts continue (`packed::unpack`, which also checks the pool is
    /// UTF-8).
    pub(super) fn verify(&self) -> Option<Layout<'static>> {
        #[cfg(test)]
        VERIFIED.set(VERIFIED.get() + 1);
        let mut layout = Layout {
            text: self.pool,
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
        Some(layout)
    }

    /// Entry `index` from its record; `None` where the record is damaged.
    fn load(&self, index: usize) -> Option<Entry> {
        let record = self.decode(index)?;
        Some(Entry {
            index,
            id: Cow::Borrowed(self.str(record.id)?),
            code: match record.code {
                Some(code) => Some(Template::trusted(self.template_str(code)?, Context::Code)),
                None => None,
            },
            status: record.status,
            message: Template::trusted(self.template_str(record.message)?, Context::Message),
            variants: (record.variants.iter())
                .map(|&v| Some(Template::trusted(self.template_str(v)?, Context::Message)))
                .collect::<Option<_>>()?,
            sources: record.sources.iter().map(|&s| s as usize).collect(),
            edition_of: record.edition_of.map(|i| i as usize),
            doubtful_message: record.doubtful_message,
            wrapper: record.wrapper,
            vendor_wide: record.vendor_wide,
            common_message: record.common_message,
            log_line: record.log_line,
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

    /// For tests: how many entries have been decoded.
    #[cfg(test)]
    pub(crate) fn decoded(&self) -> usize {
        (self.0.decoded.iter())
            .filter(|e| e.get().is_some())
            .count()
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

    /// The entries whose literal code is `code`, ignoring ASCII case, in document order (each decoded,
    /// `row_entry`).
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
            .take_while(|&row| store.code(row).0 == key.as_bytes())
            .filter(|&row| self.row_entry(row).is_some())
            .map(|row| store.code(row).1)
            .collect()
    }

    /// The entry row `row` of the code table names, where its record decodes and, in a catalog whose table
    /// is not known to agree with its records (`Store::rows_checked`), the entry has the row's code.
    pub(crate) fn row_entry(&self, row: usize) -> Option<&Entry> {
        let (code, index) = self.0.code(row);
        let entry = self.get(index)?;
        (self.0.rows_checked || has_code(entry, code)).then_some(entry)
    }

    /// The rows of the code table: each entry with a literal code, by its code in lower case, sorted by
    /// code, then entry (read in place: no entry is decoded).
    pub(crate) fn code_rows(&self) -> usize {
        self.0.codes.len() / 12
    }

    /// Row `row` of the code table: a lower-case code and the entry index that has it.
    pub(crate) fn code_row(&self, row: usize) -> (&'static [u8], usize) {
        self.0.code(row)
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
        let template = |span| {
            Some(Template::trusted(
                store.template_str(span)?,
                Context::Message,
            ))
        };
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

/// Whether `entry`'s literal code is `code` (lower case), ignoring ASCII case.
fn has_code(entry: &Entry, code: &[u8]) -> bool {
    entry.code.as_ref().is_some_and(|template| {
        // (Most codes are their own literal: compared as written first, the escapes resolved only if not.)
        let same = |text: &str| text.as_bytes().eq_ignore_ascii_case(code);
        same(template.source()) || template.literal_str().is_some_and(same)
    })
}

impl fmt::Debug for Entries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
