//! A cache of users' large catalogs, as checked and converted, so they load without their TOML being parsed
//! and checked again: one file per catalog in `$XDG_CACHE_HOME/errcode/` (default `~/.cache/errcode/`),
//! valid while the catalog's path, size and modification time and errcode's version are those it was
//! written for. The cache is an optimisation only: any problem with it means the catalog is read as usual.
//!
//! Each entry is a record of its own, decoded when first asked for, and the file carries an index of the
//! entries by code: looking up a code in 50,000 entries decodes the few with that code, not all of them.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use std::sync::OnceLock;

use crate::catalog::{self, Catalog, Entry, Origin, Trusted, TrustedEntry};
use crate::template::Template;

/// Catalogs smaller than this parse in about a millisecond: not worth a cache file.
pub const MIN_CACHED_BYTES: u64 = 64 * 1024;

/// The layout of the file below the stamp; files of another layout are ignored.
const FORMAT: u32 = 2;

/// What a cache file was written for.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp<'a> {
    /// First, so that a file of another layout fails here.
    format: u32,
    version: &'a str,
    path: &'a str,
    len: u64,
    modified_ns: u128,
}

/// The catalog file's stamp (from its `meta`data), taken before it is read (a file saved meanwhile then fails to match its cache
/// next time, rather than the cache keeping the old text under the new stamp); `None` for a catalog too
/// small to be worth caching, or one whose stamp cannot be known.
pub fn stamp<'p>(source: &'p Path, meta: &std::fs::Metadata) -> Option<Stamp<'p>> {
    if meta.len() < MIN_CACHED_BYTES {
        return None;
    }
    let modified_ns = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(Stamp {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION"),
        path: source.to_str()?,
        len: meta.len(),
        modified_ns,
    })
}

fn cache_file(cache_dir: &Path, source: &Path) -> PathBuf {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    source.hash(&mut hasher);
    cache_dir.join(format!("catalog-{:016x}.bin", hasher.finish()))
}

/// What follows the stamp and the body's checksum.
#[derive(Serialize, Deserialize)]
struct Body<'a> {
    /// The catalog without its entries.
    #[serde(borrow)]
    catalog: Trusted<'a>,
    /// `(literal code in ASCII lower case, entry)` for every entry with a literal code, sorted.
    #[serde(borrow)]
    codes: Vec<(&'a str, u32)>,
    /// The entries whose code is a template.
    code_templates: Vec<u32>,
    /// `(older, newer)` for every entry that is an older edition of another.
    editions: Vec<(u32, u32)>,
    /// Each entry's `TrustedEntry`, encoded on its own.
    #[serde(borrow)]
    entries: Vec<&'a [u8]>,
}

/// The first fields of a `TrustedEntry`, up to its message forms: what a message lookup reads of every
/// entry (postcard encodes a struct as its fields in order, so these decode from the entry's start).
#[derive(Deserialize)]
struct MessageForms<'a> {
    _id: &'a str,
    _code: Option<&'a str>,
    _status: u16,
    message: &'a str,
    #[serde(borrow)]
    variants: Vec<&'a str>,
}

/// A cached catalog's entries, each decoded when first asked for.
pub(crate) struct Entries {
    codes: Vec<(&'static str, u32)>,
    code_templates: Vec<u32>,
    editions: Vec<(u32, u32)>,
    records: Vec<&'static [u8]>,
    decoded: Box<[OnceLock<Box<Entry>>]>,
}

impl Entries {
    pub(crate) fn len(&self) -> usize {
        self.records.len()
    }

    pub(crate) fn get(&self, index: usize) -> Option<&Entry> {
        let record = self.records.get(index)?;
        Some(self.decoded[index].get_or_init(|| {
            // The whole file matched its checksum when it was loaded, and errcode wrote it.
            let trusted: TrustedEntry<'static> =
                postcard::from_bytes(record).expect("a cache record written by errcode decodes");
            Box::new(trusted.load())
        }))
    }

    pub(crate) fn position(&self, entry: &Entry) -> Option<usize> {
        self.decoded
            .iter()
            .position(|slot| slot.get().is_some_and(|e| std::ptr::eq(&**e, entry)))
    }

    pub(crate) fn with_code(&self, code: &str) -> Vec<usize> {
        let key = code.to_ascii_lowercase();
        let start = self.codes.partition_point(|&(k, _)| k < key.as_str());
        // Sorted by code, then entry: the entries come in document order.
        self.codes[start..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, index)| index as usize)
            .collect()
    }

    pub(crate) fn with_code_template(&self) -> Vec<usize> {
        self.code_templates.iter().map(|&i| i as usize).collect()
    }

    pub(crate) fn editions(&self, index: usize) -> Vec<usize> {
        crate::catalog::editions_among(
            index,
            (self.editions.iter()).map(|&(older, newer)| (older as usize, newer as usize)),
        )
    }

    pub(crate) fn with_message_forms<R>(
        &self,
        index: usize,
        f: impl FnOnce(&[Template]) -> R,
    ) -> R {
        if let Some(entry) = self.decoded[index].get() {
            return f(entry.message_forms());
        }
        let forms: MessageForms<'static> = postcard::take_from_bytes(self.records[index])
            .expect("a cache record written by errcode decodes")
            .0;
        catalog::with_forms_of(forms.message, &forms.variants, f)
    }
}

/// The catalog from its cache file, if there is one written for `stamp`.
pub fn load(cache_dir: &Path, source: &Path, stamp: &Stamp<'_>) -> Option<Catalog> {
    let bytes = std::fs::read(cache_file(cache_dir, source)).ok()?;
    let (found, rest) = postcard::take_from_bytes::<Stamp<'_>>(&bytes).ok()?;
    if found != *stamp {
        return None;
    }
    let (sum, body) = postcard::take_from_bytes::<u32>(rest).ok()?;
    // A damaged file is found here, rather than when an entry is decoded (as late as the matcher's asking).
    if crc32fast::hash(body) != sum {
        return None;
    }
    let start = bytes.len() - body.len();
    // The loaded catalog borrows its texts from the file's bytes, which therefore live as long as the
    // process (one catalog's worth, read once).
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    decode(&bytes[start..], Origin::File(source.to_path_buf()))
}

/// The catalog of an encoded `Body`.
fn decode(body: &'static [u8], origin: Origin) -> Option<Catalog> {
    let body: Body<'static> = postcard::from_bytes(body).ok()?;
    let mut catalog = body.catalog.load(origin);
    let count = body.entries.len();
    let in_range = |i: u32| (i as usize) < count;
    if !body.codes.iter().all(|&(_, i)| in_range(i))
        || !body.code_templates.iter().copied().all(in_range)
        || !body
            .editions
            .iter()
            .all(|&(a, b)| in_range(a) && in_range(b))
    {
        return None;
    }
    catalog.entries = catalog::Entries::cached(Entries {
        codes: body.codes,
        code_templates: body.code_templates,
        editions: body.editions,
        decoded: (0..count).map(|_| OnceLock::new()).collect(),
        records: body.entries,
    });
    Some(catalog)
}

/// Writes the catalog's cache file for `stamp`. Failing to is not an error.
pub fn store(cache_dir: &Path, source: &Path, stamp: &Stamp<'_>, catalog: &Catalog) {
    if std::fs::create_dir_all(cache_dir).is_err() {
        return;
    }
    let Some(body) = body(catalog) else {
        return;
    };
    let Ok(mut bytes) = postcard::to_allocvec(stamp) else {
        return;
    };
    let Ok(sum) = postcard::to_allocvec(&crc32fast::hash(&body)) else {
        return;
    };
    bytes.extend_from_slice(&sum);
    bytes.extend_from_slice(&body);
    let target = cache_file(cache_dir, source);
    // Written beside, then renamed: another errcode reading it meanwhile sees the old file or the new.
    let partial = target.with_extension(format!("{}.partial", std::process::id()));
    // (A write that fails part-way, a full disk, leaves nothing behind either.)
    if std::fs::write(&partial, &bytes).is_err() || std::fs::rename(&partial, &target).is_err() {
        let _ = std::fs::remove_file(&partial);
    }
}

/// The encoded `Body` of a checked catalog.
fn body(catalog: &Catalog) -> Option<Vec<u8>> {
    let mut trusted = Trusted::of(catalog);
    let entries = std::mem::take(&mut trusted.entries);
    let records = entries
        .iter()
        .map(postcard::to_allocvec)
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    let mut codes = Vec::new();
    let mut code_templates = Vec::new();
    let mut editions = Vec::new();
    for (index, entry) in catalog.entries.iter().enumerate() {
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
    postcard::to_allocvec(&Body {
        // Its entries, taken above, go as records of their own.
        catalog: trusted,
        codes: codes.iter().map(|(code, i)| (code.as_str(), *i)).collect(),
        code_templates,
        editions,
        entries: records.iter().map(Vec::as_slice).collect(),
    })
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The minimal test catalog with more entries: an older edition and a code template.
    fn catalog() -> String {
        let more = r#"
[[entries]]
id = "old"
code = "acme.1"
status = 401
message = "Two forms."
variants = ["First form.", "Second {x}."]
edition_of = "e1"
meaning = { en = "m", zh = "m" }
fix = { en = "f", zh = "f" }
[[entries]]
id = "templated"
code = "Missing{param}"
status = 400
message = "m"
meaning = { en = "m", zh = "m" }
fix = { en = "f", zh = "f" }
"#;
        format!("{}{more}", crate::catalog::tests::MINIMAL)
    }

    #[test]
    fn cached_entries_answer_as_the_catalog_does() {
        let original = crate::catalog::parse(&catalog(), Origin::File("acme.toml".into())).unwrap();
        let body: &'static [u8] = Box::leak(body(&original).unwrap().into_boxed_slice());
        let cached = decode(body, Origin::File("acme.toml".into())).unwrap();
        let sources = |forms: &[Template]| {
            forms
                .iter()
                .map(|f| f.source().to_string())
                .collect::<Vec<_>>()
        };
        // Message forms first, read without decoding the entries; then the same from decoded entries.
        for decoded in [false, true] {
            for i in 0..original.entries.len() {
                assert_eq!(
                    cached.entries.with_message_forms(i, sources),
                    sources(original.entries[i].message_forms()),
                    "entry {i}, decoded: {decoded}"
                );
            }
            if !decoded {
                assert_eq!(cached.entries.iter().count(), 3);
            }
        }
        for code in ["ACME.1", "Acme.1", "ACME.2", "Missing{param}"] {
            assert_eq!(
                cached.entries.with_code(code),
                original.entries.with_code(code),
                "{code}"
            );
        }
        assert_eq!(cached.entries.with_code_template(), vec![2]);
        assert_eq!(original.entries.with_code_template(), vec![2]);
        for i in 0..3 {
            assert_eq!(
                cached.entries.editions(i),
                original.entries.editions(i),
                "{i}"
            );
            assert_eq!(cached.entries.position(&cached.entries[i]), Some(i));
        }
        assert_eq!(cached.canonical(), original.canonical());
    }

    #[test]
    fn a_damaged_cache_file_is_ignored() {
        let original = crate::catalog::parse(&catalog(), Origin::File("acme.toml".into())).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("acme.toml");
        std::fs::write(&source, catalog()).unwrap();
        let stamp = Stamp {
            format: FORMAT,
            version: "test",
            path: "acme.toml",
            len: 1,
            modified_ns: 1,
        };
        store(dir.path(), &source, &stamp, &original);
        assert!(load(dir.path(), &source, &stamp).is_some());
        let file = cache_file(dir.path(), &source);
        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&file, &bytes).unwrap();
        assert!(load(dir.path(), &source, &stamp).is_none());
    }
}
