//! The catalog model and its loading: TOML files (built in, or the user's) read into raw serde types, then
//! validated into `Catalog`s whose every error names the file, line and column.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};
use crate::template::{self, Context, Template};

/// The built-in catalogs, converted from `catalogs/*.toml` into statics by `build.rs`.
const BUILTIN: &[Builtin] = include!(concat!(env!("OUT_DIR"), "/builtin_catalogs.rs"));

/// Every text of the built-in entries, one after another: `SpanEntry` offsets point into it.
static BUILTIN_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin_text.txt"));

/// The built-in entries' lists: their variants' spans (start, end pairs) and their source indexes.
static BUILTIN_LISTS: &[u32] = &include!(concat!(env!("OUT_DIR"), "/builtin_lists.rs"));

/// A built-in catalog as `build.rs` writes it: its header, and its entries as offsets into one text rather
/// than string pointers, each of which the dynamic linker would write at every start (paging in the
/// statics of all 555 entries for a lookup that reads one).
struct Builtin {
    catalog: Trusted<'static>,
    entries: &'static [SpanEntry],
}

type Span = (u32, u32);

/// A built-in entry: `TrustedEntry` with texts and lists as spans of `BUILTIN_TEXT` and `BUILTIN_LISTS`.
pub(crate) struct SpanEntry {
    id: Span,
    code: Option<Span>,
    status: u16,
    message: Span,
    variants: Span,
    sources: Span,
    edition_of: Option<u32>,
    doubtful_message: bool,
    meaning: (Span, Span),
    fix: (Span, Span),
    note: Option<(Span, Span)>,
    authored: [bool; 4],
}

fn builtin_text((start, end): Span) -> &'static str {
    &BUILTIN_TEXT[start as usize..end as usize]
}

fn builtin_pair((en, zh): (Span, Span)) -> (&'static str, &'static str) {
    (builtin_text(en), builtin_text(zh))
}

fn builtin_list((start, end): Span) -> &'static [u32] {
    &BUILTIN_LISTS[start as usize..end as usize]
}

impl SpanEntry {
    fn id(&self) -> &'static str {
        builtin_text(self.id)
    }

    fn code(&self) -> Option<&'static str> {
        self.code.map(builtin_text)
    }

    fn message(&self) -> &'static str {
        builtin_text(self.message)
    }

    fn variants(&self) -> Vec<&'static str> {
        builtin_list(self.variants)
            .chunks_exact(2)
            .map(|span| builtin_text((span[0], span[1])))
            .collect()
    }

    /// The entry, without checks (see `Trusted`).
    fn load(&self) -> Entry {
        TrustedEntry {
            id: self.id(),
            code: self.code(),
            status: self.status,
            message: self.message(),
            variants: Cow::Owned(self.variants()),
            sources: Cow::Borrowed(builtin_list(self.sources)),
            edition_of: self.edition_of,
            doubtful_message: self.doubtful_message,
            meaning: builtin_pair(self.meaning),
            fix: builtin_pair(self.fix),
            note: self.note.map(builtin_pair),
            authored: self.authored,
        }
        .load()
    }
}

/// A catalog in the form errcode keeps checked data in: the built-in catalogs' headers as statics
/// (`build.rs` writes them; their entries are `SpanEntry` statics), users' catalogs in the cache
/// (`cache.rs`). Sources and editions are indexes, `authored`
/// lists flags (meaning.en, meaning.zh, fix.en, fix.zh). Loading one skips every check: it was checked
/// when it was written.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Trusted<'a> {
    pub file: &'a str,
    pub id: &'a str,
    pub vendor: &'a str,
    pub vendor_name: (&'a str, &'a str),
    pub product: (&'a str, &'a str),
    #[serde(borrow)]
    pub sources: Cow<'a, [TrustedSource<'a>]>,
    #[serde(borrow)]
    pub entries: Cow<'a, [TrustedEntry<'a>]>,
    #[serde(borrow)]
    pub referrals: Cow<'a, [TrustedReferral<'a>]>,
    pub replaces: bool,
    pub messages_are_descriptions: bool,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct TrustedSource<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub date: Option<&'a str>,
    pub document: Option<&'a str>,
    pub url: Option<&'a str>,
    pub label: Option<(&'a str, &'a str)>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct TrustedEntry<'a> {
    pub id: &'a str,
    pub code: Option<&'a str>,
    pub status: u16,
    pub message: &'a str,
    #[serde(borrow)]
    pub variants: Cow<'a, [&'a str]>,
    pub sources: Cow<'a, [u32]>,
    pub edition_of: Option<u32>,
    pub doubtful_message: bool,
    pub meaning: (&'a str, &'a str),
    pub fix: (&'a str, &'a str),
    pub note: Option<(&'a str, &'a str)>,
    pub authored: [bool; 4],
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct TrustedReferral<'a> {
    pub id: &'a str,
    pub code: &'a str,
    pub meaning: (&'a str, &'a str),
    pub fix: (&'a str, &'a str),
    pub authored: [bool; 4],
}

/// The built-in catalogs' files, by name: the loader's input for the tests that check them.
pub fn builtin_files() -> Vec<&'static str> {
    BUILTIN.iter().map(|b| b.catalog.file).collect()
}

impl Text {
    /// Texts from the built-in statics, borrowed.
    pub(crate) fn trusted((en, zh): (&'static str, &'static str)) -> Text {
        Text {
            en: Cow::Borrowed(en),
            zh: Cow::Borrowed(zh),
        }
    }

    fn pair(&self) -> (&str, &str) {
        (&self.en, &self.zh)
    }
}

impl Authored {
    fn from_flags([meaning_en, meaning_zh, fix_en, fix_zh]: [bool; 4]) -> Authored {
        Authored {
            meaning_en,
            meaning_zh,
            fix_en,
            fix_zh,
        }
    }

    fn flags(self) -> [bool; 4] {
        [self.meaning_en, self.meaning_zh, self.fix_en, self.fix_zh]
    }
}

impl Trusted<'static> {
    /// The catalog, without checks (see the type).
    pub(crate) fn load(&self, origin: Origin) -> Catalog {
        Catalog {
            id: self.id.to_string(),
            vendor: Vendor::from_id(self.vendor).unwrap_or(Vendor::Huawei),
            vendor_name: Text::trusted(self.vendor_name),
            product: Text::trusted(self.product),
            sources: self
                .sources
                .iter()
                .map(|s| Source {
                    id: s.id.to_string(),
                    title: s.title.to_string(),
                    date: s.date.map(str::to_string),
                    document: s.document.map(str::to_string),
                    url: s.url.map(str::to_string),
                    label: s.label.map(Text::trusted),
                })
                .collect(),
            entries: self
                .entries
                .iter()
                .map(TrustedEntry::load)
                .collect::<Vec<_>>()
                .into(),
            referrals: self
                .referrals
                .iter()
                .map(|r| Referral {
                    id: r.id.to_string(),
                    code: Template::trusted(r.code, Context::Code),
                    meaning: Text::trusted(r.meaning),
                    fix: Text::trusted(r.fix),
                    authored: Authored::from_flags(r.authored),
                })
                .collect(),
            origin,
            overrides: None,
            replaces: self.replaces,
            messages_are_descriptions: self.messages_are_descriptions,
        }
    }
}

impl TrustedEntry<'static> {
    /// The entry, without checks (see `Trusted`).
    pub(crate) fn load(&self) -> Entry {
        Entry {
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
            meaning: Text::trusted(self.meaning),
            fix: Text::trusted(self.fix),
            note: self.note.map(Text::trusted),
            authored: Authored::from_flags(self.authored),
        }
    }
}

impl Catalog {
    /// Everything the catalog says, as one comparable text (its trusted form, printed): for the test that
    /// the built-in data says exactly what its TOML does.
    #[doc(hidden)]
    pub fn canonical(&self) -> String {
        format!("{:#?}", Trusted::of(self))
    }
}

impl<'a> Trusted<'a> {
    /// A checked catalog in the trusted form, to cache it.
    pub(crate) fn of(c: &'a Catalog) -> Trusted<'a> {
        Trusted {
            file: "",
            id: &c.id,
            vendor: c.vendor.id(),
            vendor_name: c.vendor_name.pair(),
            product: c.product.pair(),
            sources: c
                .sources
                .iter()
                .map(|s| TrustedSource {
                    id: &s.id,
                    title: &s.title,
                    date: s.date.as_deref(),
                    document: s.document.as_deref(),
                    url: s.url.as_deref(),
                    label: s.label.as_ref().map(Text::pair),
                })
                .collect(),
            entries: c
                .entries
                .iter()
                .map(|e| TrustedEntry {
                    id: &e.id,
                    code: e.code.as_ref().map(Template::source),
                    status: e.status,
                    message: e.message.source(),
                    variants: e.variants.iter().map(Template::source).collect(),
                    sources: e.sources.iter().map(|&s| s as u32).collect(),
                    edition_of: e.edition_of.map(|i| i as u32),
                    doubtful_message: e.doubtful_message,
                    meaning: e.meaning.pair(),
                    fix: e.fix.pair(),
                    note: e.note.as_ref().map(Text::pair),
                    authored: e.authored.flags(),
                })
                .collect(),
            referrals: c
                .referrals
                .iter()
                .map(|r| TrustedReferral {
                    id: &r.id,
                    code: r.code.source(),
                    meaning: r.meaning.pair(),
                    fix: r.fix.pair(),
                    authored: r.authored.flags(),
                })
                .collect(),
            replaces: c.replaces,
            messages_are_descriptions: c.messages_are_descriptions,
        }
    }
}

/// The gateway vendors errcode knows.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Vendor {
    Huawei,
    Alibaba,
    Tencent,
    Jdcloud,
}

impl Vendor {
    pub const ALL: [Vendor; 4] = [
        Vendor::Huawei,
        Vendor::Alibaba,
        Vendor::Tencent,
        Vendor::Jdcloud,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Vendor::Huawei => "huawei",
            Vendor::Alibaba => "alibaba",
            Vendor::Tencent => "tencent",
            Vendor::Jdcloud => "jdcloud",
        }
    }

    fn from_id(id: &str) -> Option<Vendor> {
        Vendor::ALL.into_iter().find(|v| v.id() == id)
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Text {
    pub en: Cow<'static, str>,
    pub zh: Cow<'static, str>,
}

/// A document a catalog was made from.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    /// The file in `catalogs/sources/` (built-in catalogs made from a kept document).
    pub document: Option<String>,
    /// The public page the catalog was made from.
    pub url: Option<String>,
    pub label: Option<Text>,
}

/// Which of an entry's texts errcode wrote (translations, or fixes the vendor left blank).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Authored {
    pub meaning_en: bool,
    pub meaning_zh: bool,
    pub fix_en: bool,
    pub fix_zh: bool,
}

impl Authored {
    pub const FIELDS: [&'static str; 4] = ["meaning.en", "meaning.zh", "fix.en", "fix.zh"];

    fn set(&mut self, field: &str) -> bool {
        let flag = match field {
            "meaning.en" => &mut self.meaning_en,
            "meaning.zh" => &mut self.meaning_zh,
            "fix.en" => &mut self.fix_en,
            "fix.zh" => &mut self.fix_zh,
            _ => return false,
        };
        *flag = true;
        true
    }

    pub fn fields(self) -> Vec<&'static str> {
        Authored::FIELDS
            .into_iter()
            .zip(self.flags())
            .filter_map(|(name, on)| on.then_some(name))
            .collect()
    }
}

/// One row of a vendor's error table.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: Cow<'static, str>,
    pub code: Option<Template>,
    pub status: u16,
    pub message: Template,
    /// The messages to match where the vendor's cell holds several; empty means `message` itself.
    pub variants: Vec<Template>,
    /// Indexes into the catalog's `sources`.
    pub sources: Vec<usize>,
    /// Index of the newer edition's entry this older row corresponds to.
    pub edition_of: Option<usize>,
    pub doubtful_message: bool,
    pub meaning: Text,
    pub fix: Text,
    pub note: Option<Text>,
    pub authored: Authored,
}

impl Entry {
    /// The message forms the matcher tries.
    pub fn message_forms(&self) -> &[Template] {
        if self.variants.is_empty() {
            std::slice::from_ref(&self.message)
        } else {
            &self.variants
        }
    }
}

/// What the vendor's document says about codes it does not list (Huawei: "codes starting with APIGW: see
/// the API Gateway error codes"), so such a code gets a pointer rather than silence.
#[derive(Debug, Clone)]
pub struct Referral {
    pub id: String,
    /// A code template (`APIGW.{number}`).
    pub code: Template,
    pub meaning: Text,
    pub fix: Text,
    pub authored: Authored,
}

/// Where a catalog was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary; the file name under `catalogs/`.
    Builtin(&'static str),
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Builtin(_) => f.write_str("built-in"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

impl Origin {
    fn path_for_errors(&self) -> String {
        match self {
            Origin::Builtin(name) => format!("catalogs/{name}"),
            Origin::File(path) => path.display().to_string(),
        }
    }
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
}

/// A catalog's entries: built in memory (a catalog read from its TOML), made from the built-in statics or
/// decoded from the cache (`cache.rs`) one by one as they are asked for, so that a lookup makes only the
/// entries it looks at.
#[derive(Clone)]
pub struct Entries(Store);

#[derive(Clone)]
enum Store {
    Built(Vec<Entry>),
    Static(Arc<StaticEntries>),
    Cached(Arc<crate::cache::Entries>),
}

/// Whether an entry's code (`template`) is the literal `code`, ignoring ASCII case.
fn is_literal_code(template: Option<&Template>, code: &str) -> bool {
    template
        .and_then(Template::literal_str)
        .is_some_and(|literal| literal.eq_ignore_ascii_case(code))
}

/// The built-in catalogs' entries: their statics, each made into an `Entry` when first read.
struct StaticEntries {
    statics: &'static [SpanEntry],
    /// Boxed: an `Entry` is some 400 bytes, and slots for every entry, touched at start-up, would cost
    /// page faults for rows a lookup never reads.
    built: Box<[OnceLock<Box<Entry>>]>,
}

impl StaticEntries {
    fn get(&self, index: usize) -> Option<&Entry> {
        let statics = self.statics.get(index)?;
        Some(self.built[index].get_or_init(|| Box::new(statics.load())))
    }

    // A code without braces is its own literal, compared without making the entry; one with braces is
    // read as a template, which making the entry keeps parsed for the lookup that asked.

    /// Whether entry `index`'s code is the literal `code`, ignoring ASCII case.
    fn has_code(&self, index: usize, code: &str) -> bool {
        match self.statics[index].code() {
            Some(own) if !template::has_braces(own) => own.eq_ignore_ascii_case(code),
            Some(_) => self
                .get(index)
                .is_some_and(|e| is_literal_code(e.code.as_ref(), code)),
            None => false,
        }
    }

    /// Whether entry `index`'s code is a template with placeholders.
    fn has_code_template(&self, index: usize) -> bool {
        self.statics[index].code().is_some_and(template::has_braces)
            && self
                .get(index)
                .is_some_and(|e| e.code.as_ref().is_some_and(Template::has_placeholders))
    }
}

/// `f` of message forms read from their sources (an entry's `message` and `variants`), for an entry not
/// made yet: a message lookup reads every message but shows few entries.
pub(crate) fn with_forms_of<R>(
    message: &'static str,
    variants: &[&'static str],
    f: impl FnOnce(&[Template]) -> R,
) -> R {
    if variants.is_empty() {
        f(&[Template::trusted(message, Context::Message)])
    } else {
        let forms: Vec<Template> = variants
            .iter()
            .map(|v| Template::trusted(v, Context::Message))
            .collect();
        f(&forms)
    }
}

impl From<Vec<Entry>> for Entries {
    fn from(entries: Vec<Entry>) -> Entries {
        Entries(Store::Built(entries))
    }
}

/// The other editions of entry `index`, from every `(older, newer)` pair of rows that are editions of one
/// another (each store lists its pairs its own way): the newer row it is an edition of and the older rows
/// that are editions of it, in document order.
pub(crate) fn editions_among(
    index: usize,
    pairs: impl Iterator<Item = (usize, usize)>,
) -> Vec<usize> {
    let mut editions: Vec<usize> = pairs
        .filter_map(|(older, newer)| {
            (older == index)
                .then_some(newer)
                .or((newer == index).then_some(older))
        })
        .collect();
    editions.sort_unstable();
    editions.dedup();
    editions
}

impl Entries {
    pub(crate) fn cached(entries: crate::cache::Entries) -> Entries {
        Entries(Store::Cached(Arc::new(entries)))
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            Store::Built(entries) => entries.len(),
            Store::Static(entries) => entries.statics.len(),
            Store::Cached(entries) => entries.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, index: usize) -> Option<&Entry> {
        match &self.0 {
            Store::Built(entries) => entries.get(index),
            Store::Static(entries) => entries.get(index),
            Store::Cached(entries) => entries.get(index),
        }
    }

    /// In document order.
    pub fn iter(&self) -> EntriesIter<'_> {
        EntriesIter {
            entries: self,
            next: 0,
        }
    }

    /// The entry with this id (a built-in catalog makes only that one; a cached one decodes entries in turn
    /// until it is found).
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        match &self.0 {
            Store::Built(entries) => entries.iter().find(|e| e.id == id),
            Store::Static(entries) => {
                let index = entries.statics.iter().position(|e| e.id() == id)?;
                entries.get(index)
            }
            Store::Cached(_) => self.iter().find(|e| e.id == id),
        }
    }

    /// Where `entry` (one of these) stands.
    pub fn position(&self, entry: &Entry) -> Option<usize> {
        match &self.0 {
            Store::Built(entries) => entries.iter().position(|e| std::ptr::eq(e, entry)),
            Store::Static(entries) => entries
                .built
                .iter()
                .position(|slot| slot.get().is_some_and(|e| std::ptr::eq(&**e, entry))),
            Store::Cached(entries) => entries.position(entry),
        }
    }

    /// The entries whose literal code is `code`, ignoring ASCII case, in document order.
    pub(crate) fn with_code(&self, code: &str) -> Vec<usize> {
        match &self.0 {
            Store::Built(entries) => (0..entries.len())
                .filter(|&i| is_literal_code(entries[i].code.as_ref(), code))
                .collect(),
            // A code with braces is read as a template; any other is its own literal.
            Store::Static(entries) => (0..entries.statics.len())
                .filter(|&i| entries.has_code(i, code))
                .collect(),
            Store::Cached(entries) => entries.with_code(code),
        }
    }

    /// The entries with a status in `statuses`, in document order.
    pub(crate) fn with_status(&self, statuses: std::ops::RangeInclusive<u16>) -> Vec<usize> {
        match &self.0 {
            Store::Static(entries) => (0..entries.statics.len())
                .filter(|&i| statuses.contains(&entries.statics[i].status))
                .collect(),
            _ => (0..self.len())
                .filter(|&i| statuses.contains(&self[i].status))
                .collect(),
        }
    }

    /// The entries whose code is a template (has placeholders), in document order.
    pub(crate) fn with_code_template(&self) -> Vec<usize> {
        match &self.0 {
            Store::Built(entries) => (0..entries.len())
                .filter(|&i| {
                    entries[i]
                        .code
                        .as_ref()
                        .is_some_and(Template::has_placeholders)
                })
                .collect(),
            Store::Static(entries) => (0..entries.statics.len())
                .filter(|&i| entries.has_code_template(i))
                .collect(),
            Store::Cached(entries) => entries.with_code_template(),
        }
    }

    /// The other editions of entry `index`: the newer row it is an edition of and the older rows that
    /// are editions of it, in document order.
    pub(crate) fn editions(&self, index: usize) -> Vec<usize> {
        match &self.0 {
            Store::Built(entries) => editions_among(
                index,
                (entries.iter().enumerate()).filter_map(|(j, e)| Some((j, e.edition_of?))),
            ),
            Store::Static(entries) => editions_among(
                index,
                (entries.statics.iter().enumerate())
                    .filter_map(|(j, e)| Some((j, e.edition_of? as usize))),
            ),
            Store::Cached(entries) => entries.editions(index),
        }
    }

    /// `f` of entry `index`'s message forms (`Entry::message_forms`), read without making the whole entry
    /// where entries are made as read: a message lookup reads every message but shows few entries.
    pub(crate) fn with_message_forms<R>(
        &self,
        index: usize,
        f: impl FnOnce(&[Template]) -> R,
    ) -> R {
        match &self.0 {
            Store::Built(entries) => f(entries[index].message_forms()),
            Store::Static(entries) => match entries.built[index].get() {
                Some(entry) => f(entry.message_forms()),
                None => {
                    let statics = &entries.statics[index];
                    with_forms_of(statics.message(), &statics.variants(), f)
                }
            },
            Store::Cached(entries) => entries.with_message_forms(index, f),
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

/// The entries of a catalog in document order (`Entries::iter`).
pub struct EntriesIter<'a> {
    entries: &'a Entries,
    next: usize,
}

impl<'a> Iterator for EntriesIter<'a> {
    type Item = &'a Entry;

    fn next(&mut self) -> Option<&'a Entry> {
        let entry = self.entries.get(self.next)?;
        self.next += 1;
        Some(entry)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.entries.len() - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for EntriesIter<'_> {}

impl<'a> IntoIterator for &'a Entries {
    type Item = &'a Entry;
    type IntoIter = EntriesIter<'a>;

    fn into_iter(self) -> EntriesIter<'a> {
        self.iter()
    }
}

/// Every loaded catalog, built-in first, then the user's in load order.
#[derive(Debug, Clone, Default)]
pub struct Catalogs {
    pub catalogs: Vec<Catalog>,
}

/// Where to find the user's catalogs, resolved from flags and environment by the CLI.
#[derive(Debug, Clone, Default)]
pub struct CatalogPaths {
    /// The per-user directory; skipped when it does not exist.
    pub config_dir: Option<PathBuf>,
    /// Paths from `ERRCODE_CATALOG_PATH` and `--catalog`, in that order; each must exist.
    pub explicit: Vec<PathBuf>,
    /// Where checked copies of large catalogs are kept (`cache.rs`); none: not cached.
    pub cache_dir: Option<PathBuf>,
}

impl Catalogs {
    /// Only the built-in catalogs (statics the build checked: nothing to fail).
    pub fn builtin() -> Catalogs {
        Catalogs {
            catalogs: BUILTIN
                .iter()
                .map(|b| {
                    let mut catalog = b.catalog.load(Origin::Builtin(b.catalog.file));
                    // Made into entries as lookups read them (a code lookup reads few).
                    catalog.entries = Entries(Store::Static(Arc::new(StaticEntries {
                        statics: b.entries,
                        built: b.entries.iter().map(|_| OnceLock::new()).collect(),
                    })));
                    catalog
                })
                .collect(),
        }
    }

    /// The built-in catalogs, then the user's. Returns warnings to show (an unreadable config directory is
    /// not fatal: the built-in catalogs still answer).
    pub fn load(paths: &CatalogPaths) -> Result<(Catalogs, Vec<String>)> {
        let mut set = Catalogs::builtin();
        let mut warnings = Vec::new();
        if let Some(dir) = &paths.config_dir {
            match catalog_files(dir) {
                Ok(files) => {
                    for file in files {
                        set.add(load_file(&file, paths.cache_dir.as_deref())?)?;
                    }
                }
                Err(Error::Read { source, .. })
                    if source.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => warnings.push(format!("skipping user catalogs: {err}")),
            }
        }
        for path in &paths.explicit {
            for file in catalog_files(path)? {
                set.add(load_file(&file, paths.cache_dir.as_deref())?)?;
            }
        }
        Ok((set, warnings))
    }

    fn add(&mut self, mut catalog: Catalog) -> Result<()> {
        if let Some(at) = self.catalogs.iter().position(|c| c.id == catalog.id) {
            if !catalog.replaces {
                return Err(Error::Usage(format!(
                    "{}: catalog id `{}` is already loaded from {}; choose another id, or set `override = true` to replace it",
                    catalog.origin.path_for_errors(),
                    catalog.id,
                    self.catalogs[at].origin
                )));
            }
            catalog.overrides = Some(self.catalogs[at].origin.clone());
            self.catalogs[at] = catalog;
        } else {
            self.catalogs.push(catalog);
        }
        Ok(())
    }

    /// Every entry with its catalog, in catalog then document order.
    pub fn entries(&self) -> impl Iterator<Item = (&Catalog, &Entry)> {
        self.catalogs
            .iter()
            .flat_map(|c| c.entries.iter().map(move |e| (c, e)))
    }
}

/// The error of a failed read of `path`.
fn read_error(path: &Path) -> impl Fn(std::io::Error) -> Error + Copy + '_ {
    move |source| Error::Read {
        path: path.to_path_buf(),
        source,
    }
}

/// A path given by the user: a `.toml` file, or a directory whose `.toml` files are read in name order.
fn catalog_files(path: &Path) -> Result<Vec<PathBuf>> {
    let read_error = read_error(path);
    if !std::fs::metadata(path).map_err(read_error)?.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for item in std::fs::read_dir(path).map_err(read_error)? {
        let file = item.map_err(read_error)?.path();
        if file.extension().is_some_and(|ext| ext == "toml") && !file.is_dir() {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

/// A user's catalog: from its cache file where that is current, else read, checked, and cached.
fn load_file(path: &Path, cache_dir: Option<&Path>) -> Result<Catalog> {
    let meta = std::fs::metadata(path).map_err(read_error(path))?;
    if !meta.is_file() {
        // A FIFO or device, named or found in a catalog directory, would block or never end.
        return Err(Error::Usage(format!(
            "{}: not a regular file or directory; a catalog must be a .toml file",
            path.display()
        )));
    }
    let cache = cache_dir.and_then(|dir| Some((dir, crate::cache::stamp(path, &meta)?)));
    if let Some((dir, stamp)) = &cache
        && let Some(catalog) = crate::cache::load(dir, path, stamp)
    {
        return Ok(catalog);
    }
    let catalog = read_file(path, meta.len())?;
    if let Some((dir, stamp)) = &cache {
        crate::cache::store(dir, path, stamp, &catalog);
    }
    Ok(catalog)
}

/// Largest catalog file read: 50,000 entries take about 13 MB.
const MAX_CATALOG_BYTES: u64 = 64 * 1024 * 1024;

/// A catalog file of `size` bytes, read and checked.
fn read_file(path: &Path, size: u64) -> Result<Catalog> {
    if size > MAX_CATALOG_BYTES {
        return Err(Error::Usage(format!(
            "{}: {size} bytes is more than the {} MiB a catalog may have",
            path.display(),
            MAX_CATALOG_BYTES / 1024 / 1024
        )));
    }
    let bytes = std::fs::read(path).map_err(read_error(path))?;
    let origin = Origin::File(path.to_path_buf());
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        located(
            &origin,
            &String::from_utf8_lossy(err.as_bytes()),
            valid,
            "file is not valid UTF-8",
        )
    })?;
    parse(&text, origin)
}

/// Parses and validates one catalog's text.
pub fn parse(text: &str, origin: Origin) -> Result<Catalog> {
    let raw: RawCatalog = toml::from_str(text).map_err(|err| {
        let offset = err.span().map_or(0, |span| span.start);
        located(&origin, text, offset, &one_line(err.message()))
    })?;
    Validator {
        text,
        origin: &origin,
    }
    .catalog(raw)
}

/// Builds an error at `offset` of `text`, with a 1-based line and a 1-based column counted in characters.
fn located(origin: &Origin, text: &str, offset: usize, message: &str) -> Error {
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
    meaning: Spanned<RawText>,
    fix: Spanned<RawText>,
    note: Option<Spanned<RawText>>,
    authored: Option<Spanned<Vec<Spanned<String>>>>,
}

/// Longest text a catalog field may hold: real vendor texts are a few hundred characters, and a bound keeps
/// a runaway user catalog from slowing every lookup.
const MAX_TEXT_LEN: usize = 8 * 1024;

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

    fn catalog(&self, raw: RawCatalog) -> Result<Catalog> {
        let id = self.identifier(&raw.id, "catalog id", false)?;
        let vendor = match Vendor::from_id(raw.vendor.get_ref()) {
            Some(v) => v,
            None => {
                return self.error(
                    raw.vendor.span(),
                    format!(
                        "unknown vendor `{}`; expected one of: huawei, alibaba, tencent, jdcloud",
                        raw.vendor.get_ref()
                    ),
                );
            }
        };
        let vendor_name = self.text_pair(&raw.vendor_name, "vendor_name")?;
        let product = self.text_pair(&raw.product, "product")?;
        if raw.sources.get_ref().is_empty() {
            return self.error(raw.sources.span(), "`sources` needs at least one source");
        }
        let mut sources = Vec::new();
        for source in raw.sources.into_inner() {
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
                id: self.identifier(&source.id, "source id", false)?,
                title: self.required(&source.title, "title")?,
                date: source.date,
                document: source.document,
                url: source.url,
                label: source
                    .label
                    .as_ref()
                    .map(|l| self.text_pair(l, "label"))
                    .transpose()?,
            });
        }
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
        let mut referrals: Vec<Referral> = Vec::new();
        for r in &raw.referrals {
            if referrals.iter().any(|x| x.id == *r.id.get_ref())
                || seen_ids.contains(r.id.get_ref().as_str())
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
                id: self.identifier(&r.id, "referral id", true)?,
                meaning: self.explanation(&r.meaning, "meaning", &fillable)?,
                fix: self.explanation(&r.fix, "fix", &fillable)?,
                code,
                authored: match &r.authored {
                    Some(list) => self.authored(list)?,
                    None => default_authored,
                },
            });
        }
        Ok(Catalog {
            id,
            vendor,
            vendor_name,
            product,
            sources,
            entries: entries.into(),
            referrals,
            origin: self.origin.clone(),
            overrides: None,
            replaces: raw.replaces,
            messages_are_descriptions: raw.messages_are_descriptions,
        })
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

        let entry_sources = match &e.sources {
            None => vec![0],
            Some(list) if list.is_empty() => {
                return self.error(
                    e.id.span(),
                    "`sources` is empty; omit it to mean the first source",
                );
            }
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
                                    .map(|s| s.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        ),
                    },
                )
                .collect::<Result<Vec<_>>>()?,
        };
        let edition_of = match &e.edition_of {
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
        };
        let authored = match &e.authored {
            Some(list) => self.authored(list)?,
            None => default_authored,
        };
        Ok(Entry {
            id,
            code,
            status,
            message,
            variants,
            sources: entry_sources,
            edition_of,
            doubtful_message: e.doubtful_message,
            meaning,
            fix,
            note,
            authored,
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
pub(crate) mod tests {
    use super::*;

    /// The built-in entries, made as they are read, answer every question as entries made up front do.
    #[test]
    fn static_entries_answer_as_built_ones() {
        let catalogs = Catalogs::builtin();
        for catalog in &catalogs.catalogs {
            let lazy = &catalog.entries;
            assert!(matches!(lazy.0, Store::Static(_)), "{}", catalog.id);
            let built: Entries = lazy.iter().cloned().collect::<Vec<_>>().into();
            let sources = |forms: &[Template]| {
                forms
                    .iter()
                    .map(|f| f.source().to_string())
                    .collect::<Vec<_>>()
            };
            for i in 0..built.len() {
                let entry = &built[i];
                // First, while entry `i` is not made yet: its forms are read from the statics.
                assert_eq!(
                    lazy.with_message_forms(i, sources),
                    built.with_message_forms(i, sources)
                );
                if let Some(code) = &entry.code {
                    let code = code.source();
                    assert_eq!(lazy.with_code(code), built.with_code(code), "{code}");
                }
                assert_eq!(lazy.editions(i), built.editions(i), "{}", entry.id);
                assert_eq!(lazy.by_id(&entry.id).map(|e| &e.id), Some(&entry.id));
                assert_eq!(lazy.position(&lazy[i]), Some(i));
            }
            assert_eq!(lazy.with_code_template(), built.with_code_template());
            assert_eq!(lazy.with_status(400..=499), built.with_status(400..=499));
        }
    }

    /// A catalog of one entry, for tests here and of the cache.
    pub(crate) const MINIMAL: &str = r#"
id = "acme"
vendor = "huawei"
vendor_name = { en = "Acme", zh = "阿克米" }
product = { en = "Gateway", zh = "网关" }
[[sources]]
id = "doc"
title = "Acme codes"
[[entries]]
id = "e1"
code = "ACME.1"
status = 400
message = "Missing {param}."
meaning = { en = "{param} is missing.", zh = "缺少 {param}" }
fix = { en = "Add it.", zh = "添加" }
"#;

    fn error_of(text: &str) -> String {
        parse(text, Origin::File("acme.toml".into()))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn minimal_catalog_loads() {
        let c = parse(MINIMAL, Origin::File("acme.toml".into())).unwrap();
        assert_eq!(c.entries.len(), 1);
        assert_eq!(c.entries[0].sources, vec![0]);
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let text = MINIMAL.replace("message =", "mesage =");
        assert_eq!(
            error_of(&text),
            "acme.toml:13:1: unknown key `mesage`; did you mean `message`?"
        );
    }

    #[test]
    fn wrong_type_is_located() {
        let text = MINIMAL.replace("status = 400", "status = \"400\"");
        let err = error_of(&text);
        assert!(err.starts_with("acme.toml:12:10: "), "{err}");
    }

    #[test]
    fn bad_placeholder_points_into_the_string() {
        let text = MINIMAL.replace("Missing {param}.", "Missing {Param}.");
        assert!(error_of(&text).starts_with("acme.toml:13:20: message: invalid placeholder name"));
    }

    #[test]
    fn explanation_placeholder_must_be_fillable() {
        let text = MINIMAL.replace("缺少 {param}", "缺少 {value}");
        assert!(
            error_of(&text).contains("placeholder `{value}` is not in the entry's code or message")
        );
    }

    #[test]
    fn unknown_vendor_and_bad_status_are_errors() {
        assert!(
            error_of(&MINIMAL.replace("\"huawei\"", "\"aws\"")).contains("unknown vendor `aws`")
        );
        assert!(
            error_of(&MINIMAL.replace("400", "999")).contains("status 999 is not an HTTP status")
        );
    }

    #[test]
    fn one_line_for_unknown_key_without_close_match() {
        assert_eq!(
            one_line("unknown field `zzzzzzzz`, expected one of `id`, `code`"),
            "unknown key `zzzzzzzz`; expected one of: id, code"
        );
    }
}
