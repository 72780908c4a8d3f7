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
struct Stamp<'a> {
    version: &'a str,
    path: &'a str,
    len: u64,
    modified_ns: u128,
}

fn stamp(source: &Path) -> Option<(Stamp<'_>, u64)> {
    let meta = std::fs::metadata(source).ok()?;
    let modified_ns = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    let stamp = Stamp {
        version: env!("CARGO_PKG_VERSION"),
        path: source.to_str()?,
        len: meta.len(),
        modified_ns,
    };
    Some((stamp, meta.len()))
}

fn cache_file(cache_dir: &Path, source: &Path) -> PathBuf {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    source.hash(&mut hasher);
    cache_dir.join(format!("catalog-{:016x}.bin", hasher.finish()))
}

/// The catalog from its cache file, if there is a valid one.
pub fn load(cache_dir: &Path, source: &Path) -> Option<Catalog> {
    let (expected, _) = stamp(source)?;
    let bytes = std::fs::read(cache_file(cache_dir, source)).ok()?;
    let (found, _) = postcard::take_from_bytes::<Stamp<'_>>(&bytes).ok()?;
    if found != expected {
        return None;
    }
    // The loaded catalog borrows its texts from the file's bytes, which therefore live as long as the
    // process (one catalog's worth, read once).
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let (_, rest) = postcard::take_from_bytes::<Stamp<'static>>(bytes).ok()?;
    let trusted: Trusted<'static> = postcard::from_bytes(rest).ok()?;
    Some(trusted.load(Origin::File(source.to_path_buf())))
}

/// Writes the catalog's cache file, when it is large enough to be worth one. Failing to is not an error.
pub fn store(cache_dir: &Path, source: &Path, catalog: &Catalog) {
    let Some((stamp, len)) = stamp(source) else {
        return;
    };
    if len < MIN_CACHED_BYTES || std::fs::create_dir_all(cache_dir).is_err() {
        return;
    }
    let Ok(mut bytes) = postcard::to_allocvec(&stamp) else {
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
