//! Users' catalogs: where they are found (the config folder, `ERRCODE_CATALOG_PATH`, `--catalog`), how
//! each file is read (through the cache where one is current), and how they join the built-in ones.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::mapped::CacheBytes;
use super::model::Origin;
use super::{Catalog, Catalogs, LiteralIndex, cache, validate};
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
    /// The built-in catalogs, then the user's. Returns warnings to show: a catalog found in the config
    /// directory that cannot be used (unreadable, not a regular file, invalid, clashing) is skipped with a
    /// warning, as is an unreadable config directory, so that the built-in catalogs and the other files
    /// still answer; a catalog the user names (`--catalog`, `ERRCODE_CATALOG_PATH`) must load. A file
    /// named twice (by any path to it) is loaded once.
    pub fn load(paths: &CatalogPaths) -> Result<(Catalogs, Vec<String>)> {
        let mut set = Catalogs::builtin();
        let mut loaded = HashSet::new();
        // Each user's file as it was just before it was read, for the index of the set.
        let mut read = Vec::new();
        let mut warnings = Vec::new();
        let cache_dir = paths.cache_dir.as_deref();
        if let Some(dir) = &paths.config_dir {
            match catalog_files(dir) {
                Ok(files) => {
                    for file in files {
                        if let Err(err) = set.add_file(&file, cache_dir, &mut loaded, &mut read) {
                            warnings.push(format!("{err}; skipped"));
                        }
                    }
                }
                Err(Error::Read { source, .. })
                    if source.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => warnings.push(format!("skipping user catalogs: {err}")),
            }
        }
        for path in &paths.explicit {
            for file in catalog_files(path)? {
                set.add_file(&file, cache_dir, &mut loaded, &mut read)?;
            }
        }
        if let Some(dir) = cache_dir
            && let Some(stamp) = cache::set_stamp(&set.catalogs, &read)
        {
            set.users_index = Some(std::sync::Arc::new(UsersIndex {
                dir: dir.to_path_buf(),
                stamp,
                index: std::sync::OnceLock::new(),
            }));
        }
        Ok((set, warnings))
    }

    /// Loads and adds the catalog at `path`, unless the file is one of those `loaded` already.
    fn add_file(
        &mut self,
        path: &Path,
        cache_dir: Option<&Path>,
        loaded: &mut HashSet<PathBuf>,
        read: &mut Vec<cache::FileStamp>,
    ) -> Result<()> {
        // A path that cannot be resolved (a file that is not there fails to load below, with the reason;
        // one whose folder's path is longer than the system takes is read, uncached).
        let resolved = std::fs::canonicalize(path).ok();
        let file = resolved.clone().unwrap_or_else(|| path.to_path_buf());
        if loaded.contains(&file) {
            return Ok(());
        }
        let (catalog, stamp) = load_file(path, resolved.as_deref(), cache_dir)?;
        self.add(catalog)?;
        read.extend(stamp);
        loaded.insert(file);
        Ok(())
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

/// A path given by the user: a `.toml` file, or a directory whose catalogs (`is_catalog_name`) are read
/// in name order.
fn catalog_files(path: &Path) -> Result<Vec<PathBuf>> {
    let read_error = read_error(path);
    if !std::fs::metadata(path).map_err(read_error)?.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for item in std::fs::read_dir(path).map_err(read_error)? {
        let file = item.map_err(read_error)?.path();
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if is_catalog_name(name) && !file.is_dir() {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

/// Whether a file in a catalog directory is a catalog: a `.toml` file, not hidden. Hidden files include
/// the editors' locks and swap files (Emacs's `.#acme.toml`, often a dangling symlink, and vim's
/// `.acme.toml.swp`); their backups (`acme.toml~`, `#acme.toml#`) do not end in `.toml`.
fn is_catalog_name(name: &str) -> bool {
    name.ends_with(".toml") && !name.starts_with(['.', '#'])
}

/// The literal index of a loaded set where a user's large catalog is among them (`cache::set_stamp`),
/// taken the first time a message lookup, a paste or a scan asks for it (a code lookup never does): from
/// the set's cache file where that is current and sound, else built and cached.
#[derive(Debug)]
pub(super) struct UsersIndex {
    dir: PathBuf,
    stamp: cache::SetStamp,
    index: std::sync::OnceLock<Option<&'static LiteralIndex<'static>>>,
}

impl UsersIndex {
    /// The index of `catalogs`, the set it was stamped for.
    pub(super) fn get(&self, catalogs: &[Catalog]) -> Option<&'static LiteralIndex<'static>> {
        *self.index.get_or_init(|| {
            let file = cache::set_file(&self.dir, &self.stamp);
            if let Ok(bytes) = cache_bytes(&file, self.stamp.max_file_len())
                && let Some(index) = cache::decode_index(bytes, &self.stamp)
            {
                cache::used(&file);
                return Some(index);
            }
            cache::build_index(&self.dir, catalogs, &self.stamp)
        })
    }
}

/// A user's catalog, given as `path` (`resolved`: the file it names, where that could be worked out): from
/// its cache file where that is current, else read, checked, and cached; with its file's stamp as it was
/// before it was read. (A file not resolved is neither cached nor stamped: its cache could not be told from
/// that of another file given by the same path.)
fn load_file(
    path: &Path,
    resolved: Option<&Path>,
    cache_dir: Option<&Path>,
) -> Result<(Catalog, Option<cache::FileStamp>)> {
    let meta = std::fs::metadata(path).map_err(read_error(path))?;
    if !meta.is_file() {
        // A FIFO or device, named or found in a catalog directory, would block or never end.
        return Err(Error::Usage(format!(
            "{}: not a regular file or directory; a catalog must be a .toml file",
            path.display()
        )));
    }
    let file_stamp = resolved.and_then(|resolved| cache::file_stamp(path, resolved, &meta));
    let cache = (cache_dir.zip(resolved))
        .and_then(|(dir, resolved)| Some((dir, resolved, cache::stamp(file_stamp.as_ref()?)?)));
    if let Some((dir, resolved, stamp)) = &cache {
        // The cache file must be a regular file (not a FIFO, nor a symlink to a device) of a size its
        // catalog can have; anything else is replaced below.
        let file = cache::file(dir, resolved);
        if let Ok(bytes) = cache_bytes(&file, stamp.max_file_len())
            && let Some(catalog) = cache::decode(bytes, path, stamp)
        {
            cache::used(&file);
            return Ok((catalog, file_stamp));
        }
    }
    let catalog = read_file(path, meta.len())?;
    if let Some((dir, resolved, stamp)) = &cache {
        cache::store(dir, resolved, stamp, &catalog);
    }
    Ok((catalog, file_stamp))
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
    let bytes = read_regular(path, MAX_CATALOG_BYTES, true).map_err(read_error(path))?;
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

/// The bytes of `path`, if it is a regular file of at most `limit` bytes (`open_regular`).
fn read_regular(path: &Path, limit: u64, follow: bool) -> std::io::Result<Vec<u8>> {
    let (file, len) = open_regular(path, limit, follow)?;
    read_opened(file, len, limit)
}

/// What `open_regular` opened, `len` bytes long by its metadata, read no further than `limit`.
fn read_opened(file: std::fs::File, len: u64, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// A cache file's bytes, opened as `read_regular` opens a file: mapped where the system allows, else read.
/// (Reading a 50,000-entry catalog's two cache files, 18 MB, copied them into fresh memory: most of such a
/// run's time, in the kernel.)
fn cache_bytes(path: &Path, limit: u64) -> std::io::Result<CacheBytes> {
    let (file, len) = open_regular(path, limit, false)?;
    match super::mapped::map(&file, len) {
        Some(mapped) => Ok(mapped),
        None => read_opened(file, len, limit).map(CacheBytes::Read),
    }
}

/// `path` opened, if it is a regular file of at most `limit` bytes, with its length. It is opened
/// without waiting (a FIFO put there after a check is refused, not waited on for a writer) and, unless
/// `follow`, not through a symlink; what was opened is checked.
fn open_regular(path: &Path, limit: u64, follow: bool) -> std::io::Result<(std::fs::File, u64)> {
    use std::io::Error as IoError;
    if !follow && std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(IoError::other("a symlink, not a regular file"));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let no_follow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | no_follow);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(IoError::other("not a regular file"));
    }
    if meta.len() > limit {
        return Err(too_large(limit));
    }
    Ok((file, meta.len()))
}

fn too_large(limit: u64) -> std::io::Error {
    std::io::Error::other(format!("larger than the {limit} bytes expected"))
}
