//! A cache of users' large catalogs in their packed form (`packed`), so they load without their TOML being
//! parsed and checked again: one file per catalog in `$XDG_CACHE_HOME/errcode/` (default
//! `~/.cache/errcode/`), valid while the catalog's path, size and modification time and errcode's version
//! are those it was written for. The cache is an optimisation only: any problem with it means the catalog
//! is read as usual.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::model::Origin;
use super::packed::{self, Catalog};

/// Catalogs smaller than this parse in about a millisecond: not worth a cache file.
pub const MIN_CACHED_BYTES: u64 = 64 * 1024;

/// The layout of the file below the stamp; files of another layout are ignored.
const FORMAT: u32 = 3;

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

/// The catalog file's stamp (from its `meta`data), taken before it is read (a file saved meanwhile then
/// fails to match its cache next time, rather than the cache keeping the old text under the new stamp);
/// `None` for a catalog too small to be worth caching, or one whose stamp cannot be known.
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

/// The cache file of a catalog: named by a hash of its path that is the same in every errcode build.
fn cache_file(cache_dir: &Path, source: &Path) -> PathBuf {
    let hash = xxhash_rust::xxh3::xxh3_64(source.as_os_str().as_encoded_bytes());
    cache_dir.join(format!("catalog-{hash:016x}.bin"))
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
    packed::unpack(
        &bytes[start..],
        Some(Origin::File(source.to_path_buf())),
        None,
    )
}

/// Writes the catalog's cache file for `stamp`. Failing to is not an error.
pub fn store(cache_dir: &Path, source: &Path, stamp: &Stamp<'_>, catalog: &Catalog) {
    if std::fs::create_dir_all(cache_dir).is_err() {
        return;
    }
    let body = catalog.packed();
    let Ok(mut bytes) = postcard::to_allocvec(stamp) else {
        return;
    };
    let Ok(sum) = postcard::to_allocvec(&crc32fast::hash(body)) else {
        return;
    };
    bytes.extend_from_slice(&sum);
    bytes.extend_from_slice(body);
    // Written beside, then renamed: another errcode reading it meanwhile sees the old file or the new, and
    // a write that fails part-way (a full disk) leaves nothing behind.
    let Ok(mut partial) = tempfile::NamedTempFile::new_in(cache_dir) else {
        return;
    };
    if std::io::Write::write_all(&mut partial, &bytes).is_ok() {
        let _ = partial.persist(cache_file(cache_dir, source));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::validate::parse;
    use crate::template::Template;

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
        format!("{}{more}", crate::catalog::validate::tests::MINIMAL)
    }

    #[test]
    fn cached_entries_answer_as_the_catalog_does() {
        let original = parse(&catalog(), Origin::File("acme.toml".into())).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("acme.toml");
        let stamp = Stamp {
            format: FORMAT,
            version: "test",
            path: "acme.toml",
            len: 1,
            modified_ns: 1,
        };
        store(dir.path(), &source, &stamp, &original);
        let cached = load(dir.path(), &source, &stamp).unwrap();
        let sources = |forms: &[Template]| {
            forms
                .iter()
                .map(|f| f.source().to_string())
                .collect::<Vec<_>>()
        };
        for i in 0..original.entries.len() {
            assert_eq!(
                cached.entries.with_message_forms(i, sources),
                sources(original.entries[i].message_forms()),
                "entry {i}"
            );
        }
        for code in ["ACME.1", "Acme.1", "ACME.2", "Missing{param}"] {
            assert_eq!(
                cached.entries.with_code(code),
                original.entries.with_code(code),
                "{code}"
            );
        }
        assert_eq!(cached.entries.with_code_template(), vec![2]);
        for i in 0..3 {
            assert_eq!(cached.entries.editions(i), original.entries.editions(i));
        }
        assert_eq!(cached.canonical(), original.canonical());
        assert_eq!(cached.origin, Origin::File(source));
    }

    #[test]
    fn a_damaged_cache_file_is_ignored() {
        let original = parse(&catalog(), Origin::File("acme.toml".into())).unwrap();
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
