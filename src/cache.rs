//! A cache of users' large catalogs, as checked and converted, so they load without their TOML being parsed
//! and checked again: one file per catalog in `$XDG_CACHE_HOME/errcode/` (default `~/.cache/errcode/`),
//! valid while the catalog's path, size and modification time and errcode's version are those it was
//! written for. The cache is an optimisation only: any problem with it means the catalog is read as usual.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Origin, Trusted};

/// Catalogs smaller than this parse in about a millisecond: not worth a cache file.
pub const MIN_CACHED_BYTES: u64 = 64 * 1024;

/// What a cache file was written for.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp<'a> {
    version: &'a str,
    path: &'a str,
    len: u64,
    modified_ns: u128,
}

/// The catalog file's stamp, taken before it is read (a file saved meanwhile then fails to match its cache
/// next time, rather than the cache keeping the old text under the new stamp); `None` for a catalog too
/// small to be worth caching, or one whose stamp cannot be known.
pub fn stamp(source: &Path) -> Option<Stamp<'_>> {
    let meta = std::fs::metadata(source).ok()?;
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

/// The catalog from its cache file, if there is one written for `stamp`.
pub fn load(cache_dir: &Path, source: &Path, stamp: &Stamp<'_>) -> Option<Catalog> {
    let bytes = std::fs::read(cache_file(cache_dir, source)).ok()?;
    let (found, rest) = postcard::take_from_bytes::<Stamp<'_>>(&bytes).ok()?;
    if found != *stamp {
        return None;
    }
    let header = bytes.len() - rest.len();
    // The loaded catalog borrows its texts from the file's bytes, which therefore live as long as the
    // process (one catalog's worth, read once).
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let trusted: Trusted<'static> = postcard::from_bytes(&bytes[header..]).ok()?;
    Some(trusted.load(Origin::File(source.to_path_buf())))
}

/// Writes the catalog's cache file for `stamp`. Failing to is not an error.
pub fn store(cache_dir: &Path, source: &Path, stamp: &Stamp<'_>, catalog: &Catalog) {
    if std::fs::create_dir_all(cache_dir).is_err() {
        return;
    }
    let Ok(mut bytes) = postcard::to_allocvec(stamp) else {
        return;
    };
    let Ok(body) = postcard::to_allocvec(&Trusted::of(catalog)) else {
        return;
    };
    bytes.extend_from_slice(&body);
    let target = cache_file(cache_dir, source);
    // Written beside, then renamed: another errcode reading it meanwhile sees the old file or the new.
    let partial = target.with_extension(format!("{}.partial", std::process::id()));
    if std::fs::write(&partial, &bytes).is_ok() && std::fs::rename(&partial, &target).is_err() {
        let _ = std::fs::remove_file(&partial);
    }
}
