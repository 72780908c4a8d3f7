//! The records a packed catalog is made of, and the reading of them: an entry's record as spans of the
//! catalog's text pool, postcard's encoding read by hand, the tables of little-endian numbers, and the
//! bounds every packed text is held to. `packed` writes them; `store` reads them in place.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::model::Text;

/// Where a text stands in its catalog's pool: start and end, in bytes.
pub(super) type Span = (u32, u32);

/// One entry, its texts as spans of the catalog's text pool. Its first fields are what a message lookup
/// reads of every entry (`MessageForms`). Written by serde (postcard), read by `read_into`: a field added
/// here must be read there too (the test's record literal names every field, so it fails to build until
/// the test, and so `read_into`, is looked at).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct EntryRecord {
    pub(super) id: Span,
    pub(super) code: Option<Span>,
    pub(super) status: u16,
    pub(super) message: Span,
    pub(super) variants: Vec<Span>,
    pub(super) sources: Vec<u32>,
    pub(super) edition_of: Option<u32>,
    pub(super) doubtful_message: bool,
    pub(super) wrapper: bool,
    pub(super) vendor_wide: bool,
    pub(super) common_message: bool,
    pub(super) log_line: bool,
    pub(super) meaning: (Span, Span),
    pub(super) fix: (Span, Span),
    pub(super) note: Option<(Span, Span)>,
    pub(super) authored: [bool; 4],
}

/// Postcard's encoding read by hand: varints (at most 5 bytes for a u32, 3 for a u16), a byte per bool and
/// per option tag, a varint length before a list.
pub(super) struct Reader<'a>(pub(super) &'a [u8]);

impl Reader<'_> {
    #[inline]
    pub(super) fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    /// A varint of at most `bits` bits.
    #[inline]
    pub(super) fn varint(&mut self, bits: u32) -> Option<u32> {
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
    pub(super) fn u32(&mut self) -> Option<u32> {
        self.varint(32)
    }

    #[inline]
    pub(super) fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    #[inline]
    pub(super) fn span(&mut self) -> Option<Span> {
        Some((self.u32()?, self.u32()?))
    }

    #[inline]
    pub(super) fn pair(&mut self) -> Option<(Span, Span)> {
        Some((self.span()?, self.span()?))
    }

    #[inline]
    pub(super) fn option<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => read(self).map(Some),
            _ => None,
        }
    }

    pub(super) fn list<T>(
        &mut self,
        into: &mut Vec<T>,
        read: impl Fn(&mut Self) -> Option<T>,
    ) -> Option<()> {
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
    pub(super) fn read_into(&mut self, bytes: &[u8]) -> Option<()> {
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
        self.vendor_wide = r.bool()?;
        self.common_message = r.bool()?;
        self.log_line = r.bool()?;
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
pub(super) struct MessageForms {
    pub(super) _id: Span,
    pub(super) _code: Option<Span>,
    pub(super) _status: u16,
    pub(super) message: Span,
    pub(super) variants: Vec<Span>,
}

/// Number `i` of a table of little-endian u32s (0 past its end, which `unpack`'s checks rule out).
pub(super) fn u32_at(table: &[u8], i: usize) -> u32 {
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
pub(super) fn sound_template(text: &str) -> bool {
    text.len() <= MAX_TEXT_LEN
        && (!crate::template::has_braces(text) || crate::template::validate(text).is_ok())
}

/// A pair of texts from the pool, as the model holds them.
pub(super) fn text((en, zh): (&'static str, &'static str)) -> Text {
    Text {
        en: Cow::Borrowed(en),
        zh: Cow::Borrowed(zh),
    }
}
