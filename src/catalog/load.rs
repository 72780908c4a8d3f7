//! Users' catalogs: where they are found (the config folder, `ERRCODE_CATALOG_PATH`, `--catalog`), how
//! each file is read (through the cache where one is current), and how they join the built-in ones.

use std::path::{Path, PathBuf};

use super::model::Origin;
use super::{Catalog, Catalogs, cache, validate};
use crate::error::{Error, Result};

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
    let cache = cache_dir.and_then(|dir| Some((dir, cache::stamp(path, &meta)?)));
    if let Some((dir, stamp)) = &cache
        && let Some(catalog) = cache::load(dir, path, stamp)
    {
        return Ok(catalog);
    }
    let catalog = read_file(path, meta.len())?;
    if let Some((dir, stamp)) = &cache {
        cache::store(dir, path, stamp, &catalog);
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
        validate::located(
            &origin,
            &String::from_utf8_lossy(err.as_bytes()),
            valid,
            "file is not valid UTF-8",
        )
    })?;
    validate::parse(&text, origin)
}
